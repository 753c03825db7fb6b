"""One change log for every path (issue 12, part 3): an import from the command line, a hand edit
(noticed by `validate` or by the bot's watcher) and a /kb edit all appear in `history` with who,
what, when and from where, and `undo` reverts each; the CLI finds the bot's database through
the bot's configuration; git commits name the real author and path and hold only the change."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.live import LiveKnowledge
from bot.moderation import KnowledgeEditor
from bot.storage import Store

try:
    from knowledge_helpers import cli, cli_in_process, page, write
except ImportError:  # tests/ became a package
    from tests.knowledge_helpers import cli, cli_in_process, page, write

FAQ = "faq/how-to-report-a-wrong-answer.yaml"
SPOTLIGHT_FAQ = "faq/request-a-new-career-spotlight.yaml"


def files(root: Path) -> dict[str, bytes]:
    """The knowledge files (nothing hidden: no backups, journal or snapshot)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def config(tmp_path: Path, kdir: Path) -> Path:
    """The bot's configuration: its database beside it, and the knowledge folder."""
    return write(tmp_path / "bot" / "config.toml", f'database = "bot.sqlite3"\nknowledge = "{kdir}"\n')


def history(*args: str | Path) -> list[str]:
    r = cli_in_process("history", "--limit", "100", *args)
    assert r.returncode == 0, r.stderr
    return r.stdout.splitlines()


def undo(*args: str | Path) -> str:
    r = cli_in_process("undo", "--as", "Ana", *args)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_history_lists_an_import_a_hand_edit_and_a_kb_edit_and_undo_reverts_each(tmp_path: Path, kdir: Path, config: Path) -> None:
    original = files(kdir)
    r = cli_in_process("validate", "--config", config)  # the first clean load: the knowledge as it is now is the last good one
    assert r.returncode == 0 and "recorded" not in r.stdout

    r = cli_in_process("import", page("medication-safety-officer.txt"), "--config", config, "--as", "Ana")
    assert r.returncode == 0, r.stderr
    imported = files(kdir)

    edit(kdir / FAQ, "Press 👎 under the answer", "Press the 👎 button under the answer")
    r = cli_in_process("validate", "--config", config)
    assert r.returncode == 0 and f"recorded 1 hand edit in the change log: {FAQ}" in r.stdout
    hand_edited = files(kdir)

    store = Store(tmp_path / "bot" / "bot.sqlite3")
    KnowledgeEditor(kdir, store).faq_edit("Sam (42)", "request-a-new-career-spotlight", answer="Ask in the spotlight channel.")  # as the /kb cog does
    store.close()

    lines = history("--config", config)
    assert lines[0].endswith(f"Sam (42)  faq_edit  {SPOTLIGHT_FAQ} (changed, via Discord)")
    assert lines[1].endswith(f"hand_edit  {FAQ} (changed, via hand edit, noticed by validate)")
    assert any(line.endswith("Ana  import  roles/medication-safety-officer.yaml (created, via command line)") for line in lines[2:])
    assert any(line.endswith("Ana  import  certifications/CEPRS.yaml (created, via command line)") for line in lines[2:])

    assert f"restored {SPOTLIGHT_FAQ}" in undo("--config", config)
    assert files(kdir) == hand_edited
    assert f"restored {FAQ}" in undo("--config", config)
    assert files(kdir) == imported
    assert "removed roles/medication-safety-officer.yaml" in undo("--config", config)
    assert files(kdir) == original
    assert [line.split("  ")[2] for line in history("--config", config)[:3]] == ["undo", "undo", "undo"]
    load_knowledge(kdir)


