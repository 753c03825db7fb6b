"""Commit knowledge changes to git when the folder is in a repository, with the moderator as author.

Only the changed files are committed (a moderator's unrelated local edits, staged or not, and
untracked files are never swept in; paths are literal, never patterns), hooks are skipped, and
any git trouble is logged, never raised: the change has already landed and is in the change log
either way. The author's address says where the change came from (``sam@discord``,
``sam@command-line``), as does the message.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)


def _git(root: Path, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "--literal-pathspecs", "-C", str(root), *args], capture_output=True, text=True, timeout=30, check=check)


def _slug(text: str, default: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.") or default


def commit(root: Path, moderator: str, rels: list[str], message: str, via: str = "Discord") -> None:
    """Commit ``rels`` (knowledge-relative) as ``moderator`` (``via``: where the change came
    from); ``message`` must be one line."""
    if not rels or shutil.which("git") is None:
        return
    try:
        if _git(root, "rev-parse", "--is-inside-work-tree").stdout.strip() != "true":
            return
        present = [r for r in rels if (root / r).exists()]
        gone = [r for r in rels if r not in present]
        if present:
            _git(root, "add", "--", *present, check=True)
        if gone:
            _git(root, "rm", "--cached", "-q", "--ignore-unmatch", "--", *gone, check=True)
        staged = [line for line in _git(root, "diff", "--cached", "--name-only", "--relative", "--", *rels, check=True).stdout.splitlines() if line]
        if not staged:
            return
        name = re.sub(r"[<>\n\r\"]", "", moderator).strip() or "unknown"
        email = f"{_slug(name, 'moderator')}@{_slug(via.lower(), 'career-bot')}"
        ident: list[str] = ["-c", "commit.gpgsign=false"]
        if _git(root, "config", "user.email").returncode != 0:
            ident += ["-c", "user.name=career-bot", "-c", "user.email=career-bot@localhost"]
        r = subprocess.run(
            ["git", "--literal-pathspecs", "-C", str(root), *ident, "commit", "-q", "--no-verify", "--only", "-m", message, f"--author={name} <{email}>", "--", *staged],
            capture_output=True,
            text=True,
            timeout=30,
        )
        if r.returncode != 0:
            log.warning("git commit of %s failed: %s", ", ".join(staged), (r.stderr or r.stdout).strip())
    except (OSError, subprocess.SubprocessError) as e:
        log.warning("git commit of %s failed: %s", ", ".join(rels), getattr(e, "stderr", None) or e)
