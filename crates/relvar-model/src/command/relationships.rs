//! Commands on foreign keys: adding, deleting, and changing their columns and actions.

use super::{
    Command, CommandError, apply_with_ids, find_column, find_table, insert_clamped, remove_at,
    replace_at, require_own_columns,
};
use crate::design::{Design, ForeignKey, ReferentialAction};
use crate::ids::{ColumnId, ForeignKeyId, TableId};

pub(super) fn add(design: &mut Design, foreign_key: ForeignKey) -> Result<Command, CommandError> {
    require_free_id(design, foreign_key.id)?;
    require_pairing(
        design,
        (foreign_key.from_table, &foreign_key.from_columns),
        (foreign_key.to_table, &foreign_key.to_columns),
    )?;
    let used = foreign_key.id.0;
    let index = design.foreign_keys.len();
    let insert = Command::InsertForeignKey { foreign_key, index };
    apply_with_ids(design, insert, [used])
}

pub(super) fn delete(design: &mut Design, id: ForeignKeyId) -> Result<Command, CommandError> {
    let index = foreign_key_index(design, id)?;
    let foreign_key =
        remove_at(&mut design.foreign_keys, index).ok_or(CommandError::NoSuchForeignKey(id))?;
    Ok(Command::InsertForeignKey { foreign_key, index })
}

pub(super) fn set_columns(
    design: &mut Design,
    id: ForeignKeyId,
    from_columns: Vec<ColumnId>,
    to_columns: Vec<ColumnId>,
) -> Result<Command, CommandError> {
    let mut changed = design
        .foreign_key(id)
        .ok_or(CommandError::NoSuchForeignKey(id))?
        .clone();
    require_pairing(
        design,
        (changed.from_table, &from_columns),
        (changed.to_table, &to_columns),
    )?;
    changed.from_columns = from_columns;
    changed.to_columns = to_columns;
    replace(design, changed)
}

pub(super) fn set_actions(
    design: &mut Design,
    id: ForeignKeyId,
    on_delete: ReferentialAction,
    on_update: ReferentialAction,
) -> Result<Command, CommandError> {
    let foreign_key = design
        .foreign_keys
        .iter_mut()
        .find(|fk| fk.id == id)
        .ok_or(CommandError::NoSuchForeignKey(id))?;
    Ok(Command::SetForeignKeyActions {
        id,
        on_delete: std::mem::replace(&mut foreign_key.on_delete, on_delete),
        on_update: std::mem::replace(&mut foreign_key.on_update, on_update),
    })
}

pub(super) fn insert(
    design: &mut Design,
    foreign_key: ForeignKey,
    index: usize,
) -> Result<Command, CommandError> {
    require_free_id(design, foreign_key.id)?;
    require_references(design, &foreign_key)?;
    let id = foreign_key.id;
    insert_clamped(&mut design.foreign_keys, index, foreign_key);
    Ok(Command::DeleteForeignKey { id })
}

pub(super) fn replace(
    design: &mut Design,
    foreign_key: ForeignKey,
) -> Result<Command, CommandError> {
    let id = foreign_key.id;
    let index = foreign_key_index(design, id)?;
    require_references(design, &foreign_key)?;
    let previous = replace_at(&mut design.foreign_keys, index, foreign_key)
        .ok_or(CommandError::NoSuchForeignKey(id))?;
    Ok(Command::ReplaceForeignKey(previous))
}

fn foreign_key_index(design: &Design, id: ForeignKeyId) -> Result<usize, CommandError> {
    design
        .foreign_keys
        .iter()
        .position(|fk| fk.id == id)
        .ok_or(CommandError::NoSuchForeignKey(id))
}

fn require_free_id(design: &Design, id: ForeignKeyId) -> Result<(), CommandError> {
    if design.foreign_key(id).is_some() {
        return Err(CommandError::IdInUse {
            kind: "relationship",
            id: id.0,
        });
    }
    Ok(())
}

/// Fails unless both tables exist and the columns pair up: as many on each side (at least one),
/// each of its own table and listed once.
fn require_pairing(
    design: &Design,
    (from_table, from_columns): (TableId, &[ColumnId]),
    (to_table, to_columns): (TableId, &[ColumnId]),
) -> Result<(), CommandError> {
    let from = find_table(design, from_table)?;
    let to = find_table(design, to_table)?;
    if from_columns.is_empty() || to_columns.is_empty() {
        return Err(CommandError::EmptyForeignKey);
    }
    if from_columns.len() != to_columns.len() {
        return Err(CommandError::MismatchedKeyColumns {
            from: from_columns.len(),
            to: to_columns.len(),
        });
    }
    require_own_columns(from, from_columns)?;
    require_own_columns(to, to_columns)
}

/// Fails unless the foreign key's tables exist and have its columns.
fn require_references(design: &Design, foreign_key: &ForeignKey) -> Result<(), CommandError> {
    let sides = [
        (foreign_key.from_table, &foreign_key.from_columns),
        (foreign_key.to_table, &foreign_key.to_columns),
    ];
    for (table, columns) in sides {
        let table = find_table(design, table)?;
        for column in columns {
            find_column(table, *column)?;
        }
    }
    Ok(())
}
