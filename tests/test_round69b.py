"""Round 69, part 2 (fitted on wave 2, eval254-255 and conv191-193, after their first runs on
82f6782, and on what wave 1 still missed): the third of three roles named after two of them were
compared; "2nd step details" after a role's page; "back to …" steers; "<title> steps?"; a title
shortened after another job's noun ("depot pharmacist, park coordinator"); "X in short?"; "what
does X lead to"; who holds a post or is famous, a computer-based exam, "the most money": facts no
page gives.

Each test is worded apart from the blind sets' questions and failed on 82f6782."""

from __future__ import annotations

from engine_kb import talk, with_pages

AUDITOR = "multi-site-controlled-substance-field-auditor"
TRAINER = "group-home-medication-aide-trainer"
DESK = "refill-authorization-desk-lead"
FORMULARY = "formulary-harmonization-analyst"  # CFIA, CPDSP, CPSCM
CAREGIVER = "caregiver-medication-training-coordinator"  # CCMTS, CHLPE, CMSO, CTOCP
OPS = "director-of-pharmacy-operations"
PARK = "theme-park-first-aid-pharmacy-coordinator"
DEPOT = "clinical-trial-supply-depot-pharmacist"


def test_the_third_of_three_named_after_two_were_compared() -> None:
    e = with_pages("conv187")
    *_, third, first = talk("aide trainer, field auditor and desk lead: do the first two share any certification?", "the third one's day?", "and the first one's duties", e=e)
    assert (third.intent, third.role, third.section) == ("role", DESK, "day_in_the_life")
    assert (first.intent, first.role, first.section) == ("role", TRAINER, "responsibilities")


def test_a_step_by_its_ordinal_opening_a_message_after_a_roles_page() -> None:
    e = with_pages("conv191")
    _, second, third = talk("tell me about the formulary harmonization analyst", "3rd step info", "2nd", e=e)
    assert (second.intent, second.certifications) == ("certification", ("CPSCM",))
    assert (third.intent, third.certifications) == ("certification", ("CPDSP",))


def test_back_to_a_certification_steers_and_asks_for_its_card() -> None:
    e = with_pages("conv191")
    (a,) = talk("ok back to CFIA please", e=e)
    assert (a.intent, a.certifications) == ("certification", ("CFIA",))


def test_a_title_and_steps_is_its_pathway() -> None:
    e = with_pages("conv191")
    (a,) = talk("caregiver medication training coordinator steps?", e=e)
    assert (a.intent, a.role) == ("pathway", CAREGIVER)


def test_a_shortened_title_after_another_jobs_noun_is_named() -> None:
    e = with_pages("conv193")
    first, third = talk("depot pharmacist, park coordinator or ops director: whose day starts earliest?", "tell me about the second one", e=e)
    assert (first.intent, first.role, first.section) == ("role", DEPOT, "day_in_the_life")
    assert (third.intent, third.role) == ("role", PARK)


def test_in_short_and_what_it_leads_to_are_the_card() -> None:
    e = with_pages("conv191")
    (a,) = talk("CHLPE in short", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CHLPE",))
    (b,) = talk("where does CVCP lead to", e=e)
    assert (b.intent, b.certifications[:1]) == ("certification", ("CVCP",))


def test_people_in_posts_a_computer_based_exam_and_the_most_money_are_refused() -> None:
    e = with_pages("conv193")
    for q in ("who is the council's president these days", "who's the best known theme park pharmacist", "is the CITSP exam computer based?", "which of them makes the most money"):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q
