"""A re-import keeps moderators' work (issue 12, part 4): a page-derived field a moderator has
edited since the last import is kept and reported, by a three-way comparison of the page as
last imported (sources/), the file and the new page; `import --dry-run` prints the diff and
writes nothing; every overwrite is backed up and undoable."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.knowledge.importer import plan_import
from bot.knowledge.loader import load_knowledge

try:
    from knowledge_helpers import cli_in_process, seed_text, seeded_kb, snapshot, write
except ImportError:  # tests/ became a package
    from tests.knowledge_helpers import cli_in_process, seed_text, seeded_kb, snapshot, write

OPS = "director-of-pharmacy-operations"
ROLE = f"roles/{OPS}.yaml"
CMSO_PAGE = "Critical for an operations leader, this proves your ability to embed safety principles and processes directly into daily workflows."
CMSO_MINE = "Proves you can build safety into every daily workflow, the credential of the department's safety lead."
CMSO_NEW_PAGE = "Essential for an operations leader: proves you can embed safety principles into daily workflows."


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def new_page(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    text = seed_text()
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    return write(tmp_path / "ops-updated.txt", text)


def imported(kb: Path, page: Path, *extra: str) -> str:
    r = cli_in_process("import", page, "--knowledge", kb, "--as", "Ana", *extra)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_a_reimport_keeps_an_edited_description_and_says_so(tmp_path: Path) -> None:
    kb = seeded_kb(tmp_path)
    edit(kb / "certifications/CMSO.yaml", CMSO_PAGE, CMSO_MINE)
    page = new_page(tmp_path, (CMSO_PAGE, CMSO_NEW_PAGE), ("Drive the efficiency", "Lead the efficiency"))
    out = imported(kb, page)
    assert f"note: kept your edit of CMSO.description; the page now says '{CMSO_NEW_PAGE}'" in out
    kb_now = load_knowledge(kb)
    assert kb_now.certifications["CMSO"].description == CMSO_MINE
    assert kb_now.roles[OPS].tagline.startswith("Lead the efficiency")  # nobody edited it: the page wins
    assert kb_now.roles[OPS].pathway[2].why == CMSO_NEW_PAGE  # the role's own sentence follows the page

    # the page did not change it again: still kept, and said quietly
    out = imported(kb, page)
    assert "kept your edit of CMSO.description (the page has not changed it)" in out
    assert "\nupdated " not in out and "\ncreated " not in out


def test_edits_are_kept_item_by_item(tmp_path: Path) -> None:
    kb = seeded_kb(tmp_path)
    role = kb / ROLE
    edit(role, "description: Managing drug procurement, inventory levels, and shortage strategies to ensure medication availability and financial control.", "description: Managing drug buying, stock levels and shortage plans")
    edit(role, "title: Staffing Model Review", "title: Staffing Model Review  # renamed? no: a comment of the moderator")
    page = new_page(
        tmp_path,
        ("Managing drug procurement, inventory levels, and shortage strategies", "Managing procurement, inventory levels, and drug shortage strategies"),
        ("Designing, monitoring, and refining", "Designing, measuring, and refining"),
        ("  • Staffing & Performance Management", "  • Regulatory Compliance\n\n    Keeping every workflow inspection-ready.\n\n  • Staffing & Performance Management"),
    )
    out = imported(kb, page)
    assert f"kept your edit of {OPS}.responsibilities[Inventory & Supply Chain Oversight].description; the page now says 'Managing procurement" in out
    r = load_knowledge(kb).roles[OPS]
    assert [x.name for x in r.responsibilities] == ["Workflow & Process Optimization", "Technology & Automation Management", "Inventory & Supply Chain Oversight", "Regulatory Compliance", "Staffing & Performance Management"]
    assert r.responsibilities[0].description.startswith("Designing, measuring, and refining")
    assert r.responsibilities[2].description == "Managing drug buying, stock levels and shortage plans"
    assert "# renamed? no: a comment of the moderator" in role.read_text()  # the untouched section keeps its layout


def test_a_field_the_page_dropped_stays_when_a_moderator_edited_it(tmp_path: Path) -> None:
    kb = seeded_kb(tmp_path)
    edit(kb / ROLE, "You lead a huddle with pharmacy managers", "You lead a short huddle with pharmacy managers")
    text = seed_text()
    no_day = write(tmp_path / "no-day.txt", text[: text.index("A Day in the Life")] + text[text.index("Ready to Engineer") :])
    out = imported(kb, no_day)
    assert f"kept your edit of {OPS}.day_in_the_life; the page now says nothing (it left this out)" in out
    assert "short huddle" in (kb / ROLE).read_text()


def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    kb = seeded_kb(tmp_path)
    edit(kb / "certifications/CMSO.yaml", CMSO_PAGE, CMSO_MINE)
    before = snapshot(kb)
    page = new_page(tmp_path, (CMSO_PAGE, CMSO_NEW_PAGE), ("Drive the efficiency", "Lead the efficiency"))
    r = cli_in_process("import", "--dry-run", page, "--knowledge", kb)
    assert r.returncode == 0, r.stderr
    assert f"{page}: role {OPS} (dry run: nothing was written)" in r.stdout
    assert f"updated   {ROLE}" in r.stdout and "kept your edit of CMSO.description" in r.stdout
    assert f"--- a/{ROLE}\n+++ b/{ROLE}\n" in r.stdout
    assert "-tagline: Drive the efficiency" in r.stdout and "+tagline: Lead the efficiency" in r.stdout
    assert "unchanged certifications/CMSO.yaml" in r.stdout and "a/certifications/CMSO.yaml" not in r.stdout  # kept: nothing to show
    assert snapshot(kb) == before  # not a byte, not a backup, not a snapshot
    r = cli_in_process("import", "--dry-run", "--init", page, "--knowledge", tmp_path / "new")
    assert r.returncode == 2 and "--dry-run writes nothing" in r.stderr and not (tmp_path / "new").exists()


def test_every_overwrite_is_backed_up_and_undone_as_one_change(tmp_path: Path) -> None:
    kb = seeded_kb(tmp_path)
    edit(kb / "certifications/CMSO.yaml", CMSO_PAGE, CMSO_MINE)
    files = {p: b for p, b in snapshot(kb).items() if not p.startswith(".")}
    imported(kb, new_page(tmp_path, ("Drive the efficiency", "Lead the efficiency")))
    assert yaml.safe_load((kb / ROLE).read_text())["tagline"].startswith("Lead")
    r = cli_in_process("undo", "--knowledge", kb, "--as", "Ana")
    assert r.returncode == 0 and f"restored {ROLE}" in r.stdout and f"restored sources/{OPS}.txt" in r.stdout
    assert {p: b for p, b in snapshot(kb).items() if not p.startswith(".")} == files


def test_without_the_page_as_last_imported_the_page_wins_and_says_so(tmp_path: Path) -> None:
    kb = seeded_kb(tmp_path)
    edit(kb / ROLE, "tagline: Drive the efficiency", "tagline: Run the efficiency")
    (kb / "sources" / f"{OPS}.txt").unlink()
    plan = plan_import(seed_text(), kb)
    assert ROLE in plan.updated
    assert any("no earlier import of this page" in n and "undo restores them" in n for n in plan.notes)
    assert "tagline: Drive the efficiency" in plan.writes[ROLE]
