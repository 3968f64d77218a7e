"""What a keyboard user meets in a window: the Tab chain, and how each button is reached.

Used by tests/gui/test_tab_order.py and test_shortcuts.py. The rules are those of
../shared/ux.md: the tab order follows the reading order; every button has an Alt+letter, a
shortcut that its tooltip shows, or is the dialog's Enter or Esc button.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
    QWizard,
)

# A button repeated on every row (remove this signatory), or one of a row of alike buttons
# (the accent colour swatches), cannot have a letter of its own; it is reached with Tab and
# pressed with Space.
ROW_BUTTONS = ("RowButton", "Swatch")

# Two widgets whose edges are this close count as touching (layout rounding, frames).
TOLERANCE = 4

INPUT_TYPES = (QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit, QPlainTextEdit, QCheckBox,
               QRadioButton)


def describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QAbstractButton, QLabel)):
        text = widget.text()
    elif isinstance(widget, QLineEdit):
        text = widget.placeholderText()
    name = widget.objectName() or widget.accessibleName()
    parts = [type(widget).__name__]
    if name:
        parts.append(f"#{name}")
    if text:
        parts.append(repr(text))
    label = _label_for(widget)
    if label:
        parts.append(f"(label {label!r})")
    return " ".join(parts)


def _label_for(widget: QWidget) -> str:
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget:
            return label.text()
    return ""


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def takes_tab(widget: QWidget, window: QWidget) -> bool:
    """Would Tab stop here? The test of ``QWidget::focusNextPrevChild``."""
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and widget.isVisibleTo(window)
        and widget.isEnabled()
        and widget.window() is window.window()
    )


def tab_chain(window: QWidget, within: QWidget | None = None) -> list[QWidget]:
    """The widgets Tab visits, in order, from the first in reading order (the top left one)
    round to the one before it: Tab from the last widget goes on to the first, so Qt's chain
    is a ring. ``within``: only the widgets in that part of the window (a page, not the rail).
    """
    area = within or window
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not window and widget not in chain:
        if takes_tab(widget, window) and (widget is area or area.isAncestorOf(widget)):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    if not chain:
        return chain
    first = min(chain, key=lambda w: (rect_in(w, window).top() // (2 * TOLERANCE),
                                      rect_in(w, window).left()))
    start = chain.index(first)
    return chain[start:] + chain[:start]


def comes_before(b: QRect, a: QRect) -> bool:
    """Is ``b`` before ``a`` in reading order (above it, or left of it on the same line)?

    Going up into the next column on the right (two columns of cards, as in the worker form)
    is reading on, not going back."""
    if b.bottom() <= a.top() + TOLERANCE:
        return b.left() < a.right() - TOLERANCE
    overlap = min(a.bottom(), b.bottom()) - max(a.top(), b.top())
    return overlap > TOLERANCE and b.right() <= a.left() + TOLERANCE


def tab_order_problems(window: QWidget, within: QWidget | None = None, *,
                       primary_last: bool = True) -> list[str]:
    """What is wrong with the Tab order of ``window`` (empty: nothing). ``primary_last``: the
    primary button comes after every field (a form; a list page has "Nieuw …" on top)."""
    chain = tab_chain(window, within)
    problems: list[str] = []
    if not chain:
        return ["Tab reaches nothing"]
    for a, b in pairwise(chain):
        ra, rb = rect_in(a, window), rect_in(b, window)
        if comes_before(rb, ra):
            problems.append(f"Tab goes from {describe(a)} at {_where(ra)} back to "
                            f"{describe(b)} at {_where(rb)}")
    for widget in chain:
        if _traps_tab(widget):
            problems.append(f"Tab stays in {describe(widget)} (set tabChangesFocus)")
    # The primary button (Enter); not a button that is default only while it has the focus.
    default = next((w for w in chain if isinstance(w, QPushButton)
                    and w.objectName() == "PrimaryButton"), None)
    inputs = [w for w in chain if isinstance(w, INPUT_TYPES) and not _read_only(w)]
    if primary_last and default is not None and inputs:
        last_input = max(chain.index(w) for w in inputs)
        if chain.index(default) < last_input:
            problems.append(f"{describe(default)} comes before {describe(chain[last_input])}")
    return problems


def _read_only(widget: QWidget) -> bool:
    return isinstance(widget, (QTextEdit, QPlainTextEdit, QLineEdit)) and widget.isReadOnly()


def _traps_tab(widget: QWidget) -> bool:
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly() and not widget.tabChangesFocus()
    return False


def _where(rect: QRect) -> str:
    return f"({rect.x()},{rect.y()})"


# -- shortcuts and mnemonics ------------------------------------------------------------------

def mnemonic(text: str) -> str | None:
    """The Alt+letter of a text ("&Opslaan" -> "o"), None without one."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def key_texts(sequence: QKeySequence) -> set[str]:
    text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    portable = sequence.toString(QKeySequence.SequenceFormat.PortableText)
    return {t for t in (text, portable) if t}


def active_shortcuts(window: QWidget) -> list[tuple[str, QWidget | None, object]]:
    """``(key text, owner widget, shortcut object)`` of every shortcut that works now in
    ``window`` (a ``QShortcut`` or ``QAction`` whose widget is shown and enabled)."""
    found: list[tuple[str, QWidget | None, object]] = []
    for shortcut in window.findChildren(QShortcut):
        owner = shortcut.parent()
        if not shortcut.isEnabled() or not isinstance(owner, QWidget):
            continue
        if not (owner is window or owner.isVisibleTo(window)) or not owner.isEnabled():
            continue
        for key in _keys(shortcut):
            found.append((key, owner, shortcut))
    for owner in [window, *window.findChildren(QWidget)]:
        if owner is not window and not owner.isVisibleTo(window):
            continue
        for action in owner.actions():
            if action.isEnabled():
                for key in _keys(action):
                    found.append((key, owner, action))
    return found


