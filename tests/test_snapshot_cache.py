"""The on-disk snapshot cache (bot/engine/snapshot_cache.py): a snapshot read back answers
exactly as one built from the files, and a stale, damaged, foreign or unsafe cache is never
used (it is rebuilt, or the cache is left alone) and never raises."""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from knowledge_helpers import engine_bench

import bot.engine.snapshot_cache as sc
from bot.engine import Engine
from bot.engine.snapshot_cache import SnapshotCache, default_cache, load_engine, snapshot_key
from bot.engine_cli import answer_json
from bot.evaluation import load_conversations
from bot.knowledge import load_knowledge
from bot.knowledge.loader import KnowledgeError, knowledge_files, read_knowledge
from bot.live import LiveKnowledge

ROOT = Path(__file__).resolve().parents[1]
SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev-questions.yaml"
SEED_QUESTIONS = ROOT / "tests" / "eval" / "seed-questions.yaml"
CONVERSATIONS = ROOT / "tests" / "conv1" / "conversations.yaml"


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders load_engine loaded from their files (a hit loads none)."""
    seen: list[Path] = []

    def spy(root, overlay=None):
        seen.append(Path(root))
        return read_knowledge(root, overlay)

    monkeypatch.setattr(sc, "read_knowledge", spy)
    return seen


@pytest.fixture
def cache(tmp_path: Path) -> SnapshotCache:
    return SnapshotCache(tmp_path / "cache")


def _snapshots(cache: SnapshotCache) -> list[Path]:
    return sorted(cache.folder.glob("*" + sc.SUFFIX)) if cache.folder.exists() else []


def _questions() -> list[str]:
    qs = [item["q"] for item in yaml.safe_load(SEED_QUESTIONS.read_text())["questions"]]
    if SHARED_DEV.exists():
        qs += [item["q"] for item in yaml.safe_load(SHARED_DEV.read_text())["questions"]]
    return qs


def _answers(engine: Engine, questions: list[str]) -> list[dict]:
    return [answer_json(engine.ask(q)) for q in questions]


def test_a_snapshot_read_back_answers_exactly_as_a_fresh_build(kdir, cache, loads):
    fresh = Engine(load_knowledge(kdir))
    built, _ = load_engine(kdir, cache)
    cached, loaded = load_engine(kdir, cache)
    assert loads == [kdir]  # the second came from the cache
    assert cached is not built and len(_snapshots(cache)) == 1
    assert loaded.files == read_knowledge(kdir).files
    questions = _questions()
    assert _answers(cached, questions) == _answers(fresh, questions)
    for conversation in load_conversations(CONVERSATIONS):
        a = b = None
        for _, item in conversation.turns:
            x, a = fresh.converse(item.q, a)
            y, b = cached.converse(item.q, b)
            assert answer_json(y) == answer_json(x)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory):
    """A generated base of 200 roles, 600 certifications and 400 FAQ entries (the benchmark's generator)."""
    bench = engine_bench()
    root = tmp_path_factory.mktemp("generated") / "knowledge"
    return bench, root, bench.generate_large(root, n_roles=200, n_certs=600, n_faq=400)


def test_a_generated_base_of_some_hundred_roles_answers_the_same_from_the_cache(generated, cache, loads):
    bench, root, gen = generated
    questions = [q for _, q in bench.large_questions(gen, 300)] + [q for _, q in bench.sized_questions(gen, 100, 100)]
    load_engine(root, cache)
    cached, _ = load_engine(root, cache)
    assert loads == [root]
    assert _answers(cached, questions) == _answers(Engine(load_knowledge(root)), questions)


def test_the_key_is_what_the_loader_reads(kdir):
    assert knowledge_files(kdir) == dict(read_knowledge(kdir).files)
    (kdir / "roles" / "notes.txt").write_text("not knowledge")  # not read: not in the key either
    assert knowledge_files(kdir) == dict(read_knowledge(kdir).files)


def test_one_byte_changed_is_a_miss_and_the_edit_is_answered(kdir, cache, loads):
    engine, _ = load_engine(kdir, cache)
    role = next(iter(engine.knowledge.roles.values()))
    path = kdir / role.file
    text = path.read_text()
    assert f"title: {role.title}" in text
    path.write_text(text.replace(f"title: {role.title}", f"title: {role.title}s", 1))
    key = snapshot_key(kdir, knowledge_files(kdir) or {})
    assert not cache.path(key).exists()
    edited, _ = load_engine(kdir, cache)
    assert loads == [kdir, kdir]
    assert edited.knowledge.roles[role.id].title == role.title + "s"
    assert len(_snapshots(cache)) == 2


def test_the_same_files_under_another_folder_name_are_another_snapshot(kdir, tmp_path, cache, loads):
    load_engine(kdir, cache)
    other = tmp_path / "other"
    shutil.copytree(kdir, other)
    engine, _ = load_engine(other, cache)
    assert engine.knowledge.root == str(other) and loads == [kdir, other]


@pytest.mark.parametrize("damage", ["flip a payload byte", "truncate", "empty", "another key's file", "not a snapshot"])
def test_a_damaged_or_foreign_file_is_ignored_logged_and_rebuilt(kdir, tmp_path, cache, loads, caplog, damage):
    load_engine(kdir, cache)
    [path] = _snapshots(cache)
    data = path.read_bytes()
    if damage == "flip a payload byte":
        at = len(data) // 2
        data = data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :]
    elif damage == "truncate":
        data = data[: len(data) - 100]
    elif damage == "empty":
        data = b""
    elif damage == "another key's file":
        other = tmp_path / "other"
        shutil.copytree(kdir, other)
        load_engine(other, cache)
        data = cache.path(snapshot_key(other, knowledge_files(other) or {})).read_bytes()
    else:
        data = b"roles:\n  - id: x\n" * 100
    path.write_bytes(data)
    with caplog.at_level(logging.WARNING, logger=sc.__name__):
        engine, _ = load_engine(kdir, cache)
    assert "rebuilding" in caplog.text
    assert engine.ask("hi").intent == "help"
    assert sum(1 for p in loads if p == kdir) == 2  # rebuilt from the files ...
    load_engine(kdir, cache)
    assert sum(1 for p in loads if p == kdir) == 2  # ... and stored again, whole


