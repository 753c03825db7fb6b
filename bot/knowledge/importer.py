"""Turn a parsed spotlight page into knowledge files, keeping what moderators added and edited.

Page-derived fields are merged three ways (``bot.knowledge.merge``): the page as last imported
(``sources/<role>.txt``), the file as it is, and the new page -- a field a moderator has edited
since is kept, and the plan's notes say so. Moderator-owned fields (aliases, related roles,
links, FAQ) are never touched, except that a page fetched from the web becomes the role's
council page link when the role has no links yet. A web page is kept as ``sources/<role>.html``
beside the text the parser read. The whole result is validated as an in-memory overlay over the
knowledge folder before anything is written, and written as one transaction, so a bad page --
or a crash halfway -- changes nothing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAMLError as RoundTripYAMLError
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from bot.knowledge.files import MAX_FILE_BYTES, FileFault, read_file
from bot.knowledge.loader import KnowledgeError, Problem, load_knowledge, slugify
from bot.knowledge.merge import MISSING, merge
from bot.knowledge.page import MAX_PAGE_BYTES, Page, PageError, parse_page, unemphasised
from bot.knowledge.page_source import PageSource, read_page
from bot.knowledge.schema import CODE_RE, ID_RE
from bot.knowledge.transaction import apply_changes, knowledge_lock, recover
from bot.knowledge.yamlio import YamlFault, decode_utf8, parse_yaml, to_commented, update_yaml_text

ROLE_PAGE_FIELDS = ("id", "title", "tagline", "overview", "responsibilities", "pathway", "day_in_the_life", "call_to_action", "source")
ROLE_MODERATOR_FIELDS = ("aliases", "related_roles", "links")
COUNCIL_PAGE = "Council page"  # the label of the link a fetched page's address becomes


@dataclass
class ImportPlan:
    """Files an import would write: knowledge-relative path -> new text, plus what changes."""

    role_id: str
    writes: dict[str, str] = field(default_factory=dict)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    before: dict[str, str | None] = field(default_factory=dict)  # each written file as it was

    def report(self) -> str:
        lines = [f"created   {p}" for p in self.created] + [f"updated   {p}" for p in self.updated] + [f"unchanged {p}" for p in self.unchanged]
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)

    def diff(self) -> str:
        """What the import would change, as a unified diff (a web page kept in sources/ by size only)."""
        out: list[str] = []
        for rel in self.created + self.updated:
            old, new = self.before.get(rel), self.writes[rel]
            if rel.endswith(".html"):
                out.append(f"{'new' if old is None else 'changed'} {rel} ({len(new.encode('utf-8')):,} bytes)\n")
                continue
            out += difflib.unified_diff((old or "").splitlines(True), new.splitlines(True), "/dev/null" if old is None else f"a/{rel}", f"b/{rel}")
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in out)


def _role_fields(page: Page, role_id: str, source: str, whys: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Every fact of the page, in the role file's field order; ``whys`` stands in for the reason
    of a step the page lists without one ("CPOM · Certified …" alone on its line)."""
    whys = whys or {}
    out: dict[str, Any] = {"id": role_id, "title": page.title}
    if page.tagline:
        out["tagline"] = page.tagline
    if page.overview or page.overview_heading:
        out["overview"] = {"heading": page.overview_heading, "paragraphs": page.overview}
    if page.responsibilities:
        out["responsibilities"] = [{"name": n, "description": d} for n, d in page.responsibilities]
    if page.certifications:
        out["pathway"] = {
            "heading": page.pathway_heading,
            "intro": page.pathway_intro,
            "steps": [{"certification": c.code, "why": c.description or whys.get(c.code, "")} for c in page.certifications],
        }
    if page.day:
        out["day_in_the_life"] = {"intro": page.day_intro, "entries": [{"time": t, "title": ti, "description": d} for t, ti, d in page.day]}
    if page.closing or page.closing_heading or page.closing_link:
        out["call_to_action"] = {"heading": page.closing_heading, "text": page.closing, "link_text": page.closing_link}
    out["source"] = source
    return out


