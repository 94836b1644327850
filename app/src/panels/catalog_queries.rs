//! Import from a live database: each engine's catalog query with a Copy button, to run in the
//! engine's own client; the JSON document it prints is pasted into the import box.

use leptos::prelude::*;
use relvar_sql::{Dialect, catalog_query};

use crate::browser::copy_to_clipboard;

#[component]
pub fn CatalogQueries() -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |dialect: Dialect| {
        leptos::task::spawn_local(async move {
            match copy_to_clipboard(catalog_query(dialect)).await {
                Ok(()) => status.set(format!(
                    "Copied the {} query: run it, then paste what it prints above and Import.",
                    dialect.name()
                )),
                Err(error) => status.set(format!(
                    "Could not copy ({error}); select the query and copy it by hand."
                )),
            }
        });
    };
    let engines = Dialect::ALL
        .into_iter()
        .map(|dialect| {
            view! {
                <details class="catalog-query" data-engine=dialect.id()>
                    <summary>{dialect.name()}</summary>
                    <button id=format!("copy-catalog-{}", dialect.id()) on:click=move |_| copy(dialect)>
                        "Copy query"
                    </button>
                    <pre id=format!("catalog-query-{}", dialect.id())>{catalog_query(dialect)}</pre>
                </details>
            }
        })
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
