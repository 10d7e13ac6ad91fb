"""Enrolment (`POST /api/v1/enrol`) and the bearer-token check every other API call goes through.

A laptop trades username + password once for a device token; from then on the token alone
identifies device, user, role and scope, so a revoked device or a disabled account is refused
on its very next call (401 with a code the client shows as a clear message).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from kampung_sync import protocol
from kampung_sync.server import accounts, db, ratelimit
from kampung_sync.server.errors import BAD_TEXT, ApiError, has_bad_text
from kampung_sync.server.records import protocol_now
from kampung_sync.server.settings import ServerSettings
from kampung_sync.server.tables import Device, User
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

router = APIRouter(prefix=protocol.API_PREFIX, tags=["sync"])
bearer = HTTPBearer(auto_error=False, description="The device token from `enrol`.")


@dataclass(frozen=True)
class Caller:
    """Who is calling: the device and its user (detached copies, safe outside a session)."""

    device: Device
    user: User

    @property
    def is_admin(self) -> bool:
        return self.user.role == "admin"

    def in_scope(self, kelurahan_kode: str | None) -> bool:
        """City-wide rows (no kelurahan) are in everyone's scope; admins see the whole city."""
        return self.is_admin or kelurahan_kode is None or kelurahan_kode in self.user.scope


def settings_of(request: Request) -> ServerSettings:
    return request.app.state.settings


def check_protocol_header(request: Request) -> None:
    """400 `protocol_version` when the client announces a protocol this server does not speak."""
    announced = request.headers.get(protocol.PROTOCOL_HEADER)
    if announced is not None and announced.strip() != str(protocol.PROTOCOL_VERSION):
        raise ApiError(400, "protocol_version", got=announced[:20], want=protocol.PROTOCOL_VERSION)


def check_protocol_field(value: int) -> None:
    if value != protocol.PROTOCOL_VERSION:
        raise ApiError(400, "protocol_version", got=value, want=protocol.PROTOCOL_VERSION)


def current_caller(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Caller:
    """The enrolled, unrevoked device behind the bearer token, or 401 with the reason."""
    check_protocol_header(request)
    if credentials is None or not credentials.credentials:
        raise ApiError(401, "unauthorized", headers={"WWW-Authenticate": "Bearer"})
    digest = accounts.token_hash(credentials.credentials)
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        found = session.execute(
            select(Device, User)
            .join(User, User.id == Device.user_id)
            .where(Device.token_hash == digest)
        ).first()
        if found is None:
            raise ApiError(401, "unauthorized", headers={"WWW-Authenticate": "Bearer"})
        device, user = found
        session.expunge_all()
    if device.revoked_at is not None:
        raise ApiError(401, "device_revoked")
    if user.disabled:
        raise ApiError(401, "account_disabled")
    return Caller(device=device, user=user)


CallerDep = Annotated[Caller, Depends(current_caller)]


def _client_address(request: Request) -> str:
    return (request.client.host if request.client else "unknown")[:100]


def _enrol_once(
    engine: Engine, user: User, body: protocol.EnrolRequest, username: str, client: str
) -> tuple[Device, str]:
    """Register the device; two simultaneous first enrolments of one laptop (a double click)
    race on its id, and the loser simply takes the winner's row on a second try."""
    for attempt in (1, 2):
        try:
            with db.transaction(engine) as session:
                existing = session.get(Device, body.device_id)
                if existing is not None and existing.revoked_at is not None:
                    raise ApiError(401, "device_revoked")
                ratelimit.clear(session, username, client)
                return accounts.enrol_device(
                    session, user, device_id=body.device_id, device_name=body.device_name
                )
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


@router.post(
    "/enrol",
    response_model=protocol.EnrolResponse,
    responses={401: {"model": protocol.ErrorResponse}, 429: {"model": protocol.ErrorResponse}},
)
def enrol(body: protocol.EnrolRequest, request: Request) -> protocol.EnrolResponse:
    """Trade username + password for a device token (once per laptop; again replaces it)."""
    check_protocol_header(request)
    check_protocol_field(body.protocol)
    if has_bad_text(body.model_dump()):
        raise ApiError(422, "invalid_request", detail=BAD_TEXT)
    settings = settings_of(request)
    client = _client_address(request)
    username = body.username.strip()
    engine = request.app.state.engine
    with db.transaction(engine) as session:
        ratelimit.check(session, username, client, settings)
        user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    valid = accounts.verify_password(
        user.password_hash if user else accounts.dummy_hash(), body.password
    )
    if user is None or not valid:
        with db.transaction(engine) as session:
            ratelimit.record_failure(session, username, client, settings)
            accounts.audit(session, "login_failed", user_id=user.id if user else None)
        raise ApiError(401, "bad_credentials")
    if user.disabled:
        raise ApiError(401, "account_disabled")
    device, token = _enrol_once(engine, user, body, username, client)
    return protocol.EnrolResponse(
        device_id=device.id,
        device_code=device.device_code,
        token=token,
        account=protocol.Account(
            user_id=user.id,
            username=user.username,
            full_name=user.full_name,
            role=user.role,  # type: ignore[arg-type]
            scope=list(user.scope),
            password_verifier=user.password_hash,
        ),
        server_time=protocol_now(),
    )
