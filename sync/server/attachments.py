"""Attachments (photos from image questions): content-addressed by sha256, uploaded in
resumable chunks that live in the database, so any worker on any host can continue an upload.

`GET /api/v1/attachments/{sha256}` says how much the server holds (a complete file is never sent
again); `PUT /api/v1/attachments/{sha256}?offset=O&total=T` appends one chunk at exactly the
received offset. When the last byte arrives the sha256 is checked; a mismatch drops the upload.
`GET /api/v1/attachments?cursor=` lists the files of the answers a caller may read (question,
file name, hash; see `attachment_links`) and `GET .../{sha256}/content` serves one, resumable.
"""

from __future__ import annotations

import hashlib
import re

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from kampung_sync import protocol
from kampung_sync.server import accounts, db
from kampung_sync.server import attachment_links as links
from kampung_sync.server.auth import Caller, CallerDep
from kampung_sync.server.errors import ApiError
from kampung_sync.server.records import protocol_now
from kampung_sync.server.tables import Attachment, AttachmentChunk
from sqlalchemy import Engine, delete, insert, select, update

router = APIRouter(prefix=f"{protocol.API_PREFIX}/attachments", tags=["attachments"])
SHA256 = re.compile(r"^[0-9a-f]{64}$")
FILES = Attachment.__table__
CHUNKS = AttachmentChunk.__table__
ERRORS = {
    code: {"model": protocol.ErrorResponse} for code in (400, 401, 403, 404, 409, 413, 416, 422)
}


def _checked(sha256: str) -> str:
    sha256 = sha256.lower()
    if not SHA256.match(sha256):
        raise ApiError(400, "bad_hash")
    return sha256


def _status(engine: Engine, sha256: str) -> protocol.AttachmentStatus:
    with db.transaction(engine) as session:
        found = session.execute(select(FILES).where(FILES.c.sha256 == sha256)).mappings().first()
    if found is None:
        return protocol.AttachmentStatus(sha256=sha256, total=None, received=0, complete=False)
    return protocol.AttachmentStatus(
        sha256=sha256, total=found["total"], received=found["received"], complete=found["complete"]
    )


@router.get("/{sha256}", response_model=protocol.AttachmentStatus, responses=ERRORS)
def attachment_status(
    request: Request,
    caller: CallerDep,
    sha256: str = Path(max_length=64, pattern="^[0-9a-fA-F]{64}$"),
) -> protocol.AttachmentStatus:
    """How many bytes of this file the server holds; `complete` means skip the upload."""
    return _status(request.app.state.engine, _checked(sha256))


def _append(
    engine: Engine, caller: Caller, sha256: str, offset: int, total: int, chunk: bytes
) -> protocol.AttachmentStatus:
    now = protocol_now()
    with db.transaction(engine) as session:
        db.lock_sequence(session)  # serialises uploads of the same file across workers
        found = session.execute(select(FILES).where(FILES.c.sha256 == sha256)).mappings().first()
        if found is None:
            session.execute(
                insert(FILES),
                [
                    {
                        "sha256": sha256,
                        "total": total,
                        "received": 0,
                        "complete": False,
                        "device_id": caller.device.id,
                        "created_at": now,
                    }
                ],
            )
            received, complete = 0, False
        else:
            if found["total"] != total and not found["complete"]:
                raise ApiError(409, "total_mismatch", got=total, want=found["total"])
            received, complete = found["received"], found["complete"]
        if complete:
            return protocol.AttachmentStatus(
                sha256=sha256, total=found["total"], received=received, complete=True
            )
        if offset != received:
            raise ApiError(409, "offset_mismatch", offset=offset, received=received)
        if received + len(chunk) > total:
            raise ApiError(413, "too_large", limit=total)
        if chunk:
            session.execute(
                insert(CHUNKS), [{"sha256": sha256, "offset": offset, "content": chunk}]
            )
        received += len(chunk)
        complete = received == total
        if complete and not _hash_matches(session, sha256):
            session.execute(delete(CHUNKS).where(CHUNKS.c.sha256 == sha256))
            session.execute(delete(FILES).where(FILES.c.sha256 == sha256))
            accounts.audit(
                session,
                "attachment_rejected",
                user_id=caller.user.id,
                device_id=caller.device.id,
                sha256=sha256,
            )
            hash_failed = True
        else:
            hash_failed = False
            session.execute(
                update(FILES)
                .where(FILES.c.sha256 == sha256)
                .values(received=received, complete=complete)
            )
            if complete:
                accounts.audit(
                    session,
                    "attachment_stored",
                    user_id=caller.user.id,
                    device_id=caller.device.id,
                    sha256=sha256,
                    size=total,
                )
    if hash_failed:
        raise ApiError(422, "hash_mismatch")
    return protocol.AttachmentStatus(
        sha256=sha256, total=total, received=received, complete=complete
    )


