"""Compose a structured answer from a match, using only what ``knowledge/`` says.

The answer is data (title, summary, facts, pathway steps, side-by-side columns, notes, the
council's links and pages), rendered later as text for the console or as an embed for Discord.
Sentences are built here once, correct in the singular and the plural, with titles (never
slugs) and the member's own words only where they carry meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.engine.match import Match
from bot.engine.verdict import TWO_PATHWAYS
from bot.knowledge.model import Certification, FaqEntry, Knowledge, Role
from bot.wording import article, count, joined

SECTION_LABELS = {"overview": "Overview", "responsibilities": "Core responsibilities", "day_in_the_life": "A day in the life"}
LIST_LIMIT = 25  # a list answer names this many entries, then says how many more there are


WHAT_IT_SAYS = " Here is what it does say."  # before the card a partial refusal shows

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
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Page:
    """A council page an answer comes from, as a member knows it."""

    title: str
    url: str = ""


@dataclass(frozen=True)
class Column:
    """One side of a comparison."""

    title: str
    lines: tuple[str, ...]
    url: str = ""


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
    url: str = ""  # the council's page for what the answer is about, when the knowledge has one
    summary: str = ""
    reasons: tuple[str, ...] = ()  # why a pathway is ordered as it is: shown before its steps
    facts: tuple[Fact, ...] = ()
    steps: tuple[Step, ...] = ()
    columns: tuple[Column, ...] = ()  # a comparison, side by side
    notes: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()  # "More on the council's site"
    pages: tuple[Page, ...] = ()  # the sources as members know them (spotlight pages)
    sources: tuple[str, ...] = ()  # the knowledge files (for --json and moderators)
    alternatives: tuple[Alternative, ...] = ()
    see_also: tuple[Alternative, ...] = ()  # related roles a moderator linked
    pointer: str = ""  # what the bot can answer: shown with a refusal (once per conversation)
    reason: str = ""  # why the bot could not answer (intent "none"; "thanks" is a thank-you, not a question)
    stage: str = ""  # the decision stage that chose this answer (see bot/engine/stages.py)
    held: tuple[str, ...] = ()  # certifications the member said they hold
    focus: str | None = None  # the pathway step put first for what the member said
    focus_words: tuple[str, ...] = ()  # the member's words it was put first for
    later_words: tuple[str, ...] = ()  # the member's words of what they would rather not do, which put steps last
    listed: tuple[str, ...] = ()  # the ids a list answer shows, in its order
    read_as: str = ""  # a follow-up's self-contained rewrite, when the conversation supplied its subject
    parts: tuple["Answer", ...] = ()  # the answers to the other questions of the same message

    @property
    def answered(self) -> bool:
        return self.intent != "none"

    @property
    def rated(self) -> bool:
        """A real answer from the knowledge (worth a 👍/👎), not help, a refusal or a thank-you."""
        return self.intent not in ("none", "help")


# ---------------------------------------------------------------------------- wording helpers


def _quoted(words: tuple[str, ...] | list[str]) -> str:
    return joined([f'"{w}"' for w in words])


def what_i_know(kb: Knowledge) -> str:
    """The pointer a refusal carries: what the bot *can* answer."""
    example = next(iter(kb.roles.values()), None)
    ask = f' Try "what does {article(example.title.lower())} {example.title.lower()} do?" or /help.' if example else " Try /help."
    return (
        f"I can tell you about the council's {count(len(kb.roles), 'career spotlight')} and {count(len(kb.certifications), 'certification')}: "
        f"what a role does, its day, and its suggested certification pathway.{ask}"
    )


_REFUSALS = {
    "empty": "I didn't catch a question there.",
    "language": "I can only answer in English, sorry.",
    "injection": "I only answer career questions from the council's knowledge base, and I don't follow instructions given in messages.",
    "clinical": "I can't give clinical or medical advice (doses, interactions, side effects, treatment). Please ask a pharmacist or prescriber, or use your clinical references.",
    "off_topic": "I can't answer that from the council's knowledge base.",
    "ambiguous": "I'm not sure which one you mean.",
    "needs_context": "I'm not sure what that refers to: we haven't talked about a role or certification yet. Which one do you mean?",
    "unknown_role": "There is no career spotlight for that role in the knowledge base.",
}


# ---------------------------------------------------------------------------- the draft


@dataclass
class _Draft:
    kb: Knowledge
    title: str = ""
    url: str = ""
    summary: str = ""
    reasons: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    links: dict[Link, None] = field(default_factory=dict)
    pages: dict[Page, None] = field(default_factory=dict)
    sources: dict[str, None] = field(default_factory=dict)  # ordered set
    see_also: dict[Alternative, None] = field(default_factory=dict)
    pointer: str = ""

    def role_source(self, role: Role, main: bool = False) -> None:
        self.sources[role.file] = None
        url = role.links[0].url if role.links else ""
        self.pages[Page(f"{role.title} career spotlight", url)] = None
        if main:
            self.url = self.url or url
            for link in role.links:
                self.links[Link(link.label, link.url)] = None
            for rid in role.related_roles:
                other = self.kb.roles.get(rid)
                if other:
                    self.see_also[Alternative("role", other.id, other.title)] = None

    def cert_source(self, cert: Certification, main: bool = False) -> None:
        self.sources[cert.file] = None
        if main:
            self.url = self.url or (cert.links[0].url if cert.links else "")
            for link in cert.links:
                self.links[Link(link.label, link.url)] = None


def compose(question: str, m: Match, kb: Knowledge) -> Answer:
    d = _Draft(kb)
    alternatives = tuple(alt for kind, ident in m.alternatives if (alt := _alternative(kind, ident, kb)) is not None)
    role = kb.roles.get(m.role) if m.role else None
    entry = kb.faqs.get(m.faq) if m.faq else None
    listed: tuple[str, ...] = ()
    if m.intent == "certification" and m.shape in ("compare", "order") and len(m.certifications) >= 2:
        _compare_certifications(m, kb, d)
    elif m.intent == "certification" and m.certifications:
        _certification(m, kb, d)
    elif m.intent == "role" and role and m.shape == "compare" and m.also and m.also[0] in kb.roles:
        _compare_roles(role, kb.roles[m.also[0]], kb, d)
    elif m.intent == "role" and role:
        _role(role, m.section or "overview", d)
    elif m.intent == "pathway" and role and m.reason in TWO_PATHWAYS and m.also and m.also[0] in kb.roles:
        _two_pathways(role, kb.roles[m.also[0]], d)
    elif m.intent == "pathway" and role:
        _pathway(role, m, kb, d)
    elif m.intent == "list_certifications":
        listed = _list_certifications(kb, d, role)
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
        url=d.url,
        summary=d.summary,
        reasons=tuple(d.reasons),
        facts=tuple(d.facts),
        steps=tuple(d.steps),
        columns=tuple(d.columns),
        notes=tuple(d.notes),
        links=tuple(d.links),
        pages=tuple(d.pages),
        sources=tuple(d.sources),
        alternatives=alternatives,
        see_also=tuple(d.see_also),
        pointer=d.pointer,
        reason=m.reason,
        stage=m.stage,
        held=m.held,
        focus=m.focus,
        focus_words=m.focus_words,
        later_words=m.later_words if any(c in m.certifications for c in m.later) else (),
        listed=listed,
    )


def _alternative(kind: str, ident: str, kb: Knowledge) -> Alternative | None:
    if kind == "role" and ident in kb.roles:
        return Alternative("role", ident, kb.roles[ident].title)
    if kind == "cert" and ident in kb.certifications:
        c = kb.certifications[ident]
        return Alternative("cert", ident, f"{c.code} — {c.name}")
    return None


# ---------------------------------------------------------------------------- certifications


def _pathways_fact(cert: Certification, kb: Knowledge, d: _Draft) -> Fact | None:
    """One uniform fact: each role whose pathway has the certification, with that page's own
    sentence about it where the sentence says more than the description."""
    lines = []
    for role in kb.roles_with_certification(cert.code):
        step = next(s for s in role.pathway if s.certification == cert.code)
        lines.append(role.title if step.why == cert.description else f"{role.title}: {step.why}")
        d.role_source(role)
    if not lines:
        return None
    if len(lines) == 1:
        return Fact("On the pathway of", lines[0])
    return Fact("On the pathways of", "\n".join(f"• {line}" for line in lines))


def _certification(m: Match, kb: Knowledge, d: _Draft) -> None:
    code = m.certifications[0]
    cert = kb.certifications[code]
    d.cert_source(cert, main=True)
    d.title = f"{cert.code} — {cert.name}"
    d.summary = cert.description or "The knowledge base has no description of it yet."
    fact = _pathways_fact(cert, kb, d)
    if fact:
        d.facts.append(fact)
    for other in m.certifications[1:3]:
        c = kb.certifications[other]
        d.facts.append(Fact(f"Also relevant: {c.code} — {c.name}", c.description or "No description yet."))
        d.cert_source(c)
    if m.shape == "typo":
        d.notes.append(f'The council has no "{m.detail}": I read it as {cert.code}, the one code a letter away.')
    role = kb.roles.get(m.role or "") if m.shape == "step" else None
    if role is not None:
        d.notes.append(f"Step {m.detail} of {len(role.pathway)} on the {role.title} pathway.")
    if m.held:
        d.notes.append(f"You mentioned you already hold {joined(list(m.held))}.")
    if m.set_aside:
        d.notes.append(f"Leaving out {joined(list(m.set_aside))}, as you asked.")
    if m.shape == "opinion":
        d.notes.append("Whether it is worth it for you isn't something the council's pages rate: this is what it covers and whose pathways include it.")


def _compare_certifications(m: Match, kb: Knowledge, d: _Draft) -> None:
    codes = list(dict.fromkeys(m.certifications))[:2]
    certs = [kb.certifications[c] for c in codes]
    d.title = f"{certs[0].code} and {certs[1].code} side by side"
    d.summary = "What each one covers, in the council's own words."
    paths = [{r.id for r in kb.roles_with_certification(c.code)} for c in certs]
    both = paths[0] & paths[1]
    for cert, ids in zip(certs, paths):
        d.cert_source(cert)
        for rid in sorted(ids):
            d.role_source(kb.roles[rid])
        own = [kb.roles[r].title for r in sorted(ids - both)]  # shared pathways are said once, below
        lines = [cert.description or "No description yet."]
        if own:
            lines.append(("Also on the pathway of " if both else "On the pathway of " if len(own) == 1 else "On the pathways of ") + joined(own) + ".")
        d.columns.append(Column(f"{cert.code} — {cert.name}", tuple(lines), cert.links[0].url if cert.links else ""))
    shared = [kb.roles[r].title for r in sorted(both)]
    d.facts.append(Fact("In common", f"Both are on the {joined(shared)} pathway{'s' if len(shared) > 1 else ''}." if shared else "No role's pathway includes both."))
    if m.shape == "order":
        d.notes.append("The council's pages don't say which of them to take first.")


# ---------------------------------------------------------------------------- roles


def _role(role: Role, section: str, d: _Draft) -> None:
    d.role_source(role, main=True)
    if section == "responsibilities" and role.responsibilities:
        d.title = f"{role.title}: core responsibilities"
        d.facts.extend(Fact(r.name, r.description) for r in role.responsibilities)
    elif section == "day_in_the_life" and role.day_in_the_life:
        d.title = f"{role.title}: a day in the life"
        d.summary = role.day_intro
        d.facts.extend(Fact(f"{e.time}: {e.title}", e.description) for e in role.day_in_the_life)
    else:
        section = "overview"
        d.title = role.title
        d.summary = "\n\n".join(p for p in (role.tagline, *role.overview) if p)
    more = {"responsibilities": "its core responsibilities", "day_in_the_life": "a day in the life"}
    offers = [text for key, text in more.items() if key != section and (role.responsibilities if key == "responsibilities" else role.day_in_the_life)]
    if role.pathway:
        offers.append("its certification pathway")
    if offers:
        d.notes.append(f"You can also ask about {joined(offers, 'or')}.")


def _compare_roles(first: Role, second: Role, kb: Knowledge, d: _Draft) -> None:
    d.title = f"{first.title} and {second.title} side by side"
    d.summary = "Each role in its own spotlight's words."
    for role in (first, second):
        d.role_source(role)
        lines = [p for p in (role.tagline, role.overview[0] if role.overview else "") if p]
        if role.pathway:
            lines.append("Certification pathway: " + ", ".join(s.certification for s in role.pathway) + ".")
        d.columns.append(Column(role.title, tuple(lines), role.links[0].url if role.links else ""))
    shared = first.shared_with(second)
    d.facts.append(Fact("In common", f"Both pathways include {joined(shared)}." if shared else "Their pathways share no certification."))


def _two_pathways(role: Role, other: Role, d: _Draft) -> None:
    """Two pathways asked about together ("do they share any certs"): what they have in common,
    or that they have nothing, and both pathways in order."""
    d.title = f"{role.title} and {other.title}"
    shared = role.shared_with(other)
    d.summary = f"Both certification pathways include {joined(shared)}." if shared else "Their certification pathways share no certification."
    for r in (role, other):
        d.role_source(r)
        d.facts.append(Fact(f"{r.title} pathway", ", ".join(s.certification for s in r.pathway) or "No pathway yet."))


def _pathway(role: Role, m: Match, kb: Knowledge, d: _Draft) -> None:
    d.role_source(role, main=True)
    d.title = f"Certification pathway: {role.title}"
    d.summary = role.pathway_intro
    why = {s.certification: s.why for s in role.pathway}
    if m.held:
        d.reasons.append(f"You already hold {joined(list(m.held))}, so {'it is' if len(m.held) == 1 else 'they are'} left out of the remaining steps.")
    if m.set_aside:
        d.reasons.append(f"Leaving out {joined(list(m.set_aside))}, as you asked: the other steps, in order.")
    if m.shape in ("fewest", "most", "tie_fewest", "tie_most"):
        d.reasons.append(_path_lengths(role, m, kb))
    if m.focus and m.focus_words:
        d.reasons.append(f"Because you mentioned {_quoted(m.focus_words)}, {m.focus} comes first: its description on this pathway matches that best.")
    elif m.focus and m.certifications[:1] == (m.focus,):
        d.reasons.append(f"You asked about {m.focus}, so it comes first here.")
    elif m.focus and m.focus in m.certifications:
        d.reasons.append(f"You asked about {m.focus}: it is step {m.certifications.index(m.focus) + 1} of this pathway.")
    later = [c for c in m.later if c in m.certifications]
    if later and m.later_words:
        d.reasons.append(f"Because you'd rather not do {_quoted(m.later_words)}, {joined(later)} {'comes' if len(later) == 1 else 'come'} after the other steps.")
    for code in m.certifications:
        cert = kb.certifications[code]
        d.cert_source(cert)
        d.steps.append(Step(code, cert.name, why.get(code, cert.description), focus=code == m.focus))
    if not d.steps:
        d.notes.append("You already hold every certification on this pathway.")
    if m.shape == "order" and not m.focus_words:
        asked = [c for c in (s.certification for s in role.pathway) if c in m.also]
        listed = f"lists {joined(asked)} in that order" if len(asked) >= 2 else "lists its certifications in this order"
        d.notes.append(f"The {role.title} spotlight {listed}; it doesn't say one must be taken before the other.")


def _path_lengths(role: Role, m: Match, kb: Knowledge) -> str:
    """"which needs fewer certs": each pathway's count of certifications left, as the pages give them."""
    def left(r: Role) -> str:
        return count(sum(1 for s in r.pathway if s.certification not in m.held), "certification")

    others = [kb.roles[r] for r in m.also if r in kb.roles]
    than = joined([f"the {o.title} has {left(o)}" for o in others])
    most = "most" if m.shape.endswith("most") else "fewest"
    if m.shape.startswith("tie_"):
        tied = [o for o in others if left(o) == left(role)]
        rest = joined([f"the {o.title} has {left(o)}" for o in others if o not in tied])
        return f"The {joined([role.title, *(o.title for o in tied)])} pathways tie for the {most}{' left for you' if m.held else ''}: {left(role)} each" + (f"; {rest}." if rest else ".")
    return f"The {role.title} pathway has the {most}{' left for you' if m.held else ''}: {left(role)}; {than}."


