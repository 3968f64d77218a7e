"""AVG tools for the beheerder: retention list, anonymisation, inzage export and deletion.

All four need ``Permission.PRIVACY_TOOLS`` (beheerder only); the inzage export also needs the
data key, because it contains the decrypted sensitive texts. The user-facing description of
what each tool keeps and removes, and why, is docs/privacy.md.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, delete, func, select, update
from sqlalchemy.orm import Session

from kringloopdesk.db.codes import (
    CERTIFICATE_KINDS,
    GOAL_STATUSES,
    OUTCOMES,
    PLACEMENT_STATUSES,
    WORKER_STATUSES,
)
from kringloopdesk.db.models import (
    AuditEntry,
    Certificate,
    Department,
    Goal,
    HourEntry,
    Partner,
    Placement,
    PlacementSkill,
    ProgressNote,
    ShopProfile,
    User,
    Worker,
)
from kringloopdesk.errors import UserError
from kringloopdesk.i18n import _, current_language
from kringloopdesk.services import audit, crypto
from kringloopdesk.services.auth import Actor, require_data_key
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.services.settings import get_setting
from kringloopdesk.services.workers import (
    ANONYMISED_NUMBER_PREFIX,
    PROGRESS_NOTE_CONTEXT,
    SUPPORT_NEED_CONTEXT,
    WORK_ADJUSTMENTS_CONTEXT,
    WorkerName,
    format_date,
    get_worker_row,
)

DEFAULT_RETENTION_YEARS = 2
# Stored data, not interface text: the same in every language.
ANONYMISED_NAME = "Geanonimiseerd"
ANONYMISED_GOAL = "Ontwikkeldoel (geanonimiseerd)"
INZAGE_FORMAT = "kringloopdesk-inzage"
INZAGE_FORMAT_VERSION = 1
# Identity and sensitive fields that anonymisation removes (names of the audit entry).
ANONYMISED_FIELDS = (
    "number", "first_name", "last_name", "birth_date", "email", "phone", "street", "postcode",
    "city", "referrer_contact", "support_need", "work_adjustments", "progress_notes",
    "goal_descriptions",
)
# Audit entries are looked up per entity in chunks of ids (SQL parameter limits).
_ID_CHUNK = 500


# ---------------------------------------------------------------------------------------------
# Retention


@dataclass(frozen=True)
class RetentionCandidate:
    """A worker whose personal data is past the retention period.

    ``reference_date`` is the day the period counts from; ``reference`` says what it is:
    ``placement`` (the end of the last placement, or the worker's own end date when that is
    later), ``worker_end`` or ``worker_start`` (a worker without placements).
    """

    worker_id: int
    number: str
    first_name: str
    last_name: str
    reference_date: dt.date
    reference: str
    placements: int

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def retention_years(session: Session) -> int:
    """The shop's retention period in years (setting ``retention_years``, default 2)."""
    value = get_setting(session, "retention_years")
    return int(value) if value else DEFAULT_RETENTION_YEARS


