"""What every page of the main window has: a header with its title, and the hooks the window
calls (refresh on F5, may it be left with unsaved changes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.gui.context import AppContext
from kringloopdesk.services.permissions import Permission

PAGE_MARGIN = 32


class Page(QWidget):
    icon_name = ""
    # The page is in the rail only for roles with this permission (None: for everyone).
    permission: Permission | None = None
    # Pages of one section ("goods") sit together in the rail under the section's title.
    rail_section: str | None = None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def title(self) -> str:
        raise NotImplementedError

    @classmethod
    def rail_title(cls) -> str:
        """The title without building the page: every ``title`` is one ``self.tr(…)``, and
        ``tr`` translates in the class's own context, so a stand-in with that ``tr`` will do."""
        return cls.title(_ClassTranslator(cls.__name__))  # type: ignore[arg-type]

    def refresh(self) -> None:
        """Read the page's data again (F5, and when it is shown)."""

    def may_leave(self) -> bool:
        """False keeps the page open (the user chose to stay with unsaved changes)."""
        return True

    def make_header(self, subtitle: QLabel, actions: list[QWidget] | None = None) -> QFrame:
        header = QFrame()
        header.setObjectName("PageHeader")
        title = QLabel(self.title())
        title.setObjectName("PageTitle")
        subtitle.setObjectName("PageSubtitle")
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(title)
        texts.addWidget(subtitle)
        row = QHBoxLayout(header)
        row.setContentsMargins(PAGE_MARGIN, 24, PAGE_MARGIN, 16)
        row.addLayout(texts, 1)
        for action in actions or []:
            row.addWidget(action)
        return header

    def set_content(self, header: QFrame, body: QWidget, *, scroll: bool = True) -> None:
        """Lay the page out: the header on top, the body beneath it — scrolling, or (for a
        list that scrolls itself) filling the rest of the page."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        if scroll:
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setWidget(body)
            layout.addWidget(area, 1)
        else:
            layout.addWidget(body, 1)


class _ClassTranslator:
    def __init__(self, context: str) -> None:
        self.context = context

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(self.context, text)
