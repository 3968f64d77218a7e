"""Hostile storage (issue #8): a full disk, a read-only database, a database locked by another
program, a server that is gone. Each ends in a clear Dutch message through the route the GUI
(``DatabaseOp``) and the CLI use — ``run_unit_of_work`` — and nothing committed is lost.

The disk-full and read-only cases mount a small tmpfs (root only, as in CI); they are skipped
with the reason when mounting is not allowed.
"""

from __future__ import annotations

import datetime as dt
import errno
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from kringloopdesk.db import engine as engine_module
from kringloopdesk.db.engine import Database, resolve_url, run_unit_of_work
from kringloopdesk.db.migrate import open_database
from kringloopdesk.db.models import AuditEntry, GoodsFlow, ProductGroup
from kringloopdesk.errors import DatabaseOpenError, UserError
from kringloopdesk.reports.ords import write_atomically
from kringloopdesk.services import flows, imports
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.flows import FlowInput
from tests.conftest import postgres_server

DAY = dt.date(2025, 3, 3)
ON_POSTGRES = postgres_server() is not None
sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="a SQLite file on a full or read-only "
                                 "disk; on PostgreSQL the server's disk is the server's "
                                 "business (the read-only database is tested below)")


@pytest.fixture(autouse=True)
def quick_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wait 0.1 s for a lock instead of 10 s, and pause hardly between tries."""
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(engine_module, "BUSY_RETRIES", 2)
    monkeypatch.setattr(engine_module, "BUSY_RETRY_PAUSE_S", 0.01)


def flow_input(group: int, kg: str = "12,5") -> FlowInput:
    return FlowInput(DAY, "in", group, kg, "brengen", "=cmd|' /c calc'!A1")


def record(actor: Actor, group: int) -> Callable[[Session], object]:
    return lambda session: flows.record_flow(session, actor, flow_input(group))


def group_id(db: Database) -> int:
    with db.read_session() as session:
        return session.scalars(select(ProductGroup.id).order_by(ProductGroup.id)).first()


def flow_count(db: Database) -> tuple[int, int]:
    with db.read_session() as session:
        return (session.scalar(select(func.count()).select_from(GoodsFlow)) or 0,
                session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def flows_file(rows: int) -> bytes:
    lines = ["datum;richting;productgroep;kg;herkomst_bestemming;opmerking"]
    lines += [f"03-03-2025;in;meubels;{n % 900 + 1};brengen;regel {n} " + "x" * 200
              for n in range(rows)]
    return "\n".join(lines).encode()


# --- a small disk ----------------------------------------------------------------------------


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs of its own, unmounted afterwards whatever happens."""
    where = tmp_path / "klein"
    where.mkdir()
    mounted = _run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(where))
    if mounted.returncode != 0:
        pytest.skip(f"mounting a small tmpfs is not allowed here ({mounted.stderr.strip()}); "
                    "run as root to test a full disk")
    try:
        yield where
    finally:
        if _run("umount", str(where)).returncode != 0:
            _run("umount", "-l", str(where))


def fill(disk: Path) -> Path:
    """Write a filler file until the disk is full."""
    filler = disk / "vulling.bin"
    block = b"\xff" * 65536
    with filler.open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(block)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        try:  # the last few bytes too
            while True:
                handle.write(b"\xff" * 512)
        except OSError:
            pass
    return filler


@pytest.fixture
def db_on_small_disk(shop_db: Database, small_disk: Path) -> Iterator[Database]:
    """The test's shop database, copied onto the small disk (the same users, the same key)."""
    with shop_db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shop_db.dispose()
    target = small_disk / "winkel.sqlite"
    shutil.copyfile(shop_db.url.database, target)
    database = open_database(resolve_url(str(target)))
    try:
        yield database
    finally:
        database.dispose()


def integrity(db: Database) -> str:
    with db.engine.connect() as connection:
        return connection.exec_driver_sql("PRAGMA integrity_check").scalar()


