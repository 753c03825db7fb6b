"""End-to-end tests: the real discord.py client running our bot against the Discord double.

Each test runs inside ``asyncio.run`` with a hard timeout; the double and the bot are always
closed in ``finally`` (``DiscordDouble.run_client`` closes the client).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import sys
from pathlib import Path
from typing import Any, Awaitable, Callable

import discord
import pytest
import yaml

sys.path.insert(0, os.path.dirname(__file__))

from bot_harness import READY, cfg, running  # noqa: E402
from discord_double import DiscordDouble, Intents, Perm, user_mention  # noqa: E402

from bot.discord_app import lookup, render  # noqa: E402
from bot.discord_app.bot import command_hash, create_bot, hash_path  # noqa: E402
from bot.discord_app.runner import EXIT_BAD_TOKEN, run_bot  # noqa: E402
from bot.live import LiveKnowledge  # noqa: E402
from bot.storage import Store  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "knowledge"
COMMANDS = {"ask", "help", "certifications", "certification", "role", "pathway", "kb", "Save as FAQ answer"}


def run(fn: Callable[[], Awaitable[Any]], timeout: float = 20.0) -> Any:
    return asyncio.run(asyncio.wait_for(fn(), timeout))


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


def custom_ids(msg: Any) -> list[str]:
    out = []
    for row in msg.components:
        for c in row.get("components", []):
            if "custom_id" in c:
                out.append(c["custom_id"])
    return out


def custom_ids_of(message: dict) -> list[str]:
    return [c["custom_id"] for row in message.get("components", []) for c in row.get("components", []) if "custom_id" in c]


def mention(d: DiscordDouble, text: str) -> str:
    return f"{user_mention(d.bot_user)} {text}"


async def sentinel(d: DiscordDouble, text: str = "what is CPOM?") -> Any:
    """A message that must be answered: everything sent before it has been handled."""
    msg = await d.send_dm(d.owner_user, text)
    return await d.wait_for_message(lambda m: m.payload.get("message_reference", {}).get("message_id") == int(msg["id"]))


def replies_to(msg: dict) -> Callable[[Any], bool]:
    return lambda m: m.payload.get("message_reference", {}).get("message_id") == int(msg["id"])


# --------------------------------------------------------------------------- connection & sync


def test_identify_intents_and_guild_sync_only_when_commands_change(live: LiveKnowledge, store: Store, tmp_path: Path) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            config = cfg(d, database=str(tmp_path / "bot.sqlite3"))
            async with running(d, config, live, store) as bot:
                intents = d.identify_payloads[0]["intents"]
                assert not intents & Intents.PRIVILEGED  # no message content, members or presences
                assert intents & Intents.GUILDS and intents & Intents.DIRECT_MESSAGES and intents & Intents.GUILD_MESSAGES
                assert len(d.command_syncs) == 1
                scope, gid, payload = d.command_syncs[0]
                assert scope == "guild" and gid == d.guild_id and set(d.command_syncs[0].names) == COMMANDS
                kb = next(c for c in payload if c["name"] == "kb")
                assert int(kb["default_member_permissions"]) == Perm.MANAGE_GUILD
                assert {o["name"] for o in kb["options"]} >= {"reload", "validate", "gaps", "stats"}
                digest = command_hash(bot.tree, discord.Object(d.guild_id))
            path = hash_path(config, d.guild_id)
            assert path is not None and path.read_text().strip() == digest
            # a second start with the same commands does not sync again
            async with running(d, config, live, store):
                assert len(d.identify_payloads) == 2
            assert len(d.command_syncs) == 1
            # a changed command set (here: a lost hash file) syncs once more
            path.write_text("something else\n")
            async with running(d, config, live, store):
                pass
            assert len(d.command_syncs) == 2

    run(body)


def test_ask_channel_requests_message_content_and_answers_only_confident_questions(live: LiveKnowledge, store: Store, caplog: pytest.LogCaptureFixture) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            config = cfg(d, ask_channel_ids=(d.channel_id,), min_confidence=0.5)
            with caplog.at_level(logging.WARNING, logger="bot.discord"):
                async with running(d, config, live, store):
                    assert d.identify_payloads[0]["intents"] & Intents.MESSAGE_CONTENT
                    assert any("Message Content intent" in r.getMessage() for r in caplog.records)
                    # an ask-channel chat message that is not a question about the knowledge: no reply
                    await d.send_message(content="what is the weather like today?")
                    await d.send_message(content="lol")
                    # bots (and the bot itself) are ignored
                    other = d.add_user("otherbot", bot=True)
                    d.add_member(other)
                    await d.send_message(author=other, content="what is CPOM?")
                    q = await d.send_message(content="how do I become a director of pharmacy operations?")
                    rec = await d.wait_for_message(replies_to(q))
                    assert rec.embeds[0]["title"].startswith("Certification pathway")
                    await sentinel(d)
                    assert len(d.sent_messages) == 2
                    assert store.stats()["questions"] == 2

    run(body)


def test_message_content_not_requested_without_ask_channels_and_plain_channel_messages_ignored(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble(denied_intents=Intents.MESSAGE_CONTENT) as d:  # Discord would refuse it
            async with running(d, cfg(d), live, store):
                await d.send_message(content="what is CPOM?")  # not for us: no mention, no ask channel
                await sentinel(d)
                assert len(d.sent_messages) == 1

    run(body)


# --------------------------------------------------------------------------- message answers


def test_dm_and_mention_answers_never_ping(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                q = await d.send_dm(d.member_user, "what is CPOM?")
                rec = await d.wait_for_message(replies_to(q))
                assert rec.is_dm
                e = rec.embeds[0]
                assert e["title"] == "CPOM — Certified Pharmacy Operations Manager"
                assert e["footer"]["text"] == "Source: Director of Pharmacy Operations career spotlight"  # the page, never a YAML path
                assert any(f["name"] == "On the pathway of" for f in e["fields"]) or e["fields"]
                assert sum("cb:fb:" in c for c in custom_ids(rec)) == 2

                q = await d.send_message(content=mention(d, "@everyone <@&%s> what does a director of pharmacy operations do?" % d.mod_role["id"]))
                rec = await d.wait_for_message(replies_to(q))
                assert rec.embeds[0]["title"] == "Director of Pharmacy Operations"
                am = rec.payload["allowed_mentions"]
                assert am["parse"] == [] and not am.get("replied_user", False)
                assert not am.get("users") and not am.get("roles")
                assert rec.message["mention_everyone"] is False and rec.message["mention_roles"] == []
                assert rec.message["mentions"] == []

                # a bare mention gets the help answer
                q = await d.send_message(content=user_mention(d.bot_user))
                rec = await d.wait_for_message(replies_to(q))
                assert rec.embeds[0]["title"].startswith("Career assistant")

    run(body)


def test_several_questions_in_one_message_get_one_embed_each_within_discords_limits(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                q = await d.send_dm(d.member_user, "what is CPOM? and what does a director of pharmacy operations do? what is CMSO? what is CHPOP?")
                rec = await d.wait_for_message(replies_to(q))
                titles = [e["title"] for e in rec.embeds]
                assert titles[0].startswith("CPOM") and titles[1] == "Director of Pharmacy Operations" and len(titles) == 3  # up to 3 questions
                assert rec.embeds[1]["author"]["name"] == "You also asked: and what does a director of pharmacy operations do?"
                assert sum(render.embed_size(discord.Embed.from_dict(e)) for e in rec.embeds) <= 6000
                assert d.error_responses == []

    run(body)


def test_rate_limit_allows_a_burst_then_warns_once_then_stays_quiet(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d, rate_limit_questions=2, rate_limit_seconds=60), live, store):
                for text in ("what is CPOM?", "and CMSO?"):  # a quick follow-up is fine
                    q = await d.send_dm(d.member_user, text)
                    assert (await d.wait_for_message(replies_to(q))).embeds
                q3 = await d.send_dm(d.member_user, "what is CHPOP?")
                note = await d.wait_for_message(replies_to(q3))
                assert "slow down" in note.content.lower() and "try again in" in note.content
                assert note.payload["allowed_mentions"]["parse"] == []
                await d.send_dm(d.member_user, "what is CPSCM?")
                await sentinel(d)  # another user is not affected
                assert len(d.sent_messages) == 4

    run(body)


def test_feedback_and_did_you_mean_buttons(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                q = await d.send_dm(d.member_user, "what is CPSM?")
                rec = await d.wait_for_message(replies_to(q))
                ids = custom_ids(rec)
                picks = [c for c in ids if c.startswith("cb:dym:")]
                assert any(c.endswith(":cert:CPOM") for c in picks) and any(c.endswith(":cert:CPSCM") for c in picks)
                assert not any(c.startswith("cb:fb:") for c in ids)  # 👍/👎 only under real answers

                iid = await d.click_button(rec, next(c for c in picks if c.endswith(":cert:CPSCM")), user=d.member_user)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.type == 4 and resp.data["embeds"][0]["title"].startswith("CPSCM")
                assert store.stats()["choices"] == 1
                picked = d.get_message(resp.message["id"])

                up = next(c for c in custom_ids_of(picked) if c.startswith("cb:fb:") and c.endswith(":1"))
                iid = await d.click_button(picked, up, user=d.member_user)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.type == 4 and resp.data["flags"] == 64 and "Thanks" in resp.data["content"]
                st = store.stats()
                assert st["helpful"] == 1 and st["unhelpful"] == 0

    run(body)


def test_handler_exception_apologizes_and_bot_stays_up(live: LiveKnowledge, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                engine = live.engine
                real = engine.converse

                def boom(question: str, context: Any = None):
                    monkeypatch.setattr(engine, "converse", real)
                    raise RuntimeError("engine exploded")

                monkeypatch.setattr(engine, "converse", boom)
                q = await d.send_dm(d.member_user, "what is CPOM?")
                rec = await d.wait_for_message(replies_to(q))
                assert "sorry" in rec.content.lower() and not rec.embeds
                q = await d.send_dm(d.member_user, "what is CPOM?")
                assert (await d.wait_for_message(replies_to(q))).embeds[0]["title"].startswith("CPOM")

                def broken(*a: Any, **k: Any):
                    raise RuntimeError("lookup exploded")

                monkeypatch.setattr(lookup, "certification_answer", broken)
                iid = await d.send_slash_command("certification", {"code": "CPOM"})
                resp = await d.wait_for_interaction_response(iid)
                assert resp.type == 4 and resp.data["flags"] == 64 and "sorry" in resp.data["content"].lower()
                monkeypatch.undo()
                iid = await d.send_slash_command("certification", {"code": "CPOM"})
                assert (await d.wait_for_interaction_response(iid)).data["embeds"][0]["title"].startswith("CPOM")

    run(body)


def test_gateway_reconnect_then_still_answers(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                q = await d.send_dm(d.member_user, "what is CPOM?")
                await d.wait_for_message(replies_to(q))
                await d.send_reconnect()
                q = await d.send_dm(d.member_user, "what is CMSO?")
                assert (await d.wait_for_message(replies_to(q))).embeds[0]["title"].startswith("CMSO")
                await sentinel(d)
                assert len(d.sent_messages) == 3  # nothing answered twice after the resume

    run(body)


def _bloat(kdir: Path) -> None:
    path = kdir / "roles" / "director-of-pharmacy-operations.yaml"
    data = yaml.safe_load(path.read_text())
    data["overview"]["paragraphs"] = [("Operations leadership keeps the pharmacy running. " * 120).strip()] * 3
    data["responsibilities"] = [
        {"name": f"Responsibility {i} " + "with a very long name " * 15, "description": ("Detailed duty text. " * 80).strip()}
        for i in range(40)
    ]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def test_overlong_answers_are_trimmed_so_discord_accepts_them(kdir: Path, store: Store) -> None:
    _bloat(kdir)
    live = LiveKnowledge(kdir)

    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                q = await d.send_dm(d.member_user, "what are the responsibilities of a director of pharmacy operations?")
                rec = await d.wait_for_message(replies_to(q))
                e = rec.embeds[0]
                assert len(e["fields"]) <= 25 and e["fields"][-1]["name"] == "More" and "/role" in e["fields"][-1]["value"]
                for sec in ("overview", "responsibilities"):
                    iid = await d.send_slash_command("role", {"name": "director-of-pharmacy-operations", "section": sec})
                    resp = await d.wait_for_interaction_response(iid)
                    assert resp.type == 4 and resp.data["embeds"][0]["title"].startswith("Director of Pharmacy Operations")
                assert d.error_responses == []

    run(body)


# --------------------------------------------------------------------------- slash commands


def test_slash_commands_and_autocomplete(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d, ephemeral=True), live, store):
                async def reply(name: str, options: dict | None = None) -> dict:
                    iid = await d.send_slash_command(name, options or {})
                    resp = await d.wait_for_interaction_response(iid)
                    assert resp.type == 4, resp
                    assert resp.data["flags"] == 64  # ephemeral by config
                    return resp.data["embeds"][0]

                e = await reply("certifications")
                assert e["title"] == "The 4 certifications I know" and sum(" — " in f["name"] for f in e["fields"]) == 4
                e = await reply("certifications", {"role": "director-of-pharmacy-operations"})
                assert e["title"] == "Certifications on the Director of Pharmacy Operations pathway"
                e = await reply("certification", {"code": "CPOM"})
                assert e["title"].startswith("CPOM") and any("Director of Pharmacy Operations" in f["value"] or "Director of Pharmacy Operations" in f["name"] for f in e["fields"])
                e = await reply("certification", {"code": "cpmo"})  # typo tolerant
                assert e["title"].startswith("CPOM")
                e = await reply("certification", {"code": "XYZQ"})
                assert e["title"] == "I can't answer that"
                e = await reply("role", {"name": "director-of-pharmacy-operations", "section": "day_in_the_life"})
                assert e["title"] == "Director of Pharmacy Operations: a day in the life"
                e = await reply("role", {"name": "Director of Pharmacy Operations"})
                assert e["title"] == "Director of Pharmacy Operations"
                e = await reply("pathway", {"role": "director-of-pharmacy-operations", "focus": "I love safety work", "have": "CPOM, chpop"})
                assert e["title"].startswith("Certification pathway")
                steps = [f["name"] for f in e["fields"] if f["name"][:1].isdigit()]
                assert steps[0].startswith("1. CMSO") and not any("CPOM" in s or "CHPOP" in s for s in steps)
                e = await reply("ask", {"question": "what is CMSO?"})
                assert e["title"].startswith("CMSO")
                e = await reply("help")
                assert e["title"].startswith("Career assistant")

                async def complete(name: str, options: dict, focused: str) -> list[dict]:
                    iid = await d.send_autocomplete(name, options, focused)
                    choices = await d.wait_for_autocomplete(iid)
                    assert len(choices) <= 25 and all(len(c["name"]) <= 100 for c in choices)
                    return choices

                assert (await complete("certification", {"code": "cpmo"}, "code"))[0]["value"] == "CPOM"
                assert (await complete("certification", {"code": "supply chian"}, "code"))[0]["value"] == "CPSCM"
                assert len(await complete("certification", {"code": ""}, "code")) == 4
                assert (await complete("role", {"name": "dirctor operations"}, "name"))[0]["value"] == "director-of-pharmacy-operations"
                assert (await complete("certifications", {"role": "ops"}, "role"))[0]["value"] == "director-of-pharmacy-operations"
                assert (await complete("pathway", {"role": "pharmacy"}, "role"))[0]["value"] == "director-of-pharmacy-operations"
                have = await complete("pathway", {"role": "x", "have": "CPOM, cms"}, "have")
                assert have[0]["value"] == "CPOM, CMSO"
                assert d.error_responses == []
            assert store.stats()["questions"] == 10

    run(body)


# --------------------------------------------------------------------------- moderators


def test_kb_commands_are_for_moderators_only(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                # Discord hides /kb from members without Manage Server; an admin override could still expose it
                with pytest.raises(PermissionError):
                    await d.send_slash_command("kb stats", user=d.member_user)
                iid = await d.send_slash_command("kb stats", user=d.member_user, check_default_permissions=False)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.type == 4 and resp.data["flags"] == 64 and "only moderators" in resp.data["content"]
                iid = await d.send_slash_command("kb stats", user=d.mod_user)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.type == 5 and resp.data["flags"] == 64  # reads the database: deferred first
                follow = await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "followup")
                assert follow.ephemeral and follow.embeds[0]["title"].endswith("statistics")

        async with DiscordDouble() as d:
            helper_role = d.add_role("Career helper", permissions=0)
            helper = d.add_user("helper")
            d.add_member(helper, roles=[helper_role])
            async with running(d, cfg(d, moderator_role_id=int(helper_role["id"])), live, store):
                iid = await d.send_slash_command("kb gaps", user=helper, check_default_permissions=False)
                follow = await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "followup")
                assert follow.embeds[0]["title"].startswith("Knowledge gaps")
                # with a moderator role configured, Manage Server alone is not enough
                iid = await d.send_slash_command("kb gaps", user=d.mod_user)
                assert "only moderators" in (await d.wait_for_interaction_response(iid)).data["content"]

    run(body)


def test_kb_reload_with_broken_file_keeps_old_knowledge(kdir: Path, live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                cpom = kdir / "certifications" / "CPOM.yaml"
                good = cpom.read_text()
                cpom.write_text(good.replace("name: Certified Pharmacy Operations Manager", "name: Broken Name\nname: [unclosed"))

                iid = await d.send_slash_command("kb reload", user=d.mod_user)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.type == 5 and resp.data["flags"] == 64  # deferred, ephemeral
                follow = await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "followup")
                assert follow.ephemeral and "refused" in follow.embeds[0]["title"]
                assert "CPOM.yaml:" in follow.embeds[0]["description"]

                iid = await d.send_slash_command("kb validate", user=d.mod_user)
                follow = await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "followup")
                assert "problems" in follow.embeds[0]["title"]

                q = await d.send_dm(d.member_user, "what is CPOM?")
                rec = await d.wait_for_message(replies_to(q))
                assert rec.embeds[0]["title"] == "CPOM — Certified Pharmacy Operations Manager"  # the old knowledge

                cpom.write_text(good.replace("name: Certified Pharmacy Operations Manager", "name: Certified Pharmacy Operations Leader"))
                iid = await d.send_slash_command("kb reload", user=d.mod_user)
                follow = await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "followup")
                assert follow.embeds[0]["title"] == "Knowledge reloaded"
                q = await d.send_dm(d.member_user, "what is CPOM?")
                assert (await d.wait_for_message(replies_to(q))).embeds[0]["title"] == "CPOM — Certified Pharmacy Operations Leader"

                # gaps and stats show what was recorded
                q = await d.send_dm(d.member_user, "what is the salary of a pharmacy wizard?")
                await d.wait_for_message(replies_to(q))
                iid = await d.send_slash_command("kb gaps", user=d.mod_user)
                e = (await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "followup")).embeds[0]
                assert "wizard" in e["description"]
                iid = await d.send_slash_command("kb stats", user=d.mod_user)
                e = (await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "followup")).embeds[0]
                assert "**questions**: 3" in e["description"]

    run(body)


def test_live_reload_posts_problems_to_mod_log(kdir: Path, live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            log_ch = d.add_channel("mod-log")
            config = cfg(d, mod_log_channel_id=int(log_ch["id"]), watch=True)
            async with running(d, config, live, store):
                await asyncio.sleep(0.3)  # let the watcher start
                (kdir / "certifications" / "CPOM.yaml").write_text("code: CPOM\nname: [unclosed\n")
                rec = await d.wait_for_message(lambda m: m.channel_id == int(log_ch["id"]), timeout=8)
                assert "refused" in rec.embeds[0]["title"] and "CPOM.yaml" in rec.embeds[0]["description"]
                assert live.engine.knowledge.certifications["CPOM"].name == "Certified Pharmacy Operations Manager"

    run(body, timeout=25)


# --------------------------------------------------------------------------- startup failures


def test_rejected_token_exits_3_without_traceback(live: LiveKnowledge, store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    async def body() -> int:
        async with DiscordDouble(token="right") as d:
            bot = create_bot(cfg(d), live, store, guild_ready_timeout=READY)
            return await run_bot(bot, "wrong-token", install_signals=False)

    assert run(body) == EXIT_BAD_TOKEN
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "rejected the token" in err and "Traceback" not in err and "wrong-token" not in err


def test_missing_token_exits_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("CAREER_BOT_CONFIG", raising=False)
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "DISCORD_TOKEN" in err


def test_stop_event_shuts_down_cleanly(live: LiveKnowledge, store: Store) -> None:
    async def body() -> int:
        async with DiscordDouble() as d:
            bot = create_bot(cfg(d), live, store, guild_ready_timeout=READY)
            stop = asyncio.Event()
            task = asyncio.create_task(run_bot(bot, d.token, install_signals=False, stop=stop))
            await d.wait_ready()
            stop.set()
            code = await asyncio.wait_for(task, 10)
            assert bot.is_closed()
            return code

    assert run(body) == 0


def test_sync_cli_global_and_guild(live: LiveKnowledge, tmp_path: Path) -> None:
    from bot.discord_app.runner import sync_commands

    async def body() -> None:
        async with DiscordDouble() as d:
            out: list[str] = []
            config = cfg(d, database=str(tmp_path / "bot.sqlite3"), token=d.token)
            assert await sync_commands(config, live, True, {"guild_ready_timeout": READY}, out.append) == 0
            scope, gid, _ = d.command_syncs[-1]
            assert scope == "global" and gid is None and set(d.command_syncs[-1].names) == COMMANDS
            assert await sync_commands(config, live, False, {"guild_ready_timeout": READY}, out.append) == 0
            assert d.command_syncs[-1].scope == "guild" and len(d.command_syncs) == 2
            assert d.identify_payloads == []  # logs in over HTTP only, never connects to the gateway
            assert out[0].startswith("synced 8 global commands")  # 7 slash commands and the "Save as FAQ answer" message command
            bad = dataclasses.replace(config, token="wrong")
            assert await sync_commands(bad, live, True, {}, out.append) == EXIT_BAD_TOKEN

    run(body)