@requires(Permission.PRIVACY_TOOLS)
def retention_candidates(
    session: Session,
    actor: Actor,
    today: dt.date | None = None,
    years: int | None = None,
) -> list[RetentionCandidate]:
    """Workers not yet anonymised whose data is past the retention period, oldest first.

    A worker is listed when they have no open-ended placement and their reference date lies
    more than ``years`` (default: the shop setting) before ``today``: ended exactly that many
    years ago is not yet listed, a day earlier is. The reference date is the end of the last
    placement, or the worker's own end date when that is later; without placements it is the
    worker's end date, or else their start date.
    """
    today = today or dt.date.today()
    years = years if years is not None else retention_years(session)
    cutoff = years_before(today, years)
    query = (
        select(
            Worker.id,
            Worker.number,
            Worker.first_name,
            Worker.last_name,
            Worker.start_date,
            Worker.end_date,
            func.count(Placement.id),
            func.max(Placement.end_date),
            func.sum(case((and_(Placement.id.is_not(None), Placement.end_date.is_(None)), 1),
                          else_=0)),
        )
        .outerjoin(Placement, Placement.worker_id == Worker.id)
        .where(Worker.anonymised_at.is_(None))
        .group_by(Worker.id, Worker.number, Worker.first_name, Worker.last_name,
                  Worker.start_date, Worker.end_date)
    )
    found: list[RetentionCandidate] = []
    for (worker_id, number, first, last, start, end, count, last_end, open_count) in (
        session.execute(query)
    ):
        if open_count:
            continue
        if count:
            reference, kind = last_end, "placement"
            if end is not None and end > last_end:
                reference = end
        elif end is not None:
            reference, kind = end, "worker_end"
        else:
            reference, kind = start, "worker_start"
        if reference < cutoff:
            found.append(RetentionCandidate(worker_id, number, first, last, reference, kind,
                                            int(count)))
    found.sort(key=lambda c: (c.reference_date, c.number))
    return found


# ---------------------------------------------------------------------------------------------
# Anonymisation


@requires(Permission.PRIVACY_TOOLS)
def anonymise_worker(session: Session, actor: Actor, worker_id: int) -> WorkerName:
    """Remove a worker's identity and sensitive data; keep what the figures count.

    Kept: doelgroep, referrer organisation, dates, status, placements (department, partner,
    coach, dates, hours per week, status, uitstroom), goals (status and target date), hours,
    werkprocessen and certificates — so every BKN and Cedris figure stays the same. Removed:
    names, number (becomes ``ANON-<id>``), birth date, contact details, address, referrer's
    contact person, support need, work adjustments, progress notes, goal descriptions.
    A worker with a running placement is refused.
    """
    worker = get_worker_row(session, worker_id)
    if worker.anonymised_at is not None:
        raise UserError(_("Deze medewerker is al geanonimiseerd op {date}.",
                          date=format_date(worker.anonymised_at)))
    running = session.scalar(
        select(Placement.start_date).where(
            Placement.worker_id == worker.id, Placement.end_date.is_(None)
        )
    )
    if running is not None:
        raise UserError(
            _(
                "Deze medewerker heeft nog een lopende plaatsing (sinds {date}). Beëindig die "
                "eerst; daarna kan de medewerker worden geanonimiseerd.",
                date=format_date(running),
            )
        )
    placement_ids = select(Placement.id).where(Placement.worker_id == worker.id)
    session.execute(
        delete(ProgressNote).where(ProgressNote.placement_id.in_(placement_ids)),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        update(Goal)
        .where(Goal.placement_id.in_(placement_ids))
        .values(description=ANONYMISED_GOAL, updated_by_id=actor.user_id,
                version=Goal.version + 1),
        execution_options={"synchronize_session": False},
    )
    worker.number = f"{ANONYMISED_NUMBER_PREFIX}{worker.id}"
    worker.first_name = ""
    worker.last_name = ANONYMISED_NAME
    worker.birth_date = None
    worker.email = None
    worker.phone = None
    worker.street = None
    worker.postcode = None
    worker.city = None
    worker.referrer_contact = None
    worker.support_need_enc = None
    worker.work_adjustments_enc = None
    worker.anonymised_at = dt.date.today()
    worker.updated_by_id = actor.user_id
    session.flush()
    audit.record(session, actor, "anonymise", "workers", worker.id, ANONYMISED_FIELDS)
    return WorkerName(worker.id, worker.number, worker.first_name, worker.last_name)


# ---------------------------------------------------------------------------------------------
# Deletion


