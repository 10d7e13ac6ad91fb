"""`GET /api/v1/pull?cursor=C&limit=N`: the change feed, keyset-paged on the commit-ordered seq.

Scope is a WHERE clause on denormalised columns (`kelurahan_kode`, `audience`,
`owner_user_id`), so a page is one index range scan whatever the city's size:

- admin: every row;
- operator: city-wide rows (forms, wilayah) and every row of their kelurahan;
- enumerator: city-wide rows, rows of their kelurahan meant for everyone (households, members,
  returned assessments with their answers: `audience.py`) and rows they created themselves.

A cursor past the newest seq, or a scope that changed since the device last pulled, answers
`reset` so the laptop re-pulls from 0 instead of silently missing rows.
"""

from __future__ import annotations

from json import dumps

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from kampung_sync import protocol
from kampung_sync.server import accounts, db
from kampung_sync.server.auth import Caller, CallerDep
from kampung_sync.server.records import protocol_now
from kampung_sync.server.tables import Device, Record
from sqlalchemy import ColumnElement, Engine, Row, Text, cast, or_, select, text, update
from sqlalchemy.orm import Session

router = APIRouter(prefix=protocol.API_PREFIX, tags=["sync"])
RECORDS = Record.__table__


def scope_filter(caller: Caller):  # type: ignore[no-untyped-def]
    """The WHERE clause limiting the feed to what `caller` may read (None: everything)."""
    user = caller.user
    if user.role == "admin":
        return None
    citywide = RECORDS.c.kelurahan_kode.is_(None)
    mine = RECORDS.c.kelurahan_kode.in_(list(user.scope))
    if user.role == "operator":
        return or_(citywide, mine)
    shared = or_(RECORDS.c.audience == "all", RECORDS.c.owner_user_id == user.id)
    return or_(citywide, mine & shared)


def read_page(engine: Engine, caller: Caller, cursor: int, limit: int) -> bytes:
    """One page as JSON bytes, spliced from the stored JSON text of each record (a 5,000-row
    page neither parses nor re-encodes the records)."""
    digest = accounts.scope_digest(caller.user)
    with db.transaction(engine) as session:
        newest = int(
            session.execute(text("SELECT value FROM counters WHERE name = 'seq'")).scalar_one()
        )
        reset = cursor > newest or (cursor > 0 and caller.device.scope_digest != digest)
        changes: list[str] = []
        has_more = False
        last_seq = cursor
        if not reset:
            rows = _rows_after(session, scope_filter(caller), cursor, newest, limit + 1)
            has_more = len(rows) > limit
            rows = rows[:limit]
            changes = [
                f'{{"seq":{seq},"table":"{table}","record_id":{dumps(record_id)},'
                f'"revision":{revision},"deleted":{"true" if deleted else "false"},'
                f'"data":{data}}}'
                for seq, table, record_id, revision, deleted, data in rows
            ]
            last_seq = rows[-1][0] if rows else cursor
        if caller.device.scope_digest != digest or cursor == 0 or not has_more:
            session.execute(
                update(Device.__table__)
                .where(Device.__table__.c.id == caller.device.id)
                .values(scope_digest=digest, last_pull_at=protocol_now())
            )
            caller.device.scope_digest = digest
    head = {
        "protocol": protocol.PROTOCOL_VERSION,
        "next_cursor": 0 if reset else last_seq,
        "has_more": has_more,
        "reset": reset,
        "server_time": protocol_now(),
    }
    return (dumps(head)[:-1] + ',"changes":[' + ",".join(changes) + "]}").encode("utf-8")


def _rows_after(
    session: Session, where: ColumnElement[bool] | None, cursor: int, newest: int, count: int
) -> list[Row]:
    """Up to `count` rows in scope after `cursor`, in seq order, read in seq windows that
    double until they hold enough rows. Unbounded, `seq > cursor` with the scope's OR made
    SQLite gather and sort every row in scope after the cursor for each page (a fresh
    laptop's first page sorted all 112,500 of its records: 70 ms a page, and most of the
    server's CPU in a full pull); a window keeps each query's work near one page."""
    rows: list[Row] = []
    low, window = cursor, count
    while low < newest and len(rows) < count:
        high = min(newest, low + window)
        query = (
            select(
                RECORDS.c.seq,
                RECORDS.c.table_name,
                RECORDS.c.record_id,
                RECORDS.c.revision,
                RECORDS.c.deleted,
                # the stored JSON text goes out as it is: no parse and re-encode per row
                cast(RECORDS.c.data, Text),
            )
            .where(RECORDS.c.seq > low, RECORDS.c.seq <= high)
            .order_by(RECORDS.c.seq)
            .limit(count - len(rows))
        )
        if where is not None:
            query = query.where(where)
        rows += session.execute(query).all()
        low, window = high, window * 2
    return rows


@router.get(
    "/pull",
    response_model=protocol.PullResponse,
    responses={401: {"model": protocol.ErrorResponse}, 422: {"model": protocol.ErrorResponse}},
)
async def pull(
    request: Request,
    caller: CallerDep,
    cursor: int = Query(0, ge=0, le=2**62, description="Last seq applied locally (0: start)."),
    limit: int = Query(1000, ge=1, le=protocol.MAX_PULL_LIMIT),
) -> Response:
    """Changes after `cursor` in the caller's scope, oldest first (see module doc)."""
    limit = min(limit, request.app.state.settings.max_pull_limit)
    body = await run_in_threadpool(read_page, request.app.state.engine, caller, cursor, limit)
    return Response(content=body, media_type="application/json")
