"""Partners (begeleider and beheerder): the organisations the shop works with, and the
samenwerkingsovereenkomsten with each.

On the left the list (search as you type with Ctrl+F, a filter on the kind of organisation,
"Nieuwe partner" with Ctrl+N, Delete asks before it deletes); on the right the chosen partner:
its logo, address and contact person, and its agreements with their signatories. An agreement
opens its samenwerkingscertificaat ("Samenwerkingscertificaat…", the certificate preview of
the Certificaten part); ``agreement_certificate_requested`` tells anyone else who listens.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, CERTIFICATES, PARTNERS, PLACEMENTS, AppContext
from kringloopdesk.gui.dialogs.agreement_dialog import AgreementDialog
from kringloopdesk.gui.dialogs.conflict_dialog import run_versioned
from kringloopdesk.gui.dialogs.partner_dialog import PartnerDialog
from kringloopdesk.gui.formatting import format_number
from kringloopdesk.gui.messages import MessageBox
from kringloopdesk.gui.models.partners_model import (
    AGREEMENT_COLUMN_WIDTHS,
    AGREEMENT_ID_ROLE,
    PARTNER_COLUMN_WIDTHS,
    PARTNER_ID_ROLE,
    AgreementsModel,
    AgreementsView,
    PartnersModel,
    PartnersProxy,
    PartnersView,
)
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.list_view import ROW_HEIGHT
from kringloopdesk.gui.widgets.logo_picker import logo_pixmap
from kringloopdesk.gui.widgets.page import PAGE_MARGIN, Page
from kringloopdesk.gui.widgets.placement_panel import FLAT_BUTTONS, card, small_button
from kringloopdesk.services.partners import (
    AgreementInfo,
    PartnerDetail,
    PartnerFilter,
    PartnerRow,
    count_partners,
    delete_agreement,
    delete_partner,
    describe_signed,
    get_agreement,
    get_partner,
    kind_choices,
    list_agreements,
    list_partners,
)
from kringloopdesk.services.permissions import Permission

SEARCH_DELAY_MS = 150
LOGO_SIZE = 76
MAX_AGREEMENT_ROWS = 5


class PartnersListView(PartnersView):
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.selected_index() is not None:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class AgreementsListView(AgreementsView):
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.selected_index() is not None:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class PartnersPage(Page):
    icon_name = "partners"
    permission = Permission.MANAGE_PARTNERS
    rail_section = "partners"

    # An agreement's certificate was asked for (the id of the agreement).
    agreement_certificate_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.partner: PartnerDetail | None = None
        self.grand_total = 0
        self._stale = True
        colors = current_colors()

        # -- the list ---------------------------------------------------------------------
        self.model = PartnersModel(self)
        self.proxy = PartnersProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = PartnersListView()
        self.view.setModel(self.proxy)
        self.view.set_column_widths(PARTNER_COLUMN_WIDTHS)
        self.view.selectionModel().selectionChanged.connect(self._partner_selected)
        self.view.open_requested.connect(lambda _index: self.edit_partner())
        self.view.delete_requested.connect(self.delete_partner)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Zoeken op naam of plaats (Ctrl+F)"))
        self.search_edit.setToolTip(self.tr("Zoekt in de naam, de plaats en de contactpersoon"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(
            icons.icon("search", colors.muted_text), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.textChanged.connect(lambda _t: self.search_timer.start())
        self.search_edit.returnPressed.connect(self._to_list)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)
        self.kind_combo = ChoiceCombo(kind_choices(), self.tr("Alle soorten"))
        self.kind_combo.setAccessibleName(self.tr("Soort"))
        self.kind_combo.setFixedWidth(170)
        self.kind_combo.value_changed.connect(lambda _v: self.apply_filter())
        self.count_label = QLabel()
        self.count_label.setObjectName("ListCount")
        self.new_button = QPushButton(self.tr("Nieuwe partner"))
        self.new_button.setObjectName("PrimaryButton")
        self.new_button.setIcon(icons.icon("plus", "#ffffff"))
        self.new_button.setToolTip(self.tr("Nieuwe partner (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_partner)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.kind_combo)
        list_pane = QWidget()
        list_column = QVBoxLayout(list_pane)
        list_column.setContentsMargins(0, 0, 8, 0)
        list_column.setSpacing(10)
        list_column.addLayout(filters)
        list_column.addWidget(self.view, 1)
        list_column.addWidget(self.count_label)

        # -- the chosen partner -----------------------------------------------------------
        self.logo_label = QLabel()
        self.logo_label.setObjectName("LogoPreview")
        self.logo_label.setFixedSize(LOGO_SIZE + 12, LOGO_SIZE + 12)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name_label = QLabel()
        self.name_label.setObjectName("DialogTitle")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("PageSubtitle")
        self.address_label = QLabel()
        self.contact_label = QLabel()
        self.usage_label = QLabel()
        self.usage_label.setObjectName("FieldHint")
        for label in (self.address_label, self.contact_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        self.edit_button = small_button(self.tr("&Wijzigen…"), "pencil",
                                        self.tr("Naam, adres, contactpersoon en logo (Enter)"))
        self.edit_button.clicked.connect(self.edit_partner)
        self.delete_button = small_button(self.tr("&Verwijderen"), "trash",
                                          self.tr("Deze partner verwijderen (Delete)"))
        self.delete_button.clicked.connect(self.delete_partner)
        for button in (self.edit_button, self.delete_button):
            button.setStyleSheet(FLAT_BUTTONS)

        partner_card, partner_layout = card(self.tr("Partner"), self.edit_button,
                                            self.delete_button)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.name_label)
        texts.addWidget(self.kind_label)
        texts.addSpacing(6)
        facts = QGridLayout()
        facts.setHorizontalSpacing(16)
        facts.setVerticalSpacing(4)
        address_caption = QLabel(self.tr("Adres"))
        contact_caption = QLabel(self.tr("Contact"))
        for row, (caption, value) in enumerate(((address_caption, self.address_label),
                                                (contact_caption, self.contact_label))):
            caption.setObjectName("FieldHint")
            caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            facts.addWidget(caption, row, 0)
            facts.addWidget(value, row, 1)
        facts.setColumnStretch(1, 1)
        texts.addLayout(facts)
        texts.addWidget(self.usage_label)
        top = QHBoxLayout()
        top.setSpacing(18)
        top.addLayout(texts, 1)
        top.addWidget(self.logo_label, 0, Qt.AlignmentFlag.AlignTop)
        partner_layout.addLayout(top)

        # -- its agreements ---------------------------------------------------------------
        self.agreements_model = AgreementsModel(self)
        self.agreements_proxy = PartnersProxy(self)
        self.agreements_proxy.setSourceModel(self.agreements_model)
        self.agreements_view = AgreementsListView()
        self.agreements_view.setModel(self.agreements_proxy)
        self.agreements_view.set_column_widths(AGREEMENT_COLUMN_WIDTHS)
        self.agreements_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._show_agreement())
        self.agreements_view.open_requested.connect(lambda _index: self.edit_agreement())
        self.agreements_view.delete_requested.connect(self.delete_agreement)
        self.new_agreement_button = small_button(self.tr("Nieuwe &overeenkomst…"), "plus")
        self.new_agreement_button.setStyleSheet(FLAT_BUTTONS)
        self.new_agreement_button.clicked.connect(self.new_agreement)

        self.agreement_title = QLabel()
        self.agreement_title.setObjectName("SectionTitle")
        self.agreement_title.setWordWrap(True)
        self.agreement_meta = QLabel()
        self.agreement_meta.setObjectName("FieldHint")
        self.agreement_meta.setWordWrap(True)
        self.scope_label = QLabel()
        self.scope_label.setWordWrap(True)
        self.scope_label.setTextFormat(Qt.TextFormat.PlainText)
        self.scope_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shop_signatories = QLabel()
        self.partner_signatories = QLabel()
        self.shop_caption = QLabel(self.tr("Namens de winkel"))
        self.partner_caption = QLabel()
        signatories = QGridLayout()
        signatories.setHorizontalSpacing(24)
        signatories.setVerticalSpacing(2)
        for column, (caption, label) in enumerate(
                ((self.shop_caption, self.shop_signatories),
                 (self.partner_caption, self.partner_signatories))):
            caption.setObjectName("FieldHint")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            signatories.addWidget(caption, 0, column)
            signatories.addWidget(label, 1, column)
            signatories.setColumnStretch(column, 1)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(f"color: {colors.danger};")
        self.edit_agreement_button = small_button(self.tr("W&ijzigen…"), "pencil",
                                                  self.tr("Deze overeenkomst wijzigen (Enter)"))
        self.edit_agreement_button.clicked.connect(self.edit_agreement)
        self.delete_agreement_button = small_button(
            self.tr("V&erwijderen"), "trash", self.tr("Deze overeenkomst verwijderen (Delete)"))
        self.delete_agreement_button.clicked.connect(self.delete_agreement)
        self.certificate_button = QPushButton(self.tr("&Samenwerkingscertificaat…"))
        self.certificate_button.setIcon(icons.icon("badge", colors.secondary_text))
        self.certificate_button.setToolTip(self.tr(
            "Het samenwerkingscertificaat van deze overeenkomst bekijken en uitgeven"))
        self.certificate_button.clicked.connect(self._certificate_clicked)
        for button in (self.edit_agreement_button, self.delete_agreement_button):
            button.setStyleSheet(FLAT_BUTTONS)
        title_line = QHBoxLayout()
        title_line.setSpacing(4)
        title_line.addWidget(self.agreement_title, 1)
        title_line.addWidget(self.edit_agreement_button, 0, Qt.AlignmentFlag.AlignTop)
        title_line.addWidget(self.delete_agreement_button, 0, Qt.AlignmentFlag.AlignTop)
        certificate_line = QHBoxLayout()
        certificate_line.addStretch(1)
        certificate_line.addWidget(self.certificate_button)

        self.agreement_box = QWidget()
        box = QVBoxLayout(self.agreement_box)
        box.setContentsMargins(0, 6, 0, 0)
        box.setSpacing(6)
        box.addLayout(title_line)
        box.addWidget(self.agreement_meta)
        box.addWidget(self.scope_label)
        box.addSpacing(4)
        box.addLayout(signatories)
        box.addWidget(self.warning_label)
        box.addSpacing(4)
        box.addLayout(certificate_line)
        self.no_agreement_label = QLabel()
        self.no_agreement_label.setObjectName("FieldHint")
        self.no_agreement_label.setWordWrap(True)

        agreements_card, agreements_layout = card(self.tr("Overeenkomsten"),
                                                  self.new_agreement_button)
        agreements_layout.addWidget(self.agreements_view)
        agreements_layout.addWidget(self.no_agreement_label)
        agreements_layout.addWidget(self.agreement_box)
        agreements_layout.addStretch(1)

        self.detail = QWidget()
        detail_column = QVBoxLayout(self.detail)
        detail_column.setContentsMargins(8, 0, 0, 0)
        detail_column.setSpacing(14)
        detail_column.addWidget(partner_card)
        detail_column.addWidget(agreements_card)
        detail_column.addStretch(1)
        detail_area = QScrollArea()
        detail_area.setWidgetResizable(True)
        detail_area.setFrameShape(QFrame.Shape.NoFrame)
        detail_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail_area.setWidget(self.detail)
        self.nothing_label = QLabel()
        self.nothing_label.setObjectName("FieldHint")
        self.nothing_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing_label.setWordWrap(True)
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.nothing_label)
        self.detail_stack.addWidget(detail_area)
        self.detail_area = detail_area

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(list_pane)
        self.splitter.addWidget(self.detail_stack)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([10_000, 1])  # the list takes what the details leave

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 20)
        column.addWidget(self.splitter, 1)
        subtitle = QLabel(self.tr("De organisaties waarmee de winkel samenwerkt, en de "
                                  "overeenkomsten die met elk zijn getekend"))
        self.set_content(self.make_header(subtitle, [self.new_button]), body, scroll=False)

        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self.new_partner)
        ctx.hub.changed.connect(self._on_changed)
        self._show_partner(None)
        self._update_empty_text()

    def title(self) -> str:
        return self.tr("Partners")

    # -- reading ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changed(self, changes: frozenset[str]) -> None:
        if changes & {PARTNERS, PLACEMENTS, CERTIFICATES}:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        total = query(self.ctx, self, lambda s: count_partners(s, actor))
        self.grand_total = total or 0
        self._stale = False
        self.apply_filter()

    def current_filter(self) -> PartnerFilter:
        kind = self.kind_combo.value
        return PartnerFilter(text=self.search_edit.text().strip(),
                             kind=str(kind) if kind is not None else None)

    def apply_filter(self) -> None:
        self.search_timer.stop()
        actor = self.ctx.actor
        if actor is None:
            return
        flt = self.current_filter()
        rows = query(self.ctx, self, lambda s: list_partners(s, actor, flt))
        chosen = self.partner.id if self.partner is not None else None
        self.model.replace_rows(rows or [])
        self._update_empty_text()
        if chosen is not None and self.select_partner(chosen):
            self._load_partner(chosen)  # read again: counts and agreements may have changed
        elif self.proxy.rowCount():
            self.view.selectRow(0)
        else:
            self._show_partner(None)

    def _update_empty_text(self) -> None:
        filtered = self.current_filter() != PartnerFilter()
        shown = self.model.rowCount()
        total = max(self.grand_total, shown)
        if filtered:
            self.view.set_empty_text(
                self.tr("Geen partners gevonden — pas de zoekopdracht of de soort aan"))
            self.count_label.setText(self.tr("{shown} van {total} partners").format(
                shown=format_number(shown), total=format_number(total)))
        else:
            self.view.set_empty_text(self.tr(
                "Nog geen partners — klik op Nieuwe partner om een organisatie toe te voegen "
                "waarmee de winkel samenwerkt"))
            self.count_label.setText(self.tr("1 partner") if total == 1
                                     else self.tr("{n} partners").format(n=format_number(total)))
        self.nothing_label.setText(
            self.tr("Kies een partner in de lijst") if shown
            else self.tr("Hier komen de gegevens en overeenkomsten van de gekozen partner"))

    def selected_partner_row(self) -> PartnerRow | None:
        index = self.view.selected_index()
        return self.model.row_for(self.proxy.mapToSource(index)) if index is not None else None

    def select_partner(self, partner_id: int) -> bool:
        row = self.model.row_of_id(partner_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.selectionModel().blockSignals(True)
        self.view.selectRow(index.row())
        self.view.selectionModel().blockSignals(False)
        self.view.scrollTo(index)
        return True

    def _partner_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        index = self.view.selected_index()
        partner_id = index.data(PARTNER_ID_ROLE) if index is not None else None
        if partner_id is None:
            self._show_partner(None)
        else:
            self._load_partner(int(partner_id))

    def _load_partner(self, partner_id: int) -> None:
        actor = self.ctx.actor
        found = query(self.ctx, self, lambda s: (get_partner(s, actor, partner_id),
                                                 list_agreements(s, actor, partner_id)))
        if found is None:
            self._show_partner(None)
            return
        self._show_partner(*found)

    def _show_partner(self, partner: PartnerDetail | None,
                      agreements: list[AgreementInfo] | None = None) -> None:
        chosen_agreement = self.selected_agreement_id()
        self.partner = partner
        if partner is None:
            self.detail_stack.setCurrentWidget(self.nothing_label)
            self.agreements_model.replace_rows([])
            self._show_agreement()
            return
        self.detail_stack.setCurrentWidget(self.detail_area)
        self.name_label.setText(partner.name)
        self.kind_label.setText(partner.kind_label)
        self.address_label.setText("\n".join(partner.address_lines) or self.tr("Niet ingevuld"))
        contact = [line for line in (partner.contact_name, partner.contact_email,
                                     partner.contact_phone) if line]
        self.contact_label.setText("\n".join(contact) or self.tr("Niet ingevuld"))
        muted = current_colors().muted_text
        for label, empty in ((self.address_label, not partner.address_lines),
                             (self.contact_label, not contact)):
            label.setStyleSheet(f"color: {muted};" if empty else "")
        self.usage_label.setText(self._usage_text(partner))
        image = logo_pixmap(partner.logo, LOGO_SIZE)
        if image is not None:
            self.logo_label.setPixmap(image)
        else:
            self.logo_label.clear()
            self.logo_label.setText(self.tr("Geen logo"))
        blocked = partner.deletion_blockers
        self.delete_button.setEnabled(blocked is None)
        self.delete_button.setToolTip(blocked or self.tr("Deze partner verwijderen (Delete)"))
        self.partner_caption.setText(self.tr("Namens {partner}").format(partner=partner.name))
        self.agreements_model.replace_rows(agreements or [])
        self._fit_agreements_view()
        self.no_agreement_label.setText(self.tr(
            "Nog geen overeenkomsten — klik op Nieuwe overeenkomst om de getekende "
            "samenwerkingsovereenkomst vast te leggen"))
        self.no_agreement_label.setVisible(not agreements)
        self.agreements_view.setVisible(bool(agreements))
        target = chosen_agreement if chosen_agreement is not None else None
        row = self.agreements_model.row_of_id(target) if target is not None else None
        if row is None and agreements:
            row = 0 if self.agreements_proxy.rowCount() else None
            if row is not None:
                self.agreements_view.selectRow(0)
        elif row is not None:
            index = self.agreements_proxy.mapFromSource(self.agreements_model.index(row, 0))
            self.agreements_view.selectRow(index.row())
        self._show_agreement()
        self._fit_detail_width()

    def _fit_detail_width(self) -> None:
        """The details never narrower than their content (they do not scroll sideways)."""
        needed = (self.detail.minimumSizeHint().width()
                  + self.detail_area.verticalScrollBar().sizeHint().width())
        if needed > self.detail_area.minimumWidth():
            self.detail_area.setMinimumWidth(needed)

    def _fit_agreements_view(self) -> None:
        """As tall as its rows (up to five; then it scrolls): the agreement's details below
        it need the room more than empty lines do."""
        rows = min(max(self.agreements_model.rowCount(), 1), MAX_AGREEMENT_ROWS)
        header = self.agreements_view.horizontalHeader().sizeHint().height()
        self.agreements_view.setFixedHeight(header + rows * ROW_HEIGHT + 4)

    def _usage_text(self, partner: PartnerDetail) -> str:
        parts = [
            self.tr("1 overeenkomst") if partner.agreement_count == 1
            else self.tr("{n} overeenkomsten").format(n=partner.agreement_count),
            self.tr("1 plaatsing") if partner.placement_count == 1
            else self.tr("{n} plaatsingen").format(n=partner.placement_count),
        ]
        if partner.certificate_count:
            parts.append(self.tr("1 certificaat") if partner.certificate_count == 1
                         else self.tr("{n} certificaten").format(n=partner.certificate_count))
        return " · ".join(parts)

    # -- the chosen agreement ---------------------------------------------------------------

    def selected_agreement_id(self) -> int | None:
        """The id of the agreement chosen in the agreements list, or None."""
        if not hasattr(self, "agreements_view"):
            return None
        index = self.agreements_view.selected_index()
        value = index.data(AGREEMENT_ID_ROLE) if index is not None else None
        return int(value) if value is not None else None

    def selected_agreement(self) -> AgreementInfo | None:
        index = self.agreements_view.selected_index()
        if index is None:
            return None
        return self.agreements_model.row_for(self.agreements_proxy.mapToSource(index))

    def _show_agreement(self) -> None:
        info = self.selected_agreement() if self.partner is not None else None
        self.agreement_box.setVisible(info is not None)
        if info is None:
            return
        self.agreement_title.setText(info.title)
        meta = [describe_signed(info)]
        validity = info.validity_text()
        meta.append(self.tr("geldig {period}").format(period=validity) if validity
                    else self.tr("voor onbepaalde tijd"))
        if info.certificate_count:
            meta.append(self.tr("1 certificaat uitgegeven") if info.certificate_count == 1
                        else self.tr("{n} certificaten uitgegeven").format(
                            n=info.certificate_count))
        self.agreement_meta.setText(" · ".join(meta))
        self.scope_label.setText(info.scope or "")
        self.scope_label.setVisible(bool(info.scope))
        self.shop_signatories.setText(
            "\n".join(s.display for s in info.side("winkel")) or "—")
        self.partner_signatories.setText(
            "\n".join(s.display for s in info.side("partner")) or "—")
        self.warning_label.setText("\n".join(info.warnings))
        self.warning_label.setVisible(bool(info.warnings))
        self.delete_agreement_button.setEnabled(info.certificate_count == 0)
        self.delete_agreement_button.setToolTip(
            self.tr("Er is al een certificaat voor deze overeenkomst uitgegeven; die blijft "
                    "daarom bewaard") if info.certificate_count
            else self.tr("Deze overeenkomst verwijderen (Delete)"))

    def _certificate_clicked(self) -> None:
        agreement_id = self.selected_agreement_id()
        if agreement_id is None:
            return
        self.agreement_certificate_requested.emit(agreement_id)
        from kringloopdesk.gui.dialogs.certificate_preview_dialog import (
            CertificatePreviewDialog,
        )

        CertificatePreviewDialog.for_agreement(self.ctx, agreement_id, self)

    # -- changes ----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _to_list(self) -> None:
        self.apply_filter()
        if self.proxy.rowCount():
            self.view.setFocus()

    def new_partner(self) -> None:
        if not self.isVisible():
            return
        dialog = PartnerDialog(self.ctx, self)
        if dialog.ask() and dialog.saved is not None:
            self.partner = dialog.saved
            self.refresh()
            self.view.setFocus()

    def edit_partner(self) -> None:
        if self.partner is None:
            return
        dialog = PartnerDialog(self.ctx, self, partner=self.partner)
        if dialog.ask() and dialog.saved is not None:
            self.refresh()

    def delete_partner(self) -> None:
        partner = self.partner
        actor = self.ctx.actor
        if partner is None or actor is None:
            return
        blocked = partner.deletion_blockers
        if blocked is not None:
            # The service says the same; saying it here spares a question that cannot be
            # answered with yes.
            DatabaseOp(self.ctx, self,
                       lambda s: delete_partner(s, actor, partner.id, partner.version)).run()
            return
        consequences = self.tr("De gegevens en het logo van {name} worden verwijderd.").format(
            name=partner.name)
        if partner.agreement_count:
            consequences += " " + (
                self.tr("De overeenkomst met deze partner wordt ook verwijderd.")
                if partner.agreement_count == 1
                else self.tr("De {n} overeenkomsten met deze partner worden ook verwijderd.")
                .format(n=partner.agreement_count))
        if not MessageBox.confirm(
            self, self.tr("{name} verwijderen?").format(name=partner.name), consequences,
            self.tr("Verwijderen"), destructive=True,
        ):
            return
        done = run_versioned(
            self.ctx, self, lambda s, version: delete_partner(s, actor, partner.id, version),
            partner.version, lambda s: get_partner(s, actor, partner.id).version,
            reload=self.refresh, deleting=True, changes={PARTNERS, AUDIT},
            message=self.tr("{name} verwijderd").format(name=partner.name))
        if done:
            self.partner = None
            self.refresh()

    def _shop_signatory(self) -> tuple[str, str | None] | None:
        """The shop's signatory of the newest agreement shown, to start a new one with."""
        for row in range(self.agreements_model.rowCount()):
            shop = self.agreements_model.row_at(row).side("winkel")
            if shop:
                return shop[0].name, shop[0].function
        return None

    def new_agreement(self) -> None:
        partner = self.partner
        if partner is None:
            return
        dialog = AgreementDialog(self.ctx, self, partner_id=partner.id,
                                 partner_name=partner.name,
                                 shop_signatory=self._shop_signatory())
        if dialog.ask() and dialog.saved is not None:
            self._after_agreement_change(dialog.saved.id)

    def edit_agreement(self) -> None:
        info = self.selected_agreement()
        partner = self.partner
        if info is None or partner is None:
            return
        dialog = AgreementDialog(self.ctx, self, partner_id=partner.id,
                                 partner_name=partner.name, agreement=info)
        if dialog.ask() and dialog.saved is not None:
            self._after_agreement_change(dialog.saved.id)

    def _after_agreement_change(self, agreement_id: int | None) -> None:
        partner = self.partner
        if partner is None:
            return
        self.refresh()
        if agreement_id is not None:
            row = self.agreements_model.row_of_id(agreement_id)
            if row is not None:
                index = self.agreements_proxy.mapFromSource(
                    self.agreements_model.index(row, 0))
                self.agreements_view.selectRow(index.row())

    def delete_agreement(self) -> None:
        info = self.selected_agreement()
        actor = self.ctx.actor
        if info is None or actor is None:
            return
        if info.certificate_count == 0 and not MessageBox.confirm(
            self, self.tr("De overeenkomst '{title}' verwijderen?").format(title=info.title),
            self.tr("De overeenkomst en haar ondertekenaars worden verwijderd."),
            self.tr("Verwijderen"), destructive=True,
        ):
            return
        done = run_versioned(
            self.ctx, self, lambda s, version: delete_agreement(s, actor, info.id, version),
            info.version, lambda s: get_agreement(s, actor, info.id).version,
            reload=self.refresh, deleting=True, changes={PARTNERS, AUDIT},
            message=self.tr("Overeenkomst verwijderd"))
        if done:
            self.agreements_view.clearSelection()
            self.refresh()

    def open_partner(self, partner_id: int) -> None:
        """Show one partner (from elsewhere in the app)."""
        if self.select_partner(partner_id):
            self._load_partner(partner_id)
