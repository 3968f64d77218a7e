"""Reading one cell of an import file: text, a code, a date or a decimal number.

A cell arrives as the file gave it: from a CSV always text (already stripped, ``None`` when
empty), from an XLSX file also a number, a date(time), a time or a boolean. Each reader returns
the value or raises :class:`CellError` with the reason in the user's language; the caller adds
the row number and column.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from kringloopdesk.i18n import _
from kringloopdesk.services.imports.errors import RowError

Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | None
T = TypeVar("T")

# dd-mm-jjjj (also d-m-jjjj) and jjjj-mm-dd, nothing else: the contract of domain.md.
_DAY_FIRST = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# An optional sign, digits, and at most one decimal separator (comma or point) with digits.
_NUMBER = re.compile(r"^([+-]?)(\d*)(?:[.,](\d+))?$")
_SEPARATORS = re.compile(r"[.,]")
FIRST_YEAR = 1900
LAST_YEAR = 2100


class CellError(Exception):
    """A cell that cannot be read; ``reason`` is the message for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def shown(cell: Cell) -> str:
    """A cell as the user typed it, for a message."""
    if isinstance(cell, dt.datetime) and cell.time() != dt.time():
        return cell.strftime("%d-%m-%Y %H:%M")
    if isinstance(cell, dt.date):
        return cell.strftime("%d-%m-%Y")
    if isinstance(cell, float):
        return format(cell, ".15g")
    return str(cell)


def as_text(cell: Cell) -> str | None:
    """Any cell as text (a number cell in a text column, e.g. a worker number 42)."""
    if cell is None:
        return None
    if isinstance(cell, str):
        return cell or None
    if isinstance(cell, bool):
        return _("WAAR") if cell else _("ONWAAR")
    if isinstance(cell, int):
        return str(cell)
    return shown(cell)


def text(cell: Cell, *, max_length: int) -> str | None:
    """Free text, stripped; stored as it is (a leading = + - @ is text, never a formula)."""
    value = as_text(cell)
    if value is not None and len(value) > max_length:
        raise CellError(_("te lang: hoogstens {n} tekens (hier {length})", n=max_length,
                          length=len(value)))
    return value


def code(cell: Cell) -> str | None:
    """A code, compared without regard to case (surrounding spaces are already gone)."""
    value = as_text(cell)
    return value.lower() if value is not None else None


def _checked_date(year: int, month: int, day: int, raw: str) -> dt.date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CellError(_("'{value}': het jaartal {year} ligt niet tussen {first} en {last}",
                          value=raw, year=year, first=FIRST_YEAR, last=LAST_YEAR))
    if not 1 <= month <= 12:
        raise CellError(_("'{value}' bestaat niet: er is geen maand {month}", value=raw,
                          month=month))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise CellError(_("'{value}' bestaat niet: die maand heeft {days} dagen", value=raw,
                          days=days))
    return dt.date(year, month, day)


def date(cell: Cell) -> dt.date | None:
    """A date cell, or text ``dd-mm-jjjj``, ``d-m-jjjj`` or ``jjjj-mm-dd``."""
    if cell is None:
        return None
    if isinstance(cell, dt.datetime):
        if cell.time() != dt.time():
            raise CellError(_("'{value}' is een datum met een tijd; laat de tijd weg",
                              value=shown(cell)))
        return _checked_date(cell.year, cell.month, cell.day, shown(cell))
    if isinstance(cell, dt.date):
        return _checked_date(cell.year, cell.month, cell.day, shown(cell))
    if isinstance(cell, str):
        return _date_text(cell)
    raise _not_a_date(cell)


@functools.lru_cache(maxsize=4096)
def _date_text(cell: str) -> dt.date:
    """A date written as text (cached: a file repeats its dates; errors are not cached)."""
    match = _DAY_FIRST.match(cell)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return _checked_date(year, month, day, cell)
    match = _YEAR_FIRST.match(cell)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return _checked_date(year, month, day, cell)
    raise _not_a_date(cell)


def _not_a_date(cell: Cell) -> CellError:
    return CellError(_("'{value}' is geen datum; schrijf dd-mm-jjjj of jjjj-mm-dd, bijvoorbeeld "
                      "31-03-2025", value=shown(cell)))


