"""Placements: editing with a version check, pausing and resuming, ending with the uitstroom,
no overlaps, hours inside the period, the Plaatsingen list, and the audit trail."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import AuditEntry, Partner, Placement
from kringloopdesk.errors import PermissionDeniedError, UserError, ValidationError
from kringloopdesk.services import placements, workers
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.placements import (
    ENDED,
    PLACEMENT_LIST_COLUMNS,
    RUNNING,
    PlacementChangedError,
    PlacementFilter,
    PlacementInput,
    PlacementSort,
)
from kringloopdesk.services.users import list_users, set_active
from kringloopdesk.services.workers import WorkerInput

D = dt.date
TODAY = dt.date.today()


def worker(db: Database, actor: Actor, number: str = "D-0001", first: str = "Anaïs",
           last: str = "Çelik") -> int:
    with db.session() as session:
        return workers.create_worker(
            session, actor,
            WorkerInput(number=number, first_name=first, last_name=last,
                        doelgroep="participatiewet", start_date=D(2024, 1, 1)),
        ).id


def place(db: Database, actor: Actor, worker_id: int, start: dt.date, **kwargs):
    with db.session() as session:
        return placements.create_placement(session, actor, worker_id,
                                           kwargs.pop("department", "winkel"), start,
                                           kwargs.pop("hours", 16), **kwargs)


def as_input(info: placements.PlacementInfo, **changes) -> PlacementInput:
    data = PlacementInput(
        department=info.department, start_date=info.start_date,
        hours_per_week=info.hours_per_week, planned_end_date=info.planned_end_date,
        partner_id=info.partner_id, coach_id=info.coach_id, end_date=info.end_date,
        outcome=info.outcome,
    )
    return replace(data, **changes)


def audit_fields(db: Database, entity: str, entity_id: int) -> list[tuple[str, list[str]]]:
    with db.read_session() as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.fields)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.id)
        ).all()
    return [(action, json.loads(fields) if fields else []) for action, fields in rows]


@pytest.fixture
def partner(shop_db: Database) -> int:
    with shop_db.session() as session:
        row = Partner(name="Amfors", kind="sw_bedrijf")
        session.add(row)
        session.flush()
        return row.id


def test_update_changes_fields_and_audits_their_names(
    shop_db: Database, begeleider: Actor, beheerder: Actor, partner: int
) -> None:
    wid = worker(shop_db, begeleider)
    info = place(shop_db, begeleider, wid, D(2025, 1, 6))
    with shop_db.session() as session:
        coach = next(u.id for u in list_users(session, beheerder) if u.username == "marieke")
        updated = placements.update_placement(
            session, begeleider, info.id,
            as_input(info, department="sorteren", hours_per_week="20,5", partner_id=partner,
                     coach_id=coach, planned_end_date=D(2025, 12, 31)),
            info.version,
        )
    assert (updated.department, updated.hours_per_week, updated.partner_name,
            updated.coach_name, updated.planned_end_date, updated.version) == (
        "sorteren", Decimal("20.5"), "Amfors", "Marieke Jansen", D(2025, 12, 31), 2)
    assert (updated.worker_number, updated.worker_name) == ("D-0001", "Anaïs Çelik")
    assert audit_fields(shop_db, "placements", info.id)[-1] == (
        "update", ["coach", "department", "hours_per_week", "partner", "planned_end_date"])
    # Saving the same again writes nothing.
    with shop_db.session() as session:
        same = placements.update_placement(session, begeleider, info.id, as_input(updated), 2)
    assert same.version == 2 and len(audit_fields(shop_db, "placements", info.id)) == 2


def test_update_refuses_a_stale_version_and_names_who_saved(
    shop_db: Database, begeleider: Actor, beheerder: Actor
) -> None:
    wid = worker(shop_db, begeleider)
    info = place(shop_db, begeleider, wid, D(2025, 1, 6))
    with shop_db.session() as session:
        placements.update_placement(session, beheerder, info.id,
                                    as_input(info, hours_per_week=8), info.version)
    with pytest.raises(PlacementChangedError) as caught, shop_db.session() as session:
        placements.update_placement(session, begeleider, info.id,
                                    as_input(info, hours_per_week=12), info.version)
    assert "gewijzigd door beheer" in caught.value.message
    for change in (placements.pause_placement, placements.resume_placement):
        with pytest.raises(PlacementChangedError), shop_db.session() as session:
            change(session, begeleider, info.id, info.version)
    with pytest.raises(PlacementChangedError), shop_db.session() as session:
        placements.end_placement(session, begeleider, info.id, TODAY, "onbekend",
                                 expected_version=info.version)


def test_update_keeps_the_no_overlap_rule(shop_db: Database, begeleider: Actor) -> None:
    wid = worker(shop_db, begeleider)
    first = place(shop_db, begeleider, wid, D(2024, 1, 1))
    with shop_db.session() as session:
        first = placements.end_placement(session, begeleider, first.id, D(2024, 6, 30),
                                         "andere_plek")
    second = place(shop_db, begeleider, wid, D(2024, 7, 1), department="kassa")
    with pytest.raises(ValidationError) as caught, shop_db.session() as session:
        placements.update_placement(session, begeleider, second.id,
                                    as_input(second, start_date=D(2024, 6, 30)), second.version)
    assert "overlapt met de plaatsing bij Winkel van 01-01-2024 tot en met 30-06-2024" in (
        caught.value.message)
    assert caught.value.field_errors == {"start_date": "Overlapt met een andere plaatsing"}
    # Moving the ended one's end into the running one is refused the same way.
    with pytest.raises(ValidationError) as caught, shop_db.session() as session:
        placements.update_placement(session, begeleider, first.id,
                                    as_input(first, end_date=D(2024, 7, 1)), first.version)
    assert "lopende plaatsing bij Kassa sinds 01-07-2024" in caught.value.message
    # The day before is fine.
    with shop_db.session() as session:
        moved = placements.update_placement(
            session, begeleider, first.id,
            as_input(first, end_date=D(2024, 6, 29), outcome="betaald_werk"), first.version)
    assert (moved.end_date, moved.outcome, moved.status) == (
        D(2024, 6, 29), "betaald_werk", "afgerond")


def test_update_validation(shop_db: Database, begeleider: Actor, beheerder: Actor) -> None:
    wid = worker(shop_db, begeleider)
    info = place(shop_db, begeleider, wid, D(2025, 1, 6))

    def errors(**changes) -> dict[str, str]:
        with pytest.raises(ValidationError) as caught, shop_db.session() as session:
            placements.update_placement(session, begeleider, info.id,
                                        as_input(info, **changes), info.version)
        return caught.value.field_errors

    assert errors(department="", start_date=None, hours_per_week="") == {
        "department": "Verplicht", "start_date": "Verplicht", "hours_per_week": "Verplicht"}
    assert errors(hours_per_week="41") == {
        "hours_per_week": "Meer dan 0 en hoogstens 40 uur, met hoogstens 2 decimalen"}
    assert errors(planned_end_date=D(2025, 1, 5)) == {
        "planned_end_date": "Op of na de startdatum"}
    assert set(errors(end_date=D(2025, 3, 1), outcome="onbekend")) == {"end_date"}
    assert errors(department="bestaat-niet") == {
        "department": "Onbekende afdeling 'bestaat-niet'"}
    # A coach who is no longer active is kept, but cannot be chosen anew.
    with shop_db.session() as session:
        coach = next(u.id for u in list_users(session, beheerder) if u.username == "marieke")
        info = placements.update_placement(session, begeleider, info.id,
                                           as_input(info, coach_id=coach), info.version)
        set_active(session, beheerder, coach, False)
    with shop_db.session() as session:
        info = placements.update_placement(session, beheerder, info.id,
                                           as_input(info, hours_per_week=10), info.version)
    assert info.coach_name == "Marieke Jansen"
    other = worker(shop_db, begeleider, "D-0002")
    new = place(shop_db, begeleider, other, D(2025, 1, 6))
    with pytest.raises(ValidationError) as caught, shop_db.session() as session:
        placements.update_placement(session, beheerder, new.id,
                                    as_input(new, coach_id=coach), new.version)
    assert caught.value.field_errors == {"coach": "Kies een actieve begeleider of beheerder"}
    with shop_db.read_session() as session:
        options = placements.placement_options(session, beheerder, info.id)
        assert "Marieke Jansen (niet actief)" in [c.label for c in options.coaches]
        options = placements.placement_options(session, beheerder)
        assert [c.label for c in options.coaches] == ["Bea Beheer"]
        assert options.departments[0].value == "winkel"


def test_hours_stay_inside_the_period(shop_db: Database, begeleider: Actor) -> None:
    wid = worker(shop_db, begeleider)
    info = place(shop_db, begeleider, wid, D(2025, 1, 6))
    with shop_db.session() as session:
        placements.add_hours(session, begeleider, wid, D(2025, 1, 7), "4,5")
        placements.add_hours(session, begeleider, wid, D(2025, 2, 3), 6)
    with pytest.raises(ValidationError) as caught, shop_db.session() as session:
        placements.update_placement(session, begeleider, info.id,
                                    as_input(info, start_date=D(2025, 1, 8)), info.version)
    assert "07-01-2025 tot en met 07-01-2025" in caught.value.message
    assert caught.value.field_errors == {"start_date": "Er zijn uren buiten deze periode"}
    with shop_db.read_session() as session:
        (listed,) = placements.list_placements(session, begeleider, wid)
    assert listed.hours_total == Decimal("10.5")


def test_pause_and_resume(shop_db: Database, begeleider: Actor) -> None:
    wid = worker(shop_db, begeleider)
    info = place(shop_db, begeleider, wid, D(2025, 1, 6))
    with shop_db.session() as session:
        paused = placements.pause_placement(session, begeleider, info.id, info.version)
    assert paused.status == "gepauzeerd" and paused.is_paused
    with pytest.raises(UserError, match="al gepauzeerd"), shop_db.session() as session:
        placements.pause_placement(session, begeleider, info.id)
    # Editing a paused placement keeps it paused.
    with shop_db.session() as session:
        edited = placements.update_placement(session, begeleider, info.id,
                                             as_input(paused, hours_per_week=8), paused.version)
    assert edited.status == "gepauzeerd"
    with shop_db.session() as session:
        resumed = placements.resume_placement(session, begeleider, info.id, edited.version)
    assert resumed.status == "actief"
    with pytest.raises(UserError, match="niet gepauzeerd"), shop_db.session() as session:
        placements.resume_placement(session, begeleider, info.id)
    # A paused placement can be ended; an ended one cannot be paused.
    with shop_db.session() as session:
        placements.pause_placement(session, begeleider, info.id)
    with shop_db.session() as session:
        ended = placements.end_placement(session, begeleider, info.id, TODAY, "uitval")
    assert (ended.status, ended.outcome) == ("gestopt", "uitval")
    with pytest.raises(UserError, match="lopende plaatsing"), shop_db.session() as session:
        placements.pause_placement(session, begeleider, info.id)
    assert [fields for action, fields in audit_fields(shop_db, "placements", info.id)][1:] == [
        ["status"], ["hours_per_week"], ["status"], ["status"], ["end_date", "outcome", "status"]]


def test_a_planned_placement_is_active_from_its_start(shop_db: Database,
                                                      begeleider: Actor) -> None:
    wid = worker(shop_db, begeleider)
    future = place(shop_db, begeleider, wid, TODAY + dt.timedelta(days=7))
    assert future.status == "gepland"
    with pytest.raises(UserError, match="lopende plaatsing"), shop_db.session() as session:
        placements.pause_placement(session, begeleider, future.id)
    with shop_db.session() as session:
        row = session.get(Placement, future.id)
        row.start_date = TODAY  # time passes
    with shop_db.read_session() as session:
        assert placements.get_placement(session, begeleider, future.id).status == "actief"
        (row,) = placements.list_placement_rows(session, begeleider, PlacementFilter())
    assert row.status == "actief"
    assert placements.effective_status("gepland", TODAY + dt.timedelta(days=1)) == "gepland"


def test_end_requires_the_uitstroom(shop_db: Database, begeleider: Actor) -> None:
    wid = worker(shop_db, begeleider)
    info = place(shop_db, begeleider, wid, D(2025, 1, 6))
    with pytest.raises(ValidationError) as caught, shop_db.session() as session:
        placements.end_placement(session, begeleider, info.id, D(2025, 1, 5), "")
    assert caught.value.field_errors == {
        "end_date": "Op of na de startdatum (06-01-2025)", "outcome": "Kies de uitstroom"}


def test_the_placements_list(shop_db: Database, begeleider: Actor, beheerder: Actor,
                             partner: int) -> None:
    today = D(2025, 6, 2)
    a = worker(shop_db, begeleider, "D-0001", "Anaïs", "Çelik")
    b = worker(shop_db, begeleider, "D-0002", "Jan", "de Vries")
    c = worker(shop_db, begeleider, "D-0003", "Łukasz", "Nowak")
    with shop_db.session() as session:
        coach = next(u.id for u in list_users(session, beheerder) if u.username == "marieke")
    old = place(shop_db, begeleider, a, D(2024, 1, 1), department="kassa")
    with shop_db.session() as session:
        placements.end_placement(session, begeleider, old.id, D(2024, 12, 31), "andere_plek")
    running = place(shop_db, begeleider, a, D(2025, 1, 6), planned_end_date=D(2025, 6, 30),
                    coach_id=coach, partner_id=partner)
    paused = place(shop_db, begeleider, b, D(2025, 2, 1), planned_end_date=D(2025, 5, 1))
    with shop_db.session() as session:
        placements.pause_placement(session, begeleider, paused.id)
    later = place(shop_db, begeleider, c, D(2099, 1, 1), department="fietsen")

    def ids(flt: PlacementFilter | None = None, sort: PlacementSort | None = None,
            **kwargs) -> list[int]:
        flt = flt or PlacementFilter()
        sort = sort or PlacementSort()
        with shop_db.read_session() as session:
            rows = placements.list_placement_rows(session, begeleider, flt, sort, today=today,
                                                  **kwargs)
            if not kwargs:
                assert placements.count_placement_rows(session, begeleider, flt,
                                                       today=today) == len(rows)
        return [row.id for row in rows]

    assert ids() == [later.id, paused.id, running.id, old.id]  # newest start first
    assert ids(PlacementFilter(status=RUNNING)) == [paused.id, running.id]
    assert ids(PlacementFilter(status=ENDED)) == [old.id]
    assert ids(PlacementFilter(status="gepland")) == [later.id]
    assert ids(PlacementFilter(status="afgerond")) == [old.id]
    assert ids(PlacementFilter(department="kassa")) == [old.id]
    assert ids(PlacementFilter(coach_id=coach)) == [running.id]
    assert ids(PlacementFilter(ending_soon=True)) == [paused.id, running.id]
    assert ids(PlacementFilter(search="lukasz")) == [later.id]
    assert ids(PlacementFilter(worker_id=a)) == [running.id, old.id]
    assert ids(offset=1, limit=2) == [paused.id, running.id]
    for column in PLACEMENT_LIST_COLUMNS:
        up = ids(sort=PlacementSort(column, descending=False))
        assert sorted(up) == sorted(ids(sort=PlacementSort(column)))
    assert ids(sort=PlacementSort("worker", descending=False)) == [
        old.id, running.id, later.id, paused.id]  # Çelik (oldest first), Nowak, de Vries
    with shop_db.read_session() as session:
        rows = {r.id: r for r in placements.list_placement_rows(session, begeleider)}
    row = rows[running.id]
    assert (row.number, row.worker_name, row.department_label, row.coach_name,
            row.partner_name, row.hours_per_week, row.status) == (
        "D-0001", "Anaïs Çelik", "Winkel", "Marieke Jansen", "Amfors", Decimal(16), "actief")
    assert (rows[old.id].outcome, rows[old.id].status) == ("andere_plek", "afgerond")


def test_an_invoer_cannot_see_or_change_placements(
    shop_db: Database, begeleider: Actor, invoer: Actor
) -> None:
    wid = worker(shop_db, begeleider)
    info = place(shop_db, begeleider, wid, D(2025, 1, 6))
    calls = (
        lambda s: placements.get_placement(s, invoer, info.id),
        lambda s: placements.placement_options(s, invoer),
        lambda s: placements.list_placement_rows(s, invoer),
        lambda s: placements.count_placement_rows(s, invoer),
        lambda s: placements.update_placement(s, invoer, info.id, as_input(info), 1),
        lambda s: placements.pause_placement(s, invoer, info.id),
        lambda s: placements.resume_placement(s, invoer, info.id),
        lambda s: placements.end_placement(s, invoer, info.id, TODAY, "onbekend"),
    )
    for call in calls:
        with pytest.raises(PermissionDeniedError), shop_db.session() as session:
            call(session)
