"""Everything one question says, read once into immutable evidence the stages decide from.

``read`` runs the analysis (words, codes, spelling, synonyms), names the roles and
certifications the question mentions (with positions and scores), and records which cue lists
fire. Values that cost more and only some stages need (a role described by its duties) are
derived lazily, once, from the same evidence; nothing is ever written back.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import Mapping

from bot.engine import english, lexicon
from bot.engine.analyze import Analysis, analyze, cue_stems, held_codes
from bot.engine.entities import POSSESSIVES, alias_certs, own_words_run, shortened, member_heads, named_cert_spans, named_certs, own_job_heads, led, modifying, names_this_job, goal_ranking, pick_roles, role_scores, spoken_of, themed_job, wishing
from bot.engine.index import EVERYDAY_WORD, Index
from bot.engine.intents import Neighbour, builtin_index, features, words_of_example
from bot.engine.phrases import CODE_MARK, SENTENCE_BREAK
from bot.engine.normalize import stem
from bot.engine.sections import content_role
from bot.engine.thresholds import (
    CLAUSE_WORDS,
    CONTENT_WORD,
    DESCRIBED_MARGIN,
    DESCRIBED_STRONG,
    JOB_SUBJECT_REACH,
    GOAL_MARGIN,
    GOAL_MIN,
    GOAL_SHARE,
    PASTED_MIN,
    PHRASE_READING,
    ROLE_MENTION,
    ROLE_PICKED,
    ROLE_RELAXED,
    WHO_LEAD,
    WHO_MIN,
    WHO_WEAK,
)

# Cue lists read on the words with named titles masked ("Long-Term Care Consultant" is not a
# "long term" goal); every other list reads the words as written.
ON_MASKED = frozenset({"pathway", "day", "responsibilities", "overview", "weak_overview", "clinical_request", "clinical_topic"})  # "what does a unit dose repackaging supervisor do": a title, no dose asked
KEEP_IN_DISCOURSE = frozenset({"discourse", "correction", "follow_up", "new_topic"})  # cues that may lie inside steering words


def embedded_polar(words: tuple[str, ...]) -> bool:
    """"could you tell me whether Dr. Marsh is still …": a yes/no question inside a request to tell."""
    return any(words[i : i + 2] == ("tell", "me") and words[i + 2 : i + 3] and words[i + 2] in lexicon.EMBEDDED_LEADS for i in range(len(words)))


def last_asks_a_role(a: Analysis) -> list[str]:
    """The words of the message's last sentence when it asks for a role ("Which of your roles is
    this?", "what job is that"), else none: what comes before it was pasted or told."""
    if not a.sentence_of:
        return []
    last = a.sentence_of[-1]
    said = [w for i, w in enumerate(a.words) if a.sentence_of[i] == last]
    return said if not (lexicon.ROLE_NOUNS.isdisjoint(said) and lexicon.ASKED_ROLE.isdisjoint(said)) else []


