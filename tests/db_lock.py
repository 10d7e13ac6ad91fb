"""Another process holding a database's write lock, as a second Kampung or a backup tool would."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

IN_USE = "sedang dipakai program lain"  # the start of the "database in use" message


class LockHolder:
    """Holds `BEGIN EXCLUSIVE` on `path` in a child process until `release()`."""

    def __init__(self, path: Path) -> None:
        code = textwrap.dedent(
            f"""
            import sqlite3, sys
            conn = sqlite3.connect({str(path)!r}, isolation_level=None)
            conn.execute("BEGIN EXCLUSIVE")
            print("held", flush=True)
            sys.stdin.readline()
            conn.execute("ROLLBACK")
            """
        )
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "held"

    def release(self) -> None:
        self.proc.communicate("\n", timeout=30)

    def __enter__(self) -> LockHolder:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()
