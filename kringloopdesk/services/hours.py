"""The urenregistratie: a week of hours per department, and one worker's hours over a period.

A *cell* is one worker's day in one placement, keyed ``(placement_id, day)``. Several hour
entries can exist for one cell (an import may add one per line, for a morning and an
afternoon). The week grid shows a cell as the exact sum of its entries; saving a changed cell
replaces them with one entry:

- new hours on a cell without entries add an entry;
- new hours on a cell with entries give the oldest entry the new hours (it keeps its id and
  its history in the log) and delete the others;
- ``None`` or 0 clears the cell: all its entries are deleted.

Saving a week is one transaction: every changed cell is checked first (hours more than 0 and
at most 24 with at most two decimals, a day inside the placement and not in the future), and
one refused cell refuses them all with a Dutch ``ValidationError`` that names the worker and
the day. ``expected`` carries what the grid showed when it was read; a cell that someone else
changed since is refused with :class:`HoursChangedError` instead of being overwritten. The
workers' rows are locked while a week is saved (the same lock as placements takes), so an
ending placement and a week of hours on another PC cannot cross.

Every role books hours; what an invoer sees here is a worker's number and name only. Every
change writes an audit entry on ``hour_entries`` naming the field ``hours`` (a new entry also
``entry_date``, as in ``placements.add_hours``), never the values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kringloopdesk.db.models import Department, HourEntry, Placement, Worker
from kringloopdesk.errors import RecordChangedError, UserError, ValidationError
from kringloopdesk.i18n import _, current_language
from kringloopdesk.services import audit
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.services.placements import MAX_HOURS_PER_DAY
from kringloopdesk.services.workers import WorkerName, format_date, get_worker_row, sort_key

DAYS_PER_WEEK = 7
HUNDREDTH = Decimal("0.01")

Cell = tuple[int, dt.date]  # (placement_id, day)


class HoursChangedError(ValidationError, RecordChangedError):
    """Hours in the week were changed by someone else after the grid was read."""


# ---------------------------------------------------------------------------------------------
# Plain data


@dataclass(frozen=True)
class WeekRow:
    """One worker in the week. ``placements[d]`` is the placement (in this department) that
    runs on day ``d`` (0 = Monday), or None outside every placement; ``hours[d]`` is the sum of
    that day's entries (None: none) and ``entries[d]`` how many entries there are."""

    worker_id: int
    number: str
    first_name: str
    last_name: str
    anonymised: bool
    placements: tuple[int | None, ...]
    hours: tuple[Decimal | None, ...]
    entries: tuple[int, ...]

    @property
    def placement_id(self) -> int:
        """The worker's latest placement in the department this week."""
        return next(p for p in reversed(self.placements) if p is not None)

    @property
    def in_placement(self) -> tuple[bool, ...]:
        return tuple(p is not None for p in self.placements)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def total(self) -> Decimal:
        return sum((h for h in self.hours if h is not None), Decimal("0.00"))


@dataclass(frozen=True)
class WeekGrid:
    """A department's week: rows of workers (Dutch name order), columns Monday..Sunday."""

    department: str
    department_label: str
    monday: dt.date
    today: dt.date
    rows: tuple[WeekRow, ...]

    @property
    def days(self) -> tuple[dt.date, ...]:
        return tuple(self.monday + dt.timedelta(days=d) for d in range(DAYS_PER_WEEK))

    @property
    def week_number(self) -> int:
        return self.monday.isocalendar().week

    def editable(self, row: int, day: int) -> bool:
        """Whether hours can be booked in this cell: inside a placement, not in the future,
        and the worker is not anonymised."""
        line = self.rows[row]
        return (
            line.placements[day] is not None
            and self.days[day] <= self.today
            and not line.anonymised
        )

    def cell(self, row: int, day: int) -> Cell | None:
        placement = self.rows[row].placements[day]
        return None if placement is None else (placement, self.days[day])

    def day_total(self, day: int) -> Decimal:
        return sum(
            (r.hours[day] for r in self.rows if r.hours[day] is not None), Decimal("0.00")
        )

    @property
    def day_totals(self) -> tuple[Decimal, ...]:
        return tuple(self.day_total(d) for d in range(DAYS_PER_WEEK))

    @property
    def total(self) -> Decimal:
        return sum((r.total for r in self.rows), Decimal("0.00"))

    def shown(self) -> dict[Cell, Decimal | None]:
        """What each cell shows, to pass back to :func:`save_week` as ``expected``."""
        return {
            (placement, self.days[d]): row.hours[d]
            for row in self.rows
            for d, placement in enumerate(row.placements)
            if placement is not None
        }


@dataclass(frozen=True)
class WeekSaved:
    """What :func:`save_week` did, and the week as it is now stored."""

    booked: int  # cells given hours (added or changed)
    cleared: int  # cells emptied
    grid: WeekGrid

    @property
    def changed(self) -> int:
        return self.booked + self.cleared


@dataclass(frozen=True)
class HourLine:
    entry_id: int
    placement_id: int
    day: dt.date
    hours: Decimal
    department: str
    department_label: str


@dataclass(frozen=True)
class PeriodTotal:
    """The hours of one week (Monday..Sunday) or one calendar month."""

    first_day: dt.date
    last_day: dt.date
    hours: Decimal
    days: int  # days with hours

    @property
    def week_number(self) -> int:
        return self.first_day.isocalendar().week


@dataclass(frozen=True)
class WorkerHours:
    """A worker's hours from ``start`` through ``end`` (None: unbounded), oldest first."""

    worker: WorkerName
    start: dt.date | None
    end: dt.date | None
    lines: tuple[HourLine, ...]
    weeks: tuple[PeriodTotal, ...]
    months: tuple[PeriodTotal, ...]

    @property
    def total(self) -> Decimal:
        return sum((line.hours for line in self.lines), Decimal("0.00"))

    @property
    def days(self) -> int:
        return len({line.day for line in self.lines})


# ---------------------------------------------------------------------------------------------
# Helpers (no actor: plain rules, also for the GUI's immediate feedback)


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())


def weekday_name(day: dt.date) -> str:
    names = (_("maandag"), _("dinsdag"), _("woensdag"), _("donderdag"), _("vrijdag"),
             _("zaterdag"), _("zondag"))
    return names[day.weekday()]


def format_hours(value: Decimal) -> str:
    """Hours the Dutch way, without trailing zeros: 7,5 · 8 · 7,25 · 0,05."""
    text = f"{value.quantize(HUNDREDTH):f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") or "0"


def parse_hours(value: Decimal | int | str | None) -> Decimal | None:
    """``"7,5"``, ``"7.5"``, ``7`` or ``Decimal`` -> Decimal; empty or None -> None.

    Raises ``ValidationError`` for text that is not a number; the range is checked by
    :func:`hours_problem`.
    """
    if value is None:
        return None
    if isinstance(value, Decimal | int):
        number = Decimal(value)
    else:
        text = str(value).strip().replace(",", ".")
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = Decimal("NaN")
    if not number.is_finite():
        raise ValidationError(
            _("'{text}' is geen aantal uren; typ bijvoorbeeld 7,5.", text=value),
            {"hours": _("Geen getal")},
        )
    return number


def hours_problem(value: Decimal) -> str | None:
    """Why ``value`` cannot be booked on one day (None: it can; 0 means "clear")."""
    if value < 0:
        return _("Geen negatieve uren")
    if value > MAX_HOURS_PER_DAY:
        return _("Hoogstens 24 uur op een dag")
    if value != value.quantize(HUNDREDTH):
        return _("Hoogstens 2 decimalen, bijvoorbeeld 7,25")
    return None


def cell_key(cell: Cell) -> str:
    """The key of a cell in a ``ValidationError``'s ``field_errors``: ``"12:2026-11-24"``."""
    placement_id, day = cell
    return f"{placement_id}:{day.isoformat()}"


def _label(department: Department) -> str:
    return department.label_en if current_language() == "en" else department.label_nl


def _department(session: Session, code: str) -> Department:
    department = session.scalar(
        select(Department).where(Department.code == (code or "").strip().lower())
    )
    if department is None:
        raise UserError(_("Onbekende afdeling '{code}'.", code=code))
    return department