def test_a_pickle_naming_anything_but_the_engines_classes_is_refused(kdir, cache, loads, caplog, tmp_path):
    load_engine(kdir, cache)
    [path] = _snapshots(cache)
    key = bytes.fromhex(path.name[: -len(sc.SUFFIX)])
    marker = tmp_path / "ran"
    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    payload = pickle.dumps(Evil())  # with a valid header and checksum: only the unpickler stands in the way
    path.write_bytes(sc.MAGIC + bytes([sc.FORMAT]) + key + len(payload).to_bytes(8, "big") + hashlib.sha256(payload).digest() + payload)
    with caplog.at_level(logging.WARNING, logger=sc.__name__):
        engine, _ = load_engine(kdir, cache)
    assert not marker.exists()
    assert "system" in caplog.text and "no snapshot holds" in caplog.text
    assert engine.knowledge.roles and len(loads) == 2


def test_a_folder_others_can_write_is_not_used(kdir, cache, loads, caplog):
    cache.folder.mkdir(mode=0o700)
    cache.folder.chmod(0o777)
    with caplog.at_level(logging.WARNING, logger=sc.__name__):
        load_engine(kdir, cache)
        load_engine(kdir, cache)
    assert _snapshots(cache) == [] and len(loads) == 2
    assert "writable by group or others" in caplog.text


def test_a_snapshot_others_can_write_is_not_read(kdir, cache, loads, caplog):
    load_engine(kdir, cache)
    [path] = _snapshots(cache)
    path.chmod(0o666)
    with caplog.at_level(logging.WARNING, logger=sc.__name__):
        load_engine(kdir, cache)
    assert len(loads) == 2 and "writable by group or others" in caplog.text


def test_a_cache_owned_by_another_user_is_not_used(kdir, cache, loads, monkeypatch, caplog):
    load_engine(kdir, cache)
    monkeypatch.setattr(sc.os, "geteuid", lambda: os.stat(cache.folder).st_uid + 1)
    with caplog.at_level(logging.WARNING, logger=sc.__name__):
        load_engine(kdir, cache)
    assert len(loads) == 2 and "owned by another user" in caplog.text


def test_a_snapshot_that_is_a_link_is_not_followed(kdir, tmp_path, cache, loads, caplog):
    load_engine(kdir, cache)
    [path] = _snapshots(cache)
    elsewhere = tmp_path / "elsewhere.snapshot"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    with caplog.at_level(logging.WARNING, logger=sc.__name__):
        load_engine(kdir, cache)
    assert len(loads) == 2 and "cannot open" in caplog.text


def test_a_cache_inside_the_knowledge_folder_is_not_used(kdir, loads, caplog):
    inside = SnapshotCache(kdir / ".cache")
    with caplog.at_level(logging.WARNING, logger=sc.__name__):
        load_engine(kdir, inside)
        load_engine(kdir, inside)
    assert len(loads) == 2 and not (kdir / ".cache").exists()
    assert "inside the knowledge folder" in caplog.text


def test_a_knowledge_base_with_problems_is_never_cached(kdir, cache):
    (kdir / "roles" / "broken.yaml").write_text("id: broken\ntitle: [\n")
    with pytest.raises(KnowledgeError):
        load_engine(kdir, cache)
    assert _snapshots(cache) == []


def test_files_changed_during_the_load_store_nothing(kdir, cache, monkeypatch):
    def edit_then_load(root, overlay=None):
        path = next((Path(root) / "roles").glob("*.yaml"))
        path.write_text(path.read_text() + "\n")
        return read_knowledge(root, overlay)

    monkeypatch.setattr(sc, "read_knowledge", edit_then_load)
    load_engine(kdir, cache)
    assert _snapshots(cache) == []


