"""The dependency graph of a form: who must be re-evaluated when a value changes.

Two kinds of dependents are kept apart on purpose. *Value* dependents (relevance, calculations,
repeat counts, a container's children) can change other values, so they are ordered
topologically and a cycle among them is a load error. *Check* dependents (constraint, required,
read_only, choice_filter) only decide whether one field is valid; they run after the values
settle, so a constraint may read a calculation derived from its own field without a cycle.

Edges carry how to find the dependent cells from the changed one: go `up` repeat levels to the
instance both share, then `down` through the named repeats. A field inside a repeat changes one
entry; a total outside it is found one level up; a relevance at the top reaches every entry.
"""

from __future__ import annotations

from collections import defaultdict

from kampung_desktop.survey.errors import LoadProblem
from kampung_desktop.survey.model import Compiled, DependencyGraph, Edge, Form, FormNode

VALUE_COLUMNS = ("relevant", "calculation")
CHECK_COLUMNS = ("constraint", "required", "read_only", "choice_filter", "itemset")
COUNT_TYPE = "repeat_count"


def _scope_key(chain: tuple[FormNode, ...]) -> str:
    return chain[-1].name if chain else ""


def _exprs(node: FormNode, columns: tuple[str, ...]) -> list[Compiled]:
    found = []
    for column in columns:
        value = getattr(node, "calculation" if column == COUNT_TYPE else column, None)
        if isinstance(value, Compiled):
            found.append(value)
    return found


def build_graph(form: Form) -> tuple[DependencyGraph, list[LoadProblem]]:
    """Build the graph and rank the nodes; a cycle is returned as a load problem."""
    graph = DependencyGraph()
    nodes = list(form.walk())
    vertices: list[FormNode] = []
    for node in nodes:
        if node.is_repeat and node.repeat_count is not None:
            count = FormNode(
                name=f"{node.name}#count",
                type=COUNT_TYPE,
                row=node.row,
                parent=node.parent,
                chain=node.chain[:-1],
                index=node.index,
            )
            count.calculation = node.repeat_count
            graph.count_nodes[node.name] = count
            vertices.append(count)
        vertices.append(node)

    order_edges: dict[int, set[int]] = defaultdict(set)  # id(source) → ids of targets
    by_id = {id(v): v for v in vertices}
    value_edges: dict[str, dict[tuple[int, int], Edge]] = defaultdict(dict)
    check_edges: dict[str, dict[tuple[int, int], Edge]] = defaultdict(dict)

    def add(kind: dict, source: FormNode, target: FormNode, common: int) -> None:
        edge = Edge(
            target=target,
            up=len(source.chain) - common,
            down=tuple(r.name for r in target.chain[common:]),
        )
        kind[source.name][(id(target), common)] = edge

    for vertex in vertices:
        if vertex.parent is not None and vertex.type != COUNT_TYPE:
            add(value_edges, vertex.parent, vertex, len(vertex.parent.chain))
            order_edges[id(vertex.parent)].add(id(vertex))
        for expr in _exprs(vertex, VALUE_COLUMNS):
            for ref in expr.refs:
                add(value_edges, ref.node, vertex, ref.common)
                order_edges[id(ref.node)].add(id(vertex))
        for expr in _exprs(vertex, CHECK_COLUMNS):
            for ref in expr.refs:
                add(check_edges, ref.node, vertex, ref.common)
    for repeat_name, count in graph.count_nodes.items():
        order_edges[id(count)].add(id(form.nodes[repeat_name]))

    graph.value_edges = {k: list(v.values()) for k, v in value_edges.items()}
    graph.check_edges = {k: list(v.values()) for k, v in check_edges.items()}

    problems = _rank(vertices, order_edges, by_id, graph)
    if problems:
        return graph, problems

    scopes: dict[str, list[FormNode]] = defaultdict(list)
    for vertex in graph.order:
        scopes[_scope_key(vertex.chain)].append(vertex)
    graph.scope_nodes = dict(scopes)
    _structure(form, graph)
    return graph, []


def _rank(
    vertices: list[FormNode],
    edges: dict[int, set[int]],
    by_id: dict[int, FormNode],
    graph: DependencyGraph,
) -> list[LoadProblem]:
    """Kahn's algorithm with document order as tie-break; leftovers are reported as a cycle."""
    import heapq

    position = {id(v): i for i, v in enumerate(vertices)}
    indegree = {id(v): 0 for v in vertices}
    for targets in edges.values():
        for target in targets:
            indegree[target] += 1
    ready = [(position[i], i) for i, d in indegree.items() if d == 0]
    heapq.heapify(ready)
    order: list[FormNode] = []
    while ready:
        _, current = heapq.heappop(ready)
        order.append(by_id[current])
        for target in edges.get(current, ()):
            indegree[target] -= 1
            if indegree[target] == 0:
                heapq.heappush(ready, (position[target], target))
    if len(order) < len(vertices):
        left = {i for i, d in indegree.items() if d > 0}
        cycle = _find_cycle(left, edges, position)
        names = [by_id[i].name.replace("#count", " (repeat_count)") for i in cycle]
        first = min((by_id[i] for i in cycle), key=lambda n: n.index)
        return [
            LoadProblem("survey", first.row, "load.cycle", {"cycle": " → ".join(names + names[:1])})
        ]
    for rank, vertex in enumerate(order):
        vertex.rank = rank
    graph.order = order
    return []


def _find_cycle(left: set[int], edges: dict[int, set[int]], position: dict[int, int]) -> list[int]:
    start = min(left, key=position.__getitem__)
    path: list[int] = []
    seen: dict[int, int] = {}
    current = start
    # Every leftover vertex has a leftover predecessor on a cycle; walk successors in `left`.
    while current not in seen:
        seen[current] = len(path)
        path.append(current)
        successors = sorted((t for t in edges.get(current, ()) if t in left), key=position.get)
        if not successors:  # pragma: no cover - a leftover vertex always leads to a cycle
            break
        current = successors[0]
    cycle = path[seen.get(current, 0) :]
    first = min(range(len(cycle)), key=lambda i: position[cycle[i]])
    return cycle[first:] + cycle[:first]


def _structure(form: Form, graph: DependencyGraph) -> None:
    """Precompute what adding, removing or moving an entry of each repeat must refresh."""
    for repeat in (node for node in form.walk() if node.is_repeat):
        depth = len(repeat.chain)
        inside = {node.name for node in repeat.walk()}
        value: dict[tuple[int, tuple[str, ...]], Edge] = {}
        check: dict[tuple[int, tuple[str, ...]], Edge] = {}
        for kind, edges in ((value, graph.value_edges), (check, graph.check_edges)):
            for source in inside:
                for edge in edges.get(source, ()):
                    source_depth = len(form.nodes[source].chain)
                    common = source_depth - edge.up
                    if common < depth:  # the dependent sits outside the entry
                        shifted = Edge(edge.target, up=depth - 1 - common, down=edge.down)
                        kind[(id(edge.target), shifted.down)] = shifted
        graph.structure_edges[repeat.name] = (list(value.values()), list(check.values()))
        graph.position_nodes[repeat.name] = [
            node
            for node in repeat.walk()
            if node.chain and node.chain[-1] is repeat and _uses_position(node)
        ]


def _uses_position(node: FormNode) -> bool:
    return any(
        expr.uses_position for expr in _exprs(node, VALUE_COLUMNS) + _exprs(node, CHECK_COLUMNS)
    )
