//! Every rule against its fixtures (`tests/fixtures/<rule name>/`): each `triggers*.sql` gives
//! findings of the rule, snapshotted in `triggers*.findings`; each `clean*.sql` gives none of
//! it; every fix applies to its fixture, removes its finding, and undoes exactly.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use std::collections::BTreeSet;
use std::path::Path;

use expect_test::{expect, expect_file};
use relvar_analysis::rules::ALL;
use relvar_analysis::{ReviewOptions, review, rule_info};
use relvar_model::Command;
use support::{FIXTURES, import_fixture, show};

/// The fixture files of a rule whose names start with `kind`, sorted.
fn fixtures(rule: &str, kind: &str) -> Vec<String> {
    let directory = Path::new(FIXTURES).join(rule);
    let mut names: Vec<String> = std::fs::read_dir(&directory)
        .unwrap_or_else(|_| panic!("rule {rule} has a fixture directory"))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(kind) && name.ends_with(".sql"))
        .collect();
    names.sort();
    names
}

fn read(rule: &str, file: &str) -> String {
    std::fs::read_to_string(Path::new(FIXTURES).join(rule).join(file)).unwrap()
}

#[test]
fn each_rule_finds_what_its_triggering_fixtures_show_and_matches_the_snapshot() {
    for rule in ALL {
        let name = rule.info.name;
        let triggers = fixtures(name, "triggers");
        assert!(!triggers.is_empty(), "{name} has a triggering fixture");
        for file in triggers {
            let design = import_fixture(&read(name, &file));
            let findings: Vec<_> = review(&design, &ReviewOptions::default())
                .into_iter()
                .filter(|finding| finding.code == rule.info.code)
                .collect();
            assert!(
                !findings.is_empty(),
                "{name}/{file} triggers {}",
                rule.info.code
            );
            for finding in &findings {
                assert_eq!(finding.severity, rule.info.severity);
            }
            let snapshot = file.replace(".sql", ".findings");
            expect_file![format!("fixtures/{name}/{snapshot}")]
                .assert_eq(&show(&design, &findings));
        }
    }
}

#[test]
fn no_rule_fires_on_its_clean_fixtures() {
    for rule in ALL {
        let name = rule.info.name;
        let clean = fixtures(name, "clean");
        assert!(!clean.is_empty(), "{name} has a clean fixture");
        for file in clean {
            let design = import_fixture(&read(name, &file));
            let findings: Vec<_> = review(&design, &ReviewOptions::default())
                .into_iter()
                .filter(|finding| finding.code == rule.info.code)
                .collect();
            assert!(
                findings.is_empty(),
                "{name}/{file} must not trigger {}:\n{}",
                rule.info.code,
                show(&design, &findings)
            );
        }
    }
}

#[test]
fn every_fix_applies_to_its_fixture_removes_its_finding_and_undoes_exactly() {
    let mut fixed = 0;
    for rule in ALL {
        let name = rule.info.name;
        for file in fixtures(name, "triggers") {
            let design = import_fixture(&read(name, &file));
            let findings = review(&design, &ReviewOptions::default());
            for finding in findings.iter().filter(|f| f.code == rule.info.code) {
                let Some(fix) = &finding.fix else { continue };
                let mut changed = design.clone();
                let inverse = Command::clone(&fix.command)
                    .apply(&mut changed)
                    .unwrap_or_else(|error| panic!("{name}/{file}: {} fails: {error}", fix.title));
                assert_ne!(
                    changed, design,
                    "{name}/{file}: {} changes the design",
                    fix.title
                );
                let after = review(&changed, &ReviewOptions::default());
                assert!(
                    !after
                        .iter()
                        .any(|other| other.code == finding.code && other.message == finding.message),
                    "{name}/{file}: after {} the finding is still there: {}",
                    fix.title,
                    finding.message
                );
                inverse.apply(&mut changed).unwrap();
                assert_eq!(
                    changed, design,
                    "{name}/{file}: undoing {} restores",
                    fix.title
                );
                fixed += 1;
            }
        }
    }
    assert!(fixed >= 20, "only {fixed} fixes were tried");
}

