"""Decide what a question asks (intent) and about what (role, certifications, section).

Safety first (empty, prompt injection, clinical), then moderator FAQ entries, then the
knowledge entities. Each rule reads general signals from ``analyze`` and scores computed
from the knowledge text, so new roles and certifications work without code changes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bot.engine import lexicon
from bot.engine.analyze import CODE_MARK, Analysis, analyze, held_codes
from bot.engine.index import SECTIONS, Index
from bot.engine.normalize import stem
from bot.engine.tailor import Tailored, rank_certs, tailor

ROLE_MENTION = 0.5  # share of a title's weight the question must name
ROLE_RELAXED = 0.3  # enough when the question's form already says "role" or "pathway"
FAQ_MIN = 0.72  # F1 of weighted word overlap with one of the entry's phrasings
TOPIC_MIN = 1.2  # summed weight of distinctive words shared with a certification's text
WHO_MIN = 3.0
TOPIC_CANDIDATES = 40  # certifications ranked in full for a "which cert covers X" question
ROLE_CANDIDATES = 30  # titles scored in full per question, best raw overlap first


@dataclass(frozen=True)
class Match:
    intent: str
    role: str | None = None
    certifications: tuple[str, ...] = ()
    section: str | None = None
    faq: str | None = None
    confidence: float = 0.0
    reason: str = ""  # why "none": empty, injection, clinical, missing_fact, unknown_cert, unknown_role, ambiguous, off_topic
    detail: str = ""  # the facet, unknown code or unknown role phrase behind a "none"
    alternatives: tuple[tuple[str, str], ...] = ()  # ("role"|"cert", id) did-you-mean candidates
    held: tuple[str, ...] = ()
    focus: str | None = None
    focus_words: tuple[str, ...] = ()


_CUE_STEMS: frozenset[str] | None = None


def cue_stems() -> frozenset[str]:
    """Stems of the words that say *how* something is asked; never topical evidence."""
    global _CUE_STEMS
    if _CUE_STEMS is None:
        from bot.engine.index import _plain_words

        patterns = (lexicon.HELP_PATTERNS, lexicon.LIST_PATTERNS, lexicon.PATHWAY_PATTERNS, lexicon.CERT_SEEK_PATTERNS, *lexicon.SECTION_PATTERNS.values())
        words = {w for rx in patterns for w in _plain_words(rx.pattern)} | lexicon.CERT_NOUNS | lexicon.ROLE_NOUNS | {
            "first", "order", "next", "realistic", "advice", "suggest", "recommend", "look", "like", "step", "line", "council",
            "wise", "which", "long", "term", "career", "love", "thing", "aiming", "become", "becoming", "want", "trying", "move",
            "specifically", "worth", "deal", "again", "forgot", "rundown", "summary", "slide", "cover", "covers", "involve",
        }
        _CUE_STEMS = frozenset(stem(w) for w in words)
    return _CUE_STEMS


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
        precision, recall = inter / qw, inter / ix.faq_weights[i]
        score = 2 * precision * recall / (precision + recall)
        if best is None or score > best[1]:
            best = (ix.faq_phrasings[i][0], score)
    return best


def role_scores(a: Analysis, ix: Index) -> tuple[list[tuple[float, str]], dict[str, set[int]]]:
    """Roles the question names, best first (weighted share of each title it contains), and
    the word positions that name each of them."""
    q = a.stem_set - a.negated
    stems = [stem(w) for w in a.words]
    matched: dict[str, float] = defaultdict(float)
    for s in q:
        w = ix.weight(s)
        for rid in ix.title_postings.get(s, ()):
            matched[rid] += w
    raw = sorted(((m / ix.title_weights[rid], rid) for rid, m in matched.items()), reverse=True)
    scores: dict[str, float] = {}
    where: dict[str, set[int]] = {}
    for score, rid in raw[:ROLE_CANDIDATES]:
        if score < 0.1:
            break
        title = set(ix.role_titles[rid])
        if _other_head(a, stems, title, ix.title_heads[rid]) or _foreign_modifier(a, stems, title, ix.title_heads[rid]):
            score *= 0.4  # "pharmacy operations manager" is not "Director of Pharmacy Operations", nor "nuclear pharmacist" a "Medication Safety Pharmacist"
        scores[rid] = score
        where[rid] = {i for i, st in enumerate(stems) if st in title and st not in a.negated}
    for i, n, (kind, rid) in alias_hits(a, ix):
        if kind == "role" and not (i and a.words[i - 1] in lexicon.NEGATIONS):
            scores[rid] = 1.0
            where.setdefault(rid, set()).update(range(i, i + n))
    return sorted(((v, k) for k, v in scores.items()), reverse=True), where


def _other_head(a: Analysis, stems: list[str], title: set[str], heads: frozenset[str]) -> bool:
    """The question names a job (title words + a head noun) whose head is not this title's."""
    for i, w in enumerate(a.words):
        if i and w in lexicon.ROLE_HEADS and not _in_title(i, a, stems, set(heads)) and stems[i - 1] in title:
            return True
    return False


