"""`career-bot import`: pages -> knowledge files, idempotent, keeping moderators' work, atomic."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
import yaml

from bot.knowledge.importer import import_page, plan_import
from bot.knowledge.loader import KnowledgeError, load_knowledge
from bot.knowledge.page import MAX_PAGE_BYTES, PageError, parse_page
from bot.knowledge.yamlio import write_atomic

try:
    from knowledge_helpers import cli, cli_in_process, copy_fixture, empty_kb, page, seed_path, seed_text, seeded_kb, snapshot, write
except ImportError:  # tests/ became a package
    from tests.knowledge_helpers import cli, cli_in_process, copy_fixture, empty_kb, page, seed_path, seed_text, seeded_kb, snapshot, write

SAMPLES = {
    "medication-safety-officer.txt": ("medication-safety-officer", ["CMSO", "CEPRS", "CPOM"]),
    "director-of-pharmacy-informatics.txt": ("director-of-pharmacy-informatics", ["CPIP", "CCDSS", "CPDA", "CPTI", "CMSO", "CPOM"]),
    "pharmacy-supply-chain-manager.txt": ("pharmacy-supply-chain-manager", ["CPSCM", "CDSM", "CPOM"]),
    "director-of-pharmacy.txt": ("director-of-pharmacy", ["CPEL", "CPFM", "CPOM", "CMSO"]),
}
OPS = "director-of-pharmacy-operations"


def role_yaml(kb: Path, role_id: str) -> dict:
    return yaml.safe_load((kb / "roles" / f"{role_id}.yaml").read_text(encoding="utf-8"))


def cert_yaml(kb: Path, code: str) -> dict:
    return yaml.safe_load((kb / "certifications" / f"{code}.yaml").read_text(encoding="utf-8"))


def leftovers(root: Path) -> list[str]:
    return [p for p in snapshot(root) if Path(p).name.startswith(".") or p.endswith(".tmp")]


# ----------------------------------------------------------------------------- fresh imports


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_import_sample_page_into_empty_knowledge(tmp_path, name):
    kb = empty_kb(tmp_path)
    role_id, codes = SAMPLES[name]
    plan = import_page(page(name), kb)
    assert plan.role_id == role_id
    assert sorted(plan.created) == sorted([f"sources/{role_id}.txt", f"roles/{role_id}.yaml"] + [f"certifications/{c}.yaml" for c in codes])
    assert plan.updated == [] and plan.unchanged == [] and plan.notes == []

    k = load_knowledge(kb)
    role = k.roles[role_id]
    p = parse_page(page(name).read_text(encoding="utf-8"))
    assert role.title == p.title and role.tagline == p.tagline
    assert (role.overview_heading, list(role.overview)) == (p.overview_heading, p.overview)
    assert [(r.name, r.description) for r in role.responsibilities] == p.responsibilities
    assert (role.pathway_heading, role.pathway_intro) == (p.pathway_heading, p.pathway_intro)
    assert [(s.certification, s.why) for s in role.pathway] == [(c.code, c.description) for c in p.certifications]
    assert [s.certification for s in role.pathway] == codes
    assert role.day_intro == p.day_intro
    assert [(d.time, d.title, d.description) for d in role.day_in_the_life] == p.day
    assert (role.closing_heading, role.closing, role.closing_link) == (p.closing_heading, p.closing, p.closing_link)
    assert (role.aliases, role.related_roles, role.links) == ((), (), ())
    assert sorted(k.certifications) == sorted(codes)
    for c in p.certifications:
        cert = k.certifications[c.code]
        assert (cert.name, cert.description) == (c.name, c.description)
        assert cert_yaml(kb, c.code)["imported_from"] == role_id

    # the page is kept as the source, with LF line endings
    source = (kb / role.source).read_bytes()
    assert role.source == f"sources/{role_id}.txt" and b"\r" not in source
    assert source.decode() == page(name).read_text(encoding="utf-8").replace("\r\n", "\n").rstrip("\n") + "\n"
    assert leftovers(kb) == []


def test_optional_sections_are_left_out_of_the_role_file(tmp_path):
    kb = empty_kb(tmp_path)
    import_page(page("director-of-pharmacy.txt"), kb)
    import_page(page("pharmacy-supply-chain-manager.txt"), kb)
    assert "day_in_the_life" not in role_yaml(kb, "director-of-pharmacy")
    assert "call_to_action" in role_yaml(kb, "director-of-pharmacy")
    assert "call_to_action" not in role_yaml(kb, "pharmacy-supply-chain-manager")
    assert len(role_yaml(kb, "pharmacy-supply-chain-manager")["day_in_the_life"]["entries"]) == 3


def test_role_id_from_a_title_with_an_ampersand(tmp_path):
    kb = empty_kb(tmp_path)
    text = seed_text().replace("Director of Pharmacy Operations", "Director of Pharmacy Quality & Compliance")
    plan = import_page(write(tmp_path / "qc.txt", text), kb)
    assert plan.role_id == "director-of-pharmacy-quality-and-compliance"
    assert load_knowledge(kb).roles[plan.role_id].title == "Director of Pharmacy Quality & Compliance"


def test_role_id_from_a_title_with_an_apostrophe(tmp_path):
    """"Patient's Own …" makes ``patients-own-…``; a page imported before under the old id
    ("patient-s-own-…") keeps its role when imported again, instead of making a second one."""
    kb = empty_kb(tmp_path)
    text = seed_text().replace("Director of Pharmacy Operations", "Patient's Own Medications Director")
    plan = import_page(write(tmp_path / "pom.txt", text), kb)
    assert plan.role_id == "patients-own-medications-director"
    legacy = tmp_path / "legacy"
    shutil.copytree(kb, legacy)
    (legacy / "roles" / "patients-own-medications-director.yaml").rename(legacy / "roles" / "patient-s-own-medications-director.yaml")
    moved = legacy / "roles" / "patient-s-own-medications-director.yaml"
    moved.write_text(moved.read_text(encoding="utf-8").replace("patients-own-medications-director", "patient-s-own-medications-director"), encoding="utf-8")
    (legacy / "sources" / "patients-own-medications-director.txt").rename(legacy / "sources" / "patient-s-own-medications-director.txt")
    again = import_page(write(tmp_path / "pom2.txt", text), legacy)
    assert again.role_id == "patient-s-own-medications-director"
    assert set(load_knowledge(legacy).roles) == {"patient-s-own-medications-director"}


def test_all_pages_together_share_certifications(tmp_path):
    kb = seeded_kb(tmp_path)
    before_cmso = (kb / "certifications" / "CMSO.yaml").read_bytes()
    before_cpom = (kb / "certifications" / "CPOM.yaml").read_bytes()
    for name in SAMPLES:
        import_page(page(name), kb)
    k = load_knowledge(kb)
    assert set(k.roles) == {OPS, *(r for r, _ in SAMPLES.values())}
    assert set(k.certifications) == {"CHPOP", "CPOM", "CMSO", "CPSCM", "CEPRS", "CPIP", "CCDSS", "CPDA", "CPTI", "CDSM", "CPEL", "CPFM"}
    assert sorted(p.name for p in (kb / "certifications").iterdir()) == sorted(f"{c}.yaml" for c in k.certifications)
    # shared certifications keep the first page's text, byte for byte
    assert (kb / "certifications" / "CMSO.yaml").read_bytes() == before_cmso
    assert (kb / "certifications" / "CPOM.yaml").read_bytes() == before_cpom
    assert [r.id for r in k.roles_with_certification("CMSO")] == ["director-of-pharmacy", "director-of-pharmacy-informatics", OPS, "medication-safety-officer"]  # title order
    # ... and every role keeps its own page's sentence for why it matters
    for name, (role_id, _) in SAMPLES.items():
        p = parse_page(page(name).read_text(encoding="utf-8"))
        assert {s.certification: s.why for s in k.roles[role_id].pathway} == {c.code: c.description for c in p.certifications}
    assert cli_in_process("validate", "--knowledge", kb).returncode == 0


# ----------------------------------------------------------------------------- idempotence


def test_importing_the_seed_into_the_shipped_knowledge_changes_nothing(tmp_path):
    kb = copy_fixture(tmp_path)
    before = snapshot(kb)
    plan = import_page(seed_path(tmp_path), kb)
    assert plan.created == [] and plan.updated == []
    assert len(plan.unchanged) == 6
    assert snapshot(kb) == before


def test_shipped_page_fields_are_exactly_the_import_output(tmp_path):
    fresh = seeded_kb(tmp_path)
    shipped = copy_fixture(tmp_path / "shipped")
    for rel in ["sources/director-of-pharmacy-operations.txt", "certifications/CHPOP.yaml", f"roles/{OPS}.yaml"]:
        a, b = (fresh / rel).read_text(encoding="utf-8"), (shipped / rel).read_text(encoding="utf-8")
        if rel.startswith("roles/"):  # moderators may have filled in the fields after `source:`
            a, b = a[: a.index("\nsource: ")], b[: b.index("\nsource: ")]
        assert a == b, rel


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_second_import_changes_nothing(tmp_path, name):
    kb = copy_fixture(tmp_path)
    first = import_page(page(name), kb)
    after_first = snapshot(kb)
    mtimes = {p: (kb / p).stat().st_mtime_ns for p in after_first if not p.endswith("/")}
    second = import_page(page(name), kb)
    assert second.created == [] and second.updated == []
    assert sorted(second.unchanged) == sorted(first.writes)
    assert snapshot(kb) == after_first
    assert {p: (kb / p).stat().st_mtime_ns for p in mtimes} == mtimes  # not even rewritten


def test_second_import_through_the_cli_reports_unchanged(tmp_path):
    kb = empty_kb(tmp_path)
    first = cli("import", "--init", page("director-of-pharmacy-informatics.txt"), "--knowledge", kb)  # an empty folder needs --init
    assert first.returncode == 0, first.stderr
    assert "created   roles/director-of-pharmacy-informatics.yaml" in first.stdout
    before = snapshot(kb)
    second = cli("import", page("director-of-pharmacy-informatics.txt"), "--knowledge", kb)
    assert second.returncode == 0, second.stderr
    lines = second.stdout.splitlines()[1:]
    assert len(lines) == 8 and all(ln.startswith("unchanged ") for ln in lines)
    assert snapshot(kb) == before


# ----------------------------------------------------------------------------- updates keep moderators' work

MODERATED_TAIL = """source: sources/director-of-pharmacy-operations.txt
# Moderators: names members use for this role (keep in sync with #career-help)
aliases:
  - Ops Director  # most common in the Discord
  - DPO
