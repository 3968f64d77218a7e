"""Choosing the shop's logo: a preview, "Kies een afbeelding…" and "Verwijderen"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kringloopdesk.errors import UserError
from kringloopdesk.gui.messages import MessageBox
from kringloopdesk.services.setup import MAX_LOGO_BYTES

PREVIEW_SIZE = 112


def logo_pixmap(data: bytes | None, size: int) -> QPixmap | None:
    """The logo scaled to fit ``size`` (device-pixel sharp), or None when there is none."""
    if not data:
        return None
    image = QPixmap()
    if not image.loadFromData(data):
        return None
    ratio = 2.0
    scaled = image.scaled(
        round(size * ratio),
        round(size * ratio),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    scaled.setDevicePixelRatio(ratio)
    return scaled


class LogoPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._logo: bytes | None = None
        self._read_only = False
        self.preview = QLabel()
        self.preview.setObjectName("LogoPreview")
        self.preview.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_button = QPushButton(self.tr("&Kies een afbeelding…"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Verwijderen"))
        self.remove_button.setFlat(True)
        self.remove_button.clicked.connect(lambda: self.set_logo(None, notify=True))
        note = QLabel(self.tr("PNG of JPG, hoogstens 2 MB"))
        note.setObjectName("FieldHint")

        buttons = QVBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(note)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._update_preview()

    @property
    def logo(self) -> bytes | None:
        return self._logo

    def set_logo(self, data: bytes | None, *, notify: bool = False) -> None:
        self._logo = data or None
        self._update_preview()
        if notify:
            self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.choose_button.setVisible(not read_only)
        self._update_preview()

    def choose(self) -> None:
        path = self.ask_file_name(self)
        if not path:
            return
        try:
            with open(path, "rb") as handle:
                # One byte more than allowed is enough to say it is too large.
                data = handle.read(MAX_LOGO_BYTES + 1)
        except OSError as exc:
            MessageBox.show_user_error(
                self,
                UserError(
                    self.tr("Het bestand '{name}' kan niet worden gelezen.").format(
                        name=Path(path).name
                    ),
                    details=str(exc),
                ),
            )
            return
        self.set_logo(data, notify=True)

    @classmethod
    def ask_file_name(cls, parent: QWidget) -> str | None:
        """The file dialog; tests replace this."""
        path, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("LogoPicker", "Logo kiezen"),
            str(Path.home()),
            QCoreApplication.translate("LogoPicker", "Afbeeldingen (*.png *.jpg *.jpeg)"),
        )
        return path or None

    def _update_preview(self) -> None:
        image = logo_pixmap(self._logo, PREVIEW_SIZE - 12)
        if image is not None:
            self.preview.setPixmap(image)
        else:
            self.preview.clear()
            self.preview.setText(
                self.tr("Geen logo") if self._logo is None else self.tr("Geen afbeelding")
            )
        self.remove_button.setVisible(self._logo is not None and not self._read_only)
