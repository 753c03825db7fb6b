"""The engine's general English vocabulary, loaded from data files.

``data/cues.yaml`` holds the cue lists (how members ask: "how do I become", "day to day",
doses …) as phrases with examples; ``data/words.yaml`` holds plain word lists (stopwords,
job-title head nouns, greetings …). Nothing here is about particular roles or certifications:
those come from ``knowledge/``, so a role or certification added there needs no change here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from bot.engine.phrases import PhraseSet


@dataclass(frozen=True)
class Cue:
    """One cue list: what it means, its compiled phrases, and the questions that pin it."""

    name: str
    about: str
    phrases: PhraseSet
    examples: tuple[str, ...]
    near_misses: tuple[str, ...]
    held_by: PhraseSet | None = None  # for a fact: how a page would write it ("reports to"); none of it on a page, the fact is missing

    def search(self, text: str) -> str | None:
        return self.phrases.search(text)

    def spans(self, words: list[str] | tuple[str, ...]) -> list[tuple[int, int]]:
        return self.phrases.spans(words)


def _data(name: str) -> Any:
    return yaml.safe_load(resources.files("bot.engine").joinpath("data", name).read_text(encoding="utf-8"))


def _words(value: Any) -> frozenset[str]:
    return frozenset(str(value or "").split())


_WORDS = _data("words.yaml")
_CUES = _data("cues.yaml")["cues"]
_CLINICAL = _data("clinical.yaml")

STOPWORDS = _words(_WORDS["stopwords"])
FORM_WORDS = _words(_WORDS["form_words"])
CERT_NOUNS = _words(_WORDS["cert_nouns"])
ROLE_NOUNS = _words(_WORDS["role_nouns"])
ROLE_HEADS = _words(_WORDS["role_heads"])
JOB_ENDINGS = tuple(sorted(_words(_WORDS["job_endings"])))


def head_noun(word: str) -> bool:
    """A job noun heading a title, one or several ("supervisor", "techs")."""
    return word in ROLE_HEADS or (word[-1:] == "s" and word[:-1] in ROLE_HEADS)


def job_noun(word: str) -> bool:
    """A word that names a job: a listed head ("coordinator", "nurse") or a profession by its
    ending ("dermatologist", "pediatrician"), for telling a job no page has from a role's."""
    return word in ROLE_HEADS or (word.endswith(JOB_ENDINGS) and len(word) >= 9)
