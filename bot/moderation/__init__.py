"""Moderator tools over the knowledge folder: validated edits, undo, import, export. No Discord here."""

from bot.moderation.edits import MAX_ATTACHMENT_BYTES, EditError, EditResult, ImportPreview, KnowledgeEditor

__all__ = ["MAX_ATTACHMENT_BYTES", "EditError", "EditResult", "ImportPreview", "KnowledgeEditor"]
