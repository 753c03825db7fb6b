"""Knowledge changes as transactions: the folder is always before or after a change, never between.

A change set is ``{knowledge-relative path: new bytes or text, or None to remove}``.
``apply_changes`` applies it in five steps:

1. stage every new file as a temp file beside its target, fsynced;
2. keep the current version of every target (a hard link) in ``.journal/<id>/old/``;
3. write and fsync ``.journal/<id>/journal.json`` -- the commit point;
4. rename each staged file into place and remove the removed files, fsync the folders;
5. remove the journal.

A crash (``kill -9``, power loss) before step 3 leaves only temp files, which ``recover``
deletes: the folder is as before. A crash after it leaves a journal, which ``recover`` rolls
forward when every staged file is present (or already in place), and back to the kept
versions otherwise. Everything that opens the knowledge for use calls ``recover`` first.

One lock per folder (a thread lock plus ``flock`` on the folder itself) serialises changes
and recovery between threads and processes; hold it around read-change-write cycles with
``knowledge_lock``. The removals made by transactions are logged in ``.journal/removed.txt``
so the live reload can tell a moderator's deliberate removal from a file lost by accident.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import stat
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bot.knowledge.files import ENTRY_FOLDERS, JOURNAL, VOCABULARY_FILE, FileFault, os_reason, read_file

log = logging.getLogger(__name__)

Change = Mapping[str, str | bytes | None]
REMOVED_LOG = "removed.txt"  # inside .journal/: entry files removed by transactions
LOCK_TIMEOUT = 30.0


class TransactionError(Exception):
    """The change could not be written; the folder is as it was before it."""


class RecoveryError(Exception):
    """An unfinished change could be neither completed nor undone (e.g. the folder is read-only)."""


# ---------------------------------------------------------------------------- the lock


class _FolderLock:
    """Re-entrant across one thread, exclusive across threads and processes."""

    def __init__(self) -> None:
        self.thread_lock = threading.RLock()
        self.depth = 0
        self.fd: int | None = None


_LOCKS: dict[str, _FolderLock] = {}
_LOCKS_GUARD = threading.Lock()


@contextmanager
def knowledge_lock(root: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the folder's lock; raises TransactionError if another process keeps it past ``timeout``."""
    key = os.path.realpath(root)
    with _LOCKS_GUARD:
        lock = _LOCKS.setdefault(key, _FolderLock())
    with lock.thread_lock:
        if lock.depth == 0:
            lock.fd = _flock(key, timeout)
        lock.depth += 1
        try:
            yield
        finally:
            lock.depth -= 1
            if lock.depth == 0 and lock.fd is not None:
                os.close(lock.fd)  # closing releases the flock
                lock.fd = None


def _flock(path: str, timeout: float) -> int | None:
    """flock the folder itself (no lock file to create, so a read-only folder can be locked too)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except FileNotFoundError:
        return None  # nothing there yet: the caller creates it or fails on its own terms
    except OSError as e:
        raise TransactionError(f"cannot open the knowledge folder: {os_reason(e)}") from None
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(fd)
                raise TransactionError("the knowledge folder is busy: another change has been running for over 30 s") from None
            time.sleep(0.02)
        except OSError:
            return fd  # a file system without flock: the thread lock still serialises this process


# ---------------------------------------------------------------------------- small file helpers


def fsync_dir(path: Path) -> None:
    """Make renames and new files in ``path`` durable."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the renames are still atomic
    finally:
        os.close(fd)


def _umask() -> int:
    """The process umask, read without changing it (os.umask would, for every thread)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def stage(target: Path, data: bytes, tag: str | None = None) -> Path:
    """Write ``data`` to a hidden temp file beside ``target`` (same permissions), fsynced.

    The temp file is ``.<name>.<tag>.tmp`` (``tag`` random by default): hidden from the loader,
    and removed by ``recover`` if a crash leaves it behind.
    """
    tag = tag or os.urandom(6).hex()
    try:
        mode = os.stat(target, follow_symlinks=False).st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_umask()  # what open() would give a new file
    tmp = target.with_name(f".{target.name}.{tag}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        os.fchmod(fd, mode)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    return tmp


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha(path: Path) -> str | None:
    """sha256 of a regular file; None if absent or anything else (never blocks on a FIFO)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return hashlib.file_digest(f, "sha256").hexdigest()


def _as_bytes(value: str | bytes) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else value


def _check_rel(root_real: str, rel: str) -> None:
    """Refuse paths that leave the folder, directly or through a linked folder on the way."""
    p = PurePosixPath(rel)
    if not rel or p.is_absolute() or ".." in p.parts or "" in rel.split("/"):
        raise TransactionError(f"{rel!r} is not a path inside the knowledge folder")
    parent = os.path.realpath(os.path.join(root_real, *p.parts[:-1]))
    if parent != root_real and not parent.startswith(root_real + os.sep):
        raise TransactionError(f"{rel}: a folder on the way links outside the knowledge folder; nothing was written")


# ---------------------------------------------------------------------------- applying a change


