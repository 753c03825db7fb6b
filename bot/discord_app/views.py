"""Buttons under answers: "did you mean" picks, follow-ups, "See also", "What can you do?",
"Ask a moderator" and 👍/👎 "helpful?" feedback.

They are ``DynamicItem``s: what a button does lives in its ``custom_id`` (at most 100
characters), so buttons keep working after a restart and the bot holds no per-message view
state. Pressing one hands over to whatever implements ``AnswerButtons`` (the Answers cog) or
``EscalationButtons`` (the Escalations cog); errors go to the error handler.

Rows: 0 did you mean, 1 follow-ups, 2 see also, 3 "What can you do?" and "Ask a moderator",
4 helpful?
"""

from __future__ import annotations

import re
from typing import Any, Protocol, Sequence, runtime_checkable

import discord
from discord.ext import commands

from bot.discord_app.constants import ANSWERS_COG, ERROR_EVENT, ESCALATIONS_COG
from bot.discord_app.followups import CERT, HELP, HELP_OFFER, PATHWAY, ROLE, SECTIONS, Offer
from bot.engine.answer import Alternative

CUSTOM_ID_MAX = 100
MAX_CHOICES = 4
ROW_CHOICES, ROW_FOLLOW_UPS, ROW_SEE_ALSO, ROW_HELP, ROW_FEEDBACK = range(5)


@runtime_checkable
class AnswerButtons(Protocol):
    async def on_feedback(self, interaction: discord.Interaction, answer_id: int, helpful: bool) -> None: ...

    async def on_choice(self, interaction: discord.Interaction, answer_id: int, kind: str, ident: str) -> None: ...

    async def on_follow_up(self, interaction: discord.Interaction, offer: Offer) -> None: ...


@runtime_checkable
class EscalationButtons(Protocol):
    async def escalate(self, interaction: discord.Interaction, answer_id: int) -> None: ...


def _answers(interaction: discord.Interaction) -> AnswerButtons:
    client = interaction.client
    cog = client.get_cog(ANSWERS_COG) if isinstance(client, commands.Bot) else None
    if not isinstance(cog, AnswerButtons):
        raise RuntimeError("the Answers cog is not loaded")
    return cog


def _escalations(interaction: discord.Interaction) -> EscalationButtons:
    client = interaction.client
    cog = client.get_cog(ESCALATIONS_COG) if isinstance(client, commands.Bot) else None
    if not isinstance(cog, EscalationButtons):
        raise RuntimeError("the Escalations cog is not loaded")
    return cog


class FeedbackButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"cb:fb:(?P<aid>\d{1,19}):(?P<v>[01])"):
    def __init__(self, answer_id: int, helpful: bool):
        super().__init__(
            discord.ui.Button(
                emoji="👍" if helpful else "👎",
                label="Helpful" if helpful else "Not helpful",
                style=discord.ButtonStyle.secondary,
                custom_id=f"cb:fb:{answer_id}:{int(helpful)}",
                row=ROW_FEEDBACK,
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
                row=ROW_CHOICES,
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


class FollowUpButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=rf"cb:fu:(?P<kind>[{ROLE}{PATHWAY}{CERT}])(?::(?P<ident>[^:]{{1,80}}))(?::(?P<section>[ord]))?|cb:fu:(?P<help>{HELP})",
):
    """A follow-up, a "See also" role or "What can you do?": answered in the presser's conversation."""

    def __init__(self, offer: Offer, row: int = ROW_FOLLOW_UPS):
        style = discord.ButtonStyle.secondary if offer.kind == HELP else discord.ButtonStyle.primary
        super().__init__(discord.ui.Button(label=(offer.label or offer.ident or "More")[:80], style=style, custom_id=offer.custom_id, row=row))
        self.offer = offer

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> "FollowUpButton":
        label = (item.label if isinstance(item, discord.ui.Button) else None) or ""
        if match["help"]:
            return cls(Offer(HELP, label=label))
        return cls(Offer(match["kind"], match["ident"], SECTIONS.get(match["section"] or "", ""), label))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await _answers(interaction).on_follow_up(interaction, self.offer)
        except Exception as error:
            interaction.client.dispatch(ERROR_EVENT, interaction, error, "follow-up button")


class EscalateButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"cb:esc:(?P<aid>\d{1,19})"):
    """"Ask a moderator" under a refusal or an unsure answer (only with a moderator channel)."""

    def __init__(self, answer_id: int):
        super().__init__(discord.ui.Button(label="Ask a moderator", emoji="🙋", style=discord.ButtonStyle.secondary, custom_id=f"cb:esc:{answer_id}", row=ROW_HELP))
        self.answer_id = answer_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> "EscalateButton":
        return cls(int(match["aid"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await _escalations(interaction).escalate(interaction, self.answer_id)
        except Exception as error:
            interaction.client.dispatch(ERROR_EVENT, interaction, error, "ask-a-moderator button")


def answer_view(
    answer_id: int | None,
    alternatives: Sequence[Alternative] = (),
    feedback: bool = True,
    *,
    follow_ups: Sequence[Offer] = (),
    see_also: Sequence[Offer] = (),
    help_button: bool = False,
    escalate: bool = False,
) -> discord.ui.View | None:
    """The buttons under one answer, in their rows (see the module docstring); None if none.
    A button whose ``custom_id`` would be too long or repeat another is left out."""
    view = discord.ui.View(timeout=None)
    aid = answer_id or 0
    seen: set[str] = set()

    def add(item: discord.ui.DynamicItem[Any], custom_id: str) -> None:
        if len(custom_id) <= CUSTOM_ID_MAX and custom_id not in seen:
            seen.add(custom_id)
            view.add_item(item)

    for alt in list(alternatives)[:MAX_CHOICES]:
        if ":" not in alt.id and alt.kind in ("role", "cert"):
            add(ChoiceButton(aid, alt.kind, alt.id, alt.label), f"cb:dym:{aid}:{alt.kind}:{alt.id}")
    for row, offers in ((ROW_FOLLOW_UPS, follow_ups), (ROW_SEE_ALSO, see_also)):
        for offer in list(offers)[:5]:
            if ":" not in offer.ident:
                add(FollowUpButton(offer, row), offer.custom_id)
    if help_button:
        add(FollowUpButton(HELP_OFFER, ROW_HELP), HELP_OFFER.custom_id)
    if escalate and answer_id:
        add(EscalateButton(answer_id), f"cb:esc:{answer_id}")
    if feedback and answer_id:
        view.add_item(FeedbackButton(answer_id, True))
        view.add_item(FeedbackButton(answer_id, False))
    return view if view.children else None


ANSWER_ITEMS = (FeedbackButton, ChoiceButton, FollowUpButton, EscalateButton)
