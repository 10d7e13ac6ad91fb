"""XPath location paths at run time: the interview (and media files) seen as an XML tree.

`${name}` references are compiled to direct cell reads (fast, exact dependencies); a path like
`/data/g/x`, `../x`, `current()/..`, `${rep}[2]/x` or `instance('c')/root/item[name = ${x}]`
walks these lightweight nodes instead. The main instance is the form tree over the interview's
instances (a repeat has one node per entry); a secondary instance is the rows of a media file
as `root/item/<column>`, or, for an XML file, the file's own tree.

Attributes (`@id`) are nodes too, reached only by an attribute step: an XML media file's
attributes, and the main instance root's `id` and `version` (the form's, as in the XForm
`<data id=".." version="..">`); the form's other nodes have none, as in pyxform's XForms.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

from kampung_desktop.survey.instance import Instance
from kampung_desktop.survey.model import FormNode


class PNode:
    """A node of an instance tree; `value` is its text (a field's value, "" for containers)."""

    __slots__ = ()

    def children(self) -> list[PNode]:
        return []

    def attributes(self) -> list[PNode]:
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


@dataclass(frozen=True)
class MainTree:
    """What every node of the main instance shares: the form's top-level nodes (the children
    of the root element) and the root element's attributes."""

    tops: tuple[FormNode, ...]
    attributes: dict[str, str] = field(default_factory=dict)

    @property
    def meta(self) -> tuple[FormNode, ...]:
        """The nodes of pyxform's `meta` group (kept flat in the form, nested in XPath)."""
        return tuple(n for n in self.tops if n.in_meta)


class MainNode(PNode):
    """A form node in one interview instance; for a repeat, `inst` is the entry."""

    __slots__ = ("node", "inst", "tree")

    def __init__(self, node: FormNode | None, inst: Instance, tree: MainTree) -> None:
        self.node = node
        self.inst = inst
        self.tree = tree

    def _child_nodes(self) -> list[FormNode] | tuple[FormNode, ...]:
        return self.tree.tops if self.node is None else self.node.children

    def children(self) -> list[PNode]:
        if self.node is not None and not self.node.is_container:
            return []
        out: list[PNode] = []
        for child in self._child_nodes():
            if child.in_meta:
                continue  # under `meta`
            if child.is_repeat:
                out.extend(MainNode(child, e, self.tree) for e in _entries(self.inst, child))
            else:
                out.append(MainNode(child, self.inst, self.tree))
        if self.node is None and self.tree.meta:
            out.append(MetaNode(self.inst, self.tree))
        return out

    def attributes(self) -> list[PNode]:
        if self.node is not None:
            return []
        return [AttrNode(k, v, self) for k, v in self.tree.attributes.items()]

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
            if node.in_meta:
                return MetaNode(inst, self.tree)
            return MainNode(None, inst, self.tree)
        return MainNode(parent, inst, self.tree)

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


class MetaNode(PNode):
    """`/data/meta`: the group pyxform puts instanceID, audit, ... in."""

    __slots__ = ("inst", "tree")

    def __init__(self, inst: Instance, tree: MainTree) -> None:
        self.inst = inst
        self.tree = tree

    def children(self) -> list[PNode]:
        return [MainNode(n, self.inst, self.tree) for n in self.tree.meta]

    def parent(self) -> PNode | None:
        return MainNode(None, self.inst, self.tree)

    def name(self) -> str:
        return "meta"

    def key(self) -> tuple[int, ...]:
        return (id(self.tree), id(self.inst), 0)


class AttrNode(PNode):
    """An attribute: its name (without a namespace prefix), text and element."""

    __slots__ = ("_name", "_value", "_owner")

    def __init__(self, name: str, value: str, owner: PNode) -> None:
        self._name = name
        self._value = value
        self._owner = owner

    def parent(self) -> PNode | None:
        return self._owner

    def name(self) -> str:
        return self._name

    def value(self) -> Any:
        return self._value

    def key(self) -> tuple[int, ...]:
        return (*self._owner.key(), hash(self._name))


class ItemNode(PNode):
    """A node of a secondary instance (a media file): root, item, or one column of an item."""

    __slots__ = ("_name", "_value", "_children", "_parent", "_position", "_attrs")

    def __init__(self, name: str, value: Any, parent: PNode | None, position: int = 1) -> None:
        self._name = name
        self._value = value
        self._children: list[PNode] = []
        self._parent = parent
        self._position = position
        self._attrs: dict[str, str] = {}

    def children(self) -> list[PNode]:
        return self._children

    def attributes(self) -> list[PNode]:
        return [AttrNode(k, v, self) for k, v in self._attrs.items()]

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


def xml_instance(root: ElementTree.Element) -> ItemNode:
    """`instance('x')` of an XML file, as JavaRosa reads one: the document's own elements and
    attributes; an element's value is its own text, trimmed (a container's is empty)."""
    document = ItemNode("", "", None)
    document._children = [_xml_node(root, document, 1)]
    return document


def _xml_node(element: ElementTree.Element, parent: PNode, position: int) -> ItemNode:
    text = (element.text or "").strip() if len(element) == 0 else ""
    node = ItemNode(_local(element.tag), text, parent, position)
    node._attrs = {_local(k): v for k, v in element.attrib.items()}
    seen: dict[str, int] = {}
    for child in element:
        name = _local(child.tag)
        seen[name] = seen.get(name, 0) + 1
        node._children.append(_xml_node(child, node, seen[name]))
    return node


def _local(tag: str) -> str:
    """`{uri}name` (ElementTree's namespaced name) → `name`."""
    return tag.rsplit("}", 1)[-1]


def _entries(inst: Instance, repeat: FormNode) -> list[Instance]:
    return list(inst.children.get(repeat.name, ()))
