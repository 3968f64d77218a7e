"""F1: the user guide in its own window — the text, the images, the search and a missing file."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument

from kringloopdesk.db.engine import Database
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.help_dialog import HelpDialog, guide_path
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.pages.weegpost_page import WeegpostPage
from kringloopdesk.services.auth import Actor

ROLE_HEADINGS = ["Invoer (vrijwilliger)", "Begeleider", "Beheerder"]


def open_window(qtbot, db: Database, actor: Actor) -> MainWindow:
    window = MainWindow(AppContext(db, actor=actor))
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    qtbot.waitExposed(window)
    return window


def headings(dialog: HelpDialog) -> list[str]:
    found = []
    block = dialog.browser.document().firstBlock()
    while block.isValid():
        if block.blockFormat().headingLevel():
            found.append(block.text())
        block = block.next()
    return found


def test_f1_opens_the_guide_at_the_current_page(shop_db: Database, beheerder: Actor,
                                                qtbot) -> None:
    window = open_window(qtbot, shop_db, beheerder)
    window.show_page(window.page_index(WeegpostPage))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)

    dialog = window.help_window
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.found
    assert "Weegpost" in dialog.browser.toPlainText()
    assert {*ROLE_HEADINGS, "Sneltoetsen", "Als er iets misgaat"} <= set(headings(dialog))
    assert dialog.browser.verticalScrollBar().value() > 0  # at the Weegpost section
    assert "Handleiding (F1)" in [a.text() for a in window.user_menu.actions()]

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)  # again: the same window
    assert window.help_window is dialog


def test_the_images_resolve_and_fit(qapp, qtbot) -> None:
    text = guide_path().read_text(encoding="utf-8")
    names = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert "screenshots/weegpost.png" in names
    for name in names:
        assert (guide_path().parent / name).is_file(), name

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    image = dialog.browser.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("screenshots/weegpost.png"))
    assert isinstance(image, QImage) and not image.isNull()
    assert image.width() < QImage(str(guide_path().parent / "screenshots/weegpost.png")).width()


def test_search_finds_the_next_match_and_wraps(qapp, qtbot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.search_edit.setText("herstelsleutel")  # finds the first match while typing
    first = dialog.browser.textCursor().position()
    assert dialog.browser.textCursor().selectedText().casefold() == "herstelsleutel"
    assert dialog.find_next()
    assert dialog.browser.textCursor().position() > first
    while dialog.browser.textCursor().position() > first:  # on to the last one, then the top
        assert dialog.find_next()
    assert dialog.browser.textCursor().position() == first

    dialog.search_edit.setText("xyzzy-niet-in-de-tekst")
    assert not dialog.find_next()
    assert dialog.search_status.text() == "Niet gevonden"


def test_a_missing_guide_says_so(qapp, qtbot, tmp_path: Path) -> None:
    dialog = HelpDialog(path=tmp_path / "weg.md")
    qtbot.addWidget(dialog)
    assert not dialog.found
    assert "Handleiding niet gevonden" in dialog.browser.toPlainText()
    assert str(tmp_path / "weg.md") in dialog.browser.toPlainText()
