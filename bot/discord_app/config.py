"""Bot settings: a TOML file (stdlib ``tomllib``) plus ``DISCORD_TOKEN`` from the environment.

Every setting has a sensible default, so with no file and only ``DISCORD_TOKEN`` set the bot
answers DMs, mentions and slash commands without any privileged intent. Validation collects
every problem and names the key, e.g. ``config.toml: cooldown_seconds: must be >= 0``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
DEFAULT_DATABASE = "career-bot.sqlite3"


class ConfigError(Exception):
    """The configuration is unusable; ``problems`` lists each ``key: message``."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{source}: {p}" for p in problems))


@dataclass(frozen=True)
class Config:
    token: str | None = field(default=None, repr=False)  # never printed or logged
    guild_ids: tuple[int, ...] = ()
    ask_channel_ids: tuple[int, ...] = ()
    moderator_role_id: int | None = None
    mod_log_channel_id: int | None = None
    cooldown_seconds: float = 5.0
    min_confidence: float = 0.5
    ephemeral: bool = True
    database: str = DEFAULT_DATABASE
    retention_days: int = 180
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    log_level: str = "INFO"
    knowledge: Path | None = None
    watch: bool = True

    @property
    def needs_message_content(self) -> bool:
        return bool(self.ask_channel_ids)

    @property
    def state_prefix(self) -> Path | None:
        """Where per-guild command hashes live: next to the database (None for ``:memory:``)."""
        if self.database == ":memory:" or self.database.startswith("file:"):
            return None
        return Path(self.database)


_KEYS = {f.name for f in fields(Config)}


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _snowflake(v: Any) -> int | None:
    """Discord ids as TOML integers, or digit strings (ids pasted from the client)."""
    if _is_int(v) and v > 0:
        return v
    if isinstance(v, str) and v.strip().isdigit() and int(v) > 0:
        return int(v)
    return None


def parse_config(data: Mapping[str, Any], source: str = "config", base_dir: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Validate a parsed TOML table; relative paths are taken from ``base_dir``."""
    env = os.environ if env is None else env
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key in data:
        if key not in _KEYS:
            problems.append(f"{key}: unknown setting (known: {', '.join(sorted(_KEYS))})")

    def ids(key: str) -> None:
        if key not in data:
            return
        v = data[key]
        if not isinstance(v, list):
            problems.append(f"{key}: expected a list of Discord ids, got {type(v).__name__}")
            return
        out = []
        for i, item in enumerate(v):
            sf = _snowflake(item)
            if sf is None:
                problems.append(f"{key}[{i}]: {item!r} is not a Discord id (a positive integer)")
            else:
                out.append(sf)
        values[key] = tuple(dict.fromkeys(out))

    def one_id(key: str) -> None:
        if key not in data:
            return
        sf = _snowflake(data[key])
        if sf is None and data[key] not in (0, ""):
            problems.append(f"{key}: {data[key]!r} is not a Discord id (a positive integer; 0 or \"\" = none)")
        values[key] = sf

    def number(key: str, lo: float | None = None, hi: float | None = None, integer: bool = False) -> None:
        if key not in data:
            return
        v = data[key]
        ok = _is_int(v) if integer else (_is_int(v) or isinstance(v, float))
        if not ok:
            problems.append(f"{key}: expected {'an integer' if integer else 'a number'}, got {v!r}")
            return
        if lo is not None and v < lo:
            problems.append(f"{key}: must be >= {lo}, got {v!r}")
        elif hi is not None and v > hi:
            problems.append(f"{key}: must be <= {hi}, got {v!r}")
        else:
            values[key] = v

    def boolean(key: str) -> None:
        if key in data:
            if isinstance(data[key], bool):
                values[key] = data[key]
            else:
                problems.append(f"{key}: expected true or false, got {data[key]!r}")

    def string(key: str) -> str | None:
        if key not in data:
            return None
        if not isinstance(data[key], str) or not data[key].strip():
            problems.append(f"{key}: expected a non-empty string, got {data[key]!r}")
            return None
        return data[key].strip()

    ids("guild_ids")
    ids("ask_channel_ids")
    one_id("moderator_role_id")
    one_id("mod_log_channel_id")
    number("cooldown_seconds", lo=0, hi=3600)
    number("min_confidence", lo=0, hi=1)
    boolean("ephemeral")
    boolean("watch")
    number("retention_days", lo=1, integer=True)
    number("shard_count", lo=1, integer=True)
    if "cooldown_seconds" in values:
        values["cooldown_seconds"] = float(values["cooldown_seconds"])
    if "min_confidence" in values:
        values["min_confidence"] = float(values["min_confidence"])
    if "shard_ids" in data:
        v = data["shard_ids"]
        if not isinstance(v, list) or not all(_is_int(x) and x >= 0 for x in v) or not v:
            problems.append(f"shard_ids: expected a non-empty list of shard numbers (integers >= 0), got {v!r}")
        elif "shard_count" not in data:
            problems.append("shard_ids: needs shard_count as well")
        elif "shard_count" in values and any(x >= values["shard_count"] for x in v):
            problems.append(f"shard_ids: every id must be < shard_count ({values['shard_count']}), got {v!r}")
        else:
            values["shard_ids"] = tuple(dict.fromkeys(v))
    level = string("log_level")
    if level is not None:
        if level.upper() not in LOG_LEVELS:
            problems.append(f"log_level: expected one of {', '.join(LOG_LEVELS)}, got {level!r}")
        else:
            values["log_level"] = level.upper()
    db = string("database")
    if db is not None:
        values["database"] = db if db == ":memory:" or Path(db).is_absolute() or base_dir is None else str(base_dir / db)
    kpath = string("knowledge")
    if kpath is not None:
        values["knowledge"] = Path(kpath) if Path(kpath).is_absolute() or base_dir is None else base_dir / kpath
    tok = string("token")
    if tok is not None:
        values["token"] = tok
    if env.get("DISCORD_TOKEN", "").strip():
        values["token"] = env["DISCORD_TOKEN"].strip()
    if problems:
        raise ConfigError(source, problems)
    return Config(**values)


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read ``path`` (TOML) or, with no path, run on defaults plus the environment."""
    if path is None:
        return parse_config({}, "defaults", None, env)
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(str(path), ["no such file"]) from None
    except OSError as e:
        raise ConfigError(str(path), [f"cannot read: {e.strerror or e}"]) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(str(path), ["not UTF-8 text"]) from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(str(path), [f"invalid TOML: {e}"]) from None
    return parse_config(data, str(path), path.parent, env)
