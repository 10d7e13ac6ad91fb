"""Push the outbox: frozen ops in batches whose size adapts, every receipt stored at once.

A batch the server refuses as a whole (403 scope, 400, 413) is split in halves until the op
at fault stands alone; that op is settled as rejected with the server's reason, the others go
through. So one bad record never blocks the queue, and nothing is retried that cannot succeed.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from kampung_sync.client import ServerRefused, SyncClient, compress
from kampung_sync.protocol import (
    MAX_BATCH_BYTES,
    MAX_OPS_PER_BATCH,
    Op,
    PushRequest,
    PushResponse,
    Receipt,
)
from pydantic import TypeAdapter

from kampung_desktop.core.labels import field_pair
from kampung_desktop.services.sync.collector import old_objects_set_aside
from kampung_desktop.services.sync.types import SyncProgress
from kampung_desktop.storage import sync_store
from kampung_desktop.storage.sync_store import is_transient

TARGET_SECONDS = 3.0  # shrink while a batch answers slower than twice this, grow when faster


class DeviceRevoked(Exception):
    """The server answered 401: this device may no longer sync."""

    def __init__(self, refused: ServerRefused) -> None:
        super().__init__(refused.code)
        self.refused = refused


@dataclass
class PushTally:
    sent: int = 0
    accepted: int = 0
    duplicate: int = 0
    conflict: int = 0
    rejected: int = 0
    items: list[tuple[str, str, str, str]] = field(default_factory=list)

    def count(self, receipts: list[Receipt]) -> None:
        for r in receipts:
            if is_transient(r):  # waits for its parent: pending, not a final rejection
                reason = r.reason.id + " / " + r.reason.en if r.reason else (r.code or "")
                self.items.append((r.table, r.record_id, "waiting", reason))
                continue
            setattr(self, r.status, getattr(self, r.status) + 1)
            if r.status in ("conflict", "rejected"):
                reason = r.reason.id + " / " + r.reason.en if r.reason else (r.code or "")
                if r.conflict_fields and r.code != "field_conflict":  # that one names them
                    reason = _with_fields(reason, r.table, r.conflict_fields)
                self.items.append((r.table, r.record_id, r.status, reason))


def _with_fields(reason: str, table: str, fields: list[str]) -> str:
    """ "id (Alamat) / en (Address)": the fields in dispute, labelled in each language."""
    names = [field_pair(table, f) for f in fields]
    indonesian, _, english = reason.partition(" / ")
    return (
        f"{indonesian} ({', '.join(n[0] for n in names)}) / "
        f"{english or indonesian} ({', '.join(n[1] for n in names)})"
    )


@dataclass(frozen=True)
class Prepared:
    rows: list[tuple]
    batch_id: str
    op_ids: set[str]
    body: bytes


@dataclass
class Flying:
    prepared: Prepared
    future: Future[PushResponse]
    started: float = field(default_factory=time.monotonic)


class Pusher:
    def __init__(
        self,
        conn: sqlite3.Connection,
        client: SyncClient,
        device_id: str,
        session_id: str,
        max_ops: int = MAX_OPS_PER_BATCH,
        max_bytes: int = MAX_BATCH_BYTES,
        progress: Callable[[SyncProgress], None] | None = None,
        enrich: Callable[[list[Op]], None] | None = None,
    ) -> None:
        self.conn = conn
        self.enrich = enrich  # adds what the outbox does not hold (an answer's files)
        self.client = client
        self.device_id = device_id
        self.session_id = session_id
        self.max_ops = max(1, min(max_ops, MAX_OPS_PER_BATCH))
        self.max_bytes = min(max_bytes, MAX_BATCH_BYTES)
        # Start at the server's limit: a fresh laptop's thousands of ops go in few batches (the
        # server's cost per batch is paid once); a slow link halves it after the first answer.
        self.batch = self.max_ops
        self.progress = progress
        self.tally = PushTally()

    def run(self) -> PushTally:
        """Batches go one after another (parents before children across batches), but the
        next batch is read and compressed while the current one is on the wire, and the
        receipts of one are stored while the next is on the wire."""
        with old_objects_set_aside():
            return self._run()

    def _run(self) -> PushTally:
        total = sum(sync_store.pending_by_table(self.conn).values())
        after = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push") as wire:
            flying: Flying | None = None
            while True:
                ready, shrunk = None, False
                if not self.client.cancel.is_set():
                    rows = sync_store.pending_ops(self.conn, after, self.batch)
                    if rows:
                        ready = self._prepare(rows)
                        if len(rows) > 1 and len(ready.body) > self.max_bytes:
                            self.batch = max(1, len(rows) // 2)  # read them again, fewer
                            ready, shrunk = None, True
                        else:
                            after = rows[-1][0]
                if flying is not None:
                    landed, flying = flying, None
                    response = self._landed(landed)
                    if ready is not None:  # on the wire before this batch's receipts are stored
                        flying = Flying(ready, wire.submit(self.client.push, ready.body))
                        ready = None
                    if response is not None:
                        self._store(landed.prepared, response)
                    self._report(total)
                if ready is not None:
                    flying = Flying(ready, wire.submit(self.client.push, ready.body))
                elif flying is None and not shrunk:
                    break
        return self.tally

    def _prepare(self, rows: list[tuple]) -> Prepared:
        """The batch's gzip body. An op's record goes on the wire as the outbox holds it (JSON
        text, the same values): parsing 2,000 records and writing them out again was most of
        the laptop's work per batch. Answers that may name files are enriched as objects."""
        batch_id = uuid.uuid4().hex
        op_ids = {row[1] for row in rows}
        if self.enrich is not None and any(row[2] in ENRICHED for row in rows):
            ops = [_op(r) for r in rows]
            self.enrich(ops)
            request = PushRequest(device_id=self.device_id, batch_id=batch_id, ops=ops)
            return Prepared(rows, batch_id, op_ids, compress(request))
        head = PushRequest(device_id=self.device_id, batch_id=batch_id, ops=[])
        text = head.model_dump_json().encode()
        if not text.endswith(b'"ops":[]}'):  # the envelope changed shape: the long way
            request = head.model_copy(update={"ops": [_op(r) for r in rows]})
            return Prepared(rows, batch_id, op_ids, compress(request))
        body = text[:-2] + b",".join(_op_json(r) for r in rows) + b"]}"
        return Prepared(rows, batch_id, op_ids, gzip.compress(body, compresslevel=5))

    def _landed(self, flying: Flying) -> PushResponse | None:
        """The answer of a batch sent ahead; a refusal is handled here, synchronously."""
        try:
            response = flying.future.result()
        except ServerRefused as refused:
            self._refused(flying.prepared.rows, refused)
            return None
        self._adapt(time.monotonic() - flying.started, len(flying.prepared.rows))
        return response

    def _store(self, prepared: Prepared, response: PushResponse) -> None:
        receipts = [r for r in response.receipts if r.op_id in prepared.op_ids]
        sync_store.store_receipts(self.conn, prepared.batch_id, self.session_id, receipts)
        self.tally.sent += len(prepared.rows)
        self.tally.count(receipts)

    def _report(self, total: int) -> None:
        if self.progress:
            self.progress(
                SyncProgress(
                    "push", self.tally.sent, total, self.client.bytes_sent,
                    self.client.bytes_received,
                )
            )  # fmt: skip

    def _send(self, rows: list[tuple]) -> None:
        """Send one batch and wait (used when splitting a refused batch)."""
        prepared = self._prepare(rows)
        if len(rows) > 1 and len(prepared.body) > self.max_bytes:
            self.batch = max(1, len(rows) // 2)
            self._split(rows)
            return
        started = time.monotonic()
        try:
            response = self.client.push(prepared.body)
        except ServerRefused as refused:
            self._refused(rows, refused)
            return
        self._adapt(time.monotonic() - started, len(rows))
        self._store(prepared, response)

    def _refused(self, rows: list[tuple], refused: ServerRefused) -> None:
        if refused.status == 401:
            raise DeviceRevoked(refused) from None
        if len(rows) > 1:
            if refused.status == 413:
                self.batch = max(1, len(rows) // 2)
            self._split(rows)
            return
        self._reject_alone(rows[0], refused)

    def _split(self, rows: list[tuple]) -> None:
        half = max(1, len(rows) // 2)
        for part in (rows[:half], rows[half:]):
            if part and not self.client.cancel.is_set():
                self._send(part)

    def _reject_alone(self, row: tuple, refused: ServerRefused) -> None:
        sync_store.reject_locally(
            self.conn, row[1], refused.code, refused.message.id, refused.message.en
        )
        self.tally.sent += 1
        self.tally.rejected += 1
        reason = f"{refused.message.id} / {refused.message.en}"
        self.tally.items.append((row[2], row[3], "rejected", reason))

    def _adapt(self, seconds: float, sent: int) -> None:
        if sent < self.batch:
            return
        if seconds < TARGET_SECONDS / 2:
            self.batch = min(self.max_ops, self.batch * 2)
        elif seconds > TARGET_SECONDS * 2:
            self.batch = max(10, self.batch // 2)


def _op(row: tuple) -> Op:
    _seq, op_id, entity, record_id, op, revision, base, created_at, fields, payload = row
    data = json.loads(payload)
    return Op.model_construct(
        op_id=op_id,
        table=entity,
        record_id=record_id,
        op=op,
        revision=revision,
        base_revision=base,
        changed_at=created_at,
        fields=_wire_fields(entity, op, json.loads(fields)),
        data=data,
    )


ENRICHED = {"assessment_answers"}  # ops whose data `enrich` may extend
_OP_HEAD = TypeAdapter(dict[str, Any])


def _op_json(row: tuple) -> bytes:
    """One `Op` as JSON, its `data` the outbox's own JSON text of the record (the fields in
    `Op`'s order; checked against `Op` in tests)."""
    _seq, op_id, entity, record_id, op, revision, base, created_at, fields, payload = row
    head = _OP_HEAD.dump_json(
        {
            "op_id": op_id,
            "table": entity,
            "record_id": record_id,
            "op": op,
            "revision": revision,
            "base_revision": base,
            "changed_at": created_at,
            "fields": _wire_fields(entity, op, json.loads(fields)),
        }
    )
    return head[:-1] + b',"data":' + payload.encode() + b"}"


def _wire_fields(entity: str, op: str, fields: list[str]) -> list[str]:
    """The record's fields an op changed. An answer's outbox entry names its question (what the
    audit shows); on the wire its one changed field is `value`, or the server would see a stale
    edit of an answer as changing nothing and drop it as a duplicate."""
    if entity == "assessment_answers" and op == "update":
        return ["value"]
    return fields
