//! The wording of everything canvass says about a reply, in each language it speaks: the one
//! place where findings become words.
//!
//! Stages build a finding from its kind (a message id) and its fields (the value seen, the
//! range expected, the answers read); this module turns them into sentences through Fluent
//! (`en.ftl`, `fr.ftl`, `es.ftl`: a message per finding kind, with `.label` and `.help` attributes).
//! Values are inserted as given: escaping them for a terminal or a page is the printers' job,
//! and Fluent's own bidi isolation marks are off (the printers would show them escaped).
//! It must not decide anything about a reply; a test holds the languages to the same ids,
//! attributes and variables.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The languages canvass words its findings in; any other falls back to English.
pub const LANGUAGES: [(&str, &str); 3] = [
    ("en", include_str!("en.ftl")),
    ("fr", include_str!("fr.ftl")),
    ("es", include_str!("es.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle] {
    static BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        LANGUAGES
            .iter()
            .map(|(lang, source)| {
                let id = lang.parse().expect("a language id");
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                bundle.set_use_isolating(false);
                // The files are part of the program; the tests parse them strictly.
                let resource = FluentResource::try_new((*source).to_string())
                    .unwrap_or_else(|(resource, _)| resource);
                let _ = bundle.add_resource(resource);
                bundle
            })
            .collect()
    })
}

/// The language canvass words a report in when asked for `lang`: `lang` itself when it
/// has the words, English otherwise.
pub fn canonical(lang: &str) -> &'static str {
    LANGUAGES
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or("en", |(l, _)| l)
}

fn bundle(lang: &str) -> &'static Bundle {
    let index = LANGUAGES.iter().position(|(l, _)| *l == lang).unwrap_or(0);
    &bundles()[index]
}

/// The fields of a finding, by name, as its wording refers to them.
#[derive(Default)]
pub struct Args(FluentArgs<'static>);

impl Args {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A text field, inserted as is.
    #[must_use]
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.0.set(name, FluentValue::String(value.into().into()));
        self
    }

    /// A count (it chooses between singular and plural).
    #[must_use]
    pub fn count(mut self, name: &'static str, value: usize) -> Self {
        self.0.set(name, FluentValue::from(value));
        self
    }
}

/// A message, its label and its help, in one language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Said {
    pub message: String,
    pub label: Option<String>,
    pub help: Option<String>,
}

/// The message `id` with its `.label` and `.help`, in `lang`.
pub fn say(lang: &str, id: &str, args: &Args) -> Said {
    Said {
        message: part(lang, id, None, args).unwrap_or_else(|| id.to_string()),
        label: part(lang, id, Some("label"), args),
        help: part(lang, id, Some("help"), args),
    }
}

/// The message `id` alone (a phrase that other wording is built from), in `lang`.
pub fn phrase(lang: &str, id: &str, args: &Args) -> String {
    part(lang, id, None, args).unwrap_or_else(|| id.to_string())
}

/// One attribute of a message (or its value, for `None`), falling back to English.
fn part(lang: &str, id: &str, attribute: Option<&str>, args: &Args) -> Option<String> {
    let in_lang = |bundle: &'static Bundle| {
        let message = bundle.get_message(id)?;
        let pattern = match attribute {
            Some(name) => message.get_attribute(name)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, Some(&args.0), &mut errors)
                .into_owned(),
        )
    };
    in_lang(bundle(lang)).or_else(|| in_lang(bundle("en")))
}

#[cfg(test)]
mod tests;
