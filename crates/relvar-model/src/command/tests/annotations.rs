//! Tests of the note and subject area commands.

use super::{catalogue, edited, rejected, table};
use crate::annotation::{Note, SubjectArea};
use crate::command::{Command, CommandError};
use crate::design::Point;
use crate::ids::{AreaId, NoteId, TableId};

#[test]
fn add_note_appends_and_raises_the_allocator_and_rejects_a_used_id() {
    let design = catalogue();
    let mut ids = design.ids.clone();
    let note = Note {
        id: ids.note(),
        text: "Rentals are per store".into(),
        at: Point::new(1.0, 2.0),
        colour: Some("#fff3b0".into()),
    };
    let after = edited(&design, Command::AddNote { note: note.clone() });
    assert_eq!(after.notes.last(), Some(&note));
    assert_eq!(after.ids, ids);
    let used = Note {
        id: design.notes[0].id,
        ..note
    };
    assert_eq!(
        rejected(&design, Command::AddNote { note: used }),
        CommandError::IdInUse {
            kind: "note",
            id: design.notes[0].id.0
        }
    );
}

#[test]
fn notes_are_deleted_in_place_edited_moved_and_recoloured() {
    let mut design = catalogue();
    let mut ids = design.ids.clone();
    for text in ["second", "third"] {
        design.notes.push(Note {
            id: ids.note(),
            text: text.into(),
            at: Point::default(),
            colour: None,
        });
    }
    design.ids = ids;
    let middle = design.notes[1].id;
    let deleted = edited(&design, Command::DeleteNote { id: middle });
    let texts: Vec<&str> = deleted.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["Ask about rentals", "third"]);
    let written = edited(
        &design,
        Command::SetNoteText {
            id: middle,
            text: "2nd".into(),
        },
    );
    assert_eq!(written.note(middle).unwrap().text, "2nd");
    let moved = edited(
        &design,
        Command::MoveNote {
            id: middle,
            to: Point::new(-4.0, 8.0),
        },
    );
    assert_eq!(moved.note(middle).unwrap().at, Point::new(-4.0, 8.0));
    let coloured = edited(
        &design,
        Command::SetNoteColour {
            id: middle,
            colour: Some("#ffd0d0".into()),
        },
    );
    assert_eq!(
        coloured.note(middle).unwrap().colour.as_deref(),
        Some("#ffd0d0")
    );
    for command in [
        Command::DeleteNote { id: NoteId(999) },
        Command::SetNoteText {
            id: NoteId(999),
            text: String::new(),
        },
        Command::MoveNote {
            id: NoteId(999),
            to: Point::default(),
        },
        Command::SetNoteColour {
            id: NoteId(999),
            colour: None,
        },
    ] {
        assert_eq!(
            rejected(&design, command),
            CommandError::NoSuchNote(NoteId(999))
        );
    }
}

#[test]
fn add_area_needs_a_name_existing_tables_listed_once_and_a_free_id() {
    let design = catalogue();
    let mut ids = design.ids.clone();
    let area = SubjectArea {
        id: ids.area(),
        name: "People".into(),
        colour: "#6fd83b".into(),
        tables: vec![table(&design, "actor")],
    };
    let after = edited(&design, Command::AddArea { area: area.clone() });
    assert_eq!(after.areas.last(), Some(&area));
    assert_eq!(after.ids, ids);
    let add = |change: &dyn Fn(&mut SubjectArea)| {
        let mut changed = area.clone();
        change(&mut changed);
        Command::AddArea { area: changed }
    };
    assert_eq!(
        rejected(&design, add(&|a| a.name = " ".into())),
        CommandError::BlankName("subject area")
    );
    assert_eq!(
        rejected(&design, add(&|a| a.tables.push(TableId(999)))),
        CommandError::NoSuchTable(TableId(999))
    );
    assert_eq!(
        rejected(&design, add(&|a| a.tables = vec![a.tables[0], a.tables[0]])),
        CommandError::RepeatedAreaTable {
            area: "People".into(),
            table: "public.actor".into()
        }
    );
    let used = design.areas[1].id;
    assert_eq!(
        rejected(&design, add(&|a| a.id = used)),
        CommandError::IdInUse {
            kind: "subject area",
            id: used.0
        }
    );
}

#[test]
fn areas_are_deleted_in_place_without_their_tables_renamed_recoloured_and_refilled() {
    let design = catalogue();
    let catalogue_area = design.areas[0].id;
    let deleted = edited(&design, Command::DeleteArea { id: catalogue_area });
    assert_eq!(deleted.areas.len(), 1);
    assert_eq!(deleted.areas[0].name, "Sales");
    assert_eq!(deleted.tables, design.tables);
    let renamed = edited(
        &design,
        Command::RenameArea {
            id: catalogue_area,
            name: "Films".into(),
        },
    );
    assert_eq!(renamed.area(catalogue_area).unwrap().name, "Films");
    assert_eq!(
        rejected(
            &design,
            Command::RenameArea {
                id: catalogue_area,
                name: String::new()
            }
        ),
        CommandError::BlankName("subject area")
    );
    let recoloured = edited(
        &design,
        Command::SetAreaColour {
            id: catalogue_area,
            colour: "#000000".into(),
        },
    );
    assert_eq!(recoloured.area(catalogue_area).unwrap().colour, "#000000");
    let refilled = edited(
        &design,
        Command::SetAreaTables {
            id: catalogue_area,
            tables: vec![table(&design, "payment"), table(&design, "film")],
        },
    );
    assert_eq!(
        refilled.area(catalogue_area).unwrap().tables,
        [table(&design, "payment"), table(&design, "film")]
    );
    assert!(matches!(
        rejected(
            &design,
            Command::SetAreaTables {
                id: catalogue_area,
                tables: vec![table(&design, "film"), table(&design, "film")]
            }
        ),
        CommandError::RepeatedAreaTable { .. }
    ));
    for command in [
        Command::DeleteArea { id: AreaId(999) },
        Command::RenameArea {
            id: AreaId(999),
            name: "x".into(),
        },
        Command::SetAreaColour {
            id: AreaId(999),
            colour: "red".into(),
        },
        Command::SetAreaTables {
            id: AreaId(999),
            tables: vec![],
        },
    ] {
        assert_eq!(
            rejected(&design, command),
            CommandError::NoSuchArea(AreaId(999))
        );
    }
}
