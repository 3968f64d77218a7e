"""The recovery key on paper: printed once at set-up and kept somewhere safe."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kringloopdesk.i18n import _
from kringloopdesk.reports.fonts import MONO, SANS, SANS_BOLD, SERIF_BOLD, register_fonts

GREEN = HexColor("#1f5f3a")
INK = HexColor("#1d1d1b")
MUTED = HexColor("#5b5b57")


def _wrap(canvas: Canvas, text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if canvas.stringWidth(candidate, font, size) <= width:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def write_recovery_key_pdf(
    path: Path, shop_name: str, recovery_key: str, *, created: dt.date | None = None
) -> Path:
    """An A4 page with the shop, the date, the key and what it is for. Written to a
    temporary name first, so a failed write never leaves half a file."""
    register_fonts()
    created = created or dt.date.today()
    partial = path.with_name(path.name + ".part")
    canvas = Canvas(str(partial), pagesize=A4)
    canvas.setTitle(_("Herstelsleutel KringloopDesk"))
    canvas.setAuthor("KringloopDesk")
    width, height = A4
    left, right = 25 * mm, width - 25 * mm
    y = height - 35 * mm
    canvas.setFillColor(GREEN)
    canvas.setFont(SERIF_BOLD, 24)
    canvas.drawString(left, y, _("Herstelsleutel"))
    y -= 10 * mm
    canvas.setFillColor(INK)
    canvas.setFont(SANS, 12)
    canvas.drawString(left, y, shop_name)
    y -= 6 * mm
    canvas.setFillColor(MUTED)
    canvas.drawString(left, y, _("Gemaakt op {date}", date=created.strftime("%d-%m-%Y")))
    y -= 18 * mm
    canvas.setStrokeColor(GREEN)
    canvas.setLineWidth(1.2)
    canvas.roundRect(left, y - 14 * mm, right - left, 22 * mm, 3 * mm)
    canvas.setFillColor(INK)
    canvas.setFont(MONO, 17)
    canvas.drawCentredString(width / 2, y - 5 * mm, recovery_key)
    y -= 32 * mm
    text = _(
        "Met deze sleutel krijgt een beheerder weer toegang tot de gevoelige gegevens "
        "(ondersteuningsvragen, werkaanpassingen en voortgangsnotities) als alle beheerders "
        "hun wachtwoord kwijt zijn.\n"
        "Bewaar dit papier op een veilige plek, bijvoorbeeld in de kluis, en niet bij de "
        "computer. Wie deze sleutel en een kopie van de database heeft, kan de gevoelige "
        "gegevens lezen.\n"
        "Gebruik: Inloggen, Wachtwoord vergeten, of op de opdrachtregel: "
        "python main.py user recover <gebruikersnaam>."
    )
    canvas.setFont(SANS, 11)
    for line in _wrap(canvas, text, SANS, 11, right - left):
        canvas.drawString(left, y, line)
        y -= 6 * mm
    canvas.setFont(SANS_BOLD, 9)
    canvas.setFillColor(MUTED)
    canvas.drawString(left, 20 * mm, "KringloopDesk")
    canvas.showPage()
    canvas.save()
    os.replace(partial, path)
    return path
