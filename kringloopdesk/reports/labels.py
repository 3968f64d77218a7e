"""Labels for tagged items: one 62 × 29 mm label, or an A4 sheet of 3 × 8 labels.

Each label carries the shop's name, the item number in text, as a Code128 barcode and as a QR
code (both hold exactly the item number, so a scanner types it and Enter finds the item), the
description, the price and — for an electrical item with a passed test — the day of the test.

- **Label printer** (Brother QL and the like, 62 mm continuous tape cut at 29 mm): the page is
  exactly 62 × 29 mm, one label per page. The bars are 0.254 mm wide, three dots of a 300 dpi
  print head, so they print sharp.
- **A4 sheet**: 3 columns × 8 rows of 70 × 37 mm labels edge to edge, 0.5 mm margin at top and
  bottom (the common 24-per-sheet format, e.g. Avery Zweckform 3474). ``skip`` leaves the first
  positions empty, to use a sheet that was partly used before.

Layout of one label (both sizes, scaled): the QR code on the right at full label height minus
the margins; left of it, from the top: the shop, the number (bold, shrunk to fit), the
description (cut with "…"), the price and test date; the barcode along the bottom left.
A number too long for that (more than about 12 characters) gets the barcode along the whole
bottom and a smaller QR code above it; item numbers are at most 20 characters
(services/items), which keeps the bars at least two printer dots wide. Barcode and QR have
their quiet zones (10 and 4 modules) inside the label.

Files are written to a temporary name in the target folder and moved into place, so a failed
write never leaves half a PDF.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kringloopdesk.i18n import _
from kringloopdesk.reports.fonts import SANS, SANS_BOLD, SANS_MEDIUM, register_fonts

LABEL_SIZE = (62 * mm, 29 * mm)
SHEET_COLUMNS, SHEET_ROWS = 3, 8
SHEET_LABEL_SIZE = (70 * mm, 37 * mm)
SHEET_TOP_MARGIN = (A4[1] - SHEET_ROWS * SHEET_LABEL_SIZE[1]) / 2
LABELS_PER_SHEET = SHEET_COLUMNS * SHEET_ROWS
BAR_WIDTH = 0.254 * mm  # three dots at 300 dpi
MIN_BAR_WIDTH = 0.17 * mm  # two dots at 300 dpi: below this a scanner gives up
QUIET_MODULES = 10
INK = HexColor("#1d1d1b")
MUTED = HexColor("#5b5b57")


@dataclass(frozen=True)
class LabelData:
    item_number: str
    description: str
    price_cents: int | None = None
    # The day of the latest passed safety test (electrical items only).
    tested_on: dt.date | None = None


def format_price(cents: int | None) -> str:
    if cents is None:
        return ""
    euros, rest = divmod(cents, 100)
    return f"€ {euros:,}".replace(",", ".") + f",{rest:02d}"


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with "…" to ``width``."""
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _fitting_size(canvas: Canvas, text: str, font: str, size: float, width: float,
                  minimum: float) -> float:
    while size > minimum and canvas.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _barcode_modules(value: str) -> float:
    """The barcode's width in modules (bars of one unit), quiet zones included."""
    probe = Code128(value, barWidth=BAR_WIDTH, quiet=0, lquiet=0, rquiet=0)
    return probe.width / BAR_WIDTH + 2 * QUIET_MODULES


def _draw_barcode(canvas: Canvas, value: str, x: float, y: float, width: float,
                  height: float) -> None:
    """Code128 at ``BAR_WIDTH`` (narrower for a long number, down to ``MIN_BAR_WIDTH``),
    left-aligned in the box with its quiet zones."""
    bar = max(MIN_BAR_WIDTH, min(BAR_WIDTH, width / _barcode_modules(value)))
    barcode = Code128(value, barWidth=bar, barHeight=height, quiet=1,
                      lquiet=QUIET_MODULES * bar, rquiet=QUIET_MODULES * bar)
    barcode.drawOn(canvas, x, y)


