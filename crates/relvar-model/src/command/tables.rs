//! Commands on whole tables: adding, deleting, renaming, colour, comment, and how the canvas
//! places and draws them.

use super::{
    Command, CommandError, apply_with_ids, find_column, find_table, insert_clamped, remove_at,
    replace_at, require_name, require_schema, table_index,
};
use crate::design::{Design, Point};
use crate::ids::TableId;
use crate::table::{Index, Table};

pub(super) fn add(design: &mut Design, table: Table, at: Point) -> Result<Command, CommandError> {
    require_name(&table.name, "table")?;
    require_schema(table.schema.as_deref())?;
    if let Some(taken) = design.table_named_like(table.schema.as_deref(), &table.name, None) {
        return Err(CommandError::TableNameTaken(taken.qualified_name()));
    }
    require_named_columns(&table)?;
    let id = table.id;
    let used: Vec<u32> = std::iter::once(id.0)
        .chain(table.columns.iter().map(|column| column.id.0))
        .collect();
    let index = design.tables.len();
    let insert = Command::Batch(vec![
        Command::InsertTable {
            table: Box::new(table),
            index,
        },
        Command::MoveTable { table: id, to: at },
    ]);
    apply_with_ids(design, insert, used)
}

pub(super) fn delete(design: &mut Design, id: TableId) -> Result<Command, CommandError> {
    let index = table_index(design, id)?;
    let mut detach = Vec::new();
    for foreign_key in &design.foreign_keys {
        if foreign_key.from_table == id || foreign_key.to_table == id {
            detach.push(Command::DeleteForeignKey { id: foreign_key.id });
        }
    }
    if design.layout.positions.contains_key(&id) {
        detach.push(Command::UnplaceTable { table: id });
    }
    if design.layout.collapsed.contains(&id) {
        detach.push(Command::SetCollapsed {
            table: id,
            collapsed: false,
        });
    }
    for area in &design.areas {
        if area.tables.contains(&id) {
            let mut without = area.clone();
            without.tables.retain(|member| *member != id);
            detach.push(Command::ReplaceArea(without));
        }
    }
    let viewed = |view: &crate::saved_view::SavedView| {
        view.tables.contains(&id) || view.positions.contains_key(&id)
    };
    if design.saved_views.iter().any(viewed) {
        let views = design.saved_views.iter().map(|view| view.without(id));
        let kept = views.filter(|view| !view.tables.is_empty());
        detach.push(Command::RestoreSavedViews(kept.collect()));
    }
    if let Some(table) = design.table(id) {
        let owned = |owner: &crate::SequenceOwner| {
            if super::sequences::owned_by_only(design, owner, table) {
                super::sequences::Owner::Dropped
            } else {
                super::sequences::Owner::Kept
            }
        };
        detach.extend(super::sequences::following(design, owned));
    }
    let reattach = Command::Batch(detach).apply(design)?;
    let Some(table) = remove_at(&mut design.tables, index) else {
        let _ = reattach.apply(design);
        return Err(CommandError::NoSuchTable(id));
    };
    let put_back = Command::InsertTable {
        table: Box::new(table),
        index,
    };
    Ok(match reattach {
        Command::Batch(commands) if commands.is_empty() => put_back,
        reattach => Command::Batch(vec![put_back, reattach]),
    })
}

pub(super) fn rename(
    design: &mut Design,
    id: TableId,
    schema: Option<String>,
    name: String,
) -> Result<Command, CommandError> {
    let mut renamed = find_table(design, id)?.clone();
    require_name(&name, "table")?;
    require_schema(schema.as_deref())?;
    if let Some(taken) = design.table_named_like(schema.as_deref(), &name, Some(id)) {
        return Err(CommandError::TableNameTaken(taken.qualified_name()));
    }
    renamed.schema = schema;
    renamed.name = name;
    let table = find_table(design, id)?;
    let follow = super::sequences::following(design, |owner| {
        super::sequences::after_table_rename(design, owner, table, &renamed)
    });
    if follow.is_empty() {
        return replace(design, renamed);
    }
    let mut edit = vec![Command::ReplaceTable(Box::new(renamed))];
    edit.extend(follow);
    Command::Batch(edit).apply(design)
}

pub(super) fn set_colour(
    design: &mut Design,
    id: TableId,
    colour: Option<String>,
) -> Result<Command, CommandError> {
    let table = design.table_mut(id).ok_or(CommandError::NoSuchTable(id))?;
    let previous = std::mem::replace(&mut table.colour, colour);
    Ok(Command::SetTableColour {
        table: id,
        colour: previous,
    })
}

pub(super) fn set_comment(
    design: &mut Design,
    id: TableId,
    comment: Option<String>,
) -> Result<Command, CommandError> {
    let table = design.table_mut(id).ok_or(CommandError::NoSuchTable(id))?;
    let previous = std::mem::replace(&mut table.comment, comment);
    Ok(Command::SetTableComment {
        table: id,
        comment: previous,
    })
}

pub(super) fn set_expected_rows(
    design: &mut Design,
    id: TableId,
    rows: Option<u64>,
) -> Result<Command, CommandError> {
    let table = design.table_mut(id).ok_or(CommandError::NoSuchTable(id))?;
    let previous = std::mem::replace(&mut table.expected_rows, rows);
    Ok(Command::SetTableExpectedRows {
        table: id,
        rows: previous,
    })
}