related_roles:
  - director-of-pharmacy  # the corporate role above this one
links:
  - label: Operations certifications
    url: https://example.org/certifications/operations
"""

FAQ = """id: ops-vs-director
questions:
  - What is the difference between a Director of Pharmacy and a Director of Pharmacy Operations?
answer: The Director of Pharmacy sets strategy; the Operations Director runs the daily workflows.  # moderator answer
roles:
  - director-of-pharmacy-operations
  - director-of-pharmacy
certifications:
  - CPOM
"""


def moderate(kb: Path) -> None:
    """What a moderator does after the first import: aliases, related roles, links, an FAQ."""
    import_page(page("director-of-pharmacy.txt"), kb)
    role = kb / "roles" / f"{OPS}.yaml"
    text = role.read_text(encoding="utf-8")
    head = text[: text.index("source: ")]
    role.write_text(head + MODERATED_TAIL, encoding="utf-8")
    write(kb / "faq" / "ops-vs-director.yaml", FAQ)
    load_knowledge(kb)  # the moderator's edit is valid


def updated_seed() -> str:
    text = seed_text()
    text = text.replace("Drive the efficiency, safety, and reliability", "Lead the efficiency, safety, and reliability")
    text = text.replace("Designing, monitoring, and refining dispensing", "Designing, measuring, and continuously refining dispensing")
    start, end = text.index("CMSO\n"), text.index("CPSCM\n")
    return text[:start] + text[end:]


def test_reimport_of_an_updated_page_keeps_moderator_fields_and_faq(tmp_path):
    kb = copy_fixture(tmp_path)
    moderate(kb)
    faq_before = (kb / "faq" / "ops-vs-director.yaml").read_bytes()
    cmso_before = (kb / "certifications" / "CMSO.yaml").read_bytes()

    plan = import_page(write(tmp_path / "ops.txt", updated_seed()), kb)
    assert sorted(plan.updated) == [f"roles/{OPS}.yaml", f"sources/{OPS}.txt"]
    assert sorted(plan.unchanged) == ["certifications/CHPOP.yaml", "certifications/CPOM.yaml", "certifications/CPSCM.yaml"]

    role = load_knowledge(kb).roles[OPS]
    # page-derived fields follow the page
    assert role.tagline.startswith("Lead the efficiency, safety, and reliability")
    assert role.responsibilities[0].description == (
        "Designing, measuring, and continuously refining dispensing, compounding, and distribution workflows to maximize efficiency and safety."
    )
    assert role.responsibilities[1:] == load_knowledge(copy_fixture(tmp_path / "orig")).roles[OPS].responsibilities[1:]
    assert [s.certification for s in role.pathway] == ["CHPOP", "CPOM", "CPSCM"]
    # moderator fields, their comments and the FAQ are untouched
    assert role.aliases == ("Ops Director", "DPO")
    assert role.related_roles == ("director-of-pharmacy",)
    assert [(x.label, x.url) for x in role.links] == [("Operations certifications", "https://example.org/certifications/operations")]
    text = (kb / "roles" / f"{OPS}.yaml").read_text(encoding="utf-8")
    assert text.endswith(MODERATED_TAIL)
    assert "# Moderators: names members use for this role" in text and "# most common in the Discord" in text
    assert (kb / "faq" / "ops-vs-director.yaml").read_bytes() == faq_before
    # the certification dropped from the page stays in the knowledge base (other roles use it)
    assert (kb / "certifications" / "CMSO.yaml").read_bytes() == cmso_before

    # and importing the same update again is a no-op
    before = snapshot(kb)
    again = import_page(tmp_path / "ops.txt", kb)
    assert again.updated == [] and again.created == []
    assert snapshot(kb) == before


def test_reimport_of_the_original_page_restores_page_fields_only(tmp_path):
    kb = copy_fixture(tmp_path)
    moderate(kb)
    import_page(write(tmp_path / "ops.txt", updated_seed()), kb)
    import_page(seed_path(tmp_path), kb)
    text = (kb / "roles" / f"{OPS}.yaml").read_text(encoding="utf-8")
    shipped = (copy_fixture(tmp_path / "orig") / "roles" / f"{OPS}.yaml").read_text(encoding="utf-8")
    assert text == shipped[: shipped.index("source: ")] + MODERATED_TAIL


def test_moderator_reordered_fields_survive(tmp_path):
    kb = seeded_kb(tmp_path)
    role = kb / "roles" / f"{OPS}.yaml"
    data = role.read_text(encoding="utf-8").replace("aliases: []\n", "").replace("title: Director of Pharmacy Operations\n", "title: Director of Pharmacy Operations\naliases: [Operations Director]  # up top on purpose\n")
    role.write_text(data, encoding="utf-8")
    import_page(write(tmp_path / "ops.txt", updated_seed()), kb)
    text = role.read_text(encoding="utf-8")
    assert "aliases: [Operations Director]  # up top on purpose\n" in text
    assert text.index("aliases:") < text.index("tagline:")
    assert load_knowledge(kb).roles[OPS].aliases == ("Operations Director",)


def test_a_section_dropped_from_the_page_is_dropped_and_comes_back_in_place(tmp_path):
    kb = copy_fixture(tmp_path)
    moderate(kb)
    text = seed_text()
    no_day = text[: text.index("A Day in the Life")] + text[text.index("Ready to Engineer") :]
    import_page(write(tmp_path / "ops.txt", no_day), kb)
    data = role_yaml(kb, OPS)
    assert "day_in_the_life" not in data and data["call_to_action"]["heading"].startswith("Ready to Engineer")
    assert data["aliases"] == ["Ops Director", "DPO"]

    import_page(seed_path(tmp_path), kb)
    keys = list(role_yaml(kb, OPS))
    assert keys == ["id", "title", "tagline", "overview", "responsibilities", "pathway", "day_in_the_life", "call_to_action", "source", "aliases", "related_roles", "links"]


def test_shared_certification_is_stored_once_with_a_note(tmp_path):
    kb = seeded_kb(tmp_path)
    cmso = kb / "certifications" / "CMSO.yaml"
    before = cmso.read_bytes()
    plan = import_page(page("medication-safety-officer.txt"), kb)
    assert "certifications/CMSO.yaml" not in plan.writes
    assert any("CMSO" in n and OPS in n for n in plan.notes)
    assert cmso.read_bytes() == before
    k = load_knowledge(kb)
    assert k.certifications["CMSO"].description == "Critical for an operations leader, this proves your ability to embed safety principles and processes directly into daily workflows."
    assert k.roles["medication-safety-officer"].pathway[0].why == (
        "The cornerstone credential for this role, proving your mastery of error prevention, event analysis, and medication safety program leadership."
    )
    assert k.roles[OPS].pathway[2].why == k.certifications["CMSO"].description
    assert cert_yaml(kb, "CEPRS")["imported_from"] == "medication-safety-officer"


def test_shared_certification_note_through_the_cli(tmp_path):
    kb = copy_fixture(tmp_path)
    r = cli("import", page("director-of-pharmacy.txt"), "--knowledge", kb)
    assert r.returncode == 0, r.stderr
    notes = [ln for ln in r.stdout.splitlines() if ln.startswith("note: ")]
    assert any("CMSO" in n for n in notes) and any("CPOM" in n for n in notes)
    assert "created   certifications/CPEL.yaml" in r.stdout


def test_shared_certification_with_a_different_name_keeps_the_first(tmp_path):
    kb = copy_fixture(tmp_path)
    text = page("medication-safety-officer.txt").read_text(encoding="utf-8").replace("\nCertified Medication Safety Officer\n", "\nCertified Medication-Safety Officer\n")
    plan = import_page(write(tmp_path / "mso.txt", text), kb)
    assert any("Certified Medication-Safety Officer" in n and "kept" in n for n in plan.notes)
    assert load_knowledge(kb).certifications["CMSO"].name == "Certified Medication Safety Officer"


def test_reimporting_the_first_page_updates_its_certification_text(tmp_path):
    kb = seeded_kb(tmp_path)
    import_page(page("medication-safety-officer.txt"), kb)
    text = seed_text().replace("Critical for an operations leader, this proves", "Essential for an operations leader, this proves")
    import_page(write(tmp_path / "ops.txt", text), kb)
    k = load_knowledge(kb)
    assert k.certifications["CMSO"].description.startswith("Essential for an operations leader")
    assert k.roles["medication-safety-officer"].pathway[0].why.startswith("The cornerstone credential")


# ----------------------------------------------------------------------------- bad pages write nothing

SEED_LINES = seed_text().splitlines()


def _without(text: str, sentence: str) -> str:
    assert sentence in text
    return text.replace(sentence + "\n", "")


def _no_certs() -> str:
    text = seed_text()
    start, end = text.index("CHPOP\n"), text.index("A Day in the Life")
    return text[:start] + text[end:]


BAD_PAGES = {
    "empty": (b"", 1, "empty"),
    "blank lines only": (b"\n \n\t\n", 1, "empty"),
    "no sections": (b"Career Path: Pharmacy Buyer\nCAREER SPOTLIGHT\nPharmacy Buyer\n\nBuys medications.\n\nMore text.\n", 5, "expected at least one section"),
    "pathway without certifications": (_no_certs().encode(), SEED_LINES.index("Your Certification Pathway to Operational Excellence") + 1, "expected certification blocks"),
    "certification without description": (
        _without(seed_text(), "Validates your expertise in the vital area of drug procurement, inventory control, and managing the pharmacy supply chain.").encode(),
        SEED_LINES.index("CPSCM") + 1,
        "certification CPSCM (Certified Pharmacy Supply Chain Manager) has no description",
    ),
    "not UTF-8": (seed_text().encode().replace(b"Afternoon:", b"Apr\xe8s-midi:"), SEED_LINES.index("Afternoon: Staffing Model Review") + 1, "not UTF-8"),
    "over 2 MB": (seed_text().encode() + b"x" * (MAX_PAGE_BYTES + 1), 1, "limit 2 MB"),
}


STEWARD_DUTIES = [
    ("Item Record Builds", "Creating and updating product records with NDCs, package sizes and barcodes whenever products change."),
    ("Barcode Integrity", "Testing new barcodes at the scanner and in dispensing cabinets, and fixing scan failures."),
    ("Data Quality Audits", "Running monthly reports to find duplicate or mismatched records and cleaning them up."),
    ("Change Coordination", "Telling buyers, informatics and finance about product substitutions."),
]


def _seed_with_duties_heading(heading: str) -> str:
    """The seed page with its responsibilities under ``heading`` as "1. Name: text" lines (the item master data steward's layout)."""
    text = seed_text()
    a, b = text.index("Core Responsibilities"), text.index("Your Certification Pathway to")
    return text[:a] + f"{heading}\n\n" + "".join(f"{k}. {n}: {d}\n" for k, (n, d) in enumerate(STEWARD_DUTIES, 1)) + "\n" + text[b:]


@pytest.mark.parametrize("heading", ["What You'll Be Doing", "On the Job", "The Work"])
def test_duties_under_a_heading_in_other_words_are_imported_as_responsibilities(tmp_path, heading):
    """Before, "What You'll Be Doing" and its four duties were imported as overview paragraphs, with no
    responsibilities and no warning."""
    kb = empty_kb(tmp_path)
    plan = import_page(write(tmp_path / "page.txt", _seed_with_duties_heading(heading)), kb)
    role = role_yaml(kb, plan.role_id)
    assert [(r["name"], r["description"]) for r in role["responsibilities"]] == STEWARD_DUTIES
    assert heading not in role["overview"]["paragraphs"] and len(role["overview"]["paragraphs"]) == 2


def test_a_list_under_an_unknown_heading_in_the_overview_is_refused_and_writes_nothing(tmp_path):
    kb = copy_fixture(tmp_path)
    text = _seed_with_duties_heading("Inside the Role")
    bad = write(tmp_path / "bad.txt", text)
    before = snapshot(kb)
    with pytest.raises(PageError) as e:
        import_page(bad, kb)
    assert e.value.line == text.splitlines().index("Inside the Role") + 1 and "'Inside the Role' heads a list" in e.value.message
    assert snapshot(kb) == before


@pytest.mark.parametrize("case", sorted(BAD_PAGES))
def test_bad_page_raises_page_error_and_writes_nothing(tmp_path, case):
    raw, line, message = BAD_PAGES[case]
    kb = copy_fixture(tmp_path)
    bad = write(tmp_path / "bad.txt", raw)
    before = snapshot(kb)
    with pytest.raises(PageError) as e:
        import_page(bad, kb)
    assert e.value.line == line
    assert message in e.value.message
    assert snapshot(kb) == before


@pytest.mark.parametrize(
    "case, run",
    [
        ("empty", cli),
        ("not UTF-8", cli),
        ("pathway without certifications", cli_in_process),
        ("certification without description", cli_in_process),
        ("over 2 MB", cli_in_process),
        ("no sections", cli_in_process),
    ],
)
def test_bad_page_through_the_cli(tmp_path, case, run):
    raw, line, message = BAD_PAGES[case]
    kb = copy_fixture(tmp_path)
    bad = write(tmp_path / "bad.txt", raw)
    before = snapshot(kb)
    r = run("import", bad, "--knowledge", kb)
    assert r.returncode == 1
    assert f"{bad}:{line}: " in r.stderr and message in r.stderr and "nothing was written" in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    assert snapshot(kb) == before


def test_cli_imports_the_good_pages_and_fails_on_the_bad_one(tmp_path):
    kb = empty_kb(tmp_path)
    bad = write(tmp_path / "bad.txt", b"")
    r = cli("import", "--init", page("medication-safety-officer.txt"), bad, tmp_path / "missing.txt", "--knowledge", kb)
    assert r.returncode == 1
    assert f"{bad}:1: " in r.stderr and f"{tmp_path / 'missing.txt'}: no such file" in r.stderr
    assert set(load_knowledge(kb).roles) == {"medication-safety-officer"}


def test_plan_import_writes_nothing(tmp_path):
    kb = copy_fixture(tmp_path)
    before = snapshot(kb)
    plan = plan_import(page("director-of-pharmacy-informatics.txt").read_text(encoding="utf-8"), kb)
    assert "roles/director-of-pharmacy-informatics.yaml" in plan.created
    assert snapshot(kb) == before


# ----------------------------------------------------------------------------- a knowledge base the import would break


def test_import_that_would_break_validation_writes_nothing(tmp_path):
    kb = seeded_kb(tmp_path)
    role = kb / "roles" / f"{OPS}.yaml"
    # a moderator already gave the ops role the other role's title as an alias
    role.write_text(role.read_text(encoding="utf-8").replace("aliases: []", "aliases: [Medication Safety Officer]"), encoding="utf-8")
    before = snapshot(kb)
    with pytest.raises(KnowledgeError) as e:
        import_page(page("medication-safety-officer.txt"), kb)
    assert any(p.file == f"roles/{OPS}.yaml" and p.field == "aliases[0]" and "medication-safety-officer.yaml" in p.message for p in e.value.problems)
    assert snapshot(kb) == before
    r = cli_in_process("import", page("medication-safety-officer.txt"), "--knowledge", kb)
    assert r.returncode == 1 and "nothing was written" in r.stderr and f"roles/{OPS}.yaml:" in r.stderr
    assert snapshot(kb) == before


def test_certification_code_differing_only_by_case_is_refused(tmp_path):
    kb = seeded_kb(tmp_path)
    text = seed_text().replace("\nCPOM\n", "\nCPoM\n")
    before = snapshot(kb)
    with pytest.raises(KnowledgeError) as e:
        import_page(write(tmp_path / "ops.txt", text), kb)
    assert any("duplicate certification code" in p.message for p in e.value.problems)
    assert snapshot(kb) == before


@pytest.mark.parametrize(
    "content, line, message",
    [
        (b"id: director-of-pharmacy-operations\ntitle: [Director\n", 2, "YAML error"),
        (b"id: director-of-pharmacy-operations\ntitle: Caf\xe9 Director\n", 2, "not UTF-8"),
        (b"- id: director-of-pharmacy-operations\n", 1, "expected a mapping"),
    ],
    ids=["broken YAML", "not UTF-8", "a list"],
)
def test_existing_file_that_cannot_be_updated_is_a_knowledge_error(tmp_path, content, line, message):
    kb = copy_fixture(tmp_path)
    write(kb / "roles" / f"{OPS}.yaml", content)
    before = snapshot(kb)
    with pytest.raises(KnowledgeError) as e:
        import_page(seed_path(tmp_path), kb)
    (problem,) = e.value.problems
    assert (problem.file, problem.line) == (f"roles/{OPS}.yaml", line) and message in problem.message
    assert snapshot(kb) == before
    r = cli_in_process("import", seed_path(tmp_path), "--knowledge", kb)
    assert r.returncode == 1 and f"roles/{OPS}.yaml:{line}:" in r.stderr and "nothing was written" in r.stderr


def test_unsafe_tag_in_an_existing_file_is_never_executed(tmp_path):
    kb = seeded_kb(tmp_path)
    marker = tmp_path / "pwned"
    role = kb / "roles" / f"{OPS}.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace("aliases: []", f'aliases: !!python/object/apply:os.system ["touch {marker}"]'), encoding="utf-8")
    cert = kb / "certifications" / "CMSO.yaml"
    cert.write_text(cert.read_text(encoding="utf-8").replace("links: []", f'links: !!python/object/apply:os.system ["touch {marker}"]'), encoding="utf-8")
    before = snapshot(kb)
    for target in (seed_path(tmp_path), page("medication-safety-officer.txt")):
        with pytest.raises(KnowledgeError):
            import_page(target, kb)
    assert cli("import", page("medication-safety-officer.txt"), "--knowledge", kb).returncode == 1
    assert not marker.exists()
    assert snapshot(kb) == before


# ----------------------------------------------------------------------------- atomic writes


def test_no_temp_files_left_after_imports(tmp_path):
    kb = empty_kb(tmp_path)
    for name in SAMPLES:
        import_page(page(name), kb)
    import_page(write(tmp_path / "ops.txt", updated_seed()), kb)
    assert leftovers(kb) == []
    assert not any(n.startswith("career-bot-import-") for n in os.listdir(tmp_path))


def test_write_atomic_replaces_the_file(tmp_path):
    target = write(tmp_path / "roles" / "x.yaml", "old: 1\n")
    inode = target.stat().st_ino
    reader = target.open("rb")  # a reader holding the old file keeps seeing the old bytes
    write_atomic(target, "new: 2\n")
    assert target.read_text() == "new: 2\n"
    assert target.stat().st_ino != inode
    assert reader.read() == b"old: 1\n"
    reader.close()
    assert os.listdir(target.parent) == ["x.yaml"]


def test_write_atomic_failure_keeps_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = write(tmp_path / "x.yaml", "old: 1\n")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, "new: 2\n")
    assert target.read_text() == "old: 1\n"
    assert os.listdir(tmp_path) == ["x.yaml"]


