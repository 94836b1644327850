//! RV013: a primary key filled with random (version 4) UUIDs.

use relvar_model::Command;

use crate::context::Context;
use crate::finding::{Fix, column_label};
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV013",
    name: "random-uuid-key",
    severity: Warning,
    summary: "A single-column primary key defaults to a random UUID (gen_random_uuid(), uuid_generate_v4(), NEWID(), UUID()).",
    why: "Random keys land anywhere in the key's B-tree, so every insert touches a different page: the index grows fragmented, caches stop helping, and write-ahead logging grows with full-page writes. Time-ordered ids (UUIDv7, PostgreSQL 18's uuidv7(), SQL Server's NEWSEQUENTIALID()) insert at the end like a sequence while staying globally unique.",
    example: "CREATE TABLE session (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), started_at timestamptz);",
}

pub const SCOPE: Scope = Scope::Table;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for table in cx.entity_tables() {
        let Some([key]) = table.primary_key.as_ref().map(|key| key.columns.as_slice()) else {
            continue;
        };
        let Some(column) = table.columns.iter().find(|column| column.id == *key) else {
            continue;
        };
        let Some(default) = &column.default else {
            continue;
        };
        let spelled: String = default
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if !cx.dialect.random_uuid_defaults.contains(&spelled.as_str()) {
            continue;
        }
        let name = column_label(table, column);
        let mut finding = report.column(
            table,
            column,
            format!(
                "primary key {name} defaults to {default}, a random UUID: inserts scatter over the key's index"
            ),
        );
        if let Some(ordered) = cx.dialect.ordered_uuid_default {
            finding.fix(Fix::new(
                format!("make {name} default to {ordered}, a time-ordered UUID"),
                Command::SetColumnDefault {
                    table: table.id,
                    column: column.id,
                    default: Some(ordered.to_owned()),
                },
            ));
        }
    }
}
