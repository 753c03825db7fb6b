"""Search structures built once per knowledge snapshot.

Everything the matcher needs per question is a dictionary lookup or a small loop over
posting lists, so answering stays well under a millisecond on the shipped knowledge.
Word weights are inverse document frequencies over the knowledge passages: a word that
appears everywhere ("pharmacy") says little, a rare one ("procurement") says a lot.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial
from typing import Callable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine import english, lexicon
from bot.engine.intents import ExampleIndex
from bot.engine.normalize import ampersands, capital_words, fold, stem
from bot.engine.phrases import PhraseSet
from bot.knowledge.model import Knowledge

SECTIONS = ("overview", "responsibilities", "day_in_the_life")
_STRETCHED = re.compile(r"(\w)\1{2,}")
_DOUBLED_END = re.compile(r"(\w)\1$")
_SMALL_TALK = lexicon.GREETINGS | lexicon.GRATITUDE | lexicon.REACTIONS
CLIPPED_PART = 3  # letters each half of two clipped title words typed together needs ("hazcom")
CLIPPED_ALONE = 4  # letters a clipped word needs to stand for the one title word it starts ("prep": preparedness)
MAX_CLIPPED = 3  # a clipped word that could be more title words than this says nothing
TAIL_TITLE_WORDS = 4  # titles this long (content words) may be shortened to their last two
TAIL_WORD_RARE = 5_000  # a word this common in English (per the shipped word list) is no short name
THEME_INITIALS_ALONE = 3  # "DME" (Durable Medical Equipment Program Manager) names the role alone; two letters ("cc") need the job noun
ACRONYM_NOT_ENGLISH = 2_000  # "OPS" (Overnight Pharmacy Supervisor) is the everyday "ops", "CAT" a cat: not a role's initials
ENGLISH_OVER_TYPO = 20  # an English word stays as typed unless the correction is this many times commoner
CLIPPED_MIN_LETTERS = 3  # a word this short clips no title word
CLIPPED_MORE = 3  # letters a completion adds to be a clipped word ("pop" -> "population"), not an inflection ("recall" -> "recalls")
CLIPPED_ENGLISH = 30_000  # a word this common is completed only beside a title word ("pop health"; not "super helpful")
EVERYDAY_WORD = 100_000  # ... and a word this common ("eight", "weekly") is never a typo of another ("right")
CUE_WORD_TYPO = 6  # a word of the cue lists this long is a typo target too ("pathwya")
NEAR_NAME_MIN = 6  # an English word this long may be a typo of a name word beside it ("experimental education coordinator")
NEAR_NAME_PREFIX = 3  # ... and starts as that word does
COINED_NAME_WORD = 6  # a word this long of a page's other name, in no English and no other title ("neurorehab"), names the role alone
COINED_ENDING = 3  # ... and no English word is it with up to this many last letters off ("scheduler": "schedule")
COMMON_ENGLISH = 1_000_000  # words this common in English ("after", "goes", "time") say little ...
COMMON_ENGLISH_DAMPING = 0.5  # ... so their weight is scaled by this
PAGE_TOPIC_MIN = 3  # passages of one role's page that write a word for it to be that page's subject ("allergy" on an allergen compounding page)


@dataclass(frozen=True, slots=True)
class Passage:
    """One retrievable piece of knowledge text."""

    role: str | None
    cert: str | None
    section: str  # overview | responsibilities | day_in_the_life | pathway | certification
    stems: frozenset[str]
    bigrams: tuple[tuple[str, str], ...]  # stem pairs side by side, each pair one shared object (compact: a knowledge base repeats them)
    name_stems: frozenset[str] = frozenset()  # a responsibility's name, a day entry's title, a cert's name


def words_of(text: str) -> list[str]:
    """Every word of a knowledge text, split as members' messages are (``tokenize``) but
    without the Discord clean-up and length caps that only members' messages need."""
    return [_possessive(w) if "'" in w else w for w in _KB_WORD.findall(capital_words(ampersands(fold(text))).lower())]


_KB_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)?")


def _possessive(word: str) -> str:
    base, _, tail = word.partition("'")
    return base if tail == "s" else base + tail


_CALLED = re.compile(r"\b(?:(?:often|also|sometimes|commonly|usually|simply)\s+)*(?:called|known\s+as|referred\s+to\s+as|described\s+as|nicknamed)\s+", re.I)
# "Many hospitals call this person the shortage pharmacist": the one called is said in the phrase itself.
_CALL_IT = re.compile(r"\bcalls?\s+(?:(?:this|that|the)\s+(?:person|role|leader|position|job|professional)|them|him\s+or\s+her)\s+", re.I)
_BETWEEN = re.compile(r"^[\s,(\-–—]*$")  # only punctuation between the title and "called …"
# The role itself as a sentence's subject: "This leader … is often called …", "They are known as …".
_ROLE_SUBJECT = re.compile(r"\b(?:(?:this|the)\s+(?:leader|role|person|position|job|professional)|they|he or she)\b.*\b(?:is|are)\s*$", re.I)
_NAME_SPLIT = re.compile(r"\s+or\s+|\s*/\s*")
_NAME = re.compile(r"^(?:the\s+|a\s+|an\s+)?[\"“']?([a-z0-9][a-z0-9\-]*(?:\s+[a-z0-9][a-z0-9\-]*){0,3})[\"”']?$", re.I)  # ("the 340B coordinator")
_SAID_BY = re.compile(r"\s+(?:by|among|across|throughout|around|of\s+the|in\s+the|after|because|since)\s+", re.I)  # who calls it so, where ("the AI watchdog of the pharmacy department") or why ("the MLR reviewer after the … committee"), not part of the name
_NOT_A_NAME = frozenset({"they", "he", "she", "it", "this", "who", "which", "that", "and"})
_ROLE_IS = re.compile(r"\b(?:the|this)\s+(?:role|job|position)\s+is\s+(?:the|a|an)\s+((?:[A-Z][a-z]+\s+){0,3}[A-Z][a-z]+)(?:\s*\(([A-Z]{2,6})\))?")  # (not "the role is a mix of …": a name in capitals)
_OR_NAME = re.compile(r"\s*\(\s*(?:or|aka|a\.k\.a\.?)\s+([^()]{2,60})\)", re.I)  # right after the title: "(or 'the chargeback analyst')"


def _own_word(word: str, rid: str, nicknamed: Mapping[str, set[str]], ix: "Index") -> bool:
    """A word of one role's other name that no other role's title or other name uses, and that
    says more than a field or a job noun ("topicals", not "pharmacy" or "lead")."""
    if word in lexicon.STOPWORDS or word in lexicon.ROLE_HEADS or word in lexicon.FIELD_WORDS or len(word) < 4:
        return False
    st = stem(word)
    return nicknamed.get(st, set()) == {rid} and set(ix.title_postings.get(st, ())) <= {rid}


def _used_beyond_names(words: set[str], kb: Knowledge, called: list[tuple[str, str]]) -> set[str]:
    """Of these words, those a page's text uses beyond the roles' other names
    ("cleanroom", "Ramadan": what a page is about, not only what its role is called); one pass
    over the texts, counting only these words."""
    if not words:
        return set()
    counts = dict.fromkeys(words, 0)
    for name, _ in called:
        for w in words_of(name):
            if w in counts:
                counts[w] -= 1
    for role in kb.roles.values():
        for text in (role.tagline, *role.overview, *(f"{r.name} {r.description}" for r in role.responsibilities), *(f"{e.title} {e.description}" for e in role.day_in_the_life), *(s.why for s in role.pathway)):
            for w in words_of(text):
                if w in counts:
                    counts[w] += 1
    return {w for w, n in counts.items() if n > 0}


