//! The schema and its migrations. `PRAGMA user_version` holds the version;
//! each migration moves the file one version forward inside the caller's
//! transaction. Never edit a released migration: add a new one.

/// `PRAGMA application_id` of folio files ("FOLI"), so a database of another
/// program is recognised and refused instead of being written into.
pub const APPLICATION_ID: i32 = 0x464F_4C49;

/// Migrations in order: `MIGRATIONS[0]` takes a file from version 0 to 1.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8, V9];

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

/// Version 2: covering indexes for date windows, and running totals for
/// settlement, maintained by triggers in the same transaction as every write,
/// so a month's balances are computed from that month's invoices alone (not
/// by settling the whole history):
/// - `clients.paid_total`: the sum of the client's payments;
/// - `clients.billed_total`: the sum of the client's invoices;
/// - `invoices.billed_before`: the sum of the client's invoices that come
///   before this one in settlement order (due, month, id).
///
/// An invoice's paid part is then min(amount, max(0, paid_total - billed_before)).
const V2: &str = r#"
-- Covering indexes for the date-window aggregates (revenue, minutes and
-- touchpoint counts per client over 12 months, 6 months, 120 days): the
-- index alone answers them, with no lookup per row.
DROP INDEX payments_paid_on;
CREATE INDEX payments_day_client_amount ON payments(paid_on, client_id, amount);
-- The log newest first, with what its filter tests (client, folded text):
-- filtering a million touchpoints walks this index in order, no table lookups.
DROP INDEX touchpoints_at;
CREATE INDEX touchpoints_at ON touchpoints(at, id, client_id, search);
CREATE INDEX touchpoints_day_client_minutes ON touchpoints(at, client_id, minutes);

ALTER TABLE clients ADD COLUMN paid_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clients ADD COLUMN billed_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invoices ADD COLUMN billed_before INTEGER NOT NULL DEFAULT 0;
-- A month's invoices with what settling them needs, from the index alone.
DROP INDEX invoices_month;
CREATE INDEX invoices_month_cover ON invoices(month, client_id, due, id, amount, billed_before);

UPDATE clients SET
    paid_total = coalesce((SELECT sum(amount) FROM payments p WHERE p.client_id = clients.id), 0),
    billed_total = coalesce((SELECT sum(amount) FROM invoices i WHERE i.client_id = clients.id), 0);
UPDATE invoices SET billed_before = coalesce((
    SELECT sum(j.amount) FROM invoices j
    WHERE j.client_id = invoices.client_id
      AND (j.due, j.month, j.id) < (invoices.due, invoices.month, invoices.id)), 0);

CREATE TRIGGER payments_totals_insert AFTER INSERT ON payments BEGIN
    UPDATE clients SET paid_total = paid_total + NEW.amount WHERE id = NEW.client_id;
END;
CREATE TRIGGER payments_totals_delete AFTER DELETE ON payments BEGIN
    UPDATE clients SET paid_total = paid_total - OLD.amount WHERE id = OLD.client_id;
END;
CREATE TRIGGER payments_totals_update AFTER UPDATE OF amount, client_id ON payments BEGIN
    UPDATE clients SET paid_total = paid_total - OLD.amount WHERE id = OLD.client_id;
    UPDATE clients SET paid_total = paid_total + NEW.amount WHERE id = NEW.client_id;
END;

CREATE TRIGGER invoices_totals_insert AFTER INSERT ON invoices BEGIN
    -- Usually the new invoice is the client's latest: what came before is
    -- the client's billed total so far, no scan needed.
    UPDATE invoices SET billed_before = CASE
        WHEN EXISTS (SELECT 1 FROM invoices j WHERE j.client_id = NEW.client_id
                     AND (j.due, j.month, j.id) > (NEW.due, NEW.month, NEW.id))
        THEN coalesce((SELECT sum(j.amount) FROM invoices j WHERE j.client_id = NEW.client_id
                       AND (j.due, j.month, j.id) < (NEW.due, NEW.month, NEW.id)), 0)
        ELSE (SELECT billed_total FROM clients WHERE id = NEW.client_id)
    END WHERE id = NEW.id;
    UPDATE invoices SET billed_before = billed_before + NEW.amount
     WHERE client_id = NEW.client_id AND (due, month, id) > (NEW.due, NEW.month, NEW.id);
    UPDATE clients SET billed_total = billed_total + NEW.amount WHERE id = NEW.client_id;
