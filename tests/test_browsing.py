"""A member browsing: a role named by a word only its page has ("the shortage role"), a step of
a named role's pathway by its number ("ops director pathway step 2?"), the list shown earlier
("ok back to the list, what was the second?"), a property of the exam of the card just shown
("hard exam?"), a section said in passing ("just the director's day then"). The knowledge is
the tests' own (tests/engine_kb.py)."""

from __future__ import annotations

import pytest
from engine_kb import engine, talk

OPS = "director-of-pharmacy-operations"
SUPPLY = "pharmacy-supply-chain-manager"


def test_the_role_named_by_a_word_only_its_page_has():
    a = engine().ask("the wholesaler role, what does it involve")
    assert (a.intent, a.role) == ("role", SUPPLY)


def test_an_indefinite_job_with_a_word_is_not_a_name():
    assert engine().ask("why would a wholesaler job want CPOM").role != SUPPLY


@pytest.mark.parametrize("q", ["ops director pathway step 2?", "the ops director pathway, second step?", "step 2 of the ops director pathway"])
def test_a_step_of_a_named_pathway_by_its_number_is_that_card(q):
    (a,) = talk(q)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPOM",))
    assert not a.read_as.startswith((",", " "))


def test_back_to_the_list_reads_the_list_shown():
    listed, third, _, second = talk("what roles are there?", "the third one, what do they do", "whats their day look like", "ok back to the list, what was the second?")
    assert listed.intent == "list_roles" and third.role == listed.listed[2]
    assert (second.intent, second.role) == ("role", listed.listed[1])


def test_a_property_of_the_exam_of_the_card_shown_is_a_missing_fact():
    _, hard = talk("CPSCM?", "hard exam?")
    assert (hard.intent, hard.reason, hard.certifications[:1]) == ("none", "missing_fact", ("CPSCM",))


def test_a_section_said_in_passing():
    a = engine().ask("ok, just the ops director's day then")
    assert (a.intent, a.role, a.section) == ("role", OPS, "day_in_the_life")


def test_an_interjection_is_not_asked_about():
    _, _, fourth = talk("pathway for director of pharmacy operations", "the fifth one", "oh sorry the fourth")
    assert (fourth.intent, fourth.certifications[:1]) == ("certification", ("CPSCM",))


def test_they_in_the_message_that_picks_a_role_is_that_role():
    listed, second, third = talk("what roles are there?", "the second one", "the third one, what do they do")
    assert second.role == listed.listed[1] and third.role == listed.listed[2]
    assert listed.listed[1] not in third.read_as.lower().replace(" ", "-")


def test_back_to_the_list_of_a_kind_after_a_pathway():
    listed, role, path, _, first = talk("what jobs do you have info on", "tell me about #2", "certs for it?", "the second one there", "ok and back to the jobs list, what was the first?")
    assert role.role == listed.listed[1] and path.intent == "pathway"
    assert (first.intent, first.role) == ("role", listed.listed[0])


def test_after_a_pathway_the_one_after_is_a_card_and_after_that_goes_on_along_the_path():
    path, one_after = talk("pathway for director of pharmacy operations", "whats the one after that")
    assert (one_after.intent, one_after.certifications[:1]) == ("certification", (path.certifications[1],))
    path, _, after = talk("pathway for director of pharmacy operations", "which first if I love safety work", "and after that?")
    assert after.intent == "pathway"


@pytest.mark.parametrize(
    "q,section",
    [
        ("my mentee is a staff pharmacist with big ambitions, wants to be director of pharmacy ops one day. what does that job involve", ("overview", "responsibilities")),
        ("for my preceptee who wants to be a director of pharmacy operations, what's the morning huddle about", ("day_in_the_life",)),
    ],
)
def test_a_wish_told_first_then_a_question_about_the_role(q, section):
    a = engine().ask(q)
    assert (a.intent, a.role) == ("role", OPS) and a.section in section
