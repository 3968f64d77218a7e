"""Work placements (plaatsingen) and the hours worked in them.

A worker can have several placements over time, but they never overlap: dates are inclusive,
so a placement starts at the earliest the day after the previous one ended, and a placement
without an end date (open-ended) must be the worker's last. The rule is kept here, with the
worker's row locked while it is checked (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite writers
are serialised anyway), so that two PCs cannot each add an overlapping placement.

"End" always means the actual ``end_date``; ``planned_end_date`` is planning only.

Status: ``gepland`` is stored for a placement that starts after the day it was made; from its
start date on it *is* active, and every function here reports it as ``actief`` (the
"effective" status, :func:`effective_status`) without anyone having to change it. Pausing
and resuming set ``gepauzeerd`` and back; ending sets ``afgerond`` or ``gestopt`` from the
uitstroom.

Every change is written to the audit log with the names of the fields it changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from kringloopdesk.db.codes import OUTCOMES, PLACEMENT_STATUSES
from kringloopdesk.db.models import Department, HourEntry, Partner, Placement, User, Worker
from kringloopdesk.errors import RecordChangedError, UserError, ValidationError
from kringloopdesk.i18n import _, current_language
from kringloopdesk.services import audit
from kringloopdesk.services.auth import KEY_HOLDING_ROLES, Actor
from kringloopdesk.services.conflicts import last_save
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.services.workers import (
    Choice,
    coach_choices,
    department_choices,
    fold,
    format_date,
    get_worker_row,
    refuse_anonymised,
    search_condition,
    sort_name_expression,
)

MAX_HOURS_PER_WEEK = Decimal(40)
MAX_HOURS_PER_DAY = Decimal(24)
# An uitstroom that completes a placement; the others stop it.
COMPLETED_OUTCOMES = frozenset({"betaald_werk", "opleiding", "andere_plek", "dagbesteding"})
ENDED_STATUSES = ("afgerond", "gestopt")
# Status filters of the Plaatsingen list besides the codes themselves.
RUNNING = "lopend"  # started and not ended: actief or gepauzeerd
ENDED = "beeindigd"  # afgerond or gestopt
ENDING_WITHIN_DAYS = 30
PLACEMENT_LIST_COLUMNS = (
    "worker", "number", "department", "coach", "partner", "start_date", "planned_end_date",
    "end_date", "hours_per_week", "status",
)


class PlacementChangedError(RecordChangedError):
    """The placement was saved by someone else after the form was opened."""


@dataclass(frozen=True)
class PlacementInfo:
    id: int
    worker_id: int
    department: str
    department_label: str
    partner_id: int | None
    partner_name: str | None
    coach_id: int | None
    coach_name: str | None
    start_date: dt.date
    planned_end_date: dt.date | None
    end_date: dt.date | None
    hours_per_week: Decimal
    status: str  # effective: a ``gepland`` placement that has started is ``actief``
    outcome: str | None
    version: int
    worker_number: str = ""
    worker_name: str = ""
    hours_total: Decimal | None = None  # filled in by list_placements

    @property
    def is_ended(self) -> bool:
        return self.end_date is not None

    @property
    def is_paused(self) -> bool:
        return self.status == "gepauzeerd"


@dataclass(frozen=True)
class PlacementInput:
    """A placement as entered in the form. ``end_date`` and ``outcome`` only for correcting
    a placement that has ended (ending one is :func:`end_placement`)."""

    department: str
    start_date: dt.date | None
    hours_per_week: Decimal | int | str | None
    planned_end_date: dt.date | None = None
    partner_id: int | None = None
    coach_id: int | None = None
    end_date: dt.date | None = None
    outcome: str | None = None


@dataclass(frozen=True)
class HourInfo:
    id: int
    placement_id: int
    entry_date: dt.date
    hours: Decimal


def effective_status(status: str, start_date: dt.date, today: dt.date | None = None) -> str:
    """``gepland`` becomes ``actief`` on its start date; every other status is as stored."""
    if status == "gepland" and start_date <= (today or dt.date.today()):
        return "actief"
    return status


def _effective_status_sql(placement, today: dt.date) -> ColumnElement[str]:
    return case(
        (and_(placement.status == "gepland", placement.start_date <= today), "actief"),
        else_=placement.status,
    )


def _department_label_column() -> ColumnElement[str]:
    return Department.label_en if current_language() == "en" else Department.label_nl


def _info(
    session: Session, placement: Placement, hours_total: Decimal | None = None
) -> PlacementInfo:
    department = session.get(Department, placement.department_id)
    assert department is not None
    partner = session.get(Partner, placement.partner_id) if placement.partner_id else None
    coach = session.get(User, placement.coach_id) if placement.coach_id else None
    worker = session.get(Worker, placement.worker_id)
    return PlacementInfo(
        id=placement.id,
        worker_id=placement.worker_id,
        department=department.code,
        department_label=(
            department.label_en if current_language() == "en" else department.label_nl
        ),
        partner_id=placement.partner_id,
        partner_name=partner.name if partner else None,
        coach_id=placement.coach_id,
        coach_name=coach.full_name if coach else None,
        start_date=placement.start_date,
        planned_end_date=placement.planned_end_date,
        end_date=placement.end_date,
        hours_per_week=placement.hours_per_week,
        status=effective_status(placement.status, placement.start_date),
        outcome=placement.outcome,
        version=placement.version,
        worker_number=worker.number if worker else "",
        worker_name=worker.full_name if worker else "",
        hours_total=hours_total,
    )


def _locked_worker(session: Session, worker_id: int) -> Worker:
    """The worker's row, locked until the end of the transaction (PostgreSQL)."""
    locked = session.scalar(select(Worker.id).where(Worker.id == worker_id).with_for_update())
    if locked is None:
        raise UserError(_("Deze medewerker bestaat niet (meer)."))
    return get_worker_row(session, locked)


