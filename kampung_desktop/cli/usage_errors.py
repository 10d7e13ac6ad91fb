"""Command-line mistakes answered in Bahasa Indonesia first, English second.

argparse words its errors in English only ("the following arguments are required: …"); the
users of `kampung` read Indonesian first. Every parser of the CLI is a `BilingualParser`
(subcommand parsers inherit the class), so each usage error keeps argparse's usage line and
exit status 2 and gains the Indonesian sentence in front of argparse's own English one.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's English message (after any "argument X: " prefix) -> the Indonesian sentence.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"the following arguments are required: (.+)"),
        "argumen wajib belum diberikan: {0}",
    ),
    (re.compile(r"unrecognized arguments: (.+)"), "argumen tidak dikenal: {0}"),
    (
        re.compile(r"invalid choice: (.+?) \(choose from (.+)\)"),
        "pilihan {0} tidak dikenal (pilih dari {1})",
    ),
    (re.compile(r"invalid \w+ value: (.+)"), "nilai {0} tidak sah"),
    (re.compile(r"expected one argument"), "perlu satu nilai"),
    (re.compile(r"expected at least one argument"), "perlu paling sedikit satu nilai"),
    (re.compile(r"not allowed with argument (.+)"), "tidak boleh dipakai bersama {0}"),
    (re.compile(r"ambiguous option: (.+?) could match (.+)"), "opsi {0} ambigu: bisa {1}"),
)
_ARGUMENT = re.compile(r"argument ([^:]+): (.+)")


def indonesian(message: str) -> str:
    """The Indonesian wording of one argparse error message (a general one if unknown)."""
    prefix, rest = "", message
    if found := _ARGUMENT.fullmatch(message):
        prefix, rest = f"argumen {found.group(1)}: ", found.group(2)
    for pattern, text in _PATTERNS:
        if found := pattern.fullmatch(rest):
            return prefix + text.format(*found.groups())
    return f"perintah tidak sah ({message})"


def bilingual(message: str, prog: str) -> str:
    """One line: Indonesian / English; a check of ours that already says both is kept as is."""
    found = _ARGUMENT.fullmatch(message)
    if found and " / " in found.group(2):
        return f"argumen / argument {found.group(1)}: {found.group(2)}"
    return f"{indonesian(message)}; lihat {prog} --help / {message}; see {prog} --help"


class BilingualParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {bilingual(message, self.prog)}\n")
