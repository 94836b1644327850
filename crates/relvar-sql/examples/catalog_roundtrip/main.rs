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

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use relvar_sql::{Dialect, catalog_query, detect_dialect, export_ddl, import_sql};

/// PostgreSQL 15 (Debian 12's) lacks what pagila's PostgreSQL 18 schema calls; these stand in.
const PG15_SHIMS: &str =
    "CREATE FUNCTION uuidv7() RETURNS uuid LANGUAGE sql AS 'SELECT gen_random_uuid()';\n";

fn main() -> ExitCode {
    let corpus = PathBuf::from(
        std::env::var("RELVAR_CORPUS").unwrap_or_else(|_| "../shared/corpus/sql".into()),
    );
    let work = PathBuf::from("target/engines/catalog");
    std::fs::create_dir_all(&work).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    let only = std::env::args().nth(1);
    let (mut agree, mut differ, mut not_runnable) = (0, 0, 0);
    let mut per_engine: Vec<(Dialect, usize, usize)> = Vec::new();
    println!(
        "{:<36} {:<8} {:>7} {:>8} {:>5} {:>8}  result",
        "file", "engine", "tables", "columns", "fks", "indexes"
    );
    // Each corpus schema exported to each engine; then each engine's features script as it is.
    let mut runs: Vec<(String, Dialect, String)> = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if only
            .as_ref()
            .is_some_and(|only| !name.contains(only.as_str()))
        {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
        let dialect = match &name[..3] {
            "pg_" => Dialect::PostgreSql,
            "my_" => Dialect::MySql,
            "sq_" => Dialect::Sqlite,
            "ms_" => Dialect::MsSql,
            _ => detect_dialect(&text),
        };
        let design = import_sql(&text, dialect).design;
        for target in [Dialect::PostgreSql, Dialect::MySql, Dialect::Sqlite] {
            runs.push((name.clone(), target, export_ddl(&design, target).sql));
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
        if let Err(problem) = execute(target, &database, &ddl, &work) {
            not_runnable += 1;
            row(&format!(
                "NOT RUNNABLE HERE (the engine refused the DDL): {problem}"
            ));
            continue;
        }
        let json = match catalog(target, &database, &work) {
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

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run tests/engines/catalog"))
}

fn pg_connection() -> Vec<String> {
    vec![
        "-h".into(),
        env("RELVAR_PG_HOST"),
        "-p".into(),
        env("RELVAR_PG_PORT"),
        "-U".into(),
        env("RELVAR_PG_USER"),
    ]
}

fn mariadb_connection() -> Vec<String> {
    vec![
        "-h".into(),
        env("RELVAR_MARIADB_HOST"),
        "-P".into(),
        env("RELVAR_MARIADB_PORT"),
        "-u".into(),
        env("RELVAR_MARIADB_USER"),
    ]
}

/// Runs the DDL in a fresh database of the engine.
fn execute(target: Dialect, database: &str, ddl: &str, work: &Path) -> Result<(), String> {
    match target {
        Dialect::PostgreSql => {
            let bin = PathBuf::from(env("RELVAR_PG_BIN"));
            let connection = pg_connection();
            run(
                Command::new(bin.join("dropdb"))
                    .args(&connection)
                    .args(["--if-exists", database]),
                None,
            )?;
            run(
                Command::new(bin.join("createdb"))
                    .args(&connection)
                    .arg(database),
                None,
            )?;
            let script = format!("{PG15_SHIMS}{ddl}");
            run(
                Command::new(bin.join("psql")).args(&connection).args([
                    "-X",
                    "-q",
                    "-v",
                    "ON_ERROR_STOP=1",
                    "-d",
                    database,
                ]),
                Some(&script),
            )
            .map(drop)
        }
        Dialect::MySql => {
            let connection = mariadb_connection();
            let reset = format!(
                "DROP DATABASE IF EXISTS {database}; CREATE DATABASE {database} CHARACTER SET utf8mb4"
            );
            run(
                Command::new("mariadb")
                    .args(&connection)
                    .args(["-e", &reset]),
                None,
            )?;
            run(
                Command::new("mariadb").args(&connection).arg(database),
                Some(ddl),
            )
            .map(drop)
        }
        Dialect::Sqlite => {
            let file = work.join(format!("{database}.sqlite"));
            let _ = std::fs::remove_file(&file);
            run(Command::new("sqlite3").arg("-bail").arg(&file), Some(ddl)).map(drop)
        }
        Dialect::MsSql => Err("no SQL Server engine here".into()),
    }
}

/// Runs the engine's catalog query in its own client, as the studio tells people to.
fn catalog(target: Dialect, database: &str, work: &Path) -> Result<String, String> {
    let query = catalog_query(target);
    match target {
        Dialect::PostgreSql => {
            let bin = PathBuf::from(env("RELVAR_PG_BIN"));
            run(
                Command::new(bin.join("psql")).args(pg_connection()).args([
                    "-X",
                    "-q",
                    "-A",
                    "-t",
                    "-v",
                    "ON_ERROR_STOP=1",
                    "-d",
                    database,
                ]),
                Some(query),
            )
        }
        Dialect::MySql => run(
            Command::new("mariadb").args(mariadb_connection()).args([
                "--batch",
                "--raw",
                "--skip-column-names",
                database,
            ]),
            Some(query),
        ),
        Dialect::Sqlite => run(
            Command::new("sqlite3")
                .arg("-readonly")
                .arg(work.join(format!("{database}.sqlite"))),
            Some(query),
        ),
        Dialect::MsSql => Err("no SQL Server engine here".into()),
    }
}

fn run(command: &mut Command, input: Option<&str>) -> Result<String, String> {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {command:?}: {e}"))?;
    let mut stdin = child.stdin.take().unwrap();
    let input = input.unwrap_or_default().to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    let _ = writer.join();
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        Err(stderr.lines().take(3).collect::<Vec<_>>().join(" | "))
    }
}
