"""Issue 8, finding 10: every command-line error is one line and a documented exit code
(0 done, 1 refused, 2 bad command line, 3 the knowledge folder cannot be used), never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

try:
    from knowledge_helpers import REPO, FIXTURE, cli, cli_in_process, page, snapshot, write
except ImportError:  # tests/ became a package
    from tests.knowledge_helpers import REPO, FIXTURE, cli, cli_in_process, page, snapshot, write

LONG = "x" * 5000
SET = REPO / "tests/eval/seed-questions.yaml"


def one_line(r: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    assert r.returncode == code, (r.returncode, r.stdout, r.stderr)
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
    for w in words:
        assert w in r.stderr, r.stderr


@pytest.mark.parametrize(
    "args, code, words",
    [
        (["validate", "--knowledge", ""], 2, ["argument --knowledge: is empty"]),
        (["validate", "--knowledge", LONG], 3, ["(5,000 characters)", "File name too long"]),
        (["validate", "--knowledge", "{tmp}/typo"], 3, ["no such knowledge folder"]),
        (["validate", "--knowledge", "{tmp}/empty"], 3, ["an empty folder: no roles/, certifications/, faq/ or vocabulary.yaml"]),
        (["validate", "--knowledge", "{tmp}/other"], 3, ["not a knowledge folder"]),
        (["import", "{tmp}", "--knowledge", "{kdir}"], 1, ["is a folder, not a page file"]),
        (["import", "{tmp}/missing.txt", "--knowledge", "{kdir}"], 1, ["missing.txt: no such file"]),
        (["import", LONG, "--knowledge", "{kdir}"], 1, ["File name too long"]),
        (["import", "{page}", "--knowledge", "{tmp}/typo"], 3, ["no such knowledge folder"]),
        (["import", "{page}", "--knowledge", "{tmp}/empty"], 3, ["pass --init"]),
        (["export", "--knowledge", "{kdir}", "-o", "{tmp}/no/such/folder/kb.zip"], 1, ["does not exist"]),
        (["export", "--knowledge", "{kdir}", "-o", "{tmp}"], 1, ["is a folder; give a file name"]),
        (["export", "--knowledge", "{kdir}", "-o", LONG], 1, ["File name too long"]),
        (["gaps", "--db", "{tmp}/notes.txt"], 1, ["is not a career-bot database"]),
        (["history", "--db", "{tmp}/notes.txt"], 1, ["is not a career-bot database"]),
        (["undo", "--knowledge", "{kdir}", "--db", "{tmp}/notes.txt", "--as", "op"], 1, ["is not a career-bot database"]),
        (["gaps", "--db", "{tmp}"], 1, ["is not a database file"]),
        (["gaps", "--db", LONG], 1, ["File name too long"]),
        (["undo", "--knowledge", "{kdir}", "--as", "op\nSigned-off-by: Mallory <m@example.org>"], 2, ["argument --as: must be one line", "U+000A"]),
        (["undo", "--knowledge", "{kdir}", "--as", "op\x1b[8m"], 2, ["U+001B (ESC)"]),
        (["undo", LONG, "--knowledge", "{kdir}", "--db", "{tmp}/bot.db", "--as", "op"], 1, ["is not a knowledge file"]),
        (["undo", "roles/none.yaml", "--knowledge", "{kdir}", "--db", "{tmp}/bot.db", "--as", "op"], 1, ["nothing to undo for roles/none.yaml"]),
        (["eval", "--set", str(SET), "--import", "{tmp}/missing.txt"], 2, ["--import", "missing.txt: no such file"]),
        (["eval", "--set", str(SET), "--import", "{tmp}"], 2, ["--import"]),
    ],
    ids=lambda v: v if isinstance(v, int) else None,
)
def test_each_error_is_one_line_and_an_exit_code(tmp_path: Path, kdir: Path, args: list[str], code: int, words: list[str]) -> None:
    (tmp_path / "empty").mkdir()
    write(tmp_path / "other/notes.md", "not knowledge")
    write(tmp_path / "notes.txt", "hello, not a database\n")
    before = snapshot(kdir)
    values = {"tmp": str(tmp_path), "kdir": str(kdir), "page": str(page("director-of-pharmacy.txt"))}
    one_line(cli_in_process(*[a.format(**values) if "{" in a else a for a in args]), code, *words)
    assert snapshot(kdir) == before
    assert not (tmp_path / "typo").exists()  # a typo never starts a new knowledge base


def test_import_init_starts_a_new_knowledge_base(tmp_path: Path) -> None:
    r = cli_in_process("import", "--init", page("director-of-pharmacy.txt"), "--knowledge", tmp_path / "new")
    assert r.returncode == 0 and "created   roles/director-of-pharmacy.yaml" in r.stdout
    write(tmp_path / "other/notes.md", "not knowledge")
    one_line(cli_in_process("import", "--init", page("director-of-pharmacy.txt"), "--knowledge", tmp_path / "other"), 3, "--init needs a new or empty folder")


def test_a_traceback_never_reaches_the_user_through_a_real_process(tmp_path: Path) -> None:
    one_line(cli("import", tmp_path, "--knowledge", tmp_path / "kb"), 3)
    one_line(cli("validate", "--knowledge", ""), 2)


# ---------------------------------------------------------------------------- permissions (as an unprivileged user)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder another user can reach (pytest's tmp_path is private to its owner)."""
    d = Path(tempfile.mkdtemp(prefix="career-bot-perm-"))
    d.chmod(0o755)
    yield d
    for p in [d, *d.rglob("*")]:
        if p.is_dir() and not p.is_symlink():
            p.chmod(0o755)
    shutil.rmtree(d)


