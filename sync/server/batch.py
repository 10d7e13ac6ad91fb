"""Applying one push batch inside one transaction (see `push.py` for why it is done this way).

Steps: load stored receipts, current rows, parents, wilayah, forms, conflicts, history and
certificate numbers in bulk; refuse the whole batch on any scope violation; decide each op
(parents first, then batch order); then, under the writers' lock (see `apply_batch`), write
rows, history, receipts, certificate numbers and the audit entry in bulk; commit. Receipts are
only returned after commit.
"""

from __future__ import annotations

from typing import Any

from kampung_sync import protocol
from kampung_sync.server import accounts, db, merge
from kampung_sync.server.audience import republish_answers
from kampung_sync.server.auth import Caller
from kampung_sync.server.batch_reads import OWN_KELURAHAN, BatchReads, conflict_id
from kampung_sync.server.errors import ApiError, text
from kampung_sync.server.records import (
    PARENTS,
    JsonText,
    Row,
    audience_for,
    insert_rows,
    insert_tuples,
    kelurahan_of,
)
from kampung_sync.server.tables import CertificateNumber, Device, StoredReceipt
from kampung_sync.server.unchanged import still_valid
from kampung_sync.server.validate import Prepared, prepare
from pydantic_core import to_json
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

RANK = {table: rank for rank, table in enumerate(protocol.PUSH_TABLES)}
OFFICE_ONLY = ("award_decisions", "certificates")
MAX_REVISION = 2**31 - 1  # the revision columns are 32-bit integers
# Rejections that depend on what has arrived so far: not stored, so the same op sent again
# after its parent (or the form, or the wilayah) arrived is applied.
TRANSIENT = {"parent_missing", "unknown_form", "unknown_wilayah"}
Receipt = dict[str, Any]  # a protocol.Receipt as a dict (see `_receipt`)
RECEIPT_COLUMNS = (
    "op_id",
    "device_id",
    "batch_id",
    "table_name",
    "record_id",
    "status",
    "code",
    "body",
    "created_at",
)


class ScopeRefused(Exception):
    def __init__(self, kode: str) -> None:
        super().__init__(kode)
        self.kode = kode


def apply_batch(engine: Engine, caller: Caller, batch: protocol.PushRequest) -> list[bytes]:
    """Apply `batch` for `caller`; 403 `out_of_scope` (nothing written) on a scope violation.

    The batch is decided in a first transaction without the writers' lock, so batches of other
    laptops decide at the same time; the second takes the lock, checks that nothing the
    decisions read has changed since (`still_valid`) and writes them, or, if something has,
    decides again under the lock. Either way seqs are assigned under the lock just before
    commit, so they follow commit order. Returns each op's receipt as JSON, in batch order:
    receipts are plain dicts in `protocol.Receipt`'s shape and field order, serialised once
    for both the stored copy and the answer (`receipt_json`); building 2,000 pydantic models
    per batch cost more than writing them.
    """
    try:
        with db.transaction(engine) as session:
            seen = db.current_sequence(session)
            writer = BatchWriter(session, caller, batch, _prepared(batch))
            writer.decide()
        with db.transaction(engine) as session:
            last = db.lock_sequence(session)
            if not still_valid(session, writer, seen, last):
                writer = BatchWriter(session, caller, batch, _prepared(batch))
                writer.decide()
            return writer.write(session, last)
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


def _prepared(batch: protocol.PushRequest) -> list[Prepared]:
    return [prepare(index, op) for index, op in enumerate(batch.ops)]


