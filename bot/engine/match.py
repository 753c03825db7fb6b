"""Decide what a question asks (intent) and about what (role, certifications, section).

Safety first (empty, prompt injection, clinical), then moderator FAQ entries, then the
knowledge entities. Each rule reads general signals from ``analyze`` and scores computed
from the knowledge text, so new roles and certifications work without code changes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

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
























@dataclass
class _Ask:
    """What one question says, read once and refined as the decision goes on."""

    roles: list[tuple[float, str]]
    role_where: dict[str, set[int]]
    codes: list[str]
    cert_nouns: list[str]
    role_nouns: list[str]
    held: list[str] = field(default_factory=list)
    named_roles: list[str] = field(default_factory=list)
    role_best: str | None = None
    role_score: float = 0.0
    second: float = 0.0
    pathway_cue: bool = False
    cert_seek: bool = False
    contrast: bool = False
    section_cue: bool = False
    asks_who: bool = False

    @property
    def role_named(self) -> bool:
        return self.role_score >= ROLE_MENTION

    @property
    def role_relaxed(self) -> bool:
        return self.role_score >= ROLE_RELAXED and self.role_score >= 2 * self.second

    def title_stems(self, ix: Index) -> set[str]:
        return set(ix.role_titles.get(self.role_best, ())) if self.role_best and (self.role_named or self.role_relaxed) else set()


def match(question: str, ix: Index) -> Match:
    """The decision, in order: refusals that need no knowledge, clinical safety, moderator FAQ
    entries, greetings, facts the pages lack, then the knowledge entities."""
    a = analyze(question, ix)
    if not any(any(c.isalpha() for c in w) for w in a.words):
        return _none("empty", 0.95)
    if lexicon.INJECTION_PATTERNS.search(a.text):
        return _none("injection", 0.95)
    if lexicon.TASK_REQUEST.search(a.text):
        return _none("off_topic", 0.9)  # "write my cover letter": not a question about the knowledge
    q = _read(a, ix)
    if _is_clinical(a, ix, _career_framed(a, q)):
        return _none("clinical", 0.9)
    faq = _faq(a, ix)
    if faq and faq[1] >= FAQ_MIN:
        return Match("faq", faq=faq[0], confidence=round(min(1.0, faq[1]), 3))
    return _small_talk(a, q) or _missing_fact(a, ix, q) or _unclear(a, ix, q) or _answer(a, ix, q)


def _read(a: Analysis, ix: Index) -> _Ask:
    roles, where = role_scores(a, ix)
    cert_nouns = [w for w in a.words if w in lexicon.CERT_NOUNS]
    codes = a.codes + [c for c in alias_certs(a, ix) + named_certs(a, ix, where) if c not in a.codes]
    q = _Ask(roles, where, codes, cert_nouns, [w for w in a.words if w in lexicon.ROLE_NOUNS])
    in_titles = {i for sc, r in roles if sc >= ROLE_RELAXED for i in where.get(r, ())}
    # "Long-Term Care Consultant", "Transitions of Care": title words are not "long term" goals or cues
    a.cue_text = " ".join("_" if i in in_titles else w for i, w in enumerate(a.words))
    q.pathway_cue = bool(lexicon.PATHWAY_PATTERNS.search(a.cue_text)) or a.arrow
    q.named_roles = [r for sc, r in roles if sc >= ROLE_MENTION]
    q.roles = pick_roles(roles, where, a, prefer_last=q.pathway_cue)
    q.role_best, q.role_score = (q.roles[0][1], q.roles[0][0]) if q.roles else (None, 0.0)
    q.second = q.roles[1][0] if len(q.roles) > 1 else 0.0
    if not q.role_named and q.role_relaxed and names_this_job(a, ix, q.role_best):
        q.role_score = ROLE_MENTION  # "the ED mgr": part of the title with its job noun names the role
    q.held = held_codes(a)
    q.asks_who = "who" in a.words or "whose" in a.words
    q.section_cue = any(p.search(a.cue_text) for k, p in lexicon.SECTION_PATTERNS.items() if k != "overview")
    q.contrast = bool(lexicon.CONTRAST_PATTERNS.search(a.text))
    q.cert_seek = bool(lexicon.CERT_SEEK_PATTERNS.search(a.text)) or bool(cert_nouns)
    return q


def _career_framed(a: Analysis, q: _Ask) -> bool:
    """Asked as a career question: drug or disease words alone do not make it clinical
    ("who prepares the blinded doses in a trial" asks about a job)."""
    return bool(q.codes or q.cert_nouns or (q.roles and q.roles[0][0] >= ROLE_MENTION) or lexicon.CERT_SEEK_PATTERNS.search(a.text) or "who" in a.words or q.section_cue)


def _content_words(a: Analysis) -> list[str]:
    return [w for w in a.words if w not in lexicon.STOPWORDS and w not in lexicon.GREETINGS]


def _small_talk(a: Analysis, q: _Ask) -> Match | None:
    """Greetings and "what can you do" (help); a thank-you (a friendly word, nothing to learn)."""
    if q.codes or q.role_score >= ROLE_MENTION:
        return None
    bare = [w for w in _content_words(a) if w not in lexicon.HELP_WORDS]
    if lexicon.HELP_PATTERNS.search(a.text) or (not bare and any(w in lexicon.GREETINGS or w in lexicon.HELP_WORDS for w in a.words)):
        return Match("help", confidence=0.9)
    if all(w in lexicon.GRATITUDE or w in lexicon.STOPWORDS or w in lexicon.GREETINGS for w in a.words) and any(w in lexicon.GRATITUDE for w in a.words):
        return _none("thanks", 0.9)
    return None


def _missing_fact(a: Analysis, ix: Index, q: _Ask) -> Match | None:
    """Fees, salaries, exam dates …: asked for, and nowhere in the knowledge."""
    facet = next((label for label, rx in lexicon.FACETS if _missing(rx, a, ix)), None)
    if not facet:
        return None
    about = q.codes or ([q.role_best] if q.role_named else [])
    return _none("missing_fact", 0.85, detail=facet + (f" for {', '.join(about)}" if about else ""))


def _unclear(a: Analysis, ix: Index, q: _Ask) -> Match | None:
    """Ask back or refuse rather than guess: a title that fits several roles, a code we do not
    know, a follow-up to an earlier message; also the list questions. Finds described roles."""
    if q.named_roles and lexicon.BESIDES.search(a.text) and q.role_nouns and not q.codes:
        return Match("list_roles", confidence=0.8)  # "which career paths are there besides ops director"
    if q.role_named and q.role_score < 1.0:
        # "director" alone fits every Director of …: ask instead of guessing
        same = [r for s, r in q.roles if s >= ROLE_RELAXED and q.role_where.get(r) == q.role_where.get(q.role_best)]
        if len(same) > 1 or q.second >= q.role_score - 0.05:
            rivals = same if len(same) > 1 else [r for s, r in q.roles if s >= q.role_score - 0.05]
            return _none("ambiguous", 0.5, alternatives=tuple(("role", r) for r in rivals[:5]))
    cert_question = q.cert_seek and not q.pathway_cue  # "cert for someone who designs tech training": about a certification
    if not q.role_named and not q.codes and not cert_question:
        described = _described_role(a, ix, q.asks_who, q.role_nouns, q.pathway_cue)
        if described:  # "the person in charge of the residents", "the DEA compliance job"
            q.role_best, q.role_score = described, 1.0
    if a.unknown_codes and not q.codes and not q.asks_who and not (q.role_named and (q.pathway_cue or q.section_cue or q.contrast)):
        variant = any(u.split("-")[0].lower() in ix.codes for u in a.unknown_codes)  # "CMSO-A" is not CMSO
        variant = variant or _named_as_cert(a)  # "CHC certification for …": the unknown code is the subject
        topical = not variant and q.cert_seek and (certs_by_topic(a, ix, exclude=set()) or [("", 0.0)])[0][1] >= 2 * TOPIC_MIN
        if not topical:  # "is BCPS worth it" is about BCPS; "cert for contract pharmacy / TPA stuff" is not
            near = tuple(dict.fromkeys(("cert", c) for u in a.unknown_codes for c in ix.near_codes(u.lower())))
            return _none("unknown_cert", 0.85, detail=", ".join(a.unknown_codes), alternatives=near[:3])
    if q.codes or q.role_named:
        return None
    typo = [w for w in a.words if 3 <= len(w) <= 7 and w.isalnum() and w not in ix.known_words and ix.near_codes(w)]
    if typo:  # "cpsm": one edit from CPSCM, too far to take as it
        near = tuple(dict.fromkeys(("cert", c) for w in typo for c in ix.near_codes(w)))
        return _none("unknown_cert", 0.6, detail=typo[0].upper(), alternatives=near[:3])
    if q.role_relaxed:
        return None
    if lexicon.FOLLOW_UP.search(a.text) and not _says_what(a, ix):
        return _none("needs_context", 0.8)  # "and which certs would I need for it?": I keep no conversation
    content_words = _content_words(a)
    class_words = lexicon.CERT_NOUNS | lexicon.ROLE_NOUNS | {"list", "council", "all"}
    listing = lexicon.LIST_PATTERNS.search(a.text) or all(w in class_words for w in content_words)
    if listing and q.cert_nouns and not q.role_nouns:
        return Match("list_certifications", confidence=0.85)
    if listing and q.role_nouns:
        return Match("list_roles", confidence=0.85)
    return None


def _answer(a: Analysis, ix: Index, q: _Ask) -> Match:
    """Role, pathway or certification answers, from the strongest evidence the question gives."""
    pathway_cue = q.pathway_cue or bool(q.held and ("next" in a.words or q.role_named)) or _wants_role(a, q)
    title_stems = q.title_stems(ix)
    if q.role_named and q.contrast and not q.codes:
        scores = {r: s for s, r in q.roles}
        both = any(w and w != q.role_where.get(q.role_best) and scores.get(r, 0) >= ROLE_MENTION * 0.5 for r, w in q.role_where.items())
        section, conf = ("overview", 0.8) if both else section_for(q.role_best, a, ix, title_stems)
        return Match("role", role=q.role_best, section=section, confidence=round(conf, 3))
    if pathway_cue:
        only_candidate = q.role_score > 0.15 and q.second == 0.0  # "pivot into operations leadership"
        role = q.role_best if (q.role_named or q.role_relaxed or only_candidate) else role_from_certs(q.held or q.codes, ix)
        if role:
            exclude = set(ix.role_titles.get(role, ()))
            t = tailor(role, a, ix, restrict=[c for c in q.codes if c not in q.held], held=q.held, exclude=exclude)
            return _pathway(role, t, 0.9 if q.role_named else 0.7)
        if not q.codes and not q.cert_seek:
            return _unknown_role(a, ix)
    shared = _shared_certs(q.named_roles, q.role_where, a, ix) if q.cert_seek and not q.codes else []
    if shared:  # "torn between 340B manager and ops director: which cert helps for both?"
        ranked = rank_certs(shared, a, ix, exclude=title_stems | {t for _, r in q.roles[:2] for t in ix.role_titles[r]})
        return Match("certification", certifications=tuple(ranked), confidence=0.8)
    if q.codes:
        ranked = rank_certs(q.codes, a, ix, exclude=title_stems)
        return Match("certification", certifications=tuple(ranked), confidence=0.95 if a.codes else 0.85, held=tuple(q.held))
    if q.cert_seek:
        return _by_topic(a, ix, q, title_stems)
    if q.role_named or (q.role_relaxed and any(p.search(a.cue_text) for p in lexicon.SECTION_PATTERNS.values())):
        section, conf = section_for(q.role_best, a, ix, title_stems)
        return Match("role", role=q.role_best, section=section, confidence=round(conf * (1.0 if q.role_named else 0.8), 3))
    heads = [w for w in a.words if w in lexicon.ROLE_HEADS]
    if heads:
        return _unknown_role(a, ix)
    return _none("off_topic", 0.7)


def _by_topic(a: Analysis, ix: Index, q: _Ask, title_stems: set[str]) -> Match:
    """"Which cert covers X": the certification whose text says X; certifications *for a role*
    are that role's pathway."""
    plural = any(w.endswith("s") for w in q.cert_nouns)
    topic = certs_by_topic(a, ix, exclude=title_stems)
    if q.role_named and not plural:  # "is there a cert for <role> about X": among that role's certifications
        own = {s.certification for s in ix.knowledge.roles[q.role_best].pathway}
        topic = [(c, sc) for c, sc in topic if c in own]
    if q.role_named and (plural or not topic or topic[0][1] < TOPIC_MIN):
        return _pathway(q.role_best, tailor(q.role_best, a, ix, exclude=title_stems), 0.8)
    if topic and topic[0][1] >= TOPIC_MIN:
        top = topic[0][1]
        conf = 0.6 + 0.35 * (1 - (topic[1][1] / top if len(topic) > 1 else 0))
        close = [c for c, s in topic if s >= 0.8 * top][:3]
        return Match("certification", certifications=tuple(close), confidence=round(conf, 3))
    if q.role_relaxed:
        return _pathway(q.role_best, tailor(q.role_best, a, ix, exclude=title_stems), 0.6)
    return _none("off_topic", 0.6)


