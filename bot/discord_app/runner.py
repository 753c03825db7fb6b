"""Run the bot (or only sync its commands) from a config: exit codes, signals, shutdown.

Exit codes: 0 clean stop, 1 bad config/knowledge/database, 2 no token, 3 token rejected,
4 privileged intent not enabled in the developer portal, 5 could not connect.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from pathlib import Path
from typing import Any, Callable, Coroutine

import discord

from bot.discord_app.config import Config
from bot.engine.snapshot_cache import SnapshotCache, default_cache
from bot.knowledge.loader import KnowledgeError, default_knowledge_dir
from bot.live import LiveKnowledge
from bot.storage import Store, StoreError

log = logging.getLogger("bot.discord")

EXIT_OK, EXIT_CONFIG, EXIT_NO_TOKEN, EXIT_BAD_TOKEN, EXIT_INTENTS, EXIT_CONNECT = 0, 1, 2, 3, 4, 5


def _fail(message: str) -> None:
    print(f"career-bot: {message}", file=sys.stderr)


def _live(config: Config, knowledge: Path | None, store: Store | None = None) -> LiveKnowledge | None:
    """The knowledge to serve (recording hand edits in ``store``), or None after a one-line message."""
    root = knowledge or config.knowledge or default_knowledge_dir()
    try:
        return LiveKnowledge(root, store, cache=_cache(config))
    except KnowledgeError as e:
        _fail(f"the knowledge base in {root} has {len(e.problems)} problem(s); run `career-bot validate --knowledge {root}`")
    except OSError as e:
        _fail(f"cannot read the knowledge base in {root}: {e}")
    return None


def _cache(config: Config) -> SnapshotCache | None:
    """The start-up snapshot cache: ``snapshot_cache`` of the configuration, else the default."""
    if config.snapshot_cache is None:
        return default_cache()
    return None if config.snapshot_cache.lower() == "off" else SnapshotCache(Path(config.snapshot_cache))


def prepare(config: Config, knowledge: Path | None) -> tuple[LiveKnowledge, Store] | int:
    """(live knowledge, store) or an exit code after a one-line message.

    The database opens first and the live knowledge gets it, so the hand edits noticed at
    start-up and by the watcher land in the change log at once (``history`` lists them with
    their ``via``, ``undo`` reverts them)."""
    try:
        store = Store(config.database, retention_days=config.retention_days)
    except Exception as e:
        _fail(f"cannot open the database {config.database}: {e}")
        return EXIT_CONFIG
    try:
        store.ensure_hash_key()
    except StoreError as e:
        store.close()
        _fail(str(e))
        return EXIT_CONFIG
    live = _live(config, knowledge, store)
    if live is None:
        store.close()
        return EXIT_CONFIG
    return live, store


async def run_bot(bot: Any, token: str, *, install_signals: bool = True, stop: asyncio.Event | None = None) -> int:
    """Run until the client ends or SIGINT/SIGTERM; returns an exit code, never raises."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    installed: list[signal.Signals] = []
    if install_signals:
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop.set)
                installed.append(sig)
            except (NotImplementedError, RuntimeError, ValueError) as e:  # not the main thread, or no signals here
                log.debug("no handler for %s: %s", sig.name, e)
    task = asyncio.create_task(bot.start(token), name="career-bot-client")
    stopper = asyncio.create_task(stop.wait())
    code = EXIT_OK
    try:
        await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if stopper.done() and not task.done():
            log.info("shutting down")
        await bot.close()
        try:
            await asyncio.wait_for(asyncio.shield(task), 10)
        except discord.LoginFailure:
            _fail("Discord rejected the token (DISCORD_TOKEN); reset it in the developer portal and try again")
            code = EXIT_BAD_TOKEN
        except discord.PrivilegedIntentsRequired:
            _fail("the Message Content intent is not enabled for this application: enable it in the developer portal (Bot > Privileged Gateway Intents) or remove ask_channel_ids")
            code = EXIT_INTENTS
        except (discord.GatewayNotFound, discord.ConnectionClosed, OSError) as e:
            _fail(f"could not connect to Discord: {type(e).__name__}: {e}")
            code = EXIT_CONNECT
        except asyncio.TimeoutError:
            log.warning("the Discord client did not stop within 10 s; exiting anyway")
        except asyncio.CancelledError:
            log.debug("the Discord client task was cancelled while stopping")
        except Exception:
            log.exception("the Discord client stopped with an error")
            _fail("the Discord client stopped with an error (see the log above)")
            code = EXIT_CONNECT
    finally:
        stopper.cancel()
        if not task.done():
            task.cancel()
        for sig in installed:
            loop.remove_signal_handler(sig)
    return code


