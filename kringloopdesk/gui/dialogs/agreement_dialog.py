"""Nieuwe overeenkomst / Overeenkomst wijzigen: a samenwerkingsovereenkomst with a partner.

Title, date and place of signing, the period it is valid, its scope (several lines), and the
signatories of both sides — rows of name and function, added and removed with their buttons.
A signatory needs a name; an agreement without one on a side is saved all the same, with a
note that its certificate will lack that signature (the service's ``agreement_warnings``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, PARTNERS, AppContext
from kringloopdesk.gui.dialogs.partner_dialog import GuardedFormDialog
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.date_edit import DateEdit
from kringloopdesk.gui.widgets.placement_panel import FLAT_BUTTONS
from kringloopdesk.services.partners import (
    MAX_SIGNATORIES_PER_SIDE,
    AgreementInfo,
    AgreementInput,
    SignatoryInput,
    agreement_warnings,
    check_agreement_input,
    create_agreement,
    get_agreement,
    update_agreement,
)


class _SignatoryRow:
    def __init__(self, name: str, function: str | None) -> None:
        self.name_edit = QLineEdit(name)
        self.name_edit.setPlaceholderText(QCoreApplication.translate("AgreementDialog", "Naam"))
        self.name_edit.setMaxLength(200)
        self.function_edit = QLineEdit(function or "")
        self.function_edit.setPlaceholderText(
            QCoreApplication.translate("AgreementDialog", "Functie (optioneel)"))
        self.function_edit.setMaxLength(200)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("RowButton")  # one per row: reached with Tab
        self.remove_button.setIcon(icons.icon("trash", current_colors().secondary_text))
        self.remove_button.setFlat(True)
        self.remove_button.setAutoDefault(False)
        self.remove_button.setStyleSheet(FLAT_BUTTONS)
        self.remove_button.setFixedWidth(36)


class SignatorySide(QWidget):
    """The signatories of one side: a heading, a row per person, "Ondertekenaar toevoegen"."""

    changed = Signal()

    def __init__(self, side: str, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.rows: list[_SignatoryRow] = []
        self.heading = QLabel(heading)
        self.heading.setObjectName("FilterLabel")
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 4)
        self.empty_label = QLabel(self.tr("Nog niemand"))
        self.empty_label.setObjectName("FieldHint")
        self.add_button = QPushButton(self.tr("Ondertekenaar toevoegen"))
        self.add_button.setIcon(icons.icon("plus", current_colors().secondary_text))
        self.add_button.setFlat(True)
        self.add_button.setAutoDefault(False)
        self.add_button.setStyleSheet(FLAT_BUTTONS)
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        add_line = QHBoxLayout()
        add_line.addWidget(self.add_button)
        add_line.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty_label)
        layout.addLayout(self.grid)
        layout.addLayout(add_line)

    def add_row(self, name: str = "", function: str | None = None, *, focus: bool = False
                ) -> _SignatoryRow:
        row = _SignatoryRow(name, function)
        row.remove_button.setToolTip(self.tr("Deze ondertekenaar weghalen"))
        row.name_edit.setAccessibleName(self.heading.text() + " " + self.tr("naam"))
        row.function_edit.setAccessibleName(self.heading.text() + " " + self.tr("functie"))
        row.remove_button.clicked.connect(lambda: self.remove_row(row))
        for edit in (row.name_edit, row.function_edit):
            edit.textChanged.connect(lambda _t: self.changed.emit())
        self.rows.append(row)
        self._lay_out()
        if focus:
            row.name_edit.setFocus()
        self.changed.emit()
        return row

    def remove_row(self, row: _SignatoryRow) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        for widget in (row.name_edit, row.function_edit, row.remove_button):
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._lay_out()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].name_edit.setFocus()
        else:
            self.add_button.setFocus()
        self.changed.emit()

    def _lay_out(self) -> None:
        for number, row in enumerate(self.rows):
            self.grid.addWidget(row.name_edit, number, 0)
            self.grid.addWidget(row.function_edit, number, 1)
            self.grid.addWidget(row.remove_button, number, 2)
        # Rows come after the add button was made: Tab goes through them, then to the button.
        chain = [w for row in self.rows
                 for w in (row.name_edit, row.function_edit, row.remove_button)]
        for previous, following in zip(chain, [*chain[1:], self.add_button], strict=False):
            QWidget.setTabOrder(previous, following)
        self.empty_label.setVisible(not self.rows)
        self.add_button.setEnabled(len(self.rows) < MAX_SIGNATORIES_PER_SIDE)

    def signatories(self) -> list[SignatoryInput]:
        return [SignatoryInput(self.side, row.name_edit.text(), row.function_edit.text())
                for row in self.rows]

    def set_signatories(self, names: list[tuple[str, str | None]]) -> None:
        for row in list(self.rows):
            self.remove_row(row)
        for name, function in names:
            self.add_row(name, function)

    def mark_errors(self, bad: set[int], message: Callable[[int], str | None]) -> None:
        """Colour the name field of the rows in ``bad`` (indices of this side's rows)."""
        danger = current_colors().danger
        for index, row in enumerate(self.rows):
            wrong = index in bad
            row.name_edit.setStyleSheet(f"border-bottom: 2px solid {danger};" if wrong else "")
            row.name_edit.setToolTip(message(index) or "" if wrong else "")


class SignatoriesEditor(QWidget):
    """Both sides, one under the other: the shop's, then the partner's (as printed)."""

    changed = Signal()

    def __init__(self, partner_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = SignatorySide("winkel", self.tr("Namens de winkel"))
        self.partner = SignatorySide(
            "partner", self.tr("Namens {partner}").format(partner=partner_name))
        # One Alt+letter per side (Alt+T for the shop's, Alt+V for the partner's).
        self.shop.add_button.setText(self.tr("Ondertekenaar &toevoegen"))
        self.partner.add_button.setText(self.tr("Ondertekenaar toe&voegen"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.shop)
        layout.addWidget(self.partner)
        self.shop.changed.connect(self.changed)
        self.partner.changed.connect(self.changed)

    def signatories(self) -> tuple[SignatoryInput, ...]:
        return (*self.shop.signatories(), *self.partner.signatories())

    def set_signatories(self, info: AgreementInfo) -> None:
        self.shop.set_signatories([(s.name, s.function) for s in info.side("winkel")])
        self.partner.set_signatories([(s.name, s.function) for s in info.side("partner")])

    def mark_errors(self, errors: dict[str, str]) -> None:
        """Errors ``signatory.<i>`` count over both sides (shop first), as the input does."""
        shop_count = len(self.shop.rows)
        bad = {int(key.split(".")[1]) for key in errors if key.startswith("signatory.")}
        self.shop.mark_errors({i for i in bad if i < shop_count},
                              lambda i: errors.get(f"signatory.{i}"))
        self.partner.mark_errors({i - shop_count for i in bad if i >= shop_count},
                                 lambda i: errors.get(f"signatory.{i + shop_count}"))

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)


class AgreementDialog(GuardedFormDialog):
    """``agreement`` to change an existing one; None for a new one with ``partner_id``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, partner_id: int,
                 partner_name: str, agreement: AgreementInfo | None = None,
                 shop_signatory: tuple[str, str | None] | None = None) -> None:
        editing = agreement is not None
        super().__init__(
            parent,
            title=self.tr("Overeenkomst wijzigen") if editing else self.tr("Nieuwe overeenkomst"),
            heading=(self.tr("Overeenkomst met {partner} wijzigen") if editing
                     else self.tr("Nieuwe overeenkomst met {partner}")).format(
                         partner=partner_name),
            intro=self.tr(
                "De samenwerkingsovereenkomst zoals die is getekend. Voor een "
                "samenwerkingscertificaat is aan beide kanten een ondertekenaar nodig."
            ),
            submit_text=self.tr("Opslaan") if editing else self.tr("Overeenkomst toevoegen"),
        )
        self.ctx = ctx
        self.partner_id = partner_id
        self.agreement = agreement
        self.saved: AgreementInfo | None = None
        self.setMinimumWidth(720)

        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(300)
        self.title_edit.setPlaceholderText(self.tr("bijv. Samenwerkingsovereenkomst "
                                                   "werkervaringsplekken"))
        self.signed_edit = DateEdit()
        self.place_edit = QLineEdit()
        self.place_edit.setMaxLength(100)
        self.place_edit.setMaximumWidth(260)
        self.place_edit.setMinimumWidth(220)
        self.valid_from_edit = DateEdit()
        self.valid_to_edit = DateEdit()
        self.scope_edit = QPlainTextEdit()
        self.scope_edit.setTabChangesFocus(True)
        self.scope_edit.setFixedHeight(96)
        self.scope_edit.setPlaceholderText(self.tr(
            "Waarover de samenwerking gaat, bijv. werkervaringsplekken, opleiding van mensen "
            "met een ondersteuningsbehoefte, gezamenlijke lobby"))
        self.signatories_editor = SignatoriesEditor(partner_name)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("FieldHint")
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)

        form = self.form
        form.add_field("title", self.tr("Titel"), self.title_edit, required=True)
        form.add_field("signed_date", self.tr("Getekend op"), self.signed_edit)
        form.add_field("place", self.tr("Getekend in"), self.place_edit)
        form.add_field("valid_from", self.tr("Geldig vanaf"), self.valid_from_edit)
        form.add_field("valid_to", self.tr("Geldig tot en met"), self.valid_to_edit,
                       hint=self.tr("Leeg: voor onbepaalde tijd"))
        form.add_field("scope", self.tr("Inhoud"), self.scope_edit)
        form.add_field("signatories", self.tr("Ondertekenaars"), self.signatories_editor)
        self.body.addWidget(self.warning_label)

        if agreement is not None:
            self._fill(agreement)
        elif shop_signatory is not None:
            self.signatories_editor.shop.add_row(*shop_signatory)
        if agreement is None:
            self.signatories_editor.partner.add_row()
        self.form.reset()
        self.install_guard()
        self.title_edit.setFocus()

    def _fill(self, info: AgreementInfo) -> None:
        self.title_edit.setText(info.title)
        self.signed_edit.set_date(info.signed_date)
        self.place_edit.setText(info.place or "")
        self.valid_from_edit.set_date(info.valid_from)
        self.valid_to_edit.set_date(info.valid_to)
        self.scope_edit.setPlainText(info.scope or "")
        self.signatories_editor.set_signatories(info)

    def current_input(self) -> AgreementInput:
        return AgreementInput(
            title=self.title_edit.text(),
            signed_date=self.signed_edit.date(),
            place=self.place_edit.text(),
            scope=self.scope_edit.toPlainText(),
            valid_from=self.valid_from_edit.date(),
            valid_to=self.valid_to_edit.date(),
            signatories=self.signatories_editor.signatories(),
        )

    def snapshot(self) -> object:
        # Empty signatory rows are no change (a new agreement starts with one).
        data = self.current_input()
        kept = tuple(s for s in data.signatories if s.name.strip() or (s.function or "").strip())
        return (data.title, self.signed_edit.text(), data.place, data.scope,
                self.valid_from_edit.text(), self.valid_to_edit.text(), kept)

    def unsaved_what(self) -> str:
        return self.tr("de overeenkomst")

    def _input_without_empty_rows(self) -> AgreementInput:
        data = self.current_input()
        kept = tuple(s for s in data.signatories if s.name.strip() or (s.function or "").strip())
        return replace(data, signatories=kept)

    def validate(self) -> dict[str, str]:
        data = self._input_without_empty_rows()
        _cleaned, errors = check_agreement_input(data)
        for name, edit in (("signed_date", self.signed_edit), ("valid_from", self.valid_from_edit),
                           ("valid_to", self.valid_to_edit)):
            if edit.error():
                errors[name] = edit.error() or ""
        # Map the errors back onto the rows as shown (empty rows were left out above).
        shown = self.signatories_editor.signatories()
        positions = [i for i, s in enumerate(shown)
                     if s.name.strip() or (s.function or "").strip()]
        row_errors = {f"signatory.{positions[int(k.split('.')[1])]}": v
                      for k, v in errors.items() if k.startswith("signatory.")}
        self.signatories_editor.mark_errors(row_errors)
        warnings = agreement_warnings(data.signatories)
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))
        return {k: v for k, v in errors.items() if not k.startswith("signatory.")}

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        data = self._input_without_empty_rows()
        agreement = self.agreement
        partner_id = self.partner_id
        if agreement is not None:
            def save(session):
                return update_agreement(session, actor, agreement.id, data, agreement.version)
            message = self.tr("Overeenkomst opgeslagen")
        else:
            def save(session):
                return create_agreement(session, actor, partner_id, data)
            message = self.tr("Overeenkomst toegevoegd")
        self.done_message = message
        DatabaseOp(self.ctx, self, save, changes={PARTNERS, AUDIT}).success(
            self._saved).failure(self.show_failure).run()

    def read_record(self) -> AgreementInfo | None:
        assert self.agreement is not None
        actor, agreement_id = self.ctx.actor, self.agreement.id
        return query(self.ctx, self, lambda s: get_agreement(s, actor, agreement_id))

    def take_record(self, record: object, *, refill: bool) -> None:
        assert isinstance(record, AgreementInfo)
        self.agreement = record
        if refill:
            self._fill(record)

    def _saved(self, info: AgreementInfo) -> None:
        show_status(self.parentWidget(), self.done_message)
        self.saved = info
        self._saved_snapshot = self.snapshot()
        self.finish()
