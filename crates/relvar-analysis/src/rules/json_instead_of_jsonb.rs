//! RV009: PostgreSQL `json` columns where `jsonb` serves better.

use relvar_model::Command;

use crate::context::Context;
use crate::finding::{Finding, ObjectRef};
use crate::rule::rule_info;
use relvar_model::Dialect;

rule_info! {
    code: "RV009",
    name: "json-instead-of-jsonb",
    severity: Warning,
    summary: "A PostgreSQL column is `json` rather than `jsonb`.",
    why: "`json` keeps the text as written and parses it again on every access; it has no equality operator (so no DISTINCT, GROUP BY or unique index) and no GIN indexing. `jsonb` is parsed once, supports containment queries and indexes; keep `json` only when key order or duplicate keys must survive.",
    example: "CREATE TABLE event (id int PRIMARY KEY, payload json NOT NULL);",
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !cx.is(Dialect::PostgreSql) {
        return;
    }
    for (table, column, facts) in cx.entity_columns() {
        let parsed = &facts.written;
        if parsed.base != "json" || !parsed.args.is_empty() || !parsed.rest.is_empty() {
            continue;
        }
        let name = format!("{}.{}", table.display_name(), column.name);
        out.push(
            Finding::new(
                &INFO,
                vec![ObjectRef::Column {
                    table: table.id,
                    column: column.id,
                }],
                format!("{name} is json; jsonb is parsed once and can be indexed"),
            )
            .with_fix(
                format!("make {name} jsonb"),
                Command::SetColumnType {
                    table: table.id,
                    column: column.id,
                    data_type: String::from("jsonb"),
                },
            ),
        );
    }
}
