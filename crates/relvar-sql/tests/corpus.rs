//! Every schema in ../shared/corpus imports as its dialect: at least as many tables as
//! MANIFEST.tsv counts CREATE TABLE lines, and every statement either modelled or kept.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use relvar_sql::{Dialect, Severity, detect_dialect, import_sql};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

struct Entry {
    file: String,
    dialect: Dialect,
    create_table: usize,
}

fn manifest() -> Vec<Entry> {
    let text = std::fs::read_to_string(format!("{CORPUS}/MANIFEST.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (file, dialect, create_table) = (column("file"), column("dialect"), column("create_table"));
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            Entry {
                file: cells[file].to_owned(),
                dialect: Dialect::from_id(cells[dialect])
                    .unwrap_or_else(|| panic!("unknown dialect {}", cells[dialect])),
                create_table: cells[create_table].parse().unwrap(),
            }
        })
        .collect()
}

/// The design by names, and what was kept, counted by reason (the statements themselves are long).
fn summary(import: &relvar_sql::Import) -> String {
    let mut out: String = import
        .design
        .outline()
        .lines()
        .filter(|line| !line.starts_with("kept from"))
        .map(|line| format!("{line}\n"))
        .collect();
    let mut reasons = std::collections::BTreeMap::new();
    for statement in &import.design.unmodelled {
        *reasons.entry(statement.reason.as_str()).or_insert(0) += 1;
    }
    out.push_str(&format!(
        "{} statements, {} modelled; kept as written:\n",
        import.statement_count, import.modelled_count
    ));
    for (reason, count) in reasons {
        out.push_str(&format!("  {count:5} {reason}\n"));
    }
    out
}

/// Written in syntax several engines accept: `sq_temporal` is the MySQL schema with other
/// whitespace, so no reading of the text alone can tell it is meant for SQLite.
const AMBIGUOUS: &[&str] = &["sq_temporal-schema.sql"];

#[test]
fn the_dialect_of_every_corpus_file_is_detected_or_reads_it_whole() {
    for entry in manifest() {
        let text = String::from_utf8_lossy(
            &std::fs::read(format!("{CORPUS}/sql/{}", entry.file)).unwrap(),
        )
        .into_owned();
        let detected = detect_dialect(&text);
        if AMBIGUOUS.contains(&entry.file.as_str()) {
            let import = import_sql(&text, detected);
            assert!(
                import.design.tables.len() >= entry.create_table,
                "{} read as {}",
                entry.file,
                detected.name()
            );
            assert!(
                import
                    .diagnostics
                    .iter()
                    .all(|d| d.severity != Severity::Error),
                "{}",
                entry.file
            );
        } else {
            assert_eq!(detected, entry.dialect, "{}", entry.file);
        }
    }
}

#[test]
fn every_corpus_schema_imports_every_table() {
    let mut failures = Vec::new();
    for entry in manifest() {
        let bytes = std::fs::read(format!("{CORPUS}/sql/{}", entry.file)).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let import = import_sql(&text, entry.dialect);
        let design = &import.design;
        assert_eq!(
            import.statement_count,
            import.modelled_count + design.unmodelled.len(),
            "{}",
            entry.file
        );
        let errors = import
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        println!(
            "{:34} {:8} tables {:3}/{:3}  fks {:3}  statements {:5} modelled {:5}  errors {errors}",
            entry.file,
            entry.dialect.id(),
            design.tables.len(),
            entry.create_table,
            design.foreign_keys.len(),
            import.statement_count,
            import.modelled_count,
        );
        expect_test::expect_file![format!("snapshots/{}.txt", entry.file)]
            .assert_eq(&summary(&import));
        if design.tables.len() < entry.create_table {
            failures.push(format!(
                "{}: {} of {} tables",
                entry.file,
                design.tables.len(),
                entry.create_table
            ));
            for diagnostic in import
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .take(5)
            {
                println!("    {diagnostic}");
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
