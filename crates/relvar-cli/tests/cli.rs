//! The `relvar` binary on real corpus files: summaries, JSON, exports, exit codes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use support::{relvar, scratch, stderr, stdout};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/sql");

#[test]
fn import_summarises_a_dump_with_diagnostics_by_line_and_column() {
    let pagila = format!("{CORPUS}/pg_pagila-schema.sql");
    let output = relvar(&["import", &pagila]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(
        text.contains(": PostgreSQL (detected)\n71 tables, "),
        "{text}"
    );
    assert!(
        text.contains(", 37 foreign keys, 37 indexes, 0 checks, 1 enums, 2 domains, 13 sequences, 8 views\n388 statements: 239 modelled, 149 kept as written\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{pagila}:8:1: info: kept as written: SET is not modelled yet"
        )),
        "{text}"
    );
}

#[test]
fn import_json_is_for_machines() {
    let file = format!("{CORPUS}/ms_adventureworks-instawdb.sql");
    let output = relvar(&["import", &file, "--json", "--dialect", "mssql"]);
    assert!(output.status.success());
    let summary: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(summary["dialect"], "mssql");
    assert_eq!(summary["detected"], false);
    assert_eq!(summary["tables"], 71);
    let statements = summary["statements"].as_u64().unwrap();
    assert_eq!(
        statements,
        summary["modelled"].as_u64().unwrap() + summary["unmodelled"].as_u64().unwrap()
    );
    let first = &summary["diagnostics"][0];
    assert!(first["line"].as_u64().unwrap() >= 1 && first["column"].as_u64().unwrap() >= 1);
}

#[test]
fn export_writes_ddl_and_diagrams() {
    let file = format!("{CORPUS}/sq_chinook.sql");
    let ddl = relvar(&["export", &file, "--to", "postgres", "--from", "sqlite"]);
    assert!(ddl.status.success());
    let ddl = stdout(&ddl);
    assert_eq!(ddl.matches("CREATE TABLE ").count(), 11, "{ddl}");
    let mermaid = stdout(&relvar(&["export", &file, "--to", "mermaid"]));
    assert!(
        mermaid.starts_with("erDiagram\n") && mermaid.contains("    Album {\n"),
        "{mermaid}"
    );
}

#[test]
fn exit_codes_tell_what_went_wrong() {
    let missing = relvar(&["import", "/nonexistent/schema.sql"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("cannot read /nonexistent/schema.sql"));

    let junk = scratch("junk.sql", b"\x00\xff not sql at all ((( ;");
    assert_eq!(relvar(&["import", &junk]).status.code(), Some(2));

    let pagila = format!("{CORPUS}/pg_pagila-schema.sql");
    for (target, table) in [
        ("mysql", "CREATE TABLE film ("),
        ("sqlite", "CREATE TABLE film ("),
        ("mssql", "CREATE TABLE film ("),
        ("postgres", "CREATE TABLE public.film ("),
    ] {
        let exported = relvar(&["export", &pagila, "--to", target]);
        assert_eq!(exported.status.code(), Some(0), "{target}");
        assert!(
            stdout(&exported).contains(table),
            "{target}: {}",
            stdout(&exported)
        );
    }
    let warned = relvar(&["export", &pagila, "--to", "mysql"]);
    assert!(stderr(&warned).contains("relvar: warning: "));
    assert_eq!(
        relvar(&["export", &pagila, "--to", "oracle"]).status.code(),
        Some(1),
        "unknown targets are usage errors"
    );
    assert_eq!(relvar(&["--help"]).status.code(), Some(0));
}
