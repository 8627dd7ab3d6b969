//! Invitations: the secret link each respondent replies through (`intake invite`,
//! `canvass serve`). Only a token's SHA-256 is kept, so the collection file gives no link
//! away; a link is revoked, never deleted.

use rusqlite::{OptionalExtension, params};

use super::Store;

/// The collection schema version that holds invitations.
const INVITATIONS: usize = 6;

impl Store {
    /// Keep the SHA-256 of a new token for `respondent`.
    pub fn invite(&self, respondent: &str, sha256: &str, now: &str) -> Result<(), String> {
        let err = self.err();
        self.transaction(|| {
            self.conn
                .execute(
                    "INSERT INTO invitation (sha256, respondent, created_at) VALUES (?1, ?2, ?3)",
                    params![sha256, respondent, now],
                )
                .map_err(&err)?;
            Ok(())
        })
    }

    /// Revoke every link of `respondent`; how many were live.
    pub fn revoke(&self, respondent: &str, now: &str) -> Result<usize, String> {
        let err = self.err();
        self.transaction(|| {
            self.conn
                .execute(
                    "UPDATE invitation SET revoked_at = ?2 WHERE respondent = ?1 AND revoked_at IS NULL",
                    params![respondent, now],
                )
                .map_err(&err)
        })
    }

    /// The respondent a live link's token hash belongs to.
    pub fn invited(&self, sha256: &str) -> Result<Option<String>, String> {
        if self.schema_version < INVITATIONS {
            return Ok(None);
        }
        self.conn
            .query_row(
                "SELECT respondent FROM invitation WHERE sha256 = ?1 AND revoked_at IS NULL",
                [sha256],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.err())
    }
}
