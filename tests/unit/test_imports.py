"""Imports of workers, placements, hours and flows: the file contract of domain.md, all or
nothing, every bad row reported, roles, encryption and the audit entry."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import (
    AuditEntry,
    GoodsFlow,
    HourEntry,
    Partner,
    Placement,
    Worker,
)
from kringloopdesk.errors import PermissionDeniedError, UserError
from kringloopdesk.reports.templates import template_csv, template_xlsx
from kringloopdesk.services import imports, workers
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.imports import ImportFileError, ImportSummary, reading
from kringloopdesk.services.imports import people as people_import

D = dt.date
SUPPORT = "Werkt het best met een vaste taak; korte instructies, één stap tegelijk."
ADJUST = "=Vaste werkplek bij de sorteertafel"  # formula-like text stays text
QUOTED_SUPPORT = f'"{SUPPORT}"'  # it holds a ';'
TABLES = (Worker, Placement, HourEntry, GoodsFlow, Partner, AuditEntry)


# --- helpers ---------------------------------------------------------------------------------


def run(db: Database, actor: Actor, kind: str, data: bytes | str, **options: object
        ) -> ImportSummary:
    source = data.encode("utf-8") if isinstance(data, str) else data
    with db.session() as session:
        return imports.IMPORTERS[kind](session, actor, source, **options)


def counts(db: Database) -> dict[str, int]:
    with db.read_session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in TABLES
        }


def refused(db: Database, actor: Actor, kind: str, data: bytes | str
            ) -> list[tuple[int, str | None, str]]:
    """The errors of a refused import, after checking that nothing at all was written."""
    before = counts(db)
    with pytest.raises(ImportFileError) as info:
        run(db, actor, kind, data)
    assert counts(db) == before
    error = info.value
    assert error.message.endswith("er is niets geïmporteerd.")
    assert len(error.errors) == len(error.lines)
    return [(e.row, e.column, e.reason) for e in error.errors]


def places(errors: list[tuple[int, str | None, str]]) -> list[tuple[int, str | None]]:
    return [(row, column) for row, column, _reason in errors]


def xlsx(*rows: list[object]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


WORKERS_CSV = (
    "nummer;voornaam;achternaam;doelgroep;startdatum;einddatum\n"
    "D-0001;Anaïs;Çelik;participatiewet;06-01-2025;\n"
    "D-0002;Jan;de Vries;wsw;2025-01-06;\n"
    "D-0003;Fatima;El Amrani;dagbesteding;6-1-2025;\n"
)
PLACEMENTS_CSV = (
    "nummer;afdeling;startdatum;einddatum;uitstroom;uren_per_week\n"
    "D-0001;sorteren;06-01-2025;31-03-2025;andere_plek;16\n"
    "D-0001;winkel;01-04-2025;;;24\n"
    "D-0002;kassa;01-02-2025;;;32\n"
)


@pytest.fixture
def people(shop_db: Database, beheerder: Actor) -> Database:
    """Three workers, D-0001 with an ended and a running placement, D-0002 running since
    1 February 2025, D-0003 without a placement."""
    run(shop_db, beheerder, "workers", WORKERS_CSV)
    run(shop_db, beheerder, "placements", PLACEMENTS_CSV)
    return shop_db


# --- workers ---------------------------------------------------------------------------------


def test_workers_semicolon_utf8_bom_any_order_odd_header(shop_db: Database,
                                                         beheerder: Actor) -> None:
    data = (
        " Achternaam ;NUMMER;voornaam;Doelgroep;startdatum;Email;telefoon;geboortedatum;"
        "verwijzer;einddatum;ondersteuningsvraag;werkaanpassingen\n"
        f"Çelik-van den Heuvel;D-0042;Anaïs; Participatiewet ;03-03-2025;anais@example.org;"
        f"06-12345678;1990-04-17;Gemeente Amersfoort;;{QUOTED_SUPPORT};{ADJUST}\n"
        ";;;;;;;;;;;\n"  # an empty row is skipped
        "Jansen;D-0043;Piet;wsw;2025-03-03;;;;;31-03-2025;;\n"
    )
    summary = run(shop_db, beheerder, "workers", "\ufeff" + data)
    assert summary.rows == 2
    assert summary.counts == {"participatiewet": 1, "wsw": 1}
    assert summary.message == "2 regels geïmporteerd (medewerkers)."
    with shop_db.read_session() as session:
        rows = {w.number: w for w in session.scalars(select(Worker))}
        anais, piet = rows["D-0042"], rows["D-0043"]
        assert (anais.first_name, anais.last_name) == ("Anaïs", "Çelik-van den Heuvel")
        assert anais.birth_date == D(1990, 4, 17)
        assert anais.email == "anais@example.org" and anais.phone == "06-12345678"
        assert anais.referrer == "Gemeente Amersfoort"
        assert anais.doelgroep.code == "participatiewet"
        assert (anais.start_date, anais.end_date, anais.status) == (D(2025, 3, 3), None, "actief")
        assert (piet.end_date, piet.status) == (D(2025, 3, 31), "uitgestroomd")
        assert anais.updated_by_id == beheerder.user_id and anais.version == 1


def test_sensitive_texts_are_stored_encrypted_and_readable_by_a_begeleider(
        shop_db: Database, beheerder: Actor, begeleider: Actor) -> None:
    data = ("nummer;voornaam;achternaam;doelgroep;startdatum;ondersteuningsvraag;"
            f"werkaanpassingen\nD-0042;Anaïs;Çelik;participatiewet;03-03-2025;{QUOTED_SUPPORT};{ADJUST}\n")
    run(shop_db, beheerder, "workers", data)
    with shop_db.read_session() as session:
        row = session.scalars(select(Worker)).one()
        assert row.support_need_enc is not None and row.work_adjustments_enc is not None
        assert SUPPORT.encode() not in row.support_need_enc
        assert b"sorteertafel" not in row.work_adjustments_enc
        detail = workers.get_worker(session, begeleider, row.id)
    assert detail.sensitive is not None
    assert detail.sensitive.support_need == SUPPORT
    assert detail.sensitive.work_adjustments == ADJUST


def test_windows_1252_comma_separated(shop_db: Database, begeleider: Actor) -> None:
    data = ("nummer,voornaam,achternaam,doelgroep,startdatum\r\n"
            "D-0100,André,Hélène-Müller,vrijwilliger,01-09-2025\r\n").encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert run(shop_db, begeleider, "workers", data).rows == 1
    with shop_db.read_session() as session:
        worker = session.scalars(select(Worker)).one()
    assert (worker.first_name, worker.last_name) == ("André", "Hélène-Müller")


def test_workers_from_xlsx_with_date_and_number_cells(shop_db: Database,
                                                      beheerder: Actor) -> None:
    data = xlsx(
        ["nummer", "voornaam", "achternaam", "doelgroep", "startdatum", "geboortedatum"],
        [42, "Sem", "Bakker", "leerwerk", dt.datetime(2025, 2, 3), "14-05-2005"],
        [None, None, None, None, None, None],
        ["D-0043", "Lotte", "Smit", "stagiair", D(2025, 2, 3), None],
    )
    assert run(shop_db, beheerder, "workers", data).rows == 2
    with shop_db.read_session() as session:
        rows = {w.number: w for w in session.scalars(select(Worker))}
    assert rows["42"].start_date == D(2025, 2, 3)
    assert rows["42"].birth_date == D(2005, 5, 14)


def test_duplicate_worker_numbers_in_the_database_and_in_the_file(
        people: Database, beheerder: Actor) -> None:
    data = ("nummer;voornaam;achternaam;doelgroep;startdatum\n"
            "d-0001;Anna;Kok;wsw;01-05-2025\n"
            "D-0050;Bas;Kok;wsw;01-05-2025\n"
            "D-0050 ;Bram;Kok;wsw;01-05-2025\n")
    errors = refused(people, beheerder, "workers", data)
    assert errors == [
        (2, "nummer", "het nummer d-0001 bestaat al; wijzig bestaande medewerkers in het "
                      "programma"),
        (4, "nummer", "het nummer D-0050 staat ook in rij 3"),
    ]


def test_worker_rows_every_problem_at_once(shop_db: Database, beheerder: Actor) -> None:
    data = ("nummer;voornaam;achternaam;doelgroep;startdatum;einddatum;email;telefoon;"
            "geboortedatum\n"
            ";Anna;;onbekend;31-02-2025;;anna@;12345;01-01-2090\n"
            "D-1;Bas;Kok;wsw;01-05-2025;01-04-2025;;;\n"
            "ANON-7;Cor;Kok;WSW;2025-13-01;;;;\n")
    errors = refused(shop_db, beheerder, "workers", data)
    assert places(errors) == [
        (2, "nummer"), (2, "achternaam"), (2, "geboortedatum"), (2, "doelgroep"),
        (2, "email"), (2, "telefoon"), (2, "startdatum"),
        (3, "einddatum"),
        (4, "nummer"), (4, "startdatum"),
    ]
    reasons = dict(((row, column), reason) for row, column, reason in errors)
    assert reasons[(2, "nummer")] == "is verplicht maar leeg"
    assert reasons[(2, "startdatum")] == "'31-02-2025' bestaat niet: die maand heeft 28 dagen"
    assert reasons[(2, "geboortedatum")] == "01-01-2090 ligt in de toekomst"
    assert reasons[(2, "doelgroep")].startswith("onbekende doelgroep 'onbekend'; kies uit: wsw")
    assert reasons[(3, "einddatum")] == "01-04-2025 ligt vóór de startdatum 01-05-2025"
    assert reasons[(4, "startdatum")] == "'2025-13-01' bestaat niet: er is geen maand 13"


def test_sensitive_columns_need_the_key(shop_db: Database, begeleider: Actor) -> None:
    data = ("nummer;voornaam;achternaam;doelgroep;startdatum;ondersteuningsvraag\n"
            f"D-1;Anna;Kok;wsw;01-05-2025;{QUOTED_SUPPORT}\n")
    errors = refused(shop_db, replace(begeleider, data_key=None), "workers", data)
    assert places(errors) == [(1, "ondersteuningsvraag")]
    # The column may be there, empty.
    empty = "nummer;voornaam;achternaam;doelgroep;startdatum;ondersteuningsvraag\n" \
            "D-1;Anna;Kok;wsw;01-05-2025;\n"
    assert run(shop_db, replace(begeleider, data_key=None), "workers", empty).rows == 1


# --- placements ------------------------------------------------------------------------------


def test_placements_comma_separated_with_partners_created(people: Database,
                                                          beheerder: Actor) -> None:
    with people.session() as session:
        session.add(Partner(name="Amfors", kind="sw_bedrijf"))
    data = ("Nummer,Afdeling,Partner,Startdatum,Geplande_einddatum,Einddatum,Uitstroom,"
            "Uren_per_week\n"
            'D-0003,elektra,amfors,2025-02-03,2025-08-01,2025-06-30,uitval,"12,5"\n'
            "D-0003,fietsen,Gemeente Leusden,2025-07-01,,,,8.25\n"
            "D-0002,kassa,gemeente leusden,2024-01-08,,2024-12-20,betaald_werk,20\n")
    summary = run(people, beheerder, "placements", data)
    assert summary.rows == 3
    assert summary.partners_created == ("Gemeente Leusden",)
    assert summary.counts == {"elektra": 1, "fietsen": 1, "kassa": 1}
    assert "Nieuwe partnerorganisaties (soort 'overig'): Gemeente Leusden" in summary.lines()
    with people.read_session() as session:
        partners = dict(session.execute(select(Partner.name, Partner.kind)).all())
        assert partners == {"Amfors": "sw_bedrijf", "Gemeente Leusden": "overig"}
        rows = session.execute(
            select(Placement.start_date, Placement.end_date, Placement.outcome,
                   Placement.status, Placement.hours_per_week, Partner.name)
            .outerjoin(Partner, Partner.id == Placement.partner_id)
            .join(Worker, Worker.id == Placement.worker_id)
            .where(Worker.number.in_(["D-0003", "D-0002"]))
            .order_by(Worker.number, Placement.start_date)).all()
    assert [tuple(r) for r in rows] == [
        (D(2024, 1, 8), D(2024, 12, 20), "betaald_werk", "afgerond", Decimal("20"),
         "Gemeente Leusden"),
        (D(2025, 2, 1), None, None, "actief", Decimal("32"), None),
        (D(2025, 2, 3), D(2025, 6, 30), "uitval", "gestopt", Decimal("12.5"), "Amfors"),
        (D(2025, 7, 1), None, None, "actief", Decimal("8.25"), "Gemeente Leusden"),
    ]


def test_uitstroom_and_einddatum_belong_together(people: Database, beheerder: Actor) -> None:
    data = ("nummer;afdeling;startdatum;einddatum;uitstroom;uren_per_week\n"
            "D-0003;winkel;01-06-2025;;betaald_werk;16\n"
            "D-0003;winkel;01-02-2025;28-02-2025;;16\n"
            "D-0003;winkel;01-03-2025;31-03-2025;weg;16\n")
    errors = refused(people, beheerder, "placements", data)
    assert errors == [
        (2, "uitstroom", "een uitstroom hoort bij een beëindigde plaatsing: vul de einddatum "
                         "in, of laat de uitstroom leeg"),
        (3, "uitstroom", "is verplicht als er een einddatum is; kies uit: betaald_werk, "
                         "opleiding, andere_plek, dagbesteding, uitval, onbekend"),
        (4, "uitstroom", "onbekende uitstroom 'weg'; kies uit: betaald_werk, opleiding, "
                         "andere_plek, dagbesteding, uitval, onbekend"),
    ]


def test_placements_never_overlap_the_database_or_each_other(people: Database,
                                                             beheerder: Actor) -> None:
    data = ("nummer;afdeling;startdatum;einddatum;uitstroom;uren_per_week\n"
            "D-0001;winkel;01-03-2025;15-03-2025;uitval;8\n"  # inside the ended sorteren
            "D-0002;winkel;15-01-2025;01-02-2025;uitval;8\n"  # touches the running kassa
            "D-0002;winkel;01-01-2024;31-12-2024;uitval;8\n"  # fine
            "D-0003;winkel;01-01-2025;;;8\n"                 # open-ended ...
            "D-0003;kassa;01-06-2025;30-06-2025;onbekend;8\n"  # ... overlaps every later one
            "D-0003;kassa;2024-06-01;2024-12-31;onbekend;8\n")  # before it: fine
    errors = refused(people, beheerder, "placements", data)
    assert places(errors) == [(2, "startdatum"), (3, "startdatum"), (6, "startdatum")]
    reasons = [reason for _row, _column, reason in errors]
    assert reasons[0].startswith("overlapt met de plaatsing bij Sorteren van 06-01-2025 tot en "
                                 "met 31-03-2025")
    assert reasons[1].startswith("deze medewerker heeft al een lopende plaatsing bij Kassa "
                                 "sinds 01-02-2025")
    assert reasons[2] == "overlapt met de lopende plaatsing in rij 5 (vanaf 01-01-2025)"


def test_a_placement_may_start_the_day_after_the_previous_one_ended(people: Database,
                                                                    beheerder: Actor) -> None:
    data = ("nummer;afdeling;startdatum;einddatum;uitstroom;uren_per_week\n"
            "D-0003;winkel;01-01-2025;31-01-2025;andere_plek;8\n"
            "D-0003;kassa;01-02-2025;;;8\n")
    assert run(people, beheerder, "placements", data).rows == 2


def test_placement_references_and_numbers(people: Database, beheerder: Actor) -> None:
    data = ("nummer;afdeling;startdatum;einddatum;uitstroom;uren_per_week;geplande_einddatum\n"
            "D-9999;winkel;01-01-2024;31-01-2024;uitval;8;\n"
            "D-0003;bakkerij;01-01-2024;31-01-2024;uitval;0;\n"
            "D-0003;winkel;01-02-2024;29-02-2024;uitval;40,5;31-12-2023\n"
            "D-0003;winkel;01-03-2024;31-03-2024;uitval;12,125;\n")
    errors = refused(people, beheerder, "placements", data)
    assert places(errors) == [(2, "nummer"), (3, "afdeling"), (3, "uren_per_week"),
                              (4, "geplande_einddatum"), (4, "uren_per_week"),
                              (5, "uren_per_week")]
    reasons = [reason for _row, _column, reason in errors]
    assert reasons[0].startswith("onbekend nummer 'D-9999'")
    assert reasons[2] == "'0': moet meer dan 0 uur zijn"
    assert reasons[4] == "'40,5': hoogstens 40 uur"
    assert reasons[5] == "'12,125': hoogstens 2 decimalen"


# --- hours -----------------------------------------------------------------------------------


def test_hours_from_xlsx_with_date_and_number_cells(people: Database, invoer: Actor) -> None:
    data = xlsx(
        ["Uren", "Datum", "Nummer"],
        [7.5, dt.datetime(2025, 3, 3), "D-0001"],
        [2, "04-03-2025", "D-0001"],
        ["1,25", D(2025, 4, 1), "d-0001"],   # the next placement of D-0001
        [4, "2025-03-04", "D-0002"],
        [0.1 + 0.2, "2025-03-05", "D-0002"],  # Excel's 0.30000000000000004 is 0.3
    )
    summary = run(people, invoer, "hours", data)
    assert summary.rows == 5 and summary.totals == {"uren": Decimal("15.05")}
    with people.read_session() as session:
        rows = session.execute(
            select(Worker.number, Placement.department_id, HourEntry.entry_date,
                   HourEntry.hours)
            .join(Placement, Placement.id == HourEntry.placement_id)
            .join(Worker, Worker.id == Placement.worker_id)
            .order_by(HourEntry.entry_date, Worker.number)).all()
        placements = dict(session.execute(
            select(Placement.start_date, Placement.department_id)).all())
    assert [(n, d, h) for n, _dep, d, h in rows] == [
        ("D-0001", D(2025, 3, 3), Decimal("7.5")),
        ("D-0001", D(2025, 3, 4), Decimal("2")),
        ("D-0002", D(2025, 3, 4), Decimal("4")),
        ("D-0002", D(2025, 3, 5), Decimal("0.3")),
        ("D-0001", D(2025, 4, 1), Decimal("1.25")),
    ]
    assert rows[-1][1] == placements[D(2025, 4, 1)]


def test_hours_of_one_day_are_added_up(people: Database, invoer: Actor) -> None:
    morning_afternoon = "nummer;datum;uren\nD-0002;03-03-2025;4\nD-0002;03-03-2025;3,5\n"
    first = run(people, invoer, "hours", morning_afternoon)
    assert first.counts == {"nieuw": 1, "aangevuld": 0}
    second = run(people, invoer, "hours", "nummer;datum;uren\nD-0002;03-03-2025;1\n")
    assert second.counts == {"nieuw": 0, "aangevuld": 1}
    assert "Op 1 dagen stonden al uren" in " ".join(second.lines())
    with people.read_session() as session:
        total = session.scalar(select(func.sum(HourEntry.hours))
                               .where(HourEntry.entry_date == D(2025, 3, 3)))
    assert total == Decimal("8.5")
    errors = refused(people, invoer, "hours",
                     "nummer;datum;uren\nD-0002;03-03-2025;15,5\nD-0002;03-03-2025;0,5\n")
    assert errors == [(3, "uren", "met de andere uren van 03-03-2025 (24 uur al geregistreerd "
                                  "of eerder in het bestand) wordt het meer dan 24 uur op één "
                                  "dag")]


def test_bad_hours(people: Database, invoer: Actor) -> None:
    data = ("nummer;datum;uren\n"
            "D-0002;31-02-2025;7,5\n"       # impossible date
            "D-9999;03-03-2025;7,5\n"       # unknown worker
            "D-0002;03-03-2025;-2\n"        # negative
            "D-0002;04-03-2025;24.5\n"      # more than a day
            "D-0002;05-03-2025;7,125\n"     # three decimals
            "D-0002;06-03-2025;1.234,5\n"   # thousands separator
            "D-0003;03-03-2025;4\n"         # no placement at all
            "D-0002;31-01-2025;4\n"         # the day before the placement
            "D-0002;03/03/2025;4\n"         # not a date format of the contract
            "D-0002;07-03-2025;7:30\n"      # not a number
            "D-0002;03-03-2099;4\n")        # the future
    errors = refused(people, invoer, "hours", data)
    assert errors == [
        (2, "datum", "'31-02-2025' bestaat niet: die maand heeft 28 dagen"),
        (3, "nummer", "onbekend nummer 'D-9999': deze medewerker staat niet in het programma; "
                      "importeer of maak eerst de medewerker"),
        (4, "uren", "'-2': moet meer dan 0 uur zijn"),
        (5, "uren", "'24.5': hoogstens 24 uur"),
        (6, "uren", "'7,125': hoogstens 2 decimalen"),
        (7, "uren", "'1.234,5': gebruik hoogstens één decimaalteken (komma of punt) en geen "
                    "scheidingsteken voor duizendtallen"),
        (8, "datum", "medewerker D-0003 had op 03-03-2025 geen plaatsing; uren horen bij een "
                     "plaatsing (controleer de datum, of laat eerst de plaatsing vastleggen)"),
        (9, "datum", "medewerker D-0002 had op 31-01-2025 geen plaatsing; uren horen bij een "
                     "plaatsing (controleer de datum, of laat eerst de plaatsing vastleggen)"),
        (10, "datum", "'03/03/2025' is geen datum; schrijf dd-mm-jjjj of jjjj-mm-dd, "
                      "bijvoorbeeld 31-03-2025"),
        (11, "uren", "'7:30' is geen getal; schrijf bijvoorbeeld 7,5 of 7.5"),
        (12, "datum", "03-03-2099 ligt in de toekomst"),
    ]


def test_a_decimal_comma_in_a_comma_separated_file(people: Database, invoer: Actor) -> None:
    ok = run(people, invoer, "hours", 'nummer,datum,uren\nD-0002,03-03-2025,"7,5"\n'
                                      "D-0002,04-03-2025,7.5\n")
    assert ok.totals == {"uren": Decimal("15")}
    errors = refused(people, invoer, "hours", "nummer,datum,uren\nD-0002,05-03-2025,7,5\n")
    assert places(errors) == [(2, None)]
    assert errors[0][2].startswith("deze rij heeft 4 waarden, de kopregel maar 3 kolommen")


def test_xlsx_cells_that_are_not_what_the_column_needs(people: Database,
                                                       invoer: Actor) -> None:
    data = xlsx(["nummer", "datum", "uren"],
                ["D-0002", dt.datetime(2025, 3, 3, 14, 30), dt.time(7, 30)],
                ["D-0002", 45717, True])
    errors = refused(people, invoer, "hours", data)
    assert errors == [
        (2, "datum", "'03-03-2025 14:30' is een datum met een tijd; laat de tijd weg"),
        (2, "uren", "'07:30' is een tijd, geen aantal; schrijf bijvoorbeeld 7,5 voor zeven en "
                    "een half uur"),
        (3, "datum", "'45717' is geen datum; schrijf dd-mm-jjjj of jjjj-mm-dd, bijvoorbeeld "
                     "31-03-2025"),
        (3, "uren", "'True' is geen getal"),
    ]


# --- flows -----------------------------------------------------------------------------------


def test_flows_csv_with_decimal_comma_and_formula_like_text(shop_db: Database,
                                                            invoer: Actor) -> None:
    data = ("sep=;\n"
            "datum;richting;productgroep;kg;herkomst_bestemming;opmerking\n"
            "03-03-2025;in;Meubels;12,5;brengen;=SOM(A1:A3)\n"
            "03-03-2025;UIT;meubels;1.234;Hergebruik;@mevrouw de Wit\n"
            "04-03-2025;uit;textiel;0,001;export;\n")
    summary = run(shop_db, invoer, "flows", data)
    assert summary.counts == {"in": 1, "uit": 2}
    assert summary.totals == {"in": Decimal("12.5"), "uit": Decimal("1.235")}
    with shop_db.read_session() as session:
        flows = session.scalars(select(GoodsFlow).order_by(GoodsFlow.id)).all()
    assert [(f.direction, f.kg, f.channel, f.note) for f in flows] == [
        ("in", Decimal("12.5"), "brengen", "=SOM(A1:A3)"),
        ("uit", Decimal("1.234"), "hergebruik", "@mevrouw de Wit"),
        ("uit", Decimal("0.001"), "export", None),
    ]
    assert all(f.created_by_id == invoer.user_id for f in flows)


def test_flows_xlsx(shop_db: Database, invoer: Actor) -> None:
    data = xlsx(["datum", "richting", "productgroep", "kg", "herkomst_bestemming"],
                [dt.datetime(2025, 5, 1), "in", "fietsen", 250, "ophalen"],
                [D(2025, 5, 2), "uit", "fietsen", 17.125, "hergebruik_online"])
    assert run(shop_db, invoer, "flows", data).totals == {"in": Decimal(250),
                                                          "uit": Decimal("17.125")}


def test_bad_flows(shop_db: Database, invoer: Actor) -> None:
    data = ("datum;richting;productgroep;kg;herkomst_bestemming\n"
            "03-03-2025;uit;meubels;10;brengen\n"
            "03-03-2025;in;meubels;10;recycling\n"
            "03-03-2025;in;meubels;1,2345;ophalen\n"
            "03-03-2025;in;auto;0;ophalen\n"
            "03-03-2025;heen;meubels;5;\n")
    errors = refused(shop_db, invoer, "flows", data)
    assert errors == [
        (2, "herkomst_bestemming", "'brengen' is een herkomst; bij richting 'uit' hoort een "
                                   "bestemming: hergebruik, hergebruik_online, recycling, "
                                   "restafval, export"),
        (3, "herkomst_bestemming", "'recycling' is een bestemming; bij richting 'in' hoort een "
                                   "herkomst: brengen, ophalen, ontruiming, milieustraat, "
                                   "bedrijf"),
        (4, "kg", "'1,2345': hoogstens 3 decimalen"),
        (5, "productgroep", "onbekende productgroep 'auto'; kies uit: meubels, textiel, "
                            "witgoed, klein_elektrisch, ict_elektronica, kleingoed, "
                            "boeken_media, speelgoed, fietsen, overig"),
        (5, "kg", "'0': moet meer dan 0 kg zijn"),
        (6, "richting", "'heen' is geen richting; kies in (inbreng) of uit (afvoer)"),
        (6, "herkomst_bestemming", "is verplicht maar leeg"),
    ]


# --- the file as a whole ---------------------------------------------------------------------


@pytest.mark.parametrize(("data", "expected"), [
    (b"", [(1, None, "Het bestand is leeg.")]),
    (b"  \r\n", [(1, None, "Het bestand is leeg.")]),
    (b"datum;richting;productgroep;kg;herkomst_bestemming\n",
     [(1, None, "Onder de kopregel staan geen regels; er is niets te importeren.")]),
    (bytes(range(256)) * 4,
     [(1, None, "Dit is geen CSV- of Excel-bestand (.xlsx): er staan binaire gegevens in.")]),
    (b"\x89PNG\r\n\x1a\n\x01\x02\x03", [(1, None, "Dit is geen CSV- of Excel-bestand (.xlsx): "
                                                  "er staan stuurtekens in.")]),
    (b"PK\x03\x04" + b"\x00" * 64,
     [(1, None, "Dit is geen geldig Excel-bestand (.xlsx). Sla het opnieuw op als "
                "Excel-werkmap of als CSV.")]),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
     [(1, None, "Dit is een oud Excel-bestand (.xls). Sla het op als Excel-werkmap (.xlsx) "
                "of als CSV.")]),
    (b"datum;kg;richting;productgroep\n03-03-2025;1;in;meubels\n",
     [(1, "herkomst_bestemming", "verplichte kolom ontbreekt")]),
    (b"datum;richting;productgroep;kg;herkomst_bestemming;gewicht\n",
     [(1, "gewicht", "onbekende kolom 'gewicht'; toegestaan zijn: datum, richting, "
                     "productgroep, kg, herkomst_bestemming, opmerking")]),
    (b"datum;richting;productgroep;kg;herkomst_bestemming;KG\n",
     [(1, "kg", "deze kolom staat twee keer in de kopregel")]),
    (b"\n datum;richting;productgroep;kg;herkomst_bestemming\n",
     [(1, None, "Rij 1 is leeg; daar horen de kolomnamen te staan.")]),
    (b"datum\trichting\tproductgroep\tkg\therkomst_bestemming\n",
     [(1, None, "De kolommen zijn gescheiden door tabs. Gebruik een puntkomma (;) of een "
                "komma (,) als scheidingsteken.")]),
    (b"datum;richting;productgroep;kg;herkomst_bestemming;;\n"
     b"03-03-2025;in;meubels;1;brengen;;x\n",
     [(1, None, "kolom 7 heeft geen naam in de kopregel maar wel waarden")]),
    ("datum;richting;productgroep;kg;herkomst_bestemming\n".encode("utf-16"),
     [(1, None, "Dit bestand is UTF-16 ('Unicode-tekst'). Sla het op als 'CSV UTF-8' of als "
                "Excel-werkmap (.xlsx).")]),
])
def test_whole_file_problems_are_reported_on_row_1(shop_db: Database, invoer: Actor,
                                                   data: bytes, expected: list) -> None:
    assert refused(shop_db, invoer, "flows", data) == expected


def test_a_damaged_xlsx(shop_db: Database, invoer: Actor) -> None:
    good = xlsx(["datum", "richting", "productgroep", "kg", "herkomst_bestemming"])
    damaged = good[: len(good) // 2]
    errors = refused(shop_db, invoer, "flows", damaged)
    assert errors == [(1, None, "Dit is geen geldig Excel-bestand (.xlsx). Sla het opnieuw op "
                                "als Excel-werkmap of als CSV.")]


def test_xlsx_rows_keep_their_numbers_across_gaps(shop_db: Database, invoer: Actor) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["datum", "richting", "productgroep", "kg", "herkomst_bestemming"])
    sheet["A7"], sheet["B7"], sheet["C7"], sheet["D7"], sheet["E7"] = (
        "03-03-2025", "in", "meubels", -1, "brengen")
    workbook.create_sheet("Uitleg")["A1"] = "niet gelezen"
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert refused(shop_db, invoer, "flows", buffer.getvalue()) == [
        (7, "kg", "'-1': moet meer dan 0 kg zijn")]


def test_xlsx_values_outside_the_named_columns(shop_db: Database, invoer: Actor) -> None:
    data = xlsx(["datum", "richting", "productgroep", "kg", "herkomst_bestemming"],
                ["03-03-2025", "in", "meubels", 12.5, "brengen", None, "ophalen"])
    assert refused(shop_db, invoer, "flows", data) == [
        (1, None, "kolom 7 heeft geen naam in de kopregel maar wel waarden")]


def test_size_and_row_limits(shop_db: Database, invoer: Actor,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    header = "datum;richting;productgroep;kg;herkomst_bestemming\n"
    row = "03-03-2025;in;meubels;1;brengen\n"
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    assert refused(shop_db, invoer, "flows", header + row * 4) == [
        (1, None, "Het bestand heeft meer dan 3 regels. Splits het in kleinere bestanden.")]
    assert run(shop_db, invoer, "flows", header + row * 3).rows == 3
    monkeypatch.setattr(reading, "MAX_BYTES", 100)
    assert refused(shop_db, invoer, "flows", header + row * 3) == [
        (1, None, "Het bestand is groter dan 0 MB. Splits het in kleinere bestanden.")]


def test_every_error_of_a_file_is_reported(shop_db: Database, invoer: Actor) -> None:
    header = "datum;richting;productgroep;kg;herkomst_bestemming\n"
    data = header + "03-03-2025;in;meubels;1;brengen\n" * 500 + "31-02-2025;in;x;1;y\n" * 300
    errors = refused(shop_db, invoer, "flows", data)
    assert len(errors) == 900 and errors[0][0] == 502 and errors[-1][0] == 801


# --- roles, audit, templates -----------------------------------------------------------------


def test_roles(people: Database, invoer: Actor, begeleider: Actor) -> None:
    for kind in ("workers", "placements"):
        with pytest.raises(PermissionDeniedError):
            run(people, invoer, kind, WORKERS_CSV)
    hours = "nummer;datum;uren\nD-0002;03-03-2025;4\n"
    flows = "datum;richting;productgroep;kg;herkomst_bestemming\n03-03-2025;in;meubels;1;brengen\n"
    for actor in (invoer, begeleider):
        assert run(people, actor, "hours", hours).rows == 1
        assert run(people, actor, "flows", flows).rows == 1
    more = ("nummer;voornaam;achternaam;doelgroep;startdatum\n"
            "D-0200;Anna;Kok;wsw;01-05-2025\n")
    assert run(people, begeleider, "workers", more).rows == 1


def test_one_audit_entry_per_import_without_values(shop_db: Database, beheerder: Actor) -> None:
    data = ("nummer;voornaam;achternaam;doelgroep;startdatum;ondersteuningsvraag\n"
            f"D-0042;Anaïs;Çelik;participatiewet;03-03-2025;{QUOTED_SUPPORT}\n"
            "D-0043;Piet;Jansen;wsw;03-03-2025;\n")
    run(shop_db, beheerder, "workers", data)
    with shop_db.read_session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "workers")).all()
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.action, entry.entity_id, entry.username) == ("create", None, "beheer")
    assert json.loads(entry.fields or "[]") == sorted(
        ["nummer", "voornaam", "achternaam", "doelgroep", "startdatum", "ondersteuningsvraag"])
    assert entry.summary == "import: 2 regels"
    text = f"{entry.fields} {entry.summary}"
    for value in ("D-0042", "Anaïs", "Çelik", "Piet", "vaste taak"):
        assert value not in text


@pytest.mark.parametrize("kind", imports.KINDS)
def test_the_templates_import_as_they_are(shop_db: Database, beheerder: Actor,
                                          kind: str) -> None:
    """The examples of the four templates belong together (worker D-0042, its placement,
    hours and a flow); imported in order, every template imports unchanged."""
    for earlier in imports.KINDS[: imports.KINDS.index(kind)]:
        with shop_db.read_session() as session:
            spec = imports.template(session, earlier)
        run(shop_db, beheerder, earlier, template_csv(spec))
    with shop_db.read_session() as session:
        spec = imports.template(session, kind)
    workbook = openpyxl.load_workbook(io.BytesIO(template_xlsx(spec)))
    assert workbook.sheetnames[1] == "Uitleg"
    header = [cell.value for cell in workbook.worksheets[0][1]]
    assert header == [spec.name for spec in imports.SPECS[kind]]
    assert run(shop_db, beheerder, kind, template_xlsx(spec)).rows == 1


def test_template_explains_the_shops_codes(shop_db: Database) -> None:
    coded = {"workers": {"doelgroep"}, "placements": {"afdeling", "uitstroom"}, "hours": set(),
             "flows": {"richting", "productgroep", "herkomst_bestemming"}}
    with shop_db.read_session() as session:
        specs = {kind: imports.template(session, kind) for kind in imports.KINDS}
    for kind, spec in specs.items():
        assert {column.name for column in spec.columns if column.allowed} == coded[kind]
    spec = specs["placements"]
    allowed = {column.name: [code for code, _label in column.allowed]
               for column in spec.columns}
    assert "sorteren" in allowed["afdeling"] and "betaald_werk" in allowed["uitstroom"]
    sheet = openpyxl.load_workbook(io.BytesIO(template_xlsx(spec)))["Uitleg"]
    text = "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value)
    assert "sorteren — Sorteren" in text and "uren_per_week *" in text


def test_a_database_change_during_the_import_writes_nothing(
        shop_db: Database, beheerder: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checked against the database, then someone else adds D-0042 before the insert."""
    original = people_import.write_workers

    def meanwhile(session, plan, user_id, data_key, **kwargs):  # type: ignore[no-untyped-def]
        session.add(Worker(number="D-0042", first_name="X", last_name="Y",
                           doelgroep_id=plan.rows[0]["doelgroep_id"], start_date=D(2025, 1, 1)))
        session.flush()
        original(session, plan, user_id, data_key, **kwargs)

    monkeypatch.setattr(people_import, "write_workers", meanwhile)
    before = counts(shop_db)
    with pytest.raises(UserError, match="Er is niets geïmporteerd"):
        run(shop_db, beheerder, "workers", "nummer;voornaam;achternaam;doelgroep;startdatum\n"
                                           "D-0042;Anna;Kok;wsw;01-05-2025\n")
    assert counts(shop_db) == before


def test_files_that_cannot_be_opened(shop_db: Database, invoer: Actor, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="bestaat niet"):
        run_path(shop_db, invoer, tmp_path / "weg.csv")
    with pytest.raises(UserError, match="is een map"):
        run_path(shop_db, invoer, tmp_path)
    path = tmp_path / "goed.csv"
    path.write_text("datum;richting;productgroep;kg;herkomst_bestemming\n"
                    "03-03-2025;in;meubels;1;brengen\n", encoding="utf-8")
    assert run_path(shop_db, invoer, path).rows == 1


def run_path(db: Database, actor: Actor, path: Path) -> ImportSummary:
    with db.session() as session:
        return imports.import_flows(session, actor, path)
