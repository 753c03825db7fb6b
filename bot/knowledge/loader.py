"""Load ``knowledge/`` into one validated, immutable snapshot, or report every problem.

``load_knowledge`` never returns a half-loaded base: it reads every file, collects all
problems (``file:line: field: message``), and raises one ``KnowledgeError`` if any exist.
It never raises anything else: whatever bytes a file holds, whatever a folder is (a link
out of the knowledge folder, a FIFO, unreadable), the answer is a problem with a place.

``overlay`` answers "what would the knowledge be after this change": ``{path: new text, or
None for removed}`` is read in place of the files on disk, in memory, so the importer, the
editor and ``eval --import`` validate a change without copying the folder anywhere.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import bot.knowledge.schema as schema
from bot.knowledge.bulk import paused_gc
from bot.knowledge.files import MAX_FILE_BYTES, PHRASINGS_FILE, VOCABULARY_FILE, FileFault, list_names, os_reason, read_file, too_big
from bot.knowledge.model import (
    Certification,
    DayEntry,
    FaqEntry,
    Knowledge,
    Link,
    PathwayStep,
    Phrasing,
    Responsibility,
    Role,
    Vocabulary,
)
from bot.knowledge.yamlio import Parsed, YamlFault, cut_comments, decode_utf8, line_of, parse_yaml

log = logging.getLogger(__name__)

YAML_SUFFIXES = (".yaml", ".yml")
Overlay = Mapping[str, str | bytes | None]

__all__ = ["MAX_FILE_BYTES", "VOCABULARY_FILE", "KnowledgeError", "Loaded", "Problem", "knowledge_files", "load_knowledge", "read_knowledge"]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge folder has problems; ``problems`` lists every one of them (``warnings``:
    what loads but is likely not what was meant)."""

    def __init__(self, problems: Iterable[Problem], warnings: Iterable[Problem] = ()):
        self.problems = tuple(sorted(set(problems)))
        self.warnings = tuple(sorted(set(warnings)))
        n = len(self.problems)
        super().__init__(f"{n} problem{'s' if n != 1 else ''} in the knowledge base:\n" + "\n".join(map(str, self.problems)))


def default_knowledge_dir() -> Path:
    """``$CAREER_BOT_KNOWLEDGE``, else the checkout's ``knowledge/``, else the installed copy."""
    env = os.environ.get("CAREER_BOT_KNOWLEDGE")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[2] / "knowledge"
    if (checkout / "roles").is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "career-bot" / "knowledge"


def slugify(text: str) -> str:
    """Role ids: ``Director of Pharmacy Operations`` -> ``director-of-pharmacy-operations``."""
    text = text.lower().replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def name_key(text: str) -> str:
    """How aliases, titles and codes are compared for collisions."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("&", " and ")))


class _Reader:
    """Reads files under one root (through an overlay), turning every fault into a Problem."""

    def __init__(self, root: Path, overlay: Overlay | None):
        self.root = root
        self.overlay = dict(overlay or {})
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.digest = hashlib.sha256()
        self.files: dict[str, bytes] = {}  # every file read, as read: the last-good snapshot keeps these
        self.real_dirs: dict[str, str] = {}  # folders resolved once for all their files, in this read only

    def add(self, file: str, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(file, line, field, message))

    def yaml_files(self, folder: str) -> list[str]:
        """Knowledge-relative YAML files of ``folder``; names YAML would not load are problems."""
        try:
            names = set(list_names(self.root, folder))
        except FileFault as e:
            self.add(folder, 1, "(folder)", e.message)
            names = set()
        prefix = folder + "/"
        for rel, text in self.overlay.items():
            if rel.startswith(prefix) and "/" not in rel[len(prefix) :]:
                name = rel[len(prefix) :]
                (names.add if text is not None else names.discard)(name)
        out = []
        for name in sorted(names):
            suffix = os.path.splitext(name)[1]
            if suffix in YAML_SUFFIXES:
                out.append(prefix + name)
            elif suffix.lower() in YAML_SUFFIXES:
                self.add(prefix + name, 1, "(file)", f"ignored: knowledge files end in lower-case .yaml; rename it to {os.path.splitext(name)[0]}.yaml")
        return out

    def read(self, rel: str) -> bytes | None:
        """The file's bytes (from the overlay if it has them); None if absent or refused (a problem)."""
        if rel in self.overlay:
            value = self.overlay[rel]
            data = value.encode("utf-8") if isinstance(value, str) else value
            if data is not None and len(data) > MAX_FILE_BYTES:
                self.add(rel, 1, "(file)", too_big(len(data), MAX_FILE_BYTES))
                return None
            return data
        try:
            return read_file(self.root, rel, real_dirs=self.real_dirs)
        except FileFault as e:
            self.add(rel, 1, "(file)", e.message)
            return None

    def parse(self, rel: str, spec: dict[str, schema.Spec]) -> Parsed | None:
        """The file if it is valid against ``spec``, else None (its problems are recorded)."""
        parsed, ok = self.parse_checked(rel, spec)
        return parsed if ok else None

    def parse_checked(self, rel: str, spec: dict[str, schema.Spec]) -> tuple[Parsed | None, bool]:
        """(the YAML if readable, whether it is valid): invalid files still have their references checked."""
        raw = self.read(rel)
        if raw is None:
            return None, False
        self.files[rel] = raw
        self.digest.update(rel.encode() + b"\0" + raw + b"\0")
        try:
            text = decode_utf8(raw)
            parsed = parse_yaml(text)
        except YamlFault as e:
            self.add(rel, e.line, "(file)", e.message)
            return None, False
        except Exception as e:  # never a traceback for a file's content, whatever it holds
            log.exception("unexpected error reading %s", rel)
            self.add(rel, 1, "(file)", f"cannot be read as YAML ({type(e).__name__}); check the file")
            return None, False
        issues = schema.check(parsed, spec)
        for issue in issues:
            self.add(rel, issue.line, issue.field, issue.message)
        for line, dropped in cut_comments(text):
            field = max((p for p, n in parsed.lines.items() if n == line), key=len, default=())
            self.warnings.append(Problem(rel, line, schema.dotted(field), f"warning: {dropped[:60]!r} was read as a comment and left out of the value; put the whole value in quotes to keep it"))
        return parsed, not issues


