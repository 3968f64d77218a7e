"""Certificaten: the registry list (models, search, filters, count, empty state, revoked rows
marked), revoke with a reason, reissue (the old one revoked, the new one previewed), the
public key, and who sees the page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor

from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.certificate_batch_dialog import CertificateBatchDialog
from kringloopdesk.gui.dialogs.certificate_preview_dialog import CertificatePreviewDialog
from kringloopdesk.gui.dialogs.revoke_certificate_dialog import RevokeCertificateDialog
from kringloopdesk.gui.dialogs.verify_dialog import VerifyDialog
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.models.certificates_model import CertificatesModel
from kringloopdesk.gui.pages.certificates_page import CertificatesPage
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.services.certificates import (
    CertificateFilter,
    count_certificates,
    issue_participation,
    list_certificates,
    verify_code,
)
from tests.gui.helpers import type_into
from tests.gui.workers_data import Shop, make_people

YEAR = dt.date.today().year
FIRST, SECOND = f"KAL-{YEAR}-0001", f"KAL-{YEAR}-0002"


@pytest.fixture
def people(ctx: AppContext) -> Shop:
    return make_people(ctx.db, ctx.actor)


@pytest.fixture
def issued(ctx: AppContext, people: Shop) -> list[str]:
    """Anaïs's certificate (0001), then Jan's (0002)."""
    serials = []
    with ctx.db.session() as session:
        for placement in (people.anais_placement, people.jan_placement):
            serials.append(issue_participation(session, ctx.actor, placement).serial)
    return serials


def make_page(ctx: AppContext, qtbot) -> CertificatesPage:
    widget = CertificatesPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def page(ctx: AppContext, issued, qtbot) -> CertificatesPage:
    return make_page(ctx, qtbot)


def shown(page: CertificatesPage) -> list[str]:
    return [page.proxy.index(row, 0).data() for row in range(page.proxy.rowCount())]


def select(page: CertificatesPage, serial: str) -> None:
    row = shown(page).index(serial)
    page.view.selectionModel().select(
        page.proxy.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def cell(page: CertificatesPage, serial: str, column: str, role=Qt.ItemDataRole.DisplayRole):
    row = shown(page).index(serial)
    return page.proxy.index(row, page.model.column_of(column)).data(role)


def test_the_models_pass_the_model_tester(page: CertificatesPage, ctx: AppContext,
                                          qtmodeltester) -> None:
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    assert sorted(shown(page)) == [FIRST, SECOND]
    assert page.count_label.text() == "2 certificaten"
    assert cell(page, FIRST, "status") == "Geldig"
    assert cell(page, FIRST, "subject") == "Anaïs Çelik"
    assert cell(page, FIRST, "kind") == "Certificaat van deelname"
    # A model of its own, loading one row a window.

    def load(flt, offset, limit):
        with ctx.db.read_session() as session:
            return list_certificates(session, ctx.actor, flt, offset=offset, limit=limit)

    def count(flt):
        with ctx.db.read_session() as session:
            return count_certificates(session, ctx.actor, flt)

    model = CertificatesModel(load, count)
    model.batch_size = 1
    qtmodeltester.check(model)
    model.set_filter(CertificateFilter())
    assert model.rowCount() == 1 and model.canFetchMore()
    model.fetchMore()
    qtmodeltester.check(model)
    assert sorted(model.index(r, 0).data() for r in range(model.rowCount())) == [FIRST, SECOND]


def test_search_and_filters(page: CertificatesPage, ctx: AppContext, qtbot) -> None:
    type_into(qtbot, page.search_edit, "jan de")
    qtbot.waitUntil(lambda: shown(page) == [SECOND])
    assert page.count_label.text() == "1 van 2 certificaten"
    page.clear_filter()
    assert sorted(shown(page)) == [FIRST, SECOND]
    # The code printed on the paper finds it too.
    with ctx.db.read_session() as session:
        code = verify_code(session, FIRST).code
    page.search_edit.setText(code)
    page.apply_filter()
    assert shown(page) == [FIRST]
    page.clear_filter()
    page.kind_combo.set_value("samenwerking")
    assert shown(page) == []
    assert page.view.empty_text.startswith("Geen certificaten gevonden")
    page.kind_combo.set_value("deelname")
    assert len(shown(page)) == 2
    page.year_combo.set_value(YEAR - 1)
    assert shown(page) == [] and page.count_label.text() == "0 van 2 certificaten"
    page.year_combo.set_value(YEAR)
    assert len(shown(page)) == 2
    # Ctrl+F focuses the search.
    page.view.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()


def test_the_empty_registry_says_what_to_do(ctx: AppContext, qtbot) -> None:
    page = make_page(ctx, qtbot)
    assert page.proxy.rowCount() == 0
    assert page.view.empty_text.startswith("Nog geen certificaten — geef er een uit met "
                                           "Certificaat…")
    assert page.count_label.text() == "0 certificaten"
    assert not page.revoke_button.isEnabled() and not page.reissue_button.isEnabled()


def test_revoke_with_a_reason(page: CertificatesPage, ctx: AppContext, qtbot,
                              answer_dialog) -> None:
    assert not page.revoke_button.isEnabled()
    select(page, FIRST)
    assert page.revoke_button.isEnabled()
    problems: list[str] = []

    def revoke(dialog: RevokeCertificateDialog) -> None:
        assert FIRST in dialog.heading_label.text()
        assert "Anaïs Çelik" in dialog.intro_label.text()
        dialog.accept()  # no reason yet: refused, the dialog stays
        problems.append(dialog.error_label.text())
        assert dialog.result() == 0 and not dialog.submit_button.isEnabled()
        type_into(qtbot, dialog.reason_edit, "Uren verkeerd opgeteld")
        assert dialog.submit_button.isEnabled()
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    shown_dialogs = answer_dialog(RevokeCertificateDialog, revoke)
    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    assert problems == ["Reden: Vul een reden in"]
    assert shown_dialogs[0].revoked is not None
    # The row is marked: red, bold status; the reason in the tooltip; the rest muted.
    qtbot.waitUntil(lambda: cell(page, FIRST, "status") == "Ingetrokken")
    assert cell(page, FIRST, "status", Qt.ItemDataRole.ForegroundRole) == QColor(
        current_colors().danger)
    assert cell(page, FIRST, "subject", Qt.ItemDataRole.ForegroundRole) == QColor(
        current_colors().muted_text)
    assert cell(page, FIRST, "status", Qt.ItemDataRole.FontRole).bold()
    assert "Uren verkeerd opgeteld" in cell(page, FIRST, "status", Qt.ItemDataRole.ToolTipRole)
    assert cell(page, SECOND, "status") == "Geldig"
    assert cell(page, SECOND, "status", Qt.ItemDataRole.ForegroundRole) is None
    # Revoked cannot be revoked again; the toggle hides it.
    select(page, FIRST)
    assert not page.revoke_button.isEnabled()
    page.revoked_check.setChecked(False)
    assert shown(page) == [SECOND]
    assert page.count_label.text() == "1 van 2 certificaten"


def test_reissue_revokes_the_old_and_previews_the_new(
        page: CertificatesPage, ctx: AppContext, qtbot, answer_dialog, messages,
        tmp_path: Path) -> None:
    select(page, FIRST)
    messages.save_paths.append(tmp_path / "nieuw.pdf")
    seen: list[tuple] = []

    def save_and_close(dialog: CertificatePreviewDialog) -> None:
        issued = dialog.issued
        seen.append((issued.serial, issued.replaces_serial, dialog.document.pageCount(),
                     dialog.issue_button.isHidden(), dialog.save_button.isEnabled()))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    answer_dialog(CertificatePreviewDialog, save_and_close)
    new = f"KAL-{YEAR}-0003"
    qtbot.mouseClick(page.reissue_button, Qt.MouseButton.LeftButton)
    assert messages.confirmations == [f"Certificaat {FIRST} opnieuw uitgeven?"]
    assert seen == [(new, FIRST, 1, True, True)]
    assert (tmp_path / "nieuw.pdf").exists()
    qtbot.waitUntil(lambda: len(shown(page)) == 3)
    assert cell(page, FIRST, "status") == "Ingetrokken"
    assert f"Vervangen door {new}" in cell(page, FIRST, "status", Qt.ItemDataRole.ToolTipRole)
    assert f"Vervangt {FIRST}" in cell(page, new, "status", Qt.ItemDataRole.ToolTipRole)
    assert page.selected_certificate().serial == new
    # The old one cannot be replaced a second time.
    select(page, FIRST)
    assert not page.reissue_button.isEnabled()
    assert messages.user_errors == []


def test_reissue_asked_and_declined_changes_nothing(page: CertificatesPage, ctx: AppContext,
                                                    messages) -> None:
    select(page, SECOND)
    messages.confirm_answer = False
    assert page.reissue_selected() is None
    assert sorted(shown(page)) == [FIRST, SECOND]
    with ctx.db.read_session() as session:
        assert count_certificates(session, ctx.actor) == 2


def test_the_public_key_export(page: CertificatesPage, messages, tmp_path: Path) -> None:
    messages.save_paths.append(tmp_path / "sleutel")
    page.key_button.click()
    assert messages.save_questions == ["Kringloop Amersfoort-Leusden publieke sleutel.pem"]
    assert (tmp_path / "sleutel.pem").read_text().startswith("-----BEGIN PUBLIC KEY-----")
    assert messages.user_errors == []


def test_verify_and_batch_open_from_the_page(page: CertificatesPage, answer_dialog) -> None:
    answer_dialog(VerifyDialog, lambda dialog: dialog.reject())
    opened = answer_dialog(CertificateBatchDialog, lambda dialog: dialog.reject())
    page.verify_button.click()
    page.batch_button.click()
    assert [type(dialog) for dialog in opened] == [VerifyDialog, CertificateBatchDialog]


def test_enter_on_a_row_shows_its_verification(page: CertificatesPage, qtbot,
                                               answer_dialog) -> None:
    verdicts: list[tuple[str, str]] = []
    answer_dialog(VerifyDialog, lambda dialog: verdicts.append(
        (dialog.code_edit.text(), dialog.verdict_label.text())))
    select(page, SECOND)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert verdicts == [(SECOND, "Echt")]


def test_who_sees_the_page(shop_db, beheerder, begeleider, invoer, qtbot) -> None:
    for actor, expected in ((beheerder, True), (begeleider, True), (invoer, False)):
        window = MainWindow(AppContext(shop_db, actor=actor))
        qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
        assert (window.page_of(CertificatesPage) is not None) is expected
        assert ("Certificaten" in [b.text() for b in window.rail.buttons]) is expected
