"""Follow-ups that ask for one certification about a part of a role, choices after a refusal,
people named in lower case, claims and asides that go on from the last message, and questions
whose asked-about thing no page gives (how hard the way in is, working from home).

Each test is a conversation (or a question) the engine got wrong before; what it asserts is the
behaviour a member expects, on the tests' own knowledge (engine_kb) or, where a page of a blind
set is needed, on that set's pages as it is scored."""

from __future__ import annotations

import pytest
from engine_kb import engine, talk, with_pages


OPS = "director-of-pharmacy-operations"
MSO = "medication-safety-officer"
SUPPLY = "pharmacy-supply-chain-manager"


# --- one certification for a part of the role just shown -----------------------------------------


def test_which_cert_covers_that_part_of_a_role_is_that_steps_card() -> None:
    *_, cert = talk("what does a director of pharmacy operations do", "do they deal with safety stuff too", "which cert covers that")
    assert (cert.intent, cert.certifications[:1]) == ("certification", ("CMSO",))


def test_a_cert_for_a_part_named_in_the_question_is_that_steps_card() -> None:
    _, cert = talk("what are the director of pharmacy operations responsibilities", "is there a cert for the inventory part")
    assert (cert.intent, cert.certifications[:1]) == ("certification", ("CPSCM",))


def test_certifications_asked_in_the_plural_after_a_role_are_still_its_pathway() -> None:
    _, path = talk("what are the director of pharmacy operations responsibilities", "what certs would they need")
    assert (path.intent, path.role) == ("pathway", OPS)


def test_a_topic_said_in_the_same_message_is_not_borrowed_from_the_last() -> None:
    *_, cert = talk("what does a director of pharmacy operations do", "do they deal with safety stuff too", "ok the inventory side worries me tho, which cert covers that")
    assert (cert.intent, cert.certifications[:1]) == ("certification", ("CPSCM",))


def test_and_the_one_about_a_topic_after_a_pathway_is_that_step() -> None:
    _, cert = talk("how do i become a medication safety officer", "and the one about leading teams?")
    assert (cert.intent, cert.certifications[:1]) == ("certification", ("CPOM",))


def test_two_certifications_whose_texts_fit_alike_are_told_apart_by_their_roles_pages() -> None:
    a = with_pages("eval129").ask("is there a cert for the code cart and emergency kit stuff? i restock them like every day")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMKTS",))


# --- a choice between the two roles a refused question named ------------------------------------


def test_which_one_after_a_refused_comparison_chooses_between_those_two() -> None:
    refused, chosen = talk("which pays better, the pharmacy supply chain manager or the medication safety officer", "ok which one is more about errors then")
    assert refused.intent == "none"
    assert (chosen.intent, chosen.role) == ("role", MSO)


def test_a_refusal_naming_two_roles_keeps_the_one_it_was_about() -> None:
    *_, path = talk("my mentee is training for med safety and wanted to know the max daily dose of acetaminophen", "anyway, what does CMSO cover", "what certs does the medication safety officer need")
    assert (path.intent, path.role) == ("pathway", MSO)


# --- how hard the way in is: no page says ---------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["is the director of pharmacy operations job hard to get into", "which is harder to get into, ops director or medication safety officer"],
)
def test_how_hard_getting_in_is_refused(question: str) -> None:
    assert engine().ask(question).intent == "none", question


def test_the_way_in_itself_is_still_the_pathway() -> None:
    a = engine().ask("how do i get into the director of pharmacy operations job")
    assert (a.intent, a.role) == ("pathway", OPS)


# --- people named in lower case -------------------------------------------------------------------


def test_people_named_in_lower_case_each_keep_their_role() -> None:
    first, marcus, back = talk(
        "two of my residents: priya wants to be a medication safety officer, marcus wants supply chain manager. start with priya, which cert first",
        "now marcus",
        "back to priya, whats the last cert on hers",
    )
    assert (first.intent, first.role) == ("pathway", MSO)
    assert (marcus.intent, marcus.role) == ("pathway", SUPPLY)
    assert (back.intent, back.certifications[:1]) == ("certification", ("CPOM",))


