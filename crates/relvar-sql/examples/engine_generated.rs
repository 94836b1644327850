//! The generated differential test: random schemas per dialect, each first accepted by its real
//! engine (a refused one is shrunk, never a failure), read back from the engine's own dump,
//! imported, exported to every engine, executed there and compared (`support/differential.rs`).
//! Run by `tests/engines/generated` (a fixed seed and a few fresh ones) and `tests/engines/soak`.
//!
//! Usage: `engine_generated [--seed S]... [--fresh N]`; every seed is printed, and a failing
//! one's scripts are kept under `target/engines/generated/`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // a test runner: it fails by stopping

mod support;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use relvar_sql::{Dialect, export_ddl, import_sql};
use support::compare::compare;
use support::differential::{differences, normal};
use support::engines::{Engines, Refusal};
use support::generate::script::shrink;
use support::generate::{Rng, schema};

const ENGINES: [Dialect; 3] = [Dialect::PostgreSql, Dialect::MySql, Dialect::Sqlite];
/// Engine runs allowed for shrinking one generated schema until its engine accepts it.
const SHRINK_BUDGET: usize = 40;
/// Schemas generated per seed and dialect before giving up on an acceptable one.
const ATTEMPTS: u64 = 3;
/// SQLite checks foreign keys only when rows move; this makes it check their form at once.
const SQLITE_CHECK: &str = "PRAGMA foreign_key_check;\n";

#[derive(Default)]
struct Tally {
    runs: usize,
    failures: usize,
    rejected: usize,
    /// How often each construct appeared in the schemas the engines accepted.
    covered: BTreeMap<&'static str, usize>,
}

/// Constructs counted in accepted schemas, to show what a run exercised.
const CONSTRUCTS: &[(&str, &str)] = &[
    ("foreign keys", "FOREIGN KEY"),
    ("deferrable", "DEFERRABLE"),
    ("ON DELETE/UPDATE", " ON "),
    ("ALTER TABLE ADD (cycles)", "ALTER TABLE"),
    ("generated columns", "GENERATED ALWAYS AS ("),
    ("generated (MySQL)", " AS ("),
    ("checks", "CHECK ("),
    ("defaults", "DEFAULT "),
    ("unique", "UNIQUE"),
    ("indexes", "INDEX "),
    ("partial indexes", ") WHERE "),
    ("operator classes", "_ops"),
    ("index methods", "USING "),
    ("collations", "COLLATE "),
    ("enums", "ENUM"),
    ("comments", "COMMENT"),
    ("quoted names", "\""),
    ("quoted names (MySQL)", "`"),
    ("identity/serial/auto", "IDENTITY"),
    ("AUTO_INCREMENT", "AUTO_INCREMENT"),
    ("AUTO_INCREMENT keyed by an index", "_numbered`"),
    ("AUTOINCREMENT", "AUTOINCREMENT"),
    ("serial", "serial"),
    ("schemas", "CREATE SCHEMA"),
    ("WITHOUT ROWID", "WITHOUT ROWID"),
    ("descending parts", " DESC"),
    ("prefix parts", "(20)"),
];

fn main() -> ExitCode {
    let mut seeds = Vec::new();
    let mut fresh = 0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seed" => seeds.push(args.next().and_then(|s| s.parse().ok()).expect("--seed N")),
            "--fresh" => fresh = args.next().and_then(|s| s.parse().ok()).expect("--fresh N"),
            other => panic!("unknown argument {other}: [--seed S]... [--fresh N]"),
        }
    }
    let clock = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or_default();
    let mut fresh_seeds = Rng::new(clock ^ u64::from(std::process::id()));
    seeds.extend((0..fresh).map(|_| fresh_seeds.next() % 1_000_000_000));
    let work = PathBuf::from("target/engines/generated");
    let engines = Engines::from_env(&work, "relvar_gen_");
    let mut tally = Tally::default();
    let started = Instant::now();
    for seed in &seeds {
        for source in ENGINES {
            run_seed(&engines, *seed, source, &mut tally);
        }
    }
    let covered: Vec<String> = tally
        .covered
        .iter()
        .map(|(what, count)| format!("{what} {count}"))
        .collect();
    println!("covered: {}", covered.join(", "));
    println!(
        "{{\"seeds\":{},\"runs\":{},\"failures\":{},\"rejected_schemas\":{},\"seconds\":{}}}",
        seeds.len(),
        tally.runs,
        tally.failures,
        tally.rejected,
        started.elapsed().as_secs()
    );
    if tally.failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn with_check(target: Dialect, sql: &str) -> String {
    match target {
        Dialect::Sqlite => format!("{sql}\n{SQLITE_CHECK}"),
        _ => sql.to_owned(),
    }
}

/// Whether the engine takes a generated script, and the line it refused if not.
fn accepts(engines: &Engines, source: Dialect, sql: &str) -> Result<(), (Option<usize>, String)> {
    let outcome = match source {
        Dialect::PostgreSql => engines.postgres_accepts(sql),
        _ => engines
            .run(source, "probe", &with_check(source, sql))
            .map(drop),
    };
    outcome.map_err(|refusal: Refusal| {
        if std::env::var_os("RELVAR_GEN_VERBOSE").is_some() {
            println!(
                "    refused at line {:?}: {}",
                refusal.line, refusal.message
            );
            let _ = std::fs::write(engines.work.join("refused.sql"), sql);
        }
        (refusal.line, refusal.message)
    })
}

