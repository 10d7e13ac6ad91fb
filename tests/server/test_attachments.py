"""Attachments: content-addressed, skipped when present, resumable chunks, hash checked."""

from __future__ import annotations

import hashlib
import os

from server_core_support import server


def _put(srv, device, sha: str, offset: int, total: int, chunk: bytes):  # type: ignore[no-untyped-def]
    return srv.client.put(
        f"/api/v1/attachments/{sha}",
        params={"offset": offset, "total": total},
        content=chunk,
        headers={**device.headers, "Content-Type": "application/octet-stream"},
    )


def test_chunked_upload_resumes_and_completes(server_db_url: str) -> None:
    with server(server_db_url, max_chunk_bytes=1000) as srv:
        laptop = srv.device("ani")
        photo = os.urandom(2500)
        sha = hashlib.sha256(photo).hexdigest()
        url = f"/api/v1/attachments/{sha}"
        assert srv.client.get(url, headers=laptop.headers).json() == {
            "sha256": sha,
            "total": None,
            "received": 0,
            "complete": False,
        }
        assert _put(srv, laptop, sha, 0, len(photo), photo[:1000]).json()["received"] == 1000
        # the connection dropped: ask where to resume, a wrong offset is refused
        status = srv.client.get(url, headers=laptop.headers).json()
        assert status["received"] == 1000 and not status["complete"]
        wrong = _put(srv, laptop, sha, 0, len(photo), photo[:1000])
        assert wrong.status_code == 409 and wrong.json()["error"]["code"] == "offset_mismatch"
        too_big = _put(srv, laptop, sha, 1000, len(photo), photo[1000:2001] + b"x")
        assert too_big.status_code == 413
        _put(srv, laptop, sha, 1000, len(photo), photo[1000:2000])
        done = _put(srv, laptop, sha, 2000, len(photo), photo[2000:]).json()
        assert done == {"sha256": sha, "total": 2500, "received": 2500, "complete": True}
        # already there: a new upload is answered complete without storing anything
        assert _put(srv, laptop, sha, 0, len(photo), photo[:1000]).json()["complete"]
        admin = srv.device("kota", role="admin", scope=())
        content = srv.client.get(url + "/content", headers=admin.headers)
        assert content.status_code == 200 and content.content == photo
        # no answer names it yet: nobody else reads it (see test_attachment_links.py)
        office = srv.device("ina", role="operator")
        assert srv.client.get(url + "/content", headers=office.headers).status_code == 403
        assert srv.client.get(url + "/content", headers=laptop.headers).status_code == 403


def test_content_that_does_not_match_its_hash_is_dropped(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        sha = hashlib.sha256(b"the real photo").hexdigest()
        answer = _put(srv, laptop, sha, 0, 5, b"fake!")
        assert answer.status_code == 422 and answer.json()["error"]["code"] == "hash_mismatch"
        status = srv.client.get(f"/api/v1/attachments/{sha}", headers=laptop.headers).json()
        assert status["received"] == 0 and not status["complete"]


def test_bad_hash_and_oversized_attachment(server_db_url: str) -> None:
    with server(server_db_url, max_attachment_bytes=10_000) as srv:
        laptop = srv.device("ani")
        answer = srv.client.get("/api/v1/attachments/not-a-hash", headers=laptop.headers)
        assert answer.status_code == 400 and answer.json()["error"]["code"] == "bad_hash"
        answer = _put(srv, laptop, "a" * 64, 0, 20_000, b"x")
        assert answer.status_code == 413 and answer.json()["error"]["code"] == "too_large"
