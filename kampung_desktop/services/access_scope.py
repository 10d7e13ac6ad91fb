"""A new account's kelurahan must be one this data dir knows, not only a well-formed code.

`check_scope` (services.access) refuses what is not a kelurahan code at all; a typo such as
36.71.01.1091 is well formed yet names no kelurahan, and an account scoped to it would see
nothing. When the dir's wilayah table holds kelurahan, a code outside it is refused. A dir
whose table is still empty (no reference data loaded) cannot tell, so the code is accepted.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kampung_desktop.services.access import AccessDenied
from kampung_desktop.storage import areas
from kampung_desktop.storage.engine import database_path


def refuse_unknown_kelurahan(data_dir: Path, key: bytes | None, codes: Sequence[str]) -> None:
    """Raise AccessDenied naming the codes this dir's wilayah table does not know."""
    if not codes:
        return
    known = areas.kelurahan_codes_of(database_path(Path(data_dir)), key)
    unknown = [code for code in codes if known and code not in known]
    if unknown:
        listed = ", ".join(unknown)
        raise AccessDenied(
            f"Kelurahan {listed} tidak ada dalam daftar wilayah data ini. Periksa kodenya "
            "(lihat pohon wilayah di aplikasi atau impor wilayah dulu: kampung wilayah import).",
            f"Kelurahan {listed} is not in this data's area list. Check the code (see the area "
            "tree in the app, or import the areas first: kampung wilayah import).",
        )
