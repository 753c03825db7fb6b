"""Entity lookups: /certifications, /certification, /role, /pathway (with autocomplete).

Answers are posted by the Answers cog (``AnswerPoster``): one rate limit, one look.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import lookup
from bot.discord_app.bot import CareerBot
from bot.discord_app.constants import ANSWERS_COG
from bot.engine.answer import Answer


@runtime_checkable
class AnswerPoster(Protocol):
    async def respond(self, interaction: discord.Interaction, answer: Answer) -> bool: ...

SECTION_CHOICES = [
    app_commands.Choice(name="Overview", value="overview"),
    app_commands.Choice(name="Core responsibilities", value="responsibilities"),
    app_commands.Choice(name="A day in the life", value="day_in_the_life"),
]


def _choices(pairs: list[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=label, value=value[:100]) for label, value in pairs[: lookup.MAX_CHOICES]]


class Lookups(commands.Cog):
    def __init__(self, bot: CareerBot):
        self.bot = bot

    async def _respond(self, interaction: discord.Interaction, answer: Answer) -> None:
        poster = self.bot.get_cog(ANSWERS_COG)
        if not isinstance(poster, AnswerPoster):
            raise RuntimeError("the Answers cog is not loaded")
        await poster.respond(interaction, answer)

    async def cert_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(lookup.certification_choices(self.bot.engine, current))

    async def role_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(lookup.role_choices(self.bot.engine, current))

    async def have_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        """Complete the last comma-separated code: "CPOM, cm" -> "CPOM, CMSO"."""
        head, _, last = (current or "").rpartition(",")
        prefix = (head.strip() + ", ") if head.strip() else ""
        taken = {p.strip().upper() for p in head.split(",")}
        out = []
        for label, code in lookup.certification_choices(self.bot.engine, last):
            value = prefix + code
            if code in taken or len(value) > 100:
                continue
            out.append((lookup._label(prefix + label), value))
        return _choices(out)

    @app_commands.command(name="certifications", description="List the certifications, or those on one role's pathway")
    @app_commands.describe(role="Only the certifications on this role's pathway")
    async def certifications(self, interaction: discord.Interaction, role: str | None = None) -> None:
        await self._respond(interaction, lookup.list_answer(self.bot.engine, role))

    @app_commands.command(name="certification", description="What a certification is and which roles' pathways include it")
    @app_commands.describe(code="Certification code or name, e.g. CPOM")
    async def certification(self, interaction: discord.Interaction, code: str) -> None:
        await self._respond(interaction, lookup.certification_answer(self.bot.engine, code))

    @app_commands.command(name="role", description="A career spotlight: overview, responsibilities or a day in the life")
    @app_commands.describe(name="The role", section="Which part of the spotlight")
    @app_commands.choices(section=SECTION_CHOICES)
    async def role(self, interaction: discord.Interaction, name: str, section: app_commands.Choice[str] | None = None) -> None:
        await self._respond(interaction, lookup.role_answer(self.bot.engine, name, section.value if section else None))

    @app_commands.command(name="pathway", description="The suggested certification pathway for a role, tailored to you")
    @app_commands.describe(role="The role you aim for", focus="What you care about, e.g. safety or supply chain", have="Certifications you already hold, comma separated")
    async def pathway(self, interaction: discord.Interaction, role: str, focus: app_commands.Range[str, 0, 300] | None = None, have: app_commands.Range[str, 0, 300] | None = None) -> None:
        await self._respond(interaction, lookup.pathway_answer(self.bot.engine, role, focus, have))

    certifications.autocomplete("role")(role_autocomplete)
    certification.autocomplete("code")(cert_autocomplete)
    role.autocomplete("name")(role_autocomplete)
    pathway.autocomplete("role")(role_autocomplete)
    pathway.autocomplete("have")(have_autocomplete)


async def setup(bot: commands.Bot) -> None:
    assert isinstance(bot, CareerBot)
    await bot.add_cog(Lookups(bot))
