"""``export ords`` as a shop manager uses it: real processes, real databases."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from sqlalchemy.engine import URL

from kringloopdesk.db.migrate import open_database
from kringloopdesk.services.auth import attempt_login
from kringloopdesk.services.items import ItemInput, create_item
from kringloopdesk.services.repairs import RepairInput, record_repair
from kringloopdesk.services.users import create_user
from tests.cli.test_cli import AS_BEHEER, PASSWORD, assert_clean_failure, db_arg, run

AS_INVOER = {"KRINGLOOPDESK_USER": "ria", "KRINGLOOPDESK_PASSWORD": "vrijwilliger-1"}


def _shop_with_repairs(db_url: URL) -> str:
    db = db_arg(db_url)
    init = run("--db", db, "init", "--shop", "Kringloop De Cirkel", "--user", "beheer",
               "--password-stdin", stdin=PASSWORD)
    assert init.returncode == 0, init.stderr
    database = open_database(db_url)
    try:
        with database.session() as session:
            actor = attempt_login(session, "beheer", PASSWORD).actor_or_raise()
        with database.session() as session:
            create_user(session, actor, username="ria", full_name="Ria", role="invoer",
                        password="vrijwilliger-1")
            for description, group, outcome, barrier, day in (
                ("Stofzuiger", "klein_elektrisch", "Fixed", None, dt.date(2024, 2, 3)),
                ("Televisie", "ict_elektronica", "End of life", "Spare parts too expensive",
                 dt.date(2024, 11, 30)),
                ("Damesfiets", "fietsen", "Fixed", None, dt.date(2024, 5, 5)),
                ("Waterkoker", "klein_elektrisch", "Repairable", None, dt.date(2025, 1, 2)),
            ):
                item = create_item(session, actor, ItemInput(
                    product_group=group, description=description,
                    intake_date=dt.date(2024, 1, 1)))
                record_repair(session, actor, item.id, RepairInput(
                    day, outcome, barrier=barrier, problem="Doet het niet"))
    finally:
        database.dispose()
    return db


def test_export_ords_for_a_year(db_url: URL, tmp_path: Path) -> None:
    db = _shop_with_repairs(db_url)
    out = tmp_path / "export"
    out.mkdir()
    target = out / "ords-2024.csv"
    done = run("--db", db, "export", "ords", "--year", "2024", "-o", str(target), env=AS_BEHEER)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        f"3 reparaties van 2024 geëxporteerd naar {target} (ORDS). Daarvan 1 van "
        "niet-elektrische artikelen; hun ORDS-categorie komt van de productgroep.\n")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    # Every repair of the year, the bicycle's too (its category from its product group).
    assert [(r["product_category"], r["repair_status"], r["repair_barrier_if_end_of_life"],
             r["event_date"]) for r in rows] == [
        ("Vacuum", "Fixed", "", "2024-02-03"),
        ("Misc", "Fixed", "", "2024-05-05"),
        ("Flat screen", "End of life", "Spare parts too expensive", "2024-11-30"),
    ]
    assert rows[1]["partner_product_category"] == "Fietsen ~ Damesfiets"
    assert {r["data_provider"] for r in rows} == {"Kringloop De Cirkel"}
    assert sorted(p.name for p in out.iterdir()) == ["ords-2024.csv"]  # no temporary left
    english = run("--db", db, "--lang", "en", "export", "ords", "--year", "2025", "-o",
                  str(out / "ords-2025.csv"), env=AS_BEHEER)
    assert english.returncode == 0, english.stderr
    assert english.stdout == f"1 repair of 2025 exported to {out / 'ords-2025.csv'} (ORDS).\n"


def test_an_invoer_exports_nothing(db_url: URL, tmp_path: Path) -> None:
    db = _shop_with_repairs(db_url)
    target = tmp_path / "ords.csv"
    refused = run("--db", db, "export", "ords", "--year", "2024", "-o", str(target),
                  env=AS_INVOER)
    assert_clean_failure(refused, 1, "Fout: Exporteren mag alleen een beheerder of begeleider",
                         "ingelogd als invoer (vrijwilliger)", "Er is niets geschreven")
    assert not target.exists()


def test_a_bad_year_is_refused(db_url: URL, tmp_path: Path) -> None:
    db = _shop_with_repairs(db_url)
    target = tmp_path / "ords.csv"
    words = run("--db", db, "export", "ords", "--year", "vorig jaar", "-o", str(target),
                env=AS_BEHEER)
    assert_clean_failure(words, 2, "een jaartal, bijvoorbeeld 2025")
    old = run("--db", db, "export", "ords", "--year", "1850", "-o", str(target), env=AS_BEHEER)
    assert_clean_failure(old, 1, "Fout: Kies een jaar van 2000 tot en met 2100.")
    missing = run("--db", db, "export", "ords", "-o", str(target), env=AS_BEHEER)
    assert_clean_failure(missing, 2, "--year")
    assert not target.exists()


def test_an_unwritable_target_leaves_nothing(db_url: URL, tmp_path: Path) -> None:
    db = _shop_with_repairs(db_url)
    nowhere = run("--db", db, "export", "ords", "--year", "2024", "-o",
                  str(tmp_path / "bestaat-niet" / "ords.csv"), env=AS_BEHEER)
    assert_clean_failure(nowhere, 1, "Fout: De map", "bestaat niet")
    folder = tmp_path / "uitvoer"
    (folder / "ords.csv").mkdir(parents=True)  # a folder where the file should go
    blocked = run("--db", db, "export", "ords", "--year", "2024", "-o",
                  str(folder / "ords.csv"), env=AS_BEHEER)
    assert_clean_failure(blocked, 1, "is een map; geef een bestandsnaam")
    assert [p.name for p in folder.iterdir()] == ["ords.csv"]
    assert list((folder / "ords.csv").iterdir()) == []
    # A folder nobody can write in (even root cannot create files in /proc).
    readonly = run("--db", db, "export", "ords", "--year", "2024", "-o", "/proc/ords.csv",
                   env=AS_BEHEER)
    assert_clean_failure(readonly, 1, "Het bestand kan niet worden geschreven naar "
                         "'/proc/ords.csv'", "Er is niets half geschreven")
    assert not Path("/proc/ords.csv").exists()


# -- bkn, cedris, impact ------------------------------------------------------------------------


def _shop_with_flows(db_url: URL) -> str:
    db = _shop_with_repairs(db_url)
    database = open_database(db_url)
    try:
        with database.session() as session:
            from sqlalchemy import text

            group = session.execute(text(
                "SELECT id FROM product_groups WHERE code = 'meubels'")).scalar_one()
            for day, direction, grams, channel in (
                (dt.date(2024, 12, 31), "in", 5000, "brengen"),
                (dt.date(2025, 1, 1), "in", 12345, "brengen"),
                (dt.date(2025, 3, 31), "uit", 1001, "hergebruik"),
                (dt.date(2025, 4, 1), "uit", 999, "recycling"),
            ):
                session.execute(text(
                    "INSERT INTO goods_flows (flow_date, direction, product_group_id, "
                    "weight_g, channel, version) VALUES (:d, :r, :g, :w, :c, 1)"),
                    {"d": day, "r": direction, "g": group, "w": grams, "c": channel})
    finally:
        database.dispose()
    return db


def test_export_bkn_csv_for_a_year(db_url: URL, tmp_path: Path) -> None:
    db = _shop_with_flows(db_url)
    target = tmp_path / "bkn-2025.csv"
    done = run("--db", db, "export", "bkn", "--year", "2025", "-o", str(target), env=AS_BEHEER)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (f"BKN Monitor van 2025-01-01 tot en met 2025-12-31 geëxporteerd "
                           f"naar {target} (CSV).\n")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfindicator;categorie;waarde;eenheid\r\nwinkel;;"
                          b"Kringloop De Cirkel;\r\nperiode_van;;2025-01-01;\r\n")
    lines = raw.decode("utf-8-sig").splitlines()
    assert len(lines) == 106
    assert "ingezameld_kg;meubels;12,345;kg" in lines
    assert "ingezameld_kg;totaal;12,345;kg" in lines
    assert "afgevoerd_kg;totaal;2,000;kg" in lines
    assert "hergebruik_pct;totaal;50,1;%" in lines
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_export_cedris_xlsx_from_to_and_impact_quarter(db_url: URL, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    db = _shop_with_flows(db_url)
    target = tmp_path / "cedris.xlsx"
    done = run("--db", db, "export", "cedris", "--from", "01-07-2024", "--to", "2025-06-30",
               "--format", "xlsx", "-o", str(target), env=AS_BEHEER)
    assert done.returncode == 0, done.stderr
    assert "Cedris van 2024-07-01 tot en met 2025-06-30" in done.stdout
    workbook = load_workbook(target)
    assert workbook.sheetnames == ["Metadata", "Cedris"]
    assert workbook["Metadata"]["B3"].value == "2024-07-01"
    assert workbook["Cedris"]["C1"].value == "waarde (personen)"
    impact = tmp_path / "impact.csv"
    done = run("--db", db, "export", "impact", "--year", "2025", "--quarter", "1",
               "--format", "csv", "-o", str(impact), env=AS_BEHEER)
    assert done.returncode == 0, done.stderr
    lines = impact.read_text("utf-8-sig").splitlines()
    assert lines[0] == "sectie;indicator;categorie;waarde;eenheid"
    assert "BKN Monitor;afgevoerd_kg;totaal;1,001;kg" in lines


def test_an_invoer_exports_no_figures(db_url: URL, tmp_path: Path) -> None:
    db = _shop_with_flows(db_url)
    target = tmp_path / "bkn.csv"
    refused = run("--db", db, "export", "bkn", "--year", "2025", "-o", str(target),
                  env=AS_INVOER)
    assert_clean_failure(refused, 1, "Fout: Exporteren mag alleen een beheerder of begeleider",
                         "Er is niets geschreven")
    assert not target.exists()


def test_bad_periods_and_formats_are_refused(db_url: URL, tmp_path: Path) -> None:
    db = _shop_with_flows(db_url)
    target = tmp_path / "bkn.csv"
    for args, code, fragments in (
        (["--from", "31-02-2025", "--to", "2025-12-31"], 2, ["een datum als 2025-12-31"]),
        (["--from", "2025-12-31", "--to", "2025-01-01"], 1, ["Fout: De periode begint"]),
        (["--from", "2025-01-01"], 1, ["Fout: Geef bij --from ook --to"]),
        (["--year", "2025", "--from", "2025-01-01"], 2, ["--from"]),
        (["--year", "2025", "--quarter", "5"], 2, ["een kwartaal: 1, 2, 3 of 4"]),
        (["--year", "1999"], 1, ["Fout: Kies een jaar van 2000 tot en met 2100."]),
        (["--year", "2025", "--factor-set", "onbekend@9"], 1, ["Fout:"]),
        ([], 2, ["--year"]),
    ):
        result = run("--db", db, "export", "bkn", *args, "-o", str(target), env=AS_BEHEER)
        assert_clean_failure(result, code, *fragments)
    no_format = run("--db", db, "export", "bkn", "--year", "2025", "-o",
                    str(tmp_path / "bkn.txt"), env=AS_BEHEER)
    assert_clean_failure(no_format, 1, "Fout: Kies het formaat met --format")
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".csv", ".txt", ".part")]
