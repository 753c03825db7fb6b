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
            return replace(m, stage=stage.name)
    return replace(off_topic(ev, ix) or Match("none"), stage="off_topic")


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
            return Trace(ev, tuple(verdicts), replace(m, stage=stage.name))
    return Trace(ev, tuple(verdicts), decide(ev, ix))


__all__ = ["Match", "Trace", "decide", "match", "trace"]