@dataclass(frozen=True)
class Evidence:
    ix: Index = field(repr=False, compare=False)
    a: Analysis
    roles: tuple[tuple[float, str], ...]  # roles the question names, best first (score, id)
    role_where: Mapping[str, frozenset[int]]  # word positions that name each role
    named_roles: tuple[str, ...]  # roles named at least ROLE_MENTION, before picking a subject
    codes: tuple[str, ...]  # certifications named: by code, by alias or by their name written out
    cert_nouns: tuple[str, ...]  # "cert", "certifications" …
    role_nouns: tuple[str, ...]  # "role", "career", "pathway" …
    held: tuple[str, ...]  # codes the member says they already hold
    role_best: str | None
    role_score: float
    second: float  # the next role's score
    cue_text: str  # the words with those of named titles masked as "_"
    hits: Mapping[str, str]  # cue list -> the words that triggered it
    title_positions: frozenset[int]  # words that name a role's title (or part of it)
    set_aside: tuple[str, ...] = ()  # certifications the member sets aside ("besides CMSO, …"), read out of the question
    set_aside_roles: tuple[str, ...] = ()  # roles set aside likewise ("not the ops director, the other one")

    # ------------------------------------------------------------------ plain readings

    def cue(self, name: str) -> str | None:
        return self.hits.get(name)

    def named_apart(self, rid: str) -> list[str]:
        """The other roles named by words of their own: at least half their title, or a word no other
        title has ("director of pharmacy" inside "director of pharmacy operations" is one name; "the
        nuclear manager" beside "the accreditation lead" another)."""
        scores = {r: s for s, r in self.roles}
        mine = self.role_where.get(rid, frozenset())
        words = self.a.words

        def named(r: str, w: frozenset[int]) -> bool:  # (a word only its title has, then a job noun: "nuclear manager", not "does all the inv")
            return scores.get(r, 0) >= ROLE_MENTION * 0.5 or any(self.ix.title_postings.get(self.a.word_stems[i]) == [r] and _then_a_job(self, r, i) and not (i and words[i - 1] in lexicon.POSSESSIVES) for i in w - mine)  # ("my resident …": a person they know)

        return sorted((r for r, w in self.role_where.items() if w - mine and mine - w and named(r, w)), key=lambda r: min(self.role_where[r]))

    @cached_property
    def chit_chat(self) -> bool:
        """Small talk said to the bot ("do you like your job"), not waved away ("ok not your job.")."""
        words = self.a.words
        return "chit_chat" in self.hits and any(not (a and words[a - 1] in lexicon.NEGATIONS) for a, _ in lexicon.cue("chit_chat").spans(words))

    @property
    def pathway_cue(self) -> bool:
        return "pathway" in self.hits or self.a.arrow

    @property
    def only_ordering(self) -> bool:
        """The only pathway wording asks for an order ("which first"), not a goal ("become", "get into")."""
        found = self.hits.get("pathway")
        first = self.hits.get("first_asked")
        if found is None or first is None or self.a.arrow or f" {found} " not in f" {first} ":
            return False
        asked = {i for a, b in lexicon.cue("first_asked").spans(self.a.words) for i in range(a, b)}
        return all(set(range(a, b)) <= asked for a, b in lexicon.cue("pathway").spans(self.a.words))  # not "… first to work in research pharmacy"

    @property
    def cert_seek(self) -> bool:
        """Looking for a certification; "whose job is it to cover" looks for a person, and so does
        "who keeps the calibration certificates" (papers a job files, no credential), not "what
        certificates for the one who keeps the owings list"."""
        typed = [self.a.said[i] for i, w in enumerate(self.a.words) if w in lexicon.CERT_NOUNS]
        words = self.a.words
        who_at = [i for i, w in enumerate(words) if w in lexicon.WHO_WORDS]
        job_at = [i for i, w in enumerate(words) if w in ("which", "what") and words[i + 1 : i + 2] and words[i + 1] in lexicon.ASKED_ROLE and i + 2 < len(words) and words[i + 2] not in lexicon.CERT_NOUNS]
        job_described = bool(job_at) and all(any(k + 1 < i and self.a.sentence_of[k] == self.a.sentence_of[i] for k in job_at) for i, w in enumerate(words) if w in lexicon.CERT_NOUNS) and not self.a.codes  # "which job checks if exam questions are fair": a job asked, the exam describes its work
        in_who_clause = any(w in lexicon.CERT_NOUNS and any(k < i and self.a.sentence_of[k] == self.a.sentence_of[i] for k in who_at) for i, w in enumerate(words))
        asked_first = bool(who_at) and not in_who_clause  # "what certificates for the person who sends the claims", "i want to be the one who runs the diary. which certificates?": the certificates are asked, "who" describes
        papers = bool(typed) and all(t.startswith("certificate") for t in typed) and self.asks_who and not asked_first
        theirs = "role_exists" in self.hits and all(not POSSESSIVES.isdisjoint(words[max(0, i - 2) : i]) for i, w in enumerate(words) if w in lexicon.CERT_NOUNS)  # "is there a job where u watch them take their certification exams": a job described
        return (bool(self.cert_nouns) and not papers and not theirs and not job_described) or ("cert_seek" in self.hits and lexicon.WHO_WORDS.isdisjoint(self.a.words) and not self._seek_only_told)

    @cached_property
    def _seek_only_told(self) -> bool:
        """The certification-seeking wording stands only in sentences that tell ("… day look like?
        I used to do relief cover all over the county"): nothing sought. Read once per question
        (``cert_seek`` is asked many times)."""
        return bool(self.a.asking) and not any(self.a.asks(x) for x, _ in lexicon.cue("cert_seek").spans(self.a.words))

    @property
    def certs_plural(self) -> bool:
        """Certifications asked for as a group: "certs", "credentials", "how do I get there cert wise"."""
        words = self.a.words
        plural = any(w in lexicon.CERT_NOUNS and w.endswith("s") and not one_of_them(words, i) and not _paper_of(self.a, i) for i, w in enumerate(words))
        return plural or any(w in lexicon.CERT_NOUNS and nxt == "wise" for w, nxt in zip(words, words[1:]))

    @property
    def section_cue(self) -> bool:
        return "day" in self.hits or "responsibilities" in self.hits

    @property
    def asks_who(self) -> bool:
        """"who does X", "which job handles Y": the asked-for person is the subject, other job words are objects."""
        return _asks_who(self.a)

    @cached_property
    def role_asked_about_text(self) -> bool:
        """"'Key duties: … CPSCM a plus.' Which of your roles is this closest to?": a role is
        asked for, and the certifications named are only part of the text pasted before the ask."""
        a = self.a
        if not self.codes or not self.asks_who or self.cert_nouns or self.held:
            return False
        last = a.sentence_of[-1] if a.sentence_of else 0
        asks_role = bool(last_asks_a_role(a))
        told = [w for i, w in enumerate(a.words) if a.sentence_of[i] < last and w not in lexicon.STOPWORDS]
        if CODE_MARK in a.words and len(told) < PASTED_MIN:
            return False  # "ok, back to CCEMT - which job needs it": the code is named, not pasted
        named_at = [i for i, w in enumerate(a.words) if w == CODE_MARK] + [i for i, _, (kind, _) in a.alias_hits if kind == "cert"]  # ("… a 'Certified Pharmacy Health Screening Coordinator' … what does it prove about the person who holds it": named by its name in the asking sentence)
        return asks_role and all(a.sentence_of[i] < last for i in named_at)

    @property
    def role_named(self) -> bool:
        return self.role_score >= ROLE_MENTION

    @property
    def cert_question(self) -> bool:
        """About a certification ("cert for someone who designs tech training"), not a pathway."""
        return self.cert_seek and not self.pathway_cue

    @property
    def career_framed(self) -> bool:
        """Asked as a career question: drug or disease words alone do not make it clinical
        ("who prepares the blinded doses in a trial" asks about a job)."""
        return bool(
            self.codes
            or self.cert_nouns
            or self.role_nouns
            or self.held
            or (self.roles and self.roles[0][0] >= ROLE_MENTION)
            or "cert_seek" in self.hits
            or self.pathway_cue
            or self.asks_who
            or self.section_cue
            or " of " in f" {self.hits.get('ref_choice', '')} "  # "which of those is about vaccines": a choice among what was shown
        )

    @property
    def career_asked(self) -> bool:
        """Asks what only a career question asks: a certification, a pathway, who does it, a part
        of a role's page. A role named on the way ("as a wound care pharmacist, …", "for the DME
        role, …") does not make the question itself about a career."""
        a = self.a
        cert_at = {i for i, w in enumerate(a.words) if w == CODE_MARK or (w in self.cert_nouns and i not in self.title_positions)}
        cert_at.update(k for i, n, (kind, _) in a.alias_hits if kind == "cert" for k in range(i, i + n))
        role_at = {
            i
            for i, w in enumerate(a.words)
            if w in lexicon.ROLE_NOUNS and not any(x in _FRAMING and a.sentence_of[j] == a.sentence_of[i] for j, x in enumerate(a.words[max(0, i - 5) : i], max(0, i - 5)))
        }  # "what is that role like" asks about a role; "for the DME role, …" only says for which
        titled = {i for i in self.title_positions if not self._framing_title(i)}  # "do oncology services managers deal with shortages?"
        named = any(a.asks(i) for i in cert_at | role_at | titled)  # "studying for CPAS - how long is an opened insulin vial good for": the code only says why
        return bool(named or self.held or "cert_seek" in self.hits or self.pathway_cue or self.asks_who or self.section_cue)

    def _framing_title(self, i: int) -> bool:
        """The title at word i only says in what capacity the member asks: "as a pv specialist …",
        "for the DME role, …", "ops director here, …", "forensic question: …"."""
        a, at = self.a, self.title_positions
        start, end = i, i
        while start > 0 and start - 1 in at:
            start -= 1
        while end + 1 < len(a.words) and end + 1 in at:
            end += 1
        before = [a.words[j] for j in range(max(0, start - 3), start) if a.sentence_of[j] == a.sentence_of[i]]
        after = a.words[end + 1] if end + 1 < len(a.words) and a.sentence_of[end + 1] == a.sentence_of[i] else ""
        heading = len(set(a.sentence_of)) > 1 and all(
            any(k in at for k in a.typed_group(j)) for j in range(len(a.words)) if a.sentence_of[j] == a.sentence_of[i]
        )  # "IDS mgr: carboplatin dose renal adjust": the title alone heads the question
        return heading or not _FRAMED_BY.isdisjoint(before) or after in _FRAMED_AFTER

    @cached_property
    def clinical_words(self) -> tuple[str, ...]:
        """Clinical words of the question (data/clinical.yaml) in the sentences that ask, outside
        named titles and what the member says of themselves ("I'm an oncology pharmacist who mixes chemo")."""
        a = self.a
        own = self.title_positions | self.said_of_self
        found: list[str] = []
        for i, (w, typed) in enumerate(zip(a.words, a.said)):
            if i in own or not a.asks(i) or (i and a.said[i - 1] == typed):  # (not "we had a courier drop a box of humira. …?"; a typed word once)
                continue
            word = w if w in lexicon.CLINICAL_WEIGHT else typed if typed in lexicon.CLINICAL_WEIGHT else None
            if word and not self.job_subject(i):  # ("allergy vial supervisor": the allergen page's subject)
                found.append(word)
        return tuple(found)

    def job_subject(self, i: int) -> bool:
        """Word i is what a job is named by ("allergy vial supervisor", "the allergy shot
        compounding lead"): a job noun follows within three words and some role's page keeps
        writing the word, so it is that page's subject, not a patient's."""
        a = self.a
        ahead = range(i + 1, min(len(a.words), i + 1 + JOB_SUBJECT_REACH))
        return any(a.words[k] in lexicon.ROLE_HEADS and a.sentence_of[k] == a.sentence_of[i] for k in ahead) and self.ix.page_topic(a.word_stems[i])

    @cached_property
    def describing(self) -> frozenset[int]:
        """Word positions of a clause that describes a job ("the job where you compare the payment
        schedule with your totals", "the one who counts the no-shows"): what the job does, not
        what the member asks of it."""
        return frozenset(i for noun in self._described_jobs for i in _clause_from(self.a, noun + 1)) | self.who_does

    @cached_property
    def who_does(self) -> frozenset[int]:
        """Word positions after a sentence's opening "who <verb>" ("who checks if ppl qualify for
        free prescriptions"): a job asked for by what it does."""
        a = self.a
        opened = [i for i, w in enumerate(a.words[:-1]) if w == "who" and (i == 0 or a.sentence_of[i - 1] != a.sentence_of[i]) and a.words[i + 1].endswith("s") and a.words[i + 1] not in _AUXILIARIES and a.sentence_of[i + 1] == a.sentence_of[i]]
        return frozenset(i for k in opened for i in _clause_from(a, k + 1, nested=True))

    @cached_property
    def describing_the_goal(self) -> frozenset[int]:
        """Word positions of a clause that describes the job the member wants to become ("how do i
        become the person who helps owners sell their pharmacy", "get into the job where you …"),
        not one that says who someone is ("im the one who preps the audits")."""
        words = self.a.words
        return frozenset(i for noun in self._described_jobs if noun >= 2 and words[noun - 2] in _GOAL_VERBS for i in _clause_from(self.a, noun + 1, nested=True))

    @cached_property
    def _described_jobs(self) -> tuple[int, ...]:
        """Positions of a job noun a relative clause describes ("the one who …", "the job where …")."""
        a = self.a
        return tuple(i for i, w in enumerate(a.words[:-1]) if i and a.words[i - 1] in _DESCRIBED_BY and (w in _JOB_NOUNS or w in lexicon.ROLE_NOUNS) and (a.words[i + 1] in _RELATIVES or _placed_then_relative(a, i + 1)) and a.sentence_of[i + 1] == a.sentence_of[i])

    @cached_property
    def said_of_self(self) -> frozenset[int]:
        """Word positions of what the member says of themselves ("I'm a specialty pharmacist")."""
        return _said_of_self(self.a)

    @property
    def named_only_of_self(self) -> bool:
        """Every title the question names is the member's own ("Hi! I'm a specialty pharmacist.
        What can you help with?"): it names no subject to answer about."""
        return bool(self.title_positions) and not self.codes and self.title_positions <= self.said_of_self

    @property
    def clinical_load(self) -> int:
        """The clinical words' weight, 0 unless one of them is a drug, a class of medicine or a condition."""
        found = self.clinical_words
        if lexicon.CLINICAL_ANCHORS.isdisjoint(found):
            return 0
        return sum(lexicon.CLINICAL_WEIGHT[w] for w in found)

    # ------------------------------------------------------------------ the learned intent layer

    @cached_property
    def masked(self) -> tuple[str, ...]:
        """The question as the member wrote it (before synonyms), named roles and certifications as {role}/{cert}."""
        a = self.a
        cert_at = {i for i, w in enumerate(a.words) if w == CODE_MARK}
        for i, n, (kind, _) in a.alias_hits:
            if kind == "cert":
                cert_at.update(range(i, i + n))
        out: list[str] = []
        i = 0
        while i < len(a.words):
            j = a.typed_end(i)  # one word as typed, expanded by a synonym ("ops" -> "ops operations")
            group = range(i, j)
            token = "{cert}" if any(k in cert_at for k in group) else "{role}" if any(k in self.title_positions for k in group) else None
            if token is None:
                out.extend(words_of_example(a.said[i]))
            elif not out or out[-1] != token:
                out.append(token)
            i = j
        return tuple(out)

    @cached_property
    def features(self) -> set[str]:
        return features(self.masked)

    @cached_property
    def _builtin_similarity(self) -> dict[int, float]:
        """The question's similarity to the built-in examples, worked out once, and only when a
        stage needs it (the FAQ stage needs only the knowledge's own)."""
        return builtin_index().scores(self.features)

    @cached_property
    def _taught_similarity(self) -> dict[int, float]:
        """The question's similarity to the knowledge's examples (FAQ and taught phrasings)."""
        return self.ix.taught.scores(self.features)

    @cached_property
    def taught_all(self) -> tuple[Neighbour, ...]:
        """The nearest FAQ and moderator-taught phrasings (the knowledge's own examples)."""
        return tuple(self.ix.taught.best(self._taught_similarity))

    @cached_property
    def learned(self) -> tuple[Neighbour, ...]:
        """The nearest example phrasing of each intent, most similar first (built-in, FAQ and taught)."""
        found = builtin_index().best(self._builtin_similarity) + list(self.taught_all)
        return tuple(sorted(found, key=lambda nb: -nb.similarity))

    @cached_property
    def learned_unnamed(self) -> tuple[tuple[Neighbour, ...], ...]:
        """For a question that names nothing: the nearest examples that name nothing either, of the
        whole message and, when it has several clauses, of its last ("on my lunch break, what
        kinda stuff can i ask you")."""
        builtin, taught = builtin_index(), self.ix.taught
        whole = self.__dict__.get("_builtin_similarity") or builtin.scores(self.features, slotless=True)  # (all examples' scores when worked out already)
        similarity = [(whole, self._taught_similarity)]
        clauses = [c for c in _CLAUSE_SPLIT.split(self.a.question) if words_of_example(c)]
        if len(clauses) > 1 and len(words_of_example(clauses[-1])) >= CLAUSE_WORDS and not (self.codes or self.cert_seek or self.pathway_cue or self.asks_who or self.goal_role or self.described):
            last = features(words_of_example(clauses[-1]))  # (not "I want to work in diversion, which certifications are there for that?")
            similarity.append((builtin.scores(last, slotless=True), taught.scores(last, slotless=True)))
        return tuple(
            tuple(sorted(builtin.best(ours, slotless=True) + taught.best(theirs, slotless=True), key=lambda nb: -nb.similarity))
            for ours, theirs in similarity
        )

    @cached_property
    def taught(self) -> tuple[Neighbour, ...]:
        """The nearest moderator-taught phrasings (none when nothing was taught)."""
        return tuple(self.ix.taught.best(self._taught_similarity, k=8, taught_only=True)) if self.ix.taught.any_taught else ()

    # ------------------------------------------------------------------ the subject role

    @cached_property
    def described(self) -> str | None:
        """A role the question describes instead of naming: "who prepares the blinded doses",
        "the pharmacist who looks after the study drugs", "the DEA compliance job"."""
        asked_codes = set(self.codes) - (set(self.held) - set(self.a.code_pos))  # ("i already have the … cert, what's next if i want the drug waste job": one held, by its name, is no subject)
        if self.role_named or (asked_codes and not self.role_asked_about_text) or self.cert_question:
            return None
        return _described_role(self)

    @cached_property
    def goal_role(self) -> str | None:
        """The role an area or goal points at when certifications or a pathway are asked for without
        naming a role ("which certs for P&T and formulary work", "want to get into diversion")."""
        plural = self.certs_plural
        if self.role_named or set(self.codes) - set(self.held) or not (plural or (self.pathway_cue and (not self.cert_nouns or "ordering" in self.hits))):  # ("i have CMSO, want to run a cleanroom one day": what they hold is no goal)
            return None  # "the 'business intelligence' credential before I take over": one certification asked about
        if not plural and self.only_ordering:
            return None  # "which first if I love teaching?": an order among certifications already in view, no goal
        if self.bare_pathway or (self.cue("pathway") or "").split()[-1:] == ["there"]:
            return None  # "where do I start": every word is the asking, none a goal; "how do i get there if safety is more my thing": the goal was said before
        inside = {i for x, y in lexicon.cue("pathway").spans(self.a.words) for i in range(x, y)}
        asking = {st for i, st in enumerate(self.a.word_stems) if i in inside} - {st for i, st in enumerate(self.a.word_stems) if i not in inside}
        telling = {st for w, st in zip(self.a.words, self.a.word_stems) if w in lexicon.HELD_CUES} if self.held else set()  # "already got CMSO": what is held, no goal
        unwanted = self.a.unwanted | self.a.negated | asking | telling  # "no interest in billing": never the goal; "what's left" asks
        a = replace(self.a, stems=tuple(s for s in self.a.stems if s not in unwanted)) if unwanted else self.a
        wished = self.wished
        if wished:  # "new grad, zero experience, but i want to be the pharmacist who plans for disasters": what follows the wish is the goal
            found = self._goal_in(replace(a, stems=tuple(s for s in a.stems if s in wished)), member_heads(self.a) | spoken_of(self.a) | led(self.a) | modifying(self.a))
            if found is not None:
                return found
        found = self._goal_in(a, member_heads(self.a) | spoken_of(self.a) | led(self.a) | modifying(self.a))
        told = {self.a.word_stems[i] for i in self.said_of_self}
        if found is None and told:  # "I have been a clinical pharmacist for eight years …, but I'd like to move into leading a cleanroom program": the goal without what they tell
            found = self._goal_in(replace(a, stems=tuple(s for s in a.stems if s not in told)), member_heads(self.a) | spoken_of(self.a) | led(self.a) | modifying(self.a) | self.said_of_self)
        return found

    @cached_property
    def interest_role(self) -> str | None:
        """The role the words point at as a goal would, with no asking at all: what a person
        told about wants or loves ("marcus is obsessed with prior auths")."""
        if self.role_named or self.codes:
            return None
        a, ix = self.a, self.ix
        left_out = a.unwanted | a.negated | {a.word_stems[k] for i in spoken_of(a) for k in a.typed_group(i)}  # (not what they dislike, nor their own job)
        kept = [s for s in a.stems if s not in left_out]
        ranked = goal_ranking(replace(a, stems=tuple(kept)), ix)
        if not ranked or ranked[0][0] < GOAL_MIN or (len(ranked) > 1 and ranked[0][0] < GOAL_MARGIN * ranked[1][0]):
            return None
        known = sum(ix.weight(s) for s in set(kept) - cue_stems() if s in ix.postings and ix.weight(s) >= CONTENT_WORD)  # (a word no page uses says nothing either way: "obsessed")
        return ranked[0][1] if ranked[0][0] >= GOAL_SHARE * known else None

    @cached_property
    def wished(self) -> frozenset[str]:
        """The stems after "want to be", "become" … up to the end of that clause ("… become the
        person who runs the whole pharmacy's day to day operations"), when two or more of them are
        content words."""
        a = self.a
        spans = [y for x, y in lexicon.cue("pathway").spans(a.words) if a.words[y - 1] in _WISH_ENDS]
        if not spans:
            return frozenset()
        end = spans[0]
        k = end
        while k < len(a.words) and a.sentence_of[k] == a.sentence_of[end - 1] and a.words[k] not in lexicon.CLAUSE_BREAKS:
            k += 1
        wished = frozenset(a.word_stems[i] for i in range(end, k)) & set(a.stems)
        return wished - cue_stems() if len(wished - cue_stems()) >= 2 else frozenset()

    def _goal_in(self, a: Analysis, mine: frozenset[int] | set[int]) -> str | None:
        theirs = {a.word_stems[k] for i in spoken_of(a) for k in a.typed_group(i)}
        if theirs:  # "my tech wants to get into …": the person's job is no word of the goal
            a = replace(a, stems=tuple(s for s in a.stems if s not in theirs))
        ranked = goal_ranking(a, self.ix)
        if not ranked or ranked[0][0] < GOAL_MIN or (len(ranked) > 1 and ranked[0][0] < GOAL_MARGIN * ranked[1][0]):
            return None
        score, role = ranked[0]
        distinctive = sum(self.ix.weight(s) for s in set(a.stems) - cue_stems() if self.ix.weight(s) >= CONTENT_WORD)
        if not distinctive or score < GOAL_SHARE * distinctive:
            return None  # "sterile compounding at a 503b": one word of the question is on a page, the goal is not
        if any(w in lexicon.ROLE_HEADS and i not in mine and a.words[i + 1 : i + 2] not in (("who",), ("that",)) for i, w in enumerate(a.words)) and not names_this_job(a, self.ix, role, by_content=True):
            return None  # "how do I become a compounding pharmacist": another job ("specialty pharmacy rph here, …": the member's own; "the pharmacist who plans for disasters" is described)
        return role

    @cached_property
    def bare_pathway(self) -> bool:
        """"where do I start", "how do I get there": a pathway asked for with no word beside the asking."""
        words = self.a.words
        spans = lexicon.cue("pathway").spans(words)
        asked = {i for a, b in spans for i in range(a, b)}
        origin = {k for _, b in spans if words[b : b + 1] == ("from",) for k in range(b, len(words)) if self.a.sentence_of[k] == self.a.sentence_of[b]}  # "how do i get there from retail": where they come from is no goal
        return bool(asked) and not any(self.ix.weight(st) >= CONTENT_WORD for i, st in enumerate(self.a.word_stems) if i not in asked and i not in origin and st not in cue_stems() and words[i] not in lexicon.STOPWORDS)

    @property
    def subject_role(self) -> str | None:
        return self.described or self.role_best

    @property
    def subject_score(self) -> float:
        return 1.0 if self.described else self.role_score

    @property
    def subject_named(self) -> bool:
        return self.subject_score >= ROLE_MENTION

    @property
    def subject_relaxed(self) -> bool:
        """A title partly named, by at least one of its own words beyond "pharmacy" and the job
        noun: "manage it" and "pharmacy work" name no Pharmacy Informatics Manager."""
        if not (self.subject_score >= ROLE_RELAXED and self.subject_score >= 2 * self.second):
            return False
        rid = self.subject_role
        if self.described or rid is None:
            return True
        heads = self.ix.title_heads.get(rid, frozenset())
        return any(self.a.words[i] not in lexicon.FIELD_WORDS and self.a.word_stems[i] not in heads for i in self.role_where.get(rid, ()))

    def title_stems(self, ix: Index) -> frozenset[str]:
        """Words of the subject role's title: never topical evidence about it."""
        rid = self.subject_role
        return frozenset(ix.role_titles.get(rid, ())) | self.naming_stems(rid) if rid and (self.subject_named or self.subject_relaxed) else frozenset()

    def naming_stems(self, rid: str) -> frozenset[str]:
        """Stems of every word read from a member's word that names this role's title: "tech" in
        "tech supervisor" also reads "technology", which is then no topic of the question."""
        a = self.a
        where = sorted(self.role_where.get(rid, ()))
        clusters: list[list[int]] = []
        for i in where:  # the title as written is one run of words; "errors" read as "safety" elsewhere is not it
            if clusters and i - clusters[-1][-1] <= 2:
                clusters[-1].append(i)
            else:
                clusters.append([i])
        mention = max(clusters, key=len, default=[])
        said = {a.said[i] for i in mention}
        before = mention[0] - 1 if mention else -1
        if before >= 0 and a.words[mention[-1]] in lexicon.ROLE_HEADS and a.words[before] not in lexicon.STOPWORDS and a.words[before] != CODE_MARK and a.sentence_of[before] == a.sentence_of[mention[0]] and not re.search(rf"\b{re.escape(a.said[before])}\s*[,;:]\s*{re.escape(a.said[mention[0]])}\b", a.question, re.IGNORECASE):
            said.add(a.said[before])  # "the cleanroom supervisor path": the member's word for the title's head is part of naming it (not "… leading teams, ops director certs")
        title = frozenset(self.ix.role_titles.get(rid, ()))

        def names(i: int) -> bool:  # "CDI" read as Clinical Documentation Improvement names the title's words only
            return a.said[i] in said and (len(self.ix.synonyms.get((a.said[i],), ())) < PHRASE_READING or a.word_stems[i] in title)

        return frozenset(a.word_stems[i] for i in range(len(a.words)) if names(i))


