//! The words people read, by language: Project Fluent message files in
//! `assets/locales/{en,ru}/`, compiled into the binary. Fluent picks a
//! count's plural form by the CLDR rules of the language (Russian: `1
//! клиент`, `2 клиента`, `5 клиентов`, `21 клиент`), so a message with a
//! number says it right in both languages without code per language.
//!
//! A message is asked for by its id (`text(locale, "pane-portfolio")`), with
//! values for its placeables where it has some (`text_with`). An id that a
//! language lacks shows as the id itself, never a panic; a test checks
//! that both languages have every id, with the same placeables. A new
//! file is a line in `EN` and in `RU` below.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Locale;

/// A language's message files (`"en": "format", "tui"`), compiled in: each
/// as its name (`en/format.ftl`) and its text.
macro_rules! files {
    ($lang:literal: $($name:literal),+) => {
        &[$((
            concat!($lang, "/", $name, ".ftl"),
            include_str!(concat!("../../assets/locales/", $lang, "/", $name, ".ftl")),
        )),+]
    };
}

/// The message files of each language, in the order they are loaded.
const EN: &[(&str, &str)] = files!("en": "format", "tui", "briefing", "cli", "errors");
const RU: &[(&str, &str)] = files!("ru": "format", "tui", "briefing", "cli", "errors");

/// A value for a message's placeable: a number (which also chooses the
/// plural form) or text. Fluent writes a `Num` as bare digits (`1000`);
/// the message writes it grouped with `{ GROUPED($n) }` (`1 000`), or a
/// number people read in full goes in as `Str` from `format::number`,
/// with its count as a `Num` where it chooses a plural.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Num(i64),
    Str(&'a str),
}

impl Arg<'static> {
    /// A count (of rows, days, clients...) as a message's number: it picks
    /// the plural form (`{ GROUPED($n) }` writes it grouped). Counts past
    /// `i64` do not exist.
    pub fn count(n: impl TryInto<i64>) -> Arg<'static> {
        Arg::Num(n.try_into().unwrap_or(i64::MAX))
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s)
    }
}

/// The files of `locale`, by name and text.
pub(super) fn files(locale: Locale) -> &'static [(&'static str, &'static str)] {
    match locale {
        Locale::En => EN,
        Locale::Ru => RU,
    }
}

/// A language's messages, ready to format.
pub(crate) type Bundle = FluentBundle<FluentResource>;

fn bundle(locale: Locale) -> &'static Bundle {
    static EN_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    static RU_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    let cell = match locale {
        Locale::En => &EN_BUNDLE,
        Locale::Ru => &RU_BUNDLE,
    };
    cell.get_or_init(|| build(locale, files(locale).iter().map(|(_, text)| *text)))
}

/// A bundle of `locale` (its plural rules, its `GROUPED`) over the message
/// files `texts`. Also used by the command line's Russian help
/// (`cli::help`), whose file is not one of the language's files here.
pub(crate) fn build<'a>(locale: Locale, texts: impl IntoIterator<Item = &'a str>) -> Bundle {
    // The language's plural rules come from its tag.
    let tag: unic_langid::LanguageIdentifier = locale.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // No Unicode isolation marks around placeables: they would count as
    // characters in a terminal's columns.
    bundle.set_use_isolating(false);
    // `GROUPED($n)`: a count written as this language groups its digits
    // (`1 095`, in Russian with a narrow no-break space), where `{ $n }`
    // alone gives bare digits (`1095`). The count still picks the plural
    // form in a selector (`{ $n -> [one] ... }`).
    let _ = bundle.add_function("GROUPED", move |args, _named| match args {
        [FluentValue::Number(n)] => FluentValue::from(super::number(locale, n.value as i64)),
        _ => FluentValue::Error,
    });
    for text in texts {
        // A file that does not parse is caught by the tests; what parsed
        // of it is still used.
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        // A duplicate id keeps the first; the tests catch it too.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The message `id` of `bundle` with `args` for its placeables, or `None`
/// when the bundle has no such message.
pub(crate) fn format(bundle: &Bundle, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Num(n) => fluent_args.set(*name, FluentValue::from(*n)),
            Arg::Str(s) => fluent_args.set(*name, FluentValue::from(*s)),
        }
    }
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned(),
    )
}

