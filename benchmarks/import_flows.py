"""Scenario 4: importing 100,000 goods flows from CSV, against raw ``sqlite3.executemany``.

    python benchmarks/run.py --only import_flows [--scale tiny]

Both sides write the same rows into ``goods_flows`` of a copy of the demo shop (1,000,000
flows and their five indexes already there at the large scale), each on a fresh copy:

- *ours*: ``services.imports.import_flows`` end to end, as the Importeren page runs it in one
  unit of work: reading the CSV bytes, checking every cell (dates, codes, product groups,
  herkomst/bestemming against the richting, kg with at most three decimals …), the bulk
  insert, the audit entry and the commit;
- *baseline*: the rows already converted to the column values (not timed), then ``BEGIN
  IMMEDIATE``, one ``executemany`` INSERT and ``COMMIT`` on a plain ``sqlite3`` connection with
  the app's own settings (WAL, ``synchronous = FULL``, foreign keys on): the floor that no
  import with checks can beat.

Best of three rounds (two at the tiny scale), each on fresh copies.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time

from benchmarks.common import Bench, Result

FLOWS = {"tiny": 2_000, "large": 100_000}
GROUPS = ("meubels", "textiel", "witgoed", "klein_elektrisch", "ict_elektronica", "kleingoed",
          "boeken_media", "speelgoed", "fietsen", "overig")
HERKOMST = ("brengen", "ophalen", "ontruiming", "milieustraat", "bedrijf")
BESTEMMING = ("hergebruik", "hergebruik_online", "recycling", "restafval", "export")
INSERT = ("INSERT INTO goods_flows (flow_date, direction, product_group_id, weight_g, channel, "
          "note, created_by_id, created_at, updated_at, version, updated_by_id) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def flows_csv(count: int, first_day: dt.date, seed: int = 2025) -> bytes:
    """A flows file as a weighing post exports it: Dutch dates and decimal commas, a note on
    one row in fifty (starting with "=", which must stay text)."""
    rng = random.Random(seed)
    lines = ["datum;richting;productgroep;kg;herkomst_bestemming;opmerking"]
    for i in range(count):
        day = first_day + dt.timedelta(days=i % 300)
        direction = "in" if rng.random() < 0.55 else "uit"
        channel = rng.choice(HERKOMST if direction == "in" else BESTEMMING)
        kg = f"{rng.randint(1, 250_000) / 1000:.3f}".replace(".", ",")
        note = "=weegpost 2" if i % 50 == 0 else ""
        lines.append(f"{day:%d-%m-%Y};{direction};{rng.choice(GROUPS)};{kg};{channel};{note}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def converted_rows(path, data: bytes, user_id: int) -> list[tuple]:
    """The file's rows as column values, converted the simplest way (no checks)."""
    from kringloopdesk.db.base import utcnow
    from kringloopdesk.services.imports import reading

    table = reading.read_file(data, "flows")
    with sqlite3.connect(path) as connection:
        groups = dict(connection.execute("SELECT code, id FROM product_groups"))
    now = utcnow().isoformat(sep=" ")
    rows = []
    for _number, cells in table.rows:
        values = dict(zip(table.columns, cells, strict=True))
        day, month, year = str(values["datum"]).split("-")
        kg = str(values["kg"]).replace(",", ".")
        rows.append((f"{year}-{month}-{day}", values["richting"], groups[values["productgroep"]],
                     round(float(kg) * 1000), values["herkomst_bestemming"],
                     values["opmerking"] or None, user_id, now, now, 1, user_id))
    return rows


def raw_insert(path, rows: list[tuple]) -> float:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON",
                       "secure_delete = ON"):
            connection.execute(f"PRAGMA {pragma}")
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(INSERT, rows)
        connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


def our_import(bench: Bench, path, data: bytes) -> tuple[float, int]:
    from kringloopdesk.services import imports

    copy = Bench(bench.scale, path, bench.work_dir)
    db = copy.open()
    try:
        actor = copy.login(db)
        started = time.perf_counter()
        with db.session() as session:
            summary = imports.import_flows(session, actor, data)
        return time.perf_counter() - started, summary.rows
    finally:
        db.dispose()


def first_day(path) -> dt.date:
    """Start the file in the last year of the demo's flows (so it is no future weighing)."""
    with sqlite3.connect(path) as connection:
        last = connection.execute("SELECT MAX(flow_date) FROM goods_flows").fetchone()[0]
    return dt.date.fromisoformat(last) - dt.timedelta(days=330) if last else dt.date(2025, 1, 6)


def run(bench: Bench) -> list[Result]:
    count = FLOWS[bench.scale]
    data = flows_csv(count, first_day(bench.db_path), bench.seed)
    with sqlite3.connect(bench.db_path) as connection:
        user_id = connection.execute("SELECT id FROM users WHERE username = 'beheer'"
                                     ).fetchone()[0]
        existing = connection.execute("SELECT COUNT(*) FROM goods_flows").fetchone()[0]
    rows = converted_rows(bench.db_path, data, user_id)
    ours, plain = [], []
    for _round in range(bench.runs(3 if bench.large else 2)):
        seconds, written = our_import(bench, bench.writable_copy("ours.sqlite"), data)
        assert written == count, written
        ours.append(seconds)
        plain.append(raw_insert(bench.writable_copy("raw.sqlite"), rows))
    return [Result(
        f"Import {count:,} flows from CSV", min(ours), min(plain), 3.0,
        baseline_name="raw sqlite3 executemany of the same rows, values converted beforehand",
        note=f"into goods_flows with {existing:,} rows and its indexes; one transaction each, "
             f"WAL + synchronous=FULL on both sides; ours {count / min(ours):,.0f} rows/s",
    )]
