"""Round 78: a page in capitals whose pathway counts its steps in capitals ("SECOND: CODE, …"):
the ordinal is no acronym, so the title is cased whole ("Medication SECOND Opinion Service Lead"
before). Failed on 148024f."""

from __future__ import annotations

from bot.knowledge.page import parse_page

PAGE = """PHARMACY SECOND CHECK DESK LEAD | CPS CAREERS

PHARMACY SECOND CHECK DESK LEAD

The lead runs the desk where every high-alert order gets an independent second check before it leaves the pharmacy.

KEY RESPONSIBILITIES

Second Checks: Runs the independent double-check of every high-alert order.
Desk Rota: Builds the rota so the desk is never left empty.

YOUR CERTIFICATION PATHWAY

FIRST: CMSO, Certified Medication Safety Officer
Shows you can embed safety principles into the daily workflow.

SECOND: CPOM, Certified Pharmacy Operations Manager
Shows you can lead the team that staffs the desk.

A DAY IN THE LIFE

MORNING
Huddle
The lead reviews the overnight checks with the team.
"""


def test_ordinals_in_capitals_are_no_acronyms_of_the_title() -> None:
    page = parse_page(PAGE)
    assert page.title == "Pharmacy Second Check Desk Lead"
