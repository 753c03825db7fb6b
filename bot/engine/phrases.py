"""A tiny phrase language for cue lists kept as data (``bot/engine/data/cues.yaml``).

Moderators and developers write phrases the way members write questions; this module
compiles them into one matcher per cue list. The syntax, word by word:

* ``word``          that word; ``a|b`` either word; ``word*`` any word starting with it
* ``*``             any one word
* ``[x]``           an optional word (``x`` may be ``a|b`` or ``word*``)
* ``...``           any number of words; ``..3`` up to three words
* ``^`` / ``$``     a sentence of the message starts / ends here (first / last token only)
* ``#`` in a word   a number: ``#mg`` matches "500mg", ``q#h`` matches "q12h"
* ``@`` in a word   an hour of the clock, 1 to 24: "at @ $" matches "at 3" (not "at 40")

Phrases are matched against the question's words as the analysis reads them: lower case,
spelling corrected, synonyms applied, a certification code as ``{code}``. Nothing here knows
any particular cue: the lists and their examples live in the data file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

CODE_TOKEN = "{code}"  # a certification code in a phrase
CODE_MARK = "certcode"  # how the analysis writes a recognised code in the question's words
SENTENCE_BREAK = "|"  # between two sentences of the text cue lists are matched against
_SENTENCE_BREAK = re.escape(SENTENCE_BREAK)
_WORD = re.compile(r"^[a-z0-9#@*'µ{}_\-]+$")
_HOUR = r"(?:0?[1-9]|1\d|2[0-4])"  # ``@``: an hour of the clock
_ANY_WORD = rf"(?!{_SENTENCE_BREAK} )[^ ]+"  # a wildcard or a gap never steps over the end of a sentence


class PhraseError(ValueError):
    """A phrase that does not follow the syntax; the message says which token and why."""


def _word(alternatives: str, phrase: str) -> str:
    out = []
    for alt in alternatives.split("|"):
        if not alt:
            raise PhraseError(f"empty alternative in {phrase!r}")
        if alt == "*":
            out.append(_ANY_WORD)
            continue
        if alt == CODE_TOKEN:
            out.append(CODE_MARK)
            continue
        if not _WORD.match(alt):
            raise PhraseError(f"{alt!r} in {phrase!r} is not a plain lower-case word")
        prefix = alt.endswith("*")
        body = alt[:-1] if prefix else alt
        if "*" in body:
            raise PhraseError(f"'*' may only end a word ({alt!r} in {phrase!r})")
        rx = re.escape(body).replace(r"\#", "#").replace("#", r"\d+(?:\.\d+)?").replace("@", _HOUR)
        out.append(rx + (r"[^ ]*" if prefix else ""))
    return "(?:" + "|".join(out) + ")"


def compile_phrase(phrase: str) -> str:
    """The regex source for one phrase, matched right after a space of ``" " + text + " "``."""
    if not isinstance(phrase, str):
        raise PhraseError(f"{phrase!r} is not a phrase (in YAML, quote a phrase that starts with '#')")
    tokens = phrase.split()
    if not tokens:
        raise PhraseError("empty phrase")
    head = rf"(?:(?<=^ )|(?<={_SENTENCE_BREAK} ))" if tokens[0] == "^" else ""  # the start of the message or of a sentence
    tail = rf"(?:$|(?={_SENTENCE_BREAK} ))" if tokens[-1] == "$" else ""  # the end of the message or of a sentence
    tokens = tokens[1 if head else 0 : len(tokens) - (1 if tail else 0)]
    if not tokens:
        raise PhraseError(f"{phrase!r} has no words")
    parts: list[str] = []
    for tok in tokens:
        if tok in ("^", "$"):
            raise PhraseError(f"'{tok}' may only start or end a phrase ({phrase!r})")
        if tok == "...":
            parts.append(rf"(?:{_ANY_WORD} )*?")
        elif re.fullmatch(r"\.\.\d+", tok):
            parts.append(rf"(?:{_ANY_WORD} ){{0,{int(tok[2:])}}}?")
        elif tok.startswith("[") and tok.endswith("]"):
            parts.append("(?:" + _word(tok[1:-1], phrase) + " )?")
        else:
            parts.append(_word(tok, phrase) + " ")
    if all(p.startswith(f"(?:{_ANY_WORD}") or p.endswith(")?") for p in parts):
        raise PhraseError(f"{phrase!r} has no required word")
    return head + "".join(parts) + tail


_Need = tuple[frozenset[str], frozenset[str], bool]  # one required word of a phrase: its words, its ``word*`` prefixes, whether a number does


def _needs(phrase: str) -> tuple[_Need, ...]:
    """The words a phrase cannot match without, one entry per required word (an optional word,
    a gap, a wildcard or an edge needs nothing of the text)."""
    out = []
    for tok in phrase.split():
        if tok in ("^", "$", "...") or _GAP.fullmatch(tok) or tok.startswith("["):
            continue
        alts = tok.split("|")
        if "*" in alts:
            continue
        words = {CODE_MARK if a == CODE_TOKEN else a for a in alts if not a.endswith("*") and "#" not in a and "@" not in a}
        prefixes = {a[:-1] for a in alts if a.endswith("*") and "#" not in a and "@" not in a}
        out.append((frozenset(words), frozenset(prefixes), any("#" in a or "@" in a for a in alts)))
    return tuple(out)


def _anchor(needs: tuple[_Need, ...]) -> _Need | None:
    """The required word with the fewest, plainest alternatives: the one a text is looked up by."""
    if not needs:
        return None
    return min(needs, key=lambda n: (n[2], bool(n[1]), len(n[0]) + len(n[1]) + n[2]))


@dataclass(frozen=True)
class Anchors:
    """Words one of which every match must contain, so that most cue lists are settled by a set
    look-up instead of a regex search (a question's text meets some 70 lists): for each phrase, its
    required word with the fewest, plainest alternatives."""

    words: frozenset[str]  # a word written out
    prefixes: frozenset[str]  # a ``word*``
    digits: bool  # a ``#`` number
    always: bool  # a phrase with no such word (none today): search every text

    @classmethod
    def of(cls, phrases: tuple[str, ...]) -> "Anchors":
        words: set[str] = set()
        prefixes: set[str] = set()
        digits = always = False
        for phrase in phrases:
            anchor = _anchor(_needs(phrase))
            if anchor is None:
                always = True
                continue
            words |= anchor[0]
            prefixes |= anchor[1]
            digits = digits or anchor[2]
        return cls(frozenset(words), frozenset(prefixes), digits, always)


_GAP = re.compile(r"\.\.\d+")
_DIGIT = re.compile(r"\d")
_Read = tuple[frozenset[str], frozenset[str]]  # a text's words, and every beginning of them (for ``word*``)
@lru_cache(maxsize=8)  # the cue lists of one question read the same few texts, in turn (lru_cache is thread-safe)
def _words_of(text: str) -> _Read:
    words = frozenset(text.split())
    return (words, frozenset(w[:k] for w in words for k in range(1, len(w) + 1)))


def _has(need: _Need, present: frozenset[str], starts: frozenset[str], text: str) -> bool:
    words, prefixes, digits = need
    return not words.isdisjoint(present) or not prefixes.isdisjoint(starts) or (digits and _DIGIT.search(text) is not None)


@dataclass(frozen=True, eq=False)
class PhraseSet:
    """All phrases of one cue list: one regex of them all, and one regex per phrase. A text is
    searched only with the phrases whose every required word it has (most texts meet one or two
    of a list's phrases, or none): the leftmost match, the earlier phrase at the same place, as
    the one regex of them all would find it."""

    name: str
    phrases: tuple[str, ...]
    _rx: re.Pattern[str]
    _anchors: Anchors
    _each: tuple[re.Pattern[str], ...] = ()
    _plain: tuple[frozenset[str], ...] = ()  # per phrase: its required words that have one spelling (a subset test settles them at once)
    _choices: tuple[tuple[frozenset[str], ...], ...] = ()  # per phrase: its required words of several spellings ("what|which")
    _begun: tuple[tuple[frozenset[str], ...], ...] = ()  # per phrase: its required ``word*`` beginnings
    _others: tuple[tuple[_Need, ...], ...] = ()  # per phrase: its other required words (spellings and beginnings mixed, numbers)
    _by_word: dict[str, tuple[int, ...]] = field(default_factory=dict)  # an anchor word -> the phrases it anchors
    _by_prefix: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _by_digit: tuple[int, ...] = ()

    @classmethod
    def compile(cls, name: str, phrases: list[str] | tuple[str, ...]) -> "PhraseSet":
        if not phrases:
            return cls(name, (), re.compile(r"(?!)"), Anchors(frozenset(), frozenset(), False, False))
        sources = []
        for p in phrases:
            try:
                sources.append(compile_phrase(p))
            except PhraseError as e:
                raise PhraseError(f"cue '{name}': {e}") from None
        needs = tuple(_needs(p) for p in phrases)
        by_word: dict[str, list[int]] = {}
        by_prefix: dict[str, list[int]] = {}
        by_digit: list[int] = []
        for i, need in enumerate(needs):
            anchor = _anchor(need)
            if anchor is None:
                continue
            for w in anchor[0]:
                by_word.setdefault(w, []).append(i)
            for w in anchor[1]:
                by_prefix.setdefault(w, []).append(i)
            if anchor[2]:
                by_digit.append(i)
        # one leading literal space lets the regex engine jump from word start to word start
        return cls(
            name,
            tuple(phrases),
            re.compile(" (?:" + "|".join(f"(?:{s})" for s in sources) + ")"),
            Anchors.of(tuple(phrases)),
            tuple(re.compile(f" (?:{s})") for s in sources),
            tuple(frozenset(w for ws, ps, d in need if len(ws) == 1 and not ps and not d for w in ws) for need in needs),
            tuple(tuple(ws for ws, ps, d in need if len(ws) > 1 and not ps and not d) for need in needs),
            tuple(tuple(ps for ws, ps, d in need if ps and not ws and not d) for need in needs),
            tuple(tuple(n for n in need if n[2] or (n[0] and n[1])) for need in needs),
            {w: tuple(ids) for w, ids in by_word.items()},
            {w: tuple(ids) for w, ids in by_prefix.items()},
            tuple(by_digit),
        )

    def _candidates(self, text: str) -> list[int] | None:
        """The phrases that could match somewhere in ``text``, in list order; None: search with
        them all (a list with a phrase no word anchors)."""
        if self._anchors.always or not self._each:
            return None
        present, starts = _words_of(text)
        words = self._anchors.words.intersection(present)
        prefixes = self._anchors.prefixes.intersection(starts)
        digits = bool(self._by_digit) and _DIGIT.search(text) is not None
        if not words and not prefixes and not digits:
            return []
        ids: set[int] = set(self._by_digit) if digits else set()
        for w in words:
            ids.update(self._by_word[w])
        for w in prefixes:
            ids.update(self._by_prefix[w])
        # (each test in C where it can: a text lacking one of a phrase's words is the common case)
        return [
            i
            for i in sorted(ids)
            if self._plain[i] <= present
            and not any(map(present.isdisjoint, self._choices[i]))
            and not any(map(starts.isdisjoint, self._begun[i]))
            and all(_has(n, present, starts, text) for n in self._others[i])
        ]

    def _first(self, padded: str, pos: int, ids: list[int] | None) -> re.Match[str] | None:
        """The match the one regex of every phrase finds from ``pos``: the leftmost; at one place,
        the phrase listed first."""
        if ids is None:
            return self._rx.search(padded, pos)
        best = None
        for i in ids:
            m = self._each[i].search(padded, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def search(self, text: str) -> str | None:
        """The words the first matching phrase covers, or None."""
        ids = self._candidates(text)
        if ids == []:
            return None
        m = self._first(" " + text + " ", 0, ids)
        return " ".join(w for w in m.group(0).split() if w != SENTENCE_BREAK) if m else None

    def spans(self, words: list[str] | tuple[str, ...]) -> list[tuple[int, int]]:
        """Every non-overlapping match as (first word, one past the last word), left to right."""
        return list(_spans(self, tuple(words)))

    def says(self, word: str) -> bool:
        """Whether some phrase names this word itself (as written or by a ``word*`` prefix), not
        only a wildcard stepping over it."""
        for p in self.phrases:
            for tok in p.replace("[", " ").replace("]", " ").split():
                for alt in tok.split("|"):
                    if alt == word or (alt.endswith("*") and len(alt) > 1 and word.startswith(alt[:-1])):
                        return True
        return False

    def words(self) -> set[str]:
        """Every literal word its phrases name (for the spelling vocabulary)."""
        out: set[str] = set()
        for p in self.phrases:
            for tok in p.replace("[", " ").replace("]", " ").split():
                for alt in tok.split("|"):
                    if alt.isalpha():
                        out.add(alt)
        return out


@lru_cache(maxsize=256)  # one question's stages ask the same list's spans over the same words again and again
def _spans(ps: PhraseSet, words: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    joined = " ".join(words)
    ids = ps._candidates(joined)
    if ids == []:
        return ()
    text = " " + joined + " "
    starts = [0]
    for w in words:
        starts.append(starts[-1] + len(w) + 1)
    at = {pos + 1: i for i, pos in enumerate(starts[:-1])}  # character offset of each word -> its index
    out = []
    pos = 0
    while (m := ps._first(text, pos, ids)) is not None:
        first = at.get(m.start() + 1)
        matched = m.group(0).strip().split()
        if first is not None and matched:
            out.append((first, first + len(matched)))
        pos = max(m.end() - 1, m.start() + 1)  # the space that ended this match starts the next one
    return tuple(out)
