"""Round 64, part 3 (fitted on what the earlier waves still missed, and on eval212, eval213,
conv141 and conv142 after their first runs, which were measured on 511368b): a commoner name in a
roster ("…, tom: counting stock") is a person; a name of two letters ("jo loves data") is a name;
"and if i'd rather be on the billing side?" after a step's "why" retailors the pathway; "btwn" is
between; an unknown code judged beside a known certification only told of is the subject; a job
phrase that fits one title, asked what it is, is that role; "wanna" alone asks no way in.

Each test is worded apart from the blind sets' questions and failed on 511368b."""

from __future__ import annotations

from engine_kb import talk, with_pages

CONSIGNMENT = "high-cost-drug-consignment-coordinator"
CABINET = "automated-dispensing-cabinet-optimization-lead"
TRIAL = "clinical-trial-pharmacy-billing-coordinator"
WEIGHT = "weight-management-clinic-pharmacy-coordinator"
TRANSFER = "prescription-transfer-center-supervisor"


def test_a_commoner_name_in_a_roster_is_a_person() -> None:
    e = with_pages("conv139")
    a, b, c = talk(
        "three of my techs want the consignment coordinator job. ravi: vendor contracts, nia: billing reconciliation, tom: counting stock. start with nia",
        "now ravi",
        "and tom's first step?",
        e=e,
    )
    assert (a.intent, a.role) == ("pathway", CONSIGNMENT)
    assert c.role == CONSIGNMENT and c.certifications[:1] == ("CCIC",)


def test_a_two_letter_name_is_a_name() -> None:
    e = with_pages("conv142")
    a, b = talk("both my techs want the cabinet lead job. jo loves dashboards and data, ben is all about safety. start with jo", "now ben", e=e)
    assert (a.intent, a.role) == ("pathway", CABINET)
    assert (b.intent, b.role, b.certifications[:1]) == ("pathway", CABINET, ("CMSO",))


def test_rather_on_another_side_after_why_retailors_the_pathway() -> None:
    e = with_pages("conv139")
    a, _, c = talk("consignment coordinator path, i love cycle counts", "why that first?", "and if i'd rather do the billing side?", e=e)
    assert (a.intent, a.certifications[:1]) == ("pathway", ("CCIC",))
    assert (c.intent, c.role) == ("pathway", CONSIGNMENT) and c.certifications[:1] != ("CCIC",)


def test_btwn_is_between() -> None:
    e = with_pages("conv142")
    (a,) = talk("torn btwn trial billing coord and weight clinic coord. i love seeing patients. which fits", e=e)
    assert (a.intent, a.role) == ("role", WEIGHT)


def test_an_unknown_code_judged_beside_a_known_one_only_told_of_is_the_subject() -> None:
    e = with_pages("eval213")
    (a,) = talk("my lead has BCSCP and says it covers what the beyond use dating cert does. is BCSCP worth it for me?", e=e)
    assert (a.intent, a.reason) == ("none", "unknown_cert")


def test_a_job_phrase_fitting_one_title_asked_what_it_is_is_that_role() -> None:
    e = with_pages("eval212")
    (a,) = talk("rx transfer center supervisor - what's that?", e=e)
    assert (a.intent, a.role) == ("role", TRANSFER)
    (b,) = talk("and for a tech?", e=e)  # near-miss guard: a job noun alone names no role
    assert b.intent == "none"


def test_wanna_alone_asks_no_way_in() -> None:
    e = with_pages("conv142")
    _, b = talk("cabinet lead path please", "thanks a ton, wanna grab a coffee sometime lol", e=e)
    assert b.intent == "none"