def called_names(title: str, text: str) -> list[str]:
    """Other names a page gives its role ("The Pharmacy Purchasing and Inventory Specialist, often
    simply called the pharmacy buyer, …"; "Sometimes called the aseptic unit lead or the
    cleanroom manager, they …"; "This leader … is often called the charge master analyst"; "Many
    hospitals call this person the shortage pharmacist"):
    each up to four words. "Called" must be said of the role, right after its title, opening
    a sentence, or after "this leader", "they"; "a process known as …" names something else."""
    names: list[str] = []
    for sentence in re.split(r"(?<=[.;!?])\s+", text):
        for proper in _ROLE_IS.finditer(sentence):  # "In law the role is the Qualified Person (QP)": its name in capitals, and its initials
            names += [n for n in proper.groups() if n]
        at = sentence.lower().find(title.lower())
        aside = _OR_NAME.match(sentence, at + len(title)) if at >= 0 else None
        if aside is not None:  # "The Pharmacy Chargeback Reconciliation Specialist (or 'chargeback analyst') …"
            found = _NAME.match(aside.group(1).strip())
            if found is not None and found.group(1).split()[0].lower() not in _NOT_A_NAME:
                names.append(found.group(1).strip())
        m = _CALLED.search(sentence) or _CALL_IT.search(sentence)
        if m is None:
            continue
        before = sentence[: m.start()]
        at = before.lower().find(title.lower())
        of_role = (at >= 0 and _BETWEEN.match(before[at + len(title) :]) is not None) or not before.strip() or _ROLE_SUBJECT.search(before) is not None or re.match(rf"the\s+{re.escape(title.split()[-1])}\b", before.strip(), re.I) is not None or re.search(rf"\bthe\s+{re.escape(title.split()[-1])}\s+(?:is|are)\s*$", before, re.I) is not None  # ("The liaison knows …, often called the rare disease access pharmacist"; "On many productions the liaison is simply called the set pharmacist")
        if not of_role and at >= 0 and (said := re.match(r"\s+(?:is|are)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?([\w-]+)\s*,?\s*$", before[at + len(title) :], re.I)) is not None:
            of_role = said.group(1).lower() in lexicon.ROLE_HEADS  # "A Continuous Infusion Refill Scheduler is a pharmacy technician, often called the drip tracker"
        if not of_role and at >= 0 and (said := re.match(r"\s+(?:is|are)\s+(?:a|an|the)\s+((?:[\w-]+\s+){0,2}[\w-]+)\s+(?:behind|for|of|in|at|on|who|that)\b[^.;:!?]*,\s*$", before[at + len(title) :], re.I)) is not None:
            of_role = any(w in lexicon.ROLE_HEADS or w in lexicon.NAME_HEADS or w in lexicon.PERSON_NOUNS for w in said.group(1).lower().split())  # "A Certification Exam Psychometrician is the measurement expert behind a certification program, often called the exam statistician"
        # "A Sterile Compounding Supervisor runs the IV room and cleanroom suite, often called the IV
        # room supervisor or cleanroom lead": the title is the sentence's subject, the names are jobs
        subject_only = m.re is _CALL_IT or (not of_role and 0 <= at <= 4)  # ("you call them every day": no job's name)
        if not (of_role or subject_only):
            continue
        listed = re.split(r"[.;:(),—–]|\s-\s", sentence[m.end() :])[0]  # "called A or B, they …", "— often called a respiratory formulation scientist — works …"
        for part in _NAME_SPLIT.split(_OPEN_OR.sub("", listed.strip())):
            found = _NAME.match(_SAID_BY.split(part.strip())[0])  # "often called the cleanroom builder by pharmacy staff": who calls it so is no part of the name
            if found is None or found.group(1).split()[0].lower() in _NOT_A_NAME:
                break
            name = found.group(1).strip()
            if subject_only and m.re is not _CALL_IT and name.lower().split()[-1] not in lexicon.ROLE_HEADS and name.lower().split()[-1] != title.split()[-1].lower():  # ("colleagues call this person the kit master": said of the person; "the health champion" of a Healthy Living Pharmacy Champion: its own job noun)
                break  # "… runs the vault, a process known as the count": not a job's name
            if not all(w in lexicon.STOPWORDS for w in name.lower().split()):
                names.append(name)
        rest = sentence[m.end() + len(listed) :]
        if names and (more := _AND_ELSEWHERE.match(rest) or (_OR_ELSEWHERE.match(rest) if _OPEN_OR.search(listed) else None)) is not None:  # "often called the IFR pharmacist, and in some organisations the exceptional funding lead"; "… the leave meds coordinator or, on psychiatric wards, the pass meds technician"
            found = _NAME.match(more.group(1).strip())
            if found is not None and found.group(1).split()[0].lower() not in _NOT_A_NAME and found.group(1).lower().split()[-1] in lexicon.ROLE_HEADS:
                names.append(found.group(1).strip())
    return names


_OPEN_OR = re.compile(r"\s+(?:or|and)$", re.I)  # a name list going on past a comma ("A or, on some wards, B")
_OR_ELSEWHERE = re.compile(r"^,\s*(?:(?:in|at|on|across|among)\s+[\w\s-]{2,40}?,\s*)?((?:the|a|an)\s+[\w\s-]{2,40}?)\s*(?:[.;:(),]|$)", re.I)
_AND_ELSEWHERE = re.compile(r"^,\s*(?:and|or)\s+(?:(?:in|at|across|among)\s+(?:some|many|other|most|smaller|larger)\s+[\w-]+\s+)?((?:the|a|an)\s+[\w\s-]{2,40}?)\s*(?:[.;:(),]|$)", re.I)


_WHAT_IT_PROVES = re.compile(r",\s+(?:prov|show|validat|demonstrat|confirm|build|giv)\w*", re.I)


def first_for(why: str) -> frozenset[str]:
    """Whom a pathway step's "why" says it comes first for: the words after "first", "starting
    point" … in its sentence ("The recommended starting point for technicians joining …",
    "A natural first certification if you come from insurance billing …")."""
    found: set[str] = set()
    for sentence in re.split(r"(?<=[.;!?])\s+", why):
        ws = words_of(_WHAT_IT_PROVES.split(sentence)[0])  # not "…, proving your skill with drug accountability"
        at = next((i for i, w in enumerate(ws) if w in lexicon.FIRST_WORDS), None)
        to = next((j for j in range(at + 1, min(at + 4, len(ws))) if ws[j] in ("for", "if", "when")), None) if at is not None else None
        if to is not None:  # "first step for …", not "their first year of practice"
            found.update(content_stems(ws[to + 1 :]))
    return frozenset(found)


def reading_groups(read: list[tuple[str, str]]) -> list[int]:
    """For each word of an expanded text, which written word (or phrase) it was read from: "tech"
    read as "tech technician technology" is one group, as is "med safety" read as "medication
    safety"; a word kept as written starts a group of its own."""
    groups: list[int] = []
    group = 0
    for k, (word, said) in enumerate(read):
        if k and (said != read[k - 1][1] or word == said):
            group += 1
        groups.append(group)
    return groups


def content_stems(words: list[str]) -> list[str]:
    return [stem(w) for w in words if w not in lexicon.STOPWORDS and not w.isdigit()]


