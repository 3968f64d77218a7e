"""Printing a PDF we made (a certificate) through the system's print dialog.

``PrintDialog.choose_printer`` is a class method, like ``FileDialog``: tests replace it with
one that points the printer at a PDF file and says yes, and the real page rendering runs.
Each page is rendered by QtPdf at the printer's resolution (at most ``MAX_PRINT_DPI``) and
drawn on the whole sheet, in the page's own size and orientation.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRect, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

# Enough for sharp text and a QR that scans; a 1200 dpi A4 bitmap would be 140 MB.
MAX_PRINT_DPI = 300


class PrintDialog:
    @classmethod
    def choose_printer(cls, parent: QWidget | None, printer: QPrinter, title: str) -> bool:
        """Let the user choose the printer and its options; False when they cancelled.
        Tests replace this."""
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        return dialog.exec() == QDialog.DialogCode.Accepted


def page_layout_for(document: QPdfDocument, page: int) -> QPageLayout:
    """The paper of one PDF page: its size in points, portrait or landscape, no margins."""
    size = document.pagePointSize(page)
    landscape = size.width() > size.height()
    portrait_size = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    return QPageLayout(
        QPageSize(portrait_size, QPageSize.Unit.Point),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
    )


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw every page of ``document`` on ``printer``; the number of pages printed."""
    pages = document.pageCount()
    if pages == 0:
        return 0
    printer.setFullPage(True)
    printer.setPageLayout(page_layout_for(document, 0))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        for page in range(pages):
            if page > 0:
                printer.setPageLayout(page_layout_for(document, page))
                printer.newPage()
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(page, size)
            painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
    finally:
        painter.end()
    return pages