LEAD_HEADS = _words(_WORDS["lead_heads"])
HEAD_COMPOUNDS: dict[str, frozenset[str]] = {head: _words(after) for head, after in _WORDS["head_compounds"].items()}  # "head office": a thing, no job
GRATITUDE = _words(_WORDS["gratitude"])
GREETINGS = _words(_WORDS["greetings"])
REACTIONS = _words(_WORDS["reactions"])
HELP_WORDS = _words(_WORDS["help_words"])
AFTER_WORDS = _words(_WORDS["after_words"])
BEFORE_WORDS = _words(_WORDS["before_words"])
BESIDE_FILLERS = _words(_WORDS["beside_fillers"])
REST_WORDS = _words(_WORDS["rest_words"])
FIRST_WORDS = _words(_WORDS["first_words"])
TAKE_VERBS = _words(_WORDS["take_verbs"])
SWAP_WORDS = _words(_WORDS["swap_words"])
WH_WORDS = _words(_WORDS["wh_words"])
REPORTING_VERBS = _words(_WORDS["reporting_verbs"])
REPORTED_LEADS = _words(_WORDS["reported_leads"])
TELLING_STARTS = _words(_WORDS["telling_starts"])
PAGE_ORDER_WORDS = _words(_WORDS["page_order_words"])
WHEN_WORDS = _words(_WORDS["when_words"])
TELLING_LEADS = _words(_WORDS["telling_leads"])
TELLING_PERSONS = _words(_WORDS["telling_persons"])
PERSON_NOUNS = _words(_WORDS["person_nouns"])
RELATIONS = _words(_WORDS["relations"])
MENTORED = _words(_WORDS["mentored"])
SOMEONE_NEW = _words(_WORDS["someone_new"])
DOWNPLAYING = _words(_WORDS["downplaying"])
FEWEST = _words(_WORDS["fewest"])
CLOSENESS = _words(_WORDS["closeness"])
HAVING_VERBS = _words(_WORDS["having_verbs"])
LONGER_WORDS = _words(_WORDS["longer_words"])
SHORTER_WORDS = _words(_WORDS["shorter_words"])
PRICE_ADJECTIVES = _words(_WORDS["price_adjectives"])
SLANG: dict[str, str] = {str(k): str(v) for k, v in _WORDS["slang"].items()}
SPOKEN: dict[str, tuple[str, ...]] = {str(k): tuple(str(v).split()) for k, v in _WORDS["spoken"].items()}
AUTOCORRECTED: dict[str, str] = {str(k): str(v) for k, v in _WORDS["autocorrected"].items()}
HELD_CUES = _words(_WORDS["held_cues"])
HELD_WHEN_AFTER = _words(_WORDS["held_when_after"])
HEARD_OF = _words(_WORDS["heard_of"])
OTHERS_HAVE = _words(_WORDS["others_have"])
NAME_HEADS = _words(_WORDS["name_heads"])
OUTSIDE_CREDENTIALS = _words(_WORDS["outside_credentials"])
KNOWN_TERMS = _words(_WORDS["known_terms"])
ASKS_WHAT = _words(_WORDS["asks_what"])
ASKED_OF_PEOPLE = _words(_WORDS["asked_of_people"])
POSSESSIVES = frozenset({"my", "our", "your", "his", "her", "their"})
NOT_HELD_CUES = _words(_WORDS["not_held_cues"])
HELD_LISTS = _words(_WORDS["held_lists"])
HELD_LIST_BREAKS = _words(_WORDS["held_list_breaks"])
HELD_AFTER = _words(_WORDS["held_after"])
NEGATIONS = _words(_WORDS["negations"])
GENERIC_MODIFIERS = _words(_WORDS["generic_modifiers"])
LOCATIVES = _words(_WORDS["locatives"])
DETERMINERS = _words(_WORDS["determiners"])
PLACES = _words(_WORDS["places"])
WISH_WORDS = _words(_WORDS["wish_words"])
WEIGHING_WORDS = _words(_WORDS["weighing_words"])
TOPIC_NOUNS = _words(_WORDS["topic_nouns"])
TOPIC_LEADS = _words(_WORDS["topic_leads"])
WHOLE_PATH_WORDS = _words(_WORDS["whole_path_words"])
LEAD_FILLERS = _words(_WORDS["lead_fillers"])
POLAR_LEADS = _words(_WORDS["polar_leads"])
EMBEDDED_LEADS = _words(_WORDS["embedded_leads"])
RATINGS = _words(_WORDS["ratings"])
EVALUATIVES = _words(_WORDS["evaluatives"])
BE_STATES = _words(_WORDS["be_states"])
TAG_WORDS = _words(_WORDS["tag_words"])
EARLY_WORDS = _words(_WORDS["early_words"])
TURN_WORDS = _words(_WORDS["turn_words"])
LATE_WORDS = _words(_WORDS["late_words"])
CLOCK_WORDS = _words(_WORDS["clock_words"])
END_WORDS = _words(_WORDS["end_words"])
DAY_TIMES: dict[str, int] = {str(k): int(v) for k, v in _WORDS["day_times"].items()}
DAY_TIME_SHIFT = int(_WORDS["day_time_shift"])
WISH_FILLERS = _words(_WORDS["wish_fillers"])
PERSON_WORDS = _words(_WORDS["person_words"])
ASKED_ROLE = _words(_WORDS["asked_role"])
WHO_WORDS = _words(_WORDS["who_words"])
LIGHT_WORDS = _words(_WORDS["light_words"])
SET_ASIDE_ENDS = _words(_WORDS["set_aside_ends"])
SET_ASIDE_RESTARTS = _words(_WORDS["set_aside_restarts"])
SET_ASIDE_STARTS = _words(_WORDS["set_aside_starts"])
RESTRICTION_WORDS = _words(_WORDS["restriction_words"])
REQUIREMENT_WORDS = _words(_WORDS["requirement_words"])
SITTING_WORDS = _words(_WORDS["sitting_words"])
ORDINALS: dict[str, int] = {str(k): int(v) for k, v in _WORDS["ordinals"].items()}
ORDINAL_NOUNS = _words(_WORDS["ordinal_nouns"])
PATH_NOUNS = frozenset({"path", "paths", "pathway", "pathways"})  # "2nd on that path?", "do their paths overlap"
WAY_NOUNS = PATH_NOUNS | {"track", "tracks", "route", "routes", "roadmap"}  # "the glucose meter coordinator track": the way to a role, by any name
COUNTS: dict[str, int] = {str(k): int(v) for k, v in _WORDS["counts"].items()}
TIME_SPANS = _words(_WORDS["time_spans"])
NUMBER_WORDS = _words(_WORDS["number_words"])
CLASS_WORDS = _words(_WORDS["class_words"])
BRITISH_ENDINGS: tuple[tuple[str, str], ...] = tuple((str(uk), str(us)) for uk, us in _WORDS["british_endings"])
FIELD_WORDS = _words(_WORDS["field_words"])
NEGATION_STARTS = _words(_WORDS["negation_starts"])
NEGATION_IDIOMS = _words(_WORDS["negation_idioms"])
CLAUSE_BREAKS = _words(_WORDS["clause_breaks"])
DISLIKE_STARTS = _words(_WORDS["dislike_starts"]) | frozenset(_WORDS["dislike_phrases"])  # (the phrases as they are written: "can't stand")
HELD_DID = _words(_WORDS["held_did"])
TRADE_WORDS = _words(_WORDS["trade_words"])
HELD_DID_AFTER = _words(_WORDS["held_did_after"])
NEGATED_LIKES = _words(_WORDS["negated_likes"])
DISLIKE_ENDS: tuple[str, ...] = tuple(_WORDS["dislike_ends"])
DRAWN_VERBS = _words(_WORDS["drawn_verbs"])
FOUND_DISLIKES = _words(_WORDS["found_dislikes"])
GRIEVANCE_LEADS = _words(_WORDS["grievance_leads"])
BOSS_ADJECTIVES = _words(_WORDS["boss_adjectives"])
# Clinical vocabulary (data/clinical.yaml): a word's weight, and the kinds that can anchor a
# clinical question (a drug, a class or form of medicine, a condition).
CLINICAL_WEIGHT: dict[str, int] = {
    **{w: 1 for kind in ("people", "measures", "conditions", "classes") for w in _words(_CLINICAL[kind])},
    **{w: 2 for w in _words(_CLINICAL["drugs"])},
}
CLINICAL_DRUGS = _words(_CLINICAL["drugs"])  # drugs by name ("acetaminophen"): read as drugs (``is_drug``) whatever their shape
CLINICAL_ANCHORS = CLINICAL_DRUGS | _words(_CLINICAL["classes"]) | _words(_CLINICAL["conditions"])
CLINICAL_SPECIFICS = CLINICAL_DRUGS | _words(_CLINICAL["measures"])  # a drug or a dose: a patient's case, not a field of work
CLINICAL_EXAMPLES: tuple[str, ...] = tuple(_CLINICAL["examples"])
CLINICAL_NEAR_MISSES: tuple[str, ...] = tuple(_CLINICAL["near_misses"])
DRUG_PREFIXES = tuple(sorted(_words(_WORDS["drug_prefixes"])))
DRUG_SUFFIXES = tuple(sorted(_words(_WORDS["drug_suffixes"]), key=len, reverse=True))
RELATED: tuple[frozenset[str], ...] = tuple(_words(group) for group in _WORDS["related"])

