"""The answer engine: question -> normalize -> match -> answer -> render. No Discord here."""

from __future__ import annotations

from bot.engine.answer import Answer, compose
from bot.engine.index import Index
from bot.engine.match import Match, match
from bot.engine.render import render_text
from bot.knowledge.model import Knowledge


class Engine:
    """One knowledge snapshot with its search index; build once, ask many times."""

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.index = Index.build(knowledge)

    def ask(self, question: str) -> Answer:
        return compose(question, match(question, self.index), self.knowledge)


__all__ = ["Answer", "Engine", "Match", "render_text"]
