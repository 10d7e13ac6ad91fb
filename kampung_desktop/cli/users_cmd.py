"""`kampung users add|list|passwd|disable|enable|remove`: the local accounts that may open a data dir.

`users add` on a dir with no account creates its first admin (and encrypts the database);
after that an admin signs the new account off: `--admin A`, A's password on the first line of
stdin and the new user's on the second. Passwords are only ever read from stdin.
"""

from __future__ import annotations

import argparse

from kampung_desktop.cli.common import CliError, add_data_dir, data_dir
from kampung_desktop.cli.credentials import (
    EXIT_CREDENTIALS,
    add_credentials,
    read_passwords,
    session_for,
)
from kampung_desktop.core.roles import Permission, Role


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "users",
        help="akun pengguna laptop ini / this laptop's user accounts",
        description="Akun yang boleh membuka data / accounts that may open the data.",
    )
    actions = parser.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="tambah pengguna (yang pertama: admin) / add a user (the first one: the admin)",
        description="Pengguna pertama harus admin. Sesudahnya: --admin A, kata sandi A di baris "
        "1 stdin dan kata sandi pengguna baru di baris 2 / The first user must be an admin. "
        "After that: --admin A, A's password on stdin line 1, the new user's on line 2.",
    )
    add_data_dir(add)
    add.add_argument("--username", required=True, metavar="U")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument(
        "--scope",
        default="",
        metavar="KODE[,KODE...]",
        help="kode kelurahan (kosong: seluruh kota) / kelurahan codes (empty: the whole city)",
    )
    add.add_argument("--full-name", default="", metavar="NAMA")
    add.add_argument("--admin", metavar="A", help="admin yang menyetujui / the approving admin")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        required=True,
        help="baca kata sandi dari stdin / read the password(s) from stdin",
    )
    add.set_defaults(handler=_add)

    lst = actions.add_parser("list", help="daftar pengguna / list users")
    add_data_dir(lst)
    add_credentials(lst)
    lst.set_defaults(handler=_list)

    passwd = actions.add_parser(
        "passwd",
        help="ganti kata sandi / change a password",
        description="Kata sandi lama di baris 1 stdin, yang baru di baris 2 / the old password "
        "on stdin line 1, the new one on line 2.",
    )
    add_data_dir(passwd)
    passwd.add_argument("--user", required=True, metavar="U")
    passwd.add_argument("--password-stdin", action="store_true", required=True)
    passwd.set_defaults(handler=_passwd)

    for name, help_text in _LIFECYCLE.items():
        cmd = actions.add_parser(
            name,
            help=help_text,
            description=f"{help_text}. Kata sandi admin di baris 1 stdin / the admin's password "
            "on stdin line 1.",
        )
        add_data_dir(cmd)
        cmd.add_argument("--username", required=True, metavar="U")
        cmd.add_argument("--admin", required=True, metavar="A", help="admin / the admin")
        cmd.add_argument("--password-stdin", action="store_true", required=True)
        cmd.set_defaults(handler=_lifecycle, users_change=name)


_LIFECYCLE = {
    "disable": "nonaktifkan akun (tidak bisa masuk) / disable an account (cannot sign in)",
    "enable": "aktifkan lagi akun / enable an account again",
    "remove": "hapus akun dari laptop ini / remove an account from this laptop",
}
_DONE = {
    "disable": "akun dinonaktifkan / account disabled",
    "enable": "akun diaktifkan / account enabled",
    "remove": "akun dihapus / account removed",
}


def _add(args: argparse.Namespace) -> int:
    from kampung_desktop.services import access

    folder = data_dir(args)
    scope = [code for code in args.scope.split(",") if code.strip()]
    if not access.is_protected(folder):
        if args.admin:
            raise CliError(
                "Data ini belum punya akun: pengguna pertama dibuat tanpa --admin dan harus "
                "admin / This data has no accounts yet: the first user is created without "
                "--admin and must be an admin"
            )
        if args.role != Role.ADMIN.value:
            raise CliError(
                "Pengguna pertama harus admin (--role admin) / The first user must be an admin "
                "(--role admin)"
            )
        if scope:
            raise CliError("Admin mencakup seluruh kota: tanpa --scope / an admin has no --scope")
        [password] = read_passwords(1)
        access.create_first_admin(folder, args.username, password, args.full_name)
        print(
            f"admin dibuat / admin created: {args.username.strip()}; data dilindungi kata "
            "sandi / data protected by password"
        )
        return 0
    if not args.admin:
        raise CliError(
            "Data ini sudah punya admin: tambahkan --admin NAMA (kata sandinya di baris 1 "
            "stdin, kata sandi pengguna baru di baris 2) / This data has an admin: add --admin "
            "NAME (its password on stdin line 1, the new user's on line 2)",
            EXIT_CREDENTIALS,
        )
    admin_password, password = read_passwords(2)
    admin = access.sign_in(folder, args.admin, admin_password)
    access.add_user(folder, admin, args.username, args.role, scope, password, args.full_name)
    print(f"pengguna ditambahkan / user added: {args.username.strip()} ({args.role})")
    return 0


def _list(args: argparse.Namespace) -> int:
    from kampung_desktop.services import access_accounts

    session_for(args, Permission.MANAGE_USERS)
    for state in access_accounts.account_states(data_dir(args)):
        p = state.principal
        scope = ",".join(p.scope) or "kota/city"
        flag = "\tnonaktif/disabled" if state.disabled else ""
        print(f"{p.username}\t{p.role.value}\t{scope}{flag}")
    return 0


def _lifecycle(args: argparse.Namespace) -> int:
    from kampung_desktop.services import access, access_accounts

    folder = data_dir(args)
    if not access.is_protected(folder):
        raise CliError(
            "Data ini belum punya akun / This data has no accounts yet (kampung users add)"
        )
    [password] = read_passwords(1)
    admin = access.sign_in(folder, args.admin, password)
    change = {
        "disable": access_accounts.disable_user,
        "enable": access_accounts.enable_user,
        "remove": access_accounts.remove_user,
    }[args.users_change]
    change(folder, admin, args.username)
    print(f"{_DONE[args.users_change]}: {args.username.strip()}")
    return 0


def _passwd(args: argparse.Namespace) -> int:
    from kampung_desktop.services import access

    folder = data_dir(args)
    old, new = read_passwords(2)
    session = access.sign_in(folder, args.user, old)
    access.change_password(folder, session, old, new)
    print(f"kata sandi diganti / password changed: {session.principal.username}")
    return 0
