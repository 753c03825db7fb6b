"""What a stage decides: the ``Match`` (intent, subject, confidence) and which stage decided it."""

from __future__ import annotations

from dataclasses import dataclass

# two pathways asked about together ("do they share any certs"), both shown: with certifications in common, or none
TWO_PATHWAYS = frozenset({"in_common", "nothing_shared"})


@dataclass(frozen=True)
class Match:
    intent: str
    role: str | None = None
    certifications: tuple[str, ...] = ()
    section: str | None = None
    faq: str | None = None
    confidence: float = 0.0
    reason: str = ""  # why "none": thanks, empty, injection, clinical, missing_fact, unknown_cert, unknown_role, ambiguous, off_topic, needs_context; for intent pathway, TWO_PATHWAYS
    detail: str = ""  # the facet, unknown code or unknown role phrase behind a "none" (or the word read as a code)
    alternatives: tuple[tuple[str, str], ...] = ()  # ("role"|"cert", id) did-you-mean candidates
    held: tuple[str, ...] = ()
    focus: str | None = None
    focus_words: tuple[str, ...] = ()
    later: tuple[str, ...] = ()  # pathway steps put after the rest for what the member would rather not do
    later_words: tuple[str, ...] = ()  # the member's words they were put back for
    stage: str = ""  # the stage that decided
    why: str = ""  # the evidence and scores behind the decision, for --explain
    shape: str = ""  # "compare": two side by side; "order": which of them first; "opinion": "is it worth it?" (no page rates that); "typo": a code read from a word a letter away (detail); "field": a field outside pharmacy, not a job (detail); "goal": a job no page is about, asked the way to (detail); "step": one step of a pathway (role), its place (detail); "fewest"/"most": the pathway of the roles weighed (also) with the fewest (most) certifications left; "tie_fewest"/"tie_most": the first named of those that tie
    also: tuple[str, ...] = ()  # the other role of a comparison; the certifications an order question names
    set_aside: tuple[str, ...] = ()  # certifications the member set aside ("besides CHPOP …"), left out


def refuse(reason: str, confidence: float, detail: str = "", alternatives: tuple[tuple[str, str], ...] = (), why: str = "") -> Match:
    return Match("none", confidence=confidence, reason=reason, detail=detail, alternatives=alternatives, why=why)
