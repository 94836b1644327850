//! RV030: a table with a soft-delete column whose unique indexes still count deleted rows.

use relvar_model::{Column, ColumnId, Command, Index, Table, UniqueConstraint};

use crate::context::Context;
use crate::finding::{Fix, ObjectRef, column_names};
use crate::report::{Reported, Reporter};
use crate::rule::{Scope, rule_info};
use relvar_model::same_columns;

rule_info! {
    code: "RV030",
    name: "soft-delete-without-partial-unique",
    severity: Warning,
    summary: "A table marks deleted rows (`deleted_at`, `is_deleted`, `archived_at`, ...) but a unique constraint or index over other columns covers deleted rows too.",
    why: "Once a row is soft-deleted its values stay taken: a customer who deletes their account can never sign up again with the same email. A partial (filtered) unique index over the live rows only (`WHERE deleted_at IS NULL`) keeps uniqueness where it matters. MySQL has no partial indexes, so the rule does not apply there.",
    example: "CREATE TABLE account (id int PRIMARY KEY, email text NOT NULL UNIQUE, deleted_at timestamptz);",
}

pub const SCOPE: Scope = Scope::Neighbours;

const SOFT_DELETE: &[&str] = &[
    "archived_at",
    "deleted",
    "deleted_at",
    "deleted_on",
    "is_archived",
    "is_deleted",
    "removed_at",
];

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    if !cx.dialect.partial_indexes {
        return;
    }
    for table in cx.entity_tables() {
        let Some(marker) = table
            .columns
            .iter()
            .find(|column| SOFT_DELETE.contains(&column.name.to_lowercase().as_str()))
        else {
            continue;
        };
        let live = live_rows(cx, table, marker);
        for (position, unique) in table.uniques.iter().enumerate() {
            if unique.columns.contains(&marker.id) {
                continue;
            }
            let mut finding = report_unique(
                cx,
                report,
                table,
                marker,
                &unique.columns,
                ObjectRef::Table(table.id),
            );
            let referenced = cx
                .foreign_keys_to(table.id)
                .iter()
                .any(|fk| same_columns(&fk.to_columns, &unique.columns));
            if let (Some(predicate), false) = (&live, referenced) {
                finding.fix(Fix::new(
                    format!("make the unique constraint a unique index WHERE {predicate}"),
                    constraint_to_partial_index(table, position, unique, predicate),
                ));
            }
        }
        for (position, index) in table.indexes.iter().enumerate() {
            let columns: Vec<_> = index.key_columns().collect();
            if !index.unique || index.predicate.is_some() || columns.contains(&marker.id) {
                continue;
            }
            let object = ObjectRef::Index {
                table: table.id,
                position,
            };
            let mut finding = report_unique(cx, report, table, marker, &columns, object);
            if let Some(predicate) = &live {
                let mut changed = table.clone();
                if let Some(target) = changed.indexes.get_mut(position) {
                    target.predicate = Some(predicate.clone());
                }
                finding.fix(Fix::new(
                    format!("index only the rows WHERE {predicate}"),
                    Command::ReplaceTable(Box::new(changed)),
                ));
            }
        }
    }
}

/// Unique `columns` that count deleted rows too; `object` is the index, or the table for a
/// unique constraint.
fn report_unique<'r>(
    cx: &Context<'_>,
    report: &'r mut Reporter<'_>,
    table: &Table,
    marker: &Column,
    columns: &[ColumnId],
    object: ObjectRef,
) -> Reported<'r> {
    let names = column_names(cx.design, table.id, columns);
    let mut objects = vec![object];
    if !matches!(object, ObjectRef::Table(_)) {
        objects.push(ObjectRef::Table(table.id));
    }
    objects.push(ObjectRef::column(table.id, marker.id));
    report.on(
        objects,
        format!(
            "{}({names}) is unique over deleted rows too, though {} marks rows deleted",
            table.display_name(),
            marker.name
        ),
    )
}

/// The predicate of the rows not deleted: `x IS NULL` for a timestamp, `NOT x` for a boolean.
fn live_rows(cx: &Context<'_>, table: &Table, marker: &Column) -> Option<String> {
    let facts = cx.column_facts(table.id, marker.id)?;
    let base = facts.resolved.base.as_str();
    if base.starts_with("timestamp") || base == "date" || base == "datetime" || base == "datetime2"
    {
        Some(format!("{} IS NULL", marker.name))
    } else if base == "boolean" {
        Some(format!("NOT {}", marker.name))
    } else {
        None
    }
}

/// The table with the unique constraint at `position` replaced by a partial unique index.
fn constraint_to_partial_index(
    table: &Table,
    position: usize,
    unique: &UniqueConstraint,
    predicate: &str,
) -> Command {
    let mut changed = table.clone();
    if position < changed.uniques.len() {
        changed.uniques.remove(position);
    }
    changed.indexes.push(Index {
        name: unique.name.clone(),
        unique: true,
        predicate: Some(predicate.to_owned()),
        ..Index::on_columns(&unique.columns)
    });
    Command::ReplaceTable(Box::new(changed))
}
