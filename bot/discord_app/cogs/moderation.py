"""Moderator commands: ``/kb reload|validate|gaps|stats|faq|alias|synonym|import|export|history|undo``.

A ``GroupCog``: every ``/kb`` subcommand (the ``faq`` and ``alias`` subgroups included) shares
one run-time check (``interaction_check``): the configured moderator role, or Manage Server
when none is configured. ``default_permissions(manage_guild=True)`` also hides the group from
members in Discord's UI. Buttons, select menus and forms of the workflow
(``bot.discord_app.moderation_views``) repeat the check themselves.

Every change goes through ``KnowledgeEditor`` (validated against the whole knowledge base,
atomic, backed up, recorded in the store's change log, committed to git when the folder is a
repository), then the live knowledge is reloaded, then (for the gaps queue) the group is
resolved. All replies are ephemeral; refusals (``EditError``) are shown to the moderator and
nothing is written. Applied changes are also posted, one line each, to the moderator log
channel when one is configured.

Gap actions are serialized by one asyncio lock: under it the group is looked up again (is it
still open?), the edit is applied, the knowledge reloaded and the group resolved. A second
moderator acting on the same group waits, then finds it gone and is told who handled it; their
edit is never applied, and a refused edit leaves the group open.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import difflib
import io
import logging
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Callable

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import render
from bot.discord_app.bot import NO_MENTIONS, NOT_MODERATOR, NotModerator
from bot.discord_app.moderation_views import (
    GAP_ACTIONS,
    MODERATION_ITEMS,
    FormField,
    FormModal,
    ImportConfirmView,
    back_to_queue_view,
    gap_action_view,
    gap_page_view,
)
from bot.knowledge.loader import KnowledgeError, load_knowledge
from bot.moderation.edits import MAX_ATTACHMENT_BYTES, EditError, EditResult, ImportPreview, KnowledgeEditor
from bot.storage import group_key, normalize_question

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



IMPORT_TYPES = (".txt", ".yaml", ".yml", ".zip")
HISTORY_LIMIT = 15
GAPS_ALL = 1_000_000


def moderator_name(user: Any) -> str:
    """Who made a change, for the audit trail and git: the member's display name and id."""
    name = " ".join(str(getattr(user, "display_name", None) or getattr(user, "name", "") or "unknown").split())
    return f"{name} ({getattr(user, 'id', '?')})"


def find_gap(store: Any, key: str) -> Any | None:
    """The open gap group ``key`` identifies (also after its representative phrasing changed)."""
    for g in store.gaps(limit=GAPS_ALL, offset=0):
        if g.key == key or any(group_key(normalize_question(e)) == key for e in g.examples):
            return g
    return None


