"""The decision, as an ordered tuple of named stages over one question's evidence.

Each stage is ``(evidence, index) -> Match | None``: it either decides or passes to the next.
Stages never change the evidence; the first one that decides wins, and the ``Match`` names it.
The order is the policy: refusals that need no knowledge and safety first, then moderator FAQ
entries and small talk, then facts the pages lack, questions to ask back about, and finally
the answers from the knowledge. Every number a stage compares with lives in ``thresholds``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Callable

from bot.engine import english, lexicon
from bot.engine.analyze import TELLING_REACH, Analysis, cue_stems, not_held, ruled_out, tells
from bot.engine.entities import PHARMACIST_NOUNS, certs_by_duty, certs_by_topic, in_title, member_heads, named_by_its_page, named_by_its_topic, named_cert_spans, not_asked_jobs, own_job_heads, qualified_otherwise, role_from_certs
from bot.engine.evidence import Evidence, embedded_polar, last_asks_a_role, one_of_them, read, sentence_starts
from bot.engine.index import EVERYDAY_WORD, Index, words_of
from bot.engine.intents import Neighbour
from bot.engine.language import foreign
from bot.engine.normalize import stem
from bot.engine.phrases import CODE_MARK
from bot.engine.sections import best_of, clock_asked, section_for
from bot.engine.tailor import Tailored, compare_certs, rank_certs, related_stems, scored_certs, tailor
from bot.engine.thresholds import (
    AMBIGUOUS_TIE,
    CHOICE_LEAD,
    CLINICAL_LOAD_MIN,
    CLIPPED_SHARED,
    CONF_AMBIGUOUS,
    CONF_BESIDES,
    CONF_CERT_CODE,
    CONF_CERT_NAMED,
    CONF_CERT_SHARED,
    CONF_CODE_TYPO,
    CONF_LEARNED,
    CONF_LIST,
    CONF_MISSING_FACT,
    CONF_NEEDS_CONTEXT,
    CONF_OFF_TOPIC,
    CONF_OFF_TOPIC_SEEK,
    CONF_PATHWAY,
    CONF_PATHWAY_FOR_ROLE,
    CONF_PATHWAY_NAMED,
    CONF_PATHWAY_WEAK,
    CONF_REFUSE,
    CONF_REFUSE_SURE,
    CONF_RELAXED_FACTOR,
    CONF_ROLE_CONTRAST,
    CONF_TOPIC_BASE,
    CONF_TOPIC_SPREAD,
    CONF_UNKNOWN_CODE,
    CONF_UNKNOWN_ROLE,
    DISTINCTIVE,
    DUTY_LEAD,
    FAQ_COMMON_MIN,
    FAQ_COMMON_SHARE,
    FAQ_COVERED,
    FAQ_FULL_PRECISION,
    FAQ_FULL_RECALL,
    FAQ_FULL_WORDS,
    FAQ_MAX_POSTING,
    FAQ_MIN,
    FAQ_OVER_LIST,
    FAQ_SIMILAR,
    LEARNED_MARGIN,
    LEARNED_MIN,
    ONLY_CANDIDATE_MIN,
    RELATED_WEIGHT,
    ROLE_MENTION,
    ROLE_RELAXED,
    SALUTE_WORDS,
    TAUGHT_MIN,
    TITLE_SAID_WHOLE,
    TOPIC_CLOSE,
    TOPIC_MIN,
    TOPIC_TIE,
    TOPIC_UNKNOWN_CODE,
    UNCOVERED_SHARE,
)
from bot.engine.verdict import Match, refuse

Decide = Callable[[Evidence, Index], Match | None]


@dataclass(frozen=True)
class Stage:
    name: str
    decide: Decide

    @property
    def about(self) -> str:
        return (self.decide.__doc__ or "").strip().split("\n")[0]


# ---------------------------------------------------------------- refusals that need no knowledge


def empty(ev: Evidence, ix: Index) -> Match | None:
    """No words at all (emoji, punctuation): nothing to answer."""
    if not any(any(c.isalpha() for c in w) for w in ev.a.words):
        return refuse("empty", CONF_REFUSE_SURE)
    return None


def language(ev: Evidence, ix: Index) -> Match | None:
    """A question in another language: a plain-English "I can only answer in English"."""
    if ev.a.words and all(w in lexicon.GREETINGS for w in ev.a.words):
        return None  # "assalamu alaikum", "xin chào 👋": a greeting, answered like any other
    found = foreign(ev.a.question, ix.english_or_ours)
    return refuse("language", CONF_REFUSE, detail=found, why=f"written in {found}") if found else None


def injection(ev: Evidence, ix: Index) -> Match | None:
    """Instructions hidden in the message ("ignore your rules", "announce …"): never followed."""
    if ev.cue("injection"):
        return refuse("injection", CONF_REFUSE_SURE, why=f"injection cue: {ev.cue('injection')!r}")
    return None


def task_request(ev: Evidence, ix: Index) -> Match | None:
    """A request to write something ("write my cover letter"): not a question about the knowledge."""
    titled = {i for sc, r in ev.roles if sc >= ROLE_MENTION for i in ev.role_where.get(r, ())}
    words = ev.a.words
    if ev.cue("task_request") and any(not {b - 1, b} <= titled and not (a and words[a - 1] in _NOUN_BEFORE and words[a] not in _VERSES) and _DOER.isdisjoint(words[max(0, a - 2) : a]) and tuple(words[max(0, a - 2) : a]) not in _ABLE and (ev.a.asks(a) or _opens_a_sentence(ev, a)) for a, b in dict.fromkeys(lexicon.cue("task_request").spans(words) + _sentence_spans(ev, "task_request"))):  # (nor "I'm trying to write a job description … . What are its core responsibilities?": told, not asked)  # (not "do both the disaster response coordinator and …": a title goes on past it; nor "HR keeps putting it in the draft job description": a draft, not a request)
        return refuse("off_topic", CONF_REFUSE, why=f"task cue: {ev.cue('task_request')!r}")
    return None


def _opens_a_sentence(ev: Evidence, at: int) -> bool:
    """Word ``at`` starts a sentence of the message: an imperative there asks ("… here? post the stats")."""
    return at == 0 or ev.a.sentence_of[at - 1] != ev.a.sentence_of[at]


_NOUN_BEFORE = lexicon.DETERMINERS | lexicon.POSSESSIVES  # "the draft", "my edit": the word is a noun there
_VERSES = frozenset({"haiku", "haikus", "poem", "poems", "limerick", "limericks", "sonnet", "sonnets", "rap", "song"})  # "a limerick about the ops director please": asked for, after "a" too
_ABLE = frozenset({("you", "can"), ("u", "can"), ("able", "to")})  # "a certification that shows you can write a consult note": an ability, not a request
_DOER = frozenset({"i", "we", "im", "ive", "weve", "who", "she", "he", "they"})  # "I write the grievance letters", "the tech who translates our labels": work told of, not asked for


def clinical(ev: Evidence, ix: Index) -> Match | None:
    """Clinical advice: a request for it (doses, interactions) always; advice verbs ("should I take"),
    drug and disease words only when the question is not about a certification, a role or a career step."""
    if ev.cue("clinical_request") and _requested(ev, ix):
        return refuse("clinical", CONF_REFUSE, why=f"clinical request: {ev.cue('clinical_request')!r}")
    words = ev.a.words
    taken = next((w for i, w in enumerate(words) if i and _drug_object(words, i) and lexicon.is_drug(w) and w not in ix.known_words), None)
    if taken:  # "can someone on a blinded trial drug take ibuprofen": a drug taken, whatever career words are around
        return refuse("clinical", CONF_REFUSE, why=f"a drug taken or counselled on: {taken!r}")
    strangers = _strangers_compared(ev, ix) if not (ev.codes or ev.role_named) else None
    if strangers:  # "narcan vs kloxxado, which one should we stock": two products no page is about
        return refuse("clinical", CONF_REFUSE, why=f"compares {strangers!r}, names no knowledge text or everyday English has")
    if ev.clinical_load >= CLINICAL_LOAD_MIN and not ev.career_asked:  # "as a pv specialist how would i know if a rash is from lamotrigine"
        return refuse("clinical", CONF_REFUSE, why=f"clinical words {', '.join(ev.clinical_words)} (weight {ev.clinical_load}), no career question asked")
    if ev.career_framed and not _advice_apart(ev):
        return None
    drug = next((w for w in ev.a.words if lexicon.is_drug(w) and w not in ix.known_words), None)
    counted = [
        (x, y) for x, y in lexicon.cue("clinical_topic").spans(words) if not (x and words[x - 1].isdigit()) and not _names_knowledge(ev, ix, x, y)
    ]  # "2 kids, cant do nights": the member's life, not a patient
    found = ev.cue("clinical_advice") or (ev.cue("clinical_topic") if counted else None) or drug
    if found:
        return refuse("clinical", CONF_REFUSE, why=f"clinical wording {found!r}, not framed as a career question")
    return None


def _advice_apart(ev: Evidence) -> bool:
    """Advice asked in a sentence of its own, which names no job, certification or career word
    ("… the student asked me about it. Is it safe to use articaine with epinephrine?"): the career
    words of the story around it frame nothing."""
    a = ev.a
    spans = lexicon.cue("clinical_advice").spans(a.words)
    career = ev.title_positions | {i for i, w in enumerate(a.words) if w == CODE_MARK or w in lexicon.CERT_NOUNS or w in lexicon.ROLE_NOUNS}
    patient = not _CASE_WORDS.isdisjoint(a.words) or bool(ev.clinical_words) or any(lexicon.is_drug(w) for w in a.words)  # (a case: not "two offers … which should i take")
    turns = sorted(y for _, y in lexicon.cue("discourse").spans(a.words))  # "want the short order job someday but quick q, can we sub …": a new question begins
    part = [(a.sentence_of[i], sum(1 for y in turns if y <= i)) for i in range(len(a.words))]
    return patient and len(set(part)) > 1 and any((a.asks(x) or part[x][1]) and not any(part[i] == part[x] for i in career) for x, _ in spans)


def _names_knowledge(ev: Evidence, ix: Index, x: int, y: int) -> bool:
    """Words x..y are the knowledge's own subject: each names a certification or a role ("any
    about vaccines" where a certification is the Vaccine and Cold Chain Steward) or is what a
    job is named by, a word its page keeps writing ("the allergy shot compounding lead"), not a patient's."""
    content = [i for i in range(x, y) if ev.a.words[i] not in lexicon.STOPWORDS]
    return bool(content) and all(ev.a.word_stems[i] in ix.name_postings or ev.a.word_stems[i] in ix.title_postings or ev.job_subject(i) for i in content)


def _requested(ev: Evidence, ix: Index) -> bool:
    """The clinical request is asked, not what the member says they do ("i love fixing chair flow
    and premed timing delays") nor a certification's name ("the certified community overdose
    educator thing, what is that")."""
    named = {i for code, x, y in named_cert_spans(ev.a, ix, {r: set(w) for r, w in ev.role_where.items()}) if code in ev.codes for i in range(x, y)}
    covered = ev.said_of_self | _sought_topic(ev) | _duty_asked_of_a_role(ev) | named | _pasted_before_a_role_asked(ev)
    words = ev.a.words
    a_case = not _A_CASE.isdisjoint(words) or any(lexicon.is_drug(w) and w not in ix.known_words for w in words)  # ("which certification covers the dose for my patient on vancomycin": a case)
    spans = [(x, y) for x, y in lexicon.cue("clinical_request").spans(words) if a_case or not (words[x] in ("which", "what") and x + 1 < y and (words[x + 1] in lexicon.CERT_NOUNS or (words[x + 1] == "one" and ev.codes)))]  # ("which cert covers dose limits", "CTPLP or CRPEC, which one is about dosing diaries": a certification asked, by its topic)
    spans = [(x, y) for x, y in spans if a_case or not (_work_of_the_trade(words, x, y, ix))]  # ("which one is about titrating doses under a …", "spent five years titrating …": the work a page names, no patient)
    if not spans:
        return False
    return not covered or any(not {i for i in range(x, y) if words[i] not in lexicon.STOPWORDS and (words[i] in lexicon.CLINICAL_SPECIFICS or i not in _sought_words(ev))} <= covered for x, y in spans)  # ("what does the unit dose systems certification cover": its words, not the question's, are the name's; "which certification covers stepped-dose protocols": the dose is the topic's)


_YEARS_OF = frozenset({"years", "yrs", "year", "spent", "experience", "months"})  # "spent five years titrating …": what someone has done


def _work_of_the_trade(words: tuple[str, ...], x: int, y: int, ix: Index) -> bool:
    """Words x..y of a clinical request are the knowledge's own words for a kind of work, said as a
    topic ("about titrating …") or as someone's experience ("five years titrating …")."""
    own = [w for w in words[x:y] if w not in lexicon.STOPWORDS]
    led = any(words[j] == "about" or words[j] in _YEARS_OF for j in range(max(0, x - 3), x))
    return bool(own) and led and all(w in ix.known_words and not lexicon.is_drug(w) for w in own)


def _pasted_before_a_role_asked(ev: Evidence) -> frozenset[int]:
    """"… bullets: 'decide how many vials each hospital holds; …' Which of your roles is this?": the
    text before a last sentence that asks which role it is, pasted, not asked."""
    a = ev.a
    if last_asks_a_role(a)[:1] not in (["which"], ["what"]):
        return frozenset()
    return frozenset(i for i in range(len(a.words)) if a.sentence_of[i] < a.sentence_of[-1])


_DUTY_VERBS = frozenset({"decides", "decide", "handles", "handle", "oversees", "oversee", "approves", "approve", "manages", "manage", "runs", "run", "schedules", "coordinates", "plans", "sets", "controls", "owns", "checks", "verifies", "audits", "reviews"})  # "who decides …": a duty asked of a role
_A_VALUE = frozenset({"dose", "dosing", "dosage", "mg", "max", "maximum"})  # a value asked ("the max dose"), never a duty's object
_WHOSE = frozenset({"my", "our", "this", "her", "his", "their", "a"})  # "for my patient": one case
_A_CASE = frozenset({"patient", "patients", "pt", "pts", "kid", "child", "baby", "grandma", "grandpa", "mom", "dad"})  # someone dosed
_CASE_WORDS = frozenset({"dose", "doses", "dosing", "dosage", "mg", "patient", "patients", "pt", "pts"})  # a case or a value, never a duty


def _duty_asked_of_a_role(ev: Evidence) -> frozenset[int]:
    """"who decides the beyond-use dates on batched IVs": the duty whose role is asked for, not a
    clinical value (no drug, no number: "who can tell me the vanc dose for 80 kg" stays clinical)."""
    a = ev.a
    at = next((i for i, w in enumerate(a.words) if w in lexicon.WHO_WORDS), None)
    case = any(w in _A_VALUE or (w in _CASE_WORDS and i and a.words[i - 1] in _WHOSE) for i, w in enumerate(a.words))  # "the max dose for my patient": a case
    verb = at + 1 if at is not None else None
    if verb is not None and a.words[verb : verb + 3] in (("the", "person", "that"), ("the", "person", "who"), ("the", "one", "that"), ("the", "one", "who")):
        verb += 3  # "who's the person that checks IV doses by weight": the duty of that person
    decides = verb is not None and verb < len(a.words) and a.words[verb] in _DUTY_VERBS and not case  # "who decides which chemo doses get mixed early": a duty, though doses are its object
    if not ev.asks_who or any(lexicon.is_drug(w) or w.isdigit() or (not decides and (w in lexicon.CLINICAL_SPECIFICS or w in _CASE_WORDS)) for w in a.words):
        return frozenset()
    return frozenset(range(at + 1, len(a.words))) if at is not None else frozenset()


def _sought_topic(ev: Evidence) -> frozenset[int]:
    """The words after "is there a certification for …" in its sentence: the topic of the
    certification sought ("… for reporting side effects and product complaints"), not a request."""
    a = ev.a
    chosen_by = next((i for i, w in enumerate(a.words) if w in _ABOUT_WORDS and CODE_MARK in a.words[:i]), None) if len(set(ev.codes)) >= 2 else None
    if chosen_by is None and (not ev.cert_seek or not ev.cert_nouns):
        return frozenset()
    at = chosen_by if chosen_by is not None else next(i for i, w in enumerate(a.words) if w in lexicon.CERT_NOUNS)  # ("which of CVFDS or CADRA is more about withdrawal times": what one of them covers)
    topic = frozenset(i for i in range(at + 1, len(a.words)) if a.sentence_of[i] == a.sentence_of[at])
    if any((a.words[i] in lexicon.CLINICAL_SPECIFICS and not _modifies_a_noun(a, i)) or lexicon.is_drug(a.words[i]) for i in topic):
        return frozenset()  # "… for when a patient has side effects from lisinopril, what dose …": a case
    return topic


_ABOUT_WORDS = frozenset({"about", "covers", "cover", "covering"})


def _sought_words(ev: Evidence) -> frozenset[int]:
    """The words of "which certification covers …" up to the topic: how a certification is sought."""
    return frozenset(i for x, y in lexicon.cue("cert_seek").spans(ev.a.words) for i in range(x, y + 1))


def _modifies_a_noun(a: Analysis, i: int) -> bool:
    """A clinical word ending a hyphenated modifier ("stepped-dose protocols"): it says what kind of
    protocol it is, no dose is asked."""
    return i + 1 < len(a.words) and re.search(rf"\w-{re.escape(a.said[i])}\s+{re.escape(a.said[i + 1])}\b", a.question.lower()) is not None


def _drug_object(words: tuple[str, ...], i: int) -> bool:
    """Word i is what is taken, counselled on or swapped: "take ibuprofen", "explain warfarin",
    "an alternative to cefazolin"."""
    k = i - 1
    while k > 0 and i - k <= _BETWEEN_VERB_AND_DRUG and words[k] in _SMALL_BEFORE_A_DRUG:
        k -= 1  # "doubled up on their lisinopril"
    amount = words[i - 1] in _AMOUNT_BEFORE or words[i + 1 : i + 2] in (["per"], ["daily"])  # "max acetaminophen per day": how much of it
    return amount or words[i - 1] in lexicon.TAKE_VERBS or (k < i - 1 and words[k] in lexicon.TAKE_VERBS) or (i >= 2 and words[i - 1] in ("to", "for") and words[i - 2] in lexicon.SWAP_WORDS) or words[i - 1] in lexicon.SWAP_WORDS  # ("can we sub enoxaparin")


_AMOUNT_BEFORE = frozenset({"max", "maximum", "much", "mg", "mcg", "units"})
_SMALL_BEFORE_A_DRUG = frozenset({"their", "his", "her", "my", "the", "a", "an", "on", "up", "of", "some", "extra"})
_BETWEEN_VERB_AND_DRUG = 3


# ---------------------------------------------------------------- moderator answers and small talk


def taught(ev: Evidence, ix: Index) -> Match | None:
    """A phrasing a moderator taught (knowledge/phrasings.yaml), or one very close to it."""
    found = ev.taught
    if not found or found[0].similarity < TAUGHT_MIN:
        return None
    ex = found[0].example
    why = f"taught example {ex.text!r} ({found[0].similarity:.2f}) means {ex.intent}" + (f" about {ex.about}" if ex.about else "")
    if ex.intent in ("help", "list_certifications", "list_roles"):
        return Match(ex.intent, confidence=CONF_LEARNED, why=why)
    if ex.intent == "none":
        return refuse("off_topic", CONF_LEARNED, why=why)
    if ex.intent == "certification":
        codes = ev.codes or ((ex.about,) if ex.about in ix.knowledge.certifications else ())
        return Match("certification", certifications=tuple(rank_certs(codes, ev.a, ix)), confidence=CONF_LEARNED, why=why) if codes else None
    named = ev.subject_role if ev.subject_named or ev.subject_relaxed else None
    rid = named or (ex.about if ex.about in ix.knowledge.roles else None) or (ev.goal_role if ex.intent == "pathway" else None)
    if rid is None:
        return None
    if ex.intent == "pathway":
        return _pathway(rid, tailor(rid, ev.a, ix, held=ev.held, exclude=set(ix.role_titles.get(rid, ()))), CONF_LEARNED, why)
    section = ex.section or section_for(rid, ev.a, ev.hits, ix, set(ix.role_titles.get(rid, ())))[0]
    return Match("role", role=rid, section=section, confidence=CONF_LEARNED, why=why)


def faq(ev: Evidence, ix: Index) -> Match | None:
    """A moderator-written FAQ entry whose phrasing the question matches closely."""
    best = best_faq(ev, ix)
    if best and ev.codes and ev.hits.keys() & {"identity", "pathway"} and not set(ev.codes) & set(ix.knowledge.faqs[best[0]].certifications):
        best = None  # "which jobs list CMSO", "is CPOM on another path too?" ask about CMSO, CPOM, which the entry ("my job is not listed", "can you add another career path") does not name
    if best and _asks_a_list(ev) and _only_in_the_list_ask(ev, ix.faq_vocab[best[0]]):
        best = None  # "what roles does the bot know about": every word it shares with the entry ("why isn't my role in the bot") asks the list
    if best and best[1] >= FAQ_MIN and not (_asks_a_list(ev) and best[1] < FAQ_OVER_LIST):  # ("what roles are available in this bot": the list)
        return Match("faq", faq=best[0], confidence=round(min(1.0, best[1]), 3), why=f"FAQ '{best[0]}' F1 {best[1]:.2f} >= {FAQ_MIN}")
    if (best is None or best[1] < FAQ_MIN) and ev.codes and _codes_only_told(ev) and (found := best_faq(ev, ix, past_codes=True)) is not None and found[1] >= FAQ_MIN and not ix.knowledge.faqs[found[0]].certifications:
        return Match("faq", faq=found[0], confidence=round(min(1.0, found[1]), 3), why=f"FAQ '{found[0]}' F1 {found[1]:.2f} >= {FAQ_MIN} on all but the certification it is about")  # "the bot gave me wrong info about CHOR yesterday, how do i report it"
    last = _last_clause(ev, ix)
    if last is not None and (found := best_faq(read(last, ix), ix)) is not None and found[1] >= FAQ_MIN:
        return Match("faq", faq=found[0], confidence=round(min(1.0, found[1]), 3), why=f"FAQ '{found[0]}' F1 {found[1]:.2f} >= {FAQ_MIN} on the clause that asks: {last!r}")
    if ev.codes or ev.role_named or not ix.faq_phrasings or _asks_a_list(ev):
        return None  # ("show me every job you have a spotlight for": the list)
    nearest_faq = next((nb for nb in ev.taught_all if nb.intent == "faq"), None)
    if nearest_faq is None or nearest_faq.similarity < FAQ_SIMILAR:
        return None  # (the built-in phrasings are only compared when an FAQ phrasing is close)
    nb = _clear_neighbour(ev, FAQ_SIMILAR)
    if nb is not None and nb.intent == "faq":
        return Match("faq", faq=nb.example.about, confidence=round(min(1.0, nb.similarity), 3), why=f"nearest phrasing {nb.example.text!r} of FAQ '{nb.example.about}' ({nb.similarity:.2f})")
    return None


_CLAUSE = re.compile(r"[,;:.!?]+\s+|\s+[-–—]+\s+")  # (a spaced dash ends a clause too: "ops director path - what comes next")


def _codes_only_told(ev: Evidence) -> bool:
    """"the bot gave me wrong info about CHOR yesterday, how do i report it": the certifications
    are named in clauses that tell, and the last clause asks without one."""
    found = _asking_last_clause(ev.a.question)
    return found is not None and not any(w.upper() in ev.codes for w in found[1])


def _asking_last_clause(question: str) -> tuple[str, list[str]] | None:
    """The last clause and its words, when the message has more than one and the last asks (a
    question word first, or "?")."""
    parts = [p for p in _CLAUSE.split(question.strip()) if p.strip()]
    if len(parts) < 2:
        return None
    last = parts[-1].strip()
    words = words_of(last)
    return (last, words) if words and _clause_asks(last, words) else None


def _clause_asks(clause: str, words: list[str]) -> bool:
    """A clause that asks: it ends with "?" or opens with a question word."""
    return clause.endswith("?") or words[0] in _ASKING_LEADS


_ASKING_LEADS = lexicon.WH_WORDS | lexicon.WHO_WORDS | lexicon.POLAR_LEADS | {"where", "when", "can"}


def _last_clause(ev: Evidence, ix: Index) -> str | None:
    """"the bot told me CPOM was a tech cert, how do i report a wrong answer": the last clause,
    when it asks (a question word or "?") after clauses that only tell, and shares words with
    some FAQ phrasing (read whole only then)."""
    found = _asking_last_clause(ev.a.question) if ix.faq_phrasings else None
    if found is None:
        return None
    last, words = found
    if len(words) < FAQ_FULL_WORDS:
        return None
    shared = {stem(w) for w in words} & ix.faq_postings.keys()
    return last if len(shared) >= FAQ_FULL_WORDS else None


def _clear_neighbour(ev: Evidence, least: float, found: tuple[Neighbour, ...] | None = None) -> Neighbour | None:
    """The nearest example phrasing, when it is close enough and no other intent's is as close."""
    found = ev.learned if found is None else found
    if not found or found[0].similarity < least:
        return None
    if len(found) > 1 and found[0].similarity - found[1].similarity < LEARNED_MARGIN:
        return None
    return found[0]


