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
from dataclasses import dataclass
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
            required = [t for t in phrase.split() if t not in ("^", "$", "...") and not _GAP.fullmatch(t) and not t.startswith("[")]
            choices = [t.split("|") for t in required if "*" not in t.split("|")]
            if not choices:
                always = True
                continue
            alts = min(choices, key=lambda alts: (any("#" in a or "@" in a for a in alts), any(a.endswith("*") for a in alts), len(alts)))
            for alt in alts:
                if "#" in alt or "@" in alt:
                    digits = True
                elif alt.endswith("*"):
                    prefixes.add(alt[:-1])
                else:
                    words.add(CODE_MARK if alt == CODE_TOKEN else alt)
        return cls(frozenset(words), frozenset(prefixes), digits, always)

    def could_match(self, text: str) -> bool:
        if self.always:
            return True
        present, starts = _words_of(text)
        if not self.words.isdisjoint(present) or not self.prefixes.isdisjoint(starts):
            return True
        return self.digits and _DIGIT.search(text) is not None


_GAP = re.compile(r"\.\.\d+")
_DIGIT = re.compile(r"\d")
_Read = tuple[frozenset[str], frozenset[str]]  # a text's words, and every beginning of them (for ``word*``)
@lru_cache(maxsize=8)  # the cue lists of one question read the same few texts, in turn (lru_cache is thread-safe)
def _words_of(text: str) -> _Read:
    words = frozenset(text.split())
    return (words, frozenset(w[:k] for w in words for k in range(1, len(w) + 1)))


@dataclass(frozen=True)
class PhraseSet:
    """All phrases of one cue list, compiled into one regex."""

    name: str
    phrases: tuple[str, ...]
    _rx: re.Pattern[str]
    _anchors: Anchors

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
        # one leading literal space lets the regex engine jump from word start to word start
        return cls(name, tuple(phrases), re.compile(" (?:" + "|".join(f"(?:{s})" for s in sources) + ")"), Anchors.of(tuple(phrases)))

    def search(self, text: str) -> str | None:
        """The words the first matching phrase covers, or None."""
        if not self._anchors.could_match(text):
            return None
        m = self._rx.search(" " + text + " ")
        return " ".join(w for w in m.group(0).split() if w != SENTENCE_BREAK) if m else None

    def spans(self, words: list[str] | tuple[str, ...]) -> list[tuple[int, int]]:
        """Every non-overlapping match as (first word, one past the last word), left to right."""
        joined = " ".join(words)
        if not self._anchors.could_match(joined):
            return []
        text = " " + joined + " "
        starts = [0]
        for w in words:
            starts.append(starts[-1] + len(w) + 1)
        at = {pos + 1: i for i, pos in enumerate(starts[:-1])}  # character offset of each word -> its index
        out = []
        pos = 0
        while (m := self._rx.search(text, pos)) is not None:
            first = at.get(m.start() + 1)
            matched = m.group(0).strip().split()
            if first is not None and matched:
                out.append((first, first + len(matched)))
            pos = max(m.end() - 1, m.start() + 1)  # the space that ended this match starts the next one
        return out

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
