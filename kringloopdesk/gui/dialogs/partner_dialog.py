"""Nieuwe partner / Partner wijzigen: name, kind, address, contact person and logo.

The rules are the service's (``check_partner_input`` while typing; the name's uniqueness when
the name field is left, and again on saving). Ctrl+S saves, Esc asks first when something was
changed. The logo is chosen with the shop logo's picker and checked like the shop logo (PNG or
JPG, at most 2 MB), and also that the file really is such an image.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from kringloopdesk.gui.context import AUDIT, PARTNERS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.gui.messages import MessageBox, UnsavedChoice, show_status
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.logo_picker import LogoPicker
from kringloopdesk.services.partners import (
    PartnerDetail,
    PartnerInput,
    check_partner_input,
    create_partner,
    get_partner,
    kind_choices,
    partner_name_in_use,
    update_partner,
)


class GuardedFormDialog(FormDialog):
    """A form dialog that saves with Ctrl+S and asks before Esc or Annuleren throws changes
    away. Subclasses give ``snapshot()`` (the values as typed) and ``unsaved_what()``."""
    saves_with_ctrl_s = True

    def install_guard(self) -> None:
        self._saved_snapshot = self.snapshot()

    def snapshot(self) -> object:
        raise NotImplementedError

    def unsaved_what(self) -> str:
        raise NotImplementedError

    def record_reloaded(self) -> None:
        """The fields now hold what is stored: nothing unsaved any more."""
        self._saved_snapshot = self.snapshot()

    def is_dirty(self) -> bool:
        return self.snapshot() != getattr(self, "_saved_snapshot", None)

    def reject(self) -> None:
        if self.is_dirty():
            choice = MessageBox.ask_unsaved_changes(self, self.unsaved_what())
            if choice is UnsavedChoice.SAVE:
                self.accept()  # closes only when the save succeeded
                return
            if choice is UnsavedChoice.CANCEL:
                return
        super().reject()


class PartnerDialog(GuardedFormDialog):
    """``partner`` to change an existing one; None for a new partner."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 partner: PartnerDetail | None = None) -> None:
        editing = partner is not None
        super().__init__(
            parent,
            title=self.tr("Partner wijzigen") if editing else self.tr("Nieuwe partner"),
            heading=(self.tr("{name} wijzigen").format(name=partner.name) if partner
                     else self.tr("Nieuwe partnerorganisatie")),
            intro=self.tr(
                "Een organisatie waarmee de winkel samenwerkt: een SW-bedrijf, de gemeente, "
                "een school of een zorgorganisatie. Het logo komt op de certificaten."
            ),
            submit_text=self.tr("Opslaan") if editing else self.tr("Partner toevoegen"),
        )
        self.ctx = ctx
        self.partner = partner
        self.saved: PartnerDetail | None = None
        self._name_message: str | None = None
        self.setMinimumWidth(600)

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(self.tr("bijv. Gemeente Amersfoort"))
        self.kind_combo = ChoiceCombo(kind_choices(), self.tr("Kies de soort…"))
        self.street_edit = QLineEdit()
        self.street_edit.setMaxLength(200)
        self.postcode_edit = QLineEdit()
        self.postcode_edit.setMaximumWidth(110)
        self.postcode_edit.setPlaceholderText("3811 AB")
        self.city_edit = QLineEdit()
        self.city_edit.setMaxLength(100)
        self.contact_name_edit = QLineEdit()
        self.contact_name_edit.setMaxLength(200)
        self.contact_email_edit = QLineEdit()
        self.contact_email_edit.setPlaceholderText(self.tr("naam@organisatie.nl"))
        self.contact_phone_edit = QLineEdit()
        self.contact_phone_edit.setMaximumWidth(200)
        self.contact_phone_edit.setPlaceholderText("033 123 45 67")
        self.logo_picker = LogoPicker()

        form = self.form
        form.add_field("name", self.tr("Naam"), self.name_edit, required=True)
        form.add_field("kind", self.tr("Soort"), self.kind_combo, required=True)
        form.add_field("street", self.tr("Straat en huisnummer"), self.street_edit)
        form.add_field("postcode", self.tr("Postcode"), self.postcode_edit)
        form.add_field("city", self.tr("Plaats"), self.city_edit)
        form.add_field("contact_name", self.tr("Contactpersoon"), self.contact_name_edit)
        form.add_field("contact_email", self.tr("E-mail"), self.contact_email_edit)
        form.add_field("contact_phone", self.tr("Telefoon"), self.contact_phone_edit)
        form.add_field("logo", self.tr("Logo"), self.logo_picker,
                       hint=self.tr("Komt naast het logo van de winkel op het certificaat"))
        self.name_edit.editingFinished.connect(self._check_name)
        self.name_edit.textChanged.connect(lambda _t: setattr(self, "_name_message", None))

        if partner is not None:
            self._fill(partner)
        else:
            self.kind_combo.set_value(None)
        self.form.reset()
        self.install_guard()
        self.name_edit.setFocus()

    def _fill(self, partner: PartnerDetail) -> None:
        self.name_edit.setText(partner.name)
        self.kind_combo.set_value(partner.kind)
        self.street_edit.setText(partner.street or "")
        self.postcode_edit.setText(partner.postcode or "")
        self.city_edit.setText(partner.city or "")
        self.contact_name_edit.setText(partner.contact_name or "")
        self.contact_email_edit.setText(partner.contact_email or "")
        self.contact_phone_edit.setText(partner.contact_phone or "")
        self.logo_picker.set_logo(partner.logo)

    def current_input(self) -> PartnerInput:
        kind = self.kind_combo.value
        return PartnerInput(
            name=self.name_edit.text(),
            kind=str(kind) if kind is not None else "",
            street=self.street_edit.text(),
            postcode=self.postcode_edit.text(),
            city=self.city_edit.text(),
            contact_name=self.contact_name_edit.text(),
            contact_email=self.contact_email_edit.text(),
            contact_phone=self.contact_phone_edit.text(),
            logo=self.logo_picker.logo,
        )

    def snapshot(self) -> object:
        return self.current_input()

    def unsaved_what(self) -> str:
        if self.partner is not None:
            return self.tr("de gegevens van {name}").format(name=self.partner.name)
        return self.tr("de nieuwe partner")

    def validate(self) -> dict[str, str]:
        _cleaned, errors = check_partner_input(self.current_input())
        if self._name_message and "name" not in errors:
            errors["name"] = self._name_message
        if not self.kind_combo.value:
            errors["kind"] = self.tr("Kies de soort organisatie")
        return errors

    def _check_name(self) -> None:
        """Say at once, when the name field is left, that another partner has the name."""
        actor = self.ctx.actor
        name = self.name_edit.text()
        own = self.partner.id if self.partner else None
        message = query(self.ctx, self, lambda s: partner_name_in_use(s, actor, name, own))
        self._name_message = message
        self.form.revalidate()

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        data = self.current_input()
        partner = self.partner
        if partner is not None:
            def save(session):
                return update_partner(session, actor, partner.id, data, partner.version)
            message = self.tr("Partner opgeslagen")
        else:
            def save(session):
                return create_partner(session, actor, data)
            message = self.tr("Partner toegevoegd")
        self.done_message = message
        DatabaseOp(self.ctx, self, save, changes={PARTNERS, AUDIT}).success(
            self._saved).failure(self.show_failure).run()

    def read_record(self) -> PartnerDetail | None:
        assert self.partner is not None
        actor, partner_id = self.ctx.actor, self.partner.id
        return query(self.ctx, self, lambda s: get_partner(s, actor, partner_id))

    def take_record(self, record: object, *, refill: bool) -> None:
        assert isinstance(record, PartnerDetail)
        self.partner = record
        if refill:
            self._fill(record)

    def _saved(self, detail: PartnerDetail) -> None:
        show_status(self.parentWidget(), self.done_message)
        self.saved = detail
        self._saved_snapshot = self.snapshot()
        self.finish()

