"""The Deelnemers list in SQL: search without regard to case and accents, filters on the
current placement, Dutch name order, windows, what an invoer gets — and 30,000 workers."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import insert, select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import Department, Doelgroep, Placement, Worker
from kringloopdesk.errors import PermissionDeniedError
from kringloopdesk.services import placements, workers
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.users import list_users
from kringloopdesk.services.workers import (
    NO_PLACEMENT,
    WORKER_LIST_COLUMNS,
    WorkerFilter,
    WorkerInput,
    WorkerSort,
)

D = dt.date
TODAY = D(2025, 6, 2)

PEOPLE = [
    # number, first name, last name, doelgroep, status, referrer
    ("D-0001", "Anaïs", "Çelik-van den Heuvel", "participatiewet", "actief", "Gemeente Amersfoort"),
    ("D-0002", "Jan", "de Vries", "wsw", "actief", "Amfors"),
    ("D-0003", "Łukasz", "Nowak", "inburgering", "actief", "VluchtelingenWerk"),
    ("D-0004", "Eva", "van 't Hof", "stagiair", "gepauzeerd", "MBO Amersfoort"),
    ("D-0005", "Mehmet", "Öztürk", "uwv", "uitgestroomd", "UWV"),
    ("d-0006", "Piet", "Bakker", "vrijwilliger", "aangemeld", None),
    ("D-0007", "Zoë", "Álvarez", "participatiewet", "actief", "Gemeente Amersfoort"),
]


def make(session, actor: Actor, number: str, first: str, last: str, doelgroep: str,
         status: str, referrer: str | None) -> workers.WorkerDetail:
    return workers.create_worker(
        session,
        actor,
        WorkerInput(number=number, first_name=first, last_name=last, doelgroep=doelgroep,
                    start_date=D(2024, 1, 8), status=status, referrer=referrer),
    )


@pytest.fixture
def shop(shop_db: Database, beheerder: Actor, begeleider: Actor) -> dict[str, int]:
    """Seven workers; three placed now (two coaches), one placed later, one ended."""
    ids: dict[str, int] = {}
    with shop_db.session() as session:
        for person in PEOPLE:
            ids[person[0]] = make(session, begeleider, *person).id
        coach = {u.username: u.id for u in list_users(session, beheerder)}
        placements.create_placement(session, begeleider, ids["D-0001"], "winkel", D(2025, 1, 6),
                                    16, coach_id=coach["marieke"])
        placements.create_placement(session, begeleider, ids["D-0002"], "sorteren",
                                    D(2024, 3, 4), 24, coach_id=coach["beheer"])
        placements.create_placement(session, begeleider, ids["D-0003"], "winkel", D(2025, 5, 1),
                                    12, coach_id=coach["beheer"])
        # Ended before today: no current placement.
        ended = placements.create_placement(session, begeleider, ids["D-0005"], "kassa",
                                            D(2024, 2, 1), 20)
        placements.end_placement(session, begeleider, ended.id, D(2025, 3, 31), "betaald_werk")
        # Only a planned one (it starts after TODAY): that is the current one.
        placements.create_placement(session, begeleider, ids["D-0007"], "fietsen",
                                    D(2025, 7, 1), 8)
    ids["marieke"] = coach["marieke"]
    ids["beheer"] = coach["beheer"]
    return ids


def numbers(db: Database, actor: Actor, flt: WorkerFilter | None = None,
            sort: WorkerSort | None = None, **kwargs) -> list[str]:
    flt = flt or WorkerFilter()
    sort = sort or WorkerSort()
    with db.read_session() as session:
        rows = workers.list_workers(session, actor, flt, sort, today=TODAY, **kwargs)
        count = workers.count_workers(session, actor, flt, today=TODAY)
    if "limit" not in kwargs and "offset" not in kwargs:
        assert count == len(rows), "count and list agree"
    return [row.number for row in rows]


def test_rows_carry_the_current_placement(shop_db: Database, beheerder: Actor,
                                          shop: dict[str, int]) -> None:
    with shop_db.read_session() as session:
        rows = {r.number: r for r in workers.list_workers(session, beheerder, today=TODAY)}
    first = rows["D-0001"]
    assert (first.full_name, first.doelgroep, first.status) == (
        "Anaïs Çelik-van den Heuvel", "participatiewet", "actief")
    assert first.doelgroep_label == "Re-integratie / werkervaringsplek (gemeente)"
    assert (first.department, first.department_label, first.coach_name) == (
        "winkel", "Winkel", "Marieke Jansen")
    assert (first.referrer, first.start_date, first.end_date) == (
        "Gemeente Amersfoort", D(2024, 1, 8), None)
    assert rows["D-0005"].department is None  # ended in March
    assert rows["D-0007"].department == "fietsen"  # the planned one is the current one
    assert rows["d-0006"].placement_id is None


def test_name_order_is_dutch(shop_db: Database, beheerder: Actor, shop: dict[str, int]) -> None:
    # "de Vries" under V, "van 't Hof" under H, "Çelik" under C, "Öztürk" under O.
    assert numbers(shop_db, beheerder) == [
        "D-0007", "d-0006", "D-0001", "D-0004", "D-0003", "D-0005", "D-0002"]
    assert numbers(shop_db, beheerder, sort=WorkerSort("name", descending=True))[0] == "D-0002"


@pytest.mark.parametrize("column", WORKER_LIST_COLUMNS)
def test_every_column_sorts_both_ways_with_empty_values_last(
    shop_db: Database, beheerder: Actor, shop: dict[str, int], column: str
) -> None:
    up = numbers(shop_db, beheerder, sort=WorkerSort(column))
    down = numbers(shop_db, beheerder, sort=WorkerSort(column, descending=True))
    assert sorted(up) == sorted(down) == sorted(p[0] for p in PEOPLE)
    if column == "department":
        assert up[:4] == ["D-0007", "D-0002", "D-0001", "D-0003"]  # Fietsen, Sorteren, Winkel
        assert set(up[4:]) == set(down[4:]) == {"D-0004", "D-0005", "d-0006"}
    if column == "coach":
        assert up[:2] == ["D-0003", "D-0002"]  # Bea Beheer (by name), then Marieke
        assert down[:1] == ["D-0001"]
    if column == "status":
        assert up[0] == "d-0006" and up[-1] == "D-0005"  # aangemeld … uitgestroomd
    if column == "number":
        assert up == ["D-0001", "D-0002", "D-0003", "D-0004", "D-0005", "d-0006", "D-0007"]


def test_search_ignores_case_and_accents(shop_db: Database, beheerder: Actor,
                                         shop: dict[str, int]) -> None:
    assert numbers(shop_db, beheerder, WorkerFilter(search="lukasz")) == ["D-0003"]
    assert numbers(shop_db, beheerder, WorkerFilter(search="ÖZTÜRK")) == ["D-0005"]
    assert numbers(shop_db, beheerder, WorkerFilter(search="celik anais")) == ["D-0001"]
    assert numbers(shop_db, beheerder, WorkerFilter(search="zoe alv")) == ["D-0007"]
    assert numbers(shop_db, beheerder, WorkerFilter(search="D-0006")) == ["d-0006"]
    assert numbers(shop_db, beheerder, WorkerFilter(search="van 't")) == ["D-0004"]
    assert numbers(shop_db, beheerder, WorkerFilter(search="  ")) == numbers(shop_db, beheerder)
    # Characters that mean something to GLOB or a regular expression are plain text.
    for text in ("*", "?", "[a]", "a.b", "(", "\\", "%", "_", "]"):
        assert numbers(shop_db, beheerder, WorkerFilter(search=text)) == []


def test_filters(shop_db: Database, beheerder: Actor, shop: dict[str, int]) -> None:
    def only(**kwargs) -> set[str]:
        return set(numbers(shop_db, beheerder, WorkerFilter(**kwargs)))

    assert only(doelgroep="participatiewet") == {"D-0001", "D-0007"}
    assert only(status="actief") == {"D-0001", "D-0002", "D-0003", "D-0007"}
    assert only(department="winkel") == {"D-0001", "D-0003"}
    assert only(department=NO_PLACEMENT) == {"D-0004", "D-0005", "d-0006"}
    assert only(coach_id=shop["beheer"]) == {"D-0002", "D-0003"}
    assert only(referrer="Gemeente Amersfoort") == {"D-0001", "D-0007"}
    assert only(department="winkel", coach_id=shop["marieke"], search="anais") == {"D-0001"}
    assert only(doelgroep="wsw", status="uitgestroomd") == set()


def test_windows(shop_db: Database, beheerder: Actor, shop: dict[str, int]) -> None:
    everyone = numbers(shop_db, beheerder)
    assert numbers(shop_db, beheerder, offset=0, limit=3) == everyone[:3]
    assert numbers(shop_db, beheerder, offset=3, limit=3) == everyone[3:6]
    assert numbers(shop_db, beheerder, offset=6, limit=3) == everyone[6:]


def test_anonymised_workers_are_not_listed(shop_db: Database, beheerder: Actor,
                                           shop: dict[str, int]) -> None:
    with shop_db.session() as session:
        session.get(Worker, shop["d-0006"]).anonymised_at = D(2025, 1, 1)
    assert "d-0006" not in numbers(shop_db, beheerder)


def test_options(shop_db: Database, beheerder: Actor, shop: dict[str, int]) -> None:
    with shop_db.read_session() as session:
        options = workers.worker_list_options(session, beheerder)
    assert options.referrers == ("Amfors", "Gemeente Amersfoort", "MBO Amersfoort", "UWV",
                                 "VluchtelingenWerk")
    assert [c.label for c in options.coaches] == ["Bea Beheer", "Marieke Jansen"]
    assert options.doelgroepen[0].value == "wsw"
    assert options.departments[0].label == "Winkel"


def test_number_in_use(shop_db: Database, begeleider: Actor, shop: dict[str, int]) -> None:
    with shop_db.read_session() as session:
        assert workers.number_in_use(session, begeleider, "d-0001") == (
            "Het nummer d-0001 is al in gebruik")
        assert workers.number_in_use(session, begeleider, "D-0001", shop["D-0001"]) is None
        assert workers.number_in_use(session, begeleider, "D-9999") is None


def test_an_invoer_gets_number_and_name_only(shop_db: Database, invoer: Actor,
                                             shop: dict[str, int]) -> None:
    with shop_db.read_session() as session:
        rows = workers.list_workers(session, invoer, WorkerFilter(search="lukasz"), today=TODAY)
        assert workers.count_workers(session, invoer, today=TODAY) == len(PEOPLE)
    assert len(rows) == 1
    row = rows[0]
    assert (row.number, row.full_name) == ("D-0003", "Łukasz Nowak")
    assert all(getattr(row, name) is None for name in (
        "doelgroep", "doelgroep_label", "status", "placement_id", "department",
        "department_label", "coach_id", "coach_name", "referrer", "start_date", "end_date"))
    assert numbers(shop_db, invoer, sort=WorkerSort("number", descending=True))[0] == "D-0007"
    # A filter or sort on anything but number and name would tell what the rows do not.
    for flt in (WorkerFilter(doelgroep="inburgering"), WorkerFilter(status="actief"),
                WorkerFilter(department="winkel"), WorkerFilter(coach_id=1),
                WorkerFilter(referrer="UWV"), WorkerFilter(department=NO_PLACEMENT)):
        with pytest.raises(PermissionDeniedError), shop_db.read_session() as session:
            workers.list_workers(session, invoer, flt)
        with pytest.raises(PermissionDeniedError), shop_db.read_session() as session:
            workers.count_workers(session, invoer, flt)
    for column in set(WORKER_LIST_COLUMNS) - {"number", "name"}:
        with pytest.raises(PermissionDeniedError), shop_db.read_session() as session:
            workers.list_workers(session, invoer, sort=WorkerSort(column))
    with pytest.raises(PermissionDeniedError), shop_db.read_session() as session:
        workers.worker_list_options(session, invoer)


def test_check_worker_input_is_the_services_own_rule() -> None:
    data = WorkerInput(number=" D-1 ", first_name="", last_name="Jansen", doelgroep="wsw",
                       start_date=None, email="geen-adres", phone="12345", postcode="3811ab")
    cleaned, errors = workers.check_worker_input(data)
    assert cleaned.number == "D-1" and cleaned.postcode == "3811 AB"
    assert set(errors) == {"first_name", "start_date", "email", "phone"}
    _, errors = workers.check_worker_input(replace(data, postcode="38111"))
    assert errors["postcode"] == "Postcode: 4 cijfers en 2 letters, bijvoorbeeld 3811 AB"


# --- 30,000 workers ----------------------------------------------------------------------------

STRESS_WORKERS = 30_000
FIRST_NAMES = ("Anaïs", "Jan", "Łukasz", "Fatima", "Mohammed", "Sanne", "Eva", "Piet")
LAST_NAMES = ("de Vries", "van der Berg", "Jansen", "Çelik", "Öztürk", "van 't Hof", "Bakker",
              "El Idrissi")


def test_thirty_thousand_workers_are_quick(shop_db: Database, beheerder: Actor) -> None:
    """Count and the first window of the list, sorted by name and filtered on a department,
    each well within half a second (the page opens as fast as with thirty)."""
    with shop_db.session() as session:
        doelgroepen = list(session.scalars(select(Doelgroep.id)))
        departments = list(session.scalars(select(Department.id)))
        session.execute(
            insert(Worker),
            [
                {
                    "number": f"S-{i:05d}",
                    "first_name": FIRST_NAMES[i % len(FIRST_NAMES)],
                    "last_name": f"{LAST_NAMES[(i // 8) % len(LAST_NAMES)]} {i}",
                    "doelgroep_id": doelgroepen[i % len(doelgroepen)],
                    "referrer": f"Verwijzer {i % 40}",
                    "start_date": D(2015, 1, 1) + dt.timedelta(days=i % 3650),
                    "status": "actief" if i % 3 else "uitgestroomd",
                    "version": 1,
                }
                for i in range(STRESS_WORKERS)
            ],
        )
        ids = list(session.scalars(select(Worker.id).order_by(Worker.id)))
        session.execute(
            insert(Placement),
            [
                {
                    "worker_id": worker_id,
                    "department_id": departments[n % len(departments)],
                    "start_date": D(2024, 1, 1),
                    "end_date": None if n % 3 else D(2024, 12, 31),
                    "outcome": None if n % 3 else "onbekend",
                    "hours_per_week": Decimal(16),
                    "status": "actief" if n % 3 else "afgerond",
                    "version": 1,
                }
                for n, worker_id in enumerate(ids)
            ],
        )

    timings = []
    with shop_db.read_session() as session:
        for flt, sort in (
            (WorkerFilter(), WorkerSort("name")),
            (WorkerFilter(search="celik 1"), WorkerSort("name")),
            (WorkerFilter(department="winkel"), WorkerSort("department", descending=True)),
            (WorkerFilter(status="actief"), WorkerSort("coach")),
        ):
            started = time.perf_counter()
            total = workers.count_workers(session, beheerder, flt, today=TODAY)
            rows = workers.list_workers(session, beheerder, flt, sort, limit=200, today=TODAY)
            later = workers.list_workers(session, beheerder, flt, sort, offset=total - 10,
                                         limit=200, today=TODAY)
            timings.append(time.perf_counter() - started)
            assert len(rows) == min(200, total) and len(later) == min(10, total)
    assert max(timings) < 1.5, timings


def test_next_worker_number(shop_db: Database, begeleider: Actor) -> None:
    with shop_db.read_session() as session:
        assert workers.next_worker_number(session, begeleider) == "D-0001"
    with shop_db.session() as session:
        for number in ("D-0009", "D-0041", "X-7"):
            make(session, begeleider, number, "A", "B", "wsw", "actief", None)
        make(session, begeleider, "D-0012", "A", "B", "wsw", "actief", None)
    with shop_db.read_session() as session:
        assert workers.next_worker_number(session, begeleider) == "D-0042"
