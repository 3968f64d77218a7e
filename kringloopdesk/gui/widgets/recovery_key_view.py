"""The recovery key, shown once: large and grouped, what it is for in plain Dutch, a button
that saves it as a PDF to print, and the check "Ik heb de herstelsleutel veilig bewaard".

Used by the last page of the first-run wizard and by the dialog after a beheerder made a new
key. The key is never put on the clipboard (clipboard tools keep a history).
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.errors import UserError
from kringloopdesk.gui import icons
from kringloopdesk.gui.dialogs.file_dialog import FileDialog, safe_file_name
from kringloopdesk.gui.messages import MessageBox
from kringloopdesk.gui.theme import current_colors

log = logging.getLogger(__name__)


class RecoveryKeyView(QWidget):
    confirmed_changed = Signal(bool)
    pdf_saved = Signal(object)  # Path

    def __init__(self, shop_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop_name = shop_name
        self.recovery_key = ""
        self.saved_path: Path | None = None

        self.key_label = QLabel()
        self.key_label.setObjectName("RecoveryKey")
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName(self.tr("Herstelsleutel"))
        self.key_caption = QLabel()
        self.key_caption.setObjectName("RecoveryKeyCaption")
        self.key_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card = QFrame()
        card.setObjectName("RecoveryKeyCard")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(16, 14, 16, 16)
        card_layout.setSpacing(6)
        card_layout.addWidget(self.key_caption)
        card_layout.addWidget(self.key_label)

        what = QLabel(
            self.tr(
                "De gevoelige gegevens van deelnemers (ondersteuningsvragen, werkaanpassingen "
                "en voortgangsnotities) worden versleuteld bewaard. Zijn alle beheerders hun "
                "wachtwoord kwijt, dan is deze sleutel de enige weg terug naar die gegevens."
            )
        )
        where = QLabel(
            self.tr(
                "Druk hem af of sla hem op als PDF, en bewaar hem op een veilige plek, "
                "bijvoorbeeld in de kluis — niet bij de computer. Wie de sleutel en een kopie "
                "van de database heeft, kan de gevoelige gegevens lezen."
            )
        )
        once = QLabel(self.tr("De sleutel wordt maar één keer getoond."))
        once.setObjectName("RecoveryKeyOnce")
        for label in (what, where, once):
            label.setWordWrap(True)

        self.pdf_button = QPushButton(self.tr("&Afdrukken / opslaan als PDF…"))
        self.pdf_button.setIcon(icons.icon("printer", current_colors().primary))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("FormNote")
        self.saved_label.setWordWrap(True)
        self.saved_label.setOpenExternalLinks(True)
        self.saved_label.hide()
        pdf_row = QHBoxLayout()
        pdf_row.setSpacing(12)
        pdf_row.addWidget(self.pdf_button, 0)
        pdf_row.addWidget(self.saved_label, 1)
        pdf_row.addStretch(0)

        self.confirm_check = QCheckBox(self.tr("Ik heb de herstelsleutel veilig bewaard"))
        self.confirm_check.setObjectName("ConfirmCheck")
        self.confirm_check.toggled.connect(self.confirmed_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(card)
        layout.addSpacing(4)
        layout.addWidget(what)
        layout.addWidget(where)
        layout.addWidget(once)
        layout.addSpacing(6)
        layout.addLayout(pdf_row)
        layout.addSpacing(10)
        layout.addWidget(self.confirm_check)

    def set_key(self, recovery_key: str, shop_name: str | None = None) -> None:
        if shop_name is not None:
            self.shop_name = shop_name
        self.key_caption.setText(
            self.tr("Herstelsleutel van {shop}").format(shop=self.shop_name)
            if self.shop_name
            else self.tr("Herstelsleutel")
        )
        self.recovery_key = recovery_key
        self.key_label.setText(recovery_key)
        self.saved_path = None
        self.saved_label.hide()
        self.confirm_check.setChecked(False)

    @property
    def confirmed(self) -> bool:
        return self.confirm_check.isChecked()

    def save_pdf(self) -> None:
        path = FileDialog.save_file(
            self,
            self.tr("Herstelsleutel opslaan als PDF"),
            self.tr("Herstelsleutel {shop}.pdf").format(shop=safe_file_name(self.shop_name)),
            self.tr("PDF-bestanden (*.pdf)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        # ReportLab only now: it is no part of the wizard's first paint.
        from kringloopdesk.reports.recovery_key import write_recovery_key_pdf

        try:
            write_recovery_key_pdf(path, self.shop_name, self.recovery_key)
        except OSError as exc:
            log.warning("Cannot write the recovery key PDF %s: %s", path, exc)
            MessageBox.show_user_error(
                self,
                UserError(
                    self.tr(
                        "De PDF kan niet worden opgeslagen in '{folder}'. Kies een andere map, "
                        "bijvoorbeeld Documenten."
                    ).format(folder=path.parent),
                    details=str(exc),
                ),
            )
            return
        self.saved_path = path
        url = QUrl.fromLocalFile(str(path)).toString()
        self.saved_label.setText(
            self.tr('Opgeslagen als <a href="{url}">{name}</a> — open het om af te drukken.')
            .format(url=html.escape(url), name=html.escape(path.name))
        )
        self.saved_label.show()
        self.pdf_saved.emit(path)
