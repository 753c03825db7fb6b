"""Round 64, part 5 (fitted on eval217 and conv146 after their first runs, which were measured on
22ad408, and on what the earlier waves still missed): who told a claim ("my friend says") asks
nothing of it; two short words one page writes together ("the TB DOT pharmacy coordinator") name
its role; "who runs this bot" asks about no role; pay, hiring, exam dates and form-filling said
the phone way ("what do they earn lol", "who's hiring … rn", "whens the exam", "fill in the
application for me") are refused; "both want the X job. ana 1st" asks Ana's way in; a name said
alone is that person, not another language; "have that" holds the one shown.

Each test is worded apart from the blind sets' questions and failed on 22ad408."""

from __future__ import annotations

from engine_kb import talk, with_pages

TB = "tuberculosis-directly-observed-therapy-pharmacy-coordinator"
ROUNDING = "dose-rounding-program-coordinator"
OPS = "director-of-pharmacy-operations"
STAR = "star-ratings-pharmacy-performance-manager"


def test_who_told_a_claim_asks_nothing_of_it() -> None:
    e = with_pages("eval216")
    (a,) = talk("my coworker says the star ratings manager makes the monthly dashboards for leadership, is that right?", e=e)
    assert (a.intent, a.role) == ("role", STAR)


def test_two_short_words_one_page_writes_together_name_its_role() -> None:
    e = with_pages("eval217")
    (a,) = talk("what does a TB DOT pharmacy coordinator do all day", e=e)
    assert (a.intent, a.role) == ("role", TB)


def test_who_runs_this_bot_asks_about_no_role() -> None:
    e = with_pages("eval216")
    (a,) = talk("who runs this bot and keeps it updated?", e=e)
    assert a.intent in ("none", "faq") and a.role is None


def test_refusals_said_the_phone_way() -> None:
    e = with_pages("conv146")
    for q in ("what do vial stewards earn lol", "whos hiring dose rounding coordinators rn", "whens the exam for CDRS", "can u fill in my application form for me"):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q


def test_both_wanting_a_job_then_one_first_asks_the_way_and_a_name_alone_is_that_person() -> None:
    e = with_pages("conv146")
    a, b = talk("kai wants the wholesaler contract side, lu wants the protocol side. both want the dose rounding coord job. kai 1st", "lu", e=e)
    assert (a.intent, a.role) == ("pathway", ROUNDING)
    assert (b.intent, b.role) == ("pathway", ROUNDING)


def test_have_that_holds_the_one_shown() -> None:
    e = with_pages("conv146")
    a, b = talk("ops director path, inventory is what i do", "have that", e=e)
    assert a.certifications[:1] == ("CPSCM",)
    assert (b.intent, b.role) == ("pathway", OPS) and "CPSCM" not in b.certifications
