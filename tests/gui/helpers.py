"""Small helpers for the GUI tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit


def pdf_text(path: Path) -> str:
    """The text on every page of a PDF, read with QtPdf (the fonts are embedded subsets, so
    the raw file does not contain the text)."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    error = document.load(str(path))
    assert error == QPdfDocument.Error.None_, f"{path} cannot be read: {error}"
    try:
        return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))
    finally:
        document.close()


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    qtbot.keyClicks(edit, text)
