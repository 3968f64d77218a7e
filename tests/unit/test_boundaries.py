"""The core (db/, services/, reports/) never imports Qt: the CLI and tests run without it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import kringloopdesk

PACKAGE = Path(kringloopdesk.__file__).parent
CORE = ("db", "services", "reports")


def _core_files() -> list[Path]:
    return [p for part in CORE if (PACKAGE / part).exists() for p in (PACKAGE / part).rglob("*.py")]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_sources_never_import_qt() -> None:
    files = _core_files()
    assert len(files) > 10
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            m for m in _imported_modules(path)
            if m.split(".")[0] in {"PySide6", "shiboken6", "qt_material"}
            or m.startswith("kringloopdesk.gui")
        )
        for path in files
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_the_whole_core_loads_no_qt() -> None:
    modules = [
        *sorted(
            ".".join(("kringloopdesk", *p.relative_to(PACKAGE).with_suffix("").parts))
            for p in _core_files()
            if "migrations" not in p.parts
        ),
        "kringloopdesk.cli",
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
