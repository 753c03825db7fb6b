"""Round 76: page layouts the blind writers' pages used that the importer misread or refused: a
numbered duty whose name ends at a full stop ("1. Temperature log review. Reads …"); "Overview"
as the overview's heading, not the page's tagline; "## Overview" over a subheading that names
it; a day part's label alone on its line, then "Title. What happens …"; a Markdown rule ("---")
between sections; an ordinal label before "CODE (Certified …)" with its text on the next line; a
certification name in capitals. Each failed on the engine before it (75c0ee2; the last two on
56cb245)."""

from __future__ import annotations

from bot.knowledge.page import parse_page

PAGE = """Career Spotlight: Pharmacy Cold Chain Auditor

{overview}
The pharmacy cold chain auditor checks that refrigerated and frozen medicines stay in range from the dock to the patient.

Key Responsibilities
{duties}
---

Certification Pathway
1. CCCAS - Certified Cold Chain Audit Specialist: covers temperature monitoring and excursion review.
2. CPSCM - Certified Pharmacy Supply Chain Manager: validates procurement and inventory skills.

---
A Day in the Life
{day}
"""

DUTIES = """- Log Review: Reads every fridge and freezer log each week and flags gaps.
- Excursions: Works out whether exposed product can still be used."""

DAY = """7:00 AM - Pull the overnight fridge alarms.
2:00 PM - Audit the courier depot."""


def page(overview: str = "Overview", duties: str = DUTIES, day: str = DAY) -> str:
    return PAGE.format(overview=overview, duties=duties, day=day)


def test_a_numbered_duty_named_by_its_first_short_sentence() -> None:
    p = parse_page(page(duties="1. Temperature log review. Reads every fridge and freezer log each week and flags gaps.\n2. Excursion follow-up. Works out whether exposed product can still be used."))
    assert p.responsibilities == [
        ("Temperature log review", "Reads every fridge and freezer log each week and flags gaps."),
        ("Excursion follow-up", "Works out whether exposed product can still be used."),
    ]


def test_the_overview_heading_is_no_tagline() -> None:
    p = parse_page(page())
    assert (p.tagline, p.overview_heading) == ("", "Overview")
    two = parse_page(page(overview="Keep every vial in range.\n\n## Overview\n\n### The Auditor Behind the Fridge"))
    assert (two.tagline, two.overview_heading) == ("Keep every vial in range.", "The Auditor Behind the Fridge")
    assert two.overview == ["The pharmacy cold chain auditor checks that refrigerated and frozen medicines stay in range from the dock to the patient."]


def test_a_day_part_titled_at_the_start_of_its_text() -> None:
    p = parse_page(page(day="EARLY MORNING\nAlarm Review. You go through the overnight fridge alarms.\n\nAFTERNOON\nDepot Audit. You walk the courier depot with its manager."))
    assert [(t, title, text) for t, title, text in p.day] == [
        ("EARLY MORNING", "Alarm Review", "You go through the overnight fridge alarms."),
        ("AFTERNOON", "Depot Audit", "You walk the courier depot with its manager."),
    ]


def test_a_rule_between_sections_is_no_text() -> None:
    p = parse_page(page())
    assert [c.code for c in p.certifications] == ["CCCAS", "CPSCM"]
    assert p.responsibilities[-1] == ("Excursions", "Works out whether exposed product can still be used.")


ORDERED_STEPS = """FIRST: CCCAS (Certified Cold Chain Audit Specialist)
Covers temperature monitoring and excursion review.

SECOND: CPSCM (Certified Pharmacy Supply Chain Manager)
Validates procurement and inventory skills."""


def test_an_ordinal_label_then_code_and_name_in_brackets() -> None:
    text = page().replace(
        "1. CCCAS - Certified Cold Chain Audit Specialist: covers temperature monitoring and excursion review.\n2. CPSCM - Certified Pharmacy Supply Chain Manager: validates procurement and inventory skills.",
        ORDERED_STEPS,
    )
    p = parse_page(text)
    assert [(c.code, c.name, c.description) for c in p.certifications] == [
        ("CCCAS", "Certified Cold Chain Audit Specialist", "Covers temperature monitoring and excursion review."),
        ("CPSCM", "Certified Pharmacy Supply Chain Manager", "Validates procurement and inventory skills."),
    ]


def test_a_certification_name_in_capitals_is_written_as_names_are() -> None:
    text = page().replace("CCCAS - Certified Cold Chain Audit Specialist:", "CCCAS - CERTIFIED COLD CHAIN AUDIT SPECIALIST:")
    p = parse_page(text)
    assert p.certifications[0].name == "Certified Cold Chain Audit Specialist"
