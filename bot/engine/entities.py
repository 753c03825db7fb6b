"""Which roles and certifications a question names.

Roles are scored by the weighted share of their title the question contains (aliases and
title acronyms count in full); a job phrase with words the title lacks ("nuclear pharmacist")
is another job. Certifications are named by code (see ``analyze``), by alias, or by their
full name written out.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from bot.engine import english, lexicon
from bot.engine.analyze import SELF_WORDS, Analysis, cue_stems
from bot.engine.index import ACRONYM_NOT_ENGLISH, PAGE_TOPIC_MIN, Index, words_of
from bot.engine.normalize import stem
from bot.engine.phrases import CODE_MARK
from bot.engine.tailor import THEIRS, scored_certs
from bot.engine.thresholds import CONTENT_WORD, DISTINCTIVE, DWELL_MARGIN, GOAL_MARGIN, TRADE_TERM, OTHER_JOB_PENALTY, PAGE_NAME_MIN, PICK_CLEAR_LEAD, PICK_OTHER_FACTOR, ROLE_CANDIDATES, ROLE_MENTION, ROLE_RELAXED, ROLE_MIN_SHARE, TOPIC_CANDIDATES


def _after_negation(a: Analysis, i: int) -> bool:
    """"not ops director" (read "not ops operations director"), "not the ops director": the
    member rules out the name that starts at word ``i``."""
    i = a.typed_start(i)
    while i > 0 and a.words[i - 1] in lexicon.DETERMINERS:
        i -= 1
    if i > 1 and a.words[i - 1] == "than":
        return a.words[i - 2] == "rather"  # "rather than the buyer", not "more big picture than the buyer"
    return i > 0 and a.words[i - 1] in lexicon.NEGATIONS


def role_scores(a: Analysis, ix: Index) -> tuple[list[tuple[float, str]], dict[str, set[int]]]:
    """Roles the question names, best first (weighted share of each title it contains), and
    the word positions that name each of them."""
    stems = a.word_stems
    q = a.stem_set - a.negated - _bosses(a, ix)
    matched: dict[str, float] = defaultdict(float)
    for s in sorted(q):  # a fixed order: float sums, and so ties, do not depend on the hash seed
        w = ix.weight(s)
        for rid in ix.title_postings.get(s, ()):
            matched[rid] += w
    raw = heapq.nlargest(ROLE_CANDIDATES, ((m / ix.title_weights[rid], rid) for rid, m in matched.items()))  # = sorted(…, reverse=True)[:ROLE_CANDIDATES]
    scores: dict[str, float] = {}
    where: dict[str, set[int]] = {}
    at: dict[str, list[int]] = defaultdict(list)  # stem -> its positions, read once for all candidates
    for i, st in enumerate(stems):
        at[st].append(i)
    heads = [i for i, w in enumerate(a.words) if i and w in lexicon.ROLE_HEADS]
    whole = [rid for score, rid in raw if score >= 1.0]  # titles written out in full
    whole_asked = _whole_without_own_job(a, ix, whole) if len(whole) > 1 else whole  # … also without the member's own job
    for score, rid in raw:
        if score < ROLE_MIN_SHARE:
            break
        title = set(ix.role_titles[rid])
        claimed = _claimed_heads(a, stems, [r for r in whole if r != rid], ix) if len(whole) > (rid in whole) else set()  # "… and a specialty pharmacy operations manager": that head is the other title's
        if (_other_head(a, stems, title, ix.title_heads[rid], [i for i in heads if i not in claimed]) or _foreign_modifier(a, stems, title, ix.title_heads[rid])) and not _all_but_head(a, stems, title, ix.title_heads[rid]):
            score *= OTHER_JOB_PENALTY  # "pharmacy operations manager" is not "Director of Pharmacy Operations", nor "nuclear pharmacist" a "Medication Safety Pharmacist"
        elif rid in whole and rid not in whole_asked and whole_asked:
            score *= OTHER_JOB_PENALTY  # "lead tech here, i manage …, toward director of pharmacy operations": the tech ops manager is written out only with their own job
        scores[rid] = score
        where[rid] = {i for st in title if st not in a.negated for i in at.get(st, ())}
    for i, n, (kind, rid) in a.alias_hits:
        if kind == "role" and not _after_negation(a, i):
            scores[rid] = 1.0
            where.setdefault(rid, set()).update(range(i, i + n))
    # "the hospice manager" (the one title with "hospice", and its job noun); "hospice pharmacy
    # manager vs jail pharmacy manager" (the correctional page is the one that writes "jail")
    for rid, span in (*_named_by_its_own_word(a, ix), *_named_by_a_page_word(a, ix), *_named_by_its_last_word(a, ix)):
        if scores.get(rid, 0.0) < ROLE_MENTION:
            scores[rid] = ROLE_MENTION
            where.setdefault(rid, set()).update(span)
    return sorted(((v, k) for k, v in scores.items()), reverse=True), where


def _whole_without_own_job(a: Analysis, ix: Index, whole: list[str]) -> list[str]:
    """Of the titles written out in full, those still written out without the member's own job
    ("lead tech here, …": "tech" names no title)."""
    mine = {k for i in own_job_heads(a) for k in a.typed_group(i)}
    asked = {st for i, st in enumerate(a.word_stems) if i not in mine}
    return [rid for rid in whole if set(ix.role_titles[rid]) <= asked]


def _named_by_its_own_word(a: Analysis, ix: Index) -> list[tuple[str, range]]:
    """A word only one title has, then that title's job noun, with nothing but its title's words
    between ("hospice manager", "hospice pharmacy management"), with the words it spans."""
    stems = a.word_stems
    out = []
    for j, st in enumerate(stems):
        owners = ix.title_postings.get(st, ())
        if len(owners) != 1 or a.words[j] in lexicon.FIELD_WORDS or st in a.negated:
            continue
        rid = owners[0]
        title, heads = ix.role_titles[rid], ix.title_heads[rid]
        before = j - 1
        while before >= 0 and a.said[before] == a.said[j]:
            before -= 1
        if before >= 0 and a.sentence_of[before] == a.sentence_of[j] and a.words[before] not in lexicon.STOPWORDS and a.words[before] not in lexicon.GENERIC_MODIFIERS and a.words[before] not in _CONTRAST_WORDS and a.words[before] not in lexicon.ROLE_HEADS and a.words[before] not in lexicon.WISH_WORDS and stems[before] not in title and (stems[before] in ix.role_postings or _acronym_like(a.words[before])):
            continue  # ("340b program manager": a word of the trade before it qualifies it otherwise; not "less stressful, residency coord", nor "depot pharmacist, park coordinator": another job ends there, nor "wants shrink job")
        after = j + 1
        while after < len(stems) and a.said[after] == a.said[j]:
            after += 1
        if after < len(stems) and a.sentence_of[after] == a.sentence_of[j] and a.said[j] == a.words[j] and a.words[j] not in lexicon.ORDINALS and (before < 0 or (a.words[before] not in _ANY_JOB and stems[before] not in title)) and a.words[after] in _JOB_NOUNS:
            out.append((rid, range(j, after)))  # "my tech wants the shrink job": its own word as typed, then "job" (not "from my old ops job": theirs; "ambulatory care job": the title's words go on before it)
            continue
        if after < len(stems) and a.sentence_of[after] == a.sentence_of[j] and _clipped_head(a.said[after], rid, ix):
            out.append((rid, range(j, after + 1)))  # "supplement pharm": its own word, then its job noun typed short
            continue
        k = j + 1
        while k < len(stems) and k - j <= 3 and a.sentence_of[k] == a.sentence_of[j] and (any(stems[m] in title for m in a.typed_group(k)) or _only_its_page(stems[k], rid, ix)):  # ("mgr" read "mgr manager"; "med sync manager": "sync" only its page writes)
            if any(stems[m] == title[-1] and stems[m] in heads for m in a.typed_group(k)) and a.said[k] != a.said[j]:  # (its last word: "privileging pharmacists" is no Pharmacist … Privileging Coordinator)
                out.append((rid, range(j, k + 1)))
                break
            if a.said[k] == a.words[k] and a.words[k].removesuffix("s").endswith(_AGENT_ENDS) and stems[k] in title and stems[k] not in heads and a.said[k] != a.said[j] and (_made_from_the_title(a.words[k], rid, ix) or stems[k] == title[-1]):
                out.append((rid, range(j, k + 1)))  # "the immunization trainer": the one doing its title's "training", a job noun of the member's making; "the hurricane planner": its own last word
                break
            k += 1
        else:
            if k > j + 1 and k < len(stems) and a.sentence_of[k] == a.sentence_of[j] and a.words[k] in _JOB_AFTER and all(a.said[m] == a.words[m] for m in range(j, k)):
                out.append((rid, range(j, k)))  # "the allergy cleanup job", "the event pharmacy role": its own word and more of its title (or of its page), then a job noun
    return out


_JOB_NOUNS = frozenset({"job", "role", "position", "gig", "route"})  # "the shrink job", "if she goes the settlement route": what any title is, or its way
_ANY_JOB = frozenset({"my", "our", "old", "current", "former", "previous", "last", "first", "a", "an", "any", "what", "which", "other", "another", "some", "every", "each"})  # "from my old ops job", "a retail job", "what operations job is closest": the member's, or any
_JOB_AFTER = _JOB_NOUNS - {"route"}  # (not "the medication safety officer route": a way, whoever takes it)
_AGENT_ENDS = ("er", "or", "ist")  # "trainer": who does what a title's word names
CLIPPED_HEAD = 4  # letters a title's last word typed short needs ("pharm" for pharmacist)


def _made_from_the_title(word: str, rid: str, ix: Index) -> bool:
    """"trainer" of a title that says "Training": a job noun of the member's making, not a word the
    title itself writes ("center", "auditor")."""
    return word.removesuffix("s") not in words_of(ix.knowledge.roles[rid].title)


def _clipped_head(said: str, rid: str, ix: Index) -> bool:
    """"supplement pharm": the start of the title's last word, typed short."""
    last = words_of(ix.knowledge.roles[rid].title)[-1].lower()
    return len(said) >= CLIPPED_HEAD and said.isalpha() and last.startswith(said) and said != last


