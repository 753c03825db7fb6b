"""Buttons of "Ask a moderator" after the member pressed it (the button itself is in ``views``).

All are ``DynamicItem``s over the escalation's id (kept in SQLite), so they work after a restart:

* ``cb:escw:<id>`` — Withdraw, under the private "passed on" note: only the member who asked
  may (the store checks);
* ``cb:esca:<id>`` — Answer, on the post in the moderator channel: a form, then the bot
  delivers the answer to the member;
* ``cb:escf:<id>`` — Save as FAQ, once answered: the member's wording and the moderator's
  answer as a new FAQ entry, through the /kb cog.

Answer and Save as FAQ run the /kb moderator check first (``component_allowed``). Each hands
over to whatever implements ``EscalationFlow`` (the Escalations cog) or ``FaqFromDiscord``
(the /kb cog); errors go to the error handler.
"""

from __future__ import annotations

import re
from typing import Any, Protocol, runtime_checkable

import discord
from discord.ext import commands

from bot.discord_app.checks import component_allowed
from bot.discord_app.constants import ERROR_EVENT, ESCALATIONS_COG, KB_COG


@runtime_checkable
class EscalationFlow(Protocol):
    async def withdraw(self, interaction: discord.Interaction, escalation_id: int) -> None: ...

    async def answer_form(self, interaction: discord.Interaction, escalation_id: int) -> None: ...


@runtime_checkable
class FaqFromDiscord(Protocol):
    async def save_escalation_faq(self, interaction: discord.Interaction, escalation_id: int) -> None: ...


def _cog(interaction: discord.Interaction, name: str) -> object:
    client = interaction.client
    cog = client.get_cog(name) if isinstance(client, commands.Bot) else None
    if cog is None:
        raise RuntimeError(f"the {name} cog is not loaded")
    return cog


def _flow(interaction: discord.Interaction) -> EscalationFlow:
    cog = _cog(interaction, ESCALATIONS_COG)
    if not isinstance(cog, EscalationFlow):
        raise TypeError("the Escalations cog cannot handle escalations")
    return cog


class WithdrawButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"cb:escw:(?P<id>\d{1,19})"):
    def __init__(self, escalation_id: int):
        super().__init__(discord.ui.Button(label="Withdraw my question", style=discord.ButtonStyle.secondary, custom_id=f"cb:escw:{escalation_id}"))
        self.escalation_id = escalation_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> "WithdrawButton":
        return cls(int(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await _flow(interaction).withdraw(interaction, self.escalation_id)
        except Exception as error:
            interaction.client.dispatch(ERROR_EVENT, interaction, error, "withdraw button")


class AnswerEscalationButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"cb:esca:(?P<id>\d{1,19})"):
    def __init__(self, escalation_id: int):
        super().__init__(discord.ui.Button(label="Answer", emoji="✍️", style=discord.ButtonStyle.primary, custom_id=f"cb:esca:{escalation_id}"))
        self.escalation_id = escalation_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> "AnswerEscalationButton":
        return cls(int(match["id"]))

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return await component_allowed(interaction)

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await _flow(interaction).answer_form(interaction, self.escalation_id)
        except Exception as error:
            interaction.client.dispatch(ERROR_EVENT, interaction, error, "answer button")


class SaveFaqButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"cb:escf:(?P<id>\d{1,19})"):
    def __init__(self, escalation_id: int):
        super().__init__(discord.ui.Button(label="Save as FAQ", emoji="📌", style=discord.ButtonStyle.success, custom_id=f"cb:escf:{escalation_id}"))
        self.escalation_id = escalation_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> "SaveFaqButton":
        return cls(int(match["id"]))

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return await component_allowed(interaction)

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            cog = _cog(interaction, KB_COG)
            if not isinstance(cog, FaqFromDiscord):
                raise TypeError("the /kb cog cannot save FAQ entries from Discord")
            await cog.save_escalation_faq(interaction, self.escalation_id)
        except Exception as error:
            interaction.client.dispatch(ERROR_EVENT, interaction, error, "save-as-FAQ button")


def one_button(item: discord.ui.Item[Any]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(item)
    return view


ESCALATION_ITEMS = (WithdrawButton, AnswerEscalationButton, SaveFaqButton)