def _foreign_modifier(a: Analysis, stems: list[str], title: set[str], heads: frozenset[str]) -> bool:
    """Every mention of this title's head noun is qualified by words the title does not have."""
    spots = [i for i, st in enumerate(stems) if st in heads and a.words[i] in lexicon.ROLE_HEADS]
    if not spots:
        return False
    for i in spots:
        j, mods = i - 1, []
        while j >= 0 and i - j <= 3 and a.words[j] not in lexicon.STOPWORDS and a.words[j] != CODE_MARK and stems[j] not in cue_stems():
            mods.append(j)
            j -= 1
        if all(_in_title(k, a, stems, title) or a.words[k] in lexicon.GENERIC_MODIFIERS for k in mods):
            return False
    return True


def _in_title(k: int, a: Analysis, stems: list[str], title: set[str]) -> bool:
    """Word k, or the synonym it was expanded with ("ops" -> "operations"), is in the title."""
    return any(stems[m] in title for m in range(max(0, k - 2), min(len(stems), k + 3)) if a.said[m] == a.said[k])


def alias_hits(a: Analysis, ix: Index) -> list[tuple[int, int, tuple[str, str]]]:
    """Every alias, title or certification name written out in the question: (start, length, target)."""
    if a.alias_hits is None:
        hits = []
        words = a.words
        for i, w in enumerate(words):
            for n in ix.alias_lengths.get(w, ()):
                hit = ix.aliases.get(tuple(words[i : i + n]))
                if hit:
                    hits.append((i, n, hit))
        hits.sort(key=lambda h: -h[1])
        a.alias_hits = hits
    return a.alias_hits


def alias_certs(a: Analysis, ix: Index) -> list[str]:
    return list(dict.fromkeys(ident for _, n, (kind, ident) in alias_hits(a, ix) if kind == "cert" and n > 1))


def named_certs(a: Analysis, ix: Index, role_where: dict[str, set[int]]) -> list[str]:
    """Certifications whose full name the question writes out ("the high alert medication
    specialist one"). When the same words are a role's title ("medication safety officer"),
    they name the role, unless a certification word sits right beside them."""
    stems = [stem(w) for w in a.words]
    present = set(stems) - a.negated
    hits: dict[str, int] = defaultdict(int)
    for st in present:
        for code in ix.name_postings.get(st, ()):
            hits[code] += 1
    found: list[str] = []
    for code, n in hits.items():
        name = ix.cert_names[code]
        if n < len(name) or len(name) < 2:
            continue
        spots = [i for i, st in enumerate(stems) if st in name and st not in a.negated]
        window = _tightest(spots, stems, set(name))
        if window is None:
            continue
        lo, hi = window
        beside = {a.words[i] for i in (lo - 1, hi + 1) if 0 <= i < len(a.words)}
        covered = any(set(range(lo, hi + 1)) & w and {i for i in range(lo, hi + 1) if stems[i] in name} <= w for w in role_where.values() if w)
        if covered and not beside & lexicon.CERT_NOUNS:
            continue
        found.append(code)
    return found


def _tightest(spots: list[int], stems: list[str], name: set[str]) -> tuple[int, int] | None:
    """The shortest run of words holding every name word, if it is about as long as the name."""
    best: tuple[int, int] | None = None
    for lo in spots:
        need = set(name)
        for hi in (i for i in spots if i >= lo):
            need.discard(stems[hi])
            if not need:
                if hi - lo + 1 <= len(name) + 1 and (best is None or hi - lo < best[1] - best[0]):
                    best = (lo, hi)
                break
    return best


