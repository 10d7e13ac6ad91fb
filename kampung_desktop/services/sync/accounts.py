"""Fetch the server's accounts for this laptop (`GET /api/v1/accounts`) and keep them.

Called by `SyncService` after enrolment (the enrolling user's password is at hand, so the
database key is wrapped for them) and after each sync (new passwords, disabled accounts and
new colleagues take effect). A failed fetch never fails a sync: the accounts kept stay valid.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kampung_sync.client import Cancelled, ServerRefused, SyncClient, Unreachable
from kampung_sync.protocol import Account

from kampung_desktop.services.access import AccessSession
from kampung_desktop.services.access_server import store_server_accounts
from kampung_desktop.storage.access_file import AccessFileDamaged

if TYPE_CHECKING:
    from kampung_desktop.services.app import AppContext

log = logging.getLogger(__name__)


def refresh_accounts(
    ctx: AppContext,
    client: SyncClient,
    *,
    enrolled: Account | None = None,
    password: str | None = None,
) -> AccessSession | None:
    """Store the accounts of this device's scope; at enrolment (`enrolled` and its
    `password`) also wrap the key for that user, protecting an unprotected dir (the returned
    session then becomes `ctx.access`; its database is encrypted at the next keyed open)."""
    try:
        accounts = client.accounts().accounts
    except (Unreachable, ServerRefused, Cancelled) as exc:
        log.info("account list not fetched (%s)", type(exc).__name__)
        if enrolled is None:
            return None
        accounts = []  # an older server: at least the enrolling account itself
    if enrolled is not None and all(a.user_id != enrolled.user_id for a in accounts):
        accounts = [*accounts, enrolled]
    enrolling = (enrolled.username, password) if enrolled is not None and password else None
    try:
        session = store_server_accounts(
            ctx.data_dir,
            accounts,
            session_key=ctx.access.db_key if ctx.access else None,
            enrolling=enrolling,
        )
    except (AccessFileDamaged, OSError) as exc:
        if enrolling is not None:
            raise  # enrolment must say why the laptop is not protected
        log.warning("accounts not stored (%s)", type(exc).__name__)
        return None
    if session is not None and ctx.access is None:
        ctx.access = session
    return session
