"""What the bot remembers: questions, feedback, "did you mean" picks, knowledge changes.

SQLite (stdlib), WAL mode, versioned migrations (``PRAGMA user_version``).

Writes never run on the caller's thread: one background writer thread owns every write and
takes queued jobs in batches (one transaction per batch, a savepoint per job). ``record_*``
only enqueue, so the Discord event loop never waits for the disk; the other writes
(``resolve_gap``, ``record_change``, ``purge_expired``, ``forget``) wait for their job's result,
and are called from worker threads. Reads first wait until every write submitted before them
has landed, so a caller always reads its own writes.

Answer ids are allocated in memory and time-ordered (milliseconds << 16, plus a per-process
random start), so a reply's buttons carry the id before the row is written, and several bot
processes (shards) can share one database without colliding.

Knowledge gaps (unanswered questions, answers rated 👎, "did you mean" picks) are grouped when
they are recorded: a question joins the open group that already holds its normalized phrasing,
else the most similar group among those sharing a word with it (a small inverted index of the
groups' founding phrasings, confirmed with rapidfuzz ``token_set_ratio``), else it founds a new
group. ``gaps()`` and ``resolve_gap()`` read and close groups; nothing is ever regrouped.

Privacy: Discord user ids are never stored, only an HMAC-SHA256 of them keyed with a secret
kept outside the database (``CAREER_BOT_HASH_KEY``, else the file ``<database>.key``, mode 0600,
created on first use), enough to let a member's second vote replace the first and to delete a
member's data (``forget``). The database alone cannot test whether a known id asked anything.
Questions, feedback and picks older than ``retention_days`` are deleted by ``purge_expired()``;
the knowledge change log (moderators' audit trail) is kept.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import queue
import re
import secrets
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar

from rapidfuzz import fuzz, process

log = logging.getLogger(__name__)

T = TypeVar("T")

GAP_SIMILARITY = 80  # rapidfuzz token_set_ratio on normalized text
NOT_GAP_REASONS = ("clinical", "injection", "empty", "thanks", "needs_context")  # on purpose, or no question at all: not a knowledge gap
KIND_ORDER = ("unanswered", "unhelpful", "choice")
UNANSWERED, UNHELPFUL, CHOICE = 1, 2, 4  # questions.gap_kinds bits, in KIND_ORDER
GROUP_WORDS_MAX = 16  # words of a new phrasing looked up in the index (the longest: rarer)
POSTINGS_MAX = 250  # groups read per word (a common word adds at most this many candidates): bounds the work per question
CANDIDATES_MAX = 64  # groups sharing the most words, compared with rapidfuzz
BATCH_MAX = 512  # jobs per writer transaction
HASH_KEY_ENV = "CAREER_BOT_HASH_KEY"
HASH_KEY_MIN = 16

MIGRATIONS: list[str] = [
    # 1: initial schema
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts TEXT NOT NULL,
        question TEXT NOT NULL,
        norm TEXT NOT NULL,
        user_hash TEXT,
        intent TEXT NOT NULL,
        confidence REAL NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        channel TEXT NOT NULL DEFAULT '',
        handled TEXT,
        handled_by TEXT,
        handled_at TEXT
    );
    CREATE INDEX questions_ts ON questions(ts);
    CREATE INDEX questions_open ON questions(handled, intent);
    CREATE TABLE feedback (
        answer_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
        user_hash TEXT NOT NULL,
        helpful INTEGER NOT NULL,
        ts TEXT NOT NULL,
        PRIMARY KEY (answer_id, user_hash)
    );
    CREATE TABLE choices (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        answer_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
        user_hash TEXT NOT NULL,
        kind TEXT NOT NULL,
        ident TEXT NOT NULL,
        ts TEXT NOT NULL
    );
    CREATE INDEX choices_answer ON choices(answer_id);
    CREATE TABLE changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts TEXT NOT NULL,
        moderator TEXT NOT NULL,
        file TEXT NOT NULL,
        action TEXT NOT NULL,
        before TEXT,
        after TEXT
    );
    CREATE INDEX changes_file ON changes(file, id);
    CREATE TABLE gap_resolutions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        group_key TEXT NOT NULL,
        question TEXT NOT NULL,
        action TEXT NOT NULL,
        moderator TEXT NOT NULL,
        ts TEXT NOT NULL,
        count INTEGER NOT NULL
    );
    """,
    # 2: gap groups kept up to date as questions are recorded; user hashes keyed outside the
    # database (the per-database salt is dropped: older hashes can no longer be linked to anyone)
    """
    ALTER TABLE questions ADD COLUMN gap_kinds INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE questions ADD COLUMN group_id INTEGER;
    CREATE INDEX questions_group ON questions(group_id, norm) WHERE group_id IS NOT NULL;
    CREATE INDEX questions_user ON questions(user_hash);
    CREATE INDEX feedback_user ON feedback(user_hash);
    CREATE INDEX choices_user ON choices(user_hash);
    CREATE TABLE gap_groups (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        norm TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX gap_groups_queue ON gap_groups(count DESC, id);
    CREATE TABLE gap_norms (norm TEXT PRIMARY KEY, group_id INTEGER NOT NULL) WITHOUT ROWID;
    CREATE INDEX gap_norms_group ON gap_norms(group_id);
    CREATE TABLE gap_words (word TEXT NOT NULL, group_id INTEGER NOT NULL, PRIMARY KEY (word, group_id)) WITHOUT ROWID;
    DELETE FROM meta WHERE key = 'salt';
    """,
]

