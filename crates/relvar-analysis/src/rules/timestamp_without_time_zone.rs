//! RV008: PostgreSQL `timestamp` (without time zone) columns.

use crate::context::Context;
use crate::finding::column_label;
use crate::fixes::set_type;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};
use relvar_model::Dialect;

rule_info! {
    code: "RV008",
    name: "timestamp-without-time-zone",
    severity: Warning,
    summary: "A PostgreSQL column is `timestamp` (without time zone) rather than `timestamptz`.",
    why: "`timestamp` stores a wall-clock reading with no zone: the same instant written from two sessions with different TimeZone settings is stored as two different values, and daylight-saving changes make times ambiguous. `timestamptz` stores the instant (in UTC) and takes the same space.",
    example: "CREATE TABLE rental (id int PRIMARY KEY, rented_at timestamp NOT NULL);",
}

pub const SCOPE: Scope = Scope::Table;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for (table, column, facts) in cx.entity_columns_in(Dialect::PostgreSql) {
        let parsed = &facts.resolved;
        if parsed.base != "timestamp" || !parsed.rest.is_empty() {
            continue;
        }
        // Only the column's own type is changed; a domain's is the domain's business.
        let direct = facts.written.base == "timestamp";
        let replacement = if parsed.args.is_empty() {
            String::from("timestamp with time zone")
        } else {
            format!("timestamp({}) with time zone", parsed.args)
        };
        let mut finding = report.column(
            table,
            column,
            format!(
                "{} is {}, which records no time zone",
                column_label(table, column),
                column.data_type
            ),
        );
        if direct {
            finding.fix(set_type(table, column, replacement));
        }
    }
}
