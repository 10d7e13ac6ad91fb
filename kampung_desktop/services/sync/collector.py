"""Keep the garbage collector's full passes off the objects that existed before a push or pull.

Both allocate hundreds of thousands of objects (records, receipts, pages); that triggers full
collections, and each one walked every object of the process, the window with its models
included, while holding the GIL: the window froze for 60-70 ms at a time, and a pull spent a
fifth of its time in the collector (both measured). Objects set aside are still freed by
reference counting; `gc.unfreeze` hands them back to the collector afterwards.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0  # nested or concurrent users (a session around its push and pull): one freeze


@contextmanager
def old_objects_set_aside() -> Iterator[None]:
    global _depth
    with _lock:
        if _depth == 0:
            gc.freeze()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.unfreeze()
