"""``check``: is this database sound? Schema version, integrity, row counts and warnings.

A warning (a SQLite file on a network share) does not make the database unsound: it is
reported next to the verdict, and ``ok`` stays about the data itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from kringloopdesk.db import models
from kringloopdesk.db.base import Base
from kringloopdesk.db.engine import Database, is_sqlite, network_share_warning
from kringloopdesk.db.migrate import schema_state


@dataclass(frozen=True)
class HealthReport:
    location: str
    dialect: str
    schema_current: str | None
    schema_head: str
    integrity_ok: bool
    integrity_messages: tuple[str, ...]
    counts: dict[str, int]
    shop_name: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.integrity_ok and self.schema_current == self.schema_head


def check_database(db: Database) -> HealthReport:
    with db.engine.connect() as connection:
        state = schema_state(connection)
        messages: list[str] = []
        if is_sqlite(db.engine):
            integrity = [r[0] for r in connection.exec_driver_sql("PRAGMA integrity_check")]
            if integrity != ["ok"]:
                messages.extend(integrity)
            for table, rowid, parent, _fk in connection.exec_driver_sql("PRAGMA foreign_key_check"):
                messages.append(f"foreign key: {table} row {rowid} -> {parent}")
        counts: dict[str, int] = {}
        shop_name = None
        if state.current is not None:
            shop_name = connection.scalar(select(models.ShopProfile.name))
            for table in Base.metadata.sorted_tables:
                counts[table.name] = connection.scalar(select(func.count()).select_from(table))
    return HealthReport(
        location=db.location,
        dialect=db.engine.dialect.name,
        schema_current=state.current,
        schema_head=state.head,
        integrity_ok=not messages,
        integrity_messages=tuple(messages),
        counts=counts,
        shop_name=shop_name,
        warnings=_warnings(db),
    )


def _warnings(db: Database) -> tuple[str, ...]:
    """Things the user should change although the data is sound."""
    share = network_share_warning(db.engine)
    return (share,) if share else ()
