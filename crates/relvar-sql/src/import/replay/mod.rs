//! Replay: statements that change or remove what earlier statements created, applied in script
//! order, so the design is what the script leaves behind. A statement naming something absent is
//! a warning and is kept as written; `IF EXISTS` / `IF NOT EXISTS` make it a silent no-op.
//!
//! Foreign keys wait by name until the end of the script (`foreign_keys.rs`), so renames and drops
//! here update the waiting ones as the engine updates its references.

mod columns;
mod constraint_lookup;
mod constraints;
mod do_block;
mod drop;
mod enums;
mod expressions;
mod inherit;
mod kept;
mod operations;
mod rename;
mod rules;
mod schema;

use relvar_model::{Table, TableId};

use super::Importer;
use super::create_table::column_id;
use super::foreign_keys::PendingForeignKey;
use super::names::QualifiedName;
use crate::dialect::Dialect;
pub(super) use constraint_lookup::ConstraintLookups;
pub(super) use rules::{ReplayRules, same_name};
pub use rules::{UnnamedKind, engine_given_name};

impl Importer {
    /// Statements replayed from their tokens before any parse (DROP, ALTER INDEX, CREATE SCHEMA
    /// with elements); `false` when the statement is not one of them.
    pub(super) fn replay_statement(
        &mut self,
        label: &str,
        text: &str,
        index: &crate::position::LineIndex<'_>,
        span: std::ops::Range<usize>,
    ) -> bool {
        match label {
            "CREATE SCHEMA" => self.create_schema_statement(text, index, span),
            "ALTER INDEX" => self.alter_index(text),
            _ if label.starts_with("DROP ") => self.drop_statement(text) || self.drop_kept(text),
            _ => false,
        }
    }

    /// Runs `edit` on a table taken out of the design for the while, so the edit may use the
    /// importer (to add columns as CREATE TABLE does); `None` if there is no such table.
    fn with_table<R>(
        &mut self,
        id: TableId,
        edit: impl FnOnce(&mut Self, &mut Table) -> R,
    ) -> Option<R> {
        let slot = self.design.tables.iter().position(|table| table.id == id)?;
        let placeholder = Table::new(id, None, String::new());
        let mut table = std::mem::replace(self.design.tables.get_mut(slot)?, placeholder);
        let result = edit(self, &mut table);
        if let Some(place) = self.design.tables.get_mut(slot) {
            *place = table;
        }
        Some(result)
    }

    /// What a waiting foreign key must name to reach `table`: the table's id and name.
    fn target(&self, table: TableId) -> Target {
        Target {
            id: table,
            name: self
                .design
                .table(table)
                .map(|known| known.name.clone())
                .unwrap_or_default(),
        }
    }

    /// Whether a waiting foreign key's target name reaches `target` now. The names are compared
    /// first: this runs for every waiting foreign key on every drop and rename.
    fn reaches(&self, fk: &PendingForeignKey, target: &Target) -> bool {
        fk.to.as_ref().is_some_and(|to| {
            target.name.eq_ignore_ascii_case(&to.name) && self.table_named(to) == Some(target.id)
        })
    }

    /// A column was renamed: waiting foreign keys from it or to it follow.
    fn rename_pending_column(&mut self, table: TableId, old: &str, new: &str) {
        let dialect = self.dialect;
        let target = self.target(table);
        let targets: Vec<bool> = self
            .pending
            .iter()
            .map(|fk| {
                fk.to_columns.iter().any(|c| same_name(c, old, dialect))
                    && self.reaches(fk, &target)
            })
            .collect();
        for (fk, targets_table) in self.pending.iter_mut().zip(targets) {
            if fk.from_table == table {
                rename_in(&mut fk.from_columns, old, new, dialect);
            }
            if targets_table {
                rename_in(&mut fk.to_columns, old, new, dialect);
            }
        }
    }

    /// A column was dropped: waiting foreign keys from it or to it go with it.
    fn forget_pending_on_column(&mut self, table: TableId, column: &str) {
        let dialect = self.dialect;
        let target = self.target(table);
        let keep: Vec<bool> = self
            .pending
            .iter()
            .map(|fk| {
                let from = fk.from_table == table
                    && fk
                        .from_columns
                        .iter()
                        .any(|c| same_name(c, column, dialect));
                let to = fk.to_columns.iter().any(|c| same_name(c, column, dialect))
                    && self.reaches(fk, &target);
                !from && !to
            })
            .collect();
        self.keep_pending(keep);
    }

    /// Keeps the waiting foreign keys whose flag is set, in order.
    fn keep_pending(&mut self, keep: Vec<bool>) {
        let mut keep = keep.into_iter();
        self.pending.retain(|_| keep.next().unwrap_or(true));
    }

    /// A table is about to be renamed to `new`: waiting foreign keys that reach it follow.
    fn retarget_pending(&mut self, table: TableId, new: &QualifiedName) {
        let target = self.target(table);
        let reaching: Vec<bool> = self
            .pending
            .iter()
            .map(|fk| self.reaches(fk, &target))
            .collect();
        for (fk, reaches) in self.pending.iter_mut().zip(reaching) {
            if reaches {
                fk.to = Some(new.clone());
            }
            if fk.from_table == table {
                fk.table_written = new.display();
            }
        }
    }

    /// A table is about to be dropped: its own waiting foreign keys go, and with `cascade` those
    /// that reach it; the others keep its name and reach whatever has it at the end.
    fn forget_pending_on_table(&mut self, table: TableId, cascade: bool) {
        let target = self.target(table);
        let keep: Vec<bool> = self
            .pending
            .iter()
            .map(|fk| fk.from_table != table && !(cascade && self.reaches(fk, &target)))
            .collect();
        self.keep_pending(keep);
    }

    /// Index of the waiting foreign key of `table` with this name (as written or as the engine
    /// names an unnamed one).
    fn pending_named(&self, table: TableId, name: &str) -> Option<usize> {
        let dialect = self.dialect;
        let table_name = self.design.table(table).map(|t| t.name.clone())?;
        let mut unnamed = 0;
        self.pending.iter().position(|fk| {
            if fk.from_table != table {
                return false;
            }
            match &fk.name {
                Some(own) => same_name(own, name, dialect),
                None => {
                    unnamed += 1;
                    let columns: Vec<&str> = fk.from_columns.iter().map(String::as_str).collect();
                    dialect
                        .foreign_key_names(&table_name, &columns, unnamed)
                        .iter()
                        .any(|engine| same_name(engine, name, dialect))
                }
            }
        })
    }

    /// The id of a column of a table, by name as the dialect matches names.
    fn column_of(&self, table: TableId, name: &str) -> Option<relvar_model::ColumnId> {
        column_id(self.design.table(table)?, name, self.dialect)
    }
}

/// The table a drop or rename is about, as waiting foreign keys may name it.
struct Target {
    id: TableId,
    name: String,
}

/// Whether an object in schema `own` answers to a name qualified by `wanted`, as
/// `Design::find_table` matches: no schema asked, the same schema, or an object without one.
pub(super) fn in_schema(wanted: Option<&str>, own: Option<&str>) -> bool {
    match (wanted, own) {
        (Some(wanted), Some(own)) => wanted.eq_ignore_ascii_case(own),
        _ => true,
    }
}

fn rename_in(names: &mut [String], old: &str, new: &str, dialect: Dialect) {
    for name in names.iter_mut() {
        if same_name(name, old, dialect) {
            new.clone_into(name);
        }
    }
}