def _texts(v: Any) -> tuple[str, ...]:
    return tuple(s.strip() for s in (v or ()))


def _links(v: Any) -> tuple[Link, ...]:
    return tuple(Link(x["label"].strip(), x["url"].strip()) for x in (v or ()))


def _s(d: dict, key: str) -> str:
    return (d.get(key) or "").strip()


def _text_of(d: dict, key: str) -> str:
    """``_s`` for a file that may hold a wrong type: anything but text counts as empty."""
    v = d.get(key)
    return v.strip() if isinstance(v, str) else ""


def _build_role(d: dict, file: str) -> Role:
    overview = d.get("overview") or {}
    pathway = d.get("pathway") or {}
    day = d.get("day_in_the_life") or {}
    cta = d.get("call_to_action") or {}
    return Role(
        id=d["id"].strip(),
        title=d["title"].strip(),
        tagline=_s(d, "tagline"),
        overview_heading=_s(overview, "heading"),
        overview=_texts(overview.get("paragraphs")),
        responsibilities=tuple(Responsibility(r["name"].strip(), r["description"].strip()) for r in d.get("responsibilities") or ()),
        pathway_heading=_s(pathway, "heading"),
        pathway_intro=_s(pathway, "intro"),
        pathway=tuple(PathwayStep(s["certification"].strip(), s["why"].strip()) for s in pathway.get("steps") or ()),
        day_intro=_s(day, "intro"),
        day_in_the_life=tuple(DayEntry(e["time"].strip(), e["title"].strip(), e["description"].strip()) for e in day.get("entries") or ()),
        closing_heading=_s(cta, "heading"),
        closing=_s(cta, "text"),
        closing_link=_s(cta, "link_text"),
        aliases=_texts(d.get("aliases")),
        related_roles=_texts(d.get("related_roles")),
        links=_links(d.get("links")),
        source=_s(d, "source"),
        file=file,
    )


@dataclass(frozen=True)
class Loaded:
    """A clean load: the snapshot, and the bytes of every file it was built from."""

    knowledge: Knowledge
    files: Mapping[str, bytes] = field(repr=False)
    warnings: tuple[Problem, ...] = ()  # likely mistakes that still load (a value cut at ' #')


def load_knowledge(path: str | os.PathLike[str] | None = None, overlay: Overlay | None = None) -> Knowledge:
    """Read, validate and freeze the knowledge under ``path`` (default: the bundled one),
    with ``overlay`` (``{path: text or None}``) read in place of the files on disk."""
    return read_knowledge(path, overlay).knowledge


