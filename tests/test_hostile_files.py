"""Issue 8, knowledge side: any bytes in any file, any symlink, any page title is a clear
``file:line: field: problem`` or a refusal -- never a crash, a hang, a leak or a hidden file."""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.knowledge.importer import import_page, plan_import
from bot.knowledge.loader import KnowledgeError, Problem, load_knowledge
from bot.knowledge.page import PageError
from bot.moderation import MAX_ATTACHMENT_BYTES, EditError, KnowledgeEditor

try:
    from knowledge_helpers import FIXTURE, cli_in_process, generated_page, page, snapshot, write
except ImportError:  # tests/ became a package
    from tests.knowledge_helpers import FIXTURE, cli_in_process, generated_page, page, snapshot, write

ROLE = "director-of-pharmacy-operations"
FAQ = "faq/how-to-report-a-wrong-answer.yaml"


def problems(kb: Path) -> list[Problem]:
    with pytest.raises(KnowledgeError) as e:
        load_knowledge(kb)
    return list(e.value.problems)


def faq_text(answer: str) -> str:
    return f"id: extra\nquestions:\n  - is this safe\nanswer: {answer}\n"


# ---------------------------------------------------------------------------- the loader never crashes


@pytest.mark.parametrize(
    "content, line, message",
    [
        (b"? [a, b]\n: x\n", 1, "a key must be a word or phrase, not a list or mapping"),
        (b"id: extra\n{a: 1}: 2\n", 2, "a key must be a word or phrase"),
        (faq_text("\x1b[31mred\x1b[0m").encode(), 4, "U+001B (ESC) at column 9 is not allowed in a knowledge file"),
        (faq_text("nul\x00here").encode(), 4, "U+0000 (NUL) at column 12"),
        (b"id: extra\n\xef\xbb\xbfquestions: [x]\nanswer: y\n", 2, "U+FEFF (byte order mark)"),
        (faq_text("\u0085\u009bcsi").encode(), 4, "U+009B"),
        (faq_text("x \uffff").encode(), 4, "U+FFFF"),
    ],
    ids=["list-key", "mapping-key", "raw-ESC", "raw-NUL", "BOM-inside", "C1-control", "non-character"],
)
def test_any_bytes_become_a_problem_with_a_line(kdir: Path, content: bytes, line: int, message: str) -> None:
    write(kdir / "faq/extra.yaml", content)
    (p,) = [p for p in problems(kdir) if p.file == "faq/extra.yaml"]
    assert (p.line, p.field) == (line, "(file)") and message in p.message, str(p)


@pytest.mark.parametrize("escaped", ['"\\e[31mred"', '"bell\\a"', '"\\0"', '"\\x9b"'])
def test_escaped_control_characters_in_values_are_problems(kdir: Path, escaped: str) -> None:
    write(kdir / "faq/extra.yaml", faq_text(escaped))
    (p,) = problems(kdir)
    assert (p.file, p.line, p.field) == ("faq/extra.yaml", 4, "answer") and "contains the control character" in p.message


def test_a_leading_bom_is_fine(kdir: Path) -> None:
    write(kdir / "faq/extra.yaml", b"\xef\xbb\xbf" + faq_text("Sure thing").encode())
    assert "extra" in load_knowledge(kdir).faqs


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.text(alphabet=st.characters(max_codepoint=0x3000, blacklist_categories=["Cs"]), max_size=200).map(lambda t: t.encode()))
def test_fuzz_any_file_content_is_a_knowledge_error_or_loads(kdir: Path, content: bytes) -> None:
    for rel in ("faq/fuzz.yaml", "vocabulary.yaml", f"roles/{ROLE}.yaml"):
        original = (kdir / rel).read_bytes() if (kdir / rel).exists() else None
        write(kdir / rel, content)
        try:
            load_knowledge(kdir)
        except KnowledgeError as e:
            assert all(p.line >= 1 and p.file for p in e.problems)
        finally:
            if original is None:
                (kdir / rel).unlink()
            else:
                write(kdir / rel, original)


