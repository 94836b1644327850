//! RV016: a `<table>_id` column with no foreign key, while a table of that name exists.

use std::collections::BTreeMap;

use relvar_model::{Column, Command, ForeignKey, ReferentialAction, Table};

use crate::context::Context;
use crate::finding::{Fix, ObjectRef, column_label, column_names};
use crate::names::{singular, words};
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV016",
    name: "likely-missing-foreign-key",
    severity: Warning,
    summary: "A column named after a table (`customer_id` or `customerId` next to a `customer` or `customers` table with a single-column primary key of a compatible type) has no foreign key.",
    why: "Without the constraint nothing stops a row from pointing at a customer that never existed or was deleted; the relationship is also invisible to the diagram, to tools and to the planner's join estimates.",
    example: "CREATE TABLE customer (id int PRIMARY KEY);\nCREATE TABLE rental (id int PRIMARY KEY, customer_id int NOT NULL);",
}

pub const SCOPE: Scope = Scope::Design;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    // Tables with a single-column key, by the singular of their name's words.
    let mut by_name: BTreeMap<String, Vec<&Table>> = BTreeMap::new();
    for table in cx.entity_tables() {
        let single_key = table
            .primary_key
            .as_ref()
            .is_some_and(|key| key.columns.len() == 1);
        if single_key {
            by_name
                .entry(entity_name(&table.name))
                .or_default()
                .push(table);
        }
    }
    if by_name.is_empty() {
        return;
    }
    for table in cx.entity_tables() {
        for column in &table.columns {
            if cx.is_referencing(table.id, column.id) {
                continue;
            }
            if let Some(target) = target(cx, &by_name, table, column) {
                report_reference(cx, report, table, column, target);
            }
        }
    }
}

/// The table a column's name points at: `billing_address_id` at `billing_address` or else
/// `address`, by singular name, in the column's schema first.
fn target<'a>(
    cx: &Context<'_>,
    by_name: &BTreeMap<String, Vec<&'a Table>>,
    table: &Table,
    column: &Column,
) -> Option<&'a Table> {
    let facts = cx.column_facts(table.id, column.id)?;
    let mut parts = facts.words.clone();
    if parts.len() < 2 || parts.last().map(String::as_str) != Some("id") {
        return None;
    }
    parts.pop();
    let whole = parts
        .iter()
        .map(|word| singular(word))
        .collect::<Vec<_>>()
        .join("_");
    let last = parts.last().map(|word| singular(word))?;
    let key_type = &facts.resolved;
    [whole, last].into_iter().find_map(|name| {
        let tables = by_name.get(&name)?;
        let mut candidates: Vec<&&Table> = tables
            .iter()
            .filter(|candidate| {
                let own_key = candidate.id == table.id && table.is_primary_key_column(column.id);
                !own_key && compatible(cx, candidate, key_type)
            })
            .collect();
        relvar_model::order::sort_by_key(&mut candidates[..], |candidate| {
            candidate.schema != table.schema
        });
        candidates.first().map(|found| **found)
    })
}

/// Whether the candidate's key has a type the column can reference.
fn compatible(cx: &Context<'_>, candidate: &Table, column_type: &crate::types::SqlType) -> bool {
    let Some(key) = candidate
        .primary_key
        .as_ref()
        .and_then(|key| key.columns.first())
        .and_then(|id| candidate.columns.iter().find(|c| c.id == *id))
    else {
        return false;
    };
    let Some(key_type) = cx.column_facts(candidate.id, key.id).map(|f| &f.resolved) else {
        return false;
    };
    key_type.canonical() == column_type.canonical()
        || (key_type.is_integer() && column_type.is_integer())
        || (key_type.is_uuid() && column_type.is_uuid())
        || (key_type.is_text() && column_type.is_text())
}

/// The column as a reference to `target` without a foreign key, which is its fix.
fn report_reference(
    cx: &Context<'_>,
    report: &mut Reporter<'_>,
    table: &Table,
    column: &Column,
    target: &Table,
) {
    let key = target
        .primary_key
        .as_ref()
        .map(|key| key.columns.clone())
        .unwrap_or_default();
    let key_name = column_names(cx.design, target.id, &key);
    let mut ids = cx.design.ids.clone();
    let foreign_key = ForeignKey {
        id: ids.foreign_key(),
        name: None,
        from_table: table.id,
        from_columns: vec![column.id],
        to_table: target.id,
        to_columns: key,
        on_delete: ReferentialAction::NoAction,
        on_update: ReferentialAction::NoAction,
        deferral: Default::default(),
    };
    let name = column_label(table, column);
    let parent = format!("{}({key_name})", target.display_name());
    report
        .column(
            table,
            column,
            format!("{name} looks like a reference to {parent} but has no foreign key"),
        )
        .also(ObjectRef::Table(target.id))
        .fix(Fix::new(
            format!("add a foreign key from {name} to {parent}"),
            Command::AddForeignKey { foreign_key },
        ));
}

/// A table's name as the entity it holds: its words made singular, joined by `_`.
fn entity_name(name: &str) -> String {
    let parts: Vec<String> = words(name).iter().map(|word| singular(word)).collect();
    parts.join("_")
}
