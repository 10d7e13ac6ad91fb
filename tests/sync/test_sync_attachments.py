"""Photos go up by content hash, skip what the server has, and resume a cut-off upload."""

from __future__ import annotations

import hashlib
import os

from kampung_sync.client import SyncClient
from kampung_sync.protocol import ATTACHMENT_CHUNK_BYTES

from kampung_desktop.services.sync.credentials import TokenStore
from kampung_desktop.storage import sync_store


def _assessment(laptop, demo: bool = False) -> str:
    aid = "a-demo" if demo else "a-real"
    with laptop.ctx.db.raw() as conn:
        conn.execute(
            "INSERT INTO form_versions VALUES ('f', 'bantar_rt', 'v', 't', 'f.xlsx', 's', X'00', 'x')"
            if not demo
            else "SELECT 1"
        )
        conn.execute(
            "INSERT INTO assessments (id, form_id, form_version, kelurahan_kode, created_at, "
            "updated_at, is_demo) VALUES (?, 'bantar_rt', 'v', '36.71.09.1001', 'x', 'x', ?)",
            (aid, int(demo)),
        )
    return aid


def _client(laptop, server) -> SyncClient:
    with laptop.ctx.db.raw() as conn:
        device = sync_store.device(conn)["device_id"]
    return SyncClient(server.url, TokenStore(laptop.data_dir, device).load())


def test_photo_upload_resumes_and_demo_photos_stay(server, laptop_factory):
    a = laptop_factory("a")
    a.enrol(server)
    real, demo = _assessment(a), _assessment(a, demo=True)
    photo = os.urandom(ATTACHMENT_CHUNK_BYTES * 2 + 1234)
    sha = hashlib.sha256(photo).hexdigest()
    (a.data_dir / "attachments" / real).mkdir(parents=True)
    (a.data_dir / "attachments" / real / "foto.jpg").write_bytes(photo)
    (a.data_dir / "attachments" / demo).mkdir(parents=True)
    secret = os.urandom(1000)
    (a.data_dir / "attachments" / demo / "demo.jpg").write_bytes(secret)

    client = _client(a, server)
    # an earlier session was cut off after the first chunk
    first = client.put_attachment(sha, 0, len(photo), photo[:ATTACHMENT_CHUNK_BYTES])
    assert first.received == ATTACHMENT_CHUNK_BYTES and not first.complete

    outcome = a.sync.sync()
    assert outcome.ok, outcome.error
    status = client.attachment_status(sha)
    assert status.complete and status.received == len(photo)
    demo_sha = hashlib.sha256(secret).hexdigest()
    assert not client.attachment_status(demo_sha).complete
    with a.ctx.db.raw() as conn:
        assert conn.execute("SELECT uploaded_at IS NOT NULL FROM sync_attachments "
                            "WHERE sha256 = ?", (sha,)).fetchone() == (1,)  # fmt: skip
    # nothing goes twice
    phases: list[str] = []
    assert a.sync.sync(progress=lambda p: phases.append(p.phase)).ok
    assert "attachments" not in phases
