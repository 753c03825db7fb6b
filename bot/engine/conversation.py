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
from collections import defaultdict
from functools import cache
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from bot.engine import english, lexicon
from bot.engine.analyze import Analysis, analyze, cue_stems, not_held, person_has, ruled_out
from bot.engine.answer import Answer
from bot.engine.entities import POSSESSIVES, own_job_heads, role_from_certs, suited
from bot.engine.evidence import Evidence, read, typed_at
from bot.engine.index import SECTIONS, Index, words_of
from bot.engine.normalize import IT_DEPARTMENT, clean, stem
from bot.engine.sections import best_of, entry_at, fits_page, only_one_page_says, starts_first
from bot.engine.phrases import CODE_MARK
from bot.engine.stages import hard_to_enter, inside_cue, language, missing_fact, outside_goal, sole_candidate, step_place
from bot.engine.tailor import PART_NOUNS, related_stems
from bot.engine.thresholds import CONTENT_WORD, ROLE_MENTION, ROLE_RELAXED
from bot.engine.verdict import TWO_PATHWAYS

Entity = tuple[str, str]  # ("role", id) | ("cert", code)

MAX_RECENT = 5
MAX_PEOPLE = 6  # the people a member speaks for, remembered with the role each aims at
MAX_CALLED = 6  # the member's own words for things ("the cold storage one"), remembered for a shorter call later ("the cold one")
_SECTION_WORDS = {"day_in_the_life": "day to day", "responsibilities": "responsibilities"}
_ASKS = frozenset({"identity", "pathway", "list", "help", "cert_seek", "property", "eligibility"})  # a message with an ask of its own
_ASKS_ANYTHING = _ASKS | {"overview", "day", "responsibilities", "contrast"}
# A message these cues fire on is answered (or refused) as it is: chit-chat with the bot, facts no page gives.
_STANDS_ALONE = frozenset({"chit_chat"}) | {c.name for c in lexicon.FACETS}
_ASKS_OF_IT = frozenset({"rumour", "eligibility", "property", "judgement"}) | {c.name for c in lexicon.FACETS}
_LISTS = frozenset({"list", "path", "pathway", "track"})
MAX_CHOICES = 6  # "which of them" over a longer list is a question about any certification
NAME_FACTOR = 2.0  # "the auditor one": a word of an entity's name counts this much more than one of its text
AS_WRITTEN_BONUS = 0.05  # a word of a name as written, not only its stem, tells two such names apart
REPEAT_BONUS, REPEAT_CAP = 0.25, 4  # each further passage using the word adds a quarter, up to four
OFF_KNOWLEDGE_WORDS = 2  # "also whos winning the game tonight": this many words no page uses, and none it does
ELLIPSIS_WORDS = 7  # "what about the nursing home consultant?" as a last sentence: a new subject, the same question
DESCRIBED_LEAD = 1.5  # outside the conversation, the described entity must lead the next by this factor
_PUNCT = ".,!?;:'\"()"
_PRONOUNS = frozenset({"they", "them", "their", "theirs", "theyre", "they're", "theyve", "they've", "theyd", "they'd"})
_MEMBERS_OWN = POSSESSIVES - {"their", "your"}  # the member's or the mentee's ("their third one" is the role's)


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
    by_topic: bool = False  # the last answer picked a certification by what it covers ("and audits of the vault?" asks again)
    lists: tuple[tuple[Entity, ...], ...] = ()  # the lists of roles or certifications shown, newest first ("ok back to the jobs list, what was the first?")
    people: tuple[tuple[str, str], ...] = ()  # (person, role) for the people the member spoke for, newest first ("back to the tech")
    wants: tuple[tuple[str, str], ...] = ()  # (person, what they were told to want or love) of those, for tailoring their pathway
    pronouns: tuple[tuple[str, str], ...] = ()  # (person, "he"|"she") of those, as the member spoke of them ("back to him")
    paths: tuple[tuple[str, tuple[Entity, ...]], ...] = ()  # (role, or "@" and the person it was shown for; its pathway as last shown), newest first ("back to ana, whats her second step": in the order shown for her)
    asked_of: tuple[str, str | None] | None = None  # (intent, section) last answered for a person: "now tom" asks it of Tom, whatever was refused between
    named: tuple[str, ...] = ()  # three or more roles a message named apart, in its order, while talk stays among them ("X, Y, Z - which …" … "the other two" … "the third one's overview")
    refused: str = ""  # "cert" or "role": what a question just refused asked for ("got a cert for sterile compounding?" … "which ones DO you have")
    called: tuple[tuple[str, Entity], ...] = ()  # (the member's words, what they meant) for each "the <words> one" read, newest first

    @property
    def empty(self) -> bool:
        return self.thing is None and self.role is None and not self.shown


@dataclass(frozen=True)
class Resolution:
    question: str  # what the stages answer (the member's question, or its self-contained rewrite)
    rewritten: bool
    referred: bool  # the question leaned on earlier messages, whether or not there were any
    roles: tuple[str, ...] = ()  # the roles the question (as read) names
    signals: frozenset[str] = frozenset()  # what the question (as read) does: "asks_who", "new_person" …
    person: str = ""  # the one person the member speaks for in it ("my resident"), if one
    told: tuple[tuple[str, str], ...] = ()  # (person, role) for each of several people it tells about ("Priya wants to be an RPD, Marcus …")
    wants: tuple[tuple[str, str], ...] = ()  # (person, the words of their clause) for each of those
    path: str = ""  # the role along whose pathway an ordinal picked a step ("whats the 2nd cert on its path")
    named: tuple[str, ...] = ()  # three or more roles the member's own message named apart, in its order
    called: tuple[tuple[str, Entity], ...] = ()  # (the member's words, what they meant) for each "the <words> one" it read
    evidence: Evidence | None = field(default=None, compare=False, repr=False)  # the question as read, for the stages


def _plain(token: str) -> str:
    word = _POSSESSIVE.sub("", token.lower().strip(_PUNCT)).replace("'", "").replace("’", "")  # "which one's meant for techs"; "i'm" is "im", as cues are written
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
    """The message names what it asks about (a code the knowledge lacks too: "is BCPS worth it for
    me"; not one it rules out: "drug pricing reviews, not HTA")."""
    words = ev.a.words
    at = [i for i, w in enumerate(words) if w.upper() in ev.a.unknown_codes]
    unknown = bool(ev.a.unknown_codes) and not (at and all(ruled_out(words, i) for i in at))
    return bool(ev.codes or unknown or ev.role_named or ev.described or ev.goal_role)


def _asks_on_its_own(ev: Evidence) -> bool:
    """A message with an ask of its own ("the ops director's pathway", "what is CPOM")."""
    words = ev.a.words
    wh_asked = any(w in _WH and words[i + 1 : i + 2] and words[i + 1] in _AUXILIARIES for i, w in enumerate(words))  # "ok, then within pharmacy, what would a training coordinator do?" (not "what about …")
    names_its_list = ev.role_named and (ev.certs_plural or bool(ev.cert_nouns)) and not _MEANT.isdisjoint(words) and not _opens_with_a_place(words)  # "i meant the ops director certs" (not "on the ops director path i mean": where the last question was; nor "the sterile compounding certs" after "which of those is about audits")
    return any(c in ev.hits for c in ("pathway", "identity", "day", "responsibilities", "list", "help", "cert_seek")) or any(w in lexicon.ORDINALS for w in words) or wh_asked or names_its_list


def _held_said_first(told: str, ix: Index) -> str:
    """"has CPOM and wants the settlement job" (what was told of a person, without the name) in
    the words the way is read by: "I already have CPOM and wants …"."""
    m = _HAS_AT_START.match(told)
    if m and _plain(m.group(1)).lower() in ix.codes:
        return f"I already have {told[m.start(1):]}"
    return _HAS_LATER.sub(lambda h: f"{h.group(1)} I already have {h.group(2)}" if _plain(h.group(2)).lower() in ix.codes else h.group(0), told)  # "wants wait time lead and has CQFD"


def _whats_on_it(words: list[str], at: int, ctx: Context, ev: Evidence) -> bool:
    """"what's on it", "ok what IS on theirs then" after a pathway, or after a question whether
    something is on a role's path: that role's steps."""
    path_talk = ctx.intent == "pathway" or bool(lexicon.PATH_NOUNS & set(words_of(ctx.question)))
    return bool(at) and words[at - 1] == "on" and all(w in _THEN for w in words[at + 1 :]) and path_talk and ctx.role is not None and not ev.codes and all(w in lexicon.WH_WORDS or w in lexicon.LEAD_FILLERS or w in ("is", "else", "on", "and", "so") for w in words[:at])


_THEN = frozenset({"then", "now", "exactly"})


def _adjoined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans that meet read as one ("both of" + "those": "both of those")."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and out[-1][1] == a:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _asks_the_step_beside(ev: Evidence) -> bool:
    """"what's the cert after CDPMG", "which one comes before CPOM": one step, the one beside a
    code, asked for (not "I have CPOM, what's after it for me")."""
    words = ev.a.words
    words = words[1:] if words[:1] in (("and",), ("so",), ("ok",), ("okay",)) else words
    return words[:1] in (("what",), ("whats",), ("which",)) and not ev.held and any(w in lexicon.AFTER_WORDS | lexicon.BEFORE_WORDS and words[i + 1 : i + 2] == (CODE_MARK,) for i, w in enumerate(words))


def _whose_card(ctx: Context, question: str) -> bool:
    """"whose path?" (or "whose?") asked of a certification's card: the pathway shown is where the
    card stands, and the card is still what a step walk goes on from."""
    return ctx.intent in ("certification", "pathway") and ctx.thing is not None and ctx.thing[0] == "cert" and "whose" in words_of(question)


def _of_the_card(ev: Evidence, ctx: Context, ix: Index) -> str | None:
    """One word after a certification's card: "whose?" is whose pathway has it, "next?" the step
    after it on the one pathway that has it."""
    said = [w for w in ev.a.words if w not in lexicon.LEAD_FILLERS and w != "and"]
    walked = ctx.intent == "pathway" and "whose" in words_of(ctx.question) and said in (["next"], ["after"])  # ("CPRCO?" … "whose path?" … "next?": the card is still where the walk goes on from)
    if (ctx.intent != "certification" and not walked) or ctx.thing is None or ctx.thing[0] != "cert" or ev.codes or ev.role_named:
        return None
    code = ctx.thing[1]
    if said == ["whose"]:
        return f"whose path is {code} on"
    holders = [r.id for r in ix.knowledge.roles_with_certification(code)]
    if said in (["next"], ["after"]) and ctx.thing in ctx.shown and len(ctx.shown) >= 2:
        at = ctx.shown.index(ctx.thing) + 1
        return f"what is {_label(ctx.shown[at], ix)}" if at < len(ctx.shown) else None  # "1st one?" … "next": along the list as it was shown (in the member's order)
    if said in (["next"], ["after"]) and (len(holders) == 1 or ctx.role in holders):
        along = f" (for the {_label(('role', ctx.role or ''), ix)})" if len(holders) > 1 else ""
        return f"what comes after {code}{along}"  # ("next" … "next": along the pathway the card was on)
    if said in (["more"], ["code"], ["its", "code"], ["the", "code"]):
        return f"what is {code}"  # "more", "its code?" after a card named by its name: the card
    return None


def _filled(pending: str, named: Evidence, ix: Index) -> str | None:
    """The unanswered question with what it pointed at ("them", "the third one") replaced by the
    roles a message that only names them now says ("which of them starts earlier?" … "I mean the
    ops director and the truck stop pharmacist")."""
    roles = [r for r in (named.subject_role, *named.named_apart(named.subject_role)) if r] if named.role_named and named.subject_role and not named.codes else []
    if not roles:
        return None
    r = _Rewrite(pending)
    spans = [(a, b) for a, b in (*r.found("ref_many"), *r.found("ref_role"), *r.found("ref_thing")) if lexicon.PATH_NOUNS.isdisjoint(r.words[a:b])]  # (not "what is the path" left by a way refused: the way, not a role)
    spans += [(i - 1, i + 2) for i, w in enumerate(r.words) if w in lexicon.ORDINALS and i and r.words[i - 1] in _DEFINITE and r.words[i + 1 : i + 2] == ["one"]]  # ("the third one's day?", not "the third step")
    if not spans:
        return None
    a, b = min(spans)
    owned = "'s" if _POSSESSIVE.search(r.tokens[b - 1].strip(_PUNCT)) else ""
    at = sorted(i for x in roles for i in named.role_where.get(x, ()))
    said = [w for k, w in enumerate(named.a.said[at[0] : at[-1] + 1]) if not k or w != named.a.said[at[0] + k - 1]]  # as the member typed them ("the ecmo coordinator and the mining camp supply officer")
    if "which" in r.words[:a] and r.words[a - 1 : a] == ["of"]:
        said = ["or" if w == "and" else w for w in said]  # "which of them …": which of the one or the other
    r.put(a, b, "the " + " ".join(said) + owned)
    return r.text()


def _opens_with_a_place(words: tuple[str, ...] | list[str]) -> bool:
    """After "sorry, I mean", the message opens with "on", "for", "in" …: it says where the
    question before it was asked ("for the TOC manager i mean")."""
    first = next((w for w in words if w not in _CORRECTING_FILLERS), "")
    return first in _PLACE_LEADS


_MEANT = frozenset({"mean", "meant"})
_CORRECTING_FILLERS = frozenset({"i", "mean", "meant", "sorry", "oops", "oh", "ugh", "no", "wait", "hm", "hmm", "ok", "okay", "actually", "nah"})
_PLACE_LEADS = frozenset({"on", "for", "in", "at", "of", "along"})


_WH = frozenset({"what", "how", "who", "which"})
_AUXILIARIES = frozenset({"would", "does", "do", "did", "is", "are", "should", "can", "could", "will"})


