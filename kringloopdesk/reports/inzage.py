"""The inzage export as a readable A4 PDF: everything stored about one person.

Takes the data of :func:`kringloopdesk.services.privacy.inzage_export` (no Session here) and
lays it out in sections with tables: personal details, support at work, each placement with
its goals, progress notes, werkprocessen, hours per month and certificates, and the audit
log about the person. Embedded fonts, so every accent renders; page numbers "Pagina x van y".
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kringloopdesk.db.codes import AUDIT_ACTIONS
from kringloopdesk.i18n import _, current_language
from kringloopdesk.reports.fonts import SANS, SANS_BOLD, SERIF_BOLD, register_fonts

GREEN = HexColor("#1f5f3a")
LIGHT_GREEN = HexColor("#e8f1eb")
INK = HexColor("#1d1d1b")
MUTED = HexColor("#5b5b57")
RULE = HexColor("#c9d3cc")
MARGIN = 20 * mm
CONTENT_WIDTH = A4[0] - 2 * MARGIN


# ---------------------------------------------------------------------------------------------
# Formatting


def _date(value: str | None) -> str:
    if not value:
        return "—"
    return dt.date.fromisoformat(value[:10]).strftime("%d-%m-%Y")


def _moment(value: str | None) -> str:
    if not value:
        return "—"
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d-%m-%Y %H:%M")


def _hours(value: str | Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{Decimal(value):.2f}".replace(".", ",")


def _text(value: object) -> str:
    if value is None or value == "":
        return "—"
    return str(value)


def _month_names() -> tuple[str, ...]:
    return (
        _("januari"), _("februari"), _("maart"), _("april"), _("mei"), _("juni"), _("juli"),
        _("augustus"), _("september"), _("oktober"), _("november"), _("december"),
    )


def _field_labels() -> dict[str, str]:
    """Dutch names for the field names in the audit log."""
    return {
        "number": _("nummer"),
        "first_name": _("voornaam"),
        "last_name": _("achternaam"),
        "birth_date": _("geboortedatum"),
        "email": _("e-mail"),
        "phone": _("telefoon"),
        "street": _("straat"),
        "postcode": _("postcode"),
        "city": _("plaats"),
        "doelgroep": _("doelgroep"),
        "referrer": _("verwijzer"),
        "referrer_contact": _("contactpersoon verwijzer"),
        "start_date": _("startdatum"),
        "end_date": _("einddatum"),
        "planned_end_date": _("geplande einddatum"),
        "status": _("status"),
        "support_need": _("ondersteuningsvraag"),
        "work_adjustments": _("werkaanpassingen"),
        "progress_notes": _("voortgangsnotities"),
        "goal_descriptions": _("omschrijvingen van doelen"),
        "worker": _("medewerker"),
        "department": _("afdeling"),
        "hours_per_week": _("uren per week"),
        "partner": _("partnerorganisatie"),
        "coach": _("begeleider"),
        "outcome": _("uitstroom"),
        "placement": _("plaatsing"),
        "note_date": _("datum"),
        "author": _("auteur"),
        "text": _("tekst"),
        "entry_date": _("datum"),
        "hours": _("uren"),
    }


def _entity_labels() -> dict[str, str]:
    return {
        "workers": _("Medewerker"),
        "placements": _("Plaatsing"),
        "goals": _("Ontwikkeldoel"),
        "progress_notes": _("Voortgangsnotitie"),
        "hour_entries": _("Uren"),
        "certificates": _("Certificaat"),
    }


# ---------------------------------------------------------------------------------------------
# Layout


class _Styles:
    def __init__(self) -> None:
        self.title = ParagraphStyle("title", fontName=SERIF_BOLD, fontSize=22, leading=27,
                                    textColor=GREEN, spaceAfter=4 * mm)
        self.subtitle = ParagraphStyle("subtitle", fontName=SANS, fontSize=12, leading=16,
                                       textColor=INK)
        self.muted = ParagraphStyle("muted", fontName=SANS, fontSize=9, leading=12,
                                    textColor=MUTED)
        self.body = ParagraphStyle("body", fontName=SANS, fontSize=10, leading=14,
                                   textColor=INK, spaceAfter=2 * mm)
        self.h1 = ParagraphStyle("h1", fontName=SANS_BOLD, fontSize=14, leading=18,
                                 textColor=GREEN, spaceBefore=7 * mm, spaceAfter=3 * mm,
                                 keepWithNext=1)
        self.h2 = ParagraphStyle("h2", fontName=SANS_BOLD, fontSize=11.5, leading=15,
                                 textColor=INK, spaceBefore=5 * mm, spaceAfter=2 * mm,
                                 keepWithNext=1)
        self.h3 = ParagraphStyle("h3", fontName=SANS_BOLD, fontSize=10, leading=13,
                                 textColor=GREEN, spaceBefore=3 * mm, spaceAfter=1.5 * mm,
                                 keepWithNext=1)
        self.cell = ParagraphStyle("cell", fontName=SANS, fontSize=9, leading=11.5,
                                   textColor=INK)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=SANS_BOLD)
        self.header = ParagraphStyle("header", parent=self.cell, fontName=SANS_BOLD,
                                     textColor=GREEN)


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(_text(text)).replace("\n", "<br/>"), style)


def _table(
    rows: list[list[object]], widths: list[float], styles: _Styles, *, header: bool = True
) -> Table:
    """A table of wrapped paragraphs; the first row is the header when ``header``."""
    data = [
        [
            _p(cell, styles.header if header and index == 0 else styles.cell)
            for cell in row
        ]
        for index, row in enumerate(rows)
    ]
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), LIGHT_GREEN),
                     ("LINEBELOW", (0, 0), (-1, 0), 0.8, GREEN)]
    table.setStyle(TableStyle(commands))
    return table


def _pairs(pairs: list[tuple[str, object]], styles: _Styles) -> Table:
    """Label and value side by side."""
    data = [[_p(label, styles.cell_bold), _p(value, styles.cell)] for label, value in pairs]
    table = Table(data, colWidths=[52 * mm, CONTENT_WIDTH - 52 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _with_label(code: object, label: object) -> str:
    """The label users know; the code where there is no label."""
    if code is None:
        return "—"
    return str(label or code)


def _none_recorded(styles: _Styles) -> Paragraph:
    return _p(_("Niets vastgelegd."), styles.muted)


def _placement_flowables(placement: dict[str, Any], number: int, styles: _Styles) -> list[Any]:
    end = _date(placement["end_date"]) if placement["end_date"] else _("loopt nog")
    story: list[Any] = [
        _p(_("Plaatsing {n}: {department}, {start} tot en met {end}", n=number,
             department=placement["department_label"], start=_date(placement["start_date"]),
             end=end), styles.h2),
        _pairs([
            (_("Afdeling"), _with_label(placement["department"], placement["department_label"])),
            (_("Partnerorganisatie"), placement["partner"]),
            (_("Begeleider"), placement["coach"]),
            (_("Startdatum"), _date(placement["start_date"])),
            (_("Geplande einddatum"), _date(placement["planned_end_date"])),
            (_("Einddatum"), _date(placement["end_date"])),
            (_("Uren per week"), _hours(placement["hours_per_week"])),
            (_("Status"), _with_label(placement["status"], placement["status_label"])),
            (_("Uitstroom"), _with_label(placement["outcome"], placement["outcome_label"])),
            (_("Vastgelegd op"), _moment(placement["created_at"])),
            (_("Laatst gewijzigd"), _("{moment} door {user}",
                                      moment=_moment(placement["updated_at"]),
                                      user=_text(placement["updated_by"]))),
        ], styles),
    ]

    story.append(_p(_("Ontwikkeldoelen"), styles.h3))
    if placement["goals"]:
        story.append(_table(
            [[_("Doel"), _("Streefdatum"), _("Status")]]
            + [[g["description"], _date(g["target_date"]),
                _with_label(g["status"], g["status_label"])] for g in placement["goals"]],
            [CONTENT_WIDTH - 60 * mm, 25 * mm, 35 * mm], styles,
        ))
    else:
        story.append(_none_recorded(styles))

    story.append(_p(_("Voortgangsnotities (gevoelig)"), styles.h3))
    if placement["progress_notes"]:
        story.append(_table(
            [[_("Datum"), _("Auteur"), _("Notitie")]]
            + [[_date(n["date"]), n["author"], n["text"]] for n in placement["progress_notes"]],
            [22 * mm, 38 * mm, CONTENT_WIDTH - 60 * mm], styles,
        ))
    else:
        story.append(_none_recorded(styles))

    story.append(_p(_("Werkprocessen"), styles.h3))
    if placement["skills"]:
        story.append(_p("\n".join(f"• {name}" for name in placement["skills"]), styles.body))
    else:
        story.append(_none_recorded(styles))

    story.append(_p(_("Gewerkte uren"), styles.h3))
    if placement["hours"]:
        months: dict[tuple[int, int], list[dict[str, str]]] = defaultdict(list)
        for entry in placement["hours"]:
            day = dt.date.fromisoformat(entry["date"])
            months[(day.year, day.month)].append(entry)
        names = _month_names()
        rows: list[list[object]] = [[_("Maand"), _("Uren"), _("Per dag")]]
        for (year, month), entries in sorted(months.items()):
            total = sum((Decimal(e["hours"]) for e in entries), Decimal(0))
            days = "  ·  ".join(
                f"{dt.date.fromisoformat(e['date']).strftime('%d-%m')}: {_hours(e['hours'])}"
                for e in entries
            )
            rows.append([f"{names[month - 1]} {year}", _hours(total), days])
        rows.append([_("Totaal"), _hours(placement["hours_total"]), ""])
        story.append(_table(rows, [30 * mm, 18 * mm, CONTENT_WIDTH - 48 * mm], styles))
    else:
        story.append(_none_recorded(styles))

    if placement["certificates"]:
        story.append(_p(_("Certificaten"), styles.h3))
        story.append(_table(
            [[_("Serienummer"), _("Soort"), _("Uitgegeven"), _("Controlecode"), _("Ingetrokken")]]
            + [[c["serial"], c["kind_label"],
                _("{moment} door {user}", moment=_moment(c["issued_at"]),
                  user=_text(c["issued_by"])),
                c["verification_code"],
                (f"{_moment(c['revoked_at'])}: {c['revoke_reason']}" if c["revoked_at"]
                 else "—")]
               for c in placement["certificates"]],
            [30 * mm, 30 * mm, 45 * mm, 25 * mm, CONTENT_WIDTH - 130 * mm], styles,
        ))
    return story


def _story(data: dict[str, Any], shop_name: str, styles: _Styles) -> list[Flowable]:
    worker = data["worker"]
    name = f"{worker['first_name']} {worker['last_name']}".strip()
    story: list[Any] = [
        _p(_("Inzage persoonsgegevens"), styles.title),
        _p(f"{name} ({worker['number']})", styles.subtitle),
        _p(shop_name, styles.subtitle),
        Spacer(1, 2 * mm),
        _p(_("Gemaakt op {moment} door {user}", moment=_moment(data["created_at"]),
             user=_text(data["created_by"])), styles.muted),
        Spacer(1, 4 * mm),
        _p(_(
            "Dit overzicht bevat alle gegevens die {shop} over u heeft vastgelegd in "
            "KringloopDesk, ook de gevoelige gegevens over uw ondersteuning op het werk en de "
            "voortgangsnotities, en wie wanneer iets aan uw gegevens heeft veranderd. Klopt er "
            "iets niet, of wilt u dat gegevens worden verwijderd? Neem dan contact op met "
            "{shop}.", shop=shop_name), styles.body),
        _p(_("Persoonsgegevens"), styles.h1),
        _pairs([
            (_("Nummer"), worker["number"]),
            (_("Voornaam"), worker["first_name"]),
            (_("Achternaam"), worker["last_name"]),
            (_("Geboortedatum"), _date(worker["birth_date"])),
            (_("E-mail"), worker["email"]),
            (_("Telefoon"), worker["phone"]),
            (_("Adres"), "\n".join(
                part for part in (
                    worker["street"],
                    " ".join(p for p in (worker["postcode"], worker["city"]) if p),
                ) if part
            )),
            (_("Doelgroep"), _with_label(worker["doelgroep"], worker["doelgroep_label"])),
            (_("Verwijzer"), worker["referrer"]),
            (_("Contactpersoon verwijzer"), worker["referrer_contact"]),
            (_("Startdatum"), _date(worker["start_date"])),
            (_("Einddatum"), _date(worker["end_date"])),
            (_("Status"), _with_label(worker["status"], worker["status_label"])),
            (_("Geanonimiseerd op"), _date(worker["anonymised_at"])),
            (_("Vastgelegd op"), _moment(worker["created_at"])),
            (_("Laatst gewijzigd"), _("{moment} door {user}", moment=_moment(
                worker["updated_at"]), user=_text(worker["updated_by"]))),
        ], styles),
        _p(_("Ondersteuning op het werk (gevoelig)"), styles.h1),
        _p(_("Ondersteuningsvraag"), styles.h3),
        _p(worker["support_need"] or _("Niets vastgelegd."), styles.body),
        _p(_("Werkaanpassingen"), styles.h3),
        _p(worker["work_adjustments"] or _("Niets vastgelegd."), styles.body),
    ]
    heading: list[Any] = [_p(_("Plaatsingen"), styles.h1)]
    if not data["placements"]:
        story += [*heading, _none_recorded(styles)]
    for number, placement in enumerate(data["placements"], start=1):
        flowables = _placement_flowables(placement, number, styles)
        # A placement's heading and its details stay on one page (the first with the
        # section heading).
        story.append(KeepTogether([*heading, *flowables[:2]]))
        story += flowables[2:]
        heading = []

    story.append(_p(_("Logboek: wie heeft wanneer iets vastgelegd of gewijzigd"), styles.h1))
    story.append(_p(_(
        "Het logboek noemt welke gegevens zijn veranderd, nooit de inhoud ervan."), styles.muted))
    if data["audit"]:
        fields = _field_labels()
        entities = _entity_labels()
        language = current_language()
        rows: list[list[object]] = [[_("Moment"), _("Gebruiker"), _("Actie"), _("Gegeven"),
                                     _("Velden")]]
        for entry in data["audit"]:
            action = entry["action"]
            rows.append([
                _moment(entry["at"]),
                entry["user"],
                AUDIT_ACTIONS.label(action, language) if action in AUDIT_ACTIONS else action,
                f"{entities.get(entry['entity'], entry['entity'])} #{entry['entity_id']}",
                ", ".join(fields.get(f, f) for f in entry["fields"]),
            ])
        story.append(_table(rows, [30 * mm, 26 * mm, 24 * mm, 38 * mm,
                                   CONTENT_WIDTH - 118 * mm], styles))
    else:
        story.append(_none_recorded(styles))
    return story


def _numbered_canvas(shop_name: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Draws "Pagina x van y" once the number of pages is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _height = A4
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, 14 * mm, width - MARGIN, 14 * mm)
            self.setFont(SANS, 8)
            self.setFillColor(MUTED)
            self.drawString(MARGIN, 10 * mm,
                            _("{shop} · inzage persoonsgegevens · vertrouwelijk", shop=shop_name))
            self.drawRightString(width - MARGIN, 10 * mm,
                                 _("Pagina {page} van {pages}", page=self._pageNumber,
                                   pages=total))
            self.restoreState()

    return NumberedCanvas


def write_inzage_pdf(data: dict[str, Any], path: Path, shop_name: str) -> Path:
    """Write the inzage export as an A4 PDF; to a temporary name first, then renamed."""
    register_fonts()
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    worker = data["worker"]
    doc = SimpleDocTemplate(
        str(partial),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=18 * mm,
        bottomMargin=22 * mm,
        title=_("Inzage persoonsgegevens {number}", number=worker["number"]),
        author=shop_name,
        creator="KringloopDesk",
    )
    try:
        doc.build(_story(data, shop_name, _Styles()), canvasmaker=_numbered_canvas(shop_name))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path
