//! RV015: a name longer than the engine keeps (PostgreSQL 63 bytes, MySQL 64 and SQL Server 128
//! characters).

use crate::context::Context;
use crate::finding::{Finding, ObjectRef};
use crate::rule::rule_info;
use relvar_model::IdentifierLimit;

rule_info! {
    code: "RV015",
    name: "identifier-too-long",
    severity: Error,
    summary: "A table, column, index or constraint name is longer than the design's engine allows (PostgreSQL 63 bytes, MySQL 64 characters, SQL Server 128 characters).",
    why: "PostgreSQL silently truncates longer names, so two names that differ only after the limit collide and the name in the database is not the one in the code; MySQL and SQL Server refuse the DDL.",
    example: "CREATE TABLE customer_subscription_billing_address_history_for_regulatory_reporting (id int PRIMARY KEY);",
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(limit) = cx.dialect.identifier_limit else {
        return;
    };
    let mut report = |object: ObjectRef, what: String, name: &str| {
        if limit.length(name) > limit.max {
            out.push(Finding::new(
                &INFO,
                vec![object],
                message(cx, limit, &what, name),
            ));
        }
    };
    for table in &cx.design.tables {
        let shown = table.display_name();
        report(
            ObjectRef::Table(table.id),
            format!("table {shown}"),
            &table.name,
        );
        for column in &table.columns {
            let object = ObjectRef::Column {
                table: table.id,
                column: column.id,
            };
            report(
                object,
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
                report(object, format!("index {name} on {shown}"), name);
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
            report(
                ObjectRef::Table(table.id),
                format!("constraint {name} on {shown}"),
                name,
            );
        }
    }
    for fk in &cx.design.foreign_keys {
        if let Some(name) = &fk.name {
            report(
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