_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['’](?=[A-Za-z])")  # "Women's", "Patient’s": one word in an id
_ADDRESS = re.compile(r"\bhttps?://[^\s<>()\[\]\"']{1,200}|\bwww\.[^\s<>()\[\]\"']{1,200}", re.I)  # "Learn more: https://…", "[Apply](https://…)", "www.…"


def role_id_of(page: Page, page_text: str) -> str:
    """The role id a page's title gives ("Patient's Own …" -> ``patients-own-…``); PageError when
    no file can be named by it."""
    role_id = slugify(_APOSTROPHE.sub("", page.title))
    if not ID_RE.match(role_id):  # parse_page already refused a title without letters or digits
        line = next((n for n, text in enumerate(page_text.splitlines(), 1) if page.title[:30] in text), 1)
        raise PageError(line, f"the title gives the role id '{role_id[:60]}…' ({len(role_id)} characters); role ids are limited to 80, shorten the title")
    for cert in page.certifications:
        if not CODE_RE.match(cert.code):
            raise PageError(cert.line, f"certification code '{cert.code}' cannot name a file; codes are letters, digits and dashes")
    return role_id


def plan_import(page: str | PageSource, knowledge: Path, overlay: Mapping[str, str | None] | None = None) -> ImportPlan:
    """Compute the files an import writes, without writing anything.

    ``page`` is the page's text, or a ``PageSource`` (a web page, with its address).
    ``overlay`` (``{path: text or None}``) stands in for files on disk: how ``eval --import``
    imports several pages in memory, each on top of the ones before.
    """
    overlay = overlay or {}
    src = page if isinstance(page, PageSource) else PageSource(page)
    parsed = parse_page(src.text)
    role_id = role_id_of(parsed, src.text)
    legacy = slugify(parsed.title)  # ("patient-s-own-…": the id pages with an apostrophe were given before)
    if legacy != role_id and _raw(knowledge, f"roles/{legacy}.yaml", overlay) is not None:
        role_id = legacy  # a page imported again keeps the role it made
    source = f"sources/{role_id}.txt"
    base = _base_page(knowledge, source, overlay)
    plan = ImportPlan(role_id)
    if not parsed.certifications:  # allowed (the pathway is optional), but a heading the parser missed would look the same
        plan.notes.append(f"the page has no certification pathway (no heading such as 'Your Certification Pathway' above certification steps); {role_id} has none")
    normalized_page = src.text.replace("\r\n", "\n").replace("\r", "\n")
    plan.writes[source] = normalized_page if normalized_page.endswith("\n") else normalized_page + "\n"
    if src.html is not None:
        plan.writes[f"sources/{role_id}.html"] = src.html

    role_path = f"roles/{role_id}.yaml"
    old_role, current = _read_yaml(knowledge, role_path, overlay)
    whys = _stand_in_whys(parsed, knowledge, overlay)
    fields = _merged_role(parsed, base, current or {}, role_id, source, plan.notes, whys, _stand_in_whys(base, knowledge, overlay) if base else {})
    steps = fields.get("pathway", {}).get("steps") if isinstance(fields.get("pathway"), dict) else None
    for step in steps if isinstance(steps, list) else []:
        code = step.get("certification") if isinstance(step, dict) else None
        if code in whys and step.get("why") == whys[code]:  # (not once a moderator wrote the step's why)
            plan.notes.append(f"{code}: the page gives no reason for this step of the pathway; its why is {whys[code]!r} -- edit {role_path} to say why it matters for this role")

    named = _ADDRESS.search(src.text) if not src.url and not (current or {}).get("links") else None
    if named is not None:  # an address in a page's text is the page's word, not the moderator's: never made a link by itself
        plan.notes.append(f"the page names {named.group(0).rstrip('.,;:)>]')!r}; an address in a page's text is not made a link -- if it is the council's page for this role, add it under links: in {role_path} (or import the page from that address)")

    def mutate_role(doc: Any) -> None:
        for n, key in enumerate(ROLE_PAGE_FIELDS):
            value = fields.get(key, MISSING)
            if value is MISSING:
                if key in doc:
                    del doc[key]  # the page no longer has this section (and nobody edited it)
            elif key not in doc:
                # a section new to this role goes where a fresh import puts it, not after the moderator's fields
                before = [k for k in ROLE_PAGE_FIELDS[:n] if k in doc]
                doc.insert(list(doc).index(before[-1]) + 1 if before else 0, key, _quoted_times(key, to_commented(value)))
            elif (current or {}).get(key) != value:
                doc[key] = _quoted_times(key, to_commented(value))  # untouched fields keep their comments and layout
        for key in ROLE_MODERATOR_FIELDS:
            if key not in doc:
                doc[key] = to_commented([])
        if src.url and not doc.get("links"):
            doc["links"] = to_commented([{"label": COUNCIL_PAGE, "url": src.url}])

    plan.writes[role_path] = _update(role_path, old_role, mutate_role)

    for cert in parsed.certifications:
        path = f"certifications/{cert.code}.yaml"
        old, existing = _read_yaml(knowledge, path, overlay)
        if existing and existing.get("imported_from") not in (None, role_id):
            plan.notes.append(f"{cert.code} already exists (from {existing.get('imported_from')}); reused, this page's sentence is on the {role_id} pathway step")
            if str(existing.get("name", "")).strip() != cert.name:
                plan.notes.append(f"{cert.code}: this page names it {cert.name!r}, the knowledge base says {existing.get('name')!r}; kept the knowledge base's name")
            continue
        was = next((c for c in base.certifications if c.code == cert.code), None) if base else None
        name, description = cert.name, cert.description
        if not cert.description:  # a step listed without a reason says nothing of the certification: its description stays as it is
            description = (existing or {}).get("description", MISSING)
        if existing and was is not None:
            old_name = _without_old_emphasis(existing.get("name", MISSING), was.name)
            name = merge(was.name, old_name, cert.name, f"{cert.code}.name", plan.notes)
            if cert.description:
                old_description = _without_old_emphasis(existing.get("description", MISSING), was.description)
                description = merge(was.description or MISSING, old_description, cert.description, f"{cert.code}.description", plan.notes)

        def mutate_cert(doc: Any, code: str = cert.code, name: Any = name, description: Any = description) -> None:
            doc["code"] = code
            for key, value in (("name", name), ("description", description)):
                if value is MISSING:
                    doc.pop(key, None)
                elif doc.get(key) != value:
                    doc[key] = value
            doc.setdefault("imported_from", role_id)
            doc.setdefault("aliases", to_commented([]))
            doc.setdefault("links", to_commented([]))

        plan.writes[path] = _update(path, old, mutate_cert)

    for rel, text in plan.writes.items():
        old_text = _read(knowledge, rel, overlay)
        plan.before[rel] = old_text
        (plan.created if old_text is None else plan.unchanged if old_text == text else plan.updated).append(rel)
    if base is None and current is not None and role_path in plan.updated:
        plan.notes.append(f"there is no earlier import of this page ({source}) to compare with, so the page's text replaced the files' page fields; the previous versions are backed up (undo restores them)")
    return plan


def _merged_role(
    page: Page, base: Page | None, current: dict, role_id: str, source: str, notes: list[str], whys: Mapping[str, str] | None = None, base_whys: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The role's page fields: the new page's, merged with a moderator's edits when the page as
    last imported is known (``base``)."""
    fields = _role_fields(page, role_id, source, whys)
    if base is None or not current:
        return fields
    was = _role_fields(base, role_id, source, base_whys)
    out: dict[str, Any] = {"id": role_id}
    for key in ROLE_PAGE_FIELDS[1:-1]:
        mine = _without_old_emphasis(current.get(key, MISSING), was.get(key, MISSING))
        value = merge(was.get(key, MISSING), mine, fields.get(key, MISSING), f"{role_id}.{key}", notes, key)
        if value is not MISSING:
            out[key] = value
    out["source"] = source
    return out


def _without_old_emphasis(current: Any, was: Any) -> Any:
    """A field as the file holds it, each text an earlier import stored with its Markdown emphasis
    ("**Kit Assembly**", before the parser dropped it: ``unemphasised``) read as the page as last
    imported now reads it ("Kit Assembly") -- only where that page says exactly so -- so that
    importing the page again writes the text without the marks instead of keeping them as a
    moderator's edit. Any other text, a moderator's own included, is left as it is."""
    texts = {" ".join(t.split()) for t in _texts(was)}

    def plain(value: Any) -> Any:
        if isinstance(value, str):
            text = unemphasised(value)
            return text if text != value and " ".join(text.split()) in texts else value
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value

    fixed = plain(current)
    return current if fixed == current else fixed  # (untouched, the file's own value as it was read)


def _texts(value: Any) -> list[str]:
    """Every text in a field's value (its mappings' and lists' too)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def _stand_in_whys(page: Page, knowledge: Path, overlay: Mapping[str, str | None]) -> dict[str, str]:
    """The why of each step the page lists without a reason ("CPOM · Certified …" alone on its
    line), as the role file requires one: the certification's description when the knowledge
    base has one, else which step of the role's pathway it is."""
    whys: dict[str, str] = {}
    for k, cert in enumerate(page.certifications, 1):
        if cert.description:
            continue
        _, existing = _read_yaml(knowledge, f"certifications/{cert.code}.yaml", overlay)
        known = (existing or {}).get("description")
        whys[cert.code] = known.strip() if isinstance(known, str) and known.strip() else f"Step {k} of the {page.title} certification pathway."
    return whys


# A day entry's time with a digit ("06:45", "9:30", "7-9 AM"): always written quoted, so that no
# reader can take it for a number (YAML 1.1 reads a plain 9:30 as 570).
_CLOCK_TIME = re.compile(r"\d")


def _quoted_times(key: str, value: Any) -> Any:
    """``value`` of the role's field ``key``, its day entries' clock times quoted."""
    if key == "day_in_the_life" and isinstance(value, Mapping):
        for entry in value.get("entries") or []:
            time = entry.get("time") if isinstance(entry, Mapping) else None
            if isinstance(time, str) and _CLOCK_TIME.search(time):
                entry["time"] = SingleQuotedScalarString(time)
    return value


def _base_page(knowledge: Path, source: str, overlay: Mapping[str, str | None]) -> Page | None:
    """The page as last imported (``sources/``), parsed; None if there is none or it does not parse."""
    try:
        raw = _raw(knowledge, source, overlay, MAX_PAGE_BYTES)
        return parse_page(raw.decode("utf-8")) if raw is not None else None
    except (KnowledgeError, PageError, UnicodeDecodeError):
        return None


def _raw(knowledge: Path, rel: str, overlay: Mapping[str, str | None], limit: int | None = None) -> bytes | None:
    if rel in overlay:
        text = overlay[rel]
        return None if text is None else text.encode("utf-8")
    try:
        return read_file(knowledge, rel, limit or MAX_FILE_BYTES)
    except FileFault as e:
        raise KnowledgeError([Problem(rel, 1, "(file)", e.message)]) from None


def _read(knowledge: Path, rel: str, overlay: Mapping[str, str | None]) -> str | None:
    """The file's text (undecodable bytes kept as surrogates, so it differs from any new text)."""
    raw = _raw(knowledge, rel, overlay, MAX_PAGE_BYTES if rel.startswith("sources/") else None)
    return None if raw is None else raw.decode("utf-8", "surrogateescape")


def _read_yaml(knowledge: Path, rel: str, overlay: Mapping[str, str | None]) -> tuple[str | None, dict | None]:
    """(text, data) of a knowledge file the import will rewrite; (None, None) if it does not exist.

    A file that cannot be rewritten safely (too big, not UTF-8, broken YAML, an unsafe tag,
    not a mapping, a link out of the folder) is a KnowledgeError naming it, never a
    traceback or a silent overwrite.
    """
    raw = _raw(knowledge, rel, overlay)
    if raw is None:
        return None, None
    try:
        text = decode_utf8(raw)
        data = parse_yaml(text).data
    except YamlFault as e:
        raise KnowledgeError([Problem(rel, e.line, "(file)", e.message)]) from None
    if data is not None and not isinstance(data, dict):
        raise KnowledgeError([Problem(rel, 1, "(file)", "expected a mapping of fields; fix or remove the file, then import again")])
    return text, data


def _update(rel: str, old: str | None, mutate: Any) -> str:
    try:
        return update_yaml_text(old, mutate)
    except RoundTripYAMLError as e:
        raise KnowledgeError([Problem(rel, 1, "(file)", f"YAML error: {e}")]) from None


def validate_plan(plan: ImportPlan, knowledge: Path) -> None:
    """Load the knowledge as it would be after the import (in memory); raise KnowledgeError if broken."""
    load_knowledge(knowledge, overlay=plan.writes)


def apply_plan(plan: ImportPlan, knowledge: Path) -> None:
    """Write the plan's new and changed files as one transaction."""
    apply_changes(knowledge, {rel: plan.writes[rel] for rel in plan.created + plan.updated})


def import_page(page_file: Path, knowledge: Path) -> ImportPlan:
    """Parse, plan, validate, then write (no backup: see ``KnowledgeEditor.import_page`` for
    undoable imports). Raises OSError for an unreadable page file, PageError or
    KnowledgeError with nothing written."""
    text = read_page(page_file)
    with knowledge_lock(knowledge):
        recover(knowledge)
        plan = plan_import(text, knowledge)
        validate_plan(plan, knowledge)
        apply_plan(plan, knowledge)
    return plan


__all__ = ["ImportPlan", "KnowledgeError", "apply_plan", "import_page", "plan_import", "role_id_of", "validate_plan"]
