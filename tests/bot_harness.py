"""Running our bot against the Discord API double: shared by the end-to-end test files."""

from __future__ import annotations

import contextlib
from typing import Any, AsyncIterator

from discord_double import DiscordDouble

from bot.discord_app.bot import create_bot
from bot.discord_app.config import Config
from bot.live import LiveKnowledge

READY = 0.05  # guild_ready_timeout: discord.py waits this long after the last GUILD_CREATE


def cfg(d: DiscordDouble | None = None, **kw: Any) -> Config:
    """A test config: no rate limit, in-memory database, no file watching, public replies."""
    base: dict[str, Any] = dict(rate_limit_questions=0, database=":memory:", watch=False, ephemeral=False)
    if d is not None:
        base["guild_ids"] = (d.guild_id,)
    base.update(kw)
    return Config(**base)


@contextlib.asynccontextmanager
async def running(d: DiscordDouble, config: Config, live: LiveKnowledge, store: Any) -> AsyncIterator[Any]:
    """Our bot, connected to the double until the block ends; the double must stay bug-free."""
    bot = create_bot(config, live, store, guild_ready_timeout=READY)
    async with d.run_client(bot, timeout=10):
        yield bot
    assert d.internal_errors == []
