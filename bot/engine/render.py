"""Answers as text: what the JSON ``answer`` field carries, and what a terminal prints.

``render_text`` writes Discord-style markdown (``**bold**``); ``render_terminal`` turns the
same text into ANSI bold on a colour terminal (plain otherwise, and never when ``NO_COLOR`` is
set) wrapped to the terminal's width.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import replace

from bot.engine.answer import Answer

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_HANGING = re.compile(r"^(\s*(?:• |\d+\. |- ))")


def _one(answer: Answer) -> list[str]:
    parts: list[str] = []
    if answer.title:
        parts.append(f"**{answer.title}**")
    if answer.summary:
        parts.append(answer.summary)
    parts.extend(answer.reasons)
    for column in answer.columns:
        parts.append(f"**{column.title}**\n" + "\n".join(f"  {line}" for line in column.lines))
    for fact in answer.facts:
        parts.append(f"**{fact.name}**\n{fact.value}" if "\n" in fact.value else f"• **{fact.name}**: {fact.value}")
    for i, step in enumerate(answer.steps, 1):
        parts.append(f"{i}. **{step.code} — {step.name}**: {step.why}")
    parts.extend(answer.notes)
    if answer.see_also:
        parts.append("See also: " + ", ".join(a.label for a in answer.see_also) + ".")
    for link in answer.links:
        parts.append(f"More on the council's site: {link.label} ({link.url})")
    if answer.pointer:
        parts.append(answer.pointer)
    return parts


def render_text(answer: Answer) -> str:
    parts = _one(answer)
    said = set(answer.notes)
    titles = {answer.title}
    for other in answer.parts:
        parts.append("")
        parts.append(f"**You also asked:** {other.question.strip()}")
        again = replace(other, notes=tuple(n for n in other.notes if n not in said), title="" if other.title in titles else other.title)
        parts.extend(_one(again))  # "You can also ask about …", and the card's title, once
        said.update(other.notes)
        titles.add(other.title)
    pages = list(dict.fromkeys(p for a in (answer, *answer.parts) for p in a.pages))  # once, for every part
    if pages:
        parts.append(("Source: " if len(pages) == 1 else "Sources: ") + "; ".join(f"{p.title} ({p.url})" if p.url else p.title for p in pages))
    return "\n".join(parts)


def render_terminal(answer: Answer, width: int = 100, color: bool = False) -> str:
    """The text for a terminal: bold as ANSI (or plain), every line wrapped to ``width``."""
    out: list[str] = []
    for line in render_text(answer).split("\n"):
        bold = _BOLD.sub(lambda m: f"\x1b[1m{m.group(1)}\x1b[0m" if color else m.group(1), line)
        if not line.strip():
            out.append("")
            continue
        hang = _HANGING.match(_BOLD.sub(r"\1", line))
        indent = " " * len(hang.group(1)) if hang else ""
        out.extend(_wrap(bold, max(20, width), indent))
    return "\n".join(out)


def _visible(text: str) -> int:
    return len(re.sub(r"\x1b\[[0-9;]*m", "", text))


def _wrap(line: str, width: int, indent: str) -> list[str]:
    """textwrap that does not count ANSI codes as width."""
    if _visible(line) <= width:
        return [line]
    words = line.split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if current and _visible(candidate) > width:
            lines.append(current)
            current = indent + word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [textwrap.shorten(line, width)]
