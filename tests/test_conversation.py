"""Follow-up questions in context: the engine's Context, and the JSON-lines conversation contract
of `career-bot ask --json -`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from engine_kb import engine, kb_dir, talk

from bot.engine import Engine
from bot.knowledge import load_knowledge
from bot.knowledge.importer import import_page

OPS = "director-of-pharmacy-operations"


def talk_on_pages(tmp_path: Path, pages: str, *questions: str):
    """Like ``talk``, on the fixture knowledge with a test set's pages imported (tests/<pages>/pages)."""
    kdir = tmp_path / "knowledge"
    shutil.copytree(Path(__file__).parent / "fixtures" / "knowledge", kdir)
    for page in sorted((Path(__file__).parent / pages / "pages").glob("*.txt")):
        import_page(page, kdir)
    e, context, answers = Engine(load_knowledge(kdir)), None, []
    for q in questions:
        a, context = e.converse(q, context)
        answers.append(a)
    return answers


def test_pronoun_keeps_the_role():
    overview, day, certs = talk("what does a director of pharmacy operations do?", "what's their day like?", "and which certs would they need?")
    assert (overview.intent, overview.role) == ("role", OPS)
    assert (day.intent, day.role, day.section) == ("role", OPS, "day_in_the_life")
    assert (certs.intent, certs.role) == ("pathway", OPS)


def test_ellipsis_with_a_new_certification():
    first, second = talk("what's CPOM?", "and CMSO?")
    assert first.certifications[0] == "CPOM" and second.certifications[0] == "CMSO"


def test_ordinals_over_the_pathway_as_shown():
    path, second, last = talk("certification pathway for director of pharmacy operations", "tell me more about the second one", "and the last one?")
    assert second.intent == "certification" and second.certifications[0] == path.certifications[1]
    assert last.certifications[0] == path.certifications[-1]


def test_which_first_then_held_then_why():
    _, focus, held, why = talk(
        "how do I become an ops director?",
        "which of those first if inventory and purchasing are my thing?",
        "ok I already have that one. next?",
        "why that one?",
    )
    assert focus.intent == "pathway" and focus.certifications[0] == "CPSCM"
    assert held.intent == "pathway" and "CPSCM" not in held.certifications and held.held == ("CPSCM",)
    assert why.intent in ("certification", "pathway") and why.certifications[0] == held.certifications[0]


def test_a_refusal_in_the_middle_neither_erases_nor_borrows():
    card, cost, cover = talk("tell me about CHPOP", "how much does it cost?", "thanks. and what does it cover again?")
    assert cost.intent == "none" and cost.reason == "missing_fact"
    assert cover.intent == "certification" and cover.certifications[0] == "CHPOP"
    day, dose = talk("ops director day to day?", "what dose of heparin do they use in the IV room")
    assert dose.intent == "none" and dose.reason == "clinical"


def test_a_question_naming_its_own_subject_does_not_leak():
    _, cert = talk("ops director day to day?", "what is CHPOP")
    assert cert.intent == "certification" and cert.certifications[0] == "CHPOP" and not cert.read_as


def test_cold_follow_up_asks_for_a_subject_then_a_fragment_finishes_it():
    cold, finished = talk("what about the day to day?", "for the ops director")
    assert cold.intent == "none" and cold.reason in ("needs_context", "off_topic")
    assert (finished.intent, finished.role, finished.section) == ("role", OPS, "day_in_the_life")
    (alone,) = talk("and what about the second one?")
    assert alone.intent == "none" and alone.reason == "needs_context"


def test_context_is_data_passed_in_and_returned():
    e = engine()
    a1, c1 = e.converse("what's CPOM?")
    a2, c2 = e.converse("and the day to day of the ops director?", c1)
    again, c1_again = e.converse("what's CPOM?")
    assert c1 == c1_again and a1 == again  # pure: the same turn from the same context gives the same result
    assert c1.thing == ("cert", "CPOM") and c2.role == OPS


def test_json_lines_conversation_contract(tmp_path):
    lines = [
        {"conversation": "a", "question": "what is CPOM?"},
        {"conversation": "b", "question": "how do I become an ops director?"},
        "and CMSO?",  # a plain line: on its own, no context
        {"conversation": "a", "question": "and CMSO?"},
        {"conversation": "b", "question": "tell me more about the second one"},
    ]
    stdin = "".join((json.dumps(x) if isinstance(x, dict) else x) + "\n" for x in lines)
    exe = [sys.executable, "-m", "bot", "ask", "--json", "--knowledge", str(kb_dir()), "-"]
    out = subprocess.run(exe, input=stdin, capture_output=True, text=True, timeout=60, check=True).stdout.splitlines()
    got = [json.loads(x) for x in out]
    assert len(got) == len(lines)
    assert got[0]["certifications"][0] == "CPOM"
    assert got[2]["intent"] == "certification" and got[2]["certifications"][0] == "CMSO"  # names its own subject
    assert got[3]["certifications"][0] == "CMSO"
    assert got[4]["intent"] == "certification" and got[4]["certifications"][0] == got[1]["certifications"][1]
    assert got[0]["question"] == "what is CPOM?" and got[4]["question"] == "tell me more about the second one"


SUPPLY = "pharmacy-supply-chain-manager"
SAFETY = "medication-safety-officer"


def test_the_one_described_is_found_among_what_was_shown():
    _, described, certs = talk("which roles do you cover?", "tell me about the supply chain one", "and which certs does it need?")
    assert (described.intent, described.role) == ("role", SUPPLY)
    assert certs.intent == "pathway" and certs.role == SUPPLY


