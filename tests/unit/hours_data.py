"""Hand-made workers, placements, goals and hours for the hours and reminder tests (straight
into the tables, so that every date can sit exactly on a boundary)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kringloopdesk.db.models import Department, Doelgroep, Goal, HourEntry, Placement, Worker


def add_worker(session: Session, number: str, first: str, last: str) -> Worker:
    doelgroep = session.scalars(select(Doelgroep).order_by(Doelgroep.id)).first()
    assert doelgroep is not None
    worker = Worker(number=number, first_name=first, last_name=last, doelgroep_id=doelgroep.id,
                    start_date=dt.date(2020, 1, 1))
    session.add(worker)
    session.flush()
    return worker


def add_placement(
    session: Session,
    worker: Worker,
    department: str,
    start: dt.date,
    end: dt.date | None = None,
    *,
    planned_end: dt.date | None = None,
    status: str | None = None,
) -> Placement:
    dept = session.scalar(select(Department).where(Department.code == department))
    assert dept is not None, department
    placement = Placement(
        worker_id=worker.id,
        department_id=dept.id,
        start_date=start,
        end_date=end,
        planned_end_date=planned_end,
        outcome="betaald_werk" if end else None,
        status=status or ("afgerond" if end else "actief"),
        hours_per_week=Decimal(24),
    )
    session.add(placement)
    session.flush()
    return placement


def add_hours(session: Session, placement: Placement, day: dt.date, hours: str) -> HourEntry:
    entry = HourEntry(placement_id=placement.id, entry_date=day, hours=Decimal(hours))
    session.add(entry)
    session.flush()
    return entry


def add_goal(
    session: Session, placement: Placement, target: dt.date | None, status: str = "open",
    description: str = "Zelfstandig de kassa bedienen",
) -> Goal:
    goal = Goal(placement_id=placement.id, description=description, target_date=target,
                status=status)
    session.add(goal)
    session.flush()
    return goal
