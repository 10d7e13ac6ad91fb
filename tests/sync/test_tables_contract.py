"""The laptop's sync tables match the wire contract: what it pushes is `PUSH_TABLES` in the
same order (parents first), and every table the pull feed may send is one the apply writes
(a table it did not know would be skipped without a word, and its cursor passed)."""

from __future__ import annotations

from kampung_sync import protocol

from kampung_desktop.storage import sync_apply
from kampung_desktop.storage.models import PUSHED_TABLES


def test_pushed_tables_are_the_protocols_in_its_order() -> None:
    assert tuple(PUSHED_TABLES) == protocol.PUSH_TABLES


def test_every_table_of_the_pull_feed_is_applied() -> None:
    applied = set(sync_apply.RECORD_TABLES) | {"wilayah", "form_versions", "conflicts"}
    assert set(protocol.PULL_TABLES) <= applied
    assert set(protocol.RECORD_MODELS) <= applied
