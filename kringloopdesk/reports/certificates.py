"""The two certificates of issue #6, as PDF pages drawn straight onto a ReportLab canvas.

- **Samenwerkingscertificaat** (``PartnershipContent``, A4 landscape by default): both logos at
  equal visual weight, the title, the two organisations joined by "en", the agreement's title and
  a short summary of its scope, the signatures side by side and the verification block.
- **Certificaat van deelname / werkervaringsverklaring** (``ParticipationContent``, A4 portrait
  by default): the logos, the worker's name large, the period, department and hours, the
  werkprocessen mastered, one line on what the shop and its partner are, the signatures and the
  verification block in the footer.

The texts follow ``content.language`` ("nl" or "en"), not the language of the user interface,
so they live in ``_TEXTS`` below and not in the ``_()`` catalogue.

Verification (see docs/certificates.md): everything of the page except the verification block
is drawn first; ``content_hash`` is the SHA-256 of the page's content stream up to that point.
The signer turns it into a serial, a short code and an Ed25519 signature; the block (QR code,
serial and code in text) is then drawn between the content-stream comment lines
``% KLDC-BEGIN`` and ``% KLDC-END`` with a ``% KLDC <payload>`` line inside.
``read_certificate_pages`` decompresses each page's content stream and hashes the bytes before
``% KLDC-BEGIN`` again, so any change to the drawn page (a name, a date, a number) shows.

Speed: fonts are registered once, each logo becomes one form XObject per document (drawn on
every page by reference), and the QR code is drawn as one path of merged rectangles with its
error-correction data computed once per payload — no ``Drawing``/``renderPDF`` per page.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import math
import re
import threading
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfutils import asciiBase85Decode
from reportlab.pdfgen.canvas import Canvas

from kringloopdesk.reports.certificate_art import draw_border, draw_divider, draw_leaf
from kringloopdesk.reports.fonts import (
    MONO,
    SANS,
    SANS_BOLD,
    SANS_ITALIC,
    SANS_MEDIUM,
    SERIF,
    SERIF_BOLD,
    register_fonts,
)

# --------------------------------------------------------------------------------------------
# The contract (/tmp/cert_contract.md): data classes and signatures shared with S and G.


@dataclass(frozen=True)
class Party:
    name: str
    logo: bytes | None = None  # PNG or JPEG bytes, already validated


@dataclass(frozen=True)
class SignatureLine:
    name: str
    function: str | None
    organisation: str


@dataclass(frozen=True)
class ParticipationContent:
    language: str  # "nl" | "en"
    orientation: str  # "portrait" (default) | "landscape"
    shop: Party
    partner: Party | None
    shop_mission: str | None  # one line on what the shop is (its profile's mission)
    worker_name: str
    department: str
    start_date: dt.date
    end_date: dt.date  # the placement's end, or the issue date for a running one
    hours: Decimal  # total hours of the placement
    skills: tuple[str, ...]  # werkprocessen mastered
    signatures: tuple[SignatureLine, ...]
    place: str | None  # "Amersfoort"
    issue_date: dt.date
    accent_color: str  # "#2e7d32" from the shop profile


@dataclass(frozen=True)
class PartnershipContent:
    language: str
    orientation: str  # "landscape" (default) | "portrait"
    shop: Party
    partner: Party
    agreement_title: str
    scope: str | None
    signed_date: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    signatures: tuple[SignatureLine, ...]  # shop side first, then partner side
    place: str | None
    issue_date: dt.date
    accent_color: str


CertificateContent = ParticipationContent | PartnershipContent


@dataclass(frozen=True)
class Verification:
    serial: str  # "KAL-2026-0007"
    code: str  # "7KQ2-M9XD"
    signature: bytes  # Ed25519, 64 bytes


Signer = Callable[[str], Verification]  # content_hash (hex) -> Verification


@dataclass(frozen=True)
class PageEvidence:
    page: int  # 1-based page number in the file
    serial: str
    code: str
    claimed_hash: str  # the content hash in the payload
    actual_hash: str  # the hash of the page's content stream as it is now
    signature: bytes


class CancelledError(Exception):
    """``render_certificates`` stopped because ``cancelled()`` turned True."""


PAYLOAD_PREFIX = "KLDC1"
BEGIN_MARK = "% KLDC-BEGIN"
END_MARK = "% KLDC-END"
PAYLOAD_MARK = "% KLDC "


def signed_message(serial: str, code: str, content_hash: str) -> bytes:
    """The bytes the Ed25519 signature covers."""
    return f"{PAYLOAD_PREFIX}|{serial}|{code}|{content_hash}".encode()


def payload(serial: str, code: str, content_hash: str, signature: bytes) -> str:
    """The QR code's text: ``KLDC1|serial|code|content_hash|signature (base64url, no =)``."""
    encoded = base64.urlsafe_b64encode(signature).decode("ascii").rstrip("=")
    return f"{PAYLOAD_PREFIX}|{serial}|{code}|{content_hash}|{encoded}"


def parse_payload(text: str) -> tuple[str, str, str, bytes] | None:
    """(serial, code, content_hash, signature) from a payload, or None when it is not one."""
    parts = text.strip().split("|")
    if len(parts) != 5 or parts[0] != PAYLOAD_PREFIX:
        return None
    serial, code, content_hash, encoded = parts[1:]
    if not re.fullmatch(r"[0-9a-f]{64}", content_hash) or not serial or not code:
        return None
    try:
        signature = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    except (ValueError, TypeError):
        return None
    return serial, code, content_hash, signature


# --------------------------------------------------------------------------------------------
# Texts per certificate language (content.language), not per UI language.

_TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "participation_title": "Certificaat van deelname",
        "participation_subtitle": "Werkervaringsverklaring",
        "participation_intro": "Hierbij verklaren wij dat",
        "participation_body": "van {start} tot en met {end} heeft gewerkt bij de afdeling "
                              "{department} van {shop}, in totaal {hours} uur.",
        "skills": "Beheerste werkprocessen",
        "with_partner": "in samenwerking met {partner}",
        "partnership_title": "Samenwerkingscertificaat",
        "partnership_subtitle": "Partnerschap",
        "and": "en",
        "partnership_body": "bevestigen hiermee hun samenwerking",
        "term_both": "Looptijd van {start} tot en met {end}",
        "term_from": "Looptijd vanaf {start}",
        "term_to": "Looptijd tot en met {end}",
        "signed": "Overeenkomst ondertekend op {date}",
        "motto": "Wat je aandacht geeft, groeit en komt tot bloei.",
        "serial": "Serienummer",
        "code": "Verificatiecode",
        "verify": "Controleer dit certificaat: scan de QR-code of geef de verificatiecode "
                  "aan {shop}. KringloopDesk (Certificaten › Controleren) toont of het echt, "
                  "ongewijzigd en geldig is.",
        "draft": "CONCEPT",
        "draft_note": "Concept — pas geldig na uitgifte met serienummer en verificatiecode",
    },
    "en": {
        "participation_title": "Certificate of participation",
        "participation_subtitle": "Statement of work experience",
        "participation_intro": "We hereby declare that",
        "participation_body": "worked in the {department} department of {shop} from {start} "
                              "to {end}, {hours} hours in total.",
        "skills": "Work processes mastered",
        "with_partner": "in partnership with {partner}",
        "partnership_title": "Certificate of partnership",
        "partnership_subtitle": "Partnership",
        "and": "and",
        "partnership_body": "hereby confirm their partnership",
        "term_both": "Term from {start} to {end}",
        "term_from": "Term from {start}",
        "term_to": "Term until {end}",
        "signed": "Agreement signed on {date}",
        "motto": "What you give your attention to grows and comes into bloom.",
        "serial": "Serial number",
        "code": "Verification code",
        "verify": "Verify this certificate: scan the QR code or give the verification code "
                  "to {shop}. KringloopDesk (Certificates › Verify) shows whether it is "
                  "genuine, unaltered and valid.",
        "draft": "DRAFT",
        "draft_note": "Draft — valid only once issued with a serial number and verification code",
    },
}

_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def _language(content: CertificateContent) -> str:
    return content.language if content.language in _TEXTS else "nl"


def _text(language: str, key: str, **values: str) -> str:
    return _TEXTS[language][key].format(**values)


def format_date(day: dt.date, language: str) -> str:
    """"12 maart 2026" / "12 March 2026"."""
    return f"{day.day} {_MONTHS.get(language, _MONTHS['nl'])[day.month - 1]} {day.year}"


def format_hours(hours: Decimal, language: str) -> str:
    """120 / 120,5 (nl) / 120.5 (en), thousands grouped."""
    value = Decimal(hours).quantize(Decimal("0.01"))
    whole, _sep, fraction = f"{value:,.2f}".partition(".")
    fraction = fraction.rstrip("0")
    if language == "nl":
        whole = whole.replace(",", ".")
        return whole + ("," + fraction if fraction else "")
    return whole + ("." + fraction if fraction else "")


# --------------------------------------------------------------------------------------------
# Palette and text helpers

INK = HexColor("#1f2421")
MUTED = HexColor("#5d625e")
OCHRE = HexColor("#b7862c")
DEFAULT_ACCENT = "#2e5e3a"


def _accent(value: str) -> Color:
    try:
        return HexColor(value) if re.fullmatch(r"#?[0-9a-fA-F]{6}", value or "") else \
            HexColor(DEFAULT_ACCENT)
    except ValueError:  # pragma: no cover - the regex already guards it
        return HexColor(DEFAULT_ACCENT)


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Words wrapped to ``width``; a single word longer than that is broken at a hyphen or,
    failing that, between characters, so no line is ever wider than ``width``."""
    return _wrap_words(text, font, size, width)[0]


def _wrap_words(text: str, font: str, size: float, width: float) -> tuple[list[str], bool]:
    """``_wrap`` and whether a word had to be broken."""
    broken = False
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if _width(candidate, font, size) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            while _width(word, font, size) > width:
                broken = True
                cut = _break_word(word, font, size, width)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return [line for line in lines if line] or [""], broken


def _break_word(word: str, font: str, size: float, width: float) -> int:
    end = len(word) - 1
    while end > 1 and _width(word[:end], font, size) > width:
        end -= 1
    hyphen = word.rfind("-", 0, end)
    return hyphen + 1 if hyphen > 0 else max(end, 1)


def _fit_lines(text: str, font: str, size: float, width: float, max_lines: int,
               minimum: float) -> tuple[float, list[str]]:
    """The largest size from ``size`` down to ``minimum`` at which ``text`` wraps into at
    most ``max_lines`` lines of ``width``; at ``minimum`` the last line is cut with "…"."""
    start = size
    # First choice: no word broken; then: words broken at a hyphen or between letters.
    for allow_broken in (False, True):
        size = start
        while True:
            lines, broken = _wrap_words(text, font, size, width)
            if len(lines) <= max_lines and (allow_broken or not broken):
                return size, lines
            if size - 0.5 < minimum:
                break
            size -= 0.5
    lines = lines[:max_lines]
    last = lines[-1]
    while last and _width(last + "…", font, size) > width:
        last = last[:-1]
    lines[-1] = last.rstrip() + "…"
    return size, lines


def _fit_prefer_one_line(text: str, font: str, size: float, width: float, max_lines: int,
                         one_line_minimum: float, minimum: float) -> tuple[float, list[str]]:
    """One line, shrunk down to ``one_line_minimum``; else wrapped like ``_fit_lines``."""
    fitting = size
    while fitting >= one_line_minimum:
        if _width(text, font, fitting) <= width:
            return fitting, [text]
        fitting -= 0.5
    return _fit_lines(text, font, size, width, max_lines, minimum)


# --------------------------------------------------------------------------------------------
# The QR code, drawn as one path of merged rectangles.

_GENERATORS: dict[int, list[int]] = {}


def _generator(ec_count: int) -> list[int]:
    """The Reed-Solomon generator polynomial's coefficients, highest degree first (monic)."""
    if ec_count not in _GENERATORS:
        polynomial = qrencoder.QRUtil.getErrorCorrectPolynomial(ec_count)
        _GENERATORS[ec_count] = [polynomial.get(i) for i in range(polynomial.getLength())]
    return _GENERATORS[ec_count]


