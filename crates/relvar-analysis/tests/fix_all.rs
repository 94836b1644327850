//! Fixing every finding of a rule at once: on generated schemas with several findings of a rule
//! on one table, and on every corpus schema for every rule whose findings all have fixes, the one
//! command leaves none of the rule's findings, and undoing it gives the design back exactly.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use std::collections::BTreeSet;
use std::fmt::Write as _;

use relvar_analysis::{ReviewOptions, fix_all, review};
use relvar_model::Design;
use relvar_sql::{Dialect, import_sql};
use support::{corpus, corpus_text};

fn count_of(design: &Design, code: &str) -> usize {
    review(design, &ReviewOptions::default())
        .iter()
        .filter(|finding| finding.code == code)
        .count()
}

/// Fixes every finding of `code`, checks none is left and that undo restores the design; the
/// number of findings fixed.
fn fixed_and_undone(design: &Design, code: &str, what: &str) -> usize {
    let before = count_of(design, code);
    let fixed = fix_all(design, code).unwrap_or_else(|| panic!("{what}: {code} has fixes"));
    let mut changed = design.clone();
    let undo = fixed
        .command
        .clone()
        .apply(&mut changed)
        .unwrap_or_else(|error| panic!("{what}: fixing all of {code} applies: {error:?}"));
    let left = count_of(&changed, code);
    assert_eq!(left, fixed.remaining, "{what}: {code} says what it leaves");
    assert_eq!(left, 0, "{what}: {code} leaves none of {before} findings");
    assert_eq!(
        fixed.fixed, before,
        "{what}: {code} fixes each finding once"
    );
    undo.apply(&mut changed).unwrap();
    assert_eq!(&changed, design, "{what}: undoing the fixes of {code}");
    fixed.fixed
}

/// `tables` tables, each with `references` foreign key columns to the first table and no index
/// on them, and a `timestamp` column: several findings of one rule per table.
fn generated(tables: usize, references: usize) -> Design {
    let mut sql = String::from("CREATE TABLE parent (id bigint PRIMARY KEY);\n");
    for table in 0..tables {
        let _ = write!(sql, "CREATE TABLE child_{table} (id bigint PRIMARY KEY");
        for reference in 0..references {
            let _ = write!(sql, ", parent_{reference}_id bigint REFERENCES parent (id)");
        }
        let _ = writeln!(sql, ", seen_at timestamp, left_at timestamp);");
    }
    import_sql(&sql, Dialect::PostgreSql).design
}

#[test]
fn every_finding_of_a_table_is_fixed_not_only_the_first() {
    for (tables, references) in [(1, 2), (5, 3), (40, 4)] {
        let design = generated(tables, references);
        let what = format!("{tables} tables with {references} references each");
        let fixed = fixed_and_undone(&design, "RV003", &what);
        assert_eq!(fixed, tables * references, "{what}: an index per reference");
    }
}

#[test]
fn fixing_all_of_every_corpus_schema_rule_leaves_none() {
    let mut rules_fixed = BTreeSet::new();
    for (file, dialect) in corpus() {
        let design = import_sql(&corpus_text(&file), dialect).design;
        let findings = review(&design, &ReviewOptions::default());
        let codes: BTreeSet<&str> = findings.iter().map(|finding| finding.code).collect();
        for code in codes {
            let all_fixable = findings
                .iter()
                .filter(|finding| finding.code == code)
                .all(|finding| finding.fix.is_some());
            if all_fixable {
                fixed_and_undone(&design, code, &file);
                rules_fixed.insert(code);
            }
        }
    }
    assert!(
        rules_fixed.len() >= 8,
        "the corpus exercises several rules: {rules_fixed:?}"
    );
}

#[test]
fn a_rule_without_fixes_offers_nothing() {
    let design = generated(3, 1);
    assert_eq!(fix_all(&design, "RV999"), None);
    let no_findings = import_sql(
        "CREATE TABLE t (id bigint PRIMARY KEY);",
        Dialect::PostgreSql,
    )
    .design;
    assert_eq!(fix_all(&no_findings, "RV003"), None);
}
