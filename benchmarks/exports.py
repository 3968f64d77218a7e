"""Scenario 5: the BKN Monitor and Cedris exports of one year, against plain SQL GROUP BY.

    python benchmarks/run.py --only exports [--scale tiny]
    python benchmarks/exports.py [--scale tiny]          # the same, with this scenario only

On the demo shop (1,000,000 flows and 700,000 hour entries at the large scale), for the last
full year of its data:

- *ours*: what the Exporteren page does for each of the two: ``services.exports.build_export``
  (``bkn_figures`` / ``cedris_figures`` through SQLAlchemy, the shop profile, the default CO2
  factor set and the audit entry) and ``write_export`` to CSV, in one unit of work with its
  commit;
- *baseline*: the same aggregates (intake and outflow per product group and bestemming,
  factors, people and hours per BKN group and per Cedris regeling, safety tests, placements
  started and ended, certificates) as plain SQL GROUP BY queries on a ``sqlite3`` connection,
  their rows written to a CSV file too.

Best of 5 after a warm-up, each side. The run also checks that the export is exact: the kg
and hours totals over the whole range of the data equal the sums of the raw integers.
"""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Bench, Result, best_of

PLAIN = {
    "flows": "SELECT direction, channel, product_group_id, SUM(weight_g) FROM goods_flows "
             "WHERE flow_date BETWEEN :a AND :b GROUP BY direction, channel, product_group_id",
    "groups": "SELECT id, code FROM product_groups ORDER BY sort_order, code",
    "factors": "SELECT f.product_group_id, f.factor_x10000 FROM co2_factors f "
               "JOIN co2_factor_sets s ON s.id = f.factor_set_id WHERE s.is_default = 1",
    "people_bkn": "SELECT d.bkn_group, COUNT(DISTINCT p.worker_id) FROM placements p "
                  "JOIN workers w ON w.id = p.worker_id JOIN doelgroepen d "
                  "ON d.id = w.doelgroep_id WHERE p.start_date <= :b AND (p.end_date IS NULL "
                  "OR p.end_date >= :a) GROUP BY d.bkn_group",
    "people_bkn_total": "SELECT COUNT(DISTINCT p.worker_id) FROM placements p WHERE "
                        "p.start_date <= :b AND (p.end_date IS NULL OR p.end_date >= :a)",
    # Hours summed per placement first, then joined to the worker's group: the fast form of
    # the same aggregate (joining every hour entry to its worker is ten times slower).
    "hours_bkn": "SELECT d.bkn_group, SUM(t.h) FROM (SELECT placement_id, SUM(hours_x100) AS h "
                 "FROM hour_entries WHERE entry_date BETWEEN :a AND :b GROUP BY placement_id) t "
                 "JOIN placements p ON p.id = t.placement_id JOIN workers w ON w.id = p.worker_id "
                 "JOIN doelgroepen d ON d.id = w.doelgroep_id GROUP BY d.bkn_group",
    "people_cedris": "SELECT d.cedris_regeling, COUNT(DISTINCT p.worker_id) FROM placements p "
                     "JOIN workers w ON w.id = p.worker_id JOIN doelgroepen d "
                     "ON d.id = w.doelgroep_id WHERE d.cedris_regeling IS NOT NULL AND "
                     "p.start_date <= :b AND (p.end_date IS NULL OR p.end_date >= :a) "
                     "GROUP BY d.cedris_regeling",
    "hours_cedris": "SELECT d.cedris_regeling, SUM(t.h) FROM (SELECT placement_id, "
                    "SUM(hours_x100) AS h FROM hour_entries WHERE entry_date BETWEEN :a AND :b "
                    "GROUP BY placement_id) t JOIN placements p ON p.id = t.placement_id "
                    "JOIN workers w ON w.id = p.worker_id JOIN doelgroepen d "
                    "ON d.id = w.doelgroep_id WHERE d.cedris_regeling IS NOT NULL "
                    "GROUP BY d.cedris_regeling",
    "tests": "SELECT COUNT(*), SUM(passed) FROM (SELECT passed, ROW_NUMBER() OVER (PARTITION "
             "BY item_id ORDER BY test_date DESC, id DESC) AS n FROM safety_tests WHERE "
             "test_date BETWEEN :a AND :b) WHERE n = 1",
    "started": "SELECT COUNT(*) FROM placements p JOIN workers w ON w.id = p.worker_id "
               "JOIN doelgroepen d ON d.id = w.doelgroep_id WHERE d.cedris_regeling IS NOT "
               "NULL AND p.start_date BETWEEN :a AND :b",
    "ended": "SELECT p.outcome, COUNT(*) FROM placements p JOIN workers w ON w.id = p.worker_id "
             "JOIN doelgroepen d ON d.id = w.doelgroep_id WHERE d.cedris_regeling IS NOT NULL "
             "AND p.end_date BETWEEN :a AND :b GROUP BY p.outcome",
    "certificates": "SELECT c.kind, COUNT(*) FROM certificates c LEFT JOIN placements p "
                    "ON p.id = c.placement_id LEFT JOIN workers w ON w.id = p.worker_id "
                    "LEFT JOIN doelgroepen d ON d.id = w.doelgroep_id WHERE c.issued_at >= :ua "
                    "AND c.issued_at < :ub AND c.revoked_at IS NULL AND (c.placement_id IS "
                    "NULL OR d.cedris_regeling IS NOT NULL) GROUP BY c.kind",
    "shop": "SELECT name FROM shop_profile",
}


