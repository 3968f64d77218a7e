"""The dashboard's aandachtspunten: what a begeleider should look at soon.

Three lists, each with its full count and its first few items:

- **ending** — running placements (started, no actual end date) whose planned end date is at
  most 30 days away, including those whose planned end has already passed: they need to be
  ended or planned anew. Soonest first.
- **goals** — open goals of running placements whose target date has passed (a goal due today
  is not late yet). Longest overdue first.
- **missing_hours** — workers placed for the whole window (a running, not paused placement
  today, and a placement that ran on the window's first day) without any hours in the last
  14 days, today included: ``today - 13`` through ``today``. Those without hours longest first.

An invoer gets the hours list only, with numbers and names (``ending`` and ``goals`` are
``None``: not for this role, as opposed to an empty list). Anonymised workers never appear.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from kringloopdesk.db.models import Department, Goal, HourEntry, Placement, Worker
from kringloopdesk.i18n import current_language
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.permissions import Permission, allowed, requires
from kringloopdesk.services.workers import sort_key

ENDING_WITHIN_DAYS = 30
NO_HOURS_DAYS = 14
DEFAULT_LIMIT = 5

T = TypeVar("T")


@dataclass(frozen=True)
class ReminderList(Generic[T]):
    count: int  # all of them
    items: tuple[T, ...]  # the first few (``limit``), in the list's order


@dataclass(frozen=True)
class EndingPlacement:
    placement_id: int
    worker_id: int
    number: str
    name: str
    department_label: str
    planned_end_date: dt.date
    days_left: int  # negative: the planned end has passed


@dataclass(frozen=True)
class OverdueGoal:
    goal_id: int
    placement_id: int
    worker_id: int
    number: str
    name: str
    department_label: str
    description: str
    target_date: dt.date
    days_overdue: int


@dataclass(frozen=True)
class MissingHours:
    worker_id: int
    placement_id: int
    number: str
    name: str
    department_label: str
    last_hours_date: dt.date | None  # the latest hours ever booked, None: never


@dataclass(frozen=True)
class Reminders:
    today: dt.date
    ending: ReminderList[EndingPlacement] | None  # None: not for this role
    goals: ReminderList[OverdueGoal] | None
    missing_hours: ReminderList[MissingHours]


def _running(placement: type[Placement] | Placement, day: dt.date):
    return and_(
        placement.start_date <= day,
        or_(placement.end_date.is_(None), placement.end_date >= day),
    )


def _department_label():
    return Department.label_en if current_language() == "en" else Department.label_nl


def _name(first_name: str, last_name: str) -> str:
    return f"{first_name} {last_name}".strip()


def _cut(items: list[T], limit: int | None) -> ReminderList[T]:
    return ReminderList(len(items), tuple(items if limit is None else items[:limit]))


@requires(Permission.VIEW_WORKER_NAMES)
def reminders(
    session: Session, actor: Actor, today: dt.date | None = None, limit: int | None = DEFAULT_LIMIT
) -> Reminders:
    """The three lists as of ``today`` (the real today when None); ``limit`` items each
    (None: all)."""
    today = today or dt.date.today()
    coach = allowed(actor.role, Permission.MANAGE_WORKERS)
    return Reminders(
        today=today,
        ending=_cut(_ending(session, today), limit) if coach else None,
        goals=_cut(_goals(session, today), limit) if coach else None,
        missing_hours=_cut(_missing_hours(session, today), limit),
    )


def _ending(session: Session, today: dt.date) -> list[EndingPlacement]:
    horizon = today + dt.timedelta(days=ENDING_WITHIN_DAYS)
    rows = session.execute(
        select(
            Placement.id, Worker.id, Worker.number, Worker.first_name, Worker.last_name,
            _department_label(), Placement.planned_end_date,
        )
        .join(Worker, Worker.id == Placement.worker_id)
        .join(Department, Department.id == Placement.department_id)
        .where(
            Placement.end_date.is_(None),
            Placement.start_date <= today,
            Placement.planned_end_date <= horizon,
            Worker.anonymised_at.is_(None),
        )
    ).all()
    rows.sort(key=lambda r: (r[6], *sort_key(r[3], r[4]), r[2]))
    return [
        EndingPlacement(pid, wid, number, _name(first, last), label, planned,
                        (planned - today).days)
        for pid, wid, number, first, last, label, planned in rows
    ]


def _goals(session: Session, today: dt.date) -> list[OverdueGoal]:
    rows = session.execute(
        select(
            Goal.id, Placement.id, Worker.id, Worker.number, Worker.first_name,
            Worker.last_name, _department_label(), Goal.description, Goal.target_date,
        )
        .join(Placement, Placement.id == Goal.placement_id)
        .join(Worker, Worker.id == Placement.worker_id)
        .join(Department, Department.id == Placement.department_id)
        .where(
            Goal.status == "open",
            Goal.target_date < today,
            _running(Placement, today),
            Worker.anonymised_at.is_(None),
        )
    ).all()
    rows.sort(key=lambda r: (r[8], *sort_key(r[4], r[5]), r[0]))
    return [
        OverdueGoal(gid, pid, wid, number, _name(first, last), label, description, target,
                    (today - target).days)
        for gid, pid, wid, number, first, last, label, description, target in rows
    ]


def _missing_hours(session: Session, today: dt.date) -> list[MissingHours]:
    window_start = today - dt.timedelta(days=NO_HOURS_DAYS - 1)
    earlier = aliased(Placement)
    booked = aliased(Placement)
    placed_at_start = exists().where(
        earlier.worker_id == Worker.id, _running(earlier, window_start)
    )
    hours_in_window = exists().where(
        HourEntry.placement_id == booked.id,
        booked.worker_id == Worker.id,
        HourEntry.entry_date.between(window_start, today),
    )
    last_hours = (
        select(func.max(HourEntry.entry_date))
        .join(booked, booked.id == HourEntry.placement_id)
        .where(booked.worker_id == Worker.id, HourEntry.entry_date <= today)
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            Worker.id, Placement.id, Worker.number, Worker.first_name, Worker.last_name,
            _department_label(), last_hours,
        )
        .join(Placement, Placement.worker_id == Worker.id)
        .join(Department, Department.id == Placement.department_id)
        .where(
            _running(Placement, today),
            Placement.status != "gepauzeerd",
            Worker.anonymised_at.is_(None),
            placed_at_start,
            ~hours_in_window,
        )
    ).all()
    rows.sort(key=lambda r: (r[6] or dt.date.min, *sort_key(r[3], r[4]), r[2]))
    return [
        MissingHours(wid, pid, number, _name(first, last), label, last_date)
        for wid, pid, number, first, last, label, last_date in rows
    ]
