"""Which help page belongs to the window (or the part of it) the user is in.

Windows are recognised by object name or class name, so the help needs no hook in each of
them; a widget may also name its page itself with the dynamic property "helpTopic".
Walking up from the focused widget lets a part of a window (the sync panel docked in the main
window) and a message box over a dialog find the right page.
"""

from __future__ import annotations

from typing import Any

TOPIC_PROPERTY = "helpTopic"
VIEWER_NAME = "helpViewer"  # F1 inside the help itself changes nothing
DEFAULT = "main-window"

TOPICS: dict[str, str] = {
    # main window and the parts docked in it
    "mainWindow": "main-window",
    "syncDock": "sync",
    "syncPanel": "sync",
    "syncBannerDock": "sync",
    # registry
    "HouseholdDialog": "household",
    "MemberEditor": "household",
    # interview
    "interviewWindow": "interview",
    "StartDialog": "interview",
    # review and awards
    "reviewWindow": "review",
    "noteDialog": "review",
    "assessmentDialog": "review",
    "decisionDialog": "review",
    # printing
    "printOptionsDialog": "printing",
    "pdfPreview": "printing",
    "printProgress": "printing",
    # sync
    "todoWindow": "sync",
    "conflictDialog": "sync",
    "enrolDialog": "sync",
    # settings
    "SettingsDialog": "settings",
}


def topic_for(widget: Any) -> str | None:
    """The page for `widget` (the focused one), or None inside the help viewer itself."""
    while widget is not None:
        own = widget.property(TOPIC_PROPERTY)
        if own:
            return str(own)
        name = widget.objectName()
        if name == VIEWER_NAME:
            return None
        found = TOPICS.get(name) or TOPICS.get(type(widget).__name__)
        if found:
            return found
        widget = widget.parentWidget()
    return DEFAULT
