"""A damaged access.json keeps the data locked with a clear bilingual message; it is never
read as "no accounts" (which would unlock the dir) and never rewritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kampung_desktop.cli import main
from kampung_desktop.services import access
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.failures import EXIT_DATABASE, explain
from kampung_desktop.storage import access_file
from kampung_desktop.storage.access_file import ACCESS_FILE, AccessFileDamaged


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> dict:
    data_dir = tmp_path_factory.mktemp("good")
    access.create_first_admin(data_dir, "siti", "rahasia-123")
    return json.loads((data_dir / ACCESS_FILE).read_text(encoding="utf-8"))


def _damage(good: dict, how: str):  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(good))
    account = data["accounts"][0]
    if how == "not-json":
        return b'{"version": 1, "accounts": ['
    if how == "binary":
        return b"\xff\xfe\x00garbage"
    if how == "list":
        return b"[]"
    if how == "version":
        data["version"] = 2
    elif how == "role":
        account["role"] = "superuser"
    elif how == "scope":
        account["scope"] = "36.71.01.1001"
    elif how == "verifier":
        account["verifier"] = "plain-text"
    elif how == "missing":
        del account["wrapped_key"], account["kek_salt"]
    elif how == "duplicate":
        data["accounts"].append(dict(account, user_id="other"))
    elif how == "flags":
        data["encrypted"] = "yes"
    return json.dumps(data).encode()


CASES = ["not-json", "binary", "list", "version", "role", "scope", "verifier", "missing"]


@pytest.mark.parametrize("how", [*CASES, "duplicate", "flags"])
def test_damaged_file_is_refused_clearly(tmp_path: Path, good: dict, how: str) -> None:
    raw = _damage(good, how)
    (tmp_path / ACCESS_FILE).write_bytes(raw)
    with pytest.raises(AccessFileDamaged) as damaged:
        access.is_protected(tmp_path)
    failure = explain(damaged.value)
    assert failure is not None and failure.exit_code == EXIT_DATABASE
    assert "rusak" in failure.text("id") and "damaged" in failure.text("en")
    with pytest.raises(AccessFileDamaged):
        access.sign_in(tmp_path, "siti", "rahasia-123")
    with pytest.raises(AccessFileDamaged):
        AppContext.open(tmp_path)  # never taken for an unprotected dir
    assert (tmp_path / ACCESS_FILE).read_bytes() == raw
    assert not (tmp_path / "kampung.sqlite3").exists()


def test_cli_says_so_without_traceback(tmp_path: Path, good: dict, capsys) -> None:
    (tmp_path / ACCESS_FILE).write_bytes(_damage(good, "not-json"))
    code = main(
        ["awards", "list", "--data-dir", str(tmp_path), "--program", "bantar", "--year", "2025"]
    )
    err = capsys.readouterr().err
    assert code == EXIT_DATABASE
    assert "Berkas akun" in err and "accounts file" in err and "Traceback" not in err


def test_bad_salt_is_a_damaged_file(tmp_path: Path, good: dict) -> None:
    data = json.loads(json.dumps(good))
    data["accounts"][0]["kek_salt"] = "not base64 !!"
    (tmp_path / ACCESS_FILE).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AccessFileDamaged, match="kek_salt"):
        access.sign_in(tmp_path, "siti", "rahasia-123")


def test_save_is_atomic_and_leaves_no_temp_file(tmp_path: Path, good: dict) -> None:
    loaded = access_file._parse(tmp_path / ACCESS_FILE, good)
    access_file.save(tmp_path, loaded)
    access_file.save(tmp_path, loaded.with_changes(demo=True))
    assert [p.name for p in tmp_path.iterdir()] == [ACCESS_FILE]
    assert access_file.load(tmp_path) == loaded.with_changes(demo=True)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    field=st.sampled_from(
        ["username", "full_name", "role", "scope", "verifier", "kek_salt", "wrapped_key",
         "source", "disabled", "user_id"]
    ),
    value=JSON,
)  # fmt: skip
def test_any_field_value_is_read_or_refused_never_a_crash(tmp_path, good, field, value) -> None:
    """Whatever a field holds, the file is either valid accounts or AccessFileDamaged."""
    data = json.loads(json.dumps(good))
    data["accounts"][0][field] = value
    (tmp_path / ACCESS_FILE).write_text(json.dumps(data), encoding="utf-8")
    try:
        loaded = access_file.load(tmp_path)
    except AccessFileDamaged:
        return
    assert loaded is not None and len(loaded.accounts) == 1


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(["version", "encrypted", "demo", "accounts"]), value=JSON)
def test_any_top_level_value_is_read_or_refused(tmp_path, good, field, value) -> None:
    data = json.loads(json.dumps(good))
    data[field] = value
    (tmp_path / ACCESS_FILE).write_text(json.dumps(data), encoding="utf-8")
    try:
        loaded = access_file.load(tmp_path)
    except AccessFileDamaged:
        return
    assert loaded is not None and loaded.version == 1
