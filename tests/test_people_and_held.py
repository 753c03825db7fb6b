"""Conversations about several people, certifications held after a step's card, and words
read as they were meant ("super helpful", "i taught chem", "back to that cert — which job").

Each test is a conversation (or a question) the engine got wrong before; what it asserts is
the behaviour a member expects, on the tests' own knowledge (engine_kb)."""

from __future__ import annotations

from engine_kb import engine, talk

from bot.engine.normalize import stem

OPS = "director-of-pharmacy-operations"
MSO = "medication-safety-officer"
SUPPLY = "pharmacy-supply-chain-manager"


def _path(role: str) -> list[str]:
    return [s.certification for s in engine().knowledge.roles[role].pathway]


# --- people: a mentor speaks for more than one person ------------------------------------------


def test_a_new_person_with_a_goal_of_their_own_is_a_new_subject() -> None:
    first, second = talk(
        "my resident hopes to end up a pharmacy supply chain manager someday, where does she start",
        "and my tech wants to run the medication safety program, where does he start",
    )
    assert (first.intent, first.role) == ("pathway", SUPPLY)
    assert (second.intent, second.role) == ("pathway", MSO)


def test_back_to_a_person_is_back_to_their_role() -> None:
    *_, back = talk(
        "my resident hopes to end up a pharmacy supply chain manager someday, where does she start",
        "and my tech wants to run the medication safety program, where does he start",
        "ok back to the resident, which cert comes first for her",
    )
    assert (back.intent, back.role) == ("pathway", SUPPLY)


def test_the_first_of_two_people_is_not_the_first_step() -> None:
    *_, back, card = talk(
        "my resident wants medication safety and my other resident wants supply chain. what certs does the medication safety officer need",
        "ok and for the supply chain one?",
        "back to the first resident, which cert comes first for her",
        "and what is that cert exactly",
    )
    assert (back.intent, back.role) == ("pathway", MSO)
    assert card.intent == "certification" and card.certifications[0] == back.certifications[0]


def test_someone_new_says_so() -> None:
    *_, other = talk(
        "what's the ops director path",
        "different person: a pharmacist who loves med safety work, what pathway?",
    )
    assert (other.intent, other.role) == ("pathway", MSO)


# --- a certification held, said after a step's card ----------------------------------------------


def test_held_after_a_step_card_is_that_pathway_without_it() -> None:
    *_, card, after = talk("ops director certs?", "tell me about the 3rd", "i already have that one. which should i do next")
    third = _path(OPS)[2]
    assert card.certifications[0] == third
    assert (after.intent, after.role) == ("pathway", OPS)
    assert third not in after.certifications and third in after.held


def test_held_said_twice_in_one_message() -> None:
    first, after = talk("how do I become a medication safety officer", "skip that one, i've got it")
    assert first.intent == "pathway"
    assert (after.intent, after.role) == ("pathway", MSO)
    assert first.certifications[0] not in after.certifications


def test_held_with_a_time_is_no_missing_fact() -> None:
    first, why, after = talk("how do I become a medication safety officer", "why that one first", "i already have it actually, got it last spring")
    assert (after.intent, after.role) == ("pathway", MSO)
    assert first.certifications[0] not in after.certifications


def test_asking_who_may_sit_for_it_stays_a_missing_fact() -> None:
    *_, asked = talk("ops director certs?", "tell me about the 3rd", "do i need to be a certified tech already to take it")
    assert asked.intent == "none"


# --- words read as meant --------------------------------------------------------------------------


def test_what_else_can_you_help_with_is_help_mid_conversation() -> None:
    _, asked = talk("what is CPOM", "what else can you help with")
    assert asked.intent == "help"


def test_a_code_named_then_asked_about_is_that_certification() -> None:
    *_, asked = talk("what is CMSO", "what can you help with", "ok, back to that cert - which job needs it")
    assert asked.intent == "certification" and asked.certifications[0] == "CMSO"


def test_super_helpful_is_a_thank_you_not_a_supervisor() -> None:
    a = engine().ask("ok thanks, super helpful")
    assert a.intent == "none" and a.reason == "thanks"


def test_a_clipped_word_beside_a_title_word_is_still_completed() -> None:
    a = engine().ask("supply chain mgr typical day?")
    assert (a.intent, a.role) == ("role", SUPPLY)


def test_past_forms_stem_like_their_verbs() -> None:
    assert stem("taught") == stem("teaching") == stem("teach")
    assert stem("bought") == stem("buying")
    assert stem("ran") == stem("running")
    assert stem("given") == "given"  # "given my background" is no verb of work
