"""Turn what members type in Discord into clean, comparable words.

Strips Discord markup (mentions, custom emoji, URLs, markdown, code fences), folds case,
quotes and dashes, caps very long messages, and splits into word tokens while keeping
code-like tokens (``CHPOP-II``, ``CPhT-Adv``) whole so they are never mistaken for ours.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

MAX_CHARS = 1500  # a question longer than this is rambling; the first part carries the ask
MAX_TOKENS = 120

_FENCE = re.compile(r"```(?:[a-zA-Z0-9_+-]*\n)?")
_MENTION = re.compile(r"<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b")
_CUSTOM_EMOJI = re.compile(r"<a?:\w{1,40}:\d+>|:[a-z0-9_+-]{1,40}:")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
_NUMBERED = re.compile(r"(?<![\w&])#([1-9])\b")
_MARKDOWN = re.compile(r"[*_~|`>#\[\]()]")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "→": " -> ", "⟶": " -> "})
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\-./][A-Za-z0-9]+)*")
_IS_CONTRACTED = frozenset({"what", "who", "how", "where"})  # "what's" is "whats" (what is), as members type it; "member's" is "member"
_HESITATIONS = frozenset({"um", "umm", "ummm", "uh", "uhh", "uhhh", "uhm", "erm", "ehm"})  # said while thinking, typed or transcribed
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_DOLLAR_ALONE = re.compile(r"\$(?![\d.,])")
_SYMBOLS = re.compile(r"[^\x00-\x7f\w\s]|_")  # emoji and other non-ASCII symbols; letters stay
_PARTS = re.compile(r"[-/.]")
_DOTTED_LETTERS = re.compile(r"\b(?:[A-Za-z]\.){3,}[A-Za-z]?\b\.?")
_CLOCK_DOTS = re.compile(r"(?<=\d)(\s*)([AaPp])\.\s?([Mm])\.?(?=\W|$)")  # "2 p.m." -> "2 pm"
_LETTER_AND_LETTER = re.compile(r"\b([A-Za-z])\s?&\s?([A-Za-z])\b")
_SPACED_LETTERS = re.compile(r"(?<!['’])\b(?:[A-Za-z] ){2,}[A-Za-z]\b")  # not the s of "what's c m o p m"
_CAPITALS_WORD = re.compile(r"\bIT\b|\b[Ii]nformation [Tt]echnology\b")
IT_DEPARTMENT = "infotech"  # the one word "IT" and "information technology" are read as
_OR_WORD = re.compile(r"\b(?:ORs?|[Oo]perating [Rr]ooms?)\b")
_CODE_BESIDE = re.compile(r"[A-Z]{3,}")  # "CPOM OR CMSO": the word "or", shouted between two codes
OPERATING_ROOM = "operatingroom"  # the one word "OR" and "operating room" are read as


class Token(NamedTuple):
    word: str  # lower-case surface form
    code_like: bool  # written like an acronym/code: CPOM, BCCCP, CHPOP-II, CPhT-Adv
    compound: str = ""  # the whole hyphenated token this word was split from ("cpxl-2")


def fold(text: str) -> str:
    """Unicode compatibility forms, typographic quotes and dashes to plain ones."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)


def ampersands(text: str) -> str:
    """"P&T", "Q&A": one word, not two letters; any other "&" is "and". Members' messages and
    knowledge texts are read alike."""
    if "&" not in text:  # most texts: skip the substitution (a tenth of an index build)
        return text
    return _LETTER_AND_LETTER.sub(r"\1\2", text).replace("&", " and ")


def capital_words(text: str) -> str:
    """Capitals that spell a department, not the pronoun or the conjunction: "works with IT" is
    the IT department (one word, as "information technology" spelled out is), "the OR manager"
    the operating room's, unless the whole text is in capitals ("WHAT IS IT"). Members' messages
    and knowledge texts are read alike."""
    if text.isupper():
        return text
    if "OR" in text or "perating" in text:
        text = _OR_WORD.sub(lambda m: _operating_room(m, text), text)
    if "IT" not in text and "echnology" not in text:
        return text
    return _CAPITALS_WORD.sub(IT_DEPARTMENT, text)


def _operating_room(m: re.Match[str], text: str) -> str:
    """"the OR manager", "an OR satellite", "operating rooms": the operating room; "CPOM OR CMSO"
    keeps its "or"."""
    if not m.group(0).startswith("OR"):
        return OPERATING_ROOM
    before = text[: m.start()].split()[-1:]
    after = text[m.end() :].split()[:1]
    if any(_CODE_BESIDE.fullmatch(w.strip(".,;:!?()'\"")) for w in before + after):
        return m.group(0)
    return OPERATING_ROOM


def clean(text: str, limit: int | None = MAX_CHARS) -> str:
    """Discord markup out, Unicode folded; keeps case (codes are read from it).

    ``limit`` caps what a member's message may make us read; knowledge text passes None.
    """
    if limit is not None:
        text = text[: limit * 4]
    text = fold(text)
    text = _FENCE.sub(" ", text)
    text = _MENTION.sub(" ", text)
    text = _CUSTOM_EMOJI.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _NUMBERED.sub(lambda m: m.group(1) + {"1": "st", "2": "nd", "3": "rd"}.get(m.group(1), "th"), text)  # "and #1?" is the first
    text = _MARKDOWN.sub(" ", text)
    text = ampersands(text)
    text = _DOLLAR_ALONE.sub(" dollars ", text)  # "cdpm exam $?": a price asked ("a $40M budget" is an amount)
    text = _SYMBOLS.sub(" ", text)
    text = _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text)
    text = _CLOCK_DOTS.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}".lower(), text)
    text = _DOTTED_LETTERS.sub(lambda m: m.group(0).replace(".", ""), text)  # "c.p.a.t.s" -> cpats
    text = " ".join(text.split())
    return text[:limit] if limit is not None else text


