"""Answers as Discord embeds, always within Discord's limits.

Limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits):
title 256, description 4096, 25 fields, field name 256, field value 1024, footer 2048, author
256 and 6000 characters in total over all the embeds of a message (at most 10); message
content 2000. Anything longer is trimmed with "…" and the embed ends with a pointer to the
slash command that shows the rest; rendering never fails. Links are shown only when Discord
will take them (http or https), so a moderator's typo never makes Discord refuse an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

import discord

from bot.engine.answer import Answer

TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
AUTHOR_MAX = 256
EMBEDS_MAX = 10
EMBED_TOTAL_MAX = 6000
CONTENT_MAX = 2000
ELLIPSIS = "…"

COLOUR_ANSWER = discord.Colour.from_rgb(46, 117, 182)
COLOUR_REFUSAL = discord.Colour.from_rgb(150, 150, 150)
COLOUR_PROBLEM = discord.Colour.from_rgb(200, 60, 60)
COLOUR_OK = discord.Colour.from_rgb(60, 160, 90)
COLOUR_WARNING = discord.Colour.from_rgb(220, 160, 40)


def trim(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in "…" when cut (prefers a word boundary)."""
    text = text or ""
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


@dataclass
class _Field:
    name: str
    value: str
    inline: bool = False


class EmbedBuilder:
    """Adds parts in order while a running total keeps the whole embed under ``total_max``
    (6000, or its share when several embeds go in one message)."""

    def __init__(
        self,
        title: str,
        description: str = "",
        colour: discord.Colour = COLOUR_ANSWER,
        footer: str = "",
        reserve: int = 0,
        *,
        url: str = "",
        author: str = "",
        total_max: int = EMBED_TOTAL_MAX,
    ):
        self.title = trim(title, TITLE_MAX) or "Answer"
        self.footer = trim(footer, FOOTER_MAX)
        self.author = trim(author, AUTHOR_MAX)
        self.url = url
        self.colour = colour
        self.fields: list[_Field] = []
        self.truncated = False
        self.reserve = reserve  # characters kept free for the "more" pointer
        self.total_max = total_max
        budget = total_max - len(self.title) - len(self.footer) - len(self.author) - reserve
        desc = description or ""
        limit = max(0, min(DESCRIPTION_MAX, budget - 200))
        self.description = trim(desc, limit)
        if len(self.description) < len(desc):
            self.truncated = True

    @property
    def total(self) -> int:
        return len(self.title) + len(self.description) + len(self.footer) + len(self.author) + sum(len(f.name) + len(f.value) for f in self.fields)

    def room(self) -> int:
        return self.total_max - self.reserve - self.total

    def add(self, name: str, value: str, inline: bool = False, slots: int = 1) -> bool:
        """Add one field; False (and ``truncated``) when it no longer fits at all."""
        if len(self.fields) >= FIELDS_MAX - slots:
            self.truncated = True
            return False
        name = trim(name.strip() or "\u200b", FIELD_NAME_MAX)
        value = value.strip() or "\u200b"
        room = self.room() - len(name)
        if room < 40:
            self.truncated = True
            return False
        short = trim(value, min(FIELD_VALUE_MAX, room))
        if len(short) < len(value):
            self.truncated = True
        self.fields.append(_Field(name, short, inline))
        return True

    def build(self, more: str | None = None) -> discord.Embed:
        embed = discord.Embed(title=self.title, description=self.description or None, colour=self.colour, url=self.url or None)
        if self.author:
            embed.set_author(name=self.author)
        for f in self.fields:
            embed.add_field(name=f.name, value=f.value, inline=f.inline)
        if more and self.truncated:
            embed.add_field(name="More", value=trim(more, min(FIELD_VALUE_MAX, self.reserve - 4)), inline=False)
        if self.footer:
            embed.set_footer(text=self.footer)
        return embed


def more_pointer(answer: Answer, role_title: str | None = None) -> str:
    """Where to read the rest of a trimmed answer (names the role by its title, never its id)."""
    name = role_title or "…"
    if answer.intent == "role":
        return f"Trimmed to fit Discord. More: use /role name:{name} section:{answer.section or 'overview'}"
    if answer.intent == "pathway":
        return f"Trimmed to fit Discord. More: use /pathway role:{name}"
    if answer.intent == "certification" and answer.certifications:
        return f"Trimmed to fit Discord. More: use /certification code:{answer.certifications[0]}"
    if answer.intent == "list_certifications":
        return "Trimmed to fit Discord. More: use /certification code:… for each one"
    return "Trimmed to fit Discord. More: use /role … or /certification … for the details"


MORE_RESERVE = 8 + 200  # "More" + the pointer text
_SAFE_URL = re.compile(r"https?://[^\s<>\x00-\x1f\x7f]{1,2000}", re.I)


def safe_url(url: str) -> str:
    """``url`` if Discord will take it (http or https, no spaces or control characters), else "":
    a moderator's typo in a link must never make Discord refuse the whole answer."""
    url = (url or "").strip()
    return url if _SAFE_URL.fullmatch(url) else ""


