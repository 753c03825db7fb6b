"""Whether a folder can serve as the knowledge base, said in one line (for the command line).

A typo in ``--knowledge`` must not validate the current directory or silently start a new
knowledge base, and an unreadable or read-only folder must get a reason, not a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

from bot.knowledge.files import is_knowledge_folder, os_reason
from bot.knowledge.transaction import RecoveryError, TransactionError, recover


def shown(path: Path | str, limit: int = 120) -> str:
    """A path for a one-line message: very long ones shortened in the middle."""
    text = str(path)
    return text if len(text) <= limit else f"{text[: limit // 2]}…{text[-limit // 2 :]} ({len(text):,} characters)"


def open_folder(root: Path, *, write: bool = False, create: bool = False) -> str | None:
    """None when ``root`` is ready for use (any interrupted change finished), else why not.

    ``write``: the command changes the folder. ``create``: a missing or empty folder is fine
    (``import --init``), and a missing one is created.
    """
    try:
        os.stat(root)
    except FileNotFoundError:
        if not create:
            return "no such knowledge folder (create one with: career-bot import --init PAGE.txt --knowledge DIR)"
        try:
            root.mkdir(parents=True)
        except OSError as e:
            return f"cannot create the knowledge folder: {os_reason(e)}"
        return None
    except OSError as e:
        return f"cannot open the knowledge folder: {os_reason(e)}"
    if not os.path.isdir(root):
        return "is a file, not a knowledge folder"
    if not os.access(root, os.R_OK | os.X_OK):
        return "cannot read the knowledge folder: permission denied"
    if write and not os.access(root, os.W_OK):
        return "the knowledge folder is read-only; nothing was written"
    if not is_knowledge_folder(root):
        try:
            empty = not any(not n.startswith(".") for n in os.listdir(root))
        except OSError as e:
            return f"cannot read the knowledge folder: {os_reason(e)}"
        if create and not empty:
            return "holds other files and no knowledge (no roles/, certifications/, faq/ or vocabulary.yaml); --init needs a new or empty folder"
        if not create:
            what = "an empty folder" if empty else "not a knowledge folder"
            return f"{what}: no roles/, certifications/, faq/ or vocabulary.yaml" + ("; pass --init to start a new knowledge base here" if write else "; check --knowledge")
    try:
        recover(root)
    except (RecoveryError, TransactionError) as e:
        return str(e)
    return None
