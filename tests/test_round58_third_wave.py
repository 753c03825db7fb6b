"""Round 58, third wave: a fact asked in one sentence while another only tells of it (the cue read
sentence by sentence, "$" ending each); a greeting that speaks of the bot and asks nothing.

Each test is worded apart from the blind sets' questions; each failed on part 2's engine."""

from __future__ import annotations

from engine_kb import engine, talk

OPS = "director-of-pharmacy-operations"


def test_pay_asked_after_pay_told_is_refused() -> None:
    (a,) = talk("I make a decent salary as a hospital pharmacist after ten years. What does an ops director typically earn?", e=engine())
    assert (a.intent, a.reason, a.role) == ("none", "missing_fact", OPS)


def test_a_greeting_that_speaks_of_the_bot_is_met_with_what_it_can_do() -> None:
    e = engine()
    for q in ("hello! first-time bot user here, I've run a specialty pharmacy for six years.", "hey bot! rough shift today. anyway"):
        (a,) = talk(q, e=e)
        assert a.intent == "help", q
