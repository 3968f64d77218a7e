"""Checking and writing the workers, placements and hours files.

Each ``check_*`` reads every row against the database, collects every problem and returns a
plan (the rows to write) or raises ImportFileError; each ``write_*`` writes a plan with bulk
executemany statements in the caller's transaction. Nothing here checks roles: the entry
points in ``kringloopdesk.services.imports`` do.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from kringloopdesk.db.base import Base
from kringloopdesk.db.codes import OUTCOMES
from kringloopdesk.db.models import Department, Doelgroep, HourEntry, Partner, Placement, Worker
from kringloopdesk.i18n import _, current_language
from kringloopdesk.services import crypto
from kringloopdesk.services.imports.errors import ImportFileError, RowError
from kringloopdesk.services.imports.reading import ImportFile
from kringloopdesk.services.imports.values import (
    Cell,
    RowReader,
    amount,
    code,
    date,
    dutch_date,
    dutch_number,
    shown,
    text,
)
from kringloopdesk.services.placements import (
    COMPLETED_OUTCOMES,
    MAX_HOURS_PER_DAY,
    MAX_HOURS_PER_WEEK,
)
from kringloopdesk.services.progress import Progress
from kringloopdesk.services.workers import (
    ANONYMISED_NUMBER_PREFIX,
    EMAIL_RE,
    MAX_LENGTHS,
    MAX_TEXT_LENGTH,
    PHONE_RE,
    PHONE_SEPARATORS,
    SUPPORT_NEED_CONTEXT,
    WORK_ADJUSTMENTS_CONTEXT,
)

# Keeps IN (...) lists well below every engine's limit on bound parameters.
CHUNK = 900
T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def bulk_insert(session: Session, model: type[Base], rows: Iterable[dict[str, Any]],
                chunk_size: int = 10_000, *, progress: Progress | None = None,
                total: int = 0) -> None:
    """ORM bulk INSERT (executemany), a chunk at a time; ``rows`` may be a generator, so that
    only one chunk of parameter dicts exists at a time.

    ``render_nulls``: a None is sent as NULL instead of leaving the column out, so every row
    has the same columns and the rows go to the database in large batches; without it, every
    change between an empty and a filled optional cell would start a new batch.

    ``progress`` hears after every chunk (of ``total`` rows) and may cancel in between; the
    caller's transaction then undoes the chunks written so far.
    """
    progress = Progress.ensure(progress)
    statement = insert(model).execution_options(render_nulls=True)
    iterator = iter(rows)
    written = 0
    while chunk := list(itertools.islice(iterator, chunk_size)):
        progress.check()
        session.execute(statement, chunk)
        written += len(chunk)
        progress.step(written, max(total, written), _("Regels opslaan…"))


def _choices(codes: Iterable[str]) -> str:
    return ", ".join(codes)


@dataclass(frozen=True)
class _WorkerRef:
    id: int
    number: str
    anonymised: bool


def _worker_refs(session: Session) -> dict[str, _WorkerRef]:
    """Every worker by lower-case number (a shop has thousands at most)."""
    query = select(Worker.id, Worker.number, Worker.anonymised_at)
    return {
        number.lower(): _WorkerRef(worker_id, number, anonymised is not None)
        for worker_id, number, anonymised in session.execute(query)
    }


def _read_worker(row: RowReader, workers: dict[str, _WorkerRef]) -> _WorkerRef | None:
    number = row.read("nummer", text, required=True, max_length=MAX_LENGTHS["number"])
    if number is None:
        return None
    ref = workers.get(number.lower())
    if ref is None:
        row.error("nummer", _("onbekend nummer '{number}': deze medewerker staat niet in het "
                              "programma; importeer of maak eerst de medewerker",
                              number=number))
        return None
    if ref.anonymised:
        row.error("nummer", _("medewerker {number} is geanonimiseerd", number=ref.number))
        return None
    return ref


def _not_future(day: dt.date | None, row: RowReader, column: str, today: dt.date) -> None:
    if day is not None and day > today:
        row.error(column, _("{date} ligt in de toekomst", date=dutch_date(day)))


def _not_before(day: dt.date | None, start: dt.date | None, row: RowReader,
                column: str) -> dt.date | None:
    if day is not None and start is not None and day < start:
        row.error(column, _("{date} ligt vóór de startdatum {start}", date=dutch_date(day),
                            start=dutch_date(start)))
        return None
    return day


# ---------------------------------------------------------------------------------------------
# Workers


@dataclass
class WorkersPlan:
    rows: list[dict[str, Any]] = field(default_factory=list)
    # Plain sensitive texts per row (support need, work adjustments), encrypted when written.
    texts: list[tuple[str | None, str | None]] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def has_sensitive(self) -> bool:
        return any(a or b for a, b in self.texts)


def _phone_ok(phone: str) -> bool:
    return bool(PHONE_RE.match(phone.translate(PHONE_SEPARATORS)))


def check_workers(session: Session, table: ImportFile, today: dt.date,
                  may_write_sensitive: str | None,
                  progress: Progress | None = None) -> WorkersPlan:
    """``may_write_sensitive``: None when the actor can store sensitive texts, else the reason
    why not (reported against row 1 when the file holds any)."""
    errors: list[RowError] = []
    doelgroepen = {d.code.lower(): d for d in session.scalars(select(Doelgroep))}
    active_codes = [d.code for d in sorted(doelgroepen.values(),
                                           key=lambda d: (d.sort_order, d.code)) if d.active]
    taken = {number.lower() for number in session.scalars(select(Worker.number))}
    seen: dict[str, int] = {}
    plan = WorkersPlan()
    for row in table.readers(errors, progress):
        worker_number = row.read("nummer", text, required=True,
                                 max_length=MAX_LENGTHS["number"])
        if worker_number is not None:
            key = worker_number.lower()
            if worker_number.upper().startswith(ANONYMISED_NUMBER_PREFIX):
                row.error("nummer", _("nummers die met ANON- beginnen zijn voor "
                                      "geanonimiseerde medewerkers"))
            elif key in taken:
                row.error("nummer", _("het nummer {number} bestaat al; wijzig bestaande "
                                      "medewerkers in het programma", number=worker_number))
            elif key in seen:
                row.error("nummer", _("het nummer {number} staat ook in rij {row}",
                                      number=worker_number, row=seen[key]))
            else:
                seen[key] = row.number
        first_name = row.read("voornaam", text, required=True,
                              max_length=MAX_LENGTHS["first_name"])
        last_name = row.read("achternaam", text, required=True,
                             max_length=MAX_LENGTHS["last_name"])
        birth_date = row.read("geboortedatum", date)
        _not_future(birth_date, row, "geboortedatum", today)
        doelgroep = None
        doelgroep_code = row.read("doelgroep", code, required=True)
        if doelgroep_code is not None:
            doelgroep = doelgroepen.get(doelgroep_code)
            if doelgroep is None:
                row.error("doelgroep", _("onbekende doelgroep '{code}'; kies uit: {codes}",
                                         code=shown(row.cell("doelgroep")),
                                         codes=_choices(active_codes)))
            elif not doelgroep.active:
                row.error("doelgroep", _("de doelgroep '{code}' is niet meer in gebruik",
                                         code=doelgroep.code))
        referrer = row.read("verwijzer", text, max_length=MAX_LENGTHS["referrer"])
        email = row.read("email", text, max_length=MAX_LENGTHS["email"])
        if email is not None and not EMAIL_RE.match(email):
            row.error("email", _("'{value}' is geen geldig e-mailadres, bijvoorbeeld "
                                 "naam@voorbeeld.nl", value=email))
        phone = row.read("telefoon", text, max_length=MAX_LENGTHS["phone"])
        if phone is not None and not _phone_ok(phone):
            row.error("telefoon", _("'{value}' is geen Nederlands telefoonnummer: 10 cijfers "
                                    "die met 0 beginnen, of +31 en 9 cijfers", value=phone))
        start_date = row.read("startdatum", date, required=True)
        end_date = _not_before(row.read("einddatum", date), start_date, row, "einddatum")
        support_need = row.read("ondersteuningsvraag", text, max_length=MAX_TEXT_LENGTH)
        adjustments = row.read("werkaanpassingen", text, max_length=MAX_TEXT_LENGTH)
        if not row.ok:
            continue
        assert doelgroep is not None and start_date is not None
        if end_date is not None and end_date < today:
            status = "uitgestroomd"
        elif start_date > today:
            status = "aangemeld"
        else:
            status = "actief"
        plan.rows.append({
            "number": worker_number,
            "first_name": first_name,
            "last_name": last_name,
            "birth_date": birth_date,
            "email": email,
            "phone": phone,
            "doelgroep_id": doelgroep.id,
            "referrer": referrer,
            "start_date": start_date,
            "end_date": end_date,
            "status": status,
        })
        plan.texts.append((support_need, adjustments))
        plan.counts[doelgroep.code] += 1
    if may_write_sensitive is not None:
        for column in ("ondersteuningsvraag", "werkaanpassingen"):
            if table.has_values(column):
                errors.append(RowError(1, column, may_write_sensitive))
    if errors:
        raise ImportFileError(errors)
    return plan


def write_workers(session: Session, plan: WorkersPlan, user_id: int,
                  data_key: bytes | None, progress: Progress | None = None) -> None:
    if plan.has_sensitive and data_key is None:  # check_workers refused this already
        raise ValueError("sensitive texts need the data key")
    rows = []
    for row, (support_need, adjustments) in zip(plan.rows, plan.texts, strict=True):
        rows.append({
            **row,
            "support_need_enc": (crypto.encrypt_text(data_key, support_need, SUPPORT_NEED_CONTEXT)
                                 if data_key and support_need else None),
            "work_adjustments_enc": (
                crypto.encrypt_text(data_key, adjustments, WORK_ADJUSTMENTS_CONTEXT)
                if data_key and adjustments else None),
            "updated_by_id": user_id,
        })
    bulk_insert(session, Worker, rows, 5_000, progress=progress, total=len(rows))


# ---------------------------------------------------------------------------------------------
# Placements


@dataclass(frozen=True)
class _Period:
    """A placement's period; ``row`` is the file row, or None for one in the database."""

    start: dt.date
    end: dt.date | None
    department: str
    row: int | None = None

    def overlaps(self, start: dt.date, end: dt.date | None) -> bool:
        return start <= (self.end or dt.date.max) and self.start <= (end or dt.date.max)


