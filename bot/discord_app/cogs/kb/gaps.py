"""/kb gaps: the review queue of what members asked that the bot could not answer well.

The queue reads the groups the store keeps (it never regroups), every read runs in a thread
after the interaction was deferred. Acting on a group happens under one asyncio lock: the group
is looked up again (still open?), the edit is applied, the knowledge reloaded and the group
resolved. A second moderator acting on the same group waits, then finds it gone and is told
who handled it; their edit is never applied, and a refused edit leaves the group open.
"""

from __future__ import annotations

import asyncio
from typing import Any, Callable

import discord
from discord import app_commands

from bot.discord_app import render
from bot.discord_app.bot import StoreLike
from bot.discord_app.checks import kb_moderator
from bot.discord_app.cogs.kb.base import KbBase, edit_error_embed, lines_of, log, moderator_name, when
from bot.discord_app.forms import FormField, FormModal
from bot.discord_app.moderation_views import GAP_ACTIONS, back_to_queue_view, gap_action_view, gap_page_view
from bot.knowledge import schema
from bot.moderation.edits import EditError, EditResult
from bot.storage import GapGroup

GAPS_PAGE = 10
FORM_READ_TIMEOUT = 2.0  # seconds


def gap_lines(groups: list[GapGroup], offset: int = 0) -> list[str]:
    lines = []
    for i, g in enumerate(groups, offset + 1):
        examples = [e for e in g.examples if e != g.question][:2]
        line = f"{i}. **{g.count}×** {render.trim(g.question, 200)}"
        if g.kinds:
            line += f" ({', '.join(g.kinds)})"
        line += f" · last {when(g.last_seen)}"
        if examples:
            line += "\n   e.g. " + "; ".join(render.trim(e, 120) for e in examples)
        lines.append(line)
    return lines


def gap_page(store: StoreLike, page: int) -> tuple[discord.Embed, discord.ui.View | None]:
    """One page of the queue (reads the database: call it in a thread)."""
    offset = (page - 1) * GAPS_PAGE
    groups = store.gaps(limit=GAPS_PAGE + 1, offset=offset)
    has_next = len(groups) > GAPS_PAGE
    groups = groups[:GAPS_PAGE]
    lines = gap_lines(groups, offset) or ["No unanswered questions recorded" + (" on this page." if page > 1 else " yet.")]
    footer = f"{store.gap_count()} open groups. Pick a question below to teach the bot what it means, add it to the knowledge or dismiss it." if groups else "Nothing to review."
    embed = render.text_embed(f"Knowledge gaps (page {page})", lines, footer=footer)
    view = gap_page_view(groups, page, has_next, offset) if groups or page > 1 else None
    return embed, view


