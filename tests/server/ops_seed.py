"""A small city for the server-ops tests, built through the real entry points: accounts, the
server-record writer (wilayah, registry) and the real push endpoint for field work."""

from __future__ import annotations

import gzip
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from kampung_sync import protocol
from kampung_sync.server import accounts, db
from kampung_sync.server.admin.forms import publish_form
from kampung_sync.server.app import create_app
from kampung_sync.server.records import write_server_records
from kampung_sync.server.settings import ServerSettings

PASSWORD = "rahasia-123"
FORM = Path(__file__).resolve().parents[2] / "forms" / "bantar_rt.xlsx"
FORM_VERSION = "2026112301"
NOW = "2026-11-23T08:00:00.000Z"
KEL_A, KEL_B, KEL_C = "36.71.01.1001", "36.71.01.1002", "36.71.02.1001"
WILAYAH = [
    {"kode": "36.71.01", "nama": "Tangerang", "level": 3, "parent_kode": "36.71"},
    {"kode": KEL_A, "nama": "Sukasari", "level": 4, "parent_kode": "36.71.01"},
    {"kode": KEL_B, "nama": "Babakan", "level": 4, "parent_kode": "36.71.01"},
    {"kode": "36.71.02", "nama": "Jatiuwung", "level": 3, "parent_kode": "36.71"},
    {"kode": KEL_C, "nama": "Alam Jaya", "level": 4, "parent_kode": "36.71.02"},
]


def seed_accounts_and_wilayah(url: str) -> None:
    db.init_database(url)
    engine = db.make_engine(url)
    with db.transaction(engine) as session:
        for username, role, scope in (
            ("admin", "admin", ()),
            ("op_a", "operator", (KEL_A,)),
            ("enum_a", "enumerator", (KEL_A,)),
            ("enum_c", "enumerator", (KEL_C,)),
        ):
            accounts.create_user(
                session, username=username, password=PASSWORD, role=role, scope=scope
            )
        write_server_records(session, "wilayah", WILAYAH, actor="test")
    engine.dispose()
    publish_form(url, FORM)


def app_client(url: str) -> TestClient:
    settings = ServerSettings(database_url=url, secret="test-secret")
    return TestClient(create_app(settings), base_url="http://127.0.0.1")


@dataclass
class Device:
    client: TestClient
    device_id: str
    token: str
    code: str

    def push(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        body = {
            "protocol": protocol.PROTOCOL_VERSION,
            "device_id": self.device_id,
            "batch_id": str(uuid.uuid4()),
            "ops": ops,
        }
        response = self.client.post(
            f"{protocol.API_PREFIX}/push",
            content=gzip.compress(json.dumps(body).encode()),
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Encoding": "gzip",
                "Content-Type": "application/json",
            },
        )
        assert response.status_code == 200, response.text
        return response.json()["receipts"]


def enrol(client: TestClient, username: str, name: str = "Laptop") -> Device:
    device_id = str(uuid.uuid4())
    response = client.post(
        f"{protocol.API_PREFIX}/enrol",
        json={
            "username": username,
            "password": PASSWORD,
            "device_id": device_id,
            "device_name": name,
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    return Device(client, device_id, body["token"], body["device_code"])


def op(table: str, data: dict[str, Any], revision: int = 1, base: int = 0) -> dict[str, Any]:
    record_id = data["id"] if table != "assessment_answers" else "?"
    return {
        "op_id": str(uuid.uuid4()),
        "table": table,
        "record_id": record_id,
        "op": "insert" if base == 0 else "update",
        "revision": revision,
        "base_revision": base,
        "changed_at": NOW,
        "fields": [],
        "data": {**data, "revision": revision} if "revision" in data else data,
    }


def household(kelurahan: str, rw: int = 1, rt: int = 1, **extra: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "created_at": NOW,
        "updated_at": NOW,
        "revision": 1,
        "kelurahan_kode": kelurahan,
        "rw": rw,
        "rt": rt,
        "address": "Jl. Contoh 1",
        **extra,
    }


def member(household_id: str, nik: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "created_at": NOW,
        "updated_at": NOW,
        "revision": 1,
        "household_id": household_id,
        "nik": nik,
        "name": "Warga",
        "sex": "L",
        "relationship": "1",
        **extra,
    }


def assessment(kelurahan: str, state: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "created_at": NOW,
        "updated_at": NOW,
        "revision": 1,
        "form_id": "bantar_rt",
        "form_version": FORM_VERSION,
        "kelurahan_kode": kelurahan,
        "rw": 1,
        "rt": 1,
        "state": state,
        **extra,
    }


def decision(kelurahan: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "created_at": NOW,
        "updated_at": NOW,
        "revision": 1,
        "program": "bantar",
        "year": 2026,
        "kelurahan_kode": kelurahan,
        "rw": 12,
        "rt": 5,
        "category": "sedang",
        "decided_at": NOW,
        **extra,
    }


def certificate(decision_id: str, number: str, digest: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "created_at": NOW,
        "updated_at": NOW,
        "revision": 1,
        "number": number,
        "decision_id": decision_id,
        "digest": digest,
        "content": "{}",
        "issued_at": NOW,
        **extra,
    }