@dataclass
class PlacementsPlan:
    rows: list[dict[str, Any]] = field(default_factory=list)
    # The file row's partner name (as first written) per plan row, or None.
    partner_names: list[str | None] = field(default_factory=list)
    # Partner names that do not exist yet, as first written in the file.
    new_partners: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)


def _label(department: Department | None) -> str:
    if department is None:
        return ""
    return department.label_en if current_language() == "en" else department.label_nl


def _overlap_reason(other: _Period) -> str:
    if other.row is None and other.end is None:
        return _("deze medewerker heeft al een lopende plaatsing bij {department} sinds "
                 "{start}; beëindig die eerst in het programma (een nieuwe plaatsing begint op "
                 "zijn vroegst de dag na de einddatum)", department=other.department,
                 start=dutch_date(other.start))
    if other.row is None:
        return _("overlapt met de plaatsing bij {department} van {start} tot en met {end}; een "
                 "nieuwe plaatsing begint op zijn vroegst de dag na de einddatum van de vorige",
                 department=other.department, start=dutch_date(other.start),
                 end=dutch_date(other.end))  # type: ignore[arg-type]
    if other.end is None:
        return _("overlapt met de lopende plaatsing in rij {row} (vanaf {start})", row=other.row,
                 start=dutch_date(other.start))
    return _("overlapt met de plaatsing in rij {row} ({start} tot en met {end})", row=other.row,
             start=dutch_date(other.start), end=dutch_date(other.end))


