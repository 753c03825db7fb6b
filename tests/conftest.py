"""Fixtures shared by the test files: a scratch copy of the shipped knowledge."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.live import LiveKnowledge

SHIPPED = Path(__file__).resolve().parents[1] / "knowledge"


@pytest.fixture
def kdir(tmp_path: Path) -> Path:
    """A copy of the shipped knowledge that a test may edit freely."""
    dst = tmp_path / "knowledge"
    shutil.copytree(SHIPPED, dst, ignore=shutil.ignore_patterns(".*"))  # no backups, journal, last-good snapshot or git
    return dst


@pytest.fixture
def live(kdir: Path) -> LiveKnowledge:
    return LiveKnowledge(kdir)
