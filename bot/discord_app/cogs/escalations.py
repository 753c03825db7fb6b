"""Ask a moderator: a member passes a question the bot could not answer well to the moderators,
a moderator answers it, the bot delivers the answer.

1. The member presses "Ask a moderator" under a refusal or an unsure answer (only shown with
   ``moderator_channel_id``). Only the member who asked may (others are told so), at most
   ``ESCALATIONS_PER_HOUR`` times an hour. The question, the bot's attempt and where to
   deliver the answer are stored (SQLite, so a restart loses nothing); a post with a jump
   link goes to the moderator channel, pinging only ``helper_role_id`` if set. The member is
   told privately, with a Withdraw button.
2. A moderator presses Answer on the post (the /kb moderator check), types the answer in a
   form; the escalation is claimed (one answer only), the bot replies in the original place
   (or in a DM when the question was asked privately), edits the post and offers "Save as
   FAQ" (handled by the /kb cog). If the answer cannot be delivered, the question stays open.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord
from discord.ext import commands

from bot.discord_app import render
from bot.discord_app.bot import CareerBot, StoreLike
from bot.discord_app.cogs.kb.base import moderator_name
from bot.discord_app.constants import ESCALATIONS_COG, NO_MENTIONS
from bot.discord_app.escalation_views import ESCALATION_ITEMS, AnswerEscalationButton, SaveFaqButton, WithdrawButton, one_button
from bot.discord_app.forms import FormField, FormModal
from bot.discord_app.ratelimit import RateLimiter
from bot.storage import Escalation

log = logging.getLogger("bot.discord.escalations")

ESCALATIONS_PER_HOUR = 3
ATTEMPT_MAX = 1500
ANSWER_MAX = 1800
FORM_READ_TIMEOUT = 2.0  # seconds: a form must be Discord's first response, within 3 s
REPLY_MENTIONS = discord.AllowedMentions(everyone=False, users=False, roles=False, replied_user=True)  # only the member, by the reply


def jump_url(guild_id: int | None, channel_id: int, message_id: int | None) -> str:
    return f"https://discord.com/channels/{guild_id}/{channel_id}/{message_id}" if guild_id and message_id else ""


def attempt_of(message: discord.Message | None) -> str:
    """What the bot answered, as the member saw it (the first embed's title and text)."""
    if message is None or not message.embeds:
        return ""
    embed = message.embeds[0]
    return render.trim("\n".join(t for t in (embed.title, embed.description) if t), ATTEMPT_MAX)


def post_embed(esc: Escalation, where: str) -> discord.Embed:
    """The moderators' post: the question, the bot's attempt, where it was asked, and its state."""
    colour = {"open": render.COLOUR_ANSWER, "answered": render.COLOUR_OK}.get(esc.status, render.COLOUR_REFUSAL)
    title = {"open": "A member asks the moderators", "answered": "Answered", "withdrawn": "Withdrawn by the member"}.get(esc.status, "Question")
    b = render.EmbedBuilder(title, "", colour, footer="Press Answer: the bot delivers your answer to the member." if esc.status == "open" else "")
    b.add("Question", esc.question)
    b.add("The bot answered", esc.attempt or "(nothing)")
    b.add("Asked", where)
    if esc.status == "answered" and esc.answer:
        b.add(f"Answer by {esc.answered_by or 'a moderator'}", esc.answer)
    return b.build()


def where_text(esc: Escalation) -> str:
    link = jump_url(esc.guild_id, esc.channel_id, esc.message_id)
    if link:
        return f"[in the server]({link})"
    return "in a DM with the bot" if esc.message_id else "privately (the answer goes to the member's DMs)"


class Escalations(commands.Cog, name=ESCALATIONS_COG):
    def __init__(self, bot: CareerBot):
        self.bot = bot
        self.limiter = RateLimiter(ESCALATIONS_PER_HOUR, 3600.0)

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*ESCALATION_ITEMS)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*ESCALATION_ITEMS)

    async def _tell(self, interaction: discord.Interaction, text: str, **kwargs: Any) -> None:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS, **kwargs)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS, **kwargs)

    def _store(self) -> StoreLike | None:
        return self.bot.store if self.bot.config.moderator_channel_id else None

    # ------------------------------------------------------------------ the member

    async def escalate(self, interaction: discord.Interaction, answer_id: int) -> None:
        store = self._store()
        if store is None:
            await self._tell(interaction, "Questions can't be passed on to the moderators here.")
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        question = await asyncio.to_thread(store.asked, answer_id, interaction.user.id)
        if question is None:
            await self._tell(interaction, "Only the member who asked this question can pass it on to the moderators. Ask your own question, and the button appears under my answer if I can't help.")
            return
        verdict, wait = self.limiter.hit(interaction.user.id)
        if verdict != "ok":
            await self._tell(interaction, f"You have passed on {ESCALATIONS_PER_HOUR} questions in the last hour; please wait about {max(1, round(wait / 60))} minutes.")
            return
        guild_id, channel_id, message_id = await self._delivery(interaction)
        esc, created = await asyncio.to_thread(store.escalate, answer_id, interaction.user.id, question, attempt_of(interaction.message), guild_id, channel_id, message_id)
        if not created and (esc.status != "open" or esc.post_id):
            text = {"open": "You already passed this question on; a moderator will answer it.", "answered": "A moderator already answered this question."}.get(esc.status, "You withdrew this question.")
            await self._tell(interaction, text, **({"view": one_button(WithdrawButton(esc.id))} if esc.status == "open" else {}))
            return
        if not await self._post(store, esc):  # kept open without a post: pressing again posts it
            await self._tell(interaction, "Sorry, I couldn't reach the moderators just now. Please press the button again later.")
            return
        log.info("question passed on to the moderators (escalation %s)", esc.id)
        place = "here, as a reply to your question" if message_id else "in a DM"
        await self._tell(interaction, f"Passed on to the moderators. When one of them answers, I'll post it {place}.", view=one_button(WithdrawButton(esc.id)))

    async def _delivery(self, interaction: discord.Interaction) -> tuple[int | None, int, int | None]:
        """(guild, channel, message to reply to) for the answer: the member's question, or a DM
        for a private answer (which no one else can see, so neither may the moderator's)."""
        answer = interaction.message
        if answer is None or answer.flags.ephemeral:
            dm = await interaction.user.create_dm()
            return None, dm.id, None
        reply_to = answer.reference.message_id if answer.reference is not None and answer.reference.message_id else answer.id
        return interaction.guild_id, answer.channel.id, reply_to

    async def _post(self, store: StoreLike, esc: Escalation) -> bool:
        """The post in the moderator channel (pinging ``helper_role_id`` only); False if it failed."""
        cid = self.bot.config.moderator_channel_id
        assert cid is not None
        helper = self.bot.config.helper_role_id
        try:
            channel = self.bot.get_channel(cid) or await self.bot.fetch_channel(cid)
            if not isinstance(channel, discord.abc.Messageable):
                raise TypeError(f"channel {cid} is not a text channel")
            post = await channel.send(
                content=f"<@&{helper}>" if helper else None,
                embed=post_embed(esc, where_text(esc)),
                view=one_button(AnswerEscalationButton(esc.id)),
                allowed_mentions=discord.AllowedMentions(everyone=False, users=False, roles=[discord.Object(helper)]) if helper else NO_MENTIONS,
            )
        except (discord.HTTPException, TypeError) as e:
            log.warning("could not post to the moderator channel %s: %s", cid, e)
            return False
        await asyncio.to_thread(store.escalation_posted, esc.id, post.channel.id, post.id)
        return True

    async def withdraw(self, interaction: discord.Interaction, escalation_id: int) -> None:
        store = self._store()
        if store is None:
            await self._tell(interaction, "Questions can't be passed on to the moderators here.")
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        outcome, esc = await asyncio.to_thread(store.withdraw_escalation, escalation_id, interaction.user.id)
        if outcome == "not_yours":
            await self._tell(interaction, "Only the member who asked can withdraw this question.")
        elif outcome == "closed" and esc is not None:
            await self._tell(interaction, "A moderator already answered it." if esc.status == "answered" else "You already withdrew it.")
        elif esc is None:
            await self._tell(interaction, "That question is no longer kept.")
        else:
            log.info("escalation %s withdrawn", escalation_id)
            await self._update_post(esc, None)
            await self._tell(interaction, "Withdrawn: the moderators won't answer it.")

    # ------------------------------------------------------------------ the moderators

    async def answer_form(self, interaction: discord.Interaction, escalation_id: int) -> None:
        store = self._store()
        if store is None:
            await self._tell(interaction, "No moderator channel is configured.")
            return
        try:  # the form must be the first response: give the read 2 of Discord's 3 s
            esc = await asyncio.wait_for(asyncio.to_thread(store.escalation, escalation_id), FORM_READ_TIMEOUT)
        except asyncio.TimeoutError:
            await self._tell(interaction, "The database is busy right now; please press Answer again in a moment.")
            return
        if esc is None or esc.status != "open":
            closed = "withdrawn by the member" if esc and esc.status == "withdrawn" else f"already answered by {esc.answered_by}" if esc else "no longer kept"
            await self._tell(interaction, f"This question was {closed}.")
            return

        async def submitted(inter: discord.Interaction, values: dict[str, str]) -> None:
            await self._answer(inter, escalation_id, values.get("answer", "").strip())

        fields = [FormField("answer", "Your answer to the member", long=True, max_length=ANSWER_MAX, placeholder=render.trim(esc.question, 100))]
        await interaction.response.send_modal(FormModal("Answer the member", fields, submitted, self.bot.forms))

    async def _answer(self, interaction: discord.Interaction, escalation_id: int, text: str) -> None:
        store = self._store()
        assert store is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        moderator = moderator_name(interaction.user)
        outcome, esc = await asyncio.to_thread(store.answer_escalation, escalation_id, text, moderator)
        if outcome != "done" or esc is None:
            closed = "withdrawn by the member" if esc and esc.status == "withdrawn" else f"already answered by {esc.answered_by}" if esc else "no longer kept"
            await self._tell(interaction, f"Not sent: this question was {closed}.")
            return
        try:
            await self._deliver(esc, text)
        except discord.HTTPException as e:
            log.warning("could not deliver the answer to escalation %s: %s %s", escalation_id, e.status, e.text)
            await asyncio.to_thread(store.reopen_escalation, escalation_id)
            await self._tell(interaction, "I couldn't deliver your answer (the member may have closed their DMs, or the message is gone). The question stays open.")
            return
        log.info("escalation %s answered", escalation_id)
        await self._update_post(esc, SaveFaqButton(esc.id))
        await self.bot.mod_log(content=render.content(f"🙋 {moderator} answered a question passed on by a member: “{render.trim(esc.question, 200)}”"))
        await self._tell(interaction, "Delivered to the member. Save it as an FAQ entry so I can answer it myself next time?", view=one_button(SaveFaqButton(esc.id)))

    async def _deliver(self, esc: Escalation, text: str) -> None:
        """The answer as a reply in the original place, or a new message in the member's DMs."""
        channel = self.bot.get_partial_messageable(esc.channel_id, guild_id=esc.guild_id)
        embed = render.EmbedBuilder("A moderator answered your question", text, render.COLOUR_OK).build()
        embed.add_field(name="You asked", value=render.trim(esc.question, render.FIELD_VALUE_MAX))
        reference = discord.MessageReference(message_id=esc.message_id, channel_id=esc.channel_id, guild_id=esc.guild_id, fail_if_not_exists=False) if esc.message_id else None
        if reference is not None:
            await channel.send(embed=embed, reference=reference, allowed_mentions=REPLY_MENTIONS)
        else:
            await channel.send(embed=embed, allowed_mentions=NO_MENTIONS)

    async def _update_post(self, esc: Escalation, button: discord.ui.DynamicItem[Any] | None) -> None:
        """Show on the moderators' post what became of the question."""
        if not esc.post_channel_id or not esc.post_id:
            return
        try:
            post = self.bot.get_partial_messageable(esc.post_channel_id).get_partial_message(esc.post_id)
            await post.edit(embed=post_embed(esc, where_text(esc)), view=one_button(button) if button is not None else None, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as e:
            log.warning("could not update the moderators' post of escalation %s: %s", esc.id, e)


async def setup(bot: commands.Bot) -> None:
    assert isinstance(bot, CareerBot)
    await bot.add_cog(Escalations(bot))
