//! Replay as a property: a random schema written at once (every constraint inline), in steps
//! (minimal CREATE TABLEs, then ALTER TABLE ADD COLUMN / ADD CONSTRAINT and CREATE INDEX), and in
//! steps with detours (temporary names renamed into place, wrong types corrected, extra columns,
//! tables, constraints and indexes added then dropped, SQLite table rebuilds) imports to the same
//! design, compared by outline, in every dialect.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod schema;
#[path = "../support/mod.rs"]
mod support;
mod writer;

use proptest::prelude::*;
use relvar_sql::{Dialect, Severity, import_sql};
use schema::Choices;

/// The design a script gives, as sorted outline entries, after checking it was replayed whole.
fn replayed(script: &str, dialect: Dialect) -> Result<Vec<String>, TestCaseError> {
    let import = import_sql(script, dialect);
    let trouble: Vec<String> = import
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(ToString::to_string)
        .collect();
    prop_assert!(trouble.is_empty(), "{trouble:#?}\n{script}");
    prop_assert!(
        import.design.unmodelled.is_empty(),
        "kept: {:#?}\n{script}",
        import.design.unmodelled
    );
    prop_assert_eq!(import.statement_count, import.modelled_count);
    Ok(support::sorted_entries(import.design.outline().lines()))
}

fn same_design(dialect: Dialect, choices: Vec<u32>) -> Result<(), TestCaseError> {
    let mut choices = Choices::new(choices);
    let schema = schema::schema(dialect, &mut choices);
    let at_once = writer::inline(&schema, dialect);
    let expected = replayed(&at_once, dialect)?;
    prop_assert_eq!(expected.len() >= schema.tables.len(), true);
    let in_steps = writer::stepwise(&schema, dialect, None);
    prop_assert_eq!(
        &replayed(&in_steps, dialect)?,
        &expected,
        "\n{}\n--- at once:\n{}",
        in_steps,
        at_once
    );
    let with_detours = writer::stepwise(&schema, dialect, Some(&mut choices));
    // SAVE_REPLAY=dir writes every generated script there, to be run on the real engines.
    if let Ok(dir) = std::env::var("SAVE_REPLAY") {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        for (kind, text) in [("a", &at_once), ("b", &in_steps), ("c", &with_detours)] {
            std::fs::write(format!("{dir}/{}-{n}-{kind}.sql", dialect.id()), text).unwrap();
        }
    }
    prop_assert_eq!(
        &replayed(&with_detours, dialect)?,
        &expected,
        "\n{}\n--- at once:\n{}",
        with_detours,
        at_once
    );
    Ok(())
}

fn choices() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(any::<u32>(), 0..400)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn postgres_schemas_built_in_steps_equal_the_schema_written_at_once(choices in choices()) {
        same_design(Dialect::PostgreSql, choices)?;
    }

    #[test]
    fn mysql_schemas_built_in_steps_equal_the_schema_written_at_once(choices in choices()) {
        same_design(Dialect::MySql, choices)?;
    }

    #[test]
    fn sqlite_schemas_built_in_steps_equal_the_schema_written_at_once(choices in choices()) {
        same_design(Dialect::Sqlite, choices)?;
    }

    #[test]
    fn sql_server_schemas_built_in_steps_equal_the_schema_written_at_once(choices in choices()) {
        same_design(Dialect::MsSql, choices)?;
    }
}
