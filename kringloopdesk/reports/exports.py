"""The files of the association exports: CSV and XLSX here, the PDF in reports/export_pdf.py.

Takes :class:`~kringloopdesk.services.exports.ExportData` (plain data; no Session here) and
writes exactly the rows of :func:`~kringloopdesk.services.exports.preview_rows`.

CSV (domain.md "Export CSV"): UTF-8 with BOM, ``;``-separated, first line
``indicator;categorie;waarde;eenheid``, decimal comma with the fixed decimals of the unit, no
thousands separator, lines ending in CRLF (RFC 4180; what Excel itself writes). A BKN or Cedris
file holds the metadata rows and then its figures. An impact CSV holds both sets and has one
column more in front, ``sectie`` (``Metadata``, ``BKN Monitor``, ``Cedris``): the two sets both
have ``medewerkers`` and ``uren`` rows (by BKN group and by Cedris regeling) and their
``totaal`` rows would otherwise be indistinguishable.

XLSX (openpyxl): a sheet ``Metadata`` and one sheet per figure set (``BKN Monitor``,
``Cedris``). On a figure sheet each indicator is a block: a bold header row
``indicator | categorie | waarde (<eenheid>) | definitie``, then one row per categorie with the
value as a number cell (the rounded value of the CSV, as an exact decimal) in the number format
of its unit, then an empty row.

Text cells are protected against spreadsheet formula injection: in the CSV a text starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (a number such
as ``-1,5`` is left alone); in the XLSX every text is a string cell (never a formula) marked
with Excel's quote prefix.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from kringloopdesk.reports.ords import write_atomically
from kringloopdesk.services.progress import Progress

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from kringloopdesk.services.exports import ExportData
    from kringloopdesk.services.figures import Figure

CSV_HEADER = ("indicator", "categorie", "waarde", "eenheid")
IMPACT_CSV_HEADER = ("sectie", *CSV_HEADER)
BOM = "\ufeff"
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")
# Excel number formats per unit (the decimals of the CSV).
NUMBER_FORMATS = {0: "0", 1: "0.0", 2: "0.00", 3: "0.000"}

METADATA_LABELS = {
    "winkel": "winkel",
    "periode_van": "periode van (jjjj-mm-dd)",
    "periode_tot": "periode tot en met (jjjj-mm-dd)",
    "co2_factorset": "CO2-factorset (code@versie)",
    "app_versie": "versie van KringloopDesk",
}


def protect(text: str) -> str:
    """A text cell that a spreadsheet will not run as a formula: a leading ``'`` before
    ``=``, ``+``, ``-``, ``@``, tab or CR; numbers (``-1,5``) and other texts unchanged."""
    if text.startswith(DANGEROUS_START) and not _NUMBER.match(text):
        return "'" + text
    return text


# ---------------------------------------------------------------------------------------------
# CSV


def _csv_row(figure: Figure) -> list[str]:
    from kringloopdesk.services.figures import format_value

    value = figure.waarde
    text = protect(value) if isinstance(value, str) else format_value(figure)
    return [protect(figure.indicator), protect(figure.categorie), text,
            protect(figure.eenheid)]


def csv_bytes(data: ExportData) -> bytes:
    """The CSV file's bytes (BOM included)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if data.kind == "impact":
        writer.writerow(IMPACT_CSV_HEADER)
        for row in _csv_sections(data):
            writer.writerow(row)
    else:
        writer.writerow(CSV_HEADER)
        for figure in data.metadata:
            writer.writerow(_csv_row(figure))
        for _section, figures in data.sections():
            for figure in figures:
                writer.writerow(_csv_row(figure))
    return (BOM + out.getvalue()).encode("utf-8")


def _csv_sections(data: ExportData) -> list[list[str]]:
    from kringloopdesk.services.exports import SECTION_METADATA

    rows = [[SECTION_METADATA, *_csv_row(f)] for f in data.metadata]
    for section, figures in data.sections():
        rows += [[section, *_csv_row(f)] for f in figures]
    return rows


def write_csv(data: ExportData, path: Path, *, progress: Progress | None = None) -> Path:
    content = csv_bytes(data)
    Progress.ensure(progress).step(1, 1)
    return write_atomically(Path(path), content)


