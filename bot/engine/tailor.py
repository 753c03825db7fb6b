"""Order certifications by what the member says about themselves.

Relevance is the summed weight of the member's distinctive words found in each
certification's own text (name, description, aliases, and this role's sentence on why it
matters), so a certification added to ``knowledge/`` is tailored like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from bot.engine import english, lexicon
from bot.engine.analyze import Analysis, cue_stems
from bot.engine.index import Index
from bot.engine.normalize import stem
from bot.engine.thresholds import BRIDGE_WEIGHT, CLIPPED_KIN_MIN, CLIPPED_KIN_MORE, CLIPPED_UNUSED_MORE, DISLIKE_OVER_LIKE, DISTINCTIVE, FIRST_FOR_WEIGHT, FOCUS_MARGIN, KIN_MIN, LIKED_SPAN, LIKED_WEIGHT, NAME_BONUS, PUT_BACK_SHARE, RELATED_WEIGHT, SETTING_WEIGHT, TITLE_WORD_WEIGHT


@dataclass(frozen=True)
class Tailored:
    order: tuple[str, ...]  # remaining steps, focus first
    focus: str | None
    focus_words: tuple[str, ...]
    held: tuple[str, ...]
    later: tuple[str, ...] = ()  # steps put after the rest for what the member would rather not do
    later_words: tuple[str, ...] = ()  # the member's words they were put back for


def _focus_stems(a: Analysis, exclude: set[str] | frozenset[str], about_member: bool = False) -> list[str]:
    if about_member:  # "which should she start with": an order, not an interest; "library entries" is one
        exclude = exclude | _NOT_FOCUS | {st for w, st in zip(a.words, a.word_stems) if w in lexicon.FIRST_WORDS or w in lexicon.ORDINALS}  # ("is that the last one on their path")
        ordering = {i for x, y in lexicon.cue("ordering").spans(a.words) for i in range(x, y)}
        exclude = exclude | ({a.word_stems[i] for i in ordering} - {a.word_stems[i] for i in range(len(a.words)) if i not in ordering})  # ("does that change it": how it is asked)
    exclude = exclude | a.unwanted | _after_as_wish(a) | (a.kin - _wisher_jobs(a) if about_member else a.kin) | {st for i, (w, st) in enumerate(zip(a.words, a.word_stems)) if w in lexicon.COUNTS or (w in lexicon.TIME_SPANS and i and (a.words[i - 1].isdigit() or a.words[i - 1] in lexicon.NUMBER_WORDS))} | _spoken_for(a) | _ranks(a) | _drawn(a)  # ("which of the two": a number, no interest)
    cues = cue_stems()
    return [s for s in a.stems if s not in exclude and s not in cues and s not in _NEVER_FOCUS]  # ("the hearings side worries me": how a dislike is said, no interest)


_PEOPLE_NOT_JOBS = lexicon.MENTORED - lexicon.ROLE_HEADS
_NEVER_FOCUS = frozenset(stem(w) for phrase in lexicon.DISLIKE_ENDS for w in phrase.split() if w not in ("not", "whom"))
_INITIALS_MAX = 5  # letters of a word read as initials ("IFR", "irAE"), not a word of the trade
_WHO_NOUNS = lexicon.MENTORED | lexicon.PERSON_NOUNS | lexicon.ROLE_HEADS | {"candidate", "candidates", "applicant", "applicants", "hire", "post", "role", "job", "position"}
_BE = frozenset({"s", "is", "im", "am", "are", "were", "was", "been", "theyre", "shes", "hes", "she", "he", "i", "they", "we"})  # (an apostrophe may leave only the person: "she's after")


def _after_as_wish(a: Analysis) -> frozenset[str]:
    """"she's after the promotional review path": "after" as wanting, no interest (not "the
    after-launch side": a part of the work)."""
    return frozenset(a.word_stems[i] for i, w in enumerate(a.words) if w == "after" and i and a.words[i - 1] in _BE)


def _ranks(a: Analysis) -> frozenset[str]:
    """"a staff pharmacist", "our senior tech": a rank said of a job noun, no interest (a page's
    "the staff who raised them" is not what a staff pharmacist cares about)."""
    return frozenset(a.word_stems[i] for i, w in enumerate(a.words[:-1]) if w in _RANK_WORDS and (a.words[i + 1] in lexicon.ROLE_HEADS or a.words[i + 1] in lexicon.MENTORED))


def _drawn(a: Analysis) -> frozenset[str]:
    """"the LPC officer job appeals", "that appeals to me": how a job draws the member, said of the
    job or before "to", no interest ("insurance appeals" stays a topic)."""
    return frozenset(
        a.word_stems[i] for i, w in enumerate(a.words) if w in lexicon.DRAWN_VERBS and ((i and (a.words[i - 1] in lexicon.ROLE_NOUNS or a.words[i - 1] in _DRAWING)) or a.words[i + 1 : i + 2] == ("to",))
    )


_DRAWING = frozenset({"it", "that", "this", "one", "idea", "which", "really", "also", "kinda", "definitely"})  # ("that one really appeals")


PART_NOUNS = frozenset({"side", "part", "bit", "stuff", "end"})  # "the escalation side": a part of the work (also read by the conversation layer)
_PART_STEMS = frozenset(stem(w) for w in PART_NOUNS)
_RANK_WORDS = frozenset({"staff", "senior", "junior", "new", "night", "evening", "weekend", "float", "relief", "locum"})


def _spoken_for(a: Analysis) -> frozenset[str]:
    """"my new hire already got CPFCS", "our student wants …": whom the way is for, no interest
    (not "teaching the new hires", "precepting students": what they do)."""
    return frozenset(st for i, (w, st) in enumerate(zip(a.words, a.word_stems)) if w in _PEOPLE_NOT_JOBS and i and (a.words[i - 1] in THEIRS or (a.words[i - 1] in _RANK_WORDS and ((a.words[i - 2 : i - 1] and a.words[i - 2] in THEIRS) or (a.words[i - 1] == "new" and not w.endswith("s"))))))  # (and "Farah (new hire)": who she is; "Joe, my senior tech, …")


def _wisher_jobs(a: Analysis) -> frozenset[str]:
    """"my buyer wants to move into …": the job of the person whose way is asked, which says what
    they do (other people's jobs say nothing of the one asking)."""
    return frozenset(a.word_stems[k] for i, w in enumerate(a.words) if i and a.words[i - 1] in THEIRS and not lexicon.WISH_WORDS.isdisjoint(a.words[i + 1 : i + 3]) for k in a.typed_group(i))


THEIRS = frozenset({"my", "our"})  # "my tech", "our buyer": people the member speaks of
_PLACE_STEMS = frozenset(stem(w) for w in lexicon.PLACES) - {stem(w) for w in lexicon.FIELD_WORDS}  # (the trade's own word is weighed as itself)


def _score(stems: list[str], doc: frozenset[str], a: Analysis, ix: Index, about_member: bool = False, liked: frozenset[str] = frozenset()) -> tuple[float, list[str]]:
    """``liked``: stems of what the member says they like (``_liked``), worked out once per question."""
    hits = [s for s in dict.fromkeys(stems) if s in doc or (len(s) >= CLIPPED_KIN_MIN and not any(f.startswith(s) for f in lexicon.FIELD_WORDS) and any(t.startswith(s) and len(t) - len(s) >= (CLIPPED_UNUSED_MORE if s not in ix.postings and not english.is_word(s) else CLIPPED_KIN_MORE) for t in doc))]  # ("chemo" and a step about "chemotherapy": the word clipped; not "short" for "shortage"; "anticoag", which no page writes and no English has, for "anticoagulation")
    score = 0.0
    for s in hits:
        emphasis = _emphasis(s, a, about_member)
        score += ix.weight(s) * emphasis * (LIKED_WEIGHT if s in liked and emphasis >= 1.0 else 1.0) * stems.count(s)
    return score, hits


def _kin(s: str) -> tuple[str, ...]:
    """Stems of the same word that the suffix stripper left apart: a noun and its "-ation"
    ("vaccines" vaccin, "vaccination" vaccinat; "documentation", "document")."""
    if len(s) < KIN_MIN:
        return ()
    return (s.removesuffix(_ATION),) if s.endswith(_ATION) else (s + _ATION,)


_ATION = "at"  # what the stemmer leaves of "-ation" ("vaccination" vaccinat)


def _emphasis(s: str, a: Analysis, about_member: bool) -> float:
    """Where the member works, or their job title ("staff pharmacist"), says less about what
    they care about than what they do ("I love safety work"); and when they tell about
    themselves, an everyday word ("run", "building", "system") less than a word of the trade
    ("monographs", "dashboards")."""
    if s in a.setting or s in a.workplace or (about_member and s in _PLACE_STEMS):  # (told of themselves, "the ED", "our dept": where, not what)
        return SETTING_WEIGHT
    plain = min((english.everyday_weight(w) for w, st in zip(a.words, a.word_stems) if st == s), default=1.0) if about_member else 1.0
    return plain * (TITLE_WORD_WEIGHT if s in _HEAD_STEMS else 1.0)


def _liked(a: Analysis) -> frozenset[str]:
    """Stems of what the member says they like ("… gets called about pump library problems and
    honestly I like building the entries"): the rest of that clause, which says more about
    what comes first for them than what they merely do or where (its words of the trade
    count more, not its everyday words)."""
    words, out = a.words, set()
    spans = lexicon.cue("likes").phrases.spans(words)
    if _SEVERAL.isdisjoint(words):  # ("one loves the ordering, the other is all about the instillations": whose, the message must say)
        spans = [*spans, *lexicon.cue("likes_theirs").phrases.spans(words)]
    for _, end in spans:
        if words[end : end + 2] in (("to", "become"), ("to", "be"), ("to", "move"), ("to", "get")) or words[end : end + 1] == ("becoming",):
            continue  # "what I really want is to become the product owner": a goal, no work they like
        k, clause = end, a.sentence_of[end - 1]
        while k < len(words) and k - end < LIKED_SPAN and words[k] not in lexicon.CLAUSE_BREAKS and words[k] not in _SET_AGAINST and not (k > end and words[k] in _WHEN_CLAUSE) and not (words[k] in _ASKING_AUX and words[k + 1 : k + 2] and words[k + 1] in _ASKED_OF):
            if a.sentence_of[k] != clause:
                if not _elaborated(a, k - 1):
                    break
                clause = a.sentence_of[k]  # "i love the people side - coaching techs, schedules": the dash says what that is
            out.add(a.word_stems[k])
            k += 1
    return frozenset(out)


_SEVERAL = lexicon.SOMEONE_NEW | {"both", "each", "same"}  # words of a message about more than one person
_SET_AGAINST = frozenset({"than"})  # "loves writing guides more than observing": what follows is liked less
_ASKING_AUX = frozenset({"does", "do", "did", "would", "should", "could", "can", "will", "is", "are", "whats", "what", "which", "where", "how"})  # "into regulations, does that change it?": the asking begins
_ASKED_OF = frozenset({"that", "this", "it", "i", "you", "u", "she", "he", "they", "there", "is", "s", "comes", "cert", "one", "step", "should", "would", "do", "does"})
_WHEN_CLAUSE = frozenset({"before", "when", "whenever", "while", "because", "since", "until", "if"})  # "into competency checks before floaters go to a new site": when, not what, is liked

_ELABORATION = re.compile(r"\s*[-–—:]\s")


def _elaborated(a: Analysis, k: int) -> bool:
    """Word k, as typed, is followed by a dash or a colon that goes on to say what it means."""
    said, typed = a.said[k], a.question.lower()
    at = typed.find(said)
    while at >= 0:
        if _ELABORATION.match(typed, at + len(said)):
            return True
        at = typed.find(said, at + 1)
    return False


def rank_certs(codes: list[str] | tuple[str, ...], a: Analysis, ix: Index, exclude: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """``codes`` by relevance to the question; ties keep the order given."""
    return [c for c, _ in scored_certs(codes, a, ix, exclude, keep_zero=True)]


SHARED_FORM = 5  # letters a word and a text's word must share, one the start of the other, to be forms of one word


def compare_certs(codes: list[str] | tuple[str, ...], a: Analysis, ix: Index, exclude: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """``rank_certs`` for "CCSC or CDRT, which one is more about the paperwork": when their texts
    tie on the question's words, words of the trade related to those no text uses decide."""
    scored = scored_certs(codes, a, ix, exclude, keep_zero=True)
    if not _tied([s for _, s in scored]):
        return [c for c, _ in scored]
    docs = {c: ix.cert_docs[c] for c, _ in scored}
    asked = _focus_stems(a, set(exclude))
    orphans = _orphans(asked, docs, ix)
    rescored = [(c, _related((s, []), orphans, docs[c], ix)[0]) for c, s in scored]
    if _tied([s for _, s in rescored]):  # "which is more about inspecting": "inspection" and "inspector" in one text, another form of the word
        unmatched = [w for w in asked if len(w) >= SHARED_FORM and not any(w in doc for doc in docs.values())]  # (a word some text has as it is was counted already)
        rescored = [(c, s + sum(ix.weight(w) for w in _other_forms(unmatched, docs[c]))) for c, s in rescored]
    return [c for c, _ in sorted(rescored, key=lambda cs: -cs[1])]


def scored_certs(codes: list[str] | tuple[str, ...], a: Analysis, ix: Index, exclude: set[str] | frozenset[str] = frozenset(), keep_zero: bool = False) -> list[tuple[str, float]]:
    """(code, relevance) best first; without ``keep_zero`` only certifications the question touches."""
    stems = _focus_stems(a, set(exclude))
    scored = []
    for i, code in enumerate(codes):
        score, _ = _score(stems, ix.cert_docs[code], a, ix)
        name = ix.cert_names[code]
        if name:
            total = sum(ix.weight(t) for t in name) or 1.0
            score += NAME_BONUS * sum(ix.weight(t) for t in name if t in stems) / total
        scored.append((score, -i, code))
    scored.sort(reverse=True)
    return [(c, s) for s, _, c in scored if keep_zero or s > 0]


def tailor(role_id: str, a: Analysis, ix: Index, restrict: list[str] | None = None, held: tuple[str, ...] | list[str] | None = None, exclude: set[str] | frozenset[str] = frozenset(), asked_first: bool = True) -> Tailored:
    """The role's steps minus held ones, the most relevant to the member first; ``asked_first``:
    the one step ``restrict`` names comes first when nothing the member said orders them ("why
    CDAT first?"), else it stays where it stands ("is CACPC on the PDT path?")."""
    role = ix.knowledge.roles[role_id]
    held_t = tuple(c for c in (held or []) if c in {s.certification for s in role.pathway})
    steps = [s.certification for s in role.pathway if s.certification not in held_t]
    nickname = ix.nicknames.get(role_id, frozenset())
    title = set(ix.role_titles[role_id])
    naming = {a.word_stems[k] for i, st in enumerate(a.word_stems) if st in nickname and (nxt := a.typed_group(i).stop) < len(a.words) and (a.word_stems[nxt] in title or a.words[nxt] in lexicon.ROLE_HEADS or a.words[nxt] in lexicon.ROLE_NOUNS) for k in (*a.typed_group(i), *a.typed_group(nxt))}  # ("a hazmat shipping coordinator" for one often called the hazmat shipper, "wants the trackside job": its name, no interest; "the irAE pharmacist", irAE read with what it stands for; "the specials buyer", its job noun too)
    naming |= {st for i, st in enumerate(a.word_stems) if i and st in nickname and a.word_stems[i - 1] in title}  # ("wants limb salvage" for one often called the limb salvage pharmacist)
    naming |= {st for i, (w, st) in enumerate(zip(a.words, a.word_stems)) if st in nickname and len(w) <= _INITIALS_MAX and not english.is_word(w) and ((a.words[i + 1 : i + 2] and a.words[i + 1] in _WHO_NOUNS) or (i and a.words[i - 1] in ("into", "become", "becoming")))}  # ("the IFR candidate" for one often called the IFR pharmacist: its initials name the person's job, "move into DME" the job wanted; not "runs our IV room")
    liked = _liked(a) - a.unwanted  # (not "not into hospital pharmacy")
    stems = _focus_stems(a, (set(exclude) | naming | _set_against(a)) - (_liked_in_own_words(a, liked, role.title) & title), about_member=True)
    docs = {code: ix.step_doc(role_id, code) or ix.cert_docs.get(code, frozenset()) for code in steps}
    scored = _scored_steps(stems, steps, docs, role_id, a, ix, liked)
    stems += [st for w, st in zip(a.words, a.word_stems) if st in liked and st in cue_stems() and st in _RELATED and st not in stems and st not in title and st not in exclude]  # "loves explaining things to people": a word of asking, said of the work they love
    fond = [s for s in stems if s in liked]
    if fond and len(fond) < len(stems):  # "I precept our new hires and honestly love teaching": what they love decides, when it can
        by_love = _scored_steps(fond, steps, docs, role_id, a, ix, liked)
        if not any(score for _, score, _ in by_love):
            by_love = _with_related(by_love, fond, docs, ix, liked)
        if _stands_out(by_love):
            scored = by_love
    if not _stands_out(scored):
        scored = _by_a_name_said(scored, a, ix, title | set(exclude) | naming)  # "obsessed with quality measures": one step's name says it, word for word
    titled_love = [s for s in fond if s in title and any(st == s and a.words[i + 1 : i + 2] and a.words[i + 1] in PART_NOUNS for i, st in enumerate(a.word_stems))]  # ("the escalation side": a part of the titled work)
    if not _stands_out(scored) and titled_love:
        scored = _by_a_liked_name(scored, titled_love, ix)  # "she's really good at the escalation side": the one step named for that part of the titled work
    if not any(score for _, score, _ in scored):  # nothing said matches directly: words of the trade related to theirs, else the role's own words next to theirs
        doing = [s for s in stems if s not in a.setting and s not in a.workplace]  # (where they work or worked leads to nothing: "from my old hospital IT job")
        related = _with_related(scored, doing, docs, ix, liked)
        formed = _by_forms(scored, doing, docs, ix)
        if not _stands_out(related) and _stands_out(formed):
            related = formed  # "investigations are my thing": the Breach Response Investigator step, another form of the word
        if _stands_out(related):  # "i do all the ordering + shortage workarounds": the supply step, not whatever the page says beside "shortage"
            scored = related
        else:
            bridge, said = _bridge(doing, role_id, docs, ix)
            bridged = [(code, sum(BRIDGE_WEIGHT * ix.weight(s) for s in bridge if s in docs[code]), said) for code, _, _ in scored]
            scored = bridged if _stands_out(bridged) else related
    elif not _stands_out(scored):  # "workflow" in two steps: what the rest of their words are about decides
        scored = _with_related(scored, stems, docs, ix, liked)
    ranked = sorted(((0.0 if restrict and code not in restrict else score, code, hits) for code, score, hits in scored), key=lambda x: -x[0])
    if ranked and ranked[0][0] > 0 and (len(ranked) == 1 or ranked[0][0] >= FOCUS_MARGIN * ranked[1][0]):
        focus, words = ranked[0][1], ranked[0][2]
        surface = tuple(dict.fromkeys(said for w, said in zip(a.words, a.said) if stem(w) in words))
        return _put_back(Tailored((focus,) + tuple(c for c in steps if c != focus), focus, surface, held_t), docs, a, ix, title | set(exclude) | naming, title)
    asked = [c for c in steps if restrict and c in restrict]
    if len(asked) == 1 and asked_first:  # "why CDAT first?": the step the member names comes first
        return Tailored((asked[0],) + tuple(c for c in steps if c != asked[0]), asked[0], (), held_t)
    return _put_back(Tailored(tuple(steps), None, (), held_t), docs, a, ix, title | set(exclude) | naming, title)


def _put_back(t: Tailored, docs: dict[str, frozenset[str]], a: Analysis, ix: Index, naming: set[str], title: set[str]) -> Tailored:
    """Steps about what the member would rather not do ("i hate toxicology", "palliative care isn't
    my thing") come after the others, the more about it the later; the rest keep their order
    (the step put first for what they like stays first). Nothing moves when every step is as
    much about it."""
    codes = {stem(c.lower()) for c in a.codes}
    avoid = [s for s in a.disliked if (s not in naming or (s in title and not _said_in_a_title(s, a, title))) and s not in codes and s not in cue_stems() and s not in _PART_STEMS and ix.weight(s) >= DISTINCTIVE]  # (not "side" of "the rehab side"; "can't stand lab bench testing" of a testing lead: the work, not its title)
    weight = {c: sum(ix.weight(s) for s in avoid if s in docs.get(c, frozenset())) for c in t.order}
    liked = {stem(w) for w in t.focus_words}
    liking = sum(ix.weight(s) for s in liked if s in docs.get(t.focus or "", frozenset()))
    if t.focus and liked.isdisjoint(avoid) and weight[t.focus] > DISLIKE_OVER_LIKE * liking and weight[t.focus] >= max(weight.values()) and len(set(weight.values())) > 1:
        t = Tailored(t.order, None, (), t.held)  # "… informatics pharmacist, but system configuration and testing bore him": the step more about the dislike than the like is not first for it
    rest = [c for c in t.order if c != t.focus]
    if len({weight[c] for c in rest}) <= 1:
        return t  # (none about it, or all alike: nothing to put back)
    most = max(weight[c] for c in rest)
    order = ((t.focus,) if t.focus else ()) + tuple(sorted(rest, key=lambda c: weight[c] if weight[c] >= PUT_BACK_SHARE * most else 0.0))  # (a step that only grazes it, "an operations leader", keeps its place)
    later = tuple(c for c in order if c != t.focus and weight.get(c) and weight[c] >= PUT_BACK_SHARE * most)
    words = tuple(dict.fromkeys(said for st, said in zip(a.word_stems, a.said) if st in avoid and any(st in docs.get(c, frozenset()) for c in later)))
    return Tailored(order, t.focus, t.focus_words, t.held, later, words)


def _said_in_a_title(st: str, a: Analysis, title: set[str] | frozenset[str]) -> bool:
    """A word of the title said where the title is (beside another of its words or a job noun),
    not alone in what the member dislikes ("i cant stand lab bench testing")."""
    def titled(k: int) -> bool:
        return 0 <= k < len(a.words) and (a.word_stems[k] in title or a.words[k] in lexicon.ROLE_HEADS)
    return any(s == st and (titled(i - 1) or titled(i + 1)) for i, s in enumerate(a.word_stems))


def _liked_in_own_words(a: Analysis, liked: frozenset[str], title: str) -> set[str]:
    """Words of the role's title the member says they love in other forms ("she's all about
    leading people" for a team lead): what they love, not the title named."""
    typed = set(re.findall(r"[a-z]+", title.lower()))
    own = {st for i, st in enumerate(a.word_stems) if st in liked and typed.isdisjoint(a.said[i].split()) and st in {stem(w) for w in a.said[i].split()}}  # (the word as typed: not "rpd" read as "residency program director")
    return own | {st for i, st in enumerate(a.word_stems[:-1]) if st in liked and a.words[i + 1] in PART_NOUNS and a.words[i] in typed}  # "she's really good at the escalation side": a part of the titled work


def _set_against(a: Analysis) -> set[str]:
    """"more into the safety side than bedside stuff", "rather X than Y": what is liked less (the
    words after "than", to the end of its clause) leads to no step."""
    out: set[str] = set()
    for i, w in enumerate(a.words):
        if w == "than" and any(x in ("more", "rather") for x in a.words[max(0, i - 8) : i]) and not any(x.endswith("er") and len(x) > 4 for x in a.words[max(0, i - 2) : i]):
            k = i + 1
            while k < len(a.words) and k - i <= 3 and a.sentence_of[k] == a.sentence_of[i] and a.words[k] not in ("and", "but", "so", "which", "what"):
                out.add(a.word_stems[k])
                k += 1
    return out


def _scored_steps(stems: list[str], steps: list[str], docs: dict[str, frozenset[str]], role_id: str, a: Analysis, ix: Index, liked: frozenset[str]) -> list[tuple[str, float, list[str]]]:
    return [(code, *_first_for(_score(stems, docs[code], a, ix, about_member=True, liked=liked), stems, ix.first_for.get((role_id, code), frozenset()), ix)) for code in steps]


def _by_a_liked_name(scored: list[tuple[str, float, list[str]]], fond: list[str], ix: Index) -> list[tuple[str, float, list[str]]]:
    """Of steps tied on what the member loves, the one whose name has a word of it goes first
    (when only one does)."""
    named = [code for code, _, _ in scored if not set(fond).isdisjoint(ix.cert_names.get(code, ()))]
    if len(named) != 1:
        return scored
    top = max((score for _, score, _ in scored), default=0.0)
    return [(code, (top + 1.0) * FOCUS_MARGIN if code == named[0] else score, hits + [s for s in fond if s in ix.cert_names.get(code, ())] if code == named[0] else hits) for code, score, hits in scored]


def _by_a_name_said(scored: list[tuple[str, float, list[str]]], a: Analysis, ix: Index, naming: set[str]) -> list[tuple[str, float, list[str]]]:
    """When exactly one step's name has two words side by side as the member says them, one of
    them a word that does not name the role (a title word may be the other: "quality measures"
    on the quality dashboard analyst's path), that step goes first."""
    cues = cue_stems()
    said = {(x, y) for x, y in zip(a.stems, a.stems[1:]) if {x, y}.isdisjoint(a.unwanted) and not ({x, y} <= naming) and x not in cues and y not in cues and not ({x, y} & naming and {x, y} - naming <= _HEAD_STEMS)}
    named = [code for code, _, _ in scored if said & set(zip(ix.cert_names.get(code, ()), ix.cert_names.get(code, ())[1:]))]
    if len(named) != 1:
        return scored
    pair = next(iter(said & set(zip(ix.cert_names[named[0]], ix.cert_names[named[0]][1:]))))
    top = max(score for _, score, _ in scored)
    return [(code, top + ix.weight(pair[0]) + ix.weight(pair[1]) if code == named[0] else score, [*hits, *pair] if code == named[0] else hits) for code, score, hits in scored]


def _stands_out(scored: list[tuple[str, float, list[str]]]) -> bool:
    """One step scores clearly above the rest (see ``_tied``)."""
    return not _tied(sorted((score for _, score, _ in scored), reverse=True))


def _with_related(scored: list[tuple[str, float, list[str]]], stems: list[str], docs: dict[str, frozenset[str]], ix: Index, liked: frozenset[str]) -> list[tuple[str, float, list[str]]]:
    """The steps' scores with the trade words related to the member's words no step uses (``_related``)."""
    orphans = _orphans(stems, docs, ix)
    return [(code, *_related((score, hits), orphans, docs[code], ix, liked)) for code, score, hits in scored]


def _by_forms(scored: list[tuple[str, float, list[str]]], stems: list[str], docs: dict[str, frozenset[str]], ix: Index) -> list[tuple[str, float, list[str]]]:
    """The steps' scores with the member's words no step uses, counted where a step's text has
    another form of them ("investigations", "investigator": one the start of the other)."""
    unmatched = [w for w in _orphans(stems, docs, ix) if len(w) >= SHARED_FORM]
    out = []
    for code, score, hits in scored:
        forms = _other_forms(unmatched, docs[code])
        out.append((code, score + sum(ix.weight(w) for w in forms), hits + forms))
    return out


def _other_forms(words: list[str], doc: frozenset[str]) -> list[str]:
    """The words the text has in another form, one the start of the other ("investigat",
    "investigator"), both ``SHARED_FORM`` letters or more."""
    return [w for w in words if any(d.startswith(w) or w.startswith(d) for d in doc if len(d) >= SHARED_FORM)]


def _first_for(scored: tuple[float, list[str]], stems: list[str], whom: frozenset[str], ix: Index) -> tuple[float, list[str]]:
    """A step whose "why" says it comes first for the member's kind ("the starting point for
    technicians") counts those words fully, job nouns included, and more."""
    said = [s for s in dict.fromkeys(stems) if s in whom and ix.weight(s) >= DISTINCTIVE and s not in cue_stems()]
    score, hits = scored
    return score + FIRST_FOR_WEIGHT * sum(ix.weight(s) for s in said), list(dict.fromkeys(hits + said))


def _tied(scores: list[float]) -> bool:
    """The best of these scores (best first) does not stand out: none would be put first."""
    return len(scores) > 1 and (scores[0] == scores[1] or scores[0] < FOCUS_MARGIN * scores[1])


def _orphans(stems: list[str], docs: dict[str, frozenset[str]], ix: Index) -> list[str]:
    """The member's distinctive words no text here uses ("schedules", "chemo"), job nouns aside."""
    known = frozenset().union(*docs.values())
    return [s for s in stems if s not in known and s not in _PLAIN_HEADS and ix.weight(s) >= DISTINCTIVE]


def _related(scored: tuple[float, list[str]], orphans: list[str], doc: frozenset[str], ix: Index, liked: frozenset[str] = frozenset()) -> tuple[float, list[str]]:
    """"I do the schedules" and a step about "leading pharmacy teams": words of the trade related
    (``related`` in words.yaml) to the member's words that no step uses count too, weaker than their
    own; those of what the member likes ("honestly love teaching") more than those of what they do."""
    related = {r: s for s in orphans for r in (*_RELATED.get(s, ()), *_kin(s)) if r in doc}  # ("vaccines" and a step about "vaccination")
    score, hits = scored
    extra = sum(ix.weight(r) * (LIKED_WEIGHT if s in liked else 1.0) for r, s in related.items())
    return score + RELATED_WEIGHT * extra, list(dict.fromkeys(hits + list(related.values())))


def _bridge(stems: list[str], role_id: str, docs: dict[str, frozenset[str]], ix: Index) -> tuple[set[str], list[str]]:
    """Words the role's page uses next to the member's words that no certification text has.

    "heparin and insulin are my thing" matches no certification, but the role's page speaks of
    "insulin, opioids ... and other high-alert drugs"; borrowing "high-alert" from that
    passage lets the high-alert medication certification come first. Returns the borrowed words
    and the member's words that led to them.
    """
    known = frozenset().union(*docs.values()) if docs else frozenset()
    orphans = {s for s in stems if s not in known and ix.weight(s) >= DISTINCTIVE}
    borrowed: set[str] = set()
    used: set[str] = set()
    for i in ix.role_passages.get(role_id, ()):
        p = ix.passages[i]
        if orphans & p.stems:
            borrowed |= p.stems & known
            used |= orphans & p.stems
    return borrowed - set(stems), [s for s in stems if s in used]


_HEAD_STEMS = frozenset(stem(w) for w in lexicon.ROLE_HEADS)


def _related_stems() -> dict[str, frozenset[str]]:
    """Each stem of a ``related`` group -> the other stems of the groups it is in."""
    out: dict[str, frozenset[str]] = {}
    for group in (frozenset(stem(w) for w in g) for g in lexicon.RELATED):
        for s in group:
            out[s] = out.get(s, frozenset()) | (group - {s})
    return out


_RELATED = _related_stems()


def related_stems(stems: list[str] | tuple[str, ...], known: Mapping[str, object]) -> tuple[str, ...]:
    """Words of the trade related to the question's (``related`` in words.yaml) that ``known`` (a
    posting list) has, for the question's words it has not: "teaching" and a certification about
    "instructors" and "lesson plans"."""
    return tuple(dict.fromkeys(r for s in stems if s not in known for r in sorted(_RELATED.get(s, ())) if r in known))
# Job nouns say who the member is, not what they do: except those of a trade ("I'm the buyer"),
# grouped with its words in ``related``.
_PLAIN_HEADS = _HEAD_STEMS.difference(_RELATED)
# Words that say how a pathway is asked, never what the member cares about: "already hold CMSO",
# "what's next on the RPD track", "I run the …", "I mostly live in Tableau", "where should I start".
_NOT_FOCUS = frozenset(stem(w) for w in lexicon.HELD_CUES | lexicon.NOT_HELD_CUES | lexicon.LIGHT_WORDS | lexicon.ROLE_NOUNS | lexicon.NEGATIONS)