END;
CREATE TRIGGER invoices_totals_delete AFTER DELETE ON invoices BEGIN
    UPDATE invoices SET billed_before = billed_before - OLD.amount
     WHERE client_id = OLD.client_id AND (due, month, id) > (OLD.due, OLD.month, OLD.id);
    UPDATE clients SET billed_total = billed_total - OLD.amount WHERE id = OLD.client_id;
END;
CREATE TRIGGER invoices_totals_update AFTER UPDATE OF client_id, due, month, amount ON invoices BEGIN
    UPDATE invoices SET billed_before = billed_before - OLD.amount
     WHERE client_id = OLD.client_id AND (due, month, id) > (OLD.due, OLD.month, OLD.id)
       AND id <> NEW.id;
    UPDATE clients SET billed_total = billed_total - OLD.amount WHERE id = OLD.client_id;
    UPDATE invoices SET billed_before = billed_before + NEW.amount
     WHERE client_id = NEW.client_id AND (due, month, id) > (NEW.due, NEW.month, NEW.id);
    UPDATE invoices SET billed_before = coalesce((
        SELECT sum(j.amount) FROM invoices j WHERE j.client_id = NEW.client_id
           AND (j.due, j.month, j.id) < (NEW.due, NEW.month, NEW.id)), 0)
     WHERE id = NEW.id;
    UPDATE clients SET billed_total = billed_total + NEW.amount WHERE id = NEW.client_id;
END;
"#;

/// Version 3: what the briefing reads per client, kept by triggers so a
/// report reads one row per client or per month instead of the history:
/// - `clients.last_touch`: the date of the client's latest touchpoint;
/// - `invoices.open`: 1 while the invoice has a balance left (its paid part,
///   min(amount, max(0, paid_total - billed_before)), is short of its
///   amount), with a partial index: the receivables are the open invoices;
/// - `month_totals`: per calendar month, the sum of invoices assigned to it
///   (expected) and of payments dated in it (received).
const V3: &str = r#"
ALTER TABLE clients ADD COLUMN last_touch TEXT;
ALTER TABLE invoices ADD COLUMN open INTEGER NOT NULL DEFAULT 0 CHECK (open IN (0, 1));
CREATE INDEX invoices_open ON invoices(client_id, due, month, id, amount, billed_before) WHERE open;
CREATE TABLE month_totals (
    month    TEXT PRIMARY KEY,
    expected INTEGER NOT NULL DEFAULT 0,
    received INTEGER NOT NULL DEFAULT 0
) STRICT;

UPDATE clients SET last_touch = (SELECT max(at) FROM touchpoints t WHERE t.client_id = clients.id);
UPDATE invoices SET open = (billed_before + amount > (SELECT paid_total FROM clients c WHERE c.id = invoices.client_id));
INSERT INTO month_totals (month, expected)
    SELECT month, sum(amount) FROM invoices WHERE true GROUP BY month;
INSERT INTO month_totals (month, received)
    SELECT substr(paid_on, 1, 7) AS m, sum(amount) FROM payments WHERE true GROUP BY m
ON CONFLICT (month) DO UPDATE SET received = excluded.received;

CREATE TRIGGER touchpoints_last_insert AFTER INSERT ON touchpoints BEGIN
    UPDATE clients SET last_touch = NEW.at
     WHERE id = NEW.client_id AND (last_touch IS NULL OR last_touch < NEW.at);
END;
CREATE TRIGGER touchpoints_last_delete AFTER DELETE ON touchpoints BEGIN
    UPDATE clients SET last_touch = (SELECT max(at) FROM touchpoints WHERE client_id = OLD.client_id)
     WHERE id = OLD.client_id AND last_touch = OLD.at;
END;
CREATE TRIGGER touchpoints_last_update AFTER UPDATE OF at, client_id ON touchpoints BEGIN
    UPDATE clients SET last_touch = (SELECT max(at) FROM touchpoints WHERE client_id = clients.id)
     WHERE id IN (OLD.client_id, NEW.client_id);
