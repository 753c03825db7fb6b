"""Shared helpers for the knowledge tests (page parser, importer, validator).

Kept out of conftest.py on purpose: import what you need with
``from tests.knowledge_helpers import ...`` or ``from knowledge_helpers import ...``.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "knowledge"  # the moderators' knowledge: only the test that it holds the seed page reads it
# The knowledge the tests own: the seed-built knowledge, frozen (see its README.md).
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "knowledge"
PAGES = Path(__file__).resolve().parent / "pages"
SEED_NAME = "000_2fc4bd8256011c2d.txt"
# shared/ sits at /work/shared for a session and beside the clone in CI
SEED_CANDIDATES = [REPO.parent / "shared" / "seeds" / SEED_NAME, Path("/work/shared/seeds") / SEED_NAME]
SEED = next((p for p in SEED_CANDIDATES if p.is_file()), SEED_CANDIDATES[-1])
SEED_COPY = FIXTURE / "sources" / "director-of-pharmacy-operations.txt"


def seed_text() -> str:
    """The seed page: from shared/ when it is there, else the copy the importer stored."""
    if SEED.is_file():
        return SEED.read_text(encoding="utf-8")
    return SEED_COPY.read_text(encoding="utf-8")


def seed_path(tmp_path: Path) -> Path:
    """A file holding the seed page exactly as the council published it."""
    if SEED.is_file():
        return SEED
    p = tmp_path / "seed.txt"
    p.write_text(seed_text(), encoding="utf-8")
    return p


def page(name: str) -> Path:
    return PAGES / name


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (hidden ones too) -> its bytes; directories as b'<dir>'."""
    out: dict[str, bytes] = {}
    if not root.exists():
        return out
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            out[(Path(dirpath) / d).relative_to(root).as_posix() + "/"] = b"<dir>"
        for f in filenames:
            p = Path(dirpath) / f
            out[p.relative_to(root).as_posix()] = p.read_bytes()
    return out


def copy_fixture(tmp_path: Path) -> Path:
    """A private copy of the test knowledge to import into or break."""
    dest = tmp_path / "knowledge"
    shutil.copytree(FIXTURE, dest, ignore=shutil.ignore_patterns(".*"))  # no backups, journal, last-good snapshot or git
    return dest


_SEEDED: Path | None = None


def seeded_kb(tmp_path: Path) -> Path:
    """A knowledge folder holding exactly what importing the seed page gives, nothing else.

    Independent of what moderators have since added to the bundled knowledge, so tests that
    edit files or count lines stay stable. Built once per test process, copied per test.
    """
    global _SEEDED
    if _SEEDED is None:
        from bot.knowledge.importer import import_page

        tmp = Path(tempfile.mkdtemp(prefix="seeded-kb-"))
        atexit.register(shutil.rmtree, tmp, True)
        (tmp / "kb").mkdir()
        import_page(seed_path(tmp), tmp / "kb")
        _SEEDED = tmp / "kb"
    dest = tmp_path / "knowledge"
    shutil.copytree(_SEEDED, dest)
    return dest


