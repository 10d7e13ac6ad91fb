"""The city's admin tasks behind `kampung server ...`: users and devices, forms, registry import,
export and statistics. Each task takes a database URL, does its work in transactions and raises
`AdminError` (a message in Bahasa Indonesia and English) for anything the operator must fix.
"""

from __future__ import annotations


class AdminError(Exception):
    """A problem the operator can fix; the text is safe to print (no personal data)."""

    def __init__(self, message_id: str, message_en: str, exit_code: int = 1) -> None:
        super().__init__(f"{message_id} / {message_en}")
        self.message_id = message_id
        self.message_en = message_en
        self.exit_code = exit_code
