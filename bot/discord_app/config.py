"""Bot settings: a TOML file (stdlib ``tomllib``) plus ``DISCORD_TOKEN`` from the environment.

Every setting has a sensible default, so with no file and only ``DISCORD_TOKEN`` set the bot
answers DMs, mentions and slash commands without any privileged intent. Validation collects
every problem and names the key, e.g. ``config.toml: retention_days: must be <= 3650, got 99999``.
Numbers must be finite (TOML accepts ``nan`` and ``inf``) and within sensible bounds, so a
typo can never switch a safeguard off.
"""

from __future__ import annotations

import math
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
    rate_limit_questions: int = 5  # answers per member per rate_limit_seconds (burst allowance); 0 = no limit
    rate_limit_seconds: float = 60.0
    min_confidence: float = 0.5
    ephemeral: bool = True
    database: str = DEFAULT_DATABASE
    retention_days: int = 180
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    log_level: str = "INFO"
    knowledge: Path | None = None
    watch: bool = True
    conversation_minutes: float = 15.0  # a member's follow-ups continue their conversation within this window
    conversation_limit: int = 10_000  # conversations kept in memory (least recently used dropped first); 0 = none
    answer_in_threads: bool = False  # in ask channels, answer inside a thread started on the question
    moderator_channel_id: int | None = None  # "Ask a moderator" posts go here; None = no such button
    helper_role_id: int | None = None  # pinged by those posts; None = nobody is pinged
    uvloop: bool = False  # run on uvloop's event loop when it is installed (not on Windows)
    snapshot_cache: str | None = None  # folder of the start-up snapshot cache, or "off"; None = $CAREER_BOT_CACHE, else the user's cache folder

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
RETIRED = {
    "cooldown_seconds": "replaced by rate_limit_questions and rate_limit_seconds (a burst allowance, "
    "e.g. 5 questions per 60 seconds, instead of one question per N seconds); remove it and set those",
}
RETENTION_DAYS_MAX = 3650


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
        if key in RETIRED:
            problems.append(f"{key}: {RETIRED[key]}")
        elif key not in _KEYS:
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
        if not math.isfinite(v):
            problems.append(f"{key}: must be a finite number, got {v!r}")
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
    one_id("moderator_channel_id")
    one_id("helper_role_id")
    number("rate_limit_questions", lo=0, hi=1000, integer=True)
    number("rate_limit_seconds", lo=1, hi=86400)
    number("min_confidence", lo=0, hi=1)
    boolean("ephemeral")
    boolean("watch")
    boolean("answer_in_threads")
    boolean("uvloop")
    number("conversation_minutes", lo=1, hi=1440)
    number("conversation_limit", lo=0, hi=1_000_000, integer=True)
    number("retention_days", lo=1, hi=RETENTION_DAYS_MAX, integer=True)
    number("shard_count", lo=1, hi=10_000, integer=True)
    for key in ("rate_limit_seconds", "min_confidence", "conversation_minutes"):
        if key in values:
            values[key] = float(values[key])
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
    cache = string("snapshot_cache")
    if cache is not None:
        values["snapshot_cache"] = cache if cache.lower() == "off" or Path(cache).is_absolute() or base_dir is None else str(base_dir / cache)
    tok = string("token")
    if tok is not None:
        values["token"] = tok
    if env.get("DISCORD_TOKEN", "").strip():
        values["token"] = env["DISCORD_TOKEN"].strip()
    problems += _moderator_problems(values)
    problems += _escalation_problems(values)
    if values.get("answer_in_threads") and not values.get("ask_channel_ids"):
        problems.append("answer_in_threads: threads are started only in ask channels; set ask_channel_ids too, or remove it")
    if problems:
        raise ConfigError(source, problems)
    return Config(**values)


def _moderator_problems(values: Mapping[str, Any]) -> list[str]:
    """The moderator role must be a real role of a configured server (see README, "Moderators")."""
    rid = values.get("moderator_role_id")
    if not rid:
        return []
    guilds = values.get("guild_ids", ())
    if rid in guilds:
        return [f"moderator_role_id: {rid} is the id of a server in guild_ids, i.e. its @everyone role (every member); use the moderators' role id (right-click the role > Copy Role ID)"]
    if not guilds:
        return ["moderator_role_id: /kb works only in the servers listed in guild_ids; add the id of the server this role belongs to"]
    return []


def _escalation_problems(values: Mapping[str, Any]) -> list[str]:
    """The helper role is pinged by "Ask a moderator" posts: it needs their channel, and is never @everyone."""
    rid = values.get("helper_role_id")
    if not rid:
        return []
    if rid in values.get("guild_ids", ()):
        return [f"helper_role_id: {rid} is the id of a server in guild_ids, i.e. its @everyone role; use the helpers' role id"]
    if not values.get("moderator_channel_id"):
        return ["helper_role_id: it is pinged only by posts in moderator_channel_id; set that too"]
    return []


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
