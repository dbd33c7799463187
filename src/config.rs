//! The person's settings, as opposed to the portfolio's: folio's config
//! file, TOML, at `$FOLIO_CONFIG` if set, else `config.toml` in the
//! system's config folder for folio (`~/.config/folio` on Linux).
//!
//! Today it holds `mouse = true|false` (the TUI's mouse, on by default)
//! and `lang = "ru"|"en"` (folio's language; unset, the system's locale
//! chooses, see `format::choose`).
//! Other versions of folio may write other keys and tables into the same
//! file: a rewrite keeps every key it does not know. Reading the config
//! never opens or creates a database; the currency is the portfolio's and
//! stays in it.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::format::Locale;

/// The variable that names the config file.
pub const ENV: &str = "FOLIO_CONFIG";

/// The settings this version of folio reads; a key not in the file has its
/// default.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Clicks and the wheel in the TUI.
    pub mouse: bool,
    /// The language as written in the file (`ru`, `en`); see [`Config::locale`].
    pub lang: Option<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            mouse: true,
            lang: None,
        }
    }
}

impl Config {
    /// The language the file sets; none (or one folio does not speak,
    /// which `folio config set` refuses to write): the system's locale
    /// decides.
    pub fn locale(&self) -> Option<Locale> {
        self.lang.as_deref().and_then(Locale::from_tag)
    }
}

/// The settings kept in the config file, as `folio config` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Mouse,
    Lang,
}

impl Key {
    pub fn name(self) -> &'static str {
        match self {
            Key::Mouse => "mouse",
            Key::Lang => "lang",
        }
    }
}

/// `lang` when the file does not set it: the system's locale decides.
const AUTO: &str = "auto";

/// Why the config file cannot be read or written. Each message names the
/// file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}, line {line}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("cannot read {}: {}", .path.display(), crate::files::describe(.reason))]
    Read {
        path: PathBuf,
        reason: std::io::Error,
    },
    #[error("cannot write {}: {}", .path.display(), crate::files::describe(.reason))]
    Folder {
        path: PathBuf,
        reason: std::io::Error,
    },
    #[error(transparent)]
    Write(#[from] crate::files::OutError),
    #[error("no config folder is known on this system; set {ENV} to a file")]
    NoPath,
    #[error("{key} is on or off, not '{value}'")]
    Value { key: &'static str, value: String },
    #[error("lang is ru, en or auto (the system's locale), not '{value}'")]
    Lang { value: String },
}

/// Where the config file is (it need not exist).
pub fn path() -> Result<PathBuf, ConfigError> {
    path_from(std::env::var_os(ENV)).ok_or(ConfigError::NoPath)
}

/// The config file, given `$FOLIO_CONFIG`'s value: that file if it is set
/// and not empty, else `config.toml` in folio's config folder.
fn path_from(var: Option<std::ffi::OsString>) -> Option<PathBuf> {
    match var.filter(|v| !v.is_empty()) {
        Some(p) => Some(PathBuf::from(p)),
        None => directories::ProjectDirs::from("", "", "folio")
            .map(|d| d.config_dir().join("config.toml")),
    }
}

/// The settings in the config file; no file: the defaults.
pub fn load() -> Result<Config, ConfigError> {
    load_from(&path()?)
}

/// The settings in `path`; no file there: the defaults.
pub fn load_from(path: &Path) -> Result<Config, ConfigError> {
    let text = read(path)?;
    toml::from_str(&text).map_err(|e| syntax(path, &text, &e))
}

/// A setting's value as `folio config get` prints it.
pub fn get(path: &Path, key: Key) -> Result<String, ConfigError> {
    let config = load_from(path)?;
    Ok(match key {
        Key::Mouse => on_off(config.mouse).to_string(),
        Key::Lang => config
            .locale()
            .map_or(AUTO, |locale| locale.tag())
            .to_string(),
    })
}

/// Set `key` to `value` (mouse: `on`/`off`, or `true`/`false`; lang: `ru`,
/// `en`, or `auto`, which removes it) in the file at `path`, keeping every
/// other key and table; returns the value as `get` prints it. A file that
/// is not valid TOML is left as it is.
pub fn set(path: &Path, key: Key, value: &str) -> Result<String, ConfigError> {
    // The value to write (`None`: remove the key) and what `get` will say.
    let (new, said) = match key {
        Key::Mouse => {
            let on = match value.trim().to_lowercase().as_str() {
                "on" | "true" | "yes" => true,
                "off" | "false" | "no" => false,
                _ => {
                    return Err(ConfigError::Value {
                        key: key.name(),
                        value: value.to_string(),
                    });
                }
            };
            (Some(toml::Value::Boolean(on)), on_off(on))
        }
        Key::Lang if value.trim().eq_ignore_ascii_case(AUTO) => (None, AUTO),
        Key::Lang => {
            let locale = Locale::from_tag(value).ok_or_else(|| ConfigError::Lang {
                value: value.to_string(),
            })?;
            (Some(toml::Value::String(locale.tag().into())), locale.tag())
        }
    };
    let text = read(path)?;
    let mut table: toml::Table = toml::from_str(&text).map_err(|e| syntax(path, &text, &e))?;
    match new {
        Some(v) => table.insert(key.name().to_string(), v),
        None => table.remove(key.name()),
    };
    let new = toml::to_string(&table).unwrap_or_default();
    let dir = crate::files::folder_of(path);
    if !dir.exists() {
        crate::files::create_private_folder(dir).map_err(|reason| ConfigError::Folder {
            path: dir.to_path_buf(),
            reason,
        })?;
    }
    // The file is folio's own: replacing it (or the file a link names) is
    // what `set` is for; the rule's temporary-then-rename and 0600 hold.
    let out = crate::files::Out::resolve(path, true, None)?;
    out.write(|w| w.write_all(new.as_bytes()))?;
    Ok(said.to_string())
}

fn on_off(on: bool) -> &'static str {
    if on { "on" } else { "off" }
}

