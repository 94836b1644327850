//! The zero-downtime form of a MySQL/MariaDB plan: each statement asks the engine for the
//! algorithm and lock it may use (`ALGORITHM=INSTANT`, `INPLACE, LOCK=NONE`, or, where the engine
//! can only copy the table, `COPY, LOCK=SHARED` said as a risk), so that the engine refuses a
//! statement rather than lock more than the plan says; a `lock_wait_timeout` preamble; removals
//! and renames in the contract phase.

use super::{Phase, Step, locks};

/// Written above the first step of a MySQL/MariaDB zero-downtime plan.
pub(super) fn preamble() -> Step {
    Step {
        sql: "SET SESSION lock_wait_timeout = 5".into(),
        risk: None,
        lock: Some(
            "none. Each statement names the algorithm and lock it may use, and the server refuses it rather than lock more; a step that waits more than 5 s for the table's metadata lock stops instead of queueing the queries behind it: run the script again from that step".into(),
        ),
        phase: Phase::Expand,
    }
}

/// `step` asking for the algorithm and lock its statement allows, with its lock note to match,
/// and a risk where the engine can only copy the table.
pub(super) fn asked(mut step: Step, rows: Option<u64>) -> Step {
    let upper = step.sql.to_ascii_uppercase();
    // A restated column asks for what its change allows when it is written (`alter.rs`).
    if !upper.contains("ALGORITHM=") {
        let Some(request) = locks::mysql_request(&step.sql) else {
            return step;
        };
        let separator = if upper.starts_with("ALTER TABLE") {
            ", "
        } else {
            " "
        };
        step.sql = format!("{}{separator}{}", step.sql, request.clause(separator));
    }
    step.lock = locks::lock_note(relvar_model::Dialect::MySql, &step.sql, rows);
    if step.sql.to_ascii_uppercase().contains("ALGORITHM=COPY") {
        let copy = "the server copies the table, and writes wait until it is done: for a large table run this step with gh-ost or pt-online-schema-change".to_owned();
        step.risk = Some(match step.risk.take() {
            Some(risk) => format!("{risk}; {copy}"),
            None => copy,
        });
    }
    step
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(sql: &str) -> Step {
        Step {
            sql: sql.into(),
            risk: None,
            lock: None,
            phase: Phase::Expand,
        }
    }

    #[test]
    fn each_statement_asks_for_what_it_allows() {
        let added = asked(step("ALTER TABLE t ADD COLUMN c int"), None);
        assert_eq!(
            added.sql,
            "ALTER TABLE t ADD COLUMN c int, ALGORITHM=INSTANT"
        );
        assert_eq!(added.risk, None);
        let indexed = asked(step("CREATE INDEX i ON t (c)"), Some(1_000_000));
        assert_eq!(
            indexed.sql,
            "CREATE INDEX i ON t (c) ALGORITHM=INPLACE LOCK=NONE"
        );
        assert!(
            indexed
                .lock
                .is_some_and(|lock| lock.starts_with("ALGORITHM=INPLACE, LOCK=NONE"))
        );
        let retyped = asked(step("ALTER TABLE t MODIFY COLUMN c bigint"), None);
        assert_eq!(
            retyped.sql,
            "ALTER TABLE t MODIFY COLUMN c bigint, ALGORITHM=COPY, LOCK=SHARED"
        );
        assert!(retyped.risk.is_some_and(|risk| risk.contains("gh-ost")));
        let restated = asked(
            step("ALTER TABLE t MODIFY COLUMN c int NOT NULL, ALGORITHM=INPLACE, LOCK=NONE"),
            None,
        );
        assert_eq!(restated.sql.matches("ALGORITHM").count(), 1);
        let dropped = asked(step("DROP INDEX i ON t"), None);
        assert_eq!(dropped.sql, "DROP INDEX i ON t");
        let renamed = asked(step("RENAME TABLE a TO b"), None);
        assert_eq!(renamed.sql, "RENAME TABLE a TO b");
    }
}
