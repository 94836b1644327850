//! Reading fixture schemas and printing findings as stable text, for the review tests.

#![allow(dead_code)] // each test file uses its own part

use relvar_analysis::{Finding, describe_object};
use relvar_model::Design;
use relvar_sql::{Dialect, import_sql};

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Imports a fixture: PostgreSQL unless its first line says `-- dialect: NAME`.
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
    import.design
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