def test_write_atomic_keeps_permissions_and_new_files_are_readable(tmp_path):
    target = write(tmp_path / "x.yaml", "old: 1\n")
    target.chmod(0o640)
    write_atomic(target, "new: 2\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    old_umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.yaml", "a: 1\n")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o644  # not mkstemp's 0600


def test_write_atomic_writes_lf_utf8(tmp_path):
    target = tmp_path / "sub" / "x.yaml"
    write_atomic(target, "name: Café – ●\nnext: line\n")
    assert target.read_bytes() == "name: Café – ●\nnext: line\n".encode("utf-8")


def test_pages_with_other_pathway_headings_import_every_certification(tmp_path):
    """Blind testers' pages: before, the pathway was merged into the last responsibility, no
    certification was created, and validate said clean."""
    kb = seeded_kb(tmp_path)
    pages = sorted((Path(__file__).resolve().parent / "pages" / "headings").glob("*.txt"))
    r = cli_in_process("import", *pages, "--knowledge", kb)
    assert r.returncode == 0, r.stderr
    k = load_knowledge(kb)
    assert {c for r in k.roles.values() for c in (s.certification for s in r.pathway)} >= {"CPIP", "CPDA", "CDPS", "CCSRM", "CSPL", "CPARS"}
    assert all(len(r.responsibilities) == 3 for rid, r in k.roles.items() if rid != OPS)
    assert cli_in_process("validate", "--knowledge", kb).returncode == 0


