"""The city's web pages, rendered on the server (Jinja2, no JavaScript): the certificate
verification page residents open from a QR code, and the login-protected overview for city
admins and kelurahan operators.

`include(app)` mounts them; the app factory calls it.
"""

from __future__ import annotations

from fastapi import FastAPI


def include(app: FastAPI) -> None:
    from kampung_sync.server.web import dashboard, login, verify

    app.include_router(verify.router)
    app.include_router(login.router)
    app.include_router(dashboard.router)
