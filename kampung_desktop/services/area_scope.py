"""The wilayah tree as a scoped account sees it: only its kelurahan and the areas above them.

A petugas scoped to one kelurahan must not see the names or household counts of the others.
Pruning happens after the counts are read, so the counts of the kecamatan and kota that stay
are summed again from what stays.
"""

from __future__ import annotations

from collections.abc import Sequence

from kampung_desktop.core.roles import in_scope
from kampung_desktop.core.wilayah import Level
from kampung_desktop.services.first_view import AreaNode


def prune_tree(roots: list[AreaNode], scope: Sequence[str]) -> list[AreaNode]:
    """`roots` limited to `scope` (kelurahan or coarser codes; empty: everything, unchanged)."""
    if not scope:
        return roots
    return [node for node in (_prune(root, scope) for root in roots) if node is not None]


def _prune(node: AreaNode, scope: Sequence[str]) -> AreaNode | None:
    kelurahan = node.kelurahan_kode or (node.kode if node.level >= Level.KELURAHAN else None)
    if kelurahan is not None:
        return node if in_scope(scope, kelurahan) else None
    kept = [child for child in (_prune(c, scope) for c in node.children) if child is not None]
    if not kept:
        return None
    node.children = kept
    node.count = sum(child.count for child in kept)
    return node
