"""What compiled expressions are made of: the evaluation environment, compiled results, the
compile state, and the small closures every compiled expression is built from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from kampung_desktop.survey.errors import EvaluationError, ExpressionError
from kampung_desktop.survey.instance import Instance
from kampung_desktop.survey.model import Choice, Compiled, FormNode, RefUse  # noqa: F401 - re-exported
from kampung_desktop.survey.xpath.values import NodeSet, to_str

Fn = Callable[["Env", Instance], Any]
#: Columns where `.` (the field itself) makes sense; elsewhere it would be a self-cycle.
DOT_COLUMNS = frozenset({"constraint", "required", "read_only"})


@dataclass
class Env:
    """What an evaluation needs besides the answers: clock, language, current choice row."""

    today: date
    now: datetime
    lang: str
    default_lang: str = "default"
    choice: Choice | None = None
    #: Answers of the enumerator's previous submission of this form (`${last-saved#name}`).
    last_saved: dict[str, Any] = field(default_factory=dict)
    #: The form's version (JavaRosa's non-standard `version()`).
    form_version: str = ""
    #: Inside a path predicate: the candidate node, its position and the set's size.
    pnode: Any = None
    ppos: int = 0
    psize: int = 0


@dataclass
class State:
    """The compile state of one expression (what it reads, how, and from where)."""

    context: FormNode | None
    chain: tuple[FormNode, ...]
    column: str
    refs: list[RefUse] = field(default_factory=list)
    uses_position: bool = False
    uses_dot: bool = False
    uses_once: bool = False
    choice_columns: list[str] = field(default_factory=list)
    warnings: list[ExpressionError] = field(default_factory=list)
    #: Compiling a path predicate: bare names are steps from the candidate node.
    in_predicate: bool = False
    #: The static form nodes a predicate's candidate can be (None: the document or root).
    candidates: tuple[Any, ...] = ()


def common_depth(a: tuple[FormNode, ...], b: tuple[FormNode, ...]) -> int:
    depth = 0
    for x, y in zip(a, b, strict=False):
        if x is not y:
            break
        depth += 1
    return depth


def last_saved_reader(name: str) -> Fn:
    def last_saved(env: Env, inst: Instance) -> Any:
        value = env.last_saved.get(name)
        if isinstance(value, list):
            return " ".join(to_str(item) for item in value)
        return "" if value is None or isinstance(value, dict) else value

    return last_saved


def guarded(fn: Fn) -> Fn:
    """`fn`, with any failure inside turned into an EvaluationError (never a traceback)."""

    def run(env: Env, inst: Instance) -> Any:
        try:
            return fn(env, inst)
        except EvaluationError:
            raise
        except RecursionError:
            raise EvaluationError("expr.too_deep") from None
        except (ArithmeticError, ValueError, TypeError, IndexError, KeyError) as exc:
            raise EvaluationError("expr.runtime", detail=type(exc).__name__) from None

    return run


def choice_column(name: str) -> Fn:
    def column(env: Env, inst: Instance) -> str:
        choice = env.choice
        if choice is None:
            return ""
        if name == "name":
            return choice.name
        return choice.columns.get(name, "")

    return column


def make_reader(target: FormNode, *, up: int, down: tuple[FormNode, ...]) -> Fn:
    """A closure reading `target` from an instance: go `up` levels, then down through repeats."""
    name = target.name
    if not down:
        if up == 0:
            return lambda env, inst: inst.cells[name].value
        if up == 1:
            return lambda env, inst: inst.parent.cells[name].value  # type: ignore[union-attr]

        def read_up(env: Env, inst: Instance) -> Any:
            for _ in range(up):
                inst = inst.parent  # type: ignore[assignment]
            return inst.cells[name].value

        return read_up
    names = tuple(repeat.name for repeat in down)

    def read_all(env: Env, inst: Instance) -> NodeSet:
        for _ in range(up):
            inst = inst.parent  # type: ignore[assignment]
        return NodeSet(entry.cells[name].value for entry in inst.descendants(names))

    return read_all
