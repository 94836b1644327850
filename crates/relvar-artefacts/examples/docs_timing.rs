//! The architect's documents of a generated design of `TABLES` tables (each with a key, eight
//! columns, a comment on some, an index, and foreign keys to one or two earlier tables): how long
//! each document takes to write, natively. Prints one JSON line: tables, the median ms of each
//! document over the runs, and their sum (`ms`).
//!
//! Usage: docs_timing [TABLES] [RUNS]

#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // a benchmark driver

use std::fmt::Write;
use std::time::Instant;

use relvar_artefacts::{dictionary_html, dictionary_markdown};
use relvar_sql::{Dialect, import_sql};

fn main() {
    let mut arguments = std::env::args().skip(1);
    let tables: usize = arguments
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000);
    let runs: usize = arguments.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    let design = import_sql(&schema(tables), Dialect::PostgreSql).design;
    let mut markdown_times = Vec::new();
    let mut html_times = Vec::new();
    let mut gather_times = Vec::new();
    let mut bytes = (0, 0);
    for _ in 0..runs {
        let started = Instant::now();
        let _ = relvar_artefacts::dictionary::dictionary(&design);
        gather_times.push(started.elapsed().as_secs_f64() * 1000.0);
        let started = Instant::now();
        bytes.0 = dictionary_markdown(&design).len();
        markdown_times.push(started.elapsed().as_secs_f64() * 1000.0);
        let started = Instant::now();
        bytes.1 = dictionary_html(&design).len();
        html_times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let median = |times: &mut Vec<f64>| {
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    };
    let (markdown, html) = (median(&mut markdown_times), median(&mut html_times));
    let gather = median(&mut gather_times);
    println!(
        "{{\"tables\":{tables},\"dictionary_gather_ms\":{gather:.2},\"dictionary_md_ms\":{markdown:.2},\"dictionary_html_ms\":{html:.2},\"ms\":{:.2},\"md_bytes\":{},\"html_bytes\":{},\"runs\":{runs}}}",
        markdown + html,
        bytes.0,
        bytes.1
    );
}

/// A deterministic schema: table `t{i}` references `t{i/2}` and, for every third, `t{i-1}`.
fn schema(tables: usize) -> String {
    let mut sql = String::new();
    for i in 0..tables {
        let _ = writeln!(
            sql,
            "CREATE TABLE t{i} (id bigint PRIMARY KEY, name text NOT NULL, email text, \
             amount numeric(12,2) DEFAULT 0, created_at timestamptz NOT NULL DEFAULT now(), \
             note varchar(200), parent_id bigint, previous_id bigint);"
        );
        if i % 4 == 0 {
            let _ = writeln!(sql, "COMMENT ON TABLE t{i} IS 'Table {i}';");
            let _ = writeln!(sql, "COMMENT ON COLUMN t{i}.amount IS 'In cents';");
        }
        let _ = writeln!(sql, "CREATE INDEX t{i}_created ON t{i} (created_at);");
        if i > 0 {
            let _ = writeln!(
                sql,
                "ALTER TABLE t{i} ADD FOREIGN KEY (parent_id) REFERENCES t{} (id);",
                i / 2
            );
        }
        if i > 0 && i % 3 == 0 {
            let _ = writeln!(
                sql,
                "ALTER TABLE t{i} ADD FOREIGN KEY (previous_id) REFERENCES t{} (id);",
                i - 1
            );
        }
    }
    sql
}
