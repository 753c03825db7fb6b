"""Tests for the Discord API double, driven by the *real* discord.py client.

Each test builds a tiny discord.Client / commands.Bot inline (not our bot
package) and runs inside ``asyncio.run`` so no pytest-asyncio config is needed.
"""

from __future__ import annotations

import asyncio
import importlib.util
import io
import os
import sys
import time
from typing import Any, Awaitable, Callable, List

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

sys.path.insert(0, os.path.dirname(__file__))

from discord_double import (  # noqa: E402
    DiscordDouble,
    Intents,
    Perm,
    _Errors,
    user_mention,
    validate_autocomplete,
    validate_components,
    validate_embeds,
    validate_modal,
)

READY_TIMEOUT = 0.05  # discord.py waits guild_ready_timeout after the last GUILD_CREATE before on_ready


def run(fn: Callable[[], Awaitable[Any]], timeout: float = 20.0) -> Any:
    """Run one async test body with a hard timeout so nothing can hang the suite."""
    return asyncio.run(asyncio.wait_for(fn(), timeout))


def intents(message_content: bool = True, members: bool = False) -> discord.Intents:
    i = discord.Intents.default()
    i.message_content = message_content
    i.members = members
    return i


def make_client(**kw: Any) -> discord.Client:
    kw.setdefault("intents", intents())
    return discord.Client(guild_ready_timeout=READY_TIMEOUT, **kw)


def make_bot(**kw: Any) -> commands.Bot:
    kw.setdefault("intents", intents())
    return commands.Bot(command_prefix="!", guild_ready_timeout=READY_TIMEOUT, **kw)


# --------------------------------------------------------------------------- connection


def test_login_ready_and_guild_available() -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            client = make_client()
            available: List[discord.Guild] = []

            @client.event
            async def on_guild_available(guild: discord.Guild) -> None:
                available.append(guild)

            async with d.run_client(client):
                session = await d.wait_ready()
                assert session.intents == intents().value and session.shard == (0, 1)
                assert client.user is not None and client.user.id == d.application_id and client.user.bot
                assert client.application_id == d.application_id
                guild = client.get_guild(d.guild_id)
                assert guild is not None and [g.id for g in available] == [d.guild_id]
                assert guild.owner_id == int(d.owner_user["id"])
                channel = guild.get_channel(d.channel_id)
                assert isinstance(channel, discord.TextChannel) and channel.name == "general"
                assert {"Moderator", "Member", "@everyone"} <= {r.name for r in guild.roles}
                assert guild.me is not None and guild.me.guild_permissions.send_messages
                assert channel.permissions_for(guild.me).send_messages
                # identify recorded with intents; discord.py asks for zstd-stream when zstandard is
                # installed (discord.py[speed] brings it), else zlib-stream, and we honour either
                assert d.identify_payloads[0]["intents"] == intents().value
                assert d.gateway_connects[0]["compress"] == ("zstd-stream" if importlib.util.find_spec("zstandard") else "zlib-stream")
                assert d.gateway_connects[0]["v"] == "10" and d.gateway_connects[0]["encoding"] == "json"
                assert d.heartbeats >= 1
            assert d.internal_errors == []

    run(body)


def test_bad_token_raises_login_failure() -> None:
    async def body() -> None:
        async with DiscordDouble(token="right-token") as d:
            client = make_client()
            try:
                with pytest.raises(discord.LoginFailure):
                    await client.login("wrong-token")
            finally:
                await client.close()
            assert d.requests[-1].path == "/users/@me" and d.requests[-1].status == 401
            assert d.requests[-1].response == {"message": "401: Unauthorized", "code": 0}

    run(body)


def test_json_content_type_is_exact_and_unknown_routes_are_recorded() -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with aiohttp.ClientSession() as s:
                async with s.get(d.api_url + "/users/@me", headers={"Authorization": f"Bot {d.token}"}) as r:
                    assert r.headers["Content-Type"] == "application/json"
                    assert (await r.json())["id"] == str(d.application_id)
                async with s.get(d.api_url + "/no/such/thing", headers={"Authorization": f"Bot {d.token}"}) as r:
                    assert r.status == 404
                    assert await r.json() == {"message": "404: Not Found", "code": 0}
            assert [r.path for r in d.unknown_requests] == ["/no/such/thing"]

    run(body)