_STOPWORDS = frozenset(
    "a an the is are was were be been am do does did i me my we you your to of in on for and or at by with it its this that "
    "what whats how can could would should will there any about as from so please hi hello hey".split()
)
_WORD = re.compile(r"[a-z0-9]+")


class StoreError(Exception):
    """The database or its hashing key cannot be used; the message says why and what to do."""


def normalize_question(text: str) -> str:
    """Lower-case words only, without filler words: what gap grouping compares."""
    words = _WORD.findall(text.lower())
    content = [w for w in words if w not in _STOPWORDS]
    return " ".join(content or words)


def group_key(norm: str) -> str:
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def gap_kinds(intent: str, reason: str) -> int:
    """The gap bits a question has when recorded: unanswered unless refused on purpose."""
    return UNANSWERED if intent == "none" and (reason or "") not in NOT_GAP_REASONS else 0


@dataclass(frozen=True)
class GapGroup:
    key: str  # stable id of the group (from its founding phrasing)
    question: str  # representative phrasing (the most frequent one)
    count: int  # open questions in the group
    last_seen: str  # ISO 8601 UTC
    kinds: tuple[str, ...]  # "unanswered" | "unhelpful" | "choice"
    examples: tuple[str, ...]  # up to 5 distinct phrasings, most frequent first


@dataclass(frozen=True)
class Change:
    id: int
    when: str  # ISO 8601 UTC
    moderator: str
    file: str
    action: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Forgotten:
    questions: int
    feedback: int
    choices: int


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat(timespec="seconds")


@dataclass
class _Job:
    fn: Callable[[sqlite3.Connection], Any]
    future: Future[Any] | None  # None: fire and forget (errors are logged)
    tx: bool = True  # False: runs alone, outside any transaction (e.g. a WAL checkpoint)


_STOP = object()


