//! Texts and their translations: turn a `TextDef` into a [`Text`], warning about a
//! declared language left out and a language the questionnaire does not declare.

use std::sync::Arc;

use super::Lints;
use crate::findings::Code;
use crate::questionnaire::def::{Sp, TextDef};
use crate::questionnaire::model::Text;

pub(crate) fn text(
    def: &Sp<TextDef>,
    what: &str,
    languages: &[String],
    lints: &mut Lints<'_>,
) -> Text {
    let source = languages.first().map_or("en", String::as_str);
    match &def.value {
        TextDef::Plain(s) => {
            let missing = &languages[1.min(languages.len())..];
            if !missing.is_empty() {
                lints
                    .warning(
                        Code::MissingTranslation,
                        format!("{what} has no translation into {}", list(missing)),
                        def.span.clone(),
                    )
                    .label_(format!("only in `{source}`"))
                    .help_(format!(
                        "write a table of translations: {{ {source} = \"…\", {} = \"…\" }}",
                        missing[0]
                    ));
            }
            Text::one(source, s)
        }
        TextDef::Translated(map) => {
            let missing: Vec<String> = languages
                .iter()
                .filter(|l| !map.contains_key(*l))
                .cloned()
                .collect();
            if !missing.is_empty() {
                lints
                    .warning(
                        Code::MissingTranslation,
                        format!("{what} has no translation into {}", list(&missing)),
                        def.span.clone(),
                    )
                    .label_(format!("no `{}` here", missing[0]));
            }
            for lang in map.keys().filter(|l| !languages.contains(l)) {
                lints
                    .warning(
                        Code::UnknownLanguage,
                        format!("{what} has a translation into `{lang}`, which is not in `languages`"),
                        def.span.clone(),
                    )
                    .help_(format!(
                        "the questionnaire's languages are {}; add `{lang}` to them or remove this translation",
                        list(languages)
                    ));
            }
            Text(Arc::new(map.clone()))
        }
    }
}

fn list(languages: &[String]) -> String {
    languages
        .iter()
        .map(|l| format!("`{l}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
