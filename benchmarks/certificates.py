"""How fast a batch of participation certificates is, against a plain ReportLab page.

    python benchmarks/certificates.py              # 500 certificates, a fresh SQLite shop
    python benchmarks/certificates.py --count 100

A real shop in a temporary folder (SQLite file, keys made at set-up), 500 ended placements with
20 hours entries and 3 werkprocessen each and a partner with a contact person on every second
one. Then, in the same run:

- *ours, one PDF*: ``issue_batch(..., one_pdf=True)`` end to end: reading the placements,
  taking serials and codes, signing (Ed25519), drawing every page with its QR code, writing the
  file, the registry rows and the audit entries, and the commit;
- *ours, one file each*: the same through ``one_pdf=False`` (500 files);
- *baseline*: a plain ReportLab canvas, one page per certificate with the same text lines and a
  ``reportlab.graphics.barcode.qr.QrCodeWidget`` holding a payload of the same length, 500 pages
  in one PDF — nothing read from a database, nothing signed.

Prints ms per certificate and the ratio ours ÷ baseline (the aim: 0.5 or less). Single runs;
expect some noise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from kringloopdesk.db.engine import resolve_url
from kringloopdesk.db.migrate import open_database
from kringloopdesk.db.models import (
    Department,
    Doelgroep,
    HourEntry,
    Partner,
    Placement,
    PlacementSkill,
    Worker,
)
from kringloopdesk.services import certificates
from kringloopdesk.services.auth import attempt_login
from kringloopdesk.services.setup import ShopInfo, initialise_shop

PASSWORD = "benchmark-123"
SKILLS = ("Kassa bedienen", "Goederen prijzen", "Klanten helpen")


def make_shop(folder: Path, count: int):
    db = open_database(resolve_url(str(folder / "bench.sqlite")))
    with db.session() as session:
        initialise_shop(session, ShopInfo(name="Kringloop Amersfoort-Leusden",
                                          certificate_prefix="KAL", city="Amersfoort",
                                          mission="Tweede leven voor spullen, kansen voor "
                                                  "mensen."),
                        username="beheer", full_name="Bea Beheer", password=PASSWORD)
    with db.session() as session:
        actor = attempt_login(session, "beheer", PASSWORD).actor_or_raise()
    with db.session() as session:
        doelgroep = session.scalar(select(Doelgroep.id).where(Doelgroep.code == "leerwerk"))
        department = session.scalar(select(Department.id).where(Department.code == "winkel"))
        partner = Partner(name="Amfors", kind="sw_bedrijf", contact_name="Piet de Partner")
        session.add(partner)
        session.flush()
        ids = []
        for i in range(count):
            start = dt.date(2025, 1, 6) + dt.timedelta(days=i % 60)
            worker = Worker(number=f"D-{i:04d}", first_name=f"Deelnemer{i}",
                            last_name="van der Berg", doelgroep_id=doelgroep, start_date=start)
            session.add(worker)
            session.flush()
            placement = Placement(worker_id=worker.id, department_id=department,
                                  start_date=start, end_date=start + dt.timedelta(days=150),
                                  outcome="betaald_werk", status="afgerond",
                                  hours_per_week=Decimal(16),
                                  partner_id=partner.id if i % 2 else None)
            session.add(placement)
            session.flush()
            ids.append(placement.id)
            session.add_all(HourEntry(placement_id=placement.id,
                                      entry_date=start + dt.timedelta(days=d),
                                      hours=Decimal("3.75")) for d in range(20))
            session.add_all(PlacementSkill(placement_id=placement.id, name=name, sort_order=n)
                            for n, name in enumerate(SKILLS))
    return db, actor, ids


def baseline(count: int, out: Path, short: bool = False) -> float:
    """A plain ReportLab page per certificate: the same text and a QrCodeWidget holding a
    payload as long as ours (``short``: the serial and code only, 24 characters)."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    started = time.perf_counter()
    canvas = Canvas(str(out), pagesize=A4)
    width, height = A4
    for i in range(count):
        lines = [
            "Kringloop Amersfoort-Leusden", "Tweede leven voor spullen, kansen voor mensen.",
            "Certificaat van deelname", f"Deelnemer{i} van der Berg",
            "heeft gewerkt bij de afdeling Winkel", "van 6 januari 2025 tot en met 5 juni 2025",
            "75,00 uur", *SKILLS, "Amfors", "Amersfoort, 1 december 2026",
            "Bea Beheer — Beheerder", "Piet de Partner — Contactpersoon",
            f"KAL-2026-{i + 1:04d}", "Controlecode 7KQ2-M9XD",
        ]
        y = height - 80
        for n, line in enumerate(lines):
            canvas.setFont("Helvetica-Bold" if n in (0, 2, 3) else "Helvetica",
                           22 if n in (2, 3) else 11)
            canvas.drawCentredString(width / 2, y, line)
            y -= 30
        payload = (f"KAL-2026-{i + 1:04d}|7KQ2-M9XD" if short
                   else f"KLDC1|KAL-2026-{i + 1:04d}|7KQ2-M9XD|{'a' * 64}|{'B' * 86}")
        widget = QrCodeWidget(payload)
        x0, y0, x1, y1 = widget.getBounds()
        size = 90
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0,
                                                 0])
        drawing.add(widget)
        renderPDF.draw(drawing, canvas, width - 130, 40)
        canvas.showPage()
    canvas.save()
    return time.perf_counter() - started


