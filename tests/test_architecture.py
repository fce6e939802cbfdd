"""The package's layers: no import cycle (function-level imports included),
nothing imports the command line, and the importer knows nothing of the
build or of publishing."""

from __future__ import annotations

import ast
from pathlib import Path

import build_course

PACKAGE = Path(build_course.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Each module of the package -> the package modules it imports, anywhere in it."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                candidates = [base] + [f"{base}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                candidates = [a.name for a in node.names]
            else:
                continue
            found |= {c for c in candidates if c in modules and c != name}
        graph[name] = found
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_graph_is_read_from_the_real_package():
    graph = import_graph()
    assert "build_course.build.pipeline" in graph
    assert "build_course.importer.importing" in graph["build_course.build.pipeline"]


def test_no_import_cycle_anywhere():
    assert _cycle(import_graph()) is None, " -> ".join(_cycle(import_graph()) or [])


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_nothing_imports_the_command_line():
    importers = [m for m, deps in import_graph().items()
                 if "build_course.cli" in deps and m != "build_course.__main__"]
    assert importers == []


def test_the_importer_does_not_reach_up_into_build_or_publish():
    for module, deps in import_graph().items():
        if module.startswith("build_course.importer"):
            upward = [d for d in deps if d.startswith(("build_course.build", "build_course.publish",
                                                        "build_course.cli"))]
            assert upward == [], f"{module} imports {upward}"


def test_build_does_not_import_publish():
    for module, deps in import_graph().items():
        if module.startswith("build_course.build"):
            assert not [d for d in deps if d.startswith("build_course.publish")], module