@dataclass
class _Entry:
    path: str  # knowledge-relative target
    staged: str | None  # knowledge-relative temp file holding the new bytes; None: remove
    sha256: str | None  # of the new bytes
    old: str | None  # journal-relative copy of the previous version; None: there was none


def apply_changes(root: Path, changes: Change) -> None:
    """Apply ``changes`` all or nothing (see the module docstring); the caller validated them.

    Takes the folder lock (re-entrant, so callers holding it for a read-change-write cycle may
    call this inside). Raises TransactionError with nothing changed if a file cannot be staged.
    """
    root = Path(root)
    if not changes:
        return
    with knowledge_lock(root):
        root_real = os.path.realpath(root)
        for rel in changes:
            _check_rel(root_real, rel)
        changes = _with_removal_log(root, changes)
        txid = f"{time.time_ns()}-{os.getpid()}"
        jdir = root / JOURNAL / txid
        entries: list[_Entry] = []
        made: list[Path] = []  # folders created for this change, removed again if it fails
        try:
            for rel, value in sorted(changes.items()):
                target = root / rel
                if target.is_dir() and not target.is_symlink():
                    raise TransactionError(f"{rel} is a folder, not a file; nothing was written")
                staged = None
                digest = None
                if value is not None:
                    data = _as_bytes(value)
                    _make_folders(target.parent, made)
                    staged = stage(target, data, txid).relative_to(root).as_posix()
                    digest = _sha(data)
                entries.append(_Entry(rel, staged, digest, None))
            (jdir / "old").mkdir(parents=True)
            ignore_in_git(root / JOURNAL)
            for n, e in enumerate(entries):
                e.old = _keep_old(root / e.path, jdir / "old" / str(n), f"old/{n}")
            fsync_dir(jdir / "old")
            _write_journal(jdir, entries)
        except OSError as e:
            _discard(root, entries, jdir, made)
            raise TransactionError(f"cannot write the knowledge folder: {os_reason(e)}; nothing was written") from None
        except BaseException:
            _discard(root, entries, jdir, made)
            raise
        # committed: from here on the change completes, now or at the next recovery
        try:
            _roll_forward(root, entries)
            _remove_journal(jdir)
        except OSError as e:
            raise TransactionError(f"the change was interrupted ({os_reason(e)}); it is completed by the next recovery") from None


def _with_removal_log(root: Path, changes: Change) -> dict[str, str | bytes | None]:
    """The change plus the updated log of entry files removed on purpose (written with it)."""
    removed = {r for r, v in changes.items() if v is None and _is_entry(r)}
    written = {r for r, v in changes.items() if v is not None}
    logged = _read_removal_log(root)
    new = (logged - written) | removed
    out = dict(changes)
    if new != logged:
        rel = f"{JOURNAL}/{REMOVED_LOG}"
        out[rel] = "".join(f"{r}\n" for r in sorted(new)) if new else None
    return out


def _is_entry(rel: str) -> bool:
    parts = rel.split("/")
    return (len(parts) == 2 and parts[0] in ENTRY_FOLDERS) or rel == VOCABULARY_FILE


def _read_removal_log(root: Path) -> set[str]:
    try:
        raw = read_file(root / JOURNAL, REMOVED_LOG)
    except FileFault:
        raw = None
    text = (raw or b"").decode("utf-8", "replace")
    return {line.strip() for line in text.splitlines() if _is_entry(line.strip())}


def deliberate_removals(root: Path) -> frozenset[str]:
    """Entry files that transactions removed and that are still absent (so removed on purpose)."""
    return frozenset(r for r in _read_removal_log(Path(root)) if not os.path.lexists(Path(root) / r))


def ignore_in_git(folder: Path) -> None:
    """A ``.gitignore`` of ``*`` in one of the bot's hidden folders (replacing, never following, a link)."""
    gitignore = folder / ".gitignore"
    if not os.path.lexists(gitignore) or gitignore.is_symlink():
        os.replace(stage(gitignore, b"*\n"), gitignore)


def _keep_old(target: Path, keep: Path, rel: str) -> str | None:
    """Hard-link (or copy) the current version of ``target`` into the journal; None if absent."""
    if not os.path.lexists(target):
        return None
    if target.is_symlink() or not target.is_file():
        return None  # a dangling link or an odd file is replaced, never restored
    try:
        os.link(target, keep)
    except OSError:
        shutil.copyfile(target, keep)
        with open(keep, "rb") as f:
            os.fsync(f.fileno())
    return rel


def _write_journal(jdir: Path, entries: list[_Entry]) -> None:
    data = json.dumps({"version": 1, "entries": [e.__dict__ for e in entries]}, indent=1).encode()
    tmp = stage(jdir / "journal.json", data)
    os.replace(tmp, jdir / "journal.json")
    fsync_dir(jdir)


