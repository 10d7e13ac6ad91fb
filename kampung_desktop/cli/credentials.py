"""`--user U --password-stdin`: how every command that opens personal data signs in.

One helper for all of them, so a protected data dir is refused the same way everywhere (exit
2 and what to add) and role and kelurahan checks come from the same rules as the GUI's. On an
unprotected legacy dir the command runs as before; a person at a terminal is reminded once
that the data has no password yet (scripts and pipes stay quiet).
"""

from __future__ import annotations

import argparse
import sys

from kampung_desktop.cli.common import CliError, data_dir
from kampung_desktop.core.roles import Permission

EXIT_CREDENTIALS = 2
NEEDS_CREDENTIALS = (
    "Perintah ini membuka data pribadi: tambahkan --user NAMA --password-stdin (kata sandi di "
    "baris pertama stdin) / This command opens personal data: add --user NAME "
    "--password-stdin (the password on the first line of stdin)"
)
UNPROTECTED_WARNING = (
    "Peringatan: data ini belum dilindungi kata sandi; buat admin: kampung users add "
    "--data-dir DIR --username NAMA --role admin --password-stdin / Warning: this data is not "
    "protected by a password yet; create the admin with kampung users add ..."
)
CITY = ""  # an `area` meaning the whole city (a scoped account may not ask for it)


def add_credentials(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user",
        metavar="NAMA",
        help="nama pengguna (data yang dilindungi) / username (protected data)",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="baca kata sandi dari baris pertama stdin / read the password from stdin",
    )


def read_passwords(count: int) -> list[str]:
    """`count` passwords, one per stdin line (line ends dropped, nothing else); typed at a
    terminal they are not echoed."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        try:
            lines = [getpass.getpass(f"Kata sandi / password {i + 1}: ") for i in range(count)]
        except EOFError:  # Ctrl-D at the prompt
            lines = [""]
    else:
        lines = [sys.stdin.readline().rstrip("\r\n") for _ in range(count)]
    if any(not line for line in lines):
        raise CliError(
            f"Kata sandi kosong di stdin (perlu {count} baris) / no password on stdin "
            f"({count} line(s) needed)"
        )
    return lines


def session_for(args: argparse.Namespace, permission: Permission, area: str | None = None):  # type: ignore[no-untyped-def]
    """The signed-in session for this command (None on an unprotected dir).

    `area`: the kelurahan (or wider) code the command works on, CITY for the whole city, None
    when the command is not about an area.
    """
    from kampung_desktop.services import access

    folder = data_dir(args)
    if not access.is_protected(folder):
        if getattr(args, "user", None):
            raise access.AccessDenied(
                "Data ini belum punya akun; jalankan tanpa --user atau buat admin dulu "
                "(kampung users add).",
                "This data has no accounts yet; run without --user or create the admin first "
                "(kampung users add).",
            )
        _warn_unprotected()
        return None
    if not getattr(args, "user", None) or not getattr(args, "password_stdin", False):
        raise CliError(NEEDS_CREDENTIALS, EXIT_CREDENTIALS)
    [password] = read_passwords(1)
    session = access.sign_in(folder, args.user, password)
    access.require(session, permission, area)
    return session


def open_context(args: argparse.Namespace, permission: Permission, area: str | None = None):  # type: ignore[no-untyped-def]
    """`AppContext` of the command's data dir, signed in and checked (see `session_for`)."""
    from kampung_desktop.services.app import AppContext

    session = session_for(args, permission, area)
    return AppContext.open(data_dir(args), session)


def _warn_unprotected() -> None:
    stream = sys.stderr
    if stream is not None and stream.isatty():
        print(UNPROTECTED_WARNING, file=stream, flush=True)
