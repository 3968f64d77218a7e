"""Import templates: an XLSX workbook (or a CSV file) with the header row and one example row.

The XLSX workbook has the data sheet first (that is the sheet an import reads) and a second
sheet "Uitleg" that explains every column: required or not, the format, the allowed codes.
Text columns are formatted as text, so that Excel keeps the leading 0 of 06-12345678 and of a
worker number like 0042. The CSV is ``;``-separated, UTF-8 with BOM and uses a decimal comma
and dd-mm-jjjj, so it opens right in Dutch Excel.

Takes an :class:`~kringloopdesk.services.imports.ImportTemplate` (plain data; no Session here).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from kringloopdesk.i18n import _

if TYPE_CHECKING:
    from kringloopdesk.services.imports import ImportTemplate, TemplateColumn

HEADER_FILL = "1F5F3A"
REQUIRED_MARK = " *"


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    return str(value)


def _atomic_write(path: Path, data: bytes) -> Path:
    """Write next to the target and move into place: never half a file under its name."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return path


def template_csv(template: ImportTemplate) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.name for column in template.columns])
    writer.writerow([_csv_value(column.example) for column in template.columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _number_format(column: TemplateColumn) -> str:
    if isinstance(column.example, dt.date) or "datum" in column.name:
        return "DD-MM-YYYY"
    if column.name == "kg":
        return "0.000"
    if column.name in ("uren", "uren_per_week"):
        return "0.00"
    return "@"  # text


def template_xlsx(template: ImportTemplate) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    data = workbook.active
    assert data is not None
    data.title = template.sheet
    bold_white = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    for index, column in enumerate(template.columns, start=1):
        letter = get_column_letter(index)
        number_format = _number_format(column)
        # The whole column gets the format, so rows the user adds behave the same.
        data.column_dimensions[letter].number_format = number_format
        data.column_dimensions[letter].width = max(14, len(column.name) + 4)
        header = data.cell(row=1, column=index, value=column.name)
        header.font = bold_white
        header.fill = fill
        example = data.cell(row=2, column=index)
        value = column.example
        if isinstance(value, Decimal):
            value = float(value) if value != value.to_integral_value() else int(value)
        example.value = value
        example.number_format = number_format
    data.freeze_panes = "A2"

    # Always "Uitleg": the sheet name is part of the (Dutch) file format, like the columns.
    sheet = workbook.create_sheet("Uitleg")
    sheet.append([template.title])
    sheet["A1"].font = Font(bold=True, size=14)
    for note in template.notes:
        sheet.append([note])
    sheet.append([])
    heading = [_("kolom"), _("verplicht"), _("inhoud en vorm"), _("voorbeeld"),
               _("toegestane codes")]
    sheet.append(heading)
    heading_row = sheet.max_row
    for cell in sheet[heading_row]:
        cell.font = bold_white
        cell.fill = fill
    for column in template.columns:
        allowed = "\n".join(f"{code} — {label}" for code, label in column.allowed)
        sheet.append([
            column.name + (REQUIRED_MARK if column.required else ""),
            _("ja") if column.required else _("nee"),
            column.explanation,
            _csv_value(column.example),
            allowed,
        ])
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDE", (24, 10, 60, 28, 48), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_template(path: Path, template: ImportTemplate) -> Path:
    """Write the template as CSV when ``path`` ends in .csv, else as XLSX."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return _atomic_write(path, template_csv(template))
    return _atomic_write(path, template_xlsx(template))
