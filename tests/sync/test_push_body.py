"""The push body is assembled from the outbox's JSON text of each record (no parse and
re-serialise per op): it must say exactly what the body built from `Op` models says."""

from __future__ import annotations

import gzip
import json
import threading

from kampung_sync.client import compress
from kampung_sync.protocol import PushRequest

from kampung_desktop.services.sync.push import Pusher, _op


class _NoClient:
    cancel = threading.Event()


def _row(seq: int, entity: str, op: str, fields: list[str], data: dict) -> tuple:
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return (
        seq, f"op-{seq:08d}", entity, data.get("id") or f"{data['assessment_id']}/{data['field']}",
        op, 2, 1, "2026-12-01T08:00:00.000Z", json.dumps(fields), payload,
    )  # fmt: skip


ROWS = [
    _row(1, "households", "insert", ["address", "rt"], {
        "id": "h-1", "created_at": "2026-12-01T08:00:00.000Z", "revision": 2, "is_demo": False,
        "kelurahan_kode": "36.71.09.1001", "rw": 1, "rt": 2, "address": "Jl. Mawar \"5\" — ü",
        "no_kk": None, "latitude": -6.25, "longitude": 106.8, "deleted": False,
    }),
    _row(2, "members", "update", ["name"], {
        "id": "m-1", "household_id": "h-1", "nik": "3671011234567890", "name": "Siti\nAisyah",
        "position": 0,
    }),
    _row(3, "households", "delete", [], {"id": "h-2", "deleted": True}),
]  # fmt: skip


def test_assembled_body_says_what_the_models_say() -> None:
    pusher = Pusher(None, _NoClient(), "laptop-device-1", "session")  # type: ignore[arg-type]
    prepared = pusher._prepare(ROWS)
    sent = json.loads(gzip.decompress(prepared.body))
    models = PushRequest(
        device_id="laptop-device-1", batch_id=prepared.batch_id, ops=[_op(r) for r in ROWS]
    )
    assert sent == json.loads(gzip.decompress(compress(models)))
    assert PushRequest.model_validate_json(gzip.decompress(prepared.body)) == models
    assert prepared.op_ids == {r[1] for r in ROWS}


def test_answers_still_go_through_enrich() -> None:
    answer = _row(4, "assessment_answers", "update", ["foto"], {
        "assessment_id": "a-1", "field": "foto", "value": "\"rumah.jpg\"", "revision": 2,
        "updated_at": "2026-12-01T08:00:00.000Z",
    })  # fmt: skip
    seen: list[str] = []

    def enrich(ops):  # type: ignore[no-untyped-def]
        for op in ops:
            seen.append(op.table)
            if op.table == "assessment_answers":
                op.data["attachments"] = [{"question": "foto", "sha256": "a" * 64}]

    pusher = Pusher(None, _NoClient(), "laptop-device-1", "s", enrich=enrich)  # type: ignore[arg-type]
    sent = json.loads(gzip.decompress(pusher._prepare([ROWS[0], answer]).body))
    assert seen == ["households", "assessment_answers"]
    assert sent["ops"][1]["data"]["attachments"][0]["sha256"] == "a" * 64
    assert sent["ops"][1]["fields"] == ["value"]  # an answer's one changed field on the wire
