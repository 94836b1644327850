//! Edits to a design. Applying a command returns its inverse, so undo is applying that inverse.
//!
//! Edits a person makes (`Add…`, `Delete…`, `Rename…`, `Set…`, `Move…`) check what they are given
//! and fail without changing anything. Creating commands carry complete objects whose ids the caller
//! took from a clone of `design.ids`; applying them raises the design's allocator above those ids.
//! Inverses are often the restoring primitives at the end of [`Command`] (`Insert…` at an index,
//! `Replace…` in place, `Batch`, `RestoreIds`): they put objects back exactly where they were and
//! check only that ids stay unique and references resolve, so undoing never trips over a rule the
//! design broke before the edit.

mod annotations;
mod columns;
mod dependencies;
mod enums;
mod error;
mod relationships;
mod review;
mod sequences;
mod tables;
mod versions;
mod views;
mod workload;

pub use error::CommandError;

use crate::annotation::{Note, SubjectArea};
use crate::decision::Decision;
use crate::dependency::DeclaredDependency;
use crate::design::{Design, EnumType, ForeignKey, Point, ReferentialAction};
use crate::ids::{AreaId, ColumnId, ForeignKeyId, IdAllocator, NoteId, TableId};
use crate::saved_view::SavedView;
use crate::table::{Column, Table};
use crate::version::Version;
use crate::workload::WorkloadQuery;

