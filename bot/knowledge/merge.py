"""Three-way merge of page-derived fields, so a re-import keeps what moderators edited.

For each field the importer writes, three versions are compared: the page as last imported
(``base``, from ``sources/``), the file as it is now (``current``), and the new page (``new``):

- the file still says what the old page said: the new page's text is taken;
- the page did not change the field: the file's text is kept (a moderator's edit);
- both changed it differently: the moderator's text is kept and the importer says so
  ("kept your edit of CMSO.description; the page now says …").

Mappings are merged key by key, and lists of page items (responsibilities, pathway steps, day
entries) item by item, matched by their name, certification or time and title; anything else
(a paragraph list, a text) is one unit.
"""

from __future__ import annotations

from typing import Any, Callable

MISSING: Any = None  # a field or item one of the versions does not have

# How items of a list are matched across versions, by the list's field name.
ITEM_KEYS: dict[str, Callable[[dict], str]] = {
    "responsibilities": lambda item: str(item.get("name", "")).strip(),
    "steps": lambda item: str(item.get("certification", "")).strip(),
    "entries": lambda item: f"{str(item.get('time', '')).strip()}: {str(item.get('title', '')).strip()}",
}


def same(a: Any, b: Any) -> bool:
    """Equal once texts are stripped (a YAML block scalar's trailing newline is no edit)."""
    return _norm(a) == _norm(b)


def _norm(v: Any) -> Any:
    if isinstance(v, str):
        return " ".join(v.split())
    if isinstance(v, dict):
        return {k: _norm(x) for k, x in v.items() if x not in (None, "", [], {})}
    if isinstance(v, (list, tuple)):
        return [_norm(x) for x in v]
    return v


def merge(base: Any, current: Any, new: Any, where: str, notes: list[str], field: str = "") -> Any:
    """The merged value of one field (see the module docstring); each kept edit adds a note."""
    if same(current, new) or same(current, base):
        return new
    if same(new, base):
        notes.append(f"kept your edit of {where} (the page has not changed it)")
        return current
    if isinstance(current, dict) and isinstance(new, dict) and isinstance(base, (dict, type(None))):
        return _merge_maps(base or {}, current, new, where, notes)
    key = ITEM_KEYS.get(field)
    if key and all(_items_of(v) for v in (current, new)) and (base is None or _items_of(base)):
        return _merge_items(base or [], current, new, key, where, notes, field)
    notes.append(f"kept your edit of {where}; the page now says {preview(new)}")
    return current


def _items_of(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, dict) for x in v)


def _merge_maps(base: dict, current: dict, new: dict, where: str, notes: list[str]) -> dict:
    out: dict = {}
    for k in [*new, *(k for k in current if k not in new)]:
        value = merge(base.get(k, MISSING), current.get(k, MISSING), new.get(k, MISSING), f"{where}.{k}", notes, str(k))
        if value is not MISSING:
            out[k] = value
    return out


def _merge_items(base: list, current: list, new: list, key: Callable[[dict], str], where: str, notes: list[str], field: str) -> list:
    """Items in the new page's order, each merged; the moderator's own added items stay at the end."""
    b, c, n = ({key(x): x for x in v} for v in (base, current, new))
    out: list = []
    for k in [*n, *(k for k in c if k not in n)]:
        if k not in n and k in b and same(c[k], b[k]):
            continue  # the page dropped an item nobody edited
        value = merge(b.get(k, MISSING), c.get(k, MISSING), n.get(k, MISSING), f"{where}[{k}]", notes, field)
        if value is not MISSING:
            out.append(value)
    return out


def preview(value: Any, limit: int = 100) -> str:
    """A field's value in one short line, for a note."""
    if value is MISSING:
        return "nothing (it left this out)"
    if isinstance(value, str):
        text = " ".join(value.split())
    elif isinstance(value, list) and all(isinstance(x, str) for x in value):
        text = " / ".join(" ".join(x.split()) for x in value)
    elif isinstance(value, list):
        text = f"{len(value)} item{'s' if len(value) != 1 else ''}"
    else:
        text = str(value)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
