"""`kampung server ...`: run and administer the city's sync server (names are a contract).

The server's packages are the optional `kampung[server]` extra, so the desktop installer does not
carry them; every server module is imported inside the handler that needs it, and a missing extra
is a one-line message saying how to install it, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from kampung_desktop.cli.common import CliError

ROLES = ("admin", "operator", "enumerator")
_SERVER_PACKAGES = frozenset(
    {
        "fastapi",
        "starlette",
        "uvicorn",
        "alembic",
        "psycopg",
        "argon2",
        "pydantic_settings",
        "jinja2",
        "multipart",
    }
)
_INSTALL_HINT = (
    "paket server belum terpasang; pasang dengan: pip install 'kampung[server]' / "
    "the server packages are not installed; install them with: pip install 'kampung[server]'"
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "server",
        help="server sinkronisasi kota / the city's sync server",
        description="Jalankan dan kelola server sinkronisasi kota / run and administer the "
        "city's sync server (needs: pip install 'kampung[server]').",
    )
    server = parser.add_subparsers(dest="server_command", metavar="ACTION", required=True)

    init = _with_db(server.add_parser("init", help="buat/perbarui skema / create or upgrade"))
    init.set_defaults(handler=_init)

    run = _with_db(server.add_parser("run", help="jalankan server / run the server"))
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8750)
    run.add_argument("--workers", type=int, default=1, metavar="N")
    run.set_defaults(handler=_run)

    user = server.add_parser("user", help="akun / accounts").add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    add = _with_db(user.add_parser("add", help="tambah atau ubah akun / add or update a user"))
    add.add_argument("--username", required=True)
    # Plain string (not argparse choices) so a wrong role gets our bilingual one-liner, exit 1.
    add.add_argument("--role", required=True, help="admin | operator | enumerator")
    add.add_argument("--scope", default="", metavar="KODE[,KODE...]", help="kode kelurahan")
    add.add_argument("--full-name", default="", help="nama lengkap / full name")
    add.add_argument(
        "--password-stdin", action="store_true", required=True, help="baca sandi dari stdin"
    )
    add.set_defaults(handler=_user_add)

    device = server.add_parser("device", help="perangkat / devices").add_subparsers(
        dest="device_command", metavar="ACTION", required=True
    )
    revoke = _with_db(device.add_parser("revoke", help="cabut perangkat / revoke a device"))
    revoke.add_argument("device_id", metavar="DEVICE_ID")
    revoke.set_defaults(handler=_device_revoke)

    forms = server.add_parser("forms", help="formulir / forms").add_subparsers(
        dest="forms_command", metavar="ACTION", required=True
    )
    publish = _with_db(forms.add_parser("publish", help="terbitkan / publish a form"))
    publish.add_argument(
        "form", metavar="FORM.xlsx|FORM.zip", help="XLSForm; media files it names are bundled"
    )
    publish.set_defaults(handler=_forms_publish)

    area = server.add_parser("wilayah", help="kode wilayah / area codes").add_subparsers(
        dest="wilayah_command", metavar="ACTION", required=True
    )
    area_import = _with_db(area.add_parser("import", help="impor kode,nama / import kode,nama"))
    area_import.add_argument("file", metavar="FILE.csv")
    area_import.set_defaults(handler=_wilayah_import)

    households = server.add_parser("households", help="registri / registry").add_subparsers(
        dest="households_command", metavar="ACTION", required=True
    )
    imp = _with_db(households.add_parser("import", help="impor registri / import a registry"))
    imp.add_argument("file", metavar="FILE.csv|FILE.xlsx")
    imp.add_argument(
        "--skip-invalid",
        action="store_true",
        help="impor baris yang benar, tulis yang salah ke berkas .ditolak.csv / import the good "
        "rows and write the bad ones to a .ditolak.csv reject file",
    )
    imp.set_defaults(handler=_households_import)

    export = _with_db(server.add_parser("export", help="ekspor data / export data"))
    export.add_argument("--format", required=True, help="csv | xlsx")
    export.add_argument("--out", required=True, metavar="DIR")
    export.set_defaults(handler=_export)

    stats = _with_db(server.add_parser("stats", help="jumlah rekaman / record counts"))
    stats.add_argument("--json", action="store_true", help="cetak JSON / print JSON")
    stats.set_defaults(handler=_stats)


def _with_db(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument(
        "--db",
        required=True,
        metavar="URL",
        help="sqlite:///kampung-server.db atau/or postgresql+psycopg://user@host/db",
    )
    return parser


def _server_task(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn a missing extra, an unreachable database and AdminError into one-line CliErrors."""

    @wraps(func)
    def wrapper(args: argparse.Namespace) -> int:
        # find_spec, not import: the check must not cost every command FastAPI's import time.
        if not all(_installed(name) for name in ("fastapi", "uvicorn")):
            raise CliError(_INSTALL_HINT, exit_code=3)
        try:
            import sqlalchemy.exc
            from kampung_sync.server.admin import AdminError
        except ImportError:
            raise CliError(_INSTALL_HINT, exit_code=3) from None
        try:
            return func(args)
        except AdminError as exc:
            raise CliError(str(exc), exc.exit_code) from None
        except ImportError as exc:
            if (exc.name or "").split(".")[0] not in _SERVER_PACKAGES:
                raise
            raise CliError(f"{_INSTALL_HINT} ({exc.name})", exit_code=3) from None
        except sqlalchemy.exc.ArgumentError:
            raise CliError(
                f"--db '{_safe_url(args.db)}' bukan URL basis data yang sah / is not a valid "
                "database URL (sqlite:///FILE or postgresql+psycopg://USER@HOST/DB)",
                exit_code=2,
            ) from None
        except sqlalchemy.exc.OperationalError as exc:
            reason = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
            raise CliError(
                f"basis data {_safe_url(args.db)} tidak dapat dibuka ({reason}) / "
                f"cannot open database {_safe_url(args.db)} ({reason})",
                exit_code=2,
            ) from None

    return wrapper


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a broken or blocked package counts as missing
        return False


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL has nothing to hide worth the risk: show the scheme
        return url.split("://", 1)[0] + "://…"


