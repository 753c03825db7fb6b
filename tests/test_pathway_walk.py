"""Walking along a pathway one card at a time: "whats after CHPOP", "the cert right before CMSO",
and after a card, "whats after that" / "and the one before it on its path" — the step beside
it as the pathway orders them. The knowledge is the tests' own (tests/engine_kb.py)."""

from __future__ import annotations

from engine_kb import engine

OPS = "director-of-pharmacy-operations"


def _steps(role: str) -> list[str]:
    return [s.certification for s in engine().knowledge.roles[role].pathway]


def test_the_step_after_a_named_certification():
    steps = _steps(OPS)
    a = engine().ask(f"whats the cert right after {steps[0]}")
    assert (a.intent, a.certifications[:1]) == ("certification", (steps[1],))


def test_after_a_card_whats_after_that_walks_on():
    steps = _steps(OPS)
    e = engine()
    _, ctx = e.converse(f"what is {steps[0]}")
    a, ctx = e.converse("whats after that", ctx)
    assert (a.intent, a.certifications[:1]) == ("certification", (steps[1],))
    a, _ = e.converse("and the cert before it on its path", ctx)
    assert (a.intent, a.certifications[:1]) == ("certification", (steps[0],))


def test_is_there_one_after_is_not_a_step():
    """"is there a level after X" asks what no page says, not the next step."""
    a = engine().ask(f"is there a level after {_steps(OPS)[1]}")
    assert a.intent == "none"


def test_ordinals_after_walking_cards_count_along_the_pathway():
    """After a role, then its cards one by one, "and the last" is the pathway's last step."""
    steps = _steps(OPS)
    e = engine()
    _, ctx = e.converse("what does the ops director do all day")
    _, ctx = e.converse("and the first cert on the ops director path", ctx)
    a, ctx = e.converse("what comes after it", ctx)
    assert a.certifications[:1] == (steps[1],)
    a, _ = e.converse("and the last", ctx)
    assert (a.intent, a.certifications[:1]) == ("certification", (steps[-1],))

