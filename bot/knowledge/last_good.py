"""The last knowledge that loaded cleanly, kept so the bot starts even when the folder is broken.

After every clean load, the live knowledge keeps the bytes it loaded under
``.last-good/<generation>/`` (the loader, export, the watcher and git all ignore hidden
folders). ``.last-good/current`` names the complete generation and is replaced atomically
only after every file of a new generation is on disk, so a crash while saving leaves the
previous snapshot in use. Files unchanged since the previous generation are hard links, so
a save after a one-file edit writes one file.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
from pathlib import Path

from bot.knowledge.files import LAST_GOOD, FileFault, os_reason, read_file
from bot.knowledge.loader import KnowledgeError, Loaded, read_knowledge
from bot.knowledge.model import Knowledge
from bot.knowledge.transaction import fsync_dir, ignore_in_git, knowledge_lock, stage
from bot.knowledge.yamlio import write_atomic

log = logging.getLogger(__name__)

POINTER = "current"


def _current(base: Path) -> tuple[str, str] | None:
    """(generation folder name, fingerprint) of the current snapshot, if there is one."""
    try:
        raw = read_file(base, POINTER, limit=1024)
    except FileFault:
        return None
    parts = (raw or b"").decode("ascii", "replace").split()
    if len(parts) != 2 or not parts[0].isalnum():
        return None
    return parts[0], parts[1]


def save_last_good(root: Path, loaded: Loaded) -> bool:
    """Keep ``loaded`` as the last good snapshot of ``root``; False (logged) if it cannot be written."""
    base = Path(root) / LAST_GOOD
    fingerprint = loaded.knowledge.fingerprint
    try:
        with knowledge_lock(root):
            current = _current(base)
            if current and current[1] == fingerprint and (base / current[0]).is_dir():
                return True
            name = fingerprint[:24]
            folder = base / name
            shutil.rmtree(folder, ignore_errors=True)  # a generation left half-written by a crash
            previous = base / current[0] if current else None
            folders = {folder}
            for rel, data in loaded.files.items():
                target = folder / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
                if previous is not None and _same(previous, rel, data):
                    os.link(previous / rel, target)
                else:
                    os.replace(stage(target, data), target)
            for f in folders:
                fsync_dir(f)
            ignore_in_git(base)
            write_atomic(base / POINTER, f"{name} {fingerprint}\n")
            fsync_dir(base)
            for old in base.iterdir():
                if old.is_dir() and not old.is_symlink() and old.name != name:
                    shutil.rmtree(old, ignore_errors=True)
    except OSError as e:
        log.warning("could not keep the last good knowledge in %s: %s", base, os_reason(e))
        return False
    return True


def last_good_files(root: Path) -> tuple[str, dict[str, bytes]] | None:
    """(fingerprint, every file's bytes) of the last good snapshot of ``root``; None if there is
    none. What a hand edit is measured against: the files as they were when they last loaded cleanly."""
    base = Path(root) / LAST_GOOD
    current = _current(base)
    if current is None or not (base / current[0]).is_dir():
        return None
    generation = base / current[0]
    files: dict[str, bytes] = {}
    for dirpath, dirnames, filenames in os.walk(generation):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            rel = (Path(dirpath) / name).relative_to(generation).as_posix()
            try:
                data = read_file(generation, rel)
            except FileFault:
                return None  # a damaged snapshot: start again from the next clean load
            if data is not None:
                files[rel] = data
    return current[1], files


def load_last_good(root: Path) -> Knowledge | None:
    """The last good snapshot of ``root`` (with ``root`` as its root), or None if there is none
    that loads cleanly."""
    base = Path(root) / LAST_GOOD
    current = _current(base)
    if current is None:
        return None
    try:
        kb = read_knowledge(base / current[0]).knowledge
    except KnowledgeError as e:
        log.warning("the last good knowledge in %s does not load either: %s", base, e.problems[:3])
        return None
    return dataclasses.replace(kb, root=str(root))  # the real folder, not the snapshot's


def _same(generation: Path, rel: str, data: bytes) -> bool:
    """Whether the previous generation holds ``rel`` with exactly these bytes (then it is linked)."""
    try:
        return read_file(generation, rel) == data
    except FileFault:
        return False
