//! Column operations of ALTER TABLE: ADD [IF NOT EXISTS], DROP [IF EXISTS], RENAME, ALTER COLUMN
//! (type, default, nullability, identity), MySQL MODIFY and CHANGE, SQL Server ALTER COLUMN.

use relvar_model::{Column, Identity, IndexKey, Table, TableId};
use sqlparser::ast::{
    AlterColumnOperation, ColumnDef, ColumnOption, ColumnOptionDef, DataType, GeneratedAs, Ident,
    MySQLColumnPosition,
};

use super::expressions::{mentions, rename_in_table};
use super::rules::{ReplayRules, same_name};
use crate::dialect::SqlSyntax;
use crate::import::Importer;
use crate::import::alter_table::Outcome;
use crate::import::create_table::type_text;
use crate::import::names::QualifiedName;

/// How much of a column a redefinition replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Redefine {
    /// Everything but the keys (MySQL MODIFY and CHANGE).
    Whole,
    /// Type, nullability and collation (SQL Server ALTER COLUMN).
    TypeAndNullability,
}

impl Importer {
    pub(super) fn alter_add_column(
        &mut self,
        table_id: TableId,
        definition: &ColumnDef,
        if_not_exists: bool,
        position: Option<&MySQLColumnPosition>,
    ) -> Outcome {
        let name = self.dialect.fold(&definition.name);
        if self.column_of(table_id, &name).is_some() {
            return if if_not_exists {
                Outcome::Modelled
            } else {
                Outcome::Conflict(format!("already has a column named {name}"))
            };
        }
        let dialect = self.dialect;
        let Some(index) = self
            .design
            .table(table_id)
            .and_then(|table| position_index(table, position, dialect))
        else {
            return Outcome::Conflict(String::from("has no column its AFTER names"));
        };
        self.with_table(table_id, |importer, table| {
            let table_name = name_of(table);
            importer.add_column(table, &table_name, definition);
            if let Some(added) = table.columns.pop() {
                table.columns.insert(index.min(table.columns.len()), added);
            }
        });
        Outcome::Modelled
    }

    pub(super) fn alter_drop_column(
        &mut self,
        table_id: TableId,
        name: &Ident,
        if_exists: bool,
    ) -> Outcome {
        let name = self.dialect.fold(name);
        let Some(id) = self.column_of(table_id, &name) else {
            return missing_column(&name, if_exists);
        };
        let dialect = self.dialect;
        let Some(table) = self.design.table(table_id) else {
            return Outcome::NotModelled;
        };
        let column = table
            .columns
            .iter()
            .find(|column| column.id == id)
            .map_or(name, |column| column.name.clone());
        let owner = (table.qualified_name(), table.name.clone());
        self.forget_pending_on_column(table_id, &column);
        self.design.sequences.retain(|sequence| {
            !sequence
                .owned_by
                .as_ref()
                .is_some_and(|by| owned_by(by, &owner) && same_name(&by.column, &column, dialect))
        });
        let Some(table) = self.design.table_mut(table_id) else {
            return Outcome::NotModelled;
        };
        table.columns.retain(|other| other.id != id);
        drop_dependents(table, id, &column, dialect);
        Outcome::Modelled
    }

    pub(super) fn alter_rename_column(
        &mut self,
        table_id: TableId,
        old: &Ident,
        new: &Ident,
    ) -> Outcome {
        let (old, new) = (self.dialect.fold(old), self.dialect.fold(new));
        let Some(id) = self.column_of(table_id, &old) else {
            return missing_column(&old, false);
        };
        if let Some(taken) = self.column_of(table_id, &new)
            && taken != id
        {
            return Outcome::Conflict(format!("already has a column named {new}"));
        }
        self.rename_column_to(table_id, id, &new);
        Outcome::Modelled
    }

    /// Renames a column and what names it: waiting foreign keys, owned sequences, expressions.
    pub(super) fn rename_column_to(
        &mut self,
        table_id: TableId,
        id: relvar_model::ColumnId,
        new: &str,
    ) {
        let dialect = self.dialect;
        let Some(table) = self.design.table(table_id) else {
            return;
        };
        let Some(old) = table
            .columns
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
        else {
            return;
        };
        let owner = (table.qualified_name(), table.name.clone());
        if !same_name(&old, new, dialect) {
            self.freeze_generated_names(table_id, false);
        }
        self.rename_pending_column(table_id, &old, new);
        for sequence in &mut self.design.sequences {
            if let Some(by) = &mut sequence.owned_by
                && owned_by(by, &owner)
                && same_name(&by.column, &old, dialect)
            {
                new.clone_into(&mut by.column);
            }
        }
        if let Some(table) = self.design.table_mut(table_id) {
            if let Some(column) = table.columns.iter_mut().find(|c| c.id == id) {
                new.clone_into(&mut column.name);
            }
            rename_in_table(table, &old, new, dialect);
        }
    }

