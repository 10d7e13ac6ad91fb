"""The ODK XPath subset: operators, coercions and every supported function."""

from __future__ import annotations

import math
from datetime import date

import pytest

from kampung_desktop.survey.errors import ExpressionError
from kampung_desktop.survey.xpath.compiler import Compiler
from kampung_desktop.survey.xpath.parser import parse

FORM = """
| survey |
| | type | name | label::Bahasa Indonesia (id) | label::English (en) |
| | integer | a | A | A |
| | integer | b | B | B |
| | decimal | x | X | X |
| | text | t | T | T |
| | date | d | D | D |
| | select_one yn | yn | YN | YN |
| | select_multiple fruit | fr | Buah | Fruit |
| | begin repeat | r | R | R |
| | integer | n | N | N |
| | text | nm | Nama | Name |
| | end repeat | | | |
| choices |
| | list_name | name | label::Bahasa Indonesia (id) | label::English (en) |
| | yn | yes | Ya | Yes |
| | yn | no | Tidak | No |
| | fruit | a | Apel | Apple |
| | fruit | b | Pisang | Banana |
| | fruit | c | Ceri | Cherry |
"""

ANSWERS = {
    "a": 2,
    "b": 3,
    "x": 2.5,
    "t": "hello",
    "d": "2000-01-01",
    "yn": "yes",
    "fr": ["a", "b"],
    "r": [{"n": 1, "nm": "Ani"}, {"n": 2, "nm": "Budi"}, {"n": 4, "nm": "Citra"}],
}


@pytest.fixture(scope="module")
def env():
    from datetime import datetime

    from kampung_desktop.survey import Interview, load_form_markdown

    form = load_form_markdown(FORM)
    interview = Interview(
        form, ANSWERS, today=date(2026, 11, 23), now=datetime(2026, 11, 23, 9, 30)
    )
    return form, interview


def evaluate(env, source: str, *, in_entry: int | None = None, lang: str = "id"):
    form, interview = env
    if in_entry is None:
        chain, inst = (), interview.root
    else:
        chain, inst = (form.nodes["r"],), interview.root.children["r"][in_entry - 1]
    compiled = Compiler(form.nodes).compile(source, context=None, chain=chain, column="calculation")
    old = interview.env.lang
    interview.env.lang = lang
    try:
        return compiled(interview.env, inst)
    finally:
        interview.env.lang = old


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1 + 2", 3),
        ("7 div 2", 3.5),
        ("7 mod 3", 1),
        ("-7 mod 3", -1),
        ("2 * 3 - 1", 5),
        ("2 + 3 * 4", 14),
        ("(2 + 3) * 4", 20),
        ("${a} + ${b}", 5),
        ("${x} * 2", 5.0),
        ("${a} > 1", True),
        ("${a} >= 3", False),
        ("${a} = 2", True),
        ("${a} = ''", False),
        ("${a} != ''", True),
        ("${t} = 'hello'", True),
        ("${t} != ''", True),
        ("${yn} = 'yes' and ${a} < ${b}", True),
        ("${yn} = 'no' or ${a} = 5", False),
        ("not(${a} > 1)", False),
        ("true() and false()", False),
        ("true() or false()", True),
        ("${d} < today()", True),
        ("${d} = '2000-01-01'", True),
        ("today() - ${d}", (date(2026, 11, 23) - date(2000, 1, 1)).days),
        ("date('2026-11-01') < today()", True),
        ("date('2026-11-30')", date(2026, 11, 30)),
        ("today()", date(2026, 11, 23)),
        ("format-date(date('2026-01-05'), '%Y/%m/%d %e %b')", "2026/01/05 5 Jan"),
        ("selected(${fr}, 'a')", True),
        ("selected(${fr}, 'c')", False),
        ("count-selected(${fr})", 2),
        ("selected-at(${fr}, 1)", "b"),
        ("string-length(${t})", 5),
        ("regex(${t}, '^h.*o$')", True),
        ("regex('3671012003150007', '^[0-9]{16}$')", True),
        ("regex('36710120031500', '^[0-9]{16}$')", False),
        ("concat(${t}, '-', ${a})", "hello-2"),
        ("substr('abcdef', 1, 3)", "bc"),
        ("substr('abcdef', 4)", "ef"),
        ("coalesce(${t}, 'x')", "hello"),
        ("coalesce('', 'x')", "x"),
        ("if(${a} > 1, 'big', 'small')", "big"),
        ("if(${a} > 5, 'big', 'small')", "small"),
        ("sum(${n})", 7),
        ("count(${r})", 3),
        ("count(${n})", 3),
        ("max(${n})", 4),
        ("min(${n})", 1),
        ("indexed-repeat(${nm}, ${r}, 2)", "Budi"),
        ("indexed-repeat(${nm}, ${r}, 9)", ""),
        ("join(', ', ${nm})", "Ani, Budi, Citra"),
        ("${n} > 3", True),  # node-set: true when any entry matches
        ("int(3.7)", 3),
        ("int(-3.7)", -3),
        ("round(2.5)", 3),
        ("round(3.14159, 2)", 3.14),
        ("number('12')", 12),
        ("string(12)", "12"),
        ("string(2.50)", "2.5"),
        ("boolean-from-string('true')", True),
        ("boolean-from-string('yes')", False),
        ("contains(${t}, 'ell')", True),
        ("starts-with(${t}, 'he')", True),
        ("normalize-space('  a   b ')", "a b"),
        ("abs(-3)", 3),
        ("floor(2.7) + ceiling(2.2)", 5),
        ("pow(2, 10)", 1024.0),
        ("jr:choice-name(${yn}, '${yn}')", "Ya"),
        ("jr:choice-name('b', '${fr}')", "Pisang"),
    ],
)
def test_expression_values(env, source, expected):
    result = evaluate(env, source)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    "source", ["${a} + ${t}", "number('x')", "1 div 0 - 1 div 0", "${a} + ''", "max(${t})"]
)
def test_nan_results(env, source):
    assert math.isnan(evaluate(env, source))


def test_choice_name_follows_language(env):
    assert evaluate(env, "jr:choice-name(${yn}, '${yn}')", lang="en") == "Yes"


def test_position_and_same_entry_references(env):
    assert evaluate(env, "position(..)", in_entry=2) == 2
    assert evaluate(env, "concat(${nm}, ':', ${n})", in_entry=3) == "Citra:4"
    # a field outside the repeat is read from inside an entry
    assert evaluate(env, "${n} * ${a}", in_entry=3) == 8


def test_now_is_the_interview_clock(env):
    assert evaluate(env, "now()").isoformat() == "2026-11-23T09:30:00"


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("1 +", "expr.syntax"),
        ("(1 + 2", "expr.syntax"),
        ("foo(1)", "expr.unknown_function"),
        ("concat()", "expr.arity"),
        ("if(1, 2)", "expr.arity"),
        ("${missing}", "expr.unknown_name"),
        ("regex(${t}, '[')", "expr.bad_regex"),
        ("jr:choice-name(${a}, '${a}')", "expr.choice_name_arg"),
        ("indexed-repeat(${a}, ${r}, 1)", "expr.repeat_arg"),
        (". + 1", "expr.self_reference"),
    ],
)
def test_compile_errors(env, source, code):
    with pytest.raises(ExpressionError) as info:
        evaluate(env, source)
    assert info.value.code == code


def test_operator_names_are_contextual():
    tree = parse("${div} div ${mod}")
    assert tree.op == "div"
    assert parse("count-selected(${x})").name == "count-selected"
    assert parse("5-3").op == "-"
