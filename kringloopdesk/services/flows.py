"""Weighed goods flows: the weegpost, the Stromen list and the Balans.

A flow is one weighing: intake (``in``, with a herkomst) or outflow (``uit``, with a
bestemming) of one product group on one day. The rules are those of the flows import
(domain.md, "File formats"): kg more than 0 with at most 3 decimals (whole grams), a date not
in the future, a herkomst for ``in`` and a bestemming for ``uit``, an active product group.

Every role registers goods (``Permission.REGISTER_GOODS``). Each create, update and delete
writes an audit entry on ``goods_flows`` naming the fields, never the values. The weegpost's
undo deletes the acting user's own last flow dated today, and says what it undid.

The list is cut in the database (``list_flows`` / ``count_flows``, a window at a time) over
the indexes on ``flow_date``, ``(direction, flow_date)``, ``(product_group_id, flow_date)`` and
``weight_g``; every column sorts, with the id as tie-breaker so that windows never overlap,
and the reverse sort gives exactly the reverse list (the list reads its last windows that
way). Its rows are plain Core rows made into ``FlowRow`` tuples: no ORM objects for a list.

The balance (:func:`balance`) is, per period and product group: intake, outflow per
bestemming, the change (intake − outflow) and the stock: the opening stock of a period is
everything that came in minus everything that went out before it, since the first weighing.
A period whose outflow is more than its intake plus its opening stock is flagged: more left
than there could have been, so a weighing is missing or wrong. A negative opening stock (left
by such a period) counts as none, so one missing weighing flags one period, not every one
after it. All sums are exact SQL sums of
whole grams.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import ColumnElement, Select, and_, case, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kringloopdesk.db.codes import BESTEMMING, DIRECTIONS, HERKOMST
from kringloopdesk.db.models import GoodsFlow, ProductGroup, User
from kringloopdesk.errors import RecordChangedError, UserError, ValidationError
from kringloopdesk.i18n import _, current_language
from kringloopdesk.services import audit
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.conflicts import last_save
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.services.workers import MAX_TEXT_LENGTH

KG_PLACES = 3
GRAM = Decimal("0.001")
ZERO_KG = Decimal("0.000")
# A sanity limit far above any real weighing (the same as the import's).
MAX_KG = Decimal(1_000_000_000)
ENTITY = "goods_flows"
FIELDS = ("flow_date", "direction", "product_group_id", "kg", "channel", "note")

# The columns of the Stromen list, in order; each sorts.
FLOW_COLUMNS = ("flow_date", "direction", "product_group", "kg", "channel", "note",
                "created_by")
GRANULARITIES = ("month", "quarter", "year")


class FlowChangedError(RecordChangedError):
    """The flow was changed or deleted by someone else after it was read."""


# ---------------------------------------------------------------------------------------------
# Plain data


@dataclass(frozen=True)
class FlowInput:
    """A weighing as entered: ``kg`` as typed ("12,5") or a Decimal; codes as in domain.md."""

    flow_date: dt.date | None
    direction: str
    product_group_id: int | None
    kg: Decimal | str | None
    channel: str
    note: str | None = None


class FlowRow(NamedTuple):
    """One weighing as the lists show it. A named tuple, not a dataclass: the Stromen list
    builds 200 of them per window, and a tuple is made from a database row at C speed."""

    id: int
    flow_date: dt.date
    direction: str
    product_group_id: int
    product_group: str  # label in the user's language
    kg: Decimal
    channel: str
    note: str | None
    created_by: str | None  # full name of who weighed it
    created_by_id: int | None
    created_at: dt.datetime
    version: int

    @property
    def direction_label(self) -> str:
        return DIRECTIONS.label(self.direction, current_language())

    @property
    def channel_label(self) -> str:
        return channel_label(self.direction, self.channel)

    def as_input(self) -> FlowInput:
        return FlowInput(self.flow_date, self.direction, self.product_group_id, self.kg,
                         self.channel, self.note)


@dataclass(frozen=True)
class GroupTotal:
    product_group_id: int
    product_group: str
    entries: int
    kg: Decimal


@dataclass(frozen=True)
class DayFlows:
    """One direction's weighings of one day (newest first) and their totals per group (in the
    weegpost's group order)."""

    day: dt.date
    direction: str
    entries: tuple[FlowRow, ...]
    totals: tuple[GroupTotal, ...]

    @property
    def kg(self) -> Decimal:
        return sum((t.kg for t in self.totals), ZERO_KG)


