//! What each statement of a migration holds while it runs: PostgreSQL's table lock and whether
//! it rewrites or scans the table, MySQL/MariaDB's online DDL algorithm and lock, and a duration
//! estimate from the table's expected rows. The one place these engine facts are written.

use relvar_model::{Dialect, grouped};

use crate::tables::ColumnDiff;

/// Rows a second, rough figures for a commodity server: a full scan, a rewrite of the table
/// (and its indexes), an index build.
const SCANNED_PER_SECOND: u64 = 2_000_000;
const REWRITTEN_PER_SECOND: u64 = 200_000;
const INDEXED_PER_SECOND: u64 = 500_000;

/// How long a statement holds what it holds, by the work it does on the table's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Work {
    /// A change of the catalog only.
    Brief,
    /// Reads every row (a check or a NOT NULL validated).
    Scan,
    /// Writes every row again.
    Rewrite,
    /// Builds an index over every row.
    Index,
}

/// The lock note of a statement, e.g. `ACCESS EXCLUSIVE (reads and writes wait); rewrites the
/// table: about 50 s for 10,000,000 rows`; none where the dialect has nothing to say.
pub(crate) fn lock_note(dialect: Dialect, sql: &str, rows: Option<u64>) -> Option<String> {
    let upper = sql.to_ascii_uppercase();
    let (lock, work) = match dialect {
        Dialect::PostgreSql => postgres(&upper)?,
        Dialect::MySql => mysql(&upper)?,
        Dialect::Sqlite | Dialect::MsSql => return None,
    };
    let mut note = lock.to_owned();
    let (what, rate) = match work {
        Work::Brief => return Some(note),
        Work::Scan => ("scans the table", SCANNED_PER_SECOND),
        Work::Rewrite => ("rewrites the table", REWRITTEN_PER_SECOND),
        Work::Index => ("reads every row to build the index", INDEXED_PER_SECOND),
    };
    note.push_str("; ");
    note.push_str(what);
    if let Some(rows) = rows {
        let seconds = rows.div_ceil(rate).max(1);
        note.push_str(&format!(
            ": about {} for {} rows",
            duration(seconds),
            grouped(rows)
        ));
    }
    Some(note)
}

fn postgres(upper: &str) -> Option<(&'static str, Work)> {
    const EXCLUSIVE: &str = "ACCESS EXCLUSIVE (reads and writes wait)";
    const UPDATE_EXCLUSIVE: &str = "SHARE UPDATE EXCLUSIVE (reads and writes go on)";
    let found = if upper.starts_with("CREATE INDEX CONCURRENTLY")
        || upper.starts_with("CREATE UNIQUE INDEX CONCURRENTLY")
    {
        (UPDATE_EXCLUSIVE, Work::Index)
    } else if upper.starts_with("CREATE INDEX") || upper.starts_with("CREATE UNIQUE INDEX") {
        ("SHARE (writes wait)", Work::Index)
    } else if upper.starts_with("DROP INDEX CONCURRENTLY") {
        (UPDATE_EXCLUSIVE, Work::Brief)
    } else if upper.starts_with("DROP INDEX") || upper.starts_with("DROP TABLE") {
        (EXCLUSIVE, Work::Brief)
    } else if upper.starts_with("BEGIN") {
        ("ACCESS EXCLUSIVE, briefly, in one transaction", Work::Brief)
    } else if upper.starts_with("CREATE OR REPLACE TRIGGER") || upper.starts_with("CREATE TRIGGER")
    {
        ("SHARE ROW EXCLUSIVE, briefly (writes wait)", Work::Brief)
    } else if upper.starts_with("UPDATE") || upper.starts_with("DO ") {
        ("ROW EXCLUSIVE on the rows updated, in batches", Work::Brief)
    } else if upper.starts_with("ALTER TABLE") {
        if upper.contains(" VALIDATE CONSTRAINT ") {
            (UPDATE_EXCLUSIVE, Work::Scan)
        } else if upper.contains(" FOREIGN KEY ") {
            let work = if upper.contains(" NOT VALID") {
                Work::Brief
            } else {
                Work::Scan
            };
            ("SHARE ROW EXCLUSIVE on both tables (writes wait)", work)
        } else if upper.contains(" TYPE ") {
            (EXCLUSIVE, Work::Rewrite)
        } else if upper.contains(" CHECK ") && !upper.contains(" NOT VALID")
            || upper.contains(" SET NOT NULL")
            || (upper.contains(" ADD ")
                && upper.contains(" PRIMARY KEY")
                && !upper.contains(" USING INDEX"))
            || (upper.contains(" ADD ")
                && upper.contains(" UNIQUE")
                && !upper.contains(" USING INDEX"))
        {
            let work = if upper.contains("PRIMARY KEY") || upper.contains("UNIQUE") {
                Work::Index
            } else {
                Work::Scan
            };
            (EXCLUSIVE, work)
        } else {
            (EXCLUSIVE, Work::Brief)
        }
    } else {
        return None;
    };
    Some(found)
}