@dataclass
class Index:
    knowledge: Knowledge
    synonyms: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    synonym_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first word -> phrase lengths
    known_words: set[str] = field(default_factory=set)  # never spell-corrected
    text_words: frozenset[str] = frozenset()  # words the knowledge itself writes
    text_compounds: frozenset[str] = frozenset()  # hyphenated words it writes, lower case ("car-t"): no unknown code when a member types them
    name_word_list: tuple[str, ...] = ()  # words of titles, names and aliases, sorted (for clipped words)
    name_between: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)  # (word before, word after) -> the name words written between them
    name_pairs: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)  # first three letters -> two name words written one after the other ("hazard communication")
    writes: dict[str, list[str]] = field(default_factory=dict)  # role id / code -> its texts' words in order ("does a page write 'reporting to'?")
    text_bigrams: frozenset[tuple[str, str]] = frozenset()  # stem pairs the knowledge writes side by side ("cart fill")
    english_or_ours: frozenset[str] = frozenset()  # known words and codes: never "another language"
    correctable: tuple[str, ...] = ()  # sorted: clipped words are completed by prefix
    by_length: dict[int, list[str]] = field(default_factory=dict)  # typo candidates, by length
    cue_by_length: dict[int, list[str]] = field(default_factory=dict)  # words only the cue lists have, likewise
    name_words: set[str] = field(default_factory=set)  # words of titles, certification names and aliases
    corrections: dict[str, str] = field(default_factory=dict)  # typo -> fix, filled as questions come
    near_names: dict[str, str | None] = field(default_factory=dict)  # English word -> the name word it may be a typo of, likewise
    written: dict[tuple[str, str], bool] = field(default_factory=dict)  # phrase -> whether some text writes it, filled as questions come
    codes: dict[str, str] = field(default_factory=dict)  # lower code -> code
    code_swaps: dict[str, str] = field(default_factory=dict)  # "cpmo" -> CPOM: one swapped letter pair
    code_deletes: dict[str, list[str]] = field(default_factory=dict)  # one letter deleted -> codes (did-you-mean)
    role_passages: dict[str, list[int]] = field(default_factory=dict)  # role id -> its passages
    cert_postings: dict[str, list[str]] = field(default_factory=dict)  # stem -> codes whose text has it
    aliases: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)  # words -> (kind, id)
    aliases_words: set[str] = field(default_factory=set)
    alias_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first word -> alias lengths
    passages: list[Passage] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    role_postings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # stem -> roles with a passage (or pathway step) that has it
    idf: dict[str, float] = field(default_factory=dict)
    default_idf: float = 1.0
    role_titles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role id -> title stems
    title_postings: dict[str, list[str]] = field(default_factory=dict)
    role_order: dict[str, int] = field(default_factory=dict)  # role id -> its place in the knowledge
    title_heads: dict[str, frozenset[str]] = field(default_factory=dict)
    title_weights: dict[str, float] = field(default_factory=dict)  # role id -> summed weight of its title
    cert_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code -> name stems
    name_postings: dict[str, list[str]] = field(default_factory=dict)
    name_anchors: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # a name's two rarest stems -> codes (names of 2+ stems)
    headless_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code -> name stems without its job noun ("drug master file" of "… Coordinator")
    headless_anchors: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # their two rarest stems -> codes
    longest_name: int = 0  # stems in the longest certification name
    anchor_stems: frozenset[str] = frozenset()  # the stems of those pairs
    name_order: dict[str, int] = field(default_factory=dict)  # code -> its place in the knowledge (a stable order for names found)
    themes: dict[str, frozenset[str]] = field(default_factory=dict)  # stem -> roles with a responsibility or day entry named with it
    nicknamed: dict[str, frozenset[str]] = field(default_factory=dict)  # stem -> roles whose page's other name for them has it and their title does not ("known as the hazmat shipper")
    nicknames: dict[str, frozenset[str]] = field(default_factory=dict)  # role -> those stems of its page's other names (the same, read the other way)
    theme_letters: dict[str, str] = field(default_factory=dict)  # "gp" -> General Practice Clinical Pharmacist: a title's theme initials only one title has ("the GP one")
    cert_docs: dict[str, frozenset[str]] = field(default_factory=dict)  # code -> every stem said about it
    step_passages: dict[tuple[str, str], int] = field(default_factory=dict)  # (role, code) -> the passage of that pathway step's sentence
    first_for: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)  # (role, code) -> stems of whom its "why" says it comes first for
    faq_phrasings: list[tuple[str, frozenset[str]]] = field(default_factory=list)  # (faq id, stems)
    faq_lists: set[int] = field(default_factory=set)  # phrasings that ask for a list ("which roles do you have pages for")
    faq_postings: dict[str, list[int]] = field(default_factory=dict)
    faq_weights: list[float] = field(default_factory=list)  # summed word weight of each phrasing
    faq_vocab: dict[str, frozenset[str]] = field(default_factory=dict)  # faq id -> the stems of all its phrasings
    faq_vocab_weights: dict[str, float] = field(default_factory=dict)  # faq id -> summed weight of those stems
    faq_entries_with: dict[str, int] = field(default_factory=dict)  # stem -> how many FAQ entries' phrasings have it
    faq_reach: float = 0.0  # the largest of those: what any phrasing can share with a question, at most
    taught: ExampleIndex = field(default_factory=lambda: ExampleIndex(()))  # FAQ and moderators' phrasings (see teaching.py)

    # ------------------------------------------------------------------ build

    @classmethod
    def build(cls, kb: Knowledge) -> "Index":
        ix = cls(kb)
        for key, value in kb.vocabulary.synonyms.items():
            k = tuple(key.split())
            ix.synonyms[k] = tuple(value.split())
            ix.synonym_lengths[k[0]] = tuple(sorted(set(ix.synonym_lengths.get(k[0], ())) | {len(k)}, reverse=True))
        taken = {c.lower() for c in kb.certifications}  # codes are never read as anything else
        codes_list = sorted(taken)
        for k, rep in list(ix.synonyms.items()):  # "rphs": the plural of an abbreviation the vocabulary reads ("rph: pharmacist")
            plural = (k[0] + "s",)
            if len(k) == 1 and len(rep) == 1 and not k[0].endswith("s") and plural not in ix.synonyms and k[0] + "s" not in taken and not english.is_word(k[0]):
                ix.synonyms[plural] = (rep[0] if rep[0].endswith("s") else rep[0] + "s",)
                ix.synonym_lengths[plural[0]] = tuple(sorted(set(ix.synonym_lengths.get(plural[0], ())) | {1}, reverse=True))
        # "pharmacogenomics (PGx)": a member's "pgx coordinator" reads the page's word; "nursing CDI
        # work" reads Clinical Documentation Improvement, the words a certification's name abbreviates
        for abbr, meaning in {**pair_initials(kb), **compound_initials(kb), **name_initials(kb), **page_abbreviations(kb), **page_clips(kb)}.items():
            if (abbr,) not in ix.synonyms and abbr not in taken:
                ix.synonyms[(abbr,)] = meaning
                ix.synonym_lengths[abbr] = tuple(sorted(set(ix.synonym_lengths.get(abbr, ())) | {1}, reverse=True))
        texts: set[str] = set()  # every word the knowledge writes
        acronyms: list[tuple[str, str]] = []
        called: list[tuple[str, str]] = []  # (name, role): "often simply called the pharmacy buyer"
        theme_initials: list[tuple[tuple[str, str], str]] = []  # (("cc", "supervisor"), role): "cc sup"
        inner_pairs: list[tuple[tuple[str, str], str]] = []  # (("bp", "lead"), role): two words inside a long theme, "the BP lead"
        tails: dict[tuple[str, str], set[str]] = defaultdict(set)  # ("outreach", "manager"): "the outreach manager"
        persons: dict[tuple[str, ...], set[str]] = defaultdict(set)  # ("anti", "doping"): "an anti doping pharmacist"
        pair_pool: dict[tuple[str, str], tuple[str, str]] = {}  # every stem pair once

        compounds: set[str] = set()

        def add(role: str | None, cert: str | None, section: str, text: str, name: str = "") -> None:
            if "-" in text:
                compounds.update(c.lower() for c in _HYPHENATED.findall(text))
            read = ix.expand_pairs(words_of(text))
            ws = [w for w, _ in read]
            texts.update(ws)
            for owner in (role, cert):
                if owner is not None:
                    ix.writes.setdefault(owner, []).append(" ".join(ws))
            group = reading_groups(read)
            content = [(stem(w), group[k]) for k, (w, _) in enumerate(read) if w not in lexicon.STOPWORDS and not w.isdigit()]
            st = [s for s, _ in content]
            name_st = frozenset(content_stems(ix.expand(words_of(name)))) if name else frozenset()
            # pairs of words the text writes side by side; not the readings of one word ("tech": tech technician technology)
            side_by_side = [(x, y) for (x, g), (y, h) in zip(content, content[1:]) if g != h]
            pairs = tuple(dict.fromkeys(map(pair_pool.setdefault, side_by_side, side_by_side)))
            ix.passages.append(Passage(role, cert, section, frozenset(st), pairs, name_st))

        for role in kb.roles.values():
            add(role.id, None, "overview", role.tagline)
            for para in role.overview:
                add(role.id, None, "overview", para)
            if role.closing:
                add(role.id, None, "overview", role.closing)
            for r in role.responsibilities:
                add(role.id, None, "responsibilities", f"{r.name}. {r.description}", r.name)
            if role.day_intro:
                add(role.id, None, "day_in_the_life", role.day_intro)
            for e in role.day_in_the_life:
                add(role.id, None, "day_in_the_life", f"{e.time}: {e.title}. {e.description}", e.title)
            if role.pathway_intro:
                add(role.id, None, "pathway", role.pathway_intro)
            title = content_stems(ix.expand(words_of(role.title)))
            ix.role_titles[role.id] = tuple(dict.fromkeys(title))
            ix.title_heads[role.id] = frozenset(stem(w) for w in words_of(role.title) if w in lexicon.ROLE_HEADS)
            for s in set(title):
                ix.title_postings.setdefault(s, []).append(role.id)
            texts.update(words_of(role.title))
            for alias in role.aliases:
                ix._alias(alias, ("role", role.id))
            ix._alias(role.title, ("role", role.id))
            for para in (role.tagline, *role.overview):
                called.extend((name, role.id) for name in called_names(role.title, para))
            acronyms.extend((acr, role.id) for acr in _acronyms(role.title))
            theme_initials.extend((themed, role.id) for themed in _theme_initials(role.title))
            inner_pairs.extend((paired, role.id) for paired in _inner_pair_initials(role.title))
            tail = _tail_pair(role.title)
            if tail:
                tails[tail].add(role.id)
            for person in _field_persons(role.title):
                persons[person].add(role.id)

        for cert in kb.certifications.values():
            low = cert.code.lower()
            ix.codes[low] = cert.code
            for variant in _swaps(low) | _doubled(low):
                ix.code_swaps.setdefault(variant, cert.code)
            for key in (low, *_deletions(low)):
                ix.code_deletes.setdefault(key, []).append(cert.code)
            name = [s for s in content_stems(ix.expand(words_of(cert.name))) if s != "certify"]
            ix.cert_names[cert.code] = tuple(dict.fromkeys(name))
            last = words_of(cert.name)[-1:]
            if last and (last[0] in lexicon.ROLE_HEADS or last[0] in lexicon.NAME_HEADS):  # "the drug master file cert", "the high volume dispensing one": the name without its job noun, then a certification word
                headless = tuple(dict.fromkeys(st for st in ix.cert_names[cert.code] if st != stem(last[0])))
                if len(headless) >= 2:
                    ix.headless_names[cert.code] = headless
            for s in set(name):
                ix.name_postings.setdefault(s, []).append(cert.code)
            doc_text = " ".join([cert.name, cert.description, *cert.aliases])
            add(None, cert.code, "certification", doc_text, cert.name)
            for alias in cert.aliases:
                ix._alias(alias, ("cert", cert.code))
            ix._alias(cert.name, ("cert", cert.code))
        for role in kb.roles.values():
            for step in role.pathway:
                add(role.id, step.certification, "pathway", step.why)
                whom = first_for(step.why)
                if whom:
                    ix.first_for[(role.id, step.certification)] = whom

        counts: dict[str, int] = defaultdict(int)
        for acr, _ in acronyms:
            counts[acr] += 1
        for acr, rid in acronyms:  # "MSO" for Medication Safety Officer, when unambiguous
            if len(acr) >= 3 and counts[acr] == 1 and acr not in taken and (acr,) not in ix.synonyms and english.count(acr) < ACRONYM_NOT_ENGLISH and not (len(acr) >= 4 and _near_a_code(acr, codes_list)):
                ix._add_alias((acr,), ("role", rid))
        by_initials: dict[tuple[str, str], set[str]] = defaultdict(set)
        for initials, rid in theme_initials:
            by_initials[initials].add(rid)
        primary = {letters for (letters, _), _ in theme_initials}
        by_pair: dict[tuple[str, str], set[str]] = defaultdict(set)
        for initials, rid in inner_pairs:
            by_pair[initials].add(rid)
        for initials, rids in by_pair.items():
            if initials[0] not in primary:  # (a title's own theme initials come first: a pair inside another title never makes them ambiguous)
                by_initials[initials] |= rids
        by_letters: dict[str, set[str]] = defaultdict(set)
        for (letters, _), rids in by_initials.items():
            by_letters[letters] |= rids
        ix.theme_letters = {letters: next(iter(rids)) for letters, rids in by_letters.items() if len(rids) == 1 and letters not in taken and english.count(letters) < ACRONYM_NOT_ENGLISH and not _near_a_code(letters, codes_list)}
        for (letters, head), rids in by_initials.items():  # "cc sup" for Pharmacy Contact Center Supervisor, "DG lead", when only one title fits
            if len(rids) == 1 and letters not in taken and (letters,) not in ix.synonyms and english.count(letters) < ACRONYM_NOT_ENGLISH:
                ix._add_alias((letters, *ix.expand(head.split())), ("role", next(iter(rids))))
                alone = any(ch.isdigit() for ch in letters) or len(letters) >= THEME_INITIALS_ALONE  # "the m2b program"; "curious about DME", "the OTP one"
                if alone and not _near_a_code(letters, codes_list) and len(by_letters[letters]) == 1 and (letters,) not in ix.aliases:
                    ix._add_alias((letters,), ("role", next(iter(rids))))
        for (letters, head), rids in page_program_initials(kb).items():  # "pdmp lead": the program its page abbreviates, with the title's job noun
            program_key = (letters, *ix.expand([head]))
            if len(rids) == 1 and letters not in taken and (letters,) not in ix.synonyms and english.count(letters) < ACRONYM_NOT_ENGLISH and program_key not in ix.aliases:
                ix._add_alias(program_key, ("role", next(iter(rids))))
        for (word, head), rids in tails.items():  # "the outreach manager" for Rural Mobile Health Pharmacy Outreach Manager
            short = (word, *ix.expand([head]))
            if len(rids) == 1 and short not in ix.aliases:
                ix._add_alias(short, ("role", next(iter(rids))))
        for before, rids in persons.items():  # "an expeditionary pharmacist" for Expeditionary Pharmacy Officer
            spoken = (*before, *ix.expand(["pharmacist"]))
            if len(rids) == 1 and spoken not in ix.aliases:
                ix._add_alias(spoken, ("role", next(iter(rids))))
        nicknamed: dict[str, set[str]] = defaultdict(set)
        nick_words: dict[str, set[str]] = defaultdict(set)
        for called_name, rid in called:
            in_title = set(words_of(kb.roles[rid].title))
            for w in words_of(called_name):
                if w not in in_title and w not in lexicon.STOPWORDS and w not in lexicon.ROLE_HEADS and w not in lexicon.FIELD_WORDS:
                    nicknamed[stem(w)].add(rid)
            for w in re.findall(r"\b[A-Z]{3,}\b", called_name):
                nick_words[w.lower()].add(rid)
        ix.nicknamed = {st: frozenset(rids) for st, rids in nicknamed.items()}
        nicks_of: dict[str, set[str]] = defaultdict(set)
        for nick, nick_roles in nicknamed.items():
            for rid in nick_roles:
                nicks_of[rid].add(nick)
        ix.nicknames = {rid: frozenset(sts) for rid, sts in nicks_of.items()}
        coined = {(w, rid) for called_name, rid in called for w in words_of(called_name) if len(w) >= COINED_NAME_WORD and w.isalpha() and not any(english.is_word(w[: len(w) - k]) for k in range(COINED_ENDING + 1)) and _own_word(w, rid, nicknamed, ix) and w not in taken}  # (not "scheduler": "schedule" with an ending, an English word the word list lacks)
        used = _used_beyond_names({w for w, _ in coined}, kb, called)
        for w, rid in sorted(pair for pair in coined if pair[0] not in used):  # "vs neurorehab" for one often called the neurorehab pharmacist: a word of its other name no English, other title or page text has
            if (w,) not in ix.aliases and (w,) not in ix.synonyms:
                ix._add_alias((w,), ("role", rid))
        for w, rids in nick_words.items():  # "the lasa person": an acronym no English has, of the one page that calls its role by it ("often called the LASA coordinator")
            if len(rids) == 1 and len(w) >= THEME_INITIALS_ALONE and w.isalpha() and w not in taken and (w,) not in ix.aliases and (w,) not in ix.synonyms and english.count(w) < ACRONYM_NOT_ENGLISH:
                ix._add_alias((w,), ("role", next(iter(rids))))
        renamed: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for called_name, rid in called:
            full = tuple(ix.expand(words_of(called_name)))
            renamed[full].add(rid)
            renamed[tuple(words_of(called_name))].add(rid)  # as written too: "IV room sup" reads "sup" as "supervisor" alone
            in_title = set(words_of(kb.roles[rid].title))
            rest = tuple(w for w in full if w not in in_title)
            if rest and rest != full and any(w in lexicon.ROLE_HEADS for w in rest) and not all(w in lexicon.ROLE_HEADS for w in rest):
                renamed[rest].add(rid)  # "the buyer" as well as "the pharmacy buyer"
            lead = called_name.split()[0] if called_name.split() else ""
            unled = tuple(ix.expand(words_of(called_name)[1:]))
            if lead.isalpha() and lead.isupper() and 2 <= len(lead) <= 5 and len(words_of(called_name)) >= 3 and any(w not in lexicon.FIELD_WORDS and w not in lexicon.ROLE_HEADS and w not in lexicon.STOPWORDS and set(ix.title_postings.get(stem(w), [rid])) == {rid} for w in unled):
                renamed[unled].add(rid)  # "often called the IV push lead": "the push lead" too, its initialism left out, when a word of the rest is no other title's (not "the HD program lead": "program lead" is anyone's)
            bare = tuple(w for w in full if w not in lexicon.FIELD_WORDS)
            only_led = bare == full[1:] and bare[-1] not in lexicon.STOPWORDS  # "sometimes called the pharmacy bulletin editor": "bulletin editor", its own words, whatever noun ends it
            if len(bare) >= 2 and bare != full and (bare[-1] in lexicon.ROLE_HEADS or only_led) and not all(w in lexicon.ROLE_HEADS for w in bare):
                renamed[bare].add(rid)  # "simply called the flight pharmacy coordinator": "the flight coord" too
            said = words_of(called_name)
            if len(said) >= 3 and said[-1] in lexicon.ROLE_HEADS and _own_word(said[0], rid, nicknamed, ix):
                renamed[tuple(ix.expand([said[0], said[-1]]))].add(rid)  # "often called the topicals line supervisor": "the topicals supervisor" too, its own first word and its job noun
        for alias_key, rids in renamed.items():
            if len(rids) == 1 and alias_key not in ix.aliases:  # a name two pages use is nobody's
                ix._add_alias(alias_key, ("role", next(iter(rids))))
        heads: dict[tuple[str, ...], set[str]] = defaultdict(set)  # "the research pharmacy lead" said as "… manager": any head of a team
        for alias_key, rids in renamed.items():
            if len(rids) == 1 and len(alias_key) >= 3 and alias_key[-1] in lexicon.LEAD_HEADS:
                for lead in lexicon.LEAD_HEADS:
                    heads[(*alias_key[:-1], *ix.expand([lead]))].update(rids)
            own = words_of(kb.roles[next(iter(rids))].title)[-1:] if len(rids) == 1 else []
            if own and own[0] in lexicon.ROLE_HEADS and len(alias_key) >= 2 and alias_key[-1] in lexicon.ROLE_HEADS and alias_key[-1] != own[0]:
                heads[(*alias_key[:-1], *ix.expand(own))].update(rids)  # "often called the returns pharmacist": "the returns coordinator" too, with the title's own job noun
        for alias_key, rids in heads.items():
            if len(rids) == 1 and alias_key not in ix.aliases and alias_key not in renamed:
                ix._add_alias(alias_key, ("role", next(iter(rids))))

        for entry in kb.faqs.values():
            for q in entry.questions:
                st = frozenset(content_stems(ix.expand(words_of(q))))
                ix.faq_phrasings.append((entry.id, st))
                if lexicon.cue("list").search(" ".join(ix.expand(words_of(q)))):
                    ix.faq_lists.add(len(ix.faq_phrasings) - 1)
                for s in st:
                    ix.faq_postings.setdefault(s, []).append(len(ix.faq_phrasings) - 1)
                texts.update(words_of(q))

        n = len(ix.passages) or 1
        for i, p in enumerate(ix.passages):
            if p.role is not None and p.cert is None:
                ix.role_passages.setdefault(p.role, []).append(i)
            for s in p.stems:
                ix.postings.setdefault(s, []).append(i)
        ix.idf = {s: math.log((n + 1) / (len(found) + 0.5)) for s, found in ix.postings.items()}  # (a stem is in a passage once)
        role_of = [p.role for p in ix.passages]
        for s, found in ix.postings.items():
            ix.role_postings[s] = tuple(r for r in dict.fromkeys(map(role_of.__getitem__, found)) if r is not None)
        ix.default_idf = math.log((n + 1) / 0.5)
        commonest: dict[str, int] = {}
        for w in texts:
            w_stem = stem(w)
            if w_stem in ix.idf:
                commonest[w_stem] = max(commonest.get(w_stem, 0), english.count(w))
        for w_stem, seen in commonest.items():  # "after", "goes": rare in the knowledge, common everywhere
            if seen >= COMMON_ENGLISH:
                ix.idf[w_stem] *= COMMON_ENGLISH_DAMPING
        ix.faq_weights = [sum(ix.weight(t) for t in p) or 1.0 for _, p in ix.faq_phrasings]
        vocab: dict[str, set[str]] = defaultdict(set)
        for fid, st in ix.faq_phrasings:
            vocab[fid] |= st
        ix.faq_vocab = {fid: frozenset(v) for fid, v in vocab.items()}
        ix.faq_vocab_weights = {fid: sum(ix.weight(t) for t in v) for fid, v in ix.faq_vocab.items()}
        entries_with: dict[str, int] = defaultdict(int)
        for v in ix.faq_vocab.values():
            for t in v:
                entries_with[t] += 1
        ix.faq_entries_with = dict(entries_with)
        ix.faq_reach = max(ix.faq_vocab_weights.values(), default=0.0)
        for postings in ix.faq_postings.values():  # the phrasings that can share most first: best_faq stops early
            postings.sort(key=lambda i: -ix.faq_vocab_weights[ix.faq_phrasings[i][0]])
        ix.role_order = {rid: i for i, rid in enumerate(ix.role_titles)}
        ix.title_weights = {rid: sum(ix.weight(t) for t in title) or 1.0 for rid, title in ix.role_titles.items()}
        ix.name_order = {code: i for i, code in enumerate(ix.cert_names)}
        for code, cert_name in ix.cert_names.items():
            if len(cert_name) >= 2:  # (fewest codes first; ties by the stem, so the choice never depends on order)
                a, b = sorted(cert_name, key=lambda st: (len(ix.name_postings[st]), st))[:2]
                ix.name_anchors.setdefault((min(a, b), max(a, b)), []).append(code)
                ix.longest_name = max(ix.longest_name, len(cert_name))
        for code, headless in ix.headless_names.items():
            a, b = sorted(headless, key=lambda st: (len(ix.name_postings[st]), st))[:2]
            ix.headless_anchors.setdefault((min(a, b), max(a, b)), []).append(code)
        ix.anchor_stems = frozenset(st for pair in [*ix.name_anchors, *ix.headless_anchors] for st in pair)
        themes: dict[str, set[str]] = defaultdict(set)
        for p in ix.passages:
            if p.role is not None:
                for theme in p.name_stems & p.stems:
                    themes[theme].add(p.role)
        ix.themes = {st: frozenset(rids) for st, rids in themes.items()}
        for p in ix.passages:  # a certification's own text: its name, description and aliases
            if p.cert is not None and p.role is None:
                ix.cert_docs[p.cert] = p.stems | frozenset(ix.cert_names[p.cert])
        for i, p in enumerate(ix.passages):  # plus, per role, that role's sentence on why it matters (see step_doc)
            if p.cert is not None and p.role is not None:
                ix.step_passages[(p.role, p.cert)] = i
        for code, doc in ix.cert_docs.items():
            for term in doc:
                ix.cert_postings.setdefault(term, []).append(code)

        ix.name_words = {w for words in ix.aliases for w in words}
        ix.name_word_list = tuple(sorted(w for w in ix.name_words if w.isalpha() and w not in lexicon.STOPWORDS))
        between: dict[tuple[str, str], set[str]] = defaultdict(set)
        for words in ix.aliases:
            for x, w, y in zip(words, words[1:], words[2:]):
                between[(x, y)].add(w)
        ix.name_between = {pair: frozenset(ws) for pair, ws in between.items()}
        pairs: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for words in ix.aliases:
            for x, y in zip(words, words[1:]):
                if x.isalpha() and y.isalpha() and x not in lexicon.STOPWORDS and y not in lexicon.STOPWORDS:
                    pairs[x[:CLIPPED_PART]].add((x, y))
        ix.name_pairs = {k: frozenset(v) for k, v in pairs.items()}
        ix.text_words = frozenset(texts)
        ix.text_compounds = frozenset(compounds)
        ix.text_bigrams = frozenset(pair_pool)
        ix.known_words = texts | set(lexicon.STOPWORDS) | {w for k in ix.synonyms for w in k} | lexicon.vocabulary()
        ix.english_or_ours = frozenset(ix.known_words | set(ix.codes))
        ix.correctable = tuple(sorted({w for w in texts if len(w) >= 4 and w.isalpha()} | {w for k in ix.synonyms for w in k if len(w) >= 4}))
        for w in ix.correctable:
            ix.by_length.setdefault(len(w), []).append(w)
        for w in sorted(w for w in lexicon.vocabulary() if len(w) >= CUE_WORD_TYPO and w.isalpha() and w not in texts):
            ix.cue_by_length.setdefault(len(w), []).append(w)  # "whats the pathwya for …": tried when no word of the knowledge is near
        return ix

    def _alias(self, text: str, target: tuple[str, str]) -> None:
        self._add_alias(tuple(self.expand(words_of(text))), target)

    def _add_alias(self, key: tuple[str, ...], target: tuple[str, str]) -> None:
        if key and key not in self.aliases:
            self.aliases[key] = target
            self.aliases_words.update(key)
            self.alias_lengths[key[0]] = tuple(sorted(set(self.alias_lengths.get(key[0], ())) | {len(key)}, reverse=True))

    # ------------------------------------------------------------------ per question

    def expand(self, words: list[str]) -> list[str]:
        """Apply the vocabulary's synonyms, longest phrase first."""
        if self.synonym_lengths.keys().isdisjoint(words):
            return list(words)
        return [w for w, _ in self.expand_pairs(words)]

    def expand_pairs(self, words: list[str]) -> list[tuple[str, str]]:
        """Like ``expand``, pairing each word with what the member actually wrote."""
        if self.synonym_lengths.keys().isdisjoint(words):  # most texts: no synonym starts anywhere
            return [(w, w) for w in words]
        out: list[tuple[str, str]] = []
        i = 0
        while i < len(words):
            for n in self.synonym_lengths.get(words[i], ()):
                rep = self.synonyms.get(tuple(words[i : i + n]))
                if rep is not None:
                    said = " ".join(words[i : i + n])
                    if n == 1 and words[i] not in rep:
                        out.append((words[i], said))  # a single word keeps its own meaning too
                    out.extend((w, said) for w in rep)
                    i += n
                    break
            else:
                out.append((words[i], words[i]))
                i += 1
        return out

    def correct(self, word: str) -> str:
        """Fix a typo against the knowledge's own words; leave unknown words alone otherwise."""
        if word in self.known_words or len(word) < 3 or not word.isalpha():
            return word
        if _STRETCHED.search(word):  # "hiiii", "pleeease", "sooo": the letters held down
            for squeezed in (_STRETCHED.sub(r"\1\1", word), _STRETCHED.sub(r"\1", word)):
                if squeezed in self.known_words or english.is_word(squeezed):
                    return squeezed
        if _DOUBLED_END.search(word) and word[:-1] in _SMALL_TALK and not english.is_word(word):
            return word[:-1]  # "hii", "heyy", "thxx": a greeting's last letter held down once
        fixed = self.corrections.get(word)
        if fixed is None:
            fixed = next((us for us in _us_spellings(word) if us in self.known_words), None)
        if fixed is None:
            best: tuple[str, int, int] | None = None
            if len(word) < 5 and not english.is_word(word):  # "teh third one", "waht": a short plain word typed with two letters swapped
                swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
                found = sorted(w for w in swapped if w in lexicon.STOPWORDS)  # (a short word of the trade swapped is more often an acronym: "CSP")
                best = (found[0], 1, 0) if len(found) == 1 else None
            if len(word) >= 5:
                cutoff = 1 if len(word) < 9 else 2
                for pool in (self.by_length, self.cue_by_length):
                    if pool is self.cue_by_length:
                        cutoff = 1  # ("informatics" is no typo of "information")
                    near = [w for n in range(len(word) - cutoff, len(word) + cutoff + 1) for w in pool.get(n, ())]
                    best = process.extractOne(word, near, scorer=OSA.distance, score_cutoff=cutoff)
                    if best and (english.count(word) * ENGLISH_OVER_TYPO > english.count(best[0]) or english.count(word) >= EVERYDAY_WORD or (word == best[0] + "ly" and english.is_word(word)) or word in lexicon.TRADE_WORDS):
                        best = None  # "describing" is English, not a typo of "prescribing"; "manger" is one of "manager"; "differently" is "different" made an adverb
                    if best and pool is self.cue_by_length and self._completion(word) != word:
                        best = None  # "bronch": a title's word clipped (bronchoscopy), not a cue word mistyped (brunch)
                    if best or english.is_word(word):
                        break  # (a word of the cue lists only for what is no English word)
            fixed = best[0] if best else self._completion(word)
            if len(self.corrections) < 100_000:
                self.corrections[word] = fixed
        return fixed

    def near_name(self, word: str) -> str | None:
        """The one word of a title or certification name an English word is a typo of
        ("experimental" for "experiential"), to be read so only beside another word of a name;
        None when the knowledge uses the word itself or two names' words are as near."""
        if len(word) < NEAR_NAME_MIN or word in self.known_words or word in lexicon.STOPWORDS or not word.isalpha():
            return None
        if word in self.near_names:
            return self.near_names[word]
        cutoff = 1 if len(word) < 9 else 2
        near = [w for w in self.name_word_list if abs(len(w) - len(word)) <= cutoff and w[:NEAR_NAME_PREFIX] == word[:NEAR_NAME_PREFIX]]
        found = {stem(w): w for w in near if OSA.distance(word, w, score_cutoff=cutoff) <= cutoff}
        fixed = next(iter(found.values())) if len(found) == 1 else None
        if len(self.near_names) < 100_000:
            self.near_names[word] = fixed
        return fixed

    def named_together(self, one: str, other: str) -> bool:
        """Some title or certification name has both words ("experiential" and "education")."""
        return one != other and any(one in key and other in key for key in self.aliases)

    def _completion(self, word: str) -> str:
        """A clipped word ("anticoag") completed when every knowledge word it starts shares one stem."""
        i = bisect.bisect_left(self.correctable, word)
        found: list[str] = []
        while i < len(self.correctable) and self.correctable[i].startswith(word) and len(found) < 20:
            found.append(self.correctable[i])
            i += 1
        pools = (found, [w for w in found if w in self.name_words]) if len(word) >= 5 else ([w for w in found if w in self.name_words],)
        for pool in pools:  # "onc": oncology, the word of a title; "main" is not "maintain"
            if pool and len({stem(w) for w in pool}) == 1:
                return min(pool, key=len)
        return word

    def between_names(self, before: str, word: str, after: str) -> str | None:
        """"tech ed coordinator": a word typed short (two letters will do) between two words of a
        name, read as the one name word written between them that it starts."""
        if len(word) < 2 or not word.isalpha() or word in lexicon.STOPWORDS or (before not in self.name_words and before not in self.synonym_lengths):
            return None  # (most words: no name word before them)
        found = {full for x in self.expand([before]) for y in self.expand([after]) for full in self.name_between.get((x, y), ()) if full.startswith(word) and full != word}
        return found.pop() if len(found) == 1 else None

    def clipped(self, word: str) -> tuple[str, ...]:
        """The words of role titles and certification names a clipped word may stand for ("sup":
        supervisor, supply; "prep": preparedness), when no knowledge text uses it (or only the pages
        whose titles have it in full); read only beside a word of a name, and the rest of the
        question decides."""
        if len(word) < 3 or not word.isalpha() or (word in self.text_words and not self._clipped_by_its_page(word)) or word in lexicon.STOPWORDS or word in self.codes or (word,) in self.synonyms:
            return ()  # ("cert" the vocabulary reads already)
        i = bisect.bisect_left(self.name_word_list, word)
        found: dict[str, str] = {}
        while i < len(self.name_word_list) and self.name_word_list[i].startswith(word):
            w = self.name_word_list[i]
            if len(w) >= len(word) + 2:
                found.setdefault(stem(w), w)
            i += 1
        if len(found) == 1 and len(word) < CLIPPED_ALONE:
            return ()  # "ltc" is no clipped "ltccp"
        return tuple(found.values()) if len(found) <= MAX_CLIPPED else ()

    def _clipped_by_its_page(self, word: str) -> bool:
        """A knowledge text writes the word, but only pages whose titles have it in full: "rehab"
        on the Inpatient Rehabilitation Pharmacy Coordinator's page is its title word clipped."""
        owners = self.role_postings.get(stem(word), ())
        return bool(owners) and all(any(t.startswith(word) and len(t) > len(word) for t in self.role_titles[r]) for r in owners)

    def split_joined(self, word: str) -> list[str] | None:
        """"informaticsdirector" -> informatics director: two knowledge words typed together; an
        English word only into two words the knowledge writes ("stockroom", but "deadline" is no
        dead line: "dead" is only a cue's word); else two name words typed short ("hazcom")."""
        if len(word) < 2 * CLIPPED_PART or word in self.known_words:
            return None
        words = self.text_words if english.is_word(word) else self.known_words
        for i in range(3, len(word) - 2) if len(word) >= 7 else ():
            left, right = word[:i], word[i:]
            if left in words and right in words and left not in lexicon.STOPWORDS and right not in lexicon.STOPWORDS:
                return [left, right]
        return None if english.is_word(word) else self._split_clipped(word)

    def _split_clipped(self, word: str) -> list[str] | None:
        """"hazcom" -> hazard communication: the starts of two words a title or name writes one
        after the other, typed together; only when exactly one such pair fits."""
        fits = {
            (x, y)
            for i in range(CLIPPED_PART, len(word) - CLIPPED_PART + 1)
            for x, y in self.name_pairs.get(word[:CLIPPED_PART], ())
            if x.startswith(word[:i]) and y.startswith(word[i:])
        }
        return list(fits.pop()) if len(fits) == 1 else None

    def joined_name(self, left: str, right: str) -> str | None:
        """"work flow" -> workflow: one word of a title or certification name typed as two, which
        no knowledge text writes apart."""
        joined = left + right
        if joined not in self.name_words or not (left.isalpha() and right.isalpha()) or (stem(left), stem(right)) in self.text_bigrams:
            return None
        return joined

    def code_for(self, word: str, code_like: bool) -> str | None:
        """A known code for ``word``: exact, or a swapped pair of letters (cpmo, chopp)."""
        code = self.codes.get(word) or (self.codes.get(word.replace("0", "o")) if "0" in word else None)  # "CPC0": a zero for the letter O
        if code is None and word in lexicon.OUTSIDE_CREDENTIALS:
            return None  # "BCPS" is another board's credential, not a typo of CBPS
        if code or "-" in word or not word.isalnum() or len(word) < 4 or (not code_like and word in self.known_words):
            return code
        code = self.code_swaps.get(word)
        if code is None and not code_like and word.isalpha():
            # "cprv" for CPREV: a letter left out, typed casually; "CSCM" typed in capitals names another credential
            near = {c for c in self.code_deletes.get(word, ()) if len(c) == len(word) + 1 >= 5}
            code = near.pop() if len(near) == 1 else None
        if code is None and not code_like and word.isalpha() and len(word) >= 5 and not english.is_word(word):
            # "cssdp" for CCSDP: one letter typed wrong, in a casual lower-case word that is no English one
            same = [c for c in self.near_codes(word) if len(c) == len(word)]
            code = same[0] if len(same) == 1 else None
        return code

    def near_codes(self, word: str) -> list[str]:
        """Known codes one edit away (for "did you mean"), never taken as a match."""
        word = word.split("-")[0]
        found: set[str] = set()
        for key in (word, *_deletions(word)):
            found.update(self.code_deletes.get(key, ()))
        return sorted(c for c in found if OSA.distance(word, c.lower()) <= 1)

    def writes_phrase(self, phrases: list[str]) -> bool:
        """Whether some knowledge text has one of these stemmed phrases (each " a b "). Each
        phrase is looked for once per snapshot (it reads every text): the answer is kept."""
        return any(self._written(("stemmed", p), partial(self._writes_stemmed, p)) for p in phrases)

    def _writes_stemmed(self, phrase: str) -> bool:
        return any(phrase in f" {' '.join(stem(w) for w in t.split())} " for ts in self.writes.values() for t in ts)

    def writes_any(self, phrases: PhraseSet, owner: str | None = None) -> bool:
        """Whether some knowledge text (``owner``'s own, when given) says one of these phrases
        ("reports to", "open positions"); kept, as above."""
        def look() -> bool:
            texts = self.writes.get(owner, []) if owner is not None else [t for ts in self.writes.values() for t in ts]
            return any(phrases.search(t) is not None for t in texts)

        return self._written(("cue", f"{owner or ''}|" + "|".join(phrases.phrases)), look)

    def _written(self, key: tuple[str, str], look: Callable[[], bool]) -> bool:
        found = self.written.get(key)
        if found is None:
            found = look()
            if len(self.written) < 10_000:  # (phrases come from the cue lists' words: a few hundred at most; owners a few thousand)
                self.written[key] = found
        return found

    def head_stems(self, rid: str) -> frozenset[str]:
        """The stems of a title's job noun, or of its last word when it has none listed ("Black
        Belt", "Consolidation Planner"): the word a title is said with when it is named."""
        role = self.knowledge.roles.get(rid)
        if role is None:
            return frozenset()
        return self.title_heads.get(rid) or frozenset({stem(words_of(role.title)[-1])})

    def weight(self, s: str) -> float:
        return self.idf.get(s, self.default_idf)

    def role_counts(self, st: str) -> dict[str, int]:
        """How many passages of each role's page write a stem."""
        per_role: dict[str, int] = defaultdict(int)
        for i in self.postings.get(st, ()):
            rid = self.passages[i].role
            if rid is not None:
                per_role[rid] += 1
        return per_role

    def page_topic(self, st: str) -> bool:
        """A stem some role's page keeps writing (in PAGE_TOPIC_MIN passages or more): that page's
        subject ("allergy" on the allergen extract compounding page), not a patient's."""
        return any(n >= PAGE_TOPIC_MIN for n in self.role_counts(st).values())

    def cert_coverage(self, code: str) -> frozenset[str]:
        """Every stem the knowledge says about a certification: its own text, each pathway step's
        sentence and the titles of the roles whose pathways include it."""
        found = set(self.cert_docs.get(code, ()))
        for role in self.knowledge.roles_with_certification(code):
            found |= self.step_doc(role.id, code) or frozenset()
            found |= set(self.role_titles.get(role.id, ()))
        return frozenset(found)

    def step_doc(self, rid: str, code: str) -> frozenset[str] | None:
        """Every stem said about a certification as a step of a role's pathway: its own text and
        the role's sentence on why. Made when asked: stored for every step, these unions took
        a twentieth of the index."""
        i = self.step_passages.get((rid, code))
        return None if i is None else self.passages[i].stems | self.cert_docs[code]

    def role_coverage(self, rid: str, names: bool = True) -> frozenset[str]:
        """Every stem a role's page says: its title, passages and (``names``) its certifications'
        names; a fact such as remote work is never held by a name ("Certified Remote Vault Inspector")."""
        found = set(self.role_titles.get(rid, ()))
        for i in self.role_passages.get(rid, ()):
            found |= self.passages[i].stems
        role = self.knowledge.roles.get(rid)
        for step in role.pathway if role and names else ():
            found |= set(self.cert_names.get(step.certification, ()))
        return frozenset(found)