_PAID_FOR = frozenset({"for", "us", "me", "them", "him", "her", "it", "back"})  # "… paid for it", "what they paid us"
_PAID_BE = frozenset({"get", "gets", "got", "getting", "be", "being", "is", "are", "was", "were", "well", "better", "more", "less"})  # (but "do they get paid for the call nights" is their pay)
_ASKS_OF_A_ROLE = frozenset({"day", "responsibilities", "pathway", "weak_overview", "ref_role", "path_length"})  # what a role shortened to its own words may be asked ("territory sales. what do they do")


def _with_breaks(a: Analysis, words: list[str], dropped: frozenset[int] | set[int] = frozenset()) -> str:
    """The words with a break between sentences, so "^" and "$" of a cue phrase find a
    sentence's start and end ("what does a diversion manager make? asking for a friend");
    the words at ``dropped`` left out."""
    out: list[str] = []
    for i, w in enumerate(words):
        if i and a.sentence_of[i] != a.sentence_of[i - 1]:
            out.append(SENTENCE_BREAK)
        if i not in dropped:
            out.append(w)
    return " ".join(out)


def sentence_starts(a: Analysis, cue: lexicon.Cue) -> list[int]:
    """Where each of the cue's matches starts, read as cues are (sentence by sentence, so "$" ends
    a sentence), as word positions."""
    tokens = _with_breaks(a, list(a.words)).split(" ")
    word_at: list[int] = []
    k = 0
    for t in tokens:
        word_at.append(k)
        if t != SENTENCE_BREAK:
            k += 1
    return [word_at[x] for x, _ in cue.spans(tokens) if tokens[x] != SENTENCE_BREAK]


