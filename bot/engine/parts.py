"""Several questions in one message: "What does a CPSCM cover? And how do I become an ops director?"

A message is split into its questions only when it holds at least two (sentences ending in
"?", or starting like a question); the statements around them ("I'm a purchasing tech") stay
with the message as context for tailoring. At most ``MAX_PARTS`` questions are answered.
"""

from __future__ import annotations

import re
from typing import Callable

from bot.engine import lexicon
from bot.engine.normalize import clean

MAX_PARTS = 3
_SENTENCE = re.compile(r"(?<=[?!;])\s+|(?<=[^.]\.)(?<!\b[Dd][Rr]\.)(?<!\b[Mm][RrSs]\.)(?<!\b[Mm]rs\.)(?<!\b[Pp]rof\.)\s+|\n+")  # "is there a cert for just... running a team?" is one sentence; "Dr. Raman" ends none
_OPENERS = frozenset(
    "what whats which who whom whose when where why how hows is are can could should would will do does did tell list any".split()
)


MIN_WORDS = 3  # "cptl?? is that the one for lead techs" is one question, not two


_WH = frozenset("what whats which who whom whose when where why how hows tell list".split())
_LEADS = frozenset("and also plus but so oh ok okay then".split())  # "… stand for? and how much does the exam cost"


def _is_question(sentence: str) -> bool:
    words = re.findall(r"[a-z0-9']+", sentence.lower())
    if len(words) < MIN_WORDS:
        return False
    first = next((w for w in words if w not in _LEADS), "").replace("'", "")
    if sentence.rstrip().endswith("?"):
        return True
    at = words.index(first) if first in words else 0
    if first in ("what", "whatever") and words[at + 1 : at + 2] and words[at + 1].replace("'", "") in _TELLERS:
        return False  # "what I love: sitting down with patients", "what I'm really good at is …": a statement that says it, not a question
    if sentence.rstrip().endswith("."):  # "Did an MSc in health economics." says what they did; "what does X do." still asks
        return first in _WH
    return first in _OPENERS


_TELLERS = frozenset({"i", "im", "ive", "id", "we", "weve", "he", "hes", "she", "shes", "they", "theyre", "my", "our"})  # who a pseudo-cleft ("what I love: …") tells of


_JOINED = re.compile(r"\s*,?\s+(?:and|&|also|plus)\s+(?=(?:how|what|whats|what's|which|where|who|when|why|(?:is|are|does|do|did|can|could|will|would)\s+(?:it|they|i|you|he|she|that|this|there)\b)\b)", re.IGNORECASE)  # "whats CEHDS and how much does it cost", "what is CEOLP and is it only for hospice"


def _asks_twice(sentence: str) -> list[str]:
    """A sentence that joins two questions with "and" before a question word, as its two
    questions (each may be short: "whats CEHDS"); else the sentence. The first question may
    follow a salutation or a lead-in within its first few words ("Dear Council, what …", "Two
    things: whats …")."""
    pieces = _JOINED.split(sentence)
    if len(pieces) < 2:
        return [sentence]
    words = re.findall(r"[a-z0-9']+", pieces[0].lower())
    opening = _ASK_OPENS.search(pieces[0])
    if opening is not None and len(re.findall(r"[a-z0-9']+", pieces[0][: opening.start(1)])) <= SALUTATION_WORDS:
        words = re.findall(r"[a-z0-9']+", pieces[0][opening.start(1) :].lower())
    first = words if words and words[0].replace("'", "") in _WH else []
    asks = [p for p in pieces[1:] if _is_question(p) or _short_wh(p)]
    if all(_CODE_LIKE.search(p) for p in pieces):
        return [sentence]  # "what is CPWM and what is CGPPL": two certifications, answered together
    if len(first) >= 2 and len(asks) == len(pieces) - 1:
        return pieces
    return [sentence]


SALUTATION_WORDS = 6  # words a salutation may take before the question ("Forwarding from the inbox: Dear Council, what …")
_ASK_OPENS = re.compile(r"(?:^|[,:]\s*)(?:\w+\s+){0,2}((?:what|whats|what's|which|who|whom|whose|when|where|why|how|hows|how's|tell|list)\b)", re.IGNORECASE)  # the question word opens the sentence or follows a salutation ("Dear Council, what …", "Two questions: what …", "ok, so how …")


