//! The wording of everything canvass says about a reply, in each language it speaks: the one
//! place where findings become words.
//!
//! Stages build a finding from its kind (a message id) and its fields (the value seen, the
//! range expected, the answers read); this module turns them into sentences through Fluent
//! (`en.ftl`, `fr.ftl`, `es.ftl`, `ar.ftl`, `zh.ftl`, `ru.ftl`, the six UN languages: a message per finding kind, with `.label` and `.help` attributes).
//! Values are inserted as given: escaping them for a terminal or a page is the printers' job,
//! and Fluent's own bidi isolation marks are off (the printers would show them escaped).
//! It must not decide anything about a reply; a test holds the languages to the same ids,
//! attributes and variables.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The languages canvass words its findings in; any other falls back to English.
pub const LANGUAGES: [(&str, &str); 6] = [
    ("en", include_str!("en.ftl")),
    ("fr", include_str!("fr.ftl")),
    ("es", include_str!("es.ftl")),
    ("ar", include_str!("ar.ftl")),
    ("zh", include_str!("zh.ftl")),
    ("ru", include_str!("ru.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

/// Each language's words, read from its file the first time they are asked for: a run
/// that words its findings in English never parses the other five.
fn bundle_at(index: usize) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; LANGUAGES.len()] =
        [const { OnceLock::new() }; LANGUAGES.len()];
    BUNDLES[index].get_or_init(|| {
        let (lang, source) = LANGUAGES[index];
        let id = lang.parse().expect("a language id");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        // The files are part of the program; the tests parse them strictly.
        let resource =
            FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, _)| resource);
        let _ = bundle.add_resource(resource);
        bundle
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
    bundle_at(index)
}

/// Words not yet in any language: what a finding says, kept as data (a message id and its
/// typed fields) and worded only when it is shown, in the language asked for then.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Text {
    /// The same in every language: a value from the reply, an id, a number, or words from
    /// outside canvass's files (a parser's account, a questionnaire author's finding).
    Plain(String),
    /// One of canvass's messages (its value, or one attribute: `label`, `help`) with its
    /// fields.
    Message {
        /// The message id in the `.ftl` files.
        id: Cow<'static, str>,
        /// `label` or `help`; `None` for the message itself.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attribute: Option<Cow<'static, str>>,
        /// Its fields, by name.
        #[serde(default, skip_serializing_if = "Args::is_empty")]
        args: Args,
    },
    /// A text the questionnaire gives in several languages (a question's text, an option's
    /// label); in `source` when the language asked for is not among them.
    Given {
        /// The text by language, shared with the questionnaire's model.
        texts: Arc<BTreeMap<String, String>>,
        /// The questionnaire's source language.
        source: String,
    },
    /// Pieces shown one after another.
    Joined(Vec<Text>),
}

impl Text {
    /// The words in `lang`: canvass's own falling back to English, the questionnaire's to
    /// its source language.
    pub fn word(&self, lang: &str) -> String {
        let mut out = String::new();
        self.word_into(lang, Isolation::None, &mut out);
        out
    }

    /// The words in `lang` for a page: in a right-to-left language every value inserted
    /// into a sentence (an answer, a number, an id, a question's text) is wrapped in
    /// [`ISOLATE_OPEN`] … [`ISOLATE_CLOSE`], which a page shows as `<bdi>`, so it reads in
    /// its own direction. Those marks, wherever a value itself holds them, are written as
    /// the escape a page would show (`\u{2068}`): every mark left is canvass's own.
    pub fn word_isolated(&self, lang: &str) -> String {
        let mut out = String::new();
        let isolation = if is_rtl(lang) {
            Isolation::Marked
        } else {
            Isolation::Neutralised
        };
        self.word_into(lang, isolation, &mut out);
        out
    }

    fn word_into(&self, lang: &str, isolation: Isolation, out: &mut String) {
        match self {
            Text::Plain(text) => isolation.push(text, out),
            Text::Message {
                id,
                attribute,
                args,
            } => {
                let worded = part(lang, id, attribute.as_deref(), args, isolation);
                // A message canvass lacks shows its id rather than nothing.
                out.push_str(worded.as_deref().unwrap_or(id));
            }
            Text::Given { texts, source } => isolation.push(in_language(texts, lang, source), out),
            Text::Joined(pieces) => {
                for piece in pieces {
                    piece.word_into(lang, isolation, out);
                }
            }
        }
    }

    /// A text the questionnaire gives, by language.
    pub fn given(texts: &Arc<BTreeMap<String, String>>, source: &str) -> Self {
        Text::Given {
            texts: Arc::clone(texts),
            source: source.to_string(),
        }
    }

    /// `self` followed by `next`.
    #[must_use]
    pub fn then(self, next: impl Into<Text>) -> Self {
        match self {
            Text::Joined(mut pieces) => {
                pieces.push(next.into());
                Text::Joined(pieces)
            }
            first => Text::Joined(vec![first, next.into()]),
        }
    }
}

/// The mark that opens a run of text read in its own direction (FIRST STRONG ISOLATE).
pub const ISOLATE_OPEN: char = '\u{2068}';
/// The mark that closes it (POP DIRECTIONAL ISOLATE).
pub const ISOLATE_CLOSE: char = '\u{2069}';

