//! The review loop's statements: reviewers' explanations, the letters written, and the
//! previous cycle's replies. Nothing here touches a received version; these tables only
//! add to what a collection says about them.

use rusqlite::{OptionalExtension, params};

use super::Store;

/// An explanation a reviewer recorded: it holds for `rule`'s findings from `version` on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub rule: String,
    pub version: i64,
    pub note: String,
    pub explained_at: String,
}

/// A letter written to a respondent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// The version it was about.
    pub version: i64,
    pub lang: String,
    /// The identities of the findings it asked about (a JSON array).
    pub asked: String,
    pub written_at: String,
}

/// A respondent's last accepted reply of the previous cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Previous {
    pub respondent: String,
    /// The questionnaire and version it answered.
    pub questionnaire: String,
    pub version: String,
    pub received_at: String,
    /// The reply as JSON.
    pub reply: String,
}

/// The collection schema version that holds the review loop's tables.
const REVIEW: usize = 5;

impl Store {
    /// Whether this collection has the review loop's tables (read-only, an older one is
    /// read as it is: it has no explanations, letters or previous cycle).
    fn reviewed(&self) -> bool {
        self.schema_version >= REVIEW
    }

    /// Record a reviewer's explanation of `rule` from `version` on; with `accept`, also
    /// accept that version (its last error explained), in the same transaction.
    pub fn explain(
        &self,
        respondent: &str,
        e: &Explained,
        accept: Option<&str>,
    ) -> Result<(), String> {
        let err = self.err();
        self.transaction(|| {
            self.conn
                .execute(
                    "INSERT OR REPLACE INTO explanation (respondent, rule, version, note, explained_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![respondent, e.rule, e.version, e.note, e.explained_at],
                )
                .map_err(&err)?;
            if let Some(note) = accept {
                self.conn
                    .execute(
                        "INSERT OR IGNORE INTO acceptance (submission, note, accepted_at)
                         SELECT id, ?3, ?4 FROM submission WHERE respondent = ?1 AND version = ?2",
                        params![respondent, e.version, note, e.explained_at],
                    )
                    .map_err(&err)?;
            }
            Ok(())
        })
    }

    /// The explanations reviewers recorded for `respondent`, oldest version first.
    pub fn explanations(&self, respondent: &str) -> Result<Vec<Explained>, String> {
        if !self.reviewed() {
            return Ok(Vec::new());
        }
        let mut statement = self
            .conn
            .prepare(
                "SELECT rule, version, note, explained_at FROM explanation
                  WHERE respondent = ?1 ORDER BY version, rule",
            )
            .map_err(self.err())?;
        let rows = statement
            .query_map([respondent], |r| {
                Ok(Explained {
                    rule: r.get(0)?,
                    version: r.get(1)?,
                    note: r.get(2)?,
                    explained_at: r.get(3)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Every respondent's explanations, by respondent id.
    pub fn all_explanations(&self) -> Result<Vec<(String, Explained)>, String> {
        if !self.reviewed() {
            return Ok(Vec::new());
        }
        let mut statement = self
            .conn
            .prepare(
                "SELECT respondent, rule, version, note, explained_at FROM explanation
                  ORDER BY respondent, version, rule",
            )
            .map_err(self.err())?;
        let rows = statement
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    Explained {
                        rule: r.get(1)?,
                        version: r.get(2)?,
                        note: r.get(3)?,
                        explained_at: r.get(4)?,
                    },
                ))
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Record a letter written to `respondent`.
    pub fn record_letter(&self, respondent: &str, letter: &Letter) -> Result<(), String> {
        let err = self.err();
        self.transaction(|| {
            self.conn
                .execute(
                    "INSERT INTO letter (respondent, version, lang, asked, written_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        respondent,
                        letter.version,
                        letter.lang,
                        letter.asked,
                        letter.written_at
                    ],
                )
                .map_err(&err)?;
            Ok(())
        })
    }

    /// The last letter written to `respondent`, if any.
    pub fn last_letter(&self, respondent: &str) -> Result<Option<Letter>, String> {
        if !self.reviewed() {
            return Ok(None);
        }
        self.conn
            .query_row(
                "SELECT version, lang, asked, written_at FROM letter
                  WHERE respondent = ?1 ORDER BY id DESC LIMIT 1",
                [respondent],
                |r| {
                    Ok(Letter {
                        version: r.get(0)?,
                        lang: r.get(1)?,
                        asked: r.get(2)?,
                        written_at: r.get(3)?,
                    })
                },
            )
            .optional()
            .map_err(self.err())
    }

    /// The previous cycle's reply of `respondent`, if it had one.
    pub fn previous(&self, respondent: &str) -> Result<Option<Previous>, String> {
        Ok(self.all_previous(Some(respondent))?.into_iter().next())
    }

    /// The previous cycle's replies (of one respondent, or all), by respondent id.
    pub fn all_previous(&self, respondent: Option<&str>) -> Result<Vec<Previous>, String> {
        if !self.reviewed() {
            return Ok(Vec::new());
        }
        let mut statement = self
            .conn
            .prepare(
                "SELECT respondent, questionnaire, version, received_at, reply FROM previous
                  WHERE ?1 IS NULL OR respondent = ?1 ORDER BY respondent",
            )
            .map_err(self.err())?;
        let rows = statement
            .query_map([respondent], |r| {
                Ok(Previous {
                    respondent: r.get(0)?,
                    questionnaire: r.get(1)?,
                    version: r.get(2)?,
                    received_at: r.get(3)?,
                    reply: r.get(4)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }
}
