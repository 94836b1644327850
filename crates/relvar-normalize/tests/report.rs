//! The table report the studio and the command line show: dependencies with their origin, keys,
//! normal form and violations, and each proposed decomposition with the tables it would make,
//! which applying its components really makes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use relvar_model::{Column, Design, History, PrimaryKey, Table, TableId};
use relvar_normalize::{
    DecompositionKind, NormalForm, decomposition_command, set_dependencies_command, table_report,
};

/// `employee(emp_id, name, dept_id, dept_name, dept_floor)` keyed by emp_id, with `dependencies`.
fn employee(dependencies: &str) -> (Design, TableId) {
    let mut design = Design::default();
    let id = design.ids.table();
    let mut table = Table::new(id, None, "employee");
    for name in ["emp_id", "name", "dept_id", "dept_name", "dept_floor"] {
        let column = design.ids.column();
        table.columns.push(Column::new(column, name, "text"));
    }
    table.primary_key = Some(PrimaryKey {
        name: None,
        columns: vec![table.columns[0].id],
    });
    design.tables.push(table);
    let command = set_dependencies_command(design.table(id).unwrap(), dependencies).unwrap();
    command.apply(&mut design).unwrap();
    (design, id)
}

#[test]
fn a_transitive_dependency_is_reported_with_the_3nf_tables_that_fix_it() {
    let (design, id) = employee("dept_id -> dept_name, dept_floor");
    let report = table_report(&design, design.table(id).unwrap());
    assert_eq!(
        report.columns,
        "emp_id, name, dept_id, dept_name, dept_floor"
    );
    let dependencies: Vec<(&str, bool)> = report
        .dependencies
        .iter()
        .map(|dependency| (dependency.text.as_str(), dependency.from_key))
        .collect();
    assert_eq!(
        dependencies,
        [
            ("dept_id -> dept_name, dept_floor", false),
            ("emp_id -> name, dept_id, dept_name, dept_floor", true),
        ]
    );
    assert_eq!(report.keys, ["{emp_id}"]);
    assert!(!report.more_keys);
    assert_eq!(report.normal_form, NormalForm::Second);
    assert_eq!(report.violations.len(), 1);
    assert_eq!(report.violations[0].0, NormalForm::Third);
    assert!(report.violations[0].1.contains("violates 3NF"));

    let kinds: Vec<DecompositionKind> = report.proposals.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [DecompositionKind::Synthesis3nf, DecompositionKind::Bcnf]
    );
    let synthesis = &report.proposals[0];
    assert_eq!(synthesis.lossless, Some(true));
    assert!(synthesis.lost.is_empty());
    assert!(!synthesis.keeps_table_whole());
    let tables: Vec<String> = synthesis
        .tables
        .iter()
        .map(|table| format!("{}({}) key {}", table.name, table.columns, table.key))
        .collect();
    assert_eq!(
        tables,
        [
            "depts(dept_id, dept_name, dept_floor) key {dept_id}",
            "employee(emp_id, name, dept_id) key {emp_id}",
        ]
    );

    // The names the report proposes are the names applying the components gives.
    let mut applied = design.clone();
    let mut history = History::default();
    let command = decomposition_command(&design, id, &synthesis.components).unwrap();
    history.apply(&mut applied, command).unwrap();
    let mut names: Vec<&str> = applied.tables.iter().map(|t| t.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["depts", "employee"]);
    let after = table_report(&applied, applied.table(id).unwrap());
    assert_eq!(after.normal_form, NormalForm::Fourth);
}

#[test]
fn a_table_in_bcnf_is_left_whole_and_multivalued_dependencies_add_a_4nf_proposal() {
    let (design, id) = employee("");
    let report = table_report(&design, design.table(id).unwrap());
    assert_eq!(report.normal_form, NormalForm::Fourth);
    assert!(report.violations.is_empty());
    assert!(report.proposals.iter().all(|p| p.keeps_table_whole()));

    let (design, id) = employee("name ->> dept_floor");
    let report = table_report(&design, design.table(id).unwrap());
    assert_eq!(report.proposals.len(), 3);
    assert_eq!(report.proposals[2].kind, DecompositionKind::Fourth);
    assert_eq!(report.proposals[2].kind.title(), "4NF decomposition");
}