def test_privileged_intent_not_granted_closes_4014() -> None:
    async def body() -> None:
        async with DiscordDouble(denied_intents=Intents.MESSAGE_CONTENT) as d:
            client = make_client(intents=intents(message_content=True))
            try:
                with pytest.raises(discord.PrivilegedIntentsRequired):
                    await asyncio.wait_for(client.start(d.token), 10)
            finally:
                await client.close()
            assert d.gateway_closes == [(4014, "Disallowed intent(s).")]

    run(body)


def test_op7_reconnect_resumes_and_messages_still_arrive() -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            client = make_client()
            seen: asyncio.Queue = asyncio.Queue()
            resumed = asyncio.Event()

            @client.event
            async def on_message(message: discord.Message) -> None:
                await seen.put(message.content)

            @client.event
            async def on_resumed() -> None:
                resumed.set()

            async with d.run_client(client):
                await d.send_message(content="before")
                assert await asyncio.wait_for(seen.get(), 5) == "before"
                await d.send_reconnect()  # waits until the client RESUMEd on a new connection
                await asyncio.wait_for(resumed.wait(), 5)
                assert len(d.identify_payloads) == 1 and len(d.resume_payloads) == 1
                assert len(d.gateway_connects) == 2
                await d.send_message(content="after")
                assert await asyncio.wait_for(seen.get(), 5) == "after"

    run(body)


# --------------------------------------------------------------------------- messages


def test_channel_send_and_embed_over_limit() -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            client = make_client()
            async with d.run_client(client):
                channel = client.get_channel(d.channel_id)
                sent = await channel.send("hello", embed=discord.Embed(title="T", description="D"))
                rec = await d.wait_for_message()
                assert rec.kind == "channel" and rec.content == "hello" and rec.id == sent.id
                assert rec.embeds[0]["title"] == "T" and rec.channel_id == d.channel_id
                assert sent.author.id == d.application_id

                with pytest.raises(discord.HTTPException) as info:
                    await channel.send(embed=discord.Embed(title="x" * 257))
                assert info.value.status == 400 and info.value.code == 50035
                assert "embeds.0.title" in str(info.value)

                big = discord.Embed(description="y" * 4000)
                with pytest.raises(discord.HTTPException) as info:
                    await channel.send(embeds=[big, big])  # 8000 > 6000 total characters
                assert info.value.code == 50035 and "6000" in str(info.value)

                with pytest.raises(discord.HTTPException) as info:
                    await channel.send("z" * 2001)
                assert info.value.code == 50035

                with pytest.raises(discord.HTTPException) as info:
                    await channel.send("   ")
                assert info.value.status == 400 and info.value.code == 50006
                assert len(d.sent_messages) == 1  # failed sends are not recorded as messages
                assert len(d.error_responses) == 4

    run(body)


def test_reply_with_allowed_mentions_is_recorded() -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            client = make_client()

            @client.event
            async def on_message(message: discord.Message) -> None:
                if message.author.bot:
                    return
                await message.reply(
                    f"hi {message.author.mention}",
                    allowed_mentions=discord.AllowedMentions(everyone=False, users=False, roles=False,
                                                             replied_user=False),
                )

            async with d.run_client(client):
                original = await d.send_message(content="hello bot")
                rec = await d.wait_for_message()
                # discord.py only serialises replied_user when True (False is Discord's default)
                assert rec.payload["allowed_mentions"] == {"parse": []}
                assert rec.payload["message_reference"]["message_id"] == int(original["id"])
                assert rec.message["type"] == 19
                assert rec.message["referenced_message"]["id"] == original["id"]
                assert rec.message["mentions"][0]["id"] == d.member_user["id"]

    run(body)