class Store:
    """The bot's database. Safe to share between threads; writes go through one writer thread."""

    def __init__(self, path: str | Path, retention_days: int = 180, *, clock: Callable[[], datetime] = _utc_now, hash_key: bytes | None = None):
        self.path = str(path)
        self.retention_days = retention_days
        self._clock = clock
        self._lock = threading.Lock()  # guards the connection (writer batches and reads)
        self._key = hash_key
        self._key_lock = threading.Lock()
        self._id_lock = threading.Lock()
        self._last_id = 0
        self._closed = False
        if self._on_disk:
            p = Path(self.path)
            p.parent.mkdir(parents=True, exist_ok=True)
            if not p.exists():
                os.close(os.open(p, os.O_CREAT | os.O_WRONLY, 0o600))  # member data: not world-readable
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
        self._db.row_factory = sqlite3.Row
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA secure_delete=ON")  # purged questions are overwritten, not left in free pages
            if self._on_disk:
                self._db.execute("PRAGMA wal_autocheckpoint=0")  # checkpoints run from checkpoint(), in the background
            self._migrate()
        except BaseException:
            self._db.close()
            raise
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._writer = threading.Thread(target=self._write_loop, name="career-bot-db-writer", daemon=True)
        self._writer.start()

    @property
    def _on_disk(self) -> bool:
        return self.path != ":memory:" and not self.path.startswith("file:")

    @property
    def key_path(self) -> Path | None:
        """Where the user-id hashing key is kept when ``CAREER_BOT_HASH_KEY`` is not set."""
        return Path(self.path + ".key") if self._on_disk else None

    # ------------------------------------------------------------------ the writer

    def _write_loop(self) -> None:
        stop = False
        while not stop:
            batch = [self._queue.get()]
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

    def _run_alone(self, job: _Job) -> None:
        try:
            with self._lock:
                result = job.fn(self._db)
        except Exception as e:
            self._failed(job, e)
        else:
            if job.future is not None:
                job.future.set_result(result)

    def _run_transaction(self, jobs: list[_Job]) -> None:
        done: list[tuple[_Job, Any]] = []
        failed: list[tuple[_Job, BaseException]] = []
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as e:
                for job in jobs:
                    self._failed(job, e)
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
                    self._failed(job, e)
                return
        for job, result in done:
            if job.future is not None:
                job.future.set_result(result)
        for job, err in failed:
            self._failed(job, err)

    @staticmethod
    def _failed(job: _Job, error: BaseException) -> None:
        if job.future is not None:
            job.future.set_exception(error)
        else:
            log.error("database write failed: %s", error, exc_info=error)

    def _submit(self, fn: Callable[[sqlite3.Connection], Any], *, wait: bool, tx: bool = True) -> Any:
        if self._closed:
            if not wait:
                log.debug("database closed: a write was dropped")
                return None
            raise StoreError("the database is closed")
        future: Future[Any] | None = Future() if wait else None
        self._queue.put(_Job(fn, future, tx))
        return future.result() if future is not None else None

    def flush(self) -> None:
        """Wait until every write submitted so far has landed."""
        if not self._closed:
            self._submit(lambda db: None, wait=True)

    def _read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        self.flush()
        with self._lock:
            return fn(self._db)

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (call it from a background thread).

        A separate connection and a PASSIVE checkpoint never block the writer.
        """
        if not self._on_disk:
            return
        conn = sqlite3.connect(self.path, timeout=10)
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()

    # ------------------------------------------------------------------ setup

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        for n, sql in enumerate(MIGRATIONS[version:], version + 1):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if self._db.execute("PRAGMA user_version").fetchone()[0] >= n:  # another process got there first
                    self._db.execute("ROLLBACK")
                    continue
                for stmt in (s.strip() for s in sql.split(";")):
                    if stmt:
                        self._db.execute(stmt)
                if n == 2:
                    self._group_existing_gaps(self._db)
                self._db.execute(f"PRAGMA user_version = {n}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            if n == 2 and self._on_disk:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the dropped salt leaves the WAL too

    def _group_existing_gaps(self, db: sqlite3.Connection) -> None:
        """Migration 2: mark and group the open gaps of a database written before groups were kept."""
        placeholders = ",".join("?" * len(NOT_GAP_REASONS))
        db.execute(f"UPDATE questions SET gap_kinds = {UNANSWERED} WHERE intent = 'none' AND reason NOT IN ({placeholders})", NOT_GAP_REASONS)
        db.execute(f"UPDATE questions SET gap_kinds = gap_kinds | {UNHELPFUL} WHERE id IN (SELECT answer_id FROM feedback WHERE helpful = 0)")
        db.execute(f"UPDATE questions SET gap_kinds = gap_kinds | {CHOICE} WHERE id IN (SELECT answer_id FROM choices)")
        rows = db.execute("SELECT id, norm FROM questions WHERE handled IS NULL AND gap_kinds != 0 ORDER BY id").fetchall()
        by_norm: dict[str, list[int]] = {}
        for r in rows:
            by_norm.setdefault(r["norm"], []).append(r["id"])
        # as the old grouping did: the most frequent (then most recent) phrasing founds a group first
        for norm in sorted(by_norm, key=lambda n: (-len(by_norm[n]), -max(by_norm[n]))):
            for qid in by_norm[norm]:
                self._join_group(db, qid, norm)

    @property
    def schema_version(self) -> int:
        return self._read(lambda db: int(db.execute("PRAGMA user_version").fetchone()[0]))

    def journal_mode(self) -> str:
        return self._read(lambda db: str(db.execute("PRAGMA journal_mode").fetchone()[0]))

    # ------------------------------------------------------------------ hashing key

    def _load_key(self, create: bool) -> bytes | None:
        env = os.environ.get(HASH_KEY_ENV, "").strip()
        if env:
            if len(env) < HASH_KEY_MIN:
                raise StoreError(f"{HASH_KEY_ENV} is too short: use at least {HASH_KEY_MIN} random characters, e.g. the output of `python3 -c 'import secrets; print(secrets.token_hex(32))'`")
            return env.encode("utf-8")
        path = self.key_path
        if path is None:  # an in-memory database: nothing outlives the process, nor should the key
            return secrets.token_bytes(32) if create else None
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            if not create:
                return None
            return self._create_key(path)
        except OSError as e:
            raise StoreError(f"cannot read the hashing key {path}: {e.strerror or e} (a symbolic link is refused)") from None
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise StoreError(f"{path}: the hashing key must be a regular file")
            if st.st_mode & 0o077:
                os.fchmod(f.fileno(), 0o600)
                log.warning("%s was readable by other users; its mode is now 0600", path)
            key = f.read().strip()
        if len(key) < HASH_KEY_MIN:
            raise StoreError(f"{path}: not a hashing key (expected 64 hex characters); restore it from a backup, or delete it to start a new key (older rows then stay anonymous)")
        return key

    @staticmethod
    def _create_key(path: Path) -> bytes:
        key = secrets.token_hex(32).encode("ascii")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except FileExistsError:  # another process created it first: use theirs
            return path.read_bytes().strip()
        except OSError as e:
            raise StoreError(f"cannot create the hashing key {path}: {e.strerror or e}; set {HASH_KEY_ENV} instead") from None
        with os.fdopen(fd, "wb") as f:
            f.write(key + b"\n")
            f.flush()
            os.fsync(f.fileno())
        log.info("created the user-id hashing key %s (keep it with the database: without it, members' rows cannot be found)", path)
        return key

    def _hash_key(self, create: bool = True) -> bytes | None:
        with self._key_lock:
            if self._key is None:
                self._key = self._load_key(create)
            return self._key

    def ensure_hash_key(self) -> None:
        """Load (or create) the hashing key now, so a problem with it stops start-up, not an answer.

        Warns when the key differs from the one earlier rows were hashed with.
        """
        key = self._hash_key()
        assert key is not None
        check = hmac.new(key, b"career-bot key check", hashlib.sha256).hexdigest()[:16]

        def remember(db: sqlite3.Connection) -> str | None:
            row = db.execute("SELECT value FROM meta WHERE key = 'hash_key_check'").fetchone()
            if row is None:
                db.execute("INSERT INTO meta(key, value) VALUES ('hash_key_check', ?)", (check,))
                return None
            return str(row[0])

        stored = self._submit(remember, wait=True)
        if stored is not None and stored != check:
            log.warning("the user-id hashing key is not the one this database's rows were hashed with: earlier votes and `career-bot forget` will not match older rows")

    def _hash(self, user_id: int | None, create: bool = True) -> str | None:
        if user_id is None:
            return None
        key = self._hash_key(create)
        if key is None:
            raise StoreError(f"no user-id hashing key: set {HASH_KEY_ENV} or keep {self.key_path} next to the database")
        return hmac.new(key, str(int(user_id)).encode("ascii"), hashlib.sha256).hexdigest()

    def _now(self) -> str:
        return _iso(self._clock())

    def _new_id(self) -> int:
        with self._id_lock:
            if not self._last_id:
                self._last_id = secrets.randbits(15)
            candidate = (time.time_ns() // 1_000_000) << 16
            self._last_id = max(candidate, self._last_id + 1)
            return self._last_id

    # ------------------------------------------------------------------ recording (never waits)

    def record_question(self, question: str, user_id: int | None, intent: str, confidence: float, reason: str = "", channel: str = "") -> int:
        """Every answer the bot gives; returns its ``answer_id`` for feedback and picks at once."""
        qid = self._new_id()
        row = (qid, self._now(), question, normalize_question(question), self._hash(user_id), intent, float(confidence), reason or "", channel or "", gap_kinds(intent, reason))

        def write(db: sqlite3.Connection) -> None:
            db.execute("INSERT INTO questions(id, ts, question, norm, user_hash, intent, confidence, reason, channel, gap_kinds) VALUES (?,?,?,?,?,?,?,?,?,?)", row)
            if row[-1]:
                self._join_group(db, qid, row[3])

        self._submit(write, wait=False)
        return qid

    def record_feedback(self, answer_id: int, user_id: int, helpful: bool) -> None:
        """A 👍/👎 vote; a member's second vote on the same answer replaces the first."""
        row = (answer_id, self._hash(user_id), 1 if helpful else 0, self._now())

        def write(db: sqlite3.Connection) -> None:
            try:
                db.execute(
                    "INSERT INTO feedback(answer_id, user_hash, helpful, ts) VALUES (?,?,?,?) "
                    "ON CONFLICT(answer_id, user_hash) DO UPDATE SET helpful = excluded.helpful, ts = excluded.ts",
                    row,
                )
            except sqlite3.IntegrityError:
                log.info("feedback for unknown or expired answer %s ignored", answer_id)
                return
            self._recount_kinds(db, answer_id)

        self._submit(write, wait=False)

    def record_choice(self, answer_id: int, user_id: int, kind: str, ident: str) -> None:
        """A "did you mean" pick: the member asked ``answer_id`` and meant ``kind``/``ident``."""
        row = (answer_id, self._hash(user_id), kind, ident, self._now())

        def write(db: sqlite3.Connection) -> None:
            try:
                db.execute("INSERT INTO choices(answer_id, user_hash, kind, ident, ts) VALUES (?,?,?,?,?)", row)
            except sqlite3.IntegrityError:
                log.info("choice for unknown or expired answer %s ignored", answer_id)
                return
            self._recount_kinds(db, answer_id)

        self._submit(write, wait=False)

    # ------------------------------------------------------------------ gap groups (writer side)

    def _recount_kinds(self, db: sqlite3.Connection, qid: int) -> None:
        """Recompute a question's 👎 and pick bits from its rows; join or leave its group."""
        row = db.execute(
            "SELECT gap_kinds, group_id, handled, norm, "
            "EXISTS (SELECT 1 FROM feedback f WHERE f.answer_id = q.id AND f.helpful = 0) AS unhelpful, "
            "EXISTS (SELECT 1 FROM choices c WHERE c.answer_id = q.id) AS choice "
            "FROM questions q WHERE id = ?",
            (qid,),
        ).fetchone()
        if row is None:
            return
        old = int(row["gap_kinds"])
        new = (old & UNANSWERED) | (UNHELPFUL if row["unhelpful"] else 0) | (CHOICE if row["choice"] else 0)
        if new == old:
            return
        db.execute("UPDATE questions SET gap_kinds = ? WHERE id = ?", (new, qid))
        if row["handled"] is not None:
            return  # a moderator already dealt with it: it stays out of the queue
        if new and row["group_id"] is None:
            self._join_group(db, qid, row["norm"])
        elif not new and row["group_id"] is not None:
            db.execute("UPDATE questions SET group_id = NULL WHERE id = ?", (qid,))
            self._refresh_groups(db, [row["group_id"]])

    def _join_group(self, db: sqlite3.Connection, qid: int, norm: str) -> None:
        gid = self._find_group(db, norm)
        if gid is None:
            gid = self._found_group(db, norm)
        db.execute("INSERT OR IGNORE INTO gap_norms(norm, group_id) VALUES (?,?)", (norm, gid))
        db.execute("UPDATE gap_groups SET count = count + 1 WHERE id = ?", (gid,))
        db.execute("UPDATE questions SET group_id = ? WHERE id = ?", (gid, qid))

    def _find_group(self, db: sqlite3.Connection, norm: str) -> int | None:
        """The open group for ``norm``: the one holding it, else the most similar sharing a word."""
        row = db.execute("SELECT group_id FROM gap_norms WHERE norm = ?", (norm,)).fetchone()
        if row is not None:
            return int(row[0])
        words = sorted(set(norm.split()), key=lambda w: (-len(w), w))[:GROUP_WORDS_MAX]
        if not words:
            return None
        postings = " UNION ALL ".join(["SELECT group_id FROM (SELECT group_id FROM gap_words WHERE word = ? LIMIT ?)"] * len(words))
        ids = [
            r[0]
            for r in db.execute(
                f"SELECT group_id, COUNT(*) AS shared FROM ({postings}) GROUP BY group_id ORDER BY shared DESC, group_id LIMIT ?",
                [v for w in words for v in (w, POSTINGS_MAX)] + [CANDIDATES_MAX],
            )
        ]
        if not ids:
            return None
        rows = db.execute(f"SELECT id, norm, count FROM gap_groups WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall()
        rows.sort(key=lambda r: (-r["count"], r["id"]))  # ties go to the bigger, then the older group
        hit = process.extractOne(norm, [r["norm"] for r in rows], scorer=fuzz.token_set_ratio, score_cutoff=GAP_SIMILARITY)
        return int(rows[hit[2]]["id"]) if hit is not None else None

    @staticmethod
    def _found_group(db: sqlite3.Connection, norm: str) -> int:
        key = group_key(norm)
        if db.execute("SELECT 1 FROM gap_groups WHERE key = ?", (key,)).fetchone() is not None:
            key = group_key(f"{norm}\0{time.time_ns()}")  # a re-founded group kept this key: stay unique
        gid = int(db.execute("INSERT INTO gap_groups(key, norm, count) VALUES (?,?,0)", (key, norm)).lastrowid or 0)
        db.executemany("INSERT OR IGNORE INTO gap_words(word, group_id) VALUES (?,?)", [(w, gid) for w in set(norm.split())])
        return gid

    @staticmethod
    def _drop_group(db: sqlite3.Connection, gid: int, norm: str) -> None:
        db.executemany("DELETE FROM gap_words WHERE word = ? AND group_id = ?", [(w, gid) for w in set(norm.split())])
        db.execute("DELETE FROM gap_norms WHERE group_id = ?", (gid,))
        db.execute("DELETE FROM gap_groups WHERE id = ?", (gid,))

    def _refresh_groups(self, db: sqlite3.Connection, group_ids: Iterable[int]) -> None:
        """After questions left groups: recount; drop empty groups and phrasings no question has
        any more (retention and ``forget`` must not leave their text behind); a group whose
        founding phrasing is gone is compared by its most frequent remaining phrasing."""
        for gid in set(group_ids):
            group = db.execute("SELECT norm FROM gap_groups WHERE id = ?", (gid,)).fetchone()
            if group is None:
                continue
            members = db.execute(
                "SELECT norm, COUNT(*) AS n FROM questions WHERE group_id = ? AND handled IS NULL GROUP BY norm ORDER BY n DESC, MIN(id)", (gid,)
            ).fetchall()
            if not members:
                self._drop_group(db, gid, group["norm"])
                continue
            norms = {m["norm"] for m in members}
            db.execute("UPDATE gap_groups SET count = ? WHERE id = ?", (sum(m["n"] for m in members), gid))
            stale = [r[0] for r in db.execute("SELECT norm FROM gap_norms WHERE group_id = ?", (gid,)) if r[0] not in norms]
            db.executemany("DELETE FROM gap_norms WHERE norm = ?", [(n,) for n in stale])
            if group["norm"] not in norms:
                new = members[0]["norm"]
                db.executemany("DELETE FROM gap_words WHERE word = ? AND group_id = ?", [(w, gid) for w in set(group["norm"].split())])
                db.executemany("INSERT OR IGNORE INTO gap_words(word, group_id) VALUES (?,?)", [(w, gid) for w in set(new.split())])
                db.execute("UPDATE gap_groups SET norm = ? WHERE id = ?", (new, gid))

    # ------------------------------------------------------------------ gaps (readers)

    @staticmethod
    def _group_of(db: sqlite3.Connection, gid: int, key: str) -> GapGroup | None:
        rows = db.execute(
            f"SELECT TRIM(question) AS text, COUNT(*) AS n, MAX(ts) AS last, MAX(gap_kinds & {UNANSWERED}) AS k1, "
            f"MAX(gap_kinds & {UNHELPFUL}) AS k2, MAX(gap_kinds & {CHOICE}) AS k4 "
            "FROM questions WHERE group_id = ? AND handled IS NULL GROUP BY TRIM(question) ORDER BY n DESC, MIN(id)",
            (gid,),
        ).fetchall()
        if not rows:
            return None
        examples: list[str] = []
        seen: set[str] = set()
        for r in rows:
            k = normalize_question(r["text"]) + "\0" + r["text"].casefold()
            if k not in seen:
                seen.add(k)
                examples.append(r["text"])
            if len(examples) == 5:
                break
        bits = (any(r["k1"] for r in rows), any(r["k2"] for r in rows), any(r["k4"] for r in rows))
        kinds = tuple(name for name, on in zip(KIND_ORDER, bits) if on)
        return GapGroup(key, rows[0]["text"], sum(r["n"] for r in rows), max(r["last"] for r in rows), kinds, tuple(examples))

    def gaps(self, limit: int = 10, offset: int = 0) -> list[GapGroup]:
        """Open knowledge gaps grouped by similar phrasing, most frequent first (ties: oldest group first)."""

        def read(db: sqlite3.Connection) -> list[GapGroup]:
            rows = db.execute("SELECT id, key FROM gap_groups WHERE count > 0 ORDER BY count DESC, id LIMIT ? OFFSET ?", (max(0, limit), max(0, offset))).fetchall()
            groups = (self._group_of(db, r["id"], r["key"]) for r in rows)
            return [g for g in groups if g is not None]

        return self._read(read)

    def gap(self, key: str) -> GapGroup | None:
        """The open group ``key`` (as shown by ``gaps()``), or None once it was handled."""

        def read(db: sqlite3.Connection) -> GapGroup | None:
            row = db.execute("SELECT id FROM gap_groups WHERE key = ?", (key,)).fetchone()
            return self._group_of(db, row["id"], key) if row is not None else None

        return self._read(read)

    def gap_count(self) -> int:
        """How many open groups the queue holds."""
        return self._read(lambda db: int(db.execute("SELECT COUNT(*) FROM gap_groups WHERE count > 0").fetchone()[0]))

    def resolve_gap(self, group_key: str, action: str, moderator: str) -> bool:
        """Mark every question of the group handled. False if it was already handled (or unknown)."""
        now = self._now()

        def write(db: sqlite3.Connection) -> bool:
            row = db.execute("SELECT id, norm FROM gap_groups WHERE key = ?", (group_key,)).fetchone()
            if row is None:
                return False
            group = self._group_of(db, row["id"], group_key)
            changed = db.execute(
                "UPDATE questions SET handled = ?, handled_by = ?, handled_at = ?, group_id = NULL WHERE group_id = ? AND handled IS NULL",
                (action, moderator, now, row["id"]),
            ).rowcount
            self._drop_group(db, row["id"], row["norm"])
            if changed and group is not None:
                db.execute(
                    "INSERT INTO gap_resolutions(group_key, question, action, moderator, ts, count) VALUES (?,?,?,?,?,?)",
                    (group_key, group.question, action, moderator, now, changed),
                )
            return changed > 0

        return bool(self._submit(write, wait=True))

    # ------------------------------------------------------------------ stats

    def stats(self) -> dict[str, Any]:
        """Counts over the retained questions. ``by_intent`` is a nested {intent: count}."""

        def read(db: sqlite3.Connection) -> dict[str, Any]:
            q = db.execute("SELECT COUNT(*), COALESCE(SUM(intent != 'none'), 0) FROM questions").fetchone()
            fb = db.execute("SELECT COALESCE(SUM(helpful = 1), 0), COALESCE(SUM(helpful = 0), 0) FROM feedback").fetchone()
            choices = db.execute("SELECT COUNT(*) FROM choices").fetchone()[0]
            by_intent = {r[0]: r[1] for r in db.execute("SELECT intent, COUNT(*) FROM questions GROUP BY intent ORDER BY COUNT(*) DESC, intent")}
            questions, answered = int(q[0]), int(q[1])
            return {
                "questions": questions,
                "answered": answered,
                "unanswered": questions - answered,
                "helpful": int(fb[0]),
                "unhelpful": int(fb[1]),
                "choices": int(choices),
                "answer_rate": round(answered / questions, 3) if questions else 0.0,
                "by_intent": by_intent,
            }

        return self._read(read)

    # ------------------------------------------------------------------ change log

    def record_change(self, moderator: str, file: str, action: str, before: str | None, after: str | None) -> int:
        row = (self._now(), moderator, file, action, before, after)

        def write(db: sqlite3.Connection) -> int:
            return int(db.execute("INSERT INTO changes(ts, moderator, file, action, before, after) VALUES (?,?,?,?,?,?)", row).lastrowid or 0)

        return int(self._submit(write, wait=True))

    def history(self, file: str | None = None, limit: int = 20) -> list[Change]:
        """Knowledge changes, newest first (optionally of one file)."""

        def read(db: sqlite3.Connection) -> list[sqlite3.Row]:
            if file is None:
                return db.execute("SELECT * FROM changes ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
            return db.execute("SELECT * FROM changes WHERE file = ? ORDER BY id DESC LIMIT ?", (file, limit)).fetchall()

        return [Change(r["id"], r["ts"], r["moderator"], r["file"], r["action"], r["before"], r["after"]) for r in self._read(read)]

    # ------------------------------------------------------------------ retention and deletion

    def _truncate_wal(self, db: sqlite3.Connection) -> None:
        if self._on_disk:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # deleted text leaves the WAL too

    def purge_expired(self) -> int:
        """Delete questions (with their feedback and picks) older than ``retention_days``."""
        cutoff = _iso(self._clock() - timedelta(days=self.retention_days))

        def write(db: sqlite3.Connection) -> int:
            groups = [r[0] for r in db.execute("SELECT DISTINCT group_id FROM questions WHERE ts < ? AND group_id IS NOT NULL", (cutoff,))]
            n = db.execute("DELETE FROM questions WHERE ts < ?", (cutoff,)).rowcount
            db.execute("DELETE FROM feedback WHERE ts < ?", (cutoff,))
            db.execute("DELETE FROM choices WHERE ts < ?", (cutoff,))
            db.execute("DELETE FROM gap_resolutions WHERE ts < ?", (cutoff,))
            self._refresh_groups(db, groups)
            return int(n)

        n = int(self._submit(write, wait=True))
        if n:
            self._submit(self._truncate_wal, wait=True, tx=False)
        return n

    def forget(self, user_id: int) -> Forgotten:
        """Delete a member's questions (with everything recorded about them), votes and picks.

        Rows recorded before the hashing key existed (schema 1) cannot be linked to anyone and
        expire with ``retention_days``.
        """
        h = self._hash(user_id, create=False)

        def write(db: sqlite3.Connection) -> Forgotten:
            groups = [r[0] for r in db.execute("SELECT DISTINCT group_id FROM questions WHERE user_hash = ? AND group_id IS NOT NULL", (h,))]
            voted = [r[0] for r in db.execute("SELECT answer_id FROM feedback WHERE user_hash = ? UNION SELECT answer_id FROM choices WHERE user_hash = ?", (h, h))]
            f = db.execute("DELETE FROM feedback WHERE user_hash = ?", (h,)).rowcount
            c = db.execute("DELETE FROM choices WHERE user_hash = ?", (h,)).rowcount
            q = db.execute("DELETE FROM questions WHERE user_hash = ?", (h,)).rowcount  # with others' votes on them
            self._refresh_groups(db, groups)
            for aid in voted:
                self._recount_kinds(db, aid)  # a removed 👎 or pick may take another member's question off the queue
            return Forgotten(int(q), int(f), int(c))

        result: Forgotten = self._submit(write, wait=True)
        self._submit(self._truncate_wal, wait=True, tx=False)
        return result

    def close(self) -> None:
        """Let the writer finish what was queued, then close the database."""
        if self._closed:
            return
        self._closed = True
        self._queue.put(_STOP)
        self._writer.join()
        with self._lock:
            try:
                self._truncate_wal(self._db)
            except sqlite3.Error:
                pass
            self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Change", "Forgotten", "GapGroup", "HASH_KEY_ENV", "Store", "StoreError", "group_key", "normalize_question"]