def _us_spellings(word: str) -> list[str]:
    """"randomisation" -> randomization, "programme" -> program: the spelling the knowledge uses."""
    return [word[: -len(uk)] + us for uk, us in lexicon.BRITISH_ENDINGS if word.endswith(uk) and len(word) > len(uk) + 2]


def _swaps(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1) if word[i] != word[i + 1]}


def _doubled(word: str) -> set[str]:
    """"cmeera" for CMERA: a key pressed twice."""
    return {word[: i + 1] + word[i:] for i in range(len(word))} if len(word) >= 4 else set()


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_DEFINED = re.compile(r"\b([A-Za-z][\w'-]*)\s+\(([A-Za-z][A-Za-z0-9]{1,7})\)")  # a word, then "(ABBR)"


def defined_abbreviations(text: str) -> list[tuple[str, str]]:
    """One-word abbreviations a text defines in parentheses, with the word they stand for:
    "pharmacogenomics (PGx)" -> ("pgx", "pharmacogenomics"). The letters must be letters of the
    word in order from its first (a final "x", as in Rx, Dx, PGx, may be extra). Initials of
    several words are not read here: titles' initials are aliases already (``_acronyms``), and
    reading "CMM" as "comprehensive medication management" everywhere shifts whole questions."""
    found: list[tuple[str, str]] = []
    if "(" not in text:  # most texts define nothing
        return found
    for m in _DEFINED.finditer(text):
        abbr = m.group(2)
        if not any(ch.isupper() for ch in abbr[1:]) and not abbr.isupper():
            continue  # "(optional)", "(often)": a word, not an abbreviation
        word = m.group(1).lower()
        if _letters_of(abbr.lower(), word) and len(word) > len(abbr) + 2:
            found.append((abbr.lower(), word))
    return found