def test_attachments_in_and_out() -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            client = make_client()

            @client.event
            async def on_message(message: discord.Message) -> None:
                if message.author.bot or not message.attachments:
                    return
                data = await message.attachments[0].read()
                await message.channel.send("got it", file=discord.File(io.BytesIO(data.upper()), "out.txt"))

            async with d.run_client(client):
                att = d.host_file("cv.txt", b"my resume", "text/plain")
                await d.send_message(content="here", attachments=[att])
                rec = await d.wait_for_message()
                assert rec.files[0].filename == "out.txt" and rec.files[0].data == b"MY RESUME"
                out = rec.message["attachments"][0]
                assert out["filename"] == "out.txt" and out["size"] == 9
                async with aiohttp.ClientSession() as s:  # uploaded files are served back
                    async with s.get(out["url"]) as r:
                        assert await r.read() == b"MY RESUME"
                req = await d.wait_for_request("POST", r"/channels/\d+/messages$")
                assert req.json["attachments"][0]["filename"] == "out.txt"

    run(body)


def test_dm_flow_and_blocked_dm() -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            client = make_client()

            @client.event
            async def on_message(message: discord.Message) -> None:
                if message.author.bot:
                    return
                assert isinstance(message.channel, discord.DMChannel)
                await message.channel.send(f"dm reply: {message.content}")

            async with d.run_client(client):
                await d.send_dm(d.member_user, "private question")
                rec = await d.wait_for_message()
                assert rec.is_dm and rec.content == "dm reply: private question"

                user = await client.fetch_user(int(d.mod_user["id"]))
                await user.send("proactive")
                rec = await d.wait_for_message()
                assert rec.content == "proactive" and rec.channel_id == int(d.make_dm_channel(d.mod_user)["id"])

                d.block_dms(d.owner_user)
                owner = await client.fetch_user(int(d.owner_user["id"]))
                with pytest.raises(discord.Forbidden) as info:
                    await owner.send("nope")
                assert info.value.code == 50007

    run(body)


def test_message_content_is_stripped_without_the_intent() -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            client = make_client(intents=intents(message_content=False))
            seen: asyncio.Queue = asyncio.Queue()

            @client.event
            async def on_message(message: discord.Message) -> None:
                await seen.put(message.content)

            async with d.run_client(client):
                await d.send_message(content="secret")
                assert await asyncio.wait_for(seen.get(), 5) == ""
                await d.send_message(content=f"{user_mention(d.bot_user)} hi")
                assert (await asyncio.wait_for(seen.get(), 5)).endswith(" hi")
                await d.send_dm(d.member_user, "dm text")
                assert await asyncio.wait_for(seen.get(), 5) == "dm text"

    run(body)


# --------------------------------------------------------------------------- app commands


def test_slash_sync_invoke_and_response() -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            bot = make_bot()
            guild = discord.Object(d.guild_id)
            calls: List[Any] = []

            @bot.tree.command(name="ask", description="Ask a question", guild=guild)
            @app_commands.describe(question="What to ask", count="How many")
            async def ask(interaction: discord.Interaction, question: str, count: int = 1) -> None:
                calls.append((interaction.user.id, question, count, interaction.guild_id, interaction.channel_id))
                await interaction.response.send_message(f"answer to {question} x{count}", ephemeral=True)

            async with d.run_client(bot):
                synced = await bot.tree.sync(guild=guild)
                assert [c.name for c in synced] == ["ask"] and synced[0].id
                scope, gid, payload = d.command_syncs[-1]
                assert scope == "guild" and gid == d.guild_id and payload[0]["name"] == "ask"
                assert [o["name"] for o in payload[0]["options"]] == ["question", "count"]

                iid = await d.send_slash_command("ask", {"question": "salary?", "count": 3})
                resp = await d.wait_for_interaction_response(iid)
                assert resp.type == 4 and resp.data["content"] == "answer to salary? x3"
                assert resp.data["flags"] == 64
                assert calls == [(int(d.member_user["id"]), "salary?", 3, d.guild_id, d.channel_id)]
                sent = await d.wait_for_message()
                assert sent.kind == "interaction_response" and sent.ephemeral and sent.interaction_id == iid

                with pytest.raises(LookupError):
                    await d.send_slash_command("nope")

    run(body)