def _rs_remainder(data: list[int], ec_count: int) -> list[int]:
    """The error-correction codewords of one block (polynomial division in GF(256) with the
    log/exp tables; the same result as ReportLab's ``QRPolynomial.mod``, much faster)."""
    exp, log = qrencoder.EXP_TABLE, qrencoder.LOG_TABLE
    generator = [log[c] if c else None for c in _generator(ec_count)[1:]]
    remainder = [0] * ec_count
    for value in data:
        factor = value ^ remainder[0]
        remainder = [*remainder[1:], 0]
        if factor:
            log_factor = log[factor]
            for index, log_coefficient in enumerate(generator):
                if log_coefficient is not None:
                    remainder[index] ^= exp[(log_factor + log_coefficient) % 255]
    return remainder


def _codewords(code: qrencoder.QRCode) -> list[int]:
    """``QRCode.createData`` with the fast Reed-Solomon step (tested equal in the tests)."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(code.version, code.errorCorrectLevel)
    buffer = qrencoder.QRBitBuffer()
    for data in code.dataList:
        data.write(buffer, code.version)
    capacity = sum(block.dataCount for block in blocks) * 8
    if buffer.getLengthInBits() > capacity:
        raise ValueError("QR payload too long")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pads = (qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1)
    index = 0
    while buffer.getLengthInBits() < capacity:
        buffer.put(pads[index % 2], 8)
        index += 1
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        chunk = list(buffer.buffer[offset:offset + block.dataCount])
        offset += block.dataCount
        data_blocks.append(chunk)
        ec_blocks.append(_rs_remainder(chunk, block.totalCount - block.dataCount))
    result = []
    for group in (data_blocks, ec_blocks):
        for position in range(max(len(b) for b in group)):
            result.extend(b[position] for b in group if position < len(b))
    return result


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules (error correction M, byte mode) for ``text``.

    Mask pattern 0 is used without the eight-fold penalty search: the payload is a hash and a
    signature, high-entropy data, for which the masks differ little, and every reader reads the
    mask from the format information. That and the table-driven Reed-Solomon step keep the
    encoding around a millisecond."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(qrencoder.QR8bitByte(text))
    code.version = code.calculate_version()
    code.dataCache = _codewords(code)
    code.makeImpl(False, 0)
    return code.modules


QR_QUIET_MODULES = 4


def draw_qr(canvas: Canvas, modules: list[list[bool]], x: float, y: float,
            size: float) -> None:
    """The QR symbol ``modules`` (from ``qr_matrix``) with its lower left corner at (x, y),
    ``size`` wide (quiet zone excluded — the caller keeps it free): one filled path of the
    dark runs of each row, in module units under one ``cm`` (ReportLab's ``_code``)."""
    count = len(modules)
    unit = size / count
    ops = ["q", f"{unit:.5f} 0 0 {unit:.5f} {x:.3f} {y:.3f} cm", "n"]
    for row_index, row in enumerate(modules):
        bottom = count - 1 - row_index
        column = 0
        while column < count:
            if row[column]:
                start = column
                while column < count and row[column]:
                    column += 1
                ops.append(f"{start} {bottom} {column - start} 1 re")
            else:
                column += 1
    ops.append("f")
    ops.append("Q")
    canvas._code.append(" ".join(ops))


# --------------------------------------------------------------------------------------------
# Logos: one ImageReader per distinct image (by content hash), one form XObject per document.

_IMAGE_CACHE: dict[str, ImageReader] = {}
_IMAGE_LOCK = threading.Lock()


def _image(data: bytes) -> tuple[str, ImageReader]:
    key = hashlib.sha256(data).hexdigest()[:16]
    with _IMAGE_LOCK:
        reader = _IMAGE_CACHE.get(key)
        if reader is None:
            if len(_IMAGE_CACHE) > 32:
                _IMAGE_CACHE.clear()
            reader = _IMAGE_CACHE[key] = ImageReader(io.BytesIO(data))
    return key, reader


class _Document:
    """Per-PDF state: which logo forms exist already."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.forms: dict[str, tuple[str, float]] = {}  # key -> (form name, aspect w/h)
        self.borders: dict[tuple[str, float, float], str] = {}

    def border(self, width: float, height: float, accent: Color) -> None:
        """The border with its corner sprigs: one form per colour and page size."""
        key = (accent.hexval(), round(width), round(height))
        name = self.borders.get(key)
        if name is None:
            name = self.borders[key] = f"KLDBorder{len(self.borders)}"
            self.canvas.beginForm(name, 0, 0, width, height)
            draw_border(self.canvas, width, height, BORDER, accent, OCHRE)
            self.canvas.endForm()
        self.canvas.doForm(name)

    def logo_form(self, data: bytes) -> tuple[str, float] | None:
        try:
            key, reader = _image(data)
            width, height = reader.getSize()
        except Exception:
            return None
        if width <= 0 or height <= 0:
            return None
        if key not in self.forms:
            name = f"KLDLogo{key}"
            canvas = self.canvas
            # The form is defined outside any page (its own stream): the image at its own
            # size in points, scaled where it is used.
            canvas.beginForm(name, 0, 0, width, height)
            canvas.drawImage(reader, 0, 0, width, height, mask="auto")
            canvas.endForm()
            self.forms[key] = (name, width / height)
        return self.forms[key]


def _logo_box(aspect: float, max_width: float, max_height: float) -> tuple[float, float]:
    """The logo's size at equal visual weight: the same area for every logo (a wide word mark
    and a square emblem look equally heavy), within the box."""
    area = max_height * max_height * 1.6
    width = math.sqrt(area * aspect)
    height = width / aspect
    scale = min(1.0, max_width / width, max_height / height)
    return width * scale, height * scale


def _draw_party(doc: _Document, party: Party, cx: float, cy: float, max_width: float,
                max_height: float, accent: Color) -> None:
    """The party's logo centred on (cx, cy), or its name set in the accent colour."""
    canvas = doc.canvas
    form = doc.logo_form(party.logo) if party.logo else None
    if form is not None:
        name, aspect = form
        width, height = _logo_box(aspect, max_width, max_height)
        reader_width = 1.0  # the form is drawn at the image's pixel size: scale it
        _key, reader = _image(party.logo)  # cached: cheap
        reader_width, reader_height = reader.getSize()
        canvas.saveState()
        canvas.translate(cx - width / 2, cy - height / 2)
        canvas.scale(width / reader_width, height / reader_height)
        canvas.doForm(name)
        canvas.restoreState()
        return
    size, lines = _fit_lines(party.name, SERIF_BOLD, 15, max_width, 3, 8)
    leading = size * 1.2
    canvas.setFillColor(accent)
    canvas.setFont(SERIF_BOLD, size)
    y = cy + (len(lines) - 1) * leading / 2 - size * 0.35
    for line in lines:
        canvas.drawCentredString(cx, y, line)
        y -= leading