def _letters_of(letters: str, word: str) -> bool:
    if len(letters) < 2 or not word.startswith(letters[0]):
        return False
    want = letters[:-1] if letters.endswith("x") and len(letters) > 2 else letters
    at = 0
    for ch in want:
        at = word.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True


_DEFINED_MANY = re.compile(r"((?:[A-Za-z][\w'-]*\s+){2,6})\(([A-Z]{2,6})\)")  # "the state prescription drug monitoring program (PDMP)"


def page_program_initials(kb: Knowledge) -> dict[tuple[str, str], set[str]]:
    """("pdmp", "lead") for a Prescription Monitoring Program Integration Lead whose page writes
    "prescription drug monitoring program (PDMP)": an abbreviation a role's page defines by words
    that are the initials' own, two or more of them words of its title, with the title's job noun."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for role in kb.roles.values():
        title = words_of(role.title)
        if not title or title[-1] not in lexicon.ROLE_HEADS:
            continue
        own = {w for w in title if w not in lexicon.STOPWORDS and w not in lexicon.FIELD_WORDS and w not in lexicon.ROLE_HEADS}
        texts = [role.tagline, *role.overview, *(f"{r.name}. {r.description}" for r in role.responsibilities), role.day_intro or ""]
        for text in texts:
            for m in _DEFINED_MANY.finditer(text or ""):
                abbr = m.group(2).lower()
                words = m.group(1).lower().split()[-len(abbr) :]
                if len(words) == len(abbr) and "".join(w[0] for w in words) == abbr and len(own & set(words)) >= 2:
                    found[(abbr, title[-1])].add(role.id)
    return found


def page_clips(kb: Knowledge) -> dict[str, tuple[str, ...]]:
    """A word a page clips in the other name it gives its role ("often called the vet hospital
    pharmacist" for the Veterinary Pharmacy Manager): that word is also the title's word, when
    it clips only one."""
    seen: dict[str, set[str]] = defaultdict(set)
    for role in kb.roles.values():
        title = words_of(role.title)
        for para in (role.tagline, *role.overview):
            for name in called_names(role.title, para):
                for w in words_of(name):
                    seen[w].update(t for t in title if len(w) >= CLIPPED_MIN_LETTERS and t.startswith(w) and len(t) - len(w) >= CLIPPED_MORE)
    return {w: (w, *full) for w, full in seen.items() if len(full) == 1}


def page_abbreviations(kb: Knowledge) -> dict[str, tuple[str, ...]]:
    """Every abbreviation the knowledge's texts define one way only and that is not an English word."""
    seen: dict[str, set[str]] = defaultdict(set)
    for role in kb.roles.values():
        texts = [role.tagline, *role.overview, role.closing or "", *(f"{r.name}. {r.description}" for r in role.responsibilities), role.day_intro or ""]
        texts += [f"{e.title}. {e.description}" for e in role.day_in_the_life] + [step.why for step in role.pathway]
        for text in texts:
            for abbr, meaning in defined_abbreviations(text):
                seen[abbr].add(meaning)
    for cert in kb.certifications.values():
        for abbr, meaning in defined_abbreviations(cert.description):
            seen[abbr].add(meaning)
    return {abbr: (next(iter(m)),) for abbr, m in seen.items() if len(m) == 1 and english.count(abbr) < ACRONYM_NOT_ENGLISH}


_COMPOUND = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+){2,}")
_HYPHENATED = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+")


