"""Sensitive texts never reach the disk in clear: not in the SQLite file, its WAL, a backup or a
logical dump — while a begeleider with the key reads them back through the services."""

from __future__ import annotations

import datetime as dt
import uuid
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kringloopdesk.db.backup import backup_sqlite, dump_logical
from kringloopdesk.db.engine import Database, is_sqlite
from kringloopdesk.db.models import ProgressNote, Worker
from kringloopdesk.services import demo, placements, workers
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.workers import WorkerInput

TODAY = dt.date(2026, 6, 30)


@dataclass
class Marked:
    """Workers whose sensitive texts carry unique markers, and a clear-text control."""

    secrets: list[str]  # must never be found
    control: str  # a last name: stored in clear, so it must be found (the scan works)
    worker_ids: list[int]
    placement_ids: list[int]


def _marker(kind: str) -> str:
    return f"MARKER-{kind}-{uuid.uuid4()}"


@pytest.fixture
def marked(shop_db: Database, beheerder: Actor, begeleider: Actor) -> Marked:
    control = f"Controlenaam{uuid.uuid4().hex}"
    secrets: list[str] = []
    worker_ids: list[int] = []
    placement_ids: list[int] = []
    with shop_db.session() as session:
        demo.generate_demo(session, beheerder, scale="small", today=TODAY)
    for index in range(3):
        support, adjust, note = (_marker("ondersteuning"), _marker("aanpassing"),
                                 _marker("notitie"))
        replaced = _marker("ondersteuning-oud")
        secrets += [support, adjust, note, replaced]
        with shop_db.session() as session:
            detail = workers.create_worker(session, begeleider, WorkerInput(
                number=f"M-{index:03d}", first_name="Markeer", last_name=control,
                doelgroep="banenafspraak", start_date=dt.date(2025, 1, 6),
                support_need=replaced, work_adjustments=adjust))
            placement = placements.create_placement(session, begeleider, detail.id, "kassa",
                                                    dt.date(2025, 1, 6), 16)
            workers.add_progress_note(session, begeleider, placement.id, dt.date(2025, 2, 3),
                                      note)
        # A later edit replaces the first support need: neither may be found.
        with shop_db.session() as session:
            workers.update_worker(session, begeleider, detail.id,
                                  replace(detail.as_input(), support_need=support),
                                  detail.version)
        worker_ids.append(detail.id)
        placement_ids.append(placement.id)
    return Marked(secrets, control, worker_ids, placement_ids)


def _forms(text: str) -> list[bytes]:
    """The ways a text could sit on disk: UTF-8, UTF-16 (SQLite's other text encoding), and
    hex (how the logical dump writes bytes)."""
    utf8 = text.encode("utf-8")
    return [utf8, text.encode("utf-16-le"), text.encode("utf-16-be"), utf8.hex().encode()]


def _assert_clean(label: str, blob: bytes, marked: Marked, demo_texts: list[str]) -> None:
    for secret in marked.secrets + demo_texts:
        for form in _forms(secret):
            assert form not in blob, f"{label} holds a sensitive text in clear: {secret!r}"


def _demo_texts() -> list[str]:
    return [*demo.SUPPORT_NEEDS, *demo.WORK_ADJUSTMENTS, *demo.PROGRESS_OPENING,
            *demo.PROGRESS_MIDDLE, *demo.PROGRESS_CLOSING.values()]


def test_demo_stores_sensitive_texts_encrypted(shop_db: Database, beheerder: Actor) -> None:
    with shop_db.session() as session:
        summary = demo.generate_demo(session, beheerder, scale="small", today=TODAY)
    with shop_db.read_session() as session:
        rows = session.scalars(select(Worker)).all()
        with_need = [w for w in rows if w.support_need_enc is not None]
        with_adjustments = [w for w in rows if w.work_adjustments_enc is not None]
        notes = session.scalar(select(func.count()).select_from(ProgressNote)) or 0
        assert len(with_need) > len(rows) / 2, "most workers have a support need"
        assert 0 < len(with_adjustments) < len(with_need)
        assert notes == summary.progress_notes and notes >= summary.placements
        # Through the service, a key holder reads believable texts in work terms.
        detail = workers.get_worker(session, beheerder, with_need[0].id)
        assert detail.sensitive is not None
        assert detail.sensitive.support_need in demo.SUPPORT_NEEDS
        placement_id = session.scalar(select(ProgressNote.placement_id).limit(1))
        assert placement_id is not None
        texts = [n.text for n in workers.list_progress_notes(session, beheerder, placement_id)]
        assert texts and set(texts) <= set(_demo_texts())
        authors = {n.author_name for n in
                   workers.list_progress_notes(session, beheerder, placement_id)}
        assert authors <= {"Marieke Jansen", "Youssef El Idrissi", "Henk Visser"}


def test_demo_progress_notes_are_a_fraction_in_large_shops() -> None:
    assert demo.SIZES["large"].progress_note_share < 0.5
    assert demo.SIZES["small"].progress_note_share == 1.0


def test_no_sensitive_text_on_disk_in_clear(shop_db: Database, marked: Marked,
                                            begeleider: Actor, tmp_path: Path) -> None:
    demo_texts = _demo_texts()
    found_control = False
    if is_sqlite(shop_db.engine):
        # Read the files while the database is open: the WAL holds the latest pages.
        database = Path(shop_db.url.database or "")
        files = [database, database.with_name(database.name + "-wal")]
        assert files[0].exists()
        for path in files:
            if path.exists():
                blob = path.read_bytes()
                _assert_clean(path.name, blob, marked, demo_texts)
                found_control |= marked.control.encode() in blob
        backup = backup_sqlite(shop_db.engine, tmp_path / "backup.sqlite")
        blob = backup.read_bytes()
        _assert_clean("backup", blob, marked, demo_texts)
        assert marked.control.encode() in blob, "the backup scan sees clear text"
        assert found_control, "the database scan sees clear text"
    with shop_db.engine.connect() as connection:
        dump_logical(connection, tmp_path / "dump.zip")
    with zipfile.ZipFile(tmp_path / "dump.zip") as archive:
        blob = b"\n".join(archive.read(name) for name in archive.namelist())
    _assert_clean("logical dump", blob, marked, demo_texts)
    assert marked.control.encode() in blob, "the dump scan sees clear text"
    # The same data reads back in clear for a begeleider with the key.
    with shop_db.read_session() as session:
        for worker_id, placement_id in zip(marked.worker_ids, marked.placement_ids, strict=True):
            detail = workers.get_worker(session, begeleider, worker_id)
            assert detail.sensitive is not None
            notes = workers.list_progress_notes(session, begeleider, placement_id)
            shown = {detail.sensitive.support_need, detail.sensitive.work_adjustments,
                     *(n.text for n in notes)}
            assert len(shown & set(marked.secrets)) == 3