def as_other_user(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``career-bot ARGS`` as a user the permissions apply to (nobody, when the tests run as root)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    exe = Path(sys.executable).parent / "career-bot"
    env = {k: v for k, v in os.environ.items() if k != "CAREER_BOT_KNOWLEDGE"}
    return subprocess.run([*prefix, str(exe), *map(str, args)], capture_output=True, text=True, timeout=60, cwd="/", env=env, stdin=subprocess.DEVNULL)


def _knowledge_in(d: Path) -> Path:
    kb = d / "kb"
    shutil.copytree(FIXTURE, kb, ignore=shutil.ignore_patterns(".*"))
    for p in [kb, *kb.rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)
    return kb


def test_an_unreadable_folder_is_one_line_exit_3(shared_dir: Path) -> None:
    kb = _knowledge_in(shared_dir)
    kb.chmod(0o000)
    one_line(as_other_user("validate", "--knowledge", kb), 3, "cannot read the knowledge folder: permission denied")
    one_line(as_other_user("export", "--knowledge", kb, "-o", shared_dir / "kb.zip"), 3, "permission denied")
    kb.chmod(0o755)
    (kb / "faq").chmod(0o000)  # one unreadable sub-folder: a problem with its place, exit 1
    r = as_other_user("validate", "--knowledge", kb)
    assert r.returncode == 1 and "faq:1: (folder): cannot read: Permission denied" in r.stdout and "Traceback" not in r.stderr


def test_a_read_only_folder_is_one_line_exit_3_and_nothing_changes(shared_dir: Path) -> None:
    kb = _knowledge_in(shared_dir)
    before = snapshot(kb)
    one_line(as_other_user("import", page("director-of-pharmacy.txt"), "--knowledge", kb), 3, "the knowledge folder is read-only")
    one_line(as_other_user("undo", "--knowledge", kb, "--as", "op", "--db", shared_dir / "x.db"), 3, "read-only")
    assert as_other_user("validate", "--knowledge", kb).returncode == 0  # reading is fine
    if os.geteuid() == 0:  # writable folder, read-only sub-folders: the transaction refuses before its commit point
        os.chown(kb, 65534, 65534)
        (shared_dir / "db").mkdir()
        os.chown(shared_dir / "db", 65534, 65534)  # an import records itself in the bot's database
        one_line(as_other_user("import", page("director-of-pharmacy.txt"), "--knowledge", kb, "--db", shared_dir / "db" / "x.db"), 3, "Permission denied; nothing was written")
    assert snapshot(kb) == before
