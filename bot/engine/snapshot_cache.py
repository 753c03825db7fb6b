"""A built snapshot (loaded knowledge + its index) cached on disk, keyed by the files' content.

Loading and indexing a large knowledge base takes seconds (about 2 s at 1,000 roles, 14 s at
5,000); reading back a pickled engine takes a fraction of that. ``load_engine`` returns the
engine for a knowledge folder from the cache when one was built from exactly the same bytes,
and otherwise loads and builds it as always and stores the result for the next start.

Why a cached snapshot can never answer differently from a fresh build:

- the key is a SHA-256 over every knowledge file the loader reads (relative path and exact
  bytes, read the loader's own way: ``knowledge_files``), the folder as named (the snapshot
  records it), the code that shapes the snapshot (every file of the ``bot`` package), the
  Python and library versions and this file format's version. Any change is a miss, and a
  miss is the normal load and build;
- a snapshot is stored only for a clean load whose files are still, byte for byte, the ones
  the key was computed from (an edit during the load stores nothing). A knowledge base with
  problems raises ``KnowledgeError`` before anything is stored: it is never cached, and the
  callers' last-good behaviour is unchanged;
- each file carries a magic header, its key and a SHA-256 of its payload: a truncated,
  corrupted, renamed or foreign file is ignored with a log line (and replaced by the rebuild),
  never raised to the user.

Threat model: unpickling runs code, so a snapshot is read only from a place the bot owns.
The knowledge folder is hostile input (moderators' edits, imported pages, a ``git pull``):
the cache must lie outside it. The cache folder and each snapshot must be owned by this
process's user and not writable by group or others (else the cache is not used, with a log
line); a snapshot is opened without following links. Whoever can still write there is this
user, who could change the bot's code anyway. As a second line, the unpickler only creates
the engine's and the knowledge model's classes and arrays (``_SnapshotUnpickler``). Where
file ownership cannot be checked (no ``os.geteuid``: Windows) the cache is off.

Files are written to a temporary name and renamed into place, so concurrent writers (two
shards starting at once) and readers only ever see whole files; only the ``KEEP`` most
recently used snapshots are kept. Turn it off with ``CAREER_BOT_CACHE=off`` (or ``--no-cache``,
or ``snapshot_cache = "off"`` in the bot's configuration); the tests run with it off.

Live reloads do not use it: unpickling and pickling hold the GIL for their whole run (about
0.4 s each at 1,000 roles), which would stall the event loop the reload thread shares.
"""

from __future__ import annotations

import contextlib
import copyreg
import functools
import hashlib
import io
import logging
import os
import pickle
import stat
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import bot
from bot.engine import Engine
from bot.knowledge.bulk import paused_gc
from bot.knowledge.loader import Loaded, Problem, default_knowledge_dir, knowledge_files, read_knowledge

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the file layout or the pickled tuple changes
MAGIC = b"career-bot snapshot\n"
HEADER = len(MAGIC) + 1 + 32 + 8 + 32  # magic, format, key, payload length, payload SHA-256
SUFFIX = ".snapshot"
KEEP = 2  # snapshots kept (the most recently used); a 1,000-role one is about 22 MB
STALE_TEMP_S = 3600.0  # a temporary file this old is a crashed writer's
ENV = "CAREER_BOT_CACHE"  # a folder, or "off"
OFF = ("off", "0", "no", "false", "none")