# --------------------------------------------------------------------------------------------
# Layout blocks: measured first, drawn when they fit.


@dataclass
class _Block:
    height: float
    draw: Callable[[float], None]  # called with the block's top y


def _text_block(canvas: Canvas, lines: list[str], font: str, size: float, color: Color,
                cx: float, leading: float | None = None, space: float = 0.0) -> _Block:
    leading = leading or size * 1.3

    def draw(top: float) -> None:
        canvas.setFillColor(color)
        canvas.setFont(font, size)
        y = top - space - size * 0.95
        for line in lines:
            canvas.drawCentredString(cx, y, line)
            y -= leading

    return _Block(space + size * 0.95 + (len(lines) - 1) * leading + size * 0.3, draw)


def _spaced_caps(canvas: Canvas, text: str, font: str, size: float, color: Color, cx: float,
                 space: float = 0.0, tracking: float = 1.6) -> _Block:
    text = text.upper()

    def draw(top: float) -> None:
        width = _width(text, font, size) + tracking * (len(text) - 1)
        label = canvas.beginText(cx - width / 2, top - space - size)
        label.setFont(font, size)
        label.setCharSpace(tracking)
        label.setFillColor(color)
        label.textOut(text)
        label.setCharSpace(0)  # Tc outlives ET: reset it for the text after this
        canvas.drawText(label)

    return _Block(space + size * 1.25, draw)


def _stack(blocks: list[_Block], top: float) -> None:
    for block in blocks:
        block.draw(top)
        top -= block.height


# --------------------------------------------------------------------------------------------
# The page


@dataclass
class _Frame:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def cx(self) -> float:
        return (self.left + self.right) / 2

    @property
    def inner(self) -> float:
        return self.right - self.left


BORDER = 15 * mm  # the outer rule's distance from the paper's edge
QR_SIZE = 27 * mm  # the symbol, quiet zone not included


def _page_size(content: CertificateContent) -> tuple[float, float]:
    default = "portrait" if isinstance(content, ParticipationContent) else "landscape"
    orientation = content.orientation if content.orientation in ("portrait", "landscape") \
        else default
    return landscape(A4) if orientation == "landscape" else A4


def _frame(size: tuple[float, float]) -> _Frame:
    width, height = size
    side = 31 * mm if width > height else 27 * mm
    return _Frame(width, height, side, width - side, height - 27 * mm, 25 * mm)


def _logos(doc: _Document, content: CertificateContent, frame: _Frame, accent: Color) -> float:
    """The logos along the top; returns the y below them."""
    box_height = 20 * mm
    cy = frame.top - box_height / 2
    parties = [content.shop] + ([content.partner] if content.partner is not None else [])
    if isinstance(content, PartnershipContent) or frame.width > frame.height:
        # Shop left, partner right, the same box and weight for both.
        box_width = min(62 * mm, frame.inner * 0.3)
        _draw_party(doc, content.shop, frame.left + box_width / 2, cy, box_width, box_height,
                    accent)
        if content.partner is not None:
            _draw_party(doc, content.partner, frame.right - box_width / 2, cy, box_width,
                        box_height, accent)
        return frame.top - box_height
    box_width = min(58 * mm, frame.inner * 0.42)
    if len(parties) == 1:
        _draw_party(doc, parties[0], frame.cx, cy, box_width, box_height, accent)
    else:
        gap = 9 * mm
        _draw_party(doc, parties[0], frame.cx - gap - box_width / 2, cy, box_width,
                    box_height, accent)
        _draw_party(doc, parties[1], frame.cx + gap + box_width / 2, cy, box_width,
                    box_height, accent)
        canvas = doc.canvas
        canvas.setStrokeColor(OCHRE)
        canvas.setLineWidth(0.6)
        canvas.line(frame.cx, cy - box_height * 0.35, frame.cx, cy + box_height * 0.35)
    return frame.top - box_height


