"""Moderator-taught phrasings: "this question means <intent> (about <entity>)".

Each example in ``knowledge/phrasings.yaml`` (and each FAQ entry's phrasing) is read like a
member's question, with the roles and certifications it names masked, and kept in the
index's taught examples. A question this close to one of them takes its meaning (``taught``
stage), so a moderator fixes a misunderstood wording without touching code, and wordings
close to it are understood too.
"""

from __future__ import annotations

from bot.engine.evidence import read
from bot.engine.index import Index
from bot.engine.intents import Example, ExampleIndex
from bot.knowledge.model import Knowledge


def taught_index(kb: Knowledge, ix: Index) -> ExampleIndex:
    examples = [Example(q, "faq", entry.id) for entry in kb.faqs.values() for q in entry.questions]
    for p in kb.phrasings:
        masked = read(p.question, ix).masked
        examples.append(Example(p.question, p.means, p.about, p.section, words=masked, taught=True))
    return ExampleIndex(examples)
