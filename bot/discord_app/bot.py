"""The Discord client: wiring of config, live knowledge, storage, cogs, sync and errors.

``create_bot(config, live, store)`` builds it; nothing here touches the network until
``bot.start(token)``. Command sync happens in ``setup_hook`` (never in ``on_ready``) and
only when the command set's hash changed since the last sync to that guild.
"""

from __future__ import annotations

import asyncio
import gc
import collections
import hashlib
import json
import logging
import time
from pathlib import Path
from typing import Any, Protocol

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import lookup, render
from bot.discord_app.config import Config
from bot.discord_app.views import DYNAMIC_ITEMS, answer_view
from bot.engine.answer import Answer
from bot.live import LiveKnowledge, ReloadResult

log = logging.getLogger("bot.discord")

NO_MENTIONS = discord.AllowedMentions.none()
APOLOGY = "Sorry, something went wrong on my side while answering that. Please try again in a moment."
NOT_MODERATOR = "Sorry, only moderators can use /kb commands."


class StoreLike(Protocol):  # the fixed API of bot.storage.Store
    def record_question(self, question: str, user_id: int, intent: str, confidence: float, reason: str = "", channel: str = "") -> int: ...
    def record_feedback(self, answer_id: int, user_id: int, helpful: bool) -> None: ...
    def record_choice(self, answer_id: int, user_id: int, kind: str, ident: str) -> None: ...
    def gaps(self, limit: int = 10, offset: int = 0) -> list[Any]: ...
    def stats(self) -> dict: ...
    def purge_expired(self) -> int: ...
    def checkpoint(self) -> None: ...
    def close(self) -> None: ...


CHECKPOINT_SECONDS = 60


class NotModerator(app_commands.CheckFailure):
    """A member without the moderator role / Manage Server used a /kb command."""


class Cooldown:
    """Per-user cooldown: first message in the window gets a note, the rest silence."""

    def __init__(self, seconds: float, clock=time.monotonic):
        self.seconds = seconds
        self.clock = clock
        self._until: dict[int, list] = {}  # user -> [until, noted]

    def hit(self, user_id: int) -> tuple[str, float]:
        """("ok" | "warn" | "quiet", seconds left)."""
        if self.seconds <= 0:
            return "ok", 0.0
        now = self.clock()
        state = self._until.get(user_id)
        if state and now < state[0]:
            if state[1]:
                return "quiet", state[0] - now
            state[1] = True
            return "warn", state[0] - now
        if len(self._until) > 10_000:
            self._until = {u: s for u, s in self._until.items() if s[0] > now}
        self._until[user_id] = [now + self.seconds, False]
        return "ok", 0.0


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


class CareerTree(app_commands.CommandTree):
    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        await self.client.handle_command_error(interaction, error)  # type: ignore[attr-defined]


def command_hash(tree: app_commands.CommandTree, guild: discord.abc.Snowflake | None) -> str:
    payload = [c.to_dict(tree) for c in tree.get_commands(guild=guild)]
    return hashlib.sha256(json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str).encode()).hexdigest()


def hash_path(config: Config, guild_id: int | None) -> Path | None:
    prefix = config.state_prefix
    if prefix is None:
        return None
    scope = "global" if guild_id is None else str(guild_id)
    return prefix.with_name(f"{prefix.name}.commands.{scope}.sha256")


def make_intents(config: Config) -> discord.Intents:
    intents = discord.Intents.default()  # no privileged intents
    intents.members = False
    intents.presences = False
    intents.typing = False
    intents.message_content = config.needs_message_content
    return intents


def channel_label(channel: Any) -> str:
    if isinstance(channel, (discord.DMChannel, discord.GroupChannel)) or getattr(channel, "guild", None) is None:
        return "dm"
    return str(getattr(channel, "id", ""))


