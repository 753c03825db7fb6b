"""The learned intent layer: nearest example phrasings over entity-masked questions.

Cue lists catch the wordings someone thought of; members use many more. Here a question,
with the roles and certifications it names replaced by ``{role}`` / ``{cert}``, is compared to
example phrasings (``data/intents.yaml``, plus moderators' ``knowledge/phrasings.yaml``) by
TF-IDF cosine over word unigrams, bigrams and character 3–5-grams, through an inverted index.
It is deterministic, needs no training step, and a new example works at once.
"""

from __future__ import annotations

import math
from array import array
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Sequence

import yaml

from bot.engine import lexicon

PLACEHOLDERS = ("{cert}", "{role}")
PLACEHOLDERS_SET = frozenset("w:" + p for p in PLACEHOLDERS)
_TOKEN = re.compile(r"\{cert\}|\{role\}|[a-z0-9]+")
MAX_SHARE = 0.25  # features in more than this share of the examples say nothing about the intent
MAX_POSTING = 300  # ... nor in more than this many (bounds the work per question on a large FAQ)
MAX_FEATURES = 80  # a long question is compared by its most distinctive features only


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    intent: str
    about: str = ""  # a taught example's role id or certification code (an FAQ entry's id), if any
    section: str = ""  # a taught role example's section
    words: tuple[str, ...] = ()  # the example as read, entities masked; empty: read from ``text``
    taught: bool = False  # written by a moderator (knowledge/phrasings.yaml)


@dataclass(frozen=True, slots=True)
class Neighbour:
    intent: str
    similarity: float
    example: Example


def words_of_example(text: str) -> list[str]:
    """An example phrasing as the layer reads it: lower-case words, slang spelled out, placeholders kept."""
    words = [lexicon.SLANG.get(w, w) for w in _TOKEN.findall(text.lower().replace("’", "'").replace("'s", "").replace("'", ""))]
    return [x for w in words if w not in _FILLERS for x in lexicon.SPOKEN.get(w, (w,))]


# Words that only add emphasis ("what else is *even* out there"): read on neither side, so an
# example and a question differ only in what they say.
_FILLERS = frozenset({"even", "really", "actually", "literally", "basically", "honestly", "tbh", "lol", "lmao", "ngl"})


