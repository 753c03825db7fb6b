"""YAML in and out: safe reads that remember line numbers, atomic round-trip writes.

Reads use PyYAML's safe loader only (no arbitrary tags) and turn anything PyYAML cannot
take (control characters, keys that are lists, deep nesting, aliases) into a ``YamlFault``
with a line, never an exception of PyYAML's own. Writes go through ruamel.yaml's round-trip
mode so a moderator's comments and key order survive an import or an edit.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString, SingleQuotedScalarString

from bot.knowledge.chars import bad_in_file, describe
from bot.knowledge.transaction import stage

Path_ = tuple[Any, ...]


@dataclass
class YamlFault(Exception):
    """A file that is not readable YAML: where and why."""

    line: int
    message: str


@dataclass
class Parsed:
    data: Any
    lines: dict[Path_, int]  # key path -> 1-based line of that key or item
    duplicates: list[tuple[Path_, int]]  # keys given twice in one mapping


def decode_utf8(raw: bytes) -> str:
    """Decode strictly; on failure say on which line the bad byte sits."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise YamlFault(line, f"not UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start}); save the file as UTF-8") from None
    return text.removeprefix("\ufeff")


class _SafeNoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing aliases (``*name``).

    Knowledge files never need them, and they are how a small file expands into a huge or
    self-referencing structure ("billion laughs") that would hang or crash the validator.
    """

    max_depth = 64  # knowledge files nest a few levels; this bounds every recursive step after

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise YamlFault(event.start_mark.line + 1, f"YAML alias '*{event.anchor}' is not allowed in knowledge files; write the value out in full")
        depth = getattr(self, "_depth", 0)
        if depth >= self.max_depth:
            raise YamlFault(self.peek_event().start_mark.line + 1, f"YAML error: nested too deeply (more than {self.max_depth} levels)")
        self._depth = depth + 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth = depth


def parse_yaml(text: str) -> Parsed:
    """Safe-load one YAML document and record where each key and list item sits."""
    bad = bad_in_file(text)
    if bad:
        line, column, ch = bad
        raise YamlFault(line, f"{describe(ch)} at column {column} is not allowed in a knowledge file; delete it")
    try:
        return _parse_yaml(text)
    except RecursionError:
        raise YamlFault(1, "YAML error: nested too deeply") from None
    except yaml.YAMLError as e:  # anything the cases below do not explain (e.g. a ReaderError)
        raise YamlFault(1, f"YAML error: {e}") from None


def _check_flow_depth(text: str, limit: int) -> None:
    """Refuse ``[[[[…`` / ``{{{{…`` before PyYAML's scanner, which slows quadratically on them."""
    depth = 0
    for m in _BRACKET.finditer(text):
        depth = depth + 1 if m.group() in "[{" else max(depth - 1, 0)
        if depth > limit:
            raise YamlFault(text.count("\n", 0, m.start()) + 1, f"YAML error: nested too deeply (more than {limit} levels)")


_BRACKET = re.compile(r"[\[\]{}]")


class _Unusual(Exception):
    """Something the fast path leaves to the pure-Python loader, which explains it in full."""


def _parse_fast(text: str) -> Parsed | None:
    """libyaml's parser (about 10x faster) for the ordinary case: a clean file with no aliases
    and shallow nesting. Anything else returns None and goes to the explaining loader."""
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    loader = yaml.CSafeLoader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {(): 1}
        duplicates: list[tuple[Path_, int]] = []
        data = None
        if node is not None:
            unusual: list[yaml.Node] = []
            data = _walk_build(node, (), lines, duplicates, set(), 0, loader, unusual)
            if unusual:  # merge keys, other collection tags: the loader's own path builds them
                raise _Unusual()
    except (yaml.YAMLError, _Unusual, RecursionError):
        return None
    finally:
        loader.dispose()
    return Parsed(data, lines, duplicates)


_STR, _MAP, _SEQ, _MERGE = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:merge"


def _walk_build(node: yaml.Node, path: Path_, lines: dict[Path_, int], dups: list[tuple[Path_, int]], seen: set[int], depth: int, loader: yaml.CSafeLoader, unusual: list[yaml.Node]) -> Any:
    """``_walk`` (lines, duplicate keys, aliases and depth refused) and the value, as the safe
    loader builds it, in one pass: plain strings, lists and mappings here, other scalars
    (numbers, dates, null) by the loader. A node it does not build goes to ``unusual`` and the
    walk goes on, so a fault anywhere is still reported as ``_walk`` reports it."""
    if id(node) in seen or depth > _SafeNoAliasLoader.max_depth:
        raise _Unusual()
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: set[Any] = set()
        out: dict[Any, Any] = {}
        if node.tag != _MAP:
            unusual.append(node)
        for key_node, value_node in node.value:
            key = _mapping_key(key_node, path, keys, lines, dups)
            if key_node.tag == _MERGE:
                unusual.append(key_node)
            value = _walk_build(value_node, path + (key,), lines, dups, seen, depth + 1, loader, unusual)
            if not unusual:
                out[key if key_node.tag == _STR else loader.construct_object(key_node, deep=True)] = value
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            unusual.append(node)
        items = []
        for i, item in enumerate(node.value):
            lines[path + (i,)] = item.start_mark.line + 1
            items.append(_walk_build(item, path + (i,), lines, dups, seen, depth + 1, loader, unusual))
        return items
    if unusual:
        return None
    return node.value if node.tag == _STR else loader.construct_object(node, deep=True)


def _parse_yaml(text: str) -> Parsed:
    _check_flow_depth(text, 512)  # a rough count (brackets in quotes count too), so far above max_depth
    fast = _parse_fast(text)
    if fast is not None:
        return fast
    loader = _SafeNoAliasLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        context_line = e.context_mark.line + 1 if e.context_mark else None
        if context_line and line > len(text.splitlines()):
            line = context_line  # "unexpected end of stream": point at what was left open
        context = e.context or ""
        if context and context_line and context_line != line:
            context += f" (line {context_line})"
        what = " ".join(str(x) for x in (context, e.problem) if x)
        raise YamlFault(line, f"YAML error: {what}{_hint(what)}") from None
    except yaml.YAMLError as e:
        raise YamlFault(1, f"YAML error: {e}") from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {(): 1}
    duplicates: list[tuple[Path_, int]] = []
    if node is not None:
        _walk(node, (), lines, duplicates)
    return Parsed(data, lines, duplicates)


# PyYAML's wording -> what a moderator does about it. Most mistakes in hand-written knowledge
# files are a colon or a '#' inside a value that should have been quoted.
_HINTS = (
    ("mapping values are not allowed", "a colon followed by a space inside a value ends it; put the whole value in quotes, e.g. answer: \"Short answer: yes\""),
    ("cannot start any token", "a value starting with @, ` or % must be in quotes"),
    ("quoted scalar", "a quote opened here is not closed; end the value with the same quote"),
    ("unknown escape", "inside double quotes a backslash starts an escape; use single quotes, or write \\\\ for a backslash"),
    ("could not find expected ':'", "each line needs 'key: value'; a value going on to the next line must be indented, or in quotes"),
    ("expected <block end>", "check this line's indentation; a value with quotes inside it must be quoted as a whole"),
    ("did not find expected key", "check this line's indentation; a value with a colon or quotes inside must be quoted as a whole"),
    ("did not find expected '-'", "list items ('- …') must line up under each other"),
    ("found character '\\t'", "use spaces, not tabs, to indent"),
)


def _hint(problem: str) -> str:
    hint = next((h for key, h in _HINTS if key in problem), "values holding ': ' or ' #' must be in quotes")
    return f" (hint: {hint})"


def _mapping_key(key_node: yaml.Node, path: Path_, keys: set[Any], lines: dict[Path_, int], dups: list[tuple[Path_, int]]) -> Any:
    """A mapping's key, its line recorded (and a second use of it noted); a list or mapping as a key is a fault."""
    line = key_node.start_mark.line + 1
    if not isinstance(key_node, yaml.ScalarNode):  # `? [a, b]` or `{a: 1}: x`
        raise YamlFault(line, "a key must be a word or phrase, not a list or mapping")
    key = key_node.value
    if key in keys:
        dups.append((path + (key,), line))
    keys.add(key)
    lines[path + (key,)] = line
    return key


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], dups: list[tuple[Path_, int]]) -> None:
    """Record lines and duplicate keys (the explaining loader's path; the fast one is ``_walk_build``)."""
    if isinstance(node, yaml.MappingNode):
        keys: set[Any] = set()
        for key_node, value_node in node.value:
            key = _mapping_key(key_node, path, keys, lines, dups)
            _walk(value_node, path + (key,), lines, dups)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[path + (i,)] = item.start_mark.line + 1
            _walk(item, path + (i,), lines, dups)


# A plain (unquoted) value followed by " #" and a word: YAML reads "#word" and the rest of the
# line as a comment, so "ask in #certification-help" silently loses its channel name. A comment
# a person means to write has its own spacing (two spaces, or "# " with a space after).
_CUT_COMMENT = re.compile(r" #[^\s#]")


def cut_comments(text: str) -> list[tuple[int, str]]:
    """(line, the text YAML dropped) for each unquoted value whose end was read as a comment,
    likely by mistake (see ``_CUT_COMMENT``). Empty when the file does not scan."""
    if " #" not in text:
        return []
    out: list[tuple[int, str]] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken) and token.plain:
                end = token.end_mark.index
                line_end = text.find("\n", end)
                rest = text[end : line_end if line_end >= 0 else len(text)]
                if _CUT_COMMENT.match(rest):
                    out.append((token.start_mark.line + 1, rest[1:].rstrip()))
    except yaml.YAMLError:
        return []
    return out


def line_of(parsed: Parsed, path: Path_) -> int:
    """The line of ``path``, or of its nearest recorded ancestor."""
    while path not in parsed.lines and path:
        path = path[:-1]
    return parsed.lines.get(path, 1)


# ---------------------------------------------------------------------------- writing


def _round_trip() -> YAML:
    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096  # one line per paragraph: no folding, no trailing spaces, clean diffs
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.allow_unicode = True
    return rt


def to_commented(value: Any) -> Any:
    """Plain dicts/lists -> ruamel's commented types, so new files dump in our key order."""
    if isinstance(value, dict):
        return CommentedMap((k, to_commented(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return CommentedSeq(to_commented(v) for v in value)
    return value


def load_round_trip(text: str) -> Any:
    return _round_trip().load(text)


_RESOLVER = yaml.resolver.Resolver()


def _read_back_as_text(value: Any) -> Any:
    """Text that our reader (PyYAML, YAML 1.1) would take for something else, quoted: ruamel
    writes YAML 1.2, where "10:00" or "yes" are plain text, but PyYAML reads them as the number
    600 and true ("10:00: Allocation Check" from a page's day)."""
    if isinstance(value, CommentedMap):
        for k, v in value.items():
            value[k] = _read_back_as_text(v)
    elif isinstance(value, CommentedSeq):
        for i, v in enumerate(value):
            value[i] = _read_back_as_text(v)
    elif isinstance(value, str) and not isinstance(value, ScalarString) and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) != "tag:yaml.org,2002:str":
        return SingleQuotedScalarString(value)
    return value


def dump_round_trip(data: Any) -> str:
    buf = io.StringIO()
    _round_trip().dump(_read_back_as_text(to_commented(data) if not isinstance(data, CommentedMap) else data), buf)
    return buf.getvalue()


def write_atomic(path: Path, text: str) -> None:
    """Write one file so readers see the old file or the new one, never a mix (UTF-8, LF).

    For one file outside a change set (the last-good pointer); knowledge changes go through
    ``bot.knowledge.transaction``, which does the same for several files at once.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = stage(path, text.encode("utf-8"))
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def update_yaml_text(old_text: str | None, mutate: Callable[[CommentedMap], None]) -> str:
    """Apply ``mutate`` to the round-trip document (or a new one) and return the new text."""
    doc = load_round_trip(old_text) if old_text else None
    if not isinstance(doc, CommentedMap):
        doc = CommentedMap()
    mutate(doc)
    return dump_round_trip(doc)
