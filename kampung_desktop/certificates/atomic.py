"""Write a file completely or not at all.

Every PDF, CSV and XLSX this package produces is first written to a hidden temporary file in
the target's own folder (same file system, so the final rename is atomic) and renamed over the
target only when writing succeeded. On any error, or a cancel, the temporary file is removed and
an existing target is left as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


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
    fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.", suffix=".part")
    os.close(fd)
    tmp_path = Path(tmp)
    os.chmod(tmp_path, 0o666 & ~_UMASK)
    try:
        yield tmp_path
        os.replace(tmp_path, final)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
