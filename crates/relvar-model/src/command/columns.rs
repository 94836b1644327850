//! Commands on the columns of a table, its primary key and its single-column unique constraints.
//! Deleting a column also drops the declared dependencies that name it: a dependency with a side
//! shortened would say something else.

use super::{
    Command, CommandError, apply_with_ids, find_column, find_table, insert_clamped, remove_at,
    replace_at, require_name, require_own_columns, tables,
};
use crate::design::{Design, ForeignKey};
use crate::ids::{ColumnId, TableId};
use crate::table::{Column, PrimaryKey, Table, UniqueConstraint};

pub(super) fn add(
    design: &mut Design,
    table: TableId,
    column: Column,
    index: usize,
) -> Result<Command, CommandError> {
    let owner = find_table(design, table)?;
    require_name(&column.name, "column")?;
    require_type(owner, &column.name, &column.data_type)?;
    require_free_name(owner, &column.name, None)?;
    let id_in_use = design
        .tables
        .iter()
        .any(|table| table.columns.iter().any(|other| other.id == column.id));
    if id_in_use {
        return Err(CommandError::IdInUse {
            kind: "column",
            id: column.id.0,
        });
    }
    let used = column.id.0;
    let mut grown = owner.clone();
    insert_clamped(&mut grown.columns, index, column);
    apply_with_ids(design, Command::ReplaceTable(Box::new(grown)), [used])
}

pub(super) fn delete(
    design: &mut Design,
    table: TableId,
    column: ColumnId,
) -> Result<Command, CommandError> {
    let owner = find_table(design, table)?;
    let column_name = find_column(owner, column)?.name.clone();
    let mut shrunk = owner.clone();
    shrunk.columns.retain(|other| other.id != column);
    if let Some(key) = &mut shrunk.primary_key {
        key.columns.retain(|other| *other != column);
    }
    if shrunk
        .primary_key
        .as_ref()
        .is_some_and(|key| key.columns.is_empty())
    {
        shrunk.primary_key = None;
    }
    shrunk
        .uniques
        .retain(|unique| !unique.columns.contains(&column));
    shrunk
        .dependencies
        .retain(|dependency| !dependency.mentions(column));
    shrunk
        .indexes
        .retain(|index| !index.columns().any(|other| other == column));
    let mut edit: Vec<Command> = design
        .foreign_keys
        .iter()
        .filter(|fk| uses_column(fk, table, column))
        .map(|fk| Command::DeleteForeignKey { id: fk.id })
        .collect();
    edit.extend(super::sequences::following(design, |sequence_owner| {
        if super::sequences::owned_by_column_only(design, sequence_owner, owner, &column_name) {
            super::sequences::Owner::Dropped
        } else {
            super::sequences::Owner::Kept
        }
    }));
    edit.push(Command::ReplaceTable(Box::new(shrunk)));
    Command::Batch(edit).apply(design)
}

pub(super) fn move_to(
    design: &mut Design,
    table: TableId,
    column: ColumnId,
    to: usize,
) -> Result<Command, CommandError> {
    let owner = design
        .table_mut(table)
        .ok_or(CommandError::NoSuchTable(table))?;
    let from = owner
        .columns
        .iter()
        .position(|other| other.id == column)
        .ok_or_else(|| CommandError::NoSuchColumn {
            table: owner.qualified_name(),
            column,
        })?;
    let to = to.min(owner.columns.len().saturating_sub(1));
    if let Some(moved) = remove_at(&mut owner.columns, from) {
        insert_clamped(&mut owner.columns, to, moved);
    }
    Ok(Command::MoveColumn {
        table,
        column,
        to: from,
    })
}

pub(super) fn rename(
    design: &mut Design,
    table: TableId,
    column: ColumnId,
    name: String,
) -> Result<Command, CommandError> {
    let owner = find_table(design, table)?;
    let mut renamed = find_column(owner, column)?.clone();
    require_name(&name, "column")?;
    require_free_name(owner, &name, Some(column))?;
    let follow = super::sequences::following(design, |sequence_owner| {
        if super::sequences::owned_by_column_only(design, sequence_owner, owner, &renamed.name) {
            super::sequences::Owner::Renamed(crate::SequenceOwner {
                table: sequence_owner.table.clone(),
                column: name.clone(),
            })
        } else {
            super::sequences::Owner::Kept
        }
    });
    renamed.name = name;
    if follow.is_empty() {
        return replace(design, table, renamed);
    }
    let mut edit = vec![Command::ReplaceColumn {
        table,
        column: renamed,
    }];
    edit.extend(follow);
    Command::Batch(edit).apply(design)
}

pub(super) fn set_type(
    design: &mut Design,
    table: TableId,
    column: ColumnId,
    data_type: String,
) -> Result<Command, CommandError> {
    let owner = find_table(design, table)?;
    let mut retyped = find_column(owner, column)?.clone();
    require_type(owner, &retyped.name, &data_type)?;
    retyped.data_type = data_type;
    replace(design, table, retyped)
}

