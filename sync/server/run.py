"""Run the server with uvicorn: `serve(db_url, host, port, workers)` (the CLI's `server run`).

Workers are separate processes that each build the app from the environment
(`KAMPUNG_SERVER_DATABASE_URL`), which is why the app factory takes everything from settings.
The schema is upgraded once here, before any worker starts, so workers never race on it.
"""

from __future__ import annotations

import gc
import os

import uvicorn
from fastapi import FastAPI
from kampung_sync.server.app import create_app
from kampung_sync.server.db import init_database
from kampung_sync.server.settings import ServerSettings

from kampung_desktop.core import nik

GC_YOUNG = 10_000  # allocations between collections of the youngest generation (default 700)


def app_from_environment() -> FastAPI:
    """uvicorn's factory for each worker process.

    Everything loaded so far (modules, SQLAlchemy metadata, pydantic schemas: a few hundred
    thousand objects that live as long as the process) is moved out of the garbage collector's
    reach: a push batch allocates enough to trigger full collections, and each re-walked all
    of it (measured: 30 % of the CPU of a 2,000-op batch). And the youngest generation is
    collected every 10,000 allocations instead of 700: a 2,000-op batch keeps ~100,000 objects
    alive while it is decided, which Python's default walked again and again (another 10-15 %
    of a push's CPU). Reference counting still frees everything at once; only cycles wait.
    """
    app = create_app(ServerSettings())
    nik.known_regency_prefix("3671")  # load the region table now, not in the first push
    gc.freeze()
    gc.set_threshold(GC_YOUNG, 10, 10)
    return app


def serve(db_url: str, host: str = "127.0.0.1", port: int = 8750, workers: int = 1) -> None:
    """Upgrade the schema, then serve until interrupted (blocks)."""
    init_database(db_url)
    os.environ["KAMPUNG_SERVER_DATABASE_URL"] = db_url
    uvicorn.run(
        "kampung_sync.server.run:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=max(1, workers),
        log_level="warning",
        access_log=False,  # URLs can carry record ids; keep logs free of personal data
        proxy_headers=True,
    )
