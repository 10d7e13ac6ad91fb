"""The "Mulai penilaian" dialog: no stray box, forms that fit what is assessed, whole lines,
and its buttons in the UI language."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date  # noqa: E402

import pytest  # noqa: E402

from kampung_desktop.core.nik import Sex, compose  # noqa: E402
from kampung_desktop.core.registry import HouseholdInput, MemberInput  # noqa: E402
from kampung_desktop.services.interviews import InterviewService  # noqa: E402
from kampung_desktop.services.registry import RegistryService  # noqa: E402
from kampung_desktop.ui.interview.start_dialog import StartDialog  # noqa: E402
from kampung_desktop.ui.qt import QDialogButtonBox, QSpinBox  # noqa: E402

KELURAHAN = "36.71.09.1002"
AREA_FORMS = {"kotaku_baseline", "bantar_rt", "ksm_potential"}


@pytest.fixture
def service(ctx):
    svc = InterviewService.for_context(ctx)
    svc.forms()  # installs the shipped forms
    return svc


@pytest.fixture
def household_id(ctx):
    head = MemberInput("Budi Santoso", "L", "1", nik=compose("367109", Sex.MALE,
                       date(1980, 8, 17), 1), birth_date=date(1980, 8, 17), marital_status="2")  # fmt: skip
    draft = HouseholdInput(KELURAHAN, 5, 12, "Jl. Melati III No. 7", members=[head])
    return RegistryService(ctx.db, ctx.user_id).save(draft).household_id


def _forms(dialog) -> list[str]:
    return [dialog.form.itemData(i) for i in range(dialog.form.count())]


def test_for_a_household_no_stray_box_and_only_household_forms(qtbot, service, household_id):
    for _ in range(3):  # a few existing assessments with long lines
        service.start("household_assessment", "", household_id=household_id)
    dialog = StartDialog(service, "id", household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [s for s in dialog.findChildren(QSpinBox) if s.isVisible()] == []
    assert _forms(dialog) and not AREA_FORMS & set(_forms(dialog))
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Batal"
    existing = dialog.existing
    assert existing.count() == 3 and existing.wordWrap()
    assert not existing.horizontalScrollBar().isVisible()
    dialog.grab().save(str(os.environ.get("KAMPUNG_SHOT", "/dev/null")), "PNG")


def test_for_an_area_the_area_forms_come_first(qtbot, service):
    dialog = StartDialog(service, "en")
    qtbot.addWidget(dialog)
    forms = _forms(dialog)
    assert set(forms[:3]) == AREA_FORMS and "household_assessment" in forms
    assert dialog.rw is not None and dialog.rw.minimum() == 1
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Cancel"
