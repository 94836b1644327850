//! RV021: a table that no foreign key joins to the rest of a design that has foreign keys.

use crate::context::Context;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV021",
    name: "table-without-relationships",
    severity: Info,
    summary: "In a design with foreign keys, a table neither references nor is referenced by any other table.",
    why: "An island is often a relationship that was never declared (so nothing checks it), a leftover nobody uses any more, or a lookup whose users compare by value; each is worth a decision. Partitions, which belong to their parent, are not counted.",
    example: "CREATE TABLE customer (id int PRIMARY KEY);\nCREATE TABLE rental (id int PRIMARY KEY, customer_id int REFERENCES customer (id));\nCREATE TABLE settings (name text PRIMARY KEY, value text);",
}

pub const SCOPE: Scope = Scope::Design;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    let joins_tables = cx
        .design
        .foreign_keys
        .iter()
        .any(|fk| fk.from_table != fk.to_table);
    if !joins_tables || cx.design.tables.len() < 2 {
        return;
    }
    for table in cx.entity_tables() {
        let others =
            |fks: &[&relvar_model::ForeignKey]| fks.iter().any(|fk| fk.from_table != fk.to_table);
        let related =
            others(cx.foreign_keys_from(table.id)) || others(cx.foreign_keys_to(table.id));
        if !related {
            report.table(
                table,
                format!(
                    "table {} has no foreign key to or from another table",
                    table.display_name()
                ),
            );
        }
    }
}
