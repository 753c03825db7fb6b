"""Moderators teach the engine a phrasing: written through the editor (validated, recorded,
undoable) or `career-bot teach`, and the bot answers that wording, and wordings close to it, as
taught."""

from __future__ import annotations

from knowledge_helpers import cli, seeded_kb

from bot.engine import Engine
from bot.knowledge import load_knowledge
from bot.moderation import KnowledgeEditor
from bot.storage import Store

OPS = "director-of-pharmacy-operations"
ODD = "gimme the lowdown on the big boss of pharmacy logistics"


def test_a_taught_phrasing_changes_the_answer_and_can_be_undone(tmp_path):
    kdir = seeded_kb(tmp_path)
    before = Engine(load_knowledge(kdir)).ask(ODD)
    assert before.intent != "role"  # the engine alone does not read this wording as the ops director
    with Store(tmp_path / "db.sqlite3") as store:
        ed = KnowledgeEditor(kdir, store)
        result = ed.teach("Sam (1)", ODD, "role", about=OPS, section="overview")
        assert result.file == "phrasings.yaml" and "now means role about" in result.summary
        e = Engine(load_knowledge(kdir))
        taught = e.ask(ODD)
        assert (taught.intent, taught.role, taught.section, taught.stage) == ("role", OPS, "overview", "taught")
        assert e.ask("gimme the lowdown on the big boss of pharmacy logistics pls").role == OPS  # close wordings too
        assert [c.action for c in store.history()] == ["teach"]
        ed.undo("Sam (1)")
    assert Engine(load_knowledge(kdir)).ask(ODD).intent == before.intent


def test_teaching_the_same_question_again_replaces_its_meaning(tmp_path):
    kdir = seeded_kb(tmp_path)
    ed = KnowledgeEditor(kdir)
    ed.teach("Sam", "whats the vibe with CPOM", "certification")
    summary = ed.teach("Sam", "Whats the vibe with CPOM", "none").summary
    assert "it meant certification" in summary
    assert [(p.question, p.means) for p in load_knowledge(kdir).phrasings] == [("Whats the vibe with CPOM", "none")]


def test_teach_command_line_errors_say_what_to_use(tmp_path):
    kdir = seeded_kb(tmp_path)
    r = cli("teach", "whats the vibe with CPOM", "--means", "certfication", "--as", "Sam", "--knowledge", kdir, "--db", tmp_path / "db.sqlite3")
    assert r.returncode == 1 and "did you mean 'certification'" in r.stderr and "Traceback" not in r.stderr
    r = cli("teach", "whats the vibe with CPOM", "--means", "role", "--about", "CPMO", "--as", "Sam", "--knowledge", kdir, "--db", tmp_path / "db.sqlite3")
    assert r.returncode == 1 and "no role id or certification code 'CPMO'" in r.stderr
    r = cli("teach", "whats the vibe with CPOM", "--means", "certification", "--as", "Sam", "--knowledge", kdir, "--db", tmp_path / "db.sqlite3")
    assert r.returncode == 0 and "now means certification" in r.stdout
    assert load_knowledge(kdir).phrasings[0].means == "certification"
