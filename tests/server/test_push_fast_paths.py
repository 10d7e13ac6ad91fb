"""The push path's shortcuts give the same answers as the long way round.

- bodies are parsed in one strict step; lax input (a number sent as text, the protocol as
  "1") falls back to the step-by-step parse and is answered as before;
- receipts are dicts serialised by pydantic-core: the answer is exactly the `PushResponse`
  the model would write;
- record data of plain models is taken from the validated model without `model_dump`;
- conflict entries are loaded only for records that may need one, and on demand otherwise.
"""

from __future__ import annotations

import gzip
import json
import uuid

from kampung_sync import protocol
from kampung_sync.server.auth import Caller
from kampung_sync.server.batch import BatchWriter, _receipt, receipt_json
from kampung_sync.server.db import transaction
from kampung_sync.server.errors import text
from kampung_sync.server.tables import Device, User
from kampung_sync.server.validate import prepare
from pydantic_core import to_json
from server_core_support import (
    NOW,
    assessment,
    household,
    member,
    op,
    record_rows,
    server,
)
from sqlalchemy import select


def _post(srv, laptop, envelope: dict) -> object:  # type: ignore[no-untyped-def]
    body = gzip.compress(json.dumps(envelope).encode())
    headers = {**laptop.headers, "Content-Encoding": "gzip", "Content-Type": "application/json"}
    return srv.client.post("/api/v1/push", content=body, headers=headers)


def test_lax_input_is_read_as_the_long_way_reads_it(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        home = household()
        lax = op("households", home)
        lax["revision"] = "1"  # text where a number belongs: the lax parse accepts it
        envelope = {"protocol": 1, "device_id": laptop.device_id, "batch_id": "b" * 12}
        answer = _post(srv, laptop, {**envelope, "ops": [lax]})
        assert answer.status_code == 200, answer.text
        [receipt] = protocol.PushResponse.model_validate_json(answer.content).receipts
        assert (receipt.status, receipt.revision) == ("accepted", 1)

        answer = _post(srv, laptop, {**envelope, "protocol": "1", "ops": []})
        assert answer.status_code == 400
        assert answer.json()["error"]["code"] == "protocol_version"
        answer = _post(srv, laptop, {**envelope, "protocol": 2, "ops": [op("households", home)]})
        assert answer.status_code == 400
        assert answer.json()["error"]["code"] == "protocol_version"
        other = {**envelope, "device_id": "someone-else-1", "ops": []}
        assert _post(srv, laptop, other).json()["error"]["code"] == "device_mismatch"
        assert len(record_rows(srv)) == 1


def test_receipt_json_is_the_push_response_the_model_writes() -> None:
    ops = [
        protocol.Op.model_validate(op("households", household(), op_id=f"op-{i:08d}"))
        for i in range(3)
    ]
    receipts = [
        _receipt(ops[0], "accepted", revision=3, merged_fields=["rt", "rw"]),
        _receipt(ops[1], "rejected", code="invalid_kk", reason=text("invalid_kk", detail="x")),
        _receipt(ops[2], "conflict", revision=4, code="field_conflict", conflict_fields=["rt"]),
    ]
    receipts[0]["server_seq"] = 17
    assert list(receipts[0]) == list(protocol.Receipt.model_fields)
    answer = receipt_json("batch-0001", [to_json(r) for r in receipts], NOW)
    model = protocol.PushResponse.model_validate_json(answer)
    assert model.model_dump_json().encode() == answer
    assert model.receipts[1].reason is not None and " " in model.receipts[1].reason.en


def test_record_data_is_what_model_dump_gives_for_every_table() -> None:
    decision_id = str(uuid.uuid4())
    samples = {
        "households": household(latitude=-6.2, longitude=106.8),
        "members": member(str(uuid.uuid4()), birth_date="1980-01-01"),
        "assessments": assessment(),
        "assessment_answers": {
            "assessment_id": str(uuid.uuid4()),
            "field": "foto_rumah",
            "value": '"rumah.jpg"',
            "updated_at": NOW,
            "revision": 1,
            "attachments": [
                {"question": "foto_rumah", "sha256": "a" * 64, "filename": "rumah.jpg"}
            ],
        },
        "award_decisions": {
            "id": decision_id,
            "created_at": NOW,
            "updated_at": NOW,
            "revision": 1,
            "program": "ksm",
            "year": 2026,
            "kelurahan_kode": "36.71.01.1001",
            "rw": 1,
            "rt": 2,
            "category": "bersih",
            "decided_at": NOW,
        },
        "certificates": {
            "id": str(uuid.uuid4()),
            "created_at": NOW,
            "updated_at": NOW,
            "revision": 1,
            "number": "001/KS/D1/2026",
            "decision_id": decision_id,
            "digest": "d" * 64,
            "content": "{}",
            "issued_at": NOW,
        },
    }
    assert set(samples) == set(protocol.PUSH_TABLES)
    for index, (table, data) in enumerate(samples.items()):
        item = prepare(index, protocol.Op.model_validate(op(table, data)))
        assert not item.rejected, (table, item.code, item.details)
        assert item.data == protocol.RECORD_MODELS[table].model_validate(data).model_dump()
        attachments = item.data.get("attachments")
        assert attachments is None or all(type(a) is dict for a in attachments)


def test_conflict_entries_are_loaded_when_a_decision_needs_one(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        ani, dedi = srv.device("ani"), srv.device("dedi")
        home = household()
        ani.push([op("households", home)])
        ani.push([op("households", {**home, "rt": 3}, base=1, revision=2, fields=["rt"])])
        [flagged] = dedi.push(
            [op("households", {**home, "rt": 4}, base=1, revision=2, fields=["rt"])]
        )
        assert flagged.status == "conflict"

        fresh = op("households", household())
        stale = op("households", {**home, "rt": 5}, base=1, revision=3, fields=["rt"])
        with srv.session() as session:
            user = session.execute(select(User).where(User.username == "dedi")).scalar_one()
            device = session.get(Device, dedi.device_id)
            session.expunge_all()
        caller = Caller(device=device, user=user)
        with transaction(srv.app.state.engine) as session:
            only_fresh = protocol.PushRequest(
                device_id=dedi.device_id, batch_id="batch-0002", ops=[fresh]
            )
            writer = BatchWriter(session, caller, only_fresh, [prepare(0, only_fresh.ops[0])])
            writer.load()
            key = ("conflicts", f"households:{home['id']}")
            assert key not in writer.rows.rows and key not in writer.rows.missing
            entry = writer.conflict_row("households", home["id"])
            assert entry is not None and entry.data["fields"] == ["rt"]

            both = protocol.PushRequest(
                device_id=dedi.device_id, batch_id="batch-0003", ops=[fresh, stale]
            )
            items = [prepare(i, o) for i, o in enumerate(both.ops)]
            writer = BatchWriter(session, caller, both, items)
            writer.load()
            assert key in writer.rows.rows  # the stale edit's record exists: loaded up front

        # and through the API, a second conflict on the record updates the same entry
        [again] = dedi.push([stale])
        assert again.status == "conflict"
        rows = record_rows(srv)
        assert rows[("households", home["id"])][2]["rt"] == 3
