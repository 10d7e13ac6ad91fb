import json
from datetime import date

import pytest

from kampung_desktop.core import nik
from kampung_desktop.core.nik import Sex
from kampung_desktop.core.registry import HouseholdInput, MemberInput
from kampung_desktop.services.registry import RegistryService
from kampung_desktop.storage.errors import ValidationFailed

TODAY = date(2026, 11, 23)
KEL = "36.71.09.1001"  # Cibodas, Kec. Cibodas


def _member(name, sex, rel, born, serial, region="367109"):
    return MemberInput(
        name=name,
        sex=sex,
        relationship=rel,
        birth_date=born,
        nik=nik.compose(region, Sex(sex), born, serial),
    )


def _household(*members, **kw):
    values = {"kelurahan_kode": KEL, "rw": 12, "rt": 5, "address": "Jl. Melati No. 3"} | kw
    return HouseholdInput(members=list(members), **values)


@pytest.fixture
def service(ctx):
    return RegistryService(ctx.db, ctx.user_id)


def _count(ctx, sql):
    with ctx.db.raw() as conn:
        return conn.execute(sql).fetchone()[0]


def test_save_writes_rows_outbox_and_audit_together(ctx, service):
    draft = _household(
        _member("Budi Santoso", "L", "1", date(1980, 5, 1), 1),
        _member("Siti Aminah", "P", "2", date(1983, 2, 14), 2),
        no_kk="3671091203150007",
    )
    result = service.save(draft, TODAY)
    detail = service.detail(result.household_id)
    assert detail.household.head_name == "Budi Santoso"
    assert detail.household.member_count == 2
    assert [m.name for m in detail.members] == ["Budi Santoso", "Siti Aminah"]
    assert detail.kelurahan_nama == "Kel. Cibodas"
    # one outbox entry per record, in the same transaction
    assert _count(ctx, "SELECT count(*) FROM outbox WHERE op = 'insert'") == 3
    assert service.pending_changes() == 3
    # the audit log names fields but holds no personal data
    with ctx.db.raw() as conn:
        audit = conn.execute("SELECT user_id, entity, fields FROM audit_log").fetchall()
    assert len(audit) == 3 and all(a[0] == ctx.user_id for a in audit)
    assert "Budi" not in json.dumps(audit) and draft.members[0].nik not in json.dumps(audit)
    assert "nik" in json.loads([a for a in audit if a[1] == "members"][0][2])


def test_found_by_name_nik_kk_and_address(service):
    member = _member("Rahmat Hidayat", "L", "1", date(1975, 1, 9), 3)
    saved = service.save(
        _household(member, no_kk="3671091203150008", address="Gg. Kenanga 7"), TODAY
    )
    for query in (
        "rahmat",
        "Hidayat",
        "rah hid",
        member.nik,
        member.nik[:8],
        "3671091203150008",
        "kenanga",
    ):
        assert [r.id for r in service.search(query)] == [saved.household_id], query
    assert service.search("tidakada") == []


def test_edit_bumps_revision_and_queues_only_changes(ctx, service):
    saved = service.save(_household(_member("Dewi Lestari", "P", "1", date(1990, 3, 3), 4)), TODAY)
    draft = service.draft_of(saved.household_id)
    draft.address = "Jl. Mawar No. 9"
    draft.members.append(_member("Putri Lestari", "P", "3", date(2015, 8, 8), 5))
    service.save(draft, TODAY)
    detail = service.detail(saved.household_id)
    assert detail.household.revision == 2
    assert detail.household.address == "Jl. Mawar No. 9"
    with ctx.db.raw() as conn:
        ops = conn.execute("SELECT entity, op FROM outbox ORDER BY seq").fetchall()
    assert ops == [
        ("households", "insert"),
        ("members", "insert"),
        ("households", "update"),
        ("members", "insert"),
    ]
    assert [r.id for r in service.search("putri")] == [saved.household_id]
    assert service.search("melati") == []


