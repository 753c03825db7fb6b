"""Components of the moderator workflow: the ``/kb gaps`` review queue and import confirmation.

All are ``DynamicItem``s (their state lives in the ``custom_id``), so they work after a restart
or tell the moderator why not:

* ``cb:gaps:prev:<page>`` / ``cb:gaps:next:<page>`` / ``cb:gaps:open:<page>`` — show that page
  (edits the message the button is on);
* ``cb:gaps:pick`` — the select menu; its option values are group keys;
* ``cb:gap:<action>:<key>`` — act on one group: ``phrasing`` (add the question to an FAQ entry),
  ``alias`` (of a role or certification), ``synonym``, ``faq`` (a new FAQ entry), ``teach``
  ("this question means <intent> (about <entry>)") or ``dismiss``;
* ``cb:import:<confirm|cancel>:<token>`` — Confirm / Cancel under an import preview.

Every item runs the /kb moderator check first (``component_allowed``), then hands over to
whatever implements ``GapQueue`` or ``ImportDecisions`` (the /kb cog); errors go to the error
handler. The items never import the cog.
"""

from __future__ import annotations

import re
from typing import Any, Protocol, Sequence, cast, runtime_checkable

import discord
from discord.ext import commands

from bot.discord_app import render
from bot.discord_app.checks import component_allowed
from bot.discord_app.constants import ERROR_EVENT, KB_COG

GAP_ACTIONS: dict[str, tuple[str, discord.ButtonStyle]] = {
    "phrasing": ("Add to an FAQ entry", discord.ButtonStyle.primary),
    "alias": ("Alias of a role/cert", discord.ButtonStyle.primary),
    "synonym": ("Vocabulary synonym", discord.ButtonStyle.secondary),
    "faq": ("New FAQ entry", discord.ButtonStyle.success),
    "teach": ("Teach: it means…", discord.ButtonStyle.primary),
    "dismiss": ("Dismiss", discord.ButtonStyle.danger),
}
SELECT_LABEL_MAX = 100


@runtime_checkable
class GapQueue(Protocol):
    async def show_gap_page(self, interaction: discord.Interaction, page: int) -> None: ...

    async def pick_gap(self, interaction: discord.Interaction, key: str) -> None: ...

    async def act_on_gap(self, interaction: discord.Interaction, action: str, key: str) -> None: ...


@runtime_checkable
class ImportDecisions(Protocol):
    async def confirm_import(self, interaction: discord.Interaction, token: str) -> None: ...

    async def cancel_import(self, interaction: discord.Interaction, token: str) -> None: ...


def _kb(interaction: discord.Interaction) -> object:
    client = interaction.client
    cog = client.get_cog(KB_COG) if isinstance(client, commands.Bot) else None
    if cog is None:
        raise RuntimeError("the /kb cog is not loaded")
    return cog


def _gap_queue(interaction: discord.Interaction) -> GapQueue:
    cog = _kb(interaction)
    if not isinstance(cog, GapQueue):
        raise TypeError("the /kb cog has no gaps queue")
    return cog


def _import_decisions(interaction: discord.Interaction) -> ImportDecisions:
    cog = _kb(interaction)
    if not isinstance(cog, ImportDecisions):
        raise TypeError("the /kb cog has no imports")
    return cog


class _ModeratorItem:
    """Shared by the items below: the moderator check, and errors to the error handler."""

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return await component_allowed(interaction)

    @staticmethod
    def _failed(interaction: discord.Interaction, error: Exception, where: str) -> None:
        interaction.client.dispatch(ERROR_EVENT, interaction, error, where)


# ---------------------------------------------------------------------------- gaps queue


