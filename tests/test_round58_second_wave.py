"""Round 58, second wave: long messages whose told sentences carry cue words (work the member does,
what their employer would pay for, a path their boss mentioned); "how much of the day"; a job
phrase named by a word of one role's page ("psych pharmacy manager"); a difficulty asked beside the
member's own job.

Each test is worded apart from the blind sets' questions; each (but the near-miss guard, marked)
failed on part 1's engine."""

from __future__ import annotations

from engine_kb import engine, talk, with_pages

OPS = "director-of-pharmacy-operations"
PSYCH = "behavioral-health-pharmacy-manager"
AUDITOR = "compounding-vendor-quality-auditor"


def test_work_the_member_does_is_no_request_to_write_or_translate() -> None:
    e = engine()
    for q, code in (
        ("I translate our discharge sheets into Spanish at work. What does CPOM cover?", "CPOM"),
        ("I write the grievance response letters for our department. What does CMSO cover?", "CMSO"),
    ):
        (a,) = talk(q, e=e)
        assert (a.intent, a.certifications) == ("certification", (code,)), q


def test_a_fact_told_in_passing_is_not_the_fact_asked() -> None:
    e = engine()
    (a,) = talk("I'm told the system would pay for the exam. Can you explain what CMSO proves?", e=e)
    assert (a.intent, a.certifications) == ("certification", ("CMSO",))
    (b,) = talk("what do ops directors make? asking for a friend", e=e)  # near-miss guard: asked, so refused (as before)
    assert (b.intent, b.reason) == ("none", "missing_fact")


def test_how_much_of_the_day_asks_the_day_not_a_fee() -> None:
    (a,) = talk("how much of the ops director's day is spent in meetings", e=engine())
    assert (a.intent, a.role, a.section) == ("role", OPS, "day_in_the_life")


def test_a_job_phrase_named_by_a_word_of_one_roles_page() -> None:
    e = with_pages("conv96")  # the behavioral health page: "The Steady Hand on the Psych Unit", "psychiatric" throughout
    (a,) = talk("tell me about the psych pharmacy manager role", e=e)
    assert (a.intent, a.role) == ("role", PSYCH)
    (b,) = talk("how do i become a psych pharmacy manager", e=e)
    assert (b.intent, b.role) == ("pathway", PSYCH)
    (c,) = talk("what does a psych nurse do day to day", e=e)  # the job noun is no title's: another job
    assert (c.intent, c.reason) == ("none", "unknown_role")


def test_what_a_role_does_asked_before_a_path_told_of_is_the_role() -> None:
    (a,) = talk("What does a compounding vendor quality auditor do? My boss said I should look at that path.", e=with_pages("eval167"))
    assert (a.intent, a.role) == ("role", AUDITOR)


def test_how_hard_a_certification_is_beside_the_members_own_job_is_refused() -> None:
    (a,) = talk("How hard is the CPXL exam? I'm a pharmacy manager and haven't sat a test in years.", e=with_pages("eval167"))
    assert (a.intent, a.reason, a.certifications) == ("none", "missing_fact", ("CPXL",))
