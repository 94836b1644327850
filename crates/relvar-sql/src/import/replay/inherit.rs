//! PostgreSQL table inheritance: `CREATE TABLE c (...) INHERITS (p)` gives `c` the columns of `p`
//! first, merging columns of the same name, and `p`'s checks under the names they have in `p`; ALTER TABLE on `p` without ONLY reaches
//! its inheritors' columns too. The parents stay named in the table's `INHERITS (...)` option.

use relvar_model::{Column, Table, TableId};
use sqlparser::ast::{AlterTableOperation, ObjectName, TableConstraint};

use super::constraints::mentioned_columns;
use super::rules::{ReplayRules, same_name};
use crate::dialect::{Dialect, SqlSyntax};
use crate::import::Importer;
use crate::import::names::QualifiedName;

impl Importer {
    /// Puts the columns of `parents` (design tables) before `table`'s own, merging a column
    /// the table declares again; copies the parents' checks.
    pub(in crate::import) fn inherit_columns(
        &mut self,
        table: &mut Table,
        parents: Option<&Vec<ObjectName>>,
    ) {
        let Some(parents) = parents else {
            return;
        };
        let dialect = self.dialect;
        let mut columns: Vec<Column> = Vec::new();
        for parent in parents {
            let Some(parent) = QualifiedName::from_object_name(parent, dialect)
                .and_then(|name| self.table_named(&name))
                .and_then(|id| self.design.table(id))
                .cloned()
            else {
                continue;
            };
            for column in &parent.columns {
                if let Some(known) = columns
                    .iter_mut()
                    .find(|c| same_name(&c.name, &column.name, dialect))
                {
                    known.nullable &= column.nullable;
                    continue;
                }
                let mut inherited = column.clone();
                inherited.id = self.design.ids.column();
                inherited.identity = None;
                inherited.comment = None;
                columns.push(inherited);
            }
            let mut unnamed = 0;
            for mut check in parent.checks.clone() {
                if check.name.is_none() {
                    unnamed += 1;
                    let mentioned = mentioned_columns(&parent, &check.expression, dialect);
                    let mentioned: Vec<&str> = mentioned.iter().map(String::as_str).collect();
                    check.name = dialect
                        .check_names(&parent.name, &mentioned, unnamed)
                        .into_iter()
                        .next();
                }
                if !table.checks.contains(&check) {
                    table.checks.push(check);
                }
            }
        }
        for own in std::mem::take(&mut table.columns) {
            match columns
                .iter_mut()
                .find(|c| same_name(&c.name, &own.name, dialect))
            {
                Some(inherited) => {
                    let nullable = inherited.nullable && own.nullable;
                    let default = own.default.clone().or_else(|| inherited.default.take());
                    *inherited = own;
                    inherited.nullable = nullable;
                    inherited.default = default;
                }
                None => columns.push(own),
            }
        }
        table.columns = columns;
    }

    /// The tables that name `parent` in their `INHERITS (...)`.
    pub(super) fn inheritors(&self, parent: TableId) -> Vec<TableId> {
        let Some(parent_name) = self.design.table(parent).map(|table| table.name.as_str()) else {
            return Vec::new();
        };
        self.design
            .tables
            .iter()
            .filter(|table| table.id != parent && inherits(table))
            .filter(|table| {
                parents_of(table).iter().any(|name| {
                    let parts: Vec<String> = name.split('.').map(str::to_owned).collect();
                    parts
                        .last()
                        .is_some_and(|last| last.eq_ignore_ascii_case(parent_name))
                        && QualifiedName::from_parts(parts).and_then(|name| self.table_named(&name))
                            == Some(parent)
                })
            })
            .map(|table| table.id)
            .collect()
    }

    /// A parent was renamed from `old` (qualified name, name) to `new`: its inheritors'
    /// `INHERITS (...)` follow.
    pub(super) fn rename_parent(&mut self, old: &(String, String), new: &str) {
        let dialect = self.dialect;
        let write = |name: &str| -> String {
            name.split('.')
                .map(|part| dialect.quote(part))
                .collect::<Vec<_>>()
                .join(".")
        };
        for table in self
            .design
            .tables
            .iter_mut()
            .filter(|table| inherits(table))
        {
            let mut renamed = false;
            let parents: Vec<String> = parents_of(table)
                .iter()
                .map(|parent| {
                    if parent.eq_ignore_ascii_case(&old.0) || parent.eq_ignore_ascii_case(&old.1) {
                        renamed = true;
                        write(new)
                    } else {
                        write(parent)
                    }
                })
                .collect();
            if renamed {
                table
                    .verbatim_options
                    .retain(|option| !option.starts_with("INHERITS ("));
                table
                    .verbatim_options
                    .insert(0, format!("INHERITS ({})", parents.join(", ")));
            }
        }
    }

    /// Applies an ALTER TABLE operation made on `parent` without ONLY to every table inheriting
    /// from it, directly or not, once each, when the engine carries it down (columns, checks).
    pub(in crate::import) fn alter_inheritors(
        &mut self,
        parent: TableId,
        operation: &AlterTableOperation,
    ) {
        let carried = matches!(
            operation,
            AlterTableOperation::AddColumn { .. }
                | AlterTableOperation::DropColumn { .. }
                | AlterTableOperation::RenameColumn { .. }
                | AlterTableOperation::AlterColumn { .. }
                | AlterTableOperation::AddConstraint {
                    constraint: TableConstraint::Check(_),
                    ..
                }
        );
        if !carried || self.dialect != Dialect::PostgreSql {
            return;
        }
        let mut reached = vec![parent];
        let mut seen = std::collections::BTreeSet::from([parent]);
        let mut next = 0;
        while let Some(&table) = reached.get(next) {
            next += 1;
            for child in self.inheritors(table) {
                if seen.insert(child) {
                    reached.push(child);
                }
            }
        }
        for child in reached.into_iter().skip(1) {
            if let Some(name) = self.design.table(child).map(super::columns::name_of) {
                let _ = self.apply_operation(child, &name, operation);
            }
        }
    }
}

/// The parents a table's `INHERITS (...)` option names, unquoted, as written.
fn parents_of(table: &Table) -> Vec<String> {
    table
        .verbatim_options
        .iter()
        .filter_map(|option| option.strip_prefix("INHERITS ("))
        .filter_map(|rest| rest.strip_suffix(')'))
        .flat_map(|list| list.split(','))
        .map(|name| name.trim().replace(['"', '`'], ""))
        .filter(|name| !name.is_empty())
        .collect()
}

fn inherits(table: &Table) -> bool {
    table
        .verbatim_options
        .iter()
        .any(|option| option.starts_with("INHERITS ("))
}
