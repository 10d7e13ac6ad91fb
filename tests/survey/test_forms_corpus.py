"""Third-party XLSForms (pyxform's own test forms, BSD-licensed): each one runs here, or is
refused for the one reason a desktop cannot run it — and nothing ever crashes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kampung_desktop.survey.corpus import ACCEPTED, REFUSED, Report, classify, form_files, run

CORPUS = Path(__file__).parent / "fixtures" / "corpus"

#: Forms refused on purpose, with the one reason the report must give.
REFUSED_FORMS = {
    "case_insensitivity.xlsx": "Type 'osm c1' needs OpenStreetMap (osm)",
    "test_osm_933758f7.md": "Type 'osm' needs OpenStreetMap (osm)",
    "test_osm_970168a6.md": "Type 'osm' needs OpenStreetMap (osm)",
    "test_osm_bb99e9a0.md": "Type 'osm room_tags' needs OpenStreetMap (osm)",
    # pyxform passes it, JavaRosa cannot parse it either: a quote is missing.
    "test_external_instances_25f904af.md": "column 'required': the expression cannot be parsed",
}


@pytest.fixture(scope="module")
def report() -> Report:
    return run(CORPUS)


def test_the_corpus_is_there():
    assert len(form_files(CORPUS)) >= 80


def test_nothing_crashes_and_every_other_form_runs(report: Report):
    unexpected = {
        outcome.path.name: outcome.reason
        for outcome in report.outcomes
        if outcome.status != ACCEPTED and outcome.path.name not in REFUSED_FORMS
    }
    assert unexpected == {}
    assert report.count(ACCEPTED) == report.considered - len(REFUSED_FORMS)


@pytest.mark.parametrize("name", sorted(REFUSED_FORMS))
def test_refusals_name_the_feature(name: str):
    outcome = classify(CORPUS / name)
    assert outcome.status == REFUSED
    assert outcome.reason.startswith(REFUSED_FORMS[name])
    assert len(set(outcome.codes)) == 1  # one reason, no cascade of follow-up errors


def test_the_report_prints_counts_and_reasons(report: Report):
    lines = report.lines()
    assert lines[0] == f"forms: {len(report.outcomes)}, converted by pyxform: {report.considered}"
    assert lines[3] == "crashed: 0"
    assert any("needs OpenStreetMap (osm)" in line for line in lines)
