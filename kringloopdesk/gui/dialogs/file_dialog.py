"""Asking for a file name to save to. A class method, so tests answer it without a dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def safe_file_name(text: str) -> str:
    """A file name from free text (a shop's or a person's name), without path characters."""
    cleaned = "".join("-" if ch in '\\/:*?"<>|' else ch for ch in text).strip(" .")
    return cleaned or "KringloopDesk"


class FileDialog:
    @classmethod
    def save_file(
        cls, parent: QWidget | None, title: str, suggested_name: str, file_filter: str
    ) -> Path | None:
        """The path the user chose to save to, or None when they cancelled. Tests replace
        this."""
        path, _selected = QFileDialog.getSaveFileName(
            parent, title, str(documents_folder() / suggested_name), file_filter
        )
        return Path(path) if path else None

    @classmethod
    def open_file(cls, parent: QWidget | None, title: str, file_filter: str) -> Path | None:
        """The file the user chose to open, or None when they cancelled. Tests replace this."""
        path, _selected = QFileDialog.getOpenFileName(
            parent, title, str(documents_folder()), file_filter
        )
        return Path(path) if path else None
