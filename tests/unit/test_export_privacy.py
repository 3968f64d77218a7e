"""No export holds personal data: a shop full of unique markers, every format scanned."""

from __future__ import annotations

import datetime as dt
import subprocess
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from kringloopdesk.db.engine import Database
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.demo import generate_demo
from kringloopdesk.services.exports import KINDS, build_export, period_for, write_export

TODAY = dt.date(2025, 9, 30)
BIRTH = dt.date(1931, 2, 17)
MARKERS = ("QZX", "1931-02-17", "17-02-1931", "17.02.1931", "13572468")
EVIL_NAME = '=HYPERLINK("http://qzx.invalid";"klik")'


@pytest.fixture
def marked_shop(shop_db: Database, beheerder: Actor) -> Database:
    with shop_db.session() as session:
        generate_demo(session, beheerder, scale="small", seed=99, today=TODAY)
        for statement in (
            "UPDATE workers SET first_name = 'VoorQZX' || CAST(id AS VARCHAR(10)), "
            "last_name = 'AchterQZX' || CAST(id AS VARCHAR(10)), "
            "number = 'NQZX' || CAST(id AS VARCHAR(10)), birth_date = :birth, "
            "email = 'mailQZX' || CAST(id AS VARCHAR(10)) || '@voorbeeld.nl', "
            "phone = '06-13572468', referrer = 'VerwijzerQZX', "
            "referrer_contact = 'ContactQZX', street = 'StraatQZX 1', city = 'PlaatsQZX'",
            "UPDATE goods_flows SET note = 'NotitieQZX' || CAST(id AS VARCHAR(10))",
            "UPDATE users SET full_name = 'GebruikerQZX' || CAST(id AS VARCHAR(10))",
            "UPDATE shop_profile SET name = :name",
        ):
            session.execute(text(statement), {"birth": BIRTH, "name": EVIL_NAME})
        assert session.execute(text(
            "SELECT COUNT(*) FROM workers WHERE first_name LIKE 'VoorQZX%'")).scalar_one() > 10
    return shop_db


def readable(path: Path) -> str:
    """Everything a reader of the file could see: the bytes, every part of a zip, the text
    of a PDF."""
    raw = path.read_bytes()
    parts = [raw.decode("utf-8", "replace"), raw.decode("latin-1")]
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            parts += [archive.read(name).decode("utf-8") for name in archive.namelist()]
    if path.suffix == ".pdf":
        parts.append(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                    text=True, check=True).stdout)
    return "\n".join(parts)


def test_no_export_format_contains_a_marker(marked_shop: Database, beheerder: Actor,
                                            tmp_path: Path) -> None:
    pdf_ready = (Path(__file__).parents[2] / "kringloopdesk" / "reports"
                 / "export_pdf.py").exists()
    formats = ("csv", "xlsx", "pdf") if pdf_ready else ("csv", "xlsx")
    written = []
    for period in (period_for(year=2025), period_for(year=2024, quarter=4)):
        with marked_shop.session() as session:
            for kind in KINDS:
                data = build_export(session, beheerder, kind, period)
                for fmt in formats:
                    written.append(write_export(data, fmt, tmp_path / f"{kind}-{period.start}"
                                                f".{fmt}"))
    assert len(written) == 2 * 3 * len(formats)
    for path in written:
        content = readable(path)
        # The only QZX is the one in the shop's own name (its website in the formula).
        leaks = [m for m in MARKERS if content.replace("qzx.invalid", "").count(m)]
        assert leaks == [], path.name
    # The shop's name is there, neutralised: text in the CSV, a string cell in the XLSX.
    csv_text = (tmp_path / "bkn-2025-01-01.csv").read_text("utf-8-sig")
    assert csv_text.splitlines()[1] == 'winkel;;"\'=HYPERLINK(""http://qzx.invalid"";""klik"")";'
    with zipfile.ZipFile(tmp_path / "impact-2025-01-01.xlsx") as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and all(b"<f>" not in s and b"<f " not in s for s in sheets)
    assert any(b"=HYPERLINK" in s and b'inlineStr' in s for s in sheets)
