"""Importing web pages (issue 12, part 5): `import PAGE.html` and `import http://…` give the same
knowledge as the `.txt` page; fetching is http(s) only, bounded in time and size, and never
follows a redirect to another scheme; the page is kept in sources/ and its address becomes the
role's council page; `KnowledgeEditor.preview_import_url` previews like `preview_import`.
Pages come from a local HTTP server on loopback, never the network."""

from __future__ import annotations

import http.server
import socket
import ssl
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.knowledge import fetch
from bot.knowledge.fetch import FetchError
from bot.knowledge.loader import load_knowledge
from bot.moderation import EditError, KnowledgeEditor

try:
    from knowledge_helpers import cli_in_process, page, seed_path, snapshot, write
    from page_server import HTML, MSO, OPS, Route, endless, send, serve_pages, trickle
except ImportError:  # tests/ became a package
    from tests.knowledge_helpers import cli_in_process, page, seed_path, snapshot, write
    from tests.page_server import HTML, MSO, OPS, Route, endless, send, serve_pages, trickle

@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, Route]]]:
    with serve_pages() as served:
        yield served


def yaml_files(kb: Path) -> dict[str, dict]:
    return {p.relative_to(kb).as_posix(): yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(kb.rglob("*.yaml")) if not p.relative_to(kb).as_posix().startswith(".")}


def import_into(kb: Path, *pages: str | Path) -> str:
    r = cli_in_process("import", "--init", *pages, "--knowledge", kb, "--as", "Ana")
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.parametrize("name, txt", [(OPS, None), (MSO, page(f"{MSO}.txt"))])
def test_an_html_page_and_its_address_give_the_same_yaml_as_the_txt_page(tmp_path: Path, server: tuple[str, dict[str, Route]], name: str, txt: Path | None) -> None:
    base, _ = server
    short = "ops" if name == OPS else "mso"
    import_into(tmp_path / "from-txt", txt or seed_path(tmp_path))
    import_into(tmp_path / "from-html", HTML / f"{name}.html")
    import_into(tmp_path / "from-url", f"{base}/spotlight/{short}")
    from_txt, from_html, from_url = (yaml_files(tmp_path / k) for k in ("from-txt", "from-html", "from-url"))
    assert from_html == from_txt
    role = f"roles/{name}.yaml"
    assert from_url[role].pop("links") == [{"label": "Council page", "url": f"{base}/spotlight/{short}"}]  # members see the council's page
    assert from_txt[role].pop("links") == []
    assert from_url == from_txt
    for kind in ("from-html", "from-url"):
        kept = (tmp_path / kind / "sources" / f"{name}.html").read_bytes().decode("utf-8")
        assert "<h1>" in kept and ("©" in kept or name == OPS)  # the web page itself, as UTF-8
        load_knowledge(tmp_path / kind)


def test_the_address_after_redirects_is_recorded_and_moderators_links_are_kept(tmp_path: Path, server: tuple[str, dict[str, Route]]) -> None:
    base, _ = server
    kb = tmp_path / "kb"
    import_into(kb, f"{base}/old/ops")
    assert yaml_files(kb)[f"roles/{OPS}.yaml"]["links"] == [{"label": "Council page", "url": f"{base}/spotlight/ops"}]
    role = kb / "roles" / f"{OPS}.yaml"
    role.write_text(role.read_text().replace(f"url: {base}/spotlight/ops", "url: https://example.org/ops-careers"), encoding="utf-8")
    import_into(kb, f"{base}/spotlight/ops")
    assert yaml_files(kb)[f"roles/{OPS}.yaml"]["links"] == [{"label": "Council page", "url": "https://example.org/ops-careers"}]


