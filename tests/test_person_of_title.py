""""the safety person", "the diversion guy": a word only one role's title has, then a person,
names that role, alone or as a follow-up that keeps the section shown. The knowledge is the
tests' own (tests/engine_kb.py)."""

from __future__ import annotations

from engine_kb import engine

from bot.engine.evidence import read

MSO = "medication-safety-officer"


def test_a_title_word_and_a_person_names_the_role():
    a = engine().ask("what does the safety person do")
    assert (a.intent, a.role) == ("role", MSO)


def test_a_title_word_alone_is_not_enough():
    """Without the person noun, one word of the title stays a weak mention."""
    assert not read("what does safety do", engine().index).role_named


def test_and_the_person_keeps_the_section():
    e = engine()
    _, ctx = e.converse("what's the supply chain manager's day like")
    a, _ = e.converse("and the safety guy?", ctx)
    assert (a.intent, a.role, a.section) == ("role", MSO, "day_in_the_life")
