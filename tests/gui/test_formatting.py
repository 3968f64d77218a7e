"""Numbers and dates the Dutch way, rounded half up from the exact value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kringloopdesk.gui.formatting import format_kg, format_long_date, format_number


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (Decimal("61234.45"), 1, "61.234,5"),
        (Decimal("61234.449"), 1, "61.234,4"),
        (Decimal("0.25"), 1, "0,3"),
        (Decimal("0"), 1, "0,0"),
        (Decimal("-0.01"), 1, "0,0"),
        (1234567, 0, "1.234.567"),
        (999, 0, "999"),
        (Decimal("750000.000"), 3, "750.000,000"),
    ],
)
def test_format_number(value: Decimal | int, decimals: int, expected: str) -> None:
    assert format_number(value, decimals) == expected


def test_format_kg_and_dates() -> None:
    assert format_kg(Decimal("61234.5")) == "61.234,5 kg"
    assert format_long_date(dt.date(2025, 3, 4)) == "dinsdag 4 maart 2025"
