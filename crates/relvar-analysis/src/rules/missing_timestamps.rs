//! RV031: a table without the created/updated timestamps most tables of the design have.

use std::collections::BTreeMap;

use relvar_model::{Column, Command, Table};

use crate::context::Context;
use crate::finding::Fix;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV031",
    name: "missing-timestamps",
    severity: Info,
    summary: "Most tables of the design (at least two thirds of at least three) record when rows were created or last updated (`created_at`, `updated_at`, `last_update`, ...), and this one does not.",
    why: "Where the design's convention is to keep these columns, a table without them cannot answer 'since when' or 'what changed lately', incremental exports and caches cannot find new rows, and the gap is usually an oversight rather than a decision.",
    example: "CREATE TABLE customer (id int PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());\nCREATE TABLE orders (id int PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());\nCREATE TABLE invoice (id int PRIMARY KEY);",
}

pub const SCOPE: Scope = Scope::Design;

const CREATED: &[&str] = &[
    "create_date",
    "created",
    "created_at",
    "created_on",
    "creation_date",
    "date_created",
    "inserted_at",
];
const UPDATED: &[&str] = &[
    "date_modified",
    "last_update",
    "last_updated",
    "modified",
    "modified_at",
    "updated",
    "updated_at",
    "updated_on",
];

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    let tables: Vec<&Table> = cx.entity_tables().collect();
    for (what, names) in [("created", CREATED), ("last updated", UPDATED)] {
        let with: Vec<(&Table, &Column)> = tables
            .iter()
            .filter_map(|table| {
                let column = table
                    .columns
                    .iter()
                    .find(|column| names.contains(&column.name.to_lowercase().as_str()))?;
                Some((*table, column))
            })
            .collect();
        if tables.len() < 3 || with.len() * 3 < tables.len() * 2 || with.len() == tables.len() {
            continue;
        }
        // The spelling most tables use, and the first column spelt so as the model.
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, column) in &with {
            *counts.entry(column.name.as_str()).or_default() += 1;
        }
        let Some(usual) = counts
            .iter()
            .max_by_key(|(_, count)| **count)
            .map(|(n, _)| *n)
        else {
            continue;
        };
        let Some((_, model)) = with.iter().find(|(_, column)| column.name == usual) else {
            continue;
        };
        for table in &tables {
            if with.iter().any(|(other, _)| other.id == table.id) {
                continue;
            }
            report_missing(cx, report, table, model, what, with.len(), tables.len());
        }
    }
}

/// The table without the column `model` stands for, with a copy of `model` as its fix.
fn report_missing(
    cx: &Context<'_>,
    report: &mut Reporter<'_>,
    table: &Table,
    model: &Column,
    what: &str,
    with: usize,
    all: usize,
) {
    let mut ids = cx.design.ids.clone();
    let mut column = model.clone();
    column.id = ids.column();
    column.comment = None;
    let mut finding = report.table(
        table,
        format!(
            "table {} does not record when rows were {what}, as {with} of the design's {all} tables do ({})",
            table.display_name(),
            model.name
        ),
    );
    // A NOT NULL column needs a default to be added to a table that has rows.
    if !column.nullable && column.default.is_none() {
        return;
    }
    let description = format!(
        "add {} {}{} to {}",
        column.name,
        column.data_type,
        column
            .default
            .as_ref()
            .map(|default| format!(" DEFAULT {default}"))
            .unwrap_or_default(),
        table.display_name()
    );
    finding.fix(Fix::new(
        description,
        Command::AddColumn {
            table: table.id,
            column,
            index: table.columns.len(),
        },
    ));
}