def best_faq(ev: Evidence, ix: Index, max_posting: float = FAQ_MAX_POSTING, past_codes: bool = False) -> tuple[str, float] | None:
    """The FAQ entry with the phrasing closest to the question (weighted F1 of shared words);
    ``max_posting``: words in more phrasings than this are skipped (lifted by tests to compare);
    ``past_codes``: the certifications named only say what the message is about, and words of
    two phrasings of one entry count as for a question that names nothing."""
    q = _job_masked(ev, ix)
    if not q or not ix.faq_phrasings:
        return None
    qw = sum(ix.weight(s) for s in q)
    # Only a phrasing that can reach FAQ_MIN matters (the stage ignores a lower best), and one
    # needs precision >= `least` for that: words shared with its entry must weigh least * qw.
    # So a long message no entry can cover is settled at once, and hopeless entries are skipped.
    least = min(FAQ_FULL_PRECISION, FAQ_MIN / (2 - FAQ_MIN)) * qw * (1 - 1e-9)
    if ix.faq_reach < least:
        return None
    shared: dict[int, float] = defaultdict(float)
    common = min(max(FAQ_COMMON_MIN, FAQ_COMMON_SHARE * len(ix.faq_phrasings)), max_posting)
    for s in q:
        postings = ix.faq_postings.get(s, ())
        if len(postings) > common:
            continue  # a word in very many phrasings tells none apart (and bounds the work)
        w = ix.weight(s)
        for i in postings:
            if ix.faq_vocab_weights[ix.faq_phrasings[i][0]] < least:
                break  # (postings are sorted by that weight)
            shared[i] += w
    best: tuple[str, float] | None = None
    unnamed = (past_codes or not ev.codes) and not ev.role_named and "list" not in ev.hits  # "which leadership jobs do you have pages for" lists, it asks for no page
    for i, inter in sorted(shared.items()):  # ties: the first phrasing in the knowledge
        fid, phrasing = ix.faq_phrasings[i]
        covered = (q & ix.faq_vocab[fid]) - cue_stems() if unnamed else set()
        own = {s for s in covered if ix.faq_entries_with.get(s, 0) == 1}  # (not "bot", every entry's word)
        if len(own) >= FAQ_FULL_WORDS - 1 and sum(ix.weight(s) for s in covered) >= FAQ_COVERED * qw and (best is None or best[1] < FAQ_MIN):
            best = (fid, FAQ_MIN)  # "how do i flag it when you get something wrong": every word that tells is the entry's, from two of its phrasings
            continue
        if len(phrasing) > 1 and len(phrasing & q) < 2:
            continue  # one shared word ("bot") is not the same question
        if "list" in ev.hits and i not in ix.faq_lists:
            continue  # "which job pages do you have" asks for a list; "can you add a page for my job" does not
        precision, recall = inter / qw, inter / ix.faq_weights[i]
        if unnamed:  # "the bot gave me a wrong answer, where do I report it": words of two phrasings of one entry
            borrowed = (q & ix.faq_vocab[fid]) - phrasing - cue_stems()  # form words ("role", "job") tell no entry apart
            precision = (inter + sum(ix.weight(s) for s in borrowed)) / qw
        score = 2 * precision * recall / (precision + recall)
        if recall >= FAQ_FULL_RECALL and len(phrasing) >= FAQ_FULL_WORDS and precision >= FAQ_FULL_PRECISION:
            score = max(score, FAQ_MIN)  # every word of a phrasing, in a longer message: "the bot gave me a wrong answer, how do I report that"
        if best is None or score > best[1]:
            best = (ix.faq_phrasings[i][0], score)
    return best


_JOB = stem("job")


def _job_masked(ev: Evidence, ix: Index) -> frozenset[str]:
    """The question's stems with a job no page names said as "job" ("can u add a page for sterile
    compounding supervisor": a page for a job), as FAQ phrasings say it, and without when it
    happened ("… earlier"); words some phrasing uses itself ("… for a technician") stay."""
    a = ev.a
    when = {st for w, st in zip(a.words, a.word_stems) if w in lexicon.WHEN_WORDS and st not in ix.faq_postings}
    if ev.role_named or ev.codes:
        return a.stem_set - when
    masked: set[int] = set()
    for i, w in enumerate(a.words):
        if lexicon.head_noun(w) and lexicon.head_noun(a.said[i]):  # (typed as a job: not "CPhT" read as "technician")
            j = i
            while j > 0 and i - j < 3 and a.words[j - 1] not in lexicon.STOPWORDS and a.sentence_of[j - 1] == a.sentence_of[i]:
                j -= 1
            masked.update(k for m in range(j, i + 1) for k in a.typed_group(m) if a.word_stems[k] not in ix.faq_postings)  # ("buyer" read also as "procurement"; not a word some phrasing uses)
    if not masked:
        return a.stem_set - when
    kept = {a.word_stems[i] for i in range(len(a.words)) if i not in masked and a.word_stems[i] in a.stem_set}
    return frozenset((kept - when) | {_JOB})


def _content_words(ev: Evidence) -> list[str]:
    return [w for w in ev.a.words if w not in lexicon.STOPWORDS and w not in lexicon.GREETINGS]


def small_talk(ev: Evidence, ix: Index) -> Match | None:
    """Greetings and "what can you do" (help); a thank-you (a friendly word, nothing to learn)."""
    words = ev.a.words
    told_role = ev.a.asking and not any(ev.a.asks(i) for i in ev.role_where.get(ev.role_best or "", ()))  # "what can you help with? My manager at the nuclear pharmacy told us to try this": where they work, told
    vented = {i for x, y in lexicon.cue("venting").spans(words) for i in range(x, y)}  # ("… whats even the point": rhetorical, nothing asked)
    if "venting" in ev.hits and not ev.codes and not any(w in lexicon.WH_WORDS for i, w in enumerate(words) if i not in vented) and ("?" not in ev.a.question or vented & {i for i, w in enumerate(words) if w in lexicon.WH_WORDS}) and ev.hits.keys() <= {"venting", "discourse", "self_describe", "ref_many", "ref_thing", "ref_role", "judgement", "day", "someday"}:  # ("3 pressors 0 lunch. why do i do this": a day's word in it)
        return refuse("off_topic", CONF_REFUSE, why=f"venting {ev.cue('venting')!r}, nothing asked")  # "night shift is killing me lol": a job's word in it, no question
    if ev.codes or ev.a.unknown_codes or (ev.role_score >= ROLE_MENTION and not (ev.named_only_of_self and words[0] in lexicon.GREETINGS) and not (told_role and ev.cue("help"))):
        return None  # "what do you know about the 340B ACE certification?": about something, not about the bot
    own = ev.said_of_self  # "hello from a mail order pharmacy in arizona 👋": where they are, nothing asked
    steer = set((ev.cue("discourse") or "").split())  # "hey! quick q": steering asks nothing
    parts = {i for i, w in enumerate(words) if w in lexicon.DAY_TIMES and words[i - 1 : i] != ("good",)}  # "ok and the afternoon?": a part of the day asked for, no "good afternoon"
    bare = [w for i, w in enumerate(words) if w not in lexicon.STOPWORDS and (w not in lexicon.GREETINGS or i in parts) and w not in lexicon.HELP_WORDS and w not in steer and i not in own]
    cue_words = {w for name, found in ev.hits.items() if name not in ("self_describe", "discourse") for w in found.split()} - {words[i] for i in own}
    greeting_only = not bare and cue_words <= lexicon.GREETINGS and any(w in lexicon.GREETINGS or w in lexicon.HELP_WORDS for w in words)
    # "good morning from the night shift 🌙": a greeting with a few words of where from, nothing asked
    salute = bool(words) and words[0] in lexicon.GREETINGS and "?" not in ev.a.question and lexicon.WH_WORDS.isdisjoint(words) and (len(bare) <= SALUTE_WORDS and cue_words - lexicon.STOPWORDS <= lexicon.GREETINGS or "bot" in words)  # ("Hi there! A coworker told me about this bot. I've been a manager for nine years.": an introduction, nothing asked)
    helps = [(a, b) for a, b in lexicon.cue("help").spans(words)]
    asks_list = any(not any(x <= a and b <= y for x, y in helps) and ev.a.asks(a) for a, b in lexicon.cue("list").spans(words))  # ("… careers club, what can you do?": the help, not "what can you" of a list; "how do I use you? my coworker said you know about careers": told)
    lists = asks_list and any(w.endswith("s") for w in ev.role_nouns + ev.cert_nouns)  # "show me all the roles, I'm new here": the list
    asks_a_fact = "missing_people" in ev.hits  # "what do you know about Dr. Priya Raman?": a person asked about, not the bot's help
    if (ev.cue("help") and not lists and not ev.cert_seek and not asks_a_fact) or greeting_only or salute:  # ("which cert covers downtime procedures and incident command")
        return Match("help", confidence=CONF_REFUSE, why=f"help cue {ev.cue('help')!r}" if ev.cue("help") else "only greeting words")
    if all(w in lexicon.GRATITUDE or w in lexicon.STOPWORDS or w in lexicon.GREETINGS for w in words) and any(w in lexicon.GRATITUDE for w in words):
        return refuse("thanks", CONF_REFUSE)
    if ev.chit_chat and not ev.cert_seek and not ev.pathway_cue:
        return refuse("off_topic", CONF_REFUSE, why=f"small talk {ev.cue('chit_chat')!r}")  # "do you like your job, bot?"
    return None


# ---------------------------------------------------------------- facts the pages lack


def missing_fact(ev: Evidence, ix: Index) -> Match | None:
    """Fees, salaries, exam dates …: asked for, and no knowledge passage uses those words together."""
    if not any(facet.name in ev.hits for facet in lexicon.FACETS):
        return None
    partly = ev.described if ev.role_best and not ev.role_named and ev.role_where.get(ev.role_best) and ev.described == ev.role_best else None  # ("is the pre-op job …": a role partly named, and described by its page)
    about = ev.role_best if ev.role_named and ev.role_best else partly
    found = _missing_fact(ev, ix, about)
    if found is None and about is None and ev.pathway_cue and (only := sole_candidate(ev, ix)) is not None:
        found = _missing_fact(ev, ix, only)  # "how long does the whole ombudsman certification route take": what that one role's page lacks (some other page's "5 years" answers nothing of it)
    return found


def sole_candidate(ev: Evidence, ix: Index) -> str | None:
    """The one role the question's words point at, if weakly ("do i need a pharmd for the shelter
    job"): no other role scores, and more than a job noun found it."""
    return ev.subject_role if ev.subject_score > ONLY_CANDIDATE_MIN and ev.second == 0.0 and not _only_a_head(ev, ix) and not _a_bare_head(ev) else None


def _a_bare_head(ev: Evidence) -> bool:
    """The subject was found by "pharmacist" alone ("how do i go from driver to pharmacist"): the
    profession itself, whichever one title happens to end in it."""
    where = ev.role_where.get(ev.subject_role or "", frozenset())
    return bool(where) and all(ev.a.words[i] in PHARMACIST_NOUNS for i in where)


def _missing_fact(ev: Evidence, ix: Index, about: str | None) -> Match | None:
    """``about``: the role asked about, whose own text alone can hold the fact (a later stage may
    find it by a name the first reading missed: "can the gpo liaison job be done fully remote")."""
    if ev.role_asked_about_text:
        return None  # "'… paying the contracted price …' Which of your roles is this?": the posting's words, not the ask
    if not any(facet.name in ev.hits for facet in lexicon.FACETS):
        return None
    chosen_among = len(set(ev.codes)) >= 2 and "which" in ev.a.words  # "CPSCM vs CRMSP, which is more for remote settings": either one's text may say it
    doc = frozenset().union(*(ix.cert_coverage(c) for c in ev.codes)) if chosen_among else ix.cert_coverage(ev.codes[0]) if ev.codes else ix.role_coverage(about, names=False) if about else None
    of_certs = doc is None and bool(ev.cert_nouns) and not ev.certs_plural and ev.role_score < ROLE_RELAXED and not ev.hits.keys().isdisjoint(_CERT_FACTS)
    if of_certs:  # "does the waste rules cert need renewing": a certification's fact, which only certifications' texts could give
        doc = frozenset(st for code in ix.knowledge.certifications for st in ix.cert_coverage(code))
    owner = ev.codes[0] if ev.codes else about  # about a named one, only its own text counts
    one_kind = (ev.cue("ref_one_kind") or "").split()
    in_names = {i for _, r in ev.roles if _job_named(ev, r, ix) for i in ev.role_where.get(r, ())}  # "ops director vs pricing analyst": "pricing" names a role
    choice_at = min((x for x, _ in lexicon.cue("ref_choice").spans(ev.a.words)), default=len(ev.a.words))
    if len(ev.codes) >= 2 and "ref_choice" in ev.hits and not lexicon.TOPIC_LEADS.isdisjoint(ev.a.words[choice_at:]):
        return None  # "cpvca vs cppra, which one is more about pricing": a topic that tells two apart, no price asked (not "which of them is harder to get hired into")
    sought = _sought_topic(ev)
    claim = _checks_a_claim(ev)  # ("My manager says X pays way more than Y. Is that true?": the claim told is asked)
    for facet in lexicon.FACETS:
        found = ev.cue(facet.name)
        if found is None:
            continue
        starts = sentence_starts(ev.a, facet) or [i for i, w in enumerate(ev.a.words) if w == found.split()[-1]]  # (found on the words with titles masked: "does the dental _ work weekends", by its last word)
        told_checked = claim or (facet.name == "missing_employment" and _asked_cue(ev, "judgement") is not None)  # (also "… only one opening. which one should i pick": the choice asked is the decision told)
        if ev.a.asking and not any(ev.a.asks(i) for i in starts) and not told_checked:
            continue  # "HR mentioned CMLT as something the system would pay for. Can you explain what it provides?": told, not asked
        if ev.asks_who and (at_spans := facet.spans(ev.a.words)) and all(_describes_whom(ev.a.words, x) for x, _ in at_spans):
            continue  # "who is the person that decides how many techs we have on …": the job described, no count asked
        if ev.asks_who and ev.described and at_spans and all(x in ev.who_does for x, _ in at_spans):
            continue  # "who checks if ppl actually qualify for free prescriptions": what the job asked for does, which a page describes
        if not told_checked and _told_in_its_clause(ev, facet):
            continue  # "what does a GPO liaison do, our network is thinking of hiring one": told beside the ask
        if facet.name == "missing_eligibility" and about is not None and not ev.codes and ev.certs_plural and set(found.split()) <= _PREREQUISITES:
            continue  # "what certifications are prerequisites for the patch test technician": of a role, the certifications before it are its pathway
        facts = _fact_words(facet, ev)
        if facts and facts <= _dismissed(ev):
            continue  # "ok never mind pay, what are their main duties": set aside, not asked
        if facts and facts <= ev.said_of_self:
            continue  # "i work remotely, is CTRVS for me": what the member does, not a fact asked
        if facts and _in_purpose(ev, facts):
            continue  # "… what CULMP is so the hiring manager and I agree", "want to check if any match our open vacancies": why they ask, not what
        if facts and facts <= sought and any(ev.a.words[i] in lexicon.TOPIC_LEADS and CODE_MARK not in ev.a.words[i + 1 : min(facts)] for i in sought if min(facts) - TOPIC_LEAD_REACH <= i < min(facts)):
            continue  # "what cert covers the expiration tracking stuff": the topic of the certification sought, no fact of one asked (not "whats the exam like for CPOM, multiple choice?": the lead's word is the code)
        if facts and facts <= sought and _topic_from_the_start(ev, sought, min(facts)):
            continue  # "which credential deals with leading a department through a leadership vacancy": all of it the topic
        if facts and facts <= sought and all(i and ev.a.words[i - 1].endswith("ing") and len(ev.a.words[i - 1]) > 5 for i in facts):
            continue  # "cert for auditing claims / tracing dollars from purchase to reimbursement": what the work does with it
        if facts and (ev.pathway_cue or "ordering" in ev.hits) and facts <= _liked(ev):
            continue  # "HEOR path, but the part I geek out on is acquisition costs … which cert first?": what they like orders the steps
        if facts and all(_describes_a_thing(i, ev, ix) for i in facts):
            continue  # "the one about billing units and reimbursement for expensive drugs": a kind of drug, no price asked
        if one_kind and ((key := set(_key_run(found, facet).split()) - lexicon.STOPWORDS) or not ev.codes) and not key - set(one_kind):
            continue  # "which is the hiring one": a word that tells two things apart, not a fact asked for
        every = facet.spans(ev.a.words)
        spans = [(x, y) for x, y in every if not _names_only(range(x, y), in_names, ev, facet) and (ev.a.asks(x) or told_checked)]
        named_words = {ev.a.words[i] for i in in_names}
        own = [w for w in found.split() if w not in lexicon.STOPWORDS and facet.phrases.says(w)]
        at = [x for x, y in every if " ".join(ev.a.words[x:y]) == found]
        told = bool(at) and not any(ev.a.asks(x) for x in at) and not told_checked  # ("… worries me most about working remotely …. what's the pathway for remote verification": told)
        asked = ([] if (own and all(w in named_words for w in own)) or told else [found]) + [" ".join(ev.a.words[x:y]) for x, y in spans]
        if not asked:
            continue  # "hd coordinator or pricing analyst, which one …": the words are a title's
        # a fact with held_by phrases is missing unless a page writes one of them ("reports to");
        # else, unless a page uses the asked words (the facet's own, not a title "..6" stepped over),
        # in every place the facet is asked ("paid" of claims is on a billing page, "paid more than" is not)
        if not ix.writes_any(facet.held_by, owner) if facet.held_by is not None else any(_missing(_key_run(f, facet), ix, doc) for f in dict.fromkeys(asked)):
            m = refuse("missing_fact", CONF_MISSING_FACT, detail=facet.about, why=f"{facet.name} cue {found!r}, not in any passage")
            if ev.codes:
                return replace(m, certifications=ev.codes[:1])
            return replace(m, role=about) if about else m
    return None


_RELATIVES = frozenset({"that", "who", "whos"})
_PREREQUISITES = frozenset({"prerequisite", "prerequisites", "prereq", "prereqs"})


def _describes_whom(words: tuple[str, ...], x: int) -> bool:
    """Word x is inside a relative clause about the person asked for ("who is the person that
    decides how many …", "the one who sets how much …"): what the job does, no fact asked."""
    for k in range(x - 1, max(0, x - 4) - 1, -1):
        if words[k] in _RELATIVES and k and (words[k - 1] in lexicon.PERSON_NOUNS or words[k - 1] == "one"):
            return True
    return False


def _which_one_it_is(words: tuple[str, ...]) -> bool:
    """"is CPCXS the customer service one?", "… is that the phone follow up one": a check of which
    certification it is, by what it is about."""
    return any(
        w == "is" and words[i + 1 : i + 3] in ((CODE_MARK, "the"), ("that", "the"), ("it", "the"), ("this", "the")) and "one" in words[i + 3 : i + 9]
        for i, w in enumerate(words)
    )


def _told_in_its_clause(ev: Evidence, facet: lexicon.Cue) -> bool:
    """The fact's words are only in clauses that tell ("our network is thinking of hiring one"),
    and another clause of the same message asks ("what does a GPO liaison do"): the sentence-level
    check cannot see a comma between them."""
    clauses = [(c, w) for c in (part.strip() for part in _CLAUSE.split(ev.a.question)) if (w := words_of(c))]
    with_fact = [k for k, (_, w) in enumerate(clauses) if facet.spans(w)]
    holding = bool(ev.held)  # "already have my CSMO from a program my old district paid for, what's left …": how it was earned is told
    if len(clauses) < 2 or not with_fact or any(clauses[k][0].endswith("?") or not (tells(clauses[k][1][:TELLING_REACH]) or (holding and not lexicon.HELD_CUES.isdisjoint(clauses[k][1][:TELLING_REACH]))) for k in with_fact):
        return False
    return any(k not in with_fact and _clause_asks(c, w) for k, (c, w) in enumerate(clauses))


def _topic_from_the_start(ev: Evidence, sought: frozenset[int], fact: int) -> bool:
    """The words sought open with what a certification is about ("… deals with", "… covers") and
    go on to the fact's word with no other question between."""
    words = ev.a.words
    start = min(sought)
    lead = next((i for i in range(start, min(start + 2, fact)) if words[i] in _TOPIC_AFTER), None)
    which = start >= 2 and "which" in words[max(0, start - 3) : start]  # ("does the cert for leading a stewardship program give CE hours" asks a fact of it)
    return lead is not None and which and not any(words[k] in _ASKING_WORDS for k in range(lead + 1, fact))


_FOR_EXAMPLE = frozenset({"like", "including", "eg", "especially"})


def _example_of_the_topic(ev: Evidence, cue: str) -> bool:
    """The cue's words follow "like" / "such as" inside the topic of a certification sought: an
    example of what it covers, nothing asked of one."""
    sought = _sought_topic(ev)
    words = ev.a.words
    marker = min((k for k in sought if words[k] in _FOR_EXAMPLE or words[k - 1 : k + 1] == ("such", "as")), default=None)
    return marker is not None and any(x > marker and x in sought for x, _ in lexicon.cue(cue).spans(words))


def _liked(ev: Evidence) -> frozenset[int]:
    """The words after what says the member likes something, to the end of that sentence."""
    a = ev.a
    return frozenset(i for _, y in lexicon.cue("likes").spans(a.words) for i in range(y, len(a.words)) if a.sentence_of[i] == a.sentence_of[y - 1])


TOPIC_LEAD_REACH = 3  # "covers the expiration tracking": the fact's word is the topic right after the lead (not "for leading a program give CE hours")
_CERT_FACTS = frozenset({"missing_renewal", "missing_dates", "missing_pass_rates", "missing_registration", "missing_study", "missing_ce"})  # facts only of a certification


def _job_named(ev: Evidence, rid: str, ix: Index) -> bool:
    """The question names this role's job: its title's head noun with another word of the title."""
    where = ev.role_where.get(rid, frozenset())
    return len(where) >= 2 and any(ev.a.word_stems[i] in ix.title_heads[rid] for i in where)


def _names_only(span: range, in_names: set[int], ev: Evidence, facet: lexicon.Cue) -> bool:
    """The facet's own words in the span are all words of role titles the question names."""
    said = [i for i in span if ev.a.words[i] not in lexicon.STOPWORDS and facet.phrases.says(ev.a.words[i])]
    return bool(said) and all(i in in_names for i in said)


def _describes_a_thing(i: int, ev: Evidence, ix: Index) -> bool:
    """Word i says what something costs as a kind of it ("expensive drugs", "cheap generics"): a
    price adjective before a word the knowledge uses, not before a certification or its exam."""
    words = ev.a.words
    if words[i] not in lexicon.PRICE_ADJECTIVES or i + 1 >= len(words) or ev.a.sentence_of[i + 1] != ev.a.sentence_of[i]:
        return False
    thing = words[i + 1]
    then = words[i + 2] if i + 2 < len(words) and ev.a.sentence_of[i + 2] == ev.a.sentence_of[i] else ""
    return thing not in lexicon.CERT_NOUNS and thing not in lexicon.STOPWORDS and thing not in _EXAM_WORDS and (stem(thing) in ix.postings or (bool(then) and then not in _EXAM_WORDS and then not in lexicon.CERT_NOUNS and stem(then) in ix.postings))  # ("pricey specialty drugs")


_EXAM_WORDS = frozenset({"exam", "exams", "test", "tests", "one", "ones", "option", "course", "courses", "program", "application"})


def _in_purpose(ev: Evidence, facts: set[int]) -> bool:
    """Every fact word stands after a purpose ("so the …", "because our …", "want to check if …")
    in its sentence, and words before the first purpose ask something else."""
    starts = [x for x, _ in lexicon.cue("purpose").spans(ev.a.words)]
    if not starts or min(starts) == 0 and ev.a.sentence_of[-1] == ev.a.sentence_of[0]:
        return False  # (all of the message is why: nothing else asked)
    return all(any(x <= i and ev.a.sentence_of[x] == ev.a.sentence_of[i] for x in starts) for i in facts)


def _fact_words(facet: lexicon.Cue, ev: Evidence) -> set[int]:
    """Where the facet's own words stand in the question, the certification nouns aside."""
    words = ev.a.words
    return {i for x, y in facet.spans(words) for i in range(x, y) if facet.phrases.says(words[i]) and words[i] not in lexicon.CERT_NOUNS and words[i] not in lexicon.STOPWORDS}


def _key_run(found: str, facet: lexicon.Cue) -> str:
    """The run of the facet's own words that carries most meaning ("report to" in "who does the
    ops manager report to"; "salary" in "what's the salary range")."""
    runs: list[list[str]] = [[]]
    for w in found.split():
        if facet.phrases.says(w):
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    meaning = [run for run in runs if any(w not in lexicon.STOPWORDS for w in run)]
    if len(meaning) >= 2 and len(found.split()) - sum(map(len, meaning)) <= 1:
        return found  # "book or study": two words of the fact with a small word between, each as much the fact as the other
    return " ".join(max(reversed(runs), key=lambda run: sum(w not in lexicon.STOPWORDS for w in run)))