def _wants_role(a: Analysis, q: _Ask) -> bool:
    """"want biz mgr", "wanna be the ops director": a wish word right before the role's title."""
    if not q.role_named or not q.role_where.get(q.role_best):
        return False
    i = min(q.role_where[q.role_best]) - 1
    while i >= 0 and a.words[i] in ("a", "an", "the", "to", "be", "become", "that", "this"):
        i -= 1
    return i >= 0 and a.words[i] in ("want", "wants", "wanna", "wanted", "hoping", "aiming", "targeting", "eyeing")


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


def _described_role(a: Analysis, ix: Index, asks_who: bool, role_nouns: list[str], goal: bool = False) -> str | None:
    """A role the question describes instead of naming: "who prepares the blinded doses",
    "the pharmacist who looks after the study drugs", "the DEA compliance job"."""
    heads = [w for w in a.words if w in lexicon.ROLE_HEADS]
    refers = asks_who or goal or role_nouns or heads or any(w in ("person", "someone", "whoever") for w in a.words)
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
    """A facet is missing when asked for and no knowledge passage uses its words together
    (as written: "payers" in a page does not make "pay" a fact the page gives)."""
    m = rx.search(a.text)
    if not m:
        return False
    surface = [w for w in m.group(0).split() if w not in lexicon.STOPWORDS]
    if not surface or any(w not in ix.known_words for w in surface):
        return True
    words = {stem(w) for w in surface}
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