def _skills_block(canvas: Canvas, skills: tuple[str, ...], frame: _Frame, scale: float,
                  accent: Color, landscape_page: bool) -> _Block | None:
    skills = tuple(s.strip() for s in skills if s and s.strip())
    if not skills:
        return None
    count = len(skills)
    columns = 1 if count <= 4 else (3 if landscape_page and count > 8 else 2)
    size = 10.5 * scale
    leading = size * 1.28
    gap = 8 * mm
    total_width = min(frame.inner, (150 if columns == 1 else 176 if columns == 2 else 240) * mm)
    column_width = (total_width - gap * (columns - 1)) / columns
    bullet = 4.2 * mm
    wrapped = [_fit_lines(skill, SANS, size, column_width - bullet, 2, size)[1]
               for skill in skills]
    per_column = math.ceil(count / columns)
    groups = [wrapped[i * per_column:(i + 1) * per_column] for i in range(columns)]
    heights = [sum(len(item) * leading + 2.2 * scale for item in group) for group in groups]
    if columns == 1:
        widest = max(_width(line, SANS, size) for item in wrapped for line in item)
        total_width = min(total_width, widest + bullet)
    left = frame.cx - total_width / 2

    def draw(top: float) -> None:
        for index, group in enumerate(groups):
            x = left + index * (column_width + gap)
            y = top - size
            for item in group:
                draw_leaf(canvas, x + 1.2 * mm, y + size * 0.32, size * 0.62, accent, OCHRE)
                canvas.setFillColor(INK)
                canvas.setFont(SANS, size)
                for line in item:
                    canvas.drawString(x + bullet, y, line)
                    y -= leading
                y -= 2.2 * scale

    return _Block(max(heights), draw)


def _participation_blocks(canvas: Canvas, content: ParticipationContent, frame: _Frame,
                          scale: float, accent: Color, language: str) -> list[_Block]:
    width = frame.inner
    cx = frame.cx
    landscape_page = frame.width > frame.height
    blocks: list[_Block] = []
    title = _text(language, "participation_title")
    size, lines = _fit_prefer_one_line(title, SERIF_BOLD, 30 * scale, width, 2, 22 * scale,
                                       16)
    blocks.append(_text_block(canvas, lines, SERIF_BOLD, size, accent, cx))
    blocks.append(_spaced_caps(canvas, _text(language, "participation_subtitle"), SANS_MEDIUM,
                               9.5 * scale, OCHRE, cx, space=2 * scale))
    blocks.append(_divider_block(canvas, cx, accent, 11 * mm * scale))
    blocks.append(_text_block(canvas, [_text(language, "participation_intro")], SANS_ITALIC,
                              11.5 * scale, MUTED, cx))
    size, lines = _fit_prefer_one_line(content.worker_name.strip(), SERIF, 28 * scale, width,
                                       2, 21 * scale, 14)
    blocks.append(_text_block(canvas, lines, SERIF, size, INK, cx, leading=size * 1.15,
                              space=3 * scale))
    body = _text(language, "participation_body",
                 start=format_date(content.start_date, language),
                 end=format_date(content.end_date, language),
                 department=content.department.strip(), shop=content.shop.name.strip(),
                 hours=format_hours(content.hours, language))
    body_width = min(width, 150 * mm)
    size, lines = _fit_lines(body, SANS, 12 * scale, body_width, 4, 8)
    blocks.append(_text_block(canvas, lines, SANS, size, INK, cx, leading=size * 1.4,
                              space=4 * scale))
    skills = _skills_block(canvas, content.skills, frame, scale, accent, landscape_page)
    if skills is not None:
        blocks.append(_spaced_caps(canvas, _text(language, "skills"), SANS_MEDIUM, 8.5 * scale,
                                   OCHRE, cx, space=8 * scale))
        blocks.append(_Block(3 * scale, lambda top: None))
        blocks.append(skills)
    about = [part for part in (
        content.shop_mission.strip() if content.shop_mission else "",
        _text(language, "with_partner", partner=content.partner.name.strip())
        if content.partner is not None else "",
    ) if part]
    if about:
        text = " — ".join(about) if len(about) == 2 and len(about[0]) < 60 else "\n".join(about)
        size, lines = _fit_lines(text, SANS_ITALIC, 10 * scale, min(width, 150 * mm), 4, 7)
        blocks.append(_text_block(canvas, lines, SANS_ITALIC, size, MUTED, cx,
                                  space=8 * scale))
    return blocks


def _partnership_blocks(canvas: Canvas, content: PartnershipContent, frame: _Frame,
                        scale: float, accent: Color, language: str) -> list[_Block]:
    width = frame.inner
    cx = frame.cx
    blocks: list[_Block] = []
    title = _text(language, "partnership_title")
    size, lines = _fit_prefer_one_line(title, SERIF_BOLD, 32 * scale, width, 2, 22 * scale,
                                       16)
    blocks.append(_text_block(canvas, lines, SERIF_BOLD, size, accent, cx))
    blocks.append(_divider_block(canvas, cx, accent, 10 * mm * scale))
    name_width = min(width, 200 * mm)
    for index, party in enumerate((content.shop, content.partner)):
        size, lines = _fit_prefer_one_line(party.name.strip(), SERIF, 21 * scale, name_width,
                                           2, 16 * scale, 12)
        blocks.append(_text_block(canvas, lines, SERIF, size, INK, cx, leading=size * 1.18))
        if index == 0:
            blocks.append(_text_block(canvas, [_text(language, "and")], SANS_ITALIC,
                                      12 * scale, OCHRE, cx, space=1 * scale))
    blocks.append(_text_block(canvas, [_text(language, "partnership_body")], SANS_ITALIC,
                              11 * scale, MUTED, cx, space=5 * scale))
    size, lines = _fit_lines(content.agreement_title.strip(), SANS_MEDIUM, 15 * scale,
                             min(width, 190 * mm), 2, 10)
    blocks.append(_text_block(canvas, lines, SANS_MEDIUM, size, accent, cx, space=5 * scale))
    if content.scope and content.scope.strip():
        size, lines = _fit_lines(" ".join(content.scope.split()), SANS, 10.5 * scale,
                                 min(width, 180 * mm), 3, 8)
        blocks.append(_text_block(canvas, lines, SANS, size, INK, cx, leading=size * 1.4,
                                  space=2 * scale))
    details = []
    if content.valid_from and content.valid_to:
        details.append(_text(language, "term_both",
                             start=format_date(content.valid_from, language),
                             end=format_date(content.valid_to, language)))
    elif content.valid_from:
        details.append(_text(language, "term_from",
                             start=format_date(content.valid_from, language)))
    elif content.valid_to:
        details.append(_text(language, "term_to", end=format_date(content.valid_to, language)))
    if content.signed_date:
        details.append(_text(language, "signed", date=format_date(content.signed_date, language)))
    if details:
        size, lines = _fit_lines("  ·  ".join(details), SANS, 9.5 * scale, width, 2, 7)
        blocks.append(_text_block(canvas, lines, SANS, size, MUTED, cx, space=4 * scale))
    return blocks


