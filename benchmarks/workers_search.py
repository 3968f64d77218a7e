"""Scenario 3: the Deelnemers list searching as you type, per keystroke, against a plain LIKE.

    python benchmarks/run.py --only workers_search [--scale tiny]

Ours is what the page does after each pause in typing (``LazyListPage.apply_filter``): the
``WorkersModel`` gets the new ``WorkerFilter`` and asks ``count_workers`` (for the count
label) and then ``list_workers`` for the first window of 200 rows, each in a read session of
its own, as ``gui.operations.query`` opens them, logged in as the beheerder (every column).

The baseline is the same list as one would write it by hand on a ``sqlite3`` connection: the
same count and the same first 200 rows with the same columns and joins (doelgroep, the current
placement, its afdeling and begeleider), but ``LIKE '%word%'`` on number and name (ASCII case
only: "ozturk" does not find "Öztürk", ours does) and ORDER BY the last name as stored ("de
Vries" under d; ours sorts it under V). The texts are typed letter by letter; a figure is
the time for all keystrokes of all texts divided by their number, the best of 9 rounds
taken in turns with the baseline's.
"""

from __future__ import annotations

import datetime as dt
import gc
import sqlite3
import time

from benchmarks.common import Bench, Result

# Typed letter by letter: a first name, a surname with a tussenvoegsel, a name with accents
# (typed without them), a number.
TEXTS = ("jan", "de vries", "ozturk", "D-12")
WINDOW = 200

# The baseline: the list's query with LIKE and the plain name order (and its count).
PLAIN_WHERE = """
    w.anonymised_at IS NULL
    AND (w.number || ' ' || w.first_name || ' ' || w.last_name) LIKE :pattern
"""
PLAIN_COUNT = f"SELECT COUNT(*) FROM workers w WHERE {PLAIN_WHERE}"
PLAIN_WINDOW = f"""
SELECT w.id, w.number, w.first_name, w.last_name, d.code, d.label_nl, w.status, cur.id,
       dep.code, dep.label_nl, cur.coach_id, coach.full_name, w.referrer, w.start_date,
       w.end_date
FROM workers w
JOIN doelgroepen d ON d.id = w.doelgroep_id
LEFT JOIN placements cur ON cur.id = (
    SELECT p.id FROM placements p
    WHERE p.worker_id = w.id AND (p.end_date IS NULL OR p.end_date >= :today)
    ORDER BY p.start_date, p.id LIMIT 1)
LEFT JOIN departments dep ON dep.id = cur.department_id
LEFT JOIN users coach ON coach.id = cur.coach_id
WHERE {PLAIN_WHERE}
ORDER BY w.last_name, w.first_name, w.id
LIMIT {WINDOW}
"""


def keystrokes(texts: tuple[str, ...] = TEXTS) -> list[str]:
    """What the search field holds after each key: "j", "ja", "jan", "d", "de", …
    (stripped, as ``WorkersPage.current_filter`` strips it)."""
    return [text[:n].strip() for text in texts for n in range(1, len(text) + 1)]


def ours(bench: Bench, typed: list[str]):
    """A callable that types ``typed`` into the page's model, and the things to close."""
    from PySide6.QtWidgets import QApplication

    from kringloopdesk.gui.models.workers_model import WorkersModel
    from kringloopdesk.services.workers import WorkerFilter, count_workers, list_workers

    app = QApplication.instance() or QApplication([])
    db = bench.open()
    actor = bench.login(db)

    def load(q, offset: int, limit: int):
        with db.read_session() as session:
            return list_workers(session, actor, q.filter, q.sort, offset=offset, limit=limit)

    def count(q):
        with db.read_session() as session:
            return count_workers(session, actor, q.filter)

    model = WorkersModel(load, count)
    model.set_filter(WorkerFilter())

    def type_all() -> list[int]:
        shown = []
        for text in typed:
            model.set_filter(WorkerFilter(search=text))
            shown.append(model.total)
        return shown

    return type_all, (model, db, app)


def plain(bench: Bench, typed: list[str]):
    connection = sqlite3.connect(bench.db_path)
    today = dt.date.today().isoformat()

    def type_all() -> list[int]:
        shown = []
        for text in typed:
            params = {"pattern": f"%{text}%", "today": today}
            shown.append(connection.execute(PLAIN_COUNT, params).fetchone()[0])
            connection.execute(PLAIN_WINDOW, params).fetchall()
        return shown

    return type_all, connection


def run(bench: Bench) -> list[Result]:
    typed = keystrokes()
    type_ours, keep = ours(bench, typed)
    type_plain, connection = plain(bench, typed)
    try:
        found_ours, found_plain = type_ours(), type_plain()  # also the warm-up
        # Rounds taken in turns, so that both sides see the same moments of a busy machine;
        # the process's CPU time too, which other processes on the machine do not inflate.
        wall = {"ours": float("inf"), "plain": float("inf")}
        cpu = dict(wall)
        for _round in range(bench.runs(9)):
            for side, work in (("ours", type_ours), ("plain", type_plain)):
                gc.collect()
                started, cpu_started = time.perf_counter(), time.process_time()
                work()
                wall[side] = min(wall[side], time.perf_counter() - started)
                cpu[side] = min(cpu[side], time.process_time() - cpu_started)
        t_ours, t_plain = wall["ours"] / len(typed), wall["plain"] / len(typed)
    finally:
        connection.close()
        keep[1].dispose()
    n_workers = _count_workers(bench)
    return [Result(
        f"Deelnemers search, per keystroke ({n_workers:,} workers)", t_ours, t_plain, 2.0,
        baseline_name="the same count + first 200 rows with LIKE '%text%' via sqlite3",
        note=f"{len(typed)} keystrokes typing {', '.join(repr(t) for t in TEXTS)}; rows "
             f"found after the last key of each: ours "
             f"{_last_of_each(found_ours)}, LIKE {_last_of_each(found_plain)} (ours also "
             "ignores accents); CPU time per keystroke: ours "
             f"{cpu['ours'] * 1000 / len(typed):.1f} ms, baseline "
             f"{cpu['plain'] * 1000 / len(typed):.1f} ms "
             f"({cpu['ours'] / cpu['plain']:.2f}x)",
    )]


def _count_workers(bench: Bench) -> int:
    with sqlite3.connect(bench.db_path) as connection:
        return connection.execute(
            "SELECT COUNT(*) FROM workers WHERE anonymised_at IS NULL").fetchone()[0]


def _last_of_each(found: list[int]) -> str:
    ends, position = [], 0
    for text in TEXTS:
        position += len(text)
        ends.append(str(found[position - 1]))
    return "/".join(ends)

