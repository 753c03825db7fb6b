"""`career-bot validate` / load_knowledge: the bundled knowledge is clean and holds the seed page, and every
kind of mistake is reported at once as ``file:line: field: message``."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from bot.knowledge.loader import KnowledgeError, Problem, load_knowledge
from bot.knowledge.model import Knowledge

try:
    from knowledge_helpers import BUNDLED, cli, cli_in_process, read_seed_facts, seed_text, seeded_kb, write
except ImportError:  # tests/ became a package
    from tests.knowledge_helpers import BUNDLED, cli, cli_in_process, read_seed_facts, seed_text, seeded_kb, write

OPS = "director-of-pharmacy-operations"
ROLE = f"roles/{OPS}.yaml"
PROBLEM_LINE = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+): (?P<field>[^:]+): (?P<message>.+)$")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def problems(kb: Path) -> list[Problem]:
    with pytest.raises(KnowledgeError) as e:
        load_knowledge(kb)
    return list(e.value.problems)


def only_problem(kb: Path) -> Problem:
    found = problems(kb)
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


def line_of(kb: Path, rel: str, text: str) -> int:
    lines = (kb / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, ln in enumerate(lines, 1) if text in ln)


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """The seed page's knowledge as the importer writes it (line numbers below refer to it)."""
    return seeded_kb(tmp_path)


# ----------------------------------------------------------------------------- the bundled knowledge (the only tests that read it)


def test_shipped_knowledge_is_clean():
    k = load_knowledge(BUNDLED)
    assert isinstance(k, Knowledge)
    assert OPS in k.roles
    assert {"CHPOP", "CPOM", "CMSO", "CPSCM"} <= set(k.certifications)


def test_cli_validate_is_clean_on_the_shipped_knowledge(tmp_path, monkeypatch):
    from bot.knowledge.loader import default_knowledge_dir
    from bot.wording import count

    monkeypatch.delenv("CAREER_BOT_KNOWLEDGE", raising=False)
    assert default_knowledge_dir() == BUNDLED  # what `career-bot validate` checks by default
    kb = tmp_path / "knowledge"  # validate keeps the last good knowledge in the folder: a copy, never the repository's
    shutil.copytree(BUNDLED, kb, ignore=shutil.ignore_patterns(".*"))
    k = load_knowledge(BUNDLED)
    for r in (cli("validate", "--knowledge", kb), cli_in_process("validate", "--knowledge", kb)):
        assert r.returncode == 0, r.stdout + r.stderr
        assert f"clean ({count(len(k.roles), 'role')}, {count(len(k.certifications), 'certification')}, {count(len(k.faqs), 'FAQ entry', 'FAQ entries')}" in r.stdout
        assert r.stderr == ""


def test_seeded_test_knowledge_is_clean(kb):
    assert set(load_knowledge(kb).roles) == {OPS}


def test_every_fact_of_the_seed_page_is_in_the_shipped_knowledge():
    facts = read_seed_facts(seed_text())
    k = load_knowledge(BUNDLED)
    role = k.roles[OPS]
    assert role.title == facts["title"] == "Director of Pharmacy Operations"
    assert role.tagline == facts["tagline"]
    assert role.overview_heading == facts["overview_heading"]
    assert list(role.overview) == facts["overview"] and len(facts["overview"]) == 2

    assert len(facts["responsibilities"]) == 4
    assert [(r.name, r.description) for r in role.responsibilities] == facts["responsibilities"]

    assert role.pathway_heading == facts["pathway_heading"]
    assert role.pathway_intro == facts["pathway_intro"]
    assert len(facts["certifications"]) == 4
    assert [s.certification for s in role.pathway] == [code for code, _, _ in facts["certifications"]]
    for step, (code, name, sentence) in zip(role.pathway, facts["certifications"]):
        cert = k.certifications[code]
        assert (cert.code, cert.name) == (code, name)
        assert step.why == sentence  # the role-specific sentence sits on the role's pathway step
        raw = yaml.safe_load((BUNDLED / cert.file).read_text(encoding="utf-8"))
        if raw.get("imported_from") == OPS:
            assert cert.description == sentence  # first imported from this page

    assert role.day_intro == facts["day_intro"]
    assert len(facts["day"]) == 3
    assert [(d.time, d.title, d.description) for d in role.day_in_the_life] == facts["day"]

    assert (role.closing_heading, role.closing, role.closing_link) == (facts["closing_heading"], facts["closing"], facts["closing_link"])
    assert (BUNDLED / role.source).read_text(encoding="utf-8").rstrip("\n") == seed_text().rstrip("\n")


