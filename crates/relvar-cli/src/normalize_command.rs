//! `relvar normalize FILE --table T --fd "a -> b" ...`: the normalization theory of one table of a
//! schema: its dependencies, candidate keys, normal form with each violation explained, and the
//! proposed 3NF synthesis and BCNF (and, with multivalued dependencies, 4NF) decompositions.

use std::fmt::Write;
use std::process::ExitCode;

use relvar_model::{Design, Table};
use relvar_normalize::{KEY_CAP, ProposedDecomposition, read_table_dependencies, table_report};

/// Prints the report for the table named `table_name` (`schema.table` or `table`) with the
/// dependencies `fds` (one per argument, `->` or `->>`); exit 1 when the table is missing or a
/// dependency cannot be read.
pub fn run(design: &Design, table_name: &str, fds: &[String]) -> ExitCode {
    let (schema, name) = match table_name.rsplit_once('.') {
        Some((schema, name)) => (Some(schema), name),
        None => (None, table_name),
    };
    let Some(found) = design.find_table(schema, name) else {
        eprintln!("relvar: there is no table named {table_name}");
        return ExitCode::from(1);
    };
    let mut table = found.clone();
    let mut failed = false;
    for (index, text) in fds.iter().enumerate() {
        match read_table_dependencies(&table, text) {
            Ok(read) => table.dependencies.extend(read),
            Err(errors) => {
                failed = true;
                for error in errors {
                    eprintln!(
                        "relvar: --fd {} ({text:?}), column {}: {}",
                        index + 1,
                        error.column,
                        error.kind
                    );
                }
            }
        }
    }
    if failed {
        return ExitCode::from(1);
    }
    print!("{}", report(design, &table));
    ExitCode::SUCCESS
}

/// The whole report as text.
fn report(design: &Design, table: &Table) -> String {
    let report = table_report(design, table);
    let mut out = String::new();
    let _ = writeln!(out, "Table {} ({})", table.display_name(), report.columns);
    let _ = writeln!(out, "Dependencies:");
    for dependency in &report.dependencies {
        let origin = if dependency.from_key { "   (key)" } else { "" };
        let _ = writeln!(out, "  {}{origin}", dependency.text);
    }
    let more = if report.more_keys {
        format!(" and more (only the first {KEY_CAP} are listed)")
    } else {
        String::new()
    };
    let _ = writeln!(out, "Candidate keys: {}{more}", report.keys.join(", "));
    let _ = writeln!(out, "Prime attributes: {}", report.prime);
    let _ = writeln!(out, "Normal form: {}", report.normal_form);
    if !report.violations.is_empty() {
        let _ = writeln!(out, "Violations:");
        for (breaks, explanation) in &report.violations {
            let _ = writeln!(out, "  {breaks}: {explanation}");
        }
    }
    for decomposition in &report.proposals {
        out.push_str(&proposal(decomposition));
    }
    out
}

/// One proposed decomposition: whether it is lossless, what it loses, and its tables.
fn proposal(decomposition: &ProposedDecomposition) -> String {
    let lossless = match decomposition.lossless {
        Some(true) => "lossless",
        Some(false) => "NOT lossless",
        None => "losslessness undecided (the chase grew too large)",
    };
    let preserved = if decomposition.lost.is_empty() {
        "preserves every dependency".to_owned()
    } else {
        format!("loses {}", decomposition.lost.join("; "))
    };
    let mut out = format!(
        "{} ({lossless}, {preserved}):\n",
        decomposition.kind.title()
    );
    if !decomposition.checked {
        out.push_str("  (a component was too wide to search fully for violations)\n");
    }
    for table in &decomposition.tables {
        let _ = writeln!(out, "  {}({}) key {}", table.name, table.columns, table.key);
    }
    out
}
