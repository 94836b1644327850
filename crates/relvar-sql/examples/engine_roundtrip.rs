//! Real-engine round trip: every corpus schema is exported to PostgreSQL, MariaDB and SQLite,
//! executed on the engine, read back (pg_dump, mariadb-dump, sqlite3 .schema), imported again and
//! compared with what was written. Run by `tests/engines/run`, which starts the engines first.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // a test runner: it fails by stopping

mod support;

use std::path::PathBuf;
use std::process::ExitCode;

use relvar_model::Design;
use relvar_sql::{Dialect, export_ddl, import_sql};
use support::compare::compare;
use support::corpus::{CorpusFile, PG15_SHIMS, corpus_files};
use support::engines::Engines;

fn main() -> ExitCode {
    let work = PathBuf::from("target/engines/roundtrip");
    let engines = Engines::from_env(&work, "relvar_");
    let only = std::env::args().nth(1);
    let files = corpus_files(
        "../shared/corpus/sql:../shared/corpus-more/sql",
        only.as_deref(),
    );
    let mut failures = 0;
    let mut unavailable = 0;
    println!(
        "{:<36} {:<10} {:>7} {:>8} {:>8} {:>8}  result",
        "file", "engine", "tables", "columns", "fks", "indexes"
    );
    for (number, file) in files.iter().enumerate() {
        let CorpusFile {
            name,
            text,
            dialect,
        } = file;
        let dialect = *dialect;
        let design = import_sql(text, dialect).design;
        for target in [Dialect::PostgreSql, Dialect::MySql, Dialect::Sqlite] {
            let exported = export_ddl(&design, target);
            let script = work.join(format!("{name}.{}.sql", target.id()));
            std::fs::write(&script, &exported.sql).unwrap();
            // A MySQL schema's views may name its database (`sakila.film`): run it in the
            // database its script selects.
            let database = match (dialect, target) {
                (Dialect::MySql, Dialect::MySql) => selected_database(&design),
                _ => None,
            }
            .unwrap_or_else(|| format!("{}{number}", engines.prefix));
            let sql = match target {
                Dialect::PostgreSql => format!("{PG15_SHIMS}{}", exported.sql),
                // SQLite checks a foreign key's form only when rows move, unless asked.
                Dialect::Sqlite => format!("{}\nPRAGMA foreign_key_check;\n", exported.sql),
                _ => exported.sql.clone(),
            };
            let outcome = engines
                .run_in(target, &database, &sql)
                .map_err(|refusal| refusal.message)
                .and_then(|dump| compare(&exported.sql, &dump, target));
            let written = import_sql(&exported.sql, target).design;
            let counts = counts(&written);
            match outcome {
                Ok(()) => println!(
                    "{name:<36} {:<10} {:>7} {:>8} {:>8} {:>8}  ok ({} warnings)",
                    target.id(),
                    counts.0,
                    counts.1,
                    counts.2,
                    counts.3,
                    exported.warnings.len()
                ),
                Err(problem) if missing_extension(&problem).is_some() => {
                    unavailable += 1;
                    println!(
                        "{name:<36} {:<10} {:>7} {:>8} {:>8} {:>8}  NOT RUNNABLE HERE: needs the extension {}, which this machine's engine does not have",
                        target.id(),
                        counts.0,
                        counts.1,
                        counts.2,
                        counts.3,
                        missing_extension(&problem).unwrap_or_default()
                    );
                }
                Err(problem) => {
                    failures += 1;
                    println!(
                        "{name:<36} {:<10} {:>7} {:>8} {:>8} {:>8}  FAILED: {problem}",
                        target.id(),
                        counts.0,
                        counts.1,
                        counts.2,
                        counts.3
                    );
                }
            }
        }
    }
    println!("{{\"failures\":{failures},\"not_runnable_here\":{unavailable}}}");
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The database a MySQL script selects with `USE name`, if any.
fn selected_database(design: &Design) -> Option<String> {
    design.unmodelled.iter().find_map(|statement| {
        let mut words = statement.text.split_whitespace();
        let first = words.next()?;
        first.eq_ignore_ascii_case("USE").then(|| {
            words
                .next()
                .unwrap_or_default()
                .trim_end_matches(';')
                .trim_matches('`')
                .to_owned()
        })
    })
}

/// The extension named by PostgreSQL's "extension ... is not available" error: the engine
/// installed here lacks it (pgvector has no Debian 12 package), which says nothing of the export.
fn missing_extension(problem: &str) -> Option<String> {
    let start = problem.find("extension \"")? + "extension \"".len();
    let rest = problem.get(start..)?;
    let end = rest.find('"')?;
    rest.get(end..)?
        .starts_with("\" is not available")
        .then(|| rest.get(..end).unwrap_or_default().to_owned())
}

fn counts(design: &Design) -> (usize, usize, usize, usize) {
    (
        design.tables.len(),
        design.tables.iter().map(|t| t.columns.len()).sum(),
        design.foreign_keys.len(),
        design.tables.iter().map(|t| t.indexes.len()).sum(),
    )
}
