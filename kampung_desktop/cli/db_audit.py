"""`kampung db verify-audit`: walk the audit log's hash chain and report the first broken link.

Prints `ok: N entries` (exit 0) or `broken at entry #seq: <reason>` (exit 1); scripts rely on
these two shapes. A protected dir needs an admin's `--user U --password-stdin` (VIEW_AUDIT):
its database opens only with the key their password unwraps.
"""

from __future__ import annotations

import argparse

from kampung_desktop.cli.common import add_data_dir, data_dir
from kampung_desktop.cli.credentials import add_credentials, session_for
from kampung_desktop.core.roles import Permission


def register(db_sub: argparse._SubParsersAction) -> None:
    verify = db_sub.add_parser(
        "verify-audit",
        help="periksa rantai log audit / check the audit log's hash chain",
    )
    add_data_dir(verify)
    add_credentials(verify)
    verify.set_defaults(handler=_verify_audit)


def _verify_audit(args: argparse.Namespace) -> int:
    from kampung_desktop.services.audit import describe, verify_data_dir

    session = session_for(args, Permission.VIEW_AUDIT)
    check = verify_data_dir(data_dir(args), session.db_key if session else None)
    print(describe(check))
    return 0 if check.ok else 1
