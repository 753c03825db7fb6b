"""Round 57, second wave: what the sets written on part 1's engine showed. Two questions joined by
"and what's"; a job asked to become that no page has, beside what the member likes; a duty its
page never mentions; "same thing" for another role; "her second step" and "step 2 on it"; "the
one after it"; requests in another language, drafts, and facts no page gives; lists asked of the
bot in other words; a choice "of those, who …"; where the member works weighs as a setting.

Each test is worded apart from the blind sets' questions; each failed on part 1's engine."""

from __future__ import annotations

from engine_kb import engine, talk, with_pages

CALL_CENTER = "pharmacy-call-center-supervisor"
DISTRICT = "retail-pharmacy-district-manager"
WASTE = "pharmacy-waste-and-sustainability-manager"
HAZARDOUS = "hazardous-drug-safety-program-coordinator"
QUALITY = "pharmacy-quality-improvement-manager"
CONTRACTS = "pharmacy-contracting-and-vendor-relations-manager"
MEDS_TO_BEDS = "meds-to-beds-program-manager"
OPS = "director-of-pharmacy-operations"


# --- one message, two questions; a job no page has ------------------------------------------------


def test_become_a_role_and_whats_a_code_answers_both_pathway_first() -> None:
    a = with_pages("conv90").ask("how do i become a call center supervisor and whats cpxl")
    assert (a.intent, a.role) == ("pathway", CALL_CENTER)
    assert any(p.intent == "certification" and p.certifications[:1] == ("CPXL",) for p in a.parts)


def test_a_job_no_page_has_is_not_the_role_the_member_likes() -> None:
    a = with_pages("eval160").ask("how do i become an occupational health nurse? i like hazardous drug safety")
    assert (a.intent, a.reason) == ("none", "unknown_role")


def test_the_role_liked_is_still_the_goal_when_no_other_job_is_asked() -> None:
    # guards the rule above: nothing but the liked work names the goal
    a = with_pages("eval160").ask("how do i get into hazardous drug safety? i like spill drills")
    assert (a.intent, a.role) == ("pathway", HAZARDOUS)


# --- duties ----------------------------------------------------------------------------------------


def test_a_duty_the_page_never_mentions_is_not_claimed() -> None:
    a = with_pages("conv90").ask("does the call center supervisor handle controlled substance diversion investigations")
    assert (a.intent, a.reason, a.role) == ("none", "missing_fact", CALL_CENTER)


def test_a_duty_the_page_has_is_answered_and_do_is_no_writing_task() -> None:
    e = with_pages("eval160")
    a = e.ask("does the HD coordinator do the spill response for the unit?")
    assert (a.intent, a.role) == ("role", HAZARDOUS)


# --- conversations ---------------------------------------------------------------------------------


def test_same_thing_for_another_role_asks_the_same_part() -> None:
    _, a = talk("what's the district manager's day like", "ok different question, the call center supervisor, same thing", e=with_pages("conv90"))
    assert (a.intent, a.role, a.section) == ("role", CALL_CENTER, "day_in_the_life")


def test_her_second_step_after_a_pathway_for_her() -> None:
    _, a = talk("my coworker wants to run the retail district someday, where does she start", "ok and her second step?", e=with_pages("conv90"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CRPDL",))


def test_step_two_on_it_after_a_reordered_pathway_is_the_pages_step() -> None:
    *_, a = talk("is there a cert about profit and loss statements", "which path has it", "ok what's step 2 on it", e=with_pages("conv90"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CRPDL",))


def test_the_one_after_it_is_the_next_step() -> None:
    *_, a = talk("certs for a call center supervisor", "what's the 1st one", "k and the one after it", e=with_pages("conv90"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPAC",))


def test_a_list_of_roles_asked_of_the_bot_in_other_words_after_a_card() -> None:
    _, a = talk("what is CPXL", "ok so which careers are on your list", e=with_pages("conv90"))
    assert a.intent == "list_roles"


def test_of_those_who_chooses_among_the_roles_listed() -> None:
    _, a = talk("which careers do you have", "of those, who works the most with insurance plans", e=with_pages("conv89"))
    assert (a.intent, a.role) == ("role", MEDS_TO_BEDS)


def test_overlap_between_the_two_paths_talked_about() -> None:
    *_, a = talk("how do i become an ops director", "and the meds to beds manager?", "is there overlap between the two paths", e=with_pages("conv89"))
    assert (a.intent, a.reason) == ("pathway", "in_common") and set(a.certifications[:2]) & {"CPOM", "CPSCM"}  # both pathways, what they share first


# --- refusals --------------------------------------------------------------------------------------


def test_requests_and_facts_no_page_gives_are_refused_in_a_conversation() -> None:
    e = with_pages("conv90")
    for first, then in (
        ("what does the call center supervisor do", "can you say that in hindi"),
        ("certs for a call center supervisor", "are any of those free"),
        ("what does the district manager do", "do they ever get a day off"),
        ("is it true the call center supervisor coaches agents", "and that they're on call overnight?"),
    ):
        _, a = talk(first, then, e=e)
        assert a.intent == "none", then


def test_facts_and_drafts_asked_alone_are_refused() -> None:
    e = with_pages("eval161")
    for q in (
        "does cvs hire patient access managers",
        "contracts manager is reporting to finance or to the ops director?",
        "different question, do project managers need to know excel",
        "could you draft a feedback paragraph for my contracts manager",
    ):
        assert e.ask(q).intent == "none", q


# --- words ------------------------------------------------------------------------------------------


def test_a_title_the_words_fit_alone_with_a_part_asked() -> None:
    a = with_pages("eval161").ask("contracts manager daily routine?")
    assert (a.intent, a.role, a.section) == ("role", CONTRACTS, "day_in_the_life")


def test_remind_me_what_it_is_asks_for_the_card() -> None:
    a = with_pages("eval161").ask("CPAA keeps showing up on our postings, remind me what it is")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPAA",))


def test_environmental_is_read_as_environment() -> None:
    _, a = talk("what roles do you have", "which of them is most about the environment", e=with_pages("conv90"))
    assert (a.intent, a.role) == ("role", WASTE)


def test_where_the_member_works_weighs_less_than_what_they_do() -> None:
    a = engine().ask("chain store manager here, i do all the scheduling and hiring and run the team, trying to get into hospital ops director")
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", OPS, ("CPOM",))  # "store", "hospital" say where; scheduling and hiring say what


def test_a_departmental_word_does_not_pull_a_place_to_the_front() -> None:
    # guards the rule above with "departmental" read as "department": "our dept" stays a setting
    a = with_pages("conv14").ask("i've been building the staff schedules for our dept for years, how do i become the float pool manager, which first")
    assert a.intent == "pathway" and a.certifications[:1] == ("CPWS",)


def test_the_x_cert_is_the_one_talked_about_whose_name_says_x() -> None:
    *_, a = talk("whats CHPWM", "what does the call center supervisor do", "ok back to the waste cert, which job has it", e=with_pages("conv90"))
    assert a.intent in ("pathway", "role") and a.role == WASTE
