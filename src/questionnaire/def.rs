//! The questionnaire as written: serde types that mirror the TOML, each value with its span.
//!
//! These types are also the source of `schemas/questionnaire.schema.json` (via schemars),
//! so an editor completes exactly what the loader accepts. Nothing here is validated:
//! a `min` may be a date on an integer question; the checker says so.

use std::collections::BTreeMap;
use std::ops::Range;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};

/// A value with the byte span it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Sp<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Range<usize>) -> Self {
        Self { value, span }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sp<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = serde_spanned::Spanned::<T>::deserialize(deserializer)?;
        let span = spanned.span();
        Ok(Self {
            value: spanned.into_inner(),
            span,
        })
    }
}

impl<T: JsonSchema> JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

/// A questionnaire file.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(title = "canvass questionnaire")]
#[schemars(deny_unknown_fields)]
pub struct QuestionnaireDef {
    /// Stable identifier, `[a-z0-9-]+`; replies name it in `questionnaire`.
    pub id: Sp<String>,
    /// Version that replies must name in `version`.
    pub version: Sp<String>,
    /// Title, in the source language or as a table of translations.
    pub title: Sp<TextDef>,
    /// Languages of the questionnaire; the first is the source language. Default `["en"]`.
    pub languages: Option<Sp<Vec<Sp<String>>>>,
    /// The answer that identifies who replied, `"section.question"` (a required `country`
    /// or `text` question); a collection (`canvass intake`) needs it.
    pub respondent: Option<Sp<String>>,
    /// Answer codes allowed in place of a value where a question lists them: a label, or
    /// `{ label = "…", number = 88 }` for a code survey systems write as a number.
    #[serde(default)]
    pub codes: BTreeMap<String, Sp<CodeDef>>,
    /// Option lists several questions share, by name: a question takes one with
    /// `options = "name"` (a grid of yes/no/partly rows lists it once).
    #[serde(default)]
    pub options: BTreeMap<String, Sp<Vec<Sp<OptionDef>>>>,
    #[serde(default)]
    pub section: Vec<SectionDef>,
    #[serde(default)]
    pub rule: Vec<RuleDef>,
}

impl QuestionnaireDef {
    /// Question `question` of section `section`, or its column `column`: the definition a
    /// model reference was built from (the model mirrors the definition, index for index).
    pub fn question_at(
        &self,
        section: usize,
        question: usize,
        column: Option<usize>,
    ) -> &QuestionDef {
        let q = &self.section[section].question[question];
        match column {
            Some(c) => {
                &q.columns
                    .as_ref()
                    .expect("a column's table has columns")
                    .value[c]
            }
            None => q,
        }
    }
}

/// An answer code: its label, and the number survey systems write for it, if any.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum CodeDef {
    /// `{ label = "Don't know", number = 88 }`.
    Numbered { label: TextDef, number: i64 },
    /// `"Don't know"`, or a table of translations.
    Label(TextDef),
}

/// The rows of a table given in advance.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RowsDef {
    /// `"options"`: one row per option of the key column.
    Every(String),
    /// The key of each row. (No spans inside: serde's untagged enums drop them.)
    Keys(Vec<RowKeyDef>),
}

/// The key of a row given in advance: a year or a number, or a text (an option, a
/// country code, a date).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RowKeyDef {
    Number(i64),
    Text(String),
}

/// A user-facing text: a string in the source language, or a table keyed by language.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum TextDef {
    Plain(String),
    Translated(BTreeMap<String, String>),
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SectionDef {
    /// `[a-z][a-z0-9_]*`, unique in the questionnaire; the reply's table name.
    pub id: Sp<String>,
    /// Display number, e.g. "I".
    pub number: Option<Sp<String>>,
    pub title: Sp<TextDef>,
    /// Every question of the section applies only when this holds.
    pub when: Option<Sp<String>>,
    #[serde(default)]
    pub question: Vec<QuestionDef>,
}

/// A question, or a column of a table question.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct QuestionDef {
    /// `[a-z][a-z0-9_]*`, unique in its section (or table).
    pub id: Sp<String>,
    /// Display number, e.g. "1.1".
    pub number: Option<Sp<String>>,
    pub text: Sp<TextDef>,
    pub help: Option<Sp<TextDef>>,
    #[serde(rename = "type")]
    pub kind: Sp<QuestionType>,
    pub required: Option<Sp<bool>>,
    /// The question applies only when this expression holds. In a column, a bare name is
    /// first a column of the same row.
    pub when: Option<Sp<String>>,
    /// A computed value: canvass derives it from this expression, and it is never asked.
    pub compute: Option<Sp<String>>,
    /// Names from `[codes]` allowed as an answer.
    pub codes: Option<Sp<Vec<Sp<String>>>>,
    /// The options, or the name of a list under `[options]`.
    pub options: Option<Sp<OptionsDef>>,
    pub min_choices: Option<Sp<i64>>,
    pub max_choices: Option<Sp<i64>>,
    pub min_length: Option<Sp<i64>>,
    pub max_length: Option<Sp<i64>>,
    /// Regular expression (linear-time engine) the whole answer must match.
    pub pattern: Option<Sp<String>>,
    /// The form `pattern` asks for, in words (translatable): shown to respondents instead
    /// of the regular expression.
    pub pattern_message: Option<Sp<TextDef>>,
    pub format: Option<Sp<TextFormat>>,
    pub min: Option<Sp<BoundDef>>,
    pub max: Option<Sp<BoundDef>>,
    pub unit: Option<Sp<TextDef>>,
    pub columns: Option<Sp<Vec<QuestionDef>>>,
    pub min_rows: Option<Sp<i64>>,
    pub max_rows: Option<Sp<i64>>,
    /// A column whose values must be distinct across rows.
    pub key: Option<Sp<String>>,
    /// The rows a reply must give, by their key: `[2005, 2006]`, or `"options"` for every
    /// option of a choice key (a food list).
    pub rows: Option<Sp<RowsDef>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    YesNo,
    Choice,
    MultiChoice,
    Text,
    Integer,
    Number,
    Date,
    /// A time of day, `hh:mm` on a 24-hour clock.
    Time,
    Year,
    Country,
    Table,
}

