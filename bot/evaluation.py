"""`career-bot eval`: score the engine on a question set, or on a set of conversations (the
shared dev-set formats).

A question is right ("top1") when the intent is acceptable and, where the set says so, the
role (for role/pathway answers) and first certification (for certification answers) are;
"full" also checks the section (role answers) and the tailored first step (pathway answers).
A conversation's turns are judged the same way, each answered with the context of the turns
before it; they are scored by kind (opener, follow, switch, none, cold) and a conversation
counts as right only when every turn is.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.engine import Answer, Engine

CATEGORY_ORDER = ("certification", "role", "pathway", "list", "faq", "help", "none")
INTENTS = ("certification", "role", "pathway", "list_certifications", "list_roles", "faq", "help", "none")
_CATEGORY_OF_INTENT = {"list_certifications": "list", "list_roles": "list"}


class SetError(Exception):
    """The question set file is unusable; the message says where."""


@dataclass
class Item:
    id: str
    q: str
    intents: list[str]
    category: str
    role: list[str] | None = None
    cert: list[str] | None = None
    section: list[str] | None = None
    focus_first: list[str] | None = None


@dataclass
class Verdict:
    item: Item
    answer: Answer
    top1: bool
    full: bool


KINDS = ("opener", "follow", "switch", "none", "cold")


@dataclass
class Conversation:
    id: str
    turns: list[tuple[str, Item]]  # (kind, what the turn asks and expects)


def _as_list(v: Any) -> list[str] | None:
    if v is None:
        return None
    return [str(x) for x in v] if isinstance(v, (list, tuple)) else [str(v)]


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise SetError(f"{path}: cannot read: {e}") from None
    except yaml.YAMLError as e:
        raise SetError(f"{path}: not valid YAML: {e}") from None


def is_conversation_set(path: Path) -> bool:
    data = _read(path)
    return isinstance(data, dict) and "conversations" in data


def _item(raw: Any, where: str, default_id: str) -> Item:
    if not isinstance(raw, dict) or not isinstance(raw.get("q"), str) or not raw["q"].strip():
        raise SetError(f"{where}: needs a non-empty `q`")
    intents = _as_list(raw.get("intents"))
    if not intents or any(x not in INTENTS for x in intents):
        raise SetError(f"{where}: `intents` must list some of {', '.join(INTENTS)}")
    category = raw.get("category") or _CATEGORY_OF_INTENT.get(intents[0], intents[0])
    return Item(str(raw.get("id", default_id)), raw["q"], intents, category, _as_list(raw.get("role")), _as_list(raw.get("cert")), _as_list(raw.get("section")), _as_list(raw.get("focus_first")))


def load_conversations(path: Path) -> list[Conversation]:
    data = _read(path)
    raw = data.get("conversations") if isinstance(data, dict) else None
    if not isinstance(raw, list) or not raw:
        raise SetError(f"{path}: expected a mapping with a non-empty `conversations:` list")
    out = []
    for ci, c in enumerate(raw, 1):
        cid = str(c.get("id", ci)) if isinstance(c, dict) else str(ci)
        turns = c.get("turns") if isinstance(c, dict) else None
        if not isinstance(turns, list) or not turns:
            raise SetError(f"{path}: conversation {cid}: needs a non-empty `turns:` list")
        parsed = []
        for ti, t in enumerate(turns, 1):
            where = f"{path}: conversation {cid}, turn {ti}"
            kind = t.get("kind") if isinstance(t, dict) else None
            if kind not in KINDS:
                raise SetError(f"{where}: `kind` must be one of {', '.join(KINDS)}")
            parsed.append((str(kind), _item(t, where, f"{cid}.{ti}")))
        out.append(Conversation(cid, parsed))
    return out


def load_set(path: Path) -> list[Item]:
    data = _read(path)
    if isinstance(data, dict):
        data = data.get("questions")
    if not isinstance(data, list) or not data:
        raise SetError(f"{path}: expected a list of questions (or a mapping with `questions:`)")
    return [_item(raw, f"{path}: item {i}", str(i)) for i, raw in enumerate(data, 1)]


def judge(item: Item, a: Answer) -> Verdict:
    first = a.certifications[0] if a.certifications else None
    top1 = a.intent in item.intents
    if top1 and item.role and a.intent in ("role", "pathway"):
        top1 = a.role in item.role
    if top1 and item.cert and a.intent == "certification":
        top1 = first in item.cert
    full = top1
    if full and item.section and a.intent == "role":
        full = a.section in item.section
    if full and item.focus_first and a.intent == "pathway":
        full = first in item.focus_first
    return Verdict(item, a, top1, full)


def evaluate(engine: Engine, items: list[Item]) -> list[Verdict]:
    return [judge(it, engine.ask(it.q)) for it in items]


def evaluate_conversations(engine: Engine, conversations: list[Conversation]) -> list[list[tuple[str, Verdict]]]:
    """Each conversation's turns, answered in order with the context of the turns before."""
    out = []
    for c in conversations:
        context = None
        verdicts = []
        for kind, item in c.turns:
            answer, context = engine.converse(item.q, context)
            verdicts.append((kind, judge(item, answer)))
        out.append(verdicts)
    return out


