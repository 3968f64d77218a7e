"""The certificate registry (Certificaten page): model, proxy and view together.

Lazy like the other long lists: ``services.certificates.list_certificates`` filters and cuts
in the database, 200 rows a window, newest first. The registry has no sort of its own, so the
header does not sort. A revoked certificate stays in the list (unless hidden with the page's
toggle): its row is muted and its status red, with the reason as the tooltip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from kringloopdesk.gui.formatting import format_moment
from kringloopdesk.gui.models.lazy_model import Counter, LazyProxy, LazyTableModel, Loader
from kringloopdesk.gui.models.row_model import Index
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.foreground_delegate import ForegroundDelegate
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.services.certificates import CertificateFilter, CertificateRow

CERTIFICATE_SERIAL_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("serial", "status", "kind", "subject", "detail", "issued_at", "code")
COLUMN_WIDTHS = {
    "serial": 118, "status": 100, "kind": 170, "subject": 175, "detail": 200,
    "issued_at": 124, "code": 96,
}

translate = QCoreApplication.translate


def column_titles() -> tuple[str, ...]:
    titles = {
        "serial": translate("CertificatesModel", "Nummer"),
        "status": translate("CertificatesModel", "Status"),
        "kind": translate("CertificatesModel", "Soort"),
        "subject": translate("CertificatesModel", "Voor"),
        "detail": translate("CertificatesModel", "Omschrijving"),
        "issued_at": translate("CertificatesModel", "Uitgegeven"),
        "code": translate("CertificatesModel", "Code"),
    }
    return tuple(titles[column] for column in COLUMNS)


def status_text(row: CertificateRow) -> str:
    if row.revoked_at is not None:
        return translate("CertificatesModel", "Ingetrokken")
    return translate("CertificatesModel", "Geldig")


def status_tooltip(row: CertificateRow) -> str:
    """Why a certificate is revoked, and what replaced it; the replaced one for a reissue."""
    lines = []
    if row.revoked_at is not None:
        lines.append(translate("CertificatesModel", "Ingetrokken op {moment}: {reason}").format(
            moment=format_moment(row.revoked_at), reason=row.revoke_reason or ""))
    if row.replaced_by_serial:
        lines.append(translate("CertificatesModel", "Vervangen door {serial}").format(
            serial=row.replaced_by_serial))
    if row.replaces_serial:
        lines.append(translate("CertificatesModel", "Vervangt {serial}").format(
            serial=row.replaces_serial))
    return "\n".join(lines)


class CertificatesModel(LazyTableModel[CertificateRow, CertificateFilter]):
    def __init__(self, load: Loader, count: Counter, parent: QObject | None = None) -> None:
        super().__init__(load, count, CertificateFilter(), parent)

    def column_titles(self) -> tuple[str, ...]:
        return column_titles()

    def column_of(self, name: str) -> int:
        return COLUMNS.index(name)

    def set_filter(self, flt: CertificateFilter) -> None:
        self.set_query(flt)

    def _text(self, row: CertificateRow, column: str) -> str:
        if column == "serial":
            return row.serial
        if column == "status":
            return status_text(row)
        if column == "kind":
            return row.kind_label
        if column == "subject":
            return row.subject
        if column == "detail":
            return row.detail
        if column == "issued_at":
            return format_moment(row.issued_at)
        if column == "code":
            return row.code
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None or not 0 <= index.column() < len(COLUMNS):
            return None
        column = COLUMNS[index.column()]
        revoked = row.revoked_at is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in ("status", "serial"):
                return status_tooltip(row) or None
            if column in ("subject", "detail"):
                return self._text(row, column) or None
            if column == "kind":
                return translate("CertificatesModel", "In het Nederlands") if row.language == "nl" \
                    else translate("CertificatesModel", "In het Engels")
            if column == "issued_at" and row.issued_by:
                return translate("CertificatesModel", "Door {name}").format(name=row.issued_by)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "status" and revoked:
                return QColor(current_colors().danger)
            if revoked:
                return QColor(current_colors().muted_text)
            return None
        if role == Qt.ItemDataRole.FontRole and column == "status" and revoked:
            font = QFont()
            font.setBold(True)
            return font
        if role == CERTIFICATE_SERIAL_ROLE:
            return row.serial
        return None


class CertificatesProxy(LazyProxy):
    pass


class CertificatesView(ListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("certificates", parent)
        self.setItemDelegate(ForegroundDelegate(self))
        self.setSortingEnabled(False)  # the registry is listed newest first

    def prepare_columns(self) -> None:
        self.set_column_widths([COLUMN_WIDTHS[name] for name in COLUMNS])
