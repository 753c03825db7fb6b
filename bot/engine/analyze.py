"""Read one question into words: the first, purely linguistic step of the evidence.

Codes are found first (exact, or a swapped letter pair) and protected; the rest of the words
are spell-corrected against the knowledge's own vocabulary and mapped through the moderators'
synonyms. Nothing here decides intent: it only measures, and the result never changes.
"""

from __future__ import annotations

import itertools
import re
from functools import cached_property
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Mapping, Sequence

from bot.engine import english, lexicon
from bot.engine.index import CLIPPED_ENGLISH, CLIPPED_MORE, Index
from bot.engine.normalize import MAX_TOKENS, Token, clean, stem, tokenize
from bot.engine.phrases import CODE_MARK

_UPPER = re.compile(r"[A-Z]")
_LETTER = re.compile(r"[A-Za-z]")

ALIAS_COMBOS = 64  # readings tried per alias start ("sup": supervisor, supply, support)
SHOUTED_WORD = 50_000  # an English word this common, in capitals, is emphasis ("LOVED"), not a code ("ACE")
AliasHit = tuple[int, int, tuple[str, str]]  # (first word, number of words, (kind, id))


@dataclass(frozen=True)
class Analysis:
    question: str
    text: str  # corrected, expanded words joined by spaces (codes as CODE_MARK)
    words: tuple[str, ...]
    word_stems: tuple[str, ...]  # the stem of every word, position for position
    stems: tuple[str, ...]  # content stems in order (no stopwords, codes or numbers)
    said: tuple[str, ...]  # per word: what the member typed before synonyms
    codes: tuple[str, ...]  # known codes, in order of mention
    code_pos: Mapping[str, int]  # code -> position of its first mention
    unknown_codes: tuple[str, ...]
    arrow: bool  # "staff pharmacist -> ops director"
    setting: frozenset[str]  # stems that only describe where the member works
    negated: frozenset[str]  # stems right after "not"/"no"
    unwanted: frozenset[str]  # stems said only in a "don't care about …" clause
    disliked: frozenset[str]  # those of them the member would rather not do ("i hate toxicology", "not into hospital work"), not only lacks ("never led a team")
    kin: frozenset[str]  # stems of people the member knows ("my techs", "one of my preceptors"): not what is asked about
    alias_hits: tuple[AliasHit, ...]  # aliases, titles and certification names written out, longest first
    sentence_of: tuple[int, ...]  # per word: which sentence of the message it is in (0, 1, …)
    asking: frozenset[int] = frozenset()  # sentences that ask: all but those that tell about the member ("I have read about CMSO."); empty: all of them
    questioned: frozenset[int] = frozenset()  # sentences that end with a question mark, when some but not all do ("… AI will take over analytics. Is the job safe from AI?")

    @property
    def stem_set(self) -> frozenset[str]:
        return frozenset(self.stems)

    def asks(self, i: int) -> bool:
        """Word i is in a sentence that asks (every sentence does when none is told apart)."""
        return not self.asking or self.sentence_of[i] in self.asking

    @cached_property
    def workplace(self) -> frozenset[str]:
        """Stems of a workplace named whole ("at a lil critical access hospital", "i'm a hospital
        staff pharmacist"): what tailoring weighs as little as a setting word (worked out only
        when a pathway is tailored)."""
        at = _own_job_places(self.words) | _my_job_words(self.words) | (set() if lexicon.LOCATIVES.isdisjoint(self.words) else _named_places(self.words))
        return frozenset(self.word_stems[i] for i in at)

    def in_own_words(self, known: Mapping[str, object]) -> "Analysis":
        """The question without the synonyms read from a word that ``known`` (a posting list)
        already has as typed: "recalls" read also as "inventory" matches a certification about
        recalls by "recall" alone, and "wholesalers" a page that says "wholesalers"."""
        drop: set[str] = set()
        for i, w in enumerate(self.words):
            typed = self.said[i]
            if " " in typed or w == typed or self.word_stems[i] == stem(typed) or w[:1] == typed[:1]:
                continue  # (a word spelt out, "tech" read "technician", is the member's word all the same)
            if stem(typed) in known:
                drop.add(self.word_stems[i])
        if not drop:
            return self
        typed_stems = {stem(t) for t in self.said if " " not in t}
        return replace(self, stems=tuple(st for st in self.stems if st not in drop or st in typed_stems))

    def typed_group(self, i: int) -> range:
        """The positions of every word read from the word typed at ``i`` ("tech" is read "tech technician technology")."""
        return range(self.typed_start(i), self.typed_end(i))

    def typed_start(self, i: int) -> int:
        """The first word read from the word typed at ``i`` ("ops" is read "ops operations")."""
        while i > 0 and self.said[i - 1] == self.said[i]:
            i -= 1
        return i

    @cached_property
    def spellings(self) -> frozenset[str]:
        """Stems of words typed short that the vocabulary reads as others too ("techs" read
        "technicians"): the reading carries the meaning, and the short form, rare in pages, would
        weigh as if it said more."""
        as_typed = [w == self.said[i] and i == self.typed_start(i) and self.typed_end(i) - i > 1 for i, w in enumerate(self.words)]
        short = {st for st, typed in zip(self.word_stems, as_typed) if typed}
        return frozenset(short.difference(st for st, typed in zip(self.word_stems, as_typed) if not typed))

    def typed_end(self, i: int) -> int:
        """One past the last word read from the word typed at ``i``."""
        j = i + 1
        while j < len(self.words) and self.said[j] == self.said[i]:
            j += 1
        return j