def features(words: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for i, w in enumerate(words):
        out.add("w:" + w)
        if i:
            out.add("b:" + words[i - 1] + " " + w)
        if w not in PLACEHOLDERS:
            out.update(_char_grams(w))
    return out


@lru_cache(maxsize=50_000)
def _char_grams(word: str) -> tuple[str, ...]:
    """A word's character 3-5-grams (a FAQ of thousands of phrasings repeats its words: each is cut once)."""
    padded = f"<{word}>"
    return tuple("c:" + padded[j : j + n] for n in (3, 4, 5) for j in range(len(padded) - n + 1))


class ExampleIndex:
    """TF-IDF vectors of example phrasings with an inverted index for cosine similarity."""

    def __init__(self, examples: Iterable[Example]):
        self.examples: list[Example] = []
        vectors: list[set[str]] = []
        for ex in examples:
            words = list(ex.words) or words_of_example(ex.text)
            if words:
                self.examples.append(ex)
                vectors.append(features(words))
        self.any_taught = any(ex.taught for ex in self.examples)
        self.slotted = [not PLACEHOLDERS_SET.isdisjoint(v) for v in vectors]  # needs a named role or certification
        n = len(self.examples) or 1
        df: dict[str, int] = defaultdict(int)
        for v in vectors:
            for f in v:
                df[f] += 1
        cap = max(2, min(int(MAX_SHARE * n), MAX_POSTING))
        self.common = frozenset(f for f, c in df.items() if c > cap)
        self.idf = {f: math.log((n + 1) / (c + 1)) + 1.0 for f, c in df.items() if c <= cap}
        self.default_idf = math.log(n + 1) + 1.0
        lists: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for i, v in enumerate(vectors):
            kept = _top([f for f in v if f in self.idf], self.idf, self.default_idf)
            norm = math.sqrt(sum(self.idf[f] ** 2 for f in kept)) or 1.0
            for f in kept:
                ids, values = lists[f]
                ids.append(i)
                values.append(self.idf[f] / norm)
        # (example, weight) per feature as two packed arrays: a tenth of the memory of tuples
        self.postings: dict[str, tuple[array[int], array[float]]] = {f: (array("i", ids), array("d", values)) for f, (ids, values) in lists.items()}
        # the same postings without the examples that need a named role or certification: a question
        # naming neither is compared with those only (``slotless``), walking about half the entries
        self.slotless_postings = self.postings
        if any(self.slotted):
            pruned = {f: [(i, v) for i, v in zip(*hits) if not self.slotted[i]] for f, hits in self.postings.items()}
            self.slotless_postings = {f: (array("i", [i for i, _ in iv]), array("d", [v for _, v in iv])) for f, iv in pruned.items() if iv}

    def nearest(self, words: Sequence[str], k: int = 3, *, taught_only: bool = False) -> list[Neighbour]:
        """The best example of each intent (up to ``k`` intents), most similar first."""
        if not self.examples or (taught_only and not self.any_taught):
            return []
        return self.nearest_to(features(words), k, taught_only=taught_only)

    def nearest_to(self, feats: set[str], k: int = 3, *, taught_only: bool = False, slotless: bool = False) -> list[Neighbour]:
        """``nearest`` for features already computed (one question is compared with two indexes);
        ``slotless``: only examples that name no role or certification ("info on {cert}" does not
        compete for a question that names neither)."""
        return self.best(self.scores(feats), k, taught_only=taught_only, slotless=slotless)

    def scores(self, feats: set[str], *, slotless: bool = False) -> dict[int, float]:
        """Cosine similarity of the features to every example that shares one (by index); with
        ``slotless``, to those of them that name no role or certification only."""
        if not self.examples:
            return {}
        idf, postings = self.idf, (self.slotless_postings if slotless else self.postings)
        seen = _top([f for f in feats if f in idf], idf, self.default_idf)
        unseen = sum(1 for f in feats if f not in idf and f not in self.common)  # in no example: only in the norm
        weights = [(f, idf[f]) for f in seen]
        norm = math.sqrt(sum(w * w for _, w in weights) + unseen * self.default_idf**2) or 1.0
        scores: dict[int, float] = defaultdict(float)
        for f, w in weights:
            hits = postings.get(f)
            if hits:
                q = w / norm
                for i, v in zip(*hits):
                    scores[i] += q * v
        return scores

    def best(self, scores: dict[int, float], k: int = 3, *, taught_only: bool = False, slotless: bool = False) -> list[Neighbour]:
        """The best example of each intent among ``scores`` (up to ``k`` intents), most similar first."""
        best: dict[str, Neighbour] = {}
        for i, sim in scores.items():
            ex = self.examples[i]
            if (taught_only and not ex.taught) or (slotless and self.slotted[i]):
                continue
            if ex.intent not in best or sim > best[ex.intent].similarity:
                best[ex.intent] = Neighbour(ex.intent, sim, ex)
        return sorted(best.values(), key=lambda nb: -nb.similarity)[:k]


def _top(feats: list[str], idf: dict[str, float], default: float) -> list[str]:
    """A long text is compared by its ``MAX_FEATURES`` most distinctive features (the same
    rule for examples and questions, so a question identical to an example scores 1.0)."""
    if len(feats) <= MAX_FEATURES:
        return feats
    return sorted(feats, key=lambda f: (-idf.get(f, default), f))[:MAX_FEATURES]


@lru_cache(maxsize=1)
def builtin_examples() -> tuple[Example, ...]:
    data = yaml.safe_load(resources.files("bot.engine").joinpath("data", "intents.yaml").read_text(encoding="utf-8"))
    return tuple(Example(str(text), str(intent)) for intent, texts in data["intents"].items() for text in texts)


@lru_cache(maxsize=1)
def builtin_index() -> ExampleIndex:
    """The shipped examples never change within a process: built once."""
    return ExampleIndex(builtin_examples())


INTENTS = tuple(dict.fromkeys(ex.intent for ex in builtin_examples()))
