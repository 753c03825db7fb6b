"""``/kb import`` of web pages, end to end against the Discord double: a saved ``.html`` page as
the attachment, or ``url:``, a page's address the bot fetches (off the event loop, after
deferring), then the same preview -> Confirm flow. Exactly one of the two; every refusal says
which option and what is wrong, and writes nothing. Pages come from a local HTTP server on
loopback (``page_server``), never the network."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Any, Awaitable, Callable, Iterator

import pytest
import yaml

sys.path.insert(0, os.path.dirname(__file__))

from bot_harness import cfg, running  # noqa: E402
from discord_double import DiscordDouble  # noqa: E402
from page_server import HTML, MSO, OPS, Route, send, serve_pages, slow, trickle  # noqa: E402

from bot.knowledge import fetch  # noqa: E402
from bot.live import LiveKnowledge  # noqa: E402
from bot.storage import Store  # noqa: E402

MSO_ROLE = f"roles/{MSO}.yaml"


def run(fn: Callable[[], Awaitable[Any]], timeout: float = 40.0) -> Any:
    return asyncio.run(asyncio.wait_for(fn(), timeout))


@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, Route]]]:
    with serve_pages() as served:
        yield served


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "bot.sqlite3")
    yield s
    s.close()


def snapshot(kdir: Path) -> dict[str, bytes]:
    return {p.relative_to(kdir).as_posix(): p.read_bytes() for p in sorted(kdir.rglob("*")) if p.is_file()}


def custom_ids(msg: Any) -> list[str]:
    return [c["custom_id"] for row in msg.components for c in row.get("components", []) if "custom_id" in c]


async def ended_with(d: DiscordDouble, iid: int) -> Any:
    """The ephemeral message an interaction ended with; it was answered or deferred in 3 s."""
    resp = await d.wait_for_interaction_response(iid, timeout=5)
    assert resp.time - d.interactions[iid].created < 3.0
    assert resp.data.get("flags", 0) & 64, resp
    if resp.type == 5:
        msg = await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "followup", timeout=30)
    elif resp.type == 6:
        msg = await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "original_edit")
    else:
        msg = await d.wait_for_message(lambda m: m.interaction_id == iid)
    return msg


async def import_(d: DiscordDouble, **options: Any) -> Any:
    return await ended_with(d, await d.send_slash_command("kb import", options, user=d.mod_user))


async def confirm(d: DiscordDouble, preview: Any) -> Any:
    token = custom_ids(preview)[0].rsplit(":", 1)[1]
    assert custom_ids(preview) == [f"cb:import:confirm:{token}", f"cb:import:cancel:{token}"]
    iid = await d.click_button(preview, f"cb:import:confirm:{token}", user=d.mod_user)
    resp = await d.wait_for_interaction_response(iid)
    assert resp.type == 6
    return await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "original_edit")


async def ask_dm(d: DiscordDouble, text: str) -> Any:
    q = await d.send_dm(d.member_user, text)
    return await d.wait_for_message(lambda m: m.payload.get("message_reference", {}).get("message_id") == int(q["id"]), timeout=10)


def test_import_from_an_address_previews_then_confirms(kdir: Path, live: LiveKnowledge, store: Store, server: tuple[str, dict[str, Route]]) -> None:
    base, _ = server
    address = f"{base}/spotlight/mso"

    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store) as bot:
                before = snapshot(kdir)
                preview = await import_(d, url=address)
                assert preview.embeds[0]["title"] == f"Import preview: {address}"
                assert f"created   {MSO_ROLE}" in preview.text and f"created   sources/{MSO}.html" in preview.text
                assert "Nothing is written until you confirm" in preview.text
                assert snapshot(kdir) == before
                done = await confirm(d, preview)
                assert done.embeds[0]["title"] == f"Imported {address}" and not done.components
                role = yaml.safe_load((kdir / MSO_ROLE).read_text(encoding="utf-8"))
                assert role["links"] == [{"label": "Council page", "url": address}]  # members see the council's page
                assert (kdir / "sources" / f"{MSO}.html").is_file()
                assert MSO in bot.engine.knowledge.roles
                rec = await ask_dm(d, "what does a medication safety officer do?")
                assert rec.embeds[0]["title"].startswith("Medication Safety Officer") and rec.embeds[0].get("url") == address
                changes = store.history()
                assert {c.action for c in changes} == {"import"} and {c.via for c in changes} == {"Discord"}
                assert d.error_responses == []

    run(body)


def test_a_saved_html_page_imports_like_its_text(kdir: Path, live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store) as bot:
                for name in (f"{MSO}.htm", f"{MSO}.html"):
                    preview = await import_(d, attachment=d.host_file(name, (HTML / f"{MSO}.html").read_bytes(), "text/html"))
                    assert preview.embeds[0]["title"] == f"Import preview: {name}" and f"created   {MSO_ROLE}" in preview.text
                done = await confirm(d, preview)
                assert done.embeds[0]["title"] == f"Imported {MSO}.html"
                assert MSO in bot.engine.knowledge.roles and (kdir / "sources" / f"{MSO}.html").is_file()
                assert yaml.safe_load((kdir / MSO_ROLE).read_text(encoding="utf-8"))["links"] == []  # no address: no link
                assert d.error_responses == []

    run(body)


def test_a_slow_page_is_fetched_after_deferring_while_the_bot_keeps_answering(kdir: Path, live: LiveKnowledge, store: Store, server: tuple[str, dict[str, Route]]) -> None:
    base, routes = server
    routes["/slow/ops"] = slow(3.5, send(200, (HTML / f"{OPS}.html").read_bytes()))

    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                started = time.monotonic()
                iid = await d.send_slash_command("kb import", {"url": f"{base}/slow/ops"}, user=d.mod_user)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.type == 5 and resp.data["flags"] & 64  # deferred (ephemeral) at once
                rec = await ask_dm(d, "what is CPOM?")  # the event loop is not blocked by the download
                assert rec.embeds[0]["title"].startswith("CPOM") and time.monotonic() - started < 3.0
                msg = await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "followup", timeout=30)
                assert time.monotonic() - started >= 3.5
                assert msg.embeds[0]["title"] == f"Import preview: {base}/slow/ops" and custom_ids(msg)[0].startswith("cb:import:confirm:")
                assert d.error_responses == []

    run(body)


@pytest.mark.parametrize(
    "options, expected",
    [
        ({}, "/kb import got no page: give attachment: (a file) or url: (the page's address)."),
        ({"url": "   "}, "/kb import got no page: give attachment: (a file) or url: (the page's address)."),
        ({"url": "{base}/spotlight/mso", "attachment": "page.txt"}, "/kb import got both an attachment: and a url:; give one of them."),
        ({"url": "ftp://127.0.0.1/page.html"}, "url: 'ftp://127.0.0.1/page.html' is not an http:// or https:// address; only web pages are fetched."),
        ({"url": "file:///etc/passwd"}, "url: 'file:///etc/passwd' is not an http:// or https:// address"),
        ({"url": "council page"}, "url: 'council page' is not an http:// or https:// address"),
        ({"url": "http://169.254.169.254/latest/meta-data/"}, "url: http://169.254.169.254/latest/meta-data/: 169.254.169.254 is at 169.254.169.254, where no web page is fetched from"),
        ({"url": "{base}/missing"}, "url: {base}/missing: the server answered 404 Not Found; nothing was written"),
        ({"url": "{base}/pdf"}, "url: {base}/pdf: the address is not a web page (it is application/pdf)"),
        ({"url": "{base}/huge"}, "url: {base}/huge: the page is 52,428,800 bytes; pages are limited to 2 MB"),
        ({"url": "{base}/to-file"}, "url: {base}/to-file: the page redirects to a file: address; only http and https pages are fetched"),
        ({"url": "{base}/trickle"}, "url: {base}/trickle: the page took too long to download"),
        ({"url": "{base}/not-a-page"}, "url: {base}/not-a-page:1: expected the role title"),
        ({"attachment": "setup.exe"}, "attachment: setup.exe: can't import '.exe' files; send a spotlight page (.txt or .html)"),
        ({"attachment": "broken.html"}, "attachment: broken.html:1: expected the role title"),
    ],
)
def test_refusals_say_which_option_and_what_and_write_nothing(kdir: Path, live: LiveKnowledge, store: Store, server: tuple[str, dict[str, Route]], monkeypatch: pytest.MonkeyPatch, options: dict[str, str], expected: str) -> None:
    base, routes = server
    routes["/pdf"] = send(200, b"%PDF-1.4", "application/pdf")
    routes["/huge"] = send(200, b"", length=str(50 * 1024 * 1024))
    routes["/to-file"] = send(302, Location="file:///etc/passwd")
    routes["/trickle"] = trickle
    routes["/not-a-page"] = send(200, b"<html><body><p>Welcome! Our careers site is moving.</p></body></html>")
    monkeypatch.setattr(fetch, "TIMEOUT", 1.0)
    files = {
        "page.txt": (b"Career Path: x\n", "text/plain"),
        "setup.exe": (b"MZ\x90\x00", "application/octet-stream"),
        "broken.html": (b"<html><body><p>Welcome! Our careers site is moving.</p></body></html>", "text/html"),
    }

    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                before = snapshot(kdir)
                given: dict[str, Any] = {}
                for key, value in options.items():
                    given[key] = d.host_file(value, *files[value]) if key == "attachment" else value.replace("{base}", base)
                msg = await import_(d, **given)
                assert msg.embeds[0]["title"].startswith("Import refused"), msg.embeds[0]
                assert expected.replace("{base}", base) in msg.text, msg.text
                assert not msg.components and snapshot(kdir) == before and store.history() == []
                assert d.error_responses == []

    run(body)