def ours(db, actor, ids, target: Path, one_pdf: bool) -> tuple[float, int]:
    started = time.perf_counter()
    with db.session() as session:
        result = certificates.issue_batch(session, actor, ids, one_pdf=one_pdf, target=target)
    seconds = time.perf_counter() - started
    return seconds, len(result.issued)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db, actor, ids = make_shop(folder, args.count)
        try:
            # Warm up fonts, images and imports once, for both sides.
            baseline(2, folder / "warm.pdf")
            with db.session() as session:
                certificates.preview_participation(session, actor, ids[0])
            base = baseline(args.count, folder / "baseline.pdf")
            short = baseline(args.count, folder / "short.pdf", short=True)
            one, n_one = ours(db, actor, ids, folder / "batch.pdf", True)
            (folder / "each").mkdir()
            each, n_each = ours(db, actor, ids, folder / "each", False)
            with db.read_session() as session:
                pdf = (folder / "batch.pdf").read_bytes()
                verdicts = {r.status for r in certificates.verify_pdf(session, pdf)}
        finally:
            db.dispose()
        assert n_one == n_each == args.count and verdicts == {"genuine"}, verdicts
        sizes = {
            "baseline": (folder / "baseline.pdf").stat().st_size,
            "one": (folder / "batch.pdf").stat().st_size,
            "each": sum(p.stat().st_size for p in (folder / "each").iterdir()),
        }
    per = lambda s: s * 1000 / args.count  # noqa: E731
    print(f"{args.count} participation certificates (SQLite, end to end)")
    print(f"  baseline ReportLab + QrCodeWidget : {per(base):7.2f} ms/page      "
          f"{sizes['baseline'] / 1e6:6.2f} MB")
    print(f"  baseline, short QR (serial|code)  : {per(short):7.2f} ms/page")
    print(f"  issue_batch, one PDF              : {per(one):7.2f} ms/certificate "
          f"{sizes['one'] / 1e6:6.2f} MB   ratio {one / base:.2f} "
          f"(vs short QR {one / short:.2f})")
    print(f"  issue_batch, one file each        : {per(each):7.2f} ms/certificate "
          f"{sizes['each'] / 1e6:6.2f} MB   ratio {each / base:.2f}")
    print("  every page of the one-PDF batch verifies as genuine")


if __name__ == "__main__":
    main()
