//! Keyboard shortcuts of the studio: undo and redo, delete, select all, clear, nudge with the
//! arrows, duplicate, fit, Space to pan, `?` for the shortcut sheet. Keys typed into a field
//! are left to the field.

use leptos::prelude::*;
use relvar_model::{Command, Point};
use wasm_bindgen::JsCast;

use super::fit_to_view;
use super::scene::Scene;
use super::state::{CanvasState, Preview};
use crate::edits;
use crate::selection::Selection;
use crate::store::Store;

/// How far an arrow key moves the selection, and with Shift.
const NUDGE: f64 = 10.0;
const BIG_NUDGE: f64 = 50.0;

/// Whether the shortcut sheet is open; shared through context.
#[derive(Debug, Clone, Copy)]
pub struct ShortcutSheet(pub RwSignal<bool>);

pub fn typing_in_a_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || element
                    .closest("[contenteditable]")
                    .ok()
                    .flatten()
                    .is_some()
        })
}

/// Space pans only where it does not press a focused button.
fn on_the_canvas(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_none_or(|element| matches!(element.tag_name().as_str(), "BODY" | "svg" | "HTML"))
}

pub fn install(store: Store, state: CanvasState, scene: Scene) {
    let sheet = expect_context::<ShortcutSheet>();
    let down = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" {
            sheet.0.set(false);
        }
        if typing_in_a_field(&event) || (event.key() == " " && !on_the_canvas(&event)) {
            return;
        }
        if handle(store, state, scene, sheet, &event) {
            event.prevent_default();
        }
    });
    let up = window_event_listener(leptos::ev::keyup, move |event| {
        if event.key() == " " {
            state.space_held.set(false);
        }
    });
    on_cleanup(move || {
        down.remove();
        up.remove();
    });
}

fn nudge(store: Store, dx: f64, dy: f64) {
    let tables = store
        .selection
        .with_untracked(|selection| selection.tables.clone());
    let commands = store
        .design
        .with_untracked(|design| edits::moves_by(design, &tables, Point::new(dx, dy)));
    if !commands.is_empty() {
        let _ = store.dispatch(Command::Batch(commands));
    }
}

/// Runs the shortcut for a key press; false when the key is not a shortcut.
fn handle(
    store: Store,
    state: CanvasState,
    scene: Scene,
    sheet: ShortcutSheet,
    event: &web_sys::KeyboardEvent,
) -> bool {
    let command_key = event.ctrl_key() || event.meta_key();
    let key = event.key();
    let step = if event.shift_key() { BIG_NUDGE } else { NUDGE };
    match (key.as_str(), command_key) {
        ("z" | "Z", true) if event.shift_key() => store.redo(),
        ("z" | "Z", true) => store.undo(),
        ("y" | "Y", true) => store.redo(),
        ("a" | "A", true) => {
            let all = store.design.with_untracked(|design| {
                design
                    .tables
                    .iter()
                    .map(|table| table.id)
                    .collect::<Vec<_>>()
            });
            store.selection.set(Selection::of_tables(all));
        }
        ("d" | "D", true) => edits::duplicate_selection(store),
        ("Delete" | "Backspace", false) => edits::delete_selection(store),
        ("Escape", _) => {
            state.preview.set(Preview::Idle);
            store.selection.set(Selection::default());
        }
        ("ArrowLeft", false) => nudge(store, -step, 0.0),
        ("ArrowRight", false) => nudge(store, step, 0.0),
        ("ArrowUp", false) => nudge(store, 0.0, -step),
        ("ArrowDown", false) => nudge(store, 0.0, step),
        ("f" | "F", false) => fit_to_view(store, state, scene),
        ("?", _) => sheet.0.update(|open| *open = !*open),
        (" ", false) => state.space_held.set(true),
        _ => return false,
    }
    true
}
