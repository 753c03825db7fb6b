"""English the bot writes: articles, counts and lists, correct in the singular and the plural."""

from __future__ import annotations


def article(phrase: str) -> str:
    """"a" or "an" for a phrase as it is read aloud: an ops manager, a CPOM, an MSO, a unit."""
    word = phrase.strip().split(" ", 1)[0] if phrase.strip() else ""
    if not word:
        return "a"
    if word.isupper() and len(word) > 1:  # an acronym is read letter by letter
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    low = word.lower()
    if low.startswith(("uni", "use", "usu", "eu", "one")):
        return "a"
    if low.startswith(("hour", "honest", "honor")):
        return "an"
    return "an" if low[0] in "aeiou" else "a"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """"1 role", "3 roles", "1 FAQ entry"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def joined(items: list[str] | tuple[str, ...], word: str = "and") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


__all__ = ["article", "count", "joined"]
