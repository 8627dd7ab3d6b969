//! The stable finding codes. Users filter and script on these strings: never rename one.

use std::fmt;

macro_rules! codes {
    ($($variant:ident = $text:literal, $reply:literal;)*) => {
        /// A stable finding code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[allow(missing_docs)] // each variant is its string, documented in docs/replies.md
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order of the spec's table.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as users see it (`missing-answer`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }

            /// Whether the code is one of the reply findings of the spec's table.
            pub fn is_reply_code(self) -> bool {
                match self {
                    $(Code::$variant => $reply,)*
                }
            }
        }
    };
}

codes! {
    // Replies (the spec's table) — `syntax` is shared with questionnaires.
    Syntax = "syntax", true;
    DuplicateKey = "duplicate-key", true;
    WrongQuestionnaire = "wrong-questionnaire", true;
    UnknownQuestion = "unknown-question", true;
    MissingAnswer = "missing-answer", true;
    NotApplicable = "not-applicable", true;
    InvalidType = "invalid-type", true;
    InvalidOption = "invalid-option", true;
    OutOfRange = "out-of-range", true;
    InvalidFormat = "invalid-format", true;
    TooFew = "too-few", true;
    TooMany = "too-many", true;
    ExclusiveOption = "exclusive-option", true;
    DuplicateRow = "duplicate-row", true;
    MissingSpecify = "missing-specify", true;
    UnexpectedSpecify = "unexpected-specify", true;
    Rule = "rule", true;
    InternalError = "internal-error", true;
    SkippedFile = "skipped-file", true;
    ChangedLayout = "changed-layout", true;
    // Questionnaires (`canvass check`).
    InvalidSetting = "invalid-setting", false;
    UnknownSetting = "unknown-setting", false;
    MissingSetting = "missing-setting", false;
    SettingNotForType = "setting-not-for-type", false;
    InvalidId = "invalid-id", false;
    DuplicateId = "duplicate-id", false;
    DuplicateOption = "duplicate-option", false;
    MinAboveMax = "min-above-max", false;
    InvalidBound = "invalid-bound", false;
    InvalidRegex = "invalid-regex", false;
    UnknownCode = "unknown-code", false;
    UnknownColumn = "unknown-column", false;
    SpecifyCollision = "specify-collision", false;
    MissingTranslation = "missing-translation", false;
    UnknownLanguage = "unknown-language", false;
    ExpressionSyntax = "expression-syntax", false;
    UnknownReference = "unknown-reference", false;
    UnknownLiteral = "unknown-literal", false;
    TypeMismatch = "type-mismatch", false;
    WhenCycle = "when-cycle", false;
    ComputeCycle = "compute-cycle", false;
    NeverApplies = "never-applies", false;
    ForwardReference = "forward-reference", false;
    ConstantExpression = "constant-expression", false;
    HiddenCharacter = "hidden-character", false;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == text)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown finding code `{text}`")))
    }
}
