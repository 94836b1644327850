//! RV006: a foreign key that references columns which are not a key of their table.

use relvar_model::{Command, UniqueConstraint};

use crate::context::Context;
use crate::finding::{Fix, ObjectRef, column_names};
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV006",
    name: "foreign-key-to-non-unique-columns",
    severity: Error,
    summary: "A foreign key references columns that are not the primary key or a unique constraint (or unique index) of the referenced table.",
    why: "A reference must name exactly one row: PostgreSQL, SQL Server and SQLite reject such a foreign key, and MySQL accepts it with meaning nobody can rely on (a child row then matches several parents).",
    example: "CREATE TABLE country (id int PRIMARY KEY, code char(2));\nCREATE TABLE city (id int PRIMARY KEY, country_code char(2) REFERENCES country (code));",
}

pub const SCOPE: Scope = Scope::Neighbours;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for fk in cx.checked_foreign_keys() {
        let Some(to) = cx.table(fk.to_table) else {
            continue;
        };
        if fk.to_columns.is_empty() || to.is_unique_key(&fk.to_columns) {
            continue;
        }
        let columns = column_names(cx.design, to.id, &fk.to_columns);
        let mut unique = to.clone();
        unique.uniques.push(UniqueConstraint {
            name: None,
            columns: fk.to_columns.clone(),
        });
        report
            .foreign_key(
                fk,
                format!(
                    "the foreign key references {}({columns}), which is neither its primary key nor unique",
                    to.display_name()
                ),
            )
            .also(ObjectRef::Table(to.id))
            .fix(Fix::new(
                format!("add a unique constraint on {}({columns})", to.display_name()),
                Command::ReplaceTable(Box::new(unique)),
            ));
    }
}
