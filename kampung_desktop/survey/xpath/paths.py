"""XPath location paths at run time: the interview (and media files) seen as an XML tree.

`${name}` references are compiled to direct cell reads (fast, exact dependencies); a path like
`/data/g/x`, `../x`, `current()/..`, `${rep}[2]/x` or `instance('c')/root/item[name = ${x}]`
walks these lightweight nodes instead. The main instance is the form tree over the interview's
instances (a repeat has one node per entry); a secondary instance is the rows of a media file
as `root/item/<column>`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kampung_desktop.survey.instance import Instance
from kampung_desktop.survey.model import FormNode


class PNode:
    """A node of an instance tree; `value` is its text (a field's value, "" for containers)."""

    __slots__ = ()

    def children(self) -> list[PNode]:
        return []

    def parent(self) -> PNode | None:
        return None

    def name(self) -> str:
        return ""

    def value(self) -> Any:
        return ""

    def position(self) -> int:
        return 1

    def key(self) -> tuple[int, ...]:
        return (id(self),)

    def descendants(self) -> Iterator[PNode]:
        for child in self.children():
            yield child
            yield from child.descendants()


class MainNode(PNode):
    """A form node in one interview instance; for a repeat, `inst` is the entry."""

    __slots__ = ("node", "inst", "tops")

    def __init__(self, node: FormNode | None, inst: Instance, tops: tuple[FormNode, ...]) -> None:
        self.node = node
        self.inst = inst
        #: The form's top-level nodes (the children of the root element).
        self.tops = tops

    def _child_nodes(self) -> list[FormNode] | tuple[FormNode, ...]:
        return self.tops if self.node is None else self.node.children

    def children(self) -> list[PNode]:
        if self.node is not None and not self.node.is_container:
            return []
        out: list[PNode] = []
        for child in self._child_nodes():
            if child.is_repeat:
                out.extend(MainNode(child, e, self.tops) for e in _entries(self.inst, child))
            else:
                out.append(MainNode(child, self.inst, self.tops))
        return out

    def parent(self) -> PNode | None:
        node, inst = self.node, self.inst
        if node is None:
            return None
        if node.is_repeat and inst.repeat is node:  # an entry: up to the repeat's parent
            inst = inst.parent  # type: ignore[assignment]
        parent = node.parent
        if parent is None:
            while inst.parent is not None:
                inst = inst.parent
            return MainNode(None, inst, self.tops)
        return MainNode(parent, inst, self.tops)

    def name(self) -> str:
        return "" if self.node is None else self.node.xml_name

    def value(self) -> Any:
        if self.node is None or self.node.is_container:
            return ""
        cell = self.inst.cells.get(self.node.name)
        return cell.value if cell is not None else ""

    def position(self) -> int:
        if self.node is not None and self.node.is_repeat and self.inst.repeat is self.node:
            return self.inst.pos
        return 1

    def key(self) -> tuple[int, ...]:
        return (id(self.node), id(self.inst))


class ItemNode(PNode):
    """A node of a secondary instance (a media file): root, item, or one column of an item."""

    __slots__ = ("_name", "_value", "_children", "_parent", "_position")

    def __init__(self, name: str, value: Any, parent: PNode | None, position: int = 1) -> None:
        self._name = name
        self._value = value
        self._children: list[PNode] = []
        self._parent = parent
        self._position = position

    def children(self) -> list[PNode]:
        return self._children

    def parent(self) -> PNode | None:
        return self._parent

    def name(self) -> str:
        return self._name

    def value(self) -> Any:
        return self._value

    def position(self) -> int:
        return self._position


def secondary_instance(rows: list[dict[str, str]]) -> ItemNode:
    """`instance('x')`: a document node → `root` → `item` per row → one node per column."""
    document = ItemNode("", "", None)
    root = ItemNode("root", "", document)
    document._children = [root]
    for index, row in enumerate(rows, start=1):
        item = ItemNode("item", "", root, index)
        item._children = [ItemNode(k, v, item) for k, v in row.items()]
        root._children.append(item)
    return document


def _entries(inst: Instance, repeat: FormNode) -> list[Instance]:
    return list(inst.children.get(repeat.name, ()))
