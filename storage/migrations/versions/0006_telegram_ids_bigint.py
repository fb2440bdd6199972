"""telegram ids as 64-bit integers; a withdrawn application no longer blocks applying again

Telegram user and chat ids have up to 52 bits: a 32-bit INTEGER column (PostgreSQL) refused
every user whose id is above 2,147,483,647, most accounts made in recent years among them.

One application per representative and round is now a partial unique index that leaves withdrawn
applications out, instead of a unique constraint over all of them.

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


ACTIVE = sa.text("status != 'withdrawn'")
INDEX = "ux_application_round_representative"
# The first schema's unnamed unique constraint: PostgreSQL named it; SQLite's is named here.
NAMING = {"uq": "uq_%(table_name)s_%(column_0_name)s_%(column_1_name)s"}


def _old_unique_name() -> str:
    if op.get_bind().dialect.name == "postgresql":
        return "application_round_id_representative_id_key"
    return "uq_application_round_id_representative_id"


def upgrade() -> None:
    _retype(sa.Integer(), sa.BigInteger())
    with op.batch_alter_table("application", naming_convention=NAMING) as batch_op:
        batch_op.drop_constraint(_old_unique_name(), type_="unique")
    op.create_index(
        INDEX,
        "application",
        ["round_id", "representative_id"],
        unique=True,
        sqlite_where=ACTIVE,
        postgresql_where=ACTIVE,
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="application")
    with op.batch_alter_table("application", naming_convention=NAMING) as batch_op:
        batch_op.create_unique_constraint(_old_unique_name(), ["round_id", "representative_id"])
    _retype(sa.BigInteger(), sa.Integer())
