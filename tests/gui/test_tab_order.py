"""Tab walks every form in reading order: top to bottom, left to right within a row, and the
primary button after the fields (../shared/ux.md, "Forms"). Each form is built once, with a
small demo shop behind it, and every problem of every form is reported together."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget, QWizard

from kringloopdesk.gui.context import AppContext
from tests.gui.forms_catalogue import (
    BUILDERS,
    NOT_FORMS,
    Shop,
    builder_class,
    dialog_classes,
    dialog_screens,
    make_shop,
    window_screens,
)
from tests.gui.keyboard import tab_chain, tab_order_problems


@pytest.fixture
def shop(ctx: AppContext) -> Shop:
    return make_shop(ctx)


def show(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_every_dialog_is_in_the_catalogue() -> None:
    """A new dialog gets a builder in forms_catalogue.py, so that its keys are checked."""
    built = {builder_class(key) for key in BUILDERS}
    assert set(dialog_classes()) - built - set(NOT_FORMS) == set()


def test_every_dialog_tabs_in_reading_order(shop: Shop, qtbot) -> None:
    """Every dialog, and every page of the first-run wizard as the user meets them."""
    problems: list[str] = []
    for where, dialog in dialog_screens(shop, qtbot):
        within = dialog.currentPage() if isinstance(dialog, QWizard) else None
        problems += [f"{where}: {problem}" for problem in tab_order_problems(dialog, within)]
    assert problems == [], "\n".join(problems)


def test_the_worker_form_tabs_in_reading_order(shop: Shop, qtbot) -> None:
    from kringloopdesk.gui.widgets.worker_form import WorkerForm

    form = WorkerForm(shop.ctx)
    form.resize(1100, 900)
    show(qtbot, form)
    assert form.open_worker(shop.placement.worker_id)
    opened = tab_order_problems(form)
    form.new_worker()
    problems = [*opened, *tab_order_problems(form)]
    assert problems == [], "\n".join(problems)


def test_the_weegpost_tabs_in_reading_order(shop: Shop, qtbot) -> None:
    from kringloopdesk.gui.pages.weegpost_page import WeegpostPage

    page = WeegpostPage(shop.ctx)
    page.resize(1180, 780)
    show(qtbot, page)
    page.refresh()
    incoming = tab_order_problems(page)
    page.set_direction("uit")
    problems = [*incoming, *tab_order_problems(page)]
    assert problems == [], "\n".join(problems)


def test_every_page_tabs_in_reading_order(shop: Shop, qtbot) -> None:
    """Each page of the window (and each of its tabs), from its header down; the rail is
    left out (it is a column of its own, before the page)."""
    problems: list[str] = []
    for where, page in window_screens(shop, qtbot):
        problems += [f"{where}: {problem}" for problem in
                     tab_order_problems(page.window(), page, primary_last=False)]
    assert problems == [], "\n".join(problems)


def test_an_out_of_order_field_is_caught(qtbot) -> None:
    """The check itself: a field added below but put first in the chain is reported."""
    from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout

    window = QWidget()
    layout = QVBoxLayout(window)
    first, second, ok = QLineEdit(), QLineEdit(), QPushButton("&OK")
    for widget in (first, second, ok):
        layout.addWidget(widget)
    show(qtbot, window)
    assert tab_order_problems(window) == []
    assert tab_chain(window) == [first, second, ok]
    QWidget.setTabOrder(second, first)  # someone moved a field
    assert tab_order_problems(window) != []
