"""The laptop decodes pull pages with msgspec (kampung_sync.client.parse_page): the same fields
and defaults as the protocol's pydantic models, what they write decodes to the same values,
and what they refuse is refused."""

from __future__ import annotations

import json

import msgspec
import pytest
from kampung_sync import protocol
from kampung_sync.client import PulledChange, PulledPage, parse_page
from pydantic import BaseModel


def _fields(struct: type[msgspec.Struct]) -> dict[str, object]:
    info = msgspec.inspect.type_info(struct)
    return {f.name: (f.required, None if f.required else f.default) for f in info.fields}


def _model_fields(model: type[BaseModel]) -> dict[str, object]:
    return {
        name: (f.is_required(), None if f.is_required() else f.default)
        for name, f in model.model_fields.items()
    }


def test_decoded_page_mirrors_the_protocol_models() -> None:
    assert _fields(PulledChange) == _model_fields(protocol.Change)
    assert _fields(PulledPage) == _model_fields(protocol.PullResponse)


def _page() -> dict:
    sent = protocol.PullResponse(
        changes=[
            protocol.Change(
                seq=7,
                table="households",
                record_id="h1",
                revision=2,
                data={"id": "h1", "address": "Jl. Melati 1", "rw": 3},
            ),
            protocol.Change(
                seq=8,
                table="members",
                record_id="m1",
                revision=1,
                deleted=True,
                data={"id": "m1", "nested": {"a": [1, None]}},
            ),
        ],  # fmt: skip
        next_cursor=8,
        has_more=True,
        server_time="2026-12-01T08:00:00.000Z",
    )
    return json.loads(sent.model_dump_json())


def test_a_page_decodes_to_the_values_sent() -> None:
    page = parse_page(json.dumps(_page()).encode())
    assert (page.next_cursor, page.has_more, page.reset) == (8, True, False)
    first, second = page.changes
    assert (first.seq, first.table, first.record_id, first.revision, first.deleted) == (
        7, "households", "h1", 2, False,
    )  # fmt: skip
    assert first.data == {"id": "h1", "address": "Jl. Melati 1", "rw": 3}
    assert second.deleted and second.data["nested"] == {"a": [1, None]}


@pytest.mark.parametrize(
    "spoil",
    [
        lambda p: p["changes"][0].update(data=["not", "an", "object"]),
        lambda p: p["changes"][0].update(table="users"),
        lambda p: p["changes"][0].update(seq="7x"),
        lambda p: p["changes"][0].pop("record_id"),
        lambda p: p["changes"][0].update(surprise=1),
        lambda p: p.pop("next_cursor"),
        lambda p: p.update(extra=True),
    ],
)
def test_what_the_protocol_refuses_is_refused(spoil) -> None:  # type: ignore[no-untyped-def]
    page = _page()
    spoil(page)
    body = json.dumps(page).encode()
    with pytest.raises(ValueError):
        protocol.PullResponse.model_validate_json(body)
    with pytest.raises(ValueError):
        parse_page(body)


def test_bad_json_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_page(b'{"changes": [')
