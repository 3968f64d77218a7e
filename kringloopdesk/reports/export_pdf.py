"""The PDF exports of issue #7: the BKN Monitor and Cedris figure reports and the impact report.

:func:`write_pdf` takes an ``ExportData`` (services/exports.py: kind, period, shop name, factor
set, app version, the BKN and Cedris figures, the shop logo) and writes an A4 PDF; no Session,
no Qt. The file is written to a temporary name in the target folder first and renamed.

- ``bkn`` / ``cedris``: a title block (shop, period, factor set, app version) and one table per
  indicator, every row of the export: the categorie's Dutch label with its code in small print,
  the value with the fixed decimals of its unit and the unit; the definition under each table.
- ``impact``: the yearly impact report for gemeente, funders and the keurmerk audit — a cover
  with the shop's logo, name, period and the motto of Cedris and BKN; key figures; charts
  (kg per product group, bestemmingen, people per BKN group and per Cedris regeling, uitstroom
  reasons); both figure sets as tables; and a methodology section (factor set, the definition
  of every figure, the rounding rules).

The reports are Dutch, like the association exports themselves, so the texts live in this
module rather than in the ``_()`` catalogue. Numbers are written the Dutch way: thousands
separated by ".", decimal comma, with exactly the decimals of :func:`format_value` (the same
rounding as the CSV). Only aggregated figures are in ``ExportData``: no names, numbers or
notes of workers can reach the PDF.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String, Wedge
from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kringloopdesk.db.codes import (
    BESTEMMING,
    BKN_GROUPS,
    CEDRIS_REGELINGEN,
    CERTIFICATE_KINDS,
    OUTCOMES,
    REUSE_DESTINATIONS,
)
from kringloopdesk.i18n import _
from kringloopdesk.reports.certificate_art import draw_divider, draw_leaf
from kringloopdesk.reports.fonts import (
    SANS,
    SANS_BOLD,
    SANS_ITALIC,
    SANS_MEDIUM,
    SERIF,
    SERIF_BOLD,
    register_fonts,
)
from kringloopdesk.services.figures import (
    BKN_INDICATORS,
    CEDRIS_INDICATORS,
    DEFINITIONS,
    INDICATORS,
    METADATA,
    TOTAL,
    Figure,
    Period,
    format_value,
)
from kringloopdesk.services.progress import Progress

if TYPE_CHECKING:
    from kringloopdesk.services.exports import ExportData

# ---------------------------------------------------------------------------------------------
# House style (docs: ../shared/certificates.md): deep green, warm ochre, near-black ink.

GREEN = HexColor("#1f5f3a")
GREEN_DARK = HexColor("#163f28")
LIGHT_GREEN = HexColor("#e8f1eb")
PALE = HexColor("#f6f8f5")
OCHRE = HexColor("#b7862c")
LIGHT_OCHRE = HexColor("#f5ecd9")
INK = HexColor("#1f2421")
MUTED = HexColor("#5d625e")
RULE = HexColor("#c9d3cc")
MARGIN = 20 * mm
CONTENT_WIDTH = A4[0] - 2 * MARGIN

MOTTO = "Iedereen doet mee, alles krijgt een tweede kans."

# One colour per product group (as the dashboard charts), told apart in grey print too.
GROUP_COLORS = {
    "meubels": "#8d6a45",
    "textiel": "#c2577a",
    "witgoed": "#4f86b8",
    "klein_elektrisch": "#e0a22e",
    "ict_elektronica": "#6b5ca5",
    "kleingoed": "#3a9a8a",
    "boeken_media": "#a8493b",
    "speelgoed": "#e57a3c",
    "fietsen": "#5f8f37",
    "overig": "#9a968c",
}
BESTEMMING_COLORS = {
    "hergebruik": "#1f5f3a",
    "hergebruik_online": "#5f9a6e",
    "recycling": "#b7862c",
    "restafval": "#8a8d89",
    "export": "#4f86b8",
}
EXTRA_COLORS = ("#2f6f6a", "#b58bb5", "#7d7a3a", "#d06a6a", "#4a5f8c", "#c9a66b")

# The Dutch labels of the default product groups (seeded by the first migration; a shop may
# add its own groups, which are shown by their code).
PRODUCT_GROUP_LABELS = {
    "meubels": "Meubels",
    "textiel": "Textiel",
    "witgoed": "Witgoed",
    "klein_elektrisch": "Kleine huishoudelijke apparaten",
    "ict_elektronica": "Computers, beeld en geluid",
    "kleingoed": "Huisraad (kleingoed)",
    "boeken_media": "Boeken en platen",
    "speelgoed": "Speelgoed",
    "fietsen": "Fietsen",
    "overig": "Overig",
}

INDICATOR_TITLES = {
    "ingezameld_kg": "Ingezamelde goederen",
    "afgevoerd_kg": "Afgevoerde goederen",
    "hergebruik_pct": "Aandeel hergebruik",
    "recycling_pct": "Aandeel recycling",
    "restafval_pct": "Aandeel restafval",
    "export_pct": "Aandeel export",
    "co2_vermeden_kg": "Vermeden CO2-uitstoot",
    "medewerkers": "Medewerkers",
    "uren": "Gewerkte uren",
    "plaatsingen_gestart": "Gestarte plaatsingen",
    "plaatsingen_beeindigd": "Beëindigde plaatsingen",
    "uitstroom_betaald_werk_pct": "Uitstroom naar betaald werk",
    "certificaten_uitgegeven": "Uitgegeven certificaten",
    "elektra_getest": "Elektrische apparaten gekeurd",
    "elektra_goedgekeurd": "Elektrische apparaten goedgekeurd",
}
METADATA_TITLES = {
    "winkel": "Winkel",
    "periode_van": "Periode van",
    "periode_tot": "Periode tot en met",
    "co2_factorset": "CO2-factorset",
    "app_versie": "Versie KringloopDesk",
}
UNIT_LABELS = {"kg": "kg", "%": "%", "personen": "personen", "uur": "uur", "aantal": "aantal"}
KIND_TITLES = {
    "bkn": "BKN Monitor",
    "cedris": "Cedris-cijfers",
    "impact": "Impactrapport",
}
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)
NO_DATA = "geen gegevens"
# About how many pages each report has, for the progress bar only (a guess is enough).
EXPECTED_PAGES = {"bkn": 3, "cedris": 3, "impact": 8}

ROUNDING_RULES = (
    "Alle cijfers worden exact berekend (kg in hele grammen, uren in honderdsten) en pas bij "
    "het schrijven afgerond: half naar boven, met een vast aantal decimalen — kg 3, uren 2, "
    "percentages en CO2 1, aantallen als hele getallen. Een totaal is de afronding van de "
    "exacte som, niet de som van afgeronde regels; daardoor kan de som van de regels in een "
    "tabel een fractie van het totaal verschillen. Een percentage waarvan de noemer 0 is, is "
    "0,0. In dit rapport staan getallen op zijn Nederlands: duizendtallen gescheiden door een "
    "punt, decimalen na een komma. In de CSV-export staat dezelfde waarde zonder "
    "duizendtalscheiding."
)


# ---------------------------------------------------------------------------------------------
# Formatting


def dutch_number(text: str) -> str:
    """A number as :func:`format_value` writes it ("12345,678") with thousands dots added
    ("12.345,678"); any other text unchanged."""
    match = re.fullmatch(r"(-?)(\d+)((?:,\d+)?)", text)
    if match is None:
        return text
    sign, whole, fraction = match.groups()
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + fraction


def figure_text(figure: Figure) -> str:
    """The value of a figure with the fixed decimals of its unit, the Dutch way."""
    return dutch_number(format_value(figure))


def _whole(value: Decimal | int) -> str:
    """A number rounded half up to a whole number, with thousands dots (for key figures)."""
    rounded = Decimal(value).quantize(Decimal(1), rounding="ROUND_HALF_UP")
    return dutch_number(str(int(rounded)))


def _date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def period_text(period: Period) -> str:
    """"kalenderjaar 2025", "1 januari 2025 tot en met 30 juni 2025"."""
    if period.start == dt.date(period.start.year, 1, 1) and \
            period.end == dt.date(period.start.year, 12, 31):
        return f"kalenderjaar {period.start.year}"
    return f"{_date(period.start)} tot en met {_date(period.end)}"


def period_short(period: Period) -> str:
    if period.start == dt.date(period.start.year, 1, 1) and \
            period.end == dt.date(period.start.year, 12, 31):
        return str(period.start.year)
    return f"{_date(period.start)} – {_date(period.end)}"


def categorie_label(indicator: str, categorie: str) -> str:
    """The Dutch label of a categorie: a product group, bestemming, BKN group, Cedris
    regeling, uitstroom reason or certificate kind; ``a/b`` as "label a · label b"."""
    if categorie == TOTAL:
        return "Totaal"
    if "/" in categorie:
        first, _sep, second = categorie.partition("/")
        return f"{categorie_label(indicator, first)} · {categorie_label(indicator, second)}"
    for codes in (BESTEMMING, OUTCOMES, CERTIFICATE_KINDS):
        if indicator in ("afgevoerd_kg", "plaatsingen_beeindigd", "certificaten_uitgegeven") \
                and categorie in codes:
            return codes.label(categorie)
    if indicator in ("medewerkers", "uren"):
        for codes in (BKN_GROUPS, CEDRIS_REGELINGEN):
            if categorie in codes:
                return codes.label(categorie)
    return PRODUCT_GROUP_LABELS.get(categorie, categorie.replace("_", " ").capitalize())


def _people_label(section: str, categorie: str) -> str:
    codes = BKN_GROUPS if section == "bkn" else CEDRIS_REGELINGEN
    if categorie == TOTAL:
        return "Totaal"
    return codes.label(categorie) if categorie in codes else categorie


def _color(code: str, index: int, table: dict[str, str]) -> Color:
    return HexColor(table.get(code) or EXTRA_COLORS[index % len(EXTRA_COLORS)])


# ---------------------------------------------------------------------------------------------
# Styles and small building blocks


class _Styles:
    def __init__(self) -> None:
        self.title = ParagraphStyle("title", fontName=SERIF_BOLD, fontSize=24, leading=29,
                                    textColor=GREEN)
        self.subtitle = ParagraphStyle("subtitle", fontName=SANS_MEDIUM, fontSize=13,
                                       leading=17, textColor=INK)
        self.body = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=13.5,
                                   textColor=INK, spaceAfter=2 * mm)
        self.muted = ParagraphStyle("muted", fontName=SANS, fontSize=8.5, leading=11.5,
                                    textColor=MUTED)
        self.definition = ParagraphStyle("definition", fontName=SANS_ITALIC, fontSize=8,
                                         leading=10.5, textColor=MUTED, spaceBefore=1.5 * mm)
        self.h1 = ParagraphStyle("h1", fontName=SERIF_BOLD, fontSize=16, leading=20,
                                 textColor=GREEN, spaceBefore=2 * mm, spaceAfter=3 * mm,
                                 keepWithNext=1)
        self.h2 = ParagraphStyle("h2", fontName=SANS_BOLD, fontSize=11, leading=14,
                                 textColor=GREEN, spaceBefore=5 * mm, spaceAfter=1.5 * mm,
                                 keepWithNext=1)
        self.h3 = ParagraphStyle("h3", fontName=SANS_BOLD, fontSize=9.5, leading=12,
                                 textColor=INK, spaceBefore=2 * mm, spaceAfter=1 * mm,
                                 keepWithNext=1)
        self.cell = ParagraphStyle("cell", fontName=SANS, fontSize=8.5, leading=10.5,
                                   textColor=INK)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=SANS_BOLD)
        self.number = ParagraphStyle("number", parent=self.cell, alignment=2)
        self.number_bold = ParagraphStyle("number_bold", parent=self.number,
                                          fontName=SANS_BOLD)
        self.header = ParagraphStyle("header", parent=self.cell, fontName=SANS_BOLD,
                                     textColor=GREEN)
        self.header_number = ParagraphStyle("header_number", parent=self.header, alignment=2)
        self.meta_label = ParagraphStyle("meta_label", parent=self.cell, textColor=MUTED)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _co2(text: str) -> str:
    """Escaped text with CO2 set as CO₂ (the subscript drawn by the paragraph)."""
    return escape(text).replace("CO2", "CO<sub>2</sub>")


def _label_cell(label: str, code: str, styles: _Styles, *, bold: bool = False) -> Paragraph:
    """The categorie's label with its code in small print."""
    style = styles.cell_bold if bold else styles.cell
    small = f' <font size="6.5" color="#8a8f8b">{escape(code)}</font>' if code else ""
    return Paragraph(escape(label) + small, style)


