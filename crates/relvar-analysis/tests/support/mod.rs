//! Reading fixture and corpus schemas and printing findings as stable text, for the review tests.

#![allow(dead_code)] // each test file uses its own part

use relvar_analysis::{Finding, describe_object};
use relvar_model::Design;
use relvar_sql::{Dialect, import_sql};

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// The real schemas beside the project (`../shared/corpus`), listed in its MANIFEST.tsv.
pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

/// A corpus file's text (invalid UTF-8 replaced).
pub fn corpus_text(file: &str) -> String {
    let bytes = std::fs::read(format!("{CORPUS}/sql/{file}")).unwrap();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Every corpus file with its dialect.
pub fn corpus() -> Vec<(String, Dialect)> {
    let text = std::fs::read_to_string(format!("{CORPUS}/MANIFEST.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (file, dialect) = (column("file"), column("dialect"));
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            (
                cells[file].to_owned(),
                Dialect::from_id(cells[dialect]).unwrap(),
            )
        })
        .collect()
}

/// Imports a fixture: PostgreSQL unless its first line says `-- dialect: NAME`; each line
/// `-- expected rows: TABLE N` sets that table's capacity estimate, as the inspector does.
pub fn import_fixture(text: &str) -> Design {
    let dialect = text
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("-- dialect:"))
        .and_then(|name| Dialect::from_id(name.trim()))
        .unwrap_or(Dialect::PostgreSql);
    let import = import_sql(text, dialect);
    assert!(
        import.diagnostics.is_empty(),
        "the fixture imports cleanly: {:?}",
        import.diagnostics
    );
    let mut design = import.design;
    for line in text.lines() {
        let Some(estimate) = line.strip_prefix("-- expected rows:") else {
            continue;
        };
        let mut words = estimate.split_whitespace();
        let (Some(table), Some(rows)) = (words.next(), words.next()) else {
            panic!("an estimate names a table and a count: {line}");
        };
        let rows: u64 = rows.parse().expect("the count is a whole number");
        let found = design
            .tables
            .iter_mut()
            .find(|found| found.name == table)
            .unwrap_or_else(|| panic!("the estimate's table {table} is in the fixture"));
        found.expected_rows = Some(rows);
    }
    design
}

/// One line per finding: code, severity, objects by name, message, and the fix or `no fix`.
pub fn show(design: &Design, findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|finding| {
            let objects: Vec<String> = finding
                .objects
                .iter()
                .map(|object| describe_object(design, *object))
                .collect();
            let fix = finding.fix.as_ref().map_or_else(
                || String::from("no fix"),
                |fix| format!("fix: {}", fix.title),
            );
            format!(
                "{} {} [{}] {}\n    {fix}\n",
                finding.code,
                finding.severity.as_str(),
                objects.join(" | "),
                finding.message
            )
        })
        .collect()
}
