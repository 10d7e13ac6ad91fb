"""`/dashboard`: the city's overview for admins (whole city) and operators (their kelurahan).

Per kecamatan and kelurahan: households registered and verified, assessments by state, awards
and certificates; per device: its last sync and its rejections still waiting for a fix.
Server-rendered HTML, no JavaScript.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from kampung_sync.server.admin import overview
from kampung_sync.server.records import protocol_now
from kampung_sync.server.web import session as web_session
from kampung_sync.server.web.templating import render
from sqlalchemy.orm import Session

from kampung_desktop.core.labels import STATE_LABELS  # the words the laptops use

router = APIRouter(include_in_schema=False)


@router.get("/")
def home() -> Response:
    return RedirectResponse("/dashboard", status_code=303)


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request) -> Response:
    user = web_session.current_user(request)
    if user is None:
        return RedirectResponse("/login?next=/dashboard", status_code=303)
    scope = None if user.is_admin else list(user.scope)
    with Session(request.app.state.engine) as session:
        groups = overview.areas(session, scope)
        devices = overview.devices(session, scope)
    totals = overview.AreaRow("", "Total")
    for group in groups:
        totals.add(group.total)
    return render(
        request,
        "dashboard.html",
        {
            "user": user,
            "groups": groups,
            "totals": totals,
            "devices": devices,
            "states": overview.ASSESSMENT_STATES,
            "state_labels": STATE_LABELS,
            "generated_at": protocol_now(),
        },
    )