def _table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A table style whose cell font is the embedded one (a Table's default is Helvetica,
    which would end up in the file unembedded, even when every cell is a Paragraph)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), SANS, 8.5), *commands])


def _grid_style(rows: int, total_rows: Iterable[int] = ()) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.35, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT_GREEN),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, GREEN),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.4),
    ]
    for row in total_rows:
        commands += [("LINEABOVE", (0, row), (-1, row), 0.8, GREEN),
                     ("BACKGROUND", (0, row), (-1, row), PALE)]
    return _table_style(commands)


# ---------------------------------------------------------------------------------------------
# Figure tables (the bkn and cedris reports; the impact report's appendix)


def _indicator_groups(figures: Sequence[Figure]) -> list[tuple[str, list[Figure]]]:
    """The figures by indicator, in the order of the export (metadata left out)."""
    groups: dict[str, list[Figure]] = {}
    for figure in figures:
        if figure.indicator in METADATA:
            continue
        groups.setdefault(figure.indicator, []).append(figure)
    return list(groups.items())


def _indicator_heading(indicator: str, rows: Sequence[Figure], styles: _Styles) -> Paragraph:
    title = INDICATOR_TITLES.get(indicator, indicator)
    unit = rows[0].eenheid if rows else ""
    return Paragraph(
        f"{_co2(title)} <font name=\"{SANS}\" size=\"7.5\" color=\"#8a8f8b\">"
        f"{escape(indicator)} · {escape(UNIT_LABELS.get(unit, unit))}</font>",
        styles.h2,
    )


