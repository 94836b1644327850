//! Constraints and indexes found by name: ALTER TABLE DROP CONSTRAINT / PRIMARY KEY / FOREIGN
//! KEY / INDEX, RENAME CONSTRAINT and index renames. A constraint the script left unnamed is
//! found by the name its engine gave it (`rules.rs`).

use relvar_model::{ColumnId, Table, TableId};

use super::expressions::identifiers;
use super::rules::{Generated, ReplayRules, same_name};
use crate::import::Importer;
use crate::import::alter_table::Outcome;

/// Something of a table found by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Named {
    PrimaryKey,
    Unique(usize),
    Check(usize),
    Index(usize),
    /// Index into the waiting foreign keys.
    ForeignKey(usize),
}

/// Which kinds of object a statement's name may stand for.
#[derive(Debug, Clone, Copy)]
pub(super) struct Kinds {
    pub keys: bool,
    pub checks: bool,
    pub indexes: bool,
    pub foreign_keys: bool,
}

/// What `DROP CONSTRAINT` and `RENAME CONSTRAINT` reach.
pub(super) const CONSTRAINTS: Kinds = Kinds {
    keys: true,
    checks: true,
    indexes: false,
    foreign_keys: true,
};

impl Importer {
    /// Kinds `DROP INDEX` reaches: indexes, and keys where unique keys are indexes (MySQL) or
    /// where renaming the index renames its constraint (`rename`, PostgreSQL).
    pub(super) fn index_kinds(&self, rename: bool) -> Kinds {
        Kinds {
            keys: rename || self.dialect.unique_keys_are_indexes(),
            checks: false,
            indexes: true,
            foreign_keys: false,
        }
    }

    pub(super) fn find_named(&self, table_id: TableId, name: &str, kinds: Kinds) -> Option<Named> {
        let dialect = self.dialect;
        let table = self.design.table(table_id)?;
        let matches = |own: &Option<String>, engine: Vec<String>| match own {
            Some(own) => same_name(own, name, dialect),
            None => engine.iter().any(|engine| same_name(engine, name, dialect)),
        };
        if kinds.keys {
            if let Some(key) = &table.primary_key
                && matches(&key.name, dialect.primary_key_names(&table.name))
            {
                return Some(Named::PrimaryKey);
            }
            let unique = table.uniques.iter().position(|unique| {
                let columns = column_names(table, &unique.columns);
                matches(&unique.name, dialect.unique_names(&table.name, &columns))
            });
            if let Some(index) = unique {
                return Some(Named::Unique(index));
            }
        }
        if kinds.checks {
            let mut unnamed = 0;
            let check = table.checks.iter().position(|check| {
                unnamed += usize::from(check.name.is_none());
                let mentioned = mentioned_columns(table, &check.expression, dialect);
                let mentioned: Vec<&str> = mentioned.iter().map(String::as_str).collect();
                matches(
                    &check.name,
                    dialect.check_names(&table.name, &mentioned, unnamed),
                )
            });
            if let Some(index) = check {
                return Some(Named::Check(index));
            }
        }
        if kinds.indexes {
            let index = table.indexes.iter().position(|index| {
                let columns: Vec<ColumnId> = index.key_columns().collect();
                let columns = column_names(table, &columns);
                matches(&index.name, dialect.index_names(&table.name, &columns))
            });
            if let Some(index) = index {
                return Some(Named::Index(index));
            }
        }
        if kinds.foreign_keys {
            return self.pending_named(table_id, name).map(Named::ForeignKey);
        }
        None
    }

    /// Before a rename of the table or of one of its columns: the unnamed constraints and
    /// indexes whose engine-given names stay take those names, so they are still found by them.
    pub(super) fn freeze_generated_names(&mut self, table_id: TableId, table_renamed: bool) {
        let dialect = self.dialect;
        let Some(table) = self.design.table(table_id) else {
            return;
        };
        let mut names: Vec<(Named, String)> = Vec::new();
        let keeps = |kind| dialect.keeps_generated_name(kind, table_renamed);
        if keeps(Generated::PrimaryKey)
            && table
                .primary_key
                .as_ref()
                .is_some_and(|key| key.name.is_none())
        {
            names.extend(
                dialect
                    .primary_key_names(&table.name)
                    .into_iter()
                    .next()
                    .map(|name| (Named::PrimaryKey, name)),
            );
        }
        if keeps(Generated::Key) {
            for (index, unique) in table.uniques.iter().enumerate() {
                if unique.name.is_none() {
                    let columns = column_names(table, &unique.columns);
                    names.extend(
                        dialect
                            .unique_names(&table.name, &columns)
                            .into_iter()
                            .next()
                            .map(|name| (Named::Unique(index), name)),
                    );
                }
            }
            let mut unnamed = 0;
            for (index, check) in table.checks.iter().enumerate() {
                if check.name.is_none() {
                    unnamed += 1;
                    let mentioned = mentioned_columns(table, &check.expression, dialect);
                    let mentioned: Vec<&str> = mentioned.iter().map(String::as_str).collect();
                    names.extend(
                        dialect
                            .check_names(&table.name, &mentioned, unnamed)
                            .into_iter()
                            .next()
                            .map(|name| (Named::Check(index), name)),
                    );
                }
            }
            for (position, index) in table.indexes.iter().enumerate() {
                if index.name.is_none() {
                    let columns: Vec<ColumnId> = index.key_columns().collect();
                    let columns = column_names(table, &columns);
                    names.extend(
                        dialect
                            .index_names(&table.name, &columns)
                            .into_iter()
                            .next()
                            .map(|name| (Named::Index(position), name)),
                    );
                }
            }
        }
        if keeps(Generated::ForeignKey) {
            let mut unnamed = 0;
            for (index, fk) in self.pending.iter().enumerate() {
                if fk.from_table == table_id && fk.name.is_none() {
                    unnamed += 1;
                    let columns: Vec<&str> = fk.from_columns.iter().map(String::as_str).collect();
                    names.extend(
                        dialect
                            .foreign_key_names(&table.name, &columns, unnamed)
                            .into_iter()
                            .next()
                            .map(|name| (Named::ForeignKey(index), name)),
                    );
                }
            }
        }
        for (found, name) in names {
            self.rename_named(table_id, found, name);
        }
    }

