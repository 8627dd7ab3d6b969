//! The template's own words, in the languages canvass speaks (English, French), from the
//! same Fluent files as the findings (`findings::words`); any other language gets English
//! framing around the questionnaire's translated texts.

use crate::findings::words::{Args, phrase_in};

pub struct Words {
    pub reply: String,
    pub how_to: String,
    pub codes_intro: String,
    pub only_if: String,
    pub computed: String,
    pub required: String,
    pub or_code: String,
    pub please_specify: String,
    pub exclusive: String,
    pub specify_line: String,
    pub true_false: String,
    pub one_option: String,
    pub options_list: String,
    pub text: String,
    pub at_most_chars: String,
    pub email: String,
    pub whole_number: String,
    pub number: String,
    pub year: String,
    pub date: String,
    pub time: String,
    pub country: String,
    pub table: String,
    pub at_least_rows: String,
    pub to: String,
    pub at_least: String,
    pub at_most: String,
}

/// The template's words in `lang`.
pub fn words(lang: &str) -> Words {
    let say = |id: &str| phrase_in(lang, id, &Args::new());
    Words {
        reply: say("template-reply"),
        how_to: say("template-how-to"),
        codes_intro: say("template-codes-intro"),
        only_if: say("template-only-if"),
        computed: say("template-computed"),
        required: say("template-required"),
        or_code: say("template-or-code"),
        please_specify: say("template-please-specify"),
        exclusive: say("template-exclusive"),
        specify_line: say("template-specify-line"),
        true_false: say("template-true-false"),
        one_option: say("template-one-option"),
        options_list: say("template-options-list"),
        text: say("template-text"),
        at_most_chars: say("template-at-most-chars"),
        email: say("template-email"),
        whole_number: say("template-whole-number"),
        number: say("template-number"),
        year: say("template-year"),
        date: say("template-date"),
        time: say("template-time"),
        country: say("template-country"),
        table: say("template-table"),
        at_least_rows: say("template-at-least-rows"),
        to: say("template-to"),
        at_least: say("template-at-least"),
        at_most: say("template-at-most"),
    }
}