def read_knowledge(path: str | os.PathLike[str] | None = None, overlay: Overlay | None = None) -> Loaded:
    """``load_knowledge``, also returning the bytes read (what the last-good snapshot keeps)."""
    root = Path(path) if path is not None else default_knowledge_dir()
    try:
        is_dir = root.is_dir()
    except OSError as e:  # a name too long, a loop in the path
        raise KnowledgeError([Problem(str(root)[:200], 1, "(folder)", f"cannot open the knowledge folder: {os_reason(e)}")]) from None
    if not is_dir:
        raise KnowledgeError([Problem(str(root), 1, "(folder)", "knowledge folder not found")])
    reader = _Reader(root, overlay)
    try:
        with paused_gc():
            kb = _load(root, reader)
    except KnowledgeError:
        raise
    except Exception as e:  # a bug must still not take the bot down with a traceback
        log.exception("unexpected error loading %s", root)
        reader.add("(knowledge)", 1, "(folder)", f"could not be loaded ({type(e).__name__}: {e})")
        kb = None
    if reader.problems or kb is None:
        raise KnowledgeError(reader.problems, reader.warnings)
    return Loaded(kb, MappingProxyType(reader.files), tuple(sorted(set(reader.warnings))))


def knowledge_files(path: str | os.PathLike[str] | None = None) -> dict[str, bytes] | None:
    """The bytes of every file ``read_knowledge(path)`` reads, read the same way (what a cached
    snapshot is keyed by); None if any listing or file cannot be read, or a listed file is gone
    (the load itself then reports what is wrong)."""
    root = Path(path) if path is not None else default_knowledge_dir()
    reader = _Reader(root, None)
    files: dict[str, bytes] = {}
    try:
        rels = [rel for folder in ("roles", "certifications", "faq") for rel in reader.yaml_files(folder)]
        rels += [rel for rel in (VOCABULARY_FILE, PHRASINGS_FILE) if os.path.lexists(root / rel)]
        for rel in rels:
            raw = reader.read(rel)
            if raw is None:
                return None
            files[rel] = raw
    except OSError:
        return None
    return None if reader.problems else files


def _check_id(reader: _Reader, rel: str, parsed: Parsed, key: str, value: str, kind: str) -> bool:
    """Whether ``value`` is an id the editor can address; else a problem saying what it could be."""
    pattern = schema.CODE_RE if kind == "certification code" else schema.ID_RE
    if pattern.match(value):
        return True
    if kind == "certification code":
        hint = "letters, digits and dashes only, at most 40"
    else:
        hint = f"lower-case letters, digits and dashes only, at most 80 (e.g. '{slugify(value)[:80] or 'my-entry'}')"
    reader.add(rel, line_of(parsed, (key,)), key, f"'{value}' is not a valid {kind}: {hint}; rename the file to match")
    return False


def _ident(d: dict, key: str) -> str | None:
    """A file's id or code when it is text (a wrong type is reported by the schema check)."""
    v = d.get(key)
    return v.strip() if isinstance(v, str) and v.strip() else None


