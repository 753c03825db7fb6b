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


QUESTION_PAGE = """Pharmacy Inhaler Technique Coach – Council on Pharmacy Standards

Pharmacy Inhaler Technique Coach

What does a Pharmacy Inhaler Technique Coach do?
The coach teaches patients to use their inhalers well and checks their technique at every refill.

What are the key responsibilities?
Technique Checks: Watching each patient use their inhaler and correcting their steps.
Device Stock: Keeping placebo devices on hand for every inhaler the pharmacy dispenses.

How do I get there? The certification pathway
These certifications build the teaching and safety skills the coach uses every day.

1st
CITCP
Certified Inhaler Technique Coaching Professional
Validates your ability to teach and check inhaler technique.

2nd
CMSO
Certified Medication Safety Officer
Shows you can build safety into the daily workflow.

What does a typical day look like?
Most days follow the refill queue.

Early morning
Placebo check
You lay out the placebo inhalers for the day's appointments.

Afternoon
Follow-up calls
You call patients who started a new inhaler this week.
"""


def test_a_question_then_the_sections_name_opens_the_pathway() -> None:
    page = parse_page(QUESTION_PAGE)
    assert [c.code for c in page.certifications] == ["CITCP", "CMSO"]


def test_an_ordinal_alone_on_its_line_is_no_part_of_the_text_before() -> None:
    page = parse_page(QUESTION_PAGE)
    assert page.pathway_intro.endswith("every day.")
    assert page.certifications[0].description.endswith("inhaler technique.")


def test_a_day_title_in_sentence_case_on_its_own_line_is_the_title() -> None:
    page = parse_page(QUESTION_PAGE)
    assert page.day[0] == ("Early morning", "Placebo check", "You lay out the placebo inhalers for the day's appointments.")