END;

-- Every change to a client's invoices or payments ends by updating its
-- billed or paid total (the v2 triggers do that last): re-mark its invoices.
CREATE TRIGGER clients_open_invoices AFTER UPDATE OF paid_total, billed_total ON clients BEGIN
    UPDATE invoices SET open = (billed_before + amount > NEW.paid_total)
     WHERE client_id = NEW.id AND open <> (billed_before + amount > NEW.paid_total);
END;

CREATE TRIGGER invoices_month_insert AFTER INSERT ON invoices BEGIN
    INSERT INTO month_totals (month, expected) VALUES (NEW.month, NEW.amount)
    ON CONFLICT (month) DO UPDATE SET expected = expected + excluded.expected;
END;
CREATE TRIGGER invoices_month_delete AFTER DELETE ON invoices BEGIN
    UPDATE month_totals SET expected = expected - OLD.amount WHERE month = OLD.month;
END;
CREATE TRIGGER invoices_month_update AFTER UPDATE OF month, amount ON invoices BEGIN
    UPDATE month_totals SET expected = expected - OLD.amount WHERE month = OLD.month;
    INSERT INTO month_totals (month, expected) VALUES (NEW.month, NEW.amount)
    ON CONFLICT (month) DO UPDATE SET expected = expected + excluded.expected;
END;
CREATE TRIGGER payments_month_insert AFTER INSERT ON payments BEGIN
    INSERT INTO month_totals (month, received) VALUES (substr(NEW.paid_on, 1, 7), NEW.amount)
    ON CONFLICT (month) DO UPDATE SET received = received + excluded.received;
END;
CREATE TRIGGER payments_month_delete AFTER DELETE ON payments BEGIN
    UPDATE month_totals SET received = received - OLD.amount
     WHERE month = substr(OLD.paid_on, 1, 7);
END;
CREATE TRIGGER payments_month_update AFTER UPDATE OF paid_on, amount ON payments BEGIN
    UPDATE month_totals SET received = received - OLD.amount
     WHERE month = substr(OLD.paid_on, 1, 7);
    INSERT INTO month_totals (month, received) VALUES (substr(NEW.paid_on, 1, 7), NEW.amount)
    ON CONFLICT (month) DO UPDATE SET received = received + excluded.received;
END;
"#;

/// Version 4: the next steps due soon (the briefing's "next 14 days") from
/// the index alone: the old index on the due date alone looked up every
/// row in the table, one random page each.
const V4: &str = r#"
DROP INDEX touchpoints_next_due;
CREATE INDEX touchpoints_next_step ON touchpoints(next_due, client_id, next_step)
    WHERE next_due IS NOT NULL AND next_step IS NOT NULL;
"#;

/// Version 5: what the briefing needs of the contacts from two narrow
/// indexes instead of the table's rows with all their texts: each client's
/// contacts and decision makers counted from (client, decision maker), and
/// the decision makers whose birthday is near found by its month and day.
/// The first index also serves what the old one on the client alone did.
const V5: &str = r#"
DROP INDEX contacts_client;
CREATE INDEX contacts_client_role ON contacts(client_id, decision_maker);
CREATE INDEX contacts_birthday ON contacts(substr(birthday, 6))
    WHERE decision_maker AND birthday IS NOT NULL;
"#;

/// Version 6: the open and broken agreements (a tenth of them: most end
/// kept) whole from one small index in client order. Through the status
/// index each was a lookup in the table, a random page each, then a sort.
const V6: &str = r#"
CREATE INDEX agreements_live
    ON agreements(client_id, id, made_on, text, owner, due, status, closed_on)
    WHERE status IN ('open', 'broken');
"#;

/// Version 7: the clients in name order with every column the lists and
/// the portfolio read (~1.4 MB at 10,000 clients), so those reads are one
/// scan of it: no sort, and no lookup in the table per client.
const V7: &str = r#"
CREATE INDEX clients_by_name ON clients(name_key, id, name, tier, status, since,
    cadence_days, channel, goal, notes, last_touch, paid_total);
"#;

