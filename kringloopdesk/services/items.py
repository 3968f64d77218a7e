"""Tagged items (artikelen): higher-value goods registered one by one, with a printed label.

An item has a number (``A-000123``: the next free one unless the user types their own), a
product group, a description, brand, model, serial number, intake date, price (cents) and a
status (``in_behandeling``, ``te_koop``, ``verkocht``, ``gerecycled``, ``afgevoerd``).
``electrical`` starts as the product group's flag and can be changed per item (a lamp among
the kleingoed).

**The sale rule.** An electrical item may be ``te_koop`` or ``verkocht`` only when its latest
safety test (services/safety; the last by date) passed. Every route to those statuses — a new
item, a change of the item, a status change — checks it and refuses with
:class:`SaleBlockedError`, which says why and what to do. An item for sale or sold has a price.
``verkocht`` keeps the day of sale (``sold_date``); leaving ``verkocht`` clears it.

A barcode scanner types the number and Enter: :func:`find_item` takes what it typed (case and
a missing dash or leading zeros forgiven for the shop's own ``A-`` numbers).

Every role registers goods (``Permission.REGISTER_GOODS``). Every create and update writes an
audit entry with the names of the changed fields.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kringloopdesk.db.codes import ITEM_STATUSES
from kringloopdesk.db.models import ProductGroup, SafetyTest, TaggedItem
from kringloopdesk.errors import RecordChangedError, UserError, ValidationError
from kringloopdesk.i18n import _, current_language
from kringloopdesk.services import audit
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.conflicts import last_save
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.services.safety import SafetyTestInfo, latest_test, latest_test_row
from kringloopdesk.services.workers import format_date, search_condition

NUMBER_PREFIX = "A-"
NUMBER_DIGITS = 6
NUMBER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./_-]*$")
# What a scanner may send for one of our own numbers: "a000123", "A-123".
OWN_NUMBER_RE = re.compile(r"^A-?0*(\d{1,6})$", re.IGNORECASE)
SALE_STATUSES = ("te_koop", "verkocht")
# 20 characters: longer does not fit the 62 mm label as a scannable barcode (reports/labels).
MAX_LENGTHS = {"item_number": 20, "description": 300, "brand": 100, "model": 100,
               "serial_number": 100}
MAX_PRICE_CENTS = 100_000_000  # € 1.000.000
ITEM_LIST_COLUMNS = ("number", "description", "group", "brand", "status", "price",
                     "intake_date", "test")
# The untested filter's meaning: electrical, and the latest test is missing or failed.
TEST_NOT_NEEDED, TEST_MISSING, TEST_PASSED, TEST_FAILED = "n.v.t.", "geen", "goed", "afgekeurd"


class ItemChangedError(RecordChangedError):
    """The item was saved by someone else after this form was opened."""


class SaleBlockedError(ValidationError):
    """An electrical item without a passed latest safety test cannot be te koop or verkocht."""

    def __init__(self, message: str, item_id: int, item_number: str) -> None:
        super().__init__(message, {"status": _("Eerst een goedgekeurde veiligheidstest")})
        self.item_id = item_id
        self.item_number = item_number


# ---------------------------------------------------------------------------------------------
# Plain data


@dataclass(frozen=True)
class ItemInput:
    """An item as typed in the form. ``item_number`` empty: the next free ``A-NNNNNN``.
    ``electrical`` None: the product group's flag. ``sold_date`` None with ``verkocht``:
    today."""

    product_group: str
    description: str
    intake_date: dt.date | None
    item_number: str = ""
    brand: str | None = None
    model: str | None = None
    serial_number: str | None = None
    price_cents: int | None = None
    status: str = "in_behandeling"
    electrical: bool | None = None
    sold_date: dt.date | None = None


@dataclass(frozen=True)
class ProductGroupChoice:
    code: str
    label: str
    electrical: bool


@dataclass(frozen=True)
class ItemDetail:
    id: int
    item_number: str
    product_group: str
    product_group_label: str
    description: str
    brand: str | None
    model: str | None
    serial_number: str | None
    intake_date: dt.date
    price_cents: int | None
    status: str
    electrical: bool
    sold_date: dt.date | None
    version: int
    latest_test: SafetyTestInfo | None
    # Why it cannot be te koop or verkocht now (None: it can).
    sale_block: str | None

    @property
    def status_label(self) -> str:
        return ITEM_STATUSES.label(self.status, current_language())

    @property
    def test_state(self) -> str:
        if not self.electrical:
            return TEST_NOT_NEEDED
        if self.latest_test is None:
            return TEST_MISSING
        return TEST_PASSED if self.latest_test.passed else TEST_FAILED

    def as_input(self) -> ItemInput:
        return ItemInput(
            product_group=self.product_group,
            description=self.description,
            intake_date=self.intake_date,
            item_number=self.item_number,
            brand=self.brand,
            model=self.model,
            serial_number=self.serial_number,
            price_cents=self.price_cents,
            status=self.status,
            electrical=self.electrical,
            sold_date=self.sold_date,
        )


@dataclass(frozen=True)
class ItemFilter:
    """``search``: every word occurs in the number, description, brand, model or serial
    number (case and accents ignored). ``untested``: electrical items whose latest safety
    test is missing or failed."""

    search: str = ""
    product_group: str | None = None
    status: str | None = None
    untested: bool = False


@dataclass(frozen=True)
class ItemSort:
    column: str = "number"  # one of ITEM_LIST_COLUMNS
    descending: bool = False


@dataclass(frozen=True)
class ItemListRow:
    id: int
    item_number: str
    description: str
    brand: str | None
    model: str | None
    product_group: str
    product_group_label: str
    status: str
    price_cents: int | None
    intake_date: dt.date
    electrical: bool
    # The latest safety test: None when there is none.
    test_passed: bool | None
    test_date: dt.date | None

    @property
    def test_state(self) -> str:
        if not self.electrical:
            return TEST_NOT_NEEDED
        if self.test_passed is None:
            return TEST_MISSING
        return TEST_PASSED if self.test_passed else TEST_FAILED


# ---------------------------------------------------------------------------------------------
# Helpers


def format_price(cents: int | None) -> str:
    """1250 -> "€ 12,50"; None -> ""."""
    if cents is None:
        return ""
    euros, rest = divmod(cents, 100)
    return f"€ {euros:,}".replace(",", ".") + f",{rest:02d}"


def price_input_text(cents: int | None) -> str:
    """1250 -> "12,50" (as the user types it)."""
    if cents is None:
        return ""
    return f"{cents // 100},{cents % 100:02d}"


def parse_price(text: str | None) -> int | None:
    """"12,50", "12.50", "€ 12" -> cents; empty -> None. ValueError (Dutch) otherwise."""
    if text is None:
        return None
    cleaned = text.strip().replace("€", "").replace(" ", "")
    if not cleaned:
        return None
    if cleaned.count(",") + cleaned.count(".") > 1:
        raise ValueError(_("Een bedrag als 12,50 (zonder punt voor duizendtallen)"))
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(_("Een bedrag als 12,50")) from exc
    if not value.is_finite() or value < 0:
        raise ValueError(_("Een bedrag als 12,50"))
    cents = value * 100
    if cents != cents.to_integral_value():
        raise ValueError(_("Hoogstens 2 decimalen"))
    if cents > MAX_PRICE_CENTS:
        raise ValueError(_("Hoogstens € 1.000.000"))
    return int(cents)


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text or None


def _number_message(number: str) -> str:
    return _("Het artikelnummer {number} is al in gebruik", number=number)


def _sale_block(item_number: str, test: SafetyTest | None) -> str:
    if test is None:
        return _(
            "Dit elektrische apparaat heeft nog geen goedgekeurde veiligheidstest, dus het kan "
            "niet te koop staan of verkocht worden. Leg eerst een veiligheidstest vast voor "
            "artikel {number}; als die is goedgekeurd, kunt u de status wijzigen.",
            number=item_number,
        )
    return _(
        "De laatste veiligheidstest van artikel {number} ({date}) is afgekeurd, dus het kan "
        "niet te koop staan of verkocht worden. Laat het repareren en leg een nieuwe "
        "veiligheidstest vast; na een goedgekeurde test kunt u de status wijzigen.",
        number=item_number, date=format_date(test.test_date),
    )


def sale_block_reason(session: Session, item_id: int, item_number: str,
                      electrical: bool) -> str | None:
    """Why this item cannot be te koop or verkocht now (None: it can)."""
    if not electrical:
        return None
    test = latest_test_row(session, item_id) if item_id else None
    if test is not None and test.passed:
        return None
    return _sale_block(item_number, test)


def _group_label(group: ProductGroup) -> str:
    return group.label_en if current_language() == "en" else group.label_nl


def check_item_input(data: ItemInput) -> tuple[ItemInput, dict[str, str]]:
    """The cleaned input and ``{field: message}`` for every rule that needs no database
    (the form calls this on every edit)."""
    errors: dict[str, str] = {}
    cleaned = replace(
        data,
        item_number=(data.item_number or "").strip(),
        product_group=(data.product_group or "").strip().lower(),
        description=_clean(data.description) or "",
        brand=_clean(data.brand),
        model=_clean(data.model),
        serial_number=_clean(data.serial_number),
        status=(data.status or "").strip().lower(),
    )
    required = _("Verplicht")
    if cleaned.item_number and not NUMBER_RE.match(cleaned.item_number):
        errors["item_number"] = _("Alleen letters, cijfers en - . / _ (een scanner typt het "
                                  "nummer over), bijvoorbeeld A-000123")
    if not cleaned.product_group:
        errors["product_group"] = required
    if not cleaned.description:
        errors["description"] = required
    for name, limit in MAX_LENGTHS.items():
        value = getattr(cleaned, name)
        if value and len(value) > limit and name not in errors:
            errors[name] = _("Hoogstens {n} tekens", n=limit)
    if cleaned.intake_date is None:
        errors["intake_date"] = required
    elif cleaned.intake_date > dt.date.today():
        errors["intake_date"] = _("Ligt in de toekomst")
    if cleaned.status not in ITEM_STATUSES:
        errors["status"] = _("Onbekende status '{status}'", status=cleaned.status)
    if cleaned.price_cents is not None and not 0 <= cleaned.price_cents <= MAX_PRICE_CENTS:
        errors["price"] = _("Een bedrag als 12,50")
    elif cleaned.status in SALE_STATUSES and cleaned.price_cents is None:
        errors["price"] = _("Een artikel dat te koop staat of verkocht is, heeft een prijs")
    if cleaned.status == "verkocht":
        sold = cleaned.sold_date or dt.date.today()
        if cleaned.intake_date is not None and sold < cleaned.intake_date:
            errors["sold_date"] = _("Op of na de innamedatum")
        elif sold > dt.date.today():
            errors["sold_date"] = _("Ligt in de toekomst")
    return cleaned, errors


def _number_taken(session: Session, number: str, item_id: int | None) -> bool:
    query = select(TaggedItem.id).where(func.lower(TaggedItem.item_number) == number.lower())
    if item_id is not None:
        query = query.where(TaggedItem.id != item_id)
    return session.scalar(query.limit(1)) is not None


def _next_number(session: Session) -> str:
    width = len(NUMBER_PREFIX) + NUMBER_DIGITS
    highest = session.scalar(
        select(func.max(TaggedItem.item_number)).where(
            TaggedItem.item_number.startswith(NUMBER_PREFIX),
            func.length(TaggedItem.item_number) == width,
        )
    )
    digits = (highest or "")[len(NUMBER_PREFIX):]
    if highest is not None and not digits.isdigit():
        # A hand-typed "A-12AB34" sorts above the numbers: look at the real numbers only.
        numbers = session.scalars(select(TaggedItem.item_number).where(
            TaggedItem.item_number.startswith(NUMBER_PREFIX),
            func.length(TaggedItem.item_number) == width))
        found = [int(n[len(NUMBER_PREFIX):]) for n in numbers
                 if n[len(NUMBER_PREFIX):].isdigit()]
        digits = str(max(found)) if found else "0"
    number = int(digits or 0) + 1
    candidate = f"{NUMBER_PREFIX}{number:0{NUMBER_DIGITS}d}"
    while _number_taken(session, candidate, None):  # "a-000124" typed by hand
        number += 1
        candidate = f"{NUMBER_PREFIX}{number:0{NUMBER_DIGITS}d}"
    return candidate


@requires(Permission.REGISTER_GOODS)
def next_item_number(session: Session, actor: Actor) -> str:
    """The number a new item gets when none is typed: ``A-`` and the highest six-digit
    number plus one (``A-000001`` for the first)."""
    return _next_number(session)


def _group(session: Session, code: str, keep_id: int | None) -> tuple[ProductGroup | None,
                                                                       str | None]:
    group = session.scalar(select(ProductGroup).where(ProductGroup.code == code))
    if group is None:
        return None, _("Onbekende productgroep '{code}'", code=code)
    if not group.active and group.id != keep_id:
        return None, _("De productgroep '{code}' is niet meer in gebruik", code=code)
    return group, None


def _detail(session: Session, actor: Actor, item: TaggedItem) -> ItemDetail:
    group = session.get(ProductGroup, item.product_group_id)
    assert group is not None
    test = latest_test(session, actor, item.id)
    return ItemDetail(
        id=item.id,
        item_number=item.item_number,
        product_group=group.code,
        product_group_label=_group_label(group),
        description=item.description,
        brand=item.brand,
        model=item.model,
        serial_number=item.serial_number,
        intake_date=item.intake_date,
        price_cents=item.price_cents,
        status=item.status,
        electrical=item.electrical,
        sold_date=item.sold_date,
        version=item.version,
        latest_test=test,
        sale_block=sale_block_reason(session, item.id, item.item_number, item.electrical),
    )


def get_item_row(session: Session, item_id: int) -> TaggedItem:
    item = session.get(TaggedItem, item_id)
    if item is None:
        raise UserError(_("Dit artikel bestaat niet (meer)."))
    return item


# ---------------------------------------------------------------------------------------------
# Reading


@requires(Permission.REGISTER_GOODS)
def get_item(session: Session, actor: Actor, item_id: int) -> ItemDetail:
    return _detail(session, actor, get_item_row(session, item_id))


@requires(Permission.REGISTER_GOODS)
def find_item(session: Session, actor: Actor, scanned: str) -> ItemDetail | None:
    """The item whose number a scanner (or a person) typed; None when there is none.

    Case is ignored; for the shop's own numbers a missing dash and missing leading zeros
    are forgiven ("a123" finds A-000123)."""
    text = "".join(scanned.split())
    if not text:
        return None
    item = session.scalar(
        select(TaggedItem).where(func.lower(TaggedItem.item_number) == text.lower()).limit(1)
    )
    if item is None:
        own = OWN_NUMBER_RE.match(text)
        if own is not None:
            number = f"{NUMBER_PREFIX}{int(own.group(1)):0{NUMBER_DIGITS}d}"
            item = session.scalar(select(TaggedItem).where(TaggedItem.item_number == number))
    return _detail(session, actor, item) if item is not None else None


@requires(Permission.REGISTER_GOODS)
def product_group_choices(session: Session, actor: Actor, keep_code: str | None = None
                          ) -> tuple[ProductGroupChoice, ...]:
    """The active product groups (and ``keep_code``), in the shop's order."""
    rows = session.scalars(
        select(ProductGroup)
        .where(or_(ProductGroup.active, ProductGroup.code == keep_code))
        .order_by(ProductGroup.sort_order, ProductGroup.code)
    )
    return tuple(ProductGroupChoice(g.code, _group_label(g), g.electrical) for g in rows)