class KbGaps(KbBase):
    _gap_lock: asyncio.Lock
    _handled: dict[str, tuple[str, str]]  # group key -> (moderator, action), this run

    @app_commands.command(name="gaps", description="Review questions the bot could not answer well, most frequent first")
    @app_commands.describe(page="Page of results (10 per page)")
    @kb_moderator
    async def gaps(self, interaction: discord.Interaction, page: app_commands.Range[int, 1, 100] = 1) -> None:
        store = self.bot.store
        if store is None:
            await self._send(interaction, content="No database is configured.")
            return
        await self._defer(interaction)
        embed, view = await asyncio.to_thread(gap_page, store, page)
        kwargs: dict[str, Any] = {"embed": embed}
        if view is not None:
            kwargs["view"] = view
        await self._send(interaction, **kwargs)

    # ------------------------------------------------------------------ GapQueue (the queue's buttons and menu)

    async def show_gap_page(self, interaction: discord.Interaction, page: int) -> None:
        store = self.bot.store
        if store is None:
            await self._send(interaction, content="No database is configured.")
            return
        await interaction.response.defer()  # edits the message the button is on
        embed, view = await asyncio.to_thread(gap_page, store, page)
        await interaction.edit_original_response(embed=embed, view=view or discord.ui.View(timeout=None), content=None)

    def _handled_text(self, key: str) -> str:
        who = self._handled.get(key)
        if who:
            return f"This question was already handled by {who[0]} ({who[1]}). Nothing was changed."
        return "This question was already handled (or is no longer in the queue). Nothing was changed."

    async def pick_gap(self, interaction: discord.Interaction, key: str) -> None:
        store = self.bot.store
        if store is None:
            await self._send(interaction, content="No database is configured.")
            return
        await self._defer(interaction)
        group = await asyncio.to_thread(store.gap, key)
        if group is None:
            await self._send(interaction, content=self._handled_text(key), view=back_to_queue_view())
            return
        lines = [f"**{group.count}×** asked, last {when(group.last_seen)} ({', '.join(group.kinds)})", ""]
        lines += [f"• {render.trim(e, 300)}" for e in group.examples]
        faqs = sorted(self.bot.engine.knowledge.faqs)
        if faqs:
            lines += ["", "FAQ ids: " + render.trim(", ".join(f"`{f}`" for f in faqs), 900)]
        embed = render.text_embed(render.trim(group.question, 250), lines, footer="Choose what to do with this question.")
        await self._send(interaction, embed=embed, view=gap_action_view(group.key))

    async def act_on_gap(self, interaction: discord.Interaction, action: str, key: str) -> None:
        store = self.bot.store
        if store is None:
            await self._send(interaction, content="No database is configured.")
            return
        if action == "dismiss":
            await self._defer(interaction)
            await self._gap_apply(interaction, key, "dismiss", None)
            return
        try:  # a form must be the first response (no deferring): give the read 2 of Discord's 3 s
            group = await asyncio.wait_for(asyncio.to_thread(store.gap, key), FORM_READ_TIMEOUT)
        except asyncio.TimeoutError:
            await self._send(interaction, content="The database is busy right now; please press the button again in a moment.")
            return
        if group is None:
            await self._send(interaction, content=self._handled_text(key), view=back_to_queue_view())
            return
        title, fields = self._gap_form(action, group)

        async def submitted(inter: discord.Interaction, values: dict[str, str]) -> None:
            await self._defer(inter)
            await self._gap_apply(inter, key, action, self._gap_edit(action, values))

        await interaction.response.send_modal(FormModal(title, fields, submitted, self.bot.forms))

    def _gap_form(self, action: str, group: GapGroup) -> tuple[str, list[FormField]]:
        question = render.trim(group.question, 300)
        if action == "phrasing":
            faqs = sorted(self.bot.engine.knowledge.faqs)
            return "Add to an FAQ entry", [
                FormField("faq_id", "FAQ id", placeholder="e.g. " + (faqs[0] if faqs else "how-to-report-a-wrong-answer"), max_length=80),
                FormField("question", "Question to add as a phrasing", default=question, max_length=300),
            ]
        if action == "alias":
            return "Alias of a role or certification", [
                FormField("target", "Role id or certification code", placeholder="e.g. director-of-pharmacy-operations or CPOM", max_length=80),
                FormField("alias", "Alias (what members call it)", default=render.trim(group.question, 100), max_length=100),
            ]
        if action == "synonym":
            return "Vocabulary synonym", [
                FormField("word", "Word or phrase members use", placeholder="e.g. boss", max_length=100),
                FormField("meaning", "What it means in the knowledge", placeholder="e.g. director", max_length=100),
            ]
        if action == "teach":
            return "Teach: this question means…", [
                FormField("question", "The question", default=question, max_length=300),
                FormField("means", "It means", placeholder=", ".join(schema.TEACHABLE), max_length=40),
                FormField("about", "About (role id or certification code)", placeholder="e.g. director-of-pharmacy-operations or CPOM", required=False, max_length=80),
                FormField("section", "Section (for means: role)", placeholder=", ".join(schema.SECTIONS), required=False, max_length=40),
            ]
        return "New FAQ entry", [
            FormField("questions", "Questions (one phrasing per line)", default="\n".join(group.examples), long=True, max_length=3000),
            FormField("answer", "Answer", long=True, max_length=4000),
            FormField("faq_id", "FAQ id (optional)", placeholder="made from the first question when empty", required=False, max_length=80),
        ]

    def _gap_edit(self, action: str, values: dict[str, str]) -> Callable[[str], EditResult]:
        ed = self.editor
        if action == "phrasing":
            return lambda m: ed.faq_add_phrasing(m, values.get("faq_id", ""), values.get("question", ""))
        if action == "alias":
            return lambda m: ed.alias_add(m, values.get("target", ""), values.get("alias", ""))
        if action == "synonym":
            return lambda m: ed.synonym_add(m, values.get("word", ""), values.get("meaning", ""))
        if action == "teach":
            return lambda m: ed.teach(m, values.get("question", ""), values.get("means", ""), values.get("about", "").strip() or None, values.get("section", "").strip() or None)
        fid = values.get("faq_id", "").strip() or None
        return lambda m: ed.faq_add(m, lines_of(values.get("questions", "")), values.get("answer", ""), faq_id=fid)

    async def _gap_apply(self, interaction: discord.Interaction, key: str, action: str, fn: Callable[[str], EditResult] | None) -> None:
        """Under the gaps lock: still open? -> edit -> reload -> resolve. Interaction already deferred."""
        store = self.bot.store
        assert store is not None
        moderator = moderator_name(interaction.user)
        async with self._gap_lock:
            group = await asyncio.to_thread(store.gap, key)
            if group is None:
                log.info("gap %s: %s not applied, already handled", key, action)
                await self._send(interaction, content=self._handled_text(key), view=back_to_queue_view())
                return
            lines: list[str] = []
            if fn is not None:
                try:
                    result = await asyncio.to_thread(fn, moderator)
                except EditError as e:
                    log.info("gap %s: %s refused", key, action)
                    await self._send(interaction, embed=edit_error_embed(e), view=back_to_queue_view())
                    return
                lines = await self._applied(moderator, [result])
            resolved = await asyncio.to_thread(store.resolve_gap, key, action, moderator)
            self._handled[key] = (moderator, action)
        log.info("gap %s: %s (%d questions)", key, action, group.count)
        if action == "dismiss":
            lines.insert(0, f"Dismissed: {render.trim(group.question, 300)} ({group.count}×)." if resolved else self._handled_text(key))
            if resolved:
                await self.bot.mod_log(content=render.content(f"🗑️ {moderator} dismissed the gap “{render.trim(group.question, 200)}” ({group.count}×)"))
        else:
            lines.append(f"The question is off the review queue ({group.count}×)." if resolved else "The question had already left the review queue.")
        title = GAP_ACTIONS[action][0] if action != "dismiss" else "Dismissed"
        await self._send(interaction, embed=render.text_embed(title, lines, render.COLOUR_OK, footer="Undo an edit with /kb undo"), view=back_to_queue_view())
