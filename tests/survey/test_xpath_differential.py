"""Differential test: our expression engine against a peer, Enketo's openrosa-xpath-evaluator
(run under Node from the npm registry), over thousands of generated expressions.

Where the two disagree, ODK Collect's engine (JavaRosa) decides. Every class of difference we
keep on purpose is listed in `JAVAROSA_DECIDES` with the JavaRosa behaviour that settles it;
any other difference fails the test. The peer is installed with `npm ci` into a cache folder
the first time (the npm registry is reachable wherever the suite runs).
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from kampung_desktop.survey import Interview, load_form_markdown
from kampung_desktop.survey.errors import EvaluationError, ExpressionError
from kampung_desktop.survey.media import Media
from kampung_desktop.survey.xpath import parser as ast
from kampung_desktop.survey.xpath.compiled import State
from kampung_desktop.survey.xpath.compiler import Compiler
from kampung_desktop.survey.xpath.values import NodeSet, to_num, to_str

HERE = Path(__file__).parent / "differential"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kampung-orx"

FORM = """
| survey |
| | type | name | label |
| | date | d | D |
| | text | t | T |
| | integer | n | N |
| | decimal | x | X |
| | text | e | E |
| | text | s | S |
"""
ANSWERS = {"d": "2020-01-05", "t": "abc", "n": 7, "x": -2.5, "s": "b a c"}
XML = "<data><d>2020-01-05</d><t>abc</t><n>7</n><x>-2.5</x><e></e><s>b a c</s></data>"

ATOMS = [
    "0",
    "1",
    "-1",
    "2.5",
    "-2.5",
    "0.1",
    "7",
    "1000000",
    "3.14159",
    "'abc'",
    "''",
    "'007'",
    "' 12 '",
    "'NaN'",
    "'true'",
    "'b'",
    "'2020-01-05'",
    "/data/d",
    "/data/t",
    "/data/n",
    "/data/x",
    "/data/e",
    "/data/s",
    "true()",
    "false()",
]
UNARY = [
    "string",
    "number",
    "boolean",
    "not",
    "string-length",
    "normalize-space",
    "int",
    "round",
    "floor",
    "ceiling",
    "abs",
    "sqrt",
    "count-selected",
    "exp",
    "log10",
    "sin",
]
BINARY = [
    "concat",
    "contains",
    "starts-with",
    "ends-with",
    "substring-before",
    "substring-after",
    "selected",
    "pow",
    "round",
    "substr",
    "coalesce",
    "min",
    "max",
]
OPS = ["+", "-", "*", "div", "mod", "=", "!=", "<", "<=", ">", ">=", "and", "or"]

#: Classes of difference where ODK Collect's JavaRosa decides against the peer. A difference is
#: excused only when the expression really evaluates such a construct (found by evaluating its
#: sub-expressions with our engine): class → (detector, JavaRosa's behaviour).
JAVAROSA_DECIDES: dict[str, str] = {
    "date-text": "toNumeric('2020-01-05') is NaN: a date text is not a number (the peer: days)",
    "round-half": "round() of a negative half uses BigDecimal HALF_DOWN: round(-2.5) = -2",
    "round-digits": "round(x, d) casts d with (int): a NaN digit count rounds to 0 places",
    "min-max-nan": "max()/min() skip arguments that are not numbers (the peer: NaN)",
    "coalesce-nan": "coalesce() treats NaN as empty (isNull), so it takes the next argument",
    "spaced-number": "toNumeric trims: ' 12 ' is 12 (the peer: NaN)",
    "java-number-text": "numbers print with Double.toString: 1.5E-7, 1.0E10 (the peer: decimals)",
    "cast-int": "substr()/selected-at() cast positions with (int): NaN is 0, booleans are 0/1",
    "peer-error": "the peer raises where JavaRosa returns a value",
    "selected-empty": "selected(x, '') tests ' x ' for '  ' (true when x has a double space)",
    "coalesce-typed": (
        "coalesce() skips only '' and NaN (isNull) and keeps the value's type: false(), 0 and "
        "true() are values, a boolean stays a boolean"
    ),
    "one-node-value": "a one-node set is compared by its value (unpack): /data/e = false()",
    "sum-skips-nan": "sum() adds only the values that are numbers (toNumeric is not NaN): the "
    "sum of texts is 0 (the peer: NaN)",
    "empty-node-set": "an empty node-set is compared as '' (XPathNodeset.unpack of no node): "
    "@nope = @nope is true, @nope != 'x' is true (the peer, XPath 1.0: both false)",
}


def _expression(rng: random.Random, depth: int = 0) -> str:
    roll = rng.random()
    if depth >= 3 or roll < 0.3:
        return rng.choice(ATOMS)
    if roll < 0.5:
        return f"{rng.choice(UNARY)}({_expression(rng, depth + 1)})"
    if roll < 0.75:
        name = rng.choice(BINARY)
        return f"{name}({_expression(rng, depth + 1)}, {_expression(rng, depth + 1)})"
    return f"({_expression(rng, depth + 1)} {rng.choice(OPS)} {_expression(rng, depth + 1)})"


def _classes(source: str, iv: Interview, compiler: Compiler) -> set[str]:
    """The JavaRosa-decided constructs this expression really evaluates."""
    found: set[str] = set()

    def value(node):
        state = State(context=None, chain=(), column="c")
        try:
            return compiler._node(node, state)(iv.env, iv.root)
        except (ExpressionError, EvaluationError):
            return None

    def visit(node):
        text = value(node)
        if isinstance(text, str) and re.match(r"^\s*-?\d{4}-\d{2}-\d{2}", text):
            found.add("date-text")
        if isinstance(text, str) and text != text.strip() and _number_like(text):
            found.add("spaced-number")
        if isinstance(node, ast.Call):
            args = [value(arg) for arg in node.args]
            name = node.name
            first = args[0] if args else None
            if name == "round" and _is_number(first) and first < 0 and (first * 2) % 2 == 1:
                found.add("round-half")
            if name == "round" and len(args) == 2 and to_num(args[1]) != to_num(args[1]):
                found.add("round-digits")
            if name == "round" and len(args) == 2:
                found.add("round-digits") if isinstance(args[1], bool | str) else None
            if name in ("min", "max") and any(to_num(a) != to_num(a) for a in args):
                found.add("min-max-nan")
            if name == "coalesce" and any(isinstance(a, float) and a != a for a in args):
                found.add("coalesce-nan")
            if name == "coalesce" and any(isinstance(a, bool | int | float) for a in args):
                found.add("coalesce-typed")
            if name in ("substr", "selected-at") and any(
                isinstance(a, bool | str) or (isinstance(a, float) and not a.is_integer())
                for a in args[1:]
            ):
                found.add("cast-int")
            if name == "selected" and len(args) == 2 and to_str(args[1]).strip() == "":
                found.add("selected-empty")
            if name == "sum" and any(
                isinstance(a, NodeSet) and any(to_num(v) != to_num(v) for v in a) for a in args
            ):
                found.add("sum-skips-nan")
            if any(_exponent_text(arg) for arg in args):
                found.add("java-number-text")
            for arg in node.args:
                visit(arg)
        elif isinstance(node, ast.BinOp):
            sides = (value(node.left), value(node.right))
            comparison = node.op in ("=", "!=", "<", "<=", ">", ">=")
            paths = any(isinstance(side, ast.Path) for side in (node.left, node.right))
            if comparison and paths and any(isinstance(v, bool) for v in sides):
                found.add("one-node-value")
            if comparison and any(isinstance(v, NodeSet) and not v for v in sides):
                found.add("empty-node-set")
            if any(_exponent_text(v) for v in sides):
                found.add("java-number-text")
            visit(node.left)
            visit(node.right)
        elif isinstance(node, ast.Neg):
            visit(node.operand)
        return found

    visit(ast.parse(source))
    if _exponent_text(value(ast.parse(source))):
        found.add("java-number-text")
    return found


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _exponent_text(value) -> bool:
    """A number JavaRosa prints with an exponent (Double.toString), the peer as decimals."""
    if not isinstance(value, float) or value != value or value.is_integer():
        return False
    return abs(value) < 1e-3 or abs(value) >= 1e7


def _number_like(text: str) -> bool:
    return re.match(r"^\s*-?(\d+(\.\d*)?|\.\d+)\s*$", text) is not None


def _peer(expressions: list[str], xml: str = XML) -> list[list[str]]:
    node = shutil.which("node")
    npm = shutil.which("npm")
    assert node and npm, "the differential test needs Node.js and npm (apt-get install nodejs npm)"
    if not (CACHE / "node_modules" / "openrosa-xpath-evaluator").is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / "package.json", CACHE / "package.json")
        subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--prefix", str(CACHE)],
            check=True,
            capture_output=True,
            timeout=600,
        )
    script = CACHE / "orx_eval.js"
    shutil.copy(HERE / "orx_eval.js", script)
    result = subprocess.run(
        [node, str(script)],
        input=json.dumps({"xml": xml, "expressions": expressions}),
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
        cwd=CACHE,
    )
    return json.loads(result.stdout)


def _ours(iv: Interview, compiler: Compiler, source: str) -> tuple[str, str]:
    try:
        value = compiler.compile(source, context=None, chain=(), column="c")(iv.env, iv.root)
    except (ExpressionError, EvaluationError) as exc:
        return "error", exc.code
    if isinstance(value, bool):
        return "boolean", to_str(value)
    if isinstance(value, int | float):
        return "number", _js_number(value)
    return "string", to_str(value)


def _js_number(value: float) -> str:
    """A number as JavaScript's String() prints it (the peer's side of the comparison)."""
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    if float(value).is_integer() and abs(value) < 1e21:
        return str(int(value))
    return repr(float(value))


def _same(ours: tuple[str, str], peer: list[str]) -> bool:
    if ours[0] == "error" or peer[0] == "error":
        return ours[0] == peer[0]
    if ours[1] == peer[1]:
        return True
    try:
        a, b = float(ours[1]), float(peer[1])
    except ValueError:
        return False
    return a == b or abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


@pytest.mark.slow
def test_differences_with_the_peer_engine_are_all_decided_by_javarosa():
    rng = random.Random(20261123)
    expressions = list(dict.fromkeys(_expression(rng) for _ in range(7000)))
    peer = _peer(expressions)
    form = load_form_markdown(FORM)
    iv = Interview(form, ANSWERS, now=datetime(2026, 11, 23, 9, 30))
    compiler = Compiler(form.nodes)
    agree = 0
    classes: dict[str, int] = {}
    undecided: list[tuple[str, tuple[str, str], list[str]]] = []
    for source, theirs in zip(expressions, peer, strict=True):
        ours = _ours(iv, compiler, source)
        if _same(ours, theirs):
            agree += 1
            continue
        if theirs[0] == "error" and ours[0] != "error":
            reasons = {"peer-error"}
        else:
            reasons = _classes(source, iv, compiler)
        if not reasons:
            undecided.append((source, ours, theirs))
        for reason in reasons:
            classes[reason] = classes.get(reason, 0) + 1
    print(f"\n{len(expressions)} expressions, {agree} agree ({agree / len(expressions):.1%})")
    for name, count in sorted(classes.items(), key=lambda item: -item[1]):
        print(f"  {count:5d}  {name}: {JAVAROSA_DECIDES[name]}")
    assert len(expressions) > 4000
    assert undecided == []
    assert agree / len(expressions) > 0.8


#: A media file with attributes, for attribute steps (`@id`). The peer reads it as its document
#: (`/root/...`); our engine as a form's media file (`instance('pasar')/root/...`).
PASAR_XML = (
    '<root><item id="1" kind="pasar" note=""><name>a</name><harga>12</harga></item>'
    '<item id="2" kind="toko"><name>b</name><harga>7.5</harga></item>'
    '<item id="3" kind="pasar" extra=" 4 " rank="-2.5"><name>c</name><harga>-1</harga></item>'
    "</root>"
)
ONE_NODE = [
    "{R}/root/item[1]/@id",
    "{R}/root/item[2]/@kind",
    "{R}/root/item[@id = 3]/@kind",
    "{R}/root/item[@kind = 'toko']/@id",
    "{R}/root/item[3]/@extra",
    "{R}/root/item[3]/@rank",
    "{R}/root/item[1]/@note",
    "{R}/root/item[1]/@nope",
    "{R}/root/item[@id = 2]/name",
    "{R}/root/item[@kind = 'pasar'][2]/name",
    "{R}/root/item[@extra]/@id",
    "{R}/root/item[@note]/harga",
    "{R}/root/item[position() = 2]/@id",
    "{R}/root/item[@id > 1][1]/@kind",
    "{R}/root/item[harga > 5][2]/@id",
    "{R}/root/item[@rank < 0]/attribute::kind",
    "{R}/root/item[@kind != 'pasar']/@id",
]
NODE_SETS = [
    "{R}/root/item/@id",
    "{R}/root/item[@kind = 'pasar']/@id",
    "{R}/root/item/@nope",
    "{R}/root/item[@extra]",
    "{R}/root/item/@kind",
    "{R}/root/@id",
]
ATTRIBUTE_ATOMS = ["1", "2", "'pasar'", "'toko'", "''", "' 4 '", "-2.5"]


def _attribute_expression(rng: random.Random, depth: int = 0) -> str:
    roll = rng.random()
    if depth >= 2 or roll < 0.35:
        return rng.choice(ONE_NODE + ATTRIBUTE_ATOMS)
    if roll < 0.5:
        return f"{rng.choice(['count', 'sum'])}({rng.choice(NODE_SETS)})"
    if roll < 0.7:
        name = rng.choice(["string", "number", "string-length", "boolean", "normalize-space"])
        return f"{name}({_attribute_expression(rng, depth + 1)})"
    if roll < 0.8:
        return f"concat({_attribute_expression(rng, depth + 1)}, '|', {rng.choice(ONE_NODE)})"
    op = rng.choice(["=", "!=", "<", ">=", "+", "*", "and", "or"])
    left, right = _attribute_expression(rng, depth + 1), _attribute_expression(rng, depth + 1)
    return f"({left} {op} {right})"


@pytest.mark.slow
def test_attribute_steps_agree_with_the_peer_or_javarosa_decides():
    rng = random.Random(20261201)
    templates = list(dict.fromkeys(_attribute_expression(rng) for _ in range(4000)))
    peer = _peer([t.replace("{R}", "") for t in templates], xml=PASAR_XML)
    form = load_form_markdown(FORM)
    iv = Interview(form, ANSWERS, now=datetime(2026, 11, 23, 9, 30))
    compiler = Compiler(form.nodes, media=Media({"pasar.xml": PASAR_XML.encode()}))
    agree = 0
    classes: dict[str, int] = {}
    undecided: list[tuple[str, tuple[str, str], list[str]]] = []
    for template, theirs in zip(templates, peer, strict=True):
        source = template.replace("{R}", "instance('pasar')")
        ours = _ours(iv, compiler, source)
        if _same(ours, theirs):
            agree += 1
            continue
        reasons = _classes(source, iv, compiler) if theirs[0] != "error" else {"peer-error"}
        if not reasons:
            undecided.append((source, ours, theirs))
        for reason in reasons:
            classes[reason] = classes.get(reason, 0) + 1
    print(f"\n{len(templates)} attribute expressions, {agree} agree")
    for name, count in sorted(classes.items(), key=lambda item: -item[1]):
        print(f"  {count:5d}  {name}: {JAVAROSA_DECIDES[name]}")
    assert len(templates) > 1500
    assert undecided == []
    assert agree / len(templates) > 0.9
