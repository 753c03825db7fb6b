"""Round 61, fourth part (after the measured-only wave, fitted on conv119): going back to a person
asks of their role ("back to Dana - what's her day going to be like"); "which of Ravi's …" picks
among that person's steps.

Each test is worded apart from the blind sets' questions, and each failed on the engine of the
round's third part (d053c5b)."""

from __future__ import annotations

from engine_kb import talk, with_pages

HIGH_ALERT = "high-alert-medication-program-lead"
ASSET = "pharmacy-equipment-and-asset-manager"

TOLD = "two mentees. Mia wants high-alert med lead, Theo wants equipment & asset manager. Start with Mia's certs"


def test_back_to_a_person_asks_of_their_role() -> None:
    a, b, c = talk(TOLD, "now Theo's", "back to Mia - what will her day look like", e=with_pages("conv119"))
    assert (a.role, b.role) == (HIGH_ALERT, ASSET)
    assert (c.intent, c.role, c.section) == ("role", HIGH_ALERT, "day_in_the_life")


def test_which_of_a_persons_picks_among_their_steps() -> None:
    *_, c = talk(TOLD, "now Theo's", "which of Theo's is about the equipment itself", e=with_pages("conv119"))
    assert c.intent == "certification" and set(c.certifications) <= {"CPOM", "CPEAM", "CCPR"}
