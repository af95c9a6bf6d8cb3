"""Alembic environment: runs the store's migrations on the connection the store hands over.

``geo.store`` calls ``alembic.command.upgrade`` with ``config.attributes["connection"]`` set;
run from the command line, ``sqlalchemy.url`` in the config names the database.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from geo.tables import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters by copying
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = sa.create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()