def _named_by_its_last_word(a: Analysis, ix: Index) -> list[tuple[str, range]]:
    """"the trainer's main duties", "the auditor": the last word of a title no list of job nouns
    knows ("… Medication Aide Trainer"), after "the", when no other title has that word."""
    out = []
    for j in range(1, len(a.words)):
        owners = ix.title_postings.get(a.word_stems[j], ())
        if len(owners) == 1 and a.words[j - 1] == "the" and _unlisted_head(ix, owners[0]) == a.word_stems[j] and a.word_stems[j] not in a.negated:
            out.append((owners[0], range(j, j + 1)))
    return out


def _unlisted_head(ix: Index, rid: str) -> str | None:
    """The stem of a title's last word when no list of job nouns knows any of its words ("… Field
    Auditor", "… Aide Trainer"): its job noun all the same."""
    return None if ix.title_heads[rid] else stem(words_of(ix.knowledge.roles[rid].title)[-1])


def _only_its_page(st: str, rid: str, ix: Index) -> bool:
    """A word no title has that only this role's page writes."""
    return not ix.title_postings.get(st) and set(ix.role_postings.get(st, ())) == {rid}


def _in_overview(st: str, rid: str, ix: Index) -> bool:
    return any(ix.passages[p].section == "overview" and st in ix.passages[p].stems for p in ix.role_passages.get(rid, ()))


def _named_by_a_page_word(a: Analysis, ix: Index) -> list[tuple[str, range]]:
    """Each job phrase (up to three words before a job noun) that names a role by a word of its
    page, with the words it spans."""
    out = []
    for i, w in enumerate(a.words):
        if w not in lexicon.ROLE_HEADS:
            continue
        j = i
        while j > 0 and a.said[j - 1] == a.said[i]:
            j -= 1  # ("tech" read also as "technician": one job noun)
        head = j
        while j > 0 and head - j < 3 and a.words[j - 1] not in lexicon.STOPWORDS and a.words[j - 1] not in _CONTRAST_WORDS and a.sentence_of[j - 1] == a.sentence_of[i]:
            j -= 1
        writers = {r for k in range(j, head) if not ix.title_postings.get(a.word_stems[k]) for r in ix.role_postings.get(a.word_stems[k], ())}
        if j == head or len(writers) != 1:
            continue  # (no other page may write the word, "staff", "medication": checked first, it spares reading the pages)
        found = named_by_its_page(a, ix, j, i)
        if found is not None and ix.role_postings.get(stem(found[1].lower()), ()) == (found[0],) and _in_overview(stem(found[1].lower()), found[0], ix):  # (and this page says what it is about with it, not "340B" in passing)
            out.append((found[0], range(j, i + 1)))
    return out