def _missing(found: str, ix: Index, doc: frozenset[str] | None) -> bool:
    """As written: "payers" in a page does not make "pay" a fact the page gives; and about a named
    role or certification, only its own text counts ("paid claims" on another page says nothing
    about what an ops director is paid)."""
    surface = [w for w in found.split() if w not in lexicon.STOPWORDS]
    if not surface or any(w not in ix.text_words for w in surface):
        return True
    said = [stem(w) for w in found.split()]
    pairs = [f" {a} {b} " for a, b in zip(said, said[1:]) if a not in lexicon.STOPWORDS or b not in lexicon.STOPWORDS]
    if (len(said) > len(surface) or len(surface) > 1) and not ix.writes_phrase(pairs):
        return True  # "report to", "work remote": the words as a phrase, which no page writes ("reports" alone it does; "remote sites" are no remote work)
    if doc is not None:
        return not all(stem(w) in doc for w in surface)
    postings = [set(ix.postings.get(stem(w), ())) for w in surface]
    return not set.intersection(*postings)


# Cues too weak to outweigh an explicit "how hard / how long" ("nervous about it").
_WEAK = frozenset({"weak_overview", "follow_up"})
# Cues that say the question asks for something a card or a page does answer.
_ANSWERABLE = ("identity", "pathway", "ordering", "day", "responsibilities", "overview", "weak_overview", "contrast", "list", "help", "cert_seek", "both", "besides", "judgement", "tell_more")


def unanswerable(ev: Evidence, ix: Index) -> Match | None:
    """A question about one named certification or role that asks for something its text does not
    say ("how hard is CPSCM?", "is CHPOP only for hospital pharmacists?"): an honest partial answer.

    Asks a card or a page answers (what it is, what it covers, duties, pathways, comparisons) pass;
    so do questions relating two entities. Who may take something, how hard or long it is, and any
    other question whose asked-about words the entity's own text mostly lacks, are refused.
    """
    person = _person_asked_about(ev)
    if person:  # "do you know Dr. Helena Varga?": no page is about a person
        return refuse("missing_fact", CONF_MISSING_FACT, detail=person, why=f"a person asked about by name: {person!r}")
    codes = tuple(dict.fromkeys(ev.codes))
    judging = (_asked_cue(ev, "judgement") or "").split()
    if not codes and not ev.role_named and ev.described and not _PERSONS.isdisjoint(judging) and not ev.pathway_cue and "ordering" not in ev.hits:
        return refuse("off_topic", CONF_REFUSE, why=f"a judgement asked ({ev.cue('judgement')!r}) of jobs only described: no page rates one")  # "if you were me which job would you pick"
    comparative = _comparative(ev)
    if len(codes) > 1 and (ev.cue("eligibility") or comparative or (ev.cue("property") and not ev.hits.keys() & {"ref_choice", "cert_seek"})):
        if (not comparative or _more_about(ev)) and _topic_of_one(ev, codes, ix):
            return None  # "which of CRPOM, CRMLC or CMSO is about license": a topic one of them covers, not who may take it
        codes = codes[:1]  # "does she need CHPOP before she's allowed to apply for CSCPS?", "is CPIA harder than CPAS", "can i sit CPIA and CPAS the same day": what no page gives
    # "is CMSO useful for the quality manager too, or only for safety officers"; an "or" between
    # things the knowledge does not hold relates nothing ("recognised by the FPGEC or the state boards")
    single = len(codes) == 1 and not ev.role_named and (ev.cue("contrast") or "").split()[:1] == ["or"]
    relates = any(c in ev.hits for c in _ANSWERABLE if c != "ordering" and not (single and c == "contrast") and not (c == "both" and ev.cue("eligibility")))  # ("does either of them need a license to sit for those": who may, asked of each)
    if len(codes) == 1 and (not ev.role_named or ev.title_positions <= ev.said_of_self or (ev.cue("eligibility") and not relates)):  # "is CPQS only for people in managed care": about CPQS ("How hard is CPXL? I'm a pharmacy manager …": their own job names no subject)
        kind, ident, doc = "cert", codes[0], ix.cert_coverage(codes[0])
    elif not codes and ev.role_best and (ev.role_named or (ev.subject_relaxed and ev.subject_role == ev.role_best and not ev.asks_who and _asked_cue(ev, "property"))):  # ("is the field trainer job more stressful …": a title partly named, rated)
        kind, ident, doc = "role", ev.role_best, ix.role_coverage(ev.role_best)
    elif not codes and not ev.hits.keys().isdisjoint(_ASKED_OF_A_JOB) and not ev.asks_who and "role_exists" not in ev.hits and ev.described:  # a role described, asked what no page says (not "who decides …": a role asked for)
        kind, ident, doc = "role", ev.described, ix.role_coverage(ev.described)
    else:
        return None
    if kind == "role" and (any(_step_of_a_title(ev, i) and ev.a.words[i] in lexicon.ORDINALS for i in range(len(ev.a.words))) or _step_on_a_title(ev)):
        return None  # "the flow liaison's second step?": a step of its pathway (nth_step)
    if kind == "cert" and _only_for_a_role(ev):
        return None  # "is CPOM only for the ops director, or on other paths too": the card says whose pathways have it
    if kind == "cert" and "property" not in ev.hits and (_which_one_it_is(ev.a.words) or ("ref_one_kind" in ev.hits and ev.a.words[:2] == ("is", CODE_MARK))):
        return None  # "is CPCXS the customer service one?", "cpdpf is that the phone follow up one?": which one it is, its card answers
    exists = "cert_seek" in ev.hits or (ev.a.words[:2] in (("is", "there"), ("are", "there")) and not lexicon.CERT_NOUNS.isdisjoint(ev.a.words))
    if kind == "cert" and exists and not ev.a.codes and not ev.cue("eligibility"):
        return None  # "is there an actual 'medical countermeasure dispensing' certification? one of our members …": its card answers
    # who may take it or what it requires: never on the pages (unless these words are), whatever else is asked
    eligibility = _asked_cue(ev, "eligibility")  # (not "… completing my licensure process here. … what does it validate?")
    said = [stem(w) for w in (eligibility or "").split() if w not in lexicon.STOPWORDS and w not in lexicon.RESTRICTION_WORDS and w not in lexicon.SITTING_WORDS]
    asks_requirement = eligibility is not None and not lexicon.REQUIREMENT_WORDS.isdisjoint(eligibility.split())
    if eligibility and ((said and all(s in doc for s in said) and not asks_requirement) or ev.certs_plural or (inside_cue(ev, "eligibility", of="pathway") and not _polar(ev))):
        eligibility = None  # "the 340B eligibility rules" is a topic the text has; "what certs would I need to be …", "… need to be certified in", a pathway
    named_by = (ev.cue("overview") or "") in lexicon.ROLE_NOUNS  # "for the emergency prep role, how much …": the word "role" names, it asks nothing
    answerable = [c for c in _ANSWERABLE if c in ev.hits and not (c == "judgement" and kind == "role") and not (c == "cert_seek" and ev.cue("cert_seek") == ev.cue("ref_choice")) and not (c in _WEAK and ("property" in ev.hits or (kind == "role" and "judgement" in ev.hits))) and not ((single or comparative) and c == "contrast") and not (c == "overview" and ev.cue("overview") == ev.cue("contrast") and any(w.endswith(("er", "est")) or w in _MORE_OR_LESS for w in (ev.cue("property") or "").split())) and not (c == "overview" and named_by and ((ev.cue("property") or "").startswith("how") or _asked_cue(ev, "rumour") or _rated_apart(ev) or (kind == "role" and "judgement" in ev.hits)))]  # "how hard is CPMDS? my preceptor is nervous about it"
    answerable = [c for c in answerable if not inside_cue(ev, c)]  # "can i sit CPNC and CSCQ on the same day": "day" is the property's word, no day asked
    entering = hard_to_enter(ev)  # "how hard is it to become …", "which is harder to get into": how hard the way in is, not the way
    answerable = [c for c in answerable if not (entering and (c == "pathway" or (c == "overview" and named_by)))]  # ("is the ops director job hard to get into": "job" names it)
    answerable = [c for c in answerable if not (c == "overview" and named_by and kind == "role" and _opens_with(ev, _IS_LEADS) and ev.role_named and "role_name" not in ev.hits and _FIT_WORDS.isdisjoint(ev.a.words))]  # "is the fleet job dangerous though": "job" names it, what it is said to be is asked (not "is that a real job": what it is; nor "is the X role suited to someone …": its page says what it is)
    if kind == "role" and answerable == ["responsibilities"] and _opens_with(ev, _DO) and not (ev.pathway_cue or ev.cert_nouns or ev.certs_plural):
        unheard = _duty_unheard_of(ev, doc)
        if unheard:  # "does the clinic ops manager handle diversion investigations": a duty its page never mentions
            return replace(refuse("missing_fact", CONF_MISSING_FACT, detail=f'"{unheard}"', why=f"a duty asked of the role; its page lacks {unheard!r}"), role=ident)
    judged = kind == "role" and _questioned(ev, "judgement") and not _questioned(ev, "pathway", besides="judgement")  # "… thinking about moving into medication safety … Is it worth leaving clinical work for the MSO job?": the way in was told, the judgement asked
    if judged:
        answerable = [c for c in answerable if c not in ("pathway", "ordering") and _questioned(ev, c, naming=c == "overview") and not inside_cue(ev, c, of="judgement")]  # (what the story around it says asks nothing; "… the MSO job safe from AI": "job" names it)
    claimed = _unwritten_figure(ev, ident, ix) if _asked_cue(ev, "rumour") else None
    if claimed is not None:  # "is it true mtm center managers handle 10,000 calls a day?": whatever else it names, the figure is what is checked, and no page writes it
        m = refuse("missing_fact", CONF_MISSING_FACT, detail=f'"{claimed}"', why=f"a claim checked by a figure the {kind}'s text never writes: {claimed!r}")
        return replace(m, certifications=(ident,)) if kind == "cert" else replace(m, role=ident)
    if not eligibility and (answerable or (ev.pathway_cue and not entering and not judged) or (kind == "role" and _wants_role(ev)) or ev.cert_nouns and kind == "role" or ev.certs_plural or (kind == "cert" and ((_pathway_asked(ev) and not entering) or _beside_step(ev, ix) is not None))):
        return None  # ("got CTOCP already, whats after": the next step; "my tech wants shrink job": the way there)
    form = eligibility or _questioned_cue(ev, "property") or _asked_cue(ev, "rumour") or (ev.cue("judgement") if kind == "role" else None)  # "is it true automation techs can work from home"; "in your view, is a big centre a better employer for …"
    polar_role = kind == "role" and _polar(ev) and not ev.a.unknown_codes  # "do ops directors make 200k?": a figure no page gives
    unwritten = _unwritten_amount(ev, ident, ix) if polar_role else None
    unasked = kind == "role" and not form and not answerable and not ev.a.unknown_codes and not ev.described and _asks_aside(ev)  # "recall coord weekends?", "does the OR manager carry a pager": nothing a page answers is asked
    if kind == "role" and (not form or (ev.a.unknown_codes and not eligibility)) and not unwritten and not unasked:  # "do they need BCPS or some other board cert": a requirement
        return None  # members describe a job in their own words: only who may do it, how hard … it is, or a figure its page never writes, is refused
    asked = _asked_words(ev)
    read_as = {said for said, st in asked if st in doc}  # "techs" read "techs technicians": one reading on the page covers it
    written = " " + " ".join(ix.writes.get(ident, ())) + " "
    missing = [(said, st) for said, st in asked if st not in doc and said not in read_as and not (said in lexicon.STOPWORDS and f" {said} " in written)]  # ("… often the only pharmacist in the building": a small word its page writes too)
    if eligibility and not missing:  # "can a resident sit for CPREC?": the words are all on the page, who may sit is not
        missing = [(eligibility, "")]
    if entering and form and not missing:  # "harder to get into": the page may say "hard", never how hard the way in is
        missing = [(form, "")]
    rated = next((w for i, w in enumerate(ev.a.words) if w in _RATINGS and ev.a.asks(i) and stem(w) not in doc), None) if ev.hits.keys() & {"property", "rumour"} else None  # "is running the remote hub more stressful than …", "… as bad as people say": how it feels, which no page rates
    figure = (_unwritten_amount(ev, ident, ix) or _unwritten_absolute(ev, ident, ix) or rated) if _asked_cue(ev, "rumour") else (unwritten or rated or (_uncounted(ev, ident, ix) if kind == "role" else None))  # "… every single night": an amount or an absolute no page gives (a figure, "is it true RPDs need 5 years first", was refused above)
    if figure:
        missing.append((figure, ""))
    if judged and not missing:
        missing = [(ev.cue("judgement") or "", "")]  # no page judges a job for the member
    if not missing:
        return None
    total = sum(ix.weight(st) for _, st in asked) or 1.0
    share = sum(ix.weight(st) for _, st in missing if st) / total
    if (share < UNCOVERED_SHARE or (unasked and share < 1.0)) and not (eligibility or (form and kind == "cert") or figure or entering or judged):
        return None  # a role's page covers most of what is asked: "how does the 340B manager prep for a mock audit"
    what = " ".join(dict.fromkeys(said for said, _ in missing))
    why = (f"{'eligibility' if eligibility else 'property'} question {form!r}; " if form else "") + f"the {kind}'s text lacks {what!r} ({share:.0%} of what is asked)"
    m = refuse("missing_fact", CONF_MISSING_FACT, detail=f'"{what}"', why=why)
    return replace(m, certifications=(ident,)) if kind == "cert" else replace(m, role=ident)


_HONORIFIC_NAME = re.compile(r"\b(?:[Dd]r|Doctor|[Pp]rof|Professor|Mr|Mrs|Ms|Mx|Sister|Sr|Father|Fr|Brother|Rev|Reverend|Pastor|Rabbi|Imam)\.?\s+([A-Za-z][a-z'’-]+(?:\s+[A-Za-z][a-z'’-]+)?)")  # (a title, then a name: "Dr. Patel", "Sister Agnes Mbeki")
_END_AFTER_A_NAME = re.compile(r"[?!]|" + "".join(rf"(?<!\b{a})" for a in ("St", "Dr", "Mr", "Mrs", "Ms", "Mt", "Jr", "Sr", "Prof")) + r"\.(?:\s|$)")  # where the sentence after a titled name ends ("… at St. Brigid's?": "St." ends none)
_BEFORE_A_PERSON = r"\b(?:know|knows|is|was|whether|if|about|does|did|has)\s+$"  # the person is what is asked of
_FULL_NAME = re.compile(r"\b([A-Z][a-z]{2,})\s+([A-Z][a-z'’-]{2,})\b")  # "Janet Morales"
_AFTER_A_PERSON = r"\s*(?:still|now|currently|really|runs|run|chairs|leads|heads|is|was|works|at|from)\b"  # what is asked of them follows


def _person_asked_about(ev: Evidence) -> str | None:
    """"Do you know Dr. Helena Varga?", "is Dr. Patel still …": a person named with a title,
    right after what asks about them, in a sentence that ends in a question mark; or a first and
    last name no page uses, in capitals, right after it ("is Janet Morales still the chair …")."""
    text = ev.a.question
    for m in _FULL_NAME.finditer(text):
        if not text.isupper() and all(stem(w.lower()) not in ev.ix.postings for w in m.groups()) and re.search(_BEFORE_A_PERSON, text[: m.start()], re.IGNORECASE) and re.match(_AFTER_A_PERSON, text[m.end() :], re.IGNORECASE):
            return m.group(0)
    for m in _HONORIFIC_NAME.finditer(text):
        end = _END_AFTER_A_NAME.search(text[m.end() :])
        named = m.group(1)[:1].isupper() or any(stem(w) not in ev.ix.postings for w in m.group(1).lower().split())  # ("is dr. linda okafor still …": a name the pages never use)
        asked = end.group(0) == "?" if end else (ev.a.words[:1] and ev.a.words[0] in _ASKING_WORDS)  # ("who is Dr. Maria Gonzalez, the one who presented …" with no question mark)
        if named and asked and re.search(_BEFORE_A_PERSON, text[: m.start()], re.IGNORECASE):
            return m.group(0)
    return None


def inside_cue(ev: Evidence, name: str, of: str = "property") -> bool:
    """Every place a cue is found lies inside the words of a property asked ("on the same day"),
    or of another cue ``of`` ("are ops director jobs basically disappearing": a judgement)."""
    if of not in ev.hits or name == of:
        return False
    rated = lexicon.cue(of).spans(ev.a.words)
    found = lexicon.cue(name).spans(ev.a.words)
    return bool(found) and all(any(x <= a and b <= y for x, y in rated) for a, b in found)


def _rated_apart(ev: Evidence) -> bool:
    """A property asked in words of its own ("a high-stress job"), not one a title's word makes
    ("is the remote verification role suited to …": "remote" is the title's)."""
    if "property" not in ev.hits:
        return False
    return not _RATINGS.isdisjoint(ev.a.words) or any(e - 1 not in ev.title_positions for _, e in lexicon.cue("property").spans(ev.a.words))


def _asks_aside(ev: Evidence) -> bool:
    """A yes/no question with no alternatives ("do they get a parking spot", not "is it retail or
    hospital"), or a name and a word or two with no question word ("recall coord weekends?")."""
    if "or" in ev.a.words or len(ev.named_roles) > 1 or "suits" in ev.hits:  # (nor "torn between the home infusion manager and …": two named; nor "would the infusion manager job suit me": a fit, which its page speaks to)
        return False
    if embedded_polar(ev.a.words):
        return _TELLING.isdisjoint(ev.a.words)  # "could you tell me whether Dr. Marsh is still the …"
    return (_polar(ev) and lexicon.WH_WORDS.isdisjoint(ev.a.words)) or (not ev.hits and _ASKING_WORDS.isdisjoint(ev.a.words))  # (not "would X suit me? what is the job exactly")


_TELLING = lexicon.WH_WORDS - {"tell"}
_RELATIVE_NEXT = frozenset({("i",), ("we",), ("im",), ("ive",), ("my",)})  # "what I think it is": a clause, no question
_SOMEONE = frozenset({"someone", "somebody", "anyone", "anybody", "person", "people", "one"})  # "we need somebody who can …": a clause about them, no question
_WH_ASKING = lexicon.WH_WORDS | lexicon.WHO_WORDS | {"where", "when", "why"}
_ASKING_WORDS = _WH_ASKING | lexicon.POLAR_LEADS


def _duty_unheard_of(ev: Evidence, doc: frozenset[str]) -> str | None:
    """The words a yes/no duty question asks about, when there are two or more and the role's
    page uses none of them (nor any reading of them): what to say its page does not mention."""
    asked = _asked_words(ev)
    if len(asked) < 2 or any(st in doc for _, st in asked):
        return None
    return " ".join(dict.fromkeys(said for said, _ in asked))


def _polar(ev: Evidence) -> bool:
    """A yes/no question ("do delivery managers get a company car"): its first asking sentence
    opens, after fillers, with an auxiliary."""
    return _opens_with(ev, lexicon.POLAR_LEADS)


_FIT_WORDS = frozenset({"suited", "suitable", "suit", "suits", "fit", "fits", "fitting"})  # "is the remote verification role suited to someone coming back"
_IS_LEADS = frozenset({"is", "isnt", "are", "arent"})  # "is the fleet job dangerous": a quality asked yes or no
_DO = frozenset({"do", "does", "did"})  # "does the clinic manager handle …": a duty asked yes or no (not "would you outline …")


def _membership_asked(ev: Evidence, code: str) -> bool:
    """Whether a step named is asked yes or no of the pathway ("is CACPC on the PDT path?", "she
    asks, is CAMVP the third step on …", "… if the ops director path has CPOM on it"), not put first
    ("what about CHDT on it?", "why CDAT first?", "is CMSO worth getting if …")."""
    at = ev.a.code_pos.get(code)
    before = ev.a.words[at - 1] if at else ""
    words = ev.a.words
    along = (not {"on", "in"}.isdisjoint(words) and not (lexicon.PATH_NOUNS | {"it", "there", "that", "this", "one", "list"}).isdisjoint(words)) or not {"part", "include", "includes"}.isdisjoint(words)
    place = ("where" in words and not _PLACING.isdisjoint(words)) or any(w in ("which", "what", "whats") and words[i + 1 : i + 2] in _PLACE_NOUNS for i, w in enumerate(words))  # "where does it sit on the health center path?", "which step is it on there?": where it stands
    return along and ("why" not in words or not lexicon.ORDINALS.keys().isdisjoint(words)) and (_polar(ev) or before in _IS_LEADS or not {"if", "whether"}.isdisjoint(words) or place)  # (not "why's it on the path": why it comes first; but "why is it second on …" asks where it stands)


_PLACING = frozenset({"sit", "sits", "come", "comes", "fall", "falls", "fit", "fits", "stand", "stands", "land", "lands"})
_PLACE_NOUNS = frozenset({("step",), ("number",), ("position",), ("place",), ("stage",)})


def _opens_with(ev: Evidence, leads: frozenset[str]) -> bool:
    """The first asking sentence opens, after fillers, with one of ``leads``."""
    a = ev.a
    first = min(a.asking) if a.asking else 0
    words = [w for i, w in enumerate(a.words) if a.sentence_of[i] == first and w not in lexicon.LEAD_FILLERS and w != "and"]
    return bool(words) and words[0] in leads


def _topic_of_one(ev: Evidence, codes: tuple[str, ...], ix: Index) -> bool:
    """The eligibility or property cue's words ("license", "more for remote") are all in one of
    several named certifications' texts, and ask no requirement: a topic to choose by."""
    said = _asked_cue(ev, "eligibility") or _asked_cue(ev, "property") or ""
    topic = [stem(w) for w in said.split() if w not in lexicon.STOPWORDS and w not in lexicon.RESTRICTION_WORDS and w not in _MORE_OR_LESS]
    if not topic or not lexicon.REQUIREMENT_WORDS.isdisjoint(said.split()):
        return False
    return any(all(s in ix.cert_coverage(c) for s in topic) for c in codes)


def _unwritten_amount(ev: Evidence, ident: str, ix: Index) -> str | None:
    """An amount like "200k" asked of a role in a yes/no question ("do they make 200k?") that its
    page never writes (a standard's number, "USP 800", is no amount)."""
    written = set(ix.writes.get(ident, ()))
    return next((w for i, w in enumerate(ev.a.words) if w[:1].isdigit() and w.endswith("k") and w[:-1].isdigit() and ev.a.asks(i) and w not in written), None)


_VAGUE_COUNTS = frozenset({"many", "few", "several", "dozens", "hundreds"})
_COUNT_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "dozen", "dozens", "hundreds", "several", "many", "few"})
_COUNT_REACH = 3  # "how many nursing homes": the counted noun within three words


def _uncounted(ev: Evidence, ident: str, ix: Index) -> str | None:
    """"how many nursing homes does one … cover": a count of something its page never counts (no
    number within two words before that thing's word in its text)."""
    words = ev.a.words
    for i, w in enumerate(words[:-1]):
        if w == "how" and words[i + 1] == "many" and ev.a.asks(i):
            nouns = [k for k in range(i + 2, min(i + 2 + _COUNT_REACH, len(words))) if words[k] not in lexicon.STOPWORDS and words[k].isalpha()]
            if not nouns:
                continue
            first = nouns[0]
            while first in ev.title_positions and first + 1 in ev.title_positions:
                first += 1  # "how many patch test technicians does a department employ": the role's people, counted by its job noun
            counted = stem(words[first])
            numbers = _COUNT_WORDS if first == nouns[0] else _COUNT_WORDS - _VAGUE_COUNTS  # ("many patch test technicians take on …" counts none)
            for text in ix.writes.get(ident, ()):
                ws = text.split()
                if any(stem(x) == counted and any(y.isdigit() or y in numbers for y in ws[max(0, k - 3) : k]) for k, x in enumerate(ws)):
                    break
            else:
                return f"how many {words[first]}"
    return None


def _unwritten_figure(ev: Evidence, ident: str, ix: Index) -> str | None:
    """A figure in a claim checked ("is it true … 5 years", "… on call 24/7") its page never writes."""
    words = ev.a.words
    figures = []  # each run of numbers, with the word after it: "24 7", "5 years"
    i = 0
    while i < len(words):
        if words[i].isdigit() and ev.a.asks(i):
            j = i
            while j < len(words) and words[j].isdigit():
                j += 1
            figures.append(" ".join(words[i : j + 1] if j < len(words) and words[j].isalpha() and words[j] not in lexicon.STOPWORDS else words[i:j]))
            i = j
        else:
            i += 1
    written = f" {' '.join(ix.writes.get(ident, ()))} "
    return next((figure for figure in figures if f" {figure} " not in written), None)


_ABSOLUTES = frozenset({"always", "never", "constantly", "exclusively", "nonstop"})


def _unwritten_absolute(ev: Evidence, ident: str, ix: Index) -> str | None:
    """"is it true you work nights every single night in that job": an absolute the claim makes
    (always, never, every single …) that its page never writes; pages say what a job involves, not that
    it is all it ever does."""
    written = set(ix.writes.get(ident, ()))
    words = ev.a.words
    said = ((i, "every single" if w == "every" else w) for i, w in enumerate(words) if w in _ABSOLUTES or words[i : i + 2] == ("every", "single"))  # ("for every study" is each, not all the time)
    return next((w for i, w in said if ev.a.asks(i) and w.split()[0] not in written), None)