def _divider_block(canvas: Canvas, cx: float, accent: Color, height: float) -> _Block:
    return _Block(height, lambda top: draw_divider(canvas, cx, top - height / 2, 38 * mm,
                                                    accent, OCHRE))


def _signatures(canvas: Canvas, content: CertificateContent, left: float, right: float,
                bottom: float, language: str, accent: Color) -> float:
    """Place and date, then the signature blocks side by side (at most three a row) with the
    line on top. Drawn upwards from ``bottom``; returns the y of the top of this area."""
    signatures = content.signatures
    width = right - left
    per_row = max(1, min(3, len(signatures)))
    gap = 10 * mm
    column = min((width - gap * (per_row - 1)) / per_row, 80 * mm)
    rows = [signatures[i:i + per_row] for i in range(0, len(signatures), per_row)]
    row_height = 23 * mm
    y = bottom + row_height * len(rows)
    top_of_signatures = y
    for row_index, row in enumerate(rows):
        row_top = bottom + row_height * (len(rows) - row_index)
        for index, signature in enumerate(row):
            x = left + index * (column + gap)
            line_y = row_top - 9 * mm
            canvas.setStrokeColor(INK)
            canvas.setLineWidth(0.5)
            canvas.line(x, line_y, x + column, line_y)
            name_size, name = _fit_lines(signature.name.strip(), SANS_BOLD, 10, column, 1, 6.5)
            canvas.setFillColor(INK)
            canvas.setFont(SANS_BOLD, name_size)
            canvas.drawString(x, line_y - 4.6 * mm, name[0])
            text_y = line_y - 8.6 * mm
            for part, font, color in ((signature.function, SANS, INK),
                                      (signature.organisation, SANS_ITALIC, MUTED)):
                if not part or not part.strip():
                    continue
                size, lines = _fit_lines(part.strip(), font, 8.5, column, 1, 6)
                canvas.setFillColor(color)
                canvas.setFont(font, size)
                canvas.drawString(x, text_y, lines[0])
                text_y -= 3.9 * mm
    when = format_date(content.issue_date, language)
    place = f"{content.place.strip()}, {when}" if content.place and content.place.strip() \
        else when
    size, lines = _fit_lines(place, SANS, 10, width, 1, 7)
    canvas.setFillColor(INK)
    canvas.setFont(SANS, size)
    canvas.drawString(left, top_of_signatures + 3 * mm, lines[0])
    return top_of_signatures + 3 * mm + size


def _motto(canvas: Canvas, language: str, cx: float, y: float, size: float = 9) -> None:
    canvas.setFillColor(OCHRE)
    canvas.setFont(SANS_ITALIC, size)
    canvas.drawCentredString(cx, y, _text(language, "motto"))


def _draft_overlay(canvas: Canvas, frame: _Frame, language: str) -> None:
    canvas.saveState()
    canvas.setFillColor(OCHRE, alpha=0.13)
    canvas.translate(frame.width / 2, frame.height / 2)
    canvas.rotate(math.degrees(math.atan2(frame.height, frame.width)))
    word = _text(language, "draft")
    size = 120
    limit = math.hypot(frame.width, frame.height) * 0.62
    while _width(word, SANS_BOLD, size) > limit:
        size -= 4
    canvas.setFont(SANS_BOLD, size)
    canvas.drawCentredString(0, -size * 0.35, word)
    canvas.restoreState()


# The verification block's size: the QR with its quiet zone, and the text beside it.
VERIFY_TEXT_WIDTH = 62 * mm


def _verification_area(frame: _Frame) -> tuple[float, float, float, float]:
    """(x, y, width, height) of the verification block, bottom right inside the frame."""
    quiet = QR_QUIET_MODULES * (QR_SIZE / 57)
    height = QR_SIZE + 2 * quiet
    width = VERIFY_TEXT_WIDTH + 2.5 * mm + QR_SIZE + 2 * quiet
    return frame.right + quiet - width, frame.bottom - quiet, width, height


