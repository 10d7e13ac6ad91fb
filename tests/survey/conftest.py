"""Helpers for form-engine tests: forms are written inline as pyxform markdown tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest

from kampung_desktop.survey import Interview, load_form_markdown

FIXED_TODAY = date(2026, 11, 23)
FIXED_NOW = datetime(2026, 11, 23, 9, 30, 0)


@pytest.fixture
def make_interview() -> Callable[..., Interview]:
    """Build an interview of a markdown form, with a fixed clock."""

    def build(text: str, answers: dict[str, Any] | None = None, **kwargs: Any) -> Interview:
        kwargs.setdefault("today", FIXED_TODAY)
        kwargs.setdefault("now", FIXED_NOW)
        return Interview(load_form_markdown(text), answers, **kwargs)

    return build