def test_subcommand_group_permissions_defer_and_followup() -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            bot = make_bot()
            guild = discord.Object(d.guild_id)
            kb = app_commands.Group(name="kb", description="Knowledge base", guild_ids=[d.guild_id])

            @kb.command(name="reload", description="Reload the knowledge base")
            @app_commands.checks.has_permissions(manage_guild=True)
            async def reload(interaction: discord.Interaction) -> None:
                await interaction.response.defer(thinking=True, ephemeral=True)
                await interaction.followup.send("step 1 done", ephemeral=True)
                await interaction.edit_original_response(content="reloaded 42 docs")

            @reload.error
            async def reload_error(interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
                await interaction.response.send_message("You need Manage Server.", ephemeral=True)

            admin_only = app_commands.Command(name="admin", description="Admin only", callback=_noop)
            admin_only.default_permissions = discord.Permissions(manage_guild=True)
            bot.tree.add_command(kb)
            bot.tree.add_command(admin_only, guild=guild)

            async with d.run_client(bot):
                await bot.tree.sync(guild=guild)
                # a regular member lacks Manage Server -> the check fails -> error handler responds
                iid = await d.send_slash_command("kb reload", user=d.member_user)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.type == 4 and "Manage Server" in resp.data["content"]

                # the moderator has it: defer -> followup -> edit original
                iid = await d.send_slash_command("kb reload", user=d.mod_user)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.type == 5 and resp.data["flags"] == 64
                follow = await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "followup")
                edit = await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "original_edit")
                assert follow.content == "step 1 done" and follow.ephemeral
                assert edit.content == "reloaded 42 docs"
                assert d.interactions[iid].payload["data"]["options"][0] == {"name": "reload", "type": 1, "options": []}

                # explicit permission override withholds Manage Server even from the moderator
                iid = await d.send_slash_command("kb reload", user=d.mod_user, permissions=Perm.EVERYONE_DEFAULT)
                assert "Manage Server" in (await d.wait_for_interaction_response(iid)).data["content"]

                # Discord hides commands whose default_member_permissions the user lacks
                with pytest.raises(PermissionError):
                    await d.send_slash_command("admin", user=d.member_user)

    run(body)


async def _noop(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("ok")


def test_autocomplete_returns_choices() -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            bot = make_bot()
            guild = discord.Object(d.guild_id)
            roles = ["python developer", "python tester", "data engineer"]

            async def role_autocomplete(interaction: discord.Interaction, current: str) -> List[app_commands.Choice[str]]:
                return [app_commands.Choice(name=r, value=r) for r in roles if current.lower() in r]

            @bot.tree.command(name="jobs", description="Search jobs", guild=guild)
            @app_commands.autocomplete(role=role_autocomplete)
            async def jobs(interaction: discord.Interaction, role: str) -> None:
                await interaction.response.send_message(role)

            async with d.run_client(bot):
                await bot.tree.sync(guild=guild)
                iid = await d.send_autocomplete("jobs", {"role": "pyth"}, focused="role")
                choices = await d.wait_for_autocomplete(iid)
                assert choices == [{"name": "python developer", "value": "python developer"},
                                   {"name": "python tester", "value": "python tester"}]
                assert d.interactions[iid].payload["data"]["options"][0]["focused"] is True

    run(body)


def test_interaction_double_ack_and_late_ack() -> None:
    async def body() -> None:
        async with DiscordDouble(interaction_timeout=0.3) as d:
            bot = make_bot()
            guild = discord.Object(d.guild_id)
            errors: List[discord.HTTPException] = []
            failed = asyncio.Event()

            @bot.tree.command(name="slow", description="Too slow", guild=guild)
            async def slow(interaction: discord.Interaction) -> None:
                await asyncio.sleep(0.5)
                try:
                    await interaction.response.send_message("late")
                except discord.HTTPException as exc:
                    errors.append(exc)
                    failed.set()

            @bot.tree.command(name="fast", description="Fast", guild=guild)
            async def fast(interaction: discord.Interaction) -> None:
                await interaction.response.send_message("quick")

            async with d.run_client(bot):
                await bot.tree.sync(guild=guild)
                iid = await d.send_slash_command("slow")
                req = await d.wait_for_request("POST", rf"/interactions/{iid}/")
                assert req.status == 404
                await asyncio.wait_for(failed.wait(), 5)
                assert isinstance(errors[0], discord.NotFound) and errors[0].code == 10062
                assert iid not in d.interaction_responses

                iid = await d.send_slash_command("fast")
                await d.wait_for_interaction_response(iid)
                token = d.interactions[iid].token
                async with aiohttp.ClientSession() as s:  # a second callback, as a buggy bot would send
                    url = f"{d.api_url}/interactions/{iid}/{token}/callback"
                    async with s.post(url, json={"type": 4, "data": {"content": "again"}}) as r:
                        assert r.status == 400
                        assert (await r.json())["code"] == 40060

    run(body)


# --------------------------------------------------------------------------- components


class FeedbackModal(discord.ui.Modal, title="Feedback"):
    answer = discord.ui.TextInput(label="Your answer", custom_id="answer_field")

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"thanks: {self.answer.value}")


