#!/usr/bin/env bash
# Install the Debian packages Qt (and, for the server tests, PostgreSQL) need, when missing.
# Usage: system_deps.sh test|gui. Does nothing on non-Debian systems or when all are present.
set -euo pipefail
mode="${1:-test}"
command -v dpkg-query >/dev/null 2>&1 || exit 0

packages=(libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
          poppler-utils)
if [ "$mode" = test ]; then
  # The server tests start a throw-away PostgreSQL cluster (tests/pgcluster.py), check the
  # city's pages in headless Chromium and run the documented `sqlite3 .backup` (server-ops);
  # the certificate tests scan printed QR codes with zbarimg; the interview recording test
  # records from a throw-away PulseAudio server's microphone (tests/ui/sound_server.py).
  packages+=(postgresql chromium sqlite3 zbar-tools pulseaudio)
fi
if [ "$mode" = gui ]; then
  packages+=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
             libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Missing system packages: ${missing[*]} (install them as root)" >&2; exit 1
  fi
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