def _progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


@_server_task
def _init(args: argparse.Namespace) -> int:
    from kampung_sync.server.admin.wilayah import load_reference
    from kampung_sync.server.db import init_database

    init_database(args.db)
    added = load_reference(args.db)
    print(f"skema siap / schema ready: {_safe_url(args.db)}")
    print(f"kode wilayah rujukan / reference area codes: {added} baru/new")
    return 0


@_server_task
def _run(args: argparse.Namespace) -> int:
    from kampung_sync.server.run import serve

    if not 1 <= args.port <= 65535 or args.workers < 1:
        raise CliError("--port 1-65535 dan/and --workers >= 1", exit_code=2)
    serve(args.db, host=args.host, port=args.port, workers=args.workers)
    return 0


@_server_task
def _user_add(args: argparse.Namespace) -> int:
    from kampung_sync.server.admin.users import add_user

    if args.role not in ROLES:
        raise CliError(
            f"--role '{args.role}' tidak dikenal; pilih admin, operator atau enumerator / "
            f"unknown role '{args.role}'; choose admin, operator or enumerator"
        )
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise CliError("sandi kosong di stdin / empty password on stdin")
    scope = [code.strip() for code in args.scope.split(",") if code.strip()]
    created = add_user(args.db, args.username, args.role, scope, password, args.full_name)
    verb = "akun dibuat / user created" if created else "akun diperbarui / user updated"
    area = ", ".join(scope) if scope else "seluruh kota / whole city"
    print(f"{verb}: {args.username} ({args.role}; {area})")
    return 0


@_server_task
def _device_revoke(args: argparse.Namespace) -> int:
    from kampung_sync.server.admin.users import revoke

    label = revoke(args.db, args.device_id)
    print(f"perangkat dicabut / device revoked: {label}")
    return 0


@_server_task
def _forms_publish(args: argparse.Namespace) -> int:
    from kampung_sync.server.admin.forms import publish_form

    published = publish_form(args.db, Path(args.form))
    print(published)
    return 0


@_server_task
def _wilayah_import(args: argparse.Namespace) -> int:
    from kampung_sync.server.admin.wilayah import import_wilayah

    added = import_wilayah(args.db, Path(args.file))
    print(f"kode wilayah / area codes: {added} baru atau berubah / new or changed")
    return 0


@_server_task
def _households_import(args: argparse.Namespace) -> int:
    from kampung_sync.server.admin.registry_import import import_registry

    outcome = import_registry(args.db, Path(args.file), args.skip_invalid, progress=_progress)
    print(outcome.summary())
    return outcome.exit_code


@_server_task
def _export(args: argparse.Namespace) -> int:
    from kampung_sync.server.admin.export import export

    if args.format not in ("csv", "xlsx"):
        raise CliError(
            f"--format '{args.format}' tidak dikenal; pilih csv atau xlsx / "
            f"unknown format '{args.format}'; choose csv or xlsx"
        )
    written = export(args.db, args.format, Path(args.out), progress=_progress)
    for path, rows in written:
        print(f"{path}\t{rows}")
    return 0


@_server_task
def _stats(args: argparse.Namespace) -> int:
    from kampung_sync.server.admin.stats import collect, render_text

    numbers: dict[str, Any] = collect(args.db)
    if args.json:
        json.dump(numbers, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(numbers))
    return 0
