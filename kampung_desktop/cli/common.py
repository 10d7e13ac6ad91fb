"""Pieces every subcommand shares: the --data-dir option and the user-facing error type."""

from __future__ import annotations

import argparse
from pathlib import Path

from kampung_desktop.paths import DATA_DIR_ENV, resolve_data_dir
from kampung_desktop.services.failures import shorten


class CliError(Exception):
    """An error whose text is meant for the user; printed on one line, no traceback."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help=f"folder of the local database (default: ${DATA_DIR_ENV} or the user data dir)",
    )


MAX_NAME_BYTES = 255  # one folder name, on every file system Kampung runs on
MAX_PATH_CHARS = 1000


def data_dir(args: argparse.Namespace) -> Path:
    """The data dir the command works on; a name no file system takes is refused here."""
    path = resolve_data_dir(getattr(args, "data_dir", None))
    check_path(path, "--data-dir")
    return path


def check_path(path: Path, option: str) -> None:
    """Refuse a path whose folder names are too long before it reaches the file system."""
    too_long = [p for p in path.parts if len(p.encode("utf-8", "replace")) > MAX_NAME_BYTES]
    if too_long or len(str(path)) > MAX_PATH_CHARS:
        raise CliError(
            f"{option}: nama folder atau berkas terlalu panjang (paling banyak {MAX_NAME_BYTES} "
            f"karakter per nama) / a folder or file name is too long (at most "
            f"{MAX_NAME_BYTES} characters each)"
        )


# -- argument types: bad values stop in argparse, before any SQL or file system call ----------

YEARS = range(1945, 2201)
MAX_CODE_CHARS = 20  # "36.71.09.1004" is 13; a kota, kecamatan or kelurahan code


def year(text: str) -> int:
    """`--year`: a four-digit year (a huge number would overflow SQLite's INTEGER)."""
    value = _integer(text, "tahun / year")
    if value not in YEARS:
        raise argparse.ArgumentTypeError(
            f"tahun harus {YEARS.start}..{YEARS.stop - 1} / year must be "
            f"{YEARS.start}..{YEARS.stop - 1}"
        )
    return value


def rw_rt(text: str) -> int:
    """`--rw` / `--rt`: 0..999 (0: the RW itself, for RW-level awards)."""
    value = _integer(text, "nomor RW/RT / RW/RT number")
    if not 0 <= value <= 999:
        raise argparse.ArgumentTypeError("nomor RW/RT harus 0..999 / RW/RT number must be 0..999")
    return value


def area_code(text: str) -> str:
    """`--kelurahan`: a Kemendagri code such as 36.71.09.1004 (checked again by the service)."""
    code = text.strip()
    if len(code) > MAX_CODE_CHARS or not code or not set(code) <= set("0123456789."):
        raise argparse.ArgumentTypeError(
            f"kode wilayah seperti 36.71.09.1004, bukan '{shorten(code, 24)}' / "
            "an area code such as 36.71.09.1004"
        )
    return code


def _integer(text: str, what: str) -> int:
    digits = text.strip().removeprefix("-")
    if not digits.isascii() or not digits.isdigit():
        raise argparse.ArgumentTypeError(f"{what}: bukan angka / not a number")
    if len(digits) > 12:
        raise argparse.ArgumentTypeError(f"{what}: angka terlalu besar / number too large")
    return int(text)
