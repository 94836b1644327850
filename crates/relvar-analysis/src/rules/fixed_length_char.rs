//! RV011: PostgreSQL `char(n)` columns.

use crate::context::Context;
use crate::finding::column_label;
use crate::fixes::text_with_length_check;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};
use relvar_model::Dialect;

rule_info! {
    code: "RV011",
    name: "fixed-length-char",
    severity: Warning,
    summary: "A PostgreSQL column is `char(n)` (`character(n)`, blank-padded).",
    why: "`char(n)` pads values with spaces to n characters, ignores trailing spaces when comparing but not in LIKE or when concatenating, and is no faster than `text` in PostgreSQL. `text` with a CHECK on its length says the same without the surprises.",
    example: "CREATE TABLE country (code char(2) PRIMARY KEY, name text NOT NULL);",
}

pub const SCOPE: Scope = Scope::Table;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for (table, column, facts) in cx.entity_columns_in(Dialect::PostgreSql) {
        let parsed = &facts.written;
        if parsed.base != "char" || !parsed.rest.is_empty() {
            continue;
        }
        let length = parsed.length().unwrap_or(1);
        report
            .column(
                table,
                column,
                format!(
                    "{} is {}, which pads values with spaces",
                    column_label(table, column),
                    column.data_type
                ),
            )
            .fix(text_with_length_check(table, column, length));
    }
}
