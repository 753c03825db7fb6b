"""bot.moderation: validated, atomic, undoable knowledge edits; import/export; CLI."""

from __future__ import annotations

import io
import shutil
import subprocess
import threading
import zipfile
from pathlib import Path

import pytest
import yaml

from bot.cli import main as cli_main
from bot.engine import Engine
from bot.knowledge.loader import load_knowledge
from bot.moderation import MAX_ATTACHMENT_BYTES, EditError, KnowledgeEditor
from bot.storage import Store

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "knowledge"
PAGES = Path(__file__).resolve().parent / "pages"
ROLE = "director-of-pharmacy-operations"
ROLE_FILE = f"roles/{ROLE}.yaml"


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


@pytest.fixture
def ed(kdir: Path, store: Store) -> KnowledgeEditor:
    return KnowledgeEditor(kdir, store)


def ask(kdir: Path, q: str):
    return Engine(load_knowledge(kdir)).ask(q)


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------------------- edits


def test_faq_add_is_answered_by_the_engine(ed: KnowledgeEditor, kdir: Path, store: Store) -> None:
    r = ed.faq_add("alice", ["How do I renew my CPOM certification?", "CPOM renewal steps"], "Log in to the council portal.\nChoose *Renew*.", certifications=["CPOM"])
    assert r.file == "faq/how-do-i-renew-my-cpom-certification.yaml" and r.action == "faq_add"
    a = ask(kdir, "how do I renew my CPOM certification")
    assert a.intent == "faq" and a.faq == "how-do-i-renew-my-cpom-certification"
    data = yaml.safe_load((kdir / r.file).read_text())
    assert data["answer"] == "Log in to the council portal.\nChoose *Renew*."
    # same first question again: a unique id, not an overwrite
    r2 = ed.faq_add("alice", ["How do I renew my CPOM certification?"], "Other answer.")
    assert r2.file == "faq/how-do-i-renew-my-cpom-certification-2.yaml"
    with pytest.raises(EditError, match="already exists"):
        ed.faq_add("alice", ["x?"], "y", faq_id="how-do-i-renew-my-cpom-certification")
    assert [c.action for c in store.history()] == ["faq_add", "faq_add"]


def test_faq_edit_phrasing_and_remove(ed: KnowledgeEditor, kdir: Path) -> None:
    r = ed.faq_add("alice", ["Where is the exam calendar?"], "On the council site.", faq_id="exam-calendar")
    ed.faq_add_phrasing("bob", "exam-calendar", "when are the certification exams held")
    assert ask(kdir, "when are the certification exams held").faq == "exam-calendar"
    with pytest.raises(EditError, match="already has"):
        ed.faq_add_phrasing("bob", "exam-calendar", "When are the certification exams held?")
    ed.faq_edit("bob", "exam-calendar", answer="See the council events page.")
    assert yaml.safe_load((kdir / r.file).read_text())["answer"] == "See the council events page."
    ed.faq_edit("bob", "exam-calendar", questions=["exam dates"])
    assert yaml.safe_load((kdir / r.file).read_text())["questions"] == ["exam dates"]
    with pytest.raises(EditError, match="no faq/nope.yaml"):
        ed.faq_add_phrasing("bob", "nope", "q")
    with pytest.raises(EditError, match="nothing to change"):
        ed.faq_edit("bob", "exam-calendar")
    ed.faq_remove("carol", "exam-calendar")
    assert not (kdir / r.file).exists()
    with pytest.raises(EditError):
        ed.faq_remove("carol", "exam-calendar")