pub(super) fn set_collapsed(
    design: &mut Design,
    id: TableId,
    collapsed: bool,
) -> Result<Command, CommandError> {
    find_table(design, id)?;
    let was_collapsed = if collapsed {
        !design.layout.collapsed.insert(id)
    } else {
        design.layout.collapsed.remove(&id)
    };
    Ok(Command::SetCollapsed {
        table: id,
        collapsed: was_collapsed,
    })
}

/// Puts a table at `to`, or forgets its position when `to` is none.
pub(super) fn place(
    design: &mut Design,
    id: TableId,
    to: Option<Point>,
) -> Result<Command, CommandError> {
    find_table(design, id)?;
    let previous = match to {
        Some(to) => design.layout.positions.insert(id, to),
        None => design.layout.positions.remove(&id),
    };
    Ok(match previous {
        Some(from) => Command::MoveTable {
            table: id,
            to: from,
        },
        None => Command::UnplaceTable { table: id },
    })
}

pub(super) fn insert(
    design: &mut Design,
    table: Table,
    index: usize,
) -> Result<Command, CommandError> {
    if table_id_in_use(design, table.id) {
        return Err(CommandError::IdInUse {
            kind: "table",
            id: table.id.0,
        });
    }
    require_consistent(design, &table)?;
    let id = table.id;
    insert_clamped(&mut design.tables, index, table);
    Ok(Command::DeleteTable { table: id })
}

pub(super) fn replace(design: &mut Design, table: Table) -> Result<Command, CommandError> {
    let index = table_index(design, table.id)?;
    require_consistent(design, &table)?;
    require_columns_of_foreign_keys(design, &table)?;
    let id = table.id;
    let previous =
        replace_at(&mut design.tables, index, table).ok_or(CommandError::NoSuchTable(id))?;
    Ok(Command::ReplaceTable(Box::new(previous)))
}

/// Whether anything in the design refers to this table id.
fn table_id_in_use(design: &Design, id: TableId) -> bool {
    design.tables.iter().any(|table| table.id == id)
        || design.layout.positions.contains_key(&id)
        || design.layout.collapsed.contains(&id)
        || design.areas.iter().any(|area| area.tables.contains(&id))
        || design
            .foreign_keys
            .iter()
            .any(|fk| fk.from_table == id || fk.to_table == id)
}

/// Fails unless the table's column ids are its own (listed once, in no other table) and its
/// keys, unique constraints, indexes and declared dependencies name only its columns.
fn require_consistent(design: &Design, table: &Table) -> Result<(), CommandError> {
    for (position, column) in table.columns.iter().enumerate() {
        let repeated = table
            .columns
            .iter()
            .take(position)
            .any(|earlier| earlier.id == column.id);
        let elsewhere = design
            .tables
            .iter()
            .filter(|other| other.id != table.id)
            .any(|other| other.columns.iter().any(|c| c.id == column.id));
        if repeated || elsewhere {
            return Err(CommandError::IdInUse {
                kind: "column",
                id: column.id.0,
            });
        }
    }
    let key_columns = table.primary_key.iter().flat_map(|key| &key.columns);
    let unique_columns = table.uniques.iter().flat_map(|unique| &unique.columns);
    let index_columns = table.indexes.iter().flat_map(Index::columns);
    let dependency_columns = table
        .dependencies
        .iter()
        .flat_map(|dependency| dependency.lhs.iter().chain(&dependency.rhs));
    let referenced = key_columns
        .chain(unique_columns)
        .chain(dependency_columns)
        .copied()
        .chain(index_columns);
    for id in referenced {
        find_column(table, id)?;
    }
    Ok(())
}

/// Fails when the new version of a table lacks a column that a foreign key uses.
fn require_columns_of_foreign_keys(design: &Design, table: &Table) -> Result<(), CommandError> {
    let used = design.foreign_keys.iter().flat_map(|fk| {
        let from = fk.from_columns.iter().filter(|_| fk.from_table == table.id);
        let to = fk.to_columns.iter().filter(|_| fk.to_table == table.id);
        from.chain(to)
    });
    for id in used {
        if !table.columns.iter().any(|column| column.id == *id) {
            let column = design
                .column(table.id, *id)
                .map_or_else(|| format!("with id {}", id.0), |column| column.name.clone());
            return Err(CommandError::ColumnUsedByForeignKey {
                table: table.qualified_name(),
                column,
            });
        }
    }
    Ok(())
}

/// Fails unless every column has a distinct, non-blank name (ignoring ASCII case) and a type.
fn require_named_columns(table: &Table) -> Result<(), CommandError> {
    for (position, column) in table.columns.iter().enumerate() {
        require_name(&column.name, "column")?;
        if column.data_type.trim().is_empty() {
            return Err(CommandError::BlankDataType {
                table: table.qualified_name(),
                column: column.name.clone(),
            });
        }
        let taken = table
            .columns
            .iter()
            .take(position)
            .any(|earlier| earlier.name.eq_ignore_ascii_case(&column.name));
        if taken {
            return Err(CommandError::ColumnNameTaken {
                table: table.qualified_name(),
                column: column.name.clone(),
            });
        }
    }
    Ok(())
}