def _said_as_title(a: Analysis, ix: Index, rid: str, score: float, roles: list[tuple[float, str]], where: dict[str, set[int]]) -> set[int]:
    """The words of a role's title said in the question, but for one word of its own left over
    beside a stronger title that has the rest: "the operating theatre pharmacy technician get
    paid" names no "Self-Pay Pharmacy Pricing Manager" ("pharmacy" is the technician's, "paid"
    alone is no title)."""
    said = where.get(rid, set())
    stronger = {i for sc, r in roles if r != rid and sc > score and sc >= ROLE_MENTION for i in where.get(r, ())}
    own = said - stronger
    if said & stronger and len(own) == 1 and a.word_stems[next(iter(own))] not in ix.head_stems(rid):
        return said & stronger
    return said


def _only(kept: list[tuple[float, str]], where: dict[str, set[int]]) -> dict[str, set[int]]:
    """The word positions of the roles kept."""
    return {r: w for r, w in where.items() if any(r == x for _, x in kept)}


def _who_sentence(a: Analysis) -> int | None:
    """The sentence that opens by asking who ("Which role is in charge of …?"), if one does."""
    words = a.words
    for i, w in enumerate(words):
        opens = i == 0 or a.sentence_of[i - 1] != a.sentence_of[i]  # (not "I'm the pharmacist who signs off …": one described)
        if opens and (w in lexicon.WHO_WORDS or (w in ("which", "what") and not lexicon.ASKED_ROLE.isdisjoint(_skip_of(words, i + 1)[:2]))):
            return a.sentence_of[i]
    return None


def _asks_who(a: Analysis) -> bool:
    """"who does X", "which job handles Y" (see ``Evidence.asks_who``)."""
    words = a.words
    if any(w in lexicon.WHO_WORDS and not _describes_someone(a.said, i) for i, w in enumerate(words)):
        return True
    for i, w in enumerate(words):
        if w in ("which", "what", "whats"):
            rest = _skip_of(words, i + 1)
            one_of = len(rest) < len(words) - i - 1 and words[i + 1] == "of"  # "which of your roles is this": one of many
            if not lexicon.ASKED_ROLE.isdisjoint(rest[:2]) or (one_of and rest and rest[0].rstrip("s") in lexicon.ASKED_ROLE):
                return True
        if w == "there" and i + 2 < len(words) and words[i + 1] in ("a", "an", "any") and not lexicon.ASKED_ROLE.isdisjoint(words[i + 2 : i + 4]):
            return True  # "is there a spotlight role that lines up with this"
    return False


def _describes_someone(words: tuple[str, ...], i: int) -> bool:  # the words as typed
    """"my mentee's a tech who does the DEA paperwork", "a pharmacist who signs off competencies":
    "who" after "a/my … noun" tells about someone, it does not ask who ("the person who runs …" does);
    so does "I'm the one who takes the minutes"."""
    if i >= 3 and words[i - 1] in ("one", "person", "guy", "gal") and words[i - 2] == "the" and words[i - 3] in _SELF_IS:
        return True  # (and "im the person who builds all our reports")
    if i >= 2 and words[i - 1] in _ANYONE and not {"for", "like", "suit", "suits", "fit", "fits"}.isdisjoint(words[max(0, i - 4) : i - 1]):
        return True  # "for someone like me who did CDI work", "for someone who ran a store"
    if i == 0 or not (words[i - 1] in lexicon.ROLE_HEADS or words[i - 1].removesuffix("s") in lexicon.ROLE_HEADS or words[i - 1] in lexicon.PERSON_NOUNS or words[i - 1] in _PATIENTS):
        return False  # "in a health system who preps the P&T agenda" asks
    j = i - 1
    while j >= 0 and i - j <= 3 and words[j] not in lexicon.STOPWORDS:
        j -= 1
    return j >= 0 and words[j] in _SOMEONE


_SOMEONE = frozenset({"a", "an", "my", "our"})
_PATIENTS = frozenset({"pt", "pts", "patient", "patients", "kid", "kids", "child", "baby", "infant", "toddler", "teen", "customer"})  # "for a pt who cant swallow": a case told, no one asked for
_SELF_IS = frozenset({"im", "am", "shes", "hes", "theyre"})  # "I'm the one who …", "she's the one who …"
_ANYONE = frozenset({"me", "someone", "somebody", "anyone", "anybody", "people", "folks"})


def one_of_them(words: tuple[str, ...], i: int) -> bool:
    """"which of the council's certs is about procurement": one of them is asked for."""
    j = i + 1
    while j < len(words) and words[j] in lexicon.CERT_NOUNS:
        j += 1
    return "of" in words[max(0, i - 8) : i] and not {"which", "what"}.isdisjoint(words[max(0, i - 10) : i]) and j < len(words) and words[j] in ("is", "does", "covers", "has")  # (a long title between: "which of the nuclear pharmacy operations manager certs is …")


def _the_one_meant(picked: list[tuple[float, str]], where: dict[str, set[int]], a: Analysis, hits: Mapping[str, str]) -> list[tuple[float, str]]:
    """"torn between staffing coordinator and the ethics committee coordinator. what does the
    staffing one do": of two roles in one message, "the <word> one" picks the one whose title has
    that word, however little of its title was written."""
    if "ref_one_kind" not in hits or len(picked) < 2 or a.codes:
        return picked  # "cpom vs cspl, which is the specialty pharmacy one": one of the certifications
    for start, end in lexicon.cue("ref_one_kind").phrases.spans(a.words):
        if a.words[end - 1] != "one":
            continue  # "on the ops side", "the diversion guy": where the member works, or a person; "the staffing one" picks
        inner = {i for i in range(start + 1, end - 1) if a.words[i] not in lexicon.FIELD_WORDS and a.words[i] not in lexicon.ROLE_HEADS and a.words[i] not in lexicon.STOPWORDS}
        fits = [(sc, rid) for sc, rid in picked if inner & where.get(rid, set())]
        if len(fits) == 1:
            rid = fits[0][1]
            return [(ROLE_PICKED, rid)] + [p for p in picked if p[1] != rid]
    return picked


def _covers_a_role(found: str, cue_text: str, cert_nouns: tuple[str, ...]) -> bool:
    """"what does the director of pharmacy operations cover in the huddle", "technology &
    automation management for the director of pharm ops — what's that cover": what covers is a
    role or its duty just named (a title masked as '_'), so no certification is asked for."""
    words = found.split()
    if not words or not words[-1].startswith("cover"):
        return False
    if CODE_MARK not in found and not any(w in lexicon.CERT_NOUNS for w in words):
        if any(w in lexicon.ROLE_NOUNS for w in words):
            return True  # "which part of the role covers that"
        masked = lexicon.CUES["cert_seek"].search(cue_text)
        if masked is not None and "_" in masked.split():
            return True
    return not cert_nouns and CODE_MARK not in cue_text and not {"that", "this", "it"}.isdisjoint(words) and "_" in cue_text.split()


def _skip_of(words: tuple[str, ...], i: int) -> tuple[str, ...]:
    """The words from i on, past "of your" / "of the" ("which of your roles is this")."""
    while i < len(words) and words[i] in ("of", "your", "the", "these", "those", "ur", "you"):
        i += 1
    return words[i:]


def _set_aside_spans(a: Analysis) -> list[tuple[int, int]]:
    """"besides CMSO", "not the ops director": each cue and the words it sets aside, up to the
    next break (a question word, a new clause, or a determiner once a word was set aside)."""
    out: list[tuple[int, int]] = []
    if lexicon.SET_ASIDE_STARTS.isdisjoint(a.words):
        return out
    for start, end in lexicon.cue("besides").spans(a.words):
        stop = end
        while stop < len(a.words) and stop - end < 6 and a.sentence_of[stop] == a.sentence_of[start]:
            w = a.words[stop]
            if w in lexicon.SET_ASIDE_ENDS or (stop > end and (w in lexicon.SET_ASIDE_RESTARTS or w == CODE_MARK)):
                break  # ("which jobs besides the DPO use CPOM": the code after other words is asked about)
            stop += 1
        out.append((start, stop))
    return out


_KINDS = lexicon.CERT_NOUNS | lexicon.ROLE_NOUNS


