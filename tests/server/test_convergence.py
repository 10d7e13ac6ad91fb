"""Property: batches delivered out of order or more than once end in the same server state as
the same batches delivered once, in order (hypothesis generates the edit histories)."""

from __future__ import annotations

import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from server_core_support import household, member, op, record_rows, server, valid_nik

FIELD_VALUES = {
    "address": st.sampled_from(["Jl. Melati 1", "Jl. Mawar 2", "Gg. Kenari 3"]),
    "head_name": st.sampled_from(["Budi", "Siti", "Wayan"]),
    "rt": st.integers(1, 4),
    "member_count": st.integers(0, 6),
}
MEMBER_VALUES = {
    "name": st.sampled_from(["Budi", "Siti", "Ayu"]),
    "occupation": st.sampled_from(["", "Guru", "Petani"]),
}

# One edit: (record index, is member?, {field: value}, delete?)
edit = st.tuples(
    st.integers(0, 2),
    st.booleans(),
    st.one_of(
        st.fixed_dictionaries({}, optional=FIELD_VALUES),
        st.fixed_dictionaries({}, optional=MEMBER_VALUES),
    ),
    st.integers(0, 9).map(lambda n: n == 0),
)


def outbox(edits: list[Any], prefix: str) -> list[dict]:
    """The ops a laptop queues for `edits`, each a whole frozen record; ids start with prefix."""
    state: dict[tuple[str, int], dict] = {}
    revision: dict[tuple[str, int], int] = {}
    ops: list[dict] = []
    for index, is_member, changes, delete in edits:
        home_key = ("households", index)
        if home_key not in state:
            state[home_key] = household(f"{prefix}-h{index}")
            revision[home_key] = 1
            ops.append(op("households", state[home_key], op_id=f"{prefix}-op{len(ops)}"))
        if not is_member:
            key, fields = home_key, {k: v for k, v in changes.items() if k in FIELD_VALUES}
        else:
            key = ("members", index)
            fields = {k: v for k, v in changes.items() if k in MEMBER_VALUES}
            if key not in state:
                state[key] = member(
                    f"{prefix}-h{index}", f"{prefix}-m{index}", nik=valid_nik(index)
                )
                revision[key] = 1
                ops.append(op("members", state[key], op_id=f"{prefix}-op{len(ops)}"))
        if not fields and not delete:
            continue
        base = revision[key]
        revision[key] = base + 1
        state[key] = {**state[key], **fields, "deleted": delete or state[key].get("deleted")}
        ops.append(
            op(
                key[0],
                state[key],
                base=base,
                revision=base + 1,
                kind="delete" if delete else "update",
                fields=sorted(fields) + (["deleted"] if delete else []),
                op_id=f"{prefix}-op{len(ops)}",
            )
        )
    return ops


def batches(ops: list[dict], cuts: list[int]) -> list[list[dict]]:
    out, start = [], 0
    for size in cuts:
        if start >= len(ops):
            break
        out.append(ops[start : start + size])
        start += size
    if start < len(ops):
        out.append(ops[start:])
    return out


def normalised(srv, prefix: str) -> dict:  # type: ignore[no-untyped-def]
    rows = record_rows(srv)
    out = {}
    for (table, record_id), (rev, deleted, data) in rows.items():
        if record_id.startswith(prefix + "-"):
            plain = {k: v for k, v in data.items() if k not in ("id", "household_id")}
            out[(table, record_id[len(prefix) :])] = (rev, deleted, plain)
    return out


def test_out_of_order_and_repeated_batches_converge(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        steady, flaky = srv.device("steady"), srv.device("flaky")

        @settings(
            max_examples=25,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        )
        @given(
            edits=st.lists(edit, min_size=1, max_size=8),
            cuts=st.lists(st.integers(1, 3), max_size=8),
            data=st.data(),
        )
        def check(edits: list[Any], cuts: list[int], data: st.DataObject) -> None:
            run = uuid.uuid4().hex[:8]
            in_order, shuffled = f"a{run}", f"b{run}"
            for batch in batches(outbox(edits, in_order), cuts):
                steady.push(batch)

            sent = batches(outbox(edits, shuffled), cuts)
            deliveries = data.draw(
                st.permutations(sent + data.draw(st.lists(st.sampled_from(sent), max_size=3)))
            )
            waiting = []
            for batch in deliveries:
                receipts = flaky.push(batch)
                assert all(r.status != "conflict" for r in receipts)
                waiting += [
                    o for o, r in zip(batch, receipts, strict=True) if r.code == "parent_missing"
                ]
            # the laptop sends what waited for its parent again, as its outbox retry does
            if waiting:
                assert all(r.code != "parent_missing" for r in flaky.push(waiting))
            assert normalised(srv, shuffled) == normalised(srv, in_order)

        check()
