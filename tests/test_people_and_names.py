"""People the member speaks of, names written partly or in the plural, choices by the day's
times, what two pathways do not share, and follow-ups after a refusal (round 51).

Each test is a conversation (or a question) the engine got wrong before; what it asserts is the
behaviour a member expects, on a blind set's pages as that set is scored (with_pages)."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"
DISASTER = "disaster-response-pharmacy-coordinator"
REVERSE = "pharmacy-reverse-distribution-coordinator"
LABELS = "medication-label-accessibility-specialist"
LTC = "long-term-care-pharmacy-dispensing-supervisor"
CENTRAL_FILL = "central-fill-pharmacy-manager"
RETURNS = "pharmaceutical-returns-and-waste-manager"
PERIOP = "perioperative-pharmacy-supervisor"
PREPAREDNESS = "pharmacy-emergency-preparedness-coordinator"
REGULATORY = "pharmacy-regulatory-affairs-manager"
MOBILE = "mobile-health-unit-pharmacist"


# --- whose goal, whose job --------------------------------------------------------------------------


def test_the_job_of_someone_the_member_speaks_of_is_no_goal() -> None:
    kb = with_pages("conv74")
    a = kb.ask("my tech wants to get into emergency preparedness stuff, where does he start")
    assert (a.intent, a.role) == ("pathway", DISASTER)
    b = kb.ask("my manager wants to become a nuclear pharmacist, where does he start")
    assert a.intent != b.intent or b.role is None  # a job no page has stays unknown


def test_the_role_in_the_question_wins_over_one_in_what_the_member_thought() -> None:
    a = with_pages("eval143").ask("why is CPSCM on the emergency preparedness coordinator path? i thought it was an ops director thing")
    assert a.role == PREPAREDNESS


def test_a_path_for_someone_who_describes_them_chooses_no_other_role() -> None:
    a = with_pages("eval143").ask("regulatory affairs manager path for someone who already interns in hospital pharmacy operations and knows that side well")
    assert (a.intent, a.role) == ("pathway", REGULATORY)


def test_start_with_a_person_named_before_is_their_goal() -> None:
    kb = with_pages("eval143")
    priya = kb.ask("my classmate priya wants emergency preparedness and marcus wants regulatory affairs. start with priya — what's her cert path?")
    assert (priya.intent, priya.role) == ("pathway", PREPAREDNESS)
    marcus = kb.ask("my classmate priya wants emergency preparedness and marcus wants regulatory affairs. start with marcus")
    assert marcus.role == REGULATORY


def test_her_second_step_is_on_the_pathway_of_the_person_turned_back_to() -> None:
    *_, second = talk("priya wants central fill manager, marcus wants returns and waste manager. start with priya", "now marcus", "back to priya, whats her second step", e=with_pages("conv73"))
    assert (second.intent, second.certifications[:1]) == ("certification", ("CPRAS",))


# --- names written partly, in the plural, or as the page calls them --------------------------------


def test_a_certification_named_without_its_job_noun_then_cert_is_that_certification() -> None:
    kb = with_pages("eval142")
    a = kb.ask("my mgr said get the drug master file cert, whats it actually called")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CDMFC",))
    b = with_pages("eval110").ask("wanna be a cleanroom supervisor but what i care abt most is how the iv room fits into the whole hospital pharmacy operation, cert order?")
    assert b.intent == "pathway"  # "… operation, cert order": no certification named


def test_a_title_said_of_people_in_the_plural_names_the_role() -> None:
    a = with_pages("eval142").ask("do OR pharmacy supervisors start super early? whats their morning look like")
    assert (a.intent, a.role, a.section) == ("role", PERIOP, "day_in_the_life")


def test_a_name_the_page_calls_the_role_works_with_the_titles_job_noun() -> None:
    *_, other = talk("returns coordinator vs label accessibility specialist, which one starts their day earlier", "overview of the other one", e=with_pages("conv74"))
    assert (other.intent, other.role) == ("role", LABELS)


def test_a_word_the_page_writes_as_an_ic_form_matches() -> None:
    *_, robots = talk("list every cert you know pls", "which of those is about robots", e=with_pages("conv73"))
    assert (robots.intent, robots.certifications[:1]) == ("certification", ("CPRAS",))


def test_a_synonym_yields_to_the_members_own_word_when_a_page_uses_it() -> None:
    *_, which = talk("which pays better, ops director or returns coordinator", "ok which one deals more with the wholesaler then", e=with_pages("conv74"))
    assert (which.intent, which.role) == ("role", REVERSE)


# --- choices, shares, steps ----------------------------------------------------------------------


def test_whose_day_starts_earlier_reads_times_written_in_words() -> None:
    a = with_pages("eval143").ask("mobile health unit pharmacist or regulatory affairs manager — whose day starts earlier?")
    assert (a.intent, a.role, a.section) == ("role", MOBILE, "day_in_the_life")


def test_two_pathways_with_nothing_in_common_get_an_honest_no() -> None:
    *_, share, path = talk("returns and waste manager vs LTC dispensing supervisor, which one does more site visits and audits", "do those two share any cert", "ok show me the path for the audit one", e=with_pages("conv73"))
    assert (share.intent, share.reason) == ("pathway", "nothing_shared")
    assert "share no certification" in share.summary
    assert (path.intent, path.role) == ("pathway", RETURNS)


def test_what_two_roles_share_when_a_title_holds_a_task_word() -> None:
    *_, share = talk("torn between disaster response coordinator and label accessibility specialist, which one works more with patients directly", "ok and the other one's day?", "do they share any cert", e=with_pages("conv74"))
    assert (share.intent, share.certifications[:1]) == ("certification", ("CMSO",))


def test_the_step_before_a_code_on_a_path_described_by_its_work() -> None:
    a = with_pages("conv74").ask("the cert right before CPSCM on the returns path")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPWMS",))


def test_next_one_alone_is_the_step_after() -> None:
    *_, nxt = talk("LTC dispensing supervisor pathway", "first one?", "next one", e=with_pages("conv73"))
    assert (nxt.intent, nxt.certifications[:1]) == ("certification", ("CMSO",))


def test_after_it_following_a_pathway_for_a_certification_is_the_next_card() -> None:
    *_, after = talk("can a pgy1 resident sit for CEPRC", "fine, which path is it on", "and whats after it", e=with_pages("conv74"))
    assert (after.intent, after.certifications[:1]) == ("certification", ("CPOM",))


def test_which_of_those_four_picks_among_the_steps() -> None:
    *_, which = talk("walk me thru the director of pharmacy ops certs one by one", "step 2?", "whats after that", "and the last one", "which of those four is the hospital specific one", e=with_pages("conv73"))
    assert (which.intent, which.certifications[:1]) == ("certification", ("CHPOP",))


def test_their_second_cert_after_a_new_roles_overview_is_on_its_pathway() -> None:
    *_, second = talk("whats on the disaster coordinator cert path", "first one?", "ok switching gears, whats a label accessibility specialist", "their second cert?", e=with_pages("conv74"))
    assert (second.intent, second.certifications[:1]) == ("certification", ("CHLPE",))


def test_which_job_is_that_on_after_a_card_is_its_roles_pathway() -> None:
    kb = with_pages("conv73")
    a = kb.ask("which job is CPWCS on")
    assert (a.intent, a.role) == ("pathway", RETURNS)
    b = kb.ask("whats CPWCS and which job is it for")
    assert (b.intent, b.certifications[:1]) == ("certification", ("CPWCS",))  # its card says


# --- follow-ups in context ------------------------------------------------------------------------


def test_overview_of_it_after_a_pathway_is_the_roles() -> None:
    *_, overview = talk("what job uses CLTCD and CMSO", "overview of it pls", e=with_pages("conv73"))
    assert (overview.intent, overview.role, overview.section) == ("role", LTC, "overview")


def test_not_your_job_waves_a_refusal_away_and_asks_on() -> None:
    *_, afternoon = talk("what does the LTC dispensing supervisor do during cycle fill", "can you crush extended release metoprolol for a g-tube resident", "lol ok not your job. what about their afternoon", e=with_pages("conv73"))
    assert (afternoon.intent, afternoon.role, afternoon.section) == ("role", LTC, "day_in_the_life")


def test_getting_there_from_where_the_member_is_is_the_role_talked_about() -> None:
    kb = with_pages("conv73")
    *_, path = talk("what does the cycle fill supervisor do", "how do i get there from retail", e=kb)
    assert (path.intent, path.role) == ("pathway", LTC)
    (cold,) = talk("how do i get there from retail", e=kb)
    assert (cold.intent, cold.reason) == ("none", "needs_context")


def test_the_overview_of_the_job_after_an_interest_is_that_role() -> None:
    a = with_pages("conv73").ask("i want out of retail. interested in central fill. what's the overview of the job")
    assert (a.intent, a.role, a.section) == ("role", CENTRAL_FILL, "overview")


def test_a_role_named_in_a_refused_question_is_what_they_means_next() -> None:
    *_, refused, need = talk("whats BCPS and do i need it for label accessibility", "ok what certs DO they need", e=with_pages("conv74"))
    assert (refused.intent, refused.reason) == ("none", "unknown_cert")
    assert (need.intent, need.role) == ("pathway", LABELS)


def test_a_choice_after_a_refused_comparison_of_two_half_named_roles() -> None:
    *_, which = talk("which is more stressful disaster coordinator or ops director", "ok which one is more about automation then", e=with_pages("conv74"))
    assert (which.intent, which.role) == ("role", OPS)


def test_the_other_one_that_does_something_after_setting_a_role_aside() -> None:
    *_, other, path = talk("which roles use CMSO", "not the ops director, the other one that does braille labels", "path for that one", e=with_pages("conv74"))
    assert (other.intent, other.role) == ("role", LABELS)
    assert (path.intent, path.role) == ("pathway", LABELS)


def test_for_someone_like_me_the_first_step_is_the_pathway_in_their_order() -> None:
    *_, first = talk(
        "ok so im a pgy1 rn and honestly kinda burnt out on clinical stuff, i did a rotation where i helped with our hurricane plan and loved it. how would someone like me become a disaster response pharmacy coordinator",
        "and which cert covers the safety side",
        "so for someone like me, whats the first step again",
        e=with_pages("conv74"),
    )
    assert (first.intent, first.role) == ("pathway", DISASTER)


# --- what the member asks of the bot, and what it cannot say ------------------------------------------


def test_what_can_you_do_after_a_story_with_a_plural_is_help() -> None:
    a = with_pages("eval143").ask("hiii 👋 i'm president of our school's pharmacy careers club, what can you do?")
    assert a.intent == "help"


def test_what_do_i_do_about_my_own_trouble_is_not_help() -> None:
    kb = with_pages("conv74")
    assert kb.ask("my manager keeps taking credit for my recall work, what do i do").intent == "none"
    assert kb.ask("what can i ask").intent == "help"


def test_is_there_a_certification_named_in_full_gets_its_card() -> None:
    a = with_pages("eval143").ask("is there an actual 'medical countermeasure dispensing' certification? one of our members did a volunteer shift at a vaccine POD and is now hooked")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMCDS",))


def test_a_time_next_quarter_asks_no_order() -> None:
    a = with_pages("eval8").ask("my manager wants me to get the 'business intelligence' credential before i take over all our pharmacy reporting next quarter, what is it actually about")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPBIA",))


# --- round 52 -------------------------------------------------------------------------------------

KIT = "pharmacy-kit-processing-supervisor"
FACILITIES = "pharmacy-facilities-project-manager"
CLEANROOM_QA = "pharmacy-cleanroom-quality-supervisor"


def test_them_or_a_named_role_is_a_choice_with_the_role_talked_about() -> None:
    *_, which = talk("what does the facilities project manager do", "who starts earlier, them or the ops director", e=with_pages("conv75"))
    assert (which.intent, which.role, which.section) == ("role", FACILITIES, "day_in_the_life")


def test_which_of_the_two_starts_earlier_answers_with_its_day() -> None:
    *_, which = talk("do kit processing supervisors start early?", "and language access coordinators?", "which of the two starts earlier", e=with_pages("conv75"))
    assert (which.intent, which.role, which.section) == ("role", KIT, "day_in_the_life")


def test_their_first_cert_after_a_roles_day_is_the_first_step() -> None:
    *_, first = talk("what does the facilities project manager do in the morning", "no wait i meant the kit processing supervisor", "and their first cert", e=with_pages("conv75"))
    assert (first.intent, first.certifications[:1]) == ("certification", ("CKITS",))


def test_many_jobs_out_there_is_about_openings() -> None:
    a = with_pages("conv75").ask("are there many kit room supervisor jobs out there rn")
    assert a.intent == "none"


def test_a_person_named_then_called_my_tech_is_still_named() -> None:
    *_, second = talk(
        "ok so i manage a hospital pharmacy and im mentoring two ppl. priya is my IV tech and she wants to be a cleanroom quality supervisor, marcus is a resident who wants ops director. start with priya, where does she start",
        "now marcus",
        "back to priya, whats her second step",
        e=with_pages("conv76"),
    )
    assert (second.intent, second.certifications[:1]) == ("certification", ("CASEP",))
