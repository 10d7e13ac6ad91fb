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


def data_dir(args: argparse.Namespace) -> Path:
    return resolve_data_dir(getattr(args, "data_dir", None))