def test_alias_add_resolves_in_the_engine_and_keeps_comments(ed: KnowledgeEditor, kdir: Path) -> None:
    role = kdir / ROLE_FILE
    role.write_text("# top comment kept\n" + role.read_text().replace("\nsource:", "\n# a note about the source\nsource:"), encoding="utf-8")
    assert ask(kdir, "what does a pharmacy flow boss do?").role != ROLE
    r = ed.alias_add("alice", ROLE, "pharmacy flow boss")
    assert r.file == ROLE_FILE
    text = role.read_text()
    assert text.startswith("# top comment kept\n") and "# a note about the source\nsource:" in text
    assert "  - pharmacy flow boss\n" in text
    a = ask(kdir, "what does a pharmacy flow boss do?")
    assert a.intent == "role" and a.role == ROLE
    # certification codes are matched in any case
    r = ed.alias_add("alice", "cmso", "safety officer badge")
    assert r.file == "certifications/CMSO.yaml"
    assert "safety officer badge" in yaml.safe_load((kdir / r.file).read_text())["aliases"]
    ed.alias_remove("alice", "CMSO", "Safety Officer Badge")
    assert "safety officer badge" not in (yaml.safe_load((kdir / r.file).read_text())["aliases"] or [])
    with pytest.raises(EditError, match="no alias"):
        ed.alias_remove("alice", "CMSO", "never added")


def test_synonym_add(ed: KnowledgeEditor, kdir: Path) -> None:
    before = ask(kdir, "what does a zorblax director do")
    ed.synonym_add("alice", "zorblax", "operations")
    syn = yaml.safe_load((kdir / "vocabulary.yaml").read_text())["synonyms"]
    assert syn["zorblax"] == "operations"
    assert (kdir / "vocabulary.yaml").read_text().startswith("#")  # header comment kept
    k = load_knowledge(kdir)
    assert k.vocabulary.synonyms["zorblax"] == "operations"
    after = ask(kdir, "what does a zorblax director do")
    assert before.role is None and after.role == ROLE  # unknown word until the synonym exists
    with pytest.raises(EditError, match="already means"):
        ed.synonym_add("alice", "Zorblax", "operations")
    r = ed.synonym_add("alice", "zorblax", "procurement")
    assert "was 'operations'" in r.summary


def test_invalid_edits_change_nothing(ed: KnowledgeEditor, kdir: Path, store: Store) -> None:
    ed.alias_add("alice", "CPOM", "ops manager cert")
    before = snapshot(kdir)
    with pytest.raises(EditError) as e:  # claimed by another entry
        ed.alias_add("bob", "CMSO", "Ops Manager Cert")
    assert "'Ops Manager Cert' already means certification CPOM" in str(e.value)
    role = kdir / ROLE_FILE  # an alias typed into a file by hand is caught by validation, with file:line
    role.write_text(role.read_text().replace("related_roles: []", "related_roles:\n  - no-such-role"), encoding="utf-8")
    before = snapshot(kdir)
    with pytest.raises(EditError) as e:
        ed.alias_add("bob", "CMSO", "some new alias")
    assert f"{ROLE_FILE}:" in str(e.value) and "related_roles[0]: unknown role 'no-such-role'" in str(e.value)
    assert e.value.problems and e.value.problems[0].file == ROLE_FILE
    role.write_text(role.read_text().replace("related_roles:\n  - no-such-role", "related_roles: []"), encoding="utf-8")
    before = snapshot(kdir)
    with pytest.raises(EditError, match="unknown role 'no-such-role'"):
        ed.faq_add("bob", ["what is x?"], "x", roles=["no-such-role"])
    with pytest.raises(EditError, match="no role id or certification code"):
        ed.alias_add("bob", "no-such-role", "whatever")
    with pytest.raises(EditError, match="is empty"):
        ed.faq_add("bob", ["q?"], "   ")
    with pytest.raises(EditError):
        ed.faq_add("bob", ["  "], "answer")
    assert snapshot(kdir) == before
    assert len(store.history()) == 1


