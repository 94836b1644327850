//! Real-engine round trip: every corpus schema is exported to PostgreSQL, MariaDB and SQLite,
//! executed on the engine, read back (pg_dump, mariadb-dump, sqlite3 .schema), imported again and
//! compared with what was written. Run by `tests/engines/run`, which starts the engines first.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // a test runner: it fails by stopping

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use relvar_model::{Design, ReferentialAction, Table};
use relvar_sql::{Dialect, detect_dialect, export_ddl, import_sql, mapped_type};

/// PostgreSQL 15 (Debian 12's) lacks what pagila's PostgreSQL 18 schema calls; these stand in.
const PG15_SHIMS: &str =
    "CREATE FUNCTION uuidv7() RETURNS uuid LANGUAGE sql AS 'SELECT gen_random_uuid()';\n";

fn main() -> ExitCode {
    let corpus = PathBuf::from(
        std::env::var("RELVAR_CORPUS").unwrap_or_else(|_| "../shared/corpus/sql".into()),
    );
    let work = PathBuf::from("target/engines/roundtrip");
    std::fs::create_dir_all(&work).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    let only = std::env::args().nth(1);
    let mut failures = 0;
    let mut unavailable = 0;
    println!(
        "{:<36} {:<10} {:>7} {:>8} {:>8} {:>8}  result",
        "file", "engine", "tables", "columns", "fks", "indexes"
    );
    for (number, file) in files.iter().enumerate() {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if only
            .as_ref()
            .is_some_and(|only| !name.contains(only.as_str()))
        {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
        // The corpus names each file's dialect by its prefix (see MANIFEST.tsv).
        let dialect = match &name[..3] {
            "pg_" => Dialect::PostgreSql,
            "my_" => Dialect::MySql,
            "sq_" => Dialect::Sqlite,
            "ms_" => Dialect::MsSql,
            _ => detect_dialect(&text),
        };
        let design = import_sql(&text, dialect).design;
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
            .unwrap_or_else(|| format!("relvar_{number}"));
            let outcome = run_on_engine(target, &database, &script, &work)
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

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run tests/engines/run"))
}

/// Executes the script in a fresh database; returns the engine's own dump of the schema.
fn run_on_engine(
    target: Dialect,
    database: &str,
    script: &Path,
    work: &Path,
) -> Result<String, String> {
    match target {
        Dialect::PostgreSql => {
            let bin = PathBuf::from(env("RELVAR_PG_BIN"));
            let connection = [
                "-h".to_owned(),
                env("RELVAR_PG_HOST"),
                "-p".to_owned(),
                env("RELVAR_PG_PORT"),
                "-U".to_owned(),
                env("RELVAR_PG_USER"),
            ];
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
            let mut sql = PG15_SHIMS.to_owned();
            sql.push_str(&std::fs::read_to_string(script).unwrap());
            run(
                Command::new(bin.join("psql")).args(&connection).args([
                    "-X",
                    "-q",
                    "-v",
                    "ON_ERROR_STOP=1",
                    "-d",
                    database,
                ]),
                Some(&sql),
            )?;
            run(
                Command::new(bin.join("pg_dump")).args(&connection).args([
                    "--schema-only",
                    "--no-owner",
                    "--no-privileges",
                    "--restrict-key=relvar",
                    database,
                ]),
                None,
            )
        }
        Dialect::MySql => {
            let connection = [
                "-h".to_owned(),
                env("RELVAR_MARIADB_HOST"),
                "-P".to_owned(),
                env("RELVAR_MARIADB_PORT"),
                "-u".to_owned(),
                env("RELVAR_MARIADB_USER"),
            ];
            run(Command::new("mariadb").args(&connection).args(["-e", &format!("DROP DATABASE IF EXISTS {database}; CREATE DATABASE {database} CHARACTER SET utf8mb4")]), None)?;
            let sql = std::fs::read_to_string(script).unwrap();
            run(
                Command::new("mariadb").args(&connection).arg(database),
                Some(&sql),
            )?;
            let dump = run(
                Command::new("mariadb-dump").args(&connection).args([
                    "--no-data",
                    "--compact",
                    "--skip-add-drop-table",
                    "--skip-triggers",
                    database,
                ]),
                None,
            )?;
            Ok(dump
                .lines()
                .filter(|line| !line.starts_with("/*M!999999"))
                .collect::<Vec<_>>()
                .join("\n"))
        }
        Dialect::Sqlite => {
            let file = work.join(format!("{database}.sqlite"));
            let _ = std::fs::remove_file(&file);
            let sql = std::fs::read_to_string(script).unwrap();
            run(Command::new("sqlite3").arg("-bail").arg(&file), Some(&sql))?;
            run(Command::new("sqlite3").arg(&file).arg(".schema"), None)
        }
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

/// Compares what the script says (as our importer reads it) with what the engine holds.
fn compare(written_sql: &str, dump: &str, target: Dialect) -> Result<(), String> {
    let written = import_sql(written_sql, target).design;
    let mut read = import_sql(dump, target).design;
    // SQLite's own bookkeeping for AUTOINCREMENT.
    read.tables.retain(|table| table.name != "sqlite_sequence");
    let key = |table: &Table| table.name.to_lowercase();
    let read_tables: BTreeMap<String, &Table> = read.tables.iter().map(|t| (key(t), t)).collect();
    let mut problems = Vec::new();
    for table in &written.tables {
        let Some(back) = read_tables.get(&key(table)) else {
            problems.push(format!("table {} missing", table.name));
            continue;
        };
        problems.extend(compare_table(table, back, &written, &read, target));
    }
    if read.tables.len() != written.tables.len() {
        problems.push(format!(
            "{} tables written, {} read back",
            written.tables.len(),
            read.tables.len()
        ));
    }
    if read.foreign_keys.len() != written.foreign_keys.len() {
        problems.push(format!(
            "{} foreign keys written, {} read back",
            written.foreign_keys.len(),
            read.foreign_keys.len()
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} differences, first: {}",
            problems.len(),
            problems[..problems.len().min(3)].join("; ")
        ))
    }
}

fn compare_table(
    table: &Table,
    back: &Table,
    written: &Design,
    read: &Design,
    target: Dialect,
) -> Vec<String> {
    let mut problems = Vec::new();
    let names = |t: &Table| {
        t.columns
            .iter()
            .map(|c| c.name.to_lowercase())
            .collect::<Vec<_>>()
    };
    if names(table) != names(back) {
        problems.push(format!(
            "{}: columns {:?} read back as {:?}",
            table.name,
            names(table),
            names(back)
        ));
        return problems;
    }
    for (column, again) in table.columns.iter().zip(&back.columns) {
        // pg_dump names user-defined types (domains, enums) with their schema.
        let unqualified = |data_type: &str| match target {
            Dialect::PostgreSql => data_type.trim_start_matches("public.").to_owned(),
            _ => data_type.to_owned(),
        };
        let (a, b) = (
            mapped_type(&unqualified(&column.data_type), target),
            mapped_type(&unqualified(&again.data_type), target),
        );
        if !same_type(&a, &b, target) {
            problems.push(format!(
                "{}.{}: type {} read back as {}",
                table.name, column.name, column.data_type, again.data_type
            ));
        }
        if column.nullable != again.nullable {
            problems.push(format!(
                "{}.{}: nullable {} read back {}",
                table.name, column.name, column.nullable, again.nullable
            ));
        }
    }
    let column_names = |t: &Table, ids: &[relvar_model::ColumnId]| {
        ids.iter()
            .filter_map(|id| t.columns.iter().find(|c| c.id == *id))
            .map(|c| c.name.to_lowercase())
            .collect::<Vec<_>>()
    };
    let key_of = |t: &Table| t.primary_key.as_ref().map(|k| column_names(t, &k.columns));
    if key_of(table) != key_of(back) {
        problems.push(format!(
            "{}: primary key {:?} read back {:?}",
            table.name,
            key_of(table),
            key_of(back)
        ));
    }
    let uniques = |t: &Table| {
        let mut sets: Vec<Vec<String>> = t
            .uniques
            .iter()
            .map(|u| column_names(t, &u.columns))
            .collect();
        sets.extend(
            t.indexes
                .iter()
                .filter(|i| i.unique)
                .map(|i| column_names(t, &i.key_columns().collect::<Vec<_>>())),
        );
        sets.sort();
        sets
    };
    if uniques(table) != uniques(back) {
        problems.push(format!(
            "{}: unique keys {:?} read back {:?}",
            table.name,
            uniques(table),
            uniques(back)
        ));
    }
    let plain = |t: &Table| t.indexes.iter().filter(|i| !i.unique).count();
    if plain(table) > plain(back) {
        problems.push(format!(
            "{}: {} indexes written, {} read back",
            table.name,
            plain(table),
            plain(back)
        ));
    }
    // MariaDB adds a json_valid check to every json column.
    let checks = |t: &Table| {
        t.checks
            .iter()
            .filter(|c| !c.expression.contains("json_valid"))
            .count()
    };
    if checks(table) != checks(back) {
        problems.push(format!(
            "{}: {} checks written, {} read back",
            table.name,
            table.checks.len(),
            back.checks.len()
        ));
    }
    // MariaDB treats RESTRICT as NO ACTION and dumps neither.
    let action = |a: ReferentialAction| match (target, a) {
        (Dialect::MySql, ReferentialAction::Restrict) => ReferentialAction::NoAction,
        (_, a) => a,
    };
    let fks = |d: &Design, t: &Table| {
        let mut list: Vec<String> = d
            .foreign_keys
            .iter()
            .filter(|fk| fk.from_table == t.id)
            .filter_map(|fk| {
                let to = d.table(fk.to_table)?;
                Some(format!(
                    "{:?}->{}{:?} {:?}/{:?}",
                    column_names(t, &fk.from_columns),
                    to.name.to_lowercase(),
                    column_names(to, &fk.to_columns),
                    action(fk.on_delete),
                    action(fk.on_update)
                ))
            })
            .collect();
        list.sort();
        list
    };
    if fks(written, table) != fks(read, back) {
        problems.push(format!(
            "{}: foreign keys {:?} read back {:?}",
            table.name,
            fks(written, table),
            fks(read, back)
        ));
    }
    problems
}

/// Types equal under the documented mapping, and the engines' own synonyms.
fn same_type(a: &str, b: &str, target: Dialect) -> bool {
    let canonical = |t: &str| -> String {
        let t = t.to_lowercase();
        match (target, t.as_str()) {
            (Dialect::MySql, "json") => "longtext".into(),
            _ => t,
        }
    };
    canonical(a) == canonical(b)
}
