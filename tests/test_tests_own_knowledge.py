"""The suite owns its knowledge (issue 12, part 8): a moderator's ordinary edits to the bundled
knowledge/ -- importing a page, adding an FAQ entry, a hand edit the change log recorded --
never turn it red. Proved on a copy of this checkout whose knowledge/ was edited that way: the
tests that once read knowledge/ run there and pass. Only the bundled-knowledge checks in
test_validate.py read knowledge/ itself, and what they check (it validates and holds every fact
of the seed page) survives such edits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

try:
    from knowledge_helpers import REPO, page, write
except ImportError:  # tests/ became a package
    from tests.knowledge_helpers import REPO, page, write

GUARD = "CAREER_BOT_TESTS_ON_EDITED_KNOWLEDGE"
# The tests that read the bundled knowledge before it had a fixture (the issue counted 9 failures).
TESTS = [
    "tests/test_engine.py",
    "tests/test_eval_floor.py",
    "tests/test_yamlio.py",
    "tests/test_live.py",
    "tests/test_moderation.py",
    "tests/test_hostile_files.py",
    "tests/test_discord_render.py",
    "tests/test_discord_bot.py::test_slash_commands_and_autocomplete",
    "tests/test_discord_hardening.py::test_another_servers_owner_gets_no_kb_even_when_synced_globally",
    "tests/test_validate.py::test_shipped_knowledge_is_clean",
    "tests/test_validate.py::test_every_fact_of_the_seed_page_is_in_the_shipped_knowledge",
]


@pytest.mark.skipif(bool(os.environ.get(GUARD)), reason="already running on the edited copy")
def test_a_moderators_ordinary_edits_to_knowledge_never_turn_the_suite_red(tmp_path: Path) -> None:
    copy = tmp_path / "checkout"
    skip = shutil.ignore_patterns("__pycache__", ".hypothesis", ".pytest_cache", ".mypy_cache", ".venv", ".git", "*.sqlite3*", "*.egg-info")
    for part in ("bot", "tests", "knowledge"):
        shutil.copytree(REPO / part, copy / part, ignore=skip)
    shutil.copy(REPO / "pyproject.toml", copy)
    env = {**os.environ, "PYTHONPATH": str(copy), GUARD: "1"}
    env.pop("CAREER_BOT_KNOWLEDGE", None)

    def career_bot(*args: str | Path) -> str:
        r = subprocess.run([sys.executable, "-m", "bot", *map(str, args)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stdout + r.stderr
        return r.stdout

    kb = copy / "knowledge"
    db = ["--db", tmp_path / "bot.sqlite3"]
    career_bot("validate", "--knowledge", kb, *db)  # the last good knowledge, as a running bot keeps it
    career_bot("import", page("medication-safety-officer.txt"), "--knowledge", kb, "--as", "Ana", *db)
    write(kb / "faq" / "parking.yaml", "id: parking\nquestions:\n  - where do i park for the exam\nanswer: Ask the test centre; most have free parking.\n")
    vocabulary = kb / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "  boss: director\n", encoding="utf-8")
    assert "recorded 2 hand edits" in career_bot("validate", "--knowledge", kb, *db)
    assert (kb / ".backups").is_dir() and (kb / ".last-good").is_dir()  # what moderators' edits leave behind

    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *TESTS], cwd=copy, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-2000:]
