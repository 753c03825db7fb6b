"""/kb import (with a preview to confirm), /kb export, /kb history, /kb undo: whole files.

``/kb import`` takes an attachment (a page as ``.txt`` or ``.html``, a ``.yaml`` file, a ``.zip``)
or ``url:``, a page's address, which the bot fetches in a thread after deferring (a slow server
never blocks the bot nor misses Discord's 3 s).

An import preview waits in memory under a random token, for the moderator who started it, until
Confirm / Cancel or ``IMPORT_TTL``; a refused Confirm (e.g. the moderator role was removed
meanwhile) leaves it waiting, so it can be confirmed once the role is back. After a restart
the buttons say the preview is gone.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import secrets
import time
from dataclasses import dataclass
from pathlib import PurePosixPath

import discord
from discord import app_commands

from bot.discord_app import render
from bot.discord_app.checks import kb_moderator
from bot.discord_app.cogs.kb.base import KbBase, edit_error_embed, log, moderator_name, when
from bot.discord_app.moderation_views import import_view
from bot.knowledge.fetch import FetchError, check_address
from bot.knowledge.files import limit_text, size_text
from bot.moderation.edits import MAX_ATTACHMENT_BYTES, EditError, ImportPreview
from bot.storage import Change

IMPORT_TYPES = (".txt", ".html", ".htm", ".yaml", ".yml", ".zip")
IMPORT_TTL = 600.0  # seconds a preview waits for Confirm
HISTORY_LIMIT = 15


def history_line(change: Change) -> str:
    """One change for /kb history: when, who, what, which file, and from where (``via``)."""
    via = f" · via {render.trim(change.via, 80)}" if change.via else ""
    return f"`#{change.id}` {when(change.when)} **{render.trim(change.moderator, 80)}** {change.action} `{change.file}`{via}"


@dataclass
class PendingImport:
    owner_id: int
    name: str
    preview: ImportPreview
    expires: float


class KbFiles(KbBase):
    _imports: dict[str, PendingImport]  # token -> preview waiting for Confirm

    # ------------------------------------------------------------------ export / import

    @app_commands.command(name="export", description="Download the knowledge base as a zip of its files")
    @kb_moderator
    async def export(self, interaction: discord.Interaction) -> None:
        await self._defer(interaction)
        data = await asyncio.to_thread(self.editor.export_zip)
        name = f"knowledge-{dt.datetime.now(dt.timezone.utc):%Y%m%d-%H%M%S}.zip"
        log.info("/kb export: %d bytes", len(data))
        await self._send(interaction, content=f"The knowledge base ({len(data) / 1024:.0f} KB). Edit files and send them back with /kb import.", file=discord.File(io.BytesIO(data), filename=name))

    @app_commands.command(name="import", description="Import a spotlight page (file or address), a .yaml file or a .zip; preview first")
    @app_commands.describe(
        attachment="A spotlight page (.txt or .html), a .yaml knowledge file, or a .zip of them",
        url="Or the spotlight page's web address (http:// or https://)",
    )
    @kb_moderator
    async def import_(self, interaction: discord.Interaction, attachment: discord.Attachment | None = None, url: str | None = None) -> None:
        address = (url or "").strip()
        if (attachment is None) == (not address):
            why = "both an attachment: and a url:; give one of them" if attachment is not None else "no page: give attachment: (a file) or url: (the page's address)"
            await self._refuse_import(interaction, f"/kb import got {why}.")
            return
        if attachment is None:
            await self._import_url(interaction, address)
            return
        name = PurePosixPath(attachment.filename or "attachment").name
        ext = PurePosixPath(name.lower()).suffix
        if ext not in IMPORT_TYPES:
            await self._refuse_import(interaction, f"attachment: {name}: can't import '{ext or 'no extension'}' files; send a spotlight page (.txt or .html), a knowledge file (.yaml) or a .zip of knowledge files, or give the page's address in url:.")
            return
        if attachment.size > MAX_ATTACHMENT_BYTES:
            await self._refuse_import(interaction, f"attachment: {name} is {size_text(attachment.size, MAX_ATTACHMENT_BYTES)}; attachments are limited to {limit_text(MAX_ATTACHMENT_BYTES)}.")
            return
        await self._defer(interaction)
        try:
            data = await attachment.read()
        except discord.HTTPException as e:
            await self._send(interaction, content=f"Could not download {name} from Discord ({e.status}); try again.")
            return
        try:
            preview = await asyncio.to_thread(self.editor.preview_import, name, data)
        except EditError as e:
            log.info("/kb import of an attachment refused")
            await self._send(interaction, embed=edit_error_embed(EditError(f"attachment: {e.message}", e.problems), "Import refused"))
            return
        await self._show_preview(interaction, name, preview)

    async def _import_url(self, interaction: discord.Interaction, address: str) -> None:
        """``/kb import url:``: the address checked at once, then fetched off the event loop (up to
        ``fetch.TIMEOUT``) after deferring; the same preview as an attachment."""
        try:
            address = check_address(address)
        except FetchError as e:
            await self._refuse_import(interaction, f"url: {e.message}.")
            return
        await self._defer(interaction)
        try:
            preview = await asyncio.to_thread(self.editor.preview_import_url, address)
        except EditError as e:
            log.info("/kb import of an address refused")
            await self._send(interaction, embed=edit_error_embed(EditError(f"url: {e.message}", e.problems), "Import refused"))
            return
        await self._show_preview(interaction, render.trim(address, 200), preview)

    async def _refuse_import(self, interaction: discord.Interaction, line: str) -> None:
        await self._send(interaction, embed=render.text_embed("Import refused", [line], render.COLOUR_PROBLEM, footer="Nothing was written."))

    async def _show_preview(self, interaction: discord.Interaction, name: str, preview: ImportPreview) -> None:
        """The preview with Confirm / Cancel, kept for its moderator (or "nothing to change")."""
        lines = [f"`{line}`" for line in preview.summary.splitlines()]
        if not preview.created and not preview.updated:
            await self._send(interaction, embed=render.text_embed(f"Import of {name}: nothing to change", lines, render.COLOUR_OK))
            return
        now = time.monotonic()
        self._imports = {t: p for t, p in self._imports.items() if p.expires > now}
        token = secrets.token_hex(8)
        self._imports[token] = PendingImport(interaction.user.id, name, preview, now + IMPORT_TTL)
        counts = f"{len(preview.created)} new, {len(preview.updated)} changed, {len(preview.unchanged)} unchanged"
        embed = render.text_embed(f"Import preview: {name}", lines, footer=f"{counts}. Nothing is written until you confirm.")
        await self._send(interaction, embed=embed, view=import_view(token))

    def _pending(self, token: str) -> PendingImport | None:
        pending = self._imports.get(token)
        if pending is not None and pending.expires <= time.monotonic():
            del self._imports[token]
            return None
        return pending

    async def _not_pending(self, interaction: discord.Interaction, token: str) -> PendingImport | None:
        """The preview behind a Confirm / Cancel button, or None after telling the moderator why not."""
        pending = self._pending(token)
        if pending is None:
            await self._send(interaction, content="This import preview is no longer active (it was confirmed or cancelled, it expired, or the bot restarted). Run /kb import again.")
        elif interaction.user.id != pending.owner_id:
            await self._send(interaction, content="Only the moderator who started this import can confirm or cancel it.")
            return None
        return pending

    # ------------------------------------------------------------------ ImportDecisions (the preview's buttons)

    async def confirm_import(self, interaction: discord.Interaction, token: str) -> None:
        pending = await self._not_pending(interaction, token)
        if pending is None:
            return
        del self._imports[token]  # one Confirm only, even if pressed twice
        await interaction.response.defer()
        moderator = moderator_name(interaction.user)
        try:
            results = await asyncio.to_thread(self.editor.apply_import, moderator, pending.preview)
        except EditError as e:
            await interaction.edit_original_response(embed=edit_error_embed(e, "Import refused"), view=None)
            return
        except BaseException:
            self._imports[token] = pending  # not applied: the preview can be confirmed again
            raise
        done = await self._applied(moderator, results) if results else ["Nothing to change any more."]
        await interaction.edit_original_response(embed=render.text_embed(f"Imported {pending.name}", done, render.COLOUR_OK, footer="Undo with /kb undo"), view=None)

    async def cancel_import(self, interaction: discord.Interaction, token: str) -> None:
        pending = await self._not_pending(interaction, token)
        if pending is None:
            return
        del self._imports[token]
        await interaction.response.edit_message(embed=render.text_embed(f"Import of {pending.name} cancelled", ["Nothing was written."], render.COLOUR_REFUSAL), view=None)

    # ------------------------------------------------------------------ history / undo

    @kb_moderator
    async def _file_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        root = self.bot.live.root

        def files() -> list[str]:
            return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.y*ml") if not any(part.startswith(".") for part in p.relative_to(root).parts))

        cur = current.strip().lower()
        return [app_commands.Choice(name=f[:100], value=f[:100]) for f in await asyncio.to_thread(files) if cur in f.lower()][:25]

    @app_commands.command(name="history", description="Recent knowledge changes: who changed which file, and how")
    @app_commands.describe(file="Only this file, e.g. faq/how-to-report-a-wrong-answer.yaml")
    @app_commands.autocomplete(file=_file_autocomplete)
    @kb_moderator
    async def history(self, interaction: discord.Interaction, file: str | None = None) -> None:
        store = self.bot.store
        if store is None:
            await self._send(interaction, content="No database is configured, so no change log is kept.")
            return
        try:
            rel = self.editor._rel(file.strip()) if file and file.strip() else None
        except EditError as e:
            await self._send(interaction, embed=edit_error_embed(e, "No history"))
            return
        await self._defer(interaction)
        changes = await asyncio.to_thread(store.history, rel, HISTORY_LIMIT)
        lines = [history_line(c) for c in changes]
        if not lines:
            lines = [f"No changes recorded for {rel}." if rel else "No changes recorded yet."]
        title = f"Knowledge changes: {rel}" if rel else "Knowledge changes"
        await self._send(interaction, embed=render.text_embed(title, lines, footer=f"Newest first, up to {HISTORY_LIMIT}. /kb undo reverts the newest change."))

    @app_commands.command(name="undo", description="Revert the last change (of one file, or the last change overall)")
    @app_commands.describe(file="Only this file; empty = the most recent change")
    @app_commands.autocomplete(file=_file_autocomplete)
    @kb_moderator
    async def undo(self, interaction: discord.Interaction, file: str | None = None) -> None:
        await self._edit(interaction, "Change undone", lambda m: self.editor.undo(m, (file or "").strip() or None))
