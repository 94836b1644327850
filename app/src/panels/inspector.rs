//! The inspector: edits what is selected on the canvas (a table, a relationship, a note or an
//! area), or says how to select something.

use leptos::prelude::*;

use super::annotation_editor::{AreaEditor, NoteEditor};
use super::relationship_editor::RelationshipEditor;
use super::table_editor::TableEditor;
use crate::store::use_store;

#[component]
pub fn Inspector() -> impl IntoView {
    let store = use_store();
    let body = move || {
        let selection = store.selection.get();
        if let Some(table) = selection.single_table() {
            return view! { <TableEditor table=table /> }.into_any();
        }
        if !selection.tables.is_empty() {
            let count = selection.tables.len();
            return view! {
                <p class="status" id="selection-summary">{format!("{count} tables selected: drag one to move them all, Delete removes them, Ctrl+D duplicates them.")}</p>
            }
            .into_any();
        }
        if let Some(id) = selection.foreign_key {
            return view! { <RelationshipEditor id=id /> }.into_any();
        }
        if let Some(id) = selection.note {
            return view! { <NoteEditor id=id /> }.into_any();
        }
        if let Some(id) = selection.area {
            return view! { <AreaEditor id=id /> }.into_any();
        }
        view! { <p class="status">"Select a table, relationship, note or area on the canvas to edit it."</p> }.into_any()
    };
    view! {
        <section class="panel inspector" id="inspector" aria-labelledby="inspector-title">
            <h2 id="inspector-title">"Inspector"</h2>
            {body}
        </section>
    }
}
