"""Electrical safety tests: the pass rule with the limits from the settings, and the sale rule
that hangs on it — an electrical item is sold only after a passed latest test."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import AuditEntry, SafetyTest
from kringloopdesk.errors import ValidationError
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.items import (
    ItemInput,
    SaleBlockedError,
    create_item,
    get_item,
    set_status,
)
from kringloopdesk.services.safety import (
    SafetyInput,
    current_limits,
    evaluate,
    list_tests,
    parse_measurement,
    record_test,
)
from kringloopdesk.services.settings import set_setting

D = dt.date
TODAY = dt.date.today()
LIMITS_DEFAULT = dict(pe_max_ohm=Decimal("0.3"), insulation_min_mohm_class1=Decimal(1),
                      insulation_min_mohm_class2=Decimal(2), pe_current_max_ma=Decimal("3.5"),
                      touch_current_max_ma=Decimal("0.5"))


def class_one(**changes) -> SafetyInput:
    values = dict(test_date=TODAY, protection_class="I", visual_ok=True, functional_ok=True,
                  pe_resistance_ohm=Decimal("0.12"), insulation_mohm=Decimal("250"),
                  leakage_current_ma=Decimal("0.4"), instrument="Benning ST 755+")
    values.update(changes)
    return SafetyInput(**values)


def class_two(**changes) -> SafetyInput:
    values = dict(test_date=TODAY, protection_class="II", visual_ok=True, functional_ok=True,
                  insulation_mohm=Decimal("120"), touch_current_ma=Decimal("0.05"))
    values.update(changes)
    return SafetyInput(**values)


def new_item(db: Database, actor: Actor, group: str = "klein_elektrisch", **changes) -> int:
    values = dict(product_group=group, description="Waterkoker", intake_date=TODAY,
                  brand="Philips")
    values.update(changes)
    with db.session() as session:
        return create_item(session, actor, ItemInput(**values)).id


def record(db: Database, actor: Actor, item_id: int, data: SafetyInput):
    with db.session() as session:
        return record_test(session, actor, item_id, data)


def sell(db: Database, actor: Actor, item_id: int, status: str = "verkocht"):
    with db.session() as session:
        return set_status(session, actor, item_id, status, price_cents=750)


# -- the pass rule ----------------------------------------------------------------------------


def test_the_limits_come_from_the_settings(shop_db: Database, beheerder: Actor) -> None:
    with shop_db.read_session() as session:
        limits = current_limits(session)
    assert limits.pe_max_ohm == Decimal("0.3")
    assert limits.insulation_min("I") == Decimal(1)
    assert limits.insulation_min("II") == Decimal(2)
    with shop_db.session() as session:
        set_setting(session, beheerder, "safety_pe_max_ohm", "0.1")
    with shop_db.read_session() as session:
        limits = current_limits(session)
    assert limits.pe_max_ohm == Decimal("0.1")
    assert not evaluate(class_one(), limits).passed  # 0.12 Ω is now too much


def limits():
    from kringloopdesk.services.safety import SafetyLimits

    return SafetyLimits(**LIMITS_DEFAULT)


def test_class_one_needs_earth_insulation_and_leakage_within_limits() -> None:
    assert evaluate(class_one(), limits()).passed
    # On the limit is still good.
    assert evaluate(class_one(pe_resistance_ohm=Decimal("0.3"), insulation_mohm=Decimal(1),
                              leakage_current_ma=Decimal("3.5")), limits()).passed
    verdict = evaluate(class_one(pe_resistance_ohm=Decimal("0.301")), limits())
    assert not verdict.passed
    assert verdict.failures == {"pe_resistance_ohm": "Te hoog: 0,301 Ω, hoogstens 0,3 Ω"}
    assert set(evaluate(class_one(insulation_mohm=Decimal("0.999")), limits()).failures) == {
        "insulation_mohm"}
    assert set(evaluate(class_one(leakage_current_ma=Decimal("3.6")), limits()).failures) == {
        "leakage_current_ma"}
    missing = evaluate(class_one(pe_resistance_ohm=None, leakage_current_ma=None), limits())
    assert not missing.passed
    assert set(missing.missing) == {"pe_resistance_ohm", "leakage_current_ma"}


def test_class_two_needs_double_insulation_and_touch_current() -> None:
    assert evaluate(class_two(), limits()).passed
    # Class II needs 2 MΩ: what passes class I fails here.
    verdict = evaluate(class_two(insulation_mohm=Decimal("1.5")), limits())
    assert verdict.failures == {"insulation_mohm": "Te laag: 1,5 MΩ, minstens 2 MΩ"}
    assert set(evaluate(class_two(touch_current_ma=Decimal("0.51")), limits()).failures) == {
        "touch_current_ma"}
    # No protective conductor to measure: not required for class II.
    assert not evaluate(class_two(), limits()).missing
    assert set(evaluate(class_two(touch_current_ma=None), limits()).missing) == {
        "touch_current_ma"}


def test_a_measured_value_always_counts_and_inspections_must_be_ok() -> None:
    # A touch current measured on a class I appliance is held to its limit too.
    assert set(evaluate(class_one(touch_current_ma=Decimal("0.8")), limits()).failures) == {
        "touch_current_ma"}
    assert set(evaluate(class_one(visual_ok=False), limits()).failures) == {"visual_ok"}
    assert set(evaluate(class_two(functional_ok=False), limits()).failures) == {
        "functional_ok"}


def test_measurements_are_typed_with_a_decimal_comma() -> None:
    assert parse_measurement("0,25") == Decimal("0.25")
    assert parse_measurement(" 2.5 ") == Decimal("2.5")
    assert parse_measurement("") is None
    for bad in ("1,2,3", "abc", "-1", "0,0001", "nan"):
        with pytest.raises(ValueError):
            parse_measurement(bad)


# -- recording, and the sale rule ---------------------------------------------------------------


def test_selling_an_untested_electrical_item_is_refused(shop_db: Database, invoer: Actor
                                                        ) -> None:
    item_id = new_item(shop_db, invoer)
    for status in ("te_koop", "verkocht"):
        with pytest.raises(SaleBlockedError) as refused:
            sell(shop_db, invoer, item_id, status)
        assert "Dit elektrische apparaat heeft nog geen goedgekeurde veiligheidstest" in (
            refused.value.message)
        assert "Leg eerst een veiligheidstest vast" in refused.value.message
        assert refused.value.item_id == item_id
    with shop_db.read_session() as session:
        item = get_item(session, invoer, item_id)
    assert item.status == "in_behandeling" and item.sold_date is None
    assert item.sale_block is not None and item.test_state == "geen"
    # Registering it straight away as te koop is refused the same way.
    with pytest.raises(SaleBlockedError):
        new_item(shop_db, invoer, status="te_koop", price_cents=500)


def test_after_a_failed_test_the_sale_is_refused(shop_db: Database, invoer: Actor) -> None:
    item_id = new_item(shop_db, invoer)
    recorded = record(shop_db, invoer, item_id, class_one(pe_resistance_ohm=Decimal("0.9")))
    assert not recorded.test.passed and not recorded.withdrawn_from_sale
    with pytest.raises(SaleBlockedError) as refused:
        sell(shop_db, invoer, item_id)
    assert "is afgekeurd" in refused.value.message
    assert "leg een nieuwe veiligheidstest vast" in refused.value.message


def test_after_a_passed_test_the_sale_is_allowed(shop_db: Database, invoer: Actor) -> None:
    item_id = new_item(shop_db, invoer)
    record(shop_db, invoer, item_id, class_one(test_date=TODAY - dt.timedelta(days=2),
                                             visual_ok=False))
    recorded = record(shop_db, invoer, item_id, class_one(test_date=TODAY - dt.timedelta(days=1)))
    assert recorded.test.passed and recorded.test.tester_name == "Ria de Vrijwilliger"
    for_sale = sell(shop_db, invoer, item_id, "te_koop")
    assert for_sale.status == "te_koop" and for_sale.price_cents == 750
    sold = sell(shop_db, invoer, item_id)
    assert sold.status == "verkocht" and sold.sold_date == TODAY
    assert sold.latest_test is not None and sold.latest_test.passed
    with shop_db.read_session() as session:
        stored = session.scalars(select(SafetyTest).order_by(SafetyTest.test_date)).all()
        assert [t.passed for t in stored] == [False, True]
        assert stored[1].pe_resistance_ohm == Decimal("0.12")
        assert [t.passed for t in list_tests(session, invoer, item_id)] == [True, False]


def test_a_later_failed_test_blocks_again(shop_db: Database, invoer: Actor) -> None:
    item_id = new_item(shop_db, invoer)
    record(shop_db, invoer, item_id, class_two(test_date=TODAY - dt.timedelta(days=10)))
    assert sell(shop_db, invoer, item_id, "te_koop").status == "te_koop"
    recorded = record(shop_db, invoer, item_id, class_two(touch_current_ma=Decimal("0.7")))
    assert not recorded.test.passed
    # A te koop item that fails is taken off the shop floor.
    assert recorded.withdrawn_from_sale
    with shop_db.read_session() as session:
        assert get_item(session, invoer, item_id).status == "in_behandeling"
        entries = session.scalars(select(AuditEntry).where(
            AuditEntry.entity == "tagged_items", AuditEntry.action == "update")).all()
        assert entries[-1].summary == "veiligheidstest afgekeurd"
    with pytest.raises(SaleBlockedError):
        sell(shop_db, invoer, item_id, "te_koop")
    # An earlier passed test recorded afterwards does not count: the latest by date does.
    record(shop_db, invoer, item_id, class_two(test_date=TODAY - dt.timedelta(days=5)))
    with pytest.raises(SaleBlockedError):
        sell(shop_db, invoer, item_id)


def test_a_non_electrical_item_is_sold_without_a_test(shop_db: Database, invoer: Actor
                                                     ) -> None:
    item_id = new_item(shop_db, invoer, group="meubels", description="Eikenhouten eettafel",
                       brand=None)
    sold = sell(shop_db, invoer, item_id)
    assert sold.status == "verkocht" and not sold.electrical and sold.sale_block is None
    # A lamp among the kleingoed is electrical because the user says so: then it needs one.
    lamp = new_item(shop_db, invoer, group="kleingoed", description="Staande lamp",
                    electrical=True)
    with pytest.raises(SaleBlockedError):
        sell(shop_db, invoer, lamp)


def test_a_test_with_a_required_value_missing_is_not_stored(shop_db: Database, invoer: Actor
                                                          ) -> None:
    item_id = new_item(shop_db, invoer)
    with pytest.raises(ValidationError) as refused:
        record(shop_db, invoer, item_id, class_one(leakage_current_ma=None,
                                                 test_date=TODAY + dt.timedelta(days=1)))
    assert refused.value.field_errors == {"leakage_current_ma": "Verplicht bij klasse I",
                                          "test_date": "Ligt in de toekomst"}
    table = new_item(shop_db, invoer, group="meubels", description="Tafel")
    with pytest.raises(Exception, match="niet als elektrisch apparaat"):
        record(shop_db, invoer, table, class_two())
    with shop_db.read_session() as session:
        assert session.scalars(select(SafetyTest)).all() == []
