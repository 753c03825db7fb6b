"""Knowledge in and out: export as a zip, import pages, YAML files and zips (preview, then apply).

Export holds knowledge files only (``*.yaml``, ``sources/*.txt|*.html``, ``README.md``), read
through the same link-safe reader as the loader: never a database, WAL, hash, backup,
journal or hidden file, nor whatever a symlink points at outside the folder. Imports are
previewed (validated against the whole knowledge base, nothing written), then applied by
the core as one backed-up, undoable transaction -- from Discord and from the command line.
A spotlight page comes as text (``.txt``), as a web page (``.html``) or from a web address
(``preview_import_url``); a re-import keeps moderators' edits (``bot.knowledge.importer``).
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import bot.knowledge.schema as schema
from bot.knowledge.fetch import FetchError
from bot.knowledge.files import MAX_FILE_BYTES, PHRASINGS_FILE, VOCABULARY_FILE, FileFault, knowledge_files, limit_text, read_file, size_text
from bot.knowledge.importer import ImportPlan, plan_import
from bot.knowledge.loader import KnowledgeError
from bot.knowledge.page import MAX_PAGE_BYTES, PageError
from bot.knowledge.page_source import PageSource, from_bytes, from_url, is_web_page
from bot.knowledge.yamlio import YamlFault, decode_utf8, parse_yaml
from bot.moderation.core import EditCore, EditError, EditResult, problems_message

log = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 512 * 1024
MAX_ZIP_MEMBERS = 200
MAX_ZIP_UNPACKED_BYTES = 4 * 1024 * 1024
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the oldest time a zip entry can carry
_ZIP_END = (2107, 12, 31, 23, 59, 58)  # and the newest


@dataclass(frozen=True)
class ImportPreview:
    files: dict[str, str]  # knowledge-relative path -> new text (every file the import covers)
    created: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    summary: str
    # sha256 of each file as it was at preview time ("" = absent): apply refuses if one changed since
    base: tuple[tuple[str, str], ...] = field(default=(), compare=False)


def _sha(text: str | None) -> str:
    return "" if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def _preview(files: dict[str, str], current: dict[str, str | None], notes: list[str]) -> ImportPreview:
    """The preview of writing ``files`` over ``current`` (their present texts)."""
    created = tuple(r for r in files if current[r] is None)
    updated = tuple(r for r in files if current[r] is not None and current[r] != files[r])
    unchanged = tuple(r for r in files if current[r] == files[r])
    lines = [f"created   {r}" for r in created] + [f"updated   {r}" for r in updated] + [f"unchanged {r}" for r in unchanged]
    lines += [f"note: {n}" for n in notes]
    if not created and not updated:
        lines.insert(0, "nothing to change")
    base = tuple((r, _sha(current[r])) for r in files)
    return ImportPreview(dict(files), created, updated, unchanged, "\n".join(lines), base)


def _zip_time(mtime: float) -> tuple[int, int, int, int, int, int]:
    """A file time a zip can hold (1980..2107), whatever the file system says."""
    try:
        import time

        t = tuple(time.localtime(mtime)[:6])
    except (OverflowError, OSError, ValueError):
        return _ZIP_EPOCH
    return min(max(t, _ZIP_EPOCH), _ZIP_END)  # type: ignore[return-value]


class Transfers(EditCore):
    """Export and import over the editing core."""

    def export_zip(self) -> bytes:
        """The knowledge files as a zip (see the module docstring for what is never in it)."""
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for rel in knowledge_files(self.root):
                try:
                    data = read_file(self.root, rel, MAX_PAGE_BYTES if rel.startswith("sources/") else MAX_FILE_BYTES)
                    mtime = os.stat(self.root / rel).st_mtime
                except (FileFault, OSError) as e:
                    log.warning("export leaves out %s: %s", rel, getattr(e, "message", e))
                    continue
                if data is not None:
                    zf.writestr(zipfile.ZipInfo(rel, date_time=_zip_time(mtime)), data, zipfile.ZIP_DEFLATED)
        return buf.getvalue()

    def preview_import(self, filename: str, data: bytes) -> ImportPreview:
        """What importing this attachment would change; validated, nothing written."""
        name = PurePosixPath((filename or "").replace("\\", "/")).name
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise EditError(f"{name} is {size_text(len(data), MAX_ATTACHMENT_BYTES)}; attachments are limited to {limit_text(MAX_ATTACHMENT_BYTES)}")
        ext = PurePosixPath(name.lower()).suffix
        notes: list[str] = []
        if ext == ".txt" or is_web_page(name):
            try:
                page = from_bytes(name, data)
            except PageError as e:
                raise EditError(f"{name}:{e.line}: {e.message}; nothing was written") from None
            return self._preview_page(name, page)
        with self._locked():
            if ext in (".yaml", ".yml"):
                rel, text = self._knowledge_file(name, data)
                files = {rel: text}
            elif ext == ".zip":
                files, notes = self._plan_zip(name, data)
            else:
                raise EditError(f"{name}: can't import '{ext or 'no extension'}' files; send a spotlight page (.txt or .html), a knowledge file (.yaml) or a .zip of knowledge files")
            current = {rel: self._read(rel) for rel in files}
            self._validate(dict(files), f"{name} would break the knowledge base")
        return _preview(files, current, notes)

    def preview_import_url(self, url: str) -> ImportPreview:
        """What importing the spotlight page at ``url`` (http or https) would change; fetched
        (time and size limited, see ``bot.knowledge.fetch``), validated, nothing written.
        ``apply_import`` writes it; the address becomes the role's council page link."""
        try:
            page = from_url(url)
        except FetchError as e:
            raise EditError(f"{url[:200]}: {e.message}; nothing was written") from None
        except PageError as e:
            raise EditError(f"{url[:200]}: {e.message}; nothing was written") from None
        return self._preview_page(url[:200], page)

    def _preview_page(self, name: str, page: PageSource) -> ImportPreview:
        with self._locked():
            files, notes = self._plan_page(name, page)
            current = {rel: self._read(rel) for rel in files}
            self._validate(dict(files), f"{name} would break the knowledge base")
        return _preview(files, current, notes)

    def apply_import(self, moderator: str, preview: ImportPreview) -> list[EditResult]:
        """Write a previewed import: re-validated, backed up, recorded, committed."""
        with self._locked():
            base = dict(preview.base)
            writes: dict[str, str | None] = {}
            results = []
            for rel, text in preview.files.items():
                rel = self._rel(rel)
                old = self._read(rel)
                if rel in base and base[rel] != _sha(old):
                    raise EditError(f"{rel} changed since the preview; preview the import again")
                if old != text:
                    writes[rel] = text
                    results.append(EditResult(rel, "import", f"{'created' if old is None else 'updated'} {rel}"))
            if writes:
                self._apply(moderator, "import", writes, what="the import would break the knowledge base")
        return results

    def import_page(self, moderator: str, page: str | PageSource, dry_run: bool = False) -> ImportPlan:
        """A spotlight page from the command line: planned and written under one lock, backed up,
        recorded, committed and undoable like ``/kb import``; with ``dry_run`` only planned and
        validated (``ImportPlan.diff`` shows what would change). Raises PageError, KnowledgeError
        (the page cannot be planned) or EditError (the result would not validate)."""
        with self._locked():
            plan = plan_import(page, self.root)
            writes: dict[str, str | None] = {rel: plan.writes[rel] for rel in plan.created + plan.updated}
            what = "the knowledge base would not validate after this import"
            if dry_run:
                self._validate(writes, what)
            elif writes:
                self._apply(moderator, "import", writes, what=what)
        return plan

    # ------------------------------------------------------------------ planning what an upload writes

    def _plan_page(self, name: str, page: PageSource) -> tuple[dict[str, str], list[str]]:
        try:
            plan = plan_import(page, self.root)
        except PageError as e:
            raise EditError(f"{name}:{page.html_line(e.line)}: {e.message}; nothing was written") from None
        except KnowledgeError as e:
            raise EditError(problems_message(f"{name} cannot be imported", e.problems), e.problems) from None
        return dict(plan.writes), list(plan.notes)

    def _knowledge_file(self, name: str, data: bytes) -> tuple[str, str]:
        """One uploaded YAML file -> (where it goes, its text); refuses anything unsafe or unclear."""
        try:
            text = decode_utf8(data)
            parsed = parse_yaml(text)
        except YamlFault as e:
            raise EditError(f"{name}:{e.line}: {e.message}; nothing was written") from None
        d = parsed.data
        if not isinstance(d, dict):
            raise EditError(f"{name}: expected a mapping of fields (a role, certification, FAQ or vocabulary file)")

        def ident(key: str, pattern: re.Pattern[str], kind: str) -> str:
            v = d.get(key)
            if not isinstance(v, str) or not pattern.match(v.strip()):
                raise EditError(f"{name}: {key} '{v}' is not a valid {kind} (letters, digits and dashes only)")
            return v.strip()

        if "title" in d and "id" in d:
            rel = f"roles/{ident('id', schema.ID_RE, 'role id')}.yaml"
        elif "code" in d:
            rel = f"certifications/{ident('code', schema.CODE_RE, 'certification code')}.yaml"
        elif "questions" in d:
            rel = f"faq/{ident('id', schema.ID_RE, 'FAQ id')}.yaml"
        elif "synonyms" in d:
            rel = VOCABULARY_FILE
        elif "examples" in d:
            rel = PHRASINGS_FILE
        else:
            raise EditError(f"{name}: can't tell what kind of knowledge file this is (expected a role with title and id, a certification with code, an FAQ with questions, vocabulary with synonyms, or phrasings with examples)")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return rel, text if text.endswith("\n") else text + "\n"

    def _plan_zip(self, name: str, data: bytes) -> tuple[dict[str, str], list[str]]:
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError):
            raise EditError(f"{name} is not a valid zip file") from None
        files: dict[str, str] = {}
        origin: dict[str, str] = {}
        notes: list[str] = []
        with zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
            if len(infos) > MAX_ZIP_MEMBERS:
                raise EditError(f"{name} has {len(infos)} files; the limit is {MAX_ZIP_MEMBERS}")
            if sum(i.file_size for i in infos) > MAX_ZIP_UNPACKED_BYTES:
                raise EditError(f"{name} unpacks to more than {limit_text(MAX_ZIP_UNPACKED_BYTES)}")
            for info in infos:
                member = PurePosixPath(info.filename.replace("\\", "/"))
                if any(p.startswith(".") or p == "__MACOSX" for p in member.parts):
                    continue
                if member.suffix.lower() not in (".yaml", ".yml"):
                    notes.append(f"skipped {member} (only .yaml knowledge files are imported from a zip)")
                    continue
                if info.file_size > MAX_ATTACHMENT_BYTES:
                    raise EditError(f"{name}: {member} is {size_text(info.file_size, MAX_ATTACHMENT_BYTES)}; files are limited to {limit_text(MAX_ATTACHMENT_BYTES)}")
                try:
                    raw = zf.read(info)
                except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as e:
                    raise EditError(f"{name}: cannot unpack {member}: {e}") from None
                if len(raw) > MAX_ATTACHMENT_BYTES:
                    raise EditError(f"{name}: {member} is {size_text(len(raw), MAX_ATTACHMENT_BYTES)}; files are limited to {limit_text(MAX_ATTACHMENT_BYTES)}")
                rel, text = self._knowledge_file(f"{name}/{member}", raw)
                if rel in files:
                    raise EditError(f"{name}: {origin[rel]} and {member} are both {rel}")
                files[rel], origin[rel] = text, str(member)
        if not files:
            raise EditError(f"{name} has no .yaml knowledge files")
        return files, notes
