"""Tagged items: numbering, validation, the scan, the list with its filters and sorting, and
saving over someone else's change."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import insert, select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import AuditEntry, ProductGroup, TaggedItem
from kringloopdesk.errors import ValidationError
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.items import (
    ItemChangedError,
    ItemFilter,
    ItemInput,
    ItemSort,
    count_items,
    create_item,
    find_item,
    format_price,
    list_items,
    next_item_number,
    parse_price,
    update_item,
)
from kringloopdesk.services.safety import SafetyInput, record_test

TODAY = dt.date.today()


def add(db: Database, actor: Actor, **values):
    data = dict(product_group="klein_elektrisch", description="Waterkoker", intake_date=TODAY)
    data.update(values)
    with db.session() as session:
        return create_item(session, actor, ItemInput(**data))


def test_numbers_follow_the_shops_scheme(shop_db: Database, invoer: Actor) -> None:
    first = add(shop_db, invoer)
    assert first.item_number == "A-000001"
    assert first.electrical  # from the product group
    assert add(shop_db, invoer, product_group="meubels", description="Kast").electrical is False
    # Numbers typed by hand: the next free number skips past them.
    add(shop_db, invoer, item_number="A-000041")
    add(shop_db, invoer, item_number="A-12AB34")
    add(shop_db, invoer, item_number="KL-77")
    assert add(shop_db, invoer).item_number == "A-000042"
    with shop_db.read_session() as session:
        assert next_item_number(session, invoer) == "A-000043"
    with pytest.raises(ValidationError) as taken:
        add(shop_db, invoer, item_number="a-000041")
    assert taken.value.field_errors == {
        "item_number": "Het artikelnummer a-000041 is al in gebruik"}
    with shop_db.read_session() as session:
        entry = session.scalars(select(AuditEntry).where(
            AuditEntry.entity == "tagged_items")).first()
        assert entry is not None and entry.action == "create"
        assert "item_number" in (entry.fields or "")


def test_input_is_checked_field_by_field(shop_db: Database, invoer: Actor) -> None:
    with pytest.raises(ValidationError) as refused:
        add(shop_db, invoer, item_number="A 12", description="  ", product_group="raketten",
            intake_date=TODAY + dt.timedelta(days=1), status="te_koop", brand="x" * 101)
    errors = refused.value.field_errors
    assert set(errors) == {"item_number", "description", "product_group", "intake_date",
                           "price", "brand"}
    assert errors["product_group"] == "Onbekende productgroep 'raketten'"
    assert errors["price"] == "Een artikel dat te koop staat of verkocht is, heeft een prijs"


def test_prices_are_typed_as_euros() -> None:
    assert parse_price("12,50") == 1250
    assert parse_price("€ 7") == 700
    assert parse_price("0.5") == 50
    assert parse_price(" ") is None
    for bad in ("12,505", "1.250,00", "-3", "tien"):
        with pytest.raises(ValueError):
            parse_price(bad)
    assert format_price(123456) == "€ 1.234,56"


def test_a_scanner_finds_the_item(shop_db: Database, invoer: Actor) -> None:
    for _n in range(3):
        add(shop_db, invoer)
    add(shop_db, invoer, item_number="kl-2025-7")
    with shop_db.read_session() as session:
        assert find_item(session, invoer, "A-000002").item_number == "A-000002"
        assert find_item(session, invoer, " a000003\n").item_number == "A-000003"
        assert find_item(session, invoer, "A-3").item_number == "A-000003"
        assert find_item(session, invoer, "KL-2025-7").item_number == "kl-2025-7"
        assert find_item(session, invoer, "A-000009") is None
        assert find_item(session, invoer, "") is None


def test_the_list_filters_and_sorts_in_the_database(shop_db: Database, invoer: Actor) -> None:
    kettle = add(shop_db, invoer, brand="Philips", serial_number="SN-4711")
    add(shop_db, invoer, product_group="meubels", description="Eikenhouten eettafel",
        status="te_koop", price_cents=8500)
    add(shop_db, invoer, product_group="ict_elektronica", description="Laptop", brand="Dell",
        model="Latitude E7450")
    passed = add(shop_db, invoer, description="Föhn", brand="Braun")
    with shop_db.session() as session:
        record_test(session, invoer, passed.id, SafetyInput(
            TODAY, "II", True, True, insulation_mohm=Decimal(50), touch_current_ma=Decimal(0)))

    def numbers(flt: ItemFilter | None = None, sort: ItemSort | None = None):
        flt, sort = flt or ItemFilter(), sort or ItemSort()
        with shop_db.read_session() as session:
            rows = list_items(session, invoer, flt, sort)
            assert count_items(session, invoer, flt) == len(rows)
            return [row.item_number for row in rows]

    assert numbers() == ["A-000001", "A-000002", "A-000003", "A-000004"]
    assert numbers(ItemFilter(search="fohn")) == ["A-000004"]  # accents ignored
    assert numbers(ItemFilter(search="4711")) == [kettle.item_number]  # serial number
    assert numbers(ItemFilter(search="dell e7450")) == ["A-000003"]  # brand and model
    assert numbers(ItemFilter(product_group="meubels")) == ["A-000002"]
    assert numbers(ItemFilter(status="te_koop")) == ["A-000002"]
    # Electrical without a passed test: the kettle and the laptop, not the föhn or the table.
    assert numbers(ItemFilter(untested=True)) == ["A-000001", "A-000003"]
    assert numbers(sort=ItemSort("description")) == [
        "A-000002", "A-000004", "A-000003", "A-000001"]
    assert numbers(sort=ItemSort("price", descending=True))[0] == "A-000002"
    with shop_db.read_session() as session:
        rows = {r.item_number: r for r in list_items(session, invoer)}
    assert rows["A-000004"].test_state == "goed" and rows["A-000004"].test_date == TODAY
    assert rows["A-000001"].test_state == "geen"
    assert rows["A-000002"].test_state == "n.v.t."


def test_a_long_list_is_read_in_windows(shop_db: Database, invoer: Actor) -> None:
    with shop_db.session() as session:
        group = session.scalar(select(ProductGroup.id).where(ProductGroup.code == "meubels"))
        session.execute(insert(TaggedItem), [
            {"item_number": f"A-{n:06d}", "product_group_id": group, "description": "Stoel",
             "intake_date": TODAY, "status": "in_behandeling", "electrical": False}
            for n in range(1, 451)])
    with shop_db.read_session() as session:
        window = list_items(session, invoer, offset=200, limit=200)
        assert window[0].item_number == "A-000201" and len(window) == 200
        assert count_items(session, invoer) == 450
        assert next_item_number(session, invoer) == "A-000451"


def test_saving_over_someone_elses_change_is_refused(shop_db: Database, invoer: Actor,
                                                    beheerder: Actor) -> None:
    item = add(shop_db, invoer)
    with shop_db.session() as session:
        changed = update_item(session, beheerder, item.id,
                              ItemInput(**{**item.as_input().__dict__, "brand": "Bosch"}),
                              item.version)
    assert changed.brand == "Bosch" and changed.version == item.version + 1
    with pytest.raises(ItemChangedError, match="gewijzigd door beheer"), \
            shop_db.session() as session:
        update_item(session, invoer, item.id,
                    ItemInput(**{**item.as_input().__dict__, "brand": "Tefal"}), item.version)