def test_back_to_the_first_one_is_the_first_person_spoken_for() -> None:
    for first, second, back in (
        ("my resident hopes to end up a pharmacy supply chain manager someday, where does she start", "and my tech wants to run the medication safety program, where does he start", "back to the first one, which cert comes first for her"),
        ("priya wants to be a pharmacy supply chain manager, where does she start", "and marcus wants to run the medication safety program, where does he start", "ok the first one again, what is her path"),
    ):
        answers = talk(first, second, back)
        assert [(a.intent, a.role) for a in answers] == [("pathway", SUPPLY), ("pathway", MSO), ("pathway", SUPPLY)], back


def test_a_rare_word_the_pages_use_is_no_name() -> None:
    a = engine().ask("one of my techs keeps catching missed charges on infusions, is there a role built around that?")
    assert a.intent != "none"


# --- what goes on from the last message -----------------------------------------------------------


def test_an_aside_before_telling_about_oneself_still_retailors_the_pathway() -> None:
    path, told = talk("how do i become a pharmacy supply chain manager", "fwiw i'm new to managing people, never led a team")
    assert (path.intent, told.intent, told.role) == ("pathway", "pathway", SUPPLY)


def test_and_that_after_a_claim_checks_a_second_claim() -> None:
    _, second = talk("is it true the medication safety officer reviews error reports", "and that they're on call 24/7?")
    assert (second.intent, second.reason) == ("none", "missing_fact")


def test_a_claim_that_a_job_is_all_it_ever_does_is_not_confirmed() -> None:
    a = engine().ask("is it true the medication safety officer job is always analyzing event reports")
    assert (a.intent, a.reason) == ("none", "missing_fact")
    assert engine().ask("is it true the medication safety officer job is analyzing event reports").intent == "role"


def test_different_thing_steers_and_compares_nothing() -> None:
    _, path = talk("what is CPOM", "ok different thing, how do i become a medication safety officer")
    assert (path.intent, path.role) == ("pathway", MSO)


def test_the_step_after_on_the_pathway_both_codes_share() -> None:
    e = with_pages("conv59")
    after, then, before = talk("what's after CRPMP", "and after that", "and the one before CRPMP", e=e)
    assert [a.certifications[:1] for a in (after, then, before)] == [("CPSCM",), ("CPOM",), ("CHHPC",)]


# --- single questions -----------------------------------------------------------------------------


def test_a_step_beside_a_code_stays_on_the_conversations_pathway() -> None:
    *_, after = talk("how do i become a medication safety officer", "what's CPOM", "is it worth it", "k and the one after CMSO")
    assert after.certifications[:1] == ("CEPRS",)


def test_a_role_named_in_a_question_answered_by_a_card_is_the_one_meant_next() -> None:
    *_, path = talk("what is CPOM", "is that the one the medication safety officer needs too?", "show me that person's whole path")
    assert (path.intent, path.role) == ("pathway", MSO)


def test_steering_words_say_nothing_about_the_section() -> None:
    a = engine().ask("ok switching, what does the medication safety officer do")
    assert (a.intent, a.section) == ("role", engine().ask("what does the medication safety officer do").section)


def test_a_drug_on_a_list_of_the_trade_is_no_pathway_question() -> None:
    e = with_pages("eval129")
    assert e.ask("is methotrexate on the hazardous drug list? do i need to double glove for the oral tabs").intent == "none"
    assert e.ask("is CMSO on the hazardous drug safety coordinator list").intent == "pathway"


def test_any_of_these_after_a_list_of_roles_chooses_among_them() -> None:
    _, chosen = talk("what roles do you have", "is any of these about inventory")
    assert (chosen.intent, chosen.role) == ("role", SUPPLY)


def test_the_other_two_after_a_step_are_the_rest_of_that_pathway() -> None:
    *_, rest = talk("how do i become a medication safety officer", "why that one first", "ok what about the other two")
    assert (rest.intent, set(rest.certifications)) == ("certification", {"CEPRS", "CPOM"})


