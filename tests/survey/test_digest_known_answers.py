"""ODK's digest() against published test vectors: FIPS 180-2 and RFC 1321 give the hashes of
'abc' (and of the empty string); a form's computed fingerprints must match other ODK tools."""

from __future__ import annotations

import pytest

from kampung_desktop.survey import Interview, load_form_markdown
from kampung_desktop.survey.xpath.compiler import Compiler

FORM = """
| survey |      |      |       |
|        | type | name | label |
|        | text | t    | T     |
"""

ABC = {
    "MD5": "900150983cd24fb0d6963f7d28e17f72",
    "SHA-1": "a9993e364706816aba3e25717850c26c9cd0d89d",
    "SHA-256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    "SHA-384": "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
    "8086072ba1e7cc2358baeca134c825a7",
    "SHA-512": "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
    "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
}


@pytest.fixture(scope="module")
def interview() -> Interview:
    return Interview(load_form_markdown(FORM), {"t": "abc"})


def run(iv: Interview, source: str):
    return Compiler(iv.form.nodes).compile(source, context=None, chain=(), column="x")(
        iv.env, iv.root
    )


@pytest.mark.parametrize(("algorithm", "hex_digest"), ABC.items())
def test_digest_of_abc_is_the_published_value(interview, algorithm, hex_digest):
    assert run(interview, f"digest('abc', '{algorithm}', 'hex')") == hex_digest
    assert run(interview, f"digest(${{t}}, '{algorithm.lower()}', 'HEX')") == hex_digest


def test_base64_is_the_default_encoding(interview):
    assert run(interview, "digest('abc', 'SHA-256')") == (
        "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
    )
    assert run(interview, "digest('', 'SHA-256', 'hex')") == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )


def test_an_unknown_algorithm_gives_an_empty_text(interview):
    assert run(interview, "digest('abc', 'SHA-3')") == ""