def _seed_pathway(steps: str) -> str:
    text = seed_text()
    return text[: text.index("Your Certification Pathway to")] + steps + text[text.index("A Day in the Life") :]


def test_one_line_steps_under_pathway_to_certification_become_the_pathway(tmp_path):
    """"PATHWAY TO CERTIFICATION" then "1) Certified … (CODE) - why": before, the steps were read as
    responsibilities, the role had no pathway and validate said clean."""
    kb = empty_kb(tmp_path)
    steps = (
        "PATHWAY TO CERTIFICATION\n\n"
        "1) Certified Pharmacy Operations Manager (CPOM) - Shows you can lead teams and workflows.\n"
        "2) Certified Medication Safety Officer (CMSO) - Proves you can embed safety into daily work.\n\n"
    )
    plan = import_page(write(tmp_path / "page.txt", _seed_pathway(steps)), kb)
    role = role_yaml(kb, OPS)
    assert [s["certification"] for s in role["pathway"]["steps"]] == ["CPOM", "CMSO"]
    assert len(role["responsibilities"]) == 4
    assert cert_yaml(kb, "CMSO")["name"] == "Certified Medication Safety Officer"
    assert not any("no certification pathway" in n for n in plan.notes)


def test_a_certification_heading_over_unreadable_steps_is_refused_through_the_cli(tmp_path):
    kb = copy_fixture(tmp_path)
    text = _seed_pathway("How to Get Certified\n\n1) Operations Manager Credential [CPOM] - shows you can lead.\n\n")
    bad = write(tmp_path / "bad.txt", text)
    before = snapshot(kb)
    r = cli_in_process("import", bad, "--knowledge", kb)
    line = text.splitlines().index("How to Get Certified") + 1
    assert r.returncode == 1 and f"{bad}:{line}: " in r.stderr and "expected certification blocks" in r.stderr
    assert "Traceback" not in r.stderr and snapshot(kb) == before


