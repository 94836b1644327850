//! ALTER TABLE: keys, checks and foreign keys added after the table here; columns, drops and
//! renames replayed by `replay/`; operations of other kinds are kept as written.

use relvar_model::UniqueConstraint;
use sqlparser::ast::{AlterTable, AlterTableOperation, TableConstraint};

use super::Importer;
use super::create_table::resolve_columns;
use super::foreign_keys::PendingForeignKey;
use super::names::{QualifiedName, key_columns};
use crate::diagnostic::Severity;
use crate::dialect::SqlSyntax;

impl Importer {
    pub(super) fn alter_table(&mut self, mut alter: AlterTable, text: &str) {
        let target = QualifiedName::from_object_name(&alter.name, self.dialect);
        let table_id = target.as_ref().and_then(|name| self.table_named(name));
        let (Some(name), Some(table_id)) = (target, table_id) else {
            self.alter_missing_table(&alter, text);
            return;
        };
        let operations = std::mem::take(&mut alter.operations);
        let operation_count = operations.len();
        let mut remaining = Vec::new();
        for operation in operations {
            // How MySQL runs the change (online DDL), not what it changes.
            if matches!(
                operation,
                AlterTableOperation::Algorithm { .. } | AlterTableOperation::Lock { .. }
            ) {
                continue;
            }
            match self.apply_operation(table_id, &name, &operation) {
                Outcome::Modelled if !alter.only => self.alter_inheritors(table_id, &operation),
                Outcome::Modelled => {}
                Outcome::NotModelled => remaining.push(operation),
                Outcome::Conflict(problem) => {
                    let message =
                        format!("{} {problem}; this one is kept as written", name.display());
                    self.diagnose(Severity::Warning, self.here(), message);
                    remaining.push(operation);
                }
            }
        }
        if remaining.is_empty() {
            return;
        }
        let labels: Vec<String> = remaining.iter().map(operation_label).collect();
        let reason = format!("ALTER TABLE {} is not modelled yet", labels.join(", "));
        if remaining.len() == operation_count {
            self.keep_whole(text, &reason);
        } else {
            alter.operations = remaining;
            self.keep_whole(&alter.to_string(), &reason);
        }
    }

    /// An ALTER TABLE of a table not in the design: nothing with IF EXISTS; a warning when it
    /// would change what the design models, else kept as not modelled.
    fn alter_missing_table(&mut self, alter: &AlterTable, text: &str) {
        if alter.if_exists {
            return;
        }
        let adds_keys = alter.operations.iter().any(|operation| {
            matches!(
                operation,
                AlterTableOperation::AddConstraint {
                    constraint: TableConstraint::PrimaryKey(_)
                        | TableConstraint::Unique(_)
                        | TableConstraint::ForeignKey(_),
                    ..
                }
            )
        });
        let replayed = alter.operations.iter().any(is_replayed);
        if adds_keys || replayed {
            let what = if adds_keys { "adds keys to" } else { "changes" };
            let message = format!(
                "ALTER TABLE {what} {}, which is not a table defined before it; kept as written",
                alter.name
            );
            self.diagnose(Severity::Warning, self.here(), message);
            self.keep(
                text.to_owned(),
                "it alters a table that is not in the design",
            );
        } else {
            let labels: Vec<String> = alter.operations.iter().map(operation_label).collect();
            self.keep_whole(
                text,
                &format!("ALTER TABLE {} is not modelled yet", labels.join(", ")),
            );
        }
    }

    /// Models one operation, unless it is of a kind not modelled or contradicts the design.
    pub(super) fn apply_operation(
        &mut self,
        table_id: relvar_model::TableId,
        name: &QualifiedName,
        operation: &AlterTableOperation,
    ) -> Outcome {
        let AlterTableOperation::AddConstraint { constraint, .. } = operation else {
            return self.replay_operation(table_id, operation);
        };
        self.add_constraint(table_id, name, constraint)
    }

