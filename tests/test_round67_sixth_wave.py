"""Round 67, part 6 (what conv169, fitted since part 1, still missed): "same question for the
LTACH manager" (a short name, then the title's job noun) asks the last question of that role.

The test is worded apart from the blind sets' questions and failed on 63e6344."""

from __future__ import annotations

from engine_kb import talk, with_pages

LTACH = "long-term-acute-care-hospital-pharmacy-manager"


def test_same_question_for_a_role_by_its_short_name() -> None:
    *_, a = talk("path to director of pharmacy operations? i love safety work", "same question for the LTACH manager", e=with_pages("conv169"))
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", LTACH, ("CMSO",))
