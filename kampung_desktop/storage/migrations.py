"""Named, transactional schema migrations; PRAGMA user_version is the schema version.

Each migration runs in one transaction together with the version bump, so a crash mid-upgrade
leaves the database at the previous version with every row intact. Never edit a released
migration: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from kampung_desktop.storage import search
from kampung_desktop.storage.sql_script import statements

_STAMPS = """
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    is_demo INTEGER NOT NULL DEFAULT 0
"""

V1_INITIAL = f"""
CREATE TABLE wilayah (
    id TEXT PRIMARY KEY,
    kode TEXT NOT NULL UNIQUE,
    nama TEXT NOT NULL,
    level INTEGER NOT NULL,
    parent_kode TEXT REFERENCES wilayah(kode),
    kelurahan_kode TEXT,
    rw INTEGER,
    rt INTEGER,
    source TEXT NOT NULL,
    {_STAMPS}
);
CREATE INDEX ix_wilayah_parent ON wilayah(parent_kode);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    role TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    {_STAMPS}
);

CREATE TABLE households (
    id TEXT PRIMARY KEY,
    kelurahan_kode TEXT NOT NULL REFERENCES wilayah(kode),
    rw INTEGER NOT NULL,
    rt INTEGER NOT NULL,
    address TEXT NOT NULL,
    no_kk TEXT,
    head_name TEXT NOT NULL DEFAULT '',
    member_count INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'aktif',
    latitude REAL,
    longitude REAL,
    deleted INTEGER NOT NULL DEFAULT 0,
    {_STAMPS}
);
-- Partial indexes over live rows cover the list's sort orders (rowid rides along).
CREATE INDEX ix_households_area ON households(kelurahan_kode, rw, rt) WHERE deleted = 0;
CREATE INDEX ix_households_head ON households(head_name COLLATE NOCASE) WHERE deleted = 0;
CREATE INDEX ix_households_address ON households(address COLLATE NOCASE) WHERE deleted = 0;
CREATE INDEX ix_households_kk ON households(no_kk);

CREATE TABLE members (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    nik TEXT,
    name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('L', 'P')),
    birth_place TEXT NOT NULL DEFAULT '',
    birth_date TEXT,
    relationship TEXT NOT NULL,
    marital_status TEXT NOT NULL DEFAULT '',
    education TEXT NOT NULL DEFAULT '',
    occupation TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    {_STAMPS}
);
CREATE INDEX ix_members_household ON members(household_id, position);
CREATE INDEX ix_members_nik ON members(nik);

CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    receipt TEXT
);
CREATE INDEX ix_outbox_pending ON outbox(sent_at, seq);

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user_id TEXT,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    fields TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX ix_audit_record ON audit_log(entity, record_id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


# Full-text index for search-as-you-type over names, NIK, No. KK and address; its rowid is the
# household's rowid, so a match needs no join on the text id.
def _search_index(prefixes: str) -> str:
    """The index filled with storage.search's document (one definition for writes and builds)."""
    return f"""
CREATE VIRTUAL TABLE household_search USING fts5(
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '{prefixes}'
);
INSERT INTO household_search (rowid, body) {search.DOCUMENT_SQL};
"""


V2_SEARCH = _search_index("2 3 4")

# Installed form versions (kept whole, so a draft reopens on the version it started with),
# assessments and their answers, one row per top-level field (a repeat is one JSON list).
V3_ASSESSMENTS = f"""
CREATE TABLE form_versions (
    id TEXT PRIMARY KEY,
    form_id TEXT NOT NULL,
    version TEXT NOT NULL,
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    installed_at TEXT NOT NULL,
    UNIQUE (form_id, version)
);

CREATE TABLE assessments (
    id TEXT PRIMARY KEY,
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    household_id TEXT REFERENCES households(id),
    kelurahan_kode TEXT NOT NULL REFERENCES wilayah(kode),
    rw INTEGER,
    rt INTEGER,
    state TEXT NOT NULL DEFAULT 'draft'
        CHECK (state IN ('draft', 'finalized', 'submitted', 'approved', 'returned')),
    current_page TEXT,
    review_note TEXT,
    created_by TEXT,
    finalized_at TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    {_STAMPS},
    FOREIGN KEY (form_id, form_version) REFERENCES form_versions(form_id, version)
);
CREATE INDEX ix_assessments_area ON assessments(kelurahan_kode, rw, rt);
CREATE INDEX ix_assessments_state ON assessments(state, form_id);
CREATE INDEX ix_assessments_household ON assessments(household_id);

CREATE TABLE assessment_answers (
    assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (assessment_id, field)
) WITHOUT ROWID;
"""

# Award decisions (revoked, never deleted), issued certificates and their number sequences.
V4_AWARDS = f"""
CREATE TABLE award_decisions (
    id TEXT PRIMARY KEY,
    program TEXT NOT NULL,
    year INTEGER NOT NULL,
    kelurahan_kode TEXT NOT NULL REFERENCES wilayah(kode),
    rw INTEGER NOT NULL,
    rt INTEGER NOT NULL,
    category TEXT NOT NULL,
    score TEXT,
    level TEXT,
    assessment_id TEXT REFERENCES assessments(id),
    decided_by TEXT,
    decided_at TEXT NOT NULL,
    revoked_at TEXT,
    revoked_by TEXT,
    revoke_reason TEXT,
    {_STAMPS}
);
CREATE UNIQUE INDEX ux_award_active
    ON award_decisions(program, year, kelurahan_kode, rw, rt) WHERE revoked_at IS NULL;
CREATE INDEX ix_award_area ON award_decisions(kelurahan_kode, program, year);

CREATE TABLE certificate_sequences (
    scope TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE certificates (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    decision_id TEXT NOT NULL REFERENCES award_decisions(id),
    digest TEXT NOT NULL,
    content TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    revoked_at TEXT,
    revoke_reason TEXT,
    {_STAMPS}
);
CREATE INDEX ix_certificates_decision ON certificates(decision_id);
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        for statement in statements(sql):
            conn.execute(statement)

    return run


V5_SEARCH_PREFIXES = "DROP TABLE household_search;" + _search_index("1 2 3 4 5 6 8")


def _apply_v6(conn: sqlite3.Connection) -> None:
    from kampung_desktop.storage.migration_sync import apply_v6

    apply_v6(conn)


def _apply_v8(conn: sqlite3.Connection) -> None:
    from kampung_desktop.storage.audit import apply_v8

    apply_v8(conn)


# Maintained household counts per (kelurahan, RW, RT) for the wilayah tree, the status bar and
# the list's total (a 1,000,000-household city must not be counted row by row on every view),
# and sort indexes that carry the area columns, so a wilayah subtree is filtered inside the
# index while the list pages along it (keyset pagination, storage/list_window.py).
# A REPLACE into households would skip the delete trigger (SQLite fires it only with
# recursive_triggers): writers update or upsert instead.
V7_LIST_COUNTS = """
CREATE TABLE household_counts (
    kelurahan_kode TEXT NOT NULL,
    rw INTEGER NOT NULL,
    rt INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (kelurahan_kode, rw, rt)
) WITHOUT ROWID;
INSERT INTO household_counts (kelurahan_kode, rw, rt, n)
SELECT kelurahan_kode, rw, rt, count(*) FROM households WHERE deleted = 0
GROUP BY kelurahan_kode, rw, rt;
CREATE TRIGGER household_counts_insert AFTER INSERT ON households WHEN NEW.deleted = 0
BEGIN
    INSERT INTO household_counts (kelurahan_kode, rw, rt, n)
    VALUES (NEW.kelurahan_kode, NEW.rw, NEW.rt, 1)
    ON CONFLICT (kelurahan_kode, rw, rt) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER household_counts_delete AFTER DELETE ON households WHEN OLD.deleted = 0
BEGIN
    UPDATE household_counts SET n = n - 1
    WHERE kelurahan_kode = OLD.kelurahan_kode AND rw = OLD.rw AND rt = OLD.rt;
END;
CREATE TRIGGER household_counts_update AFTER UPDATE OF deleted, kelurahan_kode, rw, rt
ON households
BEGIN
    UPDATE household_counts SET n = n - 1
    WHERE OLD.deleted = 0
      AND kelurahan_kode = OLD.kelurahan_kode AND rw = OLD.rw AND rt = OLD.rt;
    INSERT INTO household_counts (kelurahan_kode, rw, rt, n)
    SELECT NEW.kelurahan_kode, NEW.rw, NEW.rt, 1 WHERE NEW.deleted = 0
    ON CONFLICT (kelurahan_kode, rw, rt) DO UPDATE SET n = n + 1;
END;
DROP INDEX ix_households_head;
DROP INDEX ix_households_address;
CREATE INDEX ix_households_head_area
    ON households(head_name COLLATE NOCASE, kelurahan_kode, rw, rt) WHERE deleted = 0;
CREATE INDEX ix_households_address_area
    ON households(address COLLATE NOCASE, kelurahan_kode, rw, rt) WHERE deleted = 0;
CREATE INDEX ix_households_members_area
    ON households(member_count, kelurahan_kode, rw, rt) WHERE deleted = 0;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial registry, outbox and audit", _script(V1_INITIAL)),
    Migration(2, "full-text household search", _script(V2_SEARCH)),
    Migration(3, "forms, assessments and answers", _script(V3_ASSESSMENTS)),
    Migration(4, "award decisions and certificates", _script(V4_AWARDS)),
    Migration(5, "search prefix indexes for 1-8 characters", _script(V5_SEARCH_PREFIXES)),
    Migration(6, "sync bookkeeping: device, op ids, revisions, receipts", _apply_v6),
    Migration(7, "household counts and area-carrying sort indexes", _script(V7_LIST_COUNTS)),
    Migration(8, "tamper-evident audit chain: device, username, hashes", _apply_v8),
)
LATEST_VERSION = MIGRATIONS[-1].version


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def upgrade(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> list[str]:
    """Apply pending migrations up to `target`, one transaction each; returns their names."""
    applied = []
    for migration in MIGRATIONS:
        if migration.version <= current_version(conn) or migration.version > target:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration.apply(conn)
            conn.execute(f"PRAGMA user_version={migration.version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(migration.name)
    return applied
