"""Which part of a role's page a question is about: overview, responsibilities or a day in the life."""

from __future__ import annotations

import re
from typing import Mapping, NamedTuple

from bot.engine import english, lexicon
from bot.engine.analyze import Analysis, cue_stems
from bot.engine.index import SECTIONS, Index, Passage
from bot.engine.normalize import stem
from bot.knowledge.model import DayEntry
from bot.engine.thresholds import (
    CHOICE_LEAD,
    CHOICE_REST,
    EVENING,
    CLIPPED_MIN,
    CONF_SECTION_DEFAULT,
    CONF_SECTION_MISSING,
    CONF_SECTION_NAMED,
    CONF_SECTION_STRONG,
    CONTENT_MAX_POSTING,
    CONTENT_WORD,
    DISTINCTIVE,
    DUTY_SECTION_SHARE,
    SECTION_GENERIC,
    SECTION_SPECIFIC,
    SECTION_WEAK,
)


_ORDINAL_STEMS = frozenset(stem(w) for w in lexicon.ORDINALS)


def section_for(role: str, a: Analysis, hits: Mapping[str, str], ix: Index, exclude: set[str], duty_asked: bool = False) -> tuple[str, float]:
    """Explicit wording ("day to day", "responsibilities") first, then a responsibility or day
    entry named in full, then overview wording, then the best-matching passage. A section the
    role's page does not have falls back to the overview. ``duty_asked``: "who builds the medicine
    chest list …" asks whose duty it is, so a responsibility nearly as close as the overview wins
    (a day's moment is how the work goes, not whose it is)."""
    r = ix.knowledge.roles[role]
    present = {"overview": True, "responsibilities": bool(r.responsibilities), "day_in_the_life": bool(r.day_in_the_life)}
    order = (("day_in_the_life", "day"), ("responsibilities", "responsibilities"))
    if "day" in hits and "responsibilities" in hits and a.questioned and _only_questioned("responsibilities", a):
        day_at = lexicon.cue("day").spans(a.words)
        if day_at and not any(a.sentence_of[x] in a.questioned for x, _ in day_at):
            order = order[::-1]  # "interview for ops director in the morning. main responsibilities again?": the part asked in the question
    for section, cue in order:
        if cue in hits and not _told_aside(cue, a, hits) and not _says_who(cue, a, hits):
            return (section, CONF_SECTION_NAMED) if present[section] else ("overview", CONF_SECTION_MISSING)
    if "role_exists" in hits:
        return "overview", CONF_SECTION_DEFAULT  # "is there a job where you …": what the role is
    q = [s for s in _asked_stems(a, hits) if s not in exclude and s not in cue_stems()]
    qset = set(q)
    said = qset | exclude | (a.stem_set & _ORDINAL_STEMS)  # (a heading said in full may have an ordinal: "the First Med Pass")
    best, best_score = "overview", 0.0
    duty_score = 0.0
    for i in ix.role_passages.get(role, ()):
        p = ix.passages[i]
        if p.section not in SECTIONS:
            continue
        name = p.name_stems
        if len(name) >= 2 and _names(name, said, ix) and not name <= exclude:
            return p.section, CONF_SECTION_NAMED  # (not a heading of the title's own words: "overview of the route planning supervisor" names no "Route Planning" duty)
        score = passage_score(q, p, ix)
        if score > best_score:
            best, best_score = p.section, score
        if p.section == "responsibilities" and score > duty_score:
            duty_score = score
    if duty_asked and best in ("overview", "day_in_the_life") and duty_score >= DUTY_SECTION_SHARE * best_score:
        best, best_score = "responsibilities", duty_score
    if best_score >= SECTION_SPECIFIC:  # "the trial monitoring visit and the temperature excursion query: which job is that?"
        return best, CONF_SECTION_STRONG
    if "overview" in hits or best_score < SECTION_WEAK:
        return "overview", CONF_SECTION_DEFAULT
    if "weak_overview" in hits and best_score < SECTION_GENERIC:
        return "overview", CONF_SECTION_DEFAULT
    return best, min(CONF_SECTION_NAMED, 0.5 + best_score / 10)


def _only_questioned(cue: str, a: Analysis) -> bool:
    """Every place the cue is found lies in a sentence that ends with a question mark."""
    spans = lexicon.cue(cue).spans(a.words)
    return bool(spans) and all(a.sentence_of[x] in a.questioned for x, _ in spans)


