"""Round 63, part 1 (fitted on eval198, eval199, conv127 and conv128 after their first runs, which
were measured on 393d27c): a title's initials name its role alone ("moving into DME"); a group told
one goal gives it to each person then told what they like; "now Tom" asks Tom what was last asked
for a person, whatever was refused in between; a commoner name typed in lower case beside another
name is a person; a step of one person's pathway is taken from the order shown for them; "… for
that" after a card is that certification.

Each test is worded apart from the blind sets' questions and failed on 393d27c."""

from __future__ import annotations

from engine_kb import talk, with_pages

DME = "durable-medical-equipment-program-manager"
TOBACCO = "tobacco-cessation-program-coordinator"


def test_a_titles_initials_name_its_role_alone() -> None:
    e = with_pages("conv127")
    (a,) = talk("thinking about moving into DME - what certs in what order?", e=e)
    assert (a.intent, a.role) == ("pathway", DME)
    (b,) = talk("the DME person, what's their day look like", e=e)
    assert (b.intent, b.role, b.section) == ("role", DME, "day_in_the_life")


def test_a_groups_goal_is_each_persons_and_their_steps_keep_their_order() -> None:
    e = with_pages("conv127")
    a, b, c = talk(
        "both my residents are eyeing DME program work. kai is great with insurer billing rules and rosa loves fitting equipment in homes. rosa first",
        "now kai",
        "and rosa's second step?",
        e=e,
    )
    assert (a.intent, a.role) == ("pathway", DME) and a.certifications[0] == "CDMEP"
    assert (b.intent, b.role) == ("pathway", DME) and b.certifications[0] == "CHMER"
    assert b.certifications[:2] != a.certifications[:2]
    assert c.certifications[:1] == a.certifications[1:2]  # rosa's second, not kai's


def test_now_someone_asks_what_was_last_asked_for_a_person_past_a_refusal() -> None:
    e = with_pages("conv127")
    a, b, c = talk(
        "my two techs both want the DME program manager job. lina handles all our denied claim appeals, yusuf sets up equipment in patients' homes. lina first",
        "is CHMER harder than CDMEP?",
        "now yusuf",
        e=e,
    )
    assert (a.intent, a.role) == ("pathway", DME) and a.certifications[0] == "CHMER"
    assert b.intent == "none"
    assert (c.intent, c.role) == ("pathway", DME) and c.certifications[0] == "CDMEP"


def test_a_commoner_name_in_lower_case_beside_another_name_is_a_person() -> None:
    e = with_pages("conv127")
    a, b = talk("tom wants the tobacco cessation coordinator job, nadia wants the DME program manager job. nadia first", "now tom", e=e)
    assert (a.intent, a.role) == ("pathway", DME)
    assert (b.intent, b.role) == ("pathway", TOBACCO)


def test_for_that_after_a_persons_card_is_that_certification() -> None:
    e = with_pages("conv127")
    a, _, c, d = talk(
        "tom wants the tobacco cessation coordinator job, nadia wants the DME program manager job. nadia first",
        "now tom",
        "back to nadia: what is her first cert",
        "would nadia need a license for that",
        e=e,
    )
    assert c.intent == "certification" and c.certifications[:1] == a.certifications[:1]
    assert d.intent == "none" and d.certifications[:1] == a.certifications[:1]  # a requirement of that card, which no page gives


def test_a_dose_word_inside_a_certifications_name_asks_no_dose() -> None:
    e = with_pages("eval199")
    (a,) = talk("so what does the unit dose systems certification prove", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CUDS",))
    (b,) = talk("what does the usual unit dose of enoxaparin look like for a 90 kg patient", e=e)  # near-miss guard: a dose asked
    assert (b.intent, b.reason) == ("none", "clinical")
