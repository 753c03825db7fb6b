"""Round 67, part 5 (fitted on eval246 and conv175 after their first runs on d13a0ff): "i want work
as X, which certificate i need" asks X's way; "she's all about …" tells of the person spoken for;
"the tamper guy" names the one title with that word though other titles share a generic word of
the message; perks and a season pass, which resorts hire; "why'd you put that first".

Each test is worded apart from the blind sets' questions and failed on d13a0ff."""

from __future__ import annotations

from engine_kb import talk, with_pages

TAMPER = "medication-tamper-investigation-specialist"


def test_want_work_as_asks_the_way() -> None:
    (a,) = talk("i want work as medication tamper investigation specialist, which certificate i need?", e=with_pages("eval246"))
    assert (a.intent, a.role) == ("pathway", TAMPER)


def test_all_about_tells_of_the_person_spoken_for() -> None:
    (a,) = talk("my pgy1 wants to do tamper investigation but she's all about hospital pharmacy operations. which cert first for her", e=with_pages("eval246"))
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", TAMPER, ("CHPOP",))


def test_the_x_guy_with_a_generic_word_of_another_title_elsewhere() -> None:
    (a,) = talk("the tamper guy - is he part of security or pharmacy", e=with_pages("eval246"))
    assert (a.intent, a.role) == ("role", TAMPER)


def test_perks_and_who_hires_are_facts_no_page_gives() -> None:
    e = with_pages("eval246")
    for q in ("do ski clinic coordinators get any perks like a season pass", "which resorts in utah actually hire pharmacy coordinators"):
        (a,) = talk(q, e=e)
        assert (a.intent, a.reason) == ("none", "missing_fact"), q


def test_why_did_you_put_that_first() -> None:
    *_, a = talk("I'm the go-to person for drug shortages. long term I want ops director. what order for certs", "why'd you put that first", e=with_pages("conv175"))
    assert (a.intent, a.certifications) == ("certification", ("CPSCM",))
