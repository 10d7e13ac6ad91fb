"""`kampung gui` (and `kampung` with no subcommand): open the main window.

Kept free of heavy imports: `kampung --help` and every other subcommand load this module too.
"""

from __future__ import annotations

import argparse

from kampung_desktop.cli.common import add_data_dir, data_dir


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("gui", help="buka jendela utama / open the main window (default)")
    add_data_dir(parser)
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    from kampung_desktop.ui.startup import run

    return run(data_dir(args), probe=bool(getattr(args, "startup_probe", False)))