def test_the_one_job_whose_pathway_has_both_codes() -> None:
    a = engine().ask("what job uses CPSCM and CDSM")
    assert (a.intent, a.role) == ("pathway", SUPPLY)


def test_working_from_home_is_a_fact_no_page_gives() -> None:
    a = engine().ask("do medication safety officers get to work from home")
    assert (a.intent, a.reason) == ("none", "missing_fact")


def test_a_count_of_kids_is_the_members_life_not_a_clinical_question() -> None:
    a = engine().ask("so ive been in retail 11 yrs, pharmacist, 2 kids, cant do nights. no idea what else exists. help")
    assert a.reason != "clinical"


def test_words_of_emphasis_do_not_hide_a_list_question() -> None:
    assert engine().ask("what else is even out there for pharmacy people").intent == "list_roles"


def test_what_a_member_likes_describes_the_job_not_the_one_they_have() -> None:
    e = with_pages("conv60")
    a = e.ask("retail tech 6 yrs here. the only part of my job i actually like is fixing insurance rejections and calling the plans lol. is there a job thats basically just that?")
    assert (a.intent, a.role) == ("role", "medication-access-coordinator")


# --- round 44: certifications held by name, roles described, the one who needs both ----------------


def test_a_certification_held_by_its_name_is_skipped_and_names_no_goal() -> None:
    a = engine().ask("i already have the pharmacy supply chain manager certification, what else would i need to become a director of pharmacy operations")
    assert (a.intent, a.role) == ("pathway", OPS)
    assert "CPSCM" not in a.certifications[:1]


@pytest.mark.parametrize("question", ["is running the remote hub more stressful than running ops at one hospital", "is the remote verification hub manager job stressful"])
def test_how_a_job_feels_is_a_rating_no_page_gives(question: str) -> None:
    a = with_pages("eval131").ask(question)
    assert (a.intent, a.reason, a.role) == ("none", "missing_fact", "remote-verification-hub-manager"), question


def test_the_one_who_needs_both_codes() -> None:
    assert (engine().ask("which one uses CPSCM and CDSM").role, talk("what is CDSM", "and CPSCM?", "who'd need both")[-1].role) == (SUPPLY, SUPPLY)


def test_that_ones_day_after_a_pathway_is_the_roles_day() -> None:
    _, day = talk("how do i become a medication safety officer", "what's that one's day like")
    assert (day.intent, day.role, day.section) == ("role", MSO, "day_in_the_life")


def test_my_other_tech_with_a_goal_of_their_own_is_someone_new() -> None:
    _, second = talk("my tech wants to be a pharmacy supply chain manager, where does she start", "and my other tech wants to run the medication safety program, where does he start")
    assert (second.intent, second.role) == ("pathway", MSO)


def test_an_ordinal_on_their_path_after_a_role_page_is_that_step() -> None:
    _, step = talk("what does a medication safety officer do all day", "whats the second cert on their path")
    assert (step.intent, step.certifications[:1]) == ("certification", ("CEPRS",))


def test_asking_for_info_on_an_unknown_code_holds_nothing() -> None:
    _, a = talk("what is CPOM", "what about BCPS, got info on that one?")
    assert (a.intent, a.reason) == ("none", "unknown_cert")


def test_going_back_to_school_is_a_fact_no_page_gives() -> None:
    _, a = talk("what does a medication safety officer do", "would i need to go back to school for it")
    assert (a.intent, a.reason) == ("none", "missing_fact")


def test_what_else_would_a_role_need_besides_a_code_is_its_pathway_without_it() -> None:
    a = engine().ask("besides CPOM, what else would a medication safety officer need")
    assert (a.intent, a.role) == ("pathway", MSO)
    assert "CPOM" not in a.certifications


def test_a_choice_among_certifications_shown_is_no_clinical_question() -> None:
    _, a = talk("list all the certs", "which of those is about vaccines")
    assert a.reason != "clinical"