def check_placements(session: Session, table: ImportFile, today: dt.date,
                     progress: Progress | None = None) -> PlacementsPlan:
    errors: list[RowError] = []
    workers = _worker_refs(session)
    departments = {d.code.lower(): d for d in session.scalars(select(Department))}
    active_departments = [d.code for d in sorted(departments.values(),
                                                 key=lambda d: (d.sort_order, d.code))
                          if d.active]
    partners = {name.lower(): name for name in session.scalars(select(Partner.name))}
    plan = PlacementsPlan()
    new_partners: dict[str, str] = {}
    # Checked for overlap once every row is read: (row, worker id, start, end, department).
    periods: list[tuple[RowReader, int, dt.date, dt.date | None, str]] = []
    pending: list[tuple[RowReader, dict[str, Any], str | None, str]] = []
    for row in table.readers(errors, progress):
        worker = _read_worker(row, workers)
        department = None
        department_code = row.read("afdeling", code, required=True)
        if department_code is not None:
            department = departments.get(department_code)
            if department is None:
                row.error("afdeling", _("onbekende afdeling '{code}'; kies uit: {codes}",
                                        code=shown(row.cell("afdeling")),
                                        codes=_choices(active_departments)))
            elif not department.active:
                row.error("afdeling", _("de afdeling '{code}' is niet meer in gebruik",
                                        code=department.code))
        partner = row.read("partner", text, max_length=200)
        start = row.read("startdatum", date, required=True)
        planned_end = _not_before(row.read("geplande_einddatum", date), start, row,
                                  "geplande_einddatum")
        end = _not_before(row.read("einddatum", date), start, row, "einddatum")
        end_ok = row.cell("einddatum") is None or end is not None
        hours = row.read("uren_per_week", amount, required=True, maximum=MAX_HOURS_PER_WEEK,
                         places=2, unit=_("uur"))
        outcome = row.read("uitstroom", code)
        if outcome is not None and outcome not in OUTCOMES:
            row.error("uitstroom", _("onbekende uitstroom '{code}'; kies uit: {codes}",
                                     code=shown(row.cell("uitstroom")),
                                     codes=_choices(OUTCOMES)))
            outcome = None
        elif outcome is None and end is not None:
            row.error("uitstroom", _("is verplicht als er een einddatum is; kies uit: {codes}",
                                     codes=_choices(OUTCOMES)))
        elif outcome is not None and row.cell("einddatum") is None:
            row.error("uitstroom", _("een uitstroom hoort bij een beëindigde plaatsing: vul de "
                                     "einddatum in, of laat de uitstroom leeg"))
        if worker is not None and start is not None and end_ok:
            periods.append((row, worker.id, start, end, _label(department)))
        if partner is not None and partner.lower() not in partners:
            new_partners.setdefault(partner.lower(), partner)
        if department is not None and worker is not None and start is not None \
                and hours is not None:
            if end is not None:
                status = "afgerond" if outcome in COMPLETED_OUTCOMES else "gestopt"
            else:
                status = "gepland" if start > today else "actief"
            pending.append((row, {
                "worker_id": worker.id,
                "department_id": department.id,
                "start_date": start,
                "planned_end_date": planned_end,
                "end_date": end,
                "hours_per_week": hours,
                "status": status,
                "outcome": outcome if end is not None else None,
            }, partner, department.code))
    _check_overlaps(session, periods)
    if errors:
        raise ImportFileError(errors)
    for row, values, partner, department_code in pending:
        assert row.ok
        plan.rows.append(values)
        plan.partner_names.append(partner)
        plan.counts[department_code] += 1
    plan.new_partners = list(new_partners.values())
    return plan


