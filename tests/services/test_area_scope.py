"""A scoped account's wilayah tree: its kelurahan and the areas above, counts of what stays."""

from __future__ import annotations

from kampung_desktop.core.wilayah import Level
from kampung_desktop.services import demo, wilayah
from kampung_desktop.services.area_scope import prune_tree


def _walk(nodes):  # type: ignore[no-untyped-def]
    for node in nodes:
        yield node
        yield from _walk(node.children)


def test_tree_keeps_only_the_scope_and_recounts(ctx):
    demo.seed(ctx.db, 300, 2)
    full = wilayah.tree(ctx.db)
    kelurahan = [n for n in _walk(full) if n.level == Level.KELURAHAN and n.count]
    chosen = kelurahan[0]
    assert len(kelurahan) > 1

    pruned = prune_tree(wilayah.tree(ctx.db), [chosen.kode])
    kept = [n for n in _walk(pruned) if n.level == Level.KELURAHAN]
    assert [n.kode for n in kept] == [chosen.kode]
    assert all(n.count == chosen.count for n in pruned)  # the kota counts only what stays
    assert all(
        (n.kelurahan_kode or n.kode) == chosen.kode
        for n in _walk(pruned)
        if n.level > Level.KELURAHAN
    )
    assert prune_tree(full, []) is full  # the whole city: unchanged
    assert prune_tree(wilayah.tree(ctx.db), ["99.99.99.9999"]) == []
