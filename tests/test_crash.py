"""`kill -9` a real `career-bot import` at random points: the folder is always before or after
each page's import, validates, and the bot starts on it (issue 8, finding 2)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml

from bot.knowledge.files import is_knowledge_folder
from bot.knowledge.loader import load_knowledge
from bot.knowledge.transaction import recover
from bot.live import LiveKnowledge

try:
    from knowledge_helpers import generated_page
except ImportError:  # tests/ became a package
    from tests.knowledge_helpers import generated_page

PAGES, CERTS, KILLS = 2, 30, 20
TITLES = [f"Crash Test Lead {letter}" for letter in "AB"]


def _cli() -> list[str]:
    exe = Path(sys.executable).parent / "career-bot"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "bot"]


def _write_pages(folder: Path, tag: str) -> list[Path]:
    out = []
    for k, title in enumerate(TITLES[:PAGES]):
        p = folder / f"page{k}.txt"
        p.write_text(generated_page(title, [f"K{k}C{j:03d}" for j in range(CERTS)], tag), encoding="utf-8")
        out.append(p)
    return out


def _phase(kb: Path) -> str:
    """'committed' (a journal is written: files are being renamed), 'staging' (temp files are
    being written) or '' (neither, as far as a glance can tell)."""
    try:
        journals = os.listdir(kb / ".journal")
    except OSError:
        journals = []
    if any(os.path.exists(kb / ".journal" / j / "journal.json") for j in journals):
        return "committed"
    try:
        return "staging" if journals or any(n.endswith(".tmp") for n in os.listdir(kb / "certifications")) else ""
    except OSError:
        return ""


def _tags(kb: Path, k: int) -> set[str]:
    """The import tags found in page k's role, its source and its certifications (one if atomic)."""
    role_id = TITLES[k].lower().replace(" ", "-")
    role = kb / "roles" / f"{role_id}.yaml"
    if not role.exists():
        assert not (kb / "sources" / f"{role_id}.txt").exists(), "a source without its role"
        return set()
    texts = [role.read_text(encoding="utf-8"), (kb / "sources" / f"{role_id}.txt").read_text(encoding="utf-8")]
    steps = yaml.safe_load(texts[0])["pathway"]["steps"]
    assert [s["certification"] for s in steps] == [f"K{k}C{j:03d}" for j in range(CERTS)]
    texts += [(kb / "certifications" / f"K{k}C{j:03d}.yaml").read_text(encoding="utf-8") for j in range(CERTS)]
    return {word for text in texts for word in text.replace(".", " ").split() if word.startswith("tag") and word[3:].isdigit()}


def test_kill_9_during_imports_never_leaves_a_broken_folder(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    rng = random.Random(int(os.environ.get("CRASH_SEED", "0")) or None)
    started = time.monotonic()
    recovered: list[str] = []
    imported = False
    for i in range(KILLS):
        pages = _write_pages(tmp_path, f"tag{i}")
        proc = subprocess.Popen([*_cli(), "import", "--init", *map(str, pages), "--knowledge", str(kb)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if i % 3 == 0:  # any moment of the run: start-up, planning, validation, writing
            time.sleep(rng.uniform(0.05, 1.0))
        else:  # a random moment once files are being staged (i % 3 == 1) or renamed (== 2)
            want = "staging" if i % 3 == 1 else "committed"
            deadline = time.monotonic() + 5
            while proc.poll() is None and time.monotonic() < deadline and _phase(kb) not in (want, "committed"):
                time.sleep(0.0002)
            time.sleep(rng.uniform(0, 0.02 if want == "staging" else 0.002))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if proc.returncode not in (0, -signal.SIGKILL):
            raise AssertionError(proc.stderr.read() if proc.stderr else proc.returncode)
        if proc.stderr:
            proc.stderr.close()

        if not kb.exists():
            continue  # killed before `import --init` created the folder
        recovered += recover(kb)
        if not is_knowledge_folder(kb):  # killed before the first import's commit point: still new
            assert not imported, f"kill {i} lost the knowledge"
            continue
        leftovers = [p for p in kb.rglob("*") if p.name.endswith(".tmp") or (p.parent.name == ".journal" and p.is_dir())]
        assert leftovers == [], leftovers
        load_knowledge(kb)  # validates: raises KnowledgeError with every problem otherwise
        for k in range(PAGES):
            assert len(_tags(kb, k)) <= 1, f"page {k} is half imported after kill {i}: {_tags(kb, k)}"
        live = LiveKnowledge(kb)
        assert live.startup_problems == () and len(live.engine.knowledge.roles) <= PAGES
        imported = imported or bool(live.engine.knowledge.roles)
    assert any("stray temp file" in r for r in recovered), "no kill landed while files were staged"
    assert any(r.startswith(("completed", "rolled back")) for r in recovered), "no kill landed after a commit point"
    assert time.monotonic() - started < 60
