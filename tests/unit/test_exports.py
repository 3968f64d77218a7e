"""The export service and the CSV/XLSX writers: exact bytes, sheets, cells, periods, writing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kringloopdesk.db.engine import Database
from kringloopdesk.errors import PermissionDeniedError, ValidationError
from kringloopdesk.reports.exports import csv_bytes, protect, write_csv, xlsx_bytes
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.exports import (
    ExportData,
    build_export,
    period_for,
    preview_rows,
    write_export,
)
from kringloopdesk.services.figures import DEFINITIONS, Figure, Period

PERIOD = Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def meta(shop: str = "Kringloop De Cirkel", factor_set: str = "bkn_tno@1") -> list[Figure]:
    return [
        Figure("winkel", "", shop, ""),
        Figure("periode_van", "", "2025-01-01", ""),
        Figure("periode_tot", "", "2025-12-31", ""),
        Figure("co2_factorset", "", factor_set, ""),
        Figure("app_versie", "", "9.8.7", ""),
    ]


BKN = (
    *meta(),
    Figure("ingezameld_kg", "meubels", Decimal("1234567.891"), "kg"),
    Figure("ingezameld_kg", "textiel", Decimal("0.000"), "kg"),
    Figure("ingezameld_kg", "totaal", Decimal("1234567.891"), "kg"),
    Figure("hergebruik_pct", "totaal", Decimal("66.65"), "%"),
    Figure("co2_vermeden_kg", "meubels", Decimal("1.45"), "kg"),
    Figure("co2_vermeden_kg", "textiel", Decimal("1.35"), "kg"),
    Figure("co2_vermeden_kg", "totaal", Decimal("2.80"), "kg"),
    Figure("medewerkers", "regulier", 3, "personen"),
    Figure("medewerkers", "totaal", 3, "personen"),
    Figure("uren", "regulier", Decimal("1500.5"), "uur"),
    Figure("uren", "totaal", Decimal("1500.5"), "uur"),
)
CEDRIS = (
    *meta(),
    Figure("medewerkers", "wsw", 2, "personen"),
    Figure("medewerkers", "totaal", 2, "personen"),
    Figure("uitstroom_betaald_werk_pct", "totaal", Decimal("33.33333333333333333333"), "%"),
)


def data(kind: str, bkn=BKN, cedris=CEDRIS) -> ExportData:
    return ExportData(
        kind=kind, period=PERIOD, shop_name=str(bkn[0].waarde if bkn else cedris[0].waarde),
        factor_set="bkn_tno@1", app_version="9.8.7",
        bkn=tuple(bkn) if kind in ("bkn", "impact") else (),
        cedris=tuple(cedris) if kind in ("cedris", "impact") else (),
        shop_logo=None, created_at=dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC),
    )


# ---------------------------------------------------------------------------------------------
# CSV


def test_bkn_csv_is_exactly_the_domain_layout() -> None:
    assert csv_bytes(data("bkn")) == (
        "\ufeffindicator;categorie;waarde;eenheid\r\n"
        "winkel;;Kringloop De Cirkel;\r\n"
        "periode_van;;2025-01-01;\r\n"
        "periode_tot;;2025-12-31;\r\n"
        "co2_factorset;;bkn_tno@1;\r\n"
        "app_versie;;9.8.7;\r\n"
        "ingezameld_kg;meubels;1234567,891;kg\r\n"
        "ingezameld_kg;textiel;0,000;kg\r\n"
        "ingezameld_kg;totaal;1234567,891;kg\r\n"
        "hergebruik_pct;totaal;66,7;%\r\n"
        "co2_vermeden_kg;meubels;1,5;kg\r\n"
        "co2_vermeden_kg;textiel;1,4;kg\r\n"
        "co2_vermeden_kg;totaal;2,8;kg\r\n"
        "medewerkers;regulier;3;personen\r\n"
        "medewerkers;totaal;3;personen\r\n"
        "uren;regulier;1500,50;uur\r\n"
        "uren;totaal;1500,50;uur\r\n"
    ).encode("utf-8")


def test_cedris_csv_and_the_impact_csv_with_its_section_column() -> None:
    assert csv_bytes(data("cedris")).decode("utf-8").splitlines()[5:] == [
        "app_versie;;9.8.7;",
        "medewerkers;wsw;2;personen",
        "medewerkers;totaal;2;personen",
        "uitstroom_betaald_werk_pct;totaal;33,3;%",
    ]
    text = csv_bytes(data("impact")).decode("utf-8")
    assert text.startswith("\ufeffsectie;indicator;categorie;waarde;eenheid\r\n")
    lines = text.removeprefix("\ufeff").splitlines()
    # The metadata once, then BKN, then Cedris; medewerkers totaal twice, told apart.
    assert [line.split(";")[0] for line in lines[1:]] == (
        ["Metadata"] * 5 + ["BKN Monitor"] * (len(BKN) - 5) + ["Cedris"] * (len(CEDRIS) - 5))
    assert "BKN Monitor;medewerkers;totaal;3;personen" in lines
    assert "Cedris;medewerkers;totaal;2;personen" in lines
    assert len(lines) == 1 + 5 + len(BKN) - 5 + len(CEDRIS) - 5


def test_csv_quotes_and_protects_the_shop_name() -> None:
    nasty = "=HYPERLINK(\"http://x\";\"klik\")"
    exported = data("bkn", bkn=(*meta(nasty), *BKN[5:]))
    rows = list(csv.reader(io.StringIO(csv_bytes(exported).decode("utf-8-sig")),
                           delimiter=";"))
    assert rows[1] == ["winkel", "", "'" + nasty, ""]
    assert rows[0] == ["indicator", "categorie", "waarde", "eenheid"]
    semicolon = data("bkn", bkn=(*meta('Kringloop "De Ruil"; Zeist'), *BKN[5:]))
    assert csv_bytes(semicolon).decode("utf-8").splitlines()[1] == (
        'winkel;;"Kringloop ""De Ruil""; Zeist";')


@pytest.mark.parametrize(("text", "protected"), [
    ("=1+1", "'=1+1"), ("+31 33 123", "'+31 33 123"), ("-rm", "'-rm"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("-1,5", "-1,5"), ("-2", "-2"), ("+3.25", "+3.25"),
    ("Kringloop", "Kringloop"), ("", ""), ("a=b", "a=b"),
])
def test_formula_injection_guard(text: str, protected: str) -> None:
    assert protect(text) == protected


def test_negative_numbers_are_never_quoted() -> None:
    odd = data("bkn", bkn=(*meta(), Figure("uren", "totaal", Decimal("-1.5"), "uur")))
    assert csv_bytes(odd).decode("utf-8").splitlines()[-1] == "uren;totaal;-1,50;uur"


# ---------------------------------------------------------------------------------------------
# XLSX


def _sheet_rows(content: bytes, title: str) -> list[tuple]:
    workbook = load_workbook(io.BytesIO(content))
    return [tuple(row) for row in workbook[title].iter_rows(values_only=True)]


def test_xlsx_sheets_headers_with_units_and_number_cells() -> None:
    content = xlsx_bytes(data("bkn"))
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["Metadata", "BKN Monitor"]
    assert workbook.active.title == "BKN Monitor"
    assert _sheet_rows(content, "Metadata")[:3] == [
        ("gegeven", "waarde", "definitie"),
        ("winkel", "Kringloop De Cirkel", DEFINITIONS["winkel"]),
        ("periode van (jjjj-mm-dd)", "2025-01-01", DEFINITIONS["periode_van"]),
    ]
    sheet = workbook["BKN Monitor"]
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[:5] == [
        ("ingezameld_kg", "categorie", "waarde (kg)", DEFINITIONS["ingezameld_kg"]),
        ("ingezameld_kg", "meubels", 1234567.891, None),
        ("ingezameld_kg", "textiel", 0, None),
        ("ingezameld_kg", "totaal", 1234567.891, None),
        (None, None, None, None),
    ]
    headers = [row[2] for row in rows if row[1] == "categorie"]
    assert headers == ["waarde (kg)", "waarde (%)", "waarde (kg)", "waarde (personen)",
                       "waarde (uur)"]
    values = {(r[0], r[1]): r[2] for r in rows if r[1] not in (None, "categorie")}
    assert values[("hergebruik_pct", "totaal")] == 66.7
    assert values[("co2_vermeden_kg", "meubels")] == 1.5
    assert values[("medewerkers", "totaal")] == 3
    assert values[("uren", "totaal")] == 1500.5
    # Number cells with the unit's number format; headers bold.
    formats = {(sheet.cell(r, 1).value, sheet.cell(r, 2).value): sheet.cell(r, 3)
               for r in range(1, sheet.max_row + 1) if sheet.cell(r, 3).data_type == "n"
               and sheet.cell(r, 3).value is not None}
    assert formats[("ingezameld_kg", "meubels")].number_format == "0.000"
    assert formats[("hergebruik_pct", "totaal")].number_format == "0.0"
    assert formats[("co2_vermeden_kg", "totaal")].number_format == "0.0"
    assert formats[("uren", "totaal")].number_format == "0.00"
    assert formats[("medewerkers", "totaal")].number_format == "0"
    assert sheet.cell(1, 1).font.bold


def test_xlsx_holds_the_exact_decimal_text() -> None:
    """The stored value is the CSV's value, not a float's 16 digits."""
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes(data("bkn")))) as archive:
        xml = archive.read("xl/worksheets/sheet2.xml").decode("utf-8")
    values = re.findall(r'<c r="C\d+"[^>]*t="n"[^>]*><v>([^<]*)</v>', xml)
    assert values[:3] == ["1234567.891", "0.000", "1234567.891"]
    assert "66.7" in values and "1500.50" in values and "2.8" in values
    assert "<f>" not in xml


def test_impact_xlsx_has_one_sheet_per_section() -> None:
    content = xlsx_bytes(data("impact"))
    assert load_workbook(io.BytesIO(content)).sheetnames == ["Metadata", "BKN Monitor", "Cedris"]
    cedris = _sheet_rows(content, "Cedris")
    assert cedris[0] == ("medewerkers", "categorie", "waarde (personen)",
                         DEFINITIONS["medewerkers"])
    assert ("uitstroom_betaald_werk_pct", "totaal", 33.3, None) in cedris
    assert len(_sheet_rows(content, "Metadata")) == 6


def test_xlsx_text_is_never_a_formula() -> None:
    nasty = "=cmd|' /C calc'!A0"
    content = xlsx_bytes(data("bkn", bkn=(*meta(nasty), *BKN[5:])))
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            assert b"<f>" not in archive.read(name), name
    workbook = load_workbook(io.BytesIO(content))
    cell = workbook["Metadata"]["B2"]
    assert cell.value == nasty
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_xlsx_opens_in_libreoffice_without_repair(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed here; openpyxl re-reads the file "
                    "in the other tests")
    path = write_export(data("bkn"), "xlsx", tmp_path / "bkn.xlsx")
    done = subprocess.run(
        [soffice, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,"
         "false,true,false,false,false,2", "--outdir", str(tmp_path / "out"), str(path)],
        capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    converted = next((tmp_path / "out").glob("*.csv")).read_text("utf-8")
    assert "1234567.891" in converted or "1234567,891" in converted


# ---------------------------------------------------------------------------------------------
# Writing, preview, periods


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_write_export_is_atomic(tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    target = folder / f"bkn-2025.{fmt}"
    target.write_bytes(b"old")
    assert write_export(data("bkn"), fmt, target) == target
    if fmt == "csv":
        assert target.read_bytes() == csv_bytes(data("bkn"))
    else:
        assert load_workbook(target).sheetnames == ["Metadata", "BKN Monitor"]
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary left


def test_a_failing_writer_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:
    from kringloopdesk.reports import exports as writers

    folder = tmp_path / "uit"
    folder.mkdir()
    target = folder / "bkn.csv"
    target.write_bytes(b"old")

    def broken(_data, path, **_kwargs):
        Path(path).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writers, "write_csv", broken)
    with pytest.raises(OSError):
        write_export(data("bkn"), "csv", target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["bkn.csv"]
    with pytest.raises(ValidationError, match="Onbekend bestandsformaat"):
        write_export(data("bkn"), "ods", target)


def test_write_csv_directly(tmp_path: Path) -> None:
    path = write_csv(data("cedris"), tmp_path / "c.csv")
    assert path.read_bytes() == csv_bytes(data("cedris"))


def test_preview_rows_are_the_file_rows() -> None:
    for kind in ("bkn", "cedris", "impact"):
        exported = data(kind)
        preview = preview_rows(exported)
        lines = list(csv.reader(io.StringIO(csv_bytes(exported).decode("utf-8-sig")),
                                delimiter=";"))[1:]
        if kind == "impact":
            assert [[r.section, r.indicator, r.categorie, r.waarde, r.eenheid]
                    for r in preview] == lines
        else:
            assert [[r.indicator, r.categorie, r.waarde, r.eenheid] for r in preview] == lines
        assert {r.section for r in preview[:5]} == {"Metadata"}
        assert all(r.definition == DEFINITIONS[r.indicator] for r in preview)
    assert preview_rows(data("bkn"))[5].section == "BKN Monitor"
    assert preview_rows(data("cedris"))[5].section == "Cedris"


def test_period_for() -> None:
    assert period_for(year=2025) == Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert period_for(year=2024, quarter=1) == Period(dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert period_for(year=2024, quarter=4) == Period(dt.date(2024, 10, 1),
                                                      dt.date(2024, 12, 31))
    assert period_for(start=dt.date(2025, 7, 1), end=dt.date(2026, 6, 30)).days == 365
    for kwargs, message in (
        ({"year": 1999}, "Kies een jaar van 2000 tot en met 2100."),
        ({"year": 2025, "quarter": 5}, "Een kwartaal is 1, 2, 3 of 4"),
        ({"quarter": 2}, "Een kwartaal hoort bij een jaar"),
        ({}, "Kies een jaar, een kwartaal of een periode"),
        ({"start": dt.date(2025, 1, 1)}, "zowel de begindatum als de einddatum"),
        ({"year": 2025, "start": dt.date(2025, 1, 1), "end": dt.date(2025, 2, 1)},
         "niet allebei"),
        ({"start": dt.date(2025, 2, 1), "end": dt.date(2025, 1, 1)}, "De periode begint"),
        ({"start": dt.date(1, 1, 1), "end": dt.date(2025, 1, 1)}, "Kies een jaar van 2000"),
        ({"start": dt.date(2025, 1, 1), "end": dt.date(9999, 12, 31)}, "tot en met 2100"),
    ):
        with pytest.raises(ValidationError, match=re.escape(message)):
            period_for(**kwargs)


def test_build_export_of_a_shop(shop_db: Database, beheerder: Actor, begeleider: Actor,
                                invoer: Actor) -> None:
    with shop_db.session() as session:
        bkn = build_export(session, beheerder, "bkn", period_for(year=2025))
        cedris = build_export(session, begeleider, "cedris", period_for(year=2025),
                              factor_set="bkn_tno@1")
        impact = build_export(session, beheerder, "impact", period_for(year=2025, quarter=2))
    assert (bkn.kind, bkn.shop_name, bkn.factor_set) == (
        "bkn", "Kringloop Amersfoort-Leusden", "bkn_tno@1")
    assert len(bkn.bkn) == 105 and bkn.cedris == ()
    assert len(cedris.cedris) == 31 and cedris.bkn == ()
    assert len(impact.bkn) == 105 and len(impact.cedris) == 31
    assert len(preview_rows(impact)) == 5 + 100 + 26
    assert impact.suggested_name == "impact-2025-K2"
    assert bkn.suggested_name == "bkn-2025"
    assert bkn.created_at.tzinfo is not None
    with shop_db.session() as session:
        with pytest.raises(PermissionDeniedError):
            build_export(session, invoer, "bkn", period_for(year=2025))
        with pytest.raises(ValidationError, match="Onbekende export"):
            build_export(session, beheerder, "ords", period_for(year=2025))
        with pytest.raises(ValidationError, match="geen CO2-factorset"):
            build_export(session, beheerder, "bkn", period_for(year=2025), factor_set="tno")
        with pytest.raises(ValidationError):
            build_export(session, beheerder, "bkn", period_for(year=2025),
                         factor_set="bestaat_niet@1")
    with shop_db.session() as session:
        from sqlalchemy import select

        from kringloopdesk.db.models import AuditEntry

        summaries = session.scalars(select(AuditEntry.summary).where(
            AuditEntry.action == "export")).all()
    assert "bkn 2025-01-01..2025-12-31" in summaries
    assert "impact 2025-04-01..2025-06-30" in summaries
