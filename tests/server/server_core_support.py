"""Helpers for the server-core tests: an in-process app on a real database, accounts, record
builders with valid NIK/KK, and push/pull calls as a laptop makes them (gzip, bearer token)."""

from __future__ import annotations

import gzip
import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from fastapi.testclient import TestClient
from kampung_sync import protocol
from kampung_sync.server import accounts, records
from kampung_sync.server.app import create_app
from kampung_sync.server.db import init_database, transaction
from kampung_sync.server.settings import ServerSettings

from kampung_desktop.core import nik

# argon2id stays the algorithm; a cheaper cost keeps ~100 enrolments in the suite fast.
os.environ.setdefault("KAMPUNG_SERVER_ARGON2_TIME_COST", "1")
os.environ.setdefault("KAMPUNG_SERVER_ARGON2_MEMORY_KIB", "1024")
os.environ.setdefault("KAMPUNG_SERVER_ARGON2_PARALLELISM", "1")

KEL_A = "36.71.01.1001"
KEL_B = "36.71.01.1002"
PASSWORD = "rahasia-123"
NOW = "2026-11-30T08:00:00Z"
FORM = ("rumah_sehat", "2026.1")


def valid_nik(serial: int, female: bool = False) -> str:
    sex = nik.Sex.FEMALE if female else nik.Sex.MALE
    return nik.compose("367101", sex, date(1980, 1, 1 + serial % 28), 1 + serial % 9000)


def valid_kk(serial: int) -> str:
    return f"367101010120{1 + serial % 9000:04d}"


@contextmanager
def server(db_url: str, **overrides: Any) -> Iterator[Server]:
    """A migrated database with wilayah and one form published, and an app on it."""
    init_database(db_url)
    settings = ServerSettings(database_url=db_url, **overrides)
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as client:
        srv = Server(app, client)
        with srv.session() as session:
            records.write_server_records(
                session,
                "wilayah",
                [
                    {
                        "kode": code,
                        "nama": f"Kelurahan {code[-4:]}",
                        "level": 4,
                        "parent_kode": "36.71.01",
                    }
                    for code in (KEL_A, KEL_B)
                ],
                actor="test",
            )
            records.write_server_records(
                session,
                "form_versions",
                [
                    {
                        "form_id": FORM[0],
                        "version": FORM[1],
                        "title": "Rumah sehat",
                        "file_name": "rumah_sehat.xlsx",
                        "sha256": "0" * 64,
                        "content_b64": "",
                    }
                ],
                actor="test",
            )
        yield srv


class Server:
    def __init__(self, app: Any, client: TestClient) -> None:
        self.app = app
        self.client = client

    @contextmanager
    def session(self) -> Iterator[Any]:
        with transaction(self.app.state.engine) as session:
            yield session

    def user(
        self, username: str, role: str = "enumerator", scope: tuple[str, ...] = (KEL_A,)
    ) -> None:
        with self.session() as session:
            accounts.create_user(
                session, username=username, password=PASSWORD, role=role, scope=scope
            )

    def device(
        self, username: str, role: str = "enumerator", scope: tuple[str, ...] = (KEL_A,)
    ) -> Device:
        """A new user (unless it exists) with one enrolled device."""
        from kampung_sync.server.tables import User
        from sqlalchemy import select

        with self.session() as session:
            exists = session.execute(select(User.id).where(User.username == username)).first()
        if exists is None:
            self.user(username, role, scope)
        device_id = "dev-" + uuid.uuid4().hex[:12]
        answer = self.client.post(
            "/api/v1/enrol",
            json={"username": username, "password": PASSWORD, "device_id": device_id},
        )
        assert answer.status_code == 200, answer.text
        body = protocol.EnrolResponse.model_validate(answer.json())
        return Device(self, device_id, body.token, body.device_code)