def _told_aside(cue: str, a: Analysis, hits: Mapping[str, str]) -> bool:
    """The cue's words are only in a sentence that tells, and the one that asks, asks what the role
    is ("… the person who fights insurance denials all day. what's that role called": the day is
    told, the role is asked; but "… wants to know what an ops director's day is like. Could you
    give me a rundown?" asks for the day)."""
    if not a.asking or "overview" not in hits or "identity" not in hits:
        return False
    spans = lexicon.cue(cue).spans(a.words)
    asked = [x for name in ("overview", "identity") for x, _ in lexicon.cue(name).spans(a.words)]
    return bool(spans) and not any(a.asks(i) for x, y in spans for i in range(x, y)) and all(a.asks(x) for x in asked)


def _says_who(cue: str, a: Analysis, hits: Mapping[str, str]) -> bool:
    """The cue's words only say which person is meant, in "the person who handles …", and the
    question asks what that person does ("what does the person who handles X actually do?")."""
    if not (hits.get("weak_overview") or "").endswith(" do"):
        return False
    words = a.words
    spans = lexicon.cue(cue).spans(words)
    return bool(spans) and all(x >= 2 and words[x - 1] in ("who", "that") and words[x - 2] in _PERSONS for x, _ in spans)


_PERSONS = lexicon.PERSON_NOUNS | lexicon.ROLE_HEADS | {"one"}


def _names(name: frozenset[str] | set[str], said: set[str], ix: Index) -> bool:
    """Every word of an entry's name is said, in full or clipped ("the ethics case prep part"
    names Ethics Case Preparation; a clipped word is one no knowledge text uses)."""
    clipped = [w for w in said if len(w) >= CLIPPED_MIN and w not in ix.idf]
    return all(s in said or any(s.startswith(w) for w in clipped) for s in name)


def _asked_stems(a: Analysis, hits: Mapping[str, str]) -> tuple[str, ...]:
    """The stems that may choose a section. "What is a director of pharmacy operations? Coming
    from hospital supply chain …": the role is asked about in its own words, and what follows the
    last question (no question word in it) tells about the member, not about the section wanted.
    What comes before a question stays: "the trial monitoring visit … which job is that?". When
    the sentences that ask are told apart from those that tell ("thinking between ops director and
    compounding supervisor long term. what does the ops director do"), only theirs choose."""
    if a.asking:
        content = set(a.stems)
        kept = {st for i, st in enumerate(a.word_stems) if a.asks(i) and st in content}
        return tuple(st for st in a.stems if st in kept)
    frame = _reported_from(a)
    if frame:  # "a student asked what an end-point assessor is": who asked, and the asking, choose nothing
        content = set(a.stems)
        kept = {st for i, st in enumerate(a.word_stems) if i >= frame and st in content}
        return tuple(st for st in a.stems if st in kept)
    if ("overview" not in hits and "weak_overview" not in hits) or len(set(a.sentence_of)) < 2:
        return a.stems
    last_ask = max((a.sentence_of[i] for i, w in enumerate(a.words) if w in lexicon.WH_WORDS), default=None)
    if last_ask is None or last_ask == a.sentence_of[-1]:
        return a.stems
    content = set(a.stems)
    kept = {st for i, st in enumerate(a.word_stems) if a.sentence_of[i] <= last_ask and st in content}
    return tuple(st for st in a.stems if st in kept)


def _reported_from(a: Analysis) -> int:
    """Where the question a message reports starts ("a student asked what …", "someone asked me if
    …"), in a message of one sentence; 0 when it reports none."""
    if len(set(a.sentence_of)) > 1:
        return 0
    words = a.words
    for i, w in enumerate(words[:-1]):
        if w in lexicon.REPORTING_VERBS:
            k = i + 1 + (words[i + 1] in ("me", "us", "him", "her", "them"))
            if k < len(words) and words[k] in lexicon.REPORTED_LEADS:
                return k
    return 0


def passage_score(q: list[str] | tuple[str, ...], p: Passage, ix: Index, read: "Read | None" = None) -> float:
    """Weight of the question's stems the passage has, plus half the weights of each pair of
    them it writes side by side (once per time the question writes it)."""
    qs, pairs = read or Read.of(q)
    score = sum(ix.weight(s) for s in qs & p.stems)
    if len(q) <= len(p.bigrams):  # a short question: its pairs looked up in the passage
        stems = p.stems
        score += sum(0.5 * (ix.weight(x) + ix.weight(y)) for x, y in zip(q, q[1:]) if x in stems and y in stems and (x, y) in p.bigrams)
    else:  # a long one: the passage's pairs looked up in it, summed in the question's order all the same
        at = [i for pair in p.bigrams if (where := pairs.get(pair)) for i in where]
        if at:
            at.sort()
            score += sum(0.5 * (ix.weight(q[i]) + ix.weight(q[i + 1])) for i in at)
    return score


