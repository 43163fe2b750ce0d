"""The modules of `duban` import each other without a cycle, and the parser without Django.

Only imports that run when a module is loaded count (module and class level, outside
`if TYPE_CHECKING:`); an import inside a function is the accepted way to break a cycle.
"""

import ast
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parents[1]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def load_time_imports(tree: ast.AST):
    """The import nodes executed when the module loads: not those in functions or TYPE_CHECKING."""
    stack = list(ast.iter_child_nodes(tree))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def imported_names(node: ast.Import | ast.ImportFrom, module: str, is_package: bool):
    """The full names an import node reaches: `from a import b` gives `a.b` and `a`."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        anchor = module.split(".")
        anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
        base = ".".join(anchor + ([base] if base else []))
    return [base] + [f"{base}.{alias.name}" for alias in node.names]


def import_graph() -> dict[str, set[str]]:
    """Each module of the package -> the package's modules it imports at load time."""
    sources = {module_name(path): path for path in ROOT.rglob("*.py")}
    graph = {}
    for module, path in sources.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        is_package = path.name == "__init__.py"
        targets = set()
        for node in load_time_imports(tree):
            names = imported_names(node, module, is_package)
            # `from a import b` reaches the module a.b when there is one, else the name b of a.
            modules = [name for name in names[1:] if name in sources] or names[:1]
            targets.update(name for name in modules if name in sources and name != module)
        graph[module] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(graph[node]):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
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

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def leaving(package: str, graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    """(module, module imported) for each load-time import from inside `package` to outside;
    the package's tests may use the project's test helpers."""

    def inside(name: str) -> bool:
        return name == package or name.startswith(package + ".")

    return {
        (module, target)
        for module, targets in graph.items()
        if inside(module) and ".tests" not in module
        for target in targets
        if not inside(target)
    }


def django_imports(package: str) -> list[str]:
    """The modules of `package` (tests aside) that import Django, at any level."""
    found = []
    for path in (ROOT / package).rglob("*.py"):
        if "tests" in path.relative_to(ROOT).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                )
                if any(name.split(".")[0] in ("django", "ninja") for name in names):
                    found.append(module_name(path))
    return found


class ImportGraphTests(SimpleTestCase):
    def test_no_module_imports_itself_through_others(self):
        assert cycles(import_graph()) == []

    def test_a_cycle_through_three_modules_is_found(self):
        graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
        assert cycles(graph) == [["a", "b", "c"]]

    def test_imports_inside_functions_or_for_type_checking_do_not_count(self):
        tree = ast.parse(
            "import os\n"
            "if TYPE_CHECKING:\n    import typing\n"
            "class A:\n    import json\n"
            "def f():\n    import sys\n"
        )
        assert sorted(n.names[0].name for n in load_time_imports(tree)) == ["json", "os"]

    def test_the_parser_imports_nothing_of_duban_outside_itself_and_no_django(self):
        assert leaving("duban.parsing", import_graph()) == set()
        assert django_imports("parsing") == []

    def test_lib_imports_no_app_only_the_parser(self):
        reached = {target.split(".")[1] for _, target in leaving("duban.lib", import_graph())}
        assert reached <= {"parsing"}

    def test_accounts_imports_no_app_but_audit(self):
        reached = {target.split(".")[1] for _, target in leaving("duban.accounts", import_graph())}
        assert reached <= {"audit"}
