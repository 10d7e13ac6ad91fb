"""Write a file completely or not at all.

Every PDF, CSV and XLSX this package produces is first written to a hidden temporary file in
the target's own folder (same file system, so the final rename is atomic) and renamed over the
target only when writing succeeded. On any error, or a cancel, the temporary file is removed and
an existing target is left as it was. A process killed while writing cannot remove its file:
the next write into that folder does, once the file's owner (named in it) is gone.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: `.piagam.pdf.<pid>.<mkstemp's 8 characters>.part`: whose it is, so leftovers can be told
#: from a file another process is still writing.
_PART = re.compile(r"^\..+?(?:\.(?P<pid>\d+))?\.[a-z0-9_]{8}\.part$")
#: Without a living owner to ask (other systems, names from older versions): this old is stale.
STALE_AFTER_S = 3600


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# mkstemp creates files readable by the owner only; the result should get the usual mode.
_UMASK = _read_umask()


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path to write; on clean exit it replaces `target`."""
    final = Path(target)
    remove_stale_parts(final.parent)
    fd, tmp = tempfile.mkstemp(
        dir=final.parent, prefix=f".{final.name}.{os.getpid()}.", suffix=".part"
    )
    os.close(fd)
    tmp_path = Path(tmp)
    os.chmod(tmp_path, 0o666 & ~_UMASK)
    try:
        yield tmp_path
        os.replace(tmp_path, final)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def owner_alive(pid: int | None, path: Path) -> bool:
    """Is the process that made `path` still running (so its file is still being written)?"""
    if pid is None or os.name != "posix":
        try:
            return time.time() - path.stat().st_mtime < STALE_AFTER_S
        except OSError:
            return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's running process
    return True


def remove_stale_parts(folder: Path) -> int:
    """Delete `.part` files left by a process that was killed while writing; returns how many."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        match = _PART.match(entry.name)
        if match is None:
            continue  # not ours
        pid = int(match["pid"]) if match["pid"] else None  # None: a name from before pids
        path = Path(entry.path)
        if not owner_alive(pid, path):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed
