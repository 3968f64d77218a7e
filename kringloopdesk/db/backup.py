"""Copies of the database that are safe to take while it is in use.

SQLite: the online backup API (never a file copy of a live database, which can catch a
half-written page or miss the WAL). PostgreSQL: a logical dump of every table as JSON lines in
a zip, with the schema revision, written to a temporary name and renamed when complete.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
import zipfile
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Connection, Engine, MetaData, select, text

from kringloopdesk.db.engine import is_sqlite

log = logging.getLogger(__name__)


def _json_default(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return {"$bytes": bytes(value).hex()}
    raise TypeError(f"cannot serialise {type(value).__name__}")


def backup_sqlite(engine: Engine, destination: Path) -> Path:
    """Write a consistent copy of a live SQLite database to ``destination``."""
    partial = destination.with_name(destination.name + ".part")
    raw = engine.raw_connection()
    try:
        source: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        raw.close()
    os.replace(partial, destination)
    return destination


def dump_logical(connection: Connection, destination: Path) -> Path:
    """Every table of the database, as it is now, into a zip of JSON lines."""
    metadata = MetaData()
    metadata.reflect(connection)
    partial = destination.with_name(destination.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        manifest: dict[str, object] = {
            "format": "kringloopdesk-logical-backup",
            "format_version": 1,
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "dialect": connection.dialect.name,
            "tables": {},
        }
        for table in metadata.sorted_tables:
            count = 0
            with archive.open(f"tables/{table.name}.jsonl", "w") as handle:
                for row in connection.execute(select(table)).mappings():
                    line = json.dumps(dict(row), default=_json_default, ensure_ascii=False)
                    handle.write(line.encode("utf-8") + b"\n")
                    count += 1
            manifest["tables"][table.name] = count  # type: ignore[index]
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
    os.replace(partial, destination)
    return destination


def backup_before_upgrade(engine: Engine, folder: Path, from_revision: str) -> Path:
    """Back up before a schema upgrade; the path is logged and returned."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    if is_sqlite(engine):
        path = backup_sqlite(engine, folder / f"voor-upgrade-{from_revision}-{stamp}.sqlite")
    else:
        with engine.connect() as connection:
            connection.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
            path = dump_logical(connection, folder / f"voor-upgrade-{from_revision}-{stamp}.zip")
    log.info("Backed up the database before upgrading from %s to %s", from_revision, path)
    return path