def test_a_correction_to_a_described_certification_reasks_the_same_question():
    _, corrected = talk("what's CPOM?", "no wait, I meant the drug shortage one")
    assert corrected.intent == "certification" and corrected.certifications == ("CDSM",)
    assert "CPOM" not in corrected.read_as  # (the certification's name, "drug shortage … one", names it: nothing borrowed)


def test_a_choice_over_a_long_list_then_the_same_ask_with_another_topic():
    _, chosen, again = talk("list all the certifications", "which of them is about drug shortages?", "and error prevention?")
    assert chosen.intent == "certification" and chosen.certifications[0] == "CDSM"
    assert again.intent == "certification" and again.certifications[0] == "CEPRS"


def test_a_choice_between_the_two_just_compared():
    _, choice = talk("how is CMSO different from CPOM?", "which of the two is more about medication errors?")
    assert choice.intent == "certification" and choice.certifications[0] == "CMSO"


def test_a_bare_difference_compares_the_last_two():
    *_, diff = talk("what's CPOM?", "and CMSO?", "diff?")
    assert diff.intent == "certification" and set(diff.certifications) == {"CPOM", "CMSO"} and len(diff.columns) == 2


def test_steering_words_are_not_a_comparison():
    _, switched = talk("ops director day to day?", "ok different question, how do I become a medication safety officer")
    assert switched.intent == "pathway" and switched.role == SAFETY


def test_sorry_no_names_the_role_meant_and_keeps_the_part_asked():
    morning, corrected = talk("what does the ops director do in the morning?", "sorry no, the medication safety officer")
    assert morning.section == "day_in_the_life"
    assert (corrected.intent, corrected.role, corrected.section) == ("role", SAFETY, "day_in_the_life")


def test_what_the_member_says_about_themselves_retailors_the_pathway():
    path, retailored = talk("how do I become an ops director?", "what if I'm more of a purchasing person")
    assert path.certifications[0] != "CPSCM"
    assert retailored.intent == "pathway" and retailored.role == OPS and retailored.certifications[0] == "CPSCM"


def test_background_told_with_a_role_question_tailors_the_pathway_asked_next():
    _, path = talk("I've been doing inventory and purchasing for years. what does a director of pharmacy operations do?", "and which certs should I get, given my background?")
    assert path.intent == "pathway" and path.role == OPS and path.certifications[0] == "CPSCM"


def test_a_one_word_section_follow_up():
    _, day = talk("what does a medication safety officer do?", "day?")
    assert (day.intent, day.role, day.section) == ("role", SAFETY, "day_in_the_life")


