"""Reading what a push batch touches, in bulk: stored receipts, current rows (the ops' records,
their parents, conflict entries, wilayah, forms), the history versions stale edits start from,
and certificate numbers. `BatchWriter` (batch.py) decides and writes on top of this; the
`*_now` reads are repeated under the writers' lock to check nothing changed (unchanged.py).
"""

from __future__ import annotations

import hashlib
from typing import Any

from kampung_sync import protocol
from kampung_sync.server.auth import Caller
from kampung_sync.server.records import (
    CHUNK,
    ONE_OF_CHUNK,
    PARENTS,
    Row,
    RowSet,
    one_of,
    protocol_now,
)
from kampung_sync.server.tables import CertificateNumber, RecordHistory, StoredReceipt
from kampung_sync.server.validate import Prepared
from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

OWN_KELURAHAN = ("households", "assessments", "award_decisions")


def _chunks(items: list[Any], size: int = CHUNK) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class BatchReads:
    """One batch's prepared ops and everything loaded for them (see module doc)."""

    def __init__(
        self, session: Session, caller: Caller, batch: protocol.PushRequest, items: list[Prepared]
    ) -> None:
        self.session = session
        self.caller = caller
        # read once: attributes of the ORM objects cost a descriptor call per op otherwise
        self.device_id: str = caller.device.id
        self.user_id: str = caller.user.id
        self.role: str = caller.user.role
        self.batch = batch
        self.items = items
        self.rows = RowSet(session)
        self.now = protocol_now()
        self.stored: dict[str, dict[str, Any]] = {}
        self.history: dict[tuple[str, str, int], dict[str, Any]] = {}
        self.numbers: dict[str, str] = {}  # certificate number -> certificate id
        self.new_numbers: list[dict[str, Any]] = []

    # --- loading ---------------------------------------------------------------------------

    def load(self) -> None:
        receipts = StoredReceipt.__table__
        for chunk in _chunks([item.op.op_id for item in self.items], ONE_OF_CHUNK):
            for op_id, body in self.session.execute(
                select(receipts.c.op_id, receipts.c.body).where(
                    one_of(self.session, receipts.c.op_id, chunk)
                )
            ):
                self.stored[op_id] = body
        keys: set[tuple[str, str]] = set()
        for item in self.items:
            keys.add(item.key)
            if item.rejected:
                continue
            data = item.data
            if item.op.table in PARENTS:
                parent_table, column = PARENTS[item.op.table]
                keys.add((parent_table, str(data.get(column))))
            if item.op.table in OWN_KELURAHAN:
                keys.add(("wilayah", str(data.get("kelurahan_kode"))))
            if item.op.table == "assessments":
                keys.add(("form_versions", f"{data['form_id']}/{data['form_version']}"))
        self.rows.load(keys)
        self.rows.load(self._conflict_keys())
        self._load_history()
        self._load_numbers()

    def _conflict_keys(self) -> set[tuple[str, str]]:
        """The conflict entries a decision may touch: those of records the server has (a stale
        edit flags one, an office edit settles one), of certificates (a taken number flags
        one for a record not stored) and of records an op of this batch names twice. Others
        are loaded when needed (`conflict_row`); a fresh laptop's records need none."""
        seen: set[tuple[str, str]] = set()
        wanted: set[tuple[str, str]] = set()
        for item in self.items:
            key = item.key
            if key in self.rows.rows or key in seen or key[0] == "certificates":
                wanted.add(("conflicts", conflict_id(*key)))
            seen.add(key)
        return wanted

    def conflict_row(self, table: str, record_id: str) -> Row | None:
        """The record's conflict entry (loaded now if `load` did not)."""
        key = ("conflicts", conflict_id(table, record_id))
        if key not in self.rows.rows and key not in self.rows.missing:
            self.rows.load([key])
        return self.rows.get(key)

    def stored_now(self, session: Session) -> set[str]:
        """Op ids of this batch whose receipts are stored."""
        receipts = StoredReceipt.__table__
        found: set[str] = set()
        for chunk in _chunks([item.op.op_id for item in self.items], ONE_OF_CHUNK):
            found.update(
                session.execute(
                    select(receipts.c.op_id).where(one_of(session, receipts.c.op_id, chunk))
                ).scalars()
            )
        return found

    def _load_history(self) -> None:
        wanted = []
        for item in self.items:
            current = self.rows.get(item.key)
            base = item.op.base_revision
            if current is not None and base and base != current.revision:
                wanted.append((item.op.table, item.op.record_id, base))
        hist = RecordHistory.__table__
        columns = tuple_(hist.c.table_name, hist.c.record_id, hist.c.revision)
        for chunk in _chunks(sorted(set(wanted))):
            for table, record_id, revision, data in self.session.execute(
                select(hist.c.table_name, hist.c.record_id, hist.c.revision, hist.c.data).where(
                    columns.in_(chunk)
                )
            ):
                self.history[(table, record_id, revision)] = data

    def _load_numbers(self) -> None:
        self.numbers.update(self.numbers_now(self.session))
        self.loaded_numbers = dict(self.numbers)

    def numbers_now(self, session: Session) -> dict[str, str]:
        """Certificate numbers of this batch already taken: number -> certificate id."""
        numbers = [i.data["number"] for i in self.items if i.op.table == "certificates" and i.data]
        table = CertificateNumber.__table__
        taken: dict[str, str] = {}
        for chunk in _chunks(sorted(set(numbers)), ONE_OF_CHUNK):
            for number, certificate_id in session.execute(
                select(table.c.number, table.c.certificate_id).where(
                    one_of(session, table.c.number, chunk)
                )
            ):
                taken[number] = certificate_id
        return taken


def conflict_id(table: str, record_id: str) -> str:
    """One conflict entry per record: "{table}:{record_id}" (hashed when that is too long)."""
    key = f"{table}:{record_id}"
    if len(key) <= 200:
        return key
    return f"{table}:sha256:{hashlib.sha256(record_id.encode()).hexdigest()}"