def _running_in(department_id: int, first: dt.date, last: dt.date):
    """Placements of the department that run on at least one day of ``first``..``last``."""
    return (
        Placement.department_id == department_id,
        Placement.start_date <= last,
        or_(Placement.end_date.is_(None), Placement.end_date >= first),
    )


def _runs_on(placement: Placement, day: dt.date) -> bool:
    return placement.start_date <= day and (placement.end_date is None or day <= placement.end_date)


def _who(worker: Worker) -> str:
    return f"{worker.full_name} ({worker.number})"


def _when(day: dt.date) -> str:
    return f"{weekday_name(day)} {format_date(day)}"


# ---------------------------------------------------------------------------------------------
# The week grid


@requires(Permission.REGISTER_HOURS)
def week_grid(
    session: Session, actor: Actor, department_code: str, monday: dt.date
) -> WeekGrid:
    """The week of ``monday`` (any day of it will do) in a department: every worker with a
    placement there that runs on at least one day of the week, with the hours per day."""
    department = _department(session, department_code)
    monday = week_start(monday)
    sunday = monday + dt.timedelta(days=DAYS_PER_WEEK - 1)
    days = [monday + dt.timedelta(days=d) for d in range(DAYS_PER_WEEK)]
    found = session.execute(
        select(Placement, Worker)
        .join(Worker, Worker.id == Placement.worker_id)
        .where(*_running_in(department.id, monday, sunday))
        .order_by(Placement.start_date)
    ).all()
    sums: dict[Cell, tuple[Decimal, int]] = {}
    if found:
        totals = session.execute(
            select(
                HourEntry.placement_id,
                HourEntry.entry_date,
                func.sum(HourEntry.hours),
                func.count(),
            )
            .where(
                HourEntry.placement_id.in_([p.id for p, _w in found]),
                HourEntry.entry_date.between(monday, sunday),
            )
            .group_by(HourEntry.placement_id, HourEntry.entry_date)
        )
        sums = {(pid, day): (total, count) for pid, day, total, count in totals}
    by_worker: dict[int, tuple[Worker, list[Placement]]] = {}
    for placement, worker in found:
        by_worker.setdefault(worker.id, (worker, []))[1].append(placement)
    rows = []
    for worker, placements in by_worker.values():
        # A worker with two placements here in one week (one ended, the next began) is one
        # row; each day belongs to the placement running on it (they never overlap).
        day_placements = tuple(
            next((p.id for p in placements if _runs_on(p, day)), None) for day in days
        )
        cells = [
            sums.get((pid, day), (None, 0)) if pid is not None else (None, 0)
            for pid, day in zip(day_placements, days, strict=True)
        ]
        # Entries outside every placement of the row cannot be booked, but are shown.
        for d, day in enumerate(days):
            if day_placements[d] is None:
                stray = [sums[(p.id, day)] for p in placements if (p.id, day) in sums]
                if stray:
                    cells[d] = (sum(s for s, _c in stray), sum(c for _s, c in stray))
        rows.append(
            WeekRow(
                worker_id=worker.id,
                number=worker.number,
                first_name=worker.first_name,
                last_name=worker.last_name,
                anonymised=worker.anonymised_at is not None,
                placements=day_placements,
                hours=tuple(total for total, _count in cells),
                entries=tuple(count for _total, count in cells),
            )
        )
    rows.sort(key=lambda r: (*sort_key(r.first_name, r.last_name), r.number))
    return WeekGrid(
        department=department.code,
        department_label=_label(department),
        monday=monday,
        today=dt.date.today(),
        rows=tuple(rows),
    )


