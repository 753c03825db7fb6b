"""The answer engine: question -> normalize -> match -> answer -> render. No Discord here."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answer import Answer, compose
from bot.engine.conversation import Context, advance, resolve
from bot.engine.index import Index
from bot.engine.match import Match, match
from bot.engine.render import render_text
from bot.engine.teaching import taught_index
from bot.knowledge.model import Knowledge


class Engine:
    """One knowledge snapshot with its search index; build once, ask many times."""

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.index = Index.build(knowledge)
        self.index.taught = taught_index(knowledge, self.index)  # read with the index itself

    def ask(self, question: str) -> Answer:
        """One question on its own, with no conversation around it."""
        return compose(question, match(question, self.index), self.knowledge)

    def converse(self, question: str, context: Context | None = None) -> tuple[Answer, Context]:
        """One turn of a conversation: the answer, and the context for the next turn."""
        ctx = context or Context()
        resolution = resolve(question, ctx, self.index)
        answer = compose(question, match(resolution.question, self.index), self.knowledge)
        if resolution.rewritten:
            answer = replace(answer, read_as=resolution.question)
        return answer, advance(ctx, question, answer, resolution, self.index)


__all__ = ["Answer", "Context", "Engine", "Match", "render_text"]
