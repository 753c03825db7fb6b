"""Round 59, second wave: judgements between two roles or two certifications that no page settles
(more stressful, the better career, more years of experience, which is better); "any of them …"
over a list shown; "each" and "em" referring back; who decides a duty whose object is doses; a
title said after the question that asks who.

Each test is worded apart from the blind sets' questions; each failed on part 1's engine (7bd88d5)."""

from __future__ import annotations

from engine_kb import talk, with_pages

JAIL = "correctional-health-pharmacy-manager"
DISASTER = "disaster-preparedness-pharmacy-coordinator"
ACCESS = "specialty-pharmacy-patient-access-manager"
INFUSION = "infusion-center-pharmacy-operations-manager"
SCHEDULING = "pharmacy-workforce-scheduling-lead"


def test_a_judgement_between_two_roles_is_refused() -> None:
    e = with_pages("conv104")
    for q in ("which one is more stressful, the sterile quality manager or the supply chain analytics lead", "which of the two is the better career, outpatient infusion manager or supply chain analytics lead"):
        (a,) = talk(q, e=e)
        assert (a.intent, a.reason) == ("none", "missing_fact"), q


def test_a_judgement_between_two_certifications_is_refused_and_both_stay_in_view() -> None:
    a, b = talk("which is better, CPOM or CSPQM?", "ok so what's the difference between them", e=with_pages("conv104"))
    assert (a.intent, a.reason) == ("none", "missing_fact")
    assert b.intent == "certification" and set(b.certifications) == {"CPOM", "CSPQM"}
    c, d = talk("which of them takes more years of experience, CCEMS or COIPM", "what's each about then", e=with_pages("conv104"))
    assert (c.intent, c.reason) == ("none", "missing_fact")
    assert d.intent == "certification" and set(d.certifications) == {"CCEMS", "COIPM"}


def test_any_of_them_over_a_list_of_roles_picks_the_one_whose_page_says_so() -> None:
    a, b = talk("list your roles", "any of them based in a jail?", e=with_pages("conv102"))
    assert (b.intent, b.role) == ("role", JAIL)
    c, d = talk("which careers do you cover", "do any of those deal with emergencies", e=with_pages("conv103"))
    assert (d.intent, d.role) == ("role", DISASTER)


def test_em_is_them() -> None:
    a, b = talk("do the med rec lead and the patient access manager share any cert", "which of em works w insurance more", e=with_pages("conv105"))
    assert (b.intent, b.role) == ("role", ACCESS)


def test_who_decides_a_duty_whose_object_is_doses_is_a_role_question() -> None:
    (a,) = talk("Honest question from a scheduler. Who decides which chemo doses get mixed ahead of time at an infusion center?", e=with_pages("eval175"))
    assert (a.intent, a.role) == ("role", INFUSION)


def test_a_title_said_after_the_question_is_no_answer_to_who() -> None:
    (a,) = talk("Quick one. Which role handles the float pool and call-ins? My guess was the ops director.", e=with_pages("eval175"))
    assert (a.intent, a.role) == ("role", SCHEDULING)
