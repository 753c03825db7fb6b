"""A local HTTP server on loopback that serves spotlight pages (and misbehaves on request), for
the tests of web page imports: from the command line (test_web_import) and from Discord
(test_discord_web_import). Never the network."""

from __future__ import annotations

import contextlib
import http.server
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bot.knowledge.page import MAX_PAGE_BYTES

HTML = Path(__file__).resolve().parent / "pages" / "html"
OPS = "director-of-pharmacy-operations"
MSO = "medication-safety-officer"

Route = Callable[[http.server.BaseHTTPRequestHandler], None]


def send(status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers: str) -> Route:
    """An answer; ``length`` overrides Content-Length, other keywords are headers (``_`` -> ``-``)."""

    def route(h: http.server.BaseHTTPRequestHandler) -> None:
        extra = dict(headers)
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", extra.pop("length", str(len(body))))
        for k, v in extra.items():
            h.send_header(k.replace("_", "-"), v)
        h.end_headers()
        h.wfile.write(body)

    return route


def slow(seconds: float, then: Route) -> Route:
    """``then``, after ``seconds`` of silence."""

    def route(h: http.server.BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        then(h)

    return route


def trickle(h: http.server.BaseHTTPRequestHandler) -> None:
    """Sends a byte every 0.3 s: each read is quick, the whole download never ends."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    try:
        for _ in range(100):
            h.wfile.write(b" ")
            h.wfile.flush()
            time.sleep(0.3)
    except OSError:
        pass


def endless(h: http.server.BaseHTTPRequestHandler) -> None:
    """No Content-Length, and more bytes than any page may have."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    try:
        chunk = b"<p>" + b"x" * 65536 + b"</p>"
        for _ in range(MAX_PAGE_BYTES // 65536 + 4):
            h.wfile.write(chunk)
    except OSError:
        pass


@contextlib.contextmanager
def serve_pages() -> Iterator[tuple[str, dict[str, Route]]]:
    """(base address, routes): add routes while it runs. Serves the ops and medication safety
    pages at /spotlight/ops and /spotlight/mso, and /old/ops redirects to the first."""
    routes: dict[str, Route] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            routes.get(self.path, send(404, b"not here"))(self)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    routes["/spotlight/ops"] = send(200, (HTML / f"{OPS}.html").read_bytes())
    routes["/spotlight/mso"] = send(200, (HTML / f"{MSO}.html").read_bytes(), "text/html")  # the charset is in the page
    routes["/old/ops"] = send(301, Location=f"{base}/spotlight/ops")
    try:
        yield base, routes
    finally:
        httpd.shutdown()
        httpd.server_close()