@requires(Permission.PRIVACY_TOOLS)
def delete_worker(session: Session, actor: Actor, worker_id: int, confirm_number: str) -> None:
    """Delete a worker and everything of theirs, on request.

    ``confirm_number`` must be the worker's number (as typed by the beheerder to confirm).
    Placements, goals, progress notes, werkprocessen and hours go with the worker; the
    certificates issued for their placements are removed from the registry too. The audit
    log keeps one "delete" entry with the record's id only.
    """
    worker = get_worker_row(session, worker_id)
    if (confirm_number or "").strip().casefold() != worker.number.casefold():
        raise UserError(
            _(
                "Het ingevulde nummer komt niet overeen met het nummer van deze medewerker. "
                "Er is niets verwijderd."
            )
        )
    placement_ids = select(Placement.id).where(Placement.worker_id == worker.id)
    # The registry refuses to lose a certificate silently (ON DELETE RESTRICT): remove the
    # person's certificates explicitly, then let the database cascade the rest.
    session.execute(
        delete(Certificate).where(Certificate.placement_id.in_(placement_ids)),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        delete(Worker).where(Worker.id == worker.id),
        execution_options={"synchronize_session": False},
    )
    session.expunge(worker)
    audit.record(session, actor, "delete", "workers", worker_id)


# ---------------------------------------------------------------------------------------------
# Inzage (subject access request)


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _dec(value: Decimal | None) -> str | None:
    return str(value) if value is not None else None


def _label(code_list: Any, code: str | None) -> str | None:
    if code is None:
        return None
    return code_list.label(code, current_language()) if code in code_list else code


def _users(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {
        user_id: f"{full_name} ({username})"
        for user_id, full_name, username in session.execute(
            select(User.id, User.full_name, User.username).where(User.id.in_(wanted))
        )
    }


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _ID_CHUNK):
        yield ids[start : start + _ID_CHUNK]


def _audit_about(session: Session, targets: dict[str, list[int]]) -> list[dict[str, Any]]:
    entries: list[AuditEntry] = []
    for entity, ids in targets.items():
        for chunk in _chunks(sorted(set(ids))):
            entries += session.scalars(
                select(AuditEntry).where(
                    AuditEntry.entity == entity, AuditEntry.entity_id.in_(chunk)
                )
            )
    entries.sort(key=lambda e: (e.at, e.id))
    return [
        {
            "at": _iso(e.at),
            "user": e.username,
            "action": e.action,
            "entity": e.entity,
            "entity_id": e.entity_id,
            "fields": json.loads(e.fields) if e.fields else [],
            "summary": e.summary,
        }
        for e in entries
    ]


