//! Counterparties (issue 21): a client's ИНН and its aliases, the names
//! banks write it by, and the maps an import matches its rows with.

use std::collections::HashMap;

use super::{OpResult, invalid, name_text, require_client};
use crate::domain::counterparty::{self, counterparty_key};
use crate::domain::{Client, Id, Refusal, clean_name, text};
use crate::store::{Db, Store, clients};

/// An ИНН as typed, checked (10 or 12 digits, check digits right); the
/// error names the field.
pub fn check_inn(inn: &str) -> OpResult<String> {
    counterparty::check_inn(inn).map_err(|e| invalid("inn", Refusal::Inn(e)))
}

/// Within a write: set client `id`'s ИНН (checked), or clear it (`None`
/// or blank). One that another client has is refused, naming that client.
pub(super) fn set_inn(tx: &Db, id: Id, inn: Option<&str>) -> OpResult<()> {
    let inn = match inn.map(str::trim) {
        None | Some("") => None,
        Some(typed) => Some(check_inn(typed)?),
    };
    if let Some(inn) = &inn
        && let Some(other) = clients::find_by_inn(tx, inn)?
        && other != id
    {
        return Err(invalid(
            "inn",
            Refusal::InnTaken {
                inn: inn.clone(),
                name: name_of(tx, other)?,
            },
        ));
    }
    clients::set_inn(tx, id, inn.as_deref())?;
    Ok(())
}

/// `ops::add_client` with an ИНН (checked as [`set_inn`] checks it), in
/// one transaction: a refused ИНН adds no client.
pub fn add_client_with_inn(
    store: &mut Store,
    c: &crate::domain::NewClient,
    inn: Option<&str>,
) -> OpResult<Client> {
    let c = super::validate_new_client(c)?;
    store.write(|tx| {
        let added = super::insert_client(tx, &c)?;
        set_inn(tx, added.id, inn)?;
        Ok(added)
    })
}

/// A client's name for a message, escaped (it is user data).
fn name_of(tx: &Db, id: Id) -> OpResult<String> {
    let name = clients::get(tx, id)?.map(|c| c.name).unwrap_or_default();
    Ok(text::escape(&name).into_owned())
}

/// Give client `client_id` another name it is written by. Refused: an
/// alias with nothing to match once quotes and the legal form are left
/// out, one that is already an alias (of any client), and one that is
/// another client's name (both compared as `counterparty_key` does).
/// Returns the alias as stored.
pub fn add_alias(store: &mut Store, client_id: Id, alias: &str) -> OpResult<String> {
    let alias = clean_name(&name_text("alias", alias)?);
    let key = counterparty_key(&alias);
    if key.is_empty() {
        return Err(invalid("alias", Refusal::AliasEmpty));
    }
    store.write(|tx| {
        require_client(tx, client_id)?;
        let shown = text::escape(&alias).into_owned();
        if let Some(owner) = clients::alias_owner(tx, &key)? {
            return Err(invalid(
                "alias",
                Refusal::AliasTaken {
                    alias: shown,
                    name: name_of(tx, owner)?,
                },
            ));
        }
        for (id, name) in clients::names(tx)? {
            if id != client_id && counterparty_key(&name) == key {
                return Err(invalid(
                    "alias",
                    Refusal::AliasIsAName {
                        alias: shown,
                        name: text::escape(&name).into_owned(),
                    },
                ));
            }
        }
        clients::insert_alias(tx, client_id, &alias, &key)?;
        Ok(alias.clone())
    })
}

/// Remove one of a client's aliases (matched as aliases are: `"ООО Лютик"`
/// removes `Лютик`).
pub fn delete_alias(store: &mut Store, client_id: Id, alias: &str) -> OpResult<()> {
    let key = counterparty_key(alias);
    store.write(|tx| {
        require_client(tx, client_id)?;
        if clients::delete_alias(tx, client_id, &key)? {
            Ok(())
        } else {
            Err(invalid(
                "alias",
                Refusal::NotAnAlias {
                    alias: text::escape(alias.trim()).into_owned(),
                    name: name_of(tx, client_id)?,
                },
            ))
        }
    })
}

/// A client's aliases, in the order they were added.
pub fn aliases(store: &Store, client_id: Id) -> OpResult<Vec<String>> {
    Ok(clients::aliases_of(store.db(), client_id)?)
}

/// Who a counterparty's name could be, by [`Counterparties::by_name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Match {
    Client(Id),
    /// Two clients (the first two found): the row must say which.
    Ambiguous(Id, Id),
    Unknown,
}

