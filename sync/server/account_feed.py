"""`GET /api/v1/accounts`: the accounts a laptop keeps so people sign in there offline.

A device gets the accounts that share a kelurahan with its user, plus the city's admins
(every account for an admin's device), each with its argon2 password verifier and whether it
is disabled. The laptop checks passwords against these verifiers without a connection and
stops a disabled account at its next sync. Only staff accounts travel here, no residents' data.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from kampung_sync import protocol
from kampung_sync.server import db
from kampung_sync.server.auth import Caller, CallerDep
from kampung_sync.server.records import protocol_now
from kampung_sync.server.tables import User
from sqlalchemy import Engine, select

router = APIRouter(prefix=protocol.API_PREFIX, tags=["sync"])


def visible_accounts(engine: Engine, caller: Caller) -> list[protocol.Account]:
    """The accounts that may sign in on `caller`'s device (see module doc)."""
    mine = set(caller.user.scope)
    with db.transaction(engine) as session:
        users = session.execute(select(User).order_by(User.username)).scalars().all()
        return [
            protocol.Account(
                user_id=user.id,
                username=user.username,
                full_name=user.full_name,
                role=user.role,  # type: ignore[arg-type]
                scope=list(user.scope),
                password_verifier=user.password_hash,
                disabled=user.disabled,
            )
            for user in users
            if caller.is_admin or user.role == "admin" or mine & set(user.scope)
        ]


@router.get(
    "/accounts",
    response_model=protocol.AccountList,
    responses={401: {"model": protocol.ErrorResponse}},
)
async def account_list(request: Request, caller: CallerDep) -> protocol.AccountList:
    """The accounts that may sign in on the calling device, with their password verifiers."""
    accounts = await run_in_threadpool(visible_accounts, request.app.state.engine, caller)
    return protocol.AccountList(accounts=accounts, server_time=protocol_now())
