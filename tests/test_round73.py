"""Round 73, part 1 (fitted on the eleven sets of waves 1 and 2 after their first runs on 5feec02):
several people told of in one message (a goal said after what they love, "both want to keep going
on the X path", "both got CODE", a roster of short names, "Mo wants …", a commoner name after
others were spoken for); "Lu's second step?"; "crush <drug>" is clinical; an apology for one's
English asks nothing; "complete name", "what means", "CODE what is"; "day in that job", "the work
… in one day"; the exam's language; "which path is more short"; "L&D" for a title's "Labor and
Delivery"; "a pros and cons list"; "which exam is longer"; an upper-case page
title is cased like a title.

Each test is worded apart from the blind sets' questions and failed on 5feec02."""

from __future__ import annotations

from engine_kb import talk, with_pages

from bot.knowledge.page import parse_page

OPS = "director-of-pharmacy-operations"
KAIZEN = "pharmacy-kaizen-event-facilitator"  # CRIEL, CPMDA, CPOM
SWITCH = "pharmacy-manufacturer-switch-coordinator"  # CPIBS, CPSCM, CDPCS, CMSO
WINDOW = "pharmacy-counseling-window-supervisor"
NONSTERILE = "nonsterile-compounding-supervisor"
EMS = "ems-medication-supply-coordinator"
HOSPICE = "hospice-and-palliative-pharmacy-services-manager"


def test_a_goal_said_after_what_a_person_loves_is_their_goal() -> None:
    e = with_pages("conv230")
    answers = talk("Tomas is a numbers nerd, he's hoping to get into kaizen facilitation. Iris holds CPOM and wants ops director. Tomas first", "and Iris", e=e)
    assert [(a.intent, a.role) for a in answers] == [("pathway", KAIZEN), ("pathway", OPS)]
    assert answers[0].certifications[0] == "CPMDA"  # what he loves orders his steps, not his goal's words


def test_two_told_to_keep_going_on_one_path_and_to_hold_a_code() -> None:
    e = with_pages("conv230")
    first, second = talk("Wes and Luna both passed CRIEL, and both want to keep going on the kaizen path. Wes is into leading teams, Luna is all about data. Wes first", "now Luna", e=e)
    assert (first.intent, first.role, first.certifications[0]) == ("pathway", KAIZEN, "CPOM")
    assert (second.intent, second.role, second.certifications[0]) == ("pathway", KAIZEN, "CPMDA")
    assert "CRIEL" not in first.certifications + second.certifications


def test_a_roster_of_short_names_and_a_name_that_is_a_word() -> None:
    e = with_pages("conv230")
    answers = talk("quick roster. Al: inventory. Flo: safety. Ty: leading teams. Di: hospital ops overall. all of them are after the ops director job. Ty first", "and Di", e=e)
    assert [(a.intent, a.role) for a in answers] == [("pathway", OPS), ("pathway", OPS)]
    assert [a.certifications[0] for a in answers] == ["CPOM", "CHPOP"]


def test_a_short_name_where_a_person_is_spoken_of() -> None:
    e = with_pages("conv230")
    (a,) = talk("Bo wants the counseling window supervisor job, Gwen wants the kaizen facilitator one, do Bo first", e=e)
    assert (a.intent, a.role) == ("pathway", WINDOW)


def test_a_commoner_name_after_another_person_was_spoken_for() -> None:
    e = with_pages("conv126")
    *_, back, a = talk("Ana wants the nonsterile compounding supervisor job, what's her path", "Sam is a buyer who wants the EMS supply coordinator role, his path?", "back to Ana, she holds CNCP", "and Sam's day?", e=e)
    assert (back.intent, back.role) == ("pathway", NONSTERILE)
    assert (a.intent, a.role, a.section) == ("role", EMS, "day_in_the_life")


def test_a_persons_numbered_step_asks_nothing_of_the_person() -> None:
    e = with_pages("conv230")
    *_, a = talk("Lu wants the manufacturer switch coordinator job, she's big on inventory. where does she start", "Lu's third step?", e=e)
    assert a.intent == "certification" and a.certifications[0] in {"CPSCM", "CDPCS", "CPIBS"}


def test_a_drug_crushed_or_split_is_clinical() -> None:
    e = with_pages("conv230")
    for q in ("ok so can I crush sertraline for the resident who chokes on tablets at the counseling window", "is it fine to split metoprolol for a patient of the kaizen team"):
        (a,) = talk(q, e=e)
        assert (a.intent, a.reason) == ("none", "clinical"), q


def test_an_apology_for_ones_english_asks_nothing() -> None:
    (a,) = talk("cmso what is, sorry my english not so good")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMSO",))


def test_a_complete_name_and_what_the_letters_mean() -> None:
    for q in ("give me the complete name of CPSCM for my CV", "what means the S and the O in CMSO"):
        (a,) = talk(q)
        assert a.intent == "certification" and a.certifications[0] in {"CPSCM", "CMSO"}, q


def test_the_day_in_that_job_and_the_work_in_one_day() -> None:
    e = with_pages("conv230")
    for q in ("the kaizen facilitator, what is the work like in one day", "my friend's day in the kaizen facilitator job, what would it be"):
        (a,) = talk(q, e=e)
        assert (a.intent, a.role, a.section) == ("role", KAIZEN, "day_in_the_life"), q


def test_the_exams_language_is_no_fact_of_the_card() -> None:
    for q in ("can i sit the CPOM exam in spanish", "is the CMSO test available in arabic"):
        (a,) = talk(q)
        assert (a.intent, a.reason) == ("none", "missing_fact"), q


def test_a_path_more_short_is_the_shorter_one() -> None:
    e = with_pages("conv230")
    (a,) = talk("whose path is more short, kaizen facilitator or ops director", e=e)
    assert (a.intent, a.role) == ("pathway", KAIZEN)


def test_initials_of_two_words_joined_by_and_in_a_title() -> None:
    e = with_pages("conv102")
    (a,) = talk("whats the H&P manager up to all day", e=e)
    assert (a.intent, a.role, a.section) == ("role", HOSPICE, "day_in_the_life")


def test_a_pros_and_cons_list_and_the_longer_exam_are_refused() -> None:
    e = with_pages("conv230")
    for q in ("make a pros n cons table for kaizen facilitator vs ops director", "which test is longer, CRIEL or CPMDA"):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q


def test_an_upper_case_title_is_cased_like_a_title_keeping_its_acronyms() -> None:
    page = parse_page(
        "ICU AND NICU PHARMACY STOCK LEAD\n\nThe stock lead keeps the ICU and NICU cabinets full.\n\n"
        "Key Responsibilities\n- Par Levels: Set par levels for each ICU cabinet.\n\n"
        "Your Certification Pathway\nCPSCM\nCertified Pharmacy Supply Chain Manager\nSupply chain basics.\n\n"
        "A Day in the Life\n7:00 AM – Cabinet Check. You walk the units.\n"
    )
    assert page.title == "ICU and NICU Pharmacy Stock Lead"
