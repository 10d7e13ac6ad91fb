"""Photos and files of answers on a protected dir: sealed on disk (no byte of a photo is found
in any file of the data dir), read back whole, converted resumably when the dir becomes
protected, and carried sealed by backups."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from cipher_demo import copy_dir, files_under, leaks, seed_plain

from kampung_desktop.services import access, backups
from kampung_desktop.services import attachments as attachment_service
from kampung_desktop.services.app import AppContext
from kampung_desktop.storage import attachment_crypto, attachment_files, connection
from kampung_desktop.storage.engine import database_path

PASSWORD = "rahasia-kelurahan-1"
MARKER = b"FOTO-RUMAH-BUDI-SANTOSO-JL-MAWAR-17"
AID = "5d1c0c1e-0000-4000-8000-00000000a1d1"


def photo(size: int, seed: int = 1) -> bytes:
    """A stand-in JPEG with the marker in its metadata and again in the middle."""
    body = bytearray(os.urandom(size))
    body[size // 2 : size // 2 + len(MARKER)] = MARKER
    return b"\xff\xd8\xff\xe1" + MARKER + bytes(body)


@pytest.fixture(scope="module")
def plain_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = seed_plain(tmp_path_factory.mktemp("att") / "plain", households=20)
    photos = folder / "attachments" / AID
    photos.mkdir(parents=True)
    (photos / "foto_rumah-IMG_0001.jpg").write_bytes(photo(300_000))
    (photos / "foto_bersih-IMG_0002.jpg").write_bytes(photo(2_500_000, 2))  # several chunks
    (photos / "kosong.bin").write_bytes(b"")
    partial = folder / "attachments-partial"
    partial.mkdir()
    (partial / f"{'ab' * 32}.part").write_bytes(MARKER + b" half a download")
    return folder


@pytest.fixture
def protected(plain_template: Path, tmp_path: Path):
    folder = copy_dir(plain_template, tmp_path / "data")
    session = access.create_first_admin(folder, "admin", PASSWORD)
    yield folder, session
    connection.forget_key(database_path(folder))
    attachment_files.forget_key(folder)


def originals(plain_template: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (plain_template / "attachments" / AID).iterdir()}


def test_the_marker_is_found_in_the_plain_dir(plain_template: Path):
    """The grep below is real: the same search finds the photo's bytes unencrypted."""
    blob = b"".join(p.read_bytes() for p in files_under(plain_template))
    assert leaks(blob, [MARKER]) == [MARKER]


def test_no_file_of_a_protected_dir_holds_a_photo_byte(protected, plain_template):
    folder, session = protected
    for path in files_under(folder):
        assert leaks(path.read_bytes(), [MARKER]) == [], path.relative_to(folder)
    names = [p.name for p in files_under(folder)]
    assert not any(n.endswith((attachment_files.TEMP_SUFFIX, ".writing")) for n in names)
    assert not list((folder / "attachments-partial").iterdir())  # a plain half download: gone
    ctx = AppContext.open(folder, session)  # signed in: read back whole
    try:
        for name, data in originals(plain_template).items():
            path = folder / "attachments" / AID / name
            assert attachment_files.is_sealed(path)
            assert attachment_service.read_bytes(path) == data
            assert attachment_files.plain_size(path) == len(data)
            assert attachment_files.sha256(path) == hashlib.sha256(data).hexdigest()
            assert attachment_files.read_range(path, 1_100_000, 10) == data[1_100_000:1_100_010]
    finally:
        ctx.close()


def test_new_photos_on_a_protected_dir_are_sealed(protected, tmp_path):
    folder, session = protected
    chosen = tmp_path / "kamera" / "IMG_0003.jpg"
    chosen.parent.mkdir()
    chosen.write_bytes(photo(50_000, 3))
    target = folder / "attachments" / AID / "foto_dapur-IMG_0003.jpg"
    attachment_files.forget_key(folder)  # nobody signed in: a plain copy is refused
    with pytest.raises(attachment_service.AttachmentNotStored, match="Masuk dulu"):
        attachment_service.store_copy(chosen, target)
    assert not target.exists()
    ctx = AppContext.open(folder, session)
    try:
        attachment_service.store_copy(chosen, target)
    finally:
        ctx.close()
    assert leaks(target.read_bytes(), [MARKER]) == []
    assert attachment_service.read_bytes(target) == chosen.read_bytes()
    damaged = bytearray(target.read_bytes())
    damaged[-40] ^= 1
    target.write_bytes(bytes(damaged))
    assert attachment_service.read_bytes(target) is None  # an edited file is not shown
    cut = target.read_bytes()[:-10]
    target.write_bytes(cut)
    assert attachment_service.read_bytes(target) is None  # nor one cut off