@requires(Permission.PRIVACY_TOOLS)
def inzage_export(session: Session, actor: Actor, worker_id: int) -> dict[str, Any]:
    """Everything stored about one person, decrypted, as JSON-ready data.

    Dates and moments are ISO strings, exact numbers (hours) strings. The export itself is
    recorded in the audit log (action ``export``). Needs the data key.
    """
    key = require_data_key(actor)
    worker = get_worker_row(session, worker_id)
    language = current_language()
    doelgroep = worker.doelgroep
    placements = list(
        session.scalars(
            select(Placement)
            .where(Placement.worker_id == worker.id)
            .order_by(Placement.start_date, Placement.id)
        )
    )
    placement_ids = [p.id for p in placements]
    goals: dict[int, list[Goal]] = {pid: [] for pid in placement_ids}
    notes: dict[int, list[ProgressNote]] = {pid: [] for pid in placement_ids}
    skills: dict[int, list[PlacementSkill]] = {pid: [] for pid in placement_ids}
    hours: dict[int, list[HourEntry]] = {pid: [] for pid in placement_ids}
    certificates: dict[int, list[Certificate]] = {pid: [] for pid in placement_ids}
    for chunk in _chunks(placement_ids):
        for goal in session.scalars(
            select(Goal).where(Goal.placement_id.in_(chunk)).order_by(Goal.id)
        ):
            goals[goal.placement_id].append(goal)
        for note in session.scalars(
            select(ProgressNote)
            .where(ProgressNote.placement_id.in_(chunk))
            .order_by(ProgressNote.note_date, ProgressNote.id)
        ):
            notes[note.placement_id].append(note)
        for skill in session.scalars(
            select(PlacementSkill)
            .where(PlacementSkill.placement_id.in_(chunk))
            .order_by(PlacementSkill.sort_order, PlacementSkill.id)
        ):
            skills[skill.placement_id].append(skill)
        for entry in session.scalars(
            select(HourEntry)
            .where(HourEntry.placement_id.in_(chunk))
            .order_by(HourEntry.entry_date, HourEntry.id)
        ):
            hours[entry.placement_id].append(entry)
        for certificate in session.scalars(
            select(Certificate)
            .where(Certificate.placement_id.in_(chunk))
            .order_by(Certificate.issued_at, Certificate.id)
        ):
            certificates[certificate.placement_id].append(certificate)  # type: ignore[index]

    all_goals = [g for pid in placement_ids for g in goals[pid]]
    all_notes = [n for pid in placement_ids for n in notes[pid]]
    all_hours = [e for pid in placement_ids for e in hours[pid]]
    all_certificates = [c for pid in placement_ids for c in certificates[pid]]
    users = _users(
        session,
        [worker.updated_by_id]
        + [p.coach_id for p in placements]
        + [p.updated_by_id for p in placements]
        + [g.updated_by_id for g in all_goals]
        + [n.author_id for n in all_notes]
        + [n.updated_by_id for n in all_notes]
        + [e.updated_by_id for e in all_hours]
        + [c.issued_by_id for c in all_certificates]
        + [c.revoked_by_id for c in all_certificates],
    )
    departments = {
        d.id: d for d in session.scalars(
            select(Department).where(Department.id.in_({p.department_id for p in placements}))
        )
    } if placements else {}
    partner_ids = {p.partner_id for p in placements if p.partner_id is not None}
    partners: dict[int, str] = {
        partner_id: name
        for partner_id, name in session.execute(
            select(Partner.id, Partner.name).where(Partner.id.in_(partner_ids))
        )
    } if partner_ids else {}
    replaced = {c.replaces_id for c in all_certificates if c.replaces_id is not None}
    serials: dict[int, str] = {
        certificate_id: serial
        for certificate_id, serial in session.execute(
            select(Certificate.id, Certificate.serial).where(Certificate.id.in_(replaced))
        )
    } if replaced else {}

    def by(user_id: int | None) -> str | None:
        return users.get(user_id) if user_id is not None else None

    def placement_data(p: Placement) -> dict[str, Any]:
        department = departments[p.department_id]
        entries = hours[p.id]
        return {
            "id": p.id,
            "department": department.code,
            "department_label": department.label_en if language == "en" else department.label_nl,
            "partner": partners.get(p.partner_id) if p.partner_id else None,
            "coach": by(p.coach_id),
            "start_date": _iso(p.start_date),
            "planned_end_date": _iso(p.planned_end_date),
            "end_date": _iso(p.end_date),
            "hours_per_week": _dec(p.hours_per_week),
            "status": p.status,
            "status_label": _label(PLACEMENT_STATUSES, p.status),
            "outcome": p.outcome,
            "outcome_label": _label(OUTCOMES, p.outcome),
            "created_at": _iso(p.created_at),
            "updated_at": _iso(p.updated_at),
            "updated_by": by(p.updated_by_id),
            "goals": [
                {
                    "id": g.id,
                    "description": g.description,
                    "target_date": _iso(g.target_date),
                    "status": g.status,
                    "status_label": _label(GOAL_STATUSES, g.status),
                    "created_at": _iso(g.created_at),
                    "updated_at": _iso(g.updated_at),
                    "updated_by": by(g.updated_by_id),
                }
                for g in goals[p.id]
            ],
            "progress_notes": [
                {
                    "id": n.id,
                    "date": _iso(n.note_date),
                    "author": by(n.author_id),
                    "text": crypto.decrypt_text(key, n.body_enc, PROGRESS_NOTE_CONTEXT),
                    "created_at": _iso(n.created_at),
                    "updated_at": _iso(n.updated_at),
                    "updated_by": by(n.updated_by_id),
                }
                for n in notes[p.id]
            ],
            "skills": [s.name for s in skills[p.id]],
            "hours": [
                {
                    "date": _iso(e.entry_date),
                    "hours": _dec(e.hours),
                    "created_at": _iso(e.created_at),
                    "updated_at": _iso(e.updated_at),
                    "updated_by": by(e.updated_by_id),
                }
                for e in entries
            ],
            "hours_total": _dec(sum((e.hours for e in entries), Decimal("0.00"))),
            "certificates": [
                {
                    "serial": c.serial,
                    "kind": c.kind,
                    "kind_label": _label(CERTIFICATE_KINDS, c.kind),
                    "verification_code": c.verification_code,
                    "language": c.language,
                    "issued_at": _iso(c.issued_at),
                    "issued_by": by(c.issued_by_id),
                    "content_hash": c.content_hash,
                    "signature": c.signature.hex() if c.signature is not None else None,
                    "revoked_at": _iso(c.revoked_at),
                    "revoked_by": by(c.revoked_by_id),
                    "revoke_reason": c.revoke_reason,
                    "replaces": serials.get(c.replaces_id) if c.replaces_id else None,
                }
                for c in certificates[p.id]
            ],
        }

    shop_name = session.scalar(select(ShopProfile.name).where(ShopProfile.id == 1))
    data: dict[str, Any] = {
        "format": INZAGE_FORMAT,
        "format_version": INZAGE_FORMAT_VERSION,
        "created_at": _iso(dt.datetime.now(dt.UTC)),
        "created_by": f"{actor.full_name} ({actor.username})",
        "shop": shop_name,
        "worker": {
            "id": worker.id,
            "number": worker.number,
            "first_name": worker.first_name,
            "last_name": worker.last_name,
            "birth_date": _iso(worker.birth_date),
            "email": worker.email,
            "phone": worker.phone,
            "street": worker.street,
            "postcode": worker.postcode,
            "city": worker.city,
            "doelgroep": doelgroep.code,
            "doelgroep_label": doelgroep.label_en if language == "en" else doelgroep.label_nl,
            "referrer": worker.referrer,
            "referrer_contact": worker.referrer_contact,
            "start_date": _iso(worker.start_date),
            "end_date": _iso(worker.end_date),
            "status": worker.status,
            "status_label": _label(WORKER_STATUSES, worker.status),
            "support_need": crypto.decrypt_text(key, worker.support_need_enc,
                                                SUPPORT_NEED_CONTEXT),
            "work_adjustments": crypto.decrypt_text(key, worker.work_adjustments_enc,
                                                    WORK_ADJUSTMENTS_CONTEXT),
            "anonymised_at": _iso(worker.anonymised_at),
            "created_at": _iso(worker.created_at),
            "updated_at": _iso(worker.updated_at),
            "updated_by": by(worker.updated_by_id),
        },
        "placements": [placement_data(p) for p in placements],
        "audit": _audit_about(
            session,
            {
                "workers": [worker.id],
                "placements": placement_ids,
                "goals": [g.id for g in all_goals],
                "progress_notes": [n.id for n in all_notes],
                "hour_entries": [e.id for e in all_hours],
                "certificates": [c.id for c in all_certificates],
            },
        ),
    }
    audit.record(session, actor, "export", "workers", worker.id, summary="inzage")
    return data


def write_inzage_json(data: dict[str, Any], path: Path) -> Path:
    """The export as readable UTF-8 JSON; written to a temporary name, then renamed."""
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    try:
        with open(partial, "w", encoding="utf-8", newline="\n") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path