def test_upper_case_suffixes_are_reported_not_ignored(kdir: Path) -> None:
    write(kdir / "faq/Extra.YAML", faq_text("Sure thing"))
    write(kdir / "roles/notes.Yml", "x: 1\n")
    found = {(p.file, p.message) for p in problems(kdir)}
    assert ("faq/Extra.YAML", "ignored: knowledge files end in lower-case .yaml; rename it to Extra.yaml") in found
    assert any(f == "roles/notes.Yml" for f, _ in found)


@pytest.mark.parametrize(
    "rel, text, field",
    [
        ("faq/Parking_Info.yaml", "id: Parking_Info\nquestions: [where do i park]\nanswer: Lot B.\n", "id"),
        ("roles/Ops Lead.yaml", "id: Ops Lead\ntitle: Ops Lead\n", "id"),
        ("certifications/C_X.yaml", "code: C_X\nname: Certified X\n", "code"),
    ],
)
def test_ids_the_editor_cannot_address_are_problems(kdir: Path, rel: str, text: str, field: str) -> None:
    write(kdir / rel, text)
    (p,) = problems(kdir)
    assert (p.file, p.line, p.field) == (rel, 1, field) and "is not a valid" in p.message and "rename the file" in p.message


# ---------------------------------------------------------------------------- page titles that make no id


@pytest.mark.parametrize("title", ["日本語の役割", "!!! ???", ".."])
def test_a_title_without_letters_is_refused_never_roles_dot_yaml(tmp_path: Path, kdir: Path, title: str) -> None:
    text = generated_page("Placeholder Title", ["KXC001"]).replace("Placeholder Title", title)
    before = snapshot(kdir)
    with pytest.raises(PageError) as e:
        plan_import(text, kdir)
    assert e.value.line == 1 and "no letters or digits" in e.value.message
    r = cli_in_process("import", write(tmp_path / "page.txt", text), "--knowledge", kdir)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "no letters or digits" in r.stderr
    with pytest.raises(EditError, match="no letters or digits"):
        KnowledgeEditor(kdir).preview_import("page.txt", text.encode())
    assert snapshot(kdir) == before and not (kdir / "roles/.yaml").exists()


def test_a_control_character_in_a_page_is_refused_with_its_line(kdir: Path) -> None:
    text = generated_page("Safe Role", ["KXC001"]).replace("Team Huddle", "Team \x1b[31mHuddle")
    with pytest.raises(PageError) as e:
        plan_import(text, kdir)
    assert "U+001B (ESC)" in e.value.message and text.splitlines()[e.value.line - 1].startswith("Morning")


# ---------------------------------------------------------------------------- symlinks and special files