def _hash_matches(session, sha256: str) -> bool:  # type: ignore[no-untyped-def]
    digest = hashlib.sha256()
    for (content,) in session.execute(
        select(CHUNKS.c.content).where(CHUNKS.c.sha256 == sha256).order_by(CHUNKS.c.offset)
    ):
        digest.update(content)
    return digest.hexdigest() == sha256


@router.put(
    "/{sha256}",
    response_model=protocol.AttachmentStatus,
    responses=ERRORS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    },
)
async def upload_chunk(
    request: Request,
    caller: CallerDep,
    sha256: str = Path(max_length=64, pattern="^[0-9a-fA-F]{64}$"),
    offset: int = Query(ge=0, le=2**40),
    total: int = Query(ge=1, le=2**40),
) -> protocol.AttachmentStatus:
    """Append one chunk (raw bytes) at `offset`; answers the new status (see module doc)."""
    sha256 = _checked(sha256)
    settings = request.app.state.settings
    if total > settings.max_attachment_bytes:
        raise ApiError(413, "too_large", limit=settings.max_attachment_bytes)
    chunks: list[bytes] = []
    size = 0
    async for part in request.stream():
        size += len(part)
        if size > settings.max_chunk_bytes:
            raise ApiError(413, "too_large", limit=settings.max_chunk_bytes)
        chunks.append(part)
    return await run_in_threadpool(
        _append, request.app.state.engine, caller, sha256, offset, total, b"".join(chunks)
    )


@router.get("", response_model=protocol.AttachmentLinks, responses=ERRORS)
def attachment_links(
    request: Request,
    caller: CallerDep,
    cursor: int = Query(0, ge=0, le=2**62, description="Last answer seq listed (0: start)."),
    limit: int = Query(1000, ge=200, le=5000),
) -> protocol.AttachmentLinks:
    """The files of the answers the caller's pull receives (question, file name, sha256),
    oldest change first: what a laptop downloads so a reviewer sees the photos."""
    return links.list_links(request.app.state.engine, caller, cursor, limit)


@router.get("/{sha256}/content", responses={**ERRORS, 206: {"description": "A byte range"}})
def attachment_content(
    request: Request,
    caller: CallerDep,
    sha256: str = Path(max_length=64, pattern="^[0-9a-fA-F]{64}$"),
) -> Response:
    """The stored file, when an answer the caller may read names it (admins: any file).
    `Range: bytes=N-` answers the rest from byte N (206), so a cut-off download resumes."""
    sha256 = _checked(sha256)
    engine = request.app.state.engine
    status = _status(engine, sha256)
    if not status.complete:
        raise ApiError(404, "not_found")
    if not links.may_read(engine, caller, sha256):
        raise ApiError(403, "forbidden")
    start = _range_start(request.headers.get("range"), status.total or 0)
    with db.transaction(engine) as session:
        parts = session.execute(
            select(CHUNKS.c.offset, CHUNKS.c.content)
            .where(CHUNKS.c.sha256 == sha256)
            .order_by(CHUNKS.c.offset)
        ).all()
    content = b"".join(
        chunk[max(0, start - offset) :] for offset, chunk in parts if offset + len(chunk) > start
    )
    total = status.total or 0
    if start:
        return Response(
            content=content,
            status_code=206,
            media_type="application/octet-stream",
            headers={"Content-Range": f"bytes {start}-{total - 1}/{total}"},
        )
    return Response(content=content, media_type="application/octet-stream")


def _range_start(header: str | None, total: int) -> int:
    """The first byte of a `bytes=N-` range (0 without one); anything else is refused."""
    if not header:
        return 0
    match = re.fullmatch(r"bytes=(\d{1,15})-", header.strip())
    if match is None or int(match.group(1)) >= max(total, 1):
        raise ApiError(416, "bad_range")
    return int(match.group(1))