def edit_error_embed(error: EditError, title: str = "Not changed") -> discord.Embed:
    """An ``EditError`` for the moderator: the message, and each validation problem on its own line."""
    if error.problems:
        first = error.message.split("\n", 1)[0].rstrip(":")
        return render.problems_embed(f"{title}: {first}", error.problems)
    return render.text_embed(title, [error.message], render.COLOUR_PROBLEM, footer="Nothing was written.")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _csv(text: str) -> list[str]:
    return [part.strip() for part in (text or "").replace("\n", ",").split(",") if part.strip()]


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class KnowledgeBase(commands.GroupCog, group_name="kb", group_description="Moderator tools for the career knowledge base"):
    faq = app_commands.Group(name="faq", description="Add, edit or remove FAQ entries")
    alias = app_commands.Group(name="alias", description="Other names members use for a role or certification")

    def __init__(self, bot: "CareerBot", editor: KnowledgeEditor | None = None):
        self.bot = bot
        self.editor = editor or getattr(bot, "editor", None) or KnowledgeEditor(bot.live.root, bot.store)  # type: ignore[arg-type]
        self._gap_lock = asyncio.Lock()
        self._handled: dict[str, tuple[str, str]] = {}  # group key -> (moderator, action), this run
        super().__init__()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*MODERATION_ITEMS)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*MODERATION_ITEMS)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:  # type: ignore[override]
        if not self.bot.is_moderator(interaction):
            log.info("refused /kb for user %s (not a moderator)", interaction.user.id)
            raise NotModerator("not a moderator")
        return True

    # ------------------------------------------------------------------ shared steps

    async def _refuse_non_moderator(self, interaction: discord.Interaction) -> bool:
        """For components and forms (no command check): True (and a refusal sent) if not a moderator."""
        if self.bot.is_moderator(interaction):
            return False
        log.info("refused a /kb component for user %s (not a moderator)", interaction.user.id)
        await self.bot.apologize_interaction(interaction, NotModerator("not a moderator"), "kb component", NOT_MODERATOR)
        return True

    async def _send(self, interaction: discord.Interaction, **kwargs: Any) -> None:
        """Ephemeral reply: the response if still open, else a follow-up."""
        kwargs.setdefault("allowed_mentions", NO_MENTIONS)
        if interaction.response.is_done():
            await interaction.followup.send(ephemeral=True, **kwargs)
        else:
            await interaction.response.send_message(ephemeral=True, **kwargs)

    async def _applied(self, moderator: str, results: list[EditResult]) -> list[str]:
        """After a change landed: reload the live knowledge, log it; lines for the moderator."""
        lines = [f"✅ {r.summary} (`{r.file}`)" for r in results]
        reload = await asyncio.to_thread(self.bot.live.reload)
        if reload.problems:  # cannot normally happen: the edit was validated against the whole folder
            log.warning("reload after %s refused: %d problems", ", ".join(r.action for r in results), len(reload.problems))
            lines.append(f"⚠️ The live reload was refused ({len(reload.problems)} problems); run /kb validate.")
        else:
            lines.append("The bot is using the new knowledge now.")
        for r in results:
            log.info("%s by %s: %s", r.action, moderator, r.summary)
        if results:
            summary = "; ".join(r.summary for r in results)
            await self.bot.mod_log(content=render.content(f"📝 {moderator}: {summary}"))
        return lines

    async def _edit(self, interaction: discord.Interaction, title: str, fn: Callable[[str], EditResult | list[EditResult]]) -> bool:
        """Defer, run ``fn(moderator)`` off the event loop, reload, report. True if applied."""
        if not interaction.response.is_done():
            await interaction.response.defer(ephemeral=True, thinking=True)
        moderator = moderator_name(interaction.user)
        try:
            out = await asyncio.to_thread(fn, moderator)
        except EditError as e:
            log.info("%s by %s refused: %s", title, moderator, e.message.split("\n", 1)[0])
            await self._send(interaction, embed=edit_error_embed(e))
            return False
        results = out if isinstance(out, list) else [out]
        lines = await self._applied(moderator, results)
        await self._send(interaction, embed=render.text_embed(title, lines, render.COLOUR_OK, footer="Undo with /kb undo"))
        return True

    def _rel(self, file: str | None) -> str | None:
        if file is None or not file.strip():
            return None
        return self.editor._rel(file.strip())

    # ------------------------------------------------------------------ existing commands

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

    # ------------------------------------------------------------------ gaps: the review queue

    def _gap_page(self, page: int) -> tuple[discord.Embed, discord.ui.View | None]:
        assert self.bot.store is not None
        offset = (page - 1) * GAPS_PAGE
        groups = self.bot.store.gaps(limit=GAPS_PAGE + 1, offset=offset)
        has_next = len(groups) > GAPS_PAGE
        groups = groups[:GAPS_PAGE]
        lines = gap_lines(groups, offset) or ["No unanswered questions recorded" + (" on this page." if page > 1 else " yet.")]
        footer = "Pick a question below to add it to the knowledge or dismiss it." if groups else "Nothing to review."
        embed = render.text_embed(f"Knowledge gaps (page {page})", lines, footer=footer)
        view = gap_page_view(groups, page, has_next, offset) if groups or page > 1 else None
        return embed, view

    @app_commands.command(name="gaps", description="Review questions the bot could not answer well, most frequent first")
    @app_commands.describe(page="Page of results (10 per page)")
    async def gaps(self, interaction: discord.Interaction, page: app_commands.Range[int, 1, 100] = 1) -> None:
        if self.bot.store is None:
            await interaction.response.send_message("No database is configured.", ephemeral=True)
            return
        embed, view = await asyncio.to_thread(self._gap_page, page)
        kwargs: dict[str, Any] = {"embed": embed, "allowed_mentions": NO_MENTIONS}
        if view is not None:
            kwargs["view"] = view
        await interaction.response.send_message(ephemeral=True, **kwargs)

    async def on_gap_page(self, interaction: discord.Interaction, page: int) -> None:
        if await self._refuse_non_moderator(interaction) or self.bot.store is None:
            return
        embed, view = await asyncio.to_thread(self._gap_page, page)
        await interaction.response.edit_message(embed=embed, view=view or discord.ui.View(timeout=None), content=None)

    def _handled_text(self, key: str) -> str:
        who = self._handled.get(key)
        if who:
            return f"This question was already handled by {who[0]} ({who[1]}). Nothing was changed."
        return "This question was already handled (or is no longer in the queue). Nothing was changed."

    async def _open_group(self, interaction: discord.Interaction, key: str):
        """The queue group ``key`` for a moderator, or None after telling why not."""
        if await self._refuse_non_moderator(interaction) or self.bot.store is None:
            return None
        group = await asyncio.to_thread(find_gap, self.bot.store, key)
        if group is None:
            await self._send(interaction, content=self._handled_text(key), view=back_to_queue_view())
        return group

    async def on_gap_pick(self, interaction: discord.Interaction, key: str) -> None:
        group = await self._open_group(interaction, key)
        if group is None:
            return
        lines = [f"**{group.count}×** asked, last {_when(group.last_seen)} ({', '.join(group.kinds)})", ""]
        lines += [f"• {render.trim(e, 300)}" for e in group.examples]
        faqs = sorted(self.bot.engine.knowledge.faqs)
        if faqs:
            lines += ["", "FAQ ids: " + render.trim(", ".join(f"`{f}`" for f in faqs), 900)]
        embed = render.text_embed(render.trim(group.question, 250), lines, footer="Choose what to do with this question.")
        await self._send(interaction, embed=embed, view=gap_action_view(group.key))

    async def on_gap_action(self, interaction: discord.Interaction, action: str, key: str) -> None:
        group = await self._open_group(interaction, key)
        if group is None:
            return
        if action == "dismiss":
            await interaction.response.defer(ephemeral=True, thinking=True)
            await self._gap_apply(interaction, key, "dismiss", None)
            return
        question = render.trim(group.question, 300)
        fields: list[FormField]
        if action == "phrasing":
            title = "Add to an FAQ entry"
            faqs = sorted(self.bot.engine.knowledge.faqs)
            fields = [
                FormField("faq_id", "FAQ id", placeholder="e.g. " + (faqs[0] if faqs else "how-to-report-a-wrong-answer"), max_length=80),
                FormField("question", "Question to add as a phrasing", default=question, max_length=300),
            ]
        elif action == "alias":
            title = "Alias of a role or certification"
            fields = [
                FormField("target", "Role id or certification code", placeholder="e.g. director-of-pharmacy-operations or CPOM", max_length=80),
                FormField("alias", "Alias (what members call it)", default=render.trim(group.question, 100), max_length=100),
            ]
        elif action == "synonym":
            title = "Vocabulary synonym"
            fields = [
                FormField("word", "Word or phrase members use", placeholder="e.g. boss", max_length=100),
                FormField("meaning", "What it means in the knowledge", placeholder="e.g. director", max_length=100),
            ]
        else:  # faq
            title = "New FAQ entry"
            fields = [
                FormField("questions", "Questions (one phrasing per line)", default="\n".join(group.examples), long=True, max_length=3000),
                FormField("answer", "Answer", long=True, max_length=4000),
                FormField("faq_id", "FAQ id (optional)", placeholder="made from the first question when empty", required=False, max_length=80),
            ]

        async def submitted(inter: discord.Interaction, values: dict[str, str]) -> None:
            if await self._refuse_non_moderator(inter):
                return
            await inter.response.defer(ephemeral=True, thinking=True)
            await self._gap_apply(inter, key, action, self._gap_edit(action, values))

        await interaction.response.send_modal(FormModal(title, fields, submitted))

    def _gap_edit(self, action: str, values: dict[str, str]) -> Callable[[str], EditResult]:
        ed = self.editor
        if action == "phrasing":
            return lambda m: ed.faq_add_phrasing(m, values.get("faq_id", ""), values.get("question", ""))
        if action == "alias":
            return lambda m: ed.alias_add(m, values.get("target", ""), values.get("alias", ""))
        if action == "synonym":
            return lambda m: ed.synonym_add(m, values.get("word", ""), values.get("meaning", ""))
        fid = values.get("faq_id", "").strip() or None
        return lambda m: ed.faq_add(m, _lines(values.get("questions", "")), values.get("answer", ""), faq_id=fid)

    async def _gap_apply(self, interaction: discord.Interaction, key: str, action: str, fn: Callable[[str], EditResult] | None) -> None:
        """Under the gaps lock: still open? -> edit -> reload -> resolve. Interaction already deferred."""
        store = self.bot.store
        assert store is not None
        moderator = moderator_name(interaction.user)
        async with self._gap_lock:
            group = await asyncio.to_thread(find_gap, store, key)
            if group is None:
                log.info("gap %s: %s by %s not applied, already handled", key, action, moderator)
                await self._send(interaction, content=self._handled_text(key), view=back_to_queue_view())
                return
            lines: list[str] = []
            if fn is not None:
                try:
                    result = await asyncio.to_thread(fn, moderator)
                except EditError as e:
                    log.info("gap %s: %s by %s refused: %s", key, action, moderator, e.message.split("\n", 1)[0])
                    await self._send(interaction, embed=edit_error_embed(e), view=back_to_queue_view())
                    return
                lines = await self._applied(moderator, [result])
            resolved = await asyncio.to_thread(store.resolve_gap, key, action, moderator)
            self._handled[key] = (moderator, action)
        if action == "dismiss":
            lines.insert(0, f"Dismissed: {render.trim(group.question, 300)} ({group.count}×)." if resolved else self._handled_text(key))
            if resolved:
                await self.bot.mod_log(content=render.content(f"🗑️ {moderator} dismissed the gap “{render.trim(group.question, 200)}” ({group.count}×)"))
        else:
            lines.append(f"The question is off the review queue ({group.count}×)." if resolved else "The question had already left the review queue.")
        title = GAP_ACTIONS[action][0] if action != "dismiss" else "Dismissed"
        await self._send(interaction, embed=render.text_embed(title, lines, render.COLOUR_OK, footer="Undo an edit with /kb undo"), view=back_to_queue_view())

    # ------------------------------------------------------------------ FAQ entries

    async def _faq_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        ids = sorted(self.bot.engine.knowledge.faqs)
        cur = current.strip().lower()
        hits = [i for i in ids if cur in i] if cur else ids
        if not hits:
            hits = difflib.get_close_matches(cur, ids, n=25, cutoff=0.3)
        return [app_commands.Choice(name=i[:100], value=i[:100]) for i in hits[:25]]

    def _no_faq(self, faq_id: str) -> str:
        ids = sorted(self.bot.engine.knowledge.faqs)
        near = difflib.get_close_matches(faq_id.strip(), ids, n=3, cutoff=0.5)
        return f"There is no FAQ '{faq_id.strip()}'." + (f" Did you mean {', '.join(f'`{n}`' for n in near)}?" if near else "")

    @faq.command(name="add", description="Add an FAQ entry (a form asks for the questions and the answer)")
    async def faq_add(self, interaction: discord.Interaction) -> None:
        fields = [
            FormField("questions", "Questions (one phrasing per line)", long=True, max_length=3000, placeholder="how do i …\nwhere can i …"),
            FormField("answer", "Answer", long=True, max_length=4000),
            FormField("faq_id", "FAQ id (optional)", placeholder="made from the first question when empty", required=False, max_length=80),
            FormField("roles", "Role ids (optional, comma-separated)", required=False, max_length=400),
            FormField("certifications", "Certification codes (optional)", required=False, max_length=400, placeholder="e.g. CPOM, CMSO"),
        ]

        async def submitted(inter: discord.Interaction, v: dict[str, str]) -> None:
            if await self._refuse_non_moderator(inter):
                return
            fid = v.get("faq_id", "").strip() or None
            await self._edit(inter, "FAQ entry added", lambda m: self.editor.faq_add(m, _lines(v["questions"]), v["answer"], _csv(v.get("roles", "")), _csv(v.get("certifications", "")), faq_id=fid))

        await interaction.response.send_modal(FormModal("New FAQ entry", fields, submitted))

    @faq.command(name="edit", description="Change an FAQ entry's questions or answer (a form shows the current text)")
    @app_commands.describe(faq_id="The FAQ id (its file name in knowledge/faq/)")
    @app_commands.autocomplete(faq_id=_faq_autocomplete)
    async def faq_edit(self, interaction: discord.Interaction, faq_id: str) -> None:
        entry = self.bot.engine.knowledge.faqs.get(faq_id.strip())
        if entry is None:
            await self._send(interaction, content=self._no_faq(faq_id))
            return
        old_q, old_a = "\n".join(entry.questions), entry.answer
        fields = [
            FormField("questions", "Questions (one phrasing per line)", default=old_q, long=True, max_length=3000),
            FormField("answer", "Answer", default=old_a, long=True, max_length=4000),
        ]

        async def submitted(inter: discord.Interaction, v: dict[str, str]) -> None:
            if await self._refuse_non_moderator(inter):
                return
            qs = _lines(v["questions"])
            questions = qs if qs != _lines(old_q) else None
            answer = v["answer"] if v["answer"].strip() != old_a.strip() else None
            if questions is None and answer is None:
                await self._send(inter, content="Nothing changed: the questions and the answer are as they were.")
                return
            await self._edit(inter, "FAQ entry changed", lambda m: self.editor.faq_edit(m, entry.id, questions, answer))

        await interaction.response.send_modal(FormModal(f"Edit FAQ {entry.id}", fields, submitted))

    @faq.command(name="remove", description="Remove an FAQ entry (/kb undo restores it)")
    @app_commands.describe(faq_id="The FAQ id (its file name in knowledge/faq/)")
    @app_commands.autocomplete(faq_id=_faq_autocomplete)
    async def faq_remove(self, interaction: discord.Interaction, faq_id: str) -> None:
        await self._edit(interaction, "FAQ entry removed", lambda m: self.editor.faq_remove(m, faq_id))

    # ------------------------------------------------------------------ aliases and synonyms

    async def _target_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        kb = self.bot.engine.knowledge
        items = [(f"{r.title} ({r.id})", r.id) for r in kb.roles.values()] + [(f"{c.code} — {c.name}", c.code) for c in kb.certifications.values()]
        cur = current.strip().lower()
        hits = [(n, v) for n, v in items if not cur or cur in n.lower()]
        return [app_commands.Choice(name=render.trim(n, 100), value=v[:100]) for n, v in hits[:25]]

    @alias.command(name="add", description="Teach the bot another name for a role or certification")
    @app_commands.describe(target="Role id or certification code", alias="The other name, e.g. ops boss")
    @app_commands.autocomplete(target=_target_autocomplete)
    async def alias_add(self, interaction: discord.Interaction, target: str, alias: app_commands.Range[str, 1, 100]) -> None:
        await self._edit(interaction, "Alias added", lambda m: self.editor.alias_add(m, target, alias))

    @alias.command(name="remove", description="Forget another name of a role or certification")
    @app_commands.describe(target="Role id or certification code", alias="The alias to remove")
    @app_commands.autocomplete(target=_target_autocomplete)
    async def alias_remove(self, interaction: discord.Interaction, target: str, alias: app_commands.Range[str, 1, 100]) -> None:
        await self._edit(interaction, "Alias removed", lambda m: self.editor.alias_remove(m, target, alias))

    @app_commands.command(name="synonym", description="Vocabulary: a word members use -> the word the knowledge uses")
    @app_commands.describe(word="What members type, e.g. boss", meaning="What it means, e.g. director")
    async def synonym(self, interaction: discord.Interaction, word: app_commands.Range[str, 1, 100], meaning: app_commands.Range[str, 1, 100]) -> None:
        await self._edit(interaction, "Synonym added", lambda m: self.editor.synonym_add(m, word, meaning))

    # ------------------------------------------------------------------ export / import

    @app_commands.command(name="export", description="Download the knowledge base as a zip of its files")
    async def export(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await asyncio.to_thread(self.editor.export_zip)
        name = f"knowledge-{dt.datetime.now(dt.timezone.utc):%Y%m%d-%H%M%S}.zip"
        log.info("/kb export by %s: %d bytes", interaction.user.id, len(data))
        await interaction.followup.send(
            f"The knowledge base ({len(data) / 1024:.0f} KB). Edit files and send them back with /kb import.",
            file=discord.File(io.BytesIO(data), filename=name),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    @app_commands.command(name="import", description="Import a spotlight page (.txt), a knowledge file (.yaml) or a .zip; preview first")
    @app_commands.describe(attachment="A career spotlight page saved as UTF-8 .txt, a .yaml knowledge file, or a .zip of them")
    async def import_(self, interaction: discord.Interaction, attachment: discord.Attachment) -> None:
        name = PurePosixPath(attachment.filename or "attachment").name
        ext = PurePosixPath(name.lower()).suffix
        if ext not in IMPORT_TYPES:
            await self._send(interaction, embed=render.text_embed("Import refused", [f"{name}: can't import '{ext or 'no extension'}' files; send a spotlight page (.txt), a knowledge file (.yaml) or a .zip of knowledge files."], render.COLOUR_PROBLEM, footer="Nothing was written."))
            return
        if attachment.size > MAX_ATTACHMENT_BYTES:
            await self._send(interaction, embed=render.text_embed("Import refused", [f"{name} is {attachment.size / 1024:.0f} KB; attachments are limited to {MAX_ATTACHMENT_BYTES // 1024} KB."], render.COLOUR_PROBLEM, footer="Nothing was written."))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            data = await attachment.read()
        except discord.HTTPException as e:
            await self._send(interaction, content=f"Could not download {name} from Discord ({e.status}); try again.")
            return
        try:
            preview = await asyncio.to_thread(self.editor.preview_import, name, data)
        except EditError as e:
            log.info("/kb import of %s by %s refused: %s", name, interaction.user.id, e.message.split("\n", 1)[0])
            await self._send(interaction, embed=edit_error_embed(e, "Import refused"))
            return
        lines = [f"`{line}`" for line in preview.summary.splitlines()]
        if not preview.created and not preview.updated:
            await self._send(interaction, embed=render.text_embed(f"Import of {name}: nothing to change", lines, render.COLOUR_OK))
            return
        await self._import_preview(interaction, name, preview, lines)

    async def _import_preview(self, interaction: discord.Interaction, name: str, preview: ImportPreview, lines: list[str]) -> None:
        owner = interaction.user.id
        counts = f"{len(preview.created)} new, {len(preview.updated)} changed, {len(preview.unchanged)} unchanged"

        async def confirm(inter: discord.Interaction) -> None:
            if await self._refuse_non_moderator(inter):
                return
            await inter.response.defer()
            moderator = moderator_name(inter.user)
            try:
                results = await asyncio.to_thread(self.editor.apply_import, moderator, preview)
            except EditError as e:
                await inter.edit_original_response(embed=edit_error_embed(e, "Import refused"), view=None)
                return
            done = await self._applied(moderator, results) if results else ["Nothing to change any more."]
            await inter.edit_original_response(embed=render.text_embed(f"Imported {name}", done, render.COLOUR_OK, footer="Undo with /kb undo"), view=None)

        async def cancel(inter: discord.Interaction) -> None:
            await inter.response.edit_message(embed=render.text_embed(f"Import of {name} cancelled", ["Nothing was written."], render.COLOUR_REFUSAL), view=None)

        embed = render.text_embed(f"Import preview: {name}", lines, footer=f"{counts}. Nothing is written until you confirm.")
        await self._send(interaction, embed=embed, view=ImportConfirmView(owner, confirm, cancel))

    # ------------------------------------------------------------------ history / undo

    async def _file_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        root = self.bot.live.root
        files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.y*ml") if not any(part.startswith(".") for part in p.relative_to(root).parts))
        cur = current.strip().lower()
        return [app_commands.Choice(name=f[:100], value=f[:100]) for f in files if cur in f.lower()][:25]

    @app_commands.command(name="history", description="Recent knowledge changes: who changed which file, and how")
    @app_commands.describe(file="Only this file, e.g. faq/how-to-report-a-wrong-answer.yaml")
    @app_commands.autocomplete(file=_file_autocomplete)
    async def history(self, interaction: discord.Interaction, file: str | None = None) -> None:
        if self.bot.store is None:
            await self._send(interaction, content="No database is configured, so no change log is kept.")
            return
        try:
            rel = self._rel(file)
        except EditError as e:
            await self._send(interaction, embed=edit_error_embed(e, "No history"))
            return
        changes = await asyncio.to_thread(self.bot.store.history, rel, HISTORY_LIMIT)  # type: ignore[attr-defined]
        lines = [f"`#{c.id}` {_when(c.when)} **{render.trim(c.moderator, 80)}** {c.action} `{c.file}`" for c in changes]
        if not lines:
            lines = [f"No changes recorded for {rel}." if rel else "No changes recorded yet."]
        title = f"Knowledge changes: {rel}" if rel else "Knowledge changes"
        await self._send(interaction, embed=render.text_embed(title, lines, footer=f"Newest first, up to {HISTORY_LIMIT}. /kb undo reverts the newest change."))

    @app_commands.command(name="undo", description="Revert the last change (of one file, or the last change overall)")
    @app_commands.describe(file="Only this file; empty = the most recent change")
    @app_commands.autocomplete(file=_file_autocomplete)
    async def undo(self, interaction: discord.Interaction, file: str | None = None) -> None:
        await self._edit(interaction, "Change undone", lambda m: self.editor.undo(m, (file or "").strip() or None))


__all__ = ["KnowledgeBase", "edit_error_embed", "find_gap", "gap_lines", "moderator_name", "stats_lines"]
