"""Answers: free questions (DMs, mentions, ask channels, ``/ask``, ``/help``), posting every
answer (embeds and buttons), conversations, follow-ups, feedback, and one rate limit for all of it.

Each member has a conversation per place (DM, channel, thread): a follow-up within
``conversation_minutes`` is read in its context, and a reply to one of the bot's answers (or
a button under it) continues that answer's conversation (``Conversations``). Slash-command
lookups and buttons move the conversation on too, so "what's their day like?" works after
``/role``. The "what I can do" pointer of a refusal is shown once per conversation, then
behind a "What can you do?" button.

Other cogs post answers through ``respond`` (the ``AnswerPoster`` protocol); the answer
buttons call ``on_feedback`` / ``on_choice`` / ``on_follow_up`` (``views.AnswerButtons``).
"""

from __future__ import annotations

import collections
import logging
import re
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import followups, lookup, render
from bot.discord_app.bot import CareerBot
from bot.discord_app.constants import ANSWERS_COG, APOLOGY, NO_MENTIONS, NOT_ESCALATED, SLOW_DOWN
from bot.discord_app.conversations import EMPTY, Conversation, Conversations
from bot.discord_app.followups import Offer
from bot.discord_app.ratelimit import RateLimiter
from bot.discord_app.views import ANSWER_ITEMS, answer_view
from bot.engine import Engine
from bot.engine.answer import Answer, compose
from bot.engine.conversation import Context
from bot.engine.match import Match

log = logging.getLogger("bot.discord.answers")

THREAD_NAME_MAX = 100


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


def answer_message(engine: Engine, answer: Answer, answer_id: int | None, *, pointed: bool = False, escalate: bool = False) -> tuple[dict[str, Any], bool]:
    """send() kwargs for one answer (embeds, buttons, mentions off), and whether the member's
    conversation has now seen the "what I can do" pointer (``pointed``: it had before)."""
    everything = [answer, *answer.parts]
    pointing = any(a.pointer for a in everything)
    embeds = render.answer_embeds(answer, lambda rid: lookup.role_title(engine, rid), pointer=not pointed)
    view = answer_view(
        answer_id,
        answer.alternatives,
        feedback=any(a.rated for a in everything),
        follow_ups=followups.offers(answer, engine),
        see_also=followups.see_also(answer),
        help_button=pointing and pointed,
        escalate=escalate,
    )
    kwargs: dict[str, Any] = {"embeds": embeds, "allowed_mentions": NO_MENTIONS}
    if view is not None:
        kwargs["view"] = view
    return kwargs, pointed or pointing


