"""The failures views catch, named where views may import them (views never import storage)."""

from __future__ import annotations

from kampung_desktop.storage.errors import DatabaseUnavailable, ValidationFailed

__all__ = ["DatabaseUnavailable", "ValidationFailed"]
