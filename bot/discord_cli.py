"""`career-bot run` and `career-bot sync`: the Discord bot's command line, and the one way every
command reads the bot's settings (``--config``, else ``$CAREER_BOT_CONFIG``, else the defaults),
so `gaps`, `history`, `undo` and the others find the database and knowledge the bot uses."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable

from bot.discord_app.config import Config, ConfigError, load_config


CONFIG_ENV = "CAREER_BOT_CONFIG"


def config_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", type=Path, default=None, metavar="FILE", help=f"the bot's TOML settings (default: ${CONFIG_ENV}, else built-in defaults); see config.example.toml")


def read_config(path: Path | None, who: str = "career-bot") -> Config | None:
    """The settings as `career-bot run` reads them; None after printing every problem (``who: file: key: message``)."""
    if path is None and os.environ.get(CONFIG_ENV):
        path = Path(os.environ[CONFIG_ENV])
    try:
        return load_config(path)
    except ConfigError as e:
        for p in e.problems:
            print(f"{who}: {e.source}: {p}", file=sys.stderr)
        return None


def _config(args: argparse.Namespace) -> Config | None:
    return read_config(args.config)


class Settings:
    """Where a command finds the knowledge and the database: its own options (``--knowledge``,
    ``--db``), else the bot's configuration (``--config`` / ``$CAREER_BOT_CONFIG``), else the
    bot's defaults -- exactly where `career-bot run` looks. The configuration is read only when
    an option does not already say; a bad one is reported once (then ``None``)."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.who = f"career-bot {getattr(args, 'command', '')}".strip()
        self._config: Config | None = None
        self._failed = False

    def config(self) -> Config | None:
        if self._config is None and not self._failed:
            self._config = read_config(getattr(self.args, "config", None), self.who)
            self._failed = self._config is None
        return self._config

    def knowledge(self) -> Path | None:
        """The knowledge folder: ``--knowledge``, the configured ``knowledge``, else the default."""
        from bot.knowledge.loader import default_knowledge_dir

        if getattr(self.args, "knowledge", None) is not None:
            return Path(self.args.knowledge)
        config = self.config()
        if config is None:
            return None
        return config.knowledge or default_knowledge_dir()

    def database(self) -> Path | None:
        """The database file: ``--db``, else the configured ``database`` (default
        ``career-bot.sqlite3`` in the current folder); None when there is none to use."""
        if getattr(self.args, "db", None) is not None:
            return Path(self.args.db)
        config = self.config()
        if config is None:
            return None
        if config.state_prefix is None:
            print(f"{self.who}: the configured database is {config.database!r}, which keeps nothing; pass --db PATH", file=sys.stderr)
            self._failed = True
            return None
        return Path(config.database)


def cmd_run(args: argparse.Namespace) -> int:
    config = _config(args)
    if config is None:
        return 1
    from bot.discord_app import runner

    return runner.run(config, args.knowledge)


def cmd_sync(args: argparse.Namespace) -> int:
    config = _config(args)
    if config is None:
        return 1
    from bot.discord_app import runner

    return runner.sync(config, args.knowledge, args.global_)


def register(sub: argparse._SubParsersAction, knowledge_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("run", help="run the Discord bot (token from DISCORD_TOKEN)")
    config_arg(p)
    knowledge_arg(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("sync", help="log in, sync the slash commands, and exit")
    config_arg(p)
    p.add_argument("--global", dest="global_", action="store_true", help="sync globally (all guilds and DMs; can take up to an hour to appear) instead of to guild_ids")
    knowledge_arg(p)
    p.set_defaults(func=cmd_sync)
