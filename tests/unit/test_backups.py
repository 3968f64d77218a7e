"""Back-ups: made with the online API (SQLite) or as a logical zip (PostgreSQL), checked after
writing, rotated grandfather-father-son, and restored after a back-up of what was there."""

from __future__ import annotations

import datetime as dt
import errno
import json
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kringloopdesk.db import backup as lowlevel
from kringloopdesk.db.engine import Database, is_sqlite
from kringloopdesk.db.models import AuditEntry, User
from kringloopdesk.errors import SchemaTooNewError, UserError
from kringloopdesk.services import backups
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.setup import get_shop, update_shop
from kringloopdesk.services.users import create_user


def _users(db: Database) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(User))


def _shop_name(db: Database) -> str:
    with db.read_session() as session:
        return get_shop(session).name


def _change(db: Database, actor: Actor) -> None:
    with db.session() as session:
        update_shop(session, actor, replace(get_shop(session), name="Kringloop Veranderd"))
        create_user(session, actor, username="nieuw", full_name="Nieuwe Gebruiker",
                    role="invoer", password="nieuw-wachtwoord-1")


def test_round_trip_restores_the_backup_and_keeps_the_changes_aside(
    shop_db: Database, beheerder: Actor, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    made = backups.make_backup(shop_db, folder=folder)
    assert made.path.parent == folder and made.kind == "handmatig"
    assert made.path.suffix == (".sqlite" if is_sqlite(shop_db.engine) else ".zip")
    info = backups.read_backup_info(made.path)
    assert info.shop_name == "Kringloop Amersfoort-Leusden"
    assert dict(info.main_counts())["Gebruikers"] == 1

    _change(shop_db, beheerder)
    assert _users(shop_db) == 2

    result = backups.restore_backup(shop_db, beheerder, made.path, folder=folder)
    assert _users(shop_db) == 1
    assert _shop_name(shop_db) == "Kringloop Amersfoort-Leusden"
    # What was there before is kept, with the changed data.
    before = backups.read_backup_info(result.before.path)
    assert result.before.kind == "voor-terugzetten"
    assert before.shop_name == "Kringloop Veranderd" and before.counts["users"] == 2
    with shop_db.read_session() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last.action == "restore" and last.entity == "database" and last.username == "beheer"
    assert made.path.name in last.summary
    # The database works on: a new user gets a fresh id (PostgreSQL sequences were reset).
    _change(shop_db, beheerder)
    assert _users(shop_db) == 2


def test_a_corrupted_write_is_caught_and_removed(
    shop_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if is_sqlite(shop_db.engine):
        real = lowlevel.snapshot_sqlite

        def damaged(engine, destination, **kwargs):
            counts = real(engine, destination, **kwargs)
            _flip_bytes(destination)
            return counts

        monkeypatch.setattr(lowlevel, "snapshot_sqlite", damaged)
    else:
        real = lowlevel.dump_logical

        def short(connection, destination, extra=None, **kwargs):
            counts = real(connection, destination, extra, **kwargs)
            return {**counts, "users": counts["users"] + 1}  # a table came out short

        monkeypatch.setattr(lowlevel, "dump_logical", short)
    with pytest.raises(UserError, match="bij de controle bleek het bestand niet goed"):
        backups.make_backup(shop_db, folder=tmp_path / "b")
    assert list((tmp_path / "b").iterdir()) == []


def _flip_bytes(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(4096 + 100, min(len(data), 4096 * 3)):
        data[i] ^= 0xA5
    path.write_bytes(bytes(data))


def test_a_damaged_or_foreign_file_is_refused(shop_db: Database, tmp_path: Path) -> None:
    made = backups.make_backup(shop_db, folder=tmp_path / "b")
    _flip_bytes(made.path)
    with pytest.raises(UserError, match=r"beschadigd|geen back-up"):
        backups.read_backup_info(made.path)

    text_file = tmp_path / "boodschappen.txt"
    text_file.write_text("melk, brood")
    foreign_db = tmp_path / "ander.sqlite"
    sqlite3.connect(foreign_db).execute("CREATE TABLE t (x)").connection.close()
    foreign_zip = tmp_path / "foto's.zip"
    with zipfile.ZipFile(foreign_zip, "w") as archive:
        archive.writestr("foto.txt", "geen foto")
    for path in (text_file, foreign_db, foreign_zip):
        with pytest.raises(UserError, match="is geen back-up van KringloopDesk"):
            backups.read_backup_info(path)
    with pytest.raises(UserError, match="bestaat niet"):
        backups.read_backup_info(tmp_path / "weg.sqlite")


def _make_future(path: Path) -> None:
    if path.suffix == ".sqlite":
        connection = sqlite3.connect(path)
        connection.execute("UPDATE alembic_version SET version_num = '9999_toekomst'")
        connection.commit()
        connection.close()
        return
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members["manifest.json"])
    manifest["schema_revision"] = "9999_toekomst"
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)


def test_a_backup_from_a_newer_version_is_refused(
    shop_db: Database, beheerder: Actor, tmp_path: Path
) -> None:
    made = backups.make_backup(shop_db, folder=tmp_path / "b")
    _make_future(made.path)
    with pytest.raises(SchemaTooNewError, match="nieuwere versie van KringloopDesk"):
        backups.restore_backup(shop_db, beheerder, made.path, folder=tmp_path / "b")
    # Refused before anything happened: no pre-restore back-up either.
    assert [b.kind for b in backups.list_backups(tmp_path / "b")] == ["handmatig"]


def test_the_other_engines_backup_is_refused(shop_db: Database, beheerder: Actor,
                                              tmp_path: Path) -> None:
    other = tmp_path / "other.zip" if is_sqlite(shop_db.engine) else tmp_path / "other.sqlite"
    if other.suffix == ".zip":
        with zipfile.ZipFile(other, "w") as archive:
            archive.writestr("tables/users.jsonl", "")
            archive.writestr("manifest.json", json.dumps({
                "format": lowlevel.LOGICAL_FORMAT, "created_at": "2026-01-01T10:00:00+00:00",
                "schema_revision": backups.head_revision(), "tables": {"users": 0}}))
        expected = "alleen in een PostgreSQL-database"
    else:
        connection = sqlite3.connect(other)
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (backups.head_revision(),))
        connection.execute("CREATE TABLE shop_profile (name TEXT)")
        connection.commit()
        connection.close()
        expected = "niet in een PostgreSQL-database"
    with pytest.raises(UserError, match=expected):
        backups.restore_backup(shop_db, beheerder, other, folder=tmp_path / "b")
    assert not (tmp_path / "b").exists()