def test_every_seed_sentence_is_in_the_shipped_yaml_text():
    """Independently of the loader: each non-structural line of the page is a YAML string value."""
    values: list[str] = []

    def walk(v):
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str):
            values.append(v)

    for f in sorted((BUNDLED / "roles").glob("*.yaml")) + sorted((BUNDLED / "certifications").glob("*.yaml")):
        walk(yaml.safe_load(f.read_text(encoding="utf-8")))
    structural = {"CAREER SPOTLIGHT", "Start Your Certification Pathway", "Core Responsibilities", "View Details", "A Day in the Life"}
    for ln in (ln.strip() for ln in seed_text().splitlines()):
        if not ln or ln in structural or ln.startswith("Career Path:"):
            continue
        ln = ln.lstrip("• ")
        if re.match(r"^(Morning|Mid-Day|Afternoon): ", ln):
            t, title = ln.split(": ", 1)
            assert t in values and title in values, ln
        else:
            assert ln in values, ln


# ----------------------------------------------------------------------------- each kind of problem


def test_problem_format():
    p = Problem("roles/x.yaml", 7, "pathway.steps[0].certification", "unknown certification 'CMS0'")
    assert str(p) == "roles/x.yaml:7: pathway.steps[0].certification: unknown certification 'CMS0'"


def test_yaml_syntax_error_names_its_line(kb):
    edit(kb / ROLE, "title: Director of Pharmacy Operations", "title: Director: Pharmacy Operations")
    p = only_problem(kb)
    assert (p.file, p.line, p.field) == (ROLE, 2, "(file)")
    assert p.message.startswith("YAML error:") and "mapping values are not allowed" in p.message


def test_unclosed_quote_points_at_the_opening_line(kb):
    edit(kb / "certifications/CPOM.yaml", "name: Certified Pharmacy Operations Manager", 'name: "Certified Pharmacy Operations Manager')
    p = only_problem(kb)
    assert (p.file, p.line, p.field) == ("certifications/CPOM.yaml", 2, "(file)")
    assert "quoted scalar" in p.message


def test_bad_indentation_names_its_line(kb):
    edit(kb / "certifications/CPOM.yaml", "imported_from:", "  imported_from:")
    p = only_problem(kb)
    assert (p.file, p.line) == ("certifications/CPOM.yaml", 4)


def test_unknown_key_with_did_you_mean(kb):
    edit(kb / ROLE, "responsibilities:", "responsibilites:")
    edit(kb / ROLE, "  steps:", "  stpes:")
    found = problems(kb)
    assert Problem(ROLE, 9, "responsibilites", "unknown key (did you mean 'responsibilities'?)") in found
    assert Problem(ROLE, 21, "pathway.stpes", "unknown key (did you mean 'steps'?)") in found
    assert len(found) == 2


def test_unknown_key_without_a_close_match(kb):
    write(kb / "certifications/CPOM.yaml", (kb / "certifications/CPOM.yaml").read_text() + "zzz_qqq: 1\n")
    assert only_problem(kb) == Problem("certifications/CPOM.yaml", 7, "zzz_qqq", "unknown key")


