//! Import from a live database: each engine's catalog query with a Copy button, to run in the
//! engine's own client; the JSON document it prints is pasted into the import box. The queries
//! are the worker's (`engine_room`): fetched when an engine's query is first opened or copied.

use leptos::prelude::*;
use relvar_model::Design;
use relvar_sql::Dialect;
use relvar_worker::protocol::{Answer, ExportFormat, Request};

use crate::browser::copy_to_clipboard;
use crate::engine_room;

/// Gives `done` the engine's query, from `query` once fetched; a failure is said in `status`.
fn with_query(
    dialect: Dialect,
    query: RwSignal<Option<String>>,
    status: RwSignal<String>,
    done: impl FnOnce(String) + 'static,
) {
    if let Some(text) = query.get_untracked() {
        return done(text);
    }
    let request = Request::Export(ExportFormat::CatalogQuery(dialect.id().to_owned()));
    engine_room::ask(
        &Design::default(),
        &request,
        move |(answer, _)| match answer {
            Ok(Answer::Exported { text, .. }) => {
                query.set(Some(text.clone()));
                done(text);
            }
            Ok(Answer::Compared(_) | Answer::Imported(_)) => {}
            Err(why) => status.set(format!(
                "Could not load the {} query: {why}",
                dialect.name()
            )),
        },
    );
}

#[component]
fn EngineQuery(dialect: Dialect, status: RwSignal<String>) -> impl IntoView {
    let query = RwSignal::new(None::<String>);
    let copy = move |_| {
        with_query(dialect, query, status, move |text| {
            leptos::task::spawn_local(async move {
                match copy_to_clipboard(&text).await {
                    Ok(()) => status.set(format!(
                        "Copied the {} query: run it, then paste what it prints above and Import.",
                        dialect.name()
                    )),
                    Err(error) => status.set(format!(
                        "Could not copy ({error}); select the query and copy it by hand."
                    )),
                }
            });
        });
    };
    let opened = move |_| with_query(dialect, query, status, |_| {});
    view! {
        <details class="catalog-query" data-engine=dialect.id() on:toggle=opened>
            <summary>{dialect.name()}</summary>
            <button id=format!("copy-catalog-{}", dialect.id()) on:click=copy>"Copy query"</button>
            <pre id=format!("catalog-query-{}", dialect.id())
                data-state=move || if query.with(Option::is_some) { "current" } else { "loading" }>
                {move || query.get().unwrap_or_else(|| String::from("Loading the query…"))}
            </pre>
        </details>
    }
}

#[component]
pub fn CatalogQueries() -> impl IntoView {
    let status = RwSignal::new(String::new());
    let engines = Dialect::ALL
        .into_iter()
        .map(|dialect| view! { <EngineQuery dialect=dialect status=status /> })
        .collect_view();
    view! {
        <details class="catalog-queries" id="catalog-queries">
            <summary>"Import from a live database"</summary>
            <p class="hint">
                "Run your engine's query in its own client (psql, mysql, sqlite3, sqlcmd). It reads the catalog, never a row of data, and prints one JSON document: paste that above and Import. No connection and no credentials reach Relvar."
            </p>
            {engines}
            <p class="status" id="catalog-status" role="status">{move || status.get()}</p>
        </details>
    }
}
