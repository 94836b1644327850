//! ALTER TABLE: keys and foreign keys added after the table; other operations are kept as written.

use relvar_model::UniqueConstraint;
use sqlparser::ast::{AlterTable, AlterTableOperation, TableConstraint};

use super::Importer;
use super::create_table::resolve_columns;
use super::foreign_keys::PendingForeignKey;
use super::names::{QualifiedName, key_columns};
use crate::diagnostic::Severity;

impl Importer {
    pub(super) fn alter_table(&mut self, mut alter: AlterTable, text: &str) {
        let target = QualifiedName::from_object_name(&alter.name, self.dialect);
        let table_id = target.as_ref().and_then(|name| {
            let found = self.design.find_table(name.schema.as_deref(), &name.name)?;
            Some(found.id)
        });
        let (Some(name), Some(table_id)) = (target, table_id) else {
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
            if adds_keys {
                let message = format!(
                    "ALTER TABLE adds keys to {}, which is not a table defined before it; kept as written",
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
            return;
        };
        let operations = std::mem::take(&mut alter.operations);
        let operation_count = operations.len();
        let mut remaining = Vec::new();
        for operation in operations {
            if !self.apply_operation(table_id, &name, &operation) {
                remaining.push(operation);
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

    /// Models one operation; false when it is not modelled.
    fn apply_operation(
        &mut self,
        table_id: relvar_model::TableId,
        name: &QualifiedName,
        operation: &AlterTableOperation,
    ) -> bool {
        let AlterTableOperation::AddConstraint { constraint, .. } = operation else {
            return false;
        };
        let Some(table) = self.design.table(table_id) else {
            return false;
        };
        match constraint {
            TableConstraint::PrimaryKey(key) => {
                let Some(columns) = resolve_columns(table, key_columns(&key.columns, self.dialect))
                else {
                    return false;
                };
                let key_name = key.name.as_ref().map(|ident| self.dialect.fold(ident));
                let Some(table) = self.design.table_mut(table_id) else {
                    return false;
                };
                for column in &mut table.columns {
                    if columns.contains(&column.id) {
                        column.nullable = false;
                    }
                }
                table.primary_key = Some(relvar_model::PrimaryKey {
                    name: key_name,
                    columns,
                });
                true
            }
            TableConstraint::Unique(unique) => {
                let Some(columns) =
                    resolve_columns(table, key_columns(&unique.columns, self.dialect))
                else {
                    return false;
                };
                let unique_name = unique.name.as_ref().map(|ident| self.dialect.fold(ident));
                let Some(table) = self.design.table_mut(table_id) else {
                    return false;
                };
                table.uniques.push(UniqueConstraint {
                    name: unique_name,
                    columns,
                });
                true
            }
            TableConstraint::ForeignKey(foreign_key) => {
                let pending = PendingForeignKey::from_constraint(
                    foreign_key,
                    table_id,
                    name,
                    self.dialect,
                    self.origin(),
                );
                self.pending.push(pending);
                true
            }
            _ => false,
        }
    }
}

fn operation_label(operation: &AlterTableOperation) -> String {
    let written = operation.to_string();
    let words: Vec<&str> = written.split_ascii_whitespace().take(2).collect();
    words.join(" ")
}