class BatchWriter(BatchReads):
    """Decides a batch in memory (`decide`) and writes the decisions (`write`)."""

    # --- scope -----------------------------------------------------------------------------

    def check_scope(self) -> None:
        """Raise ScopeRefused for the first op touching a kelurahan outside the caller's scope."""
        in_batch = {
            item.key: item.data.get("kelurahan_kode")
            for item in self.items
            if not item.rejected and item.op.table in OWN_KELURAHAN
        }
        verdicts: dict[str | None, bool] = {}  # a batch names one or two kelurahan
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
                allowed = verdicts.get(code)
                if allowed is None:
                    allowed = verdicts[code] = self.caller.in_scope(code)
                if not allowed:
                    raise ScopeRefused(str(code))

    # --- deciding --------------------------------------------------------------------------

    def decide(self) -> None:
        """Load what the batch touches and decide every op, in memory (nothing written)."""
        self.load()
        self.check_scope()
        self.opened: dict[str, str | None] = {}  # assessments returned to the enumerators
        self.results: dict[int, Receipt] = {}
        first_of: dict[str, int] = {}
        order = sorted(range(len(self.items)), key=lambda i: (RANK[self.items[i].op.table], i))
        self.fresh: list[int] = []
        for index in order:
            item = self.items[index]
            op_id = item.op.op_id
            if op_id in self.stored:
                self.results[index] = _replay(self.stored[op_id])
            elif op_id in first_of:
                self.results[index] = _replay(self.results[first_of[op_id]])
            else:
                first_of[op_id] = index
                self.results[index] = self.apply(item)
                self.fresh.append(index)

    def write(self, session: Session, last: int) -> list[bytes]:
        """Write the decisions in `session`, which holds the writers' lock (`last`: its seq)."""
        self.session = self.rows.session = session
        if self.opened:
            republish_answers(self.rows, self.opened)
        seqs = self.rows.flush(last, self.now)
        results, fresh = self.results, self.fresh
        for index in fresh:
            receipt = results[index]
            if receipt["status"] != "rejected":
                key = self.items[index].key
                row = self.rows.get(key)
                receipt["server_seq"] = seqs.get(key) or (row.seq if row else None)
        answers = [to_json(results[i]) for i in range(len(self.items))]
        self.write_bookkeeping(
            [(results[i], answers[i]) for i in fresh if results[i]["code"] not in TRANSIENT]
        )
        return answers

    def refusal(self, item: Prepared) -> str | None:
        """Checks that need the loaded rows; sets the rejection on `item`."""
        table, data, role = item.op.table, item.data, self.role
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

    def apply(self, item: Prepared) -> Receipt:
        op = item.op
        if item.rejected or self.refusal(item):
            return _receipt(op, "rejected", code=item.code, reason=item.reason)
        current = self.rows.get(item.key)
        if op.table == "certificates":
            owner = self.numbers.get(item.data["number"])
            if owner is not None and owner != op.record_id:
                self.flag(item, current, ["number"])
                return _receipt(
                    op,
                    "conflict",
                    code="certificate_number_taken",
                    reason=text("certificate_number_taken", number=item.data["number"]),
                    conflict_fields=["number"],
                )
        base = self.history.get((op.table, op.record_id, op.base_revision))
        parent_final = False
        if op.table == "assessment_answers":
            parent = self.rows.get(("assessments", str(item.data.get("assessment_id"))))
            parent_final = parent is not None and merge.is_final("assessments", parent.data)
        decision = merge.decide(
            current, op, item.data, base, self.device_id, parent_final=parent_final
        )
        if decision.revision > MAX_REVISION:
            return _receipt(
                op, "rejected", code="revision_overflow", reason=text("revision_overflow")
            )
        if decision.data is not None:
            self.store(item, current, decision)
        code, reason = None, None
        if decision.status == "conflict":
            self.flag(item, self.rows.get(item.key), decision.conflict_fields)
            code = decision.code
            fields = ", ".join(decision.conflict_fields)
            reason = text(decision.code or "field_conflict", fields=fields)
        elif decision.status == "accepted" and not decision.merged and current is not None:
            self.resolve_conflict(item)
        return _receipt(
            op,
            decision.status,
            revision=decision.revision,
            code=code,
            reason=reason,
            merged_fields=decision.merged_fields if decision.merged else [],
            conflict_fields=decision.conflict_fields,
        )

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
            owner_user_id=self.user_id,
        )
        row.deleted = decision.deleted
        row.kelurahan_kode = kelurahan_of(self.rows, item.op.table, data)
        was = current.audience if current is not None else None
        row.audience = audience_for(self.rows, item.op.table, data, was)
        if item.op.table == "assessments" and was == "office" and row.audience == "all":
            self.opened[row.record_id] = row.kelurahan_kode  # its answers follow (`write`)
        row.device_id = None if decision.merged else self.device_id
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
        existing = self.conflict_row(item.op.table, item.op.record_id)
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
        existing = self.conflict_row(item.op.table, item.op.record_id)
        if existing is None or existing.data.get("resolved_at"):
            return
        data = {**existing.data, "resolved_at": self.now}
        self.rows.put(existing, existing.revision + 1, data)

    def write_bookkeeping(self, receipts: list[tuple[Receipt, bytes]]) -> None:
        """Store the receipts (with their JSON), certificate numbers, the device's last push
        and the audit entry."""
        if receipts:
            device_id, batch_id, now = self.caller.device.id, self.batch.batch_id, self.now
            insert_tuples(
                self.session,
                StoredReceipt.__table__,
                RECEIPT_COLUMNS,
                [
                    (
                        r["op_id"],
                        device_id,
                        batch_id,
                        r["table"],
                        r["record_id"],
                        r["status"],
                        r["code"],
                        JsonText(body.decode()),
                        now,
                    )
                    for r, body in receipts
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
        for r, _ in receipts:
            counts[r["status"]] = counts.get(r["status"], 0) + 1
        accounts.audit(
            self.session,
            "push",
            user_id=self.caller.user.id,
            device_id=self.caller.device.id,
            batch_id=self.batch.batch_id,
            ops=len(self.items),
            **counts,
        )


def _receipt(
    op: protocol.Op,
    status: str,
    *,
    revision: int | None = None,
    code: str | None = None,
    reason: protocol.Text | None = None,
    merged_fields: list[str] | None = None,
    conflict_fields: list[str] | None = None,
) -> Receipt:
    """A `protocol.Receipt` as a dict with every field, in the model's order."""
    return {
        "op_id": op.op_id,
        "record_id": op.record_id,
        "table": op.table,
        "status": status,
        "revision": revision,
        "server_seq": None,
        "code": code,
        "reason": None if reason is None else {"id": reason.id, "en": reason.en},
        "conflict_fields": list(conflict_fields or ()),
        "merged_fields": list(merged_fields or ()),
        "replay": False,
    }


def receipt_json(batch_id: str, receipts: list[bytes], server_time: str) -> bytes:
    """The `protocol.PushResponse` JSON around receipts already in JSON (checked against the
    model in tests)."""
    return b"".join(
        (
            b'{"protocol":',
            to_json(protocol.PROTOCOL_VERSION),
            b',"batch_id":',
            to_json(batch_id),
            b',"receipts":[',
            b",".join(receipts),
            b'],"server_time":',
            to_json(server_time),
            b"}",
        )
    )


def _live(row: Row | None) -> bool:
    return row is not None and not row.deleted


def _replay(receipt: dict[str, Any]) -> Receipt:
    """A stored (or earlier in this batch) receipt repeated: accepted becomes duplicate."""
    again = protocol.Receipt.model_validate(receipt).model_dump()
    if again["status"] == "accepted":
        again["status"] = "duplicate"
    again["replay"] = True
    return again
