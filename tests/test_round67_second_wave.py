"""Round 67, part 2 (fitted on what waves 1-2 still missed and on wave 3 after its first runs, on
bbb0ce6): venting with nothing asked; "does our state let …"; full- or part-time, a mileage
allowance, "do either of them work weekends" (the titles read in); "which roles are on here"; a
role's job noun with its title's words pieced together from two sentences names nothing; "I'm
curious what it covers"; "a 'drug library' pharmacist"; "which one is hardest to pass" after a
list; interview questions; "is there a role whose whole job is … next step" asks no way.

Each test is worded apart from the blind sets' questions and failed on bbb0ce6."""

from __future__ import annotations

from engine_kb import talk, with_pages

from bot.engine.evidence import read

NAVIGATOR = "pharmacy-technician-career-navigator"
LIBRARY = "infusion-drug-library-manager"


def test_venting_with_nothing_asked_is_small_talk() -> None:
    (a,) = talk("these night shift charge tech shifts are killing me lol", e=with_pages("eval242"))
    assert (a.intent, a.reason) == ("none", "off_topic")


def test_what_a_state_allows_is_the_law() -> None:
    (a,) = talk("does our state let techs do tech check tech", e=with_pages("eval242"))
    assert (a.intent, a.reason) == ("none", "missing_fact")


def test_full_or_part_time_and_weekends_of_either_are_schedule_facts() -> None:
    e = with_pages("eval242")
    (a,) = talk("is the navigator role full-time or part-time?", e=e)
    assert (a.intent, a.reason) == ("none", "missing_fact")
    *_, b = talk("what does the career navigator do", "and the night shift charge tech?", "do either of them work weekends", e=e)
    assert (b.intent, b.reason) == ("none", "missing_fact")


def test_which_roles_are_on_here() -> None:
    (a,) = talk("which roles are on here? just got back from leave", e=with_pages("eval242"))
    assert a.intent == "list_roles"


def test_a_title_pieced_together_from_two_sentences_names_no_role() -> None:
    (a,) = talk("what career spotlights do you have? wondering what a tech might grow into", e=with_pages("eval242"))
    assert a.intent == "list_roles"


def test_a_job_noun_of_the_trade_after_words_only_one_title_has() -> None:
    (a,) = talk("heard about a drug library pharmacist, what is that", e=with_pages("conv171"))
    assert (a.intent, a.role) == ("role", LIBRARY)


def test_the_hardest_to_pass_after_a_list_is_no_list() -> None:
    *_, a = talk("list the certifications", "which one is hardest to pass", e=with_pages("eval242"))
    assert a.intent == "none"


def test_interview_questions_are_refused_after_a_role() -> None:
    *_, a = talk("what does the career navigator do", "what interview questions will they ask her", e=with_pages("eval242"))
    assert a.intent == "none"


def test_a_next_step_inside_the_described_job_asks_no_way() -> None:
    hits = read("is there a role whose whole job is helping techs plan their next step", with_pages("eval242").index).hits
    assert "pathway" not in hits and "role_exists" in hits
