"""Buttons under answers: "did you mean" picks and 👍/👎 "helpful?" feedback.

They are ``DynamicItem``s: the answer id and choice live in the ``custom_id``, so buttons keep
working after a restart and the bot holds no per-message view state.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

import discord

from bot.engine.answer import Alternative

if TYPE_CHECKING:  # pragma: no cover
    from bot.discord_app.bot import CareerBot

CUSTOM_ID_MAX = 100
MAX_CHOICES = 4


class FeedbackButton(discord.ui.DynamicItem[discord.ui.Button], template=r"cb:fb:(?P<aid>\d+):(?P<v>[01])"):
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
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]) -> "FeedbackButton":
        return cls(int(match["aid"]), match["v"] == "1")

    async def callback(self, interaction: discord.Interaction) -> None:
        bot: CareerBot = interaction.client  # type: ignore[assignment]
        await bot.on_feedback(interaction, self.answer_id, self.helpful)


class ChoiceButton(discord.ui.DynamicItem[discord.ui.Button], template=r"cb:dym:(?P<aid>\d+):(?P<kind>role|cert):(?P<ident>[^:]+)"):
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
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]) -> "ChoiceButton":
        return cls(int(match["aid"]), match["kind"], match["ident"], item.label or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        bot: CareerBot = interaction.client  # type: ignore[assignment]
        await bot.on_choice(interaction, self.answer_id, self.kind, self.ident)


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


DYNAMIC_ITEMS = (FeedbackButton, ChoiceButton)