/// The clients as an import matches its rows to them, read once per
/// import: by ИНН, and by the key (`counterparty_key`) of each name and
/// each alias. Each row is then a look-up or two.
#[derive(Debug, Default)]
pub(super) struct Counterparties {
    by_inn: HashMap<String, Id>,
    inn_of: HashMap<Id, String>,
    /// A key's clients: more than one when two names or aliases fold to
    /// one key (`ООО Ромашка` and `ИП Ромашка`).
    by_key: HashMap<String, Vec<Id>>,
}

impl Counterparties {
    /// Read within the import's transaction, for `all` (every client).
    pub(super) fn read(tx: &Db, all: &[Client]) -> OpResult<Counterparties> {
        let mut cp = Counterparties::default();
        for (id, inn) in clients::inns(tx)? {
            cp.by_inn.insert(inn.clone(), id);
            cp.inn_of.insert(id, inn);
        }
        for c in all {
            cp.add_key(counterparty_key(&c.name), c.id);
        }
        for (id, key) in clients::alias_keys(tx)? {
            cp.add_key(key, id);
        }
        Ok(cp)
    }

    fn add_key(&mut self, key: String, id: Id) {
        if key.is_empty() {
            return;
        }
        let ids = self.by_key.entry(key).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    /// A client just created by the import, so later rows find it.
    pub(super) fn add(&mut self, id: Id, name: &str, inn: Option<&str>) {
        if let Some(inn) = inn {
            self.by_inn.insert(inn.to_string(), id);
            self.inn_of.insert(id, inn.to_string());
        }
        self.add_key(counterparty_key(name), id);
    }

    /// The client with this ИНН.
    pub(super) fn by_inn(&self, inn: &str) -> Option<Id> {
        self.by_inn.get(inn).copied()
    }

    /// Client `id`'s ИНН, if it has one.
    pub(super) fn inn_of(&self, id: Id) -> Option<&str> {
        self.inn_of.get(&id).map(String::as_str)
    }

    /// Who a name written some way could be: by its name or an alias, once
    /// legal forms, quotes, case and spacing are left out.
    pub(super) fn by_name(&self, name: &str) -> Match {
        match self.by_key.get(&counterparty_key(name)).map(Vec::as_slice) {
            Some([id]) => Match::Client(*id),
            Some([a, b, ..]) => Match::Ambiguous(*a, *b),
            _ => Match::Unknown,
        }
    }
}

/// Why a row that could be two clients is refused.
pub(super) fn ambiguous(tx: &Db, written: &str, a: Id, b: Id) -> OpResult<Refusal> {
    Ok(Refusal::CouldBeEither {
        written: text::escape(written.trim()).into_owned(),
        name: name_of(tx, a)?,
        other: name_of(tx, b)?,
    })
}

/// Why a row whose ИНН is not that of the client its name is is refused.
pub(super) fn other_inn(tx: &Db, inn: &str, id: Id, theirs: &str) -> OpResult<Refusal> {
    Ok(Refusal::OtherInn {
        inn: inn.to_string(),
        name: name_of(tx, id)?,
        theirs: theirs.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::d;
    use crate::domain::{NewClient, Status, Tier};
    use crate::store::{Create, schema};

    fn client(store: &mut Store, name: &str) -> Id {
        let c = NewClient {
            name: name.to_string(),
            tier: Tier::Gold,
            status: Status::Active,
            since: d(2025, 1, 1),
            cadence_days: None,
            channel: None,
            goal: None,
            notes: String::new(),
        };
        super::super::add_client(store, &c).unwrap().id
    }

    fn refused(e: OpResult<impl std::fmt::Debug>) -> String {
        match e {
            Err(e @ crate::ops::OpError::Invalid { .. }) => e.to_string(),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    /// A file of schema version 8 moves to version 9: backed up first,
    /// every client kept without an ИНН or aliases, and both usable.
    #[test]
    fn a_version_8_file_migrates_to_inns_and_aliases() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        let count = |conn: &rusqlite::Connection, sql: &str| -> i64 {
            conn.query_row(sql, [], |r| r.get(0)).unwrap()
        };
        let clients_before = {
            let (mut v8, _) =
                Store::open_with(&path, Create::FileOnly, &schema::MIGRATIONS[..8]).unwrap();
            crate::ops::demo::load(&mut v8, d(2026, 11, 23)).unwrap();
            let has_inn = "SELECT count(*) FROM pragma_table_info('clients') WHERE name = 'inn'";
            assert_eq!(count(v8.conn(), has_inn), 0, "a version 8 file");
            count(v8.conn(), "SELECT count(*) FROM clients")
        };
        assert!(clients_before > 0);
        let (mut migrated, report) = Store::open(&path, Create::Never).unwrap();
        assert_eq!(report.migrated, Some((8, schema::CURRENT_VERSION)));
        let old = rusqlite::Connection::open(report.backup.unwrap()).unwrap();
        let aliases_table = "SELECT count(*) FROM sqlite_schema WHERE name = 'client_aliases'";
        assert_eq!(
            count(&old, aliases_table),
            0,
            "the backup is the file as it was"
        );
        assert_eq!(count(&old, "SELECT count(*) FROM clients"), clients_before);
        let conn = migrated.conn();
        assert_eq!(count(conn, "SELECT count(*) FROM clients"), clients_before);
        assert_eq!(
            count(conn, "SELECT count(*) FROM clients WHERE inn IS NOT NULL"),
            0
        );
        assert_eq!(count(conn, "SELECT count(*) FROM client_aliases"), 0);
        // Both work on the migrated file, and the ИНН is unique.
        let all = clients::list(migrated.db()).unwrap();
        let (a, b) = (all[0].id, all[1].id);
        migrated
            .write(|tx| set_inn(tx, a, Some("7707083893")))
            .unwrap();
        let taken = migrated.write(|tx| set_inn(tx, b, Some("7707083893")));
        assert!(refused(taken).contains("already the ИНН of client"));
        add_alias(&mut migrated, a, "Банк Зелёный").unwrap();
        assert_eq!(aliases(&migrated, a).unwrap(), ["Банк Зелёный"]);
    }

    #[test]
    fn an_alias_that_is_another_clients_name_or_alias_is_refused() {
        let mut store = Store::open_in_memory().unwrap();
        let romashka = client(&mut store, "ООО Ромашка");
        let lutik = client(&mut store, "ИП Лютик");
        assert_eq!(
            add_alias(&mut store, romashka, "  Romashka   LLC ").unwrap(),
            "Romashka LLC"
        );
        // Another client's name, however written.
        let e = refused(add_alias(&mut store, romashka, "ЛЮТИК ип"));
        assert!(e.contains("is client 'ИП Лютик''s name"), "{e}");
        // An alias already taken, by this client or another.
        let e = refused(add_alias(&mut store, lutik, "\"romashka llc\""));
        assert!(
            e.contains("already an alias of client 'ООО Ромашка'"),
            "{e}"
        );
        // Nothing left to match by.
        let e = refused(add_alias(&mut store, lutik, " «» "));
        assert!(e.starts_with("alias: has nothing to match"), "{e}");
        assert_eq!(aliases(&store, lutik).unwrap(), Vec::<String>::new());
        // Deleted as written any way it matches.
        let e = refused(delete_alias(&mut store, lutik, "Romashka LLC"));
        assert!(e.contains("is not an alias of client 'ИП Лютик'"), "{e}");
        delete_alias(&mut store, romashka, "ROMASHKA llc").unwrap();
        assert!(aliases(&store, romashka).unwrap().is_empty());
    }

    #[test]
    fn a_bad_inn_is_refused_naming_the_field_and_changes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let id = client(&mut store, "ООО Ромашка");
        let edit = |inn: Option<&str>| crate::ops::ClientEdit {
            notes: Some("changed".into()),
            inn: Some(inn.map(str::to_string)),
            ..Default::default()
        };
        let e = refused(crate::ops::edit_client(
            &mut store,
            id,
            &edit(Some("7707083894")),
        ));
        assert!(e.starts_with("inn: '7707083894' is not a valid ИНН"), "{e}");
        let e = refused(crate::ops::edit_client(
            &mut store,
            id,
            &edit(Some("12345")),
        ));
        assert!(e.starts_with("inn: '12345' is not an ИНН"), "{e}");
        let c = clients::get(store.db(), id).unwrap().unwrap();
        assert_eq!(c.notes, "", "nothing changed");
        crate::ops::edit_client(&mut store, id, &edit(Some(" 500100732259 "))).unwrap();
        assert_eq!(
            clients::inn_of(store.db(), id).unwrap().as_deref(),
            Some("500100732259")
        );
        crate::ops::edit_client(&mut store, id, &edit(None)).unwrap();
        assert_eq!(clients::inn_of(store.db(), id).unwrap(), None);
    }

    #[test]
    fn names_and_aliases_written_alike_are_ambiguous() {
        let mut store = Store::open_in_memory().unwrap();
        let ooo = client(&mut store, "ООО Ромашка");
        let ip = client(&mut store, "ИП Ромашка");
        let lutik = client(&mut store, "Лютик");
        add_alias(&mut store, lutik, "Buttercup Ltd").unwrap();
        let cp = Counterparties::read(store.db(), &clients::list(store.db()).unwrap()).unwrap();
        // The first two in name order.
        assert_eq!(cp.by_name("«РОМАШКА»"), Match::Ambiguous(ip, ooo));
        assert_eq!(cp.by_name("лютик ооо"), Match::Client(lutik));
        assert_eq!(cp.by_name("buttercup  LTD"), Match::Client(lutik));
        assert_eq!(cp.by_name("Василёк"), Match::Unknown);
        assert_eq!(cp.by_inn("7707083893"), None);
    }
}
