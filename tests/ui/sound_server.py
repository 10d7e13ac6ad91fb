"""A throw-away PulseAudio sound server with one microphone (a silent one).

CI machines have no sound card. PulseAudio's `module-null-source` is a real capture device to
every client, so Qt Multimedia records from it exactly as from a laptop's microphone (real
device discovery, capture, AAC encoder and file writing) — only what it hears is silence.
(`module-sine-source` would give a tone, but Qt's PulseAudio backend reads no frames from it.) `tools/system_deps.sh test` installs
PulseAudio; clients reach this server only through `env()` (PULSE_SERVER).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

MICROPHONE = "kampung_mic"


class SoundServer:
    def __init__(self, folder: Path) -> None:
        binary = shutil.which("pulseaudio")
        if binary is None:
            raise RuntimeError(
                "PulseAudio not found: run `make test` (tools/system_deps.sh installs it)"
            )
        folder.mkdir(parents=True, exist_ok=True)
        self.socket = folder / "native"
        home = folder / "home"
        home.mkdir(exist_ok=True)
        env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(folder)}
        env.pop("PULSE_SERVER", None)
        self.log = folder / "pulseaudio.log"
        self.proc = subprocess.Popen(
            [
                binary,
                "--daemonize=no",
                "-n",  # no default script: only the modules below
                "--exit-idle-time=-1",
                "--use-pid-file=no",
                f"--log-target=file:{self.log}",
                f"--load=module-native-protocol-unix socket={self.socket} auth-anonymous=1",
                f"--load=module-null-source source_name={MICROPHONE}",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 15
        while not self.socket.exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                log = self.log.read_text(errors="replace") if self.log.exists() else ""
                raise RuntimeError(f"PulseAudio did not start:\n{log[-2000:]}")
            time.sleep(0.05)

    def env(self) -> dict[str, str]:
        """The environment of a client that records from this server's microphone."""
        return {"PULSE_SERVER": f"unix:{self.socket}", "QT_AUDIO_BACKEND": "pulseaudio"}

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
