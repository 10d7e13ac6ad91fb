"""Applying one push batch inside one transaction (see `push.py` for why it is done this way).

Steps: take the writers' lock; load stored receipts, current rows, parents, wilayah, forms,
conflicts, history and certificate numbers in bulk; refuse the whole batch on any scope
violation; decide each op (parents first, then batch order); write rows, history, receipts,
certificate numbers and the audit entry in bulk; commit. Receipts are only returned after commit.
"""

from __future__ import annotations

import hashlib
from typing import Any

from kampung_sync import protocol
from kampung_sync.server import accounts, db, merge
from kampung_sync.server.auth import Caller
from kampung_sync.server.errors import ApiError, text
from kampung_sync.server.records import (
    CHUNK,
    PARENTS,
    Row,
    RowSet,
    audience_for,
    insert_rows,
    kelurahan_of,
    one_of,
    protocol_now,
)
from kampung_sync.server.tables import CertificateNumber, Device, RecordHistory, StoredReceipt
from kampung_sync.server.validate import Prepared, prepare
from sqlalchemy import Engine, select, tuple_, update
from sqlalchemy.orm import Session

RANK = {table: rank for rank, table in enumerate(protocol.PUSH_TABLES)}
OWN_KELURAHAN = ("households", "assessments", "award_decisions")
OFFICE_ONLY = ("award_decisions", "certificates")
# Rejections that depend on what has arrived so far: not stored, so the same op sent again
# after its parent (or the form, or the wilayah) arrived is applied.
MAX_REVISION = 2**31 - 1  # the revision columns are 32-bit integers
TRANSIENT = {"parent_missing", "unknown_form", "unknown_wilayah"}


class ScopeRefused(Exception):
    def __init__(self, kode: str) -> None:
        super().__init__(kode)
        self.kode = kode


def apply_batch(
    engine: Engine, caller: Caller, batch: protocol.PushRequest
) -> list[protocol.Receipt]:
    """Apply `batch` for `caller`; 403 `out_of_scope` (nothing written) on a scope violation."""
    prepared = [prepare(index, op) for index, op in enumerate(batch.ops)]
    try:
        with db.transaction(engine) as session:
            return BatchWriter(session, caller, batch, prepared).run()
    except ScopeRefused as refused:
        with db.transaction(engine) as session:
            accounts.audit(
                session,
                "push_refused",
                user_id=caller.user.id,
                device_id=caller.device.id,
                batch_id=batch.batch_id,
                ops=len(batch.ops),
            )
        raise ApiError(403, "out_of_scope", kode=refused.kode) from None


def _chunks(items: list[Any]) -> list[list[Any]]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