def decimal(cell: Cell) -> Decimal | None:
    """A number: a number cell, or text with at most one decimal separator (comma or point)
    and no thousands separator. Trailing zeros after the separator carry no precision."""
    if cell is None:
        return None
    if isinstance(cell, dt.time):
        raise CellError(_("'{value}' is een tijd, geen aantal; schrijf bijvoorbeeld 7,5 voor "
                          "zeven en een half uur", value=cell.strftime("%H:%M")))
    if isinstance(cell, bool | dt.date):
        raise CellError(_("'{value}' is geen getal", value=shown(cell)))
    if isinstance(cell, int):
        return Decimal(cell)
    if isinstance(cell, float):
        if not math.isfinite(cell):
            raise CellError(_("'{value}' is geen getal", value=shown(cell)))
        # Excel keeps 15 significant digits; 0.30000000000000004 is the 0.3 the user typed.
        return Decimal(format(cell, ".15g"))
    return _decimal_text(cell)


@functools.lru_cache(maxsize=4096)
def _decimal_text(cell: str) -> Decimal:
    """A number written as text (cached like dates; Decimals are immutable)."""
    match = _NUMBER.match(cell)
    if match is None or not (match.group(2) or match.group(3)):
        if len(_SEPARATORS.findall(cell)) > 1 and re.fullmatch(r"[+-]?[\d.,]+", cell):
            raise CellError(_("'{value}': gebruik hoogstens één decimaalteken (komma of punt) "
                              "en geen scheidingsteken voor duizendtallen", value=cell))
        raise CellError(_("'{value}' is geen getal; schrijf bijvoorbeeld 7,5 of 7.5",
                          value=cell))
    sign, whole, fraction = match.groups()
    try:
        return Decimal(f"{sign}{whole or '0'}.{fraction or '0'}")
    except InvalidOperation as exc:  # pragma: no cover - the pattern only lets digits through
        raise CellError(_("'{value}' is geen getal", value=cell)) from exc


def decimal_places(value: Decimal) -> int:
    """Significant decimals: 7.50 has one, 12 has none."""
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


def dutch_number(value: Decimal) -> str:
    """7.5 -> "7,5" for messages (without trailing zeros)."""
    normal = value.normalize()
    if normal == normal.to_integral_value():
        normal = normal.quantize(Decimal(1))
    return format(normal, "f").replace(".", ",")


def dutch_date(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


# ---------------------------------------------------------------------------------------------
# Amounts with their ranges


def amount(cell: Cell, *, maximum: Decimal, places: int, unit: str) -> Decimal | None:
    """A number > 0 and <= ``maximum`` with at most ``places`` decimals."""
    value = decimal(cell)
    if value is None:
        return None
    if value <= 0:
        raise CellError(_("'{value}': moet meer dan 0 {unit} zijn", value=shown(cell),
                          unit=unit))
    if value > maximum:
        raise CellError(_("'{value}': hoogstens {maximum} {unit}", value=shown(cell),
                          maximum=f"{maximum:,}".replace(",", "."), unit=unit))
    if decimal_places(value) > places:
        raise CellError(_("'{value}': hoogstens {places} decimalen", value=shown(cell),
                          places=places))
    return value


# ---------------------------------------------------------------------------------------------
# One row


class RowReader:
    """Reads the cells of one data row, collecting a RowError for every bad cell."""

    __slots__ = ("_cells", "_errors", "_index", "number", "ok")

    def __init__(self, number: int, cells: tuple[Cell, ...], index: dict[str, int],
                 errors: list[RowError]) -> None:
        self.number = number
        self._cells = cells
        self._index = index
        self._errors = errors
        self.ok = True

    def error(self, column: str | None, reason: str) -> None:
        self._errors.append(RowError(self.number, column, reason))
        self.ok = False

    def cell(self, column: str) -> Cell:
        """The raw cell of ``column`` (None when empty or when the file has no such column)."""
        i = self._index.get(column)
        return None if i is None else self._cells[i]

    def read(self, column: str, reader: Callable[..., T | None], *, required: bool = False,
             **options: Any) -> T | None:
        cell = self.cell(column)
        if cell is None:
            if required:
                self.error(column, _("is verplicht maar leeg"))
            return None
        try:
            return reader(cell, **options)
        except CellError as exc:
            self.error(column, exc.reason)
            return None