_ASKED_OF_A_JOB = frozenset({"property", "rumour", "eligibility"})
_PERSONS = frozenset({"i", "me", "my", "you", "u", "your", "ur"})  # a judgement of someone's choice ("if you were me", "should i quit"), not a duty's words ("has to be replaced")
_RATINGS = lexicon.RATINGS
_WAYS_IN = frozenset({"land", "get", "become", "break", "enter"})  # "how hard is it to actually land the job …"
_BETWEEN_HARD_AND_WAY = frozenset({"is", "it", "to", "for", "me", "them", "someone", "a", "an", "really", "actually", "would", "will", "be"})


def hard_to_enter(ev: Evidence) -> bool:
    """A property cue ("how hard", "harder", "hard to") right before the pathway cue, with only
    filler between: the question asks how hard getting in is, which no page says."""
    words = ev.a.words
    ways = lexicon.cue("pathway").spans(words) + [(i, i + 1) for i, w in enumerate(words) if w in _WAYS_IN]
    for _, end in lexicon.cue("property").spans(words):
        if any(end - 1 <= a and all(w in _BETWEEN_HARD_AND_WAY for w in words[end:a]) for a, _ in ways):
            return True
    return False


_MORE_OR_LESS = frozenset({"more", "most", "less", "least", "fewer"})  # "which one needs more years of experience, CSPQM or COIPM"


_DISMISSING = frozenset({"mind", "nvm", "nevermind", "forget", "scratch", "skip"})


def _dismissed(ev: Evidence) -> set[int]:
    """The (up to two) words right after "never mind", "forget", "skip" (or around "aside"): what the
    member sets aside."""
    words = ev.a.words
    out = {k for i, w in enumerate(words) if w in _DISMISSING and (w != "mind" or (i and words[i - 1] in ("never", "nevermind"))) for k in range(i + 1, min(i + 3, len(words))) if ev.a.sentence_of[k] == ev.a.sentence_of[i]}
    for i, w in enumerate(words):  # "setting aside cost for the moment", "aside from the fees", "cost aside, …"
        if w != "aside":
            continue
        after = (i and words[i - 1] in _PUTTING) or words[i + 1 : i + 2] == ("from",)
        out |= {k for k in (range(i + 1, min(i + 4, len(words))) if after else range(max(0, i - 2), i)) if ev.a.sentence_of[k] == ev.a.sentence_of[i]}
    return out


_PUTTING = frozenset({"setting", "leaving", "putting", "set", "leave", "put"})


def _more_about(ev: Evidence) -> bool:
    """"Which is more for remote settings", "more about audits": more of a topic, not a rating."""
    said = (ev.cue("property") or "").split()
    return any(w in _MORE_OR_LESS and nxt in lexicon.TOPIC_LEADS for w, nxt in zip(said, said[1:]))


def _comparative(ev: Evidence) -> bool:
    """"Which of CSCL, CCEM or CMSO is easier", "how hard is CPAS compared to CPQI": a property
    compared, which no card gives."""
    found = ev.cue("property") or ""
    return any(w.endswith(("er", "est")) or w in _MORE_OR_LESS for w in found.split()) or bool(found and ev.cue("contrast"))


def _only_for_a_role(ev: Evidence) -> bool:
    """"is CPOM only for the ops director": the restriction names a role the knowledge holds, so the
    question is which pathways have it, not who may sit for it."""
    words = ev.a.words
    for a, b in lexicon.cue("eligibility").spans(words):
        if lexicon.RESTRICTION_WORDS.isdisjoint(words[a:b]):
            continue
        k = b
        while k < len(words) and words[k] in lexicon.DETERMINERS:
            k += 1
        if k < len(words) and not ev.title_positions.isdisjoint(ev.a.typed_group(k)):  # ("ops directors": "ops" is typed for "ops operations")
            return True
    return any(w in lexicon.RESTRICTION_WORDS and words[i + 1 : i + 2] in (("on",), ("in",)) and any(x in lexicon.PATH_NOUNS or x in POINTERS or x == "one" for x in words[i + 2 : i + 5]) for i, w in enumerate(words))  # "is CMSO only on that one?", "only in this path": which pathways have it


def _sentence_spans(ev: Evidence, name: str) -> list[tuple[int, int]]:
    """A cue's spans found sentence by sentence (one span never runs from one into the next)."""
    words, of = ev.a.words, ev.a.sentence_of
    out: list[tuple[int, int]] = []
    start = 0
    for k in range(1, len(words) + 1):
        if k == len(words) or of[k] != of[start]:
            out += [(start + x, start + y) for x, y in lexicon.cue(name).spans(words[start:k])]
            start = k
    return out


def _questioned(ev: Evidence, name: str, naming: bool = False, besides: str = "") -> bool:
    """The cue is found in a sentence with a question mark (in any sentence when none or all have
    one); with ``naming``, not where it is only a role noun ("the … manager job"); with
    ``besides``, not inside that cue's words ("a good career move": no way asked)."""
    q, words = ev.a.questioned, ev.a.words
    spans = _sentence_spans(ev, name) if name in ev.hits else []
    inside = {i for x, y in _sentence_spans(ev, besides) for i in range(x, y)} if besides in ev.hits else set()
    return any((not q or ev.a.sentence_of[x] in q) and not (naming and all(w in lexicon.ROLE_NOUNS for w in words[x:y])) and not set(range(x, y)) <= inside for x, y in spans)


def _checks_a_claim(ev: Evidence) -> bool:
    """The member asks whether something told is true ("My manager says … Is that true?")."""
    return _asked_cue(ev, "rumour") is not None


def _asked_cue(ev: Evidence, name: str) -> str | None:
    """A cue's words, when they are in a sentence that asks (all sentences, if none is told apart)."""
    a = ev.a
    found = ev.cue(name)
    if not found or not a.asking or (name != "rumour" and _checks_a_claim(ev)):
        return found  # ("My preceptor told me you need five years before you can sit for CEEA. Is that right?": the claim told is what is asked)
    spans = [(x, y) for x, y in lexicon.cue(name).spans(a.words) if a.asks(x)]
    return " ".join(a.words[spans[0][0] : spans[0][1]]) if spans else None


def _questioned_cue(ev: Evidence, name: str) -> str | None:
    """A cue's words in a sentence that asks, and in one with a question mark when the message has
    one ("those were the most fun weeks I ever had. what does … do?": told, not asked)."""
    found = _asked_cue(ev, name)
    a = ev.a
    if found is None or not a.questioned:
        return found
    spans = [(x, y) for x, y in lexicon.cue(name).spans(a.words) if a.sentence_of[x] in a.questioned]
    return " ".join(a.words[spans[0][0] : spans[0][1]]) if spans else None


def _asked_words(ev: Evidence) -> list[tuple[str, str]]:
    """(as typed, stem) of the words that say what is asked: in the sentences naming the subject,
    without the subject's own words, filler verbs, greetings or class nouns."""
    a = ev.a
    entity_at = set(ev.title_positions) | {i for i, w in enumerate(a.words) if w == CODE_MARK}
    for i, n, _ in a.alias_hits:
        entity_at.update(range(i, i + n))
    entity_said = {a.said[i] for i in entity_at}  # "biz" read as "biz business": the member's word names the title
    steering = {i for name in ("discourse", "correction", "rumour", "ref_many") if name in ev.hits for s, e in lexicon.cue(name).phrases.spans(a.words) for i in range(s, e)}  # "go back to the first one", "is it true", "which of those four"
    sentences = set(a.asking) or {a.sentence_of[i] for i in entity_at} or set(a.sentence_of)  # what is said only to explain asks nothing
    skip = (lexicon.STOPWORDS | lexicon.LIGHT_WORDS | lexicon.CERT_NOUNS | lexicon.ROLE_NOUNS | lexicon.GREETINGS | lexicon.GRATITUDE | lexicon.REACTIONS | (lexicon.HELD_CUES if ev.held else frozenset())) - lexicon.RESTRICTION_WORDS  # ("she already holds CPOM, …": what is held is told, not asked)
    out: dict[str, str] = {}
    steering |= _reported_by(a.words)  # "my friend says …, is that right?": who said it asks nothing
    for i, w in enumerate(a.words):
        if i in entity_at or i in steering or a.said[i] in entity_said or a.sentence_of[i] not in sentences or w in skip or a.said[i] in skip or w in _DIFFERENCE or not w.isalpha() or a.word_stems[i] in a.kin:
            continue
        if w in lexicon.TAG_WORDS and (i + 1 == len(a.words) or a.sentence_of[i + 1] != a.sentence_of[i] or a.words[i + 1] == "or"):
            continue  # "step 4 is chpop right?", "is that right or is she mixing it up": asks to confirm, not about "right"
        if w in lexicon.RESTRICTION_WORDS and i - 1 in entity_at and (i + 1 == len(a.words) or a.sentence_of[i + 1] != a.sentence_of[i]):
            continue  # "first step only" read as "CPECO only": that one, nothing asked of it
        out.setdefault(a.word_stems[i], a.said[i])
    return [(said, st) for st, said in out.items()]


_TELLERS = frozenset({"my", "our", "a", "someone", "somebody", "people", "everyone"})  # where a teller's mention starts ("my coworker", "a friend", "someone")
_SAYING = frozenset({"says", "said", "told", "tells", "claims", "claimed", "thinks", "mentioned", "swears", "insists"})


def _reported_by(words: tuple[str, ...]) -> set[int]:
    """Where a claim's teller is named ("my friend says", "our lead tech told me"): the possessive
    up to the saying verb (and "me" after it)."""
    out: set[int] = set()
    for i, w in enumerate(words):
        if w in _SAYING:
            k = next((k for k in range(i - 1, max(-1, i - 4), -1) if words[k] in _TELLERS), None)
            if k is not None:
                out.update(range(k, i + 1))
                if words[i + 1 : i + 2] == ("me",):
                    out.add(i + 1)
    return out


# ---------------------------------------------------------------- questions to ask back about


def besides(ev: Evidence, ix: Index) -> Match | None:
    """"Which career paths are there besides ops director": the named role is excluded, list the rest."""
    plural = any(w.endswith("s") for w in ev.role_nouns)  # "what roles are on here besides the ops director one"
    if ev.set_aside_roles and ev.role_nouns and not ev.codes and not ev.described and ("list" in ev.hits or "other" in ev.a.words or plural):  # (not "not the ops director, the other one that does braille labels")
        return Match("list_roles", confidence=CONF_BESIDES, why=f"besides cue {ev.cue('besides')!r} with a role noun")
    words = ev.a.words
    ones_on_a_path = not lexicon.PATH_NOUNS.isdisjoint(words) and any(words[y : y + 2] == ("the", "ones") or words[y : y + 1] == ("those",) for _, y in lexicon.cue("besides").spans(words))  # "besides the ones on the ops director's path": its steps set aside
    if "besides" in ev.hits and ev.certs_plural and not (ev.codes or ev.held or ev.set_aside) and (ones_on_a_path or not ev.subject_named) and ("list" in ev.hits or "other" in words):
        return Match("list_certifications", confidence=CONF_BESIDES, why=f"besides cue {ev.cue('besides')!r} with certifications asked")  # "what certifications are there besides the ones on the ops director's path"
    return None


def ambiguous_title(ev: Evidence, ix: Index) -> Match | None:
    """A title that fits several roles ("director" alone): ask which one instead of guessing."""
    if not ev.role_named or ev.role_score >= 1.0 or ev.role_best is None:
        return None
    where = ev.role_where.get(ev.role_best)
    same = [r for s, r in ev.roles if s >= ROLE_RELAXED and ev.role_where.get(r) == where]
    if len(same) > 1 or ev.second >= ev.role_score - AMBIGUOUS_TIE:
        rivals = same if len(same) > 1 else [r for s, r in ev.roles if s >= ev.role_score - AMBIGUOUS_TIE]
        asked = [r for r in rivals if not (ev.role_where.get(r) and ev.role_where[r] <= ev.said_of_self)]
        if len(asked) == 1 and ev.role_best in asked:
            return None  # "i work in hospital pharmacy operations …, want the iv concentration manager job": their own job is no rival
        headed = [r for r in rivals if _said_with_head(ev, r, ix)]
        if len(same) <= 1 and headed == [ev.role_best]:
            return None  # "does the black belt actually run pharmacy operations": the job named by its job noun; the other title's words, without theirs, are the work
        if ev.codes and not any(ev.a.asks(i) for r in rivals for i in ev.role_where.get(r, ())):
            return None  # "I manage a student health center pharmacy. A colleague has CCHPM. What is that credential?": the job is told, the code asked
        return refuse("ambiguous", CONF_AMBIGUOUS, alternatives=tuple(("role", r) for r in rivals[:5]), why=f"{len(rivals)} titles fit equally ({ev.role_score:.2f} vs {ev.second:.2f})")
    return None


def _said_with_head(ev: Evidence, rid: str, ix: Index) -> bool:
    """The role's title is said with its job noun (its last word when it has none: "black belt")."""
    heads = ix.head_stems(rid)
    return any(ev.a.word_stems[i] in heads for i in ev.role_where.get(rid, ()))


def _unknown_asked_first(ev: Evidence) -> bool:
    """"what's the CHMM certification, is it like CLCHS": the code no page has is what is asked
    (its identity), the known one only compared with it after."""
    said = (ev.cue("identity") or "").split()
    words = ev.a.words
    first_known = min(ev.a.code_pos.values(), default=len(words))
    opened = words[:1] in (("what",), ("whats",)) and any(u.lower() in words[1:4] for u in ev.a.unknown_codes) and not ev.codes  # "What's CSRTP? A recruiter swears …"
    rated = words[:1] in (("is",), ("isnt",)) and words[1:2] and words[1].upper() in ev.a.unknown_codes and bool(ev.hits.keys() & {"property", "judgement"})  # "Is CCRP a better credential than CHSPP …": the unknown one is rated
    return opened or bool(rated) or any(u.lower() in said and u.lower() in words and words.index(u.lower()) < first_known for u in ev.a.unknown_codes)


def _pointer_opens_a_question(a: Analysis) -> bool:
    """A question sentence after the first opens on "that"/"it" (past an auxiliary): "… BCPS. Is
    that closer to …?", "… FACHE. Would it help …?"."""
    for i, w in enumerate(a.words):
        if w not in POINTERS or not a.questioned or a.sentence_of[i] not in a.questioned or a.sentence_of[i] == 0:
            continue
        start = next(k for k in range(i, -1, -1) if k == 0 or a.sentence_of[k - 1] != a.sentence_of[i])
        after = a.words[i + 1] if i + 1 < len(a.words) else ""
        if all(a.words[k] in _AUXILIARIES for k in range(start, i)) and after not in _JOB_HEADS and after not in _A_CLAIM:  # (not "… that's all the RSO's job. is that right?": the claim)
            return True
    return False


_A_CLAIM = frozenset({"right", "true", "correct", "accurate", "so", "real", "legit", "fair", ""})
_AUXILIARIES = frozenset({"is", "was", "would", "does", "will", "could", "can", "and", "so", "but", "ok"})


def unknown_cert(ev: Evidence, ix: Index) -> Match | None:
    """A code the knowledge does not hold is the subject ("is BCPS worth it"), or a certification
    written out by a name none has ("the Certified Pharmacy Drone Delivery Specialist"): refuse."""
    a = ev.a
    name = _unknown_cert_name(ev)
    if name and not ev.codes:
        return refuse("unknown_cert", CONF_UNKNOWN_CODE, detail=name, why=f"no certification is called {name!r}")
    pointer_first = bool(a.unknown_codes) and not ev.codes and _pointer_opens_a_question(a)  # "I'm weighing up BCPS. Is that closer to X or Y?": the code told is what is asked of
    if not a.unknown_codes or (ev.codes and not _known_only_told(ev, ix) and not _unknown_asked_first(ev)) or ev.asks_who or (ev.subject_named and (ev.pathway_cue or ev.section_cue or "contrast" in ev.hits) and "judgement" not in ev.hits and not _opens_with_code(ev) and not _code_needed(a) and not pointer_first):
        return None
    if all(_members_own(a.words, u) for u in a.unknown_codes) and not _named_as_cert(ev):
        return None  # "what certs do you know? making a list for my IDP": the member's own plan, not a certification asked about
    unknown_at = [i for i, w in enumerate(a.words) if w.upper() in a.unknown_codes]
    if unknown_at and all(ruled_out(a.words, i) for i in unknown_at):
        return None  # "actually i meant drug pricing reviews, not HTA": ruled out, not asked about
    if ev.pathway_cue and (ev.subject_named or ev.subject_relaxed) and all(i in ev.said_of_self for i, w in enumerate(a.words) if w.upper() in a.unknown_codes):
        return None  # "i was a DME billing clerk for years, which first on the ostomy supply path": the member's past work, a role's way asked
    at_code = [i for i, w in enumerate(a.words) if w in POINTERS and (a.words[i + 1] if i + 1 < len(a.words) else "") not in _JOB_HEADS]  # ("… PIC for 9. … virtual care pharmacist roles. what is that job exactly?": a job pointed at)
    pointed = bool(ev.hits.keys() & {"property", "judgement", "identity", "eligibility"}) and any(a.asks(i) for i in at_code)  # "… keeps mentioning APICS CPIM. Is that a good one for …": the code told, asked about by a pronoun
    named_asked = ev.role_named and any(a.sentence_of[i] in a.questioned for i in ev.title_positions)  # ("Our CEO wants every pharmacy director to get FACHE. Does the council have anything on that?": the job told, the code asked)
    pointed = pointed or pointer_first or (bool(a.questioned) and any(a.sentence_of[i] in a.questioned for i in at_code) and not (ev.codes or named_asked))  # "I saw 'CESP-II' on a signature. Is that an advanced version …? What does it require?"
    if a.asking and not pointed and not any(a.asks(i) for i, w in enumerate(a.words) if w.upper() in a.unknown_codes):
        return None  # "my fav part of retail is doing the RTV returns … is there an ops job for that": told, not asked about
    if a.questioned and not any(a.sentence_of[i] in a.questioned for i in unknown_at + at_code):
        return None  # "… PIC for 9. … what is that job exactly?": the code told in a story, the question about something else
    variant = any(u.split("-")[0].lower() in ix.codes for u in a.unknown_codes)  # "CMSO-A" is not CMSO
    variant = variant or _named_as_cert(ev)  # "CHC certification for …": the unknown code is the subject
    told_then_pointed = bool(a.questioned) and not named_asked and any(w in POINTERS and a.sentence_of[i] in a.questioned and (i + 1 == len(a.words) or a.sentence_of[i + 1] != a.sentence_of[i]) for i, w in enumerate(a.words))  # ("… to get FACHE. Does the council have anything on that?": the code, pointed at last)
    if ((ev.role_score >= 1.0 and not _code_asked_first(ev) and not _opens_with_code(ev)) or _role_first(ev)) and not variant and not any(c in ev.hits for c in ("property", "eligibility", "cert_seek", "judgement")) and not _code_needed(a) and not told_then_pointed and not pointer_first:
        return None  # "we have a DOP already, so why a director of pharmacy operations": the role is the subject
    sought_itself = not {c.lower() for c in a.unknown_codes}.isdisjoint(f'{ev.cue("cert_seek") or ""} {ev.cue("identity") or ""}'.split())  # "what does the BCPS cover": the code asked about, no topic described
    if not variant and ev.cert_seek and not sought_itself and not _unknown_asked_first(ev) and not _code_needed(a) and not ev.hits.keys() & {"judgement", "property"} and (certs_by_topic(a, ix, exclude=set()) or [("", 0.0)])[0][1] >= TOPIC_UNKNOWN_CODE * TOPIC_MIN:
        return None  # "cert for contract pharmacy / TPA stuff": the topic is the subject, not the code (but "is BCSCP a worthwhile credential for …" asks of the code)
    near = tuple(dict.fromkeys(("cert", c) for u in a.unknown_codes for c in ix.near_codes(u.lower())))
    read_as = _read_as_code(ev, [u.lower() for u in a.unknown_codes], near)
    if read_as is not None:
        return read_as
    unknown = ", ".join(dict.fromkeys(a.unknown_codes))  # (each once, however often it is said)
    m = refuse("unknown_cert", CONF_UNKNOWN_CODE, detail=unknown, alternatives=near[:3], why=f"unknown code(s) {unknown}")
    return replace(m, role=ev.role_best) if ev.subject_named and not near else m  # ("whats BCPS and do i need it for label accessibility": "they" next is that role)


def _known_only_told(ev: Evidence, ix: Index) -> bool:
    """"my preceptor says BCSCP is basically the beyond use dating cert. is BCSCP worth getting?":
    the certification the knowledge has is in what is told, the unknown code in what is judged."""
    a = ev.a
    if not a.asking or not ev.hits.keys() & {"judgement", "property"}:
        return False
    at = [a.code_pos[c] for c in ev.codes if c in a.code_pos] + [x for _, x, _ in named_cert_spans(a, ix, {r: set(w) for r, w in ev.role_where.items()})]
    return all(not a.asks(i) for i in at) and any(a.asks(i) for i, w in enumerate(a.words) if w.upper() in a.unknown_codes)


_NEED = frozenset({"need", "needs", "require", "requires", "required"})
_ACQUIRE = frozenset({"get", "take", "pursue", "earn", "do"})
_ADVISING = frozenset({"should", "would", "could", "must"})
POINTERS = frozenset({"it", "that", "this"})  # words that point at something said before


def _code_needed(a: Analysis) -> bool:
    """"do i need BCPS to be an ED supervisor", "should she get BCIDP before …": a code the knowledge
    lacks, asked as a requirement or as advice."""
    advised = lambda i: a.words[i - 1] in _ACQUIRE and not _ADVISING.isdisjoint(a.words[max(0, i - 7) : i - 1])  # "should my resident get BCIDP before …": whether to get it
    return any(w.upper() in a.unknown_codes and i and (a.words[i - 1] in _NEED or advised(i)) for i, w in enumerate(a.words))


def _role_first(ev: Evidence) -> bool:
    """The named role comes before every unknown code in one sentence ("does the 340B manager
    handle TPA oversight"): the role is the subject, the code an object."""
    if not ev.subject_named or ev.role_best is None or not ev.role_where.get(ev.role_best):
        return False
    a = ev.a
    start = min(ev.role_where[ev.role_best])
    spots = [i for i, w in enumerate(a.words) if w.upper() in a.unknown_codes]
    return bool(spots) and all(i > start and a.sentence_of[i] == a.sentence_of[start] for i in spots)


def _opens_with_code(ev: Evidence) -> bool:
    """"whats BCPS and do i need it for label accessibility", "is CHMM one of them": the message
    opens by asking what an unknown code is, or with the code as what the question is about."""
    words = [w for w in ev.a.words[:4] if w not in ("a", "an", "the")]
    if len(words) >= 2 and words[0] in ("is", "isnt", "does", "doesnt") and words[1].upper() in ev.a.unknown_codes:
        return True
    return len(words) >= 2 and words[0] in ("whats", "what") and (words[1].upper() in ev.a.unknown_codes or (words[1] in ("is", "s") and len(words) > 2 and words[2].upper() in ev.a.unknown_codes))


def _code_asked_first(ev: Evidence) -> bool:
    """An unknown code asked about in a sentence before any that names the role ("whats a
    CDDPA? saw it on a director of pharmacy operations posting")."""
    a = ev.a
    where = ev.role_where.get(ev.role_best or "", frozenset())
    first_role = min((a.sentence_of[i] for i in where), default=0)
    return any(a.sentence_of[i] < first_role for i, w in enumerate(a.words) if w.upper() in a.unknown_codes)


def _unknown_cert_name(ev: Evidence) -> str | None:
    """"the Certified Pharmacy Drone Delivery Specialist": "certified", words of a name, a job noun
    ending it, written after "the" or at the start (not "I'm a certified tech", "get certified in")."""
    words, said = ev.a.words, ev.a.said
    for i, w in enumerate(words):
        if w != "certified" or (i and words[i - 1] not in ("the", "a", "an", "about", "is", "whats")) or (i > 1 and words[i - 1] in ("a", "an") and words[i - 2] in ("im", "am", "as", "was", "be")):
            continue
        j = i + 1
        while j < len(words) and j - i <= 6 and words[j] not in lexicon.STOPWORDS and words[j] not in lexicon.ROLE_HEADS:
            j += 1
        if i + 1 < j < len(words) and words[j] in lexicon.ROLE_HEADS:
            return " ".join(dict.fromkeys(said[i : j + 1]))
    for m in _TITLED_CERT.finditer(ev.a.question):  # "my Fear Free certification": a name in capitals, before a certification word
        named = m.group(1).split()
        opens = m.start(1) == 0 or ev.a.question[: m.start(1)].rstrip()[-1:] in (".", "!", "?")
        if not (opens and len(named) == 1) and not any(w.lower() in ix_words for w in named for ix_words in (ev.ix.name_words, lexicon.STOPWORDS)):
            return " ".join(named)
    return None


_TITLED_CERT = re.compile(r"\b((?:[A-Z][a-z]+ ){1,4})(?:certification|certificate|cert|credential)s?\b")


def _members_own(words: tuple[str, ...], code: str) -> bool:
    """Every mention of this unknown code follows "my"/"our" ("my IDP", "our EHR")."""
    at = [i for i, w in enumerate(words) if w == code.lower()]
    return bool(at) and all(i and words[i - 1] in ("my", "our") for i in at)