def _load(root: Path, reader: _Reader) -> Knowledge:
    # Files that exist but are broken: their own problems are reported; references to them
    # are not reported again as "unknown", and their own references, ids and names are still
    # checked -- a value of the wrong type never hides the file's other problems.
    broken_roles: set[str] = set()
    broken_certs: set[str] = set()
    unchecked: list[tuple[str, Parsed]] = []

    def stem(rel: str) -> str:
        return os.path.splitext(rel.split("/", 1)[1])[0]

    def file_id(rel: str, parsed: Parsed, key: str, kind: str, broken: set[str]) -> str | None:
        """The id or code if it matches the file name and is valid; else None (reported)."""
        value = _ident(parsed.data, key)
        if value is None:
            return None
        if value != stem(rel):
            reader.add(rel, line_of(parsed, (key,)), key, f"'{value}' does not match the file name; rename the file to {value}.yaml or fix the {key}")
            broken.update((stem(rel), value))
            return None
        if not _check_id(reader, rel, parsed, key, value, kind):
            broken.add(value)
            return None
        return value

    roles: dict[str, tuple[Role, Parsed]] = {}
    for rel in reader.yaml_files("roles"):
        parsed, ok = reader.parse_checked(rel, schema.ROLE)
        if parsed is None or not isinstance(parsed.data, dict):
            broken_roles.add(stem(rel))
            continue
        rid = file_id(rel, parsed, "id", "role id", broken_roles)
        if rid is not None and ok and rid in roles:
            reader.add(rel, 1, "id", f"duplicate role id '{rid}' (also {roles[rid][0].file})")
        elif rid is not None and ok:
            roles[rid] = (_build_role(parsed.data, rel), parsed)
        else:
            broken_roles.add(stem(rel))
            unchecked.append((rel, parsed))

    certs: dict[str, tuple[Certification, Parsed]] = {}
    by_lower: dict[str, Certification] = {}  # codes differing only in case clash: one lookup, not a scan
    for rel in reader.yaml_files("certifications"):
        parsed, ok = reader.parse_checked(rel, schema.CERTIFICATION)
        if parsed is None or not isinstance(parsed.data, dict):
            broken_certs.add(stem(rel))
            continue
        code = file_id(rel, parsed, "code", "certification code", broken_certs)
        clash = by_lower.get(code.lower()) if code else None
        if code is not None and clash:
            reader.add(rel, line_of(parsed, ("code",)), "code", f"duplicate certification code '{code}' (also {clash.file})")
        elif code is not None and ok:
            d = parsed.data
            certs[code] = (Certification(d["code"].strip(), d["name"].strip(), _s(d, "description"), _texts(d.get("aliases")), _links(d.get("links")), rel), parsed)
            by_lower[code.lower()] = certs[code][0]
        else:
            broken_certs.add(stem(rel))
            unchecked.append((rel, parsed))

    faqs: dict[str, tuple[FaqEntry, Parsed]] = {}
    for rel in reader.yaml_files("faq"):
        parsed, ok = reader.parse_checked(rel, schema.FAQ)
        if parsed is None or not isinstance(parsed.data, dict):
            continue
        fid = file_id(rel, parsed, "id", "FAQ id", set())
        if fid is not None and ok and fid in faqs:
            reader.add(rel, 1, "id", f"duplicate FAQ id '{fid}'")
        elif fid is not None and ok:
            d = parsed.data
            faqs[fid] = (FaqEntry(d["id"].strip(), _texts(d["questions"]), d["answer"].strip(), _texts(d.get("roles")), _texts(d.get("certifications")), rel, _s(d, "title")), parsed)
        else:
            unchecked.append((rel, parsed))

    vocabulary = Vocabulary()
    removed = reader.overlay.get(VOCABULARY_FILE, "") is None
    if not removed and (VOCABULARY_FILE in reader.overlay or os.path.lexists(root / VOCABULARY_FILE)):
        parsed = reader.parse(VOCABULARY_FILE, schema.VOCABULARY)
        if parsed is not None:
            syn = {name_key(k): name_key(v) for k, v in (parsed.data.get("synonyms") or {}).items()}
            vocabulary = Vocabulary(MappingProxyType(syn), VOCABULARY_FILE)

    _cross_check(reader, roles, certs, faqs, broken_roles, broken_certs, unchecked)
    phrasings = _phrasings(reader, root, roles, certs, broken_roles, broken_certs)
    return Knowledge(
        root=str(root),
        roles=MappingProxyType({k: v[0] for k, v in sorted(roles.items())}),
        certifications=MappingProxyType({k: v[0] for k, v in sorted(certs.items())}),
        faqs=MappingProxyType({k: v[0] for k, v in sorted(faqs.items())}),
        vocabulary=vocabulary,
        fingerprint=reader.digest.hexdigest(),
        phrasings=phrasings,
    )


def _phrasings(reader: _Reader, root: Path, roles: dict, certs: dict, broken_roles: set[str], broken_certs: set[str]) -> tuple[Phrasing, ...]:
    """phrasings.yaml: every example checked (its intent, what it is about, its section)."""
    if reader.overlay.get(PHRASINGS_FILE, "") is None or not (PHRASINGS_FILE in reader.overlay or os.path.lexists(root / PHRASINGS_FILE)):
        return ()
    parsed, _ = reader.parse_checked(PHRASINGS_FILE, schema.PHRASINGS)
    if parsed is None or not isinstance(parsed.data, dict):
        return ()
    out: list[Phrasing] = []
    seen: dict[str, int] = {}
    for i, item in _items(parsed.data, "examples"):
        where = f"examples[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("question"), str) or not isinstance(item.get("means"), str):
            continue  # its types are reported already; the other examples are still checked
        question, means = item["question"].strip(), item["means"].strip()
        about, section = _text_of(item, "about"), _text_of(item, "section")
        line = line_of(parsed, ("examples", i))
        ok = True
        if means not in schema.TEACHABLE:
            reader.add(PHRASINGS_FILE, line_of(parsed, ("examples", i, "means")), f"{where}.means", f"'{means}' is not something an answer can mean (one of {', '.join(schema.TEACHABLE)})" + schema.did_you_mean(means, schema.TEACHABLE))
            ok = False
        if about and about not in roles and about not in certs and about not in broken_roles and about not in broken_certs:
            reader.add(PHRASINGS_FILE, line_of(parsed, ("examples", i, "about")), f"{where}.about", f"unknown role id or certification code '{about}'" + schema.did_you_mean(about, [*roles, *certs]))
            ok = False
        if section and (section not in schema.SECTIONS or means != "role"):
            hint = schema.did_you_mean(section, schema.SECTIONS) if section not in schema.SECTIONS else " (a section goes with means: role)"
            reader.add(PHRASINGS_FILE, line_of(parsed, ("examples", i, "section")), f"{where}.section", f"'{section}' is not a section of a role's page" + hint)
            ok = False
        key = name_key(question)
        if key in seen:
            reader.add(PHRASINGS_FILE, line, f"{where}.question", f"the same question as examples[{seen[key]}]; keep one")
            ok = False
        seen.setdefault(key, i)
        if ok:
            out.append(Phrasing(question, means, about, section, line))
    return tuple(out)


