"""Round 63, part 3 (fitted on eval203 and conv132 after their first runs, which were measured on
part 2): an acronym a page calls its role by names it alone ("often called the LASA coordinator":
"the LASA folks"); "back to the first guy" is the first person spoken for, "my lead tech" a person;
"she already holds CHPOP, what's next" after a role's page is its pathway without it; a refusal of
a whole message ("write it as a haiku") leaves nothing for the next message to finish; "the one
with peer in the name" is the certification shown whose name has it.

Each test is worded apart from the blind sets' questions and failed on part 2 (the engine the
wave-3 sets were first scored on)."""

from __future__ import annotations

from engine_kb import talk, with_pages

LASA = "look-alike-sound-alike-medication-safety-coordinator"
NICU = "nicu-pharmacy-satellite-lead"
MFRM = "master-formulation-record-manager"


def test_an_acronym_a_page_calls_its_role_by_names_it_alone() -> None:
    (a,) = talk("what do the LASA folks do all day", e=with_pages("eval203"))
    assert (a.intent, a.role, a.section) == ("role", LASA, "day_in_the_life")


def test_back_to_the_first_guy_is_the_first_person_spoken_for() -> None:
    a, _, c = talk(
        "my lead tech is aiming for the NICU satellite lead job, where should he start",
        "and my other tech wants academic detailing, she reads every journal",
        "back to the first guy - his second step?",
        e=with_pages("conv128"),
    )
    assert (a.intent, a.role) == ("pathway", NICU)
    assert c.certifications[:1] == a.certifications[1:2]


def test_held_and_whats_next_after_a_roles_page_is_its_pathway() -> None:
    a, b = talk("what does the NICU satellite lead do", "my resident already holds CHPOP, what's next for him", e=with_pages("conv128"))
    assert (a.intent, a.role) == ("role", NICU)
    assert (b.intent, b.role) == ("pathway", NICU) and "CHPOP" not in b.certifications


def test_a_refused_writing_job_leaves_nothing_to_finish() -> None:
    a, b, c = talk("what's a day like for the ops director", "write it as a haiku", "and for the formulation record manager?", e=with_pages("conv132"))
    assert a.section == "day_in_the_life" and b.intent == "none"
    assert (c.intent, c.role) == ("role", MFRM)


def test_the_one_with_a_word_in_its_name_is_that_certification_shown() -> None:
    a, b = talk("list the certs", "the one with peer in its name?", e=with_pages("conv132"))
    assert a.intent == "list_certifications"
    assert (b.intent, b.certifications[:1]) == ("certification", ("CPVP",))
