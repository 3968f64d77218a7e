"""Two app instances on one database: optimistic locking, never a silent lost update.

Two ``Database`` objects (two engines, as two PCs would have) on the same SQLite file or the
same PostgreSQL database, each with its own logged-in user. For every editable record: both
read version v, A saves, B's save with v is refused with a message that names A, the database
keeps A's value, and B's save after reloading (the "overwrite knowingly" path) succeeds. Then
two threads increment the same records through the services, reloading and redoing on every
refusal: the totals equal the number of successful saves, so no update was lost.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text
from sqlalchemy.orm import Session

from kringloopdesk.db.engine import Database
from kringloopdesk.db.migrate import open_database
from kringloopdesk.db.models import (
    Agreement,
    Goal,
    GoodsFlow,
    Partner,
    Placement,
    Repair,
    TaggedItem,
    Worker,
)
from kringloopdesk.errors import UserError
from kringloopdesk.services import (
    auth,
    crypto,
    flows,
    goals,
    items,
    partners,
    placements,
    repairs,
    workers,
)
from kringloopdesk.services.auth import Actor, attempt_login
from kringloopdesk.services.setup import ShopInfo, initialise_shop
from kringloopdesk.services.users import create_user
from tests.conftest import throwaway_database

DAY = dt.date(2025, 3, 3)
ANNA, BART = ("anna", "anna-wachtwoord-1"), ("bart", "bart-wachtwoord-1")
WORKER = workers.WorkerInput(number="C-0001", first_name="Cor", last_name="Current",
                             doelgroep="participatiewet", start_date=DAY)
PLACEMENT = placements.PlacementInput(department="winkel", start_date=DAY, hours_per_week=24)
ITEM = items.ItemInput(product_group="kleingoed", description="Waterkoker", intake_date=DAY,
                       item_number="A-900001")
REPAIR = repairs.RepairInput(repair_date=DAY, outcome="Fixed")
PARTNER = partners.PartnerInput(name="Gemeente Samenwerk")
AGREEMENT = partners.AgreementInput(title="Werkafspraken")
STRESS_SAVES = 25  # per thread and record


@dataclass
class Office:
    """Two PCs on one database, and the records they both edit."""

    a: Database
    b: Database
    anna: Actor
    bart: Actor
    ids: dict[str, int]


def _login(db: Database, user: tuple[str, str]) -> Actor:
    with db.session() as session:
        return attempt_login(session, *user).actor_or_raise()


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    with pytest.MonkeyPatch.context() as patch:
        # The cheap argon2 that every test gets (conftest), for this module's users too.
        patch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024,
                                                      parallelism=1))
        for name, value in (("KDF_TIME_COST", 1), ("KDF_MEMORY_KIB", 1024),
                            ("KDF_PARALLELISM", 1)):
            patch.setattr(crypto, name, value)
        yield from _office(tmp_path_factory)


def _office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    with throwaway_database(tmp_path_factory.mktemp("office"), "office") as url:
        a = open_database(url)
        with a.session() as session:
            initialise_shop(session, ShopInfo(name="Kringloop Samen", certificate_prefix="SAM"),
                            username=ANNA[0], full_name="Anna Aalders", password=ANNA[1])
        anna = _login(a, ANNA)
        with a.session() as session:
            create_user(session, anna, username=BART[0], full_name="Bart Bos",
                        role="beheerder", password=BART[1])
        b = open_database(url)
        bart = _login(b, BART)
        ids = _create_records(a, anna)
        try:
            yield Office(a, b, anna, bart, ids)
        finally:
            a.dispose()
            b.dispose()


def _create_records(db: Database, actor: Actor) -> dict[str, int]:
    ids: dict[str, int] = {}
    with db.session() as session:
        ids["worker"] = workers.create_worker(session, actor, WORKER).id
        ids["placement"] = placements.create_placement(
            session, actor, ids["worker"], "winkel", DAY, 24).id
        ids["goal"] = goals.create_goal(session, actor, ids["placement"], "De kassa bedienen").id
        ids["group"] = session.scalar(text("SELECT id FROM product_groups WHERE code = "
                                           "'kleingoed'"))
        ids["flow"] = flows.record_flow(session, actor, _flow(ids["group"], "10")).id
        ids["item"] = items.create_item(session, actor, ITEM).id
        ids["repair"] = repairs.record_repair(session, actor, ids["item"], REPAIR).id
        ids["partner"] = partners.create_partner(session, actor, PARTNER).id
        ids["agreement"] = partners.create_agreement(session, actor, ids["partner"],
                                                     AGREEMENT).id
    return ids


def _flow(group_id: int, kg: str) -> flows.FlowInput:
    return flows.FlowInput(flow_date=DAY, direction="in", product_group_id=group_id, kg=kg,
                           channel="brengen")


# -- one saver per record type: (model, the field it changes, save(session, actor, id, value,
# version)) -----------------------------------------------------------------------------------

Save = Callable[[Session, Actor, dict[str, int], str, int], object]

SAVERS: dict[str, tuple[type, str, Save]] = {
    "worker": (Worker, "phone", lambda s, actor, ids, v, version: workers.update_worker(
        s, actor, ids["worker"], replace(WORKER, phone=v), version)),
    "placement": (Placement, "hours_per_week", lambda s, actor, ids, v, version:
                  placements.update_placement(s, actor, ids["placement"],
                                              replace(PLACEMENT, hours_per_week=v), version)),
    "goal": (Goal, "description", lambda s, actor, ids, v, version: goals.update_goal(
        s, actor, ids["goal"], v, None, "open", version)),
    "flow": (GoodsFlow, "kg", lambda s, actor, ids, v, version: flows.update_flow(
        s, actor, ids["flow"], _flow(ids["group"], v), version)),
    "item": (TaggedItem, "description", lambda s, actor, ids, v, version: items.update_item(
        s, actor, ids["item"], replace(ITEM, description=v), version)),
    "repair": (Repair, "notes", lambda s, actor, ids, v, version: repairs.update_repair(
        s, actor, ids["repair"], replace(REPAIR, notes=v), version)),
    "partner": (Partner, "city", lambda s, actor, ids, v, version: partners.update_partner(
        s, actor, ids["partner"], replace(PARTNER, city=v), version)),
    "agreement": (Agreement, "place", lambda s, actor, ids, v, version:
                  partners.update_agreement(s, actor, ids["agreement"],
                                            replace(AGREEMENT, place=v), version)),
}
VALUES = {"placement": ("20", "16"), "flow": ("11,5", "12,25"),
          "worker": ("0611111111", "0622222222")}


def _read(db: Database, kind: str, ids: dict[str, int]) -> tuple[int, Any]:
    """The record's version and the changed field, as a freshly opened form would see it."""
    model, name, _save = SAVERS[kind]
    with db.read_session() as session:
        row = session.get(model, ids[kind])
        assert row is not None
        return row.version, getattr(row, name)