def section_for(role: str, a: Analysis, ix: Index, exclude: set[str]) -> tuple[str, float]:
    """Explicit wording ("day to day", "responsibilities") first, then a responsibility or day
    entry named in full, then overview wording, then the best-matching passage. A section the
    role's page does not have falls back to the overview."""
    r = ix.knowledge.roles[role]
    present = {"overview": True, "responsibilities": bool(r.responsibilities), "day_in_the_life": bool(r.day_in_the_life)}
    for section in ("day_in_the_life", "responsibilities"):
        if lexicon.SECTION_PATTERNS[section].search(a.text):
            return (section, 0.9) if present[section] else ("overview", 0.5)
    q = [s for s in a.stems if s not in exclude and s not in cue_stems()]
    qset = set(q)
    best, best_score = "overview", 0.0
    for i in ix.role_passages.get(role, ()):
        p = ix.passages[i]
        if p.section not in SECTIONS:
            continue
        name = p.name_stems
        if len(name) >= 2 and name <= qset | exclude:
            return p.section, 0.9
        score = passage_score(q, p, ix)
        if score > best_score:
            best, best_score = p.section, score
    if lexicon.SECTION_PATTERNS["overview"].search(a.text) or best_score < 1.5:
        return "overview", 0.6
    if lexicon.WEAK_OVERVIEW.search(a.text) and best_score < 2.5:
        return "overview", 0.6
    return best, min(0.9, 0.5 + best_score / 10)


def passage_score(q: list[str], p, ix: Index) -> float:
    qs = set(q)
    score = sum(ix.weight(s) for s in qs & p.stems)
    score += sum(0.5 * (ix.weight(x) + ix.weight(y)) for x, y in zip(q, q[1:]) if (x, y) in p.bigrams)
    return score


def content_role(a: Analysis, ix: Index) -> tuple[str, str, float] | None:
    """The role and section whose passage best matches the question's content words."""
    q = [s for s in a.stems if s not in cue_stems()]
    seen: set[int] = set()
    best: tuple[str, str, float] | None = None
    for s in set(q):
        if ix.weight(s) < 0.8:
            continue
        for i in ix.postings.get(s, ()):
            if i in seen:
                continue
            seen.add(i)
            p = ix.passages[i]
            if p.role is None or p.section not in SECTIONS:
                continue
            score = passage_score(q, p, ix)
            if best is None or score > best[2]:
                best = (p.role, p.section, score)
    return best


