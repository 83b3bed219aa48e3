"""``ictgov.verdicts`` sits below lint/ and views/: it imports only the model and stdlib."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import ictgov.verdicts

PACKAGE = Path(ictgov.verdicts.__file__).parent
ALLOWED = ("ictgov.model", "ictgov.verdicts", "ictgov.config")


def _imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
    return out


def test_verdicts_import_only_the_model_config_and_the_standard_library() -> None:
    for path in PACKAGE.glob("*.py"):
        for name in _imports(path):
            top = name.split(".")[0]
            if top == "ictgov":
                assert name.startswith(ALLOWED), f"{path.name} imports {name}"
            else:
                assert top in sys.stdlib_module_names or top == "__future__", (path.name, name)


def test_invocation_imports_only_the_standard_library_and_safe_reads() -> None:
    """The warm lint path asks it without loading pydantic."""
    path = PACKAGE.parent / "invocation.py"
    for module in _imports(path):
        if module.startswith("ictgov"):
            assert module == "ictgov.safefs", f"invocation imports {module}"
