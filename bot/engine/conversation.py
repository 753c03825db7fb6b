"""Follow-up questions answered in context: "and CMSO?", "what's their day like?", "the second one".

A ``Context`` holds what the last answers were about: the subject role or certification, the
list as shown (a pathway's order, a list answer), the member's held certifications, and a
question that could not be answered for lack of context. ``resolve`` rewrites a follow-up into a
question that stands on its own ("what's their day like?" -> "what's the Director of Pharmacy
Operations day like?"), which the ordinary stages then answer; ``advance`` returns the context
after an answer. Both are pure: context is data passed in and returned, so a conversation is a
fold over its turns and the core still knows nothing about Discord.

Rules: a question that names its own subject is answered on its own; a refusal in the middle
(fees, clinical, chit-chat) neither changes the context nor is turned into an answer by it; a
follow-up with nothing to refer to gets the honest request for a subject, and the next message
may finish it ("what about the day to day?" then "for the tech supervisor").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.engine import lexicon
from bot.engine.answer import Answer
from bot.engine.evidence import Evidence, read
from bot.engine.index import Index
from bot.engine.normalize import clean

Entity = tuple[str, str]  # ("role", id) | ("cert", code)

MAX_RECENT = 4
_PUNCT = ".,!?;:'\"()"


@dataclass(frozen=True)
class Context:
    role: str | None = None  # the role the conversation is about
    thing: Entity | None = None  # what "it" / "that one" means now
    shown: tuple[Entity, ...] = ()  # the list as last shown (pathway order, a list answer)
    recent: tuple[Entity, ...] = ()  # entities answered about, newest first
    roles: tuple[str, ...] = ()  # the roles the last answered question named ("what do *they* have in common")
    held: tuple[str, ...] = ()  # certifications the member said they hold
    focus: str = ""  # what the member said about themselves when a pathway was tailored to it
    intent: str | None = None  # the last answered intent
    section: str | None = None  # the last role section shown
    pending: str = ""  # a follow-up that had nothing to refer to, which the next message may finish
    question: str = ""  # the last answered question, as it was read

    @property
    def empty(self) -> bool:
        return self.thing is None and self.role is None and not self.shown


@dataclass(frozen=True)
class Resolution:
    question: str  # what the stages answer (the member's question, or its self-contained rewrite)
    rewritten: bool
    referred: bool  # the question leaned on earlier messages, whether or not there were any
    roles: tuple[str, ...] = ()  # the roles the question (as read) names
    signals: frozenset[str] = frozenset()  # what the question (as read) does: "asks_who", …
    evidence: Evidence | None = field(default=None, compare=False, repr=False)  # the question as read, for the stages


def _plain(token: str) -> str:
    word = token.lower().strip(_PUNCT)
    return lexicon.SLANG.get(word, word)


def _label(entity: Entity, ix: Index) -> str:
    kind, ident = entity
    if kind == "role":
        role = ix.knowledge.roles.get(ident)
        return role.title if role else ident
    return ident


def _joined(labels: list[str], word: str = "and") -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + f" {word} " + labels[-1]


def _own_subject(ev: Evidence) -> bool:
    return bool(ev.codes or ev.role_named or ev.described or ev.goal_role)


def _asks_on_its_own(ev: Evidence) -> bool:
    """A message with an ask of its own ("the ops director's pathway", "what is CPOM")."""
    return any(c in ev.hits for c in ("pathway", "identity", "day", "responsibilities", "list", "help", "cert_seek")) or any(w in lexicon.ORDINALS for w in ev.a.words)


_ENDS_LOCATIVE = frozenset({"pathway", "path", "list", "track"})


_IS = re.compile(r"\b(how|what|who|where|when|why|that|it|there|here)'s\b", re.I)


class _Rewrite:
    """The member's message as tokens, with spans replaced by what they refer to."""

    def __init__(self, question: str):
        self.tokens = _IS.sub(r"\1 is", clean(question)).split()  # "how's that different" -> "how is that different"
        self.words = [_plain(t) for t in self.tokens]
        self.spans: dict[int, tuple[int, str]] = {}  # first token -> (one past the last, replacement)

    def free(self, a: int, b: int) -> bool:
        return not any(a < end and start < b for start, (end, _) in self.spans.items())

    def put(self, a: int, b: int, text: str) -> None:
        if self.free(a, b):
            self.spans[a] = (b, text)

    def found(self, cue: str) -> list[tuple[int, int]]:
        return [(a, b) for a, b in lexicon.cue(cue).spans(self.words) if self.free(a, b)]

    def text(self) -> str:
        out: list[str] = []
        i = 0
        while i < len(self.tokens):
            if i in self.spans:
                end, text = self.spans[i]
                out.append(text)
                i = end
            else:
                out.append(self.tokens[i])
                i += 1
        return " ".join(out)


