//! `relvar normalize FILE --table T --fd "a -> b" ...`: the normalization theory of one table of a
//! schema: its dependencies, candidate keys, normal form with each violation explained, and the
//! proposed 3NF synthesis and BCNF (and, with multivalued dependencies, 4NF) decompositions.

use std::fmt::Write;
use std::process::ExitCode;

use relvar_model::{Design, Table};
use relvar_normalize::{
    Decomposition, KEY_CAP, Relation, analyse, decompose_4nf, decompose_bcnf,
    decomposition_table_names, is_lossless, key_dependencies, read_table_dependencies,
    synthesize_3nf, table_relation,
};

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
    let relation = table_relation(table);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Table {} ({})",
        table.display_name(),
        relation.show(&relation.all())
    );
    let keys_implied = key_dependencies(table).len();
    let declared = relation.fds.len().saturating_sub(keys_implied);
    let _ = writeln!(out, "Dependencies:");
    for (index, fd) in relation.fds.iter().enumerate() {
        let origin = if index < declared { "" } else { "   (key)" };
        let _ = writeln!(out, "  {}{origin}", relation.show_fd(fd));
    }
    for mvd in &relation.mvds {
        let _ = writeln!(out, "  {}", relation.show_mvd(mvd));
    }
    let analysis = analyse(&relation, KEY_CAP);
    let keys: Vec<String> = analysis
        .keys
        .keys
        .iter()
        .map(|key| relation.show_braced(key))
        .collect();
    let more = if analysis.keys.more {
        format!(" and more (only the first {KEY_CAP} are listed)")
    } else {
        String::new()
    };
    let _ = writeln!(out, "Candidate keys: {}{more}", keys.join(", "));
    let _ = writeln!(out, "Prime attributes: {}", relation.show(&analysis.prime));
    let _ = writeln!(out, "Normal form: {}", analysis.normal_form);
    if !analysis.violations.is_empty() {
        let _ = writeln!(out, "Violations:");
        for violation in &analysis.violations {
            let _ = writeln!(out, "  {}: {}", violation.breaks, violation.explanation);
        }
    }
    let mut proposals = vec![("3NF synthesis", synthesize_3nf(&relation))];
    proposals.push(("BCNF decomposition", decompose_bcnf(&relation)));
    if !relation.mvds.is_empty() {
        proposals.push(("4NF decomposition", decompose_4nf(&relation)));
    }
    for (title, decomposition) in &proposals {
        out.push_str(&proposal(design, table, &relation, title, decomposition));
    }
    out
}

/// One proposed decomposition: whether it is lossless, what it loses, and its tables.
fn proposal(
    design: &Design,
    table: &Table,
    relation: &Relation,
    title: &str,
    decomposition: &Decomposition,
) -> String {
    let lossless = match is_lossless(relation, &decomposition.schemas()) {
        Ok(true) => "lossless",
        Ok(false) => "NOT lossless",
        Err(_) => "losslessness undecided (the chase grew too large)",
    };
    let lost: Vec<String> = decomposition
        .lost
        .iter()
        .map(|fd| relation.show_fd(fd))
        .collect();
    let preserved = if lost.is_empty() {
        "preserves every dependency".to_owned()
    } else {
        format!("loses {}", lost.join("; "))
    };
    let mut out = format!("{title} ({lossless}, {preserved}):\n");
    if !decomposition.checked {
        out.push_str("  (a component was too wide to search fully for violations)\n");
    }
    let names =
        decomposition_table_names(design, table.id, &decomposition.components).unwrap_or_default();
    for (index, component) in decomposition.components.iter().enumerate() {
        let name = names.get(index).map_or(table.name.as_str(), String::as_str);
        let _ = writeln!(
            out,
            "  {name}({}) key {}",
            relation.show(&component.attributes),
            relation.show_braced(&component.key)
        );
    }
    out
}
