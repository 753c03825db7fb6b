"""Conversations in Discord: the engine's ``Context`` per member and place, in memory only.

A member's questions in one place (a DM, a channel, a thread) form a conversation while they
keep asking within ``window`` seconds; after a longer pause the next question starts over, so
an old subject never leaks into a new question. A reply to one of the bot's answers (or a
button under it) continues *that answer's* conversation however old it is: the conversation
after each answer is also kept by the answer's message id.

Both maps are LRUs bounded by ``limit`` (least recently used dropped first; expired
conversations leave as soon as they reach the front), so memory stays bounded however many
members talk, and each call is O(1) amortized. Nothing is written to disk. No discord.py here:
the cog passes plain ids in.
"""

from __future__ import annotations

import collections
import time
from dataclasses import dataclass, field
from typing import Callable

from bot.engine.conversation import Context

Key = tuple[int, int]  # (member id, place id: the DM channel, channel or thread)


@dataclass(frozen=True)
class Conversation:
    context: Context = field(default_factory=Context)
    pointed: bool = False  # the "what I can do" pointer was shown in it already (once per conversation)


EMPTY = Conversation()


class Conversations:
    def __init__(self, window_seconds: float, limit: int, clock: Callable[[], float] = time.monotonic):
        self.window = window_seconds
        self.limit = limit
        self.clock = clock
        self._live: collections.OrderedDict[Key, tuple[float, Conversation]] = collections.OrderedDict()
        self._answers: collections.OrderedDict[int, Conversation] = collections.OrderedDict()

    def get(self, member: int, place: int, answer: int | None = None) -> Conversation:
        """The conversation a new question continues: that of ``answer`` (a message of the bot the
        member replied to or pressed a button on) when known, else the member's in ``place`` if
        they asked there within the window, else a new one."""
        if answer is not None and answer in self._answers:
            self._answers.move_to_end(answer)
            return self._answers[answer]
        self._expire()
        entry = self._live.get((member, place))
        return entry[1] if entry is not None else EMPTY

    def put(self, member: int, place: int, conversation: Conversation) -> None:
        """The member's conversation in ``place`` after an answer (stored before the answer is
        sent, so a quick next message already reads it)."""
        if self.limit <= 0:
            return
        key = (member, place)
        self._live.pop(key, None)
        self._live[key] = (self.clock(), conversation)
        while len(self._live) > self.limit:
            self._live.popitem(last=False)
        self._expire()

    def answered(self, answer: int, conversation: Conversation) -> None:
        """The conversation a reply to ``answer`` (the bot's message id) continues."""
        if self.limit <= 0:
            return
        self._answers.pop(answer, None)
        self._answers[answer] = conversation
        while len(self._answers) > self.limit:
            self._answers.popitem(last=False)

    def _expire(self) -> None:
        cutoff = self.clock() - self.window
        while self._live:
            at = next(iter(self._live.values()))[0]
            if at > cutoff:
                break
            self._live.popitem(last=False)

    def __len__(self) -> int:
        """Conversations held (live ones; answers' conversations are counted by ``answers``)."""
        return len(self._live)

    @property
    def answers(self) -> int:
        return len(self._answers)
