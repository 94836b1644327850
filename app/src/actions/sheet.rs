//! The shortcut sheet: every action that has keys, from the registry, then the pointer gestures.

use leptos::prelude::*;

use super::ACTIONS;
use crate::dialog::ModalDialog;

/// Whether the shortcut sheet is open; shared through context.
#[derive(Debug, Clone, Copy)]
pub struct ShortcutSheet(pub RwSignal<bool>);

/// What the pointer does, listed after the keys.
const GESTURES: [(&str, &str); 5] = [
    ("Drag the background", "Pan"),
    ("Wheel, pinch", "Zoom around the cursor"),
    ("Shift+drag", "Select the tables in a box"),
    (
        "Shift/Ctrl+click",
        "Add a table to the selection or take it out",
    ),
    ("Drag a column's dot to a column", "Create a relationship"),
];

/// The sheet's rows: the keys as written, and what they do.
pub fn rows() -> Vec<(String, &'static str)> {
    let keys = ACTIONS
        .into_iter()
        .filter(|action| !action.keys.is_empty())
        .map(|action| {
            let keys: Vec<String> = action.keys.iter().map(|key| key.label()).collect();
            (keys.join(", "), action.description)
        });
    let gestures = GESTURES
        .into_iter()
        .map(|(keys, what)| (keys.to_owned(), what));
    keys.chain(gestures).collect()
}

#[component]
pub fn ShortcutSheetDialog() -> impl IntoView {
    let sheet = expect_context::<ShortcutSheet>();
    view! {
        <Show when=move || sheet.0.get()>
            <ModalDialog id="shortcut-sheet" labelled_by="shortcut-title" close=Callback::new(move |()| sheet.0.set(false))>
                <h2 id="shortcut-title">"Keyboard shortcuts"</h2>
                <dl class="shortcuts">
                    {rows().into_iter().map(|(keys, what)| view! { <dt><kbd>{keys}</kbd></dt><dd>{what}</dd> }).collect_view()}
                </dl>
                <button id="shortcut-close" autofocus on:click=move |_| sheet.0.set(false)>"Close"</button>
            </ModalDialog>
        </Show>
    }
}
