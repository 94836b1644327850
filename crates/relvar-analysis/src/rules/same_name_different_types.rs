//! RV017: an identifier-like column name (`customer_id`, `order_uuid`, `sku_key`) with different
//! types in different tables.

use std::collections::BTreeMap;

use crate::context::Context;
use crate::finding::ObjectRef;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV017",
    name: "same-name-different-types",
    severity: Warning,
    summary: "A column name that identifies something (ending in id, uuid or key, other than a bare `id`) has different types in different tables.",
    why: "Columns with the same identifying name are joined and compared with each other; when their types differ every such join casts, an index on one side may not be usable, and values that fit one table do not fit the other.",
    example: "CREATE TABLE rental (id int PRIMARY KEY, customer_id int);\nCREATE TABLE payment (id int PRIMARY KEY, customer_id bigint);",
}

pub const SCOPE: Scope = Scope::Design;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    // Per lower-case name: (type, table, column) for each column with it.
    let mut by_name: BTreeMap<String, Vec<(String, ObjectRef, String)>> = BTreeMap::new();
    for (table, column, facts) in cx.entity_columns() {
        let parts = &facts.words;
        let identifying = parts.len() >= 2
            && parts
                .last()
                .is_some_and(|last| matches!(last.as_str(), "id" | "uuid" | "key"));
        if !identifying {
            continue;
        }
        let object = ObjectRef::column(table.id, column.id);
        let canonical = facts.canonical.clone();
        by_name
            .entry(column.name.to_lowercase())
            .or_default()
            .push((canonical, object, table.display_name()));
    }
    for (name, columns) in by_name {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (data_type, _, _) in &columns {
            *counts.entry(data_type.as_str()).or_default() += 1;
        }
        if counts.len() < 2 {
            continue;
        }
        // The most common type is the convention; ties go to the first in order.
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        relvar_model::order::sort_by(&mut ranked[..], |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let Some((usual, usual_count)) = ranked.first().copied() else {
            continue;
        };
        let tied = ranked
            .get(1)
            .is_some_and(|(_, count)| *count == usual_count);
        // With no most common type every column is listed; else those that differ from it.
        let others: Vec<&(String, ObjectRef, String)> = columns
            .iter()
            .filter(|(data_type, _, _)| tied || data_type != usual)
            .collect();
        let listed: Vec<String> = others
            .iter()
            .map(|(data_type, _, table)| format!("{data_type} in {table}"))
            .collect();
        let message = if tied {
            format!("{name} has different types: {}", listed.join(", "))
        } else {
            format!(
                "{name} is {usual} in {usual_count} tables but {}",
                listed.join(", ")
            )
        };
        report.on(
            others.iter().map(|(_, object, _)| *object).collect(),
            message,
        );
    }
}
