"""Choosing between two named roles, a code typed a letter off, claims with figures, and words
that describe no role: each a question the engine answered wrongly before, asserted as the
behaviour a member expects (tests' own knowledge, engine_kb)."""

from __future__ import annotations

import pytest
from engine_kb import engine, talk, with_pages

from bot.engine import Engine
from bot.engine.index import Index, reading_groups

OPS = "director-of-pharmacy-operations"
MSO = "medication-safety-officer"
SUPPLY = "pharmacy-supply-chain-manager"
INFORMATICS = "director-of-pharmacy-informatics"


def _with_a_technician_page() -> Engine:
    """Among round 26's pages, a technician educator's: "tech" is all over that page."""
    return with_pages("conv26")


# --- a code typed a letter off -------------------------------------------------------------------


def test_a_code_a_letter_off_asked_what_it_is_gets_that_card_and_says_so() -> None:
    for q in ("whats CPDX", "CPDX cert?", "cpdx what is that", "tell me about CPDX"):
        a = engine().ask(q)
        assert (a.intent, a.certifications[:1]) == ("certification", ("CPDA",)), q


def test_the_card_says_how_the_code_was_read() -> None:
    a = engine().ask("whats CPDX")
    assert any("CPDX" in n and "CPDA" in n for n in a.notes)


def test_anything_more_than_what_it_is_is_still_only_offered() -> None:
    for q in ("is CPDX worth it", "anyone have the CPDX"):
        a = engine().ask(q)
        assert a.intent == "none" and [x.id for x in a.alternatives] == ["CPDA"], q


def test_another_boards_credential_is_never_read_as_ours() -> None:
    a = engine().ask("whats BCPS")
    assert a.intent == "none" and not a.certifications


# --- choosing between two named roles ------------------------------------------------------------


def test_which_of_two_named_roles_is_the_one_whose_page_says_it() -> None:
    a = engine().ask("medication safety officer or supply chain manager, which one deals more with wholesalers and shortages")
    assert (a.intent, a.role) == ("role", SUPPLY)
    b = engine().ask("supply chain manager or medication safety officer, which one deals more with error reporting")
    assert (b.intent, b.role) == ("role", MSO)


def test_a_choice_answers_what_the_role_is() -> None:
    a = engine().ask("medication safety officer or supply chain manager, which one deals more with wholesalers and shortages")
    assert a.section == "overview"


def test_who_handles_between_two_still_points_at_the_page_part() -> None:
    a = engine().ask("supply chain manager vs medication safety officer, who handles drug shortages")
    assert a.role == SUPPLY and a.section in ("responsibilities", "day_in_the_life")


# --- one written word read several ways is one word ----------------------------------------------


def test_the_readings_of_one_word_are_one_group() -> None:
    read = [("tech", "tech"), ("technician", "tech"), ("technology", "tech"), ("lead", "lead"), ("medication", "med safety"), ("safety", "med safety")]
    assert reading_groups(read) == [0, 0, 0, 1, 2, 2]


def test_no_passage_pairs_the_readings_of_one_word() -> None:
    ix: Index = _with_a_technician_page().index
    pairs = {pair for p in ix.passages for pair in p.bigrams}
    assert ("tech", "technician") not in pairs and ("technician", "technolog") not in pairs
    assert ix.text_bigrams and ("tech", "technician") not in ix.text_bigrams


def test_job_nouns_alone_describe_no_role() -> None:
    e = _with_a_technician_page()
    first, second = talk("whats a sterile compounding supervisor", "is that usually a pharmacist or a tech", e=e)
    assert first.role == "sterile-compounding-supervisor"
    assert second.role in ("sterile-compounding-supervisor", None)  # the role just shown (or none): not one found by "tech"


# --- a person spoken for, then a certification of their own --------------------------------------


def test_now_my_tech_with_a_topic_of_their_own_is_not_the_last_subject() -> None:
    *_, asked = talk("what does the medication safety officer do", "now my tech: she's into purchasing and inventory work. what cert is that")
    assert asked.intent == "certification" and asked.certifications[0] == "CPSCM"


# --- two certifications, one asked for ------------------------------------------------------------


def test_of_two_certifications_the_one_whose_text_says_it_comes_first() -> None:
    a = engine().ask("CPSCM or CMSO, which one is more about error reporting")
    assert a.intent == "certification" and a.certifications[0] == "CMSO"
    b = engine().ask("which of CPSCM or CMSO is about wholesalers")
    assert b.intent == "certification" and b.certifications[0] == "CPSCM"


def test_of_two_certifications_a_role_page_can_settle_it() -> None:
    """The certification texts do not say "clinical trials"; the research role's page does."""
    a = with_pages("conv56").ask("which of CHPOP or CIDSP is about clinical trials")
    assert a.certifications[0] == "CIDSP"


def test_which_of_two_named_roles_fits_my_background() -> None:
    a = engine().ask("torn between the supply chain manager and the medication safety officer. i spent years reporting and reviewing med errors, which fits me better")
    assert (a.intent, a.role) == ("role", MSO)
    b = engine().ask("med safety officer or supply chain mgr, which fits me better? i ran the wholesaler orders for years")
    assert (b.intent, b.role) == ("role", SUPPLY)


# --- words members type --------------------------------------------------------------------------


def test_a_clipped_title_word_beside_the_title_is_read_whole() -> None:
    a = with_pages("eval123").ask("emergency prep coordinator responsibilities?")
    assert (a.intent, a.role, a.section) == ("role", "pharmacy-emergency-preparedness-coordinator", "responsibilities")


def test_a_vocabulary_word_is_not_read_as_clipped() -> None:
    """"cert" is the vocabulary's: "sterile compounding cert" is no "certified"."""
    a = with_pages("eval123").ask("sterile compounding cert")
    assert "certified" not in a.read_as


