"""The Discord client: config, live knowledge and storage wired to discord.py; cogs do the rest.

``create_bot(config, live, store)`` builds it; nothing here touches the network until
``bot.start(token)``. ``setup_hook`` loads the cogs by dotted name (``constants.EXTENSIONS``),
syncs commands (never in ``on_ready``, and only when the command set's hash changed since the
last sync to that guild), starts the knowledge watcher and the database housekeeping, and
reports once to the moderator log when the bot started on the last good knowledge.
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import json
import logging
import re
from pathlib import Path
from typing import Any, Protocol

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import render
from bot.discord_app.config import Config
from bot.discord_app.constants import EXTENSIONS, NO_MENTIONS
from bot.discord_app.forms import LiveForms
from bot.engine import Engine
from bot.live import LiveKnowledge, ReloadResult
from bot.storage import Change, Escalation, GapGroup
from bot.wording import count

log = logging.getLogger("bot.discord")

CHECKPOINT_SECONDS = 60


class StoreLike(Protocol):
    """What the Discord layer uses of ``bot.storage.Store``."""

    def record_question(self, question: str, user_id: int | None, intent: str, confidence: float, reason: str = "", channel: str = "") -> int: ...
    def record_feedback(self, answer_id: int, user_id: int, helpful: bool) -> None: ...
    def record_choice(self, answer_id: int, user_id: int, kind: str, ident: str) -> None: ...
    def gaps(self, limit: int = 10, offset: int = 0) -> list[GapGroup]: ...
    def gap(self, key: str) -> GapGroup | None: ...
    def gap_count(self) -> int: ...
    def resolve_gap(self, group_key: str, action: str, moderator: str) -> bool: ...
    def stats(self) -> dict[str, Any]: ...
    def history(self, file: str | None = None, limit: int = 20) -> list[Change]: ...
    def asked(self, answer_id: int, user_id: int) -> str | None: ...
    def escalate(self, answer_id: int, user_id: int, question: str, attempt: str, guild_id: int | None, channel_id: int, message_id: int | None) -> tuple[Escalation, bool]: ...
    def escalation(self, escalation_id: int) -> Escalation | None: ...
    def escalation_posted(self, escalation_id: int, channel_id: int, message_id: int) -> None: ...
    def withdraw_escalation(self, escalation_id: int, user_id: int) -> tuple[str, Escalation | None]: ...
    def answer_escalation(self, escalation_id: int, answer: str, moderator: str) -> tuple[str, Escalation | None]: ...
    def reopen_escalation(self, escalation_id: int) -> None: ...
    def escalation_saved(self, escalation_id: int, faq_id: str) -> None: ...
    def purge_expired(self) -> int: ...
    def checkpoint(self) -> None: ...
    def close(self) -> None: ...


def command_hash(tree: app_commands.CommandTree[Any], guild: discord.abc.Snowflake | None) -> str:
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


async def reload_knowledge(live: LiveKnowledge, force: bool) -> ReloadResult:
    """``live.reload`` beside the event loop; a forced reload (a moderator's /kb reload) also
    applies held removals."""
    return await live.reload_in_background(force=force)


class CareerBot(commands.Bot):
    """discord.py's Bot plus the bot's state; answers and moderation live in the cogs."""

    def __init__(self, config: Config, live: LiveKnowledge, store: StoreLike | None, *, mode: str = "run", **options: Any):
        super().__init__(**options)
        self.config = config
        self.live = live
        self.store = store
        self.mode = mode  # "run" | "sync" (sync: commands only, no watcher, no guild sync)
        self.forms = LiveForms()
        self.synced_guilds: list[int] = []
        self._item_templates: dict[type, re.Pattern[str]] = {}
        self._watch_stop: asyncio.Event | None = None
        self._tasks: list[asyncio.Task[None]] = []

    @property
    def engine(self) -> Engine:
        return self.live.engine

    # ------------------------------------------------------------------ components

    def add_dynamic_items(self, *items: type[discord.ui.DynamicItem[Any]]) -> None:
        super().add_dynamic_items(*items)
        for item in items:
            self._item_templates[item] = item.__discord_ui_compiled_template__

    def remove_dynamic_items(self, *items: type[discord.ui.DynamicItem[Any]]) -> None:
        super().remove_dynamic_items(*items)
        for item in items:
            self._item_templates.pop(item, None)

    def handles_component(self, custom_id: str) -> bool:
        """Does a loaded button or menu answer this ``custom_id``? (Else it is stale or forged.)"""
        return any(t.fullmatch(custom_id) for t in self._item_templates.values())

    # ------------------------------------------------------------------ lifecycle

    async def setup_hook(self) -> None:
        for name in EXTENSIONS:
            await self.load_extension(name)
        if self.mode != "run":
            return
        if self.config.needs_message_content:
            log.warning("ask_channel_ids is set: the Message Content intent is requested; enable it for the application in the Discord developer portal (Bot > Privileged Gateway Intents)")
        await self.sync_guild_commands()
        if self.config.watch:
            self._watch_stop = asyncio.Event()
            self._start(self._watch(), "career-bot-knowledge-watch")
        if self.store is not None:
            self._start(self._housekeeping(), "career-bot-housekeeping")
        problems = getattr(self.live, "startup_problems", ())
        if problems:
            self._start(self._report_startup(tuple(problems)), "career-bot-startup-report")
        gc.freeze()  # start-up objects (knowledge, index, discord.py state) leave the collector's scans

    def _start(self, coro: Any, name: str) -> None:
        self._tasks.append(asyncio.create_task(coro, name=name))

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
        for task in self._tasks:
            task.cancel()
        if self._tasks:
            done, pending = await asyncio.wait(self._tasks, timeout=2)
            if pending:
                log.warning("%d background tasks did not stop within 2 s", len(pending))
            self._tasks.clear()
        await super().close()

    async def on_ready(self) -> None:
        log.info("connected as %s in %d guilds", self.user, len(self.guilds))

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: answers are handled by the Answers cog's listener."""

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        log.exception("unhandled error in event %s", event_method)

    async def _housekeeping(self) -> None:
        """Retention: forget questions older than ``retention_days``, once a day; fold the
        database's write-ahead log every minute in a thread, off the answer path."""
        store = self.store
        assert store is not None
        elapsed = 0
        while True:
            await asyncio.sleep(CHECKPOINT_SECONDS)
            elapsed += CHECKPOINT_SECONDS
            try:
                await asyncio.to_thread(store.checkpoint)
            except Exception:
                log.exception("database checkpoint failed")
            if elapsed < 24 * 3600:
                continue
            elapsed = 0
            try:
                n = await asyncio.to_thread(store.purge_expired)
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
            await self.mod_log(content="⚠️ The knowledge watcher stopped (see the bot's log); edits go live with /kb reload until the bot restarts.")

    async def on_reload_result(self, result: ReloadResult) -> None:
        removed = result.removed
        if result.held:
            log.warning("knowledge change held: it would remove %d entries", len(removed))
            shown = ", ".join(f"`{r}`" for r in removed[:20]) + (f" and {len(removed) - 20} more" if len(removed) > 20 else "")
            await self.mod_log(content=render.content(f"⚠️ A knowledge change would remove {len(removed)} entries ({shown}); the previous knowledge stays live. Run /kb reload to confirm the removal."))
        elif result.problems:
            log.warning("knowledge changed but has %d problems; the previous knowledge stays live", len(result.problems))
            await self.mod_log(embed=render.problems_embed("Knowledge change refused", result.problems))
        elif result.changed:
            kb = self.engine.knowledge
            log.info("knowledge reloaded: %d roles, %d certifications", len(kb.roles), len(kb.certifications))
            await self.mod_log(content=render.content(f"Knowledge reloaded: {count(len(kb.roles), 'role')}, {count(len(kb.certifications), 'certification')}, {count(len(kb.faqs), 'FAQ entry', 'FAQ entries')}."))

    async def _report_startup(self, problems: tuple[Any, ...]) -> None:
        log.warning("the knowledge folder has %d problems; answering from the last good knowledge", len(problems))
        await self.mod_log(embed=render.problems_embed("Started on the last good knowledge: the knowledge folder has problems", problems))

    async def mod_log(self, **kwargs: Any) -> bool:
        cid = self.config.mod_log_channel_id
        if not cid:
            return False
        try:
            await self.wait_until_ready()
            channel = self.get_channel(cid) or await self.fetch_channel(cid)
            if not isinstance(channel, discord.abc.Messageable):
                raise TypeError(f"channel {cid} is not a text channel")
            await channel.send(allowed_mentions=NO_MENTIONS, **kwargs)
            return True
        except Exception as e:
            log.warning("could not post to the moderator log channel %s: %s", cid, e)
            return False


class ShardedCareerBot(CareerBot, commands.AutoShardedBot):
    """The same bot over several gateway connections (``shard_count`` configured)."""


def create_bot(config: Config, live: LiveKnowledge, store: StoreLike | None, *, mode: str = "run", **client_options: Any) -> CareerBot:
    """The bot for ``config``; ``client_options`` go to discord.py (e.g. guild_ready_timeout)."""
    options: dict[str, Any] = dict(
        command_prefix=commands.when_mentioned,
        help_command=None,
        intents=make_intents(config),
        allowed_mentions=NO_MENTIONS,
        chunk_guilds_at_startup=False,
    )
    cls: type[CareerBot] = CareerBot
    if config.shard_count:
        cls = ShardedCareerBot
        options["shard_count"] = config.shard_count
        if config.shard_ids:
            options["shard_ids"] = list(config.shard_ids)
    options.update(client_options)
    return cls(config, live, store, mode=mode, **options)
