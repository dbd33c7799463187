//! Which language folio speaks to this person: `--lang ru|en` on the
//! command line, else `lang` in their config file, else the system's
//! locale variables (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX
//! orders them: `ru_RU.UTF-8` is Russian), else English. Pure: the caller
//! hands in the arguments, the config's value and the variables.

use std::ffi::OsString;

use super::Locale;

impl Locale {
    /// A language as a person or the system writes it: `ru`, `RU`,
    /// `ru_RU.UTF-8`, `ru-RU`, `en_US`, `en`. `C`, `POSIX` and other
    /// languages are not one folio speaks: `None`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lang = tag
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match lang.as_str() {
            "ru" => Some(Locale::Ru),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The short name `--lang` and the config file use.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ru => "ru",
        }
    }
}

/// The value of `--lang` among `args` (`--lang ru` or `--lang=ru`), read
/// before the command line is parsed, so that even `--help` can be in the
/// chosen language. Not a language folio speaks: `None` (the parser then
/// refuses it). Arguments after `--` are values, not flags.
pub fn lang_in_args<I, S>(args: I) -> Option<Locale>
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
{
    let mut args = args.into_iter().map(Into::into);
    while let Some(arg) = args.next() {
        let arg = arg.to_string_lossy().into_owned();
        if arg == "--" {
            return None;
        }
        if arg == "--lang" {
            return args
                .next()
                .and_then(|v| Locale::from_tag(&v.to_string_lossy()));
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Locale::from_tag(value);
        }
    }
    None
}

/// The language by the order above: the flag's, the config file's, the
/// first locale variable set (`var` reads one; an empty one counts as
/// unset), else English. A variable naming a language folio does not speak
/// (`C`, `de_DE.UTF-8`) means English, as POSIX would have it.
pub fn choose(
    flag: Option<Locale>,
    config: Option<Locale>,
    var: impl Fn(&str) -> Option<String>,
) -> Locale {
    if let Some(locale) = flag.or(config) {
        return locale;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
        .and_then(|v| Locale::from_tag(&v))
        .unwrap_or(Locale::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_as_people_and_systems_write_them() {
        for tag in ["ru", "RU", "ru_RU.UTF-8", "ru-RU", "ru_RU", "ru_UA.KOI8-U"] {
            assert_eq!(Locale::from_tag(tag), Some(Locale::Ru), "{tag}");
        }
        for tag in ["en", "en_US.UTF-8", "EN"] {
            assert_eq!(Locale::from_tag(tag), Some(Locale::En), "{tag}");
        }
        for tag in ["C", "POSIX", "C.UTF-8", "de_DE.UTF-8", "", "rus"] {
            assert_eq!(Locale::from_tag(tag), None, "{tag}");
        }
    }

    #[test]
    fn the_flag_is_found_before_parsing() {
        let args = |a: &[&str]| lang_in_args(a.iter().copied());
        assert_eq!(args(&["folio", "--lang", "ru", "--help"]), Some(Locale::Ru));
        assert_eq!(
            args(&["folio", "client", "list", "--lang=en"]),
            Some(Locale::En)
        );
        assert_eq!(args(&["folio", "--help"]), None);
        assert_eq!(args(&["folio", "--lang"]), None);
        assert_eq!(args(&["folio", "--lang", "de"]), None);
        assert_eq!(args(&["folio", "touch", "add", "--", "--lang", "ru"]), None);
    }

    #[test]
    fn flag_then_config_then_the_locale_variables_then_english() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let ru_lang = env(&[("LANG", "ru_RU.UTF-8")]);
        assert_eq!(choose(None, None, ru_lang), Locale::Ru);
        assert_eq!(choose(Some(Locale::En), None, ru_lang), Locale::En);
        assert_eq!(choose(None, Some(Locale::En), ru_lang), Locale::En);
        assert_eq!(
            choose(Some(Locale::Ru), Some(Locale::En), env(&[])),
            Locale::Ru
        );
        assert_eq!(choose(None, Some(Locale::Ru), env(&[])), Locale::Ru);
        assert_eq!(choose(None, None, env(&[])), Locale::En);
        // LC_ALL over LC_MESSAGES over LANG; an empty one is unset.
        let c_over_ru = env(&[("LC_ALL", "C"), ("LANG", "ru_RU.UTF-8")]);
        assert_eq!(choose(None, None, c_over_ru), Locale::En);
        let messages = env(&[("LC_ALL", ""), ("LC_MESSAGES", "ru_RU"), ("LANG", "en_US")]);
        assert_eq!(choose(None, None, messages), Locale::Ru);
        assert_eq!(choose(None, None, env(&[("LANG", "C")])), Locale::En);
    }
}