def typed_at(a: Analysis, positions: list[int]) -> str:
    """The member's own words at these positions (one per typed word), sentences kept apart."""
    out: list[str] = []
    for n, i in enumerate(positions):
        if n and a.said[i] == a.said[positions[n - 1]] and i == positions[n - 1] + 1:
            continue  # "ops" read "ops operations": typed once
        if n and a.sentence_of[i] != a.sentence_of[positions[n - 1]]:
            out.append(".")
        out.append(a.said[i].lstrip("#"))
    return " ".join(out)


def _set_aside(a: Analysis, ix: Index) -> tuple[Analysis, tuple[str, ...], tuple[str, ...], str]:
    """The question without what it sets aside, the certifications and roles set aside, and the
    words that set them aside."""
    spans = _set_aside_spans(a)
    inside = {i for s, e in spans for i in range(s, e)}
    rest = [i for i in range(len(a.words)) if i not in inside]
    if not spans or not any(a.words[i] not in lexicon.STOPWORDS for i in rest):
        return a, (), (), ""
    said = " ".join(w for s, e in spans for w in a.words[s:e])  # the cue and what it sets aside
    aside_words = [a.words[i] for s, e in spans for i in range(s + 1, e)]
    if all(w in lexicon.STOPWORDS or w in _KINDS for w in aside_words) and not _KINDS.isdisjoint(aside_words):
        return analyze(typed_at(a, rest), ix), (), (), said  # "what can you answer besides certs": a kind set aside asks for the rest
    aside = analyze(typed_at(a, sorted(i for s, e in spans for i in range(s + 1, e))), ix)
    scores, where = role_scores(aside, ix)
    codes = tuple(dict.fromkeys(aside.codes + tuple(alias_certs(aside)) + tuple(named_certs(aside, ix, where))))
    roles = tuple(r for sc, r in scores if sc >= ROLE_RELAXED)  # ("not just the ops ones": set aside, a part of the title is enough)
    if not codes and not roles:
        return a, (), (), ""  # "not the classroom teaching", "beyond-use dating": a topic, which the words themselves weigh (see Analysis.negated)
    return analyze(typed_at(a, rest), ix), codes, roles, said


def read(question: str, ix: Index) -> Evidence:
    a, set_aside, set_aside_roles, aside_words = _set_aside(analyze(question, ix), ix)
    roles, where = role_scores(a, ix)
    own_words = _own_words(roles, where)
    if roles and a.asking:  # a role named only in what the member tells of themselves is not the one asked about …
        told = {i for i in _said_of_self(a) if a.sentence_of[i] not in a.asking}
        kept = [(sc, r) for sc, r in roles if not where.get(r) or not own_words[r] <= told]
        if not _asks_who(a) and not any(where.get(r) for _, r in kept):
            kept = roles  # … when another is ("I work specialty so I'm not inpatient. At a hospital, who is in charge of the cabinets?")
        if len(kept) < len(roles):
            roles, where = kept, _only(kept, where)
    said = _said_of_self(a) if len(roles) > 1 else frozenset()
    if said:  # … nor in the sentence that asks, when another is named outside what they tell ("pain clinic job, im good at hospital pharmacy ops stuff, which cert first")
        kept = [(sc, r) for sc, r in roles if not where.get(r) or sc >= 1.0 or not own_words[r] <= said]  # (a title written out whole is named on purpose)
        theirs = {k for h in member_heads(a) | spoken_of(a) for j in range(max(0, h - 3), h + 1) if a.sentence_of[j] == a.sentence_of[h] for k in a.typed_group(j)}  # ("one of my techs wants …", "chain store manager here, …": their own job names none)
        if len(kept) < len(roles) and any(where.get(r) and not own_words[r] & said and not own_words[r] <= theirs for _, r in kept):
            roles, where = kept, _only(kept, where)
    asked_at = _who_sentence(a) if roles and len(set(a.sentence_of)) > 1 else None
    if asked_at is not None:  # "Which role is in charge of filling open shifts? I said the ops director, she said no.": a title said after the question is no answer to who
        kept = [(sc, r) for sc, r in roles if not where.get(r) or any(a.sentence_of[i] <= asked_at for i in where[r])]
        if len(kept) < len(roles):
            roles, where = kept, _only(kept, where)
    own = {k for h in member_heads(a) | spoken_of(a) for k in a.typed_group(h)}
    if own and len(roles) > 1:  # "i'm a pharmacist at walgreens, how would i get into informatics", "my tech wants to get into …": their own job names no role …
        kept = [(sc, r) for sc, r in roles if not where.get(r) or not own_words[r] <= own]
        if len(kept) < len(roles) and any(where.get(r) for _, r in kept):  # … when another role is named
            roles, where = kept, _only(kept, where)
    by_name = named_cert_spans(a, ix, where)
    codes = tuple(dict.fromkeys(a.codes + tuple(alias_certs(a)) + tuple(code for code, _, _ in by_name)))  # a name written out is often an alias too
    set_aside = tuple(c for c in set_aside if c not in a.codes)  # (typed again as a code, it is asked about after all)
    codes = tuple(c for c in codes if c not in set_aside)  # "besides CMSO, any other cert about medication safety": its name's words are the topic
    in_titles = {i for sc, r in roles if sc >= ROLE_RELAXED for i in _said_as_title(a, ix, r, sc, roles, where)}
    cert_nouns = tuple(
        w for i, w in enumerate(a.words) if w in lexicon.CERT_NOUNS and i not in in_titles and (i + 1 == len(a.words) or a.words[i + 1] not in _PATH_WORDS) and not _paper_of(a, i)
    )  # "certification exam development manager": a title's word; "what's the certification pathway": a pathway; "certificates of analysis": papers
    masked = in_titles | {k for i in in_titles for k in a.typed_group(i) if a.words[k] not in lexicon.FORM_WORDS}  # ("tech" read also as "technology": one typed word, one title word; but "and the certs?" asks)
    cue_text = _with_breaks(a, ["_" if i in masked else w for i, w in enumerate(a.words)], {i for i in masked if i - 1 in masked and a.sentence_of[i - 1] == a.sentence_of[i]})  # one "_" per title: "on the _ plate" however long the title
    plain_text = _with_breaks(a, list(a.words))
    written_out = {i for sc, r in roles if sc >= 1.0 for i in where.get(r, ())}  # (only a title written out whole: a half-written one is read as typed)
    title_tails = {i for i in written_out if i - 1 in written_out}
    one_word_titles = _with_breaks(a, list(a.words), dropped=title_tails) if title_tails else None  # (else it is the plain text, already searched)
    hits: dict[str, str] = {}
    for name, c in lexicon.CUES.items():
        found = c.search(cue_text if name in ON_MASKED else plain_text)
        if found is None and one_word_titles is not None and name.startswith(lexicon.FACET_PREFIX):
            found = c.search(one_word_titles)  # "do the pharmacy transport logistics manager work weekends": a long title is one word apart
        if found is not None:
            hits[name] = found
    for name in [n for n in hits if n not in ON_MASKED and n != "besides"] if masked else ():
        spans = lexicon.cue(name).spans(a.words)
        if spans and all(i in masked for x, y in spans for i in range(x, y)):
            del hits[name]  # "the DI one" read "the di drug information one": a title's own words ask nothing
    greeted = lexicon.cue("day").spans(a.words) if "day" in hits else []
    if greeted and all(x and a.words[x - 1] == "good" and a.words[x] in lexicon.GREETINGS and (x == 1 or a.sentence_of[x - 2] != a.sentence_of[x]) for x, y in greeted):
        del hits["day"]  # "Good evening. How does this assistant work?": a greeting, no part of a day asked
    days_at = [i for i, w in enumerate(a.words) if w == "days"]
    if "day" in hits and hits["day"].split()[-1:] == ["days"] and len(hits["day"].split()) <= 2 and len(days_at) == 1 and not _PAST_OWNERS.isdisjoint(a.words[max(0, days_at[0] - 3) : days_at[0]]) and not _BACK_IN.isdisjoint(a.words[max(0, days_at[0] - 4) : days_at[0]]):
        del hits["day"]  # "got CHPOP from my ops days": a time of their life, no part of a day asked
    if "cert_seek" in hits and _covers_a_role(hits["cert_seek"], cue_text, cert_nouns):
        del hits["cert_seek"]
    if "pathway" in hits and by_name and all(any(x0 <= x < y0 for _, x0, y0 in by_name) for x, _ in lexicon.cue("pathway").spans(a.words)):
        del hits["pathway"]  # "tell me abt the route and delivery schedule planner cert": a word of a certification's name
    if hits.get("pathway") in _ROUTES and _asks_who(a) and all(_a_route_of_the_work(a, x, in_titles) for x, _ in lexicon.cue("pathway").spans(a.words)):
        del hits["pathway"]  # "who rebuilds the 8pm delivery route when a driver calls in sick": a route of the work, no way asked
    if hits.get("pathway", "").split()[-1:] == ["list"] and (_asks_who(a) or _listed_thing(a)):
        del hits["pathway"]  # "who decides if a tablet goes on the hazardous drug list", "is methotrexate on the hazardous drug list": a list of the trade, not a role's
    if "pathway" in hits and (_names_a_part(a) or ("cert_seek" in hits and _a_topic_route(a, cert_nouns, in_titles))):
        del hits["pathway"]  # "and for the route planning part", "the career ladder stuff": a topic named by its part, not a pathway asked
    for name in [n for n in ("pathway", "ordering") if n in hits and "day" in hits and hits[n] != hits["day"] and f" {hits[n]} " in f" {hits['day']} "]:
        del hits[name]  # "what does their shift start with": the words of the day's start, no first step asked
    begun = [y for x, y in lexicon.cue("pathway").spans(a.words) if " ".join(a.words[x:y]) in _LETS_BEGIN] if hits.get("pathway") in _LETS_BEGIN else []
    if begun and "cert_seek" not in hits and any(name in hits for name in ("day", "responsibilities")) and any(i in masked for i in range(begun[0], begun[0] + 3)) and a.words[begun[0] : begun[0] + 1] != ("for",):
        for name in [n for n in ("pathway", "ordering") if hits.get(n) in _LETS_BEGIN]:
            del hits[name]  # "start with the ops director's day": which one to answer first, no first step asked
    joined = {part for compound in _HYPHENATED_WORDS.findall(question.lower()) for part in compound.split("-")} if "-" in question else set()
    for name in [n for n in ("pathway", "ordering") if n in hits and hits[n] in joined]:
        del hits[name]  # "rapid-sequence kits", "first-dose": one word of a compound asks no order
    if "pathway" in hits and "role_exists" in hits and _in_a_described_job(a):
        del hits["pathway"]  # "is there a role whose whole job is helping techs find their next step": what the job does, no way asked
    if aside_words:
        hits["besides"] = aside_words  # read out of the question: what the member set aside
    steering = hits.get("discourse")
    if steering:  # "ok different question, …" compares nothing
        spans = lexicon.cue("discourse").spans(a.words)
        hits = {name: found for name, found in hits.items() if name in KEEP_IN_DISCOURSE or f" {found} " not in f" {steering} "} | {name: again for name, found in hits.items() if name not in KEEP_IN_DISCOURSE and f" {found} " in f" {steering} " and (again := _outside(name, a.words, spans))}  # ("ok back to the path. … how do i become …": the way asked after the steering)
        steered = {a.word_stems[i] for x, y in spans for i in range(x, y)}
        elsewhere = {a.word_stems[i] for i in range(len(a.words)) if not any(x <= i < y for x, y in spans)}
        a = replace(a, stems=tuple(st for st in a.stems if st not in steered or st in elsewhere))  # ("ok switching, what does … do": "switching" is no part of the day)
    if hits.get("weak_overview") == "tell me" and embedded_polar(a.words):
        del hits["weak_overview"]  # "could you tell me whether Dr. Marsh is still …": the question after it asks
    if hits.get("pathway", "").endswith(" be"):
        goals = [(x, y) for x, y in lexicon.cue("pathway").spans(a.words) if not (a.words[y - 1] == "be" and a.words[y : y + 1] and a.words[y] in lexicon.BE_STATES)]
        if goals:
            hits["pathway"] = " ".join(a.words[goals[0][0] : goals[0][1]])
        else:
            del hits["pathway"]  # "just want to be sure before I talk to the recruiter": no job to become
    someday = hits.get("someday")
    if someday and someday.split()[0] == "one" and _ONES_DAY.search(question):
        someday = None  # "whats the analytics one's day", "vivarium one's day?": that one's day, not "one day"
        del hits["someday"]
    for name in ("day", "ordering"):
        if someday and f" {hits.get(name)} " in f" {someday} ":  # "where it could go one day", "next quarter": a time, not the day in the life or an order
            del hits[name]
    if "pathway" in hits and hits["pathway"].endswith(" into"):
        goals = [(x, y) for x, y in lexicon.cue("pathway").spans(a.words) if not (a.words[y - 1] == "into" and x and a.words[x - 1] == "what")]
        if goals:
            hits["pathway"] = " ".join(a.words[goals[0][0] : goals[0][1]])
        else:
            del hits["pathway"]  # "asking for my pgy1, she likes knowing what she's getting into": what awaits her, no way in asked
    if "pathway" in hits and any(hits["pathway"] in f"{m.group(1)} to {m.group(1)}".lower() for m in _SAME_TO_SAME.finditer(question)):
        del hits["pathway"]  # "shift-to-shift handoffs", "store-to-store": one word, no move to anything
    if "list" in hits and "missing_openings" in hits and hits["missing_openings"].endswith(hits["list"]) and not _THE_BOTS_STORE.isdisjoint(hits["list"].split()):
        del hits["missing_openings"]  # "jobs in the database?": the jobs the bot holds, no openings
    if "cert_seek" in hits and "responsibilities" in hits and lexicon.CERT_NOUNS.isdisjoint(hits["cert_seek"].split()) and not set(hits["responsibilities"].split()).isdisjoint(hits["cert_seek"].split()):
        del hits["cert_seek"]  # "for the ops director, which responsibility covers shortage strategies": a duty sought, no certification
    if hits.get("missing_pay") == "paid" and all(i + 1 < len(a.words) and a.words[i + 1] in _PAID_FOR and _PAID_BE.isdisjoint(a.words[max(0, i - 2) : i]) for i, w in enumerate(a.words) if w == "paid"):
        del hits["missing_pay"]  # "my old boss paid for it", "what they paid us": someone paid for something, no pay of a job
    listed = lexicon.cue("list").spans(a.words) if "list" in hits else []
    if listed and all(a.words[x] == "in" and any(w in _ABSENT for w in a.words[max(0, x - 2) : x]) for x, _ in listed):
        del hits["list"]  # "my job isnt in the bot", "we're not in here": something missing, no list asked
    pathway_cue = "pathway" in hits or a.arrow
    picked = _the_one_meant(pick_roles(roles, where, a, ix, prefer_last=pathway_cue), where, a, hits)
    best, score = (picked[0][1], picked[0][0]) if picked else (None, 0.0)
    second = picked[1][0] if len(picked) > 1 else 0.0
    if best is not None and score < ROLE_MENTION and score >= ROLE_RELAXED and score >= 2 * second and _named_in_one_sentence(a, where.get(best, set())) and names_this_job(a, ix, best):
        score = ROLE_MENTION  # "the ED mgr": part of the title with its job noun names the role
    elif best is not None and ROLE_RELAXED <= score < ROLE_MENTION and shortened(a, ix, best, only_its=True):
        score = ROLE_MENTION  # "which of these checks waste documentation: field auditor or aide trainer": each title by its last words
    elif best is not None and ROLE_RELAXED <= score < ROLE_MENTION and second < ROLE_RELAXED and not cert_nouns and not codes and not hits.keys() & {"role_exists", "role_name"} and hits.keys() & _ASKS_OF_A_ROLE and own_words_run(a, ix, best):
        score = ROLE_MENTION  # "hmm. territory sales. what do they actually do": the title's own words, no other's
    elif best is not None and score < ROLE_MENTION and second < ROLE_RELAXED and _person_of_title(a, ix, best):  # (no other title named even in part: "… hospital security" names none)
        score = ROLE_MENTION  # "the diversion person": a word of this title alone, then a person
        in_titles |= set(where.get(best, ()))
    return Evidence(
        ix=ix,
        a=a,
        roles=tuple(picked),
        role_where=MappingProxyType({r: frozenset(w) for r, w in where.items()}),
        named_roles=_named_roles(roles, best, score, where),
        codes=codes,
        cert_nouns=cert_nouns,
        role_nouns=tuple(w for w in a.words if w in lexicon.ROLE_NOUNS),
        held=held_codes(a, by_name),
        role_best=best,
        role_score=score,
        second=second,
        cue_text=cue_text,
        hits=MappingProxyType(hits),
        title_positions=frozenset(in_titles),
        set_aside=set_aside,
        set_aside_roles=tuple(r for r in set_aside_roles if r not in where),
    )


