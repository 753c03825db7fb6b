"""Issue 8, Discord half: each finding reproduced against the Discord double (the real
discord.py client running the bot), and fixed.

* moderators: another server's owner never gets /kb, its buttons or its forms; without
  guild_ids only the application's owner (or team admins/developers) does; a moderator whose
  role was removed is refused on Confirm and can confirm once it is back;
* every interaction is answered: stale or forged buttons, menus and forms;
* flood-proof: one rate limit for messages, /ask and buttons; the database never blocks replies;
  slow /kb interactions defer within 1 s;
* errors are answered and logged once; INFO logs carry no user ids or message text;
* knowledge events (start-up on the last good snapshot, held reloads) reach the moderator log.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any, Awaitable, Callable

import discord
import pytest
from discord import app_commands

sys.path.insert(0, os.path.dirname(__file__))

from bot_harness import cfg, running  # noqa: E402
from discord_double import DiscordDouble, Perm  # noqa: E402

from bot.discord_app.checks import moderator_only  # noqa: E402
from bot.discord_app.constants import NOT_HERE, NOT_MODERATOR, STALE_COMPONENT, STALE_FORM  # noqa: E402
from bot.knowledge.loader import Problem  # noqa: E402
from bot.live import LiveKnowledge, ReloadResult  # noqa: E402
from bot.storage import Store  # noqa: E402

PAGES = Path(__file__).resolve().parent / "pages"
ROLE = "director-of-pharmacy-operations"


def run(fn: Callable[[], Awaitable[Any]], timeout: float = 25.0) -> Any:
    return asyncio.run(asyncio.wait_for(fn(), timeout))


@pytest.fixture
def store(tmp_path: Path):
    s = Store(tmp_path / "bot.sqlite3")
    yield s
    s.close()


def custom_ids(msg: Any) -> list[str]:
    return [c["custom_id"] for row in msg.components for c in row.get("components", []) if "custom_id" in c]


def replies_to(msg: dict) -> Callable[[Any], bool]:
    return lambda m: m.payload.get("message_reference", {}).get("message_id") == int(msg["id"])


async def final(d: DiscordDouble, iid: int) -> Any:
    """The message an interaction ended with (direct response, deferred follow-up or edit)."""
    resp = await d.wait_for_interaction_response(iid)
    if resp.type == 5:
        return await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "followup")
    if resp.type == 6:
        return await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "original_edit")
    return await d.wait_for_message(lambda m: m.interaction_id == iid)


async def private_text(d: DiscordDouble, iid: int) -> str:
    msg = await final(d, iid)
    assert msg.ephemeral
    return msg.text


def answered_within(d: DiscordDouble, iid: int) -> float:
    rec = d.interactions[iid]
    assert rec.response is not None
    return rec.response.time - rec.created


def snapshot(kdir: Path) -> dict[str, bytes]:
    return {p.relative_to(kdir).as_posix(): p.read_bytes() for p in sorted(kdir.rglob("*")) if p.is_file() and ".backups" not in p.relative_to(kdir).parts}


def other_server(d: DiscordDouble) -> tuple[int, dict]:
    """A second server the bot is in, owned by someone who is no moderator of ours."""
    intruder = d.add_user("intruder")
    gid = d.add_guild("Other Server", owner=intruder)
    d.add_channel("lobby", guild_id=gid)
    d.add_member(intruder)  # also a plain member of our server
    return gid, intruder


# --------------------------------------------------------------------------- moderators, scoped


def test_every_kb_command_and_autocomplete_carries_the_moderator_check(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store) as bot:
                kb = bot.tree.get_command("kb")
                assert isinstance(kb, app_commands.Group)
                commands = list(kb.walk_commands())
                leaves = [c for c in commands if isinstance(c, app_commands.Command)]
                assert len(leaves) == 14  # reload validate stats gaps faq×3 alias×2 synonym import export history undo
                for c in leaves:
                    assert moderator_only in c.checks, c.qualified_name
                    for p in c.parameters:
                        if callable(p.autocomplete):
                            assert moderator_only in getattr(p.autocomplete, "__discord_app_commands_checks__", []), (c.qualified_name, p.name)
                menu = bot.tree.get_command("Save as FAQ answer", type=discord.AppCommandType.message)
                assert menu is not None and moderator_only in menu.checks and menu.guild_only
                others = [c for c in bot.tree.get_commands() if c.name not in ("kb", menu.name)]
                assert others and all(moderator_only not in getattr(c, "checks", []) for c in others)

    run(body)


def test_another_servers_owner_gets_no_kb_even_when_synced_globally(kdir: Path, live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            gid, intruder = other_server(d)
            async with running(d, cfg(d), live, store) as bot:
                await bot.tree.sync()  # as after `career-bot sync --global`: /kb exists in every server
                before = snapshot(kdir)
                # the intruder owns the other server (every permission there, /kb visible)
                for name, options in (("kb export", {}), ("kb synonym", {"word": "director", "meaning": "janitor"}), ("kb stats", {})):
                    iid = await d.send_slash_command(name, options, user=intruder, guild_id=gid)
                    assert await private_text(d, iid) == NOT_HERE, name
                    assert not d.messages_for(iid) or all(not m.files for m in d.messages_for(iid))
                iid = await d.send_slash_command("kb faq add", user=intruder, guild_id=gid)
                assert (await d.wait_for_interaction_response(iid)).type == 4  # refused, no form
                # autocomplete lists no file paths, no FAQ ids
                iid = await d.send_autocomplete("kb history", {"file": ""}, "file", user=intruder, guild_id=gid)
                assert await d.wait_for_autocomplete(iid) == []
                iid = await d.send_autocomplete("kb faq remove", {"faq_id": ""}, "faq_id", user=intruder, guild_id=gid)
                assert await d.wait_for_autocomplete(iid) == []
                # ... while our moderator's autocomplete works
                iid = await d.send_autocomplete("kb history", {"file": "faq"}, "file", user=d.mod_user)
                assert any(c["value"].startswith("faq/") for c in await d.wait_for_autocomplete(iid))
                # buttons of the /kb workflow, e.g. on an old public message in the other server
                await d.send_dm(d.member_user, "where do i park my car at the council office")
                await asyncio.sleep(0.2)
                key = store.gaps()[0].key
                lobby = next(cid for cid, c in d.guilds[gid].channels.items() if c["name"] == "lobby")
                old = d.add_bot_message(lobby, content="gaps", components=[{"type": 1, "components": [
                    {"type": 2, "style": 4, "label": "Dismiss", "custom_id": f"cb:gap:dismiss:{key}"},
                    {"type": 2, "style": 2, "label": "Next", "custom_id": "cb:gaps:next:2"}]}])
                for cid in (f"cb:gap:dismiss:{key}", "cb:gaps:next:2"):
                    iid = await d.click_button(old, cid, user=intruder)
                    assert await private_text(d, iid) == NOT_HERE
                assert store.gap(key) is not None  # still in the queue
                # a form our moderator opened, submitted by someone else: refused, nothing written
                page = await final(d, await d.send_slash_command("kb gaps", user=d.mod_user))
                detail = await final(d, await d.select_option(page, "cb:gaps:pick", [key], user=d.mod_user))
                iid = await d.click_button(detail, f"cb:gap:synonym:{key}", user=d.mod_user)
                modal = (await d.wait_for_interaction_response(iid)).data["custom_id"]
                iid = await d.submit_modal(modal, {"word": "director", "meaning": "janitor"}, user=intruder)
                assert await private_text(d, iid) == NOT_MODERATOR
                assert snapshot(kdir) == before
                assert d.error_responses == []

    run(body)


def test_without_guild_ids_only_the_application_owner_or_team_moderates(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            gid, intruder = other_server(d)
            async with running(d, cfg(None), live, store) as bot:
                await bot.tree.sync()  # no guild_ids: commands are global
                assert (await final(d, await d.send_slash_command("kb stats", user=d.owner_user))).embeds[0]["title"].endswith("statistics")
                for user, guild in ((intruder, gid), (d.mod_user, d.guild_id)):  # a server owner, a Manage Server member
                    iid = await d.send_slash_command("kb stats", user=user, guild_id=guild)
                    assert await private_text(d, iid) == NOT_MODERATOR

        async with DiscordDouble() as d:
            d.set_application_team([(d.owner_user, "admin"), (d.mod_user, "developer"), (d.member_user, "read_only")])
            async with running(d, cfg(None), live, store) as bot:
                await bot.tree.sync()
                for user, allowed in ((d.owner_user, True), (d.mod_user, True), (d.member_user, False)):
                    msg = await final(d, await d.send_slash_command("kb stats", user=user, check_default_permissions=False))
                    assert bool(msg.embeds and msg.embeds[0]["title"].endswith("statistics")) is allowed, user["username"]
                assert bot.owner_ids == {int(d.owner_user["id"]), int(d.mod_user["id"])}

    run(body)


def test_confirm_refused_after_the_role_was_removed_then_confirmed_once_it_is_back(kdir: Path, live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            helpers = d.add_role("Career helpers", permissions=0)
            helper = d.add_user("helper")
            d.add_member(helper, roles=[helpers])
            async with running(d, cfg(d, moderator_role_id=int(helpers["id"])), live, store):
                page = (PAGES / "director-of-pharmacy.txt").read_bytes()
                iid = await d.send_slash_command("kb import", {"attachment": d.host_file("director-of-pharmacy.txt", page, "text/plain")}, user=helper, check_default_permissions=False)
                preview = await final(d, iid)
                confirm = next(c for c in custom_ids(preview) if c.startswith("cb:import:confirm:"))
                d.set_member_roles(helper, [])  # the role is taken away
                iid = await d.click_button(preview, confirm, user=helper)
                assert await private_text(d, iid) == NOT_MODERATOR
                assert not (kdir / "roles" / "director-of-pharmacy.yaml").exists()
                d.set_member_roles(helper, [helpers])  # ... and given back
                done = await final(d, await d.click_button(preview, confirm, user=helper))
                assert done.embeds[0]["title"] == "Imported director-of-pharmacy.txt"
                assert (kdir / "roles" / "director-of-pharmacy.yaml").is_file() and not done.components

    run(body)


# --------------------------------------------------------------------------- every interaction gets an answer


def test_stale_and_forged_components_and_forms_are_answered(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                old = d.add_bot_message(content="an answer from an older version", components=[{"type": 1, "components": [
                    {"type": 2, "style": 2, "label": "Rate", "custom_id": "careerbot:rate:12:up"},  # an id scheme of the past
                    {"type": 2, "style": 2, "label": "x", "custom_id": "cb:fb:not-a-number:1"},  # forged
                    {"type": 2, "style": 2, "label": "y", "custom_id": "cb:import:confirm"},  # the old untokened Confirm
                ]}, {"type": 1, "components": [{"type": 3, "custom_id": "cb:old:menu", "options": [{"label": "a", "value": "a"}]}]}])
                for cid in ("careerbot:rate:12:up", "cb:fb:not-a-number:1", "cb:import:confirm"):
                    iid = await d.click_button(old, cid, user=d.member_user)
                    assert await private_text(d, iid) == STALE_COMPONENT
                    assert answered_within(d, iid) < 3
                iid = await d.select_option(old, "cb:old:menu", ["a"], user=d.member_user)
                assert await private_text(d, iid) == STALE_COMPONENT
                # a form from before a restart (its handler is gone)
                iid = await d.submit_modal("2f6e3a6b3c1c4e0f9d8a7b6c5d4e3f2a", {"answer": "x"}, user=d.mod_user, require_shown=False)
                assert await private_text(d, iid) == STALE_FORM
                # an import preview from before a restart: its token is unknown
                old_preview = d.add_bot_message(content="preview", components=[{"type": 1, "components": [
                    {"type": 2, "style": 3, "label": "Confirm import", "custom_id": "cb:import:confirm:0123456789abcdef"}]}])
                text = await private_text(d, await d.click_button(old_preview, "cb:import:confirm:0123456789abcdef", user=d.mod_user))
                assert "no longer active" in text and "/kb import" in text
                # a slash command (and its autocomplete) that this version no longer has
                iid = await d.send_slash_command("careers", {"topic": "ops"}, user=d.member_user, require_sync=False)
                assert "has changed" in await private_text(d, iid)
                iid = await d.send_autocomplete("careers", {"topic": "op"}, "topic", user=d.member_user, require_sync=False)
                assert await d.wait_for_autocomplete(iid) == []
                # live buttons are not mistaken for stale ones
                q = await d.send_dm(d.member_user, "what is CPOM?")
                rec = await d.wait_for_message(replies_to(q))
                up = next(c for c in custom_ids(rec) if c.startswith("cb:fb:") and c.endswith(":1"))
                assert "Thanks" in await private_text(d, await d.click_button(rec, up, user=d.member_user))
                assert d.error_responses == []

    run(body)


def test_a_failing_button_is_answered_and_logged_once(live: LiveKnowledge, store: Store, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    async def boom(self: Any, interaction: discord.Interaction, answer_id: int, helpful: bool) -> None:
        raise RuntimeError("feedback exploded")

    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store) as bot:
                q = await d.send_dm(d.member_user, "what is CPOM?")
                rec = await d.wait_for_message(replies_to(q))
                monkeypatch.setattr(type(bot.get_cog("Answers")), "on_feedback", boom)  # the class load_extension loaded
                with caplog.at_level(logging.DEBUG, logger="bot"):
                    iid = await d.click_button(rec, next(c for c in custom_ids(rec) if c.startswith("cb:fb:")), user=d.member_user)
                    assert "sorry" in (await private_text(d, iid)).lower()
                errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
                assert len(errors) == 1 and errors[0].getMessage().startswith("feedback button failed in channel dm")
                assert errors[0].exc_info and "feedback exploded" in str(errors[0].exc_info[1])
                assert str(d.member_user["id"]) not in errors[0].getMessage()
                assert any(r.levelno == logging.DEBUG and str(d.member_user["id"]) in r.getMessage() for r in caplog.records)

    run(body)


# --------------------------------------------------------------------------- flood-proof


def test_one_rate_limit_for_messages_ask_and_buttons(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d, rate_limit_questions=3, rate_limit_seconds=60), live, store):
                q = await d.send_dm(d.member_user, "what is CPSM?")  # 1: an answer with did-you-mean buttons
                rec = await d.wait_for_message(replies_to(q))
                picks = [c for c in custom_ids(rec) if c.startswith("cb:dym:")]
                assert picks
                assert (await final(d, await d.send_slash_command("ask", {"question": "what is CMSO?"}, user=d.member_user))).embeds  # 2
                assert (await final(d, await d.click_button(rec, picks[0], user=d.member_user))).embeds  # 3
                iid = await d.send_slash_command("ask", {"question": "what is CHPOP?"}, user=d.member_user)
                assert (await private_text(d, iid)).startswith("Slow down")
                iid = await d.click_button(rec, picks[0], user=d.member_user)
                assert (await private_text(d, iid)).startswith("Slow down")
                iid = await d.send_slash_command("certification", {"code": "CPOM"}, user=d.member_user)
                assert (await private_text(d, iid)).startswith("Slow down")
                answered = await final(d, await d.send_slash_command("ask", {"question": "what is CPOM?"}, user=d.owner_user))
                up = next(c for c in custom_ids(answered) if c.startswith("cb:fb:") and c.endswith(":1"))
                assert "Thanks" in await private_text(d, await d.click_button(answered, up, user=d.member_user))  # a vote is not an answer
                # others are not affected
                assert (await final(d, await d.send_slash_command("ask", {"question": "what is CHPOP?"}, user=d.mod_user))).embeds
                assert (store.stats()["questions"], store.stats()["choices"]) == (4, 1)

    run(body)


def test_a_busy_database_never_delays_replies_and_slow_kb_commands_defer(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                for i in range(30):
                    store.record_question(f"unanswerable question number {i} about parking", 1, "none", 0.1, reason="off_topic")
                release = threading.Event()
                held = threading.Event()

                def hold() -> None:  # a long write or a slow disk: the database is busy for 2 s
                    with store._lock:
                        held.set()
                        release.wait(2)

                t = threading.Thread(target=hold)
                t.start()
                held.wait()
                t0 = time.perf_counter()
                q = await d.send_dm(d.member_user, "what is CPOM?")
                rec = await d.wait_for_message(replies_to(q), timeout=1.5)
                assert rec.embeds and time.perf_counter() - t0 < 1.0  # recorded later, answered now
                gaps = await d.send_slash_command("kb gaps", user=d.mod_user)
                stats = await d.send_slash_command("kb stats", user=d.mod_user)
                await asyncio.sleep(0.5)
                for iid in (gaps, stats):
                    assert d.interactions[iid].response is not None and d.interactions[iid].response.type == 5
                    assert answered_within(d, iid) < 1.0
                release.set()
                t.join()
                page = await d.wait_for_message(lambda m: m.interaction_id == gaps and m.kind == "followup", timeout=5)
                assert "parking" in page.embeds[0]["description"]
                await d.wait_for_message(lambda m: m.interaction_id == stats and m.kind == "followup", timeout=5)
                assert store.stats()["questions"] == 31

    run(body)


# --------------------------------------------------------------------------- privacy of the logs


def test_info_logs_carry_no_user_ids_or_message_text(live: LiveKnowledge, store: Store, caplog: pytest.LogCaptureFixture) -> None:
    secret = "my colleague Jane Doe keeps asking about salary bands"

    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                with caplog.at_level(logging.INFO):
                    q = await d.send_dm(d.member_user, secret)
                    await d.wait_for_message(replies_to(q))
                    await final(d, await d.send_slash_command("kb stats", user=d.member_user, check_default_permissions=False))
                    await final(d, await d.send_slash_command("kb synonym", {"word": "boss", "meaning": "director"}, user=d.mod_user))
                    await final(d, await d.send_slash_command("kb gaps", user=d.mod_user))
                ids = {str(u["id"]) for u in (d.member_user, d.mod_user)}
                info = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO and r.name.startswith("bot")]
                assert any("refused /kb stats" in m for m in info) and any("synonym_add applied" in m for m in info)
                for line in info:
                    assert not any(i in line for i in ids), line
                    assert "Jane" not in line and "salary" not in line, line

    run(body)


# --------------------------------------------------------------------------- knowledge events (H1's contract)


class EventfulKnowledge(LiveKnowledge):
    """LiveKnowledge with the fields of the hardened loader: start-up problems, held reloads, force."""

    def __init__(self, root: Path, problems: tuple[Problem, ...]):
        super().__init__(root)
        self.startup_problems = problems
        self.forced: list[bool] = []

    def reload(self, force: bool = False) -> ReloadResult:  # type: ignore[override]
        self.forced.append(force)
        return super().reload()


def test_knowledge_events_reach_the_moderator_log_and_kb_reload_forces(kdir: Path, store: Store) -> None:
    problems = (Problem("roles/broken.yaml", 3, "title", "missing"),)
    live = EventfulKnowledge(kdir, problems)

    async def body() -> None:
        async with DiscordDouble() as d:
            log_id = int(d.add_channel("mod-log")["id"])
            async with running(d, cfg(d, mod_log_channel_id=log_id), live, store) as bot:
                started = await d.wait_for_message(lambda m: m.channel_id == log_id, timeout=5)
                assert "last good knowledge" in started.embeds[0]["title"] and "roles/broken.yaml:3" in started.embeds[0]["description"]

                # a watcher reload that would remove entries is held (ReloadResult.held / .removed)
                held = type("HeldResult", (), {"changed": False, "problems": (), "held": True, "removed": ("faq/a", "roles/b")})
                await bot.on_reload_result(held())
                note = await d.wait_for_message(lambda m: m.channel_id == log_id and "would remove" in m.content, timeout=5)
                assert "`faq/a`" in note.content and "/kb reload" in note.content

                await final(d, await d.send_slash_command("kb reload", user=d.mod_user))
                assert live.forced[-1] is True
                await final(d, await d.send_slash_command("kb synonym", {"word": "boss", "meaning": "director"}, user=d.mod_user))
                assert live.forced[-1] is True  # a moderator's edit applies removals too
            reports = [m for m in d.sent_messages if m.channel_id == log_id and m.embeds and "last good" in m.embeds[0].get("title", "")]
            assert len(reports) == 1

    run(body)


def test_start_up_refuses_a_moderator_role_that_is_everyone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    config = tmp_path / "config.toml"
    config.write_text("guild_ids = [111]\nmoderator_role_id = 111\n")
    monkeypatch.setenv("DISCORD_TOKEN", "x")
    assert main(["run", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert "moderator_role_id: 111 is the id of a server in guild_ids, i.e. its @everyone role" in err and "Traceback" not in err


def test_manage_server_counts_only_in_a_configured_server(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            gid, intruder = other_server(d)
            d.add_member(d.mod_user, guild_id=gid)  # our moderator is also in the other server, as a plain member
            async with running(d, cfg(d), live, store) as bot:
                await bot.tree.sync()
                ok = await final(d, await d.send_slash_command("kb stats", user=d.mod_user))
                assert ok.embeds[0]["title"].endswith("statistics")
                iid = await d.send_slash_command("kb stats", user=d.mod_user, guild_id=gid, permissions=Perm.ALL)
                assert await private_text(d, iid) == NOT_HERE

    run(body)
