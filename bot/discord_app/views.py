"""Buttons under answers: "did you mean" picks and 👍/👎 "helpful?" feedback.

They are ``DynamicItem``s: the answer id and choice live in the ``custom_id``, so buttons keep
working after a restart and the bot holds no per-message view state. Pressing one hands over
to whatever implements ``AnswerButtons`` (the Answers cog); errors go to the error handler.
"""

from __future__ import annotations

import re
from typing import Any, Protocol, Sequence, runtime_checkable

import discord
from discord.ext import commands

from bot.discord_app.constants import ANSWERS_COG, ERROR_EVENT
from bot.engine.answer import Alternative

CUSTOM_ID_MAX = 100
MAX_CHOICES = 4


@runtime_checkable
class AnswerButtons(Protocol):
    async def on_feedback(self, interaction: discord.Interaction, answer_id: int, helpful: bool) -> None: ...

    async def on_choice(self, interaction: discord.Interaction, answer_id: int, kind: str, ident: str) -> None: ...


def _answers(interaction: discord.Interaction) -> AnswerButtons:
    client = interaction.client
    cog = client.get_cog(ANSWERS_COG) if isinstance(client, commands.Bot) else None
    if not isinstance(cog, AnswerButtons):
        raise RuntimeError("the Answers cog is not loaded")
    return cog


class FeedbackButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"cb:fb:(?P<aid>\d{1,19}):(?P<v>[01])"):
    def __init__(self, answer_id: int, helpful: bool):
        super().__init__(
            discord.ui.Button(
                emoji="👍" if helpful else "👎",
                label="Helpful" if helpful else "Not helpful",
                style=discord.ButtonStyle.secondary,
                custom_id=f"cb:fb:{answer_id}:{int(helpful)}",
                row=1,
            )
        )
        self.answer_id = answer_id
        self.helpful = helpful

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> "FeedbackButton":
        return cls(int(match["aid"]), match["v"] == "1")

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await _answers(interaction).on_feedback(interaction, self.answer_id, self.helpful)
        except Exception as error:  # discord.py would only log it: answer the member
            interaction.client.dispatch(ERROR_EVENT, interaction, error, "feedback button")


class ChoiceButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"cb:dym:(?P<aid>\d{1,19}):(?P<kind>role|cert):(?P<ident>[^:]+)"):
    def __init__(self, answer_id: int, kind: str, ident: str, label: str = ""):
        super().__init__(
            discord.ui.Button(
                label=(label or ident)[:80],
                style=discord.ButtonStyle.primary,
                custom_id=f"cb:dym:{answer_id}:{kind}:{ident}",
                row=0,
            )
        )
        self.answer_id = answer_id
        self.kind = kind
        self.ident = ident

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> "ChoiceButton":
        label = item.label if isinstance(item, discord.ui.Button) else None
        return cls(int(match["aid"]), match["kind"], match["ident"], label or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await _answers(interaction).on_choice(interaction, self.answer_id, self.kind, self.ident)
        except Exception as error:
            interaction.client.dispatch(ERROR_EVENT, interaction, error, "did-you-mean button")


def answer_view(answer_id: int | None, alternatives: Sequence[Alternative] = (), feedback: bool = True) -> discord.ui.View | None:
    """Did-you-mean buttons (first row) and helpful? buttons (second row); None if neither."""
    view = discord.ui.View(timeout=None)
    aid = answer_id or 0
    for alt in list(alternatives)[:MAX_CHOICES]:
        if len(f"cb:dym:{aid}:{alt.kind}:{alt.id}") <= CUSTOM_ID_MAX and ":" not in alt.id and alt.kind in ("role", "cert"):
            view.add_item(ChoiceButton(aid, alt.kind, alt.id, alt.label))
    if feedback and answer_id:
        view.add_item(FeedbackButton(answer_id, True))
        view.add_item(FeedbackButton(answer_id, False))
    return view if view.children else None


ANSWER_ITEMS = (FeedbackButton, ChoiceButton)