def test_missing_required_field(kb):
    edit(kb / "certifications/CPOM.yaml", "name: Certified Pharmacy Operations Manager\n", "")
    edit(kb / ROLE, "    description: Overseeing automated dispensing cabinets, carousels, packagers, and other pharmacy technologies to ensure uptime and optimal use.\n", "")
    found = problems(kb)
    assert Problem("certifications/CPOM.yaml", 1, "name", "missing required field") in found
    assert Problem(ROLE, 12, "responsibilities[1].description", "missing required field") in found
    assert len(found) == 2


def test_empty_value(kb):
    edit(kb / ROLE, "title: Director of Pharmacy Operations", 'title: "  "')
    edit(kb / ROLE, "      title: Daily Operations Huddle", "      title:")  # null counts as missing
    edit(kb / "certifications/CMSO.yaml", "aliases: []", 'aliases: [""]')
    found = problems(kb)
    assert Problem(ROLE, 2, "title", "is empty") in found
    assert Problem(ROLE, line_of(kb, ROLE, "- time: Morning") + 1, "day_in_the_life.entries[0].title", "missing required field") in found
    assert Problem("certifications/CMSO.yaml", 5, "aliases[0]", "is empty") in found
    assert len(found) == 3


def test_wrong_type(kb):
    edit(kb / ROLE, "title: Director of Pharmacy Operations", "title: 42")
    edit(kb / ROLE, "aliases: []", "aliases: Ops Director")
    edit(kb / ROLE, "links: []", "links: {label: x, url: y}")
    edit(kb / "certifications/CPOM.yaml", "aliases: []", "aliases: [true, 3]")
    found = problems(kb)
    assert Problem(ROLE, 2, "title", "expected text, got number") in found
    assert Problem(ROLE, line_of(kb, ROLE, "aliases:"), "aliases", "expected a list of texts, got text") in found
    assert Problem(ROLE, line_of(kb, ROLE, "links:"), "links", "expected a list, got mapping") in found
    assert Problem("certifications/CPOM.yaml", 5, "aliases[0]", "expected text, got true/false") in found
    assert Problem("certifications/CPOM.yaml", 5, "aliases[1]", "expected text, got number") in found
    assert len(found) == 5


def test_file_that_is_not_a_mapping(kb):
    write(kb / "certifications/CPOM.yaml", "- code: CPOM\n")
    write(kb / "certifications/CHPOP.yaml", "")
    found = problems(kb)
    assert Problem("certifications/CPOM.yaml", 1, "(file)", "expected a mapping of fields, got a list") in found
    assert Problem("certifications/CHPOP.yaml", 1, "(file)", "expected a mapping of fields, got an empty file") in found


def test_pathway_step_with_unknown_certification(kb):
    edit(kb / ROLE, "certification: CMSO", "certification: CMS0")
    p = only_problem(kb)
    assert p == Problem(ROLE, 26, "pathway.steps[2].certification", "unknown certification 'CMS0' (did you mean 'CMSO'?)")


def test_did_you_mean_ignores_case(kb):
    edit(kb / ROLE, "certification: CMSO", "certification: cmso")
    assert only_problem(kb).message == "unknown certification 'cmso' (did you mean 'CMSO'?)"


def test_same_certification_twice_in_a_pathway(kb):
    edit(kb / ROLE, "certification: CMSO", "certification: CPOM")
    p = only_problem(kb)
    assert (p.line, p.field, p.message) == (26, "pathway.steps[2].certification", "'CPOM' is already a step of this pathway")


def test_certification_code_differing_only_by_case(kb):
    text = (kb / "certifications/CMSO.yaml").read_text().replace("code: CMSO", "code: cmso")
    write(kb / "certifications/cmso.yaml", text)
    assert only_problem(kb) == Problem("certifications/cmso.yaml", 1, "code", "duplicate certification code 'cmso' (also certifications/CMSO.yaml)")


def test_id_not_matching_the_file_name(kb):
    (kb / ROLE).rename(kb / "roles/ops-director.yaml")
    edit(kb / "certifications/CPOM.yaml", "code: CPOM", "code: CPOM2")
    found = problems(kb)
    assert Problem(
        "roles/ops-director.yaml", 1, "id", f"'{OPS}' does not match the file name; rename the file to {OPS}.yaml or fix the id"
    ) in found
    assert Problem(
        "certifications/CPOM.yaml", 1, "code", "'CPOM2' does not match the file name; rename the file to CPOM2.yaml or fix the code"
    ) in found


