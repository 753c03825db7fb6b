"""Knowledge edits by moderators: validated before they land, atomic, undoable, audited.

Every edit runs read -> change -> validate -> back up -> write -> record -> commit while
holding one lock per knowledge folder, re-reading the file inside the lock, so two
moderators editing at once never lose each other's change. Validation loads the whole
knowledge as it would be after the edit (in a scratch copy); if it has problems the edit
raises ``EditError`` and nothing is written. Writes keep comments and key order (ruamel
round-trip) and are atomic. The previous version of each touched file is kept under
``knowledge/.backups/<file>/<timestamp><suffix>`` (``<timestamp>.absent`` when the file did
not exist), which is what ``undo`` restores. When the folder is in a git repository the
touched files are committed with the moderator as author; git trouble is logged, never fatal.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterable

from ruamel.yaml import YAMLError as RoundTripYAMLError
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from bot.knowledge import schema
from bot.knowledge.loader import VOCABULARY_FILE, KnowledgeError, Problem, load_knowledge, name_key, slugify
from bot.knowledge.page import PageError, read_page_bytes
from bot.knowledge.yamlio import YamlFault, decode_utf8, dump_round_trip, parse_yaml, update_yaml_text, write_atomic
from bot.storage import Store

log = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 512 * 1024
MAX_ZIP_MEMBERS = 200
MAX_ZIP_UNPACKED_BYTES = 4 * 1024 * 1024
MAX_QUESTION_CHARS = 300
MAX_ANSWER_CHARS = 4000
MAX_ALIAS_CHARS = 100
BACKUPS = ".backups"
ABSENT = ".absent"  # backup marker: the file did not exist before the change

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")


class EditError(Exception):
    """The edit was refused; nothing was written. ``problems`` lists validation problems, if any."""

    def __init__(self, message: str, problems: Iterable[Problem] = ()):
        self.message = message
        self.problems = tuple(problems)
        super().__init__(message)


@dataclass(frozen=True)
class EditResult:
    file: str  # knowledge-relative path (several, comma-separated, for a batch undo)
    action: str
    summary: str


@dataclass(frozen=True)
class ImportPreview:
    files: dict[str, str]  # knowledge-relative path -> new text (every file the import covers)
    created: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    summary: str
    # sha256 of each file as it was at preview time ("" = absent): apply refuses if one changed since
    base: tuple[tuple[str, str], ...] = field(default=(), compare=False)


# ---------------------------------------------------------------------------- locks and stamps

_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()
_last_stamp_us = 0


def _root_lock(root: Path) -> threading.Lock:
    key = os.path.realpath(root)
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(key, threading.Lock())


def _stamp() -> str:
    """A UTC timestamp, unique and increasing within this process (backup file names sort by it)."""
    global _last_stamp_us
    with _LOCKS_GUARD:
        now = int(datetime.now(timezone.utc).timestamp() * 1_000_000)
        _last_stamp_us = max(now, _last_stamp_us + 1)
        us = _last_stamp_us
    dt = datetime.fromtimestamp(us / 1_000_000, timezone.utc)
    return dt.strftime("%Y%m%dT%H%M%S") + f"{us % 1_000_000:06d}Z"


def _sha(text: str | None) -> str:
    return "" if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def _problems_message(what: str, problems: Iterable[Problem]) -> str:
    problems = tuple(problems)
    return f"{what}; nothing was written:\n" + "\n".join(f"  {p}" for p in problems)


def _clean_text(value: Any, what: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise EditError(f"{what} is empty")
    text = value.strip().replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > limit:
        raise EditError(f"{what} is {len(text)} characters; the limit is {limit}")
    return text


def _scalar(text: str) -> Any:
    """Multi-line answers as a ``|`` block, so the file stays readable."""
    return LiteralScalarString(text) if "\n" in text else text


def _block_seq(items: Iterable[Any]) -> CommentedSeq:
    return CommentedSeq(list(items))


class KnowledgeEditor:
    """Edits one knowledge folder. Thread-safe; share one per folder (or not: the lock is per folder)."""

    def __init__(self, root: Path, store: Store | None = None):
        self.root = Path(root)
        self.store = store
        self._lock = _root_lock(self.root)

    # ------------------------------------------------------------------ FAQ

    def faq_add(self, moderator: str, questions: list[str], answer: str, roles: Iterable[str] = (), certifications: Iterable[str] = (), faq_id: str | None = None) -> EditResult:
        qs = self._questions(questions)
        text = _clean_text(answer, "the answer", MAX_ANSWER_CHARS)
        roles = [r.strip() for r in roles if r and r.strip()]
        certs = [c.strip() for c in certifications if c and c.strip()]
        if faq_id is not None:
            faq_id = faq_id.strip()
            if not _ID_RE.match(faq_id):
                raise EditError(f"FAQ id '{faq_id}' must be lower-case letters, digits and dashes")
        with self._lock:
            if faq_id is None:
                base = slugify(qs[0])[:60].strip("-") or "faq"
                fid, n = base, 2
                while (self.root / "faq" / f"{fid}.yaml").exists():
                    fid, n = f"{base}-{n}", n + 1
            else:
                fid = faq_id
                if (self.root / "faq" / f"{fid}.yaml").exists():
                    raise EditError(f"FAQ '{fid}' already exists; edit it instead")
            doc: dict[str, Any] = {"id": fid, "questions": qs, "answer": _scalar(text)}
            if roles:
                doc["roles"] = roles
            if certs:
                doc["certifications"] = certs
            rel = f"faq/{fid}.yaml"
            self._apply(moderator, "faq_add", {rel: dump_round_trip(doc)})
        return EditResult(rel, "faq_add", f"added FAQ '{fid}' with {len(qs)} phrasing{'s' if len(qs) != 1 else ''}")

    def faq_edit(self, moderator: str, faq_id: str, questions: list[str] | None = None, answer: str | None = None) -> EditResult:
        if questions is None and answer is None:
            raise EditError("nothing to change: give new questions or a new answer")
        qs = self._questions(questions) if questions is not None else None
        text = _clean_text(answer, "the answer", MAX_ANSWER_CHARS) if answer is not None else None

        def mutate(doc: CommentedMap) -> None:
            if qs is not None:
                doc["questions"] = _block_seq(qs)
            if text is not None:
                doc["answer"] = _scalar(text)

        rel = self._faq_rel(faq_id)
        self._mutate(moderator, "faq_edit", rel, mutate, must_exist=True)
        what = " and ".join(w for w, v in (("questions", qs), ("answer", text)) if v is not None)
        return EditResult(rel, "faq_edit", f"changed the {what} of FAQ '{faq_id.strip()}'")

    def faq_add_phrasing(self, moderator: str, faq_id: str, question: str) -> EditResult:
        q = _clean_text(question, "the question", MAX_QUESTION_CHARS)

        def mutate(doc: CommentedMap) -> None:
            existing = doc.get("questions")
            if not isinstance(existing, list):
                existing = _block_seq([])
                doc["questions"] = existing
            if any(isinstance(x, str) and name_key(x) == name_key(q) for x in existing):
                raise EditError(f"FAQ '{faq_id.strip()}' already has the phrasing '{q}'")
            existing.append(q)

        rel = self._faq_rel(faq_id)
        self._mutate(moderator, "faq_add_phrasing", rel, mutate, must_exist=True)
        return EditResult(rel, "faq_add_phrasing", f"added the phrasing '{q}' to FAQ '{faq_id.strip()}'")

    def faq_remove(self, moderator: str, faq_id: str) -> EditResult:
        rel = self._faq_rel(faq_id)
        with self._lock:
            if not (self.root / rel).is_file():
                raise EditError(f"no FAQ '{faq_id.strip()}'" + schema.did_you_mean(faq_id.strip(), self._stems("faq")))
            self._apply(moderator, "faq_remove", {rel: None})
        return EditResult(rel, "faq_remove", f"removed FAQ '{faq_id.strip()}' (undo restores it)")

    # ------------------------------------------------------------------ aliases and synonyms

    def alias_add(self, moderator: str, target: str, alias: str) -> EditResult:
        a = _clean_text(alias, "the alias", MAX_ALIAS_CHARS)
        if not name_key(a):
            raise EditError("the alias needs letters or digits")
        with self._lock:
            rel, label = self._target(target)
            owner = self._name_owner(a)
            if owner and owner[0] != rel:
                raise EditError(f"'{a}' already means {owner[1]} ({owner[0]}); remove it there first")

            def mutate(doc: CommentedMap) -> None:
                aliases = doc.get("aliases")
                if not isinstance(aliases, list) or not aliases:
                    aliases = _block_seq([])  # `aliases: []` becomes a block list, one alias a line
                    doc["aliases"] = aliases
                if any(isinstance(x, str) and name_key(x) == name_key(a) for x in aliases):
                    raise EditError(f"{label} already has the alias '{a}'")
                aliases.append(a)

            self._apply(moderator, "alias_add", {rel: self._updated(rel, mutate, must_exist=True)})
        return EditResult(rel, "alias_add", f"'{a}' now means {label}")

    def alias_remove(self, moderator: str, target: str, alias: str) -> EditResult:
        a = _clean_text(alias, "the alias", MAX_ALIAS_CHARS)
        with self._lock:
            rel, label = self._target(target)

            def mutate(doc: CommentedMap) -> None:
                aliases = doc.get("aliases")
                hits = [i for i, x in enumerate(aliases or ()) if isinstance(x, str) and name_key(x) == name_key(a)]
                if not hits:
                    have = ", ".join(f"'{x}'" for x in aliases or ()) or "none"
                    raise EditError(f"{label} has no alias '{a}' (aliases: {have})")
                for i in reversed(hits):
                    del aliases[i]

            self._apply(moderator, "alias_remove", {rel: self._updated(rel, mutate, must_exist=True)})
        return EditResult(rel, "alias_remove", f"'{a}' no longer means {label}")

    def synonym_add(self, moderator: str, word: str, meaning: str) -> EditResult:
        w = _clean_text(word, "the word", MAX_ALIAS_CHARS)
        m = _clean_text(meaning, "the meaning", MAX_ALIAS_CHARS)
        if not name_key(w) or not name_key(m):
            raise EditError("the word and its meaning need letters or digits")
        if name_key(w) == name_key(m):
            raise EditError(f"'{w}' and '{m}' are the same word")
        previous: list[str] = []

        def mutate(doc: CommentedMap) -> None:
            syn = doc.get("synonyms")
            if not isinstance(syn, dict):
                syn = CommentedMap()
                doc["synonyms"] = syn
            for k in list(syn):
                if isinstance(k, str) and name_key(k) == name_key(w):
                    if isinstance(syn[k], str) and name_key(syn[k]) == name_key(m):
                        raise EditError(f"'{w}' already means '{m}'")
                    previous.append(str(syn[k]))
                    syn[k] = m
                    return
            syn[w] = m

        self._mutate(moderator, "synonym_add", VOCABULARY_FILE, mutate, must_exist=False)
        was = f" (was '{previous[0]}')" if previous else ""
        return EditResult(VOCABULARY_FILE, "synonym_add", f"'{w}' now reads as '{m}'{was}")

    # ------------------------------------------------------------------ undo

    def undo(self, moderator: str, file: str | None = None) -> EditResult:
        """Restore the newest backup of ``file`` (default: the last change, all files of it)."""
        with self._lock:
            backups = self.root / BACKUPS
            entries: list[tuple[str, Path]] = []  # (rel, backup file)
            if file is not None:
                rel = self._rel(file)
                folder = backups / rel
                newest = max((p for p in folder.iterdir() if p.is_file()), key=lambda p: p.name, default=None) if folder.is_dir() else None
                if newest is None:
                    raise EditError(f"nothing to undo for {rel}")
                entries.append((rel, newest))
            else:
                found = [(p.relative_to(backups).parent.as_posix(), p) for p in backups.rglob("*") if p.is_file() and not p.name.startswith(".")] if backups.is_dir() else []
                if not found:
                    raise EditError("nothing to undo")
                stamp = max(p.name.split(".", 1)[0] for _, p in found)
                entries = sorted((r, p) for r, p in found if p.name.split(".", 1)[0] == stamp)
            writes: dict[str, str | None] = {}
            for rel, p in entries:
                writes[rel] = None if p.name.endswith(ABSENT) else p.read_bytes().decode("utf-8")
            self._apply(moderator, "undo", writes, backup=False, what="undoing this would break the knowledge base")
            for _, p in entries:
                p.unlink()
                self._prune_empty(p.parent)
        rels = [r for r, _ in entries]
        parts = [f"{'removed' if writes[r] is None else 'restored'} {r}" for r in rels]
        return EditResult(", ".join(rels), "undo", "; ".join(parts))

    # ------------------------------------------------------------------ export / import

    def export_zip(self) -> bytes:
        """The knowledge folder as a zip (no backups, no git, no hidden files)."""
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(self.root.rglob("*")):
                rel = path.relative_to(self.root)
                if not path.is_file() or any(part.startswith(".") for part in rel.parts):
                    continue
                zf.writestr(zipfile.ZipInfo(rel.as_posix(), date_time=datetime.fromtimestamp(path.stat().st_mtime).timetuple()[:6]), path.read_bytes(), zipfile.ZIP_DEFLATED)
        return buf.getvalue()

    def preview_import(self, filename: str, data: bytes) -> ImportPreview:
        """What importing this attachment would change; validated, nothing written."""
        name = PurePosixPath((filename or "").replace("\\", "/")).name
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise EditError(f"{name} is {len(data) / 1024:.0f} KB; attachments are limited to {MAX_ATTACHMENT_BYTES // 1024} KB")
        ext = PurePosixPath(name.lower()).suffix
        notes: list[str] = []
        with self._lock:
            if ext == ".txt":
                files, notes = self._plan_page(name, data)
            elif ext in (".yaml", ".yml"):
                rel, text = self._knowledge_file(name, data)
                files = {rel: text}
            elif ext == ".zip":
                files, notes = self._plan_zip(name, data)
            else:
                raise EditError(f"{name}: can't import '{ext or 'no extension'}' files; send a spotlight page (.txt), a knowledge file (.yaml) or a .zip of knowledge files")
            current = {rel: self._read(rel) for rel in files}
            self._validate(files, f"{name} would break the knowledge base")
        created = tuple(r for r in files if current[r] is None)
        updated = tuple(r for r in files if current[r] is not None and current[r] != files[r])
        unchanged = tuple(r for r in files if current[r] == files[r])
        lines = [f"created   {r}" for r in created] + [f"updated   {r}" for r in updated] + [f"unchanged {r}" for r in unchanged]
        lines += [f"note: {n}" for n in notes]
        if not created and not updated:
            lines.insert(0, "nothing to change")
        base = tuple((r, _sha(current[r])) for r in files)
        return ImportPreview(dict(files), created, updated, unchanged, "\n".join(lines), base)

    def apply_import(self, moderator: str, preview: ImportPreview) -> list[EditResult]:
        """Write a previewed import: re-validated, backed up, recorded, committed."""
        with self._lock:
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

    # ------------------------------------------------------------------ internals: inputs

    def _questions(self, questions: Iterable[str] | None) -> list[str]:
        if isinstance(questions, str):
            questions = [questions]
        out: list[str] = []
        for q in questions or ():
            text = _clean_text(q, "a question", MAX_QUESTION_CHARS) if q and q.strip() else None
            if text and name_key(text) and all(name_key(text) != name_key(x) for x in out):
                out.append(text)
        if not out:
            raise EditError("give at least one question")
        return out

    def _faq_rel(self, faq_id: str) -> str:
        fid = (faq_id or "").strip()
        if not _ID_RE.match(fid):
            raise EditError(f"no FAQ '{fid}'" + schema.did_you_mean(fid, self._stems("faq")))
        return f"faq/{fid}.yaml"

    def _stems(self, folder: str) -> list[str]:
        d = self.root / folder
        return sorted(p.stem for p in d.glob("*.yaml")) if d.is_dir() else []

    def _target(self, target: str) -> tuple[str, str]:
        """A role id or certification code (any case) -> (file, label)."""
        t = (target or "").strip()
        if _ID_RE.match(t.lower()) and (self.root / "roles" / f"{t.lower()}.yaml").is_file():
            return f"roles/{t.lower()}.yaml", f"role '{t.lower()}'"
        for code in self._stems("certifications"):
            if code.lower() == t.lower():
                return f"certifications/{code}.yaml", f"certification {code}"
        choices = self._stems("roles") + self._stems("certifications")
        raise EditError(f"no role id or certification code '{t}'" + schema.did_you_mean(t, choices))

    def _name_owner(self, name: str) -> tuple[str, str] | None:
        """Which entry a member-typed name (title, code, certification name, alias) already points at."""
        try:
            kb = load_knowledge(self.root)
        except KnowledgeError:
            return None  # validation of the edit reports the problems
        key = name_key(name)
        for role in kb.roles.values():
            if key in {name_key(role.title), *map(name_key, role.aliases)}:
                return role.file, f"role '{role.id}'"
        for cert in kb.certifications.values():
            if key in {name_key(cert.code), name_key(cert.name), *map(name_key, cert.aliases)}:
                return cert.file, f"certification {cert.code}"
        return None

    def _rel(self, file: str) -> str:
        """A knowledge-relative path that stays inside the folder."""
        p = Path(file)
        if p.is_absolute():
            try:
                p = p.resolve().relative_to(self.root.resolve())
            except ValueError:
                raise EditError(f"{file} is not in the knowledge folder") from None
        rel = PurePosixPath(p.as_posix().removeprefix("./"))
        if rel.parts and rel.parts[0] == self.root.name and not (self.root / rel).exists() and (self.root / PurePosixPath(*rel.parts[1:])).exists():
            rel = PurePosixPath(*rel.parts[1:])  # "knowledge/roles/x.yaml"
        if not rel.parts or ".." in rel.parts or rel.parts[0] in (BACKUPS, ".git"):
            raise EditError(f"{file} is not a knowledge file")
        return rel.as_posix()

    # ------------------------------------------------------------------ internals: files

    def _read(self, rel: str) -> str | None:
        try:
            raw = (self.root / rel).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as e:
            raise EditError(f"cannot read {rel}: {e.strerror or e}") from None
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise EditError(f"{rel} is not UTF-8; fix the file first") from None

    def _updated(self, rel: str, mutate: Callable[[CommentedMap], None], must_exist: bool) -> str:
        old = self._read(rel)
        if old is None and must_exist:
            raise EditError(f"{rel} does not exist")
        try:
            return update_yaml_text(old, mutate)
        except RoundTripYAMLError as e:
            raise EditError(f"{rel} is not valid YAML, fix it first: {e}") from None

    def _mutate(self, moderator: str, action: str, rel: str, mutate: Callable[[CommentedMap], None], must_exist: bool) -> None:
        with self._lock:
            if must_exist and not (self.root / rel).is_file():
                folder = rel.split("/", 1)[0]
                raise EditError(f"no {rel}" + schema.did_you_mean(PurePosixPath(rel).stem, self._stems(folder)))
            self._apply(moderator, action, {rel: self._updated(rel, mutate, must_exist)})

    def _validate(self, writes: dict[str, str | None], what: str) -> None:
        with tempfile.TemporaryDirectory(prefix="career-bot-edit-") as tmp:
            scratch = Path(tmp) / "knowledge"
            if self.root.is_dir():
                shutil.copytree(self.root, scratch, ignore=shutil.ignore_patterns(".git", BACKUPS))
            else:
                scratch.mkdir()
            for rel, text in writes.items():
                target = scratch / rel
                if text is None:
                    target.unlink(missing_ok=True)
                else:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(text, encoding="utf-8")
            try:
                load_knowledge(scratch)
            except KnowledgeError as e:
                raise EditError(_problems_message(what, e.problems), e.problems) from None

    def _apply(self, moderator: str, action: str, writes: dict[str, str | None], backup: bool = True, what: str = "this edit would break the knowledge base") -> None:
        """Validate, back up, write, record, commit. Caller holds the lock."""
        moderator = (moderator or "").strip() or "unknown"
        before = {rel: self._read(rel) for rel in writes}
        if all(before[rel] == text for rel, text in writes.items()):
            raise EditError("nothing changed")
        self._validate(writes, what)
        stamp = _stamp()
        changed = [rel for rel in writes if before[rel] != writes[rel]]
        if backup:
            for rel in changed:
                self._backup(rel, before[rel], stamp)
        for rel in changed:
            text = writes[rel]
            if text is None:
                (self.root / rel).unlink(missing_ok=True)
            else:
                write_atomic(self.root / rel, text)
        if self.store is not None:
            for rel in changed:
                try:
                    self.store.record_change(moderator, rel, action, before[rel], writes[rel])
                except Exception:  # the edit landed; a broken database must not hide that
                    log.exception("could not record the change of %s", rel)
        self._git_commit(moderator, changed, f"{action}: {', '.join(changed)} (by {moderator} via Discord)")

    def _backup(self, rel: str, text: str | None, stamp: str) -> None:
        backups = self.root / BACKUPS
        if not backups.is_dir():
            backups.mkdir(parents=True, exist_ok=True)
            (backups / ".gitignore").write_text("*\n", encoding="utf-8")
        folder = backups / rel
        folder.mkdir(parents=True, exist_ok=True)
        if text is None:
            (folder / f"{stamp}{ABSENT}").write_bytes(b"")
        else:
            write_atomic(folder / f"{stamp}{PurePosixPath(rel).suffix or '.bak'}", text)

    def _prune_empty(self, folder: Path) -> None:
        backups = self.root / BACKUPS
        while folder != backups and backups in folder.parents:
            try:
                folder.rmdir()
            except OSError:
                return
            folder = folder.parent

    # ------------------------------------------------------------------ internals: git

    def _git(self, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", "-C", str(self.root), *args], capture_output=True, text=True, timeout=30, check=check)

    def _git_commit(self, moderator: str, rels: list[str], message: str) -> None:
        if not rels or shutil.which("git") is None:
            return
        try:
            if self._git("rev-parse", "--is-inside-work-tree").stdout.strip() != "true":
                return
            present = [r for r in rels if (self.root / r).exists()]
            gone = [r for r in rels if r not in present]
            if present:
                self._git("add", "--", *present, check=True)
            if gone:
                self._git("rm", "--cached", "-q", "--ignore-unmatch", "--", *gone, check=True)
            staged = [line for line in self._git("diff", "--cached", "--name-only", "--relative", "--", *rels, check=True).stdout.splitlines() if line]
            if not staged:
                return
            name = re.sub(r"[<>\n\r\"]", "", moderator).strip() or "unknown"
            email = (re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "moderator") + "@discord"
            ident: list[str] = ["-c", "commit.gpgsign=false"]
            if self._git("config", "user.email").returncode != 0:
                ident += ["-c", "user.name=career-bot", "-c", "user.email=career-bot@localhost"]
            r = subprocess.run(
                ["git", "-C", str(self.root), *ident, "commit", "-q", "--no-verify", "-m", message, f"--author={name} <{email}>", "--", *staged],
                capture_output=True,
                text=True,
                timeout=30,
            )
            if r.returncode != 0:
                log.warning("git commit of %s failed: %s", ", ".join(staged), (r.stderr or r.stdout).strip())
        except (OSError, subprocess.SubprocessError) as e:
            log.warning("git commit of %s failed: %s", ", ".join(rels), getattr(e, "stderr", None) or e)

    # ------------------------------------------------------------------ internals: imports

    def _plan_page(self, name: str, data: bytes) -> tuple[dict[str, str], list[str]]:
        from bot.knowledge.importer import plan_import

        try:
            text = read_page_bytes(data)
            plan = plan_import(text, self.root)
        except PageError as e:
            raise EditError(f"{name}:{e.line}: {e.message}; nothing was written") from None
        except KnowledgeError as e:
            raise EditError(_problems_message(f"{name} cannot be imported", e.problems), e.problems) from None
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
            rel = f"roles/{ident('id', _ID_RE, 'role id')}.yaml"
        elif "code" in d:
            rel = f"certifications/{ident('code', _CODE_RE, 'certification code')}.yaml"
        elif "questions" in d:
            rel = f"faq/{ident('id', _ID_RE, 'FAQ id')}.yaml"
        elif "synonyms" in d:
            rel = VOCABULARY_FILE
        else:
            raise EditError(f"{name}: can't tell what kind of knowledge file this is (expected a role with title and id, a certification with code, an FAQ with questions, or vocabulary with synonyms)")
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
                raise EditError(f"{name} unpacks to more than {MAX_ZIP_UNPACKED_BYTES // 1048576} MB")
            for info in infos:
                member = PurePosixPath(info.filename.replace("\\", "/"))
                if any(p.startswith(".") or p == "__MACOSX" for p in member.parts):
                    continue
                if member.suffix.lower() not in (".yaml", ".yml"):
                    notes.append(f"skipped {member} (only .yaml knowledge files are imported from a zip)")
                    continue
                if info.file_size > MAX_ATTACHMENT_BYTES:
                    raise EditError(f"{name}: {member} is over {MAX_ATTACHMENT_BYTES // 1024} KB")
                try:
                    raw = zf.read(info)
                except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as e:
                    raise EditError(f"{name}: cannot unpack {member}: {e}") from None
                if len(raw) > MAX_ATTACHMENT_BYTES:
                    raise EditError(f"{name}: {member} is over {MAX_ATTACHMENT_BYTES // 1024} KB")
                rel, text = self._knowledge_file(f"{name}/{member}", raw)
                if rel in files:
                    raise EditError(f"{name}: {origin[rel]} and {member} are both {rel}")
                files[rel], origin[rel] = text, str(member)
        if not files:
            raise EditError(f"{name} has no .yaml knowledge files")
        return files, notes


__all__ = ["MAX_ATTACHMENT_BYTES", "EditError", "EditResult", "ImportPreview", "KnowledgeEditor"]