/// How values are set into sentences: as they are (the terminal, JSON), with their own
/// isolation marks neutralised (a page in a left-to-right language), or also wrapped in
/// isolation marks (a page in a right-to-left one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Isolation {
    None,
    Neutralised,
    Marked,
}

impl Isolation {
    fn push(self, text: &str, out: &mut String) {
        if self == Isolation::None {
            out.push_str(text);
            return;
        }
        for c in text.chars() {
            if ('\u{2066}'..='\u{2069}').contains(&c) {
                let _ = std::fmt::Write::write_fmt(out, format_args!("\\u{{{:x}}}", u32::from(c)));
            } else {
                out.push(c);
            }
        }
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::Plain(String::new())
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::Plain(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Plain(text.to_string())
    }
}

impl From<std::borrow::Cow<'_, str>> for Text {
    fn from(text: std::borrow::Cow<'_, str>) -> Self {
        Text::Plain(text.into_owned())
    }
}

/// A text given in several languages, in `lang`; else in `source`; else in any it has.
/// The one rule for picking a translation: the questionnaire model's texts use it too.
pub fn in_language<'a>(texts: &'a BTreeMap<String, String>, lang: &str, source: &str) -> &'a str {
    texts
        .get(lang)
        .or_else(|| texts.get(source))
        .or_else(|| texts.values().next())
        .map_or("", String::as_str)
}

/// One field of a message.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    /// A text, inserted as worded.
    Text(Text),
    /// A count (it chooses between singular and plural).
    Count(usize),
}

/// The fields of a finding, by name, as its wording refers to them. Shared, not copied,
/// between a message and its label and help (see [`say`]).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Args(Arc<Vec<(Cow<'static, str>, Arg)>>);

impl Args {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A text field.
    #[must_use]
    pub fn text(mut self, name: &'static str, value: impl Into<Text>) -> Self {
        Arc::make_mut(&mut self.0).push((Cow::Borrowed(name), Arg::Text(value.into())));
        self
    }

    /// A count (it chooses between singular and plural).
    #[must_use]
    pub fn count(mut self, name: &'static str, value: usize) -> Self {
        Arc::make_mut(&mut self.0).push((Cow::Borrowed(name), Arg::Count(value)));
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The fields as Fluent takes them, worded in `lang`.
    fn fluent(&self, lang: &str, isolation: Isolation) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        for (name, arg) in self.0.iter() {
            let value = match arg {
                Arg::Text(text) => {
                    let mut worded = String::new();
                    text.word_into(lang, isolation, &mut worded);
                    // A value (not a phrase of canvass's own) reads in its own direction.
                    if isolation == Isolation::Marked
                        && matches!(text, Text::Plain(_) | Text::Given { .. })
                        && !worded.is_empty()
                    {
                        worded.insert(0, ISOLATE_OPEN);
                        worded.push(ISOLATE_CLOSE);
                    }
                    FluentValue::String(worded.into())
                }
                Arg::Count(n) => FluentValue::from(*n),
            };
            args.set(name.clone(), value);
        }
        args
    }
}

/// A message, its label and its help, not yet worded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Said {
    pub message: Text,
    pub label: Option<Text>,
    pub help: Option<Text>,
}

/// The message `id` with its `.label` and `.help` where the message has them.
pub fn say(id: impl Into<Cow<'static, str>>, args: &Args) -> Said {
    let id = id.into();
    let attribute = |name: &'static str| {
        has_attribute(&id, name).then(|| Text::Message {
            id: id.clone(),
            attribute: Some(Cow::Borrowed(name)),
            args: args.clone(),
        })
    };
    Said {
        label: attribute("label"),
        help: attribute("help"),
        message: Text::Message {
            id: id.clone(),
            attribute: None,
            args: args.clone(),
        },
    }
}

/// The message `id` alone (a phrase that other wording is built from).
pub fn phrase(id: impl Into<Cow<'static, str>>, args: &Args) -> Text {
    Text::Message {
        id: id.into(),
        attribute: None,
        args: args.clone(),
    }
}

/// Whether `lang` is written right to left (Arabic, Hebrew, Persian, Urdu).
pub fn is_rtl(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or(lang);
    matches!(primary, "ar" | "he" | "fa" | "ur")
}

/// The message `id` worded in `lang` at once: for printers, whose words are shown as they
/// are made.
pub fn phrase_in(lang: &str, id: &str, args: &Args) -> String {
    part(lang, id, None, args, Isolation::None).unwrap_or_else(|| id.to_string())
}

/// Whether message `id` has the attribute `name` (every language has the same attributes:
/// the words test holds them to English's).
fn has_attribute(id: &str, name: &str) -> bool {
    bundle("en")
        .get_message(id)
        .is_some_and(|m| m.get_attribute(name).is_some())
}

/// One attribute of a message (or its value, for `None`), falling back to English.
fn part(
    lang: &str,
    id: &str,
    attribute: Option<&str>,
    args: &Args,
    isolation: Isolation,
) -> Option<String> {
    let in_lang = |bundle: &'static Bundle, lang: &str| {
        let message = bundle.get_message(id)?;
        let pattern = match attribute {
            Some(name) => message.get_attribute(name)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        let args = args.fluent(lang, isolation);
        Some(
            bundle
                .format_pattern(pattern, Some(&args), &mut errors)
                .into_owned(),
        )
    };
    in_lang(bundle(lang), lang).or_else(|| in_lang(bundle("en"), lang))
}

#[cfg(test)]
mod tests;
