"""Nieuw artikel / Artikel wijzigen, and Status wijzigen.

The rules are the service's (``check_item_input`` while typing; the number's uniqueness and
the sale rule on saving). When the sale rule refuses te koop or verkocht, the dialog says why
in the service's words and offers to record a safety test right away
(``wants_safety_test``: the page opens the test form when this dialog closes).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QWidget

from kringloopdesk.db.codes import ITEM_STATUSES
from kringloopdesk.errors import UserError
from kringloopdesk.gui.context import AUDIT, GOODS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.gui.formatting import format_date
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.operations import DatabaseOp, query
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
    next_item_number,
    parse_price,
    price_input_text,
    product_group_choices,
    set_status,
    update_item,
)
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
        self.test_button = QPushButton(self.tr("Veiligheidstest vastleggen…"))
        self.test_button.setAutoDefault(False)
        self.test_button.hide()
        self.test_button.clicked.connect(self._open_test)
        self.buttons.insertWidget(1, self.test_button)

    def _open_test(self: FormDialog) -> None:  # type: ignore[misc]
        self.wants_safety_test = True
        self.reject()

    def _sale_failure(self: FormDialog, error: UserError) -> None:  # type: ignore[misc]
        self.show_failure(error)
        self.test_button.setVisible(isinstance(error, SaleBlockedError))
        self.fit_height()


class ItemDialog(_SaleRefusal, FormDialog):
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
        self._status_changed()
        (self.description_edit if editing else self.group_combo).setFocus()

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

    def _saved(self, item: ItemDetail) -> None:
        self.saved = item
        message = (self.tr("Artikel {number} opgeslagen") if self.item
                   else self.tr("Artikel {number} aangemaakt"))
        show_status(self.parentWidget(), message.format(number=item.item_number))
        self.finish()


class ItemStatusDialog(_SaleRefusal, FormDialog):
    """A status change (with the price for te koop, the day for verkocht)."""

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
        self.status_combo.set_value(item.status)
        self.price_edit = QLineEdit(price_input_text(item.price_cents))
        self.price_edit.setMaximumWidth(140)
        self.price_edit.setPlaceholderText(self.tr("bijv. 12,50"))
        self.sold_edit = DateEdit()
        self.sold_edit.set_date(item.sold_date or dt.date.today())
        self.form.add_field("status", self.tr("Nieuwe status"), self.status_combo,
                            required=True)
        self.form.add_field("price", self.tr("Prijs (€)"), self.price_edit)
        self.form.add_field("sold_date", self.tr("Verkocht op"), self.sold_edit)
        self._add_test_button()
        self.status_combo.value_changed.connect(lambda _v: self._status_changed())
        self._status_changed()
        self.status_combo.setFocus()

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
