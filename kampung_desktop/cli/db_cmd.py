"""`kampung db info`: what is in the local database and whether it is healthy."""

from __future__ import annotations

import argparse
import json

from kampung_desktop.cli import db_audit, db_backup
from kampung_desktop.cli.common import add_data_dir, data_dir
from kampung_desktop.cli.credentials import add_credentials, session_for
from kampung_desktop.core.roles import Permission


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="database lokal / local database")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    info = db_sub.add_parser(
        "info",
        help="versi skema, jumlah baris, ukuran, cek integritas / "
        "schema version, row counts, size, integrity check",
    )
    add_data_dir(info)
    info.add_argument("--json", action="store_true", help="keluaran JSON / JSON output")
    add_credentials(info)  # counts only, but an encrypted database opens with a key
    info.set_defaults(handler=_info)
    db_audit.register(db_sub)
    db_backup.register(db_sub)


def _info(args: argparse.Namespace) -> int:
    from kampung_desktop.services.dbinfo import database_info

    session = session_for(args, Permission.VIEW_REGISTRY)
    report = database_info(data_dir(args), session.db_key if session else None)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0 if report["integrity_check"] == "ok" else 1
    print(f"file: {report['path']}")
    print(f"schema_version: {report['schema_version']}")
    print(f"file_size_bytes: {report['file_size_bytes']}")
    print(f"integrity_check: {report['integrity_check']}")
    for table, count in report["tables"].items():
        print(f"table {table}: {count}")
    return 0 if report["integrity_check"] == "ok" else 1
