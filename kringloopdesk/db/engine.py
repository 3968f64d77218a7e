"""Opening the database: choosing the URL, engine settings per dialect, clear errors.

SQLite (the default, a file in the user's data folder) runs in WAL mode with foreign keys on
and a busy timeout, and with real transactions around DDL too (the pysqlite driver would
otherwise commit before every schema change, so a failed migration could leave half a schema).
PostgreSQL (``postgresql+psycopg://``) is for shops with several PCs; same models, same
migrations.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    InternalError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.orm import Session, sessionmaker

from kringloopdesk.db.location import network_share_reason
from kringloopdesk.errors import DatabaseOpenError
from kringloopdesk.i18n import _
from kringloopdesk.paths import default_database_path

log = logging.getLogger(__name__)

ENV_VAR = "KRINGLOOPDESK_DB"
# How long one statement waits for another program's lock (SQLite's busy timeout, PostgreSQL's
# lock_timeout inside run_unit_of_work) before the unit of work is tried again.
SQLITE_BUSY_TIMEOUT_MS = int(os.environ.get("KRINGLOOPDESK_BUSY_TIMEOUT_MS", "5000"))
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_BEGIN_OPTION = "kringloopdesk_sqlite_begin"


def resolve_url(explicit: str | None = None) -> URL:
    """``--db`` first, then ``KRINGLOOPDESK_DB``, then the file in the user's data folder.

    A plain file path is accepted as well as a SQLAlchemy URL.
    """
    raw = explicit or os.environ.get(ENV_VAR) or ""
    if not raw:
        return URL.create("sqlite+pysqlite", database=str(default_database_path()))
    if "://" not in raw:
        return URL.create("sqlite+pysqlite", database=str(Path(raw).expanduser().resolve()))
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise DatabaseOpenError(_("Het databaseadres '{url}' is niet geldig.", url=raw)) from exc
    if url.drivername == "sqlite":
        url = url.set(drivername="sqlite+pysqlite")
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def describe_url(url: URL) -> str:
    """Where the data lives, for the status bar and messages (no password)."""
    if url.get_backend_name() == "sqlite":
        return url.database or _("(in het geheugen)")
    return url.render_as_string(hide_password=True)


def is_sqlite(url: URL | Engine) -> bool:
    if isinstance(url, Engine):
        url = url.url
    return url.get_backend_name() == "sqlite"


def _check_sqlite_file(url: URL) -> None:
    """Refuse early, before SQLite touches anything, when the file cannot be ours."""
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if path.is_dir():
        raise DatabaseOpenError(
            _("'{path}' is een map, geen databasebestand. Kies een bestand.", path=path)
        )
    if path.exists():
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except PermissionError as exc:
            raise DatabaseOpenError(
                _("Geen toegang tot het databasebestand '{path}'.", path=path)
            ) from exc
        if header and header != SQLITE_HEADER:
            raise DatabaseOpenError(
                _(
                    "'{path}' is geen KringloopDesk-database (het bestand is iets anders). "
                    "Er is niets aan veranderd. Kies het juiste bestand.",
                    path=path,
                )
            )
        return
    folder = path.parent
    if not folder.exists():
        raise DatabaseOpenError(
            _("De map '{folder}' bestaat niet. Kies een bestaande map.", folder=folder)
        )
    if not os.access(folder, os.W_OK):
        raise DatabaseOpenError(
            _(
                "In de map '{folder}' mag niet geschreven worden (alleen-lezen). "
                "Kies een andere map voor de database.",
                folder=folder,
            )
        )


def network_share_warning(url: URL | Engine) -> str | None:
    """Why this SQLite file must not be shared by several PCs (it is on a network share), or
    None. For the notice at start and for ``check``; opening is not refused (docs/reliability.md,
    "Netwerkschijf")."""
    if isinstance(url, Engine):
        url = url.url
    if not is_sqlite(url) or not url.database:
        return None
    return network_share_reason(url.database)


def _install_sqlite_behaviour(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy (below) issue BEGIN itself, so DDL is transactional too.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            # Deleted and anonymised personal data is overwritten, not left in free pages
            # (Debian's SQLite does this by default, Windows builds may not).
            cursor.execute("PRAGMA secure_delete = ON")
            if engine.url.database not in (None, "", ":memory:"):
                mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
                if mode and str(mode[0]).lower() != "wal":
                    log.warning("SQLite journal mode is %s, not WAL", mode[0])
            # FULL: a commit is on the disk before "opgeslagen" is shown, also when the power
            # goes right after (NORMAL in WAL mode may lose the last commits; docs/reliability).
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        # A unit of work that may write takes the write lock at once (IMMEDIATE): a deferred
        # transaction that read first cannot upgrade once another PC has committed (SQLite
        # answers "locked" at once, without waiting). Readers are never blocked in WAL mode.
        mode = connection.get_execution_options().get(SQLITE_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def create_db_engine(url: URL, *, echo: bool = False) -> Engine:
    """An engine for ``url`` with the per-dialect settings above. Does not connect yet."""
    try:
        if is_sqlite(url):
            _check_sqlite_file(url)
            if network_share_warning(url) is not None:
                log.warning("SQLite database on a network share: %s", url.database)
            engine = create_engine(url, echo=echo)
            _install_sqlite_behaviour(engine)
        else:
            engine = create_engine(
                url,
                echo=echo,
                pool_pre_ping=True,
                connect_args={"connect_timeout": 5, "application_name": "KringloopDesk"},
            )
    except (NoSuchModuleError, ArgumentError, ModuleNotFoundError) as exc:
        raise DatabaseOpenError(
            _(
                "Dit soort database wordt niet ondersteund: '{url}'. Gebruik een SQLite-bestand "
                "of postgresql+psycopg://.",
                url=url.render_as_string(hide_password=True),
            )
        ) from exc
    return engine


def explain_connect_error(url: URL, exc: BaseException) -> DatabaseOpenError:
    """Turn a driver error on connecting or first use into a message the user can act on."""
    where = describe_url(url)
    message = str(getattr(exc, "orig", exc)).lower()
    if ("locked" in message or "busy" in message or "could not obtain lock" in message
            or is_busy_error(exc)):
        text_ = _(
            "De database '{where}' is in gebruik door een ander programma. "
            "Sluit dat programma en probeer het opnieuw.",
            where=where,
        )
    elif (("disk" in message and "full" in message) or "no space left" in message
          or "disk quota exceeded" in message):
        text_ = _("De schijf is vol. Maak ruimte vrij en probeer het opnieuw.")
    elif "read-only" in message and not is_sqlite(url):
        # PostgreSQL: a standby server, or default_transaction_read_only.
        text_ = _(
            "De databaseserver '{where}' staat alleen lezen toe; er is niets opgeslagen. "
            "Vraag de beheerder van de server om schrijfrechten.",
            where=where,
        )
    elif is_sqlite(url):
        if "not a database" in message or "malformed" in message or "encrypted" in message:
            text_ = _(
                "'{where}' is geen geldige KringloopDesk-database of is beschadigd. "
                "Er is niets aan veranderd. Zet zo nodig een back-up terug.",
                where=where,
            )
        elif "disk i/o error" in message:
            text_ = _(
                "De database '{where}' kon niet op de schijf lezen of schrijven (is de schijf "
                "vol, weggehaald of beschadigd?). Er is niets half opgeslagen.",
                where=where,
            )
        elif "readonly" in message or "read-only" in message:
            text_ = _(
                "De database '{where}' is alleen-lezen. Zorg dat het bestand en de map "
                "beschrijfbaar zijn, of kies een andere plek.",
                where=where,
            )
        else:
            text_ = _(
                "De database '{where}' kan niet worden geopend. Controleer of de map bestaat "
                "en beschrijfbaar is.",
                where=where,
            )
    elif "password" in message or "authentication" in message:
        text_ = _(
            "De databaseserver weigert de aanmelding voor '{where}'. Controleer gebruikersnaam "
            "en wachtwoord.",
            where=where,
        )
    elif "does not exist" in message:
        text_ = _(
            "De database '{where}' bestaat niet op de server. Laat de beheerder hem aanmaken.",
            where=where,
        )
    else:
        text_ = _(
            "De databaseserver '{where}' is niet bereikbaar. Controleer of de server aanstaat "
            "en het netwerk werkt.",
            where=where,
        )
    return DatabaseOpenError(text_, details=str(exc))


@dataclass
class Database:
    """An open database and its session factories. The caller owns each session.

    ``sessions`` makes sessions for units of work that may write; on SQLite they begin
    IMMEDIATE. ``read_sessions`` make sessions that only read and never wait for a writer.
    """

    engine: Engine
    sessions: sessionmaker[Session]
    read_sessions: sessionmaker[Session]

    @classmethod
    def from_engine(cls, engine: Engine) -> Database:
        writer = engine.execution_options(**{SQLITE_BEGIN_OPTION: "IMMEDIATE"})
        return cls(
            engine,
            sessionmaker(writer, expire_on_commit=False),
            sessionmaker(engine, expire_on_commit=False),
        )

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def location(self) -> str:
        return describe_url(self.engine.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for reading only; nothing is committed. Closing it ends the transaction
        without expiring what was loaded, so loaded rows stay readable afterwards."""
        with self.read_sessions() as session:
            yield session

    def ping(self) -> None:
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except DBAPIError as exc:
            raise explain_connect_error(self.engine.url, exc) from exc

    def dispose(self) -> None:
        self.engine.dispose()