def test_duplicate_role_id(kb):
    write(kb / f"roles/{OPS}.yml", (kb / ROLE).read_text())
    p = only_problem(kb)
    assert (p.file, p.field) == (f"roles/{OPS}.yml", "id") and p.message == f"duplicate role id '{OPS}' (also {ROLE})"


def test_alias_claimed_by_two_entries(kb):
    edit(kb / ROLE, "aliases: []", "aliases:\n  - Ops Director\n  - Operations Manager Certification")
    edit(kb / "certifications/CPOM.yaml", "aliases: []", "aliases: [ops director]")
    edit(kb / "certifications/CMSO.yaml", "aliases: []", "aliases: [Certified Pharmacy Operations Manager]")
    found = problems(kb)
    assert Problem("certifications/CPOM.yaml", 5, "aliases[0]", f"alias 'ops director' is already claimed by {ROLE}") in found
    assert Problem("certifications/CMSO.yaml", 5, "aliases[0]", "alias 'Certified Pharmacy Operations Manager' is already claimed by certifications/CPOM.yaml") in found
    assert len(found) == 2


def test_file_that_is_not_utf8(kb):
    raw = (kb / "certifications/CPOM.yaml").read_bytes().replace(b"Demonstrates", b"D\xe9montre")
    write(kb / "certifications/CPOM.yaml", raw)
    p = only_problem(kb)
    assert (p.file, p.line, p.field) == ("certifications/CPOM.yaml", 3, "(file)")
    assert "not UTF-8" in p.message and "0xe9" in p.message


@pytest.mark.parametrize(
    "tag",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        "!!python/object/apply:subprocess.check_call [[touch, {marker}]]",
        "!!python/name:os.system",
        "!!python/object/new:str {{}}",
    ],
)
def test_unsafe_yaml_tag_is_an_error_and_never_executed(kb, tag):
    marker = kb.parent / "pwned"
    edit(kb / ROLE, "links: []", "links: " + tag.format(marker=marker))
    p = only_problem(kb)
    assert (p.file, p.line, p.field) == (ROLE, line_of(kb, ROLE, "links:"), "(file)")
    assert "could not determine a constructor" in p.message
    r = (cli if "os.system" in tag else cli_in_process)("validate", "--knowledge", kb)
    assert r.returncode == 1 and r.stdout.splitlines() == [str(p)]
    assert not marker.exists()


def test_duplicate_keys(kb):
    edit(kb / ROLE, "tagline: ", "title: Ops Director\ntagline: ")
    edit(kb / ROLE, "    - time: Morning\n", "    - time: Morning\n      time: Dawn\n")
    found = problems(kb)
    assert Problem(ROLE, 3, "title", "key given twice; the second one would silently win") in found
    dawn = line_of(kb, ROLE, "time: Dawn")
    assert Problem(ROLE, dawn, "day_in_the_life.entries[0].time", "key given twice; the second one would silently win") in found
    assert len(found) == 2


def test_five_megabyte_file_is_rejected_quickly(kb):
    big = kb / "certifications/CBIG.yaml"
    write(big, "code: CBIG\nname: Big\ndescription: " + "x" * (5 * 1024 * 1024) + "\n")
    start = time.perf_counter()
    p = only_problem(kb)
    assert time.perf_counter() - start < 2
    assert p == Problem("certifications/CBIG.yaml", 1, "(file)", "file is 5.0 MB; knowledge files are limited to 1 MB")