class BatchWriter:
    def __init__(
        self, session: Session, caller: Caller, batch: protocol.PushRequest, items: list[Prepared]
    ) -> None:
        self.session = session
        self.caller = caller
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
        for chunk in _chunks([item.op.op_id for item in self.items]):
            for op_id, body in self.session.execute(
                select(receipts.c.op_id, receipts.c.body).where(
                    one_of(self.session, receipts.c.op_id, chunk)
                )
            ):
                self.stored[op_id] = body
        keys: set[tuple[str, str]] = set()
        for item in self.items:
            keys.add(item.key)
            keys.add(("conflicts", conflict_id(item.op.table, item.op.record_id)))
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
        self._load_history()
        self._load_numbers()

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
        numbers = [i.data["number"] for i in self.items if i.op.table == "certificates" and i.data]
        table = CertificateNumber.__table__
        for chunk in _chunks(sorted(set(numbers))):
            for number, certificate_id in self.session.execute(
                select(table.c.number, table.c.certificate_id).where(
                    one_of(self.session, table.c.number, chunk)
                )
            ):
                self.numbers[number] = certificate_id

    # --- scope -----------------------------------------------------------------------------

    def check_scope(self) -> None:
        """Raise ScopeRefused for the first op touching a kelurahan outside the caller's scope."""
        in_batch = {
            item.key: item.data.get("kelurahan_kode")
            for item in self.items
            if not item.rejected and item.op.table in OWN_KELURAHAN
        }
        for item in self.items:
            if item.rejected or item.op.op_id in self.stored:
                continue
            codes = [kelurahan_of(self.rows, item.op.table, item.data)]
            if item.op.table in PARENTS:
                parent_table, column = PARENTS[item.op.table]
                codes.append(in_batch.get((parent_table, str(item.data.get(column)))))
            current = self.rows.get(item.key)
            if current is not None:
                codes.append(current.kelurahan_kode)
            for code in codes:
                if not self.caller.in_scope(code):
                    raise ScopeRefused(str(code))

    # --- deciding --------------------------------------------------------------------------

    def run(self) -> list[protocol.Receipt]:
        last = db.lock_sequence(self.session)
        self.load()
        self.check_scope()
        results: dict[int, protocol.Receipt] = {}
        first_of: dict[str, int] = {}
        order = sorted(range(len(self.items)), key=lambda i: (RANK[self.items[i].op.table], i))
        fresh: list[int] = []
        for index in order:
            item = self.items[index]
            op_id = item.op.op_id
            if op_id in self.stored:
                results[index] = _replay(protocol.Receipt.model_validate(self.stored[op_id]))
            elif op_id in first_of:
                results[index] = _replay(results[first_of[op_id]])
            else:
                first_of[op_id] = index
                results[index] = self.apply(item)
                fresh.append(index)
        seqs = self.rows.flush(last, self.now)
        for index in fresh:
            receipt = results[index]
            if receipt.status != "rejected":
                key = self.items[index].key
                row = self.rows.get(key)
                receipt.server_seq = seqs.get(key) or (row.seq if row else None)
        self.write_bookkeeping([results[i] for i in fresh if results[i].code not in TRANSIENT])
        return [results[i] for i in range(len(self.items))]

    def refusal(self, item: Prepared) -> str | None:
        """Checks that need the loaded rows; sets the rejection on `item`."""
        table, data, role = item.op.table, item.data, self.caller.user.role
        if role == "enumerator" and table in OFFICE_ONLY:
            item.reject("forbidden_role", role=role, table=table)
        elif table in OWN_KELURAHAN and not _live(
            self.rows.get(("wilayah", data["kelurahan_kode"]))
        ):
            item.reject("unknown_wilayah", kode=data["kelurahan_kode"])
        elif table == "assessments" and not _live(
            self.rows.get(("form_versions", f"{data['form_id']}/{data['form_version']}"))
        ):
            item.reject("unknown_form", form=data["form_id"], version=data["form_version"])
        elif table in PARENTS:
            parent_table, column = PARENTS[table]
            # a tombstoned parent still counts: its children arrive in any order
            if self.rows.get((parent_table, str(data.get(column)))) is None:
                item.reject("parent_missing", table=parent_table, parent=str(data.get(column)))
        if not item.rejected and table == "assessments" and role == "enumerator":
            current = self.rows.get(item.key)
            state = data.get("state")
            if state in ("approved", "returned") and (
                current is None or current.data.get("state") != state
            ):
                item.reject("forbidden_transition", role=role, state=state)
        return item.code

    def apply(self, item: Prepared) -> protocol.Receipt:
        op = item.op
        receipt = protocol.Receipt(
            op_id=op.op_id, record_id=op.record_id, table=op.table, status="rejected"
        )
        if item.rejected or self.refusal(item):
            receipt.code, receipt.reason = item.code, item.reason
            return receipt
        current = self.rows.get(item.key)
        if op.table == "certificates":
            owner = self.numbers.get(item.data["number"])
            if owner is not None and owner != op.record_id:
                self.flag(item, current, ["number"])
                receipt.status, receipt.code = "conflict", "certificate_number_taken"
                receipt.reason = text("certificate_number_taken", number=item.data["number"])
                receipt.conflict_fields = ["number"]
                return receipt
        base = self.history.get((op.table, op.record_id, op.base_revision))
        parent = self.rows.get(("assessments", str(item.data.get("assessment_id"))))
        parent_final = (
            op.table == "assessment_answers"
            and parent is not None
            and merge.is_final("assessments", parent.data)
        )
        decision = merge.decide(
            current, op, item.data, base, self.caller.device.id, parent_final=parent_final
        )
        if decision.revision > MAX_REVISION:
            receipt.code, receipt.reason = "revision_overflow", text("revision_overflow")
            return receipt
        receipt.status = decision.status  # type: ignore[assignment]
        receipt.revision = decision.revision
        receipt.merged_fields = decision.merged_fields if decision.merged else []
        receipt.conflict_fields = decision.conflict_fields
        if decision.data is not None:
            self.store(item, current, decision)
        if decision.status == "conflict":
            self.flag(item, self.rows.get(item.key), decision.conflict_fields)
            receipt.code = decision.code
            fields = ", ".join(decision.conflict_fields)
            receipt.reason = text(decision.code or "field_conflict", fields=fields)
        elif decision.status == "accepted" and not decision.merged and current is not None:
            self.resolve_conflict(item)
        return receipt

    # --- writing ---------------------------------------------------------------------------

    def store(self, item: Prepared, current: Row | None, decision: merge.Decision) -> None:
        data = dict(decision.data or {})
        if "revision" in data:
            data["revision"] = decision.revision
        row = current or Row(
            table=item.op.table,
            record_id=item.op.record_id,
            revision=0,
            data={},
            owner_user_id=self.caller.user.id,
        )
        row.deleted = decision.deleted
        row.kelurahan_kode = kelurahan_of(self.rows, item.op.table, data)
        row.audience = audience_for(item.op.table, data)
        row.device_id = None if decision.merged else self.caller.device.id
        self.rows.put(row, decision.revision, data)
        self.history[(row.table, row.record_id, decision.revision)] = data
        if item.op.table == "certificates" and data["number"] not in self.numbers:
            self.numbers[data["number"]] = item.op.record_id
            self.new_numbers.append(
                {
                    "number": data["number"],
                    "certificate_id": item.op.record_id,
                    "decision_id": data["decision_id"],
                    "created_at": self.now,
                }
            )

    def flag(self, item: Prepared, current: Row | None, fields: list[str]) -> None:
        """Keep the other version in the record's conflict entry for the kelurahan office."""
        key = ("conflicts", conflict_id(item.op.table, item.op.record_id))
        existing = self.rows.get(key)
        open_fields: set[str] = set()
        if existing is not None and not existing.data.get("resolved_at"):
            open_fields = set(existing.data.get("fields", []))
        kelurahan = (
            current.kelurahan_kode if current else kelurahan_of(self.rows, item.op.table, item.data)
        )
        data = protocol.ConflictData(
            id=key[1],
            table=item.op.table,
            record_id=item.op.record_id,
            kelurahan_kode=kelurahan,
            fields=sorted(open_fields | set(fields)),
            server_version=current.data if current else {},
            other_version=item.data,
            other_device_id=self.caller.device.id,
            created_at=self.now,
        ).model_dump()
        row = existing or Row(table="conflicts", record_id=key[1], revision=0, data={})
        row.kelurahan_kode, row.audience, row.deleted = kelurahan, "office", False
        self.rows.put(row, row.revision + 1, data)

    def resolve_conflict(self, item: Prepared) -> None:
        """An office edit made from the latest version settles the record's open conflict."""
        if self.caller.user.role == "enumerator":
            return
        existing = self.rows.get(("conflicts", conflict_id(item.op.table, item.op.record_id)))
        if existing is None or existing.data.get("resolved_at"):
            return
        data = {**existing.data, "resolved_at": self.now}
        self.rows.put(existing, existing.revision + 1, data)

    def write_bookkeeping(self, receipts: list[protocol.Receipt]) -> None:
        if receipts:
            insert_rows(
                self.session,
                StoredReceipt.__table__,
                [
                    {
                        "op_id": r.op_id,
                        "device_id": self.caller.device.id,
                        "batch_id": self.batch.batch_id,
                        "table_name": r.table,
                        "record_id": r.record_id,
                        "status": r.status,
                        "code": r.code,
                        "body": r.model_dump(),
                        "created_at": self.now,
                    }
                    for r in receipts
                ],
            )
        if self.new_numbers:
            insert_rows(self.session, CertificateNumber.__table__, self.new_numbers)
        self.session.execute(
            update(Device.__table__)
            .where(Device.__table__.c.id == self.caller.device.id)
            .values(last_push_at=self.now)
        )
        counts: dict[str, int] = {}
        for r in receipts:
            counts[r.status] = counts.get(r.status, 0) + 1
        accounts.audit(
            self.session,
            "push",
            user_id=self.caller.user.id,
            device_id=self.caller.device.id,
            batch_id=self.batch.batch_id,
            ops=len(self.items),
            **counts,
        )


def conflict_id(table: str, record_id: str) -> str:
    """One conflict entry per record: "{table}:{record_id}" (hashed when that is too long)."""
    key = f"{table}:{record_id}"
    if len(key) <= 200:
        return key
    return f"{table}:sha256:{hashlib.sha256(record_id.encode()).hexdigest()}"


def _live(row: Row | None) -> bool:
    return row is not None and not row.deleted


def _replay(receipt: protocol.Receipt) -> protocol.Receipt:
    status = "duplicate" if receipt.status == "accepted" else receipt.status
    return receipt.model_copy(update={"status": status, "replay": True})
