"""What the bot remembers: questions, feedback, "did you mean" picks, knowledge changes.

SQLite (stdlib), WAL mode, versioned migrations (``PRAGMA user_version``), one connection
guarded by a lock so the Discord event loop's worker threads can share one ``Store``.

Privacy: Discord user ids are never stored; only a salted SHA-256 of them (the salt is
generated once per database and kept in it), enough to let a member's second vote replace
the first. Questions, feedback and picks older than ``retention_days`` are deleted by
``purge_expired()``; the knowledge change log (moderator audit trail) is kept.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import secrets
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from rapidfuzz import fuzz, process

log = logging.getLogger(__name__)

GAP_SIMILARITY = 80  # rapidfuzz token_set_ratio on normalized text
NOT_GAP_REASONS = ("clinical", "injection", "empty", "thanks", "needs_context")  # on purpose, or no question at all: not a knowledge gap
KIND_ORDER = ("unanswered", "unhelpful", "choice")

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
]

_STOPWORDS = frozenset(
    "a an the is are was were be been am do does did i me my we you your to of in on for and or at by with it its this that "
    "what whats how can could would should will there any about as from so please hi hello hey".split()
)
_WORD = re.compile(r"[a-z0-9]+")


def normalize_question(text: str) -> str:
    """Lower-case words only, without filler words: what gap grouping compares."""
    words = _WORD.findall(text.lower())
    content = [w for w in words if w not in _STOPWORDS]
    return " ".join(content or words)


def group_key(norm: str) -> str:
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


_key_of = group_key  # resolve_gap's parameter shadows the function name


@dataclass(frozen=True)
class GapGroup:
    key: str  # stable id: hash of the representative normalized question
    question: str  # representative phrasing (the most frequent one)
    count: int  # questions in the group
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


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat(timespec="seconds")


class Store:
    """The bot's database. Safe to share between threads."""

    def __init__(self, path: str | Path, retention_days: int = 180, *, clock: Callable[[], datetime] = _utc_now):
        self.path = str(path)
        self.retention_days = retention_days
        self._clock = clock
        self._lock = threading.Lock()
        if self.path != ":memory:" and not self.path.startswith("file:"):
            p = Path(self.path)
            p.parent.mkdir(parents=True, exist_ok=True)
            if not p.exists():
                os.close(os.open(p, os.O_CREAT | os.O_WRONLY, 0o600))  # member data: not world-readable
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
        self._db.row_factory = sqlite3.Row
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA secure_delete=ON")  # purged questions are overwritten, not left in free pages
            if self._on_disk:
                self._db.execute("PRAGMA wal_autocheckpoint=0")  # checkpoints run from checkpoint(), off the answer path
            self._migrate()
            self._salt = self._load_salt()

    @property
    def _on_disk(self) -> bool:
        return self.path != ":memory:" and not self.path.startswith("file:")

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (call it from a background thread).

        A separate connection and a PASSIVE checkpoint never block the writes that record
        answers, so the fsync it costs stays off the path from question to reply.
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
                self._db.execute(f"PRAGMA user_version = {n}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _load_salt(self) -> str:
        self._db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('salt', ?)", (secrets.token_hex(16),))
        return self._db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()[0]

    @property
    def schema_version(self) -> int:
        with self._lock:
            return self._db.execute("PRAGMA user_version").fetchone()[0]

    def journal_mode(self) -> str:
        with self._lock:
            return self._db.execute("PRAGMA journal_mode").fetchone()[0]

    def _hash(self, user_id: int | None) -> str | None:
        if user_id is None:
            return None
        return hashlib.sha256(f"{self._salt}:{int(user_id)}".encode()).hexdigest()

    def _now(self) -> str:
        return _iso(self._clock())

    # ------------------------------------------------------------------ recording

    def record_question(self, question: str, user_id: int | None, intent: str, confidence: float, reason: str = "", channel: str = "") -> int:
        """Every answer the bot gives; returns its ``answer_id`` for feedback and picks."""
        with self._lock:
            cur = self._db.execute(
                "INSERT INTO questions(ts, question, norm, user_hash, intent, confidence, reason, channel) VALUES (?,?,?,?,?,?,?,?)",
                (self._now(), question, normalize_question(question), self._hash(user_id), intent, float(confidence), reason or "", channel or ""),
            )
            return int(cur.lastrowid)

    def record_feedback(self, answer_id: int, user_id: int, helpful: bool) -> None:
        """A 👍/👎 vote; a member's second vote on the same answer replaces the first."""
        with self._lock:
            try:
                self._db.execute(
                    "INSERT INTO feedback(answer_id, user_hash, helpful, ts) VALUES (?,?,?,?) "
                    "ON CONFLICT(answer_id, user_hash) DO UPDATE SET helpful = excluded.helpful, ts = excluded.ts",
                    (answer_id, self._hash(user_id), 1 if helpful else 0, self._now()),
                )
            except sqlite3.IntegrityError:
                log.info("feedback for unknown or expired answer %s ignored", answer_id)

    def record_choice(self, answer_id: int, user_id: int, kind: str, ident: str) -> None:
        """A "did you mean" pick: the member asked ``answer_id`` and meant ``kind``/``ident``."""
        with self._lock:
            try:
                self._db.execute(
                    "INSERT INTO choices(answer_id, user_hash, kind, ident, ts) VALUES (?,?,?,?,?)",
                    (answer_id, self._hash(user_id), kind, ident, self._now()),
                )
            except sqlite3.IntegrityError:
                log.info("choice for unknown or expired answer %s ignored", answer_id)

    # ------------------------------------------------------------------ gaps

    def _gap_rows(self) -> list[sqlite3.Row]:
        placeholders = ",".join("?" * len(NOT_GAP_REASONS))
        return self._db.execute(
            f"""
            SELECT q.id, q.ts, q.question, q.norm,
                   (q.intent = 'none' AND q.reason NOT IN ({placeholders})) AS unanswered,
                   EXISTS (SELECT 1 FROM feedback f WHERE f.answer_id = q.id AND f.helpful = 0) AS unhelpful,
                   EXISTS (SELECT 1 FROM choices c WHERE c.answer_id = q.id) AS choice
            FROM questions q
            WHERE q.handled IS NULL AND (
                (q.intent = 'none' AND q.reason NOT IN ({placeholders}))
                OR EXISTS (SELECT 1 FROM feedback f WHERE f.answer_id = q.id AND f.helpful = 0)
                OR EXISTS (SELECT 1 FROM choices c WHERE c.answer_id = q.id)
            )
            ORDER BY q.id
            """,
            NOT_GAP_REASONS + NOT_GAP_REASONS,
        ).fetchall()

    def _groups(self) -> list[tuple[GapGroup, list[int], set[str]]]:
        """All open gap groups, most frequent first: (group, question ids, member norms)."""
        rows = self._gap_rows()
        by_norm: dict[str, list[sqlite3.Row]] = {}
        for r in rows:
            by_norm.setdefault(r["norm"], []).append(r)
        # greedy: most frequent (then most recent) phrasing founds a group, similar ones join it
        norms = sorted(by_norm, key=lambda n: (-len(by_norm[n]), -max(r["id"] for r in by_norm[n])))
        reps: list[str] = []
        members: list[list[str]] = []
        for n in norms:
            hit = process.extractOne(n, reps, scorer=fuzz.token_set_ratio, score_cutoff=GAP_SIMILARITY) if reps and n else None
            if hit is None:
                reps.append(n)
                members.append([n])
            else:
                members[hit[2]].append(n)
        out = []
        for rep, group_norms in zip(reps, members):
            grows = [r for n in group_norms for r in by_norm[n]]
            phrasings = Counter(r["question"].strip() for r in grows)
            examples: list[str] = []
            seen_norm: set[str] = set()
            for text, _ in sorted(phrasings.items(), key=lambda kv: -kv[1]):
                k = normalize_question(text) + "\0" + text.casefold()
                if k in seen_norm:
                    continue
                seen_norm.add(k)
                examples.append(text)
                if len(examples) == 5:
                    break
            kinds = tuple(k for k in KIND_ORDER if any(r[k] for r in grows))
            rep_text = Counter(r["question"].strip() for r in by_norm[rep]).most_common(1)[0][0]
            g = GapGroup(group_key(rep), rep_text, len(grows), max(r["ts"] for r in grows), kinds, tuple(examples))
            out.append((g, [r["id"] for r in grows], set(group_norms)))
        out.sort(key=lambda t: -t[0].count)  # stable: frequency first, ties in founding order
        return out

    def gaps(self, limit: int = 10, offset: int = 0) -> list[GapGroup]:
        """Open knowledge gaps grouped by similar phrasing, most frequent first."""
        with self._lock:
            groups = self._groups()
        return [g for g, _, _ in groups[offset : offset + limit]]

    def resolve_gap(self, group_key: str, action: str, moderator: str) -> bool:
        """Mark every question of the group handled. False if it was already handled (or unknown).

        ``group_key`` is the key shown by ``gaps()``; it is also found when the group's
        representative changed since (any member phrasing with that key identifies it).
        """
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                found = None
                for g, ids, norms in self._groups():
                    if g.key == group_key or any(_key_of(n) == group_key for n in norms):
                        found = (g, ids)
                        break
                if found is None:
                    self._db.execute("ROLLBACK")
                    return False
                g, ids = found
                now = self._now()
                changed = 0
                for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
                    cur = self._db.execute(
                        f"UPDATE questions SET handled = ?, handled_by = ?, handled_at = ? WHERE handled IS NULL AND id IN ({','.join('?' * len(chunk))})",
                        (action, moderator, now, *chunk),
                    )
                    changed += cur.rowcount
                if changed:
                    self._db.execute(
                        "INSERT INTO gap_resolutions(group_key, question, action, moderator, ts, count) VALUES (?,?,?,?,?,?)",
                        (group_key, g.question, action, moderator, now, changed),
                    )
                self._db.execute("COMMIT")
                return changed > 0
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    # ------------------------------------------------------------------ stats

    def stats(self) -> dict:
        """Counts over the retained questions. ``by_intent`` is a nested {intent: count}."""
        with self._lock:
            q = self._db.execute("SELECT COUNT(*), COALESCE(SUM(intent != 'none'), 0) FROM questions").fetchone()
            fb = self._db.execute("SELECT COALESCE(SUM(helpful = 1), 0), COALESCE(SUM(helpful = 0), 0) FROM feedback").fetchone()
            choices = self._db.execute("SELECT COUNT(*) FROM choices").fetchone()[0]
            by_intent = {r[0]: r[1] for r in self._db.execute("SELECT intent, COUNT(*) FROM questions GROUP BY intent ORDER BY COUNT(*) DESC, intent")}
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

    # ------------------------------------------------------------------ change log

    def record_change(self, moderator: str, file: str, action: str, before: str | None, after: str | None) -> int:
        with self._lock:
            cur = self._db.execute(
                "INSERT INTO changes(ts, moderator, file, action, before, after) VALUES (?,?,?,?,?,?)",
                (self._now(), moderator, file, action, before, after),
            )
            return int(cur.lastrowid)

    def history(self, file: str | None = None, limit: int = 20) -> list[Change]:
        """Knowledge changes, newest first (optionally of one file)."""
        with self._lock:
            if file is None:
                rows = self._db.execute("SELECT * FROM changes ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
            else:
                rows = self._db.execute("SELECT * FROM changes WHERE file = ? ORDER BY id DESC LIMIT ?", (file, limit)).fetchall()
        return [Change(r["id"], r["ts"], r["moderator"], r["file"], r["action"], r["before"], r["after"]) for r in rows]

    # ------------------------------------------------------------------ retention

    def purge_expired(self) -> int:
        """Delete questions (with their feedback and picks) older than ``retention_days``."""
        cutoff = _iso(self._clock() - timedelta(days=self.retention_days))
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                n = self._db.execute("DELETE FROM questions WHERE ts < ?", (cutoff,)).rowcount
                self._db.execute("DELETE FROM feedback WHERE ts < ?", (cutoff,))
                self._db.execute("DELETE FROM choices WHERE ts < ?", (cutoff,))
                self._db.execute("DELETE FROM gap_resolutions WHERE ts < ?", (cutoff,))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            if n and self.path != ":memory:":
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # deleted text leaves the WAL too
            return n

    def close(self) -> None:
        with self._lock:
            try:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass
            self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Change", "GapGroup", "Store", "normalize_question"]