@requires(Permission.REGISTER_HOURS)
def save_week(
    session: Session,
    actor: Actor,
    department_code: str,
    monday: dt.date,
    changes: Mapping[Cell, Decimal | int | str | None],
    expected: Mapping[Cell, Decimal | None] | None = None,
) -> WeekSaved:
    """Set or clear the hours of each changed cell of a department's week, all or nothing.

    ``changes`` maps ``(placement_id, day)`` to the new hours (``None`` or 0 clears the cell).
    ``expected`` maps cells to what the caller showed for them (``WeekGrid.shown()``); a cell
    whose stored sum differs now raises :class:`HoursChangedError`. Any refused cell raises a
    ``ValidationError`` (``field_errors`` keyed by :func:`cell_key`) and nothing is saved.
    """
    department = _department(session, department_code)
    monday = week_start(monday)
    sunday = monday + dt.timedelta(days=DAYS_PER_WEEK - 1)
    today = dt.date.today()
    placement_ids = sorted({placement_id for placement_id, _day in changes})
    # The workers' rows, locked in id order (PostgreSQL; SQLite serialises writers anyway).
    session.scalars(
        select(Worker.id)
        .join(Placement, Placement.worker_id == Worker.id)
        .where(Placement.id.in_(placement_ids))
        .order_by(Worker.id)
        .with_for_update(of=Worker)
    ).all()
    placements = {
        p.id: (p, w)
        for p, w in session.execute(
            select(Placement, Worker)
            .join(Worker, Worker.id == Placement.worker_id)
            .where(Placement.id.in_(placement_ids))
            .execution_options(populate_existing=True)
        )
    }
    current: dict[Cell, list[HourEntry]] = {}
    if placement_ids:
        for entry in session.scalars(
            select(HourEntry)
            .where(
                HourEntry.placement_id.in_(placement_ids),
                HourEntry.entry_date.between(monday, sunday),
            )
            .order_by(HourEntry.id)
            .execution_options(populate_existing=True)
        ):
            current.setdefault((entry.placement_id, entry.entry_date), []).append(entry)

    def order(item: tuple[Cell, object]) -> tuple:
        (placement_id, day), _value = item
        known = placements.get(placement_id)
        worker = known[1] if known else None
        return (*(sort_key(worker.first_name, worker.last_name) if worker else ("", "")), day)

    errors: dict[str, str] = {}
    conflicts: dict[str, str] = {}
    plan: list[tuple[Cell, Decimal | None]] = []
    for (placement_id, day), raw in sorted(changes.items(), key=order):
        key = cell_key((placement_id, day))
        known = placements.get(placement_id)
        if known is None or known[0].department_id != department.id:
            raise UserError(
                _("Deze plaatsing hoort niet (meer) bij {department}. Lees de week opnieuw.",
                  department=_label(department))
            )
        placement, worker = known
        who, when = _who(worker), _when(day)
        if not monday <= day <= sunday:
            errors[key] = _("{who}, {when}: die dag hoort niet bij deze week", who=who,
                            when=when)
            continue
        try:
            hours = parse_hours(raw)
        except ValidationError:
            errors[key] = _("{who}, {when}: '{text}' is geen aantal uren", who=who, when=when,
                            text=raw)
            continue
        problem = hours_problem(hours) if hours is not None else None
        if problem is not None:
            errors[key] = _("{who}, {when}: {problem}", who=who, when=when,
                            problem=problem[0].lower() + problem[1:])
            continue
        if worker.anonymised_at is not None:
            errors[key] = _("{who}, {when}: deze medewerker is geanonimiseerd", who=who,
                            when=when)
            continue
        stored = current.get((placement_id, day), [])
        shown_sum = sum((e.hours for e in stored), Decimal("0.00")) if stored else None
        if expected is not None and (placement_id, day) in expected:
            before = expected[(placement_id, day)]
            if before != shown_sum:
                conflicts[key] = _(
                    "{who}, {when}: intussen gewijzigd (nu {now})",
                    who=who, when=when,
                    now=_("{hours} uur", hours=format_hours(shown_sum)) if shown_sum
                    else _("leeg"),
                )
                continue
        if hours is None or hours == 0:
            if stored:
                plan.append(((placement_id, day), None))
            continue
        if day > today:
            errors[key] = _("{who}, {when}: die dag ligt in de toekomst", who=who, when=when)
        elif not _runs_on(placement, day):
            errors[key] = _(
                "{who}, {when}: valt buiten de plaatsing ({period})",
                who=who, when=when, period=_period(placement),
            )
        elif not (len(stored) == 1 and stored[0].hours == hours):
            plan.append(((placement_id, day), hours))
    if errors:
        raise _refusal(errors)
    if conflicts:
        raise HoursChangedError(
            _(
                "Iemand anders heeft intussen uren in deze week gewijzigd. Er is niets "
                "opgeslagen; lees de week opnieuw en controleer uw wijzigingen."
            ),
            conflicts,
        )
    booked = cleared = 0
    for (placement_id, day), hours in plan:
        stored = current.get((placement_id, day), [])
        if hours is None:
            for entry in stored:
                _delete(session, actor, entry)
            cleared += 1
            continue
        if stored:
            first, *others = stored
            first.hours = hours
            first.updated_by_id = actor.user_id
            session.flush()
            audit.record(session, actor, "update", "hour_entries", first.id, ["hours"])
            for entry in others:
                _delete(session, actor, entry)
        else:
            entry = HourEntry(
                placement_id=placement_id, entry_date=day, hours=hours,
                updated_by_id=actor.user_id,
            )
            session.add(entry)
            session.flush()
            audit.record(session, actor, "create", "hour_entries", entry.id,
                         ["entry_date", "hours"])
        booked += 1
    session.flush()
    return WeekSaved(booked, cleared, week_grid(session, actor, department.code, monday))