@dataclass(frozen=True)
class FlowFilter:
    start: dt.date | None = None  # inclusive
    end: dt.date | None = None  # inclusive
    product_group_id: int | None = None
    direction: str | None = None
    channel: str | None = None
    text: str = ""  # in the note


@dataclass(frozen=True)
class FlowSort:
    column: str = "flow_date"
    descending: bool = True


@dataclass(frozen=True)
class BalanceLine:
    """One period of one product group (``product_group_id`` None: all groups together)."""

    product_group_id: int | None
    product_group: str
    opening: Decimal  # stock at the start of the period
    kg_in: Decimal
    kg_out: tuple[Decimal, ...]  # per bestemming, in BESTEMMING order

    @property
    def out_total(self) -> Decimal:
        return sum(self.kg_out, ZERO_KG)

    @property
    def change(self) -> Decimal:
        return self.kg_in - self.out_total

    @property
    def closing(self) -> Decimal:
        return self.opening + self.change

    @property
    def available(self) -> Decimal:
        """What could go out in the period: its intake plus the opening stock (a negative
        stock, left by an earlier shortfall, counts as none: that period was flagged)."""
        return self.kg_in + max(self.opening, ZERO_KG)

    @property
    def shortfall(self) -> Decimal:
        """How much more went out than there was; 0 if none."""
        return max(ZERO_KG, self.out_total - self.available)

    @property
    def warning(self) -> bool:
        return self.out_total > self.available


@dataclass(frozen=True)
class BalancePeriod:
    first_day: dt.date
    last_day: dt.date
    label: str  # "maart 2025", "2e kwartaal 2025", "2025"
    total: BalanceLine  # all shown groups together
    groups: tuple[BalanceLine, ...]  # per product group, in group order

    @property
    def warning_groups(self) -> tuple[BalanceLine, ...]:
        return tuple(g for g in self.groups if g.warning)

    @property
    def warning(self) -> bool:
        return self.total.warning or bool(self.warning_groups)


@dataclass(frozen=True)
class Balance:
    granularity: str
    year: int
    product_group_id: int | None
    bestemmingen: tuple[str, ...]
    periods: tuple[BalancePeriod, ...]
    years: tuple[int, ...] = field(default=())  # years with flows (for the year choice)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.periods if p.warning)


# ---------------------------------------------------------------------------------------------
# Rules without an actor (also for the GUI's immediate feedback)


def channel_codes(direction: str) -> tuple[str, ...]:
    """The herkomst codes for ``in``, the bestemming codes for ``uit``."""
    return HERKOMST.codes if direction == "in" else BESTEMMING.codes


def channel_label(direction: str, code: str) -> str:
    codes = HERKOMST if direction == "in" else BESTEMMING
    return codes.label(code, current_language()) if code in codes else code


def kg_hint() -> str:
    return _("Typ het gewicht in kg, bijvoorbeeld 12,5")


def parse_kg(value: Decimal | int | str | None) -> Decimal | None:
    """``"12,5"``, ``"12.5"``, ``" 12.50 kg"`` (a scale's reading) or a Decimal -> Decimal;
    empty -> None. Text that is not a number raises ``ValidationError``."""
    if value is None:
        return None
    if isinstance(value, Decimal | int):
        number = Decimal(value)
    else:
        text = str(value).strip().lower().removesuffix("kg").strip()
        if not text:
            return None
        if text.count(",") + text.count(".") > 1 or not all(
            c.isdigit() or c in ",.+-" for c in text
        ):
            number = Decimal("NaN")
        else:
            try:
                number = Decimal(text.replace(",", "."))
            except InvalidOperation:
                number = Decimal("NaN")
    if not number.is_finite():
        raise ValidationError(kg_hint(), {"kg": kg_hint()})
    return number