class Read(NamedTuple):
    """A question's stems as passage_score reads them, made once for all the passages it scores."""

    stems: set[str]
    pairs: dict[tuple[str, str], list[int]]  # each pair of stems side by side -> where it starts

    @classmethod
    def of(cls, q: list[str] | tuple[str, ...]) -> "Read":
        pairs: dict[tuple[str, str], list[int]] = {}
        for i, pair in enumerate(zip(q, q[1:])):
            pairs.setdefault(pair, []).append(i)
        return cls(set(q), pairs)


def content_role(a: Analysis, ix: Index, max_posting: float = CONTENT_MAX_POSTING) -> tuple[str, str, float, float] | None:
    """The role and section whose passage best matches the question's content words, with the
    best score any *other* role reaches (how clearly the question points at one role).

    Bounded: a stem can add at most its weight for itself and for each pair it is in
    (``_reach``). Stems are read strongest first; once the stems left could not lift a passage
    that none of the stems read has found up to the runner-up, the rest are not read: such a
    passage changes neither the best role, its section, nor the runner-up. And once some passage
    is found, a stem in more than ``max_posting`` passages finds no more (it still counts in the
    scores): on a large base such a word says little and would have thousands scored."""
    q = [s for s in a.stems if s not in cue_stems() and s not in a.kin and s not in a.spellings]
    playing_down = lexicon.FEWEST.isdisjoint(a.words)
    read = Read.of(q)
    reach = _reach(q, ix)
    content = sorted((s for s in reach if ix.weight(s) >= CONTENT_WORD), key=lambda s: (-reach[s], s))
    left = sum(reach.values())  # what a passage not found yet may still score, at most
    seen: set[int] = set()
    per_role: dict[str, tuple[float, str]] = {}
    best_role, best, second = "", 0.0, 0.0
    for s in content:
        if left * (1 + 1e-9) < second:
            break
        postings = ix.postings.get(s, ())
        if per_role and len(postings) > max_posting:
            continue  # (its weight stays in `left`: a passage found later may have it)
        left -= reach[s]
        for i in postings:
            if i in seen:
                continue
            seen.add(i)
            p = ix.passages[i]
            if p.role is None or p.section not in SECTIONS or (playing_down and _plays_down(q, p)):
                continue  # ("who has the most patient contact": not the page of "little direct patient contact")
            score = passage_score(q, p, ix, read)
            if score > per_role.get(p.role, (0.0, ""))[0]:
                per_role[p.role] = (score, p.section)
                if p.role == best_role:
                    best = score
                elif score > best:
                    best_role, best, second = p.role, score, best
                else:
                    second = max(second, score)
    if not per_role:
        return None
    ranked = sorted(((sc, sec, r) for r, (sc, sec) in per_role.items()), reverse=True)
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    return ranked[0][2], ranked[0][1], ranked[0][0], runner_up


def _reach(q: list[str], ix: Index) -> dict[str, float]:
    """Per stem of the question, the most it adds to ``passage_score``: its weight once, and
    half of it for each pair it is in (twice per time it is written)."""
    out: dict[str, float] = {}
    for s in q:
        out[s] = out.get(s, ix.weight(s)) + ix.weight(s)
    return out


def _degree(scores: list[float]) -> float:
    """How much of a page is about the question: its best passage, plus a share of the others."""
    best = max(scores, default=0.0)
    return best + CHOICE_REST * (sum(scores) - best)


def best_of(roles: list[str] | tuple[str, ...], a: Analysis, ix: Index, exclude: set[str] | frozenset[str] = frozenset()) -> str | None:
    """Which of these roles the question's content words fit clearly best ("which of those three
    has the most to do with training staff"), if one does. A choice asks which is *more* about
    something, so the rest of the page counts too: a role whose every passage speaks of patients
    is more "with patients" than one that names them once, though one passage squarely about
    shortages outweighs many that say "drug"."""
    by_clock = _by_clock(roles, a, ix)
    if by_clock is not None:
        return by_clock
    q = [s for s in a.in_own_words(ix.role_postings).stems if s not in cue_stems() and s not in exclude]  # ("deals more with the wholesaler": not "supply chain" too, when a page says "wholesalers")
    topic = _topic_of_closeness(q, a)
    return _best_by(topic, roles, a, ix) or (_best_by(q, roles, a, ix) if topic != q else None)