/// The message `id` in `locale`, without values.
pub fn text(locale: Locale, id: &str) -> String {
    text_with(locale, id, &[])
}

/// The message `id` in `locale` with `args` for its placeables (`$n`...).
pub fn text_with(locale: Locale, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    format(bundle(locale), id, args).unwrap_or_else(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    /// Every message id of a language's files, with the variables (`$n`)
    /// its value uses.
    fn messages(locale: Locale) -> BTreeMap<String, BTreeSet<String>> {
        let mut out = BTreeMap::new();
        for (name, text) in files(locale) {
            let resource = fluent_syntax::parser::parse(*text)
                .unwrap_or_else(|(_, errors)| panic!("{name} does not parse: {errors:?}"));
            for entry in resource.body {
                if let ast::Entry::Message(m) = entry {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern_vars(p, &mut vars);
                    }
                    let id = m.id.name.to_string();
                    assert!(
                        out.insert(id.clone(), vars).is_none(),
                        "{id} twice in {locale:?}"
                    );
                }
            }
        }
        out
    }

    fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, vars);
            }
        }
    }

    fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
            ast::Expression::Inline(inline) => inline_vars(inline, vars),
        }
    }

    fn inline_vars(e: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
            // `GROUPED($n)` uses `$n` too.
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_vars(a, vars);
                }
                for a in &arguments.named {
                    inline_vars(&a.value, vars);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn both_languages_have_every_message_with_its_placeables() {
        let en = messages(Locale::En);
        let ru = messages(Locale::Ru);
        let only_en: Vec<_> = en.keys().filter(|id| !ru.contains_key(*id)).collect();
        let only_ru: Vec<_> = ru.keys().filter(|id| !en.contains_key(*id)).collect();
        assert!(only_en.is_empty(), "missing in Russian: {only_en:?}");
        assert!(only_ru.is_empty(), "missing in English: {only_ru:?}");
        for (id, vars) in &en {
            let missing: Vec<_> = vars.difference(&ru[id]).collect();
            assert!(missing.is_empty(), "{id}: Russian lacks {missing:?}");
        }
    }

    /// Every id in the files is asked for somewhere in the code (as a
    /// literal `"id"`): a message nothing shows is a message nobody
    /// reviews.
    #[test]
    fn every_message_is_used() {
        fn sources(dir: &std::path::Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut code = String::new();
        sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut code,
        );
        let unused: Vec<_> = messages(Locale::En)
            .into_keys()
            .filter(|id| !code.contains(&format!("\"{id}\"")))
            .collect();
        assert!(unused.is_empty(), "ids no code asks for: {unused:?}");
    }

    #[test]
    fn grouped_writes_a_count_as_the_language_groups_digits() {
        // `briefing-point-clients-lost` shows its count through GROUPED().
        let lost = |locale, n: i64| {
            text_with(
                locale,
                "briefing-point-clients-lost",
                &[("count", n.into()), ("clients", Arg::Str("A"))],
            )
        };
        assert_eq!(
            lost(Locale::En, 1095),
            "1 095 clients lost in 12 months: A."
        );
        assert_eq!(lost(Locale::En, 1), "1 client lost in 12 months: A.");
        assert!(lost(Locale::Ru, 1095).contains("1\u{202f}095 клиентов"));
        assert!(lost(Locale::Ru, 22).contains("22 клиента"));
    }

    #[test]
    fn an_unknown_id_shows_as_itself() {
        assert_eq!(text(Locale::Ru, "no-such-message"), "no-such-message");
    }

    #[test]
    fn russian_plurals_follow_the_cldr_rules() {
        let client = |n: i64| text_with(Locale::Ru, "noun-client", &[("n", n.into())]);
        let cases = [
            (0, "клиентов"),
            (1, "клиент"),
            (2, "клиента"),
            (5, "клиентов"),
            (11, "клиентов"),
            (21, "клиент"),
            (22, "клиента"),
            (25, "клиентов"),
            (111, "клиентов"),
        ];
        for (n, word) in cases {
            assert_eq!(client(n), word, "{n}");
        }
        assert_eq!(
            text_with(Locale::En, "noun-client", &[("n", 1.into())]),
            "client"
        );
        assert_eq!(
            text_with(Locale::En, "noun-client", &[("n", 21.into())]),
            "clients"
        );
    }
}
