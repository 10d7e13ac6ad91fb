"""`kampung sync`, `kampung sync enrol`, `kampung sync status`: sync without the window.

Exact names and formats are a contract other tools rely on:
- `kampung sync enrol --data-dir DIR --server URL --username U --password-stdin`
- `kampung sync --data-dir DIR [--json]`: one full sync; prints sent, accepted, duplicate,
  conflict, rejected, received (with --json exactly
  `{"sent":…, "accepted":…, "duplicate":…, "conflict":…, "rejected":…, "received":…}`).
  Exit 0 when all is well, 1 when a record needs attention (rejected or conflict), 3 when
  the server cannot be reached or refused the session (the reason goes to stderr).
- `kampung sync status --data-dir DIR [--json]`: pending by kind, last sync, rejected records.

On a protected data dir each takes `--user U --password-stdin` (see cli/credentials.py);
`sync enrol` there signs in as `--user A` (A's password on stdin line 1, the server password
on line 2), or, without --user, as the enrolling account itself when it is already known here.
`sync enrol --protect` on an unprotected dir protects it: the server's accounts become its
sign-in accounts and the database is encrypted.
"""

from __future__ import annotations

import argparse
import json
import sys

from kampung_desktop.cli.common import CliError, add_data_dir, data_dir
from kampung_desktop.cli.credentials import add_credentials, open_context, read_passwords
from kampung_desktop.core.roles import Permission

EXIT_ATTENTION = 1
EXIT_UNREACHABLE = 3


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "sync",
        help="sinkronkan dengan server kota / sync with the city server",
        description="Satu sinkronisasi penuh / one full sync (push, attachments, pull). "
        "Keluar 1 bila ada data ditolak/konflik, 3 bila server tidak terjangkau / "
        "exit 1 when a record was rejected or conflicts, 3 when the server is unreachable.",
    )
    add_data_dir(parser)
    add_credentials(parser)
    parser.add_argument("--json", action="store_true", help="cetak JSON / print JSON")
    parser.set_defaults(handler=_sync)
    actions = parser.add_subparsers(dest="sync_command", metavar="ACTION")

    enrol = actions.add_parser(
        "enrol",
        help="daftarkan laptop ke server / enrol this laptop with a server",
        description="Daftarkan laptop ke server kota / enrol this laptop with the city server.",
    )
    add_data_dir(enrol)
    enrol.add_argument("--server", required=True, metavar="URL")
    enrol.add_argument("--username", required=True, metavar="U")
    enrol.add_argument(
        "--password-stdin",
        action="store_true",
        required=True,
        help="baca kata sandi dari stdin / read the password from stdin",
    )
    enrol.add_argument("--user", metavar="A", help="data yang dilindungi / protected data")
    enrol.add_argument(
        "--protect",
        action="store_true",
        help="lindungi data dengan akun server (enkripsi) / protect the data with the server's "
        "accounts (encrypts it)",
    )
    enrol.set_defaults(handler=_enrol)

    status = actions.add_parser(
        "status",
        help="status sinkronisasi / sync status",
        description="Data tertunda per jenis, sinkron terakhir, data ditolak / pending by "
        "kind, last sync, rejected records.",
    )
    add_data_dir(status)
    add_credentials(status)
    status.add_argument("--json", action="store_true", help="cetak JSON / print JSON")
    status.set_defaults(handler=_status)


def _service(args: argparse.Namespace, session=None):  # type: ignore[no-untyped-def]
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.sync import SyncService

    if session is None:
        ctx = open_context(args, Permission.SYNC)
    else:
        ctx = AppContext.open(data_dir(args), session)
    return ctx, SyncService.for_context(ctx)


def _sync(args: argparse.Namespace) -> int:
    ctx, service = _service(args)
    try:
        outcome = service.sync()
    finally:
        ctx.close()
    if args.json:
        print(json.dumps(outcome.counts()))
    else:
        for key, value in outcome.counts().items():
            print(f"{key}: {value}")
    if outcome.error:
        print(f"kampung: {outcome.error}", file=sys.stderr)
        return EXIT_UNREACHABLE
    return EXIT_ATTENTION if outcome.needs_attention else 0


def _enrol(args: argparse.Namespace) -> int:
    from kampung_desktop.services import access
    from kampung_desktop.services.sync import SyncError

    folder = data_dir(args)
    session = None
    if access.is_protected(folder):
        if args.user:
            mine, password = read_passwords(2)
            session = access.sign_in(folder, args.user, mine)
        else:
            [password] = read_passwords(1)
            session = access.sign_in(folder, args.username, password)
        access.require(session, Permission.SYNC_SETUP)
    else:
        [password] = read_passwords(1)
    ctx, service = _service(args, session)
    try:
        status = service.enrol(args.server, args.username, password, protect=args.protect)
    except SyncError as exc:
        raise CliError(str(exc)) from None
    finally:
        ctx.close()
    if session is None and ctx.access is not None:  # newly protected: encrypt it now
        access.encrypt_database(folder, ctx.access)
    print(
        f"terdaftar / enrolled: {status.username} @ {status.server_url} "
        f"(kode perangkat / device code {status.device_code})"
    )
    return 0


def _status(args: argparse.Namespace) -> int:
    ctx, service = _service(args)
    try:
        status = service.status()
    finally:
        ctx.close()
    rejected = [
        {
            "table": r.table,
            "record_id": r.record_id,
            "code": r.code,
            "reason_id": r.reason_id,
            "reason_en": r.reason_en,
            "at": r.at,
        }
        for r in status.rejected
    ]
    if args.json:
        print(
            json.dumps(
                {
                    "enrolled": status.enrolled,
                    "server_url": status.server_url,
                    "username": status.username,
                    "device_code": status.device_code,
                    "state": status.state,
                    "revoked": status.revoked,
                    "last_success_at": status.last_success_at,
                    "last_attempt_at": status.last_attempt_at,
                    "pending": status.pending,
                    "pending_total": status.pending_total,
                    "rejected": rejected,
                    "open_conflicts": status.open_conflicts,
                }
            )
        )
        return 0
    print(f"state: {status.state}")
    print(
        f"server: {status.server_url or '-'} ({status.username or '-'}, {status.device_code or '-'})"
    )
    print(f"last sync: {status.last_success_at or '-'} (attempt {status.last_attempt_at or '-'})")
    print(f"pending: {status.pending_total}")
    for table, count in sorted(status.pending.items()):
        print(f"  {table}: {count}")
    print(f"rejected: {len(rejected)}")
    for r in rejected:
        print(f"  {r['table']} {r['record_id']} {r['code']}: {r['reason_id']} / {r['reason_en']}")
    print(f"conflicts: {status.open_conflicts}")
    return 0
