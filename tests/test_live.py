"""bot.live: the bot starts on the last good snapshot, a reload never goes destructive silently,
and the watcher survives every error (issue 8, findings 4 and 7)."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.knowledge.loader import KnowledgeError, load_knowledge
from bot.live import LiveKnowledge, ReloadResult
from bot.moderation import KnowledgeEditor

try:
    from knowledge_helpers import FIXTURE, cli_in_process, write
except ImportError:  # tests/ became a package
    from tests.knowledge_helpers import FIXTURE, cli_in_process, write

ROLE = "director-of-pharmacy-operations"
ROLE_FILE = f"roles/{ROLE}.yaml"
FAQ_FILE = "faq/how-to-report-a-wrong-answer.yaml"


# ---------------------------------------------------------------------------- the last good snapshot


def test_start_on_the_last_good_snapshot_when_the_folder_is_broken(kdir: Path) -> None:
    LiveKnowledge(kdir)  # a clean start keeps the snapshot
    write(kdir / "faq/broken.yaml", "? [a, b]\n: x\n")
    (kdir / ROLE_FILE).unlink()
    live = LiveKnowledge(kdir)
    assert [p.file for p in live.startup_problems] == ["faq/broken.yaml"]
    assert ROLE in live.engine.knowledge.roles and live.engine.knowledge.root == str(kdir)
    assert live.engine.ask("what does a director of pharmacy operations do?").role == ROLE


def test_without_a_snapshot_a_broken_folder_still_raises(kdir: Path) -> None:
    write(kdir / "faq/broken.yaml", "id: [broken\n")
    with pytest.raises(KnowledgeError):
        LiveKnowledge(kdir)


def test_the_snapshot_is_invisible_to_the_loader_export_validate_and_git(kdir: Path) -> None:
    LiveKnowledge(kdir)
    assert (kdir / ".last-good/current").is_file() and (kdir / ".last-good/.gitignore").read_text() == "*\n"
    assert load_knowledge(kdir).fingerprint == LiveKnowledge(kdir).engine.knowledge.fingerprint
    assert not any(".last-good" in n for n in KnowledgeEditor(kdir).export_zip().decode("latin-1").split("\0"))
    assert cli_in_process("validate", "--knowledge", kdir).returncode == 0
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(kdir)], check=True)
        status = subprocess.run(["git", "-C", str(kdir), "status", "--porcelain", "--untracked-files=all"], capture_output=True, text=True).stdout
        assert ".last-good" not in status and "roles/" in status


def test_the_snapshot_follows_every_clean_reload(kdir: Path) -> None:
    live = LiveKnowledge(kdir)
    KnowledgeEditor(kdir).faq_add("alice", ["is there a study group"], "Yes, in #study.", faq_id="study-group")
    assert live.reload().changed
    (kdir / "faq/study-group.yaml").write_text("id: [broken\n")
    restarted = LiveKnowledge(kdir)
    assert "study-group" in restarted.engine.knowledge.faqs and restarted.startup_problems


# ---------------------------------------------------------------------------- held reloads


def test_deleting_roles_is_held_until_forced(kdir: Path) -> None:
    live = LiveKnowledge(kdir)
    shutil.rmtree(kdir / "roles")
    result = live.reload()
    assert result == ReloadResult(False, (), held=True, removed=(ROLE_FILE,)) and not result.ok
    assert ROLE in live.engine.knowledge.roles  # the last good knowledge keeps answering
    forced = live.reload(force=True)
    assert forced.changed and forced.ok and not live.engine.knowledge.roles


def test_a_faq_file_deleted_by_hand_is_held_but_one_removed_by_a_moderator_is_not(kdir: Path) -> None:
    live = LiveKnowledge(kdir)
    (kdir / FAQ_FILE).unlink()
    assert live.reload() == ReloadResult(False, held=True, removed=(FAQ_FILE,))
    live.reload(force=True)
    ed = KnowledgeEditor(kdir)
    ed.faq_add("alice", ["is there a study group"], "Yes, in #study.", faq_id="study-group")
    assert live.reload().changed
    ed.faq_remove("bob", "study-group")
    assert live.reload().changed and "study-group" not in live.engine.knowledge.faqs  # deliberate: live at once
    ed.undo("carol")
    assert live.reload().changed and "study-group" in live.engine.knowledge.faqs
    (kdir / "faq/study-group.yaml").unlink()  # the same file, now lost by hand: held again
    assert live.reload().held


def test_additions_and_edits_are_never_held(kdir: Path) -> None:
    live = LiveKnowledge(kdir)
    write(kdir / "faq/new.yaml", "id: new\nquestions: [is it new]\nanswer: It is.\n")
    assert live.reload() == ReloadResult(True)
    assert live.reload() == ReloadResult(False)


# ---------------------------------------------------------------------------- the watcher


class Watcher:
    """Runs ``live.watch`` with a short debounce and collects what it reports."""

    def __init__(self, live: LiveKnowledge, fail_reports: int = 0):
        self.live = live
        self.results: asyncio.Queue[ReloadResult] = asyncio.Queue()
        self.fail_reports = fail_reports
        self.stop = asyncio.Event()

    async def on_result(self, result: ReloadResult) -> None:
        await self.results.put(result)
        if self.fail_reports:
            self.fail_reports -= 1
            raise RuntimeError("the moderator log is down")

    async def __aenter__(self) -> "Watcher":
        self.task = asyncio.create_task(self.live.watch(self.on_result, self.stop, debounce_ms=50))
        await asyncio.sleep(0.3)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.stop.set()
        await asyncio.wait_for(self.task, 5)

    async def next(self) -> ReloadResult:
        return await asyncio.wait_for(self.results.get(), 8)

    async def until(self, want) -> ReloadResult:  # type: ignore[no-untyped-def]
        """The first result ``want`` accepts (a deletion or a copy may be seen halfway first)."""
        while not want(r := await self.next()):
            pass
        return r


def run(coro) -> None:  # type: ignore[no-untyped-def]
    asyncio.run(asyncio.wait_for(coro, 30))


def test_the_watcher_survives_broken_files_and_failing_reports(kdir: Path) -> None:
    async def body() -> None:
        live = LiveKnowledge(kdir)
        async with Watcher(live, fail_reports=2) as w:
            write(kdir / "faq/broken.yaml", "? [a, b]\n: x\n")
            r = await w.until(lambda r: r.problems and "list or mapping" in r.problems[0].message)
            assert [(p.file, p.line) for p in r.problems] == [("faq/broken.yaml", 1)]
            write(kdir / "faq/broken.yaml", "id: broken\nquestions: [\x1b]\nanswer: x\n")
            await w.until(lambda r: r.problems and r.problems[0].message.startswith("U+001B (ESC)"))
            write(kdir / "faq/broken.yaml", "id: broken\nquestions: [is it fixed]\nanswer: It is.\n")
            await w.until(lambda r: r.changed and "broken" in live.engine.knowledge.faqs)
            assert not w.task.done()

    run(body())


def test_the_watcher_reports_a_held_removal_once(kdir: Path) -> None:
    async def body() -> None:
        live = LiveKnowledge(kdir)
        async with Watcher(live) as w:
            shutil.rmtree(kdir / "roles")
            r = await w.next()
            assert r.held and r.removed == (ROLE_FILE,)  # one file: seen whole
            write(kdir / "faq/other.yaml", "id: other\nquestions: [anything else]\nanswer: No.\n")
            await asyncio.sleep(0.5)
            assert w.results.empty()  # the same held removal is not reported again
            assert ROLE in live.engine.knowledge.roles

    run(body())


def test_the_watcher_follows_a_deleted_and_recreated_folder(kdir: Path) -> None:
    async def body() -> None:
        live = LiveKnowledge(kdir)
        async with Watcher(live) as w:
            shutil.rmtree(kdir)
            await w.until(lambda r: r.problems and "knowledge folder not found" in r.problems[0].message)
            assert ROLE in live.engine.knowledge.roles
            shutil.copytree(FIXTURE, kdir, ignore=shutil.ignore_patterns(".*"))  # a re-clone
            write(kdir / "faq/after-reclone.yaml", "id: after-reclone\nquestions: [was it recloned]\nanswer: Yes.\n")
            await w.until(lambda r: r.changed and "after-reclone" in live.engine.knowledge.faqs)
            write(kdir / "faq/later.yaml", "id: later\nquestions: [still watching]\nanswer: Yes.\n")
            assert (await w.next()).changed and "later" in live.engine.knowledge.faqs

    run(body())


def test_the_watcher_retries_when_watching_itself_fails(kdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import watchfiles

    real = watchfiles.awatch
    calls = []

    def flaky(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise OSError(28, "inotify watch limit reached")
        return real(*args, **kwargs)

    monkeypatch.setattr(watchfiles, "awatch", flaky)

    async def body() -> None:
        live = LiveKnowledge(kdir)
        async with Watcher(live) as w:
            r = await w.next()
            assert r.problems[0].field == "(watcher)" and "inotify watch limit reached" in r.problems[0].message
            write(kdir / "faq/new.yaml", "id: new\nquestions: [is it new]\nanswer: It is.\n")
            await w.until(lambda r: r.changed)
            assert len(calls) >= 2

    run(body())


def test_the_watcher_follows_a_folder_replaced_by_a_rename(kdir: Path) -> None:
    async def body() -> None:
        live = LiveKnowledge(kdir)
        async with Watcher(live) as w:
            fresh = kdir.parent / "fresh-clone"
            shutil.copytree(FIXTURE, fresh, ignore=shutil.ignore_patterns(".*"))
            write(fresh / "faq/from-the-clone.yaml", "id: from-the-clone\nquestions: [is it the clone]\nanswer: Yes.\n")
            kdir.rename(kdir.parent / "old-clone")
            fresh.rename(kdir)  # `git clone` elsewhere, then swap the folders
            await w.until(lambda r: r.changed and "from-the-clone" in live.engine.knowledge.faqs)

    run(body())


# ---------------------------------------------------------------------------- reloading beside the event loop


def test_a_reload_releases_the_old_engine_at_once_and_freezes_the_new(kdir: Path) -> None:
    import gc
    import weakref

    live = LiveKnowledge(kdir)
    old = weakref.ref(live.engine)
    write(kdir / "faq/new.yaml", "id: new\nquestions: [is there a new thing]\nanswer: There is.\n")
    assert live.reload().changed
    assert old() is None  # freed by the reload itself, without waiting for a collection
    tracked = {id(o) for o in gc.get_objects()}  # frozen objects are in no generation
    assert id(live.engine.index) not in tracked and id(live.engine.knowledge.faqs) not in tracked
    assert "new" in live.engine.knowledge.faqs and live.engine.ask("is there a new thing").faq == "new"


def test_an_engine_still_in_use_is_not_taken_apart_by_a_reload(kdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.live

    monkeypatch.setattr(bot.live, "RELEASE_WAIT_S", 0.05)
    live = LiveKnowledge(kdir)
    in_use = live.engine  # e.g. a lookup that started before the swap
    before = in_use.ask("what does a director of pharmacy operations do?")
    write(kdir / "faq/new.yaml", "id: new\nquestions: [is there a new thing]\nanswer: There is.\n")
    assert live.reload().changed and live.engine is not in_use
    assert in_use.ask("what does a director of pharmacy operations do?") == before
    assert "new" not in in_use.knowledge.faqs


def test_a_reload_holds_off_full_collections_and_shortens_the_gil_switch_only_while_it_runs(kdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc
    import sys

    import bot.live

    seen: list[tuple[int, float]] = []
    real = bot.live.Engine

    def spying_engine(kb):  # type: ignore[no-untyped-def]
        seen.append((gc.get_threshold()[2], sys.getswitchinterval()))
        return real(kb)

    live = LiveKnowledge(kdir)
    before = (gc.get_threshold(), sys.getswitchinterval())
    monkeypatch.setattr(bot.live, "Engine", spying_engine)
    write(kdir / "faq/new.yaml", "id: new\nquestions: [is there a new thing]\nanswer: There is.\n")
    assert live.reload().changed
    write(kdir / "faq/broken.yaml", "id: [broken\n")
    assert live.reload().problems  # a refused change restores them too
    assert seen == [(1_000_000, bot.live.RELOAD_SWITCH_INTERVAL)]
    assert (gc.get_threshold(), sys.getswitchinterval()) == before


def test_members_asking_during_a_reload_get_the_old_or_the_new_knowledge_never_an_error(kdir: Path) -> None:
    live = LiveKnowledge(kdir)
    question = "how do i report a wrong answer"
    old_answer = live.engine.ask(question).summary
    text = (kdir / FAQ_FILE).read_text(encoding="utf-8")
    write(kdir / FAQ_FILE, text.replace("answer: Press", "answer: Updated. Press", 1))

    async def scenario() -> tuple[list[str], bool]:
        answers: list[str] = []
        reload = asyncio.create_task(asyncio.to_thread(live.reload))
        while not reload.done():
            answers.append(live.engine.ask(question).summary)
            await asyncio.sleep(0)
        answers.append(live.engine.ask(question).summary)
        return answers, reload.result().changed

    answers, changed = asyncio.run(scenario())
    assert changed and set(answers) <= {old_answer, answers[-1]} and answers[-1] != old_answer and "Updated." in answers[-1]


def test_a_reload_from_the_event_loop_runs_in_its_own_thread_at_a_lower_priority(kdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import sys
    import threading

    import bot.live

    seen: list[tuple[str, int]] = []
    real = bot.live.Engine

    def spying_engine(kb):  # type: ignore[no-untyped-def]
        tid = threading.get_native_id()
        seen.append((threading.current_thread().name, os.getpriority(os.PRIO_PROCESS, tid) if sys.platform == "linux" else 0))
        return real(kb)

    live = LiveKnowledge(kdir)
    monkeypatch.setattr(bot.live, "Engine", spying_engine)
    write(kdir / "faq/new.yaml", "id: new\nquestions: [is there a new thing]\nanswer: There is.\n")

    async def scenario() -> ReloadResult:
        return await live.reload_in_background()

    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) if sys.platform == "linux" else 0
    assert asyncio.run(scenario()) == ReloadResult(True) and "new" in live.engine.knowledge.faqs
    assert seen[0][0] == "career-bot-reload"
    if sys.platform == "linux":
        assert seen[0][1] == min(19, mine + bot.live.RELOAD_NICE)
        assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == mine  # the caller's thread keeps its priority
    write(kdir / "faq/broken.yaml", "id: [broken\n")
    assert asyncio.run(scenario()).problems


def test_reloads_work_without_glibc_s_malloc_controls(kdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.live

    monkeypatch.setattr(bot.live, "_glibc", lambda: None)  # musl, macOS, Windows
    live = LiveKnowledge(kdir)
    write(kdir / "faq/new.yaml", "id: new\nquestions: [is there a new thing]\nanswer: There is.\n")
    assert live.reload().changed and "new" in live.engine.knowledge.faqs


def test_where_reference_counts_cannot_be_trusted_the_old_engine_is_only_dropped(kdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import weakref

    import bot.live

    monkeypatch.setattr(bot.live, "_REFCOUNTS_EXACT", False)  # Python 3.14+
    live = LiveKnowledge(kdir)
    old_index = live.engine.index
    size = len(vars(old_index))
    gone = weakref.ref(live.engine)
    write(kdir / "faq/new.yaml", "id: new\nquestions: [is there a new thing]\nanswer: There is.\n")
    assert live.reload().changed and gone() is None
    assert len(vars(old_index)) == size  # not taken apart



def test_an_answer_being_built_with_the_old_engine_is_waited_for_then_the_engine_is_taken_apart(kdir: Path) -> None:
    """Else the loop, letting go of the old engine after its answer, would free it all in one go."""
    import threading
    import weakref

    live = LiveKnowledge(kdir)
    in_use = live.engine  # the event loop, mid-answer when the swap happens
    freed_by: list[str] = []
    watch = weakref.ref(in_use.index, lambda _: freed_by.append(threading.current_thread().name))
    write(kdir / "faq/new.yaml", "id: new\nquestions: [is there a new thing]\nanswer: There is.\n")
    answered: list[str] = []

    def loop() -> None:
        nonlocal in_use
        while live.engine is in_use:
            pass
        answered.append(in_use.ask("what does a director of pharmacy operations do?").role or "")  # still whole
        in_use = None  # type: ignore[assignment]  # the answer is sent: the loop lets go

    t = threading.Thread(target=loop, name="event-loop")
    t.start()
    assert live.reload().changed
    t.join(5)
    assert answered == [ROLE] and watch() is None and freed_by == [threading.current_thread().name]


def test_a_reload_finishing_after_the_loop_closed_raises_nothing_in_its_thread(kdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bot stopped while a reload ran: the reload still swaps the knowledge in, and its
    thread does not die on the closed loop it would have reported to."""
    import threading

    import bot.live

    release = threading.Event()
    real = bot.live.Engine

    def slow_engine(kb):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real(kb)

    live = LiveKnowledge(kdir)
    monkeypatch.setattr(bot.live, "Engine", slow_engine)
    write(kdir / "faq/new.yaml", "id: new\nquestions: [is there a new thing]\nanswer: There is.\n")
    failures: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_value))

    async def start_and_stop() -> None:
        task = asyncio.ensure_future(live.reload_in_background())
        await asyncio.sleep(0.05)  # the thread is now building
        task.cancel()

    asyncio.run(start_and_stop())  # the loop is closed when this returns
    reloads = [t for t in threading.enumerate() if t.name == "career-bot-reload"]
    release.set()
    for t in reloads:
        t.join(10)
    assert reloads and not failures
    assert "new" in live.engine.knowledge.faqs