class CareerBotMixin:
    """Everything the bot does beyond discord.py's client; mixed into Bot / AutoShardedBot."""

    config: Config
    live: LiveKnowledge
    store: StoreLike | None

    def _init_career(self, config: Config, live: LiveKnowledge, store: StoreLike | None, mode: str) -> None:
        self.config = config
        self.live = live
        self.store = store
        self.mode = mode  # "run" | "sync" (sync: commands only, no watcher, no guild sync)
        self.cooldown = Cooldown(config.cooldown_seconds)
        self.recent = RecentIds()
        self._watch_stop: asyncio.Event | None = None
        self._watch_task: asyncio.Task | None = None
        self._purge_task: asyncio.Task | None = None
        self.synced_guilds: list[int] = []

    @property
    def engine(self):
        return self.live.engine

    # ------------------------------------------------------------------ lifecycle

    async def setup_hook(self) -> None:
        from bot.discord_app.cogs import answers, lookups, moderation

        self.add_dynamic_items(*DYNAMIC_ITEMS)
        await self.add_cog(answers.Answers(self))
        await self.add_cog(lookups.Lookups(self))
        await self.add_cog(moderation.KnowledgeBase(self))
        if self.mode != "run":
            return
        if self.config.needs_message_content:
            log.warning("ask_channel_ids is set: the Message Content intent is requested; enable it for the application in the Discord developer portal (Bot > Privileged Gateway Intents)")
        await self.sync_guild_commands()
        if self.config.watch:
            self._watch_stop = asyncio.Event()
            self._watch_task = asyncio.create_task(self._watch(), name="career-bot-knowledge-watch")
        if self.store is not None:
            self._purge_task = asyncio.create_task(self._housekeeping(), name="career-bot-retention")
        gc.freeze()  # start-up objects (knowledge, index, discord.py state) leave the collector's scans

    async def sync_guild_commands(self, force: bool = False) -> list[int]:
        """Sync to each configured guild whose command set changed since the last sync."""
        synced = []
        for gid in self.config.guild_ids:
            guild = discord.Object(gid)
            self.tree.copy_global_to(guild=guild)
            digest = command_hash(self.tree, guild)
            path = hash_path(self.config, gid)
            if not force and path is not None and path.is_file() and path.read_text(encoding="utf-8").strip() == digest:
                log.info("commands unchanged for guild %s: not syncing", gid)
                continue
            try:
                await self.tree.sync(guild=guild)
            except discord.HTTPException as e:
                log.error("command sync to guild %s failed (%s %s); is the bot in that guild with the applications.commands scope?", gid, e.status, e.text)
                continue
            synced.append(gid)
            log.info("synced %d commands to guild %s", len(self.tree.get_commands(guild=guild)), gid)
            if path is not None:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    tmp = path.with_name(path.name + ".tmp")
                    tmp.write_text(digest + "\n", encoding="utf-8")
                    tmp.replace(path)
                except OSError as e:
                    log.warning("could not store the command hash in %s: %s", path, e)
        self.synced_guilds.extend(synced)
        return synced

    async def close(self) -> None:
        if self._watch_stop is not None:
            self._watch_stop.set()
        if self._watch_task is not None:
            self._watch_task.cancel()
            try:
                await asyncio.wait_for(asyncio.shield(self._watch_task), 2)
            except BaseException:
                pass
            self._watch_task = None
        if self._purge_task is not None:
            self._purge_task.cancel()
            self._purge_task = None
        await super().close()  # type: ignore[misc]

    async def on_ready(self) -> None:
        user = self.user  # type: ignore[attr-defined]
        log.info("connected as %s (%s) in %d guilds", user, getattr(user, "id", "?"), len(self.guilds))  # type: ignore[attr-defined]

    async def on_message(self, message: discord.Message) -> None:
        """No prefix commands: answers are handled by the Answers cog's listener."""

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        log.exception("unhandled error in event %s", event_method)

    async def _housekeeping(self) -> None:
        """Retention: forget questions older than ``retention_days``, once a day; fold the
        database's write-ahead log every minute in a thread, off the answer path."""
        elapsed = 0
        while True:
            await asyncio.sleep(CHECKPOINT_SECONDS)
            elapsed += CHECKPOINT_SECONDS
            try:
                await asyncio.to_thread(self.store.checkpoint)  # type: ignore[union-attr]
            except Exception:
                log.exception("database checkpoint failed")
            if elapsed < 24 * 3600:
                continue
            elapsed = 0
            try:
                n = await asyncio.to_thread(self.store.purge_expired)  # type: ignore[union-attr]
                if n:
                    log.info("purged %d questions older than %d days", n, self.config.retention_days)
            except Exception:
                log.exception("retention purge failed")

    # ------------------------------------------------------------------ knowledge watch

    async def _watch(self) -> None:
        try:
            await self.live.watch(self.on_reload_result, self._watch_stop)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("knowledge watcher stopped; /kb reload still works")

    async def on_reload_result(self, result: ReloadResult) -> None:
        if result.problems:
            log.warning("knowledge changed but has %d problems; the previous knowledge stays live", len(result.problems))
            await self.mod_log(embed=render.problems_embed("Knowledge change refused", result.problems))
        elif result.changed:
            kb = self.engine.knowledge
            log.info("knowledge reloaded: %d roles, %d certifications", len(kb.roles), len(kb.certifications))
            await self.mod_log(content=render.content(f"Knowledge reloaded: {len(kb.roles)} roles, {len(kb.certifications)} certifications, {len(kb.faqs)} FAQ entries."))

    async def mod_log(self, **kwargs: Any) -> bool:
        cid = self.config.mod_log_channel_id
        if not cid:
            return False
        try:
            await self.wait_until_ready()  # type: ignore[attr-defined]
            channel = self.get_channel(cid) or await self.fetch_channel(cid)  # type: ignore[attr-defined]
            await channel.send(allowed_mentions=NO_MENTIONS, **kwargs)
            return True
        except Exception as e:
            log.warning("could not post to the moderator log channel %s: %s", cid, e)
            return False

    # ------------------------------------------------------------------ answers

    def record(self, answer: Answer, user_id: int, channel: str) -> int | None:
        if self.store is None:
            return None
        try:
            return int(self.store.record_question(answer.question, user_id, answer.intent, answer.confidence, answer.reason, channel))
        except Exception:
            log.exception("could not record a question")
            return None

    def wants_choices(self, answer: Answer) -> bool:
        """Did-you-mean buttons whenever the engine offers candidates (refusals, low confidence)."""
        return bool(answer.alternatives)

    def answer_message(self, answer: Answer, answer_id: int | None) -> dict[str, Any]:
        """send() kwargs for one answer: embed + buttons, mentions off."""
        embed = render.answer_embed(answer, lookup.role_title(self.engine, answer.role))
        kwargs: dict[str, Any] = {"embed": embed, "allowed_mentions": NO_MENTIONS}
        view = answer_view(answer_id, answer.alternatives if self.wants_choices(answer) else ())
        if view is not None:
            kwargs["view"] = view
        return kwargs

    async def respond_answer(self, interaction: discord.Interaction, answer: Answer) -> None:
        """The immediate response to a slash command: ephemeral or public by config."""
        answer_id = self.record(answer, interaction.user.id, channel_label(interaction.channel))
        await interaction.response.send_message(ephemeral=self.config.ephemeral, **self.answer_message(answer, answer_id))

    async def on_feedback(self, interaction: discord.Interaction, answer_id: int, helpful: bool) -> None:
        try:
            if self.store is not None:
                self.store.record_feedback(answer_id, interaction.user.id, helpful)
            text = "Thanks! Glad it helped." if helpful else "Thanks for telling me. The moderators review answers that missed."
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        except Exception as e:
            await self.apologize_interaction(interaction, e, "feedback button")

    async def on_choice(self, interaction: discord.Interaction, answer_id: int, kind: str, ident: str) -> None:
        try:
            if self.store is not None and answer_id:
                try:
                    self.store.record_choice(answer_id, interaction.user.id, kind, ident)
                except Exception:
                    log.exception("could not record a did-you-mean choice")
            answer = lookup.choice_answer(self.engine, kind, ident)
            if answer is None:
                await interaction.response.send_message("That is no longer in the knowledge base.", ephemeral=True, allowed_mentions=NO_MENTIONS)
                return
            kwargs = self.answer_message(answer, answer_id or None)
            await interaction.response.send_message(ephemeral=self.config.ephemeral, **kwargs)
        except Exception as e:
            await self.apologize_interaction(interaction, e, "did-you-mean button")

    # ------------------------------------------------------------------ errors

    async def apologize_interaction(self, interaction: discord.Interaction, error: BaseException, what: str, text: str = APOLOGY) -> None:
        if text is APOLOGY:
            log.error("%s failed for user %s in channel %s", what, getattr(interaction.user, "id", "?"), getattr(interaction, "channel_id", "?"), exc_info=error)
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
            else:
                await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        except Exception as e:  # the interaction may have expired
            log.warning("could not send the apology for %s: %s", what, e)

    async def handle_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        name = interaction.command.qualified_name if interaction.command else "?"
        if isinstance(error, NotModerator):
            await self.apologize_interaction(interaction, error, f"/{name}", NOT_MODERATOR)
        elif isinstance(error, app_commands.CheckFailure):
            await self.apologize_interaction(interaction, error, f"/{name}", "Sorry, you can't use that command here.")
        else:
            original = getattr(error, "original", error)
            await self.apologize_interaction(interaction, original, f"/{name}")

    def is_moderator(self, interaction: discord.Interaction) -> bool:
        member = interaction.user
        if not isinstance(member, discord.Member):
            return False
        rid = self.config.moderator_role_id
        if rid:
            return any(r.id == rid for r in member.roles) or rid in getattr(member, "_roles", ())
        perms = interaction.permissions
        return perms.manage_guild or perms.administrator


class CareerBot(CareerBotMixin, commands.Bot):
    pass


class ShardedCareerBot(CareerBotMixin, commands.AutoShardedBot):
    pass


def create_bot(config: Config, live: LiveKnowledge, store: StoreLike | None, *, mode: str = "run", **client_options: Any) -> CareerBot:
    """The bot for ``config``; ``client_options`` go to discord.py (e.g. guild_ready_timeout)."""
    options: dict[str, Any] = dict(
        command_prefix=commands.when_mentioned,
        help_command=None,
        intents=make_intents(config),
        allowed_mentions=NO_MENTIONS,
        tree_cls=CareerTree,
        chunk_guilds_at_startup=False,
    )
    cls: type = CareerBot
    if config.shard_count:
        cls = ShardedCareerBot
        options["shard_count"] = config.shard_count
        if config.shard_ids:
            options["shard_ids"] = list(config.shard_ids)
    options.update(client_options)
    bot = cls(**options)
    bot._init_career(config, live, store, mode)
    return bot
