"""The real `kampung server run` process: a batch whose answer was lost is sent again after the
server was killed with SIGKILL and restarted — the same receipts come back, nothing doubles."""

from __future__ import annotations

import gzip
import json
import uuid

import requests
from kampung_sync.server import records
from kampung_sync.server.db import make_engine, transaction
from kampung_sync.server.tables import Record, StoredReceipt
from server_core_support import KEL_A, PASSWORD, household, member, op, valid_nik
from sqlalchemy import func, select


def _count(db_url: str, table: type) -> int:
    engine = make_engine(db_url)
    try:
        with transaction(engine) as session:
            return int(session.execute(select(func.count()).select_from(table)).scalar_one())
    finally:
        engine.dispose()


def test_replay_after_sigkill_and_restart(live_server) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(live_server.db_url)
    with transaction(engine) as session:
        records.write_server_records(
            session,
            "wilayah",
            [{"kode": KEL_A, "nama": "Kelurahan A", "level": 4, "parent_kode": "36.71.01"}],
            actor="test",
        )
    engine.dispose()
    known = _count(live_server.db_url, Record)  # `server init` loaded the reference area codes
    live_server.add_user("ani", "enumerator", PASSWORD, scope=KEL_A)
    http = requests.Session()
    enrolled = http.post(
        f"{live_server.url}/api/v1/enrol",
        json={"username": "ani", "password": PASSWORD, "device_id": "laptop-live-1"},
        timeout=30,
    )
    assert enrolled.status_code == 200, enrolled.text
    headers = {
        "Authorization": f"Bearer {enrolled.json()['token']}",
        "Content-Encoding": "gzip",
        "Content-Type": "application/json",
    }
    ops = []
    for serial in range(50):
        home = household()
        ops += [op("households", home), op("members", member(home["id"], nik=valid_nik(serial)))]
    body = gzip.compress(
        json.dumps(
            {"protocol": 1, "device_id": "laptop-live-1", "batch_id": uuid.uuid4().hex, "ops": ops}
        ).encode()
    )
    first = http.post(f"{live_server.url}/api/v1/push", data=body, headers=headers, timeout=60)
    assert first.status_code == 200, first.text
    assert {r["status"] for r in first.json()["receipts"]} == {"accepted"}

    live_server.kill()
    live_server.start()
    again = requests.post(f"{live_server.url}/api/v1/push", data=body, headers=headers, timeout=60)
    assert again.status_code == 200, again.text
    replayed = again.json()["receipts"]
    assert {r["status"] for r in replayed} == {"duplicate"} and all(r["replay"] for r in replayed)
    assert [r["server_seq"] for r in replayed] == [
        r["server_seq"] for r in first.json()["receipts"]
    ]
    assert _count(live_server.db_url, StoredReceipt) == 100
    assert _count(live_server.db_url, Record) == known + 100
