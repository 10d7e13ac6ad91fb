"""Rule files are validated on load: each mistake names the file, the key and what is wrong."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kampung_desktop.scoring import (
    PROGRAM_FORMS,
    RulesError,
    load_rules,
    load_rules_file,
    parse_rules,
    score,
)

BASE = """
[program]
id = "demo"
title = "Demo"

[scales.s]
bands = [{ min = 50, score = 2 }, { min = 10, score = 1 }]

[[indicators]]
id = "x"
kind = "ratio"
volume = "a"
denominator = "b"
scale = "s"

[[levels]]
code = "HI"
label = "Tinggi"
min = 2

[[levels]]
code = "LO"
label = "Rendah"
min = 0
"""


def _error(text: str) -> RulesError:
    with pytest.raises(RulesError) as caught:
        parse_rules(text, source="demo.scoring.toml")
    return caught.value


def test_base_rules_load_and_score():
    rules = parse_rules(BASE, source="demo.scoring.toml")
    assert rules.fields() == ["a", "b"]
    assert score(rules, {"a": 5, "b": 10}).level == "HI"
    assert score(rules, {"a": 0.9, "b": 10}).level == "LO"


@pytest.mark.parametrize("program", sorted(PROGRAM_FORMS))
def test_shipped_rule_files_load(program):
    rules = load_rules(program)
    assert rules.program == program
    assert rules.form == f"{PROGRAM_FORMS[program]}.xlsx"
    assert rules.indicators and rules.levels


def test_kotaku_rules_have_the_sixteen_criteria(kotaku):
    ratios = [i for i in kotaku.indicators if i.kind == "ratio"]
    assert [i.id for i in ratios] == [
        "1a", "1b", "1c", "2a", "2b", "3a", "3b", "4a", "4b", "4c", "5a", "5b", "6a", "6b", "7a", "7b",
    ]  # fmt: skip
    assert all(i.volume == f"v_{i.id}" and i.cap == 100 and i.decimals == 2 for i in ratios)
    assert [(lv.code, lv.min) for lv in kotaku.levels] == [
        ("KB", 60),
        ("KS", 38),
        ("KR", 16),
        ("TK", 0),
    ]


def test_error_text_is_bilingual_and_names_the_file():
    error = _error(BASE.replace('denominator = "b"', 'denominater = "b"'))
    assert error.code == "rules.unknown_key"
    assert "demo.scoring.toml" in str(error)
    assert "indicators[#1].denominater" in error.text("id")
    assert "tidak dikenal" in error.text("id")
    assert "unknown key" in error.text("en")
    assert str(error) == f"{error.text('id')} / {error.text('en')}"


@pytest.mark.parametrize(
    ("change", "code", "key"),
    [
        (("[program]", "[programme]"), "rules.unknown_key", "programme"),
        (('id = "demo"\n', ""), "rules.missing_key", "program.id"),
        (('kind = "ratio"', 'kind = "ratios"'), "rules.value", "indicators[x].kind"),
        (('denominator = "b"\n', ""), "rules.missing_key", "indicators[x].denominator"),
        (('scale = "s"', 'scale = "t"'), "rules.reference", "indicators[x].scale"),
        (('scale = "s"', 'scale = "s"\npoints = { a = 1 }'), "rules.value", "indicators[x].points"),
        (('scale = "s"', 'scale = "s"\ngroup = "g"'), "rules.reference", "indicators[x].group"),
        (('scale = "s"', 'scale = "s"\ndecimals = "two"'), "rules.type", "indicators[x].decimals"),
        (('scale = "s"', 'scale = "s"\ncap = -1'), "rules.value", "indicators[x].cap"),
        (
            ('scale = "s"', 'scale = "s"\non_over = "ignore"'),
            "rules.value",
            "indicators[x].on_over",
        ),
        (("min = 50", "min = 5"), "rules.value", "scales.s.bands[2].min"),
        (("score = 2", 'score = "dua"'), "rules.type", "scales.s.bands[1].score"),
        (("min = 2\n", "min = -1\n"), "rules.value", "levels[LO].min"),
        (
            ('label = "Rendah"\nmin = 0', 'label = "Rendah"\nmin = 1'),
            "rules.value",
            "levels[LO].min",
        ),
        (('code = "LO"', 'code = "HI"'), "rules.duplicate", "levels[HI].code"),
        (('label = "Tinggi"\n', ""), "rules.missing_key", "levels[HI].label"),
    ],
)
def test_schema_errors_name_the_key(change, code, key):
    old, new = change
    assert old in BASE
    error = _error(BASE.replace(old, new, 1))
    assert error.code == code
    assert f"'{key}'" in error.text("id"), error.text("id")
    assert f"'{key}'" in error.text("en")


def test_duplicate_indicator_id():
    extra = '\n[[indicators]]\nid = "x"\nkind = "boolean"\nfield = "c"\n'
    error = _error(BASE + extra)
    assert error.code == "rules.duplicate"
    assert "indicators[x].id" in str(error)


def test_groups_require_each_indicator_to_name_one():
    extra = '\n[[groups]]\nid = "g"\nlabel = "G"\n'
    error = _error(BASE + extra)
    assert error.code == "rules.missing_key"
    assert "indicators[x].group" in str(error)


def test_negative_group_weight():
    extra = '\n[[groups]]\nid = "g"\nweight = -2\n'
    error = _error(BASE.replace('scale = "s"', 'scale = "s"\ngroup = "g"') + extra)
    assert "groups[g].weight" in str(error)


def test_weighted_total_needs_groups():
    error = _error(BASE + '\n[total]\nmethod = "weighted_percent"\n')
    assert error.code == "rules.value" and "'groups'" in str(error)


def test_unknown_total_method():
    error = _error(BASE + '\n[total]\nmethod = "average"\n')
    assert "total.method" in str(error)


def test_points_must_be_numbers():
    extra = '\n[[indicators]]\nid = "c"\nkind = "choice"\nfield = "c"\npoints = { ya = "lima" }\n'
    error = _error(BASE + extra)
    assert error.code == "rules.type"
    assert "indicators[c].points.ya" in str(error)


def test_invalid_toml_names_the_file_and_line():
    error = _error(BASE + "\n[[indicators]\n")
    assert error.code == "rules.toml"
    assert "demo.scoring.toml" in str(error) and "line" in str(error)


def test_defaults_apply_and_can_be_overridden():
    text = BASE.replace("[[indicators]]", "[defaults]\ncap = 40\ndecimals = 0\n\n[[indicators]]", 1)
    rules = parse_rules(text, source="demo.scoring.toml")
    assert rules.indicators[0].cap == 40
    assert score(rules, {"a": 7, "b": 8}).item("x").percent == 40
    assert score(rules, {"a": 1, "b": 8}).item("x").percent == 13  # 12.5 → 13 half-up


def test_cutoffs_keep_their_exact_value():
    rules = parse_rules(BASE.replace("min = 50", "min = 75.5"), source="demo.scoring.toml")
    assert rules.scales["s"].bands[0].min == Decimal("75.5")


def test_missing_file(tmp_path: Path):
    with pytest.raises(RulesError) as caught:
        load_rules_file(tmp_path / "nothing.scoring.toml")
    assert caught.value.code == "rules.unreadable"
    assert "nothing.scoring.toml" in str(caught.value)


def test_unknown_program():
    with pytest.raises(RulesError) as caught:
        load_rules("kampungku")
    assert caught.value.code == "rules.unknown_program"
    assert "kotaku" in str(caught.value)


def test_program_id_must_match_the_file(tmp_path: Path):
    (tmp_path / "bantar_rt.scoring.toml").write_text(BASE, encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules("bantar", folder=tmp_path)
    assert "program.id" in str(caught.value)


def test_edited_rule_file_is_reloaded(tmp_path: Path):
    path = tmp_path / "ksm_potential.scoring.toml"
    path.write_text(BASE.replace('"demo"', '"ksm"'), encoding="utf-8")
    assert load_rules("ksm", folder=tmp_path).title == "Demo"
    path.write_text(BASE.replace('"demo"', '"ksm"').replace('"Demo"', '"Baru"'), encoding="utf-8")
    import os

    os.utime(path, ns=(1, 10**18))  # a different mtime, whatever the file system's resolution
    assert load_rules("ksm", folder=tmp_path).title == "Baru"