def _draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(value, barLevel="M", barBorder=4)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (right - left), 0, 0,
                                             size / (top - bottom), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def draw_label(canvas: Canvas, label: LabelData, shop_name: str, x: float, y: float,
               width: float, height: float) -> None:
    """One label with its lower left corner at (x, y)."""
    scale = height / LABEL_SIZE[1]
    margin = 2 * mm * scale
    bar_height = 7 * mm * scale
    qr = min(height - 2 * margin, 24 * mm)
    qr_x = x + width - margin - qr
    modules = _barcode_modules(label.item_number)
    if modules * MIN_BAR_WIDTH <= qr_x - x - 0.5 * mm:
        # The barcode fits left of the QR code, which takes the label's full height.
        _draw_qr(canvas, label.item_number, qr_x, y + (height - qr) / 2, qr)
        _draw_barcode(canvas, label.item_number, x + 0.5 * mm, y + margin,
                      qr_x - x - 0.5 * mm, bar_height)
    else:
        # A long number: the barcode along the whole bottom, a smaller QR code above it.
        qr = height - 3 * margin - bar_height
        qr_x = x + width - margin - qr
        _draw_qr(canvas, label.item_number, qr_x, y + height - margin - qr, qr)
        _draw_barcode(canvas, label.item_number, x + 0.5 * mm, y + margin,
                      width - 1 * mm, bar_height)
    left = x + margin
    text_width = qr_x - left - 1 * mm

    top = y + height - margin
    canvas.setFillColor(MUTED)
    shop_size = 6 * scale
    canvas.setFont(SANS_MEDIUM, shop_size)
    line = top - shop_size * 0.8
    canvas.drawString(left, line, _fit(canvas, shop_name, SANS_MEDIUM, shop_size, text_width))

    canvas.setFillColor(INK)
    number_size = _fitting_size(canvas, label.item_number, SANS_BOLD, 12.5 * scale,
                                text_width, 6)
    line -= number_size * 1.05
    canvas.setFont(SANS_BOLD, number_size)
    canvas.drawString(left, line, _fit(canvas, label.item_number, SANS_BOLD, number_size,
                                       text_width))

    description_size = 7 * scale
    line -= description_size * 1.25
    canvas.setFont(SANS, description_size)
    canvas.drawString(left, line, _fit(canvas, label.description, SANS, description_size,
                                       text_width))

    price = format_price(label.price_cents)
    price_size = 10 * scale
    line -= price_size * 1.15
    after = left
    if price:
        canvas.setFont(SANS_BOLD, price_size)
        canvas.drawString(left, line, price)
        after += canvas.stringWidth(price, SANS_BOLD, price_size) + 2 * mm
    if label.tested_on is not None:
        small = 5.5 * scale
        tested = _("Gekeurd {date}", date=label.tested_on.strftime("%d-%m-%Y"))
        if after + canvas.stringWidth(tested, SANS, small) <= left + text_width:
            canvas.setFillColor(MUTED)
            canvas.setFont(SANS, small)
            canvas.drawString(after, line, tested)
            canvas.setFillColor(INK)


def _write(path: Path, draw) -> Path:
    """Draw into a temporary file next to ``path``, then move it into place."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                         dir=path.parent)
    os.close(handle)
    try:
        draw(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def write_label_pdf(path: Path, labels: Sequence[LabelData], shop_name: str) -> Path:
    """One 62 × 29 mm page per label (a label printer prints them one after another)."""
    if not labels:
        raise ValueError("no labels to print")
    register_fonts()

    def draw(target: str) -> None:
        canvas = Canvas(target, pagesize=LABEL_SIZE)
        canvas.setTitle(_("Etiket {number}", number=labels[0].item_number))
        canvas.setAuthor("KringloopDesk")
        for label in labels:
            draw_label(canvas, label, shop_name, 0, 0, *LABEL_SIZE)
            canvas.showPage()
        canvas.save()

    return _write(path, draw)


def sheet_position(index: int) -> tuple[float, float]:
    """The lower left corner of label position ``index`` (0 = top left, row by row)."""
    column, row = index % SHEET_COLUMNS, (index // SHEET_COLUMNS) % SHEET_ROWS
    width, height = SHEET_LABEL_SIZE
    return column * width, A4[1] - SHEET_TOP_MARGIN - (row + 1) * height


def write_label_sheet(path: Path, labels: Sequence[LabelData], shop_name: str, *,
                      skip: int = 0) -> Path:
    """A4 sheets of 3 × 8 labels; the first ``skip`` positions are left empty."""
    if not labels:
        raise ValueError("no labels to print")
    if not 0 <= skip < LABELS_PER_SHEET:
        raise ValueError(f"skip must be 0..{LABELS_PER_SHEET - 1}")
    register_fonts()

    def draw(target: str) -> None:
        canvas = Canvas(target, pagesize=A4)
        canvas.setTitle(_("Etiketten ({n})", n=len(labels)))
        canvas.setAuthor("KringloopDesk")
        for index, label in enumerate(labels, start=skip):
            if index > skip and index % LABELS_PER_SHEET == 0:
                canvas.showPage()
            x, y = sheet_position(index)
            draw_label(canvas, label, shop_name, x, y, *SHEET_LABEL_SIZE)
        canvas.showPage()
        canvas.save()

    return _write(path, draw)