def run(config: Config, knowledge: Path | None = None, *, client_options: dict[str, Any] | None = None, stop: asyncio.Event | None = None, install_signals: bool = True) -> int:
    """``career-bot run``: exits at once with a clear message on a missing or rejected token."""
    if not config.token:
        _fail("no Discord token: set DISCORD_TOKEN (or `token` in the git-ignored config file)")
        return EXIT_NO_TOKEN
    discord.utils.setup_logging(level=getattr(logging, config.log_level), root=True)
    prepared = prepare(config, knowledge)
    if isinstance(prepared, int):
        return prepared
    live, store = prepared
    from bot.discord_app.bot import create_bot

    try:
        try:
            purged = store.purge_expired()
            if purged:
                log.info("purged %d questions older than %d days", purged, config.retention_days)
        except Exception:
            log.exception("retention purge at start-up failed; retrying daily")

        async def main() -> int:
            bot = create_bot(config, live, store, **(client_options or {}))
            return await run_bot(bot, config.token or "", install_signals=install_signals, stop=stop)

        return run_loop(main(), config.uvloop)
    except KeyboardInterrupt:
        return EXIT_OK
    finally:
        store.close()


def run_loop(main: Coroutine[Any, Any, int], use_uvloop: bool) -> int:
    """``asyncio.run(main)``, on uvloop's loop when ``use_uvloop`` and it is installed."""
    if use_uvloop:
        try:
            import uvloop  # type: ignore[import-not-found]  # optional, absent on Windows
        except ImportError:
            log.warning("uvloop is set but not installed (pip install 'career-bot[uvloop]'; not on Windows): using asyncio's event loop")
        else:
            with asyncio.Runner(loop_factory=uvloop.new_event_loop) as loop_runner:
                return loop_runner.run(main)
    return asyncio.run(main)


async def sync_commands(config: Config, live: LiveKnowledge, global_: bool, client_options: dict[str, Any] | None = None, out: Callable[[str], None] = print) -> int:
    """Log in, sync the commands (globally or to the configured guilds), log out."""
    from bot.discord_app.bot import command_hash, create_bot, hash_path

    bot = create_bot(config, live, None, mode="sync", **(client_options or {}))
    try:
        try:
            await bot.login(config.token or "")
        except discord.LoginFailure:
            _fail("Discord rejected the token (DISCORD_TOKEN); reset it in the developer portal and try again")
            return EXIT_BAD_TOKEN
        if global_:
            synced = await bot.tree.sync()
            path = hash_path(config, None)
            if path is not None:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(command_hash(bot.tree, None) + "\n", encoding="utf-8")
                except OSError as e:
                    log.warning("could not store the command hash in %s: %s", path, e)
            out(f"synced {len(synced)} global commands (Discord may take up to an hour to show changes everywhere)")
        else:
            if not config.guild_ids:
                _fail("no guild_ids configured; use `career-bot sync --global` or set guild_ids")
                return EXIT_CONFIG
            done = await bot.sync_guild_commands(force=True)
            out(f"synced commands to {len(done)} of {len(config.guild_ids)} guilds")
            if len(done) < len(config.guild_ids):
                return EXIT_CONNECT
        return EXIT_OK
    except discord.HTTPException as e:
        _fail(f"command sync failed: {e.status} {e.text}")
        return EXIT_CONNECT
    finally:
        await bot.close()


def sync(config: Config, knowledge: Path | None, global_: bool, client_options: dict[str, Any] | None = None) -> int:
    if not config.token:
        _fail("no Discord token: set DISCORD_TOKEN (or `token` in the git-ignored config file)")
        return EXIT_NO_TOKEN
    discord.utils.setup_logging(level=getattr(logging, config.log_level), root=True)
    live = _live(config, knowledge)
    if live is None:
        return EXIT_CONFIG
    return asyncio.run(sync_commands(config, live, global_, client_options))
