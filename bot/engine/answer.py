"""Compose a structured answer from a match, using only what ``knowledge/`` says.

The answer is data (title, summary, facts, pathway steps, notes, sources), rendered later as
plain text for the console or as an embed for Discord. Every fact names the file it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine.match import Match
from bot.knowledge.model import FaqEntry, Knowledge, Role

SECTION_LABELS = {"overview": "Overview", "responsibilities": "Core responsibilities", "day_in_the_life": "A day in the life"}


@dataclass(frozen=True)
class Fact:
    name: str
    value: str


@dataclass(frozen=True)
class Step:
    code: str
    name: str
    why: str
    focus: bool = False


@dataclass(frozen=True)
class Alternative:
    kind: str  # "role" or "cert"
    id: str
    label: str


@dataclass(frozen=True)
class Answer:
    question: str
    intent: str
    role: str | None = None
    certifications: tuple[str, ...] = ()
    section: str | None = None
    faq: str | None = None
    confidence: float = 0.0
    title: str = ""
    summary: str = ""
    facts: tuple[Fact, ...] = ()
    steps: tuple[Step, ...] = ()
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    reason: str = ""  # why the bot could not answer (intent "none"; "thanks" is a thank-you, not a question)
    stage: str = ""  # the decision stage that chose this answer (see bot/engine/stages.py)
    held: tuple[str, ...] = ()  # certifications the member said they hold
    focus: str | None = None  # the pathway step put first for what the member said
    focus_words: tuple[str, ...] = ()  # the member's words it was put first for
    listed: tuple[str, ...] = ()  # the ids a list answer shows, in its order
    read_as: str = ""  # a follow-up's self-contained rewrite, when the conversation supplied its subject

    @property
    def answered(self) -> bool:
        return self.intent not in ("none",)


@dataclass
class _Draft:
    title: str = ""
    summary: str = ""
    facts: list[Fact] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sources: dict[str, None] = field(default_factory=dict)  # ordered set

    def source(self, path: str) -> None:
        if path:
            self.sources[path] = None


def what_i_know(kb: Knowledge) -> str:
    """The pointer every refusal ends with: what the bot *can* answer."""
    roles = ", ".join(r.title for r in list(kb.roles.values())[:6]) or "none yet"
    more = f" and {len(kb.roles) - 6} more" if len(kb.roles) > 6 else ""
    codes = ", ".join(list(kb.certifications)[:10]) + (" …" if len(kb.certifications) > 10 else "")
    example = next(iter(kb.roles.values()), None)
    ask = f' Try "what does {_a(example.title)} {example.title.lower()} do?" or /help.' if example else " Try /help."
    return f"I can tell you about the council's career spotlights ({roles}{more}), their certifications ({codes or 'none yet'}) and suggested certification pathways.{ask}"


def _a(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


_REFUSALS = {
    "empty": "I didn't catch a question there.",
    "injection": "I only answer career questions from the council's knowledge base, and I don't follow instructions given in messages.",
    "clinical": "I can't help with clinical questions such as doses, drug interactions, side effects or treatment: I don't give medical advice. Please ask a pharmacist or prescriber, or use your institution's clinical references.",
    "off_topic": "I can't answer that from the council's knowledge base.",
    "ambiguous": "I'm not sure which one you mean.",
    "needs_context": "I'm not sure what that refers to: we haven't talked about a role or certification yet. Which one do you mean?",
}


def compose(question: str, m: Match, kb: Knowledge) -> Answer:
    d = _Draft()
    alternatives = tuple(alt for kind, ident in m.alternatives if (alt := _alternative(kind, ident, kb)) is not None)
    role = kb.roles.get(m.role) if m.role else None
    entry = kb.faqs.get(m.faq) if m.faq else None
    listed: tuple[str, ...] = ()
    if m.intent == "certification":
        _certifications(m, kb, d)
    elif m.intent == "role" and role:
        _role(role, m.section or "overview", d)
    elif m.intent == "pathway" and role:
        _pathway(role, m, kb, d)
    elif m.intent == "list_certifications":
        listed = _list_certifications(kb, d, kb.roles.get(m.role) if m.role else None)
    elif m.intent == "list_roles":
        listed = _list_roles(kb, d)
    elif m.intent == "faq" and entry:
        _faq(entry, kb, d)
    elif m.reason == "thanks":
        d.title = "You're welcome!"
        d.summary = "Glad to help. Ask me anything else about the council's career spotlights, certifications and pathways."
    elif m.intent == "help":
        _help(kb, d)
    else:
        _refusal(m, kb, d, alternatives)
    return Answer(
        question=question,
        intent=m.intent,
        role=m.role if m.intent in ("role", "pathway", "list_certifications", "none") else None,
        certifications=listed if m.intent == "list_certifications" else m.certifications,
        section=m.section if m.intent == "role" else None,
        faq=m.faq,
        confidence=round(float(m.confidence), 3),
        title=d.title,
        summary=d.summary,
        facts=tuple(d.facts),
        steps=tuple(d.steps),
        notes=tuple(d.notes),
        sources=tuple(d.sources),
        alternatives=alternatives,
        reason=m.reason,
        stage=m.stage,
        held=m.held,
        focus=m.focus,
        focus_words=m.focus_words,
        listed=listed,
    )


def _alternative(kind: str, ident: str, kb: Knowledge) -> Alternative | None:
    if kind == "role" and ident in kb.roles:
        return Alternative("role", ident, kb.roles[ident].title)
    if kind == "cert" and ident in kb.certifications:
        c = kb.certifications[ident]
        return Alternative("cert", ident, f"{c.code} — {c.name}")
    return None


def _certifications(m: Match, kb: Knowledge, d: _Draft) -> None:
    for i, code in enumerate(m.certifications[:3]):
        cert = kb.certifications[code]
        d.source(cert.file)
        if i == 0:
            d.title = f"{cert.code} — {cert.name}"
            d.summary = cert.description
        else:
            d.facts.append(Fact(f"{cert.code} — {cert.name}", cert.description or "(no description yet)"))
        for role in kb.roles_with_certification(code):
            step = next(s for s in role.pathway if s.certification == code)
            if step.why == cert.description and len(m.certifications) == 1:
                d.facts.append(Fact("On the pathway of", role.title))
            else:
                d.facts.append(Fact(f"{cert.code} on the {role.title} pathway", step.why))
            d.source(role.file)
    for code in m.held:
        d.notes.append(f"You mentioned you already hold {code}.")
    if len(m.certifications) > 1:
        d.notes.append("Also relevant: " + ", ".join(m.certifications[1:]) + ".")


def _role(role: Role, section: str, d: _Draft) -> None:
    d.source(role.file)
    if section == "responsibilities" and role.responsibilities:
        d.title = f"{role.title}: core responsibilities"
        d.facts.extend(Fact(r.name, r.description) for r in role.responsibilities)
    elif section == "day_in_the_life" and role.day_in_the_life:
        d.title = f"{role.title}: a day in the life"
        d.summary = role.day_intro
        d.facts.extend(Fact(f"{e.time}: {e.title}", e.description) for e in role.day_in_the_life)
    else:
        d.title = role.title
        d.summary = "\n\n".join(p for p in (role.tagline, *role.overview) if p)
    others = [label.lower() for key, label in SECTION_LABELS.items() if key != section and key != "overview"]
    d.notes.append(f"Ask me about its {', '.join(others + ['certification pathway'])} too.")


def _pathway(role: Role, m: Match, kb: Knowledge, d: _Draft) -> None:
    d.source(role.file)
    d.title = f"Certification pathway: {role.title}"
    d.summary = role.pathway_intro
    why = {s.certification: s.why for s in role.pathway}
    if m.held:
        held = ", ".join(m.held)
        d.notes.append(f"You already hold {held}, so {'it is' if len(m.held) == 1 else 'they are'} left out of the remaining steps.")
    if m.focus:
        said = ", ".join(f'"{w}"' for w in m.focus_words) or "what you said"
        d.notes.append(f"Because you mentioned {said}, {m.focus} comes first: its description on this pathway matches that best.")
    for code in m.certifications:
        cert = kb.certifications[code]
        d.source(cert.file)
        d.steps.append(Step(code, cert.name, why.get(code, cert.description), focus=code == m.focus))
    if not d.steps:
        d.notes.append("You already hold every certification on this pathway.")


LIST_LIMIT = 25  # a list answer names this many entries, then says how many more there are


def _list_certifications(kb: Knowledge, d: _Draft, role: Role | None) -> tuple[str, ...]:
    codes = [s.certification for s in role.pathway] if role else list(kb.certifications)
    d.title = f"Certifications on the {role.title} pathway" if role else f"Certifications I know ({len(codes)})"
    if len(codes) > LIST_LIMIT:
        d.notes.append(f"…and {len(codes) - LIST_LIMIT} more: ask about one by code or topic, or use /certifications.")
        codes = codes[:LIST_LIMIT]
    for code in codes:
        cert = kb.certifications[code]
        d.facts.append(Fact(f"{cert.code} — {cert.name}", cert.description))
        d.source(cert.file)
    if role:
        d.source(role.file)
    d.notes.append("Ask about any of them by code, e.g. " + (f'"what is {codes[0]}?"' if codes else '"what is …?"'))
    return tuple(codes)


def _list_roles(kb: Knowledge, d: _Draft) -> tuple[str, ...]:
    d.title = f"Career spotlights I know ({len(kb.roles)})"
    if len(kb.roles) > LIST_LIMIT:
        d.notes.append(f"…and {len(kb.roles) - LIST_LIMIT} more: ask about one by name, or use /role.")
    for role in list(kb.roles.values())[:LIST_LIMIT]:
        d.facts.append(Fact(role.title, role.tagline or (role.overview[0] if role.overview else "")))
        d.source(role.file)
    d.notes.append('Ask "what does a … do?" or "how do I become a …?" for any of them.')
    return tuple(list(kb.roles)[:LIST_LIMIT])


def _faq(entry: FaqEntry, kb: Knowledge, d: _Draft) -> None:
    d.source(entry.file)
    d.title = entry.questions[0]
    d.summary = entry.answer
    related = [kb.roles[r].title for r in entry.roles if r in kb.roles] + list(entry.certifications)
    if related:
        d.notes.append("Related: " + ", ".join(related) + ".")


def _help(kb: Knowledge, d: _Draft) -> None:
    d.title = "Career assistant of the Council on Pharmacy Standards"
    d.summary = what_i_know(kb)
    role = next(iter(kb.roles.values()), None)
    code = next(iter(kb.certifications), None)
    examples = []
    if role:
        t = role.title.lower()
        examples += [f"what does {_a(t)} {t} do?", f"how do I become {_a(t)} {t}? I love safety work"]
    if code:
        examples.append(f"what is {code}?")
    examples += ["which certifications do you know?", "which career paths are there?"]
    d.facts.append(Fact("Ask me in plain words", "\n".join(f"• {e}" for e in examples)))
    d.facts.append(Fact("Slash commands", "/certifications, /certification, /role, /pathway, /ask, /help"))
    d.notes.append("I answer only from the council's knowledge base and never give clinical advice.")


def _refusal(m: Match, kb: Knowledge, d: _Draft, alternatives: tuple[Alternative, ...]) -> None:
    if alternatives and m.reason in ("ambiguous", "unknown_cert"):
        d.title = "Did you mean…?"
        d.summary = ("I'm not sure which one you mean." if m.reason == "ambiguous" else f"I don't know {m.detail}.") + " Did you mean: " + "; ".join(a.label for a in alternatives) + "?"
        return
    d.title = "I can't answer that"
    if m.reason == "missing_fact":
        lead = f"I can't answer that: the knowledge base has no information about {m.detail}."
    elif m.reason == "unknown_cert":
        lead = f"I can't answer that: {m.detail} is not a certification in the council's knowledge base."
    elif m.reason == "unknown_role":
        what = f"a {m.detail}" if m.detail else "that role"
        lead = f"I can't answer that: there is no career spotlight for {what} in the knowledge base."
    else:
        lead = _REFUSALS.get(m.reason, _REFUSALS["off_topic"])
    if alternatives:
        lead += " Did you mean: " + "; ".join(a.label for a in alternatives) + "?"
    d.summary = lead
    d.notes.append(what_i_know(kb))
