//! What an empty canvas offers: three ways to start a design (paste DDL, open a file, a
//! template), or adding a table from the toolbar.

use leptos::prelude::*;

use crate::browser::element_by_id;
use crate::panels::HomeView;
use crate::store::use_store;
use crate::workspace::{PanelTab, Workspace};

#[component]
pub fn EmptyStarts() -> impl IntoView {
    let store = use_store();
    let workspace = expect_context::<Workspace>();
    let home = expect_context::<HomeView>();
    let empty = move || {
        store
            .design
            .with(|design| design.tables.is_empty() && design.notes.is_empty())
    };
    // The import panel is shown first; its box takes the focus once it is laid out.
    let paste = move |_| {
        workspace.show(PanelTab::Import);
        request_animation_frame(|| {
            if let Some(source) = element_by_id("import-text") {
                let _ = source.focus();
            }
        });
    };
    let open_file = move |_| {
        workspace.show(PanelTab::Import);
        if let Some(picker) = element_by_id("import-file") {
            picker.click();
        }
    };
    view! {
        <Show when=empty>
            <div class="canvas-empty" id="empty-starts">
                <p>"Start a design"</p>
                <div class="starts">
                    <button id="start-paste" on:click=paste>"Paste DDL"</button>
                    <button id="start-file" on:click=open_file>"Open a file…"</button>
                    <button id="start-template" on:click=move |_| home.0.set(true)>"Start from a template"</button>
                </div>
                <p class="status">"or add a table from the toolbar to draw one."</p>
            </div>
        </Show>
    }
}