def named_by_its_page(a: Analysis, ix: Index, j: int, i: int, last_resort: bool = False) -> tuple[str, str] | None:
    """A job phrase with one word no title has ("jail pharmacy manager", "psych pharmacy manager"):
    the one role whose title has the other words and whose page writes that word (or a word it
    begins: "psych…iatric") in several passages, when no other such role's page writes it at all;
    two such words side by side ("the front-store category manager", "allergy vial supervisor")
    the page writes together; or a word of the other name the page gives the role, said once
    ("known as the hazmat shipper": "the hazmat shipping coordinator")."""
    stems = a.word_stems
    fit = [k for k in range(j, i + 1) if ix.title_postings.get(stems[k])]
    odd = [k for k in range(j, i + 1) if k not in fit and not any(a.said[m] == a.said[k] for m in fit)]  # ("340b" read also as "procurement": one typed word, a title's)
    pair = len(odd) == 2 and odd[1] == odd[0] + 1 and a.said[odd[0]] != a.said[odd[1]]
    if not fit:
        return None
    candidates = set.intersection(*(set(ix.title_postings[stems[k]]) for k in fit))  # the titles with every other word of the phrase
    if len(odd) == 1 and i not in odd and (by_initials := _named_by_initials(a.words[odd[0]], candidates, ix)) is not None:
        return by_initials, a.said[odd[0]]  # "the gpo liaison": the page writes "group purchasing organization"
    if len(odd) == 1 and i not in odd and (beside := _written_beside(a, ix, odd[0], fit, candidates)) is not None:
        return beside, a.said[odd[0]]  # "the dispatch desk coordinator": the page writes "the dispatch desk"
    if odd == [i] and a.words[i] in PHARMACIST_NOUNS and len(fit) >= 2 and fit[-1] == i - 1 and len(candidates) == 1:
        return next(iter(candidates)), " ".join(a.said[k] for k in fit)  # "a 'drug library' pharmacist": the words only one title has, then the trade's own job noun
    if not (len(odd) == 1 or pair) or i in odd or any(len(a.words[k]) < (2 if pair else 4) for k in odd):  # (two short ones the page writes together: "the TB DOT pharmacy coordinator")
        return None  # (the job noun itself is a title's: not "a hospice nurse")
    word = stems[odd[0]]
    if len(candidates) < 2 and not last_resort:
        return None  # ("radiation, nuclear manager": its title's own word names it already)
    named = [r for r in candidates if not pair and r in ix.nicknamed.get(word, ())]
    if len(named) == 1:
        return named[0], a.said[odd[0]]  # "the hazmat shipping coordinator": a word of the other name its page gives it ("known as the hazmat shipper")
    if pair:
        both = (word, stems[odd[1]])
        counts = {r: sum(1 for p in ix.role_passages.get(r, ()) if set(both) <= ix.passages[p].stems) for r in candidates}
    else:
        counts = {r: sum(1 for p in ix.role_passages.get(r, ()) if any(st.startswith(word) for st in ix.passages[p].stems)) for r in candidates}
    written = [r for r, n in counts.items() if n]
    if len(written) == 1 and counts[written[0]] >= PAGE_NAME_MIN:
        return written[0], " ".join(dict.fromkeys(a.said[k] for k in odd))
    return None


def _named_by_initials(word: str, candidates: set[str], ix: Index) -> str | None:
    """The one role of ``candidates`` (titles with the job phrase's other words) whose page writes
    words side by side whose first letters spell ``word`` ("gpo": "group purchasing organization"),
    a word no dictionary knows and no code."""
    if not INITIALS_LETTERS[0] <= len(word) <= INITIALS_LETTERS[1] or not word.isalpha() or english.count(word) >= ACRONYM_NOT_ENGLISH or word.upper() in ix.knowledge.certifications:
        return None
    spelt = [r for r in sorted(candidates) if any(_spells(word, ix.passages[p].bigrams) for p in ix.role_passages.get(r, ()))]
    return spelt[0] if len(spelt) == 1 else None


def _written_beside(a: Analysis, ix: Index, k: int, fit: list[int], candidates: set[str]) -> str | None:
    """The one role of ``candidates`` (titles with the job phrase's other words, at ``fit``) whose
    page writes the odd word right beside the title word it is typed beside ("dispatch desk")."""
    stems = a.word_stems
    pairs = [(stems[k - 1], stems[k])] if k - 1 in fit else []
    pairs += [(stems[k], stems[k + 1])] if k + 1 in fit else []
    if not pairs or len(a.words[k]) < BESIDE_LETTERS or a.words[k] in lexicon.STOPWORDS:
        return None
    written = [r for r in sorted(candidates) if any(not set(pairs).isdisjoint(ix.passages[p].bigrams) for p in ix.role_passages.get(r, ()))]
    return written[0] if len(written) == 1 else None


BESIDE_LETTERS = 3  # ("the iv desk lead": a word this short beside a title's word says too little)


def _spells(word: str, bigrams: tuple[tuple[str, str], ...]) -> bool:
    """Each two letters of ``word`` begin two words side by side in the passage (stem pairs; a word
    read two ways, "purchasing procurement", pairs with its neighbours under either reading)."""
    return all(any(x[:1] == word[k] and b[:1] == word[k + 1] for x, b in bigrams) for k in range(len(word) - 1))


PHARMACIST_NOUNS = frozenset({"pharmacist", "pharmacists"})
INITIALS_LETTERS = (3, 4)  # "gpo", "ppms": shorter initials spell too much by chance


def named_by_its_topic(a: Analysis, ix: Index, j: int, i: int) -> tuple[str, str] | None:
    """"the CAR-T pharmacist", "a contrast pharmacist": a job noun after words no title has, which
    one role's page keeps writing (one of them in PAGE_TOPIC_MIN passages or more) and no other
    page writes at all: that role, named by its subject."""
    odd = [k for k in range(j, i) if a.words[k] not in lexicon.STOPWORDS]
    if not odd or any(ix.title_postings.get(a.word_stems[k]) for k in odd):
        return None
    counts = [ix.role_counts(a.word_stems[k]) for k in odd]
    owners = {rid for c in counts for rid in c}
    if len(owners) != 1 or any(not c for c in counts):
        return None  # (a word no page, or several pages, write)
    rid = next(iter(owners))
    return (rid, " ".join(dict.fromkeys(a.said[k] for k in odd))) if max(c[rid] for c in counts) >= PAGE_TOPIC_MIN else None


POSSESSIVES = lexicon.POSSESSIVES


def _bosses(a: Analysis, ix: Index) -> frozenset[str]:
    """Job nouns said only of a person the member knows ("my director's email", "our manager
    wants"): that person, not a role asked about. A title written out ("our director of
    pharmacy operations") still names the role."""
    stems = a.word_stems
    words = a.words

    def owned(i: int) -> bool:  # "my director", "my new director"
        return i > 0 and (words[i - 1] in POSSESSIVES or (i > 1 and words[i - 1] in lexicon.BOSS_ADJECTIVES and words[i - 2] in POSSESSIVES))

    alone = {i for i, w in enumerate(words) if w in lexicon.ROLE_HEADS and owned(i) and (i + 1 == len(words) or stems[i + 1] not in ix.title_postings or a.sentence_of[i + 1] != a.sentence_of[i])}
    return frozenset(stems[i] for i in alone if all(j in alone for j, st in enumerate(stems) if st == stems[i]))


def _other_head(a: Analysis, stems: tuple[str, ...], title: set[str], heads: frozenset[str], spots: list[int]) -> bool:
    """The question names a job (title words + a head noun) whose head is not this title's;
    ``spots``: where the question has a job noun (not first, nor one that ends another title written out in full)."""
    for i in spots:
        k = i - 1  # the job phrase's last title word ("nuclear medicine technologist": "nuclear"), over words typed as such
        while k > 0 and i - k < 3 and stems[k] not in title and a.said[k] == a.words[k] and a.words[k] not in lexicon.STOPWORDS and a.words[k] not in lexicon.ROLE_HEADS and a.sentence_of[k] == a.sentence_of[i]:
            k -= 1
        if k < i - 1 and (stems[k] not in title or a.said[k] != a.words[k] or _title_said_elsewhere(a, stems, title | heads, range(k, i + 1))):
            k = i - 1  # ("hospital ops pharmacist at …, … our little critical access hospital": the title is named apart)
        if not in_title(i, a, stems, set(heads)) and stems[k] in title and a.sentence_of[k] == a.sentence_of[i] and not (i + 1 < len(stems) and stems[i + 1] in heads):
            return True  # (not "a transitions of care pharmacist coordinator": the title's own head follows)
    return False