def _same(kind: str, stored: Any, entered: str) -> bool:
    if kind in VALUES:
        return Decimal(stored) == Decimal(entered.replace(",", "."))
    return stored == entered


@pytest.mark.parametrize("kind", list(SAVERS))
def test_a_stale_save_is_refused_and_names_who_saved(office: Office, kind: str) -> None:
    _model, _name, save = SAVERS[kind]
    mine, theirs = VALUES.get(kind, (f"Anna {kind}", f"Bart {kind}"))
    version_a, _ = _read(office.a, kind, office.ids)
    version_b, _ = _read(office.b, kind, office.ids)
    assert version_a == version_b

    with office.a.session() as session:
        save(session, office.anna, office.ids, mine, version_a)
    with pytest.raises(UserError) as refused, office.b.session() as session:
        save(session, office.bart, office.ids, theirs, version_b)
    assert type(refused.value).__name__.endswith("ChangedError")
    assert "anna" in refused.value.message.lower(), refused.value.message
    version, stored = _read(office.b, kind, office.ids)
    assert version > version_a and _same(kind, stored, mine)

    # Bart reloads, sees Anna's change, and saves his own over it knowingly.
    with office.b.session() as session:
        save(session, office.bart, office.ids, theirs, version)
    newest, stored = _read(office.a, kind, office.ids)
    assert newest > version and _same(kind, stored, theirs)


