"""bot.knowledge.transaction: a change set lands all or nothing, and recovery finishes or undoes
whatever a crash interrupted (the kill -9 test of a real import is in test_crash.py)."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from bot.knowledge import transaction
from bot.knowledge.transaction import RecoveryError, TransactionError, apply_changes, deliberate_removals, knowledge_lock, recover

try:
    from knowledge_helpers import snapshot, write
except ImportError:  # tests/ became a package
    from tests.knowledge_helpers import snapshot, write


def visible(root: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(root).items() if not k.startswith(".") and not k.endswith("/")}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    r = tmp_path / "kb"
    write(r / "roles/a.yaml", "a: 1\n")
    write(r / "roles/b.yaml", "b: 1\n")
    write(r / "faq/gone.yaml", "g: 1\n")
    return r


CHANGE = {"roles/a.yaml": "a: 2\n", "roles/new.yaml": "n: 1\n", "faq/gone.yaml": None}
AFTER = {"roles/a.yaml": b"a: 2\n", "roles/b.yaml": b"b: 1\n", "roles/new.yaml": b"n: 1\n"}


def test_apply_writes_every_file_and_leaves_no_trace(root: Path) -> None:
    apply_changes(root, CHANGE)
    assert visible(root) == AFTER
    assert [p for p in snapshot(root) if p.startswith(".") and not p.startswith(".journal")] == []
    assert deliberate_removals(root) == {"faq/gone.yaml"}  # logged: a moderator removed it on purpose


def test_a_failure_while_staging_changes_nothing(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(root)
    real = transaction.stage
    calls = []

    def flaky(target: Path, data: bytes, tag: str | None = None) -> Path:
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(target, data, tag)

    monkeypatch.setattr(transaction, "stage", flaky)
    with pytest.raises(TransactionError, match="No space left on device; nothing was written"):
        apply_changes(root, CHANGE)
    assert snapshot(root) == before


def _interrupt_after_commit(root: Path, monkeypatch: pytest.MonkeyPatch, renamed: int) -> None:
    """Apply CHANGE but 'crash' after ``renamed`` files were renamed into place."""
    real_replace = os.replace
    count = [0]

    def crashing(src, dst):  # type: ignore[no-untyped-def]
        if str(src).endswith(".tmp") and "/.journal/" not in str(dst) and ".journal.json" not in str(src):
            if count[0] == renamed:
                raise KeyboardInterrupt  # not an OSError: nothing cleans up, like kill -9
            count[0] += 1
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crashing)
    with pytest.raises(KeyboardInterrupt):
        apply_changes(root, CHANGE)
    monkeypatch.setattr(os, "replace", real_replace)


@pytest.mark.parametrize("renamed", [0, 1])
def test_recovery_rolls_a_committed_change_forward(root: Path, monkeypatch: pytest.MonkeyPatch, renamed: int) -> None:
    _interrupt_after_commit(root, monkeypatch, renamed)
    assert list((root / ".journal").glob("*/journal.json"))
    done = recover(root)
    assert done and done[0].startswith("completed an unfinished change of")
    assert visible(root) == AFTER
    assert not any(p.endswith(".tmp") for p in snapshot(root)) and not list((root / ".journal").glob("*/"))
    assert recover(root) == []  # idempotent


def test_recovery_rolls_back_when_a_staged_file_is_lost(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = visible(root)
    _interrupt_after_commit(root, monkeypatch, 1)
    journal = next((root / ".journal").glob("*/journal.json"))
    entries = json.loads(journal.read_text())["entries"]
    lost = next(e for e in entries if e["staged"] and (root / e["staged"]).exists())
    (root / lost["staged"]).unlink()  # e.g. deleted by hand: the change cannot be completed
    done = recover(root)
    assert done[0].startswith("rolled back")
    assert visible(root) == before


def test_recovery_removes_stray_temp_files_and_unstarted_journals(root: Path) -> None:
    write(root / "roles/.a.yaml.123-4.tmp", "half")
    write(root / ".journal/99-1/old/0", "x")  # crashed before its journal was written
    write(root / ".git/objects/.keep.tmp", "git's own")  # never touched
    done = recover(root)
    assert "removed the stray temp file roles/.a.yaml.123-4.tmp" in done
    assert any("had not started" in d for d in done)
    assert not (root / "roles/.a.yaml.123-4.tmp").exists() and not (root / ".journal/99-1").exists()
    assert (root / ".git/objects/.keep.tmp").exists()


def test_an_unreadable_journal_is_a_recovery_error(root: Path) -> None:
    write(root / ".journal/1-1/journal.json", "{not json")
    with pytest.raises(RecoveryError, match="unreadable journal"):
        recover(root)
    write(root / ".journal/1-1/journal.json", json.dumps({"entries": [{"path": "../../etc/passwd", "staged": None, "sha256": None, "old": None}]}))
    with pytest.raises(RecoveryError):
        recover(root)  # a journal never makes recovery touch anything outside the folder


def test_paths_outside_the_folder_are_refused(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "linked").symlink_to(outside)
    for rel in ("../escape.yaml", "/etc/x.yaml", "linked/x.yaml", "roles//x.yaml"):
        with pytest.raises(TransactionError):
            apply_changes(root, {rel: "x: 1\n"})
    assert list(outside.iterdir()) == [] and not (tmp_path / "escape.yaml").exists()


def test_a_folder_in_place_of_a_file_is_refused_before_anything_is_written(root: Path) -> None:
    (root / "roles/dir.yaml").mkdir()
    before = snapshot(root)
    with pytest.raises(TransactionError, match="is a folder"):
        apply_changes(root, {"roles/a.yaml": "a: 3\n", "roles/dir.yaml": "x: 1\n"})
    assert snapshot(root) == before


def test_the_lock_serialises_changes_between_threads(root: Path) -> None:
    order: list[str] = []
    inside = threading.Event()

    def hold() -> None:
        with knowledge_lock(root):
            inside.set()
            order.append("holder in")
            threading.Event().wait(0.2)
            order.append("holder out")

    t = threading.Thread(target=hold)
    t.start()
    inside.wait()
    apply_changes(root, {"roles/a.yaml": "a: 9\n"})
    order.append("change applied")
    t.join()
    assert order == ["holder in", "holder out", "change applied"]


def test_removal_log_forgets_a_file_written_again(root: Path) -> None:
    apply_changes(root, {"faq/gone.yaml": None})
    assert deliberate_removals(root) == {"faq/gone.yaml"}
    apply_changes(root, {"faq/gone.yaml": "g: 2\n"})
    assert deliberate_removals(root) == frozenset()
    assert not (root / ".journal").exists()  # nothing left to keep: no trace
