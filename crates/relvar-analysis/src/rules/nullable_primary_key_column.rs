//! RV002: a primary key column that allows NULL.

use relvar_model::Command;

use crate::context::Context;
use crate::finding::{Fix, column_label};
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV002",
    name: "nullable-primary-key-column",
    severity: Error,
    summary: "A column of a primary key is declared to allow NULL.",
    why: "A primary key identifies every row, so none of its columns may be NULL: PostgreSQL and SQL Server silently make such columns NOT NULL, MySQL refuses or changes them, and the design then says something the database does not do.",
    example: "CREATE TABLE tag (name text PRIMARY KEY NULL);",
}

pub const SCOPE: Scope = Scope::Table;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for table in cx.checked_tables() {
        let Some(key) = &table.primary_key else {
            continue;
        };
        for column in &table.columns {
            if !column.nullable || !key.columns.contains(&column.id) {
                continue;
            }
            let name = column_label(table, column);
            report
                .column(
                    table,
                    column,
                    format!("{name} is in the primary key but allows NULL"),
                )
                .fix(Fix::new(
                    format!("make {name} NOT NULL"),
                    Command::SetColumnNullable {
                        table: table.id,
                        column: column.id,
                        nullable: false,
                    },
                ));
        }
    }
}