/// One edit of a design.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Appends a table and places it at `at`. Its ids must be unused; its name must not be blank
    /// or taken in its schema (ignoring ASCII case); its columns need distinct, non-blank names
    /// and types, and its keys and indexes may name only its own columns.
    AddTable {
        table: Box<Table>,
        at: Point,
    },
    /// Removes a table with every foreign key from or to it, its position, its collapsed flag and
    /// its membership of subject areas.
    DeleteTable {
        table: TableId,
    },
    /// Renames a table, possibly into another schema.
    RenameTable {
        table: TableId,
        schema: Option<String>,
        name: String,
    },
    SetTableColour {
        table: TableId,
        colour: Option<String>,
    },
    SetTableComment {
        table: TableId,
        comment: Option<String>,
    },
    /// Sets how many rows a table is expected to reach (none: not estimated).
    SetTableExpectedRows {
        table: TableId,
        rows: Option<u64>,
    },
    /// Draws a table collapsed to its key columns, or in full.
    SetCollapsed {
        table: TableId,
        collapsed: bool,
    },
    /// Puts a table at a position on the canvas.
    MoveTable {
        table: TableId,
        to: Point,
    },
    /// Forgets a table's position, so the layout places it; the inverse of a table's first move.
    UnplaceTable {
        table: TableId,
    },
    /// Sets the functional and multivalued dependencies declared on a table. Each must name only
    /// the table's columns, each once per side, with at least one column on the right.
    SetTableDependencies {
        table: TableId,
        dependencies: Vec<DeclaredDependency>,
    },

    /// Inserts a column at `index` (clamped to the end). Its id must be unused, its name not blank
    /// nor taken in the table (ignoring ASCII case), its type not blank.
    AddColumn {
        table: TableId,
        column: Column,
        index: usize,
    },
    /// Removes a column, drops it from the primary key (the key goes when it has no column left),
    /// and removes the unique constraints, indexes, declared dependencies and foreign keys that
    /// use it.
    DeleteColumn {
        table: TableId,
        column: ColumnId,
    },
    /// Moves a column to position `to` among its table's columns (clamped to the last).
    MoveColumn {
        table: TableId,
        column: ColumnId,
        to: usize,
    },
    RenameColumn {
        table: TableId,
        column: ColumnId,
        name: String,
    },
    SetColumnType {
        table: TableId,
        column: ColumnId,
        data_type: String,
    },
    /// Fails for a primary key column made nullable.
    SetColumnNullable {
        table: TableId,
        column: ColumnId,
        nullable: bool,
    },
    SetColumnDefault {
        table: TableId,
        column: ColumnId,
        default: Option<String>,
    },
    SetColumnComment {
        table: TableId,
        column: ColumnId,
        comment: Option<String>,
    },
    /// Makes these columns, in this order, the primary key (none removes it), keeping the key's
    /// name; they become NOT NULL.
    SetPrimaryKey {
        table: TableId,
        columns: Vec<ColumnId>,
    },
    /// Adds or removes a single-column unique constraint; adding one that exists, or removing one
    /// that does not, changes nothing.
    SetColumnUnique {
        table: TableId,
        column: ColumnId,
        unique: bool,
    },

    /// Appends an enum type; its name must not be blank or taken, its values not blank nor repeated.
    AddEnum {
        enum_type: EnumType,
    },
    /// Removes the enum type with this qualified name; fails while a column's type names it.
    DeleteEnum {
        name: String,
    },
    /// Renames an enum type and every column type that named it.
    RenameEnum {
        name: String,
        schema: Option<String>,
        new_name: String,
    },
    SetEnumValues {
        name: String,
        values: Vec<String>,
    },

    /// Appends a foreign key (one for all columns of a composite key). Its id must be unused; its
    /// tables must exist, with as many columns on each side (at least one), each of its table and
    /// listed once.
    AddForeignKey {
        foreign_key: ForeignKey,
    },
    DeleteForeignKey {
        id: ForeignKeyId,
    },
    /// Changes which columns a foreign key pairs, checked as `AddForeignKey` checks them.
    SetForeignKeyColumns {
        id: ForeignKeyId,
        from_columns: Vec<ColumnId>,
        to_columns: Vec<ColumnId>,
    },
    SetForeignKeyActions {
        id: ForeignKeyId,
        on_delete: ReferentialAction,
        on_update: ReferentialAction,
    },

    /// Appends a note; its id must be unused.
    AddNote {
        note: Note,
    },
    DeleteNote {
        id: NoteId,
    },
    SetNoteText {
        id: NoteId,
        text: String,
    },
    MoveNote {
        id: NoteId,
        to: Point,
    },
    SetNoteColour {
        id: NoteId,
        colour: Option<String>,
    },

    /// Appends a subject area; its id must be unused, its name not blank, its tables existing and
    /// listed once.
    AddArea {
        area: SubjectArea,
    },
    /// Removes a subject area; its tables stay.
    DeleteArea {
        id: AreaId,
    },
    RenameArea {
        id: AreaId,
        name: String,
    },
    SetAreaColour {
        id: AreaId,
        colour: String,
    },
    /// Sets the member tables of a subject area, checked as `AddArea` checks them.
    SetAreaTables {
        id: AreaId,
        tables: Vec<TableId>,
    },

    /// Switches a review rule (by code or name, not blank) off or on for this design.
    SetReviewRuleEnabled {
        rule: String,
        enabled: bool,
    },

    /// Sets the design's workload, every query not blank and run at least once.
    SetWorkload {
        queries: Vec<WorkloadQuery>,
    },
    /// Sets the design's decision records, each with a title that is not blank.
    SetDecisions {
        decisions: Vec<Decision>,
    },

    /// Swaps the whole design for another one, as an import does.
    ReplaceDesign(Box<Design>),
    /// Applies commands in order as one edit: if one fails, those already applied are undone.
    Batch(Vec<Command>),
    /// Sets the id allocator (the inverse of raising it).
    RestoreIds(IdAllocator),
    /// Puts a table back at `index` (clamped to the end).
    InsertTable {
        table: Box<Table>,
        index: usize,
    },
    /// Replaces the table that has the same id, in place.
    ReplaceTable(Box<Table>),
    /// Replaces the column that has the same id, in place.
    ReplaceColumn {
        table: TableId,
        column: Column,
    },
    /// Puts a foreign key back at `index` (clamped to the end).
    InsertForeignKey {
        foreign_key: ForeignKey,
        index: usize,
    },
    /// Replaces the foreign key that has the same id, in place.
    ReplaceForeignKey(ForeignKey),
    /// Puts an enum type back at `index` (clamped to the end).
    InsertEnum {
        enum_type: EnumType,
        index: usize,
    },
    /// Removes an enum type even while columns name it (the inverse of inserting it).
    RemoveEnum {
        name: String,
    },
    /// Replaces the enum type with qualified name `name`, in place.
    ReplaceEnum {
        name: String,
        enum_type: EnumType,
    },
    /// Puts a note back at `index` (clamped to the end).
    InsertNote {
        note: Note,
        index: usize,
    },
    /// Puts a subject area back at `index` (clamped to the end).
    InsertArea {
        area: SubjectArea,
        index: usize,
    },
    /// Replaces the subject area that has the same id, in place.
    ReplaceArea(SubjectArea),
    /// Puts back a workload as it was, unjudged (the inverse of setting it).
    RestoreWorkload(Vec<WorkloadQuery>),
    /// Puts back decision records as they were, unjudged (the inverse of setting them).
    RestoreDecisions(Vec<Decision>),
    /// Sets the design's saved views: names not blank and distinct, members tables of the design.
    SetSavedViews {
        views: Vec<SavedView>,
    },
    /// Puts back saved views as they were, unjudged (the inverse of setting them).
    RestoreSavedViews(Vec<SavedView>),
    /// Sets the design's versions: names not blank and distinct, snapshots without versions.
    SetVersions {
        versions: Vec<Version>,
    },
    /// Puts back versions as they were, unjudged (the inverse of setting them).
    RestoreVersions(Vec<Version>),
    /// Removes the sequence of this qualified name (`schema.name` or `name`).
    DeleteSequence {
        name: String,
    },
    /// Puts a sequence back at its place in the list (the inverse of deleting it).
    InsertSequence {
        sequence: Box<crate::sequence::Sequence>,
        index: usize,
    },
    /// Gives the sequence of this qualified name to a column, or to none.
    SetSequenceOwner {
        name: String,
        owner: Option<crate::sequence::SequenceOwner>,
    },
}