_SENTENCE_END = re.compile(r"(?<=[.?!;:])\s+|(?<=[.?!;:]['\")])\s+|[?!;]+(?=\S)|\s+[-–—•▪◦]+\s+|\s*(?:->|→)\s*")  # a spaced dash, a bullet, an arrow or "quick one:" ends a clause too


TELLING_REACH = 4  # "all day i work …": the first person within the sentence's first words


def tells(opening: list[str] | tuple[str, ...]) -> bool:
    """A sentence that opens like one that tells about the member ("I have read about CMSO.",
    "all day i work the reject queue.")."""
    return opening[0] in lexicon.TELLING_STARTS or (opening[0] in lexicon.TELLING_LEADS and not lexicon.TELLING_PERSONS.isdisjoint(opening[1:]))


def _names_joined(words: list[str], ix: Index) -> list[str]:
    """Two words typed for one word of a name ("the IV work flow systems specialist")."""
    out: list[str] = []
    k = 0
    while k < len(words):
        joined = ix.joined_name(words[k], words[k + 1]) if k + 1 < len(words) else None
        out.append(joined or words[k])
        k += 2 if joined else 1
    return out


_VAGUE_ENDS = frozenset({"something", "smth", "sth", "whatever", "whatsit", "thing", "blah", "etc", "xx", "xxx"})  # "CID-something": the rest of a code not remembered


def _code_begun(head: str, tail: str, ix: Index) -> str | None:
    """The code a member began and left vague ("CID-something", "CPL-whatever"), when exactly one
    code the knowledge holds starts with those letters."""
    if tail not in _VAGUE_ENDS or len(head) < 3 or not head.isalpha():
        return None
    found = {code for lower, code in ix.codes.items() if lower.startswith(head) and lower != head}
    return found.pop() if len(found) == 1 else None


