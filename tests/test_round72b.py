"""Round 72, part 2 (fitted on wave 2, eval272-273 and conv225-227, after their first runs on
f87d135, and on what wave 1 still missed): a message that names one thing, takes it back and names
another; three named roles kept through an answer about two of them ("the middle one", "the first
one" after "the last two"); "freight planner" (two title words ending in its
job noun) among three named; "lin wants …" (a lower-case name whose stem is a knowledge word);
"and marcus's first step?" ordered by what he was told to love; "Jamal has CMSO"; "day?" with
nothing before, then "the ops director's"; "next", "more", "its code?" after a card; "and after?";
"what time do they get going"; "actually nvm, any about X"; actions the bot cannot take, HR and
pay questions, "easier to pass"; a day entry at "First Light".

Each test is worded apart from the blind sets' questions and failed on f87d135."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"
SNOWBIRD = "snowbird-prescription-continuity-coordinator"  # CPTCS, CIPBC, CPSCM
CLOSEOUT = "clinical-trial-closeout-pharmacist"  # CIDAS, CSCLP, CSARP, CHPOP
PARAMEDIC = "community-paramedicine-pharmacy-liaison"  # CMIHP, CHVMR, CPMKM, CMSO
WAIT = "pharmacy-wait-time-improvement-lead"  # CQFD, CFCSC, CLPIM, CPOM
SHIP = "hospital-ship-pharmacy-officer"  # CMDLP, CHPOP, CAFPO, CPOM


def test_a_name_taken_back_in_the_same_message() -> None:
    e = with_pages("conv223")
    (a,) = talk("the video review one. no wait, the snowbird one. its day please", e=e)
    assert (a.role, a.section) == (SNOWBIRD, "day_in_the_life")


def test_three_named_kept_through_an_answer_about_two() -> None:
    e = with_pages("conv225")
    *_, a = talk("on the shortlist: ops director, clinical trial closeout pharmacist, evening pharmacy shift supervisor. who starts earliest?", "what do the first two have in common?", "ok and the middle one's duties", e=e)
    assert (a.role, a.section) == (CLOSEOUT, "responsibilities")
    *_, b = talk("comparing three: ops director, freight planner, trial closeout pharmacist. do the last two share anything?", "the first one's overview please", e=e)
    assert (b.role, b.section) == (OPS, "overview")


def test_a_lower_case_name_whose_stem_is_a_knowledge_word() -> None:
    e = with_pages("conv227")
    (a,) = talk("two mentees: noor wants the paramedicine liaison job, lin wants the wait time job and loves coaching people. start with lin", e=e)
    assert (a.intent, a.role) == ("pathway", WAIT)


def test_a_persons_first_step_is_ordered_by_what_they_love() -> None:
    e = with_pages("conv227")
    *_, a = talk("ravi wants the paramedicine liaison role and lives for keeping kits stocked, tess wants ops director. start with tess", "and ravi's first step?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", PARAMEDIC, "CPMKM")


def test_a_named_person_has_a_certification() -> None:
    e = with_pages("conv227")
    (a,) = talk("Priya has CMIHP and wants the paramedicine liaison role. what's left for her?", e=e)
    assert (a.intent, a.role) == ("pathway", PARAMEDIC) and "CMIHP" not in a.certifications


def test_a_part_asked_alone_is_finished_by_the_next_message() -> None:
    e = with_pages("conv226")
    *_, a = talk("hello!", "duties?", "the ship officer's", e=e)
    assert (a.role, a.section) == (SHIP, "responsibilities")


def test_next_more_and_its_code_after_a_card() -> None:
    e = with_pages("conv226")
    *_, a = talk("what does CMDLP cover", "next", "next", e=e)
    assert a.certifications[:1] == ("CAFPO",)
    *_, b = talk("what does the austere field pharmacy officer certification cover", "its code?", e=e)
    assert (b.intent, b.certifications[:1]) == ("certification", ("CAFPO",))
    *_, c = talk("tell me about CEPRK", "more", e=e)
    assert (c.intent, c.certifications[:1]) == ("certification", ("CEPRK",))


def test_and_after_along_a_pathway_with_one_held() -> None:
    e = with_pages("conv226")
    *_, a = talk("path to tax-free alcohol permit coordinator?", "already hold CEPRK, what's next", "and after?", e=e)
    assert "CPRAS" in (a.certifications[:1] + ((a.focus,) if a.focus else ()))


def test_what_time_they_get_going_is_their_day() -> None:
    e = with_pages("conv223")
    *_, a = talk("what does the snowbird coordinator do", "what time do they get started", e=e)
    assert (a.role, a.section) == (SNOWBIRD, "day_in_the_life")


def test_actually_nvm_any_about_after_a_list() -> None:
    e = with_pages("conv223")
    *_, a = talk("show me every certification", "any about counting?", "actually nvm, any about safety", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMSO",))


def test_actions_hr_and_pay_questions_are_refused() -> None:
    e = with_pages("conv227")
    for q in (
        "could you help me draft Ravi's performance improvement plan",
        "can you let my manager know Tess passed CPOM",
        "can you remind her by email when the exam window opens",
        "does HR let techs study on the clock for these",
        "does she need to finish residency before she can go for CHPOP",
        "do you know if Tess already passed CPOM? she's in your system right",
        "which of their paths is harder to pass",
        "should her next raise depend on finishing CPOM",
        "what's the overtime policy for wait time leads",
        "what's a good interview question for a wait time lead candidate",
    ):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q


def test_clearance_fte_and_pays_the_most_are_refused() -> None:
    e = with_pages("conv225")
    for q in ("does the closeout pharmacist job need a security clearance", "what FTE count does an evening shift like that need", "which of these jobs pays the most"):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q


_PAGE = """Pharmacy Night Fill Lead
Keeps the overnight fill on time.

Overview
The night fill lead runs the overnight cart fill and the cabinet restock before the day team arrives.
They work with the evening pharmacist and the buyer so nothing is missing at dawn.

Key Responsibilities
- Cart Fill: Checking every cart against the profile before it leaves.
- Cabinet Restock: Refilling the cabinets from the overnight report.

Certification Pathway
1. CPSCM - Certified Pharmacy Supply Chain Manager: the supply side of the night.
2. CNFLX - Certified Night Fill Lead Expert: the lead's own credential.

A Day in the Life
First Light: Cart Check
You walk every cart before the nurses' shift change.

Mid-Morning: Handover
You hand the report to the day buyer.
"""


def test_a_day_entry_at_first_light() -> None:
    from bot.knowledge.page import parse_page

    page = parse_page(_PAGE)
    assert [(t, title) for t, title, _ in page.day] == [("First Light", "Cart Check"), ("Mid-Morning", "Handover")]
