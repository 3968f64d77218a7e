"""The certificate PDFs (reports/certificates.py): both templates in both languages and
orientations, embedded fonts and accents, the QR code, the content hash round trip, tampering,
drafts, batches and long names."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
import subprocess
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image, ImageDraw
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4, landscape

from kringloopdesk.reports import certificates as C

LONG_NAME = "Anaïs Çelik-van den Heuvel-Łukaszewska"
LONG_ORG = "Stichting Sociaal Ontwikkelbedrijf Regio Amersfoort en Omstreken"
SKILLS = ("Goederen aannemen en sorteren", "Artikelen prijzen en presenteren",
          "Klanten helpen en afrekenen", "Elektrische apparaten testen (NEN 3140)",
          "Veilig werken met de pallettruck", "Magazijn bijhouden", "Samenwerken in een team",
          "Op tijd komen en afspraken nakomen", "Fietsen repareren",
          "Textiel sorteren op kwaliteit", "Kassa openen en sluiten", "Etalage inrichten")
KEY = Ed25519PrivateKey.generate()

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils not installed")


def _logo(kind: str) -> bytes:
    if kind == "shop":  # a wide word mark with transparency, PNG
        image = Image.new("RGBA", (600, 240), (0, 0, 0, 0))
        draw = ImageDraw.Draw(image)
        draw.ellipse((10, 20, 210, 220), fill=(46, 94, 58, 255))
        draw.ellipse((70, 80, 150, 160), fill=(255, 255, 255, 255))
        draw.rectangle((240, 80, 590, 120), fill=(46, 94, 58, 255))
        draw.rectangle((240, 140, 520, 170), fill=(183, 134, 44, 255))
        fmt = "PNG"
    else:  # a square emblem, JPEG
        image = Image.new("RGB", (300, 300), (255, 255, 255))
        draw = ImageDraw.Draw(image)
        draw.polygon([(150, 20), (280, 150), (150, 280), (20, 150)], fill=(40, 70, 140))
        draw.ellipse((110, 110, 190, 190), fill=(240, 200, 60))
        fmt = "JPEG"
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


SIGNATURES = (
    C.SignatureLine("Marieke de Vries", "Coördinator werk & leren", "Kringloop Amersfoort"),
    C.SignatureLine("Łukasz Nowak", "Jobcoach", LONG_ORG),
)


def participation(language: str = "nl", orientation: str = "portrait", *, logos: bool = True,
                  name: str = LONG_NAME, skills: tuple[str, ...] = SKILLS[:6],
                  partner: str | None = "Amfors") -> C.ParticipationContent:
    return C.ParticipationContent(
        language=language, orientation=orientation,
        shop=C.Party("Kringloop Amersfoort", _logo("shop") if logos else None),
        partner=C.Party(partner, _logo("partner") if logos else None) if partner else None,
        shop_mission="Een kringloopwinkel waar mensen met en zonder afstand tot werk samen "
                     "spullen een tweede leven geven.",
        worker_name=name, department="Sorteren en winkel",
        start_date=dt.date(2025, 3, 1), end_date=dt.date(2026, 2, 28),
        hours=Decimal("812.5"), skills=skills, signatures=SIGNATURES, place="Amersfoort",
        issue_date=dt.date(2026, 3, 12), accent_color="#2e5e3a")


def partnership(language: str = "nl", orientation: str = "landscape", *, logos: bool = True,
                partner: str = "Amfors", scope_repeat: int = 1) -> C.PartnershipContent:
    return C.PartnershipContent(
        language=language, orientation=orientation,
        shop=C.Party("Kringloop Amersfoort", _logo("shop") if logos else None),
        partner=C.Party(partner, _logo("partner") if logos else None),
        agreement_title="Samen werken aan werk: leerwerkplekken in de kringloop",
        scope=" ".join(["Amfors en Kringloop Amersfoort bieden samen leerwerkplekken aan "
                        "voor mensen met een afstand tot de arbeidsmarkt."] * scope_repeat),
        signed_date=dt.date(2026, 1, 15), valid_from=dt.date(2026, 2, 1),
        valid_to=dt.date(2028, 1, 31), signatures=SIGNATURES, place="Amersfoort",
        issue_date=dt.date(2026, 3, 12), accent_color="#2e5e3a")


def signer(serial: str = "KAL-2026-0007", code: str = "7KQ2-M9XD"):
    seen: list[str] = []

    def sign(content_hash: str) -> C.Verification:
        seen.append(content_hash)
        return C.Verification(serial, code, KEY.sign(C.signed_message(serial, code,
                                                                       content_hash)))

    sign.seen = seen  # type: ignore[attr-defined]
    return sign


def _run(*args: str, data: bytes | None = None) -> str:
    return subprocess.run(args, input=data, capture_output=True, check=True).stdout.decode()


def _text(pdf: bytes, tmp_path: Path, *extra: str) -> str:
    path = tmp_path / "c.pdf"
    path.write_bytes(pdf)
    return _run("pdftotext", *extra, str(path), "-")


def _page_stream(pdf: bytes) -> tuple[bytes, bytes]:
    """(the whole compressed stream object text, its decompressed content) of the page
    stream with the verification block."""
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            data = zlib.decompress(match.group(1))
        except zlib.error:
            continue
        if C.BEGIN_MARK.encode() in data:
            return match.group(1), data
    raise AssertionError("no page stream with a verification block")


# --- both templates × both languages × both orientations ---------------------------------

CASES = [(kind, language, orientation) for kind in ("participation", "partnership")
         for language in ("nl", "en") for orientation in ("portrait", "landscape")]


@pytest.mark.parametrize(("kind", "language", "orientation"), CASES)
def test_every_variant_renders_a_valid_verifiable_page(kind, language, orientation,
                                                       tmp_path) -> None:
    content = (participation if kind == "participation" else partnership)(language,
                                                                         orientation)
    sign = signer()
    pdf = C.render_certificate(content, sign)
    assert pdf.startswith(b"%PDF")
    size = A4 if orientation == "portrait" else landscape(A4)
    assert re.search(rb"/MediaBox \[\s*0 0 %d(\.\d+)? %d" % (int(size[0]), int(size[1])), pdf)
    [evidence] = C.read_certificate_pages(pdf)
    assert evidence.page == 1
    assert (evidence.serial, evidence.code) == ("KAL-2026-0007", "7KQ2-M9XD")
    assert evidence.claimed_hash == evidence.actual_hash == sign.seen[0]
    KEY.public_key().verify(evidence.signature, C.signed_message(
        evidence.serial, evidence.code, evidence.claimed_hash))
    if shutil.which("qpdf"):
        (tmp_path / "c.pdf").write_bytes(pdf)
        subprocess.run(["qpdf", "--check", str(tmp_path / "c.pdf")], check=True,
                       capture_output=True)
    if shutil.which("pdftotext"):
        text = " ".join(_text(pdf, tmp_path).split())
        title = {"nl": {"participation": "Certificaat van deelname",
                        "partnership": "Samenwerkingscertificaat"},
                 "en": {"participation": "Certificate of participation",
                        "partnership": "Certificate of partnership"}}[language][kind]
        assert title in text
        assert "KAL-2026-0007" in text and "7KQ2-M9XD" in text
        assert ("Controleer dit certificaat" if language == "nl"
                else "Verify this certificate") in text
        assert "Łukasz Nowak" in text
        if kind == "participation":
            assert "Anaïs Çelik-van den Heuvel-" in text and "Łukaszewska" in text
            assert ("maart 2025" if language == "nl" else "March 2025") in text
            assert ("812,5" if language == "nl" else "812.5") in text


@needs_poppler
def test_fonts_are_embedded_and_accents_extract_exactly(tmp_path) -> None:
    content = participation(name="Łukasz Ĳsselmeer-Çelik", orientation="landscape")
    pdf = C.render_certificate(content, signer())
    (tmp_path / "c.pdf").write_bytes(pdf)
    fonts = _run("pdffonts", str(tmp_path / "c.pdf"))
    rows = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(" yes " in row for row in rows), fonts  # every font embedded
    text = _text(pdf, tmp_path)
    assert "Łukasz Ĳsselmeer-Çelik" in text
    pdf = C.render_certificate(participation(), signer())
    assert "Anaïs Çelik-van den Heuvel-Łukaszewska" in " ".join(
        _text(pdf, tmp_path).split()).replace("- ", "-").replace("Heuvel-Ł", "Heuvel-Ł")


@pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
                    reason="zbar-tools / poppler-utils not installed")
@pytest.mark.parametrize("kind", ["participation", "partnership"])
def test_the_qr_code_decodes_at_300_dpi_to_the_payload(kind, tmp_path) -> None:
    content = participation() if kind == "participation" else partnership()
    sign = signer()
    pdf = C.render_certificate(content, sign)
    (tmp_path / "c.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(tmp_path / "c.pdf"),
                    str(tmp_path / "page")], check=True)
    decoded = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "page.png")],
                             capture_output=True, check=True).stdout.decode().strip()
    [evidence] = C.read_certificate_pages(pdf)
    assert decoded == C.payload("KAL-2026-0007", "7KQ2-M9XD", sign.seen[0],
                                evidence.signature)
    assert C.parse_payload(decoded) == ("KAL-2026-0007", "7KQ2-M9XD", sign.seen[0],
                                        evidence.signature)


def test_the_qr_symbol_is_at_least_25_mm_with_a_free_quiet_zone() -> None:
    text = C.payload("KAL-2026-0007", "7KQ2-M9XD", "a" * 64, bytes(64))
    modules = C.qr_matrix(text)
    assert C.QR_SIZE >= 25 * 72 / 25.4
    assert len(modules) == len(modules[0]) >= 21
    # The module stays printable at 300 dpi (at least 4 dots).
    assert C.QR_SIZE / len(modules) / 72 * 300 >= 4


def test_fast_reed_solomon_equals_reportlab() -> None:
    for text in ("KLDC1|x", C.payload("KAL-2026-0001", "23456789", "f" * 64, b"\x01" * 64),
                 "é" * 120, "A" * 300):
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(qrencoder.QR8bitByte(text))
        code.version = code.calculate_version()
        assert C._codewords(code) == qrencoder.QRCode.createData(
            code.version, code.errorCorrectLevel, code.dataList)


# --- the content hash ----------------------------------------------------------------------

def test_the_hash_covers_exactly_the_stream_before_the_block() -> None:
    """Pins the ReportLab internals _stream_so_far relies on (_code, _preamble, the "\\n" join
    and UTF-8): the signed hash equals the hash of the decompressed stream up to the
    ``% KLDC-BEGIN`` line, and the block holds the payload line and ends with KLDC-END."""
    sign = signer()
    pdf = C.render_certificate(participation(), sign)
    _raw, data = _page_stream(pdf)
    begin = data.index(b"\n% KLDC-BEGIN\n")
    assert hashlib.sha256(data[:begin + 1]).hexdigest() == sign.seen[0]
    block = data[begin + 1:]
    lines = block.split(b"\n")
    assert lines[0] == b"% KLDC-BEGIN"
    assert lines[1].startswith(b"% KLDC KLDC1|KAL-2026-0007|7KQ2-M9XD|" + sign.seen[0].encode())
    assert b"% KLDC-END" in block
    assert data.rstrip().endswith(b"% KLDC-END")  # nothing drawn after the block


def test_changing_a_byte_of_the_page_shows_as_a_different_hash() -> None:
    pdf = C.render_certificate(participation(), signer())
    raw, data = _page_stream(pdf)
    begin = data.index(b"% KLDC-BEGIN")
    # Move a line of text a little (one digit of a text matrix) and recompress.
    number = re.search(rb" (\d)(\d*\.?\d*) Tm", data[:begin])
    assert number is not None
    digit = b"1" if number.group(1) != b"1" else b"2"
    changed = data[:number.start(1)] + digit + data[number.end(1):]
    tampered = pdf.replace(raw, zlib.compress(changed) + b"\n")
    assert tampered != pdf
    [evidence] = C.read_certificate_pages(tampered)
    assert evidence.claimed_hash != evidence.actual_hash
    [original] = C.read_certificate_pages(pdf)
    assert original.claimed_hash == original.actual_hash


def test_a_block_copied_onto_other_content_does_not_match() -> None:
    """Splicing a genuine block (payload, QR) into another page's stream: the page's hash
    is not the one the block claims."""
    genuine = C.render_certificate(participation(name="Sanne Bakker"), signer())
    other = C.render_certificate(participation(name="Someone Else"), signer())
    _raw_genuine, data_genuine = _page_stream(genuine)
    raw_other, data_other = _page_stream(other)
    block = data_genuine[data_genuine.index(b"% KLDC-BEGIN"):]
    forged_stream = data_other[:data_other.index(b"% KLDC-BEGIN")] + block
    forged = other.replace(raw_other, zlib.compress(forged_stream) + b"\n")
    [evidence] = C.read_certificate_pages(forged)
    [real] = C.read_certificate_pages(genuine)
    assert evidence.claimed_hash == real.claimed_hash
    assert evidence.actual_hash != evidence.claimed_hash


def test_a_signer_that_signs_another_hash_gives_an_invalid_signature() -> None:
    first = signer()
    C.render_certificate(participation(name="Sanne Bakker"), first)
    stolen = C.Verification("KAL-2026-0007", "7KQ2-M9XD", KEY.sign(C.signed_message(
        "KAL-2026-0007", "7KQ2-M9XD", first.seen[0])))
    forged = C.render_certificate(participation(name="Someone Else"), lambda _hash: stolen)
    [evidence] = C.read_certificate_pages(forged)
    assert evidence.actual_hash == evidence.claimed_hash != first.seen[0]
    with pytest.raises(InvalidSignature):
        KEY.public_key().verify(evidence.signature, C.signed_message(
            evidence.serial, evidence.code, evidence.claimed_hash))


def test_a_draft_has_no_block_and_says_concept(tmp_path) -> None:
    pdf = C.render_certificate(participation(), None)
    assert C.read_certificate_pages(pdf) == []
    assert b"KLDC" not in b"".join(
        zlib.decompress(m.group(1)) for m in re.finditer(rb"stream\r?\n(.*?)endstream", pdf,
                                                         re.S)
        if m.group(1)[:1] == b"x")
    if shutil.which("pdftotext"):
        text = " ".join(_text(pdf, tmp_path).split())
        # The diagonal word itself is rotated (pdftotext splits it); the note is plain.
        assert "Concept — pas geldig na uitgifte" in text and "KAL-" not in text
        assert "Draft — valid only once issued" in " ".join(
            _text(C.render_certificate(partnership("en"), None), tmp_path).split())
    assert b"/ca .13" in pdf  # the light diagonal "CONCEPT"
    assert b"/ca .13" not in C.render_certificate(participation(), signer())


def test_not_our_pdf_gives_no_evidence() -> None:
    assert C.read_certificate_pages(b"") == []
    assert C.read_certificate_pages(b"%PDF-1.4 garbage") == []
    assert C.read_certificate_pages(b"hello") == []


def test_payload_round_trip() -> None:
    signature = bytes(range(64))
    text = C.payload("KAL-2026-0007", "7KQ2-M9XD", "0" * 64, signature)
    assert text.startswith("KLDC1|KAL-2026-0007|7KQ2-M9XD|" + "0" * 64 + "|")
    assert "=" not in text
    assert C.parse_payload(text) == ("KAL-2026-0007", "7KQ2-M9XD", "0" * 64, signature)
    assert C.signed_message("A", "B", "c") == b"KLDC1|A|B|c"
    assert C.parse_payload("KLDC2|a|b|c|d") is None


# --- many pages ------------------------------------------------------------------------

def test_a_batch_gives_one_evidence_per_page_with_logos_embedded_once(tmp_path) -> None:
    signers = [signer(f"KAL-2026-{i:04d}", f"ABCD-EF{i:02d}") for i in range(1, 6)]
    items = [(participation(name=f"Deelnemer {i}"), s) for i, s in enumerate(signers, 1)]
    items.append((partnership(), signer("KAL-2026-0099", "ZZZZ-9999")))
    out = io.BytesIO()
    done: list[int] = []
    assert C.render_certificates(items, out, progress=done.append) == 6
    assert done == [1, 2, 3, 4, 5, 6]
    pdf = out.getvalue()
    evidence = C.read_certificate_pages(pdf)
    assert [e.page for e in evidence] == [1, 2, 3, 4, 5, 6]
    assert [e.serial for e in evidence] == [f"KAL-2026-{i:04d}" for i in range(1, 6)] + [
        "KAL-2026-0099"]
    assert all(e.claimed_hash == e.actual_hash for e in evidence)
    assert [e.claimed_hash for e in evidence[:5]] == [s.seen[0] for s in signers]
    # Each logo is one image XObject for the whole file, not one per page.
    assert len(re.findall(rb"/Subtype /Image", pdf)) <= 3  # shop (+ its soft mask) + partner
    if shutil.which("qpdf"):
        (tmp_path / "b.pdf").write_bytes(pdf)
        subprocess.run(["qpdf", "--check", str(tmp_path / "b.pdf")], check=True,
                       capture_output=True)


def test_a_batch_with_a_draft_page_skips_it() -> None:
    out = io.BytesIO()
    C.render_certificates([(participation(), signer()), (participation(), None),
                           (partnership(), signer("KAL-2026-0008"))], out)
    assert [(e.page, e.serial) for e in C.read_certificate_pages(out.getvalue())] == [
        (1, "KAL-2026-0007"), (3, "KAL-2026-0008")]


def test_cancel_stops_the_batch_and_writes_nothing() -> None:
    out = io.BytesIO()
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(C.CancelledError):
        C.render_certificates(((participation(), signer()) for _ in range(10)), out,
                              cancelled=cancelled)
    assert out.getvalue() == b""
    assert C.render_certificates([], out) == 0


# --- long texts never overflow -----------------------------------------------------------

def _words_outside(pdf: bytes, tmp_path: Path, margin: float) -> list[str]:
    (tmp_path / "c.pdf").write_bytes(pdf)
    html = _run("pdftotext", "-bbox", str(tmp_path / "c.pdf"), "-")
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    width, height = float(page.group(1)), float(page.group(2))
    outside = []
    for match in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                             r'yMax="([\d.]+)">([^<]*)</word>', html):
        x0, y0, x1, y1 = map(float, match.groups()[:4])
        if x0 < margin or y0 < margin or x1 > width - margin or y1 > height - margin:
            outside.append(match.group(5))
    return outside


@needs_poppler
@pytest.mark.parametrize(("kind", "orientation"), [
    ("participation", "portrait"), ("participation", "landscape"),
    ("partnership", "landscape"), ("partnership", "portrait")])
def test_long_names_and_lists_stay_inside_the_border(kind, orientation, tmp_path) -> None:
    very_long = LONG_NAME + " " + LONG_NAME
    if kind == "participation":
        content = participation(orientation=orientation, name=very_long, partner=LONG_ORG,
                                skills=SKILLS + tuple(s + " volgens de werkinstructie "
                                                      "van de afdeling" for s in SKILLS[:4]))
    else:
        content = partnership(orientation=orientation, partner=LONG_ORG + " " + LONG_ORG,
                              scope_repeat=12, logos=False)
    pdf = C.render_certificate(content, signer())
    # Everything inside the inner rule: 15 mm + 1.6 mm from the edge.
    assert _words_outside(pdf, tmp_path, margin=(15 + 1.6) * 72 / 25.4) == []
    text = " ".join(_text(pdf, tmp_path).split())
    if kind == "participation":
        assert "Łukaszewska" in text and "Etalage inrichten" in text
    else:
        assert "Omstreken" in text
    [evidence] = C.read_certificate_pages(pdf)
    assert evidence.claimed_hash == evidence.actual_hash


@needs_poppler
def test_words_do_not_overlap_each_other(tmp_path) -> None:
    """No two text boxes on the page overlap (a crude check that blocks never collide)."""
    for content in (participation(name=LONG_NAME, partner=LONG_ORG, skills=SKILLS),
                    partnership(partner=LONG_ORG, scope_repeat=6),
                    participation("en", "landscape", skills=SKILLS)):
        pdf = C.render_certificate(content, signer())
        (tmp_path / "c.pdf").write_bytes(pdf)
        html = _run("pdftotext", "-bbox", str(tmp_path / "c.pdf"), "-")
        boxes = [tuple(map(float, m.groups()[:4])) for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', html)]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                assert not (overlap_x > 1.0 and overlap_y > 2.5), (a, b)


def test_wrap_never_exceeds_the_width() -> None:
    from kringloopdesk.reports.fonts import SERIF, register_fonts

    register_fonts()
    for width in (40, 80, 200):
        for line in C._wrap(LONG_NAME + " Supercalifragilisticexpialidocious", SERIF, 20,
                            width):
            assert C._width(line, SERIF, 20) <= width
    size, lines = C._fit_lines(LONG_ORG, SERIF, 30, 120, 2, 8)
    assert size < 30 and len(lines) <= 2
    assert all(C._width(line, SERIF, size) <= 120 for line in lines)


def test_formats() -> None:
    assert C.format_date(dt.date(2026, 3, 12), "nl") == "12 maart 2026"
    assert C.format_date(dt.date(2026, 3, 12), "en") == "12 March 2026"
    assert C.format_hours(Decimal("1240.50"), "nl") == "1.240,5"
    assert C.format_hours(Decimal("1240.50"), "en") == "1,240.5"
    assert C.format_hours(Decimal("80"), "nl") == "80"


def test_no_logo_sets_the_name_and_a_broken_logo_does_not_crash(tmp_path) -> None:
    content = partnership(logos=False)
    broken = C.PartnershipContent(**{**content.__dict__,
                                     "partner": C.Party("Amfors", b"not an image")})
    pdf = C.render_certificate(broken, signer())
    assert b"/Subtype /Image" not in pdf
    if shutil.which("pdftotext"):
        text = _text(pdf, tmp_path)
        assert text.count("Amfors") >= 2  # the name in place of the logo, and in the text
