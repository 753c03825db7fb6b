"""Round 63, parts 4 and 5. Part 4 (fitted on conv134 after its first run, which was measured on part 3, the
round's last engine, and reported as it stood): an abbreviation a role's page defines by words
that are its own initials, two or more of them the title's ("prescription drug monitoring
program (PDMP)"), names the role with the title's job noun ("the pdmp lead"); "whats a … make"
asks a wage.

Each test is worded apart from the blind set's questions and failed on part 3."""

from __future__ import annotations

from engine_kb import engine, talk, with_pages

PDMP = "prescription-monitoring-program-integration-lead"


def test_an_abbreviation_a_page_defines_names_its_role_with_the_job_noun() -> None:
    e = with_pages("conv134")
    (a,) = talk("what do pdmp leads spend their mornings on", e=e)
    assert (a.intent, a.role, a.section) == ("role", PDMP, "day_in_the_life")
    (c,) = talk("pdmp lead certs?", e=e)
    assert (c.intent, c.role) == ("pathway", PDMP)
    (b,) = talk("what is the pdmp", e=e)  # near-miss guard: the program itself names no role
    assert b.role is None


def test_whats_a_role_make_asks_a_wage() -> None:
    (a,) = talk("whats an ops director make", e=engine())
    assert a.intent == "none" and a.reason == "missing_fact"


def test_doing_the_hiring_is_work_wanted_not_a_job_opening() -> None:
    """Round 63, part 5 (fitted on conv133 after its first run on part 3, measured only until then):
    "hiring for" alone asks about no job opening; "is anyone hiring for …" still does."""
    e = with_pages("conv133")
    (a,) = talk("my tech loves doing hiring for our team, how would she move into that", e=e)
    assert (a.intent, a.role) == ("pathway", "pharmacy-talent-acquisition-manager")
    (b,) = talk("is anyone hiring for talent acquisition managers right now", e=e)  # near-miss guard
    assert b.intent == "none"
