"""An arrow draws a path only when it points at a job or a certification ("drug buyer -> ops
dir"); otherwise it separates a subject from what is asked of it ("CPOM -> covers what"), as a
colon does. The knowledge is the tests' own (tests/engine_kb.py)."""

from __future__ import annotations

import pytest
from engine_kb import engine

OPS = "director-of-pharmacy-operations"


@pytest.mark.parametrize("q", ["drug buyer -> ops dir, certs?", "staff pharmacist → director of pharmacy operations", "tech -> ops director path"])
def test_an_arrow_to_a_job_or_a_certification_is_a_path(q):
    a = engine().ask(q)
    assert a.intent == "pathway" and a.role == OPS


def test_an_arrow_to_a_question_asks_about_what_it_follows():
    a = engine().ask("CPOM -> covers what")
    assert (a.intent, a.certifications) == ("certification", ("CPOM",))


@pytest.mark.parametrize("q", ["ops director -> carboplatin dose renal adjust", "ops director: carboplatin dose renal adjust"])
def test_a_title_heading_a_clinical_question_does_not_make_it_a_career_one(q):
    a = engine().ask(q)
    assert a.intent == "none" and a.reason == "clinical"


def test_a_title_asked_about_before_an_arrow_is_still_the_subject():
    a = engine().ask("ops director -> day to day?")
    assert (a.intent, a.role, a.section) == ("role", OPS, "day_in_the_life")
