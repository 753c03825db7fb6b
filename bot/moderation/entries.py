"""Moderators' everyday edits: FAQ entries, aliases of roles and certifications, vocabulary synonyms.

Each one checks its own input (lengths, ids, control characters -- a raw ESC in an answer
would make the file unreadable, an escaped one would reach members' screens), re-reads the
file under the folder lock, and hands the new text to the core, which validates the whole
knowledge base before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

import bot.knowledge.schema as schema
from bot.knowledge.chars import bad_in_text, describe
from bot.knowledge.files import PHRASINGS_FILE, VOCABULARY_FILE
from bot.knowledge.loader import KnowledgeError, load_knowledge, name_key, slugify
from bot.knowledge.yamlio import dump_round_trip
from bot.moderation.core import EditCore, EditError, EditResult

MAX_QUESTION_CHARS = 300
MAX_ANSWER_CHARS = 4000
MAX_ALIAS_CHARS = 100


def clean_text(value: Any, what: str, limit: int, one_line: bool = False) -> str:
    """A moderator's text, stripped and with LF line ends; EditError if empty, too long, or
    holding a control character (or, for ``one_line``, a line break)."""
    if not isinstance(value, str) or not value.strip():
        raise EditError(f"{what} is empty")
    text = value.strip()
    for nl in ("\r\n", "\r", "\u2028", "\u2029", "\x85"):
        text = text.replace(nl, "\n")
    bad = bad_in_text(text)
    if bad:
        raise EditError(f"{what} contains the control character {describe(bad[1])} at position {bad[0] + 1}; remove it")
    if one_line and "\n" in text:
        raise EditError(f"{what} must be one line")
    if len(text) > limit:
        raise EditError(f"{what} is {len(text)} characters; the limit is {limit}")
    return text


def _scalar(text: str) -> Any:
    """Multi-line answers as a ``|`` block, so the file stays readable."""
    return LiteralScalarString(text) if "\n" in text else text


def _block_seq(items: Iterable[Any]) -> CommentedSeq:
    return CommentedSeq(list(items))


class EntryEdits(EditCore):
    """FAQ, alias and synonym edits over the editing core."""

    # ------------------------------------------------------------------ FAQ

    def faq_add(self, moderator: str, questions: list[str], answer: str, roles: Iterable[str] = (), certifications: Iterable[str] = (), faq_id: str | None = None) -> EditResult:
        qs = self._questions(questions)
        text = clean_text(answer, "the answer", MAX_ANSWER_CHARS)
        role_ids = [r.strip() for r in roles if r and r.strip()]
        codes = [c.strip() for c in certifications if c and c.strip()]
        if faq_id is not None:
            faq_id = faq_id.strip()
            if not schema.ID_RE.match(faq_id):
                raise EditError(f"FAQ id '{faq_id}' must be lower-case letters, digits and dashes")
        with self._locked():
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
            if role_ids:
                doc["roles"] = role_ids
            if codes:
                doc["certifications"] = codes
            rel = f"faq/{fid}.yaml"
            self._apply(moderator, "faq_add", {rel: dump_round_trip(doc)})
        return EditResult(rel, "faq_add", f"added FAQ '{fid}' with {len(qs)} phrasing{'s' if len(qs) != 1 else ''}")

    def faq_edit(self, moderator: str, faq_id: str, questions: list[str] | None = None, answer: str | None = None) -> EditResult:
        if questions is None and answer is None:
            raise EditError("nothing to change: give new questions or a new answer")
        qs = self._questions(questions) if questions is not None else None
        text = clean_text(answer, "the answer", MAX_ANSWER_CHARS) if answer is not None else None

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
        q = clean_text(question, "the question", MAX_QUESTION_CHARS, one_line=True)

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
        with self._locked():
            if not (self.root / rel).is_file():
                raise EditError(f"no FAQ '{faq_id.strip()}'" + schema.did_you_mean(faq_id.strip(), self._stems("faq")))
            self._apply(moderator, "faq_remove", {rel: None})
        return EditResult(rel, "faq_remove", f"removed FAQ '{faq_id.strip()}' (undo restores it)")

    # ------------------------------------------------------------------ aliases and synonyms

    def alias_add(self, moderator: str, target: str, alias: str) -> EditResult:
        a = clean_text(alias, "the alias", MAX_ALIAS_CHARS, one_line=True)
        if not name_key(a):
            raise EditError("the alias needs letters or digits")
        with self._locked():
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
        a = clean_text(alias, "the alias", MAX_ALIAS_CHARS, one_line=True)
        with self._locked():
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
        w = clean_text(word, "the word", MAX_ALIAS_CHARS, one_line=True)
        m = clean_text(meaning, "the meaning", MAX_ALIAS_CHARS, one_line=True)
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

    # ------------------------------------------------------------------ teaching the engine

    def teach(self, moderator: str, question: str, means: str, about: str | None = None, section: str | None = None) -> EditResult:
        """phrasings.yaml: "this question means <intent> (about <entry>)"; the same question taught
        again replaces its meaning."""
        q = clean_text(question, "the question", MAX_QUESTION_CHARS, one_line=True)
        meaning = (means or "").strip().lower()
        if meaning not in schema.TEACHABLE:
            raise EditError(f"'{means}' is not something an answer can mean; use one of {', '.join(schema.TEACHABLE)}" + schema.did_you_mean(meaning, schema.TEACHABLE))
        target = ""
        if about and about.strip():
            rel, _ = self._target(about)
            target = rel.split("/", 1)[1].rsplit(".", 1)[0]
        sec = (section or "").strip().lower()
        if sec and (meaning != "role" or sec not in schema.SECTIONS):
            raise EditError(f"section '{sec}' goes with means: role, and is one of {', '.join(schema.SECTIONS)}" + schema.did_you_mean(sec, schema.SECTIONS))
        entry = CommentedMap([("question", q), ("means", meaning)] + ([("about", target)] if target else []) + ([("section", sec)] if sec else []))
        replaced: list[str] = []

        def mutate(doc: CommentedMap) -> None:
            examples = doc.get("examples")
            if not isinstance(examples, list):
                examples = _block_seq([])
                doc["examples"] = examples
            for i, ex in enumerate(examples):
                if isinstance(ex, dict) and name_key(str(ex.get("question", ""))) == name_key(q):
                    replaced.append(str(ex.get("means", "")))
                    examples[i] = entry
                    return
            examples.append(entry)

        self._mutate(moderator, "teach", PHRASINGS_FILE, mutate, must_exist=False)
        what = meaning + (f" about {target}" if target else "") + (f" ({sec})" if sec else "")
        was = f" (it meant {replaced[0]})" if replaced else ""
        return EditResult(PHRASINGS_FILE, "teach", f"'{q}' now means {what}{was}")

    # ------------------------------------------------------------------ inputs

    def _questions(self, questions: Iterable[str] | None) -> list[str]:
        if isinstance(questions, str):
            questions = [questions]
        out: list[str] = []
        for q in questions or ():
            text = clean_text(q, "a question", MAX_QUESTION_CHARS, one_line=True) if q and q.strip() else None
            if text and name_key(text) and all(name_key(text) != name_key(x) for x in out):
                out.append(text)
        if not out:
            raise EditError("give at least one question")
        return out

    def _faq_rel(self, faq_id: str) -> str:
        fid = (faq_id or "").strip()
        if not schema.ID_RE.match(fid):
            raise EditError(f"no FAQ '{fid}'" + schema.did_you_mean(fid, self._stems("faq")))
        return f"faq/{fid}.yaml"

    def _target(self, target: str) -> tuple[str, str]:
        """A role id or certification code (any case) -> (file, label)."""
        t = (target or "").strip()
        if schema.ID_RE.match(t.lower()) and (self.root / "roles" / f"{t.lower()}.yaml").is_file():
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