def kg_problem(kg: Decimal | None) -> str | None:
    """Why ``kg`` cannot be booked (None: it can)."""
    if kg is None:
        return kg_hint()
    if kg <= 0:
        return _("Het gewicht moet meer dan 0 kg zijn")
    if kg > MAX_KG:
        return _("Hoogstens {maximum} kg", maximum="1.000.000.000")
    if kg != kg.quantize(GRAM):
        return _("Hoogstens 3 decimalen (hele grammen), bijvoorbeeld 12,345")
    return None


def check_flow(session: Session, data: FlowInput, today: dt.date | None = None
               ) -> tuple[Decimal | None, dict[str, str]]:
    """The kg as a Decimal and ``{field: message}`` for everything wrong with ``data``."""
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    if data.flow_date is None:
        errors["flow_date"] = _("Vul de datum in, bijvoorbeeld 15-3-2025")
    elif data.flow_date > today:
        errors["flow_date"] = _("De datum ligt in de toekomst")
    direction_ok = data.direction in DIRECTIONS
    if not direction_ok:
        errors["direction"] = _("Kies inbreng of afvoer")
    kg: Decimal | None = None
    try:
        kg = parse_kg(data.kg)
    except ValidationError:
        errors["kg"] = kg_hint()
    else:
        problem = kg_problem(kg)
        if problem is not None:
            errors["kg"] = problem
    if direction_ok:
        if data.direction == "in" and data.channel not in HERKOMST:
            errors["channel"] = _("Kies een herkomst: {codes}",
                                  codes=", ".join(_labels(HERKOMST)))
        elif data.direction == "uit" and data.channel not in BESTEMMING:
            errors["channel"] = _("Kies een bestemming: {codes}",
                                  codes=", ".join(_labels(BESTEMMING)))
    if data.product_group_id is None:
        errors["product_group_id"] = _("Kies een productgroep")
    else:
        group = session.get(ProductGroup, data.product_group_id)
        if group is None:
            errors["product_group_id"] = _("Onbekende productgroep")
        elif not group.active:
            errors["product_group_id"] = _("De productgroep '{group}' is niet meer in gebruik",
                                           group=_group_label(group))
    if data.note is not None and len(data.note) > MAX_TEXT_LENGTH:
        errors["note"] = _("Hoogstens {count} tekens", count=MAX_TEXT_LENGTH)
    return kg, errors


def _labels(codes) -> list[str]:
    language = current_language()
    return [codes.label(code, language) for code in codes]


def _group_label(group: ProductGroup) -> str:
    return group.label_en if current_language() == "en" else group.label_nl


def _group_label_column() -> ColumnElement[str]:
    return ProductGroup.label_en if current_language() == "en" else ProductGroup.label_nl


def _refusal(errors: dict[str, str]) -> ValidationError:
    if len(errors) == 1:
        (only,) = errors.values()
        return ValidationError(_("{problem}. Er is niets opgeslagen.", problem=only), errors)
    return ValidationError(
        _("Deze weging kan zo niet worden opgeslagen: {problems}.",
          problems="; ".join(m[0].lower() + m[1:] for m in errors.values())),
        errors,
    )


def _clean_note(note: str | None) -> str | None:
    text = (note or "").strip()
    return text or None


# ---------------------------------------------------------------------------------------------
# Reading rows


def _row_query() -> Select:
    """The columns of a ``FlowRow``, in its order (plain columns: no ORM objects to build)."""
    return _row_select(current_language())


@lru_cache(maxsize=4)
def _row_select(language: str) -> Select:
    flow = GoodsFlow.__table__.c
    group = ProductGroup.__table__.c
    user = User.__table__.c
    label = group.label_en if language == "en" else group.label_nl
    return (
        select(flow.id, flow.flow_date, flow.direction, flow.product_group_id,
               label.label("group_label"), flow.weight_g, flow.channel, flow.note,
               user.full_name.label("user_name"), flow.created_by_id, flow.created_at,
               flow.version)
        .select_from(GoodsFlow.__table__)
        .join(ProductGroup.__table__, group.id == flow.product_group_id)
        .outerjoin(User.__table__, user.id == flow.created_by_id)
    )


