//! Review on real and hostile input: every corpus schema (../shared/corpus) is reviewed without a
//! panic, in a fixed order, with every fix applying and undoing; designs imported from arbitrary
//! text are reviewed without a panic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use std::collections::BTreeMap;
use support::{CORPUS, corpus, corpus_text};

use expect_test::expect_file;
use proptest::prelude::*;
use relvar_analysis::{Finding, ReviewOptions, review};
use relvar_model::{Command, Design};
use relvar_sql::{Dialect, import_sql};

/// Findings are ordered by severity, then table name, then code.
fn assert_ordered(design: &Design, findings: &[Finding]) {
    let key = |finding: &Finding| {
        let table = finding
            .table(design)
            .and_then(|id| design.table(id))
            .map(|table| table.display_name().to_lowercase());
        (finding.severity, table.is_none(), table, finding.code)
    };
    for pair in findings.windows(2) {
        assert!(
            key(&pair[0]) <= key(&pair[1]),
            "{:?} before {:?}",
            pair[0],
            pair[1]
        );
    }
}

#[test]
fn every_corpus_schema_is_reviewed_in_order_and_every_fix_applies_and_undoes() {
    let mut summary = String::new();
    for (file, dialect) in corpus() {
        let design = import_sql(&corpus_text(&file), dialect).design;
        let findings = review(&design, &ReviewOptions::default());
        assert_eq!(
            findings,
            review(&design, &ReviewOptions::default()),
            "{file}"
        );
        assert_ordered(&design, &findings);
        for finding in &findings {
            let Some(fix) = &finding.fix else { continue };
            let mut changed = design.clone();
            let inverse = Command::clone(&fix.command)
                .apply(&mut changed)
                .unwrap_or_else(|error| panic!("{file}: {} fails: {error}", fix.title));
            inverse.apply(&mut changed).unwrap();
            assert!(changed == design, "{file}: undoing {} restores", fix.title);
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for finding in &findings {
            *counts.entry(finding.code).or_default() += 1;
        }
        let counted: Vec<String> = counts
            .iter()
            .map(|(code, count)| format!("{code} {count}"))
            .collect();
        summary.push_str(&format!("{file}: {}\n", counted.join(", ")));
    }
    expect_file!["snapshots/corpus_findings.txt"].assert_eq(&summary);
}

#[test]
fn pagila_findings_name_what_an_architect_would() {
    let text = std::fs::read_to_string(format!("{CORPUS}/sql/pg_pagila-schema.sql")).unwrap();
    let design = import_sql(&text, Dialect::PostgreSql).design;
    let findings = review(&design, &ReviewOptions::default());
    expect_file!["snapshots/pagila_findings.txt"].assert_eq(&support::show(&design, &findings));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn review_never_panics_on_designs_imported_from_arbitrary_text(text in any::<String>()) {
        for dialect in Dialect::ALL {
            let design = import_sql(&text, dialect).design;
            let _ = review(&design, &ReviewOptions::default());
        }
    }

    #[test]
    fn review_never_panics_on_designs_imported_from_ddl_shaped_junk(
        text in "(CREATE TABLE |t[0-9]|\\(|\\)|,|;| |[a-z_]{1,8}_id |int |text |varchar\\([0-9]{1,3}\\) |json |timestamp |PRIMARY KEY |UNIQUE |NULL |NOT NULL |REFERENCES |ON DELETE CASCADE |CREATE INDEX ON |DEFAULT gen_random_uuid\\(\\) |\"|\n){0,80}"
    ) {
        for dialect in Dialect::ALL {
            let design = import_sql(&text, dialect).design;
            let findings = review(&design, &ReviewOptions::default());
            assert_ordered(&design, &findings);
        }
    }
}
