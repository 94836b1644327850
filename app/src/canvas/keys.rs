//! The key handler: a key press runs the registry's action for it (`crate::actions`). Keys
//! typed into a field are left to the field (but for the command palette's), keys in a modal
//! dialog to the dialog, and Space pans only over the canvas.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::actions::{self, Press, Studio};

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

/// While a modal dialog is open, keys are the dialog's (it closes on Escape itself).
fn a_dialog_is_open() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector("[aria-modal=\"true\"]")
                .ok()
                .flatten()
        })
        .is_some()
}

/// Space pans only where it does not press a focused button.
fn on_the_canvas(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_none_or(|element| matches!(element.tag_name().as_str(), "BODY" | "svg" | "HTML"))
}

pub fn install(studio: Studio) {
    let down = window_event_listener(leptos::ev::keydown, move |event| {
        let key = event.key();
        let press = Press {
            key: &key,
            command: event.ctrl_key() || event.meta_key(),
            shift: event.shift_key(),
        };
        // The palette opens from anywhere, a field included, as in the editors people know.
        let opens_palette = actions::PALETTE.keys.iter().any(|key| key.matches(&press));
        if opens_palette && !a_dialog_is_open() {
            studio.run(&actions::PALETTE, false);
            event.prevent_default();
            return;
        }
        if a_dialog_is_open() {
            return;
        }
        if typing_in_a_field(&event) || (key == " " && !on_the_canvas(&event)) {
            return;
        }
        if let Some(action) = actions::for_press(&press) {
            studio.run(action, press.shift);
            event.prevent_default();
        }
    });
    let up = window_event_listener(leptos::ev::keyup, move |event| {
        if event.key() == " " {
            studio.canvas.space_held.set(false);
        }
    });
    on_cleanup(move || {
        down.remove();
        up.remove();
    });
}
