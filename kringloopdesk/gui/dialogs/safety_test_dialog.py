"""Veiligheidstest vastleggen: the measurements of an electrical safety test, each with its
limit beside it, and the verdict (goedgekeurd / afgekeurd, and why) computed live by the
service's own rule (``safety.evaluate``) as the values are typed. Decimal comma or point.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from kringloopdesk.db.codes import PROTECTION_CLASSES
from kringloopdesk.gui.context import AUDIT, GOODS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.date_edit import DateEdit
from kringloopdesk.i18n import current_language
from kringloopdesk.services.items import ItemDetail
from kringloopdesk.services.safety import (
    MEASUREMENTS,
    REQUIRED_MEASUREMENTS,
    SafetyInput,
    SafetyLimits,
    SafetyTestRecorded,
    check_safety_input,
    current_limits,
    evaluate,
    format_decimal,
    parse_measurement,
    record_test,
)
from kringloopdesk.services.workers import Choice


class MeasurementField(QWidget):
    """A value field with its unit and the limit next to it ("≤ 0,3 Ω")."""

    def __init__(self, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setFixedWidth(110)
        self.edit.setPlaceholderText(self.tr("bijv. 0,25"))
        self.unit = QLabel(unit)
        self.unit.setFixedWidth(28)
        self.limit = QLabel()
        self.limit.setObjectName("FieldHint")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.edit)
        layout.addWidget(self.unit)
        layout.addSpacing(8)
        layout.addWidget(self.limit, 1)
        self.setFocusProxy(self.edit)
        self.textChanged = self.edit.textChanged
        self.editingFinished = self.edit.editingFinished

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)


class SafetyTestDialog(FormDialog):
    saves_with_ctrl_s = True

    def __init__(self, ctx: AppContext, item: ItemDetail, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            title=self.tr("Veiligheidstest"),
            heading=self.tr("Veiligheidstest van {number}").format(number=item.item_number),
            intro=self.tr(
                "{description}. Meet volgens NEN 3140 / NEN-EN 50678. Klasse I (randaarde): "
                "beschermingsleiding, isolatie en lekstroom. Klasse II (dubbel geïsoleerd): "
                "isolatie en aanraakstroom. Het oordeel volgt uit de grenswaarden van de "
                "winkel."
            ).format(description=item.description),
            submit_text=self.tr("Test vastleggen"),
            label_width=200,
        )
        self.setMinimumWidth(700)
        self.ctx = ctx
        self.item = item
        self.recorded: SafetyTestRecorded | None = None
        self.limits = query(ctx, self, current_limits) or SafetyLimits(
            Decimal("0.3"), Decimal(1), Decimal(2), Decimal("3.5"), Decimal("0.5"))
        language = current_language()
        self.date_edit = DateEdit()
        self.date_edit.set_date(dt.date.today())
        self.class_combo = ChoiceCombo(
            [Choice(code, PROTECTION_CLASSES.label(code, language))
             for code in PROTECTION_CLASSES], self.tr("Kies de beschermingsklasse…"))
        if item.latest_test is not None:
            self.class_combo.set_value(item.latest_test.protection_class)
        self.instrument_edit = QLineEdit()
        self.instrument_edit.setPlaceholderText(self.tr("bijv. Benning ST 755+"))
        if item.latest_test is not None and item.latest_test.instrument:
            self.instrument_edit.setText(item.latest_test.instrument)
        self.fields = {
            "pe_resistance_ohm": MeasurementField("Ω"),
            "insulation_mohm": MeasurementField("MΩ"),
            "leakage_current_ma": MeasurementField("mA"),
            "touch_current_ma": MeasurementField("mA"),
        }
        self.visual_check = QCheckBox(self.tr("In orde (snoer, stekker, behuizing)"))
        self.functional_check = QCheckBox(self.tr("In orde (apparaat werkt zoals bedoeld)"))
        form = self.form
        form.add_field("test_date", self.tr("Testdatum"), self.date_edit, required=True)
        form.add_field("protection_class", self.tr("Beschermingsklasse"), self.class_combo,
                       required=True)
        form.add_field("instrument", self.tr("Meetinstrument"), self.instrument_edit)
        labels = {
            "pe_resistance_ohm": self.tr("Beschermingsleiding"),
            "insulation_mohm": self.tr("Isolatieweerstand"),
            "leakage_current_ma": self.tr("Lekstroom (beschermingsleider)"),
            "touch_current_ma": self.tr("Aanraakstroom"),
        }
        for name, field in self.fields.items():
            form.add_field(name, labels[name], field)
        form.add_field("visual_ok", self.tr("Visuele inspectie"), self.visual_check)
        form.add_field("functional_ok", self.tr("Functionele test"), self.functional_check)
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("SafetyVerdict")
        self.verdict_label.setWordWrap(True)
        self.body.addWidget(self.verdict_label)
        self.class_combo.value_changed.connect(lambda _v: self._update_limits())
        self.form.changed.connect(self._update_verdict)
        self._update_limits()

    # -- reading the form -------------------------------------------------------------------

    def _values(self) -> tuple[dict[str, Decimal | None], dict[str, str]]:
        values: dict[str, Decimal | None] = {}
        errors: dict[str, str] = {}
        for name, field in self.fields.items():
            try:
                values[name] = parse_measurement(field.text())
            except ValueError as error:
                values[name] = None
                errors[name] = str(error)
        return values, errors

    def current_input(self) -> SafetyInput:
        values, _errors = self._values()
        return SafetyInput(
            test_date=self.date_edit.date(),
            protection_class=str(self.class_combo.value or ""),
            visual_ok=self.visual_check.isChecked(),
            functional_ok=self.functional_check.isChecked(),
            instrument=self.instrument_edit.text(),
            **values,
        )

    def validate(self) -> dict[str, str]:
        """What keeps the test from being stored (a failed test is stored; an incomplete
        one or an unreadable value is not)."""
        _values, errors = self._values()
        data = self.current_input()
        errors.update({k: v for k, v in check_safety_input(data).items() if k not in errors})
        if self.date_edit.error():
            errors["test_date"] = self.date_edit.error() or ""
        if data.protection_class:
            verdict = evaluate(data, self.limits)
            for name, message in verdict.missing.items():
                errors.setdefault(name, message)
        return errors

    # -- limits and verdict -----------------------------------------------------------------

    def _update_limits(self) -> None:
        pclass = str(self.class_combo.value or "")
        limits = self.limits
        texts = {
            "pe_resistance_ohm": self.tr("hoogstens {v} Ω").format(
                v=format_decimal(limits.pe_max_ohm)),
            "insulation_mohm": self.tr("minstens {v} MΩ").format(
                v=format_decimal(limits.insulation_min(pclass or "I"))),
            "leakage_current_ma": self.tr("hoogstens {v} mA").format(
                v=format_decimal(limits.pe_current_max_ma)),
            "touch_current_ma": self.tr("hoogstens {v} mA").format(
                v=format_decimal(limits.touch_current_max_ma)),
        }
        required = REQUIRED_MEASUREMENTS.get(pclass, ())
        for name, field in self.fields.items():
            text = texts[name]
            if pclass and name not in required:
                text += " · " + self.tr("niet nodig bij klasse {c}").format(c=pclass)
            field.limit.setText(text)
        self.form.revalidate()

    def _update_verdict(self) -> None:
        colors = current_colors()
        data = self.current_input()
        _values, unreadable = self._values()
        if not data.protection_class:
            text, color = self.tr("Kies eerst de beschermingsklasse."), colors.muted_text
        elif unreadable:
            text, color = self.tr("Nog geen oordeel: een waarde is geen getal."), \
                colors.muted_text
        else:
            verdict = evaluate(data, self.limits)
            measured_failures = set(verdict.failures) & set(MEASUREMENTS)
            if verdict.missing and not measured_failures:
                # Still typing: the boxes not yet ticked are no verdict yet.
                text = self.tr("Nog niet compleet: vul de metingen voor klasse {c} in.").format(
                    c=data.protection_class)
                color = colors.muted_text
            elif verdict.failures:
                reasons = "; ".join(verdict.failures.values())
                text = self.tr("Afgekeurd — {reasons}").format(reasons=reasons)
                color = colors.danger
            elif verdict.missing:
                text = self.tr("Nog niet compleet: vul de metingen voor klasse {c} in.").format(
                    c=data.protection_class)
                color = colors.muted_text
            else:
                text, color = self.tr("Goedgekeurd — alle waarden binnen de grenzen"), \
                    colors.primary
        self.verdict_label.setText(text)
        self.verdict_label.setStyleSheet(
            f"#SafetyVerdict {{ color: {color}; font-weight: bold; font-size: 14px; "
            "padding: 6px 0; }")

    @property
    def verdict_text(self) -> str:
        return self.verdict_label.text()

    # -- saving -----------------------------------------------------------------------------

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        data = self.current_input()
        item_id = self.item.id
        DatabaseOp(self.ctx, self, lambda s: record_test(s, actor, item_id, data),
                   changes={GOODS, AUDIT}).success(self._saved).failure(
            self.show_failure).run()

    def _saved(self, recorded: SafetyTestRecorded) -> None:
        self.recorded = recorded
        if recorded.test.passed:
            message = self.tr("Veiligheidstest van {number} vastgelegd: goedgekeurd")
        elif recorded.withdrawn_from_sale:
            message = self.tr("Veiligheidstest van {number} afgekeurd; het artikel is uit de "
                              "verkoop gehaald (In behandeling)")
        else:
            message = self.tr("Veiligheidstest van {number} vastgelegd: afgekeurd")
        show_status(self.parentWidget(), message.format(number=self.item.item_number))
        self.finish()
