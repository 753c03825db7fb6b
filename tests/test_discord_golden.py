"""Golden files: the embeds and buttons members get for representative answers, pinned as JSON
under tests/golden/embeds/ (each was read once by eye before it was pinned).

The knowledge is the tests' own (tests/engine_kb.py: the seed page, four more pages, two FAQ
entries), plus a council link and a related role, so a moderator's edit to knowledge/ never
changes these. After a deliberate change of wording or layout, regenerate and review the diff:

    CAREER_BOT_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_discord_golden.py

Also: no rendered answer to any question of our sets shows a file path, a role id or "1 roles".
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import discord
import pytest
import yaml

sys.path.insert(0, os.path.dirname(__file__))

from engine_kb import kb_dir  # noqa: E402

from bot.discord_app import lookup  # noqa: E402
from bot.discord_app.cogs.answers import answer_message  # noqa: E402
from bot.engine import Answer, Engine  # noqa: E402
from bot.knowledge import load_knowledge  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden" / "embeds"
UPDATE = os.environ.get("CAREER_BOT_UPDATE_GOLDEN") == "1"
DPO = "director-of-pharmacy-operations"
ANSWER_ID = 7


@lru_cache(maxsize=1)
def engine() -> Engine:
    """The tests' knowledge with the council's links on a role and a certification, and a related role."""
    root = Path(kb_dir()).parent.parent / "golden-kb"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(kb_dir(), root)
    role = root / "roles" / f"{DPO}.yaml"
    data = yaml.safe_load(role.read_text(encoding="utf-8"))
    data["links"] = [{"label": "Director of Pharmacy Operations spotlight", "url": "https://example.org/careers/director-of-pharmacy-operations"}]
    data["related_roles"] = ["pharmacy-supply-chain-manager"]
    role.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    cert = root / "certifications" / "CPOM.yaml"
    data = yaml.safe_load(cert.read_text(encoding="utf-8"))
    data["links"] = [{"label": "CPOM at the council", "url": "https://example.org/certifications/cpom"}, {"label": "not a web link", "url": "javascript:alert(1)"}]
    cert.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return Engine(load_knowledge(root))


def two_questions(e: Engine) -> Answer:
    """A message with two questions (the engine fills ``parts``; built here so the layout is pinned)."""
    return dataclasses.replace(e.ask("what is CMSO?"), parts=(e.ask("what does a pharmacy supply chain manager do?"),))


CASES: dict[str, tuple[Callable[[Engine], Answer], dict[str, bool]]] = {
    # name: (the answer, how it is posted: pointed = the conversation saw the pointer already; escalate)
    "certification-with-links": (lambda e: e.ask("what is CPOM?"), {}),
    "role-overview-see-also": (lambda e: e.ask("what does a director of pharmacy operations do?"), {}),
    "role-day-in-the-life": (lambda e: e.ask("director of pharmacy operations day in the life"), {}),
    "pathway-tailored": (lambda e: lookup.pathway_answer(e, DPO, "I love safety work", "CHPOP"), {}),
    "compare-certifications": (lambda e: e.ask("difference between CHPOP and CPOM"), {}),
    "compare-roles": (lambda e: e.ask("how is a director of pharmacy operations different from a director of pharmacy informatics?"), {}),
    "list-certifications": (lambda e: e.ask("which certifications do you know?"), {}),
    "list-roles": (lambda e: e.ask("which career paths are there?"), {}),
    "faq": (lambda e: e.ask("how do i report a wrong answer"), {}),
    "help": (lambda e: e.ask("help"), {}),
    "refusal-first-in-conversation": (lambda e: e.ask("how do I make lasagna?"), {"escalate": True}),
    "refusal-pointer-behind-button": (lambda e: e.ask("how do I make lasagna?"), {"pointed": True, "escalate": True}),
    "did-you-mean": (lambda e: e.ask("what is CPSM?"), {}),
    "partial-answer": (lambda e: e.ask("is there a study group for CPOM?"), {"escalate": True}),
    "two-questions-in-one-message": (two_questions, {}),
}


def posted(answer: Answer, how: dict[str, bool]) -> dict[str, Any]:
    kwargs, pointed = answer_message(engine(), answer, ANSWER_ID, pointed=how.get("pointed", False), escalate=how.get("escalate", False))
    view: discord.ui.View | None = kwargs.get("view")
    rows = view.to_components() if view is not None else []
    buttons = [[{k: c[k] for k in ("label", "custom_id", "style") if k in c} | ({"emoji": c["emoji"]["name"]} if c.get("emoji") else {}) for c in row["components"]] for row in rows]
    return {"question": answer.question, "embeds": [e.to_dict() for e in kwargs["embeds"]], "buttons": buttons, "pointer_seen": pointed}


@pytest.mark.parametrize("name", CASES)
def test_golden_embeds(name: str) -> None:
    make, how = CASES[name]
    got = posted(make(engine()), how)
    path = GOLDEN / f"{name}.json"
    text = json.dumps(got, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path.name} was missing and has been written: review it, then run again")
    assert json.loads(path.read_text(encoding="utf-8")) == got, f"{name}: the embed changed; if on purpose, regenerate (see the module docstring)"


def visible(message: dict[str, Any]) -> list[str]:
    """What a member reads: embed texts and button labels (not URLs or custom ids)."""
    out = []
    for e in message["embeds"]:
        out += [e.get("title", ""), e.get("description", ""), (e.get("footer") or {}).get("text", ""), (e.get("author") or {}).get("name", "")]
        out += [f["name"] + "\n" + re.sub(r"\]\([^)]*\)", "]", f["value"]) for f in e.get("fields", [])]
    out += [b.get("label", "") for row in message["buttons"] for b in row]
    return out


def test_golden_links_are_safe_and_pointer_once() -> None:
    cert = posted(engine().ask("what is CPOM?"), {})
    embed = cert["embeds"][0]
    assert embed["url"] == "https://example.org/certifications/cpom"
    more = next(f["value"] for f in embed["fields"] if f["name"] == "More on the council's site")
    assert "[CPOM at the council](https://example.org/certifications/cpom)" in more and "javascript:" not in more
    first = posted(engine().ask("how do I make lasagna?"), {})
    later = posted(engine().ask("how do I make lasagna?"), {"pointed": True})
    assert any(f["name"] == "What I can do" for f in first["embeds"][0]["fields"]) and first["pointer_seen"]
    assert not any(f["name"] == "What I can do" for f in later["embeds"][0].get("fields", []))
    assert {"label": "What can you do?", "custom_id": "cb:fu:h", "style": 2} in [b for row in later["buttons"] for b in row]


def _questions() -> list[str]:
    root = Path(__file__).resolve().parent
    out: list[str] = []
    for path in sorted(root.glob("eval*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out += [q["q"] for q in (data.get("questions", []) if isinstance(data, dict) else data) if isinstance(q, dict) and "q" in q]
    return out


def test_no_rendered_answer_shows_a_file_path_a_role_id_or_a_plural_slip() -> None:
    e = engine()
    slugs = [r for r in e.knowledge.roles if "-" in r]
    bad = re.compile(r"\.ya?ml\b|\b(roles|certifications|faq)/|\b1 (roles|certifications|career spotlights|steps)\b|" + "|".join(map(re.escape, slugs)))
    questions = _questions()
    assert len(questions) > 1000
    for q in questions:
        for text in visible(posted(e.ask(q), {"escalate": True})):
            hit = bad.search(text.replace(q, "")) if text else None  # the member's own words may hold anything
            assert hit is None, (q, hit.group(0), text)
