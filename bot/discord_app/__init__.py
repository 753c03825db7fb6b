"""The Discord layer: config, rendering, lookups, cogs, and the client over the core engine."""

from bot.discord_app.config import Config, ConfigError, load_config

__all__ = ["Config", "ConfigError", "load_config", "create_bot"]


def create_bot(*args, **kwargs):
    from bot.discord_app.bot import create_bot as _create

    return _create(*args, **kwargs)
