"""Every save ends with a short Dutch note in the status bar (../shared/ux.md, "Feedback"): a
few representative saves, from a page and from a dialog opened on a page, in one window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.operations import DatabaseOp
from tests.gui.forms_catalogue import Shop, make_shop


@pytest.fixture
def shop(ctx: AppContext) -> Shop:
    return make_shop(ctx)


@pytest.fixture
def window(shop: Shop, qtbot) -> MainWindow:
    window = MainWindow(shop.ctx)
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    return window


def show(window: MainWindow, page_class):
    page = window.page_of(page_class)
    window.show_page(window.pages.index(page))
    window.statusBar().clearMessage()
    return page


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_saving_a_worker_says_so(window: MainWindow, shop: Shop) -> None:
    from kringloopdesk.gui.pages.workers_page import WorkersPage

    page = show(window, WorkersPage)
    page.open_worker(shop.placement.worker_id)
    page.form.first_name_edit.setText("Noor")
    assert page.form.save()
    assert status(window).startswith("Deelnemer Noor ") and status(window).endswith(
        " opgeslagen")


def test_booking_a_weighing_says_so(window: MainWindow, shop: Shop) -> None:
    from kringloopdesk.gui.pages.weegpost_page import WeegpostPage

    page = show(window, WeegpostPage)
    page.choose_group(page.pad.buttons[0].group)
    page.kg_edit.setText("12,5")
    assert page.book()
    assert status(window).startswith("Geboekt: 12,5 kg ")


def test_a_new_partner_says_so(window: MainWindow, answer_dialog) -> None:
    from kringloopdesk.gui.dialogs.partner_dialog import PartnerDialog
    from kringloopdesk.gui.pages.partners_page import PartnersPage

    def fill_in(dialog: PartnerDialog) -> None:
        dialog.name_edit.setText("Stichting Present")
        dialog.kind_combo.set_value("zorg")
        dialog.accept()
        assert dialog.form.first_problem() is None

    page = show(window, PartnersPage)
    shown = answer_dialog(PartnerDialog, fill_in)
    page.new_partner()
    assert shown[0].saved is not None
    assert status(window) == "Partner toegevoegd"


def test_a_new_item_says_so(window: MainWindow, answer_dialog) -> None:
    from kringloopdesk.gui.dialogs.item_dialog import ItemDialog
    from kringloopdesk.gui.pages.items_page import ItemsPage

    def fill_in(dialog: ItemDialog) -> None:
        dialog.group_combo.setCurrentIndex(1)
        dialog.description_edit.setText("Wasmachine, 7 kg")
        dialog.accept()

    page = show(window, ItemsPage)
    shown = answer_dialog(ItemDialog, fill_in)
    page.new_item()
    assert shown[0].saved is not None
    assert status(window) == f"Artikel {shown[0].saved.item_number} aangemaakt"


def test_a_change_run_from_a_dialog_reaches_the_window(window: MainWindow, qtbot) -> None:
    """A dialog is a window of its own: the note still goes to the main window it is on."""
    dialog = QDialog(window.current_page)
    qtbot.addWidget(dialog)
    assert DatabaseOp(window.ctx, dialog, lambda s: None).message("Opgeslagen").run()
    assert status(window) == "Opgeslagen"
    show_status(None, "Nergens")  # no window: nothing to say it in, and no error
    assert status(window) == "Opgeslagen"