def _rows(session: Session, query: Select) -> list[FlowRow]:
    """Run ``query`` (of ``_row_query``) on the session's connection: Core rows, no ORM."""
    make = FlowRow._make
    return [make(row) for row in session.connection().execute(query).all()]


def _read_row(session: Session, flow_id: int) -> FlowRow:
    found = _rows(session, _row_query().where(GoodsFlow.id == flow_id))
    if not found:
        raise _flow_deleted()
    return found[0]


def _flow_deleted() -> FlowChangedError:
    return FlowChangedError(_("Deze weging bestaat niet meer; iemand anders heeft haar "
                              "verwijderd."), deleted=True)


def _flow_changed(session: Session, flow: GoodsFlow | None, *, deleting: bool = False
                  ) -> FlowChangedError:
    """The refusal, naming who saved ``flow`` in between (None: found while writing)."""
    last = last_save(session, flow)
    if last is not None:
        return FlowChangedError(_("{user} heeft deze weging intussen gewijzigd ({when}). Er is "
                                  "niets opgeslagen; open haar opnieuw.",
                                  user=last.username, when=last.when), **last.facts())
    if deleting:
        return FlowChangedError(_("Iemand anders heeft deze weging intussen gewijzigd. Er is "
                                  "niets verwijderd."))
    return FlowChangedError(_("Iemand anders heeft deze weging intussen gewijzigd. Er is "
                              "niets opgeslagen; open haar opnieuw."))


def _flow_for_change(session: Session, flow_id: int, expected_version: int | None
                     ) -> GoodsFlow:
    flow = session.get(GoodsFlow, flow_id, populate_existing=True, with_for_update=True)
    if flow is None:
        raise _flow_deleted()
    if expected_version is not None and flow.version != expected_version:
        raise _flow_changed(session, flow)
    return flow


@requires(Permission.REGISTER_GOODS)
def get_flow(session: Session, actor: Actor, flow_id: int) -> FlowRow:
    return _read_row(session, flow_id)


# ---------------------------------------------------------------------------------------------
# Changes


@requires(Permission.REGISTER_GOODS)
def record_flow(session: Session, actor: Actor, data: FlowInput) -> FlowRow:
    """Book one weighing (the weegpost, or "Nieuwe weging" in the list)."""
    kg, errors = check_flow(session, data)
    if errors:
        raise _refusal(errors)
    flow = GoodsFlow(
        flow_date=data.flow_date,
        direction=data.direction,
        product_group_id=data.product_group_id,
        kg=kg,
        channel=data.channel,
        note=_clean_note(data.note),
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
    )
    session.add(flow)
    session.flush()
    audit.record(session, actor, "create", ENTITY, flow.id,
                 [f for f in FIELDS if f != "note" or flow.note])
    return _read_row(session, flow.id)


@requires(Permission.REGISTER_GOODS)
def update_flow(session: Session, actor: Actor, flow_id: int, data: FlowInput,
                expected_version: int | None = None) -> FlowRow:
    """Change a weighing; ``expected_version`` (``FlowRow.version``) refuses to overwrite a
    change someone else made meanwhile."""
    flow = _flow_for_change(session, flow_id, expected_version)
    kg, errors = check_flow(session, data)
    if errors.get("product_group_id") and data.product_group_id == flow.product_group_id:
        # A flow of a group taken out of use may still be corrected in its other fields.
        group = session.get(ProductGroup, flow.product_group_id)
        if group is not None and not group.active:
            del errors["product_group_id"]
    if errors:
        raise _refusal(errors)
    new = {
        "flow_date": data.flow_date,
        "direction": data.direction,
        "product_group_id": data.product_group_id,
        "kg": kg,
        "channel": data.channel,
        "note": _clean_note(data.note),
    }
    changed = [name for name, value in new.items() if getattr(flow, name) != value]
    if not changed:
        return _read_row(session, flow.id)
    for name in changed:
        setattr(flow, name, new[name])
    flow.updated_by_id = actor.user_id
    try:
        session.flush()
    except StaleDataError as exc:
        raise _flow_changed(session, None) from exc
    audit.record(session, actor, "update", ENTITY, flow.id, changed)
    return _read_row(session, flow.id)


