"""The live knowledge: one current Engine, replaced atomically on reload.

A reload builds a complete new snapshot and index first; only if that succeeds does the
reference swap, so readers always see either the old or the new knowledge, never a mix,
and a broken edit keeps the last good knowledge. Three more guards keep the bot answering:

- start-up on a broken folder serves the last good snapshot (``startup_problems`` says why);
- a reload that would drop roles, certifications or FAQ entries that no moderator removed
  on purpose (a deleted ``roles/``, a bad ``git pull``) is held until ``reload(force=True)``
  (``/kb reload``), and the result says what would be removed;
- the watcher survives every error and follows the folder when it is deleted and re-created.

Every clean load is compared with the last good snapshot before it replaces it: files changed
by hand since then (an editor, a ``git pull``) are recorded in the change log with a backup,
so ``history`` lists them and ``undo`` reverts them (``EditCore.note_hand_edits``). Give the
live knowledge the bot's database (``store``) for the change log; without one the backups are
still kept.

Watching uses ``watchfiles`` (inotify via Rust's notify, with polling fallback): it batches
the burst of events a ``git pull`` or an editor's save produces into one change set.

A reload runs in a worker thread beside the event loop, which keeps answering. Three things
would otherwise stall the loop for tens to hundreds of milliseconds at 1,000 roles: full
garbage collections over the millions of objects being built (each holds the GIL for the whole
scan), the GIL's 5 ms switch interval (the loop waits that long each time it wants the GIL
back), and freeing the old index in one go. So while reloading, full collections are held off
and the switch interval is shorter (``_gentle``); the new snapshot is then ``gc.freeze()``d
(as at start-up) and the old engine is taken apart piece by piece (``_release``). Reloads
started from the event loop run in a thread of their own at a lower CPU priority
(``reload_in_background``); with glibc, all threads share one malloc arena and the freed old
snapshot is given back to the system (``_one_malloc_arena``, ``_trim``).
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import functools
import gc
import logging
import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Awaitable, Callable, Iterator

from bot.engine import Engine
from bot.engine.memory import release_free_memory
from bot.engine.snapshot_cache import Found, SnapshotCache, look_up
from bot.knowledge.files import is_knowledge_folder
from bot.knowledge.last_good import load_last_good
from bot.knowledge.loader import KnowledgeError, Loaded, Problem, read_knowledge
from bot.knowledge.model import Knowledge
from bot.knowledge.transaction import RecoveryError, TransactionError, deliberate_removals, knowledge_lock, recover
from bot.moderation.core import EditCore
from bot.storage import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReloadResult:
    changed: bool  # a new snapshot is now live
    problems: tuple[Problem, ...] = ()  # why the new files were refused (old knowledge kept)
    held: bool = False  # valid, but would remove entries nobody removed on purpose: old knowledge kept
    removed: tuple[str, ...] = ()  # with held: the files of the entries that would go

    @property
    def ok(self) -> bool:
        return not self.problems and not self.held


class LiveKnowledge:
    """Holds the current engine for ``root``; ``engine`` is always a complete snapshot.

    Raises KnowledgeError when the folder is unusable and there is no last good snapshot.
    ``store`` (settable later) receives the change log of hand edits. With ``cache``, the
    start-up engine comes from (and goes to) the snapshot cache; reloads never use it.
    """

    def __init__(self, root: Path, store: Store | None = None, cache: SnapshotCache | None = None):
        self.root = Path(root)
        self.store = store
        self._lock = threading.Lock()
        _one_malloc_arena()
        self.startup_problems: tuple[Problem, ...] = ()
        try:
            found = self._read(keep=lambda loaded: True, cache=cache)
        except KnowledgeError as e:
            kb = load_last_good(self.root)
            if kb is None:
                raise
            log.warning("the knowledge in %s has %d problems; serving the last good knowledge", self.root, len(e.problems))
            self.startup_problems = e.problems
            self._engine = Engine(kb)
            return
        self._engine = found.engine()  # built (and stored) out of the folder's lock, or read back from the cache
        del found  # the bytes of every file read
        release_free_memory()  # what they held, amid the snapshot (33 MiB at 5,000 roles from the cache)

    @property
    def engine(self) -> Engine:
        return self._engine

    def _read(self, keep: Callable[[Loaded], bool], cache: SnapshotCache | None = None) -> Found:
        """Finish any interrupted change, then load (under the folder lock: never mid-change);
        if ``keep(loaded)``, record the hand edits since the last good snapshot and keep this
        load as the new one, still under the lock, so no edit lands in between. With ``cache``
        the snapshot is looked up too (``Found.engine`` builds it when there is none)."""
        try:
            with knowledge_lock(self.root):
                recover(self.root)
                if self.root.is_dir() and not is_knowledge_folder(self.root):
                    raise KnowledgeError([Problem(str(self.root), 1, "(folder)", "not a knowledge folder: no roles/, certifications/, faq/ or vocabulary.yaml")])
                found = look_up(self.root, cache)
                if keep(found.loaded):
                    EditCore(self.root, self.store).note_hand_edits("the bot", found.loaded)
                return found
        except (RecoveryError, TransactionError) as e:
            raise KnowledgeError([Problem(str(self.root), 1, "(folder)", str(e))]) from None
        except OSError as e:
            raise KnowledgeError([Problem(str(self.root), 1, "(folder)", f"cannot open: {e.strerror or e}")]) from None

    def reload(self, force: bool = False) -> ReloadResult:
        """Validate the folder, then swap; on problems keep the old engine.

        Without ``force`` a change that removes entries no transaction removed, or leaves no
        roles, is held: the old engine stays and the result lists the files that would go.
        """
        with self._lock, _gentle():  # until the new snapshot is frozen: a full collection before would scan all of it
            old = self._engine.knowledge
            held: list[tuple[str, ...]] = []

            def keep(loaded: Loaded) -> bool:
                kb = loaded.knowledge
                if kb.fingerprint == old.fingerprint:
                    return False
                if not force:
                    gone = _removed(old, kb)
                    unexplained = tuple(f for f in gone if f not in deliberate_removals(self.root))
                    if unexplained or (old.roles and not kb.roles):
                        held.append(unexplained or gone)
                        return False
                return True

            try:
                loaded = self._read(keep).loaded
            except KnowledgeError as e:
                return ReloadResult(False, e.problems)
            if held:
                log.warning("knowledge change held: it would remove %s", ", ".join(held[0]) or "every role")
                return ReloadResult(False, held=True, removed=held[0])
            if loaded.knowledge.fingerprint == old.fingerprint:
                return ReloadResult(False)
            new = loaded.knowledge
            del loaded  # the bytes of every file read: not kept through the build
            engine = Engine(new)
            retired, self._engine = self._engine, engine
            del engine, new, old
            gc.freeze()  # the new snapshot leaves the collector's scans, like the first one at start-up
            _release(retired)
            del retired
            _trim()
        return ReloadResult(True)

    async def reload_in_background(self, force: bool = False) -> ReloadResult:
        """``reload`` from the event loop: in a thread of its own at a lower CPU priority (on
        Linux, per thread), so the loop's thread wins the CPU whenever both want it. A new thread
        each time: its priority cannot be raised back without privileges, so it must not be a
        pooled one."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[ReloadResult] = loop.create_future()

        def settle(result: ReloadResult | None, error: BaseException | None) -> None:
            if done.done():  # the waiting task was cancelled
                return
            if error is not None:
                done.set_exception(error)
            else:
                assert result is not None
                done.set_result(result)

        def deliver(result: ReloadResult | None, error: BaseException | None) -> None:
            try:
                loop.call_soon_threadsafe(settle, result, error)
            except RuntimeError:  # the loop closed while this reload ran (the bot stopped): nobody waits for it
                pass

        def run() -> None:
            _lower_priority()
            try:
                result = self.reload(force)
            except BaseException as e:
                deliver(None, e)
            else:
                deliver(result, None)

        threading.Thread(target=run, name="career-bot-reload", daemon=True).start()
        return await done

    async def watch(self, on_result: Callable[[ReloadResult], Awaitable[None]], stop: asyncio.Event | None = None, debounce_ms: int = 800) -> None:
        """Reload whenever files under the root change, until ``stop``; report each outcome once.

        Never ends on an error: a failure is logged, reported as a problem and retried with
        back-off; a folder deleted and re-created, or replaced by a rename (a re-clone), is
        noticed within a second or two and watched again. The same
        problems (or the same held removal) are reported only once, so a broken file left in
        place does not flood the moderator log.
        """
        from watchfiles import awatch

        stop = stop or asyncio.Event()
        reported: tuple = (self.startup_problems, False, ())  # start-up problems are reported by the bot
        backoff = 1.0

        async def report(result: ReloadResult) -> None:
            nonlocal reported
            key = (result.problems, result.held, result.removed)
            if (result.problems or result.held) and key == reported:
                return
            reported = key
            if result.changed or result.problems or result.held:
                what = "reloaded" if result.changed else "held" if result.held else f"{len(result.problems)} problems, old knowledge kept"
                log.info("knowledge change: %s", what)
                try:
                    await on_result(result)
                except Exception:
                    log.exception("reporting a knowledge change failed")

        first = True
        while not stop.is_set():
            try:
                if not await _wait_for_folder(self.root, stop):
                    break
                identity = _identity(self.root)
                if not first:  # changes made while nothing was watching
                    await report(await self.reload_in_background())
                first = False
                async for changes in awatch(
                    self.root, stop_event=stop, debounce=debounce_ms, watch_filter=_relevant(self.root), recursive=True, rust_timeout=1000, yield_on_timeout=True
                ):
                    replaced = _identity(self.root) != identity
                    if changes or replaced:
                        await report(await self.reload_in_background())
                    if replaced:
                        break  # the folder was deleted, or replaced by a rename: watch what is there now
                backoff = 1.0
            except asyncio.CancelledError:
                raise
            except Exception as e:
                log.exception("knowledge watcher failed; retrying in %.0f s", backoff)
                await report(ReloadResult(False, (Problem(str(self.root), 1, "(watcher)", f"watching failed ({type(e).__name__}: {e}); retrying"),)))
                if await _sleep(stop, backoff):
                    break
                backoff = min(backoff * 2, 60.0)
            else:
                if not stop.is_set() and self.root.is_dir() and _identity(self.root) == identity:
                    await _sleep(stop, 0.5)  # awatch ended by itself: start it again, gently


