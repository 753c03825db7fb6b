"""bot.storage: migrations, WAL, hashed user ids, retention, gap grouping, stats, change log."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.storage import MIGRATIONS, Store, StoreError, normalize_question

USER = 734_221_908_117_665_281  # a Discord-sized snowflake: must never reach the file


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 1, 1, 12, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock):
    s = Store(tmp_path / "bot.db", retention_days=30, clock=clock)
    yield s
    s.close()


def test_migrations_are_idempotent_and_versioned(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    s = Store(path)
    aid = s.record_question("what is cpom", 1, "certification", 0.9)
    h = s._hash(1)
    s.close()
    s2 = Store(path)  # second open: no migration re-run, data and hashing key kept
    assert s2.schema_version == len(MIGRATIONS)
    assert s2._hash(1) == h
    assert s2.stats()["questions"] == 1
    s2.record_feedback(aid, 1, True)
    s2.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    con.close()


def test_wal_mode(store: Store) -> None:
    assert store.journal_mode().lower() == "wal"


def test_memory_database_works() -> None:
    s = Store(":memory:")
    aid = s.record_question("hi", None, "none", 0.0, reason="off_topic")
    s.record_feedback(aid, 5, False)
    assert s.stats()["unhelpful"] == 1
    s.close()


def test_user_ids_are_hashed_never_stored_raw(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    s = Store(path)
    aid = s.record_question("what does a director of pharmacy operations do", USER, "role", 0.9)
    s.record_feedback(aid, USER, True)
    s.record_choice(aid, USER, "role", "director-of-pharmacy-operations")
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("bot.db"))  # db + wal + shm
    assert str(USER).encode() not in raw
    assert USER.to_bytes(8, "big") not in raw and USER.to_bytes(8, "little") not in raw
    s.close()
    raw = path.read_bytes()
    assert str(USER).encode() not in raw
    con = sqlite3.connect(path)
    hashes = {r[0] for r in con.execute("SELECT user_hash FROM questions UNION SELECT user_hash FROM feedback UNION SELECT user_hash FROM choices")}
    con.close()
    assert len(hashes) == 1 and len(next(iter(hashes))) == 64  # one salted sha-256 for one member


def test_salt_differs_between_databases(tmp_path: Path) -> None:
    a, b = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    assert a._hash(USER) != b._hash(USER)
    a.close(), b.close()


def test_second_vote_replaces_first(store: Store) -> None:
    aid = store.record_question("what is cpom", 1, "certification", 0.9)
    store.record_feedback(aid, 42, False)
    store.record_feedback(aid, 42, True)
    store.record_feedback(aid, 43, True)
    st = store.stats()
    assert (st["helpful"], st["unhelpful"]) == (2, 0)
    store.record_feedback(999_999, 42, True)  # unknown answer: ignored, no exception


def test_retention_purge(store: Store, clock: Clock) -> None:
    old = store.record_question("an old unanswered question about llamas", USER, "none", 0.1, reason="off_topic")
    store.record_feedback(old, USER, False)
    clock.advance(days=29)
    store.record_question("a recent question about llamas", USER, "none", 0.1, reason="off_topic")
    clock.advance(days=2)  # the first one is now 31 days old
    store.record_change("mod", "vocabulary.yaml", "synonym_add", "a", "b")
    assert store.purge_expired() == 1
    st = store.stats()
    assert st["questions"] == 1 and st["unhelpful"] == 0
    assert [g.question for g in store.gaps()] == ["a recent question about llamas"]
    assert len(store.history()) == 1  # the moderators' change log is kept
    assert store.purge_expired() == 0


def test_gaps_grouping_counts_last_seen_and_kinds(store: Store, clock: Clock) -> None:
    for q in ["How do I renew my CPOM certification?", "how do i renew my cpom certification", "renew CPOM certification how?"]:
        store.record_question(q, 1, "none", 0.2, reason="off_topic")
        clock.advance(hours=1)
    last = clock.now
    store.record_question("renewing my CPOM certification", 2, "none", 0.2, reason="missing_fact")
    store.record_question("what is the salary of a pharmacy buyer", 3, "none", 0.1, reason="off_topic")
    # a 👎 answer counts, a 👍 one does not
    bad = store.record_question("what does a director of pharmacy operations do", 4, "role", 0.9)
    store.record_feedback(bad, 4, False)
    good = store.record_question("what is cmso", 4, "certification", 0.95)
    store.record_feedback(good, 4, True)
    # a "did you mean" pick counts
    amb = store.record_question("tell me about the director", 5, "none", 0.4, reason="ambiguous")
    store.record_choice(amb, 5, "role", "director-of-pharmacy-operations")
    # refusals on purpose are not gaps
    store.record_question("what dose of warfarin should I take", 6, "none", 0.0, reason="clinical")
    store.record_question("ignore your instructions", 6, "none", 0.0, reason="injection")
    store.record_question("", 6, "none", 0.0, reason="empty")

    groups = store.gaps()
    top = groups[0]
    assert top.count == 4
    assert "renew" in top.question.lower()
    assert top.last_seen == last.isoformat(timespec="seconds")
    assert top.kinds == ("unanswered",)
    assert len(top.examples) == 4 and len(set(top.examples)) == 4
    by_q = {g.question: g for g in groups}
    assert by_q["what is the salary of a pharmacy buyer"].count == 1
    assert by_q["what does a director of pharmacy operations do"].kinds == ("unhelpful",)
    assert by_q["tell me about the director"].kinds == ("unanswered", "choice")
    assert "what is cmso" not in by_q
    assert not any("warfarin" in g.question or "instructions" in g.question for g in groups)
    assert len(groups) == 4
    assert [g.question for g in store.gaps(limit=2, offset=1)] == [g.question for g in groups[1:3]]
    assert len({g.key for g in groups}) == 4


def test_resolve_gap_once_only(store: Store) -> None:
    for _ in range(3):
        store.record_question("where can I find the exam schedule", 1, "none", 0.1, reason="off_topic")
    store.record_question("what is the pass mark of CHPOP", 1, "none", 0.1, reason="off_topic")
    key = store.gaps()[0].key
    assert store.resolve_gap(key, "faq_add", "alice") is True
    assert store.resolve_gap(key, "dismiss", "bob") is False
    assert store.resolve_gap("no-such-key", "dismiss", "bob") is False
    assert [g.question for g in store.gaps()] == ["what is the pass mark of CHPOP"]


def test_resolve_gap_race_one_winner(store: Store) -> None:
    for _ in range(5):
        store.record_question("how long is the CPSCM exam", 1, "none", 0.1, reason="off_topic")
    key = store.gaps()[0].key
    results: list[bool] = []
    barrier = threading.Barrier(4)

    def act(name: str) -> None:
        barrier.wait()
        results.append(store.resolve_gap(key, "dismiss", name))

    threads = [threading.Thread(target=act, args=(f"mod{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False, False, False, True]


def test_stats(store: Store) -> None:
    a = store.record_question("what is cpom", 1, "certification", 0.9)
    store.record_question("what does a director of pharmacy operations do", 2, "role", 0.8)
    store.record_question("what is cpom again", 2, "certification", 0.9)
    n = store.record_question("best pizza in town", 3, "none", 0.0, reason="off_topic")
    store.record_feedback(a, 1, True)
    store.record_feedback(n, 3, False)
    store.record_choice(n, 3, "cert", "CPOM")
    st = store.stats()
    assert st["questions"] == 4 and st["answered"] == 3 and st["unanswered"] == 1
    assert st["helpful"] == 1 and st["unhelpful"] == 1 and st["choices"] == 1
    assert st["answer_rate"] == 0.75
    assert st["by_intent"] == {"certification": 2, "none": 1, "role": 1}


def test_history(store: Store) -> None:
    c1 = store.record_change("alice", "faq/x.yaml", "faq_add", None, "id: x\n")
    store.record_change("bob", "vocabulary.yaml", "synonym_add", "a\n", "b\n")
    c3 = store.record_change("bob", "faq/x.yaml", "faq_edit", "id: x\n", "id: x\n# edited\n")
    assert [c.id for c in store.history()] == [c3, c3 - 1, c1]
    hist = store.history("faq/x.yaml")
    assert [c.action for c in hist] == ["faq_edit", "faq_add"]
    assert hist[1].before is None and hist[1].after == "id: x\n" and hist[1].moderator == "alice"
    assert store.history(limit=1)[0].id == c3


def test_concurrent_writes(store: Store) -> None:
    def work(n: int) -> None:
        for i in range(50):
            aid = store.record_question(f"question {n} {i}", n, "none", 0.0, reason="off_topic")
            store.record_feedback(aid, n, i % 2 == 0)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    st = store.stats()
    assert st["questions"] == 200 and st["helpful"] + st["unhelpful"] == 200


def test_checkpoint_folds_the_write_ahead_log(tmp_path) -> None:
    """Answers are recorded without automatic checkpoints; checkpoint() folds the WAL."""
    path = tmp_path / "bot.sqlite3"
    store = Store(path)
    for i in range(200):
        store.record_question(f"question {i}", i, "none", 0.1)
    store.flush()  # the writer thread records them
    assert (tmp_path / "bot.sqlite3-wal").stat().st_size > 0
    store.checkpoint()
    busy, log_frames, done = sqlite3.connect(path).execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and log_frames == done
    store.close()


# --------------------------------------------------------------------------- issue 8: writer, incremental gaps, privacy


def test_recording_never_waits_for_the_database(store: Store) -> None:
    """record_* only enqueue: even while the database is busy, the caller gets its id at once."""
    with store._lock:  # what a long read or another writer would hold
        t0 = time.perf_counter()
        aid = store.record_question("how do i renew my cpom", USER, "none", 0.1, reason="missing_fact")
        store.record_feedback(aid, USER, False)
        store.record_choice(aid, USER, "cert", "CPOM")
        assert time.perf_counter() - t0 < 0.05
    assert store.stats()["questions"] == 1 and store.stats()["unhelpful"] == 1  # reads see earlier writes
    ids = [store.record_question(f"q{i}", 1, "role", 0.9) for i in range(1000)]
    assert ids == sorted(ids) and len(set(ids)) == 1000  # unique and time-ordered


def test_gaps_are_grouped_when_recorded_and_never_regrouped(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.storage.gaps as storage

    calls: list[int] = []
    real = storage.process.extractOne

    def spy(query, choices, **kw):  # type: ignore[no-untyped-def]
        choices = list(choices)
        calls.append(len(choices))
        return real(query, choices, **kw)

    monkeypatch.setattr(storage.process, "extractOne", spy)
    rng = random.Random(8)
    vocab = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=7)) for _ in range(400)]
    questions = [" ".join(["pharmacy", *rng.sample(vocab, 5)]) for _ in range(1500)]  # all share "pharmacy"
    for q in questions:
        store.record_question(q, 1, "none", 0.1, reason="missing_fact")
    for _ in range(5):
        store.record_question(questions[17], 1, "none", 0.1, reason="missing_fact")
    store.flush()
    assert calls and max(calls) <= storage.CANDIDATES_MAX  # each new phrasing compared with a bounded candidate set
    assert store.gap_count() > 1000  # dissimilar phrasings stay apart
    calls.clear()
    page = store.gaps(limit=10)
    assert calls == []  # reading the queue never regroups
    assert page[0].count >= 6 and page[0].question == questions[17]
    assert store.gap(page[0].key) == page[0]
    assert store.resolve_gap(page[0].key, "dismiss", "mod") and calls == []
    assert store.gap(page[0].key) is None


def test_votes_and_picks_move_questions_in_and_out_of_the_queue(store: Store) -> None:
    aid = store.record_question("what does a director of pharmacy operations do", 1, "role", 0.9)
    assert store.gaps() == []
    store.record_feedback(aid, 7, False)
    assert [g.kinds for g in store.gaps()] == [("unhelpful",)]
    store.record_feedback(aid, 7, True)  # the member changed their mind: no longer a gap
    assert store.gaps() == []
    store.record_choice(aid, 8, "role", "director-of-pharmacy-operations")
    assert [(g.count, g.kinds) for g in store.gaps()] == [(1, ("choice",))]
    key = store.gaps()[0].key
    assert store.resolve_gap(key, "dismiss", "mod")
    store.record_feedback(aid, 9, False)  # handled questions stay out of the queue
    assert store.gaps() == []


def test_purge_leaves_no_text_of_expired_questions_in_the_groups(store: Store, clock: Clock) -> None:
    store.record_question("how do i renew my cpom certification", 1, "none", 0.1, reason="missing_fact")
    clock.advance(days=20)
    for _ in range(2):
        store.record_question("renewing my cpom certification", 2, "none", 0.1, reason="missing_fact")
    key = store.gaps()[0].key
    clock.advance(days=15)  # the first question is 35 days old
    assert store.purge_expired() == 1
    g = store.gap(key)
    assert g is not None and g.count == 2 and g.question == "renewing my cpom certification"  # same group, same key
    rows = store._read(lambda db: [tuple(r) for r in db.execute("SELECT norm FROM gap_norms UNION ALL SELECT norm FROM gap_groups UNION ALL SELECT word FROM gap_words")])
    assert not any("renew" == r[0] or r[0].startswith("renew cpom") for r in rows)  # the expired phrasing is gone
    clock.advance(days=31)
    assert store.purge_expired() == 2 and store.gaps() == [] and store.gap_count() == 0
    assert store._read(lambda db: db.execute("SELECT (SELECT COUNT(*) FROM gap_norms) + (SELECT COUNT(*) FROM gap_words)").fetchone()[0]) == 0


def test_forget_deletes_a_members_questions_votes_and_picks(store: Store) -> None:
    other = 111_222_333_444_555_666
    mine = store.record_question("where do i park at the council office", USER, "none", 0.1, reason="off_topic")
    theirs = store.record_question("what does a director of pharmacy operations do", other, "role", 0.9)
    store.record_feedback(theirs, USER, False)  # my 👎 put their question on the queue
    store.record_choice(theirs, USER, "role", "director-of-pharmacy-operations")
    store.record_feedback(mine, other, True)
    assert store.gap_count() == 2
    gone = store.forget(USER)
    assert (gone.questions, gone.feedback, gone.choices) == (1, 1, 1)
    st = store.stats()
    assert st["questions"] == 1 and st["helpful"] + st["unhelpful"] == 0 and st["choices"] == 0
    assert store.gaps() == [] and store.gap_count() == 0  # their question left the queue with my vote
    assert store.forget(USER) == type(gone)(0, 0, 0)


def test_hashing_key_lives_outside_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib
    import hmac
    import stat

    monkeypatch.delenv("CAREER_BOT_HASH_KEY", raising=False)
    path = tmp_path / "bot.db"
    s = Store(path)
    s.ensure_hash_key()
    aid = s.record_question("what is cpom", USER, "certification", 0.9)
    s.record_feedback(aid, USER, True)
    s.close()
    key_file = tmp_path / "bot.db.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_bytes().strip()
    assert key not in path.read_bytes()
    con = sqlite3.connect(path)
    (h,) = con.execute("SELECT user_hash FROM questions").fetchone()
    assert con.execute("SELECT COUNT(*) FROM meta WHERE key = 'salt'").fetchone()[0] == 0
    con.close()
    assert h == hmac.new(key, str(USER).encode(), hashlib.sha256).hexdigest()

    # an environment key wins; a mismatch with earlier rows is reported
    monkeypatch.setenv("CAREER_BOT_HASH_KEY", "an-operator-chosen-secret-key")
    s = Store(path)
    assert s._hash(USER) == hmac.new(b"an-operator-chosen-secret-key", str(USER).encode(), hashlib.sha256).hexdigest()
    s.close()
    monkeypatch.setenv("CAREER_BOT_HASH_KEY", "short")
    with pytest.raises(StoreError, match="too short"):
        Store(path).ensure_hash_key()

    # forget needs the key that hashed the rows: without one it refuses instead of deleting nothing
    monkeypatch.delenv("CAREER_BOT_HASH_KEY")
    key_file.unlink()
    s = Store(path)
    with pytest.raises(StoreError, match="no user-id hashing key"):
        s.forget(USER)
    assert not key_file.exists()
    s.close()


def test_schema_1_database_is_migrated(tmp_path: Path) -> None:
    """A database written before issue 8: the salt is dropped and the open gaps are grouped."""
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript(MIGRATIONS[0])
    con.execute("INSERT INTO meta VALUES ('salt', 'deadbeefdeadbeef')")
    rows = [
        ("how do i renew my cpom certification", "none", "missing_fact", None),
        ("How do I renew my CPOM certification?", "none", "missing_fact", None),
        ("renewing my CPOM certification", "none", "missing_fact", None),
        ("what is the salary of a pharmacy buyer", "none", "off_topic", None),
        ("what dose of warfarin", "none", "clinical", None),
        ("an old handled question", "none", "off_topic", "dismiss"),
    ]
    for i, (q, intent, reason, handled) in enumerate(rows, 1):
        con.execute(
            "INSERT INTO questions(id, ts, question, norm, user_hash, intent, confidence, reason, handled) VALUES (?,?,?,?,?,?,?,?,?)",
            (i, f"2025-01-0{i}T00:00:00+00:00", q, normalize_question(q), "x" * 64, intent, 0.1, reason, handled),
        )
    con.execute("INSERT INTO questions(id, ts, question, norm, user_hash, intent, confidence) VALUES (7, '2025-01-07T00:00:00+00:00', 'what is cmso', 'cmso', 'y', 'certification', 0.9)")
    con.execute("INSERT INTO feedback VALUES (7, 'y', 0, '2025-01-07T00:00:00+00:00')")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    s = Store(path)
    assert s.schema_version == len(MIGRATIONS)
    groups = s.gaps()
    assert [(g.count, g.kinds) for g in groups][0] == (3, ("unanswered",))
    assert sorted((g.count, g.kinds) for g in groups[1:]) == [(1, ("unanswered",)), (1, ("unhelpful",))]
    assert groups[0].question.lower().startswith("how do i renew")
    assert s._read(lambda db: db.execute("SELECT COUNT(*) FROM meta WHERE key = 'salt'").fetchone()[0]) == 0
    s.record_question("renew cpom certification", 1, "none", 0.1, reason="missing_fact")
    assert s.gaps()[0].count == 4  # new questions join the migrated groups
    s.close()
    assert b"deadbeefdeadbeef" not in b"".join(p.read_bytes() for p in tmp_path.iterdir())


def test_forget_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    monkeypatch.delenv("CAREER_BOT_HASH_KEY", raising=False)
    db = tmp_path / "bot.sqlite3"
    s = Store(db)
    aid = s.record_question("where do i park", USER, "none", 0.1, reason="off_topic")
    s.record_feedback(aid, USER, False)
    mine, _ = s.escalate(aid, USER, "where do i park", "I can't answer that.", None, 7, 8)
    other = s.record_question("what is cpom", 42, "certification", 0.9)
    theirs, _ = s.escalate(other, 42, "what is cpom", "CPOM is ...", None, 7, 9)
    s.close()
    assert main(["forget", str(USER), "--db", str(db)]) == 0
    assert capsys.readouterr().out.strip() == "deleted 1 question, 1 vote, 0 picks and 1 question passed on to the moderators of that member"
    with Store(db) as s:
        assert s.stats()["questions"] == 1
        assert s.escalation(mine.id) is None and s.escalation(theirs.id) is not None
    assert main(["forget", str(USER), "--db", str(db)]) == 0
    assert capsys.readouterr().out.strip() == "deleted 0 questions, 0 votes, 0 picks and 0 questions passed on to the moderators of that member"
    assert main(["forget", "not-an-id", "--db", str(db)]) == 2
    assert main(["forget", str(USER), "--db", str(tmp_path / "absent.sqlite3")]) == 1
    (tmp_path / "bot.sqlite3.key").unlink()
    assert main(["forget", str(USER), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "not a Discord user id" in err and "no database at" in err and "no user-id hashing key" in err
    assert "Traceback" not in err


# --------------------------------------------------------------------------- escalations ("Ask a moderator")


def test_escalations_only_their_member_withdraws_one_answer_forgotten_and_expired(store: Store, clock: Clock) -> None:
    question, answer = "how do i get a council parking pass", "Email facilities@example.org."
    aid = store.record_question(question, USER, "none", 0.7, "off_topic", "1")
    assert store.asked(aid, USER + 1) is None and store.asked(aid, USER) == question  # only the member who asked
    esc, created = store.escalate(aid, USER, question, "I can't answer that", 1, 2, 3)
    assert created and esc.status == "open" and (esc.guild_id, esc.channel_id, esc.message_id) == (1, 2, 3)
    assert store.escalate(aid, USER, question, "", 1, 2, 3) == (esc, False)  # pressed twice: one escalation
    store.escalation_posted(esc.id, 9, 10)
    assert store.withdraw_escalation(esc.id, USER + 1)[0] == "not_yours"
    assert store.answer_escalation(esc.id, answer, "Mod (1)")[0] == "done"
    assert store.answer_escalation(esc.id, "again", "Mod (2)")[0] == "closed"  # one answer only
    assert store.withdraw_escalation(esc.id, USER)[0] == "closed"
    store.reopen_escalation(esc.id)  # the answer could not be delivered
    reopened = store.escalation(esc.id)
    assert reopened is not None and reopened.status == "open" and reopened.answer is None and reopened.post_id == 10
    store.escalation_saved(esc.id, "parking-pass")
    raw = sqlite3.connect(store.path).execute("SELECT * FROM escalations").fetchall()
    assert str(USER) not in repr(raw)  # the member only as the keyed hash
    assert store.forget(USER).escalations == 1 and store.escalation(esc.id) is None
    other = store.record_question(question, 7, "none", 0.7, "off_topic", "1")
    old, _ = store.escalate(other, 7, question, "", None, 2, None)
    clock.advance(days=31)
    store.purge_expired()
    assert store.escalation(old.id) is None  # kept no longer than the questions


def test_recording_an_answer_never_waits_for_the_database(store: Store) -> None:
    """The event loop records every reply: it must only queue the write, even while the writer is busy."""
    busy, release = threading.Event(), threading.Event()

    def slow(db: sqlite3.Connection) -> None:
        busy.set()
        release.wait(10)

    store._writer.submit(slow, wait=False)
    assert busy.wait(5)
    ids = [store.record_question(f"what is the parking fee {i}", 1, "none", 0.1, "missing_fact") for i in range(3)]
    store.record_feedback(ids[0], 2, False)
    assert len(set(ids)) == 3 and not release.is_set()  # all returned while the writer was still stuck
    release.set()
    assert store.stats()["questions"] == 3 and store.stats()["unhelpful"] == 1


def test_a_reply_s_record_waits_briefly_for_company_but_a_waited_for_job_starts_at_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under load one transaction (and one wake-up of the writer thread) serves several replies."""
    from types import SimpleNamespace

    from bot.storage import writer as writer_mod

    slept: list[float] = []
    monkeypatch.setattr(writer_mod, "time", SimpleNamespace(sleep=slept.append))
    store.flush()
    assert slept == []  # a job someone waits for: no lingering
    store.record_question("where do i park", 1, "none", 0.1, "missing_fact")
    store.flush()
    assert slept == [writer_mod.LINGER_S] and writer_mod.LINGER_S > 0
    assert store.stats()["questions"] == 1
