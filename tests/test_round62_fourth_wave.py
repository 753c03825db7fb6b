"""Round 62, fourth part (fitted on eval197 after its first run, which was measured on part 3):
an owner, an operator and an investigator are job nouns, so a title ending in one is named by its
initials or by its own words ("a FWA investigator", "the fraud investigator"); "indie" reads as
independent ("an indie pharmacy owner"). A fifth part (fitted on conv123, marked in the tests'
own docstrings): "through" says nothing a pathway is tailored to; a topic referred to ("… for
that") keeps the word it is asked with.

Each test is worded apart from the blind sets' questions, and each failed on the engine its part
started from (c6adb0b for part 4, 49b9628 for part 5, 0b44349 for part 6)."""

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


STANDARDIZATION = "pharmacy-enterprise-standardization-manager"


def test_through_says_nothing_a_pathway_is_tailored_to() -> None:
    """Round 62, part 5: "go through" orders no step first (the pathway stays in its page's order,
    so "the 2nd one?" is the page's second)."""
    a, b = talk("which certs does the standardization manager path go through", "2nd one?", e=with_pages("conv123"))
    assert (a.intent, a.role) == ("pathway", STANDARDIZATION) and not a.focus
    assert b.certifications == (a.certifications[1],) == ("CPOM",)


def test_a_topic_referred_to_keeps_the_word_it_is_asked_with() -> None:
    """Round 62, part 5: "what certs would I need for that" after a role: the pathway for it."""
    a, b = talk("what does the pharmacy expiry and outdate control lead do", "certs for that?", e=with_pages("conv118"))
    assert a.intent == "role"
    assert (b.intent, b.role) == ("pathway", a.role)


def test_different_alone_compares_nothing() -> None:
    """Round 62, part 6: "all the different policies" is no comparison, so what follows is asked
    of the role found ("what certs would I need for that": its pathway)."""
    e = with_pages("conv123")
    a, b = talk("who pulls all the different site formularies into one list", "which certs would I need for that", e=e)
    assert (a.intent, a.role) == ("role", STANDARDIZATION)
    assert (b.intent, b.role) == ("pathway", STANDARDIZATION)
    (c,) = talk("how is CPOM different from CMSO", e=e)  # near-miss guard: a comparison
    assert c.intent == "certification" and set(c.certifications[:2]) == {"CPOM", "CMSO"}
