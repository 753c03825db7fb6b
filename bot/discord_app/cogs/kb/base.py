"""What every part of the /kb cog shares: replies, the edit-then-reload step, texts."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import Any, Callable

import discord
from discord.ext import commands

from bot.discord_app import render
from bot.discord_app.bot import CareerBot, reload_knowledge
from bot.discord_app.constants import NO_MENTIONS
from bot.live import ReloadResult
from bot.moderation.edits import EditError, EditResult, KnowledgeEditor

log = logging.getLogger("bot.discord.kb")


def when(value: Any) -> str:
    """A stored time as Discord's relative timestamp ("3 hours ago")."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        return discord.utils.format_dt(value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc), "R")
    return str(value)


def moderator_name(user: Any) -> str:
    """Who made a change, for the audit trail, git and the moderator log: display name and id.

    (Never logged at INFO: logs carry no user ids.)
    """
    name = " ".join(str(getattr(user, "display_name", None) or getattr(user, "name", "") or "unknown").split())
    return f"{name} ({getattr(user, 'id', '?')})"


def edit_error_embed(error: EditError, title: str = "Not changed") -> discord.Embed:
    """An ``EditError`` for the moderator: the message, and each validation problem on its own line."""
    if error.problems:
        first = error.message.split("\n", 1)[0].rstrip(":")
        return render.problems_embed(f"{title}: {first}", error.problems)
    return render.text_embed(title, [error.message], render.COLOUR_PROBLEM, footer="Nothing was written.")


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def csv_of(text: str) -> list[str]:
    return [part.strip() for part in (text or "").replace("\n", ",").split(",") if part.strip()]


class KbBase(commands.Cog):
    """State and steps shared by the /kb mixins (see ``bot.discord_app.cogs.kb``); a Cog only
    so that discord.py's command decorators accept the mixins' methods."""

    bot: CareerBot
    editor: KnowledgeEditor

    async def _defer(self, interaction: discord.Interaction) -> None:
        """Acknowledge now (Discord allows 3 s); the reply follows when the work is done."""
        if not interaction.response.is_done():
            await interaction.response.defer(ephemeral=True, thinking=True)

    async def _send(self, interaction: discord.Interaction, **kwargs: Any) -> None:
        """Ephemeral reply: the response if still open, else a follow-up."""
        kwargs.setdefault("allowed_mentions", NO_MENTIONS)
        if interaction.response.is_done():
            await interaction.followup.send(ephemeral=True, **kwargs)
        else:
            await interaction.response.send_message(ephemeral=True, **kwargs)

    async def _reload(self) -> ReloadResult:
        """A moderator's reload: applies removals too (``force``)."""
        return await reload_knowledge(self.bot.live, True)

    async def _applied(self, moderator: str, results: list[EditResult]) -> list[str]:
        """After a change landed: reload the live knowledge, log it; lines for the moderator."""
        lines = [f"✅ {r.summary} (`{r.file}`)" for r in results]
        reload = await self._reload()
        if reload.problems:  # cannot normally happen: the edit was validated against the whole folder
            log.warning("reload after %s refused: %d problems", ", ".join(r.action for r in results), len(reload.problems))
            lines.append(f"⚠️ The live reload was refused ({len(reload.problems)} problems); run /kb validate.")
        else:
            lines.append("The bot is using the new knowledge now.")
        for r in results:
            log.info("%s applied to %s", r.action, r.file)
            log.debug("%s by %s: %s", r.action, moderator, r.summary)
        if results:
            summary = "; ".join(r.summary for r in results)
            await self.bot.mod_log(content=render.content(f"📝 {moderator}: {summary}"))
        return lines

    async def _edit(self, interaction: discord.Interaction, title: str, fn: Callable[[str], EditResult | list[EditResult]]) -> bool:
        """Defer, run ``fn(moderator)`` off the event loop, reload, report. True if applied."""
        await self._defer(interaction)
        moderator = moderator_name(interaction.user)
        try:
            out = await asyncio.to_thread(fn, moderator)
        except EditError as e:
            log.info("%s refused", title)
            log.debug("%s by %s refused: %s", title, moderator, e.message.split("\n", 1)[0])
            await self._send(interaction, embed=edit_error_embed(e))
            return False
        results = out if isinstance(out, list) else [out]
        lines = await self._applied(moderator, results)
        await self._send(interaction, embed=render.text_embed(title, lines, render.COLOUR_OK, footer="Undo with /kb undo"))
        return True

    async def _no_store(self, interaction: discord.Interaction, what: str = "No database is configured.") -> bool:
        """True (after telling the moderator) when there is no database."""
        if self.bot.store is not None:
            return False
        await self._send(interaction, content=what)
        return True