impl Command {
    /// A command that changes nothing (and is its own inverse).
    pub fn nothing() -> Command {
        Command::Batch(Vec::new())
    }

    /// Applies the command and returns the command that undoes it. On error the design is left
    /// exactly as it was.
    pub fn apply(self, design: &mut Design) -> Result<Command, CommandError> {
        use Command as C;
        match self {
            C::AddTable { table, at } => tables::add(design, *table, at),
            C::DeleteTable { table } => tables::delete(design, table),
            C::RenameTable {
                table,
                schema,
                name,
            } => tables::rename(design, table, schema, name),
            C::SetTableColour { table, colour } => tables::set_colour(design, table, colour),
            C::SetTableComment { table, comment } => tables::set_comment(design, table, comment),
            C::SetTableExpectedRows { table, rows } => {
                tables::set_expected_rows(design, table, rows)
            }
            C::SetCollapsed { table, collapsed } => tables::set_collapsed(design, table, collapsed),
            C::MoveTable { table, to } => tables::place(design, table, Some(to)),
            C::UnplaceTable { table } => tables::place(design, table, None),
            C::SetTableDependencies {
                table,
                dependencies,
            } => dependencies::set(design, table, dependencies),
            C::InsertTable { table, index } => tables::insert(design, *table, index),
            C::ReplaceTable(table) => tables::replace(design, *table),

            C::AddColumn {
                table,
                column,
                index,
            } => columns::add(design, table, column, index),
            C::DeleteColumn { table, column } => columns::delete(design, table, column),
            C::MoveColumn { table, column, to } => columns::move_to(design, table, column, to),
            C::RenameColumn {
                table,
                column,
                name,
            } => columns::rename(design, table, column, name),
            C::SetColumnType {
                table,
                column,
                data_type,
            } => columns::set_type(design, table, column, data_type),
            C::SetColumnNullable {
                table,
                column,
                nullable,
            } => columns::set_nullable(design, table, column, nullable),
            C::SetColumnDefault {
                table,
                column,
                default,
            } => columns::set_default(design, table, column, default),
            C::SetColumnComment {
                table,
                column,
                comment,
            } => columns::set_comment(design, table, column, comment),
            C::SetPrimaryKey { table, columns } => columns::set_primary_key(design, table, columns),
            C::SetColumnUnique {
                table,
                column,
                unique,
            } => columns::set_unique(design, table, column, unique),
            C::ReplaceColumn { table, column } => columns::replace(design, table, column),

            C::AddEnum { enum_type } => enums::add(design, enum_type),
            C::DeleteEnum { name } => enums::delete(design, &name),
            C::RenameEnum {
                name,
                schema,
                new_name,
            } => enums::rename(design, &name, schema, new_name),
            C::SetEnumValues { name, values } => enums::set_values(design, &name, values),
            C::InsertEnum { enum_type, index } => enums::insert(design, enum_type, index),
            C::RemoveEnum { name } => enums::remove(design, &name),
            C::ReplaceEnum { name, enum_type } => enums::replace(design, &name, enum_type),

            C::AddForeignKey { foreign_key } => relationships::add(design, foreign_key),
            C::DeleteForeignKey { id } => relationships::delete(design, id),
            C::SetForeignKeyColumns {
                id,
                from_columns,
                to_columns,
            } => relationships::set_columns(design, id, from_columns, to_columns),
            C::SetForeignKeyActions {
                id,
                on_delete,
                on_update,
            } => relationships::set_actions(design, id, on_delete, on_update),
            C::InsertForeignKey { foreign_key, index } => {
                relationships::insert(design, foreign_key, index)
            }
            C::ReplaceForeignKey(foreign_key) => relationships::replace(design, foreign_key),

            C::AddNote { note } => annotations::add_note(design, note),
            C::DeleteNote { id } => annotations::delete_note(design, id),
            C::SetNoteText { id, text } => annotations::set_note_text(design, id, text),
            C::MoveNote { id, to } => annotations::move_note(design, id, to),
            C::SetNoteColour { id, colour } => annotations::set_note_colour(design, id, colour),
            C::InsertNote { note, index } => annotations::insert_note(design, note, index),
            C::AddArea { area } => annotations::add_area(design, area),
            C::DeleteArea { id } => annotations::delete_area(design, id),
            C::RenameArea { id, name } => annotations::rename_area(design, id, name),
            C::SetAreaColour { id, colour } => annotations::set_area_colour(design, id, colour),
            C::SetAreaTables { id, tables } => annotations::set_area_tables(design, id, tables),
            C::InsertArea { area, index } => annotations::insert_area(design, area, index),
            C::ReplaceArea(area) => annotations::replace_area(design, area),

            C::SetReviewRuleEnabled { rule, enabled } => {
                review::set_rule_enabled(design, rule, enabled)
            }

            C::SetWorkload { queries } => workload::set(design, queries),
            C::SetDecisions { decisions } => workload::set_decisions(design, decisions),
            C::RestoreWorkload(queries) => Ok(workload::restore(design, queries)),
            C::RestoreDecisions(decisions) => Ok(workload::restore_decisions(design, decisions)),
            C::SetSavedViews { views } => views::set(design, views),
            C::RestoreSavedViews(views) => Ok(views::restore(design, views)),
            C::SetVersions { versions } => versions::set(design, versions),
            C::RestoreVersions(versions) => Ok(versions::restore(design, versions)),
            C::DeleteSequence { name } => sequences::delete(design, &name),
            C::InsertSequence { sequence, index } => {
                Ok(sequences::insert(design, *sequence, index))
            }
            C::SetSequenceOwner { name, owner } => sequences::set_owner(design, &name, owner),

            C::ReplaceDesign(next) => {
                let previous = std::mem::replace(design, *next);
                Ok(C::ReplaceDesign(Box::new(previous)))
            }
            C::Batch(commands) => apply_batch(design, commands),
            C::RestoreIds(ids) => Ok(C::RestoreIds(std::mem::replace(&mut design.ids, ids))),
        }
    }
}

