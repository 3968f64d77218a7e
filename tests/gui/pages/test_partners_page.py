"""Partners: the list (search as you type, the kind filter, the count, the empty state), a
partner made with the keyboard, an agreement with signatories on both sides, validation next to
the field, deleting only after a question, and the agreement's certificate asked for."""

from __future__ import annotations

import datetime as dt
import struct
import zlib

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func
from sqlalchemy import select as sql_select

from kringloopdesk.db.models import Agreement, Partner
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.agreement_dialog import AgreementDialog
from kringloopdesk.gui.dialogs.partner_dialog import PartnerDialog
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.messages import UnsavedChoice
from kringloopdesk.gui.pages.partners_page import PartnersPage
from kringloopdesk.gui.widgets.logo_picker import LogoPicker
from kringloopdesk.services import partners
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.partners import AgreementInput, PartnerInput, SignatoryInput
from tests.gui.helpers import type_into

D = dt.date


def tiny_png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x10\x80\x00\xff\x40"))
            + chunk(b"IEND", b""))


@pytest.fixture
def shop(ctx: AppContext, begeleider: Actor) -> dict[str, int]:
    ids = {}
    with ctx.db.session() as session:
        for data in (
            PartnerInput("Amfors", "sw_bedrijf", city="Amersfoort", contact_name="Erik Hoogendoorn",
                         logo=tiny_png()),
            PartnerInput("Gemeente Leusden", "gemeente", city="Leusden"),
            PartnerInput("ROC Midden Nederland", "school", city="Amersfoort"),
        ):
            ids[data.name] = partners.create_partner(session, begeleider, data).id
        partners.create_agreement(session, begeleider, ids["Amfors"], AgreementInput(
            "Samenwerkingsovereenkomst detachering", signed_date=D(2025, 3, 12),
            place="Amersfoort", valid_from=D(2025, 4, 1), valid_to=D(2028, 3, 31),
            scope="Werkervaringsplekken in winkel en sorteerruimte",
            signatories=(SignatoryInput("winkel", "Marjolein van Dijk", "directeur-bestuurder"),
                         SignatoryInput("partner", "Erik Hoogendoorn", "manager"))))
    return ids


@pytest.fixture
def window(ctx: AppContext, shop, qtbot) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def page(window: MainWindow) -> PartnersPage:
    page = window.page_of(PartnersPage)
    assert isinstance(page, PartnersPage)
    window.show_page(window.pages.index(page))
    assert page.isVisible()
    return page


def shown(page: PartnersPage) -> list[str]:
    return [page.proxy.index(row, 0).data() for row in range(page.proxy.rowCount())]


def select(page: PartnersPage, name: str) -> None:
    page.view.selectRow(shown(page).index(name))
    assert page.partner is not None and page.partner.name == name


def open_dialog(qtbot, dialog) -> None:
    """Shown and active, so that the keyboard reaches it (offscreen, too)."""
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def field_error(dialog, name: str) -> str:
    label = dialog.form._fields[name].error_label
    return label.text() if label.isVisibleTo(dialog) else ""


def test_the_list_filters_and_counts(page: PartnersPage, qtbot, qtmodeltester) -> None:
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    assert shown(page) == ["Amfors", "Gemeente Leusden", "ROC Midden Nederland"]
    assert page.count_label.text() == "3 partners"
    # The first partner is open, with its agreement chosen.
    assert page.partner is not None and page.partner.name == "Amfors"
    assert page.logo_label.pixmap() is not None and not page.logo_label.pixmap().isNull()
    qtmodeltester.check(page.agreements_model)
    assert page.agreements_model.rowCount() == 1
    assert page.selected_agreement_id() is not None
    assert page.shop_signatories.text() == "Marjolein van Dijk (directeur-bestuurder)"
    assert page.partner_signatories.text() == "Erik Hoogendoorn (manager)"
    assert page.agreement_meta.text() == (
        "getekend 12-03-2025 in Amersfoort · geldig 01-04-2025 t/m 31-03-2028")

    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    qtbot.keyClicks(page.search_edit, "amersfoort")  # the city
    qtbot.waitUntil(lambda: shown(page) == ["Amfors", "ROC Midden Nederland"])
    assert page.count_label.text() == "2 van 3 partners"
    page.kind_combo.set_value("school")
    assert shown(page) == ["ROC Midden Nederland"]
    assert page.partner is not None and page.partner.name == "ROC Midden Nederland"
    assert page.agreements_view.isHidden() and not page.no_agreement_label.isHidden()
    page.kind_combo.set_value("uwv")
    assert shown(page) == [] and page.partner is None
    assert page.view.empty_text.startswith("Geen partners gevonden")
    assert page.count_label.text() == "0 van 3 partners"


