//! Import: paste DDL or open a .sql file; the design is replaced (undoably) by what it holds.

use leptos::prelude::*;
use relvar_sql::Dialect;

use super::import_report::ImportReportView;
use crate::browser::{picked_file, read_file_text};
use crate::store::use_store;

#[component]
pub fn ImportPanel() -> impl IntoView {
    let store = use_store();
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    let dialect_select = NodeRef::<leptos::html::Select>::new();
    let file_error = RwSignal::new(None::<String>);

    let chosen_dialect = move || {
        dialect_select
            .get_untracked()
            .and_then(|select| Dialect::from_id(&select.value()))
    };
    let import_text = move || {
        if let Some(textarea) = textarea.get_untracked() {
            store.import(&textarea.value(), chosen_dialect());
        }
    };
    let open_file = move |event: leptos::ev::Event| {
        let Some(file) = picked_file(&event) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match read_file_text(&file).await {
                Ok(text) => {
                    file_error.set(None);
                    if let Some(textarea) = textarea.get_untracked() {
                        textarea.set_value(&text);
                    }
                    store.import(&text, chosen_dialect());
                }
                Err(error) => {
                    file_error.set(Some(format!("Could not read {}: {error}", file.name())))
                }
            }
        });
    };

    view! {
        <section class="panel import-panel">
            <h2>"Import DDL"</h2>
            <textarea
                id="import-text"
                node_ref=textarea
                spellcheck="false"
                placeholder="Paste CREATE TABLE statements, a pg_dump schema or Rails structure.sql…"
            ></textarea>
            <div class="panel-row">
                <label class="dialect">
                    "Dialect "
                    <select id="import-dialect" node_ref=dialect_select>
                        <option value="auto" selected>"Detect"</option>
                        {Dialect::ALL
                            .into_iter()
                            .map(|dialect| view! { <option value=dialect.id()>{dialect.name()}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label class="button file-button">
                    "Open .sql…"
                    <input id="import-file" type="file" accept=".sql,.txt,.ddl,text/plain,application/sql" on:change=open_file />
                </label>
                <button id="import-button" class="primary" on:click=move |_| import_text()>"Import"</button>
            </div>
            {move || file_error.get().map(|error| view! { <p class="error">{error}</p> })}
            <ImportReportView textarea=textarea />
        </section>
    }
}
