"""Round 77: page layouts the blind writers' pages used that the importer misread or refused: a
certification code in square brackets on its own line ("[CRCLP]"), a bracketed "[View Details]"
under a step (it was glued to the step's text), a Markdown quote's ">" before the tagline, and
"What does the coordinator do?" over the list of duties (refused as a list the importer could not
place). Each failed on the engine before it (da4d35d)."""

from __future__ import annotations

from bot.knowledge.page import parse_page

PAGE = """# Pharmacy Loading Dock Coordinator

{tagline}

## What is a Pharmacy Loading Dock Coordinator?

The loading dock coordinator receives every wholesaler tote and makes sure nothing waits outside the cold room.

{duties_heading}

- Receiving: Checks every tote against the invoice before it leaves the dock.
- Cold Items: Moves refrigerated items to the fridge within minutes.

## Certification Pathway

{steps}

## A Day in the Life

7:00 AM - Meet the first truck.
2:00 PM - Reconcile the day's invoices.
"""

STEPS = """CLDCS
Certified Loading Dock Coordination Specialist
Validates your skill in receiving, checking and routing wholesaler deliveries.

CPSCM
Certified Pharmacy Supply Chain Manager
Proves your command of procurement and inventory control."""


def page(tagline: str = "Keep every tote moving.", duties_heading: str = "## Key Responsibilities", steps: str = STEPS) -> str:
    return PAGE.format(tagline=tagline, duties_heading=duties_heading, steps=steps)


def test_a_bracketed_code_over_its_name() -> None:
    bracketed = STEPS.replace("CLDCS\n", "[CLDCS]\n").replace("CPSCM\n", "[CPSCM]\n")
    p = parse_page(page(steps=bracketed))
    assert [(c.code, c.name) for c in p.certifications] == [("CLDCS", "Certified Loading Dock Coordination Specialist"), ("CPSCM", "Certified Pharmacy Supply Chain Manager")]


def test_bracketed_view_details_is_no_part_of_a_step() -> None:
    detailed = STEPS.replace("deliveries.\n", "deliveries.\n[View Details]\n") + "\n[View Details]"
    p = parse_page(page(steps=detailed))
    assert [c.description for c in p.certifications] == [
        "Validates your skill in receiving, checking and routing wholesaler deliveries.",
        "Proves your command of procurement and inventory control.",
    ]


def test_a_quoted_tagline_loses_its_quote_mark() -> None:
    p = parse_page(page(tagline="> Keep every tote moving."))
    assert p.tagline == "Keep every tote moving."


def test_what_does_the_coordinator_do_heads_the_duties() -> None:
    p = parse_page(page(duties_heading="## What does the coordinator do?"))
    assert [name for name, _ in p.responsibilities] == ["Receiving", "Cold Items"]