def test_asking_for_help_with_a_career_is_help() -> None:
    assert engine().ask("hey can you help me figure out my next career move").intent == "help"


def test_how_much_of_a_drug_to_stock_is_no_role_overview() -> None:
    a = with_pages("eval123").ask("for the emergency prep role, how much hydroxocobalamin should we stock per 100 beds for cyanide")
    assert a.intent == "none"


# --- choosing in a conversation -------------------------------------------------------------------


def test_out_of_a_list_which_one_is_the_one_chosen_alone() -> None:
    *_, chosen, path = talk("what roles do you cover", "out of those which one deals with wholesalers and shortages", "whats their pathway")
    assert (chosen.intent, chosen.role) == ("role", SUPPLY)
    assert (path.intent, path.role) == ("pathway", SUPPLY)


def test_the_path_of_the_role_that_fits_is_tailored_to_what_they_told() -> None:
    fit, path = talk("i've been our hospital's drug shortage and wholesaler contact for years. supply chain manager or medication safety officer - which fits me better", "show me the path for it")
    assert fit.role == SUPPLY
    assert path.intent == "pathway" and path.role == SUPPLY and {"shortage", "wholesaler"} & set(path.focus_words)


def test_a_role_asked_for_someone_else_keeps_the_path_untailored() -> None:
    _, path = talk("my tech does our purchasing. what does a supply chain manager do", "show me the path for it")
    assert path.intent == "pathway" and path.role == SUPPLY and not path.focus_words


# --- refused honestly: facts no page gives, clinical questions, another language ------------------


@pytest.mark.parametrize(
    "question, reason",
    [
        ("is it true the medication safety officer has to be on call 24/7?", "missing_fact"),  # a figure no page gives
        ("can a tech get fired for failing a sterile compounding competency check", "missing_fact"),  # employment
        ("which pays better, the supply chain manager or the safety officer", "missing_fact"),
        ("how is the job market for supply chain managers right now", "missing_fact"),
        ("do hospitals actually hire new grads as supply chain managers", "missing_fact"),
        ("do supply chain managers get more vacation than safety officers", "missing_fact"),
        ("which of the two is more stressful, the supply chain manager or the medication safety officer", "missing_fact"),
        ("is the supply chain manager a step up from the medication safety officer", "missing_fact"),
        ("weighing the supply chain role - quick q though, can you crush extended release metoprolol for a study patient with a feeding tube?", "clinical"),
        ("i do procurement, not clinical, but my mom is on warfarin and just started amiodarone. should her dose change?", "clinical"),
        ("Soy farmacéutica de hospital y me encanta enseñar. ¿Qué certificación debería sacar primero?", "language"),
    ],
)
def test_refused_honestly(question: str, reason: str) -> None:
    a = engine().ask(question)
    assert (a.intent, a.reason) == ("none", reason)


def test_telling_about_time_off_asks_nothing_about_it() -> None:
    a = engine().ask("i've been on parental leave for two years and i'm rusty, how do i become a medication safety officer")
    assert (a.intent, a.role) == ("pathway", MSO)


# --- what members tell before they ask ------------------------------------------------------------


def test_a_held_code_is_not_the_card_asked_for() -> None:
    a = engine().ask("I already hold CPOM and a friend says CMSO would suit me. what is cmso")
    assert a.intent == "certification" and a.certifications == ("CMSO",)


def test_a_residency_year_is_no_unknown_certification() -> None:
    a = engine().ask("PGY1 resident here, which certs line up with the medication safety officer role?")
    assert (a.intent, a.role) == ("pathway", MSO)


def test_which_first_to_work_somewhere_names_a_goal() -> None:
    a = engine().ask("what should i get first to work in a hospital medication safety program")
    assert (a.intent, a.role) == ("pathway", MSO)


# --- several people, named --------------------------------------------------------------------------


def test_several_named_people_each_keep_their_role() -> None:
    first, second, third = talk(
        "two mentees: Priya wants to be a medication safety officer, Marcus wants supply chain manager. start with Priya - what's her path",
        "now Marcus",
        "and Priya already has CMSO, so what's next for her",
    )
    assert (first.intent, first.role) == ("pathway", MSO)
    assert (second.intent, second.role) == ("pathway", SUPPLY)
    assert (third.intent, third.role) == ("pathway", MSO) and "CMSO" not in third.certifications


def test_a_person_called_by_job_and_name_is_one_person() -> None:
    *_, back = talk(
        "my resident Noor wants to be a medication safety officer, what do they do",
        "my other mentee Ben is more into wholesalers and shortages, what does a supply chain manager do",
        "pathway for Ben?",
        "and back to Noor, her pathway?",
    )
    assert (back.intent, back.role) == ("pathway", MSO)


def test_one_title_inside_another_is_no_choice_between_two() -> None:
    """"director of pharmacy" inside "director of pharmacy operations" names one role, not two to choose from."""
    a = engine().ask("ive done all the purchasing and wholesaler ordering for years, would director of pharmacy operations suit me?")
    assert a.role == OPS


def test_telling_about_the_person_after_their_pathway_reorders_it() -> None:
    first, told = talk("how would my mentee become a medication safety officer", "fyi she came from purchasing, she was our drug buyer for 5 years")
    assert (first.intent, first.role) == ("pathway", MSO)
    assert (told.intent, told.role) == ("pathway", MSO)  # her own past work describes no role to become


def test_another_name_a_page_gives_takes_any_head_of_a_team() -> None:
    """The page says "often called the research pharmacy lead"; members say "manager" too."""
    a = with_pages("eval122").ask("what's a typical day like for the research pharmacy manager?")
    assert (a.intent, a.role, a.section) == ("role", "investigational-drug-services-manager", "day_in_the_life")
