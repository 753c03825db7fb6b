"""Embeds stay within Discord's limits whatever the knowledge says; lookups and helpers."""

from __future__ import annotations

import shutil
from pathlib import Path

import discord
import pytest

from bot.discord_app import lookup, render
from bot.discord_app.cogs.answers import RecentIds
from bot.discord_app.ratelimit import RateLimiter
from bot.discord_app.views import answer_view
from bot.engine import Engine
from bot.engine.answer import Alternative, Answer, Fact, Step
from bot.knowledge.loader import Problem, load_knowledge

SHIPPED = Path(__file__).resolve().parent / "fixtures" / "knowledge"  # the knowledge the tests own


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_knowledge(SHIPPED))


def check_limits(embed: discord.Embed) -> dict:
    d = embed.to_dict()
    assert len(d.get("title", "")) <= 256
    assert len(d.get("description", "")) <= 4096
    assert len(d.get("fields", [])) <= 25
    for f in d.get("fields", []):
        assert 0 < len(f["name"]) <= 256 and 0 < len(f["value"]) <= 1024
    assert len((d.get("footer") or {}).get("text", "")) <= 2048
    assert render.embed_size(embed) <= 6000
    return d


def huge_answer(intent: str = "role", n: int = 60) -> Answer:
    return Answer(
        question="q",
        intent=intent,
        role="director-of-pharmacy-operations",
        section="responsibilities",
        certifications=("CPOM",),
        confidence=0.9,
        title="T" * 400,
        summary="word " * 3000,
        facts=tuple(Fact("N" * 300, "v " * 900) for _ in range(n)),
        steps=tuple(Step(f"C{i}", "name " * 60, "why " * 400, focus=i == 0) for i in range(n)),
        notes=("note " * 500, "You already hold CPOM, so it is left out."),
        sources=tuple(f"roles/file-{i}.yaml" for i in range(400)),
    )


@pytest.mark.parametrize("intent", ["role", "pathway", "certification", "list_certifications", "faq"])
def test_huge_answers_fit_every_limit_and_point_to_more(intent: str) -> None:
    d = check_limits(render.answer_embed(huge_answer(intent), "Director of Pharmacy Operations"))
    assert d["title"].endswith("…") and d["description"].endswith("…")
    assert d["fields"][-1]["name"] == "More"
    assert "Trimmed" in d["fields"][-1]["value"]
    if intent in ("role", "pathway"):
        assert "Director of Pharmacy Operations" in d["fields"][-1]["value"]


def test_small_answer_is_not_trimmed(engine: Engine) -> None:
    a = engine.ask("what is CPOM?")
    d = check_limits(render.answer_embed(a))
    assert d["title"] == "CPOM — Certified Pharmacy Operations Manager"
    assert d["description"] == a.summary
    assert all(f["name"] != "More" for f in d.get("fields", []))
    assert d["footer"]["text"] == "Source: Director of Pharmacy Operations career spotlight"  # the page, not certifications/CPOM.yaml


def test_pathway_steps_become_numbered_fields(engine: Engine) -> None:
    a = lookup.pathway_answer(engine, "director-of-pharmacy-operations", "I love safety work", "CPOM")
    d = check_limits(render.answer_embed(a))
    names = [f["name"] for f in d["fields"]]
    assert names[0] == "Why this order" and "already hold CPOM" in d["fields"][0]["value"]
    steps = [n for n in names if n[:1].isdigit()]
    assert steps[0] == "1. CMSO — Certified Medication Safety Officer ★" and len(steps) == 3


def test_every_shipped_answer_fits(engine: Engine) -> None:
    kb = engine.knowledge
    answers = [lookup.list_answer(engine), lookup.list_answer(engine, next(iter(kb.roles)))]
    answers += [lookup.certification_answer(engine, c) for c in kb.certifications]
    for rid in kb.roles:
        answers += [lookup.role_answer(engine, rid, s) for s in lookup.SECTIONS] + [lookup.pathway_answer(engine, rid)]
    answers += [engine.ask(q) for q in ("help", "what is the weather", "what is CPSM", "")]
    for a in answers:
        check_limits(render.answer_embed(a))


def test_trim_and_content() -> None:
    assert render.trim("short", 10) == "short"
    t = render.trim("one two three four five six", 12)
    assert len(t) <= 12 and t.endswith("…")
    assert render.trim("x" * 50, 1) == "…"
    assert len(render.content("y" * 5000)) == 2000