/// The file's text; "" when there is none.
fn read(path: &Path) -> Result<String, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(reason) => Err(ConfigError::Read {
            path: path.to_path_buf(),
            reason,
        }),
    }
}

/// A parse error as one line naming the file and the line.
fn syntax(path: &Path, text: &str, e: &toml::de::Error) -> ConfigError {
    let at = e.span().map_or(0, |s| s.start.min(text.len()));
    let line = text[..at].matches('\n').count() + 1;
    let message = e.message().trim().replace('\n', " ");
    ConfigError::Syntax {
        path: path.to_path_buf(),
        line,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_file_is_the_defaults_and_mouse_is_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        assert_eq!(load_from(&path).unwrap(), Config::default());
        assert_eq!(get(&path, Key::Mouse).unwrap(), "on");
        assert_eq!(get(&path, Key::Lang).unwrap(), "auto");
        assert!(!path.exists(), "reading creates nothing");
    }

    #[test]
    fn set_keeps_the_keys_and_tables_it_does_not_know() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "lang = \"ru\"\n\n[profiles.work]\ndb = \"/tmp/w.db\"\n",
        )
        .unwrap();
        assert_eq!(set(&path, Key::Mouse, "off").unwrap(), "off");
        let config = load_from(&path).unwrap();
        assert!(!config.mouse);
        assert_eq!(config.locale(), Some(Locale::Ru));
        let table: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(table["lang"].as_str(), Some("ru"));
        assert_eq!(table["profiles"]["work"]["db"].as_str(), Some("/tmp/w.db"));
        assert_eq!(table["mouse"].as_bool(), Some(false));
        set(&path, Key::Mouse, "on").unwrap();
        assert_eq!(get(&path, Key::Mouse).unwrap(), "on");
        assert!(matches!(
            set(&path, Key::Mouse, "maybe"),
            Err(ConfigError::Value { .. })
        ));
    }

    #[test]
    fn lang_is_ru_en_or_auto_and_keeps_the_other_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "mouse = false\n").unwrap();
        assert_eq!(set(&path, Key::Lang, "RU").unwrap(), "ru");
        assert_eq!(get(&path, Key::Lang).unwrap(), "ru");
        let config = load_from(&path).unwrap();
        assert_eq!((config.mouse, config.locale()), (false, Some(Locale::Ru)));
        assert_eq!(set(&path, Key::Lang, "en_US.UTF-8").unwrap(), "en");
        let e = set(&path, Key::Lang, "de").unwrap_err().to_string();
        assert!(e.contains("ru, en or auto") && e.contains("'de'"), "{e}");
        assert_eq!(
            get(&path, Key::Lang).unwrap(),
            "en",
            "a refused value changes nothing"
        );
        assert_eq!(set(&path, Key::Lang, "auto").unwrap(), "auto");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mouse = false\n");
        // A value folio does not speak, written by hand: the locale decides.
        std::fs::write(&path, "lang = \"klingon\"\n").unwrap();
        assert_eq!(load_from(&path).unwrap().locale(), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_config_file_and_its_folder_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("folio").join("config.toml");
        set(&path, Key::Mouse, "off").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_broken_file_is_named_with_its_line_and_left_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let text = "lang = \"ru\"\nmouse = \n";
        std::fs::write(&path, text).unwrap();
        let e = load_from(&path).unwrap_err().to_string();
        assert!(
            e.starts_with(&format!("{}, line 2: ", path.display())),
            "{e}"
        );
        assert!(set(&path, Key::Mouse, "off").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        // A value of the wrong type names its line too.
        std::fs::write(&path, "\n\nmouse = \"yes\"\n").unwrap();
        let e = load_from(&path).unwrap_err().to_string();
        assert!(e.contains(", line 3: "), "{e}");
    }

    #[test]
    fn folio_config_names_the_file() {
        // A test cannot set the variable (`set_var` needs an unchecked
        // block in edition 2024, which the crate forbids): the rule is
        // tested on its value; tests/cli.rs sets it for a real run.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("mine.toml");
        assert_eq!(path_from(Some(file.as_os_str().to_owned())), Some(file));
        assert_eq!(path_from(Some(std::ffi::OsString::new())), path_from(None));
    }
}
