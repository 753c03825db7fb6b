"""More of a member who checks and steers: "wait go back, CPOM?", a reaction before the question
("ugh. …"), a compatibility question about a drip after a card (clinical, refused), and an FAQ
entry that matches only a certification question's class words ("which jobs list CMSO" against
"my job is not listed"). The knowledge is the tests' own (tests/engine_kb.py)."""

from __future__ import annotations

import shutil

import pytest
from engine_kb import engine, kb_dir, talk
from knowledge_helpers import write

from bot.engine import Engine
from bot.knowledge import load_knowledge


def test_go_back_steers_and_asks_nothing():
    _, _, back = talk("what is CPSCM", "and CDSM?", "wait go back, CPSCM?")
    assert (back.intent, back.certifications[:1]) == ("certification", ("CPSCM",))


def test_a_reaction_is_not_asked_about():
    _, third = talk("and the third one?", "ugh. the ops director path, the third cert on it")
    assert (third.intent, third.certifications[:1]) == ("certification", ("CMSO",))


def test_a_compatibility_question_after_a_card_is_clinical():
    _, mix = talk("CMSO what is it", "does it cover whether you can mix potassium with the amio drip")
    assert (mix.intent, mix.reason) == ("none", "clinical")


def test_an_faq_of_class_words_does_not_answer_a_question_about_a_named_certification(tmp_path):
    kdir = tmp_path / "knowledge"
    shutil.copytree(kb_dir(), kdir)
    write(kdir / "faq" / "missing-role.yaml", "id: missing-role\nquestions:\n  - my job is not listed\nanswer: Ask a moderator to import its page.\n")
    e = Engine(load_knowledge(kdir))
    assert e.ask("my job is not listed").intent == "faq"
    (a,) = talk("which jobs list CMSO", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMSO",))


def test_a_greeting_with_steering_words_is_a_greeting():
    assert engine().ask("hey! quick q").intent == "help"


def test_told_promotion_is_no_progression_question():
    a = engine().ask("my buddy just got promoted to director of pharmacy operations, what does that job even involve")
    assert (a.intent, a.role) == ("role", "director-of-pharmacy-operations")
    assert engine().ask("can a buyer get promoted to director of pharmacy operations").reason == "missing_fact"


@pytest.mark.parametrize("aside", ["lol anyway what should i get for lunch, tacos or pho", "what's a good lunch spot near the hospital lol"])
def test_lunch_plans_after_a_role_are_small_talk(aside):
    _, day, lunch = talk("what does a director of pharmacy operations do", "their mornings?", aside)
    assert day.section == "day_in_the_life"
    assert lunch.intent == "none"


def test_got_that_already_is_held_and_asks_whats_next():
    path, _, nxt = talk("pathway for director of pharmacy operations", "what if im mostly into purchasing and inventory", "got that already, what's after")
    assert nxt.intent == "pathway" and "CPSCM" in nxt.held and nxt.certifications[0] != "CPSCM"
