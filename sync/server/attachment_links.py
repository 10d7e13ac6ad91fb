"""Which answer and question each stored file belongs to (`attachment_links`).

Answers carry their files (`protocol.AnswerData.attachments`); this index is built from the
answer records in change-feed order, after the fact, so the push path does no extra work:
`catch_up` reads the answers changed since its counter and rewrites their links. Seq order is
commit order (see `db.py`), so a counter at N means every answer up to N is indexed.

Readers (download scope, the links listing, the export) call `catch_up` first; when nothing
changed it is one indexed read. Two catch-ups never interleave: each takes its counter row
first (a row lock on PostgreSQL, the write lock on SQLite), which no push waits for.
"""

from __future__ import annotations

from typing import Any

from kampung_sync import protocol
from kampung_sync.server import db
from kampung_sync.server.pull import scope_filter
from kampung_sync.server.tables import Attachment, AttachmentLinkRow, Record
from sqlalchemy import Engine, delete, insert, select, text
from sqlalchemy.orm import Session

LINKS = AttachmentLinkRow.__table__
FILES = Attachment.__table__
RECORDS = Record.__table__
COUNTER = "attachment_links"
BLOCK = 2000


def _indexed_up_to(session: Session) -> int | None:
    found = session.execute(
        text("SELECT value FROM counters WHERE name = :n"), {"n": COUNTER}
    ).scalar()
    return None if found is None else int(found)


def catch_up(engine: Engine) -> int:
    """Index the answers changed since the last catch-up; returns how many were read."""
    with db.transaction(engine) as session:
        last = _indexed_up_to(session)
        newest = int(
            session.execute(text("SELECT value FROM counters WHERE name = 'seq'")).scalar()
        )
        if last is not None and last >= newest:
            return 0
    done = 0
    with db.transaction(engine) as session:
        # the counter row first: it serialises catch-ups (never pushes, which lock "seq")
        updated = session.execute(
            text("UPDATE counters SET value = value WHERE name = :n"), {"n": COUNTER}
        ).rowcount
        if not updated:
            session.execute(
                text("INSERT INTO counters (name, value) VALUES (:n, 0)"), {"n": COUNTER}
            )
        last = _indexed_up_to(session) or 0
        newest = int(
            session.execute(text("SELECT value FROM counters WHERE name = 'seq'")).scalar()
        )
        while last < newest:
            rows = session.execute(
                select(RECORDS.c.record_id, RECORDS.c.seq, RECORDS.c.deleted, RECORDS.c.data)
                .where(RECORDS.c.seq > last, RECORDS.c.seq <= newest)
                .where(RECORDS.c.table_name == "assessment_answers")
                .order_by(RECORDS.c.seq)
                .limit(BLOCK)
            ).all()
            if not rows:
                break
            _rewrite(session, rows)
            done += len(rows)
            last = rows[-1][1]
            if len(rows) < BLOCK:
                break
        session.execute(
            text("UPDATE counters SET value = :v WHERE name = :n"), {"v": newest, "n": COUNTER}
        )
    return done


def _rewrite(session: Session, rows: list[Any]) -> None:
    ids = [r[0] for r in rows]
    for start in range(0, len(ids), 500):
        session.execute(delete(LINKS).where(LINKS.c.answer_id.in_(ids[start : start + 500])))
    links: dict[tuple[str, str], dict[str, Any]] = {}
    for record_id, seq, deleted, data in rows:
        if deleted or not isinstance(data, dict):
            continue
        for ref in data.get("attachments") or []:
            link = {
                "answer_id": record_id,
                "question": str(ref.get("question", ""))[:300],
                "sha256": str(ref.get("sha256", "")),
                "assessment_id": str(data.get("assessment_id", "")),
                "filename": str(ref.get("filename", ""))[:255],
                "media_type": str(ref.get("media_type") or "application/octet-stream")[:100],
                "size": ref.get("size"),
                "seq": seq,
            }
            links[(record_id, link["question"])] = link  # the answer's latest version wins
    if links:
        session.execute(insert(LINKS), list(links.values()))


def may_read(engine: Engine, caller: Any, sha256: str) -> bool:
    """True when an answer the caller's pull receives names this file (admins: any file)."""
    if caller.user.role == "admin":
        return True
    catch_up(engine)
    query = (
        select(LINKS.c.answer_id)
        .join(
            RECORDS,
            (RECORDS.c.table_name == "assessment_answers")
            & (RECORDS.c.record_id == LINKS.c.answer_id),
        )
        .where(LINKS.c.sha256 == sha256, RECORDS.c.deleted.is_(False))
        .limit(1)
    )
    where = scope_filter(caller)
    if where is not None:
        query = query.where(where)
    with db.transaction(engine) as session:
        return session.execute(query).first() is not None


def list_links(engine: Engine, caller: Any, cursor: int, limit: int) -> protocol.AttachmentLinks:
    """The files of the answers the caller may read, after `cursor` (answer seq), oldest first."""
    catch_up(engine)
    query = (
        select(
            LINKS.c.seq, LINKS.c.assessment_id, LINKS.c.answer_id, LINKS.c.question,
            LINKS.c.sha256, LINKS.c.filename, LINKS.c.media_type, LINKS.c.size,
            FILES.c.complete,
        )
        .join(
            RECORDS,
            (RECORDS.c.table_name == "assessment_answers")
            & (RECORDS.c.record_id == LINKS.c.answer_id),
        )
        .outerjoin(FILES, FILES.c.sha256 == LINKS.c.sha256)
        .where(LINKS.c.seq > cursor, RECORDS.c.deleted.is_(False))
        .order_by(LINKS.c.seq, LINKS.c.question)
        .limit(limit + 1)
    )  # fmt: skip
    where = scope_filter(caller)
    if where is not None:
        query = query.where(where)
    with db.transaction(engine) as session:
        rows = session.execute(query).all()
    has_more = len(rows) > limit
    if has_more:  # never split one answer's files across pages: the cursor is an answer seq
        last_seq = rows[limit][0]
        rows = [r for r in rows[:limit] if r[0] != last_seq] or rows[:limit]
    links = [
        protocol.AttachmentLink(
            seq=r[0], assessment_id=r[1], answer_id=r[2], question=r[3], sha256=r[4],
            filename=r[5], media_type=r[6], size=r[7], complete=bool(r[8]),
        )
        for r in rows
    ]  # fmt: skip
    next_cursor = links[-1].seq if links else cursor
    return protocol.AttachmentLinks(links=links, next_cursor=next_cursor, has_more=has_more)


def links_for_export(session: Session) -> Any:
    """Every link with the answer's kelurahan, in assessment and question order (export)."""
    return session.execute(
        select(
            LINKS.c.assessment_id, LINKS.c.question, LINKS.c.filename, LINKS.c.media_type,
            LINKS.c.size, LINKS.c.sha256, RECORDS.c.kelurahan_kode, LINKS.c.answer_id,
            FILES.c.complete,
        )
        .join(
            RECORDS,
            (RECORDS.c.table_name == "assessment_answers")
            & (RECORDS.c.record_id == LINKS.c.answer_id),
        )
        .outerjoin(FILES, FILES.c.sha256 == LINKS.c.sha256)
        .where(RECORDS.c.deleted.is_(False))
        .order_by(LINKS.c.assessment_id, LINKS.c.question)
    )  # fmt: skip
