import ast
from pathlib import Path

from django.test import SimpleTestCase

from duban.audit.actions import AuditAction, declared

ROOT = Path(__file__).resolve().parents[2]
# The calls that write audit entries, and the helpers that pass their action on to them.
WRITERS = {"record", "entry", "_log", "_audit"}


def sources():
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path, ast.parse(path.read_text(), filename=str(path))


def written_as_literal(tree) -> list[int]:
    """Lines where an audit writer is handed a string literal instead of a declared action."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0]
            literal = isinstance(first, ast.JoinedStr) or (
                isinstance(first, ast.Constant) and isinstance(first.value, str)
            )
            if name in WRITERS and literal:
                lines.append(node.lineno)
    return lines


def looked_for(tree) -> list[tuple[ast.Constant, bool]]:
    """String literals matched against an entry's action (`action=` arguments and filters,
    comparisons with an `.action` attribute), each with whether it is only a prefix."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) != "add_argument":
            for keyword in node.keywords:
                if keyword.arg and keyword.arg.split("__")[0] == "action":
                    prefix = keyword.arg.endswith("startswith")
                    found.extend((n, prefix) for n in ast.walk(keyword.value))
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(isinstance(side, ast.Attribute) and side.attr == "action" for side in sides):
                for side in sides:
                    found.extend((n, False) for n in ast.walk(side))
    return [(n, p) for n, p in found if isinstance(n, ast.Constant) and isinstance(n.value, str)]


class AuditActionsTestCase(SimpleTestCase):
    def test_audit_entries_are_written_with_declared_constants(self):
        found = [
            f"{path.relative_to(ROOT)}:{line}"
            for path, tree in sources()
            if "tests" not in path.parts
            for line in written_as_literal(tree)
        ]
        self.assertEqual(found, [])

    def test_every_action_string_the_code_and_tests_look_for_is_declared(self):
        checked = [
            (f"{path.relative_to(ROOT)}:{node.lineno} {node.value}", node.value, prefix)
            for path, tree in sources()
            if path.parent != Path(__file__).parent
            for node, prefix in looked_for(tree)
        ]
        undeclared = [
            where
            for where, value, prefix in checked
            if not any(a == value or prefix and a.startswith(value) for a in declared())
        ]
        self.assertEqual(undeclared, [])
        # The tests filter the log by action in many places; finding none means a blind scan.
        self.assertGreater(len(checked), 20)

    def test_no_two_declarations_share_a_value(self):
        members = [m for cls in AuditAction.__subclasses__() for m in cls]
        self.assertEqual(len(members), len(declared()))
        self.assertGreater(len(members), 40)

    def test_every_action_has_a_chinese_label(self):
        for action in declared().values():
            with self.subTest(action=action.value):
                self.assertRegex(action.label, r"^[\u4e00-\u9fff]+$")
