//! RV003: a foreign key whose columns lead no index, key or unique constraint.

use relvar_model::{ColumnId, IndexKey, Table};

use crate::context::Context;
use crate::finding::{ObjectRef, column_names};
use crate::fixes::add_index;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};
use relvar_model::same_columns;

rule_info! {
    code: "RV003",
    name: "foreign-key-without-index",
    severity: Warning,
    summary: "The referencing columns of a foreign key are not the leading columns of any index, primary key or unique constraint.",
    why: "Every delete or key update of a referenced row makes the database look for referencing rows; without an index that is a scan of the whole referencing table, under lock, and joins along the relationship cannot use an index either. MySQL creates such an index itself; PostgreSQL, SQLite and SQL Server do not.",
    example: "CREATE TABLE customer (id int PRIMARY KEY);\nCREATE TABLE rental (id int PRIMARY KEY, customer_id int REFERENCES customer (id));",
}

pub const SCOPE: Scope = Scope::Design;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    if cx.dialect.creates_foreign_key_indexes {
        return;
    }
    for fk in &cx.design.foreign_keys {
        let Some(table) = cx.table(fk.from_table) else {
            continue;
        };
        if fk.from_columns.is_empty() || is_covered(table, &fk.from_columns) {
            continue;
        }
        let columns = column_names(cx.design, table.id, &fk.from_columns);
        let parent = cx
            .table(fk.to_table)
            .map_or_else(String::new, Table::display_name);
        report
            .foreign_key(
                fk,
                format!(
                    "no index leads with {}({columns}), the columns of its foreign key to {parent}: deleting or re-keying a {parent} row scans {}",
                    table.display_name(),
                    table.display_name()
                ),
            )
            .also(ObjectRef::Table(table.id))
            .fix(add_index(cx, table, &fk.from_columns));
    }
}

/// Whether the primary key, a unique constraint or an index over every row starts with exactly
/// these columns, in any order.
pub(crate) fn is_covered(table: &Table, columns: &[ColumnId]) -> bool {
    let leads = |key: &[ColumnId]| {
        key.get(..columns.len())
            .is_some_and(|lead| same_columns(lead, columns))
    };
    let by_key = table
        .primary_key
        .as_ref()
        .is_some_and(|key| leads(&key.columns));
    let by_unique = table.uniques.iter().any(|unique| leads(&unique.columns));
    let by_index = table.indexes.iter().any(|index| {
        let ordered = index
            .method
            .as_deref()
            .is_none_or(|method| method.eq_ignore_ascii_case("btree"));
        let lead: Option<Vec<ColumnId>> = index.parts.get(..columns.len()).map(|parts| {
            parts
                .iter()
                .filter_map(|part| match part.key {
                    IndexKey::Column(id) => Some(id),
                    IndexKey::Expression(_) => None,
                })
                .collect()
        });
        ordered
            && index.predicate.is_none()
            && lead.is_some_and(|lead| same_columns(&lead, columns))
    });
    by_key || by_unique || by_index
}
