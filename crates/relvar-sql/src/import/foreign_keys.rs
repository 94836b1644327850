//! Foreign keys are resolved after the whole script is read, so they may name tables defined later.

use relvar_model::{Deferral, ForeignKey, ReferentialAction, TableId};
use sqlparser::ast::{self, ForeignKeyConstraint};

use super::Importer;
use super::create_table::column_id;
use super::names::{QualifiedName, idents};
use crate::diagnostic::Severity;
use crate::dialect::{Dialect, SqlSyntax};
use crate::position::LineColumn;

/// A foreign key read from the script, waiting for its target table to be known.
#[derive(Debug, Clone)]
pub(super) struct PendingForeignKey {
    pub name: Option<String>,
    pub from_table: TableId,
    pub from_columns: Vec<String>,
    pub to: Option<QualifiedName>,
    /// Empty when the script names none: the target's primary key is meant.
    pub to_columns: Vec<String>,
    pub on_delete: ReferentialAction,
    pub on_update: ReferentialAction,
    pub deferral: Deferral,
    /// Where the statement that declared it starts, and the index of that statement.
    pub at: LineColumn,
    pub statement: usize,
    /// The constraint as SQL, kept verbatim if it cannot be resolved.
    pub written: String,
    pub table_written: String,
}

impl PendingForeignKey {
    pub fn from_constraint(
        constraint: &ForeignKeyConstraint,
        from_table: TableId,
        table_name: &QualifiedName,
        dialect: Dialect,
        (at, statement): (LineColumn, usize),
    ) -> Self {
        Self {
            name: constraint.name.as_ref().map(|ident| dialect.fold(ident)),
            from_table,
            from_columns: idents(&constraint.columns, dialect),
            to: QualifiedName::from_object_name(&constraint.foreign_table, dialect),
            to_columns: idents(&constraint.referred_columns, dialect),
            on_delete: constraint.on_delete.map(action).unwrap_or_default(),
            on_update: constraint.on_update.map(action).unwrap_or_default(),
            deferral: deferral(constraint.characteristics.as_ref()),
            at,
            statement,
            written: constraint.to_string(),
            table_written: table_name.display(),
        }
    }
}

fn deferral(characteristics: Option<&ast::ConstraintCharacteristics>) -> Deferral {
    match characteristics {
        Some(ast::ConstraintCharacteristics {
            deferrable: Some(true),
            initially,
            ..
        }) => match initially {
            Some(ast::DeferrableInitial::Deferred) => Deferral::DeferrableDeferred,
            _ => Deferral::DeferrableImmediate,
        },
        _ => Deferral::NotDeferrable,
    }
}

fn action(action: ast::ReferentialAction) -> ReferentialAction {
    match action {
        ast::ReferentialAction::Restrict => ReferentialAction::Restrict,
        ast::ReferentialAction::Cascade => ReferentialAction::Cascade,
        ast::ReferentialAction::SetNull => ReferentialAction::SetNull,
        ast::ReferentialAction::NoAction => ReferentialAction::NoAction,
        ast::ReferentialAction::SetDefault => ReferentialAction::SetDefault,
    }
}

impl Importer {
    pub(super) fn resolve_foreign_keys(&mut self) {
        for pending in std::mem::take(&mut self.pending) {
            match self.resolve(&pending) {
                Ok(foreign_key) => self.design.foreign_keys.push(foreign_key),
                Err(problem) => {
                    let label = pending
                        .name
                        .clone()
                        .unwrap_or_else(|| format!("on {}", pending.table_written));
                    let message = format!("foreign key {label} {problem}; kept as written");
                    self.diagnose(Severity::Warning, pending.at, message);
                    // SQLite has no ALTER TABLE ADD CONSTRAINT: its table keeps the clause.
                    if self.dialect == Dialect::Sqlite
                        && let Some(table) = self.design.table_mut(pending.from_table)
                    {
                        table.verbatim_elements.push(pending.written.clone());
                        continue;
                    }
                    let sql = format!(
                        "ALTER TABLE {} ADD {}",
                        pending.table_written, pending.written
                    );
                    if let Some(record) = self.records.get_mut(pending.statement) {
                        record.kept.push(sql);
                        record.reasons.push(String::from(
                            "a foreign key whose target is not in the design",
                        ));
                    }
                }
            }
        }
    }

    fn resolve(&mut self, pending: &PendingForeignKey) -> Result<ForeignKey, String> {
        let target = pending
            .to
            .as_ref()
            .ok_or("has a target name that cannot be read")?;
        let to_table = self
            .design
            .find_table(target.schema.as_deref(), &target.name)
            .ok_or_else(|| {
                format!(
                    "references table {}, which is not in the script",
                    target.display()
                )
            })?;
        let from_table = self
            .design
            .table(pending.from_table)
            .ok_or("belongs to a table that is gone")?;
        let to_columns = if pending.to_columns.is_empty() {
            let key = to_table.primary_key.as_ref().ok_or_else(|| {
                format!(
                    "references the primary key of {}, which has none",
                    target.display()
                )
            })?;
            key.columns.clone()
        } else {
            column_ids(to_table, &pending.to_columns, self.dialect)?
        };
        let from_columns = column_ids(from_table, &pending.from_columns, self.dialect)?;
        if from_columns.len() != to_columns.len() || from_columns.is_empty() {
            return Err(String::from(
                "has different numbers of referencing and referenced columns",
            ));
        }
        let to_table = to_table.id;
        Ok(ForeignKey {
            id: self.design.ids.foreign_key(),
            name: pending.name.clone(),
            from_table: pending.from_table,
            from_columns,
            to_table,
            to_columns,
            on_delete: pending.on_delete,
            on_update: pending.on_update,
            deferral: pending.deferral,
        })
    }
}

fn column_ids(
    table: &relvar_model::Table,
    names: &[String],
    dialect: Dialect,
) -> Result<Vec<relvar_model::ColumnId>, String> {
    names
        .iter()
        .map(|name| {
            column_id(table, name, dialect).ok_or_else(|| {
                format!(
                    "names column {name}, which {} does not have",
                    table.qualified_name()
                )
            })
        })
        .collect()
}
