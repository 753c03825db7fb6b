"""The live knowledge: one current Engine, replaced atomically on reload.

A reload builds a complete new snapshot and index first; only if that succeeds does the
reference swap, so readers always see either the old or the new knowledge, never a mix,
and a broken edit keeps the last good knowledge. Watching uses ``watchfiles`` (inotify via
Rust's notify, with polling fallback): it batches the burst of events a ``git pull`` or an
editor's save produces into one change set, which a hand-written polling loop would not.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Awaitable, Callable

from bot.engine import Engine
from bot.knowledge.loader import KnowledgeError, Problem, load_knowledge

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReloadResult:
    changed: bool  # a new snapshot is now live
    problems: tuple[Problem, ...] = ()  # why the new files were refused (old knowledge kept)

    @property
    def ok(self) -> bool:
        return not self.problems


class LiveKnowledge:
    """Holds the current engine for ``root``; ``engine`` is always a complete snapshot."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._engine = Engine(load_knowledge(self.root))
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        return self._engine

    def reload(self) -> ReloadResult:
        """Validate the folder, then swap; on problems keep the old engine."""
        with self._lock:
            try:
                kb = load_knowledge(self.root)
            except KnowledgeError as e:
                return ReloadResult(False, e.problems)
            if kb.fingerprint == self._engine.knowledge.fingerprint:
                return ReloadResult(False)
            self._engine = Engine(kb)
            return ReloadResult(True)

    async def watch(self, on_result: Callable[[ReloadResult], Awaitable[None]], stop: asyncio.Event | None = None, debounce_ms: int = 800) -> None:
        """Reload whenever files under the root change; report each outcome once.

        The same set of problems is reported only once, so a broken file left in place does
        not flood the moderator log.
        """
        from watchfiles import awatch

        reported: tuple[Problem, ...] = ()
        async for changes in awatch(self.root, stop_event=stop, debounce=debounce_ms, watch_filter=_relevant, recursive=True):
            result = await asyncio.to_thread(self.reload)
            if result.problems and result.problems == reported:
                continue
            reported = result.problems
            if result.changed or result.problems:
                log.info("knowledge change (%d files): %s", len(changes), "reloaded" if result.changed else f"{len(result.problems)} problems, old knowledge kept")
                await on_result(result)


def _relevant(change: object, path: str) -> bool:
    name = Path(path).name
    return not name.startswith(".") and (name.endswith((".yaml", ".yml")) or Path(path).is_dir()) and "/.backups" not in path and "/.git" not in path
