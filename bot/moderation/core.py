"""The one path every knowledge edit takes: validate, back up, write, record, commit.

A change is ``{knowledge-relative path: new text, or None to remove}``. It is validated by
loading the whole knowledge as it would be after the change (an in-memory overlay: nothing
is copied or written), then written together with the backups of the files it replaces as
one transaction (``bot.knowledge.transaction``), so a crash leaves the folder before or after
the change -- backups included. Then it is recorded in the change log and committed to git
when the folder is in a repository (git trouble is logged, never fatal).

Backups live in ``knowledge/.backups/<file>/<timestamp><suffix>`` (``<timestamp>.absent``
when the file did not exist); ``undo`` restores the newest ones and removes them, again as
one transaction. Every public method of the editor holds the folder's lock (threads and
processes) around its read-change-write cycle and finishes any interrupted change first.

One change log for every path: after each change the editor keeps the result as the last good
snapshot (``bot.knowledge.last_good``), so whatever differs from that snapshot at the next
clean load was changed by hand. ``note_hand_edits`` records those files like any other change
(a backup of the snapshot's version, so ``undo`` reverts them; the before and after texts in
the change log); the watcher, ``career-bot validate`` and every edit call it first.
"""

from __future__ import annotations

import logging
import os
import pwd
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Callable

from ruamel.yaml import YAMLError as RoundTripYAMLError
from ruamel.yaml.comments import CommentedMap

import bot.knowledge.schema as schema
from bot.knowledge.chars import bad_in_text
from bot.knowledge.files import BACKUPS, FileFault, exportable, read_file
from bot.knowledge.last_good import last_good_files, save_last_good
from bot.knowledge.loader import KnowledgeError, Loaded, Problem, read_knowledge
from bot.knowledge.transaction import RecoveryError, TransactionError, apply_changes, knowledge_lock, recover
from bot.knowledge.yamlio import update_yaml_text
from bot.moderation.git import commit
from bot.storage import Store

log = logging.getLogger(__name__)

ABSENT = ".absent"  # backup marker: the file did not exist before the change
VIA_DISCORD = "Discord"
VIA_CLI = "command line"
HAND_EDIT = "hand_edit"  # the change log's action for a file changed outside the bot


def hand_edit_via(noticed_by: str) -> str:
    """The change log's "from where" of a hand edit: ``hand edit, noticed by the bot``."""
    return f"hand edit, noticed by {noticed_by}"


class EditError(Exception):
    """The edit was refused; nothing was written. ``problems`` lists validation problems, if any."""

    def __init__(self, message: str, problems: Iterable[Problem] = ()):
        self.message = message
        self.problems = tuple(problems)
        super().__init__(message)


class WriteError(EditError):
    """The knowledge folder could not be written (read-only, full, busy, an unfinished change
    that cannot be completed); nothing was changed."""


@dataclass(frozen=True)
class EditResult:
    file: str  # knowledge-relative path (several, comma-separated, for a batch undo)
    action: str
    summary: str


_stamp_guard = threading.Lock()
_last_stamp_us = 0


def _stamp() -> str:
    """A UTC timestamp, unique and increasing within this process (backup file names sort by it)."""
    global _last_stamp_us
    with _stamp_guard:
        now = int(datetime.now(timezone.utc).timestamp() * 1_000_000)
        _last_stamp_us = max(now, _last_stamp_us + 1)
        us = _last_stamp_us
    dt = datetime.fromtimestamp(us / 1_000_000, timezone.utc)
    return dt.strftime("%Y%m%dT%H%M%S") + f"{us % 1_000_000:06d}Z"


def problems_message(what: str, problems: Iterable[Problem]) -> str:
    return f"{what}; nothing was written:\n" + "\n".join(f"  {p}" for p in problems)


def _text(data: bytes | None) -> str | None:
    return None if data is None else data.decode("utf-8", "replace")


def _owner(path: Path) -> str:
    """Who changed a file by hand, as well as the system can tell: the account owning it."""
    try:
        return pwd.getpwuid(os.stat(path).st_uid).pw_name
    except (OSError, KeyError):
        return "unknown"


def clean_moderator(name: str) -> str:
    """Who made a change, on one line: control characters (a newline would add git trailers) become spaces."""
    return " ".join("".join(" " if bad_in_text(ch) or ch in "\n\t" else ch for ch in name or "").split()) or "unknown"


