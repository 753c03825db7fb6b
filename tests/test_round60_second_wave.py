"""Round 60, second wave: a list pointed back at by its kind past another list shown since ("out of
those jobs"); "and the other is for …"; a clock time or "that time" as a follow-up about a day;
"day for that one"; a code told, then asked about by a pronoun; what a member tells comparing
two things of their own is no comparison of roles; judgements of hours, of which hospital is best,
of sitting two exams the same day; how to use the bot.

Each test is worded apart from the blind sets' questions, and each (but the near-miss guards,
marked) failed on the engine of the round's first part (905b9da)."""

from __future__ import annotations

from engine_kb import talk, with_pages

CLEANROOM = "pharmacy-cleanroom-facilities-planner"
RETURNS = "pharmacy-reverse-distribution-manager"
BARCODE = "medication-barcode-integrity-coordinator"
TPN = "parenteral-nutrition-compounding-lead"
DOWNTIME = "pharmacy-downtime-and-continuity-lead"


def test_those_jobs_points_back_at_the_roles_listed_before_the_certifications() -> None:
    *_, a = talk("list the roles", "and every cert", "out of those jobs, which one works with architects", e=with_pages("conv107"))
    assert (a.intent, a.role) == ("role", CLEANROOM)


def test_and_the_other_is_for_is_the_other_of_two_certifications() -> None:
    *_, a = talk("CMUE vs CPQD?", "which one's about quality measures", "and the other is for running the reviews?", e=with_pages("conv107"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMUE",))


def test_a_clock_time_or_that_time_after_a_day_asks_another_roles_day() -> None:
    e = with_pages("conv110")
    _, a = talk("what's the tpn lead doing around 9", "and the returns manager at 3?", e=e)
    assert (a.role, a.section) == (RETURNS, "day_in_the_life")
    _, b = talk("what's the tpn lead doing around 9", "and the barcode coordinator at that time?", e=e)
    assert (b.role, b.section) == (BARCODE, "day_in_the_life")


def test_day_for_that_one() -> None:
    _, a = talk("what does the returns manager do", "day for that one", e=with_pages("conv110"))
    assert (a.role, a.section) == (RETURNS, "day_in_the_life")


def test_a_code_told_then_asked_about_by_a_pronoun_is_refused_as_unknown() -> None:
    e = with_pages("eval180")
    for q in (
        "My director keeps bringing up the CPHIMS. Is that a good one for a downtime lead?",
        "I'm looking at the CSSGB since I run a lot of process projects. Can you tell me about it?",
    ):
        (a,) = talk(q, e=e)
        assert (a.intent, a.reason) == ("none", "unknown_cert"), q


def test_a_comparison_the_member_tells_of_themselves_is_no_comparison_of_roles() -> None:
    (a,) = talk("path for the downtime lead? i'm big on paper vs electronic backup forms", e=with_pages("eval180"))
    assert (a.intent, a.role) == ("pathway", DOWNTIME)


def test_judgements_of_hours_hospitals_and_exam_days_are_refused() -> None:
    e = with_pages("conv110")
    for q in (
        "tpn lead or returns manager, which one has better hours",
        "which hospital has the best tpn program in ohio",
        "can i sit CPNC and CSCQ on the same day",
        "is the tpn lead a high-stress job",
    ):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q


def test_how_to_ask_the_bot_is_help() -> None:
    for q in ("so what can i ask you about", "how should i ask you about a job"):
        (a,) = talk(q, e=with_pages("conv110"))
        assert a.intent == "help", q
