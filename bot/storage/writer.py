"""The one thread that writes to the database.

Callers queue jobs (``fn(connection)``); the writer takes them in batches, one transaction
per batch and a savepoint per job, so a failing job is rolled back alone. A job either is
fired and forgotten (its errors are logged) or returns its result to the waiting caller.
Jobs that must not run inside a transaction (a WAL checkpoint) run alone.

When the first job of a batch is fire-and-forget (a reply's record), the writer waits
``LINGER_S`` for more before it starts: under load one transaction, and one wake-up of this
thread (which then competes with the event loop for the GIL), serves several replies instead
of each. A job someone waits for starts at once.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Callable

from bot.storage.errors import StoreError

log = logging.getLogger("bot.storage")

BATCH_MAX = 512  # jobs per transaction
LINGER_S = 0.01  # how long a fire-and-forget job waits for company

Job = Callable[[sqlite3.Connection], Any]


@dataclass
class _Queued:
    fn: Job
    future: Future[Any] | None  # None: fire and forget
    tx: bool  # False: runs alone, outside any transaction


_STOP = object()


class Writer:
    """Runs queued jobs on ``db`` in a background thread; ``lock`` guards ``db`` (readers take it too)."""

    def __init__(self, db: sqlite3.Connection, lock: threading.Lock):
        self._db = db
        self._lock = lock
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.closed = False
        self._thread = threading.Thread(target=self._loop, name="career-bot-db-writer", daemon=True)
        self._thread.start()

    def submit(self, fn: Job, *, wait: bool, tx: bool = True) -> Any:
        """Queue ``fn``; with ``wait``, block until it ran and return its result (or raise its error)."""
        if self.closed:
            if not wait:
                log.debug("database closed: a write was dropped")
                return None
            raise StoreError("the database is closed")
        future: Future[Any] | None = Future() if wait else None
        self._queue.put(_Queued(fn, future, tx))
        return future.result() if future is not None else None

    def flush(self) -> None:
        """Wait until every job queued so far has run."""
        if not self.closed:
            self.submit(lambda db: None, wait=True)

    def close(self) -> None:
        """Run what is queued, then stop the thread."""
        if self.closed:
            return
        self.closed = True
        self._queue.put(_STOP)
        self._thread.join()

    def _loop(self) -> None:
        stop = False
        while not stop:
            first = self._queue.get()
            if isinstance(first, _Queued) and first.future is None:
                time.sleep(LINGER_S)
            batch = [first]
            while len(batch) < BATCH_MAX:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            if _STOP in batch:
                stop = True
                batch = batch[: batch.index(_STOP)]
            i = 0
            while i < len(batch):
                if not batch[i].tx:
                    self._run_alone(batch[i])
                    i += 1
                    continue
                j = i
                while j < len(batch) and batch[j].tx:
                    j += 1
                self._run_transaction(batch[i:j])
                i = j

    def _run_alone(self, job: _Queued) -> None:
        try:
            with self._lock:
                result = job.fn(self._db)
        except Exception as e:
            _failed(job, e)
        else:
            if job.future is not None:
                job.future.set_result(result)

    def _run_transaction(self, jobs: list[_Queued]) -> None:
        done: list[tuple[_Queued, Any]] = []
        failed: list[tuple[_Queued, BaseException]] = []
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as e:
                for job in jobs:
                    _failed(job, e)
                return
            try:
                for job in jobs:
                    self._db.execute("SAVEPOINT job")
                    try:
                        result = job.fn(self._db)
                    except Exception as e:
                        self._db.execute("ROLLBACK TO job")
                        self._db.execute("RELEASE job")
                        failed.append((job, e))
                    else:
                        self._db.execute("RELEASE job")
                        done.append((job, result))
                self._db.execute("COMMIT")
            except BaseException as e:  # the commit itself failed (disk full, I/O error): nothing landed
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                for job in jobs:
                    _failed(job, e)
                return
        for job, result in done:
            if job.future is not None:
                job.future.set_result(result)
        for job, err in failed:
            _failed(job, err)


def _failed(job: _Queued, error: BaseException) -> None:
    if job.future is not None:
        job.future.set_exception(error)
    else:
        log.error("database write failed: %s", error, exc_info=error)