# ---------------------------------------------------------------------------- lists, FAQ, help


def _list_certifications(kb: Knowledge, d: _Draft, role: Role | None) -> tuple[str, ...]:
    codes = [s.certification for s in role.pathway] if role else list(kb.certifications)
    d.title = f"Certifications on the {role.title} pathway" if role else f"The {count(len(codes), 'certification')} I know"
    if len(codes) > LIST_LIMIT:
        d.notes.append(f"…and {len(codes) - LIST_LIMIT} more: ask about one by code or topic, or use /certifications.")
        codes = codes[:LIST_LIMIT]
    for code in codes:
        cert = kb.certifications[code]
        d.facts.append(Fact(f"{cert.code} — {cert.name}", cert.description or "No description yet."))
        d.cert_source(cert)
    if role:
        d.role_source(role, main=True)
    d.notes.append("Ask about any of them by code, e.g. " + (f'"what is {codes[0]}?"' if codes else '"what is …?"'))
    return tuple(codes)


def _list_roles(kb: Knowledge, d: _Draft) -> tuple[str, ...]:
    d.title = f"The {count(len(kb.roles), 'career spotlight')} I know"
    if len(kb.roles) > LIST_LIMIT:
        d.notes.append(f"…and {len(kb.roles) - LIST_LIMIT} more: ask about one by name, or use /role.")
    for role in list(kb.roles.values())[:LIST_LIMIT]:
        d.facts.append(Fact(role.title, role.tagline or (role.overview[0] if role.overview else "")))
        d.role_source(role)
    d.notes.append('Ask "what does a … do?" or "how do I become a …?" for any of them.')
    return tuple(list(kb.roles)[:LIST_LIMIT])


