"""Which members of a found household a search matched, by the search's own rule.

The household search matches the start of words (and of the NIK) anywhere in the household;
this names the members whose name or NIK one of the typed words starts, so the window can say
why a household is listed ("cocok: Siti Aminah") instead of leaving the user to guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(query: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(query or "")]


def matched_members(query: str, members: Sequence[tuple[str, str | None]]) -> list[int]:
    """Indexes of the members (name, NIK) whose name words or NIK a query word begins."""
    wanted = tokens(query)
    if not wanted:
        return []
    found = []
    for index, (name, nik) in enumerate(members):
        words = tokens(name) + ([nik] if nik else [])
        if any(w.startswith(t) for t in wanted for w in words):
            found.append(index)
    return found
