"""Repairs in Open Repair Data Standard terms, and the ORDS CSV of a year."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from sqlalchemy import select

from kringloopdesk.db.models import AuditEntry, Repair
from kringloopdesk.errors import PermissionDeniedError, ValidationError
from kringloopdesk.reports.ords import COLUMNS, ords_csv, product_category, scrub
from kringloopdesk.services.items import ItemInput, create_item
from kringloopdesk.services.repairs import (
    RepairInput,
    delete_repair,
    list_repairs,
    ords_data,
    record_repair,
    update_repair,
)

D = dt.date


def item(db, actor, group="klein_elektrisch", description="Waterkoker", brand="Philips"):
    with db.session() as session:
        return create_item(session, actor, ItemInput(
            product_group=group, description=description, brand=brand,
            intake_date=D(2024, 1, 5))).id


def repair(db, actor, item_id, **values):
    data = dict(repair_date=D(2024, 3, 1), outcome="Fixed", problem="Schakelaar defect")
    data.update(values)
    with db.session() as session:
        return record_repair(session, actor, item_id, RepairInput(**data))


def test_a_barrier_only_with_end_of_life(shop_db, invoer) -> None:
    kettle = item(shop_db, invoer)
    with pytest.raises(ValidationError) as refused:
        repair(shop_db, invoer, kettle, outcome="End of life")
    assert set(refused.value.field_errors) == {"barrier"}
    with pytest.raises(ValidationError):
        repair(shop_db, invoer, kettle, outcome="Kapot")
    # A barrier given with another outcome is dropped (the database would refuse it).
    fixed = repair(shop_db, invoer, kettle, barrier="Lack of equipment")
    assert fixed.barrier is None and fixed.repairer_name == "Ria de Vrijwilliger"
    eol = repair(shop_db, invoer, kettle, repair_date=D(2024, 4, 1), outcome="End of life",
                 barrier="Spare parts not available")
    assert eol.barrier_label == "Onderdelen niet leverbaar"
    with shop_db.session() as session:
        changed = update_repair(session, invoer, fixed.id, RepairInput(
            D(2024, 3, 2), "Repairable", problem="Schakelaar defect", notes="Onderdeel besteld"),
            fixed.version)
    assert changed.outcome == "Repairable" and changed.notes == "Onderdeel besteld"
    with shop_db.session() as session:
        assert [r.id for r in list_repairs(session, invoer, kettle)] == [eol.id, fixed.id]
        delete_repair(session, invoer, fixed.id)
    with shop_db.read_session() as session:
        assert session.scalars(select(Repair.id)).all() == [eol.id]


def test_product_categories_from_description_then_group() -> None:
    assert product_category("klein_elektrisch", "Waterkoker") == (14, "Kettle")
    assert product_category("klein_elektrisch", "Föhn") == (39, "Hair dryer")
    assert product_category("klein_elektrisch", "Koffiemolen") == (37, "Food processor")
    assert product_category("ict_elektronica", "Desktop-pc") == (4, "Desktop computer")
    assert product_category("kleingoed", "Kerstverlichting 200 lampjes") == (
        3, "Decorative or safety lights")
    assert product_category("witgoed", "Wasmachine") == (17, "Large home electrical")
    assert product_category("klein_elektrisch", "Tosti-ijzer") == (29, "Small kitchen item")
    assert product_category("klein_elektrisch", "Iets") == (28, "Small home electrical")
    assert product_category("overig", "Iets") == (18, "Misc")
    # An item that is not electrical: its product group decides, not a word in the
    # description (a computer table is no desktop computer).
    assert product_category("meubels", "Computertafel", electrical=False) == (18, "Misc")
    assert product_category("meubels", "Computertafel") == (4, "Desktop computer")
    assert product_category("fietsen", "Damesfiets met fietslamp", electrical=False) == (
        18, "Misc")
    assert product_category("speelgoed", "Houten treinbaan", electrical=False) == (32, "Toy")
    assert product_category("witgoed", "Wasmachine (defect)", electrical=False) == (
        17, "Large home electrical")
    assert product_category("een_nieuwe_groep", "Iets", electrical=False) == (18, "Misc")
    assert scrub("Bel jan@example.nl of 06-12345678 terug") == (
        "Bel [verwijderd] of [verwijderd] terug")


def test_the_ords_file_of_a_year(shop_db, invoer, begeleider) -> None:
    kettle = item(shop_db, invoer)
    laptop = item(shop_db, invoer, "ict_elektronica", "Laptop", "Dell")
    bike = item(shop_db, invoer, "fietsen", "Damesfiets", "Gazelle")
    repair(shop_db, invoer, kettle, problem="Lekt; mail klant@voorbeeld.nl")
    repair(shop_db, invoer, laptop, repair_date=D(2024, 6, 30), outcome="End of life",
           barrier="No way to open the product", problem="Start niet op")
    repair(shop_db, invoer, bike, repair_date=D(2024, 5, 1), problem="Band lek")
    repair(shop_db, invoer, kettle, repair_date=D(2025, 1, 1))  # another year
    with pytest.raises(PermissionDeniedError), shop_db.session() as session:
        ords_data(session, invoer, 2024)
    with pytest.raises(ValidationError, match="Kies een jaar"), shop_db.session() as session:
        ords_data(session, begeleider, 1899)
    with shop_db.session() as session:
        data = ords_data(session, begeleider, 2024)
    # Every repair of the year, the bicycle's too; oldest first.
    assert data.non_electrical == 1
    content = ords_csv(data)
    assert content.startswith(b"id,data_provider,country,")  # no BOM: for the aggregators
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
    assert list(rows[0]) == list(COLUMNS)
    assert [r["event_date"] for r in rows] == ["2024-03-01", "2024-05-01", "2024-06-30"]
    first, bicycle, second = rows
    assert first["id"] == "A-000001-R1"
    assert first["data_provider"] == "Kringloop Amersfoort-Leusden"
    assert first["country"] == "NLD"
    assert first["partner_product_category"] == "Kleine huishoudelijke apparaten ~ Waterkoker"
    assert (first["product_category"], first["product_category_id"]) == ("Kettle", "14")
    assert first["repair_status"] == "Fixed" and first["repair_barrier_if_end_of_life"] == ""
    assert first["event_date"] == "2024-03-01"
    assert first["problem"] == "Lekt; mail [verwijderd]"
    assert first["brand"] == "Philips" and first["year_of_manufacture"] == ""
    assert bicycle["id"] == "A-000003-R3"
    assert bicycle["partner_product_category"] == "Fietsen ~ Damesfiets"
    assert (bicycle["product_category"], bicycle["product_category_id"]) == ("Misc", "18")
    assert (bicycle["repair_status"], bicycle["brand"], bicycle["problem"]) == (
        "Fixed", "Gazelle", "Band lek")
    assert second["repair_status"] == "End of life"
    assert second["repair_barrier_if_end_of_life"] == "No way to open the product"
    assert second["product_category"] == "Laptop"
    with shop_db.read_session() as session:
        exported = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()
        assert [e.summary for e in exported] == ["ORDS 2024"]