def _make_folders(folder: Path, made: list[Path]) -> None:
    """``mkdir -p folder``, remembering each folder it created."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for f in reversed(missing):
        f.mkdir(exist_ok=True)
        made.append(f)


def _discard(root: Path, entries: list[_Entry], jdir: Path, made: list[Path]) -> None:
    """Undo a change that never reached its commit point: temp files, the journal, new folders."""
    for e in entries:
        if e.staged:
            (root / e.staged).unlink(missing_ok=True)
    shutil.rmtree(jdir, ignore_errors=True)
    _tidy(jdir.parent)
    for folder in reversed(made):
        try:
            folder.rmdir()
        except OSError:
            pass


def _roll_forward(root: Path, entries: list[_Entry]) -> None:
    folders: set[Path] = set()
    for e in entries:
        target = root / e.path
        if e.staged is None:
            try:
                target.unlink()
            except FileNotFoundError:
                pass
        else:
            try:
                os.replace(root / e.staged, target)
            except FileNotFoundError:
                pass  # already renamed by an earlier, interrupted roll-forward
        folders.add(target.parent)
    for folder in sorted(folders):
        fsync_dir(folder)


def _roll_back(root: Path, jdir: Path, entries: list[_Entry]) -> None:
    folders: set[Path] = set()
    for e in entries:
        target = root / e.path
        if e.old is None:
            if e.sha256 is not None and _file_sha(target) == e.sha256:
                target.unlink()  # the file this change created
        else:
            data = read_file(jdir, e.old)
            if data is not None and _file_sha(target) != _sha(data):
                os.replace(stage(target, data), target)
        if e.staged:
            (root / e.staged).unlink(missing_ok=True)
        folders.add(target.parent)
    for folder in sorted(folders):
        fsync_dir(folder)


def _remove_journal(jdir: Path) -> None:
    """The journal file goes first: without it, what is left of the folder is plain garbage."""
    try:
        (jdir / "journal.json").unlink()
    except FileNotFoundError:
        pass
    fsync_dir(jdir)
    shutil.rmtree(jdir, ignore_errors=True)
    _tidy(jdir.parent)
    fsync_dir(jdir.parent.parent)


def _tidy(journal_root: Path) -> None:
    """Remove .journal/ when it holds nothing worth keeping: no trace of finished changes."""
    try:
        if set(os.listdir(journal_root)) <= {".gitignore"}:
            (journal_root / ".gitignore").unlink(missing_ok=True)
            journal_root.rmdir()
    except OSError:
        pass


# ---------------------------------------------------------------------------- recovery


def recover(root: Path) -> list[str]:
    """Finish or undo every unfinished change, then remove stray temp files.

    Returns one line per thing done (for the log). Raises RecoveryError when an unfinished
    change cannot be finished nor undone; stray temp files that cannot be removed are only
    logged (they are hidden and ignored by the loader).
    """
    root = Path(root)
    if not root.is_dir():
        return []
    done: list[str] = []
    with knowledge_lock(root):
        journal_root = root / JOURNAL
        if journal_root.is_dir() and not journal_root.is_symlink():
            for jdir in sorted(p for p in journal_root.iterdir() if p.is_dir() and not p.is_symlink()):
                done += _recover_one(root, jdir)
            _tidy(journal_root)
        done += _remove_stray_temp_files(root)
    for line in done:
        log.warning("knowledge recovery: %s", line)
    return done


def _recover_one(root: Path, jdir: Path) -> list[str]:
    journal = jdir / "journal.json"
    try:
        data = read_file(jdir, "journal.json")
        if data is None:
            raise FileNotFoundError(journal)
        raw = json.loads(data)
        entries = [_Entry(**e) for e in raw["entries"]]
        root_real = os.path.realpath(root)
        for e in entries:
            _check_rel(root_real, e.path)
            if e.staged:
                _check_rel(root_real, e.staged)
    except FileNotFoundError:
        shutil.rmtree(jdir, ignore_errors=True)  # crashed before its commit point: nothing happened
        return [f"removed the unfinished change {jdir.name} (it had not started)"]
    except (OSError, ValueError, KeyError, TypeError, TransactionError, FileFault) as e:
        raise RecoveryError(f"{journal}: unreadable journal ({e}); move the folder {jdir} away once the files are checked") from None
    forward = all(e.staged is None or (root / e.staged).is_file() or _file_sha(root / e.path) == e.sha256 for e in entries)
    try:
        if forward:
            _roll_forward(root, entries)
        else:
            _roll_back(root, jdir, entries)
        _remove_journal(jdir)
    except OSError as e:
        raise RecoveryError(f"cannot finish the unfinished change {jdir.name}: {os_reason(e)}") from None
    files = ", ".join(e.path for e in entries if not e.path.startswith("."))
    return [f"{'completed' if forward else 'rolled back'} an unfinished change of {files or 'internal files'}"]


def _remove_stray_temp_files(root: Path) -> list[str]:
    """Temp files (``.name.*.tmp``) left by a crash before a commit point; never inside .git."""
    removed: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != ".git" and not os.path.islink(os.path.join(dirpath, d))]
        for name in filenames:
            if name.startswith(".") and name.endswith(".tmp"):
                path = Path(dirpath) / name
                try:
                    path.unlink()
                    removed.append(f"removed the stray temp file {path.relative_to(root)}")
                except OSError as e:
                    log.warning("cannot remove the stray temp file %s: %s", path, os_reason(e))
    return removed
