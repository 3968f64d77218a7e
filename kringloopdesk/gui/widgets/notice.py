"""A calm notice at the top of a page: an icon, a short title and a sentence of explanation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kringloopdesk.gui import icons
from kringloopdesk.gui.theme import current_colors, mix


class NoticeBanner(QFrame):
    def __init__(
        self, title: str, text: str, icon_name: str = "info", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("NoticeBanner")
        colors = current_colors()
        symbol = QLabel()
        symbol.setPixmap(icons.pixmap(icon_name, 20, mix(colors.ochre, colors.primary_text, 0.25)))
        symbol.setFixedWidth(24)
        symbol.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("NoticeTitle")
        self.text_label = QLabel(text)
        self.text_label.setWordWrap(True)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title_label)
        texts.addWidget(self.text_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(symbol)
        layout.addLayout(texts, 1)
        self.setAccessibleName(f"{title} {text}")
