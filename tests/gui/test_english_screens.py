"""Every screen in English: no Dutch text of the catalogues is left on any page, tab, table
header or dialog.

tests/unit/test_gui_catalogue.py proves that every ``tr()`` string has its English; this test
proves that the English arrives on screen. A text made before the translator is installed, a
``tr()`` looked up under the wrong context, or a label filled from a Dutch constant would
still say the Dutch source here.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from kringloopdesk.gui.application import switch_language
from kringloopdesk.gui.context import AppContext
from tests.gui.forms_catalogue import BUILDERS, Shop, dialog_screens, make_shop, window_screens

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def dutch_only_texts() -> set[str]:
    """Every Dutch source text whose English is different (``Status`` is both)."""
    texts = set()
    for message in ET.parse(TRANSLATIONS / "kringloopdesk_en.ts").getroot().iter("message"):
        source, english = message.findtext("source") or "", message.findtext("translation")
        if english and english != source:
            texts.add(source)
    core = json.loads((TRANSLATIONS / "core_en.json").read_text(encoding="utf-8"))
    texts |= {dutch for dutch, english in core.items() if english != dutch}
    # A text that is a name in both languages ("Dashboard" is its own translation) or a
    # word that English spells the same somewhere else cannot prove anything.
    return {text for text in texts if len(text) > 2}


DUTCH = dutch_only_texts()


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    switch_language(qapp, "en")
    yield
    switch_language(qapp, "nl")


@pytest.fixture
def shop(ctx: AppContext) -> Shop:
    return make_shop(ctx)


def visible_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """``(what, text)`` for everything a user reads in ``window`` now."""
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        kind = type(widget).__name__
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield kind, widget.text()
        if isinstance(widget, QGroupBox):
            yield kind, widget.title()
        if isinstance(widget, QLineEdit):
            yield f"{kind} placeholder", widget.placeholderText()
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield "tab", widget.tabText(index)
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield "choice", widget.itemText(index)
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            for section in range(widget.count()):
                yield "column", str(widget.model().headerData(
                    section, widget.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        if widget.toolTip():
            yield f"{kind} tooltip", widget.toolTip()
    yield "title", window.windowTitle()


def dutch_left(window: QWidget, where: str) -> list[str]:
    return [f"{where}: {kind} {text!r}" for kind, text in visible_texts(window)
            if text.strip() in DUTCH]


def test_every_page_and_tab_is_english(shop: Shop, english, qtbot) -> None:
    found: list[str] = []
    for where, page in window_screens(shop, qtbot):
        window = page.window()
        if where == "Dashboard":
            assert [b.text() for b in window.rail.buttons][:2] == ["Dashboard", "Workers"]
        found += dutch_left(window, where)
    assert found == [], "Dutch on an English screen:\n" + "\n".join(found)


def test_every_dialog_is_english(shop: Shop, english, qtbot) -> None:
    found: list[str] = []
    for where, dialog in dialog_screens(shop, qtbot):
        found += dutch_left(dialog, where)
    assert found == [], "Dutch on an English screen:\n" + "\n".join(found)


def test_the_check_sees_dutch(shop: Shop, qtbot) -> None:
    """In Dutch the same walk finds plenty: the check is not blind."""
    dialog = BUILDERS[next(iter(BUILDERS))](shop, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dutch_left(dialog, "nl")
