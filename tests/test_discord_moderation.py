"""End-to-end moderator workflow: the real discord.py client running the bot against the Discord double.

Members ask what the bot can't answer -> ``/kb gaps`` groups it -> a moderator acts on a group
(FAQ entry, alias, synonym, phrasing, dismiss) through buttons and forms -> the edit is
validated, written, audited and reloaded live -> the question is answered. Plus the ``/kb``
commands (faq, alias, import with preview, export, history, undo) and their refusals.
Every test works on a temporary copy of the shipped knowledge and a temporary database.
"""

from __future__ import annotations

import asyncio
import io
import os
import sys
import zipfile
from pathlib import Path
from typing import Any, Awaitable, Callable

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from bot_harness import cfg, running  # noqa: E402
from discord_double import DiscordDouble, user_mention  # noqa: E402

from bot.live import LiveKnowledge  # noqa: E402
from bot.storage import Store  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "knowledge"
PAGES = Path(__file__).resolve().parent / "pages"
ROLE = "director-of-pharmacy-operations"
PASS_Q = "how do i get a council parking pass"
PERMIT_Q = "where do i find a council parking permit"
PARKING_ANSWER = "Parking passes are issued by the council office: email facilities@example.org with your staff number."


def run(fn: Callable[[], Awaitable[Any]], timeout: float = 25.0) -> Any:
    return asyncio.run(asyncio.wait_for(fn(), timeout))


@pytest.fixture
def store(tmp_path: Path):
    s = Store(tmp_path / "bot.sqlite3")
    yield s
    s.close()


def snapshot(kdir: Path) -> dict[str, bytes]:
    """Every knowledge file (no backups) -> its bytes."""
    return {p.relative_to(kdir).as_posix(): p.read_bytes() for p in sorted(kdir.rglob("*")) if p.is_file() and ".backups" not in p.relative_to(kdir).parts}


def components(msg: Any) -> list[dict]:
    out = []
    for row in msg.components:
        out.extend(row.get("components", []))
    return out


def custom_ids(msg: Any) -> list[str]:
    return [c["custom_id"] for c in components(msg) if "custom_id" in c]


def replies_to(msg: dict) -> Callable[[Any], bool]:
    return lambda m: m.payload.get("message_reference", {}).get("message_id") == int(msg["id"])


async def ask_dm(d: DiscordDouble, text: str, user: Any = None) -> Any:
    q = await d.send_dm(user or d.member_user, text)
    return await d.wait_for_message(replies_to(q))


async def ask_mention(d: DiscordDouble, text: str) -> Any:
    q = await d.send_message(content=f"{user_mention(d.bot_user)} {text}")
    return await d.wait_for_message(replies_to(q))


async def slash(d: DiscordDouble, name: str, options: dict | None = None, user: Any = None) -> Any:
    """Run a /kb command as a moderator; the ephemeral message it ends with (response or follow-up)."""
    iid = await d.send_slash_command(name, options or {}, user=user or d.mod_user)
    resp = await d.wait_for_interaction_response(iid)
    assert resp.data.get("flags", 0) & 64, f"/{name} must answer ephemerally: {resp}"
    if resp.type == 5:  # deferred: the result is a follow-up
        msg = await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "followup")
    else:
        assert resp.type == 4, resp
        msg = await d.wait_for_message(lambda m: m.interaction_id == iid)
    assert msg.ephemeral
    return msg


async def result_of(d: DiscordDouble, iid: int) -> Any:
    """The message a button / form interaction ended with (deferred follow-up or direct response)."""
    resp = await d.wait_for_interaction_response(iid)
    if resp.type == 5:
        return await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "followup")
    if resp.type == 6:
        return await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind == "original_edit")
    return await d.wait_for_message(lambda m: m.interaction_id == iid)