def _get(session: Session, placement_id: int) -> Placement:
    placement = session.get(Placement, placement_id)
    if placement is None:
        raise UserError(_("Deze plaatsing bestaat niet (meer)."))
    return placement


def _decimal(value: Decimal | int | str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _two_decimals(value: Decimal) -> bool:
    return value == value.quantize(Decimal("0.01"))


def _department_label(session: Session, department_id: int) -> str:
    department = session.get(Department, department_id)
    if department is None:
        return "?"
    return department.label_en if current_language() == "en" else department.label_nl


def _check_no_overlap(
    session: Session,
    worker_id: int,
    start: dt.date,
    end: dt.date | None,
    exclude_id: int | None = None,
) -> None:
    """Refuse a period that shares a day with another placement of the worker.

    With inclusive dates and no overlap, at most one placement is open-ended and it is the
    last: an open-ended placement overlaps every later one.
    """
    query = select(Placement).where(Placement.worker_id == worker_id)
    if exclude_id is not None:
        query = query.where(Placement.id != exclude_id)
    for other in session.scalars(query.order_by(Placement.start_date)):
        other_end = other.end_date or dt.date.max
        if start <= other_end and other.start_date <= (end or dt.date.max):
            department = _department_label(session, other.department_id)
            if other.end_date is None:
                message = _(
                    "Deze medewerker heeft al een lopende plaatsing bij {department} sinds "
                    "{start}. Beëindig die eerst; een nieuwe plaatsing begint op zijn vroegst "
                    "de dag na de einddatum.",
                    department=department,
                    start=format_date(other.start_date),
                )
            else:
                message = _(
                    "Deze periode overlapt met de plaatsing bij {department} van {start} tot en "
                    "met {end}. Plaatsingen van één medewerker overlappen niet: een nieuwe "
                    "plaatsing begint op zijn vroegst de dag na de einddatum van de vorige.",
                    department=department,
                    start=format_date(other.start_date),
                    end=format_date(other.end_date),
                )
            raise ValidationError(message, {"start_date": _("Overlapt met een andere plaatsing")})


def check_placement_input(data: PlacementInput, *, ended: bool = False) -> dict[str, str]:
    """``{field: message}`` for every rule that needs no database (the form shows these as
    the user types): required fields, the order of the dates, hours per week, and for an
    ``ended`` placement its end date and uitstroom."""
    errors: dict[str, str] = {}
    required = _("Verplicht")
    if not (data.department or "").strip():
        errors["department"] = required
    if data.start_date is None:
        errors["start_date"] = required
    elif data.planned_end_date is not None and data.planned_end_date < data.start_date:
        errors["planned_end_date"] = _("Op of na de startdatum")
    hours = _decimal(data.hours_per_week)
    raw = data.hours_per_week
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        errors["hours_per_week"] = required
    elif hours is None or not (0 < hours <= MAX_HOURS_PER_WEEK) or not _two_decimals(hours):
        errors["hours_per_week"] = _("Meer dan 0 en hoogstens 40 uur, met hoogstens 2 decimalen")
    outcome = (data.outcome or "").strip().lower() or None
    if ended:
        if data.end_date is None:
            errors["end_date"] = required
        elif data.start_date is not None and data.end_date < data.start_date:
            errors["end_date"] = _("Op of na de startdatum")
        if outcome is None:
            errors["outcome"] = _("Kies de uitstroom")
        elif outcome not in OUTCOMES:
            errors["outcome"] = _("Onbekende uitstroom '{code}'", code=outcome)
    elif data.end_date is not None or outcome is not None:
        errors["end_date"] = _("Beëindig een lopende plaatsing met 'Beëindigen', met de uitstroom")
    return errors


def _check_fields(
    session: Session, data: PlacementInput, placement: Placement | None
) -> tuple[Department, Decimal]:
    """The department and hours of valid input, or a ValidationError naming every bad field.

    A coach or department that is no longer active is kept when the placement has it already.
    """
    errors = check_placement_input(
        data, ended=placement is not None and placement.end_date is not None
    )
    dept = None
    code = (data.department or "").strip().lower()
    if code:
        dept = session.scalar(select(Department).where(Department.code == code))
        if dept is None:
            errors["department"] = _("Onbekende afdeling '{code}'", code=code)
        elif not dept.active and (placement is None or placement.department_id != dept.id):
            errors["department"] = _("De afdeling '{code}' is niet meer in gebruik", code=code)
    if data.partner_id is not None and session.get(Partner, data.partner_id) is None:
        errors["partner"] = _("Deze partnerorganisatie bestaat niet (meer)")
    unchanged_coach = placement is not None and placement.coach_id == data.coach_id
    if data.coach_id is not None and not unchanged_coach:
        coach = session.get(User, data.coach_id)
        if coach is None or not coach.active or coach.role not in KEY_HOLDING_ROLES:
            errors["coach"] = _("Kies een actieve begeleider of beheerder")
    if errors:
        raise ValidationError(_("Controleer de gegevens van de plaatsing."), errors)
    hours = _decimal(data.hours_per_week)
    assert dept is not None and hours is not None
    return dept, hours


def _check_hours_inside(
    session: Session, placement_id: int, start: dt.date, end: dt.date | None
) -> None:
    """Refuse a period that would leave registered hours outside it."""
    outside = or_(HourEntry.entry_date < start, HourEntry.entry_date > (end or dt.date.max))
    first, last = session.execute(
        select(func.min(HourEntry.entry_date), func.max(HourEntry.entry_date)).where(
            HourEntry.placement_id == placement_id, outside
        )
    ).one()
    if first is None:
        return
    field = "start_date" if first < start else "end_date"
    raise ValidationError(
        _(
            "Er zijn uren geregistreerd buiten deze periode ({first} tot en met {last}). "
            "Kies een periode waarin die uren vallen, of verwijder eerst die uren.",
            first=format_date(first),
            last=format_date(last),
        ),
        {field: _("Er zijn uren buiten deze periode")},
    )


def _changed(session: Session, placement: Placement | None) -> PlacementChangedError:
    """The refusal, naming who saved ``placement`` in between (None: found while writing)."""
    last = last_save(session, placement)
    if last is not None:
        return PlacementChangedError(_(
            "Deze plaatsing is intussen gewijzigd door {user} ({when}). Sluit het venster, "
            "open de plaatsing opnieuw en breng uw wijziging nog eens aan.",
            user=last.username, when=last.when,
        ), **last.facts())
    return PlacementChangedError(_(
        "Deze plaatsing is intussen door iemand anders gewijzigd. Sluit het venster, open de "
        "plaatsing opnieuw en breng uw wijziging nog eens aan."
    ))


def _check_version(session: Session, placement: Placement, expected: int | None) -> None:
    if expected is not None and placement.version != expected:
        raise _changed(session, placement)


def _flush(session: Session) -> None:
    try:
        session.flush()
    except StaleDataError as exc:
        # Saved by another PC between reading and writing; the transaction is lost anyway.
        raise _changed(session, None) from exc


# ---------------------------------------------------------------------------------------------
# Reading


@requires(Permission.VIEW_PERSONAL)
def list_placements(session: Session, actor: Actor, worker_id: int) -> list[PlacementInfo]:
    """The worker's placements, oldest first, each with its total of registered hours."""
    get_worker_row(session, worker_id)
    query = (
        select(Placement)
        .where(Placement.worker_id == worker_id)
        .order_by(Placement.start_date, Placement.id)
    )
    placements = list(session.scalars(query))
    totals: dict[int, Decimal] = {}
    if placements:
        rows = session.execute(
            select(HourEntry.placement_id, func.sum(HourEntry.hours))
            .where(HourEntry.placement_id.in_([p.id for p in placements]))
            .group_by(HourEntry.placement_id)
        )
        totals = {placement_id: total for placement_id, total in rows}
    return [_info(session, p, totals.get(p.id, Decimal(0))) for p in placements]


@requires(Permission.VIEW_PERSONAL)
def get_placement(session: Session, actor: Actor, placement_id: int) -> PlacementInfo:
    return _info(session, _get(session, placement_id))


@dataclass(frozen=True)
class PlacementOptions:
    """What the placement form offers: departments, partner organisations and coaches."""

    departments: tuple[Choice, ...]
    partners: tuple[Choice, ...]
    coaches: tuple[Choice, ...]


@requires(Permission.VIEW_PERSONAL)
def placement_options(
    session: Session, actor: Actor, placement_id: int | None = None
) -> PlacementOptions:
    """The choices for a new placement, or for ``placement_id`` (its department and coach
    are offered even when they are no longer active)."""
    placement = _get(session, placement_id) if placement_id is not None else None
    keep_code = None
    if placement is not None:
        keep_code = session.scalar(
            select(Department.code).where(Department.id == placement.department_id)
        )
    partners = sorted(session.execute(select(Partner.id, Partner.name)).all(),
                      key=lambda row: fold(row.name))
    return PlacementOptions(
        departments=department_choices(session, keep_code=keep_code),
        partners=tuple(Choice(row.id, row.name) for row in partners),
        coaches=coach_choices(session, keep_id=placement.coach_id if placement else None),
    )


# ---------------------------------------------------------------------------------------------
# Writing


@requires(Permission.MANAGE_WORKERS)
def create_placement(
    session: Session,
    actor: Actor,
    worker_id: int,
    department: str,
    start_date: dt.date | None,
    hours_per_week: Decimal | int | str | None,
    planned_end_date: dt.date | None = None,
    partner_id: int | None = None,
    coach_id: int | None = None,
) -> PlacementInfo:
    """A new, open-ended placement: ``gepland`` when it starts after today, else ``actief``."""
    worker = _locked_worker(session, worker_id)
    refuse_anonymised(worker)
    data = PlacementInput(department, start_date, hours_per_week, planned_end_date,
                          partner_id, coach_id)
    dept, hours = _check_fields(session, data, None)
    assert start_date is not None
    _check_no_overlap(session, worker.id, start_date, None)
    placement = Placement(
        worker_id=worker.id,
        department_id=dept.id,
        partner_id=partner_id,
        coach_id=coach_id,
        start_date=start_date,
        planned_end_date=planned_end_date,
        hours_per_week=hours,
        status="gepland" if start_date > dt.date.today() else "actief",
        updated_by_id=actor.user_id,
    )
    session.add(placement)
    session.flush()
    stored = ["worker", "department", "start_date", "hours_per_week", "status"]
    stored += [name for name, value in (("planned_end_date", planned_end_date),
                                        ("partner", partner_id), ("coach", coach_id)) if value]
    audit.record(session, actor, "create", "placements", placement.id, stored)
    return _info(session, placement)


@requires(Permission.MANAGE_WORKERS)
def update_placement(
    session: Session,
    actor: Actor,
    placement_id: int,
    data: PlacementInput,
    expected_version: int,
) -> PlacementInfo:
    """Save changed dates, hours, department, partner or coach of a placement, if nobody
    else saved it since ``expected_version`` (:class:`PlacementChangedError` names who did).

    The period may not overlap another placement of the worker, nor leave registered hours
    outside it. An ended placement's end date and uitstroom can be corrected here; a running
    one is ended with :func:`end_placement`.
    """
    placement = _get(session, placement_id)
    worker = _locked_worker(session, placement.worker_id)
    refuse_anonymised(worker)
    _check_version(session, placement, expected_version)
    dept, hours = _check_fields(session, data, placement)
    assert data.start_date is not None
    end_date = data.end_date if placement.end_date is not None else None
    _check_no_overlap(session, worker.id, data.start_date, end_date, placement.id)
    _check_hours_inside(session, placement.id, data.start_date, end_date)
    outcome = None
    if end_date is not None:
        outcome = (data.outcome or "").strip().lower() or None
    new = {
        "department": dept.id,
        "partner": data.partner_id,
        "coach": data.coach_id,
        "start_date": data.start_date,
        "planned_end_date": data.planned_end_date,
        "end_date": end_date,
        "hours_per_week": hours,
        "outcome": outcome,
    }
    columns = {"department": "department_id", "partner": "partner_id", "coach": "coach_id"}
    changed = [
        name for name, value in new.items()
        if getattr(placement, columns.get(name, name)) != value
    ]
    for name in changed:
        setattr(placement, columns.get(name, name), new[name])
    status = _status_after_change(placement)
    if status != placement.status:
        placement.status = status
        changed.append("status")
    if not changed:
        return _info(session, placement)
    placement.updated_by_id = actor.user_id
    _flush(session)
    audit.record(session, actor, "update", "placements", placement.id, changed)
    return _info(session, placement)


def _status_after_change(placement: Placement) -> str:
    if placement.end_date is not None:
        return "afgerond" if placement.outcome in COMPLETED_OUTCOMES else "gestopt"
    if placement.status == "gepauzeerd":
        return "gepauzeerd"
    return "gepland" if placement.start_date > dt.date.today() else "actief"


def _set_status(
    session: Session, actor: Actor, placement: Placement, status: str
) -> PlacementInfo:
    placement.status = status
    placement.updated_by_id = actor.user_id
    _flush(session)
    audit.record(session, actor, "update", "placements", placement.id, ["status"])
    return _info(session, placement)


@requires(Permission.MANAGE_WORKERS)
def pause_placement(
    session: Session, actor: Actor, placement_id: int, expected_version: int | None = None
) -> PlacementInfo:
    """Pause a running placement (illness, a break): status ``gepauzeerd`` until resumed.
    Its dates stay as they are."""
    placement = _get(session, placement_id)
    refuse_anonymised(get_worker_row(session, placement.worker_id))
    _check_version(session, placement, expected_version)
    status = effective_status(placement.status, placement.start_date)
    if status == "gepauzeerd":
        raise UserError(_("Deze plaatsing is al gepauzeerd."))
    if status != "actief":
        raise UserError(_("Alleen een lopende plaatsing kan worden gepauzeerd."))
    return _set_status(session, actor, placement, "gepauzeerd")


@requires(Permission.MANAGE_WORKERS)
def resume_placement(
    session: Session, actor: Actor, placement_id: int, expected_version: int | None = None
) -> PlacementInfo:
    """Resume a paused placement: ``actief`` again (``gepland`` if it has not started)."""
    placement = _get(session, placement_id)
    refuse_anonymised(get_worker_row(session, placement.worker_id))
    _check_version(session, placement, expected_version)
    if placement.status != "gepauzeerd":
        raise UserError(_("Deze plaatsing is niet gepauzeerd."))
    status = "gepland" if placement.start_date > dt.date.today() else "actief"
    return _set_status(session, actor, placement, status)


@requires(Permission.MANAGE_WORKERS)
def end_placement(
    session: Session,
    actor: Actor,
    placement_id: int,
    end_date: dt.date | None,
    outcome: str | None,
    *,
    expected_version: int | None = None,
) -> PlacementInfo:
    """End a running (or paused) placement with its uitstroom: status ``afgerond`` for an
    uitstroom to work, education, another place or dagbesteding, else ``gestopt``."""
    placement = _get(session, placement_id)
    worker = _locked_worker(session, placement.worker_id)
    refuse_anonymised(worker)
    _check_version(session, placement, expected_version)
    if placement.end_date is not None:
        raise UserError(
            _("Deze plaatsing is al beëindigd op {date}.", date=format_date(placement.end_date))
        )
    errors: dict[str, str] = {}
    if end_date is None:
        errors["end_date"] = _("Verplicht")
    elif end_date < placement.start_date:
        errors["end_date"] = _("Op of na de startdatum ({date})",
                               date=format_date(placement.start_date))
    code = (outcome or "").strip().lower()
    if not code:
        errors["outcome"] = _("Kies de uitstroom")
    elif code not in OUTCOMES:
        errors["outcome"] = _("Onbekende uitstroom '{code}'", code=code)
    if errors:
        raise ValidationError(_("Controleer de einddatum en de uitstroom."), errors)
    assert end_date is not None
    _check_no_overlap(session, worker.id, placement.start_date, end_date, placement.id)
    later_hours = session.scalar(
        select(func.max(HourEntry.entry_date)).where(
            HourEntry.placement_id == placement.id, HourEntry.entry_date > end_date
        )
    )
    if later_hours is not None:
        raise ValidationError(
            _(
                "Er zijn uren geregistreerd na {end} (tot en met {last}). Kies een latere "
                "einddatum of verwijder eerst die uren.",
                end=format_date(end_date),
                last=format_date(later_hours),
            ),
            {"end_date": _("Er zijn later nog uren geregistreerd")},
        )
    placement.end_date = end_date
    placement.outcome = code
    placement.status = "afgerond" if code in COMPLETED_OUTCOMES else "gestopt"
    placement.updated_by_id = actor.user_id
    _flush(session)
    audit.record(session, actor, "update", "placements", placement.id,
                 ["end_date", "outcome", "status"])
    return _info(session, placement)


# ---------------------------------------------------------------------------------------------
# The list of placements (Plaatsingen): filtered, sorted and windowed in SQL


@dataclass(frozen=True)
class PlacementFilter:
    """``status``: a code of PLACEMENT_STATUSES (effective), :data:`RUNNING` or
    :data:`ENDED`. ``ending_soon``: running placements whose planned end is at most
    :data:`ENDING_WITHIN_DAYS` days away, or has passed without the placement being ended
    (as the dashboard's reminder). ``search``: worker number and name."""

    search: str = ""
    status: str | None = None
    department: str | None = None
    coach_id: int | None = None
    ending_soon: bool = False
    worker_id: int | None = None


@dataclass(frozen=True)
class PlacementSort:
    column: str = "start_date"  # one of PLACEMENT_LIST_COLUMNS
    descending: bool = True


@dataclass(frozen=True)
class PlacementListRow:
    id: int
    worker_id: int
    number: str
    first_name: str
    last_name: str
    department: str
    department_label: str
    partner_name: str | None
    coach_id: int | None
    coach_name: str | None
    start_date: dt.date
    planned_end_date: dt.date | None
    end_date: dt.date | None
    hours_per_week: Decimal
    status: str  # effective
    outcome: str | None
    version: int

    @property
    def worker_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class _PlacementListQuery:
    def __init__(self, session: Session, flt: PlacementFilter, today: dt.date) -> None:
        self.session = session
        self.filter = flt
        self.today = today
        self.coach = aliased(User, name="coach")
        self.status = _effective_status_sql(Placement, today)

    def joined(self, query, *, labels: bool):
        query = query.join(Worker, Worker.id == Placement.worker_id)
        flt = self.filter
        if labels or flt.department is not None:
            query = query.join(Department, Department.id == Placement.department_id)
        if labels:
            query = query.outerjoin(Partner, Partner.id == Placement.partner_id).outerjoin(
                self.coach, self.coach.id == Placement.coach_id
            )
        return query

    def where(self, query):
        flt = self.filter
        today = self.today
        query = query.where(
            Worker.anonymised_at.is_(None),
            search_condition(self.session, flt.search, Worker.number, Worker.first_name,
                             Worker.last_name),
        )
        started = Placement.start_date <= today
        if flt.status == RUNNING:
            query = query.where(Placement.end_date.is_(None), started)
        elif flt.status == ENDED:
            query = query.where(Placement.end_date.is_not(None))
        elif flt.status is not None:
            query = query.where(self.status == flt.status)
        if flt.department is not None:
            query = query.where(Department.code == flt.department)
        if flt.coach_id is not None:
            query = query.where(Placement.coach_id == flt.coach_id)
        if flt.worker_id is not None:
            query = query.where(Placement.worker_id == flt.worker_id)
        if flt.ending_soon:
            horizon = today + dt.timedelta(days=ENDING_WITHIN_DAYS)
            query = query.where(
                Placement.end_date.is_(None), started, Placement.planned_end_date <= horizon
            )
        return query

    def order(self, sort: PlacementSort) -> list:
        if sort.column not in PLACEMENT_LIST_COLUMNS:
            raise ValueError(f"cannot sort placements on {sort.column!r}")
        name = [sort_name_expression(self.session, Worker.last_name),
                func.lower(Worker.first_name)]
        statuses = {code: i for i, code in enumerate(PLACEMENT_STATUSES)}
        keys: list = {
            "worker": name,
            "number": [func.lower(Worker.number)],
            "department": [func.lower(_department_label_column())],
            "coach": [func.lower(self.coach.full_name)],
            "partner": [func.lower(Partner.name)],
            "start_date": [Placement.start_date],
            "planned_end_date": [Placement.planned_end_date],
            "end_date": [Placement.end_date],
            "hours_per_week": [Placement.hours_per_week],
            "status": [case(statuses, value=self.status, else_=len(statuses))],
        }[sort.column]
        if sort.column != "worker":
            keys += name
        if sort.column != "start_date":
            keys.append(Placement.start_date)
        keys.append(Placement.id)
        if sort.descending:
            keys = [key.desc() for key in keys]
        return [key.nulls_last() for key in keys]


@requires(Permission.VIEW_PERSONAL)
def count_placement_rows(
    session: Session,
    actor: Actor,
    flt: PlacementFilter = PlacementFilter(),
    *,
    today: dt.date | None = None,
) -> int:
    """How many placements the Plaatsingen list shows with ``flt``."""
    q = _PlacementListQuery(session, flt, today or dt.date.today())
    query = q.joined(select(func.count()).select_from(Placement), labels=False)
    return session.scalar(q.where(query)) or 0


@requires(Permission.VIEW_PERSONAL)
def list_placement_rows(
    session: Session,
    actor: Actor,
    flt: PlacementFilter = PlacementFilter(),
    sort: PlacementSort = PlacementSort(),
    *,
    offset: int = 0,
    limit: int = 200,
    today: dt.date | None = None,
) -> list[PlacementListRow]:
    """A window of the Plaatsingen list, filtered, sorted and cut in the database."""
    q = _PlacementListQuery(session, flt, today or dt.date.today())
    query = select(
        Placement.id,
        Placement.worker_id,
        Worker.number,
        Worker.first_name,
        Worker.last_name,
        Department.code.label("department"),
        _department_label_column().label("department_label"),
        Partner.name.label("partner_name"),
        Placement.coach_id,
        q.coach.full_name.label("coach_name"),
        Placement.start_date,
        Placement.planned_end_date,
        Placement.end_date,
        Placement.hours_per_week,
        q.status.label("status"),
        Placement.outcome,
        Placement.version,
    ).select_from(Placement)
    query = q.where(q.joined(query, labels=True))
    rows = session.execute(query.order_by(*q.order(sort)).offset(offset).limit(limit))
    return [PlacementListRow(*row) for row in rows]


# ---------------------------------------------------------------------------------------------
# Hours


@requires(Permission.REGISTER_HOURS)
def add_hours(
    session: Session,
    actor: Actor,
    worker_id: int,
    day: dt.date | None,
    hours: Decimal | int | str | None,
) -> HourInfo:
    """Register hours worked on ``day``, in the worker's placement that runs on that day."""
    worker = get_worker_row(session, worker_id)
    refuse_anonymised(worker)
    errors: dict[str, str] = {}
    amount = _decimal(hours)
    if day is None:
        errors["day"] = _("Verplicht")
    elif day > dt.date.today():
        errors["day"] = _("Ligt in de toekomst")
    if hours is None or (isinstance(hours, str) and not hours.strip()):
        errors["hours"] = _("Verplicht")
    elif amount is None or not (0 < amount <= MAX_HOURS_PER_DAY) or not _two_decimals(amount):
        errors["hours"] = _("Meer dan 0 en hoogstens 24 uur, met hoogstens 2 decimalen")
    if errors:
        raise ValidationError(_("Controleer de uren."), errors)
    assert day is not None and amount is not None
    placement = session.scalar(
        select(Placement).where(
            Placement.worker_id == worker.id,
            Placement.start_date <= day,
            (Placement.end_date.is_(None)) | (Placement.end_date >= day),
        )
    )
    if placement is None:
        raise UserError(
            _(
                "{name} ({number}) had op {date} geen plaatsing. Uren horen bij een plaatsing: "
                "controleer de datum, of laat een begeleider eerst de plaatsing vastleggen.",
                name=worker.full_name,
                number=worker.number,
                date=format_date(day),
            )
        )
    existing = session.scalar(
        select(HourEntry.hours).where(
            HourEntry.placement_id == placement.id, HourEntry.entry_date == day
        )
    )
    if existing is not None:
        raise UserError(
            _(
                "Voor {name} zijn op {date} al {hours} uur geregistreerd. Pas die regel aan in "
                "plaats van een tweede toe te voegen.",
                name=worker.full_name,
                date=format_date(day),
                hours=f"{existing:.2f}".replace(".", ","),
            )
        )
    entry = HourEntry(
        placement_id=placement.id, entry_date=day, hours=amount, updated_by_id=actor.user_id
    )
    session.add(entry)
    session.flush()
    audit.record(session, actor, "create", "hour_entries", entry.id, ["entry_date", "hours"])
    return HourInfo(entry.id, placement.id, day, entry.hours)