class Device:
    """One enrolled laptop: pushes ops and pulls the feed."""

    def __init__(self, srv: Server, device_id: str, token: str, code: str) -> None:
        self.srv = srv
        self.device_id = device_id
        self.token = token
        self.code = code
        self.cursor = 0

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def push_raw(
        self, ops: list[dict[str, Any]], batch_id: str | None = None, compress: bool = True
    ) -> Any:
        body = json.dumps(
            {
                "protocol": 1,
                "device_id": self.device_id,
                "batch_id": batch_id or uuid.uuid4().hex,
                "ops": ops,
            }
        ).encode()
        headers = {**self.headers, "Content-Type": "application/json"}
        if compress:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        return self.srv.client.post("/api/v1/push", content=body, headers=headers)

    def push(self, ops: list[dict[str, Any]], **kwargs: Any) -> list[protocol.Receipt]:
        answer = self.push_raw(ops, **kwargs)
        assert answer.status_code == 200, answer.text
        return protocol.PushResponse.model_validate(answer.json()).receipts

    def pull_page(self, cursor: int = 0, limit: int = 1000) -> protocol.PullResponse:
        answer = self.srv.client.get(
            "/api/v1/pull", params={"cursor": cursor, "limit": limit}, headers=self.headers
        )
        assert answer.status_code == 200, answer.text
        return protocol.PullResponse.model_validate(answer.json())

    def pull_all(self, limit: int = 1000) -> list[protocol.Change]:
        changes: list[protocol.Change] = []
        while True:
            page = self.pull_page(self.cursor, limit)
            changes.extend(page.changes)
            self.cursor = page.next_cursor
            if not page.has_more:
                return changes


def household(hid: str | None = None, kel: str = KEL_A, revision: int = 1, **fields: Any) -> dict:
    data = {
        "id": hid or str(uuid.uuid4()),
        "created_at": NOW,
        "updated_at": NOW,
        "revision": revision,
        "kelurahan_kode": kel,
        "rw": 1,
        "rt": 2,
        "address": "Jl. Melati 1",
        "no_kk": valid_kk(1),
        "head_name": "Budi",
        "member_count": 1,
    }
    data.update(fields)
    return data


def member(household_id: str, mid: str | None = None, revision: int = 1, **fields: Any) -> dict:
    data = {
        "id": mid or str(uuid.uuid4()),
        "created_at": NOW,
        "updated_at": NOW,
        "revision": revision,
        "household_id": household_id,
        "nik": valid_nik(1),
        "name": "Budi",
        "sex": "L",
        "relationship": "1",
    }
    data.update(fields)
    return data


def assessment(
    aid: str | None = None,
    household_id: str | None = None,
    kel: str = KEL_A,
    revision: int = 1,
    **fields: Any,
) -> dict:
    data = {
        "id": aid or str(uuid.uuid4()),
        "created_at": NOW,
        "updated_at": NOW,
        "revision": revision,
        "form_id": FORM[0],
        "form_version": FORM[1],
        "household_id": household_id,
        "kelurahan_kode": kel,
        "rw": 1,
        "rt": 2,
        "state": "draft",
    }
    data.update(fields)
    return data


def op(
    table: str,
    data: dict,
    *,
    base: int = 0,
    revision: int | None = None,
    kind: str = "insert",
    fields: list[str] | None = None,
    op_id: str | None = None,
) -> dict:
    record_id = records.record_key(table, data)
    rev = revision if revision is not None else int(data.get("revision", 1))
    if "revision" in data:
        data = {**data, "revision": rev}
    return {
        "op_id": op_id or uuid.uuid4().hex,
        "table": table,
        "record_id": record_id,
        "op": kind,
        "revision": rev,
        "base_revision": base,
        "changed_at": NOW,
        "fields": fields or [],
        "data": data,
    }


def record_rows(srv: Server) -> dict[tuple[str, str], tuple[int, bool, dict]]:
    """Every pushed record the server holds: (table, id) -> (revision, deleted, data)."""
    from kampung_sync.server.tables import Record
    from sqlalchemy import select

    with srv.session() as session:
        rows = session.execute(
            select(
                Record.table_name, Record.record_id, Record.revision, Record.deleted, Record.data
            ).where(Record.table_name.in_(protocol.PUSH_TABLES))
        ).all()
    return {(t, r): (rev, deleted, data) for t, r, rev, deleted, data in rows}