def test_alias_bomb_is_rejected_quickly(kb):
    lines = ["code: CPOM", "name: Certified Pharmacy Operations Manager", "aliases: []", "l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 9)]
    write(kb / "certifications/CPOM.yaml", "\n".join(lines) + "\n")
    # in a subprocess first: a regression would expand 10^9 items and hang the test run
    try:
        r = cli("validate", "--knowledge", kb, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("an alias bomb hangs the validator")
    assert r.returncode == 1
    start = time.perf_counter()
    p = only_problem(kb)
    assert time.perf_counter() - start < 2
    assert (p.file, p.line, p.field) == ("certifications/CPOM.yaml", 5, "(file)") and "alias '*l0'" in p.message
    assert r.stdout.splitlines() == [str(p)]


def test_self_referencing_yaml_is_an_error_not_a_crash(kb):
    write(kb / "vocabulary.yaml", "synonyms: &s {ops: operations, more: *s}\n")
    p = only_problem(kb)
    assert (p.file, p.line, p.field) == ("vocabulary.yaml", 1, "(file)") and "alias" in p.message


def test_deeply_nested_yaml_is_an_error_not_a_crash(kb):
    write(kb / "vocabulary.yaml", "synonyms: " + "[" * 2000 + "]" * 2000 + "\n")
    p = only_problem(kb)
    assert (p.file, p.field) == ("vocabulary.yaml", "(file)") and "nested too deeply" in p.message


def test_references_to_unknown_roles_and_certifications(kb):
    write(
        kb / "faq/ops-faq.yaml",
        "id: ops-faq\nquestions: ['What does an ops director do?']\nanswer: Runs the pharmacy.\nroles: [director-of-pharmacy-operation]\ncertifications: [CPSM]\n",
    )
    edit(kb / ROLE, "related_roles: []", "related_roles: [director-of-pharmacy]")
    found = problems(kb)
    assert Problem("faq/ops-faq.yaml", 4, "roles[0]", f"unknown role 'director-of-pharmacy-operation' (did you mean '{OPS}'?)") in found
    assert Problem("faq/ops-faq.yaml", 5, "certifications[0]", "unknown certification 'CPSM' (did you mean 'CPSCM'?)") in found
    assert any(p.field == "related_roles[0]" and "unknown role 'director-of-pharmacy'" in p.message for p in found)
    assert len(found) == 3


def test_missing_knowledge_folder(tmp_path):
    p = only_problem(tmp_path / "nope")
    assert (p.field, p.message) == ("(folder)", "knowledge folder not found")


# ----------------------------------------------------------------------------- all at once, never half loaded


def break_many(kb: Path) -> None:
    edit(kb / ROLE, "responsibilities:", "responsibilites:")  # unknown key
    edit(kb / ROLE, "certification: CMSO", "certification: CMS0")  # unknown certification
    edit(kb / "certifications/CPOM.yaml", "name: Certified Pharmacy Operations Manager\n", "")  # missing field
    write(kb / "certifications/CHPOP.yaml", (kb / "certifications/CHPOP.yaml").read_bytes().replace(b"key", b"k\xffy"))  # not UTF-8
    edit(kb / "certifications/CPSCM.yaml", "code: CPSCM", "code: CPSCM\ncode: CPSCM")  # duplicate key
    write(kb / "faq/broken.yaml", "id: broken\nquestions: [a\n")  # YAML syntax
    write(kb / "vocabulary.yaml", "synonyms:\n  ops: [operations]\n")  # wrong type


def test_every_problem_is_reported_at_once(kb):
    break_many(kb)
    found = problems(kb)
    files = {p.file for p in found}
    assert files == {ROLE, "certifications/CPOM.yaml", "certifications/CHPOP.yaml", "certifications/CPSCM.yaml", "faq/broken.yaml", "vocabulary.yaml"}
    fields = {(p.file, p.field) for p in found}
    assert {(ROLE, "responsibilites"), (ROLE, "pathway.steps[2].certification"), ("certifications/CPOM.yaml", "name")} <= fields
    assert found == sorted(found)  # stable, file-ordered report


def test_load_knowledge_never_returns_a_half_loaded_base(kb):
    write(kb / "faq/broken.yaml", "id: broken\nquestions: []\nanswer: x\n")  # one small problem, everything else fine
    with pytest.raises(KnowledgeError) as e:
        load_knowledge(kb)
    assert [str(p) for p in e.value.problems] == ["faq/broken.yaml:2: questions: is empty"]
    assert "1 problem in the knowledge base:\nfaq/broken.yaml:2: questions: is empty" == str(e.value)


def test_cli_lists_every_problem_and_exits_1(kb):
    break_many(kb)
    expected = [str(p) for p in problems(kb)]
    r = cli("validate", "--knowledge", kb)
    assert r.returncode == 1
    out = r.stdout.splitlines()
    assert out == expected and len(out) >= 7
    for line in out:
        m = PROBLEM_LINE.match(line)
        assert m, line
        assert (kb / m["file"]).is_file() and int(m["line"]) >= 1
    assert f"{len(out)} problems in {kb}" in r.stderr
    assert "Traceback" not in r.stderr


def test_cli_exit_0_again_once_fixed(kb):
    edit(kb / ROLE, "certification: CMSO", "certification: CMS0")
    assert cli_in_process("validate", "--knowledge", kb).returncode == 1
    edit(kb / ROLE, "certification: CMS0", "certification: CMSO")
    r = cli_in_process("validate", "--knowledge", kb)
    assert r.returncode == 0 and "clean" in r.stdout


def test_temp_and_hidden_files_are_ignored(kb):
    write(kb / "roles/.director-of-pharmacy-operations.yaml.abc.tmp", "garbage: [")
    write(kb / "certifications/.CPOM.yaml.swp", b"\xff\xfe")
    write(kb / "roles/README.txt", "notes for moderators")
    assert set(load_knowledge(kb).roles) == {OPS}


def test_phrasings_are_validated_with_did_you_mean(tmp_path):
    """phrasings.yaml: what an example means, what it is about and its section are checked, each
    problem as file:line: field: message."""
    from knowledge_helpers import seeded_kb, write

    kdir = seeded_kb(tmp_path)
    write(
        kdir / "phrasings.yaml",
        "examples:\n"
        "  - question: gimme the lowdown on cpom\n    means: certfication\n"
        "  - question: the big boss of logistics\n    means: role\n    about: director-of-pharmacy-operation\n"
        "  - question: boss day\n    means: role\n    section: day-in-the-life\n"
        "  - question: Gimme the lowdown on CPOM\n    means: certification\n",
    )
    problems = [str(p) for p in pytest.raises(KnowledgeError, load_knowledge, kdir).value.problems]
    assert any(p.startswith("phrasings.yaml:3: examples[0].means:") and "did you mean 'certification'" in p for p in problems), problems
    assert any(p.startswith("phrasings.yaml:6: examples[1].about:") and "did you mean 'director-of-pharmacy-operations'" in p for p in problems), problems
    assert any(p.startswith("phrasings.yaml:9: examples[2].section:") and "did you mean 'day_in_the_life'" in p for p in problems), problems
    assert any("examples[3].question" in p and "same question as examples[0]" in p for p in problems), problems


def test_faq_title_is_optional_text(tmp_path):
    from knowledge_helpers import seeded_kb, write

    kdir = seeded_kb(tmp_path)
    write(kdir / "faq/exam-dates.yaml", "id: exam-dates\ntitle: When are the exams?\nquestions:\n  - how much does the exam cost and when is it\nanswer: See the council's calendar.\n")
    assert load_knowledge(kdir).faqs["exam-dates"].title == "When are the exams?"
    write(kdir / "faq/exam-dates.yaml", "id: exam-dates\ntitle: [a list]\nquestions:\n  - when is it\nanswer: See the calendar.\n")
    problems = [str(p) for p in pytest.raises(KnowledgeError, load_knowledge, kdir).value.problems]
    assert any(p.startswith("faq/exam-dates.yaml:2: title: expected text") for p in problems), problems


# ----------------------------------------------------------------------------- YAML traps for people (issue 12)


def test_a_value_cut_short_by_a_hash_is_a_warning_with_its_fix(kb):
    write(kb / "faq/ask-for-help.yaml", "id: ask-for-help\nquestions:\n  - where can i get help\nanswer: Ask a moderator or ask in #certification-help. We answer within a day.\n")
    r = cli_in_process("validate", "--knowledge", kb)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "faq/ask-for-help.yaml:4: answer: warning: '#certification-help. We answer within a day.' was read as a comment and left out of the value; put the whole value in quotes to keep it" in r.stdout
    assert "1 warning" in r.stdout
    write(kb / "faq/ask-for-help.yaml", 'id: ask-for-help\nquestions:\n  - where can i get help  # the usual phrasing\nanswer: "Ask in #certification-help."  # quoted\n# a comment of its own\n')
    r = cli_in_process("validate", "--knowledge", kb)
    assert r.returncode == 0 and "warning" not in r.stdout  # comments people mean to write are left alone


def test_the_bundled_knowledge_has_no_warnings():
    from bot.knowledge.loader import read_knowledge

    assert read_knowledge(BUNDLED).warnings == ()


@pytest.mark.parametrize(
    "line, hint",
    [
        ("answer: Short answer: yes", 'a colon followed by a space inside a value ends it; put the whole value in quotes, e.g. answer: "Short answer: yes"'),
        ("answer: @moderators will know", "a value starting with @, ` or % must be in quotes"),
        ('answer: "He said "yes" to me"', "a value with quotes inside it must be quoted as a whole"),
    ],
)
def test_yaml_syntax_errors_get_a_plain_hint(kb, line, hint):
    write(kb / "faq/x.yaml", f"id: x\nquestions:\n  - is it\n{line}\n")
    p = only_problem(kb)
    assert (p.file, p.line, p.field) == ("faq/x.yaml", 4, "(file)")
    assert p.message.startswith("YAML error:") and "(hint: " in p.message and hint in p.message


def test_a_value_of_the_wrong_type_does_not_hide_the_other_problems_of_its_file(kb):
    edit(kb / "certifications/CPOM.yaml", "name: Certified Pharmacy Operations Manager", "name: 5")
    edit(kb / "certifications/CPOM.yaml", "code: CPOM", "code: CPOMM")
    edit(kb / "certifications/CPOM.yaml", "aliases: []", "aliases: [Certified Medication Safety Officer]")
    edit(kb / ROLE, "title: Director of Pharmacy Operations", "title: [Director]")
    edit(kb / ROLE, f"id: {OPS}", "id: ops-director")
    write(kb / "phrasings.yaml", "examples:\n  - question: 42\n    means: role\n  - question: ops boss day\n    means: rol\n    about: CHPOPP\n")
    found = problems(kb)
    assert Problem("certifications/CPOM.yaml", 2, "name", "expected text, got number") in found
    assert Problem("certifications/CPOM.yaml", 1, "code", "'CPOMM' does not match the file name; rename the file to CPOMM.yaml or fix the code") in found
    assert Problem("certifications/CPOM.yaml", 5, "aliases[0]", "alias 'Certified Medication Safety Officer' is already claimed by certifications/CMSO.yaml") in found
    assert Problem(ROLE, 2, "title", "expected text, got list") in found
    assert Problem(ROLE, 1, "id", "'ops-director' does not match the file name; rename the file to ops-director.yaml or fix the id") in found
    assert Problem("phrasings.yaml", 2, "examples[0].question", "expected text, got number") in found
    assert any(p.field == "examples[1].means" and "(did you mean 'role'?)" in p.message for p in found)
    assert any(p.field == "examples[1].about" and "(did you mean 'CHPOP'?)" in p.message for p in found)


def test_the_repository_root_is_not_a_knowledge_folder():
    r = cli("validate", "--knowledge", ".")  # the issue: "clean (0 roles)"
    assert r.returncode == 3 and "not a knowledge folder" in r.stderr
