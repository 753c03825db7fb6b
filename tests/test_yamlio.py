"""The fast (libyaml) and explaining (pure-Python) YAML paths agree on data and line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.knowledge import yamlio

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "fixtures" / "knowledge").rglob("*.yaml")), ids=lambda p: p.name)
def test_fast_path_matches_the_explaining_loader(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    fast = yamlio._parse_fast(text)
    assert fast is not None
    monkeypatch.setattr(yamlio, "_parse_fast", lambda text: None)
    slow = yamlio.parse_yaml(text)
    assert fast.data == slow.data and fast.lines == slow.lines and fast.duplicates == slow.duplicates


@pytest.mark.parametrize(
    "text",
    ["a: &x [1]\nb: *x\n", "a: !!python/object/apply:os.system ['true']\n", "a: [1,\n", "a: 1\na: 2\n"],
    ids=["alias", "unsafe-tag", "syntax", "duplicate-key"],
)
def test_unusual_files_get_the_explaining_loader(text):
    if "a: 1\na: 2" in text:  # duplicates are reported, not refused, on either path
        assert yamlio.parse_yaml(text).duplicates == [(("a",), 2)]
        return
    with pytest.raises(yamlio.YamlFault):
        yamlio.parse_yaml(text)