def test_removing_a_member_is_a_queued_soft_delete(ctx, service):
    saved = service.save(
        _household(
            _member("Agus Salim", "L", "1", date(1970, 1, 1), 6),
            _member("Ani Salim", "P", "3", date(2000, 1, 1), 7),
        ),
        TODAY,
    )
    draft = service.draft_of(saved.household_id)
    draft.members.pop()
    service.save(draft, TODAY)
    assert [m.name for m in service.detail(saved.household_id).members] == ["Agus Salim"]
    assert _count(ctx, "SELECT count(*) FROM outbox WHERE op = 'delete'") == 1
    assert service.search("ani") == []


def test_invalid_nik_and_missing_fields_save_nothing(ctx, service):
    bad = MemberInput(name="", sex="L", relationship="1", nik="3671011708450000")
    with pytest.raises(ValidationFailed) as err:
        service.save(_household(bad, address=" ", rw=None), TODAY)
    assert set(err.value.problems) == {
        "household.address",
        "household.rw",
        "members.0.name",
        "members.0.nik",
    }
    assert [p.code for p in err.value.problems["members.0.nik"]] == ["nik.serial"]
    assert _count(ctx, "SELECT count(*) FROM households") == 0
    assert _count(ctx, "SELECT count(*) FROM outbox") == 0


def test_unknown_kelurahan_is_refused(service):
    with pytest.raises(ValidationFailed) as err:
        service.save(
            _household(_member("A", "L", "1", date(1980, 1, 1), 1), kelurahan_kode="36.71.09.1099"),
            TODAY,
        )
    assert set(err.value.problems) == {"household.kelurahan_kode"}


def test_nik_in_another_household_is_shown_and_blocks(ctx, service):
    first = _member("Joko Susilo", "L", "1", date(1968, 7, 7), 8)
    service.save(_household(first), TODAY)
    copy = MemberInput(name="Joko S", sex="L", relationship="1", nik=first.nik)
    with pytest.raises(ValidationFailed) as err:
        service.save(_household(copy, rw=3, rt=4), TODAY)
    [problem] = err.value.problems["members.0.nik"]
    assert problem.code == "nik.duplicate"
    assert "Kel. Cibodas, RT 005 / RW 012" in problem.text("id")
    assert _count(ctx, "SELECT count(*) FROM households") == 1


def test_same_nik_twice_in_one_household_blocks(service):
    a = _member("Eko Prasetyo", "L", "1", date(1980, 1, 1), 9)
    b = MemberInput(name="Eko P", sex="L", relationship="3", nik=a.nik)
    with pytest.raises(ValidationFailed) as err:
        service.save(_household(a, b), TODAY)
    assert [p.code for p in err.value.problems["members.1.nik"]] == ["nik.duplicate_here"]


def test_nik_disagreeing_with_entered_data_is_a_warning_only(service):
    m = _member("Wati", "P", "1", date(1985, 4, 4), 10)
    m.birth_date = date(1985, 4, 5)
    result = service.save(_household(m), TODAY)
    assert [p.code for p in result.warnings["members.0.nik"]] == ["nik.birth_mismatch"]
    assert service.detail(result.household_id) is not None


@pytest.mark.parametrize(
    ("lat", "lon", "fields"),
    [
        (500.0, 106.6, {"household.latitude"}),
        (-6.2, None, {"household.longitude"}),
        (106.6, -6.2, {"household.latitude", "household.longitude"}),
    ],
)
def test_coordinates_outside_indonesia_are_refused_by_the_service(ctx, service, lat, lon, fields):
    head = _member("A", "L", "1", date(1980, 1, 1), 1)
    with pytest.raises(ValidationFailed) as err:
        service.save(_household(head, latitude=lat, longitude=lon), TODAY)
    assert set(err.value.problems) == fields
    assert _count(ctx, "SELECT count(*) FROM households") == 0


def test_coordinates_are_kept_to_six_decimals(ctx, service):
    head = _member("A", "L", "1", date(1980, 1, 1), 1)
    saved = service.save(_household(head, latitude=-6.178312345, longitude=106.63191234), TODAY)
    with ctx.db.raw() as conn:
        row = conn.execute(
            "SELECT latitude, longitude FROM households WHERE id = ?", (saved.household_id,)
        ).fetchone()
    assert tuple(row) == (-6.178312, 106.631912)
