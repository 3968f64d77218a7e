"""The goods part of the dashboard: monthly kg in and out per product group over the last twelve
months (exact, empty months included), the reuse % per month, and this year's reused kg and CO2
avoided, which must equal the BKN export's figures for the same days."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from decimal import Decimal

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kringloopdesk.db.codes import BESTEMMING, HERKOMST
from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import FactorSet, GoodsFlow, ProductGroup
from kringloopdesk.services.dashboard import (
    goods_dashboard,
    goods_trend,
    goods_year,
    month_starts,
)
from kringloopdesk.services.figures import FactorSetRef, Period, bkn_figures, figure_map

TODAY = dt.date(2025, 3, 15)
D = dt.date.fromisoformat


def group_ids(session: Session) -> dict[str, int]:
    return {g.code: g.id for g in session.scalars(select(ProductGroup))}


def add(session: Session, day: str, direction: str, group: str, kg: str, channel: str) -> None:
    session.add(
        GoodsFlow(flow_date=D(day), direction=direction, product_group_id=group_ids(session)[group],
                  kg=Decimal(kg), channel=channel)
    )


def test_month_starts_run_back_over_the_year_boundary() -> None:
    assert month_starts(TODAY) == [
        D("2024-04-01"), D("2024-05-01"), D("2024-06-01"), D("2024-07-01"), D("2024-08-01"),
        D("2024-09-01"), D("2024-10-01"), D("2024-11-01"), D("2024-12-01"), D("2025-01-01"),
        D("2025-02-01"), D("2025-03-01"),
    ]
    assert month_starts(D("2025-01-31"), 2) == [D("2024-12-01"), D("2025-01-01")]
    assert month_starts(D("2025-12-01"), 1) == [D("2025-12-01")]


def test_the_monthly_sums_are_exact_and_empty_months_are_there(shop_db: Database) -> None:
    with shop_db.session() as session:
        add(session, "2024-03-31", "in", "meubels", "5000", "brengen")  # before the window
        add(session, "2024-04-01", "in", "meubels", "10.001", "brengen")  # first day
        add(session, "2024-04-30", "in", "meubels", "0.002", "ophalen")
        add(session, "2024-04-15", "in", "textiel", "7", "ophalen")
        add(session, "2024-04-20", "uit", "textiel", "3.5", "hergebruik")
        add(session, "2024-12-31", "uit", "meubels", "1.25", "restafval")
        add(session, "2025-01-01", "uit", "meubels", "2", "hergebruik_online")
        add(session, "2025-03-15", "in", "fietsen", "0.001", "brengen")  # today
        add(session, "2025-03-16", "in", "fietsen", "999", "brengen")  # after today
    with shop_db.read_session() as session:
        trend = goods_trend(session, TODAY)

    assert [m.month for m in trend.months] == month_starts(TODAY)
    codes = [g.code for g in trend.groups]
    assert codes == ["meubels", "textiel", "witgoed", "klein_elektrisch", "ict_elektronica",
                     "kleingoed", "boeken_media", "speelgoed", "fietsen", "overig"]
    by_month = {m.month: m for m in trend.months}

    def per_group(values: tuple[Decimal, ...]) -> dict[str, Decimal]:
        return {code: kg for code, kg in zip(codes, values, strict=True) if kg}

    april = by_month[D("2024-04-01")]
    assert per_group(april.kg_in) == {"meubels": Decimal("10.003"), "textiel": Decimal("7")}
    assert per_group(april.kg_out) == {"textiel": Decimal("3.5")}
    assert april.kg_reused == Decimal("3.5") and april.reuse_pct == Decimal(100)
    assert april.total_in == Decimal("17.003")
    assert per_group(by_month[D("2024-12-01")].kg_out) == {"meubels": Decimal("1.25")}
    assert by_month[D("2024-12-01")].reuse_pct == 0
    assert by_month[D("2025-01-01")].kg_reused == Decimal(2)
    assert per_group(by_month[D("2025-03-01")].kg_in) == {"fietsen": Decimal("0.001")}
    empty = [m.month for m in trend.months if not m.total_in and not m.total_out]
    assert empty == [D("2024-05-01"), D("2024-06-01"), D("2024-07-01"), D("2024-08-01"),
                     D("2024-09-01"), D("2024-10-01"), D("2024-11-01"), D("2025-02-01")]
    assert all(m.reuse_pct == 0 for m in trend.months if m.month in empty)
    assert not trend.is_empty
    assert trend.first_day == D("2024-04-01")


def test_reuse_percentage_per_month(shop_db: Database) -> None:
    with shop_db.session() as session:
        add(session, "2025-02-03", "uit", "meubels", "60", "hergebruik")
        add(session, "2025-02-04", "uit", "textiel", "15", "hergebruik_online")
        add(session, "2025-02-05", "uit", "textiel", "20", "recycling")
        add(session, "2025-02-06", "uit", "overig", "4", "restafval")
        add(session, "2025-02-07", "uit", "overig", "1", "export")
        add(session, "2025-03-01", "uit", "meubels", "1", "recycling")
        add(session, "2025-03-02", "uit", "meubels", "2", "hergebruik")
    with shop_db.read_session() as session:
        months = {m.month: m for m in goods_trend(session, TODAY).months}
    assert months[D("2025-02-01")].reuse_pct == Decimal(75)  # (60 + 15) ÷ 100
    assert months[D("2025-02-01")].total_out == Decimal(100)
    assert round(months[D("2025-03-01")].reuse_pct, 10) == Decimal("66.6666666667")
    assert months[D("2025-01-01")].reuse_pct == 0  # no outflow


def test_an_inactive_group_shows_only_when_it_has_flows(shop_db: Database) -> None:
    with shop_db.session() as session:
        session.execute(
            update(ProductGroup).where(ProductGroup.code.in_(["speelgoed", "overig"]))
            .values(active=False)
        )
        add(session, "2025-01-10", "in", "overig", "3", "brengen")
    with shop_db.read_session() as session:
        trend = goods_trend(session, TODAY)
    codes = [g.code for g in trend.groups]
    assert "speelgoed" not in codes and codes[-1] == "overig"
    assert trend.months[-3].kg_in[-1] == Decimal(3)


def test_an_empty_shop_has_twelve_empty_months(shop_db: Database) -> None:
    with shop_db.read_session() as session:
        found = goods_dashboard(session, TODAY)
    assert found.trend.is_empty and len(found.trend.months) == 12
    assert found.year.kg_reused == 0 and found.year.co2_kg == 0
    assert found.year.factor_set == FactorSetRef("bkn_tno", 1)
    assert found.year.reuse_pct == 0


def test_this_years_reuse_and_co2_equal_the_bkn_export(shop_db: Database) -> None:
    rng = random.Random(5)
    with shop_db.session() as session:
        codes = list(group_ids(session))
        start = D("2024-06-01")
        for _n in range(400):
            direction = rng.choice(["in", "uit"])
            channel = rng.choice(HERKOMST.codes if direction == "in" else BESTEMMING.codes)
            day = start + dt.timedelta(days=rng.randrange(0, 400))
            add(session, day.isoformat(), direction, rng.choice(codes),
                f"{rng.randrange(1, 200_000) / 1000:.3f}", channel)
        session.execute(
            update(FactorSet).where(FactorSet.code == "restart_wrap").values(is_default=True)
        )
        session.execute(
            update(FactorSet).where(FactorSet.code == "bkn_tno").values(is_default=False)
        )
    with shop_db.read_session() as session:
        year = goods_year(session, TODAY)
        export = figure_map(bkn_figures(session, Period(D("2025-01-01"), TODAY)))
        trend = goods_trend(session, TODAY)
        rows = session.execute(select(GoodsFlow)).scalars().all()

    assert year.factor_set == FactorSetRef("restart_wrap", 1)
    assert year.co2_kg == export[("co2_vermeden_kg", "totaal")].waarde
    assert year.kg_out == export[("afgevoerd_kg", "totaal")].waarde
    reused = export[("afgevoerd_kg", "hergebruik")].waarde + \
        export[("afgevoerd_kg", "hergebruik_online")].waarde
    assert year.kg_reused == reused
    assert year.reuse_pct == export[("hergebruik_pct", "totaal")].waarde

    # The monthly figures recomputed in plain Python from the rows.
    expected_in: dict[tuple[dt.date, int], Decimal] = defaultdict(Decimal)
    expected_out: dict[tuple[dt.date, int], Decimal] = defaultdict(Decimal)
    for row in rows:
        if not trend.first_day <= row.flow_date <= TODAY:
            continue
        key = (row.flow_date.replace(day=1), row.product_group_id)
        (expected_in if row.direction == "in" else expected_out)[key] += row.kg
    for month in trend.months:
        for group, kg_in, kg_out in zip(trend.groups, month.kg_in, month.kg_out, strict=True):
            assert kg_in == expected_in[(month.month, group.id)]
            assert kg_out == expected_out[(month.month, group.id)]


def test_without_a_default_set_there_is_no_co2_but_still_reuse(shop_db: Database) -> None:
    with shop_db.session() as session:
        session.execute(update(FactorSet).values(is_default=False))
        add(session, "2025-02-01", "uit", "meubels", "8", "hergebruik")
        add(session, "2025-02-01", "uit", "meubels", "2", "restafval")
    with shop_db.read_session() as session:
        year = goods_year(session, TODAY)
    assert (year.kg_out, year.kg_reused, year.co2_kg, year.factor_set) == (
        Decimal(10), Decimal(8), None, None)
    assert year.reuse_pct == Decimal(80)


@pytest.mark.parametrize("today", [D("2025-12-31"), D("2024-02-29")])
def test_the_window_ends_today(shop_db: Database, today: dt.date) -> None:
    with shop_db.session() as session:
        add(session, today.isoformat(), "in", "meubels", "1", "brengen")
        add(session, (today + dt.timedelta(days=1)).isoformat(), "in", "meubels", "5", "brengen")
    with shop_db.read_session() as session:
        trend = goods_trend(session, today)
    assert trend.months[-1].month == today.replace(day=1)
    assert sum((m.total_in for m in trend.months), Decimal(0)) == Decimal(1)