@sqlite_only
def test_disk_full_while_saving(db_on_small_disk: Database, beheerder: Actor,
                                small_disk: Path) -> None:
    db = db_on_small_disk
    group = group_id(db)
    run_unit_of_work(db, record(beheerder, group))
    run_unit_of_work(db, lambda s: imports.import_flows(s, beheerder, flows_file(20)))
    before = flow_count(db)
    assert before[0] == 21
    filler = fill(small_disk)
    with pytest.raises(DatabaseOpenError) as info:
        # More new pages than any free page or WAL space SQLite already holds.
        run_unit_of_work(db, lambda s: imports.import_flows(s, beheerder, flows_file(5000)))
    print("MESSAGE", info.value.message)
    assert info.value.message == "De schijf is vol. Maak ruimte vrij en probeer het opnieuw."
    assert flow_count(db) == before
    filler.unlink()
    assert integrity(db) == "ok"
    after = flow_count(db)
    assert after == before
    run_unit_of_work(db, record(beheerder, group))  # room again: saving works again
    assert flow_count(db)[0] == after[0] + 1
    db.dispose()
    reopened = open_database(db.url)
    try:
        assert integrity(reopened) == "ok"
        assert flow_count(reopened)[0] == after[0] + 1
    finally:
        reopened.dispose()


def test_a_file_written_to_a_full_disk_leaves_nothing(small_disk: Path) -> None:
    """ORDS export, certificate key, item list: written through write_atomically."""
    target = small_disk / "ords-2025.csv"
    target.write_bytes(b"de vorige export\n")
    fill(small_disk)
    with pytest.raises(OSError) as info:
        write_atomically(target, b"x" * 4_000_000)
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"de vorige export\n"  # the old file, whole
    assert sorted(p.name for p in small_disk.iterdir()) == ["ords-2025.csv", "vulling.bin"]


def test_an_export_written_to_a_full_disk_leaves_nothing(shop_db: Database, beheerder: Actor,
                                                         small_disk: Path) -> None:
    from kringloopdesk.services import exports

    with shop_db.read_session() as session:
        data = exports.build_export(session, beheerder, exports.KINDS[0],
                                    exports.period_for(2025))
    fill(small_disk)
    for fmt in ("csv", "xlsx", "pdf"):
        with pytest.raises(OSError):
            exports.write_export(data, fmt, small_disk / f"export.{fmt}")
    assert sorted(p.name for p in small_disk.iterdir()) == ["vulling.bin"]


# --- read-only -------------------------------------------------------------------------------


@sqlite_only
def test_database_on_a_disk_that_became_read_only(db_on_small_disk: Database,
                                                  beheerder: Actor, small_disk: Path) -> None:
    """The stick's write switch, a share that went read-only: root cannot write either."""
    db = db_on_small_disk
    group = group_id(db)
    run_unit_of_work(db, record(beheerder, group))
    before = flow_count(db)
    db.dispose()
    assert _run("mount", "-o", "remount,ro", str(small_disk)).returncode == 0
    try:
        with pytest.raises(UserError) as info:
            reopened = open_database(db.url)
            try:
                run_unit_of_work(reopened, record(beheerder, group))
            finally:
                reopened.dispose()
        assert "alleen-lezen" in info.value.message or "kan niet worden geopend" in \
            info.value.message, info.value.message
    finally:
        assert _run("mount", "-o", "remount,rw", str(small_disk)).returncode == 0
    assert flow_count(db) == before
    assert integrity(db) == "ok"


@sqlite_only
def test_database_opened_read_only(shop_db: Database, beheerder: Actor) -> None:
    """SQLite's own read-only mode (``?mode=ro``), which file permissions cannot give root."""
    group = group_id(shop_db)
    run_unit_of_work(shop_db, record(beheerder, group))
    before = flow_count(shop_db)
    url = make_url(f"sqlite+pysqlite:///file:{shop_db.url.database}?mode=ro&uri=true")
    read_only = Database.from_engine(engine_module.create_db_engine(url))
    try:
        with pytest.raises(DatabaseOpenError) as info:
            run_unit_of_work(read_only, record(beheerder, group))
    finally:
        read_only.dispose()
    assert "is alleen-lezen" in info.value.message
    assert flow_count(shop_db) == before


