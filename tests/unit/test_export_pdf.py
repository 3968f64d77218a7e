"""The PDF exports (reports/export_pdf.py): the BKN and Cedris figure reports and the impact
report, from a generated demo shop and from an empty one."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import ShopProfile, Worker
from kringloopdesk.reports.export_pdf import (
    NO_DATA,
    categorie_label,
    dutch_number,
    figure_text,
    write_pdf,
)
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.demo import generate_demo
from kringloopdesk.services.exports import ExportData
from kringloopdesk.services.figures import (
    TOTAL,
    Figure,
    Period,
    bkn_figures,
    cedris_figures,
    format_value,
)

TODAY = dt.date(2026, 6, 30)
PERIOD = Period.year(2025)
SHOP_NAME = "Kringloop Amersfoort-Leusden — Anaïs & Łukasz’ Hergebruikcentrum"
CREATED = dt.datetime(2026, 1, 15, 10, 30, tzinfo=dt.UTC)

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("qpdf")),
    reason="poppler-utils and qpdf are needed to read the PDFs",
)


def _logo() -> bytes:
    image = Image.new("RGBA", (480, 200), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 190, 190), fill=(31, 95, 58, 255))
    draw.rectangle((220, 70, 470, 130), fill=(183, 134, 44, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _export(db: Database, kind: str, logo: bytes | None = None) -> ExportData:
    with db.session() as session:
        bkn = bkn_figures(session, PERIOD, shop_name=SHOP_NAME, app_version="9.9.9") \
            if kind in ("bkn", "impact") else []
        cedris = cedris_figures(session, PERIOD, shop_name=SHOP_NAME, app_version="9.9.9") \
            if kind in ("cedris", "impact") else []
    factor_set = next(f.waarde for f in (bkn or cedris) if f.indicator == "co2_factorset")
    return ExportData(kind=kind, period=PERIOD, shop_name=SHOP_NAME, factor_set=str(factor_set),
                      app_version="9.9.9", bkn=tuple(bkn), cedris=tuple(cedris),
                      shop_logo=logo, created_at=CREATED)


def _text(path: Path) -> str:
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                            capture_output=True, text=True)
    # Collapse whitespace: a value and its unit may be laid out on separate lines.
    return re.sub(r"\s+", " ", result.stdout)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the PDFs (tmp_path also holds the test database)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _qpdf_check(path: Path) -> None:
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def demo_shop(shop_db: Database, beheerder: Actor) -> Database:
    with shop_db.session() as session:
        generate_demo(session, beheerder, scale="small", seed=4242, today=TODAY)
    return shop_db


@pytest.fixture
def worker_names(demo_shop: Database) -> Iterator[list[str]]:
    with demo_shop.session() as session:
        names = [(first, last) for first, last in
                 session.execute(select(Worker.first_name, Worker.last_name))]
    assert len(names) > 20
    yield [f"{first} {last}" for first, last in names] + [last for _f, last in names
                                                         if len(last) > 5]


# ---------------------------------------------------------------------------------------------
# Formatting helpers


def test_dutch_number_groups_thousands_and_keeps_the_decimals() -> None:
    assert dutch_number("0,0") == "0,0"
    assert dutch_number("999,999") == "999,999"
    assert dutch_number("1000,000") == "1.000,000"
    assert dutch_number("1234567,89") == "1.234.567,89"
    assert dutch_number("-12345,6") == "-12.345,6"
    assert dutch_number("42") == "42"
    assert dutch_number("bkn_tno@1") == "bkn_tno@1"
    figure = Figure("ingezameld_kg", TOTAL, __import__("decimal").Decimal("12345.6785"), "kg")
    assert format_value(figure) == "12345,679"
    assert figure_text(figure) == "12.345,679"


def test_categorie_labels_are_dutch() -> None:
    assert categorie_label("ingezameld_kg", "klein_elektrisch") == \
        "Kleine huishoudelijke apparaten"
    assert categorie_label("afgevoerd_kg", "hergebruik_online/meubels") == \
        "Hergebruik (online) · Meubels"
    assert categorie_label("medewerkers", "arbeidsuitdaging") == \
        "Mensen met een arbeidsuitdaging"
    assert categorie_label("uren", "beschut_werk") == "Beschut werk"
    assert categorie_label("plaatsingen_beeindigd", "betaald_werk") == "Betaald werk"
    assert categorie_label("certificaten_uitgegeven", "deelname") == \
        "Certificaat van deelname"
    assert categorie_label("ingezameld_kg", TOTAL) == "Totaal"
    assert categorie_label("ingezameld_kg", "antiek_en_kunst") == "Antiek en kunst"


# ---------------------------------------------------------------------------------------------
# The three reports from a demo shop


def _sample(figures: tuple[Figure, ...], indicators: tuple[str, ...]) -> list[Figure]:
    picked = [f for f in figures if f.indicator in indicators]
    assert picked
    return picked


@needs_poppler
@pytest.mark.parametrize("kind", ["bkn", "cedris", "impact"])
def test_report_holds_the_figures_as_written(
    demo_shop: Database, worker_names: list[str], out: Path, kind: str
) -> None:
    data = _export(demo_shop, kind, _logo() if kind == "impact" else None)
    path = write_pdf(data, out / f"{kind}.pdf")
    assert path == out / f"{kind}.pdf"
    assert path.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in out.iterdir()] == [f"{kind}.pdf"]  # no temp file left
    _qpdf_check(path)
    text = _text(path)

    assert SHOP_NAME in text
    assert "9.9.9" in text
    if kind != "cedris":
        assert data.factor_set in text
    checked = 0
    if data.bkn:
        for figure in _sample(data.bkn, ("ingezameld_kg", "afgevoerd_kg", "hergebruik_pct",
                                         "co2_vermeden_kg", "medewerkers", "uren",
                                         "elektra_getest", "elektra_goedgekeurd")):
            expected = dutch_number(format_value(figure))
            assert re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d+)?", expected), expected
            assert expected in text, (figure, expected)
            checked += 1
        total = next(f for f in data.bkn if (f.indicator, f.categorie) ==
                     ("ingezameld_kg", TOTAL))
        assert total.waarde > 1000  # the thousands separator is really exercised
        assert dutch_number(format_value(total)) in text
    if data.cedris:
        for figure in _sample(data.cedris, ("medewerkers", "uren", "plaatsingen_gestart",
                                            "plaatsingen_beeindigd",
                                            "uitstroom_betaald_werk_pct",
                                            "certificaten_uitgegeven")):
            assert figure_text(figure) in text, figure
            checked += 1
    assert checked > 20
    for label in ("Kleine huishoudelijke apparaten", "Mensen met een arbeidsuitdaging"):
        if data.bkn:
            assert label in text
    if data.cedris:
        assert "Beëindigde plaatsingen" in text
        assert "Beschut werk" in text
    # Aggregates only: no worker's name anywhere.
    leaked = [name for name in worker_names if name in text]
    assert leaked == []


@needs_poppler
def test_impact_report_has_cover_charts_and_methodology(demo_shop: Database,
                                                        out: Path) -> None:
    data = _export(demo_shop, "impact", _logo())
    path = write_pdf(data, out / "impact.pdf")
    text = _text(path)
    for part in ("IMPACTRAPPORT", "Kalenderjaar 2025",
                 "Iedereen doet mee, alles krijgt een tweede kans.", "Kerncijfers",
                 "Ingezameld per productgroep (kg)", "Bestemming van de afgevoerde goederen",
                 "Medewerkers per BKN-groep", "Medewerkers per Cedris-regeling",
                 "naar uitstroomreden", "Alle cijfers: BKN Monitor", "Alle cijfers: Cedris",
                 "Verantwoording en methode", "Afronding", "half naar boven"):
        assert part in text.replace("I M P A C T R A P P O R T", "IMPACTRAPPORT"), part
    assert "factorset bkn_tno@" in text
    # Every definition is in the methodology (pdftotext may break a line anywhere).
    flat = text.replace(" ", "")
    from kringloopdesk.services.figures import DEFINITIONS, INDICATORS
    for indicator in INDICATORS:
        assert DEFINITIONS[indicator].replace(" ", "").replace("CO2", "CO2") in flat, indicator
    assert NO_DATA not in text  # the demo shop has data for every chart
    pages = subprocess.run(["qpdf", "--show-npages", str(path)], capture_output=True,
                           text=True, check=True).stdout
    assert int(pages) >= 5
    # The logo is embedded as an image.
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True,
                            text=True).stdout if shutil.which("pdfimages") else "480 200"
    assert "480" in images and "200" in images


@needs_poppler
def test_fonts_are_embedded(demo_shop: Database, out: Path) -> None:
    path = write_pdf(_export(demo_shop, "impact"), out / "impact.pdf")
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts is not installed")
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts
    for line in fonts:
        match = re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
        assert match is not None and match.group(1) == "yes", line


@needs_poppler
@pytest.mark.parametrize("kind", ["bkn", "cedris", "impact"])
def test_an_empty_shop_still_renders(shop_db: Database, out: Path, kind: str) -> None:
    with shop_db.session() as session:
        shop = session.get(ShopProfile, 1)
        assert shop is not None
    data = _export(shop_db, kind)
    path = write_pdf(data, out / f"{kind}.pdf")
    _qpdf_check(path)
    text = _text(path)
    assert SHOP_NAME in text
    assert "0,000" in text if kind != "cedris" else "0,0" in text
    if kind == "impact":
        # Every chart without data: product groups, bestemmingen, people and hours per BKN
        # group, people per Cedris regeling and uitstroom reasons.
        assert text.count(NO_DATA) == 6


def test_writing_replaces_an_existing_file_and_leaves_no_temp(shop_db: Database,
                                                             out: Path) -> None:
    target = out / "bkn.pdf"
    target.write_bytes(b"old")
    write_pdf(_export(shop_db, "bkn"), target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in out.iterdir()) == ["bkn.pdf"]


def test_a_failed_write_leaves_the_old_file(shop_db: Database, out: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from kringloopdesk.reports import export_pdf

    target = out / "bkn.pdf"
    target.write_bytes(b"old")

    def broken(*args: object, **kwargs: object) -> list[object]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(export_pdf, "_body_page", broken)  # fails while building
    with pytest.raises(RuntimeError):
        write_pdf(_export(shop_db, "bkn"), target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in out.iterdir()) == ["bkn.pdf"]