def _items(data: Any, *keys: str) -> list[tuple[int, Any]]:
    """(index, item) of the list at ``data[keys...]``; nothing where a type is wrong."""
    for k in keys:
        data = data.get(k) if isinstance(data, dict) else None
    return list(enumerate(data)) if isinstance(data, list) else []


def _role_refs(data: Any) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    steps = [(i, s["certification"].strip()) for i, s in _items(data, "pathway", "steps") if isinstance(s, dict) and isinstance(s.get("certification"), str)]
    related = [(i, r.strip()) for i, r in _items(data, "related_roles") if isinstance(r, str)]
    return steps, related


def _cross_check(
    reader: _Reader,
    roles: dict,
    certs: dict,
    faqs: dict,
    broken_roles: set[str],
    broken_certs: set[str],
    unchecked: list[tuple[str, Parsed]],
) -> None:
    """References between files, and names two entries both claim."""
    codes = list(certs)
    role_ids = list(roles)

    def check_cert(file: str, parsed: Parsed, path: tuple, field: str, code: str) -> None:
        if code and code not in certs and code not in broken_certs:
            reader.add(file, line_of(parsed, path), field, f"unknown certification '{code}'" + schema.did_you_mean(code, codes))

    def check_role(file: str, parsed: Parsed, path: tuple, field: str, rid: str) -> None:
        if rid and rid not in roles and rid not in broken_roles:
            reader.add(file, line_of(parsed, path), field, f"unknown role '{rid}'" + schema.did_you_mean(rid, role_ids))

    role_files = [(role.file, parsed) for role, parsed in roles.values()] + [(f, p) for f, p in unchecked if f.startswith("roles/")]
    for file, parsed in role_files:
        steps, related = _role_refs(parsed.data)
        seen: set[str] = set()
        for i, code in steps:
            path = ("pathway", "steps", i, "certification")
            if code in seen:
                reader.add(file, line_of(parsed, path), "pathway.steps[%d].certification" % i, f"'{code}' is already a step of this pathway")
            else:
                check_cert(file, parsed, path, "pathway.steps[%d].certification" % i, code)
            seen.add(code)
        for i, rid in related:
            check_role(file, parsed, ("related_roles", i), f"related_roles[{i}]", rid)
    faq_files = [(entry.file, parsed) for entry, parsed in faqs.values()] + [(f, p) for f, p in unchecked if f.startswith("faq/")]
    for file, parsed in faq_files:
        for i, rid in _items(parsed.data, "roles"):
            if isinstance(rid, str):
                check_role(file, parsed, ("roles", i), f"roles[{i}]", rid.strip())
        for i, code in _items(parsed.data, "certifications"):
            if isinstance(code, str):
                check_cert(file, parsed, ("certifications", i), f"certifications[{i}]", code.strip())

    # Every name a member may type must point at one entry only (names of files with other
    # problems count too, as far as they are text).
    owners: dict[str, str] = {}
    entries = [(role.file, parsed) for role, parsed in roles.values()] + [(f, p) for f, p in unchecked if f.startswith("roles/")]
    entries += [(cert.file, parsed) for cert, parsed in certs.values()] + [(f, p) for f, p in unchecked if f.startswith("certifications/")]
    for file, parsed in entries:
        for key in ("title", "code", "name"):
            text = _text_of(parsed.data, key)
            if text and name_key(text):
                owners.setdefault(name_key(text), file)
    for file, parsed in entries:
        for i, alias in _items(parsed.data, "aliases"):
            if not isinstance(alias, str) or not name_key(alias):
                continue
            owner = owners.setdefault(name_key(alias), file)
            if owner != file:
                reader.add(file, line_of(parsed, ("aliases", i)), f"aliases[{i}]", f"alias '{alias.strip()}' is already claimed by {owner}")