async def open_gap(d: DiscordDouble, question: str, user: Any = None) -> tuple[Any, str]:
    """/kb gaps, pick the group whose representative is ``question``: (detail message, group key)."""
    page = await slash(d, "kb gaps", user=user)
    select = next(c for c in components(page) if c.get("custom_id") == "cb:gaps:pick")
    key = next(o["value"] for o in select["options"] if o["label"].split(". ", 1)[1] == question)
    iid = await d.select_option(page, "cb:gaps:pick", [key], user=user or d.mod_user)
    detail = await result_of(d, iid)
    assert detail.ephemeral and f"cb:gap:faq:{key}" in custom_ids(detail)
    return detail, key


async def open_form(d: DiscordDouble, message: Any, custom_id: str, user: Any = None) -> tuple[str, dict[str, str]]:
    """Click a button that opens a form: (modal custom_id, {input: prefilled value})."""
    iid = await d.click_button(message, custom_id, user=user or d.mod_user)
    resp = await d.wait_for_interaction_response(iid)
    assert resp.type == 9, resp
    values = {}
    for row in resp.data["components"]:
        for c in row.get("components", []) or [row.get("component", {})]:
            if c.get("type") == 4:
                values[c["custom_id"]] = c.get("value") or ""
    return resp.data["custom_id"], values


def is_answered(rec: Any) -> bool:
    return rec.embeds[0]["title"] != "I can't answer that" and "can't" not in rec.embeds[0]["title"].lower()


# --------------------------------------------------------------------------- the whole loop


