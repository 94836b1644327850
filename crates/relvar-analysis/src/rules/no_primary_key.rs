//! RV001: a table without a primary key.

use relvar_model::Command;

use crate::context::Context;
use crate::finding::{Finding, ObjectRef};
use crate::rule::rule_info;

rule_info! {
    code: "RV001",
    name: "no-primary-key",
    severity: Error,
    summary: "A table has no primary key.",
    why: "Without a primary key nothing stops two rows from being identical, rows cannot be referenced by foreign keys, replication and ORMs need one, and updates or deletes of one row cannot name it.",
    example: "CREATE TABLE event_log (happened_at timestamptz, message text);",
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for table in &cx.design.tables {
        // A partition takes its keys from its partitioned table.
        if table.primary_key.is_some() || table.partition_of.is_some() {
            continue;
        }
        let mut finding = Finding::new(
            &INFO,
            vec![ObjectRef::Table(table.id)],
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
            let names = crate::finding::column_names(cx.design, table.id, &columns);
            finding = finding.with_fix(
                format!("make ({names}) the primary key of {}", table.display_name()),
                Command::SetPrimaryKey {
                    table: table.id,
                    columns,
                },
            );
        }
        out.push(finding);
    }
}
