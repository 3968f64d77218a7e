"""Scenario 8: how big the demo database is per 1,000,000 goods flows, against a minimal table.

    python benchmarks/run.py --only db_size [--scale tiny]

*Ours*: the demo shop's file after a WAL checkpoint (everything in it: ten years of flows,
700,000 hour entries, 3,000 workers, 50,000 tagged items … at the large scale), and the part of
it that holds the flows (the ``goods_flows`` table and its indexes, from SQLite's ``dbstat``),
both per 1,000,000 flows. *Baseline*: the same flow rows copied into a minimal SQLite table
``(id INTEGER PRIMARY KEY, flow_date, product_group_id, channel, direction, weight_g)``
without an index, in a fresh file. There is no goal: the rows report what the extra bytes are.
"""

from __future__ import annotations

import sqlite3

from benchmarks.common import Bench, Result, copy_database

MINIMAL = ("CREATE TABLE flows (id INTEGER PRIMARY KEY, flow_date TEXT NOT NULL, "
           "product_group_id INTEGER NOT NULL, channel TEXT NOT NULL, direction TEXT NOT NULL, "
           "weight_g INTEGER NOT NULL)")
PER = 1_000_000


def sizes_by_object(connection: sqlite3.Connection) -> dict[str, int]:
    """Bytes per table and index (``dbstat``), or {} when this SQLite lacks it."""
    try:
        return dict(connection.execute(
            "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"))
    except sqlite3.OperationalError:
        return {}


def minimal_copy(source, target) -> int:
    """The flows' own columns in a minimal table in a new file; its size in bytes."""
    target.unlink(missing_ok=True)
    connection = sqlite3.connect(target)
    try:
        connection.execute("PRAGMA page_size = 4096")
        connection.execute(MINIMAL)
        connection.execute("ATTACH DATABASE ? AS demo", (f"file:{source}?mode=ro",))
        connection.execute("INSERT INTO flows SELECT id, flow_date, product_group_id, channel, "
                           "direction, weight_g FROM demo.goods_flows ORDER BY id")
        connection.commit()
        connection.execute("DETACH DATABASE demo")
    finally:
        connection.close()
    return target.stat().st_size


def describe(objects: dict[str, int], total: int) -> str:
    """The largest parts of the file, in MB and share."""
    groups: dict[str, int] = {}
    for name, size in objects.items():
        if name.startswith(("ix_goods_flows", "sqlite_autoindex_goods_flows")):
            key = "goods_flows indexes"
        elif name.startswith(("ix_hour_entries", "sqlite_autoindex_hour_entries")):
            key = "hour_entries indexes"
        elif name in ("goods_flows", "hour_entries", "audit_log", "tagged_items"):
            key = name
        else:
            key = "everything else"
        groups[key] = groups.get(key, 0) + size
    parts = sorted(groups.items(), key=lambda item: -item[1])
    return ", ".join(f"{name} {size / 1e6:.0f} MB ({size / total:.0%})" for name, size in parts)


def run(bench: Bench) -> list[Result]:
    copy = bench.work_dir / "checkpointed.sqlite"
    copy_database(bench.db_path, copy)  # folds the WAL in, as a checkpoint does
    total = copy.stat().st_size
    with sqlite3.connect(copy) as connection:
        flows = connection.execute("SELECT COUNT(*) FROM goods_flows").fetchone()[0]
        objects = sizes_by_object(connection)
    minimal = minimal_copy(copy, bench.work_dir / "minimal.sqlite")
    scale = PER / flows
    rows = [Result(
        "Database size per 1,000,000 flows, whole file", total * scale, minimal * scale, None,
        unit="B", baseline_name="the same flow rows in a minimal table without indexes",
        note=f"{flows:,} flows; {describe(objects, total)}" if objects else f"{flows:,} flows",
    )]
    if objects:
        table = objects.get("goods_flows", 0)
        indexes = sum(size for name, size in objects.items()
                      if name.startswith(("ix_goods_flows", "sqlite_autoindex_goods_flows")))
        rows.append(Result(
            "Flows table + its indexes per 1,000,000 flows", (table + indexes) * scale,
            minimal * scale, None, unit="B",
            baseline_name="the same minimal table",
            note=f"table {table * scale / 1e6:.0f} MB (audit columns: created/updated at and "
                 f"by, version, note), indexes {indexes * scale / 1e6:.0f} MB (for the list's "
                 "sorts and filters and the export's GROUP BY)",
        ))
    return rows
