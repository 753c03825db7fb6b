"""Long, formal questions: the pathway asked as "progress to", "pursue the … role", "preparing for
the … role"; a goal read past what the member tells of themselves; lists asked as "enumerate"
or "which positions are you able to describe"; and honest refusals of what no page gives: an
opinion of employers for a role, a dispute at work, an exam window, a job the knowledge lacks
asked about politely, an unknown code judged worthwhile. The knowledge is the tests' own
(tests/engine_kb.py)."""

from __future__ import annotations

import pytest
from engine_kb import engine

SUPPLY = "pharmacy-supply-chain-manager"
SAFETY = "medication-safety-officer"


@pytest.mark.parametrize(
    "q,role",
    [
        ("I run our unit-dose packaging line; how would I progress to pharmacy supply chain manager?", SUPPLY),
        ("If I were to pursue the medication safety officer role, where would I begin?", SAFETY),
        ("As a staff pharmacist, how should I go about preparing for the supply chain manager role?", SUPPLY),
    ],
)
def test_formal_pathway_wording(q, role):
    a = engine().ask(q)
    assert (a.intent, a.role) == ("pathway", role)


def test_the_goal_is_read_past_what_the_member_tells_of_themselves():
    a = engine().ask(
        "I have been a retail pharmacist for eight years and have no interest in billing whatsoever, "
        "but I would like to move into running drug shortage response and wholesaler purchasing; which certifications?"
    )
    assert (a.intent, a.role) == ("pathway", SUPPLY)


def test_an_everyday_number_is_not_a_typo():
    ix = engine().index
    assert ix.correct("eight") == "eight"


@pytest.mark.parametrize("q,intent", [("Could you please enumerate the credentials held in your knowledge?", "list_certifications"), ("Which positions are you able to describe, if I may ask?", "list_roles")])
def test_formal_list_requests(q, intent):
    assert engine().ask(q).intent == intent


@pytest.mark.parametrize(
    "q",
    [
        "In your view, is a large academic medical centre a better employer for a supply chain manager than a community hospital?",
        "Could you kindly advise whether I have grounds for a grievance, given that my manager denied my study leave for the CPOM exam?",
        "Could you kindly tell me when the next CPOM examination window opens?",
        "What does a hospital chief financial officer do, if you would be so kind as to explain?",
        "Could you kindly tell me whether the BCSCP is a worthwhile credential for a compounding pharmacist?",
    ],
)
def test_formal_questions_no_page_answers_are_refused(q):
    assert engine().ask(q).intent == "none"
