"""Nieuw artikel / Artikel wijzigen, and Status wijzigen.

The rules are the service's (``check_item_input`` while typing; the number's uniqueness and
the sale rule on saving). When the sale rule refuses te koop or verkocht, the dialog says why
in the service's words and offers to record a safety test right away
(``wants_safety_test``: the page opens the test form when this dialog closes).

An existing item opens with three tabs: its details, its repairs and its safety tests (newest
first; the tab titles carry the counts). A repair is opened from there to change it (the
repair form keeps its version check) or deleted after a question; a safety test is a
read-only record — it is evidence, and a wrong test is corrected by a new one.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.db.codes import ITEM_STATUSES
from kringloopdesk.errors import UserError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, GOODS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.gui.dialogs.repair_dialog import RepairDialog
from kringloopdesk.gui.formatting import format_date
from kringloopdesk.gui.messages import MessageBox, show_status
from kringloopdesk.gui.models.item_history_model import (
    RepairsModel,
    SafetyTestsModel,
    repairs_view,
    tests_view,
)
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.date_edit import DateEdit
from kringloopdesk.i18n import current_language
from kringloopdesk.services.items import (
    ItemDetail,
    ItemInput,
    ProductGroupChoice,
    SaleBlockedError,
    check_item_input,
    create_item,
    get_item,
    next_item_number,
    parse_price,
    price_input_text,
    product_group_choices,
    set_status,
    update_item,
)
from kringloopdesk.services.repairs import RepairInfo, delete_repair, list_repairs
from kringloopdesk.services.safety import list_tests
from kringloopdesk.services.workers import Choice


def status_choices() -> list[Choice]:
    language = current_language()
    return [Choice(code, ITEM_STATUSES.label(code, language)) for code in ITEM_STATUSES]


def test_summary(item: ItemDetail) -> str:
    """"Goedgekeurd op 12-03-2025 (klasse II)" and the like, for the forms."""
    translate = QCoreApplication.translate
    if not item.electrical:
        return translate("ItemDialog", "Geen veiligheidstest nodig (niet elektrisch)")
    test = item.latest_test
    if test is None:
        return translate("ItemDialog", "Nog niet getest — pas te koop na een goedgekeurde "
                                       "veiligheidstest")
    if test.passed:
        return translate("ItemDialog", "Goedgekeurd op {date} (klasse {c})").format(
            date=format_date(test.test_date), c=test.protection_class)
    return translate("ItemDialog", "Afgekeurd op {date} (klasse {c}) — eerst repareren en "
                                   "opnieuw testen").format(
        date=format_date(test.test_date), c=test.protection_class)


class _SaleRefusal:
    """The "Veiligheidstest vastleggen" button that a refused sale reveals."""

    def _add_test_button(self: FormDialog) -> None:  # type: ignore[misc]
        self.wants_safety_test = False
        self.test_button = QPushButton(self.tr("&Veiligheidstest vastleggen…"))
        self.test_button.setAutoDefault(False)
        self.test_button.hide()
        self.test_button.clicked.connect(self._open_test)
        self.buttons.insertWidget(1, self.test_button)

    def _open_test(self: FormDialog) -> None:  # type: ignore[misc]
        self.wants_safety_test = True
        self.reject()

    def read_record(self) -> ItemDetail | None:
        """The item as it is now, after someone else saved it meanwhile."""
        actor, item_id = self.ctx.actor, self.item.id  # type: ignore[attr-defined]
        return query(self.ctx, self, lambda s: get_item(s, actor, item_id))  # type: ignore

    def _sale_failure(self: FormDialog, error: UserError) -> None:  # type: ignore[misc]
        self.show_failure(error)
        self.test_button.setVisible(isinstance(error, SaleBlockedError))
        self.fit_height()


class ItemDialog(_SaleRefusal, FormDialog):
    saves_with_ctrl_s = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 item: ItemDetail | None = None) -> None:
        editing = item is not None
        super().__init__(
            parent,
            title=self.tr("Artikel wijzigen") if editing else self.tr("Nieuw artikel"),
            heading=(self.tr("Artikel {number}").format(number=item.item_number) if item
                     else self.tr("Nieuw artikel")),
            intro=self.tr(
                "Een artikel krijgt een etiket met streepjescode en QR-code. Een elektrisch "
                "apparaat kan pas te koop na een goedgekeurde veiligheidstest."
            ),
            submit_text=self.tr("Opslaan") if editing else self.tr("Artikel aanmaken"),
        )
        self.setMinimumWidth(640)
        self.ctx = ctx
        self.item = item
        self.saved: ItemDetail | None = None
        self._electrical_touched = editing
        actor = ctx.actor
        groups = query(ctx, self, lambda s: product_group_choices(
            s, actor, item.product_group if item else None)) or ()
        self.groups: dict[str, ProductGroupChoice] = {g.code: g for g in groups}
        suggestion = None if editing else query(ctx, self, lambda s: next_item_number(s, actor))

        self.number_edit = QLineEdit()
        self.number_edit.setMaximumWidth(200)
        if suggestion:
            self.number_edit.setPlaceholderText(suggestion)
        self.group_combo = ChoiceCombo([Choice(g.code, g.label) for g in groups],
                                       self.tr("Kies een productgroep…"))
        self.description_edit = QLineEdit()
        self.description_edit.setPlaceholderText(self.tr("bijv. Wasmachine, 7 kg"))
        self.brand_edit = QLineEdit()
        self.model_edit = QLineEdit()
        self.serial_edit = QLineEdit()
        self.intake_edit = DateEdit()
        self.intake_edit.set_date(dt.date.today())
        self.price_edit = QLineEdit()
        self.price_edit.setMaximumWidth(140)
        self.price_edit.setPlaceholderText(self.tr("bijv. 12,50"))
        self.status_combo = ChoiceCombo(status_choices())
        self.sold_edit = DateEdit()
        self.electrical_check = QCheckBox(self.tr("Elektrisch apparaat (veiligheidstest nodig)"))
        form = self.form
        form.add_field("item_number", self.tr("Artikelnummer"), self.number_edit,
                       hint=None if editing else self.tr(
                           "Leeg laten: het volgende vrije nummer ({n})").format(n=suggestion))
        form.add_field("product_group", self.tr("Productgroep"), self.group_combo,
                       required=True)
        form.add_field("description", self.tr("Omschrijving"), self.description_edit,
                       required=True)
        form.add_field("brand", self.tr("Merk"), self.brand_edit)
        form.add_field("model", self.tr("Type"), self.model_edit)
        form.add_field("serial_number", self.tr("Serienummer"), self.serial_edit)
        form.add_field("intake_date", self.tr("Innamedatum"), self.intake_edit, required=True)
        form.add_field("electrical", self.tr("Elektrisch"), self.electrical_check)
        form.add_field("price", self.tr("Prijs (€)"), self.price_edit)
        form.add_field("status", self.tr("Status"), self.status_combo, required=True)
        form.add_field("sold_date", self.tr("Verkocht op"), self.sold_edit)
        self.test_label = QLabel()
        self.test_label.setObjectName("FormNote")
        self.test_label.setWordWrap(True)
        self.body.addWidget(self.test_label)
        self._add_test_button()
        self.group_combo.value_changed.connect(self._group_chosen)
        self.electrical_check.toggled.connect(self._electrical_toggled)
        self.status_combo.value_changed.connect(lambda _v: self._status_changed())
        if item is not None:
            self._fill(item)
            self.test_label.setText(test_summary(item))
        self.test_label.setVisible(item is not None)
        if item is not None:
            self._add_history()
            self.load_history()
        self._status_changed()
        (self.description_edit if editing else self.group_combo).setFocus()

    # -- the history: repairs and safety tests ----------------------------------------------

    def _add_history(self) -> None:
        """The form becomes the first of three tabs; the repairs and the tests follow."""
        self.setMinimumWidth(860)
        layout = self.layout()
        position = layout.indexOf(self.form)
        layout.removeWidget(self.form)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("ItemTabs")
        self.tabs.setDocumentMode(True)
        details = QWidget()
        column = QVBoxLayout(details)
        column.setContentsMargins(0, 12, 0, 0)
        column.addWidget(self.form)
        column.addStretch(1)
        self.tabs.addTab(details, self.tr("Gegevens"))

        colors = current_colors()
        self.repairs_model = RepairsModel(self)
        self.repairs_view = repairs_view()
        self.repairs_view.setModel(self.repairs_model)
        self.repairs_view.prepare_columns()
        self.repairs_view.set_empty_text(self.tr(
            "Nog geen reparaties — klik op Nieuwe reparatie om er een vast te leggen"))
        self.repairs_view.open_requested.connect(lambda index: self.edit_repair(index.row()))
        self.repairs_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_repair_buttons())
        self.repairs_view.delete_requested.connect(self.delete_selected_repair)
        self.new_repair_button = QPushButton(self.tr("&Nieuwe reparatie…"))
        self.new_repair_button.setIcon(icons.icon("plus", colors.muted_text))
        self.new_repair_button.clicked.connect(self.new_repair)
        self.edit_repair_button = QPushButton(self.tr("&Wijzigen…"))
        self.edit_repair_button.setIcon(icons.icon("pencil", colors.muted_text))
        self.edit_repair_button.setToolTip(self.tr("De gekozen reparatie wijzigen (Enter)"))
        self.edit_repair_button.clicked.connect(
            lambda: self.edit_repair(self.repairs_view.selected_row()))
        self.delete_repair_button = QPushButton(self.tr("Ve&rwijderen…"))
        self.delete_repair_button.setIcon(icons.icon("trash", colors.muted_text))
        self.delete_repair_button.setToolTip(self.tr("De gekozen reparatie verwijderen (Delete)"))
        self.delete_repair_button.clicked.connect(self.delete_selected_repair)
        for button in (self.new_repair_button, self.edit_repair_button,
                       self.delete_repair_button):
            button.setAutoDefault(False)
        repair_buttons = QHBoxLayout()
        repair_buttons.setSpacing(8)
        repair_buttons.addWidget(self.new_repair_button)
        repair_buttons.addWidget(self.edit_repair_button)
        repair_buttons.addWidget(self.delete_repair_button)
        repair_buttons.addStretch(1)
        repairs = QWidget()
        column = QVBoxLayout(repairs)
        column.setContentsMargins(0, 12, 0, 0)
        column.setSpacing(8)
        column.addLayout(repair_buttons)
        column.addWidget(self.repairs_view, 1)
        self.tabs.addTab(repairs, "")

        self.tests_model = SafetyTestsModel(self)
        self.tests_view = tests_view()
        self.tests_view.setModel(self.tests_model)
        self.tests_view.prepare_columns()
        evidence = self.tr("Een veiligheidstest is bewijs van wat er die dag is gemeten: hij "
                           "wordt niet gewijzigd of verwijderd. Is een test verkeerd "
                           "vastgelegd, leg dan een nieuwe test vast (knop Veiligheidstest… "
                           "in de lijst); de laatste test telt.")
        self.tests_view.setToolTip(evidence)
        self.tests_view.set_empty_text(self.tr(
            "Nog geen veiligheidstests. Een test legt u vast met Veiligheidstest… in de lijst "
            "Artikelen; een vastgelegde test is bewijs en wordt niet meer gewijzigd."))
        self.tests_note = QLabel(evidence)
        self.tests_note.setObjectName("FormNote")
        self.tests_note.setWordWrap(True)
        tests = QWidget()
        column = QVBoxLayout(tests)
        column.setContentsMargins(0, 12, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.tests_note)
        column.addWidget(self.tests_view, 1)
        self.tabs.addTab(tests, "")
        layout.insertWidget(position, self.tabs, 1)

    def load_history(self) -> None:
        item, actor = self.item, self.ctx.actor
        if item is None or actor is None:
            return
        found = query(self.ctx, self, lambda s: (list_repairs(s, actor, item.id),
                                                 list_tests(s, actor, item.id)))
        if found is None:
            return
        repairs, tests = found
        self.repairs_model.replace_rows(repairs)
        self.tests_model.replace_rows(tests)
        self.tabs.setTabText(1, self.tr("Reparaties ({n})").format(n=len(repairs)))
        self.tabs.setTabText(2, self.tr("Veiligheidstests ({n})").format(n=len(tests)))
        self._update_repair_buttons()

    def _update_repair_buttons(self) -> None:
        chosen = self.repairs_view.selected_row() is not None
        self.edit_repair_button.setEnabled(chosen)
        self.delete_repair_button.setEnabled(chosen)

    def _repair(self, row: int | None) -> RepairInfo | None:
        if row is None or not 0 <= row < self.repairs_model.rowCount():
            return None
        return self.repairs_model.repair_at(row)

    def new_repair(self) -> None:
        assert self.item is not None
        dialog = RepairDialog(self.ctx, self.item, self)
        dialog.ask()
        self._after_repair(dialog)

    def edit_repair(self, row: int | None) -> None:
        repair = self._repair(row)
        if repair is None or self.item is None:
            return
        dialog = RepairDialog(self.ctx, self.item, self, repair=repair)
        dialog.ask()
        self._after_repair(dialog)

    def _after_repair(self, dialog: RepairDialog) -> None:
        """Reload whether it was saved or refused (someone else's change shows then)."""
        self.load_history()
        if dialog.saved is not None and self.item is not None:
            show_status(self.parentWidget(), self.tr("Reparatie van {number} opgeslagen")
                        .format(number=self.item.item_number))
            self.select_repair(dialog.saved.id)

    def select_repair(self, repair_id: int) -> None:
        for row in range(self.repairs_model.rowCount()):
            if self.repairs_model.repair_at(row).id == repair_id:
                self.repairs_view.selectRow(row)
                return

    def delete_selected_repair(self) -> None:
        repair = self._repair(self.repairs_view.selected_row())
        item, actor = self.item, self.ctx.actor
        if repair is None or item is None or actor is None:
            return
        if not MessageBox.confirm(
            self,
            self.tr("De reparatie van {date} verwijderen?").format(
                date=format_date(repair.repair_date)),
            self.tr("De reparatie ({outcome}) verdwijnt uit de geschiedenis van {number} en "
                    "uit de ORDS-export. Dit kan niet ongedaan worden gemaakt.").format(
                outcome=self.repairs_model.outcome_text(repair), number=item.item_number),
            self.tr("Verwijderen"),
            destructive=True,
        ):
            return

        def deleted(_result: None) -> None:
            self.load_history()
            show_status(self.parentWidget(), self.tr("Reparatie van {date} verwijderd").format(
                date=format_date(repair.repair_date)))

        def refused(error: UserError) -> None:
            MessageBox.show_user_error(self, error)
            self.load_history()

        DatabaseOp(self.ctx, self, lambda s: delete_repair(s, actor, repair.id, repair.version),
                   changes={GOODS, AUDIT}).success(deleted).failure(refused).run()

    def _fill(self, item: ItemDetail) -> None:
        self.number_edit.setText(item.item_number)
        self.group_combo.set_value(item.product_group)
        self.description_edit.setText(item.description)
        self.brand_edit.setText(item.brand or "")
        self.model_edit.setText(item.model or "")
        self.serial_edit.setText(item.serial_number or "")
        self.intake_edit.set_date(item.intake_date)
        self.price_edit.setText(price_input_text(item.price_cents))
        self.status_combo.set_value(item.status)
        self.sold_edit.set_date(item.sold_date)
        self.electrical_check.setChecked(item.electrical)

    def _group_chosen(self, code: object) -> None:
        group = self.groups.get(str(code)) if code is not None else None
        if group is not None and not self._electrical_touched:
            self.electrical_check.blockSignals(True)
            self.electrical_check.setChecked(group.electrical)
            self.electrical_check.blockSignals(False)

    def _electrical_toggled(self, _checked: bool) -> None:
        self._electrical_touched = True

    def _status_changed(self) -> None:
        self.form.set_field_visible("sold_date", self.status_combo.value == "verkocht")
        self.fit_height()

    def _price(self) -> tuple[int | None, str | None]:
        try:
            return parse_price(self.price_edit.text()), None
        except ValueError as error:
            return None, str(error)

    def current_input(self) -> ItemInput:
        price, _problem = self._price()
        return ItemInput(
            product_group=str(self.group_combo.value or ""),
            description=self.description_edit.text(),
            intake_date=self.intake_edit.date(),
            item_number=self.number_edit.text(),
            brand=self.brand_edit.text(),
            model=self.model_edit.text(),
            serial_number=self.serial_edit.text(),
            price_cents=price,
            status=str(self.status_combo.value or ""),
            electrical=self.electrical_check.isChecked(),
            sold_date=self.sold_edit.date() if self.status_combo.value == "verkocht" else None,
        )

    def validate(self) -> dict[str, str]:
        _cleaned, errors = check_item_input(self.current_input())
        _price, problem = self._price()
        if problem:
            errors["price"] = problem
        for name, edit in (("intake_date", self.intake_edit), ("sold_date", self.sold_edit)):
            if edit.error():
                errors[name] = edit.error() or ""
        return errors

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        data = self.current_input()
        item = self.item
        if item is not None:
            def save(session):
                return update_item(session, actor, item.id, data, item.version)
        else:
            def save(session):
                return create_item(session, actor, data)
        DatabaseOp(self.ctx, self, save, changes={GOODS, AUDIT}).success(
            self._saved).failure(self._sale_failure).run()

    def take_record(self, record: object, *, refill: bool) -> None:
        assert isinstance(record, ItemDetail)
        self.item = record
        if refill:
            self._fill(record)

    def _saved(self, item: ItemDetail) -> None:
        self.saved = item
        message = (self.tr("Artikel {number} opgeslagen") if self.item
                   else self.tr("Artikel {number} aangemaakt"))
        show_status(self.parentWidget(), message.format(number=item.item_number))
        self.finish()


class ItemStatusDialog(_SaleRefusal, FormDialog):
    """A status change (with the price for te koop, the day for verkocht)."""
    saves_with_ctrl_s = True

    def __init__(self, ctx: AppContext, item: ItemDetail, parent: QWidget | None = None
                 ) -> None:
        super().__init__(
            parent,
            title=self.tr("Status wijzigen"),
            heading=self.tr("Status van {number}").format(number=item.item_number),
            intro=f"{item.description} · {test_summary(item)}",
            submit_text=self.tr("Status opslaan"),
        )
        self.setMinimumWidth(640)
        self.ctx = ctx
        self.item = item
        self.saved: ItemDetail | None = None
        self.status_combo = ChoiceCombo(status_choices())
        self.price_edit = QLineEdit()
        self.price_edit.setMaximumWidth(140)
        self.price_edit.setPlaceholderText(self.tr("bijv. 12,50"))
        self.sold_edit = DateEdit()
        self._fill(item)
        self.form.add_field("status", self.tr("Nieuwe status"), self.status_combo,
                            required=True)
        self.form.add_field("price", self.tr("Prijs (€)"), self.price_edit)
        self.form.add_field("sold_date", self.tr("Verkocht op"), self.sold_edit)
        self._add_test_button()
        self.status_combo.value_changed.connect(lambda _v: self._status_changed())
        self._status_changed()
        self.status_combo.setFocus()

    def _fill(self, item: ItemDetail) -> None:
        self.status_combo.set_value(item.status)
        self.price_edit.setText(price_input_text(item.price_cents))
        self.sold_edit.set_date(item.sold_date or dt.date.today())

    def take_record(self, record: object, *, refill: bool) -> None:
        assert isinstance(record, ItemDetail)
        self.item = record
        if refill:
            self._fill(record)
            self.intro_label.setText(f"{record.description} · {test_summary(record)}")

    def _status_changed(self) -> None:
        self.form.set_field_visible("sold_date", self.status_combo.value == "verkocht")
        self.test_button.hide()
        self.show_problem("")

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        try:
            price = parse_price(self.price_edit.text())
        except ValueError as error:
            return {"price": str(error)}
        status = str(self.status_combo.value or "")
        if status in ("te_koop", "verkocht") and price is None:
            errors["price"] = self.tr("Een artikel dat te koop staat of verkocht is, heeft "
                                      "een prijs")
        if status == "verkocht" and self.sold_edit.error():
            errors["sold_date"] = self.sold_edit.error() or ""
        return errors

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        item = self.item
        status = str(self.status_combo.value)
        price = parse_price(self.price_edit.text())
        sold = self.sold_edit.date() if status == "verkocht" else None
        DatabaseOp(
            self.ctx, self,
            lambda s: set_status(s, actor, item.id, status, price_cents=price, sold_date=sold,
                                 expected_version=item.version),
            changes={GOODS, AUDIT},
        ).success(self._saved).failure(self._sale_failure).run()

    def _saved(self, item: ItemDetail) -> None:
        self.saved = item
        show_status(self.parentWidget(), self.tr("{number}: {status}").format(
            number=item.item_number, status=item.status_label))
        self.finish()