def faq_title(entry: FaqEntry) -> str:
    """The entry's own title, else its first phrasing tidied up as a question."""
    title = getattr(entry, "title", "") or ""
    if title:
        return title
    first = " ".join(entry.questions[0].split())
    first = re.sub(r"\bi\b", "I", first[:1].upper() + first[1:])  # "how do i report" -> "How do I report"
    return first if first.endswith(("?", ".", "!")) else first + "?"


def _faq(entry: FaqEntry, kb: Knowledge, d: _Draft) -> None:
    d.sources[entry.file] = None
    d.title = faq_title(entry)
    d.summary = entry.answer
    related = [kb.roles[r].title for r in entry.roles if r in kb.roles] + list(entry.certifications)
    if related:
        d.notes.append(f"Related: {joined(related)}.")


def _help(kb: Knowledge, d: _Draft) -> None:
    d.title = "Career assistant of the Council on Pharmacy Standards"
    d.summary = what_i_know(kb)
    role = next(iter(kb.roles.values()), None)
    code = next(iter(kb.certifications), None)
    examples = []
    if role:
        t = role.title.lower()
        examples += [f"what does {article(t)} {t} do?", f"how do I become {article(t)} {t}? I love safety work"]
    if code:
        examples.append(f"what is {code}?")
    examples += ["which certifications do you know?", "which career paths are there?"]
    d.facts.append(Fact("Ask me in plain words", "\n".join(f"• {e}" for e in examples)))
    d.facts.append(Fact("Slash commands", "/certifications, /certification, /role, /pathway, /ask, /help"))
    d.notes.append("I answer only from the council's knowledge base and never give clinical advice. Follow-up questions work too: \"and the certs?\", \"the second one\".")


