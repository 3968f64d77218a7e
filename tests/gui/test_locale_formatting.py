"""Numbers, amounts and dates through QLocale, in Dutch and in English: English keeps the
Dutch way of writing them (dd-mm-yyyy, decimal comma, € 12,50), only the words change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

from kringloopdesk.gui import formatting
from kringloopdesk.gui.formatting import (
    format_date,
    format_euro,
    format_hours,
    format_kg,
    format_long_date,
    format_moment,
    format_number,
    month_abbreviation,
    month_name,
    set_display_language,
)

NBSP = "\u00a0"


@pytest.fixture(params=["nl", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    set_display_language(request.param)
    yield request.param
    set_display_language("nl")


def test_numbers_amounts_and_dates_are_written_the_dutch_way_in_both(language: str) -> None:
    assert format_number(Decimal("61234.45"), 1) == "61.234,5"
    assert format_kg(Decimal("1234.5")) == "1.234,5 kg"
    assert format_euro(1250) == f"€{NBSP}12,50"
    assert format_euro(123456789) == f"€{NBSP}1.234.567,89"
    assert format_euro(-1250) == f"€{NBSP}-12,50"
    assert format_euro(None) == ""
    assert format_hours(Decimal("7.50")) == "7,5"
    assert format_hours(Decimal("8.00")) == "8"
    assert format_hours(Decimal("1234.25")) == "1.234,25"
    assert format_date(dt.date(2025, 3, 5)) == "05-03-2025"
    assert format_date(None) == ""
    moment = dt.datetime(2025, 3, 5, 9, 7).astimezone()
    assert format_moment(moment) == "05-03-2025 09:07"
    # Qt's own widgets (spin boxes, date pickers) take the same separators.
    assert QLocale().decimalPoint() == "," and QLocale().groupSeparator() == "."
    assert QLocale().toString(1234.5, "f", 1) == "1.234,5"


def test_the_words_follow_the_language(language: str) -> None:
    day = dt.date(2025, 3, 4)
    if language == "nl":
        assert format_long_date(day) == "dinsdag 4 maart 2025"
        assert month_name(day) == "maart" and month_abbreviation(day) == "mrt"
        assert QLocale().language() == QLocale.Language.Dutch
    else:
        assert format_long_date(day) == "Tuesday 4 March 2025"
        assert month_name(day) == "March" and month_abbreviation(day) == "Mar"
        assert QLocale().language() == QLocale.Language.English
    # The old name (imported by value elsewhere) is the same locale object: it follows.
    assert formatting.DUTCH is formatting.LOCALE
    assert formatting.DUTCH.name() == ("nl_NL" if language == "nl" else "en_NL")
