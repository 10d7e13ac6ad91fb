"""Real file-system conditions (read-only folders, a full disk) without privileges.

`run_in_namespace` runs a shell script as root of a new user + mount namespace (util-linux
`unshare`), where it may bind-mount a folder read-only or mount a small tmpfs; the rest of the
machine sees none of it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


def run_in_namespace(script: str, cwd: Path) -> subprocess.CompletedProcess:
    assert shutil.which("unshare"), "util-linux 'unshare' is needed (apt-get install util-linux)"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    return subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-euc", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=300,
    )