Delete = Callable[[Session, Actor, int, int], object]

DELETERS: dict[str, Delete] = {
    "flow": lambda s, actor, id_, version: flows.delete_flow(s, actor, id_, version),
    "goal": lambda s, actor, id_, version: goals.delete_goal(s, actor, id_, version),
    "repair": lambda s, actor, id_, version: repairs.delete_repair(s, actor, id_, version),
    "agreement": lambda s, actor, id_, version: partners.delete_agreement(s, actor, id_,
                                                                          version),
    "partner": lambda s, actor, id_, version: partners.delete_partner(s, actor, id_, version),
}


@pytest.mark.parametrize("kind", list(DELETERS))
def test_deleting_a_record_someone_changed_is_refused(office: Office, kind: str) -> None:
    _model, _name, save = SAVERS[kind]
    version, _ = _read(office.b, kind, office.ids)
    with office.a.session() as session:
        save(session, office.anna, office.ids, "13" if kind == "flow" else "Anna, net nog",
             version)
    with pytest.raises(UserError) as refused, office.b.session() as session:
        DELETERS[kind](session, office.bart, office.ids[kind], version)
    assert type(refused.value).__name__.endswith("ChangedError")
    assert _read(office.a, kind, office.ids)[0] > version  # still there, with Anna's save


# -- many saves at once --------------------------------------------------------------------------


def _increment(db: Database, actor: Actor, ids: dict[str, int], kind: str,
               counts: dict[str, int]) -> None:
    """Add one to the record, as a user would: open, change, save; on a refusal reload and
    redo. Counts the saves that went through and the refusals."""
    _model, _name, save = SAVERS[kind]
    while True:
        version, value = _read(db, kind, ids)
        new = str(Decimal(value) + 1) if kind == "flow" else str(int(value) + 1)
        try:
            with db.session() as session:
                save(session, actor, ids, new, version)
        except UserError as exc:
            assert type(exc).__name__.endswith("ChangedError"), exc.message
            counts["refused"] += 1
            continue
        counts["saved"] += 1
        return


def test_two_pcs_saving_at_once_lose_no_update(office: Office) -> None:
    start = {}
    for kind, first in (("flow", "1"), ("partner", "1"), ("goal", "1")):
        version, _ = _read(office.a, kind, office.ids)
        with office.a.session() as session:
            SAVERS[kind][2](session, office.anna, office.ids, first, version)
        start[kind] = _read(office.a, kind, office.ids)[0]
    # The flow's kg counts from 1; the goal's description and the partner's city hold the
    # counter as text ("1", "2", …).
    counts = [{"saved": 0, "refused": 0}, {"saved": 0, "refused": 0}]
    errors: list[BaseException] = []

    def pc(db: Database, actor: Actor, tally: dict[str, int]) -> None:
        try:
            for _ in range(STRESS_SAVES):
                for kind in start:
                    _increment(db, actor, office.ids, kind, tally)
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=pc, args=(office.a, office.anna, counts[0])),
               threading.Thread(target=pc, args=(office.b, office.bart, counts[1]))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    saved = counts[0]["saved"] + counts[1]["saved"]
    assert saved == 2 * STRESS_SAVES * len(start)
    for kind in start:
        version, value = _read(office.a, kind, office.ids)
        lost = 2 * STRESS_SAVES - (Decimal(value) - 1)
        assert lost == 0, f"{kind}: {lost} lost updates"
        assert version - start[kind] >= 2 * STRESS_SAVES
    print(f"\n{saved} saves, {counts[0]['refused'] + counts[1]['refused']} refused and redone, "
          "0 lost updates")