# ---------------------------------------------------------------------------------------------
# XLSX


def xlsx_bytes(data: ExportData) -> bytes:
    """The XLSX workbook's bytes."""
    from openpyxl import Workbook

    from kringloopdesk.services.exports import SECTION_METADATA

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SECTION_METADATA
    _metadata_sheet(sheet, data)
    for section, figures in data.sections():
        _figure_sheet(workbook.create_sheet(section), section, figures)
    workbook.properties.creator = "KringloopDesk"
    workbook.properties.title = f"{data.kind} {data.period.start}..{data.period.end}"
    # Open on the first figure sheet.
    workbook.active = 1 if len(workbook.worksheets) > 1 else 0
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_xlsx(data: ExportData, path: Path, *, progress: Progress | None = None) -> Path:
    content = xlsx_bytes(data)
    Progress.ensure(progress).step(1, 1)
    return write_atomically(Path(path), content)


def _text(sheet: Worksheet, row: int, column: int, text: str, **style) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = sheet.cell(row=row, column=column)
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    # Always a string cell: openpyxl would store a text starting with "=" as a formula.
    cell.data_type = "s"
    if cell.value.startswith(DANGEROUS_START):
        cell.quotePrefix = True
    for name, value in style.items():
        setattr(cell, name, value)


def _number(cell, value: int | Decimal) -> None:
    """A number cell holding the exact decimal text (``<v>68690.718</v>``). openpyxl would
    write a Decimal through ``"%.16g" % float`` (``68690.71799999999``); the spreadsheet reads
    the exact text into its nearest double, which shows as the CSV's value."""
    cell.value = str(value) if isinstance(value, int) else f"{Decimal(value):f}"
    cell.data_type = "n"


def _header_style():
    from openpyxl.styles import Font, PatternFill

    return {"font": Font(bold=True),
            "fill": PatternFill("solid", start_color="FFE8F0E8", end_color="FFE8F0E8")}


def _metadata_sheet(sheet: Worksheet, data: ExportData) -> None:
    from kringloopdesk.services.figures import DEFINITIONS

    style = _header_style()
    for column, title in enumerate(("gegeven", "waarde", "definitie"), start=1):
        _text(sheet, 1, column, title, **style)
    for row, figure in enumerate(data.metadata, start=2):
        _text(sheet, row, 1, METADATA_LABELS.get(figure.indicator, figure.indicator))
        _text(sheet, row, 2, str(figure.waarde))
        _text(sheet, row, 3, DEFINITIONS.get(figure.indicator, ""))
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 40
    sheet.column_dimensions["C"].width = 80
    sheet.freeze_panes = "A2"


def _figure_sheet(sheet: Worksheet, section: str, figures: tuple[Figure, ...]) -> None:
    from kringloopdesk.services.figures import DEFINITIONS, rounded

    style = _header_style()
    row = 0
    current = None
    for figure in figures:
        if figure.indicator != current:
            if current is not None:
                row += 1  # an empty row between indicators
            current = figure.indicator
            row += 1
            _text(sheet, row, 1, figure.indicator, **style)
            _text(sheet, row, 2, "categorie", **style)
            _text(sheet, row, 3, f"waarde ({figure.eenheid})", **style)
            _text(sheet, row, 4, DEFINITIONS.get(figure.indicator, ""), **style)
        row += 1
        _text(sheet, row, 1, figure.indicator)
        _text(sheet, row, 2, figure.categorie)
        value = rounded(figure)
        cell = sheet.cell(row=row, column=3)
        if isinstance(value, str):  # not expected on a figure sheet; kept as text
            _text(sheet, row, 3, value)
        else:
            _number(cell, value)
            cell.number_format = NUMBER_FORMATS.get(figure.decimals, "0")
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 34
    sheet.column_dimensions["C"].width = 18
    sheet.column_dimensions["D"].width = 90


# ---------------------------------------------------------------------------------------------
# PDF


def write_pdf(data: ExportData, path: Path, *, progress: Progress | None = None) -> Path:
    """The PDF report (reports/export_pdf.py), imported only when a PDF is asked for."""
    from kringloopdesk.reports.export_pdf import write_pdf as write

    return write(data, Path(path), progress=progress)
