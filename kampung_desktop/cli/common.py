"""Pieces every subcommand shares: the --data-dir option and the user-facing error type."""

from __future__ import annotations

import argparse
from pathlib import Path

from kampung_desktop.paths import DATA_DIR_ENV, resolve_data_dir


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
