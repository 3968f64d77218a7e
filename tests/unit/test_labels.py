"""Labels: the page sizes are exact, the PDF is sound (qpdf), and what a scanner reads from
the Code128 barcode and the QR code (zbarimg on a 300 dpi rendering) is the item number."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from kringloopdesk.reports.labels import (
    SHEET_LABEL_SIZE,
    LabelData,
    sheet_position,
    write_label_pdf,
    write_label_sheet,
)

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("zbarimg", "pdftoppm", "qpdf")),
    reason="zbarimg, pdftoppm and qpdf are needed",
)
DPI = 300
SHOP = "Kringloop Amersfoort-Leusden"
LABELS = [
    LabelData("A-000123", "Koffiezetapparaat Philips Senseo met melkopschuimer", 1250,
              dt.date(2025, 3, 12)),
    LabelData("A-000124", "Eikenhouten eettafel", 8500),
    # The longest number the service allows: the barcode takes the whole bottom.
    LabelData("WINKEL-2025/ABCDEFGH", "Herenfiets Gazelle", None),
]


def decode(png: Path) -> set[str]:
    """Every symbol zbarimg finds, as "TYPE:value" (exit 4 means none found)."""
    symbols = subprocess.run(["zbarimg", "-q", str(png)], capture_output=True, text=True,
                             check=False)
    assert symbols.returncode in (0, 4), symbols.stderr
    return set(symbols.stdout.split())


def render(pdf: Path, out: Path, page: int, crop: tuple[float, float, float, float] | None
           = None) -> Path:
    """Page ``page`` at 300 dpi, optionally only the box (x, y from the top left, w, h in
    points)."""
    args = ["pdftoppm", "-r", str(DPI), "-png", "-f", str(page), "-l", str(page),
            "-singlefile"]
    if crop is not None:
        x, y, w, h = (round(v / 72 * DPI) for v in crop)
        args += ["-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h)]
    subprocess.run([*args, str(pdf), str(out)], check=True, capture_output=True)
    return out.with_suffix(".png")


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True,
                          text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in
            re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]


def qpdf_ok(pdf: Path) -> None:
    check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors" in check.stdout


def test_one_label_per_62_by_29_mm_page_scans_as_the_item_number(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    pdf = write_label_pdf(out / "etiket.pdf", LABELS, SHOP)
    qpdf_ok(pdf)
    sizes = page_sizes(pdf)
    assert len(sizes) == 3
    for width, height in sizes:
        assert width == pytest.approx(62 * mm, abs=0.01)
        assert height == pytest.approx(29 * mm, abs=0.01)
    for page, label in enumerate(LABELS, start=1):
        png = render(pdf, out / f"page{page}", page)
        assert decode(png) == {f"CODE-128:{label.item_number}",
                               f"QR-Code:{label.item_number}"}
    assert not [p.name for p in out.iterdir() if p.suffix != ".png" and p != pdf]


def test_an_a4_sheet_of_3_by_8_scans_label_by_label(tmp_path: Path) -> None:
    labels = [LabelData(f"A-{n:06d}", f"Artikel {n}", n * 100) for n in range(1, 27)]
    pdf = write_label_sheet(tmp_path / "vel.pdf", labels, SHOP, skip=2)
    qpdf_ok(pdf)
    sizes = page_sizes(pdf)
    assert sizes == [pytest.approx((595.2756, 841.8898), abs=0.01)] * 2  # A4, two sheets
    width, height = SHEET_LABEL_SIZE
    a4_height = sizes[0][1]
    # Positions 0 and 1 stay empty; 2..23 on the first sheet, the last 4 on the second.
    checks = [(1, 0, None), (1, 2, "A-000001"), (1, 13, "A-000012"), (1, 23, "A-000022"),
              (2, 0, "A-000023"), (2, 3, "A-000026"), (2, 4, None)]
    for page, position, expected in checks:
        x, y = sheet_position(position)
        png = render(pdf, tmp_path / f"p{page}-{position}", page,
                     (x, a4_height - y - height, width, height))
        found = decode(png)
        if expected is None:
            assert found == set()
        else:
            assert found == {f"CODE-128:{expected}", f"QR-Code:{expected}"}


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    target = out / "bestaat"
    target.mkdir(parents=True)  # a folder where the file should go: os.replace fails
    with pytest.raises(OSError):
        write_label_pdf(target, LABELS[:1], SHOP)
    assert sorted(p.name for p in out.iterdir()) == ["bestaat"]
    assert list(target.iterdir()) == []
