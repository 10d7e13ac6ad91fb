"""`kampung gui` (and `kampung` with no subcommand): open the main window.

Kept free of heavy imports: `kampung --help` and every other subcommand load this module too.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kampung_desktop.cli.common import add_data_dir, data_dir
from kampung_desktop.paths import DATA_DIR_ENV


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("gui", help="buka jendela utama / open the main window (default)")
    add_data_dir(parser)
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    from kampung_desktop.ui.startup import run

    return run(gui_data_dir(args), probe=bool(getattr(args, "startup_probe", False)))


def gui_data_dir(args: argparse.Namespace) -> Path:
    """--data-dir or $KAMPUNG_DATA_DIR when given; else the folder the first start chose
    (remembered per laptop); else the platform's default."""
    if getattr(args, "data_dir", None) or os.environ.get(DATA_DIR_ENV):
        return data_dir(args)
    from kampung_desktop.services import laptop_config

    return laptop_config.load().data_dir or data_dir(args)