def compound_initials(kb: Knowledge) -> dict[str, tuple[str, ...]]:
    """OTC for the Over-the-Counter of a title or a certification's name, POC for Point-of-Care:
    the initials of a hyphenated compound of three or more words, when they spell no English
    word and no other compound's initials."""
    seen: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    names = [role.title for role in kb.roles.values()] + [cert.name for cert in kb.certifications.values()]
    for name in names:
        for compound in _COMPOUND.findall(name):
            parts = tuple(compound.lower().split("-"))
            seen["".join(p[0] for p in parts)].add(parts)
    return {abbr: next(iter(m)) for abbr, m in seen.items() if len(m) == 1 and english.count(abbr) < ACRONYM_NOT_ENGLISH}


_PAIR = re.compile(r"\b([A-Za-z]{3,})\s+(?:and|&)\s+([A-Za-z]{3,})\b")


def pair_initials(kb: Knowledge) -> dict[str, tuple[str, ...]]:
    """L&D for the Labor and Delivery of a title, "P&T" alike: the initials of two words a title
    or a certification's name joins with "and", as members write them with "&" (read as one
    word), when they spell no English word and no other pair's initials."""
    seen: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    names = [role.title for role in kb.roles.values()] + [cert.name for cert in kb.certifications.values()]
    for name in names:
        for one, other in _PAIR.findall(ampersands(name)):
            seen[(one[0] + other[0]).lower()].add((one.lower(), other.lower()))
    return {abbr: next(iter(m)) for abbr, m in seen.items() if len(m) == 1 and english.count(abbr) < ACRONYM_NOT_ENGLISH}


