"""Knowledge gaps, grouped as they are recorded (all functions run in the writer thread,
except ``group_of`` which readers use too).

A gap is a question that was not answered (unless refused on purpose: clinical, injection,
…), got a 👎, or led to a "did you mean" pick; ``questions.gap_kinds`` holds those bits. An
open gap belongs to one group: the group that already holds its normalized phrasing
(``gap_norms``), else the most similar group among those sharing a word with it (``gap_words``,
an inverted index of the groups' founding phrasings: at most ``POSTINGS_MAX`` groups per word
and ``CANDIDATES_MAX`` candidates, confirmed with rapidfuzz ``token_set_ratio``), else a new
group. A group's ``key`` never changes, so buttons keep pointing at it.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import time
from dataclasses import dataclass
from typing import Iterable

from rapidfuzz import fuzz, process

GAP_SIMILARITY = 80  # rapidfuzz token_set_ratio on normalized text
NOT_GAP_REASONS = ("clinical", "injection", "empty", "thanks", "needs_context")  # on purpose, or no question at all: not a knowledge gap
KIND_ORDER = ("unanswered", "unhelpful", "choice")
UNANSWERED, UNHELPFUL, CHOICE = 1, 2, 4  # questions.gap_kinds bits, in KIND_ORDER
GROUP_WORDS_MAX = 16  # words of a new phrasing looked up in the index (the longest: rarer)
POSTINGS_MAX = 250  # groups read per word (a common word adds at most this many candidates): bounds the work per question
CANDIDATES_MAX = 64  # groups sharing the most words, compared with rapidfuzz

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


def join_group(db: sqlite3.Connection, qid: int, norm: str) -> None:
    gid = find_group(db, norm)
    if gid is None:
        gid = found_group(db, norm)
    db.execute("INSERT OR IGNORE INTO gap_norms(norm, group_id) VALUES (?,?)", (norm, gid))
    db.execute("UPDATE gap_groups SET count = count + 1 WHERE id = ?", (gid,))
    db.execute("UPDATE questions SET group_id = ? WHERE id = ?", (gid, qid))


def find_group(db: sqlite3.Connection, norm: str) -> int | None:
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


def found_group(db: sqlite3.Connection, norm: str) -> int:
    key = group_key(norm)
    if db.execute("SELECT 1 FROM gap_groups WHERE key = ?", (key,)).fetchone() is not None:
        key = group_key(f"{norm}\0{time.time_ns()}")  # a re-founded group kept this key: stay unique
    gid = int(db.execute("INSERT INTO gap_groups(key, norm, count) VALUES (?,?,0)", (key, norm)).lastrowid or 0)
    db.executemany("INSERT OR IGNORE INTO gap_words(word, group_id) VALUES (?,?)", [(w, gid) for w in set(norm.split())])
    return gid


def drop_group(db: sqlite3.Connection, gid: int, norm: str) -> None:
    db.executemany("DELETE FROM gap_words WHERE word = ? AND group_id = ?", [(w, gid) for w in set(norm.split())])
    db.execute("DELETE FROM gap_norms WHERE group_id = ?", (gid,))
    db.execute("DELETE FROM gap_groups WHERE id = ?", (gid,))


def refresh_groups(db: sqlite3.Connection, group_ids: Iterable[int]) -> None:
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
            drop_group(db, gid, group["norm"])
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


def recount_kinds(db: sqlite3.Connection, qid: int) -> None:
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
        join_group(db, qid, row["norm"])
    elif not new and row["group_id"] is not None:
        db.execute("UPDATE questions SET group_id = NULL WHERE id = ?", (qid,))
        refresh_groups(db, [row["group_id"]])


def group_of(db: sqlite3.Connection, gid: int, key: str) -> GapGroup | None:
    """A group as the review queue shows it, from its open questions."""
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


def group_existing_gaps(db: sqlite3.Connection) -> None:
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
            join_group(db, qid, norm)
