"""``import`` and ``template`` as a shop manager uses them: real processes, real databases."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from tests.cli.test_cli import AS_BEHEER, PASSWORD, assert_clean_failure, db_arg, run

KINDS = ("workers", "placements", "hours", "flows")
# A second row for each template, next to its own example row (worker D-0042).
EXTRA_ROWS = {
    "workers": ["D-0043", "Jeroen", "van Dam", None, "wsw", None, None, None, "01-04-2025",
                None, None, None],
    "placements": ["D-0043", "elektra", "Amfors", "01-04-2025", None, None, "20,5", None],
    "hours": ["D-0043", "02-04-2025", "7,25"],
    "flows": ["11-03-2025", "uit", "meubels", "12.5", "hergebruik", None],
}


def _init(db: str) -> None:
    init = run("--db", db, "init", "--shop", "Kringloop De Cirkel", "--user", "beheer",
               "--password-stdin", stdin=PASSWORD)
    assert init.returncode == 0, init.stderr


def _count(url: URL, table: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
    finally:
        engine.dispose()


def test_templates_filled_in_and_imported(db_url: URL, tmp_path: Path) -> None:
    db = db_arg(db_url)
    _init(db)
    for kind in KINDS:
        path = tmp_path / f"{kind}.xlsx"
        # No login for a template: no KRINGLOOPDESK_USER in the environment.
        made = run("--db", db, "template", kind, "-o", str(path),
                   env={"KRINGLOOPDESK_USER": "", "KRINGLOOPDESK_PASSWORD": ""})
        assert made.returncode == 0, made.stderr
        assert str(path) in made.stdout
        workbook = openpyxl.load_workbook(path)
        assert workbook.sheetnames[1] == "Uitleg"
        workbook.worksheets[0].append(EXTRA_ROWS[kind])
        workbook.save(path)
        imported = run("--db", db, "import", kind, str(path), env=AS_BEHEER)
        assert imported.returncode == 0, imported.stderr
        assert imported.stdout.startswith("2 regels geïmporteerd")
    placements = run("--db", db, "import", "placements", str(tmp_path / "placements.xlsx"),
                     env=AS_BEHEER)
    assert placements.returncode == 1  # the same placements again overlap
    assert _count(db_url, "workers") == 2
    assert _count(db_url, "partners") == 2
    assert _count(db_url, "hour_entries") == 2
    assert _count(db_url, "goods_flows") == 2

    csv_template = tmp_path / "uren.csv"
    assert run("--db", db, "template", "hours", "-o", str(csv_template)).returncode == 0
    content = csv_template.read_bytes()
    assert content.startswith(b"\xef\xbb\xbfnummer;datum;uren\r\n")
    csv_template.write_bytes(content + b"D-0043;03-04-2025;6\r\n")
    imported = run("--db", db, "import", "hours", str(csv_template), env=AS_BEHEER)
    assert imported.returncode == 0, imported.stderr
    assert "Op 1 dagen stonden al uren" in imported.stdout


def test_partners_created_are_listed(db_url: URL, tmp_path: Path) -> None:
    db = db_arg(db_url)
    _init(db)
    workers = tmp_path / "medewerkers.csv"
    workers.write_text("nummer;voornaam;achternaam;doelgroep;startdatum\n"
                       "D-1;Anaïs;Çelik;participatiewet;03-03-2025\n", encoding="utf-8-sig")
    assert run("--db", db, "import", "workers", str(workers), env=AS_BEHEER).returncode == 0
    placements = tmp_path / "plaatsingen.csv"
    placements.write_text("nummer,afdeling,partner,startdatum,uren_per_week\n"
                          "D-1,winkel,Gemeente Leusden,03-03-2025,16\n", encoding="cp1252")
    result = run("--db", db, "import", "placements", str(placements), env=AS_BEHEER)
    assert result.returncode == 0, result.stderr
    assert "Nieuwe partnerorganisaties (soort 'overig'): Gemeente Leusden" in result.stdout


def test_errors_are_listed_and_nothing_is_written(db_url: URL, tmp_path: Path) -> None:
    db = db_arg(db_url)
    _init(db)
    flows = tmp_path / "weegregels.csv"
    flows.write_text("datum;richting;productgroep;kg;herkomst_bestemming\n"
                     "03-03-2025;in;meubels;12,5;brengen\n"
                     "31-02-2025;in;meubels;12,5;brengen\n"
                     "04-03-2025;uit;textiel;1.234,5;brengen\n", encoding="utf-8")
    audit_entries = _count(db_url, "audit_log")
    result = run("--db", db, "import", "flows", str(flows), env=AS_BEHEER)
    assert_clean_failure(result, 1, "Fout: 3 fouten; er is niets geïmporteerd.")
    lines = result.stderr.splitlines()
    assert lines[1:] == [
        "rij 3, kolom datum: '31-02-2025' bestaat niet: die maand heeft 28 dagen",
        "rij 4, kolom kg: '1.234,5': gebruik hoogstens één decimaalteken (komma of punt) en "
        "geen scheidingsteken voor duizendtallen",
        "rij 4, kolom herkomst_bestemming: 'brengen' is een herkomst; bij richting 'uit' hoort "
        "een bestemming: hergebruik, hergebruik_online, recycling, restafval, export",
    ]
    assert result.stdout == ""
    assert _count(db_url, "goods_flows") == 0
    assert _count(db_url, "audit_log") == audit_entries + 1  # the login, not an import

    english = run("--lang", "en", "--db", db, "import", "flows", str(flows), env=AS_BEHEER)
    assert_clean_failure(english, 1, "Error: 3 errors; nothing was imported.",
                         "row 3, column datum:")


def test_roles_and_files_on_the_command_line(db_url: URL, tmp_path: Path) -> None:
    db = db_arg(db_url)
    _init(db)
    added = run("--db", db, "user", "add", "--name", "ria", "--role", "invoer",
                "--password-stdin", stdin="vrijwilliger-1\n", env=AS_BEHEER)
    assert added.returncode == 0, added.stderr
    as_ria = {"KRINGLOOPDESK_USER": "ria", "KRINGLOOPDESK_PASSWORD": "vrijwilliger-1"}
    workers = tmp_path / "medewerkers.csv"
    workers.write_text("nummer;voornaam;achternaam;doelgroep;startdatum\n"
                       "D-1;Anaïs;Çelik;participatiewet;03-03-2025\n", encoding="utf-8")
    assert_clean_failure(run("--db", db, "import", "workers", str(workers), env=as_ria), 1,
                         "geen toestemming")
    flows = tmp_path / "weegregels.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["datum", "richting", "productgroep", "kg", "herkomst_bestemming"])
    workbook.active.append(["03-03-2025", "in", "fietsen", 14, "brengen"])
    workbook.save(flows)
    ok = run("--db", db, "import", "flows", str(flows), env=as_ria)
    assert ok.returncode == 0, ok.stderr
    assert "1 regel geïmporteerd (goederenstromen)." in ok.stdout
    missing = run("--db", db, "import", "flows", str(tmp_path / "weg.csv"), env=as_ria)
    assert_clean_failure(missing, 1, "bestaat niet")
    garbage = tmp_path / "foto.csv"
    garbage.write_bytes(bytes(range(256)))
    assert_clean_failure(run("--db", db, "import", "flows", str(garbage), env=as_ria), 1,
                         "rij 1: Dit is geen CSV- of Excel-bestand")
    wrong_suffix = run("--db", db, "template", "flows", "-o", str(tmp_path / "sjabloon.ods"))
    assert_clean_failure(wrong_suffix, 1, ".xlsx of .csv")
    no_database = run("--db", str(tmp_path / "nergens.sqlite"), "template", "flows", "-o",
                      str(tmp_path / "sjabloon.xlsx"))
    assert_clean_failure(no_database, 3, "Richt eerst een winkel in")
    assert not (tmp_path / "nergens.sqlite").exists()
