"""Order certifications by what the member says about themselves.

Relevance is the summed weight of the member's distinctive words found in each
certification's own text (name, description, aliases, and this role's sentence on why it
matters), so a certification added to ``knowledge/`` is tailored like any other.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine import lexicon
from bot.engine.analyze import Analysis, cue_stems
from bot.engine.index import Index
from bot.engine.normalize import stem

SETTING_WEIGHT = 0.3  # "at my hospital" says where, not what the member cares about
TITLE_WORD_WEIGHT = 0.5  # "pharmacist", "manager": the member's job title, weaker than their work
MARGIN = 1.15  # the best certification must beat the next by this factor to be put first
BRIDGE_WEIGHT = 0.3  # words borrowed from the role's own text (see _bridge)


@dataclass(frozen=True)
class Tailored:
    order: tuple[str, ...]  # remaining steps, focus first
    focus: str | None
    focus_words: tuple[str, ...]
    held: tuple[str, ...]


def _focus_stems(a: Analysis, exclude: set[str]) -> list[str]:
    exclude = exclude | a.unwanted
    cues = cue_stems()
    return [s for s in a.stems if s not in exclude and s not in cues]


def _score(stems: list[str], doc: frozenset[str], a: Analysis, ix: Index) -> tuple[float, list[str]]:
    hits = [s for s in dict.fromkeys(stems) if s in doc]
    score = sum(ix.weight(s) * _emphasis(s, a) * stems.count(s) for s in hits)
    return score, hits


def _emphasis(s: str, a: Analysis) -> float:
    """Where the member works, or their job title ("staff pharmacist"), says less about what
    they care about than what they do ("I love safety work")."""
    if s in a.setting:
        return SETTING_WEIGHT
    return TITLE_WORD_WEIGHT if s in _HEAD_STEMS else 1.0


def rank_certs(codes: list[str], a: Analysis, ix: Index, exclude: set[str] = frozenset(), with_scores: bool = False):
    """``codes`` by relevance to the question; ties keep the order given."""
    stems = _focus_stems(a, exclude)
    scored = []
    for i, code in enumerate(codes):
        score, _ = _score(stems, ix.cert_docs[code], a, ix)
        name = ix.cert_names[code]
        if name:
            total = sum(ix.weight(t) for t in name) or 1.0
            score += 1.5 * sum(ix.weight(t) for t in name if t in stems) / total
        scored.append((score, -i, code))
    scored.sort(reverse=True)
    if with_scores:
        return [(c, s) for s, _, c in scored if s > 0]
    return [c for _, _, c in scored]


def tailor(role_id: str, a: Analysis, ix: Index, restrict: list[str] | None = None, held: list[str] | None = None, exclude: set[str] = frozenset()) -> Tailored:
    """The role's steps minus held ones, the most relevant to the member first."""
    role = ix.knowledge.roles[role_id]
    held_t = tuple(c for c in (held or []) if c in {s.certification for s in role.pathway})
    steps = [s.certification for s in role.pathway if s.certification not in held_t]
    stems = _focus_stems(a, set(exclude))
    docs = {code: ix.step_docs.get((role_id, code), ix.cert_docs.get(code, frozenset())) for code in steps}
    scored = [(code, *_score(stems, docs[code], a, ix)) for code in steps]
    if not any(score for _, score, _ in scored):  # nothing said matches directly: try the role's own words
        bridge = _bridge(stems, role_id, docs, ix)
        scored = [(code, sum(BRIDGE_WEIGHT * ix.weight(s) for s in bridge if s in docs[code]), hits) for code, _, hits in scored]
    ranked = sorted(((0.0 if restrict and code not in restrict else score, code, hits) for code, score, hits in scored), key=lambda x: -x[0])
    if ranked and ranked[0][0] > 0 and (len(ranked) == 1 or ranked[0][0] >= MARGIN * ranked[1][0]):
        focus, words = ranked[0][1], ranked[0][2]
        order = (focus,) + tuple(c for c in steps if c != focus)
        surface = tuple(dict.fromkeys(said for w, said in zip(a.words, a.said) if stem(w) in words))
        return Tailored(order, focus, surface, held_t)
    return Tailored(tuple(steps), None, (), held_t)


def _bridge(stems: list[str], role_id: str, docs: dict[str, frozenset[str]], ix: Index) -> set[str]:
    """Words the role's page uses next to the member's words that no certification text has.

    "heparin and insulin are my thing" matches no certification, but the role's page speaks of
    "insulin, opioids ... and other high-alert drugs"; borrowing "high-alert" from that
    passage lets the high-alert medication certification come first.
    """
    known = frozenset().union(*docs.values()) if docs else frozenset()
    orphans = {s for s in stems if s not in known and ix.weight(s) >= 1.0}
    if not orphans:
        return set()
    borrowed: set[str] = set()
    for i in ix.role_passages.get(role_id, ()):
        p = ix.passages[i]
        if orphans & p.stems:
            borrowed |= p.stems & known
    return borrowed - set(stems)


_HEAD_STEMS = frozenset(stem(w) for w in lexicon.ROLE_HEADS)


