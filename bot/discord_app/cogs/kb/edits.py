"""/kb faq add|edit|remove, /kb alias add|remove, /kb synonym: edits by command or form.

Every change goes through ``KnowledgeEditor`` (validated against the whole knowledge base,
atomic, backed up, recorded in the change log, committed to git when the folder is a
repository), then the live knowledge is reloaded. Refusals (``EditError``) are shown to the
moderator and nothing is written.
"""

from __future__ import annotations

import difflib

import discord
from discord import app_commands

from bot.discord_app import render
from bot.discord_app.checks import kb_moderator
from bot.discord_app.cogs.kb.base import KbBase, csv_of, lines_of
from bot.discord_app.forms import FormField, FormModal


class KbEdits(KbBase):
    faq = app_commands.Group(name="faq", description="Add, edit or remove FAQ entries")
    alias = app_commands.Group(name="alias", description="Other names members use for a role or certification")

    # ------------------------------------------------------------------ FAQ entries

    @kb_moderator
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
    @kb_moderator
    async def faq_add(self, interaction: discord.Interaction) -> None:
        fields = [
            FormField("questions", "Questions (one phrasing per line)", long=True, max_length=3000, placeholder="how do i …\nwhere can i …"),
            FormField("answer", "Answer", long=True, max_length=4000),
            FormField("faq_id", "FAQ id (optional)", placeholder="made from the first question when empty", required=False, max_length=80),
            FormField("roles", "Role ids (optional, comma-separated)", required=False, max_length=400),
            FormField("certifications", "Certification codes (optional)", required=False, max_length=400, placeholder="e.g. CPOM, CMSO"),
        ]

        async def submitted(inter: discord.Interaction, v: dict[str, str]) -> None:
            fid = v.get("faq_id", "").strip() or None
            await self._edit(inter, "FAQ entry added", lambda m: self.editor.faq_add(m, lines_of(v["questions"]), v["answer"], csv_of(v.get("roles", "")), csv_of(v.get("certifications", "")), faq_id=fid))

        await interaction.response.send_modal(FormModal("New FAQ entry", fields, submitted, self.bot.forms))

    @faq.command(name="edit", description="Change an FAQ entry's questions or answer (a form shows the current text)")
    @app_commands.describe(faq_id="The FAQ id (its file name in knowledge/faq/)")
    @app_commands.autocomplete(faq_id=_faq_autocomplete)
    @kb_moderator
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
            qs = lines_of(v["questions"])
            questions = qs if qs != lines_of(old_q) else None
            answer = v["answer"] if v["answer"].strip() != old_a.strip() else None
            if questions is None and answer is None:
                await self._send(inter, content="Nothing changed: the questions and the answer are as they were.")
                return
            await self._edit(inter, "FAQ entry changed", lambda m: self.editor.faq_edit(m, entry.id, questions, answer))

        await interaction.response.send_modal(FormModal(f"Edit FAQ {entry.id}", fields, submitted, self.bot.forms))

    @faq.command(name="remove", description="Remove an FAQ entry (/kb undo restores it)")
    @app_commands.describe(faq_id="The FAQ id (its file name in knowledge/faq/)")
    @app_commands.autocomplete(faq_id=_faq_autocomplete)
    @kb_moderator
    async def faq_remove(self, interaction: discord.Interaction, faq_id: str) -> None:
        await self._edit(interaction, "FAQ entry removed", lambda m: self.editor.faq_remove(m, faq_id))

    # ------------------------------------------------------------------ aliases and synonyms

    @kb_moderator
    async def _target_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        kb = self.bot.engine.knowledge
        items = [(f"{r.title} ({r.id})", r.id) for r in kb.roles.values()] + [(f"{c.code} — {c.name}", c.code) for c in kb.certifications.values()]
        cur = current.strip().lower()
        hits = [(n, v) for n, v in items if not cur or cur in n.lower()]
        return [app_commands.Choice(name=render.trim(n, 100), value=v[:100]) for n, v in hits[:25]]

    @alias.command(name="add", description="Teach the bot another name for a role or certification")
    @app_commands.describe(target="Role id or certification code", alias="The other name, e.g. ops boss")
    @app_commands.autocomplete(target=_target_autocomplete)
    @kb_moderator
    async def alias_add(self, interaction: discord.Interaction, target: str, alias: app_commands.Range[str, 1, 100]) -> None:
        await self._edit(interaction, "Alias added", lambda m: self.editor.alias_add(m, target, alias))

    @alias.command(name="remove", description="Forget another name of a role or certification")
    @app_commands.describe(target="Role id or certification code", alias="The alias to remove")
    @app_commands.autocomplete(target=_target_autocomplete)
    @kb_moderator
    async def alias_remove(self, interaction: discord.Interaction, target: str, alias: app_commands.Range[str, 1, 100]) -> None:
        await self._edit(interaction, "Alias removed", lambda m: self.editor.alias_remove(m, target, alias))

    @app_commands.command(name="synonym", description="Vocabulary: a word members use -> the word the knowledge uses")
    @app_commands.describe(word="What members type, e.g. boss", meaning="What it means, e.g. director")
    @kb_moderator
    async def synonym(self, interaction: discord.Interaction, word: app_commands.Range[str, 1, 100], meaning: app_commands.Range[str, 1, 100]) -> None:
        await self._edit(interaction, "Synonym added", lambda m: self.editor.synonym_add(m, word, meaning))
