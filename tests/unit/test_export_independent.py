"""Every figure of the written files, recomputed from the raw tables with plain SQL.

A generated shop (the small demo with a fixed seed and day, plus certificates and same-day
retests) is exported as CSV, XLSX and PDF; the expected values come from hand-written SQL
``GROUP BY`` queries on the stored whole numbers (grams, hundredths of an hour, factors ×
10,000) and exact ``Fraction`` arithmetic — not from services/figures.py — and are rounded half
up with integer arithmetic. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import shutil
import subprocess
from collections import defaultdict
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

import kringloopdesk
from kringloopdesk.db.engine import Database
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.demo import generate_demo
from kringloopdesk.services.exports import build_export, write_export
from kringloopdesk.services.figures import Period
from tests.unit.test_figures import add_demo_certificates, add_same_day_retests

TODAY = dt.date(2025, 9, 30)
PERIODS = (Period.year(2025), Period(dt.date(2024, 11, 15), dt.date(2025, 3, 31)))
BESTEMMING = ("hergebruik", "hergebruik_online", "recycling", "restafval", "export")
BKN_GROUPS = ("zonder_werk", "arbeidsuitdaging", "opleiding", "veiligheid", "halt_reclassering",
              "vrijwilliger", "regulier")
REGELINGEN = ("wsw", "beschut_werk", "banenafspraak", "participatiewet", "dagbesteding",
              "overig")
OUTCOMES = ("betaald_werk", "opleiding", "andere_plek", "dagbesteding", "uitval", "onbekend")
DECIMALS = {"kg": 3, "uur": 2, "%": 1, "personen": 0, "aantal": 0}

Row = tuple[str, str, Fraction | str, str]  # indicator, categorie, exact value, eenheid


@pytest.fixture
def shop(shop_db: Database, beheerder: Actor) -> Database:
    with shop_db.session() as session:
        generate_demo(session, beheerder, scale="small", seed=777, today=TODAY)
        add_demo_certificates(session, random.Random(777))
        add_same_day_retests(session, random.Random(778))
    return shop_db


def q(session, sql: str, **params) -> list[tuple]:
    return [tuple(r) for r in session.execute(text(sql), params)]


def pct(part: Fraction, whole: Fraction) -> Fraction:
    return Fraction(0) if whole == 0 else part * 100 / whole


def half_up(value: Fraction, decimals: int) -> str:
    scaled = value * 10**decimals
    sign = "-" if scaled < 0 else ""
    scaled = abs(scaled)
    units = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)
    whole, rest = divmod(units, 10**decimals)
    return f"{sign}{whole},{rest:0{decimals}d}" if decimals else f"{sign}{whole}"


def expected_text(row: Row) -> str:
    indicator, _categorie, value, eenheid = row
    if isinstance(value, str):
        return value
    decimals = 1 if indicator == "co2_vermeden_kg" else DECIMALS[eenheid]
    return half_up(value, decimals)


def metadata(session, period: Period, factor_set: str) -> list[Row]:
    (name,) = q(session, "SELECT name FROM shop_profile")[0]
    return [("winkel", "", name, ""), ("periode_van", "", period.start.isoformat(), ""),
            ("periode_tot", "", period.end.isoformat(), ""),
            ("co2_factorset", "", factor_set, ""),
            ("app_versie", "", kringloopdesk.__version__, "")]


def with_total(indicator: str, eenheid: str, values: list[tuple[str, Fraction]]) -> list[Row]:
    rows: list[Row] = [(indicator, c, v, eenheid) for c, v in values]
    rows.append((indicator, "totaal", sum((v for _c, v in values), Fraction(0)), eenheid))
    return rows


def people(session, period: Period, column: str, codes: tuple[str, ...]) -> list[Row]:
    p = {"a": period.start, "b": period.end}
    joins = ("FROM placements p JOIN workers w ON w.id = p.worker_id "
             "JOIN doelgroepen d ON d.id = w.doelgroep_id ")
    active = "p.start_date <= :b AND (p.end_date IS NULL OR p.end_date >= :a)"
    counted = f"d.{column} IS NOT NULL"
    persons = dict(q(session, f"SELECT d.{column}, COUNT(DISTINCT p.worker_id) {joins}"
                              f"WHERE {active} AND {counted} GROUP BY d.{column}", **p))
    (everyone,) = q(session, f"SELECT COUNT(DISTINCT p.worker_id) {joins} WHERE {active} "
                             f"AND {counted}", **p)[0]
    hours = dict(q(session, f"SELECT d.{column}, SUM(h.hours_x100) FROM hour_entries h "
                            f"JOIN placements p ON p.id = h.placement_id "
                            f"JOIN workers w ON w.id = p.worker_id "
                            f"JOIN doelgroepen d ON d.id = w.doelgroep_id "
                            f"WHERE h.entry_date BETWEEN :a AND :b AND {counted} "
                            f"GROUP BY d.{column}", **p))
    return [
        *[("medewerkers", c, Fraction(persons.get(c, 0)), "personen") for c in codes],
        ("medewerkers", "totaal", Fraction(everyone), "personen"),
        *with_total("uren", "uur", [(c, Fraction(int(hours.get(c) or 0), 100)) for c in codes]),
    ]


def expected_bkn(session, period: Period) -> list[Row]:
    p = {"a": period.start, "b": period.end}
    groups = q(session, "SELECT id, code FROM product_groups ORDER BY sort_order, code")
    grams = defaultdict(int)
    for gid, channel, direction, total in q(
            session, "SELECT product_group_id, channel, direction, SUM(weight_g) "
                     "FROM goods_flows WHERE flow_date BETWEEN :a AND :b "
                     "GROUP BY product_group_id, channel, direction", **p):
        grams["in" if direction == "in" else channel, gid] += int(total)
    kg = {key: Fraction(g, 1000) for key, g in grams.items()}

    def get(channel: str, gid: int) -> Fraction:
        return kg.get((channel, gid), Fraction(0))

    (set_id, set_code, set_version) = q(
        session, "SELECT id, code, version FROM co2_factor_sets WHERE is_default = :t "
                 "ORDER BY version DESC", t=True)[0]
    factors = {gid: Fraction(int(f), 10000) for gid, f in q(
        session, "SELECT product_group_id, factor_x10000 FROM co2_factors "
                 "WHERE factor_set_id = :s", s=set_id)}
    per_bestemming = {b: sum((get(b, gid) for gid, _c in groups), Fraction(0))
                      for b in BESTEMMING}
    outflow = sum(per_bestemming.values(), Fraction(0))
    last: dict[int, tuple[dt.date, int, bool]] = {}
    for test_id, item_id, day, passed in q(
            session, "SELECT id, item_id, test_date, passed FROM safety_tests "
                     "WHERE test_date BETWEEN :a AND :b", **p):
        key = (day if isinstance(day, dt.date) else dt.date.fromisoformat(day), test_id,
               bool(passed))
        last[item_id] = max(last.get(item_id, key), key)
    return [
        *metadata(session, period, f"{set_code}@{set_version}"),
        *with_total("ingezameld_kg", "kg", [(c, get("in", gid)) for gid, c in groups]),
        *[("afgevoerd_kg", b, per_bestemming[b], "kg") for b in BESTEMMING],
        *[("afgevoerd_kg", f"{b}/{c}", get(b, gid), "kg") for b in BESTEMMING
          for gid, c in groups],
        ("afgevoerd_kg", "totaal", outflow, "kg"),
        ("hergebruik_pct", "totaal",
         pct(per_bestemming["hergebruik"] + per_bestemming["hergebruik_online"], outflow), "%"),
        ("recycling_pct", "totaal", pct(per_bestemming["recycling"], outflow), "%"),
        ("restafval_pct", "totaal", pct(per_bestemming["restafval"], outflow), "%"),
        ("export_pct", "totaal", pct(per_bestemming["export"], outflow), "%"),
        *with_total("co2_vermeden_kg", "kg", [
            (c, (get("hergebruik", gid) + get("hergebruik_online", gid))
             * factors.get(gid, Fraction(0))) for gid, c in groups]),
        *people(session, period, "bkn_group", BKN_GROUPS),
        ("elektra_getest", "totaal", Fraction(len(last)), "aantal"),
        ("elektra_goedgekeurd", "totaal",
         Fraction(sum(1 for _d, _i, passed in last.values() if passed)), "aantal"),
    ]


def expected_cedris(session, period: Period) -> list[Row]:
    p = {"a": period.start, "b": period.end}
    joins = ("FROM placements p JOIN workers w ON w.id = p.worker_id "
             "JOIN doelgroepen d ON d.id = w.doelgroep_id WHERE d.cedris_regeling IS NOT NULL ")
    (started,) = q(session, f"SELECT COUNT(*) {joins} AND p.start_date BETWEEN :a AND :b",
                   **p)[0]
    ended = dict(q(session, f"SELECT p.outcome, COUNT(*) {joins} "
                            f"AND p.end_date BETWEEN :a AND :b GROUP BY p.outcome", **p))
    all_ended = Fraction(sum(ended.values()))
    zone = ZoneInfo("Europe/Amsterdam")
    certificates = defaultdict(int)
    regular_placements = {pid for (pid,) in q(
        session, "SELECT p.id FROM placements p JOIN workers w ON w.id = p.worker_id "
                 "JOIN doelgroepen d ON d.id = w.doelgroep_id "
                 "WHERE d.cedris_regeling IS NULL")}
    for kind, placement_id, issued_at, revoked_at in q(
            session, "SELECT kind, placement_id, issued_at, revoked_at FROM certificates"):
        moment = issued_at if isinstance(issued_at, dt.datetime) else \
            dt.datetime.fromisoformat(str(issued_at))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        day = moment.astimezone(zone).date()
        if (period.start <= day <= period.end and revoked_at is None
                and placement_id not in regular_placements):
            certificates[kind] += 1
    (set_code, set_version) = q(
        session, "SELECT code, version FROM co2_factor_sets WHERE is_default = :t "
                 "ORDER BY version DESC", t=True)[0]
    return [
        *metadata(session, period, f"{set_code}@{set_version}"),
        *people(session, period, "cedris_regeling", REGELINGEN),
        ("plaatsingen_gestart", "totaal", Fraction(started), "aantal"),
        *with_total("plaatsingen_beeindigd", "aantal",
                    [(o, Fraction(ended.get(o, 0))) for o in OUTCOMES]),
        ("uitstroom_betaald_werk_pct", "totaal",
         pct(Fraction(ended.get("betaald_werk", 0)), all_ended), "%"),
        *with_total("certificaten_uitgegeven", "aantal",
                    [(k, Fraction(certificates[k])) for k in ("samenwerking", "deelname")]),
    ]


def csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def xlsx_values(path: Path) -> dict[str, dict[tuple[str, str], object]]:
    """sheet -> (indicator, categorie) -> value; the unit header checked on the way."""
    workbook = load_workbook(path)
    found: dict[str, dict[tuple[str, str], object]] = {}
    for sheet in workbook.worksheets:
        values: dict[tuple[str, str], object] = {}
        unit = None
        for row in sheet.iter_rows(min_row=1, values_only=True):
            if sheet.title == "Metadata":
                continue
            if row[1] == "categorie":
                unit = row[2]
            elif row[0] is not None:
                values[(row[0], row[1])] = (row[2], unit)
        found[sheet.title] = values
    return found


def check_xlsx(values: dict[tuple[str, str], object], expected: list[Row]) -> None:
    figures = [r for r in expected if r[3]]
    assert list(values) == [(r[0], r[1]) for r in figures]
    for row in figures:
        value, unit = values[(row[0], row[1])]
        assert unit == f"waarde ({row[3]})", row
        assert isinstance(value, int | float) and not isinstance(value, bool), row
        assert value == float(expected_text(row).replace(",", ".")), row


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True)
    return done.stdout


def check_pdf(content: str, expected: list[Row]) -> None:
    """Every value is in the PDF, in the file's text or with a thousands point."""
    for row in expected:
        if not row[3]:
            continue
        written = expected_text(row)
        whole, _sep, rest = written.partition(",")
        grouped = f"{int(whole):,}".replace(",", ".") + ("," + rest if rest else "")
        assert written in content or grouped in content, row


