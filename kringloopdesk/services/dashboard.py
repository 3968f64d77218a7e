"""The live figures on the dashboard.

People and kilos today (:func:`dashboard_figures`), and the goods part
(:func:`goods_dashboard`): reused kg and CO2 avoided this year with the default factor set, and
kg in and out per product group per month for the last twelve months with the reuse %. The
reuse and CO2 definitions are those of the BKN export (``services.figures``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, extract, func, or_, select
from sqlalchemy.orm import Session

from kringloopdesk.db.codes import REUSE_DESTINATIONS
from kringloopdesk.db.models import GoodsFlow, Placement, ProductGroup
from kringloopdesk.services.figures import (
    FactorSetRef,
    Period,
    default_factor_set,
    percentage,
    reuse_totals,
)
from kringloopdesk.services.reference import ProductGroupItem


@dataclass(frozen=True)
class DashboardFigures:
    today: dt.date
    active_workers: int
    active_placements: int
    kg_in_month: Decimal
    kg_out_month: Decimal
    kg_in_year: Decimal
    kg_out_year: Decimal


def active_on(day: dt.date):
    """A placement is active on ``day`` when it has started and not (yet) ended."""
    return and_(
        Placement.start_date <= day,
        or_(Placement.end_date.is_(None), Placement.end_date >= day),
    )


def _kg_by_direction(session: Session, start: dt.date, end: dt.date) -> dict[str, Decimal]:
    rows = session.execute(
        select(GoodsFlow.direction, func.sum(GoodsFlow.kg))
        .where(GoodsFlow.flow_date.between(start, end))
        .group_by(GoodsFlow.direction)
    )
    totals = {"in": Decimal(0), "uit": Decimal(0)}
    for direction, kg in rows:
        totals[direction] = kg or Decimal(0)
    return totals


def dashboard_figures(session: Session, today: dt.date | None = None) -> DashboardFigures:
    """Active workers and placements today; kg in and out this month and this year."""
    today = today or dt.date.today()
    active = session.execute(
        select(func.count(), func.count(func.distinct(Placement.worker_id))).where(active_on(today))
    ).one()
    month = _kg_by_direction(session, today.replace(day=1), today)
    year = _kg_by_direction(session, today.replace(month=1, day=1), today)
    return DashboardFigures(
        today=today,
        active_workers=active[1],
        active_placements=active[0],
        kg_in_month=month["in"],
        kg_out_month=month["uit"],
        kg_in_year=year["in"],
        kg_out_year=year["uit"],
    )


# ---------------------------------------------------------------------------------------------
# Goods: this year's reuse and CO2, and the last twelve months per product group

TREND_MONTHS = 12


@dataclass(frozen=True)
class GoodsYear:
    """Reuse this calendar year, 1 January through today, as the BKN export computes it.

    ``co2_kg`` and ``factor_set`` are None when the shop has no default factor set.
    """

    year: int
    kg_out: Decimal
    kg_reused: Decimal
    co2_kg: Decimal | None
    factor_set: FactorSetRef | None

    @property
    def reuse_pct(self) -> Decimal:
        return percentage(self.kg_reused, self.kg_out)


@dataclass(frozen=True)
class MonthGoods:
    """One calendar month: kg in and out per product group (in the order of
    ``GoodsTrend.groups``) and the reused kg of the outflow."""

    month: dt.date  # the first day
    kg_in: tuple[Decimal, ...]
    kg_out: tuple[Decimal, ...]
    kg_reused: Decimal

    @property
    def total_in(self) -> Decimal:
        return sum(self.kg_in, Decimal(0))

    @property
    def total_out(self) -> Decimal:
        return sum(self.kg_out, Decimal(0))

    @property
    def reuse_pct(self) -> Decimal:
        """Reused kg ÷ all outflow kg × 100; 0 in a month without outflow."""
        return percentage(self.kg_reused, self.total_out)


@dataclass(frozen=True)
class GoodsTrend:
    """The last twelve calendar months, the current one (through today) last; months without
    flows are there with zeros. ``groups``: the active product groups and any inactive one
    with flows in the window, in the list's order."""

    today: dt.date
    groups: tuple[ProductGroupItem, ...]
    months: tuple[MonthGoods, ...]

    @property
    def first_day(self) -> dt.date:
        return self.months[0].month

    @property
    def is_empty(self) -> bool:
        return not any(m.total_in or m.total_out for m in self.months)


@dataclass(frozen=True)
class GoodsDashboard:
    year: GoodsYear
    trend: GoodsTrend