def test_only_the_most_recently_used_snapshots_are_kept(kdir, tmp_path, loads):
    cache = SnapshotCache(tmp_path / "cache", keep=2)
    folders = []
    for i in range(3):
        folder = tmp_path / f"k{i}"
        shutil.copytree(kdir, folder)
        folders.append(folder)
    load_engine(folders[0], cache)
    load_engine(folders[1], cache)
    os.utime(cache.path(snapshot_key(folders[1], knowledge_files(folders[1]) or {})), (1, 1))  # long unused
    load_engine(folders[0], cache)  # a hit keeps k0 recent
    load_engine(folders[2], cache)
    kept = {p.name for p in _snapshots(cache)}
    assert kept == {cache.path(snapshot_key(f, knowledge_files(f) or {})).name for f in (folders[0], folders[2])}


def _write_many(folder: str, kdir: str, times: int) -> None:
    cache = SnapshotCache(Path(folder), keep=10)
    engine = Engine(load_knowledge(kdir))
    key = snapshot_key(Path(kdir), knowledge_files(kdir) or {})
    for _ in range(times):
        cache.put(key, engine, ())
        assert cache.get(key) is not None


def test_concurrent_writers_leave_one_whole_snapshot(kdir, cache, loads):
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_write_many, args=(str(cache.folder), str(kdir), 15)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0]  # every read between the writes found a whole file
    assert len(_snapshots(cache)) == 1 and not list(cache.folder.glob("*.tmp"))
    load_engine(kdir, cache)
    assert loads == []


def test_live_knowledge_starts_from_the_cache_and_keeps_its_last_good_behaviour(kdir, cache, loads):
    first = LiveKnowledge(kdir, cache=cache)
    second = LiveKnowledge(kdir, cache=cache)
    assert loads == [kdir] and second.engine.knowledge.fingerprint == first.engine.knowledge.fingerprint
    (kdir / "roles" / "broken.yaml").write_text("id: broken\ntitle: [\n")
    third = LiveKnowledge(kdir, cache=cache)  # a broken folder: the last good knowledge, as without a cache
    assert third.startup_problems and third.engine.knowledge.fingerprint == first.engine.knowledge.fingerprint
    assert len(_snapshots(cache)) == 1


def test_cache_settings():
    assert default_cache({"CAREER_BOT_CACHE": "off"}) is None
    assert default_cache({"CAREER_BOT_CACHE": "/x/y"}) == SnapshotCache(Path("/x/y"))
    assert default_cache({"XDG_CACHE_HOME": "/c"}) == SnapshotCache(Path("/c/career-bot/snapshots"))


def _ask(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", "ask", "--json", *args], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)


def test_the_command_line_answers_the_same_from_the_cache_under_another_hash_seed(kdir, tmp_path):
    folder = tmp_path / "cache"
    env = {**os.environ, "CAREER_BOT_CACHE": str(folder)}
    questions = ["what is CPOM?", "hi", "how do I become a director of pharmacy operations?", "what's the weather?"]
    args = [*questions, "--knowledge", str(kdir)]
    plain = _ask([*args, "--no-cache"], env)
    assert plain.returncode == 0 and not folder.exists()  # --no-cache: nothing written
    first = _ask(args, {**env, "PYTHONHASHSEED": "1"})
    [path] = folder.glob("*" + sc.SUFFIX)
    os.utime(path, (1, 1))
    second = _ask(args, {**env, "PYTHONHASHSEED": "2"})
    assert path.stat().st_mtime > 1  # read from the cache
    assert [json.loads(line) for line in second.stdout.splitlines()] == [json.loads(line) for line in plain.stdout.splitlines()]
    assert first.stdout == plain.stdout and second.stderr == ""


def test_a_snapshot_read_back_shares_one_object_per_passage_number_as_a_build_does(generated, cache):
    def objects(engine: Engine) -> tuple[int, int]:
        numbers = [x for items in engine.index.postings.values() for x in items]
        return len({id(x) for x in numbers if x > 256}), len({x for x in numbers if x > 256})  # small ints are shared anyway

    built, _ = load_engine(generated[1], cache)
    cached, _ = load_engine(generated[1], cache)
    assert objects(built)[1] > 0
    assert objects(cached) == objects(built) == (objects(built)[1],) * 2


def test_a_key_that_cannot_be_computed_loads_as_without_a_cache(kdir, cache, loads, monkeypatch, caplog):
    def unreadable() -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sc, "_code_version", unreadable)
    with caplog.at_level(logging.WARNING, logger=sc.__name__):
        engine, _ = load_engine(kdir, cache)
    assert engine.ask("hi").intent == "help" and loads == [kdir] and _snapshots(cache) == []
    assert "cannot compute the key" in caplog.text


def test_the_bot_builds_a_missing_snapshot_after_letting_go_of_the_folder(kdir, cache, monkeypatch):
    from bot.knowledge import transaction

    held = []

    def build(kb):
        lock = transaction._LOCKS.get(os.path.realpath(kdir))
        held.append(lock is not None and lock.depth > 0)  # editors wait for the folder's lock: never for a build
        return Engine(kb)

    monkeypatch.setattr(sc, "Engine", build)
    LiveKnowledge(kdir, cache=cache)
    assert held == [False] and len(_snapshots(cache)) == 1