def name_initials(kb: Knowledge) -> dict[str, tuple[str, ...]]:
    """CDI for a Certified Clinical Documentation Improvement Professional: the initials of the
    words a certification's name puts between "Certified" (and the field word) and its job noun,
    when three or four of them spell no English word and no other name's initials."""
    seen: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for cert in kb.certifications.values():
        words = [w for w in words_of(cert.name) if w not in lexicon.STOPWORDS]
        while words and (words[0] == "certified" or words[0] in lexicon.FIELD_WORDS):
            words = words[1:]
        if words and (words[-1] in lexicon.ROLE_HEADS or words[-1] in lexicon.NAME_HEADS):
            words = words[:-1]
        if 3 <= len(words) <= 4:
            seen["".join(w[0] for w in words)].add(tuple(words))
    titles = {acr for role in kb.roles.values() for acr in _acronyms(role.title)} | {letters for role in kb.roles.values() for letters, _ in _theme_initials(role.title)}
    return {abbr: next(iter(m)) for abbr, m in seen.items() if len(m) == 1 and abbr not in titles and english.count(abbr) < ACRONYM_NOT_ENGLISH}  # "IDS manager" names a role


def _near_a_code(letters: str, codes: list[str]) -> bool:
    """Initials one letter from a certification's code ("BCPS" beside CBCPS) are more likely that
    code misremembered, or another council's, than the role's name."""
    return process.extractOne(letters, codes, scorer=OSA.distance, score_cutoff=1) is not None


