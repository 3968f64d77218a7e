"""Translation of the core's and the CLI's own messages (the GUI uses Qt's translator).

Source strings are Dutch, the default language. English lives in
``resources/translations/core_en.json`` as ``{dutch: english}``; a test checks that every
string marked with ``_()`` has an entry. The language comes from ``set_language`` (the app's
setting) or the ``KRINGLOOPDESK_LANG`` environment variable.
"""

from __future__ import annotations

import json
import os
from functools import cache

from kringloopdesk.paths import resource_path

LANGUAGES = ("nl", "en")
_language = os.environ.get("KRINGLOOPDESK_LANG", "nl").lower()[:2]


def set_language(language: str) -> None:
    global _language
    _language = language if language in LANGUAGES else "nl"


def current_language() -> str:
    return _language if _language in LANGUAGES else "nl"


@cache
def _catalogue(language: str) -> dict[str, str]:
    path = resource_path("translations", f"core_{language}.json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def _(text: str, /, **values: object) -> str:
    """Translate a Dutch source string and fill in ``{named}`` values."""
    language = current_language()
    if language != "nl":
        text = _catalogue(language).get(text, text)
    return text.format(**values) if values else text
