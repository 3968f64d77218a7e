"""Certificaten (begeleider and beheerder): the registry of every certificate the shop issued.

The list filters as you type (serial, code or name; Ctrl+F) and on kind and year; revoked
certificates can be hidden. A revoked one stays in the registry, marked red with its reason.
From here: Intrekken… (with a reason), Opnieuw uitgeven… (a new serial that refers to the old
one, which is revoked), Controleren… (the verify dialog, also for a PDF someone sent), Batch…
(every placement that ended in a period) and the public key for checking without the shop.
Enter or a double-click on a row shows what verification says about that certificate.

Certificates themselves are issued from a placement (Certificaat… in the worker's record) or an
agreement (Partners); the registry keeps no files, so a lost file is replaced by a reissue.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.db.codes import CERTIFICATE_KINDS
from kringloopdesk.errors import UserError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import CERTIFICATES, AppContext
from kringloopdesk.gui.dialogs.certificate_batch_dialog import CertificateBatchDialog
from kringloopdesk.gui.dialogs.certificate_preview_dialog import CertificatePreviewDialog
from kringloopdesk.gui.dialogs.file_dialog import FileDialog, safe_file_name
from kringloopdesk.gui.dialogs.revoke_certificate_dialog import RevokeCertificateDialog
from kringloopdesk.gui.dialogs.verify_dialog import VerifyDialog
from kringloopdesk.gui.messages import MessageBox, show_status
from kringloopdesk.gui.models.certificates_model import (
    CertificatesModel,
    CertificatesProxy,
    CertificatesView,
)
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.lazy_list_page import LazyListPage
from kringloopdesk.gui.widgets.page import PAGE_MARGIN
from kringloopdesk.i18n import current_language
from kringloopdesk.reports.ords import write_atomically
from kringloopdesk.services.certificates import (
    CertificateFilter,
    CertificateRow,
    IssuedCertificate,
    count_certificates,
    list_certificates,
    public_key_pem,
    reissue_certificate,
)
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.setup import get_shop
from kringloopdesk.services.workers import Choice

# The year filter offers this many years back from now.
YEARS_BACK = 10


class CertificatesPage(LazyListPage):
    icon_name = "shield"
    permission = Permission.ISSUE_CERTIFICATES
    rail_section = "partners"
    filter_type = CertificateFilter
    stale_on = frozenset({CERTIFICATES})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        colors = current_colors()

        self.model = CertificatesModel(self._load, self._count, self)
        self.proxy = CertificatesProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = CertificatesView()
        self.view.setModel(self.proxy)
        self.view.prepare_columns()
        # Enter or a double-click: what verification says about this one, in full.
        self.view.open_requested.connect(lambda _index: self.verify_selected())
        self._connect_count()
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.proxy.modelReset.connect(self._update_actions)

        self._build_search(max_width=380, on_return=self.apply_filter)
        self.verify_button = QPushButton(self.tr("&Controleren…"))
        self.verify_button.setObjectName("PrimaryButton")
        self.verify_button.setIcon(icons.icon("shield", "#ffffff"))
        self.verify_button.setToolTip(self.tr(
            "Controleren of een certificaat (PDF of code) echt en nog geldig is"))
        self.verify_button.clicked.connect(self.verify)

        language = current_language()
        self.kind_combo = ChoiceCombo(
            [Choice(code, CERTIFICATE_KINDS.label(code, language)) for code in CERTIFICATE_KINDS],
            self.tr("Alle soorten"))
        self.kind_combo.setAccessibleName(self.tr("Soort"))
        this_year = dt.date.today().year
        self.year_combo = ChoiceCombo(
            [Choice(year, str(year)) for year in range(this_year, this_year - YEARS_BACK, -1)],
            self.tr("Alle jaren"))
        self.year_combo.setAccessibleName(self.tr("Jaar"))
        for combo in (self.kind_combo, self.year_combo):
            combo.setMinimumWidth(130)
            combo.setMaximumWidth(240)
            combo.value_changed.connect(lambda _v: self.apply_filter())
        self.revoked_check = QCheckBox(self.tr("Ingetrokken certificaten tonen"))
        self.revoked_check.setChecked(True)
        self.revoked_check.toggled.connect(lambda _c: self.apply_filter())
        self._build_clear_button(self.tr("Filter &wissen"))

        def action(text: str, icon: str, slot, tip: str) -> QPushButton:
            button = QPushButton(text)
            button.setIcon(icons.icon(icon, colors.muted_text))
            button.setToolTip(tip)
            button.clicked.connect(slot)
            return button

        self.revoke_button = action(
            self.tr("&Intrekken…"), "flag", self.revoke_selected,
            self.tr("Het gekozen certificaat ongeldig maken, met een reden"))
        self.reissue_button = action(
            self.tr("&Opnieuw uitgeven…"), "refresh", self.reissue_selected,
            self.tr("Een nieuw certificaat met een nieuw nummer; het oude wordt ingetrokken"))
        self.batch_button = action(
            self.tr("&Batch…"), "calendar", self.open_batch,
            self.tr("Certificaten voor alle plaatsingen die in een periode zijn geëindigd"))
        self.key_button = action(
            self.tr("&Publieke sleutel exporteren…"), "key", self.export_public_key,
            self.tr("Het bestand waarmee anderen certificaten zonder de winkel kunnen "
                    "controleren"))

        top = self._top_row(self.verify_button)
        filters, _filter_icon = self._filter_row()
        filters.addWidget(self.kind_combo, 1)
        filters.addWidget(self.year_combo, 1)
        filters.addWidget(self.revoked_check)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.revoke_button)
        actions.addWidget(self.reissue_button)
        actions.addStretch(1)
        actions.addWidget(self.batch_button)
        actions.addWidget(self.key_button)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 20)
        column.setSpacing(10)
        column.addLayout(top)
        column.addLayout(filters)
        column.addLayout(actions)
        column.addWidget(self.view, 1)
        subtitle = QLabel(self.tr("Elk uitgegeven certificaat: controleren, intrekken en "
                                  "opnieuw uitgeven"))
        self.set_content(self.make_header(subtitle), body, scroll=False)

        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)
        ctx.hub.changed.connect(self._on_changed)
        self._update_empty_text()
        self._update_actions()

    def title(self) -> str:
        return self.tr("Certificaten")

    def search_placeholder(self) -> str:
        return self.tr("Zoeken op nummer, code of naam (Ctrl+F)")

    def count_texts(self) -> tuple[str, str, str]:
        return (self.tr("1 certificaat"), self.tr("{n} certificaten"),
                self.tr("{shown} van {total} certificaten"))

    # -- loading ----------------------------------------------------------------------------

    def load_rows(self, s, actor, flt: CertificateFilter, offset: int,
                  limit: int) -> list[CertificateRow]:
        return list_certificates(s, actor, flt, offset=offset, limit=limit)

    def count_rows(self, s, actor, flt: CertificateFilter) -> int:
        return count_certificates(s, actor, flt)

    def count_all(self, s, actor) -> int:
        return count_certificates(s, actor)

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        selected = self.selected_certificate()
        self._read_grand_total(actor)
        self.model.set_filter(self.current_filter())
        self._update_empty_text()
        if selected is not None:
            self.select_serial(selected.serial)

    # -- filtering --------------------------------------------------------------------------

    def current_filter(self) -> CertificateFilter:
        kind, year = self.kind_combo.value, self.year_combo.value
        return CertificateFilter(
            text=self.search_edit.text().strip(),
            kind=str(kind) if kind is not None else None,
            year=int(year) if year is not None else None,
            include_revoked=self.revoked_check.isChecked(),
        )

    def clear_filter(self) -> None:
        widgets = (self.kind_combo, self.year_combo, self.revoked_check, self.search_edit)
        for widget in widgets:
            widget.blockSignals(True)
        self.kind_combo.set_value(None)
        self.year_combo.set_value(None)
        self.revoked_check.setChecked(True)
        self.search_edit.clear()
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filter()

    def _update_empty_text(self) -> None:
        if self._filtered():
            text = self.tr("Geen certificaten gevonden — pas de zoekopdracht of de filters aan")
        else:
            text = self.tr(
                "Nog geen certificaten — geef er een uit met Certificaat… bij de plaatsing van "
                "een deelnemer, bij een samenwerkingsovereenkomst, of met Batch…")
        self.view.set_empty_text(text)
        self._update_count()

    # -- the selection ----------------------------------------------------------------------

    def selected_certificate(self) -> CertificateRow | None:
        return self._selected_source_row()

    def select_serial(self, serial: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).serial == serial:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                self.view.selectRow(index.row())
                self.view.scrollTo(index)
                return

    def _update_actions(self) -> None:
        chosen = self.selected_certificate()
        self.revoke_button.setEnabled(chosen is not None and chosen.revoked_at is None)
        self.reissue_button.setEnabled(chosen is not None and chosen.replaced_by_serial is None)
        if chosen is not None and chosen.revoked_at is not None:
            self.revoke_button.setToolTip(self.tr("Dit certificaat is al ingetrokken"))
        else:
            self.revoke_button.setToolTip(
                self.tr("Het gekozen certificaat ongeldig maken, met een reden"))
        if chosen is not None and chosen.replaced_by_serial is not None:
            self.reissue_button.setToolTip(self.tr("Al vervangen door {serial}").format(
                serial=chosen.replaced_by_serial))
        else:
            self.reissue_button.setToolTip(self.tr(
                "Een nieuw certificaat met een nieuw nummer; het oude wordt ingetrokken"))

    # -- actions ----------------------------------------------------------------------------

    def revoke_selected(self) -> None:
        chosen = self.selected_certificate()
        if chosen is None or chosen.revoked_at is not None:
            return
        dialog = RevokeCertificateDialog(self.ctx, chosen, self)
        if dialog.ask() and dialog.revoked is not None:
            show_status(self, self.tr("Certificaat {serial} ingetrokken").format(
                serial=chosen.serial))
            self.select_serial(chosen.serial)
        dialog.deleteLater()

    def reissue_selected(self) -> IssuedCertificate | None:
        chosen = self.selected_certificate()
        actor = self.ctx.actor
        if chosen is None or actor is None or chosen.replaced_by_serial is not None:
            return None
        if chosen.revoked_at is None:
            consequences = self.tr(
                "Er komt een nieuw certificaat met een nieuw nummer en de gegevens van nu. "
                "{serial} wordt ingetrokken met de reden ‘Vervangen door’ het nieuwe nummer; "
                "wie het oude controleert, ziet dat het is ingetrokken.").format(
                serial=chosen.serial)
        else:
            consequences = self.tr(
                "Er komt een nieuw certificaat met een nieuw nummer en de gegevens van nu, dat "
                "naar {serial} verwijst. {serial} blijft ingetrokken.").format(
                serial=chosen.serial)
        if not MessageBox.confirm(
            self,
            self.tr("Certificaat {serial} opnieuw uitgeven?").format(serial=chosen.serial),
            consequences,
            self.tr("Opnieuw uitgeven"),
        ):
            return None
        issued: list[IssuedCertificate] = []
        serial = chosen.serial
        DatabaseOp(self.ctx, self, lambda s: reissue_certificate(s, actor, serial),
                   changes={CERTIFICATES}).success(issued.append).message(
            self.tr("Certificaat {serial} opnieuw uitgegeven").format(serial=serial)).run()
        if not issued:
            return None
        CertificatePreviewDialog.for_issued(self.ctx, issued[0], self)
        self.select_serial(issued[0].serial)
        return issued[0]

    def verify(self) -> None:
        VerifyDialog.open_for(self.ctx, self)

    def verify_selected(self) -> None:
        chosen = self.selected_certificate()
        if chosen is not None:
            VerifyDialog.open_for(self.ctx, self, text=chosen.serial)

    def open_batch(self) -> None:
        CertificateBatchDialog.open_for(self.ctx, self)

    def export_public_key(self) -> None:
        """Save the public key (PEM) that lets others check a certificate without the shop."""
        found = query(self.ctx, self, lambda s: (public_key_pem(s), get_shop(s)))
        if found is None:
            return
        pem, shop = found
        name = safe_file_name(self.tr("{shop} publieke sleutel").format(shop=shop.name))
        path = FileDialog.save_file(self, self.tr("Publieke sleutel opslaan"), f"{name}.pem",
                                    self.tr("Publieke sleutel (*.pem)"))
        if path is None:
            return
        if path.suffix.lower() != ".pem":
            path = path.with_name(path.name + ".pem")
        try:
            write_atomically(path, pem)
        except OSError as error:
            MessageBox.show_user_error(self, UserError(self.tr(
                "De sleutel kan niet worden opgeslagen in {path}: {problem}. Kies een andere "
                "map.").format(path=path, problem=error.strerror or error)))
            return
        show_status(self, self.tr("Publieke sleutel opgeslagen: {path}").format(path=path))
