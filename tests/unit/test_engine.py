"""Opening the database: the defaults, and a clear refusal for everything that is wrong."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text

from kringloopdesk.db.engine import Database, is_sqlite, resolve_url
from kringloopdesk.db.migrate import open_database
from kringloopdesk.errors import DatabaseOpenError


def test_default_location_is_the_data_folder(data_home: Path) -> None:
    url = resolve_url(None)
    assert url.get_backend_name() == "sqlite"
    assert Path(url.database) == data_home / "kringloopdesk.sqlite"


def test_environment_variable_and_plain_paths(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.setenv("KRINGLOOPDESK_DB", str(tmp_path / "winkel.sqlite"))
    assert resolve_url(None).database == str(tmp_path / "winkel.sqlite")
    assert resolve_url("postgresql://u@h/d").drivername == "postgresql+psycopg"
    assert resolve_url(f"sqlite:///{tmp_path}/x.sqlite").drivername == "sqlite+pysqlite"


def test_sqlite_runs_in_wal_with_foreign_keys(db: Database) -> None:
    if not is_sqlite(db.engine):
        pytest.skip("SQLite pragmas; this run uses PostgreSQL")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_a_text_file_is_refused_and_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "boodschappen.txt"
    path.write_text("melk\nbrood\nkaas\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(resolve_url(str(path)))
    assert "geen KringloopDesk-database" in caught.value.message
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "ander.sqlite"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE klanten (id INTEGER PRIMARY KEY, naam TEXT)")
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(resolve_url(str(path)))
    assert "ander programma" in caught.value.message
    with sqlite3.connect(path) as other:
        tables = {r[0] for r in other.execute("SELECT name FROM sqlite_master")}
    assert tables == {"klanten"}


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(resolve_url(str(tmp_path / "bestaat-niet" / "db.sqlite")))
    assert "bestaat niet" in caught.value.message


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """A folder nobody may write to — also not root, who ignores file permissions, so as root
    a read-only tmpfs is mounted."""
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a read-only tmpfs here: {result.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_read_only_folder_is_refused(read_only_folder: Path) -> None:
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(resolve_url(str(read_only_folder / "kringloopdesk.sqlite")))
    assert "alleen-lezen" in caught.value.message


def test_a_postgres_server_that_is_not_running(tmp_path: Path) -> None:
    # Port 1 on the loopback address: nothing listens there.
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(resolve_url("postgresql+psycopg://kld:kld@127.0.0.1:1/kringloop"))
    assert "niet bereikbaar" in caught.value.message


def test_an_unknown_database_kind_is_refused() -> None:
    with pytest.raises(DatabaseOpenError):
        open_database(resolve_url("oracle+cx_oracle://u:p@h/d"))


def test_sessions_commit_or_roll_back_as_a_whole(shop_db: Database) -> None:
    from kringloopdesk.db.models import Partner

    with pytest.raises(RuntimeError), shop_db.session() as session:
        session.add(Partner(name="Half opgeslagen", kind="overig"))
        session.flush()
        raise RuntimeError("power cut")
    with shop_db.read_session() as session:
        assert session.execute(text("SELECT COUNT(*) FROM partners")).scalar() == 0