def _title_said_elsewhere(a: Analysis, stems: tuple[str, ...], title: set[str] | frozenset[str], phrase: range) -> bool:
    """A word of the title (beyond "pharmacy" and its job noun) said outside this job phrase."""
    return any(st in title and m not in phrase and a.words[m] not in lexicon.FIELD_WORDS and a.words[m] not in lexicon.ROLE_HEADS for m, st in enumerate(stems))


def _all_but_head(a: Analysis, stems: tuple[str, ...], title: set[str], heads: frozenset[str]) -> bool:
    """Every word of the title but its head, two or more, side by side and followed by no other
    job's head ("the smart pump program role", not "a pharmacy operations manager"): the title
    itself, whatever job nouns the member says elsewhere ("im the hospital ops rph")."""
    rest = title - heads
    n = len(rest)
    return n >= 2 and any(set(stems[i : i + n]) == rest and (i + n == len(stems) or a.words[i + n] not in lexicon.ROLE_HEADS) for i in range(len(stems) - n + 1))


def _claimed_heads(a: Analysis, stems: tuple[str, ...], others: list[str], ix: Index) -> set[int]:
    """Positions of head nouns that end another role's title, all of whose words come just before."""
    claimed: set[int] = set()
    for rid in others:
        title, heads = set(ix.role_titles[rid]), ix.title_heads[rid]
        for i, st in enumerate(stems):
            if st in heads and a.words[i] in lexicon.ROLE_HEADS and title <= set(stems[max(0, i - len(title) - 2) : i + 1]):
                claimed.add(i)
    return claimed


def _foreign_modifier(a: Analysis, stems: tuple[str, ...], title: set[str], heads: frozenset[str], page: frozenset[str] = frozenset()) -> bool:
    """Every mention of this title's head noun is qualified by words the title does not have
    (nor, when ``page`` is given, the role's page: "the diversion manager" of a page about diversion)."""
    spots = [i for i, st in enumerate(stems) if st in heads and a.words[i] in lexicon.ROLE_HEADS]
    if not spots:
        return False
    for i in spots:
        j, mods = i - 1, []
        while j >= 0 and i - j <= 3 and a.sentence_of[j] == a.sentence_of[i] and a.words[j] not in lexicon.STOPWORDS and a.words[j] not in _CONTRAST_WORDS and a.words[j] != CODE_MARK and stems[j] not in cue_stems():
            mods.append(j)
            j -= 1
        def fits(k: int) -> bool:
            return in_title(k, a, stems, title) or a.words[k] in lexicon.GENERIC_MODIFIERS or (a.words[k] in lexicon.FIELD_WORDS and bool(title & _FIELD_STEMS)) or _acronym_like(a.words[k]) or stems[k] in page

        if all(fits(k) for k in mods) and not _of_another(a, i, fits):  # ("transitions of care pharmacist coordinator" for "… Pharmacy Coordinator")
            return False
    return True


def _of_another(a: Analysis, i: int, fits: Callable[[int], bool]) -> bool:
    """The job noun at i is followed by "of" and a word the title lacks: "the director of
    nursing" is not the Director of Pharmacy Operations."""
    k = i + 2
    while k < len(a.words) and a.words[k] in lexicon.DETERMINERS:
        k += 1
    return i + 1 < len(a.words) and a.words[i + 1] == "of" and k < len(a.words) and a.sentence_of[k] == a.sentence_of[i] and a.words[k] not in lexicon.STOPWORDS and not fits(k)


_FIELD_STEMS = frozenset(stem(w) for w in lexicon.FIELD_WORDS)


def qualified_otherwise(a: Analysis, ix: Index, rid: str) -> bool:
    """Every mention of the role's head noun is qualified by words its title lacks ("a nuclear
    pharmacist" for the medication safety pharmacist)."""
    return _foreign_modifier(a, a.word_stems, set(ix.role_titles[rid]), ix.title_heads[rid])


_CONTRAST_WORDS = lexicon.cue("contrast").phrases.words() | lexicon.WEIGHING_WORDS | {"between"}  # "ops director vs informatics manager", "torn between X and Y": qualifies neither title


def names_this_job(a: Analysis, ix: Index, rid: str, by_content: bool = False) -> bool:
    """Some job noun in the question is this role's ("the pharmacist who …" for a pharmacist
    role), not qualified by words the title lacks. ``by_content``: the role was found by what
    its page says, so a qualifier its page uses distinctively names it too ("diversion manager")."""
    stems = a.word_stems
    heads = ix.title_heads[rid]
    if not any(a.words[i] in lexicon.ROLE_HEADS and _head_fits(i, a, stems, heads, by_content) for i in range(len(stems))):
        return False
    page = frozenset(s for s in set(stems) if by_content and _theme_of(s, rid, ix))
    return not _foreign_modifier(a, stems, set(ix.role_titles[rid]), heads, page)


_LEAD_STEMS = frozenset(stem(w) for w in lexicon.LEAD_HEADS)


def _head_fits(i: int, a: Analysis, stems: tuple[str, ...], heads: frozenset[str] | set[str], by_content: bool) -> bool:
    """Word i is the title's job noun; found by its page's content, any head of a team fits a
    title headed by one ("the research pharmacy lead" for a manager's page)."""
    return in_title(i, a, stems, set(heads)) or (by_content and stems[i] in _LEAD_STEMS and not _LEAD_STEMS.isdisjoint(heads))


_WORN = frozenset({"burnt", "burned", "tired", "exhausted"})  # "burnt out retail pharmacist."
_YEARS = frozenset({"years", "year", "months", "month"})  # "8 years retail pharmacist", "retail tech 6 years here"
SELF_REACH = 4  # typed words back to "I'm" / "as": "I'm a pharmacy ops manager", "as a hospital tech"


def member_heads(a: Analysis) -> frozenset[int]:
    """Positions of job nouns the member says of themselves ("I'm a nurse, 8 yrs", "as a hospital
    tech"): their own job, not the one asked about."""
    return frozenset(i for i, w in enumerate(a.words) if w in lexicon.ROLE_HEADS and (any(x in SELF_WORDS for x in _before_self(a, i)) or _then_here(a, i)))


_NOW_WORDS = frozenset({"currently", "now", "still", "already"})


def _before_self(a: Analysis, i: int) -> tuple[str, ...]:
    """The three words before a job noun, not counting "currently", "now" … ("im currently a repackaging supervisor")."""
    before = [w for w in a.words[max(0, i - 5) : i] if w not in _NOW_WORDS]
    return tuple(before[-3:])




def spoken_of(a: Analysis) -> frozenset[int]:
    """Job nouns of people in the member's life ("my tech wants to get into …", "our new
    manager"): a person talked about, not a job asked about."""
    out = set()
    for i, w in enumerate(a.words):
        if lexicon.head_noun(w):  # ("one of my techs")
            before = _typed_before(a, a.typed_start(i), 4)
            k = next((n for n, x in enumerate(before) if x in THEIRS), None)
            if k is not None and k <= 2 and not any(x in lexicon.CLAUSE_BREAKS or (x in lexicon.ROLE_HEADS and n) for n, x in enumerate(before[:k])) and before[k + 1 : k + 2] not in (["im"], ["am"], ["as"]):  # ("my other tech", "my lead tech"; "im our med safety pharmacist" is the member)
                out.add(i)
            elif _relation_is(a, a.typed_start(i)):
                out.add(i)
    return frozenset(out)