RELOAD_SWITCH_INTERVAL = 0.0005  # s; CPython's default is 0.005
_gentle_lock = threading.Lock()
_gentle_depth = 0
_gentle_saved: tuple[tuple[int, ...], float] = ((), 0.0)


@contextlib.contextmanager
def _gentle() -> Iterator[None]:
    """While building a snapshot beside the event loop: no full collections (young ones still
    run) and a short GIL switch interval. Process-wide settings, so nested or concurrent uses
    (two LiveKnowledge objects) restore them only when the last one ends."""
    global _gentle_depth, _gentle_saved
    with _gentle_lock:
        if _gentle_depth == 0:
            _gentle_saved = (gc.get_threshold(), sys.getswitchinterval())
            young = _gentle_saved[0]
            gc.set_threshold(young[0], young[1] if len(young) > 1 else 10, 1_000_000)
            sys.setswitchinterval(RELOAD_SWITCH_INTERVAL)
        _gentle_depth += 1
    try:
        yield
    finally:
        with _gentle_lock:
            _gentle_depth -= 1
            if _gentle_depth == 0:
                gc.set_threshold(*_gentle_saved[0])
                sys.setswitchinterval(_gentle_saved[1])


M_ARENA_MAX = -8  # glibc's mallopt parameter


@functools.cache
def _glibc() -> Any | None:
    """The C library when it is glibc (whose malloc the two helpers below tune), else None."""
    if sys.platform != "linux":
        return None
    try:
        libc = ctypes.CDLL(None)
        libc.gnu_get_libc_version, libc.mallopt, libc.malloc_trim  # AttributeError elsewhere (musl)
    except (OSError, AttributeError):
        return None
    return libc


