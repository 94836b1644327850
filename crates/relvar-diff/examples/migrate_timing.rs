//! The diff and migration plan of two generated designs of `TABLES` tables about 500 changes
//! apart (columns added, dropped, retyped and made NOT NULL, tables added and dropped, indexes
//! added, foreign keys added), as `relvar diff` makes them: both imported from DDL, paired by
//! name. Prints one JSON line: tables, changes (as the diff counts them), ms (median of the diff
//! plus the plain plan over the runs), safe_ms (the diff plus the zero-downtime plan), diff_ms
//! (the diff alone), import_ms (one version's import, for reference).
//!
//! Usage: migrate_timing [TABLES] [RUNS]

#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // a benchmark driver

use std::fmt::Write;
use std::time::Instant;

use relvar_diff::{Matching, Renames, diff, migration, safe_migration};
use relvar_sql::{Dialect, import_sql};

fn main() {
    let mut arguments = std::env::args().skip(1);
    let tables: usize = arguments
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(2_000);
    let runs: usize = arguments.next().and_then(|a| a.parse().ok()).unwrap_or(15);
    let started = Instant::now();
    let from = import_sql(&schema(tables, false), Dialect::PostgreSql).design;
    let to = import_sql(&schema(tables, true), Dialect::PostgreSql).design;
    let import_ms = started.elapsed().as_secs_f64() * 1000.0 / 2.0;
    let (mut times, mut safe_times, mut diff_times) = (Vec::new(), Vec::new(), Vec::new());
    let mut changes = 0;
    let mut statements = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let found = diff(&from, &to, Matching::ByName, &Renames::default());
        diff_times.push(started.elapsed().as_secs_f64() * 1000.0);
        let plain = migration(&from, &to, &found, Dialect::PostgreSql);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        let started = Instant::now();
        let found = diff(&from, &to, Matching::ByName, &Renames::default());
        let _safe = safe_migration(&from, &to, &found, Dialect::PostgreSql);
        safe_times.push(started.elapsed().as_secs_f64() * 1000.0);
        changes = found.change_count();
        statements = plain.steps.len();
    }
    let median = |times: &mut Vec<f64>| {
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    };
    let (ms, safe_ms, diff_ms) = (
        median(&mut times),
        median(&mut safe_times),
        median(&mut diff_times),
    );
    println!(
        "{{\"tables\":{tables},\"changes\":{changes},\"ms\":{ms:.2},\"safe_ms\":{safe_ms:.2},\"diff_ms\":{diff_ms:.2},\"statements\":{statements},\"runs\":{runs},\"import_ms\":{import_ms:.1}}}"
    );
}

/// A deterministic schema; `changed` makes the second version, about 500 changes from the first
/// at 2,000 tables (one table in four changes, in one of eight ways).
fn schema(tables: usize, changed: bool) -> String {
    let mut sql = String::new();
    for t in 0..tables {
        let kind = t % 32;
        if changed && kind == 15 {
            continue; // dropped
        }
        let _ = writeln!(sql, "CREATE TABLE t{t} (");
        let _ = writeln!(sql, "  id bigint NOT NULL PRIMARY KEY,");
        let amount = if changed && kind == 1 {
            "numeric(14,2)"
        } else {
            "integer"
        };
        let _ = writeln!(sql, "  amount {amount},");
        let name_null = if changed && kind == 2 {
            " NOT NULL"
        } else {
            ""
        };
        let _ = writeln!(sql, "  name varchar(80){name_null},");
        if !(changed && kind == 3) {
            let _ = writeln!(sql, "  note text,");
        }
        if changed && kind == 4 {
            let _ = writeln!(sql, "  added_at timestamptz DEFAULT now(),");
        }
        let parent = if t > 0 { t / 2 } else { 0 };
        let parent_type = if changed && kind == 7 {
            "integer"
        } else {
            "bigint"
        };
        let _ = writeln!(sql, "  parent_id {parent_type},");
        let _ = writeln!(sql, "  created_at timestamp NOT NULL DEFAULT now()");
        let _ = writeln!(sql, ");");
        if t > 0 && !(changed && kind == 5) && !(changed && parent % 32 == 15) {
            let _ = writeln!(
                sql,
                "ALTER TABLE t{t} ADD CONSTRAINT t{t}_parent_fkey FOREIGN KEY (parent_id) REFERENCES t{parent} (id);"
            );
        }
        let _ = writeln!(sql, "CREATE INDEX t{t}_parent ON t{t} (parent_id);");
        if changed && kind == 6 {
            let _ = writeln!(sql, "CREATE INDEX t{t}_name ON t{t} (name);");
        }
    }
    if changed {
        for t in tables..tables + tables / 64 {
            let _ = writeln!(
                sql,
                "CREATE TABLE t{t} (id bigint NOT NULL PRIMARY KEY, t0_id bigint REFERENCES t0 (id), label text);"
            );
        }
    }
    sql
}
