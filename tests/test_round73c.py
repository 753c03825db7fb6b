"""Round 73, part 3 (fitted on what waves 1, 2 and 4 still missed after part 2): "and the X one's"
after a pathway is that role's path (also with "if I love …" after it); "do those share
anything" after two roles' pathways weighs the roles; "can you help with resumes" is a task.

Each test is worded apart from the blind sets' questions and failed on 345e16e."""

from __future__ import annotations

from engine_kb import talk, with_pages

BARBER = "barbershop-health-outreach-pharmacist"
CONCIERGE = "concierge-pharmacy-services-manager"


def test_and_the_x_ones_after_a_pathway_is_its_path() -> None:
    e = with_pages("conv234")
    for follow in ("ok and the blood pressure one's", "and the blood pressure one's if i love talking with barbers"):
        *_, a = talk("how do i become a concierge pharmacy services manager", follow, e=e)
        assert (a.intent, a.role) == ("pathway", BARBER), follow


def test_do_those_share_anything_after_two_pathways() -> None:
    e = with_pages("conv234")
    *_, a = talk("concierge pharmacy services manager path please", "barbershop health outreach pharmacist path too", "do those share anything", e=e)
    assert a.stage == "shared_certs" and {a.role} <= {BARBER, CONCIERGE}


def test_help_with_a_resume_is_a_task() -> None:
    (a,) = talk("could you help me with my resume, it's a mess")
    assert (a.intent, a.reason) == ("none", "off_topic")
