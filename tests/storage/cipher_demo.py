"""Demo data dirs for the encryption tests: a seeded plain dir, its personal data, byte greps."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from kampung_desktop.storage.engine import database_path

PII_SQL = (
    "SELECT nik FROM members WHERE nik IS NOT NULL AND length(nik) = 16",
    "SELECT no_kk FROM households WHERE no_kk IS NOT NULL AND length(no_kk) = 16",
    "SELECT name FROM members WHERE length(name) >= 10",
    "SELECT address FROM households WHERE length(address) >= 10",
)


# A demo photo's bytes carry this text (as a camera's metadata carries a caption), so the same
# grep that looks for NIKs and names finds a photo left unencrypted anywhere.
PHOTO_MARKER = b"FOTO-DEMO-RUMAH-KELUARGA-SANTOSO-RT03"
PHOTO = Path("attachments") / "demo-assessment" / "foto_rumah-IMG_0001.jpg"


def seed_plain(folder: Path, households: int = 300, seed: int = 5, photo: bool = False) -> Path:
    """A plain (unprotected) demo data dir, as `kampung demo seed` makes it; `photo`: with an
    attachment (an answer's photo) holding PHOTO_MARKER."""
    from kampung_desktop.services import demo
    from kampung_desktop.services.app import AppContext

    ctx = AppContext.open(folder)
    try:
        demo.seed(ctx.db, households, seed)
    finally:
        ctx.close()
    if photo:
        (folder / PHOTO).parent.mkdir(parents=True, exist_ok=True)
        body = hashlib.sha256(PHOTO_MARKER).digest() * 4000
        (folder / PHOTO).write_bytes(b"\xff\xd8\xff\xe1" + PHOTO_MARKER + body + PHOTO_MARKER)
    return folder


def copy_dir(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


def personal_data(plain_dir: Path) -> list[bytes]:
    """Every NIK, No. KK, long name and address in a plain dir's database, as UTF-8 bytes."""
    conn = sqlite3.connect(f"file:{database_path(plain_dir)}?mode=ro", uri=True)
    try:
        found = {row[0] for sql in PII_SQL for row in conn.execute(sql)}
    finally:
        conn.close()
    needles = sorted(value.encode("utf-8") for value in found)
    return [*needles, PHOTO_MARKER] if (plain_dir / PHOTO).is_file() else needles


def leaks(blob: bytes, needles: list[bytes]) -> list[bytes]:
    """The needles found in `blob`. ASCII needles are looked for only in the blob's runs of
    printable ASCII at least as long as the shortest of them (ciphertext has few such runs),
    which keeps thousands of needles against megabytes fast; others are searched directly."""
    ascii_needles = [n for n in needles if re.fullmatch(rb"[\x20-\x7e]+", n)]
    plain_text = set(ascii_needles)
    others = [n for n in needles if n not in plain_text]
    found = [n for n in others if n in blob]
    if ascii_needles:
        shortest = min(len(n) for n in ascii_needles)
        runs = b"\n".join(re.findall(rb"[\x20-\x7e]{%d,}" % shortest, blob))
        found += [n for n in ascii_needles if n in runs]
    return found


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def rows_digest(conn: object) -> str:
    """A digest of every household and member row (to compare a copy with its original)."""
    digest = hashlib.sha256()
    for table in ("households", "members", "wilayah", "assessments", "settings"):
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):  # type: ignore[attr-defined]
            digest.update(repr(row).encode())
    return digest.hexdigest()


def start_child(child: str, folder: Path, key: bytes) -> subprocess.Popen:
    """Run `child` (Python code reading the folder and hex key from argv) in its own process,
    so a test can SIGKILL it; returns once the child has printed 'go'."""
    proc = subprocess.Popen(
        [sys.executable, "-c", child, str(folder), key.hex()],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdout is not None and proc.stdout.readline() == b"go\n"
    return proc
