"""`kampung households import --data-dir DIR FILE.csv|FILE.xlsx [--skip-invalid]`.

The city's registry format (see `kampung server households import`); line-numbered errors;
all or nothing, or with `--skip-invalid` the good households and a reject file for the rest.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kampung_desktop.cli.common import CliError, add_data_dir
from kampung_desktop.cli.credentials import CITY, add_credentials, open_context
from kampung_desktop.core.roles import Permission

MAX_LISTED = 50


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "households",
        help="rumah tangga / households",
        description="Rumah tangga / households.",
    )
    actions = parser.add_subparsers(dest="households_command", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        help="impor registri kota (CSV/XLSX) / import a city registry extract",
        description="Impor registri (satu baris per anggota) / import a registry (one row per "
        "member): kelurahan_kode, rw, rt, alamat, no_kk, nik, nama, jenis_kelamin, "
        "tanggal_lahir, hubungan.",
    )
    add_data_dir(imp)
    add_credentials(imp)
    imp.add_argument("file", metavar="FILE.csv|FILE.xlsx")
    imp.add_argument(
        "--skip-invalid",
        action="store_true",
        help="impor yang benar, tulis yang salah ke berkas tolakan / import the good rows, "
        "write the bad ones to a reject file",
    )
    imp.set_defaults(handler=_import)


def _import(args: argparse.Namespace) -> int:
    from kampung_desktop.services.input_files import InputFileError, check_file
    from kampung_desktop.services.registry_import import RegistryImportError, import_registry

    path = Path(args.file)
    try:
        check_file(path)
    except InputFileError as exc:
        raise CliError(str(exc)) from None
    ctx = open_context(args, Permission.EDIT_REGISTRY, CITY)
    try:
        report = import_registry(ctx.db, path, ctx.user_id, skip_invalid=args.skip_invalid)
    except RegistryImportError as exc:
        for problem in exc.problems[:MAX_LISTED]:
            print(problem.text(), file=sys.stderr)
        if len(exc.problems) > MAX_LISTED:
            print(f"... +{len(exc.problems) - MAX_LISTED}", file=sys.stderr)
        raise CliError(str(exc)) from None
    finally:
        ctx.close()
    print(
        f"diimpor / imported: {report.households} rumah tangga / households "
        f"({report.households_new} baru / new, {report.households_updated} diperbarui / "
        f"updated); {report.members} anggota / members ({report.members_new} baru / new, "
        f"{report.members_updated} diperbarui / updated)"
    )
    if report.reject_file:
        print(f"ditolak / rejected: {report.rejected_rows} baris / rows -> {report.reject_file}")
    return 0
