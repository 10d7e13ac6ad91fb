"""Photos tied to their answers: an answer carries its files (question, sha256, name, type), the
server indexes the link, lists it to the devices that may read the answer, serves the file only
to them (resumable with a Range), and the export names every file per question.
"""

from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path

from kampung_sync import protocol
from server_core_support import KEL_B, assessment, op, server


def _upload(srv, device, photo: bytes) -> str:  # type: ignore[no-untyped-def]
    sha = hashlib.sha256(photo).hexdigest()
    answer = srv.client.put(
        f"/api/v1/attachments/{sha}",
        params={"offset": 0, "total": len(photo)},
        content=photo,
        headers={**device.headers, "Content-Type": "application/octet-stream"},
    )
    assert answer.json()["complete"], answer.text
    return sha


def _answer(aid: str, field: str, sha: str, filename: str, revision: int = 1) -> dict:
    return {
        "assessment_id": aid,
        "field": field,
        "value": f'"{filename}"',
        "updated_at": "2026-11-30T08:00:00Z",
        "revision": revision,
        "attachments": [
            {"question": field, "sha256": sha, "filename": filename,
             "media_type": "image/jpeg", "size": 2500}
        ],
    }  # fmt: skip


def _links(srv, device, cursor: int = 0) -> protocol.AttachmentLinks:  # type: ignore[no-untyped-def]
    answer = srv.client.get(
        "/api/v1/attachments", params={"cursor": cursor}, headers=device.headers
    )
    assert answer.status_code == 200, answer.text
    return protocol.AttachmentLinks.model_validate(answer.json())


def test_a_photo_is_tied_to_its_answer_and_served_only_in_scope(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        ani = srv.device("ani")
        office = srv.device("ina", role="operator")
        other_office = srv.device("budi", role="operator", scope=(KEL_B,))
        photo = os.urandom(2500)
        sha = _upload(srv, ani, photo)
        content = f"/api/v1/attachments/{sha}/content"
        # stored but named by no answer yet: nobody but an admin reads it
        assert srv.client.get(content, headers=office.headers).status_code == 403

        form = assessment()  # a draft: its answers may still change
        receipts = ani.push([
            op("assessments", form),
            op("assessment_answers", _answer(form["id"], "foto_rumah", sha, "foto_rumah-1.jpg")),
        ])  # fmt: skip
        assert [r.status for r in receipts] == ["accepted", "accepted"]

        [link] = _links(srv, office).links
        assert (link.assessment_id, link.answer_id, link.question) == (
            form["id"], f"{form['id']}/foto_rumah", "foto_rumah"
        )  # fmt: skip
        assert (link.sha256, link.filename, link.media_type, link.complete) == (
            sha, "foto_rumah-1.jpg", "image/jpeg", True
        )  # fmt: skip
        assert _links(srv, office, link.seq).links == []  # the cursor moves on
        assert _links(srv, other_office).links == []  # another kelurahan: not listed ...
        denied = srv.client.get(content, headers=other_office.headers)
        assert denied.status_code == 403  # ... and not served
        whole = srv.client.get(content, headers=office.headers)
        assert whole.status_code == 200 and whole.content == photo
        rest = srv.client.get(content, headers={**office.headers, "Range": "bytes=1000-"})
        assert rest.status_code == 206 and rest.content == photo[1000:]
        assert rest.headers["Content-Range"] == "bytes 1000-2499/2500"
        bad = srv.client.get(content, headers={**office.headers, "Range": "bytes=9999-"})
        assert bad.status_code == 416 and bad.json()["error"]["code"] == "bad_range"

        # the answer's photo replaced: the old link goes, the new one is listed after it
        second = os.urandom(1800)
        sha2 = _upload(srv, ani, second)
        changed = _answer(form["id"], "foto_rumah", sha2, "foto_rumah-2.jpg", revision=2)
        [receipt] = ani.push([op("assessment_answers", changed, base=1, revision=2)])
        assert receipt.status == "accepted"
        [newer] = _links(srv, office, link.seq).links
        assert (newer.sha256, newer.filename) == (sha2, "foto_rumah-2.jpg")
        assert [x.sha256 for x in _links(srv, office).links] == [sha2]
        assert srv.client.get(content, headers=office.headers).status_code == 403  # not named


def test_a_file_name_that_is_a_path_is_refused(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        ani = srv.device("ani")
        form = assessment()
        bad = _answer(form["id"], "foto", "a" * 64, "../../etc/passwd")
        receipts = ani.push([op("assessments", form), op("assessment_answers", bad)])
        assert receipts[1].status == "rejected" and receipts[1].code == "invalid_data"


def test_the_export_names_each_file_by_assessment_and_question(
    server_db_url: str, tmp_path: Path
) -> None:
    from kampung_sync.server.admin.export import export

    with server(server_db_url) as srv:
        ani = srv.device("ani")
        sha = _upload(srv, ani, b"jpeg bytes of the roof")
        form = assessment(state="finalized")
        ani.push([
            op("assessments", form),
            op("assessment_answers", _answer(form["id"], "foto_atap", sha, "foto_atap-a.jpg")),
        ])  # fmt: skip
    written = dict((p.name, n) for p, n in export(server_db_url, "csv", tmp_path))
    assert written["attachments.csv"] == 1
    with open(tmp_path / "attachments.csv", encoding="utf-8-sig", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["assessment_id"] == form["id"] and row["question"] == "foto_atap"
    assert (row["filename"], row["sha256"], row["complete"]) == ("foto_atap-a.jpg", sha, "1")
    assert row["kelurahan"] == "36.71.01.1001"
    with open(tmp_path / "assessment_answers.csv", encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert "attachments" not in header  # named in attachments.csv, one row per file
