"""Sealing a newly protected dir's photos survives SIGKILL at any moment: after every kill each
photo is there, plain or sealed, and reads back whole; a re-run finishes the job and leaves no
temporary copy and no plain photo."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

from cipher_demo import start_child

from kampung_desktop.storage import attachment_files

CHILD = (
    "import sys\n"
    "from kampung_desktop.storage.attachment_files import encrypt_plain_files\n"
    "print('go', flush=True)\n"
    "encrypt_plain_files(sys.argv[1], bytes.fromhex(sys.argv[2]))\n"
)
MARKER = b"FOTO-KTP-WARGA-RT-04"


def _photos(folder: Path) -> dict[Path, bytes]:
    made = {}
    for a in range(6):
        for n in range(25):
            path = folder / "attachments" / f"assessment-{a}" / f"foto-{n}.jpg"
            path.parent.mkdir(parents=True, exist_ok=True)
            data = MARKER + os.urandom(60_000 + 997 * n)
            path.write_bytes(data)
            made[path] = data
    return made


def test_sealing_photos_survives_sigkill(tmp_path):
    folder = tmp_path / "data"
    made = _photos(folder)
    key = os.urandom(32)
    rng = random.Random(12)
    kills, mixed = 0, False
    while kills < 60:  # kill at random moments until a run gets to its end first
        proc = start_child(CHILD, folder, key)
        time.sleep(rng.uniform(0.0, 0.08))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        if proc.returncode != -signal.SIGKILL:
            break
        kills += 1
        attachment_files.remember_key(folder, key)
        for path, data in made.items():  # every photo there, plain or sealed, whole
            assert attachment_files.read_bytes(path) == data, path
        attachment_files.forget_key(folder)
        sealed = sum(attachment_files.is_sealed(p) for p in made)
        mixed = mixed or 0 < sealed < len(made)
    assert kills >= 2 and mixed  # really cut off, in the middle of the work
    proc = start_child(CHILD, folder, key)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    every = [p for p in folder.rglob("*") if p.is_file() and p.name != attachment_files.LOCK_FILE]
    assert sorted(every) == sorted(made)  # no temporary copy left
    attachment_files.remember_key(folder, key)
    try:
        for path, data in made.items():
            assert attachment_files.is_sealed(path)
            assert MARKER not in path.read_bytes()
            assert attachment_files.read_bytes(path) == data
    finally:
        attachment_files.forget_key(folder)
