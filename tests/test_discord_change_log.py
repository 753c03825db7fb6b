"""The running bot's change log and checks, end to end against the Discord double.

- ``career-bot run`` wires the database into the live knowledge (``runner.prepare``), so a
  file saved by hand while the bot runs is in ``/kb history`` and ``career-bot history`` at
  once, with where it came from (``via``);
- ``/kb history`` says where each change came from;
- ``/kb validate`` shows the loader's warnings (a value cut short at `` #``), clean or not.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Any, Awaitable, Callable

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from bot_harness import cfg, running  # noqa: E402
from discord_double import DiscordDouble  # noqa: E402
from knowledge_helpers import cli_in_process  # noqa: E402

from bot.discord_app.runner import EXIT_CONFIG, prepare  # noqa: E402
from bot.live import LiveKnowledge  # noqa: E402
from bot.storage import Store  # noqa: E402

FAQ = "faq/how-to-report-a-wrong-answer.yaml"
NEW_ANSWER = "Press the thumbs-down button; moderators read every report on Mondays."


def run(fn: Callable[[], Awaitable[Any]], timeout: float = 30.0) -> Any:
    return asyncio.run(asyncio.wait_for(fn(), timeout))


async def slash(d: DiscordDouble, name: str, options: dict | None = None) -> Any:
    """A /kb command as the moderator: the ephemeral message it ends with."""
    iid = await d.send_slash_command(name, options or {}, user=d.mod_user)
    resp = await d.wait_for_interaction_response(iid)
    assert resp.data.get("flags", 0) & 64, resp
    kind = "followup" if resp.type == 5 else "response"
    msg = await d.wait_for_message(lambda m: m.interaction_id == iid and (m.kind == kind or kind == "response"))
    assert msg.ephemeral
    return msg


async def until(check: Callable[[], bool], timeout: float = 8.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.1)


def test_prepare_gives_the_live_knowledge_the_database(kdir: Path, tmp_path: Path) -> None:
    prepared = prepare(cfg(database=str(tmp_path / "bot.sqlite3")), kdir)
    assert not isinstance(prepared, int)
    live, store = prepared
    try:
        assert live.store is store
    finally:
        store.close()


def test_prepare_with_broken_knowledge_closes_the_database_and_says_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "not-knowledge"
    (empty / "roles").mkdir(parents=True)
    (empty / "roles" / "x.yaml").write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    assert prepare(cfg(database=str(tmp_path / "bot.sqlite3")), empty) == EXIT_CONFIG
    err = capsys.readouterr().err
    assert "problem(s); run `career-bot validate" in err and "Traceback" not in err


def test_a_hand_edit_while_the_bot_runs_is_in_kb_history_and_career_bot_history(kdir: Path, tmp_path: Path) -> None:
    db = tmp_path / "bot.sqlite3"

    async def body() -> None:
        async with DiscordDouble() as d:
            config = cfg(d, database=str(db), watch=True)
            prepared = prepare(config, kdir)
            assert not isinstance(prepared, int)
            live, store = prepared
            try:
                async with running(d, config, live, store) as bot:
                    await asyncio.sleep(0.3)  # let the watcher start
                    faq = kdir / FAQ
                    text = faq.read_text(encoding="utf-8")
                    answer = next(line for line in text.splitlines() if line.startswith("answer: "))
                    faq.write_text(text.replace(answer, f"answer: {NEW_ANSWER}"), encoding="utf-8")
                    await until(lambda: NEW_ANSWER in bot.engine.knowledge.faqs["how-to-report-a-wrong-answer"].answer)

                    hist = await slash(d, "kb history")
                    first = hist.embeds[0]["description"].splitlines()[0]
                    assert f"hand_edit `{FAQ}` · via hand edit, noticed by the bot" in first, first
                    undone = await slash(d, "kb undo")
                    assert f"restored {FAQ}" in undone.text
                    assert NEW_ANSWER not in bot.engine.knowledge.faqs["how-to-report-a-wrong-answer"].answer
                    hist = await slash(d, "kb history", {"file": FAQ})
                    lines = hist.embeds[0]["description"].splitlines()
                    assert "undo" in lines[0] and "via Discord" in lines[0] and "via hand edit, noticed by the bot" in lines[1]
                    assert d.error_responses == []
            finally:
                store.close()

    run(body)
    r = cli_in_process("history", "--db", db)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert f"undo  {FAQ} (changed, via Discord)" in lines[0]
    assert f"hand_edit  {FAQ} (changed, via hand edit, noticed by the bot)" in lines[1]


def test_kb_validate_shows_the_loaders_warnings(kdir: Path, live: LiveKnowledge, tmp_path: Path) -> None:
    store = Store(tmp_path / "bot.sqlite3")
    faq = kdir / FAQ
    clean = faq.read_text(encoding="utf-8")

    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                msg = await slash(d, "kb validate")
                assert msg.embeds[0]["title"] == "The knowledge files are clean" and "warning" not in msg.text

                faq.write_text(clean.replace("answer: Press 👎 under the answer", "answer: Ask in #bot-feedback or press 👎"), encoding="utf-8")
                msg = await slash(d, "kb validate")
                assert msg.embeds[0]["title"] == "The knowledge files are clean, with 1 warning", msg.embeds[0]
                assert f"{FAQ}:" in msg.text and "'#bot-feedback or press 👎" in msg.text and "put the whole value in quotes" in msg.text

                # with a problem too: both, the problem first
                (kdir / "faq" / "broken.yaml").write_text("id: broken\nquestions: [unclosed\n", encoding="utf-8")
                msg = await slash(d, "kb validate")
                desc = msg.embeds[0]["description"].splitlines()
                assert msg.embeds[0]["title"] == "The knowledge files have problems"
                assert "faq/broken.yaml" in desc[0] and "#bot-feedback" in desc[-1] and desc[-1].startswith("⚠️")
                assert msg.embeds[0]["footer"]["text"].startswith("1 problem, 1 warning")
                assert d.error_responses == []

    try:
        run(body)
    finally:
        store.close()
