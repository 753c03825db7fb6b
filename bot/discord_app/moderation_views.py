"""Components of the moderator workflow: the ``/kb gaps`` review queue, forms and import confirmation.

The queue's buttons and select menu are ``DynamicItem``s (state lives in the ``custom_id``), so
a gaps page keeps working after a restart:

* ``cb:gaps:prev:<page>`` / ``cb:gaps:next:<page>`` / ``cb:gaps:open:<page>`` — show that page
  (edits the message the button is on);
* ``cb:gaps:pick`` — the select menu; its option values are group keys;
* ``cb:gap:<action>:<key>`` — act on one group: ``phrasing`` (add the question to an FAQ entry),
  ``alias`` (of a role or certification), ``synonym``, ``faq`` (a new FAQ entry) or ``dismiss``.

Every callback hands over to the ``KnowledgeBase`` cog, which checks the moderator first
(component interactions do not pass through the slash-command check). Forms (``FormModal``)
and the import preview's Confirm / Cancel (``ImportConfirmView``) hold per-use state in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Sequence

import discord

from bot.discord_app import render

if TYPE_CHECKING:  # pragma: no cover
    from bot.discord_app.cogs.moderation import KnowledgeBase

GAP_ACTIONS: dict[str, tuple[str, discord.ButtonStyle]] = {
    "phrasing": ("Add to an FAQ entry", discord.ButtonStyle.primary),
    "alias": ("Alias of a role/cert", discord.ButtonStyle.primary),
    "synonym": ("Vocabulary synonym", discord.ButtonStyle.secondary),
    "faq": ("New FAQ entry", discord.ButtonStyle.success),
    "dismiss": ("Dismiss", discord.ButtonStyle.danger),
}
SELECT_LABEL_MAX = 100
MODAL_TITLE_MAX = 45
INPUT_LABEL_MAX = 45
PLACEHOLDER_MAX = 100


def _cog(interaction: discord.Interaction) -> "KnowledgeBase":
    cog = interaction.client.get_cog("KnowledgeBase")  # type: ignore[attr-defined]
    if cog is None:  # pragma: no cover - the cog is always loaded with the items
        raise RuntimeError("the /kb cog is not loaded")
    return cog  # type: ignore[return-value]


# ---------------------------------------------------------------------------- gaps queue


class GapPageButton(discord.ui.DynamicItem[discord.ui.Button], template=r"cb:gaps:(?P<dir>prev|next|open):(?P<page>\d{1,3})"):
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
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]) -> "GapPageButton":
        return cls(match["dir"], int(match["page"]), item.label or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        await _cog(interaction).on_gap_page(interaction, max(1, self.page))


class GapPickSelect(discord.ui.DynamicItem[discord.ui.Select], template=r"cb:gaps:pick"):
    def __init__(self, options: Sequence[discord.SelectOption] = ()):
        select: discord.ui.Select = discord.ui.Select(
            custom_id="cb:gaps:pick",
            placeholder="Pick a question to act on…",
            options=list(options),
            min_values=1,
            max_values=1,
            row=0,
        )
        super().__init__(select)

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Select, match: re.Match[str]) -> "GapPickSelect":
        return cls()

    async def callback(self, interaction: discord.Interaction) -> None:
        values = (interaction.data or {}).get("values") or []  # type: ignore[union-attr]
        await _cog(interaction).on_gap_pick(interaction, str(values[0]) if values else "")


class GapActionButton(discord.ui.DynamicItem[discord.ui.Button], template=r"cb:gap:(?P<action>phrasing|alias|synonym|faq|dismiss):(?P<key>[0-9a-f]{16})"):
    def __init__(self, action: str, key: str):
        label, style = GAP_ACTIONS[action]
        super().__init__(discord.ui.Button(label=label, style=style, custom_id=f"cb:gap:{action}:{key}", row=0))
        self.action = action
        self.key = key

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]) -> "GapActionButton":
        return cls(match["action"], match["key"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await _cog(interaction).on_gap_action(interaction, self.action, self.key)


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


# ---------------------------------------------------------------------------- forms


@dataclass(frozen=True)
class FormField:
    name: str  # the text input's custom_id (what the handler gets the value under)
    label: str
    default: str = ""
    placeholder: str = ""
    long: bool = False
    required: bool = True
    max_length: int = 4000


Handler = Callable[[discord.Interaction, dict[str, str]], Awaitable[None]]


class FormModal(discord.ui.Modal):
    """A modal of text inputs; on submit ``handler(interaction, {field name: value})``."""

    def __init__(self, title: str, fields: Sequence[FormField], handler: Handler, timeout: float = 900):
        super().__init__(title=render.trim(title, MODAL_TITLE_MAX), timeout=timeout)
        self._inputs: dict[str, discord.ui.TextInput] = {}
        for f in fields[:5]:
            ti: discord.ui.TextInput = discord.ui.TextInput(
                label=render.trim(f.label, INPUT_LABEL_MAX),
                custom_id=f.name,
                style=discord.TextStyle.paragraph if f.long else discord.TextStyle.short,
                default=render.trim(f.default, f.max_length) or None,
                placeholder=render.trim(f.placeholder, PLACEHOLDER_MAX) or None,
                required=f.required,
                max_length=f.max_length,
            )
            self.add_item(ti)
            self._inputs[f.name] = ti
        self._handler = handler

    async def on_submit(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        await self._handler(interaction, {name: (ti.value or "") for name, ti in self._inputs.items()})

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:  # type: ignore[override]
        await interaction.client.apologize_interaction(interaction, error, "moderator form")  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------- import confirmation


class ImportConfirmView(discord.ui.View):
    """Confirm / Cancel under an import preview; only the moderator who imported can press them."""

    def __init__(self, owner_id: int, on_confirm: Callable[[discord.Interaction], Awaitable[None]], on_cancel: Callable[[discord.Interaction], Awaitable[None]], timeout: float = 600):
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self._on_confirm = on_confirm
        self._on_cancel = on_cancel
        self.done = False

    async def interaction_check(self, interaction: discord.Interaction) -> bool:  # type: ignore[override]
        if interaction.user.id != self.owner_id:
            await interaction.response.send_message("Only the moderator who started this import can confirm it.", ephemeral=True)
            return False
        if self.done:
            await interaction.response.send_message("This import was already confirmed or cancelled.", ephemeral=True)
            return False
        return True

    @discord.ui.button(label="Confirm import", style=discord.ButtonStyle.success, custom_id="cb:import:confirm")
    async def confirm(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.done = True
        self.stop()
        await self._on_confirm(interaction)

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary, custom_id="cb:import:cancel")
    async def cancel(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.done = True
        self.stop()
        await self._on_cancel(interaction)

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item) -> None:  # type: ignore[override]
        await interaction.client.apologize_interaction(interaction, error, "import confirmation")  # type: ignore[attr-defined]


MODERATION_ITEMS = (GapPageButton, GapPickSelect, GapActionButton)

__all__ = [
    "GAP_ACTIONS",
    "MODERATION_ITEMS",
    "FormField",
    "FormModal",
    "GapActionButton",
    "GapPageButton",
    "GapPickSelect",
    "ImportConfirmView",
    "back_to_queue_view",
    "gap_action_view",
    "gap_page_view",
]
