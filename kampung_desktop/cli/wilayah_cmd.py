"""`kampung wilayah import FILE.csv`: add another city's Kemendagri codes (`kode,nama`)."""

from __future__ import annotations

import argparse

from kampung_desktop.cli.common import CliError, add_data_dir
from kampung_desktop.cli.credentials import add_credentials, open_context
from kampung_desktop.core.roles import Permission


def register(sub: argparse._SubParsersAction) -> None:
    wil = sub.add_parser("wilayah", help="kode wilayah Kemendagri / area codes")
    wil_sub = wil.add_subparsers(dest="wilayah_command", metavar="ACTION", required=True)
    imp = wil_sub.add_parser("import", help="impor CSV kode,nama / import a kode,nama CSV")
    add_data_dir(imp)
    add_credentials(imp)
    imp.add_argument("file", help="CSV dengan kolom kode,nama")
    imp.set_defaults(handler=_import)


def _import(args: argparse.Namespace) -> int:
    from kampung_desktop.services import wilayah

    ctx = open_context(args, Permission.SETTINGS)
    try:
        added, updated = wilayah.import_csv(ctx.db, args.file, ctx.user_id)
    except wilayah.WilayahImportError as exc:
        raise CliError(f"{exc} Tidak ada yang diubah / nothing was changed.") from exc
    finally:
        ctx.close()
    print(f"wilayah: {added} ditambahkan / added, {updated} diperbarui / updated")
    return 0
