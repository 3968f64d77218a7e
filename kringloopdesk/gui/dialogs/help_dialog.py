"""The user guide (docs/handleiding.md) in its own window, opened with F1 from the main window.

The window is not modal: a volunteer can keep it open beside the Weegpost while working. The
guide is rendered with ``QTextBrowser.setMarkdown``; its screenshots are found relative to the
docs folder (``paths.docs_path``, which works from source and from the PyInstaller bundle) and
scaled down to the width of the window. A missing guide gives a Dutch message in the window
instead of an error. Ctrl+F (or the search field) finds the next match; Enter finds the next.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.gui import icons
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.paths import docs_path

log = logging.getLogger(__name__)

GUIDE_NAME = "handleiding.md"
# Pages without a heading of their own open at the section that explains them.
SECTION_FOR_PAGE = {
    "Dashboard": "Zo werkt het scherm",
    "Stromen": "Weegpost",
    "Balans": "Weegpost",
}
IMAGE_MARGIN = 60  # room for the document margin and the scroll bar


def guide_path() -> Path:
    return docs_path(GUIDE_NAME)


class GuideBrowser(QTextBrowser):
    """A text browser that loads the guide's images from the docs folder, scaled to fit: the
    screenshots are 1280 pixels wide, wider than the window."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setSearchPaths([str(folder)])
        self.setOpenLinks(False)  # links to the outside open in the system's browser
        self.anchorClicked.connect(self._open_link)

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            image = self._image(QUrl(url))
            if image is not None:
                return image
        return super().loadResource(kind, url)

    def _image(self, url: QUrl) -> QImage | None:
        name = url.toLocalFile() if url.isLocalFile() else url.path()
        path = Path(name) if Path(name).is_absolute() else self.folder / name
        image = QImage(str(path))
        if image.isNull():
            return None
        width = max(self.viewport().width(), 600) - IMAGE_MARGIN
        if image.width() > width:
            image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        return image

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)


class HelpDialog(QDialog):
    """The guide with a search field; one window, shown again on the next F1."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handleiding — KringloopDesk"))
        self.setWindowIcon(icons.app_icon())
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setWindowFlag(Qt.WindowType.WindowMinMaxButtonsHint, True)
        self.resize(QSize(900, 700))
        self.path = path or guide_path()
        self.found = True

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Zoeken in de handleiding (Ctrl+F)"))
        self.search_edit.setAccessibleName(self.tr("Zoeken in de handleiding"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(self.find_next)
        self.search_edit.textChanged.connect(self._search_from_top)
        self.next_button = QPushButton(self.tr("Volgende"))
        self.next_button.setToolTip(self.tr("Volgende plek zoeken (Enter)"))
        self.next_button.clicked.connect(self.find_next)
        self.search_status = QLabel()
        self.search_status.setStyleSheet(f"color: {current_colors().muted_text};")

        self.browser = GuideBrowser(self.path.parent)
        self.browser.setObjectName("HelpView")
        colors = current_colors()
        # Plain reading text: the theme colours text fields in the accent and pads them.
        self.browser.setStyleSheet(
            f"QTextBrowser#HelpView {{ color: {colors.primary_text}; background: {colors.card};"
            f" border: 1px solid {colors.secondary_light}; border-radius: 6px; padding: 0; }}"
        )
        self.browser.document().setDocumentMargin(24)
        self.load()

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.next_button)
        bar.addWidget(self.search_status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)

        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)
        QShortcut(QKeySequence.StandardKey.FindNext, self).activated.connect(self.find_next)

    def load(self) -> None:
        """Read the guide; a missing or unreadable file says so in the window."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            log.warning("Cannot read the user guide %s: %s", self.path, error)
            self.found = False
            text = self.tr(
                "# Handleiding niet gevonden\n\n"
                "Het bestand met de handleiding is niet gevonden of kan niet gelezen worden:\n\n"
                "`{path}`\n\n"
                "Vraag de beheerder om KringloopDesk opnieuw te installeren."
            ).format(path=self.path)
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(self.path.parent) + "/"))
        self.browser.setMarkdown(text)

    def show_section(self, title: str) -> bool:
        """Scroll to the heading for the page called ``title`` (False: no such heading)."""
        wanted = SECTION_FOR_PAGE.get(title, title).casefold()
        document = self.browser.document()
        block = document.firstBlock()
        while block.isValid():
            if block.blockFormat().headingLevel() > 1 and block.text().casefold().startswith(
                wanted
            ):
                top = document.documentLayout().blockBoundingRect(block).top()
                self.browser.verticalScrollBar().setValue(int(top))
                return True
            block = block.next()
        return False

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _search_from_top(self) -> None:
        cursor = self.browser.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        self.find_next()

    def find_next(self) -> bool:
        """Select the next match after the cursor, starting again at the top after the last."""
        word = self.search_edit.text().strip()
        if not word:
            self.search_status.clear()
            return False
        found = self.browser.find(word)
        if not found:  # wrap around
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(word)
        self.search_status.setText("" if found else self.tr("Niet gevonden"))
        return found
