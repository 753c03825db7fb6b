"""How common a word is in English, from the word-frequency list pyspellchecker ships.

Spelling correction works against the knowledge's own words; without knowing English it
"corrects" ordinary words that the knowledge happens not to use ("describing" became
"prescribing"). This list tells a real English word from a typo. It is loaded once per
process, on first use, and holds only words seen at least ``MIN_COUNT`` times (about 45,000).
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

MIN_COUNT = 100  # rarer entries of the list are mostly names and misspellings


@lru_cache(maxsize=1)
def _counts() -> dict[str, int]:
    raw = resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    data: dict[str, int] = json.loads(gzip.decompress(raw))
    return {w: n for w, n in data.items() if n >= MIN_COUNT and w.isalpha()}


def count(word: str) -> int:
    """How often ``word`` appears in the English reference text (0: not a common English word)."""
    return _counts().get(word, 0)


def is_word(word: str) -> bool:
    return word in _counts()
