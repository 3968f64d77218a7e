"""Every visible GUI string goes through Qt's translator and has its English in the catalogue.

Three checks, from the code and the committed files (no Qt needed):
- the catalogue (resources/translations/kringloopdesk_en.ts) holds every ``tr()`` string of
  the code, each with a translation whose ``{placeholders}`` match, and the shipped .qm is
  compiled from it (``tools/translations.py check``);
- every ``tr()`` / ``translate()`` gets a literal string (lupdate cannot see a variable) and is
  called on ``self`` (``parent.tr`` looks the string up under the parent's class);
- no literal text with words reaches a visible-text call (a label, button, title, tooltip,
  placeholder, tab, header, message box …) without ``tr()``.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "kringloopdesk" / "gui"

# Calls whose string arguments end up on screen.
VISIBLE_CALLS = {
    "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "QMenu", "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "addTab", "insertTab", "setTabText", "addRow", "setTitle", "setSubTitle",
    "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setHeaderLabels", "addItem",
    "addItems", "insertItem", "setItemText", "setSpecialValueText", "setSuffix", "setPrefix",
    "showMessage", "setInformativeText", "setDetailedText", "addButton", "setButtonText",
    "setLabelText", "setCancelButtonText", "setWhatsThis", "addAction", "addMenu",
    "information", "warning", "question", "critical", "setAccessibleName", "setWindowIconText",
}
# Receivers whose methods share a name with the list above but show nothing (the log file).
NOT_VISIBLE_RECEIVERS = {"log", "logger", "logging", "warnings"}
# Literal texts that are the same in every language.
LANGUAGE_NEUTRAL = {"KringloopDesk", "3811 AB", "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"}
# Generated for the docs, never shown to a user.
NOT_SHOWN_MODULES = {"screenshots.py"}
WORDS = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
MARKUP = re.compile(r"<[^>]*>|&[a-z]+;|#[0-9a-fA-F]{3,8}|[a-z-]+\s*:\s*[^;\"]*;?")


def _modules() -> list[Path]:
    return [p for p in sorted(GUI.rglob("*.py")) if p.name not in NOT_SHOWN_MODULES]


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _receiver(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.value.id
    return ""


def _literal_texts(argument: ast.expr) -> list[str]:
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return [argument.value]
    if isinstance(argument, ast.JoinedStr):  # an f-string, its values as {}
        return ["".join(v.value if isinstance(v, ast.Constant) else "{}"
                        for v in argument.values)]
    if isinstance(argument, (ast.List, ast.Tuple)):
        return [t for element in argument.elts for t in _literal_texts(element)]
    return []


def _calls() -> list[tuple[Path, ast.Call]]:
    return [
        (path, node)
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
    ]


def test_visible_texts_go_through_the_translator():
    untranslated = []
    for path, call in _calls():
        if _name(call.func) not in VISIBLE_CALLS or _receiver(call.func) in NOT_VISIBLE_RECEIVERS:
            continue
        for argument in [*call.args, *(k.value for k in call.keywords)]:
            for text in _literal_texts(argument):
                if text.strip() in LANGUAGE_NEUTRAL:
                    continue
                if WORDS.search(MARKUP.sub(" ", text)):
                    untranslated.append(f"{path.relative_to(ROOT)}:{call.lineno}: {text!r}")
    assert untranslated == [], "visible text without tr():\n" + "\n".join(untranslated)


def test_tr_gets_a_literal_and_its_own_class_as_context():
    wrong = []
    shims = _calls_inside_tr_methods()
    for path, call in _calls():
        name, receiver = _name(call.func), _receiver(call.func)
        where = f"{path.relative_to(ROOT)}:{call.lineno}"
        if name == "tr" and isinstance(call.func, ast.Attribute):
            if receiver != "self":
                wrong.append(f"{where}: {receiver}.tr() uses {receiver}'s class as context")
            if not call.args or not _is_literal(call.args[0]):
                wrong.append(f"{where}: tr() of a non-literal cannot be extracted")
        elif (name == "translate" and len(call.args) >= 2  # str.translate takes one
              and (path, call.lineno) not in shims
              and not all(_is_literal(a) for a in call.args[:2])):
            wrong.append(f"{where}: translate() needs a literal context and text")
    assert wrong == [], "\n".join(wrong)


def _calls_inside_tr_methods() -> set[tuple[Path, int]]:
    """A ``def tr(self, text)`` stand-in (Page.rail_title's) passes its argument on."""
    inside = set()
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name == "tr":
                inside |= {(path, c.lineno) for c in ast.walk(node) if isinstance(c, ast.Call)}
    return inside


def _is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _translations_tool():
    spec = importlib.util.spec_from_file_location("translations", ROOT / "tools" /
                                                  "translations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("language", ["en"])
def test_catalogue_is_complete_and_compiled(language):
    problems = _translations_tool().problems(language)
    assert problems == [], "run tools/translations.py update/compile:\n" + "\n".join(problems)