def empty_kb(tmp_path: Path) -> Path:
    dest = tmp_path / "kb"
    dest.mkdir()
    return dest


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def cli(*args: str | Path, cwd: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``career-bot ARGS`` as a user would, in a subprocess."""
    exe = Path(sys.executable).parent / "career-bot"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "bot"]
    env = {k: v for k, v in os.environ.items() if k != "CAREER_BOT_KNOWLEDGE"}
    return subprocess.run(
        cmd + [str(a) for a in args], capture_output=True, text=True, timeout=timeout, cwd=cwd or REPO, env=env, stdin=subprocess.DEVNULL
    )


def cli_in_process(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``career-bot ARGS`` through ``bot.cli.main`` in this process: same result, no start-up cost."""
    import contextlib
    import io

    from bot.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = main([str(a) for a in args])
        except SystemExit as e:  # argparse errors
            rc = e.code if isinstance(e.code, int) else 1
    return subprocess.CompletedProcess(["career-bot", *map(str, args)], rc, out.getvalue(), err.getvalue())


# ----------------------------------------------------------------------------- independent seed reader


def read_seed_facts(text: str) -> dict:
    """The seed page's facts, read with plain line logic (not with bot.knowledge.page).

    The seed's layout: title line, CAREER SPOTLIGHT, title, tagline, button, overview heading,
    paragraphs, 'Core Responsibilities' with '•' names each followed by a description,
    'Your Certification Pathway…' with intro then CODE / name / sentence / 'View Details'
    blocks, 'A Day in the Life' with intro then 'Time: Title' / description pairs, and a
    closing heading / text / link.
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    assert lines[0].startswith("Career Path: ")
    title = lines[0][len("Career Path: ") :].split(" – ")[0]
    assert lines[1] == "CAREER SPOTLIGHT" and lines[2] == title
    resp_at = lines.index("Core Responsibilities")
    path_at = next(i for i, ln in enumerate(lines) if ln.startswith("Your Certification Pathway"))
    day_at = lines.index("A Day in the Life")

    facts: dict = {"title": title, "tagline": lines[3], "button": lines[4], "overview_heading": lines[5]}
    facts["overview"] = lines[6:resp_at]

    responsibilities = []
    block = lines[resp_at + 1 : path_at]
    for i, ln in enumerate(block):
        if ln.startswith("•"):
            responsibilities.append((ln.lstrip("•").strip(), block[i + 1]))
    facts["responsibilities"] = responsibilities

    facts["pathway_heading"] = lines[path_at]
    facts["pathway_intro"] = lines[path_at + 1]
    certs = []
    chunk: list[str] = []
    for ln in lines[path_at + 2 : day_at]:
        if ln == "View Details":
            code, name, why = chunk
            certs.append((code, name, why))
            chunk = []
        else:
            chunk.append(ln)
    assert not chunk
    facts["certifications"] = certs

    facts["day_intro"] = lines[day_at + 1]
    rest = lines[day_at + 2 :]
    closing, entries = rest[-3:], rest[:-3]
    facts["day"] = [(entries[i].split(": ", 1)[0], entries[i].split(": ", 1)[1], entries[i + 1]) for i in range(0, len(entries), 2)]
    facts["closing_heading"], facts["closing"], facts["closing_link"] = closing
    return facts


def generated_page(title: str, codes: list[str], tag: str = "") -> str:
    """A spotlight page in the seed's layout with one certification block per code.

    ``tag`` is written into the tagline and every certification sentence, so a test can tell
    which import a file came from.
    """
    blocks = "".join(
        f"{code}\n\nCertified {code[0]} {code[1:]} Practitioner\n\nThe {code} credential for the {title.lower()} role {tag}.\n\nView Details\n\n" for code in codes
    )
    return (
        f"Career Path: {title} – Council on Pharmacy Standards\n\nCAREER SPOTLIGHT\n\n{title}\n\n"
        f"Lead the {title.lower()} work of a pharmacy {tag}.\n\nStart Your Certification Pathway\n\n"
        f"The Heart of the Work\n\nA {title} runs the daily work of the team.\n\nThe role plans, reviews and reports.\n\n"
        "Core Responsibilities\n\n• Planning\n\nSetting the team's goals for the quarter.\n\n• Reporting\n\nWriting the monthly report.\n\n"
        f"Your Certification Pathway to {title}\n\nThese credentials prove your skill.\n\n{blocks}"
        "A Day in the Life\n\nYour day mixes meetings and analysis.\n\n"
        "Morning: Team Huddle\n\nYou review the overnight issues with the team.\n\n"
        "Afternoon: Report Review\n\nYou check the figures before they go out.\n\n"
        "Ready to Lead?\n\nThis role shapes the pharmacy.\n\nExplore All Certifications\n"
    )


def engine_bench():
    """bench/engine_bench.py as a module: its generator of large knowledge bases, for tests at scale."""
    spec = importlib.util.spec_from_file_location("engine_bench", REPO / "bench" / "engine_bench.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("engine_bench", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module
