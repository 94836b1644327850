//! The studio's frame: toolbar, side panels, canvas, the shortcut sheet, and the message of an
//! edit that was refused.

use leptos::prelude::*;

use crate::canvas::{Canvas, CanvasState, DecompositionPreviews, ShortcutSheet};
use crate::edits;
use crate::library::Library;
use crate::opening::{Notices, open_initial};
use crate::panels::{
    DecisionsPanel, DesignsDialog, EnumsPanel, ExportPanel, HomeView, ImportPanel, Inspector,
    NormalizePanel, NoticeBar, ReviewPanel, ShareTools, WorkloadPanel,
};
use crate::picture;
use crate::review::Review;
use crate::store::Store;
use crate::theme::{ThemeChoice, Themes};

const SHORTCUTS: [(&str, &str); 14] = [
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z, Ctrl+Y", "Redo"),
    ("Delete", "Delete the selection"),
    ("Ctrl+A", "Select every table"),
    (
        "Esc",
        "Clear the selection, cancel a gesture, close this sheet",
    ),
    ("Arrow keys", "Nudge the selected tables (Shift: further)"),
    ("Ctrl+D", "Duplicate the selected tables"),
    ("F", "Fit the design into view"),
    ("?", "Show or hide this sheet"),
    ("Drag the background, Space+drag", "Pan"),
    ("Wheel, pinch", "Zoom around the cursor"),
    ("Shift+drag", "Select the tables in a box"),
    (
        "Shift/Ctrl+click",
        "Add a table to the selection or take it out",
    ),
    ("Drag a column's dot to a column", "Create a relationship"),
];

#[component]
fn ShortcutSheetDialog() -> impl IntoView {
    let sheet = expect_context::<ShortcutSheet>();
    view! {
        <Show when=move || sheet.0.get()>
            <div class="dialog-backdrop" on:click=move |_| sheet.0.set(false)>
                <div class="dialog" id="shortcut-sheet" role="dialog" aria-modal="true" aria-labelledby="shortcut-title"
                    on:click=|event| event.stop_propagation()>
                    <h2 id="shortcut-title">"Keyboard shortcuts"</h2>
                    <dl class="shortcuts">
                        {SHORTCUTS.iter().map(|(keys, what)| view! { <dt><kbd>{*keys}</kbd></dt><dd>{*what}</dd> }).collect_view()}
                    </dl>
                    <button id="shortcut-close" autofocus on:click=move |_| sheet.0.set(false)>"Close"</button>
                </div>
            </div>
        </Show>
    }
}

#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    provide_context(store);
    provide_context(Review::new(store));
    let themes = Themes::install();
    provide_context(themes);

    let stats = move || {
        store.design.with(|design| {
            format!(
                "{} tables · {} relationships",
                design.tables.len(),
                design.foreign_keys.len()
            )
        })
    };
    let state = CanvasState::new();
    provide_context(state);
    let sheet = ShortcutSheet(RwSignal::new(false));
    provide_context(sheet);
    provide_context(DecompositionPreviews::new());
    let library = Library::install();
    provide_context(library);
    let notices = Notices(RwSignal::new(None));
    provide_context(notices);
    provide_context(HomeView(RwSignal::new(false)));
    store.on_change(move |design| library.save_current(design));
    // The first design opens once the canvas knows its size, so it is fitted into the real view.
    Effect::new(move |opened: Option<bool>| {
        if opened == Some(true) {
            return true;
        }
        if !state.measured.get() {
            return false;
        }
        open_initial(store, library, notices);
        true
    });
    let save_picture = move |png: bool| {
        let theme = themes.current.get_untracked();
        let selection = store.selection.get_untracked();
        let outcome = store.design.with_untracked(|design| {
            if png {
                picture::save_png(design, &selection, theme)
            } else {
                picture::save_svg(design, &selection, theme)
            }
        });
        if let Err(message) = outcome {
            store.refusal.set(Some(message));
        }
    };
    let has_selection = move || {
        store
            .selection
            .with(|selection| !selection.tables.is_empty())
    };
    view! {
        <div class="studio">
            <header class="toolbar" role="toolbar" aria-label="Design tools">
                <h1 class="brand">"Relvar"</h1>
                <ShareTools store=store library=library notices=notices />
                <span class="separator" aria-hidden="true"></span>
                <button id="undo" title="Undo (Ctrl+Z)" disabled=move || !store.can_undo.get() on:click=move |_| store.undo()>"Undo"</button>
                <button id="redo" title="Redo (Ctrl+Shift+Z)" disabled=move || !store.can_redo.get() on:click=move |_| store.redo()>"Redo"</button>
                <span class="separator" aria-hidden="true"></span>
                <button id="add-table" on:click=move |_| edits::add_table(store, state.centre())>"Add table"</button>
                <button id="add-note" on:click=move |_| edits::add_note(store, state.centre())>"Add note"</button>
                <button id="add-area" title="Group the selected tables into a subject area" disabled=move || !has_selection() on:click=move |_| edits::area_from_selection(store)>"Group"</button>
                <button id="auto-layout" title="Lay out the selected tables, or all of them" on:click=move |_| edits::auto_layout(store)>"Auto layout"</button>
                <span class="separator" aria-hidden="true"></span>
                <button id="save-svg" title="Save the diagram (or the selection) as SVG" on:click=move |_| save_picture(false)>"SVG"</button>
                <button id="save-png" title="Save the diagram (or the selection) as PNG" on:click=move |_| save_picture(true)>"PNG"</button>
                <span class="stats" id="design-stats">{stats}</span>
                <label class="theme-switch">"Theme"
                    <select id="theme" on:change=move |event| themes.choose(ThemeChoice::from_id(&event_target_value(&event)))>
                        {["system", "light", "dark"].into_iter().map(|id| view! {
                            <option value=id selected=move || themes.choice.get().id() == id>{id}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button id="shortcuts" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts"
                    on:click=move |_| sheet.0.update(|open| *open = !*open)>"?"</button>
            </header>
            <aside class="sidebar" aria-label="Panels">
                <NoticeBar store=store library=library notices=notices />
                <Show when=move || store.refusal.with(Option::is_some)>
                    <p class="refusal" id="refusal" role="alert">
                        {move || store.refusal.get().unwrap_or_default()}
                        <button class="link" aria-label="Dismiss" on:click=move |_| store.refusal.set(None)>"✕"</button>
                    </p>
                </Show>
                <Inspector />
                <ReviewPanel />
                <WorkloadPanel />
                <NormalizePanel />
                <EnumsPanel />
                <DecisionsPanel />
                <ImportPanel />
                <ExportPanel />
            </aside>
            <main class="stage">
                <Canvas />
            </main>
            <ShortcutSheetDialog />
            <DesignsDialog store=store library=library />
        </div>
    }
}