def test_an_empty_list_says_what_to_do(ctx: AppContext, qtbot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    page = window.page_of(PartnersPage)
    window.show_page(window.pages.index(page))
    assert page.view.empty_text == (
        "Nog geen partners — klik op Nieuwe partner om een organisatie toe te voegen waarmee "
        "de winkel samenwerkt")
    assert page.count_label.text() == "0 partners"


def test_a_new_partner_with_the_keyboard(page: PartnersPage, ctx: AppContext, qtbot,
                                         answer_dialog, monkeypatch, tmp_path) -> None:
    logo_path = tmp_path / "logo.png"  # what the file dialog answers
    monkeypatch.setattr(LogoPicker, "ask_file_name",
                        classmethod(lambda cls, parent: str(logo_path)))

    def fill_in(dialog: PartnerDialog) -> None:
        open_dialog(qtbot, dialog)
        assert not dialog.submit_button.isEnabled()
        assert dialog.blocked_label.text() == "Naam: Verplicht"
        type_into(qtbot, dialog.name_edit, "amfors")  # taken, whatever the case
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
        assert field_error(dialog, "name") == "Er is al een partner met de naam Amfors"
        dialog.name_edit.selectAll()
        qtbot.keyClicks(dialog.name_edit, "Stichting Present")
        assert field_error(dialog, "name") == ""
        dialog.kind_combo.setFocus()
        dialog.kind_combo.set_value("zorg")
        type_into(qtbot, dialog.postcode_edit, "381")
        qtbot.keyClick(dialog.postcode_edit, Qt.Key.Key_Tab)
        assert field_error(dialog, "postcode") == (
            "Postcode: 4 cijfers en 2 letters, bijvoorbeeld 3811 AB")
        assert dialog.blocked_label.text() == (
            "Postcode: 4 cijfers en 2 letters, bijvoorbeeld 3811 AB")
        qtbot.keyClicks(dialog.postcode_edit, "1ab")
        assert field_error(dialog, "postcode") == ""
        type_into(qtbot, dialog.city_edit, "Amersfoort")
        type_into(qtbot, dialog.contact_phone_edit, "06-1234")
        qtbot.keyClick(dialog.contact_phone_edit, Qt.Key.Key_Tab)
        assert field_error(dialog, "contact_phone").startswith("Een Nederlands telefoonnummer")
        qtbot.keyClicks(dialog.contact_phone_edit, "5678")
        # A text file named .png is refused next to the logo.
        logo_path.write_bytes(b"\x89PNG\r\n\x1a\nalleen tekst")
        dialog.logo_picker.choose()
        assert field_error(dialog, "logo") == (
            "Dit bestand is geen bruikbare afbeelding (beschadigd of onvolledig)")
        assert not dialog.submit_button.isEnabled()
        logo_path.write_bytes(tiny_png())
        dialog.logo_picker.choose()
        assert field_error(dialog, "logo") == ""
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    shown_dialogs = answer_dialog(PartnerDialog, fill_in)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(shown_dialogs) == 1 and shown_dialogs[0].saved is not None
    assert shown(page) == ["Amfors", "Gemeente Leusden", "ROC Midden Nederland",
                           "Stichting Present"]
    assert page.partner is not None and page.partner.name == "Stichting Present"
    assert page.partner.postcode == "3811 AB" and page.partner.logo == tiny_png()
    assert page.count_label.text() == "4 partners"
    assert page.window().statusBar().currentMessage() == "Partner toegevoegd"


def test_esc_asks_before_changes_are_lost(page: PartnersPage, qtbot, answer_dialog,
                                          messages) -> None:
    def fill_in(dialog: PartnerDialog) -> None:
        dialog.show()
        dialog.reject()  # nothing changed: closes without a question
        assert messages.unsaved_questions == []

    answer_dialog(PartnerDialog, fill_in)
    page.edit_partner()

    def change_and_escape(dialog: PartnerDialog) -> None:
        open_dialog(qtbot, dialog)
        type_into(qtbot, dialog.city_edit, " Noord")
        messages.unsaved_answer = UnsavedChoice.CANCEL
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()  # stayed, with what was typed
        assert dialog.city_edit.text() == "Amersfoort Noord"
        messages.unsaved_answer = UnsavedChoice.SAVE
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_dialog(PartnerDialog, change_and_escape)
    page.edit_partner()
    assert messages.unsaved_questions == ["de gegevens van Amfors", "de gegevens van Amfors"]
    assert page.partner is not None and page.partner.city == "Amersfoort Noord"


def test_an_agreement_with_signatories(page: PartnersPage, ctx: AppContext, qtbot,
                                       answer_dialog) -> None:
    select(page, "Gemeente Leusden")

    def fill_in(dialog: AgreementDialog) -> None:
        open_dialog(qtbot, dialog)
        editor = dialog.signatories_editor
        # The shop's signatory of the shown agreements is not there (Leusden has none yet);
        # the partner side starts with one empty row.
        assert editor.shop.rows == [] and len(editor.partner.rows) == 1
        type_into(qtbot, dialog.title_edit, "Convenant participatie")
        type_into(qtbot, dialog.signed_edit.edit, "12032025")
        type_into(qtbot, dialog.valid_from_edit.edit, "1-4-2025")
        type_into(qtbot, dialog.valid_to_edit.edit, "31-3-2025")
        qtbot.keyClick(dialog.valid_to_edit.edit, Qt.Key.Key_Tab)
        assert field_error(dialog, "valid_to") == "Op of na de datum 'geldig vanaf'"
        dialog.valid_to_edit.edit.selectAll()
        qtbot.keyClicks(dialog.valid_to_edit.edit, "31-3-2027")
        assert field_error(dialog, "valid_to") == ""
        type_into(qtbot, dialog.scope_edit, "Werkervaringsplekken")
        # A function without a name is refused; a side without anyone is a warning only.
        type_into(qtbot, editor.partner.rows[0].function_edit, "wethouder")
        assert field_error(dialog, "signatories") == (
            "De naam van de ondertekenaar ontbreekt (functie: wethouder)")
        assert not dialog.submit_button.isEnabled()
        type_into(qtbot, editor.partner.rows[0].name_edit, "Lieke Verbeek")
        assert field_error(dialog, "signatories") == ""
        assert "namens de winkel" in dialog.warning_label.text()
        assert dialog.submit_button.isEnabled()
        editor.shop.add_button.click()
        qtbot.keyClicks(editor.shop.rows[0].name_edit, "Marjolein van Dijk")
        editor.partner.add_button.click()
        qtbot.keyClicks(editor.partner.rows[1].name_edit, "Weg ermee")
        editor.partner.rows[1].remove_button.click()
        assert len(editor.partner.rows) == 1
        assert dialog.warning_label.isHidden()
        dialog.accept()

    answer_dialog(AgreementDialog, fill_in)
    page.new_agreement_button.click()
    assert page.agreements_model.rowCount() == 1
    info = page.selected_agreement()
    assert info is not None and info.title == "Convenant participatie"
    assert [(s.side, s.name, s.function) for s in info.signatories] == [
        ("winkel", "Marjolein van Dijk", None), ("partner", "Lieke Verbeek", "wethouder")]
    assert (info.signed_date, info.valid_from, info.valid_to) == (
        D(2025, 3, 12), D(2025, 4, 1), D(2027, 3, 31))
    assert page.usage_label.text().startswith("1 overeenkomst")
    assert page.warning_label.isHidden()


def test_the_certificate_is_asked_for_the_chosen_agreement(page: PartnersPage, qtbot,
                                                          monkeypatch) -> None:
    from kringloopdesk.gui.dialogs.certificate_preview_dialog import CertificatePreviewDialog

    opened: list[int] = []
    monkeypatch.setattr(CertificatePreviewDialog, "for_agreement", classmethod(
        lambda cls, ctx, agreement_id, parent=None: opened.append(agreement_id)))
    agreement_id = page.selected_agreement_id()
    assert agreement_id is not None
    with qtbot.waitSignal(page.agreement_certificate_requested) as signal:
        page.certificate_button.click()
    assert signal.args == [agreement_id] and opened == [agreement_id]


def test_delete_asks_first(page: PartnersPage, ctx: AppContext, qtbot, messages) -> None:
    select(page, "Amfors")
    page.view.setFocus()
    messages.confirm_answer = False
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert messages.confirmations == ["Amfors verwijderen?"]
    assert "Amfors" in shown(page)
    messages.confirm_answer = True
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert shown(page) == ["Gemeente Leusden", "ROC Midden Nederland"]
    with ctx.db.read_session() as session:
        assert session.scalar(sql_select(func.count(Agreement.id))) == 0
        assert session.scalar(sql_select(func.count(Partner.id))) == 2
    assert page.count_label.text() == "2 partners"


def test_deleting_an_agreement_asks_first(page: PartnersPage, qtbot, messages) -> None:
    select(page, "Amfors")
    page.agreements_view.setFocus()
    messages.confirm_answer = False
    qtbot.keyClick(page.agreements_view, Qt.Key.Key_Delete)
    assert messages.confirmations == [
        "De overeenkomst 'Samenwerkingsovereenkomst detachering' verwijderen?"]
    assert page.agreements_model.rowCount() == 1
    messages.confirm_answer = True
    page.delete_agreement_button.click()
    assert page.agreements_model.rowCount() == 0
    assert not page.no_agreement_label.isHidden()


def test_a_partner_with_placements_is_not_deleted(page: PartnersPage, ctx: AppContext,
                                                  beheerder: Actor, shop, messages) -> None:
    from kringloopdesk.services import placements, workers
    from kringloopdesk.services.workers import WorkerInput

    with ctx.db.session() as session:
        worker = workers.create_worker(session, beheerder, WorkerInput(
            number="D-0001", first_name="Anaïs", last_name="Çelik", doelgroep="participatiewet",
            start_date=D(2024, 1, 1)))
        placements.create_placement(session, beheerder, worker.id, "winkel", D(2024, 2, 1), 16,
                                    partner_id=shop["Amfors"])
    page.refresh()
    select(page, "Amfors")
    assert not page.delete_button.isEnabled()
    assert page.delete_button.toolTip() == "Er hoort 1 plaatsing bij deze partner."
    page.delete_partner()  # Delete in the list: said plainly, nothing asked
    assert messages.confirmations == []
    assert messages.texts == [
        "Amfors kan niet worden verwijderd. Er hoort 1 plaatsing bij deze partner. Een partner "
        "blijft bewaard zolang er iets naar verwijst."]
    assert "Amfors" in shown(page)


def test_an_invoer_has_no_partners_page(shop_db, invoer: Actor, qtbot) -> None:
    window = MainWindow(AppContext(shop_db, actor=invoer))
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    assert window.page_of(PartnersPage) is None
