"""Ask a moderator, and FAQ entries taught from Discord, end to end against the Discord double:
a member passes a question on, a moderator answers it, the bot delivers it and the moderator
saves it as an FAQ entry; only the member who asked may pass it on or withdraw it; only
moderators answer and use "Save as FAQ answer"; an escalation survives a restart.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any, Awaitable, Callable

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from bot_harness import cfg, running  # noqa: E402
from discord_double import DiscordDouble, user_mention  # noqa: E402

from bot.discord_app.constants import NOT_MODERATOR  # noqa: E402
from bot.live import LiveKnowledge  # noqa: E402
from bot.storage import Store  # noqa: E402

PARKING_Q = "how do i get a council parking pass"
PARKING_A = "Email facilities@example.org with your staff number; passes are issued by the council office."


def run(fn: Callable[[], Awaitable[Any]], timeout: float = 30.0) -> Any:
    return asyncio.run(asyncio.wait_for(fn(), timeout))


@pytest.fixture
def store(tmp_path: Path):
    s = Store(tmp_path / "bot.sqlite3")
    yield s
    s.close()


def buttons(msg: Any) -> dict[str, str]:
    components = msg.components if hasattr(msg, "components") else msg.get("components", [])
    return {c["custom_id"]: c.get("label", "") for row in components for c in row.get("components", []) if "custom_id" in c}


def one(ids: dict[str, str], prefix: str) -> str:
    found = [c for c in ids if c.startswith(prefix)]
    assert len(found) == 1, (prefix, ids)
    return found[0]


def replies_to(msg: dict) -> Callable[[Any], bool]:
    return lambda m: m.payload.get("message_reference", {}).get("message_id") == int(msg["id"])


async def result_of(d: DiscordDouble, iid: int) -> Any:
    """The message a button / form / command interaction ended with."""
    resp = await d.wait_for_interaction_response(iid)
    if resp.type == 5:
        return await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "followup")
    return await d.wait_for_message(lambda m: m.interaction_id == iid)


async def form_of(d: DiscordDouble, iid: int) -> tuple[str, dict[str, str]]:
    """The form an interaction opened: (its custom_id, {input: prefilled value})."""
    resp = await d.wait_for_interaction_response(iid)
    assert resp.type == 9, resp
    values = {c["custom_id"]: c.get("value") or "" for row in resp.data["components"] for c in row.get("components", []) if c.get("type") == 4}
    return resp.data["custom_id"], values


def escalating_config(d: DiscordDouble, mods: dict, **kw: Any) -> Any:
    return cfg(d, moderator_channel_id=int(mods["id"]), **kw)


async def ask_and_escalate(d: DiscordDouble, text: str = PARKING_Q, user: Any = None) -> tuple[dict, Any, Any]:
    """A member asks in #general and passes the refusal on: (question, bot's answer, private note)."""
    user = user or d.member_user
    q = await d.send_message(author=user, content=f"{user_mention(d.bot_user)} {text}")
    answer = await d.wait_for_message(replies_to(q))
    iid = await d.click_button(answer, one(buttons(answer), "cb:esc:"), user=user)
    note = await result_of(d, iid)
    assert note.ephemeral
    return q, answer, note


