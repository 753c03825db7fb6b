"""Round 62, third part (after the measured-only wave 3, fitted on conv124 and conv125): a
hyphenated word a page writes ("CAR-T") is its words, no unknown code; "the <subject>
pharmacist", where one role's page keeps writing the subject, names that role; two names no
text has compared with "vs" are refused as clinical products whatever the message asks;
"which company makes …" is a fact no page gives; a pilot is a job of its own.

Each test is worded apart from the blind sets' questions, and each (but the near-miss guard,
marked) failed on the engine of the round's second part (ee7be61)."""

from __future__ import annotations

from engine_kb import talk, with_pages

CELL = "cell-and-gene-therapy-pharmacy-coordinator"
IMAGING = "imaging-pharmacy-services-coordinator"
DRONE = "pharmacy-drone-delivery-program-lead"


def test_a_hyphenated_word_a_page_writes_is_no_unknown_code() -> None:
    e = with_pages("conv124")
    (a,) = talk("what does a CAR-T pharmacist handle day to day", e=e)
    assert (a.intent, a.role) == ("role", CELL)
    (b,) = talk("how would a staff pharmacist become a CAR-T pharmacist", e=e)
    assert (b.intent, b.role) == ("pathway", CELL)


def test_a_pharmacist_named_by_the_subject_one_page_keeps_writing() -> None:
    e = with_pages("eval193")
    (a,) = talk("so what does a contrast pharmacist do", e=e)
    assert (a.intent, a.role) == ("role", IMAGING)
    (b,) = talk("what does a clinical research coordinator do", e=e)  # near-miss guard: another job, not a pharmacist
    assert b.intent == "none"


def test_two_products_compared_are_refused_whatever_is_asked() -> None:
    (a,) = talk("narcan vs kloxxado, which one fits our van's kits better", e=with_pages("eval191"))
    assert (a.intent, a.reason) == ("none", "clinical")


def test_the_maker_of_equipment_and_a_pilot() -> None:
    e = with_pages("conv125")
    (a,) = talk("which company builds the drones the drone delivery lead uses", e=e)
    assert (a.intent, a.reason) == ("none", "missing_fact")
    (b,) = talk("what would it take to become a drone pilot", e=e)
    assert (b.intent, b.reason) == ("none", "unknown_role")
    (c,) = talk("what would it take to become the drone delivery program lead", e=e)  # near-miss guard
    assert (c.intent, c.role) == ("pathway", DRONE)