_LEANING = frozenset("it its that this those these she he her his they them their".split())  # words that point at something the message told


def _stands_alone(sentence: str, names_subject: Callable[[str], bool] | None) -> bool:
    """The sentence's first question names its own subject (a role or certification the knowledge
    holds, no "that", "she" … in it), so it can be answered apart from the statements around it."""
    pieces = _JOINED.split(sentence)
    return names_subject is not None and len(pieces) >= 2 and _LEANING.isdisjoint(re.findall(r"[a-z0-9']+", pieces[0].lower())) and names_subject(pieces[0])  # (the knowledge read only for a sentence that joins two)


def _short_wh(piece: str) -> bool:
    """"whats ccfs": a question word and what it asks about, too short to be a question alone."""
    words = re.findall(r"[a-z0-9']+", piece.lower())
    return len(words) >= 2 and words[0].replace("'", "") in _WH


_CODE_LIKE = re.compile(r"\b[A-Z]{3,6}\b")


def restated(message: str) -> str:
    """"the data feed one. no wait, the respite one. day pls": sentences that only named something,
    then a correction opening a later sentence; the message as corrected ("the respite one. day
    pls"). Any other message as it is."""
    sentences = [x.strip() for x in _SENTENCE.split(clean(message)) if x and x.strip()]
    for k in range(1, len(sentences)):
        words = tuple(re.findall(r"[a-z0-9]+", sentences[k].lower().replace("'", "")))
        spans = lexicon.cue("correction").spans(words)
        end = 0
        while (more := max((y for x, y in spans if x == end and y > end), default=None)) is not None:
            end = more  # ("sorry i meant": "sorry", then "i meant")
        if end and not _CORRECTING.isdisjoint(words[:end]) and not any(_is_question(x) or x.rstrip().endswith("?") or lexicon.cue("correction").spans(tuple(re.findall(r"[a-z0-9]+", x.lower().replace("'", "")))) for x in sentences[:k]):  # (nothing asked before it; not "wait no, wrong job. i meant the co-op one": all of it corrects the turn before)
            cut = _after_words(sentences[k], end)
            return " ".join([cut, *sentences[k + 1 :]]) if cut else message
    return message


_CORRECTING = frozenset({"wait", "mean", "meant", "typo", "typoed", "wrong", "actually", "misspelled", "mistyped"})  # a correction's own words (not "sorry" alone: "hi. sorry to bother you, …")


def _after_words(sentence: str, count: int) -> str:
    """The sentence after its first ``count`` words, the punctuation after them dropped."""
    m = re.match(r"^(?:\W*[A-Za-z0-9']+){%d}[\s,;:.!-]*" % count, sentence)
    return sentence[m.end() :].strip() if m else ""


def one_sentence(message: str) -> bool:
    """The message is one sentence (its questions, if several, joined by "and")."""
    return len([s for s in _SENTENCE.split(clean(message)) if s and s.strip()]) == 1


def split_questions(message: str, names_subject: Callable[[str], bool] | None = None) -> tuple[list[str], list[str]]:
    """(questions, statements) of a message; one question means the message stays whole.
    ``names_subject`` says whether a question names a role or certification of its own (the
    knowledge decides); without it, a question beside statements is never split."""
    whole = [s.strip() for s in _SENTENCE.split(clean(message)) if s and s.strip()]
    asking = [s for s in whole if _is_question(s)]
    split = [_asks_twice(s) if len(whole) == 1 or (len(asking) == 1 and s is asking[0] and _stands_alone(s, names_subject)) else [s] for s in whole]  # ("Dear Council, what does CIEPS show, and how much is the fee? Regards, M.": two questions; beside what a message tells, "what job is that and where does she start", "which certs and what order" lean on it: one question)
    sentences = [piece.strip() for pieces in split for piece in pieces]
    joined = {piece.strip() for pieces in split if len(pieces) > 1 for piece in pieces}  # (each asks, however short)
    questions = [s for s in sentences if _is_question(s) or s in joined]
    if len(questions) < 2:
        return [message], []
    statements = [s for s in sentences if s not in questions]
    return questions[:MAX_PARTS], statements