def _named_as_cert(ev: Evidence) -> bool:
    """An unknown code written beside a certification word ("CHC certification", "the BCPS exam",
    "the APhA immunization certificate": an organisation's and a topic word before it; "the CSP
    specialty pharmacist exam": its name between), or spelled out after it ("CSP certified specialty
    pharmacist": the words' initials are the code)."""
    words = ev.a.words
    for code in ev.a.unknown_codes:
        low = code.lower()
        for i, w in enumerate(words):
            if w != low:
                continue
            if any(words[j] in lexicon.CERT_NOUNS for j in (i - 1, i + 1, i + 2) if 0 <= j < len(words)):
                return True
            after = words[i + 1 : i + 1 + len(low)]
            if "".join(x[:1] for x in after) == low:
                return True
            named = next((k for k in range(i + 1, min(len(words), i + 2 + len(low))) if words[k] in lexicon.CERT_NOUNS), None)
            if named is not None and not any(x in lexicon.STOPWORDS for x in words[i + 1 : named]):
                return True
    return False


def _unnamed(ev: Evidence) -> bool:
    """Neither a certification nor a role is named (or described): the question must say what."""
    return not ev.codes and not ev.subject_named


def code_typo(ev: Evidence, ix: Index) -> Match | None:
    """A word one edit from a code ("cpsm" for CPSCM): too far to take as it, so offer it; asked
    only what it is, and one code that near, that code's card, saying how it was read."""
    if not _unnamed(ev):
        return None
    typo = [w for w in ev.a.words if 3 <= len(w) <= 7 and w.isalnum() and w not in ix.known_words and ix.near_codes(w)]
    if not typo:
        return None
    near = tuple(dict.fromkeys(("cert", c) for w in typo for c in ix.near_codes(w)))
    read_as = _read_as_code(ev, typo, near)
    if read_as is not None:
        return read_as
    return refuse("unknown_cert", CONF_CODE_TYPO, detail=typo[0].upper(), alternatives=near[:3], why=f"{typo[0]!r} is one edit from {', '.join(c for _, c in near[:3])}")


_NOT_WHAT = frozenset({"judgement", "property", "eligibility", "rumour", "renewal"}) | {c.name for c in lexicon.FACETS}


def _read_as_code(ev: Evidence, typed: list[str], near: tuple[tuple[str, str], ...]) -> Match | None:
    """"whats CPCAA", "cvvp cert?": asked only what it is, with one code a letter away: that
    code's card, saying how the word was read."""
    if len(typed) != 1 or len(near) != 1 or not _only_asks_what(ev, typed[0]):
        return None
    code = near[0][1]
    return Match("certification", certifications=(code,), confidence=CONF_CODE_TYPO, detail=typed[0].upper(), shape="typo", why=f"{typed[0]!r} is one edit from {code} only, and only what it is is asked")


def _only_asks_what(ev: Evidence, typo: str) -> bool:
    """"whats CPCAA", "cvvp cert?", "the CCRM certification, what is it": what a certification is,
    nothing else ("is the CPPS worth it", "anyone have the CWCA", "CMSO-A advanced exam" ask more,
    and may mean a credential of another board), and no board's credential is typed."""
    if typo in lexicon.OUTSIDE_CREDENTIALS or any("-" in u for u in ev.a.unknown_codes) or len(ev.a.unknown_codes) > 1 or ev.hits.keys() & _NOT_WHAT:
        return False
    words = ev.a.words
    if not lexicon.ASKED_OF_PEOPLE.isdisjoint(words) or not any(w in lexicon.WH_WORDS or w in lexicon.CERT_NOUNS or w in lexicon.ASKS_WHAT for w in words):
        return False  # "anyone have the CPDX": about people who hold something, maybe another board's
    rest = [w for w in words if w != typo and w not in lexicon.STOPWORDS and w not in lexicon.CERT_NOUNS and w not in lexicon.WH_WORDS and w not in lexicon.ASKS_WHAT]
    return not rest or "identity" in ev.hits


def follow_up(ev: Evidence, ix: Index) -> Match | None:
    """A follow-up to an earlier message ("and which certs for it?") that names nothing itself."""
    shared = ev.cue("both") or ""
    pair_said = any(not _NAMED_PAIR.isdisjoint(ev.a.words[max(0, x - 3) : y]) for x, y in lexicon.cue("both").spans(ev.a.words))  # ("do they share", "which certs do they have in common"; not "a shared drive")
    if (shared.split()[-1:] == ["share"] or shared.endswith("in common")) and pair_said and not (ev.codes or ev.role_named):
        return refuse("needs_context", CONF_NEEDS_CONTEXT, why=f"what {shared!r} have in common, and nothing named to compare")  # "what cert do they share" with nothing before
    if not _unnamed(ev) or ev.subject_relaxed:
        return None
    if (ev.cue("follow_up") or _points_back(ev)) and not _says_what(ev, ix) and not _asks_a_list(ev):  # ("list every role you have. all of them")
        return refuse("needs_context", CONF_NEEDS_CONTEXT, why=f"follow-up cue {ev.cue('follow_up') or 'that/this + a certification or role noun'!r} and no topic of its own")
    among = _among_shown(ev)
    if among and not ev.described:  # "which one of those deals more with nurses", nothing shown before: which ones is not said
        return refuse("needs_context", CONF_NEEDS_CONTEXT, why=f"a choice among {among!r}, and nothing shown to choose from")
    return None


_NAMED_PAIR = frozenset({"they", "them", "those", "these", "both"})


def _among_shown(ev: Evidence) -> str | None:
    """A choice among things shown before ("which one of those", "which of the two"): the words
    that point at them."""
    words = ev.a.words
    for x, y in lexicon.cue("ref_choice").spans(words):
        said = words[x : y + 2]  # ("which one of those": the cue is "which one")
        if words[x] in ("which", "what") and not _SHOWN_BEFORE.isdisjoint(said):
            return " ".join(said)
    return None


_SHOWN_BEFORE = frozenset({"those", "these", "them", "two", "both"})


def _only_in_the_list_ask(ev: Evidence, vocab: frozenset[str]) -> bool:
    """Every word the question shares with an FAQ entry's phrasings lies in its list wording."""
    spans = lexicon.cue("list").spans(ev.a.words)
    shared = [i for i, st in enumerate(ev.a.word_stems) if st in vocab]
    return bool(shared) and all(any(x <= i < y for x, y in spans) for i in shared)


def _asks_a_list(ev: Evidence) -> bool:
    """List wording with a role or certification noun ("list every role you have", "show me every job")."""
    return bool(ev.cue("list")) and bool(ev.role_nouns or ev.cert_nouns)


def _points_back(ev: Evidence) -> bool:
    """"ok and that cert?", "and their certs?": a certification or role already in view, and nothing else said."""
    words = ev.a.words
    nouns = lexicon.CERT_NOUNS | lexicon.ROLE_NOUNS
    pointed = any(w in nouns and i and words[i - 1] in ("that", "this", "their", "its", "his", "her") for i, w in enumerate(words))  # ("ok and their certs?")
    return pointed and all(w in nouns for w in _content_words(ev))


def _says_what(ev: Evidence, ix: Index) -> bool:
    """The question itself carries a topic the knowledge knows (a distinctive word)."""
    cues = cue_stems()
    return any(s in ix.idf and ix.weight(s) >= DISTINCTIVE and s not in cues for s in ev.a.stems)


def listing(ev: Evidence, ix: Index) -> Match | None:
    """"Which certifications do you know", "list the roles": the lists."""
    class_words = lexicon.CERT_NOUNS | lexicon.ROLE_NOUNS | lexicon.CLASS_WORDS
    found = _asked_cue(ev, "list") if "cert_seek" in ev.hits else ev.cue("list")  # (not "… who juggles the shortage list every week. is there a cert for that job")
    every = _sentence_spans(ev, "list")
    asked = [(x, y) for x, y in every if not ev.a.asking or ev.a.asks(x)]
    if found and asked and every[0] not in asked and "cert_seek" not in ev.hits:
        found = " ".join(ev.a.words[asked[0][0] : asked[0][1]])  # "… trying to see what jobs exist beyond retail. Which pharmacy roles are covered here?": the one asked
    said = set(found.split()) if found else set()
    if found and "eligibility" in ev.hits and said <= _MODAL_LIST_WORDS:
        return None  # "do you have to be a pharmacist to sit for …": who may, not what the bot has
    if "path_length" in ev.hits and _of_every_role(ev, ix):
        return None  # "of all the roles you have, which pathway is the longest": their lengths weighed (path_length)
    spans = [(x, y) for x, y in every if " ".join(ev.a.words[x:y]) == found] if found else []  # (the list wording asked, not the one told: "… to pull together every certification …. Which certs do you know about?")
    where = {ev.a.sentence_of[spans[0][0]]} if spans else set(ev.a.sentence_of)  # "What career spotlights do you have? I'm comparing roles outside clinics."
    if not any(ev.a.sentence_of[i] in where and w in class_words for i, w in enumerate(ev.a.words)):
        where = set(ev.a.sentence_of)  # "need a cert that proves i know … . does that exist": the sentence with the list word names no kind, the one before does
    nouns = [i for i, w in enumerate(ev.a.words) if ev.a.sentence_of[i] in where and w in class_words]
    if nouns and all(not ev.a.words[i].endswith("s") and i and ev.a.words[i - 1] in _ONE_MEANT for i in nouns):
        return None  # "interested in central fill. what's the overview of the job": the one talked about, no list
    if ev.described and nouns and all(not ev.a.words[i].endswith("s") for i in nouns) and any(ev.a.words[i - 1] in ("which", "what") for i in nouns if i):
        return None  # "I pull the override reports every month; which role in here does that as its main job?": one role, described
    listing_at = {i for x, y in lexicon.cue("list").spans(ev.a.words) for i in range(x, y)}  # (every list wording: "which career spotlights do you currently hold")
    rest = [s for i, (w, s) in enumerate(zip(ev.a.words, ev.a.word_stems)) if ev.a.sentence_of[i] in where and w not in said and i not in listing_at and w not in class_words and w not in lexicon.STOPWORDS]
    named_there = ev.role_named and any(ev.a.sentence_of[i] in where for i in ev.title_positions)  # ("which jobs can i ask you about? onc pharmacist poking around": named in another)
    bare = found and not ev.codes and not named_there and not any(ix.weight(s) >= DISTINCTIVE for s in rest if s in ix.idf and s not in cue_stems())  # "what job roles can I ask you about": nothing to describe a role by
    if not bare and (not _unnamed(ev) or ev.subject_relaxed or ev.goal_role or ("cert_seek" in ev.hits and not ev.certs_plural and not any(ev.a.sentence_of[i] in where and w in _MANY for i, w in enumerate(ev.a.words)))):
        return None  # (… "need a cert that proves i know the video verification systems. does that exist": one sought by what it covers)
    is_list = found or all(w in class_words for w in _content_words(ev))
    kinds = {ev.a.words[i] for i in nouns}
    if is_list and kinds & lexicon.CERT_NOUNS and not kinds & lexicon.ROLE_NOUNS:
        return Match("list_certifications", confidence=CONF_LIST, why="list wording with a certification noun")  # ("… for the pharmacists at our LTC pharmacy … Which certifications do you know about?")
    if is_list and ev.cert_nouns and not ev.role_nouns:
        return Match("list_certifications", confidence=CONF_LIST, why="list wording with a certification noun")
    first = next((ev.a.words[i] for i in nouns if ev.a.words[i] in lexicon.CERT_NOUNS | lexicon.ROLE_NOUNS), None)
    if is_list and kinds & lexicon.CERT_NOUNS and first in lexicon.CERT_NOUNS and any(ev.a.words[i - 1] in _ACROSS for i in nouns if ev.a.words[i] in lexicon.ROLE_NOUNS):
        return Match("list_certifications", confidence=CONF_LIST, why="list wording with a certification noun, across the roles")  # "full list of certs across all the roles"
    if is_list and ev.role_nouns:
        return Match("list_roles", confidence=CONF_LIST, why="list wording with a role noun")
    return None


_ACROSS = frozenset({"across", "for", "over", "in", "of", "all", "every", "the", "each", "your"})  # ("certs across all the roles", "certs for every role": the roles only say which)


_MODAL_LIST_WORDS = frozenset({"do", "you", "u", "have", "can", "could"})
_TO_THE_BOT = frozenset({"you", "u", "ya", "yall", "bot", "this", "it", "help", "commands", "ask", "asking", "here", "use", "type", "questions"})  # ("what can i ask": of the bot)
_ONE_MEANT = frozenset({"the", "that", "this", "its", "their", "his", "her"})
_EXISTS = frozenset({"exist", "exists"})
_MANY = frozenset({"list", "lists", "all", "every", "each", "everything", "enumerate", "itemize", "itemise", "overview"})  # list words that ask for many ("full cert list"), unlike "what credential the council have" for one area
_LEARNED_ANSWERS = frozenset({"help", "list_roles", "list_certifications", "thanks"})


def learned_intent(ev: Evidence, ix: Index) -> Match | None:
    """A question naming nothing, worded like the example phrasings of help, a list or a thank-you."""
    if (not _unnamed(ev) or ev.subject_relaxed) and not ev.named_only_of_self:
        return None
    clear = (_clear_neighbour(ev, LEARNED_MIN, found) for found in ev.learned_unnamed)
    nb = next((n for n in clear if n and n.intent in _LEARNED_ANSWERS), None)  # "good morning from the night crew. what do you do?": the ask, not the greeting
    if nb is None:
        return None
    why = f"nearest example {nb.example.text!r} ({nb.intent}, {nb.similarity:.2f})"
    if nb.intent.startswith("list_") and _questioned(ev, "property") and any(w.endswith(("er", "est")) or w in _MORE_OR_LESS for w in (ev.cue("property") or "").split()):
        return None  # "which certification is easiest to pass": a rating of one, which no page gives, not the list
    if nb.intent == "help" and _asks_of_a_job(ev):
        return None  # "what does a hospital chief financial officer do, if you would be so kind as to explain?": a job asked about, not the bot
    if nb.intent == "help" and ev.a.unknown_codes:
        return None  # "I'm thinking about the BCSCP. Can you tell me about it?": a credential asked about, not the bot
    if nb.intent == "help" and "i" in ev.a.words and _TO_THE_BOT.isdisjoint(ev.a.words):
        return None  # "my manager keeps taking credit for my work, what do i do": the member's own trouble, not what the bot does
    if nb.intent == "help":
        return Match("help", confidence=CONF_LEARNED, why=why)
    if nb.intent in ("list_roles", "list_certifications") and not lexicon.OUTSIDE_CREDENTIALS.isdisjoint(ev.a.said):
        return None  # "candidate has a CPhT, does that count for anything?": another board's credential, which no page weighs
    if nb.intent in ("list_roles", "list_certifications"):
        kind = "list_certifications" if ev.cert_nouns and not ev.role_nouns else "list_roles" if ev.role_nouns else nb.intent
        if kind == "list_certifications" and ev.cert_seek and not ev.certs_plural and certs_by_topic(ev.a, ix, exclude=set()):
            return None  # "which certification is for accreditation": one sought by its topic (cert_by_topic)
        return Match(kind, confidence=CONF_LEARNED, why=why)
    if nb.intent == "thanks":
        return refuse("thanks", CONF_LEARNED, why=why)
    return None


def _asks_of_a_job(ev: Evidence) -> bool:
    """A job title's head noun that is not the member's own, in a sentence that asks what a role is
    or does."""
    mine = member_heads(ev.a)
    asks = ev.hits.keys() & {"overview", "weak_overview", "day", "responsibilities"}
    return bool(asks) and any(w in lexicon.ROLE_HEADS and i not in mine and ev.a.asks(i) for i, w in enumerate(ev.a.words))


# ---------------------------------------------------------------- answers from the knowledge


def _of_every_role(ev: Evidence, ix: Index) -> bool:
    """"of all the roles", "out of all four careers you have": every role of the knowledge, none named."""
    words = ev.a.words
    counted = [lexicon.COUNTS[w] for w in words if w in lexicon.COUNTS]
    every = not _EVERY.isdisjoint(words) or counted == [len(ix.knowledge.roles)]
    every = every or any(w in ("which", "what") and words[i + 1 : i + 2] and words[i + 1] in _JOB_WORDS for i, w in enumerate(words))  # "which career has the fewest certs on its path": any of them (not "which path is the longer one": of those talked about)
    every = every or any(w in ("which", "what") and words[i + 1 : i + 3] in (("of", "the"), ("of", "your")) and words[i + 3 : i + 4] and words[i + 3] in _JOB_WORDS for i, w in enumerate(words))  # "which of the roles you have has the shortest cert path"
    return every and not ev.role_named and not lexicon.ROLE_NOUNS.isdisjoint(words) and len(ix.knowledge.roles) >= 2


_EVERY = frozenset({"all", "every", "each"})
_JOB_WORDS = lexicon.ROLE_NOUNS - lexicon.PATH_NOUNS - {"title", "titles", "spotlight", "spotlights"}


def path_length(ev: Evidence, ix: Index) -> Match | None:
    """"ops director or clinic med room supervisor, which needs fewer certs": of the roles named
    apart, the pathway with the fewest (or most) certifications left for the member, a count the
    pages give; the counts are told. A tie is told as one (the pathway of the role named first)."""
    if "path_length" not in ev.hits or any(c not in ev.held for c in ev.codes):
        return None
    if _of_every_role(ev, ix):  # "out of all four roles you have, which pathway is the longest?": all of them weighed
        named = sorted(ix.knowledge.roles)
    elif not ev.subject_named or ev.subject_role is None:
        return None
    else:
        named = [ev.subject_role, *ev.named_apart(ev.subject_role)]
    if len(named) < 2:
        return None
    said = (ev.cue("path_length") or "").split()
    most = not lexicon.LONGER_WORDS.isdisjoint(said) and lexicon.SHORTER_WORDS.isdisjoint(said)  # ("more short": the shorter)
    left = {r: sum(1 for s in ix.knowledge.roles[r].pathway if s.certification not in ev.held) for r in named}
    ranked = sorted(named, key=lambda r: -left[r] if most else left[r])
    tie = left[ranked[0]] == left[ranked[1]]
    win = min((r for r in named if left[r] == left[ranked[0]]), key=lambda r: min(ev.role_where.get(r) or {len(ev.a.words)})) if tie else ranked[0]  # (of those tied, the one named first)
    titles = _titles_of(named, ev, ix)
    length_words = {ev.a.word_stems[i] for x, y in lexicon.cue("path_length").spans(ev.a.words) for i in range(x, y)}  # ("the shorter path": how it is weighed, no topic)
    m = _pathway(win, tailor(win, ev.a, ix, held=ev.held, exclude=titles | _only_in_the_way_asked(ev) | length_words), CONF_PATHWAY, f"path_length cue {ev.cue('path_length')!r}: certifications left {left}")
    return replace(m, shape=("tie_" if tie else "") + ("most" if most else "fewest"), also=tuple(r for r in named if r != win))


def role_contrast(ev: Evidence, ix: Index) -> Match | None:
    """A named role compared with something ("ops director vs DOP"): the role's overview or section;
    of two named, "which one …" / "who …" is the one whose page says it more."""
    if not ev.subject_named or ev.codes or ev.subject_role is None:
        return None
    if (ev.cert_seek or not lexicon.PATH_NOUNS.isdisjoint(ev.a.words) or _in_common(ev)) and _shared_pair(ev, ix) is not None:
        return None  # "ops director vs repackaging supervisor … what certs do they share", "… do their paths overlap": what both pathways have, or an honest none (shared_certs)
    rid = ev.subject_role
    scores = {r: s for s, r in ev.roles}
    both = any(w and w != ev.role_where.get(rid) and scores.get(r, 0) >= ROLE_MENTION * 0.5 for r, w in ev.role_where.items())
    asks_which = bool(ev.hits.keys() & {"ref_choice", "suits"}) and not ev.cert_nouns and not ev.pathway_cue  # "which one deals more with sponsors", "… which fits me better"
    mine = ev.role_where.get(rid, frozenset())
    apart = ev.named_apart(rid)
    joined = not (ev.pathway_cue or ev.cert_nouns) and any(_joined_by_or(ev, mine, ev.role_where[r]) for r in apart)  # "… hazardous drug coordinator or pricing analyst"
    weighing = (ev.cue("contrast") or "").endswith("between") and (ev.pathway_cue or ev.cert_nouns)  # "deciding between X and Y. path of the first one?": a pathway asked, not the roles weighed
    weighing = weighing or (ev.pathway_cue and not apart and ev.cue("contrast") == "comparison")  # "what's the DUR manager path by comparison": its pathway, beside the one talked about
    weighing = weighing or (ev.pathway_cue and not apart and bool(ev.cert_seek) and "ordering" in ev.hits)  # "(… she used to compare our prices …) and she wants to become a compensation analyst; which certification first?": one role, its first step asked; nothing named to weigh it against
    weighing = weighing or (ev.pathway_cue and _asked_after(ev, "pathway", "contrast") and not lexicon.PATH_NOUNS.isdisjoint(ev.a.words[ev.a.sentence_of.index(ev.a.sentence_of[-1]) :]))  # "I'm weighing the X vs the Y. … whats the cert path for the X one": weighed first, the way asked after (not "… start with the director")
    told = "contrast" in ev.hits and all(x in ev.said_of_self or x in ev.describing for x, _ in lexicon.cue("contrast").spans(ev.a.words))  # "path for the queue supervisor? i'm big on STAT vs routine rules": compared in what they tell of themselves ("the job where you compare the payment paper with your totals": in what the job does)
    weighed = ("contrast" in ev.hits and not weighing and not told) or joined
    fit_told = weighed and bool(ev.said_of_self - ev.title_positions) and _DIFFERENCE.isdisjoint((ev.cue("contrast") or "").split())  # "ops director or cleanroom planner if i was a construction project manager": which fits them
    timed = "day" in ev.hits and clock_asked(ev.a.words) and (ev.asks_who or "which" in ev.a.words or "whose" in ev.a.words)  # "ops director, ECMO coordinator, mining supply officer: who's up the earliest?", "… whose day runs into the evening?"
    choice = bool(apart) and ev.role_named and ((weighed and (ev.asks_who or "which" in ev.a.words)) or asks_which or fit_told or timed)  # "IDS pharmacist or revenue cycle manager, which one deals more with sponsors"
    if not weighed and not choice:
        return None
    rated = ev.cue("property") if choice and _rated_apart(ev) else None
    if rated and not rated.startswith("how"):  # "X or Y, which one has better job security": a rating no page gives, of either (not "how much of the day is …": the day may say)
        return replace(refuse("missing_fact", CONF_MISSING_FACT, detail=f'"{rated}"', why=f"a choice by a property no page gives: {rated!r}"), role=rid)
    if choice:  # "training manager vs compounding supervisor, who handles the media fill testing": the one whose page says so
        named = [rid, *apart]
        titles = _titles_of(named, ev, ix)
        chosen = _fits_better(named, ev, ix)
        if chosen:  # "who handles …": the part of its page that says so; "which one …": what the role is
            section, conf = section_for(chosen, ev.a, ev.hits, ix, titles) if ev.asks_who or ("day" in ev.hits and clock_asked(ev.a.words)) else ("overview", CONF_ROLE_CONTRAST)  # ("which one starts their day earlier", "whose morning starts first", "which one is still at work in the evening": its day)
            return Match("role", role=chosen, section=section, confidence=round(conf, 3), why=f"a choice between {', '.join(named)}: {chosen} by its page")
    section, conf = ("overview", CONF_ROLE_CONTRAST) if both and not ev.section_cue else section_for(rid, ev.a, ev.hits, ix, set(ev.title_stems(ix)))
    other = next((r for r in ev.named_roles if r != rid and ev.role_where.get(r) != ev.role_where.get(rid)), None) if both else None
    how = f"contrast cue {ev.cue('contrast')!r}" if "contrast" in ev.hits else "a choice no page settles clearly"
    return Match("role", role=rid, section=section, confidence=round(conf, 3), shape="compare" if other else "", also=(other,) if other else (), why=how)


_VERSUS = frozenset({"vs", "versus"})


def _asked_after(ev: Evidence, later: str, earlier: str) -> bool:
    """Every span of cue ``earlier`` lies in a sentence before the last one with cue ``later``."""
    ends = lexicon.cue(earlier).spans(ev.a.words)
    starts = lexicon.cue(later).spans(ev.a.words)
    if not ends or not starts:
        return False
    return max(ev.a.sentence_of[x] for x, _ in ends) < ev.a.sentence_of[starts[-1][0]]


def _strangers_compared(ev: Evidence, ix: Index) -> str | None:
    """"narcan vs kloxxado": the words on both sides of a "vs" are names neither the knowledge
    nor everyday English has (brands, products), so what is compared is nothing a page is about."""
    words, said = ev.a.words, ev.a.said
    for k, w in enumerate(words):
        if w in _VERSUS and 0 < k < len(words) - 1:
            pair = (said[k - 1], said[k + 1])
            if all(p.isalpha() and p == q and p not in ix.known_words and not english.is_word(p) for p, q in zip(pair, (words[k - 1], words[k + 1]))):
                return f"{pair[0]} vs {pair[1]}"
    return None


def _titles_of(named: list[str], ev: Evidence, ix: Index) -> set[str]:
    """Stems of these roles' titles and of every word that named them here: how the choice is
    put, never what it is about."""
    return {t for r in named for t in ix.role_titles[r]} | {st for r in named for st in ev.naming_stems(r)}


