//! Editing a note (its text and colour) and a subject area (its name and colour), and deleting
//! either; an area's tables are chosen from each table's inspector.

use leptos::prelude::*;
use relvar_model::{AreaId, Command, NoteId};

use crate::edits::AREA_COLOURS;
use crate::store::use_store;

#[component]
pub fn NoteEditor(id: NoteId) -> impl IntoView {
    let store = use_store();
    let note = Memo::new(move |_| store.design.with(|design| design.note(id).cloned()));
    view! {
        <div class="editor note-editor">
            <label class="field">"Note"
                <textarea id="note-text" rows="4" prop:value=move || note.with(|note| note.as_ref().map(|note| note.text.clone()).unwrap_or_default())
                    on:change=move |event| { let _ = store.dispatch(Command::SetNoteText { id, text: event_target_value(&event) }); }></textarea>
            </label>
            <div class="panel-row">
                <label class="field inline">"Colour"
                    <input id="note-colour" type="color" prop:value=move || note.with(|note| note.as_ref().and_then(|note| note.colour.clone()).unwrap_or_else(|| String::from("#fff6c7")))
                        on:change=move |event| { let _ = store.dispatch(Command::SetNoteColour { id, colour: Some(event_target_value(&event)) }); } />
                </label>
                <button id="note-delete" class="danger" on:click=move |_| { let _ = store.dispatch(Command::DeleteNote { id }); }>"Delete note"</button>
            </div>
        </div>
    }
}

#[component]
pub fn AreaEditor(id: AreaId) -> impl IntoView {
    let store = use_store();
    let area = Memo::new(move |_| store.design.with(|design| design.area(id).cloned()));
    view! {
        <div class="editor area-editor">
            <label class="field">"Area name"
                <input id="area-name" type="text" prop:value=move || area.with(|area| area.as_ref().map(|area| area.name.clone()).unwrap_or_default())
                    on:change=move |event| { let _ = store.dispatch(Command::RenameArea { id, name: event_target_value(&event).trim().to_owned() }); } />
            </label>
            <p class="status">{move || area.with(|area| area.as_ref().map(|area| format!("{} tables; drag the area's title to move them together.", area.tables.len())).unwrap_or_default())}</p>
            <div class="panel-row">
                <label class="field inline">"Colour"
                    <select id="area-colour" on:change=move |event| { let _ = store.dispatch(Command::SetAreaColour { id, colour: event_target_value(&event) }); }>
                        {move || {
                            let current = area.with(|area| area.as_ref().map(|area| area.colour.clone()).unwrap_or_default());
                            AREA_COLOURS.iter().map(|colour| view! { <option value=*colour selected=*colour == current>{*colour}</option> }).collect_view()
                        }}
                    </select>
                </label>
                <button id="area-delete" class="danger" on:click=move |_| { let _ = store.dispatch(Command::DeleteArea { id }); }>"Delete area"</button>
            </div>
        </div>
    }
}