def only_one_page_says(roles: list[str] | tuple[str, ...], a: Analysis, ix: Index, exclude: set[str] | frozenset[str] = frozenset()) -> str | None:
    """Of roles just listed, the one whose page alone has the question's telling words ("any of
    them in drug manufacturing?": "drug" is on every page, "manufacturing" on one), when the
    question's words together choose none (``best_of``)."""
    q = [s for s in a.in_own_words(ix.role_postings).stems if s not in cue_stems() and s not in exclude]
    plain = {st for w, st in zip(a.words, a.word_stems) if english.everyday_weight(w) < 1.0 or w in lexicon.MENTORED or w in lexicon.ROLE_HEADS}  # (not "great", "tech": words that tell no work apart)
    own = [s for s in q if s not in a.unwanted and s not in plain and ix.weight(s) >= DISTINCTIVE and sum(1 for r in dict.fromkeys(roles) if any(s in ix.passages[i].stems for i in ix.role_passages.get(r, ()))) == 1]
    return _best_by(own, roles, a, ix) if own and len(own) < len(q) else None


def _best_by(q: list[str], roles: list[str] | tuple[str, ...], a: Analysis, ix: Index) -> str | None:
    """Of these roles, the one whose page these words fit clearly best (see ``best_of``)."""
    fewest = not lexicon.FEWEST.isdisjoint(a.words)  # "which has the least patient contact"
    scored = []
    for r in dict.fromkeys(roles):
        said: list[float] = []
        played_down: list[float] = []  # "little direct patient contact"
        for i in ix.role_passages.get(r, ()):
            p = ix.passages[i]
            (played_down if _plays_down(q, p) else said).append(passage_score(q, p, ix))
        scored.append(((_degree(played_down) - _degree(said)) if fewest else _degree(said), r))
    scored.sort(reverse=True)
    if fewest:  # the one whose page plays it down, else the one that says least of it
        return scored[0][1] if len(scored) > 1 and scored[0][0] > scored[1][0] else None
    if not scored or scored[0][0] <= 0:
        return None
    if len(scored) > 1 and scored[0][0] < CHOICE_LEAD * scored[1][0]:
        close = [r for sc, r in scored if sc >= scored[0][0] / CHOICE_LEAD]
        typed = {a.word_stems[i] for i in range(len(a.words)) if a.typed_start(i) == i} & set(q)  # (as typed: "tech" is no "technology")
        named = [r for r in close if any(typed & ix.passages[i].name_stems for i in ix.role_passages.get(r, ()))]
        return named[0] if len(named) == 1 else None  # (pages that say it alike: the one with a duty or a part of the day named for it, "Staffing & Performance Management")
    return scored[0][1]


def _topic_of_closeness(q: list[str], a: Analysis) -> list[str]:
    """"Which is more hands-on with patients": the patients are asked about, "hands-on" only says
    how closely (weighed only when they alone choose none); said alone ("which is more
    hands-on") it is all there is to weigh."""
    close = {stem(w) for i, w in enumerate(a.words[:-1]) if w in lexicon.CLOSENESS and a.words[i + 1] == "on"}
    rest = [s for s in q if s not in close]
    return rest if rest and close else q


def _plays_down(q: list[str], p: Passage) -> bool:
    """The passage plays down a word of the question ("little direct patient contact"): a
    downplaying word right before it, or one word before that."""
    down = _DOWN_STEMS & p.stems
    if not down:
        return False
    pairs = set(p.bigrams)
    asked = set(q)
    return any(x in down and (y in asked or any((y, z) in pairs for z in asked)) for x, y in pairs)


_DOWN_STEMS = frozenset(stem(w) for w in lexicon.DOWNPLAYING)


_CLOCK = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\b", re.IGNORECASE)
_CLOCK_24 = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")  # "06:30", "15:30": no am or pm


def _minutes(time: str) -> int | None:
    """"4:00 AM" -> 240; "06:30" or "15:30" (a 24-hour clock) -> 390, 930; "Late Morning" -> about
    660 (``lexicon.DAY_TIMES``); else None."""
    m = _CLOCK.search(time)
    h24 = _CLOCK_24.fullmatch(time.strip()) if m is None else None
    if h24 is not None:
        return int(h24.group(1)) * 60 + int(h24.group(2))
    if m is None:
        said = re.findall(r"[a-z]+", time.lower())
        joined = [x + y for x, y in zip(said, said[1:])]  # "Mid-Morning" is midmorning
        at = next((lexicon.DAY_TIMES[w] for w in joined + said if w in lexicon.DAY_TIMES), None)
        if at is None:
            return None
        return at + lexicon.DAY_TIME_SHIFT * (("late" in said) - ("early" in said))
    hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
    return hour * 60 + int(m.group(2) or 0)