def _latest_passed():
    return (
        select(SafetyTest.passed)
        .where(SafetyTest.item_id == TaggedItem.id)
        .order_by(SafetyTest.test_date.desc(), SafetyTest.id.desc())
        .limit(1)
        .correlate(TaggedItem)
        .scalar_subquery()
    )


def _latest_date():
    return (
        select(func.max(SafetyTest.test_date))
        .where(SafetyTest.item_id == TaggedItem.id)
        .correlate(TaggedItem)
        .scalar_subquery()
    )


def _filtered(session: Session, query, flt: ItemFilter):
    coalesce = [func.coalesce(column, "") for column in (
        TaggedItem.item_number, TaggedItem.description, TaggedItem.brand, TaggedItem.model,
        TaggedItem.serial_number)]
    query = query.where(search_condition(session, flt.search, *coalesce))
    if flt.product_group is not None:
        query = query.where(ProductGroup.code == flt.product_group)
    if flt.status is not None:
        query = query.where(TaggedItem.status == flt.status)
    if flt.untested:
        passed = _latest_passed()
        query = query.where(TaggedItem.electrical, or_(passed.is_(None), passed.is_(False)))
    return query


@requires(Permission.REGISTER_GOODS)
def count_items(session: Session, actor: Actor, flt: ItemFilter = ItemFilter()) -> int:
    query = select(func.count()).select_from(TaggedItem).join(
        ProductGroup, ProductGroup.id == TaggedItem.product_group_id)
    return session.scalar(_filtered(session, query, flt)) or 0