def _link(label: str, url: str) -> str:
    """A masked link, or the plain label when the URL is unusable."""
    label = " ".join((label or "").split()).replace("[", "(").replace("]", ")")
    url = safe_url(url)
    if not url:
        return label
    return f"[{label or url}]({url.replace('(', '%28').replace(')', '%29')})"


def sources_line(answer: Answer) -> str:
    """The footer: the council's pages the answer comes from, as members know them (never file paths)."""
    titles = list(dict.fromkeys(p.title for p in answer.pages))
    if titles:
        return ("Source: " if len(titles) == 1 else "Sources: ") + "; ".join(titles)
    if answer.intent == "faq":
        return "From the moderators' FAQ"
    return ""


def answer_embed(answer: Answer, role_title: str | None = None, *, pointer: bool = True, asked: str = "", total_max: int = EMBED_TOTAL_MAX) -> discord.Embed:
    """The embed for one engine answer: summary, reasons, a comparison side by side, facts,
    pathway steps, notes, the council's links, the pointer (with ``pointer``), the sources.
    ``asked`` heads an embed that answers another question of the same message."""
    colour = COLOUR_ANSWER if answer.answered else COLOUR_REFUSAL
    author = f"You also asked: {' '.join(asked.split())}" if asked else ""
    b = EmbedBuilder(answer.title or "Career assistant", answer.summary, colour, sources_line(answer), reserve=MORE_RESERVE, url=safe_url(answer.url), author=author, total_max=total_max)
    fields: list[tuple[str, str, bool]] = []
    if answer.reasons:
        fields.append(("Why this order", "\n".join(answer.reasons), False))
    fields += [(c.title, "\n".join(c.lines) + (f"\n{_link('Council page', c.url)}" if safe_url(c.url) else ""), True) for c in answer.columns]
    fields += [(f.name, f.value, False) for f in answer.facts]
    fields += [(f"{i}. {s.code} — {s.name}" + (" ★" if s.focus else ""), s.why, False) for i, s in enumerate(answer.steps, 1)]
    if answer.notes:
        fields.append(("Notes" if len(answer.notes) > 1 else "Note", "\n".join(answer.notes), False))
    links = [_link(k.label, k.url) for k in answer.links if safe_url(k.url)]  # a label that links nowhere helps no one
    if links:
        fields.append(("More on the council's site", "\n".join(links), False))
    if pointer and answer.pointer:
        fields.append(("What I can do", answer.pointer, False))
    for name, value, inline in fields:
        if not b.add(name, value, inline):
            break
    return b.build(more_pointer(answer, role_title))


def answer_embeds(answer: Answer, title_of: Callable[[str | None], str | None] = lambda _: None, *, pointer: bool = True) -> list[discord.Embed]:
    """One embed for the answer and one per other question of the same message (``parts``),
    sharing Discord's 6000 characters per message; the pointer goes with the first refusal only."""
    answers = [answer, *answer.parts][:EMBEDS_MAX]
    share = EMBED_TOTAL_MAX // len(answers)
    out = []
    for i, a in enumerate(answers):
        out.append(answer_embed(a, title_of(a.role), pointer=pointer, asked=a.question if i else "", total_max=share))
        pointer = pointer and not a.pointer
    return out


def text_embed(title: str, lines: Iterable[str], colour: discord.Colour = COLOUR_ANSWER, footer: str = "", more: str = "") -> discord.Embed:
    """A plain list (problems, gaps, stats) as one description, trimmed to fit."""
    lines = list(lines)
    b = EmbedBuilder(title, "", colour, footer, reserve=MORE_RESERVE if more else 0)
    desc: list[str] = []
    size = 0
    limit = min(DESCRIPTION_MAX, EMBED_TOTAL_MAX - b.total - b.reserve)
    for i, line in enumerate(lines):
        line = trim(line, 1000)
        if size + len(line) + 1 > limit - 40:
            desc.append(f"… and {len(lines) - i} more")
            b.truncated = True
            break
        desc.append(line)
        size += len(line) + 1
    b.description = "\n".join(desc)
    return b.build(more or None)


def problems_embed(title: str, problems: Sequence[object], warnings: Sequence[object] = ()) -> discord.Embed:
    """Knowledge problems, one ``file:line: field: message`` per line; then the loader's
    warnings (what loads but is likely not meant, e.g. a value cut short at ``' #'``)."""
    n, w = len(problems), len(warnings)
    lines = [f"• `{trim(str(p), 900)}`" for p in problems] + [f"⚠️ `{trim(str(x), 900)}`" for x in warnings]
    warned = f", {w} warning{'s' if w != 1 else ''}" if w else ""
    return text_embed(title, lines, COLOUR_PROBLEM, footer=f"{n} problem{'s' if n != 1 else ''}{warned}; the previous knowledge stays live")


def content(text: str) -> str:
    """Message content within 2000 characters."""
    return trim(text, CONTENT_MAX)


def embed_size(embed: discord.Embed) -> int:
    d: dict[str, Any] = dict(embed.to_dict())
    total = len(d.get("title", "")) + len(d.get("description", "")) + len((d.get("footer") or {}).get("text", ""))
    total += len((d.get("author") or {}).get("name", ""))
    return total + sum(len(f["name"]) + len(f["value"]) for f in d.get("fields", []))
