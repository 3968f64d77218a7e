"""AVG tools: retention list, anonymisation (figures unchanged), inzage export, deletion."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from kringloopdesk.db.engine import Database, is_sqlite
from kringloopdesk.db.models import (
    AuditEntry,
    Certificate,
    Goal,
    HourEntry,
    Partner,
    Placement,
    PlacementSkill,
    ProgressNote,
    Worker,
)
from kringloopdesk.errors import PermissionDeniedError, UserError
from kringloopdesk.reports.inzage import write_inzage_pdf
from kringloopdesk.services import crypto, placements, privacy, settings, workers
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.demo import generate_demo
from kringloopdesk.services.figures import Period, bkn_figures, cedris_figures
from kringloopdesk.services.workers import WorkerInput

D = dt.date
TODAY = D(2026, 6, 30)
CUTOFF = D(2024, 6, 30)  # two years before TODAY
FULL_NAME = "Anaïs Çelik-van den Heuvel-Łukaszewska"
SUPPORT = "Werkt het best met een vaste taak en een vast aanspreekpunt (inzage-test)."
ADJUST = "Sta-zitkruk bij de werkbank; tilhulp bij meubels (inzage-test)."
NOTE = "Evaluatie: test apparaten nu zelfstandig volgens de keuringsinstructie."


def person(number: str, **changes: object) -> WorkerInput:
    data = WorkerInput(number=number, first_name="Test", last_name=f"Persoon {number}",
                       doelgroep="participatiewet", start_date=D(2020, 1, 6))
    return replace(data, **changes)  # type: ignore[arg-type]


def add_worker(session: Session, actor: Actor, number: str,
               periods: list[tuple[dt.date, dt.date | None]] = (), **changes: object) -> int:
    worker = workers.create_worker(session, actor, person(number, **changes))
    for start, end in periods:
        placement = placements.create_placement(session, actor, worker.id, "winkel", start, 8)
        if end is not None:
            placements.end_placement(session, actor, placement.id, end, "andere_plek")
    return worker.id


# --- retention ------------------------------------------------------------------------------


def test_retention_candidates_and_their_boundaries(shop_db: Database, beheerder: Actor) -> None:
    day = dt.timedelta(days=1)
    with shop_db.session() as session:
        ids = {
            "exact": add_worker(session, beheerder, "R-01", [(D(2023, 1, 2), CUTOFF)]),
            "day_before": add_worker(session, beheerder, "R-02",
                                     [(D(2022, 1, 3), D(2022, 6, 30)),
                                      (D(2023, 1, 2), CUTOFF - day)]),
            "open": add_worker(session, beheerder, "R-03",
                               [(D(2020, 1, 6), D(2021, 1, 1)), (D(2021, 2, 1), None)]),
            "worker_end_later": add_worker(session, beheerder, "R-04",
                                           [(D(2020, 1, 6), D(2021, 1, 1))],
                                           end_date=D(2025, 1, 1)),
            "no_placement_end": add_worker(session, beheerder, "R-05", end_date=CUTOFF - day),
            "no_placement_recent_end": add_worker(session, beheerder, "R-06", end_date=CUTOFF),
            "no_placement_start": add_worker(session, beheerder, "R-07",
                                             start_date=CUTOFF - day),
            "no_placement_new": add_worker(session, beheerder, "R-08", start_date=CUTOFF),
            "recent": add_worker(session, beheerder, "R-09", [(D(2025, 1, 6), D(2026, 1, 1))]),
            "anonymised": add_worker(session, beheerder, "R-10",
                                     [(D(2019, 1, 7), D(2019, 12, 31))]),
        }
        privacy.anonymise_worker(session, beheerder, ids["anonymised"])
    with shop_db.read_session() as session:
        found = privacy.retention_candidates(session, beheerder, today=TODAY)
    by_id = {c.worker_id: c for c in found}
    assert set(by_id) == {ids["day_before"], ids["no_placement_end"],
                          ids["no_placement_start"]}
    assert (by_id[ids["day_before"]].reference, by_id[ids["day_before"]].reference_date,
            by_id[ids["day_before"]].placements) == ("placement", CUTOFF - day, 2)
    assert by_id[ids["no_placement_end"]].reference == "worker_end"
    assert by_id[ids["no_placement_start"]].reference == "worker_start"
    assert by_id[ids["day_before"]].full_name == "Test Persoon R-02"
    # A longer period lists fewer; a shorter one more, also through the shop setting.
    with shop_db.read_session() as session:
        assert privacy.retention_candidates(session, beheerder, today=TODAY, years=3) == []
        one_year = privacy.retention_candidates(session, beheerder, today=TODAY, years=1)
    assert {c.worker_id for c in one_year} == set(by_id) | {
        ids["exact"], ids["no_placement_recent_end"], ids["no_placement_new"],
        ids["worker_end_later"]}
    with shop_db.session() as session:
        settings.set_setting(session, beheerder, "retention_years", 1)
    with shop_db.read_session() as session:
        assert privacy.retention_candidates(session, beheerder, today=TODAY) == one_year
        assert [c.reference_date for c in one_year] == sorted(c.reference_date
                                                              for c in one_year)


def test_years_before_handles_leap_days() -> None:
    assert privacy.years_before(D(2028, 2, 29), 2) == D(2026, 2, 28)
    assert privacy.years_before(D(2026, 6, 30), 2) == CUTOFF


# --- a person with every field filled -------------------------------------------------------


@dataclass
class FullPerson:
    worker_id: int
    placement_ids: list[int]


def make_full_person(session: Session, beheerder: Actor, begeleider: Actor) -> FullPerson:
    """A worker with every stored field filled with a value found nowhere else."""
    partner = Partner(name="Amfors Inzagetest", kind="sw_bedrijf")
    session.add(partner)
    session.flush()
    detail = workers.create_worker(session, begeleider, WorkerInput(
        number="D-0777", first_name="Anaïs", last_name="Çelik-van den Heuvel-Łukaszewska",
        doelgroep="beschut_werk", start_date=D(2023, 1, 9), birth_date=D(1987, 11, 23),
        email="anais.lukaszewska@example.net", phone="+31 6 9876 5432",
        street="Zonnebloemweg 17b", postcode="3815 KX", city="Hoogland",
        referrer="Gemeente Leusden", referrer_contact="Hans Kamphuis-Inzage",
        end_date=D(2023, 12, 22), status="uitgestroomd", support_need=SUPPORT,
        work_adjustments=ADJUST,
    ))
    first = placements.create_placement(
        session, begeleider, detail.id, "elektra", D(2023, 1, 9), "22.5",
        planned_end_date=D(2023, 7, 8), partner_id=partner.id, coach_id=begeleider.user_id)
    placements.add_hours(session, begeleider, detail.id, D(2023, 3, 6), "6.25")
    placements.add_hours(session, begeleider, detail.id, D(2023, 3, 7), "5.75")
    placements.end_placement(session, begeleider, first.id, D(2023, 6, 30), "betaald_werk")
    second = placements.create_placement(session, begeleider, detail.id, "fietsen",
                                         D(2023, 9, 4), "12.25")
    placements.add_hours(session, begeleider, detail.id, D(2023, 9, 5), "3.5")
    placements.end_placement(session, begeleider, second.id, D(2023, 12, 22), "opleiding")
    workers.add_progress_note(session, begeleider, first.id, D(2023, 2, 20), NOTE)
    workers.add_progress_note(session, beheerder, second.id, D(2023, 10, 2),
                              "Fietsen: remmen afstellen lukt zelfstandig (inzage-test).")
    session.add_all([
        Goal(placement_id=first.id, description="Apparaten testen volgens de instructie (doel)",
             target_date=D(2023, 5, 1), status="behaald"),
        Goal(placement_id=second.id, description="Een fiets volledig nakijken (doel)",
             target_date=D(2023, 11, 15), status="niet_behaald"),
        PlacementSkill(placement_id=first.id, name="Elektrische apparaten testen (skill)"),
        PlacementSkill(placement_id=second.id, name="Fietsbanden plakken (skill)",
                       sort_order=1),
        Certificate(serial="KAL-2023-0077", verification_code="XK4-93PQ", kind="deelname",
                    year=2023, sequence=77, language="nl", placement_id=first.id,
                    issued_at=dt.datetime(2023, 7, 3, 9, 15, tzinfo=dt.UTC),
                    issued_by_id=beheerder.user_id, content_hash="c0ffee" * 10,
                    signature=b"\x01\x02handtekening"),
    ])
    session.flush()
    return FullPerson(detail.id, [first.id, second.id])


def _text(value: object) -> str | None:
    if value is None or isinstance(value, bool | int):
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def stored_values(session: Session, person_: FullPerson, key: bytes) -> dict[str, str]:
    """Every stored value of the person, column by column (ids and versions left out)."""
    rows: list[object] = [session.get(Worker, person_.worker_id)]
    rows += session.scalars(select(Placement).where(Placement.id.in_(person_.placement_ids)))
    for model in (Goal, PlacementSkill, HourEntry, ProgressNote, Certificate):
        rows += session.scalars(
            select(model).where(model.placement_id.in_(person_.placement_ids)))
    values: dict[str, str] = {}
    contexts = {"support_need_enc": workers.SUPPORT_NEED_CONTEXT,
                "work_adjustments_enc": workers.WORK_ADJUSTMENTS_CONTEXT,
                "body_enc": workers.PROGRESS_NOTE_CONTEXT}
    for row in rows:
        for attr in inspect(row).mapper.column_attrs:
            name = attr.key
            if name == "id" or name.endswith("_id") or name == "version":
                continue
            value = getattr(row, name)
            if name in contexts:
                value = crypto.decrypt_text(key, value, contexts[name])
            text = _text(value)
            if text:
                values[f"{type(row).__name__}.{name}#{row.id}"] = text  # type: ignore[attr-defined]
    return values


def test_inzage_export_holds_every_stored_field(shop_db: Database, beheerder: Actor,
                                                begeleider: Actor, tmp_path: Path) -> None:
    with shop_db.session() as session:
        full = make_full_person(session, beheerder, begeleider)
        add_worker(session, beheerder, "D-0778", first_name="Iemand", last_name="Anders")
    with shop_db.session() as session:
        data = privacy.inzage_export(session, beheerder, full.worker_id)
    text = json.dumps(data, ensure_ascii=False)
    with shop_db.read_session() as session:
        expected = stored_values(session, full, beheerder.data_key or b"")
    assert len(expected) > 60
    missing = {where: value for where, value in expected.items() if value not in text}
    assert missing == {}
    # The names of the people involved, not only their ids.
    for value in ("Marieke Jansen (marieke)", "Bea Beheer (beheer)", "Amfors Inzagetest",
                  "elektra", "fietsen", "beschut_werk", "KAL-2023-0077"):
        assert value in text
    assert "Anders" not in text and "D-0778" not in text
    worker = data["worker"]
    assert (worker["support_need"], worker["work_adjustments"]) == (SUPPORT, ADJUST)
    assert worker["birth_date"] == "1987-11-23"
    first = data["placements"][0]
    assert first["hours_total"] == "12.00"
    assert first["progress_notes"][0]["author"] == "Marieke Jansen (marieke)"
    assert first["progress_notes"][0]["text"] == NOTE
    assert {(e["entity"], e["action"]) for e in data["audit"]} >= {
        ("workers", "create"), ("placements", "create"), ("placements", "update"),
        ("progress_notes", "create"), ("hour_entries", "create")}
    assert all(e["entity_id"] is not None for e in data["audit"])
    # JSON-serialisable as it is, and written readable.
    path = privacy.write_inzage_json(data, tmp_path / "inzage.json")
    assert json.loads(path.read_text(encoding="utf-8")) == data
    assert '"last_name": "Çelik-van den Heuvel-Łukaszewska"' in path.read_text(encoding="utf-8")
    assert not list(tmp_path.glob("*.part"))
    with shop_db.read_session() as session:
        exports = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()
    assert [(e.entity, e.entity_id, e.username) for e in exports] == [
        ("workers", full.worker_id, "beheer")]


def test_inzage_pdf_is_readable_with_accents(shop_db: Database, beheerder: Actor,
                                             begeleider: Actor, tmp_path: Path) -> None:
    with shop_db.session() as session:
        full = make_full_person(session, beheerder, begeleider)
        data = privacy.inzage_export(session, beheerder, full.worker_id)
    path = write_inzage_pdf(data, tmp_path / "inzage.pdf", "Kringloop Amersfoort-Leusden")
    assert path.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob("*.part"))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert FULL_NAME in text
    flat = " ".join(text.split())
    for value in ("D-0777", "23-11-1987", "anais.lukaszewska@example.net", "3815 KX",
                  "Hans Kamphuis-Inzage", "Inzage persoonsgegevens", "Ondersteuningsvraag",
                  "KAL-2023-0077", "Pagina 1 van", "Betaald werk", "12,00"):
        assert value in flat, value
    for value in (SUPPORT, ADJUST, NOTE):
        assert " ".join(value.split()) in flat, value


def test_inzage_pdf_of_a_person_without_placements(shop_db: Database, beheerder: Actor,
                                                   tmp_path: Path) -> None:
    with shop_db.session() as session:
        worker_id = add_worker(session, beheerder, "D-0900", first_name="Zoë",
                               last_name="Bakker & Zn <test>")
        data = privacy.inzage_export(session, beheerder, worker_id)
    assert data["placements"] == [] and data["worker"]["support_need"] is None
    path = write_inzage_pdf(data, tmp_path / "leeg.pdf", "Kringloop")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Zoë Bakker & Zn <test>" in text and "Pagina 1 van 2" in text


# --- anonymisation --------------------------------------------------------------------------


def figures(session: Session) -> list[object]:
    periods = [Period.year(2023), Period.year(2025), Period.year(2026),
               Period(D(2025, 7, 1), TODAY), Period(D(2023, 3, 1), D(2023, 9, 30)),
               Period(D(2016, 1, 1), TODAY)]
    return [(bkn_figures(session, p, shop_name="X", app_version="1"),
             cedris_figures(session, p, shop_name="X", app_version="1")) for p in periods]


def test_anonymisation_keeps_every_figure_and_removes_identity(
    shop_db: Database, beheerder: Actor, begeleider: Actor
) -> None:
    with shop_db.session() as session:
        generate_demo(session, beheerder, scale="small", today=TODAY)
        full = make_full_person(session, beheerder, begeleider)
    with shop_db.read_session() as session:
        before = figures(session)
        ended = list(session.scalars(
            select(Worker.id).where(~Worker.placements.any(Placement.end_date.is_(None)))))
        notes_before = session.scalar(select(func.count()).select_from(ProgressNote))
        hours_before = session.scalar(select(func.sum(HourEntry.hours)))
    assert full.worker_id in ended and len(ended) > 10
    with shop_db.session() as session:
        for worker_id in ended:
            privacy.anonymise_worker(session, beheerder, worker_id)
    with shop_db.read_session() as session:
        assert figures(session) == before
        assert session.scalar(select(func.sum(HourEntry.hours))) == hours_before
        remaining_notes = session.scalar(select(func.count()).select_from(ProgressNote))
        assert remaining_notes is not None and notes_before is not None
        assert remaining_notes < notes_before
        row = session.get(Worker, full.worker_id)
        assert row is not None
        assert row.number == f"ANON-{full.worker_id}"
        assert row.full_name == "Geanonimiseerd"
        for name in ("birth_date", "email", "phone", "street", "postcode", "city",
                     "referrer_contact", "support_need_enc", "work_adjustments_enc"):
            assert getattr(row, name) is None, name
        assert row.anonymised_at is not None
        # Kept: what the figures and the history need.
        assert (row.doelgroep.code, row.referrer, row.start_date, row.end_date, row.status) == (
            "beschut_werk", "Gemeente Leusden", D(2023, 1, 9), D(2023, 12, 22), "uitgestroomd")
        kept = session.scalars(select(Placement).where(Placement.worker_id == row.id)
                               .order_by(Placement.start_date)).all()
        assert [(p.outcome, p.hours_per_week) for p in kept] == [
            ("betaald_werk", Decimal("22.5")), ("opleiding", Decimal("12.25"))]
        assert session.scalar(select(func.count()).select_from(ProgressNote).where(
            ProgressNote.placement_id.in_(full.placement_ids))) == 0
        assert set(session.scalars(select(Goal.description).where(
            Goal.placement_id.in_(full.placement_ids)))) == {privacy.ANONYMISED_GOAL}
        assert set(session.scalars(select(PlacementSkill.name).where(
            PlacementSkill.placement_id.in_(full.placement_ids)))) == {
            "Elektrische apparaten testen (skill)", "Fietsbanden plakken (skill)"}
        entry = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "anonymise", AuditEntry.entity_id == full.worker_id)).one()
        assert {"first_name", "support_need", "progress_notes"} <= set(json.loads(entry.fields))
        # Nobody finds the person by name any more.
        assert workers.worker_names(session, begeleider, "Anaïs Łukaszewska") == []
    # An inzage export of the anonymised record holds nothing that identifies the person.
    with shop_db.session() as session:
        text = json.dumps(privacy.inzage_export(session, beheerder, full.worker_id),
                          ensure_ascii=False)
    for value in ("Anaïs", "Łukaszewska", "D-0777", "1987-11-23", "anais.lukaszewska",
                  "9876 5432", "Zonnebloemweg", "3815 KX", "Hoogland", "Kamphuis", SUPPORT, ADJUST,
                  NOTE, "(doel)"):
        assert value not in text, value


def test_anonymisation_refusals(shop_db: Database, beheerder: Actor) -> None:
    with shop_db.session() as session:
        running = add_worker(session, beheerder, "A-01", [(D(2024, 1, 1), None)])
        done = add_worker(session, beheerder, "A-02", [(D(2024, 1, 1), D(2024, 3, 1))])
    with pytest.raises(UserError) as caught, shop_db.session() as session:
        privacy.anonymise_worker(session, beheerder, running)
    assert "lopende plaatsing" in caught.value.message
    with shop_db.session() as session:
        privacy.anonymise_worker(session, beheerder, done)
    with pytest.raises(UserError) as caught, shop_db.session() as session:
        privacy.anonymise_worker(session, beheerder, done)
    assert "al geanonimiseerd" in caught.value.message
    with pytest.raises(UserError), shop_db.session() as session:
        privacy.anonymise_worker(session, beheerder, 999)


# --- deletion -------------------------------------------------------------------------------


def test_deletion_needs_the_number_and_removes_everything(
    shop_db: Database, beheerder: Actor, begeleider: Actor
) -> None:
    with shop_db.session() as session:
        full = make_full_person(session, beheerder, begeleider)
        other = add_worker(session, beheerder, "D-0778", [(D(2024, 1, 1), None)])

    def counts(session: Session) -> dict[str, int]:
        result = {}
        for model in (Worker, Placement, Goal, ProgressNote, PlacementSkill, HourEntry,
                      Certificate):
            result[model.__name__] = session.scalar(
                select(func.count()).select_from(model)) or 0
        return result

    with shop_db.read_session() as session:
        before = counts(session)
    for wrong in ("", "D-0778", "D-077"):
        with pytest.raises(UserError) as caught, shop_db.session() as session:
            privacy.delete_worker(session, beheerder, full.worker_id, wrong)
        assert "niets verwijderd" in caught.value.message
    with shop_db.read_session() as session:
        assert counts(session) == before
    with shop_db.session() as session:
        privacy.delete_worker(session, beheerder, full.worker_id, " d-0777 ")
    with shop_db.read_session() as session:
        assert counts(session) == {"Worker": 1, "Placement": 1, "Goal": 0, "ProgressNote": 0,
                                   "PlacementSkill": 0, "HourEntry": 0, "Certificate": 0}
        assert session.get(Worker, other) is not None
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "delete")).one()
        assert (entry.entity, entry.entity_id, entry.fields, entry.summary) == (
            "workers", full.worker_id, None, None)
    with pytest.raises(UserError), shop_db.session() as session:
        privacy.delete_worker(session, beheerder, full.worker_id, "D-0777")


# --- who may use the tools ------------------------------------------------------------------


def test_only_a_beheerder_uses_the_privacy_tools(shop_db: Database, beheerder: Actor,
                                                 begeleider: Actor, invoer: Actor) -> None:
    with shop_db.session() as session:
        worker_id = add_worker(session, beheerder, "P-01", [(D(2020, 1, 6), D(2020, 6, 30))])
    for actor in (begeleider, invoer):
        for call in (
            lambda s, a=actor: privacy.retention_candidates(s, a, today=TODAY),
            lambda s, a=actor: privacy.anonymise_worker(s, a, worker_id),
            lambda s, a=actor: privacy.inzage_export(s, a, worker_id),
            lambda s, a=actor: privacy.delete_worker(s, a, worker_id, "P-01"),
        ):
            with pytest.raises(PermissionDeniedError), shop_db.session() as session:
                call(session)
    # The inzage export holds the decrypted texts, so it also needs the key.
    with pytest.raises(PermissionDeniedError), shop_db.session() as session:
        privacy.inzage_export(session, replace(beheerder, data_key=None), worker_id)
    with shop_db.read_session() as session:
        assert session.get(Worker, worker_id) is not None
        assert not session.scalars(select(AuditEntry).where(
            AuditEntry.action.in_(("export", "anonymise", "delete")))).all()


def test_removed_data_leaves_no_trace_in_the_sqlite_file(shop_db: Database, beheerder: Actor,
                                                         begeleider: Actor) -> None:
    """Anonymised and deleted values are overwritten, not left in free pages (SQLite's
    secure_delete), once the WAL has been checkpointed."""
    if not is_sqlite(shop_db.engine):
        pytest.skip("a file-level check of SQLite")
    with shop_db.session() as session:
        full = make_full_person(session, beheerder, begeleider)
        gone = add_worker(session, beheerder, "D-0779", [(D(2023, 1, 2), D(2023, 3, 1))],
                          first_name="Verwijderbaar", last_name="Zeldzaamachternaam",
                          email="weg.ermee@example.org")
    with shop_db.session() as session:
        privacy.anonymise_worker(session, beheerder, full.worker_id)
        privacy.delete_worker(session, beheerder, gone, "D-0779")
    with shop_db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database = Path(shop_db.url.database or "")
    blob = b"".join(p.read_bytes() for p in (database, database.with_name(database.name + "-wal"))
                    if p.exists())
    for value in ("Łukaszewska", "anais.lukaszewska", "Zonnebloemweg", "Kamphuis-Inzage",
                  "(doel)", "Verwijderbaar", "Zeldzaamachternaam", "weg.ermee"):
        assert value.encode("utf-8") not in blob, value
    assert b"Elektrische apparaten testen (skill)" in blob  # kept, so the scan sees text
