"""From the bytes of an import file to a header and rows of cells; no database here.

An XLSX file is recognised by its content (a ZIP archive), everything else is read as CSV:
UTF-8 with or without BOM, else Windows-1252; ``;`` or ``,`` separated (chosen from the header
row: the separator that splits it into the most known column names). Excel's ``sep=;`` first
line is honoured and not counted as a row. The header is row 1 of the file; the first data row
is row 2. Problems with the whole file are reported against row 1.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import logging
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from kringloopdesk.i18n import _
from kringloopdesk.services.imports.columns import SPECS
from kringloopdesk.services.imports.errors import ImportFileError, RowError
from kringloopdesk.services.imports.values import Cell, RowReader
from kringloopdesk.services.progress import Progress

log = logging.getLogger(__name__)

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 1_000_000
# How many rows between two progress reports (and cancel checks) while reading and checking.
REPORT_EVERY = 1000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SEP_LINE = re.compile(r"^\s*sep=(.)\s*$", re.IGNORECASE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class ImportFile:
    """A read import file: which columns it has, and its non-empty data rows.

    ``rows`` holds (row number, cells) with the cells in the order of ``columns``; an empty
    cell is ``None``, text is stripped. Tuples, and one shared string for a value that repeats
    in a column (codes, dates), keep a file of a million rows in a few hundred MB.
    """

    kind: str
    columns: tuple[str, ...]
    rows: list[tuple[int, tuple[Cell, ...]]] = field(default_factory=list)
    name: str | None = None

    def readers(self, errors: list[RowError],
                progress: Progress | None = None) -> Iterator[RowReader]:
        """A reader for each data row, collecting its problems in ``errors``; ``progress``
        hears (and may cancel) every ``REPORT_EVERY`` rows."""
        index = {column: i for i, column in enumerate(self.columns)}
        rows = Progress.ensure(progress).iterate(
            self.rows, len(self.rows), every=REPORT_EVERY, text=_("Regels controleren…"))
        for number, cells in rows:
            yield RowReader(number, cells, index, errors)

    def has_values(self, column: str) -> bool:
        if column not in self.columns:
            return False
        i = self.columns.index(column)
        return any(cells[i] is not None for _number, cells in self.rows)


# A column whose distinct values pass this many is not worth sharing strings for.
_SHARE_LIMIT = 4096


def _fail(reason: str, column: str | None = None) -> ImportFileError:
    return ImportFileError([RowError(1, column, reason)])


def _clean(cell: object) -> Cell:
    if isinstance(cell, str):
        cell = unicodedata.normalize("NFC", cell.strip())
        return cell or None
    return cell  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------
# CSV


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        raise _fail(_("Dit bestand is UTF-16 ('Unicode-tekst'). Sla het op als 'CSV UTF-8' of "
                      "als Excel-werkmap (.xlsx)."))
    if b"\x00" in data:
        raise _fail(_("Dit is geen CSV- of Excel-bestand (.xlsx): er staan binaire gegevens in."))
    if data.startswith(codecs.BOM_UTF8):
        try:
            text = data[len(codecs.BOM_UTF8):].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _fail(_("Dit bestand begint als UTF-8 maar bevat ongeldige tekens (byte "
                          "{position}). Sla het opnieuw op als 'CSV UTF-8'.",
                          position=exc.start + len(codecs.BOM_UTF8) + 1)) from exc
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise _fail(_("Dit is geen CSV- of Excel-bestand (.xlsx): het is geen tekst in "
                              "UTF-8 of Windows-1252.")) from exc
    text = text.rstrip("\x1a")  # an old DOS end-of-file mark
    if _CONTROL.search(text):
        raise _fail(_("Dit is geen CSV- of Excel-bestand (.xlsx): er staan stuurtekens in."))
    return text


def _choose_separator(header_line: str, kind: str) -> str:
    known = {spec.name for spec in SPECS[kind]}

    def score(separator: str) -> tuple[int, int]:
        names = [cell.strip().strip('"').strip().lower() for cell in header_line.split(separator)]
        return sum(name in known for name in names), header_line.count(separator)

    if ";" not in header_line and "," not in header_line and "\t" in header_line:
        raise _fail(_("De kolommen zijn gescheiden door tabs. Gebruik een puntkomma (;) of een "
                      "komma (,) als scheidingsteken."))
    return max((";", ","), key=score)


def _csv_rows(data: bytes, kind: str) -> Iterator[list[Cell]]:
    text = _decode(data)
    first_line, _newline, rest = text.partition("\n")
    separator: str | None = None
    match = _SEP_LINE.match(first_line)
    if match and match.group(1) in ";,":
        separator, text = match.group(1), rest
        first_line = text.partition("\n")[0]
    if separator is None:
        separator = _choose_separator(first_line, kind)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, quotechar='"')
    number = 0
    try:
        for number, row in enumerate(reader, start=1):  # noqa: B007  (read in the handler)
            yield [_clean(cell) for cell in row]
    except csv.Error as exc:
        # The csv module's own words are English; the user gets the cause in Dutch.
        log.info("Unreadable CSV row %s: %s", number + 1, exc)
        if "field limit" in str(exc):
            reason = _("een cel in deze rij is te lang (meer dan {n} tekens). Staat er een "
                       "aanhalingsteken (\") dat nergens wordt gesloten?",
                       n=f"{csv.field_size_limit():,}".replace(",", "."))
        else:
            reason = _("deze rij is geen geldige CSV; controleer de aanhalingstekens (\")")
        raise ImportFileError([RowError(number + 1, None, reason)]) from exc


# ---------------------------------------------------------------------------------------------
# XLSX


def _xlsx_rows(data: bytes) -> Iterator[list[Cell]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # any damage to the archive or its XML: the user's file, not a bug
        log.info("Not a readable XLSX file: %r", exc)
        raise _fail(_("Dit is geen geldig Excel-bestand (.xlsx). Sla het opnieuw op als "
                      "Excel-werkmap of als CSV.")) from exc
    try:
        if not workbook.worksheets:
            raise _fail(_("Deze Excel-werkmap heeft geen werkblad."))
        sheet = workbook.worksheets[0]
        # Some programs write a wrong size; read what is really there.
        sheet.reset_dimensions()
        try:
            for row in sheet.iter_rows(values_only=True):
                yield [_xlsx_cell(cell) for cell in row]
        except ImportFileError:
            raise
        except Exception as exc:
            log.info("Damaged XLSX sheet: %r", exc)
            raise _fail(_("Het eerste werkblad van deze Excel-werkmap is beschadigd. Sla het "
                          "opnieuw op als Excel-werkmap of als CSV.")) from exc
    finally:
        workbook.close()


def _xlsx_cell(cell: object) -> Cell:
    if cell is None or isinstance(cell, str | int | float | bool | dt.date | dt.time):
        return _clean(cell)
    if isinstance(cell, dt.timedelta):
        return str(cell)
    return _clean(str(cell))


# ---------------------------------------------------------------------------------------------
# Header and rows


def is_xlsx(data: bytes) -> bool:
    """A ZIP archive, as every XLSX file is (a damaged one too: it gets the Excel message)."""
    return data[:4] == b"PK\x03\x04" or zipfile.is_zipfile(io.BytesIO(data))


def read_file(data: bytes, kind: str, name: str | None = None, *,
              progress: Progress | None = None) -> ImportFile:
    """Read the bytes of an import file of ``kind``; raises ImportFileError for a file that
    cannot be read or whose header is wrong (row 1), and for rows with more cells than the
    header has columns. ``progress`` hears every ``REPORT_EVERY`` rows (against the number
    of line breaks, an estimate that is exact for most CSV files)."""
    progress = Progress.ensure(progress)
    if len(data) > MAX_BYTES:
        raise _fail(_("Het bestand is groter dan {mb} MB. Splits het in kleinere bestanden.",
                      mb=MAX_BYTES // (1024 * 1024)))
    if not data.strip():
        raise _fail(_("Het bestand is leeg."))
    if data.startswith(_OLE_MAGIC):
        raise _fail(_("Dit is een oud Excel-bestand (.xls). Sla het op als Excel-werkmap (.xlsx) "
                      "of als CSV."))
    spreadsheet = is_xlsx(data)
    rows = _xlsx_rows(data) if spreadsheet else _csv_rows(data, kind)
    header_cells = next(rows, None)
    if header_cells is None or all(cell is None for cell in header_cells):
        raise _fail(_("Het bestand is leeg.") if header_cells is None else
                    _("Rij 1 is leeg; daar horen de kolomnamen te staan."))
    positions = _header(header_cells, kind)
    problems: list[RowError] = []
    table = ImportFile(kind, tuple(name for name in positions if name is not None), name=name)
    used = [index for index, column in enumerate(positions) if column is not None]
    shared: list[dict[str, str] | None] = [{} for _index in used]
    nameless: set[int] = set()
    width = len(header_cells)
    estimate = max(1, data.count(b"\n"))
    for number, cells in enumerate(rows, start=2):
        if number % REPORT_EVERY == 0:
            progress.step(number, max(estimate, number + 1), _("Bestand lezen…"))
        if number > MAX_ROWS + 1:
            raise _fail(_("Het bestand heeft meer dan {n} regels. Splits het in kleinere "
                          "bestanden.", n=f"{MAX_ROWS:,}".replace(",", ".")))
        if all(cell is None for cell in cells):
            continue
        if not spreadsheet and any(cell is not None for cell in cells[width:]):
            # In a CSV file this is mostly a decimal comma in a comma-separated file; in a
            # spreadsheet it is a column without a name (reported below).
            count = max(i for i, cell in enumerate(cells) if cell is not None) + 1
            problems.append(RowError(number, None, _(
                "deze rij heeft {count} waarden, de kopregel maar {width} kolommen. Staat er "
                "een komma in een getal in een bestand dat komma's als scheidingsteken "
                "gebruikt? Gebruik dan een punt, of zet het getal tussen aanhalingstekens",
                count=count, width=width)))
            continue
        nameless.update(i for i, cell in enumerate(cells)
                        if cell is not None and (i >= width or positions[i] is None))
        values: list[Cell] = []
        for slot, index in enumerate(used):
            cell = cells[index] if index < len(cells) else None
            cache = shared[slot]
            if isinstance(cell, str) and cache is not None:
                cell = cache.setdefault(cell, cell)
                if len(cache) > _SHARE_LIMIT:
                    shared[slot] = None
            values.append(cell)
        table.rows.append((number, tuple(values)))
    for index in sorted(nameless):
        problems.append(RowError(1, None, _(
            "kolom {n} heeft geen naam in de kopregel maar wel waarden", n=index + 1)))
    if problems:
        raise ImportFileError(problems)
    if not table.rows:
        raise _fail(_("Onder de kopregel staan geen regels; er is niets te importeren."))
    return table


def _header(cells: list[Cell], kind: str) -> list[str | None]:
    """The canonical column name at each position (None for an empty header cell)."""
    specs = SPECS[kind]
    known = {spec.name for spec in specs}
    positions: list[str | None] = []
    problems: list[RowError] = []
    for cell in cells:
        raw = "" if cell is None else str(cell).strip().lstrip("\ufeff").strip()
        name = raw.lower()
        if not name:
            positions.append(None)
        elif name not in known:
            problems.append(RowError(1, raw, _(
                "onbekende kolom '{name}'; toegestaan zijn: {allowed}", name=raw,
                allowed=", ".join(spec.name for spec in specs))))
            positions.append(None)
        elif name in positions:
            problems.append(RowError(1, name, _("deze kolom staat twee keer in de kopregel")))
            positions.append(None)
        else:
            positions.append(name)
    for spec in specs:
        if spec.required and spec.name not in positions:
            problems.append(RowError(1, spec.name, _("verplichte kolom ontbreekt")))
    if problems:
        raise ImportFileError(problems)
    return positions
