"""What the household table shows: an area of the wilayah tree, search text and sort order.

Plain data with no database imports, so the window shell can hold it before the stack loads;
the household browser (services.household_browser) answers it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class AreaSelection:
    """A node of the wilayah tree as a filter; all None means every household."""

    kode_prefix: str | None = None  # kab/kota, kecamatan or kelurahan code
    rw: int | None = None
    rt: int | None = None


@dataclass(frozen=True)
class ListQuery:
    area: AreaSelection = AreaSelection()
    text: str = ""
    sort: str = "head_name"
    descending: bool = False

    def with_(self, **changes: object) -> ListQuery:
        return replace(self, **changes)  # type: ignore[arg-type]