/// The algorithm and lock a MySQL/MariaDB statement asks for in a zero-downtime plan: the least
/// the engine can do it with, so that it refuses rather than lock more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MysqlRequest {
    algorithm: &'static str,
    lock: Option<&'static str>,
}

impl MysqlRequest {
    /// A change of the table's metadata only.
    pub(crate) const INSTANT: Self = Self {
        algorithm: "INSTANT",
        lock: None,
    };
    /// Built or rebuilt while reads and writes go on.
    pub(crate) const IN_PLACE: Self = Self {
        algorithm: "INPLACE",
        lock: Some("NONE"),
    };
    /// Built in place while reads go on and writes wait.
    pub(crate) const IN_PLACE_SHARED: Self = Self {
        algorithm: "INPLACE",
        lock: Some("SHARED"),
    };
    /// Copied while reads go on and writes wait.
    pub(crate) const COPY: Self = Self {
        algorithm: "COPY",
        lock: Some("SHARED"),
    };

    /// `ALGORITHM=…`, with `LOCK=…` after `separator` (`, ` in ALTER TABLE, ` ` in CREATE and
    /// DROP INDEX).
    pub(crate) fn clause(self, separator: &str) -> String {
        match self.lock {
            Some(lock) => format!("ALGORITHM={}{separator}LOCK={lock}", self.algorithm),
            None => format!("ALGORITHM={}", self.algorithm),
        }
    }
}

/// What a MySQL/MariaDB statement may ask for, by what it does; none for a statement that takes
/// no such clause (RENAME TABLE, DROP TABLE, CREATE TABLE) or does something unforeseen.
pub(crate) fn mysql_request(sql: &str) -> Option<MysqlRequest> {
    let upper = sql.to_ascii_uppercase();
    // MariaDB's DROP INDEX takes no algorithm; dropping an index is in place anyway.
    if upper.starts_with("CREATE INDEX") || upper.starts_with("CREATE UNIQUE INDEX") {
        return Some(MysqlRequest::IN_PLACE);
    }
    // InnoDB builds a full-text or spatial index in place but only while writes wait.
    if upper.starts_with("CREATE FULLTEXT INDEX") || upper.starts_with("CREATE SPATIAL INDEX") {
        return Some(MysqlRequest::IN_PLACE_SHARED);
    }
    if !upper.starts_with("ALTER TABLE") || upper.contains(" RENAME TO ") {
        return None;
    }
    let adds = upper.contains(" ADD ");
    let request = if adds && (upper.contains(" FOREIGN KEY ") || upper.contains(" CHECK "))
        || upper.contains(" DROP PRIMARY KEY") && !upper.contains(" ADD PRIMARY KEY")
        || upper.contains(" MODIFY COLUMN ")
        || upper.contains(" CHANGE COLUMN ")
    {
        MysqlRequest::COPY
    } else if upper.contains(" ADD COLUMN ")
        || upper.contains(" DROP COLUMN ")
        || upper.contains(" RENAME COLUMN ")
    {
        MysqlRequest::INSTANT
    } else {
        MysqlRequest::IN_PLACE
    };
    Some(request)
}

/// What restating a changed column (`MODIFY`, `CHANGE`) may ask for: a new type, collation,
/// generation or AUTO_INCREMENT copies the table; nullability rebuilds it in place; a default or
/// comment alone changes the metadata.
pub(crate) fn mysql_column_request(change: &ColumnDiff) -> MysqlRequest {
    if change.type_changed
        || change.collation_changed
        || change.generated_changed
        || change.identity_changed
    {
        MysqlRequest::COPY
    } else if change.nullability_changed {
        MysqlRequest::IN_PLACE
    } else {
        MysqlRequest::INSTANT
    }
}

