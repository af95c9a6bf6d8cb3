"""candidates keep the sub-event type and the records they dispute

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 09:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sub_event_type", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("disputes", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.drop_column("disputes")
        batch_op.drop_column("sub_event_type")
