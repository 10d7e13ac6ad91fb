"""A mistyped command line is answered in Bahasa Indonesia first, English second (found in QA:
argparse's "error: the following arguments are required" and "invalid choice" were
English-only), still with the usage line and exit status 2."""

from __future__ import annotations

import pytest

from kampung_desktop.cli import main


@pytest.mark.parametrize(
    ("argv", "indonesian", "english"),
    [
        (["awards", "list"], "argumen wajib belum diberikan: --program", "required"),
        (
            ["users", "add", "--username", "x", "--role", "king", "--password-stdin"],
            "pilihan 'king' tidak dikenal",
            "invalid choice",
        ),
        (["db", "info", "--bogus"], "argumen tidak dikenal: --bogus", "unrecognized"),
        (["demo", "seed", "--households", "banyak"], "nilai 'banyak' tidak sah", "invalid"),
        (["db", "backup", "--out"], "--out: perlu satu nilai", "expected one argument"),
    ],
)
def test_usage_errors_are_bilingual(capsys, argv, indonesian, english):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: kampung")
    last = err.strip().splitlines()[-1]
    assert indonesian in last and english in last, last
    assert last.index(indonesian) < last.index(" / ") < last.index(english), last
    assert "--help" in last


def test_a_check_that_already_speaks_both_languages_is_not_repeated(capsys):
    with pytest.raises(SystemExit):
        main(["certificates", "report", "--program", "bantar", "--year", "12345", "--out", "x"])
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.count("tahun harus 1945..2200") == 1 and "year must be" in last, last


def test_every_subcommand_is_described_in_both_languages():
    import argparse

    from kampung_desktop.cli import build_parser

    missing: list[str] = []

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if " / " not in (choice.help or ""):
                        missing.append(f"{path} {choice.dest}")
                for name, sub in action.choices.items():
                    walk(sub, f"{path} {name}")

    walk(build_parser(), "kampung")
    assert not missing, missing
