"""Round 73, importer mends after wave 5 (eval282's writer found both and reworded the pages, so the
set's score does not depend on them): a title in capitals with a hyphenated word ("CLOSED-SYSTEM") is
cased part by part; a closing link button written in brackets is the link's text, not the closing
paragraph's.

Each test failed on bf5fe91."""

from __future__ import annotations

from bot.knowledge.page import parse_page

BODY = (
    "Key Responsibilities\n- Queue: Work the order queue.\n\n"
    "Your Certification Pathway\nCPSCM\nCertified Pharmacy Supply Chain Manager\nSupply chain basics.\n\n"
    "A Day in the Life\n11:00 PM – Handoff. You take the handoff.\n"
)


def test_a_hyphenated_word_of_a_capitals_title_is_cased() -> None:
    page = parse_page("OFF-SITE NIGHT DESK PHARMACIST\n\nKeep the night desk moving.\n\n" + BODY)
    assert page.title == "Off-Site Night Desk Pharmacist"


def test_a_bracketed_closing_button_is_the_link() -> None:
    page = parse_page("Night Desk Pharmacist\n\nKeep the night desk moving.\n\n" + BODY + "\n## Ready for Nights?\n\nThis role suits a calm pharmacist.\n\n[Start Your Certification Pathway]\n")
    assert page.closing_link == "Start Your Certification Pathway"
    assert page.closing == "This role suits a calm pharmacist."
