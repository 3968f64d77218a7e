"""Scenario 2: the Stromen list on the large demo (1,000,000 goods flows), against Qt's own
``QSqlQueryModel`` over the same SQL.

    python benchmarks/run.py --only flows_list [--scale tiny]
    python benchmarks/flows_list.py [--scale tiny] [--rebuild]      # this scenario alone

Ours is ``FlowsModel`` (a ``WindowedTableModel``) exactly as the page uses it, over
``services.flows.list_flows`` / ``count_flows``, each call in a read session of its own (as
``gui.operations.query`` opens them). The baseline is a ``QSqlQueryModel`` (QSQLITE driver,
its own connection to the same file) given the SQL our service sends for the same filter and
sort without the window (SQLAlchemy's statement, literal values); it sorts and filters by a
new query, as that model has no sort of its own.

Each figure runs until the view could paint the first screenful: the model knows at least
``SCREEN_ROWS`` rows (or all) and ``data()`` of those rows is read, 7 columns (ours formats
Dutch dates and kg; Qt's hands over the raw values). The two sides do not do the same work
to get there:

- ``QSqlQueryModel`` runs the query and steps through the first 256 rows, in C++; it never
  counts, so it cannot say "1.234 van 1.000.000", and its scroll bar grows as it fetches.
- Ours reads the first window of 200 rows (one SQL query and 200 Python tuples) and counts
  on the next turn of the event loop, after the first paint (``finish_count``): that count
  is not in the open/sort/filter figures, but in the "count label" row. A new sort does not
  count again (the same rows). Once counted the view has every row: windows are read when
  shown, those in the back half by the reverse sort, so "jump to the last row" is the count
  plus one window, where ``QSqlQueryModel`` has to fetch every row first. A note-text
  search counts first (a plain scan of the table) and asks for rows only if there are any:
  a search that finds few or none would otherwise walk the date index and look up every row.

The floor, why open/sort/filter stay above 1.2x (measured on the large demo, 2 cores):
Qt's whole figure is about 0.9 ms. Ours is about 0.45 ms for the window (SQLite's part of
it 0.2 ms; SQLAlchemy's statement cache, session and result rows the rest) plus about
1.2-1.4 ms for the 280 ``data()`` calls of the screen. A Python model whose ``data()`` only
returns a constant already costs 0.72 ms for those 280 calls (a C++ model 0.24 ms): each
``index()`` and ``data()`` crosses from C++ into Python. So a Python model cannot come
within 1.2x of a C++ model that does the same SQL; ours is at about 2-3x, within about
0.5 ms of that floor (the rest is formatting Dutch dates and kg).

Best of 15 (of 3 for the slow ones: the jump, the note text, the product group, and of 5
for scrolling) after one warm-up of each; scenarios with ``goal=None`` are reported for
information.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Bench, Result, ensure_demo, megabytes, timed

SCREEN_ROWS = 40  # rows a view shows at once
COLUMNS = 7  # the Stromen list's columns; the baseline's first 7 are read as well
QT_NAME = "QSqlQueryModel (QSQLITE), the same SQL"
OPEN_GOAL = 1.2  # issue #9: open, sort, filter at most 1.2 x QSqlQueryModel
JUMP_GOAL = 0.1  # issue #9: jump to the last row at most 0.1 x QSqlQueryModel
# Figures of a few ms on a shared machine: the best of many runs is the honest one.
FAST_RUNS = 15
SLOW = ("filter note text 'zolder'", "sort by product group")


def best(work: Callable[[], object], prepare: Callable[[], object] = lambda: None,
         runs: int = 5) -> float:
    """The fastest ``work`` of ``runs`` after a warm-up, each after an untimed ``prepare``."""
    prepare()
    work()
    found = []
    for _ in range(runs):
        prepare()
        found.append(timed(work))
    return min(found)


def read_screen(model, first: int) -> None:
    """``data()`` of one screenful from row ``first``, as a view paints it (display text)."""
    last = min(first + SCREEN_ROWS, model.rowCount())
    for row in range(max(first, 0), last):
        for column in range(COLUMNS):
            model.index(row, column).data()


def sql_of(flt, sort) -> str:
    """The statement our service runs for one window, without the window, as plain SQL."""
    from sqlalchemy.dialects import sqlite

    from kringloopdesk.services import flows

    query = flows._row_query()
    where = flows._conditions(flt)
    if where:
        query = query.where(*where)
    query = query.order_by(*flows._order(sort))
    return str(query.compile(dialect=sqlite.dialect(),
                             compile_kwargs={"literal_binds": True}))


class Rss:
    """Resident memory growth from ``start`` to the highest ``sample``."""

    def __init__(self) -> None:
        import psutil

        self.process = psutil.Process()
        gc.collect()
        self.start = self.highest = self.process.memory_info().rss

    def sample(self) -> None:
        self.highest = max(self.highest, self.process.memory_info().rss)

    @property
    def growth(self) -> float:
        return megabytes(self.highest - self.start)


def run(bench: Bench) -> list[Result]:
    from PySide6.QtCore import Qt
    from PySide6.QtSql import QSqlDatabase, QSqlQueryModel
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import func, select

    from kringloopdesk.db.models import GoodsFlow, ProductGroup
    from kringloopdesk.gui.models.flows_model import FlowQuery, FlowsModel
    from kringloopdesk.services import flows
    from kringloopdesk.services.flows import FlowFilter, FlowSort

    app = QApplication.instance() or QApplication([])
    db = bench.open()
    actor = bench.login(db)
    with db.read_session() as session:
        total = session.scalar(select(func.count()).select_from(GoodsFlow)) or 0
        meubels = session.scalar(select(ProductGroup.id).where(ProductGroup.code == "meubels"))
        newest = session.scalar(select(func.max(GoodsFlow.flow_date))) or dt.date.today()
    year = FlowFilter(start=newest - dt.timedelta(days=365), end=newest,
                      product_group_id=meubels)

    def load(q: FlowQuery, offset: int, limit: int):
        with db.read_session() as s:
            return flows.list_flows(s, actor, q.filter, q.sort, offset=offset, limit=limit)

    def count(q: FlowQuery) -> int:
        with db.read_session() as s:
            return flows.count_flows(s, actor, q.filter)

    model = FlowsModel(load, count)
    qt_db = QSqlDatabase.addDatabase("QSQLITE", "flows_list_bench")
    qt_db.setDatabaseName(str(bench.db_path))
    if not qt_db.open():
        raise RuntimeError(qt_db.lastError().text())
    qt_model = QSqlQueryModel()
    results: list[Result] = []
    try:
        # -- ours -------------------------------------------------------------------------
        def open_ours(q: FlowQuery, counted: bool = False) -> Callable[[], None]:
            def work() -> None:
                model.set_query(q)
                if counted:
                    model.finish_count()
                read_screen(model, 0)
            return work

        def sort_ours(start: FlowSort, column: str, descending: bool):
            def prepare() -> None:
                model.set_query(FlowQuery(sort=start))
                model.finish_count()  # an open list: its count came long ago

            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder

            def work() -> None:
                model.sort(model.column_of(column), order)  # as the view's header does
                assert model.query.sort == FlowSort(column, descending)
                read_screen(model, 0)
            return work, prepare

        def filter_ours(flt: FlowFilter):
            def prepare() -> None:
                model.set_query(FlowQuery())
                model.finish_count()

            return open_ours(FlowQuery(flt)), prepare

        def jump_ours() -> None:
            model.set_query(FlowQuery())
            model.finish_count()
            read_screen(model, model.rowCount() - SCREEN_ROWS)  # what scrollToBottom shows

        def scroll_ours_prepare() -> None:
            model.set_query(FlowQuery())
            model.finish_count()

        def scroll_ours() -> None:
            for first in range(0, 5_000, SCREEN_ROWS):
                read_screen(model, first)

        # -- QSqlQueryModel -----------------------------------------------------------------
        def open_qt(flt: FlowFilter, sort: FlowSort, upto: int = SCREEN_ROWS
                    ) -> Callable[[], None]:
            sql = sql_of(flt, sort)

            def work() -> None:
                qt_model.setQuery(sql, qt_db)
                if qt_model.lastError().isValid():
                    raise RuntimeError(qt_model.lastError().text())
                while qt_model.rowCount() < upto and qt_model.canFetchMore():
                    qt_model.fetchMore()
                read_screen(qt_model, max(0, min(upto, qt_model.rowCount()) - SCREEN_ROWS))
            return work

        def scroll_qt() -> None:
            for first in range(0, 5_000, SCREEN_ROWS):
                while qt_model.rowCount() < first + SCREEN_ROWS and qt_model.canFetchMore():
                    qt_model.fetchMore()
                read_screen(qt_model, first)

        everything = total + 1  # "fetch until canFetchMore is False"
        open_rows = [
            ("open (newest first)", OPEN_GOAL, open_ours(FlowQuery()),
             None, open_qt(FlowFilter(), FlowSort())),
            ("sort by date, oldest first", OPEN_GOAL,
             *sort_ours(FlowSort(), "flow_date", False),
             open_qt(FlowFilter(), FlowSort("flow_date", False))),
            ("sort by date, newest first", OPEN_GOAL,
             *sort_ours(FlowSort("flow_date", False), "flow_date", True),
             open_qt(FlowFilter(), FlowSort())),
            ("sort by kg, heaviest first", OPEN_GOAL,
             *sort_ours(FlowSort(), "kg", True), open_qt(FlowFilter(), FlowSort("kg", True))),
            ("filter meubels + last year", OPEN_GOAL, *filter_ours(year),
             open_qt(year, FlowSort())),
            ("filter uit + recycling", None,
             *filter_ours(FlowFilter(direction="uit", channel="recycling")),
             open_qt(FlowFilter(direction="uit", channel="recycling"), FlowSort())),
            ("filter note text 'zolder'", None, *filter_ours(FlowFilter(text="zolder")),
             open_qt(FlowFilter(text="zolder"), FlowSort())),
            ("sort by product group", None,
             *sort_ours(FlowSort(), "product_group", False),
             open_qt(FlowFilter(), FlowSort("product_group", False))),
            ("open + count label", None,
             open_ours(FlowQuery(), counted=True), None, open_qt(FlowFilter(), FlowSort())),
        ]
        for name, goal, work, prepare, qt_work in open_rows:
            runs = FAST_RUNS if name not in SLOW else 3
            ours = best(work, prepare or (lambda: None), runs)
            theirs = best(qt_work, runs=runs)
            results.append(Result(name, ours, theirs, goal, baseline_name=QT_NAME))
        results[-1].note = ("ours counts all rows for the label (after the first paint in "
                            "the app); QSqlQueryModel never counts")

        ours = best(scroll_ours, scroll_ours_prepare)
        theirs = best(scroll_qt, lambda: qt_model.setQuery(sql_of(FlowFilter(), FlowSort()),
                                                           qt_db))
        results.append(Result("scroll 5.000 rows, screen by screen", ours, theirs, None,
                              baseline_name=QT_NAME))

        rss = Rss()
        ours = best(jump_ours, runs=3)
        rss.sample()
        ours_mb = rss.growth
        rss = Rss()
        theirs = best(open_qt(FlowFilter(), FlowSort(), upto=everything), runs=3)
        rss.sample()
        theirs_mb = rss.growth
        results.append(Result(
            "jump to the last row", ours, theirs, JUMP_GOAL, baseline_name=QT_NAME,
            note="ours: first window, count, the last window by the reverse sort; "
                 "QSqlQueryModel: fetchMore until canFetchMore is False"))
        results.append(Result(
            "memory growth, jump to the last row", ours_mb, theirs_mb, None, unit="MB",
            kind="above", baseline_name=QT_NAME,
            note="highest resident memory over the runs above, minus at their start"))
        rows = f"{total:,}".replace(",", ".")
        for result in results:
            prefix = f"{rows} flows"
            result.note = f"{prefix}; {result.note}" if result.note else prefix
    finally:
        qt_model.clear()
        qt_db.close()
        qt_model = qt_db = None  # no handle left when the connection is removed
        gc.collect()
        QSqlDatabase.removeDatabase("flows_list_bench")
        db.dispose()
        app.processEvents()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=("tiny", "large"), default="large")
    parser.add_argument("--rebuild", action="store_true", help="build the demo shop again")
    args = parser.parse_args()
    path = ensure_demo(args.scale, rebuild=args.rebuild)
    work = path.parent / "flows_list_work"
    work.mkdir(parents=True, exist_ok=True)
    results = run(Bench(args.scale, path, work))
    width = max(len(r.scenario) for r in results) + 2
    print(f"\n{'scenario':<{width}}{'ours':>12}{'baseline':>12}{'ratio':>9}{'goal':>8}  met")
    for r in results:
        unit = 1000 if r.unit == "s" else 1
        suffix = " ms" if r.unit == "s" else " MB"
        goal = "" if r.goal is None else f"{r.goal:g}"
        met = {True: "yes", False: "NO", None: "-"}[r.met]
        figure = f"{r.figure:+.1f}" if r.kind == "above" else f"{r.ratio:.2f}"
        print(f"{r.scenario:<{width}}{r.ours * unit:>9.2f}{suffix}{r.baseline * unit:>9.2f}"
              f"{suffix}{figure:>9}{goal:>8}  {met}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
