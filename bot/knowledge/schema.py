"""The shape of each knowledge file, and a checker that reports every deviation at once.

Kept declarative so the moderator's guide, the validator and the importer agree on one
definition of each file kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.knowledge.chars import bad_in_text, describe
from bot.knowledge.yamlio import Parsed, Path_, line_of

# Ids the editor can address (and a file name can hold): the loader refuses any other.
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")  # role and FAQ ids
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")  # certification codes


@dataclass(frozen=True)
class Spec:
    """One field: ``kind`` is str, text_list, obj, obj_list or str_map."""

    kind: str
    required: bool = False
    fields: dict[str, "Spec"] = field(default_factory=dict)


def _s(required: bool = False) -> Spec:
    return Spec("str", required)


def _texts(required: bool = False) -> Spec:
    return Spec("text_list", required)


LINK = {"label": _s(True), "url": _s(True)}

ROLE = {
    "id": _s(True),
    "title": _s(True),
    "tagline": _s(),
    "overview": Spec("obj", fields={"heading": _s(), "paragraphs": _texts()}),
    "responsibilities": Spec("obj_list", fields={"name": _s(True), "description": _s(True)}),
    "pathway": Spec(
        "obj",
        fields={
            "heading": _s(),
            "intro": _s(),
            "steps": Spec("obj_list", fields={"certification": _s(True), "why": _s(True)}),
        },
    ),
    "day_in_the_life": Spec(
        "obj",
        fields={
            "intro": _s(),
            "entries": Spec("obj_list", fields={"time": _s(True), "title": _s(True), "description": _s(True)}),
        },
    ),
    "call_to_action": Spec("obj", fields={"heading": _s(), "text": _s(), "link_text": _s()}),
    "source": _s(),
    "aliases": _texts(),
    "related_roles": _texts(),
    "links": Spec("obj_list", fields=LINK),
}

CERTIFICATION = {
    "code": _s(True),
    "name": _s(True),
    "description": _s(),
    "imported_from": _s(),
    "aliases": _texts(),
    "links": Spec("obj_list", fields=LINK),
}

FAQ = {
    "id": _s(True),
    "title": _s(),  # what the answer is titled; default: the first question, tidied
    "questions": _texts(True),
    "answer": _s(True),
    "roles": _texts(),
    "certifications": _texts(),
}

VOCABULARY = {"synonyms": Spec("str_map")}

PHRASINGS = {
    "examples": Spec(
        "obj_list",
        fields={"question": _s(True), "means": _s(True), "about": _s(), "section": _s()},
    )
}
# What a taught phrasing may mean: the answers the engine gives (an FAQ entry is taught with
# its own questions: list, instead).
TEACHABLE = ("certification", "role", "pathway", "list_certifications", "list_roles", "help", "none")
SECTIONS = ("overview", "responsibilities", "day_in_the_life")


@dataclass(frozen=True)
class Issue:
    line: int
    field: str
    message: str


def did_you_mean(word: str, choices: list[str] | tuple[str, ...] | set[str]) -> str:
    """`` (did you mean 'x'?)`` for a close choice, else an empty string."""
    if not choices:
        return ""
    best = process.extractOne(word, list(choices), scorer=Levenshtein.normalized_similarity, processor=str.casefold)  # 'cmso' -> 'CMSO'
    return f" (did you mean '{best[0]}'?)" if best and best[1] >= 0.6 else ""


def dotted(path: Path_) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(file)"


def check(parsed: Parsed, spec: dict[str, Spec]) -> list[Issue]:
    """Every type, key and emptiness problem in ``parsed`` against a file spec."""
    issues = [Issue(line, dotted(path), "key given twice; the second one would silently win") for path, line in parsed.duplicates]
    if not isinstance(parsed.data, dict):
        got = "an empty file" if parsed.data is None else f"a {type(parsed.data).__name__}"
        return issues + [Issue(1, "(file)", f"expected a mapping of fields, got {got}")]
    _check_obj(parsed, parsed.data, spec, (), issues)
    return issues


def _type_name(v: Any) -> str:
    return {str: "text", list: "list", dict: "mapping", bool: "true/false", int: "number", float: "number"}.get(type(v), type(v).__name__)


def _check_obj(parsed: Parsed, obj: dict, spec: dict[str, Spec], path: Path_, issues: list[Issue]) -> None:
    for key in obj:
        if key not in spec:
            issues.append(Issue(line_of(parsed, path + (key,)), dotted(path + (key,)), "unknown key" + did_you_mean(str(key), list(spec))))
    for name, sub in spec.items():
        p = path + (name,)
        if name not in obj or obj[name] is None:
            if sub.required:
                issues.append(Issue(line_of(parsed, p), dotted(p), "missing required field"))
            continue
        _check_value(parsed, obj[name], sub, p, issues)


def _control(text: str) -> str | None:
    """Why ``text`` cannot be shown to a member, if it holds a control character."""
    bad = bad_in_text(text)
    return f"contains the control character {describe(bad[1])}; delete it" if bad else None


def _check_value(parsed: Parsed, value: Any, spec: Spec, path: Path_, issues: list[Issue]) -> None:
    line = line_of(parsed, path)
    where = dotted(path)
    if spec.kind == "str":
        if not isinstance(value, str):
            issues.append(Issue(line, where, f"expected text, got {_type_name(value)}"))
        elif spec.required and not value.strip():
            issues.append(Issue(line, where, "is empty"))
        elif _control(value):
            issues.append(Issue(line, where, _control(value) or ""))
    elif spec.kind == "text_list":
        if not isinstance(value, list):
            issues.append(Issue(line, where, f"expected a list of texts, got {_type_name(value)}"))
            return
        if spec.required and not value:
            issues.append(Issue(line, where, "is empty"))
        for i, item in enumerate(value):
            if not isinstance(item, str):
                issues.append(Issue(line_of(parsed, path + (i,)), dotted(path + (i,)), f"expected text, got {_type_name(item)}"))
            elif not item.strip():
                issues.append(Issue(line_of(parsed, path + (i,)), dotted(path + (i,)), "is empty"))
            elif _control(item):
                issues.append(Issue(line_of(parsed, path + (i,)), dotted(path + (i,)), _control(item) or ""))
    elif spec.kind == "obj":
        if not isinstance(value, dict):
            issues.append(Issue(line, where, f"expected a mapping, got {_type_name(value)}"))
            return
        _check_obj(parsed, value, spec.fields, path, issues)
    elif spec.kind == "obj_list":
        if not isinstance(value, list):
            issues.append(Issue(line, where, f"expected a list, got {_type_name(value)}"))
            return
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                issues.append(Issue(line_of(parsed, path + (i,)), dotted(path + (i,)), f"expected a mapping, got {_type_name(item)}"))
            else:
                _check_obj(parsed, item, spec.fields, path + (i,), issues)
    elif spec.kind == "str_map":
        if not isinstance(value, dict):
            issues.append(Issue(line, where, f"expected a mapping of word: meaning, got {_type_name(value)}"))
            return
        for k, v in value.items():
            p = path + (k,)
            if not isinstance(k, str) or not k.strip():
                issues.append(Issue(line_of(parsed, p), dotted(p), "expected a word or phrase as the key"))
            elif _control(k):
                issues.append(Issue(line_of(parsed, p), dotted(p), _control(k) or ""))
            if not isinstance(v, str) or not v.strip():
                issues.append(Issue(line_of(parsed, p), dotted(p), f"expected text, got {_type_name(v)}"))
            elif _control(v):
                issues.append(Issue(line_of(parsed, p), dotted(p), _control(v) or ""))