# ---------------------------------------------------------------------------- refusals


def _subject(m: Match, kb: Knowledge) -> tuple[str, Role | None, Certification | None]:
    """What a refused question was about, as a member names it."""
    cert = kb.certifications.get(m.certifications[0]) if m.certifications else None
    role = kb.roles.get(m.role) if m.role else None
    name = cert.code if cert else role.title if role else ""
    return name, role, cert


def _refusal(m: Match, kb: Knowledge, d: _Draft, alternatives: tuple[Alternative, ...]) -> None:
    if alternatives and m.reason in ("ambiguous", "unknown_cert"):
        d.title = "Did you mean…?"
        d.summary = ("I'm not sure which one you mean." if m.reason == "ambiguous" else f"I don't know {m.detail}.") + " Did you mean " + joined([a.label for a in alternatives], "or") + "?"
        return
    name, role, cert = _subject(m, kb)
    if m.reason == "missing_fact" and (role or cert):
        _partial(m, name, role, cert, d)
        return
    d.title = "I can't answer that"
    if m.reason == "missing_fact":
        d.summary = f"The knowledge base has no information about {m.detail}."
    elif m.reason == "unknown_cert":
        d.summary = f"{m.detail} is not a certification in the council's knowledge base."
    elif m.reason == "unknown_role" and m.detail:
        d.summary = f"There is no career spotlight for {m.detail if m.shape == 'field' else article(m.detail) + ' ' + m.detail} in the knowledge base."  # ("for nursing", "for a nurse practitioner")
    else:
        d.summary = _REFUSALS.get(m.reason, _REFUSALS["off_topic"])
    if alternatives:
        d.summary += " Did you mean " + joined([a.label for a in alternatives], "or") + "?"
    if m.reason not in ("injection", "empty"):
        d.pointer = what_i_know(kb)


def _partial(m: Match, name: str, role: Role | None, cert: Certification | None, d: _Draft) -> None:
    """An honest partial answer: what the knowledge doesn't say, then what it does, then the link."""
    lack = m.detail if m.detail.startswith('"') else m.detail
    d.title = f"{cert.code} — {cert.name}" if cert else role.title if role else name
    d.summary = f"The knowledge base doesn't say anything about {lack} for {name}.{WHAT_IT_SAYS}"
    if cert:
        d.cert_source(cert, main=True)
        d.facts.append(Fact("What it covers", cert.description or "No description yet."))
        fact = _pathways_fact(cert, d.kb, d)
        if fact:
            d.facts.append(fact)
    elif role:
        d.role_source(role, main=True)
        d.facts.append(Fact("The role", role.tagline or (role.overview[0] if role.overview else role.title)))