class EditCore:
    """Edits one knowledge folder. Thread- and process-safe: the lock is per folder."""

    def __init__(self, root: Path, store: Store | None = None, via: str = VIA_DISCORD):
        self.root = Path(root)
        self.store = store
        self.via = via  # where changes come from: the change log's "via" and the git commit message

    # ------------------------------------------------------------------ locking

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the folder's lock with every interrupted change finished; EditError if impossible."""
        try:
            with knowledge_lock(self.root):
                recover(self.root)
                yield
        except (RecoveryError, TransactionError) as e:
            raise WriteError(str(e)) from None

    # ------------------------------------------------------------------ reading

    def _rel(self, file: str) -> str:
        """A knowledge-relative path that stays inside the folder and out of its hidden folders."""
        if len(file) > 500 or "\0" in file:
            raise EditError(f"{file[:60]!r}… is not a knowledge file")
        p = Path(file)
        try:
            if p.is_absolute():
                p = p.resolve().relative_to(self.root.resolve())
            rel = PurePosixPath(p.as_posix().removeprefix("./"))
            if rel.parts and rel.parts[0] == self.root.name and not (self.root / rel).exists() and (self.root / PurePosixPath(*rel.parts[1:])).exists():
                rel = PurePosixPath(*rel.parts[1:])  # "knowledge/roles/x.yaml"
        except (ValueError, OSError):
            raise EditError(f"{file} is not in the knowledge folder") from None
        if not rel.parts or ".." in rel.parts or any(part.startswith(".") for part in rel.parts):
            raise EditError(f"{file} is not a knowledge file")
        return rel.as_posix()

    def _read(self, rel: str) -> str | None:
        """The file's text; None if absent (or a dangling link). EditError if it must not be edited."""
        try:
            raw = read_file(self.root, rel)
        except FileFault as e:
            raise EditError(f"{rel}: {e.message}") from None
        if raw is None:
            return None
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise EditError(f"{rel} is not UTF-8; fix the file first") from None

    def _stems(self, folder: str) -> list[str]:
        d = self.root / folder
        return sorted(p.stem for p in d.glob("*.yaml")) if d.is_dir() else []

    def _updated(self, rel: str, mutate: Callable[[CommentedMap], None], must_exist: bool) -> str:
        """The file's new text after ``mutate`` (comments and key order kept)."""
        old = self._read(rel)
        if old is None and must_exist:
            raise EditError(f"{rel} does not exist")
        try:
            return update_yaml_text(old, mutate)
        except RoundTripYAMLError as e:
            raise EditError(f"{rel} is not valid YAML, fix it first: {e}") from None

    def _mutate(self, moderator: str, action: str, rel: str, mutate: Callable[[CommentedMap], None], must_exist: bool) -> None:
        with self._locked():
            if must_exist and not (self.root / rel).is_file():
                folder = rel.split("/", 1)[0]
                raise EditError(f"no {rel}" + schema.did_you_mean(PurePosixPath(rel).stem, self._stems(folder)))
            self._apply(moderator, action, {rel: self._updated(rel, mutate, must_exist)})

    # ------------------------------------------------------------------ writing

    def _validate(self, writes: dict[str, str | None], what: str) -> Loaded:
        """The whole knowledge as it would be after ``writes``; EditError unless it loads cleanly."""
        try:
            return read_knowledge(self.root, overlay=writes)
        except KnowledgeError as e:
            raise EditError(problems_message(what, e.problems), e.problems) from None

    def _apply(
        self,
        moderator: str,
        action: str,
        writes: dict[str, str | None],
        *,
        backup: bool = True,
        what: str = "this edit would break the knowledge base",
        commit_to_git: bool = True,
        extra: dict[str, str | bytes | None] | None = None,
    ) -> list[str]:
        """Validate, back up, write (one transaction), record, commit; the changed files.

        Caller holds the lock. ``extra`` are internal files changed in the same transaction
        (the backups an undo consumes).
        """
        moderator = clean_moderator(moderator)
        before = {rel: self._read(rel) for rel in writes}
        changed = {rel: text for rel, text in writes.items() if before[rel] != text}
        if not changed:
            raise EditError("nothing changed")
        after = self._validate(changed, what)
        self._catch_up()
        changes: dict[str, str | bytes | None] = dict(changed)
        if backup:
            changes.update(self._backups({rel: before[rel] for rel in changed}))
        changes.update(extra or {})
        try:
            apply_changes(self.root, changes)
        except TransactionError as e:
            raise WriteError(str(e)) from None
        save_last_good(self.root, after)  # so this change is never taken for a hand edit
        self._record(moderator, action, self.via, {rel: (before[rel], changed[rel]) for rel in changed})
        if commit_to_git:
            commit(self.root, moderator, list(changed), f"{action}: {', '.join(changed)} (by {moderator} via {self.via})", self.via)
        return list(changed)

    def _record(self, moderator: str, action: str, via: str, texts: dict[str, tuple[str | None, str | None]]) -> None:
        """Write the change log rows of one change (never fails the change: it has landed)."""
        if self.store is None:
            return
        for rel, (old, new) in texts.items():
            try:
                self.store.record_change(moderator, rel, action, old, new, via)
            except Exception:  # the edit landed; a broken database must not hide that
                log.exception("could not record the change of %s", rel)

    # ------------------------------------------------------------------ hand edits

    def note_hand_edits(self, noticed_by: str, loaded: Loaded | None = None) -> list[str]:
        """Record every knowledge file changed by hand since the last good snapshot (``loaded``:
        the folder as just read, if the caller has it); the files recorded.

        Each is backed up as it was in the snapshot, so ``undo`` reverts it, and logged with its
        before and after texts; then the snapshot moves on. A folder that does not load cleanly
        records nothing: its problems are reported elsewhere, and the files are recorded once
        they are fixed.
        """
        with self._locked():
            if loaded is None:
                try:
                    loaded = read_knowledge(self.root)
                except KnowledgeError:
                    return []
            return self._hand_edits(noticed_by, loaded)

    def _catch_up(self) -> None:
        """Before an edit (lock held): record hand edits not noticed yet, so they keep their own entry."""
        try:
            loaded = read_knowledge(self.root)
        except KnowledgeError:
            return  # this edit is what fixes the folder; its backup keeps the broken version
        self._hand_edits("the bot" if self.via == VIA_DISCORD else f"a {self.via} change", loaded, start=False)

    def _hand_edits(self, noticed_by: str, loaded: Loaded, start: bool = True) -> list[str]:
        """Record and back up what differs from the snapshot, then keep ``loaded`` as the new one.
        With no snapshot yet, ``start`` keeps the first one (nothing to compare it with)."""
        snapshot = last_good_files(self.root)
        if (snapshot is None and not start) or (snapshot is not None and snapshot[0] == loaded.knowledge.fingerprint):
            return []
        old = snapshot[1] if snapshot is not None else {}
        changed = sorted(r for r in set(old) | set(loaded.files) if old.get(r) != loaded.files.get(r)) if snapshot is not None else []
        if changed:
            texts = {r: (_text(old.get(r)), _text(loaded.files.get(r))) for r in changed}
            try:
                apply_changes(self.root, self._backups({r: t[0] for r, t in texts.items()}))
            except TransactionError as e:
                log.warning("could not back up the hand edits of %s: %s", ", ".join(changed), e)
                return []
            for rel in changed:
                self._record(_owner(self.root / rel), HAND_EDIT, hand_edit_via(noticed_by), {rel: texts[rel]})
            log.info("recorded hand edits of %s", ", ".join(changed))
        save_last_good(self.root, loaded)
        return changed

    def _backups(self, before: dict[str, str | None]) -> dict[str, str | bytes | None]:
        """The backup files of ``before`` (the versions a change replaces), to write with it."""
        stamp = _stamp()
        out: dict[str, str | bytes | None] = {}
        if not (self.root / BACKUPS / ".gitignore").exists():
            out[f"{BACKUPS}/.gitignore"] = "*\n"
        for rel, text in before.items():
            if text is None:
                out[f"{BACKUPS}/{rel}/{stamp}{ABSENT}"] = b""
            else:
                out[f"{BACKUPS}/{rel}/{stamp}{PurePosixPath(rel).suffix or '.bak'}"] = text
        return out

    # ------------------------------------------------------------------ undo

    def undo(self, moderator: str, file: str | None = None) -> EditResult:
        """Restore the newest backup of ``file`` (default: the last change, all files of it)."""
        with self._locked():
            self._catch_up()  # a hand edit not noticed yet is the newest change
            found = self._backup_files()
            if file is not None:
                rel = self._rel(file)
                mine = [b for r, b in found if r == rel]
                if not mine:
                    raise EditError(f"nothing to undo for {rel}")
                entries = [(rel, max(mine))]
            else:
                if not found:
                    raise EditError("nothing to undo")
                stamp = max(PurePosixPath(b).name.split(".", 1)[0] for _, b in found)
                entries = sorted((r, b) for r, b in found if PurePosixPath(b).name.split(".", 1)[0] == stamp)
            writes: dict[str, str | None] = {}
            for rel, b in entries:
                writes[rel] = None if b.endswith(ABSENT) else self._backup_text(b)
            consumed: dict[str, str | bytes | None] = {f"{BACKUPS}/{b}": None for _, b in entries}
            self._apply(moderator, "undo", writes, backup=False, what="undoing this would break the knowledge base", extra=consumed)
            for _, b in entries:
                self._prune_empty(self.root / BACKUPS / PurePosixPath(b).parent)
        rels = [r for r, _ in entries]
        parts = [f"{'removed' if writes[r] is None else 'restored'} {r}" for r in rels]
        return EditResult(", ".join(rels), "undo", "; ".join(parts))

    def _backup_files(self) -> list[tuple[str, str]]:
        """(knowledge file, backup path relative to .backups) for every backup of a knowledge file."""
        backups = self.root / BACKUPS
        if not backups.is_dir() or backups.is_symlink():
            return []
        out: list[tuple[str, str]] = []
        for dirpath, dirnames, filenames in os.walk(backups):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            rel = Path(dirpath).relative_to(backups).as_posix()
            if not exportable(rel):  # only backups of knowledge files are ever restored
                continue
            out += [(rel, f"{rel}/{name}") for name in filenames if not name.startswith(".")]
        return out

    def _backup_text(self, backup: str) -> str:
        try:
            raw = read_file(self.root / BACKUPS, backup)
            if raw is None:
                raise EditError(f"the backup {backup} is gone")
            return raw.decode("utf-8")
        except (FileFault, UnicodeDecodeError) as e:
            raise EditError(f"the backup {backup} cannot be read ({getattr(e, 'message', e)})") from None

    def _prune_empty(self, folder: Path) -> None:
        backups = self.root / BACKUPS
        while folder != backups and backups in folder.parents:
            try:
                folder.rmdir()
            except OSError:
                return
            folder = folder.parent