def test_a_page_with_no_pathway_imports_with_a_note(tmp_path):
    """A pathway is optional, but a role imported without one is said so, not silently."""
    kb = empty_kb(tmp_path)
    text = seed_text()
    plan = import_page(write(tmp_path / "page.txt", text[: text.index("Your Certification Pathway to")]), kb)
    assert "pathway" not in role_yaml(kb, OPS)
    assert any("no certification pathway" in n and OPS in n for n in plan.notes)
    r = cli_in_process("import", write(tmp_path / "again.txt", text[: text.index("Your Certification Pathway to")]), "--knowledge", kb)
    assert "note: the page has no certification pathway" in r.stdout


def test_ordinal_steps_and_lower_case_day_labels_import_and_validate(tmp_path):
    """Blind writers' pages (round 65, wave 2): "First, CODE – Certified …: why" steps and a day
    labelled "early morning: you …" were refused or read as one entry; now each is its own."""
    kb = empty_kb(tmp_path)
    text = _seed_pathway(
        "Certification Pathway\n\n"
        "First, CPOM – Certified Pharmacy Operations Manager: Shows you can lead teams and workflows.\n"
        "Then, CMSO (Certified Medication Safety Officer): Proves you can embed safety into daily work.\n\n"
    )
    a, b = text.index("Morning: Daily"), text.index("Ready to Engineer")
    text = text[:a] + "early morning: you check the queue for anything urgent.\n\nlate morning: you walk the units with the charge nurses.\n\n" + text[b:]
    r = cli_in_process("import", "--init", write(tmp_path / "page.txt", text), "--knowledge", kb)
    assert r.returncode == 0, r.stderr
    role = role_yaml(kb, OPS)
    assert [s["certification"] for s in role["pathway"]["steps"]] == ["CPOM", "CMSO"]
    assert cert_yaml(kb, "CMSO")["name"] == "Certified Medication Safety Officer"
    assert [(e["time"], e["title"]) for e in role["day_in_the_life"]["entries"]] == [("Early morning", "Check the queue"), ("Late morning", "Walk the units")]
    assert role["aliases"] == []  # moderator-owned: the engine reads "often called …" from the overview itself
    assert cli_in_process("validate", "--knowledge", kb).returncode == 0


def test_a_day_of_paragraphs_with_no_times_is_refused_through_the_cli(tmp_path):
    kb = copy_fixture(tmp_path)
    text = seed_text()
    a, b = text.index("Morning: Daily"), text.index("Ready to Engineer")
    text = text[:a] + "You start by reviewing the overnight orders.\n\nLater you walk the units with the nurses.\n\n" + text[b:]
    bad = write(tmp_path / "bad.txt", text)
    before = snapshot(kb)
    r = cli_in_process("import", bad, "--knowledge", kb)
    assert r.returncode == 1 and f"{bad}:{text.splitlines().index('A Day in the Life') + 1}: " in r.stderr
    assert "says no time of day" in r.stderr and "'Early Morning: Your day is a hands-on" in r.stderr
    assert "Traceback" not in r.stderr and snapshot(kb) == before


def test_wave_3_layouts_import_and_validate(tmp_path):
    """Blind writers' pages (round 65, wave 3): "Responsibilities at a Glance", "Step 1 → CODE –
    Certified …: why" under "Building Your Credentials" and a day of "First thing, you …"
    paragraphs were read as overview, refused, or refused; now each is its section."""
    kb = empty_kb(tmp_path)
    text = _seed_pathway(
        "Building Your Credentials\n\n"
        "Step 1 → CPOM – Certified Pharmacy Operations Manager: Shows you can lead teams and workflows.\n"
        "Step 2 → CMSO – Certified Medication Safety Officer: Proves you can embed safety into daily work.\n\n"
    ).replace("Core Responsibilities", "Responsibilities at a Glance")
    a, b = text.index("Morning: Daily"), text.index("Ready to Engineer")
    text = text[:a] + "First thing, you count the vault and sign the log.\n\nBefore noon, you review a near miss where an oral syringe was overfilled.\n\n" + text[b:]
    r = cli_in_process("import", "--init", write(tmp_path / "page.txt", text), "--knowledge", kb)
    assert r.returncode == 0, r.stderr
    role = role_yaml(kb, OPS)
    assert len(role["responsibilities"]) == 4
    assert [s["certification"] for s in role["pathway"]["steps"]] == ["CPOM", "CMSO"]
    assert [(e["time"], e["title"]) for e in role["day_in_the_life"]["entries"]] == [("First thing", "Count the vault"), ("Before noon", "Review a near miss")]
    assert cli_in_process("validate", "--knowledge", kb).returncode == 0


