//! RV009: PostgreSQL `json` columns where `jsonb` serves better.

use crate::context::Context;
use crate::finding::column_label;
use crate::fixes::set_type;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};
use relvar_model::Dialect;

rule_info! {
    code: "RV009",
    name: "json-instead-of-jsonb",
    severity: Warning,
    summary: "A PostgreSQL column is `json` rather than `jsonb`.",
    why: "`json` keeps the text as written and parses it again on every access; it has no equality operator (so no DISTINCT, GROUP BY or unique index) and no GIN indexing. `jsonb` is parsed once, supports containment queries and indexes; keep `json` only when key order or duplicate keys must survive.",
    example: "CREATE TABLE event (id int PRIMARY KEY, payload json NOT NULL);",
}

pub const SCOPE: Scope = Scope::Table;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for (table, column, facts) in cx.entity_columns_in(Dialect::PostgreSql) {
        let parsed = &facts.written;
        if parsed.base != "json" || !parsed.args.is_empty() || !parsed.rest.is_empty() {
            continue;
        }
        report
            .column(
                table,
                column,
                format!(
                    "{} is json; jsonb is parsed once and can be indexed",
                    column_label(table, column)
                ),
            )
            .fix(set_type(table, column, "jsonb"));
    }
}
