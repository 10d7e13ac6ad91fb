"""Try a folder of third-party XLSForms the way a new user would: does each one run here?

Every form is first converted by pyxform (what ODK tools do); a form pyxform refuses is not a
form ODK Collect could open and is counted apart. The others are loaded and evaluated with empty
answers: `accepted`, `refused` (with the reason the loader gave) or `crashed` (any other
exception — always a bug). `bench/forms_corpus.py` prints the report; tests assert on it.
"""

from __future__ import annotations

import re
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

FORM_SUFFIXES = (".xlsx", ".xls", ".csv", ".md")
ACCEPTED = "accepted"
REFUSED = "refused"
CRASHED = "crashed"
NOT_XLSFORM = "pyxform refuses"


@dataclass(frozen=True)
class Outcome:
    path: Path
    status: str
    #: The first problem (refused), the exception (crashed) or pyxform's error.
    reason: str = ""
    codes: tuple[str, ...] = ()


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def considered(self) -> int:
        """Forms pyxform converts: the ones that must run here."""
        return sum(1 for outcome in self.outcomes if outcome.status != NOT_XLSFORM)

    def reasons(self) -> Counter[str]:
        """Refusal reasons with names and numbers blanked, most common first."""
        return Counter(
            _generic(outcome.reason) for outcome in self.outcomes if outcome.status == REFUSED
        )

    def lines(self) -> list[str]:
        considered = self.considered or 1
        accepted = self.count(ACCEPTED)
        out = [
            f"forms: {len(self.outcomes)}, converted by pyxform: {self.considered}",
            f"accepted: {accepted} ({accepted / considered:.1%})",
            f"refused with reason: {self.count(REFUSED)}",
            f"crashed: {self.count(CRASHED)}",
        ]
        for reason, count in self.reasons().most_common():
            out.append(f"  {count:4d}  {reason}")
        for outcome in self.outcomes:
            if outcome.status == CRASHED:
                out.append(f"  CRASH {outcome.path.name}: {outcome.reason}")
        return out


def _generic(text: str) -> str:
    text = re.sub(r"\(supported: [^)]*\)", "", text)
    return re.sub(r"'[^']*'", "'…'", text).strip()


def form_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in FORM_SUFFIXES)


def classify(path: Path) -> Outcome:
    """Convert with pyxform, then load and evaluate with empty answers."""
    from pyxform.xls2xform import convert

    from kampung_desktop.survey import FormLoadError, Interview, load_form

    try:
        convert(xlsform=str(path), warnings=[])
    except Exception as exc:  # noqa: BLE001 - any pyxform failure means "not an ODK form"
        return Outcome(path, NOT_XLSFORM, str(exc).splitlines()[0] if str(exc) else "")
    try:
        form = load_form(path)
    except FormLoadError as exc:
        problems = exc.problems
        codes = tuple(p.code for p in problems)
        return Outcome(path, REFUSED, problems[0].text("en"), codes)
    except Exception:  # noqa: BLE001 - the point is to catch what should never happen
        return Outcome(path, CRASHED, _last_line())
    try:
        Interview(form, {}).to_eval_json()
    except Exception:  # noqa: BLE001
        return Outcome(path, CRASHED, "eval: " + _last_line())
    return Outcome(path, ACCEPTED)


def _last_line() -> str:
    lines = traceback.format_exc().strip().splitlines()
    return lines[-1] if lines else ""


def run(folder: Path) -> Report:
    return Report([classify(path) for path in form_files(folder)])
