"""Who in a kelurahan receives a record in the pull feed: `records.audience`.

"office" rows go to the kelurahan's operators (and admins) only; "all" rows also go to its
enumerators (`pull.scope_filter`; an enumerator always receives what they created). The rules:

- award decisions, certificates and conflict entries: office;
- an assessment: office until the office returns it for correction, then all — and it stays
  all, so its later states (corrected, approved) reach every laptop that received it as
  returned and no to-do list keeps a stale "returned" copy;
- an answer goes where its assessment goes: whoever may correct a returned assessment needs
  its answers (and, through them, its photos: `attachment_links` follows the same filter);
- everything else (households, members): all.

When an assessment becomes "all", the answers the server already holds are published again
(`republish_answers`: audience all and a new seq, same revision) — an enumerator whose cursor
passed them while they were office-only would otherwise never receive them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kampung_sync.server.tables import Record
from sqlalchemy import select
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from kampung_sync.server.records import RowSet

OFFICE_TABLES = {"award_decisions", "certificates", "conflicts"}
RECORDS = Record.__table__.c


def audience_for(rows: RowSet, table: str, data: dict[str, Any], was: str | None = None) -> str:
    """The audience of this version of a record; `was`: the stored row's audience (None for a
    new record); an answer's assessment must be in `rows` (loaded as its parent)."""
    if table == "assessment_answers":
        parent = rows.get(("assessments", str(data.get("assessment_id"))))
        return parent.audience if parent is not None else "office"
    if table in OFFICE_TABLES:
        return "office"
    if table == "assessments":
        return "all" if was == "all" or data.get("state") == "returned" else "office"
    return "all"


def answer_keys(session: Session, assessment_id: str, kelurahan: str | None) -> list[str]:
    """Record ids of the stored answers of one assessment (`"{assessment_id}/{field}"`)."""
    prefix = f"{assessment_id}/"
    query = select(RECORDS.record_id).where(RECORDS.table_name == "assessment_answers")
    if session.get_bind().dialect.name == "sqlite":
        # a range on the primary key (binary collation): '0' follows '/'
        query = query.where(RECORDS.record_id >= prefix, RECORDS.record_id < assessment_id + "0")
    else:
        # PostgreSQL's text order follows the locale: the kelurahan's index, then the prefix
        query = query.where(
            RECORDS.kelurahan_kode == kelurahan,
            RECORDS.record_id.startswith(prefix, autoescape=True),
        )
    return list(session.execute(query).scalars())


def republish_answers(rows: RowSet, opened: dict[str, str | None]) -> int:
    """Give the stored answers of the assessments in `opened` (id -> kelurahan) audience all
    and a place at the end of the feed (flushed with the batch). Run under the writers' lock,
    so no answer committed meanwhile is missed. Returns how many were republished."""
    keys = [
        ("assessment_answers", record_id)
        for assessment_id, kelurahan in opened.items()
        for record_id in answer_keys(rows.session, assessment_id, kelurahan)
    ]
    rows.load(keys)
    count = 0
    for key in keys:
        row = rows.get(key)
        if row is None or row.audience == "all":
            continue  # written in this batch already, with its assessment's audience
        row.audience = "all"
        rows.dirty.setdefault(key)  # same revision and data, a new seq
        count += 1
    return count
