"""Intrekken: a certificate stops being valid, with the reason, which verification shows to
anyone who checks it. It cannot be undone (a new certificate can be issued)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from kringloopdesk.gui.context import AUDIT, CERTIFICATES, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.gui.operations import DatabaseOp
from kringloopdesk.services.certificates import CertificateRow, revoke_certificate

MAX_REASON = 500


class RevokeCertificateDialog(FormDialog):
    def __init__(self, ctx: AppContext, certificate: CertificateRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            title=self.tr("Certificaat intrekken"),
            heading=self.tr("Certificaat {serial} intrekken").format(serial=certificate.serial),
            intro=self.tr(
                "{kind} voor {subject}. Wie het certificaat daarna controleert, krijgt "
                "‘Ingetrokken’ te zien, met de reden hieronder. Intrekken kan niet ongedaan "
                "worden gemaakt; u kunt wel een nieuw certificaat uitgeven.").format(
                kind=certificate.kind_label, subject=certificate.subject),
            submit_text=self.tr("Intrekken"),
        )
        self.ctx = ctx
        self.certificate = certificate
        self.revoked: CertificateRow | None = None
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(MAX_REASON)
        self.reason_edit.setPlaceholderText(self.tr("Bijvoorbeeld: uren verkeerd, naam gespeld"))
        self.form.add_field("reason", self.tr("Reden"), self.reason_edit, required=True,
                            hint=self.tr("Staat bij de controle van het certificaat"))
        self.reason_edit.setFocus()

    def validate(self) -> dict[str, str]:
        if not self.reason_edit.text().strip():
            return {"reason": self.tr("Vul een reden in")}
        return {}

    def submit(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        serial, reason = self.certificate.serial, self.reason_edit.text().strip()

        def done(row: CertificateRow) -> None:
            self.revoked = row
            self.finish()

        DatabaseOp(self.ctx, self, lambda s: revoke_certificate(s, actor, serial, reason),
                   changes={CERTIFICATES, AUDIT}).success(done).failure(
            self.show_failure).run()
