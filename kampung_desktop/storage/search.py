"""The household full-text index: kept in step with each write, queried as the user types."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session

_DOC = """
SELECT h.rowid,
       h.head_name || ' ' || COALESCE(h.no_kk, '') || ' ' || h.address || ' ' ||
       COALESCE((SELECT group_concat(m.name || ' ' || COALESCE(m.nik, ''), ' ')
                 FROM members m WHERE m.household_id = h.id AND m.deleted = 0), '')
FROM households h WHERE h.deleted = 0
"""

#: For set-based refreshes (sync's pulled pages: append "AND h.id ...") and for the migrations
#: that build the index (2 and 5). It reads only columns every schema version has: a document
#: that needs newer ones comes with a migration that rebuilds the index, and migrations 2 and 5
#: then keep a copy of this one.
DOCUMENT_SQL = _DOC

REFRESH_ONE = (
    "DELETE FROM household_search WHERE rowid = (SELECT rowid FROM households WHERE id = :id)",
    f"INSERT INTO household_search (rowid, body) {_DOC} AND h.id = :id",
)


def document(household: dict, members: list[dict]) -> str:
    """The same text `_DOC` builds in SQL, for bulk loads that already hold the rows."""
    people = " ".join(f"{m['name']} {m.get('nik') or ''}" for m in members)
    return (
        f"{household['head_name']} {household.get('no_kk') or ''} {household['address']} {people}"
    )


_TOKEN = re.compile(r"\w+", re.UNICODE)


def refresh(session: Session, household_id: str) -> None:
    from sqlalchemy import text

    for sql in REFRESH_ONE:
        session.exec(text(sql), params={"id": household_id})


def match_expression(query: str) -> str | None:
    """Turn what the user typed into an FTS5 prefix query; None when nothing searchable."""
    tokens = _TOKEN.findall(query or "")
    if not tokens:
        return None
    return " ".join(f'"{tok}"*' for tok in tokens)