def test_links_out_of_the_folder_and_special_files_are_problems(kdir: Path, tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.yaml", faq_text("outside"))
    (kdir / "faq/zero.yaml").symlink_to("/dev/zero")
    (kdir / "faq/outside.yaml").symlink_to(secret)
    os.mkfifo(kdir / "faq/fifo.yaml")
    t = time.monotonic()
    found = {p.file: p for p in problems(kdir)}
    assert time.monotonic() - t < 5  # never reads /dev/zero or waits on the FIFO
    assert set(found) == {"faq/zero.yaml", "faq/outside.yaml", "faq/fifo.yaml"}
    assert all((p.line, p.field) == (1, "(file)") for p in found.values())
    assert "outside the knowledge folder" in found["faq/zero.yaml"].message
    assert "not a regular file" in found["faq/fifo.yaml"].message
    r = cli_in_process("validate", "--knowledge", kdir)
    assert r.returncode == 1 and "faq/zero.yaml:1: (file): is a link to a file outside the knowledge folder" in r.stdout


def test_a_linked_folder_outside_is_a_problem(kdir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.move(kdir / "faq", elsewhere)
    (kdir / "faq").symlink_to(elsewhere)
    (p,) = problems(kdir)
    assert (p.file, p.field) == ("faq", "(folder)") and "outside the knowledge folder" in p.message


def test_dangling_links_and_loops_never_make_edits_fail(kdir: Path) -> None:
    (kdir / "faq/dangling.yaml").symlink_to(kdir / "faq/nowhere.yaml")
    (kdir / "faq/loop.yaml").symlink_to("loop.yaml")
    load_knowledge(kdir)  # clean: they are no files
    ed = KnowledgeEditor(kdir)
    ed.alias_add("alice", ROLE, "ops chief")
    ed.faq_add("alice", ["is parking free"], "Yes.", faq_id="dangling")  # replaces the dangling link
    assert (kdir / "faq/dangling.yaml").is_file() and not (kdir / "faq/dangling.yaml").is_symlink()
    assert cli_in_process("validate", "--knowledge", kdir).returncode == 0


def test_an_edit_next_to_a_dev_zero_link_is_refused_quickly_and_writes_nothing(kdir: Path) -> None:
    (kdir / "faq/zero.yaml").symlink_to("/dev/zero")
    before = {p: (kdir / p).read_bytes() for p in ("vocabulary.yaml", f"roles/{ROLE}.yaml")}  # snapshot() would read /dev/zero
    t = time.monotonic()
    with pytest.raises(EditError) as e:
        KnowledgeEditor(kdir).alias_add("alice", ROLE, "ops chief")
    assert time.monotonic() - t < 5 and "faq/zero.yaml:1: (file)" in str(e.value)
    assert {p: (kdir / p).read_bytes() for p in before} == before


def test_import_never_writes_through_a_link_out_of_the_folder(kdir: Path, tmp_path: Path) -> None:
    outside = write(tmp_path / "outside.yaml", "id: x\n")
    target = kdir / "roles/medication-safety-officer.yaml"
    target.symlink_to(outside)
    with pytest.raises(KnowledgeError) as e:
        import_page(page("medication-safety-officer.txt"), kdir)
    assert e.value.problems[0].file == "roles/medication-safety-officer.yaml"
    assert outside.read_text() == "id: x\n" and target.is_symlink()


# ---------------------------------------------------------------------------- export


def test_export_holds_knowledge_files_only(kdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREER_BOT_TEST_SECRET", "token-that-must-not-leak")
    (kdir / "sources/notes.txt").symlink_to("/proc/self/environ")
    (kdir / "sources/zero.html").symlink_to("/dev/zero")
    for name in ("career-bot.sqlite3", "career-bot.sqlite3-wal", "career-bot.sqlite3-shm", "commands.hash", "notes.md", ".env"):
        write(kdir / name, b"SQLite format 3\x00 salt")
    write(kdir / "faq/notes.txt", "not a knowledge file")
    write(kdir / "roles/sub/x.yaml", "id: x\n")
    write(kdir / ".backups/roles/x.yaml/1.yaml", "old")
    write(kdir / ".last-good/g/roles/x.yaml", "old")
    write(kdir / "sources/page.html", "<p>kept</p>")
    old = kdir / "certifications/CPOM.yaml"
    os.utime(old, (0, 0))  # 1970: before what a zip can hold
    ed = KnowledgeEditor(kdir)
    data = ed.export_zip()
    zf = zipfile.ZipFile(io.BytesIO(data))
    names = set(zf.namelist())
    assert names == {p.relative_to(kdir).as_posix() for p in kdir.rglob("*") if p.suffix == ".yaml" and p.parent.parent == kdir and not p.is_symlink()} | {
        "vocabulary.yaml",
        "phrasings.yaml",
        "README.md",
        "sources/director-of-pharmacy-operations.txt",
        "sources/page.html",
    }
    assert b"token-that-must-not-leak" not in data and b"salt" not in data
    assert zf.getinfo("certifications/CPOM.yaml").date_time == (1980, 1, 1, 0, 0, 0)
    p = ed.preview_import("kb.zip", data)  # it still imports back as "nothing to change"
    assert not p.created and not p.updated


# ---------------------------------------------------------------------------- writers


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda ed: ed.faq_add("m", ["colours?"], "Line one\n\x1b[31mred\x1b[0m\nline three"), "the answer contains the control character U+001B (ESC)"),
        (lambda ed: ed.faq_add("m", ["nul\x00 question"], "fine"), "a question contains the control character U+0000 (NUL)"),
        (lambda ed: ed.faq_edit("m", "how-to-report-a-wrong-answer", answer="bell\x07"), "the answer contains the control character"),
        (lambda ed: ed.alias_add("m", ROLE, "ops\x1bchief"), "the alias contains the control character"),
        (lambda ed: ed.alias_add("m", ROLE, "ops\nchief"), "the alias must be one line"),
        (lambda ed: ed.synonym_add("m", "boss", "dir\x9bector"), "the meaning contains the control character U+009B"),
        (lambda ed: ed.faq_add_phrasing("m", "how-to-report-a-wrong-answer", "lone \ud800 surrogate"), "control character U+D800"),
    ],
    ids=["multi-line-answer-ESC", "question-NUL", "edit-BEL", "alias-ESC", "alias-newline", "synonym-CSI", "surrogate"],
)
def test_writers_refuse_control_characters(kdir: Path, edit, message: str) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(kdir)
    with pytest.raises(EditError, match=re.escape(message)):
        edit(KnowledgeEditor(kdir))
    assert snapshot(kdir) == before


