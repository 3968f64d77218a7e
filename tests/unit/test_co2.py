"""CO2 factor sets: the shipped sets, new versions that never touch an old one, the default,
validation in Dutch, who may do what, and exports computed with the version asked for."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import AuditEntry, FactorSet, GoodsFlow, ProductGroup
from kringloopdesk.errors import PermissionDeniedError, UserError, ValidationError
from kringloopdesk.services import co2
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.figures import (
    FactorSetRef,
    Period,
    bkn_figures,
    default_factor_set,
    figure_map,
)

RESTART = {
    "meubels": Decimal("1.45"),
    "textiel": Decimal("13.5"),
    "witgoed": Decimal("3.0"),
    "klein_elektrisch": Decimal("2.8"),
    "ict_elektronica": Decimal("16.0"),
    "kleingoed": Decimal("8.9"),
    "boeken_media": Decimal("1.0"),
    "speelgoed": Decimal("5.5"),
    "fietsen": Decimal("5.0"),
    "overig": Decimal("8.9"),
}


def factors_of(db: Database, actor: Actor, ref: str) -> dict[str, Decimal]:
    with db.read_session() as session:
        return co2.get_factor_set(session, actor, ref).factors()


def write_version(db: Database, actor: Actor, code: str, changes: dict[str, str], **kw):
    with db.session() as session:
        current = co2.get_factor_set(session, actor, code)
        values: dict[str, object] = {c: f for c, f in current.factors().items()}
        values.update(changes)
        return co2.new_version(session, actor, code, values, **kw)


def test_the_two_shipped_sets_hold_the_numbers_of_domain_md(
    shop_db: Database, beheerder: Actor
) -> None:
    with shop_db.read_session() as session:
        sets = co2.list_factor_sets(session, beheerder)
    assert [(s.code, [v.version for v in s.versions], s.default_version) for s in sets] == [
        ("bkn_tno", [1], 1),
        ("restart_wrap", [1], None),
    ]
    assert factors_of(shop_db, beheerder, "bkn_tno@1") == {c: Decimal(1) for c in RESTART}
    assert factors_of(shop_db, beheerder, "restart_wrap@1") == RESTART
    with shop_db.read_session() as session:
        detail = co2.get_factor_set(session, beheerder, None)
    assert detail.label == "bkn_tno@1" and detail.is_default and detail.is_newest
    assert detail.source and "TNO" in detail.source
    assert detail.created_by is None  # shipped


def test_a_new_version_leaves_the_old_one_exactly_as_it_was(
    shop_db: Database, beheerder: Actor
) -> None:
    detail = write_version(
        shop_db, beheerder, "restart_wrap", {"meubels": "1,5", "textiel": "14.0"},
        source="Restart 2025, WRAP 2011",
    )
    assert detail.label == "restart_wrap@2" and detail.created_by == "Bea Beheer"
    assert detail.factors()["meubels"] == Decimal("1.5")
    assert detail.factors()["textiel"] == Decimal("14")
    assert detail.factors()["witgoed"] == Decimal("3")
    assert not detail.is_default  # restart_wrap was not the default, and is not now
    assert factors_of(shop_db, beheerder, "restart_wrap@1") == RESTART
    with shop_db.read_session() as session:
        old = co2.get_factor_set(session, beheerder, "restart_wrap@1")
        newest = co2.get_factor_set(session, beheerder, "restart_wrap")
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert old.source and "Restart" in old.source and not old.is_newest
    assert newest.version == 2 and newest.source == "Restart 2025, WRAP 2011"
    assert (entry.action, entry.entity, entry.entity_id) == ("create", "co2_factor_sets",
                                                              newest_id(shop_db, "restart_wrap", 2))
    assert json.loads(entry.fields) == ["meubels", "source", "textiel"]
    assert entry.username == "beheer"

    third = write_version(shop_db, beheerder, "restart_wrap", {"fietsen": "0"})
    assert third.version == 3 and third.factors()["fietsen"] == Decimal(0)
    assert factors_of(shop_db, beheerder, "restart_wrap@2")["fietsen"] == Decimal(5)


def newest_id(db: Database, code: str, version: int) -> int:
    with db.read_session() as session:
        return session.scalar(
            select(FactorSet.id).where(FactorSet.code == code, FactorSet.version == version)
        )


def test_a_new_version_of_the_default_set_becomes_the_default(
    shop_db: Database, beheerder: Actor
) -> None:
    write_version(shop_db, beheerder, "bkn_tno", {"textiel": "2"})
    with shop_db.read_session() as session:
        assert default_factor_set(session) == FactorSetRef("bkn_tno", 2)
        marked = session.scalar(select(func.count()).where(FactorSet.is_default))
    assert marked == 1

    # ... unless asked to keep the old one.
    write_version(shop_db, beheerder, "bkn_tno", {"textiel": "3"}, make_default=False)
    with shop_db.read_session() as session:
        assert default_factor_set(session) == FactorSetRef("bkn_tno", 2)


def test_set_default_by_label_or_code(shop_db: Database, beheerder: Actor) -> None:
    write_version(shop_db, beheerder, "restart_wrap", {"meubels": "2"})
    with shop_db.session() as session:
        assert co2.set_default(session, beheerder, "restart_wrap") == FactorSetRef(
            "restart_wrap", 2
        )
    with shop_db.read_session() as session:
        assert default_factor_set(session) == FactorSetRef("restart_wrap", 2)
        sets = {s.code: s.default_version for s in co2.list_factor_sets(session, beheerder)}
    assert sets == {"restart_wrap": 2, "bkn_tno": None}

    with shop_db.session() as session:
        co2.set_default(session, beheerder, FactorSetRef.parse("restart_wrap@1"))
    with shop_db.session() as session:
        co2.set_default(session, beheerder, "restart_wrap@1")  # already: nothing written
    with shop_db.read_session() as session:
        assert default_factor_set(session) == FactorSetRef("restart_wrap", 1)
        assert session.scalar(select(func.count()).where(FactorSet.is_default)) == 1
        defaults = session.scalars(
            select(AuditEntry.summary).where(AuditEntry.fields == '["is_default"]')
        ).all()
    assert defaults == ["restart_wrap@2 standaard", "restart_wrap@1 standaard"]

    with shop_db.session() as session, pytest.raises(ValidationError, match="bestaat niet"):
        co2.set_default(session, beheerder, "restart_wrap@9")
    with shop_db.session() as session, pytest.raises(ValidationError, match="bestaat niet"):
        co2.set_default(session, beheerder, "onbekend")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1,45", "1.45"), ("0", "0"), (" 13.5 ", "13.5"), ("2,00000", "2"), ("1000", "1000"),
     ("0,0001", "0.0001")],
)
def test_factors_are_read_with_comma_or_point(text: str, expected: str) -> None:
    assert co2.parse_factor(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Vul een factor in (0 mag)"),
        ("-1", "Een factor is 0 of meer"),
        ("1,23456", "Hoogstens 4 decimalen"),
        ("abc", "Geen getal; schrijf bijvoorbeeld 1,45"),
        ("1.000,5", "Schrijf de factor zonder duizendtalscheiding, bijvoorbeeld 1,45"),
        ("1000,0001", "Een factor is hoogstens 1000"),
        ("NaN", "Geen getal; schrijf bijvoorbeeld 1,45"),
    ],
)
def test_a_bad_factor_is_refused_in_dutch(text: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        co2.parse_factor(text)
    assert str(raised.value) == message


def test_a_version_with_mistakes_is_refused_field_by_field(
    shop_db: Database, beheerder: Actor
) -> None:
    with shop_db.session() as session:
        values = dict(co2.get_factor_set(session, beheerder, "bkn_tno").factors())
    values.pop("fietsen")
    values["meubels"] = "-0,5"
    values["textiel"] = "1,00001"
    values["onbekend"] = "1"
    with shop_db.session() as session, pytest.raises(ValidationError) as raised:
        co2.new_version(session, beheerder, "bkn_tno", values, source="  ")
    error = raised.value
    assert error.field_errors == {
        "meubels": "Een factor is 0 of meer",
        "textiel": "Hoogstens 4 decimalen",
        "onbekend": "Onbekende productgroep 'onbekend'",
        "fietsen": "Vul een factor in (0 mag)",
        "source": "Vermeld de bron van de factoren",
    }
    assert error.message.startswith("De nieuwe versie van bkn_tno is niet opgeslagen")
    with shop_db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(FactorSet)) == 2


def test_an_inactive_group_needs_no_factor(shop_db: Database, beheerder: Actor) -> None:
    with shop_db.session() as session:
        session.execute(
            ProductGroup.__table__.update()
            .where(ProductGroup.code == "speelgoed")
            .values(active=False)
        )
    with shop_db.session() as session:
        values = co2.get_factor_set(session, beheerder, "bkn_tno").factors()
        values = {c: f for c, f in values.items() if c != "speelgoed"}
        values["meubels"] = Decimal(2)
        created = co2.new_version(session, beheerder, "bkn_tno", values)
    assert "speelgoed" not in [row.code for row in created.rows]  # inactive, no factor
    with shop_db.read_session() as session:
        old = co2.get_factor_set(session, beheerder, "bkn_tno@1")
    assert [r.code for r in old.rows if not r.active] == ["speelgoed"]  # it had one


def test_nothing_changed_and_a_stale_editor_are_refused(
    shop_db: Database, beheerder: Actor
) -> None:
    with shop_db.session() as session, pytest.raises(ValidationError, match="niets veranderd"):
        values = co2.get_factor_set(session, beheerder, "bkn_tno").factors()
        co2.new_version(session, beheerder, "bkn_tno", values)
    write_version(shop_db, beheerder, "bkn_tno", {"meubels": "2"})
    with shop_db.session() as session, pytest.raises(ValidationError, match="versie 2"):
        co2.new_version(session, beheerder, "bkn_tno", {"meubels": "3"}, based_on=1)
    with shop_db.session() as session, pytest.raises(ValidationError, match="zonder versie"):
        co2.new_version(session, beheerder, "bkn_tno@2", {})
    with shop_db.session() as session, pytest.raises(ValidationError, match="bestaat niet"):
        co2.new_version(session, beheerder, "geen_set", {})


def test_two_beheerders_saving_at_once_cannot_both_write_version_two(
    shop_db: Database, beheerder: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The second one read "newest is 1" before the first one's version 2 was committed.
    write_version(shop_db, beheerder, "bkn_tno", {"meubels": "2"})
    real = co2._find

    def stale(session, ref):
        found = real(session, ref)
        if isinstance(ref, str) and "@" not in ref:
            return real(session, f"{ref}@1")
        return found

    monkeypatch.setattr(co2, "_find", stale)
    with pytest.raises(UserError, match="Iemand anders"), shop_db.session() as session:
        co2.new_version(session, beheerder, "bkn_tno", {c: "3" for c in RESTART})


def test_only_a_beheerder_changes_the_sets_and_everyone_reads_them(
    shop_db: Database, beheerder: Actor, begeleider: Actor, invoer: Actor
) -> None:
    for actor in (begeleider, invoer):
        with shop_db.read_session() as session:
            assert [s.code for s in co2.list_factor_sets(session, actor)] == [
                "bkn_tno", "restart_wrap"]
            assert co2.get_factor_set(session, actor, "restart_wrap@1").factors() == RESTART
        with shop_db.session() as session, pytest.raises(PermissionDeniedError):
            co2.new_version(session, actor, "bkn_tno", {c: "2" for c in RESTART})
        with shop_db.session() as session, pytest.raises(PermissionDeniedError):
            co2.set_default(session, actor, "restart_wrap@1")
    with shop_db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(FactorSet)) == 2
        assert default_factor_set(session) == FactorSetRef("bkn_tno", 1)


def test_exports_use_the_version_asked_for_and_old_reports_keep_their_numbers(
    shop_db: Database, beheerder: Actor
) -> None:
    with shop_db.session() as session:
        groups = {g.code: g.id for g in session.scalars(select(ProductGroup))}
        for day, channel, group, kg in (
            ("2025-03-01", "hergebruik", "meubels", "100"),
            ("2025-03-02", "hergebruik_online", "textiel", "10.5"),
            ("2025-03-03", "recycling", "textiel", "999"),
        ):
            session.add(GoodsFlow(flow_date=dt.date.fromisoformat(day), direction="uit",
                                  product_group_id=groups[group], kg=Decimal(kg),
                                  channel=channel))
    year = Period.year(2025)

    def co2_total(ref: FactorSetRef | None) -> tuple[str, Decimal]:
        with shop_db.read_session() as session:
            rows = figure_map(bkn_figures(session, year, factor_set=ref))
        return rows[("co2_factorset", "")].waarde, rows[("co2_vermeden_kg", "totaal")].waarde

    before = co2_total(None)
    assert before == ("bkn_tno@1", Decimal("110.5"))
    write_version(shop_db, beheerder, "bkn_tno", {"meubels": "2,5"})
    assert co2_total(None) == ("bkn_tno@2", Decimal("260.5"))  # 100 × 2.5 + 10.5 × 1
    assert co2_total(FactorSetRef("bkn_tno", 1)) == before  # the stored version, unchanged
    assert co2_total(FactorSetRef("restart_wrap", 1)) == (
        "restart_wrap@1", Decimal("100") * Decimal("1.45") + Decimal("10.5") * Decimal("13.5")
    )
