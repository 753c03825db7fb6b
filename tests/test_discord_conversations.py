"""Conversations in Discord, end to end: the real discord.py client running the bot against the
Discord double. A member's follow-ups are read in the context of their earlier questions in the
same place within the window; a reply to an old answer continues that answer's conversation;
members and channels never share context; follow-up buttons survive a restart; memory is bounded.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any, Awaitable, Callable

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from bot_harness import cfg, running  # noqa: E402
from discord_double import DiscordDouble, Perm, user_mention  # noqa: E402

from bot.discord_app.conversations import Conversation, Conversations  # noqa: E402
from bot.engine.conversation import Context  # noqa: E402
from bot.live import LiveKnowledge  # noqa: E402
from bot.storage import Store  # noqa: E402

PATHWAY_Q = "how do I become a director of pharmacy operations?"
FOLLOW_UP = "tell me about the second one"  # needs the pathway shown before it
SECOND = "CPOM — Certified Pharmacy Operations Manager"  # the pathway's second step
NEEDS_SUBJECT = "I can't answer that"


def run(fn: Callable[[], Awaitable[Any]], timeout: float = 30.0) -> Any:
    return asyncio.run(asyncio.wait_for(fn(), timeout))


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


def replies_to(msg: dict) -> Callable[[Any], bool]:
    return lambda m: m.payload.get("message_reference", {}).get("message_id") == int(msg["id"])


def custom_ids(msg: Any) -> list[str]:
    return [c["custom_id"] for row in msg.components for c in row.get("components", []) if "custom_id" in c]


def labels(msg: Any) -> dict[str, str]:
    return {c["custom_id"]: c.get("label", "") for row in msg.components for c in row.get("components", []) if "custom_id" in c}


async def ask(d: DiscordDouble, text: str, user: Any = None, channel: int | None = None, reply_to: dict | None = None) -> tuple[dict, Any]:
    """A member @mentions the bot: (their message, the bot's reply)."""
    q = await d.send_message(channel, user or d.member_user, f"{user_mention(d.bot_user)} {text}", reply_to=reply_to)
    return q, await d.wait_for_message(replies_to(q))


def title(reply: Any) -> str:
    return reply.embeds[0]["title"]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def with_clock(bot: Any) -> Clock:
    clock = Clock()
    bot.get_cog("Answers").conversations.clock = clock
    return clock


# --------------------------------------------------------------------------- the window


def test_a_follow_up_in_the_same_channel_within_the_window_is_read_in_context(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store) as bot:
                clock = with_clock(bot)
                _, first = await ask(d, PATHWAY_Q)
                assert title(first).startswith("Certification pathway")
                clock.now += 14 * 60  # within 15 minutes
                _, second = await ask(d, FOLLOW_UP)
                assert title(second) == SECOND
                _, third = await ask(d, "what's their day like?")  # "their": the role of the conversation
                assert title(third) == "Director of Pharmacy Operations: a day in the life"
                # the same in a DM
                q = await d.send_dm(d.member_user, PATHWAY_Q)
                await d.wait_for_message(replies_to(q))
                q = await d.send_dm(d.member_user, FOLLOW_UP)
                assert title(await d.wait_for_message(replies_to(q))) == SECOND

    run(body)


def test_after_the_window_a_new_question_starts_over_but_a_reply_to_the_old_answer_continues_it(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store) as bot:
                clock = with_clock(bot)
                _, old = await ask(d, PATHWAY_Q)
                await ask(d, "what is CHPOP?")  # the conversation moves on
                clock.now += 16 * 60  # expired
                _, cold = await ask(d, FOLLOW_UP)
                assert title(cold) == NEEDS_SUBJECT  # nothing to refer to any more
                # a reply to the old pathway answer continues *its* conversation, however old
                _, reply = await ask(d, FOLLOW_UP, reply_to=old.message)
                assert title(reply) == SECOND
                assert len(bot.get_cog("Answers").conversations) == 1

    run(body)


def test_members_and_channels_never_share_a_conversation(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            other = d.add_channel("careers")
            async with running(d, cfg(d), live, store):
                await ask(d, PATHWAY_Q, user=d.member_user)
                _, theirs = await ask(d, FOLLOW_UP, user=d.mod_user)  # another member, same channel
                assert title(theirs) == NEEDS_SUBJECT
                _, elsewhere = await ask(d, FOLLOW_UP, user=d.member_user, channel=int(other["id"]))  # same member, other channel
                assert title(elsewhere) == NEEDS_SUBJECT
                _, mine = await ask(d, FOLLOW_UP, user=d.member_user)  # back where it was asked: still there
                assert title(mine) == SECOND

    run(body)


def test_ask_shares_the_members_conversation_in_that_channel(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                await ask(d, PATHWAY_Q)
                iid = await d.send_slash_command("ask", {"question": FOLLOW_UP}, user=d.member_user)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.data["embeds"][0]["title"] == SECOND
                iid = await d.send_slash_command("role", {"name": "director-of-pharmacy-operations"}, user=d.mod_user)
                await d.wait_for_interaction_response(iid)
                _, day = await ask(d, "what's their day like?", user=d.mod_user)  # a lookup moves the conversation on too
                assert title(day) == "Director of Pharmacy Operations: a day in the life"

    run(body)


# --------------------------------------------------------------------------- memory


def test_memory_is_bounded_least_recently_used_conversations_go_first(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            members = [d.member_user] + [d.add_user(f"m{i}") for i in range(3)]
            for m in members[1:]:
                d.add_member(m)
            async with running(d, cfg(d, conversation_limit=2), live, store) as bot:
                for m in members:  # four conversations, room for two
                    await ask(d, PATHWAY_Q, user=m)
                conversations = bot.get_cog("Answers").conversations
                assert len(conversations) == 2 and conversations.answers == 2
                _, first = await ask(d, FOLLOW_UP, user=members[0])
                assert title(first) == NEEDS_SUBJECT  # dropped
                _, last = await ask(d, FOLLOW_UP, user=members[-1])
                assert title(last) == SECOND  # kept
                assert len(conversations) == 2

    run(body)


def test_conversations_unit_window_replies_and_bound() -> None:
    clock = Clock()
    c = Conversations(window_seconds=60, limit=3, clock=clock)
    ctx = Context(role="r1")
    c.put(1, 10, Conversation(ctx, pointed=True))
    c.answered(500, Conversation(ctx, pointed=True))
    assert c.get(1, 10).context == ctx and c.get(1, 10).pointed
    assert c.get(2, 10).context == Context() and c.get(1, 11).context == Context()  # other member, other place
    clock.now += 61
    assert c.get(1, 10).context == Context() and len(c) == 0  # expired, and forgotten
    assert c.get(1, 10, answer=500).context == ctx  # a reply to the answer still continues it
    for member in range(100):
        c.put(member, 10, Conversation(Context(role=str(member))))
        c.answered(1000 + member, Conversation(Context(role=str(member))))
    assert len(c) == 3 and c.answers == 3
    assert c.get(99, 10).context.role == "99" and c.get(0, 10).context == Context()
    off = Conversations(window_seconds=60, limit=0, clock=clock)
    off.put(1, 10, Conversation(ctx))
    off.answered(5, Conversation(ctx))
    assert len(off) == 0 and off.get(1, 10, answer=5).context == Context()  # conversation_limit = 0: none kept


# --------------------------------------------------------------------------- buttons


def test_follow_up_buttons_work_after_a_restart_in_the_same_conversation(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                _, pathway = await ask(d, "how do I become a director of pharmacy operations? I already have CHPOP")
                offered = labels(pathway)
                assert {"cb:fu:c:CPOM", "cb:fu:c:CMSO", "cb:fu:c:CPSCM"} <= set(offered) and "cb:fu:c:CHPOP" not in offered
                _, role = await ask(d, "what does a director of pharmacy operations do?")
                offered = labels(role)
                assert offered["cb:fu:r:director-of-pharmacy-operations:d"] == "A day in the life"
                assert offered["cb:fu:p:director-of-pharmacy-operations"] == "Certification pathway"
                assert "cb:fu:r:director-of-pharmacy-operations:o" not in offered  # not the section it shows
            async with running(d, cfg(d), live, store) as bot:  # a restart: nothing in memory
                assert len(bot.get_cog("Answers").conversations) == 0
                iid = await d.click_button(pathway.message, "cb:fu:c:CPOM", user=d.member_user)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.type == 4 and resp.data["embeds"][0]["title"] == SECOND
                cert = d.get_message(resp.message["id"])
                assert "cb:fu:p:director-of-pharmacy-operations" in [c["custom_id"] for row in cert["components"] for c in row["components"]]
                iid = await d.click_button(cert, "cb:fu:p:director-of-pharmacy-operations", user=d.member_user)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.data["embeds"][0]["title"].startswith("Certification pathway")
                _, day = await ask(d, "what's their day like?")  # the buttons moved the conversation on
                assert title(day) == "Director of Pharmacy Operations: a day in the life"
                assert d.error_responses == []

    run(body)


def test_follow_up_buttons_count_against_the_rate_limit(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d, rate_limit_questions=1, rate_limit_seconds=60), live, store):
                _, pathway = await ask(d, PATHWAY_Q)
                iid = await d.click_button(pathway.message, "cb:fu:c:CPOM", user=d.member_user)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.data["flags"] == 64 and resp.data["content"].startswith("Slow down")

    run(body)


def test_the_pointer_comes_once_per_conversation_then_behind_a_button(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                _, first = await ask(d, "how do I make lasagna?")
                fields = [f["name"] for f in first.embeds[0].get("fields", [])]
                assert "What I can do" in fields and "cb:fu:h" not in custom_ids(first)
                assert not any(c.startswith("cb:fb:") for c in custom_ids(first))  # no 👍/👎 under a refusal
                _, second = await ask(d, "what's the weather tomorrow?")
                assert "What I can do" not in [f["name"] for f in second.embeds[0].get("fields", [])]
                assert labels(second)["cb:fu:h"] == "What can you do?"
                iid = await d.click_button(second.message, "cb:fu:h", user=d.member_user)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.data["embeds"][0]["title"].startswith("Career assistant")
                _, other = await ask(d, "how do I make lasagna?", user=d.mod_user)  # another member's conversation
                assert "What I can do" in [f["name"] for f in other.embeds[0].get("fields", [])]

    run(body)


# --------------------------------------------------------------------------- threads


def test_answer_in_threads_starts_a_thread_on_the_question_and_the_conversation_continues_there(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble(bot_permissions=Perm.BOT_DEFAULT | Perm.CREATE_PUBLIC_THREADS) as d:
            config = cfg(d, ask_channel_ids=(d.channel_id,), answer_in_threads=True)
            async with running(d, config, live, store):
                q = await d.send_message(content=PATHWAY_Q)
                answer = await d.wait_for_message(lambda m: m.kind == "channel")
                thread = d.channels[answer.channel_id]
                assert thread["type"] == 11 and int(thread["parent_id"]) == d.channel_id and int(thread["id"]) == int(q["id"])
                assert thread["name"] == PATHWAY_Q and title(answer).startswith("Certification pathway")
                await d.send_message(int(thread["id"]), content=FOLLOW_UP)
                follow = await d.wait_for_message(lambda m: m.channel_id == int(thread["id"]))
                assert title(follow) == SECOND
                assert all(m.channel_id != d.channel_id for m in d.sent_messages)  # nothing in the channel itself

    run(body)


def test_without_the_thread_permission_the_bot_answers_in_the_channel(live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            config = cfg(d, ask_channel_ids=(d.channel_id,), answer_in_threads=True)
            async with running(d, config, live, store):
                q = await d.send_message(content=PATHWAY_Q)
                answer = await d.wait_for_message(replies_to(q))
                assert answer.channel_id == d.channel_id and title(answer).startswith("Certification pathway")

    run(body)
