"""Behaviour the performance work on large knowledge bases must keep (issue 13): the linear
loader reports what a straightforward check reports, on a generated base with planted faults.
Speed itself is measured in bench/engine_bench.py, never here."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from bot.knowledge import load_knowledge
from bot.knowledge.loader import KnowledgeError

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("engine_bench", ROOT / "bench" / "engine_bench.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("engine_bench", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory):
    """A generated base of 300 roles, 900 certifications and 600 FAQ entries (the benchmark's generator)."""
    root = tmp_path_factory.mktemp("generated") / "knowledge"
    gen = _bench().generate_large(root, n_roles=300, n_certs=900, n_faq=600)
    return root, gen


def _reference_duplicate_codes(root: Path) -> set[str]:
    """Every certification file whose code another file (earlier by name) already has, in any
    case: checked pair by pair, the obvious way."""
    files = sorted((root / "certifications").glob("*.yaml"))
    codes = [(f"certifications/{f.name}", yaml.safe_load(f.read_text())["code"]) for f in files]
    out = set()
    kept: list[tuple[str, str]] = []
    for rel, code in codes:
        first = next((other for other, c in kept if c.lower() == code.lower()), None)
        if first is None:
            kept.append((rel, code))
        else:
            out.add(f"{rel}: duplicate certification code '{code}' (also {first})")
    return out


def test_linear_loader_reports_planted_duplicate_codes_like_a_pairwise_check(generated, tmp_path):
    root, gen = generated
    kdir = tmp_path / "knowledge"
    shutil.copytree(root, kdir)
    for code in gen.codes[::97]:  # one code in ~100 also written in lower case, and once more in mixed case
        data = yaml.safe_load((kdir / "certifications" / f"{code}.yaml").read_text())
        for variant in (code.lower(), code[0] + code[1:].lower()):
            (kdir / "certifications" / f"{variant}.yaml").write_text(yaml.safe_dump({**data, "code": variant, "name": f"{data['name']} {variant}", "aliases": []}))
    expected = _reference_duplicate_codes(kdir)
    assert len(expected) == 2 * len(gen.codes[::97])
    with pytest.raises(KnowledgeError) as e:
        load_knowledge(kdir)
    found = {f"{p.file}: {p.message}" for p in e.value.problems if "duplicate certification code" in p.message}
    assert found == expected
    assert all("duplicate certification code" in p.message for p in e.value.problems)


def test_generated_base_loads_clean(generated):
    root, gen = generated
    kb = load_knowledge(root)
    assert (len(kb.roles), len(kb.certifications), len(kb.faqs)) == (300, 900, 600)
