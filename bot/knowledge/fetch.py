"""Fetch a spotlight page from the web, as a careful client: http(s) only, bounded in time and size.

The address comes from a moderator, the answer from a server nobody here controls, so:

- only ``http://`` and ``https://`` addresses, and redirects (at most ``MAX_REDIRECTS``) only
  to such addresses -- never to ``file:``, ``ftp:`` or ``data:``;
- never to a link-local, multicast, reserved or unspecified address (a cloud's metadata
  service lives at 169.254.169.254). Each connection (the first request and every redirect)
  resolves its host once, checks every address, and connects to an address it checked, so a
  name that answers differently the second time (DNS rebinding) cannot lead anywhere else;
  the ``Host`` header and TLS (SNI and the certificate check) still use the name. Pages are
  fetched directly, never through a proxy from the environment (a proxy would resolve the
  name itself, out of reach of the check);
- ``TIMEOUT`` for each network step and for the whole download, however slowly it trickles in;
- at most ``MAX_PAGE_BYTES`` (announced or received), then the download stops;
- only web pages and plain text (``Content-Type``), from a 200 answer.

Errors are ``FetchError`` with a one-line reason for the moderator, never a traceback.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urljoin, urlsplit

from bot.knowledge.files import limit_text
from bot.knowledge.page import MAX_PAGE_BYTES

TIMEOUT = 20.0  # seconds for each step and for the whole download
MAX_REDIRECTS = 5
SCHEMES = ("http", "https")
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
USER_AGENT = "career-bot (spotlight page import)"


class FetchError(Exception):
    """The page could not be fetched; ``message`` says why, in one line."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class Fetched:
    url: str  # where the page was finally found (after redirects)
    data: bytes
    html: bool  # a web page (else plain text)
    charset: str | None  # as the server declared it


def check_address(url: str) -> str:
    """``url`` if it is an http(s) address with a host, else FetchError saying what is wrong."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        _ = parts.port  # a port that is not a number raises ValueError
    except ValueError as e:
        raise FetchError(f"{url[:80]!r} is not a web address ({e})") from None
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError(f"{url[:80]!r} is not an http:// or https:// address; only web pages are fetched")
    if not parts.hostname:
        raise FetchError(f"{url[:80]!r} names no server")
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise FetchError(f"{url[:80]!r} holds spaces or control characters; copy the address again")
    return url


def _refused(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """An address no council page can be at (a cloud's metadata service, multicast, ...)."""
    return address.is_link_local or address.is_multicast or address.is_reserved or address.is_unspecified


def _resolve(host: str, port: int) -> list[tuple[Any, ...]]:
    """The addresses of ``host`` (``getaddrinfo`` entries), each checked; FetchError if the
    name is unknown or any of its addresses is one no council page can be at."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise FetchError(f"cannot find the server {host[:80]} ({getattr(e, 'strerror', None) or e})") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped  # ::ffff:169.254.169.254 is 169.254.169.254
        if _refused(address):
            raise FetchError(f"{host[:80]} is at {address}, where no web page is fetched from (link-local, multicast or reserved)")
    if not infos:
        raise FetchError(f"cannot find the server {host[:80]} (no address)")
    return infos


def _connect(address: tuple[str, int], timeout: object = None, source_address: Any = None) -> socket.socket:
    """``socket.create_connection`` that connects only to addresses ``_resolve`` checked: the
    name is looked up once, so the address checked is the address connected to."""
    host, port = address
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in _resolve(host, port):
        sock = socket.socket(family, kind, proto)
        try:
            if isinstance(timeout, (int, float)):  # else http.client's "the default" sentinel
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as e:
            error = e
            sock.close()
    assert error is not None  # _resolve returns at least one address
    raise error


class _HTTPConnection(http.client.HTTPConnection):
    """Connects through ``_connect``; the ``Host`` header still names the server."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._create_connection = _connect


class _HTTPSConnection(http.client.HTTPSConnection):
    """Connects through ``_connect``; TLS (SNI and the certificate's name) is checked against the
    server's name, not the address."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._create_connection = _connect


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPSConnection, req)  # the default context: certificates and names checked


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage) -> Any:
        target = headers.get("location") or headers.get("uri")
        if target:
            scheme = urlsplit(urljoin(req.full_url, target)).scheme.lower()
            if scheme not in SCHEMES:
                raise FetchError(f"the page redirects to a {scheme}: address; only http and https pages are fetched")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener() -> urllib.request.OpenerDirector:
    """Only http(s), redirects checked, every connection through ``_connect``: no file:, ftp: or
    data: handlers at all, and no proxy handler."""
    opener = urllib.request.OpenerDirector()
    handlers = (_HTTPHandler(), _HTTPSHandler(), _Redirects(), urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor())
    for handler in handlers:
        opener.add_handler(handler)
    return opener


def fetch(url: str, *, timeout: float | None = None, limit: int = MAX_PAGE_BYTES) -> Fetched:
    """Download the page at ``url`` (see the module docstring for every limit)."""
    timeout = TIMEOUT if timeout is None else timeout
    url = check_address(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, text/plain;q=0.8"})
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            return _read(response, deadline, limit)
    except FetchError:
        raise
    except urllib.error.HTTPError as e:
        if 300 <= e.code < 400:
            raise FetchError(f"the page redirects more than {MAX_REDIRECTS} times, or without saying where") from None
        raise FetchError(f"the server answered {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        raise FetchError(f"cannot fetch {url[:80]}: {_reason(e.reason)}") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"{url[:80]} did not answer within {timeout:.0f} s") from None
    except (OSError, ValueError, ssl.SSLError) as e:
        raise FetchError(f"cannot fetch {url[:80]}: {_reason(e)}") from None


def _reason(e: Any) -> str:
    if isinstance(e, (TimeoutError, socket.timeout)):
        return "no answer in time"
    if isinstance(e, ssl.SSLError):
        return f"secure connection failed ({e.reason or e})"
    return str(getattr(e, "strerror", None) or e)


def _read(response: Any, deadline: float, limit: int) -> Fetched:
    if response.status != 200:
        raise FetchError(f"the server answered {response.status} {response.reason}")
    ctype = response.headers.get_content_type()
    if ctype not in HTML_TYPES + TEXT_TYPES:
        raise FetchError(f"the address is not a web page (it is {ctype}); give the spotlight page's address")
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise FetchError(f"the page is {int(length):,} bytes; pages are limited to {limit_text(limit)}")
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError("the page took too long to download")
        chunk = response.read1(64 * 1024)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise FetchError(f"the page is over {limit_text(limit)}; pages are limited to {limit_text(limit)}")
        chunks.append(chunk)
    return Fetched(response.geturl(), b"".join(chunks), ctype in HTML_TYPES, response.headers.get_content_charset())
