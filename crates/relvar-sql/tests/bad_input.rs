//! Nothing a user pastes makes the importer panic: junk, half statements, deep nesting, 5 MB.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use std::time::Instant;

use proptest::prelude::*;
use relvar_sql::{Dialect, Import, Severity, import_sql};

fn import(text: &str) -> Import {
    import_as(text, Dialect::PostgreSql)
}

fn import_as(text: &str, dialect: Dialect) -> Import {
    let import = import_sql(text, dialect);
    assert_eq!(
        import.statement_count,
        import.modelled_count + import.design.unmodelled.len()
    );
    let lines = u32::try_from(text.split('\n').count()).unwrap();
    for diagnostic in &import.diagnostics {
        assert!(
            diagnostic.at.line >= 1 && diagnostic.at.line <= lines,
            "{diagnostic} points outside the text"
        );
        assert!(diagnostic.at.column >= 1);
    }
    import
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        import(&text);
    }

    #[test]
    fn arbitrary_bytes_decoded_as_a_browser_would_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        import(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn sql_shaped_junk_never_panics(text in "(CREATE|TABLE|ALTER|ADD|CONSTRAINT|FOREIGN KEY|REFERENCES|PRIMARY KEY|[a-z]{1,3}|\"|'|\\$\\$|\\$a\\$|--|/\\*|\\*/|;|\\(|\\)|,|\n| |E'|\\\\){0,60}") {
        import(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]
    #[test]
    fn replay_shaped_junk_never_panics(
        text in "(CREATE|SCHEMA|TABLE|ALTER|DROP|ADD|COLUMN|RENAME|TO|INDEX|TYPE|VALUE|CONSTRAINT|IF|EXISTS|CASCADE|INHERITS|ONLY|MODIFY|CHANGE|FIRST|AFTER|PRIMARY KEY|UNIQUE|CHECK|IDENTITY|EXEC sp_rename|'t\\.c'|t|c|s|int|\\(|\\)|,|;|\\.|\n| ){0,60}",
        dialect in 0..4usize,
    ) {
        import_as(&text, Dialect::ALL[dialect]);
    }
}

#[test]
fn every_prefix_of_a_statement_imports_without_panic() {
    let statement = "CREATE TABLE public.\"Order\" (id bigint PRIMARY KEY, note text DEFAULT 'a;b' NOT NULL, \
                     parent bigint REFERENCES public.\"Order\"(id) ON DELETE CASCADE, CONSTRAINT u UNIQUE (note));";
    for end in (0..=statement.len()).filter(|&end| statement.is_char_boundary(end)) {
        import(&statement[..end]);
    }
}

#[test]
fn half_a_statement_is_reported_where_it_stops() {
    let result = import("CREATE TABLE a (id int);\nCREATE TABLE b (\n  id int,\n  name");
    assert_eq!(result.design.tables.len(), 1);
    let error = result
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
        .expect("an error");
    assert_eq!(error.at.line, 4, "{error}");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = format!(
        "CREATE TABLE t (a int DEFAULT {}1{});",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let result = import(&deep);
    assert!(result.design.tables.is_empty());
    assert!(
        result
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    );
    import(&"/*".repeat(200_000));
    import(&"'".repeat(200_001));
}

#[test]
fn five_megabytes_of_dump_and_junk_import_in_bounded_time() {
    let pagila = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/sql/pg_pagila-schema.sql"
    ))
    .unwrap();
    let mut text = String::new();
    let mut seed = 7u32;
    while text.len() < 5 * 1024 * 1024 {
        text.push_str(&pagila);
        for _ in 0..2000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            text.push(char::from_u32(32 + (seed >> 16) % 400).unwrap_or('?'));
        }
        text.push_str(";\n");
    }
    let started = Instant::now();
    let result = import(&text);
    let elapsed = started.elapsed();
    assert_eq!(result.design.tables.len(), 71);
    assert_eq!(
        result.design.foreign_keys.len(),
        37,
        "constraints repeated by later copies are not applied twice"
    );
    assert!(elapsed.as_secs() < 60, "took {elapsed:?}");
}
