"""A saved or fetched spotlight web page -> the text the page parser reads.

The council's pages are HTML; the parser (``bot.knowledge.page``) reads the text a browser
shows. This turns the HTML into that text with the standard library's ``html.parser``: one line
per block element (heading, paragraph, list item, table cell...), list items as ``•`` bullets,
scripts, styles, forms' controls and hidden elements left out, and only the page's ``<main>``
(else ``<article>``, else ``<body>`` without its navigation, footer and sidebars) so the site's
menus never become part of a role. The ``<title>`` is kept as the first line when it is the
spotlight's "Career Path: …" title. Every page is treated as hostile: the size is capped before
decoding, and nothing in it is ever executed, fetched or followed.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from bot.knowledge.files import limit_text, size_text
from bot.knowledge.page import MAX_PAGE_BYTES, TITLE_LINE, PageError

HTML_SUFFIXES = (".html", ".htm")
_BLOCK = frozenset(
    "address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hgroup hr legend li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
# Never shown as page text (their content is code, styling, controls or off-page).
_HIDDEN = frozenset("script style noscript template svg math iframe object embed canvas select textarea datalist head".split())
# Site furniture around the content, left out when the page has no <main> or <article>.
_FURNITURE = frozenset("nav footer aside".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def decode_html(data: bytes, declared: str | None = None) -> str:
    """The page's text: a byte order mark, else the charset the server ``declared``, else the
    page's ``<meta charset>``, else UTF-8. PageError for an unknown charset or bytes that are
    not in it, and for a page over the size limit."""
    if len(data) > MAX_PAGE_BYTES:
        raise PageError(1, f"page is {size_text(len(data), MAX_PAGE_BYTES)}; a spotlight page is well under {limit_text(MAX_PAGE_BYTES)}")
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            charset = name
            break
    else:
        m = _META_CHARSET.search(data[:4096])
        charset = declared or (m.group(1).decode("ascii") if m else "utf-8")
    try:
        info = codecs.lookup(charset)
        if not getattr(info, "_is_text_encoding", True):
            raise LookupError(charset)
    except LookupError:
        raise PageError(1, f"the page says it is written in {charset[:40]!r}, which is not a text encoding; save it as UTF-8") from None
    try:
        text = data.decode(info.name)
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise PageError(line, f"not valid {info.name} text (byte 0x{data[e.start]:02x}); save the page as UTF-8") from None
    return text.removeprefix("\ufeff")


@dataclass(frozen=True)
class PageText:
    """The text of a web page, and for each of its lines the line of the HTML it came from
    (so an error in the text can point into the file the moderator has)."""

    text: str
    source_lines: tuple[int, ...]

    def source_line(self, line: int) -> int:
        return self.source_lines[line - 1] if 0 < line <= len(self.source_lines) else 1


def html_to_text(html: str) -> PageText:
    """The lines a browser shows for ``html`` (see the module docstring), one paragraph each."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    body = reader.part("main") or reader.part("article") or reader.part("body")
    title = _SPACE.sub(" ", "".join(reader.title)).strip()
    lines = ([(title, reader.title_line)] if TITLE_LINE.match(title) else []) + body
    text_lines: list[str] = []
    where: list[int] = []
    for text, line in lines:
        text_lines += [text, ""]
        where += [line, line]
    return PageText("\n".join(text_lines), tuple(where))


class _Reader(HTMLParser):
    """Collects the page's lines three ways at once: inside <main>, inside <article>, and the
    whole body without site furniture; ``html_to_text`` picks the narrowest that has text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.title_line = 1
        self._in_title = False
        self._hidden: list[str] = []  # the element that hides text, once per nesting of its own tag
        self._open: dict[str, int] = {"main": 0, "article": 0, "furniture": 0}
        self._parts: dict[str, list[tuple[str, int]]] = {"main": [], "article": [], "body": []}
        self._line: dict[str, list[str]] = {k: [] for k in self._parts}
        self._line_at: dict[str, int] = {}  # where each part's current line started in the HTML
        self._bullet = False  # a list item started: its first text gets a bullet

    def part(self, name: str) -> list[tuple[str, int]]:
        self._flush()
        return self._parts[name]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {k.lower() for k, _ in attrs}
        if tag == "title":
            self._in_title = True
            self.title_line = self.getpos()[0]
        if tag == "body" and self._hidden[:1] == ["head"]:
            self._hidden.clear()  # a <head> never closed ends where the body starts
        if tag in _VOID:
            if tag in _BLOCK and not self._hidden:
                self._flush()
            return
        if self._hidden:
            if tag == self._hidden[-1]:
                self._hidden.append(tag)
            return
        if tag in _HIDDEN or "hidden" in names or any(k.lower() == "aria-hidden" and (v or "").lower() == "true" for k, v in attrs):
            self._hidden.append(tag)
            return
        if tag in _BLOCK:
            self._flush()
        if tag in ("main", "article"):
            self._open[tag] += 1
        elif tag in _FURNITURE:
            self._open["furniture"] += 1
        if tag == "li":
            self._bullet = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK and not self._hidden:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._hidden:
            if tag == self._hidden[-1]:
                self._hidden.pop()
            return
        if tag in _BLOCK:
            self._flush()
        if tag == "li":
            self._bullet = False
        if tag in ("main", "article"):
            self._open[tag] = max(self._open[tag] - 1, 0)
        elif tag in _FURNITURE:
            self._open["furniture"] = max(self._open["furniture"] - 1, 0)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
            return
        if self._hidden:
            return
        if self._bullet and data.strip():
            data = "• " + data.lstrip()
            self._bullet = False
        targets = ["main"] if self._open["main"] else []
        targets += ["article"] if self._open["article"] else []
        if not self._open["furniture"] or self._open["main"] or self._open["article"]:
            targets.append("body")
        for t in targets:
            if not "".join(self._line[t]).strip():
                self._line_at[t] = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
            self._line[t].append(data)

    def _flush(self) -> None:
        for name, chunks in self._line.items():
            text = _SPACE.sub(" ", "".join(chunks)).strip()
            if text and text != "•":
                self._parts[name].append((text, self._line_at.get(name, 1)))
            chunks.clear()