@dataclass(frozen=True)
class SnapshotCache:
    """Snapshots kept in ``folder`` (created private if missing)."""

    folder: Path
    keep: int = KEEP

    def path(self, key: bytes) -> Path:
        return self.folder / (key.hex() + SUFFIX)

    def get(self, key: bytes) -> tuple[Engine, tuple[Problem, ...]] | None:
        """The engine and load warnings stored under ``key``, or None (absent, refused, damaged)."""
        try:
            if not self._usable(create=False):
                return None
            read = _read_private(self.path(key))
            if read is None:
                return None
            payload = _check(*read, key)
            with paused_gc():
                engine, warnings = _SnapshotUnpickler(io.BytesIO(payload)).load()  # BytesIO shares the bytes: no copy
                del read, payload
                if not isinstance(engine, Engine) or not isinstance(warnings, tuple):
                    raise _Damaged("it does not hold an engine")
                _share_ints(engine.index)
            with contextlib.suppress(OSError):  # a read-only cache still serves
                os.utime(self.path(key))  # recently used: kept by the next prune
            return engine, warnings
        except _Damaged as e:
            log.warning("snapshot cache: ignoring %s: %s; rebuilding", self.path(key), e)
        except Exception as e:  # whatever a damaged file makes the unpickler raise: rebuild instead
            log.warning("snapshot cache: cannot read %s (%s: %s); rebuilding", self.path(key), type(e).__name__, e)
        return None

    def put(self, key: bytes, engine: Engine, warnings: tuple[Problem, ...]) -> None:
        """Store a snapshot atomically, then drop all but the ``keep`` most recently used; a
        failure is logged, never raised (the engine is already built)."""
        try:
            if not self._usable(create=True):
                return
            payload = _dumps((engine, warnings))
            data = MAGIC + bytes([FORMAT]) + key + len(payload).to_bytes(8, "big") + hashlib.sha256(payload).digest()
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")  # mode 0600
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                    f.write(payload)
                os.replace(tmp, self.path(key))
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
            self._prune()
        except Exception as e:
            log.warning("snapshot cache: could not store a snapshot in %s (%s: %s)", self.folder, type(e).__name__, e)

    def _usable(self, create: bool) -> bool:
        """Whether the folder exists (or was created) and is private to this user."""
        if not hasattr(os, "geteuid"):
            return False
        if create:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            st = os.stat(self.folder)
        except FileNotFoundError:
            return False
        problem = "is not a folder" if not stat.S_ISDIR(st.st_mode) else _not_private(st)
        if problem:
            _warn_once(f"snapshot cache: not using {self.folder}: it {problem}")
            return False
        return True

    def _prune(self) -> None:
        entries = []
        for entry in os.scandir(self.folder):
            with contextlib.suppress(OSError):
                mtime = entry.stat(follow_symlinks=False).st_mtime
                if entry.name.endswith(SUFFIX):
                    entries.append((mtime, entry.path))
                elif entry.name.endswith(".tmp") and time.time() - mtime > STALE_TEMP_S:
                    os.unlink(entry.path)
        for _, path in sorted(entries, reverse=True)[self.keep :]:
            with contextlib.suppress(OSError):
                os.unlink(path)


def default_cache(env: dict[str, str] | None = None) -> SnapshotCache | None:
    """``$CAREER_BOT_CACHE`` (a folder, or ``off``), else the user's cache folder
    (``$XDG_CACHE_HOME`` or ``~/.cache``, then ``career-bot/snapshots``)."""
    env = dict(os.environ) if env is None else env
    value = env.get(ENV, "").strip()
    if value.lower() in OFF:
        return None
    if value:
        return SnapshotCache(Path(value))
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return SnapshotCache(Path(base) / "career-bot" / "snapshots")


def load_engine(path: str | os.PathLike[str] | None, cache: SnapshotCache | None) -> tuple[Engine, Loaded]:
    """The engine for the knowledge under ``path`` (default: the bundled one) and the load it
    came from, from ``cache`` when a snapshot of exactly these files is there, else loaded
    and built (and stored). Raises ``KnowledgeError`` as ``read_knowledge`` does."""
    found = look_up(path, cache)
    return found.engine(), found.loaded


@dataclass(frozen=True)
class Found:
    """A load, with the engine read back from the cache, or where to store the one built."""

    loaded: Loaded
    cached: Engine | None
    cache: SnapshotCache | None
    key: bytes | None  # None: a built engine is not stored (no cache, or the files changed while loading)

    def engine(self) -> Engine:
        """The engine read back, else built now (and stored)."""
        if self.cached is not None:
            return self.cached
        engine = Engine(self.loaded.knowledge)
        if self.cache is not None and self.key is not None:
            self.cache.put(self.key, engine, self.loaded.warnings)
        return engine


def look_up(path: str | os.PathLike[str] | None, cache: SnapshotCache | None) -> Found:
    """The first half of ``load_engine``: read the files, and the snapshot if there is one;
    the build is ``Found.engine`` (the bot does it after letting go of the folder's lock)."""
    root = Path(path) if path is not None else default_knowledge_dir()
    if cache is not None and _inside(cache.folder, root):
        _warn_once(f"snapshot cache: not using {cache.folder}: it is inside the knowledge folder {root}")
        cache = None
    files, key = None, None
    if cache is not None:
        try:
            files = knowledge_files(root)
            key = snapshot_key(root, files) if files is not None else None
        except Exception as e:  # e.g. the bot's own files unreadable: load as without a cache
            log.warning("snapshot cache: cannot compute the key (%s: %s); loading without the cache", type(e).__name__, e)
            files, key = None, None
    if cache is not None and files is not None and key is not None:
        hit = cache.get(key)
        if hit is not None:
            engine, warnings = hit
            return Found(Loaded(engine.knowledge, MappingProxyType(files), warnings), engine, None, None)
    loaded = read_knowledge(root)
    unchanged = files is not None and dict(loaded.files) == files  # the files did not change while loading
    return Found(loaded, None, cache, key if unchanged else None)


