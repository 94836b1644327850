//! Edits the toolbar, the shortcuts and the canvas ask for, built as commands from the design
//! and the selection, each with what to select once it applies: add, duplicate and delete tables,
//! notes and areas, nudge tables and lay them out. Pure: the actions and gestures dispatch them.

use std::collections::BTreeSet;

use relvar_model::{
    AreaId, Column, Command, Design, Note, Point, PrimaryKey, SubjectArea, Table, TableId,
};

use crate::selection::Selection;

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

/// Moves the tables by an offset, as one command; none when no table is given.
pub fn nudge(design: &Design, tables: &BTreeSet<TableId>, by: Point) -> Option<Command> {
    let commands = moves_by(design, tables, by);
    (!commands.is_empty()).then_some(Command::Batch(commands))
}

/// Adds a table named `table`, `table_2`, … with an `id` primary key at `at`; selects it.
pub fn add_table(design: &Design, at: Point) -> (Command, Selection) {
    let mut ids = design.ids.clone();
    let id = ids.table();
    let schema = design.schemas.first().cloned();
    let name = design.unused_table_name(schema.as_deref(), "table");
    let mut table = Table::new(id, schema, name);
    let column_id = ids.column();
    let mut key = Column::new(column_id, "id", design.dialect().key_type());
    key.nullable = false;
    table.columns.push(key);
    table.primary_key = Some(PrimaryKey {
        name: None,
        columns: vec![column_id],
    });
    let command = Command::AddTable {
        table: Box::new(table),
        at,
    };
    (command, Selection::of_tables([id]))
}

/// Copies every table given beside itself; selects the copies. None when none was copied.
pub fn duplicate(design: &Design, tables: &BTreeSet<TableId>) -> Option<(Command, Selection)> {
    let mut ids = design.ids.clone();
    let mut scratch = design.clone();
    let mut commands = Vec::new();
    let mut copies = BTreeSet::new();
    for source in tables {
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
    (!commands.is_empty()).then(|| (Command::Batch(commands), Selection::of_tables(copies)))
}

/// Deletes what is selected: tables (with their relationships), a relationship, a note or an
/// area; none when nothing is.
pub fn delete(selection: &Selection) -> Option<Command> {
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
    (!commands.is_empty()).then_some(Command::Batch(commands))
}

/// Adds a note at `at`; selects it.
pub fn add_note(design: &Design, at: Point) -> (Command, Selection) {
    let mut ids = design.ids.clone();
    let id = ids.note();
    let note = Note {
        id,
        text: String::from("Note"),
        at,
        colour: None,
    };
    (Command::AddNote { note }, Selection::of_note(id))
}

/// Groups the tables into a new subject area; selects it. None without tables.
pub fn group(design: &Design, tables: &BTreeSet<TableId>) -> Option<(Command, Selection)> {
    if tables.is_empty() {
        return None;
    }
    let mut ids = design.ids.clone();
    let id: AreaId = ids.area();
    let name = format!("Area {}", design.areas.len() + 1);
    let colour = String::from(
        AREA_COLOURS
            .get(design.areas.len() % AREA_COLOURS.len())
            .copied()
            .unwrap_or("#3b6fd8"),
    );
    let area = SubjectArea {
        id,
        name,
        colour,
        tables: tables.iter().copied().collect(),
    };
    Some((Command::AddArea { area }, Selection::of_area(id)))
}

pub const AREA_COLOURS: [&str; 6] = [
    "#3b6fd8", "#2a7a52", "#b7791f", "#9b4dca", "#c2410c", "#0e7490",
];

/// Lays out the selected tables when more than one is selected, else the whole design, as one
/// command.
pub fn auto_layout(design: &Design, selection: &Selection) -> Command {
    let only = (selection.tables.len() > 1).then_some(&selection.tables);
    let positions = relvar_layout::layered_layout(design, only);
    Command::Batch(
        positions
            .into_iter()
            .map(|(table, to)| Command::MoveTable { table, to })
            .collect(),
    )
}
