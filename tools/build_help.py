"""Cut the user guides into the app's help pages, so guide and help are one text.

    .venv/bin/python tools/build_help.py          # write resources/help/{id,en}/<page>.md
    .venv/bin/python tools/build_help.py --check  # exit 1 if a page differs from its guide

docs/user-guide.md (Bahasa Indonesia) and docs/user-guide.en.md mark the parts the help shows
with HTML comments, invisible on GitHub: `<!-- help: PAGE -->` starts a part of page PAGE (one
of kampung_desktop.ui.help.pages.PAGES), which runs to the next marker; `<!-- /help -->` ends a
part without starting another. A page may have several parts, joined in order. The help leaves
out pictures (the user is looking at the screen) and horizontal rules, and makes the page's
top heading level 1.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kampung_desktop.ui.help.pages import LANGUAGES, PAGES  # noqa: E402

GUIDES = {"id": REPO / "docs" / "user-guide.md", "en": REPO / "docs" / "user-guide.en.md"}
HELP_DIR = REPO / "resources" / "help"
MARKER = re.compile(r"^<!--\s*(?:help:\s*(?P<page>[\w-]+)|(?P<end>/help))\s*-->\s*$")
IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")
RULE = re.compile(r"^-{3,}\s*$")
HEADING = re.compile(r"^(#{1,6})\s")


class GuideError(ValueError):
    """The guide's markers do not give exactly one page for each of PAGES."""


def parts(text: str) -> dict[str, list[str]]:
    """page -> its lines, in guide order, from the markers in `text`."""
    found: dict[str, list[str]] = {}
    page: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        marker = MARKER.match(line.strip())
        if marker:
            page = marker.group("page")
            if page is not None and page not in PAGES:
                raise GuideError(f"line {number}: unknown help page {page!r}; known: {PAGES}")
            if page is not None and page in found:
                found[page].append("")  # a new part of the same page
            continue
        if page is not None:
            found.setdefault(page, []).append(line)
    missing = [p for p in PAGES if not "".join(found.get(p, [])).strip()]
    if missing:
        raise GuideError(f"no text marked for help page(s) {missing}")
    return found


def page_markdown(lines: list[str], source: str) -> str:
    """One page: without pictures and rules, top heading at level 1, single blank lines."""
    in_code, marked = False, []  # (line, inside a ``` block)
    for line in lines:
        if line.startswith("```"):
            in_code = not in_code
            marked.append((line, False))
        elif in_code or not (IMAGE.match(line) or RULE.match(line)):
            marked.append((line, in_code))
    levels = [len(m.group(1)) for line, code in marked if not code and (m := HEADING.match(line))]
    shift = min(levels) - 1 if levels else 0
    out: list[str] = []
    for line, code in marked:
        if not code and (m := HEADING.match(line)):
            line = "#" * (len(m.group(1)) - shift) + line[len(m.group(1)) :]
        if not code and not line.strip() and (not out or not out[-1].strip()):
            continue
        out.append(line.rstrip())
    while out and not out[-1].strip():
        out.pop()
    header = f"<!-- Made from {source} by tools/build_help.py: edit the guide, then run it. -->"
    return "\n".join([header, *out]) + "\n"


def render(lang: str, guide: Path | None = None) -> dict[str, str]:
    """file name -> content of every help page in `lang`, from its guide."""
    guide = guide or GUIDES[lang]
    source = f"docs/{guide.name}"
    return {
        f"{page}.md": page_markdown(lines, source)
        for page, lines in parts(guide.read_text(encoding="utf-8")).items()
    }


def differences(help_dir: Path = HELP_DIR) -> list[str]:
    """Pages whose shipped file is missing, stale or left over; empty when all match."""
    problems = []
    for lang in LANGUAGES:
        wanted = render(lang)
        folder = help_dir / lang
        for name, text in wanted.items():
            path = folder / name
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                problems.append(f"{lang}/{name}")
        extra = {p.name for p in folder.glob("*.md")} - set(wanted) if folder.exists() else set()
        problems += [f"{lang}/{name} (no longer in the guide)" for name in sorted(extra)]
    return problems


def write(help_dir: Path = HELP_DIR) -> list[Path]:
    written = []
    for lang in LANGUAGES:
        folder = help_dir / lang
        folder.mkdir(parents=True, exist_ok=True)
        wanted = render(lang)
        for stale in set(p.name for p in folder.glob("*.md")) - set(wanted):
            (folder / stale).unlink()
        for name, text in wanted.items():
            path = folder / name
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                written.append(path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report pages out of date")
    args = parser.parse_args()
    try:
        if args.check:
            problems = differences()
            for problem in problems:
                print(f"out of date: resources/help/{problem}")
            if problems:
                print("run: .venv/bin/python tools/build_help.py")
            return 1 if problems else 0
        for path in write():
            print(path.relative_to(REPO))
    except GuideError as error:
        print(f"build_help: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