def _is_code_like(tok: str) -> bool:
    if tok.islower():
        return False
    head = tok.split("-")[0]
    if _PLURAL_ACRONYM.fullmatch(head):
        return False  # "TPNs", "ADCs", "PAs": the plural of an abbreviation, not a certification code
    if len(head) >= 3:
        return sum(map(str.isupper, head)) >= 2 and head.isalnum()
    parts = tok.split("-")  # "FP-C", "CCP-C": capitals joined by a hyphen, a credential's way of writing its code
    return len(parts) == 2 and all(p.isalpha() and p.isupper() for p in parts) and len(head) == 2 and len(parts[1]) == 1


def tokenize(text: str, limit: int | None = MAX_TOKENS) -> list[Token]:
    """Word tokens; hyphenated words split (mid-day -> mid day) unless they look like a code."""
    out: list[Token] = []
    for raw in _TOKEN.findall(capital_words(text)):
        if raw.lower() in _HESITATIONS and not raw.isupper():
            continue  # "um and the hand rub guy, same question": a voice note's pause, no word
        if "'" in raw:
            base, _, tail = raw.partition("'")
            raw = base if tail.lower() in ("s", "") and base.lower() not in _IS_CONTRACTED else base + tail
        if not raw.islower() and _is_code_like(raw):
            out.append(Token(raw.lower().replace(".", ""), True))
        elif raw.isalnum():
            out.append(Token(raw.lower(), False))
        else:
            compound = raw.lower() if "-" in raw else ""
            out.extend(Token(part, False, compound) for part in _PARTS.split(raw.lower()) if part)
        if limit is not None and len(out) >= limit:
            return out[:limit]
    return out


_SUFFIXES = ("ational", "ations", "ation", "atives", "ative", "ency", "ial", "ments", "ment", "ships", "ship", "ings", "ing", "ers", "er", "ies", "ied", "ed", "es", "s")


# Past forms no suffix gives back ("i taught high school chem": teaching; "ran the IV room": run).
# General English; the words of work a member tells of in the past.
_IRREGULAR = {
    "taught": "teach", "built": "build", "bought": "buy", "brought": "bring",
    "thought": "think", "sought": "seek", "wrote": "write", "written": "write", "ran": "run", "kept": "keep",
    "sent": "send", "made": "make", "held": "hold", "told": "tell", "sold": "sell",
    "began": "begin", "begun": "begin", "chose": "choose", "chosen": "choose", "drove": "drive", "driven": "drive",
    "fought": "fight", "grew": "grow", "grown": "grow", "knew": "know", "known": "know",
    "met": "meet", "paid": "pay", "spoke": "speak", "spoken": "speak", "stood": "stand", "took": "take", "taken": "take",
    "understood": "understand", "oversaw": "oversee", "overseen": "oversee", "undertook": "undertake", "won": "win",
}


# Nouns whose -er is no agent of the shorter word: an officer is not an office, a counter
# (over-the-counter) is not counting ("head office", "counting by fives" name neither); nor is an
# evening anything "even" ("the evening one" is a time of day).
_OWN_NOUNS = {"officer": "officer", "officers": "officer", "counter": "counter", "counters": "counter", "evening": "evening", "evenings": "evening"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: managing/manager/management -> manag, teams -> team."""
    if word in _OWN_NOUNS:
        return _OWN_NOUNS[word]
    word = _IRREGULAR.get(word, word)
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith(("ersion", "ersions")) and word.rindex("ersion") >= 2:
        return word[: word.rindex("ersion")] + "ert"  # diversion/diverting -> divert, conversion -> convert
    if word.endswith(("mental", "mentally")) and word.rindex("mental") >= 3:
        word = word[: word.rindex("mental")] + "ment"  # environmental -> environment, as the noun is
    for suffixes in (_SUFFIXES, ("er",)):  # leadership -> leader -> lead
        for suf in suffixes:
            if word.endswith(suf) and len(word) - len(suf) >= 3:
                if suf in ("s", "es") and word.endswith(("ss", "us", "is")):
                    continue
                if suf in ("er", "ers") and word.endswith(("eer", "eers")):
                    word = word.removesuffix("s")  # career(s), volunteer(s): not an -er agent noun
                    break
                word = word[: -len(suf)] + {"ies": "y", "ied": "y", "ency": "ent", "ations": "at", "ation": "at", "atives": "at", "ative": "at"}.get(suf, "")
                break
        else:
            break
    if word.endswith("ency") and len(word) >= 7:
        word = word[:-4] + "ent"  # emergencies -> emergency -> emergent, as emergency is
    if word.endswith("ical") and len(word) >= 9:
        word = word[:-2]  # statistical -> statistic(s), analytical -> analytic(s): the adjective is the noun's
    if word.endswith("ic") and len(word) >= 7 and not word.endswith("atic"):
        word = word[:-2]  # robotic(s) -> robot, as robots are (not informatics -> informat, which is information)
    if word.endswith("e") and len(word) >= 4:
        word = word[:-1]
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # running -> runn -> run
    return word
