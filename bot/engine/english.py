"""How common a word is in English, from the word-frequency list pyspellchecker ships.

Spelling correction works against the knowledge's own words; without knowing English it
"corrects" ordinary words that the knowledge happens not to use ("describing" became
"prescribing"). This list tells a real English word from a typo. It is loaded once per
process, on first use, and holds only words seen at least ``MIN_COUNT`` times (about 45,000).
"""

from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from importlib import resources

from bot.engine import lexicon

MIN_COUNT = 100  # rarer entries of the list are mostly names and misspellings
TRADE_COUNT = MIN_COUNT  # a word of the trade the list lacks (words.yaml trade_words) counts as a rare English word


@lru_cache(maxsize=1)
def _counts() -> dict[str, int]:
    raw = resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    data: dict[str, int] = json.loads(gzip.decompress(raw))
    counts = {w: n for w, n in data.items() if n >= MIN_COUNT and w.isalpha()}
    return {**{w: TRADE_COUNT for w in lexicon.TRADE_WORDS}, **counts}  # (words of the trade the list lacks: as rare as a word of the trade is)


def count(word: str) -> int:
    """How often ``word`` appears in the English reference text (0: not a common English word)."""
    return _counts().get(word, 0)


def is_word(word: str) -> bool:
    return word in _counts()


PLAIN = 20_000  # words up to this common are as telling as the knowledge makes them ...
EVERYDAY = 1_000_000  # ... words this common ("run", "system", "building") count EVERYDAY_WEIGHT as much
EVERYDAY_WEIGHT = 0.5


def everyday_weight(word: str) -> float:
    """How much a word tells about what someone does, by how common it is in English: 1 for a
    word of the trade, down to EVERYDAY_WEIGHT (log-linearly) for an everyday one."""
    n = count(word)
    if n <= PLAIN:
        return 1.0
    share = min(1.0, (math.log(n) - math.log(PLAIN)) / (math.log(EVERYDAY) - math.log(PLAIN)))
    return 1.0 - share * (1.0 - EVERYDAY_WEIGHT)
