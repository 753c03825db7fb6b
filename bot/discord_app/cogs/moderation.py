"""Moderator commands: ``/kb reload|validate|gaps|stats``.

A ``GroupCog``: every ``/kb`` subcommand is a method here and shares one run-time check
(``interaction_check``): the configured moderator role, or Manage Server when none is
configured. ``default_permissions(manage_guild=True)`` also hides the group from members
in Discord's UI. Later subcommands (faq, alias, undo, history, import, export) are new
methods in this class, or in a subclass.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import render
from bot.discord_app.bot import NO_MENTIONS, NotModerator
from bot.knowledge.loader import KnowledgeError, load_knowledge

if TYPE_CHECKING:  # pragma: no cover
    from bot.discord_app.bot import CareerBot

log = logging.getLogger("bot.discord.kb")

GAPS_PAGE = 10


def _when(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        return discord.utils.format_dt(value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc), "R")
    if isinstance(value, (int, float)) and value > 1_000_000_000:
        return f"<t:{int(value)}:R>"
    return str(value)


def _attr(obj: Any, name: str, default: Any = "") -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def gap_lines(groups: list[Any], offset: int = 0) -> list[str]:
    lines = []
    for i, g in enumerate(groups, offset + 1):
        kinds = _attr(g, "kinds", ())
        kinds_s = ", ".join(kinds) if isinstance(kinds, (list, tuple, set, frozenset)) else str(kinds or "")
        examples = [e for e in (_attr(g, "examples", ()) or ()) if e != _attr(g, "question")][:2]
        line = f"{i}. **{_attr(g, 'count', 0)}×** {render.trim(str(_attr(g, 'question')), 200)}"
        if kinds_s:
            line += f" ({kinds_s})"
        line += f" · last {_when(_attr(g, 'last_seen'))}"
        if examples:
            line += "\n   e.g. " + "; ".join(render.trim(str(e), 120) for e in examples)
        lines.append(line)
    return lines


def stats_lines(stats: dict) -> list[str]:
    lines = []
    for key, value in stats.items():
        label = str(key).replace("_", " ")
        if isinstance(value, dict):
            inner = ", ".join(f"{k}: {v}" for k, v in value.items()) or "none"
            lines.append(f"**{label}**: {inner}")
        elif isinstance(value, float):
            lines.append(f"**{label}**: {value:.2f}")
        else:
            lines.append(f"**{label}**: {value}")
    return lines


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class KnowledgeBase(commands.GroupCog, group_name="kb", group_description="Moderator tools for the career knowledge base"):
    def __init__(self, bot: "CareerBot"):
        self.bot = bot
        super().__init__()

    async def interaction_check(self, interaction: discord.Interaction) -> bool:  # type: ignore[override]
        if not self.bot.is_moderator(interaction):
            log.info("refused /kb for user %s (not a moderator)", interaction.user.id)
            raise NotModerator("not a moderator")
        return True

    @app_commands.command(name="reload", description="Validate the knowledge files and switch to them if they are clean")
    async def reload(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await asyncio.to_thread(self.bot.live.reload)
        kb = self.bot.engine.knowledge
        if result.problems:
            log.warning("/kb reload by %s refused: %d problems", interaction.user.id, len(result.problems))
            embed = render.problems_embed("Reload refused: the knowledge has problems", result.problems)
        elif result.changed:
            log.info("/kb reload by %s: new knowledge live", interaction.user.id)
            embed = render.text_embed("Knowledge reloaded", [f"{len(kb.roles)} roles, {len(kb.certifications)} certifications, {len(kb.faqs)} FAQ entries are live."], render.COLOUR_OK)
        else:
            embed = render.text_embed("Nothing to reload", ["The knowledge files are unchanged since the last load."], render.COLOUR_OK)
        await interaction.followup.send(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="validate", description="Check the knowledge files without switching to them")
    async def validate(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        root = self.bot.live.root
        try:
            kb = await asyncio.to_thread(load_knowledge, root)
        except KnowledgeError as e:
            embed = render.problems_embed("The knowledge files have problems", e.problems)
        else:
            embed = render.text_embed("The knowledge files are clean", [f"{len(kb.roles)} roles, {len(kb.certifications)} certifications, {len(kb.faqs)} FAQ entries."], render.COLOUR_OK)
        await interaction.followup.send(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="gaps", description="Questions the bot could not answer well, most frequent first")
    @app_commands.describe(page="Page of results (10 per page)")
    async def gaps(self, interaction: discord.Interaction, page: app_commands.Range[int, 1, 100] = 1) -> None:
        if self.bot.store is None:
            await interaction.response.send_message("No database is configured.", ephemeral=True)
            return
        offset = (page - 1) * GAPS_PAGE
        groups = self.bot.store.gaps(limit=GAPS_PAGE, offset=offset)
        lines = gap_lines(groups, offset) or ["No unanswered questions recorded" + (" on this page." if page > 1 else " yet.")]
        embed = render.text_embed(f"Knowledge gaps (page {page})", lines, footer="Add an FAQ entry or a synonym to close a gap.")
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="stats", description="Usage numbers: questions, answers, feedback")
    async def stats(self, interaction: discord.Interaction) -> None:
        if self.bot.store is None:
            await interaction.response.send_message("No database is configured.", ephemeral=True)
            return
        lines = stats_lines(self.bot.store.stats()) or ["Nothing recorded yet."]
        kb = self.bot.engine.knowledge
        lines.append(f"**knowledge**: {len(kb.roles)} roles, {len(kb.certifications)} certifications, {len(kb.faqs)} FAQ entries")
        embed = render.text_embed("Career assistant statistics", lines)
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)