# ---------------------------------------------------------------------------------------------
# Busy databases: wait, retry the unit of work, then say so

# How often a unit of work that still found the database busy after SQLITE_BUSY_TIMEOUT_MS
# (see the top of this file) is tried again: at most about 3 × 5 s under the wait cursor.
BUSY_RETRIES = int(os.environ.get("KRINGLOOPDESK_BUSY_RETRIES", "2"))
BUSY_RETRY_PAUSE_S = 0.2

T = TypeVar("T")

_BUSY_WORDS = ("database is locked", "database table is locked", "database is busy",
               "lock timeout", "could not obtain lock", "deadlock detected",
               "could not serialize access")


def is_busy_error(exc: BaseException) -> bool:
    """True when another program (or PC) held a lock: trying again later may work."""
    original = getattr(exc, "orig", exc)
    if getattr(original, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return True
    message = str(original).lower()
    return any(word in message for word in _BUSY_WORDS)


def run_unit_of_work(db: Database, op: Callable[[Session], T], *,
                     retries: int | None = None) -> T:
    """Run ``op`` in one unit of work (committed when it returns) and return its result.

    When the database is busy — another program holds the lock past the busy timeout — the
    whole unit of work is rolled back and run again, up to ``retries`` more times, then the
    user gets a clear message. Only a unit of work that did not commit is run again: ``op``
    must not have effects outside the database. Every other driver error becomes a
    ``DatabaseOpenError`` (disk full, read-only, server gone) with a message the user can act on.
    """
    retries = BUSY_RETRIES if retries is None else retries
    attempt = 0
    while True:
        try:
            with db.session() as session:
                if not is_sqlite(db.url):
                    # Wait as long as SQLite would, not for ever, for a row another PC locked.
                    wait = int(SQLITE_BUSY_TIMEOUT_MS)
                    session.execute(text(f"SET LOCAL lock_timeout = {wait}"))
                result = op(session)
            return result  # committed: never run again
        except DBAPIError as exc:
            if not is_busy_error(exc) or attempt >= retries:
                if isinstance(exc, OperationalError | InternalError) or is_busy_error(exc):
                    raise explain_connect_error(db.url, exc) from exc
                raise
            attempt += 1
            log.info("Database busy (%s); unit of work tried again (%d/%d)",
                     type(getattr(exc, "orig", exc)).__name__, attempt, retries)
            time.sleep(BUSY_RETRY_PAUSE_S * attempt)
