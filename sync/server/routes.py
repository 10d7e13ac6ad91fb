"""Which routers the app serves (one place, so the app factory stays short)."""

from __future__ import annotations

from fastapi import FastAPI


def include(app: FastAPI) -> None:
    """Mount the API routers (server-ops' admin and web routers mount from their packages)."""
    return None
