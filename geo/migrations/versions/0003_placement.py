"""events and states keep the placement the import made, and the gazetteer that made it

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ("events", "states")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("placed_by", sa.String(length=64), nullable=True))
            batch_op.add_column(sa.Column("placed_id", sa.Text(), nullable=True))
            batch_op.add_column(sa.Column("placed_admin1", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("placed_admin1")
            batch_op.drop_column("placed_id")
            batch_op.drop_column("placed_by")