def _relation_is(a: Analysis, i: int) -> bool:
    """"my partner is a retail pharmacist", "my sister's an ICU nurse": the job of someone in the
    member's life, told before up to two words that qualify it."""
    before = _typed_before(a, i, 7)
    k = next((n for n, x in enumerate(before) if x in ("a", "an")), None)
    if k is None or k > 2 or any(x in lexicon.CLAUSE_BREAKS for x in before[:k]):
        return False
    rest = before[k + 1 :]
    return rest[:1] in (["is"], ["was"], ["s"]) and len(rest) >= 3 and rest[1] in lexicon.RELATIONS and rest[2] in POSSESSIVES | THEIRS


_WISHES = frozenset({"wants", "want", "wanna", "hopes", "plans", "aims", "dreams", "wishes", "would", "is", "s"})


def wishing(a: Analysis) -> frozenset[int]:
    """Of the people spoken of, those whose wish the message tells ("my tech wants to get into …",
    "my tech sam wants …"; not "my director wrote …")."""
    out = set()
    for i in spoken_of(a):
        after: list[str] = []
        j = a.typed_end(i)
        while j < len(a.words) and len(after) < 3:  # the next words as typed (a name, a job noun between: "my tech sam wants")
            after.append(a.words[j])
            j = a.typed_end(j)
        if _WISHES.intersection(after):
            out.add(i)
    return frozenset(out)


def not_asked_jobs(a: Analysis) -> frozenset[int]:
    """Job nouns no question asks about: the member's own, those of people they speak of, a
    verb ("to lead a team"), a qualifier ("a tech program"), each with its other readings."""
    return frozenset(k for i in own_job_heads(a) | spoken_of(a) | led(a) | modifying(a) | suited(a) | the_bot(a) for k in a.typed_group(i))


def the_bot(a: Analysis) -> frozenset[int]:
    """"how does this assistant work", "are you an assistant or a person": the bot itself, no job."""
    return frozenset(i for i, w in enumerate(a.words) if w in _BOT_NOUNS and i and a.words[i - 1] in _THIS_BOT and a.typed_group(i) == range(i, i + 1))


_BOT_NOUNS = frozenset({"assistant", "helper"})
_THIS_BOT = frozenset({"this", "you", "u", "your"})  # ("this assistant"; not "a pharmacy assistant")


def suited(a: Analysis) -> frozenset[int]:
    """Job nouns of the person something would suit ("would that suit a pretty introverted rph"):
    whom it suits, no job asked about."""
    return frozenset(i for x, _ in lexicon.cue("suits").spans(a.words) for i in range(x, len(a.words)) if a.sentence_of[i] == a.sentence_of[x] and a.words[i] in lexicon.ROLE_HEADS)


_MODIFIED = frozenset({"program", "programs", "school", "class", "classes", "course", "courses", "curriculum", "training", "students"})


def modifying(a: Analysis) -> frozenset[int]:
    """A job noun that qualifies the noun after it ("i teach in a pharmacy tech program", "fee
    disputes with head office"): it names no job."""
    return frozenset(i for i, w in enumerate(a.words) if w in lexicon.ROLE_HEADS and a.words[a.typed_end(i) : a.typed_end(i) + 1] and (a.words[a.typed_end(i)] in _MODIFIED or a.words[a.typed_end(i)] in lexicon.HEAD_COMPOUNDS.get(w, ())))


_VERB_HEADS = frozenset({"lead", "head", "leads", "heads"})
_DOERS = frozenset({"to", "i", "we", "you", "she", "he", "they", "who"})  # "to lead", "i lead", "she leads", "who heads"
_BY_THE_WAY = frozenset({"also", "still", "now", "often", "kinda", "usually", "already", "sometimes"})  # "i basically lead", "she also heads"


def led(a: Analysis) -> frozenset[int]:
    """A job noun used as a verb before a determiner ("wants to lead a prior auth team", "to head
    the program", "I basically lead the day shift"): it names no job."""
    words = a.words

    def done_by(i: int) -> bool:
        before = words[i - 1] if i else ""
        return before in _DOERS or (i >= 2 and (before in _BY_THE_WAY or (before.endswith("ly") and len(before) > 3)) and words[i - 2] in _DOERS)

    return frozenset(i for i, w in enumerate(words) if w in _VERB_HEADS and i and done_by(i) and words[i + 1 : i + 2] and words[i + 1] in lexicon.DETERMINERS)


def own_job_heads(a: Analysis) -> frozenset[int]:
    """The member's own job nouns, also when told without "I'm": "8 yrs retail pharmacist",
    "burnt out retail pharmacist." (for telling a job asked about from the one they have)."""
    return member_heads(a) | frozenset(i for i, w in enumerate(a.words) if w in lexicon.ROLE_HEADS and (_for_years(a, i) or any(x in _WORN for x in a.words[max(0, i - 3) : i]) or _currently(a, i)))


def _currently(a: Analysis, i: int) -> bool:
    """"currently the purchasing tech at our animal hospital": what the member is now (a message
    opening with it)."""
    before = _typed_before(a, a.typed_start(i), 4)
    return "currently" in before and a.words[0] == "currently" and not any(x in lexicon.CLAUSE_BREAKS for x in before)


def _for_years(a: Analysis, i: int) -> bool:
    """"8 yrs retail pharmacist", "retail pharmacist 9 years": how long the member has been one."""
    before = a.words[max(0, a.typed_start(i) - 4) : a.typed_start(i)]
    j = a.typed_end(i)
    j += a.words[j : j + 1] == ("for",)  # "retail tech for 9 yrs"
    after = a.words[j : j + 2]
    return any(w.isdigit() and k + 1 < len(before) and before[k + 1] in _YEARS for k, w in enumerate(before)) or (len(after) == 2 and after[0].isdigit() and after[1] in _YEARS)


def _typed_before(a: Analysis, i: int, n: int) -> list[str]:
    """The n words the member typed before word i ("ops" read as "ops operations" is one)."""
    out: list[str] = []
    j, last = i - 1, None
    while j >= 0 and len(out) < n:
        if a.said[j] != last:
            out.append(a.words[j])
            last = a.said[j]
        j -= 1
    return out


def _then_here(a: Analysis, i: int) -> bool:
    """"specialty pharmacy rph here", "LTC tech here": the member introducing themselves."""
    j = a.typed_end(i)  # "tech" read "tech technician technology"
    while j < len(a.words) and (a.words[j].isdigit() or a.words[j] in _YEARS):
        j += 1  # "retail tech 6 yrs here"
    return j < len(a.words) and a.words[j] == "here" and a.sentence_of[j] == a.sentence_of[i]


def themed_job(a: Analysis, ix: Index) -> str | None:
    """The one role a job phrase names by a theme of its page: "diversion manager" when a
    manager's page calls a responsibility or a moment of its day after diversion."""
    stems = a.word_stems
    found: set[str] = set()
    for i, w in enumerate(a.words):
        if w not in lexicon.ROLE_HEADS:
            continue
        j = i - 1
        while j >= 0 and i - j <= 3 and a.sentence_of[j] == a.sentence_of[i] and a.words[j] not in lexicon.STOPWORDS:
            j -= 1
        phrase = range(j + 1, i)
        for k in phrase:
            found.update(rid for rid in ix.themes.get(stems[k], ()) if _head_fits(i, a, stems, ix.title_heads[rid], True) and all(_page_has(a, m, rid, ix) for m in phrase))
    themed = [rid for rid in found if names_this_job(a, ix, rid, by_content=True) and not names_this_job(a, ix, rid)]
    return themed[0] if len(themed) == 1 else None


