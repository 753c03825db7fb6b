"""What a member sets aside ("besides CHPOP …", "not the ops director, the other one") is read out
of the question and left out of the answer; and a choice between two roles talked about ("which
of the two is more about patients") weighs how much of each page is about it. The knowledge is
the tests' own (tests/engine_kb.py)."""

from __future__ import annotations

import pytest
from engine_kb import engine

from bot.engine.evidence import read
from bot.engine.render import render_text

OPS = "director-of-pharmacy-operations"
SUPPLY = "pharmacy-supply-chain-manager"


def test_a_set_aside_step_is_left_out_of_the_pathway_and_said_so():
    a = engine().ask("besides CHPOP what other certs would an ops director need")
    assert (a.intent, a.role) == ("pathway", OPS)
    assert "CHPOP" not in a.certifications and a.certifications[0] == "CPOM"
    text = render_text(a)
    assert "Leaving out CHPOP" in text and "already hold" not in text  # set aside, not held


def test_a_set_aside_certification_is_not_the_topic_answer():
    a = engine().ask("besides CMSO is there any other cert about medication safety")
    assert a.intent == "certification" and a.certifications and "CMSO" not in a.certifications


def test_a_set_aside_role_is_not_the_subject():
    a = engine().ask("not the ops director, the supply chain manager. what do they do")
    assert (a.intent, a.role) == ("role", SUPPLY)


def test_careers_besides_a_role_are_still_the_list():
    assert engine().ask("which careers are there besides ops director").intent == "list_roles"


@pytest.mark.parametrize(
    "question,aside,asked",
    [
        ("besides CMSO is there any other cert about medication safety", ("CMSO",), ()),
        ("which jobs besides the ops director use CPOM", (), ("CPOM",)),  # the code after other words is asked about
        ("im not a pharmacist, what should i take first to become an ops director", (), ()),  # nothing named is set aside
    ],
)
def test_what_is_read_out(question, aside, asked):
    ev = read(question, engine().index)
    assert ev.set_aside == aside
    assert ev.codes == asked


def test_a_topic_after_not_stays_in_the_question():
    """"not the classroom teaching" names nothing: the words stay, weighed as negated."""
    ev = read("i mostly do the competency checkoffs, not the classroom teaching", engine().index)
    assert "teaching" in ev.a.words and not ev.set_aside and not ev.set_aside_roles


def test_set_aside_inside_a_conversation_keeps_the_reference():
    e = engine()
    _, ctx = e.converse("what is CPOM")
    a, _ = e.converse("which roles besides the ops director have it", ctx)
    assert a.intent == "certification" and a.certifications[0] == "CPOM"


@pytest.mark.parametrize(
    "first,second,choice,want",
    [
        ("what does the medication safety officer do", "and the supply chain manager?", "which of the two is more about patients", "medication-safety-officer"),
        ("what does the director of pharmacy informatics do", "and the medication safety officer?", "which of the two is more about technology", "director-of-pharmacy-informatics"),
    ],
)
def test_a_choice_between_two_roles_weighs_the_whole_page(first, second, choice, want):
    """Both pages name the word somewhere; the one that speaks of it throughout is "more about" it."""
    e = engine()
    _, ctx = e.converse(first)
    _, ctx = e.converse(second, ctx)
    a, _ = e.converse(choice, ctx)
    assert (a.intent, a.role) == ("role", want)


def test_every_set_aside_phrase_starts_with_a_listed_word():
    """The cheap check before the cue (words.yaml `set_aside_starts`) must know each phrase's first word."""
    from bot.engine import lexicon

    firsts = {alt for p in lexicon.cue("besides").phrases.phrases for alt in _first_required(p).split("|")}
    assert firsts <= lexicon.SET_ASIDE_STARTS


def _first_required(phrase: str) -> str:
    """A phrase's first word that must be there: not the "^" anchor nor an optional "[…]" word."""
    return next(t for t in phrase.split() if t != "^" and not t.startswith("["))
