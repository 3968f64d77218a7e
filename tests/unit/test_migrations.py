"""Migrations: empty to head and back on every engine, the schema they build equals the
models, and an upgrade of an existing database backs it up first."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlalchemy.engine import URL

import kringloopdesk.db.models  # noqa: F401
from kringloopdesk.db import migrate
from kringloopdesk.db.base import Base
from kringloopdesk.db.engine import Database, create_db_engine
from kringloopdesk.db.migrate import downgrade, head_revision, open_database, prepare_schema
from kringloopdesk.db.models import Doelgroep, FactorSet


def _tables(db: Database) -> set[str]:
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def test_migrations_build_exactly_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        diff = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata
        )
    assert diff == []


def test_empty_to_head_and_back_and_up_again(db: Database) -> None:
    assert _tables(db) == set(Base.metadata.tables)
    downgrade(db.engine, "base")
    assert _tables(db) == set()
    prepare_schema(db.engine)
    assert _tables(db) == set(Base.metadata.tables)
    with db.read_session() as session:
        assert len(session.scalars(select(Doelgroep)).all()) == 13
        sets = {s.label: s for s in session.scalars(select(FactorSet))}
    assert set(sets) == {"bkn_tno@1", "restart_wrap@1"}
    assert sets["bkn_tno@1"].is_default


def test_seeded_ids_leave_room_for_new_rows(db: Database) -> None:
    """On PostgreSQL the seeded ids must have moved the sequences along."""
    from kringloopdesk.db.models import Department, ProductGroup

    with db.session() as session:
        session.add(Department(code="kringloopcafe", label_nl="Café", label_en="Café"))
        session.add(ProductGroup(code="planten", label_nl="Planten", label_en="Plants"))


def test_a_database_at_head_is_left_alone(db: Database, data_home: Path) -> None:
    state = prepare_schema(db.engine)
    assert state.up_to_date
    assert not any((data_home / "backups").glob("*")) if (data_home / "backups").exists() else True


@pytest.fixture
def newer_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A copy of the migrations with one extra revision, as a next release would ship."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.migrations_path(), folder)
    head = head_revision()
    (folder / "versions" / "9999_next.py").write_text(
        f'''"""next release"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("partners") as batch:
        batch.add_column(sa.Column("kvk_number", sa.String(8), nullable=True))


def downgrade():
    with op.batch_alter_table("partners") as batch:
        batch.drop_column("kvk_number")
''',
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "migrations_path", lambda: folder)
    return "9999"


def test_upgrade_backs_up_first(shop_db: Database, db_url: URL, data_home: Path,
                                newer_migrations: str) -> None:
    shop_db.dispose()
    upgraded = open_database(db_url)
    try:
        with upgraded.engine.connect() as connection:
            assert migrate.current_revision(connection) == newer_migrations
            assert "kvk_number" in {c["name"] for c in inspect(connection).get_columns("partners")}
    finally:
        upgraded.dispose()
    backups = list((data_home / "backups").glob("voor-upgrade-*"))
    assert len(backups) == 1
    backup = backups[0]
    if backup.suffix == ".sqlite":
        with sqlite3.connect(backup) as copy:
            assert copy.execute("SELECT name FROM shop_profile").fetchone() == (
                "Kringloop Amersfoort-Leusden",)
            assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    else:
        with zipfile.ZipFile(backup) as archive:
            shop = archive.read("tables/shop_profile.jsonl").decode("utf-8")
            assert "Kringloop Amersfoort-Leusden" in shop
            assert "manifest.json" in archive.namelist()


def test_a_newer_database_is_refused_and_left_unchanged(shop_db: Database, db_url: URL) -> None:
    with shop_db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'fffffuture'"))
    shop_db.dispose()
    with pytest.raises(migrate.SchemaTooNewError) as caught:
        open_database(db_url)
    assert "nieuwere versie" in caught.value.message
    engine = create_db_engine(db_url)
    try:
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT version_num FROM alembic_version")) == (
                "fffffuture")
            assert connection.scalar(text("SELECT name FROM shop_profile")) == (
                "Kringloop Amersfoort-Leusden")
    finally:
        engine.dispose()
