"""Round 73, part 2 (fitted on wave 4, eval281 and conv242-243, after their first runs on 84083d2, and
on what waves 1-2 still missed): "the evening one" (a time of day describes a role by its day);
"which is still at work in the evening"; "an evening" is no "even"; "the end of day bit"; "the X
one's path" is a role's; "who's the best X in the council, like an actual name"; a certification
"hard to get into" asks no pathway; "worth more money"; "what do I still need for X"; demand for a
job; a degree from abroad counting; interview questions to ask; a performance plan; drafting an
abstract; importer: a day intro sentence with a comma is no day entry, a bracketed button line
is a button, a title in capitals beside the site's name is cased.

Each test is worded apart from the blind sets' questions and failed on 84083d2."""

from __future__ import annotations

from engine_kb import talk, with_pages

from bot.knowledge.page import parse_page

OPS = "director-of-pharmacy-operations"
EVENING_SUP = "evening-pharmacy-shift-supervisor"
FREIGHT = "pharmacy-freight-consolidation-planner"
KAIZEN = "pharmacy-kaizen-event-facilitator"
WINDOW = "pharmacy-counseling-window-supervisor"


def test_the_role_still_at_work_in_the_evening_and_then_the_evening_one() -> None:
    e = with_pages("conv234")
    answers = talk("barbershop pharmacist or produce prescription coordinator: which one do you find still working until the evening", "ok the cert path for the evening one", e=e)
    assert [(a.intent, a.role) for a in answers] == [("role", "barbershop-health-outreach-pharmacist"), ("pathway", "barbershop-health-outreach-pharmacist")]


def test_the_end_of_the_day_part() -> None:
    e = with_pages("conv230")
    *_, a = talk("what does the kaizen facilitator do", "and the end of the day part?", e=e)
    assert (a.intent, a.role, a.section) == ("role", KAIZEN, "day_in_the_life")


def test_the_x_ones_path_is_a_roles_path() -> None:
    e = with_pages("conv234")
    *_, a = talk("concierge pharmacy services manager path please", "ok now the blood pressure one's path", e=e)
    assert (a.intent, a.role) == ("pathway", "barbershop-health-outreach-pharmacist")


def test_refusals_said_new_ways() -> None:
    e = with_pages("conv230")
    for q in (
        "who is the greatest kaizen facilitator in the country, an actual name please",
        "CRIEL or CPMDA, which one is harder to get into",
        "which of these certs gets you more money",
        "is there even demand for kaizen facilitators anymore",
        "would a pharmacy license from the philippines count for the ops director job",
        "what are good questions to ask at the end of my interview for the counseling window supervisor job",
        "she keeps calling out so i want to put her on a performance plan, fine without telling HR?",
        "could you draft an abstract for my kaizen poster, 200 words",
    ):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q


def test_what_do_i_still_need_for_a_role() -> None:
    e = with_pages("conv230")
    (a,) = talk("got CRIEL. what do i still need for kaizen facilitation", e=e)
    assert (a.intent, a.role) == ("pathway", KAIZEN) and "CRIEL" not in a.certifications


def test_a_day_intro_sentence_with_a_comma_is_no_day_entry() -> None:
    page = parse_page(
        "Night Desk Pharmacist\n\nKeep the night desk moving.\n\nKey Responsibilities\n- Queue: Work the order queue.\n\n"
        "Your Certification Pathway\nCPSCM\nCertified Pharmacy Supply Chain Manager\nSupply chain basics.\n\n"
        "A Day in the Life\nThe pharmacist works a long night, from the evening rush to the morning handoff.\n\n"
        "Early Evening\nYou take the handoff.\n\nMidnight\nYou run the queue.\n"
    )
    assert page.day_intro.startswith("The pharmacist works a long night")
    assert [t for t, _, _ in page.day] == ["Early Evening", "Midnight"]


def test_a_bracketed_button_line_is_a_button() -> None:
    page = parse_page(
        "Night Desk Pharmacist\n\nKeep the night desk moving.\n\n[Start Your Certification Pathway]\n\n## The Desk That Never Sleeps\n\n"
        "The night desk pharmacist works the order queue overnight.\n\nKey Responsibilities\n- Queue: Work the order queue.\n\n"
        "Your Certification Pathway\nCPSCM\nCertified Pharmacy Supply Chain Manager\nSupply chain basics.\n\n"
        "A Day in the Life\n11:00 PM – Handoff. You take the handoff.\n"
    )
    assert page.overview_heading == "The Desk That Never Sleeps"
    assert page.overview == ["The night desk pharmacist works the order queue overnight."]


def test_a_capitals_title_beside_the_sites_name_is_cased() -> None:
    page = parse_page(
        "NIGHT DESK PHARMACIST | CPS Careers\n\nKeep the night desk moving.\n\nKey Responsibilities\n- Queue: Work the order queue.\n\n"
        "Your Certification Pathway\nCPSCM\nCertified Pharmacy Supply Chain Manager\nSupply chain basics.\n\n"
        "A Day in the Life\n11:00 PM – Handoff. You take the handoff.\n"
    )
    assert page.title == "Night Desk Pharmacist"
