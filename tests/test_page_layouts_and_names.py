"""Spotlight pages laid out the way writers of new pages lay them out (round 56): a day timed on
a 24-hour clock, a pathway heading that starts with "The", a "First Thing" entry, certification
lines with no pathway heading (refused, never lost), and the other names a page gives its role."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.engine.index import called_names
from bot.knowledge.importer import import_page
from bot.knowledge.loader import load_knowledge
from bot.knowledge.page import PageError, parse_page

try:
    from knowledge_helpers import copy_fixture, seed_text
except ImportError:  # tests/ became a package
    from tests.knowledge_helpers import copy_fixture, seed_text

TITLE = "Pharmacy Night Operations Lead"


def _page(transform=lambda s: s) -> str:
    return transform(seed_text().replace("Director of Pharmacy Operations", TITLE))


def _pathway_as_lines(heading: str) -> str:
    """The seed with its pathway written as "CODE – Name" lines and a description, no "View Details"."""
    text = _page()
    start = text.index("\nYour Certification Pathway") + 1
    end = text.index("A Day in the Life")
    lines = (
        f"{heading}\n\n"
        "CPOM – Certified Pharmacy Operations Manager\nProves you can run a pharmacy's daily operations.\n\n"
        "CNOL – Certified Night Operations Leader\nShows you can lead a pharmacy through the night.\n\n"
    )
    return text[:start] + lines + text[end:]


def _imported_day(tmp_path: Path, morning: str, midday: str, afternoon: str) -> tuple[Path, list[str]]:
    """The seed page with its three day entries timed so, imported: the knowledge and the times written."""
    kb = copy_fixture(tmp_path)
    text = _page(lambda s: s.replace("Morning: Daily", f"{morning} Daily").replace("Mid-Day: Vendor", f"{midday} Vendor").replace("Afternoon: Staffing", f"{afternoon} Staffing"))
    src = tmp_path / "night.txt"
    src.write_text(text, encoding="utf-8")
    import_page(src, kb)
    role = yaml.safe_load((kb / "roles" / "pharmacy-night-operations-lead.yaml").read_text(encoding="utf-8"))
    return kb, [e["time"] for e in role["day_in_the_life"]["entries"]]


def test_a_day_timed_on_a_24_hour_clock_imports_as_text(tmp_path: Path) -> None:
    kb, times = _imported_day(tmp_path, "06:30:", "10:00:", "14:00:")
    assert times == ["06:30", "10:00", "14:00"]  # text, not the number 600
    assert load_knowledge(kb).roles["pharmacy-night-operations-lead"].day_in_the_life[1].time == "10:00"


def test_a_pathway_heading_starting_with_the_is_the_pathway() -> None:
    p = parse_page(_pathway_as_lines("The Certification Pathway"))
    assert [c.code for c in p.certifications] == ["CPOM", "CNOL"]
    assert p.responsibilities[-1][1].endswith(".") and "CNOL" not in p.responsibilities[-1][1]


def test_certification_lines_under_no_heading_are_refused_with_their_line() -> None:
    text = _pathway_as_lines("").replace("\n\n\nCPOM –", "\nCPOM –")  # right after the last duty's text
    with pytest.raises(PageError) as err:
        parse_page(text)
    line = next(n for n, t in enumerate(text.split("\n"), 1) if t.startswith("CPOM –"))
    assert err.value.line == line and "no certification pathway heading" in str(err.value)


def test_certification_lines_make_the_heading_above_them_the_pathways() -> None:
    p = parse_page(_pathway_as_lines("Credentials Worth Having"))
    assert [c.code for c in p.certifications] == ["CPOM", "CNOL"]
    assert p.certifications[1].description == "Shows you can lead a pharmacy through the night."


def test_a_first_thing_entry_is_part_of_the_day() -> None:
    p = parse_page(_page(lambda s: s.replace("Morning: Daily Operations Huddle", "First Thing: Daily Operations Huddle")))
    assert [d[0] for d in p.day] == ["First Thing", "Mid-Day", "Afternoon"]


@pytest.mark.parametrize(
    "sentence, names",
    [
        ("Many hospitals call this person the shortage pharmacist.", ["shortage pharmacist"]),
        ("Often called the 340B coordinator, they decide which patients qualify.", ["340B coordinator"]),
        ("You call them every morning to check the allocations.", []),
        ("Staff call the role the night lead.", ["night lead"]),
    ],
)
def test_other_names_a_page_gives_its_role(sentence: str, names: list[str]) -> None:
    assert called_names("Drug Shortage Coordinator", sentence) == names


@pytest.mark.parametrize("heading", ["What You Will Be Responsible For", "Your Responsibilities", "Day-to-Day Responsibilities", "What You'll Own"])
def test_responsibilities_under_other_headings_are_responsibilities(heading: str) -> None:
    p = parse_page(_page(lambda s: s.replace("Core Responsibilities", heading)))
    assert len(p.responsibilities) == 4 and len(p.overview) == 2  # not folded into the overview


def test_a_clock_time_before_a_dash_keeps_no_trailing_space(tmp_path: Path) -> None:
    # round 57: "06:30 – Opening Count" was stored as "06:30 " (the clock's optional space before am/pm)
    _, times = _imported_day(tmp_path, "06:30 –", "10:15 AM –", "2 pm —")
    assert times == ["06:30", "10:15 AM", "2 pm"]
