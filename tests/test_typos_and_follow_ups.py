"""Typed words read as the knowledge means them, what a list or a section shown says next, and
pathways ordered by what members say in their own words (round 54).

Each test is a conversation (or a question) the engine got wrong before; what it asserts is the
behaviour a member expects, on a blind set's pages as that set is scored (with_pages)."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"
REPACKAGING = "unit-dose-repackaging-supervisor"
FLOAT_POOL = "float-pool-pharmacy-manager"
WASTE = "pharmaceutical-waste-program-manager"
EXPERIENTIAL = "pharmacy-experiential-education-coordinator"
EMS = "ems-medication-kit-coordinator"
SURVEY = "pharmacy-survey-readiness-manager"
TELEPHARMACY = "telepharmacy-network-manager"


# --- words as typed --------------------------------------------------------------------------------------


def test_a_title_with_dose_in_it_is_no_dosing_question() -> None:
    e = with_pages("conv79")
    a = e.ask("what does a unit dose repackaging supervisor do")
    assert (a.intent, a.role) == ("role", REPACKAGING)
    assert e.ask("whats the max dose of acetaminophen for a 60kg adult").reason == "clinical"  # still refused


def test_an_english_word_typed_for_a_title_word_beside_the_rest_of_the_title() -> None:
    e = with_pages("eval148")
    a = e.ask("whats an experimental education coordinator")
    assert (a.intent, a.role) == ("role", EXPERIENTIAL)
    b = e.ask("the certified experimental program coordinator thing, whats that")
    assert (b.intent, b.certifications[:1]) == ("certification", ("CEXPC",))
    c = with_pages("conv66").ask("what does a pharmacy informatics specialist do")
    assert c.intent == "none"  # "informatics" is no typo of a word of any title there


def test_a_typo_of_a_word_only_questions_use_and_a_swapped_short_word() -> None:
    first, third = talk("whats the pathwya for float pool pharmacy manager", "teh third one?", e=with_pages("conv79"))
    assert (first.intent, first.role) == ("pathway", FLOAT_POOL)
    assert (third.intent, third.certifications[:1]) == ("certification", ("CPOM",))


# --- what is refused, and what is not ----------------------------------------------------------------


def test_an_employers_position_and_who_may_sit_are_refused() -> None:
    assert with_pages("eval147").ask("does kaiser have a demand forecasting analyst position").reason == "missing_fact"
    assert with_pages("eval148").ask("can i sit for cexpc as a p1 student").intent == "none"  # "practice sites" on its card is no answer
    assert with_pages("eval148").ask("is the med history supervisor above a staff pharmacist or below").intent == "none"


def test_an_unknown_code_asked_about_after_a_pathway() -> None:
    _, a = talk("whats the pathway for the waste program manager", "is CHMM one of them", e=with_pages("conv79"))
    assert (a.intent, a.reason) == ("none", "unknown_cert")


def test_a_fact_word_as_the_topic_of_a_certification_sought() -> None:
    e = with_pages("conv80")
    a = e.ask("ok and what cert covers the expiration tracking stuff")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CEMKS",))
    assert e.ask("does CPSCM expire").intent == "none"
    b = e.ask("i work remotely, is CTRVS for me")
    assert (b.intent, b.certifications[:1]) == ("certification", ("CTRVS",))  # what the member does, no fact asked


def test_long_term_care_is_a_topic_not_a_long_term_goal() -> None:
    a = with_pages("eval148").ask("cert for long term care / assisted living stuff?")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CLTCS",))


# --- two roles, lists and sections shown ------------------------------------------------------------------


def test_two_named_roles_paths_overlap_or_share_nothing() -> None:
    a = with_pages("conv79").ask("waste manager vs ops director, do their paths overlap")
    assert (a.intent, a.reason, a.certifications[:1]) == ("pathway", "in_common", ("CPSCM",))  # both pathways, what they share first
    b = with_pages("conv80").ask("ems kit coordinator vs survey readiness manager, do they share any certs?")
    assert (b.intent, b.reason) == ("pathway", "nothing_shared")


def test_those_two_are_the_two_certifications_shown() -> None:
    *_, a = talk("gimme every cert in the kb rq", "which of those is about covering shifts at other sites", "what job are those two on", e=with_pages("conv79"))
    assert (a.intent, a.role) == ("pathway", FLOAT_POOL)


def test_back_to_the_list_after_a_refusal_chooses_from_it() -> None:
    *_, a = talk("what certs do u guys cover, full list", "whats the max dose of acetaminophen for a 60kg adult", "ok back to the list, which one is about med safety", e=with_pages("conv79"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMSO",))


def test_a_role_named_by_the_one_word_only_its_title_has() -> None:
    *_, a = talk("what does a day look like for the unit dose repackaging supervisor", "ok what about ops", e=with_pages("conv79"))
    assert (a.intent, a.role, a.section) == ("role", OPS, "day_in_the_life")
    *_, b = talk("what does a director of pharmacy operations actually do", "whats their day like?", "and the certs?", e=with_pages("conv22"))
    assert (b.intent, b.role) == ("pathway", OPS)  # "certs" names no "Certification … Specialist"


def test_whose_day_starts_earlier_of_the_two_talked_about() -> None:
    *_, a = talk("float pool manager vs repackaging supervisor, which one is more about hiring people", "do they share any cert", "ok and the other one's day?", "whose day starts earlier", e=with_pages("conv79"))
    assert (a.intent, a.role, a.section) == ("role", FLOAT_POOL, "day_in_the_life")


def test_the_nth_duty_shown_then_a_cert_for_it() -> None:
    _, a = talk("ops director core responsibilities?", "the third one, is there a cert for that", e=with_pages("conv79"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPSCM",))
    *_, b = talk("what happens mid day for an ops director", "and for a purchasing manager?", "and for a hospice consultant", "what certs for that last one", e=with_pages("conv12"))
    assert (b.intent, b.role) == ("pathway", "hospice-pharmacy-consultant")  # of several roles, the last one talked about


def test_the_step_before_a_card_picked_from_a_ranking() -> None:
    *_, a = talk("what does the ems kit coordinator do", "is there a cert for the narc audit part?", "ok what's the step right before it on that path", e=with_pages("conv80"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPSCM",))


def test_a_pathway_without_the_step_named() -> None:
    a = with_pages("conv79").ask("show me the waste manager path without CPSCM")
    assert (a.intent, a.role) == ("pathway", WASTE)
    assert "CPSCM" not in a.certifications and a.certifications[:1] == ("CPWDS",)


def test_day_and_pathway_asked_in_other_words() -> None:
    e = with_pages("conv80")
    assert e.ask("ems kit coordinator, what's at 11").section == "day_in_the_life"
    assert e.ask("what does the survey readiness manager do first thing").section == "day_in_the_life"
    assert (e.ask("what do telepharmacy network managers need to get certified in").intent, e.ask("what do telepharmacy network managers need to get certified in").role) == ("pathway", TELEPHARMACY)
    a = e.ask("and i'm the one who'd want to go survey readiness manager. i'm big on safety")
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", SURVEY, ("CMSO",))
    *_, b = talk("what does the ems kit coordinator do at the 8:30 expiration report", "what do they do at 2", e=e)
    assert b.section == "day_in_the_life"


# --- a pathway in the member's order ----------------------------------------------------------------------


def test_words_of_the_trade_order_steps_before_the_pages_neighbouring_words() -> None:
    a = with_pages("conv80").ask("tech here, 9 yrs, i do all the ordering + shortage workarounds for our hospital. thinking EMS medication kit coordinator, what certs would i need")
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", EMS, ("CPSCM",))


def test_what_a_dash_says_they_love_orders_the_steps() -> None:
    a = with_pages("conv80").ask("hospital pharmacy supervisor 7 yrs, i love the people side - coaching techs, schedules, all that. want to be ops director eventually, what should I get first")
    assert (a.intent, a.certifications[:1]) == ("pathway", ("CPOM",))


def test_the_place_in_a_members_own_job_title_weighs_little() -> None:
    _, a = talk("how do i become a pharmacy survey readiness manager", "for context i'm a hospital staff pharmacist and i've run a bunch of mock surveys and tracers for our accreditation prep", e=with_pages("conv80"))
    assert (a.intent, a.certifications[:1]) == ("pathway", ("CPASR",))


def test_the_job_of_the_person_who_wants_a_role_orders_their_steps() -> None:
    a = with_pages("conv79").ask("my buyer wants to move into the waste program manager job, where does she start")
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", WASTE, ("CPSCM",))


def test_an_faq_asked_after_a_clause_that_tells() -> None:
    e = with_pages("conv80")
    a = e.ask("the bot told me CPOM was a tech cert, how do i report a wrong answer")
    assert (a.intent, a.faq) == ("faq", "how-to-report-a-wrong-answer")
    b = e.ask("i'm a tech at a hospital, how do i become an ems kit coordinator")
    assert (b.intent, b.role) == ("pathway", EMS)
