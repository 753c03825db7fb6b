"""Decide what a question asks (intent) and about what (role, certifications, section).

Safety first (empty, prompt injection, clinical), then moderator FAQ entries, then the
knowledge entities. Each rule reads general signals from ``analyze`` and scores computed
from the knowledge text, so new roles and certifications work without code changes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bot.engine import lexicon
from bot.engine.analyze import Analysis, analyze, cue_stems, held_codes
from bot.engine.entities import ROLE_MENTION, alias_certs, certs_by_topic, named_certs, names_this_job, pick_roles, role_from_certs, role_scores
from bot.engine.index import Index
from bot.engine.normalize import stem
from bot.engine.sections import content_role, section_for
from bot.engine.tailor import Tailored, rank_certs, tailor

ROLE_RELAXED = 0.3  # enough when the question's form already says "role" or "pathway"
FAQ_MIN = 0.72  # F1 of weighted word overlap with one of the entry's phrasings
TOPIC_MIN = 1.2  # summed weight of distinctive words shared with a certification's text
WHO_MIN = 3.0  # summed weight of distinctive words a described role's page must share
DESCRIBED_MARGIN = 1.3  # ... and by how much it must beat every other role's page


@dataclass(frozen=True)
class Match:
    intent: str
    role: str | None = None
    certifications: tuple[str, ...] = ()
    section: str | None = None
    faq: str | None = None
    confidence: float = 0.0
    reason: str = ""  # why "none": thanks, empty, injection, clinical, missing_fact, unknown_cert, unknown_role, ambiguous, off_topic
    detail: str = ""  # the facet, unknown code or unknown role phrase behind a "none"
    alternatives: tuple[tuple[str, str], ...] = ()  # ("role"|"cert", id) did-you-mean candidates
    held: tuple[str, ...] = ()
    focus: str | None = None
    focus_words: tuple[str, ...] = ()




def _none(reason: str, confidence: float, detail: str = "", alternatives: tuple[tuple[str, str], ...] = ()) -> Match:
    return Match("none", confidence=confidence, reason=reason, detail=detail, alternatives=alternatives)


def _is_clinical(a: Analysis, ix: Index, career_framed: bool) -> bool:
    """Advice-seeking wording always; drug or disease words unless asked as a career question."""
    if lexicon.CLINICAL_PATTERNS.search(a.text):
        return True
    if career_framed:
        return False
    return bool(lexicon.CLINICAL_TOPICS.search(a.text)) or any(lexicon.DRUG_SUFFIX.match(w) and w not in ix.known_words for w in a.words)


def _faq(a: Analysis, ix: Index) -> tuple[str, float] | None:
    """The FAQ entry with the phrasing closest to the question (weighted F1 of shared words)."""
    q = a.stem_set
    if not q or not ix.faq_phrasings:
        return None
    qw = sum(ix.weight(s) for s in q)
    shared: dict[int, float] = defaultdict(float)
    for s in q:
        w = ix.weight(s)
        for i in ix.faq_postings.get(s, ()):
            shared[i] += w
    best: tuple[str, float] | None = None
    for i, inter in shared.items():
        phrasing = ix.faq_phrasings[i][1]
        if len(phrasing) > 1 and len(phrasing & q) < 2:
            continue  # one shared word ("bot") is not the same question
        precision, recall = inter / qw, inter / ix.faq_weights[i]
        score = 2 * precision * recall / (precision + recall)
        if best is None or score > best[1]:
            best = (ix.faq_phrasings[i][0], score)
    return best
























def match(question: str, ix: Index) -> Match:
    a = analyze(question, ix)
    if not any(any(c.isalpha() for c in w) for w in a.words):
        return _none("empty", 0.95)
    if lexicon.INJECTION_PATTERNS.search(a.text):
        return _none("injection", 0.95)
    if lexicon.TASK_REQUEST.search(a.text):
        return _none("off_topic", 0.9)  # "write my cover letter": not a question about the knowledge
    roles, role_where = role_scores(a, ix)
    cert_nouns = [w for w in a.words if w in lexicon.CERT_NOUNS]
    codes = a.codes + [c for c in alias_certs(a, ix) + named_certs(a, ix, role_where) if c not in a.codes]
    career_framed = bool(
        codes or cert_nouns or (roles and roles[0][0] >= ROLE_MENTION) or lexicon.CERT_SEEK_PATTERNS.search(a.text)
        or "who" in a.words or any(p.search(a.text) for k, p in lexicon.SECTION_PATTERNS.items() if k != "overview")
    )  # "who prepares the blinded doses in a trial" asks about a job
    if _is_clinical(a, ix, career_framed):
        return _none("clinical", 0.9)
    faq = _faq(a, ix)
    if faq and faq[1] >= FAQ_MIN:
        return Match("faq", faq=faq[0], confidence=round(min(1.0, faq[1]), 3))

    pathway_cue = bool(lexicon.PATHWAY_PATTERNS.search(a.text)) or a.arrow
    named_roles = [r for sc, r in roles if sc >= ROLE_MENTION]
    roles = pick_roles(roles, role_where, a, prefer_last=pathway_cue)
    role_best, role_score = (roles[0][1], roles[0][0]) if roles else (None, 0.0)
    second = roles[1][0] if len(roles) > 1 else 0.0
    held = held_codes(a)
    content_words = [w for w in a.words if w not in lexicon.STOPWORDS and w not in lexicon.GREETINGS]

    if not codes and role_score < ROLE_MENTION:
        bare = [w for w in content_words if w not in lexicon.HELP_WORDS]
        if lexicon.HELP_PATTERNS.search(a.text) or (not bare and any(w in lexicon.GREETINGS or w in lexicon.HELP_WORDS for w in a.words)):
            return Match("help", confidence=0.9)
        if all(w in lexicon.GRATITUDE or w in lexicon.STOPWORDS or w in lexicon.GREETINGS for w in a.words) and any(w in lexicon.GRATITUDE for w in a.words):
            return _none("thanks", 0.9)  # not a question: a friendly word back, nothing to learn

    facet = next((label for label, rx in lexicon.FACETS if _missing(rx, a, ix)), None)
    if facet:
        about = codes or ([role_best] if role_score >= ROLE_MENTION else [])
        return _none("missing_fact", 0.85, detail=facet + (f" for {', '.join(about)}" if about else ""))

    role_named = role_score >= ROLE_MENTION
    if role_named and role_score < 1.0:
        # "director" alone fits every Director of …: ask instead of guessing
        same = [r for s, r in roles if s >= ROLE_RELAXED and role_where.get(r) == role_where.get(role_best)]
        if len(same) > 1 or second >= role_score - 0.05:
            rivals = same if len(same) > 1 else [r for s, r in roles if s >= role_score - 0.05]
            return _none("ambiguous", 0.5, alternatives=tuple(("role", r) for r in rivals[:5]))
    role_relaxed = role_score >= ROLE_RELAXED and role_score >= 2 * second
    role_nouns = [w for w in a.words if w in lexicon.ROLE_NOUNS]
    asks_who = "who" in a.words or "whose" in a.words
    section_cue = any(p.search(a.text) for p in lexicon.SECTION_PATTERNS.values() if p is not lexicon.SECTION_PATTERNS["overview"])

    contrast = bool(lexicon.CONTRAST_PATTERNS.search(a.text))
    cert_seek = bool(lexicon.CERT_SEEK_PATTERNS.search(a.text)) or bool(cert_nouns)
    cert_question = cert_seek and not pathway_cue  # "cert for someone who designs tech training": about a certification
    if not role_named and not role_relaxed and not codes and not cert_question:
        described = _described_role(a, ix, asks_who, role_nouns)
        if described:  # "the person in charge of the residents", "the DEA compliance job"
            role_best, role_score, role_named = described, 1.0, True
    if a.unknown_codes and not codes and not asks_who and not (role_named and (pathway_cue or section_cue or contrast)):
        variant = any(u.split("-")[0].lower() in ix.codes for u in a.unknown_codes)  # "CMSO-A" is not CMSO
        variant = variant or _named_as_cert(a)  # "CHC certification for …": the unknown code is the subject
        topical = not variant and cert_seek and (certs_by_topic(a, ix, exclude=set()) or [("", 0.0)])[0][1] >= 2 * TOPIC_MIN
        if not topical:  # "is BCPS worth it" is about BCPS; "cert for contract pharmacy / TPA stuff" is not
            near = tuple(dict.fromkeys(("cert", c) for u in a.unknown_codes for c in ix.near_codes(u.lower())))
            return _none("unknown_cert", 0.85, detail=", ".join(a.unknown_codes), alternatives=near[:3])
    if not codes and not role_named:
        typo = [w for w in a.words if 3 <= len(w) <= 7 and w.isalnum() and w not in ix.known_words and ix.near_codes(w)]
        if typo:  # "cpsm": one edit from CPSCM, too far to take as it
            near = tuple(dict.fromkeys(("cert", c) for w in typo for c in ix.near_codes(w)))
            return _none("unknown_cert", 0.6, detail=typo[0].upper(), alternatives=near[:3])
    if not codes and not role_named and not role_relaxed and lexicon.FOLLOW_UP.search(a.text) and not _says_what(a, ix):
        return _none("needs_context", 0.8)  # "and which certs would I need for it?": I keep no conversation
    if not codes and not role_named and not role_relaxed:
        class_words = lexicon.CERT_NOUNS | lexicon.ROLE_NOUNS | {"list", "council", "all"}
        listing = lexicon.LIST_PATTERNS.search(a.text) or all(w in class_words for w in content_words)
        if listing and cert_nouns and not role_nouns:
            return Match("list_certifications", confidence=0.85)
        if listing and role_nouns:
            return Match("list_roles", confidence=0.85)

    pathway_cue = pathway_cue or bool(held and ("next" in a.words or role_named))
    title_stems = set(ix.role_titles.get(role_best, ())) if role_best and (role_named or role_relaxed) else set()

    if role_named and contrast and not codes:
        both = len([r for r, w in role_where.items() if w and w != role_where.get(role_best) and dict((x, y) for y, x in roles).get(r, 0) >= ROLE_MENTION * 0.5]) > 0
        section, conf = ("overview", 0.8) if both else section_for(role_best, a, ix, title_stems)
        return Match("role", role=role_best, section=section, confidence=round(conf, 3))
    if pathway_cue:
        only_candidate = role_score > 0.15 and second == 0.0  # "pivot into operations leadership"
        role = role_best if (role_named or role_relaxed or only_candidate) else role_from_certs(held or codes, ix)
        if role:
            exclude = set(ix.role_titles.get(role, ()))
            t = tailor(role, a, ix, restrict=[c for c in codes if c not in held], held=held, exclude=exclude)
            conf = 0.9 if role_named else 0.7
            return _pathway(role, t, conf)
        if not codes and not cert_seek:
            return _unknown_role(a, ix)
    shared = _shared_certs(named_roles, role_where, a, ix) if cert_seek and not codes else []
    if shared:  # "torn between 340B manager and ops director: which cert helps for both?"
        ranked = rank_certs(shared, a, ix, exclude=title_stems | {t for _, r in roles[:2] for t in ix.role_titles[r]})
        return Match("certification", certifications=tuple(ranked), confidence=0.8)
    if codes:
        ranked = rank_certs(codes, a, ix, exclude=title_stems)
        return Match("certification", certifications=tuple(ranked), confidence=0.95 if a.codes else 0.85, held=tuple(held))
    if cert_seek:
        plural = any(w.endswith("s") for w in cert_nouns)
        topic = certs_by_topic(a, ix, exclude=title_stems)
        if role_named and not plural:  # "is there a cert for <role> about X": among that role's certifications
            own = {s.certification for s in ix.knowledge.roles[role_best].pathway}
            topic = [(c, sc) for c, sc in topic if c in own]
        if role_named and (plural or not topic or topic[0][1] < TOPIC_MIN):
            return _pathway(role_best, tailor(role_best, a, ix, exclude=title_stems), 0.8)
        if topic and topic[0][1] >= TOPIC_MIN:
            top = topic[0][1]
            conf = 0.6 + 0.35 * (1 - (topic[1][1] / top if len(topic) > 1 else 0))
            close = [c for c, s in topic if s >= 0.8 * top][:3]
            return Match("certification", certifications=tuple(close), confidence=round(conf, 3))
        if role_relaxed:
            return _pathway(role_best, tailor(role_best, a, ix, exclude=title_stems), 0.6)
        return _none("off_topic", 0.6)
    if role_named or (role_relaxed and any(p.search(a.text) for p in lexicon.SECTION_PATTERNS.values())):
        section, conf = section_for(role_best, a, ix, title_stems)
        return Match("role", role=role_best, section=section, confidence=round(conf * (1.0 if role_named else 0.8), 3))
    found = content_role(a, ix)
    heads = [w for w in a.words if w in lexicon.ROLE_HEADS]
    if found and found[2] >= 2 * WHO_MIN and not heads and found[2] >= DESCRIBED_MARGIN * found[3]:
        return Match("role", role=found[0], section=found[1], confidence=round(min(0.8, 0.4 + found[2] / 20), 3))
    if heads:
        return _unknown_role(a, ix)
    return _none("off_topic", 0.7)


def _says_what(a: Analysis, ix: Index) -> bool:
    """The question itself carries a topic the knowledge knows (a distinctive word)."""
    cues = cue_stems()
    return any(s in ix.idf and ix.weight(s) >= 1.0 and s not in cues for s in a.stems)


def _named_as_cert(a: Analysis) -> bool:
    """An unknown code written right beside a certification word ("CHC certification", "the BCPS exam")."""
    for code in a.unknown_codes:
        low = code.lower()
        for i, w in enumerate(a.words):
            if w == low and any(a.words[j] in lexicon.CERT_NOUNS for j in (i - 1, i + 1) if 0 <= j < len(a.words)):
                return True
    return False


def _described_role(a: Analysis, ix: Index, asks_who: bool, role_nouns: list[str]) -> str | None:
    """A role the question describes instead of naming: "who prepares the blinded doses",
    "the pharmacist who looks after the study drugs", "the DEA compliance job"."""
    heads = [w for w in a.words if w in lexicon.ROLE_HEADS]
    refers = asks_who or role_nouns or heads or any(w in ("person", "someone", "whoever") for w in a.words)
    if not refers:
        return None
    found = content_role(a, ix)
    if not found:
        return None
    if asks_who:  # "who figures out pharmacist and tech coverage": job words are the objects here
        clear = found[2] >= WHO_MIN or (found[2] >= 1.5 and found[2] >= 2 * found[3])
        return found[0] if clear else None
    if found[2] < 1.5 * WHO_MIN or found[2] < DESCRIBED_MARGIN * found[3]:
        return None
    if heads and not names_this_job(a, ix, found[0]):
        return None  # "a pharmacy buyer at a wholesaler", "a retail store manager": another job
    return found[0]


def _shared_certs(named: list[str], where: dict[str, set[int]], a: Analysis, ix: Index) -> list[str]:
    """Certifications on the pathways of both roles a member is torn between, if they ask for that."""
    if len(named) < 2 or not lexicon.BOTH_PATTERNS.search(a.text):
        return []
    first, second = named[0], next((r for r in named[1:] if where.get(r) != where.get(named[0])), None)
    if second is None:
        return []
    other = {s.certification for s in ix.knowledge.roles[second].pathway}
    return [s.certification for s in ix.knowledge.roles[first].pathway if s.certification in other]


def _missing(rx, a: Analysis, ix: Index) -> bool:
    """A facet is missing when asked for and no knowledge passage uses its words together."""
    m = rx.search(a.text)
    if not m:
        return False
    words = {stem(w) for w in m.group(0).split() if w not in lexicon.STOPWORDS}
    if not words:
        return True
    postings = [set(ix.postings.get(w, ())) for w in words]
    return not set.intersection(*postings)






def _pathway(role: str, t: Tailored, confidence: float) -> Match:
    return Match(
        "pathway",
        role=role,
        certifications=t.order,
        confidence=confidence,
        held=t.held,
        focus=t.focus,
        focus_words=t.focus_words,
    )


def _unknown_role(a: Analysis, ix: Index) -> Match:
    """A job the knowledge has no spotlight for, or a bare "manager" that fits several."""
    heads = [i for i, w in enumerate(a.words) if w in lexicon.ROLE_HEADS]
    if not heads:
        return _none("unknown_role", 0.75)
    i = heads[-1]
    j = i
    while j > 0 and a.words[j - 1] not in lexicon.STOPWORDS and i - j < 3:
        j -= 1
    phrase = [stem(w) for w in a.words[j : i + 1]]
    fits = [rid for rid, title in ix.role_titles.items() if set(phrase) <= set(title)]
    if fits:
        return _none("ambiguous", 0.5, alternatives=tuple(("role", r) for r in fits[:5]))
    return _none("unknown_role", 0.75, detail=" ".join(a.words[j : i + 1]))


__all__ = ["Match", "match", "analyze"]
