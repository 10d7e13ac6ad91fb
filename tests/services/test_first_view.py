"""The first view's tree: kelurahan counts from the maintained counters, RW/RT left for later."""

from __future__ import annotations

from kampung_desktop.core.wilayah import Level
from kampung_desktop.services import demo, first_view


def walk(nodes):
    for node in nodes:
        yield node
        yield from walk(node.children)


def test_the_first_tree_stops_at_kelurahan_with_the_same_counts(ctx):
    demo.seed(ctx.db, 300, 2)
    with ctx.db.raw() as conn:
        full = {n.kode: n for n in walk(first_view.tree(conn))}
        short = list(walk(first_view.tree(conn, Level.KELURAHAN)))
        total = conn.execute("SELECT count(*) FROM households WHERE deleted = 0").fetchone()[0]
    assert short and max(n.level for n in short) == Level.KELURAHAN
    assert all(n.count == full[n.kode].count for n in short)
    assert sum(n.count for n in short if n.level == Level.KELURAHAN) == total
    assert any(n.level == Level.RT and n.count for n in full.values())