def analyze(question: str, ix: Index) -> Analysis:
    cleaned = clean(question)
    tokens: list[tuple[int, Token]] = []  # (sentence, token)
    asking: set[int] = set()
    questioned: set[int] = set()
    for si, sentence in enumerate(_SENTENCE_END.split(cleaned)):
        first = len(tokens)
        tokens.extend((si, t) for t in tokenize(sentence, limit=MAX_TOKENS - len(tokens)))
        told = len(tokens) > first and tells([t.word for _, t in tokens[first : first + TELLING_REACH]]) and not sentence.rstrip().endswith("?")
        if not told:
            asking.add(si)
        if sentence.rstrip().endswith("?") and len(tokens) > first:
            questioned.add(si)
        if len(tokens) >= MAX_TOKENS:
            break
    if len(tokens) >= 3 and len(_UPPER.findall(cleaned)) > 0.7 * len(_LETTER.findall(cleaned)):
        tokens = [(si, t._replace(code_like=False)) for si, t in tokens]  # SHOUTING: capitals say nothing about codes
    by_sentence: dict[int, list[str]] = {}
    codes: list[str] = []
    unknown: list[str] = []
    skip_compound = ""
    skip_to = 0
    for k, (si, t) in enumerate(tokens):
        words = by_sentence.setdefault(si, [])
        if k < skip_to or (t.compound and t.compound == skip_compound):
            continue
        spaced = _spaced_code(tokens, k, ix)
        if spaced:  # "C 340 B": a code typed with spaces between its parts
            whole, skip_to = spaced
            words.append("#" + whole)
            if whole not in codes:
                codes.append(whole)
            continue
        head, _, tail = t.compound.partition("-")
        joined = ix.codes.get(t.compound.replace("-", "")) if t.compound and len(head) == 1 else None
        if joined:  # "c-paqp", "C-340A": the code with a hyphen after its first letter
            words.append("#" + joined)
            if joined not in codes:
                codes.append(joined)
            skip_compound = t.compound
            continue
        begun = _code_begun(*t.word.partition("-")[::2], ix) if t.code_like else _code_begun(head, tail, ix) if t.compound and t.word == head else None
        if begun:  # "a cert starting with CID-something": the one code that starts so
            words.append("#" + begun)
            if begun not in codes:
                codes.append(begun)
            skip_compound = t.compound
            continue
        if t.compound and t.word == head and tail and ix.codes.get(head) and t.compound not in ix.codes:
            unknown.append(t.compound.upper())  # "cpxl-2" is not CPXL
            skip_compound = t.compound
            continue
        if t.code_like and t.word in ix.text_compounds:
            words.extend(t.word.split("-"))  # "CAR-T", as a page writes it: its words, no code
            continue
        code = ix.code_for(t.word, t.code_like)
        if code:
            words.append("#" + code)
            if code not in codes:
                codes.append(code)
        else:
            if t.code_like and t.word not in ix.known_words and t.word not in ix.aliases_words and english.count(t.word) < SHOUTED_WORD:
                unknown.append(t.word.upper())  # "i LOVED it": a common word in capitals is said louder, not a code ("ACE" may be one)
                words.append(t.word)  # ("the CSDEC certification": a code no one has, not a misspelt "sdec")
                continue
            parts = None if t.code_like else ix.split_joined(t.word)
            words.extend(parts if parts else [_corrected(t.word, k, tokens, ix)])
    pairs: list[tuple[str, str]] = []
    sentence_of: list[int] = []
    for si, words in by_sentence.items():
        words = _names_joined(words, ix)
        read = [_read_back(words, i, ix) for i in range(len(words))]
        read = [(ix.between_names(read[i - 1], w, read[i + 1]) or w) if 0 < i < len(read) - 1 else w for i, w in enumerate(read)]
        names = [not ix.name_words.isdisjoint(ix.expand([w])) for w in read]  # once per word, not once per neighbour
        beside_names = {i for i in range(len(read)) if any(0 <= j < len(read) and names[j] for j in (i - 1, i + 1))}
        expanded = []
        for word, said in ix.expand_pairs(read):
            expanded.append((word, said))
            if said in read and read.index(said) in beside_names:  # "tech sup": supervisor or supply, the title decides ("sup" alone greets)
                expanded.extend((full, said) for full in ix.clipped(word))
        pairs.extend(expanded)
        sentence_of.extend([si] * len(expanded))
    words = [w for w, _ in pairs]
    code_pos = {w[1:]: i for i, w in reversed(list(enumerate(words))) if w.startswith("#")}
    plain = [CODE_MARK if w.startswith("#") else w for w in words]
    stems: list[str] = []
    setting: set[str] = set()
    negated: set[str] = set()
    has_setting = not lexicon.LOCATIVES.isdisjoint(plain)
    has_negation = not lexicon.NEGATIONS.isdisjoint(plain)
    answer_no = _INTERJECTED_NO.match(cleaned)  # "sorry no, the residency director": an answer, not a negation
    ignore = {plain.index("no")} if answer_no and "no" in plain else set()
    ignore |= {k for k, w in enumerate(plain) if w == "than" and _compares(plain[:k])}  # "more stressful than running a telepharmacy network": compared, not ruled out
    for i, w in enumerate(plain):
        if w == CODE_MARK or w in lexicon.STOPWORDS or w.isdigit():
            continue
        s = stem(w)
        stems.append(s)
        if has_setting:
            _mark_setting(i, s, plain, pairs, setting)
        if has_negation:
            _mark_negated(i, s, plain, negated, ignore)
    unwanted, disliked = _unwanted(cleaned, ix, stems)
    return Analysis(
        question=question,
        text=" ".join(plain),
        words=tuple(plain),
        word_stems=tuple(stem(w) for w in plain),
        stems=tuple(stems),
        said=tuple(o for _, o in pairs),
        codes=tuple(codes),
        code_pos=MappingProxyType(code_pos),
        unknown_codes=tuple(unknown),
        arrow=_arrow_to_a_job(question, ix),
        setting=frozenset(setting),
        negated=frozenset(negated),
        unwanted=unwanted,
        disliked=disliked,
        kin=_kin(plain, pairs),
        alias_hits=_alias_hits(plain, [o for _, o in pairs], ix),
        sentence_of=tuple(sentence_of),
        asking=frozenset(asking) if len(asking) < len(set(sentence_of)) else frozenset(),
        questioned=frozenset(questioned) if len(questioned) < len(set(sentence_of)) else frozenset(),
    )


def _spaced_code(tokens: list[tuple[int, Token]], k: int, ix: Index) -> tuple[str, int] | None:
    """A known code whose parts are typed apart ("C 340 B", "cp om 2"), with the index after its
    last part: two to four short pieces of one sentence, one of them a lone letter or a number,
    so that two ordinary words never join into a code."""
    si, first = tokens[k]
    if first.compound or len(first.word) > 4 or not first.word.isalnum():
        return None
    joined = _LETTER_NAMES.get(first.word, first.word)
    loose = len(joined) == 1 or first.word.isdigit()  # ("see pom": a letter said by its name, as dictation writes it)
    unworded = len(first.word) <= 3 and first.word.isalpha() and not english.is_word(first.word)  # "ch pop", "cg rex": no word of English before the rest
    for n in range(k + 1, min(k + 4, len(tokens))):
        sj, t = tokens[n]
        if sj != si or t.compound or len(t.word) > 4 or not t.word.isalnum():
            return None
        joined += t.word
        loose = loose or len(t.word) == 1 or t.word.isdigit()
        code = ix.codes.get(joined)
        if code and loose and len(joined) >= 4:
            return code, n + 1
        if n == k + 1 and unworded and len(joined) >= 5 and (code or ix.code_swaps.get(joined)):
            return code or ix.code_swaps[joined], n + 1  # "ch pop" for CHPOP, "cg rex" for CGERX: a code heard as two syllables
    return None


_LETTER_NAMES = {"see": "c", "sea": "c", "cee": "c"}  # a letter as dictation spells it out


_ARROW = re.compile(r"->|→")
_NAME_VERBS = frozenset({"wants", "loves", "likes", "hates", "holds", "needs", "has"})  # what a person told of does
_JOB_WORDS = lexicon.ROLE_HEADS | lexicon.LEAD_HEADS | lexicon.ROLE_NOUNS


