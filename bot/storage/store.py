"""``Store``: the bot's database (see the package docstring for the design)."""

from __future__ import annotations

import logging
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar

from bot.storage import escalations, gaps, keys
from bot.storage.errors import StoreError
from bot.storage.escalations import Escalation, Outcome
from bot.storage.gaps import GapGroup, gap_kinds, normalize_question
from bot.storage.schema import MIGRATIONS
from bot.storage.writer import Writer

log = logging.getLogger("bot.storage")

T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    id: int
    when: str  # ISO 8601 UTC
    moderator: str
    file: str
    action: str
    before: str | None
    after: str | None
    via: str = ""  # where it came from: "Discord", "command line", "hand edit, noticed by ..."; '' before schema 3


@dataclass(frozen=True)
class Forgotten:
    questions: int
    feedback: int
    choices: int
    escalations: int = 0


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat(timespec="seconds")


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
        self._writer = Writer(self._db, self._lock)

    @property
    def _on_disk(self) -> bool:
        return self.path != ":memory:" and not self.path.startswith("file:")

    @property
    def key_path(self) -> Path | None:
        """Where the user-id hashing key is kept when ``CAREER_BOT_HASH_KEY`` is not set."""
        return Path(self.path + ".key") if self._on_disk else None

    def flush(self) -> None:
        """Wait until every write submitted so far has landed."""
        self._writer.flush()

    def _read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        self._writer.flush()
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
                    gaps.group_existing_gaps(self._db)
                self._db.execute(f"PRAGMA user_version = {n}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            if n == 2 and self._on_disk:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the dropped salt leaves the WAL too

    @property
    def schema_version(self) -> int:
        return self._read(lambda db: int(db.execute("PRAGMA user_version").fetchone()[0]))

    def journal_mode(self) -> str:
        return self._read(lambda db: str(db.execute("PRAGMA journal_mode").fetchone()[0]))

    # ------------------------------------------------------------------ hashing

    def _hash_key(self, create: bool = True) -> bytes | None:
        with self._key_lock:
            if self._key is None:
                self._key = keys.load_key(self.key_path, create)
            return self._key

    def ensure_hash_key(self) -> None:
        """Load (or create) the hashing key now, so a problem with it stops start-up, not an answer.

        Warns when the key differs from the one earlier rows were hashed with.
        """
        key = self._hash_key()
        assert key is not None
        check = keys.key_check(key)

        def remember(db: sqlite3.Connection) -> str | None:
            row = db.execute("SELECT value FROM meta WHERE key = 'hash_key_check'").fetchone()
            if row is None:
                db.execute("INSERT INTO meta(key, value) VALUES ('hash_key_check', ?)", (check,))
                return None
            return str(row[0])

        stored = self._writer.submit(remember, wait=True)
        if stored is not None and stored != check:
            log.warning("the user-id hashing key is not the one this database's rows were hashed with: earlier votes and `career-bot forget` will not match older rows")

    def _hash(self, user_id: int | None, create: bool = True) -> str | None:
        if user_id is None:
            return None
        key = self._hash_key(create)
        if key is None:
            raise StoreError(f"no user-id hashing key: set {keys.HASH_KEY_ENV} or keep {self.key_path} next to the database")
        return keys.user_hash(key, user_id)

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
        norm = normalize_question(question)
        kinds = gap_kinds(intent, reason)
        row = (qid, self._now(), question, norm, self._hash(user_id), intent, float(confidence), reason or "", channel or "", kinds)

        def write(db: sqlite3.Connection) -> None:
            db.execute("INSERT INTO questions(id, ts, question, norm, user_hash, intent, confidence, reason, channel, gap_kinds) VALUES (?,?,?,?,?,?,?,?,?,?)", row)
            if kinds:
                gaps.join_group(db, qid, norm)

        self._writer.submit(write, wait=False)
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
            gaps.recount_kinds(db, answer_id)

        self._writer.submit(write, wait=False)

    def record_choice(self, answer_id: int, user_id: int, kind: str, ident: str) -> None:
        """A "did you mean" pick: the member asked ``answer_id`` and meant ``kind``/``ident``."""
        row = (answer_id, self._hash(user_id), kind, ident, self._now())

        def write(db: sqlite3.Connection) -> None:
            try:
                db.execute("INSERT INTO choices(answer_id, user_hash, kind, ident, ts) VALUES (?,?,?,?,?)", row)
            except sqlite3.IntegrityError:
                log.info("choice for unknown or expired answer %s ignored", answer_id)
                return
            gaps.recount_kinds(db, answer_id)

        self._writer.submit(write, wait=False)

    # ------------------------------------------------------------------ the review queue

    def gaps(self, limit: int = 10, offset: int = 0) -> list[GapGroup]:
        """Open knowledge gaps grouped by similar phrasing, most frequent first (ties: oldest group first)."""

        def read(db: sqlite3.Connection) -> list[GapGroup]:
            rows = db.execute("SELECT id, key FROM gap_groups WHERE count > 0 ORDER BY count DESC, id LIMIT ? OFFSET ?", (max(0, limit), max(0, offset))).fetchall()
            groups = (gaps.group_of(db, r["id"], r["key"]) for r in rows)
            return [g for g in groups if g is not None]

        return self._read(read)

    def gap(self, key: str) -> GapGroup | None:
        """The open group ``key`` (as shown by ``gaps()``), or None once it was handled."""

        def read(db: sqlite3.Connection) -> GapGroup | None:
            row = db.execute("SELECT id FROM gap_groups WHERE key = ?", (key,)).fetchone()
            return gaps.group_of(db, row["id"], key) if row is not None else None

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
            group = gaps.group_of(db, row["id"], group_key)
            changed = db.execute(
                "UPDATE questions SET handled = ?, handled_by = ?, handled_at = ?, group_id = NULL WHERE group_id = ? AND handled IS NULL",
                (action, moderator, now, row["id"]),
            ).rowcount
            gaps.drop_group(db, row["id"], row["norm"])
            if changed and group is not None:
                db.execute(
                    "INSERT INTO gap_resolutions(group_key, question, action, moderator, ts, count) VALUES (?,?,?,?,?,?)",
                    (group_key, group.question, action, moderator, now, changed),
                )
            return changed > 0

        return bool(self._writer.submit(write, wait=True))

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

    # ------------------------------------------------------------------ escalations ("Ask a moderator")

    def asked(self, answer_id: int, user_id: int) -> str | None:
        """The question behind ``answer_id`` if this member asked it (None: another member's, or gone)."""
        h = self._hash(user_id)

        def read(db: sqlite3.Connection) -> str | None:
            row = db.execute("SELECT question FROM questions WHERE id = ? AND user_hash = ?", (answer_id, h)).fetchone()
            return str(row[0]) if row is not None else None

        return self._read(read)

    def escalate(self, answer_id: int, user_id: int, question: str, attempt: str, guild_id: int | None, channel_id: int, message_id: int | None) -> tuple[Escalation, bool]:
        """Pass a question on; (the escalation, True), or the one already made for that answer (False)."""
        eid = self._new_id()
        row = (self._now(), answer_id, self._hash(user_id), question, attempt, guild_id, channel_id, message_id)
        result: tuple[Escalation, bool] = self._writer.submit(lambda db: escalations.add(db, eid, row), wait=True)
        return result

    def escalation(self, escalation_id: int) -> Escalation | None:
        return self._read(lambda db: escalations.get(db, escalation_id))

    def escalation_posted(self, escalation_id: int, channel_id: int, message_id: int) -> None:
        """Where the moderators' post about it is (edited when it is answered or withdrawn)."""
        self._writer.submit(lambda db: escalations.posted(db, escalation_id, channel_id, message_id), wait=True)

    def withdraw_escalation(self, escalation_id: int, user_id: int) -> tuple[Outcome, Escalation | None]:
        """Only the member who asked may withdraw, and only while no moderator answered."""
        h = self._hash(user_id)
        result: tuple[Outcome, Escalation | None] = self._writer.submit(lambda db: escalations.withdraw(db, escalation_id, h), wait=True)
        return result

    def answer_escalation(self, escalation_id: int, answer: str, moderator: str) -> tuple[Outcome, Escalation | None]:
        """Claim an open escalation for ``moderator``'s answer (one answer only, even if two press at once)."""
        now = self._now()
        result: tuple[Outcome, Escalation | None] = self._writer.submit(lambda db: escalations.answer(db, escalation_id, answer, moderator, now), wait=True)
        return result

    def reopen_escalation(self, escalation_id: int) -> None:
        self._writer.submit(lambda db: escalations.reopen(db, escalation_id), wait=True)

    def escalation_saved(self, escalation_id: int, faq_id: str) -> None:
        self._writer.submit(lambda db: escalations.saved(db, escalation_id, faq_id), wait=True)

    # ------------------------------------------------------------------ change log

    def record_change(self, moderator: str, file: str, action: str, before: str | None, after: str | None, via: str = "") -> int:
        """One knowledge file's change: who, which file, what, the texts before and after, and
        from where (``via``)."""
        row = (self._now(), moderator, file, action, before, after, via)

        def write(db: sqlite3.Connection) -> int:
            return int(db.execute("INSERT INTO changes(ts, moderator, file, action, before, after, via) VALUES (?,?,?,?,?,?,?)", row).lastrowid or 0)

        return int(self._writer.submit(write, wait=True))

    def history(self, file: str | None = None, limit: int = 20) -> list[Change]:
        """Knowledge changes, newest first (optionally of one file)."""

        def read(db: sqlite3.Connection) -> list[sqlite3.Row]:
            if file is None:
                return db.execute("SELECT * FROM changes ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
            return db.execute("SELECT * FROM changes WHERE file = ? ORDER BY id DESC LIMIT ?", (file, limit)).fetchall()

        return [Change(r["id"], r["ts"], r["moderator"], r["file"], r["action"], r["before"], r["after"], r["via"]) for r in self._read(read)]

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
            db.execute("DELETE FROM escalations WHERE ts < ?", (cutoff,))
            gaps.refresh_groups(db, groups)
            return int(n)

        n = int(self._writer.submit(write, wait=True))
        if n:
            self._writer.submit(self._truncate_wal, wait=True, tx=False)
        return n

    def forget(self, user_id: int) -> Forgotten:
        """Delete a member's questions (with everything recorded about them), votes, picks and
        questions passed on to the moderators.

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
            e = db.execute("DELETE FROM escalations WHERE user_hash = ?", (h,)).rowcount
            gaps.refresh_groups(db, groups)
            for aid in voted:
                gaps.recount_kinds(db, aid)  # a removed 👎 or pick may take another member's question off the queue
            return Forgotten(int(q), int(f), int(c), int(e))

        result: Forgotten = self._writer.submit(write, wait=True)
        self._writer.submit(self._truncate_wal, wait=True, tx=False)
        return result

    def close(self) -> None:
        """Let the writer finish what was queued, then close the database."""
        if self._writer.closed:
            return
        self._writer.close()
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
