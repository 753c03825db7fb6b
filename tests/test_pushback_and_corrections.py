"""A member who checks, corrects or points elsewhere in a conversation: "are you sure?" asks the
last question again (whatever it sets aside or points back to), "I typed that wrong, I meant
CPOM" is the card of CPOM, "the other X cert" is another certification than the one shown, and
a message in another language is refused even after a card. The knowledge is the tests' own
(tests/engine_kb.py)."""

from __future__ import annotations

import pytest
from engine_kb import engine, talk

from bot.engine.phrases import PhraseSet

OPS = "director-of-pharmacy-operations"


def test_pushback_pointing_away_asks_the_last_question_again():
    _, day, sure = talk("tell me about the director of pharmacy operations", "what do they do in the morning", "hold on, are you sure that's them and not the supply chain manager?")
    assert (day.intent, day.role, day.section) == ("role", OPS, "day_in_the_life")
    assert (sure.intent, sure.role, sure.section) == ("role", OPS, "day_in_the_life")


def test_pushback_with_a_remark_in_its_own_sentence_is_not_small_talk():
    _, sure = talk("what does a director of pharmacy operations do all day", "are you sure? sounds like a nursing thing")
    assert (sure.intent, sure.role) == ("role", OPS)


@pytest.mark.parametrize("correction", ["no I typed that wrong, I meant CPOM", "wait wrong code, I meant CPOM", "oops I misspelled it, CPOM"])
def test_a_corrected_code_is_answered_not_read_as_a_missing_fact(correction):
    _, fixed = talk("what does CMSO stand for", correction)
    assert (fixed.intent, fixed.certifications[:1]) == ("certification", ("CPOM",))


@pytest.mark.parametrize(
    "first,other,meant",
    [("CHPOP?", "no, the other operations one", "CPOM"), ("what is CPSCM", "no the other shortage cert", "CDSM")],
)
def test_the_other_described_certification_is_not_the_one_shown(first, other, meant):
    shown, answer = talk(first, other)
    assert answer.intent == "certification" and answer.certifications[0] == meant != shown.certifications[0]


def test_a_message_in_another_language_is_refused_mid_conversation():
    _, foreign = talk("what's CPOM", "¿y esa certificación cuánto cuesta?")
    assert (foreign.intent, foreign.reason) == ("none", "language")


def test_who_needs_it_is_the_card():
    _, who = talk("what is CDSM", "ok. who needs it")
    assert (who.intent, who.certifications[:1]) == ("certification", ("CDSM",))


def test_besides_a_kind_of_thing_asks_what_else_the_bot_does():
    assert engine().ask("what can you actually answer besides certs").intent == "help"


def test_asked_to_summarize_a_named_certification():
    assert engine().ask("My VP saw CDSM on a flyer and asked me what it is. Can you summarize it for me?").intent == "certification"


@pytest.mark.parametrize("phrase,text", [("are you ..3 like", "are you sure | sounds like"), ("what * is", "what that | is"), ("do ... first", "do that | first")])
def test_gaps_and_wildcards_stay_inside_one_sentence(phrase, text):
    assert PhraseSet.compile("t", [phrase]).search(text) is None
    assert PhraseSet.compile("t", [phrase]).search(text.replace(" |", "")) is not None