def _list_table(indicator: str, rows: Sequence[Figure], styles: _Styles) -> Table:
    """Categorie (label + code), waarde, eenheid: every row of the indicator."""
    header = len(rows) > 1
    data: list[list[Any]] = [[_p("Categorie", styles.header), _p("Waarde", styles.header_number),
                              _p("Eenheid", styles.header)]] if header else []
    totals = []
    for figure in rows:
        total = figure.categorie == TOTAL
        if total:
            totals.append(len(data))
        data.append([
            _label_cell(categorie_label(indicator, figure.categorie), figure.categorie, styles,
                        bold=total),
            _p(figure_text(figure), styles.number_bold if total else styles.number),
            _p(UNIT_LABELS.get(figure.eenheid, figure.eenheid), styles.cell),
        ])
    table = Table(data, colWidths=[CONTENT_WIDTH - 62 * mm, 38 * mm, 24 * mm],
                  repeatRows=1 if header else 0, hAlign="LEFT")
    table.setStyle(_grid_style(len(data), totals) if header else _table_style([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, GREEN),
        ("LINEBELOW", (0, 0), (-1, 0), 0.35, RULE),
        ("BACKGROUND", (0, 0), (-1, -1), PALE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.4),
    ]))
    return table


def _matrix_table(rows: Sequence[Figure], styles: _Styles) -> Table | None:
    """``afgevoerd_kg`` per bestemming/productgroep as a grid: product groups down, bestemmingen
    across (the code of each cell is the row code and the column code joined by "/")."""
    pairs = [f for f in rows if "/" in f.categorie]
    if not pairs:
        return None
    columns: list[str] = []
    groups: list[str] = []
    cells: dict[tuple[str, str], Figure] = {}
    for figure in pairs:
        bestemming, _sep, group = figure.categorie.partition("/")
        if bestemming not in columns:
            columns.append(bestemming)
        if group not in groups:
            groups.append(group)
        cells[(group, bestemming)] = figure
    small = ParagraphStyle("matrix_header", parent=styles.header_number, fontSize=7.5,
                           leading=9)
    header: list[Any] = [_p("Productgroep", styles.header)]
    for code in columns:
        label = BESTEMMING.label(code) if code in BESTEMMING else code
        header.append(Paragraph(
            f"{escape(label)}<br/><font size=\"6\" color=\"#8a8f8b\">{escape(code)}/…</font>",
            small))
    data: list[list[Any]] = [header]
    number = ParagraphStyle("matrix_number", parent=styles.number, fontSize=7.5, leading=9)
    for group in groups:
        row: list[Any] = [_label_cell(PRODUCT_GROUP_LABELS.get(group, group), group, styles)]
        for code in columns:
            figure = cells.get((group, code))
            row.append(_p(figure_text(figure) if figure else "—", number))
        data.append(row)
    label_width = 46 * mm
    width = (CONTENT_WIDTH - label_width) / max(1, len(columns))
    table = Table(data, colWidths=[label_width] + [width] * len(columns), repeatRows=1,
                  hAlign="LEFT")
    table.setStyle(_grid_style(len(data)))
    return table


def _indicator_flowables(indicator: str, rows: Sequence[Figure], styles: _Styles) -> list[Any]:
    definition = Paragraph(_co2(DEFINITIONS.get(indicator, "")), styles.definition)
    heading = _indicator_heading(indicator, rows, styles)
    if indicator == "afgevoerd_kg":
        simple = [f for f in rows if "/" not in f.categorie]
        matrix = _matrix_table(rows, styles)
        story: list[Any] = [KeepTogether([heading, _list_table(indicator, simple, styles)])]
        if matrix is not None:
            story += [
                Spacer(1, 2.5 * mm),
                KeepTogether([
                    _p("Per bestemming en productgroep (kg)", styles.h3),
                    matrix,
                    definition,
                ]),
            ]
        else:
            story.append(definition)
        return story
    table = _list_table(indicator, rows, styles)
    if len(rows) <= 14:
        return [KeepTogether([heading, table, definition])]
    return [heading, table, definition]


