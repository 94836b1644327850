//! The studio's frame: toolbar, side panels, canvas; keyboard shortcuts for undo and redo.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::canvas::Canvas;
use crate::panels::{ExportPanel, ImportPanel};
use crate::store::Store;

#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    provide_context(store);

    let shortcuts = window_event_listener(leptos::ev::keydown, move |event| {
        if typing_in_a_field(&event) || !(event.ctrl_key() || event.meta_key()) {
            return;
        }
        match (event.key().to_ascii_lowercase().as_str(), event.shift_key()) {
            ("z", false) => store.undo(),
            ("z", true) | ("y", false) => store.redo(),
            _ => return,
        }
        event.prevent_default();
    });
    on_cleanup(move || shortcuts.remove());

    let stats = move || {
        store.design.with(|design| {
            format!(
                "{} tables · {} relationships",
                design.tables.len(),
                design.foreign_keys.len()
            )
        })
    };
    view! {
        <div class="studio">
            <header class="toolbar">
                <h1 class="brand">"Relvar"</h1>
                <button id="undo" title="Undo (Ctrl+Z)" disabled=move || !store.can_undo.get() on:click=move |_| store.undo()>"Undo"</button>
                <button id="redo" title="Redo (Ctrl+Shift+Z)" disabled=move || !store.can_redo.get() on:click=move |_| store.redo()>"Redo"</button>
                <span class="stats" id="design-stats">{stats}</span>
            </header>
            <aside class="sidebar">
                <ImportPanel />
                <ExportPanel />
            </aside>
            <main class="stage">
                <Canvas />
            </main>
        </div>
    }
}

fn typing_in_a_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        })
}
