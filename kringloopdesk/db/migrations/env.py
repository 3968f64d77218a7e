"""Alembic environment. KringloopDesk runs migrations itself (kringloopdesk.db.migrate) and
hands over its open connection; the ``alembic`` command line works too, with ``-x db=URL``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import kringloopdesk.db.models  # noqa: F401  (registers every table on the metadata)
from kringloopdesk.db.base import Base

config = context.config
target_metadata = Base.metadata


def _configure_and_run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite rebuilds tables to alter them; harmless elsewhere
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _configure_and_run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = create_engine(url)
    with engine.begin() as conn:
        _configure_and_run(conn)
