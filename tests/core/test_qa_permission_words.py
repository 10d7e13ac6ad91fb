"""A refusal names the action in the app's own words (found in QA: an enumerator refused at
`awards decide` read "tidak boleh memutuskan bantuan" — *bantuan* is aid, not the award the
menus call *penghargaan* — and "mencetak sertifikat" where every screen says *piagam*)."""

from __future__ import annotations

from kampung_desktop.core.roles import Permission


def test_award_and_certificate_permissions_use_the_apps_words():
    decide, printing = Permission.DECIDE_AWARDS.label, Permission.PRINT.label
    assert decide.startswith("memutuskan penghargaan / ")
    assert printing.startswith("mencetak piagam / ")
    assert not any("bantuan" in p.label or "sertifikat" in p.label for p in Permission)