_OTHER = frozenset({"other", "another", "different"})
_DEFINITE = frozenset({"the", "that", "this"})
_YOU = frozenset({"you", "u"})
_SECTION_NOUNS = frozenset({"responsibilities", "duties", "duty", "tasks"})  # "what are its main responsibilities": a role's, not a certification's ("what does that one involve" may be either)
_SHOWING = frozenset({"put", "listed", "list", "showed", "show", "gave", "had", "ranked", "named"})  # "the one you listed first": in the order shown
REFERRING = frozenset({"ref_thing", "ref_role", "ref_many", "ref_topic", "ref_choice"})  # cues of words that point back at what was talked about
_DISMISSED = frozenset({"it", "that", "this"})  # what "forget …" / "scratch …" waves away: the last answer, not a subject
_OF_IT = frozenset({"their", "its", "his", "her"})  # "their first cert": a step of theirs, not "which first"
_NEXT_AT_END = re.compile(r"(?<=\w)[\s,]+next\W*$", re.I)
_WHY_LEADS = frozenset({"ok", "okay", "so", "but", "and", "hmm", "hm"})  # words a "why" follow-up may open with
_BARE_ONE = re.compile(r"^(?P<lead>\s*(?:(?:and|ok|okay|so|hmm+|oh|ooh|wait|um|nah|no)[,.!]?\s+)*)(?P<what>[a-z][a-z'\-]*(?:\s+[a-z][a-z'\-]*)?)\s+one(?P<end>\W*)$", re.I)  # "vaccine one?", "ok supply chain one": a thing described, its "the" left out
_SUBJECTLESS = re.compile(r"^(?P<lead>\s*(?:(?:ok|okay|so|hmm+|oh|well|but|tbh|honestly)[,.!]?\s+)*)(?:(?P<verb>(?:really\s+)?(?:love|like|enjoy|prefer|hate|dislike|am\s+into))\s+(?P<what>[a-z][\w'\s-]{1,40}?)|(?P<what2>[a-z][a-z'\-]*(?:\s+[a-z][a-z'\-]*)?)\s+(?P<kind>person|guy|gal|nerd|fan))(?P<end>\W*)$", re.I)  # "love discharge stuff", "safety person": what the member is, said without "I"
_NEXT_ONE_WORDS = 6  # "ASC next", "the lean workflow specialist next": a subject and "next", nothing more
_WAY_ASKED = "what is the path"  # what a way asked to somewhere no page is about leaves for the next message to finish
_NOT_PICKED = frozenset({"thing", "things", "time", "few", "couple", "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "shift", "shifts", "night", "nights", "hour", "hours"})  # after an ordinal: a time, not an item shown
_ENDS_LOCATIVE = frozenset({"pathway", "path", "list", "track"})


_CLAIM_GOES_ON = re.compile(r"^\s*(?:and|also|plus)\s+that\s+", re.I)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
_ENDS_SENTENCE = re.compile(r"[.?!;:]['\")]?$")  # "CPSCM." "ok?" "quick one:"
_HOLDING = r"(?:both\s+)?(?:already\s+)?(?:has|have|holds|hold|got|passed|earned|completed|finished)\s+(\S+)"  # "has CPOM", "both got CRIEL"
_HAS_AT_START = re.compile(r"^[\s,:;(\-–—]*" + _HOLDING)  # what a person spoken for "has CPOM …" (told without the name; "Dana - has CPOM, …" in a roster)
_HOLDS = re.compile(r"\b" + _HOLDING, re.I)  # ("Nate and Ella both got CRIEL": what a group holds)
_HAS_LATER = re.compile(r"(\band\b|\bbut\b|,|\b)\s*(?:both\s+)?(?:already\s+)?(?:has|holds|got)\s+(\w+)", re.I)  # ("… and has CQFD", "new tech has CPOM too": what they hold, read as held)
_POSSESSIVE = re.compile(r"['’]s$")  # "which one's", "marcus's"
_IS = re.compile(r"\b(how|what|who|where|when|why|that|it|there|here)'s\b", re.I)


class _Rewrite:
    """The member's message as tokens, with spans replaced by what they refer to."""

    def __init__(self, question: str):
        self.tokens = _IS.sub(r"\1 is", clean(question)).split()  # "how's that different" -> "how is that different"
        shouted = question.isupper()
        self.words = [IT_DEPARTMENT if not shouted and t.strip(_PUNCT) == "IT" else _plain(t) for t in self.tokens]  # "a hospital IT analyst": the department, no "it" to resolve
        self.spans: dict[int, tuple[int, str]] = {}  # first token -> (one past the last, replacement)
        self.kept: set[int] = set()  # tokens that refer to nothing, whatever they look like

    def free(self, a: int, b: int) -> bool:
        return self.kept.isdisjoint(range(a, b)) and not any(a < end and start < b for start, (end, _) in self.spans.items())

    def put(self, a: int, b: int, text: str) -> None:
        if self.free(a, b):
            self.spans[a] = (b, text)

    def found(self, cue: str) -> list[tuple[int, int]]:
        """The cue's free spans, sentence by sentence as the evidence reads them, so "^" starts
        the second sentence too ("i already hold CPSCM. which has fewer left for me")."""
        out: list[tuple[int, int]] = []
        start = 0
        for end in self._sentence_ends():
            out.extend((start + a, start + b) for a, b in lexicon.cue(cue).spans(self.words[start:end]) if self.free(start + a, start + b))
            start = end
        return out

    def _sentence_ends(self) -> list[int]:
        """One past the last word of each sentence: a word that ends with a full stop, a question
        or exclamation mark, a semicolon or a colon (as ``analyze`` splits sentences)."""
        ends = [i + 1 for i, t in enumerate(self.tokens[:-1]) if _ENDS_SENTENCE.search(t)]
        return [*ends, len(self.tokens)]

    def text(self) -> str:
        out: list[str] = []
        i = 0
        while i < len(self.tokens):
            if i in self.spans:
                end, text = self.spans[i]
                tail = self.tokens[end - 1][len(self.tokens[end - 1].rstrip(_PUNCT)) :]
                out.append(text + tail if text else tail)  # "already got that one." keeps its full stop
                i = end
            else:
                out.append(self.tokens[i])
                i += 1
        return _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(t for t in out if t)).lstrip(_PUNCT + " ").rstrip()  # ("the … pathway, second step?": ", CLPD?" reads "CLPD?")


def resolve(question: str, ctx: Context, ix: Index) -> Resolution:
    """The question as it stands on its own, given what the conversation was about."""
    ev = read(question, ix)

    @cache
    def asked_before() -> Evidence:
        """The previous question as read, once per turn, when a rule needs it."""
        return read(ctx.question or "", ix)

    remark = _REMARK.match(question) if not ctx.empty else None
    opened = _ELLIPSIS.match(" ".join(words_of(remark["rest"]))) if remark is not None else None
    if remark is not None and opened is not None and words_of(remark["rest"])[len(opened.group(0).split()) : len(opened.group(0).split()) + 1] in (["the"], ["for"], ["on"], ["her"], ["him"], ["them"]) and not (ev.codes or ev.a.unknown_codes) and not read(remark["remark"], ix).hits.keys() - {"discourse", "chit_chat"}:
        question = remark["rest"]  # "that's early. and the post-ICU clinic pharmacist?": a remark on the last answer, then the same question of another
        ev = read(question, ix)
    dropped = _DROPPED.match(question) if not ctx.empty else None
    if dropped is not None and _ELLIPSIS.match(" ".join(words_of(dropped["rest"]))):
        question = dropped["rest"]  # "ok forget the ops director, what about the governance lead for someone like me?": the one dropped asks nothing
        ev = read(question, ix)
    described_only = lexicon.cue("ref_one_kind").spans(ev.a.words) == [(0, len(ev.a.words))]  # "their day?" … "the forgery one"
    if ctx.pending and (_CANCELS.isdisjoint((ev.cue("discourse") or "").split()) or "continuation" in ev.hits) and ("continuation" in ev.hits or ("correction" in ev.hits and not _asks_on_its_own(ev)) or ((_own_subject(ev) or described_only) and not _asks_on_its_own(ev) and _words_beside_names(ev) <= 2)):
        filled = _filled(ctx.pending, ev, ix) if _only_names(ev) and not _opens_with_a_place(ev.a.words) else None
        question = filled or f"{ctx.pending} {question}"  # "what about the day to day?" + "for the tech supervisor" ("and the third one's day?" + "sorry, I mean the truck stop pharmacist": that one's day)
        ev = read(question, ix)
    if not ctx.empty and len(ev.a.words) <= _NEXT_ONE_WORDS and _own_subject(ev) and _NEXT_AT_END.search(question):
        question = "and " + _NEXT_AT_END.sub("", question)  # "ASC next": the same question of it ("and ASC")
        ev = read(question, ix)
    bare_one = _BARE_ONE.match(question) if not ctx.empty and not (ev.codes or ev.role_named) else None
    if bare_one is not None and all(_describing_word(w, ix) for w in bare_one["what"].lower().split()):
        question = f"{bare_one['lead'] or 'and '}the {bare_one['what']} one{bare_one['end']}"  # "vaccine one?" after a list: "and the vaccine one?", one of them described (after a role's day, "retail one?": its day)
        ev = read(question, ix)
    told_short = _SUBJECTLESS.match(question) if ctx.intent == "pathway" and ctx.role and not (ev.codes or ev.role_named) else None
    if told_short is not None and (told_short["verb"] or all(_topic_word(w, ix) and w not in lexicon.EVALUATIVES for w in told_short["what2"].lower().split())):
        said_short = f"{told_short['verb']} {told_short['what']}" if told_short["verb"] else f"am a {told_short['what2']} {told_short['kind']}"
        question = f"{told_short['lead'] or ''}i {said_short}{told_short['end']}"  # "love discharge stuff", "safety person" after a pathway: the member, dropping the "I"
        ev = read(question, ix)
    if _a_word_of_its_page(question, ev, ctx, ix):
        question = f"{question} (for the {_label(('role', ctx.role or ''), ix)})"  # "precepting?" after a role's duties: whether (and where) its page says so
        ev = read(question, ix)
    corrected = _corrected_at_once(ev, ix)
    if corrected is not None:
        question = corrected  # "the snowbird one. no wait, the clozapine one. overview pls": what follows the correction
        ev = read(question, ix)
    more = _more_of_the_page(ev, ctx, ix) or _part_of_the_page(ev, ctx, ix)
    if more is not None:
        question = more  # "more" after a role's overview: its duties
        ev = read(question, ix)
    same_step = _same_step_of(ev, ctx, ix)
    if same_step is not None:
        question = same_step  # "step two?" … "and on the ops one?": that step of the other role's pathway
        ev = read(question, ix)
    card_asked = _of_the_card(ev, ctx, ix)
    if card_asked is not None:
        question = card_asked  # "whose", "next" after a certification's card
        ev = read(question, ix)
    if ev.set_aside or ev.set_aside_roles:
        question = ev.a.question  # "and which role besides ops director has CMSO on it": what is left is what the follow-up reads
    if ctx.question and "rumour" not in ev.hits and _CLAIM_GOES_ON.match(question) and "rumour" in asked_before().hits:
        question = _CLAIM_GOES_ON.sub("is it true that ", question, count=1)  # "is it true they run drills …" … "and that theyre on call 24/7?": a second claim checked
        ev = read(question, ix)
    r = _Rewrite(question)
    r.kept = {b - 1 for a, b in lexicon.cue("discourse").spans(r.words) if r.words[b - 1] in _DISMISSED}  # "ok forget it, the scheduling manager instead": no "it" to resolve
    picked_by_word = _picked_by_a_word(r, ctx, ix) if not (ev.role_named or ev.codes) else None
    if picked_by_word is not None:
        r.put(0, picked_by_word[0], f"the {_label(('role', picked_by_word[1]), ix)}")  # "going with water. which cert first …" after three roles were weighed
    for a, b, code in _certs_recalled(r.words, ctx, ix) if not ev.codes else ():
        r.put(a, b, code)  # "back to the waste cert from before": the one talked about whose name says "waste"
    why = next((k for k in range(3) if r.words[k : k + 1] == ["why"] and all(w in _WHY_LEADS for w in r.words[:k])), 0)  # ("ok why is that first though", "ok but why start there")
    that = why + (2 if r.words[why + 1 : why + 2] in (["is"], ["s"]) else 1)  # ("why is that first")
    if ctx.thing is not None and ctx.thing[0] == "cert" and (not ev.codes or r.words[that + 1 : that + 2] in (["before"], ["over"], ["ahead"])) and r.words[why : why + 1] == ["why"] and r.words[that : that + 1] in (["that"], ["it"], ["this"]) and r.free(that, that + 1):
        end = that + 2 if r.words[that + 1 : that + 2] == ["one"] and r.free(that + 1, that + 2) else that + 1
        r.put(that, end, _label(ctx.thing, ix))  # "why that for intake", "why that one": why the certification just shown is on that role's path ("why that before CIVWS": put before it)
        if r.words[end : end + 1] in (["first"], ["1st"]):
            r.kept.add(end)  # "why that one first": why it comes first, no first one picked
    starts_there = r.words[why + 1 : why + 2] in (["start"], ["begin"], ["starting"], ["beginning"]) and (r.words[why + 2 :] == ["there"] or (r.words[why + 2 : why + 3] == ["with"] and r.words[why + 3 :] in (["that"], ["it"], ["this"], ["that", "one"])))
    if ctx.thing is not None and ctx.thing[0] == "cert" and not ev.codes and r.words[why : why + 1] == ["why"] and starts_there and r.free(why + 1, len(r.words)):
        r.put(why + 1, len(r.words), f"{_label(ctx.thing, ix)} first")  # "why start there?" after a pathway: why its first step comes first
    thanks = all(w in lexicon.GRATITUDE or w in lexicon.GREETINGS or w in _THANKS_FILLERS for w in r.words) and not lexicon.GRATITUDE.isdisjoint(r.words)  # "great, appreciate it": no "it" to resolve
    named_only = bool(r.words) and set(r.words) <= {p for p, _ in ctx.people}  # "ben": a person spoken for before, no foreign word
    if not r.words or thanks or _reacts(ev) or (ev.chit_chat and not _own_subject(ev)) or (language(ev, ix) is not None and not named_only):
        return Resolution(question, False, False, evidence=ev)  # (a reaction borrows no subject: "lol that was a nightmare 😩"; nor chit-chat: "do you ever get tired of answering these"; nor "¿y esa certificación cuánto cuesta?", which English added to it would hide)
    if (ctx.refused or not ctx.empty) and _which_ones_held(ev):
        kind = ctx.refused or (ctx.thing[0] if ctx.thing else "role")
        final = read(f"which {'certifications' if kind == 'cert' else 'roles'} do you have", ix)
        return Resolution(final.a.question, True, True, evidence=final)  # "got a cert for sterile compounding?" refused … "ok which ones DO you have": the certifications
    if _lists_the_knowledge(ev) and not _own_subject(ev) and not _EVERY.isdisjoint(r.words) and not {"you", "u"}.isdisjoint(r.words):
        return Resolution(question, False, False, evidence=ev)  # "which certs do you know about, all of them": every one the bot holds, not the ones just shown
    if ev.cue("missing_employment") and ctx.people and not ev.role_named and not ev.codes:
        return Resolution(question, False, True, evidence=ev)  # "which of them should get the scholarship" after two people: a decision about them, no role or step
    if ctx.thing is not None and ctx.thing[0] == "cert" and ctx.role and ctx.thing[1] not in _steps(ctx.role, ix) and ("whose" in r.words or _which_roles_path(r.words)) and not (ev.codes or ev.role_named) and lexicon.ORDINALS.keys().isdisjoint(r.words) and len([w for w in r.words if w not in lexicon.STOPWORDS]) <= _WHOSE_WORDS:
        final = read(f"whose path has {ctx.thing[1]}", ix)
        return Resolution(final.a.question, True, True, final.named_roles, frozenset(), evidence=final)  # "diff q: what's CDICP" after another role … "whose path?": the one with it, not the role before
    own = _own_subject(ev)
    referred = False
    words = r.words
    people = _people(words, r.tokens, ix, {p for p, _ in ctx.people})
    if all(_noun(k) and k not in dict(ctx.people) for _, _, k in people):
        people = _described_person(words, ctx) or people  # "now the new hire" after "Bea (new hire) …": Bea
    nouns = {noun for _, _, noun in people}
    told, told_at, wants, in_order = _told_for(people, r.tokens, ix) if len(nouns) >= 2 else ((), frozenset(), (), ())  # "Priya wants to be an RPD, Marcus wants ops director"
    wanted = dict((*reversed(ctx.wants), *wants))  # (newest wins)
    person_focus = ""  # what the person asked about was told to want ("marcus is obsessed with prior auths")
    their_first = False
    asked_role: str | None = None  # the role of the one person asked about, of several just told
    asked_for = _asked_for(people, told, told_at, r.tokens, wants) if len(told) >= 2 else None  # "… start with Priya - what's her path"
    asked_for = asked_for or _holder_asked(words, (*reversed(ctx.wants), *wants), ix)  # "the one who already has CMSO — where does she start"
    speaks_for = asked_for[0] if asked_for else next(iter(nouns)) if len(nouns) == 1 else ""
    known = dict(reversed((*told, *reversed(ctx.people))))  # newest first wins
    theirs = known.get(speaks_for) if speaks_for else None
    of_theirs = any(words[a - 1 : a] == ["of"] for a, _, _ in people)  # "which of Ravi's is about budgets": of that person's steps
    nearest = _nearest_done(ev, words, known, wanted, ix)
    if nearest is not None:  # "Nia holds CERPD and CPEEA …, Omar has CHPOP … who's closer to finishing?": the one with fewest steps left
        loves = _held_said_first(wanted.get(nearest, ""), ix)
        loves = "" if loves and "contrast" in read(loves, ix).hits else loves  # ("Kim's time and motion job vs Dev's …": what was weighed, nothing Kim loves)
        return _person_turn((f"({loves}) " if loves else "") + f"how do I become the {_label(('role', known[nearest]), ix)}", nearest, told, wants, ix)
    if asked_for and theirs:  # the person asked about, of several just told
        ctx = _about_role(ctx, theirs, ix, speaks_for)
        referred = True
        person_focus = _held_said_first(wanted.get(speaks_for, ""), ix)
        asked_role = theirs
        r.put(0, asked_for[1], "")
        for a, b, _ in people:
            if a >= asked_for[1]:
                r.put(a, b, "")
    elif theirs and (theirs != ctx.role or _only_the_person(words, people) or not _RETURNS.isdisjoint(words) or of_theirs or _another_ones_path(speaks_for, ctx, words)) and not (ev.role_named or set(ev.codes) - set(ev.held)) and (not _RETURNS.isdisjoint(words) or not _noun(speaks_for) or (len(ctx.people) >= 2 and not (ev.goal_role or ev.described or ev.wished))):
        # "back to the first resident, which cert first for her", "and Priya already has CPPE": that person's role again (a name needs no "back"; nor a job noun of several told, with no goal of its own: "and for my tech, what comes first on her path")
        intent, section = ctx.asked_of or (ctx.intent, ctx.section)
        ctx = _about_role(ctx, theirs, ix, speaks_for)
        referred = True
        for a, b, k in people:
            start_at = a - 2 if words[a - 2 : a] == ["back", "to"] else a
            if not _noun(k) and words[b : b + 1] in (["has"], ["holds"]) and start_at == a:
                continue  # "Raj has CPOM fwiw, what does his path look like": who holds it stays said
            r.put(start_at, b, _joined([_label(e, ix) for e in ctx.shown], "or") if words[a - 1 : a] == ["of"] else "")  # ("back to lin, her second step?": the step is asked, not "back"; "which of Ravi's is about budgets": of his steps)
        if not of_theirs:
            asked_role = theirs  # "back to Dana - what's her day going to be like": her role's
        step_card = any(w in lexicon.ORDINALS and n in lexicon.CERT_NOUNS for w, n in zip(words, words[1:]))  # ("what is her first cert": that step's card)
        again = (ctx.asked_of or ("",))[0] == "pathway" and lexicon.ORDINALS.keys().isdisjoint(words) and _STEP_NOUNS.isdisjoint(words) and _ASKS_SOMETHING.isdisjoint(words) and not ev.cert_nouns  # "sorry cat on keyboard. Priya's now": her way again, in her order
        if (ev.pathway_cue or "ordering" in ev.hits or again) and not (step_card or ev.section_cue or ev.hits.keys() & {"self_describe", "likes", "cert_seek", "weak_overview", "identity"}):
            person_focus = _held_said_first(wanted.get(speaks_for, ""), ix)  # "and marcus's first step?": what he was told to love orders his steps (not "… anything on her path about safety?")
        their_first = step_card and not _noun(speaks_for) and f"@{speaks_for}" not in dict(ctx.paths) and any(lexicon.ORDINALS.get(w) == 1 for w in words)  # "Ines's first cert?" with no way shown for her yet: where she starts, in her order
        if their_first:
            person_focus = _held_said_first(wanted.get(speaks_for, ""), ix)
        if _only_the_person(words, people):
            title = _label(("role", theirs), ix)  # "now Marcus": the same question, for them
            told_of = _told_after(words, people)
            loves = " ".join(x for x in (wanted.get(speaks_for, ""), " ".join(r.tokens[told_of[0] : told_of[1]]) if told_of else "") if x)
            loves = _held_said_first(loves, ix)  # "Quinn has CPOM and wants …" … "quinn now": what Quinn holds, as the way is read
            return _person_turn(_asked_again(intent, section, title, loves), speaks_for, told, wants, ix)
    elif theirs and theirs == ctx.role and not (ev.role_named or ev.codes) and all(not _noun(k) for _, _, k in people):
        for a, b, _ in people:
            if b < len(words) and words[b] in lexicon.ORDINALS and _POSSESSIVE.search(r.tokens[b - 1].strip(_PUNCT)) and r.free(a, b):
                r.put(a, b, "")  # "and lee's third?" while Lee's pathway is in view: its third step
                referred = True
                if lexicon.ORDINALS[words[b]] == 1 and ctx.intent != "pathway" and f"@{speaks_for}" not in dict(ctx.paths):
                    their_first = True  # "Ines's first cert?" after a refusal: where she starts, in her order
                    person_focus = _held_said_first(wanted.get(speaks_for, ""), ix)
                continue  # "what should Lee get first" while Lee's role is talked about: read as "they", as the cue lists say it
            if r.free(a, b) and 0 < a and words[a - 1] in _ASKING_VERBS and words[0] in lexicon.WH_WORDS:
                r.put(a, b, "their" if _POSSESSIVE.search(r.tokens[a].strip(_PUNCT)) else "they")  # ("what does Ben's day look like")
                referred = True
                asked_role = theirs
        if len(people) == 1 and not _someone_new(words) and wanted.get(speaks_for):
            person_focus = _held_said_first(wanted[speaks_for], ix)  # "for Ana, which first": what she was told to love orders her steps
    by_order = _person_by_order(words, ctx) if not (people or ev.codes or ev.role_named) else None
    if by_order is not None:  # "back to the first one, she also wants to lead the team": the first person spoken for
        (a, b), who, theirs = by_order
        ctx = _about_role(ctx, theirs, ix)
        referred = True
        r.put(a, b, "")
        if all(w in lexicon.STOPWORDS or w in _SAID_BEFORE for k, w in enumerate(words) if not a <= k < b):  # "the second person I listed?": the same question, of them
            intent, section = ctx.asked_of or (ctx.intent, ctx.section)
            loves = _held_said_first(wanted.get(who, ""), ix)
            title = _label(("role", theirs), ix)
            return _person_turn(_asked_again(intent, section, title, loves), who, told, wants, ix)
    elif not (people or ev.role_named) and (by_pronoun := _person_by_pronoun(words, ctx)) is not None and (by_pronoun[1] != ctx.role or by_pronoun[0] != ctx.people[0][0]):
        speaks_for, theirs = by_pronoun  # "back to him. why is CMSO on his path": the one person spoken of as "he"
        ctx = _about_role(ctx, theirs, ix, speaks_for)
        referred = True
        if all(w in lexicon.LEAD_FILLERS or w in _JUST_THEM for w in words):  # "and her?": the same question, of her
            intent, section = ctx.asked_of or (ctx.intent, ctx.section)
            loves = _held_said_first(wanted.get(speaks_for, ""), ix)
            title = _label(("role", theirs), ix)
            return _person_turn(_asked_again(intent, section, title, loves), speaks_for, told, wants, ix)
    newcomer = (bool(speaks_for) and (bool(ctx.people) or "now" in words[:2] or (not lexicon.WISH_WORDS.isdisjoint(words) and ev.hits.keys().isdisjoint(REFERRING))) and theirs is None) or _someone_new(words)  # "and my tech wants to teach other techs, where does he start"
    theirs_two = list(dict.fromkeys(known[k] for _, _, k in people if k in known))  # "do omar and lena's paths overlap": the roles of the two people named
    only_overlap = (ctx.intent == "pathway" or (ctx.intent == "role" and len(ctx.roles) == 2)) and all(w in lexicon.STOPWORDS or w in lexicon.PATH_NOUNS or any(a <= i < b for a, b in lexicon.cue("both").spans(words)) for i, w in enumerate(words))  # "overlap?" after two pathways, or two roles weighed
    by_ordinal = len(ctx.named) >= 3 and any(w in lexicon.ORDINALS and n in lexicon.COUNTS for w, n in zip(words, words[1:]))  # "do the first two have anything in common" of three named: the ordinal picks them
    weighed = _two_roles(ctx) if ev.cue("both") and (ev.cert_nouns or ev.cert_seek or only_overlap) and not (ev.codes or ev.held or ev.role_named or people or by_ordinal) else None
    if by_ordinal and ev.cue("both") and not (ev.codes or ev.role_named or people):
        weighed = _two_named(words, ctx)
    if ev.cue("both") and len(theirs_two) == 2 and len(people) == 2 and not (ev.codes or ev.role_named):
        weighed = (theirs_two[0], theirs_two[1])
    if weighed is None and ctx.question and ev.role_best and not (ev.codes or people) and (apart := ev.named_apart(ev.role_best)) and (_only_names(ev) or ev.cue("both")) and asked_before().cue("both"):
        weighed = (ev.role_best, apart[0])  # "which cert do the ops director and the standard work lead share" … "and the ops director and the override analyst?" ("… do they have anything in common there?"): the same, of these two
    if weighed is None and ev.cue("both") and "ref_many" in ev.hits and (ev.cert_nouns or ev.cert_seek) and ev.role_named and ev.role_best and ctx.role not in (None, ev.role_best) and not (ev.codes or people or ev.named_apart(ev.role_best)):
        weighed = (ctx.role or "", ev.role_best)  # "she also mentioned the ops director. which certs do those two share?": the role talked about and the one named
    if weighed is not None and any(name.startswith(lexicon.FACET_PREFIX) for name in ev.hits):
        weighed = None  # "and what do each of them make": a fact no page gives, of both
    if weighed is not None:  # "what cert do those two have in common", "which certs are on both their paths": the two roles talked about
        pair_said = f"the {_label(('role', weighed[0]), ix)} and the {_label(('role', weighed[1]), ix)}"
        shared = f"which certifications do both {pair_said} have" if ev.cert_nouns or ev.cert_seek or ev.certs_plural else f"do {pair_said} pathways overlap"  # "do they share any cert": its card; "do their paths overlap": both pathways, what they share first
        final = read(shared, ix)
        return Resolution(shared, True, True, final.named_roles, frozenset(), speaks_for, told=told, wants=wants, evidence=final, named=in_order or _roles_numbered(ev))

    # "the second one", "the last cert", "the first two" -- over the named role's steps, else what was shown
    along = ev.role_named and not _path_claimed(ev, words)  # (not "the last one is on the ops director path too right?": a claim about the one shown)
    recalled = None if along else _recalled(ev, ctx)  # "go back, the staffing one, what was the second cert on it"
    path_of = ev.role_best if along else recalled
    step_number = any(w == "step" and _NUMBERED.get(n) for w, n in zip(words, words[1:]))
    numbered = not lexicon.ORDINALS.keys().isdisjoint(words) or step_number
    by_length = _by_length(ev, ctx, ix)
    if path_of is None and numbered and by_length is not None:
        path_of = by_length[1]  # "the longer one's first step" after two roles weighed: of that role's pathway
    if path_of is None and numbered and (other_role := _other_path(ctx, r, words)) is not None:
        path_of = other_role  # "and step two on the other one?", "the first cert on the other one's path": of the other role's pathway
    if path_of is None and numbered and not ev.role_named and not _path_claimed(ev, words) and (said_path := _path_said(words, r, ctx, ix)) is not None:
        path_of = said_path  # "and step 2 on the refinery path?": that role's pathway, said by a word of its page
    if path_of is None and ctx.role and (not ctx.shown or ((all(e[0] == "role" for e in ctx.shown) or ctx.intent == "pathway" or _back_to_a_path(words) is not None) and "step" in words)) and "ordering" not in ev.hits and (not _ENDS_LOCATIVE.isdisjoint(words) or (step_number and ctx.intent == "pathway" and _reordered(ctx, ix))) and numbered:
        path_of = ctx.role  # "whats the second cert on their path" after the role's day, "what's step 2 of its path" (or "… on it") after a choice of roles or a pathway put in another order: its page's steps
    elif path_of is None and numbered and _on_that_path(words) and (ctx.role or ctx.intent == "certification") and not (people or ctx.people or "back" in words) and ev.hits.keys().isdisjoint({"for_someone", "ref_self", "ref_earlier"}) and _NEEDING.isdisjoint(words):
        card = _path_of_card(ctx, ix) if ctx.intent == "certification" else None
        path_of = card[0] if card and card[0] else ctx.role  # "whats the first step on that path" after a card of it, or a list of certs by topic: that role's pathway
    elif path_of is None and ctx.role and ctx.intent == "role" and numbered and ev.hits.keys().isdisjoint({"ref_one_kind", "ref_earlier"}) and (any((w in lexicon.CERT_NOUNS or w in ("step", "steps")) and i >= 1 and words[i - 1] in lexicon.ORDINALS and (i == 1 or words[i - 2] in _OF_IT or "ordering" not in ev.hits) for i, w in enumerate(words)) or (step_number and len(words) <= 3)):
        path_of = ctx.role  # "whats a label accessibility specialist" … "their second cert?", "step 2": of that role's pathway, not the one shown before
    if path_of is None and numbered:
        on_one = next(((a, b) for a, b in lexicon.cue("ref_one_kind").spans(words) if words[b - 1] == "one" and ((a and (words[a - 1] in _LOCATIVES or words[max(0, a - 2) : a] == ["back", "to"])) or (_POSSESSIVE.search(r.tokens[b - 1].strip(_PUNCT)) and words[a + 1] not in lexicon.ORDINALS and words[b : b + 1] and words[b] in _STEP_NOUNS))), None)  # ("back to the cleanroom one, what was the last cert on it"; "and the ops one's step 3?")
        meant = _described(" ".join(r.tokens[on_one[0] + 1 : on_one[1] - 1]), ctx, ix, "role") if on_one and not _path_claimed(ev, words) else None
        if meant is not None and meant[0] == "role":
            path_of = meant[1]  # "whats step 2 on the pilgrim one" after another role's pathway: that one's steps
    as_paged = _page_order(words) if numbered and ctx.role and ctx.shown and all(e[0] == "cert" for e in ctx.shown) else None
    if as_paged is not None and path_of is None:  # "whats step 2 in the normal order" after a pathway put in the member's order: the page's
        path_of = ctx.role
        if r.free(*as_paged):
            r.put(*as_paged, "")
    steps = tuple(("cert", s.certification) for s in ix.knowledge.roles[path_of].pathway) if path_of else ()
    listed = steps or ctx.shown
    back_to = None if steps else _list_recalled(words, ctx)
    back_at = _back_to_a_path(words) if steps else None
    if back_at is not None and r.free(*back_at):
        r.put(*back_at, "")  # "ok back to the path, what was step 3" after their day: it only says which list
    if back_to:
        listed = back_to  # "ok back to the list, what was the second?" after a role or two picked from it
        if "back" in words and r.free(words.index("back"), words.index("list") + 1):
            r.put(words.index("back"), words.index("list") + 1, "")  # (it only says which list)
    if not steps and len(ctx.shown) < 2 and ctx.intent == "certification" and ctx.role is not None and "ref_earlier" not in ev.hits:  # (not "the first one I asked about")
        card = _path_of_card(ctx, ix)
        before = ctx.recent[1] if len(ctx.recent) > 1 else None
        if card is not None and card[0] == ctx.role and (before is None or before[0] != "cert" or before in card[1]):  # ("what's CPOM" … "and CDPS?" … "the first one": the cards asked about)
            listed = card[1]  # "the first cert on the ops director path" … "what comes after it" … "and the last": along that pathway
    here = _roles_named_before_ordinal(ev, words, r.tokens, in_order)
    if here:
        steps, listed = (), here  # "deciding between transitions of care pharmacist and sterile compounding supervisor. overview of the first one?": of the two just named
        ordinal_at = next(i for i, w in enumerate(words) if w in lexicon.ORDINALS)
        naming_end = max((k + 1 for k in range(ordinal_at) if _SENTENCE_END.search(r.tokens[k]) or r.tokens[k] in ("-", "--", "—")), default=0)
        if naming_end and r.free(0, naming_end):
            r.put(0, naming_end, "")  # (the sentence that named them has done its job: "… benchmarking analyst - give me the third one's overview" asks of that one)
    picked_of: tuple[str, ...] = ()  # the roles named apart, of which a word picked one ("the irAE one")
    for a, b, rid in _one_of_those_named(ev, words, ix):
        if r.free(a, b):
            picked_of = tuple([rid, *[x for x in _roles_apart(ev, len(ev.a.words)) if x != rid]])
            r.put(a, b, f"the {_label(('role', rid), ix)}")  # "torn between the irAE pharmacist and the high-risk pregnancy pharmacist. what does the irAE one actually do?": the one of the two that word names
            naming_end = max((k + 1 for k in range(a) if _SENTENCE_END.search(r.tokens[k]) or r.tokens[k] in ("-", "--", "—")), default=0)
            if naming_end and r.free(0, naming_end):
                r.put(0, naming_end, "")  # (the sentence that named them has done its job)
    last_ordinal = -9
    stepped_path = ""  # the role whose pathway a step was picked from
    along_named = (path_of or "") if not ev.role_named or not _ENDS_LOCATIVE.isdisjoint(words) else ""  # (a role named here, only with a path noun: not "… isnt that the one from the ops director page")
    picked_role = False  # "the third one, what do they do": "they" is the role picked
    role_picked_at = -1  # where the words after a role picked by its ordinal begin ("the 2nd role's | first step")
    for i, w in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        alone = len([x for k, x in enumerate(words) if x not in lexicon.STOPWORDS and x not in _RETURNS and not any(a <= k < b for a, b, _ in people)]) == 1  # "first?", "and the second", "back to sam, 2nd?"
        paired = i >= 2 and words[i - 1] in ("and", "or") and last_ordinal == i - 2  # "the difference between the 1st and 2nd"
        owned = any(b == i and _POSSESSIVE.search(r.tokens[b - 1].strip(_PUNCT)) for _, b, _ in people)  # "and marcus's second?": of his pathway
        shown_so = i >= 2 and words[i - 2] in _YOU and words[i - 1] in _SHOWING  # "the cert you put first": as the bot showed them
        if w not in lexicon.ORDINALS or not ((i and words[i - 1] in _DEFINITE) or following in lexicon.ORDINAL_NOUNS or following in lexicon.COUNTS or alone or paired or owned or shown_so) or following in _NOT_PICKED:
            continue  # "which of those first": an order, not a reference ("do first thing": the morning; "the last few months": a time)
        if any(a <= i < b for a, b, _ in people) or (following in _BY_ORDER - {"one"} and len(ctx.people) >= 2) or (_CLAUSE_END.search(r.tokens[i]) and any(a == i + 1 for a, _, _ in people)):
            continue  # "back to the first resident", "the second person I listed": a person, not a step
        if (i and words[i - 1] == "other") or words[max(0, i - 2) : i] == ["other", "one"]:
            continue  # "and the other's first cert?", "and the other one's first step?": of the other one (below)
        said_at = i - 1 if i and words[i - 1] in _DEFINITE else i
        named_before = said_at >= 1 and (words[said_at - 1] in lexicon.ROLE_HEADS or (said_at >= 2 and words[said_at - 1] in ("is", "was") and words[said_at - 2] in lexicon.ROLE_HEADS))
        if ev.role_named and named_before and following not in lexicon.ORDINAL_NOUNS:
            continue  # "app support specialist is the first, line clearance specialist the second": the member's own order of the roles named
        if i + 1 in ev.title_positions and following not in lexicon.ORDINAL_NOUNS:
            continue  # "… stays until the last shelter closes": a word of the title named, not a step
        if ev.role_named and following.isalpha() and following not in lexicon.STOPWORDS and following not in lexicon.COUNTS and _PICKED_NOUNS.isdisjoint(words[i + 1 : i + 4]) and lexicon.PATH_NOUNS.isdisjoint(words):
            continue  # "for the PPH kit coordinator: the right dose of the first uterotonic in the kit": the first of a thing, no step of the role named
        theirs_shown = theirs is not None or (ctx.intent == "pathway" and (len(ctx.people) <= 1 or not any(g == _pronoun_of(words) for _, g in ctx.pronouns)))  # ("my lead tech … where should she start" … "what's her second step": the pathway just shown is hers; of two, the one just shown when neither was called "he" before)
        if i and words[i - 1] in _MEMBERS_OWN and not (words[i - 1] in ("her", "his") and theirs_shown and following in lexicon.ORDINAL_NOUNS):
            continue  # "at my last job": the member's, not the last one shown ("back to priya, whats her second step": of her pathway)
        if lexicon.ORDINALS[w] == 0 and following not in lexicon.ORDINAL_NOUNS:
            continue  # "the middle one", not "in the middle of the day"
        if any(x <= i < y and not _CHANGING.isdisjoint(words[x:y]) for x, y in lexicon.cue("ordering").spans(words)):
            continue  # "Pim's really into leading people, does that change his first step": the order, not that step
        held_it = i >= 2 and words[i - 1] in _DEFINITE and words[i - 2] in lexicon.HELD_CUES  # "I already hold the first one. What would come next for me?": that step, held
        if lexicon.ORDINALS[w] == 1 and ctx.role is not None and not held_it and (not ev.hits.keys().isdisjoint({"for_someone", "ref_self"}) or (("if" in words or ctx.intent == "pathway") and not ev.hits.keys().isdisjoint({"self_describe", "likes", "likes_theirs"})) or (any(not _noun(k) for _, _, k in people) and f"@{speaks_for}" not in dict(ctx.paths))):
            continue  # "so for someone like me, whats the first step again", "… first step if he's more of a numbers guy", "she loves teaching, still the same first step?" after her pathway, "Lee: first cert for the lean coordinator?": where they start, the pathway in their order (once shown in it, "what was Tom's first one again" is its first)
        if lexicon.ORDINALS[w] == 1 and ev.role_named and ev.pathway_cue and ev.hits.keys() & {"ref_self", "likes", "self_describe", "for_someone"} and not ctx.shown:
            continue  # "I love safety work. What is the first step to director of pharmacy operations for me?": where they start, the pathway in their order
        if not (i and words[i - 1] in _DEFINITE) and not (in_order and here) and "ordering" in ev.hits and ev.pathway_cue and not ev.only_ordering and (ev.role_named or ev.goal_role):
            continue  # "… want to move to pharmacy documentation audit. first cert?": which first, not the first shown
        referred = True
        last_ordinal = i
        start, end, count = (i - 1 if i and (words[i - 1] in _DEFINITE or (words[i - 1] in ("her", "his") and theirs_shown)) else i), i + 1, 1
        if shown_so:
            start = next((k for k in range(i - 2, max(i - 5, -1), -1) if words[k] in _DEFINITE), i - 2)  # (the whole "the cert you put first")
        if end < len(words) and words[end] in lexicon.COUNTS:
            count, end = lexicon.COUNTS[words[end]], end + 1
        if end < len(words) and words[end] in lexicon.ORDINAL_NOUNS:
            end += 1
        pos = lexicon.ORDINALS[w]
        duties = _section_items(ctx, ix) if not listed and count == 1 and following not in lexicon.CERT_NOUNS | _ROLE_WORDS and following not in ("step", "steps") else ()
        if duties and following not in lexicon.ORDINAL_NOUNS and _in_a_heading(words[i : i + 3], duties):
            continue  # "what happens at the first med pass" when the day has a "First Med Pass": that entry, by its own words
        if 0 < pos <= len(duties) or (pos < 0 and duties):
            r.put(start, end, f"the {duties[pos - 1 if pos > 0 else pos].lower()} part")  # "ops director core responsibilities?" … "the third one, is there a cert for that"
            continue
        among = listed
        two_roles_talked = _roles_talked(ctx) >= 2 or len(ctx.roles) >= 2 or len(ctx.named) >= 2
        one_step_shown = len(ctx.shown) == 1 and ctx.intent == "pathway" and ctx.role is not None  # a step's card ("the second role's first step?")
        step_shown = ctx.thing is not None and ctx.thing[0] == "cert" and bool(ctx.question) and step_place(asked_before()) is not None  # ("whats step 2 on the second one" … "and on the first one?": the same step of that role's)
        ones = (following == "one" and (bool(_POSSESSIVE.search(r.tokens[i + 1].strip(_PUNCT))) or (one_step_shown and words[i - 2 : i] == ["for", "the"]) or (words[i - 2 : i] == ["on", "the"] and (step_shown or "step" in words[: i - 2])))) or (i + 1 == len(words) and bool(_POSSESSIVE.search(r.tokens[i].strip(_PUNCT))))  # "and the first one's?", "and for the first one?", "now the second's": whose, a role's
        if (following in _ROLE_WORDS or (ones and two_roles_talked)) and not steps and (not listed or listed[0][0] != "role"):
            among = tuple(e for e in reversed(ctx.recent) if e[0] == "role")  # "ok back to the first role": the roles talked about, first first
            latest = [e[1] for e in ctx.recent if e[0] == "role"][: len(ctx.roles)]
            if (len(among) < 2 or ones or set(latest) == set(ctx.roles)) and len(ctx.roles) >= 2:
                among = tuple(("role", x) for x in ctx.roles)  # (two weighed, one pathway shown; or the last roles talked about named together: as they were named)
        elif not steps and len(ctx.roles) >= 2 and listed and all(e[0] == "cert" for e in listed) and (not ev.hits.keys().isdisjoint({"day", "responsibilities"}) or "overview" in words) and following not in lexicon.CERT_NOUNS:
            among = tuple(("role", x) for x in ctx.named if x in ctx.roles) if set(ctx.roles) <= set(ctx.named) else tuple(e for e in reversed(ctx.recent) if e[0] == "role" and e[1] in ctx.roles)  # "ok back to the first one, whats their day like" after what two roles share: of the roles (as the member named them, when they did)
        elif not steps and not alone and len(listed) < 2 and pos > len(listed) and ctx.thing is not None and ctx.thing[0] == "cert" and ctx.intent == "certification":
            among = tuple(e for e in reversed(ctx.recent) if e[0] == "cert")  # "what's CPTI" … "and CPCA" … "the second one": the certifications talked about, first first
        if 0 < len(among) < pos <= len(ctx.roles) and all(e[0] == "role" and e[1] in ctx.roles for e in among):
            among = tuple(("role", x) for x in ctx.roles)  # "X, Y and Z: what do the first two have in common" … "the third one's overview": of the three named
        elif not steps and min(len(ctx.roles), len(among) or len(ctx.roles)) < len(ctx.named) and set(ctx.roles) <= set(ctx.named) and pos <= len(ctx.named) and (ones or following in _ROLE_WORDS or following in lexicon.COUNTS) and (not among or all(e[0] == "role" and e[1] in ctx.named for e in among) or (ev.cue("both") and following in lexicon.COUNTS)):
            among = tuple(("role", x) for x in ctx.named)  # "quiet zone lead, church pharmacist, freight claims coordinator - which …" … "what do the other two have in common" … "the third one's overview": as the member numbered them
        if pos == 0 and len(among) % 2 == 0:
            continue  # "the middle one" of two or four: none
        if (following in lexicon.CERT_NOUNS or following in _STEP_NOUNS) and ((among and all(e[0] == "role" for e in among)) or role_picked_at == i):  # ("the 2nd role's first step": of the role just picked)
            continue  # "whats the first cert on the other one's path" after two roles: a step of a pathway, read with it
        if len(among) >= 2 and all(e[0] == "cert" for e in among) and following not in _STEP_NOUNS and lexicon.PATH_NOUNS.isdisjoint(words) and (said := _codes_as_said(ctx, ix)) and set(said) == {e[1] for e in among}:
            among = tuple(("cert", c) for c in said)  # "CHMLS vs CFMSE vs CMSO: which …" … "the first one": as the member named them, not as ranked
        if among and pos <= len(among):
            picked = list(among[:count]) if pos == 1 and count > 1 else list(among[-count:]) if pos == -1 and 1 < count <= len(among) else [_nth(among, pos)]  # ("the first two", "the last two")
            same_for = words[max(0, start - 2) : start] in (["same", "for"], ["same", "with"])  # "same for the third"
            only_whose = (ones or same_for) and picked[0][0] == "role" and not any(w not in lexicon.STOPWORDS for w in words[end:])  # "and the first one's?": the same again, of that role
            place = step_place(asked_before()) if only_whose and ctx.intent in ("certification", "pathway") and ctx.question else None
            if place is not None:  # "the second one's first step?" … "and the first one's?": that step of its pathway
                r.put(start, end, f"the {next(w for w, n in lexicon.ORDINALS.items() if n == place)} step of the {_label(picked[0], ix)} path")
                continue
            bare = alone or (following in _ROLE_WORDS and len([x for k, x in enumerate(words) if x not in lexicon.STOPWORDS and x not in _RETURNS and k != i + 1]) == 1)  # ("and the last role?")
            if (only_whose or (bare and picked[0][0] == "role" and (len(among) >= 3 or words[:1] == ["and"]))) and ctx.intent == "role" and ctx.section in _SECTION_WORDS:  # "their day?" … "and the first one's?", "then the third" (of three or more named): its day
                r.put(start, end, f"the {_label(picked[0], ix)} {_SECTION_WORDS[ctx.section or '']}")
                picked_role = True  # (still among the roles named: "which of the two …" after)
                continue
            if only_whose and ctx.intent == "pathway":  # "the first one's path" … "and the third one's?": its pathway
                r.put(start, end, f"the {_label(picked[0], ix)} path")
                role_picked_at = end
                continue
            if pos == 1 and picked[0][0] == "cert" and picked[0][1] in ev.held and following in _STEP_NOUNS:
                continue  # "Tom already has CPRCO, so what's his first step?": the first of those left (a pathway without it)
            if picked[0][0] == "cert" and len(set(ev.codes)) == 1 and ctx.intent == "pathway" and ctx.role and set(ev.codes) <= _steps(ctx.role, ix) and pos != 0 and _asked_in_place(words, ev, start):
                r.put(start, end, f"the {w} step on the {_label(('role', ctx.role), ix)} path")  # "is CAMVP the third one?" after a pathway: where it stands there, not "is CAMVP CAMVP"
                continue
            whose = _whose_step(start, words, r.tokens, people, ctx) if picked[0][0] == "cert" else None
            if whose is not None and r.free(whose, start):
                start = whose  # "Lu's second step?", "kims second step?": the step of her pathway, nothing asked of her
            r.put(start, end, _joined([_label(e, ix) for e in picked]))
            if words[end : end + 1] and words[end] in _YOU and words[end + 1 : end + 2] and words[end + 1] in _SAID_BEFORE | _SHOWING and r.free(end, end + 2):
                r.put(end, end + 2, "")  # "go back to the first cert you said": it only says which list
            picked_role = picked_role or any(e[0] == "role" for e in picked)
            role_picked_at = end if any(e[0] == "role" for e in picked) else -1
            if steps:
                _drop_named_path(r, start, path_of, ix)
                stepped_path = along_named
            if listed and not (ev.role_named and not along):  # "... on the informatics manager pathway", "the last one on that list" has done its job: it names the list, not a pathway question (but "is the last one on the ops director path too" asks it)
                loc = next((k for k in range(end, len(words)) if words[k] in _LOCATIVES), None)
                _drop_whose_list(r, words, loc)

    for i, start, end, number in _by_number(words):  # "what's step 3", "step two", "cert 2?", "3?": a step by its number
        if role_picked_at > end:
            continue  # "what's step 2 on the second one": a step of the role picked after it (nth_step reads it)
        if listed and listed[0][0] == "cert" and number <= len(listed) and r.free(start, end):
            referred = True
            r.put(start, end, _label(_nth(listed, number), ix))
            _drop_whose_list(r, words, end if end < len(words) and words[end] in _LOCATIVES else None)  # "step 2 of the training coordinator pathway", "step 2 of that path": whose step
            if steps:
                _drop_named_path(r, start, path_of, ix)
                stepped_path = along_named
    one_cert = _one_cert_of_path(ev, ctx, ix, r)
    if one_cert is not None:  # "do they deal w safety stuff too" … "which cert covers that": the step of their path about it
        final = read(one_cert, ix)
        shown_as = {"by_topic", "one_cert"} if one_cert.startswith("which cert first") else {"by_topic"}
        return Resolution(one_cert, True, True, final.named_roles, frozenset(shown_as), speaks_for, told=told, wants=wants, evidence=final)
    # "and the other one?": the other of the two just talked about
    swapped_at: set[int] = set()  # "and the other one?": a name in place of the reference, asked as "and <name>?"
    for a, b in r.found("ref_other"):
        of_three = [x for x in ctx.roles if x != ctx.role] if len(ctx.roles) == 3 and ctx.role in ctx.roles and words[b - 1] in ("two", "2", "ones") else []
        if len(of_three) == 2:  # "same for the other two" after one of three roles' day: the next of them (one answer; the member asks again for the last)
            referred = True
            r.put(a, b, f"same for the {_label(('role', of_three[0]), ix)}")
            swapped_at.add(a)
            continue
        if ev.role_named and ev.role_best and min(ev.role_where.get(ev.role_best) or {-1}) >= b and ev.role_best not in (ctx.role, *ctx.roles):
            continue  # "no wait, I meant the other one, the supplier analyst": the one it names
        two = list(_last_two(ctx) or ()) or (list(ctx.shown) if len(ctx.shown) == 2 else []) or [("role", x) for x in ctx.roles if len(ctx.roles) == 2] or _roles_behind_step(ctx, ix)  # (two roles weighed, a pathway shown since; or one of their steps)
        pivot = ctx.thing if ctx.thing in two else ("role", ctx.role) if ctx.role else None  # ("do they share any cert?" … "the other one's day": beside the role chosen)
        if pivot in two:
            referred = True
            other = next(e for e in two if e != pivot)
            end = a + words[a:b].index("other") + 1
            if words[end : end + 1] in (["one"], ["ones"]):
                end += 1
            if words[end : end + 1] and words[end] in _OTHER_NOUNS:
                end += 1
            b = b if words[end : end + 1] and words[end] in _OTHER_VERBS else min(b, end)  # ("the other ones day", "the other's full name", "ok the other's day": what follows is asked of it; "and the other is for …": a name in place of all that)
            r.put(a, b, ("the " if other[0] == "role" else "") + _label(other, ix))
            swapped_at.add(a)
    for i in range(len(words) - 1):  # "is there another one that's more about quality measures" after a card: one besides it
        if words[i : i + 2] == ["another", "one"] and ctx.thing is not None and ctx.thing[0] == "cert" and len(ctx.shown) <= 1 and r.free(i, i + 2):
            referred = True
            r.put(i, i + 2, f"another certification besides {_label(ctx.thing, ix)}")
    others = [e for e in ctx.shown if e != ctx.thing]
    if ctx.intent == "pathway" and ctx.held and len(ctx.shown) == 2 and "two" in words:
        others = list(ctx.shown)  # "i already have chpop" … "diff between the other two?": the two left besides the one held
    for i in range(1, len(words) - 1):  # "ok what about the other two": the rest of what was shown, besides the one just talked about
        if words[i - 1] == "the" and words[i] == "other" and (lexicon.COUNTS.get(words[i + 1]) == len(others) or (words[i + 1] == "ones" and not ev.section_cue)) and (ctx.thing in ctx.shown or others == list(ctx.shown)) and len(others) >= 2 and r.free(i - 1, i + 2):  # ("the other ones day?" is "the other one's")
            referred = True
            r.put(i - 1, i + 2, _joined([_label(e, ix) for e in others]))
            swapped_at.add(i - 1)
    if by_length is not None and r.free(by_length[0], by_length[0] + 3):  # "what does the longer one do all day" after two roles weighed: the one whose pathway is longer
        referred = True
        whose = by_length[0] + 3 == len(words) and bool(_POSSESSIVE.search(r.tokens[by_length[0] + 2].strip(_PUNCT)))  # "show me the longer one's": its path
        r.put(by_length[0], by_length[0] + 3, f"the {_label(('role', by_length[1]), ix)}" + (" path" if whose else ""))
    # "the revenue one", "the auditor one", "the diversion side": described instead of named
    described_at: set[int] = set()
    called_here: list[tuple[str, Entity]] = []  # ("cold storage", the role it meant): what the member called it, for later
    part_of_path = False  # a part of the work of the pathway shown was named ("the inventory side")
    kinds: set[str] = set()  # what the described spans named
    named = bool(ev.codes or ev.role_named)  # "the finance one, what certs": a goal read from "finance" names nothing
    liking = [y for name in ("likes", "likes_theirs", "self_describe") if name in ev.hits for _, y in lexicon.cue(name).spans(words)] + [i + 1 for i, w in enumerate(words) if w in lexicon.DISLIKE_STARTS or w in _LOVES]  # (and what they dislike: "he hates the packaging side")
    stepping = {i for cue in ("ref_next", "ref_prev") for x, y in r.found(cue) for i in range(x, y)}  # "the next one": the step after, read below
    lengths = {i for x, y in lexicon.cue("path_length").spans(words) for i in range(x, y)}  # "which of those two has the shorter path": a length asked, no path described
    for a, b in r.found("ref_one_kind"):
        if named or words[a + 1] in lexicon.ORDINALS or a + 1 in stepping or a + 1 in lengths:
            continue
        if ctx.empty and not ((described_only or len(words) - (b - a) <= 2) and _names_one_role(words[a + 1 : b - 1], ix)):
            continue  # (with nothing before, only words of one title, or of the other name one page gives its role, said alone, describe: "their day?" … "the forgery one", "the drug screen one")
        if ctx.intent == "pathway" and ctx.role is not None and words[b - 1] not in lexicon.PERSON_NOUNS and any(y == a for _, y in lexicon.cue("ordering").spans(words)):
            if words[b - 1] == "one":
                r.put(b - 1, b, "certification")  # ("the hospital operations one": a step, whatever title shares its words)
            continue  # "she'd rather start with the auditing side" after a pathway: which of its steps first (the tailoring reads it), not another role
        if a and words[a - 1] in _DEGREES and words[b - 1] in PART_NOUNS and ctx.intent == "pathway":
            continue  # "what if it's more the exam writing side i like" after a pathway: what they like, not a role
        if any(a - 2 <= y <= a and not any(_CLAUSE_END.search(t) for t in r.tokens[y - 1 : a]) for y in liking):
            continue  # "i'd rather do the patient assistance side": what they like, not a role (but "i'm a tech, the prior auth one or …" chooses)
        if words[a + 1] in lexicon.COUNTS or all(w in _WHOLE or (words[a] in _VERSUS_WORDS and w in lexicon.STOPWORDS) for w in words[a + 1 : b - 1]):
            continue  # "show me the whole path": all of it, no path described ("vs the one who drives around …": described after); "out of the three whose …": a count
        referred = True
        on_list = (a and words[a - 1] in ("on", "in")) or words[b - 1] in _LISTS  # "why is it on the diversion one": a role's pathway
        person = words[b - 1] in lexicon.PERSON_NOUNS  # "the diversion guy": a role
        if person and a and words[a - 1] in ("im", "i'm", "am", "is", "was", "shes", "hes", "she's", "he's"):
            continue  # "I'm the inventory/buyer person at a community hospital": the member, not a role
        certs_after = "ref_choice" not in ev.hits and any(w in lexicon.CERT_NOUNS and w.endswith("s") for w in words[b:])  # "what about the purchasing one, what certs": a role's
        for_path = a and words[a - 1] == "for" and ctx.intent == "pathway"  # "and for the surgery center one" after a pathway: that role's
        does = b < len(words) and (words[b] in ("do", "does") or (words[b] in ("that", "who") and words[b + 1 : b + 2] in (("do",), ("does",))))  # "what does the blister pack one do", "the other one that does braille labels"
        does = does or ev.section_cue or not _PRONOUNS.isdisjoint(words[b:]) or "overview" in words[b:]  # "back to the billing one, whats their midday like", "the wound care one, overview"
        does = does or not _ROLE_PARTS.isdisjoint(words[b:])  # "the destruction one, day?"
        stepwise = not _STEP_NOUNS.isdisjoint(words[b:]) and not _place_asked(words[b:])  # "the inhaler one, whats step 1 there": a step of a role's pathway (not "the resus one, which step is it?": where a certification stands)
        owning = bool(_POSSESSIVE.search(r.tokens[b - 1].strip(_PUNCT)))
        stepwise = stepwise or (owning and ((b < len(words) and (words[b] in lexicon.PATH_NOUNS or words[b] in lexicon.ORDINALS)) or ((b == len(words) or words[b] in _AFTER_WHOSE) and ctx.intent in ("pathway", "role"))))  # "vs the vaccine one's path", "and the vaccine one's (if …)" after a pathway: a role's
        roles_listed = ctx.intent == "list_roles" and len(ctx.shown) >= 2 and all(e[0] == "role" for e in ctx.shown)  # "the shrink one" right after a list of roles: one of them
        retitled = ctx.intent == "pathway" and ctx.role is not None and ("correction" in ev.hits or not _MEANT.isdisjoint(words[:a])) and any(set(ix.title_postings.get(stem(w), ())) - {ctx.role} for w in ix.expand(words[a + 1 : b - 1]))  # "contraception lead path" … "no i meant the ops one": the role asked for was another
        as_role = on_list or person or certs_after or for_path or does or stepwise or roles_listed or retitled or recalled is not None or bool(ev.set_aside_roles) or (words[b - 1] in ("side", "role", "job") and "ref_choice" not in ev.hits)  # ("not the ops director, the other one …": a role)
        as_cert = not as_role and any(w in lexicon.CERT_NOUNS and not w.endswith("s") for w in words[:a] + words[b - 1 : b])  # "which cert is the supply chain one", "the other billing cert"
        if ctx.by_topic and (words[b - 1] in lexicon.TOPIC_NOUNS or (b < len(words) and words[b] in lexicon.TOPIC_NOUNS) or (words[b - 1] == "side" and a and words[a - 1] in ("for", "and"))):
            continue  # "and for the courier team part", "and one for the prior auth side" after "is there a cert for that": a topic again
        besides = {ctx.thing} if ctx.thing and words[a + 1] in _OTHER else set()  # "no, the other ops one": not the one just shown
        meant = _described(" ".join(r.tokens[a + 1 : b - 1]), ctx, ix, "role" if as_role else "cert" if as_cert else None, besides)
        if meant is not None and meant[0] == "cert" and not (as_role or as_cert) and ctx.intent == "pathway" and meant not in ctx.shown:
            titled = _described(" ".join(r.tokens[a + 1 : b - 1]), ctx, ix, "role", besides)
            descriptor = {stem(w) for w in words[a + 1 : b - 1]}
            if titled is not None and any(titled[1] in ix.title_postings.get(st, ()) for st in descriptor):
                meant = titled  # "hmm what about the accreditation one" after a pathway without it: the role whose title says it
            elif titled is not None and titled in ctx.recent and meant not in ctx.recent and "back" in words[:a]:
                meant = titled  # "ok back to the cleanroom one" after another role's pathway: the role talked about before
        if meant is not None and meant == ("role", ctx.role) and ctx.intent == "pathway" and words[b - 1] in PART_NOUNS:
            part_of_path = True
            continue  # "the tapering side is what really gets me", "Rosa wants the inventory side" after its pathway: a part of that work, what they like
        if meant is not None:
            noun = words[b - 1] if words[b - 1] in _LISTS else "pathway" if on_list and not ev.section_cue else ""  # (not "whats the morning like on the respiratory one": its day)
            if meant[0] == "role" and owning and ctx.intent == "pathway" and (b == len(words) or words[b] in _AFTER_WHOSE):
                noun = "path"  # "and the vaccine one's (if …)" after a pathway: its path
            said_vs = words[a] in _VERSUS_WORDS  # "vs supplement one": the other side of what was shown
            along_step = owning or (a > 0 and words[a - 1] in ("on", "for") and words[:1] == ["and"])  # ("and on the BP one?" after a step asked: the same step, along its path)
            place = (step_place(asked_before()) or _step_picked(ctx)) if meant[0] == "role" and along_step and ctx.intent in ("certification", "pathway") and ctx.thing is not None and ctx.thing[0] == "cert" and ctx.question and (b == len(words) or words[b] in _AFTER_WHOSE) else None
            if place is not None:  # "the pathogens one's first cert?" … "and the neuromuscular one's", "and on the BP one?": that step of its pathway
                r.put(a + said_vs, b, f"the {next(w for w, n in lexicon.ORDINALS.items() if n == place)} step of the {_label(meant, ix)} path")
            else:
                r.put(a + said_vs, b, f"the {_label(meant, ix)} {noun}".strip() if meant[0] == "role" else _label(meant, ix))
            described_at.add(a)
            called_here.append((" ".join(r.tokens[a + 1 : b - 1]), meant))
            said_same = 1 if words[b + 2 : b + 3] == ["same"] else 0  # ("on the same path")
            end = b + 3 + said_same if b + 2 + said_same < len(words) and words[b] in ("on", "in", "from") and words[b + 1] in _DEFINITE | {"its", "their"} and words[b + 2 + said_same] in _LISTS else b
            if meant[0] == "cert" and end > b and r.free(b, end):
                r.put(b, end, "")  # "and the supply chain one on that path?": the path says where it is, nothing more is asked
            kinds.add(meant[0])
        elif ctx.thing and words[b - 1] == "one":
            r.put(a, b, " ".join(r.tokens[a : b - 1] + ["certification" if ctx.thing[0] == "cert" and not as_role else "role"]))

    # "the first role I asked about", "that cert from before": the earliest of that kind still remembered
    for a, b in r.found("ref_earlier"):
        said = words[a:b]
        kind = "cert" if any(w in lexicon.CERT_NOUNS or w.startswith(("cert", "credential")) for w in said) else "role" if any(w in ("role", "job") for w in said) else (ctx.thing[0] if ctx.thing else "role")
        earlier = [e for e in ctx.recent if e[0] == kind]
        if len(earlier) >= 2 or (earlier and ctx.thing is not None and ctx.thing[0] != kind):  # "back to that cert", after its role
            referred = True
            r.put(a, b, ("the " if kind == "role" else "") + _label(earlier[-1], ix))
    shown_on_path = _shown_on_path(ctx, ix)
    # "and after that one?" / "and the one before it?": the step after (before) the one just talked about
    asks_of_it = ev.hits.keys() & _ASKS_OF_IT  # "is it true he'd be allowed to … once he has it": a condition on it, no step after it
    for cue, step in (("ref_next", 1), ("ref_prev", -1)):
        for a, b in r.found(cue):
            if asks_of_it and words[a] in ("once", "when"):
                continue
            if "already" in words[:a] and "its" in words[a:b]:
                continue  # "my candidate has that one already. what's next on its path": the rest of the way, without it
            if words[a:b] == ["and"] and (ctx.thing is None or ctx.thing[0] != "cert" or ctx.thing not in ctx.shown or len(ctx.shown) < 2):
                continue  # "and?" after a step: the next one; after anything else, the same again
            beside = r.tokens[b].strip(_PUNCT).upper() if b < len(words) else ""
            if beside in ev.a.codes:  # "and the one before CRPMP": beside the code it names (see stages.step_beside), on the conversation's pathway when it has it
                referred = True
                on = f" (for the {_label(('role', ctx.role), ix)})" if ctx.role and beside in {s.certification for s in ix.knowledge.roles[ctx.role].pathway} else ""
                r.put(a, b + 1, f"{'after' if step > 0 else 'before'} {beside}{on}")
                continue
            referred = True
            talked = [e for e in dict.fromkeys(ctx.recent) if e[0] == "role"]
            if step < 0 and "one" in words[a:b] and "it" not in words[a:b] and ctx.intent == "role" and talked[:1] == [("role", ctx.role)] and len(talked) >= 2:
                r.put(a, b, f"the {_label(talked[1], ix)}")  # "no wait not that one, the one before": the role talked about before it
                continue
            if ctx.intent == "role" and ctx.section == "day_in_the_life" and ctx.role and "one" not in words[a:b]:
                r.put(a, b, f"then in the {_label(('role', ctx.role), ix)} day to day")  # "and after that" in a day: the day goes on
                continue
            along = not _ENDS_LOCATIVE.isdisjoint(words) or any(w in lexicon.CERT_NOUNS or w == "step" for w in words)  # "the cert before it on its path"
            ranked = ctx.intent == "certification" and along and "it" in words[a : b + 2]  # "is there a cert for the audit part" (three ranked) … "the step right before it on that path": on its pathway, not the ranking
            card = _path_of_card(ctx, ix) if ctx.thing not in ctx.shown or ranked else None
            if step < 0 and card is not None and not along and len(ctx.recent) >= 2 and ctx.recent[1][0] == "cert":
                r.put(a, b, _label(ctx.recent[1], ix))  # "what's CMREC" … "and CPOM" … "the one before that again?": the one asked about before
                continue
            if card is not None and ctx.thing is not None:  # "what's CPAS" … "ok what's next after it on that path": the step beside it on its pathway (see stages.step_beside)
                card_role = card[0]
                said = r.tokens[a:b]
                turn = max((k for k, w in enumerate(said) if _plain(w) in lexicon.AFTER_WORDS | lexicon.BEFORE_WORDS), default=None)
                lead = " ".join(said[: turn + 1]) if turn is not None else ("after" if step > 0 else "before")
                on = f" (for the {_label(('role', card_role), ix)})" if card_role else ""
                if ranked and words[b : b + 1] == ["it"]:
                    b += 1  # ("the one after it": it is the card)
                r.put(a, b, f"{lead} {_label(ctx.thing, ix)}{on}")
                continue
            shown = _as_paged_when_only_put_first(ctx, ix) if "if" not in words and "self_describe" not in ev.hits else ctx.shown
            at = shown.index(ctx.thing) + step if ctx.thing in shown else -1
            tailored = shown_on_path and shown == ctx.shown and (_reordered(ctx, ix) or "if" in words or "self_describe" in ev.hits)  # a pathway ordered for the member ("why that one first" … "and after that?"), or to be
            a_step_card = not tailored and ctx.thing is not None and ctx.thing[0] == "cert" and bool(ctx.question) and (step_place(asked_before()) is not None or not asked_before().pathway_cue or _whose_card(ctx, ctx.question))  # ("first cert on the pill school path?" … "then what": the next step's card)
            on_path = "one" not in words[a:b] and "it" not in words[a:b] and (ctx.intent == "pathway" or tailored) and not a_step_card  # "and after that?" goes on along it; after a step's card from the page's order ("step 2" … "whats after that"), or "the one after it", it is the next card
            if 0 <= at < len(shown) and step > 0 and on_path and shown[at][0] == "cert":
                path = f"the {_label(('role', ctx.role), ix)} pathway" if ctx.role else "the pathway"
                r.put(a, b, f"what about {_label(shown[at], ix)} on {path}")  # the pathway again, that step first
            elif 0 <= at < len(shown):
                r.put(a, b, ("then " if step > 0 else "") + _label(shown[at], ix))
                if shown[at][0] == "cert":
                    _drop_whose_list(r, words, b if b < len(words) and words[b] in _LOCATIVES else None)  # "what's after it on the path": the step's card; the path only says where
    on_our_path = {s.certification for s in ix.knowledge.roles[ctx.role].pathway} if ctx.role and not ev.role_named else set()
    for i in range(len(words) - 1):  # "whats after CPOM on it" during a role's pathway: beside it on that pathway
        code = r.tokens[i + 1].strip(_PUNCT).upper()
        if words[i] in lexicon.AFTER_WORDS | lexicon.BEFORE_WORDS and code in ev.a.codes and code in on_our_path and not ev.cue("eligibility") and r.free(i, i + 2):
            referred = True
            r.put(i, i + 2, f"{words[i]} {code} (for the {_label(('role', ctx.role or ''), ix)})")
            if words[i + 2 : i + 4] in (["on", "it"], ["on", "that"], ["on", "this"]):
                r.put(i + 2, i + 4, "")
            elif i + 2 < len(words) and words[i + 2] in _LOCATIVES:
                _drop_whose_list(r, words, i + 2)
    # "which one is more about …": a choice among what was just shown
    picked_among = False
    said_of_self = "if" in words or "self_describe" in ev.hits or "for_someone" in ev.hits or "suits" in ev.hits
    suits = "suits" in ev.hits or ("which" in words and "if" in words)  # "which of those would suit someone who …", "ok which one if I already supervise techs"
    # "which one first if I'm brand new to the IV room"; "which would suit someone who …" among a pathway's steps (of two just compared, a choice)
    retailor = ctx.role is not None and said_of_self and (ctx.intent == "pathway" or (shown_on_path and ("first" in words or (suits and len(ctx.shown) > 2))))
    for a, b in r.found("ref_choice"):
        if described_at and (kinds == {"role"} or (kinds == {"cert"} and "of" in words[a:b])) and all(w in lexicon.STOPWORDS or any(x <= i < r.spans[x][0] for x in described_at) for i, w in enumerate(words) if not a <= i < b):
            r.put(a, b, "")  # "and which one is the overnight one": that role, nothing else asked of it
            continue
        if (ev.codes and not ("path_length" in ev.hits and set(ev.codes) <= set(ev.held))) or described_at:  # "which is most about the supply side": already chosen (not "i already hold CPSCM. which has fewer left")
            continue
        if any(name.startswith(lexicon.FACET_PREFIX) and not set(found.split()).isdisjoint(words[a:b]) and not _a_page_says(found.split(), words[a:b], ctx, ix) for name, found in ev.hits.items()):
            continue  # "which pays more, that job or ops director": the choice is a fact no page gives (not "and which involves more travel?" of two roles, one of whose pages says so)
        if not set((ev.cue("judgement") or "").split()).isdisjoint(words[b:]):
            continue  # "is any of them a good step up from retail": a judgement no page gives
        if retailor:  # "which of those if I'm a tech", after a pathway: that pathway again, in the order it asks for
            referred = True
            continue
        if "path_length" in ev.hits and len(by_count := _roles_compared(ctx, words)) >= 2:
            referred = True  # "which of the two needs fewer certs": the pathways' counts decide (stages.path_length)
            verb = " ".join(r.tokens[k] for k in range(a + 1, b) if words[k] in _CHOICE_VERBS)  # ("which has fewer left": has)
            r.put(a, b, "which of " + _joined([f"the {_label(('role', x), ix)}" for x in by_count], "or") + (f" {verb}" if verb else ""))
            continue
        while b < len(words) and (words[b] in lexicon.COUNTS or words[b] in ("ones", "roles", "jobs", "certs")):
            b += 1  # "which of those three"
        if words[a:a + 2] == ["the", "one"] and b > a + 3:
            b = a + 3  # "the one about leading teams?": the topic stays
        pair = _last_two(ctx) if "two" in words[a : b + 3] or not (ctx.shown or "ordering" in ev.hits or "if" in words) else None  # ("which one of the two"; "which is more for hospitals" after two cards, not "which one first on its path, if …")
        certs = list(pair) if pair and pair[0][0] == "cert" else [] if pair else [e for e in ctx.shown if e[0] == "cert"]  # ("which of the two" after two roles' pathways: the roles)
        of_kind = _list_of_kind(ctx, words)  # "out of those jobs, which one …" after the roles, then the certifications, were listed
        if of_kind:
            certs = list(of_kind) if of_kind[0][0] == "cert" else []
        last_two = _last_two(ctx)
        counted = next((lexicon.COUNTS[w] for w in words[a : b + 1] if w in lexicon.COUNTS), None)
        two_roles = ctx.intent == "role" and (len(ctx.roles) >= 2 or (last_two is not None and last_two[0][0] == "role") or ("two" in words[a : b + 3] and _roles_talked(ctx) >= 2))
        two_roles = two_roles or (len(ctx.roles) >= 2 and counted == len(ctx.roles) and lexicon.CERT_NOUNS.isdisjoint(words) and "ordering" not in ev.hits and not ev.pathway_cue)  # "which of the three has the fewest certs?" … "which one is more hands-on with patients": of the roles weighed, not the steps shown  # "whats the difference between X and Y" … "ok which one deals with payers"; "the TOC one" … "what about the cleanroom supervisor" … "which of those is more with patients"
        roles_offered = ev.role_named and not ev.codes and "or" in words[b:] and any(w in _ROLE_WORDS for w in words[b:])  # "which one spends more time with patients, that job or the hep c coordinator": a choice of roles
        two_roles = two_roles or (len(ctx.roles) == 2 and "day" in ev.hits and not (lexicon.EARLY_WORDS | lexicon.LATE_WORDS).isdisjoint(words))  # "field auditor and ops director, what certs do they share" … "which of the two starts earlier": only roles have a day
        two_roles = two_roles or (counted is not None and counted == len(ctx.named) and ("day" in ev.hits or not (lexicon.EARLY_WORDS | lexicon.LATE_WORDS).isdisjoint(words)))  # "X, Y, Z …" … "which of the three is up earliest": only roles have a day, whatever was shown since
        holders = [x.id for x in ix.knowledge.roles_with_certification(ctx.thing[1])] if ctx.thing is not None and ctx.thing[0] == "cert" and len(certs) < 2 else []
        asked = set(words_of(ctx.question))
        roles_asked = len(ctx.roles) < 2 and bool(asked & (_ROLE_WORDS | {"who"})) and bool(asked & {"which", "what", "who", "whose"})  # ("which roles use it" … "of those, which one is in churches"; not roles the member named)
        holders = holders if (len(holders) == 2 and "two" in words[a : b + 3]) or (roles_asked and 2 <= len(holders) <= 3) else []
        two_roles = two_roles or bool(holders)  # "which jobs list CMSO" … "which of those two is more about volunteers": the roles it is on
        if len(certs) >= 2 and not two_roles and not roles_offered:
            referred = True
            many = len(certs) > MAX_CHOICES  # "which of them" after the whole list: any certification
            said_of = f" is {words[b - 1]}" if words[b - 1] in ("about", "covering", "on", "for") else ""  # "and the one about leading teams": which of them is about …
            r.put(a, b, ("which certification" if many else "which of " + _joined([_label(e, ix) for e in dict.fromkeys(certs)], "or")) + said_of)
            continue
        roles = next((c for c in (holders, [e[1] for e in (of_kind or pair or ctx.shown) if e[0] == "role"], list(ctx.roles), [e[1] for e in ctx.recent if e[0] == "role"]) if len(c) >= 2), [])
        if counted is not None and counted == len(ctx.named) != len(roles) and not holders:
            roles = list(ctx.named)  # "which of the three …" after two of three named were compared: all three
        if 2 <= len(roles) <= 3 and ("day" in ev.hits or counted == len(roles)) and (not (lexicon.EARLY_WORDS | lexicon.LATE_WORDS).isdisjoint(words) or starts_first(words)):
            referred = True  # "whose day starts earlier", "and whose day starts earliest?" of three: their clock times decide (stages.role_contrast)
            clock = " ".join(w for w in words[a:b] if w in lexicon.CLOCK_WORDS)  # ("whose starts earlier": the choice, and what is timed)
            when = " ".join(w for w in words[a:b] if w in lexicon.EARLY_WORDS | lexicon.LATE_WORDS)  # ("earliest?" alone: the choice is all it says)
            clock = "is up" if clock == "up" else clock  # ("who's up earlier")
            clock = clock or ("starts" if lexicon.CLOCK_WORDS.isdisjoint(words[b:]) else "")  # ("earliest?" alone: when they start)
            r.put(a, b, "which of " + _joined([f"the {_label(('role', x), ix)}" for x in roles], "or") + (f" {clock}" if clock else "") + (f" {when}" if when else ""))
            continue
        asked_rest = analyze(" ".join(r.tokens[:a] + r.tokens[b:]), ix) if len(roles) >= 2 else None
        chosen = (best_of(roles, asked_rest, ix, exclude=_CHOICE_STEMS) or (only_one_page_says(roles, asked_rest, ix, exclude=_CHOICE_STEMS) if "any" in words[a:b] else None)) if asked_rest is not None else None  # ("any of them in drug manufacturing?": the one page that says it)
        if chosen:  # "which of those three has the most to do with training staff": the role whose page says so
            referred = True
            r.put(a, len(words) if "any" in words[a:b] else b, f"the {_label(('role', chosen), ix)}")  # ("any of these about emergencies?": that role is the answer, what it is about chose it)
            picked_among = True
    asked_at = next((i for i, w in enumerate(words) if w in ("which", "whose", "who", "whos") and r.free(i, i + 1)), None)
    if asked_at is not None and "path_length" in ev.hits and not (ev.role_named or ev.codes or r.spans) and len(by_count := _roles_compared(ctx, words)) >= 2:
        end = asked_at + 2 if words[asked_at + 1 : asked_at + 2] and words[asked_at + 1] in _ROLE_WORDS | {"one"} else asked_at + 1  # ("which path is shorter": the path stays asked)
        if r.free(asked_at, end):  # "so which role needs fewer certs" after two roles weighed: of those (stages.path_length)
            referred = True
            r.put(asked_at, end, "which of " + _joined([f"the {_label(('role', x), ix)}" for x in by_count], "or"))
    sole = _sole_word(words, frozenset({"the", "one", "path", "pathway"}))
    if sole is not None and words[sole] in _LENGTHS and ctx.intent == "pathway" and len(ctx.roles) >= 2 and not (ev.role_named or ev.codes) and r.free(sole, sole + 1):
        referred = True  # "which of the three has the longest cert path" … "and the shortest?": of the same roles
        of_them = _joined(["the " + _label(("role", x), ix) for x in ctx.roles], "or")
        r.put(sole, sole + 1, f"which of {of_them} has the {_LENGTHS[words[sole]]}")
    # "those two", "both of them"
    for a, b in _adjoined(r.found("ref_many")):
        referred = True
        if described_at:
            continue  # "which of those is the money one": the one described
        if picked_among:
            r.put(a, b, "")  # "out of those which one deals with clinical trials": the one chosen is all that is meant
            continue
        if ev.role_named and not ev.codes and min(ev.role_where.get(ev.role_best or "", {0})) > b:
            continue  # "ok both sound like they do training. certs for the training coordinator": the one named after
        if words[a] == "both" and sum(1 for c, at in ev.a.code_pos.items() if at < a) >= 2:
            continue  # "I already have CMSO and CMHLP, did both before my leave": the two just named
        if a >= 3 and words[a - 2 : a] == ["one", "of"] and words[a - 3] in ("be", "become", "becoming") and all(e[0] == "cert" for e in ctx.shown):
            continue  # "or maybe a nurse practitioner, how do i become one of those": a job just named, not the certifications shown
        if words[a:b] == ["both"] and b < len(words) and r.tokens[b].strip(_PUNCT).upper() in ev.a.codes:
            continue  # "which job has both CPSCM and CFCSA": named, not referred to
        if words[a:b] == ["both"] and a and words[a - 1] in ("they", "them", "we", "you"):
            continue  # "anything they both share?": "they" says who (below), "both" only how many
        of_kind = _list_of_kind(ctx, words[a : b + 1])  # "those jobs" after the roles, then the certifications, were listed
        group = of_kind or ctx.shown
        paths = not of_kind and any(w in _LISTS or w[:-1] in _LISTS or w in _ROLE_WORDS for w in words[a + 1 : b + 1])  # "do those two paths overlap", "do those two jobs share any cert", "between the two paths": the two roles last talked about
        paths = paths or (not of_kind and "both" in ev.hits and ctx.intent == "pathway" and lexicon.CERT_NOUNS.isdisjoint(words[a : b + 1]))  # "do those share anything" after two roles' pathways: the roles (steps share nothing)
        last_roles = tuple(e for e in ctx.recent if e[0] == "role")[:2][::-1] if paths else ()
        if len(last_roles) == 2:
            group = last_roles
        elif "two" in words[a:b] or not group:
            recent = tuple(e for e in ctx.recent if e[0] == "cert")[:2][::-1]
            group = recent if len(recent) == 2 or len(group) < 2 else group[:2]  # ("what job are those two on" after one card of two shown: the two shown)
        if paths and len(last_roles) < 2 and group and all(e[0] == "cert" for e in group):
            on_paths = tuple(dict.fromkeys(("role", r.id) for e in group for r in ix.knowledge.roles_with_certification(e[1])))
            group = on_paths if len(on_paths) == 2 else group  # "which roles are those on" … "do those two roles share a cert": the roles the two certifications are on
        if "both" in words[a:b] and len(group) != 2:  # "both have CMSO right?" after three steps shown: the two roles talked about
            roles = list(ctx.roles) if len(ctx.roles) == 2 else [e[1] for e in ctx.recent if e[0] == "role"][:2]
            group = _last_two(ctx) or (tuple(("role", x) for x in roles) if len(roles) == 2 else ()) or (group if words[a:b] != ["both"] and words[a - 1 : a] and words[a - 1] in lexicon.HAVING_VERBS else ())  # ("which job uses both of those" after a pathway: all it shows; not "explain it to both of them")
        if b < len(words) and words[b] in lexicon.PERSON_NOUNS and ctx.role is not None and all(e[0] == "cert" for e in group):
            r.put(a, b + 1, f"the {_label(('role', ctx.role), ix)}")  # "what time do those folks start" after a pathway: the people in that role
            continue
        if group:
            noun = words[b - 1] if paths and len(last_roles) == 2 and (words[b - 1] in _LISTS or words[b - 1][:-1] in _LISTS) else ""
            r.put(a, b, _joined([_label(e, ix) for e in group]) + (f" {noun}" if noun else ""))  # ("between the two paths": their paths)
    # "they", "their day", "that path": the role
    telling = ctx.intent == "pathway" and ctx.role is not None and _tells_of_self(ev)  # "she's really good with patients who cant afford their meds": about her
    for a, b in r.found("ref_role"):
        if a and words[a - 1] in ("im", "am", "i'm"):
            continue  # "im the person who builds all our reports": the member
        if b - a == 1 and words[a] in ("theirs", "its") and _whats_on_it(words, a, ctx, ev):
            referred = True
            r.put(a, b, f"the {_label(('role', ctx.role or ''), ix)} path")  # "what is on theirs then" after "is it on the ambulance officer's path too"
            continue
        if telling and b - a == 1 and words[a] in _OF_IT:
            continue  # (the patients' meds, not the role's)
        if picked_role and words[a] in _PRONOUNS:
            continue
        if b - a == 1 and _of_a_plural(words, a):
            continue  # "holding suppliers to their contracts": the suppliers', not the role's
        if words[:1] == ["who"] and words[a] in _OF_WHOEVER and ctx.thing is not None and ctx.thing[0] == "cert":
            continue  # "who else has that one on their path": whoever is asked for, whose paths have that certification
        if words[b - 1] == "list" and "list" in ev.hits and (ev.role_nouns or ev.cert_nouns) and lexicon.ORDINALS.keys().isdisjoint(words) and not _own_subject(ev):
            continue  # "whats the full list of jobs here": the list of what the bot holds, none shown before
        if words[b - 1] == "list" and (back_to or (not steps and len(ctx.shown) >= 2)) and not lexicon.ORDINALS.keys().isdisjoint(words):
            r.put(a, b, "the list")  # "ok back to the list, what was the second?": the list shown, which the ordinal has read
            continue
        if words[a] == "them" and b - a == 1 and a >= 2 and words[a - 1] == "of" and words[a - 2] in _SOME_OF and ctx.intent == "pathway" and ev.hits.keys() & {"likes", "likes_theirs"}:
            continue  # "one of them loves the coating stuff" after a pathway for "my techs": one of those people, what they like
        referred = True
        back = words[a] in ("that", "this") and words[b - 1] in ("job", "role", "position", "path", "pathway", "track") and "about" not in words[:a]  # "can techs do that job": the one talked about (not "what about informatics, what's that role")
        told_before = max((i for i in range(a) if r.tokens[i][-1:] in ".?!"), default=-1)
        if back and ev.described and ev.described != ctx.role and told_before >= 0 and read(" ".join(r.tokens[: told_before + 1]), ix).described == ev.described:
            back = False  # "my PGY1 wants to be the person who fights insurance denials all day. what's that role called": the one just described
        named_role = ev.role_named or (ev.described and not back and (ev.described != ctx.role or words[a] not in _PRONOUNS))  # "who do they report to": their own page, even when its words describe that role
        paired = words[a] in _PRONOUNS and (words[b : b + 1] in (["or"], ["vs"], ["versus"]) or (a > 0 and words[a - 1] in ("or", "vs", "versus"))) and ctx.role is not None and ctx.role != ev.role_best
        named_role = named_role and not paired  # "who starts earlier, them or the ops director": the role talked about, beside the one named
        both = list(ctx.roles) if len(ctx.roles) >= 2 else [e[1] for e in ctx.recent if e[0] == "role"][:2]  # "which cert do they share": the last two roles
        pair = _last_two(ctx)
        if words[a] in _PRONOUNS and len(both) >= 2 and ev.cue("both") and not named_role:
            r.put(a, b, _joined([_label(("role", x), ix) for x in both]))
        elif words[a] in ("they", "them") and b - a == 1 and "contrast" in ev.hits and pair is not None and pair[0][0] == "cert" and not (named_role or ev.codes):
            r.put(a, b, _joined([_label(e, ix) for e in pair]))  # "how are they different" after two cards: the two certifications
        elif ctx.role and not named_role and "role" not in kinds:  # ("back to the billing one, whats their day like": that one's)
            noun = words[b - 1] if words[b - 1] in _ENDS_LOCATIVE | {"job", "role", "position"} else ""
            r.put(a, b, f"the {_label(('role', recalled or _role_of_card(ctx, ix) or ctx.role), ix)} {noun}".strip())  # "ok back to ops, whats their main responsibilities": the one recalled
    # "it", "that one": the thing, unless the question names one of that kind itself
    dummy = {x + 1 for x, y in lexicon.cue("rumour").spans(words) if y - x == 3 and words[x + 1] == "it"}  # "is it true …": "it" stands for nothing
    dummy |= _conditional_it(words) | _cleft_it(words)
    dummy |= {i for i, w in enumerate(words) if w == "it" and i >= 3 and words[i - 1] == "about" and words[i - 2] in ("think", "thinking", "thought") and words[i - 3] in ("i", "we")}  # "the more I think about it, …": nothing shown
    worth = {i for i, w in enumerate(words) if w == "it" and i and words[i - 1] == "worth"}  # "worth it?": the thing is worth it, not "worth <the thing>"
    dummy |= {i for i, w in enumerate(words[:-2]) if w in ("it", "its") and words[i + 1 : i + 3] in (["like", "being"], ["like", "to"], ["like", "working"], ["like", "as"]) or (w == "it" and words[i + 1 : i + 4] in (["is", "like", "being"], ["is", "like", "to"]))}  # "what's it like being a media fill coordinator": "it" is the being, no thing shown
    dummy |= _it_is_the_step(words) if ctx.intent == "pathway" else set()
    tells_of_them = ctx.intent == "pathway" and theirs is not None and theirs == ctx.role and bool(people) and people[0][0] == 0 and _only_tells(ev)  # "marcus did a telehealth rotation and loved it": about him, nothing asked
    reordering = {i for x, y in lexicon.cue("pathway").spans(words) if words[x] in _REORDER for i in range(x, y)}  # "reorder it for her": the pathway, not a step
    role_nouned = {i for x, y in r.found("ref_role") if words[y - 1] in _ROLE_WORDS for i in range(x, y)}  # "how is that role different from …": that role, no certification
    for a, b in r.found("ref_thing"):
        if a in reordering:
            referred = True
            continue
        if not role_nouned.isdisjoint(range(a, b)):
            continue
        if a in dummy or tells_of_them:
            continue
        if words[a] == "it" and a and words[a - 1] in _LOVED and any(w not in lexicon.STOPWORDS and ev.a.sentence_of[k] == ev.a.sentence_of[a] for k, w in enumerate(words[: a - 1]) if k < len(ev.a.sentence_of)):
            continue  # "we both did incident reporting at the hospital but I loved it": what they just said, not the card
        if a and words[a - 1] == "got" and words[a] == "it" and (a == 1 or _CLAUSE_END.search(r.tokens[a - 2])) and (b == len(words) or _CLAUSE_END.search(r.tokens[a]) or words[b] in lexicon.GRATITUDE):
            continue  # "got it thx. whats CHPOP": understood, nothing held
        if "role" in kinds and any(x < a for x in described_at) and words[a] in ("its", "it"):
            continue  # "the stewardship one, what's its day like": the one just described
        if words[a] == "it" and b - a == 1 and ctx.intent == "pathway" and ctx.role and words[b : b + 1] and words[b] in _STARTS and "why" in words[:a]:
            referred = True
            r.put(a, b, f"the {_label(('role', ctx.role), ix)} path")  # "why does it start there" after a pathway: why the path starts with that step
            continue
        if words[a] == "it" and b - a == 1 and _whats_on_it(words, a, ctx, ev):
            referred = True
            r.put(a, b, f"the {_label(('role', ctx.role or ''), ix)} path")  # "what's on it" after a pathway: its steps
            continue
        referred = True
        beside_it = a > 0 and words[a - 1] in lexicon.AFTER_WORDS | lexicon.BEFORE_WORDS and words[:1] in (["what"], ["whats"], ["which"])  # "what's after it on that path?"
        named_here = any(text and not (beside_it and start > a and text.endswith(" path")) for start, (_, text) in r.spans.items() if start not in described_at) or (ctx.thing is not None and ctx.thing[0] in kinds)  # "the last one looks familiar, what is it": it is the last one (not "what's after it on that path": the path says where, "it" is still the card)
        compared = "contrast" in ev.hits and ctx.thing[1] not in ev.codes + ((ev.role_best,) if ev.role_best else ()) if ctx.thing else False
        pron = next((k for k in range(a, b) if words[k] in ("that", "this", "it")), a)  # (the words found may start before it: "I have that from my old job")
        held = any(w in lexicon.HELD_CUES for w in words[max(0, pron - 3) : pron]) and lexicon.HEARD_OF.isdisjoint(words[max(0, pron - 3) : pron])  # "already got that one. after that?": the one held (not "got info on that one")
        held = held or person_has(words, a - 1)  # "my pharmacist Leo has it already"
        ended = max((i for i in range(a) if r.tokens[i][-1:] in ".?!"), default=-1)  # the sentences before the pronoun's
        if held and ev.a.codes and min(ev.a.code_pos.values()) < a:
            continue  # "oh and CPPCM too, got it last yr": the one just named
        if not held and (ev.codes or ev.role_named) and ended >= 0 and _names(" ".join(r.tokens[: ended + 1]), ix):
            continue  # "… the specialty pharmacy operations manager job they're opening. what does that one do": the one just named
        if not held and ctx.thing and ctx.thing[0] == "cert" and ev.role_score >= ROLE_RELAXED and not ev.codes and ev.cert_seek and a and words[a - 1] == "for" and min(ev.role_where.get(ev.role_best or "", {a})) < a:
            continue  # "back to the iv supervisor, what certs for that one": certifications for the role just named
        if not held and ctx.thing and ctx.thing[0] == "cert" and ev.role_named and ev.section_cue and not ev.codes:
            continue  # "how does that compare to the reimbursement specialist? what's their day like": a section of the role named
        if not held and ctx.thing and ctx.thing[0] == "cert" and set(ev.codes) & _denied(ev) and min(ev.a.code_pos.get(c, a) for c in set(ev.codes) & _denied(ev)) < a:
            continue  # "actually I don't have CPEAL yet, I'm registered for it next month": the one just named, though not held
        thing = ctx.thing
        if thing and thing[0] == "role" and (any(w in lexicon.CERT_NOUNS for w in words[a:b]) or (a >= 2 and words[a - 1] == "is" and words[a - 2] in _STEP_NOUNS)):  # "that cert for managing teams" after a role, "what step is it there": a certification
            thing = next((e for e in ctx.recent if e[0] == "cert"), None)
        elif thing and thing[0] == "cert" and ctx.role and (ev.certs_plural or "day" in ev.hits or not _SECTION_NOUNS.isdisjoint(words) or (ctx.intent == "pathway" and "overview" in words)) and not held:  # "what certs would it take", "what's that one's day like", "what are its main responsibilities", "overview of it pls" after a pathway: the role's
            thing = ("role", ctx.role)
        asked_codes = set(ev.codes) - _denied(ev) or set(ev.a.unknown_codes)  # ("why that one and not COCSP": COCSP is set against it)
        its_way = words[a] == "its" and words[b : b + 1] != [] and words[b] in lexicon.PATH_NOUNS  # "… what I really want is explaining costs. where do I start on its path?": the role talked about, whatever the wish describes
        if thing and (held or (not named_here and (compared or not (asked_codes if thing[0] == "cert" else ev.role_named or (ev.described and not its_way))))):  # ("is BCPS worth it for me": BCPS)
            lead = " ".join(r.tokens[a : b - 1]) + " " if words[b - 1] == "that" and a < b - 1 else ""
            tail = ""
            inner = max((k for k in range(a + 1, b - 1) if words[k] in ("that", "this")), default=None) if words[b - 1] not in ("that", "this") and words[a] in _HOLDERS else None
            if inner is not None:  # "I have that from my old job": the pronoun inside the words found, the rest kept
                lead = " ".join(r.tokens[a:inner]) + " "
                tail = " " + " ".join(r.tokens[inner + 1 + (words[inner + 1] == "one") : b]).rstrip(_PUNCT) if inner + 1 + (words[inner + 1] == "one") < b else ""
            if words[b - 1] in ("why", "come"):  # "why?" after a tailored pathway: why its first step
                lead = " ".join(r.tokens[a:b]).rstrip(_PUNCT) + " "
            if a in worth and r.free(a - 1, b):
                r.put(a - 1, b, f"{_label(thing, ix)} worth it")  # "worth it for someone who …" -> "CDDS worth it for someone who …"
            else:
                r.put(a, b, lead + ("the " if its_way and thing[0] == "role" else "") + _label(thing, ix) + tail)
    # "that part", "goes with that": what the previous question was about
    for a, b in r.found("ref_topic"):
        if _topic_before(r, a, ix):
            continue  # "the accreditation part scares me tho, which one covers that": what this message said
        card = _path_of_card(ctx, ix) if ev.pathway_cue and ctx.intent == "certification" and not (ev.role_named or ev.codes) else None
        if card and card[0]:  # "CTVP" … "ok path for that": the pathway the card is on
            referred = True
            r.put(a, b, f"for the {_label(('role', card[0]), ix)}")
            continue
        if "self_describe" in ev.hits and not ev.hits.keys() & _ASKS:
            continue  # "oh also I'm the one who takes minutes at our policy committee, forgot that part": about the member
        if (ev.role_named or ev.codes) and min(ev.role_where.get(ev.role_best or "", {a}) | {ev.a.code_pos.get(c, a) for c in ev.codes}) < a:
            continue  # "she'd rather do controlled substances. path for that?": what this message named before
        referred = True
        lead = f"{r.tokens[a]} " if words[a] in _TOPIC_LEADS and b - a > 1 else ""  # "what certs would I need for that": for the role, still asked for
        if ctx.intent == "certification" and ctx.thing is not None and ctx.thing[0] == "cert" and ctx.thing[1] in ctx.question.split():
            r.put(a, b, f"{lead}{ctx.thing[1]}")  # "what is COIPS" … "does dana need a license for that": for that certification
        elif ctx.question:
            role = f"the {_label(('role', ctx.role), ix)} " if ctx.intent == "role" and ctx.role else ""  # "ok what certs for that" after a role: its own, the topic among them
            said = ctx.question.split()
            steering = _steering([_plain(t) for t in said])  # "ok different q, …" steered that message; it asks nothing of this one
            r.put(a, b, f"{lead}{role}({' '.join(t for i, t in enumerate(said) if i not in steering)})")
    plain = " ".join(r.tokens)
    rewritten = r.text()
    after = read(rewritten, ix) if r.spans else ev
    steering = _steering(words)
    core = " ".join(w for i, w in enumerate(words) if i not in steering)
    same_again = any(words[i] == "same" for a, b in lexicon.cue("discourse").spans(words) for i in range(a, b))  # "the workforce scheduling manager, same thing": the question before, of it
    ellipsis = bool(_ELLIPSIS.match(core)) or same_again
    wished_if = "likes" in ev.hits and "if" in words  # "and if i'd rather be on the billing side?": which first, for them
    corrects = "correction" in ev.hits and not (ctx.empty and ctx.intent is None)  # "no wait I meant …", "sorry, the residency director" (also after "how do i become a PA" was refused: how to become that one)
    adds_a_topic = len(words) >= 2 and (words[-1] in _TOO or words[-2:] == ["as", "well"]) and len(words) <= _ADDED_TOPIC_WORDS and words[0] not in lexicon.POLAR_LEADS and not ev.hits.keys() & REFERRING  # "diversion too", "controlled stuff also": of the same thing (not "is that one on another path too?")
    adds_a_topic = adds_a_topic and (_in_cert_text(ctx.thing, after, ix) or (ctx.intent == "role" and ctx.role is not None and fits_page(ctx.role, after.a, ix, loosely=True)))  # (what its text has: not "weekends too?" of a certification)
    bare_topic = ctx.intent == "role" and ctx.role is not None and question.rstrip().endswith("?") and 1 < len(words) <= _BARE_TOPIC_WORDS and not (ev.hits.keys() - {"discourse"}) and not (ev.codes or ev.a.unknown_codes or ev.role_named) and fits_page(ctx.role, ev.a, ix, loosely=True) and all(st in ix.postings for st in ev.a.stems)  # (every word one that the knowledge uses: not "deployment length?", a fact no page gives)
    adds_a_topic = adds_a_topic or bare_topic  # "training staff?" after a role's overview: where its page says so
    asks_more = "tell_more" in after.hits or "ref_self" in ev.hits or adds_a_topic
    suits_it = "suits" in ev.hits and ctx.intent == "role" and _WEIGHING.isdisjoint(words) and not ev.clinical_load  # "would someone who hates public speaking survive that": the role talked about (not "is either a good fit …", a judgement)
    referred = referred or ellipsis or asks_more or (not own and (suits_it or any(c in ev.hits for c in ("ordering", "ref_choice", "follow_up"))))
    unresolved = {start for start, (_, text) in r.spans.items() if text} - described_at - swapped_at
    appended = False
    path_named = ctx.intent == "pathway" and not lexicon.PATH_NOUNS.isdisjoint(words) and not (ctx.focus and _names(ctx.focus, ix))  # "and on the drip bar pharmacist path?" (the member's word) names the next role's pathway, for the same member
    topic_again = False  # the message asks again for a certification by what it covers ("and the staffing part")
    staff_role = _staff_role(ev, ctx, ix) if ellipsis and not r.spans else None
    names_other = ellipsis and not r.spans and ctx.intent in ("role", "pathway") and after.role_best not in (None, ctx.role) and not after.codes and ((after.role_score >= ROLE_RELAXED and _only_names(after)) or _only_its_word(after, ix))  # "ok what about ops": another role, half named
    tells = ctx.intent == "pathway" and ctx.role is not None and not r.spans and (_tells_of_self(ev) or tells_of_them) and not (after.codes or after.a.unknown_codes or (after.role_named and after.role_best != ctx.role) or after.goal_role)  # ("never led a team" names no other role; a role it only describes is their own work: "fyi she was our drug buyer")  # "i'm new to managing people" after a pathway
    shown_codes = {e[1] for e in ctx.shown if e[0] == "cert"} if ctx.intent == "pathway" or (ctx.intent == "certification" and len(ctx.shown) >= 2) else set()  # (and two cards weighed: "are you sure? CPSCM sounded like it too")
    doubted = bool(ev.codes) and not ev.role_named and set(ev.codes) <= _denied(ev) | shown_codes and not any(name.startswith(lexicon.FACET_PREFIX) for name in ev.hits)  # "are you sure thats first? not CPOM?", "are you sure CMCPL is next?" after that pathway (not "my friend says CHHMR expires after 2 years, is that right?": a fact no page gives)
    versus = _versus_shown(ev, ctx, ix) or (_versus_shown(after, ctx, ix) if after is not ev else None)  # ("vs the festival one": named once "the festival one" is read)
    if versus is not None:
        rewritten = versus  # "how's that vs the airport clinic manager's day", "vs the festival path": the other side of what was just shown
    elif "pushback" in ev.hits and ctx.question and (not _own_subject(ev) or doubted) and (not r.spans or lexicon.ORDINALS.keys().isdisjoint(w for k, w in enumerate(words) if not any(a <= k < b for a, b in lexicon.cue("pushback").spans(words)))) and not {c for c in after.hits.keys() & _ASKS_ANYTHING if not inside_cue(after, c, of="pushback")}:
        rewritten = ctx.question  # "are you sure thats pharmacy?", "are you sure that's them and not the ops director?": that question again, answered from the knowledge
        self_at = next((x for x, _ in lexicon.cue("self_describe").spans(words)), None) if ctx.intent == "pathway" else None
        if self_at is not None:
            rewritten += f" ({' '.join(r.tokens[self_at:])})"  # "are you sure I need CMSO next? I'm way more of a supply chain person": that way again, in their order
    elif "pushback" in ev.hits and (ev.cue("pushback") or "").split()[-2:-1] == ["thought"] and len(set(ev.codes)) == 1 and not ev.role_named:
        rewritten = ctx.question if ctx.intent == "pathway" and ctx.question else f"what is {ev.codes[0]}"  # "I thought CHPOP was on there too?" after a pathway: that pathway again; "I thought CPOM covered that?": what CPOM covers
    elif ellipsis and ctx.intent in _LIST_INTENTS and (other_list := _other_list(ev)) is not None:
        rewritten = other_list  # "what roles do you cover" … "and the certs?"
    elif _why_placed(after, ctx, ix):
        rewritten = ctx.question  # "why is the billing one last?", "why does CMSO come second" after a pathway: that pathway again, whose reasons say why
    elif _names_a_step(ev, ctx, ix):
        rewritten += f" (how do I become the {_label(('role', ctx.role or ''), ix)})"  # "and if I'd rather start with the hospital operations one?": a step of that pathway, not the ops director
    elif tells:
        pass  # what the member tells of themselves retailors the pathway (below), nothing else is asked
    elif staff_role is not None:  # "and for my techs?" after the coordinator's day: the lead tech's day
        title = _label(("role", staff_role), ix)
        rewritten = _asked_again(ctx.intent, ctx.section, title)
    elif (other_holder := _other_holder(words, ctx, ix)) is not None:
        rewritten = f"the {_label(('role', other_holder), ix)} {'day to day' if 'day' in words else 'responsibilities' if {'duties', 'responsibilities'} & set(words) else 'overview'}"  # "is cpom just for ops directors" … "other role?": the other role whose path has it
    elif ev.cue("both") and "with" in words and ctx.intent in ("role", "pathway") and ctx.role is not None and not r.spans and not after.codes and len(after.named_roles) == 1 and after.role_best not in (None, ctx.role):
        rewritten = f"do the {_label(('role', after.role_best or ''), ix)} and the {_label(('role', ctx.role), ix)} have any cert in common"  # "shared with the tablet floor sup?" after the ops director's path: what the two paths share
    elif corrects and not r.spans and ctx.intent in ("role", "pathway") and ctx.role is not None and not (after.role_named or after.codes) and (bare_said := _bare_correction(ev)) and (meant := _described(bare_said, ctx, ix, "role", {("role", ctx.role)})) is not None:
        rewritten = _asked_again(ctx.intent, ctx.section, _label(meant, ix))  # "no wait, tablet floor" after the cleaning validation duties: the same of the role it half names
    elif same_again and not r.spans and ctx.intent in ("role", "pathway") and not (after.role_named or after.codes) and after.interest_role not in (None, ctx.role):  # "actually no, refinery. same q": the question before, of the role its word points at
        title = _label(("role", after.interest_role or ""), ix)
        rewritten = _asked_again(ctx.intent, ctx.section, title)
    elif not (_own_subject(after) or names_other) and not ctx.empty and not r.spans and not _stands_alone(after, ctx, ix) and "new_topic" not in ev.hits and not _lists_the_knowledge(after):
        about_role = after.section_cue or after.cert_nouns or after.pathway_cue or "ordering" in after.hits or "overview" in after.hits or "weak_overview" in after.hits or suits_it
        of_shown = ctx.intent == "role" and ctx.section in _SECTION_WORDS and ctx.role is not None and not after.section_cue and _of_what_was_shown(words)  # "is any of that about …" after their duties
        if about_role and ctx.role and not (after.section_cue or after.cert_nouns or after.pathway_cue or "ordering" in after.hits or of_shown or suits_it) and _foreign_words(after, ctx.role, ix):
            about_role = False  # "btw whats a good pizza place near the convention center": "whats a" asks nothing of the role
        if about_role and (_another_job(after) or _goal_unheard_of(after, ix)):
            about_role = False  # "how do i become a nuclear pharmacist" after the ops director, "Ben wants to become a PA" after Kim's path: a job of its own, which no page has
        topic_elsewhere = (ctx.role is not None or ctx.thing is not None) and ("cert_seek" in after.hits or bool(after.cert_nouns)) and not (after.pathway_cue or after.section_cue or "ordering" in after.hits or after.certs_plural) and not (ctx.role is not None and fits_page(ctx.role, after.a, ix)) and not _in_cert_text(ctx.thing, after, ix) and _known_topic(after, ix)
        about_role = about_role and not topic_elsewhere  # "ok and which cert covers comfort kits" after the cold chain card: a topic of another page
        about_role = about_role or (ctx.role is not None and fits_page(ctx.role, after.a, ix, loosely=adds_a_topic and ctx.intent == "role"))  # "when would I be meeting with HR": their page says ("diversion too" after their duties: a page that writes it once)
        about_role = about_role or ("for_someone" in ev.hits and ctx.intent == "pathway")  # "and for someone who's run a retail store": that pathway
        pair = _last_two(ctx)
        rest = _ELLIPSIS.sub("", core).lstrip()
        exam_of = ctx.thing if ctx.thing is not None and ctx.thing[0] == "cert" and not _EXAM_WORDS.isdisjoint(words) else None  # "is the exam hard" after a card: that certification's
        if "contrast" in after.hits and pair:
            rewritten += f" ({_label(pair[0], ix)} vs {_label(pair[1], ix)})"  # "diff?" after two certifications
        elif exam_of is not None:
            body = rewritten.rstrip(_PUNCT + " ")
            rewritten = f"{body} (about {_label(exam_of, ix)}){rewritten[len(body):].strip()}"  # "hard exam?" -> "hard exam (about CTTL)?": one sentence
        elif ctx.by_topic and (ellipsis or corrects) and rest and step_place(after) is None and not (after.certs_plural and not _content_of(after, ix)) and (not (about_role or after.hits.keys() & _ASKS) or ("one" in words and not after.role_nouns) or not (lexicon.TOPIC_NOUNS.isdisjoint(words) or after.hits.keys() & _ASKS) or (not (after.role_named or after.described) and after.hits.keys() <= {"weak_overview", "follow_up"}) or (after.hits.keys() & _ASKS <= {"cert_seek"} and not (after.role_named or after.codes))):  # "and one for ethics cases", "and the staffing part", "what about dart kits", "and anything for data people"
            own_steps = {s.certification for s in ix.knowledge.roles[ctx.role].pathway} if ctx.role else set()
            of_role = [e[1] for e in ctx.shown if e[0] == "cert"] if len(ctx.shown) >= 2 and all(e[0] == "cert" and e[1] in own_steps for e in ctx.shown) else []
            if not of_role and ctx.role and ctx.role in ctx.roles and ctx.thing is not None and ctx.thing[1] in own_steps:
                of_role = [s.certification for s in ix.knowledge.roles[ctx.role].pathway]  # "whats the cert for that part" (one card) … "and for the route planning part": that role's steps
            which = f"which of {_joined(of_role, 'or')}" if of_role else "which certification"  # "is there a cert for the inventory part" … "and the staffing part": of that role's, again
            rewritten = f"{which} is about {_ONE_FOR.sub('', rest)}"
            topic_again = True  # "and audits of the vault?" after "which of them is about DEA inspections"
        elif about_role and of_shown and ctx.role and ctx.section:
            rewritten += f" (the {_label(('role', ctx.role), ix)} {_SECTION_WORDS[ctx.section]})"  # "is any of that about training techs" after their duties: those duties
        elif about_role and ctx.role:
            rewritten += f" (for the {_label(('role', _recalled(after, ctx) or ctx.role), ix)})" + (f" ({person_focus})" if person_focus and (after.pathway_cue or "ordering" in after.hits or after.cert_seek) else "")  # ("… Ife loves running outreach events" … "so which cert should Ife start with?": in her order)
        elif (ellipsis or asks_more or about_role or after.hits.keys() & {"identity", "judgement"}) and ctx.thing and not topic_elsewhere and not (ctx.intent == "pathway" and after.pathway_cue and "self_describe" in ev.hits) and not _off_knowledge(after) and not (ellipsis and _another_job(after)) and "for_someone" not in ev.hits and "help" not in after.hits and not (wished_if and _shown_on_path(ctx, ix)) and (not ((ctx.intent == "pathway" and said_of_self) or "self_describe" in ev.hits) or bool(after.hits.keys() & _ASKS)):  # "full name pls" (not "what else can you help with"; "and if i mostly care about the training side" retailors the pathway)
            rewritten += f" (about {_label(ctx.thing, ix)})"
        appended = rewritten != r.text()
    elif ctx.intent == "role" and ctx.section in _SECTION_WORDS and after.described and after.described != ctx.role and not after.role_named and not after.asks_who and not after.hits.keys() & _ASKS_ANYTHING and _ends_in_ellipsis(r):
        rewritten = f"the {_label(('role', after.described), ix)} {_SECTION_WORDS[ctx.section]}"  # "sounds boring. what about the nursing home consultant?" after a day
    elif (ellipsis or corrects) and not unresolved and (((_only_names(after, _whose_goal(words, people) if not r.spans else frozenset()) or names_other or ((corrects or (ellipsis and after.role_named)) and ctx.intent == "pathway" and _only_names(after, after.said_of_self | (_path_nouns(after) if path_named else frozenset()) | _same_as_before(after)))) and not _asks_beyond_naming(after, path_named)) or (ellipsis and _versus_the_last(after, ctx))):
        title = _label(("role", after.role_best), ix) if after.role_best else ""
        place = (step_place(asked_before()) or _step_picked(ctx)) if after.role_best and words[:2] in (["and", "on"], ["and", "for"]) and ctx.thing is not None and ctx.thing[0] == "cert" and ctx.question and not after.codes else None
        if place is not None:  # "what's step 3 on the line clearance path?" … "and on the app support one?": that step of its pathway
            rewritten = f"the {next(w for w, n in lexicon.ORDINALS.items() if n == place)} step of the {title} path"
        elif (after.role_named or after.subject_relaxed or names_other) and not after.codes and ctx.intent == "pathway":
            # "and for the informatics director?" keeps the pathway form, and what they said of themselves
            # (first: a job named in it is theirs, the goal comes last); "forget it, the scheduling
            # manager instead, i love building rotations": what they say now is theirs too
            told_now = typed_at(after.a, sorted(after.said_of_self - _title_words(after)))
            focus = " ".join(f for f in (ctx.focus, told_now) if f)
            rewritten = (f"({focus}) " if focus else "") + f"how do I become the {title}"
            if ctx.held and not newcomer and any(c in _steps(after.role_best, ix) for c in ctx.held):
                rewritten += f" (I already have {_joined(list(ctx.held))})"  # "i already have cpom, whats left for the tribal lead path" … "and for ship lead?": still theirs
        elif (after.role_named or names_other) and not after.codes and ctx.intent == "role":
            rewritten = f"the {title} {_SECTION_WORDS.get(ctx.section or '', 'overview')}"  # "ok what about ops" after a day: that role's day
        elif after.codes and not after.role_named and ctx.intent == "certification":
            rewritten = f"what is {_joined(list(after.codes))}"  # "no wait, I meant the payer one"

    same_role = (tells and after.role_best == ctx.role) or "same_goal" in ev.hits  # "i'm new to managing people" after the sustainability manager's pathway: their words, not a new goal ("… wants the same job": that one)
    about_me = ("self_describe" in ev.hits or "likes_theirs" in ev.hits or tells) and not (after.codes or (after.role_named and not ev.named_only_of_self and not same_role))  # "what if I'm more of a purchasing person": the member, not a job (nor "im a tech lead rn")
    for_someone = "for_someone" in ev.hits or (newcomer and not _noun(speaks_for) and any(k == speaks_for and [w for w in words[:a] if w not in lexicon.LEAD_FILLERS] in _FOR_A_NAME for a, _, k in people))  # "what about for a tech", "and for Mei, who's …": whom the pathway is for
    order_shown = any(w in ("order", "list") and words[i - 1 : i] in (["that"], ["this"], ["your"], ["same"]) for i, w in enumerate(words)) and any(w in lexicon.ORDINALS for w in words)  # "second one in that order?": a step of the order just shown
    pathway_turn = (ctx.intent == "pathway" and (after.pathway_cue or bool(after.held) or ("ordering" in after.hits and not order_shown) or "ref_self" in ev.hits or about_me or for_someone)) or (retailor and ("ref_choice" in ev.hits or suits))
    pathway_turn = pathway_turn or (ctx.intent == "role" and ctx.role is not None and bool(after.pathway_cue) and bool(after.held) and not set(after.codes) - set(after.held) and not after.role_named)  # "she already holds CHPOP, what's next for her" after a role's page: its pathway without it
    still_on = ctx.intent == "pathway" and ctx.role is not None and len(set(after.codes)) == 1 and set(after.codes) <= _steps(ctx.role, ix) and not (after.role_named and after.role_best != ctx.role) and "on" in words and not {"it", "there", "that", "this"}.isdisjoint(words) and next((w for w in words if w not in lexicon.LEAD_FILLERS and w != "and"), "") in lexicon.POLAR_LEADS and not (after.hits.keys() - ({"pathway"} if (after.cue("pathway") or "") in lexicon.PATH_NOUNS else set())) & (_ASKS_ANYTHING | {"ref_next", "ref_prev"}) and not after.held  # "is CETEP still on it?", "is CPOM on that path too?" after a pathway: that pathway again, where it stands
    pathway_turn = pathway_turn or still_on
    pathway_turn = pathway_turn or ((ctx.intent == "pathway" or shown_on_path) and bool(ev.a.disliked) and not _own_subject(after) and not after.hits.keys() & _ASKS_ANYTHING)  # "hmm, and if discharge letters bore me too?" after a pathway: that way, without it first
    pathway_turn = pathway_turn or their_first or (ctx.intent == "pathway" and "same_goal" in ev.hits and not after.codes)  # "different person: my other tech wants the same job but he's all about coaching": that way, in their order
    pathway_turn = pathway_turn or (part_of_path and not after.role_named and not after.codes and not after.hits.keys() & _ASKS_ANYTHING)  # "what if I wanted the layout side instead" after a pathway: that pathway, in their order
    pathway_turn = pathway_turn or ((ctx.intent == "pathway" or shown_on_path) and bool(set(ctx.held) & _denied(after)) and not after.role_named)  # "actually no i dont have CPOM yet, thats the one im studying for": that pathway again, with it (after a step's card too)
    pathway_turn = pathway_turn and not (after.codes and after.cue("eligibility"))  # "do i need a pharmacist license for cpom": who may sit for it, no page says
    pathway_turn = pathway_turn and not after.cue("missing_employment")  # "so who would you promote first?": a decision about people, not their way
    pathway_turn = pathway_turn and not _on_other_paths(words)  # "is CMSO on any other role's path?": its card, which says whose pathways have it
    stepped = not (after.held and not people) and any(text.removeprefix("then ") in ix.knowledge.certifications for _, text in r.spans.values() if text and text.startswith("then "))  # ("what's next after it on there" after "whose path has CPEAL", "Jonas has that one already. and the one after?": "then CSRPP", the next step's card; not "have that already. whats after it then": the member's way goes on without it)
    pathway_turn = pathway_turn and not ((_asks_the_step_beside(after) or stepped) and "if" not in words and not about_me and "ref_self" not in after.hits)  # "what's the cert after CDPMG on her path": that one step's card, whatever she holds
    pathway_turn = pathway_turn and not _judged_way(after) and not hard_to_enter(after)  # "is that a good career move tho", "is the zoo job hard to get into": a judgement of the way, which no page gives
    pathway_turn = pathway_turn and not ("become" in words and not after.role_named and not about_me and "if" not in words and (_another_job(after) or _goal_unheard_of(after, ix)))  # "or maybe a nurse practitioner, how do i become one of those": a job no page has
    pathway_turn = pathway_turn and not (len(after.a.words) <= _SECTION_FIRST_WORDS and bool(after.hits.keys() & {"overview", "day", "responsibilities"}) and "ordering" in after.hits and not (after.held or after.cert_nouns) and _STEP_NOUNS.isdisjoint(words) and lexicon.PATH_NOUNS.isdisjoint(words))  # "Jules's overview first", "Dara's day first": that part asked first, not a first step
    # "I'm the one who takes minutes at our policy committee": the member's own work, though a page describes it
    own_work = not _own_subject(after) or ((about_me or for_someone) and after.described is not None and not after.asks_who)
    pathway_turn = pathway_turn or (shown_on_path and (about_me or for_someone or wished_if) and own_work and not after.hits.keys() & _ASKS_ANYTHING)  # "what about for a tech" after a card from that pathway
    pathway_turn = pathway_turn or (shown_on_path and bool(after.held) and not after.role_named and not after.cue("eligibility"))  # "i already have that one, which should i do next" after a step's card: that pathway without it
    pathway_turn = pathway_turn and not ("venting" in after.hits and not (after.pathway_cue or "ordering" in after.hits or after.held or "?" in question))  # "honestly i feel so rusty … 😩" after a pathway: nothing asked of it
    pathway_turn = pathway_turn and not (stepped and "if" not in words)  # "Jonas has that one already. and the one after?": the step after it, its card
    if pathway_turn and ctx.role and not ((after.role_named and not after.named_only_of_self and not same_role) or (after.subject_relaxed and after.subject_role != ctx.role and not (about_me or for_someone or after.held))):  # "I already have CPSCM from my ops job": still this pathway
        rewritten += f" (how do I become the {_label(('role', ctx.role), ix)})" + (f" ({person_focus})" if person_focus else "")
        appended = True
    their_goal = bool(speaks_for) and not _noun(speaks_for) and ctx.intent == "pathway" and bool(ctx.people) and after.role_named and not after.codes and not (after.hits.keys() & (_ASKS_ANYTHING | {"weak_overview", "tell_more"}) - {"overview"}) and not (next((w for w in words if w not in lexicon.LEAD_FILLERS), "") in lexicon.WH_WORDS and not after.pathway_cue) and "(how do I become" not in rewritten  # (not "what's the ops director do exactly, for Leo's sake": the job asked)
    if their_goal and after.role_best:  # "Abe wants ops director, what's on that path" … "Bo: labor productivity analyst, same question": that role's way, for the next person
        rewritten += f" (how do I become the {_label(('role', after.role_best), ix)})"
        appended = True
    still_held = [c for c in ctx.held if c not in _denied(after)]  # "scratch that, I have CPOM not CHPOP"
    also_held = [c for c in after.codes if c not in still_held] if ctx.held and words[:1] in (["and"], ["plus"], ["also"]) and not _TOO.isdisjoint(words) else []
    if pathway_turn and also_held and not newcomer:  # "already hold CCEPA" … "and CPSCM too. whats left": said first, so the codes read as held
        rewritten = f"(I already have {_joined(still_held + also_held)}) {rewritten}"
    elif pathway_turn and still_held and not newcomer:  # (what one person holds is not another's)
        rewritten += f" (I already have {_joined(still_held)})"
    adds_to_it = pathway_turn and bool(ev.a.disliked) and not after.held and not (newcomer or for_someone or person_focus) and (not _TOO.isdisjoint(words) or "and" in words[:2])  # "she also hates writing dossiers, does that change anything?": what they like, told before, still holds
    if ("ref_self" in ev.hits or still_on or adds_to_it) and ctx.focus and f"({ctx.focus})" not in rewritten:
        rewritten += f" ({ctx.focus})"
        appended = True
    elif ctx.focus and ctx.intent == "role" and after.pathway_cue and not (about_me or for_someone or _tells_of_self(ev) or described_at) and _asked_what_fits(ctx, ix) and ((referred and not _own_subject(ev) and after.role_best == ctx.role) or (after.role_named and after.role_best in ctx.roles)):
        rewritten += f" ({ctx.focus})"  # "i've been our inventory lead for years. X or Y, which fits me" … "show me the path for it" (or "… for Y", one of the two weighed): for them
        appended = True
    if asked_role and "(how do I become" not in rewritten and "(for the" not in rewritten:
        now = read(rewritten, ix) if ev.pathway_cue else None  # (read again only when the way may have been cut)
        wished = not lexicon.WISH_WORDS.isdisjoint(person_focus.split()) and not ev.section_cue and not ev.hits.keys() & {"overview", "weak_overview", "identity"}  # ("tariq wants ops director, loves inventory. … do tariq 1st": the way to what he wants)
        bare = (asked_for is not None or (ctx.asked_of or ("",))[0] == "pathway") and not (ev.section_cue or ev.cert_nouns or ev.hits.keys() & {"overview", "weak_overview", "identity", "day", "responsibilities", "help", "list", "tell_more"}) and lexicon.ORDINALS.keys().isdisjoint(words) and _STEP_NOUNS.isdisjoint(words) and _ASKS_SOMETHING.isdisjoint(words[asked_for[1] if asked_for else 0 :])  # (not "tariq's on a performance plan, will that block him"); "Tom: chief resident, has CPOM. Aisha: voice clinic … do Aisha": nothing asked but whose turn; a mentor plans their way
        way = "how do I become" if (now is not None and not now.pathway_cue and not now.section_cue and not now.hits.keys() & {"overview", "weak_overview", "identity"}) or wished or bare else "for"  # ("both want the X job. ana 1st": the way there, though the cue was in what was cut)
        rewritten += f" ({way} the {_label(('role', asked_role), ix)})" + (f" ({person_focus})" if person_focus else "")  # "… which cert fits the pharmacist": theirs
        appended = True
    if (ctx.intent in ("pathway", "role") or shown_on_path) and ctx.role and not (after.role_named or ev.role_named) and not _STEP_NOUNS.isdisjoint(words) and ("which" in words or _place_asked(words)) and lexicon.ORDINALS.keys().isdisjoint(words) and not any(w.isdigit() for w in words) and len(set(after.codes)) == 1 and set(after.codes) <= _steps(ctx.role, ix) and "(how do I become" not in rewritten and _ENDS_LOCATIVE.isdisjoint(words):
        rewritten += f" (on the {_label(('role', ctx.role), ix)} path)"  # "does the ops director path have CPOM" … "and which step is it?": where it stands on that pathway
        appended = True
    if _weighed_with_the_last(ev, ctx) and ctx.role:  # "compared with the metrics analyst, which deals more with wholesalers" after the chargeback specialist's day: of those two
        rewritten += f" (or the {_label(('role', ctx.role), ix)})"
        referred = True
    changed = rewritten != plain
    final = read(rewritten, ix) if changed else ev
    if changed and (ev.set_aside or ev.set_aside_roles):
        final = replace(final, set_aside=ev.set_aside, set_aside_roles=ev.set_aside_roles)  # read out of the question before it was rewritten
    if appended:  # what the member's own words asked ("day?") still counts with the subject added after them
        final = replace(final, hits=MappingProxyType({**after.hits, **final.hits}))
    signals = frozenset({"asks_who"} if final.asks_who else set()) | ({"new_person"} if newcomer else set()) | ({"chose"} if picked_among else set()) | ({"by_topic"} if topic_again else set()) | ({"by_ordinal"} if picked_role else set())
    roles_named: tuple[str, ...] = tuple(e[1] for e in here) if here and picked_role else picked_of or final.named_roles  # ("… benchmarking analyst - give me the third one's overview": all three were named)
    if versus is not None and ctx.role and final.role_best and final.role_best != ctx.role:
        roles_named = (ctx.role, final.role_best)  # "how's that vs the ops director path" … "which of the two needs fewer": both are weighed
        signals |= {"versus"}
    if not told and len(people) == 1 and not _noun(people[0][2]) and people[0][2] not in dict(ctx.people) and ctx.role is not None and ctx.intent in ("role", "pathway") and final.role_best in (None, ctx.role) and not final.codes:
        told, wants = _one_persons_liking(people[0], words, r.tokens, ctx.role)  # "is recruitment part of it? Ife loves running outreach events": Ife, of this role, loves that
    return Resolution(rewritten if changed else question, changed, referred, roles_named, signals, speaks_for, told=told, wants=wants, evidence=final, path=stepped_path, named=in_order or _roles_numbered(ev), called=tuple(called_here))


def _one_persons_liking(person: tuple[int, int, str], words: list[str], tokens: list[str], role: str) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """One person named right before what they like ("Ife loves running outreach events") while a
    role is talked about: that person, of that role, and what they like (which orders their steps
    when their way is asked later); else nothing."""
    a, b, name = person
    liked = (b < len(words) and words[b] in _LOVES) or any(b <= x <= b + 1 for cue in ("likes_theirs", "likes") for x, _ in lexicon.cue(cue).spans(words))
    if not liked:
        return (), ()
    end = next((k for k in range(b, len(tokens)) if tokens[k][-1:] in ".?!"), len(tokens) - 1) + 1
    return ((name, role),), ((name, " ".join(t.strip(_PUNCT) for t in tokens[b:end])),)


_RANKS = frozenset({"lead", "senior", "junior", "new", "night", "evening", "weekend"})  # "my lead tech", "my night tech": still the person
_BY_ORDER = frozenset({"one", "person", "guy", "gal", "lady", "girl", "dude", "fella"})  # "back to the first guy"


_SAID_BEFORE = frozenset({"listed", "mentioned", "said", "named", "told", "wrote", "gave", "list", "earlier", "before"})  # "the second person I listed"


def _person_by_order(words: list[str], ctx: Context) -> tuple[tuple[int, int], str, str] | None:
    """"back to the first one", "ok the second one again": of two or more people the member spoke
    for, the one in that place (in the order they came up), and the words that say so."""
    if len(ctx.people) < 2:
        return None
    for i, w in enumerate(words[:-1]):
        if w not in lexicon.ORDINALS or (words[i + 1] not in _BY_ORDER and words[i + 1] not in lexicon.MENTORED) or lexicon.ORDINALS[w] == 0:
            continue
        start = i - 1 if i and words[i - 1] in _DEFINITE else i
        if words[i + 1] in ("one", *lexicon.MENTORED) and not (_RETURNS & set(words[max(0, start - 2) : start]) or "again" in words[i + 2 : i + 4]):
            continue  # ("the first one" alone is a step of what was shown; "the second person I listed" is a person)
        order = list(reversed(ctx.people))
        pos = lexicon.ORDINALS[w]
        if pos <= len(order):
            at = max(0, start - 2) if words[max(0, start - 2)] in _RETURNS else start - 1 if start and words[start - 1] in _RETURNS else start
            who, role = order[pos - 1 if pos > 0 else pos]
            return (at, i + 2), who, role
    return None


def _one_cert_of_path(ev: Evidence, ctx: Context, ix: Index, r: _Rewrite) -> str | None:
    """After a role's page, "which cert covers that", "is there a cert for that part", "which cert
    is for the copay side": one certification is asked for, one step of that role's pathway.
    The last question's topic is a part of the page: the step the page's own words put first
    (shown as that certification: signal "one_cert"). A topic of its own: the step whose text says it."""
    if ctx.intent != "role" or ctx.role is None or _own_subject(ev) or not ev.cert_nouns or ev.certs_plural or ev.held or r.spans or step_place(ev) is not None:
        return None  # (not "cert 2 on the app one": a step by its place)
    if any(_POSSESSIVE.search(r.tokens[b - 1].strip(_PUNCT)) for _, b in lexicon.cue("ref_one_kind").spans(r.words)):
        return None  # "the pathogens one's second cert?": a step of the role it describes
    if any(w in lexicon.CERT_NOUNS and w.endswith("s") for w in r.words) or ev.hits.keys() & (_STANDS_ALONE | {"pathway", "list", "ordering", "identity"}):
        return None  # "what certs would I need", "how much is the cert": not one step by its topic
    steps = [s.certification for s in ix.knowledge.roles[ctx.role].pathway]
    if len(steps) < 2:
        return None
    topic_at = r.found("ref_topic") or [(a, b) for a, b in r.found("ref_thing") if r.words[a] in ("that", "this") and b == len(r.words)]
    topic_at = [(a, b) for a, b in topic_at if not _topic_before(r, a, ix)]  # "the accreditation part scares me, which one covers that": said here
    own = [t.strip(_PUNCT) for i, (t, w) in enumerate(zip(r.tokens, r.words)) if _topic_word(w, ix) and not any(a <= i < b for a, b in topic_at)]
    if topic_at and ctx.question:  # the part of the page the last question was about: the step the page's own words put first
        title = _label(("role", ctx.role), ix)
        said = re.sub(r"\((?:for|about) [^()]*\)", "", ctx.question).replace(f"the {title}", "").replace(title, "")
        entry = entry_at(ctx.role, ctx.question, ix) if ctx.section == "day_in_the_life" else None
        if entry is not None:  # "what does the site monitor do at 9" … "is there a cert for that bit": the step whose text says what they do then
            return f"which of {_joined(steps, 'or')} is about {' '.join(words_of(entry.title + ' ' + entry.description))}"
        return f"which cert first for the {title} ({' '.join(said.split()).strip(_PUNCT + ' ')})"
    if own and not topic_at:  # a topic of its own ("the copay side"): the step whose text says it
        return f"which of {_joined(steps, 'or')} is about {' '.join(own)}"
    return None


def _topic_word(word: str, ix: Index) -> bool:
    """A word that says what is asked about: one the knowledge uses, not a filler, a cue or a noun for a certification or role."""
    return word not in lexicon.STOPWORDS and word not in lexicon.LIGHT_WORDS and word not in lexicon.CERT_NOUNS and word not in lexicon.ROLE_NOUNS and stem(word) not in cue_stems() and (stem(word) in ix.postings or bool(related_stems([stem(word)], ix.postings)))  # ("the lab part": a word of the trade whose kin the knowledge uses, "laboratory")


def _a_word_of_its_page(question: str, ev: Evidence, ctx: Context, ix: Index) -> bool:
    """One to three words asked after a role's page ("precepting?", "more patients?"), each a
    word its page has: asked of that role."""
    if ctx.intent != "role" or not ctx.role or not question.rstrip().endswith("?") or len(ev.a.words) > _PAGE_WORD_QUESTION or ev.codes or ev.role_named or not set(ev.hits) <= {"clinical_topic"}:
        return False
    said = [w for w in ev.a.words if w not in lexicon.STOPWORDS and w not in lexicon.LIGHT_WORDS]
    if not PART_NOUNS.isdisjoint(ev.a.words) or not lexicon.TOPIC_NOUNS.isdisjoint(ev.a.words):
        return False  # ("the audit part?", "customs bit": a part of its duties, read as such)
    page = ix.role_coverage(ctx.role)
    return bool(said) and all(_describing_word(w, ix) and stem(w) in page for w in said)


_PAGE_WORD_QUESTION = 3  # words at most in a question that only names something a role's page may say ("precepting?")


def _describing_word(word: str, ix: Index) -> bool:
    """A word that can describe a role or certification ("vaccine", "ops"): a word of the
    knowledge or of a title, as the vocabulary reads it, never one that rates ("easy one?")."""
    if word in lexicon.EVALUATIVES or word in lexicon.RATINGS:
        return False
    return _topic_word(word, ix) or stem(word) in ix.title_postings or any(_topic_word(x, ix) or stem(x) in ix.title_postings for x in ix.expand([word]) if x != word)


def _topic_before(r: _Rewrite, at: int, ix: Index) -> bool:
    """"the accreditation part scares me tho, which one covers that": the topic said in an earlier
    clause of this message (not "what cert would prove i know that stuff")."""
    ended = max((i for i in range(at) if _CLAUSE_END.search(r.tokens[i])), default=-1)
    return any(_topic_word(w, ix) for w in r.words[: ended + 1])


def _only_the_person(words: list[str], people: list[tuple[int, int, str]]) -> bool:
    """"now Marcus", "ok back to the tech", "now Tom, who loves leading teams": a person and nothing
    asked (what a clause after them tells of them, see ``_told_after``)."""
    told = _told_after(words, people)
    first = min((a for a, _, _ in people), default=0)
    return all(w in lexicon.STOPWORDS or w in _RETURNS or w in _FILLERS or (w in _TURN_WORDS and i < first) for i, w in enumerate(words[: told[0]] if told else words) if not any(a <= i < b for a, b, _ in people))


_FILLERS = frozenset({"what", "about", "ok", "okay", "so"})
_ASKS_SOMETHING = lexicon.WH_WORDS | lexicon.WHO_WORDS | frozenset({"where", "when", "why", "will", "would", "can", "could", "should", "does", "did", "is", "are", "was", "were", "has", "have", "need", "needs"})  # a question of its own, not only whose turn
_TURN_WORDS = frozenset({"last", "lastly", "finally", "next", "then"})  # "last, Hannah", "next: Tom": whose turn it is (not "raf's last": his last step)


def _told_after(words: list[str], people: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """"now Tom, who loves leading teams": the clause after the person that tells of them."""
    ends = [b for _, b, _ in people]
    if len(ends) == 1 and ends[0] < len(words) and words[ends[0]] in _WHO_TELLS and lexicon.WH_WORDS.isdisjoint(words[ends[0] :]):
        return ends[0], len(words)  # (not "back to priya, she does the recycling, which first for her": that asks)
    return None


_WHO_TELLS = frozenset({"who", "whos", "she", "he", "shes", "hes"})  # "now Tom, who loves leading teams", "Lena - she's great at forecasting"



def _names_one_role(descriptor: list[str], ix: Index) -> bool:
    """One word of one title ("the forgery one"), or two words that only one role's title or
    other name has ("the drug screen one", often called the drug screen pharmacist)."""
    if len(descriptor) == 1:
        return len(ix.title_postings.get(stem(descriptor[0]), ())) == 1
    if len(descriptor) != 2:
        return False
    fits = [set(ix.title_postings.get(stem(w), ())) | set(ix.nicknamed.get(stem(w), ())) for w in descriptor]
    return len(fits[0] & fits[1]) == 1 and any(ix.nicknamed.get(stem(w)) for w in descriptor)


_DROPPED = re.compile(r"^\s*(?:(?:ok|okay|so|no|nah|actually|hmm|right)[,\s]+)?(?:forget|scratch|drop|ditch|never\s*mind|nvm)\s+[^,.;:!?]{1,60}[,.;:!?]+\s*(?P<rest>\S.*)$", re.I)  # "ok forget the ops director, …": what is set aside, then the question
_REMARK = re.compile(r"^\s*(?P<remark>(?:[\w']+,?\s+){0,3}[\w']+)\s*[.!]+\s+(?P<rest>\S.*)$")  # "that's early. and …": a short remark (one to four words), then the question


_OTHER_ROLE_WORDS = frozenset({"the", "other", "role", "job", "one", "and", "what", "about", "whats", "s", "that", "day", "duties", "overview", "any", "which", "is", "there", "an"})  # ("any other role?", "which other job?")


def _other_holder(words: list[str], ctx: Context, ix: Index) -> str | None:
    """After a certification's card asked of one role ("is cpom just for ops directors"), "other
    role?": the one other role whose pathway has it (none when several do)."""
    if ctx.thing is None or ctx.thing[0] != "cert" or "other" not in words or not ({"role", "job"} & set(words)) or set(words) - _OTHER_ROLE_WORDS:
        return None
    asked_of = set(read(ctx.question, ix).named_roles) if ctx.question else set()
    holders = [r.id for r in ix.knowledge.roles_with_certification(ctx.thing[1]) if r.id not in asked_of]
    return holders[0] if len(holders) == 1 and asked_of else None


_BARE_CORRECTION_WORDS = 4  # "no wait, tablet floor": a correction that only names, in a few words


def _bare_correction(ev: Evidence) -> str:
    """The words after a correction that opens the message, when they only name something in a
    few words ("no wait, tablet floor", "sorry, cleaning validation"): else ""."""
    words = ev.a.words
    spans = lexicon.cue("correction").spans(words)
    if not spans or spans[0][0] != 0 or set(ev.hits) - {"correction", "discourse"}:
        return ""
    rest = [w for w in words[spans[0][1] :] if w not in _DEFINITE]
    return " ".join(rest) if 0 < len(rest) <= _BARE_CORRECTION_WORDS and not any(w in lexicon.STOPWORDS for w in rest) else ""


def _asked_again(intent: str | None, section: str | None, title: str, loves: str = "") -> str:
    """The question asked before, of another role: its pathway or the same part of its page; what the person loves (in brackets) orders the steps."""
    asked = f"how do I become the {title}" if intent == "pathway" else f"the {title} {_SECTION_WORDS.get(section or '', 'overview')}"
    return f"({loves}) {asked}" if loves else asked


def _person_turn(rewritten: str, person: str, told: tuple[tuple[str, str], ...], wants: tuple[tuple[str, str], ...], ix: Index) -> Resolution:
    """"now Marcus": the last kind of question, asked of that person's role."""
    final = read(rewritten, ix)
    return Resolution(rewritten, True, True, final.named_roles, frozenset(), person, told=told, wants=wants, evidence=final)


_LIST_INTENTS = frozenset({"list_roles", "list_certifications"})
_OF_THE_BOT = frozenset({"you", "u", "your", "ur", "council", "database", "knowledgebase", "base", "bot", "system"})  # a list cue's words that ask what the bot holds
_LOVES = frozenset({"loves", "enjoys", "adores", "likes", "prefers"})  # "Kenji loves the rota and people side": what he likes, no role
_THANKS_FILLERS = frozenset({"it", "that", "this", "so", "much", "very", "really", "a", "lot", "you", "u", "ya", "for", "all", "the", "help", "again", "lol"})
_THE_ONES = frozenset({"the", "their", "its", "his", "her", "those", "these", "that", "this"})
_EVERY = frozenset({"all", "every", "everything", "overall", "altogether"})
_TOO = frozenset({"too", "also", "aswell"})
_HOLDERS = frozenset({"i", "she", "he", "they"})  # "I have that from my old job": who holds it, opening the words found


def _asked_what_fits(ctx: Context, ix: Index) -> bool:
    """The last answer told the member which role fits them ("… which fits me better"), after
    what they said of themselves (and that names no other role)."""
    return "suits" in read(ctx.question, ix).hits and not _names(ctx.focus, ix)


_SPEAKS_FOR = frozenset({"my", "our", "the", "his", "her"})
_IS_SELF = frozenset({"im", "i'm", "am", "was", "as"})
_RETURNS = frozenset({"back", "again", "return", "returning", "now"})  # ("my tech Luis" after "my tech Maria" is someone else)


def _people(words: list[str], tokens: list[str], ix: Index, known: set[str] | frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """The people a member speaks for ("my pharmacy resident", "back to the tech", "my other
    resident", "Priya"): (first word, one past it, the noun or name). Words of a title are no
    person ("the stewardship pharmacist" is a role), nor is a noun that heads a title ("my tech
    supervisor"); a name is a capitalised word that is no word of the knowledge nor of everyday English."""
    capitalised = [(i, w) for i, (w, t) in enumerate(zip(words, tokens)) if _NAME.fullmatch(_POSSESSIVE.sub("", t.strip(_PUNCT))) and w not in ix.known_words and not _employs(i, words)]
    found = [(i, i + 1, w) for i, w in capitalised if english.count(w) < NAME_ENGLISH]
    if found or known:  # "Sam (tech, 6 yrs) wants …, Lee wants …": beside another name (or after one spoken for before), a commoner word capitalised where a person is spoken of
        spoken = [(i, w) for i, (w, t) in enumerate(zip(words, tokens)) if _NAME.fullmatch(_POSSESSIVE.sub("", t.strip(_PUNCT))) and w not in ix.text_words and not _employs(i, words)]  # ("Leo wants …, Max wants …": a word the bot's own cues use, no word of the knowledge)
        found += [(i, i + 1, w) for i, w in spoken if english.count(w) < NAME_ENGLISH_PLACED and (i, i + 1, w) not in found and _person_place(i, words, tokens)]  # (also a rarer one the bot's vocabulary knows: "Dan wants …")
    found += [(i, i + 1, w) for i, (w, t) in enumerate(zip(words, tokens)) if len(w) == 2 and _TITLED.fullmatch(_POSSESSIVE.sub("", t.strip(_PUNCT))) and w not in ix.known_words and english.count(w) < NAME_ENGLISH_PLACED and _person_place(i, words, tokens)]  # "Mo wants the callback job", "Jo wants …": a short name, where a person is spoken of
    for i, w in enumerate(words):
        noun = w if w in lexicon.MENTORED else w[:-1] if w.endswith("s") and w[:-1] in lexicon.MENTORED else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if not noun or nxt in lexicon.ROLE_HEADS or nxt in _OF_THE_WORK or nxt in lexicon.ROLE_NOUNS or (nxt in ix.name_words and nxt not in lexicon.FIELD_WORDS):
            continue  # (not "the tech side": a part of the work; nor "the pre-op pharmacist job": a job)
        j = i - 1
        while j >= 0 and i - j <= 3 and words[j] not in _SPEAKS_FOR and not _SENTENCE_END.search(tokens[j]) and (words[j] in lexicon.FIELD_WORDS or words[j] in lexicon.ORDINALS or words[j] in _OTHER or words[j] in _RANKS or (words[j] not in lexicon.STOPWORDS and words[j] not in ix.name_words)):
            j -= 1
        if j >= 3 and words[j - 2 : j] == ["one", "of"] and words[j - 3] in ("is", "s", "was"):
            continue  # "Hana is one of my ward pharmacists": who Hana is, no one else
        if j >= 0 and words[j] in _SPEAKS_FOR and not (j and words[j - 1] in _IS_SELF):  # (not "i'm the tech who runs …")
            other = any(w in _OTHER or lexicon.ORDINALS.get(w, 1) >= 2 for w in words[j + 1 : i])
            found.append((j, i + 1, f"other {noun}" if other else noun))  # "my other tech", "the second tech": another person than "my tech"
    named_in_capitals = any(not _noun(k) for _, _, k in found)  # "ok dev plans for my crew. Ravi: …": names typed in capitals, a lower-case word is none
    found += [(i, i + 1, w) for i, w in enumerate(words) if (i, i + 1, w) not in found and not named_in_capitals and _lower_name(i, words, tokens, ix)]
    if any(not _noun(k) for _, _, k in found):  # "sam wants the ops director job …, dana wants …": beside another name, a commoner one typed in lower case
        capital_at = {a for a, _, k in found if not _noun(k)}
        found += [(i, i + 1, w) for i, w in enumerate(words) if (i, i + 1, w) not in found and i - 1 not in capital_at and not _after_a_name(i, capital_at, words, tokens) and _rare_word(w, _POSSESSIVE.sub("", tokens[i].strip(_PUNCT)), ix, by_stem=w in ix.known_words, most=NAME_ENGLISH_PLACED) and _person_place(i, words, tokens)]  # ("lin wants …": no word of the knowledge as typed, whatever "line" stems to; not "Ines (float pharmacist)": who she is)
    capitals_at = {a for a, _, k in found if not _noun(k)}
    placed = [(i, i + 1, w) for i, w in enumerate(words) if (i, i + 1, w) not in found and i - 1 not in capitals_at and not _after_a_name(i, capitals_at, words, tokens) and _rare_word(w, _POSSESSIVE.sub("", tokens[i].strip(_PUNCT)), ix, most=NAME_ENGLISH_PLACED) and _person_place(i, words, tokens)]  # (not "Ines (float pharmacist)": who the one named is)
    if len(placed) >= 2:  # "dee wants to be the stroke coord …, vic wants the ops director job …": two commoner names, each where a person is spoken of
        found += placed
    listed = [(i, i + 1, w) for i, w in enumerate(words) if _roster_mark(i, tokens) and (i, i + 1, w) not in found and _rare_word(w, tokens[i].strip(_PUNCT), ix, by_stem=False)]
    commoner = [(i, i + 1, w) for i, w in enumerate(words) if _roster_mark(i, tokens) and (i, i + 1, w) not in found and (i, i + 1, w) not in listed and w.isalpha() and w not in ix.known_words and english.count(w) < NAME_ENGLISH_PLACED and (i == 0 or _CLAUSE_END.search(tokens[i - 1]))]  # ("…, tom: counting stock": a commoner name, in that roster)
    rostered = sum(_roster_mark(a, tokens) for a, _, k in found if not _noun(k))
    typed = [_POSSESSIVE.sub("", t.strip(_PUNCT)).lower() for t in tokens]  # (as typed: "and ana" is read "and analyst", "Ty:" "thanks")
    titled = [(i, i + 1, t) for i, t in enumerate(typed[: len(words)]) if _roster_mark(i, tokens) and _TITLED.fullmatch(tokens[i].strip(_PUNCT)) and (i, i + 1, words[i]) not in found and english.count(t) < NAME_ENGLISH_PLACED and (len(t) <= 3 or t not in ix.known_words) and (i == 0 or _CLAUSE_END.search(tokens[i - 1]))]
    if rostered >= 2 or rostered + len(titled) >= 2:  # "Abe: inventory. Bea: safety. Cy: leading teams. Di: operations": in a roster of names, a short or known word capitalised as a name is one
        commoner += [x for x in titled if (x[0], x[1], words[x[0]]) not in commoner]
        rostered += len(titled)
    if len(listed) >= 2 or (listed and commoner) or (commoner and rostered >= 2):  # "priya: vaccines and cold storage, marcus: staffing", "nia: …. tom: …": a roster
        found += listed + commoner
    while more := [(i, i + 1, w) for i, (w, t) in enumerate(zip(words, tokens)) if _NAME.fullmatch(_POSSESSIVE.sub("", t.strip(_PUNCT))) and w not in ix.known_words and english.count(w) < NAME_ENGLISH_PLACED and (i, i + 1, w) not in found and any(_listed_beside(i, a, tokens) for a, _, k in found if not _noun(k))]:
        found += more  # "Greta, Kofi, Sam: …": a capitalised word listed with a name is a name too
    named = [a for a, _, k in found if not _noun(k)]
    found += [(i, i + 1, w) for i, (w, t) in enumerate(zip(words, tokens)) if _gapped_name(i, words, tokens, named) and (i, i + 1, w) not in found and w not in ix.name_words]  # "Mo wants to be an RP and Lily a specials buyer": the wish said once, for both
    found += [(i, i + 1, w) for i, (w, t) in enumerate(zip(words, tokens)) if _TITLED.fullmatch(_POSSESSIVE.sub("", t.strip(_PUNCT))) and (i, i + 1, w) not in found and w not in ix.name_words and any(a < i and _listed_beside(i, a, tokens) for a in named) and any(a > i and _listed_beside(i, a, tokens) for a in named)]  # "Femi, Grace and Ollie": a capitalised word between two names of a list, however common a word
    names = {k for k in known | {k for _, _, k in found} if not _noun(k)}  # (names: "the first tech" is no one said before)
    found += [(i, i + 1, typed[i] if typed[i] in names else w) for i, w in enumerate(words) if (w in names or typed[i] in names) and (i, i + 1, w) not in found and (i, i + 1, typed[i]) not in found]  # "start with lin", "and marcus's last one?": a name said before
    nouns = {k for _, _, k in found if _noun(k) and " " not in k}
    covered = {i for a, b, _ in found for i in range(a, b)}
    found += [(i, i + 1, w) for i, w in enumerate(words) if w in nouns and i not in covered and tokens[i - 1 : i] and _CLAUSE_END.search(tokens[i - 1])]  # "my pgy1 wants …, my lead tech wants …. pgy1 first": the one said before
    named_at = {a: k for a, _, k in found if not _noun(k)}
    named_before = {b for _, b, k in found if not _noun(k)}
    merged = []
    for a, b, k in sorted(found):
        if _noun(k) and b in named_at:
            continue  # "my resident Noor": one person, called by her name
        if _noun(k) and (any(x < a <= x + 2 and all(words[y] in _SAYS_WHO for y in range(x, a)) for x in named_before) or a in named_before):
            continue  # "priya is my IV tech", "Tomasz (my night tech)", "Rosa (she's my lead tech)": the name is how they are spoken of
        start = next((x for x, y, n in found if _noun(n) and y == a), a)
        merged.append((start, b, k))
    return merged


def _gapped_name(i: int, words: list[str], tokens: list[str], named: list[int]) -> bool:
    """Token i is a capitalised word after "and" that stands where a name would, the verb of a
    named person's wish left out: "Mo wants to be an RP and Lily a specials buyer"."""
    if not (0 < i < len(words) - 1 and _TITLED.fullmatch(_POSSESSIVE.sub("", tokens[i].strip(_PUNCT))) and words[i - 1] in ("and", "&") and words[i + 1] in _DEFINITE | {"a", "an"}):
        return False
    return any(a < i and not any(_SENTENCE_END.search(tokens[k]) for k in range(a, i)) and not lexicon.WISH_WORDS.isdisjoint(words[a + 1 : i]) for a in named)


def _listed_beside(i: int, j: int, tokens: list[str]) -> bool:
    """Tokens i and j stand side by side in a list: "Greta, Kofi", "Kofi and Sam"."""
    lo, hi = min(i, j), max(i, j)
    between = [_plain(t) for t in tokens[lo + 1 : hi]]
    return 0 < hi - lo <= 2 and not _SENTENCE_END.search(tokens[lo]) and all(w in ("and", "&") for w in between) and (bool(between) or tokens[lo].endswith(","))


_SAYS_WHO = frozenset({"is", "s", "was", "shes", "hes", "theyre", "she", "he", "they", "are", "who", "whos"})  # between a name and what they are ("Rosa (she's my lead tech)")
_OF_THE_WORK = frozenset({"side", "sides", "stuff", "part", "parts", "end", "world", "skills", "aspect", "aspects", "things", "ladder", "track"})  # after a job noun: a part of the work, not a person ("the tech side")
_HE = frozenset({"he", "him", "his", "hes"})
_SHE = frozenset({"she", "her", "hers", "shes"})


_HIRING = frozenset({"have", "has", "hire", "hires", "hiring", "employ", "employs", "need", "needs"})
_SAID_IN_PASSING = frozenset({"even", "really", "still", "actually", "ever", "usually", "typically", "already", "currently"})


def _employs(i: int, words: list[str]) -> bool:
    """Word i is a place that has or hires people in a job ("does Mayo even have good catch
    leads", "Kaiser hires analysts?"): an employer, not a person spoken for."""
    j = i + 1
    while j < len(words) and words[j] in _SAID_IN_PASSING:
        j += 1
    return j < len(words) and words[j] in _HIRING and any(w.endswith("s") and w[:-1] in lexicon.ROLE_HEADS for w in words[j + 1 : j + 5])


def _described_person(words: list[str], ctx: Context) -> list[tuple[int, int, str]]:
    """"now the new hire", "the night tech?" after "Bea (new hire) …", "Tomasz (my night tech)":
    one person spoken for before, called by words that were told of that person only."""
    told = {person: f" {' '.join(words_of(said))} " for person, said in ctx.wants}
    for a, w in enumerate(words):
        if w not in ("the", "my", "our"):
            continue
        b = a + 3
        said = words[a + 1 : b]
        rest = [x for k, x in enumerate(words) if not a <= k < b and x not in lexicon.STOPWORDS]
        if len(said) == 2 and not any(x in lexicon.STOPWORDS and x not in _ONE_PERSON for x in said) and said[0] not in lexicon.STOPWORDS and len(rest) <= _DESCRIBED_PERSON_REST:  # (two words told of them, and little else: "now the new hire")
            who = [p for p, t in told.items() if f" {' '.join(said)} " in t]
            if not who and said[1] in _ONE_PERSON:
                who = [p for p, t in told.items() if f" {said[0]} " in t]  # "and the new one" after "Bea is new and …"
            if len(who) == 1 and who[0] in dict(ctx.people):
                return [(a, b, who[0])]
    return []


_ONE_PERSON = frozenset({"one", "guy", "gal", "girl", "lady", "person", "kid"})  # "the new one", "the quiet guy": a person by one word told of them


_DESCRIBED_PERSON_REST = 2  # "now the new hire", "and the night tech's first step": a person asked of, little else said


def _pronoun_of(words: list[str] | tuple[str, ...]) -> str:
    """"he" or "she" when the message speaks of someone by one of them only, else ""."""
    he, she = not _HE.isdisjoint(words), not _SHE.isdisjoint(words)
    return "he" if he and not she else "she" if she and not he else ""


_JUST_THEM = frozenset({"and", "what", "about", "now", "for", "then", "next", "her", "him", "she", "he", "hers", "his"})  # "and her?", "what about him", "now her"


def _person_by_pronoun(words: list[str], ctx: Context) -> tuple[str, str] | None:
    """Of the people spoken for, the only one spoken of as "he" (or "she") before, when the
    message speaks of "him" (or "her") only: (person, role)."""
    said = _pronoun_of(words)
    if not said or len(ctx.people) < 2:
        return None
    roles = dict(ctx.people)
    them = [p for p, g in ctx.pronouns if g == said and p in roles]
    others = [p for p, g in ctx.pronouns if g and g != said and p in roles]
    if not them and len(roles) == 2 and len(others) == 1:
        them = [p for p in roles if p not in others]  # "Kofi …, he's …. Rina … start with him" … "and her?": the one not called "he"
    if not them and not others and len(roles) == 2 and (words[:1] == ["and"] or len(words) == 1) and all(w in _JUST_THEM for w in words):
        return next((p, r) for p, r in ctx.people[1:2])  # "Sofia and Marcus … Sofia first" … "and him?": the other one
    return (them[0], roles[them[0]]) if len(them) == 1 and others else None


def _noun(person: str) -> bool:
    """A person spoken of by their job ("tech", "other tech"), not by a name."""
    return person.removeprefix("other ") in lexicon.MENTORED


def _lower_name(i: int, words: list[str], tokens: list[str], ix: Index) -> bool:
    """"priya wants emergency preparedness", "now marcus", "back to priya": a name typed in lower
    case, a rare word no page uses, where a person is spoken of (before what they want, do or
    have; after "now", "back to", "start with")."""
    w, t = words[i], _POSSESSIVE.sub("", tokens[i].strip(_PUNCT))  # ("and marcus's last one?")
    if not _rare_word(w, t, ix):
        return False
    return _person_place(i, words, tokens)


def _after_a_name(i: int, named_at: set[int], words: list[str], tokens: list[str]) -> bool:
    """Word i says who the person just named is ("Ifeoma (accuracy checker) wants …"): a name two
    or three words before it, with no "and", comma or verb of theirs between (not "Sam and lin
    want …")."""
    for a in named_at:
        if a + 1 < i <= a + _APPOSITION_WORDS and not any(w in ("and", "or", "&") or w in _PERSON_VERBS for w in words[a + 1 : i]) and not any(_CLAUSE_END.search(t) for t in tokens[a:i]):
            return True
    return False


_APPOSITION_WORDS = 3


def _person_place(i: int, words: list[str], tokens: list[str]) -> bool:
    """Word i stands where a person is spoken of: before what they want, do or have, or after
    "now", "back to", "start with"."""
    nxt = words[i + 1] if i + 1 < len(words) and not _CLAUSE_END.search(tokens[i]) else ""  # ("missed charges on infusions, is there …")
    before = words[max(0, i - 2) : i]
    then = words[i + 2] if nxt in lexicon.MENTORED and i + 2 < len(words) else ""  # "jess (tech) wants the training manager job"
    k = i + 1
    while k < len(words) and k - i <= 3 and (words[k] in _WHO_THEY_ARE or words[k] in lexicon.MENTORED or words[k] in lexicon.ROLE_HEADS) and not _CLAUSE_END.search(tokens[k - 1]):
        k += 1
    if k > i + 1 and k < len(words) and any(w in lexicon.MENTORED or w in lexicon.ROLE_HEADS for w in words[i + 1 : k]) and not _CLAUSE_END.search(tokens[k - 1]):
        then = then or words[k]  # "Tom (staff pharmacist) wants …", "Tom (new grad) is eyeing …": a name, who they are, then what they want
    called = nxt in ("the", "my", "our") and any(w in lexicon.MENTORED for w in words[i + 2 : i + 5])  # "devin the new grad wants …": a name, then what they are
    job = next((j for j in range(i + 1, min(i + 1 + _ASIDE_REACH, len(words))) if words[j] in lexicon.ROLE_HEADS or words[j] in lexicon.MENTORED), None)
    if not then and job is not None and job + 1 < len(words) and not any(_CLAUSE_END.search(tokens[m]) for m in range(i, job)) and all(w not in lexicon.STOPWORDS for w in words[i + 1 : job]):
        then = words[job + 1]  # "Cy (reporting pharmacist) wants …": a name, the job they do now in a few words of its own, then what they want
    if len(before) == 2 and before[0].isdigit() and before[1] in lexicon.TIME_SPANS:
        return False  # "Marisol (tech, 3 yrs retail) wants …": where they worked, not who
    return nxt in _PERSON_VERBS or then in _PERSON_VERBS or called or (before[-1:] == ["now"] and i == len(words) - 1) or before in (["back", "to"], ["start", "with"], ["what", "about"], ["and", "for"])


def _rare_word(w: str, t: str, ix: Index, by_stem: bool = True, most: int = 0) -> bool:
    """A word typed in lower case that may be a name: rare (fewer than ``most`` uses), and no word
    of the knowledge (by its stem too, unless a roster says it is a name: "lin:") nor a code ("she
    has cpscm already")."""
    return t.isalpha() and t.islower() and len(t) >= 2 and w not in ix.known_words and w not in lexicon.STOPWORDS and english.count(w) < (most or LOWER_NAME_ENGLISH) and not (by_stem and stem(w) in ix.postings) and not ix.code_for(w, False)


_WHO_THEY_ARE = _RANKS | frozenset({"staff", "float", "ward", "clinic", "retail", "hospital", "ops", "my", "our", "relief", "locum", "agency", "second", "other", "part", "time", "dispensary"})  # words of who a person is, between their name and what they want
_PERSON_VERBS = frozenset({"wants", "want", "is", "has", "had", "loves", "likes", "hates", "did", "does", "needs", "hopes", "already", "just", "got", "holds", "works", "handles", "runs", "sets", "manages", "leads", "enjoys", "prefers", "reads", "teaches", "spends", "keeps", "tracks", "deals", "helps", "knows", "lives"})  # what a person named in lower case does ("lina handles our appeals")
LOWER_NAME_ENGLISH = 3_000  # a rare word typed in lower case may be a name ("priya", "marcus"), a common one is a word
_TITLED = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+")  # "Cy", "Di": capitalised as a name is
_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,}")  # ("Tomás", "Zoë")
WISHED_TITLE_LEAD = 1.5  # a title a person's wish names in part must score this many times any other
NAME_ENGLISH = 5_000  # a capitalised word this common is a word, not a name ("Grace" may be either) …
NAME_ENGLISH_PLACED = 20_000  # … unless it stands where a person is spoken of, beside another name ("Sam wants …, Lee wants …")
_CLAUSE_END = re.compile(r"[,.;:!?]$")
_SENTENCE_END = re.compile(r"[.;:!?]$")


_WEIGHING = frozenset({"either", "both", "two", "those", "these", "which", "better", "best"})  # "is either a good fit for …", "of those two which is better for …": a judgement between them
_SAME_GOAL = frozenset({"goal", "goals", "job", "role", "path", "plan", "thing", "position", "target"})  # "…, same goal"
_WISH_LEADS = frozenset({"also", "and", "but", "too", "still"})  # "…, also wants X": the person just named wants X
_GOES_ON_ABOUT = frozenset({"he", "she", "hes", "shes", "he's", "she's", "they", "theyre", "they're", "his", "her", "loves", "likes", "enjoys", "prefers", "lives", "is", "has"})  # a clause that goes on about the person just named ("…, loves investigating stuff")


def _roster_mark(i: int, tokens: list[str]) -> bool:
    """Token i is a name a roster lists: "priya: …", "tariq - wants ops director", "Tomasz (my
    night tech): …"."""
    if tokens[i].endswith(":") or (i + 1 < len(tokens) and tokens[i + 1] in _DASHES):
        return True
    if _CLAUSE_END.search(tokens[i]):
        return False
    for k in range(i + 2, min(i + _ASIDE_REACH + 2, len(tokens))):  # (the brackets are gone: "Tomasz my night tech :")
        if tokens[k] == ":" or tokens[k] in _DASHES:
            return True
        if tokens[k - 1].endswith(":") and lexicon.WISH_WORDS.isdisjoint(_plain(t) for t in tokens[i + 1 : k]):
            return True  # "Siobhán (night pharmacist): PGD coordinator": the aside's last word carries the roster's colon
        if _CLAUSE_END.search(tokens[k - 1]):
            return False
    return False


_ASIDE_REACH = 4  # words said of a name between it and its roster mark ("Tomasz (my night tech):")


_DASHES = frozenset({"-", "–", "—"})


def _clauses(tokens: list[str]) -> list[range]:
    """Token ranges of the message's clauses (split at , . ; : ! ? and at a dash)."""
    out, start = [], 0
    for i, t in enumerate(tokens):
        if t in _DASHES:
            out.append(range(start, i))
            start = i + 1
        elif _CLAUSE_END.search(t):
            out.append(range(start, i + 1))
            start = i + 1
    out.append(range(start, len(tokens)))
    return [c for c in out if len(c)]


def _goal_of(ev: Evidence) -> str | None:
    """The role a person's clause names (or names in part, where its form says role) or wishes for."""
    return (ev.role_best if ev.role_named else ev.subject_role if ev.subject_relaxed else None) or ev.goal_role


_LIST_JOINS = frozenset({"", "and", "&"})  # between the names of a list ("Femke, Osei and Lidia")


def _respective(people: list[tuple[int, int, str]], tokens: list[str], ix: Index) -> tuple[list[tuple[str, str]], set[int]]:
    """"Femke, Osei and Lidia: ops director, the intrathecal job and the stock lead, in that
    order": names listed together, then as many roles, each name's the role in its place; and
    where the sentence's clauses start (it only tells)."""
    named = sorted((a, b, k) for a, b, k in people if not _noun(k))
    runs: list[list[tuple[int, int, str]]] = []
    for a, b, k in named:
        prev = runs[-1][-1] if runs else None
        joined = prev is not None and not _SENTENCE_END.search(tokens[prev[1] - 1]) and all(_plain(t) in _LIST_JOINS for t in tokens[prev[1] : a])
        runs[-1:] = [[*runs[-1], (a, b, k)]] if joined else [*runs[-1:], [(a, b, k)]]
    for run in (r for r in runs if len(r) >= 2):
        end = run[-1][1]
        if end < len(tokens) and (tokens[end] in _DASHES or _plain(tokens[end]) in lexicon.WISH_WORDS):
            end += 1
        elif not tokens[end - 1].endswith(":"):
            continue
        items: list[list[str]] = [[]]
        stop = end
        for stop in range(end, len(tokens)):
            t = tokens[stop]
            if _plain(t) in ("and", "&") and items[-1]:
                items.append([])
            elif _plain(t) not in ("and", "&"):
                items[-1].append(t.strip(_PUNCT))
                if (_CLAUSE_END.search(t) and not _SENTENCE_END.search(t)) or t.endswith(":"):
                    items.append([])  # ("ops director, the intrathecal job, …": one role per comma)
            if _SENTENCE_END.search(t) and not t.endswith(":"):
                break
        roles: list[str | None] = []
        for item in (i for i in items if i):
            ev = read(" ".join(item), ix)
            roles.append(_goal_of(ev) or ev.described or _one_title_word(ev, ix) or ev.role_best)  # ("the peds one": in a list of roles, a word of a title is enough)
        while roles and roles[-1] is None:
            roles.pop()  # ("…, in that order")
        if len(roles) == len(run) and all(roles):
            starts = {c.start for c in _clauses(tokens) if run[0][0] <= c.start <= stop}
            return [(k, r) for (_, _, k), r in zip(run, roles) if r], starts
    return [], set()


def _told_for(people: list[tuple[int, int, str]], tokens: list[str], ix: Index) -> tuple[tuple[tuple[str, str], ...], frozenset[int], tuple[tuple[str, str], ...], tuple[str, ...]]:
    """"Priya wants to be an RPD, Marcus wants director of pharmacy operations": the role each
    person's own clause names (or describes as a goal), where those clauses start, the clauses'
    words (what each wants, which orders their steps), and the roles of a list of names told
    them in order (what "the first one", "the last two" count)."""
    told: list[tuple[str, str]] = []
    wants: list[tuple[str, str]] = []
    at: set[int] = set()
    parts: list[range] = []
    for clause in _clauses(tokens):  # "my resident wants stewardship and my other resident wants informatics": one part per person
        starts = sorted({a for a, b, _ in people if b - 1 in clause and a > clause.start} | {clause.start})
        parts += [range(x, y) for x, y in zip(starts, [*starts[1:], clause.stop])]
    named_at = {a for a, _, _ in people}
    for n in range(len(parts) - 2, -1, -1):
        plain = [tokens[i].strip(_PUNCT).lower() for i in parts[n]]
        if len(plain) == 2 and parts[n].start in named_at and plain[1] in ("and", "&"):
            parts[n : n + 2] = [range(parts[n].start, parts[n + 1].stop)]  # "priya and marco both want …": one clause of two people
    for n in range(len(parts) - 2, -1, -1):
        if len(parts[n]) == 1 and parts[n].start in named_at and _roster_mark(parts[n].start, tokens):
            parts[n : n + 2] = [range(parts[n].start, parts[n + 1].stop)]  # "priya: vaccines and cold storage": the name, then what she wants
    for n in range(len(parts) - 2, -1, -1):
        if parts[n].start in named_at and parts[n + 1].start and tokens[parts[n + 1].start - 1] in _DASHES and not any(a in parts[n + 1] for a in named_at):
            parts[n : n + 2] = [range(parts[n].start, parts[n + 1].stop)]  # "Otto (float pharmacist) - ops director": the name, who they are, then what they want
    def only_who(part: range) -> bool:  # "Sam (tech, 6 yrs)": who they are, nothing they want
        plain = [tokens[i].strip(_PUNCT).lower() for i in part]
        return all(any(a <= i < b for a, b, _ in people) or w in lexicon.MENTORED or w in lexicon.ROLE_HEADS or w in lexicon.FIELD_WORDS or w in _TENURE or len(w) <= 3 for i, w in zip(part, plain))
    asides: set[int] = set()  # the words that only say who a person is ("night pharmacist" of "Siobhán (night pharmacist): PGD coordinator")
    for n in range(len(parts) - 2, -1, -1):
        rostered = parts[n].start in named_at and tokens[parts[n].stop - 1].endswith(":") and len(parts[n]) <= _ASIDE_REACH + 2 and not any(a in parts[n + 1] for a in named_at)
        if rostered or (only_who(parts[n]) and not any(b - 1 in parts[n + 1] for _, b, _ in people)):
            if rostered:
                asides |= set(parts[n]) - {parts[n].start}  # "Siobhán (night pharmacist): PGD coordinator": who she is, then what she wants
            parts[n : n + 2] = [range(parts[n].start, parts[n + 1].stop)]  # "Sam (tech, 6 yrs) wants limited distribution coordinator": one part
    names = {i for a, b, k in people for i in range(a, b) if not _noun(k)}
    plural = {k for _, b, k in people if _noun(k) and tokens[b - 1].strip(_PUNCT).lower() != k.removeprefix("other ")}  # "my two techs": a group
    group: set[str] = set()  # the one goal a group is told to share ("my two techs are curious about DME", "three pharmacists who all want …")
    unsaid: list[tuple[str, str, int]] = []  # (name, their words, where) of those told no goal of their own, or only what they love
    goals: set[str] = set()  # those told a goal of their own
    also: list[tuple[str, str, int]] = []  # (name, what a clause after theirs says of them, where): "raj wants infusion scheduling, hes a prior auth nerd"
    last = ""
    last_group = False  # the clause before told of two or more people at once
    for clause in parts:
        who = {k for _, b, k in people if b - 1 in clause}  # (the name itself: "my residents: priya wants …")
        opening = [tokens[i].strip(_PUNCT).lower() for i in clause][:2]
        wishes_on = bool(opening) and (opening[0] in lexicon.WISH_WORDS or (opening[0] in _WISH_LEADS and opening[1:] and opening[1] in lexicon.WISH_WORDS))  # "Tom: leading teams, also wants recognition coordinator": the goal of the one just named
        wishes_on = wishes_on or (not who and bool(last) and opening[:1] in (["is"], ["s"]) and any(tokens[i].strip(_PUNCT).lower() in lexicon.WISH_WORDS for i in clause))  # "Wren has been a tech for 8 yrs, is a camera nerd and wants to move into …": still Wren
        goes_on = not who and last and (tokens[clause.start].strip(_PUNCT).lower() in _GOES_ON_ABOUT or (clause.start and tokens[clause.start - 1].endswith(",") and (wishes_on or not read(" ".join(tokens[i] for i in clause), ix).role_named)))  # ("tom: wants infusion scheduling too, prior auth wizard"; read only for a clause that may go on)
        if goes_on:
            went_on = " ".join(tokens[i] for i in clause).strip(_PUNCT + " ")
            later = read(went_on, ix)
            wished = later.goal_role or (later.described if not lexicon.WISH_WORDS.isdisjoint(later.a.words) else None)
            if wishes_on and later.role_named and later.role_best:
                wished = later.role_best
            if not wished and ("same_goal" in later.hits or ("same" in later.a.words and not _SAME_GOAL.isdisjoint(later.a.words))) and told and told[-1][0] != last:
                wished = told[-1][1]  # "luis: lives in spreadsheets, same goal": the goal of the one before
            if last not in goals and wished and (not later.role_named or wishes_on):
                told = [(p, r) for p, r in told if p != last] + [(last, wished)]  # "Ana loves data, she wants to get into kaizen facilitation", "Ravi: safety nerd, wants pre-op": their goal, not what they love
                goals.add(last)
                at.add(clause.start)
                if last not in dict(wants):
                    wants.append((last, ""))  # (what they love, told before, orders their steps)
                if opening[:1] in (["is"], ["s"]):
                    also.append((last, went_on, clause.start))  # ("…, is a total camera nerd and wants to move into …": what they love, told with it)
            else:
                also.append((last, went_on, clause.start))
            continue
        last = next(iter(who)) if len(who) == 1 else ""
        if not who:
            gev = read(" ".join(tokens[i] for i in clause), ix)
            if gev.role_named or (gev.subject_relaxed and last_group):
                group.add(gev.role_best or "")  # "I lead three pharmacists who all want to go the academic detailing manager route.", "qc lab mgr path. sam loves …", "… both passed CRIEL, and both want to keep going on the kaizen path"
        last_group = len(who) >= 2
        if len(who) >= 2:
            gev = read(" ".join(tokens[i] for i in clause if i not in names), ix)
            shared = _goal_of(gev)
            if shared:
                group.add(shared)  # "priya and marco both want the phase 1 research unit manager path", "… both want to keep going on the kaizen path"
            held = [_plain(m.group(1)).upper() for m in _HOLDS.finditer(" ".join(tokens[i] for i in clause)) if _plain(m.group(1)).lower() in ix.codes]
            also += [(person, f"has {' '.join(held)}.", -2) for person in sorted(who) if held]  # "Nate and Ella both got CRIEL …": what each holds
        if len(who) != 1:
            continue
        said = " ".join(tokens[i] for i in clause if not any(a <= i < b for a, b, _ in people))  # (what they want, without their name)
        cev = read(" ".join(tokens[i] for i in clause if i not in names and i not in asides), ix)  # (a name is no word of what they want, nor who they are)
        goal = _goal_of(cev)
        role = goal or cev.described or _one_title_word(cev, ix) or cev.interest_role or _wished_title(cev)  # ("marcus wants hospital at home": most of a title; "marcus is obsessed with prior auths": what he loves; "priya wants the customs side")
        if not role and told and "same_goal" in cev.hits:
            role = goal = told[-1][1]  # "priya wants to be a mobile unit supervisor, marcus wants the same job": the one before's
        person = next(iter(who))
        if person in plural and role:
            group.add(role)  # "my two techs are curious about DME"
        if goal:
            goals.add(person)
        elif not _noun(person):
            unsaid.append((person, said.strip(_PUNCT + " "), clause.start))
        if role and (goal or person not in goals):  # ("dana wants standard work lead. dana is obsessed with checklists": her goal stays)
            told.append((person, role))
        if role:
            wants.append((person, said.strip(_PUNCT + " ")))
            at.add(clause.start)
    if len(group) == 1 and "" not in group:  # "my two techs are curious about DME. jess loves billing, omar likes fitting": the group's goal is each one's
        longest = {person: (said, start) for person, said, start in sorted(unsaid, key=lambda u: len(u[1]))}  # (what each loves, not "start with jess" nor a roster's "Luis and")
        for person, (said, start) in longest.items():
            if person not in goals:
                told.append((person, next(iter(group))))
                wants.append((person, said))
                at.add(start)
    respective, respective_at = _respective(people, tokens, ix)
    told += respective
    at |= respective_at
    told_of = dict(told)
    said_of: dict[str, list[str]] = {}
    for person, said, start in sorted([*((p, w, -1) for p, w in wants), *unsaid, *also], key=lambda u: u[2]):
        if person in told_of and said and said not in said_of.setdefault(person, []):
            said_of[person].append(said)  # "dana is obsessed with checklists … dana wants standard work lead": all she was told to love
    return tuple(told_of.items()), frozenset(at), tuple((p, " ".join(said_of.get(p) or [w])) for p, w in dict(wants).items()), tuple(r for _, r in respective)


def _one_title_word(ev: Evidence, ix: Index) -> str | None:
    """The one role whose title alone has the words a person's clause wants ("the customs side")."""
    found = {tuple(ix.title_postings.get(st, ())) for w, st in zip(ev.a.words, ev.a.word_stems) if w not in lexicon.STOPWORDS and len(ix.title_postings.get(st, ())) == 1}
    if not found:  # "bo tablet floor": the other name one page gives its role ("often called the tablet floor supervisor")
        found = {tuple(ix.nicknamed.get(st, ())) for w, st in zip(ev.a.words, ev.a.word_stems) if w not in lexicon.STOPWORDS and len(ix.nicknamed.get(st, ())) == 1 and not ix.title_postings.get(st)}
    return found.pop()[0] if len(found) == 1 else None


def _nearest_done(ev: Evidence, words: list[str], known: dict[str, str], wanted: dict[str, str], ix: Index) -> str | None:
    """Of the people spoken for, each with a role, the one with the fewest steps of it left (the
    most, for "the longest way"), by what each was told to hold: "who's closest to done"."""
    people_asked = not _PEOPLE_ASKED.isdisjoint(words) or {"which", "of"} <= set(words)  # "who's closest", "which of them"
    if "path_length" not in ev.hits or not people_asked or len(known) < 2 or (ev.role_named and ev.role_best not in known.values()):
        return None
    said = (ev.cue("path_length") or "").split()
    most = not lexicon.LONGER_WORDS.isdisjoint(said) and lexicon.SHORTER_WORDS.isdisjoint(said)
    left: dict[str, int] = {}
    for person, rid in known.items():
        told = read(wanted.get(person, ""), ix) if wanted.get(person) else None
        wish = min((i for i, w in enumerate(told.a.words) if w in lexicon.WISH_WORDS), default=len(told.a.words)) if told else 0
        held = {c for c, i in told.a.code_pos.items() if i < wish} if told else set()
        left[person] = sum(1 for step in ix.knowledge.roles[rid].pathway if step.certification not in held)
    best = (max if most else min)(left.values())
    return next(p for p in reversed(list(known)) if left[p] == best)


def _wished_title(ev: Evidence) -> str | None:
    """The role a wish in a person's clause names in part, well ahead of any other ("Priya already
    has CPMCS and wants to run our home meds custody program")."""
    wish = next((i for i, w in enumerate(ev.a.words) if w in lexicon.WISH_WORDS), None)
    rid = ev.role_best
    if wish is None or rid is None or ev.role_score < ROLE_RELAXED or ev.role_score < WISHED_TITLE_LEAD * ev.second:
        return None
    return rid if any(i > wish for i in ev.role_where.get(rid, ())) else None


_WHOSE_WORDS = 3  # "whose path?", "whose path is it on": that, and little else
_ONE_WHO = frozenset({"one", "guy", "gal", "lady", "person"})


def _holder_asked(words: list[str], wants: tuple[tuple[str, str], ...], ix: Index) -> tuple[str, int] | None:
    """"the one who already has CMSO", "the CPSCM guy": the one person told to hold that
    certification, and where the words asked of them begin."""
    for i, w in enumerate(words[:-1]):
        if w != "the":
            continue
        if words[i + 1] in ix.codes and words[i + 2 : i + 3] and words[i + 2] in _ONE_WHO:
            code, end = words[i + 1], i + 3  # "the CPSCM guy"
        elif words[i + 1] in _ONE_WHO and words[i + 2 : i + 3] in (["who"], ["that"]):
            k = i + 3 + (words[i + 3 : i + 4] == ["already"])
            if not (words[k : k + 1] and words[k] in ("has", "holds", "got", "have") and words[k + 1 : k + 2] and words[k + 1] in ix.codes):
                continue
            code, end = words[k + 1], k + 2
        else:
            continue
        holders = {p for p, told in wants if any(_plain(m.group(1)).lower() == code for m in _HOLDS.finditer(told))}
        if len(holders) == 1:
            return holders.pop(), end
    return None


def _asked_for(people: list[tuple[int, int, str]], told: tuple[tuple[str, str], ...], told_at: frozenset[int], tokens: list[str], wants: tuple[tuple[str, str], ...] = ()) -> tuple[str, int] | None:
    """After several people and their goals, the one the ask is about ("… start with Priya - what's
    her path"): the one person of a later clause that tells no goal, and where the words about
    them begin (after their name when the clause leads with it: "start with Sam - …"). A job noun
    names the one person whose own words have it ("Jun (new hire) - …. start with the new hire")."""
    roles_of = dict(told)
    said = {k: [p for p, w in wants if k in _plain(w).split() or k in w.lower().split()] for _, _, k in people if _noun(k) and k not in roles_of}
    called = {k: ps[0] for k, ps in said.items() if len(ps) == 1}
    clauses = _clauses(tokens)
    last = [_plain(tokens[i]) for i in clauses[-1]] if clauses else []
    for k, w in enumerate(last[:-1]):
        pos = lexicon.ORDINALS.get(w, 0)
        if 0 < pos <= len(told) and (last[k + 1] in lexicon.PERSON_NOUNS or last[k + 1] in lexicon.MENTORED) and clauses[-1].start not in told_at:
            return told[pos - 1][0], clauses[-1].start + k + 2  # "Ivo wants …, Kat wants …, Omar wants …. whats the second person's path": Kat's
    for clause in reversed(clauses):
        who = {called.get(k, k) for a, _, k in people if a in clause and called.get(k, k) in roles_of}
        if clause.start in told_at:
            return None  # the message ends telling, it asks of nobody in particular
        if len(who) == 1:
            name_end = max(b for a, b, k in people if a in clause and called.get(k, k) in roles_of)
            asked_after = clause is not clauses[-1] and name_end - clause.start <= _LEAD_IN  # (alone, "start with priya" asks where to start: her pathway)
            return next(iter(who)), name_end if asked_after else clause.start
    return None


_TOPIC_LEADS = frozenset({"with", "for", "to"})  # "… for that": the word the referred topic is asked with
_TENURE = frozenset({"year", "years", "yr", "yrs", "month", "months", "mo", "mos", "senior", "junior", "new", "experienced"})  # "Sam (lead tech, 8 yrs)": who they are
_ASKING_VERBS = frozenset({"should", "would", "could", "does", "do", "will"})  # "what should Lee get …": the person, the subject of a question
_LEAD_IN = 3  # "start with Sam", "ok now Priya": a clause that leads with the person is only who is asked of


def _whose_step(start: int, words: list[str], tokens: list[str], people: list[tuple[int, int, str]], ctx: Context) -> int | None:
    """Where the person whose step is asked begins, right before it ("Lu's second step",
    "kims second step" after Kim was spoken for), if one is."""
    whose = next((a for a, b, _ in people if b == start), None)
    before = tokens[start - 1].strip(_PUNCT) if start else ""
    if whose is None and start and ((words[start - 1].endswith("s") and words[start - 1][:-1] in {p for p, _ in ctx.people}) or (_POSSESSIVE.search(before) and _TITLED.fullmatch(_POSSESSIVE.sub("", before)))):
        whose = start - 1  # ("Lu's second step?": a name as typed, "'s" and all)
    return whose


def _another_ones_path(person: str, ctx: Context, words: list[str]) -> bool:
    """"and whats jess's second step" after Omar's pathway for the same job: a step of Jess's
    pathway, which was shown in an order of its own, while Omar was spoken of last; or anything of
    Jess's way while what Omar holds shapes the one in view."""
    if not person or not ctx.people or ctx.people[0][0] == person:
        return False
    return (f"@{person}" in dict(ctx.paths) and not lexicon.ORDINALS.keys().isdisjoint(words)) or bool(ctx.held)  # ("Sal has CPOSS and CPPCT, Rue has nothing yet" … "Rue's first step": what Sal holds is not Rue's)


def _someone_new(words: list[str]) -> bool:
    """"different person: …", "someone else wants …", "my other tech wants …", "and for my other
    manager …": the conversation turns to a new person."""
    pairs = list(zip(words, words[1:]))
    theirs = [i for i, w in enumerate(words[1:], 1) if words[i - 1] in ("my", "our") and w in lexicon.SOMEONE_NEW]
    return any((w in lexicon.SOMEONE_NEW and (nxt in lexicon.PERSON_NOUNS or nxt in lexicon.MENTORED)) or (w in ("someone", "somebody") and nxt == "else") for w, nxt in pairs) or any(words[i + 1 : i + 2] and words[i + 1] in lexicon.ROLE_HEADS for i in theirs)


def _weighed_with_the_last(ev: Evidence, ctx: Context) -> bool:
    """One role named, compared ("compared with", "vs", "of the two") and a choice asked: the other
    is the role the conversation is about."""
    words = ev.a.words
    if ctx.role is None or ctx.intent not in ("role", "pathway") or ev.codes or len(ev.named_roles) != 1 or ev.role_best in (None, ctx.role):
        return False
    choice = "which" in words or "who" in words
    return choice and ("contrast" in ev.hits or "two" in words) and not ev.pathway_cue


def _page_order(words: list[str]) -> tuple[int, int] | None:
    """Where the message says "in the normal order", "on the regular path": the pathway as its page
    orders it, not as it was put for the member (the span, with its "in the")."""
    for i, w in enumerate(words[:-1]):
        if w in lexicon.PAGE_ORDER_WORDS and words[i + 1] in _ORDER_NOUNS:
            start = i - 1 if i and words[i - 1] in _DEFINITE else i
            start = start - 1 if start and words[start - 1] in _LOCATIVES else start
            return start, i + 2
    return None


_ORDER_NOUNS = frozenset({"order", "path", "pathway", "list", "version", "sequence", "way"})


def _about_role(ctx: Context, role: str, ix: Index, person: str = "") -> Context:
    """The context turned back to a role talked about before (a person's): its pathway as shown
    (for that person, when two wanted one job)."""
    shown = dict(ctx.paths)
    steps = shown.get(f"@{person}") or shown.get(role) or tuple(("cert", s.certification) for s in ix.knowledge.roles[role].pathway)
    thing: Entity = ("role", role)
    return replace(ctx, role=role, thing=thing, shown=steps, intent="pathway" if steps else "role", section=None, held=(), focus="", recent=tuple(dict.fromkeys((thing, *ctx.recent)))[:MAX_RECENT])


def _lists_the_knowledge(ev: Evidence) -> bool:
    """"and which certifications do you know": a list of what the bot holds, asked of the bot,
    whatever was talked about before."""
    if "list" not in ev.hits or not (ev.cert_nouns or ev.role_nouns):
        return False
    said = {ev.a.words[i] for a, b in lexicon.cue("list").spans(ev.a.words) for i in range(a, b)}
    only_kinds = all(w in said or w in lexicon.STOPWORDS or w in lexicon.CERT_NOUNS or w in lexicon.ROLE_NOUNS for w in ev.a.words) and not ev.hits.keys() & REFERRING and _THE_ONES.isdisjoint(ev.a.words)  # "what certs are there": nothing but the kind asked for (not "what are the certs": its)
    return not _OF_THE_BOT.isdisjoint(said) or not _EVERY.isdisjoint(ev.a.words) or only_kinds  # (not "how can you tell if …"; "list all the certs you know" after a role)


_SECTION_FIRST_WORDS = 4  # "overview first", "and her day first pls": a part of the page asked first, little else said
_PLURAL_LINKS = frozenset({"to", "and", "with", "for", "of", "on", "about", "over"})


def _of_a_plural(words: list[str], at: int) -> bool:
    """"their"/"them" at ``at`` follows a plural noun of the member's own words ("holding
    suppliers to their contracts", "fight the reps over their …"), or "they" does, after "when",
    "if" … ("I fix the monitors when they break"): it points there, not back."""
    k = at - 1
    while k >= 0 and at - k <= 2 and words[k] in _PLURAL_LINKS:
        k -= 1
    if words[at] == "they" and at >= 2 and words[at - 1] in _SUBORDINATORS:
        k = at - 2  # "I fix the monitors when they break": the monitors, in the member's own clause
    elif words[at] not in ("their", "them") or k < 0 or k == at - 1:
        return False
    w = words[k]
    return len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w not in lexicon.STOPWORDS and w not in lexicon.CERT_NOUNS and w not in lexicon.ROLE_NOUNS and w not in lexicon.PERSON_NOUNS


_LOVED = frozenset({"loved", "love", "loves", "enjoyed", "enjoy", "enjoys", "liked", "like", "likes", "hated", "hate", "hates", "adored"})  # "… but I loved it"
_SUBORDINATORS = frozenset({"when", "if", "once", "after", "before", "until", "because", "whenever"})  # "… the monitors when they break"
_HOLDING_VERBS = frozenset({"have", "got", "hold", "cover", "know", "offer", "carry"})


def _which_ones_held(ev: Evidence) -> bool:
    """"which ones DO you have then": what the bot holds, of no kind named (the kind is the one
    just asked for)."""
    w = set(ev.a.words)
    return "ones" in w and not _YOU.isdisjoint(w) and not _HOLDING_VERBS.isdisjoint(w) and not (ev.cert_nouns or ev.role_nouns or ev.codes or ev.role_named)


def _other_list(ev: Evidence) -> str | None:
    """After a list, "and the certs?" / "and what roles?" (a class noun and nothing else): that list."""
    lead = _ELLIPSIS.match(" ".join(ev.a.words))
    content = [w for w in ev.a.words[len(lead.group(0).split()) if lead else 0 :] if w not in lexicon.STOPWORDS]
    if not content or ev.codes or ev.role_named:
        return None
    if all(w in lexicon.CERT_NOUNS for w in content):
        return "list the certifications"
    if all(w in lexicon.ROLE_NOUNS for w in content):
        return "list the roles"
    return None


def _title_words(ev: Evidence) -> set[int]:
    """Positions of words that name a role's title, whichever of their readings does ("tech" read
    "tech technician technology" names "… Technician …")."""
    a = ev.a
    return {i for i in range(len(a.words)) if not ev.title_positions.isdisjoint(a.typed_group(i))}


def _words_beside_names(ev: Evidence) -> int:
    """Words the member typed besides the names of roles and certifications, greetings,
    reactions and steering words ("oh lol sorry, the sterile compounding tech supervisor": none)."""
    a = ev.a
    steering = _steering(a.words)
    named = _title_words(ev) | {i for i, w in enumerate(a.words) if w == CODE_MARK}
    plain = lexicon.STOPWORDS | lexicon.GREETINGS | lexicon.REACTIONS | lexicon.ROLE_NOUNS | lexicon.CERT_NOUNS | lexicon.PERSON_NOUNS  # "and the diversion guy?"
    return len({a.said[i] for i, w in enumerate(a.words) if i not in named and i not in steering and w not in plain})


def _asked_in_place(words: list[str], ev: Evidence, start: int) -> bool:
    """"is CAMVP the third one?": the step named, asked yes or no to stand at the place that follows."""
    said = ev.codes[0].lower() if ev.codes else ""
    at = next((k for k in range(start - 1, 0, -1) if words[k] == said), None)
    return at is not None and words[at - 1] in ("is", "isnt") and (at < 2 or words[at - 2] not in lexicon.WH_WORDS) and all(w == "the" for w in words[at + 1 : start])  # (not "what's CPPDS, the last one on there": what it is)


def _reacts(ev: Evidence) -> bool:
    """"lol our last action level excursion was a nightmare 😩": a reaction that asks nothing."""
    a = ev.a
    return bool(a.words) and a.words[0] in lexicon.REACTIONS and len(set(a.sentence_of)) == 1 and "?" not in a.question and not ev.hits.keys() & (_ASKS_ANYTHING | {"weak_overview"})  # ("lol ok what do they do tho" asks)


def _asks(ev: Evidence) -> set[str]:
    """The asks a message makes; "what does X do" among them ("wait what does an ops director do
    again" after a pathway: its overview), not the "about" of "what about the …"."""
    asks = set(ev.hits.keys() & _ASKS_ANYTHING)
    if "do" in (ev.cue("weak_overview") or "").split():
        asks.add("weak_overview")
    return asks


def _only_tells(ev: Evidence) -> bool:
    """One sentence that asks nothing: not a question, no ask of its own ("at her old job" names
    where she worked, it asks for no overview)."""
    a = ev.a
    asks = _asks(ev)
    if asks == {"overview"} and _owned_job(ev):
        asks = set()
    return bool(a.words) and len(set(a.sentence_of)) == 1 and not a.question.rstrip().endswith("?") and not asks


def _owned_job(ev: Evidence) -> bool:
    """The overview cue is only a job noun said as someone's ("her old job", "my last role")."""
    found = ev.hits.get("overview", "").split()
    if len(found) != 1 or found[0] not in lexicon.ROLE_NOUNS:
        return False
    at = [i for i, w in enumerate(ev.a.words) if w == found[0]]
    return bool(at) and all(not _MEMBERS_OWN.isdisjoint(ev.a.words[max(0, i - 2) : i]) for i in at)


def _tells_of_self(ev: Evidence) -> bool:
    """A message that only tells about the member ("i'm new to managing people", "inventory is my
    background"): one sentence, not a question, starting "I …" / "my …", or saying "my background"."""
    first = next((w for w in ev.a.words if w not in _ASIDES), "")  # "fwiw i'm new to managing people"
    return _only_tells(ev) and (first in lexicon.TELLING_STARTS or "ref_self" in ev.hits or (not _OWN_WORDS.isdisjoint(ev.a.words) and "correction" not in ev.hits and lexicon.GRATITUDE.isdisjoint(ev.a.words)))  # ("fwiw the safety committee is my main thing"; not "no wait, I meant the person who …", "thanks, more useful than my director")


_OWN_WORDS = frozenset({"i", "im", "ive", "my", "me"})
_STARTS = frozenset({"start", "starts", "begin", "begins", "open", "opens", "kick", "kicks"})  # "why does it start there": the path
_SOME_OF = frozenset({"one", "some", "each", "both", "two", "all", "another"})  # "one of them", "both of them": people spoken for
_ASIDES = frozenset({"fwiw", "fyi", "btw", "also", "oh", "ok", "okay", "so", "and", "but", "just", "well", "hmm", "tbh", "honestly"})


def _staff_role(ev: Evidence, ctx: Context, ix: Index) -> str | None:
    """"and for my techs?": the one role whose title is the job of the people the member speaks
    for (their staff; "for a tech" is whom a pathway is for, see ``for_someone``), when the
    message asks nothing else and that role is not the one already talked about."""
    a = ev.a
    if not a.kin or ev.codes or ev.role_named or ctx.role is None or ctx.intent not in ("role", "pathway"):
        return None
    if any(s not in a.kin and s not in cue_stems() for s in a.stems):
        return None  # "and for my techs, which first if they love safety work": more than the people
    fitting = [rid for rid, title in ix.role_titles.items() if not a.kin.isdisjoint(title)]
    return fitting[0] if len(fitting) == 1 and fitting[0] != ctx.role else None


_LIST_KINDS = {"role": frozenset({"job", "jobs", "role", "roles", "career", "careers", "position", "positions"}), "cert": lexicon.CERT_NOUNS}


def _list_recalled(words: list[str], ctx: Context) -> tuple[Entity, ...] | None:
    """"back to the list", "the jobs list again": the list of that kind (else the latest) shown
    earlier (also the one still shown: "ok back to the list, which one is about med safety"
    after a refusal)."""
    if "list" not in words or not ({"back", "again"} & set(words)):
        return None
    kinds = [k for k, nouns in _LIST_KINDS.items() if not nouns.isdisjoint(words)]
    found = next((lst for lst in ctx.lists if not kinds or lst[0][0] in kinds), None)
    return found


_LOCATIVES = frozenset({"on", "in", "from", "of"})


def _drop_whose_list(r: _Rewrite, words: list[str], loc: int | None) -> None:
    """From ``loc`` ("on", "of" …) to the next "path" / "list": it only says whose list a step is on."""
    last = next((k for k in range(loc, len(words)) if words[k] in _ENDS_LOCATIVE), None) if loc is not None else None
    if loc is not None and last is None and lexicon.HELD_CUES.isdisjoint(words[:loc]):  # (not "what if I already hold the first step of the ops one": that role's way, with it held)
        last = next((b - 1 for a, b in lexicon.cue("ref_one_kind").spans(words) if a == loc + 1 and words[b - 1] in ("one", "ones")), None)  # "step 2 on the ops one"
    if loc is not None and last is None and words[loc + 1 : loc + 3] == ["the", "order"] and _shown_clause_end(words, loc + 3) > loc + 3:
        last = loc + 2  # "the second one in the order you gave me": the order shown (not "the first one's steps in order")
    if loc is not None and last is not None:
        last = _shown_clause_end(words, last + 1) - 1  # "… on the list you gave me", "in the order you showed us": which list, said twice
    if loc is not None and last is not None and r.free(loc, last + 1):
        r.put(loc, last + 1, "")


_SHOWN_TO = frozenset({"me", "us", "earlier", "before", "again", "above", "first", "just", "already", "originally"})


def _shown_clause_end(words: list[str], at: int) -> int:
    """Where "[that] you gave me", "you showed us earlier" after a list word ends (``at`` if none
    follows): it only says the list is the one the bot showed."""
    k = at + (words[at : at + 1] == ["that"])
    if words[k : k + 1] and words[k] in _YOU and words[k + 1 : k + 2] and words[k + 1] in _SHOWING | _SAID_BEFORE:
        k += 2
        while k < len(words) and words[k] in _SHOWN_TO:
            k += 1
        return k
    return at


def _drop_named_path(r: _Rewrite, start: int, role: str | None, ix: Index) -> None:
    """"training coordinator pathway step 2?", "the training coordinator pathway, second step?": the
    role's title and "pathway" before the step only say whose step; the step is what is asked."""
    at = start - 1
    if role is None or at < 0 or r.words[at] not in _ENDS_LOCATIVE:
        return
    first = at
    leads = _DEFINITE | _LOCATIVES  # "the … pathway", "on the … pathway"
    while first > 0 and (r.words[first - 1] in leads or _in_title(r.words[first - 1], role, ix) or r.words[first - 1] in lexicon.ROLE_HEADS):
        first -= 1
    if first < at:
        r.put(first, at + 1, "")


def _in_title(word: str, role: str, ix: Index) -> bool:
    """The word (as typed, or as its synonym reads it: "ops", "operations") is in the role's title."""
    return any(role in ix.title_postings.get(stem(w), ()) for w in (word, ix.expand([word])[-1]))


_LENGTHS = {"shortest": "shortest path", "longest": "longest path", "shorter": "shorter path", "longer": "longer path", "fewest": "fewest certs", "fewer": "fewer certs"}  # "and the shortest?" after pathways weighed by length
_BY_LENGTH = frozenset({"longer", "longest", "shorter", "shortest", "quicker", "quickest", "faster", "fastest"})  # "the longer one": a role picked by its pathway's length
_LENGTH_NOUNS = frozenset({"one", "ones", "path", "paths", "pathway", "route", "role", "job"})
_ASKED_WHICH = frozenset({"which", "who", "whos", "whose"})  # ("which one has the shorter path": the length is asked)
_OTHER_VERBS = frozenset({"is", "s", "does", "covers", "has", "handles"})  # "and the other is for …" (as the ref_other cue reads it)
_OTHER_NOUNS = frozenset({"one", "ones", "cert", "certification", "credential", "role", "job"})  # "the other one": what names the other, not what is asked of it
_ONE_CERT = frozenset({"cert", "certification", "credential"})


def _by_number(words: list[str]) -> list[tuple[int, int, int, int]]:
    """Steps asked for by their number, as (where, start, end, number): "step 3", "the number two",
    "cert 2?", or a message that is only a digit ("3?", "and 4?") after a list."""
    out = []
    for i in range(len(words) - 1):
        number = _NUMBERED.get(words[i + 1]) if words[i] in ("step", "number") or (words[i] in _ONE_CERT and words[i + 1].isdigit()) else None
        if number is not None:
            out.append((i, i - 1 if i and words[i - 1] in _DEFINITE else i, i + 2, number))
    sole = _sole_word(words)
    if not out and sole is not None and words[sole].isdigit() and words[sole] in _NUMBERED:
        out.append((sole, sole, sole + 1, _NUMBERED[words[sole]]))
    return out


def _by_length(ev: Evidence, ctx: Context, ix: Index) -> tuple[int, str] | None:
    """"the longer one", "the shorter path" of two or more roles weighed (not asked: "which one has
    the shorter path"): where it is said, and the role it means by the certifications left on its
    pathway (a count the pages give); none on a tie."""
    words = list(ev.a.words)
    if ev.role_named or ev.codes:
        return None
    at = next((i - 1 for i in range(1, len(words) - 1) if words[i - 1] == "the" and words[i] in _BY_LENGTH and words[i + 1] in _LENGTH_NOUNS and _ASKED_WHICH.isdisjoint(words[:i])), None)
    if at is None:
        return None
    left = {r: sum(1 for s in ix.knowledge.roles[r].pathway if s.certification not in ctx.held) for r in _roles_compared(ctx, words) if r in ix.knowledge.roles}
    if len(left) < 2:
        return None
    ranked = sorted(left, key=lambda r: -left[r] if words[at + 1] in lexicon.LONGER_WORDS else left[r])
    return None if left[ranked[0]] == left[ranked[1]] else (at, ranked[0])


def _it_is_the_step(words: list[str]) -> set[int]:
    """"is it still the same first step?", "is that still first" after a pathway: "it" is the step
    the ordinal names (the pathway asked again), not the certification shown first."""
    out = set()
    for i, w in enumerate(words):
        if w == "it" and i and words[i - 1] in _CHANGING:
            out.add(i)  # "does that change it?": the order shown, asked again
        if w in ("it", "that", "its", "thats"):
            k = i + 1
            while k < len(words) and words[k] in _STILL_THE:
                k += 1
            if k < len(words) and words[k] in lexicon.ORDINALS and k > i + 1:
                out.add(i)
    return out


_CHANGING = frozenset({"change", "changes", "affect", "affects", "alter", "alters", "shift", "shifts", "reorder", "flip", "swap"})
_STILL_THE = frozenset({"is", "s", "still", "the", "same", "going", "to", "be", "my", "his", "her", "their"})


def _sole_word(words: list[str], also: frozenset[str] = frozenset()) -> int | None:
    """Where the one word of a message is, past fillers, "and" and ``also`` ("ok and 3?", "and
    the shortest?"), if it has only one."""
    rest = [k for k, w in enumerate(words) if w not in lexicon.LEAD_FILLERS and w != "and" and w not in also]
    return rest[0] if len(rest) == 1 else None


def _nth(listed: tuple[Entity, ...], pos: int) -> Entity:
    """The entity an ordinal of ``lexicon.ORDINALS`` picks: 1, 2 …; -1 the last; 0 the middle."""
    return listed[pos - 1] if pos > 0 else listed[-1] if pos < 0 else listed[len(listed) // 2]


def _ends_in_ellipsis(r: _Rewrite) -> bool:
    """The last sentence is a short "what about the X?" ("sounds kinda boring. what about the nursing home consultant?")."""
    start = max((i + 1 for i, t in enumerate(r.tokens[:-1]) if t[-1:] in ".?!"), default=0)
    last = [w for w in r.words[start:] if w]
    return len(last) <= ELLIPSIS_WORDS and bool(_ELLIPSIS.match(" ".join(last)))


def _in_cert_text(thing: Entity | None, ev: Evidence, ix: Index) -> bool:
    """The message's content words are all in the text of the certification talked about."""
    if thing is None or thing[0] != "cert" or thing[1] not in ix.cert_docs:
        return False
    content = _content_of(ev, ix)
    return bool(content) and all(s in ix.cert_docs[thing[1]] for s in content)


def _content_of(ev: Evidence, ix: Index) -> list[str]:
    """The message's words that could name a topic: none of the cues' own, none too common."""
    return [s for s in dict.fromkeys(ev.a.stems) if s not in cue_stems() and ix.weight(s) >= CONTENT_WORD]


def _known_topic(ev: Evidence, ix: Index) -> bool:
    """Every content word of the message is one the knowledge uses ("comfort kits")."""
    content = _content_of(ev, ix)
    return bool(content) and all(s in ix.postings for s in content)


def _foreign_words(ev: Evidence, role: str, ix: Index) -> bool:
    """Words no knowledge text uses ("pizza"), and none of the role's own page: not about the role."""
    content = [s for s in dict.fromkeys(ev.a.stems) if s not in cue_stems()]
    return any(s not in ix.postings for s in content) and not fits_page(role, ev.a, ix)


def _another_job(ev: Evidence) -> bool:
    """A job noun qualified by a word of its own and named by no title ("a nuclear pharmacist"),
    not the member's own job: a job the question is about, though no page has it."""
    a = ev.a
    titled = {i for r in ev.role_where.values() for i in r}
    mine = own_job_heads(a) | suited(a)  # ("would that suit a pretty introverted rph": whom it suits)
    return any(
        lexicon.job_noun(w) and i and a.typed_start(i) == i and i not in titled and i not in mine and a.words[i - 1] not in lexicon.STOPWORDS
        and a.sentence_of[i - 1] == a.sentence_of[i] and "from" not in a.words[max(0, i - 4) : i]  # ("from a staff pharmacist job": where they come from)
        for i, w in enumerate(a.words)
    )


def _goal_unheard_of(ev: Evidence, ix: Index) -> bool:
    """"Ben wants to become a PA": the way asked leads to a job said right after the cue ("a …"),
    in words no page uses, or one the stages already know is outside the knowledge."""
    if not ev.pathway_cue or ev.role_named:
        return False
    words, a = ev.a.words, ev.a
    for _, y in lexicon.cue("pathway").spans(words):
        if words[y : y + 1] in (("a",), ("an",)) and y + 1 < len(words):
            said = [w for k, w in enumerate(words[y + 1 : y + 3], y + 1) if a.sentence_of[k] == a.sentence_of[y] and w not in lexicon.STOPWORDS]
            if said and not any(stem(w) in ix.postings for w in said):
                return True
    return bool(outside_goal(ev, ix)[0])


def _off_knowledge(ev: Evidence) -> bool:
    """"also whos winning the game tonight": the message's own words are ones no page uses, so
    "also" does not make it a question about what was shown."""
    if ev.hits.keys() - {"follow_up", "weak_overview", "discourse"}:
        return False  # "full name?" asks something of it
    content = [s for s in dict.fromkeys(ev.a.stems) if s not in cue_stems()]
    names_one = _NAMES_SUBJECT.match(" ".join(ev.a.words)) is not None  # "what about a dentist": one word names the subject
    return len(content) >= (1 if names_one else OFF_KNOWLEDGE_WORDS) and not any(s in ev.ix.postings for s in content)


def _path_claimed(ev: Evidence, words: list[str]) -> bool:
    """An ordinal, then "is|was on" the role named: what is said of the one picked, not whose step."""
    at = next((i for i, w in enumerate(words) if w in lexicon.ORDINALS), None)
    where = ev.role_where.get(ev.role_best or "", frozenset())
    return at is not None and bool(where) and at < min(where) and (not _CLAIMED_ON.isdisjoint(words[at:min(where)]) or not _ALSO.isdisjoint(words[min(where):]) or "as well" in " ".join(words))


_ALSO = frozenset({"too", "also", "either"})


_CLAIMED_ON = frozenset({"is", "are", "was", "also"})


def _on_that_path(words: list[str]) -> bool:
    """"… on that path", "… of their pathway": a pathway pointed back at, not a list."""
    return any(w in _PATH_WORDS and i >= 2 and words[i - 1] in _POINTING and words[i - 2] in _LOCATIVES for i, w in enumerate(words))


_PATH_WORDS = _LISTS - {"list"}


def _back_to_a_path(words: list[str]) -> tuple[int, int] | None:
    """Where "back to the path" (or "… their pathway") is said, or None."""
    for i in range(len(words) - 3):
        if words[i : i + 2] == ["back", "to"] and words[i + 2] in _DEFINITE | {"their", "its", "his", "her"} and words[i + 3] in _PATH_WORDS:
            return i, i + 4
    return None
_POINTING = frozenset({"that", "their", "its", "this"})
_NEEDING = frozenset({"need", "needs", "should", "take", "get"})  # "the first cert she'd need on that path": where she starts, the pathway for her


def _path_of_card(ctx: Context, ix: Index) -> tuple[str | None, tuple[Entity, ...]] | None:
    """The role and pathway a certification's card belongs to: the conversation's role's, else
    the one role whose pathway has it ((None, ()) when several have it); None when the card is
    on no pathway."""
    if ctx.thing is None or ctx.thing[0] != "cert":
        return None
    code = ctx.thing[1]
    rid = ctx.role if ctx.role and code in {s.certification for s in ix.knowledge.roles[ctx.role].pathway} else role_from_certs((code,), ix)
    if rid:
        return rid, tuple(("cert", s.certification) for s in ix.knowledge.roles[rid].pathway)
    return (None, ()) if any(code in {s.certification for s in r.pathway} for r in ix.knowledge.roles.values()) else None


def _role_of_card(ctx: Context, ix: Index) -> str | None:
    """After a certification's card that is not on the conversation's role's pathway, "that role"
    is the one role whose pathway has it ("how do i become a compounding supervisor" … "what is
    CPAT" … "what's the day like for that role")."""
    if ctx.intent != "certification" or not ctx.thing or ctx.thing[0] != "cert" or not ctx.role:
        return None
    having = [r.id for r in ix.knowledge.roles_with_certification(ctx.thing[1])]
    return having[0] if len(having) == 1 and ctx.role not in having else None


def _shown_on_path(ctx: Context, ix: Index) -> bool:
    """What was shown last is certifications of the conversation's role's pathway."""
    role = ix.knowledge.roles.get(ctx.role) if ctx.role else None
    shown = ctx.shown or ((ctx.thing,) if ctx.thing and ctx.intent == "certification" else ())  # one card: that certification
    if role is None or not shown:
        return False
    steps = {s.certification for s in role.pathway}
    return all(kind == "cert" and ident in steps for kind, ident in shown)


def _roles_numbered(ev: Evidence) -> tuple[str, ...]:
    """Three or more roles a message names apart, in its order: the numbering "the third one" uses later."""
    apart = _roles_apart(ev, len(ev.a.words)) if len(ev.roles) >= 3 else []
    return tuple(apart) if len(apart) >= 3 else ()


def _roles_apart(ev: Evidence, before: int) -> list[str]:
    """The roles named before word ``before``, each by words of its own, in the order named."""
    subject = ev.subject_role if ev.subject_named or ev.subject_relaxed else None
    candidates = {r for sc, r in ev.roles if sc >= ROLE_MENTION * 0.5 or _by_two_with_its_noun(ev, r) or _by_its_own_noun(ev, r)} | ({subject, *ev.named_apart(subject)} if subject else set())  # ("benchmarking analyst" after two longer titles: named all the same)
    named = [(_named_at(ev, r), r) for r in candidates if (w := ev.role_where.get(r)) and max(w) < before]  # (where its own words are: "director of pharmacy operations, …, evening pharmacy shift supervisor")
    return [r for _, r in sorted(named) if all(ev.role_where[r] - ev.role_where[o] for _, o in named if o != r)]


def _by_its_own_noun(ev: Evidence, rid: str) -> bool:
    """The role is named by its job noun, one no other title has ("the lecturer" for Pharmacy
    Practice Lecturer)."""
    heads = ev.ix.head_stems(rid)
    return any(ev.a.word_stems[i] in heads and set(ev.ix.title_postings.get(ev.a.word_stems[i], ())) == {rid} and not any(i - 1 in w for o, w in ev.role_where.items() if o != rid) for i in ev.role_where.get(rid, ()))  # (not "ALS clinic pharmacist": the head of another's name)


def _by_two_with_its_noun(ev: Evidence, rid: str) -> bool:
    """The role is named by two words of its title side by side, the last its job noun ("freight
    planner" for Regional Pharmacy Freight Consolidation Planner)."""
    where = sorted(ev.role_where.get(rid, ()))
    heads = ev.ix.head_stems(rid)
    return len(where) >= 2 and where[-1] - where[0] == len(where) - 1 and ev.a.word_stems[where[-1]] in heads


def _in_analysis(words: list[str], at: int, ev: Evidence) -> int | None:
    """Where word ``at`` of the message stands in the analysis's words, which may read one typed
    word as several ("irAE" is read "irae immune related adverse event"): the same occurrence of
    the same word, if the analysis kept it."""
    nth = words[:at].count(words[at])
    return next((i for i, w in enumerate(ev.a.words) if w == words[at] and ev.a.words[:i].count(w) == nth), None)


def _one_of_those_named(ev: Evidence, words: list[str], ix: Index) -> list[tuple[int, int, str]]:
    """"the irAE one", "the liver one" after two or more roles named apart in the same message:
    (where it is said, the one role of those whose title or other name has its words)."""
    out = []
    for a, b in lexicon.cue("ref_one_kind").spans(words):
        if words[a] != "the" or words[b - 1] != "one" or words[a + 1] in lexicon.ORDINALS:
            continue
        ev_at = _in_analysis(words, a + 1, ev)
        if ev_at is None:
            continue
        apart = _roles_apart(ev, ev_at)
        said = {stem(w) for w in words[a + 1 : b - 1]}
        fits = [r for r in apart if said <= set(ix.role_titles.get(r, ())) | ix.nicknames.get(r, frozenset())]
        if len(apart) >= 2 and len(fits) == 1:
            out.append((a, b, fits[0]))
    return out


def _roles_named_before_ordinal(ev: Evidence, words: list[str], tokens: list[str], in_order: tuple[str, ...] = ()) -> tuple[Entity, ...]:
    """Two or more roles named apart before "the first one" / "the first two" / "the second" in the
    same message (or told a list of names in order): the ordinal picks among them (not among the
    first role's steps)."""
    at = next((i for i, w in enumerate(words) if w in lexicon.ORDINALS and i and (words[i - 1] in _DEFINITE or (in_order and _SENTENCE_END.search(tokens[i - 1]))) and (i + 1 == len(words) or words[i + 1] in ("one", "ones") or words[i + 1] in lexicon.COUNTS or words[i + 1] in _ROLE_WORDS)), None)  # ("the first one", "the first two", "responsibilities of the second?")
    if at is None:
        return ()
    ev_at = _in_analysis(words, at, ev)
    apart = list(in_order) or _roles_apart(ev, at if ev_at is None else ev_at)
    if lexicon.ORDINALS[words[at]] > len(apart):
        return ()  # ("… eli wants ops director. give me the third one's day", two of the three titles read: the people told decide)
    return tuple(("role", r) for r in apart) if len(apart) >= 2 else ()


_LEADS_IN = frozenset({"and", "so", "but", "or", "ok"})
_HMM = frozenset({"hmm", "hm", "um", "umm", "oh", "ah", "well"})
_CANCELS = frozenset({"nvm", "nevermind", "never", "forget", "scratch", "ignore"})  # "nvm. what is …": what was pending is dropped, not finished
_DEGREES = frozenset({"more", "mostly", "all", "really", "just"})


def _cleft_it(words: list[str]) -> set[int]:
    """"it's the controlled drug paperwork I actually enjoy", "it's CWHCS I have": "it" only
    puts what follows first; the member says what they like or hold, no thing shown."""
    out = set()
    for i in range(len(words) - 3):
        if words[i] == "it" and words[i + 1] == "is":
            for j in range(i + 3, min(len(words) - 1, i + _CLEFT_REACH)):
                if words[j] == "i" and (words[j + 1] in _CLEFT_VERBS or (words[j + 1] in _CLEFT_ADVERBS and words[j + 2 : j + 3] and words[j + 2] in _CLEFT_VERBS)):
                    out.add(i)
                    break
    return out


_CLEFT_REACH = 12
_CLEFT_VERBS = frozenset({"enjoy", "like", "love", "prefer", "mean", "meant", "have", "hold", "want", "need", "care"})
_CLEFT_ADVERBS = frozenset({"actually", "really", "honestly", "truly", "mostly", "do", "already"})


def _conditional_it(words: list[str]) -> set[int]:
    """"and if it's more the hospital-wide side": "it" after a leading "if" says what the member
    means, not a thing shown (not "she wants to know if it's mostly meetings": the job)."""
    out = set()
    for i in range(1, len(words) - 2):
        if words[i - 1] != "if" or not (i == 1 or words[i - 2] in _LEADS_IN or (words[i - 2] == "what" and (i == 2 or words[i - 3] in _LEADS_IN | _HMM))):  # ("hmm what if it's more the marking side")
            continue
        after = words[i + 1] if words[i] == "its" else words[i + 2] if words[i] == "it" and words[i + 1] == "is" else ""
        if after in _DEGREES:
            out.add(i)
    return out


def _reordered(ctx: Context, ix: Index) -> bool:
    """The certifications shown last are not the role's pathway in its page's order (tailored to
    the member, or without what they hold)."""
    if not ctx.role or ctx.role not in ix.knowledge.roles:
        return False
    page = [s.certification for s in ix.knowledge.roles[ctx.role].pathway]
    shown = [ident for kind, ident in ctx.shown if kind == "cert"]
    return shown != page[: len(shown)]


def _as_paged_when_only_put_first(ctx: Context, ix: Index) -> tuple[Entity, ...]:
    """The pathway shown, in its page's order when it was shown with the certification asked
    about put first and nothing said of the member ("whose path is CEDCS on" … "step after it?":
    the step after it on the page), else as shown."""
    if not ctx.role or ctx.role not in ix.knowledge.roles or ctx.focus or ctx.held or ctx.thing is None or not ctx.shown or ctx.shown[0] != ctx.thing:
        return ctx.shown
    page = tuple(("cert", s.certification) for s in ix.knowledge.roles[ctx.role].pathway)
    return page if sorted(ctx.shown) == sorted(page) and ctx.shown[1:] == tuple(e for e in page if e != ctx.thing) else ctx.shown


def _names(text: str, ix: Index) -> bool:
    """Whether ``text`` names a certification or a role by its title."""
    ev = read(text, ix)
    return bool(ev.codes or ev.role_named)


_AFTER_WHOSE = frozenset({"if", "then", "too", "please", "pls", "when", "since", "as", "though", "tho"})  # "and the vaccine one's if i love …": nothing owned is named


def _described(descriptor: str, ctx: Context, ix: Index, kind: str | None, besides: set[Entity] | None = None) -> Entity | None:
    """The role or certification "the <descriptor> one" means (``_described_by_text``); when no
    text tells, the one the member called by more of those words before ("the cold storage one"
    … "path for the cold one?"): people shorten their own names for things."""
    return _described_by_text(descriptor, ctx, ix, kind, besides) or _called_before(descriptor, ctx, kind, besides)


def _called_before(descriptor: str, ctx: Context, kind: str | None, besides: set[Entity] | None) -> Entity | None:
    """The one entity the member called by words that include all of the descriptor's own (of the
    kind asked, when one is)."""
    said = {w for w in words_of(descriptor) if w not in lexicon.STOPWORDS}
    if not said or not _describing(descriptor):
        return None
    meant = {e for words, e in ctx.called if said <= set(words_of(words)) and e not in (besides or ())}
    meant = {e for e in meant if kind is None or e[0] == kind} or meant  # ("the first cert for the cold one": the role called so, whose cert is asked)
    return next(iter(meant)) if len(meant) == 1 else None


def _described_by_text(descriptor: str, ctx: Context, ix: Index, kind: str | None, besides: set[Entity] | None = None) -> Entity | None:
    """The role or certification "the <descriptor> one" means: among what the conversation
    showed or talked about if one of those fits, else the one entity of the kind the
    conversation is about whose name (or, less, whose text) clearly fits best; never one set
    aside ("the other …")."""
    a = analyze(descriptor, ix)
    lettered = {ix.theme_letters[w] for w in words_of(descriptor) if w in ix.theme_letters}
    if len(lettered) == 1 and kind in (None, "role") and ("role", next(iter(lettered))) not in (besides or set()):
        return ("role", next(iter(lettered)))  # "is it on the GP one too": the one title whose theme has those initials (General Practice Clinical Pharmacist)
    stems = set(a.stems) - cue_stems() or {st for w, st in zip(a.words, a.word_stems) if w in lexicon.DAY_TIMES}  # ("the evening one": a time of day, a cue's word, describes by the day)
    if not stems:
        return None
    scores: dict[Entity, float] = defaultdict(float)
    by_name: set[Entity] = set()
    for st in stems:
        w = ix.weight(st)
        for rid in ix.title_postings.get(st, ()) or ix.nicknamed.get(st, ()):  # (or the other name its page gives it: "the drug screen one", often called the drug screen pharmacist)
            scores[("role", rid)] += NAME_FACTOR * w
            by_name.add(("role", rid))
        for code in ix.name_postings.get(st, ()):
            scores[("cert", code)] += NAME_FACTOR * w
            by_name.add(("cert", code))
        said: dict[Entity, int] = defaultdict(int)
        for i in ix.postings.get(st, ()):
            p = ix.passages[i]
            if p.cert is not None and p.role is None:
                said[("cert", p.cert)] += 1
            elif p.role is not None and p.cert is None:
                said[("role", p.role)] += 1
        for entity, n in said.items():  # a page that keeps coming back to the word is more about it
            scores[entity] += w * (1 + REPEAT_BONUS * (min(n, REPEAT_CAP) - 1))
    names = {e: words_of(ix.knowledge.roles[e[1]].title if e[0] == "role" else ix.knowledge.certifications[e[1]].name) for e in by_name}
    name_stems = {e: {stem(x) for x in ws} for e, ws in names.items()}  # (once per name, not once per word said)
    for said_word, st in zip(a.words, a.word_stems):
        sharing = [e for e, sts in name_stems.items() if st in sts]
        as_written = [e for e in sharing if said_word in names[e]]
        for entity in as_written if len(as_written) < len(sharing) else ():
            scores[entity] *= 1 + AS_WRITTEN_BONUS  # "the ops one" of Director of Pharmacy Operations and Operating Theatre Technician: the word as its name writes it
    for entity in besides or ():
        scores.pop(entity, None)
        by_name.discard(entity)
    on_card = ctx.thing is not None and ctx.thing[0] == "cert" and stems <= ix.cert_coverage(ctx.thing[1])  # ("is that the cleanroom one" of a card that says cleanroom)
    if kind is None and not on_card and not any(e[0] == "cert" for e in by_name):
        typed = {w for w in a.words if w not in lexicon.STOPWORDS}
        called = {ent for key, ent in ix.aliases.items() if ent[0] == "role" and typed <= set(key)} if typed else set()
        if len(called) == 1 and (ent := next(iter(called))) not in (besides or ()):
            return ("role", ent[1])  # "the flight one" after a card: the role its page calls the flight pharmacy coordinator, whatever was shown
    kind = kind or (ctx.shown[0][0] if ctx.intent in _LIST_INTENTS and ctx.shown else ctx.thing[0] if ctx.thing else ctx.shown[0][0] if ctx.shown else "role")  # ("the stocktake one" right after the certifications were listed: one of them)
    shown = ctx.shown + ((ctx.thing,) if ctx.thing else ())
    talked = ctx.recent + ((("role", ctx.role),) if ctx.role else ())
    named_elsewhere = any(e in by_name and e[0] == kind for e in scores)
    best_name = max((scores[e] for e in by_name if e[0] == kind), default=0.0)
    for around in (shown, talked):  # what was just shown first, then what was talked about
        near = [e for e in dict.fromkeys(around) if scores.get(e, 0.0) > 0 and e[0] == kind]
        if any(e in by_name for e in near):  # "the supply chain one": a name fits, whatever else the texts say
            near = [e for e in near if e in by_name]
            if max(scores[e] for e in near) < best_name:
                break  # "and the ops manager one" after CHPOP (an operations pharmacist): another name fits better
        elif named_elsewhere:
            near = []  # "what about the purchasing one" after the ops director, "I meant the scheduling person" after the policy one: a title says it, a page only uses the word
        if near:
            ranked = sorted(near, key=lambda e: -scores[e])
            return ranked[0] if len(ranked) == 1 or scores[ranked[0]] > scores[ranked[1]] else None
    ranked = sorted((e for e in scores if e[0] == kind), key=lambda e: -scores[e])
    if not ranked or (len(ranked) > 1 and scores[ranked[0]] < DESCRIBED_LEAD * scores[ranked[1]]):
        return None
    return ranked[0]


def _asks_beyond_naming(ev: Evidence, path_shown: bool = False) -> bool:
    """Asks something of its own; "and for the documentation audit role?" only names ("role" is no
    request for the overview there), and so does "and on the drip bar pharmacist path?" after a
    pathway (``path_shown``)."""
    asks = _asks(ev)
    if asks == {"overview"} and (ev.cue("overview") or "") in lexicon.ROLE_NOUNS:
        return False
    if path_shown and asks == {"pathway"} and (ev.cue("pathway") or "") in lexicon.PATH_NOUNS:
        return False
    return bool(asks)


def _section_items(ctx: Context, ix: Index) -> tuple[str, ...]:
    """The headings of the role's section just shown, in its order (its duties, its day's entries)."""
    role = ix.knowledge.roles.get(ctx.role or "") if ctx.intent == "role" else None
    if role is None or any(e[0] == "role" and e[1] != role.id for e in ctx.recent):
        return ()  # (after several roles, "that last one" is one of them)
    if ctx.section == "responsibilities":
        return tuple(d.name for d in role.responsibilities)
    if ctx.section == "day_in_the_life":
        return tuple(d.title for d in role.day_in_the_life)
    return ()


def _stands_alone(after: Evidence, ctx: Context, ix: Index) -> bool:
    """Small talk, or a fact no page gives (fees, pay …), asked whatever came before; after a
    certification found by its topic, "and …" with a fact's word some text uses is a topic again
    ("which cert covers mobile clinics" … "and one for sliding fee community health centers")."""
    if not after.hits.keys() & _STANDS_ALONE:
        return False
    return "chit_chat" in after.hits or not ctx.by_topic or not (after.a.words[:1] == ("and",) or "correction" in after.hits) or missing_fact(after, ix) is not None  # ("actually i meant drug pricing reviews, not HTA": a topic again)


def _of_what_was_shown(words: list[str]) -> bool:
    """"is any of that about …", "which of those is …": a part of what was just shown."""
    return any(words[i] in ("any", "anything", "which", "what", "none", "some", "part") and words[i + 1 : i + 3] in (["of", "that"], ["of", "those"], ["of", "it"], ["of", "them"]) for i in range(len(words) - 2))


def _in_a_heading(said: list[str], headings: tuple[str, ...]) -> bool:
    """The ordinal and the word or two after it are written together in one of the headings."""
    plain = [f" {' '.join(_plain(t) for t in h.split())} " for h in headings]
    return any(f" {' '.join(said[:k])} " in h for k in range(2, len(said) + 1) for h in plain)


def _only_its_word(ev: Evidence, ix: Index) -> bool:
    """"ok what about ops": nothing but a word of the best role's title that no other title has
    ("ops" for the one title with "operations"), beyond "pharmacy" and the job noun."""
    rid, a = ev.role_best, ev.a
    if rid is None:
        return False
    heads = ix.title_heads.get(rid, frozenset())
    at = ev.role_where.get(rid, frozenset())
    form = lexicon.CERT_NOUNS | lexicon.ROLE_NOUNS  # ("and the certs?" names no "Certification Exam … Specialist")
    own = {a.word_stems[i] for i in at if a.words[i] not in lexicon.FIELD_WORDS and a.words[i] not in form and a.word_stems[i] not in heads and a.word_stems[i] not in cue_stems()}
    if not any(all(st not in stems for r, stems in ix.role_titles.items() if r != rid) for st in own):
        return False
    named = {k for i in at for k in a.typed_group(i)}
    lead = _ELLIPSIS.match(" ".join(a.words))
    skipped = _steering(a.words) | set(range(len(lead.group(0).split())) if lead else ())
    return all(i in named or i in skipped or w in lexicon.STOPWORDS for i, w in enumerate(a.words))


def _only_a_part(ev: Evidence | None) -> bool:
    """"day?", "duties?": a part of a role's page asked, of no role named (the next message may name it)."""
    return ev is not None and ev.section_cue and not (ev.codes or ev.role_named or ev.described) and sum(w not in lexicon.STOPWORDS for w in ev.a.words) <= _PART_ALONE


_PART_ALONE = 2  # ("their day?", "typical day?": a word or two)


def _asks_a_step(question: str) -> bool:
    """"what's step 3", "2nd one pls?": a step or an item asked by its place, of no list named."""
    words = _Rewrite(question).words
    return any((w == "step" and _NUMBERED.get(n)) or (w in lexicon.ORDINALS and n in lexicon.ORDINAL_NOUNS) for w, n in zip(words, words[1:]))


def _certs_recalled(words: list[str], ctx: Context, ix: Index) -> list[tuple[int, int, str]]:
    """"the waste cert", "that safety credential": words right before a certification noun that
    are all in the name of exactly one certification talked about; "the one with peer in the
    name": of those talked about or shown, the one whose name has the words: (start, end, code)."""
    talked = [e[1] for e in ctx.recent if e[0] == "cert" and e[1] in ix.cert_names]
    out = []
    for i, w in enumerate(words):
        if not talked or i == 0 or not (w in lexicon.CERT_NOUNS and not w.endswith("s")):
            continue
        j = i
        while j > 0 and i - j < 3 and words[j - 1] not in lexicon.STOPWORDS and words[j - 1] not in lexicon.CERT_NOUNS:
            j -= 1
        said = [stem(x) for x in words[j:i]]
        named = [c for c in talked if said and all(st in ix.cert_names[c] for st in said)]
        if len(named) == 1 and j > 0 and words[j - 1] in _DEFINITE:
            out.append((j - 1, i + 1, named[0]))
    seen = list(dict.fromkeys([*talked, *(e[1] for lst in (ctx.shown, *ctx.lists) for e in lst if e[0] == "cert" and e[1] in ix.cert_names)]))
    for i, w in enumerate(words):  # "the one with peer in the name": of the certifications shown, the one whose name has that word
        if w != "with" or i < 2 or words[i - 1] not in ("one", *lexicon.CERT_NOUNS) or words[i - 2] not in _DEFINITE:
            continue
        k = next((k for k in range(i + 2, min(len(words) - 1, i + 5)) if words[k] == "in" and words[k + 1 : k + 3] in (["the", "name"], ["its", "name"], ["the", "title"], ["it"])), None)
        if k is None:
            continue
        said = [stem(x) for x in words[i + 1 : k] if x not in lexicon.STOPWORDS]
        named = [c for c in seen if said and all(st in ix.cert_names[c] for st in said)]
        if len(named) == 1:
            out.append((i - 2, k + (2 if words[k + 1 : k + 2] == ["it"] else 3), named[0]))
    return out


_HEAD_STEMS = frozenset(stem(w) for w in lexicon.ROLE_HEADS | lexicon.FIELD_WORDS)


def _recalled(ev: Evidence, ctx: Context) -> str | None:
    """"ok wait go back to staffing, what's a typical day": a role talked about earlier, named by
    part of its title (too little to name it on its own), is the one meant."""
    talked = {e[1] for e in ctx.recent if e[0] == "role"} | set(ctx.roles)
    words = ev.a.words

    def own_word(r: str) -> bool:  # "staffing", not "pharmacy" or "coordinator" (nor "managing" for a manager)
        return any(words[i] not in lexicon.FIELD_WORDS and words[i] not in lexicon.ROLE_HEADS and ev.a.word_stems[i] not in _HEAD_STEMS for i in ev.role_where.get(r, ()))

    partly = [r for s, r in ev.roles if s > 0 and r in talked and r != ctx.role and own_word(r)]
    return partly[0] if len(partly) == 1 else None


def _picked_by_a_word(r: _Rewrite, ctx: Context, ix: Index) -> tuple[int, str] | None:
    """"going with water. which cert first …", "ok pilgrim it is, …" after roles were weighed: a
    first short clause that names one of them by the start of a word only its title has (its end,
    and that role)."""
    pool = ctx.roles if len(ctx.roles) >= 2 else tuple(e[1] for e in ctx.recent if e[0] == "role")[:3]  # ("… water or spaceflight?" … "and the pilgrim pharmacist?" … "ok space. …")
    if len(pool) < 2:
        return None
    end = next((i + 1 for i, t in enumerate(r.tokens[:_PICK_WORDS]) if t[-1:] in ".,;:!"), None)
    if end is None or end == len(r.tokens):
        return None
    said = [w for w in r.words[:end] if w not in _PICKING and w not in lexicon.LEAD_FILLERS]
    if not said or len(said) > 2 or any(len(w) < 4 for w in said):
        return None
    fits = [rid for rid in pool if rid in ix.knowledge.roles and all(any(t.startswith(w) for t in words_of(ix.knowledge.roles[rid].title)) for w in said)]
    return (end, fits[0]) if len(fits) == 1 else None


_PICK_WORDS = 6  # "ok going with the pilgrim one," at most
_PICKING = frozenset({"going", "go", "with", "picking", "pick", "picked", "choose", "choosing", "chose", "then", "it", "is", "its", "ill", "take", "taking", "lets", "do", "the", "one", "i", "think", "im", "fine", "decided", "on", "so", "and"})


def _names_a_step(ev: Evidence, ctx: Context, ix: Index) -> bool:
    """After a pathway, a role half named, in "start with the … one", only by words of one of its
    steps' names ("the hospital operations one": the Certified Hospital Pharmacy Operations
    Pharmacist): that step first."""
    if ctx.intent != "pathway" or ctx.role is None or ev.role_named or ev.codes or ev.role_best in (None, ctx.role):
        return False
    at = ev.role_where.get(ev.role_best or "", frozenset())
    starts = {y for _, y in lexicon.cue("ordering").spans(ev.a.words)}
    if not any(a in starts and a <= min(at, default=-1) and max(at) < b for a, b in lexicon.cue("ref_one_kind").spans(ev.a.words)):
        return False  # (said as "start with the … one", not "this is the pharmacy server right", "the third one, that's the ops one right?")
    said = {ev.a.word_stems[i] for i in at}
    return bool(said) and any(said <= set(ix.cert_names.get(s.certification, ())) for s in ix.knowledge.roles[ctx.role].pathway)


def _versus_shown(ev: Evidence, ctx: Context, ix: Index) -> str | None:
    """"how's that vs the airport clinic manager's day", "vs the ops one" after a role's duties (or
    what it is), "vs the festival path" after a pathway: what was just shown is one side, so the
    answer is the same part (or the part now asked) of the one role the message names."""
    if ctx.role is None or ctx.intent not in ("role", "pathway") or (ctx.intent == "role" and ctx.section not in (*_SECTION_WORDS, "overview")):
        return None
    if not ev.role_named or ev.codes or ev.role_best in (None, ctx.role) or set(ev.named_roles) - {ev.role_best} or ev.described not in (None, ev.role_best):
        return None
    at = {i for a, b in lexicon.cue("contrast").spans(ev.a.words) for i in range(a, b)}
    if _VERSUS_WORDS.isdisjoint(ev.a.words[i] for i in at):
        return None  # ("torn between …", "or the …": a choice, answered as one)
    if ev.asks_who or "which" in ev.a.words or ev.hits.keys() & {"ref_choice", "suits", "both"} or ev.cert_nouns:
        return None  # "vs the ops director, which starts earlier", "compared to X, who does more audits": a choice between the two; "… do they share any cert?": what both have
    if any(name.startswith(lexicon.FACET_PREFIX) for name in ev.hits):
        return None  # "what's the salary range for that vs a neuro ICU pharmacist": a fact of both, which no page may give
    asks = _asks(ev) - {"contrast"} - ({"overview"} if ev.cue("overview") in (None, ev.cue("contrast")) else set())
    title = _label(("role", ev.role_best), ix)
    if asks <= {"pathway"} and (ev.pathway_cue or (not asks and ctx.intent == "pathway")):
        return f"how do I become the {title}"
    if asks - {"day", "responsibilities", "overview", "weak_overview"}:
        return None  # something else is asked of it
    asked = asks & {"day", "responsibilities"}
    if len(asked) > 1:
        return None
    if asked:
        section = "day_in_the_life" if "day" in asked else "responsibilities"
    elif asks:
        section = "overview"  # ("what does a dpo do compared to that": what the role is)
    elif ctx.intent == "role" and ctx.section:
        section = ctx.section  # the part just shown
    else:
        return None
    return f"the {title} {_SECTION_WORDS.get(section, 'overview')}"


_VERSUS_WORDS = frozenset({"vs", "versus", "compare", "compared", "compares", "comparing", "against"})


def _versus_the_last(ev: Evidence, ctx: Context) -> bool:
    """"and how's that vs the polar one" after a role's day: the same part of the role named, and
    nothing else asked ("vs" asks no overview there)."""
    at = frozenset(i for a, b in lexicon.cue("contrast").spans(ev.a.words) for i in range(a, b))
    return ctx.intent == "role" and ctx.section in _SECTION_WORDS and bool(at) and _asks(ev) <= {"contrast", "overview"} and ev.cue("overview") in (None, ev.cue("contrast")) and _only_names(ev, at)


def _only_names(ev: Evidence, told: frozenset[int] = frozenset()) -> bool:
    """Nothing asked beyond naming a role or certification ("and the ops director?", "no wait, I
    meant CPAS"), besides the words at ``told`` (what the member says of themselves)."""
    steering = _steering(ev.a.words) | told
    named = {i for i, w in enumerate(ev.a.words) if w == CODE_MARK} | {k for i, n, _ in ev.a.alias_hits for k in range(i, i + n)}
    k = next((i for i in range(len(ev.a.words)) if i not in steering), len(ev.a.words))  # ("nvm. how bout …": after the steering words)
    lead = _ELLIPSIS.match(" ".join(ev.a.words[k:]))
    steering |= set(range(k, k + len(lead.group(0).split()))) if lead else set()  # "what about for the informatics manager"
    ruled_out = ev.a.negated  # "the supply chain manager, not the ops director": a name too
    in_title = _title_words(ev)
    return all(i in in_title or i in named or i in steering or w in lexicon.STOPWORDS or w in lexicon.PERSON_NOUNS or w in lexicon.ROLE_NOUNS or w == "one" or stem(w) in ruled_out or (w in lexicon.ROLE_HEADS and (i - 1 in in_title or i - 1 in named)) for i, w in enumerate(ev.a.words))  # "and the supply chain guy?", "the ops director one", "and for the audit role?", "the LTACH manager" (its short name, then its job noun)


def _a_page_says(found: list[str], choice: list[str], ctx: Context, ix: Index) -> bool:
    """The words a fact's cue found besides the choice itself ("travel" of "involves more travel")
    are all on the page of one of the roles just weighed: the pages can choose."""
    own = {stem(w) for w in found if w not in choice and w not in lexicon.STOPWORDS}
    weighed = [e[1] for e in ctx.shown if e[0] == "role"] or list(ctx.roles)
    return bool(own) and len(weighed) >= 2 and any(own <= ix.role_coverage(r, names=False) for r in weighed if r in ix.knowledge.roles)


def _step_picked(ctx: Context) -> int | None:
    """The place of the step the last question picked along a pathway ("what's step 3 on the drip
    bar path?", read as "what is CHCRS?"), for "and on the BP one?": the same place on another."""
    if ctx.intent != "pathway" or ctx.thing is None or ctx.thing[0] != "cert" or ctx.thing not in ctx.shown:
        return None
    return ctx.shown.index(ctx.thing) + 1 if words_of(ctx.question) in (["what", "is", ctx.thing[1].lower()], ["whats", ctx.thing[1].lower()]) else None


def _same_as_before(ev: Evidence) -> frozenset[int]:
    """"with the same interest", "for the same person": what was said of the member still holds,
    the words ask nothing new ("and for CRA with the same interest?" after a tailored pathway)."""
    words = ev.a.words
    at = [i for i, w in enumerate(words[:-1]) if w == "same" and words[i + 1] in _SAME_AGAIN]
    return frozenset(k for i in at for k in range(max(0, i - 2), i + 2) if k == i or k == i + 1 or words[k] in ("with", "for", "the", "my", "her", "his", "their"))


_FOR_A_NAME = (["and", "for"], ["for"], ["now", "for"], ["and", "now", "for"], ["what", "about"], ["how", "about"], ["and", "what", "about"], ["what", "about", "for"], ["how", "about", "for"], ["and", "what", "about", "for"])  # before a new person's name: the same asked for them
_SAME_AGAIN = frozenset({"interest", "interests", "focus", "likes", "passion", "passions", "preferences", "background", "profile", "person", "answers", "story", "dislike", "dislikes", "preference", "situation"})


def _path_nouns(ev: Evidence) -> frozenset[int]:
    """Where "path", "pathway" … stand: after a pathway, "and on the drip bar pharmacist path?"
    only names the next role (its pathway, for the same member)."""
    return frozenset(i for i, w in enumerate(ev.a.words) if w in lexicon.PATH_NOUNS)


_ROLE_WORDS = frozenset({"role", "roles", "job", "jobs", "position", "career"})
_ROLE_PARTS = frozenset({"day", "days", "duties", "responsibilities", "overview"})  # what only a role's page has
_STEP_NOUNS = frozenset({"step", "steps"})
_REORDER = frozenset({"reorder", "re-order", "rearrange", "reshuffle", "resort"})
_WHOLE = frozenset({"whole", "full", "entire", "complete", "overall"})
_EXAM_WORDS = frozenset({"exam", "exams", "test", "tests"})

# the words of a choice ("ok so between those two, which one …") describe neither role
_CHOICE_STEMS = frozenset(stem(w) for w in lexicon.cue("ref_choice").phrases.words() | {"between"})
_CHOICE_VERBS = frozenset({"has", "does", "do", "is", "needs", "takes"})  # "which has fewer left": the verb stays asked
_PICKED_NOUNS = lexicon.ORDINAL_NOUNS | lexicon.CERT_NOUNS | _ROLE_WORDS  # "the first cert", "the second one", "the 3rd role"
_ADDED_TOPIC_WORDS = 5  # "controlled stuff too": a topic added to the last answer is short
_BARE_TOPIC_WORDS = 3  # "training staff?": a topic alone, asked of the role just shown
_ONE_FOR = re.compile(r"^(?:(?:the\s+)?one\s+|anything\s+|something\s+)?(?:for|about|with|on)\s+")  # "and the one for emergency stockpiles", "and for the route planning part": the topic only
_NUMBERED = {**{str(n): n for n in range(1, 7)}, "one": 1, **lexicon.COUNTS}  # "step 3", "step two"
_LEAD = "((" + "|".join(sorted(lexicon.LEAD_FILLERS)) + ") )*"  # "ok what about …", "hmm and …"
_ELLIPSIS = re.compile("^" + _LEAD + r"(and|also|so|now|(what|how) (about|bout|abt)|same (question )?(for|with))\b")  # "and CRBS?", "same for the informatics person"
_NAMES_SUBJECT = re.compile("^" + _LEAD + r"((and|so) )?(what|how) about (a|an|the|being|for|becoming) ")  # "what about a dentist": a subject named


def _steering(words: list[str] | tuple[str, ...]) -> set[int]:
    """Positions of words that steer rather than ask ("ok different question", "no wait I meant")."""
    return {i for name in ("discourse", "correction") for a, b in lexicon.cue(name).spans(words) for i in range(a, b)}


def _which_roles_path(words: list[str]) -> bool:
    """"and that's on which role's path", "which job's path is it on": whose pathway has it."""
    return any(w in ("which", "what") and words[i + 1 : i + 2] in (["role"], ["roles"], ["job"], ["jobs"]) and not lexicon.PATH_NOUNS.isdisjoint(words[i + 2 : i + 4]) for i, w in enumerate(words))


def _whose_goal(words: list[str], people: list[tuple[int, int, str]]) -> frozenset[int]:
    """"and Maren's dream job is the inhalation development one": the person named and the words that
    say the role is their goal, which ask nothing of it."""
    named = {i for a, b, _ in people for i in range(a, b)}
    return frozenset(named | {i for i, w in enumerate(words) if w in _GOAL_WORDS and named}) if named else frozenset()


_GOAL_WORDS = frozenset({"dream", "ideal", "target", "goal", "is", "wants", "want"})


def _place_asked(words: list[str]) -> bool:
    """"which step is it", "what number is that": where the thing just named stands on a pathway."""
    return any(w in ("which", "what", "whats") and words[i + 1 : i + 4] in (["step", "is", "it"], ["step", "is", "that"], ["number", "is", "it"], ["number", "is", "that"]) for i, w in enumerate(words))


_PLACES = frozenset({"end", "early", "late", "ahead"})  # where a step stands ("at the end", "so early", "ahead of"), besides ordinals after the first and before/after ("why is it on there", "why that one first": its card, its pathway from it)


def _why_placed(after: Evidence, ctx: Context, ix: Index) -> bool:
    """"why is CBBRS last?", "why does CMSO come before CPOM" after a pathway: why a step of it stands
    where it does, which the pathway's order and reasons answer (not its card, nor a new order)."""
    words = after.a.words
    why = next((k for k in range(3) if words[k : k + 1] == ("why",) and all(w in _WHY_LEADS for w in words[:k])), None)
    if why is None or ctx.intent != "pathway" or not ctx.role or not ctx.question or not after.codes or after.role_named or after.held:
        return False
    placed = any(lexicon.ORDINALS.get(w, 1) != 1 or w in _PLACES or w in lexicon.AFTER_WORDS or w in lexicon.BEFORE_WORDS for w in words[why + 1 :])
    return placed and set(after.codes) <= _steps(ctx.role, ix) and not after.hits.keys() & {"likes", "self_describe", "pathway"}


def _steps(rid: str | None, ix: Index) -> set[str]:
    """The certifications on a role's pathway (none for no role)."""
    return {s.certification for s in ix.knowledge.roles[rid].pathway} if rid else set()


def _denied(ev: Evidence) -> set[str]:
    """Codes the message says "not" to ("I have CPOM not CHPOP")."""
    a = ev.a
    return {code for code, pos in a.code_pos.items() if not_held(a.words, pos)}


_OF_WHOEVER = frozenset({"their", "they"})  # "who else has it on their path": the people asked for


def _judged_way(ev: Evidence) -> bool:
    """Every pathway cue lies inside a judgement asked ("a good career move"): the way judged, not asked."""
    judged = lexicon.cue("judgement").spans(ev.a.words)
    way = lexicon.cue("pathway").spans(ev.a.words)
    return bool(judged) and bool(way) and all(any(x <= a and b <= y for x, y in judged) for a, b in way)


def _two_named(words: list[str], ctx: Context) -> tuple[str, str] | None:
    """"the first two", "the last two" of three or more roles the member named apart, in their order."""
    for w, n in zip(words, words[1:]):
        if lexicon.COUNTS.get(n) == 2 and lexicon.ORDINALS.get(w) in (1, -1):
            pair = ctx.named[:2] if lexicon.ORDINALS[w] == 1 else ctx.named[-2:]
            return (pair[0], pair[1])
    return None


def _two_roles(ctx: Context) -> tuple[str, str] | None:
    """The two roles the conversation is weighing: the two the last question named, the two
    shown, else the last two answered about."""
    shown = [e[1] for e in ctx.shown if e[0] == "role"]
    talked = list(dict.fromkeys(e[1] for e in ctx.recent if e[0] == "role"))
    for two in (list(ctx.roles), shown if len(ctx.shown) == 2 else [], talked[:2]):
        if len(two) == 2:
            return two[0], two[1]
    return None


_KIND_WORDS = {"jobs": "role", "roles": "role", "careers": "role", "positions": "role", "certs": "cert", "certifications": "cert", "credentials": "cert"}


def _list_of_kind(ctx: Context, words: list[str]) -> tuple[Entity, ...]:
    """The list of the kind these words name ("those jobs"), when the last thing shown is of the
    other kind: a list shown earlier, pointed back at past the one shown since."""
    kind = next((_KIND_WORDS[w] for w in words if w in _KIND_WORDS), None)
    if kind is None or not ctx.shown or ctx.shown[0][0] == kind:
        return ()
    return next((lst for lst in ctx.lists if lst and lst[0][0] == kind and len(lst) > 2), ())


def _on_other_paths(words: list[str]) -> bool:
    """"any other role's path", "on another pathway", "other paths": pathways besides the one shown."""
    return any(w in _OTHER_WORDS and any(x in _PATHWAY_NOUNS for x in words[i + 1 : i + 4]) for i, w in enumerate(words))


_OTHER_WORDS = frozenset({"other", "another", "else"})
_PATHWAY_NOUNS = lexicon.PATH_NOUNS | frozenset({"role", "roles", "job", "jobs"})


def _roles_talked(ctx: Context) -> int:
    """How many roles the conversation has talked about lately."""
    return len({e for e in ctx.recent if e[0] == "role"})


_PEOPLE_ASKED = frozenset({"who", "whos", "whose", "them", "they", "theyve"})


def _roles_compared(ctx: Context, words: list[str]) -> list[str]:
    """The roles a "which of them" weighs: those shown (a list of roles), else those of the last
    answer, else the last two (or three: "of all three") talked about."""
    shown = [e[1] for e in ctx.shown if e[0] == "role"]
    counted = [lexicon.COUNTS[w] for w in words if w in lexicon.COUNTS]
    if counted and max(counted) == len(ctx.named) != len(shown):
        return list(ctx.named)  # "X, Y, Z: what do the first two share" … "out of the three whose path is shortest": all three
    if len(shown) >= 2:
        return shown[:MAX_CHOICES]
    theirs = list(dict.fromkeys(role for _, role in reversed(ctx.people)))
    if len(theirs) >= 2 and not _PEOPLE_ASKED.isdisjoint(words):
        return theirs[:MAX_CHOICES]  # "Ravi: pre-op job … Jo: …" … "who has the shortest way?": the roles of the people spoken for
    if len(ctx.roles) >= 2:
        return list(ctx.roles)
    n = max(counted or [2])
    return list(dict.fromkeys(e[1] for e in ctx.recent if e[0] == "role"))[:n][::-1]


def _corrected_at_once(ev: Evidence, ix: Index) -> str | None:
    """A message that names one thing, then takes it back ("no wait", "i mean") and names another
    with what it asks ("the snowbird one. no wait, the clozapine one. overview pls"): the part after
    the correction alone, when the part before only named."""
    a = ev.a
    bounds = [k for k in range(len(a.words) + 1) if k in (0, len(a.words)) or a.sentence_of[k] != a.sentence_of[k - 1]]
    spans = [(lo + x, lo + y) for lo, hi in zip(bounds, bounds[1:]) for x, y in lexicon.cue("correction").spans(a.words[lo:hi])]  # (its "^" opens each sentence)
    at = next(((x, y) for x, y in spans if x > 0 and a.words[x] in ("no", "sorry", "oops", "oh") and y < len(a.words)), None)
    if at is None:
        return None
    said_before, said_after = _as_typed(a, 0, at[0]), _as_typed(a, at[1], len(a.words))
    before, after = read(said_before, ix), read(said_after, ix)
    if not (_names_something(before) and _names_something(after) and _only_names(before)):
        return None
    return said_after


def _as_typed(a: Analysis, lo: int, hi: int) -> str:
    """Words lo..hi as the member typed them (one word for each typed, however it was read)."""
    return " ".join(a.said[k] for k in range(lo, hi) if a.typed_start(k) == k)


def _names_something(ev: Evidence) -> bool:
    return bool(ev.codes or ev.role_named or "ref_one_kind" in ev.hits)


def _same_step_of(ev: Evidence, ctx: Context, ix: Index) -> str | None:
    """After a step's card, "and on the ops one?", "and for the informatics director?": the step
    in the same place of that role's pathway."""
    if ctx.intent != "certification" or ctx.thing is None or ctx.thing[0] != "cert" or not ctx.paths:
        return None
    shown_on, steps = ctx.paths[0]
    if ctx.thing not in steps:
        return None
    words = ev.a.words
    rest = [i for i, w in enumerate(words) if w not in lexicon.LEAD_FILLERS and w not in ("and", "what", "about")]
    if not rest or words[rest[0]] not in ("on", "for") or ev.codes:
        return None
    said = [w for i, w in enumerate(words) if i > rest[0]]
    if ev.hits.keys() - {"ref_one_kind", "follow_up", "continuation", "overview", "weak_overview"} or len(said) > _SAME_STEP_WORDS:
        return None  # (only the role: "and on the ops one?"; not "… for the override analyst job, which cert is the safety one")
    role = ev.role_best if ev.role_named else None
    if role is None and said[-1:] == ["one"] and said[:1] == ["the"]:
        meant = _described(" ".join(said[1:-1]), ctx, ix, "role")
        role = meant[1] if meant is not None and meant[0] == "role" else None
    place = steps.index(ctx.thing) + 1
    if role is None or role == shown_on or role not in ix.knowledge.roles or len(ix.knowledge.roles[role].pathway) < place:
        return None
    nth = next(w for w, n in lexicon.ORDINALS.items() if n == place)
    return f"the {nth} step of the {_label(('role', role), ix)} path"


_SAME_STEP_WORDS = 8  # "and on the ops one?", "and for the director of pharmacy operations?": the role, little else


def _more_of_the_page(ev: Evidence, ctx: Context, ix: Index) -> str | None:
    """"more", "go on" after a part of a role's page: the part after it in the page's order, then
    its pathway."""
    if "go_on" not in ev.hits or ctx.intent != "role" or ctx.role not in ix.knowledge.roles:
        return None
    at = SECTIONS.index(ctx.section) if ctx.section in SECTIONS else 0
    title = _label(("role", ctx.role or ""), ix)
    if at + 1 < len(SECTIONS):
        return f"the {title} {_SECTION_WORDS[SECTIONS[at + 1]]}"
    return f"how do I become the {title}"


def _part_of_the_page(ev: Evidence, ctx: Context, ix: Index) -> str | None:
    """"storage part?", "and the returns bit" after a part of a role's page: that part of its
    work (where its page says it), not a certification's topic."""
    words = [w for w in ev.a.words if w not in _LEADS_IN and w not in ("the", "that")]
    if ctx.intent != "role" or ctx.role not in ix.knowledge.roles or ev.codes or ev.role_named or len(words) < 2 or words[-1] not in lexicon.TOPIC_NOUNS:
        return None
    said = words[:-1]
    if len(said) > _PART_WORDS or any(w in lexicon.STOPWORDS or w in lexicon.TOPIC_NOUNS for w in said) or ev.hits.keys() & _ASKS_ANYTHING:
        return None
    return f"the {_label(('role', ctx.role or ''), ix)} {' '.join(said)} duties"  # (a piece of the work: its duties, not the overview's words)


_PART_WORDS = 3  # ("the state lines part": a few words name a part of the work)


def _codes_as_said(ctx: Context, ix: Index) -> list[str]:
    """The codes the last answered question named, in the order it named them."""
    if not ctx.question:
        return []
    pos = read(ctx.question, ix).a.code_pos
    return sorted(pos, key=pos.__getitem__) if len(pos) >= 2 else []


def _roles_behind_step(ctx: Context, ix: Index) -> list[Entity]:
    """The two roles weighed just before a step of one of them was shown ("… which path is shorter?"
    … "what's its first step" … "and the other one's first step?")."""
    behind = list(ctx.recent[1:3])
    role = ix.knowledge.roles.get(ctx.role or "")
    if ctx.thing is None or ctx.thing[0] != "cert" or ctx.recent[:1] != (ctx.thing,) or role is None or ctx.thing[1] not in {s.certification for s in role.pathway}:
        return []
    if len(behind) == 2 and all(e[0] == "role" for e in behind) and behind[0] == ("role", ctx.role):
        return behind
    return []


def _path_said(words: list[str], r: _Rewrite, ctx: Context, ix: Index) -> str | None:
    """"on the refinery path": the role a few words before a path noun describe, when it is
    another than the one talked about."""
    for k in range(1, len(words)):
        for m in range(k + 2, min(k + 5, len(words))):
            if words[k - 1] in _LOCATIVES and words[k] == "the" and words[m] in lexicon.PATH_NOUNS and all(w not in lexicon.STOPWORDS for w in words[k + 1 : m]):
                meant = _described(" ".join(r.tokens[k + 1 : m]), ctx, ix, "role")
                return meant[1] if meant is not None and meant[0] == "role" and meant[1] != ctx.role else None
    return None


def _other_path(ctx: Context, r: _Rewrite, words: list[str]) -> str | None:
    """The other of two roles talked about, where the message asks along its path ("on the other
    one", "of the other's path"), beside the one just answered."""
    if not any(a >= 1 and words[a - 1] in _LOCATIVES for a, _ in r.found("ref_other")):
        return None
    two = [("role", x) for x in ctx.roles] if len(ctx.roles) == 2 else list(dict.fromkeys(e for e in ctx.recent if e[0] == "role"))[:2]
    if len(two) != 2:
        return None
    pivot = ("role", ctx.role) if ("role", ctx.role) in two else two[0]  # (the one just asked along, else the last talked about)
    return next(e[1] for e in two if e != pivot)


def _last_two(ctx: Context) -> tuple[Entity, Entity] | None:
    """The two things last talked about, if they are of one kind ("CPAS", "CPFA", "diff?")."""
    if len(ctx.recent) >= 2 and ctx.recent[0][0] == ctx.recent[1][0]:
        return ctx.recent[1], ctx.recent[0]
    return None


# Refusals whose message was whole ("write it as a poem"): nothing the next message finishes.
_COMPLETE_REFUSALS = frozenset({"task_request", "injection", "clinical", "language"})

# Refusals of a question about something the knowledge holds: what it named is the subject now
# ("what's the pass rate for CTCP?" … "ok what is it then"; "write my cover letter for the TOC job" …
# "what do they do"), unless it spoke of the subject already ("do I need CPFA before it").
_TOPIC_KEPT = frozenset({"missing_fact", "clinical", "off_topic", "ambiguous", "unknown_cert"})


def _about_refused(ctx: Context, ev: Evidence, refused_of: str | None = None) -> Context:
    """The context after a refused question that named a certification or a role (``refused_of``:
    the one role its words point at, if weakly: "do i need a pharmd for the shelter job")."""
    if len(set(ev.codes)) >= 2:  # "which is better, CSPQM or CCEMS?" … "ok then what's the difference between them": those two
        shown = tuple(dict.fromkeys(("cert", c) for c in ev.codes))
        return replace(ctx, thing=shown[0], shown=shown, recent=tuple(dict.fromkeys((*shown, *ctx.recent)))[:MAX_RECENT], intent="certification", pending="")
    if ev.codes and ctx.thing != ("cert", ev.codes[0]):
        thing: Entity = ("cert", ev.codes[0])
        return replace(ctx, thing=thing, recent=tuple(dict.fromkeys((thing, *ctx.recent)))[:MAX_RECENT], intent="certification", pending="")
    role = ev.role_best if (ev.role_named or ev.subject_relaxed) and not ev.codes else refused_of if not ev.codes and ctx.empty else None  # by its title ("are hospitals hiring hospital at home pharmacists": most of it): "who won the game" describes no job
    partly = [r for sc, r in ev.roles if sc >= ROLE_RELAXED and ev.role_where.get(r)]
    if role is None and not ev.codes and len(partly) >= 2 and ev.role_where[partly[0]] - ev.role_where[partly[1]] and ev.role_where[partly[1]] - ev.role_where[partly[0]]:
        role = partly[0]  # "which is more stressful, correctional or waste manager": two roles, each half named, to choose between next
    named = tuple(sorted({r for sc, r in ev.roles if sc >= ROLE_MENTION * 0.5 and ev.role_where.get(r)} | set(ev.named_apart(role)), key=lambda r: _named_at(ev, r))) if role else ()  # (as role_contrast reads two named apart: "disaster coordinator or ops director")
    if role is not None and len(named) >= 2:  # "which pays better, X or Y" … "ok which one is more about insurance then": a choice between those two
        thing = ("role", role)
        return replace(ctx, role=role, thing=thing, roles=named, shown=(), recent=tuple(dict.fromkeys((thing, *(("role", r) for r in named), *ctx.recent)))[:MAX_RECENT], intent="role", held=ctx.held if ctx.role == role else (), pending="")
    if role is None or role == ctx.role:
        return replace(ctx, pending="")
    thing = ("role", role)
    on_its_path = not lexicon.PATH_NOUNS.isdisjoint(ev.a.words) and bool(ev.a.unknown_codes)  # "is BCOP on the tumor board liaison path?" … "ok what IS on it": its path
    return replace(ctx, role=role, thing=thing, recent=tuple(dict.fromkeys((thing, *ctx.recent)))[:MAX_RECENT], intent="pathway" if on_its_path else "role", held=ctx.held if ctx.role == role else (), pending="")


def _weighed_with(answer: Answer, resolution: Resolution, ix: Index) -> tuple[str, ...]:
    """The roles the answer about two pathways weighed its role with: of three named ("… what do
    the last two have in common?"), the one whose pathway the answer shows too."""
    others = [r for r in resolution.roles if r != answer.role and r in ix.knowledge.roles]
    shown = set(answer.certifications)
    fit = [r for r in others if {s.certification for s in ix.knowledge.roles[r].pathway} <= shown]
    return tuple(fit[:1]) if len(others) > 1 and len(fit) == 1 else resolution.roles


def advance(ctx: Context, question: str, answer: Answer, resolution: Resolution, ix: Index) -> Context:
    """The context after ``answer``: refusals leave it as it was (but remember an unanswerable follow-up)."""
    pair = tuple(dict.fromkeys((answer.role or "", *_weighed_with(answer, resolution, ix))))[:2] if answer.reason in TWO_PATHWAYS and answer.role else ()
    if len(pair) == 2 and set(pair) == set(ctx.roles):
        pair = ctx.roles  # (as they were named: "do those two share a cert?" … "second role's first step?")
    if len(pair) == 2:  # "do their paths overlap?" … "ok which one is more with patients": those two were answered about
        shared = ("cert", answer.certifications[0]) if answer.reason == "in_common" and answer.certifications else ("role", pair[0])  # "… share any cert" … "what's that one cover": the one they share, named first
        kept = ctx.role if ctx.role in pair else answer.role  # ("ops dir vs customs coord, which deals w brokers" … "do they share any cert" … "the other one's day": the one not chosen)
        told_roles = dict(resolution.told)  # "Lena wants the endoscopy job and Tom wants ops director. Do their pathways share any cert?": who wants which, for "start with Lena"
        people = (*resolution.told, *(p for p in ctx.people if p[0] not in told_roles))[:MAX_PEOPLE]
        wants = (*resolution.wants, *(p for p in ctx.wants if p[0] not in dict(resolution.wants)))[:MAX_PEOPLE]
        ev_pair = read(question, ix) if resolution.rewritten or resolution.evidence is None else resolution.evidence  # (as written: a rewrite may keep only the two compared)
        in_view = list(dict.fromkeys([*pair, *ev_pair.named_apart(pair[0])])) if all(ev_pair.role_where.get(r) for r in pair) else []
        weighed = tuple(sorted(in_view, key=lambda r: min(ev_pair.role_where.get(r) or {0}))) if len(in_view) > 2 and set(pair) <= set(in_view) else pair  # (three named, two of them compared: all three, for "the third one")
        named_apart = resolution.named or (ctx.named if set(pair) <= set(ctx.named) else ())  # (three named, two compared: "the third one" after)
        return replace(ctx, refused="", named=named_apart, role=kept, thing=shared, roles=weighed, shown=tuple(("role", r) for r in pair), recent=tuple(dict.fromkeys((*(("role", r) for r in pair), *ctx.recent)))[:MAX_RECENT], intent="role", section=None, pending="", question=resolution.question, people=people, wants=wants)
    if answer.intent in ("none", "help", "faq"):
        if answer.intent == "none" and resolution.evidence is not None:
            ctx = replace(ctx, refused="cert" if resolution.evidence.cert_nouns or resolution.evidence.codes else "role")
        if answer.intent == "none" and resolution.named:
            ctx = replace(ctx, named=resolution.named, roles=resolution.named)  # "X, Y, Z — does CVS hire for any of these?" refused … "ok which of the three starts earliest": those three
        if answer.intent == "none" and len(resolution.told) >= 2:  # "two techs want the register lead job, only one opening. Wren …, Ola …. which one should i pick" refused: who wants what stays for "Wren's first cert then?"
            ctx = replace(ctx, people=(*resolution.told, *(p for p in ctx.people if p[0] not in dict(resolution.told)))[:MAX_PEOPLE], wants=(*resolution.wants, *(p for p in ctx.wants if p[0] not in dict(resolution.wants)))[:MAX_PEOPLE])
        told = _about_self(resolution.evidence) if answer.intent == "none" and resolution.evidence is not None else ""
        if told:  # "i'm a pharmacy tech lead, been doing purchasing … which roles here would fit me?" refused: what they told still tailors a pathway asked later
            ctx = replace(ctx, focus=told)
        if answer.intent == "none" and answer.reason == "unknown_role" and resolution.evidence is not None and outside_goal(resolution.evidence, ix)[0]:
            return replace(ctx, intent="pathway", pending=_WAY_ASKED)  # "my tech wants to go into nursing instead, what's the path" … "for the store manager": the way there, not nursing again
        cold_fact = answer.reason == "missing_fact" and resolution.referred and ctx.empty and resolution.evidence is not None and not (resolution.evidence.codes or resolution.evidence.role_named) and sole_candidate(resolution.evidence, ix) is None  # "do they work weekends" with nothing before … "the rapid response pharm i mean"
        if answer.intent == "none" and (resolution.referred or _asks_a_step(question) or _only_a_part(resolution.evidence)) and (answer.reason in ("needs_context", "off_topic", "unknown_role") or cold_fact) and answer.stage not in _COMPLETE_REFUSALS:
            return replace(ctx, pending=question)  # ("what's step 3" … "on the infusion manager path": finished by the next message)
        way_refused = answer.reason in ("unknown_role", "unknown_cert") and resolution.evidence is not None and resolution.evidence.pathway_cue and not resolution.rewritten and not (resolution.evidence.role_named or resolution.evidence.subject_relaxed or resolution.evidence.codes)
        moved = resolution.evidence is not None and resolution.evidence.role_named and not resolution.evidence.codes and resolution.evidence.role_best not in (None, ctx.role) and not resolution.rewritten and _PRONOUNS.isdisjoint(resolution.evidence.a.words) and bool(_ELLIPSIS.match(" ".join(resolution.evidence.a.words)))  # "… the ops director job … remote" refused, "what about the infusion chair analyst, remote ok?" refused of the analyst
        if answer.intent == "none" and answer.reason in _TOPIC_KEPT and resolution.evidence is not None and (not resolution.rewritten or ctx.pending) and not (resolution.referred and ctx.thing and not moved) and not way_refused:
            return _about_refused(ctx, resolution.evidence, sole_candidate(resolution.evidence, ix) if answer.reason == "missing_fact" else None)  # (a fact asked of a job: not a clinical aside or chit-chat that happens to share a word with a title)
        if answer.intent == "none" and way_refused:
            return replace(ctx, intent="pathway", pending="")  # "how do i become a nurse practitioner" (or "a CRNA") … "ok what about the prep coordinator": how to become that
        return replace(ctx, pending="")
    recent = list(ctx.recent)
    role, thing, shown, held, section, focus = ctx.role, ctx.thing, ctx.shown, ctx.held, None, ctx.focus
    named_roles = resolution.roles
    ev_named = resolution.evidence
    if ev_named is not None and ev_named.subject_named and ev_named.subject_role is not None:
        apart = [ev_named.subject_role, *ev_named.named_apart(ev_named.subject_role)]
        if len(apart) >= 2 and len(apart) > len(named_roles):  # "shortlisted three jobs: ops director, benchmarking analyst, falls prevention consultant. is CPSCM on all of them?": those three, for "which of the three …"
            named_roles = tuple(sorted(apart, key=lambda r: _named_at(ev_named, r)))
    intent = answer.intent
    if answer.intent == "certification" and answer.certifications:
        thing = ("cert", answer.certifications[0])
        if len(answer.certifications) > 1:
            shown = tuple(("cert", c) for c in answer.certifications)
        owners = ix.knowledge.roles_with_certification(thing[1])
        asked = {thing[1], *(resolution.evidence.codes if resolution.evidence is not None else ())}
        together = [r.id for r in owners if asked <= {s.certification for s in r.pathway}]
        named_owner = [r.id for r in owners if resolution.evidence is not None and (resolution.evidence.role_named or resolution.evidence.subject_relaxed) and r.id == resolution.evidence.role_best]
        others = [r.id for r in owners if r.id != ctx.role]
        if len(owners) == 1 and (role is None or "asks_who" in resolution.signals):
            role = owners[0].id  # "which job is that for": the one role whose pathway has it
        elif len(others) == 1 and ctx.role is not None and _on_other_paths([_plain(t) for t in question.split()]):
            role = others[0]  # "is CMSO on any other role's path?" … "what's that role's day like": the other one
        elif named_owner and not (role in {r.id for r in owners} and role in resolution.roles):  # (two named, the one talked about among them: "do they share any cert" keeps it)
            role = named_owner[0]  # "is that the one the disaster prep person needs too?" … "show me that person's whole path"
        elif len(asked) > 1 and len(together) == 1 and role is None:
            role = together[0]  # "what's after CRPMP" (CPSCM): the one pathway with both, whose next step "and after that" asks
        elif (aim := dict((*ctx.people, *resolution.told)).get(resolution.person)) and any(r.id == aim for r in owners):
            role = aim  # "back to priya, whats her second step": her pathway is talked about now
        on_path = resolution.path or (resolution.evidence.subject_role if resolution.evidence is not None and answer.stage == "nth_step" else None) or ""
        if on_path in ix.knowledge.roles:
            role = on_path  # "whats the first cert on their path" … "and the last one", "and for the ops director?": along a pathway
            shown = tuple(("cert", s.certification) for s in ix.knowledge.roles[on_path].pathway)
            intent = "pathway"
            if ("role", on_path) not in recent:
                recent.insert(0, ("role", on_path))  # ("first cert on the locum manager path?" … "which of the two paths is shorter": its role was talked about)
        recent[0:0] = [("role", r) for r in resolution.roles[:1] if r in ix.knowledge.roles]  # (a role named with it is talked about too: "same for the ECMO coordinator: first step?" … "which of the two paths is shorter")
        recent.insert(0, thing)
    elif answer.intent == "role" and answer.role:
        role, thing, section = answer.role, ("role", answer.role), answer.section
        recent.insert(0, thing)
        compared = _in_order_named(resolution)
        if len(compared) < 2 and answer.stage == "role_contrast":
            compared = _in_order_compared(resolution)  # "torn between hazardous drug coordinator and that drug pricing analyst job": a title half written counts in a choice
        if len(compared) < 2 and resolution.referred and answer.role in ctx.roles and len(ctx.roles) >= 2 and "chose" in resolution.signals:
            compared = list(ctx.roles)  # "ok then which one deals with damaged shipments" … "and which builds drug spend reports": still those two
        if len(compared) >= 2:
            shown = tuple(("role", r) for r in compared)  # "the difference between X and Y" … "the second one's certs?": Y
            named_roles = tuple(compared)
            recent[1:1] = [("role", r) for r in compared if r != answer.role]  # the one not chosen is talked about too ("show me its path" … "and the other one's day?")
    elif answer.intent == "pathway" and answer.role:
        named = answer.focus is not None and not answer.focus_words  # "why is CHPOP on that path": about CHPOP, not a new list
        shown = ctx.shown if named and ctx.shown else tuple(("cert", c) for c in answer.certifications)
        thing = ("cert", answer.focus) if named and answer.focus else shown[0] if shown else ("role", answer.role)
        if _whose_card(ctx, question) and ctx.thing in shown:
            if shown != ctx.shown:  # (not the two cards kept from before: "the other cert, whose?" still chooses between them)
                shown = tuple(("cert", s.certification) for s in ix.knowledge.roles[answer.role].pathway if ("cert", s.certification) in shown)
            thing = ctx.thing  # "CVAXP?" … "whose path?" … "and after that": after the card asked about, along the pathway it is on, in the page's order ("first one?": the page's first)
        denied = _denied(read(question, ix)) if ctx.held else set()  # ("correction: she doesn't have CMSO, it's CPOM she has": CMSO is no longer held)
        another = bool(resolution.person) and bool(ctx.people) and ctx.people[0][0] != resolution.person and not _noun(resolution.person)  # ("Rue's first step" after Sal's way: what Sal holds is not Rue's)
        held = tuple(dict.fromkeys([c for c in ctx.held if c not in denied] + list(answer.held))) if ctx.role == answer.role and not another else answer.held
        disliked = f"not into {' '.join(answer.later_words)}" if answer.later_words else ""  # ("… insurance stuff stresses me out" … "ok and for the app support specialist, same dislike?": still last there)
        focus = " ".join(w for w in (" ".join(answer.focus_words), disliked) if w) or focus  # (what the member said of themselves holds for the next role too: "back to the ems one, the first one there for me")
        role = answer.role
        recent.insert(0, ("role", answer.role))
        compared = _in_order_named(resolution) if answer.stage == "path_length" else []
        if len(compared) >= 2 and len(compared) >= len(named_roles):  # "which of the two needs fewer certs" … "the 2nd role's first step?": both weighed, as named (three, when three were named apart)
            named_roles = tuple(compared)
            recent[1:1] = [("role", r) for r in compared if r != answer.role]
    elif answer.intent == "list_certifications":
        shown = tuple(("cert", c) for c in answer.certifications)
        role = answer.role or role
    elif answer.intent == "list_roles":
        shown = tuple(("role", r) for r in answer.listed)
    lists = ctx.lists
    if answer.intent in ("list_roles", "list_certifications") and shown:
        lists = (shown, *(lst for lst in ctx.lists if lst[0][0] != shown[0][0]))
    if answer.intent in ("role", "list_roles", "list_certifications") and resolution.evidence is not None:
        focus = _about_self(resolution.evidence) or focus  # "I've been precepting for six years …", "… on our med safety committee. what roles could i look at": for a pathway asked next
    people = ctx.people
    for who, aim in resolution.told:  # "Priya wants to be an RPD, Marcus wants …": each with their role
        people = ((who, aim), *(p for p in people if p[0] != who))
    if resolution.person and answer.intent in ("role", "pathway") and answer.role:
        people = ((resolution.person, answer.role), *(p for p in people if p[0] != resolution.person))
    people = people[:MAX_PEOPLE]
    wants = (*resolution.wants, *(p for p in ctx.wants if p[0] not in dict(resolution.wants)))[:MAX_PEOPLE]
    paths = ctx.paths
    if answer.intent == "pathway" and answer.role and shown and shown[0][0] == "cert":
        keys = {answer.role, *([f"@{resolution.person}"] if resolution.person else [])}  # (two people after one job: each their own order)
        paths = (*((k, shown) for k in sorted(keys)), *(p for p in paths if p[0] not in keys))[: 2 * MAX_PEOPLE]
    asked_of = (answer.intent, section) if resolution.person and answer.intent in ("role", "pathway") and answer.role else ctx.asked_of
    pronouns = ctx.pronouns
    said = _pronoun_of(tuple(_plain(t) for t in question.split())) if resolution.person and not resolution.told else ""
    if said:
        pronouns = ((resolution.person, said), *(p for p in pronouns if p[0] != resolution.person))[:MAX_PEOPLE]
    for person, told_of in resolution.wants if resolution.told else ():
        if (of_them := _pronoun_of(words_of(told_of))) and person not in dict(pronouns):
            pronouns = ((person, of_them), *pronouns)[:MAX_PEOPLE]  # "Kofi wants …, he's the one always fixing …": Kofi is "he"
    if "versus" in resolution.signals and answer.role in resolution.roles:
        named_roles = resolution.roles
        recent[1:1] = [("role", r) for r in resolution.roles if r != answer.role]  # (the one it was set against is talked about too)
        if answer.intent == "role":
            shown = tuple(("role", r) for r in resolution.roles)  # ("… and the other one's path?")
    if len(ctx.roles) >= 2 and (set(named_roles) == set(ctx.roles) or ("by_ordinal" in resolution.signals and set(named_roles) <= set(ctx.roles))):
        named_roles = ctx.roles  # "do those two share a cert?", "the 2nd role's first step?" … "and the first one's?": still the roles as they were named
    named_apart = resolution.named or (ctx.named if set(named_roles) <= set(ctx.named) and (role is None or role in ctx.named) else ())  # (kept while talk stays among them)
    return Context(
        role=role,
        thing=thing,
        shown=shown,
        recent=tuple(dict.fromkeys(recent))[:MAX_RECENT],
        roles=named_roles,
        held=held,
        focus=focus,
        intent=intent,
        section=section,
        pending="",
        question=resolution.question,
        by_topic=(answer.stage == "cert_by_topic" or "by_topic" in resolution.signals) and answer.intent == "certification",
        lists=lists,
        people=people,
        wants=wants,
        pronouns=pronouns,
        paths=paths,
        asked_of=asked_of,
        named=named_apart,
        called=_called_now(question, answer, resolution, ctx),
    )


def _called_now(question: str, answer: Answer, resolution: Resolution, ctx: Context) -> tuple[tuple[str, Entity], ...]:
    """What the member has called things so far, newest first: each "the <words> one" read this
    turn, or said of the one role answered ("tell me about the cold storage one")."""
    said = list(resolution.called)
    if not said and answer.role and answer.intent in ("role", "pathway"):
        said = [(m.group(1), ("role", answer.role)) for m in _THE_WORDS_ONE.finditer(question.lower()) if _describing(m.group(1))][:1]
    return (*said, *(c for c in ctx.called if c[0] not in dict(said)))[:MAX_CALLED]


def _describing(words: str) -> bool:
    """Words that describe a thing ("cold storage"), not its place or order ("first", "other")."""
    return any(w not in lexicon.STOPWORDS and w not in lexicon.ORDINALS and w not in lexicon.COUNTS and w not in _PLACE_WORDS for w in words_of(words))


_PLACE_WORDS = frozenset({"other", "last", "next", "previous", "same", "new", "middle", "latter", "former"})
_THE_WORDS_ONE = re.compile(r"\bthe ((?:[a-z0-9&'-]+ ){1,3}?)one\b")


def _named_at(ev: Evidence, rid: str) -> tuple[int, int]:
    """Where a role's name begins, the run of its words that holds a word only it has ("bronch
    coordinator, med guide lead, slotting coordinator" names the slotting coordinator third,
    whatever "coordinator" it shares); of two named at once, the longer name first."""
    mine = ev.role_where.get(rid) or frozenset({0})
    others = {i for r, w in ev.role_where.items() if r != rid for i in w}
    start = min(mine - others or mine)
    while start - 1 in mine:
        start -= 1
    return (start, -len(mine))


def _in_order_compared(resolution: Resolution) -> list[str]:
    """The roles a choice between roles named, each by words of its own, in the order it named them."""
    ev = resolution.evidence
    if ev is None or ev.subject_role is None:
        return []
    mine = ev.role_where.get(ev.subject_role, frozenset())
    apart = [r for sc, r in ev.roles if sc >= ROLE_MENTION * 0.5 and r != ev.subject_role and ev.role_where.get(r, frozenset()) - mine]
    return sorted([ev.subject_role, *apart], key=lambda r: _named_at(ev, r))


def _in_order_named(resolution: Resolution) -> list[str]:
    """The roles a question named, in the order it named them."""
    ev = resolution.evidence
    if ev is None:
        return []
    if "by_ordinal" in resolution.signals and len(resolution.roles) >= 2:
        return list(resolution.roles)  # ("… TOC manager. overview of the first one?": as the message named them)
    return sorted((r for r in resolution.roles if ev.role_where.get(r)), key=lambda r: _named_at(ev, r))


def _about_self(ev: Evidence) -> str:
    """The sentences in which the member says what they do or like."""
    a = ev.a
    spans = lexicon.cue("self_describe").spans(a.words)
    sentences = {a.sentence_of[start] for start, _ in spans}
    return " ".join(w for i, w in enumerate(a.said) if a.sentence_of[i] in sentences and (i == 0 or a.said[i] != a.said[i - 1]))
