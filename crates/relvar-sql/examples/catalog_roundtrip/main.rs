//! The catalog queries on real engines: every corpus schema is exported to PostgreSQL, MariaDB
//! and SQLite, executed in a fresh database (`relvar_catalog_<n>`), the engine's catalog query
//! run in its own client, and the JSON it prints imported and compared with the import of the
//! DDL that was executed: tables, columns, types (as the engine spells them), nullability, keys,
//! foreign keys, indexes and checks, modulo what a catalog cannot know (see `compare`). Run by
//! `tests/engines/catalog`, which has the engines started first.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // a test runner: it fails by stopping

mod compare;
mod features;
#[path = "../support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::process::ExitCode;

use relvar_sql::{Dialect, catalog_query, export_ddl, import_sql};
use support::corpus::{PG15_SHIMS, corpus_files};
use support::engines::Engines;

fn main() -> ExitCode {
    let work = PathBuf::from("target/engines/catalog");
    let engines = Engines::from_env(&work, "relvar_catalog_");
    let only = std::env::args().nth(1);
    let (mut agree, mut differ, mut not_runnable) = (0, 0, 0);
    let mut per_engine: Vec<(Dialect, usize, usize)> = Vec::new();
    println!(
        "{:<36} {:<8} {:>7} {:>8} {:>5} {:>8}  result",
        "file", "engine", "tables", "columns", "fks", "indexes"
    );
    // Each corpus schema exported to each engine; then each engine's features script as it is.
    let mut runs: Vec<(String, Dialect, String)> = Vec::new();
    for file in corpus_files("../shared/corpus/sql", only.as_deref()) {
        let design = import_sql(&file.text, file.dialect).design;
        for target in [Dialect::PostgreSql, Dialect::MySql, Dialect::Sqlite] {
            runs.push((file.name.clone(), target, export_ddl(&design, target).sql));
        }
    }
    for (engine, script) in features::SCRIPTS {
        if only
            .as_ref()
            .is_none_or(|only| "features.sql".contains(only.as_str()))
        {
            runs.push(("features.sql".into(), engine, script.to_owned()));
        }
    }
    for (number, (name, target, ddl)) in runs.into_iter().enumerate() {
        let database = format!("relvar_catalog_{number}");
        std::fs::write(work.join(format!("{name}.{}.sql", target.id())), &ddl).unwrap();
        let written = import_sql(&ddl, target).design;
        let counts = compare::counts(&written);
        let row = |outcome: &str| {
            println!(
                "{name:<36} {:<8} {:>7} {:>8} {:>5} {:>8}  {outcome}",
                target.id(),
                counts.0,
                counts.1,
                counts.2,
                counts.3
            );
        };
        let script = match target {
            Dialect::PostgreSql => format!("{PG15_SHIMS}{ddl}"),
            _ => ddl.clone(),
        };
        if let Err(problem) = engines.execute_in(target, &database, &script) {
            not_runnable += 1;
            row(&format!(
                "NOT RUNNABLE HERE (the engine refused the DDL): {problem}"
            ));
            continue;
        }
        let json = match engines.query_in(target, &database, catalog_query(target)) {
            Ok(json) => json,
            Err(problem) => {
                differ += 1;
                tally(&mut per_engine, target, false);
                row(&format!("FAILED: the catalog query failed: {problem}"));
                continue;
            }
        };
        std::fs::write(work.join(format!("{name}.{}.json", target.id())), &json).unwrap();
        let read = import_sql(&json, target);
        let problems = compare::differences(&written, &read.design, target);
        let errors = read
            .diagnostics
            .iter()
            .filter(|d| d.severity >= relvar_sql::Severity::Warning)
            .count();
        if problems.is_empty() && errors == 0 {
            agree += 1;
            tally(&mut per_engine, target, true);
            row("agrees");
        } else {
            differ += 1;
            tally(&mut per_engine, target, false);
            let mut shown: Vec<String> = problems.iter().take(4).cloned().collect();
            shown.extend(read.diagnostics.iter().take(2).map(|d| d.message.clone()));
            row(&format!(
                "DIFFERS ({} differences): {}",
                problems.len() + errors,
                shown.join("; ")
            ));
        }
    }
    for (engine, agreeing, differing) in &per_engine {
        println!(
            "{}: {agreeing} of {} schemas agree (the corpus, and the features script)",
            engine.name(),
            agreeing + differing
        );
    }
    println!("{{\"agree\":{agree},\"differ\":{differ},\"ddl_not_runnable\":{not_runnable}}}");
    if differ == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn tally(per_engine: &mut Vec<(Dialect, usize, usize)>, engine: Dialect, agrees: bool) {
    if !per_engine.iter().any(|(known, _, _)| *known == engine) {
        per_engine.push((engine, 0, 0));
    }
    if let Some(entry) = per_engine.iter_mut().find(|(known, _, _)| *known == engine) {
        if agrees {
            entry.1 += 1;
        } else {
            entry.2 += 1;
        }
    }
}