@pytest.mark.parametrize(
    "path, message",
    [
        ("/missing", "the server answered 404"),
        ("/pdf", "is not a web page (it is application/pdf)"),
        ("/to-file", "redirects to a file: address; only http and https pages are fetched"),
        ("/to-ftp", "redirects to a ftp: address"),
        ("/loop", "redirects more than 5 times"),
        ("/huge", "the page is 52,428,800 bytes; pages are limited to 2 MB"),
        ("/endless", "the page is over 2 MB"),
        ("/not-a-page", "expected the role title"),
    ],
)
def test_fetch_refusals_are_one_line_and_write_nothing(tmp_path: Path, kdir: Path, server: tuple[str, dict[str, Route]], path: str, message: str) -> None:
    base, routes = server
    routes["/pdf"] = send(200, b"%PDF-1.4", "application/pdf")
    routes["/to-file"] = send(302, Location="file:///etc/passwd")
    routes["/to-ftp"] = send(302, Location="ftp://127.0.0.1/page.html")
    routes["/loop"] = send(302, Location=f"{base}/loop")
    routes["/huge"] = send(200, b"", length=str(50 * 1024 * 1024))
    routes["/endless"] = endless
    routes["/not-a-page"] = send(200, b"<html><body><p>Welcome! Our careers site is moving.</p></body></html>")
    before = snapshot(kdir)
    r = cli_in_process("import", f"{base}{path}", "--knowledge", kdir)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and message in r.stderr, r.stderr
    assert "nothing was written" in r.stderr
    assert snapshot(kdir) == before


def test_a_page_that_never_finishes_is_given_up(server: tuple[str, dict[str, Route]], monkeypatch: pytest.MonkeyPatch) -> None:
    base, routes = server
    routes["/trickle"] = trickle
    monkeypatch.setattr(fetch, "TIMEOUT", 1.0)
    started = time.monotonic()
    with pytest.raises(FetchError) as e:
        fetch.fetch(f"{base}/trickle")
    assert "took too long" in e.value.message and time.monotonic() - started < 5


@pytest.mark.parametrize(
    "url, message",
    [
        ("ftp://127.0.0.1/page.html", "is not an http:// or https:// address"),
        ("file:///etc/passwd", "is not an http:// or https:// address"),
        ("http:///page", "names no server"),
        ("http://169.254.169.254/latest/meta-data/", "where no web page is fetched from"),
        ("http://[fe80::1]/", "where no web page is fetched from"),
        ("http://127.0.0.1:notaport/", "is not a web address"),
    ],
)
def test_addresses_that_are_never_fetched(url: str, message: str) -> None:
    with pytest.raises(FetchError) as e:
        fetch.fetch(url)
    assert message in e.value.message


def test_preview_import_url_has_the_shape_of_preview_import(kdir: Path, server: tuple[str, dict[str, Route]]) -> None:
    base, _ = server
    ed = KnowledgeEditor(kdir)
    before = snapshot(kdir)
    preview = ed.preview_import_url(f"{base}/spotlight/mso")
    assert snapshot(kdir) == before  # a preview writes nothing
    assert set(preview.created) == {f"roles/{MSO}.yaml", f"sources/{MSO}.txt", f"sources/{MSO}.html", "certifications/CEPRS.yaml"}
    assert "created   roles/medication-safety-officer.yaml" in preview.summary and "note: CMSO already exists" in preview.summary
    attachment = ed.preview_import(f"{MSO}.html", (HTML / f"{MSO}.html").read_bytes())
    assert set(attachment.created) == set(preview.created)
    assert {r: t for r, t in attachment.files.items() if r != f"roles/{MSO}.yaml"} == {r: t for r, t in preview.files.items() if r != f"roles/{MSO}.yaml"}
    results = ed.apply_import("Sam (42)", preview)
    assert {r.file for r in results} == set(preview.created)
    assert load_knowledge(kdir).roles[MSO].links[0].url == f"{base}/spotlight/mso"
    with pytest.raises(EditError) as e:
        ed.preview_import_url(f"{base}/missing")
    assert e.value.message == f"{base}/missing: the server answered 404 Not Found; nothing was written"


