"""Round 79: a title in capitals with a hyphenated word that starts with a small word
("PHARMACY ON-CALL …"): the small word is part of the word, not a small word of the title
("Pharmacy on-Call Services Coordinator" before). Failed on 7a2c58a."""

from __future__ import annotations

from bot.knowledge.page import parse_page

PAGE = """PHARMACY AFTER-HOURS ON-CALL DESK LEAD

The lead answers the pharmacy phone after hours and makes sure every urgent order is seen.

KEY RESPONSIBILITIES

Call Triage: Sorts the night's calls by urgency.
Rota: Keeps the on-call rota filled.

YOUR CERTIFICATION PATHWAY

FIRST: CMSO, Certified Medication Safety Officer
Shows you can embed safety principles into the daily workflow.

SECOND: CPOM, Certified Pharmacy Operations Manager
Shows you can lead the team that covers the nights.

A DAY IN THE LIFE

EVENING
Handover
The lead takes over the phone from the day team.
"""


def test_a_small_word_inside_a_hyphenated_word_of_a_title_in_capitals() -> None:
    page = parse_page(PAGE)
    assert page.title == "Pharmacy After-Hours On-Call Desk Lead"
