"""Round 64, part 6 (fitted on conv148 after its first run, which was measured on c6917a2): a job
noun typed plural with no apostrophe ("the nicu supervisors day") is the one whose day is asked,
when no job is named singly; "then?" after a step's card is the step after it, "before that?" the
step before.

Each test is worded apart from the blind set's turns and failed on c6917a2."""

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
