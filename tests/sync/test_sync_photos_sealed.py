"""Photos between protected laptops: stored sealed on both, sent and named by the plaintext's
sha256 and size (what the protocol and the server expect), downloaded sealed chunk by chunk
(a cut-off download resumes) and shown whole. Real server process on 127.0.0.1."""

from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path

from sync_support import KEL, PASSWORD, server_records

from kampung_desktop.services import access
from kampung_desktop.services import attachments as attachment_service
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.assessments import AssessmentService
from kampung_desktop.services.demo_assessments import bantar_answers
from kampung_desktop.services.sync import SyncService
from kampung_desktop.storage import attachment_files

MARKER = b"FOTO-SELOKAN-RT04-WARGA-SITI"
PHOTO_NAME = "foto_bersih-IMG_2041.jpg"


class ProtectedLaptop:
    """A laptop protected by a local admin before it enrols (its server user signs in too)."""

    def __init__(self, folder: Path, server_url: str, username: str) -> None:
        self.data_dir = folder
        folder.mkdir(parents=True)
        session = access.create_first_admin(folder, "kepala", "kunci-rahasia-1")
        self.ctx = AppContext.open(folder, session)
        self.sync = SyncService.for_context(self.ctx)
        self.sync.enrol(server_url, username, PASSWORD)

    def close(self) -> None:
        self.ctx.close()
        attachment_files.forget_key(self.data_dir)


def _everything(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_a_sealed_photo_travels_by_its_plain_hash(server, tmp_path):
    photo = MARKER + os.urandom(1_700_000)  # two sealed chunks on disk
    sha = hashlib.sha256(photo).hexdigest()
    ani = ProtectedLaptop(tmp_path / "ani", server.url, "ani")
    office = None
    try:
        assessments = AssessmentService(ani.ctx.db, ani.ctx.user_id, tmp_path / "cache-ani")
        assessments.install_shipped_forms()
        aid = assessments.start("bantar_rt", KEL, rw=3, rt=4)
        for field, value in bantar_answers(random.Random(5), 2026, KEL, 3, 4).items():
            assessments.save_answer(aid, field, value)
        chosen = tmp_path / "kamera" / "IMG_2041.jpg"
        chosen.parent.mkdir()
        chosen.write_bytes(photo)
        attachment_service.store_copy(chosen, ani.data_dir / "attachments" / aid / PHOTO_NAME)
        assert MARKER not in _everything(ani.data_dir)
        assessments.save_answer(aid, "foto_bersih", PHOTO_NAME)
        assessments.transition(aid, "finalize")
        sent = ani.sync.sync()
        assert sent.ok and sent.rejected == 0, sent.error

        _revision, data = server_records(server.db_url, "assessment_answers")[f"{aid}/foto_bersih"]
        assert data["attachments"] == [
            {"question": "foto_bersih", "sha256": sha, "filename": PHOTO_NAME,
             "media_type": "image/jpeg", "size": len(photo)}
        ]  # fmt: skip
        assert sent.ok

        office = ProtectedLaptop(tmp_path / "office", server.url, "budi")
        partial = office.data_dir / "attachments-partial" / f"{sha}.part"
        with attachment_files.PartialWriter(partial) as cut:  # a download cut off earlier
            cut.write(photo[:1_200_000])
        assert MARKER not in partial.read_bytes()
        pulled = office.sync.sync()
        assert pulled.ok, pulled.error
        target = office.data_dir / "attachments" / aid / PHOTO_NAME
        assert not partial.exists()
        assert attachment_files.is_sealed(target)
        assert attachment_service.read_bytes(target) == photo  # whole, checked by its hash
        assert MARKER not in _everything(office.data_dir)
        again = office.sync.sync()  # in place and held: nothing fetched or sent twice
        assert again.ok
        assert sorted(p.name for p in target.parent.iterdir()) == [PHOTO_NAME]
    finally:
        ani.close()
        if office is not None:
            office.close()