def _page_has(a: Analysis, k: int, rid: str, ix: Index) -> bool:
    """Word k is the role's: its page or title writes it, or it qualifies any job ("senior"); not
    "pediatric" in "a pediatric pharmacy operations lead" for a page that never says it."""
    return any(rid in ix.role_postings.get(a.word_stems[m], ()) or a.word_stems[m] in ix.role_titles[rid] for m in a.typed_group(k)) or a.words[k] in lexicon.GENERIC_MODIFIERS


def _theme_of(s: str, rid: str, ix: Index) -> bool:
    """A distinctive word the role's page names one of its responsibilities or moments of the
    day by ("Diversion Prevention & Surveillance"), not one it merely uses ("we work with
    informatics" on a formulary manager's page)."""
    if ix.weight(s) < CONTENT_WORD or s in cue_stems():
        return False
    return rid in ix.themes.get(s, ())


def _acronym_like(word: str) -> bool:
    """"PGY1 residency program director", "CS compliance mgr": short codes qualify, they don't rename."""
    return len(word) <= 2 or any(c.isdigit() for c in word)


def in_title(k: int, a: Analysis, stems: tuple[str, ...], title: set[str]) -> bool:
    """Word k, or the synonym it was expanded with ("ops" -> "operations"), is in the title."""
    return any(stems[m] in title for m in range(max(0, k - 2), min(len(stems), k + 3)) if a.said[m] == a.said[k])


def alias_certs(a: Analysis) -> list[str]:
    """Certifications named by an alias or their name of more than one word."""
    return list(dict.fromkeys(ident for _, n, (kind, ident) in a.alias_hits if kind == "cert" and n > 1))


def named_certs(a: Analysis, ix: Index, role_where: dict[str, set[int]]) -> list[str]:
    """Certifications whose full name the question writes out ("the high alert medication
    specialist one"). When the same words are a role's title ("medication safety officer"),
    they name the role, unless a certification word sits right beside them. In the order the
    question writes them (the first named is the first asked about)."""
    return [code for code, _, _ in named_cert_spans(a, ix, role_where)]


def named_cert_spans(a: Analysis, ix: Index, role_where: dict[str, set[int]]) -> list[tuple[str, int, int]]:
    """``named_certs`` with where each name is written: (code, first word, one past the last)."""
    stems = a.word_stems
    present = set(stems) - a.negated
    found: list[tuple[int, int, str, int]] = []  # (where the name starts, the code's place in the knowledge, code, where it ends)
    at: dict[str, list[int]] = defaultdict(list)  # stem -> its positions (not negated)
    for i, st in enumerate(stems):
        if st not in a.negated:
            at[st].append(i)
    # A name written out has its words within a run of len(name) + 1 (``_tightest``), so its
    # two rarest stems too: only the codes anchored on such a pair of the question's are
    # candidates (not every code sharing a common word such as "specialist").
    anchored = [(i, st) for i, st in enumerate(stems) if st in ix.anchor_stems and st not in a.negated]
    near = {(min(x, y), max(x, y)) for k, (i, x) in enumerate(anchored) for j, y in anchored[k + 1 : k + 1 + ix.longest_name] if j - i <= ix.longest_name and y != x}
    for code in {code for pair in near for code in ix.name_anchors.get(pair, ())}:
        name = ix.cert_names[code]
        if not present.issuperset(name):
            continue
        spots = sorted(i for st in set(name) for i in at.get(st, ()))
        window = _tightest(spots, stems, set(name))
        if window is None:
            continue
        lo, hi = window
        if written_as_name(a, lo, hi, set(name), ix.knowledge.certifications[code].name, role_where, ix.role_titles):
            found.append((lo, ix.name_order[code], code, hi))
    for code in {code for pair in near for code in ix.headless_anchors.get(pair, ())} - {c for _, _, c, _ in found}:
        name = ix.headless_names[code]  # "the drug master file cert" (or "… one"): written without its job noun, then a certification word
        if not present.issuperset(name):
            continue
        window = _tightest(sorted(i for st in set(name) for i in at.get(st, ())), stems, set(name))
        if window is None:
            continue
        lo, hi = window
        k = a.typed_end(hi)
        after = a.words[k : k + 2] if k < len(a.words) and a.sentence_of[k] == a.sentence_of[hi] else ()
        the = lo > 0 and a.words[a.typed_start(lo) - 1] in _THE_ONE  # "get the drug master file cert" (not "… hospital pharmacy ops, cert path?")
        one = bool(after) and after[0] == "one" and not any(set(range(lo, hi + 1)) & w for w in role_where.values())  # "the high volume dispensing one": no title's words
        certified = lo > 0 and a.words[a.typed_start(lo) - 1] == "certified" and hi - lo + 1 == len(name) and not any(set(range(lo, hi + 1)) & w for w in role_where.values())
        if certified and not any(x <= lo and hi <= y for x, _, _, y in found):
            found.append((lo, ix.name_order[code], code, hi))  # "'certified audiology liaison'": the name as its holders shorten it, "Certified" first and its job noun left off
        elif the and after and (after[0] in lexicon.CERT_NOUNS or one) and not after[0].endswith("s") and after[1:] not in _AFTER_A_CERT_NOUN and not any(x <= lo and hi <= y for x, _, _, y in found):
            if not lexicon.cue("pathway").spans(a.words):  # ("get the drug shortage credential before i take over purchasing": the topic finds it, one certification)
                found.append((lo, ix.name_order[code], code, hi))
    found = [f for f in found if not any((x, y) != (f[0], f[3]) and x <= f[0] and f[3] <= y for x, _, _, y in found)]  # ("hospital pharmacy operations cert": not also "pharmacy operations")
    return [(code, lo, hi + 1) for lo, _, code, hi in sorted(found)]


_THE_ONE = frozenset({"the", "that", "this"})
_AFTER_A_CERT_NOUN = {(w,) for w in ("path", "pathway", "paths", "order", "route", "plan", "list", "vs", "or", "versus")}


