"""Answers: free questions (DMs, mentions, ask channels, ``/ask``, ``/help``), posting every
answer (embed, "did you mean" and 👍/👎 buttons), feedback, and one rate limit for all of it.

Other cogs post answers through ``respond`` (the ``AnswerPoster`` protocol); the answer
buttons call ``on_feedback`` / ``on_choice`` (``views.AnswerButtons``).
"""

from __future__ import annotations

import collections
import logging
import re
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import lookup, render
from bot.discord_app.bot import CareerBot
from bot.discord_app.constants import ANSWERS_COG, APOLOGY, NO_MENTIONS, SLOW_DOWN
from bot.discord_app.ratelimit import RateLimiter
from bot.discord_app.views import ANSWER_ITEMS, answer_view
from bot.engine.answer import Answer, compose
from bot.engine.match import Match

log = logging.getLogger("bot.discord.answers")


class RecentIds:
    """Message ids already handled (a resumed gateway may replay events): bounded FIFO set."""

    def __init__(self, size: int = 5000):
        self._ids: collections.OrderedDict[int, None] = collections.OrderedDict()
        self.size = size

    def add(self, ident: int) -> bool:
        """True when new."""
        if ident in self._ids:
            return False
        self._ids[ident] = None
        while len(self._ids) > self.size:
            self._ids.popitem(last=False)
        return True


def channel_label(channel: Any) -> str:
    """How a question's channel is recorded: "dm", else the channel id."""
    if isinstance(channel, (discord.DMChannel, discord.GroupChannel)) or getattr(channel, "guild", None) is None:
        return "dm"
    return str(getattr(channel, "id", ""))


def slow_down(seconds: float) -> str:
    return SLOW_DOWN.format(seconds=max(1, round(seconds)))


class Answers(commands.Cog, name=ANSWERS_COG):
    def __init__(self, bot: CareerBot):
        self.bot = bot
        self.limiter = RateLimiter(bot.config.rate_limit_questions, bot.config.rate_limit_seconds)
        self.recent = RecentIds()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*ANSWER_ITEMS)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*ANSWER_ITEMS)

    # ------------------------------------------------------------------ posting answers

    def record(self, answer: Answer, user_id: int, channel: str) -> int | None:
        """The answer's id for its buttons (recorded in the background), or None without a database."""
        if self.bot.store is None:
            return None
        try:
            return self.bot.store.record_question(answer.question, user_id, answer.intent, answer.confidence, answer.reason, channel)
        except Exception:
            log.exception("could not record a question")
            return None

    def answer_message(self, answer: Answer, answer_id: int | None) -> dict[str, Any]:
        """send() kwargs for one answer: embed + buttons (did-you-mean whenever the engine offers
        candidates: refusals, low confidence), mentions off."""
        embed = render.answer_embed(answer, lookup.role_title(self.bot.engine, answer.role))
        kwargs: dict[str, Any] = {"embed": embed, "allowed_mentions": NO_MENTIONS}
        view = answer_view(answer_id, answer.alternatives)
        if view is not None:
            kwargs["view"] = view
        return kwargs

    async def respond(self, interaction: discord.Interaction, answer: Answer) -> None:
        """The response to an answering command or button: rate limited; ephemeral or public by config."""
        verdict, wait = self.limiter.hit(interaction.user.id)
        if verdict != "ok":
            await interaction.response.send_message(slow_down(wait), ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        answer_id = self.record(answer, interaction.user.id, channel_label(interaction.channel))
        await interaction.response.send_message(ephemeral=self.bot.config.ephemeral, **self.answer_message(answer, answer_id))

    async def on_feedback(self, interaction: discord.Interaction, answer_id: int, helpful: bool) -> None:
        if self.bot.store is not None:
            self.bot.store.record_feedback(answer_id, interaction.user.id, helpful)
        text = "Thanks! Glad it helped." if helpful else "Thanks for telling me. The moderators review answers that missed."
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)

    async def on_choice(self, interaction: discord.Interaction, answer_id: int, kind: str, ident: str) -> None:
        answer = lookup.choice_answer(self.bot.engine, kind, ident)
        if answer is None:
            await interaction.response.send_message("That is no longer in the knowledge base.", ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        verdict, wait = self.limiter.hit(interaction.user.id)
        if verdict != "ok":
            await interaction.response.send_message(slow_down(wait), ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        if self.bot.store is not None and answer_id:
            self.bot.store.record_choice(answer_id, interaction.user.id, kind, ident)
        await interaction.response.send_message(ephemeral=self.bot.config.ephemeral, **self.answer_message(answer, answer_id or None))

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
        if not self.recent.add(message.id):
            return  # never answer the same message twice (e.g. events replayed on resume)
        try:
            await self._answer_message(message, dm, mentioned)
        except Exception:
            log.exception("answering message %s in channel %s failed", message.id, channel_label(message.channel))
            log.debug("... the message was from user %s", message.author.id)
            try:
                await message.channel.send(APOLOGY, reference=message.to_reference(fail_if_not_exists=False), mention_author=False, allowed_mentions=NO_MENTIONS)
            except Exception as e:
                log.warning("could not send the apology: %s", e)

    async def _answer_message(self, message: discord.Message, dm: bool, mentioned: bool) -> None:
        question = self._question(message)
        if not question and (dm or mentioned):
            question = "help"
        answer = self.bot.engine.ask(question)
        if not (dm or mentioned) and (not answer.answered or answer.confidence < self.bot.config.min_confidence):
            log.debug("ask channel message %s not a confident question (%s %.2f): no reply", message.id, answer.intent, answer.confidence)
            return
        verdict, wait = self.limiter.hit(message.author.id)
        if verdict == "quiet":
            return
        reference = message.to_reference(fail_if_not_exists=False)
        if verdict == "warn":
            await message.channel.send(slow_down(wait), reference=reference, mention_author=False, allowed_mentions=NO_MENTIONS)
            return
        answer_id = self.record(answer, message.author.id, channel_label(message.channel))
        try:
            await message.channel.send(reference=reference, mention_author=False, **self.answer_message(answer, answer_id))
        except discord.Forbidden as e:
            log.warning("no permission to answer in channel %s: %s", channel_label(message.channel), e.text)

    # ------------------------------------------------------------------ slash commands

    @app_commands.command(name="ask", description="Ask the career assistant a question in plain words")
    @app_commands.describe(question="e.g. how do I become a director of pharmacy operations?")
    async def ask(self, interaction: discord.Interaction, question: app_commands.Range[str, 1, 500]) -> None:
        await self.respond(interaction, self.bot.engine.ask(question))

    @app_commands.command(name="help", description="What the career assistant can tell you")
    async def help(self, interaction: discord.Interaction) -> None:
        answer: Answer = compose("/help", Match("help", confidence=1.0), self.bot.engine.knowledge)
        await self.respond(interaction, answer)


async def setup(bot: commands.Bot) -> None:
    assert isinstance(bot, CareerBot)
    await bot.add_cog(Answers(bot))