def conversation_metrics(results: list[list[tuple[str, Verdict]]]) -> dict[str, float | None]:
    turns = [(k, v) for conv in results for k, v in conv]
    m: dict[str, float | None] = {"overall": _mean([v.full for _, v in turns])}
    for kind in KINDS:
        m[kind] = _mean([v.full for k, v in turns if k == kind])
    m["conversations"] = _mean([all(v.full for _, v in conv) for conv in results])
    return m


def conversation_report(conversations: list[Conversation], results: list[list[tuple[str, Verdict]]]) -> str:
    turns = [(k, v) for conv in results for k, v in conv]
    lines = [f"{'turn kind':<16}{'n':>5}{'top1':>8}{'full':>8}"]
    for kind in KINDS:
        vs = [v for k, v in turns if k == kind]
        if vs:
            lines.append(f"{kind:<16}{len(vs):>5}{_mean([v.top1 for v in vs]):>8.3f}{_mean([v.full for v in vs]):>8.3f}")
    wrong = [(c, r) for c, r in zip(conversations, results) if not all(v.full for _, v in r)]
    if wrong:
        lines += ["", f"conversations with a wrong turn ({len(wrong)}):"]
        for c, r in wrong:
            lines.append(f"  [{c.id}]")
            for kind, v in r:
                a = v.answer
                mark = "ok" if v.full else "XX"
                lines.append(f"    {mark} {kind:<7} {v.item.q}" + (f"\n         read as: {a.read_as}" if a.read_as and not v.full else ""))
                if not v.full:
                    lines.append(f"         got  {a.intent} role={a.role} certs={','.join(a.certifications) or '-'} section={a.section}")
                    lines.append(f"         want {'|'.join(v.item.intents)} role={v.item.role} cert={v.item.cert} section={v.item.section} focus={v.item.focus_first}")
    m = conversation_metrics(results)
    lines += ["", " ".join(f"{k}={'n/a' if x is None else f'{x:.3f}'}" for k, x in m.items()) + f" turns={len(turns)} n={len(results)}"]
    return "\n".join(lines)


def _mean(xs: list[bool]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def metrics(verdicts: list[Verdict]) -> dict[str, float | None]:
    return {
        "overall": _mean([v.full for v in verdicts]),
        "inscope": _mean([v.top1 for v in verdicts if v.item.category != "none"]),
        "none": _mean([v.top1 for v in verdicts if v.item.category == "none"]),
        "section": _mean([v.full for v in verdicts if v.item.section]),
        "focus": _mean([v.full for v in verdicts if v.item.focus_first]),
    }


def report(verdicts: list[Verdict]) -> str:
    groups: OrderedDict[str, list[Verdict]] = OrderedDict((c, []) for c in CATEGORY_ORDER)
    for v in verdicts:
        groups.setdefault(v.item.category, []).append(v)
    lines = [f"{'category':<16}{'n':>5}{'top1':>8}{'full':>8}"]
    for cat, vs in groups.items():
        if vs:
            lines.append(f"{cat:<16}{len(vs):>5}{_mean([v.top1 for v in vs]):>8.3f}{_mean([v.full for v in vs]):>8.3f}")
    misses = [v for v in verdicts if not v.full]
    if misses:
        lines.append("")
        lines.append(f"misses ({len(misses)}):")
        for v in misses:
            a = v.answer
            got = f"{a.intent} role={a.role} certs={','.join(a.certifications) or '-'} section={a.section}"
            want = f"{'|'.join(v.item.intents)} role={v.item.role} cert={v.item.cert} section={v.item.section} focus={v.item.focus_first}"
            lines.append(f"  [{v.item.id}] {v.item.q}\n      got  {got}\n      want {want}")
    m = metrics(verdicts)
    lines.append("")
    lines.append(" ".join(f"{k}={'n/a' if x is None else f'{x:.3f}'}" for k, x in m.items()) + f" n={len(verdicts)}")
    return "\n".join(lines)
