"""The stable codes of domain.md, stored in the database and used in files.

Codes never change; their labels are what users see. Lists the shop may edit (doelgroepen,
departments, product groups) live in tables and are only seeded from here by the migrations;
the lists below are fixed by the associations' reporting and the file formats.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class CodeList:
    """An ordered set of codes with a Dutch and an English label each."""

    labels: dict[str, tuple[str, str]]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def label(self, code: str, language: str = "nl") -> str:
        nl, en = self.labels[code]
        return en if language == "en" else nl

    def __contains__(self, code: object) -> bool:
        return code in self.labels

    def __iter__(self) -> Iterator[str]:
        return iter(self.labels)

    def sql_in(self, column: str) -> str:
        """A CHECK constraint expression: ``column IN ('a', 'b')``."""
        quoted = ", ".join(f"'{code}'" for code in self.labels)
        return f"{column} IN ({quoted})"


ROLES = CodeList(
    {
        "beheerder": ("Beheerder", "Manager"),
        "begeleider": ("Begeleider", "Job coach"),
        "invoer": ("Invoer (vrijwilliger)", "Data entry (volunteer)"),
    }
)

BKN_GROUPS = CodeList(
    {
        "zonder_werk": ("Mensen zonder werk", "People without work"),
        "arbeidsuitdaging": ("Mensen met een arbeidsuitdaging", "People with a work challenge"),
        "opleiding": ("Mensen in opleiding", "People in education"),
        "veiligheid": ("Mensen op zoek naar veiligheid", "People seeking safety"),
        "halt_reclassering": ("Halt / reclassering", "Halt / probation"),
        "vrijwilliger": ("Vrijwilligers", "Volunteers"),
        "regulier": ("Regulier personeel", "Regular staff"),
    }
)

CEDRIS_REGELINGEN = CodeList(
    {
        "wsw": ("Wsw", "Sheltered employment (Wsw)"),
        "beschut_werk": ("Beschut werk", "Sheltered work (Participation Act)"),
        "banenafspraak": ("Banenafspraak", "Job agreement register"),
        "participatiewet": ("Participatiewet", "Participation Act"),
        "dagbesteding": ("Dagbesteding", "Day activities"),
        "overig": ("Overig", "Other"),
    }
)

WORKER_STATUSES = CodeList(
    {
        "aangemeld": ("Aangemeld", "Registered"),
        "actief": ("Actief", "Active"),
        "gepauzeerd": ("Gepauzeerd", "Paused"),
        "uitgestroomd": ("Uitgestroomd", "Left"),
    }
)

PLACEMENT_STATUSES = CodeList(
    {
        "gepland": ("Gepland", "Planned"),
        "actief": ("Actief", "Active"),
        "gepauzeerd": ("Gepauzeerd", "Paused"),
        "afgerond": ("Afgerond", "Completed"),
        "gestopt": ("Gestopt", "Stopped"),
    }
)

GOAL_STATUSES = CodeList(
    {
        "open": ("Open", "Open"),
        "behaald": ("Behaald", "Achieved"),
        "niet_behaald": ("Niet behaald", "Not achieved"),
    }
)

OUTCOMES = CodeList(
    {
        "betaald_werk": ("Betaald werk", "Paid work"),
        "opleiding": ("Opleiding", "Education"),
        "andere_plek": ("Andere werkplek of organisatie", "Other placement or organisation"),
        "dagbesteding": ("Dagbesteding", "Day activities"),
        "uitval": ("Uitval (ziekte, verhuizing, anders)", "Dropped out"),
        "onbekend": ("Onbekend", "Unknown"),
    }
)

DIRECTIONS = CodeList(
    {
        "in": ("Inbreng", "Intake"),
        "uit": ("Afvoer", "Outflow"),
    }
)

HERKOMST = CodeList(
    {
        "brengen": ("Gebracht", "Brought in"),
        "ophalen": ("Ophaaldienst", "Pick-up service"),
        "ontruiming": ("Ontruiming", "House clearance"),
        "milieustraat": ("Milieustraat", "Recycling centre"),
        "bedrijf": ("Bedrijf", "Business"),
    }
)

BESTEMMING = CodeList(
    {
        "hergebruik": ("Hergebruik (winkel)", "Reuse (shop)"),
        "hergebruik_online": ("Hergebruik (online)", "Reuse (online)"),
        "recycling": ("Recycling", "Recycling"),
        "restafval": ("Restafval", "Residual waste"),
        "export": ("Export", "Export"),
    }
)

REUSE_DESTINATIONS = ("hergebruik", "hergebruik_online")

PARTNER_KINDS = CodeList(
    {
        "sw_bedrijf": ("SW-bedrijf", "Sheltered employment company"),
        "gemeente": ("Gemeente", "Municipality"),
        "uwv": ("UWV", "UWV"),
        "school": ("School", "School"),
        "zorg": ("Zorgorganisatie", "Care organisation"),
        "branchevereniging": ("Branchevereniging", "Trade association"),
        "bedrijf": ("Bedrijf", "Business"),
        "overig": ("Overig", "Other"),
    }
)

SIGNATORY_SIDES = CodeList(
    {
        "winkel": ("Winkel", "Shop"),
        "partner": ("Partner", "Partner"),
    }
)

ITEM_STATUSES = CodeList(
    {
        "in_behandeling": ("In behandeling", "In progress"),
        "te_koop": ("Te koop", "For sale"),
        "verkocht": ("Verkocht", "Sold"),
        "gerecycled": ("Gerecycled", "Recycled"),
        "afgevoerd": ("Afgevoerd", "Disposed of"),
    }
)

REPAIR_OUTCOMES = CodeList(
    {
        "Fixed": ("Gerepareerd", "Fixed"),
        "Repairable": ("Repareerbaar", "Repairable"),
        "End of life": ("Einde levensduur", "End of life"),
    }
)

# Open Repair Data Standard barriers, recorded for "End of life" only.
REPAIR_BARRIERS = CodeList(
    {
        "Spare parts not available": ("Onderdelen niet leverbaar", "Spare parts not available"),
        "Spare parts too expensive": ("Onderdelen te duur", "Spare parts too expensive"),
        "No way to open the product": ("Product niet te openen", "No way to open the product"),
        "Repair information not available": (
            "Reparatie-informatie niet beschikbaar",
            "Repair information not available",
        ),
        "Lack of equipment": ("Gereedschap ontbreekt", "Lack of equipment"),
    }
)

PROTECTION_CLASSES = CodeList(
    {
        "I": ("Klasse I (randaarde)", "Class I (earthed)"),
        "II": ("Klasse II (dubbel geïsoleerd)", "Class II (double insulated)"),
    }
)

CERTIFICATE_KINDS = CodeList(
    {
        "samenwerking": ("Samenwerkingscertificaat", "Partnership certificate"),
        "deelname": ("Certificaat van deelname", "Participation certificate"),
    }
)

AUDIT_ACTIONS = CodeList(
    {
        "create": ("Aangemaakt", "Created"),
        "update": ("Gewijzigd", "Updated"),
        "delete": ("Verwijderd", "Deleted"),
        "anonymise": ("Geanonimiseerd", "Anonymised"),
        "export": ("Geëxporteerd", "Exported"),
        "restore": ("Back-up teruggezet", "Backup restored"),
        "login": ("Ingelogd", "Logged in"),
        "login_failed": ("Inloggen mislukt", "Login failed"),
    }
)