def _corrected(word: str, k: int, tokens: list[tuple[int, Token]], ix: Index) -> str:
    """The word as the knowledge spells it; a common English word is completed as a clipped
    title word only beside another word of a title ("pop health manager", not "super helpful")."""
    fixed = ix.correct(word)
    near = [tokens[j][1].word for j in (k - 1, k + 1) if 0 <= j < len(tokens) and tokens[j][0] == tokens[k][0]]
    if fixed != word and len(near) == 2 and ix.between_names(near[0], word, near[1]):
        return word  # "director of pharm ops": a name word typed short (read so below), not "harm"
    if fixed == word and any(ix.correct(w) in ix.name_words for w in near):
        named = ix.near_name(word)  # "the experimental education coordinator": a title's word mistyped as another English word
        return named if named and any(ix.named_together(named, ix.correct(w)) for w in near if w not in lexicon.FIELD_WORDS) else word
    if fixed != word and fixed.startswith(word) and k + 1 < len(tokens) and tokens[k + 1][1].word in _NAME_VERBS:
        return word  # "ana wants the paramedicine job": a person, not a clipped "analyst"
    if fixed == word or not fixed.startswith(word) or len(fixed) - len(word) < CLIPPED_MORE or english.count(word) < CLIPPED_ENGLISH:
        return fixed
    return fixed if any(w in ix.name_words for w in near) else word


def _arrow_to_a_job(question: str, ix: Index) -> bool:
    """"staff pharmacist -> ops director", "CPOM -> CMSO": an arrow towards a job or a
    certification draws a path; "cpcds -> covers what", "IDS mgr -> dose adjust" only
    separate a subject from what is asked of it."""
    for after in _ARROW.split(question)[1:]:
        clause = _SENTENCE_END.split(after, maxsplit=1)[0]
        for t in tokenize(clause, limit=None):
            read = ix.expand([lexicon.SLANG.get(t.word, t.word)])  # "ops dir", "ED mgr"
            if not _JOB_WORDS.isdisjoint(read) or ix.code_for(t.word, t.code_like):
                return True
    return False


def _read_back(words: list[str], i: int, ix: Index) -> str:
    """Chat shorthand ("u", "abt"), and a phone's autocorrection ("is there a cart for …"),
    unless the word is used as the knowledge uses it ("cart fill"), or a page has it and a word
    of its own says which ("med carts")."""
    word = words[i]
    if word in lexicon.AUTOCORRECTED:
        s = stem(word)
        beside = {(stem(w), s) for w in ix.expand([words[i - 1]])} if i else set()  # ("med cart": the page writes "medication cart" too)
        if i + 1 < len(words):
            beside |= {(s, stem(w)) for w in ix.expand([words[i + 1]])}
        modified = word.endswith("s") and i > 0 and words[i - 1] not in lexicon.STOPWORDS and s in ix.postings  # "med carts", where a page has carts (but "the COM cart my manager keeps bringing up" is a cert)
        if not beside & ix.text_bigrams and not modified:
            return lexicon.AUTOCORRECTED[word]
    return lexicon.SLANG.get(word, word)


_POSSESSIVE = frozenset({"my", "our", "your", "his", "her", "their"})


def _kin(plain: list[str], pairs: list[tuple[str, str]]) -> frozenset[str]:
    """Job words said of people the member knows ("my techs want to browse", "one of my
    pharmacists"), with what they were read as ("techs" -> technicians), when said only so."""
    said = {pairs[i][1] for i, w in enumerate(plain) if (w in lexicon.ROLE_HEADS or w.removesuffix("s") in lexicon.ROLE_HEADS or w in lexicon.MENTORED or w.removesuffix("s") in lexicon.MENTORED) and i and plain[i - 1] in _POSSESSIVE}  # ("my mentee": the person, no topic)
    kin = {stem(w) for w, s in pairs if s in said}
    elsewhere = {stem(w) for w, s in pairs if s not in said}
    return frozenset(kin - elsewhere)


def _mark_setting(i: int, s: str, plain: list[str], pairs: list[tuple[str, str]], setting: set[str]) -> None:
    """"at my hospital": words after a place preposition say where, not what."""
    j = i - 1
    while j >= 0 and pairs[j][1] == pairs[i][1] and pairs[j][1] != plain[i]:
        j -= 1  # "ops" expanded to "ops operations": look before the member's word
    while j >= 0 and plain[j] in lexicon.DETERMINERS:
        j -= 1
    if j >= 0 and j < i and plain[j] in lexicon.LOCATIVES:
        setting.add(s)


PLACE_REACH = 4  # "at a lil critical access hospital": at most this many words between the locative and the place noun


SELF_WORDS = frozenset({"im", "am", "as", "was", "been"})  # before the member's own job: "i'm a hospital staff pharmacist", "ive been a retail tech"


def _my_job_words(plain: tuple[str, ...]) -> set[int]:
    """Positions of the words that say which job is the member's own, past or present ("from my
    old hospital IT job"): where they come from, not what they ask to do next."""
    out: set[int] = set()
    for j, w in enumerate(plain):
        if w not in lexicon.ROLE_NOUNS or w in _PATHS:
            continue
        mine = next((k for k in range(j - 1, max(-1, j - 1 - PLACE_REACH), -1) if plain[k] == "my"), None)
        if mine is not None:
            out.update(range(mine + 1, j))
    return out


_PATHS = frozenset({"path", "paths", "pathway", "pathways", "career", "careers"})  # ("my career path": where they go)