def _fits_better(named: list[str], ev: Evidence, ix: Index) -> str | None:
    """Of roles named apart, the one whose page the question's other words fit clearly better."""
    titles = _titles_of(named, ev, ix)
    written = [{k for i in ev.role_where.get(r, frozenset()) for k in ev.a.typed_group(i)} for r in named]  # ("tech" is read "tech technician technology")
    in_titles = {i for w in written for i in w if len(w) == 1 or any(_beside(ev, i, j) for j in w if j != i)}  # (the title as written, not its word said again apart)
    only_in_titles = set(ev.a.stems) - {st for i, st in enumerate(ev.a.word_stems) if i not in in_titles and i not in ev.said_of_self}  # "… which is more with patients": a title's word said again counts, not in the member's own job ("i was a project coordinator")
    own_heads = {ev.a.word_stems[i] for i in ev.said_of_self if ev.a.words[i] in _JOB_HEADS}  # "i was a construction project manager": the topic, not the rank
    weighing = {ev.a.word_stems[i] for name in ("contrast", "ref_choice") if name in ev.hits for x, y in lexicon.cue(name).spans(ev.a.words) for i in range(x, y)}  # "compared with …, which of the two …": how they are weighed, no topic
    heads_said = {ev.a.word_stems[k + 1] for w in written for k in w if k + 1 < len(ev.a.words) and k + 1 not in ev.said_of_self and ev.a.words[k + 1] in _JOB_HEADS}  # "the voice clinic pharmacist and chief resident": "pharmacist" ends how one was named
    apart = (titles & only_in_titles) | own_heads | heads_said | _WEIGHING_STEMS | weighing
    disliked = ev.a.unwanted | ev.a.negated  # "I really don't want to do presentations. which fits me better?"
    chosen = best_of(named, ev.a, ix, apart | disliked)
    if chosen is None and disliked and len(named) == 2 and (avoided := best_of(named, ev.a, ix, set(ev.a.stems) - disliked)) is not None:
        return next(r for r in named if r != avoided)  # the one whose page is not about what they rule out
    return chosen


def _beside(ev: Evidence, i: int, j: int) -> bool:
    """At most two small words between positions i and j ("kit and tray", "director of pharmacy")."""
    lo, hi = min(i, j), max(i, j)
    return hi - lo <= 3 and all(w in lexicon.STOPWORDS for w in ev.a.words[lo + 1 : hi])


def _joined_by_or(ev: Evidence, one: frozenset[int] | set[int], other: frozenset[int] | set[int]) -> bool:
    """Two titles written with only "or" (and a few small words) between them."""
    shared = set(one) & set(other)
    one, other = set(one) - shared, set(other) - shared  # ("drug" of "hazardous drug coordinator" is in both titles)
    if not one or not other:
        return False
    left, right = (one, other) if min(one) < min(other) else (other, one)
    between = [w for i, w in enumerate(ev.a.words[max(left) + 1 : min(right)], max(left) + 1) if i not in shared]  # ("analytics manager or workforce manager": the job noun is both titles')
    return 0 < len(between) <= 3 and "or" in between and all(w in lexicon.STOPWORDS for w in between)


