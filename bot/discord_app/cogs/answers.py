"""Free questions: DMs, mentions, configured ask channels, ``/ask`` and ``/help``."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.bot import APOLOGY, NO_MENTIONS, channel_label
from bot.engine.answer import Answer, compose
from bot.engine.match import Match

if TYPE_CHECKING:  # pragma: no cover
    from bot.discord_app.bot import CareerBot

log = logging.getLogger("bot.discord.answers")


class Answers(commands.Cog):
    def __init__(self, bot: "CareerBot"):
        self.bot = bot

    # ------------------------------------------------------------------ messages

    def _where(self, message: discord.Message) -> tuple[bool, bool, bool]:
        """(dm, mentioned, ask channel)."""
        me = self.bot.user
        dm = message.guild is None
        mentioned = me is not None and me.id in message.raw_mentions
        channel = message.channel
        ids = self.bot.config.ask_channel_ids
        ask = bool(ids) and (channel.id in ids or getattr(channel, "parent_id", None) in ids)
        return dm, mentioned, ask

    def _question(self, message: discord.Message) -> str:
        me = self.bot.user
        text = message.content or ""
        if me is not None:
            text = re.sub(rf"<@!?{me.id}>", " ", text)
        return " ".join(text.split())

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None or (self.bot.user and message.author.id == self.bot.user.id):
            return
        if message.type not in (discord.MessageType.default, discord.MessageType.reply):
            return
        dm, mentioned, ask = self._where(message)
        if not (dm or mentioned or ask):
            return
        if not self.bot.recent.add(message.id):
            return  # never answer the same message twice (e.g. events replayed on resume)
        try:
            await self._answer_message(message, dm, mentioned, ask)
        except Exception:
            log.exception("answering message %s from user %s in channel %s failed", message.id, message.author.id, message.channel.id)
            try:
                await message.channel.send(
                    APOLOGY,
                    reference=message.to_reference(fail_if_not_exists=False),
                    mention_author=False,
                    allowed_mentions=NO_MENTIONS,
                )
            except Exception as e:
                log.warning("could not send the apology: %s", e)

    async def _answer_message(self, message: discord.Message, dm: bool, mentioned: bool, ask: bool) -> None:
        question = self._question(message)
        if not question and (dm or mentioned):
            question = "help"
        answer = self.bot.engine.ask(question)
        directly = dm or mentioned
        if not directly and (not answer.answered or answer.confidence < self.bot.config.min_confidence):
            log.debug("ask channel message %s not a confident question (%s %.2f): no reply", message.id, answer.intent, answer.confidence)
            return
        state, left = self.bot.cooldown.hit(message.author.id)
        if state == "quiet":
            return
        reference = message.to_reference(fail_if_not_exists=False)
        if state == "warn":
            secs = max(1, round(left))
            await message.channel.send(
                f"Slow down a little, please: try again in {secs}s.",
                reference=reference,
                mention_author=False,
                allowed_mentions=NO_MENTIONS,
            )
            return
        answer_id = self.bot.record(answer, message.author.id, channel_label(message.channel))
        kwargs = self.bot.answer_message(answer, answer_id)
        try:
            await message.channel.send(reference=reference, mention_author=False, **kwargs)
        except discord.Forbidden as e:
            log.warning("no permission to answer in channel %s: %s", message.channel.id, e.text)

    # ------------------------------------------------------------------ slash commands

    @app_commands.command(name="ask", description="Ask the career assistant a question in plain words")
    @app_commands.describe(question="e.g. how do I become a director of pharmacy operations?")
    async def ask(self, interaction: discord.Interaction, question: app_commands.Range[str, 1, 500]) -> None:
        await self.bot.respond_answer(interaction, self.bot.engine.ask(question))

    @app_commands.command(name="help", description="What the career assistant can tell you")
    async def help(self, interaction: discord.Interaction) -> None:
        answer: Answer = compose("/help", Match("help", confidence=1.0), self.bot.engine.knowledge)
        await self.bot.respond_answer(interaction, answer)


__all__ = ["Answers"]
