"""Hostile import files (issue #8): random bytes, truncated files, other encodings, formula
text, huge numbers, impossible dates, odd headers, long cells and control characters, for all
four importers, as CSV and as XLSX.

Every example must end in one of two ways: the import succeeds, or it raises a ``UserError``
(mostly ``ImportFileError``) with a Dutch message whose problems carry a row number, and the
database holds exactly what it held before. Formula text that is imported is stored as the
text it was, never evaluated.

Each example runs in its own unit of work that is rolled back at the end, so the examples of
one test all see the same database. ``KRINGLOOPDESK_FUZZ_EXAMPLES`` sets the number of examples
per test (default 40, for CI); run thousands locally with e.g.
``KRINGLOOPDESK_FUZZ_EXAMPLES=2000 pytest tests/unit/test_import_fuzz.py``.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import re
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import (
    AuditEntry,
    GoodsFlow,
    HourEntry,
    Partner,
    Placement,
    Worker,
)
from kringloopdesk.errors import UserError
from kringloopdesk.services import imports
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.imports import ImportFileError

EXAMPLES = int(os.environ.get("KRINGLOOPDESK_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])
TABLES = (Worker, Placement, HourEntry, GoodsFlow, Partner, AuditEntry)
TODAY = dt.date(2025, 6, 30)
# Words of a Python error that must never reach the user.
_LEAKS = re.compile(r"Traceback|Error\b|Exception|NoneType|codec|object has|invalid literal|"
                    r"field limit|\bline \d+ column|unexpected|Errno", re.IGNORECASE)

# One good file per kind, for the database the ``people`` fixture makes.
GOOD: dict[str, list[list[str]]] = {
    "workers": [
        ["nummer", "voornaam", "achternaam", "doelgroep", "startdatum", "einddatum",
         "verwijzer", "email"],
        ["D-1001", "Anaïs", "Çelik", "participatiewet", "06-01-2025", "", "Gemeente", ""],
        ["D-1002", "Jan", "de Vries", "wsw", "2025-01-06", "31-03-2025", "", "j@example.org"],
    ],
    "placements": [
        ["nummer", "afdeling", "partner", "startdatum", "einddatum", "uitstroom",
         "uren_per_week"],
        ["D-0003", "sorteren", "Zorg & Co", "06-01-2025", "31-03-2025", "andere_plek", "16"],
        ["D-0003", "winkel", "", "01-04-2025", "", "", "24,5"],
    ],
    "hours": [
        ["nummer", "datum", "uren"],
        ["D-0002", "03-03-2025", "7,5"],
        ["D-0002", "2025-03-04", "4"],
    ],
    "flows": [
        ["datum", "richting", "productgroep", "kg", "herkomst_bestemming", "opmerking"],
        ["03-03-2025", "in", "meubels", "12,5", "brengen", "Çelik"],
        ["04-03-2025", "uit", "textiel", "1.25", "hergebruik", ""],
    ],
}
KINDS = tuple(GOOD)
# The free-text column of each kind where formula text must come back as it went in.
TEXT_COLUMN = {"workers": "voornaam", "placements": "partner", "flows": "opmerking"}

FORMULAS = ["=cmd|' /c calc'!A1", "+1", "@SUM(1)", "-2+3", "=1+1", "=HYPERLINK(\"x\")",
            "-1", "+31 6 12345678", "=SOM(A1:A3)"]
NUMBERS = ["1e308", "1E308", "99999999999999999999", "1.000.000.000,5", "-1", "-0", "0",
           "NaN", "nan", "Infinity", "-Infinity", "inf", "1,5e3", "0x10", "١٢", "7½", "٣",
           "1" * 5000, "0," + "0" * 5000 + "1", "12 kg", ",5", "5,", ".", "+", "--1"]
DATES = ["31-02-2025", "2025-13-01", "00-00-0000", "29-02-2024", "29-02-2025", "31-12-9999",
         "01-01-0001", "01-01-1899", "2101-01-01", "1-1-1", "32-01-2025", "2025-02-30",
         "03/03/2025", "3 maart 2025", "45717", "2025-1-1", "2025-01-01T00:00"]
NASTY = ["", " ", "\u00a0", "\ufeff", "\u200b", "x" * 70_000, "é" * 1000, "\x00", "a\x00b",
         "\x07", "\x1b[31m", "line\nbreak", "a\rb", "\"", "\"\"\"", ";", ",", "\t", "\\",
         "\ud7ff", "🙂" * 10, "Ａ", "e\u0301", "<script>", "'; DROP TABLE workers; --"]
HOSTILE = FORMULAS + NUMBERS + DATES + NASTY


@pytest.fixture
def people(shop_db: Database, beheerder: Actor) -> Database:
    """Workers D-0001..D-0003; D-0001 and D-0002 placed, D-0003 not."""
    files = {
        "workers": "nummer;voornaam;achternaam;doelgroep;startdatum\n"
                   "D-0001;Anaïs;Çelik;participatiewet;06-01-2025\n"
                   "D-0002;Jan;de Vries;wsw;2025-01-06\n"
                   "D-0003;Fatima;El Amrani;dagbesteding;6-1-2025\n",
        "placements": "nummer;afdeling;startdatum;uren_per_week\n"
                      "D-0001;sorteren;06-01-2025;16\nD-0002;kassa;01-02-2025;32\n",
    }
    for kind, data in files.items():
        with shop_db.session() as session:
            imports.IMPORTERS[kind](session, beheerder, data.encode(), today=TODAY)
    return shop_db


# --- running one example ---------------------------------------------------------------------


def counts(session: Session) -> dict[str, int]:
    return {model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in TABLES}


def attempt(db: Database, actor: Actor, kind: str, data: bytes,
            check: object = None) -> imports.ImportSummary | UserError:
    """Import ``data`` in a unit of work that is always rolled back; the summary, or the
    UserError after checking it and that nothing was written. ``check(session)`` runs after
    a success, before the rollback."""
    with db.sessions() as session:
        session.begin()
        try:
            before = counts(session)
            options = {} if kind == "flows" else {"today": TODAY}
            try:
                summary = imports.IMPORTERS[kind](session, actor, data, **options)
            except UserError as error:
                assert_clear(error)
                # Not even flushed in the caller's own transaction: nothing half written.
                assert counts(session) == before
                return error
            if check is not None:
                check(session)  # type: ignore[operator]
            return summary
        finally:
            session.rollback()


def assert_clear(error: UserError) -> None:
    """A Dutch message; for a file error, every problem has a row and a reason."""
    assert error.message and not _LEAKS.search(error.message), error.message
    if isinstance(error, ImportFileError):
        assert error.message.endswith("er is niets geïmporteerd."), error.message
        assert error.errors
        for problem in error.errors:
            assert isinstance(problem.row, int) and problem.row >= 1
            assert problem.column is None or isinstance(problem.column, str)
            assert problem.reason and not _LEAKS.search(problem.reason), problem.reason


# --- building files --------------------------------------------------------------------------


def as_csv(rows: list[list[object]], separator: str = ";") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def as_xlsx(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value == "" or value is None:
                continue
            cell = sheet.cell(r, c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # "=…" stays text, as when typed with a leading '
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_safe(value: object) -> bool:
    """openpyxl refuses control characters in a string cell (Excel cannot hold them)."""
    return not (isinstance(value, str) and
                (re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", value) or len(value) > 32_767))


GOOD_BYTES = {(kind, fmt): (as_csv(rows).encode() if fmt == "csv" else as_xlsx(rows))
              for kind, rows in GOOD.items() for fmt in ("csv", "xlsx")}


def test_the_good_files_import(people: Database, beheerder: Actor) -> None:
    """The base of every strategy below is a file that imports."""
    for (kind, fmt), data in GOOD_BYTES.items():
        result = attempt(people, beheerder, kind, data)
        assert isinstance(result, imports.ImportSummary), (kind, fmt, result)
        assert result.rows == 2


# --- strategies ------------------------------------------------------------------------------

kinds = st.sampled_from(KINDS)
formats = st.sampled_from(("csv", "xlsx"))


@FUZZ
@given(kind=kinds, data=st.binary(max_size=3000))
@example(kind="flows", data=b"")
@example(kind="hours", data=b"\xef\xbb\xbf")
@example(kind="hours", data=b"PK\x03\x04garbage")
@example(kind="workers", data=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
@example(kind="hours", data=b"\xff\xfe" + "nummer;datum;uren\n".encode("utf-16-le"))
def test_random_bytes(people: Database, beheerder: Actor, kind: str, data: bytes) -> None:
    attempt(people, beheerder, kind, data)


@FUZZ
@given(kind=kinds, fmt=formats, cut=st.floats(min_value=0, max_value=1, exclude_max=True))
def test_truncated_files(people: Database, beheerder: Actor, kind: str, fmt: str,
                         cut: float) -> None:
    data = GOOD_BYTES[(kind, fmt)]
    attempt(people, beheerder, kind, data[: int(len(data) * cut)])


@FUZZ
@given(kind=kinds, fmt=formats, data=st.data())
def test_corrupted_bytes(people: Database, beheerder: Actor, kind: str, fmt: str,
                         data: st.DataObject) -> None:
    """A few bytes of a good file overwritten (a bad disk, a broken download)."""
    content = bytearray(GOOD_BYTES[(kind, fmt)])
    for _flip in range(data.draw(st.integers(1, 8))):
        content[data.draw(st.integers(0, len(content) - 1))] = data.draw(st.integers(0, 255))
    attempt(people, beheerder, kind, bytes(content))


ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
             "utf-32", "mac-roman", "cp850", "iso-8859-15"]


@FUZZ
@given(kind=kinds, encoding=st.sampled_from(ENCODINGS), separator=st.sampled_from(";,\t|"),
       newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_other_encodings_and_separators(people: Database, beheerder: Actor, kind: str,
                                        encoding: str, separator: str, newline: str) -> None:
    rows = [list(row) for row in GOOD[kind]]
    if kind in TEXT_COLUMN:
        rows[1][rows[0].index(TEXT_COLUMN[kind])] = "Anaïs Çelik"
    text = as_csv(rows, separator).replace("\r\n", newline)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, errors="replace")
    result = attempt(people, beheerder, kind, data)
    if encoding in ("utf-8", "utf-8-sig", "cp1252") and separator in ";," and newline != "\r":
        # What the contract promises to read; the accents come through unharmed.
        assert isinstance(result, imports.ImportSummary), result


@FUZZ
@given(kind=kinds, fmt=formats, row=st.integers(1, 2), data=st.data(),
       value=st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60),
                       st.integers(min_value=-(10**30), max_value=10**30).map(str)))
def test_hostile_cells(people: Database, beheerder: Actor, kind: str, fmt: str, row: int,
                       data: st.DataObject, value: str) -> None:
    """One cell of a good file replaced: the import succeeds, or a problem names that row."""
    rows = [list(r) for r in GOOD[kind]]
    column = data.draw(st.integers(0, len(rows[0]) - 1))
    rows[row][column] = value
    if fmt == "xlsx" and not xlsx_safe(value):
        fmt = "csv"
    content = as_csv(rows).encode() if fmt == "csv" else as_xlsx(rows)
    result = attempt(people, beheerder, kind, content)
    if isinstance(result, ImportFileError):
        # The file numbers the header 1; a CSV cell with a line break spans more lines but
        # csv counts it as one row, as the user's spreadsheet does.
        assert any(problem.row in (1, row + 1) for problem in result.errors), result.lines


XLSX_VALUES = [1e308, -1e308, float("nan"), float("inf"), float("-inf"), 10**20, -(10**20),
               0, -0.0, 5e-324, True, False, dt.datetime(1900, 1, 1), dt.datetime(9999, 12, 31),
               dt.datetime(2025, 3, 3, 23, 59, 59), dt.date(2025, 2, 28), dt.time(7, 30),
               dt.timedelta(hours=7, minutes=30), dt.datetime(1899, 12, 31)]


@FUZZ
@given(kind=kinds, row=st.integers(1, 2), data=st.data(),
       value=st.one_of(st.sampled_from(XLSX_VALUES),
                       st.floats(allow_nan=False, allow_infinity=False),
                       st.integers(min_value=-(2**63), max_value=2**63 - 1),
                       st.datetimes(min_value=dt.datetime(1900, 3, 1))))
def test_hostile_xlsx_cells(people: Database, beheerder: Actor, kind: str, row: int,
                            data: st.DataObject, value: object) -> None:
    """Number, date, time and boolean cells where the column wants something else."""
    rows: list[list[object]] = [list(r) for r in GOOD[kind]]
    rows[row][data.draw(st.integers(0, len(rows[0]) - 1))] = value
    try:
        content = as_xlsx(rows)
    except (ValueError, OverflowError, TypeError):
        return  # openpyxl itself cannot write it; no spreadsheet program would either
    attempt(people, beheerder, kind, content)


@FUZZ
@given(kind=kinds, fmt=formats, data=st.data())
def test_headers(people: Database, beheerder: Actor, kind: str, fmt: str,
                 data: st.DataObject) -> None:
    """Columns dropped, doubled, renamed, moved or added; rows shorter or longer."""
    rows = [list(r) for r in GOOD[kind]]
    width = len(rows[0])
    action = data.draw(st.sampled_from(["drop", "double", "rename", "move", "add", "short",
                                        "long", "blank"]))
    i = data.draw(st.integers(0, width - 1))
    if action == "drop":
        rows = [r[:i] + r[i + 1:] for r in rows]
    elif action == "double":
        rows = [[*r, r[i]] for r in rows]
    elif action == "rename":
        rows[0][i] = data.draw(st.sampled_from(["", "Nummer ", "NUMMER", "naam", "kg (kilo)",
                                                "=A1", "\ufeffdatum", "datum\u00a0"]))
    elif action == "move":
        j = data.draw(st.integers(0, width - 1))
        for r in rows:
            r[i], r[j] = r[j], r[i]
    elif action == "add":
        rows = [[*r, data.draw(st.sampled_from(["", "extra", "x"]))] for r in rows]
    elif action == "short":
        rows[1] = rows[1][:i]
    elif action == "long":
        rows[2] = rows[2] + ["extra"] * data.draw(st.integers(1, 3))
    else:
        rows.insert(data.draw(st.integers(0, len(rows))), [""] * width)
    content = as_csv(rows).encode() if fmt == "csv" else as_xlsx(rows)
    attempt(people, beheerder, kind, content)


@FUZZ
@given(kind=st.sampled_from(tuple(TEXT_COLUMN)), fmt=formats,
       formula=st.sampled_from(FORMULAS))
def test_formula_text_is_stored_as_text(people: Database, beheerder: Actor, kind: str,
                                        fmt: str, formula: str) -> None:
    rows = [list(r) for r in GOOD[kind]]
    column = TEXT_COLUMN[kind]
    rows[1][rows[0].index(column)] = formula
    content = as_csv(rows).encode() if fmt == "csv" else as_xlsx(rows)
    stored = {"workers": Worker.first_name, "placements": Partner.name,
              "flows": GoodsFlow.note}[kind]

    def check(session: Session) -> None:
        assert formula in session.scalars(select(stored)).all()

    result = attempt(people, beheerder, kind, content, check)
    assert isinstance(result, imports.ImportSummary), result


# --- fixed cases -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("content", [b"", b"   \r\n\t", b"\xef\xbb\xbf", b"sep=;\n"],
                         ids=["empty", "blank", "bom", "sep-only"])
def test_empty_files(people: Database, beheerder: Actor, kind: str, content: bytes) -> None:
    error = attempt(people, beheerder, kind, content)
    assert isinstance(error, ImportFileError)
    assert error.errors[0].row == 1


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_header_only(people: Database, beheerder: Actor, kind: str, fmt: str) -> None:
    header = [GOOD[kind][0]]
    error = attempt(people, beheerder, kind,
                    as_csv(header).encode() if fmt == "csv" else as_xlsx(header))
    assert isinstance(error, ImportFileError)
    assert [(e.row, e.column) for e in error.errors] == [(1, None)]
    assert "niets te importeren" in error.errors[0].reason


def test_a_cell_longer_than_csv_allows(people: Database, beheerder: Actor) -> None:
    """Python's csv module stops at 128 KiB per cell; the user reads that in Dutch."""
    rows = [list(r) for r in GOOD["flows"]]
    rows[2][5] = "x" * 200_000
    error = attempt(people, beheerder, "flows", as_csv(rows).encode())
    assert isinstance(error, ImportFileError)
    assert [(e.row, e.column) for e in error.errors] == [(3, None)]
    assert "te lang" in error.errors[0].reason


def test_a_file_over_the_limit_is_refused_before_reading(people: Database, beheerder: Actor,
                                                         tmp_path: Path) -> None:
    """50 MB and one byte: refused from its size, without reading it into memory."""
    path = tmp_path / "groot.csv"
    with path.open("wb") as handle:
        handle.write(as_csv(GOOD["flows"]).encode())
        handle.truncate(imports.MAX_BYTES + 1)  # sparse: no 50 MB written to the disk
    for source in (path, str(path)):
        with people.sessions() as session, session.begin():
            before = counts(session)
            with pytest.raises(ImportFileError) as info:
                imports.import_flows(session, beheerder, source)
            assert counts(session) == before
        assert_clear(info.value)
        assert [(e.row, e.column) for e in info.value.errors] == [(1, None)]
        assert "groter dan 50 MB" in info.value.errors[0].reason


def test_utf16_gets_its_own_message(people: Database, beheerder: Actor) -> None:
    data = codecs.BOM_UTF16_LE + as_csv(GOOD["hours"]).encode("utf-16-le")
    error = attempt(people, beheerder, "hours", data)
    assert isinstance(error, ImportFileError)
    assert "UTF-16" in error.errors[0].reason
