//! RV012: PostgreSQL `varchar(n)` columns, where `text` with a check serves.

use crate::context::Context;
use crate::finding::column_label;
use crate::fixes::text_with_length_check;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};
use relvar_model::Dialect;

rule_info! {
    code: "RV012",
    name: "varchar-with-length",
    severity: Info,
    summary: "A PostgreSQL column is `varchar(n)`.",
    why: "In PostgreSQL `varchar(n)` is `text` with a length check built into the type: it is no faster, and changing n means ALTER COLUMN TYPE under an exclusive lock (a rewrite when it shrinks). `text` with a CHECK constraint states the same limit and can be changed with ADD CONSTRAINT ... NOT VALID and VALIDATE, without blocking.",
    example: "CREATE TABLE customer (id int PRIMARY KEY, email varchar(255) NOT NULL);",
}

pub const SCOPE: Scope = Scope::Table;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for (table, column, facts) in cx.entity_columns_in(Dialect::PostgreSql) {
        let parsed = &facts.written;
        let Some(length) = parsed.length().filter(|_| parsed.base == "varchar") else {
            continue;
        };
        if !parsed.rest.is_empty() {
            continue;
        }
        report
            .column(
                table,
                column,
                format!(
                    "{} is {}; text with a CHECK on its length can change without a lock",
                    column_label(table, column),
                    column.data_type
                ),
            )
            .fix(text_with_length_check(table, column, length));
    }
}
