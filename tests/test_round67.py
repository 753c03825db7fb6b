"""Round 67, part 1 (fitted on eval236, which was measured only last round, and on wave 1 and 2
of round 67 after their first runs on f1ae655): words of the pathway cue tailor nothing ("what's
left"); "my strength is …" tells; a fact's words in a clause that only tells ("…, our network is
thinking of hiring one"); a job named by the initials of a page's phrase ("gpo liaison") or by a
word the page writes beside a title's word ("dispatch desk coordinator"); which of two pathways has
fewer (or more) certifications; "the second role's first step", "and the first one's?"; "which of
the two" after a role switch; "those two" with one role named and one talked about; a judgement
asked in one sentence; clinical questions about handling a product; "how do they spend their
shift"; "the destruction one, day?"; "the last shelter" is no ordinal; a refused fact keeps the
one role its words point at; "what does one do"; "rx" read as "prescription".

Each test is worded apart from the blind sets' questions and failed on f1ae655, but the one on
"rx", which guards the vocabulary file (data, not the engine)."""

from __future__ import annotations

from engine_kb import talk, with_pages

from bot.engine import render_text

PLANNER = "crisis-standards-of-care-pharmacy-planner"  # CCPP, CMSO, CSRAS, CHPOP
CYCLE = "pharmacy-cycle-count-supervisor"
CAPTURE = "discharge-prescription-capture-coordinator"
GPO = "rural-hospital-group-purchasing-liaison"
DISPATCH = "central-pharmacy-dispatch-coordinator"
PEN = "insulin-pen-program-coordinator"
ANALYST = "dispensing-error-trend-analyst"
OPS = "director-of-pharmacy-operations"
CLINIC = "clinic-medication-room-supervisor"  # CCMRS, CMSO, CPSCM
SURPLUS = "pharmacy-surplus-redistribution-coordinator"  # CPSRS, CNDIM, CPSCM, CPTLS
LTACH = "long-term-acute-care-hospital-pharmacy-manager"  # CPOM, CEACM, CTCPS, CMSO
SHELTER = "emergency-shelter-pharmacy-coordinator"
DESTRUCTION = "controlled-substance-destruction-supervisor"


def test_the_words_asking_the_way_tailor_nothing() -> None:
    (a,) = talk("already done CCPP and CMSO, whats left toward crisis planner?", e=with_pages("eval236"))
    assert (a.intent, a.role, a.certifications, a.focus) == ("pathway", PLANNER, ("CSRAS", "CHPOP"), None)


def test_my_strength_is_tells_about_the_member() -> None:
    (a,) = talk("My main strength is hospital pharmacy operations. Crisis planner: which certification first?", e=with_pages("eval236"))
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", PLANNER, ("CHPOP",))


def test_a_fact_told_in_a_clause_beside_the_ask_is_not_asked() -> None:
    (a,) = talk("what does a cycle count supervisor do, our hospital is thinking of hiring one", e=with_pages("eval236"))
    assert (a.intent, a.role) == ("role", CYCLE)


def test_rx_reads_as_prescription_too() -> None:
    """(The vocabulary's data, in tests/fixtures/knowledge and knowledge/: this guards it.)"""
    (a,) = talk("discharge rx capture coordinator, overview?", e=with_pages("eval236"))
    assert (a.intent, a.role) == ("role", CAPTURE)


def test_a_job_named_by_the_initials_of_its_pages_phrase() -> None:
    e = with_pages("eval237")
    (a,) = talk("tell me about the gpo liaison job", e=e)
    assert (a.intent, a.role) == ("role", GPO)
    (b,) = talk("can the gpo liaison job be done remotely", e=e)
    assert (b.intent, b.reason) == ("none", "missing_fact")


def test_a_job_named_by_a_word_its_page_writes_beside_the_title() -> None:
    (a,) = talk("what does a dispatch desk coordinator do all day", e=with_pages("conv168"))
    assert (a.intent, a.role, a.section) == ("role", DISPATCH, "day_in_the_life")


def test_how_they_spend_a_shift_is_their_day() -> None:
    (a,) = talk("how do dispatch coordinators spend a shift?", e=with_pages("conv168"))
    assert (a.intent, a.role, a.section) == ("role", DISPATCH, "day_in_the_life")


