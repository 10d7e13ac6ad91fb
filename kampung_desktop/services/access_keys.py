"""The cryptography of sign-in: password verifiers, key derivation and key wrapping.

The database key is random (32 bytes). Each account keeps it wrapped with AES-GCM under a key
derived from its password with argon2id (KEK), so every authorised user opens the database,
a password change re-wraps 32 bytes instead of re-encrypting the database, and access.json
alone reveals nothing. The verifier (an argon2id PHC string) answers "is this the password"
without touching the wrapped key, which is how server accounts are checked offline.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from functools import lru_cache

KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
# The plan's KEK parameters (RFC 9106's second recommended option, 64 MiB).
KDF_TIME_COST = 3
KDF_MEMORY_KIB = 65536
KDF_PARALLELISM = 2

# argon2 and cryptography load on first use: every CLI command and the window's start import
# this module (through the failure mapping), and most never sign anyone in.


@lru_cache(maxsize=1)
def _hasher():  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher

    return PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_verifier() -> str:
    """Checked when the username is unknown, so an unknown name costs the same time as a
    wrong password and the answer time does not say which usernames exist."""
    return _hasher().hash("kampung-no-such-user")


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def new_salt() -> str:
    return _b64(os.urandom(SALT_BYTES))


def make_verifier(password: str) -> str:
    return _hasher().hash(password)


def check_password(verifier: str | None, password: str) -> bool:
    """True when `password` matches `verifier`; False for a wrong one or a bad verifier."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(verifier or _dummy_verifier(), password) and verifier is not None
    except (VerificationError, InvalidHashError):  # VerifyMismatchError is a VerificationError
        return False


def derive_kek(password: str, salt_b64: str) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        password.encode("utf-8"),
        _unb64(salt_b64),
        time_cost=KDF_TIME_COST,
        memory_cost=KDF_MEMORY_KIB,
        parallelism=KDF_PARALLELISM,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def wrap(kek: bytes, key: bytes, username: str) -> str:
    """`key` sealed under `kek`, bound to `username` (a wrap copied to another account fails)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return _b64(nonce + AESGCM(kek).encrypt(nonce, key, _aad(username)))


def unwrap(kek: bytes, wrapped_b64: str, username: str) -> bytes | None:
    """The key, or None when the KEK (the password) or the wrap itself is wrong."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        blob = _unb64(wrapped_b64)
        key = AESGCM(kek).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], _aad(username))
    except (InvalidTag, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None


def _aad(username: str) -> bytes:
    return username.strip().lower().encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def seal(key: bytes, data: bytes) -> str:
    """A MAC of `data` under a key derived from the database key (never the key itself)."""
    return _b64(hmac.new(_mac_key(key), data, hashlib.sha256).digest())


def sealed(key: bytes, data: bytes, mac: str | None) -> bool:
    return mac is not None and hmac.compare_digest(seal(key, data), mac)


def _mac_key(key: bytes) -> bytes:
    return hmac.new(key, b"kampung access.json mac v1", hashlib.sha256).digest()
