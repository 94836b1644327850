//! Edits the toolbar, the shortcuts and the canvas ask for, built as commands from the current
//! design and selection: add, duplicate and delete tables, notes and areas, lay the design out.

use std::collections::BTreeSet;

use leptos::prelude::*;

use relvar_model::{
    AreaId, Column, Command, Design, Note, Point, PrimaryKey, SubjectArea, Table, TableId,
};

use crate::selection::Selection;
use crate::store::Store;

/// The type a new key column gets in the design's dialect.
fn key_type(design: &Design) -> &'static str {
    design.dialect().key_type()
}

/// Commands that move tables by an offset from where they are now.
pub fn moves_by(design: &Design, tables: &BTreeSet<TableId>, by: Point) -> Vec<Command> {
    tables
        .iter()
        .map(|table| {
            let at = design.position(*table);
            Command::MoveTable {
                table: *table,
                to: Point::new(at.x + by.x, at.y + by.y),
            }
        })
        .collect()
}

/// Adds a table named `table`, `table_2`, … with an `id` primary key at `at`, and selects it.
pub fn add_table(store: Store, at: Point) {
    let command = store.design.with_untracked(|design| {
        let mut ids = design.ids.clone();
        let id = ids.table();
        let schema = design.schemas.first().cloned();
        let name = design.unused_table_name(schema.as_deref(), "table");
        let mut table = Table::new(id, schema, name);
        let column_id = ids.column();
        let mut key = Column::new(column_id, "id", key_type(design));
        key.nullable = false;
        table.columns.push(key);
        table.primary_key = Some(PrimaryKey {
            name: None,
            columns: vec![column_id],
        });
        (
            id,
            Command::AddTable {
                table: Box::new(table),
                at,
            },
        )
    });
    let (id, command) = command;
    if store.dispatch(command).is_ok() {
        store.selection.set(Selection::of_tables([id]));
    }
}

/// Copies every selected table beside itself and selects the copies.
pub fn duplicate_selection(store: Store) {
    let tables = store
        .selection
        .with_untracked(|selection| selection.tables.clone());
    if tables.is_empty() {
        return;
    }
    let (commands, copies) = store.design.with_untracked(|design| {
        let mut ids = design.ids.clone();
        let mut scratch = design.clone();
        let mut commands = Vec::new();
        let mut copies = BTreeSet::new();
        for source in &tables {
            let Some(copy) = scratch.duplicate_table(*source, &mut ids) else {
                continue;
            };
            let at = design.position(*source);
            let at = Point::new(at.x + 40.0, at.y + 40.0);
            copies.insert(copy.id);
            scratch.tables.push(copy.clone());
            commands.push(Command::AddTable {
                table: Box::new(copy),
                at,
            });
        }
        (commands, copies)
    });
    if !commands.is_empty() && store.dispatch(Command::Batch(commands)).is_ok() {
        store.selection.set(Selection::of_tables(copies));
    }
}

/// Deletes what is selected: tables (with their relationships), a relationship, a note or an area.
pub fn delete_selection(store: Store) {
    let selection = store.selection.get_untracked();
    let mut commands: Vec<Command> = selection
        .tables
        .iter()
        .map(|table| Command::DeleteTable { table: *table })
        .collect();
    if let Some(id) = selection.foreign_key {
        commands.push(Command::DeleteForeignKey { id });
    }
    if let Some(id) = selection.note {
        commands.push(Command::DeleteNote { id });
    }
    if let Some(id) = selection.area {
        commands.push(Command::DeleteArea { id });
    }
    if !commands.is_empty() && store.dispatch(Command::Batch(commands)).is_ok() {
        store.selection.set(Selection::default());
    }
}

/// Adds a note at `at` and selects it.
pub fn add_note(store: Store, at: Point) {
    let (id, command) = store.design.with_untracked(|design| {
        let mut ids = design.ids.clone();
        let id = ids.note();
        let note = Note {
            id,
            text: String::from("Note"),
            at,
            colour: None,
        };
        (id, Command::AddNote { note })
    });
    if store.dispatch(command).is_ok() {
        store.selection.set(Selection::of_note(id));
    }
}

/// Groups the selected tables into a new subject area and selects it.
pub fn area_from_selection(store: Store) {
    let tables: Vec<TableId> = store
        .selection
        .with_untracked(|selection| selection.tables.iter().copied().collect());
    if tables.is_empty() {
        store.refusal.set(Some(String::from(
            "Select the tables to group first (Shift-drag or Shift-click).",
        )));
        return;
    }
    let (id, command) = store.design.with_untracked(|design| {
        let mut ids = design.ids.clone();
        let id: AreaId = ids.area();
        let name = format!("Area {}", design.areas.len() + 1);
        let colour = String::from(
            AREA_COLOURS
                .get(design.areas.len() % AREA_COLOURS.len())
                .copied()
                .unwrap_or("#3b6fd8"),
        );
        (
            id,
            Command::AddArea {
                area: SubjectArea {
                    id,
                    name,
                    colour,
                    tables,
                },
            },
        )
    });
    if store.dispatch(command).is_ok() {
        store.selection.set(Selection::of_area(id));
    }
}

pub const AREA_COLOURS: [&str; 6] = [
    "#3b6fd8", "#2a7a52", "#b7791f", "#9b4dca", "#c2410c", "#0e7490",
];

/// Lays out the selected tables, or the whole design when none is selected, as one command.
pub fn auto_layout(store: Store) {
    let selection = store
        .selection
        .with_untracked(|selection| selection.tables.clone());
    let only = (selection.len() > 1).then_some(&selection);
    let command = store.design.with_untracked(|design| {
        let positions = relvar_layout::layered_layout(design, only);
        Command::Batch(
            positions
                .into_iter()
                .map(|(table, to)| Command::MoveTable { table, to })
                .collect(),
        )
    });
    let _ = store.dispatch(command);
}
