//! Export: the design as PostgreSQL DDL or a Mermaid erDiagram, to copy or download.

use leptos::prelude::*;
use relvar_sql::Dialect;

use crate::browser::{copy_to_clipboard, download};
use crate::store::use_store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExportFormat {
    PostgreSql,
    Mermaid,
}

impl ExportFormat {
    fn file_name(self) -> &'static str {
        match self {
            Self::PostgreSql => "relvar-design.sql",
            Self::Mermaid => "relvar-design.mmd",
        }
    }

    fn mime_type(self) -> &'static str {
        match self {
            Self::PostgreSql => "application/sql",
            Self::Mermaid => "text/plain",
        }
    }
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let store = use_store();
    let format = RwSignal::new(ExportFormat::PostgreSql);
    let status = RwSignal::new(String::new());
    let output = Memo::new(move |_| {
        let format = format.get();
        store.design.with(|design| match format {
            ExportFormat::PostgreSql => relvar_sql::export_ddl(design, Dialect::PostgreSql),
            ExportFormat::Mermaid => relvar_export::to_mermaid(design),
        })
    });
    let copy = move |_| {
        let text = output.get_untracked();
        leptos::task::spawn_local(async move {
            match copy_to_clipboard(&text).await {
                Ok(()) => status.set(format!("Copied {} characters.", text.chars().count())),
                Err(error) => status.set(format!(
                    "Could not copy ({error}); select the text and copy it by hand."
                )),
            }
        });
    };
    let save = move |_| {
        let format = format.get_untracked();
        match download(
            format.file_name(),
            format.mime_type(),
            &output.get_untracked(),
        ) {
            Ok(()) => status.set(format!("Downloaded {}.", format.file_name())),
            Err(error) => status.set(format!("Could not download ({error}).")),
        }
    };
    let tab = move |which: ExportFormat, id: &'static str, label: &'static str| {
        view! {
            <button
                id=id
                class="tab"
                class:active=move || format.get() == which
                on:click=move |_| {
                    format.set(which);
                    status.set(String::new());
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <section class="panel export-panel">
            <h2>"Export"</h2>
            <div class="tabs">
                {tab(ExportFormat::PostgreSql, "export-postgres", "PostgreSQL DDL")}
                {tab(ExportFormat::Mermaid, "export-mermaid", "Mermaid")}
            </div>
            {move || {
                let source = store.last_import.with(|report| report.as_ref().map(|report| report.dialect));
                source.filter(|dialect| *dialect != Dialect::PostgreSql).map(|dialect| {
                    view! {
                        <p class="export-note" id="export-note">
                            {format!(
                                "This design was read as {}: its types and the options carried as written are exported as they were read, not converted to PostgreSQL yet.",
                                dialect.name(),
                            )}
                        </p>
                    }
                })
            }}
            <textarea id="export-text" readonly spellcheck="false" prop:value=move || output.get()></textarea>
            <div class="panel-row">
                <button id="export-copy" on:click=copy>"Copy"</button>
                <button id="export-download" on:click=save>"Download"</button>
                <span class="status" id="export-status">{move || status.get()}</span>
            </div>
        </section>
    }
}
