"""Ontwikkeldoelen and werkprocessen of a placement: validation, versions, the shop's list per
department, typed ones, the audit trail, and who may do what."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import AuditEntry, Werkproces, Worker
from kringloopdesk.errors import PermissionDeniedError, UserError, ValidationError
from kringloopdesk.services import goals, placements, workers
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.goals import GoalChangedError
from kringloopdesk.services.workers import WorkerInput

D = dt.date


@pytest.fixture
def placement(shop_db: Database, begeleider: Actor) -> placements.PlacementInfo:
    with shop_db.session() as session:
        worker = workers.create_worker(
            session, begeleider,
            WorkerInput(number="D-0001", first_name="Jan", last_name="de Vries",
                        doelgroep="wsw", start_date=D(2024, 1, 1)),
        )
        return placements.create_placement(session, begeleider, worker.id, "kassa",
                                           D(2025, 1, 6), 16)


def audit_trail(db: Database, entity: str) -> list[tuple[str, list[str]]]:
    with db.read_session() as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.fields)
            .where(AuditEntry.entity == entity)
            .order_by(AuditEntry.id)
        ).all()
    return [(action, json.loads(fields) if fields else []) for action, fields in rows]


def test_goals(shop_db: Database, begeleider: Actor, beheerder: Actor,
               placement: placements.PlacementInfo) -> None:
    with shop_db.session() as session:
        later = goals.create_goal(session, begeleider, placement.id,
                                  "  Zelfstandig de kassa openen  ", D(2025, 4, 1))
        goals.create_goal(session, begeleider, placement.id, "Klanten groeten")
        first = goals.create_goal(session, begeleider, placement.id, "Op tijd komen",
                                  D(2025, 2, 1), "behaald")
    assert later.description == "Zelfstandig de kassa openen" and later.status == "open"
    with shop_db.read_session() as session:
        listed = goals.list_goals(session, begeleider, placement.id)
    # By target date, those without one last.
    assert [g.description for g in listed] == [
        "Op tijd komen", "Zelfstandig de kassa openen", "Klanten groeten"]
    assert later.is_overdue(D(2025, 4, 2)) and not later.is_overdue(D(2025, 4, 1))
    assert not first.is_overdue(D(2030, 1, 1))

    with shop_db.session() as session:
        updated = goals.update_goal(session, begeleider, later.id, later.description,
                                    D(2025, 5, 1), "niet_behaald", later.version)
    assert (updated.target_date, updated.status, updated.version) == (
        D(2025, 5, 1), "niet_behaald", 2)
    with pytest.raises(GoalChangedError) as caught, shop_db.session() as session:
        goals.update_goal(session, beheerder, later.id, "Anders", None, "open", later.version)
    assert "gewijzigd door marieke" in caught.value.message

    with pytest.raises(ValidationError) as caught, shop_db.session() as session:
        goals.create_goal(session, begeleider, placement.id, " ", D(2024, 12, 31), "klaar")
    assert caught.value.field_errors == {
        "description": "Verplicht",
        "status": "Onbekende status 'klaar'",
        "target_date": "Op of na het begin van de plaatsing (06-01-2025)",
    }
    with shop_db.session() as session:
        goals.delete_goal(session, begeleider, first.id)
    with pytest.raises(UserError, match="bestaat niet"), shop_db.session() as session:
        goals.delete_goal(session, begeleider, first.id)
    assert audit_trail(shop_db, "goals") == [
        ("create", ["description", "placement", "status", "target_date"]),
        ("create", ["description", "placement", "status"]),
        ("create", ["description", "placement", "status", "target_date"]),
        ("update", ["status", "target_date"]),
        ("delete", ["placement"]),
    ]


def test_werkprocessen_from_the_list_or_typed(shop_db: Database, begeleider: Actor,
                                              placement: placements.PlacementInfo) -> None:
    with shop_db.read_session() as session:
        offered = goals.werkproces_suggestions(session, begeleider, placement.id)
    # The department's own first, then the general ones; each by name.
    assert [(w.name, w.department) for w in offered] == [
        ("De kassa openen en afsluiten", "kassa"),
        ("Klanten helpen en afrekenen", "kassa"),
        ("Op tijd komen en afspraken nakomen", None),
        ("Samenwerken in een team", None),
        ("Veilig en hygiënisch werken", None),
    ]
    with shop_db.session() as session:
        linked = goals.add_skill(session, begeleider, placement.id,
                                 "klanten HELPEN en afrekenen")
        typed = goals.add_skill(session, begeleider, placement.id, "  Bonnen   controleren ")
        listed = goals.add_skill(session, begeleider, placement.id, "Retouren afhandelen",
                                 add_to_list=True)
    assert (linked.name, linked.werkproces_id is not None) == (
        "Klanten helpen en afrekenen", True)  # the list's spelling
    assert (typed.name, typed.werkproces_id) == ("Bonnen controleren", None)
    assert listed.werkproces_id is not None
    with shop_db.read_session() as session:
        row = session.get(Werkproces, listed.werkproces_id)
        assert row is not None and row.name == "Retouren afhandelen"
        assert [s.name for s in goals.list_skills(session, begeleider, placement.id)] == [
            "Klanten helpen en afrekenen", "Bonnen controleren", "Retouren afhandelen"]
        offered = goals.werkproces_suggestions(session, begeleider, placement.id)
    assert "Klanten helpen en afrekenen" not in [w.name for w in offered]
    assert "Retouren afhandelen" not in [w.name for w in offered]  # added already

    with pytest.raises(ValidationError) as caught, shop_db.session() as session:
        goals.add_skill(session, begeleider, placement.id, "bonnen controleren")
    assert caught.value.field_errors == {"name": "Staat al bij deze plaatsing"}
    with pytest.raises(ValidationError), shop_db.session() as session:
        goals.add_skill(session, begeleider, placement.id, "   ")
    with shop_db.session() as session:
        goals.remove_skill(session, begeleider, typed.id)
    with pytest.raises(UserError), shop_db.session() as session:
        goals.remove_skill(session, begeleider, typed.id)
    assert audit_trail(shop_db, "placement_skills") == [
        ("create", ["name", "placement"])] * 3 + [("delete", ["name", "placement"])]
    assert audit_trail(shop_db, "werkprocessen") == [("create", ["department", "name"])]


def test_nothing_changes_for_an_anonymised_worker(shop_db: Database, begeleider: Actor,
                                                  placement: placements.PlacementInfo) -> None:
    with shop_db.session() as session:
        goal = goals.create_goal(session, begeleider, placement.id, "Op tijd komen")
        session.get(Worker, placement.worker_id).anonymised_at = D(2025, 1, 1)
    for call in (
        lambda s: goals.create_goal(s, begeleider, placement.id, "Nog een doel"),
        lambda s: goals.update_goal(s, begeleider, goal.id, "Anders", None, "open", 1),
        lambda s: goals.delete_goal(s, begeleider, goal.id),
        lambda s: goals.add_skill(s, begeleider, placement.id, "Samenwerken in een team"),
    ):
        with pytest.raises(UserError, match="geanonimiseerd"), shop_db.session() as session:
            call(session)


def test_an_invoer_is_refused(shop_db: Database, invoer: Actor,
                              placement: placements.PlacementInfo) -> None:
    for call in (
        lambda s: goals.list_goals(s, invoer, placement.id),
        lambda s: goals.create_goal(s, invoer, placement.id, "Doel"),
        lambda s: goals.update_goal(s, invoer, 1, "Doel", None, "open", 1),
        lambda s: goals.delete_goal(s, invoer, 1),
        lambda s: goals.list_skills(s, invoer, placement.id),
        lambda s: goals.werkproces_suggestions(s, invoer, placement.id),
        lambda s: goals.add_skill(s, invoer, placement.id, "Iets"),
        lambda s: goals.remove_skill(s, invoer, 1),
    ):
        with pytest.raises(PermissionDeniedError), shop_db.session() as session:
            call(session)
