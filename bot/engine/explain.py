"""``career-bot ask --explain``: the evidence a question was read into, and every stage's verdict."""

from __future__ import annotations

from bot.engine.index import Index
from bot.engine.match import Trace, trace


def _roles(t: Trace) -> str:
    ev = t.evidence
    shown = [f"{rid} {score:.2f}" for score, rid in ev.roles[:4]]
    return ", ".join(shown) or "none"


def explain(question: str, ix: Index) -> str:
    t = trace(question, ix)
    ev, a = t.evidence, t.evidence.a
    lines = [
        f"question: {question}",
        f"words:    {a.text}",
        f"stems:    {' '.join(a.stems)}",
        f"codes:    {', '.join(ev.codes) or '-'}" + (f"   unknown: {', '.join(a.unknown_codes)}" if a.unknown_codes else "") + (f"   held: {', '.join(ev.held)}" if ev.held else ""),
        f"roles:    {_roles(t)}" + (f"   subject: {ev.role_best} {ev.role_score:.2f}" if ev.role_best else ""),
        "cues:     " + (", ".join(f"{k}={v!r}" for k, v in ev.hits.items()) or "-"),
    ]
    if "described" in ev.__dict__ and ev.described:
        lines.append(f"described role: {ev.described}")
    lines.append("stages:")
    for name, about, m in t.verdicts:
        if m is None:
            lines.append(f"  - {name:<20} pass   ({about})")
        else:
            what = m.intent + (f" role={m.role}" if m.role else "") + (f" certs={','.join(m.certifications)}" if m.certifications else "")
            what += (f" section={m.section}" if m.section else "") + (f" faq={m.faq}" if m.faq else "") + (f" reason={m.reason}" if m.reason else "")
            lines.append(f"  * {name:<20} DECIDES {what} (confidence {m.confidence:.2f})")
            if m.why:
                lines.append(f"      because: {m.why}")
    return "\n".join(lines)
