"""The demo admin (`demo seed --demo-admin`, what `make run` uses): a fresh data dir gets the
documented DEMO_ADMIN account and the demo mark, so the sign-in screen may show its password.
A published password must never guard real records, so a dir holding real data is refused."""

from __future__ import annotations

from pathlib import Path

from kampung_desktop.services import access, demo
from kampung_desktop.services.access import DEMO_ADMIN, AccessDenied, AccessSession
from kampung_desktop.services.app import AppContext
from kampung_desktop.storage.engine import database_path


def demo_admin_session(data_dir: Path) -> AccessSession | None:
    """The demo admin's session: created on a fresh (or demo-only) unprotected dir, signed in
    on a demo dir; None for a protected dir that is not demo (its own accounts decide)."""
    folder = Path(data_dir)
    if access.is_protected(folder):
        return access.sign_in(folder, *DEMO_ADMIN) if access.is_demo(folder) else None
    if database_path(folder).exists():
        ctx = AppContext.open(folder)
        try:
            fresh = ctx.demo_loaded() or not demo.household_count(ctx.db)
        finally:
            ctx.close()
        if not fresh:
            raise AccessDenied(
                "--demo-admin hanya untuk folder data baru atau data demo; folder ini berisi "
                "data sungguhan: buat admin dengan kampung users add",
                "--demo-admin is for a fresh or demo data dir only; this one holds real data: "
                "use kampung users add",
            )
    username, password = DEMO_ADMIN
    return access.create_first_admin(folder, username, password, "Admin Demo", demo=True)
