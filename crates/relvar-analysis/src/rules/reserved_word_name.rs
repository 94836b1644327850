//! RV014: a table or column named by one of the engine's reserved words.

use crate::context::Context;
use crate::finding::column_label;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV014",
    name: "reserved-word-name",
    severity: Warning,
    summary: "A table or column is named by a word the design's engine reserves (`order`, `user`, `group`, MySQL's `key`, ...).",
    why: "Every query, migration and tool must then quote the name, in the engine's own way; one that forgets gets a syntax error, and moving to another engine makes other names reserved.",
    example: "CREATE TABLE \"order\" (id int PRIMARY KEY, \"user\" text);",
}

pub const SCOPE: Scope = Scope::Table;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    let engine = cx.dialect.name;
    for table in cx.entity_tables() {
        if cx.dialect.is_reserved(&table.name) {
            report.table(
                table,
                format!(
                    "table {} is named by a reserved word of {engine}, so every query must quote it",
                    table.display_name()
                ),
            );
        }
        for column in &table.columns {
            if cx.dialect.is_reserved(&column.name) {
                report.column(
                    table,
                    column,
                    format!(
                        "column {} is named by a reserved word of {engine}, so every query must quote it",
                        column_label(table, column)
                    ),
                );
            }
        }
    }
}
