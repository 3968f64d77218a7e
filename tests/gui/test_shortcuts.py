"""Every action can be reached from the keyboard, and the user can see how: each button shown
has an Alt+letter (underlined), a shortcut its tooltip names ("Nieuwe deelnemer (Ctrl+N)"), or
is a dialog's Enter or Esc button; no letter or key does two things in one window
(../shared/ux.md; the keys are listed in docs/handleiding.md, "Sneltoetsen")."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QWidget

from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.widgets.nav_rail import NavRail
from tests.gui.forms_catalogue import Shop, dialog_screens, make_shop, window_screens
from tests.gui.keyboard import (
    duplicate_mnemonics,
    duplicate_shortcuts,
    mnemonic,
    unreachable_buttons,
)

# The rail's page buttons are reached with Ctrl+1 … Ctrl+9 (their tooltips say so) and with
# Tab and the arrow keys; main_window.py and nav_rail.py keep that.
EXEMPT = (NavRail,)


# Buttons in files of another helper (issue #10), reported to the lead; remove a line once
# its file gives the button a key. (where the problem is, the button's text or name)
PENDING_ELSEWHERE: tuple[tuple[str, str], ...] = ()


def pending_elsewhere(problem: str) -> bool:
    return any(problem.startswith(where) and what in problem
               for where, what in PENDING_ELSEWHERE)


@pytest.fixture
def shop(ctx: AppContext) -> Shop:
    return make_shop(ctx)


def problems_in(window: QWidget, where: str) -> list[str]:
    found = [f"no key for {b}" for b in unreachable_buttons(window, EXEMPT)]
    found += [f"Alt letter twice: {m}" for m in duplicate_mnemonics(window)]
    found += [f"key twice: {k}" for k in duplicate_shortcuts(window)]
    found = [f"{where}: {problem}" for problem in found]
    return [problem for problem in found if not pending_elsewhere(problem)]


def test_every_dialog_button_has_a_visible_key(shop: Shop, qtbot) -> None:
    problems: list[str] = []
    for where, dialog in dialog_screens(shop, qtbot):
        problems += problems_in(dialog, where)
    assert problems == [], "\n".join(problems)


def test_every_page_button_has_a_visible_key(shop: Shop, qtbot) -> None:
    """The whole window, every page and every tab of it, built once (about 4 s)."""
    problems: list[str] = []
    for where, page in window_screens(shop, qtbot):
        problems += problems_in(page.window(), where)
    assert problems == [], "\n".join(problems)


def test_the_checks_find_a_button_without_a_key(qtbot) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    window = QWidget()
    layout = QVBoxLayout(window)
    for text in ("&Opslaan", "&Openen", "Verwijderen"):
        layout.addWidget(QPushButton(text))
    qtbot.addWidget(window)
    window.show()
    assert len(unreachable_buttons(window)) == 1
    assert len(duplicate_mnemonics(window)) == 1


def handleiding_keys() -> str:
    from kringloopdesk.paths import docs_path

    text = (docs_path() / "handleiding.md").read_text(encoding="utf-8")
    return text[text.index("## Sneltoetsen"):text.index("## Als er iets misgaat")]


# How the handleiding writes the keys Qt names in English.
DUTCH_KEYS = {"Left": "Links", "Right": "Rechts", "Down": "Omlaag", "Up": "Omhoog"}


def is_listed(key: str, text: str) -> bool:
    return re.search(rf"(?<![\w+]){re.escape(key)}(?![\w+])", text) is not None


def test_the_handleiding_lists_every_shortcut(shop: Shop, qtbot) -> None:
    """The "Sneltoetsen" of docs/handleiding.md stay true: every key a page or the window
    binds is in that list (the first key of each; Ctrl+1 … Ctrl+9 as one line)."""
    from PySide6.QtGui import QKeySequence, QShortcut

    from kringloopdesk.gui.main_window import MainWindow

    listed = handleiding_keys()
    window = MainWindow(shop.ctx)
    qtbot.addWidget(window)
    window.pages  # noqa: B018 - builds every page
    missing: set[str] = set()
    for shortcut in window.findChildren(QShortcut):
        key = shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)
        for english, dutch in DUTCH_KEYS.items():
            key = key.replace(english, dutch)
        page_number = key.startswith("Ctrl+") and key[5:].isdigit()
        if key and not page_number and not is_listed(key, listed):
            missing.add(key)
    given = [action.shortcut() for action in window.actions()]
    given += [button.shortcut() for button in window.findChildren(QAbstractButton)
              if not mnemonic(button.text())]  # Alt+P on a button whose text changes
    for sequence in given:
        key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        if key and not is_listed(key, listed):
            missing.add(key)
    window.idle_watcher.stop()
    assert missing == set()
