"""Exact arithmetic on many rows: the kg and hours totals equal the Python sum of the inputs
to the gram and the hundredth of an hour (benchmarks/exports.py checks 1,000,000 flows)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from sqlalchemy import BigInteger, Date, Integer, String, column, insert, table, text

from kringloopdesk.db.engine import Database
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.exports import build_export, period_for, write_export

FLOWS = 100_000
HOURS = 60_000
CHUNK = 20_000

FLOW_TABLE = table("goods_flows", column("flow_date", Date), column("direction", String),
                   column("product_group_id", Integer), column("weight_g", BigInteger),
                   column("channel", String))
HOUR_TABLE = table("hour_entries", column("placement_id", Integer),
                   column("entry_date", Date), column("hours_x100", BigInteger))


def test_totals_of_many_flows_and_hours_are_exact(shop_db: Database, beheerder: Actor,
                                                  tmp_path: Path) -> None:
    rng = random.Random(31337)
    with shop_db.session() as session:
        groups = [gid for (gid,) in session.execute(text("SELECT id FROM product_groups"))]
        doelgroep = session.execute(text(
            "SELECT id FROM doelgroepen WHERE bkn_group = 'zonder_werk'")).scalars().first()
        department = session.execute(text("SELECT id FROM departments")).scalars().first()
        session.execute(text(
            "INSERT INTO workers (number, first_name, last_name, doelgroep_id, start_date, "
            "status, version) VALUES ('X1', 'A', 'B', :d, :s, 'actief', 1)"),
            {"d": doelgroep, "s": dt.date(2024, 1, 1)})
        worker = session.execute(text("SELECT id FROM workers")).scalar_one()
        session.execute(text(
            "INSERT INTO placements (worker_id, department_id, start_date, "
            "hours_per_week_x100, status, version) VALUES (:w, :d, :s, 3200, 'actief', 1)"),
            {"w": worker, "d": department, "s": dt.date(2024, 1, 1)})
        placement = session.execute(text("SELECT id FROM placements")).scalar_one()

        grams_in = grams_out = 0
        rows = []
        for _ in range(FLOWS):
            grams = rng.randint(1, 2_500_000)  # 1 g to 2.5 t, every gram possible
            day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(365))
            if rng.random() < 0.5:
                rows.append({"flow_date": day, "direction": "in", "product_group_id":
                             rng.choice(groups), "weight_g": grams, "channel": "brengen"})
                grams_in += grams
            else:
                rows.append({"flow_date": day, "direction": "uit", "product_group_id":
                             rng.choice(groups), "weight_g": grams, "channel": "recycling"})
                grams_out += grams
            if len(rows) == CHUNK:
                session.execute(insert(FLOW_TABLE), rows)
                rows = []
        hundredths = 0
        hour_rows = []
        for _ in range(HOURS):
            amount = rng.randint(1, 2400)
            hour_rows.append({"placement_id": placement, "entry_date": dt.date(2025, 1, 1)
                              + dt.timedelta(days=rng.randrange(365)), "hours_x100": amount})
            hundredths += amount
        session.execute(insert(HOUR_TABLE), hour_rows)
    # A flow on each side of the year does not count.
    with shop_db.session() as session:
        session.execute(insert(FLOW_TABLE), [
            {"flow_date": dt.date(2024, 12, 31), "direction": "in", "product_group_id":
             groups[0], "weight_g": 777, "channel": "brengen"},
            {"flow_date": dt.date(2026, 1, 1), "direction": "uit", "product_group_id":
             groups[0], "weight_g": 555, "channel": "recycling"}])
        data = build_export(session, beheerder, "bkn", period_for(year=2025))
    figures = {(f.indicator, f.categorie): f.waarde for f in data.bkn}
    assert figures["ingezameld_kg", "totaal"] == Decimal(grams_in).scaleb(-3)
    assert figures["afgevoerd_kg", "totaal"] == Decimal(grams_out).scaleb(-3)
    assert figures["afgevoerd_kg", "recycling"] == Decimal(grams_out).scaleb(-3)
    assert figures["uren", "totaal"] == Decimal(hundredths).scaleb(-2)
    assert figures["uren", "zonder_werk"] == Decimal(hundredths).scaleb(-2)
    lines = write_export(data, "csv", tmp_path / "bkn.csv").read_text("utf-8-sig").splitlines()
    whole, grams = divmod(grams_in, 1000)
    assert f"ingezameld_kg;totaal;{whole},{grams:03d};kg" in lines
    whole, grams = divmod(grams_out, 1000)
    assert f"afgevoerd_kg;totaal;{whole},{grams:03d};kg" in lines
    whole, rest = divmod(hundredths, 100)
    assert f"uren;totaal;{whole},{rest:02d};uur" in lines
