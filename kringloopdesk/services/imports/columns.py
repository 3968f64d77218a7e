"""The columns of the four import files (domain.md, "File formats"), and the template built
from them: what each column holds, an example, and the codes the shop's database allows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from kringloopdesk.db.codes import BESTEMMING, DIRECTIONS, HERKOMST, OUTCOMES, CodeList
from kringloopdesk.i18n import _, current_language
from kringloopdesk.services import reference

KINDS = ("workers", "placements", "hours", "flows")


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    required: bool = False


def _spec(*names: str) -> tuple[ColumnSpec, ...]:
    """Column names; a leading ``*`` marks a required column."""
    return tuple(ColumnSpec(n.lstrip("*"), n.startswith("*")) for n in names)


SPECS: dict[str, tuple[ColumnSpec, ...]] = {
    "workers": _spec(
        "*nummer", "*voornaam", "*achternaam", "geboortedatum", "*doelgroep", "verwijzer",
        "email", "telefoon", "*startdatum", "einddatum", "ondersteuningsvraag",
        "werkaanpassingen",
    ),
    "placements": _spec(
        "*nummer", "*afdeling", "partner", "*startdatum", "geplande_einddatum", "einddatum",
        "*uren_per_week", "uitstroom",
    ),
    "hours": _spec("*nummer", "*datum", "*uren"),
    "flows": _spec("*datum", "*richting", "*productgroep", "*kg", "*herkomst_bestemming",
                   "opmerking"),
}

# The database table each file fills (the audit entry's entity).
ENTITIES = {
    "workers": "workers",
    "placements": "placements",
    "hours": "hour_entries",
    "flows": "goods_flows",
}


def kind_label(kind: str) -> str:
    return {
        "workers": _("medewerkers"),
        "placements": _("plaatsingen"),
        "hours": _("uren"),
        "flows": _("goederenstromen"),
    }[kind]


# ---------------------------------------------------------------------------------------------
# Templates


@dataclass(frozen=True)
class TemplateColumn:
    name: str
    required: bool
    explanation: str
    # str, Decimal, date or None; written as a real date or number cell in XLSX.
    example: str | Decimal | dt.date | None
    # (code, label) pairs the column accepts, from the database or the fixed code lists.
    allowed: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ImportTemplate:
    kind: str
    # The data sheet's name (Dutch, short) and the explanation's title.
    sheet: str
    title: str
    columns: tuple[TemplateColumn, ...]
    notes: tuple[str, ...]


def _pairs(items: list[reference.CodeItem]) -> tuple[tuple[str, str], ...]:
    language = current_language()
    return tuple((item.code, item.label(language)) for item in items)


def _fixed(codes: CodeList) -> tuple[tuple[str, str], ...]:
    language = current_language()
    return tuple((c, codes.label(c, language)) for c in codes)


def _example(pairs: tuple[tuple[str, str], ...], preferred: str) -> str | None:
    codes = [code for code, _label in pairs]
    if preferred in codes:
        return preferred
    return codes[0] if codes else None


EXAMPLE_NUMBER = "D-0042"


def template(session: Session, kind: str) -> ImportTemplate:
    """Columns, explanations, an example row and the allowed codes of one import file.

    The example rows of the four files belong together: importing the four templates
    unchanged, in the order workers, placements, hours, flows, succeeds in a shop that has
    no worker D-0042 yet.
    """
    if kind not in SPECS:
        raise ValueError(kind)
    date_text = _("Datum: dd-mm-jjjj (31-03-2025) of jjjj-mm-dd (2025-03-31), of een datumcel.")
    if kind == "workers":
        doelgroepen = _pairs(reference.doelgroepen(session))
        explanations = {
            "nummer": (_("Uw eigen deelnemernummer, uniek; een nummer dat al bestaat is een "
                         "fout (wijzig bestaande medewerkers in het programma)."), EXAMPLE_NUMBER),
            "voornaam": (_("Voornaam."), "Sanne"),
            "achternaam": (_("Achternaam met tussenvoegsel."), "de Vries"),
            "geboortedatum": (date_text, dt.date(1998, 5, 14)),
            "doelgroep": (_("Code van de doelgroep."), _example(doelgroepen, "participatiewet")),
            "verwijzer": (_("Verwijzende organisatie (vrije tekst)."), "Gemeente Amersfoort"),
            "email": (_("E-mailadres."), "sanne.devries@example.org"),
            "telefoon": (_("Nederlands telefoonnummer: 10 cijfers die met 0 beginnen, of +31 "
                           "en 9 cijfers."), "06-12345678"),
            "startdatum": (date_text, dt.date(2025, 3, 3)),
            "einddatum": (date_text + " " + _("Op of na de startdatum."), None),
            "ondersteuningsvraag": (
                _("Wat iemand op het werk wel en niet kan, in werktermen; nooit een diagnose. "
                  "Wordt versleuteld opgeslagen; importeren vraagt een begeleider of beheerder "
                  "met toegang tot de gevoelige gegevens."),
                _("Werkt het best met een vaste taak en korte instructies, één stap tegelijk."),
            ),
            "werkaanpassingen": (_("Aanpassingen op de werkplek; wordt versleuteld opgeslagen."),
                                 _("Vaste werkplek bij de sorteertafel.")),
        }
        allowed = {"doelgroep": doelgroepen}
        title = _("Medewerkers (deelnemers)")
    elif kind == "placements":
        departments = _pairs(reference.departments(session))
        explanations = {
            "nummer": (_("Nummer van een medewerker die al in het programma staat."),
                       EXAMPLE_NUMBER),
            "afdeling": (_("Code van de afdeling."), _example(departments, "sorteren")),
            "partner": (_("Naam van de partnerorganisatie (optioneel). Een naam die nog niet "
                          "bestaat wordt aangemaakt (soort 'overig')."), "Gemeente Amersfoort"),
            "startdatum": (date_text, dt.date(2025, 3, 3)),
            "geplande_einddatum": (date_text + " " + _("Alleen voor de planning."),
                                   dt.date(2025, 8, 29)),
            "einddatum": (date_text + " " + _("De werkelijke einddatum; leeg voor een lopende "
                                              "plaatsing."), None),
            "uren_per_week": (_("Meer dan 0 en hoogstens 40, met hoogstens 2 decimalen "
                                "(komma of punt)."), Decimal("16")),
            "uitstroom": (_("Verplicht als er een einddatum is, en alleen dan."), None),
        }
        allowed = {"afdeling": departments, "uitstroom": _fixed(OUTCOMES)}
        title = _("Plaatsingen")
    elif kind == "hours":
        explanations = {
            "nummer": (_("Nummer van een medewerker die al in het programma staat."),
                       EXAMPLE_NUMBER),
            "datum": (date_text + " " + _("Niet in de toekomst; de medewerker heeft die dag "
                                          "een plaatsing."), dt.date(2025, 3, 10)),
            "uren": (_("Meer dan 0 en hoogstens 24, met hoogstens 2 decimalen (7,5 of 7.5). "
                       "Meer regels voor dezelfde dag worden opgeteld."), Decimal("5.5")),
        }
        allowed = {}
        title = _("Uren")
    else:
        groups = _pairs(reference.product_groups(session))
        channels = _fixed(HERKOMST) + _fixed(BESTEMMING)
        explanations = {
            "datum": (date_text, dt.date(2025, 3, 10)),
            "richting": (_("in (inbreng) of uit (afvoer)."), "in"),
            "productgroep": (_("Code van de productgroep."), _example(groups, "meubels")),
            "kg": (_("Gewicht in kg: meer dan 0, hoogstens 3 decimalen (komma of punt), geen "
                     "scheidingsteken voor duizendtallen."), Decimal("42.5")),
            "herkomst_bestemming": (_("Bij 'in' een herkomst (brengen, ophalen, ontruiming, "
                                      "milieustraat, bedrijf); bij 'uit' een bestemming "
                                      "(hergebruik, hergebruik_online, recycling, restafval, "
                                      "export)."), "ophalen"),
            "opmerking": (_("Vrije tekst (optioneel)."), _("Bankstel, opgehaald in Leusden")),
        }
        allowed = {"richting": _fixed(DIRECTIONS), "productgroep": groups,
                   "herkomst_bestemming": channels}
        title = _("Goederenstromen (inbreng en afvoer)")
    columns = tuple(
        TemplateColumn(spec.name, spec.required, *explanations[spec.name],
                       allowed=allowed.get(spec.name, ()))
        for spec in SPECS[kind]
    )
    notes = (
        _("Rij 1 bevat de kolomnamen (in elke volgorde); vanaf rij 2 één regel per rij. "
          "Kolommen zonder * mogen weg; andere kolommen zijn een fout."),
        _("Alles of niets: bij één foute regel wordt niets geïmporteerd, en elke fout wordt "
          "gemeld met rij, kolom en reden."),
        _("Codes en kolomnamen mogen in hoofd- of kleine letters. Getallen met komma of punt "
          "als decimaalteken, zonder scheidingsteken voor duizendtallen."),
        _("Vervang de voorbeeldregel door uw eigen gegevens."),
    )
    return ImportTemplate(kind, kind_label(kind), title, columns, notes)
