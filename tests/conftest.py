"""Shared fixtures: a fresh data folder and a fresh database for every test.

By default the database is a SQLite file in the test's tmp_path. With
``KRINGLOOPDESK_TEST_DB=postgresql+psycopg://user:pw@host/maintenance_db`` every test gets its
own throwaway PostgreSQL database on that server instead (created and dropped around it), so
the same tests run on both engines.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from kringloopdesk.db.engine import Database, resolve_url
from kringloopdesk.db.migrate import open_database
from kringloopdesk.services.auth import Actor, attempt_login
from kringloopdesk.services.setup import ShopInfo, initialise_shop
from kringloopdesk.services.users import create_user

TEST_DB_ENV = "KRINGLOOPDESK_TEST_DB"
BEHEERDER = "beheer"
BEHEERDER_PASSWORD = "geheim-wachtwoord"
COACH_PASSWORD = "begeleider-123"
VOLUNTEER_PASSWORD = "vrijwilliger-1"


def postgres_server() -> URL | None:
    raw = os.environ.get(TEST_DB_ENV)
    return make_url(raw) if raw else None


@contextmanager
def throwaway_database(folder: Path, prefix: str, template: str | None = None) -> Iterator[URL]:
    """A database that exists only inside the block: a SQLite file in ``folder``, or with
    ``KRINGLOOPDESK_TEST_DB`` a PostgreSQL database on that server (a copy of ``template``
    when given), dropped afterwards even when other connections are still open."""
    server = postgres_server()
    if server is None:
        yield resolve_url(str(folder / f"{prefix}.sqlite"))
        return
    name = f"kld_{prefix}_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    try:
        yield server.set(database=name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def pytest_report_header(config: pytest.Config) -> str:
    server = postgres_server()
    where = server.render_as_string(hide_password=True) if server else "SQLite (tmp_path)"
    return f"kringloopdesk test database: {where}"


@pytest.fixture(autouse=True)
def quick_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at its real cost (64 MiB, 3 passes) takes ~0.1 s per login or password; the
    in-process tests use a small cost so the suite stays quick. The CLI tests run the real
    program in a subprocess, so the real parameters are tested there."""
    from argon2 import PasswordHasher

    from kringloopdesk.services import auth, crypto

    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024,
                                                        parallelism=1))
    monkeypatch.setattr(crypto, "KDF_TIME_COST", 1)
    monkeypatch.setattr(crypto, "KDF_MEMORY_KIB", 1024)
    monkeypatch.setattr(crypto, "KDF_PARALLELISM", 1)


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test out of the real user data folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("KRINGLOOPDESK_HOME", str(home))
    monkeypatch.delenv("KRINGLOOPDESK_DB", raising=False)
    monkeypatch.setenv("KRINGLOOPDESK_LANG", "nl")
    return home


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[URL]:
    """One database at the current schema, made once per test session. Tests that ask for
    ``db`` get a copy of it instead of running every migration again (about 0.2 s on SQLite
    and 0.4 s on PostgreSQL per test)."""
    with throwaway_database(tmp_path_factory.mktemp("template"), "template") as url:
        open_database(url).dispose()
        server = postgres_server()
        if server is not None:
            admin = create_engine(server, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                # No connections, not even autovacuum's: CREATE DATABASE … TEMPLATE refuses a
                # template that someone is connected to.
                connection.execute(
                    text(f'ALTER DATABASE "{url.database}" WITH ALLOW_CONNECTIONS false'))
            admin.dispose()
        yield url


@pytest.fixture
def db_url(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[URL]:
    """The URL of a database that exists only for this test: empty, or — when the test also
    uses ``db`` — a copy of the migrated template."""
    migrated = request.getfixturevalue("migrated_template") if "db" in request.fixturenames \
        else None
    if postgres_server() is None:
        path = tmp_path / "kringloopdesk.sqlite"
        if migrated is not None:
            shutil.copyfile(migrated.database, path)
        yield resolve_url(str(path))
        return
    template = migrated.database if migrated is not None else None
    with throwaway_database(tmp_path, "test", template) as url:
        yield url


@pytest.fixture
def db(db_url: URL) -> Iterator[Database]:
    """An empty database at the current schema version (defaults seeded, no shop)."""
    database = open_database(db_url)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def shop_db(db: Database) -> Database:
    """A database with a shop and its first beheerder ('beheer' / 'geheim-wachtwoord')."""
    with db.session() as session:
        initialise_shop(
            session,
            ShopInfo(name="Kringloop Amersfoort-Leusden", certificate_prefix="KAL",
                     city="Amersfoort"),
            username=BEHEERDER,
            full_name="Bea Beheer",
            password=BEHEERDER_PASSWORD,
        )
    return db


def login(db: Database, username: str, password: str) -> Actor:
    with db.session() as session:
        attempt = attempt_login(session, username, password)
    return attempt.actor_or_raise()


@pytest.fixture
def beheerder(shop_db: Database) -> Actor:
    """The first beheerder, logged in (holds the data key)."""
    return login(shop_db, BEHEERDER, BEHEERDER_PASSWORD)


@pytest.fixture
def begeleider(shop_db: Database, beheerder: Actor) -> Actor:
    """A begeleider made by the beheerder, logged in with the key."""
    with shop_db.session() as session:
        create_user(session, beheerder, username="marieke", full_name="Marieke Jansen",
                    role="begeleider", password=COACH_PASSWORD)
    return login(shop_db, "marieke", COACH_PASSWORD)


@pytest.fixture
def invoer(shop_db: Database, beheerder: Actor) -> Actor:
    """A volunteer doing data entry: no key, no personal data."""
    with shop_db.session() as session:
        create_user(session, beheerder, username="ria", full_name="Ria de Vrijwilliger",
                    role="invoer", password=VOLUNTEER_PASSWORD)
    return login(shop_db, "ria", VOLUNTEER_PASSWORD)
