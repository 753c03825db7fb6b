"""The engine answers the same whatever Python's hash seed: ties between roles or certifications
must not be broken by the order a set happens to iterate in (float sums over a set differ in the
last bit from one process to the next)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from bot.knowledge.importer import import_page

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "knowledge"


def _answers(seed: int, kdir: Path, lines: str) -> list[dict]:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    out = subprocess.run(
        [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())", "ask", "--json", "--knowledge", str(kdir), "-"],
        input=lines, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, check=True,
    ).stdout
    return [{k: d[k] for k in ("intent", "role", "certifications", "section", "answer")} for d in map(json.loads, out.splitlines())]


def test_answers_do_not_depend_on_the_hash_seed(tmp_path):
    kdir = tmp_path / "knowledge"
    shutil.copytree(FIXTURE, kdir)
    for page in sorted((ROOT / "tests/conv5/pages").glob("*.txt")):
        import_page(page, kdir)
    convs = yaml.safe_load((ROOT / "tests/conv5/conversations.yaml").read_text(encoding="utf-8"))["conversations"]
    lines = "".join(json.dumps({"conversation": c["id"], "question": t["q"]}) + "\n" for c in convs for t in c["turns"])
    first = _answers(1, kdir, lines)
    assert len(first) == sum(len(c["turns"]) for c in convs)
    for seed in (2, 3):
        assert _answers(seed, kdir, lines) == first
