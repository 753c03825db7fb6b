"""Is a message written in English? The engine answers only in English, and says so plainly.

A message mostly in a non-Latin script (Chinese, Arabic, Cyrillic …) is not English. A message
in Latin letters whose words are mostly neither English nor the knowledge's own words, and
match the commonest words of another language (data/languages.yaml), is not English either.
Acronyms, codes and typos alone never make a message "foreign": another language must match.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Callable

import yaml

from bot.engine import english, lexicon

NAMES = {"es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "tl": "Tagalog", "hi": "Hindi"}
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?]+")
FOREIGN_SHARE = 0.5  # at most this share of English (or knowledge) words ...
LANGUAGE_HITS = 2  # ... and at least this many of another language's commonest words
ENGLISH_COMMON = 20_000  # a word this common in English text, and not another language's, reads as English
OPENING_WORDS = 3  # a message whose first words are another language's is in that language


def _plain(word: str) -> str:
    """"qué" -> "que": accents do not decide the language of a word typed without them."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _languages() -> dict[str, frozenset[str]]:
    data = yaml.safe_load(resources.files("bot.engine").joinpath("data", "languages.yaml").read_text(encoding="utf-8"))
    words = {code: str(common).split() + str(data["greetings"].get(code, "")).split() for code, common in data["languages"].items()}
    return {code: frozenset(w for word in ws for w in (word, _plain(word))) for code, ws in words.items()}


@lru_cache(maxsize=1)
def _others() -> frozenset[str]:
    return frozenset().union(*_languages().values())


def _latin(ch: str) -> bool:
    try:
        return unicodedata.name(ch).startswith("LATIN")
    except ValueError:
        return True


def _opening_language(opening: list[str], english_like: Callable[[str], bool]) -> str | None:
    """The language of a message's first words, when at least two of them are one other
    language's common words and none of those reads as English."""
    forms = [(w, _plain(w)) for w in opening if not english_like(w)]
    for code, common in _languages().items():
        if sum(1 for w, plain in forms if w in common or plain in common) >= LANGUAGE_HITS:
            return NAMES.get(code, "a language other than English")
    return None


def foreign(text: str, known: set[str] | frozenset[str]) -> str | None:
    """The name of the language ``text`` is written in, when that is not English; else None.
    ``known``: words the knowledge itself uses (titles, codes, vocabulary)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return None
    if not text.isascii() and sum(1 for c in letters if not c.isascii() and not _latin(c)) > 0.5 * len(letters):
        return "a language other than English"
    said = [w for w in _WORD.findall(text) if len(w) >= 2]
    words = [w.lower() for w in said if not (w.isupper() and len(w) >= 3)]  # (a code in capitals is in no language: "Qual é a diferença entre o CHOSC e o CMELC?")
    if not words or (len(words) == 1 and len(said) > 1):
        return None  # ("o que é CEQVL?": too little beside the code to tell)
    others = _others()

    def english_like(w: str) -> bool:
        return w in lexicon.STOPWORDS or w in lexicon.SLANG or (english.count(w) >= ENGLISH_COMMON and w not in others)

    after_first = _SENTENCE_END.split(text.strip(), maxsplit=1)[1:]
    if not (after_first and _WORD.search(after_first[0])):  # one sentence: "Was macht ein Pharmacy Ethics Committee Coordinator?" is German around an English title
        opening = _opening_language(words[:OPENING_WORDS], english_like)
        if opening:
            return opening
    if sum(1 for w in words if w in known or english_like(w)) > FOREIGN_SHARE * len(words):
        return None
    hits = {code: sum(1 for w in words if w in common or _plain(w) in common) for code, common in _languages().items()}
    code, best = max(hits.items(), key=lambda kv: kv[1])
    if best >= LANGUAGE_HITS or (best and best == len(words)) or (best and len(words) >= LANGUAGE_HITS + 1 and not any(w in known or english_like(w) for w in words)):  # (no word of English at all, one of that language's)
        return NAMES.get(code, "a language other than English")
    return None
