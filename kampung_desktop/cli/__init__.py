"""The `kampung` console entry point: no subcommand opens the GUI.

Each subcommand lives in its own module with a `register(subparsers)` function, so commands stay
small and their imports (Qt, reportlab, pyxform) load only when that command runs.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

from kampung_desktop import __version__
from kampung_desktop.cli import guard
from kampung_desktop.cli.common import add_data_dir
from kampung_desktop.cli.usage_errors import BilingualParser

# Subcommand modules, in the order `kampung --help` lists them.
_COMMANDS = (
    "gui",
    "demo",
    "db",
    "wilayah",
    "forms",
    "awards",
    "certificates",
    "server",
    "sync",
    "households",
    "users",
)


def build_parser() -> argparse.ArgumentParser:
    parser = BilingualParser(
        prog="kampung",
        description="Kampung — pendataan dan penghargaan kampung (offline-first).",
    )
    parser.add_argument("--version", action="version", version=f"kampung {__version__}")
    add_data_dir(parser)
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="periksa instalasi ini lalu keluar / check this installation and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMANDS:
        module = importlib.import_module(f"kampung_desktop.cli.{name}_cmd")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_check:
        from kampung_desktop.ui.selfcheck import run_self_check

        return run_self_check()
    handler = getattr(args, "handler", None)
    if handler is None:
        from kampung_desktop.cli.gui_cmd import run_gui

        handler = run_gui
    return guard.run(handler, args)  # no traceback reaches the user: see cli/guard.py
