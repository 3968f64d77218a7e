"""Numbers and dates the Dutch way: 61.234,5 kg; 1.234 deelnemers; dinsdag 4 maart 2025.

Decimals are rounded half up from the exact value, never through a float.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QDate, QLocale

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)


def format_number(value: Decimal | int, decimals: int = 0) -> str:
    """``Decimal("61234.45")`` with one decimal -> ``"61.234,5"``."""
    exact = Decimal(value)
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0,0"
    text = f"{rounded:,.{decimals}f}"
    return text.translate(str.maketrans({",": ".", ".": ","}))


def format_kg(value: Decimal | int, decimals: int = 1) -> str:
    return f"{format_number(value, decimals)} kg"


def format_long_date(day: dt.date) -> str:
    """``dinsdag 4 maart 2025``."""
    return DUTCH.toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")


def month_name(day: dt.date) -> str:
    return DUTCH.standaloneMonthName(day.month, QLocale.FormatType.LongFormat)


def format_moment(moment: dt.datetime | None) -> str:
    """A stored moment (UTC) in the PC's local time: ``15-03-2025 14:05``; "" for None."""
    if moment is None:
        return ""
    if moment.tzinfo is None:  # stored moments are aware; be safe with a naive one
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


def format_date(day: dt.date | None) -> str:
    """``15-03-2025``; "" for None."""
    return day.strftime("%d-%m-%Y") if day is not None else ""


def local_day_start(day: dt.date) -> dt.datetime:
    """Midnight at the start of ``day`` in the PC's local time, as an aware moment."""
    return dt.datetime.combine(day, dt.time()).astimezone()
