//! Saving the open design without holding up the frames of the edits: an edit only marks the
//! design unsaved; it is written when the person pauses ([`QUIET_MS`] after the last edit, once
//! the browser is idle), while edits keep coming in the first lull of [`LULL_MS`] once the oldest
//! unsaved edit is [`MOST_UNSAVED_MS`] old (never in the frames of an edit), and at
//! once when the page is hidden or left (`pagehide`, `visibilitychange`) or the library is about
//! to read or switch designs, so a reload, a closed tab or another design opened loses nothing.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::browser::Pause;
use crate::library::Library;

/// How long the person pauses before the design is written, in milliseconds.
const QUIET_MS: i32 = 400;

/// How old the oldest unsaved edit may grow while edits keep coming, in milliseconds, before
/// the design is written in the next lull.
const MOST_UNSAVED_MS: f64 = 3_000.0;

/// The lull between edits in which a design unsaved for too long is written, in milliseconds.
const LULL_MS: i32 = 150;

/// What is waiting to be written, shared by the library.
#[derive(Debug, Clone, Copy)]
pub struct Unsaved {
    /// When the oldest edit not yet written was made (milliseconds since 1970), if there is one.
    since: StoredValue<Option<f64>>,
    /// When the latest edit was made.
    latest: StoredValue<f64>,
    pause: Pause,
    lull: Pause,
}

impl Unsaved {
    pub fn new() -> Self {
        Self {
            since: StoredValue::new(None),
            latest: StoredValue::new(0.0),
            pause: Pause::new(),
            lull: Pause::new(),
        }
    }

    /// When the latest edit waiting to be written was made, if one waits; clears the mark.
    pub fn take(&self) -> Option<f64> {
        let waiting = self.since.try_update_value(Option::take).flatten();
        waiting.and_then(|_| self.latest.try_get_value())
    }
}

/// Marks the open design changed and schedules its writing.
pub fn changed(library: Library) {
    let unsaved = library.unsaved;
    let now = js_sys::Date::now();
    unsaved.latest.set_value(now);
    let since = unsaved
        .since
        .try_update_value(|since| *since.get_or_insert(now))
        .unwrap_or(now);
    if now - since >= MOST_UNSAVED_MS {
        unsaved.lull.after(LULL_MS, move || library.flush());
    } else {
        unsaved.pause.after(QUIET_MS, move || library.flush());
    }
}

/// Writes what waits as soon as the page is hidden or left.
pub fn flush_when_leaving(library: Library) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_page_hide = Closure::<dyn Fn()>::new(move || library.flush());
    let _ =
        window.add_event_listener_with_callback("pagehide", on_page_hide.as_ref().unchecked_ref());
    on_page_hide.forget();
    if let Some(document) = window.document() {
        let hidden_document = document.clone();
        let on_hidden = Closure::<dyn Fn()>::new(move || {
            if hidden_document.visibility_state() == web_sys::VisibilityState::Hidden {
                library.flush();
            }
        });
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_hidden.as_ref().unchecked_ref(),
        );
        on_hidden.forget();
    }
}
