"""Compiling XPath location paths: `/data/g/x`, `../x`, `current()/..`, `${rep}[2]/x`,
`instance('list')/root/item[name = ${x}]/label`, predicates with `position()` and `last()`.

Each path is resolved twice. Statically, against the form tree, to learn which fields it can
read — those become dependencies (conservatively: every instance of them), so incremental
recompute stays exact. At run time, over the `paths.PNode` view of the interview, to find the
nodes themselves; predicates run with the candidate node in `env.pnode`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kampung_desktop.survey.errors import ExpressionError
from kampung_desktop.survey.instance import Instance
from kampung_desktop.survey.model import FormNode
from kampung_desktop.survey.xpath import parser as ast
from kampung_desktop.survey.xpath.compiled import Env, Fn, RefUse, State, common_depth
from kampung_desktop.survey.xpath.paths import (
    ItemNode,
    MainNode,
    MainTree,
    PNode,
    secondary_instance,
    xml_instance,
)
from kampung_desktop.survey.xpath.values import NodeSet, is_integral, to_bool, to_str

NodesFn = Callable[[Env, Instance], list[PNode]]
DOC, ROOT, SECONDARY = "doc", "root", "secondary"
#: What an attribute step of the main instance reaches: a constant of the form (its id,
#: version), so nothing to depend on.
ATTRIBUTE = "attribute"
#: `/data/meta`, the group of instanceID, audit, ... (flat in the form).
META = "meta"
DOTS = ("constraint", "required", "read_only")


class _Document(PNode):
    __slots__ = ("root",)

    def __init__(self, root: PNode) -> None:
        self.root = root

    def children(self) -> list[PNode]:
        return [self.root]


class PathCompiler:
    """Mixin of `Compiler`: everything about location paths."""

    nodes: dict[str, FormNode]
    media: Any
    choices: dict[str, Any]
    #: The main instance root's attributes (`/data/@id`, `/data/@version`).
    root_attributes: dict[str, str]

    def _node(self, node: ast.Node, st: State) -> Fn:
        raise NotImplementedError

    def _lookup(self, name: str) -> FormNode:
        raise NotImplementedError

    # --- entry points --------------------------------------------------------------------

    def _path(self, node: ast.Node, st: State) -> Fn:
        nodes = self._nodes(node, st)
        return lambda env, inst: NodeSet(n.value() for n in nodes(env, inst))

    def _nodes(self, node: ast.Node, st: State) -> NodesFn:
        """The node-set function of a path, a union, `.`/`..` or a bare name in a predicate."""
        if isinstance(node, ast.Union):
            left, right = self._nodes(node.left, st), self._nodes(node.right, st)
            return lambda env, inst: _unique(left(env, inst) + right(env, inst))
        if isinstance(node, ast.Dot):
            node = ast.Path(None, False, (ast.Step("self", "."),))
        elif isinstance(node, ast.DotDot):
            node = ast.Path(None, False, (ast.Step("parent", ".."),))
        elif isinstance(node, ast.Name):
            node = ast.Path(None, False, (ast.Step("child", node.name),))
        elif isinstance(node, ast.Ref | ast.Call):
            node = ast.Path(node, False, ())
        if not isinstance(node, ast.Path):
            raise ExpressionError("expr.path", token=type(node).__name__)
        start, static = self._start(node, st)
        fn = start
        for before, step in zip((None, *node.steps), node.steps, strict=False):
            if before is not None and before.axis == "attribute":  # JavaRosa: nothing after
                raise ExpressionError("expr.attribute_step", step=f"@{before.name}/{step.name}")
            fn, static = self._step(fn, static, step, st)
        if not static:
            st.warnings.append(ExpressionError("warn.empty_path", path=_text(node)))
        for target in static:
            if isinstance(target, FormNode) and (target is not st.context or st.column in DOTS):
                st.refs.append(RefUse(target, 0))
        return fn

    # --- start of a path -----------------------------------------------------------------

    def _tops(self) -> MainTree:
        tree = getattr(self, "_tree_cache", None)
        if tree is None:
            tops = tuple(sorted((n for n in self.nodes.values() if n.parent is None), key=_index))
            tree = MainTree(tops, dict(getattr(self, "root_attributes", None) or {}))
            self._tree_cache = tree
        return tree

    def _start(self, node: ast.Path, st: State) -> tuple[NodesFn, set[Any]]:
        tops = self._tops()
        if node.absolute:
            return (lambda env, inst: [_Document(MainNode(None, _root(inst), tops))]), {DOC}
        start = node.start
        if start is None:
            if st.in_predicate:
                return (lambda env, inst: [env.pnode]), set(st.candidates)
            return self._context(st, tops)
        if isinstance(start, ast.Call) and start.name == "current" and not start.args:
            return self._context(st, tops)
        if isinstance(start, ast.Call) and start.name == "instance" and len(start.args) == 1:
            if not isinstance(start.args[0], ast.Literal):
                raise ExpressionError("expr.path", token="instance()")
            document = self._secondary(to_str(start.args[0].value))
            return (lambda env, inst: [document]), {SECONDARY}
        if isinstance(start, ast.Ref):
            return self._ref_nodes(self._lookup(start.name), st, tops), {self._lookup(start.name)}
        raise ExpressionError("expr.path", token=type(start).__name__)

    def _context(self, st: State, tops: MainTree) -> tuple[NodesFn, set[Any]]:
        context = st.context
        if context is None:
            return (lambda env, inst: [MainNode(None, _root(inst), tops)]), {ROOT}
        return (lambda env, inst: [MainNode(context, inst, tops)]), {context}

    def _ref_nodes(self, target: FormNode, st: State, tops: MainTree) -> NodesFn:
        common = common_depth(st.chain, target.chain)
        if target.is_repeat:  # `${rep}` is every entry, even from inside one of them
            common = min(common, len(target.chain) - 1)
        st.refs.append(RefUse(target, common))
        up = len(st.chain) - common
        down = tuple(r.name for r in target.chain[common:])

        def ref_nodes(env: Env, inst: Instance) -> list[PNode]:
            for _ in range(up):
                inst = inst.parent  # type: ignore[assignment]
            return [MainNode(target, i, tops) for i in inst.descendants(down)]

        return ref_nodes

    def _secondary(self, name: str) -> PNode:
        """`instance('name')`: a media file, or a choice list of the form (as ODK makes one)."""
        document = self.media.document(name) if self.media is not None else None
        if document is not None:
            return xml_instance(document)
        rows = self.media.rows(name) if self.media is not None else None
        if rows is None and name in self.choices:
            rows = [{"name": c.name, "label": c.label(), **c.columns} for c in self.choices[name]]
        return secondary_instance(rows or [])

    # --- steps ---------------------------------------------------------------------------

    def _step(
        self, fn: NodesFn, static: set[Any], step: ast.Step, st: State
    ) -> tuple[NodesFn, set[Any]]:
        axis, name = step.axis, step.name
        if axis == "child":
            moved = lambda env, inst: _unique(  # noqa: E731
                [c for n in fn(env, inst) for c in n.children() if _match(c, name)]
            )
        elif axis == "descendant":
            moved = lambda env, inst: _unique(  # noqa: E731
                [d for n in fn(env, inst) for d in n.descendants() if _match(d, name)]
            )
        elif axis == "parent":
            moved = lambda env, inst: _unique(  # noqa: E731
                [p for n in fn(env, inst) for p in (n.parent(),) if p is not None]
            )
        elif axis == "attribute":
            moved = lambda env, inst: [  # noqa: E731
                a for n in fn(env, inst) for a in n.attributes() if _match_attribute(a, name)
            ]
        else:
            moved = fn
        static = _static_step(static, axis, name, self._tops().tops)
        for predicate in step.predicates:
            moved = self._filter(moved, predicate, static, st)
        return moved, static

    def _filter(self, fn: NodesFn, predicate: ast.Node, static: set[Any], st: State) -> NodesFn:
        inner = State(
            context=st.context,
            chain=st.chain,
            column=st.column,
            refs=st.refs,
            warnings=st.warnings,
            in_predicate=True,
            candidates=tuple(static),
        )
        test = self._node(predicate, inner)
        st.uses_position = st.uses_position or inner.uses_position

        def filtered(env: Env, inst: Instance) -> list[PNode]:
            nodes = fn(env, inst)
            saved = env.pnode, env.ppos, env.psize
            keep = []
            try:
                for index, candidate in enumerate(nodes, start=1):
                    env.pnode, env.ppos, env.psize = candidate, index, len(nodes)
                    result = test(env, inst)
                    if isinstance(result, NodeSet):
                        result = bool(result)
                    if isinstance(result, int | float) and not isinstance(result, bool):
                        if is_integral(result) and int(result) == index:
                            keep.append(candidate)
                    elif to_bool(result):
                        keep.append(candidate)
            finally:
                env.pnode, env.ppos, env.psize = saved
            return keep

        return filtered

    # --- position() and last() ----------------------------------------------------------

    def _position_of(self, arg: ast.Node | None, st: State) -> Fn:
        if arg is None:
            if st.in_predicate:
                return lambda env, inst: env.ppos
            st.uses_position = True
            return lambda env, inst: inst.pos if inst.repeat is not None else 1
        nodes = self._nodes(arg, st)
        st.uses_position = True

        def position(env: Env, inst: Instance) -> int:
            found = nodes(env, inst)
            return found[0].position() if found else 0

        return position

    def _last(self, node: ast.Call, st: State) -> Fn:
        if st.in_predicate:
            return lambda env, inst: env.psize
        return lambda env, inst: 1


def _text(path: ast.Path) -> str:
    steps = "/".join(("@" if s.axis == "attribute" else "") + s.name for s in path.steps)
    if isinstance(path.start, ast.Ref):
        return f"${{{path.start.name}}}/{steps}"
    return ("/" if path.absolute else "") + steps


def _index(node: FormNode) -> int:
    return node.index


def _root(inst: Instance) -> Instance:
    while inst.parent is not None:
        inst = inst.parent
    return inst


def _match(node: PNode, name: str) -> bool:
    if name == "*" or (isinstance(node, MainNode) and node.node is None):
        return True  # the root element answers to the form's name, whatever it is
    return node.name() == name or node.name().split(":")[-1] == name


def _match_attribute(node: PNode, name: str) -> bool:
    """`@id`; `@jr:id` also matches an attribute read without its namespace prefix."""
    return node.name() == name or node.name() == name.split(":")[-1]


def _unique(nodes: list[PNode]) -> list[PNode]:
    if len(nodes) < 2:
        return nodes
    seen: set[tuple[int, ...]] = set()
    out = []
    for node in nodes:
        key = node.key()
        if key not in seen:
            seen.add(key)
            out.append(node)
    return out


def _static_step(static: set[Any], axis: str, name: str, tops: tuple[FormNode, ...]) -> set[Any]:
    """The form nodes a step can reach from `static` (the dependency side of a path)."""
    out: set[Any] = set()
    for item in static:
        if item == SECONDARY:
            out.add(SECONDARY)
        elif axis == "attribute":
            if item == ROOT:
                out.add(ATTRIBUTE)
        elif item == ATTRIBUTE:
            if axis == "self":
                out.add(ATTRIBUTE)
        elif axis == "self":
            out.add(item)
        elif axis == "parent":
            if item == ROOT:
                out.add(DOC)
            elif item == META:
                out.add(ROOT)
            elif isinstance(item, FormNode):
                up = META if item.in_meta else ROOT
                out.add(item.parent if item.parent is not None else up)
        elif axis == "child":
            if item == DOC:
                out.add(ROOT)
            elif item == META:
                out.update(c for c in tops if c.in_meta and name in ("*", c.xml_name))
            else:
                children = tops if item == ROOT else item.children
                out.update(c for c in children if not c.in_meta and name in ("*", c.xml_name))
                if item == ROOT and name in ("*", "meta") and any(c.in_meta for c in tops):
                    out.add(META)
        else:  # descendant
            pool = (
                [n for top in tops for n in top.walk()]
                if item in (DOC, ROOT)
                else list(item.walk())[1:]
            )
            out.update(n for n in pool if name in ("*", n.xml_name))
    return out


__all__ = ["ItemNode", "PathCompiler"]