def resolve(question: str, ctx: Context, ix: Index) -> Resolution:
    """The question as it stands on its own, given what the conversation was about."""
    ev = read(question, ix)
    if ctx.pending and ("continuation" in ev.hits or ("correction" in ev.hits and not _asks_on_its_own(ev)) or (_own_subject(ev) and not _asks_on_its_own(ev) and len(ev.a.stems) <= 4)):
        question = f"{ctx.pending} {question}"  # "what about the day to day?" + "for the tech supervisor"
        ev = read(question, ix)
    r = _Rewrite(question)
    if not r.words:
        return Resolution(question, False, False, evidence=ev)
    own = _own_subject(ev)
    referred = False
    words = r.words

    # "the second one", "the last cert", "the first two" -- over the named role's steps, else what was shown
    steps = tuple(("cert", s.certification) for s in ix.knowledge.roles[ev.role_best].pathway) if ev.role_named and ev.role_best else ()
    listed = steps or ctx.shown
    for i, w in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if w not in lexicon.ORDINALS or not ((i and words[i - 1] in ("the", "that", "this")) or following in lexicon.ORDINAL_NOUNS or following in lexicon.COUNTS):
            continue  # "which of those first": an order, not a reference
        referred = True
        start, end, count = (i - 1 if i and words[i - 1] in ("the", "that", "this") else i), i + 1, 1
        if end < len(words) and words[end] in lexicon.COUNTS:
            count, end = lexicon.COUNTS[words[end]], end + 1
        if end < len(words) and words[end] in lexicon.ORDINAL_NOUNS:
            end += 1
        pos = lexicon.ORDINALS[w]
        if listed and pos <= len(listed):
            picked = list(listed[:count]) if pos == 1 and count > 1 else [listed[pos - 1] if pos > 0 else listed[-1]]
            r.put(start, end, _joined([_label(e, ix) for e in picked]))
            if steps:  # "... on the informatics manager pathway" has done its job: it names the list, not a pathway question
                loc = next((k for k in range(end, len(words)) if words[k] in ("on", "in", "from", "of")), None)
                last = next((k for k in range(loc or len(words), len(words)) if words[k] in _ENDS_LOCATIVE), None) if loc is not None else None
                if loc is not None and last is not None:
                    r.put(loc, last + 1, "")

    # "and after that one?": the step after the one just talked about
    for a, b in r.found("ref_next"):
        referred = True
        if ctx.thing in ctx.shown and ctx.shown.index(ctx.thing) + 1 < len(ctx.shown):
            r.put(a, b, "then " + _label(ctx.shown[ctx.shown.index(ctx.thing) + 1], ix))
    # "which one is more about …": a choice among what was just shown
    for a, b in r.found("ref_choice"):
        if len(ctx.shown) >= 2 and not ev.codes and ctx.intent == "certification":
            referred = True
            r.put(a, b, "which of " + _joined([_label(e, ix) for e in ctx.shown], "or"))
    # "those two", "both of them"
    for a, b in r.found("ref_many"):
        referred = True
        group = ctx.shown
        if "two" in words[a:b] or not group:
            group = tuple(e for e in ctx.recent if e[0] == "cert")[:2][::-1] or group[:2]
        if group:
            r.put(a, b, _joined([_label(e, ix) for e in group]))
    # "they", "their day", "that path": the role
    for a, b in r.found("ref_role"):
        referred = True
        named_role = ev.role_named or ev.described
        if words[a] in ("they", "them", "their", "theirs") and len(ctx.roles) >= 2 and ev.cue("both") and not named_role:
            r.put(a, b, _joined([_label(("role", x), ix) for x in ctx.roles]))
        elif ctx.role and not named_role:
            noun = words[b - 1] if words[b - 1] in _ENDS_LOCATIVE | {"job", "role", "position"} else ""
            r.put(a, b, f"the {_label(('role', ctx.role), ix)} {noun}".strip())
    # "it", "that one": the thing, unless the question names one of that kind itself
    for a, b in r.found("ref_thing"):
        referred = True
        named_here = any(text for _, text in r.spans.values())  # "the last one looks familiar, what is it": it is the last one
        compared = "contrast" in ev.hits and ctx.thing[1] not in ev.codes + ((ev.role_best,) if ev.role_best else ()) if ctx.thing else False
        if ctx.thing and not named_here and (compared or not (ev.codes if ctx.thing[0] == "cert" else ev.role_named or ev.described)):
            lead = " ".join(r.tokens[a : b - 1]) + " " if words[b - 1] == "that" and a < b - 1 else ""
            r.put(a, b, lead + _label(ctx.thing, ix))
    # "that part", "goes with that": what the previous question was about
    for a, b in r.found("ref_topic"):
        referred = True
        if ctx.question:
            r.put(a, b, f"({ctx.question})")
    # "the supply chain one": a certification or role described instead of named
    for a, b in r.found("ref_one_kind"):
        if not own and ctx.thing and words[a + 1] not in lexicon.ORDINALS:
            referred = True
            r.put(a, b, " ".join(r.tokens[a : b - 1] + ["certification" if ctx.thing[0] == "cert" else "role"]))

    plain = " ".join(r.tokens)
    rewritten = r.text()
    after = read(rewritten, ix) if r.spans else ev
    ellipsis = bool(re.match(r"^(and|also|ok and|so|what about|how about)\b", " ".join(words)))
    asks_more = "tell_more" in after.hits or "ref_self" in ev.hits
    referred = referred or ellipsis or asks_more or (not own and any(c in ev.hits for c in ("ordering", "ref_choice", "follow_up")))
    if not _own_subject(after) and not ctx.empty and not r.spans:
        about_role = after.section_cue or after.cert_nouns or after.pathway_cue or "ordering" in after.hits or "overview" in after.hits or "weak_overview" in after.hits
        if about_role and ctx.role:
            rewritten += f" (for the {_label(('role', ctx.role), ix)})"
        elif (ellipsis or asks_more or about_role) and ctx.thing:
            rewritten += f" (about {_label(ctx.thing, ix)})"
    elif ellipsis and not r.spans and ctx.intent in ("pathway", "role") and after.role_named and not after.codes and _only_names(after):
        if ctx.intent == "pathway":
            rewritten = f"how do I become {rewritten}"  # "and for the informatics director?" keeps the pathway form
        elif ctx.section and ctx.section != "overview":
            rewritten += {"day_in_the_life": " day to day", "responsibilities": " responsibilities"}[ctx.section]
    pathway_turn = ctx.intent == "pathway" and (after.pathway_cue or bool(after.held) or "ordering" in after.hits or "ref_self" in ev.hits)
    if pathway_turn and ctx.role and not (after.role_named or after.subject_relaxed):
        rewritten += f" (how do I become the {_label(('role', ctx.role), ix)})"
    if pathway_turn and ctx.held:
        rewritten += f" (I already have {_joined(list(ctx.held))})"
    if "ref_self" in ev.hits and ctx.focus:
        rewritten += f" ({ctx.focus})"
    changed = rewritten != plain
    final = read(rewritten, ix) if changed else ev
    signals = frozenset({"asks_who"} if final.asks_who else set())
    return Resolution(rewritten if changed else question, changed, referred, final.named_roles, signals, final)