@requires(Permission.REGISTER_GOODS)
def list_items(
    session: Session,
    actor: Actor,
    flt: ItemFilter = ItemFilter(),
    sort: ItemSort = ItemSort(),
    *,
    offset: int = 0,
    limit: int = 200,
) -> list[ItemListRow]:
    """A window of the Artikelen list, filtered, sorted and cut in the database."""
    if sort.column not in ITEM_LIST_COLUMNS:
        raise ValueError(f"cannot sort items on {sort.column!r}")
    label = ProductGroup.label_en if current_language() == "en" else ProductGroup.label_nl
    passed = _latest_passed().label("test_passed")
    tested = _latest_date().label("test_date")
    query = select(
        TaggedItem.id, TaggedItem.item_number, TaggedItem.description, TaggedItem.brand,
        TaggedItem.model, ProductGroup.code.label("group_code"), label.label("group_label"),
        TaggedItem.status, TaggedItem.price_cents, TaggedItem.intake_date,
        TaggedItem.electrical, passed, tested,
    ).join(ProductGroup, ProductGroup.id == TaggedItem.product_group_id)
    query = _filtered(session, query, flt)
    status_order = case({code: i for i, code in enumerate(ITEM_STATUSES)},
                        value=TaggedItem.status, else_=len(ITEM_STATUSES.codes))
    # Test column: not needed, then missing, failed, passed.
    test_order = case((~TaggedItem.electrical, 0), (tested.is_(None), 1), else_=2)
    keys: list = {
        "number": [func.lower(TaggedItem.item_number)],
        "description": [func.lower(TaggedItem.description)],
        "group": [ProductGroup.sort_order],
        "brand": [func.lower(TaggedItem.brand)],
        "status": [status_order],
        "price": [TaggedItem.price_cents],
        "intake_date": [TaggedItem.intake_date],
        "test": [test_order, tested],
    }[sort.column]
    if sort.column != "number":
        keys.append(func.lower(TaggedItem.item_number))
    keys.append(TaggedItem.id)
    if sort.descending:
        keys = [key.desc() for key in keys]
    query = query.order_by(*[key.nulls_last() for key in keys]).offset(offset).limit(limit)
    return [
        ItemListRow(
            id=r.id, item_number=r.item_number, description=r.description, brand=r.brand,
            model=r.model, product_group=r.group_code, product_group_label=r.group_label,
            status=r.status, price_cents=r.price_cents, intake_date=r.intake_date,
            electrical=bool(r.electrical),
            test_passed=None if r.test_passed is None else bool(r.test_passed),
            test_date=r.test_date,
        )
        for r in session.execute(query)
    ]


