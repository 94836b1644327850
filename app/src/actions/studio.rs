//! The actions that leave the design as it is: undo and redo, select all, cancel, fit the view,
//! pan with Space, the shortcut sheet, and saving pictures.

use super::{Action, Context, Outcome, Picture, Shortcut};
use crate::selection::Selection;

fn always(_: &Context) -> bool {
    true
}

pub const UNDO: Action = Action {
    id: "undo",
    label: "Undo",
    glyph: None,
    keys: &[Shortcut::command("z").shift(false)],
    description: "Undo",
    enabled: |context| context.can_undo,
    run: |_| Some(Outcome::Undo),
};

pub const REDO: Action = Action {
    id: "redo",
    label: "Redo",
    glyph: None,
    keys: &[Shortcut::command("z").shift(true), Shortcut::command("y")],
    description: "Redo",
    enabled: |context| context.can_redo,
    run: |_| Some(Outcome::Redo),
};

pub const SELECT_ALL: Action = Action {
    id: "select-all",
    label: "Select all",
    glyph: None,
    keys: &[Shortcut::command("a")],
    description: "Select every table",
    enabled: always,
    run: |context| {
        let tables = context.design.tables.iter().map(|table| table.id);
        Some(Outcome::Select(Selection::of_tables(tables)))
    },
};

pub const CANCEL: Action = Action {
    id: "cancel",
    label: "Cancel",
    glyph: None,
    keys: &[Shortcut::any("Escape")],
    description: "Clear the selection, cancel a gesture, close this sheet",
    enabled: always,
    run: |_| Some(Outcome::Cancel),
};

pub const FIT: Action = Action {
    id: "fit",
    label: "Fit",
    glyph: None,
    keys: &[Shortcut::key("f")],
    description: "Fit the design into view",
    enabled: always,
    run: |_| Some(Outcome::Fit),
};

pub const SHORTCUTS: Action = Action {
    id: "shortcuts",
    label: "Keyboard shortcuts",
    glyph: Some("?"),
    keys: &[Shortcut::any("?")],
    description: "Show or hide the keyboard shortcuts",
    enabled: always,
    run: |_| Some(Outcome::ToggleShortcutSheet),
};

pub const PAN: Action = Action {
    id: "pan",
    label: "Pan",
    glyph: None,
    keys: &[Shortcut::key(" ")],
    description: "Hold and drag to pan",
    enabled: always,
    run: |_| Some(Outcome::HoldToPan),
};

pub const SAVE_SVG: Action = Action {
    id: "save-svg",
    label: "SVG",
    glyph: None,
    keys: &[],
    description: "Save the diagram (or the selection) as SVG",
    enabled: always,
    run: |_| Some(Outcome::SavePicture(Picture::Svg)),
};

pub const SAVE_PNG: Action = Action {
    id: "save-png",
    label: "PNG",
    glyph: None,
    keys: &[],
    description: "Save the diagram (or the selection) as PNG",
    enabled: always,
    run: |_| Some(Outcome::SavePicture(Picture::Png)),
};
