"""The role table: each role may do exactly what the plan for issue 12 lists, nothing more."""

from __future__ import annotations

import pytest

from kampung_desktop.core.roles import (
    Permission,
    Role,
    allows,
    in_scope,
    normalise_scope,
)

P = Permission
EXPECTED = {
    Role.ENUMERATOR: {P.VIEW_REGISTRY, P.EDIT_REGISTRY, P.INTERVIEW, P.SYNC, P.REVEAL_ID},
    Role.OPERATOR: {
        P.VIEW_REGISTRY,
        P.EDIT_REGISTRY,
        P.INTERVIEW,
        P.REVIEW,
        P.DECIDE_AWARDS,
        P.PRINT,
        P.EXPORT,
        P.SYNC,
        P.REVEAL_ID,
        P.BACKUP,
    },
    Role.ADMIN: set(Permission),
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("permission", list(Permission))
def test_role_matrix(role: Role, permission: Permission) -> None:
    assert allows(role, permission) is (permission in EXPECTED[role])


def test_enumerator_cannot_decide_or_print() -> None:
    assert not allows(Role.ENUMERATOR, P.DECIDE_AWARDS)
    assert not allows(Role.ENUMERATOR, P.PRINT)
    assert not allows(Role.OPERATOR, P.MANAGE_USERS)
    assert not allows(Role.OPERATOR, P.RESTORE)


def test_allows_takes_the_stored_string() -> None:
    assert allows("operator", P.PRINT)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        allows("kepala", P.PRINT)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("petugas", Role.ENUMERATOR),
        ("pemeriksa", Role.OPERATOR),
        ("admin", Role.ADMIN),
        ("enumerator", Role.ENUMERATOR),
        ("Operator", Role.OPERATOR),
    ],
)
def test_server_role_names(name: str, role: Role) -> None:
    assert Role.from_server(name) is role


def test_unknown_server_role() -> None:
    with pytest.raises(ValueError):
        Role.from_server("lurah")


def test_scope() -> None:
    scope = ["36.71.01.1001"]
    assert in_scope(scope, "36.71.01.1001")
    assert in_scope(scope, "3671011001")
    assert not in_scope(scope, "36.71.01.1002")
    assert not in_scope(scope, "36.71.02.1001")
    assert in_scope([], "36.71.02.1001")  # whole city
    assert in_scope(["36.71.01"], "36.71.01.1009")  # a kecamatan covers its kelurahan
    assert not in_scope(["36.71.01.1001"], "")


def test_normalise_scope() -> None:
    assert normalise_scope(["3671011002", "36.71.01.1001", " 36.71.01.1002 "]) == (
        "36.71.01.1001",
        "36.71.01.1002",
    )
