"""A certificate before and after it is issued: the draft (with "CONCEPT" across it) in a PDF
view, language and orientation to choose, then "Uitgeven", which gives it its serial and
signature in the registry and shows the real PDF; that one can be printed through the system's
print dialog and saved as a PDF.

The registry keeps the serial, the code and the fingerprint, not the file: closing an issued
certificate that was not saved asks whether to save it first (otherwise only a reissue, with a
new serial, gives a file again).

Opened from a placement (``for_placement``), an agreement (``for_agreement``) or after a
reissue on the Certificaten page (``for_issued``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMargins, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kringloopdesk.errors import UserError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, CERTIFICATES, AppContext
from kringloopdesk.gui.dialogs.file_dialog import FileDialog, safe_file_name
from kringloopdesk.gui.dialogs.modal import ModalDialog
from kringloopdesk.gui.dialogs.print_dialog import PrintDialog, print_document
from kringloopdesk.gui.messages import MessageBox, UnsavedChoice, show_status
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.reports.ords import write_atomically
from kringloopdesk.services.certificates import (
    IssuedCertificate,
    issue_participation,
    issue_partnership,
    preview_participation,
    preview_partnership,
)
from kringloopdesk.services.workers import Choice

log = logging.getLogger(__name__)

PARTICIPATION = "deelname"
PARTNERSHIP = "samenwerking"
LANGUAGES = (("nl", "Nederlands"), ("en", "English"))


class CertificatePreviewDialog(ModalDialog):
    def __init__(
        self,
        ctx: AppContext,
        kind: str,
        subject_id: int | None,
        parent: QWidget | None = None,
        *,
        issued: IssuedCertificate | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.subject_id = subject_id
        self.issued: IssuedCertificate | None = None
        self.saved_path = None
        self.printed = False
        self.draft_loaded = False
        self._buffer: QBuffer | None = None  # QtPdf reads from it while the document lives
        self.setWindowTitle(self.tr("Certificaat"))
        self.setWindowIcon(icons.app_icon())
        self.setMinimumSize(760, 640)
        self.resize(980, 900)

        self.heading_label = QLabel(
            self.tr("Certificaat van deelname") if kind == PARTICIPATION
            else self.tr("Samenwerkingscertificaat"))
        self.heading_label.setObjectName("DialogTitle")
        self.state_label = QLabel()
        self.state_label.setObjectName("DialogSubtitle")
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.language_combo = ChoiceCombo([Choice(code, label) for code, label in LANGUAGES])
        self.language_combo.setAccessibleName(self.tr("Taal"))
        self.orientation_combo = ChoiceCombo([Choice("portrait", self.tr("Staand")),
                                              Choice("landscape", self.tr("Liggend"))])
        self.orientation_combo.setAccessibleName(self.tr("Richting"))
        self.orientation_combo.set_value("portrait" if kind == PARTICIPATION else "landscape")
        self.language_combo.set_value(ctx.language if ctx.language in dict(LANGUAGES) else "nl")
        self.language_combo.value_changed.connect(lambda _v: self.load_draft())
        self.orientation_combo.value_changed.connect(lambda _v: self.load_draft())
        options = QHBoxLayout()
        options.setSpacing(8)
        self.language_caption = QLabel(self.tr("Taal"))
        self.orientation_caption = QLabel(self.tr("Richting"))
        options.addWidget(self.language_caption)
        options.addWidget(self.language_combo)
        options.addSpacing(16)
        options.addWidget(self.orientation_caption)
        options.addWidget(self.orientation_combo)
        options.addStretch(1)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("CertificatePreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        # FitInView leaves the margins out of its sum: with any, the page's foot is cut off.
        self.view.setDocumentMargins(QMargins(0, 0, 0, 0))
        self.view.setMinimumHeight(420)

        colors = current_colors()
        self.close_button = QPushButton(self.tr("Sluiten"))
        self.close_button.setFlat(True)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.print_button = QPushButton(self.tr("&Afdrukken…"))
        self.print_button.setIcon(icons.icon("printer", colors.secondary_text))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_certificate)
        self.save_button = QPushButton(self.tr("Opslaan als PDF…"))
        self.save_button.setIcon(icons.icon("save", colors.secondary_text))
        self.save_button.setAutoDefault(False)
        self.save_button.setToolTip(self.tr("Opslaan als PDF (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_pdf)
        self.issue_button = QPushButton(self.tr("Uitgeven"))
        self.issue_button.setObjectName("PrimaryButton")
        self.issue_button.setToolTip(self.tr(
            "Het certificaat krijgt een nummer en een controlecode en komt in het register"))
        self.issue_button.clicked.connect(self.issue)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.issue_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.state_label)
        layout.addLayout(options)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        # The view was made before the options: Tab reaches it after them, as it is read.
        QWidget.setTabOrder(self.orientation_combo, self.view)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save_pdf)
        QShortcut(QKeySequence.StandardKey.Print, self).activated.connect(self.print_certificate)

        if issued is not None:
            self._show_issued(issued)
        else:
            self._update_state()

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def for_placement(cls, ctx: AppContext, placement_id: int, parent: QWidget | None = None
                      ) -> CertificatePreviewDialog | None:
        """The certificate of participation for a placement; None when the draft could not
        be made (the reason was shown)."""
        return cls._open(cls(ctx, PARTICIPATION, placement_id, parent))

    @classmethod
    def for_agreement(cls, ctx: AppContext, agreement_id: int, parent: QWidget | None = None
                      ) -> CertificatePreviewDialog | None:
        """The partnership certificate for an agreement."""
        return cls._open(cls(ctx, PARTNERSHIP, agreement_id, parent))

    @classmethod
    def for_issued(cls, ctx: AppContext, issued: IssuedCertificate,
                   parent: QWidget | None = None) -> CertificatePreviewDialog:
        """A certificate just issued elsewhere (a reissue): to print and save."""
        kind = PARTICIPATION if issued.kind == PARTICIPATION else PARTNERSHIP
        dialog = cls(ctx, kind, None, parent, issued=issued)
        dialog.ask()
        dialog.deleteLater()
        return dialog

    @classmethod
    def _open(cls, dialog: CertificatePreviewDialog) -> CertificatePreviewDialog | None:
        try:
            if not dialog.load_draft():
                return None
            dialog.ask()
            return dialog
        finally:
            dialog.deleteLater()

    # -- the draft --------------------------------------------------------------------------

    @property
    def language(self) -> str:
        return str(self.language_combo.currentData())

    @property
    def orientation(self) -> str:
        return str(self.orientation_combo.currentData())

    def _preview(self, session: Session) -> bytes:
        actor = self.ctx.actor
        assert actor is not None and self.subject_id is not None
        make = preview_participation if self.kind == PARTICIPATION else preview_partnership
        return make(session, actor, self.subject_id, language=self.language,
                    orientation=self.orientation)

    def load_draft(self) -> bool:
        """Render the draft with the chosen language and orientation; False when it could
        not be made (the reason was shown)."""
        if self.issued is not None or self.ctx.actor is None or self.subject_id is None:
            return False
        pdf = query(self.ctx, self, self._preview)
        if pdf is None:
            return False
        self.draft_loaded = self.show_pdf(pdf)
        self._update_state()
        return self.draft_loaded

    def show_pdf(self, pdf: bytes) -> bool:
        """Show ``pdf`` in the view; False (and said in the dialog) when QtPdf cannot read
        it."""
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        old, self._buffer = self._buffer, buffer
        if old is not None:
            old.close()
            old.deleteLater()
        if self.document.status() != QPdfDocument.Status.Ready:
            log.error("QtPdf cannot show the certificate: %s", self.document.error())
            self.state_label.setText(self.tr("Het certificaat kan hier niet getoond worden."))
            return False
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        return True

    # -- issuing ----------------------------------------------------------------------------

    def issue(self) -> None:
        actor = self.ctx.actor
        if self.issued is not None or actor is None or self.subject_id is None:
            return
        if not MessageBox.confirm(
            self,
            self.tr("Dit certificaat uitgeven?"),
            self.tr("Het krijgt een vast nummer en een controlecode en komt in het register van "
                    "de winkel. Daarna is het niet meer te wijzigen; wel kunt u het intrekken "
                    "of opnieuw uitgeven."),
            self.tr("Uitgeven"),
        ):
            return
        subject_id, language, orientation = self.subject_id, self.language, self.orientation
        make: Callable[..., IssuedCertificate] = (
            issue_participation if self.kind == PARTICIPATION else issue_partnership)
        DatabaseOp(
            self.ctx, self,
            lambda s: make(s, actor, subject_id, language=language, orientation=orientation),
            changes={CERTIFICATES, AUDIT},
        ).success(self._show_issued).run()

    def _show_issued(self, issued: IssuedCertificate) -> None:
        self.issued = issued
        self.show_pdf(issued.pdf)
        self._update_state()
        self._status(self.tr("Certificaat {serial} uitgegeven").format(serial=issued.serial))
        self.save_button.setDefault(True)
        self.save_button.setFocus()

    def _update_state(self) -> None:
        issued = self.issued is not None
        for widget in (self.language_combo, self.orientation_combo, self.language_caption,
                       self.orientation_caption):
            widget.setEnabled(not issued)
        self.issue_button.setVisible(not issued)
        self.issue_button.setEnabled(self.draft_loaded)
        self.print_button.setEnabled(issued)
        self.save_button.setEnabled(issued)
        if self.issued is None:
            self.state_label.setText(self.tr(
                "Concept — nog niet uitgegeven. Kies de taal en de richting; met Uitgeven "
                "krijgt het certificaat een nummer en een controlecode."))
            self.print_button.setToolTip(self.tr("Geef het certificaat eerst uit"))
            self.save_button.setToolTip(
                self.tr("Opslaan als PDF (Ctrl+S) kan nadat het certificaat is uitgegeven"))
            self.setWindowTitle(self.tr("Certificaat — concept"))
            return
        text = self.tr("Uitgegeven: {serial} · controlecode {code} · {subject}").format(
            serial=self.issued.serial, code=self.issued.code, subject=self.issued.subject)
        if self.issued.replaces_serial:
            text += " · " + self.tr("vervangt {serial}").format(
                serial=self.issued.replaces_serial)
        if self.saved_path is not None:
            text += "\n" + self.tr("Opgeslagen: {path}").format(path=self.saved_path)
        self.state_label.setText(text)
        self.print_button.setToolTip(
            self.tr("Afdrukken via het afdrukvenster van Windows (Ctrl+P)"))
        self.save_button.setToolTip(self.tr("Opslaan als PDF (Ctrl+S)"))
        self.setWindowTitle(self.tr("Certificaat {serial}").format(serial=self.issued.serial))

    # -- print and save ---------------------------------------------------------------------

    def suggested_name(self) -> str:
        assert self.issued is not None
        return safe_file_name(f"{self.issued.serial} {self.issued.subject}") + ".pdf"

    def save_pdf(self) -> bool:
        """Ask where, then write the issued PDF (whole or not at all); True when saved."""
        issued = self.issued
        if issued is None:
            return False
        path = FileDialog.save_file(self, self.tr("Certificaat opslaan"), self.suggested_name(),
                                    self.tr("PDF-bestand (*.pdf)"))
        if path is None:
            return False
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_atomically(path, issued.pdf)
        except OSError as error:
            MessageBox.show_user_error(self, UserError(self.tr(
                "Het certificaat kan niet worden opgeslagen in {path}: {problem}. Er is niets "
                "half geschreven; kies een andere map. Het certificaat staat wel in het "
                "register."
            ).format(path=path, problem=error.strerror or error)))
            return False
        self.saved_path = path
        self._update_state()
        self._status(self.tr("Certificaat {serial} opgeslagen: {path}").format(
            serial=issued.serial, path=path))
        return True

    def print_certificate(self) -> bool:
        issued = self.issued
        if issued is None or self.document.pageCount() == 0:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(issued.serial)
        printer.setCreator("KringloopDesk")
        if not PrintDialog.choose_printer(self, printer, self.tr("Certificaat afdrukken")):
            return False
        try:
            print_document(self.document, printer)
        except OSError:
            log.exception("Printing %s failed", issued.serial)
            MessageBox.show_user_error(self, UserError(self.tr(
                "De printer kon niet worden gestart. Kijk of hij aan staat en verbonden is, of "
                "sla het certificaat op als PDF en druk dat later af.")))
            return False
        self.printed = True
        self._status(self.tr("Certificaat {serial} naar de printer gestuurd").format(
            serial=issued.serial))
        return True

    def _status(self, text: str) -> None:
        show_status(self.parentWidget(), text)

    # -- closing ----------------------------------------------------------------------------

    @classmethod
    def ask_save_before_close(cls, parent: QWidget, serial: str) -> UnsavedChoice:
        """Save the issued certificate before closing? Tests replace this."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        translate = QCoreApplication.translate  # a classmethod has no self.tr
        box.setWindowTitle(translate("CertificatePreviewDialog", "Certificaat niet opgeslagen"))
        box.setText(translate(
            "CertificatePreviewDialog", "Certificaat {serial} opslaan voordat u sluit?",
        ).format(serial=serial))
        box.setInformativeText(translate(
            "CertificatePreviewDialog",
            "Het certificaat staat in het register, maar het bestand is nog nergens opgeslagen. "
            "Sluit u zonder opslaan, dan kunt u het alleen nog opnieuw uitgeven, met een nieuw "
            "nummer."))
        save = box.addButton(translate("CertificatePreviewDialog", "Opslaan als PDF…"),
                             QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(translate("CertificatePreviewDialog", "Sluiten zonder opslaan"),
                                QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(translate("CertificatePreviewDialog", "Annuleren"),
                               QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return UnsavedChoice.SAVE
        if clicked is discard:
            return UnsavedChoice.DISCARD
        return UnsavedChoice.CANCEL

    def may_close(self) -> bool:
        if self.issued is None or self.saved_path is not None:
            return True
        choice = type(self).ask_save_before_close(self, self.issued.serial)
        if choice is UnsavedChoice.SAVE:
            return self.save_pdf()
        return choice is UnsavedChoice.DISCARD

    def reject(self) -> None:
        if self.may_close():
            super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        self.document.close()