class GapPageButton(_ModeratorItem, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"cb:gaps:(?P<dir>prev|next|open):(?P<page>\d{1,3})"):
    def __init__(self, direction: str, page: int, label: str = "", disabled: bool = False):
        labels = {"prev": "◀ Previous", "next": "Next ▶", "open": "Back to the queue"}
        super().__init__(
            discord.ui.Button(
                label=label or labels[direction],
                style=discord.ButtonStyle.secondary,
                custom_id=f"cb:gaps:{direction}:{page}",
                disabled=disabled,
                row=1,
            )
        )
        self.direction = direction
        self.page = page

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> "GapPageButton":
        label = item.label if isinstance(item, discord.ui.Button) else None
        return cls(match["dir"], int(match["page"]), label or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await _gap_queue(interaction).show_gap_page(interaction, max(1, self.page))
        except Exception as error:
            self._failed(interaction, error, "gaps page button")


class GapPickSelect(_ModeratorItem, discord.ui.DynamicItem[discord.ui.Select[Any]], template=r"cb:gaps:pick"):
    def __init__(self, options: Sequence[discord.SelectOption] = ()):
        select: discord.ui.Select[Any] = discord.ui.Select(
            custom_id="cb:gaps:pick",
            placeholder="Pick a question to act on…",
            options=list(options),
            min_values=1,
            max_values=1,
            row=0,
        )
        super().__init__(select)

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> "GapPickSelect":
        return cls()

    async def callback(self, interaction: discord.Interaction) -> None:
        data = cast(dict[str, Any], interaction.data or {})
        values = data.get("values") or []
        try:
            await _gap_queue(interaction).pick_gap(interaction, str(values[0]) if values else "")
        except Exception as error:
            self._failed(interaction, error, "gaps menu")


class GapActionButton(_ModeratorItem, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"cb:gap:(?P<action>phrasing|alias|synonym|faq|teach|dismiss):(?P<key>[0-9a-f]{16})"):
    def __init__(self, action: str, key: str):
        label, style = GAP_ACTIONS[action]
        row = 1 if action == "dismiss" else 0  # five edits in the first row, Dismiss beside "Back to the queue"
        super().__init__(discord.ui.Button(label=label, style=style, custom_id=f"cb:gap:{action}:{key}", row=row))
        self.action = action
        self.key = key

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> "GapActionButton":
        return cls(match["action"], match["key"])

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await _gap_queue(interaction).act_on_gap(interaction, self.action, self.key)
        except Exception as error:
            self._failed(interaction, error, f"gap button ({self.action})")


def gap_page_view(groups: Sequence[Any], page: int, has_next: bool, offset: int = 0) -> discord.ui.View:
    """Select menu of the page's groups (row 0) and Previous / Next (row 1)."""
    view = discord.ui.View(timeout=None)
    options = []
    for i, g in enumerate(groups, offset + 1):
        label = render.trim(f"{i}. {g.question}", SELECT_LABEL_MAX)
        kinds = ", ".join(g.kinds)
        desc = render.trim(f"{g.count}× · {kinds}" if kinds else f"{g.count}×", SELECT_LABEL_MAX)
        options.append(discord.SelectOption(label=label, value=g.key, description=desc))
    if options:
        view.add_item(GapPickSelect(options[:25]))
    if page > 1 or has_next:
        view.add_item(GapPageButton("prev", max(1, page - 1), disabled=page <= 1))
        view.add_item(GapPageButton("next", page + 1, disabled=not has_next))
    return view


def gap_action_view(key: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for action in GAP_ACTIONS:
        view.add_item(GapActionButton(action, key))
    view.add_item(GapPageButton("open", 1))
    return view


def back_to_queue_view() -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(GapPageButton("open", 1))
    return view


# ---------------------------------------------------------------------------- import confirmation


class ImportButton(_ModeratorItem, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"cb:import:(?P<what>confirm|cancel):(?P<token>[0-9a-f]{16})"):
    """Confirm / Cancel under an import preview; ``token`` names the preview kept in memory."""

    def __init__(self, what: str, token: str):
        confirm = what == "confirm"
        super().__init__(
            discord.ui.Button(
                label="Confirm import" if confirm else "Cancel",
                style=discord.ButtonStyle.success if confirm else discord.ButtonStyle.secondary,
                custom_id=f"cb:import:{what}:{token}",
            )
        )
        self.what = what
        self.token = token

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> "ImportButton":
        return cls(match["what"], match["token"])

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            decisions = _import_decisions(interaction)
            if self.what == "confirm":
                await decisions.confirm_import(interaction, self.token)
            else:
                await decisions.cancel_import(interaction, self.token)
        except Exception as error:
            self._failed(interaction, error, f"import {self.what} button")


def import_view(token: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(ImportButton("confirm", token))
    view.add_item(ImportButton("cancel", token))
    return view


MODERATION_ITEMS = (GapPageButton, GapPickSelect, GapActionButton, ImportButton)