def _own_job_places(plain: tuple[str, ...]) -> set[int]:
    """Positions of place words in the member's own job title ("i'm a hospital staff
    pharmacist"): where they work, said as part of what they are."""
    out: set[int] = set()
    for k, w in enumerate(plain):
        if w not in lexicon.PLACES or not any(x in lexicon.ROLE_HEADS for x in plain[k + 1 : k + 1 + PLACE_REACH]):
            continue
        before = [x for x in plain[max(0, k - PLACE_REACH) : k] if x not in ("a", "an")]
        if before and before[-1] in SELF_WORDS:
            out.add(k)
    return out


def _named_places(plain: tuple[str, ...]) -> set[int]:
    """Positions of the words naming a workplace after a locative, up to a place noun ("at a lil
    critical access hospital"): where the member works, not what they care about."""
    out: set[int] = set()
    for k, w in enumerate(plain):
        if w not in lexicon.LOCATIVES:
            continue
        end = next((j for j in range(k + 1, min(k + 2 + PLACE_REACH, len(plain))) if plain[j] in lexicon.PLACES), None)
        if end is not None and all(plain[j] in lexicon.DETERMINERS or plain[j] not in lexicon.STOPWORDS for j in range(k + 1, end)):
            out.update(range(k + 1, end + 1))
    return out


def _alternatives(words: frozenset[str]) -> str:
    return "|".join(re.escape(w).replace("'", "'?") for w in sorted(words, key=len, reverse=True))


# A negation word, not an idiom ("not sure"), then the clause up to punctuation or "but".
_NEGATED_CLAUSE = re.compile(
    rf"\b(?:{_alternatives(lexicon.NEGATION_STARTS)})\b(?!\s+(?:{_alternatives(lexicon.NEGATION_IDIOMS)})\b)"
    rf"((?:(?!\b(?:{_alternatives(lexicon.CLAUSE_BREAKS)})\b)[^,.;:!?()])*)",
    re.I,
)


# A dislike, then its clause up to "but", "and" or punctuation ("hates counting stock but loves
# teaching", "I hate drug shortages, where do I start"), then the rest of its sentence.
_DISLIKED_CLAUSE = re.compile(
    rf"\b(?:{_alternatives(lexicon.DISLIKE_STARTS)})\b((?:(?!\b(?:{_alternatives(lexicon.CLAUSE_BREAKS | {'and'})})\b)[^,.;:!?()])*)([^.;:!?()]*)",
    re.I,
)

# The rest of a dislike's sentence takes it on: "i hate alert fatigue and want to fix it" is a
# problem the member wants to work on, not a dislike.
_TAKEN_ON = re.compile(rf"\b(?:{_alternatives(lexicon.WISH_WORDS)})\b(?:\s+\w+){{0,3}}?\s+(?:it|that|this|them)\b", re.I)


def _dislike_end(phrase: str) -> str:
    negation = _alternatives(lexicon.NEGATION_STARTS | {"is not", "are not"})
    return r"\s+".join(rf"(?:{negation})(?:\s+(?:really|rly|realy|exactly|totally|quite))?" if w == "not" else r"(?:me|her|him|them|us)(?:\s+(?:really|so|very|super|kinda|totally))?" if w == "whom" else re.escape(w) for w in phrase.split())


# What is disliked, then the words that say so at the end of its clause ("palliative care isnt
# rly my thing", "legal paperwork bores me"): the clause from its start (punctuation, a quote or "but").
_DISLIKED_BEFORE = re.compile(
    rf"(?:^|[,.;:!?()\"]|\b(?:{_alternatives(lexicon.CLAUSE_BREAKS)})\b)((?:(?!\b(?:{_alternatives(lexicon.CLAUSE_BREAKS)})\b)[^,.;:!?()\"])*?)\s+(?:{'|'.join(_dislike_end(p) for p in lexicon.DISLIKE_ENDS)})\b",
    re.I,
)


# "finds legal proceedings and courtroom work very stressful": "find", what is disliked, then how it feels.
_FOUND_DISLIKED = re.compile(
    rf"\b(?:find|finds|found|finding)\s+((?:(?!\b(?:{_alternatives(lexicon.CLAUSE_BREAKS)})\b)[^,.;:!?()\"])*?)\s+(?:(?:very|really|so|quite|too|super|pretty|kinda|a\s+bit|rather|incredibly|deeply)\s+)?(?:{_alternatives(lexicon.FOUND_DISLIKES)})\b",
    re.I,
)


_AND_THEN = re.compile(r"^[\s-]*and[\s-]+([^,.;:!?()—–]*?)(?=\s+(?:and|but)\b|\s+-\s|[,.;:!?()—–]|$)", re.I)


def _and_more(rest: str) -> str:
    """What a dislike goes on to name after "and" ("i hate presenting and teaching families stuff"),
    unless "and" starts something else ("… and want to fix it", "… and love teaching", "… and i …")."""
    m = _AND_THEN.match(rest)
    if m is None or not m.group(1).split():
        return ""
    first = m.group(1).split()[0].lower().replace("'", "")
    return "" if first in lexicon.WISH_WORDS or first in _LOVE_VERBS or first in _SUBJECTS else " " + m.group(1)


