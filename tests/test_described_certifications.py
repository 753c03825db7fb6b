"""Certifications and goals described in words, not named: "anything that proves you can X" looks
for a certification; "I want to run X. which cert first / what's the cert order" is the pathway of
the one role whose pathway has the best match; who may sit for, or how hard, a described
certification is a fact no page gives; "log what's expiring" is a duty, not a renewal question.
The knowledge is the tests' own (tests/engine_kb.py)."""

from __future__ import annotations

import pytest
from engine_kb import engine

SUPPLY = "pharmacy-supply-chain-manager"


@pytest.mark.parametrize("q", ["anything that proves ur good at handling drug shortages", "one that shows you can run a shortage response"])
def test_a_certification_described_by_what_it_proves(q):
    a = engine().ask(q)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CDSM",))


@pytest.mark.parametrize(
    "q",
    [
        "i handle our shortage lists every day. want to run the whole shortage response program. which cert first",
        "want to run drug shortage response full time, what's the cert order",
    ],
)
def test_an_order_of_certifications_for_a_described_goal_is_a_pathway(q):
    a = engine().ask(q)
    assert (a.intent, a.role) == ("pathway", SUPPLY)
    assert a.certifications[0] == "CDSM"


def test_a_named_credential_before_a_step_stays_one_certification():
    a = engine().ask("my manager wants me to get the drug shortage credential before i take over purchasing")
    assert a.intent == "certification"


@pytest.mark.parametrize(
    "q", ["do you have to be a pharmacist to sit for the drug shortage credential or can techs take it", "which is harder to pass, the cert for drug shortages or the error prevention one"]
)
def test_who_may_sit_for_or_how_hard_a_described_certification_is_no_page_says(q):
    a = engine().ask(q)
    assert (a.intent, a.reason) == ("none", "missing_fact") and a.certifications


def test_a_topic_its_text_has_is_not_an_eligibility_question():
    assert engine().ask("which credential proves you know the drug shortage rules and allocation").intent == "certification"


def test_expiring_stock_is_a_duty_not_a_renewal():
    a = engine().ask("whose job is it to pull the meds that are expiring from the shelves")
    assert a.intent == "role"
