"""Copies of the database that are safe to take while it is in use.

SQLite: the online backup API (never a file copy of a live database, which can catch a
half-written page or miss the WAL). PostgreSQL: a logical dump of every table as JSON lines in
a zip, with the schema revision, written to a temporary name and renamed when complete.

Both return the row counts of the snapshot they copied, so the caller can check the copy
against exactly the state it was taken from (services/backups.py).

Each takes an optional ``progress`` (services/progress.py): the SQLite copy reports every
``PAGES_PER_STEP`` pages through the backup API's callback, the dump every table and every
``ROWS_PER_STEP`` rows. A cancel raises ``JobCancelledError`` there; the ``.part`` file is
removed, and a restore that was stopped is rolled back by SQLite (the live file unchanged).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, MetaData, select, text

from kringloopdesk.db.engine import is_sqlite

if TYPE_CHECKING:  # db/ does not depend on services/ at run time
    from kringloopdesk.services.progress import Progress

log = logging.getLogger(__name__)

LOGICAL_FORMAT = "kringloopdesk-logical-backup"
LOGICAL_FORMAT_VERSION = 2
MANIFEST = "manifest.json"
# Pages (4 KB each) copied between two progress reports and cancel checks: 4 MB.
PAGES_PER_STEP = 1024
ROWS_PER_STEP = 5000


def _json_default(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return {"$bytes": bytes(value).hex()}
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _user_tables(connection: sqlite3.Connection) -> list[str]:
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [row[0] for row in rows]


def sqlite_counts(connection: sqlite3.Connection) -> dict[str, int]:
    """Rows per table (alembic_version included), read in the connection's transaction."""
    return {
        name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        for name in _user_tables(connection)
    }


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("Could not remove %s", path)


def _page_callback(progress: Progress | None):
    """The backup API's progress callback; an exception raised in it stops the copy."""
    if progress is None:
        return None

    def report(_status: int, remaining: int, total: int) -> None:
        progress.step(total - remaining, total)

    return report


def _check(progress: Progress | None) -> None:
    if progress is not None:
        progress.check()


def snapshot_sqlite(engine: Engine, destination: Path, *,
                    progress: Progress | None = None) -> dict[str, int]:
    """Copy a live SQLite database to ``destination`` (via ``.part``, renamed when complete)
    and return the row counts of the very snapshot that was copied.

    The counts and the copy are read in one read transaction on the source connection, so a
    write by another connection in between cannot make them disagree.
    """
    partial = destination.with_name(destination.name + ".part")
    raw = engine.raw_connection()
    try:
        source: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        source.execute("BEGIN")
        try:
            counts = sqlite_counts(source)
            target = sqlite3.connect(partial)
            try:
                source.backup(target, pages=PAGES_PER_STEP, progress=_page_callback(progress))
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        finally:
            source.execute("COMMIT")
        _check(progress)
        os.replace(partial, destination)
    except BaseException:
        _remove(partial)
        raise
    finally:
        raw.close()
    return counts


def backup_sqlite(engine: Engine, destination: Path, *,
                  progress: Progress | None = None) -> Path:
    """Write a consistent copy of a live SQLite database to ``destination``."""
    snapshot_sqlite(engine, destination, progress=progress)
    return destination


def restore_sqlite(engine: Engine, source_file: Path, *,
                   progress: Progress | None = None) -> None:
    """Replace the contents of the live SQLite database with those of ``source_file``, through
    the backup API (page by page, under SQLite's locks; never a file copy over a live file).

    The engine's pool is emptied first so no pooled connection keeps an old snapshot; the
    caller makes sure nothing else in this process holds the database. Stopped by a cancel
    (or any error) before the last page, SQLite rolls the live file back to what it was.
    """
    engine.dispose()
    source = sqlite3.connect(f"file:{source_file}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(engine.url.database, timeout=5)
        try:
            source.backup(target, pages=PAGES_PER_STEP, progress=_page_callback(progress))
        finally:
            target.close()
    finally:
        source.close()
    engine.dispose()


def _rows(connection: Connection, table) -> Iterator[dict]:
    order = list(table.primary_key.columns) or list(table.columns)
    for row in connection.execute(select(table).order_by(*order)).mappings():
        yield dict(row)


def dump_logical(
    connection: Connection, destination: Path, extra: dict[str, object] | None = None, *,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Every table of the database, as it is now, into a zip of JSON lines. ``extra`` goes
    into the manifest (schema revision, shop name). Returns the rows written per table.

    Call it in a REPEATABLE READ transaction: then every table comes from one snapshot.
    """
    metadata = MetaData()
    metadata.reflect(connection)
    partial = destination.with_name(destination.name + ".part")
    counts: dict[str, int] = {}
    tables = metadata.sorted_tables
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for number, table in enumerate(tables):
                if progress is not None:
                    progress.step(number, len(tables))
                count = 0
                with archive.open(f"tables/{table.name}.jsonl", "w") as handle:
                    for row in _rows(connection, table):
                        line = json.dumps(row, default=_json_default, ensure_ascii=False)
                        handle.write(line.encode("utf-8") + b"\n")
                        count += 1
                        if count % ROWS_PER_STEP == 0:
                            _check(progress)
                counts[table.name] = count
            manifest: dict[str, object] = {
                "format": LOGICAL_FORMAT,
                "format_version": LOGICAL_FORMAT_VERSION,
                "created_at": dt.datetime.now(dt.UTC).isoformat(),
                "dialect": connection.dialect.name,
                "table_order": [table.name for table in metadata.sorted_tables],
                "tables": counts,
                **(extra or {}),
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
        _check(progress)
        os.replace(partial, destination)
    except BaseException:
        _remove(partial)
        raise
    return counts


def read_manifest(path: Path) -> dict:
    """The manifest of a logical backup; ``KeyError``/``ValueError``/``BadZipFile`` when the
    file is not one."""
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    if manifest.get("format") != LOGICAL_FORMAT:
        raise ValueError("not a KringloopDesk logical backup")
    return manifest


def logical_rows(archive: zipfile.ZipFile, table: str) -> Iterator[dict]:
    with archive.open(f"tables/{table}.jsonl") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def backup_before_upgrade(engine: Engine, folder: Path, from_revision: str) -> Path:
    """Back up before a schema upgrade; the path is logged and returned."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    if is_sqlite(engine):
        path = backup_sqlite(engine, folder / f"voor-upgrade-{from_revision}-{stamp}.sqlite")
    else:
        path = folder / f"voor-upgrade-{from_revision}-{stamp}.zip"
        with engine.connect() as connection:
            connection.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
            dump_logical(connection, path, {"schema_revision": from_revision})
    log.info("Backed up the database before upgrading from %s to %s", from_revision, path)
    return path
