"""Fixtures shared by the test files: a scratch copy of the shipped knowledge, and a bot
configuration of the test's own (so no command a test runs finds a real bot's database)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.live import LiveKnowledge

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "knowledge"  # the knowledge the tests own


@pytest.fixture(autouse=True)
def own_bot_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``$CAREER_BOT_CONFIG`` for this test: its database in a folder of its own. The commands
    that record knowledge changes (import, undo, teach, validate) use the bot's database by
    default; without this they would create one in the current folder (or use the developer's)."""
    folder = tmp_path_factory.mktemp("bot-config")
    config = folder / "config.toml"
    config.write_text('database = "career-bot.sqlite3"\n', encoding="utf-8")
    folder.chmod(0o755)  # commands run as another user read it too
    monkeypatch.setenv("CAREER_BOT_CONFIG", str(config))
    monkeypatch.delenv("CAREER_BOT_DB", raising=False)
    monkeypatch.setenv("CAREER_BOT_CACHE", "off")  # no test depends on (or writes) a snapshot cache, unless it says so
    return config


@pytest.fixture
def kdir(tmp_path: Path) -> Path:
    """A copy of the test knowledge (``tests/fixtures/knowledge``) that a test may edit freely."""
    dst = tmp_path / "knowledge"
    shutil.copytree(FIXTURE, dst, ignore=shutil.ignore_patterns(".*"))  # no backups, journal, last-good snapshot or git
    return dst


@pytest.fixture
def live(kdir: Path) -> LiveKnowledge:
    return LiveKnowledge(kdir)
