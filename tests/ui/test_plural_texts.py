"""Counted texts say "1 page" and "2 pages" (Qt plural forms), and the wizard's own texts come
from the .ts flow in the form's language whatever the app's language."""

from __future__ import annotations

import pytest

from kampung_desktop.ui import i18n
from kampung_desktop.ui.interview.texts import PLURALS, InterviewTexts, t
from kampung_desktop.ui.qt import QCoreApplication


@pytest.fixture
def english(qapp):
    assert i18n.apply("en"), "kampung_en.qm missing: run tools/build_translations.py"
    yield
    i18n.apply("id")


@pytest.mark.parametrize(
    ("context", "source", "one", "two"),
    [
        ("PdfPreview", "%Ln halaman · {path}", "1 page · {path}", "2 pages · {path}"),
        ("ProgramTab", "%Ln penilaian", "1 assessment", "2 assessments"),
        ("ReviewWindow", "{area} · %Ln penilaian", "{area} · 1 assessment", "{area} · 2 assessments"),
        ("ConflictDialog", "Masih %Ln isian belum dipilih.", "1 field still to choose.",
         "2 fields still to choose."),
        ("ImportDialog", "%Ln baris ditolak, ditulis ke {file}.", "1 row rejected, written to {file}.",
         "2 rows rejected, written to {file}."),
    ],
)  # fmt: skip
def test_counted_texts_have_a_singular_and_a_plural(english, context, source, one, two):
    assert QCoreApplication.translate(context, source, "", 1) == one
    assert QCoreApplication.translate(context, source, "", 2) == two


def test_counts_are_grouped_the_language_s_way(english):
    assert (
        QCoreApplication.translate("ProgramTab", "%Ln penilaian", "", 1234) == "1,234 assessments"
    )
    i18n.apply("id")
    assert QCoreApplication.translate("ProgramTab", "%Ln penilaian", "", 1234) == "1.234 penilaian"


def test_wizard_texts_follow_the_form_language_not_the_app(qapp):
    i18n.apply("id")  # the app in Bahasa Indonesia, the form read in English
    assert t("next", "en") == "Next ▶" and t("next", "id") == "Lanjut ▶"
    assert t("roster.count", "en", count=1) == "1 entry"
    assert t("roster.count", "en", count=1200) == "1,200 entries"
    assert t("roster.count", "id", count=1200) == "1.200 baris"
    assert t("summary.missing", "en", count=1).startswith("1 answer is missing")
    assert t("window.title", "en", form="Bantar") == "Interview — Bantar"


def test_the_plural_sources_lupdate_sees_are_the_ones_used(qapp):
    i18n.apply("id")
    shown = InterviewTexts().plural_sources(3)
    assert shown == {key: text.replace("%Ln", "3") for key, text in PLURALS.items()}
