"""A backup written onto the data folder's own files would replace the live database with
the backup container (found in QA: `kampung db backup --out DIR/kampung.sqlite3` destroyed
the data); a missing target folder was reported as a disk error. Both are refused with a
clear bilingual message and change nothing."""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path

import pytest

from kampung_desktop.cli import main
from kampung_desktop.services import access, backups
from kampung_desktop.services.app import AppContext
from kampung_desktop.storage import connection
from kampung_desktop.storage.engine import database_path

PASSWORD = "kunci-cadangan-9"


@pytest.fixture
def protected(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    AppContext.open(folder).close()
    session = access.create_first_admin(folder, "admin", PASSWORD)
    yield folder, session
    connection.forget_key(database_path(folder))


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.mark.parametrize("name", ["kampung.sqlite3", "kampung.sqlite3-wal", "access.json"])
def test_a_backup_onto_the_data_folders_own_files_is_refused(protected, name):
    folder, session = protected
    before = _digests(folder)
    with pytest.raises(backups.BackupProblem) as refused:
        backups.backup_now(folder, folder / name, session)
    assert "folder data" in refused.value.text_id
    assert "data folder" in refused.value.text_en
    assert _digests(folder) == before
    AppContext.open(folder, access=session).close()  # still opens


def test_a_backup_as_a_kbak_file_in_the_data_folder_still_works(protected):
    folder, session = protected
    info = backups.backup_now(folder, folder / "cadangan.kbak", session)
    assert info.path.exists()


def test_a_missing_target_folder_is_named_not_reported_as_a_disk_error(
    protected, tmp_path, monkeypatch, capsys
):
    folder, _session = protected
    target = tmp_path / "tidak-ada" / "x.kbak"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code = main(
        ["db", "backup", "--data-dir", str(folder), "--out", str(target)]
        + ["--user", "admin", "--password-stdin"]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "Folder" in err and "tidak ada" in err and "does not exist" in err
    assert "Traceback" not in err and "baca/tulis disk" not in err
    assert not target.parent.exists()