def test_an_error_in_a_web_page_names_its_line_in_the_html(tmp_path: Path, kdir: Path) -> None:
    html = (HTML / f"{OPS}.html").read_text(encoding="utf-8")
    broken = html.replace("<p>Critical for an operations leader, this proves your ability to embed safety principles and processes directly into daily workflows.</p>", "")
    bad = write(tmp_path / "ops.html", broken)
    r = cli_in_process("import", bad, "--knowledge", kdir)
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if '<h3 class="code">CMSO</h3>' in text)
    assert r.returncode == 1 and f"ops.html:{line}: certification CMSO (Certified Medication Safety Officer) has no description" in r.stderr, r.stderr


def test_web_pages_are_decoded_as_they_say_and_refused_when_they_lie(tmp_path: Path, kdir: Path) -> None:
    page_1252 = (HTML / f"{MSO}.html").read_bytes()
    assert b"\xa9" in page_1252  # a byte that is not UTF-8: read as windows-1252, as the page says
    assert cli_in_process("import", HTML / f"{MSO}.html", "--knowledge", kdir).returncode == 0
    lying = write(tmp_path / "lying.html", page_1252.replace(b"charset=windows-1252", b"charset=utf-8"))
    r = cli_in_process("import", lying, "--knowledge", kdir)
    assert r.returncode == 1 and "not valid utf-8 text (byte 0x" in r.stderr and "save the page as UTF-8" in r.stderr
    weird = write(tmp_path / "weird.html", page_1252.replace(b"charset=windows-1252", b"charset=rot13"))
    r = cli_in_process("import", weird, "--knowledge", kdir)
    assert r.returncode == 1 and "which is not a text encoding" in r.stderr


# --------------------------------------------------------------------------- DNS rebinding


class Rebinding:
    """A resolver for ``name`` that gives ``answers`` in turn (the last one from then on); every
    other name resolves as usual. Patched over ``socket.getaddrinfo``, so any second lookup --
    by our code or by the standard library's connection -- sees the second answer."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str, *answers: str):
        self.name, self.answers, self.calls = name, list(answers), 0
        self.real = socket.getaddrinfo
        monkeypatch.setattr(socket, "getaddrinfo", self)

    def __call__(self, host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != self.name:
            return self.real(host, port, *args, **kwargs)
        answer = self.answers[min(self.calls, len(self.answers) - 1)]
        self.calls += 1
        return self.real(answer, port, *args, **kwargs)


@pytest.fixture
def hosts_seen(server: tuple[str, dict[str, Route]]) -> list[str]:
    """The Host header of every request to /spotlight/ops."""
    base, routes = server
    seen: list[str] = []
    page_route = routes["/spotlight/ops"]

    def route(h: http.server.BaseHTTPRequestHandler) -> None:
        seen.append(h.headers.get("Host", ""))
        page_route(h)

    routes["/spotlight/ops"] = route
    return seen


def test_a_name_that_answers_differently_the_second_time_reaches_only_the_address_checked(server: tuple[str, dict[str, Route]], hosts_seen: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    base, _ = server
    port = base.rsplit(":", 1)[1]
    monkeypatch.setattr(fetch, "TIMEOUT", 2.0)  # a connection to 169.254.169.254 would fail within this
    resolver = Rebinding(monkeypatch, "council.test", "127.0.0.1", "169.254.169.254")
    got = fetch.fetch(f"http://council.test:{port}/spotlight/ops")
    assert got.html and b"<h1>" in got.data
    assert resolver.calls == 1  # looked up once: the address checked is the address connected to
    assert hosts_seen == [f"council.test:{port}"]  # the Host header still names the server


def test_a_refused_first_answer_is_never_connected_to_whatever_the_name_says_next(server: tuple[str, dict[str, Route]], hosts_seen: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    base, _ = server
    port = base.rsplit(":", 1)[1]
    resolver = Rebinding(monkeypatch, "council.test", "169.254.169.254", "127.0.0.1")
    with pytest.raises(FetchError) as e:
        fetch.fetch(f"http://council.test:{port}/spotlight/ops")
    assert e.value.message == "council.test is at 169.254.169.254, where no web page is fetched from (link-local, multicast or reserved)"
    assert resolver.calls == 1 and hosts_seen == []


def test_a_redirect_to_a_rebinding_name_is_checked_the_same_way(server: tuple[str, dict[str, Route]], hosts_seen: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    base, routes = server
    port = base.rsplit(":", 1)[1]
    monkeypatch.setattr(fetch, "TIMEOUT", 2.0)
    routes["/moved"] = send(302, Location=f"http://council.test:{port}/spotlight/ops")
    resolver = Rebinding(monkeypatch, "council.test", "127.0.0.1", "169.254.169.254")
    assert b"<h1>" in fetch.fetch(f"{base}/moved").data
    assert resolver.calls == 1 and hosts_seen == [f"council.test:{port}"]
    routes["/moved-bad"] = send(302, Location=f"http://metadata.test:{port}/spotlight/ops")
    Rebinding(monkeypatch, "metadata.test", "169.254.169.254")
    with pytest.raises(FetchError) as e:
        fetch.fetch(f"{base}/moved-bad")
    assert "metadata.test is at 169.254.169.254" in e.value.message and len(hosts_seen) == 1


def test_https_checks_the_certificate_against_the_name_while_connecting_to_the_address_checked(server: tuple[str, dict[str, Route]], monkeypatch: pytest.MonkeyPatch) -> None:
    """TLS is given the server's name (SNI, certificate check), the socket the checked address."""
    base, _ = server
    port = int(base.rsplit(":", 1)[1])
    Rebinding(monkeypatch, "council.test", "127.0.0.1", "169.254.169.254")
    wrapped: list[tuple[str | None, Any]] = []

    class Context(ssl.SSLContext):
        def wrap_socket(self, sock: socket.socket, *args: Any, server_hostname: str | None = None, **kwargs: Any) -> Any:
            wrapped.append((server_hostname, sock.getpeername()[:2]))
            return sock

    conn = fetch._HTTPSConnection("council.test", port, timeout=2, context=Context(ssl.PROTOCOL_TLS_CLIENT))
    try:
        conn.connect()
    finally:
        conn.close()
    assert wrapped == [("council.test", ("127.0.0.1", port))]