_DIGIT_WORDS = {"to": "2", "for": "4"}  # written as digits in initials: B2B, "m2b" for Meds-to-Beds


def _theme_initials(title: str) -> set[tuple[str, str]]:
    """("cc", "supervisor") for Pharmacy Contact Center Supervisor, ("dg", "lead") for Pharmacy
    Data Governance Lead: the initials of the words a title puts before its job noun (two or
    three of them, past a leading field word), with that job noun; ("m2b", "manager") as well as
    ("mb", "manager") and ("mb", "program manager") for Meds-to-Beds Program Manager, ("ldd",
    "manager") for Limited Distribution Drug Program Manager; ("bd", "manager") for Pharmacy Service
    Line Business Development Manager (a long theme: its last two words)."""
    words = [w for w in words_of(title) if w not in lexicon.STOPWORDS or w in _DIGIT_WORDS]
    while words and (words[0] in lexicon.FIELD_WORDS or words[0] in _DIGIT_WORDS):
        words = words[1:]
    if len(words) < 3 or words[-1] not in lexicon.ROLE_HEADS:
        return set()
    theme = words[:-1]
    while theme and (theme[-1] in lexicon.FIELD_WORDS or theme[-1] in _DIGIT_WORDS):
        theme = theme[:-1]
    themes = [(theme, words[-1])]
    if sum(w not in _DIGIT_WORDS for w in theme) in (3, 4):
        themes.append((theme[:-1], words[-1]))  # "m2b manager" for Meds-to-Beds Program Manager
        themes.append((theme[:-1], f"{theme[-1]} {words[-1]}"))  # "LDD program manager" for Limited Distribution Drug Program Manager
    if sum(w not in _DIGIT_WORDS for w in theme) >= 4:
        themes.append((theme[-2:], words[-1]))  # "the BD manager" for Pharmacy Service Line Business Development Manager: the words nearest the job noun
    forms: set[tuple[str, str]] = set()
    for th, head in themes:
        content = [w for w in th if w not in _DIGIT_WORDS]
        if 2 <= len(content) <= 3:
            forms.add(("".join(w[0] for w in content), head))
            if len(th) > len(content):
                forms.add(("".join(_DIGIT_WORDS.get(w, w[0]) for w in th), head))
    return forms


def _inner_pair_initials(title: str) -> set[tuple[str, str]]:
    """("bp", "lead") for Community Pharmacy Blood Pressure Service Lead: the initials of two
    neighbouring words inside a theme too long for its own initials (four words or more, none a
    field word), with the job noun; members shorten the part that tells the job apart ("the BP
    one")."""
    words = words_of(title)
    if not words or words[-1] not in lexicon.ROLE_HEADS:
        return set()
    theme = [w for w in words[:-1] if w not in lexicon.STOPWORDS]
    if len(theme) < 4:
        return set()
    return {(a[0] + b[0], words[-1]) for a, b in zip(theme, theme[1:]) if a.isalpha() and b.isalpha() and a not in lexicon.FIELD_WORDS and b not in lexicon.FIELD_WORDS} - _theme_initials(title)


def _field_persons(title: str) -> set[tuple[str, ...]]:
    """("expeditionary",) for Expeditionary Pharmacy Officer, ("anti", "doping") for Anti-Doping
    Pharmacy Advisor, ("bariatric", "surgery") and ("bariatric",) for Bariatric Surgery Pharmacy
    Specialist: the words a title puts before "pharmacy" (one or two, one of them a rare one), or a
    rare one of two alone; ("expert", "witness") for Pharmacy Expert Witness Consultant: the two
    words a title puts between a leading "pharmacy" and its job noun. With "pharmacist" they are
    how members name the person ("an expeditionary pharmacist's day", "bariatric pharmacist
    typical day")."""
    words = [w for w in words_of(title) if w not in lexicon.STOPWORDS]
    if "pharmacy" not in words or words[-1] == "pharmacy":
        return set()
    theme = tuple(words[: words.index("pharmacy")])
    after = not theme and words[-1] in lexicon.ROLE_HEADS  # "an expert witness pharmacist" for Pharmacy Expert Witness Consultant: the words between
    if after:
        theme = tuple(words[1:-1])
    if not 1 <= len(theme) <= 2 or any(w in lexicon.ROLE_HEADS for w in theme):
        return set()
    rare = [w for w in theme if english.count(w) < TAIL_WORD_RARE]
    forms = {theme} if rare or (after and len(theme) == 2) else set()  # ("a spasticity clinic pharmacist" for Spasticity Clinic Pharmacy Coordinator: one rare word is enough)
    if len(theme) == 2:
        forms.update((w,) for w in rare)
    return forms


def _tail_pair(title: str) -> tuple[str, str] | None:
    """("outreach", "manager") for Rural Mobile Health Pharmacy Outreach Manager: a long title's
    job noun with the word before it, when that word is a rare one (not "program", "project" or
    "center", which name many jobs outside pharmacy), so members shorten the title to these two."""
    words = [w for w in words_of(title) if w not in lexicon.STOPWORDS]
    if len(words) < TAIL_TITLE_WORDS or words[-1] not in lexicon.ROLE_HEADS:
        return None
    k = len(words) - 2
    while k >= 0 and words[k] in lexicon.FIELD_WORDS:
        k -= 1
    if k < 1 or words[k] in lexicon.ROLE_HEADS or english.count(words[k]) >= TAIL_WORD_RARE:
        return None
    return words[k], words[-1]


def _acronyms(title: str) -> set[str]:
    """DPO and DOPO for Director of Pharmacy Operations, MSO for Medication Safety Officer, and
    the forms members use without the field word: RPD for Pharmacy Residency Program Director,
    IDS for Investigational Drug Services Pharmacist, TOC for Transitions of Care Pharmacy Coordinator."""
    words = [w for w in words_of(title) if w not in ("and", "the")]  # "Director of Pharmacy Operations" -> DOPO
    forms = {tuple(words), tuple(w for w in words if w not in lexicon.STOPWORDS)}
    for ws in list(forms):
        if ws and ws[0] in lexicon.FIELD_WORDS:
            forms.add(ws[1:])
        if ws and ws[-1] in lexicon.ROLE_HEADS and len(ws) >= 4:
            forms.add(ws[:-1])
            theme = ws[:-1]
            while theme and theme[-1] in lexicon.FIELD_WORDS:
                theme = theme[:-1]
            forms.add(theme)  # "TOC coordinator" for Transitions of Care Pharmacy Coordinator
    forms.update(tuple(words[k:]) for k in range(1, len(words) - 2))  # PIC for Medical Cannabis Pharmacist-in-Charge: the title's last words
    return {"".join(w[0] for w in ws) for ws in forms if len(ws) >= 3}
