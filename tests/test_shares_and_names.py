"""Choices between two roles and what they share, certifications named by loose words, facts asked
of a long title after a rewrite, refusals that leave the form of the question for the next
message, and phrasings a vocabulary or a cue list read wrongly before (round 46).

Each test is a conversation (or a question) the engine got wrong before; what it asserts is the
behaviour a member expects, on the tests' own knowledge (engine_kb) or, where a page of a blind
set is needed, on that set's pages as it is scored."""

from __future__ import annotations

from engine_kb import engine, talk, with_pages

OPS = "director-of-pharmacy-operations"
MSO = "medication-safety-officer"
HD = "hazardous-drug-program-coordinator"
PRICING = "drug-pricing-and-contracts-analyst"


# --- two roles weighed against each other ---------------------------------------------------------


def test_which_cert_two_compared_roles_share_is_the_one_on_both_pathways() -> None:
    kb = with_pages("conv66")
    chosen, other, shared = talk(
        "torn between hazardous drug coordinator and that drug pricing analyst job. which one is more hands on",
        "ok and the other one's day?",
        "do they share any cert",
        e=kb,
    )
    assert (chosen.intent, chosen.role) == ("role", HD)
    assert (other.intent, other.role, other.section) == ("role", PRICING, "day_in_the_life")
    assert (shared.intent, shared.certifications) == ("certification", ("CPSCM",))


def test_those_two_are_the_last_two_roles_answered_about() -> None:
    *_, shared = talk("what does a medication safety officer do", "and the pharmacy supply chain manager?", "what cert do those two have in common")
    assert shared.intent == "certification"
    assert shared.certifications == ("CPOM",)


def test_share_at_the_end_of_a_question_naming_two_roles_asks_what_they_share() -> None:
    a = with_pages("conv66").ask("which cert do the ops director and the patient experience manager share")
    assert (a.intent, set(a.certifications)) == ("certification", {"CPOM", "CMSO"})


def test_a_title_word_that_is_also_a_fee_word_names_the_role_in_a_choice() -> None:
    a = with_pages("conv66").ask("hd coordinator or pricing analyst, which one works on the receiving dock")
    assert (a.intent, a.role) == ("role", HD)
    assert with_pages("conv66").ask("how much does a pricing analyst make").intent == "none"


def test_two_titles_joined_by_or_are_a_choice_made_by_their_pages() -> None:
    a = with_pages("conv66").ask("which job deals with the wholesaler more, hazardous drug coordinator or pricing analyst")
    assert (a.intent, a.role) == ("role", PRICING)


def test_what_about_a_half_named_role_after_a_section_is_that_roles_section() -> None:
    _, ops = talk("what does a medication safety officer do in the afternoon", "ok what about ops")
    assert (ops.intent, ops.role, ops.section) == ("role", OPS, "day_in_the_life")


# --- a certification named by loose words ----------------------------------------------------------


def test_the_cert_for_a_role_in_the_singular_is_the_step_named_like_it() -> None:
    a = with_pages("eval134").ask("the cert for the hazardous drug program person, whats it called and what does it cover")
    assert (a.intent, a.certifications) == ("certification", ("CHDPM",))


def test_the_certification_track_for_a_role_is_still_its_pathway() -> None:
    kb = with_pages("eval134")
    for q in ("what's the certification track for the hazardous drug safety program manager", "cert plan for the hazardous drug program manager?"):
        a = kb.ask(q)
        assert (a.intent, a.role) == ("pathway", "hazardous-drug-safety-program-manager"), q


# --- refusals and the next message -----------------------------------------------------------------


def test_what_about_a_known_role_after_refusing_how_to_become_an_unknown_one_is_its_pathway() -> None:
    refused, path = talk("how do i become a nurse practitioner", "ok what about the medication safety officer")
    assert (refused.intent, refused.reason) == ("none", "unknown_role")
    assert (path.intent, path.role) == ("pathway", MSO)


def test_what_about_an_unknown_job_after_a_role_is_not_about_that_role() -> None:
    _, other = talk("what does the medication safety officer do", "what about a dentist")
    assert other.intent == "none"