def test_problems_embed_trims_many_problems() -> None:
    problems = [Problem(f"roles/r{i}.yaml", i, "field", "m" * 300) for i in range(300)]
    d = check_limits(render.problems_embed("Reload refused", problems))
    assert "roles/r0.yaml:0: field:" in d["description"] and "more" in d["description"]
    assert d["footer"]["text"].startswith("300 problems")


def test_certification_autocomplete_is_typo_tolerant(engine: Engine) -> None:
    assert lookup.certification_choices(engine, "cpmo")[0][1] == "CPOM"
    assert lookup.certification_choices(engine, "safety officer")[0][1] == "CMSO"
    assert lookup.certification_choices(engine, "zzzzqqq") == []
    assert len(lookup.certification_choices(engine, "")) == len(engine.knowledge.certifications)


def test_autocomplete_caps_at_25_and_100_chars(tmp_path: Path) -> None:
    kdir = tmp_path / "knowledge"
    shutil.copytree(SHIPPED, kdir)
    for i in range(40):
        (kdir / "certifications" / f"CX{i:02d}.yaml").write_text(f"code: CX{i:02d}\nname: Certified Example {i} " + "Very Long Name " * 10 + "\ndescription: Example.\n")
    e = Engine(load_knowledge(kdir))
    for current in ("", "cx", "certified example", "c"):
        choices = lookup.certification_choices(e, current)
        assert len(choices) <= 25 and all(len(label) <= 100 and len(value) <= 100 for label, value in choices)
    assert len(lookup.certification_choices(e, "")) == 25


def test_role_lookup_and_have_parsing(engine: Engine) -> None:
    assert lookup.role_choices(engine, "dirctor of pharmacy ops")[0][1] == "director-of-pharmacy-operations"
    assert lookup.resolve_role(engine, "Director of Pharmacy Operations") == "director-of-pharmacy-operations"
    assert lookup.resolve_role(engine, "astronaut") is None
    assert lookup.parse_have(engine, "CPOM, cmso and chpop; nonsense") == (["CPOM", "CMSO", "CHPOP"], ["nonsense"])
    a = lookup.role_answer(engine, "astronaut")
    assert a.intent == "none" and a.reason == "unknown_role"
    assert lookup.certification_answer(engine, "CPSM").certifications == ("CPSCM",)  # one letter missing
    a = lookup.certification_answer(engine, "QXZW")
    assert a.intent == "none" and a.reason == "unknown_cert"
    assert lookup.choice_answer(engine, "cert", "CPOM").title.startswith("CPOM")
    assert lookup.choice_answer(engine, "cert", "GONE") is None


def test_answer_view_buttons() -> None:
    alts = [Alternative("cert", "CPOM", "CPOM — Certified Pharmacy Operations Manager"), Alternative("role", "x" * 120, "too long")]
    view = answer_view(7, alts)
    ids = [c.custom_id for c in view.children]
    assert ids == ["cb:dym:7:cert:CPOM", "cb:fb:7:1", "cb:fb:7:0"]
    assert answer_view(None, ()) is None


def test_rate_limit_allows_a_burst_then_refills_evenly_and_recent_ids() -> None:
    now = [100.0]
    c = RateLimiter(5, 60, clock=lambda: now[0])
    assert [c.hit(1)[0] for _ in range(5)] == ["ok"] * 5  # a burst of five quick questions
    state, left = c.hit(1)
    assert state == "warn" and left == pytest.approx(12)
    assert c.hit(1)[0] == "quiet" and c.hit(2)[0] == "ok"  # others are not affected
    now[0] += 12.5  # one more every 12 s
    assert c.hit(1)[0] == "ok" and c.hit(1)[0] == "warn"
    now[0] += 60
    assert [c.hit(1)[0] for _ in range(5)] == ["ok"] * 5  # refilled, never more than the burst
    assert c.hit(1)[0] == "warn"
    # a conversation (a question every 15 s) is never throttled
    talk = RateLimiter(5, 60, clock=lambda: now[0])
    for _ in range(100):
        now[0] += 15
        assert talk.hit(7)[0] == "ok"
    # members whose allowance is full again are forgotten: memory stays bounded
    many = RateLimiter(5, 60, clock=lambda: now[0])
    for member in range(10_000):
        many.hit(member)
    now[0] += 61
    many.hit(1)
    assert len(many) == 1
    assert RateLimiter(0, 60).hit(1)[0] == "ok" and RateLimiter(0, 60).hit(1)[0] == "ok"  # 0 = no limit
    r = RecentIds(size=2)
    assert r.add(1) and not r.add(1) and r.add(2) and r.add(3) and r.add(1)
