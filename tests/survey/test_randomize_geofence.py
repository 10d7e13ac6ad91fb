"""randomize (parameter and function), geofence() and version(), as JavaRosa computes them."""

from __future__ import annotations

import pytest

from kampung_desktop.survey import Interview, load_form_markdown
from kampung_desktop.survey.xpath.shuffle import shuffle

# JavaRosa's FisherYatesExamplesTest: the same seed gives the same order on every platform.
KNOWN = [
    (list(range(10)), 33, [3, 5, 4, 8, 2, 0, 1, 6, 9, 7]),
    (list(range(10)), 42, [0, 5, 9, 1, 8, 4, 6, 3, 7, 2]),
    (list("ABCDEF"), 42, list("AFCBDE")),
    (list("ABCDEF"), -42, list("EDAFBC")),
    (list("ABCDEF"), 1, list("BFEACD")),
    (list("ABCDEF"), 11111111, list("ACDBFE")),
]


@pytest.mark.parametrize(("items", "seed", "expected"), KNOWN)
def test_seeded_shuffle_matches_javarosa(items, seed, expected) -> None:
    assert shuffle(items, seed) == expected


CHOICES = """
| choices |
| | list_name | name | label |
""" + "".join(f"| | huruf | {c} | {c} |\n" for c in "ABCDEF")


def _names(interview: Interview, field: str) -> str:
    return "".join(c.name for c in interview.choices(field))


def test_randomize_parameter_with_a_seed_field() -> None:
    form = load_form_markdown(
        """
| survey |
| | type | name | label | parameters |
| | integer | s | S | |
| | select_one huruf | h | H | randomize=true seed=${s} |
| | select_one huruf | tetap | T | |
"""
        + CHOICES
    )
    assert _names(Interview(form, {"s": 42}), "h") == "AFCBDE"
    assert _names(Interview(form, {"s": -42}), "h") == "EDAFBC"
    assert _names(Interview(form, {"s": 42}), "tetap") == "ABCDEF"  # no randomize: form order


def test_unseeded_order_holds_while_the_interview_is_open() -> None:
    form = load_form_markdown(
        """
| survey |
| | type | name | label | parameters |
| | select_one huruf | h | H | randomize=true |
"""
        + CHOICES
    )
    interview = Interview(form, {})
    first = _names(interview, "h")
    assert sorted(first) == list("ABCDEF")
    assert all(_names(interview, "h") == first for _ in range(5))


def _calc(expression: str, answers: dict) -> object:
    form = load_form_markdown(
        f"""
| survey |
| | type | name | label | calculation |
| | geopoint | g | G | |
| | begin repeat | rep | R | |
| | integer | r | R | |
| | end repeat | | | |
| | calculate | c | | {expression} |
| settings |
| | form_id | version |
| | uji | 2026110101 |
"""
    )
    return Interview(form, answers).state("c").value


SQUARE = "'1 1 0 0; 1 2 0 0; 2 2 0 0; 2 1 0 0; 1 1 0 0'"


def test_geofence_inside_outside_and_empty() -> None:
    assert _calc(f"geofence(${{g}}, {SQUARE})", {"g": "1.5 1.5 0 0"}) is True
    assert _calc(f"geofence(${{g}}, {SQUARE})", {"g": "2.5 1.5 0 0"}) is False
    assert _calc(f"geofence(${{g}}, {SQUARE})", {}) is False


def test_version_and_randomize_function() -> None:
    assert _calc("version()", {}) == "2026110101"
    rep = [{"r": n} for n in range(1, 7)]
    assert _calc("join('', randomize(${r}, 42))", {"rep": rep}) == "163245"  # AFCBDE, as above
    assert _calc("count(randomize(${r}))", {"rep": rep}) == 6