def test_an_unwritable_place_gives_a_dutch_message_and_no_part_file(
    shop_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "een-bestand"
    blocker.write_text("x")
    with pytest.raises(UserError, match="kan niet worden geschreven"):
        backups.make_backup(shop_db, folder=blocker / "backups")

    def disk_full(src, dst):
        raise OSError(errno.ENOSPC, "Geen ruimte meer op het apparaat")

    monkeypatch.setattr(lowlevel.os, "replace", disk_full)
    folder = tmp_path / "usb"
    folder.mkdir()
    with pytest.raises(UserError, match=r"Geen ruimte meer.*geen half bestand"):
        backups.make_backup(shop_db, destination=folder / "kopie.bak")
    assert list(folder.iterdir()) == []


def test_postgresql_adds_a_pg_dump_file_when_available(shop_db: Database,
                                                       tmp_path: Path) -> None:
    import shutil

    if is_sqlite(shop_db.engine) or shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is for PostgreSQL, and needs the program installed")
    made = backups.make_backup(shop_db, folder=tmp_path)
    assert made.pg_dump_path is not None and made.pg_dump_path.stat().st_size > 0
    assert made.pg_dump_path.with_suffix(".zip") == made.path


# -- rotation and the daily back-up ----------------------------------------------------------


def _touch(folder: Path, kind: str, at: dt.datetime, suffix: str = ".sqlite") -> Path:
    path = folder / backups.backup_name(kind, at, suffix)
    path.write_bytes(b"")
    return path


def test_rotation_over_400_days_keeps_exactly_the_grandfather_father_son_set(
    tmp_path: Path,
) -> None:
    tmp_path = tmp_path / "b"
    tmp_path.mkdir()
    start = dt.datetime(2025, 10, 24, 9, 0)
    keepers = {
        _touch(tmp_path, "handmatig", start),
        _touch(tmp_path, "voor-terugzetten", start + dt.timedelta(days=1)),
        tmp_path / "voor-upgrade-0002-20251101-120000.sqlite",
        tmp_path / "boodschappen.txt",
    }
    for path in keepers:
        path.write_bytes(b"")
    for day in range(400):
        morning = start + dt.timedelta(days=day)
        _touch(tmp_path, "dagelijks", morning)
        evening = morning.replace(hour=17, minute=30)
        _touch(tmp_path, "afsluiten", evening)
        backups.rotate(tmp_path, evening)
    now = start + dt.timedelta(days=399, hours=8, minutes=30)  # 2026-11-27 17:30
    assert now.date() == dt.date(2026, 11, 27)

    left = {p for p in tmp_path.iterdir()}
    assert keepers <= left
    kept_days = sorted(backups.parse_backup_name(p)[1] for p in left - keepers)
    # Only the evening back-up of a day is the newest of that day.
    assert all(at.hour == 17 for at in kept_days)
    expected = {now.date() - dt.timedelta(days=i) for i in range(7)}  # 21-27 November
    # The newest of each of the last 4 ISO weeks: Sundays 22, 15 and 8 Nov + this week.
    expected |= {dt.date(2026, 11, 22), dt.date(2026, 11, 15), dt.date(2026, 11, 8)}
    # The newest of each of the last 12 months: their last days (+ November, today).
    # December 2025 to October 2026.
    expected |= {dt.date(2026, m, 1) - dt.timedelta(days=1) for m in range(1, 12)}
    assert {at.date() for at in kept_days} == expected
    # 7 days, 2 more Sundays (the 22nd is one of the 7 days), 11 month ends.
    assert len(kept_days) == len(expected) == 7 + 2 + 11


def test_plan_rotation_never_touches_manual_backups() -> None:
    now = dt.datetime(2026, 11, 28, 12, 0)
    files = [
        backups.BackupFile(Path(f"/x/{i}"), kind, now - dt.timedelta(days=400), 1)
        for i, kind in enumerate(("handmatig", "voor-terugzetten", "dagelijks"))
    ]
    keep, delete = backups.plan_rotation(files, now, 7, 4, 12)
    assert keep == [] and [b.kind for b in delete] == ["dagelijks"]


def test_should_make_daily(tmp_path: Path) -> None:
    from kringloopdesk.settings import write_local

    now = dt.datetime(2026, 11, 28, 8, 0)
    assert backups.should_make_daily(now, tmp_path)
    _touch(tmp_path, "handmatig", now)
    assert backups.should_make_daily(now, tmp_path)  # a manual one does not count
    _touch(tmp_path, "afsluiten", now - dt.timedelta(hours=1))
    assert not backups.should_make_daily(now, tmp_path)
    assert backups.should_make_daily(now + dt.timedelta(days=1), tmp_path)
    write_local("backup.daily", False)
    assert not backups.should_make_daily(now + dt.timedelta(days=1), tmp_path)


def test_automatic_backup_goes_to_the_folder_setting(shop_db: Database, tmp_path: Path) -> None:
    from kringloopdesk.settings import write_local

    write_local("backup.folder", str(tmp_path / "gedeeld"))
    result = backups.automatic_backup(shop_db, "afsluiten")
    assert result.path.parent == tmp_path / "gedeeld"
    assert [b.kind for b in backups.list_backups()] == ["afsluiten"]


def test_restore_without_login_only_into_a_database_without_a_shop(
    shop_db: Database, tmp_path: Path
) -> None:
    made = backups.make_backup(shop_db, folder=tmp_path / "b")
    with pytest.raises(UserError, match="al een winkel"):
        backups.restore_into_empty(shop_db, made.path, folder=tmp_path / "b")


def test_a_backup_of_an_older_schema_is_restored_and_upgraded(
    shop_db: Database, beheerder: Actor, tmp_path: Path
) -> None:
    from kringloopdesk.db.migrate import downgrade, head_revision, prepare_schema

    previous = "0002"
    assert head_revision() != previous
    downgrade(shop_db.engine, previous)
    made = backups.make_backup(shop_db, folder=tmp_path / "b")
    assert backups.read_backup_info(made.path).schema_revision == previous
    prepare_schema(shop_db.engine, backup_folder=tmp_path / "upgrade")
    _change(shop_db, beheerder)

    backups.restore_backup(shop_db, beheerder, made.path, folder=tmp_path / "b")
    with shop_db.engine.connect() as connection:
        assert backups.current_revision(connection) == head_revision()
    assert _users(shop_db) == 1 and _shop_name(shop_db) == "Kringloop Amersfoort-Leusden"
