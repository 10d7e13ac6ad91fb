"""The web login session: a signed cookie, so any worker on any host accepts it (no server state).

The cookie holds the user id and an expiry, signed with HMAC-SHA256 keyed by the server secret
AND the user's current password hash: changing a password (or the secret) logs every browser of
that user out. Every request re-reads the user, so a disabled account or a narrowed scope takes
effect at once. Only admins and operators may use the web pages.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass

from fastapi import Request, Response
from kampung_sync.server.tables import User
from sqlalchemy.orm import Session

COOKIE = "kampung_session"
LIFETIME_SECONDS = 8 * 3600  # one working day
WEB_ROLES = ("admin", "operator")


@dataclass(frozen=True)
class WebUser:
    id: str
    username: str
    full_name: str
    role: str
    scope: tuple[str, ...]  # empty for an admin: the whole city

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _signature(secret: str, password_hash: str, payload: bytes) -> str:
    key = hashlib.sha256(f"{secret}\x00{password_hash}".encode()).digest()
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def make_cookie(secret: str, user: User, now: float | None = None) -> str:
    expires = int((now or time.time()) + LIFETIME_SECONDS)
    payload = base64.urlsafe_b64encode(json.dumps({"u": user.id, "e": expires}).encode())
    return f"{payload.decode()}.{_signature(secret, user.password_hash, payload)}"


def read_cookie(secret: str, session: Session, value: str | None) -> WebUser | None:
    """The signed-in user, or None for a missing, forged, expired or no-longer-allowed cookie."""
    if not value or value.count(".") != 1:
        return None
    payload_text, signature = value.split(".")
    try:
        payload = payload_text.encode("ascii")
        data = json.loads(base64.urlsafe_b64decode(payload))
        user_id, expires = str(data["u"]), int(data["e"])
    except (ValueError, KeyError, TypeError, UnicodeEncodeError):
        return None
    if expires < time.time():
        return None
    user = session.get(User, user_id)
    if user is None or user.disabled or user.role not in WEB_ROLES:
        return None
    if not hmac.compare_digest(signature, _signature(secret, user.password_hash, payload)):
        return None
    return WebUser(user.id, user.username, user.full_name, user.role, tuple(user.scope or ()))


def current_user(request: Request) -> WebUser | None:
    with Session(request.app.state.engine) as session:
        return read_cookie(request.app.state.settings.secret, session, request.cookies.get(COOKIE))


def set_cookie(request: Request, response: Response, value: str) -> None:
    response.set_cookie(
        COOKIE,
        value,
        max_age=LIFETIME_SECONDS,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )


def clear_cookie(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/")
