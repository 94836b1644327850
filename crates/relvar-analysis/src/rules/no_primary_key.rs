//! RV001: a table without a primary key.

use relvar_model::Command;

use crate::context::Context;
use crate::finding::{Fix, column_names};
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV001",
    name: "no-primary-key",
    severity: Error,
    summary: "A table has no primary key.",
    why: "Without a primary key nothing stops two rows from being identical, rows cannot be referenced by foreign keys, replication and ORMs need one, and updates or deletes of one row cannot name it.",
    example: "CREATE TABLE event_log (happened_at timestamptz, message text);",
}

pub const SCOPE: Scope = Scope::Table;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    // A partition takes its keys from its partitioned table.
    for table in cx.entity_tables() {
        if table.primary_key.is_some() {
            continue;
        }
        let mut finding = report.table(
            table,
            format!("table {} has no primary key", table.display_name()),
        );
        // The first unique constraint over NOT NULL columns, or else a column called `id`,
        // becomes the key.
        let unique = table.uniques.iter().find(|unique| {
            unique.columns.iter().all(|id| {
                table
                    .columns
                    .iter()
                    .any(|column| column.id == *id && !column.nullable)
            })
        });
        let candidate = unique.map(|unique| unique.columns.clone()).or_else(|| {
            table
                .columns
                .iter()
                .find(|column| column.name.eq_ignore_ascii_case("id"))
                .map(|column| vec![column.id])
        });
        if let Some(columns) = candidate {
            let names = column_names(cx.design, table.id, &columns);
            finding.fix(Fix::new(
                format!("make ({names}) the primary key of {}", table.display_name()),
                Command::SetPrimaryKey {
                    table: table.id,
                    columns,
                },
            ));
        }
    }
}