CUES: dict[str, Cue] = {
    name: Cue(
        name,
        str(spec.get("about", "")),
        PhraseSet.compile(name, spec.get("phrases") or []),
        tuple(spec.get("examples") or ()),
        tuple(spec.get("near_misses") or ()),
        PhraseSet.compile(name, spec["held_by"]) if spec.get("held_by") else None,
    )
    for name, spec in _CUES.items()
}
FACET_PREFIX = "missing_"
# Facts the pages do not hold, in the order they are checked: (label for the refusal, cue).
FACETS: tuple[Cue, ...] = tuple(c for name, c in CUES.items() if name.startswith(FACET_PREFIX))


def cue(name: str) -> Cue:
    return CUES[name]


def is_drug(word: str) -> bool:
    """A drug the clinical vocabulary names ("acetaminophen"), or a word shaped like a drug name
    (cef- antibiotics, -pril, -statin, -mab …)."""
    if word in CLINICAL_DRUGS:
        return True
    # str.startswith/endswith over the whole tuple first (in C): most words have neither
    if word.startswith(DRUG_PREFIXES) and word.isalpha() and any(word.startswith(p) and len(word) >= len(p) + 4 for p in DRUG_PREFIXES):
        return True
    return word.endswith(DRUG_SUFFIXES) and any(word.endswith(s) and len(word) >= len(s) + 3 and word[: -len(s)].isalpha() for s in DRUG_SUFFIXES)


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Every word the data names: spelling correction leaves these alone."""
    words: set[str] = set()
    for group in (CERT_NOUNS, ROLE_NOUNS, ROLE_HEADS, GREETINGS, HELD_CUES, NOT_HELD_CUES, FORM_WORDS, HELP_WORDS, GRATITUDE, KNOWN_TERMS):
        words |= group
    for c in CUES.values():
        words |= c.phrases.words()
    return frozenset(w for w in words if len(w) >= 3)
