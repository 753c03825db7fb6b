"""Round 66, part 4 (fitted on eval235 and conv164 after their first runs, which were measured on
5e646a9): "a typical saturday" is the day; "is that one of the council's?" asks what a named
certification is; a clinical word ending a hyphenated modifier ("stepped-dose protocols") is a
certification's topic; "what else does she do" asks the duties; overtime, "a good hospital to do
that at" and the worst insurers are facts no page gives.

Each test is worded apart from the blind sets' questions and failed on 5e646a9."""

from __future__ import annotations

from engine_kb import talk, with_pages

WEEKEND = "weekend-pharmacy-operations-coordinator"
COUNTERFEIT = "counterfeit-medication-detection-specialist"


def test_a_weekday_asked_as_the_day() -> None:
    e = with_pages("eval235")
    (a,) = talk("how does a typical sunday go for the weekend pharmacy operations coordinator", e=e)
    assert (a.intent, a.role, a.section) == ("role", WEEKEND, "day_in_the_life")


def test_one_of_the_councils_asks_what_it_is() -> None:
    e = with_pages("eval235")
    (a,) = talk("the Certified Medication Safety Officer, is that one of the councils?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMSO",))


def test_a_clinical_word_in_a_hyphenated_topic() -> None:
    e = with_pages("eval235")
    (a,) = talk("which certification covers graded-dose challenge protocols?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CDPS",))
    (b,) = talk("which certification covers the dose for my patient on vancomycin", e=e)  # near-miss guard: a dose asked
    assert (b.intent, b.reason) == ("none", "clinical")


def test_what_else_they_do_asks_the_duties() -> None:
    e = with_pages("conv164")
    _, b = talk("who checks lot numbers and packaging on deliveries for fakes", "what else does she do", e=e)
    assert (b.intent, b.role, b.section) == ("role", COUNTERFEIT, "responsibilities")


def test_overtime_hospitals_and_insurers_are_facts_no_page_gives() -> None:
    e = with_pages("conv164")
    for q in ("does the counterfeit medication detection specialist get overtime", "what's a good hospital to do the cystic fibrosis coordinator job at", "which insurers are the hardest for cystic fibrosis drug approvals"):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q


def test_another_form_of_the_members_word_orders_the_steps() -> None:
    """Round 66, after the figures (fitted on conv161, found while reviewing): "investigations" and the
    Breach Response Investigator step's name are forms of one word, which the stemmer keeps apart."""
    e = with_pages("conv161")
    (a,) = talk("pharmacy privacy officer path. i live for investigations, which first?", e=e)
    assert (a.intent, a.certifications[:1]) == ("pathway", ("CBRIN",))
    (b,) = talk("pharmacy privacy officer path, which first", e=e)  # near-miss guard: nothing said, the page's order
    assert b.certifications[:1] == ("CPDPS",)
