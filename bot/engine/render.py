"""Answers as text: what the console prints and the JSON ``answer`` field carries."""

from __future__ import annotations

from bot.engine.answer import Answer


def render_text(answer: Answer) -> str:
    parts: list[str] = []
    if answer.title:
        parts.append(f"**{answer.title}**")
    if answer.summary:
        parts.append(answer.summary)
    for fact in answer.facts:
        parts.append(f"• **{fact.name}**: {fact.value}" if "\n" not in fact.value else f"**{fact.name}**\n{fact.value}")
    notes_first = [n for n in answer.notes if "already hold" in n or "comes first" in n]
    parts.extend(notes_first)
    for i, step in enumerate(answer.steps, 1):
        parts.append(f"{i}. **{step.code} — {step.name}**: {step.why}")
    parts.extend(n for n in answer.notes if n not in notes_first)
    if answer.sources:
        parts.append("Sources: " + ", ".join(answer.sources))
    return "\n".join(parts)
