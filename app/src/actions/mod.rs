//! The studio's actions, in one registry: each action's label, shortcuts, description, when it
//! is enabled and what it does, as pure functions of the design and the selection. The toolbar's
//! buttons, the shortcut sheet and the key handler are all made from it; `run.rs` carries out
//! what an action returns in the browser.

mod edit;
mod palette;
mod run;
mod sheet;
mod shortcut;
mod studio;
mod view;

use relvar_model::{Command, Design, Point};

use crate::canvas::Shown;
use crate::selection::Selection;
use crate::workspace::PanelTab;
pub use edit::{
    ADD_NOTE, ADD_TABLE, AUTO_LAYOUT, DELETE, DUPLICATE, GROUP, NUDGE_DOWN, NUDGE_LEFT,
    NUDGE_RIGHT, NUDGE_UP,
};
pub use palette::{CommandPalette, CommandPaletteDialog};
pub use run::{ActionButton, Studio};
pub use sheet::{ShortcutSheet, ShortcutSheetDialog};
pub use shortcut::{Press, Shortcut};
pub use studio::{CANCEL, FIT, PAN, REDO, SAVE_PNG, SAVE_SVG, SELECT_ALL, SHORTCUTS, UNDO};
pub use view::{FOCUS, FOCUS_WIDER, PALETTE, SHOW_WHOLE};
use view::{
    SHOW_DECISIONS, SHOW_ENUMS, SHOW_EXPORT, SHOW_IMPORT, SHOW_NORMALIZE, SHOW_REVIEW, SHOW_TABLES,
    SHOW_VERSIONS, SHOW_VIEWS, SHOW_WORKLOAD,
};

/// What an action reads: the design, the selection and the little of the studio around them.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub design: &'a Design,
    pub selection: &'a Selection,
    pub can_undo: bool,
    pub can_redo: bool,
    /// Where new things go: about the middle of the view.
    pub centre: Point,
    /// Shift is held (the arrows then nudge further).
    pub shift: bool,
    /// The canvas shows a focus or saved view rather than the whole design.
    pub viewing_part: bool,
}

/// Which picture to save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picture {
    Svg,
    Png,
}

/// What running an action asks the studio to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Dispatch the command; once it applies, select `then` when there is one.
    Edit {
        command: Command,
        then: Option<Selection>,
    },
    Select(Selection),
    Undo,
    Redo,
    /// Fit every table and note into view.
    Fit,
    /// End the gesture being previewed, clear the selection and close the shortcut sheet.
    Cancel,
    ToggleShortcutSheet,
    /// Space is held: dragging pans the view until it is released.
    HoldToPan,
    SavePicture(Picture),
    /// Show a part of the design (or all of it) on the canvas.
    Show(Shown),
    /// Lay out the tables of the focus or saved view shown, in the view.
    LayOutView,
    ShowPanel(PanelTab),
    TogglePalette,
}

/// One thing the user can do from a button, a key or both.
#[derive(Debug)]
pub struct Action {
    /// Stable and unique; written on the action's buttons as `data-action`.
    pub id: &'static str,
    /// Its name: a button's text, or its accessible name when it shows a glyph.
    pub label: &'static str,
    /// What its button shows instead of the label, if anything.
    pub glyph: Option<&'static str>,
    /// The keys that run it; the first is the one its button's tooltip names.
    pub keys: &'static [Shortcut],
    /// What it does, for the shortcut sheet and its button's tooltip.
    pub description: &'static str,
    pub enabled: fn(&Context) -> bool,
    /// What it does; `None` when there is nothing to do.
    pub run: fn(&Context) -> Option<Outcome>,
}

impl Action {
    /// Runs the action if it is enabled.
    pub fn outcome(&self, context: &Context) -> Option<Outcome> {
        if (self.enabled)(context) {
            (self.run)(context)
        } else {
            None
        }
    }

    /// Its button's tooltip: the description and its first key.
    pub fn title(&self) -> String {
        match self.keys.first() {
            Some(key) => format!("{} ({})", self.description, key.label()),
            None => self.description.to_owned(),
        }
    }
}

/// Every action, in the order the shortcut sheet and the command palette list them.
pub const ACTIONS: [&Action; 33] = [
    &UNDO,
    &REDO,
    &DELETE,
    &SELECT_ALL,
    &CANCEL,
    &NUDGE_LEFT,
    &NUDGE_RIGHT,
    &NUDGE_UP,
    &NUDGE_DOWN,
    &DUPLICATE,
    &FIT,
    &SHORTCUTS,
    &PAN,
    &ADD_TABLE,
    &ADD_NOTE,
    &GROUP,
    &AUTO_LAYOUT,
    &SAVE_SVG,
    &SAVE_PNG,
    &PALETTE,
    &FOCUS,
    &FOCUS_WIDER,
    &SHOW_WHOLE,
    &SHOW_TABLES,
    &SHOW_VIEWS,
    &SHOW_REVIEW,
    &SHOW_WORKLOAD,
    &SHOW_NORMALIZE,
    &SHOW_ENUMS,
    &SHOW_DECISIONS,
    &SHOW_VERSIONS,
    &SHOW_IMPORT,
    &SHOW_EXPORT,
];

/// The action a key press runs, if any.
pub fn for_press(press: &Press) -> Option<&'static Action> {
    ACTIONS
        .into_iter()
        .find(|action| action.keys.iter().any(|key| key.matches(press)))
}

#[cfg(test)]
mod tests;