def test_gap_to_faq_entry_then_history_and_undo(kdir: Path, live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                for text in (PASS_Q, "How can I get a council parking pass?", PASS_Q):
                    assert not is_answered(await ask_dm(d, text))
                for _ in range(2):
                    assert not is_answered(await ask_mention(d, PERMIT_Q))

                page = await slash(d, "kb gaps")
                desc = page.embeds[0]["description"]
                assert f"**3×** {PASS_Q}" in desc and f"**2×** {PERMIT_Q}" in desc and "unanswered" in desc
                detail, key = await open_gap(d, PASS_Q)
                assert "3×" in detail.embeds[0]["description"] and "How can I get a council parking pass?" in detail.embeds[0]["description"]

                modal, prefilled = await open_form(d, detail, f"cb:gap:faq:{key}")
                assert PASS_Q in prefilled["questions"].splitlines()
                questions = prefilled["questions"] + "\n" + PERMIT_Q
                iid = await d.submit_modal(modal, {"questions": questions, "answer": PARKING_ANSWER}, user=d.mod_user)
                done = await result_of(d, iid)
                assert done.ephemeral and "added FAQ 'how-do-i-get-a-council-parking-pass'" in done.text, done.text
                assert "off the review queue" in done.text
                faq = kdir / "faq" / "how-do-i-get-a-council-parking-pass.yaml"
                assert faq.is_file() and PARKING_ANSWER in faq.read_text()

                # answered from the FAQ right away (live reload), in a DM and as a mention
                for rec in (await ask_dm(d, PASS_Q), await ask_mention(d, PERMIT_Q)):
                    assert PARKING_ANSWER in rec.text
                assert store.stats()["by_intent"].get("faq") == 2

                # the handled group left the queue; the permit group is still there
                page = await slash(d, "kb gaps")
                assert f"{PASS_Q}" not in page.embeds[0]["description"] and PERMIT_Q in page.embeds[0]["description"]
                # ... adding it as a phrasing it already has is refused (shown, nothing written); dismiss it instead
                detail, key2 = await open_gap(d, PERMIT_Q)
                modal, prefilled = await open_form(d, detail, f"cb:gap:phrasing:{key2}")
                assert prefilled["question"] == PERMIT_Q
                before = snapshot(kdir)
                iid = await d.submit_modal(modal, {"faq_id": "how-do-i-get-a-council-parking-pass"}, user=d.mod_user)
                refused = await result_of(d, iid)
                assert refused.ephemeral and "already has the phrasing" in refused.text and snapshot(kdir) == before
                iid = await d.click_button(detail, f"cb:gap:dismiss:{key2}", user=d.mod_user)
                assert "Dismissed" in (await result_of(d, iid)).text
                page = await slash(d, "kb gaps")
                assert "No unanswered questions recorded yet." in page.embeds[0]["description"]

                # history shows who changed what; the moderator is the member's display name and id
                hist = await slash(d, "kb history")
                assert "faq_add" in hist.text and "faq/how-do-i-get-a-council-parking-pass.yaml" in hist.text
                assert f"Moderator ({d.mod_user['id']})" in hist.text
                assert store.history()[0].moderator == f"Moderator ({d.mod_user['id']})"

                # undo: the FAQ entry is gone and the question is unanswered again
                undone = await slash(d, "kb undo")
                assert "removed faq/how-do-i-get-a-council-parking-pass.yaml" in undone.text
                assert not faq.exists()
                assert not is_answered(await ask_dm(d, PASS_Q))
                hist = await slash(d, "kb history", {"file": "faq/how-do-i-get-a-council-parking-pass.yaml"})
                lines = hist.embeds[0]["description"].splitlines()
                assert "undo" in lines[0] and "faq_add" in lines[1]
                assert d.error_responses == []

    run(body)


def test_alias_from_gaps_refused_target_keeps_group_open(kdir: Path, live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                for text in ("ops boss", "who is the ops boss", "ops boss"):
                    assert not is_answered(await ask_dm(d, text))
                detail, key = await open_gap(d, "ops boss")
                role_file = kdir / "roles" / f"{ROLE}.yaml"
                before = role_file.read_bytes()

                modal, prefilled = await open_form(d, detail, f"cb:gap:alias:{key}")
                assert prefilled["alias"] == "ops boss"
                iid = await d.submit_modal(modal, {"target": "director-of-pharmacy-ops"}, user=d.mod_user)
                refused = await result_of(d, iid)
                assert refused.ephemeral and "no role id or certification code" in refused.text and ROLE in refused.text  # did you mean
                assert role_file.read_bytes() == before

                # the group is still open: the same buttons work again
                modal, _ = await open_form(d, detail, f"cb:gap:alias:{key}")
                iid = await d.submit_modal(modal, {"target": ROLE}, user=d.mod_user)
                done = await result_of(d, iid)
                assert "'ops boss' now means role 'director-of-pharmacy-operations'" in done.text
                assert "ops boss" in role_file.read_text()
                for text in ("who is the ops boss", "what does the ops boss do?"):
                    assert (await ask_dm(d, text)).embeds[0]["title"] == "Director of Pharmacy Operations"

                # a stale button of the handled group: told, no form
                iid = await d.click_button(detail, f"cb:gap:synonym:{key}", user=d.mod_user)
                told = await result_of(d, iid)
                assert "already handled by Moderator" in told.content and "(alias)" in told.content

    run(body)


def test_teach_from_the_gaps_queue_says_what_a_question_means(kdir: Path, live: LiveKnowledge, store: Store) -> None:
    badge = "gimme the scoop on the ops manager badge"

    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                assert not is_answered(await ask_dm(d, badge))
                detail, key = await open_gap(d, badge)
                assert {"Teach: it means…", "Dismiss"} <= {c.get("label") for c in components(detail)}
                modal, prefilled = await open_form(d, detail, f"cb:gap:teach:{key}")
                assert prefilled["question"] == badge
                refused = await result_of(d, await d.submit_modal(modal, {"means": "certificaton", "about": "CPOM"}, user=d.mod_user))
                assert "not something an answer can mean" in refused.text and "certification" in refused.text  # did you mean
                modal, _ = await open_form(d, detail, f"cb:gap:teach:{key}")
                done = await result_of(d, await d.submit_modal(modal, {"means": "certification", "about": "CPOM"}, user=d.mod_user))
                assert f"'{badge}' now means certification about CPOM" in done.text and "off the review queue" in done.text
                assert badge in (kdir / "phrasings.yaml").read_text()
                assert (await ask_dm(d, badge)).embeds[0]["title"].startswith("CPOM")
                assert store.history()[0].action == "teach"

    run(body)


def test_two_moderators_on_the_same_gap_only_one_edit_lands(kdir: Path, live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            other = d.add_user("rita")
            d.add_member(other, roles=[d.mod_role], nick="Rita R.")
            async with running(d, cfg(d), live, store):
                for _ in range(2):
                    await ask_dm(d, PASS_Q)
                detail_a, key = await open_gap(d, PASS_Q, user=d.mod_user)
                detail_b, key_b = await open_gap(d, PASS_Q, user=other)
                assert key == key_b
                modal_a, _ = await open_form(d, detail_a, f"cb:gap:faq:{key}", user=d.mod_user)
                modal_b, _ = await open_form(d, detail_b, f"cb:gap:faq:{key}", user=other)
                assert modal_a != modal_b
                faqs_before = sorted(p.name for p in (kdir / "faq").iterdir())
                # both submit at once
                ia = await d.submit_modal(modal_a, {"answer": PARKING_ANSWER}, user=d.mod_user)
                ib = await d.submit_modal(modal_b, {"answer": "A different answer from Rita."}, user=other)
                ra, rb = await result_of(d, ia), await result_of(d, ib)
                texts = sorted([ra.text, rb.text], key=lambda t: "already handled" in t)
                assert "added FAQ" in texts[0] and "already handled by" in texts[1] and "Nothing was changed" in texts[1]
                winner = "Moderator" if "added FAQ" in ra.text else "Rita R."
                assert f"already handled by {winner} (" in texts[1]
                new = sorted(set(p.name for p in (kdir / "faq").iterdir()) - set(faqs_before))
                assert new == ["how-do-i-get-a-council-parking-pass.yaml"]  # no "-2" duplicate
                changes = store.history()
                assert [c.action for c in changes] == ["faq_add"] and changes[0].moderator.startswith(winner)
                assert store.gaps() == []

    run(body)


# --------------------------------------------------------------------------- broken hand edits


def test_broken_hand_edit_keeps_old_knowledge_and_reports_once(kdir: Path, live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            log_ch = d.add_channel("mod-log")
            log_id = int(log_ch["id"])
            async with running(d, cfg(d, mod_log_channel_id=log_id, watch=True), live, store):
                await asyncio.sleep(0.3)  # let the watcher start
                broken = kdir / "faq" / "broken.yaml"
                broken.write_text("id: broken\nquestions: [unclosed\n")
                rec = await d.wait_for_message(lambda m: m.channel_id == log_id, timeout=8)
                assert "refused" in rec.embeds[0]["title"] and "faq/broken.yaml" in rec.embeds[0]["description"]

                # the same broken file saved again, a manual reload, an edit from Discord: no second report
                broken.write_text("id: broken\nquestions: [unclosed\n")
                msg = await slash(d, "kb reload")
                assert "refused" in msg.embeds[0]["title"] and "faq/broken.yaml" in msg.embeds[0]["description"]
                before = snapshot(kdir)
                msg = await slash(d, "kb alias add", {"target": ROLE, "alias": "ops boss"})
                assert "Not changed" in msg.embeds[0]["title"] and "faq/broken.yaml" in msg.text
                assert snapshot(kdir) == before
                assert (await ask_dm(d, "what is CPOM?")).embeds[0]["title"] == "CPOM — Certified Pharmacy Operations Manager"
                await asyncio.sleep(1.5)  # longer than the watcher's debounce
                reports = [m for m in d.sent_messages if m.channel_id == log_id and any("refused" in (e.get("title") or "") for e in m.embeds)]
                assert len(reports) == 1

                # fixed: edits work again and are logged (one line) in the moderator log
                broken.unlink()
                msg = await slash(d, "kb alias add", {"target": ROLE, "alias": "ops boss"})
                assert msg.embeds[0]["title"] == "Alias added"
                audit = await d.wait_for_message(lambda m: m.channel_id == log_id and "ops boss" in m.content, timeout=5)
                assert audit.content.startswith("📝 Moderator (")

    run(body, timeout=30)


# --------------------------------------------------------------------------- import / export


def test_import_refusals_then_page_import_with_preview_and_confirm(kdir: Path, live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store):
                before = snapshot(kdir)
                refusals = [
                    ("huge.txt", b"Career Path: x\n" + b"a" * (600 * 1024), "text/plain", "limited to 512 KB"),
                    ("setup.exe", b"MZ\x90\x00", "application/octet-stream", "can't import '.exe' files"),
                    ("page.txt", "Director of Pharmacy\n".encode("utf-16"), "text/plain", "not UTF-8"),
                    ("faq.yaml", b"id: x\nquestions: [unclosed\n", "application/x-yaml", "YAML error"),
                ]
                for name, data, ctype, expected in refusals:
                    msg = await slash(d, "kb import", {"attachment": d.host_file(name, data, ctype)})
                    assert "refused" in msg.embeds[0]["title"].lower() and expected in msg.text, (name, msg.text)
                    assert not msg.components
                    assert snapshot(kdir) == before, name

                # a good spotlight page: preview first, nothing written until Confirm
                page = (PAGES / "director-of-pharmacy.txt").read_bytes()
                preview = await slash(d, "kb import", {"attachment": d.host_file("director-of-pharmacy.txt", page, "text/plain")})
                assert preview.embeds[0]["title"] == "Import preview: director-of-pharmacy.txt"
                assert "created   roles/director-of-pharmacy.yaml" in preview.text and "Nothing is written until you confirm" in preview.text
                token = custom_ids(preview)[0].rsplit(":", 1)[1]  # the preview's buttons name it
                assert custom_ids(preview) == [f"cb:import:confirm:{token}", f"cb:import:cancel:{token}"]
                assert snapshot(kdir) == before
                iid = await d.click_button(preview, f"cb:import:confirm:{token}", user=d.mod_user)
                done = await result_of(d, iid)
                assert done.embeds[0]["title"] == "Imported director-of-pharmacy.txt" and not done.components
                assert (kdir / "roles" / "director-of-pharmacy.yaml").is_file()
                rec = await ask_dm(d, "what does a director of pharmacy do?")
                assert rec.embeds[0]["title"] == "Director of Pharmacy"
                assert {c.action for c in store.history()} == {"import"}

                # a YAML file preview, cancelled: nothing written
                after_import = snapshot(kdir)
                faq = b"id: shift-swaps\nquestions:\n  - how do i swap a shift\nanswer: Ask your manager.\n"
                preview = await slash(d, "kb import", {"attachment": d.host_file("shift-swaps.yaml", faq, "application/x-yaml")})
                assert "created   faq/shift-swaps.yaml" in preview.text
                iid = await d.click_button(preview, next(c for c in custom_ids(preview) if c.startswith("cb:import:cancel:")), user=d.mod_user)
                assert "cancelled" in (await result_of(d, iid)).embeds[0]["title"]
                assert snapshot(kdir) == after_import

                # export: the knowledge as a zip attachment
                msg = await slash(d, "kb export")
                assert len(msg.files) == 1 and msg.files[0].filename.endswith(".zip")
                names = zipfile.ZipFile(io.BytesIO(msg.files[0].data)).namelist()
                assert f"roles/{ROLE}.yaml" in names and "roles/director-of-pharmacy.yaml" in names
                assert not any(n.startswith(".") for n in names)
                assert d.error_responses == []

    run(body)


# --------------------------------------------------------------------------- commands and permissions


def test_faq_and_alias_commands_and_member_refused(kdir: Path, live: LiveKnowledge, store: Store) -> None:
    async def body() -> None:
        async with DiscordDouble() as d:
            async with running(d, cfg(d), live, store) as bot:
                # a member (no Manage Server, no moderator role) cannot use them, even if Discord showed them
                before = snapshot(kdir)
                for name, options in (("kb faq add", {}), ("kb alias add", {"target": ROLE, "alias": "x"}), ("kb undo", {})):
                    with pytest.raises(PermissionError):
                        await d.send_slash_command(name, options, user=d.member_user)
                    iid = await d.send_slash_command(name, options, user=d.member_user, check_default_permissions=False)
                    resp = await d.wait_for_interaction_response(iid)
                    assert resp.type == 4 and resp.data["flags"] == 64 and "only moderators" in resp.data["content"]
                assert snapshot(kdir) == before

                # /kb faq add: a form
                iid = await d.send_slash_command("kb faq add", user=d.mod_user)
                resp = await d.wait_for_interaction_response(iid)
                assert resp.type == 9
                iid = await d.submit_modal(resp.data["custom_id"], {"questions": "how do i swap a shift\ncan i swap shifts", "answer": "Ask your manager two weeks ahead.", "faq_id": "shift-swaps", "roles": ROLE}, user=d.mod_user)
                assert "added FAQ 'shift-swaps'" in (await result_of(d, iid)).text
                assert "two weeks ahead" in (await ask_dm(d, "can i swap shifts?")).text

                # /kb faq edit: the form shows the current text
                iid = await d.send_slash_command("kb faq edit", {"faq_id": "shift-swaps"}, user=d.mod_user)
                resp = await d.wait_for_interaction_response(iid)
                current = {c["custom_id"]: c.get("value") for row in resp.data["components"] for c in row.get("components", [])}
                assert current["answer"] == "Ask your manager two weeks ahead." and "can i swap shifts" in current["questions"]
                iid = await d.submit_modal(resp.data["custom_id"], {"answer": "Use the rota app."}, user=d.mod_user)
                assert "changed the answer of FAQ 'shift-swaps'" in (await result_of(d, iid)).text
                assert "rota app" in (await ask_dm(d, "how do i swap a shift")).text
                msg = await slash(d, "kb faq edit", {"faq_id": "shift-swap"})
                assert "no FAQ 'shift-swap'" in msg.content and "shift-swaps" in msg.content

                # autocomplete of FAQ ids
                iid = await d.send_autocomplete("kb faq remove", {"faq_id": "shift"}, "faq_id", user=d.mod_user)
                assert [c["value"] for c in await d.wait_for_autocomplete(iid)] == ["shift-swaps"]

                # /kb faq remove, and undo brings it back
                msg = await slash(d, "kb faq remove", {"faq_id": "shift-swaps"})
                assert "removed FAQ 'shift-swaps'" in msg.text and "shift-swaps" not in bot.engine.knowledge.faqs
                msg = await slash(d, "kb undo", {"file": "faq/shift-swaps.yaml"})
                assert "restored faq/shift-swaps.yaml" in msg.text and "shift-swaps" in bot.engine.knowledge.faqs

                # aliases: add, duplicate refused, remove
                msg = await slash(d, "kb alias add", {"target": "cpom", "alias": "ops manager cert"})
                assert "'ops manager cert' now means certification CPOM" in msg.text
                assert (await ask_dm(d, "what is the ops manager cert?")).embeds[0]["title"].startswith("CPOM")
                msg = await slash(d, "kb alias add", {"target": "CPOM", "alias": "Ops Manager Cert"})
                assert msg.embeds[0]["title"] == "Not changed" and "already has the alias" in msg.text
                msg = await slash(d, "kb alias remove", {"target": "CPOM", "alias": "ops manager cert"})
                assert "no longer means certification CPOM" in msg.text
                msg = await slash(d, "kb synonym", {"word": "boss", "meaning": "director"})
                assert "'boss' now reads as 'director'" in msg.text

                hist = await slash(d, "kb history")
                actions = [line.split("** ")[1].split(" ")[0] for line in hist.embeds[0]["description"].splitlines()]
                assert actions == ["synonym_add", "alias_remove", "alias_add", "undo", "faq_remove", "faq_edit", "faq_add"]
                msg = await slash(d, "kb history", {"file": "../etc/passwd"})
                assert "not a knowledge file" in msg.text
                assert d.error_responses == []

    run(body)
