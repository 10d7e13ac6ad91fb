"""Which rule file belongs to which award program, found through `kampung_desktop.paths`.

Rule files sit next to their form in `forms/` as `<form_id>.scoring.toml`. Program names are the
short ones the CLI and storage use (`kotaku`, `bantar`, `ksm`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kampung_desktop.paths import forms_dir
from kampung_desktop.scoring.errors import RulesError
from kampung_desktop.scoring.loader import load_rules_file
from kampung_desktop.scoring.model import Rules

PROGRAM_FORMS: dict[str, str] = {
    "kotaku": "kotaku_baseline",
    "bantar": "bantar_rt",
    "ksm": "ksm_potential",
}


def rules_path(program: str, folder: Path | None = None) -> Path:
    """The rule file of `program`; RulesError if the program is unknown."""
    if program not in PROGRAM_FORMS:
        raise RulesError("rules.unknown_program", program=program, known=", ".join(PROGRAM_FORMS))
    return (folder or forms_dir()) / f"{PROGRAM_FORMS[program]}.scoring.toml"


def load_rules(program: str, folder: Path | None = None) -> Rules:
    """Load and validate the rules of `program` (kotaku, bantar or ksm).

    Shipped files are cached per path and modification time, so scoring 1,650 RTs reads each
    file once while an edited file is still picked up.
    """
    path = rules_path(program, folder)
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise RulesError(
            "rules.unreadable", source=path.name, detail=exc.strerror or str(exc)
        ) from None
    rules = _cached(str(path), mtime)
    if rules.program != program:
        raise RulesError(
            "rules.value",
            source=path.name,
            key="program.id",
            detail_id=f"harus '{program}', bukan '{rules.program}'",
            detail_en=f"must be '{program}', not '{rules.program}'",
        )
    return rules


@lru_cache(maxsize=16)
def _cached(path: str, mtime_ns: int) -> Rules:
    del mtime_ns  # part of the cache key only
    return load_rules_file(path)