def match(question: str, ix: Index) -> Match:
    a = analyze(question, ix)
    if not any(any(c.isalpha() for c in w) for w in a.words):
        return _none("empty", 0.95)
    if lexicon.INJECTION_PATTERNS.search(a.text):
        return _none("injection", 0.95)
    roles, role_where = role_scores(a, ix)
    cert_nouns = [w for w in a.words if w in lexicon.CERT_NOUNS]
    codes = a.codes + [c for c in alias_certs(a, ix) + named_certs(a, ix, role_where) if c not in a.codes]
    career_framed = bool(codes or cert_nouns or (roles and roles[0][0] >= ROLE_MENTION) or lexicon.CERT_SEEK_PATTERNS.search(a.text))
    if _is_clinical(a, ix, career_framed):
        return _none("clinical", 0.9)
    faq = _faq(a, ix)
    if faq and faq[1] >= FAQ_MIN:
        return Match("faq", faq=faq[0], confidence=round(min(1.0, faq[1]), 3))

    pathway_cue = bool(lexicon.PATHWAY_PATTERNS.search(a.text)) or a.arrow
    roles = _pick_roles(roles, role_where, a, prefer_last=pathway_cue)
    role_best, role_score = (roles[0][1], roles[0][0]) if roles else (None, 0.0)
    second = roles[1][0] if len(roles) > 1 else 0.0
    held = held_codes(a)
    content_words = [w for w in a.words if w not in lexicon.STOPWORDS and w not in lexicon.GREETINGS]

    if not codes and role_score < ROLE_MENTION:
        if lexicon.HELP_PATTERNS.search(a.text) or (not content_words and any(w in lexicon.GREETINGS for w in a.words)):
            return Match("help", confidence=0.9)

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
    if a.unknown_codes and not codes and not asks_who and not (role_named and (pathway_cue or section_cue or contrast)):
        near = tuple(dict.fromkeys(("cert", c) for u in a.unknown_codes for c in ix.near_codes(u.lower())))
        return _none("unknown_cert", 0.85, detail=", ".join(a.unknown_codes), alternatives=near[:3])
    if not codes and not role_named:
        typo = [w for w in a.words if 3 <= len(w) <= 7 and w.isalnum() and w not in ix.known_words and ix.near_codes(w)]
        if typo:  # "cpsm": one edit from CPSCM, too far to take as it
            near = tuple(dict.fromkeys(("cert", c) for w in typo for c in ix.near_codes(w)))
            return _none("unknown_cert", 0.6, detail=typo[0].upper(), alternatives=near[:3])
    if not codes and not role_named and not role_relaxed:
        class_words = lexicon.CERT_NOUNS | lexicon.ROLE_NOUNS | {"list", "council", "all"}
        listing = lexicon.LIST_PATTERNS.search(a.text) or all(w in class_words for w in content_words)
        if listing and cert_nouns and not role_nouns:
            return Match("list_certifications", confidence=0.85)
        if listing and role_nouns:
            return Match("list_roles", confidence=0.85)

    pathway_cue = pathway_cue or bool(held and "next" in a.words)
    cert_seek = bool(lexicon.CERT_SEEK_PATTERNS.search(a.text)) or bool(cert_nouns)
    title_stems = set(ix.role_titles.get(role_best, ())) if role_best and (role_named or role_relaxed) else set()

    if role_named and contrast and not codes:
        both = len([r for r, w in role_where.items() if w and w != role_where.get(role_best) and dict((x, y) for y, x in roles).get(r, 0) >= ROLE_MENTION * 0.5]) > 0
        section, conf = ("overview", 0.8) if both else section_for(role_best, a, ix, title_stems)
        return Match("role", role=role_best, section=section, confidence=round(conf, 3))
    if pathway_cue:
        only_candidate = role_score > 0.15 and second == 0.0  # "pivot into operations leadership"
        role = role_best if (role_named or role_relaxed or only_candidate) else _role_from_certs(held or codes, ix)
        if role:
            t = tailor(role, a, ix, restrict=[c for c in codes if c not in held], held=held, exclude=title_stems)
            conf = 0.9 if role_named else 0.7
            return _pathway(role, t, conf)
        if not codes and not cert_seek:
            return _unknown_role(a, ix)
    if codes:
        ranked = rank_certs(codes, a, ix, exclude=title_stems)
        return Match("certification", certifications=tuple(ranked), confidence=0.95 if a.codes else 0.85, held=tuple(held))
    if cert_seek:
        plural = any(w.endswith("s") for w in cert_nouns)
        known = [st for st in a.stems if st in ix.cert_postings and st not in cue_stems() and st not in title_stems]
        distinctive = [st for st in known if ix.weight(st) >= 1.0] or known
        overlap: dict[str, float] = defaultdict(float)
        for st in set(distinctive):
            w = ix.weight(st)
            for c in ix.cert_postings[st]:
                overlap[c] += w
        candidates = sorted(overlap, key=lambda c: -overlap[c])[:TOPIC_CANDIDATES]
        topic = rank_certs(candidates, a, ix, exclude=title_stems, with_scores=True)
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
    if found and found[2] >= WHO_MIN and (asks_who or (not heads and found[2] >= 2 * WHO_MIN)):
        return Match("role", role=found[0], section=found[1], confidence=round(min(0.8, 0.4 + found[2] / 20), 3))
    if heads:
        return _unknown_role(a, ix)
    return _none("off_topic", 0.7)


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


def _pick_roles(roles: list[tuple[float, str]], where: dict[str, set[int]], a: Analysis, prefer_last: bool) -> list[tuple[float, str]]:
    """Several roles named by different words ("supply chain mgr vs ops director") are not
    ambiguous: keep the one the question is about (the goal comes last in a pathway
    question, the subject first otherwise)."""
    named = [(s, r) for s, r in roles if s >= ROLE_MENTION and where.get(r)]
    if len(named) < 2:
        return roles
    a_id, b_id = named[0][1], named[1][1]
    if where[a_id] <= where[b_id] or where[b_id] <= where[a_id]:
        return roles  # the same words fit both titles: genuinely ambiguous
    pick = max if prefer_last else min
    chosen = pick((r for _, r in named), key=lambda r: pick(where[r]))
    score = dict((r, s) for s, r in roles)[chosen]
    return [(max(score, 1.0), chosen)] + [(s * 0.5, r) for s, r in roles if r != chosen]


def _role_from_certs(codes: list[str], ix: Index) -> str | None:
    """The one role whose pathway has all these certifications, if there is exactly one."""
    if not codes:
        return None
    roles = [r.id for r in ix.knowledge.roles.values() if set(codes) <= {s.certification for s in r.pathway}]
    return roles[0] if len(roles) == 1 else None


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