impl QuestionType {
    pub fn name(self) -> &'static str {
        match self {
            Self::YesNo => "yes_no",
            Self::Choice => "choice",
            Self::MultiChoice => "multi_choice",
            Self::Text => "text",
            Self::Integer => "integer",
            Self::Number => "number",
            Self::Date => "date",
            Self::Time => "time",
            Self::Year => "year",
            Self::Country => "country",
            Self::Table => "table",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    Email,
}

/// A question's options: listed in place, or the name of a shared list.
#[derive(Debug, Clone, JsonSchema)]
#[serde(untagged)]
pub enum OptionsDef {
    /// The name of a list under `[options]`.
    Named(String),
    List(Vec<Sp<OptionDef>>),
}

impl OptionsDef {
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Named(_) => false,
            Self::List(items) => items.is_empty(),
        }
    }
}

impl<'de> Deserialize<'de> for OptionsDef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // By hand, not `untagged`: serde's untagged buffering would lose each option's span.
        struct Options;
        impl<'de> serde::de::Visitor<'de> for Options {
            type Value = OptionsDef;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of options, or the name of a list under [options]")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<OptionsDef, E> {
                Ok(OptionsDef::Named(name.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<OptionsDef, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(OptionsDef::List(items))
            }
        }
        deserializer.deserialize_any(Options)
    }
}

/// An option: its value alone, or a table with a label and flags.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum OptionDef {
    Value(String),
    Full(FullOptionDef),
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FullOptionDef {
    pub value: String,
    pub label: Option<TextDef>,
    /// "Other, please specify": requires the text answer `<question id>_specify`.
    #[serde(default)]
    pub specify: bool,
    /// Cannot be combined with other options (`multi_choice`), e.g. "none".
    #[serde(default)]
    pub exclusive: bool,
}

/// A bound: a number, or a date (TOML date or `YYYY-MM-DD` string).
#[derive(Debug, Clone, PartialEq)]
pub enum BoundDef {
    Integer(i64),
    Float(f64),
    Date(String),
    Other(String),
}

impl<'de> Deserialize<'de> for BoundDef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Through toml::Value, because a TOML date does not survive serde's untagged buffering.
        Ok(match toml::Value::deserialize(deserializer)? {
            toml::Value::Integer(i) => Self::Integer(i),
            toml::Value::Float(f) => Self::Float(f),
            toml::Value::String(s) => Self::Date(s),
            toml::Value::Datetime(d) => Self::Date(d.to_string()),
            other => Self::Other(other.type_str().to_string()),
        })
    }
}

impl JsonSchema for BoundDef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Bound".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number, or a date (TOML date or YYYY-MM-DD string).",
            "type": ["number", "string"]
        })
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RuleDef {
    /// Identifier of the rule, unique in the questionnaire.
    pub id: Sp<String>,
    /// Check the rule on every row of this table (`"section.table"`): its names are first
    /// that row's columns.
    pub each: Option<Sp<String>>,
    /// The rule is checked only when this holds.
    pub when: Option<Sp<String>>,
    /// Expression that must hold.
    pub check: Sp<String>,
    pub severity: Option<Sp<RuleSeverity>>,
    pub message: Sp<TextDef>,
}

/// What a failed rule gives: `error` (the default) makes the reply invalid; `warning` is
/// worth a look; `explain` makes it invalid until the reply (its `explanations`) or a
/// reviewer says why the answers are right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleSeverity {
    /// The reply is invalid until corrected (or accepted by a reviewer).
    Error,
    /// Worth a look; the reply stays valid. An explanation may be given.
    Warning,
    /// Invalid until explained.
    Explain,
}

impl RuleSeverity {
    /// The severity of the rule's finding while unexplained.
    pub fn finding(self) -> crate::findings::Severity {
        match self {
            Self::Warning => crate::findings::Severity::Warning,
            Self::Error | Self::Explain => crate::findings::Severity::Error,
        }
    }

    /// Whether the rule's finding may be explained.
    pub fn explainable(self) -> bool {
        self != Self::Error
    }
}