    pub(super) fn alter_column(
        &mut self,
        table_id: TableId,
        name: &Ident,
        operation: &AlterColumnOperation,
    ) -> Outcome {
        let name = self.dialect.fold(name);
        let Some(id) = self.column_of(table_id, &name) else {
            return missing_column(&name, false);
        };
        let Some(table) = self.design.table_mut(table_id) else {
            return Outcome::NotModelled;
        };
        let in_key = table.is_primary_key_column(id);
        let Some(column) = table.columns.iter_mut().find(|column| column.id == id) else {
            return Outcome::NotModelled;
        };
        match operation {
            AlterColumnOperation::SetNotNull => column.nullable = false,
            AlterColumnOperation::DropNotNull if in_key => {
                return Outcome::Conflict(format!("column {name} is in the primary key"));
            }
            AlterColumnOperation::DropNotNull => column.nullable = true,
            AlterColumnOperation::SetDefault { value } => column.default = Some(value.to_string()),
            AlterColumnOperation::DropDefault => column.default = None,
            AlterColumnOperation::SetDataType { data_type, .. } => {
                column.data_type = type_text(data_type);
            }
            AlterColumnOperation::AddGenerated { generated_as, .. } => {
                column.identity = Some(match generated_as {
                    Some(GeneratedAs::Always) => Identity::Always,
                    _ => Identity::ByDefault,
                });
                column.nullable = false;
            }
        }
        Outcome::Modelled
    }

    /// `ALTER COLUMN c DROP IDENTITY [IF EXISTS]`, `SET GENERATED {ALWAYS | BY DEFAULT}`.
    pub(super) fn set_identity(
        &mut self,
        table_id: TableId,
        name: &str,
        identity: Option<Identity>,
        if_exists: bool,
    ) -> Outcome {
        let Some(id) = self.column_of(table_id, name) else {
            return missing_column(name, false);
        };
        let column = self
            .design
            .table_mut(table_id)
            .and_then(|table| table.columns.iter_mut().find(|column| column.id == id));
        match column {
            Some(column) if column.identity.is_some() || identity.is_some() || if_exists => {
                column.identity = identity;
                Outcome::Modelled
            }
            Some(_) => Outcome::Conflict(format!("column {name} is not an identity column")),
            None => Outcome::NotModelled,
        }
    }

    /// Redefines a column in place, keeping its id and keys: MySQL `MODIFY c type ...` and
    /// `CHANGE old new type ...`, SQL Server `ALTER COLUMN c type [NOT] NULL`.
    pub(super) fn redefine_column(
        &mut self,
        table_id: TableId,
        old: &Ident,
        definition: &ColumnDef,
        position: Option<&MySQLColumnPosition>,
        how: Redefine,
    ) -> Outcome {
        let old = self.dialect.fold(old);
        let new = self.dialect.fold(&definition.name);
        let Some(id) = self.column_of(table_id, &old) else {
            return missing_column(&old, false);
        };
        if let Some(taken) = self.column_of(table_id, &new)
            && taken != id
        {
            return Outcome::Conflict(format!("already has a column named {new}"));
        }
        let Some((table_name, schema)) = self
            .design
            .table(table_id)
            .map(|table| (name_of(table), table.schema.clone()))
        else {
            return Outcome::NotModelled;
        };
        self.rename_column_to(table_id, id, &new);
        let mut scratch = Table::new(table_id, schema, table_name.name.clone());
        self.add_column(&mut scratch, &table_name, definition);
        let Some(mut defined) = scratch.columns.pop() else {
            return Outcome::NotModelled;
        };
        let dialect = self.dialect;
        let Some(table) = self.design.table_mut(table_id) else {
            return Outcome::NotModelled;
        };
        let Some(from) = table.columns.iter().position(|column| column.id == id) else {
            return Outcome::NotModelled;
        };
        let in_key = table.is_primary_key_column(id);
        if let Some(column) = table.columns.get_mut(from) {
            defined.id = id;
            merge_definition(column, defined, how);
            if in_key {
                column.nullable = false;
            }
        }
        if let Some(mut key) = scratch.primary_key {
            key.columns = vec![id];
            table.primary_key = Some(key);
        }
        for mut unique in scratch.uniques {
            unique.columns = vec![id];
            table.uniques.push(unique);
        }
        table.checks.extend(scratch.checks);
        if position.is_some()
            && let Some(moved) = (from < table.columns.len()).then(|| table.columns.remove(from))
        {
            let index = position_index(table, position, dialect).unwrap_or(from);
            table.columns.insert(index.min(table.columns.len()), moved);
        }
        Outcome::Modelled
    }
}