_LOVE_VERBS = frozenset({"love", "loves", "like", "likes", "enjoy", "enjoys", "prefer", "prefers", "adore", "adores"})
_SUBJECTS = frozenset({"i", "im", "ive", "id", "she", "shes", "he", "hes", "they", "theyre", "we", "my", "it", "its", "that", "this"})


def _unwanted(cleaned: str, ix: Index, stems: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Stems the member only mentions to rule out ("I don't care about the specialty side", "he
    hates inventory stuff but loves safety", "palliative care isn't my thing"), and those of them
    said in a dislike, not of what they lack ("never led a team", "don't have CPOM")."""
    disliked = [m for m in _DISLIKED_CLAUSE.finditer(cleaned) if not _TAKEN_ON.search(m.group(2)) and (m.group(1).split() or [""])[0].lower() not in lexicon.GRIEVANCE_LEADS]  # (not "hates seeing stuff expire": a problem to fix)
    negated = list(_NEGATED_CLAUSE.finditer(cleaned))
    not_liked = [m for m in negated if (m.group(1).split() or [""])[0].lower() in lexicon.NEGATED_LIKES]  # ("not into …", "don't like …")
    before = list(_DISLIKED_BEFORE.finditer(cleaned)) + list(_FOUND_DISLIKED.finditer(cleaned))
    out = []
    hated = [m.group(1) + _and_more(m.group(2)) for m in disliked]
    for clauses in ([m.group(1) for m in [*negated, *before]], [m.group(1) for m in [*not_liked, *before]]):
        said_no = [stem(w) for text in clauses for w in ix.expand([t.word for t in tokenize(text)]) if w not in lexicon.STOPWORDS]
        said_no += [stem(w) for text in hated for w in ix.expand([r for t in tokenize(text) for r in _as_known(t.word, ix)]) if w not in lexicon.STOPWORDS]
        out.append(frozenset(s for s in said_no if stems.count(s) <= said_no.count(s)))
    return out[0], out[1]


def _as_known(word: str, ix: Index) -> tuple[str, ...]:
    """The word, and as the knowledge spells it ("rehab", "rehabilitation"): the question's reading
    may have taken either, and a dislike rules out the stem the interest would count."""
    fixed = ix.correct(word)
    return (word, fixed) if fixed != word else (word,)


_INTERJECTED_NO = re.compile(r"^\W*(?:[a-z]+\W+)?no\s*[,.!;:\-]", re.I)


def _compares(before: list[str]) -> bool:
    """The words before a "than" end in a comparison ("more stressful", "harder", "bigger"), not
    "rather"/"other"."""
    near = before[-3:]
    return bool(near) and near[-1] not in ("rather", "other") and any(w in ("more", "less", "better", "worse") or (w.endswith("er") and len(w) > 4 and english.is_word(w[:-2] if w[-3] != w[-4] else w[:-3])) for w in near)


def _mark_negated(i: int, s: str, plain: list[str], negated: set[str], ignore: set[int]) -> None:
    """"not ops", "not a safety officer": the member rules this phrase out."""
    k = i - 1
    while k >= 0 and i - k <= 3 and plain[k] not in lexicon.NEGATIONS and (plain[k] in lexicon.DETERMINERS or plain[k] not in lexicon.STOPWORDS):
        k -= 1
    if k >= 0 and plain[k] in lexicon.NEGATIONS and k not in ignore:
        negated.add(s)


def _alias_hits(words: list[str], said: list[str], ix: Index) -> tuple[AliasHit, ...]:
    """Every alias, title or certification name written out in the question, longest first; a
    word read several ways counts as any of its readings ("IV room sup" is "IV room supervisor")."""
    hits: list[AliasHit] = []
    for i, w in enumerate(words):
        one = (w[:-1],) if w.endswith("s") and not w.endswith("ss") and len(w) > 2 and w not in ix.alias_lengths and w[:-1] not in ix.theme_letters else None  # (not "3 CAHs": a title's theme, critical access hospitals, not its people)
        plural = ix.aliases.get(one) if one is not None and 1 in ix.alias_lengths.get(one[0], ()) else None
        if plural is not None and plural[0] == "role":
            hits.append((i, 1, plural))  # "what do CRAs get paid": the people of a role's one-word name
        for n in ix.alias_lengths.get(w, ()):
            if i + n > len(words):
                continue  # a cut-off slice could equal a shorter alias
            key = tuple(words[i : i + n])
            hit = ix.aliases.get(key)
            if hit is None and n >= 2 and key[-1].endswith("s") and not key[-1].endswith("ss"):
                hit = ix.aliases.get((*key[:-1], key[-1][:-1]))  # "do OR pharmacy supervisors start early": a title's people
                hit = hit if hit is not None and hit[0] == "role" else None
            if hit and n == 1 and hit[0] == "role" and i + 1 < len(words) and words[i + 1] in lexicon.CLINICAL_ANCHORS:
                continue  # "which LAI antipsychotics need refrigeration": a role's one-word name said of medicines
            if hit:
                hits.append((i, n, hit))
    groups: list[list[int]] = []  # positions of one word as typed and its readings
    for i in range(len(words)):
        if groups and said[i] == said[groups[-1][0]] and " " not in said[i]:
            groups[-1].append(i)
        else:
            groups.append([i])
    if any(len(g) > 1 for g in groups):
        for gi, group in enumerate(groups):
            for i in group:
                for n in ix.alias_lengths.get(words[i], ()):
                    if n < 2 or gi + n > len(groups) or all(len(g) == 1 for g in groups[gi + 1 : gi + n]):
                        continue  # one word, or no reading to choose: the exact pass found it
                    choices = [[words[i]]] + [[words[k] for k in g] for g in groups[gi + 1 : gi + n]]
                    for combo in itertools.islice(itertools.product(*choices), ALIAS_COMBOS):
                        hit = ix.aliases.get(tuple(combo))
                        if hit:
                            hits.append((i, groups[gi + n - 1][-1] - i + 1, hit))
                            break
    hits = list(dict.fromkeys(hits))
    hits.sort(key=lambda h: -h[1])
    return tuple(hits)


def _someone_else_has(words: tuple[str, ...], j: int) -> bool:
    """Word j, right before "have"/"has", is whoever has the certification: "both", "which roles",
    or a job that is nobody's in particular ("the ops director has CPOM"); "my resident already
    holds CDPP" is the member's mentee, whose pathway is asked for."""
    if words[j] in lexicon.OTHERS_HAVE:
        return True
    if words[j] in lexicon.MENTORED and j and words[j - 1] in ("a", "an"):
        return False  # "if a resident already has CHPOP, what next": someone the member speaks for
    return words[j] in lexicon.ROLE_HEADS and not any(w in lexicon.POSSESSIVES or w in _SELF_IS for w in words[max(0, j - 3) : j])  # (not "I'm a preceptor, hold CMSO already": the member's own job)


def ruled_out(words: Sequence[str], at: int) -> bool:
    """The word at ``at`` follows a negation ("not CPOM", "not HTA"); "than" weighs, it rules
    nothing out ("respect it more than CCEMS")."""
    return at > 0 and words[at - 1] in lexicon.NEGATIONS and words[at - 1] != "than"


def not_held(words: Sequence[str], at: int) -> bool:
    """The code at ``at`` is said not to be held: "not CPOM", "she doesn't have CMSO", "I never got
    the CPOM"."""
    cue = at - 2 if at >= 2 and words[at - 1] in ("the", "my", "her", "his", "their") else at - 1
    return ruled_out(words, at) or (cue >= 1 and words[cue] in lexicon.HELD_CUES and words[cue - 1] in lexicon.NEGATIONS)


def person_has(words: Sequence[str], at: int, starts: frozenset[int] = frozenset()) -> bool:
    """Whether the word before "has" at ``at`` is a person the member speaks for: "she has CMSO",
    "my tech has CPIT", "one of my pharmacy managers has CHPOP", "my pharmacist Leo has it", "… my
    bad. Theo has CPOM" (``starts``: where sentences begin; not "which role has it", "the ops
    director has CPOM")."""
    if at < 1 or words[at] != "has":
        return False
    if words[at - 1] in ("he", "she") or (at >= 2 and words[at - 1] in _HAS_ADVERBS and words[at - 2] in ("he", "she")):
        return True  # ("she also has CPBMS from a summer internship")
    mine = max((k for k in range(max(0, at - 6), at) if words[k] in ("my", "our")), default=None)
    heads = lexicon.ROLE_HEADS | lexicon.MENTORED
    if mine is not None and at - mine <= 5 and any(w in heads or (w.endswith("s") and w[:-1] in heads) for w in words[mine + 1 : at]):
        return True
    name = words[at - 1]  # "Jamal has CMSO and wants …", "greta has CPOM, noor has nothing": a name opening what is told
    opens = at == 1 or words[at - 2] in _BEFORE_A_NAME or at - 1 in starts  # ("… my bad. Theo has CPOM": a sentence's first word)
    return opens and name.isalpha() and name not in lexicon.STOPWORDS and name not in heads and name not in lexicon.ROLE_NOUNS and name not in lexicon.CERT_NOUNS and name not in lexicon.PERSON_NOUNS


_BEFORE_A_NAME = frozenset({"and", "but", "so", "while", "whereas", "now", "ok", CODE_MARK})  # ("… and ben has CPOM")


_ASKED_BEFORE_DONE = lexicon.POLAR_LEADS | lexicon.REQUIREMENT_WORDS | {"be", "being", "get", "gets", "can", "could", "should"}  # "is CPOM done online": asked, not held


_DOERS = frozenset({"i", "we", "she", "he"})  # who did it, just before "did" (or one word before: "I actually did")


def held_codes(a: Analysis, named: Sequence[tuple[str, int, int]] = ()) -> tuple[str, ...]:
    """Codes the member says they already have ("I already have CPOM", "got CMSO last year",
    "I have CHPOP from my ops days and also CPPGA"); ``named``: certifications written out by
    name, with where the name starts and ends ("i already have the pharmacy supply chain manager cert")."""
    held: list[str] = []
    last_held = -99
    starts = frozenset(i for i in range(len(a.words)) if i == 0 or a.sentence_of[i] != a.sentence_of[i - 1])
    spots = [(c, p, p + 1) for c, p in a.code_pos.items()] + [(c, lo, hi) for c, lo, hi in named if c not in a.code_pos]
    for code, pos, end in sorted(spots, key=lambda cpe: cpe[1]):
        if code in held:
            continue
        if pos and (a.words[pos - 1] in lexicon.NEGATIONS or not_held(a.words, pos)):
            continue  # "I have CPOM, not CHPOP", "she doesn't have CMSO"
        here = a.sentence_of[pos]  # "already got CEMS. then CSCL?": CSCL is asked about, not held
        between = a.words[last_held + 1 : pos]
        if pos - last_held <= 8 and any(w in lexicon.HELD_LISTS for w in between) and not any(w in lexicon.NOT_HELD_CUES or w in lexicon.HELD_LIST_BREAKS for w in between):
            held.append(code)  # listed right after a held one
            last_held = pos
            continue
        before = [a.words[j] for j in range(max(0, pos - 4), pos) if a.sentence_of[j] == here]
        after = [a.words[j] for j in range(end, min(len(a.words), end + 2)) if a.sentence_of[j] == here]
        if any(w in lexicon.NOT_HELD_CUES for w in before[-2:]):
            continue
        cue_at = [j for j in range(max(0, pos - 4), pos) if a.sentence_of[j] == here and a.words[j] in lexicon.HELD_CUES]
        if cue_at and cue_at[-1] and _someone_else_has(a.words, cue_at[-1] - 1):
            continue  # "both have CMSO right?": the roles have it, not the member
        if cue_at and not lexicon.HEARD_OF.isdisjoint(a.words[cue_at[-1] + 1 : pos]):
            continue  # "I have read about the CMSO credential": known of, not held
        later = [a.words[j] for j in range(end, min(len(a.words), end + 5)) if a.sentence_of[j] == here]
        again = (CODE_MARK,) if len(a.code_pos) == 1 else ()  # "skip CMSO, i've got CMSO": the one code, held where it is said again
        got_it = any(w in lexicon.HELD_CUES and (nxt in ("it", "that") or nxt in again) for w, nxt in zip(later, later[1:]))  # "oh and CPPCM too actually, got it last yr"
        later = later[1:] if later[:1] == ["that"] else later  # "It is CPSCM that I hold, not CDPM"
        by_them = later[:1] in (["he"], ["she"], ["they"]) and later[1:2] in (["has"], ["have"], ["holds"], ["got"])  # "it's CPOM she has"
        i_have = (by_them or (later[:1] in (["i"], ["ive"]) and later[1:2] != [] and later[1] in lexicon.HELD_CUES)) and later[2:3] not in (["been"], ["to"]) and (later[2:3] not in (["not"], ["no"]) or later[3:4] == [CODE_MARK])  # "it's CWHCS I have", "CPSCM I hold, not CHPOP" (not "CPOM I have not done")
        having = any(w == "having" and k and before[k - 1] in _AM for k, w in enumerate(before))  # "I am having CECP and CISAT both": held, as said in English learnt elsewhere (not "would having CPOM help")
        having = having or before[-2:] == ["did", "get"]  # "I did get CMSO before my break"
        having = having or (before[-1:] != [] and before[-1] in lexicon.HELD_DID and (any(w in _DOERS for w in before[-3:-1]) or after[:1] != [] and after[0] in lexicon.HELD_DID_AFTER))  # "I actually did CBREV last year", "she took CPOM", "did CCTSH at my old hospital" (not "did CPOM help")
        done = after[:1] != [] and after[0] in lexicon.HELD_WHEN_AFTER and not (before[-1:] and before[-1] in _ASKED_BEFORE_DONE)  # "CTPDP done last year" (not "is CPOM done online")
        if any(w in lexicon.HELD_CUES for w in before) or having or done or "already" in after or got_it or i_have or (after and any(after[0].startswith(w) for w in lexicon.HELD_AFTER)) or (before[-1:] == ["has"] and person_has(a.words, pos - 1, starts)) or (before[-2:-1] == ["has"] and before[-1] in _HAS_ONLY and person_has(a.words, pos - 2, starts)):
            held.append(code)
            last_held = pos
    for code, pos, _ in sorted(spots, key=lambda cpe: -cpe[1]):  # "CPOM and CTIPP already": the codes listed before a held one are held too
        held_after = [p for c, p, _ in spots if c in held and p > pos]
        if code not in held and held_after and all(w in lexicon.HELD_LISTS for w in a.words[pos + 1 : min(held_after)]) and a.sentence_of[pos] == a.sentence_of[min(held_after)] and min(held_after) - pos <= HELD_LIST_GAP:
            held.append(code)
    at = {c: p for c, p, _ in spots}
    return tuple(sorted(held, key=at.__getitem__))  # in the order they were said


_HAS_ONLY = frozenset({"just", "only", "also"})  # "Hana has just CMSO": held
_HAS_ADVERBS = frozenset({"also", "already", "still", "now", "actually"})  # "she also has …"
_AM = frozenset({"am", "im", "is", "are", "were", "was"})  # before "having": what someone holds
_SELF_IS = frozenset({"im", "am"})  # "I'm a preceptor": the member's own job
HELD_LIST_GAP = 3  # "CPOM and CTIPP already", "CPOM, CMSO and CTIPP already": codes this near, joined by a list word
_FORM_STEMS = frozenset(stem(w) for w in lexicon.FORM_WORDS)


def cue_stems() -> frozenset[str]:
    """Stems of the words that say *how* something is asked; never topical evidence."""
    return _FORM_STEMS