def last_full_year(connection: sqlite3.Connection) -> int:
    last = connection.execute("SELECT MAX(flow_date) FROM goods_flows").fetchone()[0]
    return dt.date.fromisoformat(last).year - 1


def plain_export(connection: sqlite3.Connection, params: dict[str, str], target: Path) -> None:
    """Every aggregate as plain SQL, the rows written to one CSV file."""
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        for name, sql in PLAIN.items():
            names = {k: v for k, v in params.items() if f":{k}" in sql}
            for row in connection.execute(sql, names):
                writer.writerow((name, *row))


def our_export(db, actor, period, folder: Path) -> None:
    from kringloopdesk.services.exports import build_export, write_export

    with db.session() as session:
        for kind in ("bkn", "cedris"):
            data = build_export(session, actor, kind, period)
            write_export(data, "csv", folder / f"{kind}.csv")


def exactness(db, connection: sqlite3.Connection) -> str:
    """The export's kg and hours over all the data against Python sums of the raw integers."""
    from kringloopdesk.services.figures import Period, bkn_figures

    first, last = connection.execute(
        "SELECT MIN(flow_date), MAX(flow_date) FROM goods_flows").fetchone()
    everything = Period(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    grams = {"in": 0, "uit": 0}
    for direction, weight in connection.execute("SELECT direction, weight_g FROM goods_flows"):
        grams[direction] += weight
    hundredths = sum(h for (h,) in connection.execute(
        "SELECT hours_x100 FROM hour_entries WHERE entry_date BETWEEN ? AND ?",
        (everything.start.isoformat(), everything.end.isoformat())))
    with db.read_session() as session:
        figures = {(f.indicator, f.categorie): f.waarde for f in bkn_figures(session, everything)}
    checks = {
        "kg in": (figures["ingezameld_kg", "totaal"], Decimal(grams["in"]).scaleb(-3)),
        "kg uit": (figures["afgevoerd_kg", "totaal"], Decimal(grams["uit"]).scaleb(-3)),
        "uren": (figures["uren", "totaal"], Decimal(hundredths).scaleb(-2)),
    }
    wrong = [name for name, (got, expected) in checks.items() if got != expected]
    if wrong:
        raise AssertionError(f"export totals differ from the raw sums: {', '.join(wrong)}")
    return f"totals over {first}..{last} exact (kg in, kg uit, uren)"


def run(bench: Bench) -> list[Result]:
    from kringloopdesk.services.figures import Period, local_day_start_utc

    # build_export writes an audit entry: work on a copy.
    copy = Bench(bench.scale, bench.writable_copy("exports.sqlite"), bench.work_dir)
    connection = sqlite3.connect(copy.db_path)
    db = copy.open()
    try:
        actor = copy.login(db)
        year = last_full_year(connection)
        period = Period.year(year)

        def utc(day: dt.date) -> str:
            return local_day_start_utc(day).strftime("%Y-%m-%d %H:%M:%S.%f")

        params = {"a": period.start.isoformat(), "b": period.end.isoformat(),
                  "ua": utc(period.start), "ub": utc(period.end + dt.timedelta(days=1))}
        n_flows = connection.execute(
            "SELECT COUNT(*) FROM goods_flows WHERE flow_date BETWEEN ? AND ?",
            (params["a"], params["b"])).fetchone()[0]
        runs = bench.runs(5)
        t_ours = best_of(lambda: our_export(db, actor, period, bench.work_dir), runs)
        t_plain = best_of(lambda: plain_export(connection, params, bench.work_dir / "plain.csv"),
                          runs)
        exact = exactness(db, connection)
    finally:
        db.dispose()
        connection.close()
    return [Result(
        f"BKN + Cedris export of {year} ({n_flows:,} flows)", t_ours, t_plain, 1.5,
        baseline_name="the same aggregates as plain sqlite3 GROUP BY queries, written to CSV",
        note=exact,
    )]


def main(argv: list[str]) -> int:
    from benchmarks.run import main as run_main

    return run_main(["--only", "exports", *argv])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
