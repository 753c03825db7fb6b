"""Round 62, fourth part (fitted on eval197 after its first run, which was measured on part 3):
an owner, an operator and an investigator are job nouns, so a title ending in one is named by its
initials or by its own words ("a FWA investigator", "the fraud investigator"); "indie" reads as
independent ("an indie pharmacy owner").

Each test is worded apart from the blind set's questions, and each failed on the engine of the
round's third part (c6adb0b)."""

from __future__ import annotations

from engine_kb import talk, with_pages

FWA = "pharmacy-fraud-waste-and-abuse-investigator"
OWNER = "independent-pharmacy-owner-operator"


def test_an_investigator_is_a_job_noun() -> None:
    e = with_pages("eval197")
    (a,) = talk("what do FWA investigators spend their mornings on", e=e)
    assert (a.intent, a.role, a.section) == ("role", FWA, "day_in_the_life")
    (b,) = talk("do fraud investigators sit in on interviews", e=e)
    assert (b.intent, b.role) == ("role", FWA)


def test_indie_reads_as_independent() -> None:
    (a,) = talk("what does an indie pharmacy owner do besides filling", e=with_pages("eval197"))
    assert (a.intent, a.role) == ("role", OWNER)
