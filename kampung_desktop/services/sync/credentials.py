"""Where the device token lives: the OS keyring, or an encrypted file where there is none.

The token is the laptop's right to write to the city's server, so it is never written to the
settings table, a log or a plain file. With a real keyring (Windows Credential Manager, macOS
Keychain, Secret Service) it goes there. Headless Linux and minimal desktops have none: then it
is encrypted (Fernet) into `sync-token.enc` in the data dir with a key kept in the user's config
dir (mode 0600), so a copied data dir or backup does not carry a usable token.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import os
from pathlib import Path

import platformdirs
from cryptography.fernet import Fernet, InvalidToken

log = logging.getLogger(__name__)

SERVICE = "kampung-sync"
TOKEN_FILE = "sync-token.enc"
KEY_DIR_ENV = "KAMPUNG_KEY_DIR"  # tests and portable installs point this elsewhere
BACKEND_ENV = "KAMPUNG_TOKEN_STORE"  # "file" forces the encrypted file


class TokenStore:
    """Save, load and forget one device token, keyed by the device id."""

    def __init__(self, data_dir: Path, device_id: str) -> None:
        self.data_dir = Path(data_dir)
        self.device_id = device_id
        self.keyring = None if os.environ.get(BACKEND_ENV) == "file" else _usable_keyring()

    @property
    def backend(self) -> str:
        return "keyring" if self.keyring is not None else "encrypted-file"

    def save(self, token: str) -> None:
        if self.keyring is not None:
            try:
                self.keyring.set_password(SERVICE, self.device_id, token)
                return
            except Exception as exc:  # a locked or broken keyring: fall back, never lose it
                log.warning("keyring refused the token (%s); using the encrypted file", type(exc))
        path = self.data_dir / TOKEN_FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(self._fernet(create=True).encrypt(token.encode()))
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)

    def load(self) -> str | None:
        if self.keyring is not None:
            try:
                token = self.keyring.get_password(SERVICE, self.device_id)
                if token:
                    return token
            except Exception as exc:
                log.warning("keyring unreadable (%s); trying the encrypted file", type(exc))
        path = self.data_dir / TOKEN_FILE
        fernet = self._fernet(create=False)
        if not path.exists() or fernet is None:
            return None
        try:
            return fernet.decrypt(path.read_bytes()).decode()
        except (InvalidToken, OSError, UnicodeDecodeError):
            log.warning("stored device token cannot be decrypted; enrol again")
            return None

    def forget(self) -> None:
        if self.keyring is not None:
            with contextlib.suppress(Exception):  # absent or not deletable: nothing there
                self.keyring.delete_password(SERVICE, self.device_id)
        (self.data_dir / TOKEN_FILE).unlink(missing_ok=True)

    def _fernet(self, create: bool) -> Fernet | None:
        key_dir = Path(os.environ.get(KEY_DIR_ENV) or platformdirs.user_config_dir("kampung"))
        key_path = key_dir / f"device-{self.device_id}.key"
        if not key_path.exists():
            if not create:
                return None
            key_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(Fernet.generate_key())
        key = key_path.read_bytes().strip()
        base64.urlsafe_b64decode(key)  # a damaged key file raises here, not at decrypt
        return Fernet(key)


def _usable_keyring():  # type: ignore[no-untyped-def]
    """The system keyring, or None when only the fail/null backends are available."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) < 1:
        return None
    name = type(backend).__module__
    if "chainer" in name and not getattr(backend, "backends", None):
        return None
    return backend
