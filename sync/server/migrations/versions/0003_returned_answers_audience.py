"""Answers of returned assessments reach the kelurahan's enumerators.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 08:30:00

Data only, no schema change (see `kampung_sync.server.audience`). Before this revision every
answer was office-only, so an enumerator given another enumerator's returned assessment got
no answers with it, and an assessment that left "returned" stopped reaching the enumerators
who held it. Here every assessment that is or ever was returned (its history says so) gets
audience "all", and so do its answers; each row changed gets a new seq after the newest (the
same revision and data), so laptops whose cursor passed them receive them on their next pull.
Nothing is deleted; the attachment links follow the answers' new seqs on their next catch-up.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    state = (
        "data->>'state'" if bind.dialect.name == "postgresql" else "json_extract(data, '$.state')"
    )
    returned = {
        rid
        for (rid,) in bind.execute(
            sa.text(
                "SELECT record_id FROM records WHERE table_name = 'assessments' "
                f"AND (audience = 'all' OR {state} = 'returned') "
                "UNION SELECT record_id FROM record_history WHERE table_name = 'assessments' "
                f"AND {state} = 'returned'"
            )
        )
    }
    if not returned:
        return
    closed = [
        ("assessments", rid)
        for (rid,) in bind.execute(
            sa.text(
                "SELECT record_id FROM records WHERE table_name = 'assessments' "
                "AND audience <> 'all'"
            )
        )
        if rid in returned
    ]
    answers = [
        ("assessment_answers", rid)
        for (rid,) in bind.execute(
            sa.text(
                "SELECT record_id FROM records WHERE table_name = 'assessment_answers' "
                "AND audience <> 'all'"
            )
        )
        if rid.split("/", 1)[0] in returned
    ]
    rows = closed + answers  # assessments before their answers in the feed
    if not rows:
        return
    last = int(bind.execute(sa.text("SELECT value FROM counters WHERE name = 'seq'")).scalar_one())
    bind.execute(
        sa.text(
            "UPDATE records SET audience = 'all', seq = :seq WHERE table_name = :t "
            "AND record_id = :r"
        ),
        [{"seq": last + n, "t": t, "r": r} for n, (t, r) in enumerate(rows, start=1)],
    )
    bind.execute(
        sa.text("UPDATE counters SET value = :v WHERE name = 'seq'"), {"v": last + len(rows)}
    )


def downgrade() -> None:
    """Nothing to undo that matters: office-only again would hide what laptops already hold."""
