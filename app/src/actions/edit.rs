//! The actions that edit the design: add a table or a note, group, lay out, delete, duplicate
//! and nudge. Each returns its command (built by `crate::edits`) and what to select after it.

use relvar_model::{Command, Point};

use super::{Action, Context, Outcome, Shortcut};
use crate::edits;
use crate::selection::Selection;

/// How far an arrow key moves the selected tables, and with Shift.
const NUDGE: f64 = 10.0;
const BIG_NUDGE: f64 = 50.0;

fn always(_: &Context) -> bool {
    true
}

fn has_tables(context: &Context) -> bool {
    !context.selection.tables.is_empty()
}

fn edit(command: Command, then: Selection) -> Outcome {
    Outcome::Edit {
        command,
        then: Some(then),
    }
}

pub const ADD_TABLE: Action = Action {
    id: "add-table",
    label: "Add table",
    glyph: None,
    keys: &[],
    description: "Add a table in the middle of the view",
    enabled: always,
    run: |context| {
        let (command, then) = edits::add_table(context.design, context.centre);
        Some(edit(command, then))
    },
};

pub const ADD_NOTE: Action = Action {
    id: "add-note",
    label: "Add note",
    glyph: None,
    keys: &[],
    description: "Add a note in the middle of the view",
    enabled: always,
    run: |context| {
        let (command, then) = edits::add_note(context.design, context.centre);
        Some(edit(command, then))
    },
};

pub const GROUP: Action = Action {
    id: "group",
    label: "Group",
    glyph: None,
    keys: &[],
    description: "Group the selected tables into a subject area",
    enabled: has_tables,
    run: |context| {
        let (command, then) = edits::group(context.design, &context.selection.tables)?;
        Some(edit(command, then))
    },
};

pub const AUTO_LAYOUT: Action = Action {
    id: "auto-layout",
    label: "Auto layout",
    glyph: None,
    keys: &[],
    description: "Lay out the selected tables, or all of them (in a view, the view's tables)",
    enabled: always,
    run: |context| {
        if context.viewing_part {
            return Some(Outcome::LayOutView);
        }
        Some(Outcome::Edit {
            command: edits::auto_layout(context.design, context.selection),
            then: None,
        })
    },
};

pub const DELETE: Action = Action {
    id: "delete",
    label: "Delete",
    glyph: None,
    keys: &[Shortcut::key("Delete"), Shortcut::key("Backspace")],
    description: "Delete the selection",
    enabled: |context| !context.selection.is_empty(),
    run: |context| {
        let command = edits::delete(context.selection)?;
        Some(edit(command, Selection::default()))
    },
};

pub const DUPLICATE: Action = Action {
    id: "duplicate",
    label: "Duplicate",
    glyph: None,
    keys: &[Shortcut::command("d")],
    description: "Duplicate the selected tables",
    enabled: has_tables,
    run: |context| {
        let (command, then) = edits::duplicate(context.design, &context.selection.tables)?;
        Some(edit(command, then))
    },
};

/// Moves the selected tables one step (`BIG_NUDGE` with Shift) in a direction.
fn nudge(context: &Context, x: f64, y: f64) -> Option<Outcome> {
    let step = if context.shift { BIG_NUDGE } else { NUDGE };
    let by = Point::new(x * step, y * step);
    let command = edits::nudge(context.design, &context.selection.tables, by)?;
    Some(Outcome::Edit {
        command,
        then: None,
    })
}

pub const NUDGE_LEFT: Action = Action {
    id: "nudge-left",
    label: "Nudge left",
    glyph: None,
    keys: &[Shortcut::key("ArrowLeft")],
    description: "Nudge the selected tables left (Shift: further)",
    enabled: has_tables,
    run: |context| nudge(context, -1.0, 0.0),
};

pub const NUDGE_RIGHT: Action = Action {
    id: "nudge-right",
    label: "Nudge right",
    glyph: None,
    keys: &[Shortcut::key("ArrowRight")],
    description: "Nudge the selected tables right (Shift: further)",
    enabled: has_tables,
    run: |context| nudge(context, 1.0, 0.0),
};

pub const NUDGE_UP: Action = Action {
    id: "nudge-up",
    label: "Nudge up",
    glyph: None,
    keys: &[Shortcut::key("ArrowUp")],
    description: "Nudge the selected tables up (Shift: further)",
    enabled: has_tables,
    run: |context| nudge(context, 0.0, -1.0),
};

pub const NUDGE_DOWN: Action = Action {
    id: "nudge-down",
    label: "Nudge down",
    glyph: None,
    keys: &[Shortcut::key("ArrowDown")],
    description: "Nudge the selected tables down (Shift: further)",
    enabled: has_tables,
    run: |context| nudge(context, 0.0, 1.0),
};
