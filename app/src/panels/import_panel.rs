//! Import: paste DDL or a catalog document, open .sql files or a migration folder; the design is
//! replaced (undoably) by what it holds and named after the folder, the file or the database.

use leptos::prelude::*;
use relvar_sql::Dialect;

use super::catalog_queries::CatalogQueries;
use super::import_report::ImportReportView;
use super::import_source::{FoldedSourceNote, SourceBox};
use crate::browser::{picked_files, read_file_text};
use crate::library::Library;
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
        let picked = picked_files(&event);
        if picked.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let mut files = Vec::with_capacity(picked.len());
            for (path, file) in &picked {
                match read_file_text(file).await {
                    Ok(text) => files.push((path.clone(), text)),
                    Err(error) => {
                        file_error.set(Some(format!("Could not read {path}: {error}")));
                        return;
                    }
                }
            }
            file_error.set(None);
            let one_file = matches!(files.as_slice(), [(path, _)] if !path.contains('/'));
            let (text, name, sources) = if one_file {
                let Some((path, text)) = files.pop() else {
                    return;
                };
                let stem = path
                    .rsplit_once('.')
                    .map_or(path.as_str(), |(stem, _)| stem);
                (text, Some(stem.to_owned()), None)
            } else {
                let script = relvar_sql::join_migrations(files);
                (script.text.clone(), script.name(), Some(script))
            };
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
                <label class="button file-button" title="One file, or several migrations to run in version order">
                    "Open files…"
                    <input id="import-file" type="file" multiple accept=".sql,.txt,.ddl,.json,text/plain,application/sql,application/json" on:change=open_files />
                </label>
                <label class="button file-button" title="A migration folder: Flyway, golang-migrate, Prisma, Drizzle, Diesel, numbered files">
                    "Open folder…"
                    <input id="import-folder" type="file" prop:webkitdirectory=true on:change=open_files />
                </label>
                <button id="import-button" class="primary" on:click=move |_| import_text()>"Import"</button>
            </div>
            {move || file_error.get().map(|error| view! { <p class="error">{error}</p> })}
            <ImportReportView source=source />
            <CatalogQueries />
        </section>
    }
}
