//! The `relvar` binary on real corpus files: summaries, JSON, exports, exit codes; normalize on
//! small schemas written by the tests.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use std::process::{Command, Output};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/sql");

fn relvar(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relvar"))
        .args(arguments)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

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
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/schema.sql")
    );

    let junk = std::env::temp_dir().join("relvar-cli-junk.sql");
    std::fs::write(&junk, b"\x00\xff not sql at all ((( ;").unwrap();
    assert_eq!(
        relvar(&["import", junk.to_str().unwrap()]).status.code(),
        Some(2)
    );

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
    assert!(String::from_utf8_lossy(&warned.stderr).contains("relvar: warning: "));
    assert_eq!(
        relvar(&["export", &pagila, "--to", "oracle"]).status.code(),
        Some(1),
        "unknown targets are usage errors"
    );
    assert_eq!(relvar(&["--help"]).status.code(), Some(0));
}

#[test]
fn normalize_reports_keys_normal_form_violations_and_decompositions() {
    let schema = std::env::temp_dir().join("relvar-cli-normalize.sql");
    std::fs::write(
        &schema,
        "CREATE TABLE enrolment (\n  student text, course text, hobby text, teacher text, zip text,\n  city text, PRIMARY KEY (student, course, hobby)\n);\n",
    )
    .unwrap();
    let file = schema.to_str().unwrap();
    let output = relvar(&[
        "normalize",
        file,
        "--table",
        "enrolment",
        "--fd",
        "course -> teacher",
        "--fd",
        "student -> zip",
        "--fd",
        "zip -> city",
        "--fd",
        "student ->> hobby",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        stdout(&output),
        "Table enrolment (student, course, hobby, teacher, zip, city)
Dependencies:
  course -> teacher
  student -> zip
  zip -> city
  student, course, hobby -> teacher, zip, city   (key)
  student ->> hobby
Candidate keys: {student, course, hobby}
Prime attributes: student, course, hobby
Normal form: 1NF
Violations:
  2NF: course -> teacher: course is only part of the candidate key {student, course, hobby} and teacher is not part of any candidate key, so this partial dependency violates 2NF
  2NF: student -> zip: student is only part of the candidate key {student, course, hobby} and zip is not part of any candidate key, so this partial dependency violates 2NF
  3NF: zip -> city: zip is not a superkey and city is not part of any candidate key, so this violates 3NF
  4NF: student ->> hobby: student is not a superkey, so this multivalued dependency violates 4NF
3NF synthesis (lossless, preserves every dependency):
  courses(course, teacher) key {course}
  students(student, zip) key {student}
  zips(zip, city) key {zip}
  enrolment(student, course, hobby) key {student, course, hobby}
BCNF decomposition (lossless, preserves every dependency):
  courses(course, teacher) key {course}
  zips(zip, city) key {zip}
  students(student, zip) key {student}
  enrolment(student, course, hobby) key {student, course, hobby}
4NF decomposition (lossless, preserves every dependency):
  courses(course, teacher) key {course}
  zips(zip, city) key {zip}
  students(student, zip) key {student}
  enrolment(student, hobby) key {student, hobby}
  enrolment_student_course(student, course) key {student, course}
"
    );
}

#[test]
fn normalize_refuses_unknown_tables_and_unreadable_dependencies() {
    let schema = std::env::temp_dir().join("relvar-cli-normalize-errors.sql");
    std::fs::write(&schema, "CREATE TABLE t (a int PRIMARY KEY, b int);\n").unwrap();
    let file = schema.to_str().unwrap();
    let missing = relvar(&["normalize", file, "--table", "nope"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("there is no table named nope"));
    let unknown = relvar(&["normalize", file, "--table", "t", "--fd", "a -> c"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&unknown.stderr),
        "relvar: --fd 1 (\"a -> c\"), column 6: there is no column named c\n"
    );
    let plain = relvar(&["normalize", file, "--table", "t"]);
    assert!(
        stdout(&plain).contains("Normal form: 4NF\n"),
        "{}",
        stdout(&plain)
    );
}
