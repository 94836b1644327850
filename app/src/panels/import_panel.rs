//! Import: paste DDL or a catalog document, open .sql files or a migration folder; the design is
//! replaced (undoably) by what it holds and named after the folder, the file or the database.

use leptos::prelude::*;
use relvar_sql::Dialect;

use super::catalog_queries::CatalogQueries;
use super::import_report::ImportReportView;
use super::import_source::{FoldedSourceNote, SourceBox};
use crate::library::Library;
use crate::picked_script::{OpenScriptFiles, PickedScript, read_script, take_picked};
use crate::store::use_store;

#[component]
pub fn ImportPanel() -> impl IntoView {
    let store = use_store();
    let library = use_context::<Library>();
    let source = SourceBox::new();
    let dialect_select = NodeRef::<leptos::html::Select>::new();
    let file_error = RwSignal::new(None::<String>);

    let chosen_dialect = move || {
        dialect_select
            .get_untracked()
            .and_then(|select| Dialect::from_id(&select.value()))
    };
    let rename = move |name: Option<String>| {
        let (Some(name), Some(library)) = (name, library) else {
            return;
        };
        if let Some(id) = library.current.get_untracked() {
            library.rename(&id, &name);
        }
    };
    // Pasted DDL names the design it fills (after its database, schema or tables) unless the
    // person has named it already.
    let untitled = move || {
        let current = library.and_then(|library| {
            let id = library.current.get_untracked()?;
            library.name_of(&id)
        });
        current.is_none_or(|name| name == relvar_model::Design::default().name)
    };
    let import_text = move || {
        let text = source.text();
        store.import(&text, chosen_dialect(), None, None, move |named| {
            if untitled() {
                rename(named);
            }
        });
        source.fold_if_long(text);
    };
    let open_files = move |event: leptos::ev::Event| {
        let Some(picked) = take_picked(&event) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let picked = match read_script(picked).await {
                Err(error) => {
                    file_error.set(Some(error));
                    return;
                }
                Ok(picked) => picked,
            };
            file_error.set(None);
            let PickedScript {
                text,
                name,
                sources,
            } = picked;
            source.set(&text);
            store.import(&text, chosen_dialect(), name, sources, rename);
            source.fold_if_long(text);
        });
    };

    view! {
        <section class="panel import-panel">
            <h2>"Import DDL"</h2>
            <textarea
                id="import-text"
                node_ref=source.textarea
                on:input=move |_| source.started_anew()
                spellcheck="false"
                placeholder="Paste CREATE TABLE statements, a pg_dump schema, Rails structure.sql, or the JSON a catalog query below prints…"
            ></textarea>
            <FoldedSourceNote source=source />
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
                <OpenScriptFiles files_id="import-file" folder_id="import-folder" on_pick=open_files />
                <button id="import-button" class="primary" on:click=move |_| import_text()>"Import"</button>
            </div>
            {move || file_error.get().map(|error| view! { <p class="error">{error}</p> })}
            <ImportReportView source=source />
            <CatalogQueries />
        </section>
    }
}
