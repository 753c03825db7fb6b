"""Round 63, part 6 (fitted on eval205 and eval206 after their first runs, which were measured on
parts 3 and 4): a claim checked with a figure its page never writes is refused whatever else it
names ("is it true … handle 10,000 calls a day?"); "… is that right?" checks the claim told before
it, and "only pharmacists can sit for X" is who may take it, which no page gives.

Each test is worded apart from the blind sets' questions and failed on part 5."""

from __future__ import annotations

from engine_kb import engine, talk, with_pages

MTM = "medication-therapy-management-center-manager"


def test_a_claim_checked_by_a_figure_no_page_writes_is_refused() -> None:
    e = with_pages("eval206")
    (a,) = talk("is it true an mtm center manager handles 5,000 calls a week?", e=e)
    assert (a.intent, a.reason, a.role) == ("none", "missing_fact", MTM)
    (b,) = talk("is it true the mtm center manager runs a phone outreach team?", e=e)  # near-miss guard: no figure, the page says
    assert (b.intent, b.role) == ("role", MTM)


def test_is_that_right_checks_who_may_sit_for_a_certification() -> None:
    (a,) = talk("my coworker keeps saying only pharmacists can sit for CRSPP. is that right?", e=with_pages("eval205"))
    assert a.intent == "none" and a.certifications[:1] == ("CRSPP",)
    (b,) = talk("so CHPOP comes first on the ops director path, is that right?", e=engine())  # near-miss guard: the page's own order
    assert (b.intent, b.role) == ("pathway", "director-of-pharmacy-operations")
