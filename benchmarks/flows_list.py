"""How fast the Stromen list is on the large demo (1,000,000 goods flows), against Qt's own
``QSqlQueryModel`` over the same SQL.

    python benchmarks/flows_list.py             # builds (once) and reuses the cached shop
    python benchmarks/flows_list.py --rebuild   # make the large demo shop again

The large demo shop (``services.demo.generate_demo(scale="large")``, ten years of a big shop)
is written once to ``benchmarks/.cache/large_demo.sqlite`` (git-ignored) and reused.

Each scenario goes through our model exactly as the page does (``FlowsModel`` over
``services.flows.count_flows`` / ``list_flows``: a count, then the first window of 200 rows),
and through a ``QSqlQueryModel`` (QSQLITE driver) given the SQL that our service sends for
the same filter and sort without the window (SQLAlchemy's statement, literal values), which
fetches lazily too (256 rows at a time) and asks for the row count the way a view would
(``rowCount`` after ``fetchMore`` until a screenful is there). Qt's model does not know the
total count; ours shows it in the count label, so ours also pays a ``count(*)``.

Prints seconds per scenario and the ratio ours / QSqlQueryModel (less than 1: ours is
faster), and the growth of the resident memory (RSS, highest sample after each step) over
each part.
Single runs after one warm-up of each, so expect some noise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil
from PySide6.QtCore import QCoreApplication
from PySide6.QtSql import QSqlDatabase, QSqlQueryModel
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from sqlalchemy.dialects import sqlite

from kringloopdesk.db.engine import Database, resolve_url
from kringloopdesk.db.migrate import open_database
from kringloopdesk.db.models import GoodsFlow, ProductGroup
from kringloopdesk.services import flows
from kringloopdesk.services.auth import Actor, attempt_login
from kringloopdesk.services.demo import generate_demo
from kringloopdesk.services.setup import ShopInfo, initialise_shop

CACHE = Path(__file__).resolve().parent / ".cache"
DB_FILE = CACHE / "large_demo.sqlite"
USERNAME = "beheer"
PASSWORD = "benchmark-123"
SCREEN_ROWS = 40  # rows a view shows at once


def build(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(resolve_url(str(path)))
    try:
        with db.session() as session:
            initialise_shop(session, ShopInfo(name="Kringloop Benchmark",
                                              certificate_prefix="KB", city="Utrecht"),
                            username=USERNAME, full_name="Bea Beheer", password=PASSWORD)
        actor = login(db)
        started = time.perf_counter()
        with db.session() as session:
            generate_demo(session, actor, scale="large")
        print(f"large demo written in {time.perf_counter() - started:.0f} s: {path}")
    finally:
        db.dispose()


def login(db: Database) -> Actor:
    with db.session() as session:
        return attempt_login(session, USERNAME, PASSWORD).actor_or_raise()


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


class RssPeak:
    """The highest resident memory seen since ``start`` (sampled after each step), minus
    what it was at the start: the growth a model costs."""

    def __init__(self) -> None:
        self.process = psutil.Process()
        gc.collect()
        self.start = self.highest = self.process.memory_info().rss

    def sample(self) -> None:
        self.highest = max(self.highest, self.process.memory_info().rss)

    @property
    def growth(self) -> int:
        return self.highest - self.start


def sql_of(flt: flows.FlowFilter, sort: flows.FlowSort) -> str:
    """The statement our service runs for one window, without the window, as plain SQL."""
    query = flows._row_query()
    where = flows._conditions(flt)
    if where:
        query = query.where(*where)
    query = query.order_by(*flows._order(sort))
    return str(query.compile(dialect=sqlite.dialect(),
                             compile_kwargs={"literal_binds": True}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="make the demo shop again")
    args = parser.parse_args()
    if args.rebuild or not DB_FILE.exists():
        build(DB_FILE)

    app = QApplication.instance() or QApplication([])
    from kringloopdesk.gui.models.flows_model import FlowQuery, FlowsModel

    db = open_database(resolve_url(str(DB_FILE)))
    actor = login(db)
    with db.read_session() as session:
        total = session.scalar(select(flows.func.count()).select_from(GoodsFlow))
        meubels = session.scalar(select(ProductGroup.id).where(ProductGroup.code == "meubels"))
        last = session.scalar(select(flows.func.max(GoodsFlow.flow_date)))
    assert last is not None
    year_ago = last - dt.timedelta(days=365)
    print(f"{total:,} goods flows in {DB_FILE.name}".replace(",", "."))

    def load(q: FlowQuery, offset: int, limit: int):
        with db.read_session() as s:
            return flows.list_flows(s, actor, q.filter, q.sort, offset=offset, limit=limit)

    def count(q: FlowQuery) -> int:
        with db.read_session() as s:
            return flows.count_flows(s, actor, q.filter)

    qt_db = QSqlDatabase.addDatabase("QSQLITE", "bench")
    qt_db.setDatabaseName(str(DB_FILE))
    assert qt_db.open(), qt_db.lastError().text()

    scenarios = [
        ("open (newest first)", flows.FlowFilter(), flows.FlowSort()),
        ("sort kg descending", flows.FlowFilter(), flows.FlowSort("kg", True)),
        ("sort date ascending", flows.FlowFilter(), flows.FlowSort("flow_date", False)),
        ("sort product group", flows.FlowFilter(), flows.FlowSort("product_group", False)),
        ("filter meubels + last year",
         flows.FlowFilter(start=year_ago, end=last, product_group_id=meubels),
         flows.FlowSort()),
        ("filter uit + recycling",
         flows.FlowFilter(direction="uit", channel="recycling"), flows.FlowSort()),
        ("filter note text 'zolder'", flows.FlowFilter(text="zolder"), flows.FlowSort()),
    ]

    rss = RssPeak()
    model = FlowsModel(load, count)
    ours: dict[str, float] = {}
    shown: dict[str, int] = {}
    for name, flt, sort in scenarios:
        query = FlowQuery(flt, sort)
        model.set_query(FlowQuery())  # warm-up and a different query before each run
        ours[name] = timed(lambda q=query: model.set_query(q))
        rss.sample()
        shown[name] = model.total
        assert model.rowCount() == min(model.batch_size, model.total)
    # Scrolling: the next 25 windows (5,000 rows) of the default order.
    model.set_query(FlowQuery())
    scroll_ours = timed(lambda: [model.fetchMore() for _ in range(25)])
    rss.sample()
    rss_ours = rss.growth

    rss = RssPeak()
    qt_model = QSqlQueryModel()
    theirs: dict[str, float] = {}
    for name, flt, sort in scenarios:
        sql = sql_of(flt, sort)

        def run(sql: str = sql) -> None:
            qt_model.setQuery(sql, qt_db)
            assert not qt_model.lastError().isValid(), qt_model.lastError().text()
            while qt_model.rowCount() < SCREEN_ROWS and qt_model.canFetchMore():
                qt_model.fetchMore()

        qt_model.setQuery(sql_of(flows.FlowFilter(), flows.FlowSort()), qt_db)  # warm-up
        theirs[name] = timed(run)
        rss.sample()
    qt_model.setQuery(sql_of(flows.FlowFilter(), flows.FlowSort()), qt_db)

    def scroll_qt() -> None:
        while qt_model.rowCount() < 5_200 and qt_model.canFetchMore():
            qt_model.fetchMore()

    scroll_theirs = timed(scroll_qt)
    rss.sample()
    rss_theirs = rss.growth

    width = max(len(name) for name, _f, _s in scenarios) + 2
    print(f"\n{'scenario':<{width}}{'rows':>10}{'ours s':>10}{'Qt s':>10}{'ours/Qt':>10}")
    for name, _flt, _sort in scenarios:
        print(f"{name:<{width}}{shown[name]:>10,}{ours[name]:>10.3f}{theirs[name]:>10.3f}"
              f"{ours[name] / theirs[name]:>10.2f}".replace(",", "."))
    print(f"{'scroll 5.000 rows':<{width}}{'':>10}{scroll_ours:>10.3f}{scroll_theirs:>10.3f}"
          f"{scroll_ours / scroll_theirs:>10.2f}")
    print(f"\npeak RSS growth: ours {rss_ours / 1e6:.1f} MB, QSqlQueryModel "
          f"{rss_theirs / 1e6:.1f} MB (process now "
          f"{psutil.Process().memory_info().rss / 1e6:.0f} MB)")
    qt_model.clear()
    qt_model = None
    qt_db.close()
    qt_db = QSqlDatabase()  # let go of the connection before it is removed
    QSqlDatabase.removeDatabase("bench")
    db.dispose()
    QCoreApplication.processEvents()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
