"""Every knob of the server in one pydantic-settings class, read from `KAMPUNG_SERVER_*` env vars.

One class means an operator finds all settings in one place, and several workers started from the
same environment agree on them (the app keeps no other state than the database).
"""

from __future__ import annotations

from kampung_sync import protocol
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServerSettings(BaseSettings):
    """Server configuration; `database_url` is a SQLAlchemy URL (SQLite file or PostgreSQL)."""

    model_config = SettingsConfigDict(env_prefix="KAMPUNG_SERVER_", extra="ignore")

    database_url: str = "sqlite:///kampung-server.db"
    # Reserved for signing things the server hands out (web sessions); tokens are random.
    secret: str = "change-me"
    max_ops_per_batch: int = Field(default=protocol.MAX_OPS_PER_BATCH, ge=1)
    max_batch_bytes: int = Field(default=protocol.MAX_BATCH_BYTES, ge=1024)
    # A gzip bomb is refused once its inflated size passes this.
    max_inflated_bytes: int = Field(default=64 * 1024 * 1024, ge=1024)
    max_pull_limit: int = Field(default=protocol.MAX_PULL_LIMIT, ge=1)
    max_attachment_bytes: int = Field(default=50 * 1024 * 1024, ge=1)
    max_chunk_bytes: int = Field(default=protocol.ATTACHMENT_CHUNK_BYTES, ge=1)
    # Failed logins allowed per username + client address within the window before 429.
    login_max_failures: int = Field(default=5, ge=1)
    login_window_seconds: int = Field(default=900, ge=1)
    db_pool_size: int = Field(default=10, ge=1)
    # argon2id cost (RFC 9106's second recommendation by default). Hashes carry their own
    # parameters, so lowering these (e.g. for a test suite) never breaks existing passwords.
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_memory_kib: int = Field(default=65536, ge=8)
    argon2_parallelism: int = Field(default=4, ge=1)

    def limits(self) -> protocol.Limits:
        return protocol.Limits(
            max_ops_per_batch=min(self.max_ops_per_batch, protocol.MAX_OPS_PER_BATCH),
            max_batch_bytes=self.max_batch_bytes,
            max_pull_limit=min(self.max_pull_limit, protocol.MAX_PULL_LIMIT),
            max_attachment_bytes=self.max_attachment_bytes,
        )
