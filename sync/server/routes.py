"""Which routers the app serves (one place, so the app factory stays short)."""

from __future__ import annotations

from fastapi import FastAPI
from kampung_sync.server import account_feed, attachments, auth, pull, push


def include(app: FastAPI) -> None:
    """Mount the sync API routers."""
    for module in (auth, push, pull, attachments, account_feed):
        app.include_router(module.router)
    push.document_request_body(app)
