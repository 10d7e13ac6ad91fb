"""Services refuse what a role may not do, so a hidden menu cannot be reached another way:
an enumerator cannot approve, decide, revoke or print; an operator only in its kelurahan."""

from __future__ import annotations

import pytest

from kampung_desktop.core.roles import Role
from kampung_desktop.services.access import AccessDenied, AccessSession, Principal
from kampung_desktop.services.printing import PrintingService, PrintRequest
from kampung_desktop.services.review import ReviewService

KEL = "15.71.02.1002"  # Pasir Putih
OTHER = "15.71.01.1001"  # Simpang IV Sipin


def session(role: Role, scope: tuple[str, ...] = ()) -> AccessSession:
    return AccessSession(Principal(f"{role.value}1", f"id-{role.value}", "", role, scope), None)


@pytest.fixture
def decided(ctx):
    awards = PrintingService(ctx.db, ctx.user_id).awards
    awards.decide("bantar", 2026, KEL, 1, 1, "kecil")
    awards.decide("bantar", 2026, OTHER, 2, 2, "sedang")
    return awards


def test_an_enumerator_cannot_review_decide_revoke_or_print(ctx, decided, tmp_path):
    enumerator = session(Role.ENUMERATOR)
    review = ReviewService(ctx.db, ctx.user_id, tmp_path / "cache", enumerator)
    with pytest.raises(AccessDenied, match="enumerator"):
        review.approve("any-assessment")
    with pytest.raises(AccessDenied):
        review.return_for_correction("any-assessment", "perbaiki")
    with pytest.raises(AccessDenied):
        review.decide_rt("bantar", 2026, KEL, 1, 2, "kecil", override_reason="uji")
    decision_id = review.decisions("bantar", 2026)[0].decision.id
    with pytest.raises(AccessDenied):
        review.revoke(decision_id, "uji")
    printing = PrintingService(ctx.db, ctx.user_id, enumerator)
    with pytest.raises(AccessDenied):
        printing.run(PrintRequest("bantar", 2026, KEL, out_pdf=tmp_path / "p.pdf"))
    assert not (tmp_path / "p.pdf").exists()
    assert len(review.decisions("bantar", 2026)) == 2  # nothing changed


def test_an_operator_works_only_in_its_kelurahan(ctx, decided, tmp_path):
    operator = session(Role.OPERATOR, (KEL,))
    review = ReviewService(ctx.db, ctx.user_id, tmp_path / "cache", operator)
    with pytest.raises(AccessDenied, match=OTHER):
        review.decide_rt("bantar", 2026, OTHER, 3, 3, "kecil", override_reason="uji")
    decision, _ = review.decide_rt("bantar", 2026, KEL, 1, 2, "kecil", override_reason="uji")
    assert decision.kelurahan_kode == KEL
    printing = PrintingService(ctx.db, ctx.user_id, operator)
    assert {r.decision.kelurahan_kode for r in printing.batch("bantar", 2026, None)} == {KEL}
    with pytest.raises(AccessDenied):
        printing.run(PrintRequest("bantar", 2026, OTHER, out_pdf=tmp_path / "o.pdf"))


def test_without_a_session_everything_works_as_before(ctx, decided, tmp_path):
    printing = PrintingService(ctx.db, ctx.user_id)
    assert len(printing.batch("bantar", 2026, None)) == 2
    admin = PrintingService(ctx.db, ctx.user_id, session(Role.ADMIN))
    assert len(admin.batch("bantar", 2026, None)) == 2


def test_an_enumerator_interviews_only_in_its_kelurahan(ctx):
    from kampung_desktop.services.interviews import InterviewService

    service = InterviewService(ctx.db, ctx.user_id, ctx.data_dir / "forms-cache")
    service.forms()
    scoped = InterviewService(
        ctx.db, ctx.user_id, ctx.data_dir / "forms-cache", session(Role.ENUMERATOR, (KEL,))
    )
    with pytest.raises(AccessDenied, match=OTHER):
        scoped.start("household_assessment", OTHER, rw=1, rt=1)
    assert scoped.start("household_assessment", KEL, rw=1, rt=1)


def test_the_review_lists_only_the_operators_kelurahan(ctx, decided, tmp_path):
    scoped = ReviewService(ctx.db, ctx.user_id, tmp_path / "cache", session(Role.OPERATOR, (KEL,)))
    assert [k.kode for a in scoped.areas() for k in a.children] == [KEL]
    assert {r.decision.kelurahan_kode for r in scoped.decisions("bantar", 2026)} == {KEL}
    everyone = ReviewService(ctx.db, ctx.user_id, tmp_path / "cache", session(Role.OPERATOR))
    assert len([k for a in everyone.areas() for k in a.children]) > 1
    assert len(everyone.decisions("bantar", 2026)) == 2


def test_the_registry_keeps_a_scoped_account_in_its_kelurahan(ctx):
    from kampung_desktop.core.registry import HouseholdInput, MemberInput
    from kampung_desktop.services.registry import RegistryService

    def draft(kode: str) -> HouseholdInput:
        members = [MemberInput("Budi Santoso", "L", "1")]
        return HouseholdInput(
            kelurahan_kode=kode, rw=1, rt=1, address="Jl. Mawar 1", members=members
        )

    elsewhere = RegistryService(ctx.db, ctx.user_id).save(draft(OTHER)).household_id
    scoped = RegistryService(ctx.db, ctx.user_id, session(Role.ENUMERATOR, (KEL,)))
    with pytest.raises(AccessDenied, match=OTHER):
        scoped.save(draft(OTHER))
    mine = scoped.save(draft(KEL)).household_id
    assert scoped.detail(mine) is not None
    assert scoped.detail(elsewhere) is None  # another kelurahan's household: not found
    assert scoped.draft_of(elsewhere) is None
    assert RegistryService(ctx.db, ctx.user_id).detail(elsewhere) is not None
