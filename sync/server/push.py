"""`POST /api/v1/push`: one batch of ops in, one receipt per op out, written in one transaction.

Why one write transaction with set-based queries: the receipts are stored with the data (a
replay returns them, a cut-off batch leaves nothing half-done). The batch is read and decided
before that transaction, without the writers' lock — one SELECT for stored receipts, one per
table for current rows, parents, history, wilayah, forms and certificate numbers — so batches
of different laptops are decided at the same time; under the lock come only a check that
nothing read has changed meanwhile and the bulk INSERT/UPDATE (`batch.apply_batch`). Checks
that need no database run first (`validate.prepare`). Parsing and applying run on a worker
thread, never on the event loop.

A scope violation by any op refuses the whole batch with 403 and writes nothing: a device that
sends records of another kelurahan is misconfigured or misused, not making a per-record mistake.
"""

from __future__ import annotations

import gzip
import json
import zlib
from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.concurrency import run_in_threadpool
from kampung_sync import protocol
from kampung_sync.server.auth import Caller, CallerDep, check_protocol_field
from kampung_sync.server.batch import apply_batch, receipt_json
from kampung_sync.server.errors import BAD_TEXT, ApiError, has_bad_text, summary, validation_details
from kampung_sync.server.records import protocol_now
from kampung_sync.server.settings import ServerSettings
from pydantic import ValidationError
from sqlalchemy import Engine

router = APIRouter(prefix=protocol.API_PREFIX, tags=["sync"])

PUSH_BODY = {
    "requestBody": {
        "required": True,
        "description": "A `PushRequest` as JSON, normally gzip-compressed "
        "(`Content-Encoding: gzip`).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
    }
}


def document_request_body(app: FastAPI) -> None:
    """Put `PushRequest` (read by hand, for gzip) into the OpenAPI components it refers to."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            request = protocol.PushRequest.model_json_schema(
                ref_template="#/components/schemas/{model}"
            )
            for name, definition in request.pop("$defs", {}).items():
                components.setdefault(name, definition)
            components["PushRequest"] = request
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


async def read_body(request: Request, settings: ServerSettings) -> bytes:
    """The body, inflated when gzip; 413 past the limits, 400 `bad_encoding` when not gzip."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_batch_bytes:
        raise ApiError(413, "too_large", limit=settings.max_batch_bytes)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > settings.max_batch_bytes:
            raise ApiError(413, "too_large", limit=settings.max_batch_bytes)
        chunks.append(chunk)
    body = b"".join(chunks)
    encoding = request.headers.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding != "gzip":
        raise ApiError(400, "bad_encoding")
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, settings.max_inflated_bytes + 1)
        if len(out) > settings.max_inflated_bytes or inflater.unconsumed_tail:
            raise ApiError(413, "too_large", limit=settings.max_inflated_bytes)
        if not inflater.eof:
            raise ApiError(400, "bad_encoding")
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise ApiError(400, "bad_encoding") from exc
    return out


def parse_request(body: bytes, settings: ServerSettings, caller: Caller) -> protocol.PushRequest:
    """The body as a `PushRequest`, or the error that says what is wrong with it.

    A well-formed body is parsed straight from its bytes (pydantic's JSON parser in strict
    mode, half the cost of `json.loads` and then validating the objects); anything it does not
    accept, or text that may hold NUL or unpaired surrogates, takes the step-by-step path,
    which answers exactly as it did before this shortcut existed."""
    if b"\\u0000" not in body and b"\\ud" not in body and b"\\uD" not in body:
        try:
            # strict: only what the lax path reads the same way (no "1" for 1, no 1.0)
            request = protocol.PushRequest.model_validate_json(body, strict=True)
        except ValueError:
            pass
        else:
            check_protocol_field(request.protocol)
            limit = min(settings.max_ops_per_batch, protocol.MAX_OPS_PER_BATCH)
            if len(request.ops) > limit:
                raise ApiError(413, "too_many_ops", count=len(request.ops), limit=limit)
            return _own_device(request, caller)
    return _own_device(_parse_slowly(body, settings), caller)


def _own_device(request: protocol.PushRequest, caller: Caller) -> protocol.PushRequest:
    if request.device_id != caller.device.id:
        raise ApiError(403, "device_mismatch", device_id=caller.device.id)
    return request


def _parse_slowly(body: bytes, settings: ServerSettings) -> protocol.PushRequest:
    try:
        raw = json.loads(body)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(400, "bad_json") from exc
    if isinstance(raw, dict):
        if raw.get("protocol", protocol.PROTOCOL_VERSION) != protocol.PROTOCOL_VERSION:
            check_protocol_field(raw.get("protocol"))  # type: ignore[arg-type]
        ops = raw.get("ops")
        limit = min(settings.max_ops_per_batch, protocol.MAX_OPS_PER_BATCH)
        if isinstance(ops, list) and len(ops) > limit:
            raise ApiError(413, "too_many_ops", count=len(ops), limit=limit)
    if (b"\\u0000" in body or b"\\ud" in body.lower()) and has_bad_text(raw):
        raise ApiError(422, "invalid_request", detail=BAD_TEXT)
    try:
        request = protocol.PushRequest.model_validate(raw)
    except ValidationError as exc:
        errors = list(exc.errors(include_input=False))
        raise ApiError(
            422, "invalid_request", validation_details(errors), detail=summary(errors)
        ) from exc
    return request


@router.post(
    "/push",
    response_model=protocol.PushResponse,
    openapi_extra=PUSH_BODY,
    responses={
        400: {"model": protocol.ErrorResponse},
        401: {"model": protocol.ErrorResponse},
        403: {"model": protocol.ErrorResponse},
        413: {"model": protocol.ErrorResponse},
        422: {"model": protocol.ErrorResponse},
    },
)
async def push(request: Request, caller: CallerDep) -> Response:
    """Apply a batch; answer one receipt per op, in the order the ops were sent."""
    settings: ServerSettings = request.app.state.settings
    body = await read_body(request, settings)
    answer = await run_in_threadpool(
        _parse_and_apply, request.app.state.engine, body, settings, caller
    )
    return Response(content=answer, media_type="application/json")


def _parse_and_apply(
    engine: Engine, body: bytes, settings: ServerSettings, caller: Caller
) -> bytes:
    batch = parse_request(body, settings, caller)
    receipts = apply_batch(engine, caller, batch)
    # Serialised once here; letting FastAPI re-validate 2,000 receipts costs more than the write.
    return receipt_json(batch.batch_id, receipts, protocol_now())
