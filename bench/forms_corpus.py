"""Report how a folder of third-party XLSForms fares: accepted / refused-with-reason / crashed.

Each form is converted by pyxform first (a form pyxform refuses is not one ODK Collect could
open, and is counted apart), then loaded and evaluated with empty answers. Refusal reasons are
grouped with names blanked, most common first; every crash is listed (there should be none).

Run: .venv/bin/python bench/forms_corpus.py [FOLDER]   (default: tests/survey/fixtures/corpus)
Exit status 1 when any form crashed.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", nargs="?", type=Path, default=ROOT / "tests/survey/fixtures/corpus"
    )
    args = parser.parse_args()
    from kampung_desktop.survey.corpus import CRASHED, run

    warnings.simplefilter("ignore")  # openpyxl warns about extensions of some workbooks
    started = time.perf_counter()
    report = run(args.folder)
    elapsed = time.perf_counter() - started
    for line in report.lines():
        print(line)
    print(f"time: {elapsed:.1f} s for {len(report.outcomes)} files")
    return 1 if report.count(CRASHED) else 0


if __name__ == "__main__":
    raise SystemExit(main())
