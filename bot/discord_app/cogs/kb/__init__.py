"""The /kb moderator tools: one ``GroupCog`` (``/kb ...``) assembled from one mixin per concern.

* ``status``: /kb reload, /kb validate, /kb stats;
* ``gaps``: the review queue (/kb gaps and its buttons: ``GapQueue``);
* ``edits``: /kb faq add|edit|remove, /kb alias add|remove, /kb synonym;
* ``files``: /kb import (preview and ``ImportDecisions``), /kb export, /kb history, /kb undo;
* ``learn``: FAQ entries from Discord: "Save as FAQ" under a moderator's answer to a member
  (``FaqFromDiscord``) and the message command "Save as FAQ answer".

Every command and autocomplete carries the one moderator check (``checks.kb_moderator``), and
every button, menu and form runs it too (``checks.component_allowed``). Replies are ephemeral;
applied changes are also posted, one line each, to the moderator log channel when one is
configured. ``default_permissions(manage_guild=True)`` only hides /kb in Discord's UI (a server
admin can change that); the check is what decides.
"""

from __future__ import annotations

import asyncio

from discord import app_commands
from discord.ext import commands

from bot.discord_app.bot import CareerBot
from bot.discord_app.cogs.kb.edits import KbEdits
from bot.discord_app.cogs.kb.files import KbFiles
from bot.discord_app.cogs.kb.gaps import KbGaps
from bot.discord_app.cogs.kb.learn import KbLearn, save_as_faq_menu
from bot.discord_app.cogs.kb.status import KbStatus
from bot.discord_app.constants import KB_COG
from bot.discord_app.moderation_views import MODERATION_ITEMS
from bot.moderation.edits import KnowledgeEditor


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class KnowledgeBase(KbStatus, KbGaps, KbEdits, KbFiles, KbLearn, commands.GroupCog, name=KB_COG, group_name="kb", group_description="Moderator tools for the career knowledge base"):
    def __init__(self, bot: CareerBot, editor: KnowledgeEditor | None = None):
        self.bot = bot
        self.editor = editor or KnowledgeEditor(bot.live.root, bot.store)  # type: ignore[arg-type]
        self._gap_lock = asyncio.Lock()
        self._handled = {}
        self._imports = {}
        self._menu = save_as_faq_menu(self.save_as_faq)
        super().__init__()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*MODERATION_ITEMS)
        self.bot.tree.add_command(self._menu)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*MODERATION_ITEMS)
        self.bot.tree.remove_command(self._menu.name, type=self._menu.type)


async def setup(bot: commands.Bot) -> None:
    assert isinstance(bot, CareerBot)
    await bot.add_cog(KnowledgeBase(bot))
