"""Immutable knowledge snapshot: what the loader builds and every other layer reads.

Frozen dataclasses and tuples only, so a snapshot can be shared by the Discord layer's tasks
and swapped atomically on reload without anyone seeing half an update.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True, slots=True)
class Responsibility:
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class PathwayStep:
    certification: str  # certification code, as printed on the page
    why: str  # the role page's own sentence on why it matters for this role


@dataclass(frozen=True, slots=True)
class DayEntry:
    time: str  # "Morning", "Mid-Day", ...
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    title: str
    tagline: str = ""
    overview_heading: str = ""
    overview: tuple[str, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    pathway_heading: str = ""
    pathway_intro: str = ""
    pathway: tuple[PathwayStep, ...] = ()
    day_intro: str = ""
    day_in_the_life: tuple[DayEntry, ...] = ()
    closing_heading: str = ""
    closing: str = ""
    closing_link: str = ""
    aliases: tuple[str, ...] = ()
    related_roles: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    source: str = ""  # knowledge-relative path of the imported page
    file: str = ""  # knowledge-relative path of this role's YAML file

    def shared_with(self, other: "Role") -> list[str]:
        """The certifications on both pathways, in this role's order."""
        theirs = {s.certification for s in other.pathway}
        return [s.certification for s in self.pathway if s.certification in theirs]


@dataclass(frozen=True, slots=True)
class Certification:
    code: str
    name: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    file: str = ""


@dataclass(frozen=True, slots=True)
class FaqEntry:
    id: str
    questions: tuple[str, ...]
    answer: str
    roles: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    file: str = ""
    title: str = ""  # the answer's title; empty: the first question, tidied


@dataclass(frozen=True, slots=True)
class Phrasing:
    """An example a moderator taught: this question means that answer (about that entry)."""

    question: str
    means: str  # an intent: certification, role, pathway, list_certifications, list_roles, help, none
    about: str = ""  # a role id or certification code, when the question itself names none
    section: str = ""  # for "role": overview, responsibilities or day_in_the_life
    line: int = 0


@dataclass(frozen=True)
class Vocabulary:
    """Member words mapped to the words the knowledge uses (``ops`` -> ``operations``)."""

    synonyms: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    file: str = ""


@dataclass(frozen=True)
class Knowledge:
    """One fully validated snapshot of ``knowledge/``."""

    root: str
    roles: Mapping[str, Role]
    certifications: Mapping[str, Certification]  # keyed by code
    faqs: Mapping[str, FaqEntry]
    vocabulary: Vocabulary
    fingerprint: str  # hash of every file's bytes: tells whether a reload changed anything
    phrasings: tuple[Phrasing, ...] = ()  # examples moderators taught (phrasings.yaml)

    def roles_with_certification(self, code: str) -> tuple[Role, ...]:
        """Roles whose pathway includes ``code``, in title order."""
        index = self.__dict__.get("_roles_by_cert")
        if index is None:  # built on first use; the snapshot itself never changes
            by_cert: dict[str, list[Role]] = {}
            for role in sorted(self.roles.values(), key=lambda r: r.title):
                for step in role.pathway:
                    by_cert.setdefault(step.certification, []).append(role)
            index = {c: tuple(rs) for c, rs in by_cert.items()}
            object.__setattr__(self, "_roles_by_cert", index)
        return index.get(code, ())
