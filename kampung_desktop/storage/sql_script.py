"""A SQL script cut into statements, to run one by one inside the caller's transaction
(`executescript` would commit behind its back). Used by every migration step."""

from __future__ import annotations

import sqlite3


def statements(sql: str) -> list[str]:
    """The script's statements, in order (a trigger body's semicolons do not cut it)."""
    found, buf = [], []
    for line in sql.splitlines():
        buf.append(line)
        candidate = "\n".join(buf).strip()
        if candidate.endswith(";") and sqlite3.complete_statement(candidate):
            found.append(candidate)
            buf = []
    rest = "\n".join(buf).strip()
    if rest:
        found.append(rest)
    return found
