"""Where a spotlight page comes from: a ``.txt`` file, a saved web page (``.html``), an
uploaded attachment or a web address -- each turned into the one thing the importer needs.

``PageSource.text`` is what the page parser reads (for a web page, the text a browser shows);
``html`` is the web page itself, kept in ``sources/`` next to the text; ``url`` is the
address it was fetched from, which the importer records as the role's council page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bot.knowledge.fetch import fetch
from bot.knowledge.html_text import HTML_SUFFIXES, PageText, decode_html, html_to_text
from bot.knowledge.page import PageError, read_page_bytes, read_page_file_bytes


@dataclass(frozen=True)
class PageSource:
    text: str  # what the page parser reads
    html: str | None = None  # the web page, when the page is one
    url: str = ""  # the address it was fetched from
    lines: PageText | None = None  # for a web page: which HTML line each text line came from

    def html_line(self, text_line: int) -> int:
        """The line to name in an error: of the HTML for a web page, else the text's own."""
        return self.lines.source_line(text_line) if self.lines is not None else text_line


def is_web_page(name: str) -> bool:
    return PurePosixPath(name.lower()).suffix in HTML_SUFFIXES


def from_html(data: bytes, charset: str | None = None, url: str = "") -> PageSource:
    """A web page's bytes (``charset``: as a server declared it). PageError if unreadable."""
    html = decode_html(data, charset)
    text = html_to_text(html)
    return PageSource(text.text, html, url, text)


def from_bytes(name: str, data: bytes) -> PageSource:
    """An uploaded or saved page: a web page by its ``.html``/``.htm`` name, else UTF-8 text."""
    return from_html(data) if is_web_page(name) else PageSource(read_page_bytes(data))


def read_page(path: Path) -> PageSource:
    """A page file (``.txt`` or ``.html``); OSError when it cannot be opened, PageError for what it holds."""
    return from_bytes(path.name, read_page_file_bytes(path))


def from_url(url: str) -> PageSource:
    """The page at a web address (``FetchError`` when it cannot be fetched, PageError when it is
    not readable text)."""
    got = fetch(url)
    if got.html:
        return from_html(got.data, got.charset, got.url)
    try:
        text = got.data.decode(got.charset or "utf-8")
    except (LookupError, UnicodeDecodeError):
        raise PageError(1, f"the page is not {got.charset or 'UTF-8'} text") from None
    return PageSource(read_page_bytes(text.encode("utf-8")), None, got.url)


def is_address(value: str) -> bool:
    """Whether a command-line page argument is a web address rather than a file name."""
    return value.strip().lower().startswith(("http://", "https://"))