def _named_roles(roles: list[tuple[float, str]], best: str | None, score: float, where: dict[str, set[int]]) -> tuple[str, ...]:
    """The roles the question names; with the one picked as its subject by a shortened title ("been
    looking at the field auditor job and the refill desk lead job. what does the field auditor …"),
    all of them in the order written."""
    named = [r for sc, r in roles if sc >= ROLE_MENTION]
    if best is None or best in named or score < ROLE_MENTION or not named:
        return tuple(named)
    return tuple(sorted([best, *named], key=lambda r: min(where.get(r) or {0})))


def _outside(name: str, words: tuple[str, ...], steering: list[tuple[int, int]]) -> str | None:
    """The first place a cue is found clear of the steering words, or None."""
    for x, y in lexicon.cue(name).spans(words):
        if not any(sx < y and x < sy for sx, sy in steering):
            return " ".join(words[x:y])
    return None


def _paper_of(a: Analysis, i: int) -> bool:
    """"certificates of analysis", "certificate of destruction": a paper, not a credential."""
    if not a.said[i].startswith("certificate"):
        return False
    after = max(a.typed_group(i)) + 1
    return after < len(a.words) and a.words[after] == "of"


_THE_BOT = frozenset({"bot", "bots", "chatbot"})
_THE_BOTS_STORE = _THE_BOT | {"database", "knowledgebase", "knowledge", "system", "here"}
_SAME_TO_SAME = re.compile(r"\b([A-Za-z]+)-to-\1\b", re.I)
_ABSENT = frozenset({"not", "isnt", "arent", "never", "missing", "no"})
_ONES_DAY = re.compile(r"\bone['’]?s\s+day", re.I)  # "the analytics one's day" (not "be the supervisor one day")
_ON_A_LIST_OK = frozenset({"is", "are", "what", "whats", "else", "it", "that", "this", "one", "ones", "them", "those", "they", "all", "still", "also", "too", "already", CODE_MARK})


def _named_in_one_sentence(a: Analysis, where: set[int]) -> bool:
    """Some sentence holds two of the words that name a role, or all of them are in one ("which
    career spotlights are in here? … what a tech could grow into" pieces no Technician Career
    Navigator together)."""
    per = Counter(a.sentence_of[i] for i in where)
    return len(per) <= 1 or max(per.values()) >= 2


def _in_a_described_job(a: Analysis) -> bool:
    """Every pathway cue lies in the clause describing the job asked about ("is there a role
    whose whole job is helping techs figure out their next step")."""
    clauses = [range(y, _clause_end(a, y)) for _, y in lexicon.cue("role_exists").spans(a.words) if a.words[y : y + 1] and a.words[y] in _RELATIVES]
    return bool(clauses) and all(any(x in c for c in clauses) for x, _ in lexicon.cue("pathway").spans(a.words))


def _clause_end(a: Analysis, start: int) -> int:
    """One past the last word of the sentence ``start`` is in."""
    end = start
    while end < len(a.words) and a.sentence_of[end] == a.sentence_of[start]:
        end += 1
    return end


_RELATIVES = frozenset({"whose", "that", "who", "where", "which"})
_DESCRIBED_BY = frozenset({"the", "a", "an", "that"})
_GOAL_VERBS = frozenset({"become", "becoming", "be", "into"})  # "become the person who …", "get into the job where …"
_PAST_OWNERS = frozenset({"my", "our", "his", "her", "their"})
_BACK_IN = frozenset({"from", "in", "during"})  # "from my ops days", "back in my retail days"
_HYPHENATED_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)+")


