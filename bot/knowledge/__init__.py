"""The knowledge base: YAML files under ``knowledge/`` loaded into immutable snapshots."""

from bot.knowledge.loader import KnowledgeError, Problem, default_knowledge_dir, load_knowledge
from bot.knowledge.model import Certification, FaqEntry, Knowledge, Role

__all__ = [
    "Certification",
    "FaqEntry",
    "Knowledge",
    "KnowledgeError",
    "Problem",
    "Role",
    "default_knowledge_dir",
    "load_knowledge",
]