def _figure_section(figures: Sequence[Figure], styles: _Styles) -> list[Any]:
    story: list[Any] = []
    for indicator, rows in _indicator_groups(figures):
        story += _indicator_flowables(indicator, rows, styles)
        story.append(Spacer(1, 2 * mm))
    return story


def _metadata_table(data: ExportData, styles: _Styles) -> Table:
    created = data.created_at
    if created.tzinfo is not None:
        created = created.astimezone()
    pairs = [
        ("Winkel", data.shop_name),
        ("Periode", f"{period_text(data.period)} ({data.period.start.isoformat()} tot en met "
                    f"{data.period.end.isoformat()})"),
        ("CO2-factorset", data.factor_set or "—"),
        ("Versie KringloopDesk", data.app_version),
        ("Gemaakt op", f"{_date(created.date())}, {created:%H:%M}"),
    ]
    rows = [[_p(label, styles.meta_label), Paragraph(_co2(value), styles.cell_bold)]
            for label, value in pairs]
    table = Table(rows, colWidths=[42 * mm, CONTENT_WIDTH - 42 * mm], hAlign="LEFT")
    table.setStyle(_table_style([
        ("LINEBELOW", (0, 0), (-1, -1), 0.35, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, GREEN),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table


# ---------------------------------------------------------------------------------------------
# Charts (reportlab.graphics)


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial font is the embedded one (ReportLab's default is Helvetica,
    which would end up in the file unembedded)."""
    return Drawing(width, height, initialFontName=SANS, initialFontSize=8.5)


def _no_data(_unused: Drawing, width: float, _height: float) -> Drawing:
    """A pale box saying "geen gegevens", the same size for every empty chart."""
    height = 16 * mm
    drawing = _drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=PALE, strokeColor=RULE, strokeWidth=0.5))
    drawing.add(String(width / 2, height / 2 - 4, NO_DATA, fontName=SANS_ITALIC, fontSize=10,
                       fillColor=MUTED, textAnchor="middle"))
    return drawing


def bar_chart(items: Sequence[tuple[str, Decimal | int, Color]], width: float,
              value_text: Callable[[Decimal | int], str], *, bar: float = 9.5,
              gap: float = 5.5, label_width: float | None = None) -> Drawing:
    """Horizontal bars: the label left, the bar, the value at its end. "geen gegevens" when
    every value is 0 (or there are none)."""
    height = max(len(items), 1) * (bar + gap) + gap
    drawing = _drawing(width, height)
    top = max((Decimal(v) for _l, v, _c in items), default=Decimal(0))
    if top <= 0:
        return _no_data(drawing, width, min(height, 30 * mm))
    if label_width is None:
        label_width = min(62 * mm, max(stringWidth(label, SANS, 8.5)
                                       for label, _v, _c in items) + 4 * mm)
    value_width = max(stringWidth(value_text(v), SANS_BOLD, 8.5) for _l, v, _c in items) \
        + 3 * mm
    span = width - label_width - value_width
    drawing.add(Line(label_width, 0, label_width, height, strokeColor=RULE, strokeWidth=0.6))
    y = height - gap - bar
    for label, value, color in items:
        length = float(Decimal(value) / top) * span
        drawing.add(String(label_width - 2.5 * mm, y + bar / 2 - 3, label, fontName=SANS,
                           fontSize=8.5, fillColor=INK, textAnchor="end"))
        if length > 0:
            drawing.add(Rect(label_width, y, max(length, 0.8), bar, fillColor=color,
                             strokeColor=None))
        drawing.add(String(label_width + length + 1.5 * mm, y + bar / 2 - 3, value_text(value),
                           fontName=SANS_BOLD, fontSize=8.5, fillColor=INK))
        y -= bar + gap
    return drawing


def share_chart(items: Sequence[tuple[str, Decimal, Color]], width: float,
                value_text: Callable[[Decimal], str]) -> Drawing:
    """A ring of shares with a legend beside it (label, share and value); "geen gegevens"
    when the total is 0."""
    height = 46 * mm
    drawing = _drawing(width, height)
    total = sum((Decimal(v) for _l, v, _c in items), Decimal(0))
    if total <= 0:
        return _no_data(drawing, width, 30 * mm)
    radius = 20 * mm
    cx, cy = radius + 2 * mm, height / 2
    angle = 90.0
    for _label, value, color in items:
        sweep = float(Decimal(value) / total) * 360
        if sweep <= 0:
            continue
        if sweep >= 359.99:
            drawing.add(Wedge(cx, cy, radius, 0, 359.99, radius1=radius * 0.55,
                              fillColor=color, strokeColor=white, strokeWidth=1))
        else:
            drawing.add(Wedge(cx, cy, radius, angle - sweep, angle, radius1=radius * 0.55,
                              fillColor=color, strokeColor=white, strokeWidth=1))
        angle -= sweep
    legend_x = cx + radius + 10 * mm
    step = 7 * mm
    y = cy + (len(items) - 1) * step / 2
    for label, value, color in items:
        share = Decimal(value) * 100 / total
        drawing.add(Rect(legend_x, y - 1, 3.2 * mm, 3.2 * mm, fillColor=color, strokeColor=None))
        drawing.add(String(legend_x + 5.5 * mm, y, label, fontName=SANS, fontSize=8.5,
                           fillColor=INK))
        pct = dutch_number(f"{share.quantize(Decimal('0.1'), rounding='ROUND_HALF_UP')}"
                           .replace(".", ","))
        drawing.add(String(width, y, f"{pct} %  ·  {value_text(value)}", fontName=SANS_BOLD,
                           fontSize=8.5, fillColor=INK, textAnchor="end"))
        y -= step
    return drawing


# ---------------------------------------------------------------------------------------------
# The impact report's pieces


class _Logo(Flowable):
    """The shop's logo, fitted in a box, centred; nothing when the image cannot be read."""

    def __init__(self, logo: bytes, max_width: float, max_height: float) -> None:
        super().__init__()
        self.reader = ImageReader(io.BytesIO(logo))
        width, height = self.reader.getSize()
        scale = min(max_width / width, max_height / height)
        self.draw_width, self.draw_height = width * scale, height * scale
        self.box_width = max_width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.box_width, self.draw_height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, (self.box_width - self.draw_width) / 2, 0,
                            self.draw_width, self.draw_height, mask="auto")


class _Divider(Flowable):
    """The certificates' seedling divider, centred."""

    def __init__(self, width: float, half_width: float = 28 * mm) -> None:
        super().__init__()
        self.box_width = width
        self.half_width = half_width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.box_width, 9 * mm

    def draw(self) -> None:
        draw_divider(self.canv, self.box_width / 2, 4.5 * mm, self.half_width, GREEN, OCHRE)


class _Tile(Flowable):
    """A key figure: a big number with its unit, a label and a small note."""

    def __init__(self, value: str, unit: str, label: str, note: str, width: float,
                 height: float = 31 * mm) -> None:
        super().__init__()
        self.value, self.unit, self.label, self.note = value, unit, label, note
        self.box_width, self.box_height = width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.box_width, self.box_height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(PALE)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.roundRect(0, 0, self.box_width, self.box_height, 2 * mm, stroke=1, fill=1)
        canvas.setFillColor(OCHRE)
        canvas.rect(0, self.box_height - 1.6 * mm, self.box_width, 1.6 * mm, stroke=0, fill=1)
        x = 4 * mm
        size = 21.0
        unit_size = 10.0
        inner = self.box_width - 8 * mm
        while size > 11 and stringWidth(self.value, SERIF_BOLD, size) + 1.5 * mm + \
                stringWidth(self.unit, SANS_MEDIUM, unit_size) > inner:
            size -= 1
        canvas.setFillColor(GREEN)
        canvas.setFont(SERIF_BOLD, size)
        baseline = self.box_height - 13 * mm
        canvas.drawString(x, baseline, self.value)
        canvas.setFont(SANS_MEDIUM, unit_size)
        canvas.drawString(x + stringWidth(self.value, SERIF_BOLD, size) + 1.5 * mm, baseline,
                          self.unit)
        canvas.setFillColor(INK)
        canvas.setFont(SANS_BOLD, 9)
        canvas.drawString(x, baseline - 6.5 * mm, self.label)
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS, 7.5)
        y = baseline - 11 * mm
        for line in _wrap(self.note, SANS, 7.5, inner)[:3]:
            canvas.drawString(x, y, line)
            y -= 9


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


class _Figures:
    """Look-ups in both figure sets."""

    def __init__(self, data: ExportData) -> None:
        self.bkn = {(f.indicator, f.categorie): f for f in data.bkn}
        self.cedris = {(f.indicator, f.categorie): f for f in data.cedris}

    def get(self, indicator: str, categorie: str = TOTAL, *,
            section: str | None = None) -> Figure | None:
        if section != "cedris" and (indicator, categorie) in self.bkn:
            return self.bkn[(indicator, categorie)]
        if section != "bkn":
            return self.cedris.get((indicator, categorie))
        return None

    def value(self, indicator: str, categorie: str = TOTAL, *,
              section: str | None = None) -> Decimal | int:
        figure = self.get(indicator, categorie, section=section)
        if figure is None or isinstance(figure.waarde, str):
            return 0
        return figure.waarde

    def rows(self, indicator: str, *, section: str) -> list[Figure]:
        source = self.bkn if section == "bkn" else self.cedris
        return [f for (ind, _c), f in source.items() if ind == indicator]


def _text(figure: Figure | None) -> str:
    return figure_text(figure) if figure is not None else "—"


def _tiles(figures: _Figures) -> Table:
    width = (CONTENT_WIDTH - 2 * 5 * mm) / 3
    ended = figures.get("plaatsingen_beeindigd", section="cedris")
    paid = figures.get("plaatsingen_beeindigd", "betaald_werk", section="cedris")
    reused_kg = sum((Decimal(figures.value("afgevoerd_kg", b, section="bkn"))
                     for b in REUSE_DESTINATIONS), Decimal(0))
    tiles = [
        _Tile(_whole(figures.value("ingezameld_kg", section="bkn")), "kg",
              "Goederen ingezameld",
              "Ingebracht door inwoners, ophaaldienst, ontruimingen en bedrijven.", width),
        _Tile(_text(figures.get("hergebruik_pct", section="bkn")), "%",
              "Kreeg een tweede leven",
              f"{_whole(reused_kg)} kg van het afgevoerde ging naar hergebruik, in de winkel "
              "of online.", width),
        _Tile(_whole(figures.value("co2_vermeden_kg", section="bkn")), "kg CO2-eq",
              "Uitstoot vermeden",
              "Door hergebruik hoeven deze spullen niet nieuw gemaakt te worden.", width),
        _Tile(_text(figures.get("medewerkers", section="bkn")), "mensen",
              "Aan het werk in de winkel",
              f"Van wie {_text(figures.get('medewerkers', section='cedris'))} via een "
              "regeling voor werk met ondersteuning.", width),
        _Tile(_whole(figures.value("uren", section="bkn")), "uur", "Samen gewerkt",
              "Uren in de winkel, de sorteerruimte, de werkplaats en op de weg.", width),
        _Tile(_text(figures.get("uitstroom_betaald_werk_pct", section="cedris")), "%",
              "Uitstroom naar betaald werk",
              f"{_text(paid)} van de {_text(ended)} beëindigde plaatsingen eindigden in "
              "betaald werk.", width),
    ]
    table = Table([tiles[:3], tiles[3:]], colWidths=[width + 5 * mm] * 2 + [width],
                  rowHeights=[31 * mm + 5 * mm, 31 * mm], hAlign="LEFT")
    table.setStyle(_table_style([
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def _kg(value: Decimal | int) -> str:
    return f"{_whole(value)} kg"


def _count(value: Decimal | int) -> str:
    return _whole(value)


def _hours(value: Decimal | int) -> str:
    return f"{_whole(value)} uur"


def _goods_charts(figures: _Figures, styles: _Styles) -> list[Any]:
    groups = [f for f in figures.rows("ingezameld_kg", section="bkn") if f.categorie != TOTAL]
    groups.sort(key=lambda f: -Decimal(f.waarde))
    group_items = [
        (categorie_label("ingezameld_kg", f.categorie), Decimal(f.waarde),
         _color(f.categorie, i, GROUP_COLORS))
        for i, f in enumerate(groups) if Decimal(f.waarde) > 0
    ]
    destinations = [f for f in figures.rows("afgevoerd_kg", section="bkn")
                    if f.categorie in BESTEMMING]
    destination_items = [
        (BESTEMMING.label(f.categorie), Decimal(f.waarde),
         _color(f.categorie, i, BESTEMMING_COLORS))
        for i, f in enumerate(destinations)
    ]
    intake = figures.get("ingezameld_kg", section="bkn")
    outflow = figures.get("afgevoerd_kg", section="bkn")
    return [
        _p("Goederen: wat binnenkwam en waar het heen ging", styles.h1),
        _p(
            f"De winkel zamelde in deze periode {_text(intake)} kg goederen in en voerde "
            f"{_text(outflow)} kg af. Hieronder de inbreng per productgroep en de "
            "bestemming van alles wat de winkel verliet.", styles.body),
        KeepTogether([_p("Ingezameld per productgroep (kg)", styles.h2),
                      bar_chart(group_items, CONTENT_WIDTH, _kg)]),
        KeepTogether([_p("Bestemming van de afgevoerde goederen", styles.h2),
                      share_chart(destination_items, CONTENT_WIDTH, _kg)]),
    ]


def _people_charts(figures: _Figures, styles: _Styles) -> list[Any]:
    def people(section: str, indicator: str = "medewerkers"
               ) -> list[tuple[str, Decimal | int, Color]]:
        rows = [f for f in figures.rows(indicator, section=section)
                if f.categorie != TOTAL]
        return [(_people_label(section, f.categorie), f.waarde,
                 GREEN if section == "bkn" else HexColor("#5f9a6e")) for f in rows]

    outcomes = [f for f in figures.rows("plaatsingen_beeindigd", section="cedris")
                if f.categorie != TOTAL]
    outcome_items = [
        (categorie_label("plaatsingen_beeindigd", f.categorie), f.waarde,
         OCHRE if f.categorie == "betaald_werk" else HexColor("#c9b48a"))
        for f in outcomes
    ]
    chart: dict[str, Any] = {"bar": 8, "gap": 4.5, "label_width": 58 * mm}
    started = figures.get("plaatsingen_gestart", section="cedris")
    ended = figures.get("plaatsingen_beeindigd", section="cedris")
    hours = figures.get("uren", section="bkn")
    return [
        _p("Mensen: werk dat telt", styles.h1),
        _p(
            f"In deze periode werkten {_text(figures.get('medewerkers', section='bkn'))} "
            f"mensen samen {_text(hours)} uur in de winkel. Er begonnen {_text(started)} "
            f"plaatsingen en er eindigden {_text(ended)}. De BKN Monitor telt iedereen naar "
            "BKN-groep, regulier personeel en vrijwilligers inbegrepen; Cedris telt alleen "
            "mensen met een regeling.", styles.body),
        KeepTogether([_p("Medewerkers per BKN-groep (personen)", styles.h2),
                      bar_chart(people("bkn"), CONTENT_WIDTH, _count, **chart)]),
        KeepTogether([_p("Gewerkte uren per BKN-groep (uur)", styles.h2),
                      bar_chart(people("bkn", "uren"), CONTENT_WIDTH, _hours, **chart)]),
        KeepTogether([_p("Medewerkers per Cedris-regeling (personen)", styles.h2),
                      bar_chart(people("cedris"), CONTENT_WIDTH, _count, **chart)]),
        KeepTogether([_p("Beëindigde plaatsingen naar uitstroomreden (aantal)", styles.h2),
                      bar_chart(outcome_items, CONTENT_WIDTH, _count, **chart)]),
    ]


def _methodology(data: ExportData, styles: _Styles) -> list[Any]:
    factor = data.factor_set or "—"
    code, _sep, version = factor.partition("@")
    sets = {
        "bkn_tno": (
            "de vuistregel van TNO die in de kringloopbranche wordt gebruikt: één ton "
            "hergebruikte goederen bespaart ongeveer één ton CO2-equivalent (1,0 kg CO2-eq "
            "per kg, voor elke productgroep)."
        ),
        "restart_wrap": (
            "een factor per productgroep uit de milieu-impactgegevens van The Restart Project "
            "(voetafdruk vóór gebruik per kg × verdringing 0,5) en WRAP Benefits of Reuse voor "
            "meubels."
        ),
    }
    meaning = sets.get(code, "een factorset die de winkel zelf heeft vastgelegd in "
                             "KringloopDesk, met een factor per productgroep.")
    story: list[Any] = [
        _p("Verantwoording en methode", styles.h1),
        _p("Bron en afbakening", styles.h2),
        _p(
            f"Alle cijfers komen uit de registratie van {data.shop_name} in KringloopDesk "
            f"(versie {data.app_version}) over {period_text(data.period)}; begin- en einddatum "
            "tellen mee. Het rapport bevat alleen opgetelde cijfers: geen namen, nummers, "
            "geboortedata of notities van medewerkers.", styles.body),
        _p("CO2-factorset", styles.h2),
        Paragraph(_co2(
            f"Vermeden CO2 is berekend met factorset {factor}"
            + (f" (code {code}, versie {version})" if version else "")
            + f": {meaning} Per productgroep geldt: hergebruikte kg (winkel en online) × de "
            "factor van de groep; een groep zonder factor telt als 0. Een factorset krijgt "
            "bij elke wijziging een nieuwe versie, zodat dit cijfer later precies na te "
            "rekenen is."), styles.body),
        _p("Afronding", styles.h2),
        _p(ROUNDING_RULES, styles.body),
        # No keepWithNext: the long table may start on this page and continue on the next.
        _p("Definities van de cijfers", ParagraphStyle("h2_free", parent=styles.h2,
                                                       keepWithNext=0)),
    ]
    indicators = [i for i in INDICATORS if i in DEFINITIONS]
    rows: list[list[Any]] = [[_p("Cijfer", styles.header), _p("Definitie", styles.header),
                              _p("Eenheid", styles.header)]]
    for indicator in indicators:
        unit = INDICATORS[indicator][0]
        sets_in = [name for name, members in (("BKN", BKN_INDICATORS),
                                              ("Cedris", CEDRIS_INDICATORS))
                   if indicator in members]
        rows.append([
            Paragraph(f"{_co2(INDICATOR_TITLES.get(indicator, indicator))}<br/>"
                      f"<font size=\"6.5\" color=\"#8a8f8b\">{escape(indicator)} · "
                      f"{' en '.join(sets_in)}</font>", styles.cell),
            Paragraph(_co2(DEFINITIONS[indicator]), styles.cell),
            _p(UNIT_LABELS.get(unit, unit), styles.cell),
        ])
    table = Table(rows, colWidths=[46 * mm, CONTENT_WIDTH - 66 * mm, 20 * mm], repeatRows=1,
                  hAlign="LEFT")
    style = _grid_style(len(rows))
    style.add("VALIGN", (0, 0), (-1, -1), "TOP")
    table.setStyle(style)
    story.append(table)
    return story


def _cover(data: ExportData, styles: _Styles) -> list[Any]:
    story: list[Any] = [Spacer(1, 22 * mm)]
    if data.shop_logo:
        try:
            story.append(_Logo(data.shop_logo, CONTENT_WIDTH, 38 * mm))
            story.append(Spacer(1, 12 * mm))
        except Exception:  # an unreadable logo leaves the cover without one
            story.append(Spacer(1, 20 * mm))
    else:
        story.append(Spacer(1, 30 * mm))
    centred = ParagraphStyle("cover_kicker", fontName=SANS_BOLD, fontSize=10.5, leading=14,
                             textColor=OCHRE, alignment=1)
    story += [
        Paragraph("I M P A C T R A P P O R T", centred),
        Spacer(1, 5 * mm),
        Paragraph(escape(data.shop_name), ParagraphStyle(
            "cover_shop", fontName=SERIF_BOLD, fontSize=30, leading=36, textColor=GREEN,
            alignment=1)),
        Spacer(1, 4 * mm),
        Paragraph(escape(period_text(data.period).capitalize()), ParagraphStyle(
            "cover_period", fontName=SANS_MEDIUM, fontSize=14, leading=18, textColor=INK,
            alignment=1)),
        Spacer(1, 10 * mm),
        _Divider(CONTENT_WIDTH),
        Spacer(1, 6 * mm),
        Paragraph(f"“{escape(MOTTO)}”", ParagraphStyle(
            "cover_motto", fontName=SERIF, fontSize=15, leading=21, textColor=INK,
            alignment=1)),
        Spacer(1, 3 * mm),
        Paragraph("De gedeelde missie van Cedris en Branchevereniging Kringloop Nederland",
                  ParagraphStyle("cover_source", fontName=SANS_ITALIC, fontSize=9,
                                 leading=12, textColor=MUTED, alignment=1)),
        NextPageTemplate("body"),
        PageBreak(),
    ]
    return story


def _impact_story(data: ExportData, styles: _Styles) -> list[Any]:
    figures = _Figures(data)
    story = _cover(data, styles)
    story += [
        _p("Kerncijfers", styles.h1),
        _p(
            f"{data.shop_name} geeft spullen een tweede leven en mensen een plek om te werken, "
            f"te leren en mee te doen. Dit rapport laat zien wat dat in "
            f"{period_text(data.period)} opleverde — voor het milieu en voor de mensen die er "
            "werken. De cijfers zijn dezelfde als in de BKN Monitor en de Cedris-export.",
            styles.body),
        Spacer(1, 2 * mm),
        _tiles(figures),
        Spacer(1, 4 * mm),
    ]
    story += _goods_charts(figures, styles)
    story.append(PageBreak())
    story += _people_charts(figures, styles)
    story.append(PageBreak())
    story += [
        _p("Alle cijfers: BKN Monitor", styles.h1),
        _p("Dezelfde cijfers als in de BKN Monitor-export, elke regel met de code uit het "
           "bestand in kleine letters.", styles.muted),
        *_figure_section(data.bkn, styles),
        PageBreak(),
        _p("Alle cijfers: Cedris", styles.h1),
        _p("Dezelfde cijfers als in de Cedris-export; regulier personeel telt hier niet mee.",
           styles.muted),
        *_figure_section(data.cedris, styles),
        PageBreak(),
        *_methodology(data, styles),
    ]
    return story


def _table_story(data: ExportData, styles: _Styles) -> list[Any]:
    figures = data.bkn if data.kind == "bkn" else data.cedris
    title = KIND_TITLES[data.kind]
    intro = (
        "De cijfers voor de BKN Monitor van Branchevereniging Kringloop Nederland: goederen, "
        "hergebruik, vermeden CO2, medewerkers en uren per BKN-groep en gekeurde elektrische "
        "apparaten."
        if data.kind == "bkn" else
        "De cijfers voor Cedris, de vereniging voor een inclusieve arbeidsmarkt: medewerkers "
        "en uren per regeling, plaatsingen, uitstroom en certificaten. Regulier personeel telt "
        "niet mee."
    )
    story: list[Any] = [
        Paragraph(escape(f"{title} {period_short(data.period)}"), styles.title),
        Spacer(1, 2 * mm),
        _p(data.shop_name, styles.subtitle),
        Spacer(1, 4 * mm),
        _metadata_table(data, styles),
        Spacer(1, 3 * mm),
        Paragraph(_co2(intro) + " Alleen opgetelde cijfers, geen persoonsgegevens. Afronding: "
                  "half naar boven, kg 3 decimalen, uren 2, percentages en CO2 1, aantallen "
                  "heel.", styles.muted),
        Spacer(1, 2 * mm),
    ]
    return story + _figure_section(figures, styles)


# ---------------------------------------------------------------------------------------------
# Pages


def _numbered_canvas(footer: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Draws the footer with "Pagina x van y" once the number of pages is known; the
        cover (page 1 of the impact report) gets none."""

        skip_first = False

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # The embedded font from the first page on: no Helvetica in the file at all.
            if not kwargs.get("initialFontName"):
                kwargs["initialFontName"] = SANS
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if not (self.skip_first and self._pageNumber == 1):
                    self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _height = A4
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, 14 * mm, width - MARGIN, 14 * mm)
            draw_leaf(self, MARGIN + 1.2 * mm, 10.8 * mm, 2.6 * mm, GREEN, OCHRE)
            self.setFont(SANS, 7.5)
            self.setFillColor(MUTED)
            self.drawString(MARGIN + 4 * mm, 10 * mm, footer)
            self.drawRightString(width - MARGIN, 10 * mm,
                                 f"Pagina {self._pageNumber} van {total}")
            self.restoreState()

    return NumberedCanvas


def _cover_page(canvas: Canvas, _doc: Any) -> None:
    """The cover's frame: a deep green band at the foot with the motto's colours."""
    width, height = A4
    canvas.saveState()
    canvas.setFillColor(GREEN)
    canvas.rect(0, 0, width, 36 * mm, stroke=0, fill=1)
    canvas.setFillColor(OCHRE)
    canvas.rect(0, 36 * mm, width, 2.2 * mm, stroke=0, fill=1)
    canvas.setFillColor(LIGHT_GREEN)
    canvas.setFont(SANS, 8.5)
    canvas.drawString(MARGIN, 16 * mm, "Gemaakt met KringloopDesk · alleen opgetelde cijfers, "
                                       "geen persoonsgegevens")
    canvas.setFillColor(white)
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawString(MARGIN, 22 * mm, "Mensen én materialen een nieuwe kans")
    draw_leaf(canvas, width - MARGIN - 6 * mm, 21 * mm, 9 * mm, LIGHT_GREEN, OCHRE)
    canvas.setStrokeColor(GREEN)
    canvas.setLineWidth(1.1)
    canvas.line(MARGIN, height - 14 * mm, width - MARGIN, height - 14 * mm)
    canvas.restoreState()


def _body_page(canvas: Canvas, doc: Any) -> None:
    width, height = A4
    canvas.saveState()
    canvas.setFillColor(GREEN)
    canvas.rect(0, height - 5 * mm, width, 5 * mm, stroke=0, fill=1)
    canvas.setFillColor(OCHRE)
    canvas.rect(0, height - 5.8 * mm, width, 0.8 * mm, stroke=0, fill=1)
    canvas.restoreState()


def write_pdf(data: ExportData, path: Path, *, progress: Progress | None = None) -> Path:
    """Write the ``bkn``, ``cedris`` or ``impact`` PDF of ``data`` to ``path``: to a temporary
    file in the target folder first, then renamed over ``path``. Returns ``path``.

    ``progress`` hears after every page and may cancel there; then the ``.part`` file is
    removed and nothing is left."""
    if data.kind not in KIND_TITLES:
        raise ValueError(f"unknown export kind {data.kind!r}")
    progress = Progress.ensure(progress)
    progress.step(0, 1, _("PDF opmaken…"))
    register_fonts()
    path = Path(path)
    styles = _Styles()
    title = f"{KIND_TITLES[data.kind]} {period_short(data.period)} – {data.shop_name}"
    frame = Frame(MARGIN, 20 * mm, CONTENT_WIDTH, A4[1] - 20 * mm - 16 * mm, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    if data.kind == "impact":
        templates = [
            PageTemplate("cover", frames=[Frame(MARGIN, 42 * mm, CONTENT_WIDTH,
                                                A4[1] - 42 * mm - 18 * mm, id="cover",
                                                leftPadding=0, rightPadding=0, topPadding=0,
                                                bottomPadding=0)],
                         onPage=_cover_page),
            PageTemplate("body", frames=[frame], onPage=_body_page),
        ]
        story = _impact_story(data, styles)
    else:
        templates = [PageTemplate("body", frames=[frame], onPage=_body_page)]
        story = _table_story(data, styles)
    footer = f"{data.shop_name} · {KIND_TITLES[data.kind]} {period_short(data.period)}"
    canvas_class = _numbered_canvas(footer)
    canvas_class.skip_first = data.kind == "impact"

    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                         dir=path.parent)
    os.close(handle)
    partial = Path(temporary)
    try:
        doc = BaseDocTemplate(
            str(partial), pagesize=A4, pageTemplates=templates, title=title,
            author=data.shop_name, subject=period_text(data.period), creator="KringloopDesk",
            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=16 * mm, bottomMargin=20 * mm,
            initialFontName=SANS, initialFontSize=9,
        )
        pages = {"done": 0}
        expected = EXPECTED_PAGES.get(data.kind, 4)

        def page_done() -> None:
            pages["done"] += 1
            progress.step(min(pages["done"], expected), expected + 1)

        doc.afterPage = page_done  # ReportLab calls it after each page
        doc.build(story, canvasmaker=canvas_class)
        progress.check()
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


__all__ = [
    "bar_chart",
    "categorie_label",
    "dutch_number",
    "figure_text",
    "period_text",
    "share_chart",
    "write_pdf",
]
