"""`kampung demo seed`: fill a data dir with generated demo households (marked demo).

With `--demo-admin` (what `make run` uses) a fresh dir is protected by the documented demo
admin (services.access.DEMO_ADMIN) and marked demo, so the sign-in screen can show that
password; later runs on that demo dir sign in as it by themselves.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time

from kampung_desktop.cli.common import CliError, add_data_dir, data_dir
from kampung_desktop.cli.credentials import add_credentials, open_context
from kampung_desktop.core.roles import Permission

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help="data demo untuk latihan / demo data for training")
    demo_sub = demo.add_subparsers(dest="demo_command", metavar="ACTION", required=True)
    seed = demo_sub.add_parser("seed", help="buat rumah tangga demo / generate demo households")
    add_data_dir(seed)
    seed.add_argument("--households", type=int, default=2500, help="jumlah rumah tangga (2500)")
    seed.add_argument("--seed", type=int, default=1, help="benih acak; sama benih, sama data")
    seed.add_argument(
        "--if-empty", action="store_true", help="hanya jika belum ada rumah tangga / only if empty"
    )
    seed.add_argument(
        "--demo-admin",
        action="store_true",
        help="lindungi folder baru dengan admin demo (kata sandi di README) / protect a fresh "
        "dir with the demo admin (password in the README)",
    )
    add_credentials(seed)
    seed.set_defaults(handler=_seed)


def _demo_admin(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The demo admin's session, unless --user asks for another account (None)."""
    from kampung_desktop.services.demo_access import demo_admin_session

    return None if getattr(args, "user", None) else demo_admin_session(data_dir(args))


def _protected_elsewhere(args: argparse.Namespace) -> bool:
    """A protected dir that is not demo data, asked without --user: `--if-empty` (what
    `make run` uses before opening the app) counts it as set up and leaves it alone."""
    from kampung_desktop.services import access

    folder = data_dir(args)
    return not getattr(args, "user", None) and access.is_protected(folder)


def _seed(args: argparse.Namespace) -> int:
    from kampung_desktop.services import demo
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.audit import AuditService
    from kampung_desktop.services.demo_assessments import seed_assessments

    if not 1 <= args.households <= 2_000_000:
        raise CliError("--households harus 1..2000000 / must be 1..2000000")
    session = _demo_admin(args) if args.demo_admin else None
    if session is None and args.if_empty and _protected_elsewhere(args):
        print(
            f"data dir {data_dir(args)} sudah dilindungi kata sandi; demo tidak ditambahkan / "
            "already protected by a password; no demo data added"
        )
        return 0
    if session is None:
        ctx = open_context(args, Permission.SETTINGS)
    else:
        ctx = AppContext.open(data_dir(args), session)
    try:
        start = time.perf_counter()
        if args.if_empty and demo.household_count(ctx.db):
            if not ctx.demo_loaded():
                print(f"data dir {ctx.data_dir} sudah berisi data; demo tidak ditambahkan")
                return 0
            # Demo data is there; a run killed after the households still lacks assessments.
            report = demo.SeedReport(0, 0, demo.household_count(ctx.db))
        else:
            report = demo.seed(ctx.db, args.households, args.seed)
        assessments = seed_assessments(
            ctx.db, ctx.user_id, ctx.data_dir / "forms-cache", seed=args.seed
        )
        AuditService.for_context(ctx).seeded_demo(
            report.households, report.members, assessments.created
        )
        took = time.perf_counter() - start
    finally:
        ctx.close()
    log.info(
        "demo seeded: %d households, %d members, %d assessments added",
        report.households,
        report.members,
        assessments.created,
    )
    already = f" (sudah ada / already there: {report.already})" if report.already else ""
    print(
        f"demo: {report.households} rumah tangga, {report.members} anggota, "
        f"{assessments.created} penilaian RT{already} ({took:.1f} s) di {ctx.db.path}",
        file=sys.stdout,
    )
    return 0
