"""FAQ entries taught from Discord: an answered "Ask a moderator" question, or any reply.

* "Save as FAQ" under a moderator's answer to a member's question: the member's wording as the
  first phrasing, the moderator's answer as the answer;
* the message context-menu command "Save as FAQ answer" (Apps > Save as FAQ answer on a
  moderator's or trusted member's reply): the reply as the answer, the message it replied to
  as the first phrasing.

Both open the same form, prefilled: it is the preview, and submitting it confirms. The entry
goes through ``KnowledgeEditor.faq_add`` like every /kb edit (validated, backed up, audited,
committed, undoable with /kb undo). The menu carries the /kb moderator check, and is hidden
from members without Manage Server like /kb.
"""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands

from bot.discord_app.checks import moderator_only
from bot.discord_app.cogs.kb.base import KbBase, csv_of, lines_of, log
from bot.discord_app.forms import FormField, FormModal
from bot.moderation.edits import EditResult

MENU_NAME = "Save as FAQ answer"
READ_TIMEOUT = 1.5  # seconds for reading what a form is prefilled with (Discord allows 3 s)


def save_as_faq_menu(callback: app_commands.commands.ContextMenuCallback) -> app_commands.ContextMenu:
    """The message command, scoped like /kb (guild only, Manage Server by default, the moderator check)."""
    menu = app_commands.ContextMenu(name=MENU_NAME, callback=callback, allowed_contexts=app_commands.AppCommandContext(guild=True))
    menu.guild_only = True
    menu.default_permissions = discord.Permissions(manage_guild=True)
    menu.checks.append(moderator_only)
    return menu


class KbLearn(KbBase):
    async def _replied_text(self, message: discord.Message) -> str:
        """The text of the message ``message`` replied to ("" if none, deleted or unreadable)."""
        ref = message.reference
        if ref is None or ref.message_id is None:
            return ""
        if isinstance(ref.resolved, discord.Message):
            return ref.resolved.content or ""
        try:
            channel = self.bot.get_partial_messageable(ref.channel_id, guild_id=ref.guild_id)
            replied = await asyncio.wait_for(channel.fetch_message(ref.message_id), READ_TIMEOUT)
        except (discord.HTTPException, asyncio.TimeoutError):
            return ""
        return replied.content or ""

    async def save_as_faq(self, interaction: discord.Interaction, message: discord.Message) -> None:
        """The context-menu command: the reply becomes the answer, what it replied to the first phrasing."""
        if message.author.bot:
            await self._send(interaction, content="Use this on a member's or moderator's reply, not on a bot's message.")
            return
        question = await self._replied_text(message)
        await self._faq_form(interaction, question, message.content or "", None)

    async def save_escalation_faq(self, interaction: discord.Interaction, escalation_id: int) -> None:
        """"Save as FAQ" under an answered question a member passed on."""
        store = self.bot.store
        if store is None:
            await self._send(interaction, content="No database is configured.")
            return
        try:
            esc = await asyncio.wait_for(asyncio.to_thread(store.escalation, escalation_id), READ_TIMEOUT)
        except asyncio.TimeoutError:
            await self._send(interaction, content="The database is busy right now; please press the button again in a moment.")
            return
        if esc is None or esc.status != "answered" or not esc.answer:
            await self._send(interaction, content="That question is no longer kept." if esc is None else "That question has not been answered.")
            return
        if esc.faq:
            await self._send(interaction, content=f"Already saved as the FAQ entry `{esc.faq}` (change it with /kb faq edit).")
            return
        await self._faq_form(interaction, esc.question, esc.answer, escalation_id)

    async def _faq_form(self, interaction: discord.Interaction, question: str, answer: str, escalation_id: int | None) -> None:
        fields = [
            FormField("questions", "Questions (one phrasing per line)", default=" ".join(question.split()), long=True, max_length=3000, placeholder="how members ask it, one phrasing per line"),
            FormField("answer", "Answer", default=answer.strip(), long=True, max_length=4000),
            FormField("faq_id", "FAQ id (optional)", placeholder="made from the first question when empty", required=False, max_length=80),
            FormField("certifications", "Certification codes (optional)", required=False, max_length=400, placeholder="e.g. CPOM, CMSO"),
        ]
        done: list[EditResult] = []

        def add(moderator: str, v: dict[str, str]) -> EditResult:
            fid = v.get("faq_id", "").strip() or None
            result = self.editor.faq_add(moderator, lines_of(v.get("questions", "")), v.get("answer", ""), (), csv_of(v.get("certifications", "")), faq_id=fid)
            done.append(result)
            return result

        async def submitted(inter: discord.Interaction, values: dict[str, str]) -> None:
            if await self._edit(inter, "FAQ entry added", lambda m: add(m, values)) and escalation_id is not None and self.bot.store is not None:
                fid = done[0].file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
                await asyncio.to_thread(self.bot.store.escalation_saved, escalation_id, fid)
                log.info("escalation %s saved as FAQ", escalation_id)

        await interaction.response.send_modal(FormModal("Save as FAQ entry", fields, submitted, self.bot.forms))
