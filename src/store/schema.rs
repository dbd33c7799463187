//! The schema and its migrations. `PRAGMA user_version` holds the version;
//! each migration moves the file one version forward inside the caller's
//! transaction. Never edit a released migration: add a new one.

/// `PRAGMA application_id` of folio files ("FOLI"), so a database of another
/// program is recognised and refused instead of being written into.
pub const APPLICATION_ID: i32 = 0x464F_4C49;

/// Migrations in order: `MIGRATIONS[0]` takes a file from version 0 to 1.
pub const MIGRATIONS: &[&str] = &[V1];

/// The newest schema version this program knows.
pub const CURRENT_VERSION: i32 = MIGRATIONS.len() as i32;

const V1: &str = r#"
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE clients (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- the name folded in Rust (Unicode lowercase): unique regardless of case
    name_key     TEXT NOT NULL UNIQUE,
    tier         TEXT NOT NULL CHECK (tier IN ('gold', 'potential', 'toxic')),
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'churned')),
    since        TEXT NOT NULL,
    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    channel      TEXT,
    goal         TEXT,
    notes        TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE contacts (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    role           TEXT,
    decision_maker INTEGER NOT NULL DEFAULT 0 CHECK (decision_maker IN (0, 1)),
    phone          TEXT,
    email          TEXT,
    birthday       TEXT
) STRICT;
CREATE INDEX contacts_client ON contacts(client_id);

CREATE TABLE tier_changes (
    id        INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    on_date   TEXT NOT NULL,
    from_tier TEXT CHECK (from_tier IS NULL OR from_tier IN ('gold', 'potential', 'toxic')),
    to_tier   TEXT NOT NULL CHECK (to_tier IN ('gold', 'potential', 'toxic')),
    reason    TEXT NOT NULL
) STRICT;
CREATE INDEX tier_changes_client ON tier_changes(client_id, on_date);
CREATE INDEX tier_changes_on ON tier_changes(on_date);

CREATE TABLE status_changes (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL,
    from_status TEXT CHECK (from_status IS NULL OR from_status IN ('active', 'paused', 'churned')),
    to_status   TEXT NOT NULL CHECK (to_status IN ('active', 'paused', 'churned')),
    reason      TEXT NOT NULL
) STRICT;
CREATE INDEX status_changes_client ON status_changes(client_id, on_date);
CREATE INDEX status_changes_on ON status_changes(on_date);

CREATE TABLE touchpoints (
    id        INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'email', 'message', 'report', 'other')),
    summary   TEXT NOT NULL DEFAULT '',
    minutes   INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    next_step TEXT,
    next_due  TEXT,
    -- summary and next step folded in Rust (Unicode lowercase) for filtering:
    -- SQLite's lower() folds ASCII only
    search    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX touchpoints_client_at ON touchpoints(client_id, at);
CREATE INDEX touchpoints_at ON touchpoints(at, id);
CREATE INDEX touchpoints_next_due ON touchpoints(next_due) WHERE next_due IS NOT NULL;

CREATE TABLE agreements (
    id        INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    made_on   TEXT NOT NULL,
    text      TEXT NOT NULL,
    owner     TEXT NOT NULL CHECK (owner IN ('us', 'client')),
    due       TEXT,
    status    TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'broken', 'cancelled')),
    closed_on TEXT
) STRICT;
CREATE INDEX agreements_client ON agreements(client_id, status);
CREATE INDEX agreements_status_due ON agreements(status, due);

CREATE TABLE plan_targets (
    month  TEXT PRIMARY KEY,
    amount INTEGER NOT NULL CHECK (amount >= 0)
) STRICT;

CREATE TABLE invoices (
    id        INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    month     TEXT NOT NULL,
    amount    INTEGER NOT NULL CHECK (amount > 0),
    due       TEXT NOT NULL
) STRICT;
CREATE INDEX invoices_month ON invoices(month, client_id);
CREATE INDEX invoices_client_due ON invoices(client_id, due, month, id);

CREATE TABLE payments (
    id        INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    paid_on   TEXT NOT NULL,
    amount    INTEGER NOT NULL CHECK (amount > 0),
    note      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX payments_paid_on ON payments(paid_on, client_id);
CREATE INDEX payments_client ON payments(client_id, paid_on);
"#;
