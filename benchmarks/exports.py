"""How fast the BKN + Cedris figures of one year are on the large demo, against the same
aggregates as plain ``sqlite3`` GROUP BY queries in the same run; plus the exactness check of
the kg and hours totals over all flows.

    python benchmarks/exports.py             # reuses benchmarks/.cache/large_demo.sqlite
    python benchmarks/exports.py --rebuild   # make the large demo shop again
    python benchmarks/exports.py --year 2022

Ours: ``bkn_figures`` + ``cedris_figures`` (SQLAlchemy session). Plain: the same aggregates
(intake and outflow per product group and bestemming, factors, people and hours per BKN group
and per Cedris regeling, safety tests, placements started and ended, certificates) written as
plain SQL on a ``sqlite3`` connection. Best of 5 runs each after a warm-up; ratio ours/plain.
The exactness check sums all 1,000,000 flows (and every hour entry) in Python from the raw
integers and compares with the export's totals for the full range of the data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.flows_list import DB_FILE, build
from kringloopdesk.db.engine import resolve_url
from kringloopdesk.db.migrate import open_database
from kringloopdesk.services.figures import (
    Period,
    bkn_figures,
    cedris_figures,
    local_day_start_utc,
)

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


def best(work, runs: int = 5) -> float:
    work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="make the demo shop again")
    parser.add_argument("--year", type=int, help="the year (default: the last full year)")
    args = parser.parse_args()
    if args.rebuild or not DB_FILE.exists():
        build(DB_FILE)
    raw = sqlite3.connect(DB_FILE)
    last_flow = dt.date.fromisoformat(raw.execute("SELECT MAX(flow_date) FROM goods_flows")
                                      .fetchone()[0])
    year = args.year or last_flow.year - 1
    period = Period.year(year)
    n_flows = raw.execute("SELECT COUNT(*) FROM goods_flows").fetchone()[0]
    print(f"{DB_FILE.name}: {n_flows:,} flows; year {year}")

    def fmt_utc(day: dt.date) -> str:
        return local_day_start_utc(day).strftime("%Y-%m-%d %H:%M:%S.%f")

    params = {"a": period.start.isoformat(), "b": period.end.isoformat(),
              "ua": fmt_utc(period.start), "ub": fmt_utc(period.end + dt.timedelta(days=1))}

    def plain() -> None:
        for sql in PLAIN.values():
            names = {k: v for k, v in params.items() if f":{k}" in sql}
            raw.execute(sql, names).fetchall()

    db = open_database(resolve_url(str(DB_FILE)))
    try:
        def ours() -> None:
            with db.read_session() as session:
                bkn_figures(session, period)
                cedris_figures(session, period)

        t_ours, t_plain = best(ours), best(plain)
        print(f"bkn + cedris figures: {t_ours * 1000:.1f} ms")
        print(f"plain sqlite3 GROUP BY: {t_plain * 1000:.1f} ms")
        print(f"ratio ours / plain: {t_ours / t_plain:.2f}x (aim: 1.5x or less)")

        # Exactness over every flow and hour entry of the shop.
        first = raw.execute("SELECT MIN(flow_date) FROM goods_flows").fetchone()[0]
        everything = Period(dt.date.fromisoformat(first), last_flow)
        grams = {"in": 0, "uit": 0}
        for direction, weight in raw.execute("SELECT direction, weight_g FROM goods_flows "
                                             "WHERE flow_date BETWEEN ? AND ?",
                                             (everything.start.isoformat(),
                                              everything.end.isoformat())):
            grams[direction] += weight
        hundredths = sum(h for (h,) in raw.execute(
            "SELECT hours_x100 FROM hour_entries WHERE entry_date BETWEEN ? AND ?",
            (everything.start.isoformat(), everything.end.isoformat())))
        with db.read_session() as session:
            figures = {(f.indicator, f.categorie): f.waarde
                       for f in bkn_figures(session, everything)}
        checks = {
            "ingezameld_kg": (figures["ingezameld_kg", "totaal"], Decimal(grams["in"]).scaleb(-3)),
            "afgevoerd_kg": (figures["afgevoerd_kg", "totaal"], Decimal(grams["uit"]).scaleb(-3)),
            "uren": (figures["uren", "totaal"], Decimal(hundredths).scaleb(-2)),
        }
        ok = True
        for name, (got, expected) in checks.items():
            same = got == expected
            ok &= same
            print(f"exact {name} over {everything.start}..{everything.end}: export {got} / "
                  f"python sum {expected}: {'OK' if same else 'MISMATCH'}")
    finally:
        db.dispose()
        raw.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