def test_eval_imports_a_saved_web_page_like_its_text(tmp_path: Path, kdir: Path) -> None:
    questions = write(
        tmp_path / "set.yaml",
        "questions:\n"
        "- {id: a, category: role, q: 'what does a medication safety officer do', intents: [role], role: medication-safety-officer}\n"
        "- {id: b, category: certification, q: 'what is CEPRS', intents: [certification], cert: CEPRS}\n",
    )
    before = snapshot(kdir)
    as_text = cli_in_process("eval", "--set", questions, "--import", page(f"{MSO}.txt"), "--knowledge", kdir)
    as_html = cli_in_process("eval", "--set", questions, "--import", HTML / f"{MSO}.html", "--knowledge", kdir)
    without = cli_in_process("eval", "--set", questions, "--knowledge", kdir)
    assert as_text.returncode == as_html.returncode == 0, as_html.stderr
    assert "inscope=1.000" in as_html.stdout and as_html.stdout == as_text.stdout
    assert "inscope=1.000" not in without.stdout  # the page is what answers them
    assert snapshot(kdir) == before  # imported in memory only

    html = (HTML / f"{OPS}.html").read_text(encoding="utf-8")
    broken = write(tmp_path / "ops.html", html.replace("<p>Critical for an operations leader, this proves your ability to embed safety principles and processes directly into daily workflows.</p>", ""))
    r = cli_in_process("eval", "--set", questions, "--import", broken, "--knowledge", kdir)
    line = next(n for n, text in enumerate(broken.read_text(encoding="utf-8").splitlines(), 1) if '<h3 class="code">CMSO</h3>' in text)
    assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
    assert f"--import {broken}:{line}: certification CMSO (Certified Medication Safety Officer) has no description" in r.stderr