def _one_malloc_arena() -> None:
    """One malloc arena for all threads: the reload thread then reuses the memory the loader
    and the old snapshot freed instead of growing an arena of its own (at 1,000 roles the
    first reload peaks about 50 MB lower). Python threads take turns anyway (the GIL)."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(M_ARENA_MAX, 1)


def _trim() -> None:
    """Give the freed old snapshot back to the system (about 150 MB at 1,000 roles); glibc
    keeps it otherwise. A foreign call: the GIL is released while it runs."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


RELOAD_NICE = 10  # added to the reload thread's niceness


def _lower_priority() -> None:
    """Lower the calling thread's CPU priority (Linux only: elsewhere setpriority is per process
    or absent)."""
    if sys.platform != "linux":
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + RELOAD_NICE))
    except OSError as e:
        log.debug("could not lower the reload thread's priority: %s", e)


RELEASE_CHUNK = 1024  # items freed between two chances for the event loop to take the GIL
# From 3.14 the interpreter may borrow references on its stack, so sys.getrefcount can be lower
# than the holders: it could no longer prove "nobody else holds this". There the old engine is
# simply dropped (freed in one go).
_REFCOUNTS_EXACT = sys.version_info < (3, 14)


RELEASE_WAIT_S = 1.0  # how long a retired engine may stay in use (an answer being built) before it is just let go


