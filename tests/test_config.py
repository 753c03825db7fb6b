"""Bot settings: defaults, every key validated with its name in the message, the example file."""

from __future__ import annotations

import tomllib
from dataclasses import fields
from pathlib import Path

import pytest

from bot.discord_app.bot import make_intents
from bot.discord_app.config import Config, ConfigError, load_config, parse_config

REPO = Path(__file__).resolve().parents[1]


def test_defaults_need_only_a_token() -> None:
    c = load_config(None, env={"DISCORD_TOKEN": " tok "})
    assert c.token == "tok" and c.guild_ids == () and c.ask_channel_ids == ()
    assert not c.needs_message_content
    i = make_intents(c)
    assert not (i.message_content or i.members or i.presences) and i.guilds and i.dm_messages and i.guild_messages
    assert "tok" not in repr(c)


def test_file_values_and_relative_paths(tmp_path: Path) -> None:
    p = tmp_path / "config.toml"
    p.write_text(
        """
token = "from-file"
guild_ids = [123, "456"]
ask_channel_ids = [789]
moderator_role_id = 42
mod_log_channel_id = 43
rate_limit_questions = 3
rate_limit_seconds = 30
min_confidence = 0.6
ephemeral = false
database = "data/bot.sqlite3"
retention_days = 30
conversation_minutes = 5
conversation_limit = 100
answer_in_threads = true
moderator_channel_id = 44
helper_role_id = "45"
shard_count = 2
shard_ids = [1]
log_level = "debug"
knowledge = "kb"
watch = false
uvloop = true
"""
    )
    c = load_config(p, env={})
    assert c.token == "from-file" and c.guild_ids == (123, 456) and c.ask_channel_ids == (789,)
    assert c.moderator_role_id == 42 and c.mod_log_channel_id == 43
    assert c.rate_limit_questions == 3 and c.rate_limit_seconds == 30.0 and c.min_confidence == 0.6 and c.ephemeral is False
    assert c.database == str(tmp_path / "data" / "bot.sqlite3") and c.retention_days == 30
    assert c.shard_count == 2 and c.shard_ids == (1,) and c.log_level == "DEBUG"
    assert c.knowledge == tmp_path / "kb" and c.watch is False and c.needs_message_content
    assert c.conversation_minutes == 5.0 and c.conversation_limit == 100 and c.answer_in_threads is True
    assert c.moderator_channel_id == 44 and c.helper_role_id == 45 and c.uvloop is True
    assert make_intents(c).message_content
    assert load_config(p, env={"DISCORD_TOKEN": "env"}).token == "env"  # the environment wins


@pytest.mark.parametrize(
    "toml, key",
    [
        ("guild_ids = 5", "guild_ids"),
        ('guild_ids = ["abc"]', "guild_ids[0]"),
        ("ask_channel_ids = [-1]", "ask_channel_ids[0]"),
        ("moderator_role_id = true", "moderator_role_id"),
        ('mod_log_channel_id = "x"', "mod_log_channel_id"),
        ("cooldown_seconds = 5", "cooldown_seconds"),  # retired: says what replaces it
        ("rate_limit_questions = -1", "rate_limit_questions"),
        ("rate_limit_questions = 2.5", "rate_limit_questions"),
        ("rate_limit_questions = 100000", "rate_limit_questions"),
        ('rate_limit_seconds = "60"', "rate_limit_seconds"),
        ("rate_limit_seconds = 0", "rate_limit_seconds"),
        ("rate_limit_seconds = nan", "rate_limit_seconds"),
        ("rate_limit_seconds = inf", "rate_limit_seconds"),
        ("min_confidence = 1.5", "min_confidence"),
        ("min_confidence = nan", "min_confidence"),
        ("min_confidence = -inf", "min_confidence"),
        ("retention_days = 99999999999", "retention_days"),
        ("guild_ids = [5]\nmoderator_role_id = 5", "moderator_role_id"),  # the @everyone role
        ("moderator_role_id = 7", "moderator_role_id"),  # a role, but /kb would work in no server
        ('ephemeral = "yes"', "ephemeral"),
        ("database = 3", "database"),
        ("retention_days = 0", "retention_days"),
        ("retention_days = 1.5", "retention_days"),
        ("shard_count = 0", "shard_count"),
        ("shard_ids = [0]", "shard_ids"),
        ("shard_count = 2\nshard_ids = [2]", "shard_ids"),
        ('log_level = "LOUD"', "log_level"),
        ('knowledge = ""', "knowledge"),
        ("watch = 1", "watch"),
        ("gulid_ids = [1]", "gulid_ids"),
        ("conversation_minutes = 0", "conversation_minutes"),
        ("conversation_minutes = nan", "conversation_minutes"),
        ("conversation_limit = -1", "conversation_limit"),
        ("conversation_limit = 1.5", "conversation_limit"),
        ("answer_in_threads = true", "answer_in_threads"),  # threads start only in ask channels
        ('answer_in_threads = "yes"\nask_channel_ids = [1]', "answer_in_threads"),
        ("moderator_channel_id = -3", "moderator_channel_id"),
        ("helper_role_id = 7", "helper_role_id"),  # pinged only by moderator-channel posts
        ("guild_ids = [5]\nmoderator_channel_id = 6\nhelper_role_id = 5", "helper_role_id"),  # @everyone
        ("snapshot_cache = false", "snapshot_cache"),
        ('snapshot_cache = " "', "snapshot_cache"),
    ],
)
def test_errors_name_the_key(tmp_path: Path, toml: str, key: str) -> None:
    p = tmp_path / "config.toml"
    p.write_text(toml + "\n")
    with pytest.raises(ConfigError) as info:
        load_config(p, env={})
    assert any(prob.startswith(key + ":") for prob in info.value.problems), info.value.problems
    assert str(p) in str(info.value)


