"""The FastAPI app factory. The app keeps no state but the database, so any number of workers
or hosts can serve the same city behind a reverse proxy.

    create_app(settings: ServerSettings | None = None) -> FastAPI

The engine and settings live on `app.state` (`engine`, `settings`); routers read them from
the request. The schema must already exist (`db.init_database`, run by `kampung server init`
and at `serve` start).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from kampung_sync import protocol
from kampung_sync.server import db, errors
from kampung_sync.server.records import protocol_now
from kampung_sync.server.settings import ServerSettings
from starlette.middleware.gzip import GZipMiddleware

DESCRIPTION = """
The Kampung city sync server: laptops enrol once, push their changes in batches and get one
receipt per record (`accepted`, `duplicate`, `conflict`, `rejected` with a reason in Bahasa
Indonesia and English), and pull a change feed of everything in their scope, paged by a
commit-ordered sequence number.

Every request other than `health` and `enrol` carries `Authorization: Bearer <device token>`.
Every error body is an `ErrorResponse` with a stable `code` and a bilingual message; bad input is
never a 5xx and never writes anything.

**The rules** (idempotent replay, base revisions, field merges and conflicts, scopes, cursors and
resets, attachments, certificate numbers) are written down in `docs/sync-protocol.md` of the
Kampung source tree (the shapes below are `kampung_sync.protocol`).
"""


def create_app(settings: ServerSettings | None = None) -> FastAPI:
    """Build the app for `settings` (default: from `KAMPUNG_SERVER_*` environment variables)."""
    settings = settings or ServerSettings()
    engine = db.make_engine(settings.database_url, settings.db_pool_size)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        lifespan=lifespan,
        title="Kampung sync server",
        version=f"protocol {protocol.PROTOCOL_VERSION}",
        description=DESCRIPTION,
        responses={"4XX": {"model": protocol.ErrorResponse}},
    )
    app.state.settings = settings
    app.state.engine = engine
    errors.install_handlers(app)
    # Pull pages are large JSON; laptops on mobile data get them compressed. Level 6 (zlib's
    # default): a 5,000-record page costs 10 ms of CPU instead of 58 at Starlette's default 9,
    # for about 15 % more bytes.
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=6)

    @app.get(f"{protocol.API_PREFIX}/health", response_model=protocol.Health, tags=["sync"])
    def health() -> protocol.Health:
        """Cheap reachability check: no auth, no database access; says the server's limits."""
        return protocol.Health(server_time=protocol_now(), limits=settings.limits())

    from kampung_sync.server import routes

    routes.include(app)
    from kampung_sync.server import web  # the city's pages and /verify (server-ops)

    web.include(app)
    return app
