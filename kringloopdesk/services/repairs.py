"""Repairs of tagged items, in Open Repair Data Standard (ORDS) terms, and the ORDS rows of a
year.

A repair has a date, the repairer (the acting user), the problem, the outcome (``Fixed``,
``Repairable``, ``End of life``) and — for ``End of life`` only, as the database also
insists — the barrier (ORDS repair barrier). Every role records repairs
(``Permission.REGISTER_GOODS``); the ORDS export is for the beheerder and begeleider
(``Permission.EXPORT_AGGREGATES``). Every repair dated in the year is a row, of electrical and
non-electrical items alike (a shop reports all its repair work). The rows are plain data;
reports/ords.py maps them to ORDS product categories and writes the CSV (docs/ords.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kringloopdesk.db.codes import REPAIR_BARRIERS, REPAIR_OUTCOMES
from kringloopdesk.db.models import ProductGroup, Repair, TaggedItem, User
from kringloopdesk.errors import RecordChangedError, UserError, ValidationError
from kringloopdesk.i18n import _, current_language
from kringloopdesk.services import audit
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.conflicts import last_save
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.services.setup import get_shop

END_OF_LIFE = "End of life"
MAX_TEXT_LENGTH = 5_000
FIRST_YEAR, LAST_YEAR = 2000, 2100


class RepairChangedError(RecordChangedError):
    """The repair was saved by someone else after this form was opened."""


@dataclass(frozen=True)
class RepairInput:
    repair_date: dt.date | None
    outcome: str
    barrier: str | None = None
    problem: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class RepairInfo:
    id: int
    item_id: int
    repair_date: dt.date
    repairer_id: int | None
    repairer_name: str | None
    problem: str | None
    outcome: str
    barrier: str | None
    notes: str | None
    version: int

    @property
    def outcome_label(self) -> str:
        return REPAIR_OUTCOMES.label(self.outcome, current_language())

    @property
    def barrier_label(self) -> str:
        return REPAIR_BARRIERS.label(self.barrier, current_language()) if self.barrier else ""


@dataclass(frozen=True)
class OrdsRow:
    """One repair attempt as ORDS sees it (before the category mapping)."""

    repair_id: int
    item_number: str
    product_group: str
    product_group_label: str  # Dutch, as the shop names it
    description: str
    electrical: bool
    brand: str | None
    problem: str | None
    outcome: str
    barrier: str | None
    repair_date: dt.date
    record_date: dt.date


@dataclass(frozen=True)
class OrdsData:
    shop_name: str
    year: int
    rows: tuple[OrdsRow, ...]

    @property
    def non_electrical(self) -> int:
        """Rows of items that are not electrical (their category comes from the group)."""
        return sum(1 for row in self.rows if not row.electrical)


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text or None


def check_repair_input(data: RepairInput, today: dt.date | None = None
                       ) -> tuple[RepairInput, dict[str, str]]:
    errors: dict[str, str] = {}
    cleaned = replace(data, outcome=(data.outcome or "").strip(),
                      barrier=_clean(data.barrier), problem=_clean(data.problem),
                      notes=_clean(data.notes))
    if cleaned.repair_date is None:
        errors["repair_date"] = _("Verplicht")
    elif cleaned.repair_date > (today or dt.date.today()):
        errors["repair_date"] = _("Ligt in de toekomst")
    if cleaned.outcome not in REPAIR_OUTCOMES:
        errors["outcome"] = _("Kies Gerepareerd, Repareerbaar of Einde levensduur")
    if cleaned.outcome == END_OF_LIFE:
        if cleaned.barrier is None:
            errors["barrier"] = _("Verplicht bij Einde levensduur: waarom kon het niet?")
        elif cleaned.barrier not in REPAIR_BARRIERS:
            errors["barrier"] = _("Onbekende reden '{barrier}'", barrier=cleaned.barrier)
    elif cleaned.barrier is not None:
        # Only End of life has a barrier (ORDS, and the database's check).
        cleaned = replace(cleaned, barrier=None)
    for name in ("problem", "notes"):
        value = getattr(cleaned, name)
        if value and len(value) > MAX_TEXT_LENGTH:
            errors[name] = _("Hoogstens {n} tekens", n=MAX_TEXT_LENGTH)
    return cleaned, errors


def _validated(data: RepairInput) -> RepairInput:
    cleaned, errors = check_repair_input(data)
    if errors:
        raise ValidationError(_("Controleer de gegevens van de reparatie."), errors)
    return cleaned


def _info(repair: Repair, repairer: str | None) -> RepairInfo:
    return RepairInfo(
        id=repair.id, item_id=repair.item_id, repair_date=repair.repair_date,
        repairer_id=repair.repairer_id, repairer_name=repairer, problem=repair.problem,
        outcome=repair.outcome, barrier=repair.barrier, notes=repair.notes,
        version=repair.version,
    )


def _repair_row(session: Session, repair_id: int) -> Repair:
    repair = session.get(Repair, repair_id)
    if repair is None:
        raise UserError(_("Deze reparatie bestaat niet (meer)."))
    return repair


def _changed(session: Session, repair: Repair | None) -> RepairChangedError:
    """The refusal, naming who saved ``repair`` in between (None: found while writing)."""
    last = last_save(session, repair)
    if last is not None:
        return RepairChangedError(_("Deze reparatie is intussen gewijzigd door {user} ({when}). "
                                    "Open de reparatie opnieuw en breng uw wijziging nog eens "
                                    "aan.", user=last.username, when=last.when), **last.facts())
    return RepairChangedError(_("Deze reparatie is intussen door iemand anders gewijzigd. Open "
                                "de reparatie opnieuw en breng uw wijziging nog eens aan."))


def _repairer(session: Session, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    user = session.get(User, user_id)
    return (user.full_name or user.username) if user is not None else None


# ---------------------------------------------------------------------------------------------
# Reading and writing


@requires(Permission.REGISTER_GOODS)
def list_repairs(session: Session, actor: Actor, item_id: int) -> list[RepairInfo]:
    """The item's repairs, newest first."""
    rows = session.execute(
        select(Repair, User.full_name, User.username)
        .outerjoin(User, User.id == Repair.repairer_id)
        .where(Repair.item_id == item_id)
        .order_by(Repair.repair_date.desc(), Repair.id.desc())
    ).all()
    return [_info(repair, full or user) for repair, full, user in rows]