def _check_overlaps(session: Session,
                    periods: list[tuple[RowReader, int, dt.date, dt.date | None, str]]) -> None:
    """Each file row against the worker's placements in the database (locked until the end of
    the transaction on PostgreSQL) and against the earlier rows of the file."""
    worker_ids = sorted({worker_id for _row, worker_id, *_rest in periods})
    existing: dict[int, list[_Period]] = defaultdict(list)
    for chunk in chunks(worker_ids):
        session.execute(select(Worker.id).where(Worker.id.in_(chunk)).with_for_update()).all()
        query = (
            select(Placement.worker_id, Placement.start_date, Placement.end_date, Department)
            .join(Department, Department.id == Placement.department_id)
            .where(Placement.worker_id.in_(chunk))
            .order_by(Placement.start_date)
        )
        for worker_id, start, end, department in session.execute(query):
            existing[worker_id].append(_Period(start, end, _label(department)))
    in_file: dict[int, list[_Period]] = defaultdict(list)
    for row, worker_id, start, end, department in periods:
        clash = next((p for p in existing[worker_id] if p.overlaps(start, end)), None)
        if clash is None:
            clash = next((p for p in in_file[worker_id] if p.overlaps(start, end)), None)
        if clash is not None:
            row.error("startdatum", _overlap_reason(clash))
        in_file[worker_id].append(_Period(start, end, department, row.number))


def write_placements(session: Session, plan: PlacementsPlan, user_id: int,
                     progress: Progress | None = None) -> None:
    if plan.new_partners:
        bulk_insert(session, Partner, [
            {"name": name, "kind": "overig", "updated_by_id": user_id}
            for name in plan.new_partners
        ])
    partner_ids = {
        name.lower(): partner_id
        for partner_id, name in session.execute(select(Partner.id, Partner.name))
    }
    rows = [
        {**values, "partner_id": partner_ids[name.lower()] if name else None,
         "updated_by_id": user_id}
        for values, name in zip(plan.rows, plan.partner_names, strict=True)
    ]
    bulk_insert(session, Placement, rows, progress=progress, total=len(rows))


