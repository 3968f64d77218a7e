"""Artikelen: tagged items — the list, the scan field, and what is done with an item.

A barcode scanner is a keyboard: it types the number and Enter into the scan field (which has
the focus when the page opens), and the item opens at once. The list filters as you type
(number, description, brand, model, serial number) and on product group, status and "elektrisch,
nog niet goedgekeurd"; sorting and windows of 200 rows come from the database. Enter or a
double-click opens an item; the buttons act on the selected row(s): status, labels (one
62 × 29 mm label per item, or an A4 sheet for the selection), a repair, a safety test.

When the sale rule refuses te koop or verkocht, the status form shows the service's reason and
offers "Veiligheidstest vastleggen…", which opens the test form for that item.

"ORDS exporteren…" (only for a role with ``Permission.EXPORT_AGGREGATES``) asks the year and
the file and writes every repair of that year in the Open Repair Data Standard, through the
same service and report code as ``python main.py export ords`` (docs/ords.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.db.codes import ITEM_STATUSES
from kringloopdesk.errors import UserError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import GOODS, AppContext
from kringloopdesk.gui.dialogs.file_dialog import FileDialog, safe_file_name
from kringloopdesk.gui.dialogs.item_dialog import ItemDialog, ItemStatusDialog
from kringloopdesk.gui.dialogs.ords_export_dialog import OrdsExportDialog
from kringloopdesk.gui.dialogs.repair_dialog import RepairDialog
from kringloopdesk.gui.dialogs.safety_test_dialog import SafetyTestDialog
from kringloopdesk.gui.formatting import format_number
from kringloopdesk.gui.messages import MessageBox, show_status
from kringloopdesk.gui.models.items_model import (
    ITEM_ID_ROLE,
    ItemQuery,
    ItemsModel,
    ItemsProxy,
    ItemsView,
)
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.lazy_list_page import LazyListPage
from kringloopdesk.gui.widgets.page import PAGE_MARGIN
from kringloopdesk.i18n import current_language
from kringloopdesk.reports.ords import ords_csv, write_atomically
from kringloopdesk.services.items import (
    ItemDetail,
    ItemFilter,
    ItemListRow,
    count_items,
    find_item,
    get_item,
    items_for_labels,
    list_items,
    product_group_choices,
)
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.repairs import ords_data
from kringloopdesk.services.setup import get_shop
from kringloopdesk.services.workers import Choice

if TYPE_CHECKING:
    from kringloopdesk.reports.labels import LabelData


def label_data(item: ItemDetail) -> LabelData:
    from kringloopdesk.reports.labels import LabelData  # ReportLab only when printing

    test = item.latest_test
    tested = test.test_date if item.electrical and test is not None and test.passed else None
    return LabelData(item.item_number, item.description, item.price_cents, tested)


class ItemsPage(LazyListPage):
    icon_name = "badge"
    permission = Permission.REGISTER_GOODS
    rail_section = "goods"
    filter_type = ItemFilter
    stale_on = frozenset({GOODS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        colors = current_colors()

        self.model = ItemsModel(self._load, self._count, self)
        self.proxy = ItemsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = ItemsView()
        self.view.setModel(self.proxy)
        self.view.prepare_columns()
        self.view.open_requested.connect(lambda index: self._open_id(index.data(ITEM_ID_ROLE)))
        self._connect_count()
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())

        self.scan_edit = QLineEdit()
        self.scan_edit.setObjectName("ScanField")
        self.scan_edit.setPlaceholderText(self.tr("Scan of typ een artikelnummer + Enter"))
        self.scan_edit.setAccessibleName(self.tr("Artikelnummer scannen"))
        self.scan_edit.addAction(icons.icon("badge", colors.muted_text),
                                 QLineEdit.ActionPosition.LeadingPosition)
        self.scan_edit.setMinimumWidth(300)
        self.scan_edit.setMaximumWidth(340)
        self.scan_edit.returnPressed.connect(self.scan_entered)
        self.scan_message = QLabel()
        self.scan_message.setObjectName("FieldError")
        self.scan_message.hide()

        self._build_search()
        self.new_button = QPushButton(self.tr("Nieuw artikel"))
        self.new_button.setObjectName("PrimaryButton")
        self.new_button.setIcon(icons.icon("plus", "#ffffff"))
        self.new_button.setToolTip(self.tr("Nieuw artikel (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_item)

        language = current_language()
        self.group_combo = ChoiceCombo((), self.tr("Alle productgroepen"))
        self.group_combo.setAccessibleName(self.tr("Productgroep"))
        self.status_combo = ChoiceCombo(
            [Choice(code, ITEM_STATUSES.label(code, language)) for code in ITEM_STATUSES],
            self.tr("Alle statussen"))
        self.status_combo.setAccessibleName(self.tr("Status"))
        for combo in (self.group_combo, self.status_combo):
            combo.setMinimumWidth(150)
            combo.setMaximumWidth(260)
            combo.value_changed.connect(lambda _v: self.apply_filter())
        self.untested_check = QCheckBox(self.tr("Elektrisch, nog niet goedgekeurd"))
        self.untested_check.toggled.connect(lambda _c: self.apply_filter())
        self._build_clear_button(self.tr("Filter &wissen"))

        def action(text: str, icon: str, slot, tip: str) -> QPushButton:
            button = QPushButton(text)
            button.setIcon(icons.icon(icon, colors.muted_text))
            button.setToolTip(tip)
            button.clicked.connect(slot)
            return button

        self.open_button = action(self.tr("&Openen"), "pencil", self.open_selected,
                                  self.tr("Het gekozen artikel openen (Enter)"))
        self.status_button = action(self.tr("&Status…"), "flag", self.change_status,
                                    self.tr("Te koop zetten, verkopen, afvoeren"))
        self.label_button = action(self.tr("&Etiket…"), "printer", self.print_labels,
                                   self.tr("Etiket 62 × 29 mm voor de labelprinter, als PDF "
                                           "(Ctrl+P)"))
        self.sheet_button = action(self.tr("&A4-vel…"), "printer", self.print_sheet,
                                   self.tr("Etiketten van de gekozen artikelen op een A4-vel "
                                           "(3 × 8, 70 × 37 mm), als PDF"))
        self.repair_button = action(self.tr("&Reparatie…"), "settings", self.new_repair,
                                    self.tr("Een reparatie vastleggen"))
        self.test_button = action(self.tr("&Veiligheidstest…"), "shield", self.new_safety_test,
                                  self.tr("Een elektrische veiligheidstest vastleggen"))
        self.action_buttons = (self.open_button, self.status_button, self.label_button,
                               self.sheet_button, self.repair_button, self.test_button)
        self.ords_button = action(self.tr("ORDS e&xporteren…"), "download", self.export_ords,
                                  self.tr("Alle reparaties van een jaar als CSV in de Open "
                                          "Repair Data Standard"))
        # Hide only: shown without a parent yet, it would flash as a window.
        if not ctx.may(Permission.EXPORT_AGGREGATES):
            self.ords_button.hide()

        scan_column = QVBoxLayout()
        scan_column.setSpacing(2)
        scan_column.addWidget(self.scan_edit)
        scan_column.addWidget(self.scan_message)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addLayout(scan_column)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        top.addStretch(0)
        top.addWidget(self.new_button)
        filters, _filter_icon = self._filter_row()
        filters.addWidget(self.group_combo, 1)
        filters.addWidget(self.status_combo, 1)
        filters.addWidget(self.untested_check)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for button in self.action_buttons:
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.ords_button)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 20)
        column.setSpacing(10)
        column.addLayout(top)
        column.addLayout(filters)
        column.addLayout(actions)
        column.addWidget(self.view, 1)
        subtitle = QLabel(self.tr("Goederen met een eigen nummer en etiket: registreren, "
                                  "keuren, repareren en verkopen"))
        self.set_content(self.make_header(subtitle), body, scroll=False)

        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self.new_item)
        QShortcut(QKeySequence.StandardKey.Print, self).activated.connect(self.print_labels)
        ctx.hub.changed.connect(self._on_changed)
        self._update_actions()

    def title(self) -> str:
        return self.tr("Artikelen")

    def search_placeholder(self) -> str:
        return self.tr("Zoeken: nummer, omschrijving, merk, type of serienummer (Ctrl+F)")

    def count_texts(self) -> tuple[str, str, str]:
        return (self.tr("1 artikel"), self.tr("{n} artikelen"),
                self.tr("{shown} van {total} artikelen"))

    # -- loading ----------------------------------------------------------------------------

    def load_rows(self, s, actor, q: ItemQuery, offset: int,
                  limit: int) -> list[ItemListRow]:
        return list_items(s, actor, q.filter, q.sort, offset=offset, limit=limit)

    def count_rows(self, s, actor, q: ItemQuery) -> int:
        return count_items(s, actor, q.filter)

    def count_all(self, s, actor) -> int:
        return count_items(s, actor)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scan_edit.setFocus()

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        groups = query(self.ctx, self, lambda s: product_group_choices(s, actor))
        if groups is not None:
            self.group_combo.blockSignals(True)
            self.group_combo.set_choices([Choice(g.code, g.label) for g in groups])
            self.group_combo.blockSignals(False)
        self._read_grand_total(actor)
        selected = self.selected_ids()
        self.model.set_filter(self.current_filter())
        for item_id in selected[:1]:
            self.select_item(item_id)
        self._update_empty_text()

    # -- filtering --------------------------------------------------------------------------

    def current_filter(self) -> ItemFilter:
        group, status = self.group_combo.value, self.status_combo.value
        return ItemFilter(
            search=self.search_edit.text().strip(),
            product_group=str(group) if group is not None else None,
            status=str(status) if status is not None else None,
            untested=self.untested_check.isChecked(),
        )

    def clear_filter(self) -> None:
        for widget in (self.group_combo, self.status_combo, self.untested_check,
                       self.search_edit):
            widget.blockSignals(True)
        self.group_combo.set_value(None)
        self.status_combo.set_value(None)
        self.untested_check.setChecked(False)
        self.search_edit.clear()
        for widget in (self.group_combo, self.status_combo, self.untested_check,
                       self.search_edit):
            widget.blockSignals(False)
        self.apply_filter()

    def _update_count(self, *_args: object) -> None:
        super()._update_count()
        self._update_actions()

    def _update_empty_text(self) -> None:
        if self._filtered():
            text = self.tr("Geen artikelen gevonden — pas de zoekopdracht of de filters aan")
        else:
            text = self.tr("Nog geen artikelen — klik op Nieuw artikel (Ctrl+N) om het "
                           "eerste te registreren")
        self.view.set_empty_text(text)
        self._update_count()

    # -- selection --------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return [int(index.data(ITEM_ID_ROLE)) for index in self.view.selected_indexes()]

    def select_item(self, item_id: int) -> None:
        self._select_source_row(self.model.load_until(item_id))

    def _update_actions(self) -> None:
        count = len(self.selected_ids())
        for button in self.action_buttons:
            button.setEnabled(count >= 1 if button in (self.label_button, self.sheet_button)
                              else count == 1)

    def _item(self, item_id: int) -> ItemDetail | None:
        actor = self.ctx.actor
        return query(self.ctx, self, lambda s: get_item(s, actor, item_id))

    def _selected_item(self) -> ItemDetail | None:
        ids = self.selected_ids()
        return self._item(ids[0]) if len(ids) == 1 else None

    # -- the scan ---------------------------------------------------------------------------

    def scan_entered(self) -> None:
        """What the scanner (or a person) typed, then Enter: open that item."""
        text = self.scan_edit.text().strip()
        self.scan_edit.clear()
        if not text or self.ctx.actor is None:
            return
        actor = self.ctx.actor
        found = query(self.ctx, self, lambda s: find_item(s, actor, text))
        if found is None:
            self.scan_message.setText(self.tr("Geen artikel met nummer {number}").format(
                number=text))
            self.scan_message.show()
            return
        self.scan_message.hide()
        self.select_item(found.id)
        self.open_item(found)
        self.scan_edit.setFocus()

    # -- actions ----------------------------------------------------------------------------

    def new_item(self) -> None:
        if not self.isVisible():
            return
        dialog = ItemDialog(self.ctx, self)
        dialog.ask()
        if dialog.saved is not None:
            self.select_item(dialog.saved.id)
        self._after(dialog)

    def _open_id(self, item_id: object) -> None:
        if item_id is None:
            return
        item = self._item(int(item_id))
        if item is not None:
            self.open_item(item)

    def open_selected(self) -> None:
        item = self._selected_item()
        if item is not None:
            self.open_item(item)

    def open_item(self, item: ItemDetail) -> None:
        dialog = ItemDialog(self.ctx, self, item=item)
        dialog.ask()
        self._after(dialog)

    def change_status(self) -> None:
        item = self._selected_item()
        if item is None:
            return
        dialog = ItemStatusDialog(self.ctx, item, self)
        dialog.ask()
        self._after(dialog)

    def _after(self, dialog: ItemDialog | ItemStatusDialog) -> None:
        """A refused sale whose user chose "Veiligheidstest vastleggen…"."""
        if getattr(dialog, "wants_safety_test", False):
            item_id = dialog.item.id if dialog.item is not None else None
            item = self._item(item_id) if item_id is not None else None
            if item is not None:
                self.open_safety_test(item)

    def new_repair(self) -> None:
        item = self._selected_item()
        if item is not None:
            RepairDialog(self.ctx, item, self).ask()

    def new_safety_test(self) -> None:
        item = self._selected_item()
        if item is not None:
            self.open_safety_test(item)

    def open_safety_test(self, item: ItemDetail) -> None:
        if not item.electrical:
            MessageBox.show_user_error(self, UserError(self.tr(
                "Artikel {number} is niet als elektrisch apparaat geregistreerd. Open het "
                "artikel en zet 'Elektrisch apparaat' aan als het een test nodig heeft."
            ).format(number=item.item_number)))
            return
        SafetyTestDialog(self.ctx, item, self).ask()

    # -- labels -----------------------------------------------------------------------------

    def _labels(self) -> tuple[list[ItemDetail], str] | None:
        actor = self.ctx.actor
        ids = self.selected_ids()
        if actor is None or not ids:
            return None
        found = query(self.ctx, self, lambda s: (items_for_labels(s, actor, ids),
                                                 get_shop(s).name))
        return found

    def print_labels(self) -> None:
        """One 62 × 29 mm label per selected item, as a PDF for the label printer."""
        found = self._labels()
        if found is None:
            return
        items, shop = found
        name = (f"etiket-{items[0].item_number}.pdf" if len(items) == 1
                else f"etiketten-{len(items)}.pdf")
        path = FileDialog.save_file(self, self.tr("Etiket opslaan"), safe_file_name(name),
                                    self.tr("PDF-bestand (*.pdf)"))
        if path is not None:
            from kringloopdesk.reports.labels import write_label_pdf

            self._write(path, lambda target: write_label_pdf(
                target, [label_data(i) for i in items], shop))

    def print_sheet(self) -> None:
        found = self._labels()
        if found is None:
            return
        items, shop = found
        path = FileDialog.save_file(self, self.tr("A4-vel met etiketten opslaan"),
                                    f"etiketten-a4-{len(items)}.pdf",
                                    self.tr("PDF-bestand (*.pdf)"))
        if path is not None:
            from kringloopdesk.reports.labels import write_label_sheet

            self._write(path, lambda target: write_label_sheet(
                target, [label_data(i) for i in items], shop))

    def _write(self, path: Path, write) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            write(path)
        except OSError as error:
            MessageBox.show_user_error(self, UserError(self.tr(
                "De etiketten kunnen niet worden opgeslagen in {path}: {problem}. Kies een "
                "andere map."
            ).format(path=path, problem=error.strerror or error)))
            return
        show_status(self, self.tr("Etiketten opgeslagen: {path}").format(path=path))

    # -- ORDS -------------------------------------------------------------------------------

    def export_ords(self) -> None:
        """Ask the year and the file; write every repair of that year as an ORDS CSV."""
        actor = self.ctx.actor
        if actor is None or not self.ctx.may(Permission.EXPORT_AGGREGATES):
            return
        dialog = OrdsExportDialog(self)
        if not dialog.ask():
            return
        year = dialog.year
        path = FileDialog.save_file(self, self.tr("ORDS-bestand opslaan"), f"ords-{year}.csv",
                                    self.tr("CSV-bestand (*.csv)"))
        if path is None:
            return
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")

        def export(session) -> int:
            data = ords_data(session, actor, year)
            # Written inside the unit of work: a failed write also undoes the audit entry.
            try:
                write_atomically(path, ords_csv(data))
            except OSError as error:
                raise UserError(self.tr(
                    "Het ORDS-bestand kan niet worden opgeslagen in {path}: {problem}. Er is "
                    "niets half geschreven; kies een andere map."
                ).format(path=path, problem=error.strerror or error)) from error
            return len(data.rows)

        def done(count: int) -> None:
            text = (self.tr("1 reparatie van {year} geëxporteerd naar {path}") if count == 1
                    else self.tr("{n} reparaties van {year} geëxporteerd naar {path}"))
            show_status(self, text.format(n=format_number(count), year=year, path=path))

        DatabaseOp(self.ctx, self, export).success(done).run()
