"""The dialog for a bug: what happened in plain Dutch, what to do, where the log is, and the
technical details one click away ("Details kopiëren")."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.gui import icons
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.paths import log_dir

LOG_FILE_NAME = "kringloopdesk.log"


def log_file_location() -> str:
    try:
        return str(log_dir() / LOG_FILE_NAME)
    except OSError:
        return LOG_FILE_NAME


class ErrorDialog(QDialog):
    def __init__(self, parent: QWidget | None, details: str) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("Er ging iets mis"))
        self.setMinimumWidth(560)
        colors = current_colors()

        symbol = QLabel()
        symbol.setPixmap(icons.pixmap("alert", 40, colors.danger))
        symbol.setFixedSize(48, 48)

        title = QLabel(self.tr("Er ging iets mis…"))
        title.setObjectName("DialogTitle")
        explanation = QLabel(
            self.tr(
                "KringloopDesk kwam een fout tegen die niet had mogen gebeuren. Wat al was "
                "opgeslagen, blijft bewaard; de laatste handeling is misschien niet uitgevoerd."
            )
        )
        what_to_do = QLabel(
            self.tr(
                "Probeer het nog een keer. Gebeurt het opnieuw, klik dan op "
                "<b>Details kopiëren</b> en stuur de tekst, of het logbestand, naar wie u helpt "
                "met KringloopDesk."
            )
        )
        log_line = QLabel(self.tr("Logbestand: {path}").format(path=log_file_location()))
        log_line.setObjectName("FormNote")
        for label in (explanation, what_to_do, log_line):
            label.setWordWrap(True)
        log_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details_view = QPlainTextEdit(details)
        self.details_view.setObjectName("Details")
        self.details_view.setReadOnly(True)
        self.details_view.setMinimumHeight(180)
        self.details_view.hide()

        self.toggle_button = QPushButton(self.tr("Details &tonen"))
        self.toggle_button.setFlat(True)
        self.toggle_button.clicked.connect(self.toggle_details)
        self.copy_button = QPushButton(self.tr("Details &kopiëren"))
        self.copy_button.setIcon(icons.icon("copy", colors.primary))
        self.copy_button.clicked.connect(self.copy_details)
        close_button = QPushButton(self.tr("Sluiten"))
        close_button.setObjectName("PrimaryButton")
        close_button.setDefault(True)
        close_button.clicked.connect(self.accept)

        text_column = QVBoxLayout()
        text_column.setSpacing(10)
        for widget in (title, explanation, what_to_do, log_line):
            text_column.addWidget(widget)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(symbol, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text_column, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.toggle_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 20)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addWidget(self.details_view, 1)
        layout.addLayout(buttons)
        close_button.setFocus()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Gekopieerd"))
        QTimer.singleShot(
            2500, self.copy_button, lambda: self.copy_button.setText(self.tr("Details kopiëren"))
        )

    def toggle_details(self) -> None:
        visible = not self.details_view.isVisible()
        self.details_view.setVisible(visible)
        text = self.tr("Details &verbergen") if visible else self.tr("Details &tonen")
        self.toggle_button.setText(text)
        self.adjustSize()

    @classmethod
    def show_error(cls, parent: QWidget | None, details: str) -> None:
        """Show the dialog for a bug and wait until it is closed. Tests replace this."""
        cls(parent, details).exec()