@requires(Permission.REGISTER_GOODS)
def items_for_labels(session: Session, actor: Actor, item_ids: list[int]) -> list[ItemDetail]:
    """The items to print labels for, in the order asked."""
    return [get_item(session, actor, item_id) for item_id in item_ids]


# ---------------------------------------------------------------------------------------------
# Writing


def _validate(session: Session, data: ItemInput, item: TaggedItem | None
              ) -> tuple[ItemInput, ProductGroup]:
    cleaned, errors = check_item_input(data)
    item_id = item.id if item is not None else None
    if cleaned.item_number and "item_number" not in errors and _number_taken(
            session, cleaned.item_number, item_id):
        errors["item_number"] = _number_message(cleaned.item_number)
    group = None
    if cleaned.product_group:
        group, problem = _group(session, cleaned.product_group,
                                item.product_group_id if item is not None else None)
        if problem:
            errors["product_group"] = problem
    if errors:
        raise ValidationError(_("Controleer de gegevens van het artikel."), errors)
    assert group is not None
    return cleaned, group


def _guard_sale(session: Session, item: TaggedItem) -> None:
    """Refuse te koop / verkocht for an electrical item without a passed latest test."""
    if item.status not in SALE_STATUSES or not item.electrical:
        return
    reason = sale_block_reason(session, item.id or 0, item.item_number, True)
    if reason is not None:
        raise SaleBlockedError(reason, item.id or 0, item.item_number)


