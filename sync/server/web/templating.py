"""One Jinja2 environment for every page: autoescaped, Indonesian number formatting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))


def angka(value: Any) -> str:
    """12345 -> '12.345' (Indonesian thousands separator)."""
    if value is None:
        return "–"
    return f"{int(value):,}".replace(",", ".")


def waktu(value: str | None) -> str:
    """ISO UTC text -> '2026-12-01 02:31 UTC' (or '–')."""
    if not value:
        return "–"
    return value[:16].replace("T", " ") + " UTC"


TEMPLATES.env.filters["angka"] = angka
TEMPLATES.env.filters["waktu"] = waktu


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    response = TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)
    # Pages show personal-data counts and live statuses: never cache them anywhere.
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'"
    )
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