def test_the_commands_find_the_bots_database_and_knowledge_like_career_bot_run(tmp_path: Path, kdir: Path, config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREER_BOT_CONFIG", str(config))  # as `career-bot run` without --config finds it
    r = cli_in_process("import", page("medication-safety-officer.txt"), "--as", "Ana")  # no --knowledge, no --db
    assert r.returncode == 0, r.stderr
    assert (kdir / "roles/medication-safety-officer.yaml").is_file()
    assert (tmp_path / "bot" / "bot.sqlite3").is_file()
    assert any("Ana  import  roles/medication-safety-officer.yaml" in line for line in history())
    assert cli_in_process("gaps").stdout.strip() == "no open knowledge gaps"
    # with no configuration at all: career-bot.sqlite3 in the current folder, as `career-bot run` uses
    monkeypatch.delenv("CAREER_BOT_CONFIG")
    monkeypatch.chdir(tmp_path)
    r = cli_in_process("history")
    assert r.returncode == 1 and "no database at career-bot.sqlite3; pass --db PATH or --config FILE" in r.stderr


@pytest.mark.parametrize(
    "content, message",
    [
        ("database = 5\n", "database: expected a non-empty string"),
        ("databse = 'x.db'\n", "databse: unknown setting"),
        ('database = ":memory:"\n', "keeps nothing; pass --db PATH"),
    ],
)
def test_a_bad_configuration_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    bad = write(tmp_path / "bad.toml", content)
    r = cli_in_process("history", "--config", bad)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and message in r.stderr, r.stderr


def test_the_watcher_records_hand_edits_and_never_the_bots_own_changes(tmp_path: Path, kdir: Path) -> None:
    store = Store(tmp_path / "bot.sqlite3")
    live = LiveKnowledge(kdir, store)
    editor = KnowledgeEditor(kdir, store)
    editor.faq_add("Sam (42)", ["is there a study group"], "Yes, ask in the study channel.", faq_id="study-group")
    assert live.reload().changed
    edit(kdir / FAQ, "Press 👎", "Press the 👎 button")
    (kdir / SPOTLIGHT_FAQ).unlink()
    assert live.reload(force=True).changed  # a removal by hand is held until a moderator confirms it
    changes = store.history()
    assert [(c.action, c.file, c.via) for c in changes] == [  # newest first
        ("hand_edit", SPOTLIGHT_FAQ, "hand edit, noticed by the bot"),
        ("hand_edit", FAQ, "hand edit, noticed by the bot"),
        ("faq_add", "faq/study-group.yaml", "Discord"),
    ]
    assert changes[0].after is None and "can you add another career path" in (changes[0].before or "")
    assert "Press the 👎 button" in (changes[1].after or "") and "Press the 👎 button" not in (changes[1].before or "")
    result = editor.undo("Sam (42)")  # both files of the hand edit, as one change
    assert result.summary == f"restored {FAQ}; restored {SPOTLIGHT_FAQ}"
    assert "Press 👎 under" in (kdir / FAQ).read_text() and (kdir / SPOTLIGHT_FAQ).is_file()
    live.reload()
    assert [c.action for c in store.history()][:2] == ["undo", "undo"]  # the undo is not taken for a hand edit
    store.close()


def test_hand_edits_made_while_the_bot_was_stopped_are_recorded_at_start(tmp_path: Path, kdir: Path) -> None:
    store = Store(tmp_path / "bot.sqlite3")
    LiveKnowledge(kdir, store)  # keeps the last good knowledge
    edit(kdir / FAQ, "Press 👎", "Press the 👎 button")
    LiveKnowledge(kdir, store)
    assert [(c.action, c.file) for c in store.history()] == [("hand_edit", FAQ)]
    store.close()


def test_a_broken_hand_edit_is_recorded_once_it_is_fixed(tmp_path: Path, kdir: Path) -> None:
    store = Store(tmp_path / "bot.sqlite3")
    live = LiveKnowledge(kdir, store)
    before = (kdir / FAQ).read_text()
    (kdir / FAQ).write_text(before.replace("answer:", "answr:"))
    assert live.reload().problems and store.history() == []
    r = cli_in_process("validate", "--knowledge", kdir, "--db", tmp_path / "bot.sqlite3")
    assert r.returncode == 1 and "recorded" not in r.stdout
    (kdir / FAQ).write_text(before.replace("Press 👎", "Press the 👎 button"))
    assert live.reload().changed
    (change,) = store.history()
    assert change.before == before and "Press the 👎 button" in (change.after or "")
    store.close()


def test_an_edit_records_the_hand_edits_before_it_as_their_own_change(tmp_path: Path, kdir: Path) -> None:
    store = Store(tmp_path / "bot.sqlite3")
    LiveKnowledge(kdir, store)
    edit(kdir / FAQ, "Press 👎", "Press the 👎 button")  # not noticed yet (no watcher running)
    KnowledgeEditor(kdir, store).alias_add("Sam (42)", "CPOM", "ops manager cert")
    assert [c.action for c in store.history()] == ["alias_add", "hand_edit"]
    KnowledgeEditor(kdir, store).undo("Sam (42)")
    KnowledgeEditor(kdir, store).undo("Sam (42)")
    assert "Press 👎 under" in (kdir / FAQ).read_text()
    store.close()


# ---------------------------------------------------------------------------- git


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True, text=True).stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_git_commits_name_the_real_author_and_path_and_hold_only_the_change(tmp_path: Path, kdir: Path) -> None:
    _git(kdir, "init", "-q")
    _git(kdir, "-c", "user.name=Setup", "-c", "user.email=setup@example.org", "add", "-A")
    _git(kdir, "-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "-qm", "initial")
    write(kdir / "notes.txt", "my own notes, untracked\n")
    write(kdir / "faq" / "draft.txt", "a draft next to the FAQ files, untracked\n")
    edit(kdir / SPOTLIGHT_FAQ, "Ask a moderator", "Ask one of the moderators")
    _git(kdir, "add", SPOTLIGHT_FAQ)  # staged by the moderator, not part of the import

    r = cli("import", page("medication-safety-officer.txt"), "--knowledge", kdir, "--db", tmp_path / "bot.db", "--as", "Ana Lopez")
    assert r.returncode == 0, r.stderr
    author, subject = _git(kdir, "log", "-1", "--format=%an <%ae>%n%s").splitlines()
    assert author == "Ana Lopez <Ana-Lopez@command-line>"
    assert subject.startswith("import: ") and subject.endswith("(by Ana Lopez via command line)")
    committed = set(_git(kdir, "show", "--name-only", "--format=", "HEAD").split())
    assert committed == {"roles/medication-safety-officer.yaml", "certifications/CEPRS.yaml", "sources/medication-safety-officer.txt"}
    status = _git(kdir, "status", "--porcelain")
    assert "?? notes.txt" in status and "?? faq/draft.txt" in status and f"M  {SPOTLIGHT_FAQ}" in status

    r = cli("undo", "--knowledge", kdir, "--db", tmp_path / "bot.db", "--as", "Sam")
    assert r.returncode == 0, r.stderr
    assert _git(kdir, "log", "-1", "--format=%an <%ae>|%s").startswith("Sam <Sam@command-line>|undo: ")
    assert "roles/medication-safety-officer.yaml" not in _git(kdir, "ls-files")
    assert f"M  {SPOTLIGHT_FAQ}" in _git(kdir, "status", "--porcelain")  # still the moderator's, still uncommitted


def test_a_scratch_knowledge_folder_alone_leaves_no_database_behind(tmp_path: Path, kdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAREER_BOT_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    r = cli_in_process("import", "--knowledge", kdir, page("medication-safety-officer.txt"))
    assert r.returncode == 0, r.stderr
    assert (kdir / "roles/medication-safety-officer.yaml").is_file()
    assert not (tmp_path / "career-bot.sqlite3").exists()  # trying a page on a copy is not the bot's business
    r = cli_in_process("import", "--knowledge", kdir, "--db", tmp_path / "x.sqlite3", page("pharmacy-supply-chain-manager.txt"))
    assert r.returncode == 0, r.stderr
    assert any("roles/pharmacy-supply-chain-manager.yaml" in line for line in history("--db", tmp_path / "x.sqlite3"))
