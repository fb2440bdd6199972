"""handoff last message

When a resident's conversation with staff last had a message either way: a thread quiet for a
day is closed, so the resident's next question reaches the bot again.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("handoffthread", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("last_message_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("handoffthread", schema=None) as batch_op:
        batch_op.drop_column("last_message_at")