def _draw_verification(canvas: Canvas, frame: _Frame, content: CertificateContent,
                       verification: Verification, content_hash: str, language: str,
                       accent: Color) -> str:
    text = payload(verification.serial, verification.code, content_hash,
                   verification.signature)
    code = canvas._code  # ReportLab internal: the page's content-stream lines (pinned in tests)
    code.append(BEGIN_MARK)
    code.append(PAYLOAD_MARK + text)
    canvas.saveState()
    modules = qr_matrix(text)
    unit = QR_SIZE / len(modules)
    quiet = QR_QUIET_MODULES * unit
    qr_x = frame.right - QR_SIZE
    qr_y = frame.bottom
    canvas.setFillColor(INK)
    draw_qr(canvas, modules, qr_x, qr_y, QR_SIZE)
    right = qr_x - quiet - 2.5 * mm
    right - VERIFY_TEXT_WIDTH
    top = qr_y + QR_SIZE
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS_MEDIUM, 7)
    canvas.drawRightString(right, top - 6, _text(language, "serial").upper())
    canvas.setFillColor(INK)
    canvas.setFont(MONO, 10.5)
    canvas.drawRightString(right, top - 16.5, verification.serial)
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS_MEDIUM, 7)
    canvas.drawRightString(right, top - 28, _text(language, "code").upper())
    canvas.setFillColor(accent)
    canvas.setFont(MONO, 14)
    code_baseline = top - 40
    canvas.drawRightString(right, code_baseline, verification.code)
    # The explanation from the QR's bottom edge up to just below the code, shrunk to fit.
    explanation = _text(language, "verify", shop=content.shop.name.strip())
    room = code_baseline - 5 - qr_y
    size = 7.2
    while True:
        lines = _wrap(explanation, SANS, size, VERIFY_TEXT_WIDTH)
        if len(lines) * size * 1.3 <= room or size <= 5:
            break
        size -= 0.2
    if len(lines) * size * 1.3 > room:
        size, lines = _fit_lines(explanation, SANS, size, VERIFY_TEXT_WIDTH,
                                 max(1, int(room // (size * 1.3))), size)
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, size)
    line_y = qr_y + (len(lines) - 1) * size * 1.3 + 1
    for line in lines:
        canvas.drawRightString(right, line_y, line)
        line_y -= size * 1.3
    canvas.restoreState()
    code.append(END_MARK)
    return text


def _stream_so_far(canvas: Canvas) -> bytes:
    """The page's content stream as ReportLab will write it, up to this point.

    ReportLab internals (pinned by tests/unit/test_certificate_pdf.py): ``Canvas.showPage``
    builds the stream as ``_psCommandsBeforePage + [_preamble] + _code + ...`` joined with
    "\\n" (``PDFPage.setStream``) and the Flate filter encodes it as UTF-8."""
    lines = [*canvas._psCommandsBeforePage, canvas._preamble, *canvas._code]
    return ("\n".join(lines) + "\n").encode("utf-8")


def content_hash_of(stream_prefix: bytes) -> str:
    return hashlib.sha256(stream_prefix).hexdigest()


def _draw_page(doc: _Document, content: CertificateContent, signer: Signer | None) -> None:
    canvas = doc.canvas
    size = _page_size(content)
    canvas.setPageSize(size)
    frame = _frame(size)
    language = _language(content)
    accent = _accent(content.accent_color)
    doc.border(size[0], size[1], accent)
    below_logos = _logos(doc, content, frame, accent)

    # The bottom: signatures (and, on a landscape page, the verification block beside them).
    landscape_page = size[0] > size[1]
    verify_x, _vy, _vw, verify_height = _verification_area(frame)
    if landscape_page:
        signatures_right = verify_x - 8 * mm
        signatures_bottom = frame.bottom + 2 * mm
    else:
        signatures_right = frame.right
        signatures_bottom = frame.bottom + verify_height + 4 * mm
    signatures_top = _signatures(canvas, content, frame.left, signatures_right,
                                 signatures_bottom, language, accent)
    if not landscape_page:
        canvas.setStrokeColor(OCHRE)
        canvas.setLineWidth(0.4)
        rule_y = frame.bottom + verify_height + 1 * mm
        canvas.line(frame.left, rule_y, frame.right, rule_y)
    # The motto: beside the verification block (portrait) or at the top between the logos.
    if landscape_page:
        _motto(canvas, language, frame.cx, frame.top - 14 * mm, 9.5)
    else:
        _motto_block(canvas, language, frame.left,
                     frame.bottom + verify_height / 2 - 4 * mm,
                     verify_x - frame.left - 6 * mm)

    # The middle: as large as fits between the logos and the signatures, centred there.
    space_top = below_logos - 6 * mm
    space_bottom = signatures_top + 7 * mm
    available = space_top - space_bottom
    scale = 1.0 if landscape_page else 1.1
    while True:
        if isinstance(content, ParticipationContent):
            blocks = _participation_blocks(canvas, content, frame, scale, accent, language)
        else:
            blocks = _partnership_blocks(canvas, content, frame, scale, accent, language)
        needed = sum(block.height for block in blocks)
        if needed <= available or scale <= 0.55:
            break
        scale = max(0.55, scale * min(0.96, available / needed + 0.02))
    _stack(blocks, space_top - max(0.0, (available - needed) / 2.4))

    if signer is None:
        _draft_overlay(canvas, frame, language)
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS_ITALIC, 8)
        canvas.drawRightString(frame.right, frame.bottom + 2 * mm, _text(language, "draft_note"))
        return
    content_hash = content_hash_of(_stream_so_far(canvas))
    verification = signer(content_hash)
    _draw_verification(canvas, frame, content, verification, content_hash, language, accent)


def _motto_block(canvas: Canvas, language: str, left: float, y: float, width: float) -> None:
    size, lines = _fit_lines(_text(language, "motto"), SANS_ITALIC, 10, width - 8 * mm, 2, 7)
    draw_leaf(canvas, left + 2 * mm, y + size * 0.3, size * 0.9, OCHRE, OCHRE)
    canvas.setFillColor(OCHRE)
    canvas.setFont(SANS_ITALIC, size)
    for line in lines:
        canvas.drawString(left + 6 * mm, y, line)
        y -= size * 1.3


# --------------------------------------------------------------------------------------------
# Writing the PDF

_SAVE_LOCK = threading.Lock()


def _new_canvas(out: BinaryIO | io.BytesIO, title: str) -> Canvas:
    register_fonts()
    canvas = Canvas(out, pagesize=A4, initialFontName=SANS, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("KringloopDesk")
    canvas.setCreator("KringloopDesk")
    return canvas


def _save(canvas: Canvas) -> None:
    # Flate only (no ASCII85 on top): smaller and faster. rl_config is global, hence the lock.
    with _SAVE_LOCK:
        previous = rl_config.useA85
        rl_config.useA85 = 0
        try:
            canvas.save()
        finally:
            rl_config.useA85 = previous


def _title(content: CertificateContent) -> str:
    language = _language(content)
    if isinstance(content, ParticipationContent):
        return f"{_text(language, 'participation_title')} — {content.worker_name}"
    return f"{_text(language, 'partnership_title')} — {content.shop.name} & {content.partner.name}"


def render_certificate(content: CertificateContent, signer: Signer | None) -> bytes:
    """One page. ``signer=None``: a draft for the preview — "CONCEPT" across it, no QR and no
    verification block."""
    out = io.BytesIO()
    canvas = _new_canvas(out, _title(content))
    _draw_page(_Document(canvas), content, signer)
    canvas.showPage()
    _save(canvas)
    return out.getvalue()


def render_certificates(items: Iterable[tuple[CertificateContent, Signer]], out: BinaryIO,
                        progress: Callable[[int], None] | None = None,
                        cancelled: Callable[[], bool] | None = None) -> int:
    """Many certificates in one PDF, one page each (fonts and logos embedded once). Returns
    the number of pages; raises ``CancelledError`` as soon as ``cancelled()`` turns True
    (nothing is written to ``out`` then). ``progress(pages_done)`` after every page."""
    buffer = io.BytesIO()
    canvas: Canvas | None = None
    doc: _Document | None = None
    pages = 0
    for content, signer in items:
        if cancelled is not None and cancelled():
            raise CancelledError("rendering cancelled")
        if canvas is None:
            canvas = _new_canvas(buffer, _title(content))
            doc = _Document(canvas)
        _draw_page(doc, content, signer)
        canvas.showPage()
        pages += 1
        if progress is not None:
            progress(pages)
    if cancelled is not None and cancelled():
        raise CancelledError("rendering cancelled")
    if canvas is None:
        return 0
    _save(canvas)
    out.write(buffer.getvalue())
    return pages


# --------------------------------------------------------------------------------------------
# Reading back

_OBJECT = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_REF = re.compile(rb"(\d+)\s+\d+\s+R")


def _objects(pdf: bytes) -> dict[int, tuple[int, int]]:
    """object number -> (start, end) of its body; the last definition wins (updates)."""
    starts = [(int(m.group(1)), m.end()) for m in _OBJECT.finditer(pdf)]
    found: dict[int, tuple[int, int]] = {}
    for number, start in starts:
        end = pdf.find(b"endobj", start)
        if end < 0:
            continue
        found[number] = (start, end)
    return found


def _dictionary_value(body: bytes, key: bytes) -> bytes | None:
    match = re.search(rb"/" + key + rb"(?![A-Za-z0-9])\s*(\[[^\]]*\]|\d+\s+\d+\s+R|/\w+)",
                      body)
    return match.group(1) if match else None


def _stream_data(pdf: bytes, span: tuple[int, int]) -> bytes | None:
    body = pdf[span[0]:span[1]]
    marker = re.search(rb"stream\r?\n", body)
    if marker is None:
        return None
    head = body[:marker.start()]
    data = body[marker.end():]
    end = data.rfind(b"endstream")
    if end >= 0:
        data = data[:end]
    filters = re.findall(rb"/(FlateDecode|ASCII85Decode|Fl|A85)\b",
                         _dictionary_value(head, b"Filter") or b"")
    for name in filters:
        if name in (b"ASCII85Decode", b"A85"):
            data = asciiBase85Decode(data.strip().decode("latin-1"))
            if isinstance(data, str):
                data = data.encode("latin-1")
        else:
            data = zlib.decompressobj().decompress(data.rstrip(b"\r\n") if False else data)
    return data


def _page_objects(pdf: bytes, objects: dict[int, tuple[int, int]]) -> list[int]:
    """The page objects in page order, by walking the page tree from the catalog."""
    def body(number: int) -> bytes:
        span = objects.get(number)
        return pdf[span[0]:span[1]] if span else b""

    catalog = next((n for n in objects if re.search(rb"/Type\s*/Catalog\b", body(n))), None)
    if catalog is None:
        return []
    root = _dictionary_value(body(catalog), b"Pages")
    if root is None:
        return []
    result: list[int] = []
    pending = [int(_REF.match(root).group(1))] if _REF.match(root) else []
    seen: set[int] = set()
    while pending:
        number = pending.pop(0)
        if number in seen:
            continue
        seen.add(number)
        text = body(number)
        if re.search(rb"/Type\s*/Pages\b", text):
            kids = _dictionary_value(text, b"Kids") or b""
            pending[0:0] = [int(m.group(1)) for m in _REF.finditer(kids)]
        elif re.search(rb"/Type\s*/Page\b", text):
            result.append(number)
    return result


def read_certificate_pages(pdf: bytes) -> list[PageEvidence]:
    """The verification evidence of every page of ``pdf`` that has a verification block, in
    page order. A file that is not one of our PDFs, or cannot be parsed, gives ``[]``."""
    try:
        return _read(pdf)
    except Exception:
        return []


def _read(pdf: bytes) -> list[PageEvidence]:
    if not pdf.startswith(b"%PDF"):
        return []
    objects = _objects(pdf)
    evidence: list[PageEvidence] = []
    for page_number, page in enumerate(_page_objects(pdf, objects), start=1):
        span = objects[page]
        contents = _dictionary_value(pdf[span[0]:span[1]], b"Contents")
        if contents is None:
            continue
        parts = []
        for ref in _REF.finditer(contents):
            stream_span = objects.get(int(ref.group(1)))
            data = _stream_data(pdf, stream_span) if stream_span else None
            if data is not None:
                parts.append(data)
        stream = b"\n".join(parts)
        begin = stream.find(b"\n" + BEGIN_MARK.encode() + b"\n")
        if begin < 0:
            continue
        hashed = stream[:begin + 1]
        block = stream[begin + 1:]
        end = block.find(END_MARK.encode())
        block = block[:end] if end >= 0 else block
        line = next((raw for raw in block.split(b"\n")
                     if raw.startswith(PAYLOAD_MARK.encode())), None)
        if line is None:
            continue
        parsed = parse_payload(line[len(PAYLOAD_MARK):].decode("ascii", "replace"))
        if parsed is None:
            continue
        serial, code, claimed, signature = parsed
        evidence.append(PageEvidence(page=page_number, serial=serial, code=code,
                                     claimed_hash=claimed, actual_hash=content_hash_of(hashed),
                                     signature=signature))
    return evidence


__all__ = [
    "CancelledError",
    "CertificateContent",
    "PageEvidence",
    "ParticipationContent",
    "PartnershipContent",
    "Party",
    "SignatureLine",
    "Signer",
    "Verification",
    "format_date",
    "format_hours",
    "parse_payload",
    "payload",
    "read_certificate_pages",
    "render_certificate",
    "render_certificates",
    "signed_message",
]