    /// Drops what was found; with `cascade`, a dropped key takes the waiting foreign keys that
    /// reference it.
    pub(super) fn drop_named(&mut self, table_id: TableId, found: Named, cascade: bool) {
        let dialect = self.dialect;
        let Some(table) = self.design.table_mut(table_id) else {
            return;
        };
        let dropped_key = match found {
            Named::PrimaryKey => table.primary_key.take().map(|key| (key.columns, true)),
            Named::Unique(index) => {
                (index < table.uniques.len()).then(|| (table.uniques.remove(index).columns, false))
            }
            Named::Check(index) => {
                if index < table.checks.len() {
                    table.checks.remove(index);
                }
                None
            }
            Named::Index(index) => {
                if index < table.indexes.len() {
                    table.indexes.remove(index);
                }
                None
            }
            Named::ForeignKey(index) => {
                if index < self.pending.len() {
                    self.pending.remove(index);
                }
                None
            }
        };
        let Some((columns, primary)) = dropped_key.filter(|_| cascade) else {
            return;
        };
        let Some(table) = self.design.table(table_id) else {
            return;
        };
        let names = column_names(table, &columns);
        let target = self.target(table_id);
        let keep: Vec<bool> = self
            .pending
            .iter()
            .map(|fk| {
                let reaches = self.reaches(fk, &target);
                let same_columns = fk.to_columns.len() == names.len()
                    && fk
                        .to_columns
                        .iter()
                        .zip(&names)
                        .all(|(a, b)| same_name(a, b, dialect));
                !(reaches && (same_columns || primary && fk.to_columns.is_empty()))
            })
            .collect();
        self.keep_pending(keep);
    }

    pub(super) fn rename_named(&mut self, table_id: TableId, found: Named, new: String) {
        if let Named::ForeignKey(index) = found {
            if let Some(fk) = self.pending.get_mut(index) {
                fk.name = Some(new);
            }
            return;
        }
        let Some(table) = self.design.table_mut(table_id) else {
            return;
        };
        let name = match found {
            Named::PrimaryKey => table.primary_key.as_mut().map(|key| &mut key.name),
            Named::Unique(index) => table.uniques.get_mut(index).map(|unique| &mut unique.name),
            Named::Check(index) => table.checks.get_mut(index).map(|check| &mut check.name),
            Named::Index(index) => table.indexes.get_mut(index).map(|index| &mut index.name),
            Named::ForeignKey(_) => None,
        };
        if let Some(name) = name {
            *name = Some(new);
        }
    }

    /// Drops the constraint or index of `table_id` named `name`; absent, a no-op with
    /// `if_exists` and a conflict otherwise.
    pub(super) fn drop_by_name(
        &mut self,
        table_id: TableId,
        name: &str,
        kinds: Kinds,
        if_exists: bool,
        cascade: bool,
    ) -> Outcome {
        match self.find_named(table_id, name, kinds) {
            Some(found) => {
                self.drop_named(table_id, found, cascade);
                Outcome::Modelled
            }
            None if if_exists => Outcome::Modelled,
            None => Outcome::Conflict(format!("has no {} named {name}", kinds.noun())),
        }
    }

    pub(super) fn rename_by_name(
        &mut self,
        table_id: TableId,
        old: &str,
        new: String,
        kinds: Kinds,
    ) -> Outcome {
        match self.find_named(table_id, old, kinds) {
            Some(found) => {
                self.rename_named(table_id, found, new);
                Outcome::Modelled
            }
            None => Outcome::Conflict(format!("has no {} named {old}", kinds.noun())),
        }
    }

    /// MySQL `DROP PRIMARY KEY`.
    pub(super) fn drop_primary_key(&mut self, table_id: TableId) -> Outcome {
        let has_key = self
            .design
            .table(table_id)
            .is_some_and(|table| table.primary_key.is_some());
        if !has_key {
            return Outcome::Conflict(String::from("has no primary key"));
        }
        self.drop_named(table_id, Named::PrimaryKey, false);
        Outcome::Modelled
    }
}

impl Kinds {
    fn noun(self) -> &'static str {
        if self.indexes && !self.checks {
            "index"
        } else {
            "constraint"
        }
    }
}

fn column_names<'t>(table: &'t Table, columns: &[ColumnId]) -> Vec<&'t str> {
    columns
        .iter()
        .filter_map(|id| table.columns.iter().find(|column| column.id == *id))
        .map(|column| column.name.as_str())
        .collect()
}

/// The table's columns an expression names, in the order it names them.
pub(super) fn mentioned_columns(
    table: &Table,
    expression: &str,
    dialect: crate::Dialect,
) -> Vec<String> {
    identifiers(expression, dialect)
        .into_iter()
        .filter(|word| {
            table
                .columns
                .iter()
                .any(|column| same_name(&column.name, word, dialect))
        })
        .collect()
}