def test_escalate_then_answer_then_save_as_faq(kdir: Path, live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            mods = d.add_channel("moderators")
            helpers = d.add_role("Helpers")
            async with running(d, escalating_config(d, mods, helper_role_id=int(helpers["id"])), live, store):
                q, answer, note = await ask_and_escalate(d)
                assert answer.embeds[0]["title"] == "I can't answer that"
                assert "Passed on to the moderators" in note.text and "reply to your question" in note.text
                assert one(buttons(note), "cb:escw:")
                post = await d.wait_for_message(lambda m: m.channel_id == int(mods["id"]))
                assert post.content == f"<@&{helpers['id']}>"
                assert post.payload["allowed_mentions"]["parse"] == [] and post.payload["allowed_mentions"]["roles"] == [int(helpers["id"])]  # the helpers only
                fields = {f["name"]: f["value"] for f in post.embeds[0]["fields"]}
                assert fields["Question"] == PARKING_Q and fields["The bot answered"].startswith("I can't answer that")
                assert f"https://discord.com/channels/{d.guild_id}/{d.channel_id}/{q['id']}" in fields["Asked"]
                answer_id = one(buttons(post), "cb:esca:")

                # a moderator answers in a form; the bot replies to the member's question
                form, _ = await form_of(d, await d.click_button(post, answer_id, user=d.mod_user))
                iid = await d.submit_modal(form, {"answer": PARKING_A}, user=d.mod_user)
                done = await result_of(d, iid)
                assert done.ephemeral and "Delivered" in done.text
                delivered = await d.wait_for_message(replies_to(q))
                assert delivered.embeds[0]["description"] == PARKING_A and delivered.embeds[0]["fields"][0]["value"] == PARKING_Q
                mentions = delivered.payload["allowed_mentions"]
                assert mentions["parse"] == [] and mentions["replied_user"] is True  # only the member, by the reply
                edited = d.get_message(post.id)
                assert edited["embeds"][0]["title"] == "Answered" and "cb:escf:" in str(edited["components"])

                # Save as FAQ: the member's wording first, the moderator's answer
                form, values = await form_of(d, await d.click_button(done, one(buttons(done), "cb:escf:"), user=d.mod_user))
                assert values["questions"] == PARKING_Q and values["answer"] == PARKING_A
                saved = await result_of(d, await d.submit_modal(form, {"faq_id": "parking-pass"}, user=d.mod_user))
                assert "FAQ entry added" in saved.embeds[0]["title"]
                assert (kdir / "faq" / "parking-pass.yaml").is_file()
                assert [c.action for c in store.history()] == ["faq_add"] and store.history()[0].moderator.startswith("Moderator (")
                q2 = await d.send_message(author=d.owner_user, content=f"{user_mention(d.bot_user)} how do I get a council parking pass?")
                assert (await d.wait_for_message(replies_to(q2))).embeds[0]["description"] == PARKING_A
                # pressing Save as FAQ again says where it went
                again = await result_of(d, await d.click_button(done, one(buttons(done), "cb:escf:"), user=d.mod_user))
                assert "parking-pass" in again.text
                assert d.error_responses == []

    run(body)


def test_only_the_member_who_asked_may_escalate_or_withdraw_and_only_moderators_answer(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            mods = d.add_channel("moderators")
            other = d.add_user("other")
            d.add_member(other)
            async with running(d, escalating_config(d, mods), live, store):
                q = await d.send_message(content=f"{user_mention(d.bot_user)} {PARKING_Q}")
                answer = await d.wait_for_message(replies_to(q))
                esc = one(buttons(answer), "cb:esc:")
                refused = await result_of(d, await d.click_button(answer, esc, user=other))  # another member's answer
                assert refused.ephemeral and "Only the member who asked" in refused.text
                assert not [m for m in d.sent_messages if m.channel_id == int(mods["id"])]  # nothing reached the moderators

                note = await result_of(d, await d.click_button(answer, esc, user=d.member_user))
                post = await d.wait_for_message(lambda m: m.channel_id == int(mods["id"]))
                assert post.content == "" and post.payload["allowed_mentions"]["parse"] == []  # no helper role: no ping
                again = await result_of(d, await d.click_button(answer, esc, user=d.member_user))
                assert "already passed" in again.text
                assert len([m for m in d.sent_messages if m.channel_id == int(mods["id"]) and m.kind == "channel"]) == 1

                # a member may not answer for the moderators
                iid = await d.click_button(post, one(buttons(post), "cb:esca:"), user=other)
                assert (await d.wait_for_interaction_response(iid)).data["content"] == NOT_MODERATOR
                # nor withdraw someone else's question (a forged press: Discord shows the note to its owner only)
                withdraw = one(buttons(note), "cb:escw:")
                assert "Only the member who asked" in (await result_of(d, await d.click_button(note, withdraw, user=other))).text
                # the member withdraws it: the post says so and loses its button; a late Answer is refused
                assert "Withdrawn" in (await result_of(d, await d.click_button(note, withdraw, user=d.member_user))).text
                edited = d.get_message(post.id)
                assert edited["embeds"][0]["title"] == "Withdrawn by the member" and not edited["components"]
                stale = d.add_bot_message(int(mods["id"]), content="old post", components=post.components)
                iid = await d.click_button(stale, one(buttons(post), "cb:esca:"), user=d.mod_user)
                assert "withdrawn by the member" in (await d.wait_for_interaction_response(iid)).data["content"]

    run(body)


def test_escalations_are_rate_limited_per_member_and_absent_without_a_moderator_channel(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            mods = d.add_channel("moderators")
            async with running(d, cfg(d), live, store):  # no moderator channel: no button
                q = await d.send_message(content=f"{user_mention(d.bot_user)} {PARKING_Q}")
                assert not any(c.startswith("cb:esc:") for c in buttons(await d.wait_for_message(replies_to(q))))
            async with running(d, escalating_config(d, mods), live, store):
                for i in range(3):
                    await ask_and_escalate(d, f"{PARKING_Q} number {i}")
                _, _, note = await ask_and_escalate(d, f"{PARKING_Q} again")
                assert "in the last hour" in note.text and not buttons(note)
                q = await d.send_message(content=f"{user_mention(d.bot_user)} what is CPOM?")  # a real answer: no button
                assert not any(c.startswith("cb:esc:") for c in buttons(await d.wait_for_message(replies_to(q))))

    run(body)


def test_a_restart_between_escalation_and_answer_loses_nothing(tmp_path: Path, live: LiveKnowledge) -> None:
    path = tmp_path / "bot.sqlite3"

    async def body() -> None:
        async with DiscordDouble() as d:
            mods = d.add_channel("moderators")
            config = escalating_config(d, mods, database=str(path))
            first = Store(path)
            async with running(d, config, live, first):
                q = await d.send_dm(d.member_user, PARKING_Q)
                answer = await d.wait_for_message(replies_to(q))
                await result_of(d, await d.click_button(answer, one(buttons(answer), "cb:esc:"), user=d.member_user))
                post = await d.wait_for_message(lambda m: m.channel_id == int(mods["id"]))
                assert "in a DM" in {f["name"]: f["value"] for f in post.embeds[0]["fields"]}["Asked"]
            first.close()
            second = Store(path)  # a new process: nothing in memory
            try:
                async with running(d, config, live, second):
                    form, _ = await form_of(d, await d.click_button(post, one(buttons(post), "cb:esca:"), user=d.mod_user))
                    assert "Delivered" in (await result_of(d, await d.submit_modal(form, {"answer": PARKING_A}, user=d.mod_user))).text
                    delivered = await d.wait_for_message(replies_to(q))
                    assert delivered.is_dm and delivered.embeds[0]["description"] == PARKING_A
                    esc = second.escalation(int(one(buttons(post), "cb:esca:").rsplit(":", 1)[1]))
                    assert esc is not None and esc.status == "answered" and esc.answer == PARKING_A
            finally:
                second.close()

    run(body)


def test_a_private_answer_is_answered_in_a_dm_and_undeliverable_answers_stay_open(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            mods = d.add_channel("moderators")
            async with running(d, escalating_config(d, mods, ephemeral=True), live, store):
                iid = await d.send_slash_command("ask", {"question": PARKING_Q}, user=d.member_user)
                answer = await result_of(d, iid)
                assert answer.ephemeral
                note = await result_of(d, await d.click_button(answer, one(buttons(answer), "cb:esc:"), user=d.member_user))
                assert "in a DM" in note.text
                post = await d.wait_for_message(lambda m: m.channel_id == int(mods["id"]))
                assert "privately" in {f["name"]: f["value"] for f in post.embeds[0]["fields"]}["Asked"]  # no jump link to a private answer
                d.block_dms(d.member_user)
                form, _ = await form_of(d, await d.click_button(post, one(buttons(post), "cb:esca:"), user=d.mod_user))
                failed = await result_of(d, await d.submit_modal(form, {"answer": PARKING_A}, user=d.mod_user))
                assert "couldn't deliver" in failed.text and "stays open" in failed.text
                d.blocked_dm_users.clear()
                form, _ = await form_of(d, await d.click_button(post, one(buttons(post), "cb:esca:"), user=d.mod_user))
                assert "Delivered" in (await result_of(d, await d.submit_modal(form, {"answer": PARKING_A}, user=d.mod_user))).text
                dm = await d.wait_for_message(lambda m: m.is_dm and m.kind == "channel")
                assert dm.embeds[0]["description"] == PARKING_A and "message_reference" not in dm.payload

    run(body)


# --------------------------------------------------------------------------- Save as FAQ answer (message command)


def test_save_as_faq_answer_is_for_moderators_and_turns_a_reply_into_an_faq_entry(kdir: Path, live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                question = await d.send_message(author=d.member_user, content="where do I find a council parking permit?")
                reply = await d.send_message(author=d.mod_user, content=PARKING_A, reply_to=question)
                # a member: refused, nothing written (Discord hides the command from them; a forged call is refused)
                iid = await d.send_message_command("Save as FAQ answer", reply, user=d.member_user, check_default_permissions=False)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.data["flags"] == 64 and resp.data["content"] == NOT_MODERATOR
                assert not (kdir / "faq" / "where-do-i-find-a-council-parking-permit.yaml").exists()
                # a moderator: the form shows the question replied to and the reply
                form, values = await form_of(d, await d.send_message_command("Save as FAQ answer", reply, user=d.mod_user))
                assert values["questions"] == "where do I find a council parking permit?" and values["answer"] == PARKING_A
                saved = await result_of(d, await d.submit_modal(form, {}, user=d.mod_user))
                assert "FAQ entry added" in saved.embeds[0]["title"]
                assert (kdir / "faq" / "where-do-i-find-a-council-parking-permit.yaml").is_file()
                assert store.history()[0].action == "faq_add"
                q = await d.send_dm(d.owner_user, "where do i find a council parking permit")
                assert (await d.wait_for_message(replies_to(q))).embeds[0]["description"] == PARKING_A
                # on a bot's message: refused
                bots = d.add_bot_message(d.channel_id, content="a bot message")
                iid = await d.send_message_command("Save as FAQ answer", bots, user=d.mod_user)
                assert "not on a bot's message" in (await d.wait_for_interaction_response(iid)).data["content"]

    run(body)
