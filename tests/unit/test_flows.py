"""Weighed goods flows: the weegpost's rules, audit and undo, the Stromen list and the Balans."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import AuditEntry, GoodsFlow, ProductGroup
from kringloopdesk.errors import PermissionDeniedError, ValidationError
from kringloopdesk.services import flows
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.flows import FlowFilter, FlowInput, FlowSort

D = dt.date
TODAY = dt.date.today()


def group_ids(db: Database) -> dict[str, int]:
    with db.read_session() as session:
        return dict(session.execute(select(ProductGroup.code, ProductGroup.id)).all())


def book(db: Database, actor: Actor, day: dt.date, direction: str, group: int,
         kg: str | Decimal, channel: str, note: str | None = None) -> flows.FlowRow:
    with db.session() as session:
        return flows.record_flow(session, actor,
                                 FlowInput(day, direction, group, kg, channel, note))


def refusal(db: Database, actor: Actor, data: FlowInput) -> ValidationError:
    with pytest.raises(ValidationError) as caught, db.session() as session:
        flows.record_flow(session, actor, data)
    return caught.value


def audit_entries(db: Database) -> list[tuple[str, int, list[str]]]:
    with db.read_session() as session:
        return [(e.action, e.entity_id, json.loads(e.fields or "[]"))
                for e in session.scalars(select(AuditEntry)
                                         .where(AuditEntry.entity == "goods_flows")
                                         .order_by(AuditEntry.id))]


def test_a_weighing_is_stored_exactly_and_audited(shop_db: Database, invoer: Actor) -> None:
    groups = group_ids(shop_db)
    row = book(shop_db, invoer, TODAY, "in", groups["meubels"], "12,345", "brengen", " bank ")
    assert row.kg == Decimal("12.345")
    assert row.product_group == "Meubels"
    assert row.created_by == "Ria de Vrijwilliger"
    assert row.note == "bank"
    assert row.channel_label == "Gebracht"
    with shop_db.read_session() as session:
        stored = session.scalars(select(GoodsFlow)).one()
        grams = session.execute(text("SELECT weight_g FROM goods_flows")).scalar_one()
    assert stored.kg == Decimal("12.345") and grams == 12345
    assert audit_entries(shop_db) == [
        ("create", row.id, sorted(["flow_date", "direction", "product_group_id", "kg",
                                   "channel", "note"]))]


@pytest.mark.parametrize(("kg", "message"), [
    ("", "Typ het gewicht in kg, bijvoorbeeld 12,5"),
    ("twaalf", "Typ het gewicht in kg, bijvoorbeeld 12,5"),
    ("1,2,3", "Typ het gewicht in kg, bijvoorbeeld 12,5"),
    ("0", "Het gewicht moet meer dan 0 kg zijn"),
    ("-3", "Het gewicht moet meer dan 0 kg zijn"),
    ("1,2345", "Hoogstens 3 decimalen (hele grammen), bijvoorbeeld 12,345"),
])
def test_a_bad_weight_is_refused_in_dutch(shop_db: Database, invoer: Actor, kg: str,
                                          message: str) -> None:
    error = refusal(shop_db, invoer, FlowInput(TODAY, "in", group_ids(shop_db)["textiel"], kg,
                                               "brengen"))
    assert error.field_errors == {"kg": message}
    assert error.message == f"{message}. Er is niets opgeslagen."


def test_what_a_scale_types_is_understood() -> None:
    assert flows.parse_kg(" 12.50 kg") == Decimal("12.50")
    assert flows.parse_kg("0012,5") == Decimal("12.5")
    assert flows.parse_kg("7") == Decimal(7)
    assert flows.parse_kg("") is None


def test_date_channel_and_group_are_checked(shop_db: Database, invoer: Actor) -> None:
    groups = group_ids(shop_db)
    tomorrow = TODAY + dt.timedelta(days=1)
    error = refusal(shop_db, invoer, FlowInput(tomorrow, "in", groups["textiel"], "1",
                                               "recycling"))
    assert error.field_errors["flow_date"] == "De datum ligt in de toekomst"
    assert error.field_errors["channel"].startswith("Kies een herkomst: Gebracht, ")
    error = refusal(shop_db, invoer, FlowInput(TODAY, "uit", groups["textiel"], "1",
                                               "brengen"))
    assert error.field_errors == {"channel": "Kies een bestemming: Hergebruik (winkel), "
                                             "Hergebruik (online), Recycling, Restafval, "
                                             "Export"}
    error = refusal(shop_db, invoer, FlowInput(TODAY, "weg", groups["textiel"], "1", "x"))
    assert set(error.field_errors) == {"direction"}
    with shop_db.session() as session:
        session.get(ProductGroup, groups["fietsen"]).active = False
    error = refusal(shop_db, invoer, FlowInput(TODAY, "in", groups["fietsen"], "1",
                                               "brengen"))
    assert error.field_errors == {
        "product_group_id": "De productgroep 'Fietsen' is niet meer in gebruik"}
    with shop_db.read_session() as session:
        assert session.scalars(select(GoodsFlow)).all() == []


def test_every_role_registers_goods_and_nobody_else(shop_db: Database, beheerder: Actor,
                                                    begeleider: Actor, invoer: Actor) -> None:
    group = group_ids(shop_db)["kleingoed"]
    for actor in (beheerder, begeleider, invoer):
        book(shop_db, actor, TODAY, "in", group, "1", "brengen")
    stranger = Actor(99, "x", "X", "bezoeker")
    with pytest.raises(PermissionDeniedError), shop_db.session() as session:
        flows.record_flow(session, stranger, FlowInput(TODAY, "in", group, "1", "brengen"))


def test_update_and_delete_are_audited_and_refuse_a_stale_version(
    shop_db: Database, invoer: Actor, begeleider: Actor
) -> None:
    groups = group_ids(shop_db)
    row = book(shop_db, invoer, TODAY, "in", groups["meubels"], "40", "ophalen")
    with shop_db.session() as session:
        changed = flows.update_flow(
            session, begeleider, row.id,
            FlowInput(TODAY, "uit", groups["meubels"], "40", "hergebruik"), row.version)
    assert (changed.direction, changed.channel, changed.version) == ("uit", "hergebruik", 2)
    with pytest.raises(flows.FlowChangedError), shop_db.session() as session:
        flows.update_flow(session, invoer, row.id,
                          FlowInput(TODAY, "in", groups["meubels"], "41", "brengen"),
                          row.version)
    with pytest.raises(flows.FlowChangedError), shop_db.session() as session:
        flows.delete_flow(session, invoer, row.id, row.version)
    with shop_db.session() as session:
        gone = flows.delete_flow(session, invoer, row.id, changed.version)
    assert gone.kg == Decimal("40.000")
    assert audit_entries(shop_db) == [
        ("create", row.id, ["channel", "direction", "flow_date", "kg", "product_group_id"]),
        ("update", row.id, ["channel", "direction"]),
        ("delete", row.id, ["kg"]),
    ]


def test_undo_deletes_only_my_own_last_weighing_of_today(
    shop_db: Database, invoer: Actor, begeleider: Actor
) -> None:
    groups = group_ids(shop_db)
    yesterday = TODAY - dt.timedelta(days=1)
    old = book(shop_db, invoer, yesterday, "in", groups["textiel"], "5", "brengen")
    first = book(shop_db, invoer, TODAY, "in", groups["textiel"], "6", "brengen")
    mine = book(shop_db, invoer, TODAY, "uit", groups["boeken_media"], "7", "recycling")
    other = book(shop_db, begeleider, TODAY, "in", groups["speelgoed"], "8", "brengen")
    with shop_db.session() as session:
        assert flows.undo_last_flow(session, invoer) == mine
    with shop_db.session() as session:
        assert flows.undo_last_flow(session, invoer) == first
    with shop_db.session() as session:
        assert flows.undo_last_flow(session, invoer) is None
    with shop_db.read_session() as session:
        left = set(session.scalars(select(GoodsFlow.id)))
    assert left == {old.id, other.id}


def test_the_day_lists_one_direction_with_exact_totals_per_group(
    shop_db: Database, invoer: Actor
) -> None:
    groups = group_ids(shop_db)
    for kg in ("0,1", "0,2", "0,001"):
        book(shop_db, invoer, TODAY, "in", groups["textiel"], kg, "brengen")
    book(shop_db, invoer, TODAY, "in", groups["meubels"], "30", "ophalen")
    book(shop_db, invoer, TODAY, "uit", groups["meubels"], "12", "hergebruik")
    book(shop_db, invoer, TODAY - dt.timedelta(days=1), "in", groups["meubels"], "9", "brengen")
    with shop_db.read_session() as session:
        day = flows.day_flows(session, invoer, "in")
    assert [e.kg for e in day.entries] == [Decimal("30"), Decimal("0.001"), Decimal("0.2"),
                                           Decimal("0.1")]
    assert [(t.product_group, t.entries, t.kg) for t in day.totals] == [
        ("Meubels", 1, Decimal("30.000")), ("Textiel", 3, Decimal("0.301"))]
    assert day.kg == Decimal("30.301")


@pytest.fixture
def listed(shop_db: Database, invoer: Actor, begeleider: Actor) -> dict[str, int]:
    g = group_ids(shop_db)
    rows = [
        (invoer, D(2025, 1, 10), "in", g["meubels"], "100", "ophalen", "bankstel zolder"),
        (invoer, D(2025, 1, 11), "in", g["textiel"], "20,5", "brengen", None),
        (begeleider, D(2025, 2, 1), "uit", g["meubels"], "60", "hergebruik", None),
        (invoer, D(2025, 2, 2), "uit", g["textiel"], "5", "recycling", "Zolder-vondst 50%"),
        (begeleider, D(2025, 3, 3), "uit", g["meubels"], "70", "restafval", None),
    ]
    ids = {}
    for n, (actor, day, direction, group, kg, channel, note) in enumerate(rows):
        ids[n] = book(shop_db, actor, day, direction, group, kg, channel, note).id
    return ids


def query(db: Database, actor: Actor, flt: FlowFilter | None = None,
          sort: FlowSort | None = None, offset: int = 0, limit: int = 200) -> list[int]:
    with db.read_session() as session:
        return [r.id for r in flows.list_flows(session, actor, flt or FlowFilter(),
                                               sort or FlowSort(), offset=offset,
                                               limit=limit)]


def count(db: Database, actor: Actor, flt: FlowFilter) -> int:
    with db.read_session() as session:
        return flows.count_flows(session, actor, flt)


def test_the_list_filters_in_the_database(shop_db: Database, invoer: Actor,
                                          listed: dict[str, int]) -> None:
    meubels = group_ids(shop_db)["meubels"]
    cases = {
        FlowFilter(): [4, 3, 2, 1, 0],
        FlowFilter(start=D(2025, 1, 11), end=D(2025, 2, 1)): [2, 1],
        FlowFilter(product_group_id=meubels): [4, 2, 0],
        FlowFilter(direction="uit", channel="recycling"): [3],
        FlowFilter(channel="recycling"): [3],
        FlowFilter(direction="in", channel="recycling"): [],  # a channel of the other way
        FlowFilter(direction="in"): [1, 0],
        FlowFilter(text="ZOLDER"): [3, 0],
        FlowFilter(text="50%"): [3],
        FlowFilter(text="_"): [],
        FlowFilter(product_group_id=meubels, start=D(2025, 2, 1), end=D(2025, 12, 31)): [4, 2],
    }
    for flt, expected in cases.items():
        assert query(shop_db, invoer, flt) == [listed[n] for n in expected], flt
        assert count(shop_db, invoer, flt) == len(expected), flt


@pytest.mark.parametrize(("column", "ascending"), [
    ("flow_date", [0, 1, 2, 3, 4]),
    ("direction", [0, 1, 2, 3, 4]),
    ("product_group", [0, 2, 4, 1, 3]),
    ("kg", [3, 1, 2, 4, 0]),
    ("channel", [1, 2, 0, 3, 4]),
    ("note", [0, 3, 1, 2, 4]),
    ("created_by", [2, 4, 0, 1, 3]),
])
def test_the_list_sorts_on_every_column(shop_db: Database, invoer: Actor,
                                        listed: dict[str, int], column: str,
                                        ascending: list[int]) -> None:
    assert query(shop_db, invoer, sort=FlowSort(column, False)) == [listed[n] for n in ascending]
    assert query(shop_db, invoer, sort=FlowSort(column, True)) == [
        listed[n] for n in reversed(ascending)]


def test_the_list_comes_in_windows_without_overlap(shop_db: Database, invoer: Actor,
                                                   listed: dict[str, int]) -> None:
    windows = [query(shop_db, invoer, sort=FlowSort("kg", True), offset=o, limit=2)
               for o in (0, 2, 4)]
    assert [len(w) for w in windows] == [2, 2, 1]
    assert sorted(i for window in windows for i in window) == sorted(listed.values())


def test_balance_per_month_with_opening_stock_and_a_warning(
    shop_db: Database, invoer: Actor
) -> None:
    g = group_ids(shop_db)
    book(shop_db, invoer, D(2024, 12, 30), "in", g["meubels"], "10,001", "brengen")
    book(shop_db, invoer, D(2024, 12, 31), "uit", g["meubels"], "4", "recycling")
    book(shop_db, invoer, D(2025, 1, 5), "in", g["meubels"], "0,1", "ophalen")
    book(shop_db, invoer, D(2025, 1, 6), "in", g["meubels"], "0,2", "brengen")
    book(shop_db, invoer, D(2025, 1, 7), "uit", g["meubels"], "3", "hergebruik")
    book(shop_db, invoer, D(2025, 2, 7), "uit", g["meubels"], "3,302", "hergebruik_online")
    book(shop_db, invoer, D(2025, 2, 8), "uit", g["meubels"], "0,5", "export")
    book(shop_db, invoer, D(2025, 2, 9), "in", g["textiel"], "8", "brengen")
    with shop_db.read_session() as session:
        result = flows.balance(session, invoer, "month", 2025, g["meubels"])
    assert [p.label for p in result.periods] == [
        "januari 2025", "februari 2025", "maart 2025", "april 2025", "mei 2025", "juni 2025",
        "juli 2025", "augustus 2025", "september 2025", "oktober 2025", "november 2025",
        "december 2025"][:len(result.periods)]
    january, february, march = result.periods[:3]
    assert january.total.opening == Decimal("6.001")
    assert january.total.kg_in == Decimal("0.300")
    assert january.total.kg_out == (Decimal("3.000"), Decimal(0), Decimal(0), Decimal(0),
                                    Decimal(0))
    assert january.total.change == Decimal("-2.700")
    assert january.total.closing == Decimal("3.301")
    assert not january.warning
    assert february.total.opening == Decimal("3.301")
    assert february.total.out_total == Decimal("3.802")
    assert february.total.closing == Decimal("-0.501")
    assert february.warning and february.total.shortfall == Decimal("0.501")
    assert march.total.opening == Decimal("-0.501") and not march.warning
    assert result.warnings == 1

    with shop_db.read_session() as session:
        everything = flows.balance(session, invoer, "quarter", 2025)
    q1 = everything.periods[0]
    assert q1.label == "1e kwartaal 2025"
    assert q1.total.kg_in == Decimal("8.300")  # meubels 0,3 + textiel 8
    assert q1.total.opening == Decimal("6.001")
    # All groups together had enough (8 kg of textiel came in), but meubels did not.
    assert not q1.total.warning and q1.warning
    assert [g.product_group for g in q1.warning_groups] == ["Meubels"]

    with shop_db.read_session() as session:
        years = flows.balance(session, invoer, "year", 2025)
    assert [p.label for p in years.periods] == ["2024", "2025"]
    assert years.periods[0].total.closing == Decimal("6.001")
    assert years.periods[1].total.closing == Decimal("6.001") + Decimal("8.3") - Decimal(
        "6.802")


def test_balance_leaves_out_periods_that_have_not_begun(shop_db: Database,
                                                        invoer: Actor) -> None:
    with shop_db.read_session() as session:
        result = flows.balance(session, invoer, "month", 2025, today=D(2025, 4, 15))
        assert len(result.periods) == 4
        with pytest.raises(ValidationError):
            flows.balance(session, invoer, "week", 2025)
