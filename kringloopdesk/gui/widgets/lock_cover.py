"""A calm sheet over a window while the app is locked: what was on screen stays where it is
(nothing is closed or rebuilt) but cannot be seen until the same user unlocks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class LockCover(QWidget):
    def __init__(self, window: QWidget, title: str = "") -> None:
        super().__init__(window)
        self.setObjectName("LockCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 56, 24, 24)
        layout.setSpacing(10)
        if title:  # the shop's name; the lock dialog in front says the rest
            heading = QLabel(title)
            heading.setObjectName("LockTitle")
            heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(heading)
        layout.addStretch(1)
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        elif watched is self.parent() and event.type() == QEvent.Type.ChildAdded:
            self.raise_()  # stay on top of what is added while locked
        return False

    def remove(self) -> None:
        parent = self.parent()
        if parent is not None:
            parent.removeEventFilter(self)
        self.hide()
        self.deleteLater()
