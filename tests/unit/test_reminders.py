"""The dashboard's aandachtspunten on hand-made data, every date on or just past a boundary."""

from __future__ import annotations

import datetime as dt

import pytest

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import Worker
from kringloopdesk.errors import PermissionDeniedError
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.reminders import reminders
from tests.unit.hours_data import add_goal, add_hours, add_placement, add_worker

TODAY = dt.date(2025, 3, 15)


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def read(db: Database, actor: Actor, limit: int | None = None):
    with db.read_session() as session:
        return reminders(session, actor, TODAY, limit=limit)


def test_placements_ending_within_30_days(shop_db: Database, begeleider: Actor) -> None:
    with shop_db.session() as session:
        def placed(number: str, last: str, **kwargs) -> None:
            worker = add_worker(session, number, "Test", last)
            start = kwargs.pop("start", days(-200))
            add_placement(session, worker, "winkel", start, kwargs.pop("end", None), **kwargs)

        placed("D-01", "Dertig", planned_end=days(30))  # the last day in
        placed("D-02", "Eenendertig", planned_end=days(31))  # out
        placed("D-03", "Vandaag", planned_end=TODAY)
        placed("D-04", "Verlopen", planned_end=days(-3))  # still open: must be ended
        placed("D-05", "Beëindigd", planned_end=days(10), end=days(-1))  # ended: out
        placed("D-06", "Gepland", planned_end=days(20), start=days(1))  # not started: out
        placed("D-07", "Onbepaald")  # no planned end: out
        placed("D-08", "Gepauzeerd", planned_end=days(5), status="gepauzeerd")  # open: in

    found = read(shop_db, begeleider).ending
    assert found is not None
    assert [(i.number, i.name, i.planned_end_date, i.days_left, i.department_label)
            for i in found.items] == [
        ("D-04", "Test Verlopen", days(-3), -3, "Winkel"),
        ("D-03", "Test Vandaag", TODAY, 0, "Winkel"),
        ("D-08", "Test Gepauzeerd", days(5), 5, "Winkel"),
        ("D-01", "Test Dertig", days(30), 30, "Winkel"),
    ]
    assert found.count == 4


def test_open_goals_past_their_target_date(shop_db: Database, begeleider: Actor) -> None:
    with shop_db.session() as session:
        anna = add_worker(session, "D-01", "Anna", "Zand")
        bob = add_worker(session, "D-02", "Bob", "Aap")
        cor = add_worker(session, "D-03", "Cor", "Oud")
        running = add_placement(session, anna, "kassa", days(-100))
        other = add_placement(session, bob, "elektra", days(-100))
        ended = add_placement(session, cor, "winkel", days(-100), days(-1))
        late = add_goal(session, running, days(-1), description="Zelfstandig afrekenen")
        add_goal(session, running, TODAY)  # due today: not late yet
        add_goal(session, running, days(-30), status="behaald")
        add_goal(session, running, None)
        later = add_goal(session, other, days(-40), description="Apparaten keuren")
        add_goal(session, ended, days(-50))  # its placement ended

    found = read(shop_db, begeleider).goals
    assert found is not None and found.count == 2
    assert [(g.goal_id, g.name, g.description, g.days_overdue, g.department_label)
            for g in found.items] == [
        (later.id, "Bob Aap", "Apparaten keuren", 40, "Elektra (reparatie en keuring)"),
        (late.id, "Anna Zand", "Zelfstandig afrekenen", 1, "Kassa"),
    ]


def test_active_workers_without_hours_in_the_last_14_days(
    shop_db: Database, begeleider: Actor
) -> None:
    with shop_db.session() as session:
        def placed(number: str, last: str, start: dt.date | None = None, **kwargs):
            return add_placement(session, add_worker(session, number, "Test", last),
                                 "sorteren", start or days(-100), **kwargs)

        add_hours(session, placed("D-01", "Veertien"), days(-14), "4")  # just outside: in
        add_hours(session, placed("D-02", "Dertien"), days(-13), "4")  # just inside: out
        add_hours(session, placed("D-03", "Vandaag"), TODAY, "4")  # out
        placed("D-04", "Nooit")  # no hours ever: in, first
        placed("D-05", "Pas begonnen", start=days(-12))  # not placed the whole window: out
        placed("D-06", "Aan de start", start=days(-13))  # placed on the window's first day: in
        placed("D-07", "Pauze", status="gepauzeerd")  # out
        placed("D-08", "Gestopt", end=days(-1))  # not active today: out
        # Moved from winkel to sorteren within the window: placed all along, in.
        mover = add_worker(session, "D-09", "Test", "Verhuisd")
        winkel = add_placement(session, mover, "winkel", days(-100), days(-6))
        add_hours(session, winkel, days(-20), "3")
        add_placement(session, mover, "sorteren", days(-5))
        # Anonymised people never show (they cannot have a running placement anyway).
        gone = placed("D-10", "Anoniem")
        session.get(Worker, gone.worker_id).anonymised_at = days(-1)

    found = read(shop_db, begeleider).missing_hours
    assert [(m.number, m.last_hours_date) for m in found.items] == [
        ("D-06", None), ("D-04", None), ("D-09", days(-20)), ("D-01", days(-14)),
    ]
    assert found.count == 4
    assert found.items[2].department_label == "Sorteren"  # where the worker is today


def test_a_volunteer_sees_the_hours_list_only(shop_db: Database, invoer: Actor,
                                              begeleider: Actor) -> None:
    with shop_db.session() as session:
        worker = add_worker(session, "D-01", "Anna", "Zand")
        placement = add_placement(session, worker, "winkel", days(-100), planned_end=days(3))
        add_goal(session, placement, days(-1))
    mine = read(shop_db, invoer)
    assert mine.ending is None and mine.goals is None
    assert [(m.number, m.name) for m in mine.missing_hours.items] == [("D-01", "Anna Zand")]
    coach = read(shop_db, begeleider)
    assert coach.ending is not None and coach.ending.count == 1
    assert coach.goals is not None and coach.goals.count == 1


def test_the_first_few_and_the_count(shop_db: Database, beheerder: Actor) -> None:
    with shop_db.session() as session:
        for n in range(8):
            add_placement(session, add_worker(session, f"D-{n:02}", "Test", f"N{n}"), "winkel",
                          days(-100), planned_end=days(n))
    with shop_db.read_session() as session:
        found = reminders(session, beheerder, TODAY)  # the default: five
    assert found.today == TODAY
    assert found.ending is not None and found.ending.count == 8
    assert [i.number for i in found.ending.items] == ["D-00", "D-01", "D-02", "D-03", "D-04"]
    assert found.missing_hours.count == 8 and len(found.missing_hours.items) == 5


def test_nobody_without_a_role(shop_db: Database) -> None:
    with pytest.raises(PermissionDeniedError), shop_db.read_session() as session:
        reminders(session, Actor(1, "x", "X", "gast"), TODAY)
