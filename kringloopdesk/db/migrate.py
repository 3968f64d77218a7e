"""Creating and upgrading the schema with Alembic, from the app and the CLI alike.

Alembic (and Mako, which it pulls in) costs about a fifth of a second to import, more than
the rest of opening a database. A database whose schema is current, every start but the first
after an update, is recognised without it: one query for ``alembic_version`` against the
newest revision named in the version files. Alembic is imported only when it has work to do
or something to explain.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from kringloopdesk.db.engine import Database, create_db_engine, explain_connect_error, is_sqlite
from kringloopdesk.db.revisions import head_from_files
from kringloopdesk.errors import DatabaseOpenError, SchemaTooNewError
from kringloopdesk.i18n import _
from kringloopdesk.paths import backup_dir, migrations_path

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def _quick_state(connection: Connection) -> SchemaState | None:
    """The state of a database whose schema is current, from one query; None otherwise
    (empty, older, newer, not ours: Alembic looks then)."""
    head = head_from_files(migrations_path())
    if head is None:
        return None
    try:
        rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    except DBAPIError:
        connection.rollback()  # PostgreSQL: the failed query ended the transaction
        return None
    if len(rows) == 1 and rows[0][0] == head:
        return SchemaState(head, head, False)
    return None


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str
    has_foreign_tables: bool

    @property
    def is_empty(self) -> bool:
        return self.current is None and not self.has_foreign_tables

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def schema_state(connection: Connection) -> SchemaState:
    current = current_revision(connection)
    tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
    return SchemaState(current, head_revision(), current is None and bool(tables))


def _check_known(state: SchemaState) -> None:
    if state.has_foreign_tables:
        raise DatabaseOpenError(
            _(
                "Deze database bevat al tabellen van een ander programma. KringloopDesk laat "
                "haar ongemoeid; kies een nieuw of een KringloopDesk-bestand."
            )
        )
    if state.current is not None:
        try:
            script_directory().get_revision(state.current)
        except Exception as exc:
            raise SchemaTooNewError(
                _(
                    "Deze database is gemaakt met een nieuwere versie van KringloopDesk "
                    "(schema {revision}). Installeer de nieuwste versie; er is niets veranderd.",
                    revision=state.current,
                )
            ) from exc


@contextmanager
def _sqlite_foreign_keys_off(connection: Connection) -> Iterator[None]:
    """SQLite's batch mode rebuilds tables, which needs foreign keys off. The pragma only
    works outside a transaction, so it goes straight to the driver connection."""
    if not is_sqlite(connection.engine):
        yield
        return
    driver = connection.connection.driver_connection
    driver.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        driver.execute("PRAGMA foreign_keys = ON")


def _run_upgrade(engine: Engine, target: str = "head") -> None:
    with (
        engine.connect() as connection,
        _sqlite_foreign_keys_off(connection),
        connection.begin(),
    ):
        from alembic import command

        command.upgrade(alembic_config(connection), target)
        if is_sqlite(engine):
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"foreign key check failed after upgrade: {problems}")


def downgrade(engine: Engine, target: str = "base") -> None:
    with (
        engine.connect() as connection,
        _sqlite_foreign_keys_off(connection),
        connection.begin(),
    ):
        from alembic import command

        command.downgrade(alembic_config(connection), target)


def prepare_schema(
    engine: Engine,
    *,
    backup_folder: Path | None = None,
    on_backup: Callable[[Path], None] | None = None,
) -> SchemaState:
    """Create the schema on an empty database, or upgrade an older one after a backup.

    Refuses (and changes nothing) when the database belongs to another program or was
    written by a newer KringloopDesk.
    """
    try:
        with engine.connect() as connection:
            state = _quick_state(connection) or schema_state(connection)
    except DBAPIError as exc:
        raise explain_connect_error(engine.url, exc) from exc
    if state.up_to_date:
        return state
    _check_known(state)
    try:
        if state.current is not None:
            from kringloopdesk.db.backup import backup_before_upgrade

            path = backup_before_upgrade(engine, backup_folder or backup_dir(), state.current)
            if on_backup:
                on_backup(path)
        log.info("Upgrading database schema %s -> %s", state.current, state.head)
        _run_upgrade(engine)
    except DBAPIError as exc:
        raise explain_connect_error(engine.url, exc) from exc
    with engine.connect() as connection:
        return schema_state(connection)


def open_database(url, *, upgrade: bool = True, echo: bool = False) -> Database:
    """Open (and by default create or upgrade) the database at ``url``.

    Raises ``DatabaseOpenError`` with a message for the user when it cannot; in that case
    nothing has been written.
    """
    engine = create_db_engine(url, echo=echo)
    try:
        if upgrade:
            prepare_schema(engine)
        else:
            with engine.connect() as connection:
                state = _quick_state(connection) or schema_state(connection)
                if not state.up_to_date:
                    _check_known(state)
                connection.execute(text("SELECT 1"))
    except DBAPIError as exc:
        engine.dispose()
        raise explain_connect_error(engine.url, exc) from exc
    except Exception:
        engine.dispose()
        raise
    return Database.from_engine(engine)
