"""Questions members passed on to the moderators ("Ask a moderator"), kept until answered.

Stored so that a restart between the member's press and a moderator's answer loses nothing:
the question, the bot's attempt, where to deliver the answer (channel, and the member's
message to reply to) and the moderators' post. The member is known only by the same keyed
hash as their questions, which is enough to let only them withdraw it and to delete it with
``forget``; escalations expire with ``retention_days`` like questions. All functions take the
connection (the store runs writes in its writer thread).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Literal

Outcome = Literal["done", "not_yours", "closed", "unknown"]
OPEN, WITHDRAWN, ANSWERED = "open", "withdrawn", "answered"


@dataclass(frozen=True)
class Escalation:
    id: int
    when: str  # ISO 8601 UTC
    answer_id: int  # the bot's answer the member pressed "Ask a moderator" under
    question: str
    attempt: str  # what the bot answered, as the member saw it
    guild_id: int | None  # None: asked in a DM
    channel_id: int  # where the answer goes (the member's DM channel for a private answer)
    message_id: int | None  # the message the answer replies to; None: a new message
    post_channel_id: int | None  # the moderators' post about it
    post_id: int | None
    status: str  # open | withdrawn | answered
    answer: str | None
    answered_by: str | None
    faq: str | None  # the FAQ entry it was saved as


def _row(r: sqlite3.Row | None) -> Escalation | None:
    if r is None:
        return None
    return Escalation(
        r["id"], r["ts"], r["answer_id"], r["question"], r["attempt"], r["guild_id"], r["channel_id"], r["message_id"],
        r["post_channel_id"], r["post_id"], r["status"], r["answer"], r["answered_by"], r["faq"],
    )


def get(db: sqlite3.Connection, eid: int) -> Escalation | None:
    return _row(db.execute("SELECT * FROM escalations WHERE id = ?", (eid,)).fetchone())


def add(db: sqlite3.Connection, eid: int, row: tuple[object, ...]) -> tuple[Escalation, bool]:
    """Insert escalation ``eid`` with ``(ts, answer_id, user_hash, question, attempt, guild_id,
    channel_id, message_id)``; an answer already passed on gives the existing one (False)."""
    existing = _row(db.execute("SELECT * FROM escalations WHERE answer_id = ?", (row[1],)).fetchone())
    if existing is not None:
        return existing, False
    db.execute(
        "INSERT INTO escalations(id, ts, answer_id, user_hash, question, attempt, guild_id, channel_id, message_id) VALUES (?,?,?,?,?,?,?,?,?)",
        (eid, *row),
    )
    created = get(db, eid)
    assert created is not None
    return created, True


def posted(db: sqlite3.Connection, eid: int, channel_id: int, message_id: int) -> None:
    db.execute("UPDATE escalations SET post_channel_id = ?, post_id = ? WHERE id = ?", (channel_id, message_id, eid))


def withdraw(db: sqlite3.Connection, eid: int, user_hash: str | None) -> tuple[Outcome, Escalation | None]:
    row = db.execute("SELECT user_hash, status FROM escalations WHERE id = ?", (eid,)).fetchone()
    if row is None:
        return "unknown", None
    if row["user_hash"] != user_hash:
        return "not_yours", get(db, eid)
    if row["status"] != OPEN:
        return "closed", get(db, eid)
    db.execute("UPDATE escalations SET status = ? WHERE id = ?", (WITHDRAWN, eid))
    return "done", get(db, eid)


def answer(db: sqlite3.Connection, eid: int, text: str, moderator: str, now: str) -> tuple[Outcome, Escalation | None]:
    row = db.execute("SELECT status FROM escalations WHERE id = ?", (eid,)).fetchone()
    if row is None:
        return "unknown", None
    if row["status"] != OPEN:
        return "closed", get(db, eid)
    db.execute("UPDATE escalations SET status = ?, answer = ?, answered_by = ?, answered_at = ? WHERE id = ?", (ANSWERED, text, moderator, now, eid))
    return "done", get(db, eid)


def reopen(db: sqlite3.Connection, eid: int) -> None:
    """The answer could not be delivered: the question waits for a moderator again."""
    db.execute("UPDATE escalations SET status = ?, answer = NULL, answered_by = NULL, answered_at = NULL WHERE id = ? AND status = ?", (OPEN, eid, ANSWERED))


def saved(db: sqlite3.Connection, eid: int, faq_id: str) -> None:
    db.execute("UPDATE escalations SET faq = ? WHERE id = ?", (faq_id, eid))