# ---------------------------------------------------------------------------------------------
# Hours


@dataclass
class HoursPlan:
    # One new entry per file row (a morning and an afternoon stay two entries):
    # (placement id, day, hours).
    rows: list[tuple[int, dt.date, Decimal]] = field(default_factory=list)
    # Cells (placement id, day) without hours before the import, and with hours already.
    new_days: set[tuple[int, dt.date]] = field(default_factory=set)
    added_days: set[tuple[int, dt.date]] = field(default_factory=set)
    total: Decimal = Decimal(0)


@dataclass(frozen=True)
class _Span:
    id: int
    start: dt.date
    end: dt.date | None


def _hours_cell(cell: Cell) -> Decimal | None:
    return amount(cell, maximum=MAX_HOURS_PER_DAY, places=2, unit=_("uur"))


def check_hours(session: Session, table: ImportFile, today: dt.date,
                progress: Progress | None = None) -> HoursPlan:
    errors: list[RowError] = []
    workers = _worker_refs(session)
    read: list[tuple[RowReader, _WorkerRef, dt.date, Decimal]] = []
    for row in table.readers(errors, progress):
        worker = _read_worker(row, workers)
        day = row.read("datum", date, required=True)
        _not_future(day, row, "datum", today)
        hours = row.read("uren", _hours_cell, required=True)
        if row.ok:
            assert worker is not None and day is not None and hours is not None
            read.append((row, worker, day, hours))

    worker_ids = sorted({worker.id for _row, worker, _day, _hours in read})
    spans: dict[int, list[_Span]] = defaultdict(list)
    for chunk in chunks(worker_ids):
        query = select(Placement.id, Placement.worker_id, Placement.start_date,
                       Placement.end_date).where(Placement.worker_id.in_(chunk))
        for placement_id, worker_id, start, end in session.execute(query):
            spans[worker_id].append(_Span(placement_id, start, end))
    placed: list[tuple[RowReader, int, dt.date, Decimal]] = []
    for row, worker, day, hours in read:
        span = next((s for s in spans[worker.id]
                     if s.start <= day <= (s.end or dt.date.max)), None)
        if span is None:
            row.error("datum", _("medewerker {number} had op {date} geen plaatsing; uren horen "
                                 "bij een plaatsing (controleer de datum, of laat eerst de "
                                 "plaatsing vastleggen)", number=worker.number,
                                 date=dutch_date(day)))
        else:
            placed.append((row, span.id, day, hours))

    # What each day already holds: the sum of its entries (the hours screen shows the same).
    existing: dict[tuple[int, dt.date], Decimal] = {}
    if placed:
        placement_ids = sorted({placement_id for _row, placement_id, _day, _h in placed})
        first = min(day for _row, _p, day, _h in placed)
        last = max(day for _row, _p, day, _h in placed)
        for chunk in chunks(placement_ids):
            query = (
                select(HourEntry.placement_id, HourEntry.entry_date, func.sum(HourEntry.hours))
                .where(HourEntry.placement_id.in_(chunk),
                       HourEntry.entry_date.between(first, last))
                .group_by(HourEntry.placement_id, HourEntry.entry_date)
            )
            for placement_id, day, hours in session.execute(query):
                existing[(placement_id, day)] = hours  # summed as ScaledDecimal: Decimal
    plan = HoursPlan()
    day_totals: dict[tuple[int, dt.date], Decimal] = {}
    for row, placement_id, day, hours in placed:
        key = (placement_id, day)
        before = day_totals.get(key, existing.get(key, Decimal(0)))
        if before + hours > MAX_HOURS_PER_DAY:
            row.error("uren", _("met de andere uren van {date} ({hours} uur al geregistreerd of "
                                "eerder in het bestand) wordt het meer dan 24 uur op één dag",
                                date=dutch_date(day), hours=dutch_number(before)))
            continue
        day_totals[key] = before + hours
        (plan.added_days if key in existing else plan.new_days).add(key)
        plan.rows.append((placement_id, day, hours))
        plan.total += hours
    if errors:
        raise ImportFileError(errors)
    return plan


def write_hours(session: Session, plan: HoursPlan, user_id: int,
                progress: Progress | None = None) -> None:
    bulk_insert(session, HourEntry, (
        {"placement_id": placement_id, "entry_date": day, "hours": hours,
         "updated_by_id": user_id}
        for placement_id, day, hours in plan.rows
    ), progress=progress, total=len(plan.rows))