def test_round_66_layouts_import_and_validate(tmp_path):
    """Blind writers' pages (round 66): numbered question headings ("2. What will I be responsible
    for?"), "Step one:" steps, a "Time | Task" day: before, refused or misread (the day as a
    certification "Mid-Morning"). Now each is its section, headings stored without number or colon."""
    kb = empty_kb(tmp_path)
    text = _seed_pathway(
        "3. How do I get certified?\n\n"
        "Step one: CPOM – Certified Pharmacy Operations Manager: shows you can lead teams and workflows.\n"
        "Step two: CMSO – Certified Medication Safety Officer. Proves you can embed safety into daily work.\n\n"
    )
    text = text.replace("\nThe Conductor of Pharmacy Efficiency\n", "\n1. The Conductor of Pharmacy Efficiency:\n")
    text = text.replace("\nCore Responsibilities\n", "\n2. What will I be responsible for?\n")
    a, b = text.index("A Day in the Life"), text.index("Ready to Engineer")
    day = "4. What does a typical day look like?\n\nTime | Task\n07:00 | Queue Review\nYou review the overnight queue.\n\nMid-Morning: You reroute refills to central fill.\n\n"
    text = text[:a] + day + "5. " + text[b:]
    r = cli_in_process("import", "--init", write(tmp_path / "page.txt", text), "--knowledge", kb)
    assert r.returncode == 0, r.stderr
    role = role_yaml(kb, OPS)
    assert role["overview"]["heading"] == "The Conductor of Pharmacy Efficiency" and len(role["responsibilities"]) == 4
    assert role["pathway"]["heading"] == "How do I get certified?"
    assert [s["certification"] for s in role["pathway"]["steps"]] == ["CPOM", "CMSO"]
    assert cert_yaml(kb, "CPOM")["description"] == "Shows you can lead teams and workflows."
    assert [(e["time"], e["title"]) for e in role["day_in_the_life"]["entries"]] == [("07:00", "Queue Review"), ("Mid-Morning", "Reroute refills to central fill")]
    assert role["call_to_action"]["heading"] == "Ready to Engineer the Future of Pharmacy Operations?"
    assert sorted(p.name for p in (kb / "certifications").iterdir()) == ["CMSO.yaml", "CPOM.yaml"]
    assert cli_in_process("validate", "--knowledge", kb).returncode == 0


def test_a_day_line_read_as_a_certification_code_is_refused_through_the_cli(tmp_path):
    """"Mid-Morning – Reroute Refills" where a code goes: before, a certification "Mid-Morning" was
    created; now nothing is written and the error names the line."""
    kb = copy_fixture(tmp_path)
    text = seed_text().replace("\nCPSCM\n", "\nMid-Morning – Reroute Refills\n")
    bad = write(tmp_path / "bad.txt", text)
    before = snapshot(kb)
    r = cli_in_process("import", bad, "--knowledge", kb)
    assert r.returncode == 1 and "Traceback" not in r.stderr and snapshot(kb) == before
    assert f"{bad}:{text.splitlines().index('Mid-Morning – Reroute Refills') + 1}: 'Mid-Morning' is not a certification code" in r.stderr


def test_round_66_wave_3_layouts_import_and_validate(tmp_path):
    """Blind writers' pages (round 66, wave 3): "Title | Council on Pharmacy Standards", emoji
    bullets, "Building Your Credentials" over a paragraph of steps, a time / title / text day and a
    pathway table. Before: the role id ended "-council-on-pharmacy-standards", names kept their emoji
    and were cut at "and", the role had no pathway (its paragraph a responsibility), and day
    descriptions repeated their titles."""
    kb = empty_kb(tmp_path)
    text = _seed_pathway(
        "Building Your Credentials\n\n"
        "Start with CPOM (Certified Pharmacy Operations Manager), which shows you can lead teams and workflows. "
        "Finally, add the Certified Medication Safety Officer (CMSO), which proves you can embed safety into daily work.\n\n"
    ).replace("Career Path: Director of Pharmacy Operations – Council on Pharmacy Standards", "Director of Pharmacy Operations | Council on Pharmacy Standards")
    a, b = text.index("Core Responsibilities"), text.index("Building Your Credentials")
    text = text[:a] + "Core Responsibilities\n\n🧰 Kit and Stock Readiness — Keeping first doses stocked.\n\n🎓 Nursing Education: Teaching the order set.\n\n" + text[b:]
    a, b = text.index("Morning: Daily"), text.index("Ready to Engineer")
    text = text[:a] + "6:30 AM\n\nIsolator Start-Up Checks\n\nYou review the logs.\n\n4:30 PM\n\nSpill Kit Audit and Handoff\n\nYou hand off to the evening shift.\n\n" + text[b:]
    r = cli_in_process("import", "--init", write(tmp_path / "page.txt", text), "--knowledge", kb)
    assert r.returncode == 0, r.stderr
    role = role_yaml(kb, OPS)
    assert role["title"] == "Director of Pharmacy Operations"
    assert [(d["name"], d["description"]) for d in role["responsibilities"]] == [("Kit and Stock Readiness", "Keeping first doses stocked."), ("Nursing Education", "Teaching the order set.")]
    assert role["pathway"]["heading"] == "Building Your Credentials"
    assert [s["certification"] for s in role["pathway"]["steps"]] == ["CPOM", "CMSO"]
    assert cert_yaml(kb, "CMSO")["name"] == "Certified Medication Safety Officer"
    assert [(e["time"], e["title"], e["description"]) for e in role["day_in_the_life"]["entries"]] == [
        ("6:30 AM", "Isolator Start-Up Checks", "You review the logs."),
        ("4:30 PM", "Spill Kit Audit and Handoff", "You hand off to the evening shift."),
    ]
    assert not any("no certification pathway" in n for n in r.stdout.splitlines())
    assert cli_in_process("validate", "--knowledge", kb).returncode == 0


def test_a_pathway_table_imports_with_its_names(tmp_path):
    """"1 | Certified … (CODE) | why": before, certifications named "1 | Certified …" were created with no error."""
    kb = empty_kb(tmp_path)
    rows = "Step | Certification | Why\n1 | Certified Pharmacy Operations Manager (CPOM) | Shows you can lead teams.\n2 | Certified Medication Safety Officer (CMSO) | Proves you can embed safety.\n\n"
    import_page(write(tmp_path / "page.txt", _seed_pathway("Your Certification Pathway\n\n" + rows)), kb)
    assert [s["certification"] for s in role_yaml(kb, OPS)["pathway"]["steps"]] == ["CPOM", "CMSO"]
    assert cert_yaml(kb, "CMSO")["name"] == "Certified Medication Safety Officer" and role_yaml(kb, OPS)["pathway"]["intro"] == ""


