"""Workers, progress notes and placements: validation, roles, encryption, audit, overlap."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import AuditEntry, HourEntry, Placement, ProgressNote, Worker
from kringloopdesk.errors import PermissionDeniedError, UserError, ValidationError
from kringloopdesk.services import placements, privacy, workers
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.permissions import SERVICE_PERMISSIONS, Permission, allowed
from kringloopdesk.services.workers import WorkerChangedError, WorkerInput

D = dt.date
SUPPORT = "Werkt het best met een vaste taak; korte instructies, één stap tegelijk."
ADJUST = "Vaste werkplek bij de sorteertafel; geen kassadiensten."
NOTE = "Evaluatie na zes weken: komt op tijd en vraagt zelf om hulp."


def sample(**changes: object) -> WorkerInput:
    data = WorkerInput(
        number="D-0042",
        first_name="Anaïs",
        last_name="Çelik-van den Heuvel",
        doelgroep="participatiewet",
        start_date=D(2024, 2, 5),
        birth_date=D(1990, 4, 17),
        email="anais.celik@example.org",
        phone="06-12345678",
        street="Langestraat 12",
        postcode="3811ab",
        city="Amersfoort",
        referrer="Gemeente Amersfoort",
        referrer_contact="Lieke Verbeek",
        status="actief",
        support_need=SUPPORT,
        work_adjustments=ADJUST,
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def create(db: Database, actor: Actor, **changes: object) -> workers.WorkerDetail:
    with db.session() as session:
        return workers.create_worker(session, actor, sample(**changes))


def without_key(actor: Actor) -> Actor:
    return replace(actor, data_key=None)


# --- create and read ------------------------------------------------------------------------


def test_create_and_read_back_every_field(shop_db: Database, begeleider: Actor) -> None:
    created = create(shop_db, begeleider)
    with shop_db.read_session() as session:
        detail = workers.get_worker(session, begeleider, created.id)
    assert (detail.number, detail.full_name) == ("D-0042", "Anaïs Çelik-van den Heuvel")
    assert detail.personal is not None and detail.sensitive is not None
    assert detail.personal.postcode == "3811 AB"  # normalised
    assert detail.personal.doelgroep == "participatiewet"
    assert detail.personal.birth_date == D(1990, 4, 17)
    assert detail.personal.referrer_contact == "Lieke Verbeek"
    assert detail.sensitive.support_need == SUPPORT
    assert detail.sensitive.work_adjustments == ADJUST
    assert detail.version == 1
    assert detail.as_input() == replace(sample(), postcode="3811 AB")
    with shop_db.read_session() as session:
        row = session.get(Worker, created.id)
        assert row is not None and row.support_need_enc is not None
        assert SUPPORT.encode() not in row.support_need_enc
        assert ADJUST.encode() not in (row.work_adjustments_enc or b"")
        assert row.updated_by_id == begeleider.user_id


def test_empty_sensitive_texts_are_stored_as_nothing(shop_db: Database, begeleider: Actor) -> None:
    created = create(shop_db, begeleider, support_need="  ", work_adjustments=None)
    with shop_db.read_session() as session:
        row = session.get(Worker, created.id)
        assert row is not None
        assert row.support_need_enc is None and row.work_adjustments_enc is None
        detail = workers.get_worker(session, begeleider, created.id)
    assert detail.personal is not None and not detail.personal.has_support_need
    assert detail.sensitive == workers.WorkerSensitive(None, None)


INVALID = [
    ({"number": " "}, "number"),
    ({"number": "ANON-7"}, "number"),
    ({"number": "D-" + "9" * 30}, "number"),
    ({"first_name": ""}, "first_name"),
    ({"last_name": "  "}, "last_name"),
    ({"doelgroep": ""}, "doelgroep"),
    ({"doelgroep": "onbekend"}, "doelgroep"),
    ({"start_date": None}, "start_date"),
    ({"end_date": D(2024, 2, 4)}, "end_date"),
    ({"birth_date": D(2999, 1, 1)}, "birth_date"),
    ({"email": "anais.example.org"}, "email"),
    ({"email": "anais@localhost"}, "email"),
    ({"phone": "12345"}, "phone"),
    ({"phone": "06-1234567"}, "phone"),
    ({"phone": "+32 2 123 45 67"}, "phone"),
    ({"phone": "0612345678901"}, "phone"),
    ({"postcode": "38111"}, "postcode"),
    ({"postcode": "0811 AB"}, "postcode"),
    ({"status": "weg"}, "status"),
]
VALID_PHONES = ["0612345678", "06-12345678", "020 123 4567", "+31 6 1234 5678", "+31612345678",
                "(033) 465 12 34"]


def test_validation_names_the_field(shop_db: Database, begeleider: Actor) -> None:
    for changes, field in INVALID:
        with pytest.raises(ValidationError) as caught, shop_db.session() as session:
            workers.create_worker(session, begeleider, sample(**changes))
        assert set(caught.value.field_errors) == {field}, changes
        assert caught.value.message == "Controleer de gegevens van de medewerker."
    with shop_db.read_session() as session:
        assert session.scalar(select(Worker.id)) is None


def test_every_missing_required_field_is_reported_at_once(shop_db: Database,
                                                          begeleider: Actor) -> None:
    with pytest.raises(ValidationError) as caught, shop_db.session() as session:
        workers.create_worker(session, begeleider, WorkerInput(
            number="", first_name="", last_name="", doelgroep="", start_date=None))
    assert set(caught.value.field_errors) == {
        "number", "first_name", "last_name", "doelgroep", "start_date"}
    assert caught.value.field_errors["number"] == "Verplicht"


def test_dutch_phone_numbers_are_accepted(shop_db: Database, begeleider: Actor) -> None:
    for index, phone in enumerate(VALID_PHONES):
        detail = create(shop_db, begeleider, phone=phone, number=f"D-{index:04d}")
        assert detail.personal is not None and detail.personal.phone == phone


def test_number_is_unique_ignoring_case(shop_db: Database, begeleider: Actor) -> None:
    create(shop_db, begeleider)
    with pytest.raises(ValidationError) as caught, shop_db.session() as session:
        workers.create_worker(session, begeleider, sample(number="d-0042", email=None))
    assert caught.value.field_errors["number"] == "Het nummer d-0042 is al in gebruik"
    assert set(caught.value.field_errors) == {"number"}


# --- update and the optimistic lock ---------------------------------------------------------


def test_update_changes_fields_and_audits_their_names(shop_db: Database,
                                                      begeleider: Actor) -> None:
    created = create(shop_db, begeleider)
    new_support = "Kan vier uur per dag werken, met een korte pauze na elk uur."
    with shop_db.session() as session:
        updated = workers.update_worker(
            session, begeleider, created.id,
            replace(created.as_input(), email="nieuw@example.net", support_need=new_support,
                    doelgroep="uwv"),
            created.version,
        )
    assert updated.version == created.version + 1
    assert updated.sensitive is not None and updated.sensitive.support_need == new_support
    assert updated.personal is not None and updated.personal.doelgroep == "uwv"
    with shop_db.read_session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "update",
                                     AuditEntry.entity == "workers")
        ).one()
    assert json.loads(entry.fields) == ["doelgroep", "email", "support_need"]
    assert entry.entity_id == created.id and entry.username == "marieke"


def test_saving_unchanged_data_writes_nothing(shop_db: Database, begeleider: Actor) -> None:
    created = create(shop_db, begeleider)
    with shop_db.session() as session:
        same = workers.update_worker(session, begeleider, created.id, created.as_input(),
                                     created.version)
    assert same.version == created.version
    with shop_db.read_session() as session:
        assert not session.scalars(
            select(AuditEntry).where(AuditEntry.action == "update")).all()


def test_version_conflict_names_who_changed_it(shop_db: Database, beheerder: Actor,
                                               begeleider: Actor) -> None:
    created = create(shop_db, begeleider)
    with shop_db.session() as session:
        workers.update_worker(session, beheerder, created.id,
                              replace(created.as_input(), city="Leusden"), created.version)
    with pytest.raises(WorkerChangedError) as caught, shop_db.session() as session:
        workers.update_worker(session, begeleider, created.id,
                              replace(created.as_input(), phone="0334651234"), created.version)
    assert isinstance(caught.value, UserError)
    assert "gewijzigd door beheer" in caught.value.message
    with shop_db.read_session() as session:
        detail = workers.get_worker(session, begeleider, created.id)
    assert detail.personal is not None
    assert (detail.personal.city, detail.personal.phone) == ("Leusden", "06-12345678")


def test_update_of_a_missing_worker(shop_db: Database, begeleider: Actor) -> None:
    with pytest.raises(UserError), shop_db.session() as session:
        workers.update_worker(session, begeleider, 999, sample(), 1)


# --- roles and the data key -----------------------------------------------------------------


def test_invoer_sees_number_and_name_only(shop_db: Database, begeleider: Actor,
                                          invoer: Actor) -> None:
    created = create(shop_db, begeleider)
    with shop_db.read_session() as session:
        detail = workers.get_worker(session, invoer, created.id)
        names = workers.worker_names(session, invoer, "celik")
    assert (detail.number, detail.first_name, detail.last_name) == (
        "D-0042", "Anaïs", "Çelik-van den Heuvel")
    assert detail.personal is None and detail.sensitive is None
    text = repr(detail) + repr(names)
    for secret in ("1990", "example.org", "12345678", "Langestraat", "3811", "Lieke",
                   "participatiewet", SUPPORT, ADJUST):
        assert secret not in text
    assert [n.display for n in names] == ["D-0042 Anaïs Çelik-van den Heuvel"]
    with pytest.raises(ValueError):
        detail.as_input()


def test_invoer_is_refused_every_personal_and_sensitive_call(
    shop_db: Database, begeleider: Actor, invoer: Actor
) -> None:
    created = create(shop_db, begeleider)
    with shop_db.session() as session:
        placement = placements.create_placement(session, begeleider, created.id, "winkel",
                                                D(2024, 2, 5), 24)
    calls = [
        lambda s: workers.create_worker(s, invoer, sample(number="D-0100")),
        lambda s: workers.update_worker(s, invoer, created.id, sample(), created.version),
        lambda s: workers.add_progress_note(s, invoer, placement.id, D(2024, 3, 1), NOTE),
        lambda s: workers.list_progress_notes(s, invoer, placement.id),
        lambda s: placements.list_placements(s, invoer, created.id),
        lambda s: placements.create_placement(s, invoer, created.id, "winkel", D(2026, 1, 1),
                                              8),
        lambda s: placements.end_placement(s, invoer, placement.id, D(2024, 6, 30), "uitval"),
    ]
    for call in calls:
        with pytest.raises(PermissionDeniedError), shop_db.session() as session:
            call(session)


def test_without_the_key_sensitive_texts_stay_closed(shop_db: Database,
                                                     begeleider: Actor) -> None:
    created = create(shop_db, begeleider)
    with shop_db.session() as session:
        placement = placements.create_placement(session, begeleider, created.id, "winkel",
                                                D(2024, 2, 5), 24)
        workers.add_progress_note(session, begeleider, placement.id, D(2024, 3, 1), NOTE)
    keyless = without_key(begeleider)
    with shop_db.read_session() as session:
        detail = workers.get_worker(session, keyless, created.id)
        before = session.get(Worker, created.id)
        assert before is not None
        ciphertexts = (before.support_need_enc, before.work_adjustments_enc)
    assert detail.personal is not None and detail.sensitive is None
    assert detail.personal.has_support_need and detail.personal.has_work_adjustments
    for call in (
        lambda s: workers.list_progress_notes(s, keyless, placement.id),
        lambda s: workers.add_progress_note(s, keyless, placement.id, D(2024, 3, 2), NOTE),
        lambda s: workers.create_worker(s, keyless, sample(number="D-0101")),
        lambda s: workers.update_worker(s, keyless, created.id,
                                        replace(detail.as_input(), support_need="Nieuw"),
                                        detail.version),
    ):
        with pytest.raises(PermissionDeniedError), shop_db.session() as session:
            call(session)
    # An edit of the other fields leaves both ciphertexts exactly as they were.
    with shop_db.session() as session:
        workers.update_worker(session, keyless, created.id,
                              replace(detail.as_input(), city="Hoogland"), detail.version)
    with shop_db.read_session() as session:
        after = session.get(Worker, created.id)
        assert after is not None and after.city == "Hoogland"
        assert (after.support_need_enc, after.work_adjustments_enc) == ciphertexts
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
        assert json.loads(entry.fields) == ["city"]
    # ... and a worker without texts can be created without the key.
    detail2 = create(shop_db, keyless, number="D-0102", support_need=None,
                     work_adjustments=None)
    assert detail2.sensitive is None


def test_a_key_holder_can_clear_a_text(shop_db: Database, beheerder: Actor) -> None:
    created = create(shop_db, beheerder)
    with shop_db.session() as session:
        updated = workers.update_worker(
            session, beheerder, created.id, replace(created.as_input(), work_adjustments=""),
            created.version)
    assert updated.sensitive == workers.WorkerSensitive(SUPPORT, None)
    with shop_db.read_session() as session:
        row = session.get(Worker, created.id)
        assert row is not None and row.work_adjustments_enc is None


def test_audit_entries_hold_field_names_never_values(shop_db: Database, beheerder: Actor,
                                                     begeleider: Actor) -> None:
    created = create(shop_db, begeleider)
    with shop_db.session() as session:
        workers.update_worker(session, begeleider, created.id,
                              replace(created.as_input(), support_need=SUPPORT + " Extra."),
                              created.version)
        placement = placements.create_placement(session, begeleider, created.id, "kassa",
                                                D(2024, 2, 5), "16,5")
        workers.add_progress_note(session, begeleider, placement.id, D(2024, 3, 1), NOTE)
        placements.add_hours(session, begeleider, created.id, D(2024, 3, 4), "4.25")
    with shop_db.read_session() as session:
        entries = session.scalars(select(AuditEntry)).all()
    assert {(e.action, e.entity) for e in entries} >= {
        ("create", "workers"), ("update", "workers"), ("create", "placements"),
        ("create", "progress_notes"), ("create", "hour_entries")}
    created_entry = next(e for e in entries if (e.action, e.entity) == ("create", "workers"))
    assert {"support_need", "work_adjustments", "email", "birth_date"} <= set(
        json.loads(created_entry.fields))
    dump = json.dumps([[e.fields, e.summary, e.username] for e in entries], ensure_ascii=False)
    for value in (SUPPORT, "Extra.", ADJUST, NOTE, "Anaïs", "Çelik", "anais.celik", "12345678",
                  "Langestraat", "Lieke", "1990-04-17"):
        assert value not in dump


# --- names for the hours screen -------------------------------------------------------------


def test_worker_names_search_ignores_case_and_accents(shop_db: Database, begeleider: Actor,
                                                      invoer: Actor) -> None:
    create(shop_db, begeleider)
    create(shop_db, begeleider, number="D-0043", first_name="Łukasz", last_name="Nowak",
           email=None)
    create(shop_db, begeleider, number="D-0044", first_name="Sanne", last_name="de Vries",
           email=None, status="uitgestroomd")
    with shop_db.read_session() as session:
        def find(text: str, **kw: object) -> list[str]:
            return [n.number for n in workers.worker_names(session, invoer, text, **kw)]

        assert find("lukasz") == ["D-0043"]
        assert find("ANAÏS çelik") == ["D-0042"]
        assert find("d-004") == ["D-0042", "D-0043", "D-0044"]  # Çelik, Nowak, Vries
        assert find("") == ["D-0042", "D-0043", "D-0044"]
        assert find("", include_ended=False) == ["D-0042", "D-0043"]
        assert find("", limit=1) == ["D-0042"]
        assert find("niemand") == []


# --- progress notes -------------------------------------------------------------------------


def test_progress_notes_are_encrypted_and_decrypted(shop_db: Database, begeleider: Actor,
                                                    beheerder: Actor) -> None:
    created = create(shop_db, begeleider)
    with shop_db.session() as session:
        placement = placements.create_placement(session, begeleider, created.id, "winkel",
                                                D(2024, 2, 5), 24)
        workers.add_progress_note(session, begeleider, placement.id, D(2024, 4, 1),
                                  "Tweede notitie.")
        first = workers.add_progress_note(session, begeleider, placement.id, D(2024, 3, 1),
                                          NOTE)
    assert first.author_name == "Marieke Jansen" and first.text == NOTE
    with shop_db.read_session() as session:
        notes = workers.list_progress_notes(session, beheerder, placement.id)
        raw = session.scalars(select(ProgressNote.body_enc)).all()
    assert [(n.note_date, n.text, n.author_name) for n in notes] == [
        (D(2024, 3, 1), NOTE, "Marieke Jansen"), (D(2024, 4, 1), "Tweede notitie.",
                                                  "Marieke Jansen")]
    assert all(NOTE.encode() not in body for body in raw)
    for text, date in (("  ", D(2024, 3, 1)), (NOTE, None)):
        with pytest.raises(ValidationError), shop_db.session() as session:
            workers.add_progress_note(session, begeleider, placement.id, date, text)
    with pytest.raises(UserError), shop_db.session() as session:
        workers.add_progress_note(session, begeleider, 999, D(2024, 3, 1), NOTE)


# --- placements and hours -------------------------------------------------------------------


def test_placements_never_overlap(shop_db: Database, begeleider: Actor) -> None:
    worker = create(shop_db, begeleider)
    with shop_db.session() as session:
        first = placements.create_placement(session, begeleider, worker.id, "sorteren",
                                            D(2024, 2, 5), Decimal("20"),
                                            planned_end_date=D(2024, 8, 4),
                                            coach_id=begeleider.user_id)
    assert (first.status, first.coach_name, first.department) == (
        "actief", "Marieke Jansen", "sorteren")
    # A second open-ended placement while the first still runs: refused.
    with pytest.raises(ValidationError) as caught, shop_db.session() as session:
        placements.create_placement(session, begeleider, worker.id, "winkel", D(2024, 9, 1), 8)
    assert "lopende plaatsing" in caught.value.message
    with shop_db.session() as session:
        ended = placements.end_placement(session, begeleider, first.id, D(2024, 6, 30),
                                         "andere_plek")
    assert (ended.status, ended.outcome) == ("afgerond", "andere_plek")
    # Starting on the last day of the previous one overlaps; the day after is fine.
    with pytest.raises(ValidationError) as caught, shop_db.session() as session:
        placements.create_placement(session, begeleider, worker.id, "winkel", D(2024, 6, 30), 8)
    assert "30-06-2024" in caught.value.message
    with shop_db.session() as session:
        second = placements.create_placement(session, begeleider, worker.id, "winkel",
                                              D(2024, 7, 1), 8)
    # Ending the earlier one later would now overlap the new one.
    with shop_db.session() as session:
        listed = placements.list_placements(session, begeleider, worker.id)
    assert [p.id for p in listed] == [first.id, second.id]
    with pytest.raises(UserError), shop_db.session() as session:
        placements.end_placement(session, begeleider, first.id, D(2024, 7, 15), "uitval")


def test_placement_validation(shop_db: Database, begeleider: Actor, invoer: Actor) -> None:
    worker = create(shop_db, begeleider)
    for args, field in (
        (("", D(2024, 1, 1), 8), "department"),
        (("zolder", D(2024, 1, 1), 8), "department"),
        (("winkel", None, 8), "start_date"),
        (("winkel", D(2024, 1, 1), 0), "hours_per_week"),
        (("winkel", D(2024, 1, 1), "40,5"), "hours_per_week"),
        (("winkel", D(2024, 1, 1), "8.125"), "hours_per_week"),
        (("winkel", D(2024, 1, 1), "veel"), "hours_per_week"),
        (("winkel", D(2024, 1, 1), None), "hours_per_week"),
    ):
        with pytest.raises(ValidationError) as caught, shop_db.session() as session:
            placements.create_placement(session, begeleider, worker.id, *args)
        assert field in caught.value.field_errors, args
    for kwargs, field in (
        ({"planned_end_date": D(2023, 12, 31)}, "planned_end_date"),
        ({"partner_id": 999}, "partner"),
        ({"coach_id": invoer.user_id}, "coach"),
    ):
        with pytest.raises(ValidationError) as caught, shop_db.session() as session:
            placements.create_placement(session, begeleider, worker.id, "winkel",
                                        D(2024, 1, 1), 8, **kwargs)
        assert field in caught.value.field_errors
    with shop_db.session() as session:
        placement = placements.create_placement(session, begeleider, worker.id, "winkel",
                                                D(2024, 1, 1), "13,5")
    assert placement.hours_per_week == Decimal("13.5")
    for end, outcome, field in ((D(2023, 12, 31), "uitval", "end_date"),
                                (None, "uitval", "end_date"),
                                (D(2024, 3, 1), "", "outcome"),
                                (D(2024, 3, 1), "weg", "outcome")):
        with pytest.raises(ValidationError) as caught, shop_db.session() as session:
            placements.end_placement(session, begeleider, placement.id, end, outcome)
        assert field in caught.value.field_errors
    with shop_db.session() as session:
        placements.add_hours(session, begeleider, worker.id, D(2024, 3, 5), 6)
    with pytest.raises(ValidationError) as caught, shop_db.session() as session:
        placements.end_placement(session, begeleider, placement.id, D(2024, 3, 1), "uitval")
    assert "05-03-2024" in caught.value.message
    with shop_db.session() as session:
        ended = placements.end_placement(session, begeleider, placement.id, D(2024, 3, 5),
                                         "uitval")
    assert ended.status == "gestopt"
    with pytest.raises(UserError), shop_db.session() as session:
        placements.end_placement(session, begeleider, placement.id, D(2024, 3, 6), "uitval")


def test_hours_go_to_the_placement_of_that_day(shop_db: Database, begeleider: Actor,
                                               invoer: Actor) -> None:
    worker = create(shop_db, begeleider)
    with shop_db.session() as session:
        first = placements.create_placement(session, begeleider, worker.id, "winkel",
                                            D(2024, 1, 1), 8)
        placements.end_placement(session, begeleider, first.id, D(2024, 3, 31), "andere_plek")
        second = placements.create_placement(session, begeleider, worker.id, "fietsen",
                                             D(2024, 5, 1), 16)
    with shop_db.session() as session:
        a = placements.add_hours(session, invoer, worker.id, D(2024, 3, 31), "4")
        b = placements.add_hours(session, invoer, worker.id, D(2024, 5, 1), Decimal("7.75"))
    assert (a.placement_id, b.placement_id, b.hours) == (first.id, second.id, Decimal("7.75"))
    with pytest.raises(UserError) as caught, shop_db.session() as session:
        placements.add_hours(session, invoer, worker.id, D(2024, 4, 15), 4)
    assert "15-04-2024" in caught.value.message and "D-0042" in caught.value.message
    with pytest.raises(UserError) as caught, shop_db.session() as session:
        placements.add_hours(session, invoer, worker.id, D(2024, 5, 1), 2)
    assert "al 7,75 uur" in caught.value.message
    for day, hours, field in ((D(2999, 1, 1), 4, "day"), (None, 4, "day"),
                              (D(2024, 5, 2), 0, "hours"), (D(2024, 5, 2), 24.5, "hours"),
                              (D(2024, 5, 2), "1.005", "hours"), (D(2024, 5, 2), "", "hours")):
        with pytest.raises(ValidationError) as caught, shop_db.session() as session:
            placements.add_hours(session, invoer, worker.id, day, hours)
        assert field in caught.value.field_errors
    with shop_db.read_session() as session:
        assert len(session.scalars(select(HourEntry)).all()) == 2
        placement_entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "placements")).all()
    assert [e.action for e in placement_entries] == ["create", "update", "create"]


def test_no_placement_with_an_anonymised_or_missing_worker(shop_db: Database,
                                                          begeleider: Actor) -> None:
    with pytest.raises(UserError), shop_db.session() as session:
        placements.create_placement(session, begeleider, 999, "winkel", D(2024, 1, 1), 8)
    worker = create(shop_db, begeleider)
    with shop_db.session() as session:
        row = session.get(Worker, worker.id)
        assert row is not None
        row.anonymised_at = D(2025, 1, 1)
    with pytest.raises(UserError) as caught, shop_db.session() as session:
        placements.create_placement(session, begeleider, worker.id, "winkel", D(2024, 1, 1), 8)
    assert "geanonimiseerd" in caught.value.message
    with pytest.raises(UserError), shop_db.session() as session:
        workers.update_worker(session, begeleider, worker.id, sample(), 2)
    with shop_db.read_session() as session:
        assert session.scalar(select(Placement.id)) is None


# --- the role matrix of these services ------------------------------------------------------

MATRIX = {
    # function: roles that may call it
    "workers.get_worker": {"beheerder", "begeleider", "invoer"},
    "workers.get_worker_name": {"beheerder", "begeleider", "invoer"},
    "workers.worker_names": {"beheerder", "begeleider", "invoer"},
    "workers.create_worker": {"beheerder", "begeleider"},
    "workers.update_worker": {"beheerder", "begeleider"},
    "workers.add_progress_note": {"beheerder", "begeleider"},
    "workers.list_progress_notes": {"beheerder", "begeleider"},
    "placements.list_placements": {"beheerder", "begeleider"},
    "placements.create_placement": {"beheerder", "begeleider"},
    "placements.end_placement": {"beheerder", "begeleider"},
    "placements.update_placement": {"beheerder", "begeleider"},
    "placements.pause_placement": {"beheerder", "begeleider"},
    "placements.resume_placement": {"beheerder", "begeleider"},
    "placements.get_placement": {"beheerder", "begeleider"},
    "placements.placement_options": {"beheerder", "begeleider"},
    "placements.count_placement_rows": {"beheerder", "begeleider"},
    "placements.list_placement_rows": {"beheerder", "begeleider"},
    "workers.number_in_use": {"beheerder", "begeleider"},
    "workers.next_worker_number": {"beheerder", "begeleider"},
    "workers.worker_list_options": {"beheerder", "begeleider"},
    "workers.count_workers": {"beheerder", "begeleider", "invoer"},
    "workers.list_workers": {"beheerder", "begeleider", "invoer"},
    "placements.add_hours": {"beheerder", "begeleider", "invoer"},
    "privacy.retention_candidates": {"beheerder"},
    "privacy.anonymise_worker": {"beheerder"},
    "privacy.inzage_export": {"beheerder"},
    "privacy.delete_worker": {"beheerder"},
}


def test_role_matrix_of_the_people_services() -> None:
    assert privacy.delete_worker.permission == Permission.PRIVACY_TOOLS  # type: ignore[attr-defined]
    ours = {name.removeprefix("kringloopdesk.services."): permission
            for name, permission in SERVICE_PERMISSIONS.items()
            if name.split(".")[2] in ("workers", "placements", "privacy")}
    assert set(ours) == set(MATRIX)
    for name, roles in MATRIX.items():
        assert {r for r in ("beheerder", "begeleider", "invoer")
                if allowed(r, ours[name])} == roles, name