fn apply_batch(design: &mut Design, commands: Vec<Command>) -> Result<Command, CommandError> {
    let mut inverses = Vec::with_capacity(commands.len());
    for command in commands {
        match command.apply(design) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                for inverse in inverses.into_iter().rev() {
                    // Undoing what this batch has just done puts back a state that was valid.
                    let _ = inverse.apply(design);
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Command::Batch(inverses))
}

/// Applies `insert` (which adds objects carrying the ids `used`) and raises the id allocator above
/// those ids; the inverse removes the objects and restores the previous allocator.
fn apply_with_ids(
    design: &mut Design,
    insert: Command,
    used: impl IntoIterator<Item = u32>,
) -> Result<Command, CommandError> {
    let mut ids = design.ids.clone();
    for id in used {
        ids.ensure_above(id);
    }
    if ids == design.ids {
        return insert.apply(design);
    }
    Command::Batch(vec![insert, Command::RestoreIds(ids)]).apply(design)
}

/// Fails when a name is empty or only whitespace.
fn require_name(name: &str, what: &'static str) -> Result<(), CommandError> {
    if name.trim().is_empty() {
        return Err(CommandError::BlankName(what));
    }
    Ok(())
}

/// Fails when a schema is given but blank.
fn require_schema(schema: Option<&str>) -> Result<(), CommandError> {
    schema.map_or(Ok(()), |schema| require_name(schema, "schema"))
}

fn table_index(design: &Design, id: TableId) -> Result<usize, CommandError> {
    design
        .tables
        .iter()
        .position(|table| table.id == id)
        .ok_or(CommandError::NoSuchTable(id))
}

fn find_table(design: &Design, id: TableId) -> Result<&Table, CommandError> {
    design.table(id).ok_or(CommandError::NoSuchTable(id))
}

/// The column of a table, or the error naming the table.
fn find_column(table: &Table, id: ColumnId) -> Result<&Column, CommandError> {
    table
        .columns
        .iter()
        .find(|column| column.id == id)
        .ok_or_else(|| CommandError::NoSuchColumn {
            table: table.qualified_name(),
            column: id,
        })
}

/// Fails unless every column belongs to the table, each listed once.
fn require_own_columns(table: &Table, columns: &[ColumnId]) -> Result<(), CommandError> {
    for (position, id) in columns.iter().enumerate() {
        let column = find_column(table, *id)?;
        if columns.iter().take(position).any(|earlier| earlier == id) {
            return Err(CommandError::RepeatedColumn {
                table: table.qualified_name(),
                column: column.name.clone(),
            });
        }
    }
    Ok(())
}

/// Inserts at `index`, or at the end when `index` is past it.
fn insert_clamped<T>(items: &mut Vec<T>, index: usize, item: T) {
    let index = index.min(items.len());
    items.insert(index, item);
}

/// Removes the item at `index` when there is one.
fn remove_at<T>(items: &mut Vec<T>, index: usize) -> Option<T> {
    (index < items.len()).then(|| items.remove(index))
}

/// Swaps the item at `index` for `item`, returning the old one; `None` leaves the items unchanged.
fn replace_at<T>(items: &mut [T], index: usize, item: T) -> Option<T> {
    items
        .get_mut(index)
        .map(|slot| std::mem::replace(slot, item))
}

#[cfg(test)]
mod tests;