@requires(Permission.REGISTER_GOODS)
def record_repair(session: Session, actor: Actor, item_id: int, data: RepairInput
                  ) -> RepairInfo:
    """A repair of the item by the acting user."""
    if session.get(TaggedItem, item_id) is None:
        raise UserError(_("Dit artikel bestaat niet (meer)."))
    cleaned = _validated(data)
    repair = Repair(
        item_id=item_id, repair_date=cleaned.repair_date, repairer_id=actor.user_id,
        problem=cleaned.problem, outcome=cleaned.outcome, barrier=cleaned.barrier,
        notes=cleaned.notes, updated_by_id=actor.user_id,
    )
    session.add(repair)
    session.flush()
    fields = ["item", "repair_date", "repairer", "outcome"]
    fields += [name for name in ("barrier", "problem", "notes") if getattr(cleaned, name)]
    audit.record(session, actor, "create", "repairs", repair.id, fields)
    return _info(repair, actor.full_name or actor.username)


@requires(Permission.REGISTER_GOODS)
def update_repair(session: Session, actor: Actor, repair_id: int, data: RepairInput,
                  expected_version: int) -> RepairInfo:
    repair = _repair_row(session, repair_id)
    if repair.version != expected_version:
        raise _changed(session, repair)
    cleaned = _validated(data)
    changed = []
    for name in ("repair_date", "outcome", "barrier", "problem", "notes"):
        value = getattr(cleaned, name)
        if getattr(repair, name) != value:
            setattr(repair, name, value)
            changed.append(name)
    if changed:
        repair.updated_by_id = actor.user_id
        try:
            session.flush()
        except StaleDataError as exc:
            raise _changed(session, None) from exc
        audit.record(session, actor, "update", "repairs", repair.id, changed)
    return _info(repair, _repairer(session, repair.repairer_id))


@requires(Permission.REGISTER_GOODS)
def delete_repair(session: Session, actor: Actor, repair_id: int,
                  expected_version: int | None = None) -> None:
    """Delete a repair; ``expected_version`` (``RepairInfo.version``) refuses to delete one
    that someone else changed after it was read, so their change is not lost unseen."""
    repair = _repair_row(session, repair_id)
    if expected_version is not None and repair.version != expected_version:
        raise _changed(session, repair)
    session.delete(repair)
    try:
        session.flush()
    except StaleDataError as exc:
        raise _changed(session, None) from exc
    audit.record(session, actor, "delete", "repairs", repair_id)


# ---------------------------------------------------------------------------------------------
# ORDS


def check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            _("Kies een jaar van {first} tot en met {last}.", first=FIRST_YEAR, last=LAST_YEAR),
            {"year": _("Ongeldig jaar")},
        )


@requires(Permission.EXPORT_AGGREGATES)
def ords_data(session: Session, actor: Actor, year: int) -> OrdsData:
    """Every repair dated in ``year``, oldest first, for the ORDS CSV — of electrical and
    non-electrical items alike. No personal data: the repairer and the notes are never part
    of it."""
    check_year(year)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    rows = session.execute(
        select(Repair, TaggedItem.item_number, TaggedItem.description, TaggedItem.brand,
               TaggedItem.electrical, ProductGroup.code, ProductGroup.label_nl)
        .join(TaggedItem, TaggedItem.id == Repair.item_id)
        .join(ProductGroup, ProductGroup.id == TaggedItem.product_group_id)
        .where(Repair.repair_date.between(first, last))
        .order_by(Repair.repair_date, Repair.id)
    ).all()
    exported = []
    for repair, number, description, brand, electrical, code, label in rows:
        changed = repair.updated_at or repair.created_at
        exported.append(OrdsRow(
            repair_id=repair.id, item_number=number, product_group=code,
            product_group_label=label, description=description,
            electrical=bool(electrical), brand=brand, problem=repair.problem,
            outcome=repair.outcome, barrier=repair.barrier, repair_date=repair.repair_date,
            record_date=changed.date() if changed is not None else repair.repair_date,
        ))
    audit.record(session, actor, "export", "repairs", None, summary=f"ORDS {year}")
    return OrdsData(get_shop(session).name, year, tuple(exported))
