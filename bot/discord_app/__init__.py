"""The Discord layer: config, rendering, lookups, cogs, and the client over the core engine.

``bot.discord_app.bot.create_bot`` builds the client; ``runner`` runs it.
"""

from bot.discord_app.config import Config, ConfigError, load_config

__all__ = ["Config", "ConfigError", "load_config"]