def _apply(item: TaggedItem, data: ItemInput, group: ProductGroup) -> list[str]:
    electrical = group.electrical if data.electrical is None else data.electrical
    sold = (data.sold_date or item.sold_date or dt.date.today()) if data.status == "verkocht" \
        else None
    values = {
        "item_number": data.item_number,
        "product_group_id": group.id,
        "description": data.description,
        "brand": data.brand,
        "model": data.model,
        "serial_number": data.serial_number,
        "intake_date": data.intake_date,
        "price_cents": data.price_cents,
        "status": data.status,
        "electrical": electrical,
        "sold_date": sold,
    }
    changed = []
    for name, value in values.items():
        if getattr(item, name) != value:
            setattr(item, name, value)
            changed.append("product_group" if name == "product_group_id" else name)
    return changed


def _changed(session: Session, item: TaggedItem | None) -> ItemChangedError:
    """The refusal, naming who saved ``item`` in between (None: found while writing)."""
    last = last_save(session, item)
    if last is not None:
        return ItemChangedError(_("Dit artikel is intussen gewijzigd door {user} ({when}). Open "
                                  "het artikel opnieuw en breng uw wijziging nog eens aan.",
                                  user=last.username, when=last.when), **last.facts())
    return ItemChangedError(_("Dit artikel is intussen door iemand anders gewijzigd. Open het "
                              "artikel opnieuw en breng uw wijziging nog eens aan."))


