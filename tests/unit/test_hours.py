"""The urenregistratie: the week grid per department, saving a week all or nothing, the
refusals that name the worker and the day, several entries in one cell, and a worker's hours
with totals per week and month."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import AuditEntry, HourEntry
from kringloopdesk.errors import PermissionDeniedError, UserError, ValidationError
from kringloopdesk.services import hours
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.hours import HoursChangedError, cell_key
from tests.unit.hours_data import add_hours, add_placement, add_worker

D = dt.date
MONDAY = D(2025, 3, 3)  # week 10 of 2025, long past
SUNDAY = D(2025, 3, 9)


@pytest.fixture
def week(shop_db: Database) -> dict[str, int]:
    """Sorteren in week 10 of 2025: who is in it, and who just is not."""
    with shop_db.session() as session:
        anais = add_worker(session, "D-0042", "Anaïs", "Çelik")
        bram = add_worker(session, "D-0007", "Bram", "de Vries")
        cees = add_worker(session, "D-0003", "Cees", "Akkerman")
        dana = add_worker(session, "D-0011", "Dana", "Bos")
        eva = add_worker(session, "D-0012", "Eva", "Mol")
        fien = add_worker(session, "D-0013", "Fien", "Wit")
        ids = {
            # Whole week, open-ended.
            "anais": add_placement(session, anais, "sorteren", D(2025, 1, 6)).id,
            # Ends on Wednesday.
            "bram": add_placement(session, bram, "sorteren", D(2024, 9, 1), D(2025, 3, 5)).id,
            # Starts on Sunday.
            "cees": add_placement(session, cees, "sorteren", SUNDAY).id,
            # Ended the Sunday before, starts the Monday after, other department: not in it.
            "dana": add_placement(session, dana, "sorteren", D(2025, 1, 1), D(2025, 3, 2)).id,
            "eva": add_placement(session, eva, "sorteren", D(2025, 3, 10)).id,
            # Leaves winkel on Tuesday and starts in sorteren on Thursday.
            "fien_winkel": add_placement(session, fien, "winkel", D(2025, 1, 1),
                                         D(2025, 3, 4)).id,
            "fien": add_placement(session, fien, "sorteren", D(2025, 3, 6)).id,
        }
        ids.update(anais_w=anais.id, bram_w=bram.id, cees_w=cees.id, fien_w=fien.id)
    return ids


def grid(db: Database, actor: Actor, monday: dt.date = MONDAY) -> hours.WeekGrid:
    with db.read_session() as session:
        return hours.week_grid(session, actor, "sorteren", monday)


def save(db: Database, actor: Actor, changes, expected=None) -> hours.WeekSaved:
    with db.session() as session:
        return hours.save_week(session, actor, "sorteren", MONDAY, changes, expected)


def stored(db: Database, placement_id: int) -> dict[dt.date, list[Decimal]]:
    with db.read_session() as session:
        entries = session.scalars(
            select(HourEntry).where(HourEntry.placement_id == placement_id)
            .order_by(HourEntry.entry_date, HourEntry.id)
        ).all()
    found: dict[dt.date, list[Decimal]] = {}
    for entry in entries:
        found.setdefault(entry.entry_date, []).append(entry.hours)
    return found


# --- the grid ---------------------------------------------------------------------------------


def test_the_grid_holds_everyone_placed_on_a_day_of_the_week(
    shop_db: Database, invoer: Actor, week: dict[str, int]
) -> None:
    shown = grid(shop_db, invoer, D(2025, 3, 6))  # any day of the week will do
    assert shown.monday == MONDAY and shown.week_number == 10
    assert shown.days[0] == MONDAY and shown.days[-1] == SUNDAY
    assert shown.department == "sorteren" and shown.department_label == "Sorteren"
    # Dutch name order: "de Vries" under V, accents folded.
    assert [r.full_name for r in shown.rows] == [
        "Cees Akkerman", "Anaïs Çelik", "Bram de Vries", "Fien Wit"
    ]
    cees, anais, bram, fien = shown.rows
    assert anais.in_placement == (True,) * 7
    assert bram.in_placement == (True, True, True, False, False, False, False)
    assert cees.in_placement == (False,) * 6 + (True,)
    assert fien.in_placement == (False,) * 3 + (True,) * 4
    assert (anais.number, anais.placement_id) == ("D-0042", week["anais"])
    assert fien.placement_id == week["fien"]  # only the sorteren placement is in this grid
    assert anais.hours == (None,) * 7 and shown.total == 0
    assert shown.editable(1, 0) and not shown.editable(2, 3) and not shown.editable(0, 0)
    assert shown.cell(2, 3) is None and shown.cell(1, 2) == (week["anais"], D(2025, 3, 5))


def test_sums_and_totals_are_exact(shop_db: Database, invoer: Actor,
                                   week: dict[str, int]) -> None:
    with shop_db.session() as session:
        from kringloopdesk.db.models import Placement

        anais = session.get(Placement, week["anais"])
        bram = session.get(Placement, week["bram"])
        add_hours(session, anais, MONDAY, "4.25")
        add_hours(session, anais, MONDAY, "3.1")  # an import's second line for the day
        add_hours(session, anais, D(2025, 3, 5), "7.5")
        add_hours(session, bram, D(2025, 3, 5), "0.05")
        add_hours(session, anais, D(2025, 3, 10), "8")  # the week after
    shown = grid(shop_db, invoer)
    anais = shown.rows[1]
    assert anais.hours[:3] == (Decimal("7.35"), None, Decimal("7.5"))
    assert anais.entries[:3] == (2, 0, 1)
    assert anais.total == Decimal("14.85")
    assert shown.day_totals[:3] == (Decimal("7.35"), 0, Decimal("7.55"))
    assert shown.total == Decimal("14.90")
    assert shown.shown()[(week["anais"], MONDAY)] == Decimal("7.35")
    assert (week["bram"], D(2025, 3, 6)) not in shown.shown()


def test_two_placements_of_one_worker_in_one_week_make_one_row(
    shop_db: Database, invoer: Actor
) -> None:
    with shop_db.session() as session:
        gijs = add_worker(session, "D-0050", "Gijs", "Goud")
        first = add_placement(session, gijs, "sorteren", D(2025, 1, 1), D(2025, 3, 4)).id
        second = add_placement(session, gijs, "sorteren", D(2025, 3, 7)).id
    shown = grid(shop_db, invoer)
    (row,) = shown.rows
    assert row.placements == (first, first, None, None, second, second, second)
    assert row.placement_id == second
    result = save(shop_db, invoer, {(first, D(2025, 3, 4)): 4, (second, D(2025, 3, 7)): 5})
    assert result.grid.rows[0].hours == (None, Decimal(4), None, None, Decimal(5), None, None)


def test_an_unknown_department_is_refused(shop_db: Database, invoer: Actor) -> None:
    with pytest.raises(UserError) as caught, shop_db.read_session() as session:
        hours.week_grid(session, invoer, "zolder", MONDAY)
    assert "zolder" in caught.value.message


# --- saving -------------------------------------------------------------------------------


def test_a_volunteer_books_changes_and_clears_a_week(
    shop_db: Database, invoer: Actor, week: dict[str, int]
) -> None:
    a, b = week["anais"], week["bram"]
    result = save(shop_db, invoer, {
        (a, MONDAY): Decimal("7.5"), (a, D(2025, 3, 4)): "6,25", (b, MONDAY): 4,
        (a, D(2025, 3, 5)): None,  # empty stays empty: nothing to do
    })
    assert (result.booked, result.cleared, result.changed) == (3, 0, 3)
    assert result.grid.rows[1].hours[:2] == (Decimal("7.5"), Decimal("6.25"))
    assert stored(shop_db, a) == {MONDAY: [Decimal("7.5")], D(2025, 3, 4): [Decimal("6.25")]}

    result = save(shop_db, invoer, {(a, MONDAY): Decimal("8"), (a, D(2025, 3, 4)): 0,
                                    (b, MONDAY): None})
    assert (result.booked, result.cleared) == (1, 2)
    assert stored(shop_db, a) == {MONDAY: [Decimal("8")]}
    assert stored(shop_db, b) == {}
    assert result.grid.total == Decimal("8")

    with shop_db.read_session() as session:
        log = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "hour_entries").order_by(AuditEntry.id)
        ).all()
    assert [(e.action, json.loads(e.fields), e.username) for e in log] == [
        ("create", ["entry_date", "hours"], "ria")] * 3 + [
        ("update", ["hours"], "ria"), ("delete", ["hours"], "ria"), ("delete", ["hours"], "ria")
    ]


def test_the_same_hours_again_change_nothing(shop_db: Database, invoer: Actor,
                                             week: dict[str, int]) -> None:
    a = week["anais"]
    save(shop_db, invoer, {(a, MONDAY): "7,5"})
    result = save(shop_db, invoer, {(a, MONDAY): Decimal("7.50")})
    assert result.changed == 0
    with shop_db.read_session() as session:
        assert session.scalar(select(HourEntry.version)) == 1


def test_editing_a_cell_with_several_entries_leaves_one(
    shop_db: Database, begeleider: Actor, week: dict[str, int]
) -> None:
    from kringloopdesk.db.models import Placement

    with shop_db.session() as session:
        placement = session.get(Placement, week["anais"])
        first = add_hours(session, placement, MONDAY, "4").id
        add_hours(session, placement, MONDAY, "3.5")
        add_hours(session, placement, D(2025, 3, 4), "2")
        add_hours(session, placement, D(2025, 3, 4), "2")
    result = save(shop_db, begeleider, {(week["anais"], MONDAY): "6",
                                        (week["anais"], D(2025, 3, 4)): ""})
    assert (result.booked, result.cleared) == (1, 1)
    with shop_db.read_session() as session:
        left = session.scalars(select(HourEntry)).all()
    assert [(e.id, e.entry_date, e.hours) for e in left] == [(first, MONDAY, Decimal("6"))]
    assert result.grid.rows[1].entries[:2] == (1, 0)


def test_a_bad_cell_refuses_the_whole_week_and_says_who_and_when(
    shop_db: Database, invoer: Actor, week: dict[str, int]
) -> None:
    a, b, c = week["anais"], week["bram"], week["cees"]
    cases = [
        ({(b, D(2025, 3, 6)): 4}, "Bram de Vries (D-0007), donderdag 06-03-2025: valt buiten de "
                                  "plaatsing (01-09-2024 tot en met 05-03-2025)"),
        ({(c, D(2025, 3, 8)): 4}, "Cees Akkerman (D-0003), zaterdag 08-03-2025: valt buiten de "
                                  "plaatsing (vanaf 09-03-2025)"),
        ({(a, MONDAY): "24,01"}, "Anaïs Çelik (D-0042), maandag 03-03-2025: hoogstens 24 uur "
                                 "op een dag"),
        ({(a, MONDAY): "7,555"}, "Anaïs Çelik (D-0042), maandag 03-03-2025: hoogstens 2 "
                                 "decimalen, bijvoorbeeld 7,25"),
        ({(a, MONDAY): -2}, "Anaïs Çelik (D-0042), maandag 03-03-2025: geen negatieve uren"),
        ({(a, MONDAY): "zeven"}, "Anaïs Çelik (D-0042), maandag 03-03-2025: 'zeven' is geen "
                                 "aantal uren"),
        ({(a, D(2025, 3, 10)): 4}, "Anaïs Çelik (D-0042), maandag 10-03-2025: die dag hoort "
                                   "niet bij deze week"),
    ]
    for changes, message in cases:
        # One good cell with every bad one: all or nothing.
        with pytest.raises(ValidationError) as caught:
            save(shop_db, invoer, {(a, D(2025, 3, 4)): 8, **changes})
        assert caught.value.message == f"{message}. Er is niets opgeslagen."
        (cell,) = changes
        assert caught.value.field_errors == {cell_key(cell): message}
    assert stored(shop_db, a) == {}
    save(shop_db, invoer, {(a, MONDAY): 24, (b, MONDAY): "0,01"})  # the limits themselves


def test_a_day_in_the_future_is_refused(shop_db: Database, invoer: Actor) -> None:
    today = dt.date.today()
    monday = hours.week_start(today + dt.timedelta(days=1))
    with shop_db.session() as session:
        worker = add_worker(session, "D-0100", "Anaïs", "Çelik")
        placement = add_placement(session, worker, "sorteren", today - dt.timedelta(days=30)).id
    tomorrow = today + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as caught, shop_db.session() as session:
        hours.save_week(session, invoer, "sorteren", monday, {(placement, tomorrow): 4})
    assert "die dag ligt in de toekomst" in caught.value.message
    assert tomorrow.strftime("%d-%m-%Y") in caught.value.message
    with shop_db.read_session() as session:
        shown = hours.week_grid(session, invoer, "sorteren", monday)
    day = (tomorrow - monday).days
    assert not shown.editable(0, day)
    if tomorrow.weekday() > 0:
        with shop_db.session() as session:  # today itself is fine
            hours.save_week(session, invoer, "sorteren", monday, {(placement, today): 4})


def test_several_bad_cells_are_listed(shop_db: Database, invoer: Actor,
                                      week: dict[str, int]) -> None:
    a = week["anais"]
    with pytest.raises(ValidationError) as caught:
        save(shop_db, invoer, {(a, MONDAY): 25, (a, D(2025, 3, 4)): "1,001", (a, SUNDAY): 3})
    assert caught.value.message == (
        "2 dagen kunnen zo niet worden opgeslagen; er is niets opgeslagen."
    )
    assert set(caught.value.field_errors) == {cell_key((a, MONDAY)),
                                              cell_key((a, D(2025, 3, 4)))}


def test_a_cell_changed_meanwhile_is_not_overwritten(
    shop_db: Database, invoer: Actor, begeleider: Actor, week: dict[str, int]
) -> None:
    a = week["anais"]
    seen = grid(shop_db, invoer).shown()
    save(shop_db, begeleider, {(a, MONDAY): 6})  # another PC, after the grid was read
    with pytest.raises(HoursChangedError) as caught:
        save(shop_db, invoer, {(a, MONDAY): 7, (a, D(2025, 3, 4)): 5}, expected=seen)
    assert caught.value.field_errors == {
        cell_key((a, MONDAY)): "Anaïs Çelik (D-0042), maandag 03-03-2025: intussen gewijzigd "
                               "(nu 6 uur)"
    }
    assert stored(shop_db, a) == {MONDAY: [Decimal("6")]}
    # Read again, the change goes through.
    save(shop_db, invoer, {(a, MONDAY): 7}, expected=grid(shop_db, invoer).shown())
    assert stored(shop_db, a) == {MONDAY: [Decimal("7")]}


def test_a_placement_of_another_department_is_refused(
    shop_db: Database, invoer: Actor, week: dict[str, int]
) -> None:
    with pytest.raises(UserError) as caught:
        save(shop_db, invoer, {(week["fien_winkel"], MONDAY): 4})
    assert "hoort niet (meer) bij Sorteren" in caught.value.message


def test_an_anonymised_worker_stays_as_it_is(shop_db: Database, beheerder: Actor,
                                             week: dict[str, int]) -> None:
    from kringloopdesk.db.models import Worker

    with shop_db.session() as session:
        session.get(Worker, week["bram_w"]).anonymised_at = D(2026, 1, 1)
    shown = grid(shop_db, beheerder)
    bram = next(r for r in shown.rows if r.number == "D-0007")
    assert bram.anonymised and not shown.editable(shown.rows.index(bram), 0)
    with pytest.raises(ValidationError) as caught:
        save(shop_db, beheerder, {(week["bram"], MONDAY): 4})
    assert "geanonimiseerd" in caught.value.message


# --- one worker -----------------------------------------------------------------------------


def test_a_workers_hours_with_week_and_month_totals(
    shop_db: Database, invoer: Actor, week: dict[str, int]
) -> None:
    from kringloopdesk.db.models import Placement

    with shop_db.session() as session:
        winkel = session.get(Placement, week["fien_winkel"])
        sorteren = session.get(Placement, week["fien"])
        add_hours(session, winkel, D(2025, 2, 27), "4")  # Thursday, week 9, February
        add_hours(session, winkel, D(2025, 3, 3), "3.5")  # week 10, March
        add_hours(session, sorteren, D(2025, 3, 6), "5.25")
        add_hours(session, sorteren, D(2025, 3, 6), "1")
        add_hours(session, sorteren, D(2025, 3, 31), "6")  # week 14
    with shop_db.read_session() as session:
        found = hours.worker_hours(session, invoer, week["fien_w"])
        march = hours.worker_hours(session, invoer, week["fien_w"], D(2025, 3, 1),
                                   D(2025, 3, 30))
    assert found.worker.display == "D-0013 Fien Wit"
    assert [(line.day, line.hours, line.department) for line in found.lines] == [
        (D(2025, 2, 27), Decimal("4"), "winkel"), (D(2025, 3, 3), Decimal("3.5"), "winkel"),
        (D(2025, 3, 6), Decimal("5.25"), "sorteren"), (D(2025, 3, 6), Decimal("1"), "sorteren"),
        (D(2025, 3, 31), Decimal("6"), "sorteren"),
    ]
    assert (found.total, found.days) == (Decimal("19.75"), 4)
    assert [(w.first_day, w.last_day, w.week_number, w.hours, w.days) for w in found.weeks] == [
        (D(2025, 2, 24), D(2025, 3, 2), 9, Decimal("4"), 1),
        (D(2025, 3, 3), D(2025, 3, 9), 10, Decimal("9.75"), 2),
        (D(2025, 3, 31), D(2025, 4, 6), 14, Decimal("6"), 1),
    ]
    assert [(m.first_day, m.last_day, m.hours) for m in found.months] == [
        (D(2025, 2, 1), D(2025, 2, 28), Decimal("4")),
        (D(2025, 3, 1), D(2025, 3, 31), Decimal("15.75")),
    ]
    assert march.total == Decimal("9.75") and len(march.lines) == 3
    with pytest.raises(ValidationError), shop_db.read_session() as session:
        hours.worker_hours(session, invoer, week["fien_w"], D(2025, 3, 2), D(2025, 3, 1))
    with pytest.raises(UserError), shop_db.read_session() as session:
        hours.worker_hours(session, invoer, 99_999)


# --- the plain rules ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("7,5", Decimal("7.5")), ("7.5", Decimal("7.5")), (" 8 ", Decimal("8")), ("", None),
    (None, None), (3, Decimal(3)), (Decimal("0.25"), Decimal("0.25")), (",5", Decimal("0.5")),
])
def test_parse_hours(text, value) -> None:
    assert hours.parse_hours(text) == value


@pytest.mark.parametrize("text", ["zeven", "7,5,5", "1e", "nan", "inf", ","])
def test_parse_hours_refuses_what_is_no_number(text: str) -> None:
    with pytest.raises(ValidationError):
        hours.parse_hours(text)


def test_hours_problem_and_format() -> None:
    assert hours.hours_problem(Decimal("24")) is None
    assert hours.hours_problem(Decimal("0")) is None  # clears
    assert hours.hours_problem(Decimal("24.01")) == "Hoogstens 24 uur op een dag"
    assert hours.hours_problem(Decimal("1.005")) == "Hoogstens 2 decimalen, bijvoorbeeld 7,25"
    assert hours.hours_problem(Decimal("-1")) == "Geen negatieve uren"
    assert [hours.format_hours(Decimal(v)) for v in ("7.50", "8.00", "7.25", "0.05", "0", "12")
            ] == ["7,5", "8", "7,25", "0,05", "0", "12"]
    assert hours.week_start(D(2025, 3, 9)) == MONDAY == hours.week_start(MONDAY)
    assert hours.weekday_name(SUNDAY) == "zondag"


def test_without_a_role_nothing(shop_db: Database) -> None:
    nobody = Actor(1, "x", "X", "gast")
    with pytest.raises(PermissionDeniedError), shop_db.read_session() as session:
        hours.week_grid(session, nobody, "sorteren", MONDAY)