fn run_seed(engines: &Engines, seed: u64, source: Dialect, tally: &mut Tally) {
    let label = format!("seed {seed} {:<8}", source.id());
    let mut accepted = None;
    let mut engine_runs = 0;
    for attempt in 0..ATTEMPTS {
        let stream = seed
            .wrapping_mul(31)
            .wrapping_add(source as u64)
            .wrapping_mul(1_000_003)
            .wrapping_add(attempt);
        let script = schema(source, &mut Rng::new(stream));
        let (shrunk, runs) = shrink(script, SHRINK_BUDGET, |sql| accepts(engines, source, sql));
        engine_runs += runs;
        if let Some(shrunk) = shrunk {
            accepted = Some(shrunk.render().0);
            break;
        }
    }
    let Some(sql) = accepted else {
        tally.rejected += 1;
        println!("{label} no schema the engine accepts in {ATTEMPTS} attempts (not a failure)");
        return;
    };
    for (what, mark) in CONSTRUCTS {
        *tally.covered.entry(what).or_default() += sql.matches(mark).count();
    }
    let keep = |name: &str, text: &str| {
        let folder = engines.work.join(format!("{seed}-{}", source.id()));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(name), text).unwrap();
    };
    let dump = match engines.run(source, "source", &sql) {
        Ok(dump) => dump,
        Err(refusal) => {
            tally.failures += 1;
            keep("generated.sql", &sql);
            println!("{label} FAILED: the accepted schema failed on a fresh database: {refusal}");
            return;
        }
    };
    let design = import_sql(&dump, source).design;
    let mut results = Vec::new();
    let mut failed = false;
    // The comparisons below see only what the import of the dump kept.
    let created = sql.matches("CREATE TABLE ").count();
    let imported = design
        .tables
        .iter()
        .filter(|table| !table.name.starts_with("sqlite_"))
        .count();
    if imported < created {
        failed = true;
        tally.failures += 1;
        results.push(format!(
            "import FAILED: {created} tables created, {imported} imported from the dump"
        ));
    }
    for target in ENGINES {
        tally.runs += 1;
        let export = export_ddl(&design, target);
        let outcome = engines
            .run(target, target.id(), &with_check(target, &export.sql))
            .map_err(|refusal| format!("the engine refused our export: {refusal}"))
            .and_then(|held| {
                compare(&export.sql, &held, target).map_err(|problem| {
                    format!("the engine holds other than we wrote: {problem}")
                })?;
                // pg_dump prints a catalog the same way every time; MariaDB shows column checks
                // and explicit NO ACTION as they were written, so only PostgreSQL is held to text.
                if source == target && target == Dialect::PostgreSql {
                    let differ = dump_difference(&dump, &held);
                    if !differ.is_empty() {
                        return Err(format!("the dumps differ: {}", differ.join(" / ")));
                    }
                }
                let back = import_sql(&held, target).design;
                let problems = differences(&design, source, &back, target, &export.warnings);
                if problems.is_empty() {
                    Ok(())
                } else {
                    Err(format!(
                        "{} differences from the source, first: {}",
                        problems.len(),
                        problems
                            .iter()
                            .take(3)
                            .cloned()
                            .collect::<Vec<_>>()
                            .join("; ")
                    ))
                }
            });
        match outcome {
            Ok(()) => results.push(format!("{} ok", target.id())),
            Err(problem) => {
                failed = true;
                tally.failures += 1;
                keep(&format!("export.{}.sql", target.id()), &export.sql);
                results.push(format!("{} FAILED: {problem}", target.id()));
            }
        }
    }
    if failed {
        keep("generated.sql", &sql);
        keep("dump.sql", &dump);
    }
    let tables = design.tables.len();
    let foreign_keys = design.foreign_keys.len();
    let indexes: usize = design.tables.iter().map(|t| t.indexes.len()).sum();
    println!(
        "{label} {tables} tables, {foreign_keys} fks, {indexes} indexes ({engine_runs} runs to accept): {}",
        results.join(", ")
    );
}

/// Lines one engine dump has and the other lacks (as multisets, comments and blank lines aside,
/// compared as `normal` expressions, since PostgreSQL deparses some casts differently each
/// round): for the same engine, our export must give back the very schema it read.
fn dump_difference(before: &str, after: &str) -> Vec<String> {
    let lines = |dump: &str| {
        let mut lines: Vec<String> = dump
            .lines()
            .map(|line| line.trim().trim_end_matches(','))
            .filter(|line| !line.is_empty() && !line.starts_with("--"))
            .map(normal)
            .collect();
        lines.sort();
        lines
    };
    let (mut a, mut b) = (lines(before), lines(after));
    let mut only = Vec::new();
    a.retain(|line| match b.iter().position(|other| other == line) {
        Some(at) => {
            b.remove(at);
            false
        }
        None => true,
    });
    only.extend(a.into_iter().map(|line| format!("-{line}")));
    only.extend(b.into_iter().map(|line| format!("+{line}")));
    only.truncate(6);
    only
}