def test_numbers_are_finite_and_bounded_with_clear_messages(tmp_path: Path) -> None:
    p = tmp_path / "config.toml"
    p.write_text("min_confidence = nan\nretention_days = 5000\ncooldown_seconds = 5\nguild_ids = [9]\nmoderator_role_id = 9\n")
    with pytest.raises(ConfigError) as info:
        load_config(p, env={})
    assert sorted(info.value.problems) == sorted([
        "min_confidence: must be a finite number, got nan",
        "retention_days: must be <= 3650, got 5000",
        "cooldown_seconds: replaced by rate_limit_questions and rate_limit_seconds (a burst allowance, e.g. 5 questions per 60 seconds, instead of one question per N seconds); remove it and set those",
        "moderator_role_id: 9 is the id of a server in guild_ids, i.e. its @everyone role (every member); use the moderators' role id (right-click the role > Copy Role ID)",
    ])
    assert str(info.value).startswith(f"{p}: ")
    c = parse_config({"rate_limit_questions": 0, "guild_ids": [9], "moderator_role_id": 10}, env={})
    assert c.rate_limit_questions == 0 and c.moderator_role_id == 10  # 0 = no rate limit


def test_all_problems_reported_at_once() -> None:
    with pytest.raises(ConfigError) as info:
        parse_config({"cooldown_seconds": -1, "min_confidence": 3, "nope": 1}, env={})
    assert len(info.value.problems) == 3


def test_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "absent.toml", env={})
    bad = tmp_path / "bad.toml"
    bad.write_text("guild_ids = [1,\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(bad, env={})


def test_zero_means_no_id() -> None:
    c = parse_config({"moderator_role_id": 0, "mod_log_channel_id": ""}, env={})
    assert c.moderator_role_id is None and c.mod_log_channel_id is None


def test_example_config_documents_every_setting_and_loads() -> None:
    example = REPO / "config.example.toml"
    text = example.read_text()
    for f in fields(Config):
        assert f"{f.name} =" in text, f"config.example.toml does not document {f.name}"
    data = tomllib.loads(text)
    assert "token" not in data  # the example must never carry a token
    c = load_config(example, env={})
    assert isinstance(c, Config)


def test_the_bot_runs_on_uvloop_only_when_asked_and_installed(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    import asyncio
    import sys

    from bot.discord_app.runner import run_loop

    async def loop_module() -> int:
        return 1 if type(asyncio.get_running_loop()).__module__.startswith("uvloop") else 0

    assert Config().uvloop is False
    assert run_loop(loop_module(), False) == 0
    monkeypatch.setitem(sys.modules, "uvloop", None)  # not installed (e.g. Windows)
    assert run_loop(loop_module(), True) == 0 and "uvloop is set but not installed" in caplog.text
    monkeypatch.delitem(sys.modules, "uvloop")
    pytest.importorskip("uvloop")
    assert run_loop(loop_module(), True) == 1


def test_the_snapshot_cache_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.discord_app.runner import _cache
    from bot.engine.snapshot_cache import SnapshotCache

    p = tmp_path / "config.toml"
    p.write_text('snapshot_cache = "cache/snapshots"\n')
    assert _cache(load_config(p, env={})) == SnapshotCache(tmp_path / "cache" / "snapshots")  # relative to the file
    p.write_text('snapshot_cache = "OFF"\n')
    assert _cache(load_config(p, env={})) is None
    monkeypatch.setenv("CAREER_BOT_CACHE", str(tmp_path / "env"))
    assert _cache(Config()) == SnapshotCache(tmp_path / "env")  # not set: the environment's, else the user's cache folder