def test_concurrent_edits_all_land(ed: KnowledgeEditor, kdir: Path, store: Store) -> None:
    ed.faq_add("alice", ["What is the council?"], "A standards body.", faq_id="council")
    other = KnowledgeEditor(kdir, store)  # a second editor on the same folder shares the lock
    errors: list[BaseException] = []

    def work(editor: KnowledgeEditor, name: str) -> None:
        try:
            for i in range(10):
                editor.faq_add_phrasing(name, "council", f"council question {name} number {i}")
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(ed, "t1")), threading.Thread(target=work, args=(other, "t2"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    qs = yaml.safe_load((kdir / "faq/council.yaml").read_text())["questions"]
    assert len(qs) == 21
    assert {q for q in qs if q.startswith("council question")} == {f"council question {n} number {i}" for n in ("t1", "t2") for i in range(10)}


def test_undo_restores_previous_bytes_step_by_step(ed: KnowledgeEditor, kdir: Path, store: Store) -> None:
    role = kdir / ROLE_FILE
    v0 = role.read_bytes()
    ed.alias_add("alice", ROLE, "first alias")
    v1 = role.read_bytes()
    ed.alias_add("bob", ROLE, "second alias")
    assert role.read_bytes() != v1
    r = ed.undo("carol")
    assert r.file == ROLE_FILE and role.read_bytes() == v1
    r = ed.undo("carol", ROLE_FILE)
    assert role.read_bytes() == v0
    with pytest.raises(EditError, match="nothing to undo"):
        ed.undo("carol", ROLE_FILE)
    # a created file is removed on undo
    f = ed.faq_add("alice", ["Is there a study group?"], "Yes, in #study.")
    assert (kdir / f.file).exists()
    ed.undo("carol")
    assert not (kdir / f.file).exists()
    assert [c.action for c in store.history(limit=3)] == ["undo", "faq_add", "undo"]
    # a removed file comes back
    vocab = (kdir / "vocabulary.yaml").read_bytes()
    ed.synonym_add("x", "glorp", "procurement")
    ed.undo("x", "vocabulary.yaml")
    assert (kdir / "vocabulary.yaml").read_bytes() == vocab
    with pytest.raises(EditError):
        ed.undo("x", "../outside.yaml")


def test_history_lists_change_with_before_and_after(ed: KnowledgeEditor, kdir: Path, store: Store) -> None:
    before = (kdir / "certifications/CPOM.yaml").read_text()
    ed.alias_add("alice", "CPOM", "ops mgr cert")
    (c,) = store.history("certifications/CPOM.yaml")
    assert c.moderator == "alice" and c.action == "alias_add" and c.file == "certifications/CPOM.yaml"
    assert c.before == before and c.after == (kdir / "certifications/CPOM.yaml").read_text()
    assert "ops mgr cert" in c.after and "ops mgr cert" not in c.before


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True, text=True).stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_git_commit_with_moderator_as_author(ed: KnowledgeEditor, kdir: Path) -> None:
    _git(kdir, "init", "-q")
    _git(kdir, "-c", "user.name=Setup", "-c", "user.email=setup@example.org", "add", "-A")
    _git(kdir, "-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "-qm", "initial")
    (kdir / "README.md").write_text("unrelated local change\n")  # must not be swept into the commit
    ed.alias_add("Alice Mod", ROLE, "ops chief")
    log = _git(kdir, "log", "-1", "--format=%an <%ae>|%s")
    assert log.startswith("Alice Mod <Alice-Mod@discord>|alias_add")
    assert _git(kdir, "show", "--name-only", "--format=", "HEAD").split() == [ROLE_FILE]
    assert "README.md" in _git(kdir, "status", "--porcelain")
    f = ed.faq_add("bob", ["Is there a mentoring program?"], "Yes.")
    assert _git(kdir, "show", "--name-only", "--format=", "HEAD").split() == [f.file]
    ed.undo("carol")  # removes the created file: committed as a deletion
    assert _git(kdir, "log", "-1", "--format=%an").strip() == "carol"
    assert f.file not in _git(kdir, "ls-files")
    assert ".backups" not in _git(kdir, "status", "--porcelain")


def test_edit_works_without_git_repo(ed: KnowledgeEditor, kdir: Path) -> None:
    ed.alias_add("alice", ROLE, "ops chief")  # no repo: no commit, no error
    assert not (kdir / ".git").exists()


# ---------------------------------------------------------------------------- export / import


def test_export_zip(ed: KnowledgeEditor, kdir: Path) -> None:
    ed.alias_add("alice", ROLE, "ops chief")  # creates .backups
    zf = zipfile.ZipFile(io.BytesIO(ed.export_zip()))
    names = set(zf.namelist())
    assert ROLE_FILE in names and "vocabulary.yaml" in names and "certifications/CPOM.yaml" in names
    assert not any(n.startswith(".") or "/." in n for n in names)
    assert zf.read(ROLE_FILE) == (kdir / ROLE_FILE).read_bytes()
    # an export imports back as "nothing to change"
    p = ed.preview_import("kb.zip", ed.export_zip())
    assert not p.created and not p.updated and ROLE_FILE in p.unchanged


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("big.yaml", b"a: b\n" * (MAX_ATTACHMENT_BYTES // 5 + 1), "limited to 512 KB"),
        ("tool.exe", b"MZ\x90\x00", "can't import '.exe'"),
        ("latin1.yaml", "synonyms:\n  caf\xe9: coffee\n".encode("latin-1"), "not UTF-8"),
        ("broken.yaml", b"code: CPOM\nname: [unclosed\n", "YAML error"),
        ("evil.yaml", b"code: X\nname: !!python/object:os.system {}\n", "python/object"),
        ("page.txt", b"\xff\xfe not a page", "not UTF-8"),
        ("what.yaml", b"hello: world\n", "can't tell what kind"),
        ("traversal.yaml", b"id: ../../etc\ntitle: x\n", "not a valid role id"),
        ("bad.zip", b"PK not really a zip", "not a valid zip"),
    ],
)
def test_preview_import_refusals(ed: KnowledgeEditor, kdir: Path, name: str, data: bytes, message: str) -> None:
    before = snapshot(kdir)
    with pytest.raises(EditError, match=message.replace("(", r"\(").replace(".", r"\.")):
        ed.preview_import(name, data)
    assert snapshot(kdir) == before


def test_preview_import_refuses_invalid_knowledge(ed: KnowledgeEditor, kdir: Path) -> None:
    bad = b"id: x-faq\nquestions:\n  - what?\nanswer: yes\nroles:\n  - no-such-role\n"
    with pytest.raises(EditError, match=r"faq/x-faq.yaml:6: roles\[0\]: unknown role"):
        ed.preview_import("x.yaml", bad)
    assert not (kdir / "faq/x-faq.yaml").exists()


def test_spotlight_page_preview_then_apply(ed: KnowledgeEditor, kdir: Path, store: Store) -> None:
    page = PAGES / "medication-safety-officer.txt"
    before = snapshot(kdir)
    p = ed.preview_import(page.name, page.read_bytes())
    assert snapshot(kdir) == before  # preview writes nothing
    assert any(f.startswith("roles/") for f in p.created)
    assert any(f.startswith("sources/") for f in p.created)
    assert all(f"created   {f}" in p.summary for f in p.created)
    results = ed.apply_import("alice", p)
    assert {r.file for r in results} == set(p.created) | set(p.updated)
    for rel in p.created:
        assert (kdir / rel).read_text() == p.files[rel]
    kb = load_knowledge(kdir)
    role_id = next(Path(f).stem for f in p.created if f.startswith("roles/"))
    assert role_id in kb.roles
    assert {c.file for c in store.history(limit=50) if c.action == "import"} == {r.file for r in results}
    # the import is undone as one batch
    ed.undo("bob")
    assert {k: v for k, v in snapshot(kdir).items() if not k.startswith((".backups/", ".journal/", ".last-good/"))} == before  # hidden: undo history, transaction log, last good snapshot


def test_apply_import_refuses_stale_preview(ed: KnowledgeEditor, kdir: Path) -> None:
    text = (kdir / "certifications/CPOM.yaml").read_text().replace("aliases: []", "aliases:\n  - pharmacy ops manager cert")
    p = ed.preview_import("CPOM.yaml", text.encode())
    assert p.updated == ("certifications/CPOM.yaml",)
    ed.alias_add("bob", "CPOM", "another alias")  # lands between preview and apply
    with pytest.raises(EditError, match="changed since the preview"):
        ed.apply_import("alice", p)
    assert "another alias" in (kdir / "certifications/CPOM.yaml").read_text()


def test_yaml_and_zip_import(ed: KnowledgeEditor, kdir: Path) -> None:
    faq = "# from a moderator\nid: study-group\nquestions:\n  - is there a study group\nanswer: Yes, in the study channel.\n"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("stuff/study.yml", faq)
        zf.writestr("notes.md", "ignored")
    p = ed.preview_import("kb.zip", buf.getvalue())
    assert p.created == ("faq/study-group.yaml",)
    assert "skipped notes.md" in p.summary
    ed.apply_import("alice", p)
    assert (kdir / "faq/study-group.yaml").read_text() == faq
    assert ask(kdir, "is there a study group").faq == "study-group"


# ---------------------------------------------------------------------------- CLI


def test_cli_gaps_end_each_group_with_the_teach_command_that_works_as_printed(tmp_path: Path, kdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shlex

    db = tmp_path / "bot.db"
    hostile = "whats the deal w/ the ops mgr badge; $(touch pwned) 'now'\x1b[2J"
    with Store(db) as s:
        for _ in range(2):
            s.record_question(hostile, 1, "none", 0.1, reason="off_topic")
    assert ask(kdir, hostile).intent == "none"
    assert cli_main(["gaps", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out  # a member's escape sequence never reaches the terminal
    teach = [line.strip() for line in out.splitlines() if line.strip().startswith("teach: career-bot teach ")]
    assert len(teach) == 1
    assert teach[0].endswith(f"--means INTENT [--about ROLE_OR_CODE] --db {shlex.quote(str(db))} --as NAME")
    assert "INTENT is one of certification, role, pathway, list_certifications, list_roles, help, none;" in out

    # the moderator fills in the blanks and runs it as printed: the bot understands the question from then on
    words = shlex.split(teach[0].removeprefix("teach: "))
    assert words[:3] == ["career-bot", "teach", "whats the deal w/ the ops mgr badge; $(touch pwned) 'now' [2J"]
    at = words.index("[--about")
    words[at : at + 2] = ["--about", "CPOM"]
    words = ["certification" if w == "INTENT" else "Ana" if w == "NAME" else w for w in words]
    assert cli_main([*words[1:], "--knowledge", str(kdir)]) == 0, capsys.readouterr().err
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()
    got = ask(kdir, hostile)
    assert (got.intent, tuple(got.certifications[:1])) == ("certification", ("CPOM",))
    with Store(db) as s:
        assert s.history()[0].action == "teach" and s.history()[0].moderator == "Ana"


def test_cli_gaps_history_export_undo(tmp_path: Path, kdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "bot.db"
    s = Store(db)
    for _ in range(2):
        s.record_question("when is the next CPOM exam", 1, "none", 0.1, reason="off_topic")
    s.close()
    assert cli_main(["gaps", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "2x" in out and "when is the next CPOM exam" in out

    s = Store(db)
    KnowledgeEditor(kdir, s).alias_add("alice", "CPOM", "ops manager cert")
    s.close()
    v1 = (kdir / "certifications/CPOM.yaml").read_bytes()
    assert cli_main(["history", "--db", str(db), "certifications/CPOM.yaml"]) == 0
    assert "alice  alias_add  certifications/CPOM.yaml" in capsys.readouterr().out

    out_zip = tmp_path / "kb.zip"
    assert cli_main(["export", "--knowledge", str(kdir), "-o", str(out_zip)]) == 0
    assert "certifications/CPOM.yaml" in zipfile.ZipFile(out_zip).namelist()

    assert cli_main(["undo", "--knowledge", str(kdir), "--db", str(db), "--as", "carol"]) == 0
    assert (kdir / "certifications/CPOM.yaml").read_bytes() != v1
    assert cli_main(["undo", "--knowledge", str(kdir), "--db", str(db), "--as", "carol"]) == 1
    assert "nothing to undo" in capsys.readouterr().err
    assert cli_main(["gaps", "--db", str(tmp_path / "missing.db")]) == 1
