"""Slash-command lookups without Discord: pick an entity directly, get an ``Answer``.

Also the autocomplete helpers: typo tolerant (rapidfuzz WRatio over codes, names and
aliases), at most 25 choices, labels within Discord's 100 characters.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.engine import Engine
from bot.engine.analyze import analyze
from bot.engine.answer import Answer, compose
from bot.engine.match import Match
from bot.engine.tailor import tailor

MAX_CHOICES = 25
LABEL_MAX = 100
SECTIONS = ("overview", "responsibilities", "day_in_the_life")


def _label(text: str) -> str:
    return text if len(text) <= LABEL_MAX else text[: LABEL_MAX - 1] + "…"


def _rank(current: str, entries: list[tuple[str, str, list[str]]], first: str | None = None) -> list[tuple[str, str]]:
    """``entries``: (label, value, search keys). Best matches of ``current`` first (``first`` on top)."""
    current = (current or "").strip().lower()
    if not current:
        return [(_label(lbl), val) for lbl, val, _ in entries[:MAX_CHOICES]]
    keys: list[str] = []
    owner: list[int] = []
    for i, (_, _, ks) in enumerate(entries):
        for k in ks:
            if k:
                keys.append(k.lower())
                owner.append(i)
    best: dict[int, float] = {}
    for key, score, j in process.extract(current, keys, scorer=fuzz.WRatio, limit=None, score_cutoff=50):
        i = owner[j]
        bonus = 15 if key.startswith(current) else 0
        if len(key) <= 8 and OSA.distance(current, key) <= 1:  # one typo or swapped pair in a code: "cpmo" -> "cpom"
            bonus = max(bonus, 20)
        best[i] = max(best.get(i, 0.0), score + bonus)
    if first is not None:
        for i, e in enumerate(entries):
            if e[1] == first:
                best[i] = 1000.0
    ranked = sorted(best, key=lambda i: (-best[i], i))
    return [(_label(entries[i][0]), entries[i][1]) for i in ranked[:MAX_CHOICES]]


def certification_choices(engine: Engine, current: str) -> list[tuple[str, str]]:
    kb = engine.knowledge
    entries = [(f"{c.code} — {c.name}", c.code, [c.code, c.name, *c.aliases]) for c in kb.certifications.values()]
    word = (current or "").strip().lower()
    first = engine.index.code_for(word, True) if word.isalnum() else None
    return _rank(current, entries, first)


def role_choices(engine: Engine, current: str) -> list[tuple[str, str]]:
    kb = engine.knowledge
    entries = [(r.title, r.id, [r.title, r.id.replace("-", " "), *r.aliases]) for r in kb.roles.values()]
    return _rank(current, entries)


def resolve_certification(engine: Engine, text: str) -> str | None:
    """A code from what the member typed or picked: exact code, else the best fuzzy match."""
    kb = engine.knowledge
    t = (text or "").strip()
    if not t:
        return None
    by_lower = {c.lower(): c for c in kb.certifications}
    if t.lower() in by_lower:
        return by_lower[t.lower()]
    head = t.split("—")[0].strip().lower()
    if head in by_lower:
        return by_lower[head]
    if head.isalnum():
        code = engine.index.code_for(head, True)
        if code:
            return code
    choices = certification_choices(engine, t)
    if choices:
        code = choices[0][1]
        keys = [code, kb.certifications[code].name, *kb.certifications[code].aliases]
        if max(fuzz.WRatio(t.lower(), k.lower()) for k in keys) >= 75:
            return code
    return None


def resolve_role(engine: Engine, text: str) -> str | None:
    kb = engine.knowledge
    t = (text or "").strip()
    if not t:
        return None
    if t in kb.roles:
        return t
    for r in kb.roles.values():
        if r.title.lower() == t.lower() or t.lower() in (a.lower() for a in r.aliases):
            return r.id
    choices = role_choices(engine, t)
    if choices:
        rid = choices[0][1]
        r = kb.roles[rid]
        if max(fuzz.WRatio(t.lower(), k.lower()) for k in [r.title, rid, *r.aliases]) >= 75:
            return rid
    return None


def parse_have(engine: Engine, text: str | None) -> tuple[list[str], list[str]]:
    """``have`` = certifications already held, comma/space separated: (known codes, unknown words)."""
    known: list[str] = []
    unknown: list[str] = []
    for part in re.split(r"[,;/]+|\s+and\s+", text or ""):
        part = part.strip()
        if not part:
            continue
        code = resolve_certification(engine, part)
        if code is None and " " in part:
            codes = [resolve_certification(engine, w) for w in part.split()]
            found = [c for c in codes if c is not None]
            if len(found) == len(codes):
                known.extend(c for c in found if c not in known)
                continue
        if code is None:
            unknown.append(part)
        elif code not in known:
            known.append(code)
    return known, unknown


def _unknown(engine: Engine, question: str, reason: str, detail: str, alternatives: tuple[tuple[str, str], ...] = ()) -> Answer:
    return compose(question, Match("none", confidence=1.0, reason=reason, detail=detail, alternatives=alternatives), engine.knowledge)


def certification_answer(engine: Engine, code_text: str) -> Answer:
    question = f"/certification {code_text}"
    code = resolve_certification(engine, code_text)
    if code is None:
        alts = tuple(("cert", v) for _, v in certification_choices(engine, code_text)[:3])
        return _unknown(engine, question, "unknown_cert", code_text.strip().upper() or "that", alts)
    return compose(question, Match("certification", certifications=(code,), confidence=1.0), engine.knowledge)


def role_answer(engine: Engine, name: str, section: str | None = None) -> Answer:
    question = f"/role {name}" + (f" {section}" if section else "")
    rid = resolve_role(engine, name)
    if rid is None:
        alts = tuple(("role", v) for _, v in role_choices(engine, name)[:3])
        return _unknown(engine, question, "unknown_role", name.strip(), alts)
    sec = section if section in SECTIONS else "overview"
    return compose(question, Match("role", role=rid, section=sec, confidence=1.0), engine.knowledge)


def list_answer(engine: Engine, role: str | None = None) -> Answer:
    question = "/certifications" + (f" {role}" if role else "")
    rid = None
    if role:
        rid = resolve_role(engine, role)
        if rid is None:
            alts = tuple(("role", v) for _, v in role_choices(engine, role)[:3])
            return _unknown(engine, question, "unknown_role", role.strip(), alts)
    return compose(question, Match("list_certifications", role=rid, confidence=1.0), engine.knowledge)


def pathway_answer(engine: Engine, role: str, focus: str | None = None, have: str | None = None) -> Answer:
    question = f"/pathway {role}" + (f" focus: {focus}" if focus else "") + (f" have: {have}" if have else "")
    rid = resolve_role(engine, role)
    if rid is None:
        alts = tuple(("role", v) for _, v in role_choices(engine, role)[:3])
        return _unknown(engine, question, "unknown_role", role.strip(), alts)
    held, _unknown_codes = parse_have(engine, have)
    analysis = analyze(focus or "", engine.index)
    t = tailor(rid, analysis, engine.index, held=held)
    m = Match("pathway", role=rid, certifications=t.order, held=t.held, focus=t.focus, focus_words=t.focus_words, confidence=1.0)
    return compose(question, m, engine.knowledge)


def choice_answer(engine: Engine, kind: str, ident: str) -> Answer | None:
    """The answer for a "did you mean" pick; None when it no longer exists."""
    kb = engine.knowledge
    if kind == "cert" and ident in kb.certifications:
        return compose(f"/certification {ident}", Match("certification", certifications=(ident,), confidence=1.0), kb)
    if kind == "role" and ident in kb.roles:
        return compose(f"/role {ident}", Match("role", role=ident, section="overview", confidence=1.0), kb)
    return None


def role_title(engine: Engine, rid: str | None) -> str | None:
    r = engine.knowledge.roles.get(rid) if rid else None
    return r.title if r else None