def _names_a_part(a: Analysis) -> bool:
    """Every pathway cue is followed, within two words, by a topic noun ("the route planning
    part"): the cue's word only qualifies a part of the work."""
    spans = lexicon.cue("pathway").spans(a.words)
    def part(end: int) -> bool:
        j = end
        while j < len(a.words) and j < end + 2 and a.words[j] not in lexicon.STOPWORDS and a.words[j] not in lexicon.TOPIC_NOUNS:
            j += 1
        return j < len(a.words) and a.words[j] in lexicon.TOPIC_NOUNS
    return bool(spans) and all(part(y) for _, y in spans)


_ROUTES = frozenset({"route", "routes"})
_ROUTE_LEADS = frozenset({"best", "fastest", "quickest", "easiest", "shortest", "usual", "typical", "normal", "right", "career", "whole", "full", "entire", "same", "other", "different", "another", "faster", "quicker", "easier", "shorter", "ideal", "realistic"})


def _a_route_of_the_work(a: Analysis, x: int, in_titles: set[int]) -> bool:
    """A route said right after a word of the work in its sentence ("who rebuilds the delivery
    route"), not a title's word, a certification word, or a word that weighs ways ("the fastest
    route"), nor a route to somewhere ("… reviews. route to ops manager?")."""
    before = a.words[x - 1] if x and a.sentence_of[x - 1] == a.sentence_of[x] else ""
    return bool(before) and a.words[x + 1 : x + 2] not in (("to",), ("into",), ("toward",), ("towards",)) and before not in lexicon.STOPWORDS and before not in lexicon.CERT_NOUNS and before not in lexicon.ROLE_NOUNS and before not in _ROUTE_LEADS and x - 1 not in in_titles and not before.isdigit()


def _a_topic_route(a: Analysis, cert_nouns: tuple[str, ...], in_titles: set[int]) -> bool:
    """"is there a credential for planning deliveries to places a wholesaler route can't reach":
    a path noun after the certification sought, in its sentence, qualified by a word of the topic
    (not a title's, not "career path"), every other pathway cue after it: a route of the work, no
    pathway asked."""
    spans = lexicon.cue("pathway").spans(a.words)
    at = next((i for i, w in enumerate(a.words) if w in cert_nouns and i not in in_titles), None)
    if at is None or not spans:
        return False
    def topic_route(x: int, y: int) -> bool:
        before = a.words[x - 1] if x else ""
        return (
            y == x + 1 and a.words[x] in _PATH_WORDS and x > at and a.sentence_of[x] == a.sentence_of[at]
            and before not in lexicon.STOPWORDS and before not in lexicon.CERT_NOUNS and before not in lexicon.ROLE_NOUNS and x - 1 not in in_titles
            and _ROUTE_TO.isdisjoint(a.words[max(0, x - 3) : x])  # (not "for the research route", "on the overnight path": the way to a job)
        )
    first = next((x for x, y in spans if topic_route(x, y)), None)
    return first is not None and all(topic_route(x, y) or (x > first and a.sentence_of[x] == a.sentence_of[first]) for x, y in spans)  # (and what is said of that route: "… can't reach")


def _own_words(roles: list[tuple[float, str]], where: dict[str, set[int]]) -> dict[str, set[int]]:
    """Each role's words, less those of another title written out whole, side by side ("director
    of pharmacy operations is the goal. i'm currently a repackaging supervisor": "pharmacy
    operations" belong to the director, and the supervisor is named only of the member)."""
    runs = [set(w) for sc, r in roles if sc >= 1.0 and (w := where.get(r)) and max(w) - min(w) + 1 == len(w)]
    return {r: set(w) - set().union(*(run for run in runs if not set(w) <= run)) if runs else set(w) for r, w in where.items()} | {r: set() for _, r in roles if r not in where}


def _listed_thing(a: Analysis) -> bool:
    """"is methotrexate on the hazardous drug list": something no certification or pronoun right
    before "on the … list", so the list is one of the trade (not "is CMSO on the ops director list")."""
    words = a.words
    for i in range(1, len(words) - 1):
        if words[i] == "on" and words[i + 1] == "the" and "list" in words[i + 2 : i + 6]:
            before = words[i - 1]
            return before not in _ON_A_LIST_OK and before not in lexicon.CERT_NOUNS and before not in lexicon.STOPWORDS
    return False


def _person_of_title(a: Analysis, ix: Index, rid: str) -> bool:
    """"the diversion person", "the revenue guy", "the offshore meds guy": a person noun after a
    word that only this role's title has, with at most one plain word of the trade between."""
    for i, w in enumerate(a.words):
        if w not in lexicon.PERSON_NOUNS:
            continue
        k = a.typed_start(i)
        for back in range(2):  # the word right before, or one word further back
            if k == 0 or a.sentence_of[k - 1] != a.sentence_of[i]:
                break
            group = a.typed_group(k - 1)
            k = group.start
            if any(a.words[j] in lexicon.STOPWORDS for j in group):
                break
            own = [j for j in group if j == group[-1] or " " not in a.said[j]]  # ("med safety" read "medication safety": the safety person)
            if any(ix.title_postings.get(a.word_stems[j]) == [rid] and (not back or set(ix.role_postings.get(a.word_stems[j], ())) == {rid}) for j in own):  # (further back, a word only its page writes)
                if k == 0 or not _BEFORE_PERSON.isdisjoint(a.words[max(0, k - 3) : k]):
                    return True  # (not "im new to managing people": a verb and its object)
                break
            if any(a.words[j] in lexicon.ROLE_HEADS or ix.title_postings.get(a.word_stems[j]) for j in group):
                break  # ("the offshore pharmacist guy" is a pharmacist; another title's word names another job)
    return False


_BEFORE_PERSON = lexicon.DETERMINERS | lexicon.POSSESSIVES | {"that", "this", "those", "these", "which", "what", "for", "about", "with", "like"}


def _described_role(ev: Evidence) -> str | None:
    a, ix = ev.a, ev.ix
    held_names = {st for code in ev.held if code not in a.code_pos for st in ix.cert_names[code]}  # "i already have the pharmacy supply chain manager cert, …": a name, not a description
    if held_names:
        a = replace(a, stems=tuple(st for st in a.stems if st not in held_names))
    wishers = wishing(a) if ev.pathway_cue and not ev.only_ordering else frozenset()  # "my tech wants to get into …": the person's job is not the one described (but "my mentee's a tech who does the DEA paperwork, which first" is their job)
    mine = (own_job_heads(a) if "likes" in ev.hits else member_heads(a)) | wishers | led(a)  # "burnt out retail pharmacist. i like solving puzzles …": their job, what they like describes
    heads = [w for i, w in enumerate(a.words) if w in lexicon.ROLE_HEADS and i not in mine and a.word_stems[i] not in held_names]
    own_heads = [w for i, w in enumerate(a.words) if w in lexicon.ROLE_HEADS and not (i and a.words[i - 1] in POSSESSIVES)]  # "my techs want to browse": people the member knows
    one_who = any(w == "one" and a.words[i + 1 : i + 2] in (("who",), ("that",)) and i and a.words[i - 1] == "the" for i, w in enumerate(a.words))  # "and the one that builds cleanrooms?"
    if ev.asks_who and not _THE_BOT.isdisjoint(a.words):
        return None  # "who runs this bot anyway? who keeps it updated": the bot's keepers, no role's duty
    refers = ev.asks_who or (ev.pathway_cue and not ev.only_ordering) or ev.role_nouns or own_heads or not lexicon.PERSON_WORDS.isdisjoint(a.words) or one_who
    if not refers:
        return None
    themed = themed_job(a, ix) if heads else None
    if themed:
        return themed  # "diversion manager morning routine?"
    own_job = {a.word_stems[k] for i in mine for k in a.typed_group(i)}
    compounds = {part for compound in _HYPHENATED_WORDS.findall(a.question.lower()) if english.count(compound.replace("-", "")) < EVERYDAY_WORD for part in compound.split("-")}  # ("the no-shows": a term of the trade, of everyday words)
    compound_stems = {stem(w) for w in compounds}
    content = [s for s in a.stems if (s not in cue_stems() or s in compound_stems) and s not in a.kin and ix.weight(s) >= CONTENT_WORD]
    refers_back = ev.pathway_cue and not ev.hits.keys().isdisjoint({"ref_thing", "ref_role"})  # "and the path for it if im already doing data analysis": the role talked about
    if ("ordering" in ev.hits or "list" in ev.hits or refers_back) and not ev.hits.keys() & {"likes", "suits"} and not ev.wished:
        told = ev.said_of_self | _conditions(a) | {i for name in ev.hits.keys() & _ASKING_HOW for x, y in lexicon.cue(name).spans(a.words) for i in range(x, y)}
        if told and all(a.word_stems[i] not in content for i in range(len(a.words)) if i not in told):
            return None  # "which first if i already lead a team of 20 techs", "show me all the roles, im new here and coming from IT": who they are orders the steps or asks the list, it names no role
    if own_job and all(s in own_job for s in content):
        return None  # "which should i do first as a tech": the member's own job describes no role
    job_nouns = {a.word_stems[k] for i, w in enumerate(a.words) if w in lexicon.ROLE_HEADS and a.typed_start(i) == i and a.word_stems[i] not in held_names for k in a.typed_group(i)}
    if job_nouns:
        said = {a.word_stems[i] for i, w in enumerate(a.words) if english.count(w) < EVERYDAY_WORD or w in compounds}  # ("usually", "often" describe nothing)
        if all(s in job_nouns or s not in said for s in content):
            return None  # "is that usually a pharmacist or a tech": job nouns alone describe no role
    beyond = _beyond_self(ev)
    if a.disliked and ev.pathway_cue:  # "statistics were never my strong suit … where would I start": what they would rather not do describes no role to become
        beyond = replace(beyond, stems=tuple(st for st in beyond.stems if st not in a.disliked))
    asking = _only_asking(a)
    if asking:
        beyond = replace(beyond, stems=tuple(st for st in beyond.stems if st not in asking))  # "which cert should she start with": "start" asks, it describes nothing
    wished = ev.wished
    if wished:  # "new grad, zero experience, but i want to be the pharmacist who plans for disasters": the wish describes
        beyond = replace(beyond, stems=tuple(st for st in beyond.stems if st in wished))
    if held_names:
        beyond = replace(beyond, stems=tuple(st for st in beyond.stems if st not in held_names))
    if own_job and "likes" in ev.hits:
        beyond = replace(beyond, stems=tuple(s for s in beyond.stems if s not in own_job))  # "retail tech 6 yrs here. the only part … i like is fixing insurance rejections": what they like, not the job they have
    if ev.pathway_cue and "suits" in ev.hits:  # "which cert first for a mentee who cares most about patient safety": the person the order is for, no role
        told_of = {i for x, y in lexicon.cue("suits").spans(a.words) if a.words[x] == "for" and a.words[y - 1] in _WHO_THAT for i in _clause_from(a, y - 1)}
        beyond = replace(beyond, stems=tuple(a.word_stems[i] for i in range(len(a.words)) if i not in told_of and a.word_stems[i] in beyond.stems))
    theirs = {a.word_stems[k] for i in wishers for k in a.typed_group(i)}
    if theirs:
        beyond = replace(beyond, stems=tuple(s for s in beyond.stems if s not in theirs))  # "my other tech wants to do jail pharmacy": the person's job describes nothing
    found = content_role(beyond, ix)
    if not found:
        return None
    role, _, score, runner_up = found
    titled = {a.word_stems[i] for sc, r in ev.roles if sc >= ROLE_RELAXED and r != role for i in ev.role_where.get(r, ()) if a.words[i].rstrip("s") not in lexicon.ROLE_HEADS}  # (a job noun alone is half of no title: "the directors of nursing")
    if titled:  # "the person who runs all the day to day pharmacy operations": words half of another's title, which describe this role only with them
        without = content_role(replace(beyond, stems=tuple(st for st in beyond.stems if st not in titled)), ix)
        if without is None or without[0] != role:
            return None
    if ev.asks_who or one_who:  # "who figures out pharmacist and tech coverage": job words are the objects here
        titled_too = ev.role_best == role and ev.role_score >= ROLE_RELAXED  # "who does the scheduling": a word of its own title, and its page's
        return role if score >= WHO_MIN or (score >= WHO_WEAK and (score >= WHO_LEAD * runner_up or titled_too)) else None
    if (score < DESCRIBED_STRONG * WHO_MIN or score < DESCRIBED_MARGIN * runner_up) and not (runner_up == 0.0 and score >= WHO_WEAK and _kind_named(a)):
        return None  # (but "the billing role", "the research pharmacy job": words only one role's page has, said as its name)
    if heads and not names_this_job(a, ix, role, by_content=True):
        return None  # "a pharmacy buyer at a wholesaler", "a retail store manager": another job
    return role


