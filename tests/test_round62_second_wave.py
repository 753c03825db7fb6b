"""Round 62, second part (fitted on eval193, eval194, conv122 and conv123 after their first runs):
a word some role's page keeps writing, right before a job noun, names the job, not a patient
("the allergy shot compounding lead"); a claim told and asked "is that true?" is checked against
the pages; a fact asked of a title written out ("does the X work weekends") is asked however long
the story before it; whether a certification
carries over to another state; a name commoner in English beside another name ("Sam (tech) wants
…, Ivy wants …"); "start with Sam - what's that job about?" asks of Sam's role; "what should
Ivy get first" while Ivy's role is talked about asks her pathway.

Each test is worded apart from the blind sets' questions, and each failed on the engine of the
round's first part (b7c7843)."""

from __future__ import annotations

from engine_kb import talk, with_pages

ALLERGEN = "allergen-extract-compounding-supervisor"
DENTAL = "dental-clinic-pharmacy-manager"
LDD = "limited-distribution-drug-network-coordinator"
WELLBEING = "pharmacy-staff-wellbeing-and-retention-lead"


def test_a_pages_subject_before_a_job_noun_names_the_job() -> None:
    e = with_pages("eval193")
    for q in ("the allergy injection compounding lead - what are they responsible for", "what does an allergy vial supervisor do all day"):
        (a,) = talk(q, e=e)
        assert (a.intent, a.role) == ("role", ALLERGEN), q


def test_a_claim_told_and_asked_is_checked_against_the_pages() -> None:
    e = with_pages("eval194")
    for q in (
        "A friend swears the dental clinic pharmacy manager pays much more than the imaging coordinator. Is that true?",
        "My old preceptor says the imaging coordinator job is a stepping stone to ops director. Is that true?",
    ):
        (a,) = talk(q, e=e)
        assert (a.intent, a.reason) == ("none", "missing_fact"), q


def test_a_fact_asked_of_a_title_written_out_after_a_story() -> None:
    (a,) = talk("My wife and I agreed weekends stay free, so I'm choosy about my next job. Does the dental clinic pharmacy manager work weekends?", e=with_pages("eval194"))
    assert (a.intent, a.reason) == ("none", "missing_fact")


def test_the_way_to_a_dental_hygienist_is_no_page() -> None:
    (a,) = talk("ten years a pharmacist and I want something hands-on. how would I become a dental hygienist?", e=with_pages("eval194"))
    assert (a.intent, a.reason) == ("none", "unknown_role")


def test_whether_a_certification_carries_over_to_another_state() -> None:
    (a,) = talk("would my CCMS transfer if we move to a different state", e=with_pages("eval193"))
    assert (a.intent, a.reason) == ("none", "missing_fact")


def test_a_commoner_name_beside_another_and_start_with_them() -> None:
    e = with_pages("conv122")
    a, b, c = talk(
        "Sam (lead tech, 8 yrs) wants the limited distribution coordinator job, Ivy wants the retention lead role. start with Sam - what's that job about?",
        "and Ivy's role?",
        "what should Ivy get first",
        e=e,
    )
    assert (a.intent, a.role) == ("role", LDD)
    assert b.role == WELLBEING
    assert (c.intent, c.role) == ("pathway", WELLBEING)
