"""Controleren: is this certificate ours and still valid? Choose the PDF someone sent, or type
the code or serial printed on the paper. The answer is big and plain — Echt, Ingetrokken (with
the reason), Gewijzigd or Onbekend — with the certificate's details and one sentence that
says what it means.

Anyone logged in may check (the services ``verify_pdf``/``verify_code`` take no actor). A file
with several certificates shows each; the headline is the worst of them.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.file_dialog import FileDialog
from kringloopdesk.gui.dialogs.modal import ModalDialog
from kringloopdesk.gui.formatting import format_moment
from kringloopdesk.gui.operations import query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.services.certificates import VerificationResult, verify_code, verify_pdf

# The worst answer wins the headline (as the CLI's exit code: altered 1, revoked 2, unknown 3).
SEVERITY = {"genuine": 0, "revoked": 1, "altered": 2, "unknown": 3}
# A PDF we made is well under a megabyte; a much larger file is not one of ours.
MAX_PDF_BYTES = 50_000_000


def worst(results: list[VerificationResult]) -> str:
    if not results:
        return "unknown"
    return max((r.status for r in results), key=lambda s: SEVERITY.get(s, 3))


class VerifyDialog(ModalDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.results: list[VerificationResult] = []
        self.verdict: str | None = None  # "genuine" | "revoked" | "altered" | "unknown"
        self.setWindowTitle(self.tr("Certificaat controleren"))
        self.setWindowIcon(icons.app_icon())
        self.setMinimumWidth(620)
        colors = current_colors()

        heading = QLabel(self.tr("Is dit certificaat echt?"))
        heading.setObjectName("DialogTitle")
        intro = QLabel(self.tr(
            "Kies het PDF-bestand van het certificaat, of typ de controlecode of het nummer "
            "dat onderaan het certificaat staat."))
        intro.setObjectName("DialogSubtitle")
        intro.setWordWrap(True)

        self.file_button = QPushButton(self.tr("&PDF-bestand kiezen…"))
        self.file_button.setIcon(icons.icon("download", colors.secondary_text))
        self.file_button.setAutoDefault(False)
        self.file_button.clicked.connect(self.choose_file)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Code (7KQ2-M9XD) of nummer (KAL-2026-0007)"))
        self.code_edit.setAccessibleName(self.tr("Controlecode of nummer"))
        self.code_edit.setClearButtonEnabled(True)
        self.code_edit.returnPressed.connect(self.check_code)
        self.code_edit.textChanged.connect(self._update_buttons)
        self.code_button = QPushButton(self.tr("&Controleren"))
        self.code_button.setObjectName("PrimaryButton")
        self.code_button.clicked.connect(self.check_code)
        code_row = QHBoxLayout()
        code_row.setSpacing(8)
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.code_button)
        or_label = QLabel(self.tr("of"))
        or_label.setObjectName("FieldHint")
        file_row = QHBoxLayout()
        file_row.addWidget(or_label)
        file_row.addWidget(self.file_button)
        file_row.addStretch(1)

        # -- the answer --
        self.result_frame = QFrame()
        self.result_frame.setObjectName("FormCard")
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("VerdictLabel")
        self.explanation_label = QLabel()
        self.explanation_label.setWordWrap(True)
        self.details_label = QLabel()
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.RichText)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_label = QLabel()
        self.source_label.setObjectName("FieldHint")
        self.source_label.setWordWrap(True)
        result_layout = QVBoxLayout(self.result_frame)
        result_layout.setContentsMargins(20, 16, 20, 16)
        result_layout.setSpacing(8)
        result_layout.addWidget(self.verdict_label)
        result_layout.addWidget(self.explanation_label)
        result_layout.addWidget(self.details_label)
        result_layout.addWidget(self.source_label)
        self.result_frame.hide()

        self.close_button = QPushButton(self.tr("Sluiten"))
        self.close_button.setFlat(True)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(code_row)
        layout.addLayout(file_row)
        layout.addSpacing(6)
        layout.addWidget(self.result_frame)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._update_buttons()

    @classmethod
    def open_for(cls, ctx: AppContext, parent: QWidget | None = None, *,
                 text: str = "") -> VerifyDialog:
        """The dialog; with ``text`` (a serial or code) already checked."""
        dialog = cls(ctx, parent)
        if text:
            dialog.code_edit.setText(text)
            dialog.check_code()
        dialog.ask()
        dialog.deleteLater()
        return dialog

    def prepare(self) -> None:
        self.code_edit.setFocus()

    def _update_buttons(self, *_args: object) -> None:
        self.code_button.setEnabled(bool(self.code_edit.text().strip()))

    # -- checking ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        path = FileDialog.open_file(self, self.tr("Certificaat kiezen"),
                                    self.tr("PDF-bestand (*.pdf);;Alle bestanden (*)"))
        if path is not None:
            self.check_file(path)

    def check_file(self, path: Path) -> str | None:
        """Check the certificates in the PDF at ``path``; the headline verdict, or None when
        the file could not be read (said in the dialog)."""
        try:
            if path.stat().st_size > MAX_PDF_BYTES:
                self._show_problem(self.tr(
                    "{name} is te groot voor een certificaat van KringloopDesk.").format(
                    name=path.name))
                return None
            data = path.read_bytes()
        except OSError as error:
            self._show_problem(self.tr(
                "{name} kan niet worden gelezen: {problem}. Kies het bestand opnieuw.").format(
                name=path.name, problem=error.strerror or error))
            return None
        results = query(self.ctx, self, lambda s: verify_pdf(s, data))
        if results is None:
            return None
        self._show(results, self.tr("Gecontroleerd: {name}").format(name=path.name))
        return self.verdict

    def check_code(self) -> str | None:
        text = self.code_edit.text().strip()
        if not text:
            return None
        result = query(self.ctx, self, lambda s: verify_code(s, text))
        if result is None:
            return None
        self._show([result], self.tr("Gecontroleerd: {text}").format(text=text))
        return self.verdict

    # -- the answer -------------------------------------------------------------------------

    def verdict_text(self, status: str) -> str:
        return {
            "genuine": self.tr("Echt"),
            "revoked": self.tr("Ingetrokken"),
            "altered": self.tr("Gewijzigd"),
        }.get(status, self.tr("Onbekend"))

    def _verdict_color(self, status: str) -> str:
        colors = current_colors()
        return {"genuine": colors.primary, "revoked": colors.danger,
                "altered": colors.danger}.get(status, colors.ochre)

    def _show(self, results: list[VerificationResult], source: str) -> None:
        self.results = results
        self.verdict = worst(results)
        self.verdict_label.setText(self.verdict_text(self.verdict))
        self.verdict_label.setStyleSheet(
            f"font-size: 28px; font-weight: 700; color: {self._verdict_color(self.verdict)};")
        if not results:
            self.explanation_label.setText(self.tr(
                "Dit bestand bevat geen certificaat van deze winkel, of het is zo veranderd "
                "dat de controlegegevens niet meer te lezen zijn."))
            self.details_label.clear()
        else:
            headline = next(r for r in results if r.status == self.verdict)
            self.explanation_label.setText(headline.message)
            self.details_label.setText("<br><br>".join(
                self._details_html(r, several=len(results) > 1) for r in results))
        self.details_label.setVisible(bool(self.details_label.text()))
        self.source_label.setText(source)
        self.result_frame.show()

    def _details_html(self, result: VerificationResult, *, several: bool) -> str:
        rows: list[tuple[str, str]] = []
        if several:
            rows.append((self.tr("Uitslag"), self.verdict_text(result.status)))
        if result.serial:
            rows.append((self.tr("Nummer"), result.serial))
        if result.code:
            rows.append((self.tr("Controlecode"), result.code))
        if result.kind:
            rows.append((self.tr("Soort"), self._kind_text(result.kind)))
        if result.subject:
            rows.append((self.tr("Voor"), result.subject))
        if result.issued_at:
            rows.append((self.tr("Uitgegeven"), format_moment(result.issued_at)))
        if result.revoked_at:
            rows.append((self.tr("Ingetrokken"), format_moment(result.revoked_at)))
        if result.revoke_reason:
            rows.append((self.tr("Reden"), result.revoke_reason))
        if several and result.message and result.status != self.verdict:
            rows.append(("", result.message))
        return "<table cellspacing='0' cellpadding='2'>" + "".join(
            f"<tr><td style='color:{current_colors().muted_text}; padding-right:14px'>"
            f"{html.escape(label)}</td><td>{html.escape(value)}</td></tr>"
            for label, value in rows) + "</table>"

    def _kind_text(self, kind: str) -> str:
        return {"deelname": self.tr("Certificaat van deelname"),
                "samenwerking": self.tr("Samenwerkingscertificaat")}.get(kind, kind)

    def _show_problem(self, text: str) -> None:
        self.results = []
        self.verdict = None
        self.verdict_label.setText(self.tr("Niet gecontroleerd"))
        self.verdict_label.setStyleSheet(
            f"font-size: 20px; font-weight: 700; color: {current_colors().ochre};")
        self.explanation_label.setText(text)
        self.details_label.clear()
        self.details_label.hide()
        self.source_label.clear()
        self.result_frame.show()
