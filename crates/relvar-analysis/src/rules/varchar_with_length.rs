//! RV012: PostgreSQL `varchar(n)` columns, where `text` with a check serves.

use crate::context::Context;
use crate::finding::{Finding, ObjectRef};
use crate::fixes::text_with_length_check;
use crate::rule::rule_info;
use relvar_model::Dialect;

rule_info! {
    code: "RV012",
    name: "varchar-with-length",
    severity: Info,
    summary: "A PostgreSQL column is `varchar(n)`.",
    why: "In PostgreSQL `varchar(n)` is `text` with a length check built into the type: it is no faster, and changing n means ALTER COLUMN TYPE under an exclusive lock (a rewrite when it shrinks). `text` with a CHECK constraint states the same limit and can be changed with ADD CONSTRAINT ... NOT VALID and VALIDATE, without blocking.",
    example: "CREATE TABLE customer (id int PRIMARY KEY, email varchar(255) NOT NULL);",
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !cx.is(Dialect::PostgreSql) {
        return;
    }
    for (table, column, facts) in cx.entity_columns() {
        let parsed = &facts.written;
        let Some(length) = parsed.length().filter(|_| parsed.base == "varchar") else {
            continue;
        };
        if !parsed.rest.is_empty() {
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
                format!(
                    "{name} is {}; text with a CHECK on its length can change without a lock",
                    column.data_type
                ),
            )
            .with_fix(
                format!(
                    "make {name} text with CHECK (char_length({}) <= {length})",
                    column.name
                ),
                text_with_length_check(table, column, length),
            ),
        );
    }
}