def _only_names(ev: Evidence) -> bool:
    """Nothing asked beyond naming a role ("and the ops director?")."""
    return all(i in ev.title_positions or w in lexicon.STOPWORDS for i, w in enumerate(ev.a.words))


def advance(ctx: Context, question: str, answer: Answer, resolution: Resolution, ix: Index) -> Context:
    """The context after ``answer``: refusals leave it as it was (but remember an unanswerable follow-up)."""
    if answer.intent in ("none", "help", "faq"):
        if answer.intent == "none" and resolution.referred and answer.reason in ("needs_context", "off_topic", "unknown_role"):
            return replace(ctx, pending=question)
        return replace(ctx, pending="")
    recent = list(ctx.recent)
    role, thing, shown, held, section, focus = ctx.role, ctx.thing, ctx.shown, ctx.held, None, ctx.focus
    if answer.intent == "certification" and answer.certifications:
        thing = ("cert", answer.certifications[0])
        if len(answer.certifications) > 1:
            shown = tuple(("cert", c) for c in answer.certifications)
        owners = ix.knowledge.roles_with_certification(thing[1])
        if len(owners) == 1 and (role is None or "asks_who" in resolution.signals):
            role = owners[0].id  # "which job is that for": the one role whose pathway has it
        recent.insert(0, thing)
    elif answer.intent == "role" and answer.role:
        role, thing, section = answer.role, ("role", answer.role), answer.section
        recent.insert(0, thing)
    elif answer.intent == "pathway" and answer.role:
        named = answer.focus is not None and not answer.focus_words  # "why is CHPOP on that path": about CHPOP, not a new list
        shown = ctx.shown if named and ctx.shown else tuple(("cert", c) for c in answer.certifications)
        thing = ("cert", answer.focus) if named and answer.focus else shown[0] if shown else ("role", answer.role)
        held = tuple(dict.fromkeys(ctx.held + answer.held)) if ctx.role == answer.role else answer.held
        focus = " ".join(answer.focus_words) or (focus if ctx.role == answer.role else "")
        role = answer.role
        recent.insert(0, ("role", answer.role))
    elif answer.intent == "list_certifications":
        shown = tuple(("cert", c) for c in answer.certifications)
        role = answer.role or role
    elif answer.intent == "list_roles":
        shown = tuple(("role", r) for r in answer.listed)
    return Context(
        role=role,
        thing=thing,
        shown=shown,
        recent=tuple(dict.fromkeys(recent))[:MAX_RECENT],
        roles=resolution.roles,
        held=held,
        focus=focus,
        intent=answer.intent,
        section=section,
        pending="",
        question=resolution.question,
    )
