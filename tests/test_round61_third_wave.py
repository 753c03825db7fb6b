"""Round 61, third part: "X next" asks the last question again of X; "who hires <managers>" asks
for employers, which no page names ("who hires the techs for …" stays a duty); a dose held or a
trough asked about is clinical; a code variant pointed at ("Is that an advanced version?"); a
job offer, a career move or a decision judged; what a named certification is, asked last after
a story; shifts and unions; "why that for <role>"; "which paths include it"; "first cert" for
a person named is where they start.

Each test is worded apart from the blind sets' questions, and each (but the near-miss guards,
marked) failed on the engine of the round's second part (6719e76)."""

from __future__ import annotations

from engine_kb import talk, with_pages

INVENTORY = "pharmacy-inventory-control-lead-technician"
ASC = "ambulatory-surgery-center-pharmacy-coordinator"
LEAN = "pharmacy-lean-workflow-specialist"
STANDARDIZATION = "pharmacy-enterprise-standardization-lead"
LOCKER_LEAD = "prescription-pickup-locker-program-lead"
LEAN_COORDINATOR = "pharmacy-lean-process-improvement-coordinator"


def test_a_role_then_next_asks_the_last_question_of_it() -> None:
    e = with_pages("conv113")
    a, b = talk("how do I become the inventory control lead tech", "the lean workflow specialist next", e=e)
    assert (a.intent, a.role) == ("pathway", INVENTORY)
    assert (b.intent, b.role) == ("pathway", LEAN)
    _, c = talk("how do I become the inventory control lead tech", "what's next", e=e)  # near-miss guard: no role named
    assert (c.intent, c.role) == ("pathway", INVENTORY)


def test_who_hires_a_kind_of_manager_asks_for_employers() -> None:
    e = with_pages("conv116")
    (a,) = talk("who hires medication history technician supervisors", e=e)
    assert (a.intent, a.reason) == ("none", "missing_fact")
    (b,) = talk("who hires and trains the med history techs", e=e)  # near-miss guard: a duty
    assert b.intent == "role"


def test_a_dose_held_or_a_level_asked_about_is_clinical() -> None:
    e = with_pages("eval188")
    for q in (
        "covering nights alone again. our patient's trough came back high and the resident wants to hold one dose. what would you do for the next dose? sorry, not a career question",
    ):
        (a,) = talk(q, e=e)
        assert (a.intent, a.reason) == ("none", "clinical"), q


def test_a_variant_of_a_code_pointed_at_is_not_that_code() -> None:
    (a,) = talk("A coworker's signature says 'CESP-III'. Is that a higher level of the standardization cert? What does it take?", e=with_pages("eval188"))
    assert (a.intent, a.reason) == ("none", "unknown_cert")


def test_a_job_offer_a_career_move_or_a_decision_judged_is_refused() -> None:
    e = with_pages("eval188")
    for q in (
        "I have two offers: stay where I am as a supervisor or take the enterprise standardization lead job downtown. The commute is brutal. Which one should I take?",
        "Is the enterprise standardization lead a smart career move right now, or will AI take over most of that work?",
        "Our CFO wants to swap our buyer for a high-cost drug stewardship manager. Is that a wise decision for a small hospital?",
    ):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q
    (b,) = talk("Which certs should I take to become the enterprise standardization lead?", e=e)  # near-miss guard
    assert (b.intent, b.role) == ("pathway", STANDARDIZATION)


def test_what_a_named_certification_is_asked_last_after_a_story() -> None:
    (a,) = talk("Our director put CPOM on the required list for the retention and wellbeing manager posting, which surprised me. I thought it was an ops cert. What does CPOM actually demonstrate?", e=with_pages("eval188"))
    assert a.intent == "certification" and a.certifications[:1] == ("CPOM",)


def test_shifts_and_unions_are_facts_no_page_gives() -> None:
    e = with_pages("conv117")
    for q in ("does the receiving supervisor job come with overnight shifts", "is the locker lead job union at most hospitals"):
        (a,) = talk(q, e=e)
        assert (a.intent, a.reason) == ("none", "missing_fact"), q


def test_why_that_for_a_role_is_why_the_certification_just_shown() -> None:
    _, _, c = talk("outdate control lead certs?", "the third one?", "why that for the outdate lead", e=with_pages("conv118"))
    assert c.intent == "certification" and c.certifications[:1] == ("CPOM",)


def test_which_paths_include_it_after_a_card() -> None:
    _, b = talk("what's CPAX", "which paths include it", e=with_pages("conv117"))
    assert b.intent in ("certification", "pathway") and "CPAX" in b.certifications


def test_first_cert_for_a_person_named_is_where_they_start() -> None:
    e = with_pages("conv117")
    _, b = talk("three mentees: Sam wants receiving, Lee wants lean, Ana wants lockers. start with Sam, what's his path to receiving supervisor", "Lee: first cert for the lean process improvement coordinator?", e=e)
    assert (b.intent, b.role) == ("pathway", LEAN_COORDINATOR)
    (c,) = talk("what's the first cert on the locker lead path", e=e)  # near-miss guard: no one named, one step
    assert c.intent == "certification"