class FeedbackView(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=30)

    @discord.ui.button(label="Give feedback", custom_id="feedback_btn")
    async def feedback(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_modal(FeedbackModal(custom_id="feedback_modal"))

    @discord.ui.button(label="Done", custom_id="done_btn", style=discord.ButtonStyle.success)
    async def done(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        button.disabled = True
        await interaction.response.edit_message(content="closed", view=self)


def test_button_click_and_modal_submit_round_trip() -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            client = make_client()

            async with d.run_client(client):
                await client.get_channel(d.channel_id).send("Rate us", view=FeedbackView())
                msg = await d.wait_for_message()
                assert msg.components[0]["components"][0]["custom_id"] == "feedback_btn"

                click = await d.click_button(msg, "feedback_btn", user=d.mod_user)
                resp = await d.wait_for_interaction_response(click)
                assert resp.type == 9 and resp.data["title"] == "Feedback"
                assert d.interactions[click].payload["message"]["id"] == str(msg.id)

                submit = await d.submit_modal("feedback_modal", {"answer_field": "great bot"})
                thanks = await d.wait_for_interaction_response(submit)
                assert thanks.type == 4 and thanks.data["content"] == "thanks: great bot"
                assert d.interactions[submit].payload["member"]["user"]["id"] == d.mod_user["id"]

                done = await d.click_button(msg, "done_btn")
                upd = await d.wait_for_message(lambda m: m.kind == "interaction_update")
                assert upd.content == "closed" and upd.id == msg.id
                assert upd.components[0]["components"][1]["disabled"] is True
                assert d.interaction_responses[done].type == 7
                with pytest.raises(ValueError):  # a disabled button cannot be clicked
                    await d.click_button(msg, "done_btn")

    run(body)


def test_button_on_ephemeral_interaction_response() -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            bot = make_bot()
            guild = discord.Object(d.guild_id)

            @bot.tree.command(name="menu", description="Show a menu", guild=guild)
            async def menu(interaction: discord.Interaction) -> None:
                await interaction.response.send_message("choose", view=FeedbackView(), ephemeral=True)

            async with d.run_client(bot):
                await bot.tree.sync(guild=guild)
                iid = await d.send_slash_command("menu")
                shown = await d.wait_for_message(lambda m: m.interaction_id == iid)
                assert shown.ephemeral and shown.message["interaction_metadata"]["name"] == "menu"
                click = await d.click_button(shown, "done_btn")
                assert d.interaction_responses.get(click) or await d.wait_for_interaction_response(click)
                upd = await d.wait_for_message(lambda m: m.interaction_id == click)
                assert upd.kind == "interaction_update" and upd.content == "closed" and upd.id == shown.id
                assert d.sent_messages[-2:][-1] is upd

    run(body)


def test_interaction_limits_through_discord_py() -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            bot = make_bot()
            guild = discord.Object(d.guild_id)
            errors: asyncio.Queue = asyncio.Queue()

            async def too_many(interaction: discord.Interaction, current: str) -> List[app_commands.Choice[str]]:
                return [app_commands.Choice(name=f"c{n}", value=f"c{n}") for n in range(30)]

            @bot.tree.command(name="find", description="Find", guild=guild)
            @app_commands.autocomplete(q=too_many)
            async def find(interaction: discord.Interaction, q: str) -> None:
                await interaction.response.send_message(q)

            @bot.tree.command(name="wide", description="Long label", guild=guild)
            async def wide(interaction: discord.Interaction) -> None:
                view = discord.ui.View()
                view.add_item(discord.ui.Button(label="L" * 81, custom_id="x"))
                try:
                    await interaction.response.send_message("x", view=view)
                except discord.HTTPException as exc:
                    await errors.put(exc)

            async with d.run_client(bot):
                await bot.tree.sync(guild=guild)
                iid = await d.send_autocomplete("find", {"q": ""}, focused="q")
                req = await d.wait_for_request("POST", rf"/interactions/{iid}/")
                assert req.status == 400 and "choices" in req.response["errors"]["data"]
                await d.send_slash_command("wide")
                exc = await asyncio.wait_for(errors.get(), 5)
                assert exc.code == 50035 and "data.components.0.components.0.label" in str(exc)

    run(body)


def test_validators_match_discord_limits() -> None:
    err = _Errors()
    validate_components([{"type": 1, "components": [{"type": 2, "style": 1, "custom_id": "c", "label": "L" * 81}]}],
                        err, ["components"])
    validate_components([{"type": 1, "components": [{"type": 2, "style": 1, "custom_id": "x" * 101}] * 6}] * 6,
                        err, ["rows"])
    tree = err.tree
    assert tree["components"]["0"]["components"]["0"]["label"]["_errors"][0]["code"] == "BASE_TYPE_MAX_LENGTH"
    assert tree["rows"]["_errors"][0]["message"] == "Must be 5 or fewer in length."
    assert "_errors" in tree["rows"]["0"]["components"]
    assert "custom_id" in tree["rows"]["0"]["components"]["0"]

    err = _Errors()
    validate_embeds([{"fields": [{"name": "n", "value": "v"}] * 26, "footer": {"text": "f" * 2049},
                      "author": {"name": "a" * 257}}] + [{}] * 10, err, ["embeds"])
    e = err.tree["embeds"]
    assert {"_errors", "0"} <= set(e) and {"fields", "footer", "author"} <= set(e["0"])

    err = _Errors()
    validate_embeds([{"fields": [{"name": "n" * 257, "value": "v" * 1025}]}], err, ["embeds"])
    assert set(err.tree["embeds"]["0"]["fields"]["0"]) == {"name", "value"}

    err = _Errors()
    validate_autocomplete({"choices": [{"name": "n" * 101, "value": "v"}] * 26}, err, [])
    assert "_errors" in err.tree["choices"] and "name" in err.tree["choices"]["0"]

    err = _Errors()
    validate_modal({"title": "t" * 46, "custom_id": "m", "components": [
        {"type": 1, "components": [{"type": 4, "custom_id": "f", "label": "l", "style": 1}]}]}, err, [])
    assert set(err.tree) == {"title"}


# --------------------------------------------------------------------------- capacity


def test_capacity_thousands_of_messages() -> None:
    async def body() -> None:
        async with DiscordDouble(record_bodies=False, max_records=100, echo_bot_messages=False) as d:
            client = make_client(max_messages=None)
            count = 0
            done = asyncio.Event()
            total = 2000

            @client.event
            async def on_message(message: discord.Message) -> None:
                nonlocal count
                count += 1
                if count == total:
                    done.set()

            async with d.run_client(client):
                start = time.monotonic()
                for i in range(total):
                    await d.send_message(content=f"m{i}")
                await asyncio.wait_for(done.wait(), 15)
                elapsed = time.monotonic() - start
                assert count == total
                assert elapsed < 10, elapsed
                assert len(d.messages) <= d.max_messages

    run(body, timeout=40)