def test_certifications_named_in_a_paragraph_under_no_pathway_heading_are_refused_through_the_cli(tmp_path):
    """Before: imported with no pathway, the paragraph a responsibility; now nothing is written."""
    kb = copy_fixture(tmp_path)
    paragraph = "Start with CPOM (Certified Pharmacy Operations Manager), which shows you can lead. Finally, add CMSO – Certified Medication Safety Officer – to embed safety."
    text = _seed_pathway(f"Where to Go Next\n\n{paragraph}\n\n")
    bad = write(tmp_path / "bad.txt", text)
    before = snapshot(kb)
    r = cli_in_process("import", bad, "--knowledge", kb)
    assert r.returncode == 1 and "Traceback" not in r.stderr and snapshot(kb) == before
    assert f"{bad}:{text.splitlines().index(paragraph) + 1}: CPOM looks like a certification" in r.stderr


# ----------------------------------------------------------------------------- "At 9:00 AM you …" days, "CODE · Name" steps, quoted times


def _seed_section(section: str, replacement: str) -> str:
    text = seed_text()
    a = text.index("Your Certification Pathway to" if section == "pathway" else "A Day in the Life")
    b = text.index("A Day in the Life" if section == "pathway" else "Ready to Engineer")
    return text[:a] + replacement + text[b:]


def test_a_day_of_at_clock_entries_imports_with_quoted_times(tmp_path):
    """"At 9:30 AM you …" entries: before, the page was refused; now imported, each time written quoted."""
    day = "A Day in the Life\n\nAt 06:45 you count the vault.\n\nAt 9:30 you meet with a vendor for a demonstration of a new packaging machine.\n\nAt 2:00 PM you turn the month's weights into a carbon footprint report for the committee.\n\n"
    kb = copy_fixture(tmp_path)
    r = cli_in_process("import", write(tmp_path / "at.txt", _seed_section("day", day)), "--knowledge", kb)
    assert r.returncode == 0, r.stderr
    text = (kb / "roles" / f"{OPS}.yaml").read_text(encoding="utf-8")
    assert "- time: '06:45'" in text and "- time: '9:30'" in text and "- time: '2:00 PM'" in text
    entries = role_yaml(kb, OPS)["day_in_the_life"]["entries"]
    assert [(e["time"], e["title"]) for e in entries] == [("06:45", "Count the vault"), ("9:30", "Meet with a vendor"), ("2:00 PM", "Turn the month's weights")]
    assert load_knowledge(kb).roles[OPS].day_in_the_life[1].time == "9:30"


def test_every_clock_time_is_written_quoted_and_an_older_import_stays_unchanged(tmp_path):
    """"06:45 – Title" was written plain, "10:00" quoted: now every time with a digit is quoted. A
    role file written before with a plain 06:45 is not rewritten by importing the same page again."""
    day = "A Day in the Life\n\n06:45 – Vault Count\n\nYou count the vault.\n\n10:00 – Vendor Meeting\n\nYou meet a vendor.\n\nLate Afternoon – Report\n\nYou write the report.\n\n"
    kb = empty_kb(tmp_path)
    src = write(tmp_path / "times.txt", _seed_section("day", day))
    import_page(src, kb)
    path = kb / "roles" / f"{OPS}.yaml"
    text = path.read_text(encoding="utf-8")
    assert "- time: '06:45'" in text and "- time: '10:00'" in text and "- time: Late Afternoon" in text
    path.write_text(text.replace("- time: '06:45'", "- time: 06:45"), encoding="utf-8")  # as an import wrote it before
    again = import_page(src, kb)
    assert f"roles/{OPS}.yaml" in again.unchanged and again.updated == [] and again.created == []


def test_pathway_steps_listed_without_reasons_get_a_why_and_a_note(tmp_path):
    """"CPOM · Certified …" one a line, no reason: before, refused; now steps whose why is the
    certification's description when the knowledge has one, else which step it is, with a note each."""
    steps = "Your Certification Pathway\n\nThese prove your skills.\n\nCZZT · Certified Zebra Zone Technician\nCPOM · Certified Pharmacy Operations Manager\n\n"
    kb = copy_fixture(tmp_path)
    known = cert_yaml(kb, "CPOM")["description"]
    src = write(tmp_path / "listed.txt", _seed_section("pathway", steps))
    plan = import_page(src, kb)
    pathway = role_yaml(kb, OPS)["pathway"]
    assert pathway["steps"] == [
        {"certification": "CZZT", "why": "Step 1 of the Director of Pharmacy Operations certification pathway."},
        {"certification": "CPOM", "why": known},
    ]
    assert sum("the page gives no reason" in n for n in plan.notes) == 2
    assert cert_yaml(kb, "CZZT") == {"code": "CZZT", "name": "Certified Zebra Zone Technician", "imported_from": OPS, "aliases": [], "links": []}
    assert cert_yaml(kb, "CPOM")["description"] == known  # (a step listed without a reason leaves the certification's text alone)
    again = import_page(src, kb)
    assert again.updated == [] and again.created == []
    role = (kb / "roles" / f"{OPS}.yaml").read_text(encoding="utf-8")
    (kb / "roles" / f"{OPS}.yaml").write_text(role.replace("why: Step 1 of the Director of Pharmacy Operations certification pathway.", "why: Our own reason."), encoding="utf-8")
    edited = import_page(src, kb)
    assert role_yaml(kb, OPS)["pathway"]["steps"][0]["why"] == "Our own reason."
    assert not any("CZZT: the page gives no reason" in n for n in edited.notes)


def test_a_dotted_step_list_with_reasons_imports_like_blocks(tmp_path):
    steps = "Your Certification Pathway\n\nCPOM · Certified Pharmacy Operations Manager\nShows you can lead teams.\n\nCMSO · Certified Medication Safety Officer\nProves you can embed safety.\n\n"
    kb = copy_fixture(tmp_path)
    import_page(write(tmp_path / "dotted.txt", _seed_section("pathway", steps)), kb)
    assert role_yaml(kb, OPS)["pathway"]["steps"] == [
        {"certification": "CPOM", "why": "Shows you can lead teams."},
        {"certification": "CMSO", "why": "Proves you can embed safety."},
    ]


def test_a_night_page_with_its_own_day_heading_and_labels_imports_every_part(tmp_path):
    """eval242's night page as written ("A NIGHT ON THE JOB", "Small Hours — …") and conv170's coaching
    day ("Start of the Day" alone on its line): before, refused, or imported with a part folded into
    the one before (or into the day's intro)."""
    try:
        from test_page import _NIGHT_PAGE
    except ImportError:  # tests/ became a package
        from tests.test_page import _NIGHT_PAGE
    kb = copy_fixture(tmp_path)
    night = write(tmp_path / "night.txt", _NIGHT_PAGE.format(heading="A NIGHT ON THE JOB", label="Small Hours"))
    import_page(night, kb)
    day = role_yaml(kb, "night-shift-charge-technician")["day_in_the_life"]
    assert [e["time"] for e in day["entries"]] == ["Dusk", "Midnight", "Small Hours", "Dawn"]
    assert day["entries"][2]["description"].startswith("With the floors quiet")
    coaching = "A Day in the Life\n\nStart of the Day\nYou join the early shift at the fill station.\n\nMid-Day\nYou hold quick coaching talks.\n\nSmall Hours\nYou meet a new shift lead.\n\n"
    import_page(write(tmp_path / "coach.txt", _seed_section("day", coaching)), kb)
    day = role_yaml(kb, OPS)["day_in_the_life"]
    assert day["intro"] == "" and [e["time"] for e in day["entries"]] == ["Start of the Day", "Mid-Day", "Small Hours"]
    assert import_page(night, kb).updated == []


