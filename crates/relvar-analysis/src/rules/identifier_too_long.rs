//! RV015: a name longer than the engine keeps (PostgreSQL 63 bytes, MySQL 64 and SQL Server 128
//! characters).

use crate::context::Context;
use crate::finding::ObjectRef;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};
use relvar_model::IdentifierLimit;

rule_info! {
    code: "RV015",
    name: "identifier-too-long",
    severity: Error,
    summary: "A table, column, index or constraint name is longer than the design's engine allows (PostgreSQL 63 bytes, MySQL 64 characters, SQL Server 128 characters).",
    why: "PostgreSQL silently truncates longer names, so two names that differ only after the limit collide and the name in the database is not the one in the code; MySQL and SQL Server refuse the DDL.",
    example: "CREATE TABLE customer_subscription_billing_address_history_for_regulatory_reporting (id int PRIMARY KEY);",
}

pub const SCOPE: Scope = Scope::Table;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    let Some(limit) = cx.dialect.identifier_limit else {
        return;
    };
    let mut judge = |object: ObjectRef, what: String, name: &str| {
        if limit.length(name) > limit.max {
            report.on(vec![object], message(cx, limit, &what, name));
        }
    };
    for table in cx.checked_tables() {
        let shown = table.display_name();
        judge(
            ObjectRef::Table(table.id),
            format!("table {shown}"),
            &table.name,
        );
        for column in &table.columns {
            judge(
                ObjectRef::column(table.id, column.id),
                format!("column {shown}.{}", column.name),
                &column.name,
            );
        }
        for (position, index) in table.indexes.iter().enumerate() {
            if let Some(name) = &index.name {
                let object = ObjectRef::Index {
                    table: table.id,
                    position,
                };
                judge(object, format!("index {name} on {shown}"), name);
            }
        }
        let constraint_names = table
            .primary_key
            .iter()
            .filter_map(|key| key.name.as_ref())
            .chain(
                table
                    .uniques
                    .iter()
                    .filter_map(|unique| unique.name.as_ref()),
            )
            .chain(table.checks.iter().filter_map(|check| check.name.as_ref()));
        for name in constraint_names {
            judge(
                ObjectRef::Table(table.id),
                format!("constraint {name} on {shown}"),
                name,
            );
        }
    }
    for fk in cx.checked_foreign_keys() {
        if let Some(name) = &fk.name {
            judge(
                ObjectRef::ForeignKey(fk.id),
                format!("foreign key {name}"),
                name,
            );
        }
    }
}

fn message(cx: &Context<'_>, limit: IdentifierLimit, what: &str, name: &str) -> String {
    let unit = if limit.counts_bytes {
        "bytes"
    } else {
        "characters"
    };
    format!(
        "the name of {what} is {} {unit} long; {} keeps at most {}",
        limit.length(name),
        cx.dialect.name,
        limit.max
    )
}