def written_as_name(a: Analysis, lo: int, hi: int, name: set[str], full_name: str, role_where: dict[str, set[int]], titles: Mapping[str, Sequence[str]]) -> bool:
    """The words lo..hi that hold a certification's name name it: not a role's title ("medication
    safety officer") unless a certification word sits beside them, not its job noun as people or
    a verb, not the member's own job ("im a pharmacy ops manager type")."""
    stems = a.word_stems
    beside = [a.words[i] for i in (lo - 1, hi + 1) if 0 <= i < len(a.words) and a.words[i] in lexicon.CERT_NOUNS]
    cert_word_beside = bool(beside)
    covered = any(set(range(lo, hi + 1)) & w and {i for i in range(lo, hi + 1) if stems[i] in name} <= w for w in role_where.values() if w)
    if covered and not any(not w.endswith("s") for w in beside):
        return False  # a role's title; "lead pharmacy technician certs": that role's certifications
    if not cert_word_beside:
        typed = {i: stem(a.said[i]) for i in range(lo, hi + 1) if a.words[i] not in lexicon.STOPWORDS}
        for r, where in role_where.items():
            title = set(titles.get(r, ()))
            between = {i for i, st in typed.items() if st in title and st not in name}
            if between and between <= where and hi in where:
                return False  # "a PFT lab pharmacist", "the cleanroom supervisor": a title's own word, as typed (not "mgr" read as "manager"), amid the name's, and its job noun last: the role
    if _verb_for_head(a, lo, hi, full_name, role_where, cert_word_beside):
        return False
    return cert_word_beside or not any(a.words[i] in lexicon.ROLE_HEADS and not SELF_WORDS.isdisjoint(_typed_before(a, i, SELF_REACH)) for i in range(lo, hi + 1))


def _verb_for_head(a: Analysis, lo: int, hi: int, name: str, role_where: dict[str, set[int]], cert_word_beside: bool) -> bool:
    """The name's job noun written as people or as a verb, not as the certification: "who runs the
    team of medication history technicians" (plural), "does the director of pharm ops manage the
    automation" (a verb after a role's title, which holds the name's other words)."""
    head = words_of(name)[-1]
    spots = [i for i in range(lo, hi + 1) if a.word_stems[i] == stem(head)]
    if not spots or any(a.words[i] == head for i in spots):
        return False
    if all(a.words[i] in (head + "s", head + "es") for i in spots):
        return head in lexicon.ROLE_HEADS and not cert_word_beside
    rest = {i for i in range(lo, hi + 1) if i not in spots}
    return any(w and rest <= w | {i for i in rest if a.words[i] in lexicon.STOPWORDS} for w in role_where.values())


def _tightest(spots: list[int], stems: tuple[str, ...], name: set[str]) -> tuple[int, int] | None:
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


def pick_roles(roles: list[tuple[float, str]], where: dict[str, set[int]], a: Analysis, ix: Index, prefer_last: bool) -> list[tuple[float, str]]:
    """Several roles named by different words ("supply chain mgr vs ops director") are not
    ambiguous: keep the one the question is about (the goal comes last in a pathway
    question, the subject first otherwise)."""
    named = [(s, r) for s, r in roles if s >= ROLE_MENTION and where.get(r)]
    covered = {i for _, r in named for i in where[r]}
    short = [(s, r) for s, r in roles if ROLE_RELAXED <= s < ROLE_MENTION and where.get(r) and not where[r] <= covered and shortened(a, ix, r)]
    if len(named) + len(short) < 2:
        return roles
    by_short_form = len(named) < 2  # "been looking at the field auditor job and the refill desk lead job. what does the field auditor …": only the asking tells them apart
    if by_short_form:
        named = sorted(named + short, reverse=True)
    a_id, b_id = named[0][1], named[1][1]
    if where[a_id] <= where[b_id] or where[b_id] <= where[a_id]:
        return roles  # the same words fit both titles: genuinely ambiguous
    asked = [r for _, r in named if any(a.asks(i) for i in where[r])]
    turn = _whose_turn(a, [r for _, r in named], where)
    beyond = _named_beyond_a_roster(a, [r for _, r in named], where)
    if turn is not None:
        chosen = turn
    elif beyond is not None:
        chosen = beyond  # "… three positions: route lead, relocation coordinator, role redesign specialist. what's the relocation coordinator's overview"
    elif a.asking and len(asked) == 1:
        chosen = asked[0]  # "why is CPSCM on the emergency prep path? i thought it was an ops director thing": the role in the question
    elif by_short_form:
        return roles
    elif named[0][0] - named[1][0] >= PICK_CLEAR_LEAD:
        chosen = a_id  # one title written out in full, the other only touched ("our director says …")
    else:
        pick = max if prefer_last else min
        chosen = pick((r for _, r in named), key=lambda r: pick(where[r]))
    score = dict((r, s) for s, r in roles)[chosen]
    return [(max(score, 1.0), chosen)] + [(s * PICK_OTHER_FACTOR, r) for s, r in roles if r != chosen]


_ROSTER_WORDS = frozenset({"and", "or", "the", "a", "an", "plus"})  # "route lead, relocation coordinator and redesign specialist": a list of roles, nothing asked


def _named_beyond_a_roster(a: Analysis, rids: list[str], where: dict[str, set[int]]) -> str | None:
    """A sentence that only lists roles (a roster), and one role of it named again in another
    sentence: that one is asked about."""
    roster = {
        si
        for si in set(a.sentence_of)
        if sum(1 for r in rids if any(a.sentence_of[i] == si for i in where[r])) >= 2
        and all(any(i in where[r] for r in rids) or a.words[i] in _ROSTER_WORDS for i in range(len(a.words)) if a.sentence_of[i] == si)
    }
    if not roster:
        return None
    again = [r for r in rids if any(a.sentence_of[i] not in roster for i in where[r])]
    return again[0] if len(again) == 1 else None


def shortened(a: Analysis, ix: Index, rid: str, only_its: bool = False) -> bool:
    """The title shortened to its last words, its job noun among them ("the field auditor" for the
    Multi-Site Controlled Substance Field Auditor): a role named, however light those words weigh.
    ``only_its``: words no other title ends with ("program manager" ends several)."""
    stems, title, heads = a.word_stems, set(ix.role_titles[rid]), ix.title_heads[rid]
    last = _unlisted_head(ix, rid)
    return any((stems[i] in heads and a.words[i] in lexicon.ROLE_HEADS or stems[i] == last) and a.said[i - 1] != a.said[i] and stems[i - 1] in title and stems[i - 1] not in heads and (not only_its or ix.title_postings.get(stems[i - 1]) == [rid]) for i in range(1, len(stems)))


def own_words_run(a: Analysis, ix: Index, rid: str) -> bool:
    """Two words side by side, as typed, that this title has and no other title has ("territory
    sales" for the Pharmaceutical Territory Sales Specialist): the title shortened to its core."""
    own = {st for st in ix.role_titles[rid] if ix.title_postings.get(st) == [rid]}
    typed = [stem(w) for w in a.said]
    return any(typed[i] in own and typed[i + 1] in own and typed[i] != typed[i + 1] and a.said[i] != a.said[i + 1] and a.sentence_of[i] == a.sentence_of[i + 1] and (i == 0 or a.words[i - 1] not in POSSESSIVES) for i in range(len(typed) - 1))  # (not "at our policy committee": a place of the member's)


def _whose_turn(a: Analysis, named: list[str], where: dict[str, set[int]]) -> str | None:
    """"priya wants emergency preparedness and marcus wants regulatory affairs. start with priya":
    the role named first after the person (a word said before, then again after "start with")."""
    words = a.words
    for i in range(len(words) - 2):
        if words[i] in lexicon.TURN_WORDS and words[i + 1] == "with":
            who = words[i + 2]
            said = [k for k in range(i) if words[k] == who]
            if not said or who in lexicon.STOPWORDS or any(i + 2 in where[r] for r in named):
                return None
            after = [(min(p for p in where[r] if p > said[0]), r) for r in named if any(p > said[0] for p in where[r])]
            return min(after)[1] if after else None
    return None