def test_eval_scores_a_conversation_set_by_turn_kind(tmp_path):
    good = tmp_path / "conversations.yaml"
    good.write_text(
        """conversations:
  - id: a
    turns:
      - {q: "what's CPOM?", kind: opener, intents: [certification], cert: CPOM}
      - {q: "and CMSO?", kind: follow, intents: [certification], cert: CMSO}
      - {q: "how much does it cost?", kind: none, intents: [none]}
  - id: b
    turns:
      - {q: "and the second one?", kind: cold, intents: [none]}
      - {q: "what does a director of pharmacy operations do", kind: opener, intents: [role], role: director-of-pharmacy-operations}
      - {q: "what's their day like?", kind: follow, intents: [pathway], role: director-of-pharmacy-operations}
""",
        encoding="utf-8",
    )
    exe = [sys.executable, "-m", "bot", "eval", "--knowledge", str(kb_dir()), "--set", str(good)]
    run = subprocess.run(exe, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    last = run.stdout.strip().splitlines()[-1]
    assert "follow=0.500" in last and "none=1.000" in last and "conversations=0.500" in last, last
    assert "[b]" in run.stdout and "[a]" not in run.stdout  # only the conversation with a wrong turn is listed
    floor = subprocess.run(exe + ["--min-follow", "0.9"], capture_output=True, text=True, timeout=60)
    assert floor.returncode == 1 and "follow" in floor.stderr

    bad = tmp_path / "bad.yaml"
    bad.write_text("conversations:\n  - id: z\n    turns:\n      - {q: hi, kind: chit-chat, intents: [help]}\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "bot", "eval", "--set", str(bad)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "conversation z, turn 1" in run.stderr and "kind" in run.stderr and "Traceback" not in run.stderr


def test_which_of_those_roles_is_chosen_by_what_their_pages_say():
    *_, chosen = talk("what's a day like for a medication safety officer", "what about for the supply chain manager", "which of those two deals more with drug shortages?")
    assert chosen.intent == "role" and chosen.role == SUPPLY


def test_already_got_that_one_holds_the_one_just_talked_about():
    path, focus, held = talk("what certs does a pharmacy supply chain manager need", "drug shortages are my thing, which should i start with", "already got that one. what's next?")
    assert focus.focus == "CDSM" and path.certifications[0] != "CDSM"
    assert held.intent == "pathway" and held.held == ("CDSM",) and "CDSM" not in held.certifications


def test_who_handles_it_between_two_named_roles():
    (a,) = talk("medication safety officer vs supply chain manager, who handles drug shortage response?")
    assert a.intent == "role" and a.role == SUPPLY


def test_small_talk_and_missing_facts_in_a_conversation_stand_alone():
    _, chat, exam = talk("medication safety officer day in the life?", "lol do you like your job bot", "how long is the exam")
    assert chat.intent == "none" and exam.intent == "none"


def test_a_bare_ordinal_and_a_page_fit_follow_up():
    path, first = talk("supply chain manager certs in order?", "first?")
    assert first.intent == "certification" and first.certifications[0] == path.certifications[0]
    _, fit = talk("what does a pharmacy supply chain manager do", "whats the shortage huddle about")
    assert fit.intent == "role" and fit.role == SUPPLY


def test_which_first_with_nothing_in_view_asks_which_role_then_a_fragment_finishes_it():
    cold, finished = talk("which first if i love inventory counts?", "for the ops director")
    assert cold.intent == "none"
    assert finished.intent == "pathway" and finished.role == OPS and finished.certifications[0] == "CPSCM"


def test_held_certifications_can_be_corrected():
    _, fixed = talk("ops director pathway, i already have CHPOP", "actually scratch that, i have CPOM not CHPOP")
    assert fixed.intent == "pathway" and fixed.held == ("CPOM",) and "CHPOP" in fixed.certifications


def test_a_refused_question_still_says_what_the_conversation_is_about():
    fee, card = talk("how much does the CMSO exam cost?", "ok what is it then")
    assert fee.intent == "none" and (card.intent, card.certifications[0]) == ("certification", "CMSO")
    letter, day = talk("can you write my cover letter for the director of pharmacy operations job", "ok what do they do day to day then")
    assert letter.intent == "none" and (day.intent, day.role, day.section) == ("role", OPS, "day_in_the_life")
    # a refusal that spoke of the subject already ("before it") leaves the subject as it was
    card, _, again = talk("what's CPOM", "do i need CMSO before it", "ok what does it cover again")
    assert again.certifications[0] == "CPOM"


def test_the_step_after_one_on_a_pathway():
    after = talk("what comes after CPOM for the director of pharmacy operations")[0]  # the next step's card (see stages.step_beside)
    assert after.intent == "certification" and after.certifications[:1] == ("CMSO",)
    path, nxt = talk("certification pathway for director of pharmacy operations", "and after that?")
    assert nxt.intent == "pathway" and nxt.certifications[0] == path.certifications[1]


def test_whom_a_pathway_is_for_retailors_it():
    path, tech, other = talk("pathway for the director of pharmacy operations?", "what about for a tech", "and for someone who's been running a retail pharmacy for years")
    assert (tech.intent, tech.role) == ("pathway", OPS) and (other.intent, other.role) == ("pathway", OPS)


def test_a_pronoun_after_a_sentence_naming_a_role_means_that_role():
    _, named = talk("what's CPOM", "hmm my manager says I'd fit the director of pharmacy operations job better. what does that one do")
    assert (named.intent, named.role) == ("role", OPS)


def test_which_ones_chooses_among_what_was_compared():
    _, chosen = talk("whats the difference between CPOM and CHPOP", "which one's more about purchasing")
    assert chosen.intent == "certification" and chosen.certifications[0] in ("CPOM", "CHPOP")  # not CPSCM, the purchasing one outside the pair


def test_a_pathway_asked_after_another_question_is_tailored_by_all_the_member_said():
    a = engine().ask("ive done all the purchasing and wholesaler ordering for years, would director of pharmacy operations suit me? what cert first")
    pathway = next(p for p in (a, *a.parts) if p.intent == "pathway")
    assert pathway.role == OPS and pathway.certifications[0] == "CPSCM"


def test_an_ordinal_over_the_list_shown_is_that_certification():
    path, last = talk("what certs for the director of pharmacy operations", "the last one on that list?")
    assert (last.intent, last.certifications[0]) == ("certification", path.certifications[-1])



def test_the_x_guy_is_the_role_whose_page_is_about_x():
    _, day, same = talk("what's the director of pharmacy operations' day like", "and the supply chain guy?", "same for the ops person")
    assert (day.intent, day.role, day.section) == ("role", "pharmacy-supply-chain-manager", "day_in_the_life")
    assert (same.intent, same.role, same.section) == ("role", OPS, "day_in_the_life")


def test_which_of_those_with_what_the_member_says_retailors_the_pathway():
    path, tech = talk("certification pathway for director of pharmacy operations", "which of those if i mostly do purchasing and inventory")
    assert (tech.intent, tech.role, tech.certifications[0]) == ("pathway", OPS, "CPSCM")


def test_the_first_role_asked_about_is_the_earliest_one_remembered():
    *_, back = talk("what does a director of pharmacy operations do", "and a pharmacy supply chain manager?", "ok going back to the first role i asked about, what certs does that one need")
    assert (back.intent, back.role) == ("pathway", OPS)


def test_corrections_and_same_question_keep_the_section_asked():
    _, fixed = talk("whats a pharmacy supply chain manager's day like", "wait sorry, i meant the director of pharmacy operations")
    assert (fixed.role, fixed.section) == (OPS, "day_in_the_life")
    _, same = talk("pharmacy supply chain manager responsibilities?", "and the director of pharmacy operations one, same question")
    assert (same.role, same.section) == (OPS, "responsibilities")


def test_what_the_member_likes_said_in_passing_retailors_the_pathway():
    _, mine = talk("how do i become an ops director", "nvm actually med safety is more my thing")
    assert (mine.intent, mine.role, mine.certifications[0]) == ("pathway", OPS, "CMSO")


def test_after_that_after_a_step_card_of_the_page_order_is_the_next_steps_card():
    # (most writers of blind sets ask for the next card here; after a pathway ordered for the
    # member the pathway goes on: test_steps_and_choices)
    path, card, nxt = talk("certification pathway for director of pharmacy operations", "what does the first one cover", "ok and after that?")
    assert card.certifications[0] == path.certifications[0]
    assert (nxt.intent, nxt.certifications[0]) == ("certification", path.certifications[1])


def test_the_other_one_is_the_other_of_the_two_just_compared():
    _, other = talk("CPOM or CMSO, which one is about safety", "and the other one?")
    assert (other.intent, other.certifications[0]) == ("certification", "CPOM")


def test_which_one_first_if_after_a_comparison_on_a_pathway_retailors_it():
    *_, first = talk("certification pathway for director of pharmacy operations", "whats the difference between the first two", "ok which one should i do first if i mostly handle purchasing")
    assert (first.intent, first.role) == ("pathway", OPS)


def test_a_correction_that_rules_a_role_out_means_the_other_one():
    _, fixed, again = talk("how do i become an ops director", "sorry i meant the supply chain manager, not the ops director", "no wait, not the supply chain manager, the medication safety officer")
    assert (fixed.intent, fixed.role) == ("pathway", "pharmacy-supply-chain-manager")
    assert (again.intent, again.role) == ("pathway", "medication-safety-officer")


def test_the_middle_one_of_an_odd_list_and_none_of_an_even_one():
    path, middle = talk("what certs for the medication safety officer", "whats the middle one")
    assert len(path.certifications) == 3 and (middle.intent, middle.certifications[0]) == ("certification", path.certifications[1])
    ops, none = talk("how do i become an ops director", "whats the middle one")
    assert len(ops.certifications) == 4 and none.intent == "none"
    _, day = talk("how do i become an ops director", "what happens in the middle of the day")
    assert (day.intent, day.role, day.section) == ("role", OPS, "day_in_the_life")


def test_a_role_named_with_a_section_asked_is_not_the_certification_before():
    _, other = talk("what is CMSO", "how does that compare to the supply chain manager, what are their responsibilities")
    assert (other.intent, other.role, other.section) == ("role", "pharmacy-supply-chain-manager", "responsibilities")


def test_once_i_have_that_goes_on_along_the_pathway():
    path, nxt = talk("ops director pathway, i do all our purchasing", "and once i have that?")
    assert (nxt.intent, nxt.role, nxt.certifications[0]) == ("pathway", OPS, path.certifications[1])


def test_certs_for_that_after_a_role_are_that_roles(tmp_path):
    *_, certs = talk_on_pages(tmp_path, "conv10", "whats a typical day for a pharmacy benefits analyst", "sounds kinda boring ngl. what about the nursing home consultant?", "ok what certs for that")
    assert (certs.intent, certs.role) == ("pathway", "long-term-care-consultant-pharmacist")


def test_who_would_take_that_is_about_the_certification():
    _, who = talk("what does CEPRS stand for", "who would take that")
    assert who.intent != "none" and "CEPRS" in who.certifications


def test_what_about_a_described_role_as_a_last_sentence_keeps_the_section(tmp_path):
    _, other = talk_on_pages(tmp_path, "conv10", "whats a typical day for a pharmacy benefits analyst", "sounds kinda boring ngl. what about the nursing home consultant?")
    assert (other.intent, other.role, other.section) == ("role", "long-term-care-consultant-pharmacist", "day_in_the_life")


def test_a_mentees_background_said_in_the_third_person_retailors_the_pathway(tmp_path):
    *_, tech, cover = talk_on_pages(tmp_path, "conv11", "my mentee wants to run a home infusion pharmacy someday, what certs", "ok which cert should she start with, she's a pharmacist", "actually wait she's a tech, not a pharmacist", "what does that one cover")
    assert (tech.intent, tech.role, tech.certifications[0]) == ("pathway", "home-infusion-pharmacy-manager", "CICS")  # the page: the technicians' starting point
    assert cover.certifications[0] == tech.certifications[0]
    *_, safety = talk_on_pages(tmp_path / "b", "conv11", "how do i become a director of pharmacy operations", "actually scratch that, he moved to the med safety committee and thats his thing now")
    assert (safety.intent, safety.certifications[0]) == ("pathway", "CMSO")


def test_a_member_introducing_themselves_with_here_is_not_naming_the_goal(tmp_path):
    """"specialty pharmacy rph here": the member's own job; the goal is the page the rest describes,
    and "cert wise" asks for its certifications as a group."""
    (a,) = talk_on_pages(tmp_path, "eval36", "specialty pharmacy rph here (mail order), thinking about ambulatory care in a clinic. how do i get there cert wise")
    assert (a.intent, a.role) == ("pathway", "ambulatory-care-clinical-pharmacist")


def test_start_with_asks_for_an_order_not_a_step_whose_text_says_start(tmp_path):
    """CIRS's "why" says "the best place to start if you come from billing"; "which cert should she
    start with, she's a pharmacist" is about a pharmacist, whom CHIM's "why" names."""
    *_, first = talk_on_pages(tmp_path, "conv11", "what does a home infusion pharmacy manager actually do?", "ok which cert should she start with, she's a pharmacist")
    assert (first.intent, first.certifications[0]) == ("pathway", "CHIM")


def test_they_means_the_role_talked_about_even_when_the_words_describe_it(tmp_path):
    """"who do they report to": the words also describe the ops director's page, but the question
    asks a fact of *their* page, which it does not hold."""
    _, boss = talk_on_pages(tmp_path, "conv9", "DPO overview?", "who do they report to")
    assert (boss.intent, boss.reason) == ("none", "missing_fact")


def test_certs_for_that_after_a_steered_question_ignores_the_steering():
    _, certs = talk("ok different q, what does a medication safety officer do all day", "which certs for that")
    assert (certs.intent, certs.role) == ("pathway", "medication-safety-officer")


def test_certifications_held_said_in_passing_keep_the_pathway():
    _, first, second = talk("how do i become an ops director", "fwiw i already have CPSCM from my old job", "oh and CHPOP too actually, got it last yr")
    assert (first.intent, first.role) == ("pathway", OPS) and "CPSCM" not in first.certifications
    assert (second.intent, second.role) == ("pathway", OPS) and not {"CPSCM", "CHPOP"} & set(second.certifications)


def test_my_last_job_is_the_members_not_the_last_one_shown():
    path, mine = talk("how do i become an ops director", "im more of a safety person tbh, ran error reporting at my last job")
    assert (mine.intent, mine.role, mine.certifications[0]) == ("pathway", OPS, "CMSO")


def test_ordinals_after_two_roles_compared_are_those_roles_in_the_order_named():
    _, day, certs = talk("whats the difference between a pharmacy supply chain manager and an ops director", "ok what does the first one's day look like", "and the second one's certs?")
    assert (day.role, day.section) == ("pharmacy-supply-chain-manager", "day_in_the_life")
    assert (certs.intent, certs.role) == ("pathway", OPS)


def test_the_x_one_with_certs_asked_is_the_role_whose_title_says_x():
    *_, certs = talk("what careers can you tell me about", "the safety one, what is it", "how do i get there", "what about the supply chain one, what certs")
    assert (certs.intent, certs.role) == ("pathway", "pharmacy-supply-chain-manager")


def test_back_to_that_cert_after_its_role_is_the_certification():
    *_, back = talk("what is CEPRS", "which role is that one for", "what do they do all day", "back to that cert, what does it cover")
    assert (back.intent, back.certifications[0]) == ("certification", "CEPRS")


def test_which_of_two_is_more_about_a_word_neither_text_uses(tmp_path):
    """"the paperwork": neither certification's text says it; CDRT's says records and documentation."""
    (a,) = talk_on_pages(tmp_path, "eval42", "ccsc or cdrt — which one is more about the actual paperwork")
    assert (a.intent, a.certifications[0]) == ("certification", "CDRT")


def test_what_about_for_a_tech_after_a_card_from_the_pathway_retailors_it():
    path, card, tech = talk("what certs does a medication safety officer need", "the second one?", "what about for a tech")
    assert card.certifications[0] == path.certifications[1]
    assert (tech.intent, tech.role) == ("pathway", "medication-safety-officer")


def test_also_with_words_no_page_uses_is_not_about_what_was_shown(tmp_path):
    card, game, name = talk_on_pages(tmp_path, "conv13", "what is CMSO", "also whos winning the game tonight lol", "full name?")
    assert game.intent == "none" and not game.certifications
    assert (name.intent, name.certifications[0]) == ("certification", "CMSO")


def test_what_the_member_runs_said_after_a_pathway_retailors_it():
    _, mine = talk("how do i become an ops director", "I run purchasing and inventory at a 300 bed hospital if that matters")
    assert (mine.intent, mine.role, mine.certifications[0]) == ("pathway", OPS, "CPSCM")


def test_random_but_borrows_nothing_from_the_conversation():
    _, aside = talk("ops director day to day", "random but what's the max tramadol someone can get per day")
    assert aside.intent == "none" and aside.role is None


def test_what_the_member_says_of_themselves_mid_conversation_retailors_the_pathway():
    first, fixed = talk("how do i become an ops director", "actually scratch that, my real thing is safety, i'm on the safety committee and do all our error reports")
    assert first.intent == "pathway" and fixed.intent == "pathway" and fixed.role == OPS and fixed.certifications[0] == "CMSO"
    _, boss = talk("how do i become an ops director", "wait actually, my boss wants me mainly on the safety and error reporting stuff")
    assert boss.intent == "pathway" and boss.certifications[0] == "CMSO"
    *_, forgot = talk("how do i become an ops director", "what does CHPOP cover", "oh also i'm the one who runs our safety huddles and error reviews, forgot that part")
    assert forgot.intent == "pathway" and forgot.role == OPS and forgot.certifications[0] == "CMSO"


def test_a_requirement_asked_of_the_role_is_missing_though_the_page_uses_the_word():
    _, license = talk("director of pharmacy operations day to day?", "lol that morning part is literally my life rn. do they need a pharmacist license")
    assert license.intent == "none" and license.reason == "missing_fact"


def test_a_role_talked_about_earlier_is_recalled_by_one_word_of_its_title():
    *_, back = talk("how do i become a pharmacy supply chain manager", "what about the ops director path instead", "ok wait go back to supply, what's a typical day")
    assert (back.intent, back.role, back.section) == ("role", "pharmacy-supply-chain-manager", "day_in_the_life")
    *_, second = talk("how do i become a pharmacy supply chain manager", "what about the ops director path instead", "no wait go back, the supply one, what was the second cert on it")
    supply_steps = [s.certification for s in engine().index.knowledge.roles["pharmacy-supply-chain-manager"].pathway]
    assert second.intent == "certification" and second.certifications[0] == supply_steps[1]


def test_both_is_the_two_roles_talked_about_and_they_are_the_ones_that_have_it():
    *_, card = talk("thinking about either ops director or supply chain manager. whats the ops director path", "and for the supply chain one", "both have CPOM right? what is it")
    assert card.intent == "certification" and card.certifications[0] == "CPOM"  # "have" is the roles', not the member's


def test_which_cert_is_the_x_one_asks_for_a_certification(tmp_path):
    _, cert = talk_on_pages(tmp_path, "conv15", "ops director responsibilities", "which cert is the supply chain one")
    assert cert.intent == "certification" and cert.certifications[0] == "CPSCM"  # not the ops director's page, which uses the words
    _, more = talk("is there a cert for drug shortages?", "and one for safety culture")
    assert more.intent == "certification" and more.certifications[0] == "CMSO"


def test_steering_words_and_pushback_ask_nothing_new():
    *_, first = talk("show me the ops director certification pathway", "whats the third one again", "go back to the first one")
    assert first.intent == "certification" and first.certifications[0] == "CHPOP"  # "go back" is no fact the card lacks
    _, again = talk("whats CMSO stand for", "are you sure thats pharmacy? sounds like a nursing thing")
    assert again.intent == "certification" and again.certifications[0] == "CMSO"


def test_and_for_that_role_after_a_pathway_keeps_what_the_member_said():
    _, other = talk("im a med safety officer, what should i get first for the ops director role", "and for the supply chain role?")
    assert other.intent == "pathway" and other.role == "pharmacy-supply-chain-manager"
    *_, me = talk("whats the difference between CPOM and CMSO", "ok which one comes first on the ops director path", "ok and for someone like me who did error reporting and safety huddles for 3 yrs?")
    assert me.intent == "pathway" and me.role == OPS and me.certifications[0] == "CMSO"


def test_that_cert_after_a_role_is_a_certification():
    *_, cert = talk("who oversees the automated dispensing cabinets and carousels", "what's the name of that cert for managing pharmacy teams")
    assert cert.intent == "certification" and cert.certifications[0] == "CPOM"


def test_which_of_those_would_suit_someone_retailors_the_pathway_shown():
    _, suits = talk("certification pathway for the ops director", "which of those suit someone who mostly does purchasing and inventory")
    assert suits.intent == "pathway" and suits.role == OPS and suits.certifications[0] == "CPSCM"
    *_, later = talk("how do i become an ops director", "whats the third one", "is it hard to pass", "ok which one if i mostly do purchasing and inventory")
    assert later.intent == "pathway" and later.certifications[0] == "CPSCM"  # after a card and a refusal, still that pathway
    *_, pick = talk("CPOM", "CMSO", "diff?", "which one fits someone who likes safety culture work")
    assert pick.intent == "certification" and pick.certifications[0] == "CMSO"  # of two just compared: a choice


def test_the_first_role_is_the_first_role_talked_about():
    *_, back = talk("what does a pharmacy supply chain manager do", "what about the ops director, whats that", "certs for that one?", "ok back to the first role, how do i get into it")
    assert back.intent == "pathway" and back.role == "pharmacy-supply-chain-manager"


def test_how_do_i_get_certified_for_it_is_the_roles_pathway():
    _, path = talk("what does a pharmacy supply chain manager do", "how do i get certified for it")
    assert path.intent == "pathway" and path.role == "pharmacy-supply-chain-manager"


def test_the_exam_after_a_card_is_that_certifications():
    _, hard = talk("what is CHPOP", "is the exam hard")
    assert hard.intent == "none" and hard.reason == "missing_fact" and hard.certifications[:1] == ("CHPOP",)


def test_what_does_the_x_one_do_asks_for_a_role():
    _, role = talk("what is CPSCM", "what does the supply chain one do")
    assert role.intent == "role" and role.role == "pharmacy-supply-chain-manager"


def test_an_aside_with_words_no_page_uses_borrows_nothing():
    _, aside = talk("what does a pharmacy supply chain manager do", "btw whats a good pizza place near the convention center")
    assert aside.intent == "none" and aside.role is None
    _, book = talk("what is CHPOP", "what's a good book to study for it")
    assert book.intent == "none" and book.reason == "missing_fact"


def test_the_x_side_after_rather_is_what_the_member_likes_not_a_role():
    *_, a = talk("how do I become an ops director", "i'd rather do the purchasing side, which first")
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", OPS, ("CPSCM",))


def test_the_x_one_with_their_day_is_a_role_and_their_is_that_role():
    *_, a = talk("what does the med safety officer do", "what is CPSCM", "ok back to the safety one, whats their day like")
    assert (a.intent, a.role, a.section) == ("role", "medication-safety-officer", "day_in_the_life")


def test_certs_for_that_one_after_naming_a_role_are_that_roles():
    *_, a = talk("what does the med safety officer do", "what is CPSCM", "back to the ops director, what certs for that one")
    assert (a.intent, a.role) == ("pathway", OPS)


def test_both_said_of_two_roles_before_naming_one_asks_about_the_one_named():
    *_, a = talk("what does the med safety officer do", "and the supply chain manager?", "ok both sound like they do a lot of reporting. certs for the supply chain manager")
    assert (a.intent, a.role) == ("pathway", "pharmacy-supply-chain-manager")


def test_back_to_a_role_named_by_part_of_its_title_their_is_that_role():
    *_, a = talk("ops director morning routine?", "what about the med safety officer", "ok back to ops, whats their main responsibilities")
    assert (a.intent, a.role, a.section) == ("role", OPS, "responsibilities")


def test_im_the_person_who_retailors_the_pathway():
    *_, a = talk("how do i become an ops director", "im the person who does all the purchasing and wholesaler orders tbh")
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", OPS, ("CPSCM",))


def test_that_job_refers_back_even_when_its_words_describe_another_role():
    *_, a = talk("what does the med safety officer do", "can techs do that job or is it pharmacists only")
    assert a.role in (None, "medication-safety-officer")  # the page's overview or an honest refusal, never another role


def test_what_certs_would_it_take_after_a_pathway_is_that_roles():
    *_, a = talk("im a pharmacy tech, could i ever become a director of pharmacy operations", "what certs would it take")
    assert (a.intent, a.role) == ("pathway", OPS)


def test_two_ordinals_joined_by_and_both_refer_to_what_was_shown():
    *_, a = talk("ops director cert path?", "whats the difference between the 1st and 2nd")
    assert (a.intent, set(a.certifications[:2])) == ("certification", {"CHPOP", "CPOM"})


def test_a_requirement_asked_of_the_member_mid_pathway_is_refused():
    *_, a = talk("how do i become an ops director, i do all the scheduling", "do i need a pharmacist license for cpom")
    assert a.intent == "none"


def test_who_i_am_after_one_certification_card_retailors_its_pathway():
    *_, a = talk("who runs the root cause analyses after medication errors", "cert for that?", "what if i'm a tech not a pharmacist")
    assert (a.intent, a.role) == ("pathway", "medication-safety-officer")


def test_a_job_title_said_of_oneself_mid_pathway_retailors_it():
    *_, a = talk("how do i become an ops director", "im a supply chain manager rn and honestly i mostly do the ordering and dealing w wholesalers")
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", OPS, ("CPSCM",))


def test_that_role_after_a_card_from_another_pathway_is_the_role_that_has_it():
    *_, a = talk("how do i become a med safety officer", "what is CDSM", "what's the day like for that role")
    assert (a.intent, a.role, a.section) == ("role", "pharmacy-supply-chain-manager", "day_in_the_life")


def test_which_ones_more_about_chooses_among_what_was_shown():
    *_, a = talk("ops director cert path?", "which ones more about safety")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMSO",))


def test_the_members_own_job_alone_describes_no_role_mid_chat():
    *_, a = talk("what does a med safety officer do", "and what certs", "which should i do first as a tech")
    assert (a.intent, a.role) == ("pathway", "medication-safety-officer")


def test_a_clinical_question_mid_chat_never_borrows_the_role_and_the_chat_goes_on():
    first, clinical, after = talk("what does the ops director do", "whats the max dose of vanc for a 90 kg patient on those batches", "what certs")
    assert (clinical.intent, clinical.reason) == ("none", "clinical")
    assert (after.intent, after.role) == ("pathway", OPS)



def test_a_question_refused_as_clinical_alone_is_refused_in_context_too(tmp_path):
    # its words share the role's title ("compounding"): with the role added, it would read as about the job
    _, clinical, after = talk_on_pages(tmp_path, "conv25", "iv room supervisor responsibilities", "whats the bud for a vanc bag made in a segregated compounding area", "what certs")
    assert (clinical.intent, clinical.reason) == ("none", "clinical")
    assert (after.intent, after.role) == ("pathway", "sterile-compounding-supervisor")



def test_and_for_my_staff_asks_the_same_of_the_one_role_that_is_their_job(tmp_path):
    """"and for my techs?": the member's staff, so the one role whose title is a technician's,
    with the section (or the pathway) just asked about."""
    day, techs, later = talk_on_pages(tmp_path, "conv33", "what would the training and competency coordinator do all day", "and for my techs?", "what happens mid-day for them")
    assert (day.role, day.section) == ("pharmacy-training-and-competency-coordinator", "day_in_the_life")
    assert (techs.intent, techs.role, techs.section) == ("role", "lead-pharmacy-technician", "day_in_the_life")
    assert (later.role, later.section) == ("lead-pharmacy-technician", "day_in_the_life")
    path, staff = talk_on_pages(tmp_path / "b", "conv33", "whats the pathway for director of pharmacy operations", "and for my techs?")
    assert (staff.intent, staff.role) == ("pathway", "lead-pharmacy-technician")
    staff = talk_on_pages(tmp_path / "c", "conv33", "whats the pathway for director of pharmacy operations", "and for my techs, which first if they love safety work")[1]
    assert staff.role != "lead-pharmacy-technician"  # more than the people: not a bare "and for my techs?"


def test_a_step_by_its_number():
    path, third, second = talk("certification pathway for director of pharmacy operations", "what's step 3", "and step two?")
    assert third.intent == "certification" and third.certifications[0] == path.certifications[2]
    assert second.certifications[0] == path.certifications[1]


def test_a_correction_naming_another_role_keeps_the_pathway_form(tmp_path):
    """"oops i meant the tech education coordinator, not ops director": "tech" is read three
    ways (tech, technician, technology) and one reading is the title's, so the message only names."""
    path, fixed = talk_on_pages(tmp_path, "conv32", "how do i become a director of pharmacy operations", "oops i meant the tech education coordinator, not ops director")
    assert (path.intent, path.role) == ("pathway", OPS)
    assert (fixed.intent, fixed.role) == ("pathway", "pharmacy-technician-education-coordinator")


def test_the_one_described_is_the_best_fitting_name_not_the_one_just_shown(tmp_path):
    card, other = talk_on_pages(tmp_path, "conv32", "whats CHPOP", "and the ops manager one")
    assert card.certifications[0] == "CHPOP"
    assert (other.intent, other.certifications[0]) == ("certification", "CPOM")  # Certified Pharmacy Operations Manager


def test_that_cert_with_nothing_before_it_asks_for_context():
    (cold,) = talk("ok and that cert?")
    assert (cold.intent, cold.reason) == ("none", "needs_context")
    listed, certs = talk("what roles do you cover", "and the certs?")
    assert certs.intent == "list_certifications"


def test_a_role_title_before_plural_certs_asks_for_its_pathway(tmp_path):
    """"lead pharmacy technician certs in order?": CLPT's name is the role's title, but "certs"
    asks for the role's certifications; "the lead pharmacy technician cert" is CLPT."""
    path, second = talk_on_pages(tmp_path, "conv33", "lead pharmacy technician certs in order?", "second one?")
    assert (path.intent, path.role) == ("pathway", "lead-pharmacy-technician")
    assert second.certifications[0] == path.certifications[1]
    (card,) = talk_on_pages(tmp_path / "b", "conv33", "the lead pharmacy technician cert, what is it")
    assert (card.intent, card.certifications[0]) == ("certification", "CLPT")


def test_what_the_member_tells_after_a_pathway_retailors_it():
    path, told = talk("how do i become a director of pharmacy operations", "i'm the one who does all our purchasing and inventory")
    assert (told.intent, told.role, told.certifications[0]) == ("pathway", OPS, "CPSCM")
    path, told = talk("how do i become a director of pharmacy operations", "inventory is my background")
    assert (told.intent, told.role, told.certifications[0]) == ("pathway", OPS, "CPSCM")


def test_a_bare_why_after_a_tailored_pathway_asks_about_its_first_step():
    path, why = talk("how do i become a director of pharmacy operations? I love safety work", "why?")
    assert path.certifications[0] == "CMSO"
    assert (why.intent, why.certifications[0]) == ("certification", "CMSO")
    (cold,) = talk("why?")
    assert cold.intent == "none"


def test_what_should_she_get_first_after_a_role_is_its_pathway():
    role, path = talk("what does a director of pharmacy operations do?", "ok that sounds like my mentee. what should she get first?")
    assert (path.intent, path.role) == ("pathway", OPS)
    (goal,) = talk("my mentee runs our purchasing and wants to be a director of pharmacy operations one day, where should she start?")
    assert (goal.intent, goal.role, goal.certifications[0]) == ("pathway", OPS, "CPSCM")


def test_for_that_after_a_role_named_in_the_same_message_means_that_role(tmp_path):
    first, switched = talk_on_pages(tmp_path, "conv35", "how do I help my mentee become an automation tech", "actually she just told me she'd rather do controlled substances. path for that?")
    assert first.role == "pharmacy-automation-technician"
    assert (switched.intent, switched.role) == ("pathway", "controlled-substances-technician")


def test_the_day_goes_on_and_the_other_one_keeps_the_section():
    day, later = talk("what does a director of pharmacy operations do in the morning", "and after that")
    assert (later.intent, later.role, later.section) == ("role", OPS, "day_in_the_life")
    a, b, c, other = talk("what's the day like for a director of pharmacy operations", "and for the medication safety officer?", "what do they do all day", "and the other one?")
    assert (c.role, c.section) == ("medication-safety-officer", "day_in_the_life")
    assert (other.role, other.section) == (OPS, "day_in_the_life")


def test_a_certification_sought_is_no_request_for_help_and_the_next_topic_drops_the_one_for():
    first, second = talk("which cert covers procurement and incident command", "and the one for medication safety?")
    assert first.intent == "certification"
    assert (second.intent, second.certifications[0]) == ("certification", "CMSO")


def test_the_words_of_a_choice_describe_neither_role(tmp_path):
    """"ok so between those two which one is more hands-on": "between" and "two" are the choice's
    words (the informatics page translates "between pharmacy and IT"), "hands-on" the sterile page's."""
    a, b, chosen = talk_on_pages(tmp_path, "conv36", "whats a sterile compounding supervisor actually do", "ok and a pharmacy informatics manager?", "ok so between those two which one is more hands-on")
    assert (chosen.intent, chosen.role) == ("role", "sterile-compounding-supervisor")


def test_the_members_own_job_names_no_role_beside_one_they_ask_about(tmp_path):
    """"i'm a pharmacist at walgreens, how would i get into informatics": "pharmacist" is theirs (it
    fits the remote verification pharmacist's title a little); informatics is the goal."""
    (path,) = talk_on_pages(tmp_path, "conv37", "i'm a pharmacist at walgreens, how would i get into informatics")
    assert (path.intent, path.role) == ("pathway", "pharmacy-informatics-analyst")


def test_a_contrast_word_qualifies_neither_title(tmp_path):
    """"ops director vs informatics manager": "vs" is no modifier making "informatics manager"
    another job, so both roles are compared and a choice between them follows."""
    compared, chosen = talk_on_pages(tmp_path, "conv36", "ops director vs informatics manager, whats the difference", "which one is more desk work")
    assert (compared.intent, compared.role) == ("role", OPS)
    assert (chosen.intent, chosen.role) == ("role", "pharmacy-informatics-manager")


def test_a_reaction_mid_conversation_borrows_no_subject_and_keeps_the_thread():
    path, reaction, card = talk("how do i become a director of pharmacy operations", "lol our ADC stockouts and the IV room bottleneck were a nightmare 😩", "anyway whats the first one")
    assert path.intent == "pathway"
    assert reaction.intent == "none"
    assert (card.intent, card.certifications[0]) == ("certification", path.certifications[0])
    _, asked = talk("whats CPOM", "lol ok. who would take it")
    assert asked.intent == "certification"  # a second sentence that asks is answered


def test_naming_the_role_after_a_cold_follow_up_finishes_it():
    """"what's their day like" with nothing before it is refused; "oh lol sorry, the ops director"
    (a name, the rest greetings and steering words) finishes that question."""
    cold, named = talk("anyway what's their day like", "oh lol sorry, the director of pharmacy operations")
    assert cold.intent == "none"
    assert (named.intent, named.role, named.section) == ("role", OPS, "day_in_the_life")


def test_the_second_one_after_two_cards_is_the_second_certification_talked_about():
    first, second, which = talk("what's CPOM?", "and CMSO?", "what job is the second one for?")
    assert (first.certifications[0], second.certifications[0]) == ("CPOM", "CMSO")
    assert (which.intent, which.certifications[0]) == ("certification", "CMSO")
    first, second, which = talk("what's CPOM?", "and CMSO?", "what job is the first one for?")
    assert (which.intent, which.certifications[0]) == ("certification", "CPOM")
