"""The answer engine: question -> normalize -> match -> answer -> render. No Discord here."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answer import WHAT_IT_SAYS, Answer, compose
from bot.engine.conversation import REFERRING, Context, Resolution, advance, resolve
from bot.engine.index import Index, words_of
from bot.engine import lexicon
from bot.engine.language import foreign
from bot.engine.evidence import Evidence, read
from bot.engine.match import Match, decide, match
from bot.engine.verdict import TWO_PATHWAYS
from bot.engine.memory import release_free_memory
from bot.engine.normalize import stem
from bot.engine.parts import one_sentence, restated, split_questions
from bot.engine.render import render_text
from bot.engine.stages import POINTERS, STAGES
from bot.engine.teaching import taught_index
from bot.knowledge.bulk import paused_gc
from bot.knowledge.model import Knowledge


class Engine:
    """One knowledge snapshot with its search index; build once, ask many times."""

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        with paused_gc():
            self.index = Index.build(knowledge)
            self.index.taught = taught_index(knowledge, self.index)  # read with the index itself
        release_free_memory()  # what the build freed (about 45 MB at 1,000 roles)

    def ask(self, question: str) -> Answer:
        """One message on its own, with no conversation around it (its questions, if it asks
        several, are answered together)."""
        if len(split_questions(question, self._names_subject)[0]) > 1 or restated(question) != question:
            return self.converse(question)[0]
        return compose(question, match(question, self.index), self.knowledge)

    def converse(self, question: str, context: Context | None = None) -> tuple[Answer, Context]:
        """One message of a conversation: the answer (one part per question it asks, see
        ``parts``), and the context for the next message."""
        ctx = context or Context()
        corrected = restated(question)
        if corrected != question:  # "the data feed one. no wait, the respite one. day pls": as corrected
            answer, ctx = self.converse(corrected, ctx)
            return replace(answer, question=question, read_as=answer.read_as or corrected), ctx
        questions, statements = split_questions(question, self._names_subject)
        if len(questions) == 1 or foreign(question, self.index.english_or_ours):
            return self._turn(question, ctx)  # a message in another language is one message, whatever English words its parts hold
        answers: list[Answer] = []
        start = ctx
        for q in questions:
            before = ctx
            if q is questions[0] and statements and not POINTERS.isdisjoint(words_of(q)):
                asks_the_job = not read(q, self.index).hits.keys().isdisjoint(_ASKS_THE_JOB)
                told_codes = [st for st in statements if (said := read(st, self.index)).a.unknown_codes or said.codes or (said.role_named and not said.named_only_of_self) or (asks_the_job and said.described)]
                q = " ".join([*told_codes, q])  # "I saw 'CESP-II' on a signature. Is that an advanced version …?", "my boss wrote 'CPLSR' … Is that a typo?": what "that" is, told before ("the job where you chase what is missing. what is it called?": the job described)
            elif q is not questions[0] and not POINTERS.isdisjoint(words_of(q)) and before.empty and answers and all(a.intent == "none" and a.reason in _NOT_ALONE for a in answers):
                q = " ".join([*questions[: questions.index(q)], q])  # "… about margin this margin that and honestly i find it kinda interesting?? is there a cert that teaches that side of it": what "it" is, asked before
            answer, ctx = self._turn(q, before)
            around = statements + [other for other in questions if other != q]  # what the member says of themselves, in any sentence
            if answer.intent == "pathway" and around:  # "I'm a purchasing tech. … which certs first?"; "I've been a med history tech …, would X suit me? what cert first"
                tailored, tailored_ctx = self._turn(f"{q} {' '.join(around)}", before)
                if (tailored.intent, tailored.role) == (answer.intent, answer.role):  # the same pathway, in the order what they said asks for
                    answer, ctx = tailored, tailored_ctx
            chose = next((i for i, a in enumerate(answers) if _chosen_from(answer, a) or _is_that_a_job(answer, a, q, self.index)), None)
            if chose is not None:  # "cnrs vs cmso — both safety? which one is the radiation one": the one chosen, not both again
                answers[chose] = replace(answer, question=q)
            elif not any(_same(a, answer) for a in answers):  # "… which certs for ops director? what order?": one pathway
                answers.append(replace(answer, question=q))
        if answers[0].intent == "none" and one_sentence(question):
            return self._turn(question, start)  # "when is the next CPWMS exam window and where do i sit it": one refusal, as one question
        if any(a.intent != "none" for a in answers) and len(answers) > 1:  # "turns out i LOVED it?? how do i become …": no question of its own
            answers = [a for a in answers if not (a.intent == "none" and a.reason in _NOT_ALONE)] or answers
        if any(a.intent == "none" for a in answers) and len(answers) > 1:  # "can you crush tamoxifen …? whats the answer": the refusal already says what it can do
            answers = [a for a in answers if a.intent != "help"] or answers
        answers = _one_card_each(answers)
        return replace(answers[0], question=question, parts=tuple(answers[1:])), ctx

    def _names_subject(self, question: str) -> bool:
        """The question names a certification, or a role by its title, of its own."""
        ev = read(question, self.index)
        return bool(ev.codes) or ev.role_named

    def remember(self, context: Context, answer: Answer) -> Context:
        """The context after an answer given without reading a question (a slash command, a
        button): what it was about becomes what follow-ups refer to."""
        return advance(context, answer.question, answer, Resolution(answer.question, False, False), self.index)

    def _turn(self, question: str, ctx: Context) -> tuple[Answer, Context]:
        resolution = resolve(question, ctx, self.index)
        ev = resolution.evidence or read(resolution.question, self.index)
        decided = decide(ev, self.index)
        if resolution.rewritten and decided.reason not in _NEVER_BORROWED:
            own_ev = read(question, self.index)
            alone = decide(own_ev, self.index, _OWN_WORDS_STAGES)
            chosen_among = "ref_choice" in own_ev.hits and decided.intent == "certification"  # "any about naloxone?" after the list of certifications: a choice among them
            if (alone.reason in _NEVER_BORROWED and not chosen_among) or alone.stage == "task_request":  # "whats the bud for a vanc bag …" after a role: still clinical; "translate their day into french": still a writing job
                decided, resolution = alone, replace(resolution, question=question, rewritten=False)
            elif decided.intent != "none" and (outside := _an_outside_job(own_ev, self.index)) is not None:
                decided, resolution = outside, replace(resolution, question=question, rewritten=False)
        if resolution.rewritten and "new_person" in resolution.signals:
            own = read(question, self.index)
            alone = decide(own, self.index)
            same_way = "same_goal" in own.hits or any(w in lexicon.PATH_NOUNS for w in words_of(own.cue("ref_role") or ""))  # "… who already has CPOM, what's next for him on that path", "wants the same job": the way just shown
            their_role = alone.intent in ("pathway", "role") and alone.role and alone.role not in (ctx.role, decided.role) and not same_way  # "and my tech wants to teach other techs, where does he start": their own goal
            their_cert = alone.intent == "certification" and alone.certifications[:1] != decided.certifications[:1]  # "now my tech: she's into chargemaster work, what cert is that"
            if their_role or their_cert:
                decided, resolution = alone, replace(resolution, question=question, rewritten=False, evidence=own)
        if "one_cert" in resolution.signals and decided.intent == "pathway" and decided.certifications and decided.reason not in TWO_PATHWAYS:
            decided = replace(decided, intent="certification", role=None, focus=None, focus_words=(), held=(), shape="")  # "which cert covers that": the step the topic puts first, its card
        answer = compose(question, decided, self.knowledge)
        if resolution.rewritten:
            answer = replace(answer, read_as=resolution.question)
        return answer, advance(ctx, question, answer, resolution, self.index)


def _an_outside_job(ev: Evidence, ix: Index) -> Match | None:
    """"what about becoming an anesthesiologist instead", "and CPhT?": on its own words the
    message asks the way to a job or field no page is about, or of a job whose words no page
    uses at all; no earlier subject changes that. The refusal, if so."""
    own = decide(ev, ix)
    said = words_of(own.detail)
    unheard = not any(stem(w) in ix.postings or w in lexicon.MENTORED or w in lexicon.PERSON_NOUNS for w in said)  # (not "back to the resident": a person spoken for)
    outside = own.reason == "unknown_role" and bool(said) and (own.shape in ("field", "goal") or (unheard and not ev.pathway_cue and not ev.hits.keys() & REFERRING))  # (a way asked leads to the job it names, not "how would i move into that from being a cpht")
    return own if outside else None


_NOT_ALONE = frozenset({"off_topic", "needs_context"})  # a part that asks nothing on its own, beside one that does
_NEVER_BORROWED = frozenset({"clinical", "injection"})  # refused on its own words: the conversation's subject never makes it a career question
_OWN_WORDS_STAGES = tuple(s for s in STAGES if s.name in ("injection", "task_request", "clinical"))  # the stages that refuse so


def _card_of(a: Answer) -> str | None:
    """The certification whose card an answer shows (a partial refusal shows it too)."""
    return a.certifications[0] if a.intent in ("certification", "none") and len(a.certifications) == 1 else None


def _one_card_each(answers: list[Answer]) -> list[Answer]:
    """"what's CUMP? is it just prior auth stuff": the card once, first; the other part keeps only
    what it says the knowledge lacks."""
    cards = {_card_of(a) for a in answers if a.intent == "certification"} - {None}
    if not cards:
        return answers
    trimmed = [replace(a, title="", summary=a.summary.removesuffix(WHAT_IT_SAYS), facts=(), links=(), see_also=()) if a.intent == "none" and _card_of(a) in cards else a for a in answers]
    return sorted(trimmed, key=lambda a: a.intent == "none" and _card_of(a) in cards)  # the card leads (a stable sort)


def _chosen_from(answer: Answer, earlier: Answer) -> bool:
    """One certification's card, picked from several an earlier part of the message showed."""
    return answer.intent == earlier.intent == "certification" and len(answer.certifications) == 1 and len(earlier.certifications) > 1 and answer.certifications[0] in earlier.certifications


def _is_that_a_job(answer: Answer, earlier: Answer, question: str, ix: Index) -> bool:
    """"who's the person that runs promotion panels? is that an actual job": the later part asks
    what the role an earlier part found is, so the role itself (its overview) answers both."""
    return answer.intent == earlier.intent == "role" and answer.role == earlier.role and bool(answer.read_as) and not read(question, ix).hits.keys().isdisjoint(_WHAT_JOB)


_WHAT_JOB = frozenset({"role_name", "role_exists"})


def _same(a: Answer, b: Answer) -> bool:
    """Two parts that would show the same thing."""
    if a.intent != b.intent:
        return False
    if a.intent in ("pathway", "role"):
        return (a.role, a.section) == (b.role, b.section)
    same_certs = a.certifications[:1] == b.certifications[:1] or (len(a.certifications) > 1 and set(a.certifications) == set(b.certifications))  # "CPEN vs CIPO …? both are for owners no?": the same two
    return same_certs and a.faq == b.faq


__all__ = ["Answer", "Context", "Engine", "Match", "render_text"]
_ASKS_THE_JOB = frozenset({"role_name", "identity", "overview", "weak_overview", "day", "responsibilities"})  # "… . what is it called?", "… . what they do?": the job told before is asked about