@requires(Permission.REGISTER_GOODS)
def delete_flow(session: Session, actor: Actor, flow_id: int,
                expected_version: int | None = None) -> FlowRow:
    """Delete a weighing; returns what was deleted."""
    flow = _flow_for_change(session, flow_id, expected_version)
    gone = _read_row(session, flow.id)
    session.delete(flow)
    try:
        session.flush()
    except StaleDataError as exc:
        raise _flow_changed(session, None, deleting=True) from exc
    audit.record(session, actor, "delete", ENTITY, gone.id, ["kg"])
    return gone


@requires(Permission.REGISTER_GOODS)
def undo_last_flow(session: Session, actor: Actor, today: dt.date | None = None
                   ) -> FlowRow | None:
    """Delete the acting user's own last weighing dated today; None when there is none."""
    day = today or dt.date.today()
    last = session.scalar(
        select(GoodsFlow.id)
        .where(GoodsFlow.created_by_id == actor.user_id, GoodsFlow.flow_date == day)
        .order_by(GoodsFlow.id.desc())
        .limit(1)
    )
    if last is None:
        return None
    return delete_flow(session, actor, last)


# ---------------------------------------------------------------------------------------------
# The weegpost's day


@requires(Permission.REGISTER_GOODS)
def day_flows(session: Session, actor: Actor, direction: str, day: dt.date | None = None,
              limit: int = 500) -> DayFlows:
    """A day's weighings of one direction (by everyone, newest first, at most ``limit``) and
    the day's totals per product group (all of them, exact)."""
    if direction not in DIRECTIONS:
        raise ValidationError(_("Kies inbreng of afvoer"), {"direction": _("Kies inbreng of "
                                                                           "afvoer")})
    day = day or dt.date.today()
    entries = tuple(_rows(session, _row_query()
                          .where(GoodsFlow.flow_date == day, GoodsFlow.direction == direction)
                          .order_by(GoodsFlow.id.desc())
                          .limit(limit)))
    totals = tuple(
        GroupTotal(group_id, label, count, kg)
        for group_id, label, count, kg in session.execute(
            select(ProductGroup.id, _group_label_column(), func.count(), func.sum(GoodsFlow.kg))
            .join(ProductGroup, ProductGroup.id == GoodsFlow.product_group_id)
            .where(GoodsFlow.flow_date == day, GoodsFlow.direction == direction)
            .group_by(ProductGroup.id, ProductGroup.sort_order, ProductGroup.code,
                      _group_label_column())
            .order_by(ProductGroup.sort_order, ProductGroup.code)
        )
    )
    return DayFlows(day, direction, entries, totals)


# ---------------------------------------------------------------------------------------------
# The Stromen list


def _conditions(flt: FlowFilter) -> list[ColumnElement[bool]]:
    flow = GoodsFlow.__table__.c
    where: list[ColumnElement[bool]] = []
    if flt.start is not None:
        where.append(flow.flow_date >= flt.start)
    if flt.end is not None:
        where.append(flow.flow_date <= flt.end)
    if flt.product_group_id is not None:
        where.append(flow.product_group_id == flt.product_group_id)
    # A channel belongs to one direction (a constraint): with a matching channel the
    # direction adds nothing, and without it the count scans a covering index (2.5x faster).
    if flt.direction and not (flt.channel and flt.channel in channel_codes(flt.direction)):
        where.append(flow.direction == flt.direction)
    if flt.channel:
        where.append(flow.channel == flt.channel)
    text = flt.text.strip()
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append(func.lower(flow.note).like(f"%{escaped.lower()}%", escape="\\"))
    return where


def _order(sort: FlowSort) -> tuple[ColumnElement, ...]:
    """The ORDER BY of ``sort``; every key turns round with ``descending``, so the reverse
    sort gives exactly the reverse list (the model reads the last windows that way)."""
    if sort.column not in FLOW_COLUMNS:
        raise ValueError(f"cannot sort on {sort.column!r}")
    return _cached_order(sort.column, sort.descending, current_language())


