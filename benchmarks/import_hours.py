"""How fast the imports are: 10,000 hours, and 100,000 goods flows against raw sqlite3.

    python benchmarks/import_hours.py            # a fresh SQLite file in a temporary folder
    python benchmarks/import_hours.py --db postgresql+psycopg://kld:kld@localhost/kld_bench

The database is created for the run (on PostgreSQL: an empty database you name) and filled
through the imports themselves: 200 workers, a running placement each, then an hours file of
10,000 rows (50 work days × 200 workers) as CSV and as XLSX. The flows file has 100,000 rows;
on SQLite the same rows are also written into a second, identical shop with plain
``sqlite3.executemany`` (values already converted, no checks): the floor that an import cannot
beat. Prints a small table; single runs, so expect some noise between runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kringloopdesk.db.base import utcnow
from kringloopdesk.db.engine import Database, resolve_url
from kringloopdesk.db.migrate import open_database
from kringloopdesk.services import imports
from kringloopdesk.services.auth import Actor, attempt_login
from kringloopdesk.services.imports import goods, reading
from kringloopdesk.services.setup import ShopInfo, initialise_shop

WORKERS = 200
WORK_DAYS = 50
FLOWS = 100_000
FIRST_DAY = dt.date(2025, 1, 6)
PASSWORD = "benchmark-123"
T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def work_days(count: int) -> list[dt.date]:
    days, day = [], FIRST_DAY
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def workers_csv() -> bytes:
    lines = ["nummer;voornaam;achternaam;doelgroep;startdatum"]
    lines += [f"B-{n:04d};Deelnemer;Nummer {n};participatiewet;02-01-2025"
              for n in range(1, WORKERS + 1)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def placements_csv() -> bytes:
    departments = ("winkel", "sorteren", "elektra", "fietsen", "meubels", "textiel")
    lines = ["nummer;afdeling;startdatum;uren_per_week"]
    lines += [f"B-{n:04d};{departments[n % len(departments)]};02-01-2025;24"
              for n in range(1, WORKERS + 1)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def hour_rows(rng: random.Random) -> list[tuple[str, dt.date, str]]:
    return [(f"B-{n:04d}", day, rng.choice(("4", "5,5", "6", "7,25", "8")))
            for day in work_days(WORK_DAYS) for n in range(1, WORKERS + 1)]


def hours_csv(rows: list[tuple[str, dt.date, str]]) -> bytes:
    lines = ["nummer;datum;uren"]
    lines += [f"{number};{day:%d-%m-%Y};{hours}" for number, day, hours in rows]
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def hours_xlsx(rows: list[tuple[str, dt.date, str]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("uren")
    sheet.append(["nummer", "datum", "uren"])
    for number, day, hours in rows:
        sheet.append([number, day, float(hours.replace(",", "."))])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def flows_csv(rng: random.Random) -> bytes:
    from benchmarks.import_flows import flows_csv as weegpost_file  # one generator for both

    return weegpost_file(FLOWS, FIRST_DAY, seed=rng.randrange(1 << 30))


def setup(url: str) -> tuple[Database, Actor]:
    db = open_database(resolve_url(url))
    with db.session() as session:
        initialise_shop(session, ShopInfo(name="Kringloop Benchmark", certificate_prefix="BEN"),
                        username="beheer", full_name="Bea Beheer", password=PASSWORD)
    with db.session() as session:
        actor = attempt_login(session, "beheer", PASSWORD).actor_or_raise()
    return db, actor


def run_import(db: Database, actor: Actor, kind: str, data: bytes) -> imports.ImportSummary:
    with db.session() as session:
        return imports.IMPORTERS[kind](session, actor, data)


def raw_sqlite_flows(path: str, data: bytes, user_id: int) -> float:
    """The same flows with plain sqlite3.executemany: converted values, no checks."""
    table = reading.read_file(data, "flows")
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA synchronous = NORMAL")
    groups = dict(connection.execute("SELECT code, id FROM product_groups"))
    now = utcnow().isoformat(sep=" ")
    rows = []
    for _number, cells in table.rows:
        values = dict(zip(table.columns, cells, strict=True))
        day, month, year = str(values["datum"]).split("-")
        kg = str(values["kg"]).replace(",", ".")
        rows.append((f"{year}-{month}-{day}", values["richting"], groups[values["productgroep"]],
                     round(float(kg) * 1000), values["herkomst_bestemming"], values["opmerking"],
                     user_id, now, now, 1, user_id))
    started = time.perf_counter()
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany(
        "INSERT INTO goods_flows (flow_date, direction, product_group_id, weight_g, channel, "
        "note, created_by_id, created_at, updated_at, version, updated_by_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    connection.execute("COMMIT")
    seconds = time.perf_counter() - started
    connection.close()
    return seconds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an empty database (default: a temporary SQLite file)")
    args = parser.parse_args(argv)
    folder = tempfile.TemporaryDirectory(prefix="kld-bench-")
    os.environ.setdefault("KRINGLOOPDESK_HOME", folder.name)
    path = str(Path(folder.name) / "benchmark.sqlite")
    db, actor = setup(args.db or path)
    rng = random.Random(2025)
    results: list[tuple[str, int, float, str]] = []
    try:
        for kind, data in (("workers", workers_csv()), ("placements", placements_csv())):
            seconds, summary = timed(lambda k=kind, d=data: run_import(db, actor, k, d))
            results.append((f"{kind} (CSV)", summary.rows, seconds, ""))

        # The same 10,000 rows as CSV, then as XLSX (then every day already has hours).
        rows = hour_rows(rng)
        for label, data in (("hours CSV (10,000 rows)", hours_csv(rows)),
                            ("hours XLSX, the same rows again", hours_xlsx(rows))):
            seconds, summary = timed(lambda d=data: run_import(db, actor, "hours", d))
            results.append((label, summary.rows, seconds, ""))

        data = flows_csv(rng)
        read_s, table = timed(lambda: reading.read_file(data, "flows"))
        with db.session() as session:
            check_s, plan = timed(lambda: goods.check_flows(session, table))
            write_s, _ = timed(lambda: goods.write_flows(session, plan, actor.user_id))
            session.rollback()
        total_s, summary = timed(lambda: run_import(db, actor, "flows", data))
        phases = f"read {read_s:.2f} s, check {check_s:.2f} s, write {write_s:.2f} s"
        results.append(("flows CSV", summary.rows, total_s, phases))
        if not args.db:
            # A second, identical shop, so that both writes start from an empty table.
            raw_path = str(Path(folder.name) / "raw.sqlite")
            raw_db, raw_actor = setup(raw_path)
            raw_db.dispose()
            raw_s = raw_sqlite_flows(raw_path, data, raw_actor.user_id)
            results.append(("flows, raw sqlite3.executemany", FLOWS, raw_s,
                            f"import ÷ raw: {total_s / raw_s:.1f}× (write only: "
                            f"{write_s / raw_s:.1f}×)"))
    finally:
        where = db.location
        db.dispose()
        folder.cleanup()

    print(f"Import benchmark on {where}")
    print(f"{'scenario':<44} {'rows':>8} {'seconds':>8} {'rows/s':>9}  note")
    for label, count, seconds, note in results:
        print(f"{label:<44} {count:>8,} {seconds:>8.2f} {count / seconds:>9,.0f}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
