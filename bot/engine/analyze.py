"""Read one question into the signals the matcher decides from.

Codes are found first (exact, or a swapped letter pair) and protected; the rest of the words
are spell-corrected against the knowledge's own vocabulary and mapped through the moderators'
synonyms. Nothing here decides intent: it only measures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.engine import lexicon
from bot.engine.index import Index
from bot.engine.normalize import clean, stem, tokenize

CODE_MARK = "certcode"
_UPPER = re.compile(r"[A-Z]")
_LETTER = re.compile(r"[A-Za-z]")
_LOCATIVE = frozenset({"at", "in", "within", "across", "inside"})
_DETERMINERS = frozenset({"my", "our", "a", "an", "the", "this", "their", "his", "her", "big", "small", "large"})


@dataclass
class Analysis:
    question: str
    text: str  # corrected, expanded words joined by spaces (codes as "certcode")
    words: list[str]
    stems: list[str]  # content stems in order
    codes: list[str] = field(default_factory=list)  # known codes, in order of mention
    code_pos: dict[str, int] = field(default_factory=dict)
    unknown_codes: list[str] = field(default_factory=list)
    arrow: bool = False
    setting: set[str] = field(default_factory=set)  # stems that only describe where the member works
    negated: set[str] = field(default_factory=set)  # stems right after "not"/"no"
    unwanted: set[str] = field(default_factory=set)  # stems said only in a "don't care about …" clause
    alias_hits: list | None = None  # filled once by the matcher
    cue_text: str = ""  # ``text`` with the words of named role titles masked (set by the matcher)
    said: list[str] = field(default_factory=list)  # per word: what the member typed before synonyms

    @property
    def stem_set(self) -> set[str]:
        return set(self.stems)


def analyze(question: str, ix: Index) -> Analysis:
    cleaned = clean(question)
    tokens = tokenize(cleaned)
    if len(tokens) >= 3 and len(_UPPER.findall(cleaned)) > 0.7 * len(_LETTER.findall(cleaned)):
        tokens = [t._replace(code_like=False) for t in tokens]  # SHOUTING: capitals say nothing about codes
    words: list[str] = []
    codes: list[str] = []
    unknown: list[str] = []
    skip_compound = ""
    for t in tokens:
        if t.compound and t.compound == skip_compound:
            continue
        head, _, tail = t.compound.partition("-")
        if t.compound and t.word == head and tail and ix.codes.get(head) and t.compound not in ix.codes:
            unknown.append(t.compound.upper())  # "cpxl-2" is not CPXL
            skip_compound = t.compound
            continue
        code = ix.code_for(t.word, t.code_like)
        if code:
            words.append("#" + code)
            if code not in codes:
                codes.append(code)
        else:
            if t.code_like and t.word not in ix.known_words and t.word not in ix.aliases_words:
                unknown.append(t.word.upper())
            parts = None if t.code_like else ix.split_joined(t.word)
            words.extend(parts if parts else [ix.correct(t.word)])
    words = [lexicon.SLANG.get(w, w) for w in words]
    pairs = ix.expand_pairs(words)
    words = [w for w, _ in pairs]
    code_pos = {w[1:]: i for i, w in reversed(list(enumerate(words))) if w.startswith("#")}
    plain = [CODE_MARK if w.startswith("#") else w for w in words]
    stems: list[str] = []
    setting: set[str] = set()
    negated: set[str] = set()
    has_setting = not _LOCATIVE.isdisjoint(plain)
    has_negation = not lexicon.NEGATIONS.isdisjoint(plain)
    for i, w in enumerate(plain):
        if w == CODE_MARK or w in lexicon.STOPWORDS or w.isdigit():
            continue
        s = stem(w)
        stems.append(s)
        if has_setting:
            _mark_setting(i, s, plain, pairs, setting)
        if has_negation:
            _mark_negated(i, s, plain, negated)
    return Analysis(
        question=question,
        unwanted=_unwanted(cleaned, ix, stems),
        text=" ".join(plain),
        words=plain,
        stems=stems,
        codes=codes,
        code_pos=code_pos,
        unknown_codes=unknown,
        arrow="->" in question or "→" in question,
        said=[o for _, o in pairs],
        setting=setting,
        negated=negated,
    )


def _mark_setting(i: int, s: str, plain: list[str], pairs: list[tuple[str, str]], setting: set[str]) -> None:
    """"at my hospital": words after a place preposition say where, not what."""
    j = i - 1
    while j >= 0 and pairs[j][1] == pairs[i][1] and pairs[j][1] != plain[i]:
        j -= 1  # "ops" expanded to "ops operations": look before the member's word
    while j >= 0 and plain[j] in _DETERMINERS:
        j -= 1
    if j >= 0 and j < i and plain[j] in _LOCATIVE:
        setting.add(s)


_NEGATED_CLAUSE = re.compile(
    r"\b(?:not|no|never|don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|won'?t|without)\b"
    r"(?!\s+(?:sure|idea|clue|know|certain|yet|problem|worries|matter|longer)\b)((?:(?!\bbut\b)[^,.;:!?()])*)",
    re.I,
)


def _unwanted(cleaned: str, ix: Index, stems: list[str]) -> set[str]:
    """Stems the member only mentions to rule out ("I don't care about the specialty side")."""
    said_no: list[str] = []
    for m in _NEGATED_CLAUSE.finditer(cleaned):
        words = ix.expand([t.word for t in tokenize(m.group(1))])
        said_no += [stem(w) for w in words if w not in lexicon.STOPWORDS]
    return {s for s in said_no if stems.count(s) <= said_no.count(s)}


def _mark_negated(i: int, s: str, plain: list[str], negated: set[str]) -> None:
    """"not ops", "not a safety officer": the member rules this phrase out."""
    k = i - 1
    while k >= 0 and i - k <= 3 and plain[k] not in lexicon.NEGATIONS and (plain[k] in _DETERMINERS or plain[k] not in lexicon.STOPWORDS):
        k -= 1
    if k >= 0 and plain[k] in lexicon.NEGATIONS:
        negated.add(s)


def held_codes(a: Analysis) -> list[str]:
    """Codes the member says they already have ("I already have CPOM", "got CMSO last year",
    "I have CHPOP from my ops days and also CPPGA")."""
    held: list[str] = []
    last_held = -99
    for code, pos in sorted(a.code_pos.items(), key=lambda kv: kv[1]):
        between = a.words[last_held + 1 : pos]
        if pos - last_held <= 8 and any(w in ("and", "also", "plus", "both") for w in between) and not any(w in lexicon.NOT_HELD_CUES for w in between):
            held.append(code)  # listed right after a held one
            last_held = pos
            continue
        before = a.words[max(0, pos - 4) : pos]
        after = a.words[pos + 1 : pos + 3]
        if any(w in lexicon.NOT_HELD_CUES for w in before[-2:]):
            continue
        if any(w in lexicon.HELD_CUES for w in before) or "already" in after or re.match(r"(certified|holder)", " ".join(after)):
            held.append(code)
            last_held = pos
    return held


_CUE_STEMS: frozenset[str] | None = None


def cue_stems() -> frozenset[str]:
    """Stems of the words that say *how* something is asked; never topical evidence."""
    global _CUE_STEMS
    if _CUE_STEMS is None:
        patterns = (lexicon.HELP_PATTERNS, lexicon.LIST_PATTERNS, lexicon.PATHWAY_PATTERNS, lexicon.CERT_SEEK_PATTERNS, *lexicon.SECTION_PATTERNS.values())
        words = {w for rx in patterns for w in _single_words(rx.pattern)} | lexicon.CERT_NOUNS | lexicon.ROLE_NOUNS | {
            "first", "order", "next", "realistic", "advice", "suggest", "recommend", "look", "like", "step", "line", "council",
            "wise", "which", "long", "term", "career", "love", "thing", "aiming", "become", "becoming", "want", "trying", "move",
            "specifically", "worth", "deal", "again", "forgot", "rundown", "summary", "slide", "cover", "covers", "involve",
            "charge", "responsible", "person", "someone", "whoever",
        }
        _CUE_STEMS = frozenset(stem(w) for w in words)
    return _CUE_STEMS


def _single_words(pattern: str) -> set[str]:
    """One-word alternatives of a cue pattern ("pathway", "daily"); the words of phrases such as
    "staffing schedule look" stay topical."""
    alternatives = re.split(r"[|()]", pattern.replace("\\b", ""))
    return {a.strip().strip("?") for a in alternatives if re.fullmatch(r"[a-z]{4,}\??", a.strip())}