def _delete(session: Session, actor: Actor, entry: HourEntry) -> None:
    entry_id = entry.id
    session.delete(entry)
    session.flush()
    audit.record(session, actor, "delete", "hour_entries", entry_id, ["hours"])


def _period(placement: Placement) -> str:
    if placement.end_date is None:
        return _("vanaf {start}", start=format_date(placement.start_date))
    return _("{start} tot en met {end}", start=format_date(placement.start_date),
             end=format_date(placement.end_date))


def _refusal(errors: dict[str, str]) -> ValidationError:
    if len(errors) == 1:
        (only,) = errors.values()
        return ValidationError(_("{problem}. Er is niets opgeslagen.", problem=only), errors)
    return ValidationError(
        _("{count} dagen kunnen zo niet worden opgeslagen; er is niets opgeslagen.",
          count=len(errors)),
        errors,
    )


# ---------------------------------------------------------------------------------------------
# One worker's hours


@requires(Permission.REGISTER_HOURS)
def worker_hours(
    session: Session,
    actor: Actor,
    worker_id: int,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> WorkerHours:
    """Every hour entry of the worker from ``start`` through ``end`` (inclusive; None leaves
    that side open), in every department, with the totals per week and per month."""
    if start is not None and end is not None and end < start:
        raise ValidationError(
            _("De einddatum ligt voor de begindatum."), {"end": _("Op of na de begindatum")}
        )
    worker = get_worker_row(session, worker_id)
    query = (
        select(HourEntry, Department)
        .join(Placement, Placement.id == HourEntry.placement_id)
        .join(Department, Department.id == Placement.department_id)
        .where(Placement.worker_id == worker.id)
        .order_by(HourEntry.entry_date, HourEntry.id)
    )
    if start is not None:
        query = query.where(HourEntry.entry_date >= start)
    if end is not None:
        query = query.where(HourEntry.entry_date <= end)
    lines = tuple(
        HourLine(e.id, e.placement_id, e.entry_date, e.hours, d.code, _label(d))
        for e, d in session.execute(query)
    )
    return WorkerHours(
        worker=WorkerName(worker.id, worker.number, worker.first_name, worker.last_name),
        start=start,
        end=end,
        lines=lines,
        weeks=_totals(lines, week_start, lambda first: first + dt.timedelta(days=6)),
        months=_totals(lines, lambda day: day.replace(day=1), _month_end),
    )


def _month_end(first: dt.date) -> dt.date:
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def _totals(lines, first_of, last_of) -> tuple[PeriodTotal, ...]:
    hours: dict[dt.date, Decimal] = {}
    days: dict[dt.date, set[dt.date]] = {}
    for line in lines:
        first = first_of(line.day)
        hours[first] = hours.get(first, Decimal("0.00")) + line.hours
        days.setdefault(first, set()).add(line.day)
    return tuple(
        PeriodTotal(first, last_of(first), hours[first], len(days[first]))
        for first in sorted(hours)
    )
