"""``KnowledgeEditor``: every change a moderator makes to the knowledge, from Discord or the CLI.

The editor is assembled from one module per concern, each over the same core:

- ``core``: validate (in-memory overlay) -> back up -> write (one transaction) -> record ->
  commit, and undo;
- ``git``: commits with the moderator as author;
- ``entries``: FAQ entries, aliases, synonyms;
- ``transfer``: export, and imports of pages, YAML files and zips.
"""

from __future__ import annotations

from bot.moderation.core import EditError, EditResult
from bot.moderation.entries import EntryEdits
from bot.moderation.transfer import MAX_ATTACHMENT_BYTES, ImportPreview, Transfers


class KnowledgeEditor(EntryEdits, Transfers):
    """Edits one knowledge folder. Thread- and process-safe; share one per folder (or not: the lock is per folder)."""


__all__ = ["MAX_ATTACHMENT_BYTES", "EditError", "EditResult", "ImportPreview", "KnowledgeEditor"]