def test_bold_duty_names_import_without_their_marks(tmp_path):
    """eval248's "- **Kit Standardization and Assembly** — …": before, the role file said
    ``name: '**Kit Standardization and Assembly**'``."""
    try:
        from test_page import _bold_duties_page
    except ImportError:  # tests/ became a package
        from tests.test_page import _bold_duties_page
    kb = empty_kb(tmp_path)
    plan = import_page(write(tmp_path / "kits.txt", _bold_duties_page("**{}**")), kb)
    role = role_yaml(kb, plan.role_id)
    assert [r["name"] for r in role["responsibilities"]] == ["Kit Standardization and Assembly", "Hospice Nurse Support"]
    assert "**" not in (kb / "roles" / f"{plan.role_id}.yaml").read_text(encoding="utf-8")


def test_reimporting_a_page_an_older_import_stored_with_its_marks_drops_them(tmp_path):
    """A role file an import wrote before the marks were dropped ("**Kit Standardization and
    Assembly**", a certification's "**Certified …**"): importing the same page again writes the
    names without them -- not "kept your edit" -- while a moderator's own edit stays."""
    try:
        from test_page import _bold_duties_page
    except ImportError:  # tests/ became a package
        from tests.test_page import _bold_duties_page
    kb = empty_kb(tmp_path)
    text = _bold_duties_page("**{}**").replace("Step 1 — CEOLP: Certified End-of-Life Pharmacy Practitioner", "Step 1 — CEOLP: **Certified End-of-Life Pharmacy Practitioner**")
    src = write(tmp_path / "kits.txt", text)
    plan = import_page(src, kb)
    role_path, cert_path = kb / "roles" / f"{plan.role_id}.yaml", kb / "certifications" / "CEOLP.yaml"
    role = role_path.read_text(encoding="utf-8")
    for name in ("Kit Standardization and Assembly", "Hospice Nurse Support"):
        role = role.replace(f"- name: {name}\n", f"- name: '**{name}**'\n")  # as the import wrote it before
    role = role.replace("Serving as the pharmacy contact for hospice nurses and on-call teams.", "Our own words for the nurse line.")  # a moderator's edit
    role_path.write_text(role, encoding="utf-8")
    cert_path.write_text(cert_path.read_text(encoding="utf-8").replace("name: Certified End-of-Life Pharmacy Practitioner", "name: '**Certified End-of-Life Pharmacy Practitioner**'"), encoding="utf-8")
    assert "'**Kit Standardization and Assembly**'" in role_path.read_text(encoding="utf-8")

    again = import_page(src, kb)
    responsibilities = role_yaml(kb, plan.role_id)["responsibilities"]
    assert [(r["name"], r["description"]) for r in responsibilities] == [
        ("Kit Standardization and Assembly", "Maintaining the approved kit contents for each hospice agency."),
        ("Hospice Nurse Support", "Our own words for the nurse line."),
    ]
    assert cert_yaml(kb, "CEOLP")["name"] == "Certified End-of-Life Pharmacy Practitioner"
    assert sorted(again.updated) == sorted([f"roles/{plan.role_id}.yaml", "certifications/CEOLP.yaml"])
    assert again.notes == [f"kept your edit of {plan.role_id}.responsibilities (the page has not changed it)"]  # (the moderator's, not the marks)
    assert import_page(src, kb).updated == []


# ----------------------------------------------------------------------------- a masthead line, a day timed by words


def test_importing_a_page_with_a_masthead_line_and_late_in_the_day(tmp_path):
    """The writer's two silent misreads, through the import: the masthead line "Council on Pharmacy
    Standards | Career Spotlight" under the title is no tagline, and "Late in the day, …" is the
    day's fourth entry, not more of the afternoon's text."""
    try:
        from test_page import _PITCH, _forgery_page
    except ImportError:  # tests/ became a package
        from tests.test_page import _PITCH, _forgery_page
    kb = empty_kb(tmp_path)
    text = _forgery_page("Council on Pharmacy Standards | Career Spotlight\n", last="Late in the day")
    plan = import_page(write(tmp_path / "forgery.txt", text), kb)
    assert plan.role_id == "prescription-forgery-detection-specialist"
    role = role_yaml(kb, plan.role_id)
    assert role["tagline"] == _PITCH
    assert role["overview"]["heading"] == "About the Role" and len(role["overview"]["paragraphs"]) == 2
    entries = role["day_in_the_life"]["entries"]
    assert [e["time"] for e in entries] == ["In the morning", "Around midday", "In the afternoon", "Late in the day"]
    assert "Late in the day" not in entries[2]["description"]
    assert "Career Spotlight" not in (kb / "roles" / f"{plan.role_id}.yaml").read_text(encoding="utf-8")


def test_a_masthead_run_into_the_pitch_is_refused_and_nothing_written(tmp_path):
    try:
        from test_page import _PITCH, _forgery_page
    except ImportError:  # tests/ became a package
        from tests.test_page import _PITCH, _forgery_page
    kb = empty_kb(tmp_path)
    text = _forgery_page().replace(_PITCH, "Council on Pharmacy Standards | Career Spotlight | " + _PITCH)
    with pytest.raises(PageError) as e:
        import_page(write(tmp_path / "forgery.txt", text), kb)
    assert e.value.line == 2 and "runs a masthead" in str(e.value)
    assert snapshot(kb) == {}


def test_several_pages_in_one_import_say_which_landed_when_one_is_refused(tmp_path):
    """Each page is its own recorded, undoable import: when one of several is refused, the others
    that were written are named at the end, so "nothing was written" (said of the refused page)
    is not read as the whole command's result."""
    kb = copy_fixture(tmp_path)
    seed = seed_text()
    good = write(tmp_path / "buyer.txt", seed.replace("Director of Pharmacy Operations", "Pharmacy Inventory Buyer"))
    raw, line, message = BAD_PAGES["pathway without certifications"]
    bad = write(tmp_path / "bad.txt", raw)
    r = cli_in_process("import", good, bad, "--knowledge", kb)
    assert r.returncode == 1
    assert f"{bad}:{line}: " in r.stderr and "nothing was written" in r.stderr
    assert f"1 page imported ({good.name})" in r.stderr.replace(str(good), good.name) and "1 page refused" in r.stderr
    assert (kb / "roles" / "pharmacy-inventory-buyer.yaml").is_file()
    assert "Traceback" not in r.stderr


def test_an_address_in_a_pages_text_is_named_in_a_note_not_made_a_link(tmp_path):
    """"Learn more: https://…" in a page file: the address is the page's word, not the moderator's,
    so it becomes no link; before, it vanished with no word said (blind writers took it for a bug)."""
    kb = empty_kb(tmp_path)
    text = seed_text().replace("Ready to Engineer", "Learn more: https://www.example.org/careers/ops-director\n\nReady to Engineer", 1)
    plan = import_page(write(tmp_path / "page.txt", text), kb)
    assert yaml.safe_load((kb / "roles" / f"{OPS}.yaml").read_text())["links"] == []
    assert any("https://www.example.org/careers/ops-director" in n and "links:" in n for n in plan.notes)
    (tmp_path / "other").mkdir()
    plain = import_page(write(tmp_path / "plain.txt", seed_text()), empty_kb(tmp_path / "other"))
    assert not any("address" in n for n in plain.notes)
