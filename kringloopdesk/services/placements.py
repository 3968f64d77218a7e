"""Work placements (plaatsingen) and the hours worked in them.

A worker can have several placements over time, but they never overlap: dates are inclusive,
so a placement starts at the earliest the day after the previous one ended, and a placement
without an end date (open-ended) must be the worker's last. The rule is kept here, with the
worker's row locked while it is checked (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite writers
are serialised anyway), so that two PCs cannot each add an overlapping placement.

"End" always means the actual ``end_date``; ``planned_end_date`` is planning only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kringloopdesk.db.codes import OUTCOMES
from kringloopdesk.db.models import Department, HourEntry, Partner, Placement, User, Worker
from kringloopdesk.errors import UserError, ValidationError
from kringloopdesk.i18n import _, current_language
from kringloopdesk.services import audit
from kringloopdesk.services.auth import KEY_HOLDING_ROLES, Actor
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.services.workers import format_date, get_worker_row, refuse_anonymised

MAX_HOURS_PER_WEEK = Decimal(40)
MAX_HOURS_PER_DAY = Decimal(24)
# An uitstroom that completes a placement; the others stop it.
COMPLETED_OUTCOMES = frozenset({"betaald_werk", "opleiding", "andere_plek", "dagbesteding"})


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
    status: str
    outcome: str | None
    version: int


@dataclass(frozen=True)
class HourInfo:
    id: int
    placement_id: int
    entry_date: dt.date
    hours: Decimal


def _info(session: Session, placement: Placement) -> PlacementInfo:
    department = session.get(Department, placement.department_id)
    assert department is not None
    partner = session.get(Partner, placement.partner_id) if placement.partner_id else None
    coach = session.get(User, placement.coach_id) if placement.coach_id else None
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
        status=placement.status,
        outcome=placement.outcome,
        version=placement.version,
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


@requires(Permission.VIEW_PERSONAL)
def list_placements(session: Session, actor: Actor, worker_id: int) -> list[PlacementInfo]:
    """The worker's placements, oldest first."""
    get_worker_row(session, worker_id)
    query = (
        select(Placement)
        .where(Placement.worker_id == worker_id)
        .order_by(Placement.start_date, Placement.id)
    )
    return [_info(session, p) for p in session.scalars(query)]


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
    errors: dict[str, str] = {}
    required = _("Verplicht")
    dept = None
    code = (department or "").strip().lower()
    if not code:
        errors["department"] = required
    else:
        dept = session.scalar(select(Department).where(Department.code == code))
        if dept is None:
            errors["department"] = _("Onbekende afdeling '{code}'", code=code)
        elif not dept.active:
            errors["department"] = _("De afdeling '{code}' is niet meer in gebruik", code=code)
    if start_date is None:
        errors["start_date"] = required
    elif planned_end_date is not None and planned_end_date < start_date:
        errors["planned_end_date"] = _("Op of na de startdatum")
    hours = _decimal(hours_per_week)
    if hours_per_week is None or (isinstance(hours_per_week, str) and not hours_per_week.strip()):
        errors["hours_per_week"] = required
    elif hours is None or not (0 < hours <= MAX_HOURS_PER_WEEK) or not _two_decimals(hours):
        errors["hours_per_week"] = _("Meer dan 0 en hoogstens 40 uur, met hoogstens 2 decimalen")
    if partner_id is not None and session.get(Partner, partner_id) is None:
        errors["partner"] = _("Deze partnerorganisatie bestaat niet (meer)")
    if coach_id is not None:
        coach = session.get(User, coach_id)
        if coach is None or not coach.active or coach.role not in KEY_HOLDING_ROLES:
            errors["coach"] = _("Kies een actieve begeleider of beheerder")
    if errors:
        raise ValidationError(_("Controleer de gegevens van de plaatsing."), errors)
    assert dept is not None and start_date is not None and hours is not None
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
def end_placement(
    session: Session,
    actor: Actor,
    placement_id: int,
    end_date: dt.date | None,
    outcome: str | None,
) -> PlacementInfo:
    """End a running placement with its uitstroom (status afgerond or gestopt)."""
    placement = _get(session, placement_id)
    worker = _locked_worker(session, placement.worker_id)
    refuse_anonymised(worker)
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
    session.flush()
    audit.record(session, actor, "update", "placements", placement.id,
                 ["end_date", "outcome", "status"])
    return _info(session, placement)


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