@requires(Permission.REGISTER_GOODS)
def create_item(session: Session, actor: Actor, data: ItemInput) -> ItemDetail:
    """Register an item; an empty number gets the next free ``A-NNNNNN``."""
    cleaned, group = _validate(session, data, None)
    if not cleaned.item_number:
        cleaned = replace(cleaned, item_number=_next_number(session))
    item = TaggedItem()
    _apply(item, cleaned, group)
    _guard_sale(session, item)
    item.updated_by_id = actor.user_id
    session.add(item)
    session.flush()
    stored = [name for name in ("item_number", "description", "brand", "model",
                                "serial_number", "intake_date", "price_cents", "status",
                                "electrical", "sold_date") if getattr(item, name) is not None]
    audit.record(session, actor, "create", "tagged_items", item.id, [*stored, "product_group"])
    return _detail(session, actor, item)


def _save(session: Session, actor: Actor, item: TaggedItem, changed: list[str]) -> None:
    if not changed:
        return
    # Only a change into te koop / verkocht (or to electrical) is checked: an item that is
    # for sale keeps its other details editable.
    if {"status", "electrical"} & set(changed):
        _guard_sale(session, item)
    item.updated_by_id = actor.user_id
    try:
        session.flush()
    except StaleDataError as exc:
        raise _changed(session, None) from exc
    audit.record(session, actor, "update", "tagged_items", item.id, changed)


@requires(Permission.REGISTER_GOODS)
def update_item(session: Session, actor: Actor, item_id: int, data: ItemInput,
                expected_version: int) -> ItemDetail:
    """Save a changed item, if nobody else saved it since ``expected_version``."""
    item = get_item_row(session, item_id)
    if item.version != expected_version:
        raise _changed(session, item)
    cleaned, group = _validate(session, data, item)
    if not cleaned.item_number:
        cleaned = replace(cleaned, item_number=item.item_number)
    _save(session, actor, item, _apply(item, cleaned, group))
    return _detail(session, actor, item)


@requires(Permission.REGISTER_GOODS)
def set_status(
    session: Session,
    actor: Actor,
    item_id: int,
    status: str,
    *,
    price_cents: int | None = None,
    sold_date: dt.date | None = None,
    expected_version: int | None = None,
) -> ItemDetail:
    """Change the status (and the price, when given; the day of sale for ``verkocht``).
    Refuses te koop / verkocht for an electrical item without a passed latest test."""
    item = get_item_row(session, item_id)
    if expected_version is not None and item.version != expected_version:
        raise _changed(session, item)
    group = session.get(ProductGroup, item.product_group_id)
    assert group is not None
    data = ItemInput(
        product_group=group.code, description=item.description,
        intake_date=item.intake_date, item_number=item.item_number, brand=item.brand,
        model=item.model, serial_number=item.serial_number,
        price_cents=price_cents if price_cents is not None else item.price_cents,
        status=status, electrical=item.electrical, sold_date=sold_date,
    )
    cleaned, errors = check_item_input(data)
    if errors:
        raise ValidationError(_("De status kan niet worden gewijzigd."), errors)
    if cleaned.status in SALE_STATUSES and item.electrical:
        reason = sale_block_reason(session, item.id, item.item_number, True)
        if reason is not None:
            raise SaleBlockedError(reason, item.id, item.item_number)
    _save(session, actor, item, _apply(item, cleaned, group))
    return _detail(session, actor, item)
