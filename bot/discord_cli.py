"""`career-bot run` and `career-bot sync`: the Discord bot's command line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable

from bot.discord_app.config import ConfigError, load_config


def _config(args: argparse.Namespace):
    path = args.config
    if path is None and os.environ.get("CAREER_BOT_CONFIG"):
        path = Path(os.environ["CAREER_BOT_CONFIG"])
    try:
        return load_config(path)
    except ConfigError as e:
        for p in e.problems:
            print(f"career-bot: {e.source}: {p}", file=sys.stderr)
        return None


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
    p.add_argument("--config", type=Path, default=None, metavar="FILE", help="TOML settings (default: $CAREER_BOT_CONFIG, else built-in defaults); see config.example.toml")
    knowledge_arg(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("sync", help="log in, sync the slash commands, and exit")
    p.add_argument("--config", type=Path, default=None, metavar="FILE", help="TOML settings (default: $CAREER_BOT_CONFIG, else built-in defaults)")
    p.add_argument("--global", dest="global_", action="store_true", help="sync globally (all guilds and DMs; can take up to an hour to appear) instead of to guild_ids")
    knowledge_arg(p)
    p.set_defaults(func=cmd_sync)