#[test]
fn rules_have_unique_stable_codes_and_full_descriptions() {
    let mut codes = BTreeSet::new();
    let mut names = BTreeSet::new();
    for rule in ALL {
        let info = rule.info;
        assert!(codes.insert(info.code), "code {} is used twice", info.code);
        assert!(names.insert(info.name), "name {} is used twice", info.name);
        assert!(info.code.len() == 5 && info.code.starts_with("RV"));
        assert!(info.code[2..].chars().all(|c| c.is_ascii_digit()));
        for (what, text) in [
            ("summary", info.summary),
            ("why", info.why),
            ("example", info.example),
        ] {
            assert!(text.trim().len() > 10, "{} has a {what}", info.code);
        }
        assert!(info.doc().contains(info.why) && info.doc().contains(info.example));
        assert_eq!(rule_info(info.code), Some(info));
        assert_eq!(rule_info(info.name), Some(info));
    }
    // Codes are stable: a rule keeps its code, and a new rule takes a new one.
    let listed: Vec<String> = ALL
        .iter()
        .map(|rule| {
            format!(
                "{} {} {}",
                rule.info.code,
                rule.info.severity.as_str(),
                rule.info.name
            )
        })
        .collect();
    expect![[r#"
        RV001 error no-primary-key
        RV002 error nullable-primary-key-column
        RV003 warning foreign-key-without-index
        RV004 warning redundant-index
        RV005 error foreign-key-type-mismatch
        RV006 error foreign-key-to-non-unique-columns
        RV007 warning float-for-money
        RV008 warning timestamp-without-time-zone
        RV009 warning json-instead-of-jsonb
        RV010 info serial-instead-of-identity
        RV011 warning fixed-length-char
        RV012 info varchar-with-length
        RV013 warning random-uuid-key
        RV014 warning reserved-word-name
        RV015 error identifier-too-long
        RV016 warning likely-missing-foreign-key
        RV017 warning same-name-different-types
        RV018 warning polymorphic-association
        RV019 warning repeating-column-group
        RV020 info boolean-as-flag
        RV021 info table-without-relationships
        RV022 info wide-table
        RV023 info many-indexes
        RV024 warning foreign-key-cycle
        RV025 warning deep-cascade-chain
        RV026 warning entity-attribute-value
        RV027 info naming-inconsistency
        RV028 warning list-valued-column
        RV029 info enum-like-text-column
        RV030 warning soft-delete-without-partial-unique
        RV031 info missing-timestamps
        RV032 warning integer-key-overflow
    "#]]
    .assert_eq(&(listed.join("\n") + "\n"));
}

#[test]
fn the_examples_in_the_descriptions_trigger_their_rules() {
    // Examples that elide part of themselves (`/* ... */`) are not complete schemas.
    for rule in ALL
        .iter()
        .filter(|rule| !rule.info.example.contains("/* ..."))
    {
        let design = import_fixture(rule.info.example);
        let found = review(&design, &ReviewOptions::default())
            .iter()
            .any(|finding| finding.code == rule.info.code);
        assert!(found, "the example of {} triggers it", rule.info.code);
    }
}

#[test]
fn disabled_rules_are_not_run_by_code_or_by_name() {
    let design = import_fixture(&read("no-primary-key", "triggers.sql"));
    let all = review(&design, &ReviewOptions::default());
    assert!(all.iter().any(|finding| finding.code == "RV001"));
    for key in ["RV001", "no-primary-key"] {
        let options = ReviewOptions {
            disabled: BTreeSet::from([key.to_owned()]),
        };
        let some = review(&design, &options);
        assert!(!some.iter().any(|finding| finding.code == "RV001"));
        assert_eq!(
            some.len(),
            all.iter().filter(|finding| finding.code != "RV001").count()
        );
    }
}

#[test]
fn a_serial_column_made_an_identity_leaves_no_sequence_behind() {
    let design = import_fixture(&read("serial-instead-of-identity", "triggers_serial.sql"));
    assert_eq!(
        design.sequences.len(),
        2,
        "serial columns own their sequences"
    );
    let mut changed = design.clone();
    for finding in review(&design, &ReviewOptions::default()) {
        if let Some(fix) = finding.fix.filter(|_| finding.code == "RV010") {
            Command::clone(&fix.command).apply(&mut changed).unwrap();
        }
    }
    assert!(changed.sequences.is_empty(), "{:?}", changed.sequences);
    let film = changed.tables.iter().find(|t| t.name == "film").unwrap();
    assert!(film.columns.iter().all(|c| c.default.is_none()));
}