def snapshot_key(root: Path, files: dict[str, bytes]) -> bytes:
    """SHA-256 over what a snapshot is built from (see the module's docstring)."""
    h = hashlib.sha256()
    for part in (MAGIC, bytes([FORMAT]), _code_version(), str(root).encode("utf-8", "surrogateescape")):
        _add(h, part)
    for rel in sorted(files):
        _add(h, rel.encode("utf-8", "surrogateescape"))
        _add(h, files[rel])
    return h.digest()


def _add(h: Any, part: bytes) -> None:
    h.update(len(part).to_bytes(8, "big"))
    h.update(part)


@functools.cache
def _code_version() -> bytes:
    """Every file of the ``bot`` package (code and data), the Python and library versions."""
    import rapidfuzz
    import yaml

    h = hashlib.sha256()
    versions = f"{sys.version}|{sys.implementation.cache_tag}|pickle protocol {pickle.HIGHEST_PROTOCOL}|yaml {yaml.__version__} {yaml.__with_libyaml__}|rapidfuzz {rapidfuzz.__version__}"
    _add(h, versions.encode())
    package = Path(bot.__file__).parent
    for dirpath, dirnames, filenames in os.walk(package):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".pyc", ".pyo")):
                continue
            full = Path(dirpath) / name
            _add(h, full.relative_to(package).as_posix().encode())
            _add(h, full.read_bytes())
    return h.digest()


class _Damaged(Exception):
    pass


def _check(header: bytes, payload: bytes, key: bytes) -> bytes:
    """The payload of a snapshot file if its header, key, length and checksum hold."""
    if len(header) < HEADER or not header.startswith(MAGIC):
        raise _Damaged("not a snapshot file (or truncated)")
    at = len(MAGIC)
    if header[at] != FORMAT:
        raise _Damaged(f"format {header[at]}, expected {FORMAT}")
    if header[at + 1 : at + 33] != key:
        raise _Damaged("it was stored under another key")
    size = int.from_bytes(header[at + 33 : at + 41], "big")
    if len(payload) != size:
        raise _Damaged(f"truncated or padded: {len(payload)} bytes of payload, expected {size}")
    if hashlib.sha256(payload).digest() != header[at + 41 : HEADER]:
        raise _Damaged("checksum mismatch (corrupted)")
    return payload


def _read_private(path: Path) -> tuple[bytes, bytes] | None:
    """The file's header and payload if it is a regular file owned by this user and writable
    by no one else; None if absent. Opened without following a link, checked on the open file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    except OSError as e:
        raise _Damaged(f"cannot open it ({e.strerror or e})") from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        problem = "is not a regular file" if not stat.S_ISREG(st.st_mode) else _not_private(st)
        if problem:
            raise _Damaged(f"it {problem}")
        return f.read(HEADER), f.read()


def _not_private(st: os.stat_result) -> str | None:
    if st.st_uid != os.geteuid():
        return f"is owned by another user (uid {st.st_uid})"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "is writable by group or others"
    return None


def _share_ints(index: object) -> None:
    """One int object per number again in the index's posting lists (``{stem: [passage
    numbers]}``). A build appends the same int object to every list its passage is in; pickle
    does not memoize ints, so each entry would come back as an object of its own (+360,000
    objects at 1,000 roles; at 5,000 roles the engine read back takes 57 MiB more without this,
    which costs about 0.4 s)."""
    postings = [value for value in vars(index).values() if isinstance(value, dict) and _int_list(next(iter(value.values()), None))]
    lists = [items for value in postings for items in value.values() if _int_list(items)]
    if not lists:
        return
    low, top = min(map(min, lists)), max(map(max, lists))
    if low < 0 or top > 4 * sum(map(len, lists)):  # not positions: left as read (equal values, only more objects)
        return
    shared = list(range(top + 1))  # one look-up in C per entry
    for items in lists:
        items[:] = map(shared.__getitem__, items)


def _int_list(value: object) -> bool:
    return type(value) is list and bool(value) and set(map(type, value)) == {int}


def _proxy(d: dict) -> MappingProxyType:
    """A read-only mapping rebuilt from its dict (``MappingProxyType`` cannot be pickled)."""
    return MappingProxyType(d)


def _dumps(obj: object) -> bytes:
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table.copy()
    pickler.dispatch_table[MappingProxyType] = lambda m: (_proxy, (dict(m),))
    with paused_gc():
        pickler.dump(obj)
    return buf.getvalue()


_ALLOWED = {("array", "array"), ("array", "_array_reconstructor"), (__name__, "_proxy")}  # and the classes below


class _SnapshotUnpickler(pickle.Unpickler):
    """Creates only the classes of the engine and the knowledge model, and arrays."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if module in ("bot.engine", "bot.knowledge.model") or module.startswith("bot.engine."):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise _Damaged(f"it names {module}.{name}, which no snapshot holds")


def _inside(folder: Path, root: Path) -> bool:
    try:
        return folder.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return True  # cannot tell: do not risk it


_warned: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        log.warning("%s", message)