/// A column definition from the parts MySQL's MODIFY and CHANGE give.
pub(super) fn column_definition(
    name: &Ident,
    data_type: &DataType,
    options: &[ColumnOption],
) -> ColumnDef {
    ColumnDef {
        name: name.clone(),
        data_type: data_type.clone(),
        options: options
            .iter()
            .map(|option| ColumnOptionDef {
                name: None,
                option: option.clone(),
            })
            .collect(),
    }
}

fn merge_definition(column: &mut Column, defined: Column, how: Redefine) {
    match how {
        Redefine::Whole => *column = defined,
        Redefine::TypeAndNullability => {
            column.data_type = defined.data_type;
            column.nullable = defined.nullable;
            column.collation = defined.collation;
        }
    }
}

/// Where FIRST or AFTER puts a column among `table`'s columns (the end without either);
/// `None` when AFTER names no column of the table.
fn position_index(
    table: &Table,
    position: Option<&MySQLColumnPosition>,
    dialect: crate::Dialect,
) -> Option<usize> {
    match position {
        None => Some(table.columns.len()),
        Some(MySQLColumnPosition::First) => Some(0),
        Some(MySQLColumnPosition::After(name)) => {
            let name = dialect.fold(name);
            let at = table
                .columns
                .iter()
                .position(|column| same_name(&column.name, &name, dialect))?;
            Some(at + 1)
        }
    }
}

/// Takes a dropped column out of its table's keys, indexes, checks and declared dependencies:
/// MySQL shrinks keys and indexes (dropping those left empty); other engines drop every key,
/// index and check that used the column.
fn drop_dependents(
    table: &mut Table,
    id: relvar_model::ColumnId,
    name: &str,
    dialect: crate::Dialect,
) {
    let shrink = dialect.drop_column_shrinks_keys();
    if table
        .primary_key
        .as_ref()
        .is_some_and(|key| key.columns.contains(&id))
    {
        if shrink && let Some(key) = &mut table.primary_key {
            key.columns.retain(|other| *other != id);
        }
        if !shrink
            || table
                .primary_key
                .as_ref()
                .is_some_and(|key| key.columns.is_empty())
        {
            table.primary_key = None;
        }
    }
    if shrink {
        for unique in &mut table.uniques {
            unique.columns.retain(|other| *other != id);
        }
        for index in &mut table.indexes {
            index
                .parts
                .retain(|part| !matches!(part.key, IndexKey::Column(column) if column == id));
            index.include.retain(|other| *other != id);
        }
    } else {
        table.uniques.retain(|unique| !unique.columns.contains(&id));
        table.indexes.retain(|index| {
            let expressions = index.parts.iter().any(|part| {
                matches!(&part.key, IndexKey::Expression(text) if mentions(text, name, dialect))
            });
            let predicate = index
                .predicate
                .as_ref()
                .is_some_and(|text| mentions(text, name, dialect));
            !index.columns().any(|other| other == id) && !expressions && !predicate
        });
    }
    table.uniques.retain(|unique| !unique.columns.is_empty());
    table.indexes.retain(|index| !index.parts.is_empty());
    table
        .checks
        .retain(|check| !mentions(&check.expression, name, dialect));
    table
        .dependencies
        .retain(|dependency| !dependency.mentions(id));
}

fn missing_column(name: &str, if_exists: bool) -> Outcome {
    if if_exists {
        Outcome::Modelled
    } else {
        Outcome::Conflict(format!("has no column named {name}"))
    }
}

/// Whether a sequence owner names this table (`(qualified name, name)`).
pub(super) fn owned_by(owner: &relvar_model::SequenceOwner, table: &(String, String)) -> bool {
    owner.names_table(&table.0, &table.1)
}

pub(super) fn name_of(table: &Table) -> QualifiedName {
    QualifiedName {
        schema: table.schema.clone(),
        name: table.name.clone(),
    }
}