def test_an_unprotected_dir_keeps_plain_files(plain_template, tmp_path):
    folder = copy_dir(plain_template, tmp_path / "plain")
    chosen = tmp_path / "IMG.jpg"
    chosen.write_bytes(photo(1000))
    target = folder / "attachments" / AID / "x-IMG.jpg"
    attachment_service.store_copy(chosen, target)
    assert target.read_bytes() == chosen.read_bytes()


def test_a_conversion_cut_short_resumes(plain_template, tmp_path):
    folder = copy_dir(plain_template, tmp_path / "data")
    key = os.urandom(32)
    photos = folder / "attachments" / AID
    first = sorted(photos.iterdir())[0]
    leftover = photos / f".{first.name}{attachment_files.TEMP_SUFFIX}"
    leftover.write_bytes(b"half a sealed copy")
    stale = photos / f".{first.name}.x1{attachment_files.WRITING_SUFFIX}"  # a store cut short
    stale.write_bytes(MARKER + b" plain, from before the dir was protected")
    os.utime(stale, (1, 1))
    fresh = photos / f".{first.name}.x2{attachment_files.WRITING_SUFFIX}"  # being stored now
    fresh.write_bytes(b"sealed bytes on their way")
    assert attachment_files.encrypt_plain_files(folder, key) == 3
    assert not leftover.exists() and not stale.exists() and fresh.exists()
    assert attachment_files.encrypt_plain_files(folder, key) == 0  # idempotent
    for name, data in originals(plain_template).items():
        assert attachment_files.read_bytes(photos / name) == data
    attachment_files.forget_key(folder)


def test_a_download_in_progress_is_sealed_and_resumes_after_a_torn_chunk(protected):
    folder, session = protected
    ctx = AppContext.open(folder, session)
    try:
        data = photo(2_300_000, 4)
        partial = folder / "attachments-partial" / "x.part"
        with attachment_files.PartialWriter(partial) as out:
            out.write(data[:1_500_000])
        with open(partial, "r+b") as fh:  # the process died in the middle of a chunk
            fh.truncate(partial.stat().st_size - 1000)
        writer = attachment_files.PartialWriter(partial)
        assert writer.tell() == attachment_crypto.CHUNK  # the torn second chunk is dropped
        writer.write(data[writer.tell() :])
        writer.finish()
        assert leaks(partial.read_bytes(), [MARKER]) == []
        assert attachment_files.read_bytes(partial) == data
    finally:
        ctx.close()


def test_backups_carry_the_photos_sealed_and_restore_them(protected, plain_template, tmp_path):
    folder, session = protected
    out = tmp_path / "cadangan.kbak"
    info = backups.backup_now(folder, out, session)
    assert info.households == 20
    assert leaks(out.read_bytes(), [MARKER]) == []
    manifest = backups.backup_file.read_manifest(out)
    assert manifest.attachments == 3 and manifest.attachments_size > 2_800_000
    photos = folder / "attachments" / AID
    for path in photos.iterdir():
        path.unlink()
    backups.restore(folder, out, session)
    assert not (folder / attachment_files.PARTIAL_FOLDER / ".x").exists()
    assert not any(p.name.startswith(".attachments") for p in folder.iterdir())
    ctx = AppContext.open(folder, session)
    try:
        for name, data in originals(plain_template).items():
            assert attachment_files.read_bytes(photos / name) == data
    finally:
        ctx.close()


def test_a_damaged_attachment_part_is_refused_and_nothing_changes(protected, tmp_path):
    folder, session = protected
    out = tmp_path / "cadangan.kbak"
    backups.backup_now(folder, out, session)
    data = bytearray(out.read_bytes())
    data[-5000] ^= 0xFF  # inside the photos, after the database
    out.write_bytes(bytes(data))
    victim = sorted((folder / "attachments" / AID).iterdir())[0]
    victim.unlink()
    before = {p: p.read_bytes() for p in files_under(folder) if "sqlite3" not in p.name}
    with pytest.raises(backups.BackupProblem, match="rusak"):
        backups.restore(folder, out, session)
    assert not victim.exists()
    assert {p: p.read_bytes() for p in files_under(folder) if "sqlite3" not in p.name} == before


def test_a_recording_joined_to_the_sealed_one_before_is_sealed_whole(protected, tmp_path):
    """The interview's background audio appends each new recording to the sound answered
    before: the earlier file is sealed, the new part plain (the recorder writes it)."""
    folder, session = protected
    ctx = AppContext.open(folder, session)
    try:
        earlier = folder / "attachments" / AID / "audio-1.aac"
        first = MARKER + os.urandom(1_200_000)
        attachment_files.write_bytes(earlier, first)
        new_part = tmp_path / "recording.aac"
        second = os.urandom(300_000) + MARKER
        new_part.write_bytes(second)
        target = folder / "attachments" / AID / "audio-2.aac"
        attachment_service.store_joined([earlier, new_part], target)
        assert attachment_files.is_sealed(target) and MARKER not in target.read_bytes()
        assert attachment_service.read_bytes(target) == first + second
    finally:
        ctx.close()
