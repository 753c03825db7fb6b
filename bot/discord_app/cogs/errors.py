"""Every interaction gets an answer, and every error is logged once, with its context.

* Slash command errors come from the command tree (``tree.error``); errors and refusals of
  buttons, menus and forms arrive as the ``career_error`` event (discord.py only logs those).
  Each is logged once, with the command or component and the channel (the member's id only at
  DEBUG), and the member gets a private reply: a refusal says why, anything else apologizes.
* A button or menu no loaded handler answers (from an older version, or forged), or a form
  whose handler is gone (expired, or the bot restarted), gets "no longer active" at once,
  instead of Discord's "This interaction failed".
"""

from __future__ import annotations

import logging
from typing import Any, cast

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.bot import CareerBot
from bot.discord_app.checks import NotModeratedHere, NotModerator
from bot.discord_app.constants import APOLOGY, NO_MENTIONS, NOT_HERE, NOT_MODERATOR, STALE_COMPONENT, STALE_FORM

log = logging.getLogger("bot.discord.errors")


def where_label(interaction: discord.Interaction) -> str:
    """The channel for a log line: "dm" or its id."""
    return "dm" if interaction.guild_id is None else str(interaction.channel_id)


def refusal(error: BaseException) -> str | None:
    """The reply for an error that is a refusal, not a failure; None for a failure."""
    if isinstance(error, NotModeratedHere):
        return NOT_HERE
    if isinstance(error, NotModerator):
        return NOT_MODERATOR
    if isinstance(error, app_commands.NoPrivateMessage):
        return "Sorry, that command works only in a server."
    if isinstance(error, app_commands.CheckFailure):
        return "Sorry, you can't use that here."
    if isinstance(error, (app_commands.CommandNotFound, app_commands.CommandSignatureMismatch)):
        return "That command has changed since Discord showed it to you; please try again in a minute."
    return None


class ErrorHandler(commands.Cog):
    def __init__(self, bot: CareerBot):
        self.bot = bot
        self._previous = bot.tree.on_error

    async def cog_load(self) -> None:
        self.bot.tree.error(self.on_app_command_error)

    async def cog_unload(self) -> None:
        self.bot.tree.error(self._previous)

    async def on_app_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        name = interaction.command.qualified_name if interaction.command is not None else "?"
        await self.handle(interaction, error, f"/{name}")

    @commands.Cog.listener()
    async def on_career_error(self, interaction: discord.Interaction, error: BaseException, where: str) -> None:
        await self.handle(interaction, error, where)

    async def handle(self, interaction: discord.Interaction, error: BaseException, where: str) -> None:
        original = getattr(error, "original", None) or error
        text = refusal(original)
        if text is not None:
            log.info("refused %s in channel %s: %s", where, where_label(interaction), original)
        else:
            log.error("%s failed in channel %s", where, where_label(interaction), exc_info=original)
            text = APOLOGY
        log.debug("%s: user %s", where, interaction.user.id)
        await self.reply(interaction, text, where)

    @staticmethod
    async def reply(interaction: discord.Interaction, text: str, where: str) -> None:
        try:
            if interaction.type is discord.InteractionType.autocomplete:
                if not interaction.response.is_done():
                    await interaction.response.autocomplete([])  # the only answer an autocomplete takes
            elif interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
            else:
                await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as e:  # e.g. the interaction expired meanwhile
            log.warning("could not answer %s in channel %s: %s", where, where_label(interaction), e)

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction) -> None:
        data = cast(dict[str, Any], interaction.data or {})
        custom_id = str(data.get("custom_id", ""))
        if interaction.type is discord.InteractionType.component and not self.bot.handles_component(custom_id):
            await self._stale(interaction, STALE_COMPONENT, "component", custom_id)
        elif interaction.type is discord.InteractionType.modal_submit and custom_id not in self.bot.forms:
            await self._stale(interaction, STALE_FORM, "form", custom_id)

    async def _stale(self, interaction: discord.Interaction, text: str, what: str, custom_id: str) -> None:
        log.info("stale %s %r in channel %s answered", what, custom_id[:100], where_label(interaction))
        await self.reply(interaction, text, f"stale {what}")


async def setup(bot: commands.Bot) -> None:
    assert isinstance(bot, CareerBot)
    await bot.add_cog(ErrorHandler(bot))
