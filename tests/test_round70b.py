"""Round 70, part 2 (fitted on wave 2, eval260-261 and conv202-204, after their first runs on
f6ab0d8, and on what wave 1 still missed): "how does that compare with X" after what a role is;
the two roles a "vs" set side by side are both remembered ("which of the two is shorter"); the
length of paths asked with nothing after "fewer" or "shorter"; a role picked from those weighed
by a word of its title ("going with water."); "whose day begins earliest" of three; "and the
third one's?" after a pathway picked by its place; "step 3 on the pilgrim one"; "how did she end up
as …"; a judgement cue no longer read into "which cert should I do first if …"; refusals: the
exam's length and content, where to find work, "a lot of … jobs", the shift worked, a job usually
full time, on call during something.

Each test is worded apart from the blind sets' questions and failed on f6ab0d8."""

from __future__ import annotations

from engine_kb import talk, with_pages

WATER = "compounding-purified-water-systems-specialist"  # CPWSV, CMBTA, CMSO, CPOM; from 07:00
PILGRIM = "pilgrimage-health-team-pharmacist"  # CMGHP, CHIRP, CPSCM; from "Before Dawn"
SPACE = "spaceflight-medication-kit-pharmacist"  # CSMSA, CFMKP, CPSCM, CMSO; from 8:00 AM
PILOT = "pharmacy-service-pilot-evaluation-analyst"  # CHODA, CPPES, CPBCA, CPOM
VARIANCE = "pharmacy-drug-cost-variance-analyst"  # CPFVR, CPSCM, CPBFA, CHDVL
WILDERNESS = "wilderness-medicine-kit-pharmacist"  # CWMKP, CFSCC, CPSCM, CEKRT


def test_how_that_compares_after_what_a_role_is() -> None:
    e = with_pages("conv202")
    first, other = talk("tell me about the spaceflight medication kit pharmacist", "and how does that compare with the pilgrim pharmacist", e=e)
    assert first.role == SPACE
    assert (other.intent, other.role, other.section) == ("role", PILGRIM, "overview")


def test_two_paths_set_side_by_side_are_both_remembered() -> None:
    e = with_pages("conv202")
    *_, a = talk("how do i become a pilgrimage health team pharmacist", "how's that path vs the spaceflight kit pharmacist's", "which of the two is shorter", e=e)
    assert (a.intent, a.role) == ("pathway", PILGRIM)


def test_a_role_picked_by_a_word_only_its_title_has() -> None:
    e = with_pages("conv202")
    *_, a = talk("water systems specialist, pilgrim pharmacist or spaceflight kit pharmacist: which needs the fewest certs?", "going with water. which cert first if i run the plate counts", e=e)
    assert (a.intent, a.role) == ("pathway", WATER)


def test_whose_day_begins_earliest_of_three() -> None:
    e = with_pages("conv202")
    _, a = talk("compare the water systems specialist, the pilgrim pharmacist and the spaceflight kit pharmacist", "and whose day begins earliest?", e=e)
    assert (a.intent, a.role, a.section) == ("role", PILGRIM, "day_in_the_life")


def test_the_third_ones_after_a_pathway_picked_by_its_place() -> None:
    e = with_pages("conv202")
    *_, a = talk("torn between water systems specialist, pilgrim pharmacist and spaceflight kit pharmacist", "show me the second one's path", "and the third one's?", e=e)
    assert (a.intent, a.role) == ("pathway", SPACE)


def test_a_step_on_the_pathway_of_the_role_described() -> None:
    e = with_pages("conv202")
    _, a = talk("path to water systems specialist", "whats step 3 on the pilgrim one", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPSCM",))  # that step's card (round 75: "on the X one" only says whose step)


def test_ending_up_as_asks_the_way_in() -> None:
    e = with_pages("conv203")
    (a,) = talk("how did she end up as a pharmacy drug cost variance analyst", e=e)
    assert (a.intent, a.role) == ("pathway", VARIANCE)


def test_which_cert_first_if_is_no_judgement() -> None:
    e = with_pages("eval261")
    (a,) = talk("for the pilot evaluation analyst, which cert should i do first if SQL reports are my thing", e=e)
    assert (a.intent, a.role) == ("pathway", PILOT)


def test_more_facts_no_page_gives_are_refused() -> None:
    e = with_pages("conv204")
    for q in (
        "is a wilderness medicine kit pharmacist job usually full time",
        "are wilderness kit pharmacists on call during rescues",
        "whats the exam length for CWMKP",
        "what's on the CEKRT exam",
        "where do wilderness kit pharmacists find jobs",
        "are there a lot of wilderness kit pharmacist jobs out west",
    ):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q
    _, b = talk("what's the wilderness medicine kit pharmacist do", "what shift do they work", e=e)
    assert (b.intent, b.role) == ("none", WILDERNESS)
