"""/kb reload, /kb validate, /kb stats: the knowledge's health and the bot's numbers."""

from __future__ import annotations

import asyncio
from typing import Any

import discord
from discord import app_commands

from bot.discord_app import render
from bot.discord_app.checks import kb_moderator
from bot.discord_app.cogs.kb.base import KbBase, log
from bot.knowledge.loader import KnowledgeError, read_knowledge
from bot.wording import count


def stats_lines(stats: dict[str, Any]) -> list[str]:
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


class KbStatus(KbBase):
    @app_commands.command(name="reload", description="Validate the knowledge files and switch to them if they are clean")
    @kb_moderator
    async def reload(self, interaction: discord.Interaction) -> None:
        await self._defer(interaction)
        result = await self._reload()
        kb = self.bot.engine.knowledge
        if result.problems:
            log.warning("/kb reload refused: %d problems", len(result.problems))
            embed = render.problems_embed("Reload refused: the knowledge has problems", result.problems)
        elif result.changed:
            log.info("/kb reload: new knowledge live")
            embed = render.text_embed("Knowledge reloaded", [f"{len(kb.roles)} roles, {len(kb.certifications)} certifications, {len(kb.faqs)} FAQ entries are live."], render.COLOUR_OK)
        else:
            embed = render.text_embed("Nothing to reload", ["The knowledge files are unchanged since the last load."], render.COLOUR_OK)
        await self._send(interaction, embed=embed)

    @app_commands.command(name="validate", description="Check the knowledge files without switching to them")
    @kb_moderator
    async def validate(self, interaction: discord.Interaction) -> None:
        await self._defer(interaction)
        try:
            loaded = await asyncio.to_thread(read_knowledge, self.bot.live.root)
        except KnowledgeError as e:
            embed = render.problems_embed("The knowledge files have problems", e.problems, e.warnings)
        else:
            kb = loaded.knowledge
            counts = f"{len(kb.roles)} roles, {len(kb.certifications)} certifications, {len(kb.faqs)} FAQ entries."
            if loaded.warnings:
                lines = [counts, "", "These load, but are likely not what was meant:"] + [f"⚠️ `{render.trim(str(w), 900)}`" for w in loaded.warnings]
                embed = render.text_embed("The knowledge files are clean, with " + count(len(loaded.warnings), "warning"), lines, render.COLOUR_WARNING)
            else:
                embed = render.text_embed("The knowledge files are clean", [counts], render.COLOUR_OK)
        await self._send(interaction, embed=embed)

    @app_commands.command(name="stats", description="Usage numbers: questions, answers, feedback")
    @kb_moderator
    async def stats(self, interaction: discord.Interaction) -> None:
        store = self.bot.store
        if store is None:
            await self._send(interaction, content="No database is configured.")
            return
        await self._defer(interaction)
        lines = stats_lines(await asyncio.to_thread(store.stats)) or ["Nothing recorded yet."]
        kb = self.bot.engine.knowledge
        lines.append(f"**knowledge**: {len(kb.roles)} roles, {len(kb.certifications)} certifications, {len(kb.faqs)} FAQ entries")
        await self._send(interaction, embed=render.text_embed("Career assistant statistics", lines))