@lru_cache(maxsize=64)
def _cached_order(column: str, descending: bool, language: str
                  ) -> tuple[ColumnElement, ...]:
    flow = GoodsFlow.__table__.c
    group = ProductGroup.__table__.c
    user = User.__table__.c

    def way(key):
        return key.desc() if descending else key.asc()

    if column == "flow_date":
        keys = [flow.flow_date]
    elif column == "direction":
        keys = [flow.direction, flow.flow_date]
    elif column == "product_group":
        keys = [group.label_en if language == "en" else group.label_nl, flow.flow_date]
    elif column == "kg":
        keys = [flow.weight_g]
    elif column == "channel":
        keys = [flow.channel, flow.flow_date]
    elif column == "note":
        # Flows with a note first when ascending; empty notes last.
        keys = [case((flow.note.is_(None), 1), else_=0), func.lower(flow.note)]
    else:
        keys = [func.coalesce(user.full_name, ""), flow.flow_date]
    return tuple(way(key) for key in [*keys, flow.id])


@requires(Permission.REGISTER_GOODS)
def count_flows(session: Session, actor: Actor, flt: FlowFilter = FlowFilter()) -> int:
    """How many flows match ``flt`` (an index-only count where an index fits the filter)."""
    where = _conditions(flt)
    query = select(func.count()).select_from(GoodsFlow.__table__)
    if where:
        query = query.where(and_(*where))
    return session.connection().scalar(query) or 0


@requires(Permission.REGISTER_GOODS)
def list_flows(
    session: Session,
    actor: Actor,
    flt: FlowFilter = FlowFilter(),
    sort: FlowSort = FlowSort(),
    *,
    offset: int = 0,
    limit: int = 200,
) -> list[FlowRow]:
    """A window of the Stromen list, filtered, sorted and cut in the database. Plain Core
    rows straight into ``FlowRow`` tuples: the Python side of a window of 200 costs about
    as much as the database's."""
    where = _conditions(flt)
    query = _row_query()
    if where:
        query = query.where(and_(*where))
    query = query.order_by(*_order(sort)).offset(offset).limit(limit)
    return _rows(session, query)


@requires(Permission.REGISTER_GOODS)
def flow_years(session: Session, actor: Actor) -> tuple[int, ...]:
    """The years from the first weighing through this year (newest first)."""
    first = session.scalar(select(func.min(GoodsFlow.flow_date)))
    this_year = dt.date.today().year
    start = min(first.year, this_year) if first is not None else this_year
    return tuple(range(this_year, start - 1, -1))


# ---------------------------------------------------------------------------------------------
# The Balans


def _month_end(first: dt.date) -> dt.date:
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def _periods(granularity: str, year: int, first_year: int) -> list[tuple[dt.date, dt.date, str]]:
    """(first day, last day, label) of each period to show."""
    if granularity == "month":
        months = MONTHS_EN if current_language() == "en" else MONTHS_NL
        return [
            (dt.date(year, m, 1), _month_end(dt.date(year, m, 1)), f"{months[m - 1]} {year}")
            for m in range(1, 13)
        ]
    if granularity == "quarter":
        return [
            (dt.date(year, 3 * q - 2, 1), _month_end(dt.date(year, 3 * q, 1)),
             _("{quarter}e kwartaal {year}", quarter=q, year=year))
            for q in range(1, 5)
        ]
    return [(dt.date(y, 1, 1), dt.date(y, 12, 31), str(y)) for y in range(first_year, year + 1)]


def _period_key(session: Session, *, yearly: bool) -> ColumnElement[str]:
    """``"2025-03"`` (or ``"2025"``) of a flow's date, as text: one cheap function per row
    (``extract`` twice costs twice as much on SQLite)."""
    if session.get_bind().dialect.name == "sqlite":
        return func.substr(GoodsFlow.flow_date, 1, 4 if yearly else 7)
    return func.to_char(GoodsFlow.flow_date, "YYYY" if yearly else "YYYY-MM")