def goods_dashboard(session: Session, today: dt.date | None = None) -> GoodsDashboard:
    """This year's reused kg and CO2 avoided (default factor set), and the monthly trend."""
    today = today or dt.date.today()
    return GoodsDashboard(goods_year(session, today), goods_trend(session, today))


def goods_year(session: Session, today: dt.date | None = None) -> GoodsYear:
    """Reused kg, outflow and CO2 avoided from 1 January through ``today``.

    The definitions are those of the BKN export (``figures.reuse_totals``), so the dashboard
    and an export of the same days agree to the gram.
    """
    today = today or dt.date.today()
    period = Period(today.replace(month=1, day=1), today)
    ref = default_factor_set(session)
    if ref is None:
        flows = _kg_reuse(session, period.start, period.end)
        return GoodsYear(today.year, flows[0], flows[1], None, None)
    totals = reuse_totals(session, period, factor_set=ref)
    return GoodsYear(today.year, totals.outflow_kg, totals.reused_kg, totals.co2_kg, ref)


def month_starts(today: dt.date, months: int = TREND_MONTHS) -> list[dt.date]:
    """The first days of the ``months`` calendar months ending with today's, oldest first."""
    index = today.year * 12 + today.month - 1
    return [
        dt.date(i // 12, i % 12 + 1, 1) for i in range(index - months + 1, index + 1)
    ]


def goods_trend(
    session: Session, today: dt.date | None = None, months: int = TREND_MONTHS
) -> GoodsTrend:
    """kg in and out per product group per month, and the reused kg per month, for the last
    ``months`` calendar months through ``today`` (later-dated flows are not counted).

    Two GROUP BY queries on (year, month, product group) over the (direction, flow_date)
    index; year and month are extracted portably (``EXTRACT`` on PostgreSQL, ``strftime``
    on SQLite), so no flow row leaves the database.
    """
    today = today or dt.date.today()
    starts = month_starts(today, months)
    window = GoodsFlow.flow_date.between(starts[0], today)
    year = extract("year", GoodsFlow.flow_date)
    month = extract("month", GoodsFlow.flow_date)

    intake: dict[tuple[dt.date, int], Decimal] = {}
    for y, m, gid, kg in session.execute(
        select(year, month, GoodsFlow.product_group_id, func.sum(GoodsFlow.kg))
        .where(GoodsFlow.direction == "in", window)
        .group_by(year, month, GoodsFlow.product_group_id)
    ):
        intake[(dt.date(int(y), int(m), 1), int(gid))] = kg or Decimal(0)

    reuse = GoodsFlow.channel.in_(REUSE_DESTINATIONS)
    outflow: dict[tuple[dt.date, int], Decimal] = {}
    reused: dict[dt.date, Decimal] = {}
    for y, m, gid, is_reuse, kg in session.execute(
        select(year, month, GoodsFlow.product_group_id, reuse, func.sum(GoodsFlow.kg))
        .where(GoodsFlow.direction == "uit", window)
        .group_by(year, month, GoodsFlow.product_group_id, reuse)
    ):
        key = dt.date(int(y), int(m), 1)
        kg = kg or Decimal(0)
        outflow[(key, int(gid))] = outflow.get((key, int(gid)), Decimal(0)) + kg
        if is_reuse:
            reused[key] = reused.get(key, Decimal(0)) + kg

    with_flows = {gid for _month, gid in (*intake, *outflow)}
    groups = tuple(
        ProductGroupItem(g.id, g.code, g.label_nl, g.label_en, g.electrical)
        for g in session.scalars(
            select(ProductGroup).order_by(ProductGroup.sort_order, ProductGroup.code)
        )
        if g.active or g.id in with_flows
    )
    zero = Decimal(0)
    return GoodsTrend(
        today=today,
        groups=groups,
        months=tuple(
            MonthGoods(
                month=start,
                kg_in=tuple(intake.get((start, g.id), zero) for g in groups),
                kg_out=tuple(outflow.get((start, g.id), zero) for g in groups),
                kg_reused=reused.get(start, zero),
            )
            for start in starts
        ),
    )


def _kg_reuse(session: Session, start: dt.date, end: dt.date) -> tuple[Decimal, Decimal]:
    """(all outflow kg, reused kg) between two days, for a shop without a default set."""
    rows = session.execute(
        select(GoodsFlow.channel, func.sum(GoodsFlow.kg))
        .where(GoodsFlow.direction == "uit", GoodsFlow.flow_date.between(start, end))
        .group_by(GoodsFlow.channel)
    )
    sums = {channel: kg or Decimal(0) for channel, kg in rows}
    reused = sum((sums.get(b, Decimal(0)) for b in REUSE_DESTINATIONS), Decimal(0))
    return sum(sums.values(), Decimal(0)), reused
