"""Who may use the /kb moderator tools: one ``app_commands.check`` for every /kb command,
autocomplete, button, select menu and form (a leaf module: discord.py and the config only).

* ``guild_ids`` configured: only in those servers; there, members with ``moderator_role_id``
  (read from ``Member.roles``), or with Manage Server when no role is configured.
* no ``guild_ids``: only the application's owner, or its team's admins and developers (what
  ``Bot.is_owner`` knows), so global commands never make another server's owner a moderator.
"""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.config import Config
from bot.discord_app.constants import ERROR_EVENT

log = logging.getLogger("bot.discord.checks")


class NotModerator(app_commands.CheckFailure):
    """The member is not a moderator here."""


class NotModeratedHere(app_commands.CheckFailure):
    """A /kb tool was used outside the configured servers (another server, or a DM)."""


async def moderator_only(interaction: discord.Interaction) -> bool:
    """True for a moderator; raises ``NotModerator`` / ``NotModeratedHere`` otherwise."""
    client = interaction.client
    config: Config | None = getattr(client, "config", None)
    if config is None or not isinstance(client, commands.Bot):
        raise NotModerator("no moderator configuration")
    if not config.guild_ids:
        try:
            if await client.is_owner(interaction.user):
                return True
        except discord.HTTPException as e:
            log.warning("could not fetch the application's owner (%s %s); /kb refused", e.status, e.text)
        raise NotModerator("not the application's owner or a team admin/developer")
    if interaction.guild_id not in config.guild_ids:
        raise NotModeratedHere(f"guild {interaction.guild_id} is not in guild_ids")
    member = interaction.user
    if not isinstance(member, discord.Member):
        raise NotModerator("not a server member")
    if config.moderator_role_id:
        allowed = any(role.id == config.moderator_role_id for role in member.roles)
    else:
        perms = interaction.permissions  # computed by Discord for this member here
        allowed = perms.manage_guild or perms.administrator
    if not allowed:
        raise NotModerator("no moderator role" if config.moderator_role_id else "no Manage Server permission")
    return True


kb_moderator = app_commands.check(moderator_only)
"""Decorates every /kb command and autocomplete callback."""


async def component_allowed(interaction: discord.Interaction) -> bool:
    """``interaction_check`` of moderator buttons, menus and forms: the same check.

    discord.py drops a component whose check fails without a word, so a refusal is handed to
    the error handler, which answers the member.
    """
    try:
        return await moderator_only(interaction)
    except app_commands.CheckFailure as error:
        interaction.client.dispatch(ERROR_EVENT, interaction, error, "moderator component")
        return False
