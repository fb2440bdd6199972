"""telegram ids as 64-bit integers

Telegram user and chat ids have up to 52 bits: a 32-bit INTEGER column (PostgreSQL) refused
every user whose id is above 2,147,483,647, most accounts made in recent years among them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# table -> (column, nullable)
TELEGRAM_IDS: dict[str, tuple[tuple[str, bool], ...]] = {
    "user": (("id", False), ("chat_id", False)),
    "unansweredquestion": (("user_id", True),),
    "flowstate": (("user_id", False),),
    "application": (("representative_id", False), ("chat_id", False)),
    "staffaction": (("staff_id", False),),
    "staffmember": (("user_id", False),),
    "subscription": (("user_id", False),),
    "reminder": (("user_id", False), ("chat_id", False)),
    "broadcast": (("staff_id", False), ("staff_chat_id", False)),
    "delivery": (("user_id", False), ("chat_id", False)),
    "handoffthread": (("user_id", False), ("chat_id", False)),
    "questionlog": (("user_id", True),),
}


def _retype(old: sa.types.TypeEngine, new: sa.types.TypeEngine) -> None:
    for table, columns in TELEGRAM_IDS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, nullable in columns:
                batch_op.alter_column(
                    column, existing_type=old, type_=new, existing_nullable=nullable
                )


def upgrade() -> None:
    _retype(sa.Integer(), sa.BigInteger())


def downgrade() -> None:
    _retype(sa.BigInteger(), sa.Integer())
