"""Fixtures for scoring tests: the shipped rules and a builder for Kotaku answer sets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kampung_desktop.scoring import Rules, load_rules

CRITERIA = tuple(
    f"{aspect}{letter}"
    for aspect, letters in zip("1234567", ("abc", "ab", "ab", "abc", "ab", "ab", "ab"), strict=True)
    for letter in letters
)
DENOMINATORS = (
    "luas_ha",
    "jumlah_bangunan",
    "jumlah_kk",
    "panjang_jalan_ideal_m",
    "panjang_drainase_ideal_m",
)

KotakuAnswers = Callable[..., dict[str, Any]]


@pytest.fixture(scope="session")
def kotaku() -> Rules:
    return load_rules("kotaku")


@pytest.fixture
def kotaku_answers() -> KotakuAnswers:
    """Answers with every denominator 100 (so a volume *is* its percentage) and every volume 0;
    keyword arguments override fields, e.g. kotaku_answers(v_1a=26, jumlah_bangunan=50)."""

    def build(**overrides: Any) -> dict[str, Any]:
        answers: dict[str, Any] = {name: 100 for name in DENOMINATORS}
        answers["jumlah_penduduk"] = 400
        answers.update({f"v_{c}": 0 for c in CRITERIA})
        answers.update(overrides)
        return answers

    return build
