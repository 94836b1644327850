//! RV005: a foreign key column whose type or length differs from the column it references.

use crate::context::Context;
use crate::finding::{ObjectRef, column_label};
use crate::fixes::set_type;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV005",
    name: "foreign-key-type-mismatch",
    severity: Error,
    summary: "A referencing column's type or length differs from the type of the column it references.",
    why: "Values that fit the referenced column may not fit the referencing one (or the other way round), MySQL refuses such a foreign key, and joins along it compare values of two types, which can keep an index from being used.",
    example: "CREATE TABLE customer (id bigint PRIMARY KEY);\nCREATE TABLE rental (id int PRIMARY KEY, customer_id int REFERENCES customer (id));",
}

pub const SCOPE: Scope = Scope::Neighbours;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for fk in cx.checked_foreign_keys() {
        let (Some(from), Some(to)) = (cx.table(fk.from_table), cx.table(fk.to_table)) else {
            continue;
        };
        for (from_id, to_id) in fk.from_columns.iter().zip(&fk.to_columns) {
            let (Some(from_column), Some(to_column)) = (
                from.columns.iter().find(|c| c.id == *from_id),
                to.columns.iter().find(|c| c.id == *to_id),
            ) else {
                continue;
            };
            let (Some(from_facts), Some(to_facts)) = (
                cx.column_facts(from.id, from_column.id),
                cx.column_facts(to.id, to_column.id),
            ) else {
                continue;
            };
            if from_facts.canonical == to_facts.canonical {
                continue;
            }
            report
                .column(
                    from,
                    from_column,
                    format!(
                        "{} is {} but {}, which it references, is {}",
                        column_label(from, from_column),
                        from_column.data_type,
                        column_label(to, to_column),
                        to_column.data_type
                    ),
                )
                .also(ObjectRef::column(to.id, to_column.id))
                .also(ObjectRef::ForeignKey(fk.id))
                .fix(set_type(from, from_column, &to_column.data_type));
        }
    }
}
