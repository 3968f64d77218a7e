"""The live figures on the dashboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from kringloopdesk.db.models import GoodsFlow, Placement


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