def test_sizes_one_byte_over_a_limit_are_said_precisely(kdir: Path) -> None:
    with pytest.raises(EditError) as e:
        KnowledgeEditor(kdir).preview_import("big.yaml", b"#" * (MAX_ATTACHMENT_BYTES + 1))
    assert str(e.value) == "big.yaml is 524,289 bytes; attachments are limited to 512 KB"
    write(kdir / "faq/big.yaml", b"#" * (1024 * 1024 + 1))
    (p,) = problems(kdir)
    assert p.message == "file is 1,048,577 bytes; knowledge files are limited to 1 MB"


# ---------------------------------------------------------------------------- one overlay instead of three scratch copies


def test_load_knowledge_with_an_overlay_reads_the_change_in_memory(kdir: Path) -> None:
    before = snapshot(kdir)
    kb = load_knowledge(kdir, overlay={"faq/new.yaml": faq_text("Sure thing").replace("extra", "new"), FAQ: None})
    assert "new" in kb.faqs and "how-to-report-a-wrong-answer" not in kb.faqs
    with pytest.raises(KnowledgeError) as e:
        load_knowledge(kdir, overlay={f"roles/{ROLE}.yaml": "id: [broken\n"})
    assert e.value.problems[0].file == f"roles/{ROLE}.yaml"
    assert snapshot(kdir) == before


def test_no_validation_copies_the_folder(kdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a scratch copy was made")

    monkeypatch.setattr(shutil, "copytree", refuse)
    monkeypatch.setattr(tempfile, "TemporaryDirectory", refuse)
    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    ed = KnowledgeEditor(kdir)
    ed.alias_add("alice", ROLE, "ops chief")
    ed.apply_import("alice", ed.preview_import("page.txt", page("medication-safety-officer.txt").read_bytes()))
    import_page(page("pharmacy-supply-chain-manager.txt"), kdir)
    sets = Path(__file__).parent / "eval"
    r = cli_in_process("eval", "--set", sets / "multi-questions.yaml", "--import", *sorted((sets / "pages").glob("*.txt")), "--knowledge", FIXTURE)
    assert r.returncode == 0 and "inscope=1.000" in r.stdout, r.stderr


def test_cli_imports_are_backed_up_and_undoable(kdir: Path, tmp_path: Path) -> None:
    before = snapshot(kdir)
    r = cli_in_process("import", page("director-of-pharmacy.txt"), "--knowledge", kdir)
    assert r.returncode == 0, r.stderr
    assert list((kdir / ".backups").rglob("*.absent"))  # the files it created, for undo
    r = cli_in_process("undo", "--knowledge", kdir, "--db", tmp_path / "bot.db", "--as", "operator")
    assert r.returncode == 0 and "removed roles/director-of-pharmacy.yaml" in r.stdout
    assert {k: v for k, v in snapshot(kdir).items() if not k.startswith((".backups", ".journal", ".last-good"))} == before