def _wants_role(ev: Evidence) -> bool:
    """"want biz mgr", "wanna be the ops director": a wish word right before the role's title."""
    rid = ev.subject_role
    if not ev.subject_named or rid is None or not ev.role_where.get(rid):
        return False
    if len(ev.role_where[rid]) == 1 and english.count(ev.a.words[min(ev.role_where[rid])]) >= EVERYDAY_WORD:
        return False  # "when a consultant wants to use an expensive biologic": an everyday word of a title after a wish is no title wished for
    where = sorted(ev.role_where[rid])
    runs: list[list[int]] = []
    for n, k in enumerate(where):
        if n and where[n - 1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    wished = [_wished(ev.a.words, ev.a.typed_start(run[0])) for run in runs]  # "want ops dir": "ops" was read as "ops operations"
    return any(wished) and not any(len(run) >= TITLE_SAID_WHOLE and not w for run, w in zip(runs, wished))  # ("Beth (care home tech) wants respite care …": not the stray "care"; "day first (for the Pediatric Emergency Readiness … Coordinator) (wants peds readiness …)": the title said whole, no wish before it)


def _path_only_told(ev: Evidence) -> bool:
    """"… the pathway for my job lists CPSCM. What does CPSCM cover?": the path is in what the member
    tells, the question asks about a certification it names, or about a part of a role's page."""
    a = ev.a
    if not a.asking and a.questioned and ev.pathway_cue and not (a.arrow or ev.held or ev.certs_plural) and "cert_seek" in ev.hits:
        spans = lexicon.cue("pathway").spans(a.words)  # "is there a cert for medication safety? icu rn thinking about moving over to the pharmacy side": one sought in the question, the move told after it
        seek = lexicon.cue("cert_seek").spans(a.words)
        return bool(spans) and all(a.sentence_of[x] not in a.questioned for x, _ in spans) and any(a.sentence_of[x] in a.questioned for x, _ in seek)
    if not a.asking or not ev.pathway_cue or a.arrow or ev.held or _asked_cue(ev, "pathway") or _asked_cue(ev, "ordering") or _asked_cue(ev, "first_asked"):
        return False
    told = {a.sentence_of[x] for x, _ in lexicon.cue("pathway").spans(a.words)}
    if any(a.sentence_of[i] in told and a.words[i + 1 : i + 2] not in _RELATIVE_NEXT and not (i and (a.words[i - 1] in _SOMEONE or (w in lexicon.WHO_WORDS and _a_person(a.words[i - 1])))) for i, w in enumerate(a.words) if w in _WH_ASKING):
        return False  # ("… my tech has neither, what order would you go in": asked, though no "?"; not "… sure the work is what I think it is")
    marks = [i for i, w in enumerate(a.words) if w == CODE_MARK]
    asks_the_role = any(a.asks(x) and a.words[x - 1 : x] != ("which",) for x, _ in lexicon.cue("overview").spans(a.words)) or any(a.asks(i) for i, w in enumerate(a.words) if w == "do" and (i + 1 == len(a.words) or a.sentence_of[i + 1] != a.sentence_of[i] or a.words[i + 1] == "all"))  # "What does a language access coordinator do? … my manager said I should look at that path" (not "… which role")
    seeks_one = _asked_cue(ev, "cert_seek") is not None and not ev.certs_plural and not ev.hits.keys() & {"ordering", "first_asked"} and _FIRST_SAID.isdisjoint(a.words)  # "is there a cert about version control? we're moving to a new system": one certification sought
    return any(a.asks(i) for i in marks) or ev.section_cue or asks_the_role or seeks_one  # ("what happens in the variance meeting on the analyst's day? my director wants me to start running ours")


def _a_person(word: str) -> bool:
    """"my mentee, who is heading into HR": a person "who" tells about, no question."""
    return word in lexicon.PERSON_NOUNS or word in lexicon.RELATIONS or word in lexicon.MENTORED


def _role_asked_of(ev: Evidence) -> bool:
    """"what does the ops director do": the role itself is asked (not "Wil is all about safety": what he loves)."""
    loved = {i for name in ("likes", "likes_theirs", "self_describe") for x, y in lexicon.cue(name).spans(ev.a.words) for i in range(x, y)}
    return _asked_cue(ev, "weak_overview") is not None and any(x not in loved for x, _ in lexicon.cue("weak_overview").spans(ev.a.words))


def _pathway_asked(ev: Evidence) -> bool:
    return ev.pathway_cue or bool(ev.held and ("next" in ev.a.words or ev.a.words[-1:] == ("after",) or (ev.subject_named and not (ev.section_cue or _role_asked_of(ev))))) or (_wants_role(ev) and "both" not in ev.hits and not (ev.section_cue and not (ev.cert_seek or "ordering" in ev.hits)))  # "got CPOM already, whats after" (but "my two mentees want X and Y, whose day starts earlier?" asks the days; "… which cert would they both take?" what their ways share)


_CHOOSING = frozenset({"which", "whichever", "or", "between", "vs", "versus", "either", "better"})  # ("X path for someone who …" describes, chooses nothing)


def _one_step_on_a_path(ev: Evidence) -> bool:
    """"which cert on the ops director path is about inventory": one certification asked for,
    the path only says where to look (cert_by_topic, among that role's steps)."""
    words = ev.a.words
    if ev.certs_plural:
        return False
    ordering = [x for x, _ in lexicon.cue("ordering").spans(words)] if "ordering" in ev.hits else []
    for i, w in enumerate(words[:-2]):
        asks = w in ("which", "what") or (w == "there" and i > 0 and words[i - 1] in ("is", "any"))  # "is there a cert on their path for the billing part"
        j = i + 1
        while j < len(words) and words[j] in _A_STEP:
            j += 1  # ("cert" reads "cert certification"; "is there one on …")
        named = any(x in lexicon.CERT_NOUNS or x in ("one", "step") for x in words[i + 1 : j])
        if asks and named and (ev.cert_seek or w == "there" or not {"one", "step"}.isdisjoint(words[i + 1 : j])) and words[j : j + 1] in (("on",), ("in",), ("from",)):
            end = next((k for k in range(j + 1, min(len(words), j + 10)) if words[k] in lexicon.PATH_NOUNS), None)
            while end is not None and end + 1 < len(words) and words[end + 1] in lexicon.PATH_NOUNS:
                end += 1  # ("… pathway path")
            if end is not None and words[end + 1 : end + 2] in _SAYS_WHICH_STEP and all(x > end + 1 for x in ordering):
                return True  # (an order word in the topic asks no order: "… is about keeping first-dose antibiotics stocked")
    return False


_A_STEP = lexicon.CERT_NOUNS | {"a", "an", "one", "step"}  # ("which step on their path is about anti-doping")
_SAYS_WHICH_STEP = (("is",), ("covers",), ("does",), ("has",), ("for",), ("about",), ("covering",), ("that",), ("would",), ("will",), ("could",), ("can",), ("helps",), ("deals",))  # "… on the X path is about inventory", "… for the billing part", "… would cover the forecasting part"


def _only_a_head(ev: Evidence, ix: Index) -> bool:
    """The subject was found by a job noun alone, qualified by words its title lacks ("a nuclear
    pharmacist"): another job with that head, not this one."""
    rid = ev.subject_role
    where = ev.role_where.get(rid or "", frozenset())
    return rid is not None and bool(where) and all(ev.a.words[i] in lexicon.ROLE_HEADS for i in where) and qualified_otherwise(ev.a, ix, rid)


def _said_after(code: str, ev: Evidence) -> bool:
    """"after CMSO": the code right after a word that asks for the next step."""
    at = ev.a.code_pos.get(code)
    return at is not None and at > 0 and ev.a.words[at - 1] in lexicon.AFTER_WORDS


def _asks_the_role_after(ev: Evidence) -> bool:
    """"thinking about moving into informatics, what's the informatics pharmacist job like day to
    day": the goal comes first as context, what is asked after it is about the role itself."""
    if ev.cert_nouns or ev.held or "ordering" in ev.hits or "cert_seek" in ev.hits:
        return False
    words = ["_" if i in ev.title_positions else w for i, w in enumerate(ev.a.words)]  # "drug info & formulary manager" asks nothing
    of = ev.a.sentence_of
    goal = max((a for a, _ in lexicon.cue("pathway").spans(words)), default=None)
    if goal is None and _wants_role(ev) and ev.subject_role is not None:
        goal = min(ev.role_where[ev.subject_role])  # "… wants to be director of pharmacy ops one day. what does that job involve"
    if goal is None:
        return False
    asks = [
        a
        for name in ("day", "responsibilities", "identity", "overview")
        for a, b in lexicon.cue(name).spans(words)
        if a > goal and (name != "overview" or b - a >= 2) and any(words[i] in lexicon.WH_WORDS and of[i] == of[a] for i in range(goal + 1, a + 1))
    ]  # a question after the goal: "… at 9pm" in a story, or the "how" of "how do I get to …", asks nothing of the role
    later = any(
        words[i] in lexicon.WH_WORDS
        and i + 1 < len(words)
        and words[i + 1] in ("does", "do", "is", "are")
        and (i + 2 >= len(words) or words[i + 2] not in ("i", "we"))
        and (of[i] > of[goal] or (i + 2 < len(words) and words[i + 2] in ("that", "this", "the", "a", "an")))  # "…, what does that job look like"
        for i in range(goal + 1, len(words))
    )  # "… thinking about moving into ops. what does X actually do" (not "what should I tell her", "what do I need")
    return bool(asks) or later


def _asks_a_code_last(ev: Evidence) -> bool:
    """"… the pathway for her job includes the supply chain cert. what exactly is CPSCM?": the
    message ends asking what a named certification is; the pathway was said on the way there."""
    a = ev.a
    if not a.codes or not a.sentence_of or "identity" not in ev.hits or ev.held:
        return False
    last = a.sentence_of[-1]
    in_last = {i for i, w in enumerate(a.words) if a.sentence_of[i] == last}
    pointed = len(set(a.codes)) == 1 and any(x in in_last for x, _ in lexicon.cue("ref_thing").spans(a.words))  # "… 'pursue CHDS to …'. what is that cert": the one code
    return (pointed or any(a.code_pos[c] in in_last for c in a.codes)) and any(x in in_last for x, _ in lexicon.cue("identity").spans(a.words)) and not any(x in in_last for x, _ in lexicon.cue("pathway").spans(a.words))


def _another_job_asked(ev: Evidence, ix: Index, after: int = 0) -> bool:
    """Outside what the member tells of themselves, "a|an …" a job noun the best role's title
    does not have ("how to become a radiologist technician"): a job of its own (from word ``after`` on)."""
    a, rid = ev.a, ev.role_best or ""
    heads = ix.title_heads.get(rid, frozenset())
    ends = _goal_ends(ev)
    return any(
        lexicon.job_noun(w) and i >= after and (i not in ev.said_of_self or _goal_job(ev, i, ends) is not None) and a.word_stems[i] not in heads and any(x in ("a", "an") for x in a.words[max(0, i - 3) : i])
        for i, w in enumerate(a.words)
    )  # ("i'm thinking of becoming a nurse practitioner": told of themselves, and still the job they ask the way to)


def _goal_ends(ev: Evidence) -> list[int]:
    """Where the pathway cues that lead to a job end ("becoming", "get into")."""
    return [e for _, e in lexicon.cue("pathway").spans(ev.a.words) if ev.a.words[e - 1] in _BECOMING]


def _goal_job(ev: Evidence, i: int, ends: list[int]) -> int | None:
    """Which of ``ends`` job noun ``i`` follows closely ("becoming a nurse practitioner"), if one."""
    return next((e for e in ends if 0 <= i - e <= 3 and _ASIDE.isdisjoint(ev.a.words[e:i])), None)


_BECOMING = frozenset({"become", "becoming", "be", "into"})  # the last word of a pathway cue before the job it leads to
_ASIDE = frozenset({"if", "im", "i'm", "as", "from", "for", "like", "with"})  # "which first if i'm a …": the member, not the goal


def outside_goal(ev: Evidence, ix: Index) -> tuple[str, str]:
    """(what, "field" | "goal") when the way asked leads outside the knowledge: into a field
    outside pharmacy ("go into nursing instead", "get into med school") or to a job no title
    names ("… becoming a nurse practitioner"); ("", "") otherwise."""
    if field := ev.cue("outside_field"):
        said = field.split()[1:]
        return " ".join(said if said[-1] == "school" else said[:1]), "field"
    other = _other_goal_job(ev, ix)
    return (other, "goal") if other else ("", "")


def _other_goal_job(ev: Evidence, ix: Index) -> str:
    """The job, as typed, whose way is asked right after a pathway cue ("… becoming a nurse
    practitioner") when the best role's title does not name it and that role's words are all
    elsewhere in the message (where the member has worked: "fifteen years in hospital pharmacy")."""
    a, rid = ev.a, ev.role_best or ""
    heads, where = ix.title_heads.get(rid, frozenset()), ev.role_where.get(rid, frozenset())
    ends = _goal_ends(ev)
    for i, w in enumerate(a.words):
        e = _goal_job(ev, i, ends) if ends and lexicon.job_noun(w) and a.word_stems[i] not in heads else None
        articles = [x for x in range(e, i) if a.words[x] in ("a", "an")] if e is not None else []
        if e is None or not articles:
            continue
        end = i + 1
        while end < min(len(a.words), i + 3) and a.sentence_of[end] == a.sentence_of[i] and a.words[end] not in lexicon.STOPWORDS and a.said[end] != a.said[end - 1] and a.words[end] not in lexicon.FORM_WORDS:
            end += 1  # "a nurse practitioner", "a physician assistant"
        head = max(k for k in range(i, end) if lexicon.job_noun(a.words[k]))
        shared = [k for k in where if k >= e and a.sentence_of[k] == a.sentence_of[i]]  # (not "becoming a lead at our outpatient store")
        apart = not any(a.words[head].startswith(t) for t in ix.role_titles.get(rid, ()) if len(t) >= 4) and a.words[head] not in lexicon.MENTORED  # (not "a bariatric surgery pharmacist", "a tamper investigator")
        if not shared or (not ev.subject_named and apart and all(k < head for k in shared)):  # ("a physician assistant": a page's word only modifies another job)
            return " ".join(dict.fromkeys(a.said[articles[-1] + 1 : end]))
    return ""


def _asks_the_card(ev: Evidence) -> bool:
    """The question sentence asks what a named certification is ("… put CPOM on the required list
    for the … posting. What does CPOM actually demonstrate?"), and no way is asked there."""
    words = ev.a.words
    if not ev.codes or not words:
        return False
    if not ev.a.questioned:  # "my PGY2 is eyeing CPAD, what does it actually cover": the certification they have in mind, then what it is (no question mark)
        if any(tuple(words[y : y + 1]) != (CODE_MARK,) or not lexicon.PATH_NOUNS.isdisjoint(words[x:y]) for x, y in _sentence_spans(ev, "pathway")):
            return False
        return any(ev.a.sentence_of[x] == ev.a.sentence_of[-1] and not {CODE_MARK, "it", *POINTERS}.isdisjoint(words[x:y]) for x, y in _sentence_spans(ev, "identity"))
    if _questioned(ev, "pathway"):
        return False
    return any((ev.a.sentence_of[x] in ev.a.questioned or not _REPORTING.isdisjoint(words[max(0, x - 2) : x])) and not {CODE_MARK, *POINTERS}.isdisjoint(words[x:y]) for x, y in _sentence_spans(ev, "identity"))  # ("… asked me what the CPEQR credential validates. What should I tell her?": the question reported is the one asked)


_REPORTING = frozenset({"asked", "asks", "asking", "wondered", "wonders", "wondering"})


def pathway(ev: Evidence, ix: Index) -> Match | None:
    """"How do I become …", "which cert first": the role's pathway, tailored to what the member says."""
    if not _pathway_asked(ev) or _asks_the_card(ev) or _asks_the_role_after(ev) or _asks_a_code_last(ev) or _one_step_on_a_path(ev) or _path_only_told(ev) or _overlap_asked(ev, ix):
        return None
    if not ev.pathway_cue and ev.role_named and not ev.codes and _asked_cue(ev, "identity"):
        return None  # "my wife wants to be a 'pharmacy IVR program manager' and I have no clue what that is": what the job is
    spans = lexicon.cue("pathway").spans(ev.a.words)
    if ev.described and spans and all(x in ev.describing for x, _ in spans) and not (ev.held or ev.cert_nouns or "ordering" in ev.hits):
        return None  # "who's the person that helps staff move to another department": what the job does, no way asked
    if len(set(ev.codes)) >= 2 and not ev.subject_named and _role_holding(ev, ix) is not None:
        return None  # "are CADSS and CRRTL on the same role's path": the one role that has both (named_certification)
    who_at = {ev.a.sentence_of[i] for i, w in enumerate(ev.a.words) if w in lexicon.WHO_WORDS and all(ev.a.words[k] in _BEFORE_WHO for k in range(i) if ev.a.sentence_of[k] == ev.a.sentence_of[i])}  # (a sentence that opens asking who; not "im the tech who builds …", "he's the one who deals with …")
    if ev.asks_who and who_at and not any(ev.a.sentence_of[x] in who_at for x, _ in _sentence_spans(ev, "pathway")):
        return None  # "who keeps track of the fluid bags? i'm thinking of moving into something like that", "… which floors switch to smaller bags. who even does that": a role asked for, the way only told
    where = ev.role_where.get(ev.role_best or "", frozenset())
    goal_at = min((x for x, _ in lexicon.cue("pathway").spans(ev.a.words)), default=0)
    what, shape = outside_goal(ev, ix)
    if what:  # "go into nursing instead", "becoming a nurse practitioner": no page is about it
        return replace(refuse("unknown_role", CONF_UNKNOWN_ROLE, detail=what, why=f"the way to {what!r} is asked, a {'field' if shape == 'field' else 'job'} no page is about"), shape=shape)
    told_only = bool(where) and ((where <= ev.said_of_self and _another_job_asked(ev, ix)) or (not ev.subject_named and _another_job_asked(ev, ix, after=goal_at)))  # "how to become a radiologist tech? i like nuclear medicine": what they like names no goal; nor does "a nuclear medicine technologist" name the nuclear pharmacy lead
    only_candidate = sole_candidate(ev, ix) is not None and not told_only  # "pivot into operations leadership" (not "a nuclear pharmacist")
    role = ev.subject_role if (ev.subject_named or (ev.subject_relaxed and not told_only) or only_candidate) else role_from_certs(ev.held or ev.codes, ix) or ev.goal_role
    words = ev.a.words
    picks_a_role = ("suits" in ev.hits and not _CHOOSING.isdisjoint(words)) or any(w == "which" and words[i + 1 : i + 2] in (("role",), ("job",), ("one",)) for i, w in enumerate(words))
    told_after = min((x for x, _ in lexicon.cue("suits").spans(words)), default=len(words))
    if role and picks_a_role and not ev.codes and (apart := [r for r in ev.named_apart(role) if not (ev.role_where[r] <= ev.said_of_self and min(ev.role_where[r]) > told_after)]):  # (not "… for someone who already manages a hospital pharmacy operations team": what that someone is)
        role = _fits_better([role, *apart], ev, ix) or role  # "torn between the waste compliance and telepharmacy paths. i'm into the tech side … which fits me and what's the path"
    if role:
        exclude = set(ix.role_titles.get(role, ())) | ev.naming_stems(role) | (set(ix.nicknames.get(role, ())) if not ev.role_named else set())  # ("i want the chelation job": the other name its page gives it, no interest)
        asked = [c for c in ev.codes if c not in ev.held and not not_held(ev.a.words, ev.a.code_pos.get(c, 0))]  # (not "she doesn't have CMSO": no step asked about)
        after = [c for c in asked if _said_after(c, ev)]  # "what comes after CMSO for the ops director": the step after it
        if after:  # the step after it as the page orders them, whatever else the message says ("… after CCRT if I want to manage the IV room")
            order = tuple(s.certification for s in ix.knowledge.roles[role].pathway if s.certification not in ev.held or s.certification in after)
            asked = [order[order.index(c) + 1] if c in after and c in order[:-1] else c for c in asked if c not in after or c in order[:-1]]
        named_step = len(asked) == 1 and not after and _membership_asked(ev, asked[0])  # "is CACPC on the PDT path?": where it stands, in the order the member's words give (not moved first)
        on_it = named_step and asked[0] in {s.certification for s in ix.knowledge.roles[role].pathway}
        t = tailor(role, ev.a, ix, restrict=None if on_it else asked, held=ev.held, exclude=exclude | _how_it_was_earned(ev) | _only_in_the_way_asked(ev) | _only_describing_the_job(ev, role) | _when_said(ev), asked_first=not named_step)
        if named_step and asked[0] in t.order and t.focus != asked[0]:
            t = replace(t, focus=asked[0], focus_words=())  # (the order what they like gives, the step asked about in it: "is CPOM on that path too?" after "inventory is the part I'd enjoy most")
        m = _pathway(role, t, CONF_PATHWAY_NAMED if ev.subject_named else CONF_PATHWAY, f"pathway cue {ev.cue('pathway')!r}; goal {role}")
        return replace(m, shape="order", also=tuple(asked)) if len(asked) >= 2 and "ordering" in ev.hits else m
    if ev.bare_pathway and not ev.codes and "ordering" not in ev.hits:
        if (ev.cue("pathway") or "").split()[-1:] == ["there"] or "follow_up" in ev.hits:  # "how do i get there (from retail)": a place talked about before; "what comes after that one?": a step shown before
            return refuse("needs_context", CONF_NEEDS_CONTEXT, why=f"pathway cue {ev.cue('pathway')!r} points back")
        return Match("help", confidence=CONF_LEARNED, why=f"pathway cue {ev.cue('pathway')!r} with no goal")  # "where do I start", nothing else: what the bot can do ("which one first?" refers back)
    if not ev.codes and not ev.cert_seek:
        return unknown_role(ev, ix)
    return None


_BEFORE_WHO = frozenset({"and", "so", "ok", "okay", "but", "then", "also", "hey", "hi", "um", "uh", "anyway", "lol", "well"})  # "ok so who …": still a question that opens with who
_CLAUSE_ENDS = frozenset({"and", "but", "so", "which", "what", "whats", "how", "where", "why"})  # ("already got CTRMS (how do I become …)": the way asked starts a clause of its own)


def _when_said(ev: Evidence) -> set[str]:
    """Stems said only in a time or an occasion of the member's ("I'm registered for it next month",
    "one day", "we both have interviews tomorrow"): when and why they ask, no interest of theirs
    ("month" orders no step about monthly reports, "interviews" none about interviewing staff)."""
    inside = {i for name in ("someday", "job_interview") for x, y in lexicon.cue(name).spans(ev.a.words) for i in range(x, y)}
    stems = ev.a.word_stems
    return {stems[i] for i in inside} - {st for i, st in enumerate(stems) if i not in inside}


def _only_in_the_way_asked(ev: Evidence) -> set[str]:
    """Stems said only in the words that ask the way ("what's left for the planner path"): how it
    is asked, no interest of the member's ("left" is no step's topic, "stock left" on a page aside)."""
    spans = _sentence_spans(ev, "pathway")
    inside = {i for x, y in spans for i in range(x, y)}
    inside |= {i for i, w in enumerate(ev.a.words) if w in lexicon.WAY_NOUNS and i - 1 in ev.title_positions}  # "… for the glucose meter coordinator track": the way, named after the title
    stems = ev.a.word_stems
    return {stems[i] for i in inside} - {st for i, st in enumerate(stems) if i not in inside}


def _only_describing_the_job(ev: Evidence, role: str) -> set[str]:
    """Stems said only in a clause describing the job sought ("how do i become the person who
    helps owners sell their pharmacy"): what the job does, which every step of its way is about,
    not what the member likes (what they say of themselves still counts)."""
    if {i for i in ev.role_where.get(role, frozenset()) - ev.describing_the_goal if ev.a.words[i] not in lexicon.ROLE_HEADS}:
        return set()  # "ECMO circuit coordinator path please. I want to be the one who investigates …": the job named, the clause what they want to do (a job noun alone, "the pharmacist who reviews deaths", names none)
    stems = ev.a.word_stems
    inside = ev.describing_the_goal - ev.said_of_self
    return {stems[i] for i in inside} - {st for i, st in enumerate(stems) if i not in inside}


def _how_it_was_earned(ev: Evidence) -> set[str]:
    """"I already hold CHHMR from a course my agency paid for", "my PGY2 earned CPOM during a prior
    management job": the words after a held certification, to the end of its clause, say where it
    was earned, not what comes first now (what the member likes, though, still counts)."""
    a = ev.a
    liked = _liked(ev)
    out: set[str] = set()
    for code in ev.held:
        pos = a.code_pos.get(code)
        if pos is None:
            continue
        k = pos + 1
        while k < len(a.words) and a.sentence_of[k] == a.sentence_of[pos] and a.words[k] not in _CLAUSE_ENDS:
            if k not in liked:
                out.add(a.word_stems[k])
            k += 1
    return out


def _beside_step(ev: Evidence, ix: Index) -> tuple[str, str, str, str] | None:
    """"whats after CEHRB", "the cert right before CSCIN": (the code, "after" or "before", the
    step beside it, whose pathway), the pathway being the named role's if it has the code, else
    the first that does."""
    words = ev.a.words
    if len(ev.codes) != 1 or ev.held or len(ev.a.codes) > 1 or any(words[k : k + 2] in (("is", "there"), ("are", "there")) for k in range(len(words))):
        return None  # ("is there an advanced level after CPEX": what no page says)
    if not lexicon.REST_WORDS.isdisjoint(words):
        return None  # "what else is on the path after that": the rest of the pathway
    code = ev.codes[0]
    at = ev.a.code_pos.get(code)
    if at is None:
        return None
    i = at - 1
    while i >= 0 and words[i] in lexicon.BESIDE_FILLERS:
        i -= 1
    word = words[i] if i >= 0 else ""
    step = 1 if word in lexicon.AFTER_WORDS else -1 if word in lexicon.BEFORE_WORDS else 0
    if not step:
        return None  # (checked before the pathways are searched: most questions with a code stop here)
    having = [r for r in ix.knowledge.roles.values() if code in {s.certification for s in r.pathway}]
    fits = best_of([r.id for r in having], ev.a, ix, set(ix.cert_names[code]) | _BESIDE_WORDS) if len(having) > 1 and ev.subject_role is None else None  # "the cert right before CPSCM on the returns path": the pathway of the role the words fit
    role = next((r for r in having if r.id == (ev.subject_role or fits)), having[0] if having else None)
    if role is None:
        return None
    path = [s.certification for s in role.pathway]
    beside = path.index(code) + step
    return (code, "after" if step > 0 else "before", path[beside], role.id) if 0 <= beside < len(path) else None


def step_beside(ev: Evidence, ix: Index) -> Match | None:
    """"whats after CEHRB", "what cert comes before CSOA": the step beside a named one, as its pathway orders them."""
    found = _beside_step(ev, ix)
    if found is None:
        return None
    code, where, beside, role = found
    return Match("certification", certifications=(beside,), confidence=CONF_CERT_NAMED, why=f"the step {where} {code} on the {role} pathway")


_OF_A_PATH = frozenset({"the", "their", "its", "his", "her", "that"})
_ADVICE = frozenset({"need", "needs", "should", "would", "d", "take", "get", "recommend", "suggest"})
_STEP_WORDS = frozenset({"step", "one"}) | {w for w in lexicon.CERT_NOUNS if not w.endswith("s")}


def step_place(ev: Evidence) -> int | None:
    """"whats the first cert on their path", "the 2nd step of the IDS pharmacist path", "step 3
    of it": the place of one step on a pathway (1-based; -1 the last), not an order asked for."""
    words = ev.a.words
    for i, w in enumerate(words[:-1]):
        n = lexicon.ORDINALS.get(w)
        if n and i and words[i - 1] in _OF_A_PATH and words[i + 1] in _STEP_WORDS:
            return n
        opening = n and all(x in lexicon.LEAD_FILLERS or x == "and" for x in words[:i])
        if opening and words[i + 1] in _ON_A_PATH:
            return n  # "2nd on that path?", "and the third of the buyer's": opening the message, the step's place
        after = next((k for k in range(i + 1, len(words)) if words[k] not in _STEP_WORDS), len(words))
        if opening and after > i + 1 and words[after : after + 1] in (("on",), ("of",)):
            return n  # "first cert on the pill swallowing coordinator path?"
        if w == "step" and words[i + 1].isdigit() and 0 < int(words[i + 1]) < 10:
            return int(words[i + 1])
        j = next((k for k in range(i + 1, len(words)) if words[k] not in _STEP_WORDS), len(words)) if w in _STEP_WORDS and w != "one" else i
        if i < j < len(words) - 1 and words[j].isdigit() and 0 < int(words[j]) < 10 and words[j + 1] in _ON_A_PATH:
            return int(words[j])  # "cert 2 on the app one"
        if n and _step_of_a_title(ev, i):
            return n
    return None


def _step_of_a_title(ev: Evidence, i: int) -> bool:
    """"the surplus coordinator's first step", "the pathogens one's first cert": an ordinal and
    "step" (or one certification) right after a role's title."""
    nxt = ev.a.words[i + 1 : i + 2]
    if not (i > 0 and i - 1 in ev.title_positions and nxt):
        return False
    start = i - 1
    while start - 1 in ev.title_positions:
        start -= 1
    one_cert = nxt[0] in lexicon.CERT_NOUNS and not nxt[0].endswith("s") and ev.a.words[i] in lexicon.ORDINALS
    return nxt[0] == "step" or (one_cert and ev.a.words[start - 1 : start] == ("the",) and ev.a.sentence_of[start] == ev.a.sentence_of[i])  # ("… want IDS mgr, 1st cert?": which first, for them)


def _step_on_a_title(ev: Evidence) -> bool:
    """"whats step 2 on the strategy lead", "the third step of the RT liaison": a step's place,
    then "on"/"of" and a role's title (no path noun needed)."""
    words = ev.a.words
    for i, w in enumerate(words[:-1]):
        placed = (w == "step" and words[i + 1].isdigit()) or (w in lexicon.ORDINALS and words[i + 1] in _STEP_WORDS)
        j = i + 2
        if placed and j < len(words) and words[j] in ("on", "of"):  # (not "for": "whats the first step (for the …)" asks where to start)
            k = j + 1 + (words[j + 1 : j + 2] == ("the",))
            if k in ev.title_positions:
                return True
    return False


def nth_step(ev: Evidence, ix: Index) -> Match | None:
    """"Whats the first cert on the IDS pharmacist path": that one step's card. Said with a path
    noun and a named role, and with nothing the member holds or likes (then "first" is advice)."""
    if set(ev.codes) - set(ev.held) or ev.certs_plural or (lexicon.PATH_NOUNS.isdisjoint(ev.a.words) and not any(_step_of_a_title(ev, i) for i in range(len(ev.a.words))) and not _step_on_a_title(ev)) or not (ev.subject_named or ev.subject_relaxed):
        return None
    if ev.hits.keys() & {"likes", "self_describe", "suits", "for_someone", "ref_self"} or ev.said_of_self or not _ADVICE.isdisjoint(ev.a.words):
        return None  # ("… the first cert she'd need on that path": advice, the pathway for her; "… for someone who loves teaching")
    n = step_place(ev)
    role = ix.knowledge.roles.get(ev.subject_role or "")
    if n is None or role is None or not role.pathway or n > len(role.pathway):
        return None
    code = role.pathway[n - 1 if n > 0 else -1].certification
    if ev.held and (n != 1 or code in ev.held):
        return None  # ("I have CMSO, what's the second step on …": where they are, the pathway without it)
    place = n if n > 0 else len(role.pathway)
    return Match("certification", role=role.id, certifications=(code,), confidence=CONF_CERT_NAMED, shape="step", detail=str(place), why=f"step {place} of the {role.id} pathway is {code}")


def shared_certs(ev: Evidence, ix: Index) -> Match | None:
    """"Torn between 340B manager and ops director: which cert helps for both?": the card of the
    certifications both pathways have; "do their paths overlap": both pathways, what they share first."""
    if not (ev.cert_seek or not lexicon.PATH_NOUNS.isdisjoint(ev.a.words) or _in_common(ev)) or ev.codes:
        return None  # (or "do the ops director and delivery manager paths overlap")
    found = _shared_pair(ev, ix)
    if found is None:
        return None
    shared = ix.knowledge.roles[found[0]].shared_with(ix.knowledge.roles[found[1]])
    pair = (found[1], found[0]) if min(ev.role_where.get(found[1]) or [len(ev.a.words)]) < min(ev.role_where.get(found[0]) or [len(ev.a.words)]) else found  # shown as the member wrote them
    if not shared:  # "do those two share any cert": "none", and both pathways (an answer, not a refusal)
        both = tuple(dict.fromkeys(s.certification for r in pair for s in ix.knowledge.roles[r].pathway))
        return Match("pathway", role=pair[0], also=(pair[1],), certifications=both, confidence=CONF_CERT_SHARED, reason="nothing_shared", why=f"no certification on both pathways of {pair[0]} and {pair[1]}")
    titles = set(ev.title_stems(ix)) | {t for _, r in ev.roles[:2] for t in ix.role_titles[r]}
    ranked = tuple(rank_certs(shared, ev.a, ix, exclude=titles))
    if "cert_seek" in ev.hits:  # "which cert do they have in common": that certification's card
        return Match("certification", certifications=ranked, confidence=CONF_CERT_SHARED, why=f"certifications on both pathways: {', '.join(shared)}")
    rest = tuple(dict.fromkeys(s.certification for r in pair for s in ix.knowledge.roles[r].pathway if s.certification not in shared))
    return Match("pathway", role=pair[0], also=(pair[1],), certifications=ranked + rest, confidence=CONF_CERT_SHARED, reason="in_common", why=f"certifications on both pathways: {', '.join(shared)}")


_ON_A_PATH = frozenset({"on", "of", "in"})  # "2nd on the ops director path"
_PLURAL_PATHS = frozenset({"paths", "pathways"})
# the words of "the cert right before X on the … path" that say nothing about which pathway
_BESIDE_WORDS = frozenset(stem(w) for w in lexicon.AFTER_WORDS | lexicon.BEFORE_WORDS | lexicon.BESIDE_FILLERS | lexicon.CERT_NOUNS | lexicon.PATH_NOUNS)
_FIRST_SAID = lexicon.FIRST_WORDS | {"1st"}  # "which cert 1st": an order asked
_DIFFERENCE = frozenset({"vs", "versus", "difference", "differ", "differs", "different", "comparison", "diff", "compare", "compared"})  # a contrast that asks how two differ, not which fits
_JOB_HEADS = lexicon.ROLE_HEADS | lexicon.LEAD_HEADS | lexicon.ROLE_NOUNS
_WEIGHING_STEMS = frozenset(stem(w) for w in lexicon.WEIGHING_WORDS | {"between"})  # "torn between …": no role's topic


def _overlap_asked(ev: Evidence, ix: Index) -> bool:
    """"does the ops director path overlap with the career ladder manager one": what two named
    pathways share (shared_certs), not the first one's pathway."""
    said = (ev.cue("both") or "").split()
    return bool(said) and (said[0].startswith("overlap") or not _SHARING.isdisjoint(said)) and _shared_pair(ev, ix) is not None


_SHARING = frozenset({"share", "shares", "common", "shared"})


def _in_common(ev: Evidence) -> bool:
    """"what do they have in common?" of two roles, no part of a page asked: their pathways, the
    one thing the pages give of both."""
    said = {w for x, y in lexicon.cue("both").spans(ev.a.words) for w in ev.a.words[x : y + 1]} if "both" in ev.hits else set()  # ("anything they both share?": each phrase of it and the word it leads to)
    return not {"common", "share", "shared"}.isdisjoint(said) and not (ev.section_cue or "weak_overview" in ev.hits or ("overview" in ev.hits and ev.cue("overview") != ev.cue("contrast")))


def _shared_pair(ev: Evidence, ix: Index) -> tuple[str, str] | None:
    """The two roles whose pathways are asked about together ("which certs do both … have")."""
    named, where = ev.named_roles, ev.role_where
    if len(named) == 1 and ev.role_best == named[0]:
        named = (named[0], *ev.named_apart(named[0])[:1])  # "which cert do the ops director and the nuclear manager share": the other half named
    if len(named) < 2 or not (ev.cue("both") or (not _PLURAL_PATHS.isdisjoint(ev.a.words) and "which" not in ev.a.words and not ev.hits.keys() & {"suits", "ref_choice"})):
        return None  # ("show me the paths for X and Y": both pathways too)
    second = next((r for r in named[1:] if where.get(r) != where.get(named[0])), None)
    return (named[0], second) if second is not None else None


def named_certification(ev: Evidence, ix: Index) -> Match | None:
    """A certification named by code, alias or name: its card (several: most relevant first)."""
    if not ev.codes or ev.role_asked_about_text:
        return None
    if not ev.a.codes and ev.subject_relaxed and ev.certs_plural:
        return None  # "central fill mgr certs?": the role's certifications, though a certification's name shares its words
    if set(ev.codes) <= set(ev.held) and ev.subject_named and (ev.section_cue or _asked_cue(ev, "weak_overview")):
        return None  # "i have CMSO, what does the ops director do": what they hold is told, the role is asked
    compare = len(set(ev.codes) - set(ev.held)) >= 2 and ("contrast" in ev.hits or "or" in ev.a.words or "ref_choice" in ev.hits)
    asked = [c for c in ev.codes if c not in ev.held] or list(ev.codes)  # "I already hold CPOM … what is CPWDE": CPWDE's card
    exclude = ev.title_stems(ix) if ev.subject_named else frozenset()
    holder = _role_holding(ev, ix)
    if holder is not None:  # "what job uses CPAFC and CBIPA": the one role whose pathway has them all
        codes = list(dict.fromkeys(ev.codes))
        if len(codes) == 1:  # "which job is CPWCS on": that pathway as its page orders it, the step asked about marked
            t = tailor(holder, ev.a, ix, held=ev.held, exclude=set(ix.role_titles.get(holder, ())))
            return replace(_pathway(holder, t, CONF_CERT_NAMED, f"the one role whose pathway has {codes[0]}"), certifications=tuple(c for c in (s.certification for s in ix.knowledge.roles[holder].pathway) if c not in ev.held), focus=codes[0], focus_words=())
        t = tailor(holder, ev.a, ix, restrict=codes, held=ev.held, exclude=set(ix.role_titles.get(holder, ())))
        return _pathway(holder, t, CONF_CERT_NAMED, f"the one role whose pathway has {', '.join(ev.codes)}")
    picked = _picked_by_order(ev)
    if picked is not None:  # "it lists CSIPL and CPTME, i get the first one but what's the second": the one asked, by its place
        return Match("certification", certifications=(picked, *(c for c in dict.fromkeys(ev.codes) if c != picked)), confidence=CONF_CERT_CODE, why=f"{picked}: asked by its place among {', '.join(ev.codes)}")
    chosen = _chosen_cert(ev, ix, exclude) if compare and ("ref_choice" in ev.hits or "which" in ev.a.words) else None
    if chosen:  # "CHPOP or CIDSP, which is more for research pharmacy": the one whose text (or whose role's page) says it
        rest = tuple(c for c in dict.fromkeys(ev.codes) if c != chosen)  # (the other stays in view: "and the other one?")
        return Match("certification", certifications=(chosen, *rest), confidence=CONF_CERT_CODE, why=f"a choice between {', '.join(ev.codes)}: {chosen}")
    ranked = (compare_certs if compare else rank_certs)(asked, ev.a, ix, exclude=exclude)  # "cmso or cdps, which is more about diversion": no role named, "diversion" is the topic
    return Match(
        "certification",
        certifications=tuple(ranked),
        confidence=CONF_CERT_CODE if ev.a.codes else CONF_CERT_NAMED,
        held=ev.held,
        shape="compare" if compare else "opinion" if "judgement" in ev.hits else "",
        why=f"named: {', '.join(ev.codes)}" + (" (compared)" if compare else ""),
    )


_FIELD_STEMS = frozenset(stem(w) for w in lexicon.FIELD_WORDS)
_ASKING_OPENERS = frozenset({"what", "whats", "explain", "describe", "about"})


def _picked_by_order(ev: Evidence) -> str | None:
    """Two or more codes typed, then one asked for by its place among them ("… lists CSIPL and
    CPTME, i get the first one but what's the second"): that code."""
    a = ev.a
    typed = sorted(a.code_pos.items(), key=lambda kv: kv[1])
    if len(typed) < 2:
        return None
    last = typed[-1][1]
    for i in range(last + 2, len(a.words)):
        pos = lexicon.ORDINALS.get(a.words[i])
        rest = a.words[i + 1 :]
        if pos is None or a.words[i - 1] != "the" or not (rest == () or rest in (("one",), ("one", "is"))) or _ASKING_OPENERS.isdisjoint(a.words[max(last + 1, i - 4) : i - 1]):
            continue
        if 0 < pos <= len(typed) or pos == -1:
            return typed[pos - 1 if pos > 0 else -1][0]
    return None


_HAVING = lexicon.HAVING_VERBS


def _role_holding(ev: Evidence, ix: Index) -> str | None:
    """"what job uses both", "which role needs CPAFC and CBIPA", "who'd need both", "which job is
    CPWCS on": one job asked for, and exactly one role whose pathway has every code named."""
    words = ev.a.words
    codes = tuple(dict.fromkeys(ev.codes))
    if not codes or ev.held or ev.role_named:
        return None
    one_role = any(w in ("which", "what") and i + 1 < len(words) and words[i + 1] in lexicon.ROLE_NOUNS and not words[i + 1].endswith("s") for i, w in enumerate(words))
    one_having = any(words[i : i + 2] in (("which", "one"), ("what", "one")) and i + 2 < len(words) and words[i + 2] in _HAVING for i in range(len(words)))  # "and which one uses CIMPM and CMSO"
    one_having = one_having or any(w == "which" and words[i + 1 : i + 2] and words[i + 1] in _HAVING for i, w in enumerate(words))  # "and which uses CPOM and CCGLP?"
    one_role = one_role or (len(codes) >= 2 and any(w == "same" and words[i + 1 : i + 2] and words[i + 1].rstrip("s") in lexicon.ROLE_NOUNS for i, w in enumerate(words)))  # "are both on the same role's path"
    one_role = one_role or ("role_exists" in ev.hits and any(w in lexicon.ROLE_NOUNS and not w.endswith("s") and not _HAVING.isdisjoint(words[i + 1 : i + 3]) for i, w in enumerate(words)))  # "is there a job that uses both of those"
    who_has = any(w in ("who", "whod", "who'd") and (i == 0 or words[i - 1] in ("and", "so", "ok", "but")) and not _HAVING.isdisjoint(words[i + 1 : i + 3]) for i, w in enumerate(words))  # "who'd need both" (not "for someone who needs …")
    ident = (ev.cue("identity") or "").split()
    asks_what = bool(ident) and not (len(ident) > 1 and ident[1] in lexicon.ROLE_NOUNS)  # ("what job is CPWCS on" reads as "what … is": the job asked, not the card)
    if not (one_role or ((who_has or one_having) and len(codes) >= 2)) or (len(codes) == 1 and asks_what):
        return None  # ("which one uses CPWCS": one of those in view; "who needs CDSM", "whats CSPL and which job is it for": its card, which says)
    return role_from_certs(codes, ix)  # "which job is CPWCS on": the one role whose pathway has it


def _chosen_cert(ev: Evidence, ix: Index, exclude: frozenset[str]) -> str | None:
    """Of two certifications named, the one the question's words fit clearly better: by their
    own texts, else by the pages of the roles that have one and not the other."""
    codes = list(dict.fromkeys(c for c in ev.codes if c not in ev.held))
    if len(codes) != 2:
        return None
    steps: set[str] = set()
    if ev.subject_named and ev.subject_role:  # "which of CCCTS or CPSCM would an ops director need": the one on that role's pathway
        steps = {s.certification for s in ix.knowledge.roles[ev.subject_role].pathway}
        on = [c for c in codes if c in steps]
        if len(on) == 1:
            return on[0]
    titled = sorted(ev.role_where.get(ev.subject_role or "") or ())
    named_as_one = bool(titled) and titled[-1] + 1 < len(ev.a.words) and (ev.a.words[titled[-1] + 1] == "one" or ev.a.words[titled[-1] + 1] in lexicon.CERT_NOUNS)  # "… the month-end close cert": a certification called by the role's words
    both_on = bool(steps) and all(c in steps for c in codes) and named_as_one
    scored = scored_certs(codes, ev.a, ix, set(exclude | _FIELD_STEMS), keep_zero=True)  # ("pharmacy" is every certification's field, no choice between two)
    if both_on and scored[0][1] == 0:
        scored = scored_certs(codes, ev.a, ix, set(_FIELD_STEMS), keep_zero=True)  # "CDEVR vs CPFCA, which is the month-end close cert": both on that role's path, and nothing else asked: its title's words are the topic
    if scored[0][1] > 0 and scored[0][1] >= CHOICE_LEAD * scored[1][1]:
        return scored[0][0]
    return _by_their_roles(codes, ev, ix, exclude)


def _by_their_roles(codes: list[str], ev: Evidence, ix: Index, exclude: frozenset[str] | set[str]) -> str | None:
    """Of two certifications whose texts fit alike, the one held only by the role whose page
    fits the question clearly better ("a cert for the code cart and emergency kit stuff")."""
    own = {c: {r.id for r in ix.knowledge.roles_with_certification(c)} for c in codes}
    only = {c: own[c] - own[other] for c, other in zip(codes, reversed(codes))}
    if not all(only.values()):
        return None
    role = best_of(sorted(only[codes[0]] | only[codes[1]]), ev.a, ix, set(exclude) | {s for c in codes for s in ix.cert_names[c]})
    return next((c for c in codes if role in only[c]), None)


def cert_by_topic(ev: Evidence, ix: Index) -> Match | None:
    """"Which cert covers X": the certification whose text says X; certifications *for a role* are its pathway."""
    if not ev.cert_seek or _asks_the_card(ev):
        return None
    if (field := ev.cue("outside_field")) and not ev.codes and not ev.role_named:  # "thinking of leaving pharmacy for nursing, what certs do nurses need": another field's
        return refuse("off_topic", CONF_REFUSE, why=f"certifications of a field outside pharmacy: {field!r}")
    if not ev.codes and ev.pathway_cue and "responsibilities" in ev.hits and not (ev.subject_named or ev.subject_relaxed) and (job := unknown_role(ev, ix)) is not None and job.reason == "unknown_role" and job.detail:
        return None  # "Chief pharmacy officer: responsibilities and cert pathway?": a job no page is about (unknown_role), not the certification whose name shares a word
    if "role_exists" in ev.hits and not ev.codes and not ev.subject_named and (field := _field_no_page_writes(ev, ix)):  # "is there a role for graduates in pharmaceutical sales, and what cert would it require"
        return refuse("unknown_role", CONF_UNKNOWN_ROLE, detail=field, why=f"a role in {field!r} is asked, words no page writes")
    title_stems = set(ev.title_stems(ix))
    rid = ev.subject_role
    plural = ev.certs_plural
    topic = [(c, sc) for c, sc in certs_by_topic(ev.a, ix, exclude=title_stems) if c not in ev.set_aside]  # "besides CMSO, any cert for diversion"
    if ev.subject_named and rid and not plural:  # "is there a cert for <role> about X": among that role's certifications
        own = {s.certification for s in ix.knowledge.roles[rid].pathway}
        topic = [(c, sc) for c, sc in topic if c in own]
    relaxed = ev.subject_relaxed and not ev.subject_named and rid is not None
    if relaxed and not plural and rid:  # "is there a cert for training techs", "… for hazardous drug handling": the words are the title's, so are its certifications
        own = {s.certification for s in ix.knowledge.roles[rid].pathway}
        whole = [(c, sc) for c, sc in certs_by_topic(ev.a, ix, exclude=set()) if c in own and c not in ev.set_aside]
        if whole and (not topic or whole[0][1] > topic[0][1]):
            topic = whole
    scores = ", ".join(f"{c} {s:.1f}" for c, s in topic[:3]) or "nothing"
    if plural and relaxed and rid:  # "what certs for training and developing techs", "certs for diversion prevention, in order"
        return _pathway(rid, tailor(rid, ev.a, ix, exclude=title_stems | _only_describing_the_job(ev, rid)), CONF_PATHWAY_WEAK, f"certifications for a partly named role {rid}")
    if plural and not ev.subject_named and ev.goal_role:  # "which certs for P&T and formulary work": that role's pathway
        return _pathway(ev.goal_role, tailor(ev.goal_role, ev.a, ix), CONF_PATHWAY, f"certifications for an area; its role {ev.goal_role}")
    order_said = _order_before_topic(ev)
    first = not lexicon.FIRST_WORDS.isdisjoint(order_said.split())  # "which cert … first", not "order sets" nor "… is about first-dose antibiotics"
    by_name = _step_by_name(ev, rid, ix) if rid and (ev.subject_named or relaxed) and not (plural or first or ev.pathway_cue or ev.codes or not lexicon.WHOLE_PATH_WORDS.isdisjoint(ev.a.words)) and (not topic or topic[0][1] < TOPIC_MIN) else None
    if by_name is not None:  # "the cert for the hazardous drug program person, what's it called": the step named like that
        return Match("certification", certifications=(by_name,), confidence=CONF_TOPIC_BASE, why=f"one certification for {rid}: {by_name}, by its name")
    picked_one = ev.subject_named and rid and not (plural or first) and any(w in lexicon.CERT_NOUNS and one_of_them(ev.a.words, i) and any(ev.a.words[k : k + 2] in (("which", "of"), ("what", "of")) for k in range(max(0, i - 10), i)) for i, w in enumerate(ev.a.words))  # ("which of its certs …", not "… director of pharmacy operations, what certs does that one need")
    fitted = (topic[0][0] if topic else tailor(rid, ev.a, ix, exclude=title_stems).focus) if picked_one and rid else None
    if fitted:  # "which of the ops director's certs is about staffing": the one of its steps the words fit best, however little (or by words of the trade related to theirs)
        return Match("certification", certifications=(fitted,), confidence=CONF_TOPIC_BASE, why=f"one of {rid}'s certifications asked for; topic: {scores}")
    if ev.subject_named and rid and (plural or first or not topic or topic[0][1] < TOPIC_MIN):  # "which cert should I say I'm working on first" for a named role: its pathway, in order
        return _pathway(rid, tailor(rid, ev.a, ix, exclude=set(title_stems) | _when_said(ev)), CONF_PATHWAY_FOR_ROLE, f"certifications for {rid}; topic: {scores}")
    owners = ix.knowledge.roles_with_certification(topic[0][0]) if topic and topic[0][1] >= TOPIC_MIN else ()
    in_order = not (lexicon.FIRST_WORDS | {"order"}).isdisjoint(order_said.split())  # "which first", "the cert order" (not "… before I take over")
    if len(owners) == 1 and ev.pathway_cue and (in_order or plural) and not ev.codes and not ev.subject_named:
        # "… want to run the whole hospital-to-home program. which cert first": the certifications
        # in order are a pathway, and the one role whose pathway has the best topic match is the goal
        rid = owners[0].id
        return _pathway(rid, tailor(rid, ev.a, ix), CONF_PATHWAY_WEAK, f"an order of certifications asked; {topic[0][0]} (topic {scores}) is on {rid}'s pathway only")
    form = _asked_cue(ev, "eligibility") or ev.cue("property")
    said = [stem(w) for w in (form or "").split() if w not in lexicon.STOPWORDS and w not in lexicon.RESTRICTION_WORDS]
    if form and topic and said and all(st in ix.cert_coverage(topic[0][0]) for st in said):
        form = None  # "which credential proves u know the 340b eligibility rules": a topic its text has
    if form and _example_of_the_topic(ev, "eligibility" if _asked_cue(ev, "eligibility") else "property"):
        form = None  # "which certification is about record retention, like how long you keep old prescriptions": the topic's example
    if form and topic and topic[0][1] >= TOPIC_MIN and not plural and not ev.pathway_cue:
        # "do you have to be a pharmacist to sit for the discharge counseling credential", "which is
        # harder to pass, the cert for … or the … one": the certification is found, what is asked of it no page gives
        m = refuse("missing_fact", CONF_MISSING_FACT, detail=f'"{form}"', why=f"{'eligibility' if 'eligibility' in ev.hits else 'property'} question {form!r} about {topic[0][0]} (topic {scores})")
        return replace(m, certifications=(topic[0][0],))
    if topic and topic[0][1] >= TOPIC_MIN:
        top = topic[0][1]
        conf = CONF_TOPIC_BASE + CONF_TOPIC_SPREAD * (1 - (topic[1][1] / top if len(topic) > 1 else 0))
        close = [c for c, s in topic if s >= TOPIC_CLOSE * top][:3]
        if len(topic) > 1 and topic[1][1] >= TOPIC_TIE * top:  # a tie on their texts: the pages of the roles that hold one and not the other
            chosen = _by_their_roles([topic[0][0], topic[1][0]], ev, ix, title_stems | _FIELD_STEMS)
            close = sorted(close, key=lambda c: c != chosen) if chosen else close
        return Match("certification", certifications=tuple(close), confidence=round(conf, 3), why=f"topic scores: {scores} (min {TOPIC_MIN})")
    if ev.subject_relaxed and rid:
        return _pathway(rid, tailor(rid, ev.a, ix, exclude=title_stems), CONF_PATHWAY_WEAK, f"partly named role {rid}; topic: {scores}")
    duty_role, by_duty = certs_by_duty(ev.a, ix, exclude=title_stems) if not topic and not plural else ("", [])
    by_duty = [(c, sc) for c, sc in by_duty if c not in ev.set_aside]
    if by_duty and (len(by_duty) == 1 or by_duty[1][1] < DUTY_LEAD * by_duty[0][1]):
        shown = ", ".join(f"{c} {s:.1f}" for c, s in by_duty[:3])
        return Match("certification", certifications=(by_duty[0][0],), confidence=CONF_TOPIC_BASE, why=f"no certification's text says it; a duty of {duty_role} does, and its certifications share: {shown}")
    near = _by_related_words(ev, ix, title_stems) if not topic and not plural else None
    if near is not None:  # "which cert is about teaching": no text says "teaching", one says "instructor" and "lesson plans"
        return Match("certification", certifications=(near[0],), confidence=CONF_TOPIC_BASE * CONF_RELAXED_FACTOR, why=f"no certification's text says it; words of the trade related to it do: {near[1]}")
    return refuse("off_topic", CONF_OFF_TOPIC_SEEK, why=f"looking for a certification, topic: {scores}")


_TOPIC_AFTER = lexicon.TOPIC_LEADS - {"on", "for", "around"}  # (not "which cert on the ops path first")


def _order_before_topic(ev: Evidence) -> str:
    """The ordering words said before the topic a certification is sought by ("which cert … is
    about keeping the first-dose antibiotics stocked": none), or ""."""
    words = ev.a.words
    noun = next((i for i, w in enumerate(words) if w in lexicon.CERT_NOUNS), None)
    lead = next((i for i, w in enumerate(words) if noun is not None and i > noun and w in _TOPIC_AFTER), len(words))
    return " ".join(" ".join(words[x:y]) for x, y in lexicon.cue("ordering").spans(words) if x < lead) if "ordering" in ev.hits else ""


def _by_related_words(ev: Evidence, ix: Index, exclude: set[str]) -> tuple[str, str] | None:
    """The one certification whose text has words of the trade related to every word the question
    asks about (``related`` in words.yaml), when no text has the words themselves; nothing for an
    order, a fact asked of it, or a word with no relation ("epic willow")."""
    if ev.pathway_cue or "ordering" in ev.hits or ev.hits.keys() & {"eligibility", "property", "judgement"} or any(k.startswith("missing_") for k in ev.hits) or ev.a.negated:
        return None
    asked = [st for w, st in zip(ev.a.words, ev.a.word_stems) if w not in lexicon.STOPWORDS and w not in lexicon.CERT_NOUNS and st not in cue_stems() and st not in exclude and ix.weight(st) >= DISTINCTIVE]
    related = [related_stems((st,), ix.cert_postings) for st in dict.fromkeys(asked)]
    if not asked or not all(related):
        return None
    near = [(c, sc) for c, sc in certs_by_topic(replace(ev.a, stems=tuple(r for rs in related for r in rs)), ix, exclude=exclude) if c not in ev.set_aside]
    if near and near[0][1] >= TOPIC_MIN * RELATED_WEIGHT and (len(near) == 1 or near[1][1] < TOPIC_TIE * near[0][1]):
        return near[0][0], f"{near[0][0]} {near[0][1]:.1f}"
    return None


def _step_by_name(ev: Evidence, rid: str, ix: Index) -> str | None:
    """"The cert for the hazardous drug program person", "that prison pharmacy cert": one step of
    the role's pathway, the one whose name shares the most of the member's words (first the words
    that do not name the role), when no other step's name shares as many."""
    a = ev.a
    steps = [s.certification for s in ix.knowledge.roles[rid].pathway]
    names = {c: {stem(w) for w in ix.expand(words_of(ix.knowledge.certifications[c].name))} for c in steps}
    usable = [i for i, w in enumerate(a.words) if w not in lexicon.STOPWORDS and w not in lexicon.CERT_NOUNS and w not in lexicon.ROLE_HEADS and w not in lexicon.FIELD_WORDS]
    naming = {k for i in ev.role_where.get(rid, frozenset()) for k in a.typed_group(i)}  # ("jails" read "jails correctional")
    before = _words_before_cert_noun(a)
    if before:  # "… look into the harm reduction coordinator cert before i graduate …": the words that name it, whatever the story says
        said = {a.word_stems[i] for i in before}
        shared = sorted(((len(names[c] & said), c) for c in steps), reverse=True)
        if shared and shared[0][0] >= 2 and (len(shared) == 1 or shared[1][0] < shared[0][0]):
            return shared[0][1]
    outside = [i for i in usable if i not in naming]
    told = {a.word_stems[i] for i in outside if english.count(a.words[i]) < EVERYDAY_WORD} - cue_stems() - {stem(w) for w in lexicon.PERSON_NOUNS}
    told |= {w for i, w in enumerate(a.words) if w in lexicon.TOPIC_NOUNS and i not in naming}
    for positions in ([outside, usable] if not told else [outside]):  # the title's own words, when nothing else is said ("that spill stuff" is a topic no name has)
        said = {a.word_stems[i] for i in positions}
        shared = sorted(((len(names[c] & said), c) for c in steps), reverse=True)
        if shared and shared[0][0]:
            return shared[0][1] if len(shared) == 1 or shared[1][0] < shared[0][0] else None
    return None


def _words_before_cert_noun(a: Analysis) -> list[int]:
    """The words right before a certification noun ("the harm reduction coordinator cert"): up to
    four, back to a small word."""
    for k, w in enumerate(a.words):
        if w in lexicon.CERT_NOUNS and k:
            j = k
            while j > 0 and k - j < 4 and a.words[j - 1] not in lexicon.STOPWORDS and a.words[j - 1] not in lexicon.CERT_NOUNS and a.sentence_of[j - 1] == a.sentence_of[k]:
                j -= 1
            if j < k:
                return list(range(j, k))
    return []


def role_section(ev: Evidence, ix: Index) -> Match | None:
    """A named (or described) role: the part of its page the question is about."""
    rid = ev.subject_role
    if rid is None:
        return None
    person = "weak_overview" in ev.hits and (bool(ev.role_nouns) or not lexicon.PERSON_NOUNS.isdisjoint(ev.a.words) or "ref_one_kind" in ev.hits)  # "what does the OR pharmacy satellite guy do", "the cold chain one, what do they do"
    relaxed_section = ev.subject_relaxed and (person or any(k in ev.hits for k in ("day", "responsibilities", "overview")))
    if not (ev.subject_named or relaxed_section):
        return None
    asked_of_it = any(x not in ev.describing for name in ("weak_overview", "overview", "identity", "role_name") for x, _ in lexicon.cue(name).spans(ev.a.words))
    describing = {ev.a.word_stems[i] for i in ev.describing} if ev.described and not ev.asks_who and asked_of_it else set()  # "the job where you compare the payment schedule …, what do they do": what described it picks no part of its page
    section, conf = section_for(rid, ev.a, ev.hits, ix, set(ev.title_stems(ix)) | describing, duty_asked=bool(ev.described) and ev.asks_who)
    if (ev.described or not ev.role_named or "role_name" in ev.hits) and ev.hits.keys() & {"suits", "role_exists", "role_name"} and not any(_asked_in_question(ev, cue) for cue in ("day", "responsibilities")):
        section = "overview"  # "which role fits that background", "is there a job built around …", "… what is this role called": the role itself, not where the words are on its page
    elif (ev.described or (ev.cue("role_name") or "").split()[-1:] in (["called"], ["named"], ["title"]) or ("role_name" in ev.hits and not ev.a.questioned)) and _asked_after_the_telling(ev):  # (or its name asked: "… recalculating creatinine clearance. what is that job called")
        section = "overview"  # "the pharmacist who counts … after lunch and then places the weekly order, what's that job": the day told describes; the role itself is asked
    how = "described by its duties" if ev.described else f"title score {ev.subject_score:.2f}"
    return Match("role", role=rid, section=section, confidence=round(conf * (1.0 if ev.subject_named else CONF_RELAXED_FACTOR), 3), why=f"role {rid} ({how})")


def _asked_after_the_telling(ev: Evidence) -> bool:
    """What the role is ("what's that job", "is that its own job") is asked after every word of
    the day or the duties, which only described it."""
    words = ev.a.words
    asks = [x for cue in ("identity", "role_exists", "role_name") if cue in ev.hits for x, _ in lexicon.cue(cue).spans(words)]
    told = [y for cue in ("day", "responsibilities") if cue in ev.hits for _, y in lexicon.cue(cue).spans(words)]
    later = [x for cue in ("day", "responsibilities") if cue in ev.hits for x, _ in lexicon.cue(cue).spans(words) if asks and x >= min(asks)]
    if asks and not later and any(w in lexicon.ROLE_NOUNS and words[i - 1] in _WHOSE_JOB for i, w in enumerate(words[min(asks) :], min(asks)) if i):
        return True  # "… went room to room looking at the IV bags. whats that role", "what's her job": the one described, asked for itself
    return bool(asks) and bool(told) and max(told) <= min(asks) and any(w in lexicon.ROLE_NOUNS or w in ("that", "this") for w in words[min(asks) :])


_WHOSE_JOB = frozenset({"that", "this", "her", "his", "their", "whose"})


def _asked_in_question(ev: Evidence, cue: str) -> bool:
    """The cue is found in a sentence that asks ("all day i work the reject queue. is there a job
    title for what i do": the day is told, not asked)."""
    return cue in ev.hits and any(ev.a.asks(i) for x, y in lexicon.cue(cue).spans(ev.a.words) for i in range(x, y))


def unknown_role(ev: Evidence, ix: Index) -> Match | None:
    """A job the knowledge has no spotlight for ("nuclear pharmacist"), or a bare "manager" that fits
    several; a job phrase that fits one title only, with a part of the day or the duties asked
    ("contracts manager day to day?"), is that role."""
    words = ev.a.words
    said = ev.a.said
    mine = not_asked_jobs(ev.a)  # "I'm a nurse, …", "8 yrs retail pharmacist", "my tech wants …", "a tech program"
    heads = [i for i, w in enumerate(words) if w in lexicon.ROLE_HEADS and i not in mine]
    heads = heads or [i for i, w in enumerate(words) if lexicon.head_noun(w) and i not in mine]  # ("the nicu supervisors day": one's, typed without its apostrophe, when no job is named singly)
    if not heads:
        if not _pathway_asked(ev):
            return None
        field = _field_goal(ev, ix)
        if field is not None:  # "how to get into flight transport pharmacy": the one page that writes "flight", whose title has the rest
            rid, word = field
            return _pathway(rid, tailor(rid, ev.a, ix, held=ev.held, exclude=set(ix.role_titles[rid])), CONF_PATHWAY * CONF_RELAXED_FACTOR, f"{word!r} is on the page of {rid} only")
        return refuse("unknown_role", CONF_UNKNOWN_ROLE)
    i = heads[-1]
    j = i
    asked_part = {k for cue in ("day", "responsibilities") if cue in ev.hits for x, y in lexicon.cue(cue).spans(words) for k in range(x, y) if y <= i}  # ("day in the life memory care consultant": the part asked, no word of the job)
    while j > 0 and words[j - 1] not in lexicon.STOPWORDS and i - j < 3 and ev.a.sentence_of[j - 1] == ev.a.sentence_of[i] and j - 1 not in asked_part:
        j -= 1
    stems = ev.a.word_stems
    # a title that fits has a stem written where the head word is (see in_title): only those are read
    near = {stems[m] for m in range(max(0, i - 2), min(len(stems), i + 3)) if ev.a.said[m] == ev.a.said[i]}
    candidates = {rid for st in near for rid in ix.title_postings.get(st, ())}
    of_what = [k for k in range(i + 2, min(i + 4, len(words))) if words[i + 1 : i + 2] == ("of",) and words[k] not in lexicon.STOPWORDS and ev.a.sentence_of[k] == ev.a.sentence_of[i] and all(w not in lexicon.STOPWORDS for w in words[i + 2 : k])]  # "a Director of Nursing": what the job is of belongs to it too
    fits = [rid for rid in sorted(candidates, key=ix.role_order.__getitem__) if all(in_title(k, ev.a, stems, set(ix.role_titles[rid])) or _clipped_title_word(words[k], ix.role_titles[rid]) for k in (*range(j, i + 1), *of_what))]
    plain_ask = j < i and not (ev.hits.keys() & {"property", "judgement", "eligibility", "rumour"} or any(k.startswith("missing_") for k in ev.hits))
    asks_what = plain_ask and ("identity" in ev.hits or (ev.cue("weak_overview") or "").endswith(" do"))
    if len(fits) == 1 and not _pathway_asked(ev) and (ev.section_cue or asks_what):  # "contracts manager day to day?", "rx transfer center supervisor, what is that", "what does the rehab pharmacy coordinator do": the one title the words fit, the part asked
        if (missing := _missing_fact(ev, ix, fits[0])) is not None:
            return missing
        section, conf = section_for(fits[0], ev.a, ev.hits, ix, set(ix.role_titles[fits[0]]))
        return Match("role", role=fits[0], section=section, confidence=round(conf * CONF_RELAXED_FACTOR, 3), why=f"{' '.join(words[j:i + 1])!r} fits one title")
    if len(fits) == 1 and _pathway_asked(ev) and j < i:  # "how do i become a drug device combo coordinator": the one title its words fit, one clipped (not "… from driver to pharmacist": the trade itself)
        rid = fits[0]
        return _pathway(rid, tailor(rid, ev.a, ix, held=ev.held, exclude=set(ix.role_titles[rid]) | set(stems[j : i + 1])), CONF_PATHWAY * CONF_RELAXED_FACTOR, f"{' '.join(words[j:i + 1])!r} fits one title")
    if fits:
        return refuse("ambiguous", CONF_AMBIGUOUS, alternatives=tuple(("role", r) for r in fits[:5]), why=f"{' '.join(words[j:i + 1])!r} fits {len(fits)} title{'s' if len(fits) > 1 else ''}")
    by_page = named_by_its_page(ev.a, ix, j, i, last_resort=True) or (named_by_its_topic(ev.a, ix, j, i) if words[i] in PHARMACIST_NOUNS else None)  # ("the CAR-T pharmacist": named by the subject of the work, not "a clinical research coordinator", another job)
    if by_page is not None:  # "the psych pharmacy manager": the one page that writes "psych…", whose title has the rest; "the CAR-T pharmacist": the one page about CAR-T
        rid, word = by_page
        if _pathway_asked(ev) or (_wished(words, j) and ("ordering" in ev.hits or ev.cert_seek)):  # ("want the orphan drug manager job, what's first")
            named_by = set(ix.role_titles[rid]) | set(stems[j : i + 1])  # (the words that named the job say nothing of the member: "a hazmat shipping coordinator")
            return _pathway(rid, tailor(rid, ev.a, ix, held=ev.held, exclude=named_by), CONF_PATHWAY * CONF_RELAXED_FACTOR, f"{word!r} is on the page of {rid} only")
        if (missing := _missing_fact(ev, ix, rid)) is not None:
            return missing
        if _questioned(ev, "judgement"):  # "are DOT pharmacy coordinator jobs basically disappearing?": no page judges a job
            return replace(refuse("missing_fact", CONF_MISSING_FACT, detail=f'"{ev.cue("judgement")}"', why=f"a judgement asked of {rid}, found by {word!r}"), role=rid)
        section, conf = section_for(rid, ev.a, ev.hits, ix, set(ix.role_titles[rid]))
        return Match("role", role=rid, section=section, confidence=round(conf * CONF_RELAXED_FACTOR, 3), why=f"{word!r} is on the page of {rid} only")
    typed = " ".join(dict.fromkeys(said[j : i + 1] + (said[i + 1 : max(of_what) + 1] if of_what else ())))  # as the member wrote it, not as synonyms read it
    return refuse("unknown_role", CONF_UNKNOWN_ROLE, detail=typed, why=f"job phrase {typed!r} matches no title")


def _clipped_title_word(word: str, title: tuple[str, ...] | list[str] | frozenset[str]) -> bool:
    """A title word shortened its own way ("combo" for combination, "recon" for reconciliation):
    the first CLIPPED_SHARED letters of a longer title word."""
    return len(word) >= CLIPPED_SHARED and any(len(t) > len(word) and t[:CLIPPED_SHARED] == word[:CLIPPED_SHARED] for t in title)


def _wished(words: tuple[str, ...], start: int) -> bool:
    """A wish word right before the job phrase starting at ``start`` ("want the … manager job")."""
    k = start - 1
    while k >= 0 and words[k] in lexicon.WISH_FILLERS:
        k -= 1
    return k >= 0 and words[k] in lexicon.WISH_WORDS




def _field_goal(ev: Evidence, ix: Index) -> tuple[str, str] | None:
    """The words right after a pathway cue name a field, no job ("get into flight transport
    pharmacy"): the role whose title has them but one, which only its page writes."""
    a = ev.a
    for _, y in lexicon.cue("pathway").spans(a.words):
        end = y
        while end < len(a.words) and end - y < 4 and a.words[end] not in lexicon.STOPWORDS and a.sentence_of[end] == a.sentence_of[y]:
            end += 1
        if end - y >= 2 and a.words[end - 1] in lexicon.FIELD_WORDS:
            found = named_by_its_page(a, ix, y, end - 1, last_resort=True)
            if found is not None:
                return found
    return None


def _field_no_page_writes(ev: Evidence, ix: Index) -> str:
    """The field after "in"/"into" near a role noun ("a role … in pharmaceutical sales") when none
    of its words is one the knowledge uses; "" otherwise."""
    a = ev.a
    for i, w in enumerate(a.words):
        if w not in ("in", "into") or lexicon.ROLE_NOUNS.isdisjoint(a.words[max(0, i - 6) : i]):
            continue
        end = i + 1
        while end < len(a.words) and a.sentence_of[end] == a.sentence_of[i] and a.words[end] not in lexicon.STOPWORDS and a.words[end].isalpha():
            end += 1
        said = range(i + 1, end)
        if said and all(a.word_stems[k] not in ix.postings and a.words[k] not in ix.known_words for k in said):
            return " ".join(a.said[k] for k in said)
    return ""


def off_topic(ev: Evidence, ix: Index) -> Match | None:
    """Nothing the knowledge holds: an honest "I can't answer that"."""
    return refuse("off_topic", CONF_OFF_TOPIC)


def _pathway(role: str, t: Tailored, confidence: float, why: str) -> Match:
    focus = f"; {t.focus} first for {', '.join(t.focus_words)}" if t.focus else ""
    later = f"; {', '.join(t.later)} later for {', '.join(t.later_words)}" if t.later else ""
    return Match("pathway", role=role, certifications=t.order, confidence=confidence, held=t.held, focus=t.focus, focus_words=t.focus_words, later=t.later, later_words=t.later_words, why=why + focus + later)


STAGES: tuple[Stage, ...] = tuple(
    Stage(f.__name__, f)
    for f in (
        empty,
        language,
        injection,
        task_request,
        clinical,
        taught,
        faq,
        small_talk,
        missing_fact,
        unanswerable,
        besides,
        ambiguous_title,
        unknown_cert,
        code_typo,
        follow_up,
        listing,
        learned_intent,
        path_length,
        role_contrast,
        step_beside,
        nth_step,
        pathway,
        shared_certs,
        named_certification,
        cert_by_topic,
        role_section,
        unknown_role,
        off_topic,
    )
)
