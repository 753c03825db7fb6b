"""Follow-up offers under an answer, and the answers they lead to (no discord.py here).

Like Azure's multi-turn prompts: a role answer offers its other sections and its pathway; a
certification offers the pathways of the roles that include it; a pathway offers each step's
certification; a comparison offers each side; related roles a moderator linked become "See
also". An offer is small plain data (kind, id, section) that fits a button's ``custom_id``,
so it still works after a restart: pressing it asks for exactly that, in the member's
conversation (a pathway stays tailored to what they said they hold and care about).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.discord_app import lookup
from bot.engine import Engine
from bot.engine.answer import SECTION_LABELS, Answer, compose
from bot.engine.conversation import Context
from bot.engine.match import Match

MAX_OFFERS = 5  # one row of buttons
ROLE, PATHWAY, CERT, HELP = "r", "p", "c", "h"
SECTION_CODES = {"overview": "o", "responsibilities": "r", "day_in_the_life": "d"}
SECTIONS = {code: name for name, code in SECTION_CODES.items()}


@dataclass(frozen=True)
class Offer:
    kind: str  # ROLE (a section of it), PATHWAY (of a role), CERT, HELP ("What can you do?")
    ident: str = ""  # role id or certification code
    section: str = ""  # for ROLE: a key of SECTION_CODES
    label: str = ""

    @property
    def custom_id(self) -> str:
        parts = ["cb:fu", self.kind] + ([self.ident] if self.ident else []) + ([SECTION_CODES[self.section]] if self.section else [])
        return ":".join(parts)


HELP_OFFER = Offer(HELP, label="What can you do?")


def offers(answer: Answer, engine: Engine) -> list[Offer]:
    """What to offer under ``answer`` (at most ``MAX_OFFERS``, never the answer itself)."""
    kb = engine.knowledge
    out: list[Offer] = []
    role = kb.roles.get(answer.role) if answer.role else None
    if answer.intent == "role" and role and len(answer.columns) < 2:
        shown = answer.section or "overview"
        has = {"overview": True, "responsibilities": bool(role.responsibilities), "day_in_the_life": bool(role.day_in_the_life)}
        out += [Offer(ROLE, role.id, s, label) for s, label in SECTION_LABELS.items() if s != shown and has[s]]
        if role.pathway:
            out.append(Offer(PATHWAY, role.id, label="Certification pathway"))
    elif answer.intent == "role" and len(answer.columns) >= 2:
        by_title = {r.title: r for r in kb.roles.values() if r.title in {c.title for c in answer.columns}}
        out += [Offer(ROLE, by_title[c.title].id, "overview", c.title) for c in answer.columns if c.title in by_title]
    elif answer.intent == "certification" and len(answer.columns) >= 2:
        out += [Offer(CERT, code, label=code) for code in answer.certifications[:2] if code in kb.certifications]
    elif answer.intent == "certification" and answer.certifications and answer.certifications[0] in kb.certifications:
        out += [Offer(PATHWAY, r.id, label=f"Pathway: {r.title}") for r in kb.roles_with_certification(answer.certifications[0])]
    elif answer.intent == "pathway":
        out += [Offer(CERT, step.code, label=step.code) for step in answer.steps]
    return out[:MAX_OFFERS]


def see_also(answer: Answer) -> list[Offer]:
    """Related roles a moderator linked to what the answer is about."""
    return [Offer(ROLE, alt.id, "overview", f"See also: {alt.label}") for alt in answer.see_also if alt.kind == "role"][:MAX_OFFERS]


def answer_for(engine: Engine, offer: Offer, context: Context) -> Answer | None:
    """The answer an offer leads to; None when what it points at left the knowledge."""
    kb = engine.knowledge
    if offer.kind == HELP:
        return compose("/help", Match("help", confidence=1.0), kb)
    if offer.kind == CERT:
        return lookup.certification_answer(engine, offer.ident) if offer.ident in kb.certifications else None
    role = kb.roles.get(offer.ident)
    if role is None:
        return None
    if offer.kind == PATHWAY:
        held = ", ".join(context.held) if context.role == role.id else ""
        focus = context.focus if context.role == role.id else ""
        return lookup.pathway_answer(engine, role.id, focus or None, held or None)
    return lookup.role_answer(engine, role.id, offer.section or "overview")