@requires(Permission.REGISTER_GOODS)
def balance(
    session: Session,
    actor: Actor,
    granularity: str,
    year: int,
    product_group_id: int | None = None,
    today: dt.date | None = None,
) -> Balance:
    """The balance of ``year`` per month or quarter; per year (``"year"``) it runs from the
    year of the first weighing through ``year``. Periods that have not begun yet are left
    out. ``product_group_id`` None: every product group (and their total per period)."""
    if granularity not in GRANULARITIES:
        raise ValidationError(_("Kies per maand, per kwartaal of per jaar."),
                              {"granularity": _("Kies maand, kwartaal of jaar")})
    today = today or dt.date.today()
    first_flow = session.scalar(select(func.min(GoodsFlow.flow_date)))
    first_year = min(first_flow.year if first_flow else year, year)
    groups_query = select(ProductGroup).order_by(ProductGroup.sort_order, ProductGroup.code)
    if product_group_id is not None:
        groups_query = groups_query.where(ProductGroup.id == product_group_id)
    groups = list(session.scalars(groups_query))
    if product_group_id is not None and not groups:
        raise UserError(_("Onbekende productgroep."))
    periods = [p for p in _periods(granularity, year, first_year) if p[0] <= today]
    bestemmingen = BESTEMMING.codes
    if not periods:
        return Balance(granularity, year, product_group_id, bestemmingen, (),
                       flow_years(session, actor))
    start, end = periods[0][0], periods[-1][1]
    group_filter = ([GoodsFlow.product_group_id == product_group_id]
                    if product_group_id is not None else [])

    # Stock before the first period: everything in minus everything out, per group.
    # (Grouped on the channel, which decides the direction: the covering index of 0003.)
    opening: dict[int, Decimal] = {}
    for group_id, channel, kg in session.execute(
        select(GoodsFlow.product_group_id, GoodsFlow.channel, func.sum(GoodsFlow.kg))
        .where(GoodsFlow.flow_date < start, *group_filter)
        .group_by(GoodsFlow.product_group_id, GoodsFlow.channel)
    ):
        sign = 1 if channel in HERKOMST else -1
        opening[group_id] = opening.get(group_id, ZERO_KG) + sign * kg

    # The periods' sums per group, channel and month (per year for a balance of years).
    period_key = _period_key(session, yearly=granularity == "year")
    sums: dict[tuple[int, dt.date], dict[str, Decimal]] = {}
    for group_id, channel, key, kg in session.execute(
        select(GoodsFlow.product_group_id, GoodsFlow.channel, period_key,
               func.sum(GoodsFlow.kg))
        .where(GoodsFlow.flow_date >= start, GoodsFlow.flow_date <= end, *group_filter)
        .group_by(GoodsFlow.product_group_id, GoodsFlow.channel, period_key)
    ):
        month = dt.date(int(key[:4]), int(key[5:7] or 1), 1)
        period_start = next(p[0] for p in periods if p[0] <= month <= p[1])
        bucket = sums.setdefault((group_id, period_start), {})
        name = "in" if channel in HERKOMST else channel
        bucket[name] = bucket.get(name, ZERO_KG) + kg

    stock = {g.id: opening.get(g.id, ZERO_KG) for g in groups}
    result: list[BalancePeriod] = []
    for first, last, label in periods:
        lines = []
        for group in groups:
            bucket = sums.get((group.id, first), {})
            line = BalanceLine(
                product_group_id=group.id,
                product_group=_group_label(group),
                opening=stock[group.id],
                kg_in=bucket.get("in", ZERO_KG),
                kg_out=tuple(bucket.get(b, ZERO_KG) for b in bestemmingen),
            )
            stock[group.id] = line.closing
            lines.append(line)
        total = BalanceLine(
            product_group_id=product_group_id,
            product_group=lines[0].product_group if product_group_id is not None
            else _("Alle productgroepen"),
            opening=sum((x.opening for x in lines), ZERO_KG),
            kg_in=sum((x.kg_in for x in lines), ZERO_KG),
            kg_out=tuple(sum((x.kg_out[i] for x in lines), ZERO_KG)
                         for i in range(len(bestemmingen))),
        )
        result.append(BalancePeriod(first, last, label, total, tuple(lines)))
    return Balance(granularity, year, product_group_id, bestemmingen, tuple(result),
                   flow_years(session, actor))

