"""`kampung db backup --data-dir DIR --out FILE` and `kampung db restore --data-dir DIR FILE`.

For scripts: the backup is taken with SQLite's online backup (a running app keeps working) and
is encrypted with the dir's key when the dir is protected; the restore checks the file first
(a damaged or foreign file changes nothing) and swaps the database in atomically. A protected
dir needs `--user U --password-stdin` of a user with the BACKUP (restore: RESTORE) permission.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kampung_desktop.cli.common import CliError, add_data_dir, data_dir
from kampung_desktop.cli.credentials import add_credentials, session_for
from kampung_desktop.core.roles import Permission


def register(db_sub: argparse._SubParsersAction) -> None:
    backup = db_sub.add_parser(
        "backup", help="buat cadangan (terenkripsi bila data dilindungi) / make a backup"
    )
    add_data_dir(backup)
    backup.add_argument("--out", required=True, help="berkas cadangan / backup file (.kbak)")
    add_credentials(backup)
    backup.set_defaults(handler=_backup)
    restore = db_sub.add_parser("restore", help="pulihkan dari cadangan / restore a backup")
    add_data_dir(restore)
    restore.add_argument("file", help="berkas cadangan / backup file (.kbak)")
    add_credentials(restore)
    restore.set_defaults(handler=_restore)


def _backup(args: argparse.Namespace) -> int:
    from kampung_desktop.services import backups

    session = session_for(args, Permission.BACKUP)
    try:
        info = backups.backup_now(data_dir(args), Path(args.out), session)
    except backups.BackupProblem as problem:
        raise CliError(f"{problem.text_id} / {problem.text_en}") from problem
    kind = "terenkripsi / encrypted" if info.encrypted else "tidak terenkripsi / not encrypted"
    print(f"cadangan / backup: {info.path} ({kind}; {info.households} rumah tangga / households)")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from kampung_desktop.services import backups

    session = session_for(args, Permission.RESTORE)
    try:
        info = backups.restore(data_dir(args), Path(args.file), session)
    except backups.BackupProblem as problem:
        raise CliError(f"{problem.text_id} / {problem.text_en}") from problem
    taken = info.created_local().strftime("%Y-%m-%d %H:%M")
    print(
        f"dipulihkan dari cadangan {taken} / restored from the backup of {taken}: "
        f"{info.households} rumah tangga / households"
    )
    return 0