def test_which_of_two_pathways_has_fewer_or_more_certifications() -> None:
    e = with_pages("conv169")
    (a,) = talk("clinic med room supervisor or ops director: who needs fewer certifications?", e=e)
    assert (a.intent, a.role, a.focus) == ("pathway", CLINIC, None)
    assert "3 certifications" in render_text(a) and "4 certifications" in render_text(a)
    (b,) = talk("I hold CMSO. ops director or clinic med room supervisor, which has more certs left?", e=e)
    assert (b.intent, b.role, b.held) == ("pathway", OPS, ("CMSO",))
    *_, c = talk("tell me about the surplus redistribution coordinator", "and the clinic medication room supervisor?", "which of those two has the shorter path", e=e)
    assert (c.intent, c.role) == ("pathway", CLINIC)


def test_the_nth_roles_first_step_and_the_same_of_the_other() -> None:
    e = with_pages("conv169")
    *_, a, b = talk("weighing the LTACH manager against the clinic med room supervisor. who needs fewer certs?", "ok the 2nd role's first step?", "and the first role's first step?", e=e)
    assert (a.intent, a.certifications) == ("certification", ("CCMRS",))
    assert (b.intent, b.certifications) == ("certification", ("CPOM",))
    *_, c, d = talk("undecided: ops director or surplus redistribution coordinator. overview of the first one?", "and the second?", "the second one's first step?", "and the first one's?", e=e)
    assert (c.certifications, d.certifications) == (("CPSRS",), ("CHPOP",))


def test_and_the_first_ones_after_a_day_is_that_roles_day() -> None:
    *_, a = talk("tell me about the ops director", "and the clinic medication room supervisor?", "their day?", "and the first one's?", e=with_pages("conv169"))
    assert (a.intent, a.role, a.section) == ("role", OPS, "day_in_the_life")


def test_which_of_the_two_after_a_role_switch_weighs_the_roles() -> None:
    *_, a = talk("how do I become a director of pharmacy operations", "why CMSO before CPSCM", "what does the dispensing error trend analyst do?", "which of the two deals more with dashboards and data?", e=with_pages("conv168"))
    assert (a.intent, a.role) == ("role", ANALYST)


def test_those_two_with_one_role_named_and_one_talked_about() -> None:
    *_, a = talk("what does the insulin pen program coordinator do", "she also brought up the director of pharmacy operations. what do those two share certwise?", e=with_pages("conv168"))
    assert a.intent == "certification" and set(a.certifications) == {"CMSO", "CPSCM"}


def test_a_judgement_of_a_job_in_one_sentence_is_refused() -> None:
    (a,) = talk("are ops director jobs basically disappearing these days?", e=with_pages("conv168"))
    assert (a.intent, a.reason) == ("none", "missing_fact")


def test_handling_a_product_is_clinical_even_after_its_role() -> None:
    *_, a, b = talk("what does the insulin pen program coordinator do", "how long is an opened pen fine at room temperature", "which needle length is right for a thin adult", e=with_pages("conv168"))
    assert (a.intent, a.reason) == ("none", "clinical")
    assert (b.intent, b.reason) == ("none", "clinical")


def test_the_described_one_with_a_role_part_or_a_step_is_a_role() -> None:
    e = with_pages("conv167")
    *_, a = talk("what's CMSO", "which roles have it", "the destruction one, responsibilities?", e=e)
    assert (a.intent, a.role, a.section) == ("role", DESTRUCTION, "responsibilities")
    *_, b = talk("what is CPOM", "which jobs is it on", "the inhaler one, whats step 2 there", e=e)
    assert (b.intent, b.certifications) == ("certification", ("CRDSP",))


def test_an_ordinal_before_a_titles_word_picks_nothing() -> None:
    (a,) = talk("does the shelter coordinator really stay till the last shelter shuts?", e=with_pages("conv167"))
    assert a.certifications == () and a.role == SHELTER


def test_a_refused_fact_keeps_the_one_role_its_words_point_at() -> None:
    e = with_pages("conv167")
    *_, a = talk("would i need a pharmd for the shelter job?", "ok and the 1st cert on it?", e=e)
    assert (a.intent, a.certifications) == ("certification", ("CEMSP",))
    *_, b = talk("any shelter pharmacy coordinator openings in ohio?", "what does one do, though", e=e)
    assert (b.intent, b.role) == ("role", SHELTER)