_DEFINITE = frozenset({"the", "that", "this"})
_WEIGHED_AGAINST = frozenset({"vs", "versus", "or"})


def _then_a_job(ev: Evidence, r: str, i: int) -> bool:
    """Word ``i`` (one only ``r``'s title has) names the role: a job noun follows after more of its
    title ("nuclear manager", "milk room job"), or it is weighed against another ("vivarium vs …")."""
    words, stems = ev.a.words, ev.a.word_stems
    j = i + 1
    while j < len(words) and r in ev.ix.title_postings.get(stems[j], ()) and words[j] not in _JOB_NOUNS:
        j += 1
    return (j < len(words) and words[j] in _JOB_NOUNS) or words[i + 1 : i + 2] in (("vs",), ("versus",)) or (i > 0 and words[i - 1] in _WEIGHED_AGAINST)


def _kind_named(a: Analysis) -> bool:
    """"the billing role", "that research pharmacy job", "the suggestion board person": a role (or
    person) noun right after words that are not the member's own ("my role", "which role")."""
    for i, w in enumerate(a.words):
        if w not in lexicon.ROLE_NOUNS and w not in lexicon.PERSON_NOUNS:
            continue
        start = next((j for j in range(i - 1, max(-1, i - 5), -1) if a.words[j] in _DEFINITE), None)
        between = a.words[start + 1 : i] if start is not None else ()
        if between and all(x not in lexicon.STOPWORDS and x not in lexicon.ROLE_NOUNS and x not in lexicon.ORDINALS and x != CODE_MARK for x in between):
            return True
    return False


def _only_asking(a: Analysis) -> frozenset[str]:
    """Stems of the words that ask for a pathway ("where does she start", "start with": the
    phrases' own words, not what a gap in them matched), said nowhere else in the message."""
    literal = _pathway_words()
    inside = {i for x, y in lexicon.cue("pathway").spans(a.words) for i in range(x, y) if a.words[i] in literal}
    if not inside:
        return frozenset()
    outside = {st for i, st in enumerate(a.word_stems) if i not in inside}
    return frozenset(a.word_stems[i] for i in inside) - outside


@lru_cache(maxsize=1)
def _pathway_words() -> frozenset[str]:
    return frozenset(lexicon.cue("pathway").phrases.words())


_ASKING_HOW = frozenset({"ordering", "first_asked", "list", "help"})  # cues whose own words ask how to answer ("start with", "show me all")


def _conditions(a: Analysis) -> frozenset[int]:
    """Word positions of an "if" clause ("which first if i already lead a team"): to its end."""
    return frozenset(k for i, w in enumerate(a.words) if w == "if" for k in _clause_from(a, i))


def _placed_then_relative(a: Analysis, at: int) -> bool:
    """"the person at a pharmacy school who keeps graduates connected": where the job is, then the
    clause that describes it."""
    if a.words[at] not in _PLACE_PREPOSITIONS:
        return False
    k = next((j for j in range(at + 1, min(at + 1 + RELATIVE_REACH, len(a.words))) if a.words[j] in _RELATIVES), None)
    return k is not None and all(a.sentence_of[j] == a.sentence_of[at] and a.words[j] not in _CLAUSE_STARTS for j in range(at + 1, k))


_PLACE_PREPOSITIONS = frozenset({"at", "in", "on"})
RELATIVE_REACH = 5  # words of the place between a job noun and "who" ("at a big pharmacy school")


def _clause_from(a: Analysis, start: int, nested: bool = False) -> range:
    """Positions from ``start`` to the end of its clause (a question word, "but", a new sentence);
    ``nested``: a "that" clause inside it keeps its own verb ("who signs off that an upgrade is
    safe for the wards")."""
    i = start + 1
    while i < len(a.words) and a.sentence_of[i] == a.sentence_of[start] and (a.words[i] not in _CLAUSE_STARTS or (nested and a.words[i] in _BE_VERBS and "that" in a.words[start + 2 : i])):
        i += 1
    return range(start, i)


_BE_VERBS = frozenset({"is", "are"})
_AUXILIARIES = frozenset({"is", "was", "does", "has", "s"})  # "who is", "who does": no verb of a job's work


def _beyond_self(ev: Evidence) -> Analysis:
    """The question without what the member says of themselves, when it refers back to what was
    talked about and the rest still has content of its own ("how would i get into that, im a
    pharmacy tech who does a lot of charge reconciliation": their own work describes no role to
    become)."""
    a, own = ev.a, ev.said_of_self
    if not own or not any(name in ev.hits for name in _BACK_REFERENCES):
        return a  # (alone, "what's my role called on here? i run a team of remote pharmacists …" is described by it)
    refs = [(name, x) for name in _BACK_REFERENCES if name in ev.hits for x, _ in lexicon.cue(name).spans(a.words)]
    if all(name in _THING_REFERENCES and x > min(own) for name, x in refs):
        return a  # "i'm the tech who always does the c2 counts … and i like it. what job uses that": what they just told is referred to (but "… what do they do" is the role talked about)
    kept = tuple(a.word_stems[i] for i, w in enumerate(a.words) if i not in own and w != CODE_MARK and w not in lexicon.STOPWORDS and not w.isdigit())
    if not any(s not in cue_stems() and s not in a.kin and ev.ix.weight(s) >= CONTENT_WORD for s in kept):
        return a
    return replace(a, stems=kept)


def _said_of_self(a: Analysis) -> frozenset[int]:
    """Word positions of what the member says of themselves: from "I'm", "I work in", "I love" …
    to the end of that clause (a question word, "but", a comma-less new sentence)."""
    out: set[int] = set()
    for start, end in lexicon.cue("self_describe").spans(a.words):
        if not _ASKED_OF_SELF.isdisjoint(a.words[max(0, start - 2) : start]):
            continue  # "how would i handle a potassium protocol": asked, not told
        out.update(range(start, end), _clause_from(a, end - 1))  # (the telling words themselves end no clause: "my strength is …", "im the one who …")
    return frozenset(out)


_JOB_NOUNS = lexicon.ROLE_HEADS | lexicon.ROLE_NOUNS | lexicon.PERSON_NOUNS | {"one"}  # ("the facilities one")
_FRAMING = frozenset({"for", "as"})
_LETS_BEGIN = frozenset({"start with", "begin with"})
_WHO_THAT = frozenset({"who", "whos", "that", "thats", "with"})
_ASKED_OF_SELF = frozenset({"would", "should", "could", "can", "do", "how", "will", "might"})
_FRAMED_BY = frozenset({"as", "for", "be"})
_FRAMED_AFTER = frozenset({"here", "question", "q", "job", "role", "interview", "position"})
_BACK_REFERENCES = ("ref_thing", "ref_role", "ref_topic", "ref_many", "ref_choice", "ref_other", "ref_earlier")
_THING_REFERENCES = ("ref_thing", "ref_topic")
_PATH_WORDS = frozenset({"pathway", "pathways", "path", "paths", "route", "roadmap"})
_ROUTE_TO = frozenset({"for", "to", "into", "toward", "towards", "on", "onto"})
_WISH_ENDS = frozenset({"be", "become", "becoming"})  # "want to be …", "how do i become …": the goal follows
_CLAUSE_SPLIT = re.compile(r"[.!?;:,\n]+|\s[-–—]+\s")
_CLAUSE_STARTS = lexicon.WH_WORDS | lexicon.CLAUSE_BREAKS | lexicon.WISH_WORDS | lexicon.WEIGHING_WORDS | _PATH_WORDS | frozenset({"should", "can", "could", "would", "is", "are", "do", "does"})