def role_from_certs(codes: tuple[str, ...] | list[str], ix: Index) -> str | None:
    """The one role whose pathway has all these certifications, if there is exactly one."""
    if not codes:
        return None
    roles = [r.id for r in ix.knowledge.roles.values() if set(codes) <= {s.certification for s in r.pathway}]
    return roles[0] if len(roles) == 1 else None


def certs_by_topic(a: Analysis, ix: Index, exclude: set[str]) -> list[tuple[str, float]]:
    """Certifications whose text shares the question's distinctive words, best first with scores."""
    a = a.in_own_words(ix.cert_postings)
    known = [st for st in a.stems if st in ix.cert_postings and st not in cue_stems() and st not in exclude]
    distinctive = [st for st in known if ix.weight(st) >= DISTINCTIVE] or known
    return scored_certs(_top_overlap(sorted(set(distinctive), key=lambda st: (-ix.weight(st), st)), ix, TOPIC_CANDIDATES), a, ix, exclude=exclude)


DUTY_SECTIONS = frozenset({"responsibilities", "day_in_the_life"})


def certs_by_duty(a: Analysis, ix: Index, exclude: set[str]) -> tuple[str, list[tuple[str, float]]]:
    """"Which cert covers shortages": no certification's own text says it, but one duty of one
    role does ("Inventory & Supply Chain Oversight: … shortage strategies"). Then the role's
    pathway certifications, best first by the weight their text shares with that duty, and the
    role. Nothing when an asked word is in no passage, or when two roles' duties hold the words."""
    cues = cue_stems()
    nouns = {st for w, st in zip(a.words, a.word_stems) if w in lexicon.CERT_NOUNS or w in lexicon.ROLE_NOUNS}  # "cert", "credential"
    content = {st for st in set(a.stems) - cues - exclude - a.kin - nouns if ix.weight(st) >= DISTINCTIVE}
    if any(st not in ix.postings for st in content):
        return "", []  # a word the knowledge never writes ("nuclear shortages"): a topic it does not hold
    asked = list(dict.fromkeys(st for w, st in zip(a.words, a.word_stems) if st in content and english.count(w) < TRADE_TERM))  # a trade's term, not "last"
    if not asked:
        return "", []
    holding: dict[int, int] = defaultdict(int)
    for st in asked:
        for i in ix.postings[st]:
            holding[i] += 1
    duties = [i for i, n in holding.items() if n == len(asked) and ix.passages[i].role is not None and ix.passages[i].section in DUTY_SECTIONS]
    roles = {ix.passages[i].role for i in duties}
    if len(roles) != 1:
        return "", []
    rid = roles.pop() or ""
    said = frozenset().union(*(ix.passages[i].stems for i in duties)) - cues
    shared = [(s.certification, sum(ix.weight(st) for st in said & ix.cert_docs.get(s.certification, frozenset()) if ix.weight(st) >= CONTENT_WORD)) for s in ix.knowledge.roles[rid].pathway]
    return rid, sorted(((c, sc) for c, sc in shared if sc > 0), key=lambda cs: (-cs[1], cs[0]))


def _top_overlap(words: list[str], ix: Index, k: int) -> list[str]:
    """The ``k`` certifications whose text shares the most weight of ``words`` (heaviest first),
    best first (ties by code). Once the words left could not lift a certification not met yet
    into the k best, they only add to those met."""
    overlap: dict[str, float] = {}
    left = sum(ix.weight(st) for st in words)
    best, closed = 0.0, False
    for st in words:
        w = ix.weight(st)
        if not closed and len(overlap) >= k and left * (1 + 1e-9) < best:
            closed = left * (1 + 1e-9) < heapq.nlargest(k, overlap.values())[-1]
        if closed:
            for c in ix.cert_postings[st]:
                if c in overlap:
                    overlap[c] += w
            continue
        left -= w
        for c in ix.cert_postings[st]:
            score = overlap[c] = overlap.get(c, 0.0) + w
            if score > best:
                best = score
    return heapq.nsmallest(k, overlap, key=lambda c: (-overlap[c], c))


def _role_content_words(a: Analysis, ix: Index, exclude: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The question's distinctive stems some role's page uses, heaviest first."""
    cues = cue_stems()
    return sorted(
        (st for st in set(a.stems) - a.setting - a.unwanted - a.negated - a.kin - exclude if ix.weight(st) >= CONTENT_WORD and st not in cues and st in ix.role_postings),
        key=lambda st: (-ix.weight(st), st),
    )


def roles_by_content(a: Analysis, ix: Index, exclude: set[str] | frozenset[str] = frozenset()) -> list[tuple[float, str]]:
    """Roles whose page (passages and pathway sentences) uses the question's distinctive words,
    best first: each word counts once per role, by its weight ("certs for diversion stuff").

    Only the best two are sure to be listed: words are read heaviest first, and once the words
    left could not lift a role not met yet to the second best, they only add to roles met."""
    words = _role_content_words(a, ix, exclude)
    left = sum(ix.weight(st) for st in words)
    scores: dict[str, float] = {}
    best_role, best, second = "", 0.0, 0.0
    for st in words:
        w = ix.weight(st)
        if left * (1 + 1e-9) < second:
            for rid in ix.role_postings[st]:
                if rid in scores:
                    scores[rid] += w
            continue
        left -= w
        for rid in ix.role_postings[st]:
            score = scores[rid] = scores.get(rid, 0.0) + w
            if rid == best_role:
                best = score
            elif score > best:
                best_role, best, second = rid, score, best
            else:
                second = max(second, score)
    return sorted(((s, r) for r, s in scores.items()), reverse=True)


def goal_ranking(a: Analysis, ix: Index) -> list[tuple[float, str]]:
    """Roles by content as `roles_by_content`, except that pages too close to tell apart by the
    words they share are told apart by how much they dwell on them: "loves training people" is
    on the automation page once and on the workforce page throughout. The page using the words in
    DWELL_MARGIN times more of its passages (each word by its weight, passages counted on a log
    scale) is kept alone among them."""
    ranked = roles_by_content(a, ix)
    if len(ranked) < 2 or ranked[0][0] >= GOAL_MARGIN * ranked[1][0]:
        return ranked
    close = {r: s for s, r in ranked if s * GOAL_MARGIN > ranked[0][0]}
    words = _role_content_words(a, ix)
    uses: dict[tuple[str, str], int] = defaultdict(int)
    for rid in close:  # each close role's own passages and pathway sentences (a page's few dozen, whatever the base's size)
        steps = [ix.step_passages[rid, s.certification] for s in ix.knowledge.roles[rid].pathway if (rid, s.certification) in ix.step_passages]
        for i in [*ix.role_passages.get(rid, ()), *steps]:
            for st in words:
                if st in ix.passages[i].stems:
                    uses[st, rid] += 1
    dwell = sorted(((sum(ix.weight(st) * math.log2(1 + uses[st, rid]) for st in words), rid) for rid in close), reverse=True)
    if dwell[1][0] * DWELL_MARGIN > dwell[0][0]:
        return ranked
    winner = dwell[0][1]
    return [(close[winner], winner)] + [(s, r) for s, r in ranked if r not in close]
