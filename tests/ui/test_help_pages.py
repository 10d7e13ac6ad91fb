"""The help pages are the user guide's sections, and every screenshot the guides show exists."""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))
import build_help  # noqa: E402
import screenshots  # noqa: E402

from kampung_desktop.ui.help.pages import LANGUAGES, PAGES, page_path  # noqa: E402

GUIDES = sorted((REPO / "docs").glob("user-guide*.md"))
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def test_shipped_help_pages_match_the_guides():
    assert build_help.differences() == [], "run .venv/bin/python tools/build_help.py"


def test_every_page_exists_in_both_languages_with_a_heading():
    for lang in LANGUAGES:
        for page in PAGES:
            text = page_path(page, lang).read_text(encoding="utf-8")
            assert re.search(r"^# \S", text, re.M), f"{lang}/{page} has no top heading"
            assert "![" not in text and "screenshots/" not in text


def test_both_guides_mark_the_same_pages_in_the_same_order():
    orders = {}
    for guide in GUIDES:
        lines = guide.read_text().splitlines()
        markers = [m for line in lines if (m := build_help.MARKER.match(line.strip()))]
        orders[guide.name] = tuple(m.group("page") or "/" for m in markers)
    assert len(GUIDES) == 2 and len(set(orders.values())) == 1, orders


def test_a_guide_without_a_page_or_with_an_unknown_one_is_refused(tmp_path):
    guide = tmp_path / "guide.md"
    text = "".join(f"<!-- help: {page} -->\n## {page}\n\ntext\n\n" for page in PAGES[:-1])
    guide.write_text(text)
    with pytest.raises(build_help.GuideError, match=PAGES[-1]):
        build_help.render("id", guide)
    guide.write_text(text + "<!-- help: nonsense -->\n## x\n")
    with pytest.raises(build_help.GuideError, match="nonsense"):
        build_help.render("id", guide)


def test_a_page_leaves_out_pictures_and_rules_and_starts_at_heading_level_1(tmp_path):
    guide = tmp_path / "guide.md"
    body = "".join(f"<!-- help: {page} -->\n## {page}\n\ntext\n\n" for page in PAGES[1:])
    guide.write_text(
        "# Guide\n\nintro, not in the help\n\n<!-- help: main-window -->\n### Window\n\n"
        "![Main](screenshots/main-window.png)\n\n\n- left\n\n#### Part\n\n```\n## code\n```\n\n"
        "---\n\n<!-- /help -->\n## Installing, not in the help\n\n" + body
    )
    page = build_help.render("id", guide)["main-window.md"]
    assert page.splitlines()[1:] == ["# Window", "", "- left", "", "## Part", "", "```",
                                     "## code", "```"]  # fmt: skip
    assert "intro" not in page and "Installing" not in page


def referenced_images() -> dict[str, list[str]]:
    return {guide.name: IMAGE.findall(guide.read_text()) for guide in GUIDES}


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_every_screenshot_the_guides_show_exists():
    for guide, images in referenced_images().items():
        assert len(images) >= 7, f"{guide} shows too few screens: {images}"
        for image in images:
            path = REPO / "docs" / image
            assert path.exists(), f"{guide} shows {image}, which does not exist"
            width, height = png_size(path)
            assert width >= 400 and height >= 250, f"{image} is {width}x{height}"


def test_make_screenshots_makes_every_screenshot_the_guides_show():
    made = set(screenshots.outputs())
    for guide, images in referenced_images().items():
        missing = {Path(i).name for i in images} - made
        assert not missing, f"{guide} shows {missing}, which tools/screenshots.py does not make"