def _release(engine: Engine) -> None:
    """Free a retired engine's index and knowledge a slice at a time (one ``del`` of the index
    alone holds the GIL for about 80 ms at 1,000 roles). Only what nobody else refers to is
    taken apart: an answer the event loop is building with the old engine is waited for (it
    would otherwise free the whole engine in one go when it finishes); anything still shared
    after ``RELEASE_WAIT_S`` (a lookup that takes long, the knowledge of a conversation's
    context) is just let go."""
    if not _REFCOUNTS_EXACT or not _sole(engine, 4):  # the caller's, ours, _sole's, getrefcount's argument
        return
    parts = [engine.index, engine.knowledge]
    del engine
    while parts:
        part = parts.pop()
        if _sole(part, 4) and hasattr(part, "__dict__"):  # the retired engine's, ours, _sole's, the argument's
            for name in list(vars(part)):
                value = vars(part).pop(name)
                _empty(value)
                del value
                time.sleep(0)  # let the loop in
        del part


def _sole(obj: object, refs: int) -> bool:
    """Wait until ``obj`` has no more than ``refs`` references (the caller's chain, this call's
    and getrefcount's argument), at most ``RELEASE_WAIT_S``; False if it stays shared."""
    deadline = time.monotonic() + RELEASE_WAIT_S
    while sys.getrefcount(obj) > refs:
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.005)
    return True


def _empty(value: Any, depth: int = 0) -> None:
    """Empty ``value`` in slices if the caller holds the only reference to it: a list, dict or
    set, or an object's attributes (two levels down)."""
    if sys.getrefcount(value) > 3:  # the caller's, ours, getrefcount's argument
        return
    if isinstance(value, list):
        while value:
            del value[-RELEASE_CHUNK:]
            time.sleep(0)
    elif isinstance(value, (dict, set)):
        while value:
            for _ in range(min(RELEASE_CHUNK, len(value))):
                value.popitem() if isinstance(value, dict) else value.pop()
            time.sleep(0)
    elif depth < 2 and hasattr(value, "__dict__") and not isinstance(value, type):
        for name in list(vars(value)):
            part = vars(value).pop(name)
            _empty(part, depth + 1)
            del part


def _removed(old: Knowledge, new: Knowledge) -> tuple[str, ...]:
    """Files of the roles, certifications and FAQ entries in ``old`` that ``new`` lacks."""
    gone = [r.file for k, r in old.roles.items() if k not in new.roles]
    gone += [c.file for k, c in old.certifications.items() if k not in new.certifications]
    gone += [f.file for k, f in old.faqs.items() if k not in new.faqs]
    return tuple(sorted(gone))


def _identity(root: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(root)
    except OSError:
        return None
    return st.st_dev, st.st_ino


async def _sleep(stop: asyncio.Event, seconds: float) -> bool:
    """Sleep unless stopped; True if ``stop`` was set."""
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    except asyncio.TimeoutError:
        return False
    return True


async def _wait_for_folder(root: Path, stop: asyncio.Event) -> bool:
    """Until ``root`` exists (False if stopped first)."""
    while not root.is_dir():
        if await _sleep(stop, 0.5):
            return False
    return not stop.is_set()


def _relevant(root: Path) -> Callable[[object, str], bool]:
    """Knowledge files and folders only: nothing hidden (journal, snapshot, backups, git, temp files)."""
    base = str(root)

    def relevant(change: object, path: str) -> bool:
        rel = os.path.relpath(path, base)
        if rel == "." or any(part.startswith(".") for part in rel.split(os.sep)):
            return rel == "."
        return path.lower().endswith((".yaml", ".yml")) or os.path.isdir(path)

    return relevant
