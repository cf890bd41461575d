"""The shape of the house: which module imports which, read from the source (no imports run).

Used by test_layering.py (in CI) and runnable on its own: `python -m tests.shape.layering`
prints every import against the layering and every import cycle.

Rules:
- The apps are layered core < partners < governance < portfolio < finance < resources <
  reports < collaboration. An app's production code (everything but its tests/ and
  migrations/) imports only itself and apps below it. An upper app plugs into a lower one
  through a registry the lower app defines and the upper app fills in its AppConfig.ready().
- Project-level modules (partnerplan/settings.py, urls.py, home.py, viewer.py, ...) may import
  any app; no app imports them.
- Production code never imports test code (a `tests` package) or a migration.
- No import cycles among production modules, counting imports inside functions too (a cycle
  hidden in a function is still a cycle); imports under `if TYPE_CHECKING:` are not counted.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "partnerplan"
LAYERS = [
    "core",
    "partners",
    "governance",
    "portfolio",
    "finance",
    "resources",
    "reports",
    "collaboration",
]
RANK = {app: i for i, app in enumerate(LAYERS)}


@dataclass(frozen=True)
class Import:
    source: str  # module importing
    target: str  # module imported
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def production_files() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).parts
        if "tests" in rel or "migrations" in rel:
            continue
        yield path


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node, leaving out the bodies of `if TYPE_CHECKING:`."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                stack.extend(child.orelse)
                continue
            stack.append(child)


def imports_of(path: Path, known: set[str]) -> Iterator[Import]:
    source = module_name(path)
    package = source if path.name == "__init__.py" else source.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in _walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("partnerplan"):
                    yield Import(source, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            if not stem.startswith("partnerplan"):
                continue
            for alias in node.names:
                candidate = f"{stem}.{alias.name}"
                yield Import(source, candidate if candidate in known else stem, node.lineno)


def app_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) >= 2 and parts[1] in RANK:
        return parts[1]
    return None


def graph() -> list[Import]:
    files = list(production_files())
    known = {module_name(p) for p in files}
    return [imp for path in files for imp in imports_of(path, known)]


def against_layering(edges: list[Import]) -> list[str]:
    wrong = []
    for imp in sorted(set(edges), key=lambda i: (i.source, i.line, i.target)):
        if ".tests" in imp.target or ".migrations" in imp.target:
            wrong.append(f"{imp.source}:{imp.line} imports {imp.target}, which is test code")
            continue
        source_app, target_app = app_of(imp.source), app_of(imp.target)
        if source_app is None:
            continue  # project-level modules may import any app
        if target_app is None:
            if imp.target != "partnerplan":
                wrong.append(f"{imp.source}:{imp.line} imports project-level {imp.target}")
            continue
        if RANK[target_app] > RANK[source_app]:
            wrong.append(
                f"{imp.source}:{imp.line} imports {imp.target} ({target_app} is above {source_app})"
            )
    return wrong


def _adjacent(edges: list[Import]) -> dict[str, set[str]]:
    adjacent: dict[str, set[str]] = {}
    for imp in edges:
        if imp.source != imp.target:
            adjacent.setdefault(imp.source, set()).add(imp.target)
    return adjacent


def cycles(edges: list[Import]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    adjacent = _adjacent(edges)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(adjacent.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(10_000, sys.getrecursionlimit()))
    for node in sorted(adjacent):
        if node not in index:
            visit(node)
    return sorted(found)


def main() -> int:
    edges = graph()
    wrong = against_layering(edges)
    loops = cycles(edges)
    for line in wrong:
        print("layering:", line)
    for loop in loops:
        print("cycle:", " <-> ".join(loop))
    print(f"{len(wrong)} imports against the layering, {len(loops)} import cycles")
    return 1 if wrong or loops else 0


if __name__ == "__main__":
    raise SystemExit(main())