def _keys(thing: QShortcut | QAction) -> list[str]:
    sequences = thing.keys() if hasattr(thing, "keys") else thing.shortcuts()
    return [s.toString(QKeySequence.SequenceFormat.NativeText)
            for s in sequences if not s.isEmpty()]


def duplicate_shortcuts(window: QWidget) -> list[str]:
    """Keys bound twice in one window, where Qt would call the shortcut ambiguous."""
    owners: dict[str, set[int]] = defaultdict(set)
    names: dict[str, list[str]] = defaultdict(list)
    for key, owner, thing in active_shortcuts(window):
        context = thing.context() if isinstance(thing, QShortcut) else thing.shortcutContext()
        if context == Qt.ShortcutContext.WidgetShortcut:
            continue  # only while that widget has the focus
        if id(thing) not in owners[key]:
            owners[key].add(id(thing))
            names[key].append(describe(owner) if owner is not None else "?")
    return [f"{key}: {', '.join(names[key])}" for key, ids in owners.items() if len(ids) > 1]


def is_internal(button: QAbstractButton) -> bool:
    """Buttons that Qt puts inside its own widgets (a line edit's clear button, a tab bar's
    scroll arrows, the calendar's month arrows) are not ours to label."""
    if button.objectName().startswith("qt_"):
        return True
    if type(button) not in (QPushButton, QToolButton) and not type(button).__module__.startswith(
            "kringloopdesk"):
        return True
    parent = button.parentWidget()
    while parent is not None:
        if isinstance(parent, (QTabBar, QLineEdit, QAbstractSpinBox, QCalendarWidget)):
            return True
        parent = parent.parentWidget()
    return False


def enter_or_escape(button: QAbstractButton, window: QWidget) -> bool:
    """The dialog's default button (Enter) or its cancel button (Esc)."""
    if not isinstance(window, QDialog):
        return False
    if isinstance(button, QPushButton) and button.isDefault():
        return True
    if button in (getattr(window, "cancel_button", None), getattr(window, "close_button", None)):
        return True
    if isinstance(window, QWizard):
        return button in (window.button(QWizard.WizardButton.CancelButton),)
    for box in window.findChildren(QDialogButtonBox):
        if button in box.buttons() and box.buttonRole(button) in (
                QDialogButtonBox.ButtonRole.RejectRole,):
            return True
    return False


def unreachable_buttons(window: QWidget, exempt: tuple[type, ...] = ()) -> list[str]:
    """Buttons shown in ``window`` that a keyboard user cannot see how to reach."""
    keys = {key for key, _owner, _thing in active_shortcuts(window)}
    problems: list[str] = []
    for button in window.findChildren(QAbstractButton):
        if not isinstance(button, (QPushButton, QToolButton)) or is_internal(button):
            continue
        if not button.isVisibleTo(window) or _inside(button, exempt):
            continue
        if mnemonic(button.text()) or enter_or_escape(button, window):
            continue
        if (button.objectName() in ROW_BUTTONS
                and button.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if button.focusPolicy() == Qt.FocusPolicy.NoFocus and (
                _names_a_key(button.toolTip()) or _names_a_key(button.text())):
            continue
        shown = f"{button.text()} {button.toolTip()}"
        own = key_texts(button.shortcut()) if not button.shortcut().isEmpty() else set()
        if _shows_any(shown, own | keys):
            continue
        problems.append(describe(button))
    return problems


def _names_a_key(tooltip: str) -> bool:
    """A button beside a field that works the field's own keys ("Kalender openen (F4)"):
    the key is handled by the field, so it is no shortcut of the window."""
    found = re.search(r"\(([^()]+)\)\s*$", tooltip)  # "(F4)", "(toets 1)"
    return found is not None and not QKeySequence(found.group(1).split()[-1]).isEmpty()


def _inside(widget: QWidget, classes: tuple[type, ...]) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if classes and isinstance(parent, classes):
            return True
        parent = parent.parentWidget()
    return False


def _shows(text: str, key: str) -> bool:
    """Does ``text`` show ``key`` as a key (in brackets or as the whole label)?"""
    if not key:
        return False
    pattern = rf"(^|[\s(]){re.escape(key)}($|[\s),.])"
    return re.search(pattern, text.strip()) is not None


def _shows_any(text: str, keys: set[str]) -> bool:
    return any(_shows(text, key) for key in keys)


def duplicate_mnemonics(window: QWidget) -> list[str]:
    """Alt+letters used twice among the widgets shown in ``window``."""
    seen: dict[str, list[str]] = defaultdict(list)
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton) or (
                isinstance(widget, QLabel) and widget.buddy() is not None):
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
        letters = [(mnemonic(text), text) for text in texts]
        if isinstance(widget, QAbstractButton) and not mnemonic(widget.text()):
            # An Alt+letter given as the button's shortcut (a button whose text changes)
            own = widget.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
            if re.fullmatch(r"Alt\+\w", own):
                letters.append((own[-1].lower(), f"{widget.text()} ({own})"))
        for letter, text in letters:
            if letter:
                seen[letter].append(f"{type(widget).__name__} {text!r}")
    return [f"Alt+{letter.upper()}: {', '.join(users)}"
            for letter, users in seen.items() if len(users) > 1]