    fn add_constraint(
        &mut self,
        table_id: relvar_model::TableId,
        name: &QualifiedName,
        constraint: &TableConstraint,
    ) -> Outcome {
        if let TableConstraint::Index(index) = constraint {
            return self.add_index_element(table_id, index);
        }
        if let TableConstraint::FulltextOrSpatial(element) = constraint {
            let dialect = self.dialect;
            let Some(table) = self.design.table_mut(table_id) else {
                return Outcome::NotModelled;
            };
            return match super::create_table::fulltext_or_spatial(table, element, dialect) {
                Some(index) => {
                    table.indexes.push(index);
                    Outcome::Modelled
                }
                None => Outcome::NotModelled,
            };
        }
        let constraint_name = match constraint {
            TableConstraint::PrimaryKey(key) => key.name.as_ref(),
            TableConstraint::Unique(unique) => unique.name.as_ref().or(unique.index_name.as_ref()),
            TableConstraint::ForeignKey(foreign_key) => foreign_key.name.as_ref(),
            TableConstraint::Check(check) => check.name.as_ref(),
            _ => return Outcome::NotModelled,
        }
        .map(|ident| self.dialect.fold(ident));
        if let Some(constraint_name) = &constraint_name
            && self.constraint_names(table_id).contains(constraint_name)
        {
            return Outcome::Conflict(format!("already has a constraint named {constraint_name}"));
        }
        let Some(table) = self.design.table(table_id) else {
            return Outcome::NotModelled;
        };
        match constraint {
            TableConstraint::PrimaryKey(key) => {
                if table.primary_key.is_some() {
                    return Outcome::Conflict(String::from("already has a primary key"));
                }
                let Some(columns) =
                    resolve_columns(table, key_columns(&key.columns, self.dialect), self.dialect)
                else {
                    return Outcome::NotModelled;
                };
                let Some(table) = self.design.table_mut(table_id) else {
                    return Outcome::NotModelled;
                };
                for column in &mut table.columns {
                    if columns.contains(&column.id) {
                        column.nullable = false;
                    }
                }
                table.primary_key = Some(relvar_model::PrimaryKey {
                    name: constraint_name,
                    columns,
                });
                Outcome::Modelled
            }
            TableConstraint::Unique(unique) => {
                let Some(columns) = resolve_columns(
                    table,
                    key_columns(&unique.columns, self.dialect),
                    self.dialect,
                ) else {
                    return Outcome::NotModelled;
                };
                let Some(table) = self.design.table_mut(table_id) else {
                    return Outcome::NotModelled;
                };
                table.uniques.push(UniqueConstraint {
                    name: constraint_name,
                    columns,
                });
                Outcome::Modelled
            }
            TableConstraint::ForeignKey(foreign_key) => {
                let origin = self.origin();
                let pending = PendingForeignKey::from_constraint(
                    foreign_key,
                    table_id,
                    name,
                    self.dialect,
                    origin,
                );
                self.pending.push(pending);
                Outcome::Modelled
            }
            TableConstraint::Check(check) => {
                let Some(table) = self.design.table_mut(table_id) else {
                    return Outcome::NotModelled;
                };
                table.checks.push(relvar_model::CheckConstraint {
                    name: constraint_name,
                    expression: super::indexes::strip_parentheses(&check.expr.to_string()),
                });
                Outcome::Modelled
            }
            _ => Outcome::NotModelled,
        }
    }

    /// MySQL `ADD INDEX | KEY [name] (parts)`.
    fn add_index_element(
        &mut self,
        table_id: relvar_model::TableId,
        index: &sqlparser::ast::IndexConstraint,
    ) -> Outcome {
        let Some(index_type) =
            super::indexes::plain_index_type(index.index_type.as_ref(), &index.index_options)
        else {
            return Outcome::NotModelled;
        };
        let dialect = self.dialect;
        let name = index.name.as_ref().map(|ident| dialect.fold(ident));
        let Some(table) = self.design.table_mut(table_id) else {
            return Outcome::NotModelled;
        };
        match super::indexes::table_index(table, name, index_type, &index.columns, dialect) {
            Some(index) => {
                table.indexes.push(index);
                Outcome::Modelled
            }
            None => Outcome::Conflict(String::from("has no column an index part names")),
        }
    }

    /// Names of the constraints a table has so far, foreign keys still to resolve included.
    fn constraint_names(&self, table_id: relvar_model::TableId) -> Vec<String> {
        let table = self.design.table(table_id);
        let keys = table.into_iter().flat_map(|table| {
            let primary = table.primary_key.iter().filter_map(|key| key.name.clone());
            let uniques = table
                .uniques
                .iter()
                .filter_map(|unique| unique.name.clone());
            let checks = table.checks.iter().filter_map(|check| check.name.clone());
            primary.chain(uniques).chain(checks)
        });
        let foreign = self
            .pending
            .iter()
            .filter(|fk| fk.from_table == table_id)
            .filter_map(|fk| fk.name.clone());
        keys.chain(foreign).collect()
    }
}

/// What became of one ALTER TABLE operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Outcome {
    Modelled,
    NotModelled,
    /// It contradicts the design so far (a second primary key, a constraint name used twice).
    Conflict(String),
}

/// Whether replay models operations of this kind (on a table of the design).
fn is_replayed(operation: &AlterTableOperation) -> bool {
    matches!(
        operation,
        AlterTableOperation::AddConstraint { .. }
            | AlterTableOperation::AddColumn { .. }
            | AlterTableOperation::DropColumn { .. }
            | AlterTableOperation::AlterColumn { .. }
            | AlterTableOperation::RenameColumn { .. }
            | AlterTableOperation::RenameTable { .. }
            | AlterTableOperation::RenameConstraint { .. }
            | AlterTableOperation::DropConstraint { .. }
            | AlterTableOperation::DropPrimaryKey { .. }
            | AlterTableOperation::DropForeignKey { .. }
            | AlterTableOperation::DropIndex { .. }
            | AlterTableOperation::ChangeColumn { .. }
            | AlterTableOperation::ModifyColumn { .. }
    )
}

fn operation_label(operation: &AlterTableOperation) -> String {
    let written = operation.to_string();
    let words: Vec<&str> = written.split_ascii_whitespace().take(2).collect();
    words.join(" ")
}
