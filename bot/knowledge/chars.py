"""Characters that must never reach a knowledge file or a member's screen.

A raw ESC or NUL makes PyYAML refuse the whole file, and an escaped one (``"\\e[31m"``)
would be sent to Discord or a terminal as is. One definition here serves the loader (raw
file text and parsed values), the page parser and the writers, so they refuse the same set.
"""

from __future__ import annotations

import re
import unicodedata

# What YAML itself refuses in a file: C0 controls except tab/LF/CR, DEL, C1 except NEL,
# surrogates, U+FFFE/U+FFFF; plus a byte order mark anywhere but the very start.
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# What a value (or a moderator's text) may not hold once parsed: every control character
# but tab and newline, lone surrogates and the two non-characters.
_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")


def describe(ch: str) -> str:
    """``U+001B (ESCAPE)``: the code point and, where Unicode has one, its name."""
    names = {"\x00": "NUL", "\t": "TAB", "\n": "line break", "\r": "carriage return", "\x1b": "ESC", "\x7f": "DEL", "\ufeff": "byte order mark"}
    name = names.get(ch) or unicodedata.name(ch, "") or "control character"
    return f"U+{ord(ch):04X} ({name})"


def bad_in_file(text: str) -> tuple[int, int, str] | None:
    """(line, column, character) of the first character YAML refuses in ``text``, or None."""
    m = _NOT_YAML.search(text)
    if m is None:
        return None
    line = text.count("\n", 0, m.start()) + 1
    column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
    return line, column, m.group()


def bad_in_text(text: str) -> tuple[int, str] | None:
    """(index, character) of the first control character in a value, or None."""
    m = _NOT_TEXT.search(text)
    return (m.start(), m.group()) if m else None