def test_a_schedule_asked_of_a_long_title_a_pronoun_stood_for_is_refused() -> None:
    *_, weekends = talk("whats the morning like for a pharmacy transport logistics manager", "do they work weekends", e=with_pages("conv63"))
    assert (weekends.intent, weekends.reason) == ("none", "missing_fact")


def test_facts_no_page_gives_about_employers_and_claims_are_refused() -> None:
    kb = engine()
    for q in (
        "is kaiser a good place to work as an ops director",
        "which health systems actually have a medication safety officer",
        "heard the ops director is on call 24/7, true?",
    ):
        assert kb.ask(q).intent == "none", q
    assert kb.ask("who hires the pharmacy buyers").intent != "none"


def test_how_many_pass_a_certification_is_a_pass_rate_no_page_gives() -> None:
    assert engine().ask("how many ppl pass CMSO first try").intent == "none"


def test_renewing_a_certification_described_by_its_topic_is_refused() -> None:
    assert with_pages("eval135").ask("does the waste rules cert need renewing every year").intent == "none"


def test_expired_stock_is_a_topic_not_a_certification_expiring() -> None:
    a = with_pages("eval135").ask("which certification is about witnessing when they destroy the expired narcotics")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CDDS",))


# --- follow-ups --------------------------------------------------------------------------------------


def test_and_the_one_about_a_topic_after_a_card_of_the_pathway_is_that_step() -> None:
    *_, cert = talk("how do i become a director of pharmacy ops. i run our purchasing and inventory", "why that one", "ok and the one about leading teams?")
    assert (cert.intent, cert.certifications[:1]) == ("certification", ("CPOM",))


def test_and_the_next_part_after_a_cert_for_a_part_is_among_the_same_roles_steps() -> None:
    *_, cert = talk("what are the director of pharmacy operations responsibilities", "is there a cert for the inventory part", "and the staffing part")
    assert (cert.intent, cert.certifications[:1]) == ("certification", ("CPOM",))


def test_already_having_that_after_a_retailored_pathway_drops_its_first_step() -> None:
    first, again, held = talk("how do i become a director of pharmacy operations", "and if i mostly care about the safety side", "and if i already have that")
    assert again.certifications[0] == "CMSO"
    assert (held.intent, held.role) == ("pathway", OPS)
    assert "CMSO" not in held.certifications


def test_now_the_other_roles_keeps_the_section() -> None:
    _, now = talk("director of pharmacy operations responsibilities", "now the medication safety officer's")
    assert (now.intent, now.role, now.section) == ("role", MSO, "responsibilities")


# --- described roles ------------------------------------------------------------


def test_words_of_a_half_written_title_do_not_describe_another_role() -> None:
    a = with_pages("eval135").ask("how do i become the person who runs all the day to day pharmacy operations? right now im the one who places all our wholesaler orders")
    assert (a.intent, a.role) == ("pathway", OPS)


# --- round 47 --------------------------------------------------------------------------------------


def test_how_to_become_an_unknown_job_after_a_role_is_not_that_roles_pathway() -> None:
    _, nuclear = talk("director of pharmacy operations responsibilities?", "how do i become a nuclear pharmacist")
    assert nuclear.intent == "none"


def test_which_of_two_named_exams_is_harder_is_refused() -> None:
    assert engine().ask("CPOM vs CMSO which exam is harder").intent == "none"


def test_done_fully_from_home_and_which_hospitals_have_a_role_are_refused() -> None:
    kb = engine()
    for q in ("can the ops director job be done fully from home", "which hospitals in texas have medication safety officers"):
        assert kb.ask(q).intent == "none", q


def test_when_the_day_starts_and_a_time_of_day_ask_for_the_day() -> None:
    _, start, half_past = talk("what does a medication safety officer do", "hows their day start", "what's the 4:30 thing they do")
    assert (start.intent, start.role, start.section) == ("role", MSO, "day_in_the_life")
    assert (half_past.intent, half_past.section) == ("role", "day_in_the_life")


def test_the_role_after_than_in_a_refused_comparison_is_kept_for_the_choice() -> None:
    refused, chosen = talk("is being an ops director more stressful than running pharmacy supply chain", "ok which of the two is more about wholesalers then")
    assert refused.intent == "none"
    assert (chosen.intent, chosen.role) == ("role", "pharmacy-supply-chain-manager")
