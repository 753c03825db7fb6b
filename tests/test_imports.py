"""No import cycles in bot/: every ``import`` statement (also inside functions and under
TYPE_CHECKING) is an edge from module to module; the graph must be acyclic."""

from __future__ import annotations

import ast
from pathlib import Path

BOT = Path(__file__).resolve().parents[1] / "bot"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(BOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in BOT.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                # "from pkg import mod" imports the module pkg.mod; "from mod import name" imports mod
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycles_in_bot() -> None:
    graph = import_graph()
    assert "bot.discord_app.cogs.kb" in graph and "bot.storage" in graph["bot.discord_app.bot"]
    cycle = find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


def test_the_cycle_finder_finds_cycles() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_discord_leaf_modules_import_no_other_part_of_the_discord_layer() -> None:
    graph = import_graph()
    assert {m for m in graph["bot.discord_app.constants"] if m.startswith("bot.")} == set()
    assert {m for m in graph["bot.discord_app.ratelimit"] if m.startswith("bot.")} == set()
    assert graph["bot.discord_app.checks"] <= {"bot.discord_app.config", "bot.discord_app.constants"}
    assert not any(m.startswith("bot.discord_app.cogs") for m in graph["bot.discord_app.bot"])  # cogs are loaded by name
    components = graph["bot.discord_app.views"] | graph["bot.discord_app.moderation_views"] | graph["bot.discord_app.forms"]
    assert not any(m.startswith("bot.discord_app.cogs") for m in components)  # they talk to protocols
