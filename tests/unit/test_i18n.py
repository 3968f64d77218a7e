"""Every message of the core and the CLI has an English translation."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import kringloopdesk
from kringloopdesk import i18n
from kringloopdesk.paths import resource_path

PACKAGE = Path(kringloopdesk.__file__).parent


def marked_strings() -> dict[str, str]:
    """Every literal passed to ``_()`` outside the GUI, with where it stands."""
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        if "gui" in path.relative_to(PACKAGE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, f"{path.name}:{node.lineno}")
    return found


def test_every_core_message_has_an_english_translation() -> None:
    catalogue = json.loads(resource_path("translations", "core_en.json").read_text("utf-8"))
    missing = {text: where for text, where in marked_strings().items() if text not in catalogue}
    assert not missing, "add to resources/translations/core_en.json:\n" + json.dumps(
        {text: "" for text in missing}, ensure_ascii=False, indent=2)


def test_translations_keep_their_placeholders() -> None:
    catalogue = json.loads(resource_path("translations", "core_en.json").read_text("utf-8"))
    import string

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    wrong = {nl: en for nl, en in catalogue.items() if fields(nl) != fields(en) or not en}
    assert wrong == {}


def test_switching_language() -> None:
    try:
        i18n.set_language("en")
        assert i18n._("Gebruikersnaam of wachtwoord klopt niet.") == (
            "User name or password is incorrect.")
        i18n.set_language("nl")
        assert i18n._("Gebruikersnaam of wachtwoord klopt niet.") == (
            "Gebruikersnaam of wachtwoord klopt niet.")
    finally:
        i18n.set_language("nl")