_ASKED_HOUR = re.compile(r"\b(?:at|around|by)\s+(\d{1,2})(?:[:.]?(\d{2}))?\s*(?:([ap])\.?\s*m\b)?|\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\b|\b([01]\d|2[0-3])([0-5]\d)\b", re.IGNORECASE)
ENTRY_REACH = 60  # minutes between the hour asked and a day entry's time for that entry to be the one asked about


def entry_at(role: str, question: str, ix: Index) -> DayEntry | None:
    """The entry of a role's day at the hour a question asks about ("what does the site monitor do
    at 9", "at 0930", "around 2pm"): the one nearest that hour, within an hour (an hour said
    without am or pm may be either)."""
    m = _ASKED_HOUR.search(question)
    if m is None or role not in ix.knowledge.roles:
        return None
    hour, minute, half = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6)) if m.group(4) else (m.group(7), m.group(8), None)
    h = int(hour) % 24
    asked = [(h % 12 + (12 if half.lower() == "p" else 0)) * 60] if half else [h * 60, ((h + 12) % 24) * 60] if h < 12 else [h * 60]
    asked = [t + int(minute or 0) for t in asked]
    timed = [(abs(t - a), e) for e in ix.knowledge.roles[role].day_in_the_life if (t := _minutes(e.time)) is not None for a in asked]
    best = min(timed, key=lambda x: x[0], default=None)
    return best[1] if best is not None and best[0] <= ENTRY_REACH else None


def starts_first(words: tuple[str, ...] | list[str]) -> bool:
    """"Who's up first", "which one starts first": the start of a day asked (not "which cert
    should come first")."""
    return any(w == "first" and i and words[i - 1] in ("up", "starts", "start", "in") for i, w in enumerate(words))


_STILL = frozenset({"still", "until", "till", "til", "into"})  # "still at work in the evening", "until the evening", "runs into the evening"


def clock_asked(words: tuple[str, ...] | list[str]) -> bool:
    """"Which one starts earlier", "whose morning starts first", "which is still at work in the
    evening": a time of the day compared, which the day's timed entries answer."""
    said = set(words)
    return not (lexicon.EARLY_WORDS | lexicon.LATE_WORDS).isdisjoint(said) or starts_first(words) or (not said.isdisjoint(_STILL) and any(lexicon.DAY_TIMES.get(w, 0) >= EVENING for w in said))


def _by_clock(roles: list[str] | tuple[str, ...], a: Analysis, ix: Index) -> str | None:
    """"Which of the two starts earlier (later)": the role whose day's first timed entry is the
    earliest (latest); "which one finishes later": its last one. As the page tells the day, so
    a night shift from 19:00 to 06:30 starts at 19:00. None unless every role's day gives clock
    times and they differ."""
    words = set(a.words)
    early, late = not lexicon.EARLY_WORDS.isdisjoint(words), not lexicon.LATE_WORDS.isdisjoint(words)
    early = early or (not late and starts_first(a.words))
    evening = not (early or late) and not words.isdisjoint(_STILL) and any(lexicon.DAY_TIMES.get(w, 0) >= EVENING for w in words)  # "which is still at work in the evening": the day that ends latest (not "which has more night work": what the pages say of it)
    asks_clock = evening or (early != late and not lexicon.CLOCK_WORDS.isdisjoint(words))
    if not asks_clock or len(set(roles)) < 2:
        return None
    late = late or evening
    ends = not lexicon.END_WORDS.isdisjoint(words) or evening
    bounds: dict[str, int] = {}
    for r in dict.fromkeys(roles):
        times = [t for e in ix.knowledge.roles[r].day_in_the_life if (t := _minutes(e.time)) is not None]
        if not times:
            return None
        bounds[r] = times[-1] if ends else times[0]
    if len(set(bounds.values())) < len(bounds):
        return None
    return (min if early else max)(bounds, key=lambda r: bounds[r])


def fits_page(role: str, a: Analysis, ix: Index, loosely: bool = False) -> bool:
    """The question's content words match a passage of this role's page well ("when would I be
    meeting with HR" after talking about the workforce manager): a follow-up about it. Loosely,
    any passage writing one of them will do ("diversion too" after the role's duties)."""
    q = [s for s in a.stems if s not in cue_stems() and s not in a.kin]
    best = max((passage_score(q, ix.passages[i], ix) for i in ix.role_passages.get(role, ())), default=0.0) if q else 0.0
    return best > 0 if loosely else best >= SECTION_SPECIFIC