fn mysql(upper: &str) -> Option<(&'static str, Work)> {
    if upper.contains("ALGORITHM=INSTANT") {
        return Some(("ALGORITHM=INSTANT (metadata only)", Work::Brief));
    }
    if upper.contains("ALGORITHM=COPY") {
        return Some((
            "ALGORITHM=COPY, LOCK=SHARED (reads go on, writes wait)",
            Work::Rewrite,
        ));
    }
    if upper.contains("ALGORITHM=INPLACE") && upper.contains("LOCK=SHARED") {
        return Some((
            "ALGORITHM=INPLACE, LOCK=SHARED (reads go on, writes wait)",
            Work::Index,
        ));
    }
    if upper.contains("ALGORITHM=INPLACE") {
        const ONLINE: &str = "ALGORITHM=INPLACE, LOCK=NONE (reads and writes go on)";
        let builds_index = upper.starts_with("CREATE")
            || [" ADD INDEX", " ADD KEY", " ADD UNIQUE", " ADD CONSTRAINT"]
                .iter()
                .any(|part| upper.contains(part));
        let rebuilds = upper.contains(" PRIMARY KEY")
            || upper.contains(" MODIFY COLUMN ")
            || upper.contains(" CHANGE COLUMN ");
        return Some(if rebuilds {
            (ONLINE, Work::Rewrite)
        } else if builds_index {
            (ONLINE, Work::Index)
        } else {
            ("ALGORITHM=INPLACE, LOCK=NONE (metadata only)", Work::Brief)
        });
    }
    let found = if upper.starts_with("CREATE INDEX") || upper.starts_with("CREATE UNIQUE INDEX") {
        (
            "ALGORITHM=INPLACE, LOCK=NONE (reads and writes go on)",
            Work::Index,
        )
    } else if upper.starts_with("DROP INDEX") || upper.starts_with("RENAME TABLE") {
        ("ALGORITHM=INPLACE, LOCK=NONE (metadata only)", Work::Brief)
    } else if upper.starts_with("DROP TABLE") {
        ("metadata lock (queries on the table wait)", Work::Brief)
    } else if upper.starts_with("ALTER TABLE") {
        if upper.contains(" MODIFY COLUMN ") || upper.contains(" CHANGE COLUMN ") {
            ("ALGORITHM=COPY, LOCK=SHARED (writes wait)", Work::Rewrite)
        } else if upper.contains(" ADD COLUMN ")
            || upper.contains(" DROP COLUMN ")
            || upper.contains(" RENAME COLUMN ")
        {
            ("ALGORITHM=INSTANT (metadata only)", Work::Brief)
        } else if upper.contains(" PRIMARY KEY") {
            (
                "ALGORITHM=INPLACE, LOCK=NONE (rebuilds the table)",
                Work::Rewrite,
            )
        } else if upper.contains(" ADD ") && upper.contains(" FOREIGN KEY ") {
            (
                "ALGORITHM=COPY, LOCK=SHARED unless foreign_key_checks=0 (writes wait)",
                Work::Scan,
            )
        } else if upper.contains(" DROP FOREIGN KEY ") {
            ("ALGORITHM=INPLACE, LOCK=NONE (metadata only)", Work::Brief)
        } else if upper.contains(" UNIQUE") {
            ("ALGORITHM=INPLACE, LOCK=NONE", Work::Index)
        } else {
            ("ALGORITHM=INPLACE, LOCK=NONE", Work::Brief)
        }
    } else {
        return None;
    };
    Some(found)
}

fn duration(seconds: u64) -> String {
    match seconds {
        0..120 => format!("{seconds} s"),
        120..7_200 => format!("{} min", seconds.div_ceil(60)),
        _ => format!("{:.1} h", seconds as f64 / 3_600.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_statement_names_its_lock_and_work() {
        let pg = Dialect::PostgreSql;
        assert_eq!(
            lock_note(pg, "CREATE INDEX CONCURRENTLY i ON t (a)", Some(10_000_000)).unwrap(),
            "SHARE UPDATE EXCLUSIVE (reads and writes go on); reads every row to build the index: about 20 s for 10,000,000 rows"
        );
        assert!(
            lock_note(
                pg,
                "ALTER TABLE t ALTER COLUMN a TYPE bigint USING a::bigint",
                None
            )
            .unwrap()
            .starts_with("ACCESS EXCLUSIVE (reads and writes wait); rewrites the table")
        );
        assert_eq!(
            lock_note(
                pg,
                "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES p (id) NOT VALID",
                Some(5)
            )
            .unwrap(),
            "SHARE ROW EXCLUSIVE on both tables (writes wait)"
        );
        assert!(
            lock_note(pg, "ALTER TABLE t VALIDATE CONSTRAINT f", None)
                .unwrap()
                .contains("scans")
        );
        assert!(
            lock_note(Dialect::MySql, "ALTER TABLE t MODIFY COLUMN a bigint", None)
                .unwrap()
                .contains("COPY")
        );
        assert_eq!(lock_note(Dialect::Sqlite, "DROP TABLE t", None), None);
        assert_eq!(duration(7_300), "2.0 h");
    }
}