pub(super) fn set_nullable(
    design: &mut Design,
    table: TableId,
    column: ColumnId,
    nullable: bool,
) -> Result<Command, CommandError> {
    let owner = find_table(design, table)?;
    let mut changed = find_column(owner, column)?.clone();
    if nullable && owner.is_primary_key_column(column) {
        return Err(CommandError::NullablePrimaryKeyColumn {
            table: owner.qualified_name(),
            column: changed.name,
        });
    }
    changed.nullable = nullable;
    replace(design, table, changed)
}

pub(super) fn set_default(
    design: &mut Design,
    table: TableId,
    column: ColumnId,
    default: Option<String>,
) -> Result<Command, CommandError> {
    let target = column_mut(design, table, column)?;
    let previous = std::mem::replace(&mut target.default, default);
    Ok(Command::SetColumnDefault {
        table,
        column,
        default: previous,
    })
}

pub(super) fn set_comment(
    design: &mut Design,
    table: TableId,
    column: ColumnId,
    comment: Option<String>,
) -> Result<Command, CommandError> {
    let target = column_mut(design, table, column)?;
    let previous = std::mem::replace(&mut target.comment, comment);
    Ok(Command::SetColumnComment {
        table,
        column,
        comment: previous,
    })
}

pub(super) fn set_primary_key(
    design: &mut Design,
    table: TableId,
    columns: Vec<ColumnId>,
) -> Result<Command, CommandError> {
    let owner = find_table(design, table)?;
    require_own_columns(owner, &columns)?;
    let mut keyed = owner.clone();
    for column in &mut keyed.columns {
        if columns.contains(&column.id) {
            column.nullable = false;
        }
    }
    keyed.primary_key = if columns.is_empty() {
        None
    } else {
        let name = owner.primary_key.as_ref().and_then(|key| key.name.clone());
        Some(PrimaryKey { name, columns })
    };
    tables::replace(design, keyed)
}

pub(super) fn set_unique(
    design: &mut Design,
    table: TableId,
    column: ColumnId,
    unique: bool,
) -> Result<Command, CommandError> {
    let owner = find_table(design, table)?;
    find_column(owner, column)?;
    let on_column_alone = |constraint: &UniqueConstraint| constraint.columns == [column];
    match (unique, owner.uniques.iter().any(on_column_alone)) {
        (true, true) | (false, false) => Ok(Command::nothing()),
        (true, false) => {
            let mut constrained = owner.clone();
            constrained.uniques.push(UniqueConstraint {
                name: None,
                columns: vec![column],
            });
            tables::replace(design, constrained)?;
            Ok(Command::SetColumnUnique {
                table,
                column,
                unique: false,
            })
        }
        (false, true) => {
            let mut unconstrained = owner.clone();
            unconstrained
                .uniques
                .retain(|constraint| !on_column_alone(constraint));
            tables::replace(design, unconstrained)
        }
    }
}

pub(super) fn replace(
    design: &mut Design,
    table: TableId,
    column: Column,
) -> Result<Command, CommandError> {
    let owner = design
        .table_mut(table)
        .ok_or(CommandError::NoSuchTable(table))?;
    let missing = CommandError::NoSuchColumn {
        table: owner.qualified_name(),
        column: column.id,
    };
    let index = owner
        .columns
        .iter()
        .position(|other| other.id == column.id)
        .ok_or(missing.clone())?;
    let previous = replace_at(&mut owner.columns, index, column).ok_or(missing)?;
    Ok(Command::ReplaceColumn {
        table,
        column: previous,
    })
}

fn column_mut(
    design: &mut Design,
    table: TableId,
    column: ColumnId,
) -> Result<&mut Column, CommandError> {
    let owner = design
        .table_mut(table)
        .ok_or(CommandError::NoSuchTable(table))?;
    let table_name = owner.qualified_name();
    owner
        .columns
        .iter_mut()
        .find(|other| other.id == column)
        .ok_or(CommandError::NoSuchColumn {
            table: table_name,
            column,
        })
}

/// Whether a foreign key uses the column of the table on either side.
fn uses_column(foreign_key: &ForeignKey, table: TableId, column: ColumnId) -> bool {
    (foreign_key.from_table == table && foreign_key.from_columns.contains(&column))
        || (foreign_key.to_table == table && foreign_key.to_columns.contains(&column))
}

/// Fails when another column of the table (not `except`) has the name, ignoring ASCII case.
fn require_free_name(
    table: &Table,
    name: &str,
    except: Option<ColumnId>,
) -> Result<(), CommandError> {
    let taken = table
        .columns
        .iter()
        .any(|other| Some(other.id) != except && other.name.eq_ignore_ascii_case(name));
    if taken {
        return Err(CommandError::ColumnNameTaken {
            table: table.qualified_name(),
            column: name.to_owned(),
        });
    }
    Ok(())
}

fn require_type(table: &Table, column: &str, data_type: &str) -> Result<(), CommandError> {
    if data_type.trim().is_empty() {
        return Err(CommandError::BlankDataType {
            table: table.qualified_name(),
            column: column.to_owned(),
        });
    }
    Ok(())
}
