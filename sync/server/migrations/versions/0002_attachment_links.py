"""Attachment links: which answer and question each stored file belongs to.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 06:00:00

Additive: a new table and its counter; existing answers are indexed from seq 0 the first time
a link is needed (`attachment_links.catch_up`), so nothing is lost on an upgraded server.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_links",
        sa.Column("answer_id", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("question", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("assessment_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("filename", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("media_type", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("answer_id", "question"),
    )
    with op.batch_alter_table("attachment_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_links_sha256"), ["sha256"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_attachment_links_assessment_id"), ["assessment_id"], unique=False
        )
    op.execute("INSERT INTO counters (name, value) VALUES ('attachment_links', 0)")


def downgrade() -> None:
    op.execute("DELETE FROM counters WHERE name = 'attachment_links'")
    with op.batch_alter_table("attachment_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_links_assessment_id"))
        batch_op.drop_index(batch_op.f("ix_attachment_links_sha256"))
    op.drop_table("attachment_links")
