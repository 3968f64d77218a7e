"""Rendering speed of the participation certificate (issue #6).

Renders a batch of participation certificates into one PDF with ``render_certificates`` (a
dummy signer with a real Ed25519 key) and, in the same run, a plain ReportLab baseline: the
same texts with ``drawString`` and a ``QrCodeWidget`` drawn through ``renderPDF`` per page.
Prints ms per page for both and the ratio; the issue aims for half of the baseline or less.

    python benchmarks/certificate_render.py [--pages 500]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kringloopdesk.reports.certificates import (
    ParticipationContent,
    Party,
    SignatureLine,
    Verification,
    payload,
    render_certificates,
    signed_message,
)
from kringloopdesk.reports.fonts import SANS, SANS_BOLD, SERIF_BOLD, register_fonts

SKILLS = ("Goederen aannemen en sorteren", "Artikelen prijzen en presenteren",
          "Klanten helpen en afrekenen", "Elektrische apparaten testen",
          "Veilig werken met de pallettruck", "Samenwerken in een team")


def contents(count: int) -> list[ParticipationContent]:
    shop = Party("Kringloop Amersfoort")
    partner = Party("Amfors")
    signatures = (SignatureLine("Marieke de Vries", "Coördinator werk & leren",
                                "Kringloop Amersfoort"),
                  SignatureLine("Łukasz Nowak", "Jobcoach", "Amfors"))
    return [ParticipationContent(
        language="nl", orientation="portrait", shop=shop, partner=partner,
        shop_mission="Een kringloopwinkel waar iedereen meedoet.",
        worker_name=f"Deelnemer {index:04d} Çelik", department="Sorteren",
        start_date=dt.date(2025, 3, 1), end_date=dt.date(2026, 2, 28),
        hours=Decimal("812.5") + index, skills=SKILLS, signatures=signatures,
        place="Amersfoort", issue_date=dt.date(2026, 3, 12), accent_color="#2e5e3a",
    ) for index in range(count)]


def signer_for(key: Ed25519PrivateKey, index: int):
    serial, code = f"KAL-2026-{index + 1:04d}", "7KQ2-M9XD"

    def sign(content_hash: str) -> Verification:
        return Verification(serial, code, key.sign(signed_message(serial, code, content_hash)))

    return sign


def baseline(items: list[ParticipationContent], key: Ed25519PrivateKey) -> bytes:
    """The same text with plain canvas calls and the stock QrCodeWidget via renderPDF."""
    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for index, content in enumerate(items):
        sign = signer_for(key, index)
        verification = sign("0" * 64)
        canvas.setFont(SERIF_BOLD, 28)
        canvas.drawCentredString(A4[0] / 2, 720, "Certificaat van deelname")
        canvas.setFont(SERIF_BOLD, 24)
        canvas.drawCentredString(A4[0] / 2, 650, content.worker_name)
        canvas.setFont(SANS, 11)
        canvas.drawCentredString(A4[0] / 2, 620, f"van {content.start_date} tot en met "
                                 f"{content.end_date} bij de afdeling {content.department} "
                                 f"({content.hours} uur)")
        y = 580
        for skill in content.skills:
            canvas.drawString(80, y, skill)
            y -= 16
        for column, line in enumerate(content.signatures):
            canvas.setFont(SANS_BOLD, 10)
            canvas.drawString(80 + column * 220, 200, line.name)
            canvas.setFont(SANS, 9)
            canvas.drawString(80 + column * 220, 188, line.function or "")
            canvas.drawString(80 + column * 220, 176, line.organisation)
        text = payload(verification.serial, verification.code, "0" * 64,
                       verification.signature)
        widget = QrCodeWidget(text, barLevel="M", barBorder=4)
        left, bottom, right, top = widget.getBounds()
        size = 30 * mm
        drawing = Drawing(size, size, transform=[size / (right - left), 0, 0,
                                                 size / (top - bottom), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, canvas, A4[0] - 60 * mm, 30 * mm)
        canvas.drawString(80, 60, f"{verification.serial}  {verification.code}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    args = parser.parse_args()
    key = Ed25519PrivateKey.generate()
    items = contents(args.pages)
    register_fonts()
    render_certificates([(items[0], signer_for(key, 0))], io.BytesIO())  # warm caches

    started = time.perf_counter()
    plain = baseline(items, key)
    baseline_ms = (time.perf_counter() - started) * 1000 / args.pages

    out = io.BytesIO()
    started = time.perf_counter()
    pages = render_certificates(((content, signer_for(key, index))
                                 for index, content in enumerate(items)), out)
    ours_ms = (time.perf_counter() - started) * 1000 / pages

    print(f"pages: {pages}")
    print(f"baseline (plain canvas + QrCodeWidget/renderPDF): {baseline_ms:.2f} ms/page, "
          f"{len(plain) / 1024:.0f} KiB")
    print(f"render_certificates: {ours_ms:.2f} ms/page, {len(out.getvalue()) / 1024:.0f} KiB")
    print(f"ratio (ours / baseline): {ours_ms / baseline_ms:.2f}  (target <= 0.50)")


if __name__ == "__main__":
    main()
