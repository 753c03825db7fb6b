"""Round 57, third wave: a day timed on a 24-hour clock compared with one in am/pm; "whose starts
earlier"; a step asked before its pathway is named; the job market and named employers; "fine,"
as a reaction.

Each test is worded apart from the blind sets' questions; each failed on part 2's engine."""

from __future__ import annotations

from engine_kb import talk, with_pages

VAULT = "pharmacy-controlled-substance-vault-supervisor"


def test_a_24_hour_clock_is_compared_with_am_and_pm() -> None:
    # the vault supervisor's day starts "06:30", the med rec lead's "7:30 AM"
    *_, a = talk("vault supervisor day to day", "and the med rec lead's?", "whose starts earlier", e=with_pages("conv91"))
    assert (a.intent, a.role, a.section) == ("role", VAULT, "day_in_the_life")


def test_a_step_asked_before_its_pathway_is_finished_by_the_next_message() -> None:
    _, a = talk("what's step 2", "on the vault supervisor path", e=with_pages("conv91"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CCSRP",))
    _, b = talk("3rd one?", "oops, on the med rec lead path", e=with_pages("conv91"))
    assert (b.intent, b.certifications[:1]) == ("certification", ("CMSO",))


def test_the_job_market_and_named_employers_are_refused() -> None:
    e = with_pages("conv91")
    for first, then in (
        ("what does the vault supervisor do", "is there much demand for that job these days"),
        ("what does the med rec lead do", "do hospitals like cedars have that role"),
    ):
        _, a = talk(first, then, e=e)
        assert a.intent == "none", then


def test_fine_is_a_reaction_not_what_is_asked() -> None:
    _, a = talk("what does the vault supervisor make", "fine, and CCSVS?", e=with_pages("conv91"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CCSVS",))
