"""Compile a parsed expression into a Python closure `fn(env, inst) -> value`.

Compiling resolves every `${name}` once, against the form, relative to the repeat the expression
is evaluated in: a field of the same (or an enclosing) repeat entry reads one value; a field
inside a repeat seen from outside reads all its entries as a node-set. The compiler records each
reference with the repeat depth the two sides share (`RefUse.common`) — exactly what the
dependency graph needs to know which cells to re-evaluate when an answer changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from kampung_desktop.survey.errors import ExpressionError
from kampung_desktop.survey.instance import Instance
from kampung_desktop.survey.model import FormNode
from kampung_desktop.survey.xpath import parser as ast
from kampung_desktop.survey.xpath.compile_paths import PathCompiler
from kampung_desktop.survey.xpath.compiled import (  # noqa: F401 - re-exported
    DOT_COLUMNS,
    Compiled,
    Env,
    Fn,
    RefUse,
    State,
    choice_column,
    common_depth,
    guarded,
    last_saved_reader,
    make_reader,
)
from kampung_desktop.survey.xpath.functions import FUNCTIONS, compile_regex
from kampung_desktop.survey.xpath.values import (
    NodeSet,
    arithmetic,
    compare,
    is_empty,
    negate,
    to_bool,
    to_str,
)

_REF_LITERAL_RE = re.compile(r"^\s*\$\{\s*([^}\s]+)\s*\}\s*$")


class Compiler(PathCompiler):
    """Compiles the expressions of one form; `nodes` maps every name to its node.

    `media` (the form's media files) serves `pulldata()` and `instance()`; `choices` (the
    form's choice lists) serves `instance('list')` lookups of a list, as in ODK.
    """

    def __init__(
        self,
        nodes: dict[str, FormNode],
        media: Any = None,
        choices: dict[str, Any] | None = None,
        root_attributes: dict[str, str] | None = None,
    ) -> None:
        self.nodes = nodes
        self.media = media
        self.choices = choices or {}
        self.root_attributes = root_attributes or {}

    def compile(
        self,
        source: str,
        *,
        context: FormNode | None,
        chain: tuple[FormNode, ...],
        column: str,
    ) -> Compiled:
        """`chain` is the repeat chain of the instance the expression is evaluated in."""
        state = State(context=context, chain=chain, column=column)
        try:
            tree = ast.parse(source)
            fn = guarded(self._node(tree, state))
        except RecursionError:
            raise ExpressionError("expr.too_deep") from None
        return Compiled(
            source=source,
            fn=fn,
            refs=tuple(state.refs),
            uses_position=state.uses_position,
            uses_dot=state.uses_dot,
            uses_once=state.uses_once,
            choice_columns=tuple(dict.fromkeys(state.choice_columns)),
            warnings=tuple(state.warnings),
        )

    # --- nodes ---------------------------------------------------------------------------

    def _node(self, node: ast.Node, st: State) -> Fn:
        if isinstance(node, ast.Literal):
            value = node.value
            return lambda env, inst: value
        if isinstance(node, ast.Ref):
            if node.name.startswith("last-saved#"):
                return last_saved_reader(node.name.removeprefix("last-saved#"))
            return self._ref(self._lookup(node.name), st)
        if isinstance(node, ast.Dot):
            if st.in_predicate:
                return lambda env, inst: env.pnode.value()
            if st.context is None or st.context.is_container or st.column == "calculation":
                raise ExpressionError("expr.self_reference")  # a calculation of itself: a cycle
            st.uses_dot = True
            if st.column in DOT_COLUMNS:
                return self._ref(st.context, st)
            name = st.context.name  # its own value: read, but not a dependency (no cycle)
            return lambda env, inst: inst.cells[name].value
        if isinstance(node, ast.Path) and _choice_attribute(node, st):
            name = "@" + node.steps[0].name  # `@kind` of a choice from an XML file
            st.choice_columns.append(name)
            return choice_column(name)
        if isinstance(node, ast.Path | ast.Union | ast.DotDot):
            return self._path(node, st)
        if isinstance(node, ast.Name):
            if st.column != "choice_filter" or st.in_predicate:
                return self._path(node, st)
            st.choice_columns.append(node.name)
            return choice_column(node.name)
        if isinstance(node, ast.Neg):
            operand = self._node(node.operand, st)
            return lambda env, inst: negate(operand(env, inst))
        if isinstance(node, ast.BinOp):
            return self._binop(node, st)
        assert isinstance(node, ast.Call)
        return self._call(node, st)

    def _binop(self, node: ast.BinOp, st: State) -> Fn:
        left = self._node(node.left, st)
        right = self._node(node.right, st)
        op = node.op
        if op == "and":
            return lambda env, inst: to_bool(left(env, inst)) and to_bool(right(env, inst))
        if op == "or":
            return lambda env, inst: to_bool(left(env, inst)) or to_bool(right(env, inst))
        if op in ("=", "!=", "<", "<=", ">", ">="):
            return lambda env, inst: compare(op, left(env, inst), right(env, inst))
        return lambda env, inst: arithmetic(op, left(env, inst), right(env, inst))

    # --- references ----------------------------------------------------------------------

    def _lookup(self, name: str) -> FormNode:
        target = self.nodes.get(name)
        if target is None:
            raise ExpressionError("expr.unknown_name", name=name)
        if target.is_group:
            raise ExpressionError("expr.group_reference", name=name)
        return target

    def _ref(self, target: FormNode, st: State, limit: int | None = None) -> Fn:
        common = common_depth(st.chain, target.chain)
        if limit is not None:
            common = min(common, limit)
        st.refs.append(RefUse(target, common))
        return make_reader(target, up=len(st.chain) - common, down=target.chain[common:])

    # --- calls ---------------------------------------------------------------------------

    def _call(self, node: ast.Call, st: State) -> Fn:
        name, args = node.name, node.args
        special = _SPECIAL.get(name)
        if special is not None:
            _check_arity(name, len(args), *special[:2])
            return special[2](self, node, st)
        entry = FUNCTIONS.get(name)
        if entry is None:
            raise ExpressionError("expr.unknown_function", name=name)
        low, high, impl = entry
        _check_arity(name, len(args), low, high)
        if name == "selected":
            self._check_choice_literal(args, st)
        if name == "regex" and isinstance(args[1], ast.Literal):
            pattern = to_str(args[1].value)
            try:
                compile_regex(pattern)
            except re.error as exc:
                raise ExpressionError("expr.bad_regex", pattern=pattern, detail=str(exc)) from exc
        fns = [self._node(arg, st) for arg in args]
        if len(fns) == 0:
            return lambda env, inst: impl()
        if len(fns) == 1:
            (a,) = fns
            return lambda env, inst: impl(a(env, inst))
        if len(fns) == 2:
            a, b = fns
            return lambda env, inst: impl(a(env, inst), b(env, inst))
        return lambda env, inst: impl(*[f(env, inst) for f in fns])

    def _check_choice_literal(self, args: tuple[ast.Node, ...], st: State) -> None:
        first, second = args
        target = None
        if isinstance(first, ast.Ref):
            target = self.nodes.get(first.name)
        elif isinstance(first, ast.Dot):
            target = st.context
        if target is None or not target.is_select or not isinstance(second, ast.Literal):
            return
        choice = to_str(second.value).strip()
        if target.list_name is not None and target.choice(choice) is None:
            st.warnings.append(
                ExpressionError(
                    "warn.unknown_choice",
                    choice=choice,
                    name=target.name,
                    list_name=target.list_name,
                )
            )

    def _if(self, node: ast.Call, st: State) -> Fn:
        cond, yes, no = (self._node(arg, st) for arg in node.args)
        return lambda env, inst: yes(env, inst) if to_bool(cond(env, inst)) else no(env, inst)

    def _position(self, node: ast.Call, st: State) -> Fn:
        arg = node.args[0] if node.args else None
        if isinstance(arg, ast.DotDot) and not st.in_predicate:
            if not st.chain:
                return lambda env, inst: 1  # the root's position, as in ODK
            st.uses_position = True
            return lambda env, inst: inst.pos
        return self._position_of(arg, st)

    def _current(self, node: ast.Call, st: State) -> Fn:
        return self._path(ast.Path(node, False, ()), st)

    def _instance(self, node: ast.Call, st: State) -> Fn:
        return self._path(ast.Path(node, False, ()), st)

    def _once(self, node: ast.Call, st: State) -> Fn:
        """once(x): the field keeps its first non-empty value (ODK: uuid, random, now)."""
        if st.context is None:
            return self._node(node.args[0], st)
        name = st.context.name
        inner = self._node(node.args[0], st)
        st.uses_once = True

        def once(env: Env, inst: Instance) -> Any:
            kept = inst.answers.get(name)  # a calculate keeps its once() value with the answers
            if kept not in (None, ""):
                return kept
            value = inner(env, inst)
            if not is_empty(value) and not isinstance(value, NodeSet):
                inst.answers[name] = value
            return value

        return once

    def _pulldata(self, node: ast.Call, st: State) -> Fn:
        """pulldata('table', 'column', 'key column', key): a lookup in a CSV media file."""
        fns = [self._node(arg, st) for arg in node.args]
        media = self.media

        def pulldata(env: Env, inst: Instance) -> str:
            if media is None:
                return ""
            table, column, key_column, key = (to_str(fn(env, inst)) for fn in fns)
            return media.pulldata(table, column, key_column, key)

        return pulldata

    def _today(self, node: ast.Call, st: State) -> Fn:
        return lambda env, inst: env.today

    def _now(self, node: ast.Call, st: State) -> Fn:
        return lambda env, inst: env.now

    def _version(self, node: ast.Call, st: State) -> Fn:
        return lambda env, inst: env.form_version

    def _choice_name(self, node: ast.Call, st: State) -> Fn:
        value_arg, field_arg = node.args
        match = None
        if isinstance(field_arg, ast.Literal):
            match = _REF_LITERAL_RE.match(to_str(field_arg.value))
        target = self.nodes.get(match[1]) if match else None
        if target is None or not target.is_select:
            raise ExpressionError("expr.choice_name_arg")
        by_name = {choice.name: choice for choice in target.choices}
        value = self._node(value_arg, st)
        if "itemset" in target.sources:  # choices from a repeat's answers: labelled by value
            return lambda env, inst: to_str(value(env, inst)).strip()

        def choice_name(env: Env, inst: Instance) -> str:
            choice = by_name.get(to_str(value(env, inst)).strip())
            return choice.label(env.lang, env.default_lang) if choice is not None else ""

        return choice_name

    def _indexed_repeat(self, node: ast.Call, st: State) -> Fn:
        """indexed-repeat(${field}, ${repeat1}, i1 [, ${repeat2}, i2 ...])."""
        args = node.args
        if len(args) % 2 == 0:
            raise ExpressionError(
                "expr.arity", name="indexed-repeat", expected="3, 5, 7", given=len(args)
            )
        if not isinstance(args[0], ast.Ref):
            raise ExpressionError("expr.reference_arg", name="indexed-repeat", index=1)
        target = self._lookup(args[0].name)
        repeats: list[FormNode] = []
        for pos in range(1, len(args), 2):
            arg = args[pos]
            repeat = self.nodes.get(arg.name) if isinstance(arg, ast.Ref) else None
            if repeat is None or not repeat.is_repeat or repeat not in target.chain:
                raise ExpressionError(
                    "expr.repeat_arg", name="indexed-repeat", index=pos + 1, field=target.name
                )
            repeats.append(repeat)
        start = len(repeats[0].chain) - 1
        common = min(common_depth(st.chain, target.chain), start)
        if tuple(repeats) != target.chain[common:]:
            raise ExpressionError(
                "expr.repeat_arg", name="indexed-repeat", index=2, field=target.name
            )
        st.refs.append(RefUse(target, common))
        for repeat in repeats:
            st.refs.append(RefUse(repeat, common))
        indexes = [self._node(args[pos], st) for pos in range(2, len(args), 2)]
        names = tuple(repeat.name for repeat in repeats)
        up = len(st.chain) - common
        field_name = target.name

        def indexed(env: Env, inst: Instance) -> Any:
            for _ in range(up):
                inst = inst.parent  # type: ignore[assignment]
            for name, index_fn in zip(names, indexes, strict=True):
                index = index_fn(env, inst)
                entries = inst.children.get(name, [])
                try:
                    i = int(index) if not isinstance(index, str) else int(float(index))
                except (TypeError, ValueError, OverflowError):
                    return ""
                if not 1 <= i <= len(entries):
                    return ""
                inst = entries[i - 1]
            return inst.cells[field_name].value

        return indexed


def _check_arity(name: str, given: int, low: int, high: int | None) -> None:
    if given < low or (high is not None and given > high):
        if high is None:
            expected = f"≥ {low}"
        elif low == high:
            expected = str(low)
        else:
            expected = f"{low}–{high}"
        raise ExpressionError("expr.arity", name=name, expected=expected, given=given)


#: Functions compiled specially: name → (min args, max args, builder).
_SPECIAL: dict[str, tuple[int, int | None, Callable[[Compiler, ast.Call, State], Fn]]] = {
    "if": (3, 3, Compiler._if),
    "position": (0, 1, Compiler._position),
    "last": (0, 0, Compiler._last),
    "current": (0, 0, Compiler._current),
    "instance": (1, 1, Compiler._instance),
    "today": (0, 0, Compiler._today),
    "now": (0, 0, Compiler._now),
    "version": (0, 0, Compiler._version),
    "jr:choice-name": (2, 2, Compiler._choice_name),
    "once": (1, 1, Compiler._once),
    "pulldata": (4, 4, Compiler._pulldata),
    "indexed-repeat": (3, None, Compiler._indexed_repeat),
}

#: Every function name an expression may call.
KNOWN_FUNCTIONS = frozenset(FUNCTIONS) | frozenset(_SPECIAL)


def _choice_attribute(node: ast.Path, st: State) -> bool:
    """`@name` alone in a choice filter: an attribute of the choice's item, read as a column."""
    return (
        st.column == "choice_filter"
        and not st.in_predicate
        and node.start is None
        and not node.absolute
        and len(node.steps) == 1
        and node.steps[0].axis == "attribute"
        and not node.steps[0].predicates
    )
