"""Round 65, part 3 (fitted on eval224, eval225, conv153 and conv154 after their first runs, which
were measured on af495e4): when it happened ("… earlier") tells no FAQ entry apart; "between the X
and the Y, which role …" weighs them; pasted duties before "which of your roles is this?" ask no
clinical question; a state board's requirement is the law, which no page gives; "the official
code"; "how should her certification plan be ordered"; the member's own job is no rival title;
rosters written "tariq - wants ops director, loves inventory", each person's way; "do their paths
overlap" is both pathways, "do they share any cert" the card; a title word clipped on its own page
("rehab"), and "what does the rehab pharmacy coordinator do".

Each test is worded apart from the blind sets' questions and failed on af495e4."""

from __future__ import annotations

from engine_kb import talk, with_pages

ANTIVENOM = "antivenom-program-pharmacy-coordinator"  # CAVSC, CPSCM, CTXLN, CMSO
REFUGEE = "refugee-health-clinic-pharmacy-coordinator"  # CRHMC, CCMCP, CBNAV, CPOM
REHAB = "inpatient-rehabilitation-pharmacy-coordinator"  # CRPP, CFRMS, CMSO
HYPERBARIC = "hyperbaric-medicine-pharmacy-coordinator"  # CHBMS, CMSO, CPSCM, CCSTE
CROSS = "pharmacy-cross-training-coordinator"  # CPCTE, CPOM, CSKVA, CHPOP
IV_CONC = "iv-standard-concentration-program-manager"  # CHPOP first for an operations background


def test_when_it_happened_tells_no_faq_entry_apart() -> None:
    e = with_pages("eval224")
    (a,) = talk("the bot told me something wrong earlier today, how do i flag that", e=e)
    assert (a.intent, a.faq) == ("faq", "how-to-report-a-wrong-answer")


def test_between_two_named_roles_which_one() -> None:
    e = with_pages("eval225")
    (a,) = talk("Between the ops director and the antivenom coordinator, which role works more with the poison center?", e=e)
    assert (a.intent, a.role) == ("role", ANTIVENOM)


def test_pasted_duties_ask_no_clinical_question() -> None:
    e = with_pages("eval225")
    (a,) = talk("From our draft posting: 'set how many vials each site stocks; log lots and expiry dates; arrange courier transfers.' Which of your roles matches this?", e=e)
    assert (a.intent, a.role) == ("role", ANTIVENOM)


def test_facts_of_law_and_the_code_and_the_order() -> None:
    e = with_pages("eval225")
    (a,) = talk("does the board of pharmacy require CAVSC for anyone stocking antivenom?", e=e)
    assert a.intent == "none"
    (b,) = talk("the antivenom stock cert, what is the actual code for it", e=e)
    assert (b.intent, b.certifications[:1]) == ("certification", ("CAVSC",))
    (c,) = talk("Our new refugee clinic coordinator has years of medication reconciliation behind her. How should her certification plan be ordered?", e=e)
    assert (c.intent, c.role) == ("pathway", REFUGEE)


def test_the_members_own_job_is_no_rival_title() -> None:
    e = with_pages("eval222")
    (a,) = talk("i work in hospital pharmacy operations on the dispensing side, want the iv concentration manager job, which certs and in what order", e=e)
    assert (a.intent, a.role) == ("pathway", IV_CONC)


def test_a_roster_written_with_dashes() -> None:
    e = with_pages("conv154")
    a, b, c = talk("mentoring two: ravi - wants hyperbaric coordinator, really into safety. noor - cross training coordinator, great at assessing people. do ravi first", "now noor", "what's noor's 2nd step", e=e)
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", HYPERBARIC, ("CMSO",))
    assert (b.intent, b.role, b.certifications[:1]) == ("pathway", CROSS, ("CSKVA",))
    assert (c.intent, c.certifications[:1]) == ("certification", ("CPCTE",))


def test_paths_overlapping_or_sharing_a_cert() -> None:
    e = with_pages("conv154")
    told = "mentoring two: ravi wants the hyperbaric coordinator job, noor wants the anesthesia controlled substance reconciliation pharmacist job. ravi first"
    _, b = talk(told, "do ravi and noor's paths overlap?", e=e)
    assert (b.intent, b.stage, b.certifications[:1]) == ("pathway", "shared_certs", ("CMSO",))
    _, d = talk(told, "do ravi and noor share any cert?", e=e)
    assert (d.intent, d.stage, d.certifications[:1]) == ("certification", "shared_certs", ("CMSO",))


def test_a_title_word_clipped_on_its_own_page() -> None:
    e = with_pages("conv153")
    (a,) = talk("what's the rehab pharmacy coordinator's certification path", e=e)
    assert (a.intent, a.role) == ("pathway", REHAB)
    (b,) = talk("what does a rehab pharmacy coordinator do", e=e)
    assert (b.intent, b.role) == ("role", REHAB)