/// Version 8: the settlement rule lives in one place, `domain::plan`
/// (`Unsettled`), no longer also in SQL. Gone: `invoices.billed_before` and
/// `invoices.open`, their indexes, and the triggers that decided which
/// invoice a payment settles. Kept: the plain sums a write adds to or takes
/// from (`clients.billed_total` and `paid_total`, `month_totals`), which
/// is how the walk knows what a client owes.
/// A month's invoices, a client's newest first and the portfolio's newest
/// first are read from covering indexes: the settlement walk reads the
/// newest invoices only.
///
/// The log's search keys read `ё` as `е` (`domain::fold`).
///
/// Also gone: `clients.last_touch` and its triggers. A touchpoint's insert
/// fired an UPDATE of the client (and of the wide name index holding the
/// column), with a statement journal per row: most of an import's time. A
/// client's last touch is one seek in the (client, date) index instead.
const V8: &str = r#"
DROP TRIGGER touchpoints_last_insert;
DROP TRIGGER touchpoints_last_delete;
DROP TRIGGER touchpoints_last_update;
DROP INDEX clients_by_name;
ALTER TABLE clients DROP COLUMN last_touch;
CREATE INDEX clients_by_name ON clients(name_key, id, name, tier, status, since,
    cadence_days, channel, goal, notes, paid_total);
DROP INDEX invoices_client_due;
CREATE INDEX invoices_client_due ON invoices(client_id, due, month, id, amount);
DROP TRIGGER clients_open_invoices;
DROP TRIGGER invoices_totals_insert;
DROP TRIGGER invoices_totals_delete;
DROP TRIGGER invoices_totals_update;
DROP INDEX invoices_open;
DROP INDEX invoices_month_cover;
ALTER TABLE invoices DROP COLUMN open;
ALTER TABLE invoices DROP COLUMN billed_before;
CREATE INDEX invoices_month ON invoices(month, client_id, due, id, amount);
CREATE INDEX invoices_due ON invoices(due, month, id, client_id, amount);

-- One index for the log and the signals' touchpoint windows: the log's
-- (date, id, client, search) with the minutes the windows add up, in place
-- of a second date index that every touchpoint insert also had to update.
-- The log's search keys read ё as е from now on (they were lowercase
-- already): `/отчет` finds "отчёт". Rewritten before the index is built.
DROP INDEX touchpoints_day_client_minutes;
DROP INDEX touchpoints_at;
UPDATE touchpoints SET search = replace(search, 'ё', 'е') WHERE instr(search, 'ё') > 0;
CREATE INDEX touchpoints_at ON touchpoints(at, id, client_id, minutes, search);

CREATE TRIGGER invoices_totals_insert AFTER INSERT ON invoices BEGIN
    UPDATE clients SET billed_total = billed_total + NEW.amount WHERE id = NEW.client_id;
END;
CREATE TRIGGER invoices_totals_delete AFTER DELETE ON invoices BEGIN
    UPDATE clients SET billed_total = billed_total - OLD.amount WHERE id = OLD.client_id;
END;
CREATE TRIGGER invoices_totals_update AFTER UPDATE OF client_id, amount ON invoices BEGIN
    UPDATE clients SET billed_total = billed_total - OLD.amount WHERE id = OLD.client_id;
    UPDATE clients SET billed_total = billed_total + NEW.amount WHERE id = NEW.client_id;
END;
"#;

/// Version 9: counterparties (issue 21). A client gains an ИНН (checked in
/// Rust, `domain::counterparty::check_inn`; here only its shape) and
/// aliases, names as banks write them, each unique by its key
/// (`counterparty_key`) across every client. SQLite cannot add a UNIQUE
/// column, so the ИНН's uniqueness is a unique index (NULLs never clash).
const V9: &str = r#"
ALTER TABLE clients ADD COLUMN inn TEXT
    CHECK (inn IS NULL OR (length(inn) IN (10, 12) AND inn NOT GLOB '*[^0-9]*'));
CREATE UNIQUE INDEX clients_inn ON clients(inn);

CREATE TABLE client_aliases (
    id        INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL CHECK (length(trim(alias)) > 0),
    alias_key TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX client_aliases_client ON client_aliases(client_id, alias_key);
"#;
