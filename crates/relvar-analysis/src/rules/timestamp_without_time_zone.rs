//! RV008: PostgreSQL `timestamp` (without time zone) columns.

use relvar_model::Command;

use crate::context::Context;
use crate::finding::{Finding, ObjectRef};
use crate::rule::rule_info;
use relvar_model::Dialect;

rule_info! {
    code: "RV008",
    name: "timestamp-without-time-zone",
    severity: Warning,
    summary: "A PostgreSQL column is `timestamp` (without time zone) rather than `timestamptz`.",
    why: "`timestamp` stores a wall-clock reading with no zone: the same instant written from two sessions with different TimeZone settings is stored as two different values, and daylight-saving changes make times ambiguous. `timestamptz` stores the instant (in UTC) and takes the same space.",
    example: "CREATE TABLE rental (id int PRIMARY KEY, rented_at timestamp NOT NULL);",
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !cx.is(Dialect::PostgreSql) {
        return;
    }
    for (table, column, facts) in cx.entity_columns() {
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
        let name = format!("{}.{}", table.display_name(), column.name);
        let mut finding = Finding::new(
            &INFO,
            vec![ObjectRef::Column {
                table: table.id,
                column: column.id,
            }],
            format!("{name} is {}, which records no time zone", column.data_type),
        );
        if direct {
            finding = finding.with_fix(
                format!("make {name} {replacement}"),
                Command::SetColumnType {
                    table: table.id,
                    column: column.id,
                    data_type: replacement,
                },
            );
        }
        out.push(finding);
    }
}
