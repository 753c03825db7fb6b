"""Moderator forms (modals) and the register of forms still open.

A form's state (what to do on submit) lives in memory, so a form submitted after a restart
or after it expired has no handler; discord.py then drops it silently. ``LiveForms`` remembers
the ids of the forms this process showed until they expire, so the error handler can answer
any other form submission with "this form is no longer active".
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Awaitable, Callable, Sequence

import discord

from bot.discord_app import render
from bot.discord_app.checks import component_allowed
from bot.discord_app.constants import ERROR_EVENT

MODAL_TITLE_MAX = 45
INPUT_LABEL_MAX = 45
PLACEHOLDER_MAX = 100
FORM_TIMEOUT = 900.0  # seconds a form stays open (Discord's own limit for a modal is 15 minutes)


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


class LiveForms:
    """custom_id -> when the form expires, for the forms this process showed."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._until: dict[str, float] = {}

    def add(self, custom_id: str, timeout: float) -> None:
        now = self._clock()
        self._until = {k: t for k, t in self._until.items() if t > now}
        self._until[custom_id] = now + timeout

    def discard(self, custom_id: str) -> None:
        self._until.pop(custom_id, None)

    def __contains__(self, custom_id: object) -> bool:
        return isinstance(custom_id, str) and self._until.get(custom_id, 0.0) > self._clock()


class FormModal(discord.ui.Modal):
    """A moderator form of text inputs; on submit ``handler(interaction, {field name: value})``.

    Checked like every /kb tool (``component_allowed``); errors go to the error handler.
    """

    def __init__(self, title: str, fields: Sequence[FormField], handler: Handler, live: LiveForms, timeout: float = FORM_TIMEOUT):
        super().__init__(title=render.trim(title, MODAL_TITLE_MAX), timeout=timeout)
        self._inputs: dict[str, discord.ui.TextInput[FormModal]] = {}
        for f in fields[:5]:
            ti: discord.ui.TextInput[FormModal] = discord.ui.TextInput(
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
        self._live = live
        live.add(self.custom_id, timeout)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return await component_allowed(interaction)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await self._handler(interaction, {name: (ti.value or "") for name, ti in self._inputs.items()})

    async def on_timeout(self) -> None:
        self._live.discard(self.custom_id)

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:  # type: ignore[override]
        interaction.client.dispatch(ERROR_EVENT, interaction, error, f"form '{self.title}'")
