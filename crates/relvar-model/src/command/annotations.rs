//! Commands on what the canvas shows beside the schema: notes and subject areas.

use super::{
    Command, CommandError, apply_with_ids, find_table, insert_clamped, remove_at, replace_at,
    require_name,
};
use crate::annotation::{Note, SubjectArea};
use crate::design::{Design, Point};
use crate::ids::{AreaId, NoteId, TableId};

pub(super) fn add_note(design: &mut Design, note: Note) -> Result<Command, CommandError> {
    let used = note.id.0;
    let index = design.notes.len();
    apply_with_ids(design, Command::InsertNote { note, index }, [used])
}

pub(super) fn delete_note(design: &mut Design, id: NoteId) -> Result<Command, CommandError> {
    let index = note_index(design, id)?;
    let note = remove_at(&mut design.notes, index).ok_or(CommandError::NoSuchNote(id))?;
    Ok(Command::InsertNote { note, index })
}

pub(super) fn set_note_text(
    design: &mut Design,
    id: NoteId,
    text: String,
) -> Result<Command, CommandError> {
    let note = note_mut(design, id)?;
    Ok(Command::SetNoteText {
        id,
        text: std::mem::replace(&mut note.text, text),
    })
}

pub(super) fn move_note(
    design: &mut Design,
    id: NoteId,
    to: Point,
) -> Result<Command, CommandError> {
    let note = note_mut(design, id)?;
    Ok(Command::MoveNote {
        id,
        to: std::mem::replace(&mut note.at, to),
    })
}

pub(super) fn set_note_colour(
    design: &mut Design,
    id: NoteId,
    colour: Option<String>,
) -> Result<Command, CommandError> {
    let note = note_mut(design, id)?;
    Ok(Command::SetNoteColour {
        id,
        colour: std::mem::replace(&mut note.colour, colour),
    })
}

pub(super) fn insert_note(
    design: &mut Design,
    note: Note,
    index: usize,
) -> Result<Command, CommandError> {
    if design.note(note.id).is_some() {
        return Err(CommandError::IdInUse {
            kind: "note",
            id: note.id.0,
        });
    }
    let id = note.id;
    insert_clamped(&mut design.notes, index, note);
    Ok(Command::DeleteNote { id })
}

pub(super) fn add_area(design: &mut Design, area: SubjectArea) -> Result<Command, CommandError> {
    require_name(&area.name, "subject area")?;
    require_member_tables(design, &area.name, &area.tables)?;
    let used = area.id.0;
    let index = design.areas.len();
    apply_with_ids(design, Command::InsertArea { area, index }, [used])
}

pub(super) fn delete_area(design: &mut Design, id: AreaId) -> Result<Command, CommandError> {
    let index = area_index(design, id)?;
    let area = remove_at(&mut design.areas, index).ok_or(CommandError::NoSuchArea(id))?;
    Ok(Command::InsertArea { area, index })
}

pub(super) fn rename_area(
    design: &mut Design,
    id: AreaId,
    name: String,
) -> Result<Command, CommandError> {
    let mut renamed = design.area(id).ok_or(CommandError::NoSuchArea(id))?.clone();
    require_name(&name, "subject area")?;
    renamed.name = name;
    replace_area(design, renamed)
}

pub(super) fn set_area_colour(
    design: &mut Design,
    id: AreaId,
    colour: String,
) -> Result<Command, CommandError> {
    let area = design
        .areas
        .iter_mut()
        .find(|area| area.id == id)
        .ok_or(CommandError::NoSuchArea(id))?;
    Ok(Command::SetAreaColour {
        id,
        colour: std::mem::replace(&mut area.colour, colour),
    })
}

pub(super) fn set_area_tables(
    design: &mut Design,
    id: AreaId,
    tables: Vec<TableId>,
) -> Result<Command, CommandError> {
    let mut changed = design.area(id).ok_or(CommandError::NoSuchArea(id))?.clone();
    require_member_tables(design, &changed.name, &tables)?;
    changed.tables = tables;
    replace_area(design, changed)
}

pub(super) fn insert_area(
    design: &mut Design,
    area: SubjectArea,
    index: usize,
) -> Result<Command, CommandError> {
    if design.area(area.id).is_some() {
        return Err(CommandError::IdInUse {
            kind: "subject area",
            id: area.id.0,
        });
    }
    require_existing_tables(design, &area.tables)?;
    let id = area.id;
    insert_clamped(&mut design.areas, index, area);
    Ok(Command::DeleteArea { id })
}

pub(super) fn replace_area(
    design: &mut Design,
    area: SubjectArea,
) -> Result<Command, CommandError> {
    let id = area.id;
    let index = area_index(design, id)?;
    require_existing_tables(design, &area.tables)?;
    let previous =
        replace_at(&mut design.areas, index, area).ok_or(CommandError::NoSuchArea(id))?;
    Ok(Command::ReplaceArea(previous))
}

fn note_index(design: &Design, id: NoteId) -> Result<usize, CommandError> {
    design
        .notes
        .iter()
        .position(|note| note.id == id)
        .ok_or(CommandError::NoSuchNote(id))
}

fn note_mut(design: &mut Design, id: NoteId) -> Result<&mut Note, CommandError> {
    design
        .notes
        .iter_mut()
        .find(|note| note.id == id)
        .ok_or(CommandError::NoSuchNote(id))
}

fn area_index(design: &Design, id: AreaId) -> Result<usize, CommandError> {
    design
        .areas
        .iter()
        .position(|area| area.id == id)
        .ok_or(CommandError::NoSuchArea(id))
}

fn require_existing_tables(design: &Design, tables: &[TableId]) -> Result<(), CommandError> {
    for table in tables {
        find_table(design, *table)?;
    }
    Ok(())
}

/// Fails unless every table exists and is listed once.
fn require_member_tables(
    design: &Design,
    area: &str,
    tables: &[TableId],
) -> Result<(), CommandError> {
    for (position, id) in tables.iter().enumerate() {
        let table = find_table(design, *id)?;
        if tables.iter().take(position).any(|earlier| earlier == id) {
            return Err(CommandError::RepeatedAreaTable {
                area: area.to_owned(),
                table: table.qualified_name(),
            });
        }
    }
    Ok(())
}
