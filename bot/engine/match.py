"""Decide what a question asks (intent) and about what (role, certifications, section).

One flow: the question is read once into immutable ``Evidence``, then the declared ``STAGES``
run in order until one decides. ``trace`` runs the same stages and records each verdict, which
``career-bot ask --explain`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.engine.evidence import Evidence, read
from bot.engine.index import Index
from bot.engine.stages import STAGES, Stage, off_topic
from bot.engine.verdict import Match


def decide(ev: Evidence, ix: Index, stages: tuple[Stage, ...] = STAGES) -> Match:
    for stage in stages:
        m = stage.decide(ev, ix)
        if m is not None:
            return leave_out(replace(m, stage=stage.name), ev)
    return replace(off_topic(ev, ix) or Match("none"), stage="off_topic")


def leave_out(m: Match, ev: Evidence) -> Match:
    """What the member set aside ("besides CHPOP, what other certs …") is not the answer: it is
    left out of a pathway's steps and of the certifications shown, when something else remains."""
    if not ev.set_aside or m.intent not in ("pathway", "certification"):
        return m
    kept = tuple(c for c in m.certifications if c not in ev.set_aside)
    if not kept:
        return m
    gone = tuple(c for c in m.certifications if c in ev.set_aside)
    focus = m.focus if m.focus in kept else None
    return replace(m, certifications=kept, set_aside=gone, held=tuple(c for c in m.held if c not in ev.set_aside), focus=focus, focus_words=m.focus_words if focus else ())


def match(question: str, ix: Index) -> Match:
    return decide(read(question, ix), ix)


@dataclass(frozen=True)
class Trace:
    evidence: Evidence
    verdicts: tuple[tuple[str, str, Match | None], ...]  # (stage, what it checks, its decision or None)
    match: Match


def trace(question: str, ix: Index) -> Trace:
    """Every stage's verdict in order, up to the one that decides."""
    ev = read(question, ix)
    verdicts: list[tuple[str, str, Match | None]] = []
    for stage in STAGES:
        m = stage.decide(ev, ix)
        verdicts.append((stage.name, stage.about, m))
        if m is not None:
            return Trace(ev, tuple(verdicts), leave_out(replace(m, stage=stage.name), ev))
    return Trace(ev, tuple(verdicts), decide(ev, ix))


__all__ = ["Match", "Trace", "decide", "leave_out", "match", "trace"]