class Answers(commands.Cog, name=ANSWERS_COG):
    def __init__(self, bot: CareerBot):
        self.bot = bot
        config = bot.config
        self.limiter = RateLimiter(config.rate_limit_questions, config.rate_limit_seconds)
        self.recent = RecentIds()
        self.conversations = Conversations(config.conversation_minutes * 60, config.conversation_limit)

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

    def escalates(self, answer: Answer) -> bool:
        """Offer "Ask a moderator": a refusal or an unsure answer, when there is somewhere to ask."""
        config = self.bot.config
        if not config.moderator_channel_id or self.bot.store is None or answer.reason in NOT_ESCALATED:
            return False
        return not answer.answered or answer.confidence < config.min_confidence

    def answer_message(self, answer: Answer, answer_id: int | None, conversation: Conversation = EMPTY) -> tuple[dict[str, Any], bool]:
        """send() kwargs for one answer, and whether the conversation has now seen the pointer."""
        return answer_message(self.bot.engine, answer, answer_id, pointed=conversation.pointed, escalate=self.escalates(answer))

    def _conversation(self, interaction: discord.Interaction) -> Conversation:
        message = interaction.message
        return self.conversations.get(interaction.user.id, interaction.channel_id or 0, message.id if message is not None else None)

    async def respond(self, interaction: discord.Interaction, answer: Answer, *, conversation: Conversation | None = None, context: Context | None = None, answer_id: int | None = None, choice: tuple[str, str] | None = None) -> bool:
        """The response to an answering command or button: rate limited (False: the member was
        told to slow down); ephemeral or public by config; the member's conversation here moves
        on (to ``context``, else to what the answer was about). ``answer_id``: the answer the
        buttons refer to instead of recording a new one (0: none); ``choice``: the "did you mean"
        pick (kind, id) that led to it, recorded against ``answer_id``."""
        verdict, wait = self.limiter.hit(interaction.user.id)
        if verdict != "ok":
            await interaction.response.send_message(slow_down(wait), ephemeral=True, allowed_mentions=NO_MENTIONS)
            return False
        conversation = conversation or self._conversation(interaction)
        if context is None:
            context = self.bot.engine.remember(conversation.context, answer)
        if answer_id is None:
            answer_id = self.record(answer, interaction.user.id, channel_label(interaction.channel))
        elif choice is not None and answer_id and self.bot.store is not None:
            self.bot.store.record_choice(answer_id, interaction.user.id, *choice)
        kwargs, pointed = self.answer_message(answer, answer_id or None, conversation)
        after = Conversation(context, pointed)
        self.conversations.put(interaction.user.id, interaction.channel_id or 0, after)
        callback = await interaction.response.send_message(ephemeral=self.bot.config.ephemeral, **kwargs)
        if not self.bot.config.ephemeral and callback.message_id is not None:
            self.conversations.answered(callback.message_id, after)
        return True

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
        await self.respond(interaction, answer, answer_id=answer_id or 0, choice=(kind, ident))

    async def on_follow_up(self, interaction: discord.Interaction, offer: Offer) -> None:
        conversation = self._conversation(interaction)
        answer = followups.answer_for(self.bot.engine, offer, conversation.context)
        if answer is None:
            await interaction.response.send_message("That is no longer in the knowledge base.", ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        await self.respond(interaction, answer, conversation=conversation)

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
            await self._answer_message(message, dm, mentioned, ask)
        except Exception:
            log.exception("answering message %s in channel %s failed", message.id, channel_label(message.channel))
            log.debug("... the message was from user %s", message.author.id)
            try:
                await message.channel.send(APOLOGY, reference=message.to_reference(fail_if_not_exists=False), mention_author=False, allowed_mentions=NO_MENTIONS)
            except Exception as e:
                log.warning("could not send the apology: %s", e)

    async def _answer_message(self, message: discord.Message, dm: bool, mentioned: bool, ask: bool) -> None:
        question = self._question(message)
        if not question and (dm or mentioned):
            question = "help"
        replied = message.reference.message_id if message.reference is not None else None
        conversation = self.conversations.get(message.author.id, message.channel.id, replied)
        answer, context = self.bot.engine.converse(question, conversation.context)
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
        thread = await self._thread_for(message, question) if ask else None
        answer_id = self.record(answer, message.author.id, channel_label(message.channel))
        kwargs, pointed = self.answer_message(answer, answer_id, conversation)
        after = Conversation(context, pointed)
        self.conversations.put(message.author.id, thread.id if thread is not None else message.channel.id, after)
        try:
            if thread is not None:
                sent = await thread.send(**kwargs)
            else:
                sent = await message.channel.send(reference=reference, mention_author=False, **kwargs)
        except discord.Forbidden as e:
            log.warning("no permission to answer in channel %s: %s", channel_label(message.channel), e.text)
            return
        self.conversations.answered(sent.id, after)

    async def _thread_for(self, message: discord.Message, question: str) -> discord.Thread | None:
        """With ``answer_in_threads``: a thread started on a question asked in an ask channel
        itself (not in a thread), for the answer and the conversation after it; None otherwise,
        or when Discord refuses (the bot then replies in the channel)."""
        if not self.bot.config.answer_in_threads or not isinstance(message.channel, discord.TextChannel):
            return None
        try:
            return await message.create_thread(name=render.trim(question, THREAD_NAME_MAX) or "Question", auto_archive_duration=1440)  # a day without messages
        except discord.HTTPException as e:
            log.warning("could not start a thread in channel %s (%s %s); answering in the channel", channel_label(message.channel), e.status, e.text)
            return None

    # ------------------------------------------------------------------ slash commands

    @app_commands.command(name="ask", description="Ask the career assistant a question in plain words")
    @app_commands.describe(question="e.g. how do I become a director of pharmacy operations?")
    async def ask(self, interaction: discord.Interaction, question: app_commands.Range[str, 1, 500]) -> None:
        conversation = self._conversation(interaction)
        answer, context = self.bot.engine.converse(question, conversation.context)
        await self.respond(interaction, answer, conversation=conversation, context=context)

    @app_commands.command(name="help", description="What the career assistant can tell you")
    async def help(self, interaction: discord.Interaction) -> None:
        answer: Answer = compose("/help", Match("help", confidence=1.0), self.bot.engine.knowledge)
        await self.respond(interaction, answer)


async def setup(bot: commands.Bot) -> None:
    assert isinstance(bot, CareerBot)
    await bot.add_cog(Answers(bot))