@pytest.mark.skipif(not ON_POSTGRES, reason="a read-only PostgreSQL database")
def test_postgres_database_that_is_read_only(shop_db: Database, beheerder: Actor) -> None:
    group = group_id(shop_db)
    before = flow_count(shop_db)
    with shop_db.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        connection.execute(text(f'ALTER DATABASE "{shop_db.url.database}" '
                                "SET default_transaction_read_only = on"))
    shop_db.dispose()
    with pytest.raises(DatabaseOpenError) as info:
        run_unit_of_work(shop_db, record(beheerder, group))
    assert "staat alleen lezen toe" in info.value.message
    assert flow_count(shop_db) == before


# --- locked by another program ---------------------------------------------------------------


class Holder:
    """Another program that holds the write lock: a second SQLite connection in BEGIN
    EXCLUSIVE, or a PostgreSQL connection that holds ``table`` in EXCLUSIVE mode (others may
    read it, not write it)."""

    def __init__(self, db: Database, table: str = "goods_flows") -> None:
        db.dispose()  # fresh connections: they read the short busy timeout
        if db.url.get_backend_name() == "sqlite":
            self.connection: object = sqlite3.connect(db.url.database, isolation_level=None)
            self.connection.execute("BEGIN EXCLUSIVE")
        else:
            url = db.url.set(drivername="postgresql")
            self.connection = psycopg.connect(url.render_as_string(hide_password=False))
            self.connection.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
        self.held = True

    def release(self) -> None:
        if self.held:
            self.held = False
            self.connection.rollback()  # type: ignore[attr-defined]
            self.connection.close()  # type: ignore[attr-defined]


@pytest.fixture
def holder(shop_db: Database) -> Iterator[Holder]:
    lock = Holder(shop_db)
    try:
        yield lock
    finally:
        lock.release()


def test_locked_database_waits_retries_then_says_so(shop_db: Database, beheerder: Actor,
                                                    holder: Holder) -> None:
    group = group_id(shop_db)
    calls = []

    def op(session: Session) -> object:
        calls.append(1)
        return record(beheerder, group)(session)

    with pytest.raises(DatabaseOpenError) as info:
        run_unit_of_work(shop_db, op)
    assert len(calls) == 3  # the first try and two more
    assert "is in gebruik door een ander programma" in info.value.message
    holder.release()
    assert flow_count(shop_db)[0] == 0


def test_lock_released_before_the_retries_run_out(shop_db: Database, beheerder: Actor,
                                                  holder: Holder) -> None:
    group = group_id(shop_db)
    calls = []

    def op(session: Session) -> object:
        calls.append(1)
        if len(calls) == 2:
            holder.release()  # the other program finishes while we wait
        return record(beheerder, group)(session)

    run_unit_of_work(shop_db, op)
    assert len(calls) == 2
    assert flow_count(shop_db)[0] == 1


def test_only_a_busy_database_is_tried_again(shop_db: Database, beheerder: Actor) -> None:
    calls = []

    def op(session: Session) -> object:
        calls.append(1)
        return flows.record_flow(session, beheerder, flow_input(group_id(shop_db), "-5"))

    with pytest.raises(UserError):
        run_unit_of_work(shop_db, op)
    assert calls == [1]
    done = []
    run_unit_of_work(shop_db, lambda s: done.append(record(beheerder, group_id(shop_db))(s)))
    assert len(done) == 1  # committed once, never run again


def test_a_lock_through_the_cli_route(shop_db: Database, beheerder: Actor,
                                      holder: Holder) -> None:
    """An import (the CLI's and the import dialog's write) on a locked database."""
    before = flow_count(shop_db)
    with pytest.raises(DatabaseOpenError, match="in gebruik door een ander programma"):
        run_unit_of_work(shop_db, lambda s: imports.import_flows(s, beheerder, flows_file(5)))
    holder.release()
    assert flow_count(shop_db) == before


# --- a server that is gone -------------------------------------------------------------------


def test_postgres_server_unreachable(beheerder: Actor) -> None:
    url = make_url("postgresql+psycopg://kld:kld@127.0.0.1:1/kringloop")
    gone = Database.from_engine(engine_module.create_db_engine(url))
    try:
        with pytest.raises(DatabaseOpenError) as info:
            run_unit_of_work(gone, lambda s: s.execute(text("SELECT 1")))
    finally:
        gone.dispose()
    assert "is niet bereikbaar" in info.value.message
