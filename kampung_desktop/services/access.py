"""Who is using this data dir: sign-in, the database key, accounts and permission checks.

A data dir with accounts in access.json is *protected*: opening it takes a username and
password, which unwrap the database key (see access_keys). A dir without accounts is an
unprotected legacy dir and works as before. Every refusal is an `AccessDenied` whose message
says what to do, in Bahasa Indonesia and English; a refused attempt changes nothing on disk.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kampung_desktop.core import ids, wilayah
from kampung_desktop.core.roles import Permission, Role, allows, in_scope, normalise_scope
from kampung_desktop.services import access_keys as keys
from kampung_desktop.services import sign_in_notes
from kampung_desktop.services.access_store import check_seal, exclusive, save
from kampung_desktop.storage import access_file
from kampung_desktop.storage.access_file import AccessFile, AccountRecord
from kampung_desktop.storage.errors import DatabaseUnavailable

log = logging.getLogger(__name__)

DEMO_ADMIN = ("admin", "demo-kampung")  # documented in README; only ever on demo data
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")


class AccessDenied(Exception):
    """A refused sign-in or action; `str()` is the bilingual message "id / en"."""

    def __init__(self, indonesian: str, english: str) -> None:
        super().__init__(f"{indonesian} / {english}")
        self.id = indonesian
        self.en = english

    def again(self) -> AccessDenied:
        """A fresh copy to raise: a shared instance would keep the frames (and the password
        in them) of its last raise alive through its __traceback__."""
        return AccessDenied(self.id, self.en)

    def text(self, lang: str | None = None) -> str:
        if lang == "id":
            return self.id
        if lang == "en":
            return self.en
        return str(self)


@dataclass(frozen=True)
class Principal:
    username: str
    user_id: str
    full_name: str
    role: Role
    scope: tuple[str, ...]  # kelurahan codes; () = the whole city


@dataclass
class AccessSession:
    principal: Principal
    db_key: bytes | None  # None: an unprotected dir (no key exists)

    def __repr__(self) -> str:  # the key never reaches a log or a traceback
        return f"AccessSession({self.principal.username!r}, {self.principal.role.value})"


WRONG = AccessDenied(
    "Nama pengguna atau kata sandi salah. Periksa huruf besar/kecil, lalu coba lagi.",
    "Wrong username or password. Check upper/lower case, then try again.",
)
NOT_HERE_YET = AccessDenied(
    "Akun ini belum pernah membuka data di laptop ini. Minta pengguna yang sudah terdaftar "
    "membuka aplikasi, kunci layar, lalu masuk dengan akun Anda.",
    "This account has not opened the data on this laptop yet. Ask a user already registered "
    "here to open the app and lock the screen, then sign in with your account.",
)
SIGN_IN_FIRST = AccessDenied(
    "Masuk dulu: data ini dilindungi kata sandi.",
    "Sign in first: this data is protected by a password.",
)


# -- state of a data dir ---------------------------------------------------------------------
def is_protected(data_dir: Path) -> bool:
    """True when access.json holds at least one account (a damaged file raises)."""
    access = access_file.load(Path(data_dir))
    return bool(access and access.accounts)


def is_demo(data_dir: Path) -> bool:
    access = access_file.load(Path(data_dir))
    return bool(access and access.demo)


def is_encrypted(data_dir: Path) -> bool:
    """True once the database of a protected dir has been encrypted under its key."""
    access = access_file.load(Path(data_dir))
    return bool(access and access.accounts and access.encrypted)


# -- signing in ------------------------------------------------------------------------------
def sign_in(data_dir: Path, username: str, password: str) -> AccessSession:
    """Check the password offline and unwrap the database key; refusals change nothing."""
    access = protected_file(data_dir)
    account = _signing_in(data_dir, access, username, password)
    if account.wrapped_key is None:
        raise NOT_HERE_YET.again()
    key = keys.unwrap(_kek(data_dir, account, password), account.wrapped_key, account.username)
    if key is None:
        # The password is right (it matched the verifier) but the key was wrapped under an
        # older one: the server changed it. A running app re-wraps it (`unlock`).
        raise AccessDenied(
            "Kata sandi akun ini sudah diganti sejak terakhir membuka data di laptop ini. "
            "Minta pengguna lain yang terdaftar membuka aplikasi, kunci layar, lalu masuk "
            "dengan kata sandi baru Anda.",
            "This account's password changed since it last opened the data on this laptop. "
            "Ask another registered user to open the app and lock the screen, then sign in "
            "with your new password.",
        )
    check_seal(data_dir, access, key)
    return AccessSession(principal_of(account), key)


@exclusive
def unlock(data_dir: Path, session_key: bytes, username: str, password: str) -> AccessSession:
    """Sign in on the lock screen of a running app, which holds the key already.

    An account whose key is not wrapped yet (a server account's first use on this laptop, or
    one whose password changed on the server) gets `session_key` wrapped for it now.
    """
    access = protected_file(data_dir)
    check_seal(data_dir, access, session_key)  # an account slipped in outside Kampung: refused
    account = _signing_in(data_dir, access, username, password)
    kek = _kek(data_dir, account, password)
    if account.wrapped_key is not None:
        key = keys.unwrap(kek, account.wrapped_key, account.username)
        if key is not None:
            if key != session_key:
                raise WRONG.again()  # a key of another data dir: never mix them
            return AccessSession(principal_of(account), key)
    wrapped = keys.wrap(kek, session_key, account.username)
    save(data_dir, access.with_account(account.with_changes(wrapped_key=wrapped)), session_key)
    return AccessSession(principal_of(account), session_key)


def require(session: AccessSession | None, permission: Permission, wilayah_kode: str | None = None):
    """Raise AccessDenied unless the signed-in user may do `permission` (in `wilayah_kode`).

    `session` None is an unprotected legacy dir: everything is allowed there, as before.
    """
    if session is None:
        return
    principal = session.principal
    if not allows(principal.role, permission):
        raise AccessDenied(
            f"Peran {principal.role.value} tidak boleh {permission.label.split(' / ')[0]}. "
            "Minta pengguna dengan peran yang sesuai.",
            f"The {principal.role.value} role may not {permission.label.split(' / ')[1]}. "
            "Ask a user with the right role.",
        )
    if wilayah_kode is not None and not in_scope(principal.scope, wilayah_kode):
        mine = ", ".join(principal.scope)
        if not wilayah_kode:  # the whole city was asked for
            raise AccessDenied(
                f"Akun Anda hanya untuk kelurahan {mine}: sebutkan kelurahannya "
                "(mis. --kelurahan KODE).",
                f"Your account covers kelurahan {mine} only: name the kelurahan "
                "(e.g. --kelurahan CODE).",
            )
        raise AccessDenied(
            f"Wilayah {wilayah_kode} di luar cakupan akun Anda ({mine}).",
            f"Area {wilayah_kode} is outside your account's scope ({mine}).",
        )


# -- accounts --------------------------------------------------------------------------------
@exclusive
def create_first_admin(
    data_dir: Path, username: str, password: str, full_name: str = "", *, demo: bool = False
) -> AccessSession:
    """Protect an unprotected dir: a new random database key, wrapped for its first admin.
    `demo` marks demo data (only `demo seed --demo-admin` sets it, with DEMO_ADMIN)."""
    folder = Path(data_dir)
    access = access_file.load(folder)
    if access and access.accounts:
        raise AccessDenied(
            "Data ini sudah punya admin; pengguna baru ditambahkan oleh admin (--admin).",
            "This data already has an admin; new users are added by an admin (--admin).",
        )
    _check_username(username)
    _check_password(password)
    key = keys.new_key()
    account = _new_account(username.strip(), full_name, Role.ADMIN, (), password, key, "local")
    base = access or AccessFile()
    # The wrapped key is saved before the database is encrypted with it, so no crash can leave
    # an encrypted database without its key. "encrypted" is set at once: an upgrade cut short
    # is resumed by the next keyed open (storage.engine.prepare_database).
    save(folder, base.with_changes(accounts=(account,), encrypted=True, demo=demo), key)
    session = AccessSession(principal_of(account), key)
    try:
        encrypt_database(folder, session)
    except DatabaseUnavailable as exc:  # in use, read-only…: the account stands regardless
        log.warning("database not encrypted yet (%s); the next keyed open does it", exc.kind)
    return session


def encrypt_database(data_dir: Path, session: AccessSession) -> None:
    """Encrypt a newly protected dir's plain database and attachment files under the session's
    key now (resumable; nothing to do when done already). No connection to it may be open."""
    from kampung_desktop.storage import attachment_files, cipher_upgrade  # loaded when needed

    if session.db_key is not None:
        cipher_upgrade.encrypt_database(Path(data_dir), session.db_key)
        attachment_files.encrypt_plain_files(Path(data_dir), session.db_key)  # photos too


@exclusive
def add_user(
    data_dir: Path,
    admin: AccessSession,
    username: str,
    role: Role | str,
    scope: Iterable[str],
    password: str,
    full_name: str = "",
) -> None:
    """A new local account, signed off by an admin whose session holds the key."""
    require(admin, Permission.MANAGE_USERS)
    access = protected_file(data_dir)
    signer = access.find(admin.principal.username)
    if signer is None or signer.disabled or signer.role != Role.ADMIN.value:
        raise SIGN_IN_FIRST.again()
    if admin.db_key is None:
        raise SIGN_IN_FIRST.again()
    check_seal(data_dir, access, admin.db_key)
    _check_username(username)
    if access.find(username) is not None:
        raise AccessDenied(
            f"Nama pengguna '{username.strip()}' sudah dipakai; pilih nama lain.",
            f"Username '{username.strip()}' is taken; choose another.",
        )
    _check_password(password)
    try:
        role = Role(role)
    except ValueError:
        raise AccessDenied(
            f"Peran '{role}' tidak dikenal; pilih admin, operator atau enumerator.",
            f"Unknown role '{role}'; choose admin, operator or enumerator.",
        ) from None
    codes = check_scope(scope)
    from kampung_desktop.services.access_scope import refuse_unknown_kelurahan

    refuse_unknown_kelurahan(data_dir, admin.db_key, codes)
    account = _new_account(
        username.strip(), full_name, role, codes, password, admin.db_key, "local"
    )
    save(data_dir, access.with_account(account), admin.db_key)
    from kampung_desktop.services import audit  # audit reads this module's session type

    audit.record_in_dir(Path(data_dir), admin, "account_add", "account", account.username)


@exclusive
def change_password(data_dir: Path, session: AccessSession, old: str, new: str) -> None:
    """A new password for the signed-in user: re-wraps the key; the database is untouched."""
    access = protected_file(data_dir)
    account = _checked(access, session.principal.username, old)
    if account.source == "server":
        raise AccessDenied(
            "Akun ini milik server: ganti kata sandinya di server, lalu sinkronkan.",
            "This is a server account: change its password on the server, then sync.",
        )
    _check_password(new)
    if session.db_key is None:
        raise SIGN_IN_FIRST.again()
    check_seal(data_dir, access, session.db_key)
    salt = keys.new_salt()
    updated = account.with_changes(
        verifier=keys.make_verifier(new),
        kek_salt=salt,
        wrapped_key=keys.wrap(keys.derive_kek(new, salt), session.db_key, account.username),
    )
    save(data_dir, access.with_account(updated), session.db_key)


def list_accounts(data_dir: Path) -> list[Principal]:
    """The accounts of a dir (no secrets), for `kampung users list` and the admin screen."""
    access = access_file.load(Path(data_dir))
    return [principal_of(a) for a in access.accounts] if access else []


def check_scope(codes: Iterable[str]) -> tuple[str, ...]:
    """Scope codes as stored (dotted); refuses anything that is not an area code."""
    cleaned = normalise_scope(c for c in codes if c.strip())
    for code in cleaned:
        if not wilayah.is_valid_code(code) or wilayah.level_of(code) != wilayah.Level.KELURAHAN:
            raise AccessDenied(
                f"'{code}' bukan kode kelurahan (contoh: 36.71.01.1001).",
                f"'{code}' is not a kelurahan code (e.g. 36.71.01.1001).",
            )
    return cleaned


# -- helpers ---------------------------------------------------------------------------------
def protected_file(data_dir: Path) -> AccessFile:
    access = access_file.load(Path(data_dir))
    if not access or not access.accounts:
        raise AccessDenied(
            "Data ini belum punya akun; buat admin dulu (kampung users add).",
            "This data has no accounts yet; create the admin first (kampung users add).",
        )
    return access


def _signing_in(data_dir: Path, access: AccessFile, username: str, password: str) -> AccountRecord:
    """`_checked` for a sign-in: a refusal is noted on disk for the audit log at once (and
    counts towards the wait after repeated failures); a try during that wait is not checked."""
    wait = sign_in_notes.wait_seconds(data_dir)
    if wait:
        raise AccessDenied(
            f"Terlalu banyak percobaan masuk yang gagal. Tunggu {wait} detik, lalu coba lagi.",
            f"Too many failed sign-in attempts. Wait {wait} seconds, then try again.",
        )
    try:
        account = _checked(access, username, password)
    except AccessDenied:
        known = access.find(username or "")
        sign_in_notes.note_failed(data_dir, known.username if known else None)
        raise
    sign_in_notes.note_success(data_dir, account.username)
    return account


def _checked(access: AccessFile, username: str, password: str) -> AccountRecord:
    """The account when `password` is right; the same refusal for every wrong case."""
    account = access.find(username or "")
    ok = keys.check_password(account.verifier if account else None, password or "")
    if account is None or not ok:
        raise WRONG.again()
    if account.disabled:
        raise AccessDenied(
            "Akun ini dinonaktifkan. Hubungi admin.", "This account is disabled. Ask your admin."
        )
    return account


def _kek(data_dir: Path, account: AccountRecord, password: str) -> bytes:
    try:
        return keys.derive_kek(password, account.kek_salt)
    except ValueError:
        raise access_file.AccessFileDamaged(
            access_file.path_of(Path(data_dir)), "kek_salt"
        ) from None


def principal_of(account: AccountRecord) -> Principal:
    return Principal(
        username=account.username,
        user_id=account.user_id,
        full_name=account.full_name,
        role=Role(account.role),
        scope=tuple(account.scope),
    )


def _new_account(
    username: str,
    full_name: str,
    role: Role,
    scope: tuple[str, ...],
    password: str,
    key: bytes,
    source: str,
    user_id: str | None = None,
) -> AccountRecord:
    salt = keys.new_salt()
    return AccountRecord(
        username=username,
        full_name=full_name.strip() or username,
        role=role.value,
        scope=scope,
        verifier=keys.make_verifier(password),
        kek_salt=salt,
        wrapped_key=keys.wrap(keys.derive_kek(password, salt), key, username),
        source=source,
        disabled=False,
        user_id=user_id or ids.new_id(),
    )


def _check_username(username: str) -> None:
    if not USERNAME_RE.match((username or "").strip()):
        raise AccessDenied(
            "Nama pengguna: 1–100 huruf, angka, titik, garis bawah atau tanda hubung, diawali "
            "huruf atau angka (contoh: siti.rahma).",
            "Username: 1–100 letters, digits, dots, underscores or hyphens, starting with a "
            "letter or digit (e.g. siti.rahma).",
        )


def _check_password(password: str) -> None:
    if not MIN_PASSWORD <= len(password or "") <= MAX_PASSWORD:
        raise AccessDenied(
            f"Kata sandi paling sedikit {MIN_PASSWORD} karakter.",
            f"The password needs at least {MIN_PASSWORD} characters.",
        )