@pytest.mark.parametrize("period", PERIODS, ids=["2025", "nov2024-mrt2025"])
def test_every_figure_in_every_format_from_the_raw_rows(
        shop: Database, beheerder: Actor, tmp_path: Path, period: Period) -> None:
    with shop.read_session() as session:
        bkn = expected_bkn(session, period)
        cedris = expected_cedris(session, period)
    # The generated shop is not empty in these periods (else the test proves little).
    assert any(r[2] for r in bkn if r[0] == "afgevoerd_kg" and r[1] == "totaal")
    assert any(r[2] for r in cedris if r[0] == "uren" and r[1] == "totaal")
    assert any(r[2] for r in cedris if r[0] == "certificaten_uitgegeven")
    assert any(r[2] for r in bkn if r[0] == "elektra_goedgekeurd")

    with shop.session() as session:
        exports = {kind: build_export(session, beheerder, kind, period)
                   for kind in ("bkn", "cedris", "impact")}
    for kind, expected in (("bkn", bkn), ("cedris", cedris)):
        target = write_export(exports[kind], "csv", tmp_path / f"{kind}.csv")
        assert csv_rows(target) == [["indicator", "categorie", "waarde", "eenheid"]] + [
            [r[0], r[1], expected_text(r), r[3]] for r in expected]
        workbook = write_export(exports[kind], "xlsx", tmp_path / f"{kind}.xlsx")
        sheet = "BKN Monitor" if kind == "bkn" else "Cedris"
        values = xlsx_values(workbook)
        assert list(values) == ["Metadata", sheet]
        check_xlsx(values[sheet], expected)
        meta = [tuple(r) for r in load_workbook(workbook)["Metadata"].iter_rows(
            min_row=2, max_col=2, values_only=True)]
        assert [v for _label, v in meta] == [r[2] for r in expected[:5]]
        check_pdf(pdf_text(write_export(exports[kind], "pdf", tmp_path / f"{kind}.pdf")),
                  expected)

    impact = csv_rows(write_export(exports["impact"], "csv", tmp_path / "impact.csv"))
    assert impact[1:] == (
        [["Metadata", r[0], r[1], expected_text(r), r[3]] for r in bkn[:5]]
        + [["BKN Monitor", r[0], r[1], expected_text(r), r[3]] for r in bkn[5:]]
        + [["Cedris", r[0], r[1], expected_text(r), r[3]] for r in cedris[5:]])
    values = xlsx_values(write_export(exports["impact"], "xlsx", tmp_path / "impact.xlsx"))
    check_xlsx(values["BKN Monitor"], bkn)
    check_xlsx(values["Cedris"], cedris)
    content = pdf_text(write_export(exports["impact"], "pdf", tmp_path / "impact.pdf"))
    check_pdf(content, bkn)
    check_pdf(content, cedris)


def test_pdftotext_is_there() -> None:
    """The PDF comparisons above need poppler's pdftotext."""
    assert shutil.which("pdftotext"), "install poppler-utils for the PDF checks"
