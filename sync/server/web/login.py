"""`/login` and `/logout` for the city's pages (admins and operators only).

Failed logins count against the same per-username-and-address limit as device enrolment, so a
password cannot be guessed faster through the browser than through the API.
"""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from kampung_sync.server import accounts, db, ratelimit
from kampung_sync.server.errors import ApiError
from kampung_sync.server.tables import User
from kampung_sync.server.web import session as web_session
from kampung_sync.server.web.templating import render
from sqlalchemy import select

router = APIRouter(include_in_schema=False)
_DUMMY_HASH = accounts.hash_password("not-a-real-password")


def safe_next(target: str | None) -> str:
    """Only a path on this site (never `//host` or a full URL): no open redirect."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/dashboard"


def _page(request: Request, next_url: str, error: tuple[str, str] | None, status: int = 200):
    return render(
        request,
        "login.html",
        {"next": safe_next(next_url), "error": error, "user": None},
        status_code=status,
    )


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/dashboard") -> Response:
    if web_session.current_user(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return _page(request, next, None)


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    username: str = Form(default="", max_length=100),
    password: str = Form(default="", max_length=1000),
    next: str = Form(default="/dashboard", max_length=500),
) -> Response:
    settings = request.app.state.settings
    engine = request.app.state.engine
    client = (request.client.host if request.client else "unknown")[:100]
    username = username.strip().replace("\x00", "")  # PostgreSQL text cannot hold NUL
    password = password.replace("\x00", "")
    try:
        with db.transaction(engine) as session:
            ratelimit.check(session, username, client, settings)
            user = session.execute(
                select(User).where(User.username == username)
            ).scalar_one_or_none()
    except ApiError as exc:
        minutes = max(1, settings.login_window_seconds // 60)
        error = (
            f"Terlalu banyak percobaan gagal. Coba lagi dalam {minutes} menit.",
            f"Too many failed attempts. Try again in {minutes} minutes.",
        )
        return _page(request, next, error, status=exc.status)
    valid = accounts.verify_password(user.password_hash if user else _DUMMY_HASH, password)
    if user is None or not valid or user.disabled:
        with db.transaction(engine) as session:
            ratelimit.record_failure(session, username, client, settings)
            accounts.audit(session, "web_login_failed", user_id=user.id if user else None)
        error = (
            "Nama pengguna atau kata sandi salah.",
            "Wrong username or password.",
        )
        return _page(request, next, error, status=401)
    if user.role not in web_session.WEB_ROLES:
        error = (
            "Halaman ini hanya untuk admin kota dan operator kelurahan. Pencacah memakai "
            "aplikasi Kampung di laptop.",
            "These pages are for city admins and kelurahan operators only. Enumerators use "
            "the Kampung app on their laptop.",
        )
        return _page(request, next, error, status=403)
    with db.transaction(engine) as session:
        ratelimit.clear(session, username, client)
        accounts.audit(session, "web_login", user_id=user.id)
    response = RedirectResponse(safe_next(next), status_code=303)
    web_session.set_cookie(request, response, web_session.make_cookie(settings.secret, user))
    return response


@router.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/login", status_code=303)
    web_session.clear_cookie(response)
    return response
