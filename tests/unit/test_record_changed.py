"""Optimistic locking, the service side: every save of a record that another user saved in
between is refused with a ``RecordChangedError`` that names that user and the time, and the
other user's change stays (never a silent lost update). Two users, two sessions: two PCs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import ProductGroup
from kringloopdesk.errors import RecordChangedError, UserError
from kringloopdesk.services import flows, goals, items, partners, placements, repairs, workers
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.hours import HoursChangedError
from kringloopdesk.services.partners import AgreementInput, PartnerInput
from kringloopdesk.services.workers import WorkerInput

D = dt.date
TODAY = dt.date.today()


@dataclass(frozen=True)
class Case:
    """One kind of record: how to make it, change one text in it, and read that text back."""

    error: type[RecordChangedError]
    make: Callable[[Any, Actor], Any]
    change: Callable[[Any, Actor, Any, str], Any]  # (session, actor, record, text) -> record
    read: Callable[[Any, Actor, Any], str]


def _worker(session, actor: Actor):
    return workers.create_worker(session, actor, WorkerInput(
        number="D-0001", first_name="Jan", last_name="de Vries", doelgroep="wsw",
        start_date=D(2024, 1, 1)))


def _placement(session, actor: Actor):
    return placements.create_placement(session, actor, _worker(session, actor).id, "kassa",
                                       D(2025, 1, 6), 16)


def _placement_input(info, hours: str) -> placements.PlacementInput:
    return placements.PlacementInput(
        department=info.department, start_date=info.start_date, hours_per_week=hours,
        planned_end_date=info.planned_end_date, partner_id=info.partner_id,
        coach_id=info.coach_id, end_date=info.end_date, outcome=info.outcome)


def _item(session, actor: Actor):
    return items.create_item(session, actor, items.ItemInput(
        product_group="klein_elektrisch", description="Waterkoker", intake_date=TODAY))


def _flow(session, actor: Actor):
    group = session.query(ProductGroup).filter_by(code="meubels").one()
    return flows.record_flow(session, actor, flows.FlowInput(TODAY, "in", group.id, "12",
                                                             "brengen"))


def _repair(session, actor: Actor):
    item = _item(session, actor)
    return repairs.record_repair(session, actor, item.id, repairs.RepairInput(
        D(2024, 3, 1), "Fixed", problem="Schakelaar"))


def _goal(session, actor: Actor):
    return goals.create_goal(session, actor, _placement(session, actor).id, "Op tijd komen")


def _agreement(session, actor: Actor):
    partner = partners.create_partner(session, actor, PartnerInput("Amfors", "sw_bedrijf"))
    return partners.create_agreement(session, actor, partner.id, AgreementInput("Detachering"))


CASES = {
    "worker": Case(
        workers.WorkerChangedError, _worker,
        lambda s, a, r, text: workers.update_worker(
            s, a, r.id, replace(r.as_input(), city=text), r.version),
        lambda s, a, r: workers.get_worker(s, a, r.id).personal.city),
    "placement": Case(
        placements.PlacementChangedError, _placement,
        lambda s, a, r, text: placements.update_placement(
            s, a, r.id, _placement_input(r, text), r.version),
        lambda s, a, r: str(placements.get_placement(s, a, r.id).hours_per_week)),
    "goal": Case(
        goals.GoalChangedError, _goal,
        lambda s, a, r, text: goals.update_goal(s, a, r.id, text, None, "open", r.version),
        lambda s, a, r: goals.list_goals(s, a, r.placement_id)[0].description),
    "flow": Case(
        flows.FlowChangedError, _flow,
        lambda s, a, r, text: flows.update_flow(
            s, a, r.id, replace(r.as_input(), note=text), r.version),
        lambda s, a, r: flows.get_flow(s, a, r.id).note),
    "item": Case(
        items.ItemChangedError, _item,
        lambda s, a, r, text: items.update_item(
            s, a, r.id, replace(r.as_input(), brand=text), r.version),
        lambda s, a, r: items.get_item(s, a, r.id).brand),
    "repair": Case(
        repairs.RepairChangedError, _repair,
        lambda s, a, r, text: repairs.update_repair(
            s, a, r.id, repairs.RepairInput(r.repair_date, r.outcome, problem=text), r.version),
        lambda s, a, r: repairs.list_repairs(s, a, r.item_id)[0].problem),
    "partner": Case(
        partners.PartnerChangedError,
        lambda s, a: partners.create_partner(s, a, PartnerInput("Amfors", "sw_bedrijf")),
        lambda s, a, r, text: partners.update_partner(
            s, a, r.id, replace(r.as_input(), city=text), r.version),
        lambda s, a, r: partners.get_partner(s, a, r.id).city),
    "agreement": Case(
        partners.AgreementChangedError, _agreement,
        lambda s, a, r, text: partners.update_agreement(
            s, a, r.id, replace(r.as_input(), place=text), r.version),
        lambda s, a, r: partners.get_agreement(s, a, r.id).place),
}
# Two texts per kind that pass its rules (hours per week for a placement).
TEXTS = {"placement": ("20", "24")}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_a_save_over_someone_elses_save_is_refused_and_names_them(
    kind: str, shop_db: Database, beheerder: Actor, begeleider: Actor
) -> None:
    case = CASES[kind]
    theirs, mine = TEXTS.get(kind, ("Leusden", "Baarn"))
    with shop_db.session() as session:
        record = case.make(session, beheerder)
    before = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
    with shop_db.session() as other_pc:  # the begeleider saves in between
        case.change(other_pc, begeleider, record, theirs)

    with pytest.raises(case.error) as caught, shop_db.session() as session:
        case.change(session, beheerder, record, mine)  # with the version read before

    error = caught.value
    assert isinstance(error, RecordChangedError) and isinstance(error, UserError)
    assert error.changed_by == "Marieke Jansen" and not error.deleted
    assert error.changed_at is not None and error.changed_at >= before
    assert "marieke" in error.message and " om " in error.message
    with shop_db.read_session() as session:
        assert theirs in case.read(session, beheerder, record)  # nothing lost, nothing mixed


@pytest.mark.parametrize("kind", ["flow", "partner"])
def test_overwriting_knowingly_uses_the_current_version(
    kind: str, shop_db: Database, beheerder: Actor, begeleider: Actor
) -> None:
    """What "Toch opslaan" does: read the record again, then save with its version."""
    case = CASES[kind]
    with shop_db.session() as session:
        record = case.make(session, beheerder)
    with shop_db.session() as other_pc:
        theirs = case.change(other_pc, begeleider, record, "Leusden")
    with shop_db.session() as session:
        mine = case.change(session, beheerder, theirs, "Baarn")
    assert mine.version == record.version + 2
    with shop_db.read_session() as session:
        assert case.read(session, beheerder, record) == "Baarn"


def test_a_record_deleted_meanwhile_says_so(
    shop_db: Database, beheerder: Actor, begeleider: Actor
) -> None:
    with shop_db.session() as session:
        flow = _flow(session, beheerder)
        partner = partners.create_partner(session, beheerder, PartnerInput("Amfors",
                                                                            "sw_bedrijf"))
    with shop_db.session() as other_pc:
        flows.delete_flow(other_pc, begeleider, flow.id, flow.version)
        partners.delete_partner(other_pc, begeleider, partner.id, partner.version)
    with pytest.raises(flows.FlowChangedError) as flow_gone, shop_db.session() as session:
        flows.update_flow(session, beheerder, flow.id, flow.as_input(), flow.version)
    with pytest.raises(partners.PartnerChangedError) as partner_gone, \
            shop_db.session() as session:
        partners.update_partner(session, beheerder, partner.id, partner.as_input(),
                                partner.version)
    for error in (flow_gone.value, partner_gone.value):
        assert error.deleted and error.changed_by is None
    assert "verwijderd" in flow_gone.value.message


def test_hours_conflicts_are_record_conflicts_too() -> None:
    assert issubclass(HoursChangedError, RecordChangedError)
    error = HoursChangedError("Iemand anders heeft uren gewijzigd", {"cell": "gewijzigd"})
    assert error.field_errors == {"cell": "gewijzigd"} and error.changed_by is None
