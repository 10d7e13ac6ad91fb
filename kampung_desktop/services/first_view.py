"""The first view of the main window read with stdlib sqlite3 only (no SQLAlchemy, no models).

PROTOTYPE (bench_gui_startup): the ORM stack costs ~330 ms to import; the window needs none of
it to show the tree, the list and the status bar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kampung_desktop.core import wilayah as rules
from kampung_desktop.storage import areas, peek, sync_store
from kampung_desktop.storage.connection import RawConnection
from kampung_desktop.storage.household_list import area_counts, kelurahan_counts


@dataclass
class AreaNode:
    kode: str
    nama: str
    level: rules.Level
    count: int = 0
    rw: int | None = None
    rt: int | None = None
    kelurahan_kode: str | None = None
    children: list[AreaNode] = field(default_factory=list)


def tree(conn: RawConnection, down_to: rules.Level = rules.Level.RT) -> list[AreaNode]:
    """Kab/kota roots down to `down_to` (RT by default), each node with its household count.

    The first view asks only down to kelurahan: a city has a hundred kelurahan but ten
    thousand RT, and the counts come from the maintained counters either way.
    """
    records = areas.tree_rows(conn, int(down_to))
    levels = {int(level): level for level in rules.Level}
    nodes: dict[str, AreaNode] = {}
    roots: list[AreaNode] = []
    for kode, nama, level, parent, kel, rw, rt in records:
        node = AreaNode(kode, nama, levels[level], rw=rw, rt=rt, kelurahan_kode=kel)
        nodes[kode] = node
        (nodes[parent].children if parent in nodes else roots).append(node)
    if down_to >= rules.Level.RT:
        _add_rt_counts(nodes, area_counts(conn))
    else:
        for kel, n in kelurahan_counts(conn).items():
            if kel in nodes:
                nodes[kel].count += n
    for root in roots:
        _sum_counts(root)
    return roots


def _add_rt_counts(nodes: dict[str, AreaNode], counts: dict[tuple[str, int, int], int]) -> None:
    # Households may name an RW/RT that has no wilayah row yet: show them too.
    for (kel, rw, rt), n in counts.items():
        rw_code, rt_code = f"{kel}/{rw:03d}", f"{kel}/{rw:03d}/{rt:03d}"
        if kel in nodes and rw_code not in nodes:
            nodes[rw_code] = AreaNode(
                rw_code, f"RW {rw:03d}", rules.Level.RW, rw=rw, kelurahan_kode=kel
            )
            nodes[kel].children.append(nodes[rw_code])
        if rw_code in nodes and rt_code not in nodes:
            nodes[rt_code] = AreaNode(
                rt_code, f"RT {rt:03d}", rules.Level.RT, rw=rw, rt=rt, kelurahan_kode=kel
            )
            nodes[rw_code].children.append(nodes[rt_code])
        if rt_code in nodes:
            nodes[rt_code].count += n


def _sum_counts(node: AreaNode) -> int:
    node.children.sort(key=lambda c: (c.rw or 0, c.rt or 0, c.kode))
    if node.children:
        node.count = sum(_sum_counts(c) for c in node.children)
    return node.count


def setting(conn: RawConnection, key: str) -> str | None:
    return peek.setting(conn, key)


def pending(conn: RawConnection) -> int:
    """Changes waiting to be sent (the status bar's count)."""
    return sum(sync_store.pending_by_table(conn).values())


def needs_first_start(conn: RawConnection) -> bool:
    """True when AppContext.open would write (reference codes or the local user missing)."""
    return not areas.has_areas(conn) or not setting(conn, "current_user")


def saved_setting(data_dir: Path, key: str) -> str | None:
    """A setting read before the database stack loads (the UI language for the first paint);
    a missing or damaged file is not touched and reads as None."""
    return peek.peek_setting(data_dir, key)
