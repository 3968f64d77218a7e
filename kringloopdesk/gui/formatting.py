"""Numbers, amounts and dates for the screen: 61.234,5 kg; € 12,50; 15-03-2025; dinsdag 4 maart
2025 (Tuesday 4 March 2025 in English).

The display locale is Dutch (Netherlands), or English (Netherlands) when the user switched to
English: these are Dutch shops, so English keeps the decimal comma, the thousands point, the
euro and the dd-mm-yyyy date that the shop's paperwork, import files and date fields use; only
the words (weekdays, months) change (docs/decisions.md). ``LOCALE`` is that one ``QLocale``
object, changed in place by ``set_display_language``, so a module that imported it (or its old
name ``DUTCH``) follows a switch.

Decimals are rounded half up from the exact value, never through a float; the separators come
from the locale, looked up once per switch (the Stromen list formats thousands of cells).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QDate, QLocale

LOCALES = {
    "nl": (QLocale.Language.Dutch, QLocale.Country.Netherlands),
    "en": (QLocale.Language.English, QLocale.Country.Netherlands),
}
LOCALE = QLocale(*LOCALES["nl"])
DUTCH = LOCALE  # the former name; the same object, so it follows the display language too
DATE_FORMAT = "dd-MM-yyyy"  # both languages: what the date fields read back
LONG_DATE_FORMAT = "dddd d MMMM yyyy"

_separators: dict[str, str] = {}
_python_to_locale: dict[int, str] = {}


def _read_separators() -> None:
    """Python's "1,234.5" becomes the locale's "1.234,5" with one ``str.translate``."""
    group, point = LOCALE.groupSeparator(), LOCALE.decimalPoint()
    _separators.update(group=group, point=point, currency=LOCALE.currencySymbol())
    _python_to_locale.clear()
    _python_to_locale.update(str.maketrans({",": group, ".": point}))


_read_separators()


def set_display_language(language: str) -> QLocale:
    """Numbers, dates and day names from now on in ``language`` ("nl" or "en"); also Qt's
    default locale (date pickers, spin boxes). Returns the locale."""
    LOCALE.swap(QLocale(*LOCALES.get(language, LOCALES["nl"])))
    QLocale.setDefault(LOCALE)
    _read_separators()
    return LOCALE


def display_locale() -> QLocale:
    return LOCALE


def format_number(value: Decimal | int, decimals: int = 0) -> str:
    """``Decimal("61234.45")`` with one decimal -> ``"61.234,5"``."""
    exact = Decimal(value)
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0,0"
    return f"{rounded:,.{decimals}f}".translate(_python_to_locale)


def format_kg(value: Decimal | int, decimals: int = 1) -> str:
    return f"{format_number(value, decimals)} kg"


def format_hours(value: Decimal | int, decimals: int = 2) -> str:
    """Hours without needless zeros: ``7,5``; ``8``; ``1.234,25``."""
    text = format_number(value, decimals)
    if decimals and _separators["point"] in text:
        text = text.rstrip("0").rstrip(_separators["point"])
    return text


def format_euro(cents: int | None) -> str:
    """1250 -> ``€ 12,50`` (a non-breaking space after the sign); -1250 -> ``€ -12,50``;
    None -> ""."""
    if cents is None:
        return ""
    amount = format_number(Decimal(cents).scaleb(-2), 2)
    return f"{_separators['currency']}\u00a0{amount}"


def format_long_date(day: dt.date) -> str:
    """``dinsdag 4 maart 2025``."""
    return LOCALE.toString(QDate(day.year, day.month, day.day), LONG_DATE_FORMAT)


def month_name(day: dt.date) -> str:
    return LOCALE.standaloneMonthName(day.month, QLocale.FormatType.LongFormat)


def month_abbreviation(day: dt.date) -> str:
    """``mrt`` / ``Mar`` (without the dot some locales add)."""
    return LOCALE.standaloneMonthName(day.month, QLocale.FormatType.ShortFormat).rstrip(".")


def format_moment(moment: dt.datetime | None) -> str:
    """A stored moment (UTC) in the PC's local time: ``15-03-2025 14:05``; "" for None."""
    if moment is None:
        return ""
    if moment.tzinfo is None:  # stored moments are aware; be safe with a naive one
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone()
    return f"{format_date(local)} {local.hour:02d}:{local.minute:02d}"


def format_date(day: dt.date | None) -> str:
    """``15-03-2025``; "" for None. Without ``strftime``: lists show thousands of dates."""
    if day is None:
        return ""
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def local_day_start(day: dt.date) -> dt.datetime:
    """Midnight at the start of ``day`` in the PC's local time, as an aware moment."""
    return dt.datetime.combine(day, dt.time()).astimezone()
